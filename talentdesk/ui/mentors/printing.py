"""Printing a finished PDF through the system print dialog: each page is rendered at the printer's resolution
with Qt PDF and painted on the printer, so the paper matches the PDF exactly (fonts embedded by ReportLab)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from talentdesk.domain.errors import StorageError


def render_pdf_to_printer(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of `pdf` on `printer` (already set up); returns the number of pages printed."""
    doc = QPdfDocument()
    doc.load(str(pdf))
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
        raise StorageError(QCoreApplication.translate("Printing", "The document could not be opened for printing."))
    painter = QPainter()
    if not painter.begin(printer):
        raise StorageError(QCoreApplication.translate("Printing", "The printer could not be started."))
    try:
        dpi = printer.resolution()
        for i in range(doc.pageCount()):
            if i:
                printer.newPage()
            pts = doc.pagePointSize(i)
            size = QSize(int(pts.width() / 72 * dpi), int(pts.height() / 72 * dpi))
            image = doc.render(i, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    doc.close()
    return doc.pageCount()


def print_pdf(parent: QWidget | None, pdf: Path, title: str) -> bool:
    """Show the print dialog for `pdf`; prints and returns True unless the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_pdf_to_printer(pdf, printer)
    return True
