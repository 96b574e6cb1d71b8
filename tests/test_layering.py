"""Dependency direction: nothing outside ui/ and app.py imports Qt (cli.py only lazily, inside functions)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "talentdesk"
QT_ALLOWED = {"app.py"}


def _qt_imports(path: Path, *, top_level_only: bool) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = []
    for node in nodes:
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6") for n in names):
            found.append(node.lineno)
    return found


def test_nothing_outside_ui_and_app_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.as_posix() in QT_ALLOWED:
            continue
        if rel.parts[0] == "commands" or rel.as_posix() == "cli.py":
            lines = _qt_imports(path, top_level_only=True)  # allowed lazily, e.g. for self-test
        else:
            lines = _qt_imports(path, top_level_only=False)
        offenders += [f"{rel}:{n}" for n in lines]
    assert offenders == []


def test_services_do_not_import_the_ui():
    for path in (PACKAGE / "services").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "talentdesk.ui" not in text, path


def test_importing_the_cli_and_services_does_not_load_qt():
    import subprocess
    import sys

    code = (
        "import sys, talentdesk.cli, talentdesk.services.talents.registry, talentdesk.services.ledger.journal, "
        "talentdesk.services.common.demo; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent, check=True)
    assert out.stdout.strip() == "False"
