"""The administrator's page of the organisation settings every document prints with."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.documents.data import LANGUAGES, OrganisationProfile
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.ui.intake_editors import ERROR_STYLE, SHORT_WIDTH
from hubdesk.ui.organisation_fields import HINT_STYLE, FieldGrid
from hubdesk.ui.organisation_logos import LogoEditor

#: Typing pauses this long before the form is checked again.
VALIDATION_DELAY_MS = 300
_TEXTS = ("names", "addresses", "cities", "signatory_titles")


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def _comparable(profile: OrganisationProfile) -> tuple[object, ...]:
    texts = tuple(tuple(getattr(profile, name).get(lang, "") for lang in LANGUAGES) for name in _TEXTS)
    rest = (profile.phone, profile.email, tuple(profile.logos), profile.signatory_name, profile.site_code)
    return texts + rest


class OrganisationPage(QWidget):
    """Name, address and city in French, Arabic and English, contact, site code, default signatory
    and logos; saved with Save (Ctrl+S or Enter), thrown away with Revert.

    Signals:
        organisation_saved: the settings were saved (documents print with them from now on).
    """

    organisation_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = services.organisation
        self._saved = OrganisationProfile()
        self._touched: set[str] = set()
        self._save_attempted = False
        self._loading = False
        self._status = ""
        self._build()
        self.load(self._service.profile())

    # -- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        languages = {"fr": self.tr("French"), "ar": self.tr("Arabic"), "en": self.tr("English")}
        same_as_french = self.tr("Empty: the French text prints")

        self.identity = FieldGrid(languages)
        self.identity.add_per_language("names", self.tr("Name"), same_as_french)
        self.identity.add_per_language("addresses", self.tr("Address"), same_as_french)
        self.identity.add_per_language("cities", self.tr("City (place of issue)"), same_as_french)
        self.identity.setRowStretch(self.identity.rowCount(), 1)  # rows keep together when the box is taller
        self.signatory = FieldGrid(languages)
        self.signatory.add("signatory_name", self.tr("Name"))
        self.signatory.add_per_language("signatory_titles", self.tr("Title"), same_as_french)
        self.signatory.add_hint(
            self.tr("Certificates and attestations are signed by this person unless told otherwise.")
        )
        self.contact = FieldGrid(languages)
        self.contact.add("phone", self.tr("Phone"))
        self.contact.add("email", self.tr("E-mail"))
        self.contact.add("site_code", self.tr("Site code"), width=SHORT_WIDTH).setMaxLength(8)
        self.contact.add_hint(
            self.tr(
                "2 to 5 capital letters. It heads the codes given from now on (TNG-2026-00042); "
                "codes already given do not change."
            )
        )
        self._grids = (self.identity, self.signatory, self.contact)
        self.fields: dict[str, QLineEdit] = {k: f for grid in self._grids for k, f in grid.fields.items()}
        for key, field in self.fields.items():
            field.textEdited.connect(lambda _text, key=key: self._edited(key))
            field.returnPressed.connect(self.save)

        self.logos = LogoEditor(self._service.add_logo, self._logo_problems, self)
        self.logos.logos_edited.connect(lambda: self._edited("logos"))
        logo_hint = QLabel(
            self.tr(
                "Printed at the top of every document in this order: the association first, then its "
                "partners. A copy of each image is kept with the database."
            )
        )
        logo_hint.setWordWrap(True)
        logo_hint.setStyleSheet(HINT_STYLE)

        title = QLabel(self.tr("Organisation"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(self.tr("What every printed letter, certificate and attestation says about the HUB."))
        intro.setWordWrap(True)

        FieldGrid.line_up(self.contact, self.signatory)  # one above the other: fields start at one line
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("Contact and site"), self.contact))
        right.addWidget(self._group(self.tr("Default signatory"), self.signatory))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self._group(self.tr("Name and address"), self.identity), 3)
        columns.addLayout(right, 2)
        logos_box = QVBoxLayout()
        logos_box.addWidget(logo_hint)
        logos_box.addWidget(self.logos)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(columns)
        inner.addWidget(self._group(self.tr("Logos"), logos_box))
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setToolTip(self.tr("Throw away the changes not saved"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self._validation_timer = QTimer(self)
        self._validation_timer.setSingleShot(True)
        self._validation_timer.setInterval(VALIDATION_DELAY_MS)
        self._validation_timer.timeout.connect(self._validate_now)

    def _group(self, title: str, layout: QGridLayout | QVBoxLayout) -> QGroupBox:
        box = QGroupBox(title, self)
        box.setLayout(layout)
        return box

    # -- the profile in the form --------------------------------------------------------------------

    def load(self, profile: OrganisationProfile) -> None:
        """Show ``profile`` as the saved state: no change pending, no message."""
        self._loading = True
        try:
            for attribute in _TEXTS:
                texts: dict[str, str] = getattr(profile, attribute)
                for lang in LANGUAGES:
                    self.fields[f"{attribute}.{lang}"].setText(texts.get(lang, ""))
            self.fields["phone"].setText(profile.phone)
            self.fields["email"].setText(profile.email)
            self.fields["site_code"].setText(profile.site_code)
            self.fields["signatory_name"].setText(profile.signatory_name)
            for field in self.fields.values():
                field.setCursorPosition(0)  # a long name shows its beginning, not its end
            self.logos.set_logos(profile.logos)
        finally:
            self._loading = False
        self._saved = self.profile()
        self._touched.clear()
        self._save_attempted = False
        self._show_errors({})
        self._set_status("", "")
        self._update_state()

    def profile(self) -> OrganisationProfile:
        """What the form holds, as typed."""

        def texts(attribute: str) -> dict[str, str]:
            return {lang: self.fields[f"{attribute}.{lang}"].text() for lang in LANGUAGES}

        return OrganisationProfile(
            names=texts("names"),
            addresses=texts("addresses"),
            cities=texts("cities"),
            phone=self.fields["phone"].text(),
            email=self.fields["email"].text(),
            logos=self.logos.logos(),
            signatory_name=self.fields["signatory_name"].text(),
            signatory_titles=texts("signatory_titles"),
            site_code=self.fields["site_code"].text(),
        )

    def is_dirty(self) -> bool:
        """True when the form holds changes that are not saved."""
        return _comparable(self.profile()) != _comparable(self._saved)

    def _logo_problems(self, logos: tuple[Path, ...]) -> dict[Path, str]:
        return self._service.logo_problems(replace(self._saved, logos=logos))

    # -- showing problems ---------------------------------------------------------------------------

    def error_text(self, key: str) -> str:
        """The message shown under the field of ``key`` ("" when none is shown)."""
        for grid in self._grids:
            if key in grid.errors:
                label = grid.errors[key]
                return "" if label.isHidden() else label.text()
        return ""

    def _show_errors(self, errors: dict[str, str]) -> int:
        if not self._save_attempted:
            errors = {key: text for key, text in errors.items() if key in self._touched}
        for grid in self._grids:
            for key, label in grid.errors.items():
                label.setText(_message(errors.get(key, "")))
                label.setVisible(key in errors)
        return sum(1 for key in errors if key in self.fields)

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        for key, field in self.fields.items():
            if key in errors:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _update_state(self) -> None:
        """Save and Revert work when something changed; the status line says so, unless it says more."""
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty and self._status in ("", "saved"):
            self._set_status("dirty", self.tr("Unsaved changes"))
        elif not dirty and self._status == "dirty":
            self._set_status("", "")

    def _set_status(self, kind: str, text: str) -> None:
        """``kind``: "" (nothing to say), "dirty", "saved" or "error" (a refused save)."""
        self._status = kind
        self.status_label.setStyleSheet({"error": ERROR_STYLE, "dirty": HINT_STYLE}.get(kind, ""))
        self.status_label.setText(text)

    # -- reacting to the person ---------------------------------------------------------------------

    @Slot(str)
    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._update_state()
        self._validation_timer.start()

    @Slot()
    def _validate_now(self) -> None:
        count = self._show_errors(self._service.check(self.profile()))
        if self._status == "error" and not count:  # every problem of the refused save is fixed
            self._set_status("", "")
            self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.logos.refresh_problems()  # a file may have come back, or gone, since the page was last seen

    # -- saving, reverting, leaving -----------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check the form and save it; a refused save keeps everything typed and says why."""
        self._validation_timer.stop()
        if not self.is_dirty():
            return
        self._save_attempted = True
        profile = self.profile()
        errors = self._service.check(profile)
        if errors:
            self._refused(errors)
            return
        try:
            saved = self._service.save(profile)
        except ValidationError as exc:
            self._refused(exc.errors)
            return
        except HubdeskError as exc:
            self._set_status("error", self.tr("Not saved: %1").replace("%1", _message(str(exc))))
            return
        self.load(saved)
        self._set_status("saved", self.tr("Saved."))
        self.organisation_saved.emit()

    def _refused(self, errors: dict[str, str]) -> None:
        count = self._show_errors(errors)
        self._focus_first_error(errors)
        if count == 0:  # refused for something no field shows
            reasons = "; ".join(_message(text) for text in errors.values())
            self._set_status("error", self.tr("Not saved: %1").replace("%1", reasons))
        elif count == 1:
            self._set_status("error", self.tr("Not saved: 1 field needs attention"))
        else:
            self._set_status("error", self.tr("Not saved: %1 fields need attention").replace("%1", str(count)))

    @Slot()
    def revert(self) -> None:
        """Show the saved settings again, after asking when changes would be thrown away."""
        if self.is_dirty() and not self._confirm(self.tr("Throw away the changes to the organisation settings?")):
            return
        self.load(self._service.profile())

    def confirm_leave(self) -> bool:
        """True when nothing is pending, or the person agrees to lose the changes."""
        return not self.is_dirty() or self._confirm(
            self.tr("The organisation settings have changes that are not saved. Throw them away?")
        )

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Organisation"), text)
        return answer == QMessageBox.StandardButton.Yes
