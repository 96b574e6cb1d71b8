"""What the window tests share."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.runner import Runner


@pytest.fixture
def context(demo_db, local, tmp_path, qtbot):
    """The window's context on a fresh copy of the small demo database, as the single local user."""
    runner = Runner(demo_db, lambda: local)
    yield AppContext(database=demo_db, runner=runner, actor=local,
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    runner.shutdown()
