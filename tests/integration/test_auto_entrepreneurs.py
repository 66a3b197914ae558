"""The auto-entrepreneur status: who may register (and why not), the steps and their order."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hubdesk.domain.enums import AutoEntrepreneurCategory, AutoEntrepreneurStatus, IdDocumentType, MigrationStatus
from hubdesk.domain.errors import ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import AutoEntrepreneurDraft
from tests.integration.test_beneficiary_service import person
from tests.integration.venture_helpers import TODAY


def permit_holder(hub: Services, expiry_in_days: int = 300) -> str:
    return hub.beneficiaries.create(
        person(
            id_document_type=IdDocumentType.RESIDENCE_PERMIT,
            id_document_number="BE123456",
            id_document_expiry=TODAY + timedelta(days=expiry_in_days),
        )
    ).id


def registered(applied_days_ago: int = 40, registered_days_ago: int = 10) -> AutoEntrepreneurDraft:
    return AutoEntrepreneurDraft(
        applied_on=TODAY - timedelta(days=applied_days_ago),
        category=AutoEntrepreneurCategory.SERVICES,
        activity="Couture et retouches",
        status=AutoEntrepreneurStatus.ACTIVE,
        registered_on=TODAY - timedelta(days=registered_days_ago),
        register_number="AE-2026-123456",
        ice="001234567000089",
    )


def test_a_migrant_with_a_valid_permit_registers_and_the_ceiling_follows_the_category(services: Services) -> None:
    person_id = permit_holder(services)
    assert services.auto_entrepreneurs.get(person_id).eligibility == ""
    services.auto_entrepreneurs.save(person_id, registered())
    info = services.auto_entrepreneurs.get(person_id)
    assert info.draft is not None and info.draft.status is AutoEntrepreneurStatus.ACTIVE
    assert info.ceiling_mad == 200_000


def test_an_asylum_seeker_without_a_permit_is_told_why_and_cannot_apply(services: Services) -> None:
    seeker = services.beneficiaries.create(person(migration_status=MigrationStatus.ASYLUM_SEEKER)).id
    reason = services.auto_entrepreneurs.get(seeker).eligibility
    assert "asylum seeker without a residence permit cannot register" in reason
    with pytest.raises(ValidationError) as refused:
        services.auto_entrepreneurs.save(seeker, AutoEntrepreneurDraft(applied_on=TODAY))
    assert refused.value.errors["status"] == reason
    assert services.auto_entrepreneurs.get(seeker).draft is None


def test_a_permit_that_expired_before_the_registration_is_named(services: Services) -> None:
    person_id = permit_holder(services, expiry_in_days=-5)
    with pytest.raises(ValidationError) as expired:
        services.auto_entrepreneurs.save(person_id, registered(applied_days_ago=40, registered_days_ago=1))
    assert "residence permit expired" in expired.value.errors["status"]


def test_the_steps_come_in_order_and_active_needs_a_registration(services: Services) -> None:
    person_id = permit_holder(services)
    with pytest.raises(ValidationError) as before:
        services.auto_entrepreneurs.save(person_id, registered(applied_days_ago=5, registered_days_ago=10))
    assert "registered_on" in before.value.errors
    active_without = AutoEntrepreneurDraft(applied_on=TODAY, status=AutoEntrepreneurStatus.ACTIVE)
    with pytest.raises(ValidationError) as missing:
        services.auto_entrepreneurs.save(person_id, active_without)
    assert {"registered_on", "register_number"} <= set(missing.value.errors)
    bad_ice = registered()
    bad_ice.ice = "123"
    with pytest.raises(ValidationError) as ice:
        services.auto_entrepreneurs.save(person_id, bad_ice)
    assert "15 digits" in ice.value.errors["ice"]


def test_a_lapsed_status_keeps_its_dates_even_when_the_permit_expired_since(services: Services) -> None:
    person_id = permit_holder(services, expiry_in_days=100)
    services.auto_entrepreneurs.save(person_id, AutoEntrepreneurDraft(applied_on=TODAY - timedelta(days=60)))
    services.auto_entrepreneurs.save(person_id, registered(applied_days_ago=60, registered_days_ago=30))
    lapsed = registered(applied_days_ago=60, registered_days_ago=30)
    lapsed.status = AutoEntrepreneurStatus.LAPSED
    lapsed.lapsed_on = TODAY
    services.auto_entrepreneurs.save(person_id, lapsed)
    info = services.auto_entrepreneurs.get(person_id)
    assert info.draft is not None and (info.draft.status, info.draft.lapsed_on) == (
        AutoEntrepreneurStatus.LAPSED,
        TODAY,
    )
