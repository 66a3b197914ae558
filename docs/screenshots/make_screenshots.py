"""Regenerates the screenshots of docs/screenshots/ from a fresh demo database (offscreen Qt).

    python docs/screenshots/make_screenshots.py

Each picture is the real window grabbed after the same clicks a person would make.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from hubdesk.db.database import open_database
from hubdesk.domain.enums import SupportKind
from hubdesk.services.demo import DEMO_PASSWORD, generate_demo
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.ui import unsaved_changes
from hubdesk.ui.app import application
from hubdesk.ui.attestation_dialog import AttestationDialog
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.intake_dialog import IntakeDialog
from hubdesk.ui.login_dialog import LoginDialog
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.session_dialog import SessionDialog

OUT = Path(__file__).resolve().parent


def settle(app: QApplication, ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def show_page(window: MainWindow, page: QWidget) -> None:
    window.nav.setCurrentRow(window._pages.index(page))


def busiest_person(services: Services) -> str:
    """The person with the most referrals of the demo: their record shows every kind of follow-up."""
    rows = services.follow_up.referral_page(ReferralQuery(), 0, 2000)
    counts = Counter(row.beneficiary_id for row in rows)
    return counts.most_common(1)[0][0]


def main() -> int:
    app = application()
    # the forms filled in for a picture are closed without asking "Discard what you typed?"
    unsaved_changes.confirm_discard = lambda _parent: True
    folder = Path(tempfile.mkdtemp(prefix="hubdesk-shots-"))
    database = open_database(folder)
    generate_demo(database, size=1500, seed=2026)
    services = Services(database)

    login = LoginDialog(services, services.settings.demo_accounts())
    login.password.setText(DEMO_PASSWORD)
    login.show()
    save(login, "login", app)
    login.close()

    services.login("coordination", DEMO_PASSWORD)
    window = MainWindow(services)
    window.resize(1280, 800)
    window.show()
    page = window.beneficiaries
    window.show_list()
    first = page.model.row_at(3)
    assert first is not None
    window.open_beneficiary(first.id)
    window.nav.setCurrentRow(0)
    save(window, "home", app)

    window.show_list()
    save(window, "list", app)
    page.search_edit.setText("amr")
    page.apply_filters()
    save(window, "list-search", app)

    window.open_beneficiary(first.id)
    save(window, "record", app)

    # documents: the attestation options, then the Arabic attestation in the preview
    options = AttestationDialog(services.person_documents, date(2026, 2, 9), window)
    options.show()
    save(options, "attestation-options", app)
    options.reject()
    request = AttestationRequest(date(2026, 2, 9), supports=(SupportKind.COUNSELLING, SupportKind.BUSINESS_CREATION))
    printed = services.person_documents.attestation(first.id, request, "ar")
    preview = PdfPreviewDialog(printed.pdf, "Attestation", f"{printed.info.number}.pdf", window, printed.info)
    preview.resize(820, 900)
    preview.show()
    save(preview, "preview-attestation-ar", app)
    preview.close()
    show_page(window, window.documents)
    window.documents.verify_panel.code_edit.setText(printed.info.verification_code.lower().replace("-", ""))
    window.documents.verify_panel.verify()
    save(window, "documents", app)

    intake = IntakeDialog(services, None, window)
    intake.show()
    save(intake, "intake", app)
    intake.close()
    edit = IntakeDialog(services, first.id, window)
    edit.show()
    tabs = edit.findChild(QTabWidget)
    if tabs is not None:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            save(edit, f"intake-{index + 1}", app)
    edit.reject()

    # issue #4: the follow-up of a person, the agenda, the referrals and sessions over everyone, the partners
    show_page(window, window.agenda)
    window.agenda.everyone_button.setChecked(True)
    save(window, "agenda", app)
    show_page(window, window.referrals)
    settle(app, 400)  # the figures come just after the rows
    save(window, "referrals", app)
    show_page(window, window.sessions)
    save(window, "sessions", app)
    show_page(window, window.partners)
    window.partners.table.selectRow(0)
    save(window, "partners", app)
    busy = busiest_person(services)
    window.open_beneficiary(busy)
    save(window, "record-follow-up", app)
    name = services.beneficiaries.get(busy, record_view=False).draft
    session = SessionDialog(services, busy, f"{name.first_name} {name.last_name}", window)
    session.topics.setText("CV, ANAPEC, cours de français")
    session.notes.setPlainText("Cherche un premier emploi en cuisine; disponible le matin.")
    session.has_follow_up.setChecked(True)
    session.show()
    save(session, "session-dialog", app)
    session.reject()
    refer = ReferralDialog(services, busy, f"{name.first_name} {name.last_name}", window)
    refer.show()
    save(refer, "referral-dialog", app)
    refer.reject()
    slip = FeedbackDialog(services, window)
    slip.show()
    save(slip, "feedback-dialog", app)
    slip.reject()
    referral = next(r for r in services.referrals.of_person(busy) if r.status.value != "cancelled")
    letter = services.person_follow_up.referral_letter(referral.id, "ar")
    preview = PdfPreviewDialog(letter.pdf, "Lettre", f"{letter.info.number}.pdf", window, letter.info)
    preview.resize(820, 900)
    preview.show()
    save(preview, "preview-referral-ar", app)
    preview.close()

    if window.duplicates is not None:
        show_page(window, window.duplicates)
        window.duplicates.scan()
        for _ in range(100):
            settle(app, 100)
            if window.duplicates.scan_button.isEnabled():
                break
        window.duplicates.table.selectRow(0)
        save(window, "duplicates", app)
    window.close()

    services.logout()
    services.login("admin", DEMO_PASSWORD)
    admin = MainWindow(services)
    admin.resize(1280, 800)
    admin.show()
    assert admin.organisation is not None
    admin.nav.setCurrentRow(admin._pages.index(admin.organisation))
    save(admin, "organisation", app)
    admin.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
