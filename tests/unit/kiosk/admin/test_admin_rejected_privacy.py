"""`kiosk-admin rejected` shows the platform's reasons with ID numbers masked, as the
maintenance screen and the exported list do (a reason may quote the person)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from offline_cache.outbox import Outcome, Result
from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id

PID = person_id(7)
CERTIFICATION = {"benefit": "pension", "method": "fingerprint", "result": "passed", "score": 90,
                 "attempts": 1}  # fmt: skip


def test_kiosk_admin_rejected_masks_id_numbers_in_the_reason(
    write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config_path = write_config()
    config = load_config(config_path)
    store = Store.open(config.database_path, config.read_template_key())
    try:
        tx = store.record("certification", CERTIFICATION, person_id=PID)
        store.settle([Result(tx, Outcome.REJECTED, f"unknown person {PID}")], {tx})
    finally:
        store.close()
    for as_json in (["--json"], []):
        assert main(["--config", str(config_path), "rejected", *as_json]) == 0
        out = capsys.readouterr().out
        assert tx in out and PID not in out
        assert f"unknown person {PID[:4]}{'*' * 10}{PID[-4:]}" in out
