"""The audit view speaks the reader's language: record kinds, field names, stored codes and the program's own
summaries in Chinese, times in local time — never table names, enum values, SQL or JSON (issue 22, item 5)."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from sqlalchemy import insert

from talentdesk.domain import enums as E
from talentdesk.domain.models import AuditEntry, Employer, Talent, Tier
from talentdesk.services.base import Actor, audit_row, record_event
from talentdesk.services.safety import audit, audit_text
from talentdesk.services.safety.audit import AuditQuery
from talentdesk.services.talents import exporter
from tests.support import zh_translators

CODES = {v for enum in (E.Gender, E.TalentStatus, E.Education, E.Degree, E.GrantStatus, E.PaymentStatus,
                        E.AuditAction, E.Role, E.EntryKind, E.AppraisalGrade) for v in (e.value for e in enum)
         if len(v) > 1}
TABLES = {"talents", "employers", "payments", "settings", "ledger_entries", "audit_entries", "users"}


def _ascii_words(text: str) -> set[str]:
    text = re.sub(r"\S+\.(xlsx|csv|pdf|db)\b", "", text)  # file names are data
    return set(re.findall(r"[A-Za-z_]{2,}", text))


@pytest.fixture
def trail(database):
    """A day's trail: an edit, a new employer, a setting, an export, a bulk insert, a refused login, a backup."""
    with database.session(Actor.local()) as s:
        s.add(Tier(code="Z", name="测试类", name_en="Test tier", sort_order=9))
        emp = Employer(name="县人民医院")
        s.add(emp)
        s.flush()
        s.add(Talent(name="张帅", gender="M", id_number="110101199003070011", birth_date=dt.date(1990, 3, 7),
                     education="bachelor", degree="bachelor", tier_code="Z", intro_mode="full_time",
                     employer_id=emp.id, arrival_date=dt.date(2024, 9, 1), service_years=5, status="active"))
    with database.session(Actor.local()) as s:
        t = s.query(Talent).filter_by(name="张帅").one()
        t.education = "master"
        t.phone = "13800000000"
    with database.session(Actor.local()) as s:
        from talentdesk.services.common.settings import set_setting

        set_setting(s, key="risk_threshold", value=35)
        s.execute(insert(Employer.__table__), [{"name": "甲公司"}, {"name": "乙公司"}])
        record_event(s, E.AuditAction.LOGIN_FAILED, table="users", summary="li: wrong password (3)")
        record_event(s, E.AuditAction.BACKUP, summary="daily: talentdesk-20261130.db")
        record_event(s, E.AuditAction.DENIED, summary="save_talent: talent.write")
    with database.session(Actor.local()) as s:
        exporter.export_talents(s, path=database.path.parent / "人才名单.xlsx")
    return database


def _rows(database):
    with database.session(Actor.local(), readonly=True) as s:
        return audit.list_audit(s, query=AuditQuery()).rows


def test_every_entry_reads_in_chinese_with_no_code_table_name_sql_or_json(trail, zh):
    rows = _rows(trail)
    assert len(rows) >= 8
    for r in rows:
        shown = " ".join([r.actor_text, r.action_text, r.table_text, r.summary_text, *r.detail_lines()])
        leaked = _ascii_words(shown) & (CODES | TABLES | {"INSERT", "INTO", "UTC", "bulk", "None", "null", "True"})
        assert not leaked, (r, shown)
        assert "{" not in shown and "INSERT" not in shown, shown
    texts = {r.summary_text for r in rows}
    assert any("学历：大学本科 → 硕士研究生" in t for t in texts), texts
    created = next(r for r in rows if r.action == "insert" and r.table_name == "talents")
    assert "人才类别：测试类" in created.detail_lines()  # the tier's name, not its letter
    assert any(t.startswith("导出 ") and "人才名单.xlsx" in t for t in texts), texts
    assert "li：密码错误（连续 3 次）" in texts
    assert any(t.startswith("每日自动备份：") for t in texts)
    assert any("批量新增记录" in t and "2 行" in t for t in texts), texts
    assert {r.actor_text for r in rows} == {"单用户"}


def test_the_english_reader_gets_english_punctuation_not_chinese(trail):
    rows = _rows(trail)
    changed = next(r for r in rows if r.action == "update" and r.table_name == "talents")
    assert "Education: Bachelor's → Master's" in changed.summary_text
    assert "：" not in changed.summary_text and "；" not in changed.summary_text


def test_times_are_shown_in_local_time_and_date_filters_use_local_days(trail, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        stored = dt.datetime(2026, 11, 29, 20, 30)  # UTC: already the 30th in Beijing
        assert audit_text.local_time_text(stored) == "2026-11-30 04:30:00"
        with trail.session(Actor.local()) as s:
            row = audit_row(Actor.local(), E.AuditAction.EXPORT, summary="payment history: 3 rows to a.xlsx")
            row["at"] = stored
            s.execute(insert(AuditEntry.__table__), [row])
        with trail.session(Actor.local(), readonly=True) as s:
            day = audit.list_audit(s, query=AuditQuery(date_from=dt.date(2026, 11, 30), date_to=dt.date(2026, 11, 30),
                                                       text="payment history")).rows
            before = audit.list_audit(s, query=AuditQuery(date_to=dt.date(2026, 11, 29), text="payment history")).rows
        assert [r.when for r in day] == ["2026-11-30 04:30:00"]
        assert before == []
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_export_is_in_the_readers_language_too(trail, zh, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "日志.xlsx"
    with trail.session(Actor.local()) as s:
        audit.export_audit(s, path=path)
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[:5] == ["序号", "时间", "用户", "操作", "记录类型"]
    cells = " ".join(str(c.value or "") for row in ws.iter_rows(min_row=2) for c in row)
    assert not _ascii_words(cells) & (CODES | TABLES | {"INSERT", "UTC"})


@pytest.fixture
def chinese_ui(qapp):
    with zh_translators():
        yield


def test_the_audit_dialog_shows_no_ascii_code_in_chinese(qtbot, trail, zh, chinese_ui):
    from talentdesk.ui.runner import Runner
    from talentdesk.ui.safety.audit_view import AuditDialog

    class Ctx:
        runner = Runner(trail, lambda: Actor.local())

    try:
        d = AuditDialog(Ctx, None)
        qtbot.addWidget(d)
        qtbot.waitUntil(lambda: d.loaded and Ctx.runner.pending() == 0, timeout=20_000)
        headers = [d.model.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
                   for i in range(d.model.columnCount())]
        assert headers[0] == "时间" and "UTC" not in " ".join(headers)
        cells = []
        for row in range(d.model.rowCount()):
            for col in range(d.model.columnCount()):
                cells.append(str(d.model.index(row, col).data() or ""))
            d.view.selectRow(row)
            cells.append(d.detail.toPlainText())
        kinds = [d.table.itemText(i) for i in range(d.table.count())]
        leaked = _ascii_words(" ".join(cells + kinds)) & (CODES | TABLES | {"INSERT", "UTC", "local"})
        assert not leaked, leaked
    finally:
        Ctx.runner.shutdown()
