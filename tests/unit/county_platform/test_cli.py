import json

import pytest

from county_platform.cli import main
from county_platform.secrets_file import read_secret
from county_platform.store import Feed, PlatformStore


def test_seed_registers_the_terminal_with_a_new_secret_file(tmp_path, capsys):
    db, secret_file = tmp_path / "c.db", tmp_path / "t.secret"
    argv = ["seed", "--db", str(db), "--residents", "12", "--today", "2026-11-28",
            "--terminal", "T-320102001-003", "--secret-file", str(secret_file)]  # fmt: skip
    assert main(argv) == 0
    assert "12 residents" in capsys.readouterr().out
    secret = read_secret(secret_file)
    assert len(secret) == 64 and secret_file.stat().st_mode & 0o077 == 0
    with PlatformStore.open(db) as store:
        terminal = store.terminal("T-320102001-003")
        assert terminal is not None and terminal.secret == secret
        assert terminal.township_code == "320102001"
        assert len(store.entity_ids(Feed.ROSTER)) == 12
    assert main(argv) == 0  # an existing secret file is kept
    assert read_secret(secret_file) == secret


def test_register_terminal_reads_an_existing_secret(tmp_path):
    db, secret_file = tmp_path / "c.db", tmp_path / "kiosk.secret"
    secret_file.write_text("abc123\n")
    argv = ["register-terminal", "--db", str(db), "--terminal", "T-1", "--township", "320102002",
            "--secret-file", str(secret_file)]  # fmt: skip
    assert main(argv) == 0
    with PlatformStore.open(db) as store:
        terminal = store.terminal("T-1")
        assert terminal is not None and terminal.secret == b"abc123"


def test_clear_errors_without_a_traceback(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no platform database" in capsys.readouterr().err
    missing = tmp_path / "none.secret"
    argv = ["register-terminal", "--db", str(tmp_path / "c.db"), "--terminal", "T-1",
            "--township", "320102002", "--secret-file", str(missing)]  # fmt: skip
    assert main(argv) == 2
    assert "none.secret" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["seed", "--db", str(tmp_path / "c.db"), "--residents", "5", "--township", "3201"])
    assert "9 digits" in capsys.readouterr().err


def test_transactions_lists_nothing_for_a_fresh_platform(tmp_path, capsys):
    assert main(["seed", "--db", str(tmp_path / "c.db"), "--residents", "1"]) == 0
    capsys.readouterr()
    assert main(["transactions", "--db", str(tmp_path / "c.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
