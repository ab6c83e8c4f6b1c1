"""The statement printer as the application sees it: a worker in its own thread, and signals.

`PrinterWorker` owns the `drivers.printer` Printer (opened in its thread from `[devices]
printer`, `printer_name`, `simulated_printer_dir`) and its own `Store` connection (the store is
one instance per thread). Everything slow happens there: looking the resident up, building the
PDF with kiosk/documents (~0.2 s for thirty years), drawing the first page for the preview with
QtPdf, following the CUPS job (up to `print_timeout`), and writing the `statement_print`
transaction — in the same step as the outcome is known and before any signal tells the screen.

The preview is drawn with QtPdf's `QPdfDocument` (PySide6-Addons, already a dependency) rather
than `pdftoppm`: no process to start and no extra package on the kiosk image, and it renders into
a QImage, which may be made off the GUI thread and handed over by a queued signal.

When it starts, the worker warms the document fonts up (kiosk/documents/warm_up.py: about 1 s
of font parsing that the first statement in a process would otherwise pay while a resident waits).

A prepared document lives in the worker (its PDF in `<data_dir>/spool`, mode 0600) until it is
printed or `discard()`ed at the end of the session; leftovers from a crash are deleted at start.
`PrinterService` is the GUI-side facade; requests carry an id so that a late answer for a
session that has ended is recognised and dropped.

The worker is the only owner of the printer in the application: maintenance mode's printer check
(`probe_status`, answered by `status_probed` with a diagnostics `Check`) and its test page
(`print_test_page`, answered by `test_page_done`) run here too, never on a second printer object.
A test page is not a resident's document: it writes no transaction here (maintenance audits it)
and does not count towards out of service.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QThread, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from drivers.errors import DeviceError, PrinterError, PrinterUnavailable
from drivers.printer.api import Printer
from kiosk.config import Config
from kiosk.core.clock import kiosk_now
from kiosk.core.masking import mask_person_id
from kiosk.core.statement_rules import (
    DOCUMENT_FAILED_CODE,
    NO_RECORD_CODE,
    NOT_PREPARED_CODE,
    STATEMENT_PRINT_KIND,
    DocumentKind,
    PrintOutcome,
    receipt_outcome,
    roster_date,
)
from kiosk.documents import (
    DocumentContext,
    RenderedDocument,
    build_receipt,
    build_statement,
    build_test_page,
)
from kiosk.documents.warm_up import warm_up
from kiosk.ops import devices
from kiosk.ops.diagnostics import Check, CheckId, State, probe_printer
from kiosk.private_files import make_private_dir
from kiosk.services.store_faults import report_store_error
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker
from offline_cache.store import Store

log = logging.getLogger(__name__)

SPOOL_DIR = "spool"  # under [paths] data_dir: PDFs waiting to be printed (personal data)
SPOOL_MODE = 0o600
PREVIEW_DPI = 200  # the first page is drawn at this resolution; the screen scales it down
POINTS_PER_INCH = 72.0
TITLES = {DocumentKind.STATEMENT: "statement", DocumentKind.RECEIPT: "receipt"}
TEST_PAGE_TITLE = "kiosk test page"


@dataclass(frozen=True)
class Preview:
    """What the preview screen shows: the first page as an image and the page count."""

    request_id: int
    document: DocumentKind
    pages: int
    image: QImage


@dataclass(frozen=True)
class TestPageResult:
    """A test page's outcome, for maintenance: `message` is the technician's short text ("job 7,
    1 page(s)" or "code: detail")."""

    __test__ = False  # not a pytest test class

    request_id: int
    printed: bool
    message: str
    job_id: int | None = None


@dataclass
class _Prepared:
    document: DocumentKind
    person_id: str
    rendered: RenderedDocument
    path: Path


def open_configured_printer(config: Config) -> Callable[[], Printer]:
    """A factory the worker thread calls, so the thread that opens the printer owns it."""
    return lambda: devices.open_configured_printer(config)


def open_configured_store(config: Config) -> Callable[[], Store]:
    def factory() -> Store:
        return Store.open(config.database_path, config.read_template_key())

    return factory


def document_context(config: Config) -> Callable[[Store], DocumentContext]:
    """The context of every printed document: the terminal, the store's corrected time, and the
    offline note dated by the last complete roster pull (the kiosk always prints from its copy)."""

    def make(store: Store) -> DocumentContext:
        return DocumentContext(
            township_name=config.terminal.township_name,
            terminal_id=config.terminal.id,
            printed_at=store.now(),
            secret=config.read_terminal_secret(),
            offline=True,
            data_as_of=roster_date(store.sync_status().feed_ages_s),
        )

    return make


def test_page_builder(config: Config) -> Callable[[], RenderedDocument]:
    """The test page as maintenance prints it: the terminal, kiosk time, not offline data."""

    def build() -> RenderedDocument:
        return build_test_page(
            DocumentContext(
                township_name=config.terminal.township_name,
                terminal_id=config.terminal.id,
                printed_at=kiosk_now(),
                secret=config.read_terminal_secret(),
            )
        )

    return build


def render_first_page(pdf: Path | bytes, dpi: int = PREVIEW_DPI) -> QImage:
    """The first page of `pdf` (a file, or the PDF itself: read from memory, never written) as
    an image (any thread); a null QImage if it cannot be read."""
    document = QPdfDocument()
    buffer = QBuffer()
    try:
        if isinstance(pdf, bytes):
            buffer.setData(QByteArray(pdf))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document.load(buffer)  # from a device: returns nothing, loads at once (no network)
            error = document.error()
        else:
            error = document.load(str(pdf))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return QImage()
        points = document.pagePointSize(0)
        size = QSize(
            round(points.width() * dpi / POINTS_PER_INCH),
            round(points.height() * dpi / POINTS_PER_INCH),
        )
        return document.render(0, size)
    finally:
        document.close()


class PrinterWorker(QObject):
    prepared = Signal(Preview)
    prepare_failed = Signal(int, str)  # request id, code (no_record, print_failed)
    printing = Signal(int)  # request id: the job was handed to the printer
    completed = Signal(int, object)  # request id, PrintOutcome (recorded)
    failed = Signal(int, str, str)  # request id, code, technician detail (recorded if printed)
    status_probed = Signal(int, object)  # request id, diagnostics Check (maintenance)
    test_page_done = Signal(TestPageResult)  # maintenance
    warmed_up = Signal()  # the document fonts are loaded (start-up, in this thread)

    def __init__(
        self,
        open_printer_fn: Callable[[], Printer],
        open_store_fn: Callable[[], Store],
        context: Callable[[Store], DocumentContext],
        spool: Path,
        timeout: float,
        warm_up_fn: Callable[[], object] = warm_up,
        *,
        printer_kind: str = "cups",
        test_page: Callable[[], RenderedDocument] | None = None,
    ) -> None:
        """`printer_kind` is `[devices] printer` (a simulated printer is a diagnostics warning);
        `test_page` builds the maintenance test page (None: the test page is refused)."""
        super().__init__()
        self._open_printer = open_printer_fn
        self._open_store = open_store_fn
        self._context = context
        self._spool = spool
        self._timeout = timeout
        self._warm_up = warm_up_fn
        self._printer_kind = printer_kind
        self._test_page = test_page
        self._printer: Printer | None = None
        self._store: Store | None = None
        self._prepared: dict[int, _Prepared] = {}

    # --- life cycle ---------------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        assert_in_thread(self)
        make_private_dir(self._spool)  # statements waiting to print: the kiosk user's alone
        for leftover in self._spool.glob("*.pdf"):
            leftover.unlink(missing_ok=True)  # a crash left personal data behind
        # The first document in a process parses the fonts (~1 s): pay it now, in this thread,
        # so that the first resident's preview comes as fast as every later one.
        self._warm_up()
        self.warmed_up.emit()

    @Slot()
    def stop(self) -> None:
        self.discard_all()
        if self._store is not None:
            self._store.close()
            self._store = None

    # --- requests -----------------------------------------------------------------------------
    @Slot(int, str)
    def prepare_statement(self, request_id: int, person_id: str) -> None:
        assert_in_thread(self)
        try:
            store = self._store_()
            resident = store.resident_by_person_id(person_id)
            if resident is None:
                log.info("no record for %s in the offline copy", mask_person_id(person_id))
                self.prepare_failed.emit(request_id, NO_RECORD_CODE)
                return
            context = self._context(store)
            rendered = build_statement(resident, context)
            # the spool and the preview can fail too (a full or broken disk): told, not stuck
            self._keep(request_id, DocumentKind.STATEMENT, person_id, rendered)
            # the screen shows its own copy: the name masked, no offline note (it is printed)
            image = render_first_page(build_statement(resident, context, on_screen=True).pdf)
        except Exception as e:  # a broken record, store or disk must not end the kiosk
            log.exception("could not build the statement")
            report_store_error(e, "printer")
            self.discard_all()
            self.prepare_failed.emit(request_id, DOCUMENT_FAILED_CODE)
            return
        self.prepared.emit(Preview(request_id, DocumentKind.STATEMENT, rendered.pages, image))

    @Slot(int, object)
    def print_receipt(self, request_id: int, request: object) -> None:
        """Build the certification receipt and print it at once (no preview)."""
        assert_in_thread(self)
        try:
            outcome = receipt_outcome(request)
            rendered = build_receipt(outcome, self._context(self._store_()))
            self._keep(request_id, DocumentKind.RECEIPT, outcome.person_id, rendered)
        except Exception as e:
            log.exception("could not build the certification receipt")
            report_store_error(e, "printer")
            self.failed.emit(request_id, DOCUMENT_FAILED_CODE, "receipt not built")
            return
        self.print_prepared(request_id)

    @Slot(int)
    def print_prepared(self, request_id: int) -> None:
        assert_in_thread(self)
        prepared = self._prepared.pop(request_id, None)
        if prepared is None:
            self.failed.emit(request_id, NOT_PREPARED_CODE, "nothing prepared for this request")
            return
        self.printing.emit(request_id)
        code: str | None = None
        detail = ""
        job_id: int | None = None
        try:
            result = self._printer_().print_pdf(
                prepared.path, TITLES[prepared.document], self._timeout
            )
            pages = result.pages or prepared.rendered.pages
            job_id = result.job_id
        except PrinterError as e:
            code, detail, pages = e.code, e.detail, prepared.rendered.pages
        except Exception as e:  # pycups or the filesystem: still recorded, still told
            log.exception("unexpected error while printing")
            code, detail, pages = DOCUMENT_FAILED_CODE, type(e).__name__, prepared.rendered.pages
        finally:
            prepared.path.unlink(missing_ok=True)
        outcome = PrintOutcome(
            document=prepared.document,
            person_id=prepared.person_id,
            verification_code=prepared.rendered.verification_code,
            pages=max(1, pages),
            printed=code is None,
            printer_error=code,
            job_id=job_id,
        )
        self._record(outcome)
        if code is None:
            log.info("%s printed: job %s, %d pages", prepared.document.value, job_id, outcome.pages)
            self.completed.emit(request_id, outcome)
        else:
            log.warning("%s not printed: %s (%s)", prepared.document.value, code, detail)
            self.failed.emit(request_id, code, detail)

    @Slot()
    def discard_all(self) -> None:
        """End of session: forget every prepared document and delete its PDF."""
        for prepared in self._prepared.values():
            prepared.path.unlink(missing_ok=True)
        self._prepared.clear()

    @Slot(int)
    def probe_status(self, request_id: int) -> None:
        """Maintenance's printer check, on the printer this thread owns."""
        assert_in_thread(self)
        try:
            printer = self._printer_()
        except PrinterError as e:
            check = Check(CheckId.PRINTER, State.FAULT, e.code, e.detail)
        else:
            check = probe_printer(printer.status, self._printer_kind)
        self.status_probed.emit(request_id, check)

    @Slot(int)
    def print_test_page(self, request_id: int) -> None:
        """Build and print maintenance's test page and follow the job (up to `print_timeout`).
        No transaction: maintenance audits it once the technician has looked at the page."""
        assert_in_thread(self)
        try:
            if self._test_page is None:
                raise RuntimeError("no test page builder")
            doc = self._test_page()
            with tempfile.TemporaryDirectory(prefix="kiosk-test-page-") as folder:
                pdf = Path(folder) / "test-page.pdf"
                pdf.write_bytes(doc.pdf)
                result = self._printer_().print_pdf(pdf, TEST_PAGE_TITLE, self._timeout)
        except DeviceError as e:
            self.test_page_done.emit(TestPageResult(request_id, False, f"{e.code}: {e.detail}"))
            return
        except Exception as e:  # configuration or PDF problem: say it, keep the kiosk up
            message = f"{type(e).__name__}: {e}"
            self.test_page_done.emit(TestPageResult(request_id, False, message))
            return
        message = f"job {result.job_id}, {result.pages} page(s)"
        self.test_page_done.emit(TestPageResult(request_id, True, message, result.job_id))

    @property
    def prepared_count(self) -> int:
        """How many documents are held (tests: nothing stays after the session)."""
        return len(self._prepared)

    # --- inside the worker --------------------------------------------------------------------
    def _store_(self) -> Store:
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def _printer_(self) -> Printer:
        if self._printer is None:
            try:
                self._printer = self._open_printer()
            except (DeviceError, ImportError, ValueError) as e:
                raise PrinterUnavailable(str(e)) from e
        return self._printer

    def _keep(
        self, request_id: int, document: DocumentKind, person_id: str, rendered: RenderedDocument
    ) -> _Prepared:
        path = self._spool / f"{request_id:06d}-{document.value}.pdf"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, SPOOL_MODE)
            with os.fdopen(fd, "wb") as f:
                f.write(rendered.pdf)
        except OSError:
            path.unlink(missing_ok=True)  # half a statement is still personal data
            raise
        self.discard_all()  # one document per session at a time
        prepared = _Prepared(document, person_id, rendered, path)
        self._prepared[request_id] = prepared
        return prepared

    def _record(self, outcome: PrintOutcome) -> None:
        """The transaction, before the resident is told (the caller emits afterwards)."""
        try:
            self._store_().record(STATEMENT_PRINT_KIND, outcome.payload(), outcome.person_id)
        except Exception as e:
            log.exception("could not record the statement_print transaction")
            report_store_error(e, "printer")


class PrinterService(QObject):
    """GUI-side facade: requests that never block, the worker's signals, and request ids."""

    prepared = Signal(Preview)
    prepare_failed = Signal(int, str)
    printing = Signal(int)
    completed = Signal(int, object)  # request id, PrintOutcome
    failed = Signal(int, str, str)  # request id, code, detail
    status_probed = Signal(int, object)  # request id, diagnostics Check
    test_page_done = Signal(TestPageResult)

    _prepare_statement = Signal(int, str)
    _print_receipt = Signal(int, object)
    _print_prepared = Signal(int)
    _discard_all = Signal()
    _probe_status = Signal(int)
    _print_test_page = Signal(int)

    def __init__(self, worker: PrinterWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._next_id = 0
        w = worker
        w.prepared.connect(self.prepared)
        w.prepare_failed.connect(self.prepare_failed)
        w.printing.connect(self.printing)
        w.completed.connect(self.completed)
        w.failed.connect(self.failed)
        w.status_probed.connect(self.status_probed)
        w.test_page_done.connect(self.test_page_done)
        self._prepare_statement.connect(w.prepare_statement)
        self._print_receipt.connect(w.print_receipt)
        self._print_prepared.connect(w.print_prepared)
        self._discard_all.connect(w.discard_all)
        self._probe_status.connect(w.probe_status)
        self._print_test_page.connect(w.print_test_page)
        self._thread: QThread | None = None

    @classmethod
    def from_config(cls, config: Config, parent: QObject | None = None) -> PrinterService:
        worker = PrinterWorker(
            open_configured_printer(config),
            open_configured_store(config),
            document_context(config),
            config.paths.data_dir / SPOOL_DIR,
            config.devices.print_timeout,
            printer_kind=config.devices.printer,
            test_page=test_page_builder(config),
        )
        return cls(worker, parent)

    def start(self) -> None:
        self._thread = start_worker(self.worker, "printer-worker")

    def shutdown(self) -> None:
        if self._thread is not None:
            stop_worker(self.worker, self._thread)
            self._thread = None

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def prepare_statement(self, person_id: str) -> int:
        request_id = self._new_id()
        self._prepare_statement.emit(request_id, person_id)
        return request_id

    def print_receipt(self, request: object) -> int:
        request_id = self._new_id()
        self._print_receipt.emit(request_id, request)
        return request_id

    def print_prepared(self, request_id: int) -> None:
        self._print_prepared.emit(request_id)

    def discard_all(self) -> None:
        self._discard_all.emit()

    def probe_status(self) -> int:
        """Maintenance's printer check; answered by `status_probed(request id, Check)`."""
        request_id = self._new_id()
        self._probe_status.emit(request_id)
        return request_id

    def print_test_page(self) -> int:
        """Maintenance's test page; answered by `test_page_done(TestPageResult)`."""
        request_id = self._new_id()
        self._print_test_page.emit(request_id)
        return request_id


__all__ = [
    "Preview",
    "PrinterService",
    "PrinterWorker",
    "TestPageResult",
    "open_configured_printer",
    "render_first_page",
    "test_page_builder",
]
