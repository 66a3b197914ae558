"""Issuing documents of one kind and language inside the caller's unit of work.

The register is read once for the whole print (earlier issues of the same subjects, the people,
the counter) and written when the caller commits: a batch of a thousand certificates costs the
database a few queries, not a few thousand, and the time goes to rendering.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hubdesk.db.base import new_id, utcnow
from hubdesk.db.models import Beneficiary, CodeCounter, IssuedDocument, User
from hubdesk.documents import DocumentData, render
from hubdesk.documents.data import Stamp, fingerprint
from hubdesk.domain.document_numbers import document_number, new_verification_code
from hubdesk.domain.enums import AuditAction, DocumentKind
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.audit import record_event
from hubdesk.services.readmodels import Actor

#: ids per IN (...) query, well under SQLite's limit on bound parameters
_CHUNK = 500

T = TypeVar("T")


def counter_kind(kind: DocumentKind) -> str:
    """The ``CodeCounter.kind`` of a document kind's numbers ("doc_certificate")."""
    return f"doc_{kind.value}"


def pdf_sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """A document about to be rendered: its register row (new or earlier) and its data."""

    row: IssuedDocument
    data: DocumentData
    reprint: bool


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    pending = list(values)
    for start in range(0, len(pending), _CHUNK):
        yield pending[start : start + _CHUNK]


class DocumentIssuer:
    """Hands out numbers and register rows for documents of one kind and language.

    ``subject_keys`` and ``beneficiary_ids`` are every subject and person the caller will issue
    for, so that what the register knows about them is read at once.
    """

    def __init__(
        self,
        session: Session,
        actor: Actor,
        kind: DocumentKind,
        lang: str,
        site: str,
        today: date,
        subject_keys: Sequence[str],
        beneficiary_ids: Iterable[str | None],
        *,
        supersede: bool = False,
    ) -> None:
        # Take the database's write lock before reading anything: two prints at the same moment then
        # wait for each other instead of reading the same counter (SQLite ignores FOR UPDATE; on
        # PostgreSQL this locks the counter's row). An UPDATE that changes nothing is enough.
        session.execute(
            update(CodeCounter)
            .where(CodeCounter.site == site, CodeCounter.year == today.year, CodeCounter.kind == counter_kind(kind))
            .values(last_value=CodeCounter.last_value)
        )
        self._session = session
        self._actor = actor
        #: a new issue of a subject cancels its earlier one (a referral has one valid letter per language)
        self._supersede = supersede
        self._kind = kind
        self._lang = lang
        self._site = site
        self._today = today
        self._actor_name = actor.username
        if actor.user_id is not None:
            self._actor_name = session.scalar(select(User.full_name).where(User.id == actor.user_id)) or actor.username
        self._earlier = self._earlier_issues({key.strip() for key in subject_keys})
        wanted = {pid for pid in beneficiary_ids if pid is not None}
        self._people: set[str] = set()
        for chunk in _chunks(wanted):
            self._people.update(session.scalars(select(Beneficiary.id).where(Beneficiary.id.in_(chunk))))
        self._counter: CodeCounter | None = None
        self._codes: set[str] = set()

    def _earlier_issues(self, keys: set[str]) -> dict[str, IssuedDocument]:
        """The newest valid issue of each subject in this kind and language."""
        found: dict[str, IssuedDocument] = {}
        for chunk in _chunks(sorted(keys)):
            rows = self._session.scalars(
                select(IssuedDocument)
                .where(
                    IssuedDocument.kind == self._kind.value,
                    IssuedDocument.language == self._lang,
                    IssuedDocument.subject_key.in_(chunk),
                    IssuedDocument.cancelled_at.is_(None),
                    IssuedDocument.deleted_at.is_(None),
                )
                .order_by(IssuedDocument.issued_at)
            )
            for row in rows:
                found[row.subject_key] = row  # oldest first: the newest stays
        return found

    def prepare(self, subject_key: str, build: Callable[[Stamp], DocumentData], beneficiary_id: str | None) -> Prepared:
        """The document's register row and data, not yet rendered.

        The same subject saying the same thing as its last valid issue is a reprint of it (same
        number, code and date); anything else takes a new number. A new row is added to the session
        with its file's hash still to be set by ``filed``.
        """
        subject_key = subject_key.strip()
        if not subject_key:
            raise ValidationError({"subject_key": "A document must say what it is about."})
        if beneficiary_id is not None and beneficiary_id not in self._people:
            raise NotFound("This person does not exist.")
        earlier = self._earlier.get(subject_key)
        if earlier is not None:
            data = build(Stamp(earlier.number, earlier.verification_code, earlier.issued_on))
            if fingerprint(data, self._lang) == earlier.content_sha256:
                self._audit(earlier, reprint=True)
                return Prepared(earlier, data, reprint=True)
        stamp = Stamp(self._next_number(), self._unused_code(), self._today)
        data = build(stamp)
        row = IssuedDocument(
            id=new_id(),
            kind=self._kind.value,
            number=stamp.number,
            verification_code=stamp.verification_code,
            language=self._lang,
            subject_key=subject_key,
            beneficiary_id=beneficiary_id,
            issued_on=stamp.issued_on,
            issued_at=utcnow(),
            issued_by=self._actor.user_id,
            issued_by_name=self._actor_name,
            sha256="",
            content_sha256=fingerprint(data, self._lang),
            file_documents=1,
            created_by=self._actor.user_id,
            updated_by=self._actor.user_id,
        )
        self._session.add(row)
        if earlier is not None and self._supersede:
            earlier.cancelled_at = utcnow()
            earlier.cancelled_by = self._actor.user_id
            earlier.cancel_reason = f"Replaced by {row.number}: what the document says changed."
            record_event(
                self._session,
                self._actor,
                AuditAction.CANCEL,
                "document",
                earlier.id,
                beneficiary_id=earlier.beneficiary_id,
                summary=f"cancelled {earlier.number}: replaced by {row.number}",
                diff={"number": earlier.number, "replaced_by": row.number},
            )
        self._earlier[subject_key] = row  # the same subject twice in a batch: the second is a reprint
        return Prepared(row, data, reprint=False)

    def filed(self, prepared: Sequence[Prepared], pdf: bytes) -> None:
        """Record that the new documents of ``prepared`` were handed out in the file ``pdf``."""
        digest = pdf_sha256(pdf)
        for item in prepared:
            if not item.reprint:
                item.row.sha256 = digest
                item.row.size_bytes = len(pdf)
                item.row.file_documents = len(prepared)
                self._audit(item.row, reprint=False)

    def issue(
        self, subject_key: str, build: Callable[[Stamp], DocumentData], beneficiary_id: str | None
    ) -> tuple[IssuedDocument, bytes, bool]:
        """(register row, PDF of the document alone, whether it is a reprint)."""
        prepared = self.prepare(subject_key, build, beneficiary_id)
        pdf = render(self._kind, prepared.data, self._lang)
        self.filed([prepared], pdf)
        return prepared.row, pdf, prepared.reprint

    def _next_number(self) -> str:
        year = self._today.year
        if self._counter is None:
            key = counter_kind(self._kind)
            with self._session.no_autoflush:
                self._counter = self._session.scalar(
                    select(CodeCounter)
                    .where(CodeCounter.site == self._site, CodeCounter.year == year, CodeCounter.kind == key)
                    .with_for_update()
                )
            if self._counter is None:
                self._counter = CodeCounter(site=self._site, year=year, kind=key, last_value=0)
                self._session.add(self._counter)
        self._counter.last_value += 1
        return document_number(self._kind, self._site, year, self._counter.last_value)

    def _unused_code(self) -> str:
        while True:  # 50 random bits: a collision is all but impossible, but the column is unique
            code = new_verification_code()
            if code in self._codes:
                continue
            with self._session.no_autoflush:
                taken = self._session.scalar(select(IssuedDocument.id).where(IssuedDocument.verification_code == code))
            if taken is None:
                self._codes.add(code)
                return code

    def _audit(self, row: IssuedDocument, *, reprint: bool) -> None:
        record_event(
            self._session,
            self._actor,
            AuditAction.PRINT,
            "document",
            row.id,
            beneficiary_id=row.beneficiary_id,
            summary=f"{'reprint' if reprint else 'issued'} {row.number} ({row.kind}, {row.language})",
            diff={"number": row.number, "kind": row.kind, "language": row.language, "sha256": row.sha256},
        )
