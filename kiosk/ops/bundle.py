"""The diagnostic bundle: one zip a technician carries away on a USB stick for remote support.

Contents: `manifest.json`; `diagnostics.json` (the report of the diagnostics screen);
`queue.json` (outbox counts and sync status); `rejected.json` (transactions the platform refused,
with its reasons, person ids masked); `audit.json` (the audit chain's verify result);
`config/kiosk.toml` (the configuration file with anything secret-looking redacted) and
`config/effective.json` (every setting after defaults, same redaction); `logs/` (the JSON-lines
logs, ID numbers masked again line by line). Secret files (terminal secret, template key, PIN
hashes) are never read. A part that cannot be gathered is replaced by its error, so a broken
database still yields a bundle. The caller audits the export (`audit_action`).
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import Config
from kiosk.core.masking import mask_person_id, mask_text
from kiosk.ops.diagnostics_devices import collect_from_config
from kiosk.ops.diagnostics_logs import log_files
from kiosk.ops.diagnostics_model import DiagnosticsReport
from kiosk.private_files import create_private, replace_private

REDACTED = "<redacted>"
# Setting names whose value is (or may be) a secret; `*_file` / `*_dir` settings are paths.
SECRET_KEY_RE = re.compile(
    r"secret|password|passwd|token|(^|_)key$|(^|_)pin$|technician_cards|touch_sequence", re.I
)
PATH_KEY_SUFFIXES = ("_file", "_dir", "_path")
# A value that looks like key material: a long run of hex or base64 characters.
SECRET_VALUE_RE = re.compile(r"[A-Za-z0-9+/_=-]{24,}")
TOML_LINE_RE = re.compile(r"^(\s*)([A-Za-z0-9_.\"-]+)(\s*=\s*)(.*)$")
BUNDLE_PREFIX = "kiosk-diagnostics"


class BundleError(OSError):
    """The bundle could not be written (the folder is missing, read-only or full)."""


def is_secret_key(key: str) -> bool:
    key = key.strip('"').lower()
    return bool(SECRET_KEY_RE.search(key)) and not key.endswith(PATH_KEY_SUFFIXES)


def _looks_secret(value: str) -> bool:
    for token in SECRET_VALUE_RE.findall(value):
        if any(c.isdigit() for c in token) and any(c.isalpha() for c in token) and "/" not in token:
            return True
    return False


def redact_toml(text: str) -> str:
    """The configuration text with secret-looking values replaced (line-based, keeps comments
    out of values it redacts; a multi-line array under a secret key is redacted whole)."""
    out: list[str] = []
    skipping_array = False
    for line in text.splitlines():
        if skipping_array:
            skipping_array = "]" not in line
            continue
        match = TOML_LINE_RE.match(line)
        if match:
            indent, key, eq, value = match.groups()
            if is_secret_key(key) or _looks_secret(value):
                skipping_array = value.lstrip().startswith("[") and "]" not in value
                out.append(f'{indent}{key}{eq}"{REDACTED}"')
                continue
        out.append(mask_text(line))
    return "\n".join(out) + "\n"


def redact_mapping(data: Any, key: str = "") -> Any:
    """The same rule for the effective configuration (nested dicts and lists)."""
    if key and is_secret_key(key):
        return REDACTED
    if isinstance(data, dict):
        return {k: redact_mapping(v, k) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [redact_mapping(v) for v in data]
    if isinstance(data, Path):
        return str(data)
    if isinstance(data, str) and _looks_secret(data):
        return REDACTED
    return data


def rejected_entries(store: Any) -> list[dict[str, Any]]:
    """Rejected transactions for technicians: no payload, person id masked, reason kept."""
    return [
        {
            "id": tx.id,
            "seq": tx.seq,
            "kind": tx.kind,
            "occurred_at": tx.occurred_at,
            "person_id": mask_person_id(tx.person_id) if tx.person_id else None,
            "reason": mask_text(tx.error or ""),
        }
        for tx in store.rejected()
    ]


def export_rejected(store: Any, path: Path) -> int:
    """Write the rejected list as JSON to `path` (e.g. on a USB stick); returns how many."""
    entries = rejected_entries(store)
    _write_atomically(path, _json({"rejected": entries, "exported_at": _now_iso()}))
    return len(entries)


def export_bundle(
    config: Config,
    folder: Path,
    report: DiagnosticsReport | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Path:
    """Write the bundle into `folder`; returns the zip's path. `report`: the diagnostics already
    shown on screen (collected here from the configuration when None). Raises BundleError."""
    if not folder.is_dir():
        raise BundleError(f"{folder} is not a folder (is the USB stick mounted?)")
    stamp = now().strftime("%Y%m%dT%H%M%SZ")
    safe_id = re.sub(r"[^A-Za-z0-9_-]", "_", config.terminal.id) or "kiosk"
    target = folder / f"{BUNDLE_PREFIX}-{safe_id}-{stamp}.zip"
    tmp = target.with_name(f".{target.name}.tmp")
    files: list[str] = []
    try:
        with (
            os.fdopen(create_private(tmp), "wb") as raw,  # 0600: logs, queue, audit
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        ):

            def add(name: str, data: bytes) -> None:
                zf.writestr(name, data)
                files.append(name)

            for name, data in _parts(config, report):
                add(name, data)
            for path in _log_paths(config):
                name = f"logs/{path.name}"
                with zf.open(name, "w") as out:
                    for line in _masked_lines(path):
                        out.write(line)
                files.append(name)
            manifest = {
                "created_at": now().isoformat(timespec="seconds"),
                "terminal_id": config.terminal.id,
                "version": __version__,
                "files": files,
            }
            zf.writestr("manifest.json", _json(manifest))
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise BundleError(f"cannot write the bundle into {folder}: {e.strerror or e}") from e
    return target


def _parts(config: Config, report: DiagnosticsReport | None) -> Iterator[tuple[str, bytes]]:
    diagnostics = _guard(lambda: (report or collect_from_config(config)).to_dict())
    yield "diagnostics.json", _json(diagnostics)
    yield "config/effective.json", _json(_guard(lambda: redact_mapping(_config_dict(config))))
    source = config.source
    if source is not None:
        text = _guard(lambda: redact_toml(source.read_text(encoding="utf-8")))
        yield "config/kiosk.toml", text.encode() if isinstance(text, str) else _json(text)
    store_parts = _guard(lambda: _store_parts(config))
    for name in ("queue.json", "rejected.json", "audit.json"):
        yield name, _json(store_parts.get(name, store_parts))


def _store_parts(config: Config) -> dict[str, Any]:
    from offline_cache.store import Store

    if not config.database_path.exists():
        raise FileNotFoundError(f"no database at {config.database_path}")
    store = Store.open(config.database_path, config.read_template_key())
    try:
        verdict = store.verify_audit()
        return {
            "queue.json": {
                "queue": asdict(store.queue_summary()),
                "sync": asdict(store.sync_status()),
            },
            "rejected.json": {"rejected": rejected_entries(store)},
            "audit.json": asdict(verdict),
        }
    finally:
        store.close()


def _config_dict(config: Config) -> dict[str, Any]:
    return {
        name: asdict(value) if is_dataclass(value) and not isinstance(value, type) else value
        for name, value in vars(config).items()
    }


def _guard(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except Exception as e:  # one broken part must not cost the whole bundle
        return {"error": type(e).__name__, "detail": mask_text(str(e))}


def _log_paths(config: Config) -> list[Path]:
    try:
        return log_files(config.log_dir) if config.log_dir.is_dir() else []
    except OSError:
        return []


def _masked_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        for raw in f:
            yield mask_text(raw.decode("utf-8", errors="replace")).encode("utf-8")


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        replace_private(path, data)  # the rejected list may name residents: 0600
    except OSError as e:
        raise BundleError(f"cannot write {path}: {e.strerror or e}") from e
