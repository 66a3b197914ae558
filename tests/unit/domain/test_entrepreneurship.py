"""The rules of entrepreneurship support: pipeline, eligibility, ceilings, completion."""

from __future__ import annotations

from datetime import date

import pytest

from hubdesk.domain.entrepreneurship import (
    auto_entrepreneur_eligibility,
    completed,
    next_stages,
    over_ceiling,
    stage_problems,
)
from hubdesk.domain.enums import AutoEntrepreneurCategory, IdDocumentType, MigrationStatus
from hubdesk.domain.enums import VentureStage as V

TODAY = date(2026, 11, 29)


def test_a_project_moves_forward_or_ends_never_back() -> None:
    assert next_stages(V.IDEA)[0] is V.PRE_INCUBATION and next_stages(V.IDEA)[-1] is V.ABANDONED
    assert next_stages(V.CREATED) == (V.OPERATING, V.CLOSED)
    assert next_stages(V.OPERATING) == (V.CLOSED,)
    assert next_stages(V.ABANDONED) == () == next_stages(V.CLOSED)
    assert V.IDEA not in next_stages(V.PLAN_VALIDATED)


def test_a_stage_change_is_checked_for_its_step_and_date() -> None:
    assert stage_problems(V.IDEA, V.PRE_INCUBATION, TODAY, date(2026, 1, 5), TODAY) == {}
    assert "stage" in stage_problems(V.CREATED, V.IDEA, TODAY, None, TODAY)
    assert "stage" in stage_problems(V.IDEA, V.CLOSED, TODAY, None, TODAY)  # an idea is abandoned, not closed
    assert "changed_on" in stage_problems(V.IDEA, V.CREATED, date(2026, 1, 1), date(2026, 2, 1), TODAY)
    assert "changed_on" in stage_problems(V.IDEA, V.CREATED, date(2026, 12, 1), None, TODAY)


@pytest.mark.parametrize(
    ("status", "document", "expiry", "says"),
    [
        (MigrationStatus.MOROCCAN, IdDocumentType.CNIE, date(2030, 1, 1), ""),
        (MigrationStatus.MOROCCAN, IdDocumentType.NONE, None, "CNIE"),
        (MigrationStatus.REGULAR_MIGRANT, IdDocumentType.RESIDENCE_PERMIT, date(2027, 6, 1), ""),
        (MigrationStatus.REGULAR_MIGRANT, IdDocumentType.RESIDENCE_PERMIT, date(2026, 6, 1), "expired on 01/06/2026"),
        (MigrationStatus.REFUGEE_MOROCCO, IdDocumentType.RESIDENCE_PERMIT, date(2027, 6, 30), ""),
        (MigrationStatus.REGULAR_MIGRANT, IdDocumentType.RESIDENCE_PERMIT, None, "expiry date"),
        (MigrationStatus.ASYLUM_SEEKER, IdDocumentType.UNHCR_CARD, None, "asylum seeker without a residence permit"),
        (MigrationStatus.IRREGULAR, IdDocumentType.PASSPORT, None, "needs a valid residence permit"),
    ],
)
def test_who_may_register_as_an_auto_entrepreneur(
    status: MigrationStatus, document: IdDocumentType, expiry: date | None, says: str
) -> None:
    reason = auto_entrepreneur_eligibility(status, document, expiry, TODAY)
    assert (says in reason) if says else reason == ""


def test_the_ceilings_of_the_two_categories() -> None:
    assert not over_ceiling(AutoEntrepreneurCategory.COMMERCE_INDUSTRY_CRAFTS, 500_000)
    assert over_ceiling(AutoEntrepreneurCategory.SERVICES, 200_001)


def test_completion_is_eighty_percent_of_the_days_by_default() -> None:
    assert completed(4, 5) and not completed(3, 5)
    assert completed(8, 10) and not completed(7, 10)
    assert completed(3, 5, share=0.6) and not completed(0, 0)
