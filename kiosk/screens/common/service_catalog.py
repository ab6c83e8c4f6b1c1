"""The services offered on the home screen and where each one starts.

Changing where a service starts (when its flow is built) is a change to `entry` here. A tile is
shown only when its entry screen is registered and resident-facing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.screens.names import ScreenName


@dataclass(frozen=True)
class ServiceInfo:
    label: str  # Simplified Chinese source, 2–4 characters
    icon: str  # assets/images/icons/<icon>.svg
    entry: ScreenName  # the first screen of the service's flow
    needs_card: bool  # identify with the card first (insert_card comes before `entry`)


def _label(text: object) -> str:
    """QT_TRANSLATE_NOOP returns its argument; its stub says `object`."""
    return str(text)


class Service(enum.Enum):
    CERTIFICATION = ServiceInfo(
        _label(QT_TRANSLATE_NOOP("Service", "资格认证")), "certification", ScreenName.CERTIFY, True
    )
    STATEMENT = ServiceInfo(
        _label(QT_TRANSLATE_NOOP("Service", "打印参保证明")), "statement", ScreenName.PIN, True
    )
    BENEFITS = ServiceInfo(
        _label(QT_TRANSLATE_NOOP("Service", "我的待遇")), "benefits", ScreenName.BENEFITS, True
    )
    JOBS = ServiceInfo(
        _label(QT_TRANSLATE_NOOP("Service", "就业岗位")), "jobs", ScreenName.JOBS, False
    )
    NOTICES = ServiceInfo(
        _label(QT_TRANSLATE_NOOP("Service", "政策通知")), "notices", ScreenName.NOTICES, False
    )
    HELP = ServiceInfo(_label(QT_TRANSLATE_NOOP("Service", "求助")), "help", ScreenName.HELP, False)

    @property
    def info(self) -> ServiceInfo:
        return self.value

    def label(self) -> str:
        return QCoreApplication.translate("Service", self.value.label)
