"""What a built TalentDesk carries besides its Python code, produced at build time (wheel and PyInstaller alike):

- the compiled translation catalogues (`.qm`, by Qt's own `lrelease` from the `.ts` sources — never committed);
- `HEAD`, the migrations' head revision as Alembic's `ScriptDirectory` computes it, so that start-up of a built
  program on a database already at head needs neither Alembic nor the migration scripts (importing Alembic costs
  about 0.3–0.4 s, a third of the start-up budget). The source tree has no HEAD file and asks Alembic each time.

Used by setup.py (the wheel's build hook) and build.spec (PyInstaller); needs only PySide6 and Alembic.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

HEAD_FILE = "HEAD"


def lrelease() -> str:
    """Qt's lrelease from the PySide6 wheel (found without importing Qt), else `pyside6-lrelease` on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for name in ("lrelease.exe", "lrelease") if sys.platform.startswith("win") else ("lrelease",):
                tool = Path(folder) / name
                if tool.is_file():
                    return str(tool)
    found = shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("Qt's lrelease was not found: install PySide6-Essentials in the build environment")
    return found


def compile_catalogues(ts_dir: Path, out_dir: Path) -> list[Path]:
    """Compile every `.ts` in `ts_dir` into `out_dir/<name>.qm`; returns the .qm files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    written = []
    for ts in sorted(Path(ts_dir).glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise RuntimeError(f"lrelease wrote no catalogue for {ts.name}")
        written.append(qm)
    if not written:
        raise RuntimeError(f"no .ts catalogues in {ts_dir}")
    return written


def alembic_head(migrations: Path) -> str:
    """The single head revision of the migration scripts, by Alembic itself."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory(str(migrations)).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads ({', '.join(heads)}); merge them before building")
    return heads[0]


def write_head(migrations: Path, dest_dir: Path) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / HEAD_FILE
    path.write_text(alembic_head(migrations) + "\n", encoding="ascii")
    return path
