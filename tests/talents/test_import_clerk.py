"""What the clerk decides in an import (issue 12, GUI side; issue 22, import agrees with the editor): rows Excel
hides are reported and never imported silently, one value can be given to every row, a value that matches nothing
can be mapped for the whole file (and is remembered for the next import), and the employer the editor requires is
required by the import too."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from talentdesk.domain.errors import InputFileError
from talentdesk.domain.models import Talent
from talentdesk.services.base import Actor
from talentdesk.services.talents import importer
from tests.talents.helpers import make_id, write_csv

TODAY = dt.date(2025, 6, 1)
HEAD = ["序号", "姓名", "身份证号码", "人才类别", "工作单位", "到岗时间", "学历"]


def _roster(path, *, hide_rows=(), hide_cols=(), tiers=("B", "C", "D", "E", "C")):
    """A roster as offices keep it: a title row, the header, five people; some rows or columns hidden."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年引进人才花名册"])
    ws.append(HEAD)
    for i, tier in enumerate(tiers):
        ws.append([i + 1, f"人员{i}", make_id(dt.date(1990, 1, 1 + i), 11 + 2 * i), tier, "县人民医院",
                   "2024-09-01", "本科"])
    for r in hide_rows:
        ws.row_dimensions[r].hidden = True
    for c in hide_cols:
        ws.column_dimensions[c].hidden = True
    wb.save(path)
    return path


def _import(database, path, **kw):
    with database.session(Actor.local()) as s:
        return importer.import_talents(s, path=path, today=TODAY, **kw)


def _count(database) -> int:
    with database.session(Actor.local(), readonly=True) as s:
        return s.scalar(select(func.count()).select_from(Talent))


def test_hidden_rows_are_reported_and_a_real_import_waits_for_the_clerks_decision(database, tmp_path):
    path = _roster(tmp_path / "r.xlsx", hide_rows=(4, 6), hide_cols=("A",))
    dry = _import(database, path, dry_run=True)
    assert dry.hidden_rows == [4, 6] and dry.hidden_columns == ["序号"]
    with pytest.raises(InputFileError) as err:
        _import(database, path)
    assert "4" in err.value.message and "6" in err.value.message and "hidden" in err.value.message
    assert _count(database) == 0  # nothing imported silently
    skipped = _import(database, path, hidden_rows="skip")
    assert skipped.imported == 3 and [r.row for r in skipped.not_data] == [4, 6]
    with database.session(Actor.local(), readonly=True) as s:
        assert sorted(s.scalars(select(Talent.name))) == ["人员0", "人员2", "人员4"]


def test_hidden_rows_can_be_imported_on_purpose(database, tmp_path):
    path = _roster(tmp_path / "r.xlsx", hide_rows=(5,))
    assert _import(database, path, hidden_rows="include").imported == 5


def test_a_file_without_hidden_rows_needs_no_decision(database, tmp_path):
    assert _import(database, _roster(tmp_path / "r.xlsx")).imported == 5


def test_a_row_without_an_employer_is_refused_as_the_editor_refuses_it(database, tmp_path):
    rows = [["姓名", "身份证号", "人才类别", "到岗日期", "用人单位"],
            ["张三", make_id(seq=13), "C", "2024-07-01", ""],
            ["李四", make_id(seq=15), "C", "2024-07-01", "县医院"]]
    result = _import(database, write_csv(tmp_path / "r.csv", rows))
    assert [(r.row, r.column) for r in result.rejected] == [(2, "用人单位")]
    assert "employer is required" in result.rejected[0].message and result.imported == 0
    no_column = write_csv(tmp_path / "n.csv", [["姓名", "身份证号", "人才类别", "到岗日期"],
                                                ["张三", make_id(seq=13), "C", "2024-07-01"]])
    assert _import(database, no_column).rejected
    assert _import(database, no_column, fixed={"employer": "县医院"}).imported == 1


def test_a_value_that_matches_nothing_is_listed_and_can_be_mapped_for_the_whole_file(database, tmp_path):
    path = _roster(tmp_path / "r.xlsx", tiers=("特聘", "C", "特聘", "E", "C"))
    first = _import(database, path, dry_run=True)
    assert first.unknown_values == {"tier_code": ["特聘"]} and {r.row for r in first.rejected} == {3, 5}
    mapped = _import(database, path, value_map={"tier_code": {"特聘": "B"}})
    assert mapped.imported == 5 and mapped.rejected == []
    with database.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(Talent.tier_code).where(Talent.name == "人员0")) == "B"


def test_value_mapping_and_hidden_rows_on_the_command_line(db_path, tmp_path, capsys):
    from talentdesk.cli import main

    path = _roster(tmp_path / "r.xlsx", tiers=("特聘", "C", "D", "E", "C"), hide_rows=(6,))
    assert main(["--lang", "en", "--db", str(db_path), "import", "talents", str(path), "--json"]) != 0
    capsys.readouterr()
    code = main(["--lang", "en", "--db", str(db_path), "import", "talents", str(path), "--json",
                 "--value", "人才类别:特聘=B", "--hidden-rows", "skip"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["imported"] == 4 and doc["hidden_rows"] == [6]


# ------------------------------------------------------------------ the preview in the window

@pytest.fixture
def dialog(qtbot, database, tmp_path):
    from talentdesk.app import make_application
    from talentdesk.ui.runner import Runner
    from talentdesk.ui.talents.import_dialog import ImportDialog

    make_application(lang="en")

    class Context:
        runner = Runner(database, lambda: Actor.local())
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        actor = Actor.local()

    made = []

    def make():
        d = ImportDialog(Context, None)
        qtbot.addWidget(d)
        made.append(d)
        return d

    yield make
    Context.runner.shutdown()


def _checked(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.result is not None and dlg.context.runner.pending() == 0, timeout=15_000)


def test_the_preview_tells_of_hidden_rows_and_imports_only_after_the_clerk_chooses(qtbot, dialog, database, tmp_path):
    dlg = dialog()
    dlg.load_file(str(_roster(tmp_path / "r.xlsx", hide_rows=(4,), hide_cols=("A",))))
    _checked(qtbot, dlg)
    assert dlg.result.hidden_rows == [4]
    assert not dlg.hidden_label.isHidden() and "4" in dlg.hidden_label.text()
    assert "序号" in dlg.hidden_label.text()
    assert not dlg.import_button.isEnabled()  # no decision yet
    dlg.result = None
    dlg.hidden_skip.setChecked(True)
    _checked(qtbot, dlg)
    assert dlg.import_button.isEnabled() and dlg.result.valid_rows == 4
    assert [r.row for r in dlg.notes_model.rows if r.row == 4]  # listed as left out


def test_one_value_for_every_row_from_the_preview(qtbot, dialog, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["姓名", "身份证号", "到岗日期", "用人单位"],
                                          ["张三", make_id(seq=13), "2024-07-01", "县医院"],
                                          ["李四", make_id(seq=15), "2024-07-01", "县医院"]])
    dlg = dialog()
    dlg.load_file(str(path))
    qtbot.waitUntil(lambda: bool(dlg.error.text()) or dlg.result is not None, timeout=15_000)
    assert "one value for every row" in dlg.error.text()
    assert not dlg.import_button.isEnabled()  # no tier column
    dlg.result = None
    dlg.add_fixed_row("tier_code", "E")
    dlg.check()
    _checked(qtbot, dlg)
    assert dlg.fixed_values() == {"tier_code": "E"}
    assert dlg.result.valid_rows == 2 and dlg.import_button.isEnabled()


def test_a_value_mapped_in_the_preview_is_remembered_for_the_next_import(qtbot, dialog, database, tmp_path):
    dlg = dialog()
    dlg.load_file(str(_roster(tmp_path / "r.xlsx", tiers=("特聘", "C", "D", "E", "C"))))
    _checked(qtbot, dlg)
    assert dlg.result.unknown_values == {"tier_code": ["特聘"]} and not dlg.values_table.isHidden()
    combo = dlg.values_table.cellWidget(0, 2)
    qtbot.waitUntil(lambda: combo.count() > 1 or dlg.tiers, timeout=5000)
    dlg.result = None
    dlg.map_value("tier_code", "特聘", "B")
    _checked(qtbot, dlg)
    assert dlg.result.rejected == [] and dlg.import_button.isEnabled()
    dlg.run_import()
    qtbot.waitUntil(lambda: _count(database) == 5, timeout=15_000)
    # the import's own end (its result shown, the mapping kept) comes back on the window's thread after the commit
    qtbot.waitUntil(lambda: getattr(dlg.result, "imported", 0) == 5, timeout=15_000)
    again = dialog()  # the next import: the mapping is already there
    assert again.value_map == {"tier_code": {"特聘": "B"}}
    again.load_file(str(_roster(tmp_path / "s.xlsx", tiers=("特聘",))))
    _checked(qtbot, again)
    assert again.result.rejected == [] or all("already on file" in r.message for r in again.result.rejected)
    assert again.result.unknown_values == {}
