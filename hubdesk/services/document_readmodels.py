"""What the document register hands out: plain read models, and the items of a batch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from hubdesk.documents import DocumentData
from hubdesk.documents.data import Stamp
from hubdesk.domain.enums import DocumentKind


@dataclass(frozen=True)
class IssuedDocumentInfo:
    """One row of the document register, with the person and the users named."""

    id: str
    kind: DocumentKind
    number: str
    verification_code: str
    language: str
    issued_at: datetime  # UTC
    issued_by_name: str
    beneficiary_id: str | None
    person_code: str
    #: the person's current name in the registry ("" when the document concerns no one recorded)
    person_name: str
    subject_key: str
    sha256: str
    cancelled_at: datetime | None
    cancelled_by_name: str
    cancel_reason: str
    #: the date printed on the document (local date of issue)
    issued_on: date | None = None
    #: how many documents were handed out in the same PDF file (a batch printed as one PDF)
    file_documents: int = 1

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True)
class PrintedDocument:
    """A document as printed: its register row and its PDF. ``reprint``: the number existed already."""

    info: IssuedDocumentInfo
    pdf: bytes
    reprint: bool


@dataclass(frozen=True)
class BatchItem:
    """One document of a batch: what it is about, and how to build its data once it has a stamp."""

    subject_key: str
    build: Callable[[Stamp], DocumentData]
    beneficiary_id: str | None = None
    #: the file name after the number in a ZIP (e.g. the person's name); the number alone if empty
    file_stem: str = ""


@dataclass(frozen=True)
class BatchOutput:
    """A printed batch: the file (one PDF or a ZIP) and the numbers of the documents in it."""

    data: bytes
    numbers: tuple[str, ...]
    as_zip: bool
