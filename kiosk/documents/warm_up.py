"""Pay the first document's cost at start-up, not while the first resident waits.

The first statement in a process took about 1.1 s (docs/performance.md): reportlab parses every
TrueType font it registers (HanaMinB alone is about 0.7 s) and fontTools reads their cmaps. The
printer worker calls `warm_up()` in its own thread when it starts, so the first preview comes as
fast as every later one. Nothing is written anywhere; the throw-away document is dropped.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timedelta, timezone

from kiosk.documents import fonts
from kiosk.documents.layout import DocumentContext
from kiosk.documents.statement import build_statement
from offline_cache.models import Contribution, Resident

log = logging.getLogger(__name__)

# An invented resident whose name needs every font (main, extension A 䶮, extension B 𠮷).
_WARM_NAME = "王䶮𠮷"
_WARM_YEAR = 2000
_WARM_CONTEXT = DocumentContext(
    township_name="青山镇",
    terminal_id="WARM-UP",
    printed_at=datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=8))),
    secret=b"warm-up, never printed",
    offline=True,
    data_as_of=date(2000, 1, 1),
)


def _warm_resident() -> Resident:
    return Resident(
        person_id="000000200001010000",
        name=_WARM_NAME,
        gender="F",
        birth_date=date(2000, 1, 1),
        card_number="WARM-UP",
        township_code="000000000",
        version=1,
        account_balance_cents=0,
        contributions=[Contribution(_WARM_YEAR, "employee_pension", 12, 100_000, 8_000, 16_000)],
    )


def warm_up() -> float:
    """Register every document font and build one throw-away statement; returns the seconds it
    took. A missing font is logged, not raised: the real document reports it to the resident."""
    start = time.perf_counter()
    try:
        for spec in (fonts.MAIN_FONT, *fonts.FALLBACK_FONTS):
            fonts.register(spec)
            fonts.covers(spec, " ")  # loads the cmap used by the per-character fallback
        build_statement(_warm_resident(), _WARM_CONTEXT)
    except Exception:  # the kiosk still starts; the first real document will say what is wrong
        log.exception("document warm-up failed")
    elapsed = time.perf_counter() - start
    log.info("document fonts warmed up in %.2f s", elapsed)
    return elapsed


__all__ = ["warm_up"]
