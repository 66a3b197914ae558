"""``hubdesk print certificate|attestation`` and ``hubdesk export ventures|trainings`` as a script would use them."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from hubdesk.cli import main
from hubdesk.db.database import open_database
from hubdesk.db.models import AuditEvent
from hubdesk.domain.enums import Role
from hubdesk.services.facade import Services
from tests.integration.test_entrepreneurship_export import attend
from tests.integration.venture_helpers import collective, people, training
from tests.pdf_reading import has_all_words, page_count, pdf_text

PASSWORD = "long-enough-1"


@dataclass(frozen=True)
class Folder:
    data: Path
    training_code: str
    #: Aminata Diallo and Moussa Traoré completed the training, Fatou Ndiaye came once in three days
    aminata: str
    moussa: str
    fatou: str
    #: Ibrahim Koné: no training, no project
    ibrahim: str
    venture_code: str


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    data = tmp_path / "data"
    db = open_database(data)
    try:
        hub = Services(db)
        hub.accounts.create_first_administrator("admin", "Admin Istrateur", PASSWORD)
        hub.login("admin", PASSWORD)
        hub.accounts.create_user(hub.actor(), "dora", "Dora Données", PASSWORD, Role.DATA_OFFICER)
        four = people(hub, 4)
        trio = four[:3]
        training_id = training(hub, days=3, title="Créer son entreprise")
        hub.trainings.enrol(training_id, [p.id for p in trio])
        attend(hub, training_id, {trio[0].id: 3, trio[1].id: 3, trio[2].id: 1})
        venture_id = collective(hub, trio)
        aminata, moussa, fatou, ibrahim = (p.code for p in four)
        training_code = hub.trainings.get(training_id).code
        return Folder(data, training_code, aminata, moussa, fatou, ibrahim, hub.ventures.get(venture_id).code)
    finally:
        db.close()


@pytest.fixture(autouse=True)
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBDESK_USER", "admin")
    monkeypatch.setenv("HUBDESK_PASSWORD", PASSWORD)


def hubdesk(folder: Folder, *args: str) -> int:
    return main(["--data-dir", str(folder.data), *args])


def saved_events(folder: Folder) -> list[str]:
    db = open_database(folder.data)
    try:
        with db.unit_of_work() as uow:
            return list(
                uow.session.scalars(
                    select(AuditEvent.summary).where(AuditEvent.action == "export", AuditEvent.entity == "document")
                )
            )
    finally:
        db.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_print_the_certificates_of_everyone_who_completed_in_one_pdf(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "certificates.pdf"
    typed = folder.training_code.lower().replace("-", " ").replace(" 000", " ")  # trn tng 2026 1
    assert hubdesk(folder, "print", "certificate", typed, "--lang", "fr", "-o", str(out)) == 0
    pdf = out.read_bytes()
    text = pdf_text(pdf)
    assert page_count(pdf) == 2
    assert has_all_words(pdf, "Aminata DIALLO Moussa TRAORÉ Créer son entreprise")
    assert "Fatou" not in text and "NDIAYE" not in text.upper()
    year = folder.training_code.split("-")[2]
    said = capsys.readouterr().out
    assert said == (
        f"2 certificates (CRT-TNG-{year}-00001 … 00002) for {folder.training_code} (fr) written to {out}.\n"
    )
    assert saved_events(folder) == [f"saved CRT-TNG-{year}-0000{n} to {out}" for n in (1, 2)]
    arabic = tmp_path / "ar.pdf"
    assert hubdesk(folder, "print", "certificate", folder.training_code, "--lang", "ar", "-o", str(arabic)) == 0
    assert page_count(arabic.read_bytes()) == 2 and "00003 … 00004" in capsys.readouterr().out


def test_print_one_trainees_certificate_then_a_reprint(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "moussa.pdf"
    args = ["print", "certificate", folder.training_code, "--person", folder.moussa.lower(), "-o", str(out)]
    assert hubdesk(folder, *args) == 0
    year = folder.training_code.split("-")[2]
    assert has_all_words(out.read_bytes(), f"Moussa TRAORÉ CRT-TNG-{year}-00001")
    assert "Aminata" not in pdf_text(out.read_bytes())
    assert capsys.readouterr().out == (
        f"Certificate CRT-TNG-{year}-00001 of {folder.moussa} Moussa TRAORÉ for {folder.training_code} (fr) "
        f"written to {out}.\n"
    )
    assert hubdesk(folder, *args) == 0
    assert f"reprint of CRT-TNG-{year}-00001" in capsys.readouterr().out


def test_a_trainee_who_did_not_complete_is_refused_with_the_reason(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fatou.pdf"
    args = ["print", "certificate", folder.training_code, "--person", folder.fatou, "-o", str(out)]
    assert hubdesk(folder, *args) == 3
    err = capsys.readouterr().err
    assert f"{folder.fatou} Fatou NDIAYE did not complete {folder.training_code}: attended 1 of 3 days" in err
    assert "Traceback" not in err and not out.exists()
    outsider = ["print", "certificate", folder.training_code, "--person", folder.ibrahim, "-o", str(out)]
    assert hubdesk(folder, *outsider) == 3
    assert f"This person is not enrolled in {folder.training_code}." in capsys.readouterr().err
    assert saved_events(folder) == []


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("training", "No training has the code TRN-TNG-1999-0042. Training codes look like TRN-TNG-2026-0003."),
        ("person", "No person has the code TNG-1999-00042. Person codes look like TNG-2026-00012."),
    ],
)
def test_an_unknown_training_or_person_code_is_a_message_and_exit_code_1(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str, message: str
) -> None:
    out = tmp_path / "x.pdf"
    training_code = "TRN-TNG-1999-0042" if which == "training" else folder.training_code
    args = ["print", "certificate", training_code, "-o", str(out)]
    if which == "person":
        args += ["--person", "tng 1999 42"]
    assert hubdesk(folder, *args) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"hubdesk: {message}" and not out.exists()


def test_print_certificate_refuses_a_missing_folder_before_registering(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing" / "c.pdf"
    assert hubdesk(folder, "print", "certificate", folder.training_code, "-o", str(missing)) == 2
    assert "the folder" in capsys.readouterr().err and not missing.parent.exists()
    out = tmp_path / "c.pdf"
    assert hubdesk(folder, "print", "certificate", folder.training_code, "-o", str(out)) == 0
    assert "00001 … 00002" in capsys.readouterr().out  # the failed attempt took no number


def test_print_the_support_attestation_of_a_person_by_code(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "attestation.pdf"
    assert hubdesk(folder, "print", "attestation", folder.aminata, "--lang", "en", "-o", str(out)) == 0
    assert has_all_words(out.read_bytes(), f"Aminata DIALLO {folder.aminata}")
    said = capsys.readouterr().out
    year = folder.aminata.split("-")[1]
    assert said.startswith(f"Support attestation ATT-TNG-{year}-00001 of {folder.aminata} Aminata DIALLO")
    assert "(counselling and business creation since 02/03/2026, en)" in said and str(out) in said
    assert saved_events(folder) == [f"saved ATT-TNG-{year}-00001 to {out}"]
    alone = tmp_path / "ibrahim.pdf"
    assert hubdesk(folder, "print", "attestation", folder.ibrahim.replace("-", " "), "-o", str(alone)) == 0
    assert "(counselling since 02/03/2026, fr)" in capsys.readouterr().out  # no project, no support action
    assert hubdesk(folder, "print", "attestation", "TNG-1999-00042", "-o", str(alone)) == 1
    assert "No person has the code TNG-1999-00042" in capsys.readouterr().err


def test_a_data_officer_cannot_print(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUBDESK_USER", "dora")
    out = tmp_path / "x.pdf"
    assert hubdesk(folder, "print", "attestation", folder.aminata, "-o", str(out)) == 2
    assert "Your role cannot" in capsys.readouterr().err and not out.exists()


def test_export_ventures_to_json_and_csv(folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ventures.json"
    assert hubdesk(folder, "export", "ventures", "--format", "json", "-o", str(out)) == 0
    assert capsys.readouterr().out == f"Exported 1 ventures to {out}.\n"
    (venture,) = json.loads(out.read_text(encoding="utf-8"))
    assert venture["code"] == folder.venture_code and venture["kind"] == "collective"
    assert venture["members"].split() == [folder.aminata, folder.moussa, folder.fatou]
    table = tmp_path / "ventures.csv"
    assert hubdesk(folder, "export", "ventures", "-o", str(table)) == 0
    assert [(r["code"], r["member_count"]) for r in read_csv(table)] == [(folder.venture_code, "3")]


def test_export_trainings_one_row_per_trainee(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "trainings.csv"
    assert hubdesk(folder, "export", "trainings", "-o", str(out)) == 0
    assert capsys.readouterr().out == f"Exported 3 trainees of trainings (one row each) to {out}.\n"
    rows = {r["person_code"]: r for r in read_csv(out)}
    assert [rows[c]["completed"] for c in (folder.aminata, folder.moussa, folder.fatou)] == ["true", "true", "false"]


def test_export_without_a_file_name_writes_one_here(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert hubdesk(folder, "export", "trainings", "--format", "xlsx") == 0
    (written,) = tmp_path.glob("trainings-*.xlsx")
    assert f"to {written.name}." in capsys.readouterr().out
    assert hubdesk(folder, "export", "sessions") == 2  # the other exports still need -o
    assert "Say which file to write the sessions to: -o FILE." in capsys.readouterr().err


def test_a_period_does_not_filter_ventures(folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "v.csv"
    assert hubdesk(folder, "export", "ventures", "--from", "2026-01-01", "-o", str(out)) == 2
    assert "--from filters beneficiaries, sessions and referrals, not ventures." in capsys.readouterr().err
    assert not out.exists()


def test_the_print_help_lists_the_new_documents(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    assert "{sample,referral,certificate,attestation}" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["print", "certificate", "--help"])
    assert "Exit code: 0 printed, 1 no training or person has this code, 3 refused" in capsys.readouterr().out
