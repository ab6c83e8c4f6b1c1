"""Files with residents' data are the kiosk user's alone, whatever the umask.

The data directory holds the database (every resident's ID number, name, birth date, job-interest
phone numbers), the logs, the print spool, printed copies (simulated printer), exports and
diagnostic bundles. Folders are created 0700 and files 0600 (`make_private_dir`,
`create_private`); an existing install made under umask 022 (folders 755, files 644) is tightened
at start by `prepare_data_dir`, which returns what it changed so the caller can log it.
A data directory that is a file, or that this user cannot write, is a `DataDirError` naming the
path (a `ConfigError`: `kiosk` exits 2, `kiosk-admin` answers `bad_data_dir`).
"""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path

from kiosk.config import OPEN_TO_OTHERS, Config, ConfigError

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class DataDirError(ConfigError):
    """[paths] data_dir cannot be used: not a folder, cannot be created, or not writable."""


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) as a folder only its owner can enter; tighten it if it
    exists with group or world access. Raises OSError."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    st = path.stat()
    if st.st_mode & OPEN_TO_OTHERS and st.st_uid == os.geteuid():
        path.chmod(PRIVATE_DIR_MODE)


def create_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """`os.open` for a file only its owner can read: created 0600, and an existing file brought
    to 0600 as well (fchmod, so the umask does not matter). Returns the descriptor."""
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE_MODE:
            os.fchmod(fd, PRIVATE_FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a 0600 file at `path` (created or truncated)."""
    with os.fdopen(create_private(path), "wb") as f:
        f.write(data)


def replace_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: into a 0600 temporary file next to it, synced, then
    renamed over `path`, so the file is never readable by others nor half written. On failure the
    temporary file is removed and the error (OSError) raised."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = create_private(tmp)
        try:
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk leaves no empty temporary file behind
        raise


def _user() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def _writable(folder: Path) -> bool:
    """Writable by this process's effective user (what counts when the kiosk writes there)."""
    effective = os.access in os.supports_effective_ids
    return os.access(folder, os.W_OK | os.X_OK, effective_ids=effective)


def check_data_dir(data_dir: Path) -> None:
    """Raise DataDirError if `data_dir` exists and is not a folder this user can write."""
    key = "[paths] data_dir"
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirError(
            f"{key}: {data_dir} is not a folder: move the file away or set {key} to a folder"
        )
    if data_dir.is_dir() and not _writable(data_dir):
        raise DataDirError(
            f"{key}: {data_dir} is not writable by the user {_user()}: "
            f"run `chown -R {_user()} {data_dir}` (or set {key} to a folder it owns)"
        )


def prepare_data_dir(config: Config) -> list[str]:
    """Create the data directory (0700), check it, and tighten what an older install left open to
    others: folders to 0700, files to 0600 (not following symbolic links). Returns the paths
    changed, each with its old and new mode ("/var/lib/kiosk/logs/kiosk.jsonl 644 -> 600"),
    for the log. Raises DataDirError."""
    data_dir = config.paths.data_dir
    check_data_dir(data_dir)
    roots = [data_dir]
    printed = config.devices.simulated_printer_dir
    if printed.is_dir() and not printed.is_relative_to(data_dir):
        roots.append(printed)
    changed = [change for root in roots if root.is_dir() for change in tighten_tree(root)]
    try:
        make_private_dir(data_dir)
    except OSError as e:
        raise DataDirError(f"[paths] data_dir: cannot create {data_dir}: {e.strerror or e}") from e
    check_data_dir(data_dir)
    return changed


def tighten_tree(root: Path) -> list[str]:
    """chmod every folder under `root` (itself included) to 0700 and every regular file to 0600
    where they are open to group or others and owned by this user. Returns what changed."""
    changed: list[str] = []
    uid = os.geteuid()

    def tighten(path: Path, mode: int) -> None:
        try:
            st = path.lstat()
            if st.st_uid != uid or not st.st_mode & OPEN_TO_OTHERS:
                return
            if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
                path.chmod(mode)
                changed.append(f"{path} {stat.S_IMODE(st.st_mode):03o} -> {mode:03o}")
        except OSError:
            return  # gone meanwhile, or not ours: the checks that need it say so

    tighten(root, PRIVATE_DIR_MODE)
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in dirs:
            tighten(base / name, PRIVATE_DIR_MODE)
        for name in files:
            tighten(base / name, PRIVATE_FILE_MODE)
    return changed
