"""What a Linux desktop needs to show the window is written in the README and installed by CI (issue 22: without
libxcb-icccm4 and libxcb-keysyms1 the window did not open and Qt named another library), and Qt's own dialogs speak
the user's language."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("dpkg"), reason="Debian-like Linux")
def test_every_x11_library_qt_loads_is_named_in_the_readme_and_installed_by_ci():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    out = subprocess.run(["ldd", str(qt / "plugins" / "platforms" / "libqxcb.so"),
                          str(qt / "lib" / "libQt6XcbQpa.so.6")], capture_output=True, text=True).stdout
    libs = {line.split("=>")[1].split()[0] for line in out.splitlines() if "=>" in line and "/Qt/lib" not in line
            and "not found" not in line}
    packages = set()
    for lib in libs:
        real = os.path.realpath(lib)
        for candidate in (real, "/usr" + real.removeprefix("/usr")):
            res = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if res.returncode == 0:
                packages.add(res.stdout.split(":")[0])
                break
    x11 = {p for p in packages if p.startswith(("libxcb", "libxkbcommon", "libx11-xcb"))}
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= x11 or not x11
    readme, ci = (ROOT / "README.md").read_text(encoding="utf-8"), (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for p in sorted(x11 - {"libxcb1"}):
        assert p in readme, f"README does not name {p}"
        assert p in ci, f".ci/run does not install {p}"


def test_qts_own_dialogs_are_in_chinese(qtbot):
    from PySide6.QtCore import QCoreApplication

    from talentdesk import i18n
    from talentdesk.app import make_application

    app = make_application(lang="zh_CN")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
        assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    finally:
        for t in app._td_translators:  # later tests run in English
            app.removeTranslator(t)
        make_application(lang="en")
        i18n.set_language("en")
