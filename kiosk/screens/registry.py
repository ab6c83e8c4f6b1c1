"""The screens of the application. Adding a screen is one line in `SCREENS`.

A screen class in `SCREENS` replaces the placeholder of the same name in `PLANNED` automatically,
so a new flow only has to add its class here (see docs/ui.md, "Adding a screen").
"""

from __future__ import annotations

from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.benefits import BenefitsScreen
from kiosk.screens.certify_start import CertifyStartScreen
from kiosk.screens.choose_benefit import ChooseBenefitScreen
from kiosk.screens.error import ErrorScreen
from kiosk.screens.finger import FingerScreen
from kiosk.screens.greeting import GreetingScreen
from kiosk.screens.help import HelpScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.insert_card import InsertCardScreen
from kiosk.screens.jobs import JobDetailScreen, JobInterestDoneScreen, JobsScreen
from kiosk.screens.maintenance import MaintenanceEntryScreen
from kiosk.screens.maintenance_actions import (
    MaintenanceActionsScreen,
    MaintenanceConfirmScreen,
    MaintenanceFolderScreen,
    MaintenanceRejectedScreen,
)
from kiosk.screens.maintenance_diagnostics import MaintenanceDiagnosticsScreen
from kiosk.screens.notices import NoticeDetailScreen, NoticesScreen
from kiosk.screens.out_of_service import OutOfServiceScreen
from kiosk.screens.phone_entry import PhoneEntryScreen
from kiosk.screens.pin import PinScreen
from kiosk.screens.placeholder import placeholder
from kiosk.screens.printing import PrintingScreen
from kiosk.screens.rating import RatingScreen
from kiosk.screens.result import ResultScreen
from kiosk.screens.statement_preview import StatementPreviewScreen
from kiosk.screens.take_card import TakeCardScreen

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

# Screens other parts of the project are building; placeholders until their class is in SCREENS.
PLANNED: tuple[str, ...] = (
    "pin",
    "finger",
    "result",
    "statement_preview",
    "benefits",
    "jobs",
    "notices",
    "rating",
    "maintenance",
)


def build_screens(ctx: ScreenContext) -> list[Screen]:
    screens: list[Screen] = [cls(ctx) for cls in SCREENS]
    built = {s.name for s in screens}
    screens += [placeholder(ctx, name) for name in PLANNED if name not in built]
    return screens
