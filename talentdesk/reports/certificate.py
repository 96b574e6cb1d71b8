"""补贴发放凭证: one A5 landscape page per payment, drawn straight onto a ReportLab canvas (fast: a 1,000-page batch
is a few seconds). Input is plain rows (`CertificateData`), so the benchmark can render without a database.

The Chinese font is embedded as a subset (reports.fonts.chinese_font). The QR code carries the verification
payload (serial + keyed digest, see services.certificates) and is drawn as vector rectangles, one per run of dark
modules, so it prints sharp at any resolution.
"""
from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

from talentdesk.domain.errors import RuleViolation
from talentdesk.domain.values import amount_in_capitals, format_yuan
from talentdesk.i18n import translate
from talentdesk.store.files import replace_document
from talentdesk.reports.fonts import chinese_font, draw_text

PAGE = landscape(A5)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class CertificateData:
    serial: str
    office_name: str
    talent_name: str
    id_masked: str
    employer_name: str
    policy_name: str
    doc_number: str
    seq: int
    count: int
    amount_fen: int
    pay_date: dt.date
    voucher_no: str
    method: str          # display name, already translated
    payload: str         # the QR text
    copy_no: int = 0     # 0: the original; n: the n-th reprint
    chain_head: str = ""         # the hash chain's head when it was printed (e.g. 3F9A-1C0B-77E2)
    key_fingerprint: str = ""    # the office key that signed the code (e.g. 1A2B 3C4D 5E6F 7A8B)


def qr_matrix(payload: str) -> list[list[bool]]:
    # A fixed mask pattern: choosing the "best" of eight costs two thirds of a page's time and every mask is a
    # valid, scannable code (the payload is short alphanumeric text, so the penalty differences are small).
    q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=4)
    q.add_data(payload)
    q.make(fit=True)
    return q.get_matrix()


def draw_qr(c: rl_canvas.Canvas, matrix: Sequence[Sequence[bool]], x: float, y: float, size: float) -> None:
    """Draw a QR matrix as one filled path (a rectangle per run of dark modules) with its bottom-left at x, y."""
    n = len(matrix)
    c.saveState()
    c.translate(x, y)
    c.scale(size / n, size / n)  # one unit = one module: whole-number coordinates are short to write
    p = c.beginPath()
    for r, row in enumerate(matrix):
        top = n - 1 - r
        start = None
        for col in range(n + 1):
            dark = col < n and row[col]
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                p.rect(start, top, col - start, 1)
                start = None
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


class _Labels:
    """Every label of the page, translated once per batch."""

    def __init__(self) -> None:
        self.title = translate("Certificate", "Subsidy Payment Certificate")
        self.serial = translate("Certificate", "Serial No.")
        self.talent = translate("Certificate", "Talent")
        self.id_no = translate("Certificate", "ID number")
        self.employer = translate("Certificate", "Employer")
        self.policy = translate("Certificate", "Subsidy policy")
        self.doc = translate("Certificate", "Document No.")
        self.instalment = translate("Certificate", "Instalment")
        self.instalment_fmt = translate("Certificate", "{n} of {total}")
        self.amount = translate("Certificate", "Amount")
        self.capitals = translate("Certificate", "In words")
        self.capitals_prefix = translate("Certificate", "RMB ")
        self.date = translate("Certificate", "Payment date")
        self.voucher = translate("Certificate", "Accounting voucher")  # the finance voucher, not a second serial
        self.method = translate("Certificate", "Paid by")
        self.seal = translate("Certificate", "(Seal)")
        self.handler = translate("Certificate", "Handled by:")
        self.checker = translate("Certificate", "Checked by:")
        self.scan = translate("Certificate", "Scan to verify")
        self.copy = translate("Certificate", "COPY — reprint {n}")
        self.proof = translate("Certificate", "Office key {fp} · Chain head {head}")
        self.footer = translate("Certificate", "This certificate is issued by the office named above. To check that it "
                                               "is genuine, scan the code, or give its serial number to that office.")


def _draw_page(c: rl_canvas.Canvas, font: str, lb: _Labels, d: CertificateData, matrix) -> None:
    w, h = PAGE
    left, right = 14 * mm, w - 14 * mm
    # title and office
    c.setFont(font, 18)
    draw_text(c, w / 2, h - 20 * mm, lb.title, align="centre")
    c.setFont(font, 11)
    draw_text(c, w / 2, h - 28 * mm, d.office_name, align="centre")
    c.setFont(font, 9)
    draw_text(c, right, h - 12 * mm, f"{lb.serial}: {d.serial}", align="right")
    if d.copy_no:
        c.saveState()
        c.setFillColorRGB(0.75, 0.1, 0.1)
        c.setFont(font, 12)
        draw_text(c, left, h - 13 * mm, lb.copy.format(n=d.copy_no))
        c.restoreState()
    # the grid of fields
    top = h - 34 * mm
    row_h = 9 * mm
    label_w = 26 * mm
    mid = left + (right - left) / 2
    rows = [
        ((lb.talent, d.talent_name), (lb.id_no, d.id_masked)),
        ((lb.employer, d.employer_name), (lb.date, d.pay_date.isoformat())),
        ((lb.policy, d.policy_name), (lb.doc, d.doc_number)),
        ((lb.instalment, lb.instalment_fmt.format(n=d.seq, total=d.count)), (lb.voucher, d.voucher_no)),
        ((lb.amount, format_yuan(d.amount_fen)), (lb.method, d.method)),
    ]
    c.setLineWidth(0.6)
    n_rows = len(rows) + 1
    c.rect(left, top - n_rows * row_h, right - left, n_rows * row_h)
    for i in range(1, n_rows):
        c.line(left, top - i * row_h, right, top - i * row_h)
    c.line(left + label_w, top, left + label_w, top - n_rows * row_h)
    c.line(mid, top, mid, top - len(rows) * row_h)
    c.line(mid + label_w, top, mid + label_w, top - len(rows) * row_h)
    c.setFont(font, 10)
    for i, ((l1, v1), (l2, v2)) in enumerate(rows):
        base = top - (i + 1) * row_h + 3.2 * mm
        draw_text(c, left + 2 * mm, base, l1)
        draw_text(c, left + label_w + 2 * mm, base, v1)
        draw_text(c, mid + 2 * mm, base, l2)
        draw_text(c, mid + label_w + 2 * mm, base, v2)
    base = top - n_rows * row_h + 3.2 * mm
    draw_text(c, left + 2 * mm, base, lb.capitals)
    c.setFont(font, 12)
    draw_text(c, left + label_w + 2 * mm, base, lb.capitals_prefix + amount_in_capitals(d.amount_fen))
    # signatures, seal, QR
    bottom = top - n_rows * row_h
    c.setFont(font, 10)
    draw_text(c, left, bottom - 10 * mm, lb.handler)
    draw_text(c, left + 55 * mm, bottom - 10 * mm, lb.checker)
    c.line(left + 18 * mm, bottom - 10.5 * mm, left + 48 * mm, bottom - 10.5 * mm)
    c.line(left + 73 * mm, bottom - 10.5 * mm, left + 103 * mm, bottom - 10.5 * mm)
    c.saveState()
    c.setDash(2, 2)
    c.setStrokeColorRGB(0.6, 0.6, 0.6)
    c.circle(right - 62 * mm, bottom - 15 * mm, 14 * mm)
    c.restoreState()
    c.setFont(font, 9)
    draw_text(c, right - 62 * mm, bottom - 16 * mm, lb.seal, align="centre")
    qr_size = 28 * mm
    draw_qr(c, matrix, right - qr_size, bottom - 4 * mm - qr_size, qr_size)
    c.setFont(font, 7)
    draw_text(c, right - qr_size / 2, bottom - 7 * mm - qr_size, lb.scan, align="centre")
    draw_text(c, left, 8 * mm, lb.footer)
    if d.key_fingerprint or d.chain_head:
        draw_text(c, left, 12 * mm, lb.proof.format(fp=d.key_fingerprint or "-", head=d.chain_head or "-"))


def render_certificates(rows: Iterable[CertificateData], out: Path | str | io.BytesIO, *, total: int | None = None,
                        font_path: str | None = None, progress: Progress | None = None,
                        abort: Callable[[], bool] | None = None) -> int:
    """Render one page per row into `out` (a path or a binary stream); returns the number of pages.
    `abort()` returning True stops the batch with a RuleViolation and nothing is written to a path."""
    font = chinese_font(font_path or None).name
    lb = _Labels()
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=PAGE, pageCompression=1, initialFontName=font, initialFontSize=10)
    c.setTitle(lb.title)
    c.setAuthor("TalentDesk")
    pages = 0
    for d in rows:
        if abort is not None and abort():
            raise RuleViolation(translate("Certificate", "Printing was cancelled; no file was written."))
        _draw_page(c, font, lb, d, qr_matrix(d.payload))
        c.showPage()
        pages += 1
        if progress is not None and (pages % 25 == 0 or pages == total):
            progress(pages, total or pages, "")
    c.save()
    data = buf.getvalue()
    if isinstance(out, (str, Path)):
        path = Path(out)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        replace_document(tmp, path)  # waits out, then names, a copy open in a PDF reader
    else:
        out.write(data)
    return pages


# ------------------------------------------------------------------ measuring (reused by tests/bench)

def sample_rows(n: int, *, start: int = 1) -> list[CertificateData]:
    """`n` realistic certificate rows without a database (different serials, names and amounts)."""
    names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷"]
    out = []
    for i in range(start, start + n):
        amount = 1_000_000 + (i * 7_919) % 9_000_000
        serial = f"TD-2026-{i:06d}"
        out.append(CertificateData(
            serial=serial, office_name="某某县人才工作办公室", talent_name=names[i % len(names)],
            id_masked="3301**********123X", employer_name="县人民医院", policy_name="引进人才安家补贴",
            doc_number="县委人才办〔2015〕3号", seq=1 + i % 3, count=3, amount_fen=amount,
            pay_date=dt.date(2026, 1 + i % 12, 1 + i % 28), voucher_no=f"记-202601-{i % 10000:04d}", method="银行转账",
            payload=f"TD1:{serial}:{i}:{amount}:20260101:{(i * 2654435761) % 16**32:032X}",
        ))
    return out


def bare_reportlab(rows: Sequence[CertificateData], out: io.BytesIO, *, font_path: str | None = None) -> int:
    """The baseline: plain ReportLab drawing the same page (same strings, lines and QR modules) with every text
    precomputed up front — what the page costs with no program around it."""
    font = chinese_font(font_path or None).name
    lb = _Labels()
    prepared = [(d, amount_in_capitals(d.amount_fen), qr_matrix(d.payload)) for d in rows]
    w, h = PAGE
    c = rl_canvas.Canvas(out, pagesize=PAGE, pageCompression=1, initialFontName=font, initialFontSize=10)
    for d, caps, matrix in prepared:
        c.setFont(font, 18)
        c.drawCentredString(w / 2, h - 20 * mm, lb.title)
        c.setFont(font, 11)
        c.drawCentredString(w / 2, h - 28 * mm, d.office_name)
        c.setFont(font, 9)
        c.drawRightString(w - 14 * mm, h - 12 * mm, f"{lb.serial}: {d.serial}")
        top, rh, left, right = h - 34 * mm, 9 * mm, 14 * mm, w - 14 * mm
        c.rect(left, top - 6 * rh, right - left, 6 * rh)
        for i in range(1, 6):
            c.line(left, top - i * rh, right, top - i * rh)
        for x in (left + 26 * mm, (left + right) / 2, (left + right) / 2 + 26 * mm):
            c.line(x, top, x, top - 5 * rh)
        c.setFont(font, 10)
        texts = [d.talent_name, d.id_masked, d.employer_name, d.pay_date.isoformat(), d.policy_name, d.doc_number,
                 f"{d.seq}/{d.count}", d.voucher_no, format_yuan(d.amount_fen), d.method]
        labels = [lb.talent, lb.id_no, lb.employer, lb.date, lb.policy, lb.doc, lb.instalment, lb.voucher, lb.amount,
                  lb.method]
        for i in range(5):
            base = top - (i + 1) * rh + 3.2 * mm
            c.drawString(left + 2 * mm, base, labels[2 * i])
            c.drawString(left + 28 * mm, base, texts[2 * i])
            c.drawString((left + right) / 2 + 2 * mm, base, labels[2 * i + 1])
            c.drawString((left + right) / 2 + 28 * mm, base, texts[2 * i + 1])
        c.drawString(left + 2 * mm, top - 6 * rh + 3.2 * mm, lb.capitals)
        c.setFont(font, 12)
        c.drawString(left + 28 * mm, top - 6 * rh + 3.2 * mm, lb.capitals_prefix + caps)
        c.setFont(font, 10)
        c.drawString(left, top - 6 * rh - 10 * mm, lb.handler)
        c.drawString(left + 55 * mm, top - 6 * rh - 10 * mm, lb.checker)
        c.line(left + 18 * mm, top - 6 * rh - 10.5 * mm, left + 48 * mm, top - 6 * rh - 10.5 * mm)
        c.line(left + 73 * mm, top - 6 * rh - 10.5 * mm, left + 103 * mm, top - 6 * rh - 10.5 * mm)
        c.circle(right - 62 * mm, top - 6 * rh - 15 * mm, 14 * mm)
        c.setFont(font, 9)
        c.drawCentredString(right - 62 * mm, top - 6 * rh - 16 * mm, lb.seal)
        draw_qr(c, matrix, right - 24 * mm, top - 6 * rh - 28 * mm, 24 * mm)
        c.setFont(font, 7)
        c.drawCentredString(right - 12 * mm, top - 6 * rh - 31 * mm, lb.scan)
        c.drawString(left, 8 * mm, lb.footer)
    if d.key_fingerprint or d.chain_head:
        c.drawString(left, 12 * mm, lb.proof.format(fp=d.key_fingerprint or "-", head=d.chain_head or "-"))
        c.showPage()
    c.save()
    return len(prepared)


@dataclass(frozen=True)
class Throughput:
    pages: int
    seconds: float
    pages_per_second: float
    baseline_seconds: float
    ratio: float             # ours ÷ bare ReportLab (≤ 1.3 is the bar)
    bytes: int


def measure_throughput(n: int = 1000, *, repeat: int = 1) -> Throughput:
    """Render `n` certificates from plain rows with the program's renderer and with bare ReportLab; best of
    `repeat` runs each. The renderer's time includes QR encoding, amounts in capitals and the PDF write."""
    rows = sample_rows(n)
    chinese_font()  # registration is a one-off per process: keep it out of both timings
    best, best_base, size = float("inf"), float("inf"), 0
    for _ in range(repeat):
        buf = io.BytesIO()
        t0 = time.perf_counter()
        render_certificates(rows, buf, total=n)
        best = min(best, time.perf_counter() - t0)
        size = len(buf.getvalue())
        t0 = time.perf_counter()
        bare_reportlab(rows, io.BytesIO())
        best_base = min(best_base, time.perf_counter() - t0)
    return Throughput(n, best, n / best, best_base, best / best_base, size)


if __name__ == "__main__":  # python -m talentdesk.reports.certificate [N]
    import sys

    r = measure_throughput(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, repeat=2)
    print(f"{r.pages} pages in {r.seconds:.2f} s = {r.pages_per_second:.0f} pages/s; bare ReportLab "
          f"{r.baseline_seconds:.2f} s; ratio {r.ratio:.2f}; {r.bytes / 1024:.0f} KiB")
