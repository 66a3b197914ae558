"""The partner directory: organisations people are referred to, their services and contact people."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Partner, PartnerContact, Referral
from hubdesk.domain.enums import AuditAction, PartnerType
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, require
from hubdesk.services.audit import diff_snapshots, record_event
from hubdesk.services.guidance_readmodels import ContactDraft, PartnerDraft, PartnerInfo
from hubdesk.services.readmodels import Actor

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LIMITS = {"name": 200, "arabic_name": 200, "address": 300, "city": 100, "phone": 40, "email": 254, "website": 200}
MAX_SERVICE = 200


def partner_problems(draft: PartnerDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not draft.name:
        problems["name"] = "Give the partner's name."
    for name, limit in _LIMITS.items():
        if len(getattr(draft, name)) > limit:
            problems[name] = f"At most {limit} characters."
    if draft.email and not _EMAIL.match(draft.email):
        problems["email"] = f"{draft.email!r} is not an e-mail address."
    for service in draft.services:
        if len(service) > MAX_SERVICE:
            problems["services"] = f"A service name holds at most {MAX_SERVICE} characters."
    for index, contact in enumerate(draft.contacts, start=1):
        if not contact.name:
            problems["contacts"] = f"Contact {index} has no name."
        elif contact.email and not _EMAIL.match(contact.email):
            problems["contacts"] = f"The e-mail of {contact.name} is not an e-mail address."
        elif max(len(contact.name), len(contact.role)) > 120 or len(contact.phone) > 40:
            problems["contacts"] = f"The details of {contact.name} are too long."
    return problems


def clean_partner(draft: PartnerDraft) -> PartnerDraft:
    """Trimmed fields, services once each, empty contacts dropped; ValidationError on a problem."""
    services: list[str] = []
    for service in (s.strip() for s in draft.services):
        if service and service.casefold() not in {s.casefold() for s in services}:
            services.append(service)
    contacts = [
        ContactDraft(c.name.strip(), c.role.strip(), c.phone.strip(), c.email.strip())
        for c in draft.contacts
        if any(part.strip() for part in (c.name, c.role, c.phone, c.email))
    ]
    cleaned = PartnerDraft(
        name=" ".join(draft.name.split()),
        partner_type=draft.partner_type,
        arabic_name=" ".join(draft.arabic_name.split()),
        services=services,
        address=draft.address.strip(),
        city=draft.city.strip(),
        phone=draft.phone.strip(),
        email=draft.email.strip(),
        website=draft.website.strip(),
        notes=draft.notes.strip(),
        contacts=contacts,
    )
    problems = partner_problems(cleaned)
    if problems:
        raise ValidationError(problems)
    return cleaned


def _draft(row: Partner, contacts: list[PartnerContact]) -> PartnerDraft:
    return PartnerDraft(
        name=row.name,
        partner_type=PartnerType(row.partner_type),
        arabic_name=row.arabic_name,
        services=[s for s in row.services.split("\n") if s],
        address=row.address,
        city=row.city,
        phone=row.phone,
        email=row.email,
        website=row.website,
        notes=row.notes,
        contacts=[ContactDraft(c.name, c.role, c.phone, c.email) for c in contacts],
    )


def _snapshot(draft: PartnerDraft) -> dict[str, object]:
    return {
        "name": draft.name,
        "partner_type": draft.partner_type.value,
        "arabic_name": draft.arabic_name,
        "services": list(draft.services),
        "address": draft.address,
        "city": draft.city,
        "phone": draft.phone,
        "email": draft.email,
        "website": draft.website,
        "notes": draft.notes,
        "contacts": [[c.name, c.role, c.phone, c.email] for c in draft.contacts],
    }


class PartnerService:
    def __init__(self, database: Database, actor: Callable[[], Actor]) -> None:
        self._db = database
        self._actor = actor

    def list(self, *, include_inactive: bool = False, text: str = "") -> list[PartnerInfo]:
        """Partners by name, with how many referrals each received."""
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read the partner directory.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            counts = dict(
                session.execute(select(Referral.partner_id, func.count()).group_by(Referral.partner_id)).all()
            )
            query = select(Partner).where(Partner.deleted_at.is_(None)).order_by(func.lower(Partner.name))
            if not include_inactive:
                query = query.where(Partner.active.is_(True))
            contacts: dict[str, list[PartnerContact]] = {}
            for contact in session.scalars(
                select(PartnerContact).where(PartnerContact.deleted_at.is_(None)).order_by(PartnerContact.position)
            ):
                contacts.setdefault(contact.partner_id, []).append(contact)
            needle = text.strip().casefold()
            infos = [
                PartnerInfo(row.id, _draft(row, contacts.get(row.id, [])), row.active, counts.get(row.id, 0))
                for row in session.scalars(query)
            ]
            if needle:
                infos = [
                    info
                    for info in infos
                    if needle in info.name.casefold()
                    or needle in info.draft.arabic_name
                    or any(needle in s.casefold() for s in info.services)
                ]
            return infos

    def get(self, partner_id: str) -> PartnerInfo:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read the partner directory.")
        with self._db.unit_of_work() as uow:
            return self._info(uow.session, self._row(uow.session, partner_id))

    def create(self, draft: PartnerDraft) -> PartnerInfo:
        actor = require(self._actor(), CASE_WORKERS, "Your role cannot change the partner directory.")
        cleaned = clean_partner(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            self._check_unique(session, cleaned.name, None)
            row = Partner(created_by=actor.user_id, updated_by=actor.user_id, active=True)
            self._apply(session, row, cleaned, actor)
            session.add(row)
            session.flush()
            self._write_contacts(session, row, cleaned, actor)
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "partner",
                row.id,
                summary=f"partner {row.name}",
                diff=_snapshot(cleaned),
            )
            info = self._info(session, row)
            uow.commit()
            return info

    def update(self, partner_id: str, draft: PartnerDraft) -> PartnerInfo:
        actor = require(self._actor(), CASE_WORKERS, "Your role cannot change the partner directory.")
        cleaned = clean_partner(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, partner_id)
            self._check_unique(session, cleaned.name, partner_id)
            before = _snapshot(self._info(session, row).draft)
            changes = diff_snapshots(before, _snapshot(cleaned))
            if not changes:
                return self._info(session, row)
            self._apply(session, row, cleaned, actor)
            self._write_contacts(session, row, cleaned, actor)
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "partner",
                row.id,
                summary=f"changed partner {row.name}: {', '.join(sorted(changes))}",
                diff=changes,
            )
            session.flush()
            info = self._info(session, row)
            uow.commit()
            return info

    def set_active(self, partner_id: str, active: bool) -> PartnerInfo:
        """Disable a partner (no new referrals to it) or enable it again: coordinators and administrators."""
        actor = require(self._actor(), SUPERVISORS, "Only a coordinator or an administrator can disable a partner.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, partner_id)
            if row.active != active:
                row.active = active
                row.updated_by = actor.user_id
                record_event(
                    session,
                    actor,
                    AuditAction.UPDATE,
                    "partner",
                    row.id,
                    summary=f"{'enabled' if active else 'disabled'} partner {row.name}",
                    diff={"active": [not active, active]},
                )
                session.flush()
            info = self._info(session, row)
            uow.commit()
            return info

    def delete(self, partner_id: str) -> None:
        """Delete a partner nobody was referred to; one with referrals is disabled instead."""
        actor = require(self._actor(), SUPERVISORS, "Only a coordinator or an administrator can delete a partner.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, partner_id)
            used = session.scalar(select(func.count()).where(Referral.partner_id == partner_id)) or 0
            if used:
                raise ValidationError(
                    {
                        "partner": f"{row.name} received {used} referral(s) and cannot be deleted: "
                        "disable it instead, so that no new referral goes to it."
                    }
                )
            row.deleted_at = utcnow()
            row.updated_by = actor.user_id
            record_event(session, actor, AuditAction.DELETE, "partner", row.id, summary=f"deleted partner {row.name}")
            uow.commit()

    # --- helpers --------------------------------------------------------------------------------------

    @staticmethod
    def _row(session: Session, partner_id: str) -> Partner:
        row = session.get(Partner, partner_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("This partner does not exist or was deleted.")
        return row

    @staticmethod
    def _check_unique(session: Session, name: str, own_id: str | None) -> None:
        clash = session.scalar(
            select(Partner.id).where(
                func.lower(Partner.name) == name.lower(), Partner.deleted_at.is_(None), Partner.id != (own_id or "")
            )
        )
        if clash is not None:
            raise ValidationError({"name": f"A partner named {name!r} is already in the directory."})

    @staticmethod
    def _apply(session: Session, row: Partner, draft: PartnerDraft, actor: Actor) -> None:
        row.name = draft.name
        row.partner_type = draft.partner_type.value
        row.arabic_name = draft.arabic_name
        row.services = "\n".join(draft.services)
        row.address = draft.address
        row.city = draft.city
        row.phone = draft.phone
        row.email = draft.email
        row.website = draft.website
        row.notes = draft.notes
        row.updated_by = actor.user_id

    @staticmethod
    def _write_contacts(session: Session, row: Partner, draft: PartnerDraft, actor: Actor) -> None:
        session.execute(delete(PartnerContact).where(PartnerContact.partner_id == row.id))
        for position, contact in enumerate(draft.contacts):
            session.add(
                PartnerContact(
                    partner_id=row.id,
                    position=position,
                    name=contact.name,
                    role=contact.role,
                    phone=contact.phone,
                    email=contact.email,
                    created_by=actor.user_id,
                    updated_by=actor.user_id,
                )
            )

    @staticmethod
    def _info(session: Session, row: Partner) -> PartnerInfo:
        contacts = list(
            session.scalars(
                select(PartnerContact)
                .where(PartnerContact.partner_id == row.id, PartnerContact.deleted_at.is_(None))
                .order_by(PartnerContact.position)
            )
        )
        used = session.scalar(select(func.count()).where(Referral.partner_id == row.id)) or 0
        return PartnerInfo(row.id, _draft(row, contacts), row.active, used)
