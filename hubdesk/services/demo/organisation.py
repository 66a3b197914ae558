"""The demo's organisation: what its letters, certificates and attestations are printed with."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.documents.data import OrganisationProfile
from hubdesk.resources import resources_dir
from hubdesk.services.demo.accounts import DEMO_SITE
from hubdesk.services.organisation import PROFILE, OrganisationService, validate_profile
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import ORGANISATION, write_setting

DEMO_PROFILE = OrganisationProfile(
    names={
        "fr": "HUB Tanger — Centre d'orientation vers l'emploi et l'entrepreneuriat (démo)",
        "ar": "الهب طنجة — مركز التوجيه نحو الشغل والمقاولة (نسخة تجريبية)",
        "en": "HUB Tangier — Employment and Entrepreneurship Guidance Centre (demo)",
    },
    addresses={
        "fr": "12, rue de Fès, quartier Mesnana, 90000 Tanger",
        "ar": "12، زنقة فاس، حي مسنانة، 90000 طنجة",
        "en": "12 Fez Street, Mesnana, 90000 Tangier",
    },
    phone="+212 539 94 12 34",
    email="contact@hub-tanger.example",
    signatory_name="Salma Bennani",
    site_code=DEMO_SITE,
)
DEMO_ORGANISATION = DEMO_PROFILE.names["fr"]


def _logo(path: Path) -> Path:
    """A plain demo logo: the HUB's initials on its colour (no real association's mark)."""
    image = Image.new("RGB", (360, 160), "#1F4E79")
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "DejaVuSerif-Bold.ttf"), 92)
    ImageDraw.Draw(image).text((180, 80), "HUB", fill="white", font=font, anchor="mm")
    image.save(path)
    return path


def set_up_demo_organisation(session: Session, database: Database) -> OrganisationProfile:
    """Write the demo's organisation profile in the demo's transaction, with a generated logo kept in
    the data folder. Not audited: nobody changed a setting, the demo was made so."""
    service = OrganisationService(database, Actor.system)
    with tempfile.TemporaryDirectory() as scratch:
        logo = service.add_logo(_logo(Path(scratch) / "hub-demo.png"))
    profile, errors = validate_profile(replace(DEMO_PROFILE, logos=(logo,)))
    if errors:
        raise ValueError(f"the demo's organisation profile is wrong: {errors}")
    write_setting(session, PROFILE, service.stored_form(profile))
    write_setting(session, ORGANISATION, profile.names["fr"])
    return profile
