"""Windows and dialogs fit a 1366×768 laptop screen at 150 % with the taskbar (about 910×485 logical pixels), and
file dialogs start in Documents or the folder used last — never the program's install folder."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from talentdesk.paths import bundle_root
from talentdesk.ui.common import file_dialogs, screen

ROOT = bundle_root()
SMALL_SCREEN = {"windowFrameMargins": True, "screens": [{
    "name": "laptop-150", "x": 0, "y": 0, "width": 1366, "height": 728,  # 768 less a 40-pixel taskbar
    "logicalDpi": 144, "logicalBaseDpi": 96, "dpr": 1.0}]}


def test_every_window_and_dialog_fits_a_small_screen(tmp_path, _demo_template):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SMALL_SCREEN), encoding="utf-8")
    db = tmp_path / "demo.db"
    db.write_bytes(Path(_demo_template).read_bytes())
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", TALENTDESK_HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "small_screen_probe.py"), str(db),
                           str(tmp_path / "s.ini")], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(rows) >= 15 and rows[0]["name"] == "MainWindow"
    ax, ay, aw, ah = rows[0]["area"]
    assert aw <= 911 and ah <= 485, "the probe really ran on the small screen"
    too_big = []
    for r in rows:
        assert not r["error"], r
        x, y, w, h = r["frame"]
        if x < ax or y < ay or x + w > ax + aw or y + h > ay + ah or r["min"][0] > aw or r["min"][1] > ah:
            too_big.append(r)
    assert not too_big, too_big


def test_a_window_larger_than_its_screen_is_shrunk_and_moved_inside(qtbot, monkeypatch):
    monkeypatch.setattr(screen, "available_area", lambda _w=None: QRect(0, 0, 910, 485))
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(1280, 800)  # a geometry saved on a bigger monitor
    w.move(300, 200)
    screen.keep_on_screen(w)
    f = w.frameGeometry()
    assert f.width() <= 910 and f.height() <= 485 and f.x() >= 0 and f.y() >= 0
    assert f.x() + f.width() <= 910 and f.y() + f.height() <= 485
    screen.fit_to_screen(w, 1280, 800)
    assert w.width() <= 910 and w.height() <= 485


def test_no_window_asks_for_a_fixed_size_directly():
    """Every top-level size goes through fit_to_screen, which caps it by the screen."""
    offenders = []
    for path in (ROOT / "talentdesk" / "ui").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bself\.(resize|setFixedSize|setMinimumSize)\(\s*\d{3,}", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, offenders


@pytest.fixture
def dialog_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(file_dialogs, "_settings",
                        lambda: QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_file_dialogs_start_in_documents_then_in_the_folder_used_last(qapp, tmp_path, monkeypatch, dialog_settings):
    asked = []
    chosen = tmp_path / "财务科" / "人才名单.xlsx"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (asked.append(a[2]), (str(chosen), a[3]))[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (asked.append(a[2]), ("", ""))[1])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first_start = documents if documents and Path(documents).is_dir() else str(Path.home())

    file_dialogs.save_file_name(None, "导出", "人才名单.xlsx", "Excel (*.xlsx)")
    assert Path(asked[0]) == Path(first_start) / "人才名单.xlsx"
    assert Path(asked[0]).parent != Path.cwd() or Path.cwd() == Path(first_start)

    file_dialogs.open_file_name(None, "打开", "Excel (*.xlsx)")
    assert Path(asked[1]) == chosen.parent, "the next dialog starts where the last file went"
    file_dialogs.open_file_name(None, "打开", "Excel (*.xlsx)")  # cancelled: the folder stays
    assert Path(asked[2]) == chosen.parent


def test_every_file_dialog_in_the_window_goes_through_the_helpers():
    direct = []
    for path in (ROOT / "talentdesk" / "ui").rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        text = path.read_text(encoding="utf-8")
        direct += [f"{path.relative_to(ROOT)}: {m}" for m in re.findall(r"QFileDialog\.get(?:Save|Open)FileNames?", text)]
    assert not direct, direct
