"""Finding people: prefix search over the key index, and the paged, filtered, sorted list."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, Phone, SearchKey, User
from hubdesk.domain import names
from hubdesk.domain.codes import code_search_key
from hubdesk.services.readmodels import BeneficiaryQuery, BeneficiaryRow

# Above every code point: "abc" <= key < "abc" + _TOP is a prefix range an index can serve.
_TOP = "\U0010ffff"
_DIGITS = re.compile(r"\d")

#: list columns that can be sorted, and the expression each sorts by
SORTABLE: dict[str, Any] = {
    "name": Beneficiary.sort_name,
    "code": Beneficiary.code,
    "registered_on": Beneficiary.registered_on,
    "birth_date": Beneficiary.birth_date,
    "nationality": Beneficiary.nationality,
    "migration_status": Beneficiary.migration_status,
    "sex": Beneficiary.sex,
}


def query_tokens(text: str) -> list[str]:
    """Prefixes to look for: name tokens, or one compact token for codes, phones and documents."""
    if _DIGITS.search(text):
        compact = code_search_key(text)
        return [compact] if compact else []
    tokens = names.search_tokens(text)
    # The longest token is the most selective: it drives the index range scan.
    return sorted(tokens, key=len, reverse=True)


def _prefix(column: Any, token: str) -> ColumnElement[bool]:
    return and_(column >= token, column < token + _TOP)


def list_filters(query: BeneficiaryQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Beneficiary.deleted_at.is_(None)]
    if query.migration_status:
        conditions.append(Beneficiary.migration_status == query.migration_status)
    if query.sex:
        conditions.append(Beneficiary.sex == query.sex)
    if query.nationality:
        conditions.append(Beneficiary.nationality == query.nationality)
    if query.counsellor_id:
        conditions.append(Beneficiary.counsellor_id == query.counsellor_id)
    if query.registered_from:
        conditions.append(Beneficiary.registered_on >= query.registered_from)
    if query.registered_to:
        conditions.append(Beneficiary.registered_on <= query.registered_to)
    return conditions


def _matches_up_to(session: Session, token: str, cap: int) -> int:
    """How many keys start with ``token``, counting no further than ``cap`` (an index range scan)."""
    keys = select(SearchKey.key).where(_prefix(SearchKey.key, token)).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(keys)) or 0


def search_ids(session: Session, query: BeneficiaryQuery, limit: int) -> list[str]:
    """Ids of the people every token of the text is a prefix of, best key order first, at most ``limit``.

    The scan walks the key index in order, a batch at a time, and stops as soon as enough distinct
    people passed the filters, so a one-letter prefix costs no more than a full name. The key scan
    and the filters are two queries on purpose: joined, a planner may start from the people table
    and sort every match.
    """
    tokens = query_tokens(query.text)
    if not tokens:
        return []
    if len(tokens) > 1:
        # The rarest token drives the scan: "mohamed diallo" walks the Diallos, not every Mohamed.
        tokens.sort(key=lambda token: (_matches_up_to(session, token, 5000), -len(token)))
    driver = aliased(SearchKey)
    statement = select(driver.key, driver.beneficiary_id).where(_prefix(driver.key, tokens[0]))
    for token in tokens[1:]:
        other = aliased(SearchKey)
        statement = statement.where(
            exists().where(other.beneficiary_id == driver.beneficiary_id, _prefix(other.key, token))
        )
    statement = statement.order_by(driver.key, driver.beneficiary_id)
    filters = list_filters(query)
    found: dict[str, None] = {}
    batch = max(limit * 2, 50)
    after: tuple[str, str] | None = None
    while len(found) < limit:
        page = statement
        if after is not None:
            page = page.where(
                or_(driver.key > after[0], and_(driver.key == after[0], driver.beneficiary_id > after[1]))
            )
        rows = session.execute(page.limit(batch)).all()
        if not rows:
            break
        after = (rows[-1][0], rows[-1][1])
        candidates = [r[1] for r in rows if r[1] not in found]
        kept = set(session.scalars(select(Beneficiary.id).where(Beneficiary.id.in_(candidates), *filters)))
        for beneficiary_id in candidates:
            if beneficiary_id in kept:
                found.setdefault(beneficiary_id, None)
        if len(rows) < batch:
            break
    return list(found)[:limit]


def _row_select() -> Select[*tuple[Any, ...]]:
    counsellor = aliased(User)
    first_phone = (
        select(Phone.number)
        .where(Phone.beneficiary_id == Beneficiary.id)
        .order_by(Phone.position)
        .limit(1)
        .scalar_subquery()
    )
    statement: Select[*tuple[Any, ...]] = select(
        Beneficiary.id,
        Beneficiary.code,
        Beneficiary.last_name,
        Beneficiary.first_name,
        Beneficiary.arabic_name,
        Beneficiary.sex,
        Beneficiary.birth_date,
        Beneficiary.birth_year,
        Beneficiary.nationality,
        Beneficiary.migration_status,
        func.coalesce(first_phone, "").label("phone"),
        Beneficiary.registered_on,
        func.coalesce(counsellor.full_name, "").label("counsellor"),
    ).outerjoin(counsellor, counsellor.id == Beneficiary.counsellor_id)
    return statement


def _order(query: BeneficiaryQuery) -> list[Any]:
    column = SORTABLE.get(query.sort, Beneficiary.sort_name)
    first = column.desc() if query.descending else column.asc()
    return [first, Beneficiary.code.asc()]


def _to_row(row: Row[Any]) -> BeneficiaryRow:
    return BeneficiaryRow(**row._asdict())


class BeneficiarySearch:
    """Read-only queries of the list page; each call is its own short unit of work."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def search(self, text: str, limit: int = 20) -> list[BeneficiaryRow]:
        """People matching what was typed, in key order (the search-as-you-type box)."""
        query = BeneficiaryQuery(text=text)
        with self._db.unit_of_work() as uow:
            ids = search_ids(uow.session, query, limit)
            return self._rows_in_order(uow.session, ids)

    def count(self, query: BeneficiaryQuery) -> int:
        with self._db.unit_of_work() as uow:
            if query.is_search():
                return len(search_ids(uow.session, query, query.search_limit))
            statement = select(func.count()).select_from(Beneficiary).where(*list_filters(query))
            return uow.session.scalar(statement) or 0

    def page(self, query: BeneficiaryQuery, offset: int, limit: int) -> list[BeneficiaryRow]:
        """Rows ``offset`` to ``offset + limit`` of the list in the query's order."""
        with self._db.unit_of_work() as uow:
            session = uow.session
            if query.is_search():
                ids = search_ids(session, query, query.search_limit)
                if query.sort == "relevance":
                    return self._rows_in_order(session, ids[offset : offset + limit])
                statement = _row_select().where(Beneficiary.id.in_(ids))
            else:
                statement = _row_select().where(*list_filters(query))
            statement = statement.order_by(*_order(query)).offset(offset).limit(limit)
            return [_to_row(row) for row in session.execute(statement)]

    @staticmethod
    def _rows_in_order(session: Session, ids: list[str]) -> list[BeneficiaryRow]:
        if not ids:
            return []
        rows = {row.id: _to_row(row) for row in session.execute(_row_select().where(Beneficiary.id.in_(ids)))}
        return [rows[i] for i in ids if i in rows]
