"""The window vanished (segfault in a worker thread) after 用人单位 was opened and closed and the clerk then
searched or opened a talent (issue 22 item 1). The sequence runs in its own process under faulthandler, several
rounds, and the window must still work at the end."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_opening_employers_then_searching_and_opening_talents_keeps_the_window_alive(demo_db, tmp_path):
    db = tmp_path / "copy.db"
    demo_db.dispose()
    db.write_bytes(demo_db.path.read_bytes())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TALENTDESK_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, "-X", "faulthandler", str(HERE / "employers_then_search.py"), str(db), "6"],
                         capture_output=True, text=True, timeout=300, env=env, cwd=HERE.parent.parent)
    assert out.returncode == 0, f"exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-6000:]}"
    assert "window still works" in out.stdout
    assert "Fatal Python error" not in out.stderr
