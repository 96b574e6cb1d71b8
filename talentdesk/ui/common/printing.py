"""Sending a PDF the program made (certificates, rosters, pairing agreements, reports) to a printer through Qt's
print dialog: each page is rendered by QtPdf at the printer's resolution, so the paper matches the PDF."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QWidget


def print_pdf(path: str, parent: QWidget | None = None, *, title: str = "", printer: QPrinter | None = None,
              ask: bool = True) -> bool:
    """Ask for a printer (unless `ask` is False and a `printer` is given) and print the pages of `path`;
    False if the user cancelled or the file cannot be read."""
    doc = QPdfDocument(parent)
    if doc.load(path) != QPdfDocument.Error.None_:
        return False
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or path)
    printer.setFromTo(1, doc.pageCount())
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title or dialog.windowTitle())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    first, last = printer.fromPage() or 1, printer.toPage() or doc.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = min(printer.resolution(), 300)
        for i in range(first - 1, last):
            if i > first - 1:
                printer.newPage()
            pts = doc.pagePointSize(i)
            size = QSize(int(pts.width() / 72 * dpi), int(pts.height() / 72 * dpi))
            image = doc.render(i, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
            QApplication.processEvents()
    finally:
        painter.end()
    return True
