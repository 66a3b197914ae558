"""The follow-up sub-commands of ``hubdesk``: ``print referral`` and ``export sessions|referrals``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from hubdesk.domain.codes import normalise_referral_code
from hubdesk.domain.enums import ReferralStatus
from hubdesk.domain.errors import HubdeskError, NotFound
from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.services.facade import Services
from hubdesk.services.follow_up_export import FollowUpExport
from hubdesk.services.guidance_readmodels import ReferralQuery, SessionQuery
from hubdesk.services.location import resolve_data_dir
from hubdesk.services.readmodels import BeneficiaryQuery

#: what ``hubdesk export`` writes besides beneficiaries
EXPORTS = ("sessions", "referrals")
STATUSES = tuple(status.value for status in ReferralStatus)

#: exit codes of ``hubdesk print referral`` (other problems: 2, as every sub-command)
PRINTED, UNKNOWN_REFERRAL = 0, 1

#: how a sub-command logs its user in (``hubdesk.cli._login``): services, --user
Login = Callable[[Services, str | None], None]


def day(text: str) -> date:
    """A day as typed on the command line: 2026-03-02 or 02/03/2026."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a day: write it as YYYY-MM-DD (2026-03-02).")


def add_print_referral(what: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add ``print referral`` to the ``print`` sub-commands, beside ``sample``; returns its parser (it needs a
    log-in)."""
    what.metavar = "{sample,referral}"
    referral = what.add_parser(
        "referral",
        help="print the letter of a referral (registered; printing it again is a reprint with the same number)",
        epilog=f"Exit code: {PRINTED} printed, {UNKNOWN_REFERRAL} no referral has this code, 2 another problem "
        "(log-in, database, file).",
    )
    referral.add_argument("code", help="the referral's code, as typed: REF-TNG-2026-0007, ref tng 2026 7")
    referral.add_argument("--lang", choices=DOCUMENT_LANGUAGES, default="fr", help="letter language (default fr)")
    referral.add_argument("-o", "--output", required=True, help="PDF file to write")
    return referral


def add_export_filters(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--from",
        dest="date_from",
        type=day,
        metavar="DATE",
        help="from this day on: people registered, sessions held, referrals made (YYYY-MM-DD)",
    )
    export.add_argument("--to", dest="date_to", type=day, metavar="DATE", help="up to this day, included")
    export.add_argument("--partner", metavar="NAME-OR-ID", help="referrals only: to this partner (part of its name)")
    export.add_argument("--status", choices=STATUSES, help="referrals only: in this status")


def check_export_filters(args: argparse.Namespace) -> None:
    """Refuse filters that do not apply to what is exported, before anything is opened."""
    if args.what != "referrals":
        for option, given in (("--partner", args.partner), ("--status", args.status)):
            if given is not None:
                raise HubdeskError(f"{option} filters referrals only, not {args.what}.")
    if args.date_from is not None and args.date_to is not None and args.date_from > args.date_to:
        raise HubdeskError(f"--from {args.date_from.isoformat()} is after --to {args.date_to.isoformat()}.")


def beneficiary_query(args: argparse.Namespace) -> BeneficiaryQuery:
    return BeneficiaryQuery(registered_from=args.date_from, registered_to=args.date_to)


def export_follow_up(services: Services, args: argparse.Namespace, output: Path, fmt: str) -> int:
    """``hubdesk export sessions|referrals`` once logged in; returns how many rows were written."""
    exporter = FollowUpExport(services.database, services.actor)
    if args.what == "sessions":
        return exporter.export_sessions(output, fmt, SessionQuery(held_from=args.date_from, held_to=args.date_to))
    query = ReferralQuery(
        partner_id=find_partner(services, args.partner) if args.partner is not None else None,
        status=ReferralStatus(args.status) if args.status else None,
        referred_from=args.date_from,
        referred_to=args.date_to,
    )
    return exporter.export_referrals(output, fmt, query)


def find_partner(services: Services, text: str) -> str:
    """The id of the one partner ``text`` names: its id, its name, or a part of its name."""
    partners = services.partners.list(include_inactive=True)
    key = text.strip().casefold()
    for partner in partners:
        if partner.id == text.strip():
            return partner.id
    named = [p for p in partners if key in (p.name.casefold(), p.draft.arabic_name.casefold())]
    found = named or [p for p in partners if key and (key in p.name.casefold() or key in p.draft.arabic_name)]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise HubdeskError(f"No partner is called {text!r}: give its name as the directory shows it, or its id.")
    names = ", ".join(p.name for p in found[:5]) + (", ..." if len(found) > 5 else "")
    raise HubdeskError(f"{text!r} matches {len(found)} partners ({names}): give more of the name.")


def print_referral(args: argparse.Namespace, login: Login) -> int:
    """Issue (or reprint) a referral's letter into ``--output``."""
    output = Path(args.output)
    if not output.parent.is_dir():
        # checked first: a letter registered but never written would only come out again as a reprint
        raise HubdeskError(f"Cannot write {output}: the folder {output.parent} does not exist.")
    code = normalise_referral_code(args.code)
    services = Services.open(resolve_data_dir(args.data_dir))
    try:
        login(services, args.user)
        try:
            referral_id = services.person_follow_up.referral_id(args.code)
        except NotFound as exc:
            print(f"hubdesk: {exc} Referral codes look like REF-TNG-2026-0007.", file=sys.stderr)
            return UNKNOWN_REFERRAL
        printed = services.person_follow_up.referral_letter(referral_id, args.lang)
    finally:
        services.close()
    number = printed.info.number
    try:
        output.write_bytes(printed.pdf)
    except OSError as exc:
        raise HubdeskError(
            f"Cannot write {output}: {exc.strerror or exc}. The letter is registered as {number}: "
            "print it again to get it under the same number."
        ) from exc
    issued = f"reprint of {number}" if printed.reprint else number
    print(f"Referral letter {code}, {issued} ({args.lang}), written to {output}.")
    return PRINTED
