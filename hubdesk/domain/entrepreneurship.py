"""The rules of entrepreneurship support (issue #5): the project pipeline, who may register as an
auto-entrepreneur, the turnover ceilings, and when a trainee completed a training.

Pure rules: the services ask them before changing a record and show their message when refused.
"""

from __future__ import annotations

from datetime import date

from hubdesk.domain.enums import (
    AutoEntrepreneurCategory,
    IdDocumentType,
    MigrationStatus,
    VentureStage,
)

#: the pipeline, in order; closed and abandoned end a project
PIPELINE: tuple[VentureStage, ...] = (
    VentureStage.IDEA,
    VentureStage.PRE_INCUBATION,
    VentureStage.PLAN_VALIDATED,
    VentureStage.SEEKING_FINANCING,
    VentureStage.CREATED,
    VentureStage.OPERATING,
)
ENDS = frozenset({VentureStage.CLOSED, VentureStage.ABANDONED})

#: yearly turnover ceiling of each auto-entrepreneur category, in dirhams
CEILINGS: dict[AutoEntrepreneurCategory, int] = {
    AutoEntrepreneurCategory.COMMERCE_INDUSTRY_CRAFTS: 500_000,
    AutoEntrepreneurCategory.SERVICES: 200_000,
}

#: share of a training's days a trainee must attend to complete it, unless the training says otherwise
DEFAULT_COMPLETION = 0.8


def next_stages(current: VentureStage) -> tuple[VentureStage, ...]:
    """Where a project may go from ``current``: the next stage of the pipeline, or an end.

    A project that is not yet created may be abandoned; one created or operating may close. A
    project may also skip ahead (a person arrives with a validated plan), but never go back.
    """
    if current in ENDS:
        return ()
    position = PIPELINE.index(current)
    ahead = PIPELINE[position + 1 :]
    end = VentureStage.CLOSED if position >= PIPELINE.index(VentureStage.CREATED) else VentureStage.ABANDONED
    return (*ahead, end)


def stage_problems(
    current: VentureStage, new: VentureStage, on: date, last_change: date | None, today: date
) -> dict[str, str]:
    """Field -> message when a project may not move from ``current`` to ``new`` on ``on``; {} when it may."""
    if new not in next_stages(current):
        allowed = ", ".join(stage.value for stage in next_stages(current)) or "none: the project has ended"
        return {"stage": f"The project is at {current.value}: it cannot move to {new.value} (next: {allowed})."}
    if on > today:
        return {"changed_on": "A stage cannot be reached on a day still to come."}
    if last_change is not None and on < last_change:
        return {"changed_on": f"The project's last step was on {last_change:%d/%m/%Y}: pick that day or later."}
    return {}


def auto_entrepreneur_eligibility(
    status: MigrationStatus, document: IdDocumentType, document_expiry: date | None, today: date
) -> str:
    """Why the person cannot register as an auto-entrepreneur today, or "" when nothing stands in the way.

    A Moroccan registers with the national identity card (CNIE); a foreigner needs a valid residence
    permit; an asylum seeker without one cannot register.
    """
    if status in (MigrationStatus.MOROCCAN, MigrationStatus.RETURNEE):
        if document is not IdDocumentType.CNIE:
            return "Registration asks for the national identity card (CNIE): record it first."
        if document_expiry is not None and document_expiry < today:
            return f"The identity card expired on {document_expiry:%d/%m/%Y}: it must be renewed first."
        return ""
    if document is not IdDocumentType.RESIDENCE_PERMIT:
        if status is MigrationStatus.ASYLUM_SEEKER:
            return "An asylum seeker without a residence permit cannot register as an auto-entrepreneur."
        return "A foreigner needs a valid residence permit to register as an auto-entrepreneur."
    if document_expiry is None:
        return "Record the residence permit's expiry date: registration needs a permit still valid."
    if document_expiry < today:
        return f"The residence permit expired on {document_expiry:%d/%m/%Y}: it must be renewed first."
    return ""


def over_ceiling(category: AutoEntrepreneurCategory, yearly_turnover: int) -> bool:
    """Whether a year's turnover (dirhams) goes past the category's ceiling."""
    return yearly_turnover > CEILINGS[category]


def completed(days_attended: int, days_held: int, share: float = DEFAULT_COMPLETION) -> bool:
    """Whether a trainee completed a training: attended at least ``share`` of the days held."""
    if days_held <= 0:
        return False
    return days_attended >= share * days_held - 1e-9
