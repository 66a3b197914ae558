"""Printed documents (ReportLab): referral letters, certificates, attestations, summary sheets.

Each module renders one kind from a plain data class (``data``) in French, Arabic or English;
``render`` picks the module for a kind.
"""

from __future__ import annotations

from hubdesk.documents.data import (
    AttestationData,
    CertificateData,
    ReferralLetterData,
    SummarySheetData,
)
from hubdesk.domain.enums import DocumentKind

DocumentData = ReferralLetterData | CertificateData | AttestationData | SummarySheetData


def render(kind: DocumentKind, data: DocumentData, lang: str) -> bytes:
    """The PDF of one document. Same data and language, same bytes (the register hashes them)."""
    if kind is DocumentKind.REFERRAL_LETTER and isinstance(data, ReferralLetterData):
        from hubdesk.documents.referral import render_referral_letter

        return render_referral_letter(data, lang)
    if kind is DocumentKind.CERTIFICATE and isinstance(data, CertificateData):
        from hubdesk.documents.certificate import render_certificate

        return render_certificate(data, lang)
    if kind is DocumentKind.ATTESTATION and isinstance(data, AttestationData):
        from hubdesk.documents.attestation import render_attestation

        return render_attestation(data, lang)
    if kind is DocumentKind.SUMMARY and isinstance(data, SummarySheetData):
        from hubdesk.documents.summary import render_summary_sheet

        return render_summary_sheet(data, lang)
    raise TypeError(f"{type(data).__name__} is not the data of a {kind.value}")
