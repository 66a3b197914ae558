"""The ``hubdesk`` command as a script would use it (run in a real subprocess where it matters)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hubdesk import __version__
from hubdesk.cli import main
from hubdesk.db.database import open_database
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hubdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hubdesk {__version__}"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run("--data-dir", str(folder), "demo", "--size", "120", "--seed", "7", "--no-gui")
    assert result.returncode == 0, result.stderr
    assert "120 beneficiaries" in result.stdout
    return folder


def test_demo_generates_the_same_data_for_the_same_seed(demo_dir: Path, tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "demo", "--size", "120", "--seed", "7", "--no-gui"]) == 0
    first, second = open_database(demo_dir), open_database(tmp_path)
    try:
        everyone = BeneficiaryQuery(sort="code")
        a = [(r.code, r.last_name, r.birth_date) for r in Services(first).search.page(everyone, 0, 1000)]
        b = [(r.code, r.last_name, r.birth_date) for r in Services(second).search.page(everyone, 0, 1000)]
    finally:
        first.close()
        second.close()
    assert a == b and len(a) == 120


def test_export_with_credentials_from_the_environment(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    result = run(
        "--data-dir",
        str(demo_dir),
        "export",
        "beneficiaries",
        "--format",
        "csv",
        "-o",
        str(out),
        env={"HUBDESK_USER": "amina", "HUBDESK_PASSWORD": "hubdesk-demo"},
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 120
    assert all(r["code"].startswith("TNG-") for r in rows)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"HUBDESK_PASSWORD": "hubdesk-demo"}, "--user NAME or HUBDESK_USER"),
        ({"HUBDESK_USER": "amina"}, "No password"),
        ({"HUBDESK_USER": "amina", "HUBDESK_PASSWORD": "wrong"}, "Wrong user name or password"),
    ],
)
def test_export_without_valid_credentials_fails_clearly(
    demo_dir: Path, tmp_path: Path, env: dict[str, str], message: str
) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HUBDESK_")}
    out = tmp_path / "x.csv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hubdesk",
            "--data-dir",
            str(demo_dir),
            "export",
            "beneficiaries",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, **env},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_demo_never_overwrites_a_real_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(tmp_path)
    Services(db).accounts.create_first_administrator("admin", "Admin", "a-long-password")
    db.close()
    assert main(["--data-dir", str(tmp_path), "demo", "--size", "5", "--no-gui"]) == 2
    assert "holds real data" in capsys.readouterr().err


def test_a_database_held_by_another_hubdesk_is_reported(demo_dir: Path, tmp_path: Path) -> None:
    held = open_database(demo_dir)
    try:
        result = run(
            "--data-dir",
            str(demo_dir),
            "export",
            "beneficiaries",
            "-o",
            str(tmp_path / "x.csv"),
            env={"HUBDESK_USER": "admin", "HUBDESK_PASSWORD": "hubdesk-demo"},
        )
    finally:
        held.close()
    assert result.returncode == 2 and "already open in another hubdesk" in result.stderr


def test_the_format_follows_the_file_name_and_a_bad_folder_is_a_message(demo_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    credentials = {"HUBDESK_USER": "admin", "HUBDESK_PASSWORD": "hubdesk-demo"}
    out = tmp_path / "people.xlsx"
    result = run("--data-dir", str(demo_dir), "export", "beneficiaries", "-o", str(out), env=credentials)
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).active.max_row == 121  # a real workbook: header and 120 people
    bad = run(
        "--data-dir", str(demo_dir), "export", "beneficiaries", "-o", str(tmp_path / "no" / "x.csv"), env=credentials
    )
    assert bad.returncode == 2 and "Could not write" in bad.stderr and "Traceback" not in bad.stderr
