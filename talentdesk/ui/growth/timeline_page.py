"""The timeline page: pick a talent, see the drawn timeline, add or open events."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QToolButton, QVBoxLayout, QWidget,
)

from talentdesk.services.base import call
from talentdesk.services.growth import events, trajectory
from talentdesk.services.talents import registry
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.growth.dialogs import EventDialog
from talentdesk.ui.growth.timeline import LANES, PILLAR_COLOURS, TimelineView


def swatch(colour: QColor) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setBrush(colour)
    p.setPen(colour.darker(150))
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pm)


class TimelinePage(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.talent_id: int | None = None  # the person drawn (and the one 新增事件 adds to)
        self.talent_name = ""
        self._wanted: int | None = None  # the person asked for; drawn when their timeline arrives
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, pinyin initials or ID number…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._search_now)
        self.found = QComboBox(self)
        self.found.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.found.setMinimumContentsLength(14)
        # whatever the picker shows is the person drawn: every change of its current item draws that person
        self.found.currentIndexChanged.connect(self._picked)
        self.add_btn = QPushButton(self.tr("Add event…"), self)
        self.add_btn.clicked.connect(self.add_event)
        self.add_btn.setEnabled(False)
        zin, zout, fit = QToolButton(self), QToolButton(self), QToolButton(self)
        for b, text, tip in ((zin, "+", self.tr("Zoom in")), (zout, "−", self.tr("Zoom out")),
                             (fit, "↔", self.tr("Fit"))):
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        self.view = TimelineView(self)
        zin.clicked.connect(lambda: self.view.zoom(1.5))
        zout.clicked.connect(lambda: self.view.zoom(1 / 1.5))
        fit.clicked.connect(self.view.fit)
        self.view.canvas.item_activated.connect(self.open_item)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Talent"), self))
        top.addWidget(self.search, 1)
        top.addWidget(self.found, 1)
        top.addWidget(self.add_btn)
        for b in (zin, zout, fit):
            top.addWidget(b)
        legend = QHBoxLayout()
        for pillar in (*LANES, trajectory.MILESTONE):
            lbl = QLabel(self)
            lbl.setPixmap(swatch(PILLAR_COLOURS[pillar]).pixmap(12, 12))
            legend.addWidget(lbl)
            legend.addWidget(QLabel(trajectory.pillar_label(pillar), self))
            legend.addSpacing(12)
        hint = QLabel(self.tr("Red dashed line: end of the service commitment. Ctrl+wheel zooms."), self)
        hint.setWordWrap(True)
        legend.addWidget(hint, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.header)
        lay.addWidget(self.view, 1)
        lay.addLayout(legend)

    # ------------------------------------------------------------ choosing a talent
    def _search(self, text: str) -> None:
        if len(text.strip()) < 1:
            return
        self.context.runner.submit(call(registry.search_talents, query=registry.TalentQuery(text=text, sort="name"), limit=30, with_total=False), key="growth.timeline.search", on_done=self._on_found)

    def _search_now(self) -> None:
        """Enter in the search box: search now (the answer draws its first person, as the picker shows)."""
        self._search(self.search.text())

    def _on_found(self, page) -> None:
        self.found.blockSignals(True)
        self.found.clear()
        for r in page.rows:
            self.found.addItem(f"{r.name} · {r.employer_name} · {r.arrival_date.isoformat()}", r.id)
        self.found.blockSignals(False)
        if page.rows:
            self.found.setCurrentIndex(0)
            self._picked(0)
        else:
            self.found.setCurrentIndex(-1)

    def _picked(self, index: int) -> None:
        if index >= 0:
            self.show_talent(self.found.itemData(index))

    def show_talent(self, talent_id: int | None) -> None:
        if talent_id is None:
            return
        self._wanted = talent_id
        self.add_btn.setEnabled(False)  # until the timeline of the person asked for is drawn
        self.reload()

    def reload(self) -> None:
        wanted = self._wanted if self._wanted is not None else self.talent_id
        if wanted is None:
            return
        self.context.runner.submit(call(trajectory.timeline, talent_id=wanted, today=dt.date.today()), key="growth.timeline", on_done=self._on_timeline)

    def _sync_picker(self, tl: trajectory.Timeline) -> None:
        """The picker shows the person drawn (a timeline opened from another tab adds them to the picker)."""
        i = self.found.findData(tl.talent_id)
        self.found.blockSignals(True)
        if i < 0:
            self.found.insertItem(0, f"{tl.name} · {tl.employer_name} · {tl.arrival_date.isoformat()}", tl.talent_id)
            i = 0
        self.found.setCurrentIndex(i)
        self.found.blockSignals(False)

    def _on_timeline(self, tl: trajectory.Timeline) -> None:
        if self._wanted is not None and tl.talent_id != self._wanted:
            return  # an answer for someone no longer asked for
        self.talent_id = tl.talent_id
        self._wanted = tl.talent_id
        self.talent_name = tl.name
        self._sync_picker(tl)
        self.add_btn.setEnabled(tl.status == "active" or tl.departure_date is not None)
        parts = [f"<b>{tl.name}</b>", tl.tier_name, tl.employer_name, tl.post,
                 self.tr("arrived {date}").format(date=tl.arrival_date.isoformat())]
        if tl.service_end_date:
            parts.append(self.tr("service commitment until {date}").format(date=tl.service_end_date.isoformat()))
        if tl.departure_date:
            parts.append(self.tr("left {date}").format(date=tl.departure_date.isoformat()))
        parts.append(self.tr("{n} marks").format(n=len(tl.items)))
        self.header.setText(" · ".join(p for p in parts if p))
        self.view.set_timeline(tl)

    # ------------------------------------------------------------ events
    def add_event(self) -> None:
        if self.talent_id is None:
            return
        dlg = EventDialog(self, talent_id=self.talent_id, talent_name=self.talent_name)
        dlg.on_save = lambda: self.context.runner.submit(call(events.add_event, data=dlg.value(), today=dt.date.today()), on_done=lambda _r: self._saved(dlg), on_error=dlg.failed)
        dlg.open()
        return dlg

    def _saved(self, dlg) -> None:
        dlg.finish()
        self.reload()

    def open_item(self, item: trajectory.TimelineItem) -> None:
        """A growth event opens its dialog here; pairings, care cases and money open in their own tabs."""
        if item.record_table == "growth_events" and item.kind not in ("arrival", "departure"):
            self.context.runner.submit(call(events.get_event, event_id=item.record_id), on_done=self._edit_event)
        elif item.record_table == "growth_events":
            self.open_requested.emit("talents", self.talent_id)
        else:
            self.open_requested.emit(item.record_table, item.record_id)

    def open_event(self, event_id: int) -> None:
        """Show the event's talent and open the event (from another tab)."""
        def got(ev: events.EventRow) -> None:
            self.show_talent(ev.talent_id)
            if ev.kind not in ("arrival", "departure"):  # those are changed on the talent's record
                self._edit_event(ev)

        self.context.runner.submit(call(events.get_event, event_id=event_id), on_done=got)

    def _edit_event(self, ev: events.EventRow) -> None:
        dlg = EventDialog(self, talent_id=ev.talent_id, talent_name=ev.talent_name, event=ev)
        delete = dlg.buttons.addButton(self.tr("Delete event"), dlg.buttons.ButtonRole.DestructiveRole)

        def really_delete() -> None:
            if QMessageBox.question(dlg, self.tr("Delete event"), self.tr("Delete this event from the timeline?")) \
                    != QMessageBox.StandardButton.Yes:
                return
            self.context.runner.submit(call(events.delete_event, event_id=ev.id), on_done=lambda _r: self._saved(dlg), on_error=dlg.failed)

        delete.clicked.connect(really_delete)
        dlg.edits(ev.version, lambda data, version, on_error: self.context.runner.submit(
            call(events.update_event, event_id=ev.id, data=data, today=dt.date.today(), expected_version=version),
            on_done=lambda _r: self._saved(dlg), on_error=on_error))
        dlg.open()
        self.event_dialog = dlg
