"""The pattern every device service follows (card now; fingerprint, printer and sync next).

A *worker* QObject owns one driver and lives in its own QThread: pyscard and pyfingerprint are not
thread-safe, and the GUI thread must never wait for a device. Requests reach the worker through
queued signals; results and failures come back as signals. Worker methods that touch the driver
call `assert_in_thread(self)` first (electrum's `runs_in_hwd_thread` habit), so a call from the
wrong thread is a loud bug instead of a rare crash.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread

STOP_WAIT_MS = 3000


def start_worker(worker: QObject, name: str, start_slot: str = "start") -> QThread:
    """Move `worker` to a new thread named `name`, start it and call its `start_slot` there."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(getattr(worker, start_slot))
    thread.start()
    return thread


def stop_worker(worker: QObject, thread: QThread, stop_slot: str = "stop") -> bool:
    """Run the worker's `stop_slot` in its thread (blocking), then end the thread.

    Returns False when the thread did not finish in time (it is then left to the OS at exit)."""
    if thread.isRunning():
        QMetaObject.invokeMethod(worker, stop_slot, Qt.ConnectionType.BlockingQueuedConnection)
        thread.quit()
        return bool(thread.wait(STOP_WAIT_MS))
    return True


def assert_in_thread(worker: QObject) -> None:
    """Raise when called from any thread but the worker's own."""
    if QThread.currentThread() is not worker.thread():
        raise RuntimeError(
            f"{type(worker).__name__} used from thread {QThread.currentThread().objectName()!r}, "
            f"but it belongs to {worker.thread().objectName()!r}"
        )
