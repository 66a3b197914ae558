"""What a line of a person's follow-up offers the user: change or delete a session, move or edit a referral,
print its letter, change a job. The services check the same rules; the panel only hides what would be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from hubdesk.domain.enums import ReferralStatus
from hubdesk.domain.workflow import REFERRAL_STEPS
from hubdesk.services.access import SUPERVISORS
from hubdesk.services.documents import DOCUMENT_LANGUAGES, PRINTERS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobInfo, ReferralInfo, SessionEntry
from hubdesk.ui import labels
from hubdesk.ui.referral_actions import prints_letter
from hubdesk.ui.timeline_model import TimelineRecord

#: a referral whose request can still be changed
EDITABLE_REFERRAL = frozenset({ReferralStatus.DRAFT, ReferralStatus.SENT})


class ItemAction(Enum):
    """The actions on the selected line, in the order of their buttons."""

    EDIT_SESSION = "edit_session"
    DELETE_SESSION = "delete_session"
    REFERRAL_STATUS = "referral_status"
    EDIT_REFERRAL = "edit_referral"
    PRINT_LETTER = "print_letter"
    EDIT_JOB = "edit_job"


@dataclass(frozen=True)
class FollowUpRights:
    """Who the user is, as far as the follow-up's actions go."""

    user_id: str | None
    writer: bool  # records and changes people's follow-up
    supervisor: bool  # a coordinator or an administrator: changes any session
    printer: bool  # prints documents (the referral letter)

    @classmethod
    def of(cls, services: Services) -> FollowUpRights:
        user = services.user
        return cls(
            user_id=user.id if user is not None else None,
            writer=services.can_change_people,
            supervisor=user is not None and user.role in SUPERVISORS,
            printer=user is not None and user.role in PRINTERS,
        )

    def may_change_session(self, entry: SessionEntry) -> bool:
        """Its author or counsellor, a coordinator or an administrator (the service checks it too)."""
        if not self.writer:
            return False
        return self.supervisor or (self.user_id is not None and self.user_id in (entry.created_by, entry.counsellor_id))

    def offers(self, record: TimelineRecord | None) -> dict[ItemAction, bool]:
        """Which actions the line of ``record`` offers (all False without a line)."""
        session = isinstance(record, SessionEntry) and self.may_change_session(record)
        referral = record if isinstance(record, ReferralInfo) else None
        return {
            ItemAction.EDIT_SESSION: session,
            ItemAction.DELETE_SESSION: session,
            ItemAction.REFERRAL_STATUS: bool(self.writer and referral is not None and REFERRAL_STEPS[referral.status]),
            ItemAction.EDIT_REFERRAL: self.writer and referral is not None and referral.status in EDITABLE_REFERRAL,
            ItemAction.PRINT_LETTER: self.printer and referral is not None and prints_letter(referral.status),
            ItemAction.EDIT_JOB: self.writer and isinstance(record, JobInfo),
        }


def letter_menu(button: QPushButton, print_letter: Callable[[str], None]) -> dict[str, QAction]:
    """Give ``button`` the menu of the letter's languages; each calls ``print_letter(lang)``."""
    menu = QMenu(button.text(), button)
    actions = {lang: menu.addAction(labels.printed_language(lang)) for lang in DOCUMENT_LANGUAGES}
    for lang, action in actions.items():
        action.triggered.connect(lambda _checked=False, lang=lang: print_letter(lang))
    button.setMenu(menu)
    return actions
