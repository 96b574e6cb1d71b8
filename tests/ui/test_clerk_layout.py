"""Layout habits of a clerk's day (issue 22, item 10): what matters on a card comes first, an empty timeline fills
its view, the user guide opens wholly on the screen, message boxes show their whole title, and a certificate has
one serial label and no command for the recipient to run."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from talentdesk.i18n import set_language
from talentdesk.services.mentors.board import BoardCard
from talentdesk.ui.common import screen
from tests.support import shown


def _card(**over):
    base = dict(talent_id=1, talent_name="许杨", employer_name="县农业农村局", tier_code="E", mentor_id=3,
                months_paired=7, last_checkin_date=dt.date(2026, 8, 13), overdue=True, tier_name="青年人才")
    base.update(over)
    return BoardCard(**base)


def test_an_overdue_card_says_the_days_first_so_a_narrow_card_never_cuts_them(qtbot):
    from talentdesk.ui.mentors.board import MentorBoard

    board = MentorBoard()
    qtbot.addWidget(board)
    board.today = dt.date(2026, 11, 30)
    assert board.checkin_line(_card()).startswith("109 days without a check-in")
    assert board.checkin_line(_card(overdue=False)).startswith("Last check-in 2026-08-13")
    assert board.checkin_line(_card(last_checkin_date=None)) == "Overdue · No check-in yet"


def test_the_empty_timeline_fills_its_view_and_wraps_its_message(qtbot):
    from talentdesk.ui.growth.timeline import TimelineView

    view = shown(qtbot, TimelineView(), 900, 500)
    view.set_timeline(None)
    qtbot.waitUntil(lambda: view.canvas.size() == view.viewport().size(), timeout=3000)
    view.resize(600, 400)
    qtbot.waitUntil(lambda: view.canvas.size() == view.viewport().size(), timeout=3000)


def test_the_user_guide_opens_in_the_middle_of_the_screen_wholly_on_it(qtbot, monkeypatch):
    from talentdesk.ui.help import show_help

    area = QRect(0, 0, 1920, 1040)
    monkeypatch.setattr(screen, "available_area", lambda _w=None: area)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.move(700, 300)  # the program itself far to the right and low
    guide = show_help(window)
    qtbot.addWidget(guide)
    frame = guide.frameGeometry()
    assert area.contains(frame), (frame, area)
    assert abs(frame.center().x() - area.center().x()) <= 20


def test_a_message_box_is_wide_enough_for_its_whole_title(qtbot):
    screen.install_screen_fit(QApplication.instance())
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setWindowTitle("TalentDesk – 导入人才名单：第 3 行的用人单位需要确认")
    box.setText("好")
    box.show()
    qtbot.waitUntil(box.isVisible, timeout=3000)
    title = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar")).horizontalAdvance(box.windowTitle())
    assert box.width() >= title + 100


def test_a_certificate_has_one_serial_label_and_tells_no_one_to_run_a_command():
    from talentdesk.reports.certificate import _Labels

    labels = {}
    for lang in ("zh_CN", "en"):
        set_language(lang)
        try:
            labels[lang] = _Labels()
        finally:
            set_language("en")
        lb = labels[lang]
        assert "talentdesk" not in lb.footer.lower() and "verify" not in lb.footer.lower()
    # the certificate's own number is the one serial; the other number is the finance office's accounting voucher
    assert labels["zh_CN"].serial == "凭证编号" and labels["zh_CN"].voucher == "记账凭证号"
    assert labels["en"].voucher == "Accounting voucher" and "No." not in labels["en"].voucher


def test_filter_boxes_go_to_a_second_row_instead_of_being_cut(qtbot, monkeypatch):
    from PySide6.QtWidgets import QComboBox

    monkeypatch.setattr(screen, "available_area", lambda _w=None: QRect(0, 0, 1920, 1040))

    from talentdesk.ui.common.widgets import FilterRow

    boxes = []
    for text in ("All statuses", "All tiers", "All employers", "All education", "Any arrival year",
                 "Any commitment end"):
        box = QComboBox()
        box.addItem(text)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        boxes.append(box)
    row = shown(qtbot, FilterRow(boxes), 1340, 40)
    qtbot.waitUntil(lambda: row.columns == 6, timeout=3000)
    row.resize(880, 80)
    qtbot.waitUntil(lambda: row.columns == 3, timeout=3000)  # two even rows of three
    qtbot.wait(50)
    for box in boxes:
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.currentText()) + 20, box.currentText()


def test_the_file_dialog_speaks_chinese_where_qts_own_catalogue_is_silent(qtbot):
    import re

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel

    from talentdesk.app import install_translators

    app = QCoreApplication.instance()
    installed = install_translators(app, "zh_CN")
    try:
        dialog = QFileDialog(None, "保存", ".", "Excel (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
        assert labels and all(not re.search(r"[A-Za-z]{3,}", t) for t in labels), labels
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
        set_language("en")
