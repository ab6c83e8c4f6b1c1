"""Shared steps of the statement-flow UI tests: seed the real offline store, walk the screens,
read back the `statement_print` transactions."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from drivers.printer.simulated import SimulatedPrinter
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.statement_samples import statement_resident
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.statement.printing import PrintState
from offline_cache.store import Store
from tests.fixtures.common import require_tool
from tests.ui.helpers import click, current_name, type_digits
from tests.ui.info_seed import transactions

PIN = "123456"
WAIT_MS = 10_000


def seeded_app(make_kiosk_app: Callable[..., Any]) -> Any:
    """A started app whose store holds the sample resident's contributions (`seed`)."""
    app = make_kiosk_app()
    seed(app)
    return app


def open_store(app: Any) -> Store:
    return Store.open(app.config.database_path, app.config.read_template_key())


def seed(app: Any, years: int = 3) -> None:
    store = open_store(app)
    try:
        store.upsert_resident(statement_resident(SAMPLE_CARD, years=years))
    finally:
        store.close()


def statement_prints(app: Any) -> list[tuple[str | None, dict[str, Any]]]:
    """The statement_print transactions queued in the store, oldest first."""
    store = open_store(app)
    try:
        found = transactions(store, "statement_print")
    finally:
        store.close()
    return [
        (tx.person_id, json.loads(tx.body)["payload"]) for tx in sorted(found, key=lambda t: t.seq)
    ]


def simulated_printer(app: Any) -> SimulatedPrinter:
    """The worker's own printer object (opened in its thread on first use)."""
    worker = app.statement.printer.worker
    printer = worker._printer_()  # opening a SimulatedPrinter does no I/O
    assert isinstance(printer, SimulatedPrinter)
    return printer


def type_pin(qtbot: Any, app: Any, pin: str) -> None:
    type_digits(qtbot, app.screen("pin").keypad, pin)


def to_pin(qtbot: Any, app: Any, card_reader: Any, **insert: Any) -> None:
    click(qtbot, app.screen("home").tiles.tiles[Service.STATEMENT])
    assert current_name(app) == "insert_card"
    card_reader.insert(SAMPLE_CARD, **insert)
    qtbot.waitUntil(lambda: current_name(app) == "pin", timeout=WAIT_MS)


def to_preview(qtbot: Any, app: Any, card_reader: Any) -> Any:
    to_pin(qtbot, app, card_reader)
    type_pin(qtbot, app, PIN)
    preview = app.screen("statement_preview")
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: preview.ready, timeout=WAIT_MS)
    return preview


def print_statement(qtbot: Any, app: Any, preview: Any) -> Any:
    """Press 打印 on the preview and wait until the statement is out: the printing screen."""
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is PrintState.DONE, timeout=WAIT_MS)
    return printing


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        [require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
