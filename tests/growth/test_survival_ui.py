"""The "Why people leave" page draws the curves and bands, and the departure dialog insists on a coded reason."""
from __future__ import annotations

from PySide6.QtCharts import QAreaSeries, QLineSeries

from talentdesk.domain.models import Talent
from talentdesk.services.talents import departure, records


def test_survival_page_draws_a_curve_and_band_per_group(context, qtbot, tmp_path):
    from talentdesk.ui.growth.tab import GrowthTab

    tab = GrowthTab(context)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    page = tab.survival
    tab.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.report is not None and page.leavers_model.rowCount() > 0, timeout=15000)
    page.report = None
    page.by.setCurrentIndex(page.by.findData("tier"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.by == "tier", timeout=15000)
    n = len(page.report.groups)
    lines = [s for s in page.chart.series() if isinstance(s, QLineSeries)]
    bands = [s for s in page.chart.series() if isinstance(s, QAreaSeries)]
    assert len(lines) == n and len(bands) == n and page.model.rowCount() == n
    assert "Log-rank" in page.test.text()
    page.bands.setChecked(False)
    assert not [s for s in page.chart.series() if isinstance(s, QAreaSeries)]
    assert page.chart_view.grab().width() > 300  # drawn, not collapsed (the screen may cap the tab)
    target = tmp_path / "curves.xlsx"
    page.save_xlsx(str(target))
    qtbot.waitUntil(lambda: target.exists() and "Saved" in page.status.text(), timeout=15000)


def test_departure_dialog_needs_a_coded_reason(context, qtbot, demo_db, local):
    from talentdesk.ui.talents.departure import DepartureDialog

    with demo_db.session(local, readonly=True) as s:
        tid = s.query(Talent.id).filter(Talent.status == "active").order_by(Talent.id).first()[0]
        detail = records.get_talent(s, talent_id=tid)
    dlg = DepartureDialog(context, detail)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.exit_reason.count() > 5, timeout=10000)
    dlg._submit()
    assert "reason" in dlg.message.text()
    dlg.exit_reason.setCurrentIndex(dlg.exit_reason.findText("Pay and benefits"))
    dlg.reason.setText("待遇低于外县")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg._submit()
    with demo_db.session(local, readonly=True) as s:
        t = s.get(Talent, tid)
        assert (t.status, t.departure_reason) == ("departed", "待遇低于外县") and t.exit_reason_id == 2
