"""`kiosk-admin fingerprint info | verify`: check the sensor, and try a resident's finger on it.

`verify` compares a fresh capture with the resident's enrolled templates from the offline cache,
exactly as the certification flow does, but records nothing. Output never contains a template, a
full ID number or a name. Exit 0 on success (`verify`: a match), 1 on a mismatch or an error.
"""

from __future__ import annotations

import argparse
import threading
from typing import Any

from drivers.errors import DeviceError, SensorUnavailable
from drivers.fingerprint.api import EnrolledFinger, FingerprintSensor
from kiosk.admin.output import echo, emit, fail
from kiosk.config import Config
from kiosk.core.masking import mask_person_id
from kiosk.ops.devices import open_configured_sensor

NO_MATCH_EXIT = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("fingerprint", help="the fingerprint sensor: info, verify")
    sub = parser.add_subparsers(dest="fingerprint_command", metavar="ACTION")
    sub.required = True

    info = sub.add_parser("info", help="the sensor's parameters (checks the wiring)")
    info.add_argument("--json", action="store_true", help="one JSON object")
    info.set_defaults(handler=info_command)

    verify = sub.add_parser(
        "verify", help="capture a finger and compare it with a resident's enrolled fingers"
    )
    verify.add_argument("--person-id", required=True, help="the resident's ID number")
    verify.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds to wait for a finger (default [devices] finger_timeout)",
    )
    verify.add_argument("--json", action="store_true", help="one JSON object")
    verify.set_defaults(handler=verify_command)


def open_sensor(config: Config) -> FingerprintSensor:
    return open_configured_sensor(config)


def info_command(args: argparse.Namespace, config: Config) -> int:
    try:
        sensor = open_sensor(config)
        try:
            info = sensor.info()
        finally:
            sensor.close()
    except DeviceError as e:
        return fail(e.code, e.detail, args.json)
    data = {
        "kind": config.devices.fingerprint,
        "port": config.devices.fingerprint_port,
        "system_id": info.system_id,
        "capacity": info.capacity,
        "security_level": info.security_level,
        "address": f"{info.address:#010x}",
        "packet_size": info.packet_size,
        "baud_rate": info.baud_rate,
    }
    emit(data, args.json)
    return 0


def verify_command(args: argparse.Namespace, config: Config) -> int:
    from offline_cache.store import Store  # SQLite only when this command runs

    masked = echo(mask_person_id(args.person_id))
    timeout = args.timeout if args.timeout is not None else config.devices.finger_timeout
    store = Store.open(config.database_path, config.read_template_key())
    try:
        resident = store.resident_by_person_id(args.person_id)
    finally:
        store.close()
    if resident is None:
        return fail("not_enrolled", f"resident {masked} is not in the offline cache", args.json)
    enrolled = [EnrolledFinger(f.finger, f.template) for f in resident.fingerprints]
    if not enrolled:
        return fail("not_enrolled", f"resident {masked} has no enrolled fingers", args.json)

    cancel = threading.Event()
    try:
        sensor = open_sensor(config)
        try:
            if not args.json:
                print(f"Place a finger of resident {masked} on the sensor ({timeout:g} s)…")
            sensor.wait_for_finger(timeout, cancel)
            result = sensor.capture_and_compare(enrolled, config.devices.fingerprint_threshold)
        finally:
            sensor.close()
    except KeyboardInterrupt:
        return fail("cancelled", "interrupted", args.json)
    except DeviceError as e:
        return fail(e.code, e.detail, args.json)
    except OSError as e:  # should not happen (the driver translates), but never a traceback
        return fail(SensorUnavailable.code, str(e), args.json)
    data = {"matched": result.matched, "score": result.score, "finger": result.finger}
    text = (
        f"{'MATCH' if result.matched else 'no match'}: score {result.score} "
        f"(threshold {config.devices.fingerprint_threshold}), best finger {result.finger}"
    )
    emit(data, args.json, text)
    return 0 if result.matched else NO_MATCH_EXIT
