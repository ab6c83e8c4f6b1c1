"""The sync service in the application, against the reference county server over real HTTP on
127.0.0.1: rounds at start and on demand, re-pulling the feeds, the offline mark when the server
is down (and nothing alarming for residents), and the round that follows the network's return."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from kiosk.core.sync_mark import SyncMark
from kiosk.ops.diagnostics import CheckId, State
from kiosk.services.sync_service import SyncService
from kiosk.services.sync_status import SyncStatus
from offline_cache.store import Store
from tests.fixtures.county import CountyServer, _wait_healthy
from tests.ui.helpers import current_name

WAIT_MS = 30000


def county_sections(server: CountyServer, **county: Any) -> dict[str, Any]:
    return {
        "county": {"url": server.url, "max_backoff": 0.2} | county,
        "terminal": {"id": server.terminal_id, "secret_file": str(server.secret_file)},
    }


def open_store(config: Any) -> Store:
    return Store.open(config.database_path, config.read_template_key())


def test_round_at_start_pulls_the_roster_and_shows_online(
    qtbot: Any, make_kiosk_app: Any, county_server: CountyServer
) -> None:
    app = make_kiosk_app(**county_sections(county_server))
    svc = app.sync_service
    qtbot.waitUntil(lambda: svc.snapshot is not None, timeout=WAIT_MS)
    snap = svc.snapshot
    assert snap.reachable and snap.report.ok
    assert snap.status.feed_ages_s["roster"] is not None and snap.status.pending == 0
    assert app.sync_status.state is SyncMark.ONLINE
    assert app.frame.top_bar.sync_mark.text() == "●"
    store = open_store(app.config)
    try:
        assert store.resident_count() == county_server.residents
    finally:
        store.close()


def test_sync_now_delivers_a_new_transaction(
    qtbot: Any, make_kiosk_app: Any, county_server: CountyServer
) -> None:
    app = make_kiosk_app(**county_sections(county_server, sync_interval=3600))
    svc = app.sync_service
    qtbot.waitUntil(lambda: svc.snapshot is not None, timeout=WAIT_MS)
    store = open_store(app.config)
    try:
        tx = store.record_maintenance("sync_now", "test")
    finally:
        store.close()
    assert tx not in county_server.accepted_ids()
    assert svc.sync_now()
    qtbot.waitUntil(lambda: tx in county_server.accepted_ids(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: svc.snapshot.status.pending == 0, timeout=WAIT_MS)


def test_repull_drops_and_pulls_every_feed_whole(
    qtbot: Any, make_kiosk_app: Any, county_server: CountyServer
) -> None:
    app = make_kiosk_app(**county_sections(county_server, sync_interval=3600))
    svc = app.sync_service
    qtbot.waitUntil(lambda: svc.snapshot is not None, timeout=WAIT_MS)
    snapshots: list[Any] = []
    svc.status_changed.connect(snapshots.append)
    assert svc.repull_feeds()
    qtbot.waitUntil(lambda: any(s.repulled for s in snapshots), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(snapshots) >= 2, timeout=WAIT_MS)  # the full pull that follows
    after = snapshots[-1].report
    assert after.ok and after.pulled["roster"] == county_server.residents
    store = open_store(app.config)
    try:
        assert store.resident_count() == county_server.residents
    finally:
        store.close()


def test_server_down_shows_only_the_neutral_offline_mark(qtbot: Any, make_kiosk_app: Any) -> None:
    app = make_kiosk_app(county={"url": "http://127.0.0.1:9", "max_backoff": 0.2})
    qtbot.waitUntil(lambda: app.sync_status.state is SyncMark.OFFLINE, timeout=WAIT_MS)
    assert not app.sync_service.snapshot.reachable
    assert app.frame.top_bar.sync_mark.text() == "○ 离线"
    assert app.frame.top_bar.sync_mark.property("role") == "technician"  # small, neutral
    assert current_name(app) == "home"  # no error screen, no alarm


def test_a_round_follows_the_network_coming_back(
    qtbot: Any, kiosk_config: Any, county_server: CountyServer
) -> None:
    config = kiosk_config(**county_sections(county_server, sync_interval=3600))
    mark = SyncStatus()
    svc = SyncService(config, mark, recheck_first_s=0.2, recheck_max_s=0.5)
    assert svc.start()
    try:
        qtbot.waitUntil(lambda: mark.state is SyncMark.ONLINE, timeout=WAIT_MS)
        county_server.process.terminate()
        county_server.process.wait(10)
        store = open_store(config)
        try:
            tx = store.record_maintenance("sync_now", "queued while offline")
        finally:
            store.close()
        svc.sync_now()
        qtbot.waitUntil(lambda: mark.state is SyncMark.OFFLINE, timeout=WAIT_MS)
        # the network returns: the same server, same database and port, started again
        port = county_server.url.rsplit(":", 1)[1]
        log = county_server.db.parent / "server-again.log"
        with log.open("wb") as out:
            county_server.process = subprocess.Popen(
                [sys.executable, "-m", "county_platform", "serve", "--db", str(county_server.db),
                 "--port", port],
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        _wait_healthy(county_server.url, county_server.process, log)
        # no sync_now and a one-hour interval: only the reachability watcher can bring this round
        qtbot.waitUntil(lambda: mark.state is SyncMark.ONLINE, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: tx in county_server.accepted_ids(), timeout=WAIT_MS)
    finally:
        svc.stop()


def test_sync_now_from_the_maintenance_screen_is_audited(
    qtbot: Any, make_kiosk_app: Any, county_server: CountyServer, tmp_path: Any
) -> None:
    from kiosk.ops.technician import PinFile
    from kiosk.screens.maintenance.actions import ActionId
    from tests.ui.helpers import click
    from tests.ui.screens.maintenance.test_maintenance import PIN, enter, wait_audited

    PinFile(tmp_path / "technician.pins").set_pin("li", PIN)
    app = make_kiosk_app(
        maintenance={"pin_file": "technician.pins"},
        **county_sections(county_server, sync_interval=3600),
    )
    qtbot.waitUntil(lambda: app.sync_service.snapshot is not None, timeout=WAIT_MS)
    enter(qtbot, app)
    diagnostics = app.screen("maintenance_diagnostics")
    qtbot.waitUntil(lambda: CheckId.COUNTY in diagnostics.checks, timeout=WAIT_MS)
    county = diagnostics.checks[CheckId.COUNTY]
    assert county.state is State.OK and county.details["reachable"] is True, county
    assert "被拒 0 笔" in diagnostics.texts[CheckId.COUNTY].text()  # the sync numbers, worded
    app.navigator.go("maintenance_actions")
    actions = app.screen("maintenance_actions")
    click(qtbot, actions.buttons[ActionId.SYNC_NOW])
    wait_audited(qtbot, app, "sync_now", "started=True")
    qtbot.waitUntil(lambda: "✓" in actions.result.text(), timeout=WAIT_MS)
    # the technician's entry, audited before "sync now", reached the platform with that round
    actions_seen = [
        t.payload.get("action") for t in county_server.accepted() if t.kind == "maintenance"
    ]
    assert "entered" in actions_seen
