"""Terminal secret files, read exactly as the kiosk's configuration reads them."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_HEX_BYTES = 32
_TEXT_SUFFIXES = (".secret", ".txt")


def read_secret(path: Path) -> bytes:
    """The HMAC key held in `path` (text files are stripped of surrounding whitespace)."""
    data = path.read_bytes()
    secret = data.strip() if path.suffix in _TEXT_SUFFIXES else data
    if not secret:
        raise ValueError(f"{path} is empty: a terminal secret cannot be empty")
    return secret


def ensure_secret(path: Path) -> bytes:
    """Read `path`, or first create it (mode 0600) with a random hex secret when it is absent."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(SECRET_HEX_BYTES) + "\n")
    return read_secret(path)
