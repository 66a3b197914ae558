"""Writing the demo rows fast: multi-row INSERTs compiled by the dialect, run by a writer thread."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Boolean, Date, Table, insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.types import TypeEngine

from hubdesk.db.base import Base, UTCDateTime
from hubdesk.db.models import (
    AuditEvent,
    AutoEntrepreneur,
    Beneficiary,
    CaseStatusChange,
    Diploma,
    FinancingLine,
    GuidanceSession,
    JobOutcome,
    LanguageSkill,
    MatchKey,
    Phone,
    Referral,
    ReferralStatusChange,
    RevenueFollowUp,
    SearchKey,
    Skill,
    SupportAction,
    Training,
    TrainingAttendance,
    TrainingDay,
    TrainingEnrolment,
    Venture,
    VentureMember,
    VentureStageChange,
    WorkExperience,
)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


class _Values:
    """The dialect's own conversions of dates, timestamps and booleans, applied once per value.

    Rows go to the driver as they will be stored (bypassing per-row parameter processing is what
    makes 100,000 people fit in a minute), so these values must be converted here, exactly as the
    column types would convert them.
    """

    def __init__(self, dialect: Dialect) -> None:
        self.moment = _processor(_table(Beneficiary).c.created_at.type, dialect)
        self.day = _processor(_table(Beneficiary).c.registered_on.type, dialect)
        self.flag = _processor(_table(Beneficiary).c.has_disability.type, dialect)


def _processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any]:
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    return process if process is not None else _unchanged


def _unchanged(value: Any) -> Any:
    return value


#: column types whose values the generator converts itself (see _Values)
_CONVERTED = (Date, Boolean, UTCDateTime)


#: SQL text and its parameters: one tuple for one execution, a list of them for executemany
_Statement = tuple[str, Any]


def _run(connection: Connection, statements: list[_Statement]) -> None:
    for sql, params in statements:
        connection.exec_driver_sql(sql, params)


def _write(connection: Connection, rows: _Rows, bulks: dict[type[Base], _Bulk]) -> None:
    _run(connection, rows.statements(bulks))


class _Bulk:
    """Inserts of one table's rows, built from the INSERT statement the dialect compiles for it."""

    def __init__(self, connection: Connection, model: type[Base]) -> None:
        table = _table(model)
        dialect = connection.dialect
        keys = [column.key for column in table.columns]
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        self.sql = str(compiled)
        self.positional = bool(compiled.positional)
        self.order = list(compiled.positiontup or keys) if self.positional else keys
        self.values = itemgetter(*self.order)
        # Values of columns the generator does not know (added to the model after it was written).
        self.table = table
        self.fillers: dict[str, Any] | None = None
        # Rows go in primary-key order: far fewer index pages touched per batch.
        self.primary_key = itemgetter(*(self.order.index(column.key) for column in table.primary_key.columns))
        # Many rows per statement where the parameter style allows it: the driver then binds a whole
        # batch at once and the database inserts it in one step (without holding the GIL).
        self.batch = 1
        self.head, values, self.group = self.sql.partition(" VALUES ")
        if self.positional and dialect.paramstyle in ("qmark", "format") and values:
            self.batch = max(1, min(dialect.insertmanyvalues_max_parameters, 32000) // len(self.order))
        self.batch_sql = self._many(self.batch)
        # Conversions of any other column type the model may gain later (none today).
        self.others = [
            (index, process)
            for index, key in enumerate(self.order)
            if not isinstance(table.c[key].type, _CONVERTED)
            and (process := table.c[key].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]

    def statements(self, rows: list[dict[str, Any]]) -> list[_Statement]:
        """The statements inserting ``rows`` (column name -> value as stored)."""
        if not rows:
            return []
        if len(rows[0]) != len(self.order):
            fillers = self._fillers(rows[0])
            rows = [{**fillers, **row} for row in rows]
        return self._statements(sorted(map(self.values, rows), key=self.primary_key))

    def _fillers(self, sample: dict[str, Any]) -> dict[str, Any]:
        """NULL or the constant default of each column missing from ``sample``."""
        if self.fillers is None:
            self.fillers = {}
            for column in self.table.columns:
                if column.key in sample:
                    continue
                default = column.default
                if default is not None and default.is_scalar:
                    self.fillers[column.key] = default.arg  # type: ignore[attr-defined]
                elif column.nullable:
                    self.fillers[column.key] = None
                else:
                    raise RuntimeError(f"The demo generator gives no value to {column}: update it.")
        return self.fillers

    def pair_statements(self, pairs: list[tuple[str, str]]) -> list[_Statement]:
        """The statements inserting the rows of a (key, beneficiary_id) table given as pairs."""
        if self.order != ["key", "beneficiary_id"]:
            return self.statements([{"key": key, "beneficiary_id": owner} for key, owner in pairs])
        return self._statements(sorted(pairs))

    def _statements(self, params: list[Any]) -> list[_Statement]:
        if not params:
            return []
        if self.others:
            params = [self._convert(values) for values in params]
        if not self.positional:
            params = [dict(zip(self.order, values, strict=True)) for values in params]
        batch = self.batch
        if batch == 1:
            return [(self.sql, params)]  # executemany
        statements: list[_Statement] = []
        for start in range(0, len(params), batch):
            part = params[start : start + batch]
            sql = self.batch_sql if len(part) == batch else self._many(len(part))
            statements.append((sql, tuple(chain.from_iterable(part))))
        return statements

    def _many(self, count: int) -> str:
        """INSERT of ``count`` rows in one statement."""
        if self.batch == 1:
            return self.sql
        return f"{self.head} VALUES {', '.join([self.group] * count)}"

    def _convert(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        converted = list(values)
        for index, process in self.others:
            converted[index] = process(converted[index])
        return tuple(converted)


_BULK_TABLES: tuple[type[Base], ...] = (
    Beneficiary,
    Phone,
    LanguageSkill,
    Diploma,
    Skill,
    WorkExperience,
    SearchKey,
    MatchKey,
    GuidanceSession,
    CaseStatusChange,
    Referral,
    ReferralStatusChange,
    JobOutcome,
    Venture,
    VentureMember,
    VentureStageChange,
    FinancingLine,
    RevenueFollowUp,
    SupportAction,
    AutoEntrepreneur,
    Training,
    TrainingDay,
    TrainingEnrolment,
    TrainingAttendance,
    AuditEvent,
)


class _Rows:
    """Rows of one chunk, per table (column name -> value as stored), ready for executemany."""

    def __init__(self) -> None:
        self.beneficiaries: list[dict[str, Any]] = []
        self.phones: list[dict[str, Any]] = []
        self.languages: list[dict[str, Any]] = []
        self.diplomas: list[dict[str, Any]] = []
        self.skills: list[dict[str, Any]] = []
        self.experiences: list[dict[str, Any]] = []
        #: (key, beneficiary_id) pairs
        self.search_keys: list[tuple[str, str]] = []
        self.match_keys: list[tuple[str, str]] = []
        # the follow-up (services.demo.follow_up)
        self.sessions: list[dict[str, Any]] = []
        self.case_changes: list[dict[str, Any]] = []
        self.referrals: list[dict[str, Any]] = []
        self.referral_steps: list[dict[str, Any]] = []
        self.jobs: list[dict[str, Any]] = []
        # entrepreneurship (services.demo.entrepreneurship)
        self.ventures: list[dict[str, Any]] = []
        self.venture_members: list[dict[str, Any]] = []
        self.venture_steps: list[dict[str, Any]] = []
        self.financing: list[dict[str, Any]] = []
        self.revenues: list[dict[str, Any]] = []
        self.support_actions: list[dict[str, Any]] = []
        self.auto_entrepreneurs: list[dict[str, Any]] = []
        self.trainings: list[dict[str, Any]] = []
        self.training_days: list[dict[str, Any]] = []
        self.enrolments: list[dict[str, Any]] = []
        self.attendance: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def statements(self, bulks: dict[type[Base], _Bulk]) -> list[_Statement]:
        # parents first: the children's foreign keys are checked on insert
        return [
            *bulks[Beneficiary].statements(self.beneficiaries),
            *bulks[Phone].statements(self.phones),
            *bulks[LanguageSkill].statements(self.languages),
            *bulks[Diploma].statements(self.diplomas),
            *bulks[Skill].statements(self.skills),
            *bulks[WorkExperience].statements(self.experiences),
            *bulks[SearchKey].pair_statements(self.search_keys),
            *bulks[MatchKey].pair_statements(self.match_keys),
            *bulks[GuidanceSession].statements(self.sessions),
            *bulks[CaseStatusChange].statements(self.case_changes),
            *bulks[Referral].statements(self.referrals),
            *bulks[ReferralStatusChange].statements(self.referral_steps),
            *bulks[JobOutcome].statements(self.jobs),
            *bulks[Venture].statements(self.ventures),
            *bulks[VentureMember].statements(self.venture_members),
            *bulks[VentureStageChange].statements(self.venture_steps),
            *bulks[FinancingLine].statements(self.financing),
            *bulks[RevenueFollowUp].statements(self.revenues),
            *bulks[SupportAction].statements(self.support_actions),
            *bulks[AutoEntrepreneur].statements(self.auto_entrepreneurs),
            *bulks[Training].statements(self.trainings),
            *bulks[TrainingDay].statements(self.training_days),
            *bulks[TrainingEnrolment].statements(self.enrolments),
            *bulks[TrainingAttendance].statements(self.attendance),
            *bulks[AuditEvent].statements(self.events),
        ]


def _insert_behind(connection: Connection, chunks: Iterable[_Rows], written: Callable[[int], None] | None) -> None:
    """Insert ``chunks`` in order; ``written(people)`` after each but the last, with the people stored so far."""
    bulks = {model: _Bulk(connection, model) for model in _BULK_TABLES}
    done = 0
    # Millions of rows are made and dropped here, none of them in a reference cycle: the cycle
    # collector would only walk them again and again (a fifth of the time of a large demo).
    collecting = gc.isenabled()
    gc.disable()
    try:
        # SQLite does its B-tree work without holding the GIL: one thread inserts a chunk while this
        # one invents the next, which uses both cores of a small machine.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hubdesk-demo") as writer:
            pending: Future[None] | None = None
            for rows in chunks:
                if pending is not None:
                    pending.result()
                    if written is not None:
                        written(done)
                pending = writer.submit(_write, connection, rows, bulks)
                done += len(rows.beneficiaries)
            if pending is not None:
                pending.result()
    finally:
        if collecting:
            gc.enable()
