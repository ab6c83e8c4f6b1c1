from __future__ import annotations

from kiosk.core.masking import (
    KnownNames,
    mask_card_number,
    mask_id_numbers,
    mask_name,
    mask_person_id,
)


def test_mask_person_id():
    assert mask_person_id("320102195203140021") == "3201**********0021"
    assert mask_person_id("32010219520314002X") == "3201**********002X"
    assert mask_person_id("1234") == "****"


def test_mask_name():
    assert mask_name("王秀英") == "王*英"
    assert mask_name("王英") == "王*"
    assert mask_name("欧阳秀英") == "欧**英"
    assert mask_name("王𠮷") == "王*"  # a supplementary-plane character is one character
    assert mask_name("李") == "李"


def test_mask_card_number():
    assert mask_card_number("A12345678") == "A1*****78"


def test_mask_id_numbers_in_text_but_not_longer_numbers():
    text = "id 320102195203140021, other 32010219520314002x; long 1320102195203140021"
    masked = mask_id_numbers(text)
    assert "3201**********0021," in masked
    assert "3201**********002x" in masked
    assert "1320102195203140021" in masked  # 19 digits: not an ID number


def test_known_names_longest_first_and_forgotten():
    names = KnownNames()
    names.add("欧阳秀英")
    names.add("秀英")
    names.add("王")  # too short to mask safely: ignored
    assert names.mask("欧阳秀英来了，秀英好") == "欧**英来了，秀*好"
    assert "王" not in names
    names.discard("欧阳秀英")
    assert names.mask("欧阳秀英") == "欧阳秀*"  # still masked through 秀英
    names.clear()
    assert names.mask("欧阳秀英") == "欧阳秀英"
