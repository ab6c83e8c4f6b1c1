from datetime import date

import pytest

from county_platform.ids import (
    card_number,
    check_digit,
    gender,
    is_valid_person_id,
    make_person_id,
)


@pytest.mark.parametrize("known", ["11010519491231002X", "440524188001010014"])
def test_published_examples_have_valid_check_digits(known):
    assert check_digit(known[:17]) == known[17]
    assert is_valid_person_id(known)


def test_invalid_numbers_are_recognised():
    assert not is_valid_person_id("110105194912310021")  # wrong check digit
    assert not is_valid_person_id("11010519491331002X")  # month 13
    assert not is_valid_person_id("1101051949123100")


def test_made_numbers_carry_region_birth_date_and_gender():
    pid = make_person_id("320102", date(1958, 2, 28), 171)
    assert pid.startswith("32010219580228171")
    assert is_valid_person_id(pid)
    assert gender(pid) == "M"
    assert gender(make_person_id("320102", date(1958, 2, 28), 170)) == "F"


def test_card_numbers_are_nine_characters_and_distinct():
    numbers = {card_number("320102001", i) for i in range(2000)}
    assert len(numbers) == 2000
    assert all(len(n) == 9 and n[0].isalpha() and n[1:].isdigit() for n in numbers)
    assert card_number("320102001", 5) != card_number("320102002", 5)
