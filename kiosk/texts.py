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
    # --- Certification flow (certify, choose_benefit, finger, result) -----------------------
    "certify_checking": QT_TRANSLATE_NOOP("prompts", "正在查询您的待遇信息，请稍候"),
    "choose_benefit": QT_TRANSLATE_NOOP("prompts", "请选择要认证的待遇"),
    "place_finger": QT_TRANSLATE_NOOP("prompts", "请将手指平放在指纹仪上"),
    "place_right_thumb": QT_TRANSLATE_NOOP("prompts", "请将右手拇指平放在指纹仪上"),
    "place_right_index": QT_TRANSLATE_NOOP("prompts", "请将右手食指平放在指纹仪上"),
    "place_right_middle": QT_TRANSLATE_NOOP("prompts", "请将右手中指平放在指纹仪上"),
    "place_right_ring": QT_TRANSLATE_NOOP("prompts", "请将右手无名指平放在指纹仪上"),
    "place_right_little": QT_TRANSLATE_NOOP("prompts", "请将右手小指平放在指纹仪上"),
    "place_left_thumb": QT_TRANSLATE_NOOP("prompts", "请将左手拇指平放在指纹仪上"),
    "place_left_index": QT_TRANSLATE_NOOP("prompts", "请将左手食指平放在指纹仪上"),
    "place_left_middle": QT_TRANSLATE_NOOP("prompts", "请将左手中指平放在指纹仪上"),
    "place_left_ring": QT_TRANSLATE_NOOP("prompts", "请将左手无名指平放在指纹仪上"),
    "place_left_little": QT_TRANSLATE_NOOP("prompts", "请将左手小指平放在指纹仪上"),
    "finger_lift": QT_TRANSLATE_NOOP("prompts", "请抬起手指"),
    "finger_poor": QT_TRANSLATE_NOOP("prompts", "指纹没有看清楚，请把手指擦干净，稍用力平按"),
    "finger_dry": QT_TRANSLATE_NOOP("prompts", "手指太干时，可以对手指哈口气再按"),
    "finger_no_match": QT_TRANSLATE_NOOP("prompts", "指纹没有识别出来，请再按一次"),
    "finger_no_match_switch": QT_TRANSLATE_NOOP("prompts", "这个手指没有识别出来"),
    "finger_next": QT_TRANSLATE_NOOP("prompts", "换一个手指"),  # said before the place prompt
    "cert_success": QT_TRANSLATE_NOOP("prompts", "认证成功"),
    "cert_repeat": QT_TRANSLATE_NOOP("prompts", "您这一期已经认证过了，再认证一次也没有关系"),
    "cert_failed": QT_TRANSLATE_NOOP("prompts", "这次没有认证成功"),
    "cert_todo_counter": QT_TRANSLATE_NOOP("prompts", "请到窗口办理，或点求助请工作人员帮您"),
    "cert_not_found": QT_TRANSLATE_NOOP("prompts", "没有找到您的待遇信息，请到窗口办理"),
    "cert_nothing_due": QT_TRANSLATE_NOOP("prompts", "您目前没有需要认证的待遇"),
    "cert_not_enrolled": QT_TRANSLATE_NOOP("prompts", "您还没有登记指纹，请到窗口办理认证"),
    "cert_sensor_error": QT_TRANSLATE_NOOP("prompts", "指纹仪暂时不能使用，请到窗口办理"),
    "pension_suspended": QT_TRANSLATE_NOOP("prompts", "您的养老金目前暂停发放，请到窗口咨询"),
    "pension_stopped": QT_TRANSLATE_NOOP("prompts", "您的养老金已经停止发放，请到窗口咨询"),
    "unemployment_suspended": QT_TRANSLATE_NOOP(
        "prompts", "您的失业保险金目前暂停发放，请到窗口咨询"
    ),
    "unemployment_stopped": QT_TRANSLATE_NOOP(
        "prompts", "您的失业保险金已经停止发放，请到窗口咨询"
    ),
    # --- Statement printing flow (pin, statement_preview, printing) -------------------------
    "pin": QT_TRANSLATE_NOOP("prompts", "请输入社保卡密码"),
    "pin_checking": QT_TRANSLATE_NOOP("prompts", "正在核对密码，请稍候"),
    "pin_wrong": QT_TRANSLATE_NOOP("prompts", "密码不对，请重新输入"),
    "pin_blocked": QT_TRANSLATE_NOOP("prompts", "社保卡密码已被锁定"),
    "pin_finger_failed": QT_TRANSLATE_NOOP("prompts", "指纹没有认出来，请输入社保卡密码"),
    "pin_finger_unavailable": QT_TRANSLATE_NOOP("prompts", "指纹仪暂时不能使用，请输入社保卡密码"),
    "statement_preparing": QT_TRANSLATE_NOOP("prompts", "正在准备参保证明，请稍候"),
    "statement_preview": QT_TRANSLATE_NOOP("prompts", "请看一下证明，没有问题请点打印"),
    "printing": QT_TRANSLATE_NOOP("prompts", "正在打印，请稍候"),
    "take_statement": QT_TRANSLATE_NOOP("prompts", "请取走您的参保证明"),
    "take_receipt": QT_TRANSLATE_NOOP("prompts", "请取走您的认证回执"),
    "print_out_of_paper": QT_TRANSLATE_NOOP("prompts", "打印机没有纸了"),
    "print_jammed": QT_TRANSLATE_NOOP("prompts", "打印机卡纸了"),
    "print_offline": QT_TRANSLATE_NOOP("prompts", "打印机没有连上"),
    "print_unavailable": QT_TRANSLATE_NOOP("prompts", "打印机暂时不能使用"),
    "print_timeout": QT_TRANSLATE_NOOP("prompts", "打印机很久没有反应"),
    "print_failed": QT_TRANSLATE_NOOP("prompts", "这次没有打印出来"),
    "print_not_prepared": QT_TRANSLATE_NOOP("prompts", "证明还没有准备好"),
    "statement_no_record": QT_TRANSLATE_NOOP("prompts", "本机没有找到您的缴费记录"),
    "todo_print_ask_staff": QT_TRANSLATE_NOOP("prompts", "请找工作人员，或点求助"),
    "todo_print_counter": QT_TRANSLATE_NOOP("prompts", "请到窗口办理"),
    # --- end of the statement printing flow ---------------------------------------------------
    # --- Information services (benefits, jobs, notices, rating) -----------------------------
    "info_loading": QT_TRANSLATE_NOOP("prompts", "正在查询，请稍候"),
    "benefits": QT_TRANSLATE_NOOP("prompts", "这是您的待遇"),
    "contributions": QT_TRANSLATE_NOOP("prompts", "这是您的缴费情况"),
    "benefits_not_found": QT_TRANSLATE_NOOP("prompts", "没有查到您的待遇信息，请到窗口咨询"),
    "jobs": QT_TRANSLATE_NOOP("prompts", "请点一个岗位，看详细情况"),
    "jobs_empty": QT_TRANSLATE_NOOP("prompts", "现在没有招聘的岗位，请过几天再来看"),
    "job_detail": QT_TRANSLATE_NOOP("prompts", "想做这份工作，请点我有意向"),
    "phone_entry": QT_TRANSLATE_NOOP("prompts", "请输入您的手机号码，再点确定"),
    "phone_too_short": QT_TRANSLATE_NOOP("prompts", "手机号码是1开头的11位数字"),
    "phone_not_mobile": QT_TRANSLATE_NOOP("prompts", "手机号码要以1开头，共11位"),
    "job_interest_done": QT_TRANSLATE_NOOP("prompts", "已经登记，工作人员会打电话联系您"),
    "notices": QT_TRANSLATE_NOOP("prompts", "请点一条通知，看全文"),
    "notices_empty": QT_TRANSLATE_NOOP("prompts", "现在没有新的通知"),
    "notice_detail": QT_TRANSLATE_NOOP("prompts", "这是通知全文"),
    "info_failed": QT_TRANSLATE_NOOP("prompts", "刚才没有查到，请点求助，或回到首页"),
    "rating": QT_TRANSLATE_NOOP("prompts", "请为这次服务打个分"),
    "rating_thanks": QT_TRANSLATE_NOOP("prompts", "谢谢您的评价"),
    # --- end of the information services ------------------------------------------------------
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
