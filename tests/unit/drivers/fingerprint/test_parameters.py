"""The parameter-block check that names an unsupported sensor."""

from __future__ import annotations

import pytest

from drivers.errors import SensorUnsupported
from drivers.fingerprint.api import SensorInfo
from drivers.fingerprint.zfm import parse_parameters

ADDRESS = 0xFFFFFFFF


def block(**changes: int) -> tuple[int, ...]:
    values = dict(status=0, system_id=9, capacity=1000, security=3, address=ADDRESS, size=2, baud=6)
    values.update(changes)
    return tuple(values.values())


def test_a_zfm20_block_is_converted_to_bytes_and_bits_per_second() -> None:
    assert parse_parameters(block(), ADDRESS) == SensorInfo(
        system_id=9,
        capacity=1000,
        security_level=3,
        address=ADDRESS,
        packet_size=128,
        baud_rate=57600,
    )


@pytest.mark.parametrize(("code", "size"), [(0, 32), (1, 64), (2, 128), (3, 256)])
def test_packet_size_codes(code: int, size: int) -> None:
    assert parse_parameters(block(size=code), ADDRESS).packet_size == size


def test_system_id_zero_of_the_r503_is_accepted() -> None:
    assert parse_parameters(block(system_id=0), ADDRESS).system_id == 0


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"size": 4}, "packet-size code 4"),
        ({"baud": 0}, "baud code 0"),
        ({"baud": 13}, "baud code 13"),
        ({"security": 0}, "security level 0"),
        ({"capacity": 0}, "capacity 0"),
        ({"address": 0x12345678}, "address 0x12345678"),
    ],
)
def test_unexpected_values_are_named(changes: dict[str, int], named: str) -> None:
    with pytest.raises(SensorUnsupported, match=named):
        parse_parameters(block(**changes), ADDRESS)


def test_a_block_of_the_wrong_shape_is_unsupported() -> None:
    with pytest.raises(SensorUnsupported):
        parse_parameters((0, 9, 1000), ADDRESS)
