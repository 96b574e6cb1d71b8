"""What the log folder holds after a problem: a crash inside Qt or SQLite leaves the stacks (faulthandler), Qt's own
warnings are in the log, and the window and the command line each write their own file, whose rotation survives
another process holding it open (Windows refuses to rename an open file)."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from talentdesk.logs import SafeRotatingFileHandler
from talentdesk.paths import bundle_root


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONFAULTHANDLER",)}
    env.update(TALENTDESK_HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_a_crash_inside_native_code_leaves_the_stacks_in_the_log_folder(tmp_path):
    crash = tmp_path / "home" / "logs" / "crash-cli.log"
    code = ("import ctypes, faulthandler; from pathlib import Path; from talentdesk.logs import enable_crash_log; "
            f"enable_crash_log(Path({str(crash)!r})); ctypes.string_at(0)")  # a segfault, as inside Qt or SQLite
    proc = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True,
                          cwd=bundle_root(), timeout=60)
    assert proc.returncode != 0
    text = crash.read_text(encoding="utf-8")
    assert "TalentDesk" in text.splitlines()[0]
    assert "Fatal Python error" in text and "Segmentation fault" in text and "string_at" in text


def test_the_cli_and_the_window_write_separate_logs_and_arm_the_crash_log(tmp_path):
    env = _env(tmp_path)
    db = tmp_path / "td.db"
    cli = subprocess.run([sys.executable, "-m", "talentdesk", "--db", str(db), "demo", "--talents", "5", "--json"],
                         env=env, capture_output=True, text=True, cwd=bundle_root(), timeout=180)
    assert cli.returncode == 0, cli.stderr
    logs = tmp_path / "home" / "logs"
    assert (logs / "talentdesk-cli.log").stat().st_size > 0
    assert not (logs / "talentdesk.log").exists()
    assert "a stack below this line is a crash" in (logs / "crash-cli.log").read_text(encoding="utf-8")

    marker = tmp_path / "usable"
    gui = subprocess.run([sys.executable, "-m", "talentdesk", "--db", str(db)], env=dict(
        env, TALENTDESK_STARTUP_PROBE=str(marker)), capture_output=True, text=True, cwd=bundle_root(), timeout=180)
    assert gui.returncode == 0, gui.stderr
    assert "starting" in (logs / "talentdesk.log").read_text(encoding="utf-8")
    assert (logs / "crash-gui.log").exists()


def test_qt_warnings_go_to_the_log(qapp, caplog):
    from PySide6.QtCore import qWarning

    from talentdesk.app import install_qt_message_handler

    install_qt_message_handler()
    with caplog.at_level(logging.WARNING, logger="qt"):
        qWarning("QPainter::begin: Paint device returned engine == 0")
    assert any(r.name == "qt" and "Paint device" in r.getMessage() for r in caplog.records)


def test_rotation_that_another_process_blocks_loses_no_record(tmp_path, monkeypatch, capsys):
    log_file = tmp_path / "talentdesk.log"
    handler = SafeRotatingFileHandler(log_file, maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test.rotation")
    logger.addHandler(handler)
    logger.propagate = False
    real_rotate = handler.rotate

    def sharing_violation(source, dest):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    try:
        monkeypatch.setattr(handler, "rotate", sharing_violation)
        for i in range(20):
            logger.warning("record %02d", i)
        assert capsys.readouterr().err == "", "no '--- Logging error ---' for any record"
        text = log_file.read_text(encoding="utf-8")
        assert all(f"record {i:02d}" in text for i in range(20))

        monkeypatch.setattr(handler, "rotate", real_rotate)  # the other process is gone: rotation resumes
        handler._next_try = 0.0
        logger.warning("after")
        assert Path(str(log_file) + ".1").exists()
    finally:
        logger.removeHandler(handler)
        handler.close()
