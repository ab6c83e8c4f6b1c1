"""打印参保证明 end to end with the simulated card reader and the simulated printer: the tile, the
card, the PIN, the preview, printing, "请取走您的参保证明", the card reminder — and the transaction
in the real offline store, written before the resident is told."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drivers.errors import PrinterJammed, PrinterOutOfPaper
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.statement.printing import PrintState
from tests.ui.helpers import click, current_name
from tests.ui.statement_helpers import (
    PIN,
    WAIT_MS,
    pdftotext,
    print_statement,
    seeded_app,
    simulated_printer,
    statement_prints,
    to_pin,
    to_preview,
    type_pin,
)


@pytest.fixture
def app(make_kiosk_app: Any) -> Any:
    return seeded_app(make_kiosk_app)


def test_tile_card_pin_preview_print_take_and_card_reminder(app, card_reader, qtbot):
    preview = to_preview(qtbot, app, card_reader)
    assert preview.pages >= 1
    assert not preview.page.image.isNull() and preview.page.image.width() > 1000
    assert "✓ 输密码" in app.frame.steps.plain_text()
    assert preview.pages_label.isVisible()
    printing = print_statement(qtbot, app, preview)
    assert app.frame.instruction.text() == "请取走您的参保证明"
    assert app.voice.history[-1] == "take_statement"

    # recorded (before the screen was told), printed=true, with a code that verifies
    [(person_id, payload)] = statement_prints(app)
    assert person_id == SAMPLE_CARD.person_id
    assert payload["document"] == "contribution_statement"
    assert payload["printed"] is True and "printer_error" not in payload
    assert payload["pages"] == preview.pages
    printed = simulated_printer(app).printed
    assert len(printed) == 1 and printed[0].read_bytes().startswith(b"%PDF")
    assert len(payload["verification_code"]) == 19

    click(qtbot, printing.button)  # 取好了
    assert current_name(app) == "rating"  # the rating, skippable, before the session ends
    assert app.screen("rating").service == "statement"
    assert app.session.card is not None  # the card is still in: the reminder comes after
    click(qtbot, app.screen("rating").skip)
    qtbot.waitUntil(lambda: current_name(app) == "take_card", timeout=WAIT_MS)
    assert app.session.card is None
    card_reader.remove()
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    # the spool holds no personal data once printed
    assert list((app.config.paths.data_dir / "spool").glob("*.pdf")) == []


def test_wrong_pin_shows_and_says_tries_left_then_right_pin(app, card_reader, qtbot):
    to_pin(qtbot, app, card_reader)
    pin = app.screen("pin")
    type_pin(qtbot, app, "000000")
    qtbot.waitUntil(lambda: pin.tries_left == 2, timeout=WAIT_MS)
    assert pin.keypad.tries_label.isVisible()
    assert pin.keypad.tries_label.text() == "还可以再试 2 次"
    assert app.frame.instruction.text() == "密码不对，请重新输入"
    assert pin.keypad.value == ""
    said = [u.text for u in pin.utterances() if hasattr(u, "text")]
    assert said == ["还可以再试 2 次"]
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)


def test_blocked_pin_sends_the_resident_to_the_counter(app, card_reader, qtbot):
    to_pin(qtbot, app, card_reader, pin_tries=1)
    pin = app.screen("pin")
    type_pin(qtbot, app, "000000")
    qtbot.waitUntil(lambda: pin.blocked.isVisible(), timeout=WAIT_MS)
    assert app.frame.instruction.text() == "社保卡密码已被锁定"
    assert pin.where.text() == "请到镇便民服务中心1号窗口办理"
    assert not pin.keypad.isVisible()
    assert statement_prints(app) == []
    click(qtbot, pin.home_button)
    qtbot.waitUntil(lambda: current_name(app) == "take_card", timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("error", "what", "todo", "code"),
    [
        (
            PrinterOutOfPaper("media-empty"),
            "打印机没有纸了",
            "请找工作人员，或点求助",
            "out_of_paper",
        ),
        (PrinterJammed("media-jam"), "打印机卡纸了", "请找工作人员，或点求助", "paper_jam"),
    ],
)
def test_printer_failure_is_told_and_recorded_not_printed(
    app, card_reader, qtbot, error, what, todo, code
):
    preview = to_preview(qtbot, app, card_reader)
    simulated_printer(app).fail_with = error
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is PrintState.FAILED, timeout=WAIT_MS)
    assert app.frame.instruction.text() == what
    assert printing.detail.text() == todo
    assert printing.banner.text().startswith("✕")
    assert printing.button.text() == "求助"
    [(person_id, payload)] = statement_prints(app)
    assert person_id == SAMPLE_CARD.person_id
    assert payload["printed"] is False and payload["printer_error"] == code
    assert payload["pages"] == preview.pages
    click(qtbot, printing.button)
    assert current_name(app) == "help"


def test_card_removed_on_the_preview_clears_screen_and_memory(app, card_reader, qtbot):
    preview = to_preview(qtbot, app, card_reader)
    worker = app.statement.printer.worker
    spool = app.config.paths.data_dir / "spool"
    assert worker.prepared_count == 1 and len(list(spool.glob("*.pdf"))) == 1
    card_reader.remove()
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    assert preview.page.image.isNull() and preview.pages == 0
    assert app.screen("pin").keypad.value == ""
    assert app.session.card is None
    qtbot.waitUntil(lambda: worker.prepared_count == 0, timeout=WAIT_MS)
    assert list(spool.glob("*.pdf")) == []
    assert statement_prints(app) == []  # nothing was printed, nothing claimed


def test_resident_missing_from_the_copy_is_sent_to_the_counter(make_kiosk_app, card_reader, qtbot):
    app = make_kiosk_app()  # nothing seeded
    to_pin(qtbot, app, card_reader)
    type_pin(qtbot, app, PIN)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: current_name(app) == "printing", timeout=WAIT_MS)
    assert printing.state is PrintState.FAILED
    assert app.frame.instruction.text() == "本机没有找到您的缴费记录"
    assert printing.detail.text() == "请到镇便民服务中心1号窗口办理"


def test_a_spool_that_cannot_be_written_is_told_not_a_spinner_for_ever(app, card_reader, qtbot):
    """A full or broken disk while the statement is kept for printing: the resident hears that
    it cannot be printed here, instead of "正在准备" until the idle countdown."""
    import shutil

    spool = app.config.paths.data_dir / "spool"
    qtbot.waitUntil(spool.is_dir, timeout=WAIT_MS)  # the printer worker made it at start-up
    shutil.rmtree(spool)
    spool.write_text("not a folder")  # every write into it fails
    to_pin(qtbot, app, card_reader)
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: current_name(app) == "printing", timeout=WAIT_MS)
    printing = app.screen("printing")
    assert printing.state is PrintState.FAILED
    assert printing.button.isVisible()  # a way on: 求助 / home
    assert statement_prints(app) == []  # nothing was printed, so nothing is recorded


def test_the_printed_code_verifies_against_the_offline_data(app, card_reader, qtbot):
    print_statement(qtbot, app, to_preview(qtbot, app, card_reader))
    [(_pid, payload)] = statement_prints(app)
    pdf = simulated_printer(app).printed[0]
    text = pdftotext(pdf)
    assert payload["verification_code"] in text
    assert "离线数据" in text  # the offline note


def test_the_preview_shows_the_masked_name_and_the_print_the_full_one(
    app, card_reader, qtbot, monkeypatch, tmp_path
):
    import kiosk.services.printer_service as printer_service

    drawn: list[bytes | Path] = []
    render = printer_service.render_first_page

    def recording_render(pdf: Any, *args: Any, **kwargs: Any) -> Any:
        drawn.append(pdf)
        return render(pdf, *args, **kwargs)

    monkeypatch.setattr(printer_service, "render_first_page", recording_render)
    preview = to_preview(qtbot, app, card_reader)
    assert len(drawn) == 1 and isinstance(drawn[0], bytes)
    (tmp_path / "shown.pdf").write_bytes(drawn[0])
    shown = "".join(pdftotext(tmp_path / "shown.pdf").split())
    full = SAMPLE_CARD.name
    assert f"姓名：{full[0]}*{full[-1]}" in shown and full not in shown
    assert "离线数据" not in shown
    click(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: len(simulated_printer(app).printed) == 1, timeout=WAIT_MS)
    printed = "".join(pdftotext(simulated_printer(app).printed[0]).split())
    assert f"姓名：{full}" in printed
