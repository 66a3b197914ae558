"""Reading referrals into read models: shared by the referral service, the pages and the agenda."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.models import Beneficiary, Partner, Referral, ReferralStatusChange
from hubdesk.domain.enums import ReferralChannel, ReferralFailure, ReferralPriority, ReferralStatus
from hubdesk.services.guidance_readmodels import ReferralInfo, ReferralStep


def referral_infos(session: Session, rows: Iterable[Referral], names: dict[str, str]) -> list[ReferralInfo]:
    """Referrals with their person, partner and steps (three queries whatever the number of rows)."""
    rows = list(rows)
    if not rows:
        return []
    ids = [row.id for row in rows]
    people = {
        r.id: r
        for r in session.execute(
            select(Beneficiary.id, Beneficiary.code, Beneficiary.first_name, Beneficiary.last_name).where(
                Beneficiary.id.in_({row.beneficiary_id for row in rows})
            )
        )
    }
    partners = dict(
        session.execute(select(Partner.id, Partner.name).where(Partner.id.in_({row.partner_id for row in rows}))).all()
    )
    steps: dict[str, list[ReferralStep]] = {}
    for change in session.scalars(
        select(ReferralStatusChange)
        .where(ReferralStatusChange.referral_id.in_(ids))
        .order_by(ReferralStatusChange.changed_on, ReferralStatusChange.created_at)
    ):
        steps.setdefault(change.referral_id, []).append(
            ReferralStep(
                ReferralStatus(change.status), change.changed_on, change.note, names.get(change.created_by or "", "")
            )
        )
    infos = []
    for row in rows:
        person = people.get(row.beneficiary_id)
        infos.append(
            ReferralInfo(
                id=row.id,
                code=row.code,
                beneficiary_id=row.beneficiary_id,
                person_code=person.code if person else "",
                person_name=f"{person.first_name} {person.last_name}" if person else "",
                partner_id=row.partner_id,
                partner=partners.get(row.partner_id, ""),
                service=row.service,
                reason=row.reason,
                priority=ReferralPriority(row.priority),
                channel=ReferralChannel(row.channel),
                contact_person=row.contact_person,
                status=ReferralStatus(row.status),
                status_on=row.status_on,
                referred_on=row.referred_on,
                sent_on=row.sent_on,
                answered_on=row.answered_on,
                closed_on=row.closed_on,
                successful=row.successful,
                failure_reason=ReferralFailure(row.failure_reason) if row.failure_reason else None,
                feedback_note=row.feedback_note,
                counsellor=names.get(row.counsellor_id or "", ""),
                consent_override=row.consent_override_reason,
                steps=tuple(steps.get(row.id, ())),
            )
        )
    return infos


def referrals_of(session: Session, beneficiary_id: str, names: dict[str, str]) -> list[ReferralInfo]:
    rows = session.scalars(
        select(Referral)
        .where(Referral.beneficiary_id == beneficiary_id, Referral.deleted_at.is_(None))
        .order_by(Referral.referred_on.desc(), Referral.code.desc())
    )
    return referral_infos(session, rows, names)
