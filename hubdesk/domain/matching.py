"""How likely a newly typed person is someone already registered: a score shown to the counsellor.

The score only ranks candidates; the counsellor decides. It must survive the usual ways one person
ends up typed twice: names spelled by different counsellors, written in Arabic script on one
record and in Latin script on the other, first and last name swapped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rapidfuzz.distance import Indel

from hubdesk.domain.names import skeleton_variants

__all__ = [
    "DUPLICATE_THRESHOLD",
    "MatchReason",
    "MatchResult",
    "PersonFacts",
    "match_score",
    "name_similarity",
    "score_ceiling",
]

#: A candidate whose match_score reaches this is shown to the counsellor.
DUPLICATE_THRESHOLD: int = 60

NAME_WEIGHT = 70.0
SAME_DOCUMENT_BONUS = 35
SAME_PHONE_BONUS = 25
SAME_BIRTH_DATE_BONUS = 20
SAME_BIRTH_YEAR_BONUS = 8
DIFFERENT_BIRTH_DATE_PENALTY = 25
DIFFERENT_BIRTH_YEAR_PENALTY = 15
# A shared identity document or phone is worth showing whatever the names say: the names may be
# misspelled beyond recognition, or the phone may be the household's (the counsellor decides).
SAME_DOCUMENT_FLOOR = 85
SAME_PHONE_FLOOR = DUPLICATE_THRESHOLD
NAME_REASON_THRESHOLD = 0.8
# Estimated birth years of people without papers are often a year or two off.
BIRTH_YEAR_TOLERANCE = 2

# Indel similarity of two skeletons at or below this counts as 0, and above it is stretched to 0..1.
# Skeletons are 2-4 letters long, so one letter of difference already means another name
# ("sf"/"sn" Youssef/Yassine: 0.5 -> 0; "hmd"/"mhmd" Ahmed/Mohamed: 0.86 -> 0.43).
_SAME_WORD_FROM = 0.75
# A word present on one side only costs half of a word that differs: "Fatima Zahra Alaoui" and
# "Fatima Alaoui" are often the same person, "Mohamed" alone and "Mohamed Diallo" rarely are.
_MISSING_WORD_COST = 0.5


class MatchReason(StrEnum):
    NAME = "name"  # names are similar
    SAME_PHONE = "same_phone"
    SAME_DOCUMENT = "same_document"
    SAME_BIRTH_DATE = "same_birth_date"
    SAME_BIRTH_YEAR = "same_birth_year"
    DIFFERENT_BIRTH_DATE = "different_birth_date"


@dataclass(frozen=True)
class PersonFacts:
    first_name: str
    last_name: str
    arabic_name: str = ""
    birth_date: date | None = None
    birth_year: int | None = None  # when only the year is known (birth_date None)
    phones: frozenset[str] = frozenset()  # E.164 strings
    document_number: str = ""  # normalised by the caller (upper case, no spaces); "" = none


@dataclass(frozen=True)
class MatchResult:
    score: int  # 0..100
    name_similarity: float  # 0..1
    reasons: tuple[MatchReason, ...]


# Skeletons are few (a few thousand in a registry of 100,000 people), and the same pairs come back
# for every variant of every candidate.
_WORD_SIMILARITIES: dict[tuple[str, str], float] = {}
_WORD_SIMILARITIES_MAX = 200_000


def _word_similarity(a: str, b: str) -> float:
    key = (a, b) if a <= b else (b, a)
    cached = _WORD_SIMILARITIES.get(key)
    if cached is not None:
        return cached
    similarity = Indel.normalized_similarity(a, b, score_cutoff=_SAME_WORD_FROM)
    result = (similarity - _SAME_WORD_FROM) / (1.0 - _SAME_WORD_FROM) if similarity else 0.0
    if len(_WORD_SIMILARITIES) >= _WORD_SIMILARITIES_MAX:
        _WORD_SIMILARITIES.clear()
    _WORD_SIMILARITIES[key] = result
    return result


def _aligned(shorter: tuple[str, ...], longer: tuple[str, ...]) -> float:
    # Words spelled alike on both sides pair with each other; only the others need comparing,
    # usually one or two. Words within one reading are distinct, so a set is enough.
    common = set(shorter).intersection(longer)
    total = float(len(common))
    left = [word for word in shorter if word not in common]
    if left:
        right = [word for word in longer if word not in common]
        if len(left) == 1:
            total += max(_word_similarity(left[0], word) for word in right)
        elif len(left) == 2:
            # The usual case, paired optimally at little cost.
            first = [_word_similarity(left[0], word) for word in right]
            second = [_word_similarity(left[1], word) for word in right]
            best = 0.0
            for i, with_first in enumerate(first):
                for j, with_second in enumerate(second):
                    if i != j and with_first + with_second > best:
                        best = with_first + with_second
            total += best
        else:
            # Greedy pairing of the most similar words: a name has a handful of words, and greedy
            # equals optimal whenever every word has one clear partner.
            candidates = sorted(
                ((_word_similarity(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)),
                reverse=True,
            )
            used_left: set[int] = set()
            used_right: set[int] = set()
            for similarity, i, j in candidates:
                if similarity == 0.0:
                    break
                if i in used_left or j in used_right:
                    continue
                used_left.add(i)
                used_right.add(j)
                total += similarity
    return total / (len(shorter) + _MISSING_WORD_COST * (len(longer) - len(shorter)))


def _compare(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if a == b:
        return 1.0
    if (len(a), a) > (len(b), b):  # a fixed order keeps the result symmetric
        a, b = b, a
    by_word = _aligned(a, b)
    if by_word == 1.0:
        return 1.0
    # Words cut differently on each side ("N'Diaye"/"Ndiaye", "Abderrahmane"/"عبد الرحمن").
    return max(by_word, _word_similarity("".join(a), "".join(b)))


def _variants(person: PersonFacts) -> tuple[tuple[str, ...], ...]:
    return skeleton_variants(person.first_name, person.last_name, person.arabic_name)


def name_similarity(a: PersonFacts, b: PersonFacts) -> float:
    """Similarity 0..1 of two people's names, whatever the script, spelling and word order."""
    mine_all, theirs_all = _variants(a), _variants(b)
    if not mine_all or not theirs_all:
        return 0.0
    if not set(mine_all).isdisjoint(theirs_all):
        return 1.0
    best = 0.0
    for mine in mine_all:
        for theirs in theirs_all:
            best = max(best, _compare(mine, theirs))
            if best == 1.0:
                return best
    return best


def _birth_year(person: PersonFacts) -> int | None:
    return person.birth_date.year if person.birth_date is not None else person.birth_year


def _birth_evidence(a: PersonFacts, b: PersonFacts) -> tuple[MatchReason | None, int]:
    if a.birth_date is not None and b.birth_date is not None:
        first, second = a.birth_date, b.birth_date
        # 1 January stands for "day unknown" on many papers of migrants and refugees, so it only
        # tells the year, and thousands of people share it.
        placeholder = (first.month, first.day) == (1, 1) or (second.month, second.day) == (1, 1)
        if first == second and not placeholder:
            return MatchReason.SAME_BIRTH_DATE, SAME_BIRTH_DATE_BONUS
        swapped = (first.day, first.month) == (second.month, second.day)
        if first.year == second.year and (placeholder or swapped):
            return MatchReason.SAME_BIRTH_YEAR, SAME_BIRTH_YEAR_BONUS
        return MatchReason.DIFFERENT_BIRTH_DATE, -DIFFERENT_BIRTH_DATE_PENALTY
    year_a, year_b = _birth_year(a), _birth_year(b)
    if year_a is None or year_b is None:
        return None, 0
    if year_a == year_b:
        return MatchReason.SAME_BIRTH_YEAR, SAME_BIRTH_YEAR_BONUS
    if abs(year_a - year_b) > BIRTH_YEAR_TOLERANCE:
        return MatchReason.DIFFERENT_BIRTH_DATE, -DIFFERENT_BIRTH_YEAR_PENALTY
    return None, 0


def match_score(new: PersonFacts, existing: PersonFacts) -> MatchResult:
    """Score 0..100 that ``new`` is ``existing`` typed again, with the facts that made it."""
    return _scored(name_similarity(new, existing), new, existing)


def score_ceiling(new: PersonFacts, existing: PersonFacts) -> int:
    """The score the pair would get if their names were identical: no name comparison is made.

    Cheap, so a scan over many pairs can skip those that cannot reach a threshold whatever the
    names (e.g. nothing but a birth year in common).
    """
    return _scored(1.0, new, existing).score


def _scored(similarity: float, new: PersonFacts, existing: PersonFacts) -> MatchResult:
    reasons: list[MatchReason] = []
    if similarity >= NAME_REASON_THRESHOLD:
        reasons.append(MatchReason.NAME)
    evidence = NAME_WEIGHT * similarity
    floor = 0
    if new.document_number and new.document_number == existing.document_number:
        reasons.append(MatchReason.SAME_DOCUMENT)
        evidence += SAME_DOCUMENT_BONUS
        floor = SAME_DOCUMENT_FLOOR
    if new.phones & existing.phones:
        reasons.append(MatchReason.SAME_PHONE)
        evidence += SAME_PHONE_BONUS
        floor = max(floor, SAME_PHONE_FLOOR)
    birth_reason, birth_points = _birth_evidence(new, existing)
    if birth_reason is not None:
        reasons.append(birth_reason)
    # A different birth date is taken off after the floor, so that a relative who shares the
    # household phone but was born on another day drops below the threshold.
    score = max(evidence + max(birth_points, 0), floor) + min(birth_points, 0)
    return MatchResult(
        score=round(min(100.0, max(0.0, score))),
        name_similarity=round(similarity, 4),
        reasons=tuple(reasons),
    )
