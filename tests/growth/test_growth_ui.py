import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from talentdesk.services.growth import trajectory
from talentdesk.ui.growth.timeline import TimelineView
from tests.support import shown

D = dt.date


def make_timeline(n_events: int = 30) -> trajectory.Timeline:
    items = [trajectory.TimelineItem(D(2019, 3, 1), None, trajectory.MILESTONE, "arrival", "到岗报到", "", "growth_events", 1)]
    for i in range(n_events):
        items.append(trajectory.TimelineItem(D(2019, 6, 1) + dt.timedelta(days=60 * i), None, trajectory.CAREER, "training",
                                         f"培训{i}", "16学时", "growth_events", 100 + i))
    items.append(trajectory.TimelineItem(D(2019, 4, 1), D(2022, 4, 1), trajectory.CARE, "pairing", "Paired with 王老师",
                                     "", "pairings", 7))
    items.append(trajectory.TimelineItem(D(2020, 1, 10), None, trajectory.MONEY, "payment", "Payment ¥10,000.00", "",
                                     "ledger_entries", 55))
    return trajectory.Timeline(1, "张三", "领军人才", "县人民医院", "医生", D(2019, 3, 1), D(2024, 3, 1), None, "active",
                           D(2026, 11, 23), tuple(sorted(items, key=lambda i: i.date)))


@pytest.fixture
def view(qtbot):
    v = shown(qtbot, TimelineView(), 1000, 360)
    qtbot.waitExposed(v)
    v.set_timeline(make_timeline())
    return v


def centre(v: TimelineView, item) -> QPoint:
    return v.canvas.rect_of(item).center().toPoint()


def test_timeline_hover_shows_the_item_and_click_opens_it(view, qtbot):
    canvas = view.canvas
    money = next(i for i in canvas.timeline.items if i.pillar == trajectory.MONEY)
    with qtbot.waitSignal(canvas.item_hovered) as hovered:
        qtbot.mouseMove(canvas, centre(view, money))
    assert hovered.args == [money] and canvas.hovered == money
    assert "¥10,000.00" in canvas.describe(money)
    with qtbot.waitSignal(canvas.item_activated) as clicked:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre(view, money))
    assert clicked.args == [money]


def test_clicking_empty_space_opens_nothing(view, qtbot):
    canvas = view.canvas
    with qtbot.assertNotEmitted(canvas.item_activated):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(canvas.width() - 5, 3))


def test_point_on_a_span_wins_and_overlapping_points_get_their_own_row(view):
    canvas = view.canvas
    tops = {round(p.rect.top()) for p in canvas.placed if p.item.pillar == trajectory.CAREER}
    assert len(tops) >= 1
    rects = [p.rect for p in canvas.placed if not p.span]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_zoom_widens_the_canvas_and_keeps_every_item_reachable(view):
    before = view.canvas.width()
    view.zoom(4)
    assert view.canvas.width() > before * 3
    item = view.canvas.timeline.items[10]
    assert view.canvas.item_at(view.canvas.rect_of(item).center()) == item
    view.fit()
    assert view.canvas.width() <= view.viewport().width() + 1


def test_timeline_renders_offscreen(view, tmp_path):
    img = view.canvas.grab().toImage()
    assert img.width() > 500 and img.height() > 150
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 4) for y in range(0, img.height(), 4)}
    assert "#2f6fb0" in colours and "#3a9a5b" in colours  # career and care are drawn in their colours


def test_growth_tab_pages_load_and_the_retention_chart_draws(context, qtbot):
    from talentdesk.ui.growth.tab import GrowthTab

    tab = shown(qtbot, GrowthTab(context), 1200, 800)
    tab.show_timeline(5)
    qtbot.waitUntil(lambda: tab.timeline.view.canvas.timeline is not None, timeout=10000)
    assert tab.timeline.view.canvas.timeline.talent_id == 5
    tab.pages.setCurrentWidget(tab.retention)
    qtbot.waitUntil(lambda: tab.retention.report is not None, timeout=10000)
    assert tab.retention.model.rowCount() > 5
    assert len(tab.retention.chart.series()) == 1 and tab.retention.chart.series()[0].count() == 3
    tab.retention.group.setCurrentIndex(1)
    assert tab.retention.model.rowCount() == len(tab.retention.report.by_tier)
    assert tab.retention.chart_view.grab().width() > 0
    tab.pages.setCurrentWidget(tab.watch)
    qtbot.waitUntil(lambda: tab.watch.model.rowCount() > 0, timeout=10000)
    scores = [r.score for r in tab.watch.rows]
    assert scores == sorted(scores, reverse=True)
    with qtbot.waitSignal(tab.open_requested) as opened:
        tab.watch._open(tab.watch.model.index(0, 1))
    assert opened.args == ["talents", tab.watch.rows[0].talent_id]
    tab.pages.setCurrentWidget(tab.training)
    qtbot.waitUntil(lambda: tab.training.programs.rowCount() > 0, timeout=10000)
    tab.pages.setCurrentWidget(tab.readiness)
    qtbot.waitUntil(lambda: tab.readiness.model.rowCount() > 0, timeout=10000)


def test_add_event_dialog_saves_or_shows_the_reason(context, qtbot):
    from talentdesk.ui.growth.tab import GrowthTab

    tab = GrowthTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_timeline(6)
    qtbot.waitUntil(lambda: tab.timeline.view.canvas.timeline is not None, timeout=10000)
    n = len(tab.timeline.view.canvas.timeline.items)
    dlg = tab.timeline.add_event()
    dlg.kind.setCurrentIndex(dlg.kind.findData("other"))
    dlg.accept()  # no title for an "other" event: refused, dialog stays open with the reason
    qtbot.waitUntil(lambda: dlg.error.isVisibleTo(dlg), timeout=10000)
    assert "title" in dlg.error.text()
    dlg.title.setText("参加县人才座谈会")
    arrival = tab.timeline.view.canvas.timeline.arrival_date
    from PySide6.QtCore import QDate
    on = min(arrival + dt.timedelta(days=30), dt.date.today())
    dlg.date.setDate(QDate(on.year, on.month, on.day))
    dlg.accept()
    qtbot.waitUntil(lambda: tab.timeline.view.canvas.timeline is not None
                    and len(tab.timeline.view.canvas.timeline.items) == n + 1, timeout=10000)
    assert not dlg.isVisible()


def test_clicking_a_pairing_or_payment_asks_its_own_tab_to_open_it(context, qtbot):
    from talentdesk.ui.growth.tab import GrowthTab

    tab = GrowthTab(context)
    qtbot.addWidget(tab)
    tl = make_timeline(3)
    tab.timeline.talent_id = 1
    tab.timeline._on_timeline(tl)
    pairing = next(i for i in tl.items if i.kind == "pairing")
    with qtbot.waitSignal(tab.open_requested) as opened:
        qtbot.mouseClick(tab.timeline.view.canvas, Qt.MouseButton.LeftButton,
                         pos=tab.timeline.view.canvas.rect_of(pairing).center().toPoint())
    assert opened.args == ["pairings", 7]
    assert tab.open_record("instalments", 1) is False
    assert tab.open_record("growth_events", 1) is True and tab.pages.currentWidget() is tab.timeline
    # event 1 is the first talent's arrival: the timeline shows that talent, and no edit dialog opens for it
    qtbot.waitUntil(lambda: tab.timeline.view.canvas.timeline.talent_id != 1 or context.runner.pending() == 0,
                    timeout=10000)
    qtbot.waitUntil(lambda: context.runner.pending() == 0, timeout=10000)
    assert not hasattr(tab.timeline, "event_dialog")


def test_the_picker_and_the_drawn_timeline_are_always_the_same_person(context, qtbot):
    """Typing a query, typing again, pressing Enter and picking another person each draw the person the picker
    shows; 新增事件 opens for that person (issue 22: `zs` showed 张帅 but drew 詹帆)."""
    from sqlalchemy import select

    from talentdesk.domain.models import Talent
    from talentdesk.ui.growth.tab import GrowthTab

    with context.database.session(context.actor) as s:
        names = list(s.scalars(select(Talent.name).where(Talent.status == "active").order_by(Talent.id).limit(40)))
    first, second = names[0], next(n for n in names if n[0] != names[0][0])
    tab = GrowthTab(context)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.timeline

    def same_person() -> bool:
        tl = page.view.canvas.timeline
        return (tl is not None and page.found.currentIndex() >= 0 and context.runner.pending() == 0
                and page.found.currentData() == tl.talent_id == page.talent_id)

    for text in (first[:1], first, second):
        page.search.setText(text)
        qtbot.waitUntil(same_person, timeout=10000)
        assert page.view.canvas.timeline.name in page.found.currentText()
    assert page.view.canvas.timeline.name == second or second in page.found.currentText()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(same_person, timeout=10000)
    page.search.setText(first[:1])
    qtbot.waitUntil(lambda: same_person() and page.found.count() > 1, timeout=10000)
    page.found.setCurrentIndex(page.found.count() - 1)
    picked = page.found.currentData()
    qtbot.waitUntil(lambda: same_person() and page.talent_id == picked, timeout=10000)
    qtbot.waitUntil(page.add_btn.isEnabled, timeout=10000)
    dlg = page.add_event()
    assert dlg.talent_id == picked
    dlg.reject()
