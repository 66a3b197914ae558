"""The demo's entrepreneurship support (issue #5): business projects, support actions, auto-entrepreneurs, trainings.

The small demo shows a hand-picked set: fourteen projects over every stage of the pipeline (individual ones,
collective start-ups of three to five members with their roles), financing asked and obtained (Forsa,
Intelaka, microcredit, grants, equipment kits), the turnover of the running businesses, eight
auto-entrepreneurs (applied, active, lapsed: only people whose papers allow it) and seven trainings whose
trainees mostly complete. A large demo (from ``LARGE`` people) adds projects and trainings in proportion:
one project for five people, one training for fifty, drawn the same way.

Members and trainees are adults who agreed to be followed, registered before the project or the training.
Codes are numbered per year in the order projects started and trainings began (PRJ-TNG-2026-0001 first);
the caller stores the counters so that the services continue the numbering. Everything comes from the
seed and ``today``, drawn from a stream of its own: the people and their follow-up are the same with or
without it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from hubdesk.domain.codes import prefixed_code
from hubdesk.domain.entrepreneurship import auto_entrepreneur_eligibility
from hubdesk.domain.enums import IdDocumentType, MigrationStatus, Role
from hubdesk.services.demo import entrepreneurship_data as words
from hubdesk.services.demo.bulk import _Rows, _Values
from hubdesk.services.demo.draws import _Random
from hubdesk.services.demo.entrepreneurship_data import SHOWCASE, SHOWCASE_TRAININGS, STANDALONE_AUTO
from hubdesk.services.demo.entrepreneurship_rows import (
    Action,
    AutoPlan,
    EntrepreneurshipWriter,
    TrainingPlan,
    VenturePlan,
    expected_ids,
)
from hubdesk.services.demo.entrepreneurship_status import auto_entrepreneur_plan
from hubdesk.services.demo.follow_up_days import Days
from hubdesk.services.demo.follow_up_rows import AscendingIds, RowWriter

LARGE = 10_000  # from this many people, projects and trainings in proportion to them
PEOPLE_PER_PROJECT = 5
PEOPLE_PER_TRAINING = 50
_STAGES = ("idea", "pre_incubation", "plan_validated", "seeking_financing", "created", "operating")


def volumes(size: int) -> tuple[int | None, int | None]:
    """Projects and trainings of a demo of ``size`` people; None: the small demo's hand-picked set."""
    if size < LARGE:
        return None, None
    return size // PEOPLE_PER_PROJECT, size // PEOPLE_PER_TRAINING


class EntrepreneurshipGenerator:
    """Notes the people as they are made, then invents the projects and trainings once they are all there."""

    def __init__(
        self,
        seed: int,
        today: date,
        users: Sequence[tuple[str, str, Role]],
        values: _Values,
        site: str,
        projects: int | None = None,
        trainings: int | None = None,
    ) -> None:
        self.rng = _Random(seed * 7919 + 5)  # a stream of its own: the people and their follow-up do not change
        self.today = today
        self.site = site
        self.values = values
        self.days = Days(self.rng, today)
        self.projects = projects
        self.trainings = trainings
        by_name = {username: user_id for user_id, username, _ in users}
        self.staff = [by_name["amina"], by_name["youssef"], by_name["fatou"]]
        self.coordinator = by_name["coordination"]
        self.usernames = {user_id: username for user_id, username, _ in users}
        #: adults who agreed to be followed, in the order they registered
        self.registered: list[int] = []  # day ordinals
        self.ids: list[str] = []
        self.codes: list[str] = []
        self.eligible: list[bool] = []
        self.used: set[int] = set()
        self.auto: set[int] = set()
        #: the last number handed out per year (CodeCounter kinds "venture" and "training")
        self.venture_counters: dict[int, int] = {}
        self.training_counters: dict[int, int] = {}

    def person(self, rows: _Rows, registered_on: date) -> None:
        """Note the person just added to ``rows`` (their beneficiary row is the last one) if they may take part."""
        row = rows.beneficiaries[-1]
        if "follow_up" not in str(row["consent_purposes"]).split():
            return
        born = row["birth_year"] or (int(str(row["birth_date"])[:4]) if row["birth_date"] else None)
        if born is None or registered_on.year - int(born) < 18:
            return
        expiry = row["id_document_expiry"]
        reason = auto_entrepreneur_eligibility(
            MigrationStatus(row["migration_status"]),
            IdDocumentType(row["id_document_type"]),
            date.fromisoformat(str(expiry)) if expiry else None,
            self.today,
        )
        self.registered.append(registered_on.toordinal())
        self.ids.append(str(row["id"]))
        self.codes.append(str(row["code"]))
        self.eligible.append(not reason)

    # -- people ---------------------------------------------------------------------------------------

    def _someone(self, before: date, *, eligible: bool = False, exclude: Sequence[int] = ()) -> int | None:
        """A person registered on ``before`` or earlier (the earliest ones when nobody was), not yet taken if
        possible; None when there is nobody (or nobody eligible, when asked)."""
        count = bisect_right(self.registered, before.toordinal()) or min(len(self.ids), 3)
        if not count:
            return None
        rng = self.rng
        found = None
        for attempt in range(12 if eligible else 6):
            index = rng.below(count)
            if index in exclude or (eligible and (not self.eligible[index] or index in self.auto)):
                continue
            found = index
            if index not in self.used or attempt >= 4:
                break
        if found is None and eligible and count <= 400:  # a small demo: look at everybody
            found = next((i for i in range(count) if self.eligible[i] and i not in self.auto), None)
        return found

    def _day(self, index: int) -> date:
        return date.fromordinal(self.registered[index])

    # -- projects -------------------------------------------------------------------------------------

    def _path(self, final: str) -> list[str]:
        """The stages after the idea, up to ``final``: a step may be skipped (a plan brought ready, own funds)."""
        rng = self.rng
        if final == "idea":
            return []
        if final == "abandoned":
            last = rng.between(0, 3)
            return [*self._path(_STAGES[last]), "abandoned"]
        if final == "closed":
            return [*self._path("operating" if rng.random() < 0.85 else "created"), "closed"]
        path = list(_STAGES[1 : _STAGES.index(final) + 1])
        for skippable, chance in (("pre_incubation", 0.1), ("seeking_financing", 0.25), ("created", 0.1)):
            if skippable in path and path[-1] != skippable and rng.random() < chance:
                path.remove(skippable)
        return path

    def venture(
        self, serial: int, name: str, kind: str, sector: str, final: str, size: int, legal_form: str | None
    ) -> tuple[VenturePlan, int] | None:
        """A project reaching ``final``, with its lead (an index of the people); None when nobody can lead it."""
        rng, today, workday = self.rng, self.today, self.days.workday
        path = self._path(final)
        gaps = [rng.between(*words.STEP_GAPS[stage]) for stage in path]
        rest = rng.between(0, 400) if final in ("closed", "abandoned") else rng.between(3, 150)
        latest = today - timedelta(days=sum(gaps) + rest)
        wants_auto = legal_form == "auto_entrepreneur" or (
            legal_form is None and kind == "individual" and rng.random() < 0.5
        )
        lead = self._someone(latest, eligible=wants_auto and final in ("created", "operating", "closed"))
        if lead is None:
            lead = self._someone(latest)
            wants_auto = False
        if lead is None:
            return None
        registered = self._day(lead)
        # most projects reached their stage lately: those stuck for long were given up
        started = min(today, workday(max(registered, latest - timedelta(days=rng.between(0, 60)))))
        members = [lead]
        while kind == "collective" and len(members) < size:
            other = self._someone(started, exclude=members)
            if other is None or other in members:
                break
            members.append(other)
        if kind == "collective" and len(members) < 2:
            kind = "individual"
        self.used.update(members)
        counsellor = self.staff[rng.below(3)]
        steps = [("idea", started, "")]
        day = started
        for stage, gap in zip(path, gaps, strict=True):
            day = min(today, workday(day + timedelta(days=gap)))
            steps.append((stage, day, rng.pick(words.STEP_NOTES[stage])))
        created = any(stage in ("created", "operating") for stage, _, _ in steps)
        if not created:
            form = "none_yet"
        elif legal_form is not None and (legal_form != "auto_entrepreneur" or wants_auto):
            form = legal_form if kind == "individual" or legal_form != "auto_entrepreneur" else "cooperative"
        elif kind == "collective":
            form = rng.pick(("cooperative", "cooperative", "sarl", "association"))
        else:
            form = "auto_entrepreneur" if wants_auto else rng.pick(("informal", "informal", "sarl"))
        roles = ["founder", "manager"] + ["member"] * (len(members) - 2) if len(members) > 1 else ["founder"]
        plan = VenturePlan(
            serial, name, kind, sector, rng.pick(words.DESCRIPTIONS), form, counsellor, steps,
            [(self.ids[index], role) for index, role in zip(members, roles, strict=True)],
        )  # fmt: skip
        if created:
            plan.jobs_created = len(members) + (rng.between(0, 4) if kind == "collective" else rng.below(3))
        self._financing(plan, final)
        self._revenues(plan)
        self._actions(plan)
        return plan, lead

    def _financing(self, plan: VenturePlan, final: str) -> None:
        rng = self.rng
        stages = [stage for stage, _, _ in plan.steps]
        asking = next((i for i, s in enumerate(stages) if s in ("seeking_financing", "created", "operating")), None)
        if asking is None or (stages[asking] != "seeking_financing" and rng.random() < 0.3):
            return
        start = plan.steps[asking - 1][1] if stages[asking] != "seeking_financing" else plan.steps[asking][1]
        end = plan.steps[asking + 1][1] if asking + 1 < len(stages) else self.today
        span = max((end - start).days, 0)
        for _ in range(rng.between(1, 3)):
            kind = words.FINANCING_KINDS(rng)
            sources, low, high = words.FINANCING[kind]
            requested = 500 * (rng.between(low, high) // 500)
            requested_on = min(start + timedelta(days=rng.below(span // 2 + 1)), self.today)
            decided: date | None = min(requested_on + timedelta(days=rng.between(7, 60)), end)
            obtained: int | None = requested
            note = ""
            if kind == "own_funds":
                decided = requested_on
            elif final == "abandoned" or rng.random() < 0.15:
                obtained, note = 0, words.FINANCING_NOTES[4]
            elif rng.random() < 0.3:
                obtained, note = 500 * (requested * rng.between(50, 90) // 50_000), words.FINANCING_NOTES[3]
            if stages[-1] == "seeking_financing" and kind != "own_funds" and rng.random() < 0.5:
                decided, obtained, note = None, None, ""  # the answer is awaited
            plan.financing.append((kind, rng.pick(sources), requested, obtained, requested_on, decided, note))

    def _revenues(self, plan: VenturePlan) -> None:
        """A turnover every three months from the creation, while the business runs."""
        rng = self.rng
        created = next((on for stage, on, _ in plan.steps if stage in ("created", "operating")), None)
        if created is None or plan.steps[-1][0] == "created":
            return
        ends = min(self.today, plan.steps[-1][1]) if plan.steps[-1][0] == "closed" else self.today
        monthly = 1000 * rng.between(3, 25)
        start = created
        while (end := start + timedelta(days=90)) < ends:
            growth = 1.0 + 0.05 * len(plan.revenues)
            revenue = 100 * int(monthly * 3 * growth * rng.between(70, 130) // 10_000)
            plan.revenues.append((start, end, revenue, max(plan.jobs_created + rng.between(-1, 1), 0)))
            start = end + timedelta(days=1)

    def _actions(self, plan: VenturePlan) -> None:
        """Support between one step and the next (or today, while the project goes on)."""
        rng = self.rng
        steps = plan.steps
        for index, (stage, on, _) in enumerate(steps):
            if stage not in words.STAGE_ACTIONS:
                break
            until = steps[index + 1][1] if index + 1 < len(steps) else self.today
            for _ in range(rng.between(0, 2) if index else rng.between(1, 2)):
                held = min(self.days.workday(on + timedelta(days=rng.below((until - on).days + 1))), until)
                kind = rng.pick(words.STAGE_ACTIONS[stage])
                who = plan.counsellor if rng.random() < 0.85 else rng.pick(self.staff)
                hours = rng.pick((1.0, 1.5, 2.0, 2.0, 3.0))
                plan.actions.append((kind, held, hours, rng.pick(words.SUPPORT_NOTES[kind]), who))
        plan.actions.sort(key=lambda action: action[1])

    # -- auto-entrepreneurs ---------------------------------------------------------------------------

    def auto_entrepreneur(
        self, index: int, status: str, sector: str, counsellor: str, venture: VenturePlan | None = None
    ) -> AutoPlan | None:
        """The status of an eligible person not yet given one (None otherwise): applied, active or lapsed."""
        if not self.eligible[index] or index in self.auto:
            return None
        self.auto.add(index)
        return auto_entrepreneur_plan(
            self.rng, self.days, self.ids[index], self._day(index), status, sector, counsellor, venture
        )

    # -- trainings ------------------------------------------------------------------------------------

    def training(
        self, serial: int, title: int, count: int, trainees: int, first: date, weekly: bool, hours: float, share: float
    ) -> TrainingPlan:
        rng, today, workday = self.rng, self.today, self.days.workday
        name, theme, description = words.TRAINING_TITLES[title]
        days: list[tuple[date, float]] = []
        day = workday(first)
        for _ in range(count):
            days.append((day, hours))
            day = workday(day + timedelta(days=7 if weekly else 1))
        first = days[0][0]
        pool = bisect_right(self.registered, (first - timedelta(days=1)).toordinal())
        chosen = rng.sample(range(pool), min(trainees, pool))
        people = []
        exceptions = 0
        for index in chosen:
            enrolled = max(self._day(index), workday(first - timedelta(days=rng.between(3, 30))))
            diligence = words.DILIGENCE(rng)
            attended = tuple(i for i, (on, _) in enumerate(days) if on < today and rng.random() < diligence)
            held = sum(on < today for on, _ in days)
            missed = held and len(attended) < share * len(days) - 1e-9
            exception = ""
            # one of the small demo's first trainings shows a coordinator's exception for sure
            if missed and attended and exceptions == 0 and (serial in (0, 2) or rng.random() < 0.2):
                exception, exceptions = words.EXCEPTION, 1
            people.append((self.ids[index], min(enrolled, first, today), attended, exception))
        trainer = rng.pick(words.TRAINERS)
        counsellor = self.coordinator if rng.random() < 0.5 else rng.pick(self.staff)
        place = rng.pick(words.PLACES)
        return TrainingPlan(serial, name, theme.value, description, trainer, place, share, counsellor, days, people)

    # -- the whole set --------------------------------------------------------------------------------

    def plans(self) -> tuple[list[VenturePlan], list[AutoPlan], list[TrainingPlan], list[tuple[int, Action]]]:
        """Every project, auto-entrepreneur, training, and support action given to a person alone."""
        rng, today = self.rng, self.today
        ventures: list[VenturePlan] = []
        autos: list[AutoPlan] = []
        for name, kind, sector, final, size, form in SHOWCASE:
            made = self.venture(len(ventures), name, kind, sector, final, size, form)
            if made is not None:
                ventures.append(made[0])
                if made[0].legal_form == "auto_entrepreneur":
                    status = "lapsed" if final == "closed" else "active"
                    auto = self.auto_entrepreneur(made[1], status, sector, made[0].counsellor, made[0])
                    autos += [auto] if auto else []
        extra_projects = max((self.projects or 0) - len(ventures), 0)
        for _ in range(extra_projects):
            sector = words.SECTORS(rng)
            kind = "collective" if rng.random() < 0.3 else "individual"
            name = f"{rng.pick(words.NAMES[sector])} {rng.pick(words.SUFFIXES)}"
            made = self.venture(len(ventures), name, kind, sector, words.FINAL_STAGES(rng), rng.between(3, 5), None)
            if made is None:
                break
            ventures.append(made[0])
            if made[0].legal_form == "auto_entrepreneur":
                status = "lapsed" if made[0].steps[-1][0] == "closed" else "active"
                auto = self.auto_entrepreneur(made[1], status, sector, made[0].counsellor, made[0])
                autos += [auto] if auto else []
        standalone = list(STANDALONE_AUTO) + [
            rng.pick(("applied", "active", "active", "lapsed")) for _ in range(extra_projects // 40)
        ]
        for status in standalone:
            index = self._someone(today - timedelta(days=500 if status == "lapsed" else 0), eligible=True)
            if index is not None:
                auto = self.auto_entrepreneur(index, status, words.SECTORS(rng), rng.pick(self.staff))
                autos += [auto] if auto else []
        trainings = [
            self.training(serial, title, count, trainees, today - timedelta(days=ago), weekly, hours, share)
            for serial, (title, count, trainees, ago, weekly, hours, share) in enumerate(SHOWCASE_TRAININGS)
        ]
        start = date.fromordinal(self.registered[0]) if self.registered else today
        span = max((today - start).days, 1)
        for _ in range(max((self.trainings or 0) - len(trainings), 0)):
            first = start + timedelta(days=30 + rng.below(span))
            title = rng.below(len(words.TRAINING_TITLES))
            count = words.TRAINING_DAYS(rng)
            share = rng.pick((0.8, 0.8, 0.75, 1.0))
            hours = rng.pick((2.5, 3.0, 3.0, 4.0, 6.0))
            trainings.append(
                self.training(len(trainings), title, count, rng.between(8, 22), first, rng.random() < 0.3, hours, share)
            )
        actions: list[tuple[int, Action]] = []
        for _ in range(6 + extra_projects // 4 if self.ids else 0):
            index = rng.below(len(self.ids))
            since = self._day(index)
            held = min(today, self.days.workday(since + timedelta(days=rng.below((today - since).days + 1))))
            kind = rng.pick(words.PERSON_ACTIONS)
            notes = rng.pick(words.SUPPORT_NOTES[kind])
            actions.append((index, (kind, held, rng.pick((1.0, 1.5, 2.0)), notes, rng.pick(self.staff))))
        return ventures, autos, trainings, actions

    def later(self, after: AscendingIds) -> Iterator[_Rows]:
        """The rows, once every person is made; ids ascend past those ``after`` handed out."""
        ventures, autos, trainings, actions = self.plans()
        ids = AscendingIds(self.rng, 1000)
        ids.high = after.high
        ids.step = 2 * ((1 << 60) - after.high) // expected_ids(ventures, trainings, len(autos) + len(actions))
        writer = EntrepreneurshipWriter(RowWriter(ids, self.values, self.usernames), self.days, self.coordinator)
        for plan in sorted(ventures, key=lambda v: (v.steps[0][1], v.serial)):
            year = plan.steps[0][1].year
            number = self.venture_counters[year] = self.venture_counters.get(year, 0) + 1
            plan.code = prefixed_code("venture", self.site, year, number)
        for training in sorted(trainings, key=lambda t: (t.days[0][0], t.serial)):
            year = training.days[0][0].year
            number = self.training_counters[year] = self.training_counters.get(year, 0) + 1
            training.code = prefixed_code("training", self.site, year, number)
        alone = [(action, self.ids[index], self.codes[index]) for index, action in actions]
        yield from writer.batches(ventures, trainings, autos, alone)
