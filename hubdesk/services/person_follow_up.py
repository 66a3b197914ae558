"""A person's follow-up in one read (case, sessions, referrals, jobs) and the referral letter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from hubdesk.db.database import Database
from hubdesk.db.models import Partner, Referral
from hubdesk.documents.data import Disclosure, OrganisationProfile, ProfileSummary, ReferralLetterData, Signatory, Stamp
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import DocumentKind, ReferralPriority, ReferralStatus
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import FOLLOW_UP_READERS, require
from hubdesk.services.beneficiaries import BeneficiaryService
from hubdesk.services.document_readmodels import PrintedDocument
from hubdesk.services.documents import DocumentService
from hubdesk.services.guidance_readmodels import PersonFollowUp
from hubdesk.services.guidance_rows import case_state, live_person, sessions_of, user_names
from hubdesk.services.jobs import job_infos
from hubdesk.services.person_documents import person_ref
from hubdesk.services.readmodels import Actor
from hubdesk.services.referral_rows import referrals_of
from hubdesk.services.referrals import shares_with_partners

#: how the letter names the counsellor who signs it
COUNSELLOR_TITLE = {"fr": "Conseiller·ère d'orientation", "ar": "مستشار(ة) التوجيه", "en": "Guidance counsellor"}


def profile_summary(draft: BeneficiaryDraft) -> ProfileSummary:
    return ProfileSummary(
        education_level=draft.education_level,
        diplomas=tuple(draft.diplomas),
        languages=tuple((entry.language, entry.level) for entry in draft.languages),
        skills=tuple((entry.name, entry.level) for entry in draft.skills),
    )


class PersonFollowUpService:
    def __init__(
        self,
        database: Database,
        actor: Callable[[], Actor],
        beneficiaries: BeneficiaryService,
        documents: DocumentService,
        organisation: Callable[[], OrganisationProfile],
        today: Callable[[], date] = date.today,
    ) -> None:
        self._db = database
        self._actor = actor
        self._beneficiaries = beneficiaries
        self._documents = documents
        self._organisation = organisation
        self._today = today

    def follow_up(self, beneficiary_id: str) -> PersonFollowUp:
        """The case, sessions, referrals and jobs of a person, newest first (one unit of work)."""
        actor = require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            person = live_person(session, beneficiary_id)
            names = user_names(session)
            return PersonFollowUp(
                case=case_state(session, person, names),
                sessions=tuple(sessions_of(session, beneficiary_id, actor, names)),
                referrals=tuple(referrals_of(session, beneficiary_id, names)),
                jobs=tuple(job_infos(session, beneficiary_id)),
            )

    def referral_letter(self, referral_id: str, lang: str) -> PrintedDocument:
        """The letter the person hands to the partner, under a register number (a reprint keeps it)."""
        with self._db.unit_of_work() as uow:
            session = uow.session
            referral = session.get(Referral, referral_id)
            if referral is None or referral.deleted_at is not None:
                raise NotFound("This referral does not exist or was deleted.")
            if referral.status in (ReferralStatus.CANCELLED.value, ReferralStatus.REJECTED.value):
                raise ValidationError(
                    {"status": f"Referral {referral.code} is {referral.status}: no letter is printed."}
                )
            partner = session.get(Partner, referral.partner_id)
            assert partner is not None
            person_row = live_person(session, referral.beneficiary_id)
            if not referral.consent_override_reason and not shares_with_partners(person_row):
                raise ValidationError(
                    {
                        "consent": f"{person_row.first_name} {person_row.last_name} no longer agrees to share data "
                        "with partners: the letter cannot be printed (a coordinator may refer them with a reason)."
                    }
                )
            counsellor = user_names(session).get(referral.counsellor_id or "", "")
            contacts = referral.contact_person
            code, service, reason, priority = referral.code, referral.service, referral.reason, referral.priority
            partner_name = partner.arabic_name if lang == "ar" and partner.arabic_name else partner.name
            address = ", ".join(part for part in (partner.address, partner.city) if part)
            beneficiary_id = referral.beneficiary_id
        record = self._beneficiaries.get(beneficiary_id, record_view=False)
        organisation = self._organisation()
        person = person_ref(record.code, record.draft)
        profile = profile_summary(record.draft)

        def build(stamp: Stamp) -> ReferralLetterData:
            return ReferralLetterData(
                stamp=stamp,
                letterhead=organisation.letterhead(lang),
                referral_number=code,
                partner=partner_name,
                person=person,
                # the referral exists only with the person's consent to share, or a coordinator's recorded override
                disclosure=Disclosure.everything(),
                counsellor=Signatory(counsellor, COUNSELLOR_TITLE.get(lang, COUNSELLOR_TITLE["fr"])),
                service=service,
                contact_person=contacts,
                partner_address=address,
                reason=reason,
                priority=ReferralPriority(priority),
                profile=profile,
            )

        return self._documents.issue(
            DocumentKind.REFERRAL_LETTER,
            f"referral:{referral_id}",
            build,
            lang,
            beneficiary_id=beneficiary_id,
            supersede=True,  # one valid letter per referral and language: a changed letter replaces the old one
        )

    def referral_id(self, code: str) -> str:
        """The id of the referral of ``code`` (for the command line)."""
        from hubdesk.domain.codes import normalise_referral_code

        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read referrals.")
        with self._db.unit_of_work() as uow:
            found = uow.session.scalar(
                select(Referral.id).where(Referral.code == normalise_referral_code(code), Referral.deleted_at.is_(None))
            )
            if found is None:
                raise NotFound(f"No referral has the number {code!r}.")
            return found
