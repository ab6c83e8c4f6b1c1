"""`kiosk-admin sync | queue | rejected | resident | audit verify` on a real configuration."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from offline_cache.store import Store
from tests.emulators.fault_server import FaultServer, closed_port
from tests.fixtures.county import CountyServer

Capsys = pytest.CaptureFixture[str]
WriteConfig = Callable[..., Path]

pytestmark = pytest.mark.realstack


def _run(capsys: Capsys, config: Path, *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["--config", str(config), *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def county_config(write_config: WriteConfig, county_server: CountyServer) -> Path:
    return write_config(
        terminal={"id": county_server.terminal_id, "secret_file": str(county_server.secret_file)},
        county={"url": county_server.url, "max_backoff": 0.01},
    )


def _open(config_path: Path) -> Store:
    config = load_config(config_path)
    return Store.open(config.database_path, config.read_template_key())


def test_sync_queue_resident_and_audit(
    capsys: Capsys, county_config: Path, county_server: CountyServer
) -> None:
    code, report = _run(capsys, county_config, "sync")
    assert code == 0 and report["ok"] and report["pulled"]["roster"] >= county_server.residents

    store = _open(county_config)
    pid = store.connection.execute("SELECT person_id FROM residents LIMIT 1").fetchone()[0]
    resident = store.resident_by_person_id(pid)
    assert resident is not None
    store.record("rating", {"service": "jobs", "score": 5})
    store.record_maintenance("nonsense action")
    store.close()

    code, queue = _run(capsys, county_config, "queue")
    assert code == 0 and queue["pending"] == 2 and queue["oldest_pending_age_s"] >= 0

    code, masked = _run(capsys, county_config, "resident", "--person-id", pid)
    assert code == 0 and masked["person_id"] == pid[:4] + "*" * 10 + pid[-4:]
    assert masked["name"] != resident.name and masked["card_number"] != resident.card_number
    assert resident.name not in json.dumps(masked, ensure_ascii=False)
    code, revealed = _run(capsys, county_config, "resident", "--person-id", pid, "--reveal")
    assert revealed["person_id"] == pid and revealed["name"] == resident.name
    assert "template" not in json.dumps(revealed)

    code, report = _run(capsys, county_config, "sync")
    assert report["pushed"] == 2 and report["pending"] == 0
    assert code == (0 if report["ok"] else 1)
    assert len(county_server.accepted_ids()) == 2 - report["rejected"]

    code, verdict = _run(capsys, county_config, "audit", "verify")
    assert code == 0 and verdict["ok"] and verdict["entries"] >= 2


def test_unknown_resident_is_a_clear_error(capsys: Capsys, write_config: WriteConfig) -> None:
    config = write_config()
    code = main(["--config", str(config), "resident", "--person-id", "320102195501010019"])
    err = capsys.readouterr().err
    assert code == 3 and "not_found" in err and "320102195501010019" not in err


def test_a_mistyped_person_id_is_named_as_such(capsys: Capsys, write_config: WriteConfig) -> None:
    config = write_config()
    for typo, why in (("3201021955", "18-character"), ("320102195501010018", "check digit")):
        code = main(["--config", str(config), "resident", "--person-id", typo, "--json"])
        out = json.loads(capsys.readouterr().out)
        assert code == 2 and out["error"] == "bad_person_id" and why in out["detail"]
        assert typo not in out["detail"]


def test_sync_with_platform_down_exits_nonzero_and_loses_nothing(
    capsys: Capsys, write_config: WriteConfig
) -> None:
    config = write_config(county={"url": f"http://127.0.0.1:{closed_port()}", "max_backoff": 0.01})
    store = _open(config)
    tx = store.record("rating", {"service": "jobs", "score": 2})
    store.close()
    code, report = _run(capsys, config, "sync")
    assert code == 1 and not report["ok"] and report["pending"] == 1
    assert "unreachable" in report["errors"][0]
    store = _open(config)
    assert getattr(store.transaction(tx), "state", None) == "pending"
    store.close()


def test_rejected_lists_reasons(
    capsys: Capsys, write_config: WriteConfig, fault_server: FaultServer
) -> None:
    config = write_config(
        terminal={"id": fault_server.terminal_id},
        county={"url": fault_server.url, "max_backoff": 0.01},
    )
    (config.parent / "terminal.secret").write_bytes(fault_server.secret)
    fault_server.reject = lambda tx: "unknown action" if tx["kind"] == "maintenance" else None
    store = _open(config)
    bad = store.record_maintenance("zap")
    store.close()
    code, report = _run(capsys, config, "sync")
    assert code == 1 and report["rejected"] == 1
    code, listing = _run(capsys, config, "rejected")
    assert code == 0 and listing["rejected"][0]["id"] == bad
    assert listing["rejected"][0]["error"] == "unknown action"


def test_audit_verify_names_the_first_broken_link(
    capsys: Capsys, write_config: WriteConfig
) -> None:
    config = write_config()
    store = _open(config)
    for score in (1, 2, 3):
        store.record("rating", {"service": "jobs", "score": score})
    conn = store.connection
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET entry = replace(entry, 'rating', 'RATING') WHERE n = 2")
    store.close()
    code = main(["--config", str(config), "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 4 and "entry 2" in err and "altered" in err
