"""No way out for a resident: frameless, full-screen geometry, Escape / Alt+F4 / close ignored."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from kiosk.shell.activity import corner_of


def test_window_is_frameless_and_fills_the_screen(make_kiosk_app):
    app = make_kiosk_app(size=(1280, 1024))
    flags = app.window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert not flags & Qt.WindowType.WindowCloseButtonHint
    assert app.window.geometry() == QRect(0, 0, 1280, 1024)


def test_fill_screen_in_full_screen_mode_keeps_the_screen_geometry(kiosk_app, qtbot):
    target = QRect(0, 0, 1920, 1080)
    kiosk_app.window.fill_screen(target, fullscreen=True)
    qtbot.waitUntil(kiosk_app.window.isVisible)
    assert kiosk_app.window.geometry() == target
    assert kiosk_app.window.isFullScreen()


def test_close_escape_and_alt_f4_are_ignored(kiosk_app, qtbot):
    window = kiosk_app.window
    assert window.close() is False
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()
    assert kiosk_app.navigator.current.name == "home"


def test_quitting_on_purpose_closes(make_kiosk_app):
    app = make_kiosk_app()
    app.window.allow_close()
    assert app.window.close() is True


def test_four_corner_sequence_requests_maintenance(kiosk_app, qtbot):
    window = kiosk_app.window
    w, h = window.width(), window.height()
    corners = {"top-left": (5, 5), "top-right": (w - 5, 5), "bottom-left": (5, h - 5),
               "bottom-right": (w - 5, h - 5)}  # fmt: skip
    with qtbot.waitSignal(kiosk_app.maintenance_requested):
        for name in kiosk_app.config.maintenance.touch_sequence:
            x, y = corners[name]
            qtbot.mouseClick(
                window, Qt.MouseButton.LeftButton, pos=window.rect().topLeft() + _p(x, y)
            )


def test_wrong_corner_order_does_nothing(kiosk_app, qtbot):
    from PySide6.QtCore import QPoint

    fired = []
    kiosk_app.maintenance_requested.connect(lambda: fired.append(1))
    area = QRect(0, 0, 1920, 1080)
    for point in [QPoint(5, 5), QPoint(5, 1075), QPoint(1915, 5), QPoint(1915, 1075)]:
        kiosk_app.corners.feed(point)
    assert fired == []
    assert corner_of(QPoint(960, 540), area) is None
    assert corner_of(QPoint(1915, 1075), area) == "bottom-right"


def _p(x, y):
    from PySide6.QtCore import QPoint

    return QPoint(x, y)


def test_four_corners_touched_like_a_finger_request_maintenance(kiosk_app, qtbot):
    """Through the window system, as a real touch arrives: the press reaches the application's
    filter addressed to the window first, then to the widget under the finger and its parents."""
    window = kiosk_app.window
    handle = window.windowHandle()
    assert handle is not None
    w, h = window.width(), window.height()
    corners = {"top-left": (5, 5), "top-right": (w - 5, 5), "bottom-left": (5, h - 5),
               "bottom-right": (w - 5, h - 5)}  # fmt: skip
    fired = []
    kiosk_app.maintenance_requested.connect(lambda: fired.append(1))
    for name in kiosk_app.config.maintenance.touch_sequence:
        qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=_p(*corners[name]))
    assert fired == [1]
    assert kiosk_app.navigator.current.name == "maintenance"
