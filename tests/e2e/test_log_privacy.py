"""Privacy of what a full autopilot run leaves behind: the kiosk's log files and its console
output carry no full ID number, name, card number, phone number or fingerprint template of any
resident in the cache (only masked forms such as `3201**********123X`, `王*英`)."""

from __future__ import annotations

import json
import re

from kiosk.demo.environment import DemoEnvironment
from offline_cache.store import Store
from tests.e2e.test_autopilot import _count, _run, demo_env  # noqa: F401  (the fixture)

SESSIONS = 10
LONG_BASE64 = re.compile(r"[A-Za-z0-9+/]{120,}={0,2}")  # a 512-byte template is 684 characters
FULL_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")
MOBILE = re.compile(r"(?<![0-9])1[0-9]{10}(?![0-9])")


def _secrets_of(env: DemoEnvironment) -> set[str]:
    c = env.config
    store = Store.open(c.database_path, c.read_template_key())
    try:
        rows = store.connection.execute("SELECT person_id, name, card_number FROM residents")
        found = {value for row in rows for value in row if len(value) >= 2}
        for tx_id in store.transaction_ids():
            tx = store.transaction(tx_id)
            if tx is not None and tx.kind == "job_interest":
                phone = json.loads(tx.body)["payload"].get("phone")
                if phone:
                    found.add(phone)
    finally:
        store.close()
    return found


def test_an_autopilot_run_logs_nothing_personal(demo_env: DemoEnvironment) -> None:  # noqa: F811
    assert demo_env.config.source is not None
    # this seed's sessions include a job interest (a phone number) and statements
    result = _run(str(demo_env.config.source), SESSIONS, seed="1")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert _count("transactions recorded", result.stdout) > 0
    logs = sorted((demo_env.config.paths.data_dir / "logs").rglob("*"))
    texts = {str(p): p.read_text(errors="replace") for p in logs if p.is_file()}
    assert texts, "the run wrote no log file"
    assert any("*" in t for t in texts.values()), "no masked identifier logged: nothing checked"
    texts["stdout"], texts["stderr"] = result.stdout, result.stderr
    personal = _secrets_of(demo_env)
    assert any(MOBILE.fullmatch(p) for p in personal), "no phone recorded: nothing checked"
    for where, text in texts.items():
        leaked = sorted(p for p in personal if p in text)
        assert leaked == [], f"{where} contains {leaked[:3]}"
        assert FULL_ID.findall(text) == [], where
        assert MOBILE.findall(text) == [], where
        assert LONG_BASE64.findall(text) == [], where
