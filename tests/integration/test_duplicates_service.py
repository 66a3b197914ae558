"""Duplicate warnings at intake, the coordinator's list, and merging without losing history."""

from __future__ import annotations

from datetime import date

import pytest

from hubdesk.domain.beneficiary import PhoneEntry, SkillEntry
from hubdesk.domain.enums import IdDocumentType, MigrationStatus, Role, Sex, SkillSector
from hubdesk.domain.errors import PermissionDenied
from hubdesk.domain.matching import MatchReason
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery
from tests.integration.test_beneficiary_service import person


def moroccan(first: str, last: str, **extra: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "nationality": "MA",
        "migration_status": MigrationStatus.MOROCCAN,
        "sex": Sex.MALE,
        "phones": [],
        "birth_date": date(1995, 6, 1),
    }
    values.update(extra)
    return person(first, last, **values)


def test_a_near_identical_person_is_found_before_saving(services: Services) -> None:
    existing = services.beneficiaries.create(moroccan("Mohamed", "El Amrani"))
    services.beneficiaries.create(moroccan("Youssef", "Benali"))
    matches = services.duplicates.check(moroccan("Mohammed", "Elamrani"))
    assert [m.code for m in matches] == [existing.code]
    assert matches[0].score >= 80
    assert MatchReason.SAME_BIRTH_DATE in matches[0].reasons


def test_an_arabic_name_matches_its_latin_spelling(services: Services) -> None:
    existing = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", arabic_name="محمد العمراني"))
    draft = moroccan("Muhammad", "Amrany", birth_date=None, arabic_name="محمد العمراني")
    assert [m.code for m in services.duplicates.check(draft)] == [existing.code]


def test_a_shared_phone_or_document_is_shown_whatever_the_name(services: Services) -> None:
    existing = services.beneficiaries.create(person(phones=[PhoneEntry("0612345678")]))
    other = person("Ibrahima", "Camara", birth_date=None, phones=[PhoneEntry("+212 6 12 34 56 78")])
    matches = services.duplicates.check(other)
    assert [m.code for m in matches] == [existing.code]
    assert MatchReason.SAME_PHONE in matches[0].reasons
    document = person(
        "Awa",
        "Sy",
        birth_date=None,
        phones=[],
        id_document_type=IdDocumentType.PASSPORT,
        id_document_number="A1234567",
    )
    services.beneficiaries.create(document)
    again = person(
        "Ndeye Awa",
        "Sylla",
        birth_date=None,
        phones=[],
        id_document_type=IdDocumentType.PASSPORT,
        id_document_number="a123 4567",
    )
    assert MatchReason.SAME_DOCUMENT in services.duplicates.check(again)[0].reasons


def test_a_relative_sharing_the_household_phone_is_not_flagged(services: Services) -> None:
    services.beneficiaries.create(person(phones=[PhoneEntry("0612345678")]))
    sister = person("Khady", "Diallo", birth_date=date(2004, 9, 9), phones=[PhoneEntry("0612345678")])
    assert services.duplicates.check(sister) == []


def test_different_people_with_a_common_first_name_are_not_flagged(services: Services) -> None:
    services.beneficiaries.create(moroccan("Mohamed", "Diallo", birth_date=date(1980, 2, 2)))
    assert services.duplicates.check(moroccan("Mohamed", "Benali")) == []


def test_editing_a_person_does_not_match_themselves(services: Services) -> None:
    saved = services.beneficiaries.create(moroccan("Mohamed", "El Amrani"))
    assert services.duplicates.check(moroccan("Mohamed", "El Amrani"), exclude_id=saved.id) == []


def test_the_coordinator_list_pairs_likely_duplicates(services: Services) -> None:
    a = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", registered_on=date(2025, 1, 5)))
    b = services.beneficiaries.create(moroccan("Mohammed", "Elamrani"))
    services.beneficiaries.create(moroccan("Youssef", "Benali"))
    pairs = services.duplicates.possible_duplicates()
    assert [(p.first.code, p.second.code) for p in pairs] == [(a.code, b.code)]
    services.duplicates.mark_different(a.id, b.id)
    assert services.duplicates.possible_duplicates() == []


def test_merging_keeps_everything_and_the_history_of_both(services: Services) -> None:
    keep = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", registered_on=date(2025, 1, 5)))
    drop = services.beneficiaries.create(
        moroccan(
            "Mohammed",
            "Elamrani",
            phones=[PhoneEntry("0612345678")],
            neighbourhood="Souani",
            skills=[SkillEntry("Plomberie", SkillSector.CONSTRUCTION, years=3)],
        )
    )
    services.duplicates.merge(keep.id, drop.id)
    merged = services.beneficiaries.get(keep.id)
    assert merged.draft.first_name == "Mohamed"  # the kept record's values win
    assert merged.draft.neighbourhood == "Souani"  # empty fields are completed
    assert [p.number for p in merged.draft.phones] == ["+212612345678"]
    assert [s.name for s in merged.draft.skills] == ["Plomberie"]
    assert merged.merged_codes == (drop.code,)
    actions = [h.action for h in services.beneficiaries.history(keep.id)]
    assert actions.count("create") == 2 and "merge" in actions
    assert services.search.count(BeneficiaryQuery()) == 1
    assert [r.id for r in services.search.search(drop.code)] == [keep.id]  # the old code still finds them


def test_counsellors_cannot_merge(services: Services) -> None:
    services.accounts.create_user(services.actor(), "amina", "Amina", "long-enough-1", Role.COUNSELLOR)
    a = services.beneficiaries.create(moroccan("Mohamed", "El Amrani"))
    b = services.beneficiaries.create(moroccan("Mohammed", "Elamrani"))
    services.login("amina", "long-enough-1")
    with pytest.raises(PermissionDenied):
        services.duplicates.merge(a.id, b.id)


def test_the_scan_reports_progress_and_can_be_stopped(services: Services) -> None:
    from hubdesk.domain.errors import Cancelled

    services.beneficiaries.create(moroccan("Mohamed", "El Amrani"))
    services.beneficiaries.create(moroccan("Mohammed", "Elamrani"))
    seen: list[tuple[int, int]] = []
    assert len(services.duplicates.possible_duplicates(progress=lambda d, t: seen.append((d, t)))) == 1
    assert seen and seen[0][1] >= 1
    with pytest.raises(Cancelled):
        services.duplicates.possible_duplicates(cancelled=lambda: True)


def test_a_merge_keeps_to_what_the_kept_record_consented(services: Services) -> None:
    from hubdesk.domain.beneficiary import Consent
    from hubdesk.domain.enums import ConsentPurpose

    minimal = services.beneficiaries.create(
        moroccan("Mohamed", "El Amrani", consent=Consent(date(2026, 3, 2), {ConsentPurpose.PHOTOS}))
    )
    full = services.beneficiaries.create(
        moroccan("Mohammed", "Elamrani", phones=[PhoneEntry("0612345678")], email="m@example.org")
    )
    services.duplicates.merge(minimal.id, full.id)
    kept = services.beneficiaries.get(minimal.id).draft
    assert kept.minimal_only and kept.phones == [] and kept.email == ""


def test_a_merge_moves_linked_fields_together_and_unites_lists_by_key(services: Services) -> None:
    from hubdesk.domain.beneficiary import LanguageEntry
    from hubdesk.domain.enums import LanguageLevel

    keep = services.beneficiaries.create(
        moroccan("Mohamed", "El Amrani", languages=[LanguageEntry("fr", LanguageLevel.B1)])
    )
    drop = services.beneficiaries.create(
        moroccan(
            "Mohammed",
            "Elamrani",
            id_document_type=IdDocumentType.CNIE,
            id_document_number="K123456",
            has_disability=True,
            disability_note="Malvoyant",
            languages=[LanguageEntry("fr", LanguageLevel.B2), LanguageEntry("es", LanguageLevel.A2)],
        )
    )
    services.duplicates.merge(keep.id, drop.id)
    merged = services.beneficiaries.get(keep.id).draft
    assert (merged.id_document_type, merged.id_document_number) == (IdDocumentType.CNIE, "K123456")
    assert merged.has_disability and merged.disability_note == "Malvoyant"
    assert [(x.language, x.level) for x in merged.languages] == [("fr", LanguageLevel.B1), ("es", LanguageLevel.A2)]
    services.beneficiaries.update(keep.id, merged)  # the merged record saves again as it is


def test_merging_a_merged_record_keeps_the_whole_chain(services: Services) -> None:
    x = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", registered_on=date(2025, 1, 5)))
    y = services.beneficiaries.create(moroccan("Mohammed", "Elamrani"))
    z = services.beneficiaries.create(moroccan("Muhammad", "Amrani"))
    services.duplicates.merge(y.id, x.id)
    services.duplicates.merge(z.id, y.id)
    record = services.beneficiaries.get(z.id)
    assert set(record.merged_codes) == {x.code, y.code}
    assert [r.id for r in services.search.search(x.code)] == [z.id]
    assert [h.action for h in services.beneficiaries.history(z.id)].count("create") == 3
