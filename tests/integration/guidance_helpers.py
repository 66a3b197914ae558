"""Shared by the tests of sessions, referrals and the pages: people who agreed to share, sessions at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hubdesk.domain.beneficiary import Consent
from hubdesk.domain.enums import ConsentPurpose, Role
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralDraft, SessionDraft
from hubdesk.services.readmodels import SavedBeneficiary
from tests.integration.test_beneficiary_service import person

SHARING = Consent(date(2026, 3, 2), {ConsentPurpose.FOLLOW_UP, ConsentPurpose.PARTNER_SHARING})


def sharing_person(hub: Services, first: str = "Aminata", last: str = "Diallo") -> SavedBeneficiary:
    """A person who agreed to have their data shared with partners."""
    return hub.beneficiaries.create(person(first, last, consent=SHARING))


def at(day: date, hour: int = 10) -> datetime:
    """A local time on ``day``, as the session form gives it."""
    return datetime.combine(day, time(hour, 0), tzinfo=LOCAL_ZONE).astimezone(UTC)


def session_on(day: date, follow_up_in: int | None = None, **extra: object) -> SessionDraft:
    follow_up = day + timedelta(days=follow_up_in) if follow_up_in is not None else None
    return SessionDraft(held_at=at(day), next_follow_up=follow_up, **extra)  # type: ignore[arg-type]


def partner_id(hub: Services, starts_with: str = "ANAPEC") -> str:
    return next(p.id for p in hub.partners.list() if p.name.startswith(starts_with))


def referral_to(hub: Services, starts_with: str = "ANAPEC", **extra: object) -> ReferralDraft:
    return ReferralDraft(partner_id=partner_id(hub, starts_with), **extra)  # type: ignore[arg-type]


def other_counsellor(hub: Services, username: str = "colleague") -> Services:
    """Services logged in as a second counsellor (not the author of what the first one wrote)."""
    hub.accounts.create_user(hub.actor(), username, "Other Counsellor", "long-password-12", Role.COUNSELLOR)
    other = Services(hub.database)
    other.login(username, "long-password-12")
    return other
