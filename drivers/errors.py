"""The project's own device errors.

Drivers translate library exceptions (pyscard, pyfingerprint, CUPS) into these at their boundary
(`raise ... from e`). Each carries a stable machine `code` (used in `kiosk-admin --json` output and
logs) and a technician-facing `detail`; resident-facing wording lives in the application.
"""

from __future__ import annotations


class DeviceError(Exception):
    """Base of every device error. `code` is a stable identifier, never translated."""

    code = "device_error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)
        self.detail = detail or self.code


class Cancelled(DeviceError):
    """The caller cancelled a wait (the resident walked away, the session ended)."""

    code = "cancelled"


# --- card reader -------------------------------------------------------------------------------
class CardError(DeviceError):
    code = "card_error"


class ReaderUnavailable(CardError):
    """No matching reader, or pcscd is not reachable."""

    code = "no_reader"


class NoCard(CardError):
    """No card in the reader (or none arrived before the deadline)."""

    code = "no_card"


class CardRemoved(CardError):
    """The card left the reader during a read."""

    code = "card_removed"


class NotASocialSecurityCard(CardError):
    """The card has no social-security application (6A82 on SELECT): a bank-only or other card."""

    code = "not_social_security_card"


class CardUnreadable(CardError):
    """Missing or malformed records, bad check digit, unexpected status words."""

    code = "card_unreadable"


class CardExpired(CardError):
    """The card was read, but its expiry date has passed."""

    code = "card_expired"


class WrongPin(CardError):
    """63Cx: the PIN was wrong; `tries_left` more attempts before the PIN is blocked."""

    code = "wrong_pin"

    def __init__(self, tries_left: int, detail: str = "") -> None:
        super().__init__(detail or f"wrong PIN, {tries_left} tries left")
        self.tries_left = tries_left


class PinBlocked(CardError):
    """6983: the PIN is blocked; only staff at the counter can unblock it."""

    code = "pin_blocked"


# --- fingerprint sensor ------------------------------------------------------------------------
class SensorError(DeviceError):
    code = "sensor_error"


class SensorUnavailable(SensorError):
    """The sensor does not answer (unplugged, no power, wrong port or address, wrong password)."""

    code = "sensor_unavailable"


class SensorUnsupported(SensorError):
    """The sensor answers, but not as a supported ZhianTec-family sensor does."""

    code = "sensor_unsupported"


class SensorTimeout(SensorError):
    """No finger was placed before the deadline."""

    code = "no_finger"


class PoorImage(SensorError):
    """0x06 / 0x07 / 0x15: the image was too messy or had too few feature points. Not a mismatch."""

    code = "poor_image"


class NotEnrolled(SensorError):
    """The resident has no enrolled template to compare against."""

    code = "not_enrolled"


# --- printer -----------------------------------------------------------------------------------
class PrinterError(DeviceError):
    code = "printer_error"


class PrinterUnavailable(PrinterError):
    """The queue does not exist, is disabled/stopped, or CUPS is not reachable."""

    code = "printer_unavailable"


class PrinterOffline(PrinterError):
    code = "printer_offline"


class PrinterOutOfPaper(PrinterError):
    code = "out_of_paper"


class PrinterJammed(PrinterError):
    code = "paper_jam"


class PrintTimeout(PrinterError):
    """The job did not complete within our own deadline (CUPS may leave it processing forever)."""

    code = "print_timeout"


class PrintFailed(PrinterError):
    """The job was aborted or cancelled by CUPS or the backend."""

    code = "print_failed"
