"""``hubdesk print sample`` and ``hubdesk verify`` as a script or a person at a terminal would use them."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from hubdesk.cli import main
from hubdesk.cli_documents import KINDS
from hubdesk.db.database import open_database
from hubdesk.documents.data import CertificateData, PersonRef, Stamp
from hubdesk.documents.samples import sample_certificate
from hubdesk.domain.document_numbers import PREFIXES
from hubdesk.domain.enums import DocumentKind, Role
from hubdesk.services.facade import Services
from tests.integration.test_beneficiary_service import person

PASSWORD = "long-enough-1"


@pytest.mark.parametrize("kind", ["referral", "certificate", "attestation", "summary"])
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_print_sample_writes_a_pdf_without_any_database(
    kind: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HUBDESK_DATA_DIR", str(tmp_path / "never-made"))
    out = tmp_path / f"{kind}-{lang}.pdf"
    assert main(["print", "sample", kind, "--lang", lang, "-o", str(out)]) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) >= 1
    text = reader.pages[0].extract_text()
    assert "K7QM4-XPT9C" in text  # the sample's verification code
    assert f"{PREFIXES[KINDS[kind]]}-TNG-2026-00012" in text
    assert str(out) in capsys.readouterr().out
    assert not (tmp_path / "never-made").exists()


@pytest.mark.parametrize("kind", ["referral", "certificate", "attestation", "summary"])
def test_an_arabic_document_prints_its_number_in_one_piece(kind: str, tmp_path: Path) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main(["print", "sample", kind, "--lang", "ar", "-o", str(out)]) == 0
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert f"{PREFIXES[KINDS[kind]]}-TNG-2026-00012" in text


def test_print_sample_in_a_fresh_process(tmp_path: Path) -> None:
    out = tmp_path / "certificate.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "hubdesk", "print", "sample", "certificate", "--lang", "ar", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_print_sample_reports_a_file_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "sample", "attestation", "-o", str(tmp_path / "missing" / "folder" / "a.pdf")]) == 2
    assert "Cannot write" in capsys.readouterr().err


def test_print_sample_refuses_an_unknown_kind_or_language(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["print", "sample", "diploma", "-o", str(tmp_path / "x.pdf")])
    with pytest.raises(SystemExit):
        main(["print", "sample", "certificate", "--lang", "de", "-o", str(tmp_path / "x.pdf")])


def certificate_of(ref: PersonRef) -> Callable[[Stamp], CertificateData]:
    return lambda stamp: replace(sample_certificate("fr", stamp), person=ref)


@pytest.fixture
def issued(tmp_path: Path) -> tuple[Path, str, str]:
    """A data folder holding one certificate and one cancelled certificate: (folder, valid code, cancelled code)."""
    db = open_database(tmp_path)
    try:
        hub = Services(db)
        hub.accounts.create_first_administrator("admin", "Admin Istrateur", PASSWORD)
        hub.login("admin", PASSWORD)
        hub.accounts.create_user(hub.actor(), "coord", "Khadija Coordinatrice", PASSWORD, Role.COORDINATOR)
        codes = []
        for first, last in (("Aminata", "Diallo"), ("Fatou", "Ndiaye")):
            saved = hub.beneficiaries.create(person(first, last))
            build = certificate_of(PersonRef(saved.code, first, last))
            printed = hub.documents.issue(DocumentKind.CERTIFICATE, f"enrolment:{saved.id}", build, "fr", saved.id)
            codes.append((printed.info.id, printed.info.verification_code))
        hub.login("coord", PASSWORD)
        hub.documents.cancel(codes[1][0], "printed with the wrong dates")
    finally:
        db.close()
    return tmp_path, codes[0][1], codes[1][1]


@pytest.fixture
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBDESK_USER", "admin")
    monkeypatch.setenv("HUBDESK_PASSWORD", PASSWORD)


@pytest.mark.usefixtures("logged_in")
def test_verify_a_valid_code(issued: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, code, _ = issued
    assert main(["--data-dir", str(folder), "verify", code.lower().replace("-", " ")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID: CRT-TNG-")
    assert "training certificate" in out and "Aminata Diallo" in out and "Admin Istrateur" in out
    assert "CANCELLED" not in out


@pytest.mark.usefixtures("logged_in")
def test_verify_a_cancelled_code(issued: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _, code = issued
    assert main(["--data-dir", str(folder), "verify", f"HUBDESK VERIFY CRT-TNG-2026-00002 {code}"]) == 2
    out = capsys.readouterr().out
    assert "Fatou Ndiaye" in out
    assert "by Khadija Coordinatrice: printed with the wrong dates" in out
    assert any(line.startswith("CANCELLED on ") for line in out.splitlines())


@pytest.mark.usefixtures("logged_in")
def test_verify_an_unknown_code(issued: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _, _ = issued
    assert main(["--data-dir", str(folder), "verify", "AAAAA-BBBBB"]) == 1
    assert "No document was issued with code AAAAA-BBBBB" in capsys.readouterr().err
    assert main(["--data-dir", str(folder), "verify", "not a code"]) == 1


def test_verify_needs_a_login(
    issued: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, code, _ = issued
    monkeypatch.delenv("HUBDESK_USER", raising=False)
    assert main(["--data-dir", str(folder), "verify", code]) == 3
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("HUBDESK_PASSWORD", "wrong-password")
    assert main(["--data-dir", str(folder), "verify", "--user", "admin", code]) == 3
    assert "hubdesk: " in capsys.readouterr().err


def test_verify_in_a_fresh_process(issued: tuple[Path, str, str]) -> None:
    folder, code, _ = issued
    result = subprocess.run(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(folder), "verify", "--user", "admin", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HUBDESK_PASSWORD": PASSWORD},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert code in result.stdout


@pytest.mark.usefixtures("logged_in")
def test_verify_works_while_hubdesk_is_open_on_the_database(
    issued: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, code, _ = issued
    running = open_database(folder)  # the application, holding the lock
    try:
        assert main(["--data-dir", str(folder), "verify", code]) == 0
    finally:
        running.close()
    assert capsys.readouterr().out.startswith("VALID: ")
