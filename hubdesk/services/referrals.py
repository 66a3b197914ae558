"""Referring a person to a partner: the consent gate, the status workflow and the partner's feedback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, Partner, Referral, ReferralStatusChange
from hubdesk.domain.codes import DEFAULT_SITE, normalise_referral_code, referral_code
from hubdesk.domain.enums import (
    AuditAction,
    ConsentPurpose,
    ReferralFailure,
    ReferralOutcome,
    ReferralStatus,
)
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.domain.workflow import feedback_steps, referral_step_problems
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, require
from hubdesk.services.audit import record_event
from hubdesk.services.codes import next_code
from hubdesk.services.guidance_readmodels import ReferralDraft, ReferralInfo
from hubdesk.services.guidance_rows import live_person, user_names
from hubdesk.services.readmodels import Actor
from hubdesk.services.referral_rows import referral_infos, referrals_of
from hubdesk.services.settings import SITE_CODE, read_setting

MAX_REASON = 4000
MAX_NOTE = 300
MIN_OVERRIDE = 10


def shares_with_partners(person: Beneficiary) -> bool:
    """Whether the person agreed to have their data shared with partners (and did not withdraw)."""
    return (
        person.consent_given_on is not None
        and person.consent_withdrawn_on is None
        and ConsentPurpose.PARTNER_SHARING.value in person.consent_purposes.split()
    )


def referral_problems(draft: ReferralDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not draft.partner_id:
        problems["partner"] = "Choose the partner the person is referred to."
    if len(draft.service) > 200:
        problems["service"] = "At most 200 characters."
    if len(draft.reason) > MAX_REASON:
        problems["reason"] = f"At most {MAX_REASON} characters."
    if len(draft.contact_person) > 120:
        problems["contact_person"] = "At most 120 characters."
    if len(draft.consent_override) > 300:
        problems["consent_override"] = "At most 300 characters."
    return problems


class ReferralService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot refer people or record feedback.")

    # --- creating and changing ------------------------------------------------------------------------

    def create(
        self, beneficiary_id: str, draft: ReferralDraft, *, send: bool = False, on: date | None = None
    ) -> ReferralInfo:
        """A new referral, as a draft or sent, made ``on`` a day (today by default; an earlier day for a
        paper referral typed in later). The person must have agreed to share data with partners, unless a
        coordinator gives the reason to refer them anyway (recorded)."""
        actor = self._worker()
        draft = self._clean(draft)
        today = on or self._today()
        if today > self._today():
            raise ValidationError({"referred_on": "A referral cannot be made on a day still to come."})
        with self._db.unit_of_work() as uow:
            session = uow.session
            person = live_person(session, beneficiary_id)
            partner = self._partner(session, draft.partner_id)
            override = self._consent(actor, person, draft)
            site = read_setting(session, SITE_CODE, DEFAULT_SITE)
            number = int(next_code(session, site, today.year, "referral").rsplit("-", 1)[1])
            row = Referral(
                code=referral_code(site, today.year, number),
                beneficiary_id=beneficiary_id,
                partner_id=partner.id,
                counsellor_id=actor.user_id,
                status=ReferralStatus.DRAFT.value,
                status_on=today,
                referred_on=today,
                consent_override_reason=override,
                consent_override_by=actor.user_id if override else None,
                created_by=actor.user_id,
                updated_by=actor.user_id,
            )
            self._apply(row, draft)
            session.add(row)
            session.flush()
            self._step(session, actor, row, ReferralStatus.DRAFT, today, "")
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "referral",
                row.id,
                beneficiary_id=beneficiary_id,
                summary=f"referral {row.code} to {partner.name}"
                + (" (consent overridden by a coordinator)" if override else ""),
                diff={
                    "partner": partner.name,
                    "service": row.service,
                    "priority": row.priority,
                    "channel": row.channel,
                    "consent_override": override,
                },
            )
            if send:
                self._move(session, actor, row, ReferralStatus.SENT, today, "")
            session.flush()
            info = referral_infos(session, [row], user_names(session))[0]
            uow.commit()
            return info

    def update(self, referral_id: str, draft: ReferralDraft) -> ReferralInfo:
        """Change what a referral asks for, while the partner has not answered (draft or sent)."""
        actor = self._worker()
        draft = self._clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, referral_id)
            if row.status not in (ReferralStatus.DRAFT.value, ReferralStatus.SENT.value):
                raise ValidationError({"status": f"A referral that is {row.status} can no longer be changed."})
            fields = (
                "partner_id",
                "service",
                "reason",
                "priority",
                "channel",
                "contact_person",
                "consent_override_reason",
            )
            before = {k: getattr(row, k) for k in fields}
            if draft.partner_id != row.partner_id:
                if row.status != ReferralStatus.DRAFT.value:
                    raise ValidationError({"partner": "A sent referral keeps its partner: cancel it and refer again."})
                self._partner(session, draft.partner_id)
                row.partner_id = draft.partner_id
                # an override was given for one partner: another partner needs the person's consent or a new reason
                row.consent_override_reason = ""
                row.consent_override_by = None
            self._check_consent(session, actor, row, draft)
            self._apply(row, draft)
            after = {k: getattr(row, k) for k in before}
            changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
            if changes:
                row.updated_by = actor.user_id
                record_event(
                    session,
                    actor,
                    AuditAction.UPDATE,
                    "referral",
                    row.id,
                    beneficiary_id=row.beneficiary_id,
                    summary=f"changed referral {row.code}: {', '.join(sorted(changes))}",
                    diff=changes,
                )
            session.flush()
            info = referral_infos(session, [row], user_names(session))[0]
            uow.commit()
            return info

    def change_status(
        self,
        referral_id: str,
        status: ReferralStatus,
        *,
        on: date | None = None,
        note: str = "",
        successful: bool | None = None,
        failure: ReferralFailure | None = None,
    ) -> ReferralInfo:
        """One step of the workflow, dated and audited; a step that skips the workflow is refused."""
        actor = self._worker()
        on = on or self._today()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, referral_id)
            self._move(session, actor, row, status, on, note, successful=successful, failure=failure)
            session.flush()
            info = referral_infos(session, [row], user_names(session))[0]
            uow.commit()
            return info

    def record_feedback(
        self,
        code: str,
        outcome: ReferralOutcome,
        *,
        on: date | None = None,
        note: str = "",
        failure: ReferralFailure | None = None,
    ) -> ReferralInfo:
        """The feedback slip as the partner ticked it, typed in one go: the steps it implies are recorded.

        (``hubdesk.domain.workflow.feedback_steps`` says which.)
        """
        actor = self._worker()
        on = on or self._today()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._by_code(session, code)
            current = ReferralStatus(row.status)
            if current is ReferralStatus.DRAFT:
                raise ValidationError({"code": f"{row.code} was never sent: mark it sent before recording feedback."})
            steps = feedback_steps(current, outcome, failure)
            for index, (status, successful, why) in enumerate(steps, start=1):
                said = note if index == len(steps) else ""  # the slip's remark goes with its last step
                self._move(session, actor, row, status, on, said, successful=successful, failure=why)
            session.flush()
            info = referral_infos(session, [row], user_names(session))[0]
            uow.commit()
            return info

    # --- reading --------------------------------------------------------------------------------------

    def get(self, referral_id: str) -> ReferralInfo:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read referrals.")
        with self._db.unit_of_work() as uow:
            return referral_infos(uow.session, [self._row(uow.session, referral_id)], user_names(uow.session))[0]

    def find(self, code: str) -> ReferralInfo:
        """The referral of a code as typed from a feedback slip (``ref-tng-2026-7`` works too)."""
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read referrals.")
        with self._db.unit_of_work() as uow:
            return referral_infos(uow.session, [self._by_code(uow.session, code)], user_names(uow.session))[0]

    def of_person(self, beneficiary_id: str) -> list[ReferralInfo]:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read referrals.")
        with self._db.unit_of_work() as uow:
            return referrals_of(uow.session, beneficiary_id, user_names(uow.session))

    def may_share(self, beneficiary_id: str) -> bool:
        """Whether the person agreed to share data with partners (the referral form warns before saving)."""
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read referrals.")
        with self._db.unit_of_work() as uow:
            return shares_with_partners(live_person(uow.session, beneficiary_id))

    # --- helpers --------------------------------------------------------------------------------------

    @staticmethod
    def _clean(draft: ReferralDraft) -> ReferralDraft:
        draft.service = " ".join(draft.service.split())
        draft.reason = draft.reason.strip()
        draft.contact_person = " ".join(draft.contact_person.split())
        draft.consent_override = draft.consent_override.strip()
        problems = referral_problems(draft)
        if problems:
            raise ValidationError(problems)
        return draft

    @staticmethod
    def _consent(actor: Actor, person: Beneficiary, draft: ReferralDraft) -> str:
        """The override reason to record ("" when the person agreed); ValidationError when sharing is refused."""
        if shares_with_partners(person):
            return ""
        if actor.role not in SUPERVISORS:
            raise ValidationError(
                {
                    "consent": f"{person.first_name} {person.last_name} did not agree to share data with partners: "
                    "record their consent first, or ask a coordinator to refer them with a reason."
                }
            )
        if len(draft.consent_override) < MIN_OVERRIDE:
            raise ValidationError(
                {
                    "consent_override": "The person did not agree to share data with partners: "
                    f"say why they are referred anyway (at least {MIN_OVERRIDE} characters)."
                }
            )
        return draft.consent_override

    def _check_consent(self, session: Session, actor: Actor, row: Referral, draft: ReferralDraft | None) -> None:
        """Data goes to a partner only with the person's consent or a coordinator's recorded override: checked
        again when a referral is changed or sent (consent may have been withdrawn since it was made)."""
        if row.consent_override_reason:
            return
        person = live_person(session, row.beneficiary_id)
        override = self._consent(actor, person, draft or ReferralDraft(partner_id=row.partner_id))
        if override:
            row.consent_override_reason = override
            row.consent_override_by = actor.user_id

    @staticmethod
    def _partner(session: Session, partner_id: str) -> Partner:
        partner = session.get(Partner, partner_id)
        if partner is None or partner.deleted_at is not None:
            raise ValidationError({"partner": "This partner is not in the directory any more."})
        if not partner.active:
            raise ValidationError({"partner": f"{partner.name} is disabled: no new referral goes to it."})
        return partner

    @staticmethod
    def _row(session: Session, referral_id: str) -> Referral:
        row = session.get(Referral, referral_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("This referral does not exist or was deleted.")
        return row

    @staticmethod
    def _by_code(session: Session, code: str) -> Referral:
        wanted = normalise_referral_code(code)
        row = session.scalar(select(Referral).where(Referral.code == wanted, Referral.deleted_at.is_(None)))
        if row is None:
            raise ValidationError({"code": f"No referral has the number {code.strip()!r}."})
        return row

    @staticmethod
    def _apply(row: Referral, draft: ReferralDraft) -> None:
        row.service = draft.service
        row.reason = draft.reason
        row.priority = draft.priority.value
        row.channel = draft.channel.value
        row.contact_person = draft.contact_person

    def _move(
        self,
        session: Session,
        actor: Actor,
        row: Referral,
        status: ReferralStatus,
        on: date,
        note: str,
        *,
        successful: bool | None = None,
        failure: ReferralFailure | None = None,
    ) -> None:
        current = ReferralStatus(row.status)
        note = note.strip()
        if status is ReferralStatus.SENT:
            self._partner(session, row.partner_id)  # not to a partner disabled since the draft
            self._check_consent(session, actor, row, None)
        if failure is not None and status not in (ReferralStatus.COMPLETED, ReferralStatus.REJECTED):
            raise ValidationError({"failure": "Only a rejected or an unsuccessful referral has a reason for failing."})
        problems = referral_step_problems(current, status, successful=successful, failure=failure)
        if not problems:
            if on > self._today():
                problems["changed_on"] = "A referral cannot change on a day still to come."
            elif on < row.status_on:
                problems["changed_on"] = (
                    f"The referral last changed on {row.status_on:%d/%m/%Y}: pick that day or later."
                )
            if len(note) > MAX_NOTE:
                problems["note"] = f"At most {MAX_NOTE} characters."
        if problems:
            raise ValidationError(problems)
        row.status = status.value
        row.status_on = on
        row.updated_by = actor.user_id
        if status is ReferralStatus.SENT:
            row.sent_on = on
        elif status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED) and row.answered_on is None:
            row.answered_on = on
            if row.sent_on is not None:
                row.feedback_days = (on - row.sent_on).days
        if status in (ReferralStatus.COMPLETED, ReferralStatus.REJECTED, ReferralStatus.CANCELLED):
            row.closed_on = on
            row.successful = {ReferralStatus.COMPLETED: successful, ReferralStatus.REJECTED: False}.get(status)
            row.failure_reason = failure.value if failure else None
        if note:
            row.feedback_note = f"{row.feedback_note}\n{note}".strip() if row.feedback_note else note
        self._step(session, actor, row, status, on, note)
        detail = ""
        if status is ReferralStatus.COMPLETED:
            detail = " (successful)" if successful else f" (not successful: {failure.value if failure else ''})"
        elif failure is not None:
            detail = f" ({failure.value})"
        record_event(
            session,
            actor,
            AuditAction.UPDATE,
            "referral",
            row.id,
            beneficiary_id=row.beneficiary_id,
            summary=f"referral {row.code}: {current.value} -> {status.value}{detail}",
            diff={"status": [current.value, status.value], "on": [None, on.isoformat()]},
        )

    @staticmethod
    def _step(session: Session, actor: Actor, row: Referral, status: ReferralStatus, on: date, note: str) -> None:
        session.add(
            ReferralStatusChange(
                referral_id=row.id,
                status=status.value,
                changed_on=on,
                note=note,
                created_by=actor.user_id,
                updated_by=actor.user_id,
            )
        )
