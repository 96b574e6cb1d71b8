"""Bank return files that must be refused whole — unknown lines, changed amounts, duplicate lines, another batch's
file, words the layout does not know, a file that is no workbook — changing nothing; and the text layouts (the
一卡通/社保卡 agency bank's GB18030 file with amounts in fen, the CSV) read back line by line."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from talentdesk.domain.errors import InputFileError, RuleViolation, TalentDeskError, ValidationError
from talentdesk.domain.models import AuditEntry, LedgerEntry, PaymentBatch, PaymentBatchItem
from talentdesk.services.payments import batches, verification
from tests.payments.helpers import build, return_file

D = dt.date
GENERIC = "通用 Excel（.xlsx）"


def _sent(database, tmp_path, c, *, policy: int, layout: str = GENERIC, name: str = "bank") -> tuple[int, object]:
    with database.session(c.clerk) as s:
        made = batches.create_batch(s, due_by=D(2026, 11, 30), policy_id=policy, today=D(2026, 11, 2))
        batches.publicize(s, batch_id=made.batch, start=D(2026, 11, 2), pdf_path=tmp_path / f"{name}-notice.pdf")
    with database.session(c.approver) as s:
        batches.approve_batch(s, batch_id=made.batch, today=D(2026, 11, 20))
    suffix = {"通用 CSV": ".csv", GENERIC: ".xlsx"}.get(layout, ".txt")
    out = tmp_path / f"{name}{suffix}"
    with database.session(c.clerk) as s:
        batches.export_bank_file(s, batch_id=made.batch, layout=layout, out_path=out)
    return made.batch, out


@pytest.fixture
def county(database):
    c = build(database)
    with database.session(c.clerk) as s:
        verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=D(2026, 11, 2))
    return c


def _state(database, bid: int):
    with database.session(_any(), readonly=True) as s:
        return (s.scalar(select(func.count()).select_from(LedgerEntry)),
                tuple(s.scalars(select(PaymentBatchItem.status).where(PaymentBatchItem.batch_id == bid)
                                .order_by(PaymentBatchItem.line_no))),
                s.get(PaymentBatch, bid).returns_imported, s.get(PaymentBatch, bid).status,
                s.scalar(select(func.count()).select_from(AuditEntry)))


def _any():
    from talentdesk.services.base import Actor

    return Actor.local()


def _edit(src, dst, change):
    wb = load_workbook(src)
    change(wb.active)
    wb.save(dst)
    return dst


def _data_rows(ws):
    return [r for r in ws.iter_rows() if isinstance(r[0].value, int)]


def _refused(database, c, bid, path, match, exc=ValidationError):
    before = _state(database, bid)
    with pytest.raises(exc) as info, database.session(c.clerk) as s:  # the unit of work sees the error: rollback
        batches.import_return(s, batch_id=bid, path=path, pay_date=D(2026, 11, 30))
    text = info.value.message + "\n" + "\n".join(info.value.details)
    assert match in text, text
    assert _state(database, bid) == before  # nothing changed, not even the audit trail
    return text


def test_bad_return_files_are_refused_and_change_nothing(database, county, tmp_path):
    c = county
    bid, sent = _sent(database, tmp_path, c, policy=c.settle)
    other, other_sent = _sent(database, tmp_path, c, policy=c.living, name="other")
    good = return_file(sent, tmp_path / "good.xlsx", {1: ("失败", "账户冻结")})

    def unknown(ws):
        last = _data_rows(ws)[-1]
        ws.insert_rows(last[0].row + 1)
        for col, v in enumerate([99, "钱多多", "6222021234567890128", "县农商银行", "1000.00", "", "", "成功", ""], 1):
            ws.cell(row=last[0].row + 1, column=col, value=v)
    _refused(database, c, bid, _edit(good, tmp_path / "unknown.xlsx", unknown), "line 99 is not a line sent")

    def amount(ws):
        _data_rows(ws)[1][4].value = 10001
    _refused(database, c, bid, _edit(good, tmp_path / "amount.xlsx", amount), "but ¥10,000.00 was sent")

    def duplicate(ws):
        row = _data_rows(ws)[0]
        ws.insert_rows(row[0].row + 1)
        for col, cell in enumerate(row, 1):
            ws.cell(row=row[0].row + 1, column=col, value=cell.value)
    _refused(database, c, bid, _edit(good, tmp_path / "dup.xlsx", duplicate), "appears twice")

    def word(ws):
        _data_rows(ws)[0][7].value = "处理中"
    _refused(database, c, bid, _edit(good, tmp_path / "word.xlsx", word), "neither 成功 nor 失败")

    def name(ws):
        _data_rows(ws)[0][1].value = "王 芳芳"
    _refused(database, c, bid, _edit(good, tmp_path / "name.xlsx", name), "names 王 芳芳")

    others_return = return_file(other_sent, tmp_path / "other-return.xlsx", {})
    _refused(database, c, bid, others_return, "belongs to batch")

    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is no workbook")
    _refused(database, c, bid, junk, "not a readable .xlsx", InputFileError)
    _refused(database, c, bid, sent, "no heading row", InputFileError)  # the sent file itself: no 结果 column

    # the good file is read; reading it again is refused (every line has its result)
    with database.session(c.clerk) as s:
        res = batches.import_return(s, batch_id=bid, path=good, pay_date=D(2026, 11, 30))
    assert (res.paid, res.failed) == (4, 1)
    with database.session(c.clerk) as s, pytest.raises(RuleViolation, match="reconciled already"):
        batches.import_return(s, batch_id=bid, path=good, pay_date=D(2026, 11, 30))


def test_a_partial_return_then_the_rest(database, county, tmp_path):
    c = county
    bid, sent = _sent(database, tmp_path, c, policy=c.settle)
    full = return_file(sent, tmp_path / "full.xlsx", {})
    part = _edit(full, tmp_path / "part.xlsx", lambda ws: [ws.delete_rows(r[0].row) for r in _data_rows(ws)[2:][::-1]])
    with database.session(c.clerk) as s:
        assert batches.import_return(s, batch_id=bid, path=part, pay_date=D(2026, 11, 30)).paid == 2
        assert batches.batch_detail(s, batch_id=bid).batch.status == "sent"
    _refused(database, c, bid, full, "already has its result")  # the first two again: the whole file is refused
    rest = _edit(full, tmp_path / "rest.xlsx", lambda ws: [ws.delete_rows(r[0].row) for r in _data_rows(ws)[:2][::-1]])
    with database.session(c.clerk) as s:
        assert batches.import_return(s, batch_id=bid, path=rest, pay_date=D(2026, 11, 30)).paid == 3
        assert batches.batch_detail(s, batch_id=bid).batch.status == "reconciled"


def test_social_security_card_layout_in_fen_and_gb18030(database, county, tmp_path):
    c = county
    bid, sent = _sent(database, tmp_path, c, policy=c.settle, layout="一卡通/社保卡代发（文本）")
    raw = sent.read_bytes().decode("gb18030").splitlines()
    assert raw[0].startswith("PB2026-") and raw[0].endswith("|5|5000000")  # batch|count|total in fen
    assert raw[1].split("|")[4] == "1000000" and "高层次人才安家补贴" in raw[1]
    back = [raw[0]] + [ln + ("|1|户名不符" if i == 1 else "|0|") for i, ln in enumerate(raw[1:], 1)]
    ret = tmp_path / "return.txt"
    ret.write_bytes("\r\n".join(back).encode("gb18030"))
    with database.session(c.clerk) as s:
        res = batches.import_return(s, batch_id=bid, path=ret, pay_date=D(2026, 11, 30))
    assert (res.paid, res.failed, res.failed_fen) == (4, 1, 1_000_000)


def test_csv_layout_round_trip(database, county, tmp_path):
    c = county
    bid, sent = _sent(database, tmp_path, c, policy=c.living, layout="通用 CSV")
    text = sent.read_text(encoding="utf-8-sig").splitlines()
    assert text[0].startswith("批次号,PB2026-") and text[1].startswith("序号,户名,账号")
    back = [text[0], text[1] + ",结果,失败原因"] + [ln + ",成功," for ln in text[2:]]
    ret = tmp_path / "ret.csv"
    ret.write_text("\n".join(back), encoding="utf-8-sig")
    with database.session(c.clerk) as s:
        assert batches.import_return(s, batch_id=bid, path=ret, pay_date=D(2026, 11, 30)).paid_fen == 1_200_000


def test_objections_and_states_are_enforced(database, county, tmp_path):
    c = county
    with database.session(c.clerk) as s:
        made = batches.create_batch(s, due_by=D(2026, 11, 30), today=D(2026, 11, 20))
        with pytest.raises(TalentDeskError, match="not a working day; the notice can start on 2026-11-23"):
            batches.publicize(s, batch_id=made.batch, start=D(2026, 11, 21), pdf_path=tmp_path / "n.pdf")
        with pytest.raises(TalentDeskError, match="before the batch was made"):
            batches.publicize(s, batch_id=made.batch, start=D(2026, 11, 19), pdf_path=tmp_path / "n.pdf")
        with pytest.raises(RuleViolation, match="objected to"):
            batches.record_objection(s, batch_id=made.batch, talent_id=c.talents["王芳"], note="x")
    assert not (tmp_path / "n.pdf").exists()
    with database.session(c.approver) as s, pytest.raises(RuleViolation, match="not been published"):
        batches.approve_batch(s, batch_id=made.batch, today=D(2026, 12, 30))
    with database.session(c.clerk) as s, pytest.raises(RuleViolation):
        batches.export_bank_file(s, batch_id=made.batch, layout=GENERIC, out_path=tmp_path / "b.xlsx")
    assert not (tmp_path / "b.xlsx").exists()
