"""Package the one-folder build (dist/TalentDesk/ from build.spec) as a .deb for 统信 UOS and 麒麟 Kylin desktops.

    python installer/make_deb.py ONEDIR_FOLDER OUT_DIR [--arch amd64]      → OUT_DIR/talentdesk_<version>_<arch>.deb

Layout: the program in /opt/talentdesk/ (both executables and their shared _internal/), `talentdesk` on the PATH
(/usr/bin/talentdesk → /opt/talentdesk/talentdesk: the same executable opens the window or runs a command), a
desktop entry with the Chinese name 人才工作台 in the application menu, and the icon in the hicolor theme. The data
folder stays in each user's home (~/.local/share/TalentDesk, chosen by the program): removing the package never
touches it. Built with dpkg-deb (files owned by root). arm64: build the one-folder build on an arm64 machine (PySide6
publishes aarch64 wheels) and pass --arch arm64.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "opt/talentdesk"

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=TalentDesk
Name[zh_CN]=人才工作台
GenericName=Talent-work office
GenericName[zh_CN]=人才工作管理
Comment=Talent records, subsidy ledger, mentors and growth for the county's talent-work office
Comment[zh_CN]=县人才工作办公室的人才档案、补贴台账、导师结对和成长轨迹
Exec=/opt/talentdesk/talentdesk
Icon=talentdesk
Terminal=false
Categories=Office;
Keywords=talent;subsidy;人才;补贴;导师;
StartupWMClass=talentdesk
"""

CONTROL = """\
Package: talentdesk
Version: {version}
Architecture: {arch}
Maintainer: TalentDesk <talentdesk@localhost>
Installed-Size: {installed_kb}
Depends: libc6 (>= 2.28), libgl1, libegl1, libfontconfig1, libdbus-1-3, libglib2.0-0
Recommends: libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xinerama0, fonts-wqy-microhei | fonts-noto-cjk
Section: misc
Priority: optional
Homepage: https://localhost/talentdesk
Description: TalentDesk 人才工作台 — the county talent-work office's desktop program
 Talent records (人才档案), the subsidy ledger with verifiable payment certificates
 (补贴台账), the mentor board (导师结对) and growth timelines (成长轨迹), offline on
 one PC. The data stays in each user's home folder and is kept when the package
 is removed.
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from talentdesk import __version__

    return __version__


def build_deb(onedir: Path, out_dir: Path, *, arch: str = "amd64") -> Path:
    onedir = Path(onedir)
    for name in ("talentdesk", "talentdesk-cli"):
        if not (onedir / name).is_file():
            raise SystemExit(f"{onedir} is not the one-folder build: {name} is missing")
    ver = version()
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"talentdesk_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="td-deb-") as tmp:
        pkg = Path(tmp) / "pkg"
        shutil.copytree(onedir, pkg / PREFIX, symlinks=True)
        (pkg / "usr/bin").mkdir(parents=True)
        os.symlink(f"/{PREFIX}/talentdesk", pkg / "usr/bin/talentdesk")
        apps = pkg / "usr/share/applications"
        apps.mkdir(parents=True)
        (apps / "talentdesk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
        for size in (32, 64, 128, 256, 512):
            icon = ROOT / "resources" / "icons" / f"talentdesk-{size}.png"
            if icon.is_file():
                dest = pkg / f"usr/share/icons/hicolor/{size}x{size}/apps/talentdesk.png"
                dest.parent.mkdir(parents=True)
                shutil.copyfile(icon, dest)
        for path in pkg.rglob("*"):  # readable by everyone, executables executable, nothing writable but by root
            if path.is_symlink():
                continue
            mode = 0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644
            path.chmod(mode)
        size_kb = sum(p.stat().st_size for p in pkg.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
        debian = pkg / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(CONTROL.format(version=ver, arch=arch, installed_kb=size_kb), encoding="utf-8")
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(pkg), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("onedir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--arch", default="amd64")
    args = ap.parse_args(argv)
    deb = build_deb(args.onedir, args.out_dir, arch=args.arch)
    print(f"{deb} ({deb.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
