"""Certificates of a training: only for who completed (or by exception), numbered in the register, text read back."""

from __future__ import annotations

import pytest

from hubdesk.domain.errors import ValidationError
from hubdesk.services.facade import Services
from tests.integration.test_trainings import attend
from tests.integration.venture_helpers import people, training
from tests.pdf_reading import has_all_words, pdf_text


def completed_training(hub: Services) -> tuple[str, list[str]]:
    """A 5-day training: Aminata and Moussa completed, Fatou came twice."""
    trio = people(hub, 3)
    training_id = training(hub, days=5, title="Créer et gérer son entreprise")
    hub.trainings.enrol(training_id, [p.id for p in trio])
    attend(hub, training_id, {trio[0].id: 5, trio[1].id: 4, trio[2].id: 2})
    return training_id, [p.id for p in trio]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_batch_prints_one_numbered_certificate_per_person_who_completed(services: Services, lang: str) -> None:
    training_id, _ = completed_training(services)
    seen: list[tuple[int, int]] = []
    batch = services.training_documents.certificates(training_id, lang, progress=lambda d, t: seen.append((d, t)))
    assert len(batch.numbers) == 2
    first, second = sorted(batch.numbers)
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1
    assert has_all_words(batch.data, "Aminata DIALLO Moussa TRAORÉ")
    assert "NDIAYE" not in pdf_text(batch.data).upper()
    assert seen[-1] == (2, 2)
    again = services.training_documents.certificates(training_id, lang)
    assert sorted(again.numbers) == [first, second]  # the same papers again: reprints, same numbers


def test_a_certificate_for_someone_who_did_not_complete_is_refused_unless_allowed(services: Services) -> None:
    training_id, (_, _, fatou) = completed_training(services)
    with pytest.raises(ValidationError) as refused:
        services.training_documents.certificate(training_id, fatou, "fr")
    assert "attended 2 of 5 days" in refused.value.errors["person"]
    with pytest.raises(ValidationError):
        services.training_documents.certificates(training_id, "fr", beneficiary_ids=[fatou])
    enrolment = next(t.enrolment_id for t in services.trainings.get(training_id).trainees if t.beneficiary_id == fatou)
    services.trainings.grant_exception(enrolment, "Was at the OFPPT exam on days 3 to 5, completed the work at home")
    printed = services.training_documents.certificate(training_id, fatou, "fr")
    assert has_all_words(printed.pdf, "Fatou NDIAYE Créer et gérer son entreprise")
    assert len(services.training_documents.certificates(training_id, "en").numbers) == 3


def test_the_zip_holds_one_file_per_certificate(services: Services) -> None:
    import io
    import zipfile

    training_id, _ = completed_training(services)
    batch = services.training_documents.certificates(training_id, "en", as_zip=True)
    names = zipfile.ZipFile(io.BytesIO(batch.data)).namelist()
    assert len(names) == 2 and all(name.endswith(".pdf") for name in names)


def test_the_sign_in_sheet_names_everyone_enrolled(services: Services) -> None:
    training_id, _ = completed_training(services)
    info = services.trainings.get(training_id)
    pdf = services.training_documents.sign_in_sheet(training_id, info.days[1].held_on, "fr")
    text = pdf_text(pdf)
    assert all(t.person_code in text for t in info.trainees)
    with pytest.raises(ValidationError):
        services.training_documents.sign_in_sheet(training_id, info.days[0].held_on.replace(year=2000), "fr")
