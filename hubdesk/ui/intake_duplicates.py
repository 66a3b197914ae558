"""Looking for the person being typed among registered people, while the intake is filled in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.readmodels import DuplicateCandidate

#: Typing pauses this long before the registry is searched for the same person.
DUPLICATE_DELAY_MS = 500
#: Draft attributes whose change may reveal that the person is already registered.
DUPLICATE_KEYS = frozenset(
    {"first_name", "last_name", "arabic_name", "birth_date", "birth_year", "phones", "id_document_number"}
)
_BANNER_STYLE = (
    "QPushButton { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; border-radius: 3px;"
    " padding: 6px; text-align: left; }"
)


class DuplicateWatch(QObject):
    """Checks the draft against the registry once typing pauses, and says so in a discreet banner.

    ``banner`` is a button the form places where it likes; it is hidden while nothing is found.
    """

    def __init__(
        self,
        check: Callable[[BeneficiaryDraft], list[DuplicateCandidate]],
        draft: Callable[[], BeneficiaryDraft],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._draft = draft
        #: the records found by the last check, best first
        self.candidates: list[DuplicateCandidate] = []
        self.banner = QPushButton(parent)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setAutoDefault(False)
        self.banner.setCursor(Qt.CursorShape.PointingHandCursor)
        self.banner.setToolTip(self.tr("Show the records that look like this person"))
        self.banner.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DUPLICATE_DELAY_MS)
        self._timer.timeout.connect(self.check_now)

    def edited(self, key: str) -> None:
        """The person changed the draft attribute ``key``: check again once typing pauses."""
        if key in DUPLICATE_KEYS:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def check_now(self) -> None:
        self._timer.stop()
        draft = self._draft()
        if not (draft.last_name.strip() or draft.id_document_number.strip() or draft.phones):
            self.set_candidates([])
            return
        try:
            self.set_candidates(self._check(draft))
        except HubdeskError:
            # the check while typing is a courtesy; the one on Save reports its failure
            self.set_candidates([])

    def set_candidates(self, candidates: list[DuplicateCandidate]) -> None:
        self.candidates = candidates
        count = len(candidates)
        if count == 1:
            self.banner.setText(self.tr("1 possible existing record — check before saving"))
        else:
            self.banner.setText(self.tr("{count} possible existing records — check before saving").format(count=count))
        self.banner.setVisible(bool(count))
