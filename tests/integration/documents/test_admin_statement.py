"""`kiosk-admin statement`: a resident's statement rendered from the real offline store."""

from __future__ import annotations

import json
import os
import socket
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from offline_cache.store import Store
from tests.integration.documents.conftest import make_resident

PERSON_ID = "32010819650315123X"  # a valid check digit: `statement` checks it like `resident`


@pytest.fixture
def seeded_config(write_config: Callable[..., Path]) -> Path:
    path = write_config(terminal={"township_name": "青山镇"})
    config = load_config(path)
    store = Store.open(config.database_path, config.read_template_key())
    try:
        store.upsert_resident(replace(make_resident(range(2000, 2026)), person_id=PERSON_ID))
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
        ["--config", str(seeded_config), "statement", "--person-id", PERSON_ID,
         "--out", str(out), "--json"]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result = json.loads(captured.out)
    assert result["person_id"] == "3201**********123X"
    assert result["name"] == "王*英"
    assert result["contributions"] == 26 * 6
    assert result["pages"] >= 3
    assert PERSON_ID not in captured.out + captured.err
    text = pdftotext(out)
    assert "王䶮英" in text
    assert result["verification_code"] in text
    assert "离线数据" in text  # rendered from the cache, so marked as such


def test_unknown_resident_fails_clearly_and_writes_nothing(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "statement.pdf"
    code = main(
        ["--config", str(seeded_config), "statement", "--person-id", "110101199001011237",
         "--out", str(out), "--json"]
    )  # fmt: skip
    assert code == 1
    result = json.loads(capsys.readouterr().out)
    assert result["error"] == "unknown_resident"
    assert "1101**********1237" in result["detail"]
    assert not out.exists()


def test_missing_output_folder_is_reported(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "statement.pdf"
    code = main(
        ["--config", str(seeded_config), "statement", "--person-id", PERSON_ID,
         "--out", str(out)]
    )  # fmt: skip
    assert code == 1
    assert "bad_output" in capsys.readouterr().err


def _statement(config: Path, out: Path, person_id: str = PERSON_ID) -> list[str]:
    return ["--config", str(config), "statement", "--person-id", person_id, "--out", str(out),
            "--json"]  # fmt: skip


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        yield path


def _special(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / f"out-{kind}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        return Path(request.getfixturevalue("unix_socket"))
    elif kind == "device":
        if os.geteuid() != 0:  # mknod needs root; a user cannot replace /dev/null itself
            return Path("/dev/null")
        # as root: a copy of /dev/null's node (1, 3), harmless if it were replaced
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    return path


@pytest.mark.parametrize("kind", ["fifo", "folder", "socket", "device"])
def test_an_existing_special_file_is_never_replaced(
    kind: str,
    seeded_config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    """As root, `--out /dev/null` once made /dev/null a regular file holding a statement."""
    out = _special(kind, tmp_path, request)
    before = out.lstat()
    code = main(_statement(seeded_config, out))
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["error"] == "bad_output"
    assert "refusing to replace" in result["detail"] and str(out) in result["detail"]
    after = out.lstat()
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert after.st_ino == before.st_ino
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")] == []


def test_a_symlink_is_replaced_not_followed(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    out = tmp_path / "link.pdf"
    out.symlink_to(target)
    assert main(_statement(seeded_config, out)) == 0, capsys.readouterr()
    assert not out.is_symlink() and out.read_bytes().startswith(b"%PDF")
    assert target.read_text() == "keep me"


def test_the_statement_is_private_whatever_the_umask(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "statement.pdf"
        assert main(_statement(seeded_config, out)) == 0, capsys.readouterr()
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_mistyped_id_number_is_named_like_resident_does(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "statement.pdf"
    code = main(_statement(seeded_config, out, "320108196503151234"))  # check digit should be X
    result = json.loads(capsys.readouterr().out)
    assert (code, result["error"]) == (2, "bad_person_id")
    assert "check digit" in result["detail"]
    assert "320108196503151234" not in result["detail"]
    assert not out.exists()


def test_a_huge_argument_is_not_echoed_back(
    seeded_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "1" * 10_000_000
    code = main(_statement(seeded_config, tmp_path / "statement.pdf", huge))
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert (code, result["error"]) == (2, "bad_person_id")
    assert len(captured.out) < 300, captured.out[:300]
    assert "…" in result["detail"]
