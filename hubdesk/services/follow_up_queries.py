"""The lists over everyone: the Referrals page (rows and per-partner figures) and the agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, GuidanceSession, Partner, Referral
from hubdesk.domain.enums import ReferralPriority, ReferralStatus
from hubdesk.domain.errors import ValidationError
from hubdesk.services.access import FOLLOW_UP_READERS, SUPERVISORS, reads_confidential, require
from hubdesk.services.guidance_readmodels import (
    Agenda,
    AgendaCounts,
    AwaitingItem,
    FollowUpItem,
    PartnerFigures,
    ReferralQuery,
    ReferralRow,
)
from hubdesk.services.guidance_rows import user_names
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import read_setting, write_setting

#: setting: days a sent referral waits for the partner's answer before the agenda shows it
FEEDBACK_DAYS = "referral_feedback_days"
DEFAULT_FEEDBACK_DAYS = 14
WEEK = 7
#: a referral waits for feedback while it is sent and the partner has not answered (accepted or rejected)
_WAITING = ReferralStatus.SENT.value


def counted_median(counts: list[tuple[int, int]]) -> float:
    """The median of values given as (value, how many times), as statistics.median of the expanded list."""
    ordered = sorted(counts)
    total = sum(times for _value, times in ordered)
    middle = [(total - 1) // 2, total // 2]
    found: list[int] = []
    seen = 0
    for value, times in ordered:
        while middle and middle[0] < seen + times:
            found.append(value)
            middle.pop(0)
        seen += times
    return (found[0] + found[1]) / 2


def feedback_days(session: Session) -> int:
    try:
        return max(1, int(read_setting(session, FEEDBACK_DAYS, str(DEFAULT_FEEDBACK_DAYS))))
    except ValueError:
        return DEFAULT_FEEDBACK_DAYS


def _referral_filters(query: ReferralQuery, cutoff: date) -> list[ColumnElement[bool]]:
    # referrals are cancelled, never deleted: no deleted_at condition (it would defeat the covering indexes)
    filters: list[ColumnElement[bool]] = []
    if query.partner_id is not None:
        filters.append(Referral.partner_id == query.partner_id)
    if query.status is not None:
        filters.append(Referral.status == query.status.value)
    if query.overdue:
        filters += [Referral.status == _WAITING, Referral.status_on <= cutoff]
    if query.counsellor_id is not None:
        filters.append(Referral.counsellor_id == query.counsellor_id)
    if query.referred_from is not None:
        filters.append(Referral.referred_on >= query.referred_from)
    if query.referred_to is not None:
        filters.append(Referral.referred_on <= query.referred_to)
    return filters


class FollowUpQueries:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _reader(self) -> Actor:
        return require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")

    # --- settings -------------------------------------------------------------------------------------

    def feedback_days(self) -> int:
        with self._db.unit_of_work() as uow:
            return feedback_days(uow.session)

    def set_feedback_days(self, days: int) -> None:
        require(self._actor(), SUPERVISORS, "Only a coordinator or an administrator can change this setting.")
        if not 1 <= days <= 365:
            raise ValidationError({"feedback_days": "Give a number of days between 1 and 365."})
        with self._db.unit_of_work() as uow:
            write_setting(uow.session, FEEDBACK_DAYS, str(days))
            uow.commit()

    # --- referrals page -------------------------------------------------------------------------------

    def referral_count(self, query: ReferralQuery) -> int:
        self._reader()
        with self._db.unit_of_work() as uow:
            cutoff = self._today() - timedelta(days=feedback_days(uow.session))
            live = (
                select(func.count()).select_from(Referral).join(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
            )
            live = live.where(*_referral_filters(query, cutoff), Beneficiary.deleted_at.is_(None))
            return uow.session.scalar(live) or 0

    def referral_page(self, query: ReferralQuery, offset: int, limit: int) -> list[ReferralRow]:
        """Referrals newest first, one page at a time."""
        self._reader()
        with self._db.unit_of_work() as uow:
            session = uow.session
            cutoff = self._today() - timedelta(days=feedback_days(session))
            names = user_names(session)
            partners = dict(session.execute(select(Partner.id, Partner.name)).all())
            rows = session.execute(
                select(
                    Referral.id,
                    Referral.code,
                    Referral.beneficiary_id,
                    Referral.partner_id,
                    Referral.service,
                    Referral.priority,
                    Referral.status,
                    Referral.status_on,
                    Referral.referred_on,
                    Referral.counsellor_id,
                    Beneficiary.code.label("person_code"),
                    Beneficiary.first_name,
                    Beneficiary.last_name,
                )
                .join(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
                .where(*_referral_filters(query, cutoff), Beneficiary.deleted_at.is_(None))
                .order_by(Referral.referred_on.desc(), Referral.code.desc())
                .offset(offset)
                .limit(limit)
            )
            return [
                ReferralRow(
                    id=r.id,
                    code=r.code,
                    beneficiary_id=r.beneficiary_id,
                    person_code=r.person_code,
                    person_name=f"{r.first_name} {r.last_name}",
                    partner=partners.get(r.partner_id, ""),
                    service=r.service,
                    priority=ReferralPriority(r.priority),
                    status=ReferralStatus(r.status),
                    status_on=r.status_on,
                    referred_on=r.referred_on,
                    counsellor=names.get(r.counsellor_id or "", ""),
                    overdue=r.status == _WAITING and r.status_on <= cutoff,
                )
                for r in rows
            ]

    def partner_figures(self, query: ReferralQuery | None = None) -> list[PartnerFigures]:
        """Per partner: referrals sent, accepted, completed successfully, and the median days to feedback.

        The query's period and counsellor apply; its partner, status and overdue filters do not (the
        figures compare partners).
        """
        self._reader()
        base = ReferralQuery(
            counsellor_id=query.counsellor_id if query else None,
            referred_from=query.referred_from if query else None,
            referred_to=query.referred_to if query else None,
        )
        with self._db.unit_of_work() as uow:
            session = uow.session
            filters = _referral_filters(base, self._today())
            counts = session.execute(
                select(
                    Referral.partner_id,
                    func.count(Referral.sent_on),
                    func.sum(
                        case(
                            (
                                and_(
                                    Referral.answered_on.is_not(None), Referral.status != ReferralStatus.REJECTED.value
                                ),
                                1,
                            ),
                            else_=0,
                        )
                    ),
                    func.sum(case((Referral.successful.is_(True), 1), else_=0)),
                )
                .where(*filters)
                .group_by(Referral.partner_id)
            ).all()
            # the delays counted per partner and number of days (a few hundred rows, not one per referral)
            days: dict[str, list[tuple[int, int]]] = {}
            for partner_id, waited, times in session.execute(
                select(Referral.partner_id, Referral.feedback_days, func.count())
                .where(*filters, Referral.feedback_days.is_not(None))
                .group_by(Referral.partner_id, Referral.feedback_days)
            ):
                days.setdefault(partner_id, []).append((int(waited or 0), int(times)))
            partners = dict(session.execute(select(Partner.id, Partner.name)).all())
            figures = [
                PartnerFigures(
                    partner_id=partner_id,
                    partner=partners.get(partner_id, ""),
                    sent=int(sent or 0),
                    accepted=int(accepted or 0),
                    successful=int(successful or 0),
                    median_feedback_days=counted_median(days[partner_id]) if days.get(partner_id) else None,
                )
                for partner_id, sent, accepted, successful in counts
            ]
            return sorted(figures, key=lambda f: (-f.sent, f.partner.casefold()))

    # --- agenda ---------------------------------------------------------------------------------------

    def agenda(self, *, mine: bool = True, limit: int = 300) -> Agenda:
        """Follow-ups overdue, due today and in the coming week, and referrals waiting too long for feedback.

        ``mine``: the follow-ups of sessions the user held and the referrals they made; otherwise everyone's.
        Each list holds at most ``limit`` items; ``Agenda.counts`` are exact.
        """
        actor = self._reader()
        today = self._today()
        counts = self.agenda_counts(mine=mine)
        with self._db.unit_of_work() as uow:
            session = uow.session
            names = user_names(session)
            owner = actor.user_id if mine else None
            follow_ups = self._follow_ups(
                session, actor, names, owner, None, today - timedelta(days=1), limit, newest_first=True
            )
            due_today = self._follow_ups(session, actor, names, owner, today, today, limit)
            week = self._follow_ups(
                session, actor, names, owner, today + timedelta(days=1), today + timedelta(days=WEEK), limit
            )
            awaiting = self._awaiting(session, names, owner, today, limit)
            return Agenda(tuple(follow_ups), tuple(due_today), tuple(week), tuple(awaiting), counts)

    def agenda_counts(self, *, mine: bool = True) -> AgendaCounts:
        """The numbers of the Home page and the navigation, without reading the items."""
        actor = self._reader()
        today = self._today()
        with self._db.unit_of_work() as uow:
            session = uow.session
            owner = actor.user_id if mine else None
            due = GuidanceSession.follow_up_due

            def count(*conditions: ColumnElement[bool]) -> int:
                # only live sessions of live people have a due date (refresh_follow_up): the index answers alone
                query = select(func.count()).select_from(GuidanceSession).where(*conditions)
                if owner is not None:
                    query = query.where(GuidanceSession.counsellor_id == owner)
                return session.scalar(query) or 0

            cutoff = today - timedelta(days=feedback_days(session))
            awaiting = (
                select(func.count())
                .select_from(Referral)
                .join(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
                .where(Referral.status == _WAITING, Referral.status_on <= cutoff, Beneficiary.deleted_at.is_(None))
            )
            if owner is not None:
                awaiting = awaiting.where(Referral.counsellor_id == owner)
            return AgendaCounts(
                overdue=count(due < today),
                today=count(due == today),
                this_week=count(due > today, due <= today + timedelta(days=WEEK)),
                awaiting=session.scalar(awaiting) or 0,
            )

    @staticmethod
    def _follow_ups(
        session: Session,
        actor: Actor,
        names: dict[str, str],
        owner: str | None,
        first: date | None,
        last: date,
        limit: int,
        *,
        newest_first: bool = False,
    ) -> list[FollowUpItem]:
        due = GuidanceSession.follow_up_due
        query = (
            select(
                GuidanceSession.id,
                GuidanceSession.beneficiary_id,
                GuidanceSession.follow_up_due,
                GuidanceSession.counsellor_id,
                GuidanceSession.created_by,
                GuidanceSession.confidential,
                GuidanceSession.agreed_actions,
                Beneficiary.code,
                Beneficiary.first_name,
                Beneficiary.last_name,
            )
            .join(Beneficiary, Beneficiary.id == GuidanceSession.beneficiary_id)
            .where(due <= last, GuidanceSession.deleted_at.is_(None), Beneficiary.deleted_at.is_(None))
            .order_by(due.desc() if newest_first else due, Beneficiary.sort_name)
            .limit(limit)
        )
        query = query.where(due >= first) if first is not None else query.where(due.is_not(None))
        if owner is not None:
            query = query.where(GuidanceSession.counsellor_id == owner)
        return [
            FollowUpItem(
                session_id=r.id,
                beneficiary_id=r.beneficiary_id,
                person_code=r.code,
                person_name=f"{r.first_name} {r.last_name}",
                due=r.follow_up_due,
                counsellor_id=r.counsellor_id,
                counsellor=names.get(r.counsellor_id or "", ""),
                agreed_actions=r.agreed_actions
                if not r.confidential or reads_confidential(actor, r.created_by, r.counsellor_id)
                else "",
            )
            for r in session.execute(query)
        ]

    @staticmethod
    def _awaiting(
        session: Session, names: dict[str, str], owner: str | None, today: date, limit: int
    ) -> list[AwaitingItem]:
        cutoff = today - timedelta(days=feedback_days(session))
        query = (
            select(
                Referral.id,
                Referral.code,
                Referral.beneficiary_id,
                Referral.partner_id,
                Referral.status,
                Referral.status_on,
                Referral.counsellor_id,
                Beneficiary.code.label("person_code"),
                Beneficiary.first_name,
                Beneficiary.last_name,
            )
            .join(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
            .where(
                Referral.status == _WAITING,
                Referral.status_on <= cutoff,
                Beneficiary.deleted_at.is_(None),
            )
            .order_by(Referral.status_on, Referral.code)
            .limit(limit)
        )
        if owner is not None:
            query = query.where(Referral.counsellor_id == owner)
        partners = dict(session.execute(select(Partner.id, Partner.name)).all())
        return [
            AwaitingItem(
                referral_id=r.id,
                code=r.code,
                beneficiary_id=r.beneficiary_id,
                person_code=r.person_code,
                person_name=f"{r.first_name} {r.last_name}",
                partner=partners.get(r.partner_id, ""),
                status=ReferralStatus(r.status),
                waiting_since=r.status_on,
                days=(today - r.status_on).days,
                counsellor=names.get(r.counsellor_id or "", ""),
            )
            for r in session.execute(query)
        ]
