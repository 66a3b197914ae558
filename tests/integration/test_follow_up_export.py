"""Exporting sessions and referrals: every format reads back, confidential notes stay hidden, audited."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hubdesk.db.models import AuditEvent
from hubdesk.domain.enums import ReferralOutcome, ReferralPriority, ReferralStatus, Role, SessionMode, SessionType
from hubdesk.domain.errors import HubdeskError, PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.follow_up_export import REFERRAL_COLUMNS, SESSION_COLUMNS, FollowUpExport
from hubdesk.services.guidance_readmodels import ReferralQuery, SessionQuery
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import other_counsellor, partner_id, referral_to, session_on, sharing_person
from tests.integration.test_document_register import as_role

TODAY = date.today()
EARLY = TODAY - timedelta(days=40)
LATE = TODAY - timedelta(days=10)
#: the days referrals are made on: one year, so that their codes follow each other
MADE_EARLY = date(2026, 4, 1)
MADE_LATE = date(2026, 6, 1)


def exporter(hub: Services) -> FollowUpExport:
    return FollowUpExport(hub.database, hub.actor)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def on_day(hub: Services, day: date) -> Services:
    """The administrator on a services facade whose today is ``day`` (referrals are made today)."""
    other = Services(hub.database, today=lambda: day)
    other.login("admin", ADMIN_PASSWORD)
    return other


@pytest.fixture
def sessions(services: Services) -> tuple[Services, Services]:
    """Two sessions of Aminata Diallo: an open one by the administrator, a confidential one by a counsellor.

    Returns (the administrator, the counsellor who wrote the confidential session).
    """
    saved = sharing_person(services)
    services.guidance.record_session(
        saved.id,
        session_on(
            EARLY,
            follow_up_in=14,
            session_type=SessionType.JOB_SEARCH,
            mode=SessionMode.PHONE,
            duration_minutes=30,
            topics='=HYPERLINK("http://x")',
            notes="Wants hotel work",
            agreed_actions="Bring the CV",
        ),
    )
    author = as_role(services, Role.COUNSELLOR)
    author.guidance.record_session(
        saved.id,
        session_on(LATE, notes="Talked about the journey", confidential=True, agreed_actions="See a doctor"),
    )
    return services, author


def test_sessions_to_csv_with_local_times_codes_and_neutralised_formulas(
    sessions: tuple[Services, Services], tmp_path: Path
) -> None:
    admin, _ = sessions
    out = tmp_path / "sessions.csv"
    assert exporter(admin).export_sessions(out, "csv") == 2
    rows = read_csv(out)
    assert tuple(rows[0]) == SESSION_COLUMNS
    first, second = rows  # oldest first
    assert first["person_code"] == "TNG-2026-00001"
    assert first["held_at"].startswith(f"{EARLY.isoformat()}T10:00")  # the local time the counsellor typed
    assert (first["session_type"], first["mode"], first["duration_minutes"]) == ("job_search", "phone", "30")
    assert first["counsellor"] == "Admin Istrateur"
    assert first["topics"] == '\'=HYPERLINK("http://x")'
    assert (first["notes"], first["agreed_actions"], first["confidential"]) == (
        "Wants hotel work",
        "Bring the CV",
        "false",
    )
    assert first["next_follow_up"] == (EARLY + timedelta(days=14)).isoformat()
    assert second["confidential"] == "true" and second["next_follow_up"] == ""
    assert second["notes"] == "Talked about the journey"  # the administrator reads every note


def test_a_confidential_note_is_empty_in_another_counsellors_export(
    sessions: tuple[Services, Services], tmp_path: Path
) -> None:
    admin, author = sessions
    colleague = other_counsellor(admin)
    assert exporter(colleague).export_sessions(tmp_path / "colleague.csv", "csv") == 2
    hidden = read_csv(tmp_path / "colleague.csv")[1]
    assert hidden["confidential"] == "true" and hidden["notes"] == "" and hidden["agreed_actions"] == ""
    assert read_csv(tmp_path / "colleague.csv")[0]["notes"] == "Wants hotel work"  # not confidential
    exporter(author).export_sessions(tmp_path / "author.csv", "csv")
    assert read_csv(tmp_path / "author.csv")[1]["agreed_actions"] == "See a doctor"
    exporter(colleague).export_sessions(tmp_path / "colleague.json", "json")
    data = json.loads((tmp_path / "colleague.json").read_text(encoding="utf-8"))
    assert data[1]["confidential"] is True and data[1]["notes"] == "" and data[1]["agreed_actions"] == ""


def test_sessions_to_xlsx_and_json(sessions: tuple[Services, Services], tmp_path: Path) -> None:
    admin, _ = sessions
    assert exporter(admin).export_sessions(tmp_path / "s.xlsx", "xlsx") == 2
    workbook = load_workbook(tmp_path / "s.xlsx")
    assert workbook.sheetnames == ["sessions"]
    values = list(workbook["sessions"].values)
    header = list(values[0])
    assert tuple(header) == SESSION_COLUMNS and len(values) == 3
    first = dict(zip(header, values[1], strict=True))
    assert first["topics"] == '\'=HYPERLINK("http://x")'  # openpyxl would have written a formula
    assert first["duration_minutes"] == 30 and first["confidential"] is False
    assert first["session_type"] == "job_search" and first["notes"] == "Wants hotel work"
    assert exporter(admin).export_sessions(tmp_path / "s.json", "json") == 2
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert [list(d) for d in data] == [list(SESSION_COLUMNS)] * 2
    assert data[0]["topics"] == '=HYPERLINK("http://x")'  # JSON runs nothing: as recorded
    assert data[0]["next_follow_up"] == (EARLY + timedelta(days=14)).isoformat()
    assert data[0]["duration_minutes"] == 30 and data[1]["notes"] == "Talked about the journey"


def test_sessions_are_filtered_by_period(sessions: tuple[Services, Services], tmp_path: Path) -> None:
    admin, _ = sessions
    late = SessionQuery(held_from=LATE - timedelta(days=1))
    assert exporter(admin).export_sessions(tmp_path / "late.csv", "csv", late) == 1
    assert read_csv(tmp_path / "late.csv")[0]["held_at"].startswith(LATE.isoformat())
    early = SessionQuery(held_from=EARLY, held_to=EARLY)
    assert exporter(admin).export_sessions(tmp_path / "early.csv", "csv", early) == 1
    assert read_csv(tmp_path / "early.csv")[0]["held_at"].startswith(EARLY.isoformat())
    with pytest.raises(ValidationError) as backwards:
        exporter(admin).export_sessions(tmp_path / "x.csv", "csv", SessionQuery(held_from=LATE, held_to=EARLY))
    assert "period" in backwards.value.errors and not (tmp_path / "x.csv").exists()


@pytest.fixture
def referrals(services: Services) -> Services:
    """Three referrals of Aminata Diallo: ANAPEC sent early and completed; OFPPT draft late; ANAPEC sent late."""
    saved = sharing_person(services)
    early, late = on_day(services, MADE_EARLY), on_day(services, MADE_LATE)
    urgent = referral_to(services, service="=Idmaj", priority=ReferralPriority.URGENT)
    done = early.referrals.create(saved.id, urgent, send=True)
    early.referrals.record_feedback(done.code, ReferralOutcome.SERVICE_GIVEN)
    late.referrals.create(saved.id, referral_to(services, "OFPPT", service="Cuisine"))
    late.referrals.create(saved.id, referral_to(services, service="Inscription"), send=True)
    return services


def test_referrals_to_csv_xlsx_and_json(referrals: Services, tmp_path: Path) -> None:
    assert exporter(referrals).export_referrals(tmp_path / "r.csv", "csv") == 3
    rows = read_csv(tmp_path / "r.csv")
    assert tuple(rows[0]) == REFERRAL_COLUMNS
    assert [r["code"] for r in rows] == ["REF-TNG-2026-0001", "REF-TNG-2026-0002", "REF-TNG-2026-0003"]
    done = rows[0]
    assert done["person_code"] == "TNG-2026-00001" and done["partner"].startswith("ANAPEC")
    assert done["service"] == "'=Idmaj"
    assert (done["priority"], done["channel"], done["status"]) == ("urgent", "letter", "completed")
    assert done["referred_on"] == done["sent_on"] == done["answered_on"] == done["closed_on"] == "2026-04-01"
    assert (done["successful"], done["failure_reason"], done["feedback_days"]) == ("true", "", "0")
    assert done["counsellor"] == "Admin Istrateur" and done["consent_override"] == ""
    draft = rows[1]
    assert draft["status"] == "draft" and draft["sent_on"] == "" and draft["successful"] == ""
    exporter(referrals).export_referrals(tmp_path / "r.xlsx", "xlsx")
    values = list(load_workbook(tmp_path / "r.xlsx")["referrals"].values)
    assert tuple(values[0]) == REFERRAL_COLUMNS and len(values) == 4
    first = dict(zip(values[0], values[1], strict=True))
    assert first["service"] == "'=Idmaj" and first["successful"] is True and first["status"] == "completed"
    exporter(referrals).export_referrals(tmp_path / "r.json", "json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in data] == ["completed", "draft", "sent"]
    assert data[0]["referred_on"] == "2026-04-01" and data[0]["successful"] is True
    assert data[1]["successful"] is None and data[0]["service"] == "=Idmaj"


def test_referrals_are_filtered_by_partner_status_and_period(referrals: Services, tmp_path: Path) -> None:
    def codes(query: ReferralQuery) -> list[str]:
        out = tmp_path / "f.csv"
        count = exporter(referrals).export_referrals(out, "csv", query)
        rows = read_csv(out)
        assert count == len(rows)
        return [r["code"][-4:] for r in rows]

    anapec = partner_id(referrals, "ANAPEC")
    assert codes(ReferralQuery(partner_id=anapec)) == ["0001", "0003"]
    assert codes(ReferralQuery(partner_id=partner_id(referrals, "OFPPT"))) == ["0002"]
    assert codes(ReferralQuery(status=ReferralStatus.SENT)) == ["0003"]
    assert codes(ReferralQuery(referred_from=MADE_LATE)) == ["0002", "0003"]
    assert codes(ReferralQuery(referred_from=MADE_EARLY, referred_to=MADE_LATE - timedelta(days=1))) == ["0001"]
    assert codes(ReferralQuery(partner_id=anapec, referred_from=MADE_LATE, status=ReferralStatus.SENT)) == ["0003"]
    assert codes(ReferralQuery(status=ReferralStatus.CANCELLED)) == []
    assert read_csv(tmp_path / "f.csv") == [] and (tmp_path / "f.csv").read_text(encoding="utf-8-sig").startswith(
        "code,person_code,"
    )


def test_the_export_is_audited_with_the_file_and_the_count(referrals: Services, tmp_path: Path) -> None:
    out = tmp_path / "sent.json"
    exporter(referrals).export_referrals(out, "json", ReferralQuery(status=ReferralStatus.SENT))
    exporter(referrals).export_sessions(tmp_path / "none.csv", "csv")
    with referrals.database.unit_of_work() as uow:
        events = {
            e.entity: (e.username, e.summary, json.loads(e.diff))
            for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        }
    username, summary, diff = events["referral"]
    assert username == "admin" and "exported 1 referrals to JSON (sent.json)" in summary
    assert diff["count"] == 1 and diff["file"] == str(out) and diff["filters"] == {"status": "sent"}
    _, summary, diff = events["guidance_session"]
    assert diff["count"] == 0 and "exported 0 sessions to CSV" in summary


def test_read_only_users_and_data_officers_cannot_export_follow_up(
    sessions: tuple[Services, Services], tmp_path: Path
) -> None:
    admin, _ = sessions
    for role in (Role.READ_ONLY, Role.DATA_OFFICER):
        refused = exporter(as_role(admin, role))
        with pytest.raises(PermissionDenied):
            refused.export_sessions(tmp_path / "x.csv", "csv")
        with pytest.raises(PermissionDenied):
            refused.export_referrals(tmp_path / "x.csv", "csv")
    assert not (tmp_path / "x.csv").exists()


def test_an_unknown_format_or_a_missing_folder_is_a_message_and_leaves_no_file(
    sessions: tuple[Services, Services], tmp_path: Path
) -> None:
    admin, _ = sessions
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationError) as fmt:
        exporter(admin).export_sessions(folder / "x.ods", "ods")
    assert "format" in fmt.value.errors
    with pytest.raises(HubdeskError, match="Could not write"):
        exporter(admin).export_sessions(folder / "missing" / "x.csv", "csv")
    assert list(folder.iterdir()) == []
    (folder / "taken").mkdir()  # the file is written, then cannot take its name: the half file goes
    with pytest.raises(HubdeskError, match="Could not write"):
        exporter(admin).export_sessions(folder / "taken", "json")
    assert [p.name for p in folder.iterdir()] == ["taken"]
