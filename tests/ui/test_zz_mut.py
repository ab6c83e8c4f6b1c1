from tests.ui.test_layout import _render, _problems
from kiosk.widgets.frame import BarButton
def test_mut(layout_config, qtbot):
    app = _render(layout_config, "help", (1280, 1024), "en")
    qtbot.waitExposed(app.window)
    app.frame.bottom_bar.buttons[BarButton.BACK].setText("Go back to the previous screen please")
    app.screen("help").detail.setText("long " * 200)
    qtbot.wait(10)
    p = _problems(app)
    print(p)
    assert any("Go back" in x for x in p)
    assert any("wraps" in x or "leaves" in x for x in p)
