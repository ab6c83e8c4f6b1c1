"""The 资格认证 flow: wiring between the shell, the fingerprint service and the flow's screens.

    card (insert_card, or a card already read) -> certify (the worker reads the cache)
      -> choose_benefit (several open) -> finger (attempts, guidance) -> result
A card inserted on the home screen lands on `certify` (app.CARD_LANDING); when nothing is due there,
the greeting follows instead. The session's end (card removed, idle, 首页) cancels a running
verification; a verification that did not complete records nothing (docs/certification.md).
Repeated sensor failures count towards out-of-service like the card reader's.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.core.certification import CertificationPlan, PlanOutcome, VerificationResult
from kiosk.core.session import SessionEnd
from kiosk.screens.certify.choose_benefit import ChooseBenefitScreen
from kiosk.screens.certify.result import ResultKind, ResultScreen
from kiosk.screens.certify.start import CertifyStartScreen
from kiosk.screens.common.finger import FingerScreen
from kiosk.screens.info.rating import offer_rating
from kiosk.services.fingerprint_service import (
    NOT_ENROLLED,
    SENSOR_UNAVAILABLE,
    FingerprintService,
)

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger(__name__)

FLOW_SCREENS = frozenset({"certify", "choose_benefit", "finger", "result"})
_PLAN_RESULTS = {
    PlanOutcome.NOT_FOUND: ResultKind.NOT_FOUND,
    PlanOutcome.NOTHING_TO_CERTIFY: ResultKind.NOTHING_DUE,
    PlanOutcome.NOT_ENROLLED: ResultKind.NOT_ENROLLED,
}


class CertificationFlow(QObject):
    """`receipt_requested(ReceiptRequest)`: the resident asked for a printed receipt (the printing
    flow connects to it). `result_shown(VerificationResult)` for the autopilot and tests."""

    receipt_requested = Signal(object)
    result_shown = Signal(object)

    def __init__(self, app: KioskApp) -> None:
        super().__init__(app)
        self.app = app
        self.service = FingerprintService(
            app.config, getattr(app, "open_sensor", None), parent=self
        )
        self.plan: CertificationPlan | None = None
        self._from_card = False
        self._interrupted = False  # the finger wait was cancelled by 求助: resume on return
        nav = app.navigator
        self.start_screen = nav.get_as("certify", CertifyStartScreen)
        self.choose = nav.get_as("choose_benefit", ChooseBenefitScreen)
        self.finger = nav.get_as("finger", FingerScreen)
        self.result = nav.get_as("result", ResultScreen)
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
        app.session_ended.connect(self._session_ended)
        nav.changed.connect(self._screen_changed)

    def start(self) -> None:
        self.service.start()

    def shutdown(self) -> None:
        self.service.shutdown()

    # --- steps --------------------------------------------------------------------------------
    def _lookup(self, params: dict[str, Any]) -> None:
        card = self.app.session.card
        self._from_card = bool(params.get("from_card"))
        if card is None:  # the shell always reads the card first; be safe
            self.app.navigator.go("insert_card")
            return
        self.service.request_plan(card.person_id)

    def _plan_ready(self, plan: CertificationPlan) -> None:
        if self.app.navigator.current is not self.start_screen:
            return
        self.plan = plan
        nav = self.app.navigator
        if self._from_card and not plan.pressing:
            nav.go("greeting")  # nothing due: the resident chooses what to do
        elif plan.outcome in _PLAN_RESULTS:
            nav.go("result", {"kind": _PLAN_RESULTS[plan.outcome], "explained": plan.explained})
        elif plan.outcome is PlanOutcome.CHOOSE:
            nav.go("choose_benefit", {"plan": plan})
        else:
            self._benefit_chosen(plan.candidates[0].kind)

    def _benefit_chosen(self, benefit: str) -> None:
        plan = self.plan
        if plan is None or not plan.fingers:
            return
        self.benefit = benefit
        self._interrupted = False
        self.app.navigator.go("finger", {"finger": plan.fingers[0], "benefit": benefit})
        self.service.request_verify(plan.person_id, benefit, plan.fingers)

    def _finished(self, result: VerificationResult) -> None:
        explained = self.plan.explained if self.plan else []
        kind = ResultKind.SUCCESS if result.passed else ResultKind.FAILED
        self.app.navigator.go("result", {"kind": kind, "result": result, "explained": explained})
        self.result_shown.emit(result)

    def _failed(self, code: str) -> None:
        log.warning("certification failed: %s", code)
        if code == SENSOR_UNAVAILABLE:
            self.app._record_failure(f"fingerprint: {code}")
            kind = ResultKind.SENSOR_ERROR
        elif code == NOT_ENROLLED:
            kind = ResultKind.NOT_ENROLLED
        else:
            kind = ResultKind.NOT_FOUND
        current = self.app.navigator.current
        if current is not None and current.name == "out_of_service":
            return
        self.app.navigator.go("result", {"kind": kind})

    def _result_done(self) -> None:
        """返回首页 on the result: after a verification (passed or not) the rating comes first
        (skippable; its end is the session's end, with the card reminder); otherwise the end."""
        nav = self.app.navigator
        kind = getattr(self.result, "kind", None)
        if kind in (ResultKind.SUCCESS, ResultKind.FAILED) and nav.is_available("rating"):
            offer_rating(nav, "certification")
        else:
            self.app.end_session(SessionEnd.FINISHED)

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

    def _session_ended(self, _reason: SessionEnd) -> None:
        self.service.cancel()
        self.plan = None
        self._interrupted = False
