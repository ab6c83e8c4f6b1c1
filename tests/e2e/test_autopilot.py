"""`kiosk --config C --autopilot N` as a subprocess against a demo environment
(kiosk.demo.environment: a seeded county server, a first sync into the real cache): real screens
offscreen, simulated devices."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from kiosk.demo.environment import DemoEnvironment, prepare_demo
from offline_cache.store import Store

SESSIONS = 8


@pytest.fixture
def demo_env() -> Iterator[DemoEnvironment]:
    env = prepare_demo(residents=30, start_server=True)
    yield env
    env.close()


def _run(config_path: str, sessions: int, seed: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the autopilot itself must choose offscreen
    env.update(KIOSK_NO_SOUND="1", KIOSK_AUTOPILOT_SEED=seed)
    return subprocess.run(
        [sys.executable, "-m", "kiosk.main", "--config", config_path, "--autopilot", str(sessions)],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip


def _count(label: str, out: str) -> int:
    match = re.search(rf"^\s*{label}:\s+(\d+)", out, re.MULTILINE)
    assert match, f"no {label!r} in the summary:\n{out}"
    return int(match.group(1))


def _certifications(env: DemoEnvironment) -> list[str]:
    c = env.config
    store = Store.open(c.database_path, c.read_template_key())
    try:
        txs = [store.transaction(i) for i in store.transaction_ids()]
    finally:
        store.close()
    return [tx.body for tx in txs if tx is not None and tx.kind == "certification"]


def test_autopilot_runs_sessions_and_records_them(demo_env: DemoEnvironment) -> None:
    assert demo_env.config.source is not None
    before = len(_certifications(demo_env))
    result = _run(str(demo_env.config.source), SESSIONS, seed="7")
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-3000:]
    assert _count("autopilot", out) == SESSIONS
    assert _count("errors", out) == 0
    certified, failed = _count("certified", out), _count("failed", out)
    walked = _count("walked away", out)
    assert certified + failed + walked == SESSIONS
    # one certification transaction per completed verification, none for a walk-away
    assert len(_certifications(demo_env)) - before == certified + failed
    assert _count("transactions recorded", out) >= certified + failed


def test_autopilot_with_an_empty_cache_says_what_to_do() -> None:
    env = prepare_demo(start_server=False)
    try:
        assert env.config.source is not None
        result = _run(str(env.config.source), 2, seed="1")
    finally:
        env.close()
    assert result.returncode == 3
    assert "no residents" in result.stderr and "kiosk-admin sync" in result.stderr
