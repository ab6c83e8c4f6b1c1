"""The diagnostic bundle holds what support needs and nothing secret or personal."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import Config, load_config
from kiosk.core.maintenance_audit import MaintenanceAction, audit_action
from kiosk.ops.bundle import (
    REDACTED,
    BundleError,
    export_bundle,
    export_rejected,
    redact_toml,
)
from kiosk.ops.diagnostics import Check, CheckId, DiagnosticsReport, State
from kiosk.ops.technician import PinFile
from offline_cache.outbox import Outcome, Result
from offline_cache.store import Store

FULL_ID = "32010219500101123X"
MASKED_ID = "3201**********123X"
PIN = "24681357"


@pytest.fixture
def kiosk(write_config: Callable[..., Path]) -> Config:
    path = write_config(
        maintenance={"technician_cards": ["T98765432"], "max_pin_attempts": 5},
        devices={"fingerprint_password": 1234},
    )
    config = load_config(path)
    PinFile(config.maintenance.pin_file).set_pin("li", PIN)
    store = Store.open(config.database_path, config.read_template_key())
    try:
        audit_action(store, MaintenanceAction.ENTERED, "technician=li")
        tx = store.record("job_interest", {"job_id": "J-1"}, person_id=FULL_ID)
        store.settle([Result(tx, Outcome.REJECTED, f"unknown_job: J-1 ({FULL_ID})")], {tx})
    finally:
        store.close()
    config.log_dir.mkdir(parents=True)
    (config.log_dir / "kiosk.jsonl").write_text(
        json.dumps({"level": "ERROR", "message": f"unmasked by an old version {FULL_ID}"}) + "\n"
    )
    return config


def _secret_texts(config: Config) -> list[str]:
    key = config.read_template_key()
    return [
        config.read_terminal_secret().decode(),
        key.hex(),
        *(line.split(":", 2)[2] for line in config.maintenance.pin_file.read_text().splitlines()),
        PIN,
        "T98765432",
    ]


def test_bundle_contents_without_secrets_or_full_ids(kiosk: Config, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    report = DiagnosticsReport((Check(CheckId.DISK, State.OK, "ok", "fine"),), "now")
    path = export_bundle(kiosk, out, report)
    assert path.parent == out and path.suffix == ".zip"
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        blobs = {n: zf.read(n) for n in names}
    assert {
        "manifest.json",
        "diagnostics.json",
        "queue.json",
        "rejected.json",
        "audit.json",
        "config/kiosk.toml",
        "config/effective.json",
        "logs/kiosk.jsonl",
    } <= names
    everything = b"\n".join(blobs.values())
    key = kiosk.read_template_key()
    assert key not in everything
    for secret in _secret_texts(kiosk):
        assert secret.encode() not in everything, secret
    assert FULL_ID.encode() not in everything
    rejected = json.loads(blobs["rejected.json"])["rejected"]
    assert rejected[0]["person_id"] == MASKED_ID
    assert (
        rejected[0]["reason"].startswith("unknown_job: J-1") and MASKED_ID in rejected[0]["reason"]
    )
    assert json.loads(blobs["audit.json"])["ok"] is True
    assert json.loads(blobs["queue.json"])["queue"]["rejected"] == 1
    assert json.loads(blobs["diagnostics.json"])["checks"][0]["id"] == "disk"
    toml = blobs["config/kiosk.toml"].decode()
    assert "fingerprint_password" in toml and REDACTED in toml and "1234" not in toml
    assert 'id = "T-320102001-003"' in toml  # the ordinary settings stay readable
    effective = json.loads(blobs["config/effective.json"])
    assert effective["maintenance"]["technician_cards"] == REDACTED
    assert effective["maintenance"]["max_pin_attempts"] == 5
    assert MASKED_ID.encode() in blobs["logs/kiosk.jsonl"]


def test_bundle_into_a_missing_folder_says_so(kiosk: Config, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="USB"):
        export_bundle(kiosk, tmp_path / "not-mounted", DiagnosticsReport((), "now"))


def test_bundle_without_a_database_still_has_the_rest(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    config = load_config(write_config())
    path = export_bundle(config, tmp_path, DiagnosticsReport((), "now"))
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read("queue.json"))["error"] == "FileNotFoundError"
        assert "config/kiosk.toml" in zf.namelist()


def test_redact_toml() -> None:
    text = (
        '[devices]\nfingerprint_password = 42\ncard_reader = "ACR39"\n'
        '[maintenance]\ntechnician_cards = [\n  "A1",\n  "B2",\n]\nmax_pin_attempts = 5\n'
        'pin_file = "technician.pins"\n'
        '[x]\ntoken_like = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"\n'
    )
    out = redact_toml(text)
    assert "42" not in out and '"A1"' not in out and "9f86d081" not in out
    assert 'card_reader = "ACR39"' in out and "max_pin_attempts = 5" in out
    assert 'pin_file = "technician.pins"' in out


def test_export_rejected(kiosk: Config, tmp_path: Path) -> None:
    store = Store.open(kiosk.database_path, kiosk.read_template_key())
    try:
        count = export_rejected(store, tmp_path / "rejected.json")
    finally:
        store.close()
    data = json.loads((tmp_path / "rejected.json").read_text())
    assert count == 1 and data["rejected"][0]["person_id"] == MASKED_ID
