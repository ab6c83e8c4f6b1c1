"""A virtual social-security card for Debian's vpcd reader driver (vsmartcard).

vpcd (inside pcscd) listens on TCP 127.0.0.1:35963 ("Virtual PCD 00 00"); a card is a client
that connects there. Every message is a 2-byte big-endian length and a payload: a 1-byte payload
is a control code (00 power off, 01 power on, 02 reset, 04 send the ATR), a longer one is a
command APDU answered with data + SW. Connecting inserts the card, closing removes it.

In-process: ``card = VirtualCard(PROFILES["v2"]); card.start(); card.insert(); ...; card.stop()``.
Stand-alone: ``python -m tests.emulators.vpcd_card --profile v2``.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import struct
import sys
import threading

from tests.emulators.card_applet import CardApplet
from tests.emulators.card_profiles import PROFILES, CardProfile

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963  # "Virtual PCD 00 00"; 35964 is "Virtual PCD 00 01"
RECONNECT_INTERVAL = 0.05  # while pcscd is (re)starting, vpcd is not listening yet
CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0x00, 0x01, 0x02, 0x04
LENGTH = struct.Struct(">H")


class VirtualCard:
    """One emulated card and the thread that keeps it connected to vpcd while inserted.

    If pcscd restarts while the card is inserted, the card reconnects (it is still in the slot).
    A profile with `remove_after=N` closes the connection after answering N APDUs: the card
    leaves the reader between two commands.
    """

    def __init__(
        self,
        profile: CardProfile,
        host: str = VPCD_HOST,
        port: int = VPCD_PORT,
        quickack: bool = True,
    ) -> None:
        self.profile = profile
        self.quickack = quickack  # False only to measure what TCP_QUICKACK saves
        self.applet = CardApplet(profile)  # PIN tries persist across insertions, as on a card
        self._address = (host, port)
        self._inserted = threading.Event()
        self._stopped = threading.Event()
        self.connected = threading.Event()  # set while vpcd holds our connection
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.apdus_this_insertion = 0

    # --- control (any thread) ------------------------------------------------------------------
    def start(self) -> VirtualCard:
        self._thread = threading.Thread(target=self._run, name=f"vpcd-card-{self.profile.name}")
        self._thread.daemon = True
        self._thread.start()
        return self

    def insert(self) -> None:
        self._inserted.set()

    def remove(self) -> None:
        self._inserted.clear()
        self._close()

    def stop(self) -> None:
        self._stopped.set()
        self.remove()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def wait_connected(self, timeout: float) -> bool:
        return self.connected.wait(timeout)

    # --- card thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stopped.is_set():
            if not self._inserted.wait(RECONNECT_INTERVAL):
                continue
            sock = self._connect()
            if sock is None:
                continue
            try:
                self._serve(sock)
            except OSError:
                pass  # vpcd went away (pcscd stopped) or we were removed
            finally:
                self.connected.clear()
                self._close()

    def _connect(self) -> socket.socket | None:
        try:
            sock = socket.create_connection(self._address, timeout=RECONNECT_INTERVAL * 4)
        except OSError:
            self._stopped.wait(RECONNECT_INTERVAL)
            return None
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            if not self._inserted.is_set():  # removed while connecting
                sock.close()
                return None
            self._sock = sock
        self.apdus_this_insertion = 0
        self.connected.set()
        return sock

    def _serve(self, sock: socket.socket) -> None:
        while self._inserted.is_set():
            message = _recv_message(sock, self.quickack)
            if message is None:
                return
            if len(message) == 1:
                reply = self._control(message[0])
            else:
                reply = self.applet.process(message)
                self.apdus_this_insertion += 1
            if reply is not None:
                sock.sendall(LENGTH.pack(len(reply)) + reply)
            limit = self.profile.remove_after
            if limit is not None and self.apdus_this_insertion >= limit:
                self.remove()  # pulled out between two APDUs
                return

    def _control(self, code: int) -> bytes | None:
        if code in (CTRL_ON, CTRL_RESET):
            self.applet.reset()
        elif code == CTRL_ATR:
            return self.profile.atr
        return None

    def _close(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def _recv_exact(sock: socket.socket, size: int, quickack: bool) -> bytes | None:
    data = b""
    while len(data) < size:
        # vpcd writes length and payload separately: without QUICKACK (which the kernel resets
        # after each ACK) every APDU waits ~40 ms for a delayed ACK.
        if quickack:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _recv_message(sock: socket.socket, quickack: bool) -> bytes | None:
    header = _recv_exact(sock, LENGTH.size, quickack)
    if header is None:
        return None
    (length,) = LENGTH.unpack(header)
    return _recv_exact(sock, length, quickack)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="virtual social-security card for vpcd")
    parser.add_argument("--profile", default="v2", choices=sorted(PROFILES))
    parser.add_argument("--host", default=VPCD_HOST)
    parser.add_argument("--port", type=int, default=VPCD_PORT)
    args = parser.parse_args(argv)
    card = VirtualCard(PROFILES[args.profile], args.host, args.port).start()
    card.insert()
    print(f"card {args.profile!r} inserted into vpcd {args.host}:{args.port}; Ctrl-C removes it")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        card.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
