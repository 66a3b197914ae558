"""The partner directory: the Tangier partners of a new installation, editing, disabling, deleting."""

from __future__ import annotations

import pytest

from hubdesk.domain.enums import PartnerType, Role
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ContactDraft, PartnerDraft, ReferralDraft
from tests.integration.guidance_helpers import partner_id, referral_to, sharing_person
from tests.integration.test_document_register import as_role


def test_a_new_installation_starts_with_the_tangier_partners(services: Services) -> None:
    partners = {p.name.split(" — ")[0]: p for p in services.partners.list()}
    assert len(partners) == 10 and {"ANAPEC", "OFPPT", "INDH", "AMAPPE", "Caritas Maroc", "Guichet Forsa"} <= set(
        partners
    )
    anapec = partners["ANAPEC"]
    assert anapec.services == ["Idmaj", "Taehil", "Tahfiz", "Auto-emploi"]
    assert anapec.partner_type is PartnerType.PUBLIC_EMPLOYMENT and anapec.draft.arabic_name
    assert [p.name for p in services.partners.list(text="idmaj")] == [anapec.name]


def test_a_partner_is_created_cleaned_and_edited_with_its_contacts(services: Services) -> None:
    made = services.partners.create(
        PartnerDraft(
            "  Hôtel   Rif ",
            PartnerType.EMPLOYER,
            arabic_name="فندق الريف",
            services=["Commis de cuisine", " commis de cuisine ", ""],
            contacts=[ContactDraft(" Karim Tazi ", "RH", "+212 539 00 00 00"), ContactDraft("", "")],
        )
    )
    assert made.name == "Hôtel Rif" and made.services == ["Commis de cuisine"]
    assert [c.name for c in made.draft.contacts] == ["Karim Tazi"]
    draft = made.draft
    draft.email = "rh@hotelrif.ma"
    changed = services.partners.update(made.id, draft)
    assert changed.draft.email == "rh@hotelrif.ma" and changed.draft.contacts[0].role == "RH"
    with pytest.raises(ValidationError) as twice:
        services.partners.create(PartnerDraft("hôtel rif", PartnerType.EMPLOYER))
    assert "name" in twice.value.errors
    with pytest.raises(ValidationError) as email:
        services.partners.update(made.id, PartnerDraft("Hôtel Rif", PartnerType.EMPLOYER, email="rh@"))
    assert "email" in email.value.errors


def test_a_partner_with_referrals_is_disabled_not_deleted(services: Services) -> None:
    saved = sharing_person(services)
    services.referrals.create(saved.id, referral_to(services, "OFPPT"))
    ofppt = partner_id(services, "OFPPT")
    with pytest.raises(ValidationError) as refused:
        services.partners.delete(ofppt)
    assert "disable it instead" in refused.value.errors["partner"]
    services.partners.set_active(ofppt, False)
    assert ofppt not in {p.id for p in services.partners.list()}
    assert ofppt in {p.id for p in services.partners.list(include_inactive=True)}
    with pytest.raises(ValidationError) as disabled:
        services.referrals.create(saved.id, ReferralDraft(partner_id=ofppt))
    assert "disabled" in disabled.value.errors["partner"]
    unused = partner_id(services, "Caritas")
    services.partners.delete(unused)
    assert unused not in {p.id for p in services.partners.list(include_inactive=True)}


def test_who_may_change_the_directory(services: Services) -> None:
    counsellor = as_role(services, Role.COUNSELLOR)
    made = counsellor.partners.create(PartnerDraft("Call center Tanger", PartnerType.EMPLOYER))
    with pytest.raises(PermissionDenied):
        counsellor.partners.set_active(made.id, False)
    with pytest.raises(PermissionDenied):
        counsellor.partners.delete(made.id)
    reader = as_role(services, Role.READ_ONLY)
    assert reader.partners.list()
    with pytest.raises(PermissionDenied):
        reader.partners.create(PartnerDraft("Another", PartnerType.NGO))
    officer = as_role(services, Role.DATA_OFFICER)
    with pytest.raises(PermissionDenied):
        officer.partners.list()
