"""Certificates of a training, one or in a batch, through the document register; the day's sign-in sheet.

A certificate goes to someone who completed the training (attended the share of days it asks for) or
to whom a coordinator granted an exception with a recorded reason; anyone else is refused by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary
from hubdesk.documents.data import CertificateData, OrganisationProfile, PersonRef, Stamp
from hubdesk.domain.enums import AuditAction, DocumentKind
from hubdesk.domain.errors import Cancelled, ValidationError
from hubdesk.services.access import require
from hubdesk.services.audit import record_event
from hubdesk.services.document_readmodels import BatchItem, BatchOutput, PrintedDocument
from hubdesk.services.documents import PRINTERS, DocumentService
from hubdesk.services.readmodels import Actor
from hubdesk.services.training_rows import certificate_key, live_training, training_info
from hubdesk.services.venture_readmodels import TraineeInfo, TrainingInfo


def _missing(training: TrainingInfo, trainee: TraineeInfo) -> str:
    needed = training.draft.completion_share * 100
    return (
        f"{trainee.person_code} {trainee.person_name} did not complete {training.code}: attended "
        f"{len(trainee.attended)} of {len(training.days)} days, {needed:g}% needed "
        "(a coordinator may allow an exceptional certificate, saying why)."
    )


class TrainingDocuments:
    def __init__(
        self,
        database: Database,
        actor: Callable[[], Actor],
        documents: DocumentService,
        organisation: Callable[[], OrganisationProfile],
        today: Callable[[], date] = date.today,
    ) -> None:
        self._today = today
        self._db = database
        self._actor = actor
        self._documents = documents
        self._organisation = organisation

    def _training(self, training_id: str) -> tuple[TrainingInfo, dict[str, Beneficiary]]:
        with self._db.unit_of_work() as uow:
            training = training_info(uow.session, live_training(uow.session, training_id))
            ids = [t.beneficiary_id for t in training.trainees]
            people = {p.id: p for p in uow.session.scalars(select(Beneficiary).where(Beneficiary.id.in_(ids)))}
            for person in people.values():
                uow.session.expunge(person)
            return training, people

    def _items(
        self, training: TrainingInfo, people: dict[str, Beneficiary], trainees: Sequence[TraineeInfo], lang: str
    ) -> list[BatchItem]:
        if not training.days:
            raise ValidationError({"days": f"{training.code} has no days: add them before printing certificates."})
        if training.days[-1].held_on > self._today():
            ends = f"{training.days[-1].held_on:%d/%m/%Y}"
            raise ValidationError({"days": f"{training.code} ends on {ends}: its certificates print from that day."})
        profile = self._organisation()
        letterhead = profile.letterhead(lang)
        signatory = profile.signatory(lang)
        first, last = training.days[0].held_on, training.days[-1].held_on
        items = []
        for trainee in trainees:
            person = people[trainee.beneficiary_id]
            ref = PersonRef(
                code=person.code,
                first_name=person.first_name,
                last_name=person.last_name,
                arabic_name=person.arabic_name,
            )

            def build(stamp: Stamp, ref: PersonRef = ref) -> CertificateData:
                return CertificateData(
                    stamp=stamp,
                    letterhead=letterhead,
                    person=ref,
                    training_title=training.draft.title,
                    start_date=first,
                    end_date=last,
                    signatory=signatory,
                    hours=training.hours,
                    place=training.draft.place,
                )

            items.append(
                BatchItem(
                    subject_key=certificate_key(training.id, person.id),
                    build=build,
                    beneficiary_id=person.id,
                    file_stem=f"{person.code} {person.last_name} {person.first_name}".strip(),
                )
            )
        return items

    def certifiable(self, training_id: str) -> list[TraineeInfo]:
        """The trainees who may have a certificate: completed, or granted an exception."""
        require(self._actor(), PRINTERS, "Your role cannot print documents.")
        training, _ = self._training(training_id)
        return [t for t in training.trainees if t.certified]

    def certificate(self, training_id: str, beneficiary_id: str, lang: str) -> PrintedDocument:
        """One trainee's certificate; refused when they did not complete and have no exception."""
        require(self._actor(), PRINTERS, "Your role cannot print documents.")
        training, people = self._training(training_id)
        trainee = next((t for t in training.trainees if t.beneficiary_id == beneficiary_id), None)
        if trainee is None:
            raise ValidationError({"person": f"This person is not enrolled in {training.code}."})
        if not trainee.certified:
            raise ValidationError({"person": _missing(training, trainee)})
        item = self._items(training, people, [trainee], lang)[0]
        # a training whose title or days changed since makes a new paper: the earlier one is cancelled as replaced
        return self._documents.issue(
            DocumentKind.CERTIFICATE, item.subject_key, item.build, lang, beneficiary_id=beneficiary_id, supersede=True
        )

    def certificates(
        self,
        training_id: str,
        lang: str,
        *,
        beneficiary_ids: Sequence[str] | None = None,
        as_zip: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BatchOutput:
        """The certificates of everyone who completed (or of ``beneficiary_ids``, who must all have), in one PDF
        or a ZIP; nothing is recorded when cancelled."""
        require(self._actor(), PRINTERS, "Your role cannot print documents.")
        training, people = self._training(training_id)
        if beneficiary_ids is None:
            trainees = [t for t in training.trainees if t.certified]
            if not trainees:
                raise ValidationError({"people": f"Nobody has completed {training.code} yet: mark attendance first."})
        else:
            by_id = {t.beneficiary_id: t for t in training.trainees}
            unknown = [b for b in beneficiary_ids if b not in by_id]
            if unknown:
                raise ValidationError({"people": f"Someone chosen is not enrolled in {training.code}."})
            trainees = [by_id[b] for b in dict.fromkeys(beneficiary_ids)]
            refused = [t for t in trainees if not t.certified]
            if refused:
                more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
                raise ValidationError({"people": _missing(training, refused[0]) + more})
        if cancelled is not None and cancelled():
            raise Cancelled("Printing stopped: no document of the batch was recorded.")
        items = self._items(training, people, trainees, lang)
        return self._documents.issue_batch(
            DocumentKind.CERTIFICATE,
            items,
            lang,
            as_zip=as_zip,
            progress=progress,
            cancelled=cancelled,
            supersede=True,
        )

    def sign_in_sheet(self, training_id: str, held_on: date, lang: str) -> bytes:
        """The attendance sheet of one day, with the names of everyone enrolled (a form: not registered)."""
        from hubdesk.documents.sign_in_sheet import SignInRow, SignInSheetData, render_sign_in_sheet

        actor = require(self._actor(), PRINTERS, "Your role cannot print documents.")
        training, _ = self._training(training_id)
        numbers = [i for i, day in enumerate(training.days, 1) if day.held_on == held_on]
        if not numbers:
            raise ValidationError({"day": f"{held_on:%d/%m/%Y} is not a day of {training.code}."})
        profile = self._organisation()
        data = SignInSheetData(
            letterhead=profile.letterhead(lang),
            training_code=training.code,
            training_title=training.draft.title,
            day=held_on,
            day_number=numbers[0],
            day_total=len(training.days),
            trainer=training.draft.trainer,
            place=training.draft.place,
            hours=training.days[numbers[0] - 1].hours,
            rows=tuple(SignInRow(t.person_code, t.person_name, t.arabic_name) for t in training.trainees),
        )
        pdf = render_sign_in_sheet(data, lang)
        with self._db.unit_of_work() as uow:
            record_event(
                uow.session,
                actor,
                AuditAction.PRINT,
                "training",
                training.id,
                summary=f"sign-in sheet of {training.code} for {held_on:%d/%m/%Y} ({lang}), {len(data.rows)} names",
            )
            uow.commit()
        return pdf
