"""A demo person's papers, languages, diplomas, work history and skills, drawn from origin and trade."""

from __future__ import annotations

from datetime import date, timedelta

from hubdesk.domain.beneficiary import ExperienceEntry, LanguageEntry, SkillEntry
from hubdesk.domain.enums import EducationLevel, IdDocumentType, LanguageLevel, MigrationStatus, SkillLevel, SkillSector
from hubdesk.services.demo.draws import _Random
from hubdesk.services.demo.origins import (
    _CNIE_PREFIXES,
    _LETTERS,
    _LEVELS,
    _RETURN_COUNTRIES,
    _TRANSIT_COUNTRIES,
    _Origin,
)
from hubdesk.services.demo.sectors import (
    _EDUCATION_RANK,
    _EXPERIENCE_COUNT,
    _HIGHER,
    _LOWER_SECONDARY,
    _SECTOR_FOR_MEN,
    _SECTOR_FOR_WOMEN,
    _SHORT_TRAININGS,
    _SKILL_COUNT,
    _UPPER_SECONDARY,
    _Sector,
)

_S = MigrationStatus
_L = LanguageLevel
_E = EducationLevel


def _document(
    rng: _Random, origin: _Origin, status: MigrationStatus, registered_on: date, arrival_year: int | None
) -> tuple[IdDocumentType, str, date | None]:
    roll = rng.random()
    reg = registered_on
    if status in (_S.MOROCCAN, _S.RETURNEE):
        if roll < 0.94:
            return (
                IdDocumentType.CNIE,
                f"{_CNIE_PREFIXES(rng)}{rng.digits(6)}",
                reg + timedelta(days=rng.span(-200, 3650)) if rng.random() < 0.9 else None,
            )
        return IdDocumentType.NONE, "", None
    unhcr_year = min(reg.year, max(arrival_year or reg.year, reg.year - 4))
    unhcr = f"UNHCR472{unhcr_year % 100:02d}C{rng.digits(5)}"
    passport = f"{rng.pick(_LETTERS)}{rng.digits(8)}"
    if origin.country in ("CI", "CM", "CD", "SY"):
        passport = f"{rng.pick(_LETTERS)}{rng.pick(_LETTERS)}{rng.digits(7)}"
    permit = f"E{rng.digits(7)}{rng.pick(_LETTERS)}"
    if status is _S.REGULAR_MIGRANT:
        if roll < 0.72:
            return (
                IdDocumentType.RESIDENCE_PERMIT,
                permit,
                reg + timedelta(days=rng.span(-120, 3 * 365)),
            )
        return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-400, 5 * 365))
    if status is _S.ASYLUM_SEEKER:
        if roll < 0.8:
            return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-60, 365))
        return IdDocumentType.NONE, "", None
    if status is _S.REFUGEE_UNHCR:
        if roll < 0.92:
            return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-90, 3 * 365))
        return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-900, 3 * 365))
    if status is _S.REFUGEE_MOROCCO:
        if roll < 0.7:
            return (
                IdDocumentType.RESIDENCE_PERMIT,
                permit,
                reg + timedelta(days=rng.span(-60, 3 * 365)),
            )
        return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-60, 2 * 365))
    if status is _S.IRREGULAR:
        if roll < 0.3:  # often an expired passport
            return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-1500, 2 * 365))
        return IdDocumentType.NONE, "", None
    if roll < 0.6:
        return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-300, 5 * 365))
    return IdDocumentType.NONE, "", None


def _languages(rng: _Random, origin: _Origin, education: EducationLevel) -> list[LanguageEntry]:
    native = origin.native(rng)
    entries = [LanguageEntry(native, _L.NATIVE)]
    if origin.country == "MA" and native != "ary":
        entries.append(LanguageEntry("ary", _L.NATIVE))  # Riffian and Amazigh speakers also speak Darija
    seen = {entry.language for entry in entries}
    schooling = _EDUCATION_RANK[education]  # 0 (none) .. 6 (higher)
    for code, probability, low, high in origin.extra:
        if code in seen or rng.random() >= probability:
            continue
        # more schooling, better level in the languages learnt at school
        top = max(low, min(high, low + (high - low) * schooling // 5 + rng.between(-1, 1)))
        entries.append(LanguageEntry(code, _LEVELS[rng.between(low, top)]))
        seen.add(code)
    return entries


def _diplomas(rng: _Random, origin: _Origin, education: EducationLevel, sector: _Sector, certified: bool) -> list[str]:
    zone, country = origin.zone, origin.country
    titles: list[str] = []
    if education is _E.LOWER_SECONDARY and rng.random() < 0.5:
        pool = _LOWER_SECONDARY.get(country, _LOWER_SECONDARY[zone])
        titles.append(rng.pick(pool))
    elif education in (_E.UPPER_SECONDARY, _E.HIGHER) and rng.random() < 0.75:
        pool = _UPPER_SECONDARY.get(country, _UPPER_SECONDARY[zone])
        titles.append(rng.pick(pool))
    if education is _E.VOCATIONAL or certified:
        pool = sector.diplomas[zone]
        titles.append(rng.pick(pool))
    if education is _E.HIGHER:
        pool = _HIGHER.get(country, _HIGHER[zone])
        titles.append(rng.pick(pool))
    if rng.random() < 0.06:
        titles.append(rng.pick(_SHORT_TRAININGS))
    return titles


def _work(
    rng: _Random,
    origin: _Origin,
    status: MigrationStatus,
    female: bool,
    birth_year: int,
    reg_year: int,
    arrival_year: int | None,
    currently_working: bool,
) -> tuple[_Sector, list[ExperienceEntry], dict[SkillSector, int]]:
    """Main trade, past jobs (latest first) and years of practice per sector."""
    pick = _SECTOR_FOR_WOMEN if female else _SECTOR_FOR_MEN
    main = pick(rng)
    years: dict[SkillSector, int] = {}
    experiences: list[ExperienceEntry] = []
    count = _EXPERIENCE_COUNT(rng)
    cursor = reg_year
    earliest = birth_year + 15
    # the year the person came (back) to Morocco; guessed when it was not recorded
    moved = arrival_year
    if (moved is None and origin.country != "MA") or status is _S.RETURNEE:
        moved = arrival_year or reg_year - 2
    for index in range(count):
        end = cursor - (0 if index == 0 else rng.between(0, 2))
        start = end - rng.pick((0, 0, 1, 1, 2, 3, 4, 6))
        if start < earliest:
            break
        sector = main if rng.random() < 0.7 else pick(rng)
        if moved is None or start >= moved:
            country = "MA"
        elif status is _S.RETURNEE:
            country = _RETURN_COUNTRIES(rng)
        elif start >= moved - 2 and origin.country not in ("SY", "YE") and rng.random() < 0.3:
            country = _TRANSIT_COUNTRIES(rng)
        else:
            country = origin.country
        job = rng.pick(sector.jobs)
        if "|" in job:
            masculine, feminine = job.split("|")
            job = feminine if female else masculine
        if country == "MA" and rng.random() < 0.6:
            employer = rng.pick(sector.employers_morocco)
        elif rng.random() < 0.85:
            employer = rng.pick(sector.employers)
        else:
            employer = ""
        ongoing = index == 0 and currently_working and country == "MA"
        experiences.append(ExperienceEntry(job, employer, country, start, None if ongoing else end))
        years[sector.sector] = years.get(sector.sector, 0) + end - start + 1
        cursor = start - 1
    return main, experiences, years


def _skills(
    rng: _Random, main: _Sector, female: bool, years: dict[SkillSector, int], age: int, certified: bool
) -> list[SkillEntry]:
    count = _SKILL_COUNT(rng)
    entries: list[SkillEntry] = []
    names: set[str] = set()
    pick = _SECTOR_FOR_WOMEN if female else _SECTOR_FOR_MEN
    for index in range(count):
        sector = main if index == 0 or rng.random() < 0.6 else pick(rng)
        name = rng.pick(sector.skills)
        if name in names:
            continue
        names.add(name)
        practice = years.get(sector.sector)
        if practice is None:
            practice = rng.pick((0, 0, 1, 1, 2, 3))
        practice = min(practice, max(0, age - 15))
        if practice == 0:
            level = SkillLevel.BEGINNER
        elif practice <= 2:
            level = SkillLevel.INTERMEDIATE if rng.random() < 0.8 else SkillLevel.BEGINNER
        elif practice <= 6:
            level = SkillLevel.EXPERIENCED if rng.random() < 0.75 else SkillLevel.INTERMEDIATE
        else:
            level = SkillLevel.EXPERT if rng.random() < 0.6 else SkillLevel.EXPERIENCED
        entries.append(
            SkillEntry(
                name,
                sector.sector,
                level,
                practice if rng.random() < 0.85 else None,
                (certified and index == 0) or rng.random() < 0.08,
            )
        )
    return entries
