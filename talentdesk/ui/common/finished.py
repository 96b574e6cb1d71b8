"""Every long action ends with a visible result: a message that names what was done and, for a file, where it is,
with a button that opens its folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(path: Path | str) -> bool:
    """Show the folder that holds `path` in the desktop's file manager (a URL built from the path, never text)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve().parent)))


def show_finished(parent: QWidget | None, title: str, text: str, path: Path | str | None = None) -> QMessageBox:
    """Say that the work is done; with a `path`, name the file and offer to open its folder. Not modal to the
    application, so a script or test driving the window is never stuck behind it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if path is not None:
        box.setInformativeText(QCoreApplication.translate("Finished", "Saved as:\n{path}").format(path=str(path)))
        folder = box.addButton(QCoreApplication.translate("Finished", "Open folder"),
                               QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: open_folder(path))
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box
