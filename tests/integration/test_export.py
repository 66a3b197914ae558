"""Exports: every format reads back, formulas are neutralised, and the export is audited."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hubdesk.domain.enums import Role
from hubdesk.domain.errors import PermissionDenied
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery
from tests.integration.test_beneficiary_service import person


@pytest.fixture
def registered(services: Services) -> Services:
    services.beneficiaries.create(person())
    services.beneficiaries.create(person('=HYPERLINK("http://x")', "@Sow", arabic_name="عائشة سو"))
    return services


def test_csv_reads_back_with_arabic_and_neutralised_formulas(registered: Services, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    assert registered.exports.export_beneficiaries(out, "csv") == 2
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {r["code"]: r for r in rows}
    assert by_code["TNG-2026-00001"]["last_name"] == "Diallo"
    risky = by_code["TNG-2026-00002"]
    assert risky["first_name"].startswith("'=") and risky["last_name"] == "'@Sow"
    assert risky["arabic_name"] == "عائشة سو"
    assert by_code["TNG-2026-00001"]["phones"] == "'+221771234567"


def test_xlsx_and_json_read_back(registered: Services, tmp_path: Path) -> None:
    registered.exports.export_beneficiaries(tmp_path / "p.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "p.xlsx").active
    assert sheet is not None
    values = list(sheet.values)
    header = list(values[0])
    assert len(values) == 3
    last_names = {row[header.index("last_name")] for row in values[1:]}
    assert last_names == {"Diallo", "@Sow"}  # a text cell: Excel never runs it
    first_names = {row[header.index("first_name")] for row in values[1:]}
    assert '\'=HYPERLINK("http://x")' in first_names  # openpyxl would have written a formula
    phones = {row[header.index("phones")] for row in values[1:]}
    assert "+221771234567" in phones
    registered.exports.export_beneficiaries(tmp_path / "p.json", "json")
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert {d["code"] for d in data} == {"TNG-2026-00001", "TNG-2026-00002"}
    assert {d["last_name"] for d in data} == {"Diallo", "@Sow"}


def test_filters_apply_and_the_export_is_audited(registered: Services, tmp_path: Path) -> None:
    count = registered.exports.export_beneficiaries(tmp_path / "w.csv", "csv", BeneficiaryQuery(sex="male"))
    assert count == 0
    from sqlalchemy import select

    from hubdesk.db.models import AuditEvent

    with registered.database.unit_of_work() as uow:
        event = uow.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
        assert event is not None and event.username == "admin" and "0 people" in event.summary


def test_read_only_users_cannot_export(registered: Services, tmp_path: Path) -> None:
    registered.accounts.create_user(registered.actor(), "lecture", "L", "long-enough-1", Role.READ_ONLY)
    registered.login("lecture", "long-enough-1")
    with pytest.raises(PermissionDenied):
        registered.exports.export_beneficiaries(tmp_path / "x.csv", "csv")
    assert not (tmp_path / "x.csv").exists()


def test_the_export_follows_the_search_typed_in_the_list(registered: Services, tmp_path: Path) -> None:
    count = registered.exports.export_beneficiaries(tmp_path / "s.csv", "csv", BeneficiaryQuery(text="diallo"))
    assert count == 1
    assert "Diallo" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")


def test_a_file_that_cannot_be_written_gives_a_message_and_leaves_nothing(registered: Services, tmp_path: Path) -> None:
    from hubdesk.domain.errors import HubdeskError

    target = tmp_path / "missing-folder" / "people.csv"
    with pytest.raises(HubdeskError, match="Could not write"):
        registered.exports.export_beneficiaries(target, "csv")
    assert not target.parent.exists() or not any(target.parent.iterdir())
