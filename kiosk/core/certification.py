"""Which qualification certifications (资格认证) a resident can make today, and why not the others.

Pure rules, no Qt: the fingerprint worker evaluates them on its own thread from the cached
`Resident` and the kiosk's clock; the screens only word the outcome. The dates follow
offline_cache.certification (the rules agreed with the county): pension yearly, unemployment
monthly. Suspended and stopped benefits are explained, never offered. A period already done is not
offered again (`PlanOutcome.ALL_DONE`: the greeting says when the next one is due); should it be
certified again anyway, that is harmless (the store records it and moves no date).
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
    ALL_DONE = "all_done"  # certified this period already: "已认证，下次认证时间…", the greeting
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
    done: list[BenefitStatus] = field(default_factory=list)  # certified this period already

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
    """Decide the flow: candidates are the pressing benefits if any, else every one still open.

    A benefit already certified this period (`certified_this_period`, with the kiosk's own local
    certifications overlaid by the store, so also minutes ago) is never a candidate: it is in
    `done`, and when nothing else is open the outcome is ALL_DONE (the resident is told when the
    next certification is, and offered the other services)."""
    if resident is None:
        return CertificationPlan(PlanOutcome.NOT_FOUND, person_id)
    statuses = sorted(
        (benefit_status(b, now) for b in resident.benefits), key=lambda s: _order(s.kind)
    )
    certifiable = [s for s in statuses if s.certifiable]
    done = [s for s in certifiable if s.state is DueState.DONE]
    still_open = [s for s in certifiable if s.state is not DueState.DONE]
    pressing = [s for s in still_open if s.state in PRESSING]
    candidates = pressing or still_open
    explained = [s for s in statuses if not s.certifiable]
    fingers = [f.finger for f in resident.fingerprints]
    if not candidates and done:
        outcome = PlanOutcome.ALL_DONE
    elif not candidates:
        outcome = PlanOutcome.NOTHING_TO_CERTIFY
    elif not fingers:
        outcome = PlanOutcome.NOT_ENROLLED
    elif len(candidates) > 1:
        outcome = PlanOutcome.CHOOSE
    else:
        outcome = PlanOutcome.CERTIFY
    return CertificationPlan(outcome, resident.person_id, candidates, explained, fingers, done)


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
    """The tries of one verification, counted ONCE across every enrolled finger.

    `per_finger` tries (`[devices] fingerprint_attempts`) on each of `fingers` enrolled fingers,
    in roster order: one budget of `total` tries that the screen counts down without restarting
    ("最多可以试6次" before the first, "还可以再试5次" after it). When a finger's share is used up
    the next try is on the next finger, said plainly ("换一个手指"); after the very last try the
    result follows at once, so "还可以再试0次" is never shown.
    """

    per_finger: int = 3
    fingers: int = 1
    attempts: int = 0
    best_score: int = 0
    best_finger: str | None = None

    @property
    def total(self) -> int:
        return max(1, self.per_finger) * max(1, self.fingers)

    @property
    def left(self) -> int:
        """Tries still to come (0: the verification has failed)."""
        return max(0, self.total - self.attempts)

    @property
    def exhausted(self) -> bool:
        return self.left == 0

    @property
    def finger_index(self) -> int:
        """Which enrolled finger (roster index) the next try is on."""
        return min(self.attempts // max(1, self.per_finger), max(1, self.fingers) - 1)

    @property
    def switching(self) -> bool:
        """The try just made used up this finger's share and another finger comes next."""
        return self.attempts > 0 and not self.exhausted and self.attempts % self.per_finger == 0

    @classmethod
    def total_for(cls, per_finger: int, fingers: int) -> int:
        """The tries a verification on `fingers` enrolled fingers allows in all."""
        return cls(per_finger=per_finger, fingers=fingers).total

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
