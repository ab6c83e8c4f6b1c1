"""Open a configured device, check it, close it: the diagnostics of `kiosk-admin devices`.

`collect_from_config` runs every check, each on its own thread with its own deadline. Each
`open_and_probe_*` function runs on the thread `diagnostics.collect` gives it, which then owns
the device for the whole check (the ZFM driver refuses calls from any other thread). The running
kiosk keeps its own devices; here PC/SC and CUPS are shared safely, but a serial port is not: when
another process holds the sensor's port, the sensor is reported UNKNOWN instead of being opened.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from kiosk.config import Config
from kiosk.ops.devices import (
    open_configured_printer,
    open_configured_reader,
    open_configured_sensor,
)
from kiosk.ops.diagnostics import (
    collect,
    database_check,
    disk_check,
    probe_card_reader,
    probe_county,
    probe_fingerprint,
    probe_printer,
    software_check,
)
from kiosk.ops.diagnostics_logs import check_log_errors
from kiosk.ops.diagnostics_model import Check, CheckId, DiagnosticsReport, State

# Deadlines of the probes run by `collect_from_config` (seconds).
CARD_PROBE_TIMEOUT_S = 5.0
SENSOR_PROBE_TIMEOUT_S = 8.0  # opening a ZFM verifies the password and reads its parameters
PRINTER_PROBE_TIMEOUT_S = 5.0
COUNTY_PROBE_TIMEOUT_S = 8.0
LOCAL_PROBE_TIMEOUT_S = 5.0  # disk, software, log
DATABASE_PROBE_TIMEOUT_S = 60.0  # quick_check reads every page of the database


def collect_from_config(
    config: Config, clock: Callable[[], float] = time.time
) -> DiagnosticsReport:
    """Open each configured device on its own thread, check it and close it again."""
    return collect(
        {
            CheckId.CARD_READER: (lambda: open_and_probe_card(config), CARD_PROBE_TIMEOUT_S),
            CheckId.FINGERPRINT: (lambda: open_and_probe_sensor(config), SENSOR_PROBE_TIMEOUT_S),
            CheckId.PRINTER: (lambda: open_and_probe_printer(config), PRINTER_PROBE_TIMEOUT_S),
            CheckId.COUNTY: (lambda: open_and_probe_county(config, clock), COUNTY_PROBE_TIMEOUT_S),
            CheckId.DATABASE: (
                lambda: database_check(config.database_path, config.read_template_key),
                DATABASE_PROBE_TIMEOUT_S,
            ),
            CheckId.DISK: (lambda: disk_check(config.paths.data_dir), LOCAL_PROBE_TIMEOUT_S),
            CheckId.SOFTWARE: (lambda: software_check(config.source), LOCAL_PROBE_TIMEOUT_S),
            CheckId.LOG_ERRORS: (
                lambda: check_log_errors(config.log_dir, clock()),
                LOCAL_PROBE_TIMEOUT_S,
            ),
        }
    )


def open_and_probe_card(config: Config) -> Check:
    reader = open_configured_reader(config)
    try:
        return probe_card_reader(reader.status, config.devices.card)
    finally:
        reader.close()


def open_and_probe_sensor(config: Config) -> Check:
    from drivers.errors import SensorError

    d = config.devices
    cid = CheckId.FINGERPRINT
    if d.fingerprint == "zfm":
        holders = port_holders(d.fingerprint_port)
        if holders:
            text = (
                f"{d.fingerprint_port} is in use by process {', '.join(map(str, holders))} "
                "(the kiosk?): check the sensor from the maintenance screen"
            )
            return Check(cid, State.UNKNOWN, "port_in_use", text, {"port": d.fingerprint_port})
    try:
        sensor = open_configured_sensor(config)
    except SensorError as e:
        details = {"port": d.fingerprint_port, "baud": d.fingerprint_baud}
        text = f"{d.fingerprint_port}: {e.detail}"
        return Check(cid, State.FAULT, e.code, text, details)
    try:
        return probe_fingerprint(sensor.info, d.fingerprint)
    finally:
        sensor.close()


def open_and_probe_printer(config: Config) -> Check:
    printer = open_configured_printer(config)
    return probe_printer(printer.status, config.devices.printer)


def open_and_probe_county(config: Config, clock: Callable[[], float] = time.time) -> Check:
    """Health over HTTP plus the local store's sync status (a missing database is not created)."""
    from offline_cache.store import Store, SyncStatus

    def sync_status() -> SyncStatus:
        if not config.database_path.exists():
            raise FileNotFoundError(f"no database at {config.database_path} (never started?)")
        store = Store.open(config.database_path, config.read_template_key())
        try:
            return store.sync_status()
        finally:
            store.close()

    return probe_county(config.county.url, sync_status, clock)


def port_holders(port: str) -> list[int]:
    """Other processes that have `port` open (Linux /proc): the running kiosk owns the sensor,
    and a second process on the same serial line would steal its bytes."""
    try:
        target = os.path.realpath(port)
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    except OSError:
        return []
    holders = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    holders.append(pid)
                    break
            except OSError:
                continue
    return holders
