"""The ``hubdesk`` command: the GUI by default, sub-commands for scripted work."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hubdesk import __version__, cli_documents, cli_entrepreneurship, cli_follow_up
from hubdesk.domain.errors import HubdeskError, NotFound
from hubdesk.services.facade import Services
from hubdesk.services.location import DATABASE_FILE, demo_data_dir, resolve_data_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hubdesk", description="Case management for the HUB counselling centre (offline)."
    )
    parser.add_argument("--version", action="version", version=f"hubdesk {__version__}")
    parser.add_argument(
        "--data-dir", help="folder of the database (default: HUBDESK_DATA_DIR, else the user's data folder)"
    )
    commands = parser.add_subparsers(dest="command")

    commands.add_parser("gui", help="open the application (the default)")

    demo = commands.add_parser("demo", help="create a demo database and open hubdesk on it")
    demo.add_argument("--size", type=int, default=1500, help="number of beneficiaries (default 1500)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed: same seed, same data")
    demo.add_argument("--no-gui", action="store_true", help="only generate the database")

    export = commands.add_parser("export", help="export records to a file")
    export.add_argument("what", choices=["beneficiaries", *cli_follow_up.EXPORTS, *cli_entrepreneurship.EXPORTS])
    export.add_argument(
        "--format", choices=["csv", "xlsx", "json"], help="default: from the file's extension, else csv"
    )
    export.add_argument(
        "-o",
        "--output",
        help="file to write (needed, except for ventures and trainings: WHAT-YYYY-MM-DD.FORMAT in this folder)",
    )
    cli_follow_up.add_export_filters(export)
    verify, printing = cli_documents.add_document_commands(commands)
    referral = cli_follow_up.add_print_referral(printing)
    certificate, attestation = cli_entrepreneurship.add_print_commands(printing)
    for sub in (export, verify, referral, certificate, attestation):
        sub.add_argument("--user", help="user name (default: HUBDESK_USER)")
    return parser


def _login(services: Services, user: str | None) -> None:
    """Authenticate a command-line user from --user/HUBDESK_USER and HUBDESK_PASSWORD or a prompt."""
    username = user or os.environ.get("HUBDESK_USER")
    if not username:
        raise HubdeskError("Say who you are: --user NAME or HUBDESK_USER.")
    password = os.environ.get("HUBDESK_PASSWORD")
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise HubdeskError("No password: set HUBDESK_PASSWORD or run the command in a terminal.")
        password = getpass.getpass(f"Password for {username}: ")
    services.login(username, password)


def _remove_demo(data_dir: Path) -> None:
    """Delete an earlier demo database, never a real one."""
    path = data_dir / DATABASE_FILE
    if not path.exists():
        return
    services = Services.open(data_dir)
    try:
        is_demo = services.settings.is_demo()
    finally:
        services.close()
    if not is_demo:
        raise HubdeskError(f"{path} holds real data, not a demo: choose another --data-dir for the demo.")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _demo(args: argparse.Namespace) -> int:
    from hubdesk.services.demo import generate_demo

    data_dir = Path(args.data_dir).expanduser() if args.data_dir else demo_data_dir()
    if args.size < 1:
        raise HubdeskError("--size must be at least 1.")
    _remove_demo(data_dir)
    services = Services.open(data_dir)
    try:
        summary = generate_demo(services.database, size=args.size, seed=args.seed)
    finally:
        services.close()
    print(
        f"Demo database with {summary.beneficiaries} beneficiaries written to {data_dir / DATABASE_FILE} "
        f"in {summary.seconds:.1f} s. Log in as admin / hubdesk-demo."
    )
    if args.no_gui:
        return 0
    return _gui(data_dir)


def _export(args: argparse.Namespace) -> int:
    cli_follow_up.check_export_filters(args)
    cli_entrepreneurship.check_export(args)
    services = Services.open(resolve_data_dir(args.data_dir))
    try:
        _login(services, args.user)
        output = cli_entrepreneurship.export_output(args, services.today())
        suffix = output.suffix.lower().lstrip(".")
        fmt = args.format or (suffix if suffix in {"csv", "xlsx", "json"} else "csv")
        if suffix in {"csv", "xlsx", "json"} and suffix != fmt:
            raise HubdeskError(f"--format {fmt} does not match the file name {output.name}.")
        if args.what in cli_follow_up.EXPORTS:
            count = cli_follow_up.export_follow_up(services, args, output, fmt)
        elif args.what in cli_entrepreneurship.EXPORTS:
            count = cli_entrepreneurship.export_entrepreneurship(services, args, output, fmt)
        else:
            count = services.exports.export_beneficiaries(output, fmt, cli_follow_up.beneficiary_query(args))
    finally:
        services.close()
    print(f"Exported {count} {cli_entrepreneurship.ROWS.get(args.what, args.what)} to {output}.")
    return 0


def _verify(args: argparse.Namespace) -> int:
    """Exit code 0 valid, 1 unknown, 2 cancelled, 3 not checked (a log-in or database problem)."""
    try:
        # checking a code must work while hubdesk is open on the same database
        services = Services.open(resolve_data_dir(args.data_dir), lock=False, upgrade=False)
    except HubdeskError as exc:
        return cli_documents.report_failure(exc, cli_documents.FAILED)
    try:
        _login(services, args.user)
        return cli_documents.report_verification(services.documents.verify(args.code))
    except NotFound as exc:
        return cli_documents.report_failure(exc, cli_documents.UNKNOWN)
    except HubdeskError as exc:
        return cli_documents.report_failure(exc, cli_documents.FAILED)
    finally:
        services.close()


def _gui(data_dir: Path) -> int:
    from hubdesk.ui.app import run_gui

    return run_gui(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "export":
            return _export(args)
        if args.command == "print" and args.print_what == "referral":
            return cli_follow_up.print_referral(args, _login)
        if args.command == "print" and args.print_what == "certificate":
            return cli_entrepreneurship.print_certificate(args, _login)
        if args.command == "print" and args.print_what == "attestation":
            return cli_entrepreneurship.print_attestation(args, _login)
        if args.command == "print":
            return cli_documents.print_sample(args)
        if args.command == "verify":
            return _verify(args)
        return _gui(resolve_data_dir(args.data_dir))
    except HubdeskError as exc:
        print(f"hubdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
