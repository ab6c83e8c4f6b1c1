"""The 资格认证 flow: wiring between the shell, the fingerprint service and the flow's screens.

    card (insert_card, or a card already read) -> certify (the worker reads the cache)
      -> choose_benefit (several open) -> finger (attempts, guidance) -> result
A card inserted on the home screen lands on `certify` (kiosk.shell.session.CARD_LANDING); when
nothing is due there, the greeting follows instead. A resident already certified this period (also
minutes ago, here: the store overlays its local certifications) is never led to the finger: the
greeting says "已认证，下次认证时间…" and offers the other services. The session's end (card
removed, idle, 首页) cancels a running verification; a verification that did not complete
records nothing (docs/certification.md). Repeated sensor failures count towards out-of-service
like the card reader's.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from drivers.errors import NotEnrolled, SensorUnavailable
from kiosk.core.certification import (
    AttemptTally,
    CertificationPlan,
    PlanOutcome,
    VerificationResult,
)
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.session import SessionEnd
from kiosk.flows.context import FlowContext
from kiosk.screens.certify.choose_benefit import ChooseBenefitParams, ChooseBenefitScreen
from kiosk.screens.certify.result import ResultKind, ResultParams, ResultScreen
from kiosk.screens.certify.start import CertifyParams, CertifyStartScreen
from kiosk.screens.common.finger import FingerParams, FingerScreen
from kiosk.screens.common.greeting import GreetingParams
from kiosk.screens.info.rating import offer_rating
from kiosk.screens.names import ScreenName
from kiosk.services.fingerprint_service import FingerprintService

log = logging.getLogger(__name__)

FLOW_SCREENS = frozenset(
    {ScreenName.CERTIFY, ScreenName.CHOOSE_BENEFIT, ScreenName.FINGER, ScreenName.RESULT}
)
_PLAN_RESULTS = {
    PlanOutcome.NOT_FOUND: ResultKind.NOT_FOUND,
    PlanOutcome.NOTHING_TO_CERTIFY: ResultKind.NOTHING_DUE,
    PlanOutcome.NOT_ENROLLED: ResultKind.NOT_ENROLLED,
}


class CertificationFlow(QObject):
    """`receipt_requested(ReceiptRequest)`: the resident asked for a printed receipt (the printing
    flow connects to it). `result_shown(VerificationResult)` for the autopilot and tests."""

    receipt_requested = Signal(object)
    result_shown = Signal(VerificationResult)

    def __init__(
        self, ctx: FlowContext, service: FingerprintService, parent: QObject | None = None
    ) -> None:
        """`service`: the fingerprint service (the app's; other flows use it too)."""
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.plan: CertificationPlan | None = None
        self._from_card = False
        self._interrupted = False  # the finger wait was cancelled by 求助: resume on return
        nav = ctx.navigator
        self.start_screen = nav.get_as(ScreenName.CERTIFY, CertifyStartScreen)
        self.choose = nav.get_as(ScreenName.CHOOSE_BENEFIT, ChooseBenefitScreen)
        self.finger = nav.get_as(ScreenName.FINGER, FingerScreen)
        self.result = nav.get_as(ScreenName.RESULT, ResultScreen)
        self.start_screen.lookup_requested.connect(self._lookup)
        self.choose.benefit_chosen.connect(self._benefit_chosen)
        self.result.receipt_requested.connect(self.receipt_requested)
        self.result.done.connect(self._result_done)
        s = self.service
        s.plan_ready.connect(self._plan_ready)
        s.place_finger.connect(self.finger.show_place)
        s.poor_image.connect(self.finger.show_poor)
        s.no_match.connect(self.finger.show_no_match)
        s.lift_finger.connect(self.finger.show_lift)
        s.next_finger.connect(self.finger.show_next)
        s.finished.connect(self._finished)
        s.failed.connect(self._failed)
        nav.changed.connect(self._screen_changed)

    # --- steps --------------------------------------------------------------------------------
    def _lookup(self, params: CertifyParams) -> None:
        card = self.ctx.session.card
        self._from_card = params.from_card
        if card is None:  # the shell always reads the card first; be safe
            self.ctx.navigator.go(ScreenName.INSERT_CARD)
            return
        self.service.request_plan(card.person_id)

    def _plan_ready(self, plan: CertificationPlan) -> None:
        if self.ctx.navigator.current is not self.start_screen:
            return
        self.plan = plan
        nav = self.ctx.navigator
        if plan.outcome is PlanOutcome.ALL_DONE:  # certified this period: never the finger
            nav.go(ScreenName.GREETING, GreetingParams(plan.done, certify_offered=False))
        elif self._from_card and not plan.pressing:
            nav.go(ScreenName.GREETING, GreetingParams(plan.done))  # the resident chooses
        elif plan.outcome in _PLAN_RESULTS:
            nav.go(
                ScreenName.RESULT,
                ResultParams(_PLAN_RESULTS[plan.outcome], explained=plan.explained),
            )
        elif plan.outcome is PlanOutcome.CHOOSE:
            nav.go(ScreenName.CHOOSE_BENEFIT, ChooseBenefitParams(plan))
        else:
            self._benefit_chosen(plan.candidates[0].kind)

    def _benefit_chosen(self, benefit: str) -> None:
        plan = self.plan
        if plan is None or not plan.fingers:
            return
        self.benefit = benefit
        self._interrupted = False
        tries = AttemptTally.total_for(
            self.ctx.config.devices.fingerprint_attempts, len(plan.fingers)
        )  # counted once across the fingers, as the worker counts them
        self.ctx.navigator.go(
            ScreenName.FINGER, FingerParams(plan.fingers[0], benefit=benefit, tries=tries)
        )
        self.service.request_verify(plan.person_id, benefit, plan.fingers)

    def _finished(self, result: VerificationResult) -> None:
        explained = self.plan.explained if self.plan else []
        kind = ResultKind.SUCCESS if result.passed else ResultKind.FAILED
        self.ctx.navigator.go(ScreenName.RESULT, ResultParams(kind, result, explained))
        self.result_shown.emit(result)

    def _failed(self, code: str) -> None:
        log.warning("certification failed: %s", code)
        if code == SensorUnavailable.code:
            self.ctx.report_fault(Fault(FaultSource.FINGERPRINT, code))
            kind = ResultKind.SENSOR_ERROR
        elif code == NotEnrolled.code:
            kind = ResultKind.NOT_ENROLLED
        else:
            kind = ResultKind.NOT_FOUND
        current = self.ctx.navigator.current
        if current is not None and current.name == ScreenName.OUT_OF_SERVICE:
            return
        self.ctx.navigator.go(ScreenName.RESULT, ResultParams(kind))

    def _result_done(self) -> None:
        """返回首页 on the result: after a verification (passed or not) the rating comes first
        (skippable; its end is the session's end, with the card reminder); otherwise the end."""
        nav = self.ctx.navigator
        kind = getattr(self.result, "kind", None)
        if kind in (ResultKind.SUCCESS, ResultKind.FAILED) and nav.is_available(ScreenName.RATING):
            offer_rating(nav, "certification")
        else:
            self.ctx.end_session(SessionEnd.FINISHED)

    # --- leaving ------------------------------------------------------------------------------
    def _screen_changed(self, screen: object) -> None:
        """Leaving the finger screen (help, home, session end) stops the sensor wait."""
        name = getattr(screen, "name", "")
        if self.service.busy and name != "finger":
            self._interrupted = getattr(self.finger, "flow", "") == "certification"
            self.service.cancel()
        elif (
            name == "finger"
            and self._interrupted
            and getattr(screen, "flow", "") == "certification"
        ):
            # back from 求助: wait for the finger again, with fresh attempts (nothing was recorded)
            self._interrupted = False
            plan = self.plan
            if plan is not None and plan.fingers and not self.service.busy:
                self.service.request_verify(plan.person_id, self.benefit, plan.fingers)

    def session_ended(self, _reason: SessionEnd) -> None:
        """The app connects the shell's `session_ended`: the sensor wait stops, the plan goes."""
        self.service.cancel()
        self.plan = None
        self._interrupted = False
