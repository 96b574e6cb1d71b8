"""Help inside the program: the user guide window (Help menu, F1), the About dialog and the program's icon."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from talentdesk.paths import resources_dir


def application_icon() -> QIcon:
    """The TalentDesk icon at every size we ship (window title bars, task bar, dialogs)."""
    icon = QIcon()
    for p in sorted((resources_dir() / "icons").glob("talentdesk-*.png")):
        icon.addFile(str(p))
    return icon


def install_help(window) -> None:
    """Add "User guide (F1)" to the main window's Help menu, before About. F1 opens the topic of the tab in front."""
    guide = QAction(QCoreApplication.translate("HelpMenu", "&User guide"), window)
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(lambda: show_help(window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, guide)
    window.help_menu.insertSeparator(first)
    window.guide_action = guide


def show_help(window, topic: str | None = None):
    from talentdesk.ui.help.window import TOPIC_FOR_TAB, HelpWindow

    helper = getattr(window, "_help_window", None)
    if helper is None:
        helper = HelpWindow(window)
        window._help_window = helper
    tab = window.tabs.currentWidget() if hasattr(window, "tabs") else None
    candidates = [topic] if topic else TOPIC_FOR_TAB.get(type(tab).__name__ if tab is not None else "", [])
    for name in candidates:
        if helper.show_topic(name):
            break
    if not helper.isVisible():  # opens in the middle of the program's screen, never partly off it
        from talentdesk.ui.common.screen import center_on_screen

        center_on_screen(helper, window if isinstance(window, QWidget) else None)
    helper.show()
    helper.raise_()
    helper.activateWindow()
    return helper


def show_about(window):
    from talentdesk.ui.help.about import AboutDialog

    database = window.context.database
    dialog = AboutDialog(database.path, str(database.engine.url), window)
    dialog.open()
    return dialog


def help_self_check(window, *, screenshots=None, lang: str = "") -> list[tuple[str, bool, str]]:
    """For `self-test`: the guide opens with topics in the interface language, and About names the database.
    With `screenshots` (a folder), a PNG of each is saved there like the tabs'."""
    guide = show_help(window)
    problem = ""
    if not guide.topics:
        problem = "no help topics found"
    elif not guide.browser.toPlainText().strip():
        problem = "the first topic is empty"
    if screenshots:
        guide.grab().save(str(screenshots / f"help-{lang}.png"))
    guide.close()
    about = show_about(window)
    about_problem = "" if about.database_label.text() else "About shows no database"
    if screenshots:
        about.adjustSize()
        about.grab().save(str(screenshots / f"about-{lang}.png"))
    about.close()
    return [("help guide", not problem, problem), ("about", not about_problem, about_problem)]
