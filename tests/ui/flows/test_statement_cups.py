"""The statement flow through a REAL cupsd: a cups-pdf queue (the job is followed to completion
and the PDF lands in cups-pdf's folder) and a queue whose backend reports media-empty (the
resident is told, the transaction says printed=false). Needs cupsd and cups-pdf (fails, never
skips, when they are missing: tests/fixtures/cups.py)."""

from __future__ import annotations

import shutil
from typing import Any

from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.statement.printing import PrintState
from tests.ui.helpers import click, current_name
from tests.ui.statement_helpers import seed, statement_prints, to_preview

CUPS_WAIT_MS = 90_000  # CUPS and Ghostscript on a busy 2-core machine; not a timing assertion


def _cups_app(make_kiosk_app: Any, queue: str) -> Any:
    app = make_kiosk_app(devices={"printer": "cups", "printer_name": queue, "print_timeout": 60})
    seed(app, years=30)
    return app


def test_statement_prints_through_cups_pdf(
    make_kiosk_app, card_reader, qtbot, cups_queue, cups_pdf_output, tmp_path
):
    app = _cups_app(make_kiosk_app, cups_queue("pdf"))
    completed: list[Any] = []
    app.statement.printer.completed.connect(lambda _rid, outcome: completed.append(outcome))
    preview = to_preview(qtbot, app, card_reader)
    assert preview.pages >= 3  # thirty years
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is not PrintState.PRINTING, timeout=CUPS_WAIT_MS)
    assert printing.state is PrintState.DONE, app.frame.instruction.text()
    [outcome] = completed
    landed = [p for p in cups_pdf_output.glob("*.pdf") if f"job_{outcome.job_id}." in p.name]
    assert len(landed) == 1 and landed[0].read_bytes().startswith(b"%PDF")
    shutil.copy(landed[0], tmp_path / "cups-statement.pdf")  # kept for looking at (-s / --basetemp)
    [(person_id, payload)] = statement_prints(app)
    assert person_id == SAMPLE_CARD.person_id
    assert payload["printed"] is True and payload["pages"] == preview.pages
    landed[0].unlink()


def test_out_of_paper_through_cups_is_told_and_recorded(
    make_kiosk_app, card_reader, qtbot, cups_queue
):
    app = _cups_app(make_kiosk_app, cups_queue("media-empty"))
    preview = to_preview(qtbot, app, card_reader)
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is not PrintState.PRINTING, timeout=CUPS_WAIT_MS)
    assert printing.state is PrintState.FAILED
    assert app.frame.instruction.text() == "打印机没有纸了"
    [(_pid, payload)] = statement_prints(app)
    assert payload["printed"] is False and payload["printer_error"] == "out_of_paper"
    click(qtbot, printing.button)
    assert current_name(app) == "help"
