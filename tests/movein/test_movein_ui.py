"""The payment-history wizard and the reconciliation page in the window (offscreen): the preview shows what each
row becomes and every refused row with its Excel row number; importing the valid rows updates the reconciliation.
Set TALENTDESK_SCREENSHOTS=folder to save the screenshots used in docs/screenshots/movein/."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from talentdesk.domain.models import Talent
from talentdesk.ui.wizard.movein import MoveInGuide
from tests.movein.history_gen import history, setup
from tests.support import SHOT_LANG, main_window, shot

@pytest.fixture
def moved(database, local, tmp_path):
    """120 people, their policies, and a history file with five contradicting rows added at the end."""
    with database.session(local) as s:
        people = setup(s, talents=120, seed=3)
    path = tmp_path / "发放台账.xlsx"
    written = history(people, path, seed=3)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.delete_rows(ws.max_row - 1, 2)  # the totals row and the note under it go below the added rows again
    p0, p1 = people[0], people[1]
    ws.append([None, p0["name"], p0["id_number"], "安家补贴", None, "1/3", "1万", "2026-01-05", "记-X1", None])
    ws.append([None, "王小二", p1["id_number"], "安家补贴", None, None, "15000", "2026-02-05", "记-X2", None])
    ws.append([None, p1["name"], p1["id_number"][:-4] + "0000", "安家补贴", None, None, 15000, "2026-02-06", "记-X3",
               None])
    ws.append([None, p1["name"], p1["id_number"], "人才安家补帖", None, None, "1.5万元", "2026-02-07", "记-X4", None])
    ws.append([None, p1["name"], p1["id_number"], "租房补贴", None, None, "￥1,000",
               (p1["arrival_date"] - dt.timedelta(days=30)).isoformat(), "记-X5", None])
    ws.append(["合计"])
    wb.save(path)
    return path, written


@pytest.fixture
def window(qtbot, database, tmp_path):
    with main_window(qtbot, database, tmp_path, lang=SHOT_LANG, size=(1366, 768), tab="ledger") as w:
        yield w


def idle(qtbot, w):
    qtbot.waitUntil(lambda: w.context.runner.pending() == 0, timeout=30000)


def test_wizard_previews_refusals_imports_the_valid_rows_and_the_reconciliation_follows(qtbot, window, moved,
                                                                                       monkeypatch):
    from talentdesk.ui.ledger.movein import PaymentImportDialog

    path, written = moved
    dialog = PaymentImportDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    result = dialog.result
    assert result.valid_rows == written.rows + written.back_rows
    assert len({r.row for r in result.rejected}) == 5
    refused = {r.row for r in dialog.rejected_model.rows}
    first_bad = written.rows + written.back_rows + 4  # title, 填报单位 and header rows come first
    assert refused == set(range(first_bad, first_bad + 5))
    assert len({ln.row for ln in dialog.preview_model.rows}) == written.rows + written.back_rows  # a refund may add its clawback
    assert not dialog.import_button.isEnabled()  # all or nothing until the clerk chooses to skip
    assert "5" in dialog.summary.text()
    shot(dialog, "payment-import-preview.png")
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result is not None and dialog.result.imported > 0, timeout=30000)
    assert dialog.result.imported == written.rows + written.back_rows
    ledger = window.ledger
    ledger.pages.setCurrentWidget(ledger.reconcile)
    idle(qtbot, window)
    page = ledger.reconcile
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=15000)
    assert sum(r.paid_fen for r in page.model.rows) == written.total_fen
    assert str(written.rows) in page.totals.text()
    shot(window, "reconciliation-page.png")
    page.year.setCurrentIndex(page.year.findData(2025))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: all(r.year == 2025 for r in page.model.rows), timeout=15000)
    assert sum(r.paid_fen for r in page.model.rows) == sum(
        v[1] for (p, y), v in written.by_policy_year.items() if y == 2025)


def test_the_care_import_previews_each_case_and_imports_hidden_rows_only_when_ticked(qtbot, window, database, local,
                                                                                     tmp_path, monkeypatch):
    from talentdesk.domain.models import CareCase
    from tests.ledger.helpers import add_talent

    with database.session(local) as s:
        ids = [s.get(Talent, add_talent(s, name=n, arrival=dt.date(2023, 3, 1))).id_number for n in ("张三", "李四")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["人才公寓入住台账"])
    ws.append(["姓名", "身份证号", "服务类型", "公寓", "房号", "入住日期", "状态"])
    ws.append(["张三", ids[0], "人才公寓", "城东人才公寓", "2-301", "2023-03-05", "在住"])
    ws.append(["李四", ids[1], "人才公寓", "城东人才公寓", "2-302", "2023-03-06", "在住"])
    ws.row_dimensions[4].hidden = True
    wb.save(tmp_path / "公寓.xlsx")
    guide = MoveInGuide(window.context, window)
    qtbot.addWidget(guide)
    dialog = guide.import_dialog("care")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(tmp_path / "公寓.xlsx"))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    assert dialog.result.hidden_rows == [4] and dialog.include_hidden.isVisible()
    assert [r.row for r in dialog.preview_model.rows] == [3] and "4" in dialog.summary.text()
    assert dialog.preview_model.data(dialog.preview_model.index(0, 4)) == "城东人才公寓"
    dialog.include_hidden.setChecked(True)  # checks again, now with the hidden row
    qtbot.waitUntil(lambda: dialog.result is not None and dialog.preview_model.rowCount() == 2, timeout=30000)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result is not None and dialog.result.imported > 0, timeout=30000)
    assert dialog.result.imported == 2
    with database.session(local, readonly=True) as s:
        assert sorted(c.room for c in s.query(CareCase)) == ["2-301", "2-302"]
