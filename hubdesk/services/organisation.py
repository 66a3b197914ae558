"""The organisation settings every document prints with: names, addresses, logos, signatory, site code."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image

from hubdesk.db.database import Database
from hubdesk.documents import fonts
from hubdesk.documents.data import OrganisationProfile
from hubdesk.documents.logos import encode_logo, is_photo, needs_resizing, open_logo, printable_logo
from hubdesk.domain.codes import DEFAULT_SITE, format_code
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.domain.phones import format_phone, normalize_phone
from hubdesk.domain.validation import MAX_NAME, MAX_TEXT, REQUIRED, clean_text, validate_email
from hubdesk.domain.vocabulary import LANGUAGES
from hubdesk.services.audit import diff_snapshots, record_event
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import ORGANISATION, SITE_CODE, read_setting, write_setting

#: the settings key holding the profile as JSON (the site code keeps its own key, read by the code numbering)
PROFILE = "organisation_profile"
#: the folder of the data directory that holds the copies of the logos
LOGO_DIR = "logos"
NOT_AN_IMAGE = "Not an image (PNG or JPEG)"
DAMAGED = "Damaged image (the file is incomplete or corrupt)"
FILE_MISSING = "File missing"
BAD_SITE_CODE = "2 to 5 capital letters (e.g. TNG)"

_TEXTS = ("names", "addresses", "cities", "signatory_titles")
#: what may not stay in the name of a copied logo (letters of any script may)
_UNSAFE = re.compile(r"[^\w.-]+")


def _too_long(limit: int) -> str:
    return f"Too long: at most {limit} characters"


def _decoded(path: Path) -> Image.Image | str:
    """The PNG or JPEG image in ``path`` decoded whole, or why it cannot be (NOT_AN_IMAGE, DAMAGED).

    Decoding every pixel is what printing does: a truncated file is caught here, on the settings page.
    """
    try:
        return open_logo(path)
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, ValueError, DecompressionBombError…)
        pass
    try:
        with Image.open(path) as image:
            known = image.format in ("PNG", "JPEG")
    except Exception:
        known = False
    return DAMAGED if known else NOT_AN_IMAGE


def _image_problem(path: Path) -> str | None:
    """Why ``path`` cannot print as a logo, or None when it is a readable PNG or JPEG image."""
    if not path.is_file():
        return f"{FILE_MISSING}: {path}"
    decoded = _decoded(path)
    return decoded if isinstance(decoded, str) else None


def _unprintable(text: str) -> str | None:
    """Why ``text`` cannot be printed with the document fonts, or None when it can."""
    try:
        for font in (fonts.REGULAR, fonts.BOLD):  # names print in bold, addresses in regular
            fonts.runs(fonts.clean(text), font)
    except fonts.UnprintableText:
        for char in fonts.clean(text):
            try:
                fonts.runs(char, fonts.REGULAR)
                fonts.runs(char, fonts.BOLD)
            except fonts.UnprintableText:
                return f"{char!r} (U+{ord(char):04X}) cannot be printed with the document fonts"
    return None


def validate_profile(profile: OrganisationProfile) -> tuple[OrganisationProfile, dict[str, str]]:
    """The profile cleaned (trimmed texts, phone in international form, site code in capitals) and
    the problems found, as {field: message} with fields such as "names.fr", "email", "site_code"."""
    errors: dict[str, str] = {}
    texts: dict[str, dict[str, str]] = {}
    for attribute in _TEXTS:
        given: dict[str, str] = getattr(profile, attribute)
        cleaned = {lang: clean_text(given.get(lang, "")) for lang in LANGUAGES}
        for lang, text in cleaned.items():
            if len(text) > MAX_TEXT:
                errors[f"{attribute}.{lang}"] = _too_long(MAX_TEXT)
        texts[attribute] = cleaned
    if not texts["names"]["fr"]:
        errors["names.fr"] = REQUIRED
    if not texts["cities"]["fr"]:
        errors["cities.fr"] = REQUIRED  # the place of issue heads every letter

    phone = clean_text(profile.phone)
    if phone:
        try:
            phone = format_phone(normalize_phone(phone))
        except ValueError as exc:
            errors["phone"] = str(exc)
    email = clean_text(profile.email)
    if email:
        try:
            email = validate_email(email)
        except ValueError as exc:
            errors["email"] = str(exc)
    site = profile.site_code.strip().upper()
    try:
        format_code(site, 2000, 1)  # the rule of the codes the site code heads
    except ValueError:
        errors["site_code"] = BAD_SITE_CODE
    signatory = clean_text(profile.signatory_name)
    if len(signatory) > MAX_NAME:
        errors["signatory_name"] = _too_long(MAX_NAME)

    # every document prints these: a character no font has would stop all printing
    printed = {f"{attribute}.{lang}": text for attribute in _TEXTS for lang, text in texts[attribute].items()}
    printed.update(phone=phone, email=email, signatory_name=signatory)
    for name, text in printed.items():
        problem = _unprintable(text) if name not in errors else None
        if problem is not None:
            errors[name] = problem

    cleaned_profile = OrganisationProfile(
        names=texts["names"],
        addresses=texts["addresses"],
        cities=texts["cities"],
        phone=phone,
        email=email,
        logos=tuple(profile.logos),
        signatory_name=signatory,
        signatory_titles=texts["signatory_titles"],
        site_code=site,
    )
    return cleaned_profile, errors


def _snapshot(profile: OrganisationProfile) -> dict[str, Any]:
    """The profile as flat fields, for the audit diff."""
    flat: dict[str, Any] = {}
    for attribute in _TEXTS:
        texts: dict[str, str] = getattr(profile, attribute)
        for lang in LANGUAGES:
            flat[f"{attribute}.{lang}"] = texts.get(lang, "")
    flat.update(
        phone=profile.phone,
        email=profile.email,
        logos=[str(p) for p in profile.logos],
        signatory_name=profile.signatory_name,
        site_code=profile.site_code,
    )
    return flat


def _texts(raw: Any, default: dict[str, str]) -> dict[str, str]:
    if not isinstance(raw, dict):
        return dict(default)
    return {lang: raw[lang] if isinstance(raw.get(lang), str) else "" for lang in LANGUAGES}


class OrganisationService:
    """Reads and writes the organisation profile; only an administrator may change it."""

    def __init__(self, database: Database, actor: Callable[[], Actor]) -> None:
        self._db = database
        self._actor = actor

    @property
    def logo_dir(self) -> Path:
        return self._db.data_dir / LOGO_DIR

    def _administrator(self) -> Actor:
        actor = self._actor()
        if actor.role is not Role.ADMINISTRATOR:
            raise PermissionDenied("Only an administrator can change the organisation settings.")
        return actor

    # -- paths: logos inside the data folder are stored relative to it, so the folder can move ---------

    def _stored(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self._db.data_dir.resolve()).as_posix()
        except ValueError:
            return str(path)

    def _resolved(self, stored: str) -> Path:
        path = Path(stored)
        return path if path.is_absolute() else self._db.data_dir / path

    # -- reading -------------------------------------------------------------------------------------

    def profile(self) -> OrganisationProfile:
        """The saved profile; the defaults (enough to print at once) for what was never saved."""
        with self._db.unit_of_work() as uow:
            raw = read_setting(uow.session, PROFILE)
            site = read_setting(uow.session, SITE_CODE, DEFAULT_SITE)
            name = read_setting(uow.session, ORGANISATION)
        default = OrganisationProfile(site_code=site)
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {}  # a damaged value must not stop printing: the defaults print
        if not isinstance(data, dict):
            data = {}
        if not data and name.strip():
            # a database made before this page (the demo) names its organisation in this older key
            return replace(default, names={**default.names, "fr": name.strip()})

        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else getattr(default, key)

        logos = data.get("logos")
        return OrganisationProfile(
            names=_texts(data.get("names"), default.names),
            addresses=_texts(data.get("addresses"), default.addresses),
            cities=_texts(data.get("cities"), default.cities),
            phone=text("phone"),
            email=text("email"),
            logos=tuple(self._resolved(p) for p in logos if isinstance(p, str)) if isinstance(logos, list) else (),
            signatory_name=text("signatory_name"),
            signatory_titles=_texts(data.get("signatory_titles"), default.signatory_titles),
            site_code=site,
        )

    def check(self, profile: OrganisationProfile) -> dict[str, str]:
        """The problems ``save`` would refuse ``profile`` for ({} when it would save)."""
        return validate_profile(profile)[1]

    def logo_problems(self, profile: OrganisationProfile) -> dict[Path, str]:
        """The logos of ``profile`` that would not print, with the reason (missing file, not an image)."""
        problems = {}
        for path in profile.logos:
            problem = _image_problem(path)
            if problem is not None:
                problems[path] = problem
        return problems

    # -- writing -------------------------------------------------------------------------------------

    def save(self, profile: OrganisationProfile) -> OrganisationProfile:
        """Store ``profile`` and return it as saved (cleaned). PermissionDenied unless administrator;
        ValidationError listing every problem. A logo that would not print is kept (and reported by
        ``logo_problems``): the documents print without it."""
        actor = self._administrator()
        cleaned, errors = validate_profile(profile)
        if errors:
            raise ValidationError(errors)
        before = self.profile()
        changes = diff_snapshots(_snapshot(before), _snapshot(cleaned))
        if not changes:
            return before
        with self._db.unit_of_work() as uow:
            session = uow.session
            write_setting(session, PROFILE, self.stored_form(cleaned))
            write_setting(session, SITE_CODE, cleaned.site_code)
            write_setting(session, ORGANISATION, cleaned.names["fr"])
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "organisation",
                summary="organisation settings: " + ", ".join(changes),
                diff=changes,
            )
            uow.commit()
        return self.profile()

    def stored_form(self, profile: OrganisationProfile) -> str:
        """The setting's value for a cleaned ``profile`` (the site code is kept in its own setting)."""
        data = {
            "names": profile.names,
            "addresses": profile.addresses,
            "cities": profile.cities,
            "phone": profile.phone,
            "email": profile.email,
            "logos": [self._stored(p) for p in profile.logos],
            "signatory_name": profile.signatory_name,
            "signatory_titles": profile.signatory_titles,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    def add_logo(self, source: Path) -> Path:
        """A copy of the image ``source`` in ``<data folder>/logos/`` (so the logo keeps printing once the
        USB stick it came from is gone), scaled down to what prints when it is larger. ValidationError
        ({"logos": …}) when it is not a PNG or JPEG image, or a damaged one."""
        self._administrator()
        if not source.is_file():
            raise ValidationError({"logos": f"{FILE_MISSING}: {source}"})
        image = _decoded(source)
        if image == NOT_AN_IMAGE:
            raise ValidationError({"logos": f"{source.name} is not an image (PNG or JPEG)"})
        if not isinstance(image, Image.Image):
            raise ValidationError({"logos": f"{source.name} is a damaged image (the file is incomplete or corrupt)"})
        content = source.read_bytes()
        digest = hashlib.sha256(content).hexdigest()[:12]
        stem = _UNSAFE.sub("-", source.stem).strip(".-")[:60] or "logo"
        kind = image.format
        if needs_resizing(image):
            # a camera photo or a poster-sized file would make every document heavy and slow to print
            small = printable_logo(image)
            photo = kind == "JPEG" or is_photo(small)
            content, kind = encode_logo(small, photo), "JPEG" if photo else "PNG"
        # one folder per source content: the copy keeps the name people know it by, and two different
        # images named logo.png never overwrite each other
        target = self.logo_dir / digest / f"{stem}{'.png' if kind == 'PNG' else '.jpg'}"
        if not target.exists():  # the same image again: the copy is already there
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(content)
            partial.replace(target)  # never a half-copied logo under the final name
        return target
