"""Documents about one person, built from their record: the support attestation and the summary sheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, SupportAction, Venture, VentureMember
from hubdesk.documents.data import AttestationData, OrganisationProfile, PersonRef, Stamp, SummarySheetData
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import DocumentKind, IdDocumentType, SupportKind
from hubdesk.domain.errors import Cancelled, NotFound, ValidationError
from hubdesk.services.access import FOLLOW_UP_READERS, require
from hubdesk.services.beneficiaries import BeneficiaryService
from hubdesk.services.document_readmodels import BatchItem, BatchOutput, PrintedDocument
from hubdesk.services.documents import DocumentService
from hubdesk.services.readmodels import Actor, BeneficiaryRecord

MAX_PURPOSE = 400


@dataclass(frozen=True)
class AttestationRequest:
    """What the counsellor chose for an attestation."""

    since: date
    until: date | None = None  # None: still accompanied
    supports: tuple[SupportKind, ...] = (SupportKind.COUNSELLING,)
    purpose: str = ""
    #: what the paper says about the person besides their name and code: an attestation for a bank
    #: need not show a UNHCR card
    birth_date: bool = True
    id_document: bool = True


def person_ref(code: str, draft: BeneficiaryDraft) -> PersonRef:
    """The person as their own papers name them: everything identifying that the record holds."""
    document = draft.id_document_type if draft.id_document_type is not IdDocumentType.NONE else None
    return PersonRef(
        code=code,
        first_name=draft.first_name,
        last_name=draft.last_name,
        arabic_name=draft.arabic_name,
        birth_date=draft.birth_date,
        birth_year=draft.birth_year,
        nationality=draft.nationality,
        id_document_type=document,
        id_document_number=draft.id_document_number if document else "",
    )


class PersonDocuments:
    """Prints attestations and summary sheets under the register (numbers, hashes, audit)."""

    def __init__(
        self,
        database: Database,
        actor: Callable[[], Actor],
        beneficiaries: BeneficiaryService,
        documents: DocumentService,
        organisation: Callable[[], OrganisationProfile],
        user_name: Callable[[], str],
        today: Callable[[], date] = date.today,
    ) -> None:
        self._db = database
        self._actor = actor
        self._beneficiaries = beneficiaries
        self._documents = documents
        self._organisation = organisation
        self._user_name = user_name
        self._today = today

    def default_request(self, beneficiary_id: str) -> AttestationRequest:
        """The attestation a person is given unless someone chooses otherwise: support since their registration
        and still going on; counselling, and business creation when they are a member of a business project or
        were given a support action (on them, or on a project of theirs)."""
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read business projects.")
        in_project = (
            select(VentureMember.id)
            .join(Venture, Venture.id == VentureMember.venture_id)
            .where(
                VentureMember.beneficiary_id == Beneficiary.id,
                VentureMember.deleted_at.is_(None),
                Venture.deleted_at.is_(None),
            )
            .exists()
        )
        # an action given to a project of theirs already counts through in_project
        supported = (
            select(SupportAction.id)
            .where(SupportAction.beneficiary_id == Beneficiary.id, SupportAction.deleted_at.is_(None))
            .exists()
        )
        with self._db.unit_of_work() as uow:
            row = uow.session.execute(
                select(Beneficiary.registered_on, Beneficiary.created_at, or_(in_project, supported)).where(
                    Beneficiary.id == beneficiary_id, Beneficiary.deleted_at.is_(None)
                )
            ).one_or_none()
        if row is None:
            raise NotFound("This person does not exist or was deleted.")
        registered_on, created_at, business = row
        supports = (SupportKind.COUNSELLING, SupportKind.BUSINESS_CREATION) if business else (SupportKind.COUNSELLING,)
        return AttestationRequest(since=registered_on or created_at.date(), until=None, supports=supports)

    def check_attestation(self, request: AttestationRequest) -> dict[str, str]:
        """Field -> message for a request that cannot be printed; {} when it can."""
        errors: dict[str, str] = {}
        today = self._today()
        if request.since > today:
            errors["since"] = "The support cannot start in the future."
        if request.until is not None and request.until < request.since:
            errors["until"] = "The end comes before the start."
        elif request.until is not None and request.until > today:
            errors["until"] = "The end cannot be in the future; leave it open if the support goes on."
        if not request.supports:
            errors["supports"] = "Tick at least one kind of support."
        if len(request.purpose) > MAX_PURPOSE:
            errors["purpose"] = f"At most {MAX_PURPOSE} characters ({len(request.purpose)} typed)."
        return errors

    def _attestation_item(self, record: BeneficiaryRecord, request: AttestationRequest, lang: str) -> BatchItem:
        profile = self._organisation()
        person = person_ref(record.code, record.draft)
        if not request.birth_date:
            person = replace(person, birth_date=None, birth_year=None)
        if not request.id_document:
            person = replace(person, id_document_type=None, id_document_number="")
        supports = tuple(dict.fromkeys(request.supports))

        def build(stamp: Stamp) -> AttestationData:
            return AttestationData(
                stamp=stamp,
                letterhead=profile.letterhead(lang),
                person=person,
                since=request.since,
                until=request.until,
                signatory=profile.signatory(lang),
                supports=supports,
                purpose=request.purpose.strip(),
            )

        kinds = ",".join(sorted(supports))
        # An attestation of support that goes on is dated the day it is printed: asked for again
        # another day, it is a new paper (a new number, today's date), not a reprint of an old one.
        ongoing = f":{self._today().isoformat()}" if request.until is None else ""
        key = f"attestation:{record.id}:{request.since.isoformat()}:{request.until or ''}{ongoing}:{kinds}"
        name = " ".join(part for part in (record.draft.last_name, record.draft.first_name) if part)
        return BatchItem(subject_key=key, build=build, beneficiary_id=record.id, file_stem=f"{record.code} {name}")

    def attestation(self, beneficiary_id: str, request: AttestationRequest, lang: str) -> PrintedDocument:
        """The attestation of one person; raises ValidationError naming the field at fault."""
        errors = self.check_attestation(request)
        if errors:
            raise ValidationError(errors)
        record = self._beneficiaries.get(beneficiary_id, record_view=False)
        item = self._attestation_item(record, request, lang)
        return self._documents.issue(
            DocumentKind.ATTESTATION, item.subject_key, item.build, lang, beneficiary_id=record.id
        )

    def attestations(
        self,
        beneficiary_ids: Sequence[str],
        request: AttestationRequest,
        lang: str,
        *,
        as_zip: bool,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BatchOutput:
        """The same attestation for many people, in one PDF or a ZIP; nothing is recorded if cancelled."""
        errors = self.check_attestation(request)
        if errors:
            raise ValidationError(errors)
        if not beneficiary_ids:
            raise ValidationError({"people": "Choose at least one person."})
        items = []
        for beneficiary_id in beneficiary_ids:
            if cancelled is not None and cancelled():
                raise Cancelled("Printing stopped: no document of the batch was recorded.")
            record = self._beneficiaries.get(beneficiary_id, record_view=False)
            items.append(self._attestation_item(record, request, lang))
        return self._documents.issue_batch(
            DocumentKind.ATTESTATION, items, lang, as_zip=as_zip, progress=progress, cancelled=cancelled
        )

    def summary_sheet(self, beneficiary_id: str, lang: str) -> PrintedDocument:
        """The confidential profile sheet for the paper file."""
        record = self._beneficiaries.get(beneficiary_id, record_view=False)
        profile = self._organisation()
        prepared_by = self._user_name()

        def build(stamp: Stamp) -> SummarySheetData:
            return SummarySheetData(
                stamp=stamp,
                letterhead=profile.letterhead(lang),
                code=record.code,
                person=record.draft,
                counsellor=record.counsellor_name,
                prepared_by=prepared_by,
            )

        # the sheet shows the record as it is on the day it is printed
        key = f"summary:{record.id}:{self._today().isoformat()}"
        return self._documents.issue(DocumentKind.SUMMARY, key, build, lang, beneficiary_id=record.id)
