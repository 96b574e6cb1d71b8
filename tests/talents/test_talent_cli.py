"""`talentdesk import talents` / `export talents`: JSON shape and exit codes 0 / 1 / 2."""
from __future__ import annotations

import json
import sqlite3

from talentdesk.cli import main

from tests.talents.helpers import make_id, write_csv

HEAD = ["姓名", "身份证号", "人才类别", "到岗日期", "用人单位"]


def _run(capsys, *args):
    code = main(["--lang", "en", *args])
    return code, capsys.readouterr()


def _talents(db_path) -> int:
    with sqlite3.connect(db_path) as c:
        return c.execute("SELECT count(*) FROM talents").fetchone()[0]


def test_import_reports_json_and_exits_0(db_path, tmp_path, capsys):
    f = write_csv(tmp_path / "r.csv", [HEAD, ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"], [], ["", ""]])
    code, out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--json")
    doc = json.loads(out.out)
    assert code == 0
    assert {k: doc[k] for k in ("imported", "skipped_blank", "rejected", "new_employers")} == {
        "imported": 1, "skipped_blank": 2, "rejected": [], "new_employers": ["县医院"]}
    assert _talents(db_path) == 1
    assert list((db_path.parent / "backups").glob("*-import.db"))  # a safety copy was taken first


def test_rejected_rows_exit_1_and_import_nothing(db_path, tmp_path, capsys):
    f = write_csv(tmp_path / "r.csv", [HEAD, ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"],
                                       ["李四", "12345", "C", "2023-07-01", "县医院"]])
    code, out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--json")
    doc = json.loads(out.out)
    assert code == 1 and doc["imported"] == 0
    assert doc["rejected"] == [{"row": 3, "column": "身份证号", "message": doc["rejected"][0]["message"]}]
    assert "18 characters" in doc["rejected"][0]["message"]
    assert _talents(db_path) == 0
    code, out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--skip-invalid")
    assert code == 0 and "Imported 1" in out.out and _talents(db_path) == 1


def test_a_clean_dry_run_exits_0_and_changes_nothing(db_path, tmp_path, capsys):
    f = write_csv(tmp_path / "r.csv", [HEAD, ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"]])
    code, out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--dry-run")
    assert code == 0 and "Dry run" in out.out and _talents(db_path) == 0


def test_map_option_maps_an_unknown_column(db_path, tmp_path, capsys):
    f = write_csv(tmp_path / "r.csv", [["姓名", "证件", "人才类别", "到岗日期", "用人单位"],
                                       ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"]])
    code, _out = _run(capsys, "--db", str(db_path), "import", "talents", str(f))
    assert code == 1 and _talents(db_path) == 0
    code, _out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--map", "证件=id_number")
    assert code == 0 and _talents(db_path) == 1


def test_an_unreadable_file_exits_2_with_a_message(db_path, tmp_path, capsys):
    f = tmp_path / "r.xlsx"
    f.write_bytes(b"garbage")
    code, out = _run(capsys, "--db", str(db_path), "import", "talents", str(f), "--json")
    assert code == 2 and "Excel" in json.loads(out.out)["error"] and "Traceback" not in out.err


def test_export_writes_xlsx_and_csv(db_path, tmp_path, capsys):
    f = write_csv(tmp_path / "r.csv", [HEAD, ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"]])
    _run(capsys, "--db", str(db_path), "import", "talents", str(f))
    for name in ("out.xlsx", "out.csv"):
        code, out = _run(capsys, "--db", str(db_path), "export", "talents", str(tmp_path / name), "--json")
        assert code == 0 and json.loads(out.out)["rows"] == 1 and (tmp_path / name).stat().st_size > 0
    code, out = _run(capsys, "--db", str(db_path), "export", "talents", str(tmp_path / "out.pdf"))
    assert code == 2


def test_the_backup_before_an_import_is_also_copied_to_the_second_folder(db_path, tmp_path, capsys):
    from talentdesk.services.common import settings
    from talentdesk.services.base import Actor, Database

    usb = tmp_path / "usb"
    usb.mkdir()
    database = Database.open(db_path)
    with database.session(Actor.local()) as s:
        settings.set_setting(s, key="backup_second_folder", value=str(usb))
    database.dispose()
    f = write_csv(tmp_path / "r.csv", [HEAD, ["张三", make_id(seq=13), "C", "2023-07-01", "县医院"]])
    code, _ = _run(capsys, "--db", str(db_path), "import", "talents", str(f))
    assert code == 0
    copies = list(usb.rglob("*import*.db"))
    assert copies and sqlite3.connect(copies[0]).execute("SELECT count(*) FROM talents").fetchone()[0] == 0
