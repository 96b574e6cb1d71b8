"""Value types: national ID numbers, phone numbers, money in integer fen and its Chinese capitals."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    ValidationError as StdnumError,
)

from talentdesk.domain.errors import ValidationError
from talentdesk.domain.regions import province_known, region_known
from talentdesk.i18n import translate

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＹ－＋"}
_FULLWIDTH[0x3000] = ord(" ")


def utc_now() -> dt.datetime:
    """Now in UTC, without a zone (as the database stores times)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def to_halfwidth(text: str) -> str:
    """Full-width digits and letters (as typed with a Chinese IME) to ASCII."""
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------- ID numbers (GB 11643)

@dataclass(frozen=True, slots=True)
class IdNumber:
    value: str  # normalised: 18 chars, upper-case X

    @property
    def birth_date(self) -> dt.date:
        return dt.date(int(self.value[6:10]), int(self.value[10:12]), int(self.value[12:14]))

    @property
    def gender(self) -> str:
        """'M' or 'F' from the 17th digit (odd = male)."""
        return "M" if int(self.value[16]) % 2 == 1 else "F"

    @property
    def region_known(self) -> bool:
        """Whether the region code is found in some edition of GB/T 2260 (the province always is)."""
        return region_known(self.value[:6])

    def warning(self) -> str:
        """A note for the clerk, never a refusal: '' for an ordinary number."""
        if self.region_known:
            return ""
        return translate("Validation", "The region code {code} is in no edition of the national division codes we "
                                       "know; the number is accepted — please compare it with the ID card.").format(
            code=self.value[:6])

    def masked(self) -> str:
        return mask_id_number(self.value)

    def __str__(self) -> str:
        return self.value


_WHITESPACE = re.compile(r"\s+")


def normalise_id_number(raw: str) -> str:
    return _WHITESPACE.sub("", to_halfwidth(raw or "")).upper()


_EXCEL_NUMBER = re.compile(r"^\d(\.\d+)?E\+?\d+$")
EARLIEST_BIRTH = dt.date(1900, 1, 1)


def excel_number_message(what: str) -> str:
    """Excel keeps 15 significant digits of a number: an 18-digit ID number (or a bank account) typed into a
    cell formatted as a number loses its last digits and shows like 3.30782E+17."""
    return translate("Validation", "Excel stored this {what} as a number and lost its last digits (it shows like "
                                   "3.30782E+17). Set the column's format to 文本 (Text) and type the number again.").format(
        what=what)


def id_number_from_15(value: str) -> str:
    """The 18-digit form of a first-generation 15-digit number (born 19YY, check digit added)."""
    first17 = value[:6] + "19" + value[6:]
    return first17 + id_check_digit(first17)


def parse_id_number(raw: str, *, field: str = "id_number", today: dt.date | None = None) -> IdNumber:
    """Accept every genuine resident ID number: 18 characters, the GB 11643 check digit, a real birth date from
    1900 to today, and a known province. The region code is *not* checked against the birth year — people keep
    the number issued under a code that was later changed (see domain/regions.py); a code found in no edition is
    a warning (`IdNumber.warning()`), not a refusal."""
    value = normalise_id_number(raw)
    if not value:
        raise ValidationError(translate("Validation", "The ID number is required."), field=field)
    if _EXCEL_NUMBER.match(value):
        raise ValidationError(excel_number_message(translate("Validation", "ID number")), field=field)
    if len(value) == 15 and value.isdigit():
        raise ValidationError(translate(
            "Validation", "This is a first-generation 15-digit ID number; its 18-digit form is {id18}.").format(
            id18=id_number_from_15(value)), field=field)
    if len(value) != 18:
        raise ValidationError(
            translate("Validation", "An ID number has 18 characters; this one has {n}.").format(n=len(value)),
            field=field)
    if not (value[:17].isascii() and value[:17].isdigit() and (value[17].isdigit() or value[17] == "X")):
        raise ValidationError(
            translate("Validation", "An ID number has 17 digits followed by a digit or X."), field=field)
    if id_check_digit(value[:17]) != value[17]:
        raise ValidationError(
            translate("Validation", "The ID number's check digit is wrong; please check for a typing error."),
            field=field)
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(translate("Validation", "The birth date in the ID number ({digits}) is not a day of "
                                                      "the calendar.").format(digits=value[6:14]), field=field) from None
    if not EARLIEST_BIRTH <= birth <= (today or dt.date.today()):
        raise ValidationError(translate("Validation", "The birth date in the ID number ({date}) must lie between "
                                                      "1900 and today.").format(date=birth.isoformat()), field=field)
    if not province_known(value):
        raise ValidationError(translate("Validation", "The ID number begins with {code}, which is no province's "
                                                      "code.").format(code=value[:2]), field=field)
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


_PHONE_NOISE = re.compile(r"[\s\-()（）]")


def normalise_phone(raw: str) -> str:
    value = to_halfwidth(raw or "").strip()
    value = _PHONE_NOISE.sub("", value)
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
    day = d.day if d.day <= 28 else min(d.day, calendar.monthrange(year, month)[1])
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
