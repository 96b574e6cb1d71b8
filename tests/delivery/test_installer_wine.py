"""The Windows installer (installer/talentdesk.nsi) run under Wine: a silent install into a fresh Wine prefix puts the
program, its library folder, the shortcuts and the per-user uninstall entry in place; installing again upgrades in
place (the old library folder replaced whole); the uninstaller removes the program and its entry and keeps the data
folder; an old Windows (Wine set to Windows 7) is refused before a file is copied.

The executables are small stand-in files (PyInstaller cannot make Windows executables here; the Windows workflow
installs the real ones). This machine has no 32-bit Wine, so the script is compiled as a 64-bit installer
(`-DTARGET_AMD64`); the shipped one is 32-bit so that 32-bit Windows can show its refusal. Needs `wine` and
`makensis` (CI: .ci/run installs both); skipped without them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import talentdesk

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (shutil.which("wine") and shutil.which("makensis")),
                                 reason="wine and makensis are needed (apt-get install wine nsis)")]
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\TalentDesk"


def _run(args: list[str], env: dict, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, timeout=timeout)


def _reg_query(env: dict, value: str) -> str | None:
    out = _run(["wine", "reg", "query", UNINSTALL_KEY, "/v", value], env)
    if out.returncode != 0:
        return None
    for line in out.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0] == value:
            return parts[2].strip()
    return None


@pytest.fixture(scope="module")
def installer(tmp_path_factory) -> Path:
    """The installer, compiled from the real script against stand-in executables."""
    work = tmp_path_factory.mktemp("nsis")
    dist = work / "dist" / "TalentDesk"
    (dist / "_internal" / "PySide6").mkdir(parents=True)
    (dist / "talentdesk.exe").write_bytes(b"MZ stand-in for the window program")
    (dist / "talentdesk-cli.exe").write_bytes(b"MZ stand-in for the command line")
    (dist / "_internal" / "python311.dll").write_bytes(b"stand-in")
    (dist / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"stand-in")
    out = work / f"TalentDesk-{talentdesk.__version__}-setup.exe"
    defines = work / "defines.nsh"
    subprocess.run([sys.executable, "installer/version_info.py", "nsis", str(dist), str(out), str(defines)],
                   cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8", "-DTARGET_AMD64", f"-DDEFINES={defines}",
                    "installer/talentdesk.nsi"], cwd=ROOT, check=True, capture_output=True)
    assert out.stat().st_size > 50_000
    return out


@pytest.fixture
def wine(tmp_path, record_property):
    """A fresh Wine prefix (C:\\users\\<name>), started once; yields the environment and the user's folder."""
    env = dict(os.environ, WINEPREFIX=str(tmp_path / "prefix"), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
               DISPLAY="")
    t0 = time.monotonic()
    _run(["wineboot", "-i"], env, timeout=300)
    _run(["wineserver", "-w"], env, timeout=120)
    record_property("wine_prefix_seconds", round(time.monotonic() - t0, 1))
    users = tmp_path / "prefix" / "drive_c" / "users"
    user = next(p for p in users.iterdir() if p.name not in ("Public", "public"))
    yield env, user
    _run(["wineserver", "-k"], env, timeout=60)


def _windows(env: dict, version: str) -> None:
    _run(["wine", "reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/t", "REG_SZ", "/d", version, "/f"], env)


def test_install_upgrade_and_uninstall_under_wine_keep_the_data_folder(installer, wine, record_property):
    env, user = wine
    _windows(env, "win10")
    app = user / "AppData" / "Local" / "Programs" / "TalentDesk"
    data = user / "AppData" / "Local" / "TalentDesk"  # the program's data folder (platformdirs): never touched
    data.mkdir(parents=True)
    (data / "talentdesk.db").write_bytes(b"the office's data")
    timings = {}

    t0 = time.monotonic()
    done = _run(["wine", str(installer), "/S"], env)
    timings["install_s"] = round(time.monotonic() - t0, 1)
    assert done.returncode == 0, done.stderr[-500:]
    for name in ("talentdesk.exe", "talentdesk-cli.exe", "uninstall.exe", "talentdesk.ico",
                 "_internal/python311.dll", "_internal/PySide6/Qt6Core.dll"):
        assert (app / name).is_file(), name
    assert (app / "talentdesk.exe").read_bytes() == b"MZ stand-in for the window program"
    start_menu = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (start_menu / "TalentDesk.lnk").is_file(), "Start-menu shortcut"
    assert any((start_menu / "TalentDesk").glob("*.lnk")), "the command-line shortcut"
    assert _reg_query(env, "DisplayVersion") == talentdesk.__version__
    assert _reg_query(env, "InstallLocation").lower().endswith(r"\appdata\local\programs\talentdesk")

    (app / "_internal" / "from-the-old-version.dll").write_bytes(b"old")
    t0 = time.monotonic()
    done = _run(["wine", str(installer), "/S"], env)  # the upgrade: over the existing copy, in the same folder
    timings["upgrade_s"] = round(time.monotonic() - t0, 1)
    assert done.returncode == 0
    assert not (app / "_internal" / "from-the-old-version.dll").exists(), "the library folder is replaced whole"
    assert (app / "_internal" / "python311.dll").is_file()

    t0 = time.monotonic()
    win_app = _reg_query(env, "InstallLocation")
    done = _run(["wine", str(app / "uninstall.exe"), "/S", f"_?={win_app}"], env)  # _?=: waits, runs in place
    timings["uninstall_s"] = round(time.monotonic() - t0, 1)
    assert done.returncode == 0
    for name in ("talentdesk.exe", "talentdesk-cli.exe", "talentdesk.ico", "_internal"):
        assert not (app / name).exists(), name
    assert not (start_menu / "TalentDesk.lnk").exists()
    assert _reg_query(env, "DisplayVersion") is None, "the uninstall entry is gone"
    assert (data / "talentdesk.db").read_bytes() == b"the office's data", "the data folder is kept"
    record_property("wine_installer_timings", timings)
    print(f"\nwine installer timings: {timings}")


def test_an_old_windows_is_refused_before_anything_is_copied(installer, wine):
    env, user = wine
    _windows(env, "win7")
    done = _run(["wine", str(installer), "/S"], env)
    assert done.returncode == 3, "the installer's refusal (SetErrorLevel 3)"
    assert not (user / "AppData" / "Local" / "Programs" / "TalentDesk").exists()
    assert _reg_query(env, "DisplayVersion") is None
