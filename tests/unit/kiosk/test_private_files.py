"""Residents' data is the kiosk user's alone whatever the umask: the data directory and its
folders 0700; the database (and its -wal/-shm), logs (rotated ones too), printed copies, exports
and bundles 0600; an older install's 755/644 tightened at start; a data directory that is a file
and a secret others can read refused with a message that says what to run."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.printer.simulated import SimulatedPrinter
from kiosk.cli import main as admin_main
from kiosk.config import load_config
from kiosk.logging_setup import LOG_FILE_NAME, setup_logging
from kiosk.ops.bundle import export_bundle, export_rejected
from kiosk.private_files import DataDirError, check_data_dir, prepare_data_dir, replace_private
from offline_cache.store import Store

WriteConfig = Callable[..., Path]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The umask of a stock Debian session: files 644 and folders 755 unless the code says."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def kiosk_log_handler() -> Iterator[None]:
    """setup_logging installs a handler on the root logger: removed again after the test."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_new_data_dir_database_and_wal_are_private(
    umask_022: None, write_config: WriteConfig, tmp_path: Path
) -> None:
    config = load_config(write_config(paths={"data_dir": str(tmp_path / "fresh" / "data")}))
    assert prepare_data_dir(config) == []
    store = Store.open(config.database_path, config.read_template_key())
    try:
        store.record("rating", {"service": "jobs", "score": 5})  # the WAL now exists
        db = config.database_path
        assert mode(config.paths.data_dir) == 0o700
        assert mode(db) == 0o600
        assert mode(db.with_name(db.name + "-wal")) == 0o600
        assert mode(db.with_name(db.name + "-shm")) == 0o600
    finally:
        store.close()


def test_kiosk_admin_creates_the_data_dir_private_too(
    umask_022: None, write_config: WriteConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk-admin queue` before the kiosk ever ran made the data directory 755."""
    data = tmp_path / "never-ran" / "data"
    config = write_config(paths={"data_dir": str(data)})
    assert admin_main(["--config", str(config), "queue", "--json"]) == 0, capsys.readouterr()
    assert mode(data) == 0o700
    assert mode(data / "kiosk.sqlite3") == 0o600


def test_logs_are_private_and_stay_so_after_rotation(
    umask_022: None, write_config: WriteConfig, kiosk_log_handler: None
) -> None:
    config = load_config(write_config(logging={"max_bytes": 2000, "backups": 2}))
    path = setup_logging(config)
    log = logging.getLogger("kiosk.test")
    for i in range(60):
        log.warning("line %d of a log that rotates: %s", i, "x" * 80)
    files = sorted(config.log_dir.iterdir())
    assert [p.name for p in files] == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert mode(config.log_dir) == 0o700
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert path.stat().st_size > 0


def test_an_old_install_is_tightened_at_start(write_config: WriteConfig, tmp_path: Path) -> None:
    config = load_config(write_config())
    data = config.paths.data_dir
    for folder in (data, data / "logs", data / "spool", data / "printed", data / "exports"):
        folder.mkdir(exist_ok=True)
        folder.chmod(0o755)
    files = [
        data / "kiosk.sqlite3",
        data / "kiosk.sqlite3-wal",
        data / "logs" / LOG_FILE_NAME,
        data / "logs" / f"{LOG_FILE_NAME}.1",
        data / "printed" / "0001-statement.pdf",
        data / "exports" / "rejected.json",
    ]
    for path in files:
        path.write_bytes(b"personal data")
        path.chmod(0o644)
    outside = tmp_path / "kiosk.toml"
    before = mode(outside)
    changed = prepare_data_dir(config)
    assert mode(data) == 0o700 and mode(data / "logs") == 0o700 and mode(data / "spool") == 0o700
    assert {str(p): mode(p) for p in files} == {str(p): 0o600 for p in files}
    assert f"{data / 'kiosk.sqlite3'} 644 -> 600" in changed and f"{data} 755 -> 700" in changed
    assert len(changed) == 5 + len(files)
    assert mode(outside) == before  # nothing outside the data directory is touched
    assert prepare_data_dir(config) == []  # said once


def test_a_symlink_in_the_data_dir_is_not_followed(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    config = load_config(write_config())
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not ours to change")
    elsewhere.chmod(0o644)
    (config.paths.data_dir / "link").symlink_to(elsewhere)
    prepare_data_dir(config)
    assert mode(elsewhere) == 0o644


def test_printed_copies_exports_and_bundles_are_private(
    umask_022: None, write_config: WriteConfig, tmp_path: Path
) -> None:
    config = load_config(write_config())
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    printer = SimulatedPrinter(config.paths.data_dir / "printed")
    printer.print_pdf(pdf, "statement", 5)
    assert mode(printer.folder) == 0o700 and mode(printer.printed[0]) == 0o600
    store = Store.open(config.database_path, config.read_template_key())
    try:
        export_rejected(store, tmp_path / "rejected.json")
    finally:
        store.close()
    assert mode(tmp_path / "rejected.json") == 0o600
    bundle = export_bundle(config, tmp_path)
    assert mode(bundle) == 0o600
    assert "manifest.json" in zipfile.ZipFile(bundle).namelist()


def test_replace_private_writes_whole_0600_files_and_leaves_no_temporary(
    umask_022: None, tmp_path: Path
) -> None:
    target = tmp_path / "pins"
    target.write_bytes(b"old")
    target.chmod(0o644)
    replace_private(target, b"new\n" * 10_000)
    assert target.read_bytes() == b"new\n" * 10_000 and mode(target) == 0o600
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError):
        replace_private(tmp_path / "folder", b"x")  # cannot rename a file over a folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pins"]


def test_a_data_dir_that_is_a_file_is_named(write_config: WriteConfig, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    config = load_config(write_config(paths={"data_dir": str(blocker)}))
    with pytest.raises(DataDirError, match=f"{blocker} is not a folder"):
        prepare_data_dir(config)


@contextlib.contextmanager
def _effective_user_nobody_if_root() -> Iterator[None]:
    """Root may write any folder: as root, check with the effective user `nobody` instead."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_an_unwritable_data_dir_is_named(write_config: WriteConfig) -> None:
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o711)  # others may pass through (the effective user nobody, under root)
        locked = base / "locked"
        locked.mkdir(mode=0o555)
        config = load_config(write_config(paths={"data_dir": str(locked)}))
        with _effective_user_nobody_if_root(), pytest.raises(DataDirError) as refused:
            check_data_dir(config.paths.data_dir)
        assert "is not writable by the user" in str(refused.value)
        assert str(locked) in str(refused.value)
    finally:
        shutil.rmtree(base)


def _kiosk(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "kiosk.main", *argv],
        capture_output=True,
        text=True,
        env=env | {"QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def test_kiosk_exits_2_naming_a_data_dir_that_is_a_file(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    """It was a traceback from the log folder's mkdir."""
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    config = write_config(paths={"data_dir": str(blocker)})
    run = _kiosk("--config", str(config), "--screenshot", str(tmp_path / "x.png"))
    assert run.returncode == 2, run.stderr
    assert f"[paths] data_dir: {blocker} is not a folder" in run.stderr
    assert "Traceback" not in run.stderr


def test_kiosk_exits_2_on_a_secret_others_can_read(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    config = write_config()
    (tmp_path / "terminal.secret").chmod(0o644)
    run = _kiosk("--config", str(config), "--screenshot", str(tmp_path / "x.png"))
    assert run.returncode == 2
    assert f"run `chmod 600 {tmp_path / 'terminal.secret'}`" in run.stderr
    assert not (tmp_path / "x.png").exists()


def test_kiosk_admin_answers_insecure_file_and_bad_data_dir(
    write_config: WriteConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config()
    (tmp_path / "template.key").chmod(0o640)
    assert admin_main(["--config", str(config), "queue", "--json"]) == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"] == "insecure_file"
    assert f"chmod 600 {tmp_path / 'template.key'}" in answer["detail"]
    (tmp_path / "template.key").chmod(0o600)
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    config = write_config(paths={"data_dir": str(blocker)})
    assert admin_main(["--config", str(config), "queue", "--json"]) == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"] == "bad_data_dir" and str(blocker) in answer["detail"]
    assert blocker.read_text() == ""  # the file in the way is left as it was


def test_a_usage_error_does_not_echo_a_huge_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        admin_main(["--config", "/nonexistent", "card", "read", "--timeout", "9" * 10**6 + "s",
                     "--json"])  # fmt: skip
    out = capsys.readouterr().out
    assert len(out) < 400 and json.loads(out)["error"] == "usage"
