"""Plain read models the services hand to the interface and the command line (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import Role
from hubdesk.domain.matching import MatchReason


@dataclass(frozen=True)
class Actor:
    """Who is acting: recorded on every change and audit event."""

    user_id: str | None
    username: str
    role: Role

    @classmethod
    def system(cls) -> Actor:
        return cls(None, "system", Role.ADMINISTRATOR)


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    language: str
    active: bool = True


@dataclass(frozen=True)
class BeneficiaryRow:
    """One line of the beneficiary list."""

    id: str
    code: str
    last_name: str
    first_name: str
    arabic_name: str
    sex: str
    birth_date: date | None
    birth_year: int | None
    nationality: str
    migration_status: str
    phone: str
    registered_on: date
    counsellor: str


@dataclass(frozen=True)
class BeneficiaryRecord:
    """A person as saved, with who made and changed the record."""

    id: str
    code: str
    draft: BeneficiaryDraft
    counsellor_name: str
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    merged_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    username: str
    action: str
    summary: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class DuplicateCandidate:
    id: str
    code: str
    first_name: str
    last_name: str
    arabic_name: str
    birth_date: date | None
    birth_year: int | None
    phones: tuple[str, ...]
    document_number: str
    registered_on: date
    score: int
    reasons: tuple[MatchReason, ...]


@dataclass(frozen=True)
class DuplicatePair:
    first: DuplicateCandidate
    second: DuplicateCandidate
    score: int


@dataclass(frozen=True)
class HomeCounts:
    total: int
    registered_this_month: int
    registered_this_year: int
    women: int
    mine: int


@dataclass(frozen=True)
class RecentItem:
    id: str
    code: str
    name: str
    seen_at: datetime


@dataclass
class BeneficiaryQuery:
    """What the list shows: search text, filters and order."""

    text: str = ""
    migration_status: str | None = None
    sex: str | None = None
    nationality: str | None = None
    counsellor_id: str | None = None
    registered_from: date | None = None
    registered_to: date | None = None
    sort: str = "name"  # a column key of BeneficiaryRow, "name" = last then first name
    descending: bool = False
    search_limit: int = 500

    def is_search(self) -> bool:
        return bool(self.text.strip())


@dataclass
class SavedBeneficiary:
    id: str
    code: str
    warnings: list[str] = field(default_factory=list)
