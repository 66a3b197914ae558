"""The audit trail: every create, update, delete, merge, view and export leaves an event."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.models import AuditEvent, Beneficiary
from hubdesk.domain.enums import AuditAction
from hubdesk.services.readmodels import Actor, FieldChange, HistoryEntry


def record_event(
    session: Session,
    actor: Actor,
    action: AuditAction,
    entity: str,
    entity_id: str | None = None,
    *,
    beneficiary_id: str | None = None,
    summary: str = "",
    diff: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    event = AuditEvent(
        user_id=actor.user_id,
        username=actor.username,
        action=action.value,
        entity=entity,
        entity_id=entity_id,
        beneficiary_id=beneficiary_id,
        summary=summary[:300],
        diff=json.dumps(diff or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    if at is not None:
        event.at = at
    session.add(event)
    return event


def diff_snapshots(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    keys = sorted(set(old) | set(new))
    return {k: [old.get(k), new.get(k)] for k in keys if old.get(k) != new.get(k)}


class Audited(Protocol):
    id: str
    updated_by: str | None
    deleted_at: datetime | None


def record_creation(
    session: Session,
    actor: Actor,
    entity: str,
    row: Audited,
    summary: str,
    *,
    diff: dict[str, Any] | None = None,
    beneficiary_id: str | None = None,
) -> str:
    """Add a new ``row`` (its id given now) and audit its creation; returns the id."""
    session.add(row)
    session.flush()
    record_event(
        session, actor, AuditAction.CREATE, entity, row.id, beneficiary_id=beneficiary_id, summary=summary, diff=diff
    )
    return row.id


def record_update(
    session: Session,
    actor: Actor,
    entity: str,
    row: Audited,
    before: dict[str, Any],
    after: dict[str, Any],
    summary: str,
    *,
    beneficiary_id: str | None = None,
) -> bool:
    """Audit an edit of ``row`` ("<summary>: field, field"); False, and nothing written, when nothing changed."""
    changes = diff_snapshots(before, after)
    if not changes:
        return False
    row.updated_by = actor.user_id
    record_event(
        session,
        actor,
        AuditAction.UPDATE,
        entity,
        row.id,
        beneficiary_id=beneficiary_id,
        summary=f"{summary}: {', '.join(sorted(changes))}",
        diff=changes,
    )
    return True


def soft_delete(
    session: Session, actor: Actor, entity: str, row: Audited, summary: str, *, beneficiary_id: str | None = None
) -> None:
    """Mark ``row`` deleted (it stays, out of sight) and audit it."""
    row.deleted_at = utcnow()
    row.updated_by = actor.user_id
    record_event(session, actor, AuditAction.DELETE, entity, row.id, beneficiary_id=beneficiary_id, summary=summary)


def beneficiary_history(session: Session, beneficiary_id: str, limit: int = 500) -> list[HistoryEntry]:
    """Events of the person, including those of records merged into it, newest first."""
    merged = select(Beneficiary.id).where(Beneficiary.merged_into_id == beneficiary_id)
    rows = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.beneficiary_id == beneficiary_id, AuditEvent.beneficiary_id.in_(merged)))
        .order_by(AuditEvent.at.desc())
        .limit(limit)
    )
    entries = []
    for event in rows:
        changes: tuple[FieldChange, ...] = ()
        if event.action == AuditAction.UPDATE.value:
            raw = json.loads(event.diff or "{}")
            changes = tuple(FieldChange(k, v[0], v[1]) for k, v in raw.items() if isinstance(v, list))
        entries.append(HistoryEntry(event.at, event.username, event.action, event.summary, changes))
    return entries
