"""Value types: national ID numbers, phone numbers, money in integer fen and its Chinese capitals."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError as StdnumError,
)

from talentdesk.domain.errors import ValidationError
from talentdesk.i18n import translate

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＹ－＋"}
_FULLWIDTH[0x3000] = ord(" ")


def to_halfwidth(text: str) -> str:
    """Full-width digits and letters (as typed with a Chinese IME) to ASCII."""
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------- ID numbers (GB 11643)

@dataclass(frozen=True, slots=True)
class IdNumber:
    value: str  # normalised: 18 chars, upper-case X

    @property
    def birth_date(self) -> dt.date:
        return ric.get_birth_date(self.value)

    @property
    def gender(self) -> str:
        """'M' or 'F' from the 17th digit (odd = male)."""
        return "M" if int(self.value[16]) % 2 == 1 else "F"

    def masked(self) -> str:
        return mask_id_number(self.value)

    def __str__(self) -> str:
        return self.value


def normalise_id_number(raw: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(raw or "")).upper()


def parse_id_number(raw: str, *, field: str = "id_number") -> IdNumber:
    """Validate an 18-digit resident ID number (length, digits, birth date, region, GB 11643 checksum)."""
    value = normalise_id_number(raw)
    if not value:
        raise ValidationError(translate("Validation", "The ID number is required."), field=field)
    try:
        if len(value) != 18:
            raise InvalidLength()
        ric.validate(value)
    except InvalidLength:
        raise ValidationError(
            translate("Validation", "An ID number has 18 characters; this one has {n}.").format(n=len(value)),
            field=field,
        ) from None
    except InvalidFormat:
        raise ValidationError(
            translate("Validation", "An ID number has 17 digits followed by a digit or X."), field=field
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            translate("Validation", "The ID number's check digit is wrong; please check for a typing error."),
            field=field,
        ) from None
    except InvalidComponent:
        raise ValidationError(
            translate("Validation", "The ID number contains an impossible birth date or region code."), field=field
        ) from None
    except StdnumError:
        raise ValidationError(translate("Validation", "This is not a valid ID number."), field=field) from None
    return IdNumber(value)


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character for 17 digits (used by demo data and tests)."""
    return ric.calc_check_digit(first17 + "0")


def mask_id_number(value: str | None) -> str:
    """3301**********1234: the first 4 and last 4 characters stay visible."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str:
    """138****5678."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


# ---------------------------------------------------------------- phone numbers, credit codes

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


def normalise_phone(raw: str) -> str:
    value = to_halfwidth(raw or "").strip()
    value = re.sub(r"[\s\-()（）]", "", value)
    if value.startswith("+86"):
        value = value[3:]
    elif value.startswith("0086"):
        value = value[4:]
    return value


def parse_phone(raw: str, *, field: str = "phone") -> str:
    """A mainland mobile number (11 digits starting 13–19) or a landline with area code; '' stays ''."""
    value = normalise_phone(raw)
    if not value:
        return ""
    if _MOBILE.match(value) or _LANDLINE.match(value):
        return value
    raise ValidationError(
        translate("Validation", "A mobile number has 11 digits starting with 13–19 (landlines need the area code)."),
        field=field,
    )


def parse_uscc(raw: str, *, field: str = "uscc") -> str | None:
    """Unified social credit code (统一社会信用代码): optional, validated when given."""
    value = re.sub(r"\s+", "", to_halfwidth(raw or "")).upper()
    if not value:
        return None
    try:
        return uscc.validate(value)
    except StdnumError:
        raise ValidationError(
            translate("Validation", "The unified social credit code is not valid (18 characters with a check character)."),
            field=field,
        ) from None


# ---------------------------------------------------------------- money (integer fen)

MAX_FEN = 10**15  # a hundred trillion yuan: far above any county budget, far below int64 limits


def parse_yuan(raw: str | int | Decimal, *, field: str = "amount", allow_zero: bool = False) -> int:
    """'12,345.67' / '¥12345.6' / Decimal -> 1234567 fen. Refuses negatives, >2 decimals and absurd sizes."""
    if isinstance(raw, bool):
        raise ValidationError(translate("Validation", "The amount is not a number."), field=field)
    if isinstance(raw, int):
        d = Decimal(raw)
    elif isinstance(raw, Decimal):
        d = raw
    else:
        text = to_halfwidth(str(raw)).strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        text = text.removesuffix("元").strip()
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValidationError(translate("Validation", "The amount is not a number."), field=field) from None
    if not d.is_finite():
        raise ValidationError(translate("Validation", "The amount is not a number."), field=field)
    if d < 0:
        raise ValidationError(translate("Validation", "The amount cannot be negative."), field=field)
    if d == 0 and not allow_zero:
        raise ValidationError(translate("Validation", "The amount must be greater than zero."), field=field)
    if d > Decimal(MAX_FEN) / 100:
        raise ValidationError(translate("Validation", "The amount is too large."), field=field)
    if d.as_tuple().exponent < -2 and d != d.quantize(Decimal("0.01")):
        raise ValidationError(translate("Validation", "Amounts have at most two decimal places (fen)."), field=field)
    fen = int((d * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen > MAX_FEN:
        raise ValidationError(translate("Validation", "The amount is too large."), field=field)
    return fen


def format_yuan(fen: int, *, symbol: bool = True) -> str:
    """1234567 -> '¥12,345.67'; negatives as '-¥12,345.67'."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("仟", "佰", "拾", "")
_GROUPS = ("", "万", "亿", "万亿")


def _group_capitals(g: int) -> str:
    out, pending_zero, started = [], False, False
    for d, unit in zip((g // 1000, g // 100 % 10, g // 10 % 10, g % 10), _IN_GROUP):
        if d == 0:
            pending_zero = started
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + unit)
        started = True
    return "".join(out)


def _integer_capitals(n: int) -> str:
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    gap = False
    for i in reversed(range(len(groups))):
        g = groups[i]
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _group_capitals(g) + _GROUPS[i]
        gap = False
    return out


def amount_in_capitals(fen: int) -> str:
    """Amount in Chinese financial capitals (大写), as on vouchers: 12345.67 -> 壹万贰仟叁佰肆拾伍元陆角柒分."""
    fen = int(fen)
    if fen < 0:
        return "负" + amount_in_capitals(-fen)
    if fen > MAX_FEN:
        raise ValueError("amount too large for capitals")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    int_part = _integer_capitals(yuan)
    if jiao == 0 and fen_digit == 0:
        return (int_part or "零") + "元整"
    if yuan:
        s = int_part + "元"
        s += (_DIGITS[jiao] + "角") if jiao else "零"
    else:
        s = (_DIGITS[jiao] + "角") if jiao else ""
    s += (_DIGITS[fen_digit] + "分") if fen_digit else "整"
    return s


# ---------------------------------------------------------------- dates

def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (never negative): 2020-01-15 → 2020-02-14 is 0, → 2020-02-15 is 1."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day-of-month `months` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    import calendar

    day = min(d.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def parse_voucher_no(raw: str | None, *, field: str = "voucher_no") -> str:
    """A payment voucher number as the finance bureau writes it ('记-202611-0012', '银付 35'): trimmed, half-width,
    at most 40 characters and carrying a number — a voucher word alone ('记') names no voucher."""
    text = " ".join(to_halfwidth(raw or "").split())
    if not text:
        raise ValidationError(translate("Validation", "Enter the voucher number of the payment."), field=field)
    if len(text) > 40:
        raise ValidationError(translate("Validation", "The voucher number is too long (at most 40 characters)."),
                              field=field)
    if not any(c.isdigit() for c in text):
        raise ValidationError(translate(
            "Validation", "“{text}” is not a voucher number: it needs the voucher's number, e.g. 记-202611-0012.")
            .format(text=text), field=field)
    return text
