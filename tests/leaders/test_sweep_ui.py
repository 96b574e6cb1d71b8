"""The sweep page lists candidates with what is missing, drafts them in one action, and the overview counts them."""
from __future__ import annotations

from talentdesk.services.growth import overview
from tests.conftest import TODAY
from tests.support import shown


def test_sweep_page_lists_drafts_and_edits_rules(context, qtbot):
    from talentdesk.ui.ledger.sweep_page import SweepPage

    page = shown(qtbot, SweepPage(context), 1366, 700)
    page.refresh()
    qtbot.waitUntil(lambda: page.result is not None, timeout=15000)
    total = len(page.result.candidates)
    assert total > 0 and page.model.rowCount() == total
    pid = next(pid for pid, n in page.result.by_policy.items() if n)
    page.policy.setCurrentIndex(page.policy.findData(pid))
    n = page.result.by_policy[pid]
    assert page.model.rowCount() == n
    assert str(n) in page.summary.text()
    page.draft_all()
    qtbot.waitUntil(lambda: "Drafted" in page.status.text(), timeout=15000)
    page.refresh()
    qtbot.waitUntil(lambda: page.drafts.rowCount() == n, timeout=15000)
    assert page.result.by_policy.get(pid, 0) == 0  # drafted talents are not listed again
    page.edit_rules()
    qtbot.waitUntil(lambda: getattr(page, "rules_dialog", None) is not None, timeout=10000)
    dlg = page.rules_dialog
    dlg.arrival_from.setText("2030-01-01")
    dlg.arrival_to.setText("2020-01-01")
    dlg._save()
    qtbot.waitUntil(lambda: "cannot end before" in dlg.message.text(), timeout=10000)
    dlg.arrival_from.setText("2019年7月1日")  # the office's own way of writing a date
    dlg.arrival_to.setText("")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg._save()


def test_overview_lists_entitlements(demo_db, local):
    with demo_db.session(local, readonly=True) as s:
        items = overview.attention_items(s, today=TODAY)
    found = [i for i in items if i.category == "entitlement"]
    assert found and all(i.record_table == "talents" for i in found)
    assert overview.category_label("entitlement") == "Qualifies for a subsidy not yet granted"


def test_simulator_page_shows_both_scenarios_and_exports(context, qtbot, tmp_path):
    from talentdesk.ui.ledger.simulator_page import SimulatorPage

    page = shown(qtbot, SimulatorPage(context), 1366, 700)
    page.refresh()
    qtbot.waitUntil(lambda: page.sim is not None, timeout=20000)
    assert page.model.rowCount() == 5
    assert page.sim.current.total_fen == page.sim.simulated.total_fen
    page.scale.setValue(150)
    page.run()
    qtbot.waitUntil(lambda: page.sim.changes == {"amount_scale": "150%"}, timeout=20000)
    assert page.sim.simulated.total_fen != page.sim.current.total_fen
    assert len(page.chart.series()) == 1 and page.chart.series()[0].count() == 3
    target = tmp_path / "sim.pdf"
    page.save(str(target))
    qtbot.waitUntil(lambda: target.exists() and "Saved" in page.status.text(), timeout=20000)
