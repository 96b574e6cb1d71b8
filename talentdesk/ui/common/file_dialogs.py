"""File dialogs that start where the clerk works: the folder used last time, else Documents — never the program's
install folder (the working directory of a program started from the Start menu)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "dialogs/last_folder"
_settings = QSettings  # the program's settings (per user); tests give a file of their own


def start_folder() -> str:
    last = _settings().value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def remember_folder(path: str) -> None:
    if path:
        _settings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))


def save_file_name(parent: QWidget | None, caption: str, suggested: str, filters: str,
                   selected_filter: str = "") -> tuple[str, str]:
    """Like QFileDialog.getSaveFileName; `suggested` is a bare file name, placed in the start folder."""
    start = str(Path(start_folder()) / Path(suggested).name) if suggested else start_folder()
    extra = (selected_filter,) if selected_filter else ()
    path, chosen = QFileDialog.getSaveFileName(parent, caption, start, filters, *extra)
    remember_folder(path)
    return path, chosen


def with_suffix(path: str, suffix: str) -> str:
    """path ending in suffix (".xlsx"): added when the clerk typed a name without it."""
    return path if path.lower().endswith(suffix) else path + suffix


def ask_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str, *, then) -> None:
    """Ask where to save (save_file_name); call then(path) with the chosen path, nothing when the clerk cancels."""
    path, _chosen = save_file_name(parent, caption, suggested, filters)
    if path:
        then(path)


def open_file_name(parent: QWidget | None, caption: str, filters: str, *, start: str = "") -> tuple[str, str]:
    """Like QFileDialog.getOpenFileName, starting in `start` when given (e.g. the backups folder), else in the start
    folder."""
    path, chosen = QFileDialog.getOpenFileName(parent, caption, start or start_folder(), filters)
    remember_folder(path)
    return path, chosen
