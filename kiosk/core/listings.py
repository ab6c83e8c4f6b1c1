"""Pure helpers for the information services (benefits, jobs, notices): paging, salary ranges,
expiry, phone numbers and contribution summaries. No Qt here, so all of it is unit-tested plainly.

The screens page instead of scrolling: a resident of seventy does not know a swipe, and a tiny
scrollbar is not a touch target. Everything is cut into pages with big 上一页/下一页 buttons.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from kiosk.core.language import in_language
from offline_cache.models import Benefit, Contribution, Job, Notice

T = TypeVar("T")

FEN_PER_YUAN = 100
PHONE_LENGTH = 11
PHONE_RE = re.compile(r"^1[0-9]{10}$")  # the JobInterestTx pattern of the county API
PHONE_GROUPS = (3, 4, 4)  # 138 0013 8000
# Where a long text may be cut into pages, best first (end of paragraph, sentence, clause).
_BREAKS = ("\n", "。", "！", "？", "；", ";", ".", "，", ",", "、", " ")


# --- paging ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, its 0-based index and how many pages there are."""

    items: tuple[T, ...]
    index: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.index > 0

    @property
    def has_next(self) -> bool:
        return self.index < self.count - 1


def page_count(total: int, per_page: int) -> int:
    """At least one page (an empty list still has a page that says so)."""
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    return max(1, -(-total // per_page))


def page_of(items: Sequence[T], per_page: int, index: int) -> Page[T]:
    """The page `index` of `items`, clamped into range (a stale index never shows nothing)."""
    count = page_count(len(items), per_page)
    index = min(max(index, 0), count - 1)
    start = index * per_page
    return Page(tuple(items[start : start + per_page]), index, count)


def _cut(text: str, limit: int) -> int:
    """Where to cut `text` to at most `limit` characters: after a paragraph, a sentence or a
    clause in the second half of the window, else at the limit."""
    if len(text) <= limit:
        return len(text)
    window = text[:limit]
    for mark in _BREAKS:
        at = window.rfind(mark)
        if at >= limit // 2:
            return at + 1
    return limit


def split_text(text: str, chars_per_page: int) -> list[str]:
    """Cut a long text into pages of at most `chars_per_page` characters (see `_cut`)."""
    if chars_per_page < 1:
        raise ValueError(f"chars_per_page must be at least 1, not {chars_per_page}")
    rest = text.strip()
    pages: list[str] = []
    while len(rest) > chars_per_page:
        cut = _cut(rest, chars_per_page)
        pages.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    pages.append(rest)
    return pages


def paginate_text(
    text: str, chars_per_line: int, lines_per_page: int, first_page_lines: int | None = None
) -> list[str]:
    """Cut `text` into pages of at most `lines_per_page` wrapped lines of `chars_per_line`
    characters (`first_page_lines` on the first page, which may share room with a title); a
    paragraph starts a new line, and one that does not fit is cut at a sentence.
    Never returns no page."""
    if chars_per_line < 1 or lines_per_page < 1:
        raise ValueError("a page holds at least one line of one character")
    paragraphs = [p.strip() for p in text.strip().split("\n") if p.strip()]
    pages: list[str] = []
    current: list[str] = []
    used = 0
    first = max(1, first_page_lines) if first_page_lines is not None else lines_per_page
    for paragraph in paragraphs:
        rest = paragraph
        while rest:
            free = (lines_per_page if pages else first) - used
            need = -(-len(rest) // chars_per_line)
            if need <= free:
                current.append(rest)
                used += need
                break
            if free < 1:
                pages.append("\n".join(current))
                current, used = [], 0
                continue
            cut = _cut(rest, free * chars_per_line)
            current.append(rest[:cut].strip())
            rest = rest[cut:].strip()
            pages.append("\n".join(current))
            current, used = [], 0
    if current or not pages:
        pages.append("\n".join(current))
    return pages


WORD_JOINER = "\u2060"  # no line break on either side; drawn as nothing
# A number and the unit after it ("500元", "3个月", "60岁"): a line must not break between them.
_NUMBER_UNIT = re.compile(r"(\d)[ \u00a0]?(万元|元|万|岁|周岁|年|个月|月|日|天|人|次|号|%|％)")


def keep_numbers_with_units(text: str) -> str:
    """`text` with a word joiner between each number and its unit, for display only (the pages
    and the voice use the text as it is): Chinese text may break between any two characters,
    and "500" at the end of one line with "元" at the start of the next reads as two things."""
    return _NUMBER_UNIT.sub(lambda m: f"{m.group(1)}{WORD_JOINER}{m.group(2)}", text)


# --- jobs and notices -----------------------------------------------------------------------


def current_jobs(jobs: Iterable[Job], now: datetime) -> list[Job]:
    """Jobs not yet expired at `now` (the store filters too; a list shown for a while is filtered
    again before each page, so a job that expires meanwhile is not offered)."""
    return [j for j in jobs if j.expires_at > now]


def current_notices(notices: Iterable[Notice], now: datetime) -> list[Notice]:
    return [
        n for n in notices if n.published_at <= now and (n.expires_at is None or n.expires_at > now)
    ]


def _yuan(cents: int) -> str:
    """Whole yuan grouped ("4,000"); fen only when there are any ("4,000.50")."""
    yuan, fen = divmod(cents, FEN_PER_YUAN)
    return f"{yuan:,}" if fen == 0 else f"{yuan:,}.{fen:02d}"


def salary_range(job: Job, language: str = "zh") -> str:
    """ "月薪 4,000–6,000 元", "月薪 4,000 元起", "月薪最高 6,000 元", "工资面议" (and English)."""
    low, high = job.salary_min_cents, job.salary_max_cents
    if low is not None and high is not None and low > high:
        low, high = high, low
    if low is not None and high is not None and low != high:
        return in_language(
            language, f"月薪 {_yuan(low)}–{_yuan(high)} 元", f"¥{_yuan(low)}–{_yuan(high)} a month"
        )
    if low is not None:
        if high == low:
            return in_language(language, f"月薪 {_yuan(low)} 元", f"¥{_yuan(low)} a month")
        return in_language(language, f"月薪 {_yuan(low)} 元起", f"From ¥{_yuan(low)} a month")
    if high is not None:
        return in_language(language, f"月薪最高 {_yuan(high)} 元", f"Up to ¥{_yuan(high)} a month")
    return in_language(language, "工资面议", "Salary to be agreed")


# --- phone numbers --------------------------------------------------------------------------


class PhoneProblem(enum.Enum):
    """Why a number cannot be a mobile number; the screen turns it into plain words."""

    TOO_SHORT = "too_short"
    NOT_MOBILE = "not_mobile"  # does not start with 1


def phone_problem(digits: str) -> PhoneProblem | None:
    """None for a valid mainland mobile number (11 digits starting with 1)."""
    if PHONE_RE.match(digits):
        return None
    if digits[:1] and digits[0] != "1":
        return PhoneProblem.NOT_MOBILE
    return PhoneProblem.TOO_SHORT


def is_valid_phone(digits: str) -> bool:
    return phone_problem(digits) is None


def group_phone(digits: str) -> str:
    """ "13800138000" -> "138 0013 8000" (partial entries grouped the same way)."""
    groups: list[str] = []
    rest = digits
    for size in PHONE_GROUPS:
        if rest:
            groups.append(rest[:size])
            rest = rest[size:]
    if rest:
        groups.append(rest)
    return " ".join(groups)


# --- benefits and contributions -------------------------------------------------------------


class BenefitStatus(enum.Enum):
    ACTIVE = "active"  # 正常发放
    SUSPENDED = "suspended"  # 暂停发放
    STOPPED = "stopped"  # 已停发
    UNKNOWN = "unknown"


def benefit_status(benefit: Benefit) -> BenefitStatus:
    try:
        return BenefitStatus(benefit.status)
    except ValueError:
        return BenefitStatus.UNKNOWN


def main_benefit(benefits: Sequence[Benefit]) -> Benefit | None:
    """The benefit to speak first: an active one if any, the largest amount among equals."""
    if not benefits:
        return None
    return max(
        benefits,
        key=lambda b: (benefit_status(b) is BenefitStatus.ACTIVE, b.monthly_amount_cents),
    )


@dataclass(frozen=True)
class SchemeSummary:
    """One insurance scheme's contributions: the years paid, total months, the latest year."""

    scheme: str
    first_year: int
    latest_year: int
    years: int  # years with at least one month paid
    months: int
    personal_cents: int


# The order schemes are listed in (the pension first: it is what residents ask about).
SCHEME_ORDER = (
    "employee_pension",
    "resident_pension",
    "medical",
    "unemployment",
    "work_injury",
    "maternity",
)


def contribution_summary(contributions: Iterable[Contribution]) -> list[SchemeSummary]:
    by_scheme: dict[str, list[Contribution]] = {}
    for c in contributions:
        by_scheme.setdefault(c.scheme, []).append(c)
    summaries = []
    for scheme, rows in by_scheme.items():
        paid = [r for r in rows if r.months_paid > 0] or rows
        years = sorted({r.year for r in paid})
        summaries.append(
            SchemeSummary(
                scheme=scheme,
                first_year=years[0],
                latest_year=years[-1],
                years=len({r.year for r in rows if r.months_paid > 0}),
                months=sum(r.months_paid for r in rows),
                personal_cents=sum(r.personal_cents for r in rows),
            )
        )

    def order(s: SchemeSummary) -> tuple[int, str]:
        rank = SCHEME_ORDER.index(s.scheme) if s.scheme in SCHEME_ORDER else len(SCHEME_ORDER)
        return rank, s.scheme

    return sorted(summaries, key=order)


def aware(now: datetime) -> datetime:
    """The kiosk clock may be naive local time; feeds carry aware times. A naive `now` is read
    as the machine's local time."""
    return now if now.tzinfo is not None else now.astimezone()


def items_per_page(available_px: int, item_px: int, gap_px: int) -> int:
    """How many cards of `item_px` fit in `available_px` with `gap_px` between them (≥ 1)."""
    return max(1, (available_px + gap_px) // (item_px + gap_px))
