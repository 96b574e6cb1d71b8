"""The built-in user guide: Markdown topics from `resources/help/<lang>/`, shown in a QTextBrowser, printable and
savable as PDF. One window per main window; F1 opens it on the topic for the tab in front."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QTextBrowser, QToolBar,
    QWidget,
)

from talentdesk import i18n
from talentdesk.paths import resources_dir
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.style import help_style

# which topic F1 opens for each tab (tab class name → topic file names, the first that exists wins): the tab's own
# reference topic written with the tab, else the daily-task topic of this guide; other tabs open the first topic
TOPIC_FOR_TAB = {
    "OverviewTab": ["07-warnings.md"],
    "TalentsTab": ["talents.md", "02-register-a-talent.md"],
    "LedgerTab": ["ledger.md", "03-record-a-payment.md"],
    "MentorsTab": ["mentors.md", "05-log-a-check-in.md"],
    "GrowthTab": ["growth.md", "retention.md", "watch-list.md"],
}


@dataclass(frozen=True)
class Topic:
    name: str      # file name, the same in every language
    title: str     # the first `# ` heading
    path: Path


def help_dir(lang: str | None = None) -> Path:
    return resources_dir() / "help" / (lang or i18n.current_language())


def list_topics(lang: str | None = None) -> list[Topic]:
    """Topics of `lang` in file-name order; a topic missing in `lang` is taken from English so nothing is lost."""
    lang = lang or i18n.current_language()
    found: dict[str, Path] = {}
    for folder in (help_dir("en"), help_dir(lang)):  # the chosen language wins
        if folder.is_dir():
            for p in folder.glob("*.md"):
                found[p.name] = p
    topics = []
    for name in sorted(found):
        path = found[name]
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
        topics.append(Topic(name=name, title=m.group(1).strip() if m else path.stem, path=path))
    return topics


class HelpWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("TalentDesk user guide"))
        self.topics = list_topics()
        self.list = QListWidget(self)
        for t in self.topics:
            item = QListWidgetItem(t.title)
            item.setData(Qt.ItemDataRole.UserRole, t.name)
            self.list.addItem(item)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.document().setDefaultStyleSheet(help_style())
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 720])
        self.setCentralWidget(split)
        self.list.currentRowChanged.connect(self._show_row)

        bar = QToolBar(self.tr("Help"), self)
        bar.setMovable(False)
        self.addToolBar(bar)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_)
        self.pdf_action = QAction(self.tr("Save as &PDF…"), self)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.whole = QCheckBox(self.tr("Whole guide"), self)
        self.whole.setToolTip(self.tr("Print or save every topic, not only the one shown"))
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find in this topic"))
        self.find.setClearButtonEnabled(True)
        self.find.setMaximumWidth(240)
        self.find.returnPressed.connect(self._find_next)
        find_shortcut = QAction(self)
        find_shortcut.setShortcut(QKeySequence.StandardKey.Find)
        find_shortcut.triggered.connect(lambda: self.find.setFocus())
        self.addAction(find_shortcut)
        bar.addAction(self.print_action)
        bar.addAction(self.pdf_action)
        bar.addWidget(self.whole)
        bar.addSeparator()
        bar.addWidget(self.find)
        fit_to_screen(self, 980, 700)
        if self.topics:
            self.list.setCurrentRow(0)

    # -------------------------------------------------------------- navigation

    def show_topic(self, name: str) -> bool:
        for row, t in enumerate(self.topics):
            if t.name == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def current_topic(self) -> Topic | None:
        row = self.list.currentRow()
        return self.topics[row] if 0 <= row < len(self.topics) else None

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            topic = self.topics[row]
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(topic.path)))
            self.browser.setMarkdown(topic.path.read_text(encoding="utf-8"))

    def _follow(self, url: QUrl) -> None:
        name = Path(url.path()).name
        if url.scheme() in ("", "file") and name.endswith(".md") and self.show_topic(name):
            return
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def _find_next(self) -> None:
        text = self.find.text()
        if text and not self.browser.find(text):
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.browser.find(text)

    # -------------------------------------------------------------- printing

    def printable_document(self) -> QTextDocument:
        """The current topic, or every topic one after another when "Whole guide" is ticked."""
        doc = QTextDocument(self)
        doc.setDefaultStyleSheet(self.browser.document().defaultStyleSheet())
        doc.setDefaultFont(self.browser.font())
        if self.whole.isChecked():
            parts = [t.path.read_text(encoding="utf-8") for t in self.topics]
            doc.setMarkdown("\n\n---\n\n".join(parts))
        else:
            topic = self.current_topic()
            doc.setMarkdown(topic.path.read_text(encoding="utf-8") if topic else "")
        return doc

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.windowTitle())
        return printer

    def print_(self) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.printable_document().print_(printer)

    def save_pdf(self, path: str | None = None) -> Path | None:
        if not path:
            topic = self.current_topic()
            suggested = (self.tr("TalentDesk user guide") if self.whole.isChecked() or topic is None
                         else topic.title) + ".pdf"
            path, _ = save_file_name(self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        printer = self._printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.printable_document().print_(printer)
        return Path(path)
