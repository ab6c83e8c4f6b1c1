"""`kiosk-admin statement`: a resident's statement rendered from the real offline store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from offline_cache.store import Store
from tests.integration.documents.conftest import make_resident


@pytest.fixture
def seeded_config(write_config: Callable[..., Path]) -> Path:
    path = write_config(terminal={"township_name": "青山镇"})
    config = load_config(path)
    store = Store.open(config.database_path, config.read_template_key())
    try:
        store.upsert_resident(make_resident(range(2000, 2026)))
    finally:
        store.close()
    return path


def test_statement_is_written_from_the_store(
    seeded_config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pdftotext: Callable[..., str],
) -> None:
    out = tmp_path / "statement.pdf"
    code = main(
        ["--config", str(seeded_config), "statement", "--person-id", "32010219650315123X",
         "--out", str(out), "--json"]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result = json.loads(captured.out)
    assert result["person_id"] == "3201**********123X"
    assert result["name"] == "王*英"
    assert result["contributions"] == 26 * 6
    assert result["pages"] >= 3
    assert "32010219650315123X" not in captured.out + captured.err
    text = pdftotext(out)
    assert "王䶮英" in text
    assert result["verification_code"] in text
    assert "离线数据" in text  # rendered from the cache, so marked as such


def test_unknown_resident_fails_clearly_and_writes_nothing(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "statement.pdf"
    code = main(
        ["--config", str(seeded_config), "statement", "--person-id", "110101199001011234",
         "--out", str(out), "--json"]
    )  # fmt: skip
    assert code == 1
    result = json.loads(capsys.readouterr().out)
    assert result["error"] == "unknown_resident"
    assert "1101**********1234" in result["detail"]
    assert not out.exists()


def test_missing_output_folder_is_reported(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "statement.pdf"
    code = main(
        ["--config", str(seeded_config), "statement", "--person-id", "32010219650315123X",
         "--out", str(out)]
    )  # fmt: skip
    assert code == 1
    assert "bad_output" in capsys.readouterr().err
