"""The language check extended to data labels (issue 22, item 5): every page of the window is visited in Chinese
and the cells of its tables read — a stored code (active, bachelor, excellent, admin …), a bare tier letter where a
tier's name belongs, or an English list ("Excellent, Excellent") must never reach a Chinese reader."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QTableView, QTabWidget

from talentdesk import i18n
from talentdesk.domain import enums as E
from tests.support import zh_translators

CODES = {e.value for enum in (E.Gender, E.TalentStatus, E.Education, E.Degree, E.IntroMode, E.PolicyKind,
                               E.PolicyLevel, E.InstalmentMode, E.ClawbackRule, E.GrantStatus, E.EntryKind,
                               E.PaymentStatus, E.PaymentMethod, E.CheckInMode, E.CareKind, E.CaseStatus,
                               E.GrowthKind, E.AppraisalGrade, E.EnrolmentStatus, E.AuditAction)
         for e in enum if len(e.value) > 2}
ENGLISH_LABELS = {"Excellent", "Competent", "Active", "Departed", "Bachelor", "Master", "Doctorate", "Administrator",
                  "Young talent", "Core talent", "Leading talent", "any tier", "any education",
                  "local", "system"}  # the built-in actors: 单用户 and TalentDesk (automatic), not their codes


@pytest.fixture
def chinese(qapp):
    i18n.set_language("zh_CN")
    with zh_translators():
        yield
    i18n.set_language("en")


def _cells(view: QTableView, rows: int = 40) -> list[tuple[str, str]]:
    model = view.model()
    out = []
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
               for c in range(model.columnCount(QModelIndex()))]
    for r in range(min(rows, model.rowCount(QModelIndex()))):
        for c, header in enumerate(headers):
            value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and value.strip():
                out.append((header, value))
    return out


def test_no_stored_code_or_english_label_in_the_tables_of_the_chinese_window(qtbot, demo_db, tmp_path, chinese):
    from talentdesk.app import open_main_window

    window = open_main_window(demo_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 740)
    window.show()
    runner = window.context.runner
    seen: list[tuple[str, str, str]] = []
    pages = 0
    try:
        for tab in window.all_tabs:
            window.tabs.setCurrentWidget(tab)
            qtbot.waitUntil(lambda: tab.loaded, timeout=30_000)
            inner = [w for w in tab.findChildren(QTabWidget)]
            targets = [(None, 0)] + [(w, i) for w in inner for i in range(w.count())]
            for widget, index in targets:
                if widget is not None:
                    widget.setCurrentIndex(index)
                qtbot.waitUntil(lambda: runner.pending() == 0, timeout=60_000)
                pages += 1
                where = tab.title() + ("/" + widget.tabText(index) if widget is not None else "")
                for view in tab.findChildren(QTableView):
                    if view.isVisible():
                        seen += [(where, h, v) for h, v in _cells(view)]
    finally:
        runner.shutdown()
        window.close()
        window.deleteLater()  # gone before the next test: its pages' timers must not outlive it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    assert pages >= 8 and len(seen) > 500  # the walk really read the pages' tables
    words = re.compile(r"[A-Za-z_]{3,}")
    bad = [(w, h, v) for w, h, v in seen if set(words.findall(v)) & CODES
           or any(label in v for label in ENGLISH_LABELS)]
    assert not bad, sorted(set(bad))[:30]
    tier_cells = [(w, v) for w, h, v in seen if h in ("人才类别", "类别") and re.fullmatch(r"[A-Z]", v.strip())]
    assert not tier_cells, tier_cells[:10]  # a tier's name, not its letter


def test_a_batch_made_in_single_user_mode_shows_its_maker_as_single_user(qtbot, database, tmp_path):
    """The batch page's "Made by" of a batch made without accounts reads 单用户, never the stored code `local` (the walk
    above cannot fail on this: the demo data has no batch)."""
    import datetime as dt

    from sqlalchemy import select

    from talentdesk.domain.models import PaymentBatch
    from talentdesk.services.base import Actor
    from talentdesk.services.payments import batches, verification
    from tests.payments.helpers import build
    from tests.support import main_window

    build(database, with_accounts=False)
    with database.session(Actor.local()) as s:
        verification.confirm_in_post(s, due_by=dt.date(2026, 11, 30), on=dt.date(2026, 11, 2))
        batches.create_batch(s, due_by=dt.date(2026, 11, 30), today=dt.date(2026, 11, 2))
    with database.session(Actor.local(), readonly=True) as s:
        assert s.scalars(select(PaymentBatch.created_by)).all() == ["local"]  # what is stored
    with main_window(qtbot, database, tmp_path, lang="zh_CN", size=(1366, 768), tab="ledger") as w:
        page = w.ledger.batches
        w.ledger.pages.setCurrentWidget(page)
        page.refresh()
        qtbot.waitUntil(lambda: page.loaded and page.batch_model.rowCount() == 1, timeout=15000)
        cells = dict(_cells(page.batch_view))
        made_by = page.tr("Made by")
        assert made_by != "Made by"  # the window really is in Chinese
        assert cells[made_by] == "单用户", cells
        assert "local" not in cells.values()
