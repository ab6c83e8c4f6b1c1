from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.store import Store


@pytest.fixture
def template_key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def store(tmp_path: Path, template_key: bytes) -> Iterator[Store]:
    s = Store.open(tmp_path / "kiosk.sqlite3", template_key)
    yield s
    s.close()
