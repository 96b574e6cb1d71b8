"""Packaging facts that can be checked without building: one version everywhere, the Windows version resource, the
installer's promises (per-user, keeps the data folder, upgrades in place), the icon, and the upgrade of a database
left by release 0.1.0. (.ci/build_smoke.sh builds and runs the real executable.)"""
from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from talentdesk import __version__
from talentdesk.paths import bundle_root
from talentdesk.services.common.settings import DEFAULTS

ROOT = bundle_root()
sys.path.insert(0, str(ROOT / "installer"))

import version_info  # noqa: E402

NSI = (ROOT / "installer" / "talentdesk.nsi").read_text(encoding="utf-8-sig")


def _evaluate_version_file(text: str) -> dict:
    """Evaluate PyInstaller's version-file syntax with recording stand-ins (PyInstaller's own classes import
    Windows-only modules)."""
    strings: dict = {}

    def record(name):
        def make(*args, **kwargs):
            if name == "StringStruct":
                strings[args[0]] = args[1]
            return (name, args, kwargs)
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct"]
    info = eval(text, {n: record(n) for n in names})  # noqa: S307 - our own generated file
    return {"info": info, "strings": strings}


def test_version_resource_comes_from_the_package_and_the_office_default(tmp_path):
    path = version_info.write_version_file(tmp_path / "v.txt", filename="talentdesk.exe", description="TalentDesk")
    parsed = _evaluate_version_file(path.read_text(encoding="utf-8"))
    s = parsed["strings"]
    assert s["ProductVersion"] == s["FileVersion"] == __version__
    assert s["CompanyName"] == DEFAULTS["office_name"]
    assert s["ProductName"].startswith("TalentDesk")
    assert s["OriginalFilename"] == "talentdesk.exe"
    fixed = parsed["info"][2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == version_info.version_tuple(__version__)


@pytest.mark.parametrize("version, expected", [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)),
                                               ("2.0", (2, 0, 0, 0)), ("1.2.3+local.7", (1, 2, 3, 0))])
def test_windows_version_numbers_have_four_parts(version, expected):
    assert version_info.version_tuple(version) == expected


def test_the_spec_takes_the_version_from_the_package_and_names_no_version_itself():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "from talentdesk import __version__" in spec
    assert not re.search(r"['\"]\d+\.\d+\.\d+['\"]", spec)
    for binding in ("PyQt5", "PyQt6", "PySide2"):
        assert f'"{binding}"' in spec


def test_installer_defines_carry_the_same_version_and_company(tmp_path):
    text = version_info.nsis_defines(dist_dir=tmp_path, out_file=tmp_path / "setup.exe")
    assert f'!define VERSION "{__version__}"' in text
    assert f'!define COMPANY "{DEFAULTS["office_name"]}"' in text
    assert '!define VERSION4 "' + ".".join(map(str, version_info.version_tuple(__version__))) + '"' in text


def test_installer_is_per_user_and_installs_into_the_users_programs_folder():
    assert re.search(r"^RequestExecutionLevel user$", NSI, re.MULTILINE)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in NSI
    assert "HKLM" not in NSI  # nothing machine-wide
    assert 'CreateShortCut "$SMPROGRAMS\\${APP}.lnk" "$INSTDIR\\${EXE}" "" "$INSTDIR\\${EXE}" 0' in NSI
    assert 'CreateShortCut "$DESKTOP\\${APP}.lnk" "$INSTDIR\\${EXE}" "" "$INSTDIR\\${EXE}" 0' in NSI


def test_uninstaller_is_registered_for_the_user_and_keeps_the_data_folder():
    assert 'WriteRegStr HKCU "${UNINST_KEY}" "UninstallString"' in NSI
    uninstall = NSI[NSI.index('Section "Uninstall"'):]
    # one recursive delete only: the program's own library folder of the one-folder build, inside the install folder
    recursive = re.findall(r'RMDir /[rR]\s+"([^"]+)"', uninstall)
    assert recursive == ["$INSTDIR\\_internal"], recursive
    assert "$LOCALAPPDATA\\${APP}\"" not in uninstall and "$APPDATA" not in uninstall
    deleted = re.findall(r'^\s*(?:Delete|RMDir)\s+(?:/r\s+)?"([^"]+)"', uninstall, re.MULTILINE)
    assert deleted and all(p.startswith(("$INSTDIR", "$SMPROGRAMS", "$DESKTOP")) for p in deleted), deleted
    # the data folder platformdirs gives the program on Windows is %LOCALAPPDATA%\TalentDesk, not the install folder
    assert "Programs" in NSI[NSI.index("InstallDir"):].splitlines()[0]


def test_installer_upgrades_an_earlier_installation_in_place():
    on_init = NSI[NSI.index("Function .onInit"):NSI.index("FunctionEnd")]
    assert 'ReadRegStr $1 HKCU "${UNINST_KEY}" "InstallLocation"' in on_init
    assert "StrCpy $INSTDIR $1" in on_init
    assert "SetOverwrite on" in NSI
    assert NSI.count("!insertmacro WaitUntilClosed") >= 2  # a running copy is closed first, not half-overwritten


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_installer_script_compiles():
    out = subprocess.run(["bash", str(ROOT / ".ci" / "nsis_check.sh"), sys.executable], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "nsis_check: OK" in out.stdout


def test_icon_holds_every_windows_size_and_pngs_match():
    from PIL import Image

    ico = Image.open(ROOT / "resources" / "icons" / "talentdesk.ico")
    assert {16, 24, 32, 48, 64, 128, 256} <= {w for w, h in ico.info["sizes"]}
    for n in (32, 64, 128, 256, 512):
        png = Image.open(ROOT / "resources" / "icons" / f"talentdesk-{n}.png")
        assert png.size == (n, n) and png.mode == "RGBA"


# ------------------------------------------------------------------ the upgrade path

def test_a_database_from_release_0_1_0_opens_migrated_with_nothing_lost(tmp_path):
    from talentdesk.store.db import head_revision
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.common.settings import get_setting
    from talentdesk.services.talents.registry import count_talents

    path = tmp_path / "talentdesk.db"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "release-0.1.0.db", path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    entries = conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0]
    conn.close()

    database = Database.open(path)
    try:
        assert database.migration.to_revision == head_revision()
        if database.migration.migrated:
            assert database.migration.backup is not None and database.migration.backup.exists()
        with database.session(Actor.local(), readonly=True) as s:
            assert count_talents(s) == 40
            assert get_setting(s, "office_name") == "示例县人才工作办公室"
    finally:
        database.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == entries
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_installer_refuses_unsupported_windows_in_chinese_before_copying_anything():
    """Python 3.11 and Qt 6 need 64-bit Windows 10 1809 (build 17763) or later; the installer stops on anything
    else with a message the clerk can act on (.ci/nsis_check.sh proves the script compiles)."""
    init = NSI[NSI.index("Function .onInit"):NSI.index("FunctionEnd", NSI.index("Function .onInit"))]
    assert "${IfNot} ${RunningX64}" in init and "${AtLeastWin10}" in init and "${WinVerGetBuild}" in init
    assert "!define MIN_WINDOWS_BUILD 17763" in NSI and "$2 < ${MIN_WINDOWS_BUILD}" in init
    assert init.count("Abort") >= 2 and init.index("Abort") < init.index("ReadRegStr")  # before anything else
    zh = re.search(r'LangString Unsupported \$\{LANG_SIMPCHINESE\} "([^"]+)"', NSI).group(1)
    assert "64 位" in zh and "Windows 10" in zh and "1809" in zh and "安装已停止" in zh
    for lang in ("zh_CN", "en"):
        guide = (ROOT / "resources" / "help" / lang / "08-install-and-upgrade.md").read_text(encoding="utf-8")
        assert "1809" in guide and "64" in guide


def test_the_installer_installs_the_one_folder_build():
    section = NSI[NSI.index('Section "TalentDesk"'):NSI.index("SectionEnd")]
    assert 'File /r "${DIST_DIR}\\_internal"' in section, "the shared library folder of the one-folder build"
    assert section.index('RMDir /r "$INSTDIR\\_internal"') < section.index("File /r"), "no file of an older version left"
