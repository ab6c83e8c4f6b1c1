"""Which qualification certifications (资格认证) a resident can make today, and why not the others.

Pure rules, no Qt: the fingerprint worker evaluates them on its own thread from the cached
`Resident` and the kiosk's clock; the screens only word the outcome. The dates follow
offline_cache.certification (the rules agreed with the county): pension yearly, unemployment
monthly. Suspended and stopped benefits are explained, never offered. Certifying again in a period
that is already done is allowed and harmless (the store records it and moves no date).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from offline_cache.certification import MONTHLY, certified_this_period, end_of_month
from offline_cache.models import Benefit, Resident

# An annual certification opens this many days before its due date ("due"); earlier it is
# still possible ("open early").
ANNUAL_DUE_WINDOW = timedelta(days=90)

PENSION = "pension"
UNEMPLOYMENT = "unemployment"
BENEFIT_ORDER = (PENSION, UNEMPLOYMENT)  # how benefits are listed when several apply


class DueState(enum.Enum):
    OVERDUE = "overdue"  # the due date has passed: certify now
    DUE = "due"  # inside the due window
    OPEN_EARLY = "open_early"  # possible now, not yet due
    DONE = "done"  # already certified this period (again is harmless)
    SUSPENDED = "suspended"  # explained, not offered
    STOPPED = "stopped"  # explained, not offered


CERTIFIABLE = frozenset({DueState.OVERDUE, DueState.DUE, DueState.OPEN_EARLY, DueState.DONE})
PRESSING = frozenset({DueState.OVERDUE, DueState.DUE})


@dataclass(frozen=True)
class BenefitStatus:
    kind: str  # "pension" | "unemployment"
    state: DueState
    period: str  # "annual" | "monthly"
    due_by: date
    last_certified_at: datetime | None

    @property
    def certifiable(self) -> bool:
        return self.state in CERTIFIABLE


class PlanOutcome(enum.Enum):
    NOT_FOUND = "not_found"  # not in the cache: "没有找到您的待遇信息，请到窗口办理"
    NOTHING_TO_CERTIFY = "nothing"  # only suspended/stopped benefits, or none at all
    NOT_ENROLLED = "not_enrolled"  # benefits, but no fingerprint on the roster: counter
    CHOOSE = "choose"  # several candidates: the resident picks one
    CERTIFY = "certify"  # exactly one candidate: straight to the finger


@dataclass(frozen=True)
class CertificationPlan:
    """What the flow does for one resident, decided once when the card is read."""

    outcome: PlanOutcome
    person_id: str
    candidates: list[BenefitStatus] = field(default_factory=list)
    explained: list[BenefitStatus] = field(default_factory=list)  # suspended / stopped
    fingers: list[str] = field(default_factory=list)  # enrolled, roster order

    @property
    def pressing(self) -> bool:
        """A certification is due or overdue (a card on the home screen goes straight here)."""
        return any(c.state in PRESSING for c in self.candidates)


def benefit_status(benefit: Benefit, now: datetime) -> BenefitStatus:
    cert = benefit.certification
    today = now.date()
    if benefit.status == "suspended":
        state = DueState.SUSPENDED
    elif benefit.status == "stopped":
        state = DueState.STOPPED
    elif certified_this_period(cert.period, cert.due_by, cert.last_certified_at, now):
        state = DueState.DONE
    elif cert.due_by < today:
        state = DueState.OVERDUE
    elif _in_due_window(cert.period, cert.due_by, today):
        state = DueState.DUE
    else:
        state = DueState.OPEN_EARLY
    return BenefitStatus(benefit.kind, state, cert.period, cert.due_by, cert.last_certified_at)


def _in_due_window(period: str, due_by: date, today: date) -> bool:
    if period == MONTHLY:
        return due_by <= end_of_month(today.year, today.month)
    return due_by - today <= ANNUAL_DUE_WINDOW


def _order(kind: str) -> int:
    return BENEFIT_ORDER.index(kind) if kind in BENEFIT_ORDER else len(BENEFIT_ORDER)


def plan_for(resident: Resident | None, person_id: str, now: datetime) -> CertificationPlan:
    """Decide the flow: candidates are the pressing benefits if any, else every certifiable one."""
    if resident is None:
        return CertificationPlan(PlanOutcome.NOT_FOUND, person_id)
    statuses = sorted(
        (benefit_status(b, now) for b in resident.benefits), key=lambda s: _order(s.kind)
    )
    certifiable = [s for s in statuses if s.certifiable]
    pressing = [s for s in certifiable if s.state in PRESSING]
    candidates = pressing or certifiable
    explained = [s for s in statuses if not s.certifiable]
    fingers = [f.finger for f in resident.fingerprints]
    if not candidates:
        outcome = PlanOutcome.NOTHING_TO_CERTIFY
    elif not fingers:
        outcome = PlanOutcome.NOT_ENROLLED
    elif len(candidates) > 1:
        outcome = PlanOutcome.CHOOSE
    else:
        outcome = PlanOutcome.CERTIFY
    return CertificationPlan(outcome, resident.person_id, candidates, explained, fingers)


class VerifyOutcome(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"  # every attempt on every enrolled finger used up


@dataclass(frozen=True)
class VerificationResult:
    """What the worker tells the screens after recording the transaction."""

    outcome: VerifyOutcome
    benefit: str
    person_id: str
    tx_id: str
    attempts: int
    score: int  # best score seen
    finger: str | None
    at: datetime
    next_due: date | None  # after success: the (possibly unchanged) next due date
    repeat: bool  # the period was already certified: harmless, said so

    @property
    def passed(self) -> bool:
        return self.outcome is VerifyOutcome.PASSED


@dataclass(frozen=True)
class ReceiptRequest:
    """What the printing flow needs for a certification receipt (回执)."""

    benefit: str
    result: str  # "passed" | "failed"
    time: datetime
    next_due: date | None
    person_id: str
    name: str
    tx_id: str


def receipt_for(result: VerificationResult, name: str) -> ReceiptRequest:
    return ReceiptRequest(
        benefit=result.benefit,
        result=result.outcome.value,
        time=result.at,
        next_due=result.next_due,
        person_id=result.person_id,
        name=name,
        tx_id=result.tx_id,
    )


@dataclass
class AttemptTally:
    """Counts attempts across fingers while a verification runs (worker-side bookkeeping)."""

    attempts: int = 0
    best_score: int = 0
    best_finger: str | None = None

    def add(self, score: int | None, finger: str) -> None:
        self.attempts += 1
        if score is not None and (self.best_finger is None or score > self.best_score):
            self.best_score, self.best_finger = score, finger


@dataclass(frozen=True)
class CertificationOutcome:
    """One certification as the receipt states it."""

    person_id: str
    name: str
    benefit: str  # "pension" | "unemployment"
    passed: bool
    certified_at: datetime
    next_due: date | None  # None when the certification did not pass
