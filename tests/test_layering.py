"""The architecture's import rules, checked by import-linter (contracts in pyproject.toml `[tool.importlinter]`):
layers (window and command line over services over reports, store and domain), no Qt below ui/, the tabs
independent of each other, and no circles. Plus what a static check cannot see: the command line and the
services run without loading Qt."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())"


def test_import_contracts_are_kept():
    out = subprocess.run([sys.executable, "-c", LINT], capture_output=True, text=True, cwd=ROOT)
    report = out.stdout[out.stdout.find("Contracts"):] + out.stderr
    assert out.returncode == 0, report
    assert "0 broken" in report and "4 kept" in report, report


@pytest.mark.parametrize("leak", ["services/leak.py", "leak.py", "commands/leak.py", "store/leak.py"])
def test_a_broken_contract_is_reported(tmp_path, leak):
    """The check can fail: a Qt import anywhere outside ui/ and app.py — a service, a new top-level module (as the
    self-test once was, unnoticed), a command — breaks the "Qt only in ui/" contract."""
    pkg = tmp_path / "talentdesk"
    shutil.copytree(ROOT / "talentdesk", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    (pkg / leak).write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", LINT], capture_output=True, text=True, cwd=tmp_path)
    module = "talentdesk." + leak.removesuffix(".py").replace("/", ".")
    assert out.returncode != 0
    assert f"{module} -> PySide6" in out.stdout, out.stdout[-2000:]


def test_importing_the_cli_and_services_does_not_load_qt():
    code = (
        "import sys, talentdesk.cli, talentdesk.services.talents.registry, talentdesk.services.ledger.journal, "
        "talentdesk.services.common.demo; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
