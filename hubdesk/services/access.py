"""Who may do what with sessions, cases, partners and referrals (enforced here, not only in the GUI)."""

from __future__ import annotations

from hubdesk.domain.enums import Role
from hubdesk.domain.errors import PermissionDenied
from hubdesk.services.readmodels import Actor

#: register sessions, referrals and jobs; change a case's status
CASE_WORKERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.COUNSELLOR})
#: read every confidential note, override a missing consent, disable partners
SUPERVISORS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})
#: read people's follow-up at all (the data officer sees reports and anonymised exports only)
FOLLOW_UP_READERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.COUNSELLOR, Role.READ_ONLY})


def require(actor: Actor, roles: frozenset[Role], message: str) -> Actor:
    if actor.role not in roles:
        raise PermissionDenied(message)
    return actor


def reads_confidential(actor: Actor, *authors: str | None) -> bool:
    """A confidential note is read by its author, coordinators and administrators only."""
    return actor.role in SUPERVISORS or (actor.user_id is not None and actor.user_id in authors)
