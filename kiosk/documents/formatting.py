"""How printed documents write amounts, dates, ID numbers and scheme names (ui-guide.md)."""

from __future__ import annotations

from datetime import date, datetime

# Contribution schemes in the order the statement lists them, with their printed names.
SCHEME_NAMES: dict[str, str] = {
    "employee_pension": "职工养老保险",
    "resident_pension": "城乡居民养老保险",
    "unemployment": "失业保险",
    "medical": "医疗保险",
    "work_injury": "工伤保险",
    "maternity": "生育保险",
}
BENEFIT_NAMES: dict[str, str] = {
    "pension": "养老保险待遇",
    "unemployment": "失业保险金",
}
_ID_KEEP_HEAD = 4
_ID_KEEP_TAIL = 4


def money(cents: int) -> str:
    """Integer fen as "¥1,234.50" (negative as "-¥12.00")."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def chinese_date(d: date) -> str:
    """ "2027年11月30日" (no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_datetime(t: datetime) -> str:
    """ "2026年11月28日 14:32" in the time's own zone (the kiosk's local time)."""
    return f"{chinese_date(t.date())} {t:%H:%M}"


def mask_id(person_id: str) -> str:
    """ "3201**********123X": the first and last four characters only."""
    if len(person_id) <= _ID_KEEP_HEAD + _ID_KEEP_TAIL:
        return "*" * len(person_id)
    hidden = len(person_id) - _ID_KEEP_HEAD - _ID_KEEP_TAIL
    return person_id[:_ID_KEEP_HEAD] + "*" * hidden + person_id[-_ID_KEEP_TAIL:]


def mask_name(name: str) -> str:
    """ "王*英" for logs (documents print the full name)."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def scheme_name(scheme: str) -> str:
    """The printed name of a scheme; an unknown code is printed as is rather than dropped."""
    return SCHEME_NAMES.get(scheme, scheme)


def benefit_name(kind: str) -> str:
    return BENEFIT_NAMES.get(kind, kind)
