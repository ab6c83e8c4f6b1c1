"""Fingerprint templates sealed at rest with AES-256-GCM.

A sealed blob is `nonce (12 bytes) || ciphertext+tag`. The associated data binds the blob to
its owner and finger (`person_id` + "/" + finger), so a blob copied onto another resident or
finger fails to open instead of silently matching someone else's finger.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12


class TemplateKeyError(ValueError):
    """The template key has the wrong length."""


class TemplateTamperedError(ValueError):
    """A sealed template failed authentication (wrong key, altered bytes or moved blob)."""


def _associated_data(person_id: str, finger: str) -> bytes:
    return f"{person_id}/{finger}".encode()


class TemplateCipher:
    """Seals and opens templates with one key; cheap to call per template (no per-call setup)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise TemplateKeyError(f"template key must be {KEY_BYTES} bytes, got {len(key)}")
        self._aead = AESGCM(key)

    def seal(self, template: bytes, person_id: str, finger: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, template, _associated_data(person_id, finger))

    def open(self, sealed: bytes, person_id: str, finger: str) -> bytes:
        nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, ciphertext, _associated_data(person_id, finger))
        except InvalidTag as e:
            raise TemplateTamperedError(
                f"fingerprint template for finger {finger} failed authentication"
            ) from e
