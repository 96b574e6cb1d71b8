"""Opening an attachment: the system gets a read-only copy under the original name and extension, so Windows picks
the program for that kind of file (the store keeps files under their SHA-256, without an extension) and the program
cannot change the stored copy."""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from talentdesk.domain.errors import StorageError
from talentdesk.services.talents import attachments
from tests.talents.test_talent_care_attachments import talent_id  # noqa: F401 - fixture


def _add(database, local, talent_id, tmp_path, name, data=b"%PDF-1.4 scan"):
    src = tmp_path / "in" / name
    src.parent.mkdir(exist_ok=True)
    src.write_bytes(data)
    with database.session(local) as s:
        return attachments.add_attachment(s, talent_id=talent_id, source=src, kind="diploma")


def test_the_viewing_copy_has_the_original_name_and_is_read_only(database, local, talent_id, tmp_path):  # noqa: F811
    row = _add(database, local, talent_id, tmp_path, "毕业证书 2019.PDF")
    assert Path(row.path).suffix == ""  # stored under its digest
    with database.session(local, readonly=True) as s:
        copy = Path(attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp"))
    assert copy.name == "毕业证书 2019.PDF" and copy.suffix == ".PDF"
    assert copy.read_bytes() == Path(row.path).read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) & 0o222 == 0, "no write permission for anyone"
    assert Path(row.path).resolve() != copy.resolve()
    with database.session(local, readonly=True) as s:  # opening twice (two viewers) gives two separate copies
        again = Path(attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp"))
    assert again != copy and again.name == copy.name


@pytest.mark.parametrize("stored_name, expected", [
    ("合同:2024?.docx", "合同_2024_.docx"),   # characters Windows refuses, stored from another system
    ("CON.pdf", "_CON.pdf"),                   # a device name on Windows
    ("扫描件.jpg. ", "扫描件.jpg"),             # trailing dot and space vanish on Windows
])
def test_names_windows_refuses_are_made_safe_keeping_the_extension(database, local, talent_id, tmp_path,  # noqa: F811
                                                                   stored_name, expected):
    row = _add(database, local, talent_id, tmp_path, "x.bin")
    with database.session(local) as s:
        s.get(attachments.Attachment, row.id).filename = stored_name
    with database.session(local, readonly=True) as s:
        copy = Path(attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp"))
    assert copy.name == expected


def test_old_viewing_copies_are_removed_and_recent_ones_kept(database, local, talent_id, tmp_path):  # noqa: F811
    base = tmp_path / "temp" / attachments.VIEW_FOLDER
    old, recent = base / "1-old", base / "2-recent"
    for folder in (old, recent):
        folder.mkdir(parents=True)
        (folder / "scan.pdf").write_bytes(b"x")
        os.chmod(folder / "scan.pdf", stat.S_IREAD)
    day_ago = time.time() - 24 * 3600
    os.utime(old, (day_ago, day_ago))
    row = _add(database, local, talent_id, tmp_path, "a.pdf")
    with database.session(local, readonly=True) as s:
        attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp")
    assert not old.exists() and recent.exists()


def test_a_missing_stored_file_is_a_clear_refusal(database, local, talent_id, tmp_path):  # noqa: F811
    row = _add(database, local, talent_id, tmp_path, "a.pdf")
    Path(row.path).unlink()
    with database.session(local, readonly=True) as s, pytest.raises(StorageError) as err:
        attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp")
    assert "a.pdf" in err.value.message
    assert not list((tmp_path / "temp").rglob("a.pdf"))


def test_the_open_button_hands_the_viewing_copy_to_the_system(qtbot, database, local, talent_id, tmp_path,  # noqa: F811
                                                             monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from talentdesk.ui.talents import attachments as panel_module

    row = _add(database, local, talent_id, tmp_path, "聘用合同.docx", b"PK\x03\x04 docx")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(attachments.tempfile, "gettempdir", lambda: str(tmp_path / "temp"))
    from PySide6.QtCore import QSettings

    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.runner import Runner

    runner = Runner(database, lambda: local)
    panel = panel_module.AttachmentsPanel(
        AppContext(database, runner, local, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(panel)
    panel.set_talent(talent_id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.view.selectRow(0)
    panel.open_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    path = Path(opened[0].toLocalFile())
    runner.shutdown()
    assert path.name == "聘用合同.docx" and path.read_bytes() == b"PK\x03\x04 docx" and path != Path(row.path)
