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
from kiosk.screens.certify.start import CertifyStartScreen
from kiosk.screens.common.finger import FingerParams, FingerScreen
from kiosk.screens.common.greeting import GreetingParams
from kiosk.screens.names import ScreenName
from kiosk.widgets.busy import BusyIndicator

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


def waited(busy: BusyIndicator, seconds: float) -> None:
    """The busy indicator as it looks `seconds` into its wait (its clock moved on)."""
    started = busy.clock()
    busy.clock = lambda: started + seconds
    busy.tick()


def _certify_waiting(seconds: float) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        _certify(app)
        screen = app.navigator.current
        assert isinstance(screen, CertifyStartScreen)
        waited(screen.busy, seconds)

    return scene


def _choose(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.CHOOSE_BENEFIT, ChooseBenefitParams(_PLAN))


def _finger(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(
        ScreenName.FINGER, FingerParams(finger="right_index", benefit="pension", tries=6)
    )


def _finger_switch(lifting: bool) -> Callable[[KioskApp], None]:
    """The third try on the right index failed: on to the left index (tries counted once)."""

    def scene(app: KioskApp) -> None:
        _finger(app)
        screen = app.navigator.current
        assert isinstance(screen, FingerScreen)
        screen.show_no_match(3)
        screen.show_next("left_index")
        screen.show_lift()
        if not lifting:
            screen.show_place("left_index", 3)

    return scene


def _finger_poor(app: KioskApp) -> None:
    _finger(app)
    screen = app.navigator.current
    assert isinstance(screen, FingerScreen)
    screen.show_poor(5)
    screen.show_lift()


def _success(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.RESULT, ResultParams(ResultKind.SUCCESS, _result(True)))


def _failed(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.RESULT, ResultParams(ResultKind.FAILED, _result(False)))


def _result_of(kind: ResultKind) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        _with_card(app)
        app.navigator.go(ScreenName.RESULT, ResultParams(kind))

    return scene


_DONE = BenefitStatus("pension", DueState.DONE, "annual", date(2027, 11, 30), _AT)


def _greeting_certified(app: KioskApp) -> None:
    """Certified this period (minutes ago): told so, the other services offered."""
    _with_card(app)
    app.navigator.go(ScreenName.GREETING, GreetingParams([_DONE], certify_offered=False))


def _suspended(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(
        ScreenName.RESULT, ResultParams(ResultKind.NOTHING_DUE, explained=[_SUSPENDED])
    )


CERTIFICATION_SCENES: dict[str, Callable[[KioskApp], None]] = {
    "certify": _certify,
    "certify_waiting": _certify_waiting(1.0),  # past 0.5 s: the dots go round
    "certify_waiting_long": _certify_waiting(3.5),  # past 3 s: and say what for
    "choose_benefit": _choose,
    "finger": _finger,
    "finger_poor": _finger_poor,
    "finger_switch_lift": _finger_switch(lifting=True),
    "finger_switch": _finger_switch(lifting=False),
    "greeting_certified": _greeting_certified,
    "result": _success,
    "result_failed": _failed,
    "result_sensor_error": _result_of(ResultKind.SENSOR_ERROR),
    "result_not_found": _result_of(ResultKind.NOT_FOUND),
    "result_suspended": _suspended,
}
