"""The drawn timeline of one talent: lanes for career, care and money on a time axis from arrival to today,
the service commitment's end marked, hover for details, click to open, Ctrl+wheel or buttons to zoom."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.services.growth import trajectory

PILLAR_COLOURS = {
    trajectory.CAREER: QColor("#2f6fb0"),
    trajectory.CARE: QColor("#3a9a5b"),
    trajectory.MONEY: QColor("#d0862a"),
    trajectory.MILESTONE: QColor("#6b6b6b"),
}
LANES = (trajectory.CAREER, trajectory.CARE, trajectory.MONEY)
MARGIN_LEFT, MARGIN_RIGHT, TOP, AXIS_H, LANE_LABEL_W = 90, 40, 34, 40, 80
ROW_H = 20
MIN_PPD, MAX_PPD = 0.05, 40.0


@dataclass
class _Placed:
    item: trajectory.TimelineItem
    rect: QRectF
    span: bool
    label: str = ""
    label_rect: QRectF | None = None


LABEL_CHARS = 16


def short(item: trajectory.TimelineItem) -> str:
    """The label drawn beside a mark: money shows just the amount; long titles are cut with an ellipsis."""
    text = item.title
    if item.pillar == trajectory.MONEY:
        text = text.split(" · ")[0].split(" ", 1)[-1]
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


class TimelineCanvas(QWidget):
    """Paints the timeline. Its width follows the zoom (pixels per day); it lives in a horizontal QScrollArea."""

    item_activated = Signal(object)   # growth.TimelineItem
    item_hovered = Signal(object)     # growth.TimelineItem or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.timeline: trajectory.Timeline | None = None
        self.ppd = 0.5
        self.placed: list[_Placed] = []
        self.lane_top: dict[str, float] = {}
        self.lane_rows: dict[str, int] = {}
        self.hovered: trajectory.TimelineItem | None = None
        self.show_labels = True
        self.setMinimumHeight(220)

    # ------------------------------------------------------------ data and geometry
    def set_timeline(self, timeline: trajectory.Timeline | None) -> None:
        self.timeline = timeline
        self.hovered = None
        self._layout()

    def start(self) -> dt.date:
        t = self.timeline
        first = min([t.arrival_date, *(i.date for i in t.items)]) if t else dt.date.today()
        return dt.date(first.year, first.month, 1)

    def end(self) -> dt.date:
        t = self.timeline
        last = max([t.today, *(i.end_date or i.date for i in t.items)]) if t else dt.date.today()
        if t and t.service_end_date:
            last = max(last, t.service_end_date)
        return last + dt.timedelta(days=45)

    def x_of(self, d: dt.date) -> float:
        return MARGIN_LEFT + (d - self.start()).days * self.ppd

    def date_at(self, x: float) -> dt.date:
        return self.start() + dt.timedelta(days=int((x - MARGIN_LEFT) / self.ppd))

    def content_width(self) -> int:
        return int(MARGIN_LEFT + (self.end() - self.start()).days * self.ppd + MARGIN_RIGHT)

    def set_pixels_per_day(self, ppd: float) -> None:
        self.ppd = min(MAX_PPD, max(MIN_PPD, ppd))
        self._layout()

    def fit_to(self, width: int) -> None:
        days = max((self.end() - self.start()).days, 1)
        self.set_pixels_per_day((width - MARGIN_LEFT - MARGIN_RIGHT) / days)

    def _layout(self) -> None:
        """Place every item in its lane; points and spans that would overlap go to the next row of the lane."""
        self.placed = []
        fm = QFontMetrics(self.font())
        y = TOP
        if self.timeline:
            for lane in LANES:
                rows_end: list[float] = []
                placed_here = []
                for item in self.timeline.items:
                    if (item.pillar if item.pillar != trajectory.MILESTONE else trajectory.CAREER) != lane:
                        continue
                    x0 = self.x_of(item.date)
                    span = item.end_date is not None and item.end_date > item.date
                    x1 = self.x_of(item.end_date) if span else x0
                    text = short(item) if self.show_labels else ""
                    text_w = fm.horizontalAdvance(text) + 4 if text else 0
                    left = x0 if span else x0 - 6
                    shape_right = max(x1, x0 + 6) if span else x0 + 6
                    # a span's label sits inside it when it fits, else after it; a point's label after the point
                    inside = span and text_w + 6 <= shape_right - left
                    right = shape_right if inside else shape_right + text_w
                    row = next((i for i, e in enumerate(rows_end) if e + 4 <= left), None)
                    if row is None:
                        rows_end.append(0.0)
                        row = len(rows_end) - 1
                    rows_end[row] = right
                    placed_here.append((item, left, shape_right, row, span, text, inside, text_w))
                self.lane_top[lane] = y
                self.lane_rows[lane] = max(len(rows_end), 1)
                for item, left, right, row, span, text, inside, text_w in placed_here:
                    ry = y + 6 + row * ROW_H
                    rect = QRectF(left, ry, right - left, 12) if span else QRectF(left, ry, 12, 12)
                    if not text:
                        label_rect = None
                    elif inside:
                        label_rect = QRectF(left + 4, ry - 3, right - left - 6, 18)
                    else:
                        label_rect = QRectF(rect.right() + 3, ry - 3, text_w, 18)
                    self.placed.append(_Placed(item, rect, span, text, label_rect))
                y += 12 + self.lane_rows[lane] * ROW_H
        self._height = int(y + AXIS_H + fm.height())
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.content_width(), getattr(self, "_height", 260))

    def item_at(self, pos: QPointF) -> trajectory.TimelineItem | None:
        """The item under a point (points are preferred to the spans they sit on)."""
        hits = [p for p in self.placed if p.rect.adjusted(-2, -2, 2, 2).contains(pos)
                or (p.label_rect is not None and p.label_rect.contains(pos))]
        if not hits:
            return None
        hits.sort(key=lambda p: (p.span, p.rect.width()))
        return hits[0].item

    def rect_of(self, item: trajectory.TimelineItem) -> QRectF:
        return next(p.rect for p in self.placed if p.item == item)

    # ------------------------------------------------------------ text
    def describe(self, item: trajectory.TimelineItem) -> str:
        if item.record_table == "growth_events":
            kind = label(E.GrowthKind, item.kind)
        elif item.kind == "pairing":
            kind = self.tr("Mentor pairing")
        elif item.kind == "care":
            kind = self.tr("Care case")
        else:
            kind = label(E.EntryKind, item.kind)
        when = item.date.isoformat()
        if item.end_date and item.end_date != item.date:
            when = self.tr("{start} to {end}").format(start=when, end=item.end_date.isoformat())
        lines = [f"<b>{_esc(item.title)}</b>", f"{_esc(kind)} · {trajectory.pillar_label(item.pillar)}", when]
        if item.detail:
            lines.append(_esc(item.detail))
        hint = self.tr("Click to open")
        lines.append(f"<i>{hint}</i>")
        return "<br>".join(lines)

    # ------------------------------------------------------------ painting
    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        t = self.timeline
        if t is None:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("Choose a talent to see the timeline."))
            return
        height = self.height()
        axis_y = height - AXIS_H
        # lanes
        for i, lane in enumerate(LANES):
            top = self.lane_top[lane]
            h = 12 + self.lane_rows[lane] * ROW_H
            if i % 2 == 0:
                p.fillRect(QRectF(0, top, self.width(), h), self.palette().alternateBase())
            p.setPen(PILLAR_COLOURS[lane])
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(6, top, LANE_LABEL_W, h), Qt.AlignmentFlag.AlignVCenter, trajectory.pillar_label(lane))
            p.setFont(self.font())
        # time axis with years (and months when zoomed in)
        p.setPen(QPen(self.palette().text().color(), 1))
        x_start, x_end = self.x_of(self.start()), self.x_of(self.end())
        p.drawLine(QPointF(x_start, axis_y), QPointF(x_end, axis_y))
        for year in range(self.start().year, self.end().year + 1):
            for month in range(1, 13):
                d = dt.date(year, month, 1)
                if d < self.start() or d > self.end():
                    continue
                x = self.x_of(d)
                if month == 1:
                    p.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine))
                    p.drawLine(QPointF(x, TOP - 4), QPointF(x, axis_y))
                    p.setPen(self.palette().text().color())
                    p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 6))
                    p.drawText(QPointF(x + 2, axis_y + 18), str(year))
                elif self.ppd * 30 >= 28:
                    p.setPen(self.palette().mid().color())
                    p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 3))
                    if self.ppd * 30 >= 40:
                        p.drawText(QPointF(x + 2, axis_y + 14), f"{month}")
        # arrival, service end, departure and today
        self._marker(p, t.arrival_date, QColor("#6b6b6b"), self.tr("Arrival"), Qt.PenStyle.SolidLine, axis_y)
        if t.service_end_date:
            self._marker(p, t.service_end_date, QColor("#c0392b"), self.tr("Service commitment ends"),
                         Qt.PenStyle.DashLine, axis_y)
        if t.departure_date:
            self._marker(p, t.departure_date, QColor("#000000"), self.tr("Departure"), Qt.PenStyle.SolidLine, axis_y)
        self._marker(p, t.today, QColor("#8e44ad"), self.tr("Today"), Qt.PenStyle.DotLine, axis_y, bottom=True)
        # items
        for placed in sorted(self.placed, key=lambda q: not q.span):
            colour = PILLAR_COLOURS[placed.item.pillar]
            hot = placed.item == self.hovered
            if placed.span:
                fill = QColor(colour)
                fill.setAlpha(150 if hot else 90)
                p.setPen(QPen(colour.darker(130) if hot else colour, 2 if hot else 1))
                p.setBrush(fill)
                p.drawRoundedRect(placed.rect, 4, 4)
            else:
                p.setPen(QPen(colour.darker(160), 2 if hot else 1))
                p.setBrush(colour.lighter(130) if hot else colour)
                r = placed.rect.adjusted(-2, -2, 2, 2) if hot else placed.rect
                if placed.item.pillar == trajectory.MONEY:
                    path = QPainterPath()
                    c = r.center()
                    path.moveTo(c.x(), r.top())
                    path.lineTo(r.right(), c.y())
                    path.lineTo(c.x(), r.bottom())
                    path.lineTo(r.left(), c.y())
                    path.closeSubpath()
                    p.drawPath(path)
                elif placed.item.kind == E.GrowthKind.APPRAISAL.value:
                    p.drawRect(r)
                else:
                    p.drawEllipse(r)
            if placed.label_rect is not None:
                p.setPen(self.palette().text().color() if not hot else colour.darker(140))
                p.drawText(placed.label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, placed.label)
        p.end()

    def _marker(self, p: QPainter, d: dt.date, colour: QColor, text: str, style, axis_y: float,
                bottom: bool = False) -> None:
        x = self.x_of(d)
        p.setPen(QPen(colour, 2, style))
        p.drawLine(QPointF(x, TOP - 6), QPointF(x, axis_y))
        p.setPen(colour)
        fm = QFontMetrics(self.font())
        label_text = f"{text} {d.isoformat()}"
        w = fm.horizontalAdvance(label_text)
        tx = min(max(x - w / 2, 2), self.width() - w - 2)
        ty = axis_y + 32 if bottom else TOP - 10
        p.drawText(QPointF(tx, ty), label_text)

    # ------------------------------------------------------------ interaction
    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.position())
        if item != self.hovered:
            self.hovered = item
            self.item_hovered.emit(item)
            self.update()
        if item is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(item), self)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self.hovered is not None:
            self.hovered = None
            self.item_hovered.emit(None)
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.item_at(event.position())
            if item is not None:
                self.item_activated.emit(item)
        super().mouseReleaseEvent(event)


class TimelineView(QScrollArea):
    """The canvas in a horizontal scroller; Ctrl+wheel zooms around the mouse, the wheel scrolls sideways."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = TimelineCanvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def set_timeline(self, timeline) -> None:
        self.canvas.set_timeline(timeline)
        self.fit()

    def fit(self) -> None:
        self.canvas.fit_to(max(self.viewport().width(), 400))
        self.horizontalScrollBar().setValue(0)
        self._fill_when_empty()

    def _fill_when_empty(self) -> None:
        """With nobody chosen the canvas fills the whole view (not a narrow box with its message clipped)."""
        if self.canvas.timeline is None:
            self.canvas.setFixedSize(self.viewport().size())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fill_when_empty()

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        bar = self.horizontalScrollBar()
        anchor_x = self.viewport().width() / 2 if anchor_x is None else anchor_x
        date = self.canvas.date_at(bar.value() + anchor_x)
        self.canvas.set_pixels_per_day(self.canvas.ppd * factor)
        bar.setValue(int(self.canvas.x_of(date) - anchor_x))

    def wheelEvent(self, event) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and delta:
            self.zoom(1.25 if delta > 0 else 0.8, event.position().x())
            event.accept()
            return
        if delta and not event.angleDelta().x():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta)
            event.accept()
            return
        super().wheelEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
