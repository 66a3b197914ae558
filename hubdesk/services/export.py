"""Exporting the beneficiary list to CSV, XLSX or JSON, formula-safe and audited."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, Phone, User
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import HubdeskError, PermissionDenied, ValidationError
from hubdesk.services.audit import record_event
from hubdesk.services.beneficiary_search import list_filters, search_ids
from hubdesk.services.readmodels import Actor, BeneficiaryQuery

FORMATS = ("csv", "xlsx", "json")

#: exported columns, in order
COLUMNS = (
    "code",
    "last_name",
    "first_name",
    "arabic_name",
    "sex",
    "birth_date",
    "birth_year",
    "nationality",
    "migration_status",
    "arrival_year",
    "phones",
    "email",
    "neighbourhood",
    "city",
    "education_level",
    "occupation",
    "registered_on",
    "counsellor",
    "consent_given_on",
    "consent_purposes",
)
_RISKY = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any, risky: tuple[str, ...] = _RISKY) -> Any:
    """A text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(risky):
        return "'" + value
    return value


def _records(session: Session, query: BeneficiaryQuery) -> Iterator[dict[str, Any]]:
    """The people the list shows: its filters, and its search when one is typed."""
    users = {k: v for k, v in session.execute(select(User.id, User.full_name))}
    phones: dict[str, list[str]] = defaultdict(list)
    conditions = list_filters(query)
    if query.is_search():
        conditions.append(Beneficiary.id.in_(search_ids(session, query, query.search_limit)))
    live = select(Beneficiary.id).where(*conditions)
    for beneficiary_id, number in session.execute(
        select(Phone.beneficiary_id, Phone.number).where(Phone.beneficiary_id.in_(live)).order_by(Phone.position)
    ):
        phones[beneficiary_id].append(number)
    statement = select(Beneficiary).where(*conditions).order_by(Beneficiary.sort_name, Beneficiary.code)
    for row in session.scalars(statement.execution_options(yield_per=1000)):
        yield {
            "code": row.code,
            "last_name": row.last_name,
            "first_name": row.first_name,
            "arabic_name": row.arabic_name,
            "sex": row.sex,
            "birth_date": row.birth_date,
            "birth_year": row.birth_year,
            "nationality": row.nationality,
            "migration_status": row.migration_status,
            "arrival_year": row.arrival_year,
            "phones": " ".join(phones[row.id]),
            "email": row.email,
            "neighbourhood": row.neighbourhood,
            "city": row.city,
            "education_level": row.education_level,
            "occupation": row.occupation,
            "registered_on": row.registered_on,
            "counsellor": users.get(row.counsellor_id or "", ""),
            "consent_given_on": row.consent_given_on,
            "consent_purposes": row.consent_purposes,
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class ExportService:
    def __init__(self, database: Database, actor: Callable[[], Actor]) -> None:
        self._db = database
        self._actor = actor

    def export_beneficiaries(self, path: Path, fmt: str, query: BeneficiaryQuery | None = None) -> int:
        """Write the people the query selects (everyone by default) to ``path``; returns how many."""
        actor = self._actor()
        if actor.role is Role.READ_ONLY:
            raise PermissionDenied("Your role cannot export personal data.")
        if fmt not in FORMATS:
            raise ValidationError({"format": f"Choose one of {', '.join(FORMATS)}"})
        query = query or BeneficiaryQuery()
        path = Path(path)
        # Written beside the target and renamed at the end: a failure leaves no half file of personal data.
        partial = path.with_name(f".{path.name}.part")
        with self._db.unit_of_work() as uow:
            records = _records(uow.session, query)
            try:
                count = {"csv": _write_csv, "xlsx": _write_xlsx, "json": _write_json}[fmt](partial, records)
                partial.replace(path)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise HubdeskError(f"Could not write {path}: {exc.strerror or exc}.") from exc
            record_event(
                uow.session,
                actor,
                AuditAction.EXPORT,
                "beneficiary",
                summary=f"exported {count} people to {fmt.upper()} ({path.name})",
                diff={"format": fmt, "count": count, "file": str(path), "filters": _plain_query(query)},
            )
            uow.commit()
            return count


def _plain_query(query: BeneficiaryQuery) -> dict[str, str]:
    return {k: _text(v) for k, v in vars(query).items() if v not in (None, "", False)}


def _write_csv(path: Path, records: Iterator[dict[str, Any]]) -> int:
    count = 0
    # utf-8-sig so that Excel opens Arabic and accents correctly
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for record in records:
            writer.writerow([neutralise(_text(record[c])) for c in COLUMNS])
            count += 1
    return count


def _write_xlsx(path: Path, records: Iterator[dict[str, Any]]) -> int:
    from openpyxl import Workbook  # imported here: it costs a tenth of a second at start-up

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("beneficiaries")
    sheet.append(list(COLUMNS))
    count = 0
    for record in records:
        # a text cell is never run by Excel: only "=" makes openpyxl write a formula
        sheet.append([neutralise(record[c], ("=",)) for c in COLUMNS])
        count += 1
    workbook.save(path)
    return count


def _write_json(path: Path, records: Iterator[dict[str, Any]]) -> int:
    rows = [{c: r[c] for c in COLUMNS} for r in records]  # JSON runs nothing: values as recorded
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=_text), encoding="utf-8")
    return len(rows)
