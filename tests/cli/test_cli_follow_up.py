"""``hubdesk print referral`` and ``hubdesk export sessions|referrals`` as a script would use them."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.db.database import open_database
from hubdesk.domain.enums import Role
from hubdesk.services.facade import Services
from tests.integration.guidance_helpers import referral_to, session_on, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.pdf_reading import has_all_words

PASSWORD = "long-enough-1"
TODAY = date.today()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder: Aminata Diallo with two sessions (one confidential, by a counsellor) and two referrals
    (ANAPEC sent, OFPPT draft); Cheikh Fall registered in 2025 with nothing else."""
    data = tmp_path / "data"
    db = open_database(data)
    try:
        hub = Services(db)
        hub.accounts.create_first_administrator("admin", "Admin Istrateur", PASSWORD)
        hub.login("admin", PASSWORD)
        hub.accounts.create_user(hub.actor(), "nadia", "Nadia Conseillère", PASSWORD, Role.COUNSELLOR)
        hub.accounts.create_user(hub.actor(), "omar", "Omar Conseiller", PASSWORD, Role.COUNSELLOR)
        saved = sharing_person(hub)
        hub.beneficiaries.create(person("Cheikh", "Fall", registered_on=date(2025, 12, 30)))
        hub.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=30), topics="@CV", notes="Open"))
        hub.referrals.create(saved.id, referral_to(hub, service="Idmaj"), send=True)
        hub.referrals.create(saved.id, referral_to(hub, "OFPPT", service="Cuisine"))
        hub.login("nadia", PASSWORD)
        hub.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=2), notes="Secret", confidential=True))
    finally:
        db.close()
    return data


@pytest.fixture(autouse=True)
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBDESK_USER", "admin")
    monkeypatch.setenv("HUBDESK_PASSWORD", PASSWORD)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def referral_code(number: int) -> str:
    return f"REF-TNG-{TODAY.year}-{number:04d}"


def test_print_a_referral_letter_then_a_reprint_under_the_same_number(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.pdf"
    typed = referral_code(1).lower().replace("-", " ")  # as read from a feedback slip
    assert main(["--data-dir", str(folder), "print", "referral", typed, "--lang", "fr", "-o", str(out)]) == 0
    pdf = out.read_bytes()
    assert has_all_words(pdf, f"{referral_code(1)} Aminata DIALLO TNG-2026-00001 Idmaj")
    said = capsys.readouterr().out
    number = f"LTR-TNG-{TODAY.year}-00001"
    assert number in said and "reprint" not in said and str(out) in said
    again = tmp_path / "again.pdf"
    assert main(["--data-dir", str(folder), "print", "referral", referral_code(1), "-o", str(again)]) == 0
    assert f"reprint of {number}" in capsys.readouterr().out
    assert has_all_words(again.read_bytes(), f"{number} {referral_code(1)} Aminata DIALLO")
    english = tmp_path / "en.pdf"
    assert (
        main(["--data-dir", str(folder), "print", "referral", referral_code(1), "--lang", "en", "-o", str(english)])
        == 0
    )
    assert "reprint" not in capsys.readouterr().out  # another language, another letter


def test_an_unknown_referral_is_a_message_and_exit_code_1(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["--data-dir", str(folder), "print", "referral", "REF-TNG-1999-0042", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No referral has the number 'REF-TNG-1999-0042'" in err and "Traceback" not in err
    assert not out.exists()


def test_print_referral_refuses_a_missing_folder_before_registering(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing" / "letter.pdf"
    assert main(["--data-dir", str(folder), "print", "referral", referral_code(1), "-o", str(missing)]) == 2
    assert "Cannot write" in capsys.readouterr().err
    out = tmp_path / "letter.pdf"
    assert main(["--data-dir", str(folder), "print", "referral", referral_code(1), "-o", str(out)]) == 0
    assert "reprint" not in capsys.readouterr().out  # the failed attempt registered nothing


def test_export_sessions_to_csv(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sessions.csv"
    assert main(["--data-dir", str(folder), "export", "sessions", "-o", str(out)]) == 0
    assert f"Exported 2 sessions to {out}." in capsys.readouterr().out
    rows = read_csv(out)
    assert [r["person_code"] for r in rows] == ["TNG-2026-00001"] * 2
    assert rows[0]["topics"] == "'@CV" and [r["notes"] for r in rows] == ["Open", "Secret"]
    assert rows[1]["counsellor"] == "Nadia Conseillère"
    recent = tmp_path / "recent.csv"
    since = (TODAY - timedelta(days=7)).isoformat()
    assert main(["--data-dir", str(folder), "export", "sessions", "--from", since, "-o", str(recent)]) == 0
    assert [r["notes"] for r in read_csv(recent)] == ["Secret"]


def test_another_counsellors_export_leaves_confidential_notes_out(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUBDESK_USER", "omar")
    out = tmp_path / "sessions.csv"
    assert main(["--data-dir", str(folder), "export", "sessions", "-o", str(out)]) == 0
    assert [(r["notes"], r["confidential"]) for r in read_csv(out)] == [("Open", "false"), ("", "true")]


def test_export_referrals_to_csv_with_filters(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "referrals.csv"
    assert main(["--data-dir", str(folder), "export", "referrals", "--format", "csv", "-o", str(out)]) == 0
    assert f"Exported 2 referrals to {out}." in capsys.readouterr().out
    rows = read_csv(out)
    assert [(r["code"], r["status"], r["service"]) for r in rows] == [
        (referral_code(1), "sent", "Idmaj"),
        (referral_code(2), "draft", "Cuisine"),
    ]
    assert rows[0]["partner"].startswith("ANAPEC") and rows[0]["sent_on"] == TODAY.isoformat()
    ofppt = tmp_path / "ofppt.csv"
    assert main(["--data-dir", str(folder), "export", "referrals", "--partner", "ofppt", "-o", str(ofppt)]) == 0
    assert [r["code"] for r in read_csv(ofppt)] == [referral_code(2)]
    sent = tmp_path / "sent.csv"
    assert main(["--data-dir", str(folder), "export", "referrals", "--status", "sent", "-o", str(sent)]) == 0
    assert [r["code"] for r in read_csv(sent)] == [referral_code(1)]
    earlier = tmp_path / "earlier.csv"
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert main(["--data-dir", str(folder), "export", "referrals", "--to", yesterday, "-o", str(earlier)]) == 0
    assert read_csv(earlier) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sessions", "--partner", "ANAPEC"], "--partner filters referrals only, not sessions"),
        (["beneficiaries", "--status", "sent"], "--status filters referrals only, not beneficiaries"),
        (["referrals", "--partner", "Nowhere"], "No partner is called 'Nowhere'"),
        (["referrals", "--from", "2026-05-01", "--to", "2026-04-01"], "--from 2026-05-01 is after --to 2026-04-01"),
    ],
)
def test_filters_that_cannot_apply_are_a_message(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "x.csv"
    assert main(["--data-dir", str(folder), "export", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_the_beneficiary_export_takes_the_period_too(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    assert main(["--data-dir", str(folder), "export", "beneficiaries", "--from", "2026-01-01", "-o", str(out)]) == 0
    assert [r["last_name"] for r in read_csv(out)] == ["Diallo"]
    everyone = tmp_path / "everyone.csv"
    assert main(["--data-dir", str(folder), "export", "beneficiaries", "-o", str(everyone)]) == 0
    assert len(read_csv(everyone)) == 2


def test_a_day_that_is_not_a_day_is_refused(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(folder), "export", "sessions", "--from", "yesterday", "-o", str(tmp_path / "x.csv")])
    assert "is not a day" in capsys.readouterr().err


def test_export_referrals_in_a_fresh_process(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "referrals.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(folder), "export", "referrals", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HUBDESK_USER": "admin", "HUBDESK_PASSWORD": PASSWORD},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    assert load_workbook(out)["referrals"].max_row == 3  # the header and two referrals
