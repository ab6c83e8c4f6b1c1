"""`kiosk-admin statement` and `kiosk-admin printer status|test-page`.

`statement --person-id ID --out FILE.pdf` renders a resident's contribution statement from the
offline store (marked as offline data, dated by the last complete roster pull) without printing
it: for the counter, or to check a complaint. `printer status` shows the configured printer's
state, CUPS reasons and the technician's next step (`hint`; exit 0 whatever the state: the state
is the answer). `printer test-page`
prints the test page through the configured printer and waits for the job like the kiosk does.
Output names the resident only masked; exit codes: 0 done, 1 failed (`--json`: error object).
"""

from __future__ import annotations

import argparse
import os
import stat
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from drivers.errors import PrinterError
from drivers.printer.api import PrinterState
from kiosk.admin.cache_commands import EXIT_BAD_ARGUMENT, person_id_problem
from kiosk.admin.output import echo, emit, fail
from kiosk.config import Config, ConfigError
from kiosk.core.clock import kiosk_now
from kiosk.core.masking import mask_name, mask_person_id
from kiosk.core.statement_rules import roster_date
from kiosk.documents import DocumentContext, build_statement, build_test_page
from kiosk.ops.devices import open_configured_printer
from offline_cache.store import Store

SECONDS_PER_DAY = 86400.0

# What the technician does next, by printer state or error code (`{q}` is the CUPS queue).
# PrinterState.OUT_OF_PAPER / JAMMED share their values with the error codes below.
HINTS: dict[str, str] = {
    PrinterState.OUT_OF_PAPER.value: "load paper, then `cupsenable {q}` and print a test page",
    PrinterState.JAMMED.value: "clear the jam, then `cupsenable {q}` and print a test page",
    PrinterState.OFFLINE.value: "check the printer's power and cable, then `cupsenable {q}`",
    PrinterState.DISABLED.value: "fix what the message says, then `cupsenable {q}`",
    PrinterState.UNAVAILABLE.value: (
        "start cupsd, or add the queue `{q}` ([devices] printer_name): see lpstat -p"
    ),
    "printer_unavailable": "start cupsd, check the queue `{q}` with lpstat -p and `cupsenable {q}`",
    "printer_offline": "check the printer's power and cable, then `cupsenable {q}`",
    "print_timeout": "the job did not finish: lpstat -o {q}; cancel -a {q}; check the printer",
    "print_failed": "see /var/log/cups/error_log; `cupsenable {q}` after fixing",
}


def hint(state_or_code: str, queue: str) -> str:
    """The technician's next step for a printer state or a printer error code ("" if none)."""
    return HINTS.get(state_or_code, "").format(q=queue)


def register(subparsers: Any) -> None:
    statement = subparsers.add_parser(
        "statement", help="render a resident's contribution statement PDF from the offline store"
    )
    statement.add_argument("--person-id", required=True, help="the resident's ID number")
    statement.add_argument("--out", required=True, type=Path, help="PDF file to write")
    statement.add_argument("--json", action="store_true", help="one JSON object")
    statement.set_defaults(handler=statement_command)

    printer = subparsers.add_parser("printer", help="the statement printer: status, test-page")
    sub = printer.add_subparsers(dest="printer_command", metavar="ACTION")
    sub.required = True
    status = sub.add_parser("status", help="state and CUPS reasons of the configured printer")
    status.add_argument("--json", action="store_true", help="one JSON object")
    status.set_defaults(handler=status_command)
    test_page = sub.add_parser("test-page", help="print the test page and wait for the job")
    test_page.add_argument(
        "--timeout", type=float, default=None, help="seconds (default [devices] print_timeout)"
    )
    test_page.add_argument("--json", action="store_true", help="one JSON object")
    test_page.set_defaults(handler=test_page_command)


def _context(config: Config, offline: bool, data_as_of: date | None) -> DocumentContext:
    return DocumentContext(
        township_name=config.terminal.township_name,
        terminal_id=config.terminal.id,
        printed_at=kiosk_now(),
        secret=config.read_terminal_secret(),
        offline=offline,
        data_as_of=data_as_of,
    )


def _roster_date(store: Store) -> date | None:
    """The day of the last complete roster pull (kiosk time), or None if never synchronised."""
    return roster_date(store.sync_status().feed_ages_s)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def not_replaceable(path: Path) -> str | None:
    """Why `--out` may not be replaced: it exists and is neither a regular file nor a symbolic
    link (a link is replaced, never followed). `/dev/null` run as root would otherwise become a
    regular file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as e:
        return f"cannot check {path}: {e.strerror}"
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{path} exists and is {kind}, not a PDF file: refusing to replace it; use a new name"


class OutputRefused(OSError):
    """The output appeared as something other than a regular file while the PDF was written."""


def _write_atomically(path: Path, data: bytes) -> None:
    """Write next to `path` (mode 0600: it is a resident's statement), then rename: an
    interrupted run leaves no half PDF behind, and a device, pipe, socket or folder at `path` is
    never replaced (checked again just before the rename)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        problem = not_replaceable(path)
        if problem:
            raise OutputRefused(problem)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def statement_command(args: argparse.Namespace, config: Config) -> int:
    out: Path = args.out
    person_id = args.person_id.strip().upper()
    problem = person_id_problem(person_id)
    if problem:  # the same check as `kiosk-admin resident`: a typo is named, not "unknown"
        return fail(
            "bad_person_id",
            f"{echo(mask_person_id(person_id))}: {problem}",
            args.json,
            EXIT_BAD_ARGUMENT,
        )
    if not out.parent.is_dir():
        return fail("bad_output", f"folder {out.parent} does not exist", args.json)
    refused = not_replaceable(out)
    if refused:
        return fail("bad_output", refused, args.json)
    try:
        store = Store.open(config.database_path, config.read_template_key())
    except ConfigError as e:
        return fail("config_error", str(e), args.json)
    try:
        resident = store.resident_by_person_id(person_id)
        as_of = _roster_date(store)
    finally:
        store.close()
    if resident is None:
        masked = mask_person_id(person_id)
        return fail("unknown_resident", f"no resident {masked} in the offline store", args.json)
    try:
        doc = build_statement(resident, _context(config, offline=True, data_as_of=as_of))
    except ConfigError as e:
        return fail("config_error", str(e), args.json)
    try:
        _write_atomically(out, doc.pdf)
    except OutputRefused as e:
        return fail("bad_output", str(e), args.json)
    except OSError as e:
        return fail("bad_output", f"cannot write {out}: {e.strerror}", args.json)
    emit(
        {
            "out": str(out),
            "pages": doc.pages,
            "verification_code": doc.verification_code,
            "person_id": mask_person_id(resident.person_id),
            "name": mask_name(resident.name),
            "contributions": len(resident.contributions),
            "data_as_of": as_of.isoformat() if as_of else None,
        },
        args.json,
    )
    return 0


def status_command(args: argparse.Namespace, config: Config) -> int:
    status = open_configured_printer(config).status()
    emit(
        {
            "printer": status.name,
            "kind": config.devices.printer,
            "state": status.state.value,
            "reasons": status.reasons if args.json else ", ".join(status.reasons) or "-",
            "message": status.message,
            "queued_jobs": status.queued_jobs,
            "hint": hint(status.state.value, config.devices.printer_name),
        },
        args.json,
    )
    return 0


def test_page_command(args: argparse.Namespace, config: Config) -> int:
    timeout = args.timeout if args.timeout is not None else config.devices.print_timeout
    try:
        doc = build_test_page(_context(config, offline=False, data_as_of=None))
    except ConfigError as e:
        return fail("config_error", str(e), args.json)
    printer = open_configured_printer(config)
    with tempfile.TemporaryDirectory(prefix="kiosk-test-page-") as folder:
        pdf = Path(folder) / "test-page.pdf"
        pdf.write_bytes(doc.pdf)
        try:
            result = printer.print_pdf(pdf, "kiosk test page", timeout)
        except PrinterError as e:
            todo = hint(e.code, config.devices.printer_name)
            return fail(e.code, f"{e.detail}; to do: {todo}" if todo else e.detail, args.json)
    emit(
        {
            "printed": True,
            "job_id": result.job_id,
            "pages": result.pages,
            "printer": config.devices.printer_name,
            "check": "the grid squares are 1 cm and complete; 䶮 and 𠮷 are printed",
        },
        args.json,
    )
    return 0
