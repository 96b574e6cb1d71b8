"""The mentor board: one column per mentor, one card per current mentee, a pinned "no mentor yet" column.

Everything is painted by one scroll area (no widget per card), and only what is visible is painted, so 200
mentors and 5,000 mentees scroll and drag as smoothly as 5. Column headers stay at the top while the board
scrolls vertically; the "no mentor yet" column stays at the left while it scrolls horizontally, so a card can be
dragged from it onto any mentor. Dragging is done here (press, move past the drag distance, release over a
column) and reported with `card_dropped`; the tab decides what it means (pair, reassign, end).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip

from talentdesk.services.mentors.board import BoardCard, BoardColumn, BoardData
from talentdesk.ui.common.style import error_colour, muted_colour, ok_colour

COL_W = 236
GAP = 10
MARGIN = 10
HEADER_H = 62
CARD_H = 84
CARD_GAP = 6
UNPAIRED = -1  # column key of "no mentor yet"


@dataclass(frozen=True)
class BoardColours:
    """The board paints its own canvas: one set of colours for a light desktop theme and one for a dark one, the
    text, hint, warning and selection colours taken from the palette and the style module."""

    bg: QColor
    col: QColor
    unpaired: QColor
    header: QColor
    card: QColor
    border: QColor
    text: QColor
    muted: QColor
    warn: QColor
    warn_bg: QColor
    ok: QColor
    full: QColor
    select: QColor
    drop_ok: QColor
    drop_full: QColor
    pill_text: QColor


def board_colours() -> BoardColours:
    palette = QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    # canvas, mentor column, "no mentor yet" column, header and card faces, borders, an overdue card's face
    faces = (("#1c1e21", "#25282c", "#2e2a21", "#2d3035", "#2d3035", "#4a5058", "#4a1f24") if dark else
             ("#eef1f5", "#e2e7ee", "#f4ecd8", "#ffffff", "#ffffff", "#c5ccd6", "#fde8e8"))
    bg, col, unpaired, header, card, border, warn_bg = (QColor(c) for c in faces)
    select = palette.color(QPalette.ColorRole.Highlight)
    return BoardColours(bg, col, unpaired, header, card, border, palette.color(QPalette.ColorRole.Text),
                        muted_colour(), error_colour(), warn_bg, ok_colour(), error_colour(),
                        select.lighter(140) if dark else select, QColor(46, 125, 50, 70 if dark else 50),
                        QColor(176, 0, 32, 70 if dark else 45), QColor("#ffffff") if not dark else QColor("#101214"))


@dataclass(frozen=True)
class Hit:
    """What is under a point: a column (mentor id, or UNPAIRED), maybe a card, maybe the header."""

    column: int
    card: BoardCard | None = None
    header: bool = False


class MentorBoard(QAbstractScrollArea):
    card_dropped = Signal(object, int, int)       # card, from column (mentor id or UNPAIRED), to column
    card_activated = Signal(object)               # double-click on a card
    context_requested = Signal(object, QPoint)    # Hit, global position
    selection_changed = Signal(object)            # the selected card or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self._c = board_colours()
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.horizontalScrollBar().setSingleStep(COL_W // 4)
        self.verticalScrollBar().setSingleStep(CARD_H // 2)
        self.columns: tuple[BoardColumn, ...] = ()
        self.unpaired: tuple[BoardCard, ...] = ()
        self.unpaired_total = 0
        self.today = dt.date.today()
        self.selected: BoardCard | None = None
        self._press: tuple[QPoint, BoardCard, int] | None = None
        self._drag_pos: QPoint | None = None
        self._dragging = False
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(30)
        self._autoscroll.timeout.connect(self._auto_scroll_step)
        base = self.font()
        self.f_name = QFont(base)
        self.f_name.setBold(True)
        self.f_name.setPointSizeF(base.pointSizeF() * 1.05)
        self.f_small = QFont(base)
        self.f_small.setPointSizeF(base.pointSizeF() * 0.9)
        self.f_pill = QFont(self.f_small)
        self.f_pill.setBold(True)

    # ------------------------------------------------------------ data
    def set_data(self, data: BoardData) -> None:
        keep = self.selected
        self.columns = data.columns
        self.unpaired = data.unpaired
        self.unpaired_total = data.unpaired_total
        self.today = data.today
        self.selected = None
        if keep is not None:
            self.selected = self.find_card(keep.talent_id, keep.mentor_id)
        self._update_scrollbars()
        self.viewport().update()
        self.selection_changed.emit(self.selected)

    def find_card(self, talent_id: int, mentor_id: int | None) -> BoardCard | None:
        cards = self.unpaired if mentor_id is None else next(
            (c.cards for c in self.columns if c.mentor_id == mentor_id), ())
        return next((c for c in cards if c.talent_id == talent_id), None)

    def column_of(self, mentor_id: int) -> BoardColumn | None:
        return next((c for c in self.columns if c.mentor_id == mentor_id), None)

    # ------------------------------------------------------------ geometry (viewport coordinates)
    def _pinned_w(self) -> int:
        return MARGIN + COL_W + GAP

    def _col_x(self, i: int) -> int:
        """x of mentor column i (0-based among mentors) in the viewport."""
        return self._pinned_w() + i * (COL_W + GAP) - self.horizontalScrollBar().value()

    def _cards_top(self) -> int:
        return MARGIN + HEADER_H + CARD_GAP - self.verticalScrollBar().value()

    def card_rect(self, mentor_id: int | None, talent_id: int) -> QRect | None:
        """Where a card is painted now (viewport coordinates), or None if not on the board."""
        if mentor_id is None:
            x, cards = MARGIN, self.unpaired
        else:
            idx = next((i for i, c in enumerate(self.columns) if c.mentor_id == mentor_id), None)
            if idx is None:
                return None
            x, cards = self._col_x(idx), self.columns[idx].cards
        row = next((i for i, c in enumerate(cards) if c.talent_id == talent_id), None)
        if row is None:
            return None
        return QRect(x + 6, self._cards_top() + row * (CARD_H + CARD_GAP), COL_W - 12, CARD_H)

    def column_rect(self, mentor_id: int) -> QRect | None:
        if mentor_id == UNPAIRED:
            return QRect(MARGIN, MARGIN, COL_W, self.viewport().height() - MARGIN)
        idx = next((i for i, c in enumerate(self.columns) if c.mentor_id == mentor_id), None)
        if idx is None:
            return None
        return QRect(self._col_x(idx), MARGIN, COL_W, self.viewport().height() - MARGIN)

    def ensure_column_visible(self, mentor_id: int) -> None:
        idx = next((i for i, c in enumerate(self.columns) if c.mentor_id == mentor_id), None)
        if idx is None:
            return
        sb = self.horizontalScrollBar()
        left = idx * (COL_W + GAP)
        visible_w = self.viewport().width() - self._pinned_w()
        if left < sb.value():
            sb.setValue(left)
        elif left + COL_W > sb.value() + visible_w:
            sb.setValue(left + COL_W - visible_w + GAP)

    def hit(self, pos: QPoint) -> Hit | None:
        x, y = pos.x(), pos.y()
        if MARGIN <= x < MARGIN + COL_W:
            column, cards = UNPAIRED, self.unpaired
            col_x = MARGIN
        elif x >= self._pinned_w():
            rel = x - self._pinned_w() + self.horizontalScrollBar().value()
            i, off = divmod(rel, COL_W + GAP)
            if off >= COL_W or i >= len(self.columns):
                return None
            column, cards, col_x = self.columns[i].mentor_id, self.columns[i].cards, self._col_x(i)
        else:
            return None
        if y < MARGIN:
            return None
        if y < MARGIN + HEADER_H:
            return Hit(column, header=True)
        rel_y = y - self._cards_top()
        if rel_y >= 0 and col_x + 6 <= x < col_x + COL_W - 6:
            row, off = divmod(rel_y, CARD_H + CARD_GAP)
            if off < CARD_H and row < len(cards):
                return Hit(column, cards[row])
        return Hit(column)

    def _content_height(self) -> int:
        longest = max([len(self.unpaired)] + [len(c.cards) for c in self.columns])
        return MARGIN + HEADER_H + CARD_GAP + longest * (CARD_H + CARD_GAP) + MARGIN

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        content_w = len(self.columns) * (COL_W + GAP) + MARGIN
        h = self.horizontalScrollBar()
        h.setRange(0, max(0, content_w - (vw - self._pinned_w())))
        h.setPageStep(max(1, vw - self._pinned_w()))
        v = self.verticalScrollBar()
        v.setRange(0, max(0, self._content_height() - vh))
        v.setPageStep(max(1, vh))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    # ------------------------------------------------------------ painting
    def days_ago(self, day: dt.date) -> str:
        """'today', 'yesterday' or 'N days ago' — never '0 days ago'."""
        days = (self.today - day).days
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return self.tr("{n} days ago").format(n=days)

    def checkin_line(self, card) -> str:
        """The card's check-in line; when overdue the number of days comes first, so a narrow card never cuts it."""
        if card.overdue and card.last_checkin_date:
            return self.tr("{n} days without a check-in · last {date}").format(
                n=(self.today - card.last_checkin_date).days, date=card.last_checkin_date.isoformat())
        if card.last_checkin_date:
            return self.tr("Last check-in {date} ({when})").format(date=card.last_checkin_date.isoformat(),
                                                                   when=self.days_ago(card.last_checkin_date))
        if card.overdue:
            return self.tr("Overdue · {text}").format(text=self.tr("No check-in yet"))
        return self.tr("No check-in yet")

    def paintEvent(self, event) -> None:  # noqa: N802
        self._c = board_colours()  # read at each paint: a theme switched while the window is open is followed
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        vw, vh = self.viewport().width(), self.viewport().height()
        p.fillRect(self.viewport().rect(), self._c.bg)
        target = self._drop_target()
        # mentor columns: only the visible ones, and in each only the visible cards
        p.save()
        p.setClipRect(QRect(self._pinned_w(), 0, vw - self._pinned_w(), vh))
        first = max(0, self.horizontalScrollBar().value() // (COL_W + GAP))
        last = min(len(self.columns), first + vw // (COL_W + GAP) + 2)
        for i in range(first, last):
            col = self.columns[i]
            self._paint_column(p, self._col_x(i), col.cards, vh, self._c.col, col.mentor_id == target, col.full)
            self._paint_mentor_header(p, self._col_x(i), col)
        p.restore()
        # the pinned "no mentor yet" column
        p.fillRect(QRect(0, 0, self._pinned_w() - GAP // 2, vh), self._c.bg)
        self._paint_column(p, MARGIN, self.unpaired, vh, self._c.unpaired, target == UNPAIRED, False)
        self._paint_unpaired_header(p)
        if not self.columns and not self.unpaired:
            p.setPen(self._c.muted)
            p.drawText(QRect(self._pinned_w(), MARGIN, vw - self._pinned_w(), 80), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No mentors match the filter. Add mentors in the mentor pool."))
        if self._dragging and self._press and self._drag_pos is not None:
            p.setOpacity(0.85)
            r = QRect(self._drag_pos.x() - COL_W // 2 + 6, self._drag_pos.y() - 14, COL_W - 12, CARD_H)
            self._paint_card(p, r, self._press[1], ghost=True)
        p.end()

    def _paint_column(self, p: QPainter, x: int, cards, vh: int, bg: QColor, is_target: bool, full: bool) -> None:
        body = QRect(x, MARGIN, COL_W, vh - MARGIN)
        path = QPainterPath()
        path.addRoundedRect(QRectF(body), 6, 6)
        p.fillPath(path, bg)
        if is_target:
            p.fillPath(path, self._c.drop_full if full else self._c.drop_ok)
        top = self._cards_top()
        step = CARD_H + CARD_GAP
        first = max(0, (MARGIN + HEADER_H - top) // step)
        last = min(len(cards), (vh - top) // step + 1)
        for row in range(first, last):
            r = QRect(x + 6, top + row * step, COL_W - 12, CARD_H)
            card = cards[row]
            dragged = self._dragging and self._press is not None and self._press[1] is card
            self._paint_card(p, r, card, faded=dragged)

    def _paint_card(self, p: QPainter, r: QRect, card: BoardCard, *, ghost: bool = False, faded: bool = False) -> None:
        p.save()
        if faded:
            p.setOpacity(0.35)
        path = QPainterPath()
        path.addRoundedRect(QRectF(r), 5, 5)
        p.fillPath(path, self._c.warn_bg if card.overdue else self._c.card)
        sel = self.selected is not None and self.selected.talent_id == card.talent_id and \
            self.selected.mentor_id == card.mentor_id
        p.setPen(QPen(self._c.select if (sel or ghost) else (self._c.warn if card.overdue else self._c.border), 2 if (sel or ghost) else 1))
        p.drawPath(path)
        if card.overdue:
            p.fillRect(QRect(r.x(), r.y() + 3, 4, r.height() - 6), self._c.warn)
        inner = r.adjusted(10, 5, -8, -5)
        lh = QFontMetrics(self.f_small).height() + 1
        # line 1: name and months paired (or arrival for newcomers without a mentor)
        p.setFont(self.f_name)
        p.setPen(self._c.text)
        right = (self.tr("{n} mo.").format(n=card.months_paired) if card.mentor_id is not None else
                 self.tr("arrived {date}").format(date=card.arrival_date.isoformat() if card.arrival_date else ""))
        fm_small = QFontMetrics(self.f_small)
        rw = fm_small.horizontalAdvance(right) + 4
        name_h = QFontMetrics(self.f_name).height()
        p.drawText(QRect(inner.x(), inner.y(), inner.width() - rw, name_h), Qt.AlignmentFlag.AlignLeft,
                   QFontMetrics(self.f_name).elidedText(card.talent_name, Qt.TextElideMode.ElideRight,
                                                        inner.width() - rw))
        p.setFont(self.f_small)
        p.setPen(self._c.muted)
        p.drawText(QRect(inner.right() - rw, inner.y() + 1, rw, name_h), Qt.AlignmentFlag.AlignRight, right)
        y = inner.y() + name_h + 1
        # line 2: employer · tier
        line2 = f"{card.employer_name or self.tr('(no employer)')} · {card.tier_name or card.tier_code}"
        p.drawText(QRect(inner.x(), y, inner.width(), lh), Qt.AlignmentFlag.AlignLeft,
                   fm_small.elidedText(line2, Qt.TextElideMode.ElideRight, inner.width()))
        y += lh
        if card.mentor_id is None:
            p.drawText(QRect(inner.x(), y, inner.width(), lh * 2), Qt.AlignmentFlag.AlignLeft,
                       self.tr("Drag onto a mentor to pair"))
            p.restore()
            return
        # line 3: last check-in, red when overdue
        last = self.checkin_line(card)
        if card.overdue:
            p.setPen(self._c.warn)
        p.drawText(QRect(inner.x(), y, inner.width(), lh), Qt.AlignmentFlag.AlignLeft,
                   fm_small.elidedText(last, Qt.TextElideMode.ElideRight, inner.width()))
        y += lh
        # line 4: every role — this mentor's in bold blue, the others with their mentor
        x = inner.x()
        p.setFont(self.f_pill)
        p.setPen(self._c.select)
        mine = " · ".join(r.role_name for r in card.roles)
        w = min(QFontMetrics(self.f_pill).horizontalAdvance(mine) + 2, inner.width())
        p.drawText(QRect(x, y, w, lh), Qt.AlignmentFlag.AlignLeft,
                   QFontMetrics(self.f_pill).elidedText(mine, Qt.TextElideMode.ElideRight, w))
        if card.other_roles and w < inner.width() - 20:
            p.setFont(self.f_small)
            p.setPen(self._c.muted)
            others = "; ".join(f"{o.role_name}: {o.mentor_name}" for o in card.other_roles)
            rest = inner.width() - w - 6
            p.drawText(QRect(x + w + 6, y, rest, lh), Qt.AlignmentFlag.AlignLeft,
                       fm_small.elidedText("+ " + others, Qt.TextElideMode.ElideRight, rest))
        p.restore()

    def _paint_header_box(self, p: QPainter, x: int) -> QRect:
        r = QRect(x, MARGIN, COL_W, HEADER_H)
        path = QPainterPath()
        path.addRoundedRect(QRectF(r), 6, 6)
        p.fillPath(path, self._c.header)
        p.setPen(QPen(self._c.border, 1))
        p.drawPath(path)
        return r.adjusted(10, 6, -10, -6)

    def _pill(self, p: QPainter, inner: QRect, text: str, color: QColor) -> int:
        p.setFont(self.f_pill)
        fm = QFontMetrics(self.f_pill)
        w = fm.horizontalAdvance(text) + 14
        pill = QRect(inner.right() - w, inner.y(), w, fm.height() + 4)
        path = QPainterPath()
        path.addRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
        p.fillPath(path, color)
        p.setPen(self._c.pill_text)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        return w

    def _paint_mentor_header(self, p: QPainter, x: int, col: BoardColumn) -> None:
        inner = self._paint_header_box(p, x)
        w = self._pill(p, inner, f"{col.load}/{col.capacity}", self._c.full if col.full else self._c.ok)
        p.setFont(self.f_name)
        p.setPen(self._c.text)
        fm = QFontMetrics(self.f_name)
        p.drawText(QRect(inner.x(), inner.y(), inner.width() - w - 6, fm.height()), Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(col.name, Qt.TextElideMode.ElideRight, inner.width() - w - 6))
        p.setFont(self.f_small)
        p.setPen(self._c.muted)
        fs = QFontMetrics(self.f_small)
        sub = " · ".join(x for x in (col.title, col.employer_name) if x)
        p.drawText(QRect(inner.x(), inner.y() + fm.height() + 2, inner.width(), fs.height()), Qt.AlignmentFlag.AlignLeft,
                   fs.elidedText(sub, Qt.TextElideMode.ElideRight, inner.width()))
        if col.overdue:
            p.setPen(self._c.warn)
            p.drawText(QRect(inner.x(), inner.bottom() - fs.height() + 1, inner.width(), fs.height()),
                       Qt.AlignmentFlag.AlignLeft, self.tr("{n} overdue").format(n=col.overdue))

    def _paint_unpaired_header(self, p: QPainter) -> None:
        inner = self._paint_header_box(p, MARGIN)
        w = self._pill(p, inner, f"{self.unpaired_total:,}", self._c.muted)
        p.setFont(self.f_name)
        p.setPen(self._c.text)
        fm = QFontMetrics(self.f_name)
        p.drawText(QRect(inner.x(), inner.y(), inner.width() - w - 6, fm.height()), Qt.AlignmentFlag.AlignLeft,
                   self.tr("No mentor yet"))
        p.setFont(self.f_small)
        p.setPen(self._c.muted)
        fs = QFontMetrics(self.f_small)
        p.drawText(QRect(inner.x(), inner.y() + fm.height() + 2, inner.width(), fs.height() * 2),
                   Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                   self.tr("Active talents without a mentor") if len(self.unpaired) >= self.unpaired_total else
                   self.tr("The newest {n} shown; search to find the others").format(n=len(self.unpaired)))

    # ------------------------------------------------------------ mouse: select, drag, drop, menus
    def _drop_target(self) -> int | None:
        if not self._dragging or self._drag_pos is None or self._press is None:
            return None
        h = self.hit(self._drag_pos)
        if h is None or h.column == self._press[2]:
            return None
        return h.column

    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        h = self.hit(pos)
        card = h.card if h else None
        if card is not self.selected:
            self.selected = card
            self.selection_changed.emit(card)
            self.viewport().update()
        if event.button() == Qt.MouseButton.LeftButton and card is not None:
            self._press = (pos, card, h.column)
            self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._press is not None:
            if not self._dragging and (pos - self._press[0]).manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self._autoscroll.start()
            if self._dragging:
                self._drag_pos = pos
                self.viewport().update()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        press, dragging = self._press, self._dragging
        self._end_drag()
        if press is not None and dragging and event.button() == Qt.MouseButton.LeftButton:
            h = self.hit(pos)
            if h is not None and h.column != press[2]:
                self.card_dropped.emit(press[1], press[2], h.column)
        event.accept()

    def _end_drag(self) -> None:
        self._press = None
        self._dragging = False
        self._drag_pos = None
        self._autoscroll.stop()
        self.viewport().unsetCursor()
        self.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._dragging:
            self._end_drag()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.card_activated.emit(self.selected)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        h = self.hit(event.position().toPoint())
        if h is not None and h.card is not None:
            self.card_activated.emit(h.card)
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        h = self.hit(event.pos())
        if h is not None:
            if h.card is not None and h.card is not self.selected:
                self.selected = h.card
                self.selection_changed.emit(h.card)
                self.viewport().update()
            self.context_requested.emit(h, event.globalPos())

    def _auto_scroll_step(self) -> None:
        """While dragging near an edge, scroll the board so far columns can be reached."""
        if not self._dragging or self._drag_pos is None:
            return
        x, y = self._drag_pos.x(), self._drag_pos.y()
        vw, vh = self.viewport().width(), self.viewport().height()
        edge = 40
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        if x > vw - edge:
            h.setValue(h.value() + 24)
        elif self._pinned_w() <= x < self._pinned_w() + edge:
            h.setValue(h.value() - 24)
        if y > vh - edge:
            v.setValue(v.value() + 24)
        elif y < edge:
            v.setValue(v.value() - 24)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            h = self.hit(event.pos())
            text = self._tooltip(h) if h else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, h: Hit) -> str:
        if h.card is not None:
            c = h.card
            lines = [f"{c.talent_name} — {c.employer_name}"]
            for r in c.roles:
                last = r.last_checkin_date.isoformat() if r.last_checkin_date else self.tr("none yet")
                lines.append(self.tr("{role}: since {start}, last check-in {last}, every {n} days").format(
                    role=r.role_name, start=r.start_date.isoformat(), last=last, n=r.cadence_days))
            for o in c.other_roles:
                lines.append(f"{o.role_name}: {o.mentor_name}")
            if c.mentor_id is not None:
                lines.append(self.tr("Double-click to record a check-in; drag to another mentor to reassign."))
            return "\n".join(lines)
        if h.header and h.column != UNPAIRED:
            col = self.column_of(h.column)
            if col:
                return self.tr("{name}: {load} of {capacity} places taken").format(
                    name=col.name, load=col.load, capacity=col.capacity)
        return ""
