"""The kiosk's one configuration file (TOML), loaded and validated at start.

Every key has a type and, where sensible, a default; an unknown key, a wrong type or a missing
required key raises `ConfigError` naming the file and the key (``[devices] card``). Relative paths
are resolved against the folder of the configuration file. Secrets (terminal secret, template key,
technician PIN hashes) live in files that the configuration only names.
"""

from __future__ import annotations

import math
import os
import stat
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

DEFAULT_CONFIG_PATH = Path("/etc/kiosk/kiosk.toml")


class ConfigError(ValueError):
    """A configuration problem, with the file and the key in its message."""


class InsecureFileError(ConfigError):
    """A secret file (terminal secret, template key, technician PINs) that other users may read:
    refused, with the `chmod 600 PATH` to run in the message."""

    def __init__(self, path: Path, key: str, mode: int) -> None:
        self.path = path
        super().__init__(
            f"{key}: {path} is readable or writable by other users (mode {mode:03o}); "
            f"it must be private to the kiosk's user: run `chmod 600 {path}`"
        )


# Group and world permission bits: a secret with any of them is refused (and kiosk.private_files
# tightens what has them).
OPEN_TO_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def check_private_file(path: Path, key: str, st: os.stat_result | None = None) -> None:
    """Raise InsecureFileError if the existing file `path` is open to group or others.
    `st`: its stat result when already at hand (fstat of an open file)."""
    st = st if st is not None else path.stat()
    if st.st_mode & OPEN_TO_OTHERS:
        raise InsecureFileError(path, key, stat.S_IMODE(st.st_mode))


@dataclass(frozen=True)
class TerminalConfig:
    id: str = ""
    secret_file: Path = Path("terminal.secret")
    township_name: str = "青山镇"
    township_name_en: str = "Qingshan Town"
    # where a resident is sent when the kiosk cannot help (out-of-service and failure screens)
    counter_location: str = "镇便民服务中心1号窗口"
    counter_location_en: str = "window 1 of the town service centre"
    reader_position: str = "bottom-right"  # where the card slot is, for the illustration's arrow


@dataclass(frozen=True)
class CountyConfig:
    url: str = "http://127.0.0.1:8700"
    connect_timeout: float = 5.0  # seconds
    read_timeout: float = 30.0  # seconds
    sync_interval: float = 300.0  # seconds between background sync rounds
    batch_size: int = 500  # transactions per request (the platform's maximum)
    max_backoff: float = 600.0  # seconds, cap of the exponential backoff


@dataclass(frozen=True)
class PathsConfig:
    data_dir: Path = Path("/var/lib/kiosk")


@dataclass(frozen=True)
class SecurityConfig:
    template_key_file: Path = Path("template.key")  # 32-byte AES-GCM key for fingerprint templates


@dataclass(frozen=True)
class DevicesConfig:
    card: str = "pcsc"  # "pcsc" | "simulated"
    card_reader: str = ""  # reader-name pattern (substring or fnmatch pattern); "" = any
    fingerprint: str = "zfm"  # "zfm" | "simulated"
    fingerprint_port: str = "/dev/ttyUSB0"
    fingerprint_baud: int = 57600
    fingerprint_address: int = 0xFFFFFFFF
    fingerprint_password: int = 0
    fingerprint_threshold: int = 50  # lowest comparison score that counts as a match
    fingerprint_attempts: int = 3  # attempts per enrolled finger
    finger_timeout: float = 30.0  # seconds to wait for a finger
    printer: str = "cups"  # "cups" | "simulated"
    printer_name: str = "statement"
    print_timeout: float = 120.0  # seconds; our own deadline for a CUPS job
    simulated_printer_dir: Path = Path("printed")  # relative to data_dir when simulated


@dataclass(frozen=True)
class UiConfig:
    language: str = "zh"  # "zh" | "en"; the default at the start of every session
    idle_timeout: float = 90.0  # seconds without a touch before the countdown
    countdown: float = 30.0  # seconds of countdown warning (at least 20)
    card_reminder_interval: float = 6.0  # seconds between "please take your card" reminders
    volume: int = 80  # 0-100, the default volume at the start of every session
    fullscreen: bool = True
    sounds: bool = True


@dataclass(frozen=True)
class MaintenanceConfig:
    technician_cards: tuple[str, ...] = ()  # card numbers that open maintenance mode
    pin_file: Path = Path("technician.pins")  # scrypt hashes, one "name:salt:hash" per line
    max_pin_attempts: int = 5
    idle_timeout: float = 300.0
    touch_sequence: tuple[str, ...] = ("top-left", "top-right", "bottom-left", "bottom-right")


@dataclass(frozen=True)
class LoggingConfig:
    level: str = "INFO"
    max_bytes: int = 5_000_000
    backups: int = 10


@dataclass(frozen=True)
class Config:
    terminal: TerminalConfig = field(default_factory=TerminalConfig)
    county: CountyConfig = field(default_factory=CountyConfig)
    paths: PathsConfig = field(default_factory=PathsConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    maintenance: MaintenanceConfig = field(default_factory=MaintenanceConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    source: Path | None = None  # the file this was loaded from (None for --demo)

    # Derived locations -------------------------------------------------------------------------
    @property
    def database_path(self) -> Path:
        return self.paths.data_dir / "kiosk.sqlite3"

    @property
    def log_dir(self) -> Path:
        return self.paths.data_dir / "logs"

    def read_terminal_secret(self) -> bytes:
        secret = _read_secret(self.terminal.secret_file, "[terminal] secret_file", self.source)
        if not secret:
            raise ConfigError(
                f"{self.source}: [terminal] secret_file: {self.terminal.secret_file} is empty "
                "(every request would be refused as bad_signature): put the terminal's secret "
                "from the county platform in it"
            )
        return secret

    def read_template_key(self) -> bytes:
        key = _read_secret(
            self.security.template_key_file, "[security] template_key_file", self.source
        )
        if len(key) != 32:
            raise ConfigError(
                f"{self.source}: [security] template_key_file: {self.security.template_key_file} "
                f"must hold 32 bytes (it holds {len(key)})"
            )
        return key


_SECTIONS: dict[str, type] = {
    "terminal": TerminalConfig,
    "county": CountyConfig,
    "paths": PathsConfig,
    "security": SecurityConfig,
    "devices": DevicesConfig,
    "ui": UiConfig,
    "maintenance": MaintenanceConfig,
    "logging": LoggingConfig,
}

_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("devices", "card"): ("pcsc", "simulated"),
    ("devices", "fingerprint"): ("zfm", "simulated"),
    ("devices", "printer"): ("cups", "simulated"),
    ("ui", "language"): ("zh", "en"),
    ("logging", "level"): ("DEBUG", "INFO", "WARNING", "ERROR"),
}
_REQUIRED: tuple[tuple[str, str], ...] = (("terminal", "id"), ("county", "url"))


def _read_secret(path: Path, key: str, source: Path | None) -> bytes:
    try:
        with path.open("rb") as f:
            check_private_file(path, f"{source}: {key}", os.fstat(f.fileno()))
            data = f.read()
    except OSError as e:
        raise ConfigError(f"{source}: {key}: cannot read {path}: {e.strerror}") from e
    return data.strip() if path.suffix in (".secret", ".txt") else data


def _convert(value: Any, annotation: str, where: str, base: Path) -> Any:
    """Check one TOML value against the dataclass field's annotation (a string under
    `from __future__ import annotations`)."""
    if annotation == "Path":
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: expected a path (a non-empty string), got {value!r}")
        p = Path(value).expanduser()
        return p if p.is_absolute() else (base / p)
    if annotation == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if annotation == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        return value
    if annotation == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        if not math.isfinite(value):  # TOML allows inf and nan
            raise ConfigError(f"{where}: expected a finite number of seconds, got {value!r}")
        return float(value)
    if annotation == "str":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
        return value
    if annotation == "tuple[str, ...]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
        return tuple(value)
    raise AssertionError(f"unhandled annotation {annotation}")  # a bug in this module


def config_from_mapping(data: dict[str, Any], source: Path | None, base: Path) -> Config:
    """Build a validated `Config` from parsed TOML. `base` resolves relative paths."""
    name = str(source) if source else "<configuration>"
    sections: dict[str, Any] = {}
    for section, value in data.items():
        if section not in _SECTIONS:
            raise ConfigError(
                f"{name}: unknown section [{section}] (known: {', '.join(sorted(_SECTIONS))})"
            )
        if not isinstance(value, dict):
            raise ConfigError(f"{name}: [{section}] must be a table")
        cls = _SECTIONS[section]
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, raw in value.items():
            where = f"{name}: [{section}] {key}"
            if key not in known:
                raise ConfigError(f"{where}: unknown key (known: {', '.join(sorted(known))})")
            converted = _convert(raw, str(known[key].type), where, base)
            choices = _CHOICES.get((section, key))
            if choices and converted not in choices:
                raise ConfigError(f"{where}: must be one of {', '.join(choices)}, got {raw!r}")
            kwargs[key] = converted
        sections[section] = cls(**kwargs)
    for section, key in _REQUIRED:
        if section not in data or key not in data[section]:
            raise ConfigError(f"{name}: [{section}] {key} is required")
    config = Config(**sections, source=source)
    _check_ranges(config, name)
    return _resolve_defaults(config, base)


# Upper bounds of durations (seconds): far above any sensible value, low enough that a typo such
# as 1e9 (or a timer in milliseconds overflowing) is named at start instead of hanging a thread.
HOUR = 3600.0
DAY = 86400.0
_DURATIONS: tuple[tuple[str, str, float], ...] = (
    ("county", "connect_timeout", 600.0),
    ("county", "read_timeout", HOUR),
    ("county", "sync_interval", DAY),
    ("county", "max_backoff", DAY),
    ("devices", "finger_timeout", HOUR),
    ("devices", "print_timeout", HOUR),
    ("ui", "idle_timeout", HOUR),
    ("ui", "countdown", HOUR),
    ("ui", "card_reminder_interval", HOUR),
    ("maintenance", "idle_timeout", DAY),
)
# Whole numbers: (section, key, lowest, highest).
_INT_RANGES: tuple[tuple[str, str, int, int], ...] = (
    ("devices", "fingerprint_baud", 9600, 115200),
    ("devices", "fingerprint_address", 0, 0xFFFFFFFF),
    ("devices", "fingerprint_password", 0, 0xFFFFFFFF),
    ("devices", "fingerprint_attempts", 1, 100),
    ("maintenance", "max_pin_attempts", 1, 100),
    ("logging", "max_bytes", 1000, 1_000_000_000),
    ("logging", "backups", 0, 1000),
)


def _check_numbers(config: Config, name: str) -> None:
    """Every duration finite, positive and below its bound; every whole number in its range."""
    for section, key, highest in _DURATIONS:
        value = getattr(getattr(config, section), key)
        if not (math.isfinite(value) and 0 < value <= highest):
            raise ConfigError(
                f"{name}: [{section}] {key}: must be more than 0 and at most {highest:g} "
                f"seconds, got {value!r}"
            )
    for section, key, lowest, top in _INT_RANGES:
        value = getattr(getattr(config, section), key)
        if not lowest <= value <= top:
            raise ConfigError(
                f"{name}: [{section}] {key}: must be between {lowest} and {top}, got {value!r}"
            )


def _check_ranges(config: Config, name: str) -> None:
    """What `_check_numbers` does not already bound (durations and whole numbers are there)."""
    checks: list[tuple[bool, str]] = [
        (config.ui.countdown >= 20, "[ui] countdown: must be at least 20 seconds"),
        (0 <= config.ui.volume <= 100, "[ui] volume: must be between 0 and 100"),
        (1 <= config.county.batch_size <= 500, "[county] batch_size: must be 1 to 500"),
        (
            config.county.url.startswith(("http://", "https://")),
            "[county] url: must start with http:// or https://",
        ),
        (
            0 <= config.devices.fingerprint_threshold <= 1000,
            "[devices] fingerprint_threshold: must be between 0 and 1000",
        ),
    ]
    for ok, message in checks:
        if not ok:
            raise ConfigError(f"{name}: {message}")
    _check_numbers(config, name)


def _resolve_defaults(config: Config, base: Path) -> Config:
    """Make the default (relative) secret paths relative to the config folder, and the simulated
    printer folder relative to the data directory."""
    from dataclasses import replace

    def anchor(p: Path, root: Path) -> Path:
        return p if p.is_absolute() else root / p

    return replace(
        config,
        terminal=replace(config.terminal, secret_file=anchor(config.terminal.secret_file, base)),
        security=replace(
            config.security,
            template_key_file=anchor(config.security.template_key_file, base),
        ),
        maintenance=replace(config.maintenance, pin_file=anchor(config.maintenance.pin_file, base)),
        devices=replace(
            config.devices,
            simulated_printer_dir=anchor(
                config.devices.simulated_printer_dir, config.paths.data_dir
            ),
        ),
    )


def load_config(path: Path) -> Config:
    """Read and validate the TOML file at `path`."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the configuration: {e.strerror}") from e
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from e
    config = config_from_mapping(data, path.resolve(), path.resolve().parent)
    _check_secret_files(config)
    return config


def _check_secret_files(config: Config) -> None:
    """The secret files that exist must be private (InsecureFileError with the chmod to run) and
    the terminal secret not empty. A missing one is reported where it is first needed."""
    name = str(config.source)
    secrets_ = (
        (config.terminal.secret_file, "[terminal] secret_file"),
        (config.security.template_key_file, "[security] template_key_file"),
        (config.maintenance.pin_file, "[maintenance] pin_file"),
    )
    for path, key in secrets_:
        try:
            st = path.stat()
        except OSError:
            continue
        check_private_file(path, f"{name}: {key}", st)
    if config.terminal.secret_file.is_file():
        config.read_terminal_secret()  # refuses an empty secret now, not at the first request
