"""The demo's auto-entrepreneur statuses (issue #5): when a person applied, was registered and maybe struck off,
with the papers that followed (card, CNSS), drawn from the entrepreneurship stream."""

from __future__ import annotations

from datetime import date, timedelta

from hubdesk.services.demo import entrepreneurship_data as words
from hubdesk.services.demo.draws import _Random
from hubdesk.services.demo.entrepreneurship_rows import AutoPlan, VenturePlan
from hubdesk.services.demo.follow_up_days import Days


def auto_entrepreneur_plan(
    rng: _Random,
    days: Days,
    person_id: str,
    registered_on: date,
    status: str,
    sector: str,
    counsellor: str,
    venture: VenturePlan | None = None,
) -> AutoPlan:
    """The status of an eligible person registered at the HUB on ``registered_on``: applied, active (registered) or
    lapsed; dated from the project's start when it is the legal form of ``venture``."""
    today, workday = days.today, days.workday
    since = registered_on
    created = None
    if venture is not None:
        since = venture.steps[0][1]
        created = next((on for stage, on, _ in venture.steps if stage in ("created", "operating")), None)
    room = (today - since).days
    if created is not None:
        registered: date | None = created
        applied = max(since, created - timedelta(days=rng.between(10, 45)))
    elif status == "applied":
        registered = None
        applied = min(today, workday(today - timedelta(days=rng.below(min(room, 60) + 1))))
    else:
        applied = workday(since + timedelta(days=rng.below(max(room // 2, 1))))
        registered = min(today, workday(applied + timedelta(days=rng.between(10, 45))))
    lapsed = None
    if registered is not None and status == "lapsed":
        if venture is not None:
            lapsed = venture.steps[-1][1]
        elif (today - registered).days > 200:
            lapsed = min(today, workday(registered + timedelta(days=rng.between(180, (today - registered).days))))
        else:
            status = "active"
    card = cnss = None
    if registered is not None:
        card = registered + timedelta(days=rng.between(15, 60))
        card = card if card <= (lapsed or today) and rng.random() < 0.85 else None
        cnss = registered + timedelta(days=rng.between(10, 90))
        cnss = cnss if cnss <= (lapsed or today) and rng.random() < 0.7 else None
    category = words.AUTO_CATEGORY.get(sector, "commerce_industry_crafts")
    note = "Radié faute de déclaration du chiffre d'affaires." if lapsed else ""
    return AutoPlan(
        person_id, status if registered is not None else "applied", applied, registered,
        f"RNAE-{registered.year}-{rng.digits(7)}" if registered else "", rng.digits(8) if registered else "",
        rng.digits(15) if registered else "", rng.pick(words.ACTIVITIES[category]), category, card, cnss, lapsed,
        venture, note, counsellor,
    )  # fmt: skip
