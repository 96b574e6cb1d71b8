"""Collect every text a person can see in a widget tree (labels, buttons, menus, headers, placeholders, tool tips,
tab titles, combo items, window titles) and judge it for the language checks of test_translations.py."""
from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu, QTableView, QTabWidget, QTextEdit,
    QTreeView, QWidget, QWizard, QWizardPage,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
HTML_TAG = re.compile(r"<[^>]+>")
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
PATHLIKE = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s，。：；（）()]*|\S+\.(?:db|md|png|pdf|xlsx|csv|ts|qm)\b")
VERSION = re.compile(r"\b\d+(?:\.\d+)+\w*\b")

# Latin words a Chinese interface keeps: the product's name, formats and abbreviations clerks use as they are
ALLOWED_LATIN_IN_CHINESE = {
    "TalentDesk", "Excel", "PDF", "CSV", "xlsx", "csv", "pdf", "ID", "QR", "USB", "USCC", "SQLite", "Ctrl", "Shift",
    "Alt", "Python", "PySide", "Qt", "Windows", "admin", "TD", "Esc", "Tab", "PostgreSQL", "TLS",
    "zs", "zhangsan",  # pinyin search examples (输入 zs 找到 张三) are meant to be typed as they are
}


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible string under `root` (root included)."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text and text.strip():
            out.append((where, text))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if w.isWindow():
            add(f"{name}.windowTitle", w.windowTitle())
        add(f"{name}.toolTip", w.toolTip())
        if isinstance(w, QLabel):
            add(f"QLabel", HTML_TAG.sub(" ", w.text()))
        elif isinstance(w, QAbstractButton):
            add(f"{name}.text", w.text())
        elif isinstance(w, QGroupBox):
            add("QGroupBox.title", w.title())
        elif isinstance(w, QLineEdit):
            add("QLineEdit.placeholder", w.placeholderText())
        elif isinstance(w, QTextEdit):
            add(f"{name}.placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add("QComboBox.item", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add("QTabWidget.tab", w.tabText(i))
                add("QTabWidget.tabToolTip", w.tabToolTip(i))
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            if not header.isHidden():
                model = w.model()
                for section in range(model.columnCount(QModelIndex())):
                    add(f"{name}.header", str(model.headerData(section, Qt.Orientation.Horizontal,
                                                               Qt.ItemDataRole.DisplayRole) or ""))
        elif isinstance(w, QWizardPage):
            add("QWizardPage.title", w.title())
            add("QWizardPage.subTitle", w.subTitle())
        elif isinstance(w, QWizard):
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                          QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
                add("QWizard.button", w.buttonText(which))
        if isinstance(w, QMenu):
            add("QMenu.title", w.title())
        for action in w.actions():
            add(f"{name}.action", action.text())
            add(f"{name}.actionToolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "")
                else "")
            if action.menu() is not None:
                add("QMenu.title", action.menu().title())
                for sub in action.menu().actions():
                    add("QMenu.action", sub.text())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add("menuBar", action.text())
            if action.menu() is not None:
                for sub in action.menu().actions():
                    add("menu", sub.text())
        add("statusBar", root.statusBar().currentMessage())
    return out


def _clean(text: str) -> str:
    text = MNEMONIC.sub("", text)
    text = PATHLIKE.sub(" ", text)
    return VERSION.sub(" ", text)


def chinese_left_in_english(texts: list[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    """Texts of an English interface that still contain Chinese, other than data (names, the office's settings)."""
    bad = []
    for where, text in texts:
        rest = text
        for d in sorted(data, key=len, reverse=True):
            if d and d in rest:
                rest = rest.replace(d, " ")
        if CJK.search(_clean(rest)):
            bad.append((where, text))
    return bad


def english_left_in_chinese(texts: list[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    """Texts of a Chinese interface with English words other than proper names, abbreviations and data."""
    allowed = ALLOWED_LATIN_IN_CHINESE | {w for d in data for w in LATIN_WORD.findall(d)}
    bad = []
    for where, text in texts:
        words = [w for w in LATIN_WORD.findall(_clean(text)) if w not in allowed]
        if words:
            bad.append((where, text))
    return bad
