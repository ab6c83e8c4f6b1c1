"""`kiosk-admin printer status|test-page` against the simulated printer and a real cupsd."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main


def run(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["--config", str(config), *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_test_page_through_the_simulated_printer(
    write_config: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "printed"
    config = write_config(devices={"printer": "simulated", "simulated_printer_dir": str(folder)})
    code, result = run(config, capsys, "printer", "test-page")
    assert code == 0
    assert result["printed"] is True and result["pages"] == 1
    printed = list(folder.glob("*.pdf"))
    assert len(printed) == 1
    assert printed[0].read_bytes().startswith(b"%PDF")


@pytest.mark.realstack
def test_status_and_test_page_through_cups(
    write_config: Callable[..., Path],
    cups_queue: Callable[..., str],
    cups_pdf_output: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue = cups_queue("pdf")
    config = write_config(devices={"printer": "cups", "printer_name": queue, "print_timeout": 60})
    code, status = run(config, capsys, "printer", "status")
    assert code == 0
    assert status["state"] == "ready" and status["printer"] == queue

    code, result = run(config, capsys, "printer", "test-page")
    assert code == 0, result
    (landed,) = cups_pdf_output.glob(f"*job_{result['job_id']}.pdf")
    landed.unlink()


@pytest.mark.realstack
def test_test_page_on_a_disabled_queue_fails_with_the_error_code(
    write_config: Callable[..., Path],
    cups_queue: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue = cups_queue("disabled")
    config = write_config(devices={"printer": "cups", "printer_name": queue})
    code, status = run(config, capsys, "printer", "status")
    assert code == 0 and status["state"] == "disabled"
    assert f"cupsenable {queue}" in status["hint"]  # the technician is told what to do
    code, result = run(config, capsys, "printer", "test-page")
    assert code == 1
    assert result["error"] == "printer_unavailable"
    assert f"to do: start cupsd, check the queue `{queue}`" in result["detail"]


@pytest.mark.realstack
def test_out_of_paper_is_named_with_the_next_step_in_text_and_json(
    write_config: Callable[..., Path],
    cups_queue: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue = cups_queue("media-empty")
    config = write_config(devices={"printer": "cups", "printer_name": queue, "print_timeout": 30})
    code, result = run(config, capsys, "printer", "test-page")
    assert code == 1 and result["error"] == "out_of_paper"
    assert "load paper" in result["detail"]
    code, status = run(config, capsys, "printer", "status")
    assert status["state"] == "out_of_paper"
    assert status["reasons"] == ["media-empty-error"]
    assert status["hint"].startswith("load paper, then `cupsenable")
    assert main(["--config", str(config), "printer", "status"]) == 0
    text = capsys.readouterr().out
    assert "reasons      media-empty-error\n" in text  # readable, not a Python list
    assert "hint         load paper" in text
