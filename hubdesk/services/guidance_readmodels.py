"""What the interface gives and gets for sessions, cases, partners, referrals and jobs (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hubdesk.domain.enums import (
    CaseStatus,
    CloseReason,
    ContractType,
    PartnerType,
    ReferralChannel,
    ReferralFailure,
    ReferralPriority,
    ReferralStatus,
    SessionMode,
    SessionType,
    SkillSector,
)

# --- guidance sessions -------------------------------------------------------------------------------


@dataclass
class SessionDraft:
    """A session as the counsellor typed it. ``held_at`` is aware (the form gives local time)."""

    held_at: datetime
    session_type: SessionType = SessionType.ORIENTATION
    mode: SessionMode = SessionMode.IN_PERSON
    duration_minutes: int | None = 45
    counsellor_id: str | None = None  # None: the logged-in user
    topics: str = ""
    notes: str = ""
    confidential: bool = False
    agreed_actions: str = ""
    next_follow_up: date | None = None


@dataclass(frozen=True)
class SessionEntry:
    """A saved session. ``notes_hidden``: confidential notes the reader may not see (notes and actions empty)."""

    id: str
    beneficiary_id: str
    held_at: datetime
    session_type: SessionType
    mode: SessionMode
    duration_minutes: int | None
    counsellor_id: str | None
    counsellor: str
    topics: str
    notes: str
    confidential: bool
    notes_hidden: bool
    agreed_actions: str
    next_follow_up: date | None
    follow_up_pending: bool
    created_by: str | None = None


@dataclass(frozen=True)
class SessionRow:
    """One line of the Sessions page."""

    id: str
    beneficiary_id: str
    person_code: str
    person_name: str
    held_at: datetime
    session_type: SessionType
    mode: SessionMode
    duration_minutes: int | None
    counsellor: str
    topics: str
    confidential: bool
    next_follow_up: date | None


@dataclass
class SessionQuery:
    """Filters of the Sessions page; dates are local days, both ends included."""

    held_from: date | None = None
    held_to: date | None = None
    session_type: SessionType | None = None
    mode: SessionMode | None = None
    counsellor_id: str | None = None
    follow_up_pending: bool = False


# --- case status -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseChange:
    status: CaseStatus
    reason: CloseReason | None
    note: str
    changed_on: date
    changed_by: str


@dataclass(frozen=True)
class CaseState:
    status: CaseStatus
    since: date | None
    history: tuple[CaseChange, ...] = ()


# --- partners ----------------------------------------------------------------------------------------


@dataclass
class ContactDraft:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class PartnerDraft:
    name: str
    partner_type: PartnerType = PartnerType.OTHER
    arabic_name: str = ""
    services: list[str] = field(default_factory=list)
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""
    contacts: list[ContactDraft] = field(default_factory=list)


@dataclass(frozen=True)
class PartnerInfo:
    id: str
    draft: PartnerDraft
    active: bool
    referrals: int  # how many referrals were made to it (0: it may be deleted)

    @property
    def name(self) -> str:
        return self.draft.name

    @property
    def partner_type(self) -> PartnerType:
        return self.draft.partner_type

    @property
    def services(self) -> list[str]:
        return self.draft.services


# --- referrals ---------------------------------------------------------------------------------------


@dataclass
class ReferralDraft:
    partner_id: str
    service: str = ""
    reason: str = ""
    priority: ReferralPriority = ReferralPriority.NORMAL
    channel: ReferralChannel = ReferralChannel.LETTER
    contact_person: str = ""
    #: a coordinator's reason to refer a person who did not agree to share data with partners
    consent_override: str = ""


@dataclass(frozen=True)
class ReferralStep:
    status: ReferralStatus
    changed_on: date
    note: str
    changed_by: str


@dataclass(frozen=True)
class ReferralInfo:
    """A referral as saved, with its steps (oldest first)."""

    id: str
    code: str
    beneficiary_id: str
    person_code: str
    person_name: str
    partner_id: str
    partner: str
    service: str
    reason: str
    priority: ReferralPriority
    channel: ReferralChannel
    contact_person: str
    status: ReferralStatus
    status_on: date
    referred_on: date
    sent_on: date | None
    answered_on: date | None
    closed_on: date | None
    successful: bool | None
    failure_reason: ReferralFailure | None
    feedback_note: str
    counsellor: str
    consent_override: str
    steps: tuple[ReferralStep, ...] = ()

    def waiting_days(self, today: date) -> int | None:
        """Days since the partner last had to answer, for a referral awaiting feedback; None otherwise."""
        if self.status not in (ReferralStatus.SENT, ReferralStatus.ACCEPTED):
            return None
        return (today - self.status_on).days


@dataclass(frozen=True)
class ReferralRow:
    """One line of the Referrals page."""

    id: str
    code: str
    beneficiary_id: str
    person_code: str
    person_name: str
    partner: str
    service: str
    priority: ReferralPriority
    status: ReferralStatus
    status_on: date
    referred_on: date
    counsellor: str
    overdue: bool


@dataclass
class ReferralQuery:
    partner_id: str | None = None
    status: ReferralStatus | None = None
    overdue: bool = False  # awaiting feedback for longer than the set number of days
    counsellor_id: str | None = None
    referred_from: date | None = None
    referred_to: date | None = None


@dataclass(frozen=True)
class PartnerFigures:
    """The per-partner figures of the Referrals page."""

    partner_id: str
    partner: str
    sent: int
    accepted: int
    successful: int
    median_feedback_days: float | None


# --- jobs --------------------------------------------------------------------------------------------


@dataclass
class JobDraft:
    employer: str
    contract_type: ContractType
    start_date: date
    sector: SkillSector | None = None
    job_title: str = ""
    referral_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class JobInfo:
    id: str
    beneficiary_id: str
    draft: JobDraft
    referral_code: str = ""


# --- the person's timeline and the agenda ------------------------------------------------------------


@dataclass(frozen=True)
class PersonFollowUp:
    """Everything the record page shows under "Follow-up": newest first."""

    case: CaseState
    sessions: tuple[SessionEntry, ...]
    referrals: tuple[ReferralInfo, ...]
    jobs: tuple[JobInfo, ...]


@dataclass(frozen=True)
class FollowUpItem:
    """A follow-up agreed at a session and not held yet."""

    session_id: str
    beneficiary_id: str
    person_code: str
    person_name: str
    due: date
    counsellor_id: str | None
    counsellor: str
    agreed_actions: str  # empty when confidential and not the reader's


@dataclass(frozen=True)
class AwaitingItem:
    """A referral whose partner has not answered for longer than the set number of days."""

    referral_id: str
    code: str
    beneficiary_id: str
    person_code: str
    person_name: str
    partner: str
    status: ReferralStatus
    waiting_since: date
    days: int
    counsellor: str


@dataclass(frozen=True)
class Agenda:
    """The lists hold at most the service's limit each; ``counts`` are the whole numbers."""

    overdue: tuple[FollowUpItem, ...]  # the most recently due first
    today: tuple[FollowUpItem, ...]
    this_week: tuple[FollowUpItem, ...]  # the coming 7 days, soonest first
    awaiting: tuple[AwaitingItem, ...]  # the longest waiting first
    counts: AgendaCounts

    @property
    def due_count(self) -> int:
        """What the navigation shows: overdue and today's follow-ups, and referrals past their wait."""
        return self.counts.due


@dataclass(frozen=True)
class AgendaCounts:
    overdue: int
    today: int
    this_week: int
    awaiting: int

    @property
    def due(self) -> int:
        return self.overdue + self.today + self.awaiting
