from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from hubdesk.domain.matching import (
    DUPLICATE_THRESHOLD,
    MatchReason,
    PersonFacts,
    match_score,
    name_similarity,
)
from hubdesk.domain.names import blocking_keys

_ARABIC = re.compile("[\u0600-\u06ff]")


def person(name: str, **facts: Any) -> PersonFacts:
    """A person from one written name: Arabic script goes to arabic_name, Latin is split first/last."""
    if _ARABIC.search(name):
        return PersonFacts(first_name="", last_name="", arabic_name=name, **facts)
    first, _, last = name.partition(" ")
    return PersonFacts(first_name=first, last_name=last, **facts)


def keys(facts: PersonFacts) -> set[str]:
    return blocking_keys(facts.first_name, facts.last_name, facts.arabic_name)


# The same person typed twice, by different counsellors or from different papers.
SAME_PERSON = [
    ("Mohamed El Amrani", "Mohammed Elamrani"),
    ("Muhammad Amrani", "محمد العمراني"),
    ("Youssef Benali", "Yusuf Ben Ali"),
    ("Fatima Zahra Alaoui", "Fatima-Zahra El Alaoui"),
    ("Aïcha Ndiaye", "Aicha N'Diaye"),
    ("Aicha Ndiaye", "Ndiaye Aicha"),
    ("Mamadou Diallo", "Diallo Mamadou"),
    ("Fatima Alaoui", "Alaoui Fatima"),
    ("Ousmane Sow", "Usman Sow"),
    ("Abdelkader Benali", "عبد القادر بن علي"),
    ("Abderrahmane Ouazzani", "عبد الرحمن الوزاني"),
    ("Khadija Bennani", "Khadidja Benani"),
    ("Fatoumata Camara", "Fatoumata Kamara"),
    ("Ibrahima Traoré", "Ibrahima Traore"),
    ("Jean-Pierre Mbala", "Jean Pierre Mbala"),
    ("Hassan Ould Cheikh", "Hassan Ouldcheikh"),
    ("Souleymane Keita", "Sulayman Keïta"),
    ("Amina Chaoui", "Amina Shaoui"),
    ("Omar Al-Hariri", "Omar Alhariri"),
    ("مُحَمَّد العَمْرَانِي", "محمد العمراني"),
    ("فاطمة الزهراء", "فاطمه الزهراء"),
    ("إبراهيم موسى", "ابراهيم موسي"),
    ("Abdellah Tazi", "Abdallah Tazi"),
    ("Mustapha Berrada", "Moustafa Berada"),
    ("Oumar Diop", "Omar Diop"),
    ("Aissatou Bah", "Aïssatou Ba"),
    ("Hicham Tazi", "هشام التازي"),
    ("Rachid Alaoui", "رشيد العلوي"),
    ("Zineb Idrissi", "Zaynab Idrissi"),
    ("Mariam Coulibaly", "Mariame Kulibali"),
    ("Ahmed Benjelloun", "أحمد بنجلون"),
    ("Khalid Amrani", "Khaled El Amrani"),
    ("Abdelkrim Ziani", "Abdelkarim Ziani"),
    ("Soukaina Bennis", "سكينة بنيس"),
    ("Mbaye Gueye", "M'Baye Gaye"),
    ("El Hadji Malick Sy", "Elhadji Malick Sy"),
    ("Fatima Zahra Alaoui", "فاطمة الزهراء العلوي"),
    ("Youssef Amrani", "يوسف العمراني"),
    ("Boubacar Diallo", "Aboubakar Diallo"),
    ("Taha Bennani", "طه بناني"),
    ("Chihab Eddine Alami", "شهاب الدين العلمي"),
    ("Abdessamad Tahiri", "عبد الصمد الطاهري"),
    ("Mouhamed Fall", "Mohamed Fall"),
    ("Idriss Ouattara", "Idrissa Watara"),
    ("Hamza El Idrissi", "حمزة الإدريسي"),
    ("Abdelhamid Benkirane", "عبد الحميد بنكيران"),
    ("Nour El Houda Saidi", "نور الهدى السعيدي"),
    ("Ayoub Lahlou", "أيوب لحلو"),
]

# Different people whose names share a word or look alike.
DIFFERENT_PEOPLE = [
    ("Mohamed Diallo", "Mohamed Benali"),
    ("Fatima Alaoui", "Fatima Bennani"),
    ("Aminata Diop", "Amina Diouf"),
    ("Youssef Amrani", "Yassine Amrani"),
    ("Ibrahim Keita", "Ibrahima Camara"),
    ("Khadija Tazi", "Karima Tazi"),
    ("Mamadou Diallo", "Moussa Diallo"),
    ("Moussa Traoré", "Mamadou Traoré"),
    ("Nadia Chraibi", "Nadia Cherkaoui"),
    ("Abdelkader Benali", "Abdellatif Benali"),
    ("Abdelkader Benali", "Abdelkader Bennani"),
    ("Ousmane Diallo", "Ousmane Diop"),
    ("Karim Ziani", "Kamal Ziani"),
    ("Aminata Sow", "Aminata Sall"),
    ("Bilal Ouazzani", "Hamza Ouazzani"),
    ("Mohamed Tazi", "Ahmed Tazi"),
    ("Salma Berrada", "Samir Berrada"),
    ("Sara Idrissi", "Samira Idrissi"),
    ("Walid Berrada", "Khalid Berrada"),
    ("Khalid Benali", "Khalil Benali"),
    ("Zineb Tazi", "Zainab Alaoui"),
    ("Fatoumata Camara", "Fatima Camara"),
    ("Mohamed", "Mohamed Diallo"),
    ("يوسف العمراني", "Yassine Amrani"),
    ("محمد العمراني", "محمد الإدريسي"),
    ("فاطمة العلوي", "خديجة العلوي"),
]

# Pairs the name alone cannot tell apart: the same consonants (Ahmed/Hamid, Hassan/Hussein,
# Mohamed/Mahmoud, Ali/Alaoui), a feminine ending (Rachid/Rachida), the same words in another
# order, or a patronymic particle (Ben Ali is dropped to Ali so that Benali, Ben Ali and بن علي agree).
# They must be told apart by the other facts; a different birth date is enough.
NAME_ALONE_CANNOT_TELL = [
    ("Ahmed Tazi", "Hamid Tazi"),
    ("Hassan Idrissi", "Hussein Idrissi"),
    ("Mohamed Amrani", "Mahmoud Amrani"),
    ("Rachid Bennani", "Rachida Bennani"),
    ("Amine Tazi", "Amina Tazi"),
    ("Omar Sy", "Oumar Sow"),
    ("Hassan Ali", "Hassan Alaoui"),
    ("Ali Hassan", "Hassan Ali"),
    ("Youssef Ali", "Youssef Benali"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_same_person_names_are_similar(a: str, b: str) -> None:
    assert name_similarity(person(a), person(b)) >= 0.8


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_same_person_shares_a_blocking_key(a: str, b: str) -> None:
    assert keys(person(a)) & keys(person(b))


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_same_person_by_name_alone_is_shown(a: str, b: str) -> None:
    result = match_score(person(a), person(b))
    assert result.score >= DUPLICATE_THRESHOLD
    assert MatchReason.NAME in result.reasons


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_different_people_are_not_shown_on_names_alone(a: str, b: str) -> None:
    result = match_score(person(a), person(b))
    assert result.score < DUPLICATE_THRESHOLD
    assert MatchReason.NAME not in result.reasons


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_different_people_have_dissimilar_names(a: str, b: str) -> None:
    assert name_similarity(person(a), person(b)) < 0.8


@pytest.mark.parametrize(("a", "b"), NAME_ALONE_CANNOT_TELL)
def test_look_alike_names_are_told_apart_by_birth_date(a: str, b: str) -> None:
    first = person(a, birth_date=date(1990, 3, 14))
    second = person(b, birth_date=date(1994, 7, 2))
    assert match_score(first, second).score < DUPLICATE_THRESHOLD


@pytest.mark.parametrize(("a", "b"), SAME_PERSON + DIFFERENT_PEOPLE + NAME_ALONE_CANNOT_TELL)
def test_scores_are_symmetric(a: str, b: str) -> None:
    assert match_score(person(a), person(b)) == match_score(person(b), person(a))


def test_a_lone_first_name_is_not_the_whole_name() -> None:
    assert name_similarity(person("Mohamed"), person("Mohamed Diallo")) < 0.7


def test_first_and_last_name_swapped_between_fields() -> None:
    typed = PersonFacts(first_name="Diallo", last_name="Mamadou")
    registered = PersonFacts(first_name="Mamadou", last_name="Diallo")
    assert name_similarity(typed, registered) == 1.0


def test_arabic_name_of_one_record_matches_latin_of_the_other() -> None:
    typed = PersonFacts(first_name="", last_name="", arabic_name="يوسف بن علي")
    registered = PersonFacts(first_name="Youssef", last_name="Benali", arabic_name="")
    assert name_similarity(typed, registered) == 1.0
    assert match_score(typed, registered).score >= DUPLICATE_THRESHOLD


def test_best_script_wins_when_both_records_have_both() -> None:
    typed = PersonFacts(first_name="Abdelkader", last_name="B.", arabic_name="عبد القادر بن علي")
    registered = PersonFacts(first_name="Abdelkader", last_name="Benali", arabic_name="عبد القادر بنعلي")
    assert name_similarity(typed, registered) == 1.0


def test_no_names_means_no_name_similarity() -> None:
    assert name_similarity(PersonFacts("", ""), PersonFacts("Mohamed", "Diallo")) == 0.0
    assert name_similarity(PersonFacts("", ""), PersonFacts("", "")) == 0.0


BORN = date(1995, 6, 12)


def test_near_identical_person_with_same_birth_date_scores_high() -> None:
    result = match_score(person("Mohamed El Amrani", birth_date=BORN), person("Mohammed Elamrani", birth_date=BORN))
    assert result.score >= 80
    assert result.reasons == (MatchReason.NAME, MatchReason.SAME_BIRTH_DATE)


def test_same_phone_alone_is_shown() -> None:
    phones = frozenset({"+212612345678"})
    result = match_score(
        person("Aminata Diop", phones=phones), person("Ibrahim Keita", phones=phones | {"+221771234567"})
    )
    assert result.score >= DUPLICATE_THRESHOLD
    assert result.reasons == (MatchReason.SAME_PHONE,)


def test_household_phone_with_another_birth_date_is_not_shown() -> None:
    phones = frozenset({"+212612345678"})
    result = match_score(
        person("Aminata Diop", phones=phones, birth_date=date(1980, 2, 3)),
        person("Ibrahim Keita", phones=phones, birth_date=date(2004, 9, 30)),
    )
    assert result.score < DUPLICATE_THRESHOLD
    assert MatchReason.DIFFERENT_BIRTH_DATE in result.reasons


def test_same_document_alone_is_shown() -> None:
    result = match_score(
        person("Aminata Diop", document_number="AB123456"),
        person("Ibrahim Keita", document_number="AB123456"),
    )
    assert result.score >= DUPLICATE_THRESHOLD
    assert result.reasons == (MatchReason.SAME_DOCUMENT,)


def test_missing_documents_are_not_the_same_document() -> None:
    result = match_score(person("Aminata Diop"), person("Ibrahim Keita"))
    assert MatchReason.SAME_DOCUMENT not in result.reasons
    assert result.score < DUPLICATE_THRESHOLD


def test_different_birth_dates_lower_the_score() -> None:
    same_name = match_score(person("Mohamed Amrani"), person("Mohamed Amrani"))
    born_apart = match_score(
        person("Mohamed Amrani", birth_date=date(1990, 1, 5)),
        person("Mohamed Amrani", birth_date=date(1998, 11, 20)),
    )
    assert born_apart.score < same_name.score
    assert born_apart.score < DUPLICATE_THRESHOLD
    assert MatchReason.DIFFERENT_BIRTH_DATE in born_apart.reasons


@pytest.mark.parametrize("shared", [{"phones": frozenset({"+212600000001"})}, {"document_number": "X1"}])
def test_different_birth_dates_with_a_shared_phone_or_document_are_shown(shared: dict[str, Any]) -> None:
    result = match_score(
        person("Mohamed Amrani", birth_date=date(1990, 1, 5), **shared),
        person("Mohamed Amrani", birth_date=date(1998, 11, 20), **shared),
    )
    assert result.score >= DUPLICATE_THRESHOLD


def test_birth_year_known_on_one_side_only() -> None:
    result = match_score(person("Fatima Alaoui", birth_year=1995), person("Fatima Alaoui", birth_date=BORN))
    assert MatchReason.SAME_BIRTH_YEAR in result.reasons
    assert match_score(person("Fatima Alaoui"), person("Fatima Alaoui")).score < result.score


def test_birth_year_far_apart_counts_as_a_different_birth_date() -> None:
    result = match_score(person("Fatima Alaoui", birth_year=1970), person("Fatima Alaoui", birth_date=BORN))
    assert MatchReason.DIFFERENT_BIRTH_DATE in result.reasons
    assert result.score < DUPLICATE_THRESHOLD


def test_estimated_birth_year_a_year_off_is_no_evidence() -> None:
    result = match_score(person("Fatima Alaoui", birth_year=1996), person("Fatima Alaoui", birth_year=1995))
    assert result.reasons == (MatchReason.NAME,)


def test_day_and_month_swapped_is_not_a_different_birth_date() -> None:
    result = match_score(
        person("Fatima Alaoui", birth_date=date(1995, 6, 12)),
        person("Fatima Alaoui", birth_date=date(1995, 12, 6)),
    )
    assert result.reasons == (MatchReason.NAME, MatchReason.SAME_BIRTH_YEAR)


def test_first_of_january_only_tells_the_year() -> None:
    placeholder = date(1995, 1, 1)
    same = match_score(
        person("Mohamed Diallo", birth_date=placeholder), person("Mohamed Benali", birth_date=placeholder)
    )
    assert same.reasons == (MatchReason.SAME_BIRTH_YEAR,)
    assert same.score < DUPLICATE_THRESHOLD
    other_day = match_score(person("Mohamed Diallo", birth_date=placeholder), person("Mohamed Diallo", birth_date=BORN))
    assert MatchReason.DIFFERENT_BIRTH_DATE not in other_day.reasons


@pytest.mark.parametrize(
    ("new", "existing"),
    [
        (
            person("Mohamed Amrani", birth_date=BORN, phones=frozenset({"+1"}), document_number="D"),
            person("Mohamed Amrani", birth_date=BORN, phones=frozenset({"+1"}), document_number="D"),
        ),
        (
            person("Aminata Diop", birth_date=date(1950, 1, 2)),
            person("Ibrahim Keita", birth_date=date(2005, 3, 4)),
        ),
        (person("Aminata Diop"), person("")),
    ],
)
def test_score_is_between_0_and_100(new: PersonFacts, existing: PersonFacts) -> None:
    result = match_score(new, existing)
    assert 0 <= result.score <= 100
    assert 0.0 <= result.name_similarity <= 1.0


def test_all_signals_together_reach_100() -> None:
    facts = person("Mohamed Amrani", birth_date=BORN, phones=frozenset({"+1"}), document_number="D")
    result = match_score(facts, replace(facts, first_name="Mohammed"))
    assert result.score == 100
    assert result.reasons == (
        MatchReason.NAME,
        MatchReason.SAME_DOCUMENT,
        MatchReason.SAME_PHONE,
        MatchReason.SAME_BIRTH_DATE,
    )


def test_score_ceiling_bounds_the_score_without_comparing_names() -> None:
    from hubdesk.domain.matching import score_ceiling

    a = PersonFacts("Mohamed", "El Amrani", birth_date=date(1990, 5, 4), phones=frozenset({"+212612345678"}))
    for other in (
        PersonFacts("Mohammed", "Elamrani", birth_date=date(1990, 5, 4)),
        PersonFacts("Youssef", "Benali", birth_date=date(1990, 5, 4)),
        PersonFacts("Awa", "Sow", phones=frozenset({"+212612345678"})),
        PersonFacts("Mohamed", "El Amrani", birth_year=1990),
    ):
        assert match_score(a, other).score <= score_ceiling(a, other)
    # nothing but a birth year in common: even identical names stay below the coordinator's 80
    assert score_ceiling(a, PersonFacts("X", "Y", birth_year=1990)) < 80
