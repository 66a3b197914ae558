"""Printed documents (ReportLab): referral letters, certificates, attestations, summary sheets.

Each module renders one kind from a plain data class (``data``) in French, Arabic or English;
``render`` picks the module for a kind, ``render_batch`` puts many documents of one kind in one PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hubdesk.documents.data import (
    AttestationData,
    CertificateData,
    ReferralLetterData,
    SummarySheetData,
)
from hubdesk.documents.layout import Composition, build_many
from hubdesk.domain.enums import DocumentKind

DocumentData = ReferralLetterData | CertificateData | AttestationData | SummarySheetData


def compose(kind: DocumentKind, data: DocumentData, lang: str) -> Composition:
    """One document laid out, not yet built."""
    if kind is DocumentKind.REFERRAL_LETTER and isinstance(data, ReferralLetterData):
        from hubdesk.documents.referral import compose_referral_letter

        return compose_referral_letter(data, lang)
    if kind is DocumentKind.CERTIFICATE and isinstance(data, CertificateData):
        from hubdesk.documents.certificate import compose_certificate

        return compose_certificate(data, lang)
    if kind is DocumentKind.ATTESTATION and isinstance(data, AttestationData):
        from hubdesk.documents.attestation import compose_attestation

        return compose_attestation(data, lang)
    if kind is DocumentKind.SUMMARY and isinstance(data, SummarySheetData):
        from hubdesk.documents.summary import compose_summary_sheet

        return compose_summary_sheet(data, lang)
    raise TypeError(f"{type(data).__name__} is not the data of a {kind.value}")


def render(kind: DocumentKind, data: DocumentData, lang: str) -> bytes:
    """The PDF of one document. Same data and language, same bytes (the register hashes them)."""
    return compose(kind, data, lang).build()


def render_batch(
    kind: DocumentKind,
    items: Sequence[DocumentData],
    lang: str,
    started: Callable[[int, int], None] | None = None,
) -> bytes:
    """Many documents of one kind in one PDF, each on its own pages with its own stamp and page count.

    Fonts and logos are embedded once, so a thousand certificates make one small file quickly.
    ``started(n, page)`` hears when the document at index ``n`` goes onto its first page (numbered
    from 1); it may raise to stop.
    """
    return build_many([compose(kind, data, lang) for data in items], started)
