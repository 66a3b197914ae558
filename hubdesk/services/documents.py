"""Issuing documents under a register number, reprinting them, verifying and cancelling them.

Every printed paper gets a row in the document register: its number, a random verification code,
and the SHA-256 of its PDF. Printing the same thing again (same kind, subject and language, same
bytes) reprints it under the same number; anything that changes the page gets a new number. A row
is written in the same transaction as the number it takes, after the PDF was made: a document that
fails to render leaves no trace and burns no number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, IssuedDocument, User
from hubdesk.db.uow import UnitOfWork
from hubdesk.documents import DocumentData, render_batch
from hubdesk.documents.data import LANGUAGES, OrganisationProfile, Stamp
from hubdesk.domain.document_numbers import normalise_verification_code
from hubdesk.domain.enums import AuditAction, DocumentKind, Role
from hubdesk.domain.errors import Cancelled, HubdeskError, NotFound, PermissionDenied, ValidationError
from hubdesk.services.audit import record_event
from hubdesk.services.document_files import split_pdf, zip_pdfs
from hubdesk.services.document_issuer import DocumentIssuer, pdf_sha256
from hubdesk.services.document_readmodels import BatchItem, BatchOutput, IssuedDocumentInfo, PrintedDocument
from hubdesk.services.readmodels import Actor

#: who may print documents and browse the register: everyone who works with people (not the M&E
#: officer, not read-only). Verifying a code is open to every role.
PRINTERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.COUNSELLOR})
CANCELLERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})

#: the languages a document can be printed in, French first (the default)
DOCUMENT_LANGUAGES = LANGUAGES
MAX_REASON = 300
_PERSON_CODE = re.compile(r"^[A-Za-z]{2,5}-\d{4}-\d{3,6}$")


def _commit(uow: UnitOfWork) -> None:
    """Commit a print; a number taken at the same moment elsewhere asks for a new try, not a traceback."""
    try:
        uow.commit()
    except IntegrityError as error:
        raise HubdeskError("Another document was numbered at the same moment: print it again.") from error


class DocumentService:
    def __init__(
        self,
        database: Database,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        organisation: Callable[[], OrganisationProfile] = OrganisationProfile,
    ) -> None:
        self._db = database
        self._actor = actor
        self._today = today
        self._organisation = organisation

    # --- who may do what -------------------------------------------------------------------------

    def _printer(self, kind: DocumentKind) -> Actor:
        actor = self._actor()
        if actor.role not in PRINTERS:
            raise PermissionDenied("Your role cannot print documents.")
        return actor

    @staticmethod
    def _check_language(lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValidationError({"lang": f"Documents are printed in {', '.join(LANGUAGES)}, not {lang!r}."})

    # --- issuing ---------------------------------------------------------------------------------

    def issue(
        self,
        kind: DocumentKind,
        subject_key: str,
        build: Callable[[Stamp], DocumentData],
        lang: str,
        beneficiary_id: str | None = None,
        *,
        supersede: bool = False,
    ) -> PrintedDocument:
        """The document under a register number: the earlier one when the same PDF comes out again.

        ``supersede``: when what the document says changed, its earlier issue is cancelled as replaced.
        """
        actor = self._printer(kind)
        self._check_language(lang)
        site = self._organisation().site_code
        with self._db.unit_of_work() as uow:
            issuer = DocumentIssuer(
                uow.session,
                actor,
                kind,
                lang,
                site,
                self._today(),
                [subject_key],
                [beneficiary_id],
                supersede=supersede,
            )
            row, pdf, reprint = issuer.issue(subject_key, build, beneficiary_id)
            _commit(uow)
            return PrintedDocument(self._info(uow.session, row), pdf, reprint)

    def issue_batch(
        self,
        kind: DocumentKind,
        items: Sequence[BatchItem],
        lang: str,
        *,
        as_zip: bool,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        supersede: bool = False,
    ) -> BatchOutput:
        """Every item issued as ``issue`` would, as one PDF or a ZIP of one file per document, with the
        numbers of the documents (to audit where the file is saved). ``supersede`` as for ``issue``.

        One transaction for the whole batch: when ``cancelled()`` turns true, or anything fails,
        Cancelled (or the failure) is raised and nothing is recorded.
        """
        actor = self._printer(kind)
        self._check_language(lang)
        if not items:
            raise ValidationError({"items": "Nothing to print: the batch is empty."})
        site = self._organisation().site_code
        total = len(items)
        parts: list[tuple[str, bytes]] = []  # (file stem, pdf)
        numbers: list[str] = []
        with self._db.unit_of_work() as uow:
            issuer = DocumentIssuer(
                uow.session,
                actor,
                kind,
                lang,
                site,
                self._today(),
                [item.subject_key for item in items],
                [item.beneficiary_id for item in items],
                supersede=supersede,
            )

            def step(done: int) -> None:
                if cancelled is not None and cancelled():
                    raise Cancelled("Printing stopped: no document of the batch was recorded.")
                if progress is not None and done:
                    progress(done, total)

            first_pages: list[int] = []

            def started(index: int, page: int) -> None:
                first_pages.append(page)
                step(index)

            # laid out at once (fonts and logos embedded once), then handed out as one file or as one
            # file per document; the register keeps the hash of the file each document is in
            prepared = [issuer.prepare(item.subject_key, item.build, item.beneficiary_id) for item in items]
            numbers = [p.row.number for p in prepared]
            result = render_batch(kind, [p.data for p in prepared], lang, started=started)
            if as_zip:
                for item, document, pdf in zip(items, prepared, split_pdf(result, first_pages), strict=True):
                    issuer.filed([document], pdf)
                    parts.append((f"{document.row.number} {item.file_stem}".strip(), pdf))
                result = zip_pdfs(parts)
            else:
                issuer.filed(prepared, result)
            step(total)
            if cancelled is not None and cancelled():
                raise Cancelled("Printing stopped: no document of the batch was recorded.")
            _commit(uow)
        return BatchOutput(result, tuple(numbers), as_zip)

    def record_saved(self, numbers: Sequence[str], path: str) -> None:
        """Audit that issued documents were written to a file (an export of personal data)."""
        actor = self._actor()
        with self._db.unit_of_work() as uow:
            rows = list(uow.session.scalars(select(IssuedDocument).where(IssuedDocument.number.in_(list(numbers)))))
            for row in rows:
                record_event(
                    uow.session,
                    actor,
                    AuditAction.EXPORT,
                    "document",
                    row.id,
                    beneficiary_id=row.beneficiary_id,
                    summary=f"saved {row.number} to {path}",
                )
            uow.commit()

    # --- verifying, cancelling, listing ----------------------------------------------------------

    def verify(self, text: str) -> IssuedDocumentInfo:
        """The register row of a verification code as typed or scanned; NotFound when none was issued."""
        actor = self._actor()
        code = normalise_verification_code(text)
        if code is None:
            raise NotFound(
                f"{text.strip()[:60]!r} is not a verification code: it has ten letters and digits, like K7QM4-XPT9C."
            )
        return self._verified(
            actor, IssuedDocument.verification_code == code, f"No document was issued with code {code}."
        )

    def verify_file(self, pdf: bytes) -> IssuedDocumentInfo:
        """The register row of a PDF file as issued (same bytes); NotFound for any other file."""
        actor = self._actor()
        return self._verified(
            actor,
            IssuedDocument.sha256 == pdf_sha256(pdf),
            "This file is not a document as hubdesk issued it: it is another file, or it was changed.",
        )

    def _verified(self, actor: Actor, condition: ColumnElement[bool], unknown: str) -> IssuedDocumentInfo:
        with self._db.unit_of_work() as uow:
            # a batch printed as one PDF: every document of the file has its hash; the first answers
            row = uow.session.scalar(select(IssuedDocument).where(condition).order_by(IssuedDocument.number).limit(1))
            if row is None:
                raise NotFound(unknown)
            # the answer names a person: who looked is recorded, as for opening the record
            record_event(
                uow.session,
                actor,
                AuditAction.VIEW,
                "document",
                row.id,
                beneficiary_id=row.beneficiary_id,
                summary=f"verified {row.number}",
            )
            uow.commit()
            return self._info(uow.session, row)

    def cancel(self, document_id: str, reason: str) -> IssuedDocumentInfo:
        """Mark an issued document as no longer valid; verification will say so, with the reason."""
        actor = self._actor()
        if actor.role not in CANCELLERS:
            raise PermissionDenied("Only a coordinator or an administrator can cancel a document.")
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError({"reason": "Say why the document is cancelled."})
        if len(reason) > MAX_REASON:
            raise ValidationError({"reason": f"Too long: at most {MAX_REASON} characters."})
        with self._db.unit_of_work() as uow:
            row = uow.session.get(IssuedDocument, document_id)
            if row is None or row.deleted_at is not None:
                raise NotFound("This document is not in the register.")
            if row.cancelled_at is not None:
                raise HubdeskError(f"{row.number} was already cancelled.")
            row.cancelled_at = utcnow()
            row.cancelled_by = actor.user_id
            row.cancel_reason = reason
            row.updated_by = actor.user_id
            record_event(
                uow.session,
                actor,
                AuditAction.CANCEL,
                "document",
                row.id,
                beneficiary_id=row.beneficiary_id,
                summary=f"cancelled {row.number}: {reason}",
                diff={"number": row.number, "reason": reason},
            )
            uow.commit()
            return self._info(uow.session, row)

    def register(
        self,
        kind: DocumentKind | None = None,
        beneficiary_id: str | None = None,
        text: str = "",
        limit: int = 500,
    ) -> list[IssuedDocumentInfo]:
        """Register rows, newest first; ``text`` matches a number, a code, or the person's code or name.

        Only those who print may list it: it names people. Verifying a code is open to everyone.
        """
        if self._actor().role not in PRINTERS:
            raise PermissionDenied("Your role can verify a document, not browse the register.")
        query: Select[IssuedDocument] = select(IssuedDocument).where(IssuedDocument.deleted_at.is_(None))
        if kind is not None:
            query = query.where(IssuedDocument.kind == kind.value)
        if beneficiary_id is not None:
            query = query.where(IssuedDocument.beneficiary_id == beneficiary_id)
        text = text.strip()
        if text and _PERSON_CODE.match(text):
            # a person's code (TNG-2026-00001) is inside document numbers (ATT-TNG-2026-00001): exact only
            people = select(Beneficiary.id).where(Beneficiary.code == text.upper())
            query = query.where(IssuedDocument.beneficiary_id.in_(people))
        elif text:
            needle = text.lower()
            people = select(Beneficiary.id).where(
                or_(
                    *(
                        func.lower(column).contains(needle, autoescape=True)
                        for column in (Beneficiary.code, Beneficiary.first_name, Beneficiary.last_name)
                    ),
                    Beneficiary.arabic_name.contains(text, autoescape=True),
                )
            )
            matches = [
                func.lower(IssuedDocument.number).contains(needle, autoescape=True),
                IssuedDocument.beneficiary_id.in_(people),
            ]
            code = normalise_verification_code(text)
            if code is not None:
                matches.append(IssuedDocument.verification_code == code)
            query = query.where(or_(*matches))
        query = query.order_by(IssuedDocument.issued_at.desc(), IssuedDocument.number.desc()).limit(limit)
        with self._db.unit_of_work() as uow:
            rows = list(uow.session.scalars(query))
            return self._infos(uow.session, rows)

    # --- read models -----------------------------------------------------------------------------

    def _info(self, session: Session, row: IssuedDocument) -> IssuedDocumentInfo:
        return self._infos(session, [row])[0]

    @staticmethod
    def _infos(session: Session, rows: Sequence[IssuedDocument]) -> list[IssuedDocumentInfo]:
        person_ids = {row.beneficiary_id for row in rows if row.beneficiary_id}
        people: dict[str, tuple[str, str]] = {}
        if person_ids:
            for pid, code, first, last, arabic in session.execute(
                select(
                    Beneficiary.id,
                    Beneficiary.code,
                    Beneficiary.first_name,
                    Beneficiary.last_name,
                    Beneficiary.arabic_name,
                ).where(Beneficiary.id.in_(person_ids))
            ):
                people[pid] = (code, " ".join(part for part in (first, last) if part) or arabic)
        cancellers = {row.cancelled_by for row in rows if row.cancelled_by}
        names: dict[str, str] = {}
        if cancellers:
            names = {
                uid: name
                for uid, name in session.execute(select(User.id, User.full_name).where(User.id.in_(cancellers)))
            }
        infos = []
        for row in rows:
            code, name = people.get(row.beneficiary_id or "", ("", ""))
            cancelled_by = "" if row.cancelled_at is None else names.get(row.cancelled_by or "", "system")
            infos.append(
                IssuedDocumentInfo(
                    id=row.id,
                    kind=DocumentKind(row.kind),
                    number=row.number,
                    verification_code=row.verification_code,
                    language=row.language,
                    issued_at=row.issued_at,
                    issued_by_name=row.issued_by_name,
                    beneficiary_id=row.beneficiary_id,
                    person_code=code,
                    person_name=name,
                    subject_key=row.subject_key,
                    sha256=row.sha256,
                    cancelled_at=row.cancelled_at,
                    cancelled_by_name=cancelled_by,
                    cancel_reason=row.cancel_reason,
                    issued_on=row.issued_on,
                    file_documents=row.file_documents,
                )
            )
        return infos
