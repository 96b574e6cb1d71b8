"""Two clerks open the same record; the second save does not overwrite the first: the editor shows both versions
field by field, and the clerk's choice is saved against the version now stored."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from talentdesk.domain.errors import EditConflict
from talentdesk.services.base import Actor, Database
from talentdesk.services.talents import records


@pytest.fixture
def server_db(pg_url):
    from talentdesk.services.common.demo import generate_demo

    database = Database.open(pg_url)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=8, seed=2, as_of=dt.date(2026, 11, 23))
    yield database
    database.dispose()


def _first(database):
    with database.session(Actor.local(), readonly=True) as s:
        tid = s.execute(records.select(records.Talent.id).where(records.Talent.status == "active")
                        .order_by(records.Talent.id)).scalars().first()
        return records.get_talent(s, talent_id=tid)


def _save(database, detail, **changes):
    with database.session(Actor.local()) as s:
        return records.update_talent(s, talent_id=detail.id, values={**detail.editable_values(), **changes},
                                     expected_version=detail.version)


def test_a_save_over_a_newer_version_is_a_named_conflict_with_both_values(server_db):
    opened_by_a = _first(server_db)
    opened_by_b = _first(server_db)
    saved_b = _save(server_db, opened_by_b, post="科长", notes="B 的备注")
    assert saved_b.version == opened_by_a.version + 1
    with pytest.raises(EditConflict) as err:
        _save(server_db, opened_by_a, post="副科长")
    conflict = err.value
    assert conflict.mine["post"] == "副科长" and conflict.theirs["post"] == "科长"
    assert conflict.theirs["notes"] == "B 的备注" and conflict.theirs_version == saved_b.version
    assert "Nothing was saved" in conflict.message
    assert _first(server_db).post == "科长"  # nothing was overwritten
    # keeping mine knowingly: saved against the version now stored
    kept = _save(server_db, conflict.theirs_record, post="副科长")
    assert kept.post == "副科长" and kept.notes == "B 的备注" and kept.version == saved_b.version + 1


def test_the_editor_shows_mine_and_theirs_and_saves_the_choice(qtbot, server_db, tmp_path, monkeypatch):
    from talentdesk.ui.common import conflict as conflict_ui
    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.runner import Runner
    from talentdesk.ui.talents.editor import TalentEditorDialog

    runner = Runner(server_db, lambda: Actor.local())
    ctx = AppContext(database=server_db, runner=runner, actor=Actor.local(),
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    detail = _first(server_db)
    dlg = TalentEditorDialog(ctx, detail.id)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.detail is not None and bool(dlg.loaded_values), timeout=10_000)
    _save(server_db, detail, post="另一位经办人改的岗位", email="other@example.cn")  # clerk B saves first
    dlg.form.widgets["post"].setText("我改的岗位")
    shown = []

    def choose(self):
        shown.append({f: (b.text(), self.conflict.theirs.get(f)) for f, b in self.keep_mine.items()})
        assert self.keep_mine["post"].isChecked()  # changed here: starts on mine
        assert not self.keep_mine["email"].isChecked()  # not changed here: starts on theirs
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(conflict_ui.ConflictDialog, "exec", choose)
    dlg.save()
    qtbot.waitUntil(lambda: not dlg.busy and bool(shown) and dlg.detail.version == detail.version + 2, timeout=10_000)
    assert shown[0]["post"] == ("我改的岗位", "另一位经办人改的岗位")
    stored = _first(server_db)
    assert stored.post == "我改的岗位" and stored.email == "other@example.cn"  # mine where chosen, theirs elsewhere
    runner.shutdown()
