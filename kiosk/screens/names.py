"""The name of every screen, in one place.

A screen is registered under its `ScreenName` (each Screen subclass's `name`); navigation, flows,
the application and the demo name screens only through this enum, so a misspelt screen is a mypy
error rather than an `UnknownScreen` at run time. It is a StrEnum: a name still compares equal to
its string ("home"), which the logs, the screenshots and the tests rely on.
"""

from __future__ import annotations

from enum import StrEnum


class ScreenName(StrEnum):
    # common to every service
    HOME = "home"
    INSERT_CARD = "insert_card"
    GREETING = "greeting"
    HELP = "help"
    OUT_OF_SERVICE = "out_of_service"
    ERROR = "error"
    TAKE_CARD = "take_card"
    FINGER = "finger"  # certification and the statement's identification
    # maintenance mode (technicians): every name starts with MAINTENANCE
    MAINTENANCE = "maintenance"
    MAINTENANCE_DIAGNOSTICS = "maintenance_diagnostics"
    MAINTENANCE_ACTIONS = "maintenance_actions"
    MAINTENANCE_REJECTED = "maintenance_rejected"
    MAINTENANCE_FOLDER = "maintenance_folder"
    MAINTENANCE_CONFIRM = "maintenance_confirm"
    # statement printing flow
    PIN = "pin"
    STATEMENT_PREVIEW = "statement_preview"
    PRINTING = "printing"
    # certification flow
    CERTIFY = "certify"
    CHOOSE_BENEFIT = "choose_benefit"
    RESULT = "result"
    # information services and the rating
    BENEFITS = "benefits"
    JOBS = "jobs"
    JOB_DETAIL = "job_detail"
    PHONE_ENTRY = "phone_entry"
    JOB_INTEREST_DONE = "job_interest_done"
    NOTICES = "notices"
    NOTICE_DETAIL = "notice_detail"
    RATING = "rating"

    @property
    def is_maintenance(self) -> bool:
        """A technician's screen (maintenance mode has its own idle timeout and card handling)."""
        return self.value.startswith(ScreenName.MAINTENANCE.value)


__all__ = ["ScreenName"]
