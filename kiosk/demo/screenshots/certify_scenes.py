"""Screenshot scenes of the certification flow (synthetic data, the screenshots' fixed clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from kiosk.core.certification import (
    BenefitStatus,
    CertificationPlan,
    DueState,
    PlanOutcome,
    VerificationResult,
    VerifyOutcome,
)
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.certify.choose_benefit import ChooseBenefitParams
from kiosk.screens.certify.result import ResultKind, ResultParams
from kiosk.screens.common.finger import FingerParams, FingerScreen
from kiosk.screens.names import ScreenName

if TYPE_CHECKING:
    from kiosk.app import KioskApp

_AT = datetime(2026, 11, 28, 14, 32)
_PENSION = BenefitStatus("pension", DueState.DUE, "annual", date(2026, 11, 30), None)
_UNEMPLOYMENT = BenefitStatus("unemployment", DueState.OVERDUE, "monthly", date(2026, 10, 31), None)
_SUSPENDED = BenefitStatus("pension", DueState.SUSPENDED, "annual", date(2026, 11, 30), None)
_PLAN = CertificationPlan(
    PlanOutcome.CHOOSE, SAMPLE_CARD.person_id, [_PENSION, _UNEMPLOYMENT], [], ["right_index"]
)


def _with_card(app: KioskApp) -> None:
    app.session.set_card(SAMPLE_CARD, _AT)


def _result(passed: bool) -> VerificationResult:
    return VerificationResult(
        outcome=VerifyOutcome.PASSED if passed else VerifyOutcome.FAILED,
        benefit="pension", person_id=SAMPLE_CARD.person_id, tx_id="00000000-demo",
        attempts=1 if passed else 6, score=160 if passed else 12, finger="right_index", at=_AT,
        next_due=date(2027, 11, 30) if passed else None, repeat=False,
    )  # fmt: skip


def _certify(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.CERTIFY)


def _choose(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.CHOOSE_BENEFIT, ChooseBenefitParams(_PLAN))


def _finger(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.FINGER, FingerParams(finger="right_index"))


def _finger_poor(app: KioskApp) -> None:
    _finger(app)
    screen = app.navigator.current
    assert isinstance(screen, FingerScreen)
    screen.show_poor(2)
    screen.show_lift()


def _success(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.RESULT, ResultParams(ResultKind.SUCCESS, _result(True)))


def _failed(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.RESULT, ResultParams(ResultKind.FAILED, _result(False)))


def _suspended(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(
        ScreenName.RESULT, ResultParams(ResultKind.NOTHING_DUE, explained=[_SUSPENDED])
    )


CERTIFICATION_SCENES: dict[str, Callable[[KioskApp], None]] = {
    "certify": _certify,
    "choose_benefit": _choose,
    "finger": _finger,
    "finger_poor": _finger_poor,
    "result": _success,
    "result_failed": _failed,
    "result_suspended": _suspended,
}
