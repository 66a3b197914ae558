"""The registry services on a real SQLite database: register, change, find, audit, delete."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from hubdesk.db.models import AuditEvent, Beneficiary
from hubdesk.domain.beneficiary import BeneficiaryDraft, Consent, PhoneEntry, SkillEntry
from hubdesk.domain.enums import ConsentPurpose, IdDocumentType, MigrationStatus, Role, Sex, SkillSector
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery


def person(first: str = "Aminata", last: str = "Diallo", **extra: object) -> BeneficiaryDraft:
    values: dict[str, object] = {
        "first_name": first,
        "last_name": last,
        "sex": Sex.FEMALE,
        "birth_date": date(1998, 4, 12),
        "nationality": "SN",
        "migration_status": MigrationStatus.REGULAR_MIGRANT,
        "registered_on": date(2026, 3, 2),
        "phones": [PhoneEntry("+221 77 123 45 67", whatsapp=True)],
        "consent": Consent(date(2026, 3, 2), {ConsentPurpose.FOLLOW_UP, ConsentPurpose.CONTACT}),
    }
    values.update(extra)
    return BeneficiaryDraft(**values)  # type: ignore[arg-type]


def test_registering_gives_a_code_per_site_and_year(services: Services) -> None:
    first = services.beneficiaries.create(person())
    second = services.beneficiaries.create(person("Fatou", "Ndiaye"))
    older = services.beneficiaries.create(person("Cheikh", "Fall", registered_on=date(2025, 12, 30)))
    assert (first.code, second.code) == ("TNG-2026-00001", "TNG-2026-00002")
    assert older.code == "TNG-2025-00001"


def test_a_saved_person_reads_back_cleaned_with_who_made_it(services: Services) -> None:
    saved = services.beneficiaries.create(
        person(first="  Aïcha ", skills=[SkillEntry("Couture", SkillSector.TEXTILE, years=4, certified=True)])
    )
    record = services.beneficiaries.get(saved.id)
    assert record.draft.first_name == "Aïcha"
    assert record.draft.phones == [PhoneEntry("+221771234567", True)]
    assert record.draft.skills[0].name == "Couture" and record.draft.skills[0].years == 4
    assert record.created_by == "Admin Istrateur"


def test_invalid_input_is_refused_with_every_reason_and_nothing_is_written(services: Services) -> None:
    bad = person(first="", birth_date=date(2090, 1, 1), email="not-an-email")
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.create(bad)
    assert {"first_name", "birth_date", "email"} <= set(caught.value.errors)
    assert bad.first_name == "" and bad.email == "not-an-email"  # the caller's draft is untouched
    assert services.search.count(BeneficiaryQuery()) == 0


def test_without_follow_up_consent_only_the_minimal_record_is_kept(services: Services) -> None:
    draft = person(
        consent=Consent(date(2026, 3, 2), {ConsentPurpose.PHOTOS}),
        skills=[SkillEntry("Soudure", SkillSector.CONSTRUCTION)],
        neighbourhood="Beni Makada",
    )
    saved = services.beneficiaries.create(draft)
    assert saved.warnings
    kept = services.beneficiaries.get(saved.id).draft
    assert kept.first_name == "Aminata" and kept.nationality == "SN"
    assert kept.phones == [] and kept.skills == [] and kept.neighbourhood == ""


def test_every_change_is_audited_with_its_diff_and_shows_in_the_history(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    changed = person(city="Tétouan", neighbourhood="Boukhalef")
    services.beneficiaries.update(saved.id, changed)
    services.beneficiaries.get(saved.id)  # opening the record is recorded too
    history = services.beneficiaries.history(saved.id)
    assert [h.action for h in history] == ["view", "update", "create"]
    update = history[1]
    assert {c.field for c in update.changes} == {"city", "neighbourhood"}
    assert ("Tanger", "Tétouan") in {(c.old, c.new) for c in update.changes}
    with services.database.unit_of_work() as uow:
        event = uow.session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
        assert event is not None and event.username == "admin"
        assert json.loads(event.diff)["city"] == ["Tanger", "Tétouan"]
        row = uow.session.get(Beneficiary, saved.id)
        assert row is not None and row.updated_by == services.user.id  # type: ignore[union-attr]


def test_an_update_without_changes_writes_no_event(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.beneficiaries.update(saved.id, person())
    assert [h.action for h in services.beneficiaries.history(saved.id)] == ["create"]


@pytest.mark.parametrize(
    "typed",
    [
        "diallo",
        "DIAL",
        "d",
        "aminata diallo",
        "Diallo Aminata",
        "amin dia",
        "TNG-2026-00001",
        "tng-2026-00001",
        "00001",
        "0771234567"[1:],
        "+221 77 123",
        "221771234567",
    ],
)
def test_search_finds_by_name_code_and_phone_whatever_the_case_or_order(services: Services, typed: str) -> None:
    services.beneficiaries.create(person())
    services.beneficiaries.create(
        person("Mohamed", "El Amrani", nationality="MA", phones=[], migration_status=MigrationStatus.MOROCCAN)
    )
    found = services.search.search(typed)
    assert [r.last_name for r in found] == ["Diallo"]


@pytest.mark.parametrize("typed", ["amrani", "el amrani", "elamr", "محمد", "العمراني", "عمران", "مُحَمَّد"])
def test_search_finds_both_scripts_and_particles(services: Services, typed: str) -> None:
    services.beneficiaries.create(
        person(
            "Mohamed",
            "El Amrani",
            arabic_name="محمد العمراني",
            nationality="MA",
            migration_status=MigrationStatus.MOROCCAN,
        )
    )
    services.beneficiaries.create(person())
    assert [r.last_name for r in services.search.search(typed)] == ["El Amrani"]


def test_search_ignores_accents_and_finds_documents(services: Services) -> None:
    services.beneficiaries.create(
        person("Aïcha", "Traoré", id_document_type=IdDocumentType.PASSPORT, id_document_number="ab 123-456")
    )
    assert [r.first_name for r in services.search.search("aicha traore")] == ["Aïcha"]
    assert [r.first_name for r in services.search.search("AB123")] == ["Aïcha"]


def test_list_filters_sorts_and_pages(services: Services) -> None:
    for i, (first, last, sex) in enumerate(
        [("Fatou", "Ndiaye", Sex.FEMALE), ("Ousmane", "Sow", Sex.MALE), ("Awa", "Ba", Sex.FEMALE)]
    ):
        services.beneficiaries.create(person(first, last, sex=sex, registered_on=date(2026, 1, 10 + i)))
    women = BeneficiaryQuery(sex="female")
    assert services.search.count(women) == 2
    assert [r.last_name for r in services.search.page(women, 0, 10)] == ["Ba", "Ndiaye"]
    newest = BeneficiaryQuery(sort="registered_on", descending=True)
    assert [r.last_name for r in services.search.page(newest, 0, 2)] == ["Ba", "Sow"]
    assert [r.last_name for r in services.search.page(newest, 2, 2)] == ["Ndiaye"]
    january = BeneficiaryQuery(registered_from=date(2026, 1, 11), registered_to=date(2026, 1, 11))
    assert [r.last_name for r in services.search.page(january, 0, 10)] == ["Sow"]


def test_deleted_people_leave_lists_and_search(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.beneficiaries.delete(saved.id)
    assert services.search.search("diallo") == []
    assert services.search.count(BeneficiaryQuery()) == 0


def test_home_counts_and_recently_seen(services: Services) -> None:
    a = services.beneficiaries.create(person(registered_on=date.today()))
    b = services.beneficiaries.create(person("Ousmane", "Sow", sex=Sex.MALE, registered_on=date.today()))
    services.beneficiaries.get(a.id)
    services.beneficiaries.get(b.id)
    services.beneficiaries.get(a.id)
    counts = services.beneficiaries.counts()
    assert (counts.total, counts.registered_this_month, counts.women) == (2, 2, 1)
    assert [r.code for r in services.beneficiaries.recently_seen()] == [a.code, b.code]


def test_a_read_only_user_cannot_register(services: Services) -> None:
    services.accounts.create_user(services.actor(), "lecture", "Lecture Seule", "long-enough-1", Role.READ_ONLY)
    services.login("lecture", "long-enough-1")
    with pytest.raises(PermissionDenied):
        services.beneficiaries.create(person())


def test_only_coordinators_read_old_values_in_the_history(services: Services) -> None:
    saved = services.beneficiaries.create(person(email="awa@example.org"))
    services.beneficiaries.update(saved.id, person(email=""))
    services.accounts.create_user(services.actor(), "amina", "Amina", "long-enough-1", Role.COUNSELLOR)
    services.login("amina", "long-enough-1")
    update = next(h for h in services.beneficiaries.history(saved.id) if h.action == "update")
    assert [(c.field, c.old, c.new) for c in update.changes] == [("email", None, None)]
