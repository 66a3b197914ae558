"""Business projects: members, the pipeline and its dates, financing, revenue, support actions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hubdesk.domain.enums import (
    FinancingKind,
    LegalForm,
    MemberRole,
    Role,
    SupportActionKind,
    VentureKind,
    VentureStage,
)
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import (
    FinancingDraft,
    MemberDraft,
    RevenueDraft,
    SupportActionDraft,
    VentureDraft,
    VentureQuery,
)
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import TODAY, collective, people


def test_a_collective_project_goes_from_idea_to_creation_with_every_step_dated(services: Services) -> None:
    trio = people(services, 3)
    venture_id = collective(services, trio, started_on=TODAY - timedelta(days=90))
    for stage, days_ago in (
        (VentureStage.PRE_INCUBATION, 80),
        (VentureStage.PLAN_VALIDATED, 50),
        (VentureStage.SEEKING_FINANCING, 30),
        (VentureStage.CREATED, 10),
    ):
        services.ventures.move(venture_id, stage, TODAY - timedelta(days=days_ago))
    info = services.ventures.get(venture_id)
    assert info.code.startswith(f"PRJ-TNG-{(TODAY - timedelta(days=90)).year}-")
    assert info.stage is VentureStage.CREATED
    assert info.created_on == TODAY - timedelta(days=10)
    assert [(s.stage, (TODAY - s.changed_on).days) for s in info.steps] == [
        (VentureStage.IDEA, 90),
        (VentureStage.PRE_INCUBATION, 80),
        (VentureStage.PLAN_VALIDATED, 50),
        (VentureStage.SEEKING_FINANCING, 30),
        (VentureStage.CREATED, 10),
    ]
    assert [m.role for m in info.members] == [MemberRole.FOUNDER, MemberRole.MANAGER, MemberRole.MEMBER]
    assert info.next_stages == (VentureStage.OPERATING, VentureStage.CLOSED)


def test_a_creation_before_the_idea_or_a_step_back_is_refused_and_changes_nothing(services: Services) -> None:
    venture_id = collective(services, people(services, 3), started_on=TODAY - timedelta(days=20))
    with pytest.raises(ValidationError) as before_idea:
        services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=30))
    assert "changed_on" in before_idea.value.errors
    services.ventures.move(venture_id, VentureStage.SEEKING_FINANCING, TODAY - timedelta(days=5))
    with pytest.raises(ValidationError) as back:
        services.ventures.move(venture_id, VentureStage.PRE_INCUBATION, TODAY)
    assert "cannot move" in back.value.errors["stage"]
    with pytest.raises(ValidationError) as earlier:
        services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=6))
    assert "05" in earlier.value.errors["changed_on"] or "pick that day" in earlier.value.errors["changed_on"]
    with pytest.raises(ValidationError):
        services.ventures.move(venture_id, VentureStage.CREATED, TODAY + timedelta(days=1))
    info = services.ventures.get(venture_id)
    assert (info.stage, info.created_on, len(info.steps)) == (VentureStage.SEEKING_FINANCING, None, 2)


def test_a_collective_start_up_needs_two_people_to_be_created(services: Services) -> None:
    (alone,) = people(services, 1)
    venture_id = collective(services, [alone])
    with pytest.raises(ValidationError) as refused:
        services.ventures.move(venture_id, VentureStage.CREATED, TODAY)
    assert "two people" in refused.value.errors["stage"]


def test_a_member_added_twice_is_refused_by_name(services: Services) -> None:
    trio = people(services, 3)
    venture_id = collective(services, trio[:2])
    with pytest.raises(ValidationError) as twice:
        services.ventures.add_member(venture_id, MemberDraft(trio[0].id))
    assert trio[0].code in twice.value.errors["members"]
    services.ventures.add_member(venture_id, MemberDraft(trio[2].id, MemberRole.MEMBER))
    assert len(services.ventures.get(venture_id).members) == 3
    with pytest.raises(ValidationError):
        services.ventures.create(
            VentureDraft(name="Twice", kind=VentureKind.COLLECTIVE), [MemberDraft(trio[0].id), MemberDraft(trio[0].id)]
        )


def test_an_individual_project_has_one_person_and_no_collective_is_an_auto_entrepreneur(services: Services) -> None:
    pair = people(services, 2)
    venture_id = services.ventures.create(VentureDraft(name="Salon Awa"), [MemberDraft(pair[0].id, MemberRole.FOUNDER)])
    with pytest.raises(ValidationError):
        services.ventures.add_member(venture_id, MemberDraft(pair[1].id))
    with pytest.raises(ValidationError) as form:
        services.ventures.create(
            VentureDraft(name="Duo", kind=VentureKind.COLLECTIVE, legal_form=LegalForm.AUTO_ENTREPRENEUR),
            [MemberDraft(p.id) for p in pair],
        )
    assert "legal_form" in form.value.errors
    assert [v.code for v in services.ventures.of_person(pair[0].id)] == [services.ventures.get(venture_id).code]


def test_undoing_an_accidental_close_brings_the_project_back(services: Services) -> None:
    venture_id = collective(services, people(services, 2), started_on=TODAY - timedelta(days=10))
    services.ventures.move(venture_id, VentureStage.ABANDONED, TODAY)
    assert services.ventures.get(venture_id).next_stages == ()
    assert services.ventures.undo_last_step(venture_id) is VentureStage.IDEA
    info = services.ventures.get(venture_id)
    assert (info.stage, info.ended_on, info.stage_on) == (VentureStage.IDEA, None, TODAY - timedelta(days=10))


def test_financing_amounts_are_checked_and_summed(services: Services) -> None:
    venture_id = collective(services, people(services, 2), started_on=TODAY - timedelta(days=30))
    services.ventures.add_financing(
        venture_id, FinancingDraft(FinancingKind.HONOUR_LOAN, 50_000, TODAY - timedelta(days=20), source="Forsa")
    )
    line = services.ventures.add_financing(
        venture_id, FinancingDraft(FinancingKind.BANK_LOAN, 120_000, TODAY - timedelta(days=20), source="Intelaka")
    )
    with pytest.raises(ValidationError) as negative:
        services.ventures.add_financing(venture_id, FinancingDraft(FinancingKind.GRANT, -5, TODAY))
    assert "requested_mad" in negative.value.errors
    with pytest.raises(ValidationError) as obtained:
        services.ventures.update_financing(
            line, FinancingDraft(FinancingKind.BANK_LOAN, 120_000, TODAY - timedelta(days=20), obtained_mad=-1)
        )
    assert "obtained_mad" in obtained.value.errors
    services.ventures.update_financing(
        line,
        FinancingDraft(
            FinancingKind.BANK_LOAN, 120_000, TODAY - timedelta(days=20), obtained_mad=100_000, decided_on=TODAY
        ),
    )
    info = services.ventures.get(venture_id)
    assert (info.requested_mad, info.obtained_mad) == (170_000, 100_000)


def test_revenue_is_followed_once_the_business_exists(services: Services) -> None:
    venture_id = collective(services, people(services, 2), started_on=TODAY - timedelta(days=120))
    period = RevenueDraft(TODAY - timedelta(days=40), TODAY - timedelta(days=10), 18_500, jobs=3)
    with pytest.raises(ValidationError):
        services.ventures.add_revenue(venture_id, period)
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=60))
    services.ventures.add_revenue(venture_id, period)
    assert [r.draft.revenue_mad for r in services.ventures.get(venture_id).revenue] == [18_500]


def test_support_actions_on_a_project_show_on_its_members_pages(services: Services) -> None:
    pair = people(services, 2)
    venture_id = collective(services, pair, started_on=TODAY - timedelta(days=30))
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.BUSINESS_PLAN, TODAY - timedelta(days=3), hours=2.5), venture_id=venture_id
    )
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.FINANCIAL_EDUCATION, TODAY), beneficiary_id=pair[1].id
    )
    with pytest.raises(ValidationError) as zero:
        services.support_actions.record(
            SupportActionDraft(SupportActionKind.COACHING, TODAY, hours=0), beneficiary_id=pair[0].id
        )
    assert "hours" in zero.value.errors
    kinds = [a.draft.kind for a in services.support_actions.of_person(pair[1].id)]
    assert kinds == [SupportActionKind.FINANCIAL_EDUCATION, SupportActionKind.BUSINESS_PLAN]
    assert [a.draft.hours for a in services.support_actions.of_person(pair[0].id)] == [2.5]
    assert services.ventures.get(venture_id).support[0].counsellor == "Admin Istrateur"


def test_the_pipeline_counts_projects_by_stage_and_kind(services: Services) -> None:
    trio = people(services, 3)
    first = collective(services, trio)
    services.ventures.create(VentureDraft(name="Taxi Moussa"), [MemberDraft(trio[1].id)])
    services.ventures.move(first, VentureStage.PRE_INCUBATION, TODAY)
    counts = services.pipeline.counts()
    assert (counts[VentureStage.IDEA], counts[VentureStage.PRE_INCUBATION], counts[VentureStage.CREATED]) == (1, 1, 0)
    collective_counts = services.pipeline.counts(VentureQuery(kind=VentureKind.COLLECTIVE))
    assert collective_counts[VentureStage.IDEA] == 0
    rows = services.pipeline.page(VentureQuery(stage=VentureStage.PRE_INCUBATION))
    assert [(r.name, r.member_count) for r in rows] == [("Coopérative Couture Solidaire", 3)]
    assert "Aminata DIALLO" in rows[0].members
    assert sum(services.pipeline.counts(VentureQuery(text="taxi")).values()) == 1


def test_a_data_officer_cannot_change_or_read_projects(services: Services) -> None:
    venture_id = collective(services, people(services, 2))
    officer = as_role(services, Role.DATA_OFFICER)
    with pytest.raises(PermissionDenied):
        officer.ventures.move(venture_id, VentureStage.PRE_INCUBATION, TODAY)
    with pytest.raises(PermissionDenied):
        officer.pipeline.counts()
