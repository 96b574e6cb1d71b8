"""Help inside the program: the guide exists in both languages, opens from the Help menu and F1 at the topic of the
tab in front, follows links between topics, prints to PDF; the About dialog names the database and its last backup."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence

from talentdesk import __version__, i18n
from talentdesk.paths import resources_dir
from talentdesk.ui.help import show_about, show_help
from talentdesk.ui.help.about import last_backup
from talentdesk.ui.help.window import TOPIC_FOR_TAB, HelpWindow, list_topics
from tests.support import main_window

HELP = resources_dir() / "help"
DAILY_TASKS = ["02-register-a-talent.md", "03-record-a-payment.md", "04-print-certificates.md",
               "05-log-a-check-in.md", "06-back-up-and-restore.md"]


def test_the_guide_has_the_same_topics_in_chinese_and_english():
    zh = sorted(p.name for p in (HELP / "zh_CN").glob("*.md"))
    en = sorted(p.name for p in (HELP / "en").glob("*.md"))
    assert zh == en
    assert set(DAILY_TASKS + ["07-warnings.md"]) <= set(zh)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_topic_has_a_title_and_is_written_in_its_language(lang):
    for topic in list_topics(lang):
        text = topic.path.read_text(encoding="utf-8")
        assert text.startswith("# "), topic.path
        assert topic.title == text.splitlines()[0][2:].strip()
        chinese = len(re.findall(r"[\u4e00-\u9fff]", text))
        if lang == "zh_CN":
            assert chinese > 100, f"{topic.path} is not written in Chinese"
        elif topic.path.parent.name == "en":
            assert chinese < len(text) / 50, f"{topic.path} has too much Chinese for the English guide"


def test_links_between_topics_point_at_topics_that_exist():
    names = {p.name for p in (HELP / "en").glob("*.md")}
    for p in HELP.rglob("*.md"):
        for target in re.findall(r"\]\(([^)#]+\.md)\)", p.read_text(encoding="utf-8")):
            assert target in names, f"{p}: link to missing topic {target}"


def test_a_topic_missing_in_chinese_falls_back_to_english(monkeypatch, tmp_path):
    (tmp_path / "help" / "en").mkdir(parents=True)
    (tmp_path / "help" / "zh_CN").mkdir(parents=True)
    (tmp_path / "help" / "en" / "01-a.md").write_text("# One\n", encoding="utf-8")
    (tmp_path / "help" / "en" / "02-b.md").write_text("# Two\n", encoding="utf-8")
    (tmp_path / "help" / "zh_CN" / "01-a.md").write_text("# 第一\n", encoding="utf-8")
    monkeypatch.setattr("talentdesk.ui.help.window.resources_dir", lambda: tmp_path)
    assert [(t.name, t.title) for t in list_topics("zh_CN")] == [("01-a.md", "第一"), ("02-b.md", "Two")]


@pytest.fixture
def window(qtbot, database, tmp_path):
    with main_window(qtbot, database, tmp_path, lang=None) as w:
        yield w


def test_f1_opens_the_guide_at_the_topic_of_the_tab_in_front(qtbot, window):
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.guide_action in window.help_menu.actions()
    window.tabs.setCurrentWidget(window.overview)
    window.guide_action.trigger()
    guide = window._help_window
    assert guide.isVisible()
    assert guide.current_topic().name == "07-warnings.md"
    assert "What the warnings mean" in guide.browser.toPlainText()
    window.tabs.setCurrentWidget(window.ledger)
    window.guide_action.trigger()
    assert window._help_window is guide  # one window, brought to the front
    expected = next(n for n in TOPIC_FOR_TAB["LedgerTab"] if (HELP / "en" / n).exists())
    assert guide.current_topic().name == expected


def test_the_guide_is_in_the_interface_language(qtbot, window):
    i18n.set_language("zh_CN")
    try:
        guide = HelpWindow(window)
        qtbot.addWidget(guide)
        assert guide.topics[0].title == "开始使用"
        assert "人才档案" in guide.browser.toPlainText()
    finally:
        i18n.set_language("en")


def test_a_link_to_another_topic_opens_it(qtbot, window):
    guide = show_help(window, "01-getting-started.md")
    guide._follow(QUrl("07-warnings.md"))
    assert guide.current_topic().name == "07-warnings.md"
    guide._follow(QUrl("no-such-topic.md"))
    assert guide.current_topic().name == "07-warnings.md"


def test_find_moves_to_the_text(qtbot, window):
    guide = show_help(window, "07-warnings.md")
    guide.find.setText("network share")
    guide._find_next()
    assert guide.browser.textCursor().selectedText().lower() == "network share"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_guide_saves_as_a_pdf_with_the_chinese_text_embedded(qtbot, window, tmp_path):
    i18n.set_language("zh_CN")
    try:
        guide = HelpWindow(window)
        qtbot.addWidget(guide)
        guide.show_topic("03-record-a-payment.md")
        one = guide.save_pdf(str(tmp_path / "topic"))
        guide.whole.setChecked(True)
        whole = guide.save_pdf(str(tmp_path / "guide.pdf"))
    finally:
        i18n.set_language("en")
    assert one == tmp_path / "topic.pdf"
    text = subprocess.run(["pdftotext", str(one), "-"], capture_output=True, text=True, check=True).stdout
    assert "记录补贴发放" in text and "已登记" in text
    fonts = subprocess.run(["pdffonts", str(one)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:]), fonts  # every font embedded
    pages = lambda p: int(re.search(r"Pages:\s+(\d+)",  # noqa: E731
                                    subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True).stdout)[1])
    assert pages(whole) > pages(one)


# ------------------------------------------------------------------ About

def test_last_backup_is_the_newest_finished_file_beside_the_database(tmp_path):
    db = tmp_path / "talentdesk.db"
    db.write_bytes(b"")
    assert last_backup(db) is None
    backups = tmp_path / "backups"
    backups.mkdir()
    old, new, partial = (backups / n for n in ("a-old.db", "b-new.db", "c-newest.db.part"))
    for i, p in enumerate((old, new, partial)):
        p.write_bytes(b"x")
        t = time.time() - 1000 + i * 100
        os.utime(p, (t, t))
    (backups / "notes.txt").write_text("not a backup")
    assert last_backup(db).path == new


def test_about_names_version_database_and_last_backup(qtbot, window):
    dialog = show_about(window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.backup_label)))
    assert __version__ in texts
    assert dialog.database_label.text() == str(window.context.database.path)
    assert dialog.backup_label.text() == "No backup yet"


def test_about_shows_the_backup_made_before_a_migration(qtbot, tmp_path):
    """An upgraded database was backed up first; About shows that backup's time and file name."""
    from talentdesk.ui.help.about import AboutDialog

    db = tmp_path / "talentdesk.db"
    db.write_bytes(b"")
    (tmp_path / "backups").mkdir()
    backup = tmp_path / "backups" / "talentdesk-20261123-101500-000000-pre-migrate-0001.db"
    backup.write_bytes(b"x")
    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    assert backup.name in dialog.backup_label.text()
    assert dialog.backup_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_every_topic_renders_without_stray_markdown_marks(qtbot):
    """CommonMark does not close **bold** between CJK punctuation and a following character (**打印凭证…**为 …);
    such a topic shows the asterisks to the clerk."""
    from PySide6.QtGui import QTextDocument

    for p in sorted(HELP.rglob("*.md")):
        doc = QTextDocument()
        doc.setMarkdown(p.read_text(encoding="utf-8"))
        stray = [line for line in doc.toPlainText().splitlines() if "**" in line or "__" in line]
        assert not stray, f"{p}: {stray}"
