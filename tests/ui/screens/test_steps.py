"""The step indicator follows the flow's real state (issue 12, item 6): one row per screen and
state, set up by the same scenes the screenshots show, and what the frame's indicator says then.

It used to highlight "② 按指纹" while the kiosk was still looking the resident up or asking for a
benefit, mark "✓ 按指纹" done on a failed certification, and show "② 输密码" as current on a
blocked PIN. Steps never done are never ticked; a flow that stopped at a step marks it ✕.
"""

from __future__ import annotations

import pytest

from kiosk.demo.screenshots.gallery import SCENES

CERTIFY_LOOKUP = "✓ 插卡 — ② 确认待遇 — ③ 按指纹 — ④ 完成"
CERTIFY_FINGER = "✓ 插卡 — ✓ 确认待遇 — ③ 按指纹 — ④ 完成"
CERTIFY_DONE = "✓ 插卡 — ✓ 确认待遇 — ✓ 按指纹 — ④ 完成"
CERTIFY_FINGER_FAILED = "✓ 插卡 — ✓ 确认待遇 — ✕ 按指纹 — ④ 完成"
CERTIFY_BENEFIT_FAILED = "✓ 插卡 — ✕ 确认待遇 — ③ 按指纹 — ④ 完成"
PIN = "✓ 插卡 — ② 输密码 — ③ 看证明 — ④ 打印"
PIN_BLOCKED = "✓ 插卡 — ✕ 输密码 — ③ 看证明 — ④ 打印"
BY_FINGER = "✓ 插卡 — ② 按指纹 — ③ 看证明 — ④ 打印"
PREVIEW = "✓ 插卡 — ✓ 输密码 — ③ 看证明 — ④ 打印"
PRINTING = "✓ 插卡 — ✓ 输密码 — ✓ 看证明 — ④ 打印"
PRINT_FAILED = "✓ 插卡 — ✓ 输密码 — ✓ 看证明 — ✕ 打印"

# scene (screen + state) -> (what the indicator says, current index, stopped there), or None
TABLE: dict[str, tuple[str, int, bool] | None] = {
    "certify": (CERTIFY_LOOKUP, 1, False),  # "正在查询…": not yet the finger
    "certify_waiting_long": (CERTIFY_LOOKUP, 1, False),
    "choose_benefit": (CERTIFY_LOOKUP, 1, False),  # choosing a benefit: not yet the finger
    "finger": (CERTIFY_FINGER, 2, False),
    "finger_poor": (CERTIFY_FINGER, 2, False),
    "finger_switch_lift": (CERTIFY_FINGER, 2, False),
    "finger_switch": (CERTIFY_FINGER, 2, False),
    "result": (CERTIFY_DONE, 3, False),
    "result_failed": (CERTIFY_FINGER_FAILED, 2, True),  # never "✓ 按指纹" when it failed
    "result_sensor_error": (CERTIFY_FINGER_FAILED, 2, True),
    "result_not_found": (CERTIFY_BENEFIT_FAILED, 1, True),
    "result_suspended": (CERTIFY_BENEFIT_FAILED, 1, True),  # nothing to certify
    "greeting": None,  # not in a flow
    "greeting_certified": None,
    "pin": (PIN, 1, False),
    "pin_wrong": (PIN, 1, False),
    "pin_blocked": (PIN_BLOCKED, 1, True),  # never "② 输密码" as if it could go on
    "pin_finger_failed": (PIN, 1, False),  # the PIN is asked for: that step is current
    "statement_finger": (BY_FINGER, 1, False),
    "statement_preparing": (PREVIEW, 2, False),
    "statement_preview": (PREVIEW, 2, False),
    "printing": (PRINTING, 3, False),
    "printing_out_of_paper": (PRINT_FAILED, 3, True),
    "printing_receipt_done": None,  # a certification receipt: no statement steps
}


@pytest.mark.parametrize("scene", list(TABLE))
def test_the_step_indicator_says_where_the_flow_really_is(kiosk_app, scene):
    SCENES[scene](kiosk_app)
    indicator = kiosk_app.frame.steps
    expected = TABLE[scene]
    if expected is None:
        assert indicator.steps == [] and not indicator.isVisibleTo(kiosk_app.frame)
        return
    text, current, failed = expected
    assert indicator.plain_text() == text
    assert (indicator.current, indicator.failed) == (current, failed)
    assert indicator.isVisibleTo(kiosk_app.frame)


def test_the_indicator_changes_with_the_screen_state_not_only_with_the_screen(kiosk_app):
    """The PIN screen going from typing to blocked updates the frame while it stays on show."""
    SCENES["pin"](kiosk_app)
    indicator = kiosk_app.frame.steps
    assert indicator.plain_text() == PIN
    kiosk_app.navigator.current.show_blocked()
    assert indicator.plain_text() == PIN_BLOCKED and indicator.failed
