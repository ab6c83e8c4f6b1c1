"""`kiosk --config C --autopilot N`: N complete resident sessions (soak tests, demonstrations).

The REAL application (screens, cache, outbox, fingerprint worker) runs with SIMULATED devices,
whatever `[devices]` says (a real reader or sensor cannot be driven by a program): a simulated card
reader receives cards of residents from the local cache and a simulated sensor receives their
fingers. Scenarios (kiosk/demo/autopilot/registry.py) come from every module of that folder;
each session picks one by weight. Offscreen when there is no display. At the end a summary
is printed; the exit code is 0 when no unexpected error happened (a scenario stuck or an exception
in the application).
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace

from kiosk.config import Config
from kiosk.demo.autopilot.registry import SCENARIOS, Pilot, Scenario, Script, Wait
from kiosk.screens.names import ScreenName
from offline_cache.models import Resident
from offline_cache.store import Store

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_NO_RESIDENTS = 3
TICK_MS = 20
COUNTDOWN_S = 2.0  # the idle countdown in autopilot sessions (the real minimum is 20 s)
SIMULATED = "simulated"
SEED_VARIABLE = "KIOSK_AUTOPILOT_SEED"


@dataclass
class Summary:
    sessions: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    scenarios: Counter[str] = field(default_factory=Counter)
    transactions: int = 0
    errors: list[str] = field(default_factory=list)

    def text(self) -> str:
        o = self.outcomes
        lines = [
            f"autopilot: {self.sessions} sessions",
            f"  certified:    {o['certified']}",
            f"  failed:       {o['failed']}",
            f"  walked away:  {o['walked_away']}",
        ]
        others = {k: v for k, v in o.items() if k not in ("certified", "failed", "walked_away")}
        lines += [f"  {k}: {v}" for k, v in sorted(others.items())]
        lines.append(f"  transactions recorded: {self.transactions}")
        lines.append(
            f"  scenarios: {', '.join(f'{k} {v}' for k, v in sorted(self.scenarios.items()))}"
        )
        lines.append(f"  errors: {len(self.errors)}")
        lines += [f"    - {e}" for e in self.errors]
        return "\n".join(lines)


def load_scenarios() -> dict[str, Scenario]:
    """Import every scenario module of kiosk/demo/autopilot/ (each registers its scenarios)."""
    from kiosk.demo import autopilot

    for module in pkgutil.iter_modules(autopilot.__path__):
        if module.name not in ("registry", "runner"):
            importlib.import_module(f"{autopilot.__name__}.{module.name}")
    return SCENARIOS


def autopilot_config(config: Config) -> Config:
    """Simulated devices, no sound, a short idle countdown; everything else as configured."""
    devices = replace(config.devices, card=SIMULATED, fingerprint=SIMULATED, printer=SIMULATED)
    ui = replace(config.ui, countdown=COUNTDOWN_S, sounds=False)
    return replace(config, devices=devices, ui=ui)


def run(config: Config, sessions: int, seed: int | None = None) -> int:
    if sessions < 1:
        print("kiosk: --autopilot needs at least 1 session", file=sys.stderr)
        return 2
    d = config.devices
    if (d.card, d.fingerprint) != (SIMULATED, SIMULATED):
        print(
            f"kiosk autopilot: [devices] names real devices (card={d.card}, "
            f"fingerprint={d.fingerprint}); the autopilot uses simulated ones instead.",
            file=sys.stderr,
        )
    os.environ.setdefault("KIOSK_NO_SOUND", "1")
    if seed is None and os.environ.get(SEED_VARIABLE, "").isdigit():
        seed = int(os.environ[SEED_VARIABLE])  # reproduce a run
    runner = Runner(autopilot_config(config), sessions, random.Random(seed))
    return runner.run()


class Runner:
    def __init__(self, config: Config, sessions: int, rng: random.Random) -> None:
        self.config = config
        self.sessions = sessions
        self.rng = rng
        self.summary = Summary()

    def run(self) -> int:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from drivers.card.simulated import SimulatedCardReader
        from drivers.fingerprint.simulated import SimulatedSensor
        from kiosk.app import KioskApp

        residents = self._residents()
        if not residents:
            print(
                "kiosk autopilot: the local cache holds no residents; run `kiosk-admin sync` "
                "first (or use `kiosk --demo --autopilot N`).",
                file=sys.stderr,
            )
            return EXIT_NO_RESIDENTS
        qapp = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(qapp, QApplication)
        reader, sensor = SimulatedCardReader(), SimulatedSensor()
        app = KioskApp(self.config, open_reader=lambda: reader, open_sensor=lambda: sensor)
        pilot = Pilot(app, reader, sensor, residents, self.rng)
        scenarios = [s for s in load_scenarios().values() if s.applies(pilot)]
        if not scenarios:
            print("kiosk autopilot: no scenario applies to these residents", file=sys.stderr)
            app.shutdown()
            return EXIT_NO_RESIDENTS
        before = self._transactions()
        original_hook = sys.excepthook
        app.start(show=True, fullscreen=False)
        bug_hook = sys.excepthook

        def count_bug(kind: type[BaseException], error: BaseException, tb: object) -> None:
            self.summary.errors.append(f"unexpected {kind.__name__}: {error}")
            bug_hook(kind, error, tb)  # type: ignore[arg-type]

        sys.excepthook = count_bug
        state: dict[str, object] = {"script": None, "wait": None, "since": 0.0, "name": ""}
        timer = QTimer()
        timer.setInterval(TICK_MS)

        def next_session() -> None:
            if self.summary.sessions >= self.sessions:
                timer.stop()
                qapp.exit(0)
                return
            chosen = self.rng.choices(scenarios, weights=[s.weight for s in scenarios])[0]
            self.summary.sessions += 1
            self.summary.scenarios[chosen.name] += 1
            state.update(script=chosen.run(pilot), wait=None, name=chosen.name)
            advance()

        def advance() -> None:
            script = state["script"]
            assert script is not None
            try:
                wait = next(script)  # type: ignore[call-overload]
            except StopIteration as done:
                self.summary.outcomes[str(done.value)] += 1
                state["script"] = None
                return
            except Exception as e:  # a scenario's own bug: count it, go on
                self._error(f"{state['name']}: {type(e).__name__}: {e}", app, reader)
                state["script"] = None
                return
            state.update(wait=wait, since=time.monotonic())

        def tick() -> None:
            if state["script"] is None:
                current = app.navigator.current
                if current is not None and current.name == ScreenName.TAKE_CARD:
                    reader.remove()
                elif current is not None and current.name == ScreenName.HOME:
                    next_session()
                return
            wait = state["wait"]
            assert isinstance(wait, Wait)
            if wait.ready():
                advance()
            elif time.monotonic() - float(state["since"]) > wait.timeout:  # type: ignore[arg-type]
                where = app.navigator.current.name if app.navigator.current else "-"
                self._error(
                    f"{state['name']}: stuck on {where} waiting for {wait.what}", app, reader
                )
                state["script"] = None

        timer.timeout.connect(tick)
        timer.start()
        try:
            qapp.exec()
        finally:
            sys.excepthook = original_hook
            app.shutdown()
        self.summary.transactions = self._transactions() - before
        print(self.summary.text())
        return EXIT_OK if not self.summary.errors else EXIT_ERRORS

    def _error(self, text: str, app: object, reader: object) -> None:
        from kiosk.app import KioskApp
        from kiosk.core.session import SessionEnd

        log.error("autopilot: %s", text)
        self.summary.errors.append(text)
        self.summary.outcomes["error"] += 1
        assert isinstance(app, KioskApp)
        reader.remove()  # type: ignore[attr-defined]
        app.end_session(SessionEnd.ERROR)

    def _store(self) -> Store:
        return Store.open(self.config.database_path, self.config.read_template_key())

    def _residents(self) -> list[Resident]:
        store = self._store()
        try:
            ids = [r[0] for r in store.connection.execute("SELECT person_id FROM residents")]
            found = [store.resident_by_person_id(i) for i in ids]
        finally:
            store.close()
        return [r for r in found if r is not None]

    def _transactions(self) -> int:
        store = self._store()
        try:
            return len(store.transaction_ids())
        finally:
            store.close()


__all__ = ["Script", "Summary", "run"]
