"""Self-test: drive a main window (offscreen when there is no display), visit every tab, wait for its first rows,
optionally save a screenshot of each, and report what failed.

The window is built by the composition root (`talentdesk.app.self_test`), which hands it here: the window code
never imports the program's start-up (ui/ stays below app.py)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from talentdesk.ui.common.waiting import pump_until


@dataclass
class SelfTestResult:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.checks)


def run_self_test(app: QApplication, window: QMainWindow, *, lang: str, screenshots: Path | None = None,
                  timeout: float = 60.0) -> SelfTestResult:
    """Visit every tab of `window` (a main window just opened by the composition root) and report."""
    result = SelfTestResult()
    errors: list[BaseException] = []
    old_hook = sys.excepthook
    sys.excepthook = lambda t, e, tb: errors.append(e)
    window.context.runner.error_handler = errors.append
    try:
        window.resize(1366, 768)  # the smallest screen an office PC has
        window.show()
        result.checks.append(("window", window.isVisible(), ""))
        if screenshots:
            screenshots.mkdir(parents=True, exist_ok=True)
        for i, tab in enumerate(window.all_tabs):
            before = len(errors)
            window.tabs.setCurrentWidget(tab)
            loaded = pump_until(lambda: tab.loaded or len(errors) > before, timeout)
            pump_until(lambda: window.context.runner.pending() == 0, timeout)
            problem = ""
            if len(errors) > before:
                problem = "; ".join(str(e) for e in errors[before:])
            elif not loaded:
                problem = f"no rows after {timeout:.0f} s"
            result.checks.append((f"tab {i} {tab.title()}", not problem, problem))
            if screenshots:
                name = type(tab).__name__.removesuffix("Tab").lower()
                window.grab().save(str(screenshots / f"{i}-{name}-{lang}.png"))
        if screenshots:
            _dialog_screenshots(window, screenshots, lang, timeout)
        from talentdesk.ui.help import help_self_check  # the user guide and About open, with their content

        result.checks += help_self_check(window, screenshots=screenshots, lang=lang)
        app.processEvents()
    finally:
        window.close()
        window.context.runner.shutdown()
        sys.excepthook = old_hook
        QApplication.processEvents()
    return result


def _dialog_screenshots(window, folder: Path, lang: str, timeout: float) -> None:
    """The main dialogs and the growth tab's pages, as a clerk sees them (for docs/screenshots)."""
    growth = window.growth
    window.tabs.setCurrentWidget(growth)
    for name, page in (("watch-list", growth.watch), ("promotion", growth.readiness), ("training", growth.training)):
        growth.pages.setCurrentWidget(page)
        pump_until(lambda: window.context.runner.pending() == 0, timeout)
        window.grab().save(str(folder / f"growth-{name}-{lang}.png"))
    growth.pages.setCurrentWidget(growth.timeline)
    window.tabs.setCurrentWidget(window.talents)
    pump_until(lambda: window.talents.loaded and window.context.runner.pending() == 0, timeout)
    dialogs = []
    settings = window.show_settings()
    dialogs.append(("settings", settings))
    if window.talents.model.rowCount():
        editor = window.talents.open_editor(window.talents.model.row_at(0).id)
        dialogs.append(("talent-editor", editor))
    for name, dlg in dialogs:
        dlg.show()
        dlg.raise_()
        pump_until(lambda: window.context.runner.pending() == 0, timeout)
        dlg.grab().save(str(folder / f"dialog-{name}-{lang}.png"))
        dlg.discard() if hasattr(dlg, "discard") else dlg.reject()
