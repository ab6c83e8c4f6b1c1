from __future__ import annotations

import re

from kiosk.documents.verification import canonical, verification_code, verify_code

SECRET = b"terminal-secret-0123456789abcdef"
CONTENT = {"name": "王䶮英", "person_id": "32010219650315123X", "rows": [["medical", 2020, 12]]}


def test_code_is_sixteen_base32_characters_in_groups() -> None:
    code = verification_code(CONTENT, SECRET)
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code), code


def test_round_trip_and_typing_leniency() -> None:
    code = verification_code(CONTENT, SECRET)
    assert verify_code(CONTENT, SECRET, code)
    assert verify_code(CONTENT, SECRET, code.replace("-", "").lower())
    assert verify_code(CONTENT, SECRET, " ".join(code.split("-")))


def test_altered_content_wrong_secret_or_code_fail() -> None:
    code = verification_code(CONTENT, SECRET)
    altered = {**CONTENT, "rows": [["medical", 2020, 11]]}
    assert not verify_code(altered, SECRET, code)
    assert not verify_code(CONTENT, b"another terminal", code)
    assert not verify_code(CONTENT, SECRET, code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert not verify_code(CONTENT, SECRET, "")


def test_canonical_form_ignores_key_order_and_keeps_chinese() -> None:
    reordered = dict(reversed(list(CONTENT.items())))
    assert canonical(reordered) == canonical(CONTENT)
    assert "王䶮英".encode() in canonical(CONTENT)
    assert verification_code(reordered, SECRET) == verification_code(CONTENT, SECRET)
