"""Printers: a CUPS queue (`cups.CupsPrinter`) or a folder (`simulated.SimulatedPrinter`)."""

from __future__ import annotations

from pathlib import Path

from drivers.printer.api import Printer

KINDS = ("cups", "simulated")


def open_printer(kind: str, name: str, folder: Path) -> Printer:
    """The configured printer: `kind` "cups" uses queue `name`; "simulated" writes to `folder`.

    pycups is imported only for "cups", so a simulated kiosk runs without libcups.
    """
    if kind == "cups":
        from drivers.printer.cups import CupsPrinter

        return CupsPrinter(name)
    if kind == "simulated":
        from drivers.printer.simulated import SimulatedPrinter

        return SimulatedPrinter(folder, name=name or "simulated")
    raise ValueError(f"unknown printer kind {kind!r} (known: {', '.join(KINDS)})")
