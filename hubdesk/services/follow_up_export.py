"""Exporting guidance sessions and referrals to CSV, XLSX or JSON: streamed, formula-safe and audited.

Rows are read in batches (``yield_per``) and written as they come, so that half a million sessions never sit
in memory at once. The writers of the beneficiary export (``services/export.py``) are bound to its own columns
and build the whole JSON list in memory: the column-generic, streaming writers below take their place here and
keep its rules (``neutralise``, UTF-8 with BOM for Excel, a file renamed into place only once complete).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, GuidanceSession, Partner, Referral
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import HubdeskError, PermissionDenied, ValidationError
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.access import FOLLOW_UP_READERS, reads_confidential
from hubdesk.services.audit import record_event
from hubdesk.services.export import FORMATS, _text, neutralise
from hubdesk.services.follow_up_queries import _referral_filters, feedback_days
from hubdesk.services.guidance_readmodels import ReferralQuery, SessionQuery
from hubdesk.services.guidance_rows import session_filters, user_names
from hubdesk.services.readmodels import Actor

#: rows read from the database at a time
BATCH = 1000

#: exported columns of a session, in order
SESSION_COLUMNS = (
    "person_code",
    "held_at",  # local time (Tangier), ISO 8601 with its offset
    "session_type",
    "mode",
    "duration_minutes",
    "counsellor",
    "topics",
    "confidential",
    "notes",  # empty for a confidential session the exporting user may not read
    "agreed_actions",  # likewise
    "next_follow_up",
)

#: exported columns of a referral, in order
REFERRAL_COLUMNS = (
    "code",
    "person_code",
    "partner",
    "service",
    "priority",
    "channel",
    "status",
    "referred_on",
    "sent_on",
    "answered_on",
    "closed_on",
    "successful",
    "failure_reason",
    "feedback_days",
    "counsellor",
    "consent_override",
)

Record = dict[str, Any]

#: the refusal for a role that may not read sessions and referrals
_CANNOT_READ = "Your role cannot read people's follow-up."


def _session_records(session: Session, query: SessionQuery, actor: Actor) -> Iterator[Record]:
    """Sessions of living records, oldest first; confidential notes only for those who may read them."""
    names = user_names(session)
    statement = (
        select(
            GuidanceSession.id,
            GuidanceSession.held_at,
            GuidanceSession.session_type,
            GuidanceSession.mode,
            GuidanceSession.duration_minutes,
            GuidanceSession.counsellor_id,
            GuidanceSession.created_by,
            GuidanceSession.topics,
            GuidanceSession.confidential,
            GuidanceSession.notes,
            GuidanceSession.agreed_actions,
            GuidanceSession.next_follow_up,
            Beneficiary.code,
        )
        .join(Beneficiary, Beneficiary.id == GuidanceSession.beneficiary_id)
        .where(*session_filters(query), Beneficiary.deleted_at.is_(None))
        .order_by(GuidanceSession.held_at, GuidanceSession.id)
    )
    for row in session.execute(statement.execution_options(yield_per=BATCH)):
        hidden = row.confidential and not reads_confidential(actor, row.created_by, row.counsellor_id)
        yield {
            "person_code": row.code,
            "held_at": row.held_at.astimezone(LOCAL_ZONE).isoformat(timespec="minutes"),
            "session_type": row.session_type,
            "mode": row.mode,
            "duration_minutes": row.duration_minutes,
            "counsellor": names.get(row.counsellor_id or "", ""),
            "topics": row.topics,
            "confidential": row.confidential,
            "notes": "" if hidden else row.notes,
            "agreed_actions": "" if hidden else row.agreed_actions,
            "next_follow_up": row.next_follow_up,
        }


def _referral_records(session: Session, query: ReferralQuery, today: date) -> Iterator[Record]:
    """Referrals of living records, in the order they were made."""
    names = user_names(session)
    partners = dict(session.execute(select(Partner.id, Partner.name)).all())
    cutoff = today - timedelta(days=feedback_days(session))
    statement = (
        select(Referral, Beneficiary.code.label("person_code"))
        .join(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
        .where(*_referral_filters(query, cutoff), Beneficiary.deleted_at.is_(None))
        .order_by(Referral.referred_on, Referral.code)
    )
    for referral, person_code in session.execute(statement.execution_options(yield_per=BATCH)):
        yield {
            "code": referral.code,
            "person_code": person_code,
            "partner": partners.get(referral.partner_id, ""),
            "service": referral.service,
            "priority": referral.priority,
            "channel": referral.channel,
            "status": referral.status,
            "referred_on": referral.referred_on,
            "sent_on": referral.sent_on,
            "answered_on": referral.answered_on,
            "closed_on": referral.closed_on,
            "successful": referral.successful,
            "failure_reason": referral.failure_reason,
            "feedback_days": referral.feedback_days,
            "counsellor": names.get(referral.counsellor_id or "", ""),
            "consent_override": referral.consent_override_reason,
        }


class FollowUpExport:
    """Sessions and referrals to a file, for the users who may export personal data and read follow-up."""

    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def export_sessions(self, path: Path, fmt: str, query: SessionQuery | None = None) -> int:
        """Write the sessions the query selects (all by default) to ``path``; returns how many."""
        actor = check_exporter(self._actor(), fmt, _CANNOT_READ)
        query = query or SessionQuery()
        _check_period(query.held_from, query.held_to)
        return export_records(
            self._db,
            Path(path),
            fmt,
            actor,
            "guidance_session",
            "sessions",
            SESSION_COLUMNS,
            lambda session: _session_records(session, query, actor),
            _plain_query(query),
        )

    def export_referrals(self, path: Path, fmt: str, query: ReferralQuery | None = None) -> int:
        """Write the referrals the query selects (all by default) to ``path``; returns how many."""
        actor = check_exporter(self._actor(), fmt, _CANNOT_READ)
        query = query or ReferralQuery()
        _check_period(query.referred_from, query.referred_to)
        today = self._today()
        return export_records(
            self._db,
            Path(path),
            fmt,
            actor,
            "referral",
            "referrals",
            REFERRAL_COLUMNS,
            lambda session: _referral_records(session, query, today),
            _plain_query(query),
        )


def check_exporter(actor: Actor, fmt: str, cannot_read: str) -> Actor:
    """The actor, when they may export personal data, read what is exported and asked for a known format.

    ``cannot_read``: the refusal for a role that may not read what is exported.
    """
    if actor.role is Role.READ_ONLY:
        raise PermissionDenied("Your role cannot export personal data.")
    if actor.role not in FOLLOW_UP_READERS:
        raise PermissionDenied(cannot_read)
    if fmt not in FORMATS:
        raise ValidationError({"format": f"Choose one of {', '.join(FORMATS)}"})
    return actor


def export_records(
    database: Database,
    path: Path,
    fmt: str,
    actor: Actor,
    entity: str,
    what: str,
    columns: Sequence[str],
    records_of: Callable[[Session], Iterator[Record]],
    filters: dict[str, str],
) -> int:
    """Write the records ``records_of`` reads to ``path`` in ``fmt`` and audit the export; returns how many.

    ``entity``: the audit event's entity; ``what``: the rows' name (XLSX sheet, audit summary); ``filters``:
    what selected the rows, as the audit event records it.
    """
    # Written beside the target and renamed at the end: a failure leaves no half file of personal data.
    partial = path.with_name(f".{path.name}.part")
    with database.unit_of_work() as uow:
        records = records_of(uow.session)
        try:
            if fmt == "csv":
                count = write_csv(partial, columns, records)
            elif fmt == "xlsx":
                count = write_xlsx(partial, columns, records, what)
            else:
                count = write_json(partial, columns, records)
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise HubdeskError(f"Could not write {path}: {exc.strerror or exc}.") from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        record_event(
            uow.session,
            actor,
            AuditAction.EXPORT,
            entity,
            summary=f"exported {count} {what} to {fmt.upper()} ({path.name})",
            diff={"format": fmt, "count": count, "file": str(path), "filters": filters},
        )
        uow.commit()
        return count


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and start > end:
        raise ValidationError({"period": f"The period starts ({start.isoformat()}) after it ends ({end.isoformat()})."})


def _plain_query(query: SessionQuery | ReferralQuery) -> dict[str, str]:
    return {k: _text(v) for k, v in vars(query).items() if v not in (None, "", False)}


# --- writers: any columns, one row at a time ------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _text(value)


def write_csv(path: Path, columns: Sequence[str], records: Iterator[Record]) -> int:
    """CSV with a header; every text a spreadsheet would run is neutralised. Returns the number of rows."""
    count = 0
    # utf-8-sig so that Excel opens Arabic and accents correctly
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow([neutralise(_cell_text(record[c])) for c in columns])
            count += 1
    return count


def write_xlsx(path: Path, columns: Sequence[str], records: Iterator[Record], sheet_name: str) -> int:
    """A workbook of one sheet, written row by row (openpyxl's write-only mode). Returns the number of rows."""
    from openpyxl import Workbook  # imported here: it costs a tenth of a second at start-up
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            # control characters pasted into a note would make openpyxl refuse the whole file
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        # a text cell is never run by Excel: only "=" makes openpyxl write a formula
        return neutralise(value, ("=",))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(columns))
    count = 0
    for record in records:
        sheet.append([cell(record[c]) for c in columns])
        count += 1
    workbook.save(path)
    return count


def write_json(path: Path, columns: Sequence[str], records: Iterator[Record]) -> int:
    """A JSON list of objects, written one object at a time; values as recorded (JSON runs nothing)."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for record in records:
            handle.write(",\n " if count else "\n ")
            handle.write(json.dumps({c: record[c] for c in columns}, ensure_ascii=False, default=_text))
            count += 1
        handle.write("\n]\n" if count else "]\n")
    return count
