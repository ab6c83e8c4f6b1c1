"""kiosk-admin never repeats a long value it was given: 40 characters and "…" at most."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main


@pytest.mark.parametrize("length", [60, 300, 100_000])
def test_resident_does_not_echo_a_long_id_number(
    length: int, write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config()
    code = main(["--config", str(config), "resident", "--person-id", "1" * length, "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert (code, answer["error"]) == (2, "bad_person_id")
    echoed = answer["detail"].split(":")[0]
    assert len(echoed) == 41 and echoed.endswith("…")
