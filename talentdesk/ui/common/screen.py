"""Windows and dialogs fit the screen they open on (a 1366×768 laptop at 150 % leaves about 910×485 logical pixels
above the taskbar).

- `fit_to_screen(widget, width, height)`: the size a window would like, capped by the available area of its screen
  (the taskbar excluded); every `resize` of a top-level window goes through it.
- `install_screen_fit(app)`: the safety net for every other top-level window (message boxes, Qt's own dialogs, a
  geometry restored from a larger monitor): when one is shown larger than its screen's available area, or partly
  off it, it is shrunk and moved inside.
A layout whose minimum size is larger than the screen cannot be shrunk: such a dialog puts its form in a scroll area
(tests/ui/test_small_screen.py opens the windows on a 910×485 screen).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QFrame, QGridLayout, QLayout, QMessageBox, QScrollArea, QSizePolicy, QSpacerItem, QWidget,
)

FRAME_ALLOWANCE = (16, 40)  # the window manager's border and title bar, which the widget's own size excludes


def available_area(widget: QWidget | None = None) -> QRect:
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 910, 485)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or to what its screen has room for, whichever is smaller."""
    area = available_area(widget)
    widget.resize(max(1, min(width, area.width() - FRAME_ALLOWANCE[0])),
                  max(1, min(height, area.height() - FRAME_ALLOWANCE[1])))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink a shown top-level window to its screen's available area and move it fully inside."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    extra_w, extra_h = frame.width() - widget.width(), frame.height() - widget.height()
    w = min(widget.width(), area.width() - extra_w)
    h = min(widget.height(), area.height() - extra_h)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(max(w, widget.minimumWidth()), max(h, widget.minimumHeight()))
        frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


def center_on_screen(widget: QWidget, over: QWidget | None = None) -> None:
    """Place a window (not shown yet, or hidden) in the middle of the screen `over` is on, wholly inside it."""
    area = available_area(over or widget)
    fit_to_screen(widget, widget.width(), widget.height())
    w = widget.width() + FRAME_ALLOWANCE[0]
    h = widget.height() + FRAME_ALLOWANCE[1]
    widget.move(area.x() + max(0, (area.width() - w) // 2), area.y() + max(0, (area.height() - h) // 2))


TITLE_BAR_EXTRA = 150  # the title bar's icon and its minimise/close buttons, beside the title's text


def widen_for_title(box: QMessageBox) -> None:
    """A message box is as wide as its text, and the window manager cuts a longer title ("TalentDesk – 导入人…"):
    make it wide enough for its whole title (within the screen)."""
    title = box.windowTitle()
    if not title or box.property("_td_title_width"):
        return
    box.setProperty("_td_title_width", True)
    want = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar")).horizontalAdvance(title) + TITLE_BAR_EXTRA
    want = min(want, available_area(box).width() - FRAME_ALLOWANCE[0])
    grid = box.layout()
    if isinstance(grid, QGridLayout) and want > box.sizeHint().width():
        grid.addItem(QSpacerItem(want, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                     grid.rowCount(), 0, 1, grid.columnCount())


def fit_shown_window(window: QWidget) -> None:
    """Once per window, when it is shown: wide enough for its title (a message box) and inside its screen."""
    if window.property("_td_fitted"):
        return
    window.setProperty("_td_fitted", True)
    if isinstance(window, QMessageBox):
        widen_for_title(window)
    keep_on_screen(window)


class _ScreenFit(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            fit_shown_window(obj)
        return False


def install_screen_fit(app: QApplication) -> None:
    """Every event of the application passes through the filter (tens of µs each in Python): start-up installs it
    once the main window's frame is on screen (app.early_window), fitting that window itself."""
    if getattr(app, "_td_screen_fit", None) is None:
        app._td_screen_fit = _ScreenFit(app)  # keep it alive
        app.installEventFilter(app._td_screen_fit)


def in_scroll_area(content: QWidget | QLayout, parent: QWidget | None = None) -> QScrollArea:
    """`content` (a widget or a layout) inside a frameless scroll area, so a long form never makes its dialog taller
    than a small screen: it scrolls instead."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area.setWidget(content)
    return area
