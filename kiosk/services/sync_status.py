"""Whether the kiosk reaches the county platform, for the small neutral mark in the top bar.

The sync service (built with the offline cache) calls `set_state`; until then the state is
unknown and the mark shows nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.sync_mark import SyncMark


class SyncStatus(QObject):
    changed = Signal(SyncMark)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = SyncMark.UNKNOWN

    @property
    def state(self) -> SyncMark:
        return self._state

    def set_state(self, state: SyncMark) -> None:
        if state is not self._state:
            self._state = state
            self.changed.emit(state)
