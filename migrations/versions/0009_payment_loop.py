"""the payment loop (issue 19): 在岗核验 per policy and its verifications, the working-day calendar (China's official
holiday arrangements 2025–2026 and the statutory days of 2027 built in, editable), bank accounts, bank file layouts
(generic .xlsx, 一卡通/社保卡 agency bank, CSV built in), payment batches with 公示, their items and objections.

Revision ID: loop_1
Revises: proof_1
"""
from __future__ import annotations

import datetime as dt
import json

from alembic import op
import sqlalchemy as sa

from talentdesk.store.schema_kit import create_table, drop_tables, partial_unique


revision = 'loop_1'
down_revision = 'proof_1'


def upgrade() -> None:
    create_table("bank_layouts", """
        name            str60  unique
        builtin         bool
        file_format     str8
        encoding        str16
        delimiter       str4
        amount_unit     str4
        columns         text
        header_rows     text
        footer_rows     text
        return_mapping  text
        notes           str200
        stamps
        check amount_unit_valid: amount_unit IN ('yuan', 'fen')
        check file_format_valid: file_format IN ('xlsx', 'csv', 'txt')
        """)
    create_table("calendar_days", """
        day      date  pk
        kind     str8
        name     str40
        builtin  bool
        check kind_valid: kind IN ('holiday', 'workday')
        """)
    create_table("payment_batches", """
        number             str20     unique
        status             str12
        due_by             date
        policy_id          int?      >subsidy_policies
        employer_id        int?      >employers
        reissue_of_id      int?      >payment_batches
        created_by_id      int?      >users
        created_by         str60
        notice_start       date?
        notice_end         date?
        notice_days        int?
        objection_contact  str200
        publicized_by      str60
        approved_by_id     int?      >users
        approved_by        str60
        approved_at        datetime?
        layout_name        str60
        sent_at            datetime?
        sent_by            str60
        returns_imported   int
        reconciled_at      datetime?
        memo               str200
        stamps
        check status_valid: status IN ('draft', 'publicized', 'approved', 'sent', 'reconciled', 'cancelled')
        check approver_not_creator: approved_by_id IS NULL OR created_by_id IS NULL OR approved_by_id <> created_by_id
        check notice_range: notice_end IS NULL OR notice_start IS NULL OR notice_end >= notice_start
        index ix_payment_batches_status: status id
        """)
    create_table("bank_accounts", """
        talent_id    int    >talents
        kind         str12
        account_no   str40
        bank_name    str80
        holder_name  str40
        active       bool
        note         str200
        stamps
        check kind_valid: kind IN ('card', 'social', 'account')
        index ix_bank_accounts_talent: talent_id active
        """,
        indexes=[partial_unique("uq_bank_accounts_current_talent", "talent_id", "active = 1", postgresql="active")])
    create_table("verifications", """
        talent_id        int      >talents
        employer_id      int?     >employers
        period           str20
        outcome          str12
        confirmed_on     date
        confirmed_by     str60
        confirmed_by_id  int?     >users
        note             str200
        created_at       datetime
        check outcome_valid: outcome IN ('in_post', 'gone')
        index ix_verifications_employer: employer_id confirmed_on
        index ix_verifications_talent: talent_id period
        """)
    create_table("payment_batch_items", """
        batch_id          int    >payment_batches
        line_no           int
        instalment_id     int    >instalments
        grant_id          int    >subsidy_grants
        talent_id         int    >talents
        payment_id        int?   >payments
        amount_fen        int
        account_no        str40
        bank_name         str80
        holder_name       str40
        status            str12
        fail_reason       str200
        reissued_item_id  int?   >payment_batch_items
        entry_id          int?   >ledger_entries
        check status_valid: status IN ('included', 'withdrawn', 'sent', 'paid', 'failed')
        check amount_positive: amount_fen > 0
        index ix_payment_batch_items_batch: batch_id line_no
        index ix_payment_batch_items_instalment: instalment_id
        index ix_payment_batch_items_payment: payment_id
        index ix_payment_batch_items_talent: talent_id
        """)
    create_table("payment_objections", """
        batch_id     int      >payment_batches
        talent_id    int      >talents
        item_id      int?     >payment_batch_items
        note         str400
        upheld       bool
        received_on  date
        recorded_by  str60
        created_at   datetime
        index ix_payment_objections_batch: batch_id talent_id
        """)
    with op.batch_alter_table('subsidy_policies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verification_rule', sa.String(length=8), server_default=sa.text("'none'"), nullable=False))
        batch_op.create_check_constraint(op.f('ck_subsidy_policies_verification_rule_valid'), "verification_rule IN ('none', 'yearly', 'each')")

    _seed()


# ------------------------------------------------------------------ built-in data (copied here: a migration never changes)

def _days(first: str, last: str) -> list[dt.date]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


# (name, holiday spans, weekend days worked) — 国务院办公厅关于节假日安排的通知 for 2025 (国办发明电〔2024〕12号) and
# 2026 (国办发明电〔2025〕7号); for 2027 only the statutory days of 《全国年节及纪念日放假办法》 (2024) until the office
# enters the State Council's arrangement (its bridge days and weekend workdays) when it is published.
CALENDAR = [
    ("元旦", [("2025-01-01", "2025-01-01")], []),
    ("春节", [("2025-01-28", "2025-02-04")], ["2025-01-26", "2025-02-08"]),
    ("清明节", [("2025-04-04", "2025-04-06")], []),
    ("劳动节", [("2025-05-01", "2025-05-05")], ["2025-04-27"]),
    ("端午节", [("2025-05-31", "2025-06-02")], []),
    ("国庆节、中秋节", [("2025-10-01", "2025-10-08")], ["2025-09-28", "2025-10-11"]),
    ("元旦", [("2026-01-01", "2026-01-03")], ["2026-01-04"]),
    ("春节", [("2026-02-15", "2026-02-23")], ["2026-02-14", "2026-02-28"]),
    ("清明节", [("2026-04-04", "2026-04-06")], []),
    ("劳动节", [("2026-05-01", "2026-05-05")], ["2026-05-09"]),
    ("端午节", [("2026-06-19", "2026-06-21")], []),
    ("中秋节", [("2026-09-25", "2026-09-27")], []),
    ("国庆节", [("2026-10-01", "2026-10-07")], ["2026-09-20", "2026-10-10"]),
    ("元旦", [("2027-01-01", "2027-01-01")], []),
    ("春节", [("2027-02-05", "2027-02-08")], []),
    ("清明节", [("2027-04-05", "2027-04-05")], []),
    ("劳动节", [("2027-05-01", "2027-05-02")], []),
    ("端午节", [("2027-06-09", "2027-06-09")], []),
    ("中秋节", [("2027-09-15", "2027-09-15")], []),
    ("国庆节", [("2027-10-01", "2027-10-03")], []),
]

GENERIC_COLUMNS = [
    {"field": "line_no", "title": "序号"}, {"field": "holder_name", "title": "户名"},
    {"field": "account_no", "title": "账号"}, {"field": "bank_name", "title": "开户行"},
    {"field": "amount", "title": "金额（元）"}, {"field": "id_number", "title": "身份证号"},
    {"field": "memo", "title": "摘要"},
]
GENERIC_RETURN = {"by": "title", "fields": {
    "line_no": "序号", "holder_name": "户名", "account_no": "账号", "amount": "金额（元）", "result": "结果",
    "reason": "失败原因"}, "success": ["成功"], "failure": ["失败"]}
SOCIAL_COLUMNS = [
    {"field": "line_no", "title": "序号"}, {"field": "id_number", "title": "社会保障号码"},
    {"field": "holder_name", "title": "姓名"}, {"field": "account_no", "title": "社保卡银行账号"},
    {"field": "amount", "title": "金额（分）"}, {"field": "memo", "title": "摘要"},
]
SOCIAL_RETURN = {"by": "position", "fields": {
    "line_no": 0, "holder_name": 2, "account_no": 3, "amount": 4, "result": 6, "reason": 7},
    "success": ["0", "0000", "成功"], "failure": ["1", "9999", "失败"]}

LAYOUTS = [
    dict(name="通用 Excel（.xlsx）", file_format="xlsx", encoding="utf-8", delimiter=",", amount_unit="yuan",
         columns=GENERIC_COLUMNS,
         header_rows=[["{office}人才补贴代发清单"], ["批次号", "{batch}", "笔数", "{count}", "总金额（元）", "{total_yuan}"],
                      ["{titles}"]],
         footer_rows=[["合计", "", "", "", "{total_yuan}"]], return_mapping=GENERIC_RETURN,
         notes="回盘文件：原文件加两列“结果”（成功/失败）和“失败原因”。"),
    dict(name="一卡通/社保卡代发（文本）", file_format="txt", encoding="gb18030", delimiter="|", amount_unit="fen",
         columns=SOCIAL_COLUMNS, header_rows=[["{batch}", "{count}", "{total_fen}"]], footer_rows=[],
         return_mapping=SOCIAL_RETURN,
         notes="首行：批次号|笔数|总金额（分）；回盘每行在原行后加：处理结果（0 成功，1 失败）|失败原因。"),
    dict(name="通用 CSV", file_format="csv", encoding="utf-8-sig", delimiter=",", amount_unit="yuan",
         columns=GENERIC_COLUMNS, header_rows=[["批次号", "{batch}"], ["{titles}"]], footer_rows=[],
         return_mapping=GENERIC_RETURN, notes="回盘文件：原文件加两列“结果”（成功/失败）和“失败原因”。"),
]


def _seed() -> None:
    days = sa.table("calendar_days", sa.column("day", sa.Date), sa.column("kind", sa.String),
                    sa.column("name", sa.String), sa.column("builtin", sa.Boolean))
    rows = []
    for name, spans, worked in CALENDAR:
        for first, last in spans:
            rows += [{"day": d, "kind": "holiday", "name": name, "builtin": True} for d in _days(first, last)]
        rows += [{"day": dt.date.fromisoformat(d), "kind": "workday", "name": f"{name}调休上班", "builtin": True}
                 for d in worked]
    op.bulk_insert(days, rows)
    layouts = sa.table("bank_layouts", *(sa.column(c) for c in (
        "name", "builtin", "file_format", "encoding", "delimiter", "amount_unit", "columns", "header_rows",
        "footer_rows", "return_mapping", "notes")))
    op.bulk_insert(layouts, [{**d, "builtin": True, "columns": json.dumps(d["columns"], ensure_ascii=False),
                              "header_rows": json.dumps(d["header_rows"], ensure_ascii=False),
                              "footer_rows": json.dumps(d["footer_rows"], ensure_ascii=False),
                              "return_mapping": json.dumps(d["return_mapping"], ensure_ascii=False)}
                             for d in LAYOUTS])


def downgrade() -> None:
    with op.batch_alter_table('subsidy_policies', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_subsidy_policies_verification_rule_valid'), type_='check')
        batch_op.drop_column('verification_rule')
    drop_tables("payment_objections", "payment_batch_items", "verifications", "bank_accounts", "payment_batches",
                "calendar_days", "bank_layouts")
