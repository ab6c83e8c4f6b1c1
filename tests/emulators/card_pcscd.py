"""Start, stop and restart a private `pcscd -f` for tests and benchmarks.

Shared by tests/fixtures/pcsc.py and benchmarks/card_latency.py. Only a pcscd this module started
is ever stopped; an already running pcscd is reused but cannot be restarted.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
PCSCD_PIDFILE = Path("/run/pcscd/pcscd.pid")
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
VPCD_READER = "Virtual PCD 00 00"
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0
POLL = 0.02


class PcscStackMissing(RuntimeError):
    """pcscd or the vpcd driver is not installed, or pcscd did not come up."""


def find_pcscd() -> str:
    path = shutil.which("pcscd") or (
        "/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None
    )
    if path is None:
        raise PcscStackMissing("pcscd is not installed (Debian package `pcscd`)")
    if not VPCD_DRIVER.exists():
        raise PcscStackMissing(f"{VPCD_DRIVER} missing (Debian package `vsmartcard-vpcd`)")
    return path


def running_pcscd_pid() -> int | None:
    """The pid of a live pcscd according to its pid file, if any."""
    try:
        pid = int(PCSCD_PIDFILE.read_text().split()[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return pid


def list_readers() -> list[str]:
    """Readers pcscd reports right now ([] when it is not reachable)."""
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return []
    try:
        hresult, readers = scard.SCardListReaders(context, [])
        return list(readers) if hresult == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)


class Pcscd:
    """A pcscd process: ours (started here) or foreign (found running, never signalled)."""

    def __init__(self, log_path: Path) -> None:
        self._binary = find_pcscd()
        self._log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None
        self.foreign_pid = running_pcscd_pid()

    @property
    def owned(self) -> bool:
        return self.foreign_pid is None

    @property
    def running(self) -> bool:
        """Our pcscd process is alive (a foreign one is assumed alive)."""
        if not self.owned:
            return True
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        if not self.owned:
            self._wait_ready()
            return
        log = self._log_path.open("ab")
        self._proc = subprocess.Popen(
            [self._binary, "-f"], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        log.close()
        try:
            self._wait_ready()
        except PcscStackMissing:
            self.stop()  # a half-started pcscd left running would be taken for a foreign one
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise PcscStackMissing(
                    f"pcscd exited with {self._proc.returncode}; see {self._log_path}"
                )
            if PCSCD_SOCKET.exists() and VPCD_READER in list_readers():
                return
            time.sleep(POLL)  # bounded poll: pcscd tells nobody it is ready
        raise PcscStackMissing(
            f"pcscd did not show {VPCD_READER!r} within {START_TIMEOUT} s; see {self._log_path}"
        )

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop our pcscd (SIGKILL simulates a crash). A foreign pcscd is left alone."""
        if self._proc is None:
            return
        proc, self._proc = self._proc, None
        if proc.poll() is None:
            proc.send_signal(sig)
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def restart(self, sig: int = signal.SIGTERM) -> None:
        if not self.owned:
            raise PcscStackMissing(
                f"a pcscd not started by the tests is running (pid {self.foreign_pid}): "
                "stop it to run the restart tests"
            )
        self.stop(sig)
        self.start()


def wait_card_state(reader: str, present: bool, timeout: float) -> bool:
    """Wait until pcscd reports `reader` with (or without) a card; False on timeout.

    pcscd polls vpcd every ~0.4 s: swapping cards faster than that would go unnoticed, so the
    fixtures wait for "empty" between two cards.
    """
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return False
    try:
        state = scard.SCARD_STATE_UNAWARE
        deadline = time.monotonic() + timeout
        while True:
            remaining = int(max(deadline - time.monotonic(), 0) * 1000)
            hresult, states = scard.SCardGetStatusChange(context, remaining, [(reader, state)])
            if hresult == scard.SCARD_S_SUCCESS:
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if bool(state & scard.SCARD_STATE_PRESENT) == present:
                    return True
            elif hresult != scard.SCARD_E_TIMEOUT:
                return False
            if remaining == 0:
                return False
    finally:
        scard.SCardReleaseContext(context)
