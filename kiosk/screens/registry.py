"""The screens of the application. Adding a screen is one line in `SCREENS` (see docs/ui.md,
"Adding a screen"); a name that is not registered is a bug, reported where it is used.
"""

from __future__ import annotations

from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.certify.choose_benefit import ChooseBenefitScreen
from kiosk.screens.certify.result import ResultScreen
from kiosk.screens.certify.start import CertifyStartScreen
from kiosk.screens.common.error import ErrorScreen
from kiosk.screens.common.finger import FingerScreen
from kiosk.screens.common.greeting import GreetingScreen
from kiosk.screens.common.help import HelpScreen
from kiosk.screens.common.home import HomeScreen
from kiosk.screens.common.insert_card import InsertCardScreen
from kiosk.screens.common.out_of_service import OutOfServiceScreen
from kiosk.screens.common.take_card import TakeCardScreen
from kiosk.screens.info.benefits import BenefitsScreen
from kiosk.screens.info.jobs import JobDetailScreen, JobInterestDoneScreen, JobsScreen
from kiosk.screens.info.notices import NoticeDetailScreen, NoticesScreen
from kiosk.screens.info.phone_entry import PhoneEntryScreen
from kiosk.screens.info.rating import RatingScreen
from kiosk.screens.maintenance.actions import (
    MaintenanceActionsScreen,
    MaintenanceConfirmScreen,
    MaintenanceFolderScreen,
    MaintenanceRejectedScreen,
)
from kiosk.screens.maintenance.diagnostics import MaintenanceDiagnosticsScreen
from kiosk.screens.maintenance.entry import MaintenanceEntryScreen
from kiosk.screens.statement.pin import PinScreen
from kiosk.screens.statement.preview import StatementPreviewScreen
from kiosk.screens.statement.printing import PrintingScreen

SCREENS: tuple[type[Screen], ...] = (
    HomeScreen,
    InsertCardScreen,
    GreetingScreen,
    HelpScreen,
    OutOfServiceScreen,
    ErrorScreen,
    TakeCardScreen,
    # maintenance mode (technicians)
    MaintenanceEntryScreen,
    MaintenanceDiagnosticsScreen,
    MaintenanceActionsScreen,
    MaintenanceRejectedScreen,
    MaintenanceFolderScreen,
    MaintenanceConfirmScreen,
    # statement printing flow
    PinScreen,
    StatementPreviewScreen,
    PrintingScreen,
    # certification flow
    CertifyStartScreen,
    ChooseBenefitScreen,
    FingerScreen,
    ResultScreen,
    # information services (benefits, jobs, notices) and the rating
    BenefitsScreen,
    JobsScreen,
    JobDetailScreen,
    PhoneEntryScreen,
    JobInterestDoneScreen,
    NoticesScreen,
    NoticeDetailScreen,
    RatingScreen,
)


def build_screens(ctx: ScreenContext) -> list[Screen]:
    return [cls(ctx) for cls in SCREENS]
