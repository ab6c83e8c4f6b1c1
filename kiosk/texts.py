"""The spoken prompts: one catalogue, so that scripts/make_sounds.py can pre-synthesise them.

A prompt is the instruction line a screen shows *and* says. Its Simplified Chinese source text is
the translation source (context "prompts"); the English text lives in
assets/translations/kiosk_en.ts like every other string. Dynamic phrases (names, amounts, dates,
the counter's location) are never in here: they go through `Voice.speak_text`.

Adding a prompt: add an entry here, run scripts/update_translations.py (adds it to the .ts), write
its English, run scripts/make_sounds.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_PROMPT_SOURCES: dict[str, object] = {
    "home": QT_TRANSLATE_NOOP("prompts", "请插入社保卡，或点击下方服务"),
    "insert_card": QT_TRANSLATE_NOOP("prompts", "请把社保卡插入读卡口"),
    "reading_card": QT_TRANSLATE_NOOP("prompts", "正在读卡，请稍候"),
    "greeting": QT_TRANSLATE_NOOP("prompts", "请选择要办理的服务"),
    "help": QT_TRANSLATE_NOOP("prompts", "请稍候，工作人员马上来帮您"),
    "out_of_service": QT_TRANSLATE_NOOP("prompts", "本机暂停服务，请到窗口办理"),
    "take_card": QT_TRANSLATE_NOOP("prompts", "请取走您的社保卡"),
    "idle": QT_TRANSLATE_NOOP("prompts", "您还需要更多时间吗？"),
    "not_available": QT_TRANSLATE_NOOP("prompts", "这项服务暂时不能使用"),
    # Failure screens: what happened (one line) ...
    "error_not_ssc": QT_TRANSLATE_NOOP("prompts", "这张卡不是社保卡"),
    "error_expired": QT_TRANSLATE_NOOP("prompts", "您的社保卡已经过期"),
    "error_unreadable": QT_TRANSLATE_NOOP("prompts", "这张卡没有读出来"),
    "error_card_removed": QT_TRANSLATE_NOOP("prompts", "社保卡拔出得太早了"),
    "error_no_reader": QT_TRANSLATE_NOOP("prompts", "读卡器暂时不能使用"),
    "error_unexpected": QT_TRANSLATE_NOOP("prompts", "刚才出了点问题"),
    # ... and what to do now (one line).
    "todo_use_ssc": QT_TRANSLATE_NOOP("prompts", "请取出这张卡，换社保卡再插入"),
    "todo_renew_card": QT_TRANSLATE_NOOP("prompts", "请到窗口办理换卡"),
    "todo_wipe_and_retry": QT_TRANSLATE_NOOP("prompts", "请取出卡，擦一擦芯片，再插入"),
    "todo_insert_again": QT_TRANSLATE_NOOP("prompts", "请重新插入社保卡，等读完再取出"),
    "todo_ask_staff": QT_TRANSLATE_NOOP("prompts", "请点求助，工作人员会来帮您"),
    "todo_start_again": QT_TRANSLATE_NOOP("prompts", "请回到首页重新开始"),
}

# QT_TRANSLATE_NOOP returns its argument (typed `object` in the stubs).
PROMPTS: dict[str, str] = {key: str(text) for key, text in _PROMPT_SOURCES.items()}

PROMPT_CONTEXT = "prompts"


def prompt_text(prompt_id: str) -> str:
    """The prompt in the current language (the installed translator decides)."""
    return QCoreApplication.translate(PROMPT_CONTEXT, PROMPTS[prompt_id])


@dataclass(frozen=True)
class Dynamic:
    """A phrase made at run time (a name, an amount written out, a date): synthesised on demand."""

    text: str


# What a screen asks the voice to say: a prompt id from PROMPTS, or a dynamic phrase.
Utterance = str | Dynamic
