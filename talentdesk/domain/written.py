"""Values as offices write them in their payment and policy lists: amounts (`1.5万元`, `￥15,000`, Excel floats),
instalments (`2/3`, `第2期`, `第二期`), payment methods. Pure functions, exact to the fen (Decimal, never float
arithmetic on money)."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from talentdesk.domain.errors import ValidationError
from talentdesk.domain.values import MAX_FEN, to_halfwidth
from talentdesk.i18n import translate

# Excel keeps numbers as binary floats: 15000 typed into a formula cell can come back as 14999.999999999998.
# Such noise is far below a fen; a float further than this from a whole fen is a real third decimal.
_FLOAT_NOISE = Decimal("0.0001")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CURRENCY = ("￥", "¥", "RMB", "rmb", "CNY", "cny")


def _not_amount(field: str, raw: Any) -> ValidationError:
    return ValidationError(translate("Written", "“{value}” is not an amount; write it like 15000, 15,000.00, "
                                                "1.5万 or ￥15,000.").format(value=raw), field=field)


def parse_written_amount(raw: Any, *, field: str = "amount") -> int:
    """An amount as written in an office's list, in integer fen.

    15000, '15,000.00', '1.5万', '1.5万元', '￥15,000', '15000元', Excel floats such as 14999.999999 (rounded to the
    nearest fen only when the difference is float noise). Refuses blanks, negatives, zero and a third decimal."""
    if raw is None or isinstance(raw, bool):
        raise ValidationError(translate("Written", "The amount is missing."), field=field)
    if isinstance(raw, int):
        d = Decimal(raw)
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise _not_amount(field, raw)
        d = Decimal(repr(raw))  # the shortest decimal that round-trips: 14999.999999 stays 14999.999999
        nearest = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if abs(d - nearest) <= _FLOAT_NOISE:
            d = nearest
    elif isinstance(raw, Decimal):
        d = raw
    else:
        text = re.sub(r"\s+", "", to_halfwidth(str(raw)))
        if not text:
            raise ValidationError(translate("Written", "The amount is missing."), field=field)
        for sym in _CURRENCY:
            text = text.replace(sym, "")
        text = text.replace(",", "").replace("，", "")
        text = text.removesuffix("整").removesuffix("元").removesuffix("圆")
        factor = 1
        if text.endswith("万"):
            factor, text = 10000, text[:-1]
        try:
            d = Decimal(text) * factor
        except InvalidOperation:
            raise _not_amount(field, raw) from None
    if not d.is_finite():
        raise _not_amount(field, raw)
    if d < 0:
        raise ValidationError(translate("Written", "The amount cannot be negative; money paid back is a "
                                                   "refund."), field=field)
    if d == 0:
        raise ValidationError(translate("Written", "The amount must be greater than zero."), field=field)
    if d != d.quantize(Decimal("0.01")):
        raise ValidationError(translate("Written", "“{value}” has more than two decimal places; amounts are exact to "
                                                   "the fen.").format(value=raw), field=field)
    fen = int(d * 100)
    if fen > MAX_FEN:
        raise ValidationError(translate("Written", "The amount is too large."), field=field)
    return fen


def _small_number(text: str) -> int | None:
    """'2' / '二' / '十二' / '２' -> int; None when it is no number."""
    text = to_halfwidth(text)
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(text) == 1:
        return _CN_DIGITS[text]
    return None


_INSTALMENT = (
    re.compile(r"^(?P<seq>[^/／]+)[/／](?P<count>.+)$"),                    # 2/3
    re.compile(r"^第(?P<seq>.+?)期(?:[(（]?共(?P<count>.+?)期[)）]?)?$"),  # 第2期, 第2期(共3期)
    re.compile(r"^(?P<seq>.+?)期$"),                                       # 2期
    re.compile(r"^(?P<seq>[0-9]+)$"),                                      # 2
)


def parse_instalment(raw: Any, *, field: str = "instalment") -> tuple[int | None, int | None]:
    """The instalment as written: '2/3' -> (2, 3), '第2期' / '第二期' / '2' -> (2, None), blank -> (None, None)
    (the import then places the payment by its date). Excel may turn '2/3' into a date; that is refused with
    the reason."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raise ValidationError(translate("Written", "Write the instalment like 2/3 or 第2期."), field=field)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, int):
        if raw < 1:
            raise ValidationError(translate("Written", "Instalments are counted from 1."), field=field)
        return raw, None
    if hasattr(raw, "year"):
        raise ValidationError(translate("Written", "Excel turned the instalment into a date; set the column to "
                                                   "text (文本) and write it like 2/3 again."), field=field)
    text = re.sub(r"\s+", "", to_halfwidth(str(raw)))
    if not text or text in ("-", "—", "/"):
        return None, None
    if text in ("一次性", "一次性发放", "全额"):
        return 1, 1
    m = re.match(r"^共(.+?)期$", text)  # only the number of instalments (a grant with nothing paid yet)
    if m and _small_number(m.group(1)):
        return None, _small_number(m.group(1))
    for pattern in _INSTALMENT:
        m = pattern.match(text)
        if not m:
            continue
        seq = _small_number(m.group("seq"))
        count_text = m.groupdict().get("count")
        count = _small_number(count_text) if count_text else None
        if seq is None or (count_text and count is None):
            break
        if seq < 1 or (count is not None and count < 1):
            raise ValidationError(translate("Written", "Instalments are counted from 1."), field=field)
        if count is not None and seq > count:
            raise ValidationError(translate("Written", "Instalment {seq} of {count} does not exist.").format(
                seq=seq, count=count), field=field)
        return seq, count
    raise ValidationError(translate("Written", "“{value}” is not an instalment; write it like 2/3, 第2期 or leave it "
                                               "empty.").format(value=raw), field=field)


_METHODS = {"bank": "bank", "银行": "bank", "转账": "bank", "银行转账": "bank", "银行代发": "bank", "代发": "bank",
            "打卡": "bank", "网银": "bank", "transfer": "bank", "banktransfer": "bank",
            "cash": "cash", "现金": "cash", "现金发放": "cash"}


def parse_method(raw: Any, *, field: str = "method") -> str:
    """'银行转账' / '代发' / 'bank' -> 'bank'; '现金' -> 'cash'; blank -> 'bank' (how offices pay almost always)."""
    text = re.sub(r"\s+", "", to_halfwidth(str(raw if raw is not None else ""))).lower()
    if not text:
        return "bank"
    method = _METHODS.get(text)
    if method is None:
        raise ValidationError(translate("Written", "“{value}” is not a payment method; write 银行转账 or 现金.").format(
            value=raw), field=field)
    return method


def text_cell(raw: Any) -> str:
    """A cell meant as text (voucher numbers, 文号): Excel's 12345.0 is '12345'."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def key_text(raw: Any) -> str:
    """How names and 文号 are compared: half-width, no spaces, brackets unified (〔2020〕 = [2020] = (2020))."""
    s = re.sub(r"\s+", "", to_halfwidth(text_cell(raw)))
    for a in "〔［[【（(":
        s = s.replace(a, "(")
    for b in "〕］]】）)":
        s = s.replace(b, ")")
    return s.lower()


def parse_signed_amount(raw: Any, *, field: str = "amount") -> tuple[int, bool]:
    """An amount that may be written as money going back: '-30000', '－3万', '-￥30,000.00', '(30,000.00)' (the
    accountant's brackets), -30000.0. Returns (fen > 0, written negative). Everything else as
    `parse_written_amount`."""
    if isinstance(raw, bool) or raw is None:
        return parse_written_amount(raw, field=field), False
    if isinstance(raw, (int, float, Decimal)):
        if raw < 0:
            return parse_written_amount(-raw, field=field), True
        return parse_written_amount(raw, field=field), False
    text = re.sub(r"\s+", "", to_halfwidth(str(raw))).replace("（", "(").replace("）", ")").replace("－", "-")
    negative = False
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        negative, text = True, text[1:-1]
    for sym in _CURRENCY:  # '￥-30,000' as well as '-￥30,000'
        if text.startswith(sym):
            text = text[len(sym):]
    if text[:1] in ("-", "−", "–"):
        negative, text = True, text[1:]
    return parse_written_amount(text, field=field), negative


# What a row of a payment history says it is when it is not a payment. An obligation recorded (应追回: the talent
# owes it back) is a clawback; money that came back (追回, 退回, 退款 …) is a refund.
_OBLIGATION_WORDS = ("应追回", "应退回", "应缴回", "应收回", "核定追回", "追回决定", "追缴决定", "应退还")
_MONEY_BACK_WORDS = ("追回", "追缴", "退回", "退还", "退款", "缴回", "收回", "返还", "clawback", "refund")
# an amount owed back that was forgiven (an official transfer, illness …): a waiver of the obligation
_WAIVER_WORDS = ("免于追回", "免予追回", "免追回", "不予追回", "豁免", "核销", "减免", "waiver", "waived")
MONEY_KINDS = ("payment", "clawback", "refund", "waiver")


def money_back_kind(*texts: Any) -> str | None:
    """'clawback' (an obligation to pay back), 'refund' (money paid back) or 'waiver' (an amount owed back that was
    forgiven) when one of `texts` says so, else None. `texts` are the cells that name what a row is: an entry-kind
    column, the instalment column."""
    for raw in texts:
        text = re.sub(r"\s+", "", to_halfwidth(text_cell(raw))).lower()
        if not text:
            continue
        if any(w in text for w in _WAIVER_WORDS):
            return "waiver"
        if any(w in text for w in _OBLIGATION_WORDS):
            return "clawback"
        if any(w in text for w in _MONEY_BACK_WORDS):
            return "refund"
    return None


def memo_says_money_back(raw: Any) -> str | None:
    """A memo (摘要) that begins with what the row is: '追回安家补贴（提前离开）'."""
    text = re.sub(r"\s+", "", to_halfwidth(text_cell(raw)))
    for w in _WAIVER_WORDS:
        if text.startswith(w):
            return "waiver"
    for w in _OBLIGATION_WORDS:
        if text.startswith(w):
            return "clawback"
    for w in _MONEY_BACK_WORDS:
        if text.startswith(w):
            return "refund"
    return None
