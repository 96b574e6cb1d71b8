"""The start-up probe used to time the built executable: the real `run()` path opens the window, marks the moment
it is usable, and exits — without the first-run wizard and without hanging on a dialog when something breaks."""
from __future__ import annotations

import os
import subprocess
import sys

from talentdesk.paths import bundle_root


def _run(tmp_path, db, marker, extra_env=None):
    env = dict(os.environ, TALENTDESK_HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", TALENTDESK_STARTUP_PROBE=str(marker), **(extra_env or {}))
    return subprocess.run([sys.executable, "-m", "talentdesk", "--db", str(db)], cwd=bundle_root(), env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_probe_marks_a_usable_window_and_exits_without_the_wizard(tmp_path):
    marker = tmp_path / "usable"
    out = _run(tmp_path, tmp_path / "talentdesk.db", marker)
    assert out.returncode == 0, out.stderr
    assert marker.read_text(encoding="utf-8") == "usable\n"
    assert not (tmp_path / "config" / "TalentDesk" / "TalentDesk.conf").exists() or \
        "firstrun" not in (tmp_path / "config" / "TalentDesk" / "TalentDesk.conf").read_text()


def test_a_broken_start_fails_the_probe_instead_of_waiting_on_a_message_box(tmp_path):
    marker = tmp_path / "usable"
    bad = tmp_path / "not-a-database.db"
    bad.write_bytes(b"this is not SQLite" * 100)
    out = _run(tmp_path, bad, marker)
    assert out.returncode == 1
    assert not marker.exists()
