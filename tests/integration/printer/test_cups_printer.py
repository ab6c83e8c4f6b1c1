"""CupsPrinter against a real cupsd: cups-pdf output, disabled queues, failing backends, timeout."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import cups
import pytest

from drivers.errors import (
    PrinterJammed,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterUnavailable,
    PrintFailed,
    PrintTimeout,
)
from drivers.printer import open_printer
from drivers.printer.api import PrinterState
from drivers.printer.cups import JOB_CANCELED, CupsPrinter
from tests.fixtures.common import require_tool

pytestmark = pytest.mark.realstack
JOB_TIMEOUT = 60.0  # generous: a loaded CI machine; the happy path finishes in about a second


def _job_state(job_id: int) -> int:
    return int(cups.Connection().getJobAttributes(job_id)["job-state"])


def _wait_for_job_state(job_id: int, state: int, limit: float = 20.0) -> int:
    deadline = time.monotonic() + limit
    current = _job_state(job_id)
    while current != state and time.monotonic() < deadline:
        time.sleep(0.1)  # bounded poll: CUPS offers no event to wait on here
        current = _job_state(job_id)
    return current


def _wait_for_queued_jobs(printer: CupsPrinter, count: int, limit: float = 20.0) -> int:
    deadline = time.monotonic() + limit
    current = printer.status().queued_jobs
    while current != count and time.monotonic() < deadline:
        time.sleep(0.1)  # bounded poll, as above
        current = printer.status().queued_jobs
    return current


def _pdffonts_rows(pdf: Path) -> list[list[str]]:
    out = subprocess.run(
        [require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_job_is_followed_to_completion_and_lands_in_cups_pdf_output(
    cups_queue: Callable[..., str], cups_pdf_output: Path, sample_pdf: Path
) -> None:
    printer = open_printer("cups", cups_queue("pdf"), Path("/unused"))
    result = printer.print_pdf(sample_pdf, "kiosk test page", timeout=JOB_TIMEOUT)

    assert result.pages == 1
    assert _job_state(result.job_id) == cups.IPP_JOB_COMPLETED
    landed = [p for p in cups_pdf_output.glob("*.pdf") if f"job_{result.job_id}." in p.name]
    assert len(landed) == 1, sorted(p.name for p in cups_pdf_output.iterdir())
    info = subprocess.run(
        [require_tool("pdfinfo"), str(landed[0])], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    fonts = _pdffonts_rows(landed[0])
    assert fonts, "the printed PDF has no fonts: the Chinese text is gone"
    # after ghostscript (cups-pdf) our fonts are still embedded, not substituted
    assert all(row[-5] == "yes" for row in fonts), fonts
    assert any("WenQuanYi" in row[0] for row in fonts)
    landed[0].unlink()


def test_status_of_an_idle_queue_is_ready(cups_queue: Callable[..., str]) -> None:
    status = CupsPrinter(cups_queue("pdf")).status()
    assert status.state is PrinterState.READY
    assert status.reasons == ["none"]
    assert status.queued_jobs == 0


def test_disabled_queue_is_unavailable_and_gets_no_job(
    cups_queue: Callable[..., str], sample_pdf: Path
) -> None:
    name = cups_queue("disabled")
    printer = CupsPrinter(name)
    assert printer.status().state is PrinterState.DISABLED
    with pytest.raises(PrinterUnavailable):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    assert printer.status().queued_jobs == 0


def test_missing_queue_is_unavailable(sample_pdf: Path, cupsd: object) -> None:
    printer = CupsPrinter("kiosktest-no-such-queue")
    assert printer.status().state is PrinterState.UNAVAILABLE
    with pytest.raises(PrinterUnavailable):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)


def test_failing_backend_aborts_the_job(cups_queue: Callable[..., str], sample_pdf: Path) -> None:
    with pytest.raises(PrintFailed) as info:
        CupsPrinter(cups_queue("fail")).print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    assert "state 8" in info.value.detail  # aborted, with CUPS's own words for technicians


@pytest.mark.parametrize(
    ("mode", "error", "state"),
    [
        ("media-empty", PrinterOutOfPaper, PrinterState.OUT_OF_PAPER),
        ("media-jam", PrinterJammed, PrinterState.JAMMED),
    ],
)
def test_backend_reported_problem_gives_its_error(
    cups_queue: Callable[..., str],
    sample_pdf: Path,
    mode: str,
    error: type[Exception],
    state: PrinterState,
) -> None:
    printer = CupsPrinter(cups_queue(mode))
    with pytest.raises(error):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    # the queue now says so, and the next job is refused before it is queued
    assert printer.status().state is state
    with pytest.raises(error):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    # the first job was cancelled; CUPS finishes cancelling it in the background
    assert _wait_for_queued_jobs(printer, 0) == 0


def test_offline_printer_while_processing_cancels_the_job(
    cups_queue: Callable[..., str], sample_pdf: Path
) -> None:
    """A backend waiting for an unplugged printer keeps the job "processing" forever: the
    offline-report reason ends our wait long before the timeout, and the job is cancelled."""
    printer = CupsPrinter(cups_queue("offline"))
    conn = cups.Connection()
    before = set(conn.getJobs(which_jobs="all"))
    with pytest.raises(PrinterOffline):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    (job_id,) = set(conn.getJobs(which_jobs="all")) - before
    assert _wait_for_job_state(job_id, JOB_CANCELED) == JOB_CANCELED


def test_out_of_paper_under_retry_policy_cancels_the_held_job(
    cups_queue: Callable[..., str], sample_pdf: Path
) -> None:
    """CUPS's default policy keeps the job queued for a retry: we cancel it, so nothing
    prints later."""
    printer = CupsPrinter(cups_queue("media-empty", error_policy="retry-job"))
    conn = cups.Connection()
    before = set(conn.getJobs(which_jobs="all"))
    with pytest.raises(PrinterOutOfPaper):
        printer.print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    (job_id,) = set(conn.getJobs(which_jobs="all")) - before
    assert _wait_for_job_state(job_id, JOB_CANCELED) == JOB_CANCELED


def test_job_that_never_finishes_times_out_and_is_cancelled(
    cups_queue: Callable[..., str], sample_pdf: Path
) -> None:
    printer = CupsPrinter(cups_queue("hang"))
    conn = cups.Connection()
    before = set(conn.getJobs(which_jobs="all"))
    with pytest.raises(PrintTimeout) as info:
        printer.print_pdf(sample_pdf, "kiosk test", timeout=2.0)
    (job_id,) = set(conn.getJobs(which_jobs="all")) - before
    assert f"job {job_id}" in info.value.detail
    assert _wait_for_job_state(job_id, JOB_CANCELED) == JOB_CANCELED


def test_a_held_job_fails_at_once_and_is_cancelled(
    cups_queue: Callable[..., str], sample_pdf: Path
) -> None:
    """A queue that holds its jobs (job-hold-until-default, or a technician's `lp -H hold`) never
    prints by itself: the resident hears so at once, not "no answer" after the whole timeout, and
    the held job is cancelled so it cannot print after they left."""
    name = cups_queue("pdf")
    subprocess.run(
        [require_tool("lpadmin"), "-p", name, "-o", "job-hold-until-default=indefinite"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    conn = cups.Connection()
    before = set(conn.getJobs(which_jobs="all"))
    with pytest.raises(PrintFailed) as info:
        CupsPrinter(name).print_pdf(sample_pdf, "kiosk test", timeout=JOB_TIMEOUT)
    assert "held" in info.value.detail
    (job_id,) = set(conn.getJobs(which_jobs="all")) - before
    assert _wait_for_job_state(job_id, JOB_CANCELED) == JOB_CANCELED
