#!/usr/bin/env python3
"""One-step set-up for a fresh machine that has only Python 3.11+ (Linux, Windows, macOS).

    python bootstrap.py demo          create .venv, install, compile translations, open TalentDesk on a demo database
    python bootstrap.py test [ARGS]   same set-up with the test tools, then run the whole test suite (pytest ARGS)
    python bootstrap.py run [ARGS]    same set-up, then `talentdesk ARGS`
    python bootstrap.py build         same set-up with PyInstaller, then every artefact this machine can build into
                                      dist/: the single files (talentdesk, talentdesk-cli: the portable copy), the
                                      one-folder build (dist/TalentDesk/: what the installer installs) and, on Linux
                                      with dpkg-deb, the .deb for UOS/Kylin (the Windows installer comes from
                                      .github/workflows/windows.yml)

Re-running is cheap: dependencies are reinstalled only when pyproject.toml changes.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):
        sys.exit("TalentDesk needs Python 3.11 or newer; this is " + sys.version.split()[0])
    py = venv_python()
    if not py.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Installing dependencies (first run takes a few minutes) …", flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT)
        stamp.write_text(digest)
    # translations: .qm files are always compiled from the .ts sources, never committed
    subprocess.run([str(py), "-m", "talentdesk.devtools.i18n", "compile"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return py


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "demo"
    rest = argv[1:]
    env = dict(os.environ)
    if cmd == "test":
        py = ensure_venv("test")
        if os.name != "nt" and not env.get("DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    if cmd == "demo":
        py = ensure_venv("")
        return subprocess.run([str(py), "-m", "talentdesk", "--demo", *rest], cwd=ROOT, env=env).returncode
    if cmd == "run":
        py = ensure_venv("")
        return subprocess.run([str(py), "-m", "talentdesk", *rest], cwd=ROOT, env=env).returncode
    if cmd == "build":
        return build(ensure_venv("build"))
    print(__doc__)
    return 2


def build(py: Path) -> int:
    dist = ROOT / "dist"
    work = ROOT / "build" / "pyinstaller" / "work"
    rc = subprocess.run([str(py), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
                         "--workpath", str(work), "build.spec"], cwd=ROOT).returncode
    if rc:
        return rc
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        rc = subprocess.run([str(py), "installer/make_deb.py", str(dist / "TalentDesk"), str(dist)], cwd=ROOT,
                            stdout=subprocess.DEVNULL).returncode
        if rc:
            return rc
    for item in sorted(dist.iterdir()):
        size = sum(f.stat().st_size for f in item.rglob("*") if f.is_file()) if item.is_dir() else item.stat().st_size
        print(f"{item.relative_to(ROOT)}{'/' if item.is_dir() else ''}  {size / 1_000_000:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
