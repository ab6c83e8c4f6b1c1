from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from offline_cache.crypto import TemplateCipher, TemplateKeyError, TemplateTamperedError
from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id, resident_model, template

PID = person_id(1)


def test_round_trip_and_fresh_nonce() -> None:
    cipher = TemplateCipher(secrets.token_bytes(32))
    data = template(PID, "right_index")
    a, b = cipher.seal(data, PID, "right_index"), cipher.seal(data, PID, "right_index")
    assert a != b  # a fresh nonce each time
    assert data not in a
    assert cipher.open(a, PID, "right_index") == data


def test_altered_byte_is_detected() -> None:
    cipher = TemplateCipher(secrets.token_bytes(32))
    sealed = bytearray(cipher.seal(template(PID, "right_index"), PID, "right_index"))
    sealed[40] ^= 0x01
    with pytest.raises(TemplateTamperedError):
        cipher.open(bytes(sealed), PID, "right_index")


def test_blob_moved_to_another_person_or_finger_is_detected() -> None:
    cipher = TemplateCipher(secrets.token_bytes(32))
    sealed = cipher.seal(template(PID, "right_index"), PID, "right_index")
    with pytest.raises(TemplateTamperedError):
        cipher.open(sealed, person_id(2), "right_index")
    with pytest.raises(TemplateTamperedError):
        cipher.open(sealed, PID, "left_index")


def test_wrong_key_is_detected_and_bad_key_length_refused() -> None:
    sealed = TemplateCipher(secrets.token_bytes(32)).seal(b"x" * 512, PID, "right_index")
    with pytest.raises(TemplateTamperedError):
        TemplateCipher(secrets.token_bytes(32)).open(sealed, PID, "right_index")
    with pytest.raises(TemplateKeyError):
        TemplateCipher(b"short")


def test_templates_are_not_in_the_database_file_in_clear(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    store = Store.open(tmp_path / "k.sqlite3", key)
    resident = resident_model(5)
    store.upsert_resident(resident)
    assert store.resident_by_person_id(resident.person_id) == resident
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert resident.fingerprints[0].template[:64] not in raw
