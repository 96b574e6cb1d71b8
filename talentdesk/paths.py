"""Where things live: the data folder (platformdirs) and the bundled resources (frozen or not).

`TALENTDESK_HOME` overrides the data folder (tests, portable installs).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from talentdesk import APP_NAME


def bundle_root() -> Path:
    """The folder holding `resources/` and `migrations/` side by side: the PyInstaller bundle, or the source tree
    (an installed wheel has no such folder: see `_bundled`)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    """The data folder `name` (`resources` or `migrations`): the copy an installed wheel carries inside the package
    (`talentdesk/_<name>`, see setup.py) when not frozen, else the one in `bundle_root()`. Only a folder on disk
    counts: Alembic and Qt need real file paths."""
    if getattr(sys, "_MEIPASS", None) is None:
        packaged = Path(__file__).resolve().parent / f"_{name}"  # what importlib.resources gives for a package on disk
        if packaged.is_dir():
            return packaged
    return bundle_root() / name


def resources_dir() -> Path:
    return _bundled("resources")


def migrations_dir() -> Path:
    return _bundled("migrations")


def recorded_head(migrations: Path) -> str | None:
    """The schema head a built program records beside its migrations (`HEAD`, installer/build_data.py); None in the
    source tree, which has no such file (store/db.py `built_head` explains why it exists)."""
    try:
        return (Path(migrations) / "HEAD").read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def data_dir() -> Path:
    home = os.environ.get("TALENTDESK_HOME")
    if home:
        return Path(home)
    import platformdirs  # not at import: the window's frame reads paths before it needs the data folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataPaths:
    """Every file location derived from one data folder."""

    root: Path

    @property
    def default_db(self) -> Path:
        return self.root / "talentdesk.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        """The window's log."""
        return self.log_file_for("gui")

    def log_file_for(self, process: str) -> Path:
        """Each kind of process logs to its own file ("gui": talentdesk.log, "cli": talentdesk-cli.log)."""
        return self.logs / ("talentdesk.log" if process == "gui" else f"talentdesk-{process}.log")

    def crash_log_for(self, process: str) -> Path:
        """Where faulthandler writes the stacks when the process dies inside Qt or SQLite."""
        return self.logs / f"crash-{process}.log"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    def ensure(self) -> "DataPaths":
        for p in (self.root, self.backups, self.logs, self.attachments):
            p.mkdir(parents=True, exist_ok=True)
        return self


def data_paths(root: Path | None = None) -> DataPaths:
    return DataPaths(Path(root) if root else data_dir())


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database they protect, in `backups/`."""
    return Path(db_path).resolve().parent / "backups"


def attachments_dir_for(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / "attachments"
