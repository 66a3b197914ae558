"""Exporting business projects and trainees: every format reads back, people by code, totals, audited."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hubdesk.db.models import AuditEvent
from hubdesk.domain.enums import FinancingKind, LegalForm, Role, SupportActionKind, VentureKind, VentureStage
from hubdesk.domain.errors import HubdeskError, PermissionDenied, ValidationError
from hubdesk.services.entrepreneurship_export import TRAINING_COLUMNS, VENTURE_COLUMNS, EntrepreneurshipExport
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import FinancingDraft, MemberDraft, SupportActionDraft, VentureDraft
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import TODAY, collective, people, training


def exporter(hub: Services) -> EntrepreneurshipExport:
    return EntrepreneurshipExport(hub.database, hub.actor)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def attend(hub: Services, training_id: str, days_of: dict[str, int]) -> None:
    """Each person (by id) present on the first ``n`` days of the training."""
    info = hub.trainings.get(training_id)
    for index, day in enumerate(info.days):
        present = {t.enrolment_id for t in info.trainees if days_of.get(t.beneficiary_id, 0) > index}
        hub.trainings.mark_attendance(training_id, day.held_on, present)


@pytest.fixture
def ventures(services: Services) -> Services:
    """A collective project of three (created, two financing lines, two support actions) and an individual
    project of the fourth person (an idea, nothing else)."""
    four = people(services, 4)
    venture_id = collective(services, four[:3], started_on=TODAY - timedelta(days=90))
    for stage, days_ago in ((VentureStage.PRE_INCUBATION, 60), (VentureStage.CREATED, 10)):
        services.ventures.move(venture_id, stage, TODAY - timedelta(days=days_ago))
    info = services.ventures.get(venture_id)
    services.ventures.update(
        venture_id,
        VentureDraft(info.draft.name, VentureKind.COLLECTIVE, legal_form=LegalForm.COOPERATIVE, jobs_created=4),
    )
    asked = TODAY - timedelta(days=40)
    services.ventures.add_financing(
        venture_id,
        FinancingDraft(FinancingKind.HONOUR_LOAN, 50_000, asked, "Forsa", 40_000, TODAY - timedelta(days=20)),
    )
    services.ventures.add_financing(venture_id, FinancingDraft(FinancingKind.GRANT, 20_000, asked))  # awaited
    for hours in (2.0, 1.5):
        services.support_actions.record(
            SupportActionDraft(SupportActionKind.COACHING, TODAY - timedelta(days=30), hours), venture_id=venture_id
        )
    services.support_actions.record(  # given to a member, not to the project: not counted on it
        SupportActionDraft(SupportActionKind.FORMALITIES, TODAY - timedelta(days=5)), beneficiary_id=four[0].id
    )
    services.ventures.create(
        VentureDraft(name="Épicerie Awa"), [MemberDraft(four[3].id)], started_on=TODAY - timedelta(days=3)
    )
    return services


@pytest.fixture
def trainees(services: Services) -> tuple[Services, list[str]]:
    """A 5-day training: Aminata 5 days, Moussa 4, Fatou 2; Aminata's certificate printed. Returns person codes."""
    trio = people(services, 3)
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [p.id for p in trio])
    attend(services, training_id, {trio[0].id: 5, trio[1].id: 4, trio[2].id: 2})
    services.training_documents.certificate(training_id, trio[0].id, "fr")
    return services, [p.code for p in trio]


def test_ventures_to_csv_one_row_per_project_with_member_codes_and_totals(ventures: Services, tmp_path: Path) -> None:
    out = tmp_path / "ventures.csv"
    assert exporter(ventures).export_ventures(out, "csv") == 2
    rows = read_csv(out)
    assert tuple(rows[0]) == VENTURE_COLUMNS
    year = (TODAY - timedelta(days=90)).year
    group = next(r for r in rows if r["kind"] == "collective")
    assert group["code"].startswith(f"PRJ-TNG-{year}-") and group["name"] == "Coopérative Couture Solidaire"
    assert group["members"] == "TNG-2026-00001 TNG-2026-00002 TNG-2026-00003" and group["member_count"] == "3"
    assert (group["stage"], group["stage_since"], group["created_on"]) == (
        "created",
        (TODAY - timedelta(days=10)).isoformat(),
        (TODAY - timedelta(days=10)).isoformat(),
    )
    assert (group["legal_form"], group["jobs_created"], group["started_on"]) == (
        "cooperative",
        "4",
        (TODAY - timedelta(days=90)).isoformat(),
    )
    assert (group["financing_requested_mad"], group["financing_obtained_mad"]) == ("70000", "40000")
    assert (group["support_actions"], group["support_hours"]) == ("2", "3.5")
    assert group["counsellor"] == "Admin Istrateur" and group["ended_on"] == ""
    alone = next(r for r in rows if r["kind"] == "individual")
    assert (alone["members"], alone["member_count"], alone["stage"]) == ("TNG-2026-00004", "1", "idea")
    assert (alone["financing_requested_mad"], alone["support_actions"], alone["support_hours"]) == ("0", "0", "0.0")
    assert "Aminata" not in out.read_text(encoding="utf-8-sig")  # people are named by their code only


def test_ventures_to_xlsx_and_json(ventures: Services, tmp_path: Path) -> None:
    assert exporter(ventures).export_ventures(tmp_path / "v.xlsx", "xlsx") == 2
    workbook = load_workbook(tmp_path / "v.xlsx")
    assert workbook.sheetnames == ["ventures"]
    values = list(workbook["ventures"].values)
    assert tuple(values[0]) == VENTURE_COLUMNS and len(values) == 3
    group = next(dict(zip(values[0], v, strict=True)) for v in values[1:] if v[2] == "collective")
    assert group["member_count"] == 3 and group["financing_obtained_mad"] == 40_000 and group["support_hours"] == 3.5
    assert exporter(ventures).export_ventures(tmp_path / "v.json", "json") == 2
    data = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert [list(d) for d in data] == [list(VENTURE_COLUMNS)] * 2
    group = next(d for d in data if d["kind"] == "collective")
    assert group["members"].split() == ["TNG-2026-00001", "TNG-2026-00002", "TNG-2026-00003"]
    assert group["financing_requested_mad"] == 70_000 and group["support_actions"] == 2
    assert group["created_on"] == (TODAY - timedelta(days=10)).isoformat()


def test_a_deleted_project_or_member_is_left_out(ventures: Services, tmp_path: Path) -> None:
    rows = {r["kind"]: r for r in read_csv(_exported(ventures, tmp_path / "before.csv"))}
    ventures.beneficiaries.delete(ventures.search.search("TNG-2026-00002")[0].id)
    ventures.ventures.delete(ventures.ventures.find(rows["individual"]["code"]).id)
    after = read_csv(_exported(ventures, tmp_path / "after.csv"))
    assert [(r["code"], r["members"]) for r in after] == [(rows["collective"]["code"], "TNG-2026-00001 TNG-2026-00003")]


def _exported(hub: Services, path: Path) -> Path:
    exporter(hub).export_ventures(path, "csv")
    return path


def test_trainings_one_row_per_trainee_with_attendance_completion_and_certificate(
    trainees: tuple[Services, list[str]], tmp_path: Path
) -> None:
    hub, codes = trainees
    out = tmp_path / "trainings.csv"
    assert exporter(hub).export_trainings(out, "csv") == 3
    rows = read_csv(out)
    assert tuple(rows[0]) == TRAINING_COLUMNS
    by_person = {r["person_code"]: r for r in rows}
    assert set(by_person) == set(codes)
    first = by_person[codes[0]]
    assert first["training_code"].startswith("TRN-TNG-") and first["title"] == "Créer son entreprise"
    assert (first["theme"], first["trainer"], first["place"]) == ("entrepreneurship", "Salma Bennani", "HUB Tanger")
    assert (first["days"], first["hours"]) == ("5", "15.0")
    assert first["first_day"] == (TODAY - timedelta(days=7)).isoformat()
    assert first["last_day"] == (TODAY - timedelta(days=3)).isoformat()
    assert [(by_person[c]["days_attended"], by_person[c]["completed"]) for c in codes] == [
        ("5", "true"),
        ("4", "true"),
        ("2", "false"),
    ]
    assert [by_person[c]["certificate_issued"] for c in codes] == ["true", "false", "false"]


def test_an_exception_and_a_cancelled_certificate_show_in_the_trainings_export(
    trainees: tuple[Services, list[str]], tmp_path: Path
) -> None:
    hub, codes = trainees
    info = hub.trainings.find(read_csv(_trainings(hub, tmp_path / "a.csv"))[0]["training_code"])
    fatou = next(t for t in info.trainees if t.person_code == codes[2])
    hub.trainings.grant_exception(fatou.enrolment_id, "Sat the OFPPT exam on days 3 to 5")
    hub.training_documents.certificate(info.id, fatou.beneficiary_id, "ar")
    register = hub.documents.register()
    first = next(d for d in register if d.person_code == codes[0])
    hub.documents.cancel(first.id, "Printed with a typing error in the name")
    rows = {r["person_code"]: r for r in read_csv(_trainings(hub, tmp_path / "b.csv"))}
    assert (rows[codes[2]]["completed"], rows[codes[2]]["exception_reason"]) == (
        "false",
        "Sat the OFPPT exam on days 3 to 5",
    )
    assert [rows[c]["certificate_issued"] for c in codes] == ["false", "false", "true"]


def _trainings(hub: Services, path: Path) -> Path:
    exporter(hub).export_trainings(path, "csv")
    return path


def test_trainings_to_xlsx_and_json(trainees: tuple[Services, list[str]], tmp_path: Path) -> None:
    hub, codes = trainees
    assert exporter(hub).export_trainings(tmp_path / "t.xlsx", "xlsx") == 3
    values = list(load_workbook(tmp_path / "t.xlsx")["trainings"].values)
    assert tuple(values[0]) == TRAINING_COLUMNS and len(values) == 4
    rows = {r["person_code"]: r for r in (dict(zip(values[0], v, strict=True)) for v in values[1:])}
    assert rows[codes[1]]["completed"] is True and rows[codes[2]]["completed"] is False
    assert rows[codes[0]]["days_attended"] == 5 and rows[codes[0]]["hours"] == 15
    assert exporter(hub).export_trainings(tmp_path / "t.json", "json") == 3
    data = {d["person_code"]: d for d in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))}
    assert data[codes[0]]["certificate_issued"] is True and data[codes[2]]["completed"] is False
    assert data[codes[2]]["days_attended"] == 2 and data[codes[2]]["days"] == 5


def test_the_exports_are_audited_with_the_file_and_the_count(ventures: Services, tmp_path: Path) -> None:
    exporter(ventures).export_ventures(tmp_path / "v.json", "json")
    exporter(ventures).export_trainings(tmp_path / "t.csv", "csv")
    with ventures.database.unit_of_work() as uow:
        events = {
            e.entity: (e.username, e.summary, json.loads(e.diff))
            for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        }
    username, summary, diff = events["venture"]
    assert username == "admin" and "exported 2 ventures to JSON (v.json)" in summary
    assert diff["count"] == 2 and diff["file"] == str(tmp_path / "v.json") and diff["format"] == "json"
    _, summary, diff = events["training"]
    assert "exported 0 trainings to CSV (t.csv)" in summary and diff["count"] == 0


def test_read_only_users_and_data_officers_cannot_export_projects_or_trainings(
    ventures: Services, tmp_path: Path
) -> None:
    for role in (Role.READ_ONLY, Role.DATA_OFFICER):
        refused = exporter(as_role(ventures, role))
        with pytest.raises(PermissionDenied):
            refused.export_ventures(tmp_path / "x.csv", "csv")
        with pytest.raises(PermissionDenied):
            refused.export_trainings(tmp_path / "x.csv", "csv")
    assert not (tmp_path / "x.csv").exists()
    counsellor = exporter(as_role(ventures, Role.COUNSELLOR))
    assert counsellor.export_ventures(tmp_path / "c.csv", "csv") == 2


def test_an_unknown_format_or_a_missing_folder_is_a_message_and_leaves_no_file(
    ventures: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationError) as fmt:
        exporter(ventures).export_ventures(folder / "x.ods", "ods")
    assert "format" in fmt.value.errors
    with pytest.raises(HubdeskError, match="Could not write"):
        exporter(ventures).export_trainings(folder / "missing" / "x.csv", "csv")
    assert list(folder.iterdir()) == []
