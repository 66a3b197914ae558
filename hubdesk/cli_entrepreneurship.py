"""The entrepreneurship sub-commands of ``hubdesk``: ``print certificate``, ``print attestation`` and
``export ventures|trainings``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from hubdesk.domain.errors import HubdeskError, NotFound, ValidationError
from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.services.entrepreneurship_export import EntrepreneurshipExport
from hubdesk.services.facade import Services
from hubdesk.services.location import resolve_data_dir
from hubdesk.services.readmodels import BeneficiaryRecord

#: what ``hubdesk export`` writes besides beneficiaries, sessions and referrals
EXPORTS = ("ventures", "trainings")
#: how the export's closing line names its rows
ROWS = {"ventures": "ventures", "trainings": "trainees of trainings (one row each)"}

#: exit codes of ``hubdesk print certificate|attestation`` (other problems: 2, as every sub-command)
PRINTED, UNKNOWN_CODE, REFUSED = 0, 1, 3

#: how a sub-command logs its user in (``hubdesk.cli._login``): services, --user
Login = Callable[[Services, str | None], None]

_EXIT_CODES = (
    f"Exit code: {PRINTED} printed, {UNKNOWN_CODE} no training or person has this code, {REFUSED} refused "
    "(the message says why: someone who did not complete the training, a date in the future...), "
    "2 another problem (log-in, database, file)."
)


def add_print_commands(
    what: argparse._SubParsersAction[argparse.ArgumentParser],
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """Add ``print certificate`` and ``print attestation`` beside ``sample`` and ``referral``; returns their
    parsers (they need a log-in)."""
    what.metavar = "{sample,referral,certificate,attestation}"
    certificate = what.add_parser(
        "certificate",
        help="print the certificates of a training: everyone who completed it (one PDF), or one trainee",
        description="Print the certificates of a training, registered with their numbers. Without --person: one "
        "PDF with the certificate of everyone who completed the training or was allowed an exceptional "
        "certificate. Printing the same certificate again is a reprint under the same number.",
        epilog=_EXIT_CODES,
    )
    certificate.add_argument("code", help="the training's code, as typed: TRN-TNG-2026-0003, trn tng 2026 3")
    certificate.add_argument(
        "--person", metavar="CODE", help="only this trainee's certificate (their person code: TNG-2026-00012)"
    )
    certificate.add_argument(
        "--lang", choices=DOCUMENT_LANGUAGES, default="fr", help="certificate language (default fr)"
    )
    certificate.add_argument("-o", "--output", required=True, help="PDF file to write")

    attestation = what.add_parser(
        "attestation",
        help="print the support attestation of a person, from their registration day to today",
        description="Print the attestation that the HUB supports a person: since the day they were registered, "
        "and still going on. It names counselling and orientation, and business creation support when the "
        "person is a member of a business project or was given a support action. Printed again the same "
        "day, it is a reprint under the same number; another day, a new attestation.",
        epilog=_EXIT_CODES,
    )
    attestation.add_argument("code", help="the person's code, as typed: TNG-2026-00012, tng 2026 12")
    attestation.add_argument(
        "--lang", choices=DOCUMENT_LANGUAGES, default="fr", help="attestation language (default fr)"
    )
    attestation.add_argument("-o", "--output", required=True, help="PDF file to write")
    return certificate, attestation


# --- export ----------------------------------------------------------------------------------------------


def check_export(args: argparse.Namespace) -> None:
    """Refuse what does not apply to an export, before anything is opened."""
    if args.what in EXPORTS:
        for option, given in (("--from", args.date_from), ("--to", args.date_to)):
            if given is not None:
                raise HubdeskError(f"{option} filters beneficiaries, sessions and referrals, not {args.what}.")
    elif args.output is None:
        raise HubdeskError(f"Say which file to write the {args.what} to: -o FILE.")


def export_output(args: argparse.Namespace, today: date) -> Path:
    """The file ``-o`` names; for ventures and trainings without ``-o``: WHAT-YYYY-MM-DD.FORMAT here."""
    if args.output is not None:
        return Path(args.output)
    return Path(f"{args.what}-{today.isoformat()}.{args.format or 'csv'}")


def export_entrepreneurship(services: Services, args: argparse.Namespace, output: Path, fmt: str) -> int:
    """``hubdesk export ventures|trainings`` once logged in; returns how many rows were written."""
    exporter = EntrepreneurshipExport(services.database, services.actor)
    if args.what == "ventures":
        return exporter.export_ventures(output, fmt)
    return exporter.export_trainings(output, fmt)


# --- printing --------------------------------------------------------------------------------------------


def _name(record: BeneficiaryRecord) -> str:
    draft = record.draft
    return " ".join(part for part in (draft.first_name, draft.last_name.upper()) if part) or draft.arabic_name


def number_range(numbers: Sequence[str]) -> str:
    """``CRT-TNG-2026-00012 … 00014``: the first number in full, the last by its running number."""
    ordered = sorted(numbers)
    if len(ordered) < 2:
        return "".join(ordered)
    first, last = ordered[0], ordered[-1]
    prefix, _, running = last.rpartition("-")
    return f"{first} … {running if first.startswith(prefix + '-') else last}"


def _refused(exc: ValidationError) -> int:
    print(f"hubdesk: {' '.join(exc.errors.values())}", file=sys.stderr)
    return REFUSED


def _check_folder(output: Path) -> None:
    # checked first: a document registered but never written would only come out again as a reprint
    if not output.parent.is_dir():
        raise HubdeskError(f"Cannot write {output}: the folder {output.parent} does not exist.")


def _save(services: Services, output: Path, pdf: bytes, numbers: Sequence[str]) -> None:
    """Write the PDF and audit that the documents were saved to it."""
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        raise HubdeskError(
            f"Cannot write {output}: {exc.strerror or exc}. The documents are registered as {number_range(numbers)}: "
            "print them again to get them under the same numbers."
        ) from exc
    services.documents.record_saved(numbers, str(output))


def print_certificate(args: argparse.Namespace, login: Login) -> int:
    """The certificates of a training (or of one trainee) into ``--output``."""
    output = Path(args.output)
    _check_folder(output)
    services = Services.open(resolve_data_dir(args.data_dir))
    try:
        login(services, args.user)
        try:
            training = services.trainings.find(args.code)
            person = None if args.person is None else services.beneficiaries.find(args.person, record_view=False)
        except NotFound as exc:
            hint = "" if "look like" in str(exc) else " Training codes look like TRN-TNG-2026-0003."
            print(f"hubdesk: {exc}{hint}", file=sys.stderr)
            return UNKNOWN_CODE
        try:
            if person is None:
                batch = services.training_documents.certificates(training.id, args.lang, as_zip=False)
                pdf, numbers = batch.data, batch.numbers
            else:
                printed = services.training_documents.certificate(training.id, person.id, args.lang)
                pdf, numbers = printed.pdf, (printed.info.number,)
        except ValidationError as exc:
            return _refused(exc)
        _save(services, output, pdf, numbers)
    finally:
        services.close()
    if person is None:
        count = f"{len(numbers)} certificate{'s' if len(numbers) > 1 else ''}"
        print(f"{count} ({number_range(numbers)}) for {training.code} ({args.lang}) written to {output}.")
    else:
        issued = f"reprint of {numbers[0]}" if printed.reprint else numbers[0]
        print(
            f"Certificate {issued} of {person.code} {_name(person)} for {training.code} ({args.lang}) "
            f"written to {output}."
        )
    return PRINTED


def print_attestation(args: argparse.Namespace, login: Login) -> int:
    """The support attestation of a person into ``--output``."""
    output = Path(args.output)
    _check_folder(output)
    services = Services.open(resolve_data_dir(args.data_dir))
    try:
        login(services, args.user)
        try:
            record = services.beneficiaries.find(args.code, record_view=False)
        except NotFound as exc:
            print(f"hubdesk: {exc}", file=sys.stderr)
            return UNKNOWN_CODE
        request = services.person_documents.default_request(record.id)
        try:
            printed = services.person_documents.attestation(record.id, request, args.lang)
        except ValidationError as exc:
            return _refused(exc)
        _save(services, output, printed.pdf, (printed.info.number,))
    finally:
        services.close()
    issued = f"reprint of {printed.info.number}" if printed.reprint else printed.info.number
    kinds = " and ".join(kind.value.replace("_", " ") for kind in request.supports)
    print(
        f"Support attestation {issued} of {record.code} {_name(record)} ({kinds} since "
        f"{request.since:%d/%m/%Y}, {args.lang}) written to {output}."
    )
    return PRINTED
