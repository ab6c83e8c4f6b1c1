"""The simulated printer: PDFs into a folder, and failures on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.errors import PrinterJammed, PrinterOutOfPaper, PrintFailed
from drivers.printer import open_printer
from drivers.printer.api import PrinterState
from drivers.printer.simulated import SimulatedPrinter


def test_prints_into_the_folder(tmp_path: Path, sample_pdf: Path) -> None:
    printer = open_printer("simulated", "", tmp_path / "out")
    first = printer.print_pdf(sample_pdf, "参保证明 / statement", timeout=1)
    second = printer.print_pdf(sample_pdf, "receipt", timeout=1)
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == ["0001-参保证明___statement.pdf", "0002-receipt.pdf"]
    assert files[0].read_bytes() == sample_pdf.read_bytes()
    assert (first.job_id, second.job_id) == (1, 2)
    assert first.pages == 1
    assert printer.status().state is PrinterState.READY


def test_fails_as_told_and_prints_nothing(tmp_path: Path, sample_pdf: Path) -> None:
    printer = SimulatedPrinter(tmp_path, fail_with=PrinterOutOfPaper("simulated"))
    assert printer.status().state is PrinterState.OUT_OF_PAPER
    with pytest.raises(PrinterOutOfPaper):
        printer.print_pdf(sample_pdf, "x", timeout=1)
    printer.fail_with = PrinterJammed()
    assert printer.status().state is PrinterState.JAMMED
    assert list(tmp_path.iterdir()) == []
    printer.fail_with = None
    printer.print_pdf(sample_pdf, "x", timeout=1)
    assert len(list(tmp_path.iterdir())) == 1


def test_missing_file_is_a_clear_print_failure(tmp_path: Path) -> None:
    with pytest.raises(PrintFailed, match="cannot read"):
        SimulatedPrinter(tmp_path).print_pdf(tmp_path / "nope.pdf", "x", timeout=1)


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown printer kind 'laser'"):
        open_printer("laser", "", tmp_path)
