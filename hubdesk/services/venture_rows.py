"""Reading projects into read models, and the checks shared by the project services."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.models import (
    Beneficiary,
    FinancingLine,
    RevenueFollowUp,
    SupportAction,
    Venture,
    VentureMember,
    VentureStageChange,
)
from hubdesk.domain.entrepreneurship import next_stages
from hubdesk.domain.enums import (
    FinancingKind,
    LegalForm,
    MemberRole,
    SkillSector,
    SupportActionKind,
    VentureKind,
    VentureStage,
)
from hubdesk.domain.errors import NotFound
from hubdesk.services.guidance_rows import user_names
from hubdesk.services.venture_readmodels import (
    FinancingDraft,
    FinancingInfo,
    MemberInfo,
    RevenueDraft,
    RevenueInfo,
    StageStep,
    SupportActionDraft,
    SupportActionInfo,
    VentureDraft,
    VentureInfo,
)


def person_name(row: Beneficiary) -> str:
    return " ".join(part for part in (row.first_name, row.last_name.upper()) if part) or row.arabic_name


def live_venture(session: Session, venture_id: str) -> Venture:
    row = session.get(Venture, venture_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("This project does not exist or was deleted.")
    return row


def live_members(session: Session, venture_id: str) -> list[VentureMember]:
    """The project's members who are still in it, deleted people left out (they no longer count)."""
    return list(
        session.scalars(
            select(VentureMember)
            .join(Beneficiary, Beneficiary.id == VentureMember.beneficiary_id)
            .where(
                VentureMember.venture_id == venture_id,
                VentureMember.deleted_at.is_(None),
                Beneficiary.deleted_at.is_(None),
            )
            .order_by(VentureMember.joined_on, VentureMember.created_at)
        )
    )


def venture_draft(row: Venture) -> VentureDraft:
    return VentureDraft(
        name=row.name,
        kind=VentureKind(row.kind),
        sector=SkillSector(row.sector),
        description=row.description,
        legal_form=LegalForm(row.legal_form),
        jobs_created=row.jobs_created,
        counsellor_id=row.counsellor_id,
    )


def financing_draft(row: FinancingLine) -> FinancingDraft:
    return FinancingDraft(
        kind=FinancingKind(row.kind),
        requested_mad=row.requested_mad,
        requested_on=row.requested_on,
        source=row.source,
        obtained_mad=row.obtained_mad,
        decided_on=row.decided_on,
        note=row.note,
    )


def revenue_draft(row: RevenueFollowUp) -> RevenueDraft:
    return RevenueDraft(row.period_start, row.period_end, row.revenue_mad, row.jobs, row.note)


def support_infos(session: Session, rows: list[SupportAction], names: dict[str, str]) -> list[SupportActionInfo]:
    """Actions with what they were about: a project's code and name, or the person's code and name."""
    ventures = {
        v.id: f"{v.code} {v.name}"
        for v in session.scalars(select(Venture).where(Venture.id.in_({r.venture_id for r in rows if r.venture_id})))
    }
    people = {
        p.id: f"{p.code} {person_name(p)}"
        for p in session.scalars(
            select(Beneficiary).where(Beneficiary.id.in_({r.beneficiary_id for r in rows if r.beneficiary_id}))
        )
    }
    return [
        SupportActionInfo(
            id=row.id,
            venture_id=row.venture_id,
            beneficiary_id=row.beneficiary_id,
            subject=ventures.get(row.venture_id or "", "") or people.get(row.beneficiary_id or "", ""),
            counsellor=names.get(row.counsellor_id or "", ""),
            draft=SupportActionDraft(
                kind=SupportActionKind(row.kind),
                held_on=row.held_on,
                hours=row.hours,
                notes=row.notes,
                counsellor_id=row.counsellor_id,
            ),
        )
        for row in rows
    ]


def venture_info(session: Session, row: Venture) -> VentureInfo:
    names = user_names(session)
    members = live_members(session, row.id)
    people = {
        p.id: p
        for p in session.scalars(select(Beneficiary).where(Beneficiary.id.in_({m.beneficiary_id for m in members})))
    }
    steps = session.scalars(
        select(VentureStageChange)
        .where(VentureStageChange.venture_id == row.id, VentureStageChange.deleted_at.is_(None))
        .order_by(VentureStageChange.changed_on, VentureStageChange.created_at)
    )
    financing = session.scalars(
        select(FinancingLine)
        .where(FinancingLine.venture_id == row.id, FinancingLine.deleted_at.is_(None))
        .order_by(FinancingLine.requested_on, FinancingLine.created_at)
    )
    revenue = session.scalars(
        select(RevenueFollowUp)
        .where(RevenueFollowUp.venture_id == row.id, RevenueFollowUp.deleted_at.is_(None))
        .order_by(RevenueFollowUp.period_start)
    )
    support = list(
        session.scalars(
            select(SupportAction)
            .where(SupportAction.venture_id == row.id, SupportAction.deleted_at.is_(None))
            .order_by(SupportAction.held_on.desc(), SupportAction.created_at.desc())
        )
    )
    stage = VentureStage(row.stage)
    return VentureInfo(
        id=row.id,
        code=row.code,
        draft=venture_draft(row),
        stage=stage,
        stage_on=row.stage_on,
        started_on=row.started_on,
        created_on=row.created_on,
        ended_on=row.ended_on,
        counsellor=names.get(row.counsellor_id or "", ""),
        members=tuple(
            MemberInfo(
                m.id,
                m.beneficiary_id,
                people[m.beneficiary_id].code,
                person_name(people[m.beneficiary_id]),
                MemberRole(m.role),
                m.joined_on,
            )
            for m in members
            if m.beneficiary_id in people
        ),
        steps=tuple(
            StageStep(s.id, VentureStage(s.stage), s.changed_on, s.note, names.get(s.created_by or "", ""))
            for s in steps
        ),
        financing=tuple(FinancingInfo(f.id, financing_draft(f)) for f in financing),
        revenue=tuple(RevenueInfo(r.id, revenue_draft(r)) for r in revenue),
        support=tuple(support_infos(session, support, names)),
        next_stages=next_stages(stage),
    )
