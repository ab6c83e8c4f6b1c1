"""The technician's words for the codes the kiosk works with: diagnostic reasons, device and
platform error codes, transaction kinds, feeds, and times in the kiosk's local time.

A technician reads words, in the interface's language: "纸用完了：请装纸", not `out_of_paper`.
The code itself stays on screen as small secondary text where it helps remote support (the county's
support asks for it; the bundle and the logs carry it). The catalogue goes through the translation
system (context "MaintenanceWords"); a code it does not know is shown as it is, never hidden.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.clock import KIOSK_TZ
from kiosk.core.language import in_language

CONTEXT = "MaintenanceWords"

# Diagnostic reasons (kiosk.ops.diagnostics), device errors (drivers.errors) and the platform's
# rejection reasons (county_platform: the code before the colon).
_CODES: dict[str, object] = {
    "ok": QT_TRANSLATE_NOOP("MaintenanceWords", "工作正常"),
    "simulated": QT_TRANSLATE_NOOP("MaintenanceWords", "模拟设备（演示用），不是真实设备"),
    "timeout": QT_TRANSLATE_NOOP("MaintenanceWords", "检查没有按时回答：请重新检查"),
    "error": QT_TRANSLATE_NOOP("MaintenanceWords", "检查时出错：请查看日志"),
    "pcscd_unreachable": QT_TRANSLATE_NOOP(
        "MaintenanceWords", "读卡服务（pcscd）没有运行：请重启本机"
    ),
    "no_reader": QT_TRANSLATE_NOOP("MaintenanceWords", "找不到读卡器：请检查USB线"),
    "sensor_unavailable": QT_TRANSLATE_NOOP("MaintenanceWords", "指纹仪没有响应：请检查连线和电源"),
    "sensor_unsupported": QT_TRANSLATE_NOOP("MaintenanceWords", "指纹仪型号不支持"),
    "sensor_error": QT_TRANSLATE_NOOP("MaintenanceWords", "指纹仪出错：请重新试一次"),
    "port_in_use": QT_TRANSLATE_NOOP("MaintenanceWords", "指纹仪正被自助程序使用"),
    "no_finger": QT_TRANSLATE_NOOP("MaintenanceWords", "没有放手指"),
    "poor_image": QT_TRANSLATE_NOOP("MaintenanceWords", "指纹图像不清楚：请擦干净指纹仪"),
    "cancelled": QT_TRANSLATE_NOOP("MaintenanceWords", "已取消"),
    "out_of_paper": QT_TRANSLATE_NOOP("MaintenanceWords", "纸用完了：请装纸"),
    "paper_jam": QT_TRANSLATE_NOOP("MaintenanceWords", "卡纸了：请打开打印机取出纸张"),
    "offline": QT_TRANSLATE_NOOP("MaintenanceWords", "打印机离线：请检查电源和连线"),
    "printer_offline": QT_TRANSLATE_NOOP("MaintenanceWords", "打印机离线：请检查电源和连线"),
    "disabled": QT_TRANSLATE_NOOP("MaintenanceWords", "打印队列已停用：修好打印机后启用"),
    "unavailable": QT_TRANSLATE_NOOP("MaintenanceWords", "找不到打印机：请检查打印服务"),
    "printer_unavailable": QT_TRANSLATE_NOOP("MaintenanceWords", "找不到打印机：请检查打印服务"),
    "printer_warning": QT_TRANSLATE_NOOP("MaintenanceWords", "打印机有提醒（如墨粉不足）"),
    "printer_error": QT_TRANSLATE_NOOP("MaintenanceWords", "打印机出错"),
    "print_failed": QT_TRANSLATE_NOOP("MaintenanceWords", "没有打印出来"),
    "print_timeout": QT_TRANSLATE_NOOP("MaintenanceWords", "打印超时：请看打印机"),
    "queue_long": QT_TRANSLATE_NOOP("MaintenanceWords", "等待打印的任务太多"),
    "unreachable": QT_TRANSLATE_NOOP("MaintenanceWords", "连不上县平台：本机照常离线工作"),
    "unhealthy": QT_TRANSLATE_NOOP("MaintenanceWords", "县平台回答异常：本机照常离线工作"),
    "no_store": QT_TRANSLATE_NOOP("MaintenanceWords", "本机数据库打不开"),
    "clock_offset": QT_TRANSLATE_NOOP("MaintenanceWords", "本机时间不准：请校准时间"),
    "no_roster": QT_TRANSLATE_NOOP("MaintenanceWords", "还没有人员名单：请立即同步"),
    "never_synced": QT_TRANSLATE_NOOP("MaintenanceWords", "还没有完整同步过"),
    "sync_stale": QT_TRANSLATE_NOOP("MaintenanceWords", "很久没有同步了"),
    "rejected": QT_TRANSLATE_NOOP("MaintenanceWords", "有被平台拒绝的交易：请看被拒交易"),
    "pending_old": QT_TRANSLATE_NOOP("MaintenanceWords", "有超过一天没送出的交易"),
    "feed_stale": QT_TRANSLATE_NOOP("MaintenanceWords", "岗位或通知很久没有更新"),
    "database_damaged": QT_TRANSLATE_NOOP(
        "MaintenanceWords", "数据库损坏：请运行 kiosk-admin repair"
    ),
    "no_data_dir": QT_TRANSLATE_NOOP("MaintenanceWords", "数据文件夹不存在"),
    "disk_full": QT_TRANSLATE_NOOP("MaintenanceWords", "磁盘快满了：请立即清理"),
    "disk_low": QT_TRANSLATE_NOOP("MaintenanceWords", "磁盘空间不多了"),
    "no_logs": QT_TRANSLATE_NOOP("MaintenanceWords", "还没有日志文件"),
    "recent_errors": QT_TRANSLATE_NOOP("MaintenanceWords", "最近24小时有错误记录"),
    # card errors of a test read
    "no_card": QT_TRANSLATE_NOOP("MaintenanceWords", "没有插卡"),
    "card_removed": QT_TRANSLATE_NOOP("MaintenanceWords", "读卡时卡被拔出"),
    "card_unreadable": QT_TRANSLATE_NOOP("MaintenanceWords", "卡读不出来：换一张卡或清洁读卡器"),
    "card_expired": QT_TRANSLATE_NOOP("MaintenanceWords", "卡已过期（读卡器正常）"),
    "not_social_security_card": QT_TRANSLATE_NOOP("MaintenanceWords", "不是社保卡（读卡器正常）"),
    "card_error": QT_TRANSLATE_NOOP("MaintenanceWords", "读卡出错"),
    "device_error": QT_TRANSLATE_NOOP("MaintenanceWords", "设备出错"),
    # the platform's reasons for a rejected transaction
    "bad_request": QT_TRANSLATE_NOOP("MaintenanceWords", "平台认为内容不合格"),
    "bad_person_id": QT_TRANSLATE_NOOP("MaintenanceWords", "身份证号不对"),
    "unknown_resident": QT_TRANSLATE_NOOP("MaintenanceWords", "平台名单里没有这个人"),
    "other_township": QT_TRANSLATE_NOOP("MaintenanceWords", "这个人属于别的乡镇"),
    "job_closed": QT_TRANSLATE_NOOP("MaintenanceWords", "岗位已经关闭"),
}

_KINDS: dict[str, object] = {
    "certification": QT_TRANSLATE_NOOP("MaintenanceWords", "资格认证"),
    "statement_print": QT_TRANSLATE_NOOP("MaintenanceWords", "打印参保证明"),
    "job_interest": QT_TRANSLATE_NOOP("MaintenanceWords", "岗位意向登记"),
    "rating": QT_TRANSLATE_NOOP("MaintenanceWords", "服务评价"),
    "maintenance": QT_TRANSLATE_NOOP("MaintenanceWords", "维护记录"),
}

_FEEDS: dict[str, object] = {
    "roster": QT_TRANSLATE_NOOP("MaintenanceWords", "人员名单"),
    "jobs": QT_TRANSLATE_NOOP("MaintenanceWords", "岗位"),
    "notices": QT_TRANSLATE_NOOP("MaintenanceWords", "通知"),
}

_LEADING_CODE = re.compile(r"^([a-z][a-z0-9_]*)(?::\s*|\s+for\s+|$)")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def known(code: str) -> bool:
    return code in _CODES


def code_words(code: str) -> str:
    """The words for a code; an unknown code is shown as it is (never hidden)."""
    source = _CODES.get(code)
    return tr(str(source)) if source else code


def leading_code(message: str) -> str | None:
    """`job_closed` of "job_closed: the job was withdrawn" (a known code only)."""
    m = _LEADING_CODE.match(message)
    return m.group(1) if m and m.group(1) in _CODES else None


def message_words(message: str) -> str:
    """A "code: detail" message from a worker or the platform, in words when its code is known."""
    code = leading_code(message)
    return code_words(code) if code else ""


def kind_words(kind: str) -> str:
    source = _KINDS.get(kind)
    return tr(str(source)) if source else kind


def feed_words(feed: str) -> str:
    source = _FEEDS.get(feed)
    return tr(str(source)) if source else feed


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local_time(moment: str | datetime, language: str) -> str:
    """ "11月27日 10:15" (en "27 Nov 10:15") in the kiosk's time (UTC+8), whatever the offset the
    time was written with; a text that is not a time is shown as it is."""
    if isinstance(moment, str):
        try:
            when = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    else:
        when = moment
    if when.tzinfo is None:
        when = when.replace(tzinfo=KIOSK_TZ)
    t = when.astimezone(KIOSK_TZ)
    clock = f"{t.hour:02d}:{t.minute:02d}"
    zh = f"{t.year}年{t.month}月{t.day}日 {clock}"
    en = f"{t.day} {_MONTHS_EN[t.month - 1]} {t.year} {clock}"
    return in_language(language, zh, en)


TECH_SECONDARY_PX = 20  # the raw code and text under the words (body is 24 px)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def secondary(text: str, px: int, colour: str) -> str:
    """Rich text for the small raw detail under a technician's words (the code, the raw text)."""
    return f'<span style="font-size: {px}px; color: {colour};">{escape(text)}</span>'
