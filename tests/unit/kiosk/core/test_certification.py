"""The certification rules: due states, explanations, candidates, the next due date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.core.certification import (
    AttemptTally,
    DueState,
    PlanOutcome,
    VerificationResult,
    VerifyOutcome,
    benefit_status,
    plan_for,
    receipt_for,
)
from offline_cache.models import Benefit, Certification, Fingerprint, Resident
from offline_cache.store import KIOSK_TZ

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=KIOSK_TZ)
PID = "320102195203140021"


def _benefit(kind="pension", status="active", due=date(2026, 12, 31), last=None, period=None):
    period = period or ("annual" if kind == "pension" else "monthly")
    return Benefit(kind, status, 180000, Certification(period, due, last))


def _resident(*benefits, fingers=("right_index",)):
    return Resident(
        person_id=PID, name="王秀英", gender="F", birth_date=date(1952, 3, 14),
        card_number="A00000001", township_code="320102001", version=1,
        benefits=list(benefits), fingerprints=[Fingerprint(f, bytes(512)) for f in fingers],
    )  # fmt: skip


def test_states_of_an_annual_pension():
    assert benefit_status(_benefit(due=date(2026, 11, 1)), NOW).state is DueState.OVERDUE
    assert benefit_status(_benefit(due=date(2026, 12, 31)), NOW).state is DueState.DUE
    assert benefit_status(_benefit(due=date(2027, 6, 30)), NOW).state is DueState.OPEN_EARLY
    done = _benefit(due=date(2027, 11, 30), last=NOW - timedelta(days=2))
    assert benefit_status(done, NOW).state is DueState.DONE


def test_states_of_monthly_unemployment():
    assert (
        benefit_status(_benefit("unemployment", due=date(2026, 11, 30)), NOW).state is DueState.DUE
    )
    assert (
        benefit_status(_benefit("unemployment", due=date(2026, 12, 31)), NOW).state is DueState.DONE
    )  # the date already moved past this month: certified


def test_suspended_and_stopped_are_explained_not_offered():
    plan = plan_for(
        _resident(_benefit(status="suspended"), _benefit("unemployment", status="stopped")),
        PID, NOW,
    )  # fmt: skip
    assert plan.outcome is PlanOutcome.NOTHING_TO_CERTIFY
    assert plan.candidates == []
    assert [(s.kind, s.state) for s in plan.explained] == [
        ("pension", DueState.SUSPENDED), ("unemployment", DueState.STOPPED)
    ]  # fmt: skip


def test_missing_resident_is_a_plain_outcome():
    plan = plan_for(None, PID, NOW)
    assert plan.outcome is PlanOutcome.NOT_FOUND and plan.person_id == PID


def test_pressing_benefits_come_first_then_any_certifiable():
    due = _benefit("unemployment", due=date(2026, 11, 30))
    early = _benefit(due=date(2027, 8, 1))
    plan = plan_for(_resident(early, due), PID, NOW)
    assert plan.outcome is PlanOutcome.CERTIFY and plan.pressing
    assert [c.kind for c in plan.candidates] == ["unemployment"]
    relaxed = plan_for(_resident(early), PID, NOW)
    assert relaxed.outcome is PlanOutcome.CERTIFY and not relaxed.pressing


def test_two_due_offer_a_choice_in_a_fixed_order():
    two = _resident(
        _benefit("unemployment", due=date(2026, 11, 30)), _benefit(due=date(2026, 12, 1))
    )
    plan = plan_for(two, PID, NOW)
    assert plan.outcome is PlanOutcome.CHOOSE
    assert [c.kind for c in plan.candidates] == ["pension", "unemployment"]


def test_a_period_already_certified_is_never_a_candidate():
    done = _benefit(due=date(2027, 11, 30), last=NOW - timedelta(minutes=5))
    plan = plan_for(_resident(done), PID, NOW)
    assert plan.outcome is PlanOutcome.ALL_DONE and plan.candidates == []
    assert [d.kind for d in plan.done] == ["pension"] and plan.done[0].due_by == date(2027, 11, 30)
    # with another benefit still open, that one is certified and the done one is only said
    due_now = _benefit("unemployment", due=date(2026, 11, 30), period="monthly")
    both = plan_for(_resident(done, due_now), PID, NOW)
    assert both.outcome is PlanOutcome.CERTIFY
    assert [c.kind for c in both.candidates] == ["unemployment"]
    assert [d.kind for d in both.done] == ["pension"]


def test_tries_are_counted_once_across_the_fingers():
    tally = AttemptTally(per_finger=3, fingers=2)
    assert (tally.total, tally.left, tally.finger_index) == (6, 6, 0)
    seen = []
    while not tally.exhausted:
        finger = tally.finger_index
        tally.add(10, f"f{finger}")
        seen.append((finger, tally.left, tally.switching))
    assert seen == [
        (0, 5, False), (0, 4, False), (0, 3, True),  # the third on the first: on to the second
        (1, 2, False), (1, 1, False), (1, 0, False),  # the last: no switch, no "0 left" try
    ]  # fmt: skip
    assert tally.attempts == 6 and AttemptTally.total_for(3, 2) == 6


def test_one_finger_never_switches():
    tally = AttemptTally(per_finger=2, fingers=1)
    tally.add(None, "right_index")
    assert (tally.left, tally.switching, tally.exhausted) == (1, False, False)
    tally.add(None, "right_index")
    assert (tally.left, tally.switching, tally.exhausted) == (0, False, True)
    assert tally.best_finger is None  # poor images score nothing


def test_no_enrolled_finger_goes_to_the_counter():
    plan = plan_for(_resident(_benefit(), fingers=()), PID, NOW)
    assert plan.outcome is PlanOutcome.NOT_ENROLLED


def test_receipt_request_carries_the_result():
    result = VerificationResult(VerifyOutcome.PASSED, "pension", PID, "tx-1", 2, 150,
                                "right_index", NOW, date(2027, 12, 31), False)  # fmt: skip
    receipt = receipt_for(result, "王秀英")
    assert (receipt.result, receipt.next_due, receipt.tx_id) == (
        "passed",
        date(2027, 12, 31),
        "tx-1",
    )
