"""Benchmarks of the printed documents (issue #3): referral letters, certificate batches, LibreOffice.

    python tests/bench/bench_documents.py [--letters 100] [--certificates 1000] [--write docs/benchmarks.md]

Measures, in one run and one process (LibreOffice and the cold start in child processes):

1. one referral letter, warm, in French and in Arabic (each render with another number and
   verification code), against a bare ReportLab page of the same French text (Helvetica,
   platypus, no custom font, no bidi, no QR code);
2. 1,000 certificates in one batch: the engine alone (``render_batch``: one PDF laid out at once,
   as the service does for one PDF), and through the service (``issue_batch``, register
   rows written in a fresh database) as one PDF and as a ZIP, against 1,000 bare ReportLab pages
   of the same text in one document;
3. 20 referral letters the way offices make them today, a Writer template (letter_template/)
   filled by a script and converted by ``libreoffice --headless --convert-to pdf`` (one call for
   the 20 files, and 20 calls), against hubdesk rendering the same 20 letters.

``--write FILE`` replaces the section "Documents (issue #3)" of FILE (appended when missing) and
leaves the other sections alone. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from benchmark_doc import cpu_name, write_section
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from hubdesk.documents.certificate import render_certificate
from hubdesk.documents.data import CertificateData, PersonRef, ReferralLetterData, Stamp
from hubdesk.documents.referral import render_referral_letter
from hubdesk.documents.samples import ISSUED_ON, PERSON, sample_certificate, sample_referral
from hubdesk.documents.wording import long_date, short_date
from hubdesk.domain.document_numbers import document_number
from hubdesk.domain.enums import DocumentKind

HERE = Path(__file__).resolve().parent
TEMPLATE_DIR = HERE / "letter_template"
TEMPLATE_FODT = TEMPLATE_DIR / "lettre_orientation.fodt"
TEMPLATE_ODT = TEMPLATE_DIR / "lettre_orientation.odt"
SECTION = "## Documents (issue #3)"

LETTER_TARGET_MS = 40.0
BATCH_TARGET_S = 15.0
OFFICE_LETTERS = 20

#: (Latin, Arabic) first and last names: 25 x 40 = 1,000 distinct people
FIRST_NAMES = [
    ("Amina", "أمينة"), ("Youssef", "يوسف"), ("Fatima Zahra", "فاطمة الزهراء"), ("Hamza", "حمزة"),
    ("Salma", "سلمى"), ("Omar", "عمر"), ("Khadija", "خديجة"), ("Ayoub", "أيوب"), ("Meryem", "مريم"),
    ("Anas", "أنس"), ("Zineb", "زينب"), ("Othmane", "عثمان"), ("Hajar", "هاجر"), ("Bilal", "بلال"),
    ("Imane", "إيمان"), ("Zakaria", "زكرياء"), ("Kawtar", "كوثر"), ("Soufiane", "سفيان"), ("Loubna", "لبنى"),
    ("Mehdi", "مهدي"), ("Houda", "هدى"), ("Ilyas", "إلياس"), ("Siham", "سهام"), ("Rachid", "رشيد"),
    ("Nadia", "نادية"),
]  # fmt: skip
LAST_NAMES = [
    ("El Amrani", "العمراني"), ("El Idrissi", "الإدريسي"), ("Bennani", "بناني"), ("Tahiri", "الطاهري"),
    ("El Alaoui", "العلوي"), ("Benjelloun", "بنجلون"), ("Berrada", "برادة"), ("Chraibi", "الشرايبي"),
    ("El Fassi", "الفاسي"), ("Tazi", "التازي"), ("Benali", "بنعلي"), ("Bouzid", "بوزيد"),
    ("El Khatib", "الخطيب"), ("Lahlou", "لحلو"), ("Sqalli", "السقلي"), ("Kettani", "الكتاني"),
    ("Ouazzani", "الوزاني"), ("Filali", "الفيلالي"), ("Naciri", "الناصري"), ("Skalli", "السكالي"),
    ("Zerouali", "الزروالي"), ("Ghali", "غالي"), ("Mansouri", "المنصوري"), ("Belhaj", "بلحاج"),
    ("Rifi", "الريفي"), ("Jebli", "الجبلي"), ("Haddad", "الحداد"), ("Cherkaoui", "الشرقاوي"),
    ("Squalli", "الصقلي"), ("Benkirane", "بنكيران"), ("Bakkali", "البقالي"), ("Amrani Joutei", "العمراني الجوطي"),
    ("Ziani", "الزياني"), ("Hilali", "الهلالي"), ("Tounsi", "التونسي"), ("Ouali", "الوالي"),
    ("Saidi", "السعيدي"), ("Karimi", "الكريمي"), ("Lamrani", "اللمراني"), ("Boukhari", "البخاري"),
]  # fmt: skip
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


# --- data ---------------------------------------------------------------------------------------


def people(count: int) -> list[PersonRef]:
    out = []
    for i in range(count):
        first, first_ar = FIRST_NAMES[i % len(FIRST_NAMES)]
        last, last_ar = LAST_NAMES[(i // len(FIRST_NAMES)) % len(LAST_NAMES)]
        out.append(
            replace(
                PERSON,
                code=f"TNG-2026-{10_000 + i:05d}",
                first_name=first,
                last_name=last,
                arabic_name=f"{first_ar} {last_ar}",
                birth_date=date(1980 + i % 25, 1 + i % 12, 1 + i % 28),
            )
        )
    return out


def stamp(kind: DocumentKind, n: int, rng: random.Random) -> Stamp:
    raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(10))
    return Stamp(document_number(kind, "TNG", ISSUED_ON.year, n), f"{raw[:5]}-{raw[5:]}", ISSUED_ON)


def letters(count: int, lang: str, rng: random.Random, first_number: int = 100) -> list[ReferralLetterData]:
    """``count`` referral letters for different people, each with its own number and code."""
    return [
        replace(
            sample_referral(lang, stamp(DocumentKind.REFERRAL_LETTER, first_number + i, rng)),
            person=person,
            referral_number=f"REF-2026-{first_number + i:04d}",
        )
        for i, person in enumerate(people(count))
    ]


def certificates(count: int, lang: str, rng: random.Random) -> list[CertificateData]:
    return [
        replace(sample_certificate(lang), stamp=stamp(DocumentKind.CERTIFICATE, 1 + i, rng), person=person)
        for i, person in enumerate(people(count))
    ]


# --- measuring ----------------------------------------------------------------------------------


def speed_check() -> float:
    """Best of three runs of a fixed pure-Python loop: a virtual machine's speed changes over the day."""

    def loop() -> int:
        total = 0
        for i in range(3_000_000):
            total += i * i
        return total

    return min(seconds(loop) for _ in range(3))


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@dataclass
class Results:
    letter_ms: dict[str, list[float]] = field(default_factory=dict)
    letter_pages: int = 0
    baseline_letter_ms: list[float] = field(default_factory=list)
    baseline_letter_chars: int = 0
    count: int = 0
    batch_s: list[float] = field(default_factory=list)
    batch_pages: int = 0
    baseline_batch_s: list[float] = field(default_factory=list)
    #: the engine's batch, split: rendering, of which writing the files and the QR codes, and joining
    engine_render_s: list[float] = field(default_factory=list)
    engine_save_s: list[float] = field(default_factory=list)
    engine_qr_s: list[float] = field(default_factory=list)
    engine_join_s: list[float] = field(default_factory=list)
    #: "pdf" / "zip" -> seconds of each round, and the part of it spent rendering
    service_s: dict[str, list[float]] = field(default_factory=dict)
    service_render_s: dict[str, list[float]] = field(default_factory=dict)
    service_rows: int = 0
    service_note: str = ""
    office: dict[str, object] = field(default_factory=dict)
    #: 1-minute load average before and after the run (the machine may be shared)
    load: list[float] = field(default_factory=list)
    #: seconds of a fixed pure-Python loop before and after the run: how fast the machine was
    speed: list[float] = field(default_factory=list)


def pdf_text(pdf: bytes) -> list[str]:
    """The text of each page, as pypdf reads it."""
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def latin1_lines(text: str) -> list[str]:
    """The lines of ``text`` that Helvetica can show, without the characters it cannot."""
    lines = []
    for line in text.splitlines():
        kept = "".join(ch for ch in line if ch.encode("cp1252", "ignore")).strip()
        if kept:
            lines.append(escape(kept))
    return lines


def bare_reportlab(pages: Sequence[Sequence[str]], pagesize: tuple[float, float]) -> bytes:
    """The baseline: platypus, Helvetica 10 pt Paragraphs, one PageBreak between pages."""
    style = getSampleStyleSheet()["Normal"]
    story: list[object] = []
    for n, lines in enumerate(pages):
        if n:
            story.append(PageBreak())
        story += [Paragraph(line, style) for line in lines]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=pagesize, invariant=1).build(story)
    return buffer.getvalue()


def bench_letters(r: Results, rounds: int, warmup: int, rng: random.Random) -> None:
    """French, Arabic and the baseline in turn, so that all three see the same machine."""
    # the baseline: the same French text, page for page, with the number changed each time
    sample = letters(1, "fr", rng)[0]
    texts = pdf_text(render_referral_letter(sample, "fr"))
    r.letter_pages = len(texts)
    pages = [latin1_lines(text) for text in texts]
    r.baseline_letter_chars = sum(len(line) for page in pages for line in page)
    batches = {lang: letters(warmup + rounds, lang, rng) for lang in ("fr", "ar")}
    r.letter_ms = {"fr": [], "ar": []}
    for i in range(warmup + rounds):
        number = f"LTR-TNG-2026-{900 + i:05d}"
        numbered = [[line.replace(sample.stamp.number, number) for line in page] for page in pages]
        times = {
            "fr": seconds(lambda d=batches["fr"][i]: render_referral_letter(d, "fr")) * 1000,  # type: ignore[misc]
            "ar": seconds(lambda d=batches["ar"][i]: render_referral_letter(d, "ar")) * 1000,  # type: ignore[misc]
            "base": seconds(lambda p=numbered: bare_reportlab(p, A4)) * 1000,  # type: ignore[misc]
        }
        if i >= warmup:
            r.letter_ms["fr"].append(times["fr"])
            r.letter_ms["ar"].append(times["ar"])
            r.baseline_letter_ms.append(times["base"])


@contextmanager
def clocks(*targets: tuple[object, str, str]) -> Iterator[dict[str, float]]:
    """Seconds spent inside each (owner, attribute, key) while the block runs; the wrappers only read the clock."""
    spent = dict.fromkeys((key for _, _, key in targets), 0.0)
    originals = []
    for owner, name, key in targets:
        original = getattr(owner, name, None)
        if original is None:
            continue

        def timed(*args: Any, _original: Any = original, _key: str = key, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_key] += time.perf_counter() - start

        originals.append((owner, name, original))
        setattr(owner, name, timed)
    try:
        yield spent
    finally:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)


def bench_batch(r: Results, count: int, rng: random.Random, rounds: int) -> list[CertificateData]:
    """The engine's share of a batch: ``render_batch``, one PDF laid out at once (fonts embedded once)."""
    from reportlab.pdfgen.canvas import Canvas

    from hubdesk.documents import layout, render_batch

    items = certificates(count, "fr", rng)
    for data in items[:3]:  # fonts loaded, as in a running app
        render_certificate(data, "fr")
    r.count = count
    # the baseline: one certificate's text on each of ``count`` landscape pages, with each person's name
    (first,) = pdf_text(render_certificate(items[0], "fr"))
    template = latin1_lines(first)
    name = items[0].person.latin_name
    pages = [[line.replace(name, escape(d.person.latin_name)) for line in template] for d in items]
    bare_reportlab(pages[:3], landscape(A4))
    pdf = b""
    for _ in range(rounds):  # alternating, so that both see the same machine
        with clocks((Canvas, "save", "save"), (layout, "draw_qr", "qr")) as spent:
            start = time.perf_counter()
            pdf = render_batch(DocumentKind.CERTIFICATE, items, "fr")
            rendered = joined = time.perf_counter()
        r.batch_s.append(joined - start)
        r.engine_render_s.append(rendered - start)
        r.engine_join_s.append(joined - rendered)
        r.engine_save_s.append(spent["save"])
        r.engine_qr_s.append(spent["qr"])
        r.baseline_batch_s.append(seconds(lambda: bare_reportlab(pages, landscape(A4))))
    r.batch_pages = page_count(pdf)
    return items


@contextmanager
def fresh_services() -> Iterator[Any]:
    """Services logged in as the administrator of a fresh database in a temporary folder."""
    from hubdesk.services.facade import Services

    password = "bench-password-2026"
    folder = Path(tempfile.mkdtemp(prefix="hubdesk-bench-docs-"))
    services = Services.open(folder)
    try:
        services.accounts.create_first_administrator("admin", "Bench Administrateur", password)
        services.login("admin", password)
        yield services
    finally:
        services.database.close()
        shutil.rmtree(folder, ignore_errors=True)


def batch_items(items: Sequence[CertificateData], tag: str) -> list[Any]:
    """What the certificates page hands ``issue_batch``: one item per trainee, built once numbered."""
    from hubdesk.services.document_readmodels import BatchItem

    return [
        BatchItem(
            subject_key=f"bench-{tag}-{i}",
            build=lambda s, d=data: replace(d, stamp=s),  # type: ignore[misc]
            file_stem=data.person.latin_name,
        )
        for i, data in enumerate(items)
    ]


def bench_service(r: Results, items: list[CertificateData], rounds: int) -> None:
    try:
        for module in ("hubdesk.services.document_readmodels", "hubdesk.services.documents"):
            importlib.import_module(module)
        issuer = importlib.import_module("hubdesk.services.document_issuer")
        documents_service = importlib.import_module("hubdesk.services.documents")
    except ImportError as error:
        r.service_note = f"not measured: the document service could not be imported ({error})"
        return
    with fresh_services() as services:
        out: dict[str, bytes] = {}
        for k in range(rounds):
            for mode in ("pdf", "zip"):
                batch = batch_items(items, f"{mode}{k}")
                # the time spent rendering, told apart from the register's work
                with clocks((issuer, "render", "render"), (documents_service, "render_batch", "render")) as spent:
                    elapsed = seconds(
                        lambda b=batch, m=mode: out.__setitem__(  # type: ignore[misc]
                            m, services.documents.issue_batch(DocumentKind.CERTIFICATE, b, "fr", as_zip=m == "zip").data
                        )
                    )
                r.service_s.setdefault(mode, []).append(elapsed)
                r.service_render_s.setdefault(mode, []).append(spent["render"])
        pages = page_count(out["pdf"])
        files = len(zipfile.ZipFile(io.BytesIO(out["zip"])).namelist())
        rows = services.documents.register(DocumentKind.CERTIFICATE, limit=10 * rounds * len(items))
        r.service_rows = sum(1 for row in rows if row.subject_key.startswith("bench-"))
        if pages != len(items) or files != len(items) or r.service_rows != 2 * rounds * len(items):
            r.service_note = f"unexpected output: {pages} pages, {files} files in the ZIP, {r.service_rows} rows"


# --- LibreOffice, side by side ------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_version(binary: str) -> str:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return " ".join(out.split()[:2]) or "unknown"


def convert(binary: str, profile: Path, files: Sequence[Path], outdir: Path, fmt: str = "pdf") -> None:
    command = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt]
    command += ["--outdir", str(outdir), *map(str, files)]
    subprocess.run(command, capture_output=True, check=True, timeout=600)


def ensure_template(binary: str, profile: Path) -> None:
    """The .odt as Writer saves it, made from the readable .fodt when it is missing."""
    if not TEMPLATE_ODT.exists():
        convert(binary, profile, [TEMPLATE_FODT], TEMPLATE_DIR, fmt="odt")


def placeholders(data: ReferralLetterData) -> dict[str, str]:
    """What the office script writes into the template: the values hubdesk prints for the same letter."""
    person, head = data.person, data.letterhead
    return {
        "organisation": head.name,
        "adresse_org": head.address,
        "contact_org": f"Tél. {head.phone}  ·  Courriel {head.email}",
        "numero": data.stamp.number,
        "code_verification": data.stamp.verification_code,
        "date_longue": long_date(data.stamp.issued_on, "fr"),
        "partenaire": data.partner,
        "service": data.service,
        "contact": data.contact_person,
        "adresse_partenaire": data.partner_address,
        "objet": data.subject,
        "ref_orientation": data.referral_number,
        "priorite": "Élevée",
        "nom_complet": person.latin_name,
        "nom_arabe": person.arabic_name,
        "code_beneficiaire": person.code,
        "date_naissance": short_date(person.birth_date, "fr") if person.birth_date else "",
        "nationalite": "Maroc",
        "motif": data.reason,
        "service_demande": data.service_requested,
        "niveau_etudes": "Formation professionnelle",
        "diplomes": "Diplôme de technicien en cuisine (OFPPT)",
        "langues": "Arabe (Langue maternelle) · Français (B1) · Espagnol (A2)",
        "competences": "Cuisine marocaine (Expérimenté(e)) · Pâtisserie (Intermédiaire)",
        "conseiller": data.counsellor.name,
        "conseiller_titre": data.counsellor.title,
        "conseiller_tel": data.counsellor.phone,
    }


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def fill_template(template: bytes, values: dict[str, str], target: Path) -> None:
    """Copy the .odt, replacing {{placeholders}} in content.xml and styles.xml (header and footer)."""

    def filled(xml: bytes) -> bytes:
        return PLACEHOLDER.sub(lambda m: escape(values[m.group(1)]), xml.decode("utf-8")).encode("utf-8")

    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():  # "mimetype" comes first and stays stored, as ODF requires
            data = source.read(info)
            if info.filename in ("content.xml", "styles.xml"):
                data = filled(data)
            out.writestr(info, data, compress_type=info.compress_type)


def hubdesk_letters(target: Path) -> None:
    """Render the 20 office letters into ``target``, as one person's print run would."""
    for data in letters(OFFICE_LETTERS, "fr", random.Random(20)):
        (target / f"{data.stamp.number}.pdf").write_bytes(render_referral_letter(data, "fr"))


def bench_office(r: Results, rounds: int, single_rounds: int) -> None:
    binary = soffice()
    if binary is None:
        r.office = {"error": "LibreOffice (soffice) is not installed: the comparison was not run."}
        return
    work = Path(tempfile.mkdtemp(prefix="hubdesk-bench-lo-"))
    profile = Path(tempfile.mkdtemp(prefix="lo_profile_"))
    try:
        first_start = seconds(lambda: ensure_template(binary, profile))
        template = TEMPLATE_ODT.read_bytes()
        batch = letters(OFFICE_LETTERS, "fr", random.Random(20))
        # LibreOffice's first start ever creates its user profile: done once, before any timing
        warm = work / "warm"
        warm.mkdir()
        first_start += seconds(lambda: convert(binary, profile, [TEMPLATE_ODT], warm))

        def fill_all(files: list[Path]) -> None:
            for data, target in zip(batch, files, strict=True):
                fill_template(template, placeholders(data), target)

        def one_by_one(files: list[Path], out: Path) -> None:
            for file in files:
                convert(binary, profile, [file], out)

        fill_s, batch_s, single_s = [], [], []
        for k in range(max(rounds, single_rounds)):
            odt_dir = work / f"odt{k}"
            odt_dir.mkdir()
            files = [odt_dir / f"{data.stamp.number}.odt" for data in batch]
            fill_s.append(seconds(lambda fs=files: fill_all(fs)))  # type: ignore[misc]
            if k < rounds:
                out = work / f"pdf{k}"
                out.mkdir()
                batch_s.append(seconds(lambda fs=files, o=out: convert(binary, profile, fs, o)))  # type: ignore[misc]
            if k < single_rounds:
                out = work / f"single{k}"
                out.mkdir()
                single_s.append(seconds(lambda fs=files, o=out: one_by_one(fs, o)))  # type: ignore[misc]
        made = sorted((work / "pdf0").glob("*.pdf"))
        lo_pages = [page_count(p.read_bytes()) for p in made]
        lo_text = pdf_text(made[0].read_bytes()) if made else []
        sample_name = batch[0].person.latin_name
        check = f"{len(made)} PDFs, {sum(lo_pages)} pages"
        if not any(sample_name in text for text in lo_text) or "{{" in "".join(lo_text):
            check += ", **placeholders not filled**"

        # hubdesk: warm in a running app, and cold in a fresh process (interpreter, imports, fonts)
        warm_s, cold_s = [], []
        for k in range(rounds):
            out = work / f"hub{k}"
            out.mkdir()
            warm_s.append(seconds(lambda o=out: hubdesk_letters(o)))  # type: ignore[misc]
            out = work / f"hubcold{k}"
            out.mkdir()
            command = [sys.executable, str(Path(__file__).resolve()), "--render-letters", str(out)]
            cold_s.append(seconds(lambda c=command: subprocess.run(c, check=True, capture_output=True)))  # type: ignore[misc]
        hub_pages = sum(page_count(p.read_bytes()) for p in (work / "hub0").glob("*.pdf"))
        r.office = {
            "version": soffice_version(binary),
            "first_start": first_start,
            "fill": statistics.median(fill_s),
            "batch": statistics.median(batch_s),
            "batch_all": batch_s,
            "single": statistics.median(single_s),
            "single_all": single_s,
            "check": check,
            "hub_warm": statistics.median(warm_s),
            "hub_cold": statistics.median(cold_s),
            "hub_cold_all": cold_s,
            "hub_pages": hub_pages,
            "rounds": rounds,
            "single_rounds": single_rounds,
        }
    except (OSError, subprocess.SubprocessError) as error:
        r.office = {"error": f"LibreOffice failed: {error}"}
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


# --- report -------------------------------------------------------------------------------------


def machine() -> str:
    return f"{cpu_name()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def versions() -> str:
    from importlib import metadata

    return (
        f"Python {platform.python_version()}, ReportLab {reportlab.Version}, pypdfium2 {metadata.version('pypdfium2')}"
    )


def spread(values: Sequence[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def status(ok: bool) -> str:
    return "pass" if ok else "**miss**"


def render(r: Results, args: argparse.Namespace) -> str:
    base = statistics.median(r.baseline_letter_ms)
    n = r.count
    lines = [
        SECTION,
        "",
        f"Measured on {date.today().isoformat()} on {machine()}; {versions()}; by "
        f"`python tests/bench/bench_documents.py --write docs/benchmarks.md` (which rewrites only this section). "
        "One process: the letters, then the batches, then the service on a fresh temporary database, then "
        "LibreOffice and a fresh Python process side by side. 1-minute load average "
        f"{' before, '.join(f'{x:.2f}' for x in r.load)} after the run; a fixed pure-Python loop (3 million "
        f"multiply-adds, best of 3) took {' s before, '.join(f'{x:.2f}' for x in r.speed)} s after. This virtual "
        "machine's speed drifts over the day by up to half: the ratios to the bare ReportLab baseline, measured "
        "alternately in the same run, are the steadier figures.",
        "",
        "| measure | target | measured | ratio to the bare ReportLab baseline | result |",
        "|---|---|---|---|---|",
    ]
    for lang, label in (("fr", "French"), ("ar", "Arabic")):
        times = r.letter_ms[lang]
        median = statistics.median(times)
        lines.append(
            f"| one referral letter, {label}, warm, in process ({r.letter_pages} pages, QR code) | ≤ "
            f"{LETTER_TARGET_MS:.0f} ms | {median:.1f} ms median, {percentile(times, 0.95):.1f} ms p95, "
            f"{min(times):.1f} ms best ({len(times)} renders) | {median / base:.1f} × | "
            f"{status(median <= LETTER_TARGET_MS)} |"
        )
    lines.append(
        f"| baseline: bare ReportLab, same French text ({r.baseline_letter_chars:,} characters on "
        f"{r.letter_pages} pages, Helvetica) | — | {base:.1f} ms median, "
        f"{percentile(r.baseline_letter_ms, 0.95):.1f} ms p95, {min(r.baseline_letter_ms):.1f} ms best | 1 × | — |"
    )
    batch_base = statistics.median(r.baseline_batch_s)
    batch = statistics.median(r.batch_s)
    render_s = statistics.median(r.engine_render_s)
    lines.append(
        f"| {n:,} certificates, the engine alone: `render_batch`, one PDF of {r.batch_pages:,} pages laid "
        f"out at once, no database | ≤ {BATCH_TARGET_S:.0f} s | "
        f"{spread(r.batch_s)} ({render_s / n * 1000:.1f} ms a certificate) | "
        f"{batch / batch_base:.1f} × | {status(batch <= BATCH_TARGET_S)} |"
    )
    for mode, label in (("pdf", "one PDF"), ("zip", "a ZIP of one PDF each")):
        if mode not in r.service_s:
            lines.append(f"| {n:,} certificates through `issue_batch`, {label} | ≤ 15 s | {r.service_note} | — | — |")
            continue
        value = statistics.median(r.service_s[mode])
        lines.append(
            f"| {n:,} certificates through the service (`issue_batch`, {label}, register rows written) | ≤ "
            f"{BATCH_TARGET_S:.0f} s | {spread(r.service_s[mode])} | {value / batch_base:.1f} × | "
            f"{status(value <= BATCH_TARGET_S)} |"
        )
    lines.append(
        f"| baseline: {n:,} bare ReportLab landscape pages of one certificate's text, one document | — | "
        f"{spread(r.baseline_batch_s)} | 1 × | — |"
    )
    lines += [
        "",
        "A letter passes on its median; the 95th percentile is shown for the slow end. French, Arabic and the "
        "baseline are rendered in turn, each time with another number and verification code. The baseline letter "
        "is the text pypdf reads back from hubdesk's French letter (the characters Helvetica can show), set as "
        f"platypus Paragraphs page for page. The batches are run {len(r.batch_s)} times each (medians, range in "
        "brackets), the bare ReportLab baseline alternating with the engine's batch; every certificate has "
        "another person, number and verification code.",
    ]
    if r.service_note and r.service_s:
        lines += ["", f"Service check: {r.service_note}."]
    missed = [mode for mode, values in r.service_s.items() if statistics.median(values) > BATCH_TARGET_S]
    if missed or batch > BATCH_TARGET_S:
        save, qr = statistics.median(r.engine_save_s), statistics.median(r.engine_qr_s)
        parts = []
        for mode, label in (("pdf", "one PDF"), ("zip", "ZIP")):
            if mode in r.service_s:
                total, rendering = statistics.median(r.service_s[mode]), statistics.median(r.service_render_s[mode])
                parts.append(f"{label}: {rendering:.1f} s of its {total:.1f} s")
        lines += [
            "",
            f"Where the time goes: {render_s / n * 1000:.1f} ms a certificate in one document, against "
            f"{batch_base / n * 1000:.1f} ms a page for the bare baseline. Of the engine's {render_s:.1f} s, "
            f"{save:.1f} s go to writing the file (ReportLab's `Canvas.save`) and {qr:.1f} s to the QR codes; the "
            f"rest is the layout. In the service rendering is {'; '.join(parts)}; the remainder is the register "
            "(rows, audit events, hashing). A ZIP is the same layout cut into one file per certificate.",
        ]
    lines += ["", f"### {OFFICE_LETTERS} referral letters side by side with a LibreOffice Writer template", ""]
    office = r.office
    if "error" in office:
        lines.append(str(office["error"]))
    else:
        batch_s, single_s = float(office["batch"]), float(office["single"])  # type: ignore[arg-type]
        fill = float(office["fill"])  # type: ignore[arg-type]
        warm, cold = float(office["hub_warm"]), float(office["hub_cold"])  # type: ignore[arg-type]
        lines += [
            f"{office['version']}, headless, its own user profile (created before timing: "
            f"{float(office['first_start']):.1f} s). The template is `tests/bench/letter_template/"  # type: ignore[arg-type]
            "lettre_orientation.odt` (made from the readable `.fodt` next to it): the same letter and feedback slip "
            "on two pages, header and footer with number and page x of y, without the QR code. A script copies it "
            "and replaces the placeholders in content.xml and styles.xml with Python's zipfile, then LibreOffice "
            f"converts the files to PDF ({office['check']}). Medians of {office['rounds']} rounds "
            f"(one-by-one: {office['single_rounds']}).",
            "",
            f"| {OFFICE_LETTERS} letters | seconds | per letter | LibreOffice ÷ hubdesk |",
            "|---|---|---|---|",
            f"| LibreOffice, one call for the {OFFICE_LETTERS} files (fill {fill:.2f} s + convert "
            f"{batch_s:.2f} s) | {fill + batch_s:.2f} | {(fill + batch_s) / OFFICE_LETTERS * 1000:.0f} ms | "
            f"{(fill + batch_s) / cold:.1f} × cold, {(fill + batch_s) / warm:.0f} × warm |",
            f"| LibreOffice, {OFFICE_LETTERS} calls, one per file (fill {fill:.2f} s + convert {single_s:.2f} s) | "
            f"{fill + single_s:.2f} | {(fill + single_s) / OFFICE_LETTERS * 1000:.0f} ms | "
            f"{(fill + single_s) / cold:.1f} × cold, {(fill + single_s) / warm:.0f} × warm |",
            f"| hubdesk, a fresh Python process (start, imports, fonts, {OFFICE_LETTERS} letters written) | "
            f"{cold:.2f} | {cold / OFFICE_LETTERS * 1000:.0f} ms | — |",
            f"| hubdesk, warm in the running app ({OFFICE_LETTERS} letters written, {office['hub_pages']} pages) | "
            f"{warm:.2f} | {warm / OFFICE_LETTERS * 1000:.0f} ms | — |",
        ]
    lines.append("")
    return "\n".join(lines)


def profile(rng: random.Random, count: int) -> None:
    """cProfile's top entries: warm French letters, and a certificate batch through the service."""
    items = certificates(count, "fr", rng)
    with fresh_services() as services:
        runs: list[tuple[str, Callable[[], object]]] = [
            (
                "20 referral letters (fr, warm)",
                lambda: [render_referral_letter(d, "fr") for d in letters(20, "fr", rng)],
            ),
            (
                f"issue_batch, {count} certificates, one PDF",
                lambda: services.documents.issue_batch(
                    DocumentKind.CERTIFICATE, batch_items(items, f"p{time.time_ns()}"), "fr", as_zip=False
                ),
            ),
        ]
        for label, action in runs:
            action()  # warm
            profiler = cProfile.Profile()
            profiler.runcall(action)
            print(f"\n=== {label} ===")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=100, help="timed renders of one letter per language")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds of each batch of certificates")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the LibreOffice comparison")
    parser.add_argument("--single-rounds", type=int, default=1, help="rounds of the one-by-one conversion")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-office", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print cProfile top entries and stop")
    parser.add_argument("--write", help="replace the Documents section of this Markdown file")
    parser.add_argument("--render-letters", help=argparse.SUPPRESS)  # the cold-process side of the comparison
    args = parser.parse_args()
    if args.render_letters:
        hubdesk_letters(Path(args.render_letters))
        return 0
    rng = random.Random(args.seed)
    if args.profile:
        profile(rng, args.certificates)
        return 0
    r = Results(load=[os.getloadavg()[0]], speed=[speed_check()])
    bench_letters(r, args.letters, args.warmup, rng)
    print(
        f"letters: fr {statistics.median(r.letter_ms['fr']):.1f} ms, ar {statistics.median(r.letter_ms['ar']):.1f} ms"
    )
    items = bench_batch(r, args.certificates, rng, args.batch_rounds)
    print(f"certificates: {r.batch_s} s, baseline {r.baseline_batch_s} s", flush=True)
    bench_service(r, items, args.batch_rounds)
    print(f"service: {r.service_s} s, rendering {r.service_render_s} s {r.service_note}", flush=True)
    if args.skip_office:
        r.office = {"error": "The LibreOffice comparison was skipped (--skip-office)."}
    else:
        bench_office(r, args.rounds, args.single_rounds)
    r.load.append(os.getloadavg()[0])
    r.speed.append(speed_check())
    text = render(r, args)
    print(text)
    if args.write:
        write_section(Path(args.write), SECTION, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
