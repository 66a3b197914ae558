"""The document sub-commands of ``hubdesk``: ``print sample`` and ``verify``."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hubdesk.domain.enums import DocumentKind
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.document_files import sample_pdf
from hubdesk.services.document_readmodels import IssuedDocumentInfo
from hubdesk.services.documents import DOCUMENT_LANGUAGES

#: KIND on the command line -> the kind of document
KINDS = {
    "referral": DocumentKind.REFERRAL_LETTER,
    "certificate": DocumentKind.CERTIFICATE,
    "attestation": DocumentKind.ATTESTATION,
    "summary": DocumentKind.SUMMARY,
}
KIND_NAMES = {
    DocumentKind.REFERRAL_LETTER: "referral letter",
    DocumentKind.CERTIFICATE: "training certificate",
    DocumentKind.ATTESTATION: "support attestation",
    DocumentKind.SUMMARY: "beneficiary summary sheet",
}

#: exit codes of ``hubdesk verify``
VALID, UNKNOWN, CANCELLED, FAILED = 0, 1, 2, 3

LOCAL_ZONE = ZoneInfo("Africa/Casablanca")


def add_document_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    """Add ``print`` and ``verify``; returns the ``verify`` parser (it needs a log-in) and the ``print``
    sub-commands (others add theirs there)."""
    printing = commands.add_parser("print", help="print documents from the command line")
    what = printing.add_subparsers(dest="print_what", required=True, metavar="sample")
    sample = what.add_parser(
        "sample", help="render a document filled with sample data, to check fonts and layout (no database)"
    )
    sample.add_argument("kind", choices=list(KINDS), metavar="KIND", help=f"one of: {', '.join(KINDS)}")
    sample.add_argument("--lang", choices=DOCUMENT_LANGUAGES, default="fr", help="document language (default fr)")
    sample.add_argument("-o", "--output", required=True, help="PDF file to write")

    verify = commands.add_parser(
        "verify",
        help="check that a paper was issued by the HUB, and whether it was cancelled",
        epilog=f"Exit code: {VALID} valid, {UNKNOWN} unknown code, {CANCELLED} cancelled, "
        f"{FAILED} could not check (log-in, database).",
    )
    verify.add_argument("code", help="the verification code as printed (K7QM4-XPT9C) or the text of its QR code")
    return verify, what


def print_sample(args: argparse.Namespace) -> int:
    output = Path(args.output)
    pdf = sample_pdf(KINDS[args.kind], args.lang)
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        raise HubdeskError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    print(f"Sample {KIND_NAMES[KINDS[args.kind]]} ({args.lang}) written to {output}.")
    return 0


def _local_date(moment: datetime) -> str:
    return moment.astimezone(LOCAL_ZONE).date().isoformat()


def describe(info: IssuedDocumentInfo) -> list[str]:
    """The lines ``hubdesk verify`` prints about a document found in the register."""
    person = " ".join(part for part in (info.person_code, info.person_name) if part) or "(no person recorded)"
    issued_on = info.issued_on.isoformat() if info.issued_on else _local_date(info.issued_at)
    lines = [
        f"{'CANCELLED' if info.cancelled else 'VALID'}: {info.number}, {KIND_NAMES[info.kind]}",
        f"Person:  {person}",
        f"Issued:  {issued_on} by {info.issued_by_name or 'system'} (language: {info.language})",
        f"Code:    {info.verification_code}",
    ]
    if info.cancelled_at is not None:
        lines.append(
            f"CANCELLED on {_local_date(info.cancelled_at)} by {info.cancelled_by_name or 'system'}: "
            f"{info.cancel_reason}"
        )
    return lines


def report_verification(info: IssuedDocumentInfo) -> int:
    for line in describe(info):
        print(line)
    return CANCELLED if info.cancelled else VALID


def report_failure(exc: HubdeskError, code: int) -> int:
    print(f"hubdesk: {exc}", file=sys.stderr)
    return code
