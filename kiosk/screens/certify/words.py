"""Words of the certification flow that are not whole prompts: benefit names, due states, the
attempts left and the next due date, written and spoken (dates written out before speaking)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from kiosk.core.certification import BenefitStatus, DueState
from kiosk.core.dates import format_date, format_date_en, spoken_date
from kiosk.core.language import in_language
from kiosk.core.numbers import chinese_integer
from kiosk.texts import Dynamic


def benefit_name(kind: str) -> str:
    if kind == "pension":
        return QCoreApplication.translate("Certification", "养老金领取资格认证")
    if kind == "unemployment":
        return QCoreApplication.translate("Certification", "失业保险金领取资格认证")
    return kind


def benefit_short_name(kind: str) -> str:
    """The benefit in one word, as a resident says it: 养老金, 失业金."""
    if kind == "pension":
        return QCoreApplication.translate("Certification", "养老金")
    if kind == "unemployment":
        return QCoreApplication.translate("Certification", "失业金")
    return kind


def written_date(day: date, language: str) -> str:
    return in_language(language, format_date, format_date_en)(day)


def state_text(status: BenefitStatus, language: str) -> str:
    due = written_date(status.due_by, language)
    if status.state is DueState.OVERDUE:
        text = QCoreApplication.translate("Certification", "已过期，请尽快认证（应在%1前）")
        return text.replace("%1", due)
    if status.state is DueState.DUE:
        return QCoreApplication.translate("Certification", "请在%1前认证").replace("%1", due)
    if status.state is DueState.DONE:
        text = QCoreApplication.translate("Certification", "本期已认证，下次在%1前")
        return text.replace("%1", due)
    text = QCoreApplication.translate("Certification", "现在可以认证，%1前有效")
    return text.replace("%1", due)


def attempts_left_text(left: int, untouched: bool = False) -> str:
    """`untouched`: no try yet on this finger, so "再试" (again) would suggest a failure."""
    if untouched:
        text = QCoreApplication.translate("Certification", "最多可以试%1次")
    else:
        text = QCoreApplication.translate("Certification", "还可以再试%1次")
    return text.replace("%1", str(left))


def spoken_attempts_left(left: int, language: str) -> Dynamic:
    return Dynamic(
        in_language(
            language,
            f"还可以再试{chinese_integer(left)}次",  # spoken: the number in words
            f"{left} tries left" if left != 1 else "1 try left",
        )
    )


def next_due_text(day: date, language: str) -> str:
    text = QCoreApplication.translate("Certification", "下次请在%1前认证")
    return text.replace("%1", written_date(day, language))


def spoken_next_due(day: date, language: str) -> Dynamic:
    return Dynamic(
        in_language(
            language,
            f"下次请在{spoken_date(day)}前认证",
            f"Please certify again by {format_date_en(day)}",
        )
    )


STEP_CARD, STEP_BENEFIT, STEP_FINGER, STEP_DONE = range(4)  # indexes into step_words()


def step_words() -> list[str]:
    """① 插卡 — ② 确认待遇 (looking the resident up, choosing a benefit) — ③ 按指纹 — ④ 完成."""
    return [
        QCoreApplication.translate("Certification", "插卡"),
        QCoreApplication.translate("Certification", "确认待遇"),
        QCoreApplication.translate("Certification", "按指纹"),
        QCoreApplication.translate("Certification", "完成"),
    ]
