"""A small real document to print (the printer test page: two fonts, one page)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.documents import DocumentContext, build_test_page


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ctx = DocumentContext(
        "青山镇", "T-TEST-PRINTER", datetime(2026, 11, 28, 9, 0, tzinfo=UTC), b"k"
    )
    path = tmp_path_factory.mktemp("print") / "test-page.pdf"
    path.write_bytes(build_test_page(ctx).pdf)
    return path
