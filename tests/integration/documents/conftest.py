"""Residents and contexts for document tests, and the poppler tools that read the PDFs."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.documents import DocumentContext
from offline_cache.models import Contribution, Resident
from tests.fixtures.common import require_tool

CHINA = timezone(timedelta(hours=8))
SECRET = b"0123456789abcdef0123456789abcdef"
SCHEMES = (
    "employee_pension",
    "resident_pension",
    "unemployment",
    "medical",
    "work_injury",
    "maternity",
)


def contributions(years: range) -> list[Contribution]:
    return [
        Contribution(
            year=year,
            scheme=scheme,
            months_paid=12,
            base_cents=400000 + (year - 1990) * 1000,
            personal_cents=32000 + i * 100,
            unit_cents=64000 + i * 100,
        )
        for year in years
        for i, scheme in enumerate(SCHEMES)
    ]


def make_resident(years: range, name: str = "王䶮英") -> Resident:
    return Resident(
        person_id="32010219650315123X",
        name=name,
        gender="F",
        birth_date=date(1965, 3, 15),
        card_number="A12345678",
        township_code="320102001",
        version=3,
        account_balance_cents=12345650,
        contributions=contributions(years),
    )


@pytest.fixture
def ctx() -> DocumentContext:
    return DocumentContext(
        township_name="青山镇",
        terminal_id="T-320102001-003",
        printed_at=datetime(2026, 11, 28, 14, 32, 5, tzinfo=CHINA),
        secret=SECRET,
        offline=True,
        data_as_of=date(2026, 11, 27),
    )


@pytest.fixture
def pdftotext() -> Callable[..., str]:
    """Text of a PDF (or of one page) as poppler's pdftotext reads it."""
    tool = require_tool("pdftotext")

    def run(pdf: Path, page: int | None = None, layout: bool = False) -> str:
        args = [tool, "-enc", "UTF-8"]
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        if layout:
            args.append("-layout")
        return subprocess.run(
            [*args, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout

    return run


@pytest.fixture
def pdffonts() -> Callable[[Path], list[dict[str, str]]]:
    tool = require_tool("pdffonts")

    def run(pdf: Path) -> list[dict[str, str]]:
        out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.splitlines()[2:]:
            cols = line.split()
            # name type... encoding emb sub uni object ID
            rows.append({"name": cols[0], "emb": cols[-5], "uni": cols[-3]})
        return rows

    return run


@pytest.fixture
def pdfinfo() -> Callable[[Path], dict[str, str]]:
    tool = require_tool("pdfinfo")

    def run(pdf: Path) -> dict[str, str]:
        out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
        return {
            k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())
        }

    return run
