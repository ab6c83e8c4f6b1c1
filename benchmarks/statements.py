"""Statement build times, and submission-to-completed through a real cupsd with a cups-pdf queue.

Builds a one-page statement (two years) and a thirty-year statement (180 rows) several times
(the first build, which loads and parses the fonts, is reported separately), then prints the
thirty-year statement through a temporary cups-pdf queue and times `CupsPrinter.print_pdf` from
submission to "completed". Uses a running cupsd or starts one (and stops only that one).

    .venv/bin/python -m benchmarks.statements [--rounds N] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import reportlab

from benchmarks.performance_doc import write_section
from drivers.printer.cups import CupsPrinter
from kiosk.documents import DocumentContext, build_statement
from offline_cache.models import Contribution, Resident

SECTION = "## Statements and printing"
CUPSD = "/usr/sbin/cupsd"
CUPS_PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
PRINT_TIMEOUT = 120.0
SCHEMES = (
    "employee_pension",
    "resident_pension",
    "unemployment",
    "medical",
    "work_injury",
    "maternity",
)
CTX = DocumentContext(
    township_name="青山镇",
    terminal_id="T-BENCH",
    printed_at=datetime(2026, 11, 28, 14, 32, tzinfo=timezone(timedelta(hours=8))),
    secret=b"benchmark-secret",
    offline=True,
    data_as_of=date(2026, 11, 27),
)


def resident(years: range) -> Resident:
    return Resident(
        person_id="32010219650315123X",
        name="王䶮英",
        gender="F",
        birth_date=date(1965, 3, 15),
        card_number="A1",
        township_code="320102001",
        version=1,
        account_balance_cents=12345650,
        contributions=[
            Contribution(year, scheme, 12, 450000, 36000, 72000)
            for year in years
            for scheme in SCHEMES
        ],
    )


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def summary(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):.0f} ms (p95 {p95:.0f} ms, n={len(ms)})"


def _scheduler_answers() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return result.returncode == 0 and "not running" not in result.stdout


@contextmanager
def pdf_queue() -> Iterator[str]:
    """A temporary cups-pdf queue on a running (or freshly started) cupsd."""
    proc = None
    if not _scheduler_answers():
        proc = subprocess.Popen([CUPSD, "-f"])
        deadline = time.monotonic() + 10
        while not _scheduler_answers():
            if time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("cupsd did not start")
            time.sleep(0.1)
    name = f"kiosk-bench-{os.getpid()}"
    subprocess.run(
        ["lpadmin", "-p", name, "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD, "-E"],
        check=True,
        capture_output=True,
    )
    try:
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True)
        if proc is not None:
            proc.terminate()
            proc.wait()


def remove_cups_pdf_output(jobs: list[int]) -> None:
    """Delete what cups-pdf wrote for our jobs (its default Out folder, ~/PDF)."""
    out = Path.home() / "PDF"
    for job in jobs:
        for path in out.glob(f"*job_{job}.pdf"):
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--print-rounds", type=int, default=5)
    parser.add_argument("--write", type=Path, help="replace or append our section in this file")
    args = parser.parse_args()

    one_page, thirty = resident(range(2024, 2026)), resident(range(1996, 2026))
    first = timed(lambda: build_statement(one_page, CTX), 1)
    small = timed(lambda: build_statement(one_page, CTX), args.rounds)
    large = timed(lambda: build_statement(thirty, CTX), args.rounds)
    doc = build_statement(thirty, CTX)
    one = build_statement(one_page, CTX)

    with tempfile.TemporaryDirectory() as folder, pdf_queue() as queue:
        pdf = Path(folder) / "statement.pdf"
        pdf.write_bytes(doc.pdf)
        printer = CupsPrinter(queue)
        jobs: list[int] = []
        printing = timed(
            lambda: jobs.append(printer.print_pdf(pdf, "benchmark", PRINT_TIMEOUT).job_id),
            args.print_rounds,
        )
    remove_cups_pdf_output(jobs)

    table = "\n".join(
        [
            "| measurement | time |",
            "|---|---|",
            f"| first statement in a process (fonts loaded and parsed) | {summary(first)} |",
            f"| one-page statement ({one.pages} page, 2 years × 6 schemes) | {summary(small)} |",
            f"| thirty-year statement ({doc.pages} pages, 180 rows) | {summary(large)} |",
            f"| thirty-year statement, submission → completed through cupsd + cups-pdf "
            f"| {summary(printing)} |",
        ]
    )
    body = (
        f"{SECTION}\n\n"
        f"`python -m benchmarks.statements --rounds {args.rounds}` on {date.today()}, "
        f"{platform.machine()}, Python {platform.python_version()}, reportlab {reportlab.Version}; "
        "fonts wqy-microhei.ttc + HanaMinA (rare characters in the name); 2 cores shared with "
        "other engineers' test runs, so the times are noisy.\n\n"
        f"{table}\n\n"
        "- The first build pays for parsing the fonts (HanaMinA alone is 22 MB); the printer "
        "worker therefore warms them up at start-up in its own thread "
        "(kiosk/documents/warm_up.py), so the first resident does not wait.\n"
        "- Printing through cups-pdf includes CUPS's filters and Ghostscript re-distilling the "
        "PDF; a real printer adds its own rasterising and paper time (about 1 page/s for an "
        "entry-level laser), which dominates.\n"
        f"- Our job polling adds at most one poll interval ({CupsPrinter('').poll_interval} s).\n"
    )
    print(body)
    if args.write:
        write_section(args.write, body, SECTION)


if __name__ == "__main__":
    main()
