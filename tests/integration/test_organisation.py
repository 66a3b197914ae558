"""The organisation settings: defaults that print at once, saving, validation, rights, logos."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from hubdesk.db.models import AuditEvent
from hubdesk.documents.data import OrganisationProfile
from hubdesk.domain.enums import Role
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.organisation import LOGO_DIR, PROFILE
from hubdesk.services.settings import ORGANISATION, SITE_CODE, read_setting, write_setting
from tests.integration.test_beneficiary_service import person


def png(path: Path, colour: str = "navy", size: tuple[int, int] = (40, 20)) -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def test_a_new_installation_has_a_profile_that_prints(services: Services) -> None:
    profile = services.organisation.profile()
    assert profile == OrganisationProfile()
    assert profile.site_code == "TNG"
    assert profile.letterhead("ar").name.startswith("الهب")
    assert profile.letterhead("fr").city == "Tanger"
    assert profile.logos == ()


def test_an_older_database_keeps_its_organisation_name_and_site_code(services: Services) -> None:
    with services.database.unit_of_work() as uow:
        write_setting(uow.session, SITE_CODE, "RBT")
        write_setting(uow.session, ORGANISATION, "HUB Rabat")
        uow.commit()
    profile = services.organisation.profile()
    assert profile.site_code == "RBT"
    assert profile.names["fr"] == "HUB Rabat"
    assert profile.names["en"] == OrganisationProfile().names["en"]


def test_save_and_read_back_in_three_languages(services: Services) -> None:
    wanted = OrganisationProfile(
        names={"fr": "  Association  Al Amal ", "ar": "جمعية الأمل", "en": "Al Amal Association"},
        addresses={"fr": "12, rue de Fès", "ar": "12، زنقة فاس", "en": "12 Fez Street"},
        cities={"fr": "Tanger", "ar": "طنجة", "en": ""},
        phone="0539 94 12 34",
        email="Contact@AlAmal.MA",
        signatory_name="Nadia Bennani",
        signatory_titles={"fr": "Directrice", "ar": "المديرة", "en": "Director"},
        site_code="tng",
    )
    saved = services.organisation.save(wanted)
    assert saved.names["fr"] == "Association Al Amal"
    assert saved.phone == "+212 5 39 94 12 34"
    assert saved.email == "Contact@alamal.ma"
    assert saved.site_code == "TNG"
    again = services.organisation.profile()
    assert again == saved
    assert again.letterhead("en").city == "Tanger"  # no English city: the French one prints
    assert again.signatory("ar").title == "المديرة"
    assert services.settings.get(ORGANISATION) == "Association Al Amal"


def test_a_change_is_audited_with_its_diff(services: Services) -> None:
    before = services.organisation.profile()
    services.organisation.save(replace(before, email="hub@example.org", site_code="TAN"))
    services.organisation.save(replace(before, email="hub@example.org", site_code="TAN"))  # nothing new
    with services.database.unit_of_work() as uow:
        events = list(
            uow.session.execute(
                select(AuditEvent.action, AuditEvent.username, AuditEvent.diff).where(
                    AuditEvent.entity == "organisation"
                )
            )
        )
    assert len(events) == 1
    action, username, diff = events[0]
    assert action == "update" and username == "admin"
    assert json.loads(diff) == {"email": ["", "hub@example.org"], "site_code": ["TNG", "TAN"]}


def test_the_site_code_heads_the_codes_given_from_then_on(services: Services) -> None:
    services.organisation.save(replace(services.organisation.profile(), site_code="TAN"))
    saved = services.beneficiaries.create(person())
    assert saved.code.startswith("TAN-")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"names": {"fr": "  ", "ar": "جمعية", "en": "Association"}}, "names.fr"),
        ({"cities": {"fr": "", "ar": "طنجة", "en": "Tangier"}}, "cities.fr"),
        ({"site_code": "T1"}, "site_code"),
        ({"site_code": "TANGER"}, "site_code"),
        ({"site_code": "T"}, "site_code"),
        ({"email": "contact@"}, "email"),
        ({"phone": "06AB"}, "phone"),
        ({"signatory_name": "x" * 81}, "signatory_name"),
        ({"addresses": {"fr": "x" * 201}}, "addresses.fr"),
        ({"names": {"fr": "HUB", "ar": "ⵜⴰⵏⴳⵉⵜ", "en": "HUB"}}, "names.ar"),
        ({"signatory_name": "Amina 王"}, "signatory_name"),
    ],
)
def test_bad_input_is_refused_field_by_field(services: Services, change: dict[str, object], field: str) -> None:
    before = services.organisation.profile()
    with pytest.raises(ValidationError) as caught:
        services.organisation.save(replace(before, **change))  # type: ignore[arg-type]
    assert set(caught.value.errors) == {field}
    assert services.organisation.check(replace(before, **change)) == caught.value.errors  # type: ignore[arg-type]
    assert services.organisation.profile() == before


def test_phone_and_email_are_optional(services: Services) -> None:
    saved = services.organisation.save(replace(services.organisation.profile(), phone=" ", email=""))
    assert saved.phone == "" and saved.email == ""


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.COUNSELLOR, Role.READ_ONLY])
def test_only_an_administrator_changes_the_settings(services: Services, role: Role, tmp_path: Path) -> None:
    services.accounts.create_user(services.actor(), "autre", "Autre", "long-enough-1", role)
    services.login("autre", "long-enough-1")
    profile = services.organisation.profile()  # everybody prints with it
    with pytest.raises(PermissionDenied):
        services.organisation.save(replace(profile, email="x@example.org"))
    with pytest.raises(PermissionDenied):
        services.organisation.add_logo(png(tmp_path / "logo.png"))
    assert services.organisation.profile() == profile


def test_a_logo_is_copied_into_the_data_folder(services: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    source = png(usb / "Logo association (2).png")
    jpeg = usb / "partner.jpg"
    Image.new("RGB", (30, 30), "red").save(jpeg, "JPEG")
    copy = services.organisation.add_logo(source)
    partner = services.organisation.add_logo(jpeg)
    assert copy.parent.parent == services.database.data_dir / LOGO_DIR
    assert copy.name == "Logo-association-2.png"  # the name people know it by, made safe
    assert partner.name == "partner.jpg"
    other = services.organisation.add_logo(png(tmp_path / "Logo association (2).png", "red"))
    assert other.name == copy.name and other != copy  # another image of the same name: its own copy
    assert copy.read_bytes() != other.read_bytes()
    assert copy.read_bytes() == source.read_bytes()
    assert services.organisation.add_logo(source) == copy  # the same image again: the same copy
    saved = services.organisation.save(replace(services.organisation.profile(), logos=(copy, partner)))
    source.unlink()  # the USB stick is gone
    assert services.organisation.profile().logos == (copy, partner) == saved.logos
    assert services.organisation.logo_problems(saved) == {}
    with services.database.unit_of_work() as uow:
        stored = json.loads(read_setting(uow.session, PROFILE))
    assert stored["logos"][0] == f"{LOGO_DIR}/{copy.parent.name}/{copy.name}"  # relative: the data folder may move


def test_a_file_that_is_not_an_image_is_refused(services: Services, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        services.organisation.add_logo(fake)
    assert caught.value.errors == {"logos": "logo.png is not an image (PNG or JPEG)"}
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (10, 10), "red").save(gif, "GIF")
    with pytest.raises(ValidationError):
        services.organisation.add_logo(gif)
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(png(tmp_path / "whole.png", size=(200, 200)).read_bytes()[:-40])
    with pytest.raises(ValidationError) as caught:
        services.organisation.add_logo(truncated)
    assert caught.value.errors == {"logos": "cut.png is a damaged image (the file is incomplete or corrupt)"}
    with pytest.raises(ValidationError) as caught:
        services.organisation.add_logo(tmp_path / "nowhere.png")
    assert caught.value.errors["logos"].startswith("File missing")
    assert not (services.database.data_dir / LOGO_DIR).exists() or not any(
        (services.database.data_dir / LOGO_DIR).iterdir()
    )


def test_logos_that_would_not_print_are_reported(services: Services, tmp_path: Path) -> None:
    good = services.organisation.add_logo(png(tmp_path / "good.png"))
    gone = tmp_path / "gone.png"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG but not really")
    saved = services.organisation.save(replace(services.organisation.profile(), logos=(good, gone, broken)))
    assert saved.logos == (good, gone, broken)  # kept: the document prints without them
    assert services.organisation.logo_problems(saved) == {
        gone: f"File missing: {gone}",
        broken: "Not an image (PNG or JPEG)",
    }


def test_a_damaged_setting_falls_back_to_the_defaults(services: Services) -> None:
    with services.database.unit_of_work() as uow:
        write_setting(uow.session, PROFILE, "{not json")
        uow.commit()
    assert services.organisation.profile() == OrganisationProfile()
    with services.database.unit_of_work() as uow:
        write_setting(uow.session, PROFILE, json.dumps({"names": {"fr": "HUB", "ar": 3}, "logos": "x"}))
        uow.commit()
    profile = services.organisation.profile()
    assert profile.names == {"fr": "HUB", "ar": "", "en": ""}
    assert profile.logos == ()
    assert profile.cities == OrganisationProfile().cities


def _photo(path: Path, size: tuple[int, int]) -> Path:
    """A noisy picture, as a camera makes (it does not compress to nothing)."""
    noise = Image.effect_noise(size, 40)
    Image.merge("RGB", (noise, Image.linear_gradient("L").resize(size), noise.rotate(180))).save(
        path, "JPEG", quality=92
    )
    return path


def test_a_logo_truncated_in_the_middle_is_refused_and_reported(services: Services, tmp_path: Path) -> None:
    # the header and the start of the pixels are there: only decoding the whole image finds the fault
    whole = _photo(tmp_path / "whole.jpg", (800, 600)).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValidationError) as caught:
        services.organisation.add_logo(cut)
    assert caught.value.errors == {"logos": "cut.jpg is a damaged image (the file is incomplete or corrupt)"}
    profile = replace(services.organisation.profile(), logos=(cut,))
    assert services.organisation.logo_problems(profile) == {cut: "Damaged image (the file is incomplete or corrupt)"}


def test_a_big_logo_is_stored_scaled_down_to_what_prints(services: Services, tmp_path: Path) -> None:
    photo = _photo(tmp_path / "camera.jpg", (4000, 3000))
    flat = png(tmp_path / "poster.png", "navy", (5000, 2000))
    assert photo.stat().st_size > 2_000_000

    stored_photo = services.organisation.add_logo(photo)
    stored_flat = services.organisation.add_logo(flat)

    assert stored_photo.suffix == ".jpg" and stored_photo.stat().st_size < 300_000
    with Image.open(stored_photo) as image:
        assert image.format == "JPEG"
        assert image.size == (533, 400)
    with Image.open(stored_flat) as image:
        assert image.format == "PNG"  # flat colours stay sharp
        assert image.size == (900, 360)
    assert services.organisation.add_logo(photo) == stored_photo  # the same image again: the same copy


def test_a_transparent_logo_keeps_its_transparency_when_scaled_down(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (2000, 2000), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (500, 500, 1500, 1500))
    image.save(source)

    stored = services.organisation.add_logo(source)

    with Image.open(stored) as small:
        assert small.format == "PNG" and small.mode == "RGBA" and small.size == (400, 400)
        assert small.getpixel((0, 0))[3] == 0 and small.getpixel((200, 200))[3] == 255


def test_text_no_font_can_print_is_refused_with_the_character_named(services: Services) -> None:
    before = services.organisation.profile()
    with pytest.raises(ValidationError) as caught:
        services.organisation.save(replace(before, names={**before.names, "fr": "Association ⵜⴰⵏⴳⵉⵜ"}))
    assert caught.value.errors == {"names.fr": "'ⵜ' (U+2D5C) cannot be printed with the document fonts"}
    with pytest.raises(ValidationError) as caught:
        services.organisation.save(replace(before, signatory_titles={**before.signatory_titles, "en": "Director 王"}))
    assert set(caught.value.errors) == {"signatory_titles.en"}
    # what the fallback font has prints: West African letters, Arabic, accents
    saved = services.organisation.save(
        replace(before, signatory_name="Kɛlɛ Ŋgoma", cities={**before.cities, "fr": "Tétouan"})
    )
    assert saved.signatory_name == "Kɛlɛ Ŋgoma"
