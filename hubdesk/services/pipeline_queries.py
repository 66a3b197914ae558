"""The pipeline page: how many projects are at each stage, and one page of a stage's projects.

Counts are read from the pipeline indexes alone; a page lists its projects newest step first and reads
the members of those projects only.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ColumnElement, func, or_, select

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, Venture, VentureMember
from hubdesk.domain.enums import SkillSector, VentureKind, VentureStage
from hubdesk.services.access import FOLLOW_UP_READERS, require
from hubdesk.services.guidance_rows import user_names
from hubdesk.services.readmodels import Actor
from hubdesk.services.venture_readmodels import VentureQuery, VentureRow
from hubdesk.services.venture_rows import person_name


def _conditions(query: VentureQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Venture.deleted_at.is_(None)]
    if query.kind is not None:
        conditions.append(Venture.kind == query.kind.value)
    if query.stage is not None:
        conditions.append(Venture.stage == query.stage.value)
    text = " ".join(query.text.split())
    if text:
        pattern = f"%{text.replace('%', '').replace('_', '')}%"
        conditions.append(or_(Venture.code.ilike(pattern), Venture.name.ilike(pattern)))
    return conditions


class PipelineQueries:
    def __init__(self, database: Database, actor: Callable[[], Actor]) -> None:
        self._db = database
        self._actor = actor

    def _reader(self) -> None:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read business projects.")

    def counts(self, query: VentureQuery | None = None) -> dict[VentureStage, int]:
        """Projects at each stage (every stage present, 0 when none), under the kind and text of ``query``."""
        self._reader()
        query = VentureQuery(kind=query.kind, text=query.text) if query is not None else VentureQuery()
        with self._db.unit_of_work() as uow:
            rows = uow.session.execute(
                select(Venture.stage, func.count()).where(*_conditions(query)).group_by(Venture.stage)
            ).all()
        found = {VentureStage(stage): count for stage, count in rows}
        return {stage: found.get(stage, 0) for stage in VentureStage}

    def page(self, query: VentureQuery, offset: int = 0, limit: int = 100) -> list[VentureRow]:
        """Projects under ``query``, the latest step first."""
        self._reader()
        statement = (
            select(Venture)
            .where(*_conditions(query))
            .order_by(Venture.stage_on.desc(), Venture.code.desc())
            .offset(max(offset, 0))
            .limit(max(limit, 0))
        )
        with self._db.unit_of_work() as uow:
            session = uow.session
            ventures = list(session.scalars(statement))
            members: dict[str, list[str]] = {}
            for venture_id, person in session.execute(
                select(VentureMember.venture_id, Beneficiary)
                .join(Beneficiary, Beneficiary.id == VentureMember.beneficiary_id)
                .where(
                    VentureMember.venture_id.in_([v.id for v in ventures]),
                    VentureMember.deleted_at.is_(None),
                    Beneficiary.deleted_at.is_(None),
                )
                .order_by(VentureMember.joined_on, VentureMember.created_at)
            ).all():
                members.setdefault(venture_id, []).append(person_name(person))
            names = user_names(session) if ventures else {}
            return [
                VentureRow(
                    id=v.id,
                    code=v.code,
                    name=v.name,
                    kind=VentureKind(v.kind),
                    sector=SkillSector(v.sector),
                    stage=VentureStage(v.stage),
                    stage_on=v.stage_on,
                    members=", ".join(members.get(v.id, [])),
                    member_count=len(members.get(v.id, [])),
                    counsellor=names.get(v.counsellor_id or "", ""),
                )
                for v in ventures
            ]
