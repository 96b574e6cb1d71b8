"""setuptools build hook (the project's metadata is in pyproject.toml).

The top-level `migrations/` and `resources/` stay where the design puts them in the source tree; the wheel carries
them inside the package as `talentdesk/_migrations` and `talentdesk/_resources` (talentdesk/paths.py finds them with
importlib.resources), with the `.qm` catalogues compiled from the `.ts` sources at build time and the migrations'
head revision written to `_migrations/HEAD` (installer/build_data.py). Editable installs read the source tree's
folders directly, so nothing is copied for them.
"""
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "installer"))

import build_data  # noqa: E402

SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib) / "talentdesk"
        migrations, resources = package / "_migrations", package / "_resources"
        for dest in (migrations, resources):
            shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(ROOT / "migrations", migrations, ignore=SKIP)
        shutil.copytree(ROOT / "resources", resources, ignore=SKIP)
        build_data.compile_catalogues(ROOT / "resources" / "i18n", resources / "i18n")
        build_data.write_head(ROOT / "migrations", migrations)


setup(cmdclass={"build_py": BuildPyWithData})
