"""The coordinator's duplicates page: scan, merge, and the list updates."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery
from hubdesk.ui.duplicates_page import DuplicatesPage
from tests.integration.test_duplicates_service import moroccan


def test_scan_then_merge_into_the_older_record(qtbot: QtBot, services: Services) -> None:
    older = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", registered_on=date(2025, 1, 5)))
    newer = services.beneficiaries.create(moroccan("Mohammed", "Elamrani", neighbourhood="Souani"))
    services.beneficiaries.create(moroccan("Youssef", "Benali"))
    page = DuplicatesPage(services)
    qtbot.addWidget(page)
    page.show()
    assert not page.keep_older.isEnabled()
    page.scan_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert older.code in page.model.index(0, 1).data() and newer.code in page.model.index(0, 2).data()
    page.table.selectRow(0)
    assert page.keep_older.isEnabled()
    page._confirm = lambda _text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.records_changed):
        page.keep_older.click()
    assert page.model.rowCount() == 0
    assert newer.code in page.status.text()
    assert services.search.count(BeneficiaryQuery()) == 2
    assert services.beneficiaries.get(older.id).draft.neighbourhood == "Souani"


def test_cancel_stops_the_scan_and_says_so(qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    services.beneficiaries.create(moroccan("Mohamed", "El Amrani"))
    services.beneficiaries.create(moroccan("Mohammed", "Elamrani"))
    scan = services.duplicates.possible_duplicates

    def slow_scan(**options: Any) -> Any:
        while not options["cancelled"]():  # a long scan, still running when the person cancels
            time.sleep(0.01)
        return scan(**options)

    monkeypatch.setattr(services.duplicates, "possible_duplicates", slow_scan)
    page = DuplicatesPage(services)
    qtbot.addWidget(page)
    page.show()
    page.scan()
    assert page.cancel_button.isVisible() and not page.scan_button.isEnabled()
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.scan_button.isEnabled(), timeout=5000)
    assert not page.cancel_button.isVisible()
    assert page.model.rowCount() == 0
    assert "stopped" in page.status.text()


def test_after_a_merge_no_pair_names_the_dropped_record(qtbot: QtBot, services: Services) -> None:
    x = services.beneficiaries.create(moroccan("Mohamed", "El Amrani", registered_on=date(2024, 1, 5)))
    y = services.beneficiaries.create(moroccan("Mohammed", "Elamrani", registered_on=date(2025, 1, 5)))
    services.beneficiaries.create(moroccan("Muhammad", "El-Amrani"))
    page = DuplicatesPage(services)
    qtbot.addWidget(page)
    page.scan()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    row = next(i for i in range(3) if {page.model.item_at(i).first.id, page.model.item_at(i).second.id} == {x.id, y.id})  # type: ignore[union-attr]
    page.table.selectRow(row)
    page._confirm = lambda _text: True  # type: ignore[method-assign]
    page.keep_older.click()
    remaining = [page.model.item_at(i) for i in range(page.model.rowCount())]
    assert len(remaining) == 1
    assert y.id not in {remaining[0].first.id, remaining[0].second.id}  # type: ignore[union-attr]
