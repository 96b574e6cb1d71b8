"""Every long action ends with a visible result (issue 22: import, yearly report and agreement PDFs finished
silently; the status bar's last backup was not updated by the backup before an import)."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from talentdesk.services.base import Change
from talentdesk.services.talents import importer
from tests.talents.helpers import make_id, write_csv
from tests.support import main_window


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    with main_window(qtbot, demo_db, tmp_path) as w:
        yield w


def _boxes(w) -> list[QMessageBox]:
    return [b for b in w.findChildren(QMessageBox) if b.isVisible()]


def test_the_yearly_report_ends_with_a_message_naming_the_file(qtbot, window, tmp_path):
    page = window.growth.retention
    window.tabs.setCurrentWidget(window.growth)
    window.growth.pages.setCurrentWidget(page)
    out = tmp_path / "report.pdf"
    page.save_pdf(str(out), 2025)
    qtbot.waitUntil(lambda: bool(_boxes(window)), timeout=30000)
    box = _boxes(window)[0]
    assert str(out) in box.informativeText() and out.exists()
    assert any(b.text() == "Open folder" for b in box.buttons())


def test_a_saved_agreement_ends_with_a_message_naming_the_file(qtbot, window, demo_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    with sqlite3.connect(demo_db.path) as c:
        (pid,) = c.execute("SELECT id FROM pairings WHERE end_date IS NULL LIMIT 1").fetchone()
    out = tmp_path / "agreement.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.mentors.save_agreement(pid)
    qtbot.waitUntil(lambda: bool(_boxes(window)), timeout=30000)
    assert str(out) in _boxes(window)[0].informativeText() and out.exists()


def test_an_import_says_what_it_did_and_refreshes_the_last_backup(qtbot, window, tmp_path):
    assert Change.BACKUPS in importer.import_talents.changes  # the status bar listens for it
    path = write_csv(tmp_path / "new.csv", [["姓名", "身份证号", "人才类别", "到岗日期", "工作单位"],
                                           ["导入甲", make_id(seq=901), "C", "2023-07-01", "县人民医院"]])
    seen: list[frozenset] = []
    window.context.runner.data_changed.connect(seen.append)
    dlg = window.talents.open_import()
    qtbot.addWidget(dlg)
    dlg.load_file(str(path))
    qtbot.waitUntil(lambda: dlg.result is not None and dlg.import_button.isEnabled(), timeout=15000)
    dlg.run_import()
    qtbot.waitUntil(lambda: bool(_boxes(window)), timeout=30000)
    assert "Imported 1 talents" in _boxes(window)[0].text() and "backed up" in _boxes(window)[0].text()
    assert any(Change.BACKUPS in kinds for kinds in seen)
