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
from hubdesk.domain.entrepreneurship import ENDS
from hubdesk.domain.enums import (
    AutoEntrepreneurStatus,
    MigrationStatus,
    SkillSector,
    SupportKind,
    TrainingTheme,
    VentureKind,
)
from hubdesk.services.demo import DEMO_PASSWORD, generate_demo
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.services.readmodels import BeneficiaryQuery
from hubdesk.services.venture_readmodels import TrainingInfo, TrainingQuery, VentureInfo, VentureQuery
from hubdesk.ui import unsaved_changes
from hubdesk.ui.app import application
from hubdesk.ui.attestation_dialog import AttestationDialog
from hubdesk.ui.auto_entrepreneur_dialog import AutoEntrepreneurDialog
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.intake_dialog import IntakeDialog
from hubdesk.ui.login_dialog import LoginDialog
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog
from hubdesk.ui.person_picker import row_label
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.session_dialog import SessionDialog
from hubdesk.ui.venture_dialog import VentureDialog

OUT = Path(__file__).resolve().parent


def settle(app: QApplication, ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def save(widget: QWidget, name: str, app: QApplication, ms: int = 150) -> None:
    settle(app, ms)
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


def showcase_venture(services: Services) -> VentureInfo:
    """The running collective project with the most steps, financing lines and members."""
    rows = services.pipeline.page(VentureQuery(kind=VentureKind.COLLECTIVE), 0, 500)
    ventures = [services.ventures.get(row.id) for row in rows if row.stage not in ENDS]
    return max(ventures, key=lambda v: (len(v.members) >= 3, len(v.financing) + len(v.steps), len(v.members)))


def showcase_entrepreneur(services: Services) -> str:
    """An active auto-entrepreneur, member of a project with support actions (and a trainee, if possible)."""
    best: tuple[tuple[int, int, int], str] | None = None
    for row in services.pipeline.page(VentureQuery(), 0, 500):
        for member in services.ventures.get(row.id).members:
            person = member.beneficiary_id
            draft = services.auto_entrepreneurs.get(person).draft
            active = draft is not None and draft.status is AutoEntrepreneurStatus.ACTIVE
            score = (
                int(active),
                int(bool(services.support_actions.of_person(person))),
                len(services.trainings.of_person(person)),
            )
            if best is None or score > best[0]:
                best = (score, person)
    assert best is not None
    return best[1]


def attend_a_training(services: Services, person: str) -> None:
    """The demo has no active auto-entrepreneur among the trainees: ``person`` follows the latest finished
    training in digital skills or financial education, present every day (as a counsellor would record it)."""
    today = services.today()
    trainings = [services.trainings.get(row.id) for row in services.trainings.page(TrainingQuery(), 0, 500)]
    finished = [
        t
        for t in trainings
        if t.days
        and t.days[-1].held_on < today
        and t.draft.theme in (TrainingTheme.DIGITAL, TrainingTheme.FINANCIAL_EDUCATION)
        and all(trainee.beneficiary_id != person for trainee in t.trainees)
    ]
    if not finished:
        return
    training_id = max(finished, key=lambda t: t.days[-1].held_on).id
    services.trainings.enrol(training_id, [person])
    training = services.trainings.get(training_id)
    for day in training.days:
        present = [t.enrolment_id for t in training.trainees if day.id in t.attended or t.beneficiary_id == person]
        services.trainings.mark_attendance(training_id, day.held_on, present)


def ineligible_asylum_seeker(services: Services) -> str:
    """An asylum seeker without a residence permit, who never applied."""
    rows = services.search.page(BeneficiaryQuery(migration_status=MigrationStatus.ASYLUM_SEEKER.value), 0, 300)
    for row in rows:
        info = services.auto_entrepreneurs.get(row.id)
        if info.draft is None and "asylum seeker" in info.eligibility:
            return row.id
    raise LookupError("no asylum seeker without a residence permit in the demo")


def showcase_training(services: Services) -> TrainingInfo:
    """The training held over several days with about fifteen trainees, most of whom completed."""
    trainings = [services.trainings.get(row.id) for row in services.trainings.page(TrainingQuery(), 0, 500)]
    held = [t for t in trainings if len(t.days) >= 3 and any(trainee.completed for trainee in t.trainees)]
    return min(held, key=lambda t: (abs(len(t.trainees) - 15), -len(t.days)))


def render_pdf_page(pdf: bytes, name: str, dpi: int = 100) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    path = OUT / f"{name}.png"
    document[0].render(scale=dpi / 72).to_pil().save(path)
    document.close()
    print(path)


def tab_named(tabs: QTabWidget, text: str) -> None:
    """Show the tab whose title (without its "&" and its count "(3)") is ``text``."""
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "").split(" (")[0] == text:
            tabs.setCurrentIndex(index)
            return
    raise LookupError(f"no tab {text!r}")


def enterprise_screens(window: MainWindow, services: Services, app: QApplication) -> None:
    """Issue #5: the pipeline, a project, the new project dialog, a person's Entrepreneurship tab, the
    auto-entrepreneur status of someone who may not register, a training, a certificate, a sign-in sheet."""
    assert window.pipeline is not None and window.venture is not None and window.trainings is not None
    venture = showcase_venture(services)
    training = showcase_training(services)  # before someone is enrolled for the Entrepreneurship tab
    show_page(window, window.pipeline)
    settle(app, 400)  # the total comes just after the rows
    window.pipeline.table.selectRow(window.pipeline.model.row_of(venture.id))
    save(window, "pipeline", app)

    window.open_venture(venture.id)
    tab_named(window.venture.tabs, "Financing")
    save(window, "venture", app)

    dialog = VentureDialog(services, window)
    dialog.name_edit.setText("Coopérative Tanja Couture")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(VentureKind.COLLECTIVE.value))
    dialog.sector_combo.setCurrentIndex(dialog.sector_combo.findData(SkillSector.TEXTILE.value))
    dialog.description_edit.setPlainText("Retouches et confection sur mesure pour les boutiques de Casabarata.")
    for row in services.search.page(BeneficiaryQuery(text="amr"), 0, 3):
        dialog.add_member(row.id, row_label(row))
    dialog.show()
    save(dialog, "venture-dialog", app)
    dialog.reject()

    person = showcase_entrepreneur(services)
    attend_a_training(services, person)
    window.open_beneficiary(person)
    assert window.record.enterprise is not None
    window.record.tabs.setCurrentWidget(window.record.enterprise)
    save(window, "enterprise-tab", app)

    status = AutoEntrepreneurDialog(services, ineligible_asylum_seeker(services), window)
    status.show()
    save(status, "auto-entrepreneur-ineligible", app)
    status.reject()

    window.open_training(training.id)
    save(window, "training", app)
    completed = [t for t in training.trainees if t.completed]
    trainee = next((t for t in completed if t.arabic_name), completed[0])  # the name in both scripts
    printed = services.training_documents.certificate(training.id, trainee.beneficiary_id, "ar")
    preview = PdfPreviewDialog(printed.pdf, "Certificat", f"{printed.info.number}.pdf", window, printed.info)
    preview.resize(900, 820)  # a landscape page, whole: no scroll bar
    preview.show()
    save(preview, "preview-certificate-ar", app, 800)
    preview.close()
    first_day = training.days[0].held_on
    render_pdf_page(services.training_documents.sign_in_sheet(training.id, first_day, "fr"), "sign-in-sheet-fr")


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
    save(preview, "preview-attestation-ar", app, 800)  # the pages are drawn behind
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
    save(preview, "preview-referral-ar", app, 800)
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

    enterprise_screens(window, services, app)
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
