"""What the interface gives and gets for business projects, support actions, auto-entrepreneur status and
trainings (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hubdesk.domain.enums import (
    AutoEntrepreneurCategory,
    AutoEntrepreneurStatus,
    FinancingKind,
    LegalForm,
    MemberRole,
    SkillSector,
    SupportActionKind,
    TrainingTheme,
    VentureKind,
    VentureStage,
)

# --- business projects -------------------------------------------------------------------------------


@dataclass
class VentureDraft:
    """A project as the counsellor typed it."""

    name: str
    kind: VentureKind = VentureKind.INDIVIDUAL
    sector: SkillSector = SkillSector.COMMERCE
    description: str = ""
    legal_form: LegalForm = LegalForm.NONE_YET
    jobs_created: int = 0
    counsellor_id: str | None = None  # None: the logged-in user


@dataclass(frozen=True)
class MemberDraft:
    beneficiary_id: str
    role: MemberRole = MemberRole.MEMBER


@dataclass(frozen=True)
class MemberInfo:
    id: str
    beneficiary_id: str
    person_code: str
    person_name: str
    role: MemberRole
    joined_on: date


@dataclass(frozen=True)
class StageStep:
    id: str
    stage: VentureStage
    changed_on: date
    note: str
    by: str


@dataclass
class FinancingDraft:
    kind: FinancingKind
    requested_mad: int
    requested_on: date
    source: str = ""
    obtained_mad: int | None = None  # None: still awaited; 0: refused
    decided_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class FinancingInfo:
    id: str
    draft: FinancingDraft


@dataclass
class RevenueDraft:
    period_start: date
    period_end: date
    revenue_mad: int
    jobs: int | None = None
    note: str = ""


@dataclass(frozen=True)
class RevenueInfo:
    id: str
    draft: RevenueDraft


@dataclass
class SupportActionDraft:
    kind: SupportActionKind
    held_on: date
    hours: float = 1.0
    notes: str = ""
    counsellor_id: str | None = None  # None: the logged-in user


@dataclass(frozen=True)
class SupportActionInfo:
    id: str
    venture_id: str | None
    beneficiary_id: str | None
    #: what the action was about: the project's code and name, or the person's
    subject: str
    counsellor: str
    draft: SupportActionDraft


@dataclass(frozen=True)
class VentureInfo:
    """A project's page: the project, its members, its steps, its money and the help it received."""

    id: str
    code: str
    draft: VentureDraft
    stage: VentureStage
    stage_on: date
    started_on: date
    created_on: date | None
    ended_on: date | None
    counsellor: str
    members: tuple[MemberInfo, ...]
    steps: tuple[StageStep, ...]  # oldest first
    financing: tuple[FinancingInfo, ...]
    revenue: tuple[RevenueInfo, ...]
    support: tuple[SupportActionInfo, ...]  # newest first
    next_stages: tuple[VentureStage, ...]

    @property
    def requested_mad(self) -> int:
        return sum(line.draft.requested_mad for line in self.financing)

    @property
    def obtained_mad(self) -> int:
        return sum(line.draft.obtained_mad or 0 for line in self.financing)


@dataclass(frozen=True)
class VentureRow:
    """One line of the pipeline page."""

    id: str
    code: str
    name: str
    kind: VentureKind
    sector: SkillSector
    stage: VentureStage
    stage_on: date
    members: str  # names, as kept on the project
    member_count: int
    counsellor: str


@dataclass
class VentureQuery:
    kind: VentureKind | None = None
    stage: VentureStage | None = None
    #: part of the code or the name
    text: str = ""


@dataclass(frozen=True)
class PersonVenture:
    """A project on a person's record."""

    id: str
    code: str
    name: str
    kind: VentureKind
    stage: VentureStage
    role: MemberRole


# --- auto-entrepreneur status ------------------------------------------------------------------------


@dataclass
class AutoEntrepreneurDraft:
    applied_on: date
    category: AutoEntrepreneurCategory = AutoEntrepreneurCategory.SERVICES
    activity: str = ""
    status: AutoEntrepreneurStatus = AutoEntrepreneurStatus.APPLIED
    registered_on: date | None = None
    register_number: str = ""
    tax_id: str = ""
    ice: str = ""
    card_received_on: date | None = None
    cnss_registered_on: date | None = None
    lapsed_on: date | None = None
    venture_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class AutoEntrepreneurInfo:
    """A person's status (``draft`` None: never applied) and why they could not register today ("" if they can)."""

    beneficiary_id: str
    draft: AutoEntrepreneurDraft | None
    eligibility: str
    ceiling_mad: int | None
    #: turnover of the linked project over the periods that ended in the last twelve months (None: not followed)
    turnover_12_months_mad: int | None = None

    @property
    def over_ceiling(self) -> bool:
        """The linked project's last twelve months of turnover go past the category's yearly ceiling."""
        return None not in (self.ceiling_mad, self.turnover_12_months_mad) and (
            (self.turnover_12_months_mad or 0) > (self.ceiling_mad or 0)
        )


# --- trainings ---------------------------------------------------------------------------------------


@dataclass
class TrainingDraft:
    title: str
    theme: TrainingTheme = TrainingTheme.ENTREPRENEURSHIP
    trainer: str = ""
    place: str = ""
    #: share of the days to attend to complete, 0.8 for 80%
    completion_share: float = 0.8
    description: str = ""
    #: the days, with their hours
    days: list[tuple[date, float]] = field(default_factory=list)


@dataclass(frozen=True)
class TrainingDayInfo:
    id: str
    held_on: date
    hours: float
    present: int  # trainees marked present


@dataclass(frozen=True)
class TraineeInfo:
    enrolment_id: str
    beneficiary_id: str
    person_code: str
    person_name: str
    arabic_name: str
    #: ids of the days attended
    attended: frozenset[str]
    completed: bool
    #: a coordinator's reason for a certificate without completing ("" when none)
    exception_reason: str
    #: a certificate may be printed: completed, or an exception was granted
    certified: bool


@dataclass(frozen=True)
class TrainingInfo:
    id: str
    code: str
    draft: TrainingDraft
    days: tuple[TrainingDayInfo, ...]
    trainees: tuple[TraineeInfo, ...]

    @property
    def hours(self) -> float:
        return sum(day.hours for day in self.days)

    @property
    def first_day(self) -> date | None:
        return self.days[0].held_on if self.days else None

    @property
    def last_day(self) -> date | None:
        return self.days[-1].held_on if self.days else None


@dataclass(frozen=True)
class TrainingRow:
    """One line of the trainings page."""

    id: str
    code: str
    title: str
    theme: TrainingTheme
    trainer: str
    first_day: date | None
    last_day: date | None
    day_count: int
    enrolled: int


@dataclass(frozen=True)
class PersonTraining:
    """A training on a person's record."""

    id: str
    code: str
    title: str
    first_day: date | None
    days_attended: int
    day_count: int
    completed: bool
    #: a coordinator allowed a certificate without completing
    exception: bool = False


@dataclass
class TrainingQuery:
    theme: TrainingTheme | None = None
    #: part of the code, the title or the trainer's name
    text: str = ""
    #: trainings with a day in this period
    date_from: date | None = None
    date_to: date | None = None
