"""Likely duplicates: the warning before a new person is saved, the coordinator's list, merging."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import (
    Beneficiary,
    CaseStatusChange,
    GuidanceSession,
    IssuedDocument,
    JobOutcome,
    MatchKey,
    NotDuplicate,
    Phone,
    Referral,
)
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import AuditAction, IdDocumentType, Role
from hubdesk.domain.errors import Cancelled, HubdeskError, PermissionDenied, ValidationError
from hubdesk.domain.matching import DUPLICATE_THRESHOLD, MatchReason, PersonFacts, match_score, score_ceiling
from hubdesk.domain.validation import validate_beneficiary
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.audit import record_event
from hubdesk.services.beneficiaries import load_beneficiary, reindex
from hubdesk.services.guidance_rows import refresh_follow_up
from hubdesk.services.readmodels import Actor, DuplicateCandidate, DuplicatePair
from hubdesk.services.venture_merge import merge_entrepreneurship

MAX_CANDIDATES = 2000
#: two people who share nothing but a birth year: what a name block alone can score at best
_YEAR_ONLY = PersonFacts("-", "-", birth_year=2000)
#: people compared by name with an intake: those sharing the most blocking keys with it
NAME_CANDIDATES = 150
#: blocks bigger than this are too common a pair of names to compare everyone inside
MAX_BLOCK = 150


def _candidate_ids(session: Session, draft: BeneficiaryDraft, exclude_id: str | None) -> list[str]:
    conditions: list[ColumnElement[bool]] = []
    keys = mapping.match_keys_for(draft)
    if keys:
        # Common names share a block with thousands of people: keep those sharing the most keys.
        shared = func.count().label("shared")
        best = (
            select(MatchKey.beneficiary_id)
            .where(MatchKey.key.in_(keys))
            .group_by(MatchKey.beneficiary_id)
            .order_by(shared.desc(), MatchKey.beneficiary_id)
            .limit(NAME_CANDIDATES)
        )
        conditions.append(Beneficiary.id.in_(list(session.scalars(best))))
    numbers = [p.number for p in draft.phones]
    if numbers:
        conditions.append(Beneficiary.id.in_(select(Phone.beneficiary_id).where(Phone.number.in_(numbers))))
    if draft.id_document_number:
        conditions.append(Beneficiary.id_document_number == draft.id_document_number)
    if draft.birth_date and (draft.birth_date.month, draft.birth_date.day) != (1, 1):
        # 1 January stands for "day unknown" on many papers: thousands share it, it proves nothing
        conditions.append(Beneficiary.birth_date == draft.birth_date)
    if not conditions:
        return []
    statement = select(Beneficiary.id).where(
        or_(*conditions), Beneficiary.deleted_at.is_(None), Beneficiary.merged_into_id.is_(None)
    )
    if exclude_id:
        statement = statement.where(Beneficiary.id != exclude_id)
    return list(session.scalars(statement.limit(MAX_CANDIDATES)))


def _load_facts(session: Session, ids: Iterable[str]) -> dict[str, DuplicateCandidate]:
    """The matching facts of many people in two queries."""
    ids = list(ids)
    phones: dict[str, list[str]] = defaultdict(list)
    people: dict[str, DuplicateCandidate] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for beneficiary_id, number in session.execute(
            select(Phone.beneficiary_id, Phone.number).where(Phone.beneficiary_id.in_(chunk)).order_by(Phone.position)
        ):
            phones[beneficiary_id].append(number)
        for row in session.execute(
            select(
                Beneficiary.id,
                Beneficiary.code,
                Beneficiary.first_name,
                Beneficiary.last_name,
                Beneficiary.arabic_name,
                Beneficiary.birth_date,
                Beneficiary.birth_year,
                Beneficiary.id_document_number,
                Beneficiary.registered_on,
            ).where(Beneficiary.id.in_(chunk))
        ):
            people[row.id] = DuplicateCandidate(
                row.id,
                row.code,
                row.first_name,
                row.last_name,
                row.arabic_name,
                row.birth_date,
                row.birth_year,
                tuple(phones[row.id]),
                row.id_document_number,
                row.registered_on,
                0,
                (),
            )
    return people


def _facts(candidate: DuplicateCandidate) -> PersonFacts:
    return mapping.person_facts(
        candidate.first_name,
        candidate.last_name,
        candidate.arabic_name,
        candidate.birth_date,
        candidate.birth_year,
        candidate.phones,
        candidate.document_number,
    )


def _scored(candidate: DuplicateCandidate, score: int, reasons: tuple[MatchReason, ...]) -> DuplicateCandidate:
    return replace(candidate, score=score, reasons=reasons)


def find_matches(
    session: Session, draft: BeneficiaryDraft, exclude_id: str | None = None, limit: int = 10
) -> list[DuplicateCandidate]:
    facts = mapping.facts_of(draft)
    found = []
    for candidate in _load_facts(session, _candidate_ids(session, draft, exclude_id)).values():
        theirs = _facts(candidate)
        if score_ceiling(facts, theirs) < DUPLICATE_THRESHOLD:
            continue  # e.g. born on another day: no spelling of the name could bring it up
        result = match_score(facts, theirs)
        if result.score >= DUPLICATE_THRESHOLD:
            found.append(_scored(candidate, result.score, result.reasons))
    found.sort(key=lambda c: (-c.score, c.code))
    return found[:limit]


class DuplicateService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def check(self, draft: BeneficiaryDraft, exclude_id: str | None = None) -> list[DuplicateCandidate]:
        """Likely existing records of the person being typed, best first (the draft may be incomplete)."""
        cleaned, _errors = validate_beneficiary(draft, self._today())
        with self._db.unit_of_work() as uow:
            return find_matches(uow.session, cleaned, exclude_id)

    def possible_duplicates(
        self,
        limit: int = 200,
        threshold: int = 80,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[DuplicatePair]:
        """Pairs of registered people that look like one person, for a coordinator to review.

        Pairs come from shared name blocks, phones and document numbers; a pair whose score could
        not reach ``threshold`` even with identical names is dropped before any name is compared.
        """
        self._coordinator()
        with self._db.unit_of_work() as uow:
            session = uow.session
            births = {
                beneficiary_id: born
                for beneficiary_id, born in session.execute(
                    select(Beneficiary.id, Beneficiary.birth_date).where(
                        Beneficiary.deleted_at.is_(None), Beneficiary.merged_into_id.is_(None)
                    )
                )
            }
            # A shared name block alone (same birth year at best) may not be able to reach the
            # threshold: then only people born on the same day inside a block are paired.
            by_birth_date = threshold > score_ceiling(_YEAR_ONLY, _YEAR_ONLY)
            groups: dict[object, list[str]] = defaultdict(list)
            for key, beneficiary_id in session.execute(select(MatchKey.key, MatchKey.beneficiary_id)):
                if beneficiary_id in births:
                    born = births[beneficiary_id]
                    if not by_birth_date:
                        groups[key].append(beneficiary_id)
                    elif born is not None and (born.month, born.day) != (1, 1):
                        groups[(key, born)].append(beneficiary_id)
            for number, beneficiary_id in session.execute(select(Phone.number, Phone.beneficiary_id)):
                groups[("phone", number)].append(beneficiary_id)
            for document, beneficiary_id in session.execute(
                select(Beneficiary.id_document_number, Beneficiary.id).where(Beneficiary.id_document_number != "")
            ):
                groups[("document", document)].append(beneficiary_id)
            pairs: set[tuple[str, str]] = set()
            for ids in groups.values():
                ids = [i for i in ids if i in births]
                if 1 < len(ids) <= MAX_BLOCK:
                    pairs.update((a, b) if a < b else (b, a) for a, b in combinations(ids, 2))
            pairs -= {(a, b) for a, b in session.execute(select(NotDuplicate.first_id, NotDuplicate.second_id))}
            people = _load_facts(session, {i for pair in pairs for i in pair})
        facts = {i: _facts(person) for i, person in people.items()}
        found = []
        total = len(pairs)
        for done, (a, b) in enumerate(pairs):
            if done % 5000 == 0:
                if cancelled():
                    raise Cancelled("The search for duplicates was stopped.")
                if progress is not None:
                    progress(done, total)
            if score_ceiling(facts[a], facts[b]) < threshold:
                continue
            result = match_score(facts[a], facts[b])
            if result.score >= threshold:
                first, second = sorted((people[a], people[b]), key=lambda c: (c.registered_on, c.code))
                found.append(
                    DuplicatePair(
                        _scored(first, result.score, result.reasons),
                        _scored(second, result.score, result.reasons),
                        result.score,
                    )
                )
        found.sort(key=lambda p: (-p.score, p.first.code))
        return found[:limit]

    def mark_different(self, first_id: str, second_id: str) -> None:
        actor = self._coordinator()
        a, b = sorted((first_id, second_id))
        with self._db.unit_of_work() as uow:
            if uow.session.get(NotDuplicate, (a, b)) is None:
                uow.session.add(NotDuplicate(first_id=a, second_id=b, decided_by=actor.user_id))
                record_event(
                    uow.session,
                    actor,
                    AuditAction.UPDATE,
                    "not_duplicate",
                    a,
                    beneficiary_id=a,
                    summary="confirmed two different people",
                    diff={"first": a, "second": b},
                )
                uow.commit()

    def merge(self, keep_id: str, drop_id: str) -> None:
        """Fold ``drop_id`` into ``keep_id``: empty fields and lists are completed, nothing is lost.

        The dropped record stays (soft-deleted, ``merged_into_id`` set) so that its history stays
        readable on the kept record.
        """
        actor = self._coordinator()
        if keep_id == drop_id:
            raise HubdeskError("A record cannot be merged with itself.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            keep = load_beneficiary(session, keep_id)
            drop = load_beneficiary(session, drop_id)
            kept, dropped = mapping.to_draft(keep), mapping.to_draft(drop)
            before = mapping.snapshot(kept)
            merged, errors = validate_beneficiary(merge_drafts(kept, dropped), self._today())
            if errors:
                raise ValidationError(errors)
            if merged.minimal_only:  # the kept record's consent rules what may be kept
                merged = merged.minimal_record()
            after = mapping.snapshot(merged)
            mapping.apply_draft(keep, merged, actor.user_id)
            # records merged earlier into the dropped one now belong to the kept one too
            session.execute(
                update(Beneficiary).where(Beneficiary.merged_into_id == drop.id).values(merged_into_id=keep.id)
            )
            # the papers issued to the dropped record are the kept person's papers
            session.execute(
                update(IssuedDocument).where(IssuedDocument.beneficiary_id == drop.id).values(beneficiary_id=keep.id)
            )
            # and so are the dropped record's sessions, case history, referrals and jobs
            for model in (GuidanceSession, CaseStatusChange, Referral, JobOutcome):
                session.execute(update(model).where(model.beneficiary_id == drop.id).values(beneficiary_id=keep.id))
            merge_entrepreneurship(session, drop.id, keep.id)
            refresh_follow_up(session, keep.id)
            drop.merged_into_id = keep.id
            drop.deleted_at = utcnow()
            drop.updated_by = actor.user_id
            session.flush()
            reindex(session, keep, merged)
            changes = {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}
            summary = f"merged {drop.code} into {keep.code}"
            record_event(
                session,
                actor,
                AuditAction.MERGE,
                "beneficiary",
                keep.id,
                beneficiary_id=keep.id,
                summary=summary,
                diff={"merged": drop.code, "changes": changes},
            )
            record_event(
                session,
                actor,
                AuditAction.MERGE,
                "beneficiary",
                drop.id,
                beneficiary_id=drop.id,
                summary=summary,
            )
            uow.commit()

    def _coordinator(self) -> Actor:
        actor = self._actor()
        if actor.role not in {Role.ADMINISTRATOR, Role.COORDINATOR}:
            raise PermissionDenied("Only a coordinator or an administrator can review duplicates.")
        return actor


def _united(mine: list[Any], theirs: list[Any], key: Callable[[Any], object]) -> list[Any]:
    """``mine`` then the entries of ``theirs`` whose key ``mine`` lacks (the kept record wins)."""
    known = {key(item) for item in mine}
    return mine + [item for item in theirs if key(item) not in known]


def merge_drafts(keep: BeneficiaryDraft, drop: BeneficiaryDraft) -> BeneficiaryDraft:
    """``keep`` completed with what only ``drop`` knows; fields that go together move together."""
    linked = {"id_document_type", "id_document_number", "id_document_expiry", "has_disability", "disability_note"}
    values: dict[str, Any] = {}
    for field in fields(keep):
        if field.name in linked or isinstance(getattr(keep, field.name), list):
            continue
        mine, theirs = getattr(keep, field.name), getattr(drop, field.name)
        if mine in (None, "") and theirs not in (None, ""):
            values[field.name] = theirs
    if keep.id_document_type is IdDocumentType.NONE and drop.id_document_type is not IdDocumentType.NONE:
        values.update(
            id_document_type=drop.id_document_type,
            id_document_number=drop.id_document_number,
            id_document_expiry=drop.id_document_expiry,
        )
    if not keep.has_disability and drop.has_disability:
        values.update(has_disability=True, disability_note=drop.disability_note)
    if keep.consent.given_on is None and drop.consent.given_on is not None:
        values["consent"] = drop.consent
    phones = {p.number: p for p in keep.phones}
    for phone in drop.phones:  # a number WhatsApp on either record is WhatsApp on the merged one
        if phone.number in phones:
            phones[phone.number] = replace(
                phones[phone.number], whatsapp=phones[phone.number].whatsapp or phone.whatsapp
            )
        else:
            phones[phone.number] = phone
    values["phones"] = list(phones.values())
    values["languages"] = _united(keep.languages, drop.languages, lambda x: x.language)
    values["diplomas"] = _united(keep.diplomas, drop.diplomas, lambda x: x.casefold())
    values["skills"] = _united(keep.skills, drop.skills, lambda x: (x.name.casefold(), x.sector))
    values["experiences"] = _united(
        keep.experiences, drop.experiences, lambda x: (x.job.casefold(), x.employer, x.start_year)
    )
    return replace(keep, **values)
