"""Reading table rows straight from the pages of a damaged SQLite file (repair.py).

When SQLite itself cannot open a file (its schema pages are gone, the file was cut short), the
rows are still there on the table leaf pages that survived. This reads every page of the file
(and of its write-ahead log, whose frames hold the newer copies of pages) that looks like a
table b-tree leaf and decodes the records of its cells: the values of one row, in column order.
A cell whose record spills to an overflow page is skipped (no outbox row is that large). Every
value is checked by the caller (repair.py takes a row only when its body agrees with it).

File format: https://www.sqlite.org/fileformat2.html (b-tree pages, record format, WAL frames).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

Value = int | float | str | bytes | None

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database
_LEAF_TABLE = 0x0D
_WAL_HEADER = 32
_WAL_FRAME_HEADER = 24


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at` and the offset after it."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _record(payload: bytes) -> list[Value] | None:
    """The values of one record, or None when it does not decode."""
    try:
        header_size, at = _varint(payload, 0)
        types = []
        while at < header_size:
            serial, at = _varint(payload, at)
            types.append(serial)
        values: list[Value] = []
        at = header_size
        for serial in types:
            if serial == 0:
                values.append(None)
            elif 1 <= serial <= 6:
                width = (1, 2, 3, 4, 6, 8)[serial - 1]
                values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
                at += width
            elif serial == 7:
                values.append(struct.unpack(">d", payload[at : at + 8])[0])
                at += 8
            elif serial in (8, 9):
                values.append(serial - 8)
            elif serial >= 12:
                size = (serial - 12) // 2
                chunk = payload[at : at + size]
                if len(chunk) != size:
                    return None
                values.append(chunk.decode("utf-8") if serial % 2 else chunk)
                at += size
            else:
                return None
        return values if at <= len(payload) else None
    except (IndexError, UnicodeDecodeError, struct.error):
        return None


def leaf_rows(page: bytes, header_at: int = 0) -> Iterator[tuple[int, list[Value]]]:
    """(rowid, values) of every cell of a table leaf page that decodes whole."""
    if len(page) < header_at + 8 or page[header_at] != _LEAF_TABLE:
        return
    cells = int.from_bytes(page[header_at + 3 : header_at + 5], "big")
    usable = len(page)
    max_local = usable - 35
    for i in range(cells):
        pointer_at = header_at + 8 + 2 * i
        if pointer_at + 2 > len(page):
            return
        at = int.from_bytes(page[pointer_at : pointer_at + 2], "big")
        if not header_at + 8 <= at < len(page):
            continue
        try:
            size, at = _varint(page, at)
            rowid, at = _varint(page, at)
        except IndexError:
            continue
        if size > max_local or at + size > len(page):
            continue  # spills to an overflow page, or a broken cell
        values = _record(page[at : at + size])
        if values is not None:
            yield rowid, values


def page_size_of(header: bytes) -> int | None:
    """The page size the database header states (None when it is no SQLite header)."""
    if not header.startswith(SQLITE_HEADER) or len(header) < 18:
        return None
    size = int.from_bytes(header[16:18], "big")
    size = 65536 if size == 1 else size
    return size if size >= 512 and size & (size - 1) == 0 else None


def file_rows(db: Path, page_size: int | None = None) -> Iterator[tuple[int, list[Value]]]:
    """The rows of every table leaf page of `db`, then of its `-wal` frames (newer copies).
    Without a readable header the common page sizes are tried."""
    data = db.read_bytes() if db.exists() else b""
    size = page_size or page_size_of(data[:100])
    sizes = [size] if size else [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512]
    for candidate in sizes:
        got = False
        for n in range(len(data) // candidate + (1 if len(data) % candidate else 0)):
            page = data[n * candidate : (n + 1) * candidate]
            for row in leaf_rows(page, 100 if n == 0 else 0):
                got = True
                yield row
        if got:
            size = candidate
            break
    wal = db.with_name(db.name + "-wal")
    if size and wal.exists():
        frames = wal.read_bytes()
        step = _WAL_FRAME_HEADER + size
        for at in range(_WAL_HEADER, len(frames) - step + 1, step):
            page = frames[at + _WAL_FRAME_HEADER : at + step]
            page_number = int.from_bytes(frames[at : at + 4], "big")
            yield from leaf_rows(page, 100 if page_number == 1 else 0)
