"""The .deb for UOS/Kylin is laid out as those desktops expect (built here from a stand-in one-folder build; CI
builds it from the real one and installs it with dpkg -i: .ci/deb_smoke.sh)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from talentdesk import __version__
from talentdesk.paths import bundle_root

ROOT = bundle_root()
sys.path.insert(0, str(ROOT / "installer"))

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")


def test_the_package_installs_under_opt_with_a_chinese_menu_entry_and_an_icon(tmp_path):
    import make_deb

    onedir = tmp_path / "TalentDesk"
    (onedir / "_internal" / "migrations").mkdir(parents=True)
    for name in ("talentdesk", "talentdesk-cli"):
        (onedir / name).write_text("#!/bin/sh\necho TalentDesk\n")
        (onedir / name).chmod(0o700)
    (onedir / "_internal" / "migrations" / "HEAD").write_text("x\n")
    deb = make_deb.build_deb(onedir, tmp_path / "out")
    assert deb.name == f"talentdesk_{__version__}_amd64.deb"
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "Package: talentdesk" in info and f"Version: {__version__}" in info and "Architecture: amd64" in info
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[-1] if "->" not in line else line.split()[-3]: line for line in listing.splitlines()}
    assert rows["./opt/talentdesk/talentdesk"].startswith("-rwxr-xr-x root/root")
    assert rows["./opt/talentdesk/_internal/migrations/HEAD"].startswith("-rw-r--r-- root/root")
    assert "-> /opt/talentdesk/talentdesk" in rows["./usr/bin/talentdesk"]
    assert "./usr/share/icons/hicolor/256x256/apps/talentdesk.png" in rows
    extract = tmp_path / "x"
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(extract)], check=True)
    desktop = (extract / "usr/share/applications/talentdesk.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=人才工作台" in desktop and "Exec=/opt/talentdesk/talentdesk" in desktop
    assert "Icon=talentdesk" in desktop and "Categories=Office;" in desktop
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(extract / "usr/share/applications/talentdesk.desktop")],
                       check=True)


def test_a_folder_that_is_not_the_one_folder_build_is_refused(tmp_path):
    import make_deb

    with pytest.raises(SystemExit, match="talentdesk"):
        make_deb.build_deb(tmp_path, tmp_path / "out")
