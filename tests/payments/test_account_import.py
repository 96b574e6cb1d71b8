"""The office's bank account list moves in as it is kept: a title row, full-width digits, card numbers with spaces,
a totals row — and numbers Excel rounded, mistyped cards, strangers and duplicates refused with the row and why."""
from __future__ import annotations

from openpyxl import Workbook
from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.models import Talent
from talentdesk.services.base import Actor
from talentdesk.services.payments import accounts
from talentdesk.services.payments.account_import import import_accounts
from tests.payments.helpers import build


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年人才补贴代发账户汇总表（县人才办）"])
    ws.append(["序号", "姓名", "身份证号码", "开户银行", "银行卡号", "账户类型", "备注"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_an_office_list_of_accounts_moves_in(database, tmp_path, capsys):
    build(database, with_accounts=False)
    with database.session(Actor.local(), readonly=True) as s:
        ids = dict(s.execute(select(Talent.name, Talent.id_number)).all())
    good = [
        [1, "陈静", ids["陈静"], "县农商银行", "６２２２ ０２１２ ３４５６ ７８９０ １２８", "银行卡", ""],
        [2, "王芳", ids["王芳"].lower(), "县农商银行营业部", "6222021234567890128", "", "未变"],
        [3, "刘洋", ids["刘洋"], "县信用社", "330120001234567", "存折", ""],
        ["合计", "3人", "", "", "", "", ""],
    ]
    path = _sheet(tmp_path / "accounts.xlsx", good)
    with database.session(Actor.local()) as s:
        r = import_accounts(s, path=path)
    assert (r.imported, r.valid_rows, r.rejected) == (2, 3, []) and r.extra["unchanged"] == 1
    assert r.not_data  # the totals row
    with database.session(Actor.local(), readonly=True) as s:
        assert accounts.get_account(s, talent_id=s.scalar(select(Talent.id).where(Talent.name == "刘洋"))).kind == "account"

    bad = [
        [1, "张伟", ids["张伟"], "县农商银行", 6.22202123456789e18, "", ""],        # Excel rounded it
        [2, "李强", ids["李强"], "县农商银行", "6222021234567890121", "", ""],      # Luhn
        [3, "李强", ids["张伟"], "县农商银行", "6222021234567890128", "", ""],      # another person's ID number
        [4, "赵磊", ids["赵磊"], "", "6222021234567890128", "", ""],                # no bank
        [5, "赵磊", ids["赵磊"], "县农商银行", "6222021234567890128", "存款", ""],   # not a kind
        [6, "某某", "330102199001011234", "县农商银行", "6222021234567890128", "", ""],
    ]
    path = _sheet(tmp_path / "bad.xlsx", bad)
    code = main(["--db", str(database.path), "--lang", "en", "bank-account", "import", str(path)])
    out = capsys.readouterr().out
    assert code == 1 and "0 bank accounts imported" in out
    for words in ("lost its last digits", "Luhn", "belongs to 张伟", "bank is missing", "not a kind of account",
                  "No talent with the ID number"):
        assert words in out, words
