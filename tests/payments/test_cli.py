"""The payment loop's commands: names by name, 文号 or id; `batch approve` exits 1 while the notice runs; the JSON
documents have the shapes the issue gives; bad input is refused with a message and exit 1 or 2."""
from __future__ import annotations

import datetime as dt
import json

from talentdesk.cli import main
from talentdesk.services.base import Actor
from talentdesk.services.payments import batches, calendar
from tests.payments.helpers import build

D = dt.date


def _run(capsys, *args) -> tuple[int, dict | list | None, str]:
    code = main(["--lang", "en", *args] if "--lang" not in args else list(args))
    out = capsys.readouterr()
    try:
        doc = json.loads(out.out) if "--json" in args else None
    except ValueError:
        doc = None
    return code, doc, out.out + out.err


def test_batch_and_verification_commands(database, tmp_path, capsys):
    build(database, with_accounts=False)
    db = str(database.path)
    today = dt.date.today()
    with database.session(Actor.local()) as s:
        if today.year not in calendar.calendar_years(s):  # years after the built-in calendar: the office adds them
            calendar.set_day(s, day=D(today.year, 10, 1), kind="holiday", name="国庆节")
        start = calendar.next_working_day(s, today)

    code, rows, _ = _run(capsys, "--db", db, "verification", "list", "--due-by", "2026-11-30", "--json")
    assert code == 0 and {r["talent_name"] for r in rows} == {"王芳", "李强", "张伟", "刘洋", "陈静", "赵磊"}
    code, _, text = _run(capsys, "--db", db, "--lang", "en", "verification", "confirm", "--employer", "县人民医院",
                         "--due-by", "2026-11-30")
    assert code == 0 and "3 talents confirmed" in text
    assert _run(capsys, "--db", db, "verification", "confirm", "--talent", "张伟", "--due-by", "2026-11-30")[0] == 0
    assert _run(capsys, "--db", db, "verification", "confirm", "--all", "--period", "2026")[0] == 0
    code, doc, _ = _run(capsys, "--db", db, "verification", "confirm", "--all", "--period", "2026", "--json")
    assert code == 1 and doc["exit"] == 1  # nobody waits any more

    # both policies carry the same 文号: naming it is ambiguous, the name is not
    code, doc, _ = _run(capsys, "--db", db, "batch", "create", "--due-by", "2026-11-30", "--policy",
                        "县委人才办〔2020〕1号", "--json")
    assert code == 1 and "several policies" in doc["error"]
    code, doc, _ = _run(capsys, "--db", db, "batch", "create", "--due-by", "2026-11-30", "--policy",
                        "高层次人才安家补贴", "--json")
    assert code == 0 and doc == {"batch": 1, "items": 5, "total_fen": 5_000_000}

    code, doc, _ = _run(capsys, "--db", db, "batch", "publicize", "1", "--start", start.isoformat(), "--days", "5",
                        "--out", str(tmp_path / "notice.pdf"), "--xlsx", str(tmp_path / "notice.xlsx"), "--json")
    assert code == 0 and (tmp_path / "notice.pdf").exists() and (tmp_path / "notice.xlsx").exists()
    code, doc, _ = _run(capsys, "--db", db, "batch", "objection", "PB%d-0001" % today.year, "--talent", "刘洋",
                        "--note", "实际未在岗", "--upheld", "--json")
    assert code == 0 and doc["upheld"] is True
    code, doc, _ = _run(capsys, "--db", db, "batch", "approve", "1", "--json")
    assert code == 1 and "runs until" in doc["error"]  # the notice runs

    with database.session(Actor.local()) as s:  # the clock moves on
        batches.approve_batch(s, batch_id=1, today=doc_end(s, 1) + dt.timedelta(days=1))
    code, doc, _ = _run(capsys, "--db", db, "batch", "export-bank", "1", "--template", "通用 CSV", "--out",
                        str(tmp_path / "bank.csv"), "--json")
    assert code == 0 and doc["lines"] == 4
    sent = (tmp_path / "bank.csv").read_text(encoding="utf-8-sig").splitlines()
    back = [sent[0], sent[1] + ",结果,失败原因"] + [ln + (",失败,账户冻结" if i == 0 else ",成功,")
                                               for i, ln in enumerate(sent[2:])]
    (tmp_path / "return.csv").write_text("\n".join(back), encoding="utf-8-sig")
    code, doc, _ = _run(capsys, "--db", db, "batch", "import-return", "1", str(tmp_path / "return.csv"), "--json")
    assert code == 0 and doc == {"paid": 3, "failed": 1, "paid_fen": 3_000_000, "failed_fen": 1_000_000}
    code, doc, _ = _run(capsys, "--db", db, "batch", "show", "1", "--json")
    assert code == 0 and doc["batch"]["status"] == "reconciled" and doc["figures"]["outstanding_fen"] == 1_000_000
    code, doc, _ = _run(capsys, "--db", db, "batch", "report", "1", "--out", str(tmp_path / "r.xlsx"), "--json")
    assert code == 0 and (tmp_path / "r.xlsx").exists()

    # bad input: a message and an exit code, never a traceback
    assert _run(capsys, "--db", db, "batch", "show", "999")[0] == 1
    assert _run(capsys, "--db", db, "batch", "import-return", "1", str(tmp_path / "none.csv"))[0] == 2
    code, _, text = _run(capsys, "--db", db, "--lang", "en", "batch", "import-return", "1", str(tmp_path / "return.csv"))
    assert code == 1 and "reconciled already" in text
    assert _run(capsys, "--db", db, "batch", "create", "--due-by", "2026-13-01")[0] == 2
    code, _, text = _run(capsys, "--db", db, "--lang", "en", "bank-account", "set", "陈静", "--account",
                         "6222021234567890121", "--bank", "县农商银行")
    assert code == 1 and "Luhn" in text
    code, _, text = _run(capsys, "--db", db, "--lang", "en", "bank-account", "set", "陈静", "--account",
                         "6.22202E+18", "--bank", "县农商银行")
    assert code == 1 and "Excel" in text
    assert _run(capsys, "--db", db, "bank-account", "set", "陈静", "--account", "６２２２ ０２１２ ３４５６ ７８９０ １２８",
                "--bank", "县农商银行")[0] == 0
    code, doc, _ = _run(capsys, "--db", db, "bank-layouts", "copy", "通用 CSV", "--name", "县农商银行 CSV", "--json")
    assert code == 0 and doc["builtin"] is False
    assert _run(capsys, "--db", db, "bank-layouts", "copy", "通用 CSV", "--name", "县农商银行 CSV")[0] == 1
    code, _, text = _run(capsys, "--db", db, "bank-layouts", "show", "县农商银行 CSV")
    layout = json.loads(text)
    layout["encoding"] = "gb18030"
    (tmp_path / "layout.json").write_text(json.dumps(layout, ensure_ascii=False), encoding="utf-8")
    code, doc, _ = _run(capsys, "--db", db, "bank-layouts", "edit", "县农商银行 CSV", "--file",
                        str(tmp_path / "layout.json"), "--json")
    assert code == 0 and doc["encoding"] == "gb18030"
    (tmp_path / "layout.json").write_text("{not json", encoding="utf-8")
    assert _run(capsys, "--db", db, "bank-layouts", "edit", "县农商银行 CSV", "--file", str(tmp_path / "layout.json"))[0] == 2
    assert _run(capsys, "--db", db, "bank-layouts", "edit", "通用 CSV", "--file", str(tmp_path / "layout.json"))[0] == 2
    code, _, text = _run(capsys, "--db", db, "workdays", "list", "--year", "2026")
    assert code == 0 and "2026-10-10 workday" in text


def doc_end(s, batch_id: int) -> dt.date:
    from talentdesk.domain.models import PaymentBatch

    return s.get(PaymentBatch, batch_id).notice_end
