"""How printed documents write amounts, dates, ID numbers and scheme names (ui-guide.md)."""

from __future__ import annotations

from datetime import datetime

from kiosk.core.dates import format_date as chinese_date
from kiosk.core.masking import mask_name, mask_person_id

mask_id = mask_person_id  # documents print the masked ID; the full one is only signed

# Contribution schemes in the order the statement lists them, with their printed names.
SCHEME_NAMES: dict[str, str] = {
    "employee_pension": "职工养老保险",
    "resident_pension": "城乡居民养老保险",
    "unemployment": "失业保险",
    "medical": "医疗保险",
    "work_injury": "工伤保险",
    "maternity": "生育保险",
}
__all__ = [
    "BENEFIT_NAMES",
    "SCHEME_NAMES",
    "benefit_name",
    "chinese_date",
    "chinese_datetime",
    "mask_id",
    "mask_name",
    "money",
    "scheme_name",
]
BENEFIT_NAMES: dict[str, str] = {
    "pension": "养老保险待遇",
    "unemployment": "失业保险金",
}


def money(cents: int) -> str:
    """Integer fen as "¥1,234.50" (negative as "-¥12.00")."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def chinese_datetime(t: datetime) -> str:
    """ "2026年11月28日 14:32" in the time's own zone (the kiosk's local time)."""
    return f"{chinese_date(t.date())} {t:%H:%M}"


def scheme_name(scheme: str) -> str:
    """The printed name of a scheme; an unknown code is printed as is rather than dropped."""
    return SCHEME_NAMES.get(scheme, scheme)


def benefit_name(kind: str) -> str:
    return BENEFIT_NAMES.get(kind, kind)
