"""Reading the office's tabular files — .xlsx (python-calamine, openpyxl as the fallback that explains broken
files) and .csv in UTF-8 or GBK — for every import (talent rosters, payment histories, policies, pairings, care
cases): the header row found below any title rows, each data row with the row number Excel shows, and the checked
backup taken before an import writes.
"""
from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from talentdesk.domain.errors import InputFileError
from talentdesk.domain.values import to_halfwidth
from talentdesk.i18n import translate
from talentdesk.domain.labels import join_list

MAX_FILE_BYTES = 100 * 1024 * 1024
INJECTION_CHARS = ("=", "+", "-", "@", "\t", "\r")


def header_key(text: Any) -> str:
    """How headers are compared: half-width, no spaces or required-markers, brackets unified, lower-case."""
    s = to_halfwidth(str(text if text is not None else ""))
    s = s.replace("（", "(").replace("）", ")").replace("＊", "*")
    return re.sub(r"[\s*:：]+", "", s).lower()


def unescape_cell(value: Any) -> Any:
    """Undo the exporter's guard against spreadsheet formula injection: "'=1+1" is the text "=1+1"."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == "'" and value[1] in (*INJECTION_CHARS, "'"):
        return value[1:]
    return value


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    header_row: int
    rows: Sequence[tuple[int, list[Any]]]  # (row number as Excel shows it, cells)
    # cells left blank under a merged cell and filled with its value: (row, column index, row it came from)
    filled: tuple[tuple[int, int, int], ...] = ()
    sheet_names: tuple[str, ...] = ()
    hidden_rows: tuple[int, ...] = ()      # data rows Excel hides (row numbers as Excel shows them)
    hidden_columns: tuple[int, ...] = ()   # columns Excel hides (0-based, as in `headers`)


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputFileError(translate("Importer", "The CSV file is neither UTF-8 nor GBK text. Save it again from Excel as “CSV UTF-8” or as an .xlsx workbook."))


def _read_csv(data: bytes) -> list[tuple[int, list[Any]]]:
    text = _decode(data)
    if "\x00" in text:
        raise InputFileError(translate("Importer", "This file is not a CSV text file (it contains binary data)."))
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    try:
        for i, cells in enumerate(reader, start=1):
            out.append((i, [unescape_cell(c) for c in cells]))
    except csv.Error as exc:
        raise InputFileError(translate("Importer", "The CSV file is damaged near line {line}.").format(line=reader.line_num)) from exc
    return out


def _read_xlsx(data: bytes, sheet: str | None = None) -> tuple[list[tuple[int, list[Any]]], list, tuple[str, ...]]:
    """(rows, merged ranges, sheet names) of one sheet: the named one, or the first."""
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputFileError(translate("Importer", "This is an old-style .xls workbook. Open it in Excel or WPS and save it as .xlsx, then import that file."))
        raise InputFileError(translate("Importer", "This file is not an Excel workbook (.xlsx)."))
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(wb.sheet_names)
    except Exception:  # noqa: BLE001 - openpyxl reads it or says what is wrong
        return _read_xlsx_openpyxl(data), [], ()
    if sheet is not None and sheet not in names:
        raise InputFileError(translate("Importer", "The workbook has no sheet “{name}”; its sheets are {names}.").format(
            name=sheet, names=join_list(names)))
    fast = _read_xlsx_calamine(data, sheet)
    if fast is None:
        return _read_xlsx_openpyxl(data), [], names
    return fast[0], fast[1], names


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def hidden_parts(data: bytes, sheet: str | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(hidden row numbers, hidden 0-based column indexes) of the sheet `sheet` (or the first) of an .xlsx.
    Excel keeps them in the sheet's XML (`<row hidden="1">`, `<col min max hidden="1">`); the fast reader does not
    say, so the XML is read here — only when it mentions `hidden` at all."""
    import posixpath
    import zipfile
    import zlib

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        book = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except (zipfile.BadZipFile, KeyError, OSError):
        return (), ()
    sheets = [dict(_ATTR.findall(m.group(1))) for m in re.finditer(rb"<(?:\w+:)?sheet\b([^>]*)/?>", book)]
    if not sheets:
        return (), ()
    chosen = sheets[0]
    if sheet is not None:
        chosen = next((a for a in sheets if a.get(b"name", b"").decode("utf-8", "replace") == sheet), sheets[0])
    rid = chosen.get(b"id")  # r:id (the attribute pattern keeps the name after the prefix)
    target = None
    for m in re.finditer(rb"<(?:\w+:)?Relationship\b([^>]*)/?>", rels):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get(b"Id") == rid:
            target = attrs.get(b"Target", b"").decode()
    if not target:
        return (), ()
    name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    try:
        xml = zf.read(name)
    except KeyError:
        return (), ()
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        # the sheet's part is damaged inside the zip (a name that differs from its header, a broken stream)
        raise InputFileError(translate("Importer", "The Excel workbook cannot be read; it may be damaged or "
                                                   "protected with a password.")) from exc
    if b"hidden" not in xml:
        return (), ()
    rows = []
    for m in _ROW_TAG.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get(b"hidden") in (b"1", b"true") and attrs.get(b"r", b"").isdigit():
            rows.append(int(attrs[b"r"]))
    cols = set()
    head = xml.split(b"<sheetData", 1)[0]
    for m in _COL_TAG.finditer(head):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get(b"hidden") in (b"1", b"true") and attrs.get(b"min", b"").isdigit():
            lo, hi = int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))
            cols.update(range(lo - 1, min(hi, lo + 500)))  # 0-based; a hidden "rest of the sheet" is capped
    return tuple(rows), tuple(sorted(cols))


def _fill_merged(rows: list[tuple[int, list[Any]]], merged: list) -> tuple[tuple[int, int, int], ...]:
    """A cell merged over several rows (one employer for three people) holds its value in the top row only:
    copy it down, and say where, so no row is left silently blank."""
    filled = []
    for (r0, c0), (r1, c1) in merged:
        if r1 <= r0 or r0 >= len(rows):
            continue
        top = rows[r0][1]
        for c in range(c0, c1 + 1):
            value = top[c] if c < len(top) else None
            if _blank(value):
                continue
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                cells = rows[r][1]
                while len(cells) <= c:
                    cells.append(None)
                if _blank(cells[c]):
                    cells[c] = value
                    filled.append((rows[r][0], c, rows[r0][0]))
    return tuple(filled)


def _plain(value: Any) -> Any:
    """Cells as openpyxl gives them: empty is None, a whole number is an int (13800138000, not 13800138000.0)."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)
    return value


def _read_xlsx_calamine(data: bytes, sheet: str | None = None) -> tuple[Sequence[tuple[int, list[Any]]], list] | None:
    """Read a sheet (the first, or the named one) with python-calamine (a Rust reader, about ten times faster than
    openpyxl on large rosters), with its merged ranges. None when it cannot read the file: openpyxl then reads it,
    or explains why not."""
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not wb.sheet_names:
            return None
        ws = wb.get_sheet_by_name(sheet) if sheet is not None else wb.get_sheet_by_index(0)
        rows = ws.to_python(skip_empty_area=False)
        merged = list(ws.merged_cell_ranges or [])
    except Exception:  # noqa: BLE001 - any trouble: let openpyxl read it or say what is wrong
        return None
    return _Rows(rows), merged


def _cells(row: list[Any]) -> list[Any]:
    # _plain, written out: a large roster has millions of cells, most of them plain text
    return [v if type(v) is str and v else None if v == "" else _plain(v) for v in row]


class _Rows(Sequence):
    """A sheet's rows as (row number, cells), each row's cells converted from what the reader gave (`_plain`) the
    first time the row is read: a large roster's rows are converted as they are checked — in a talent import while
    the writer thread writes the rows checked before (issue 18) — not all before the first check. A slice is a view
    of the same rows; a row once converted is kept (a merged cell's value filled into it stays)."""

    __slots__ = ("_raw", "_out", "_lo", "_hi")

    def __init__(self, raw: list[list[Any]], out: list | None = None, lo: int = 0, hi: int | None = None):
        self._raw, self._lo = raw, lo
        self._out = out if out is not None else [None] * len(raw)
        self._hi = len(raw) if hi is None else hi

    def __len__(self) -> int:
        return self._hi - self._lo

    def _row(self, k: int) -> tuple[int, list[Any]]:
        row = self._out[k]
        if row is None:
            row = self._out[k] = (k + 1, _cells(self._raw[k]))
            self._raw[k] = None  # the reader's copy is not needed again
        return row

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self._row(self._lo + j) for j in range(start, stop, step)]
            return _Rows(self._raw, self._out, self._lo + start, self._lo + max(start, stop))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._row(self._lo + i)

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        row = self._row
        for k in range(self._lo, self._hi):
            yield row(k)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, _Rows)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # compared by value, as a list

    def __repr__(self) -> str:
        return f"_Rows({list(self)!r})"


def _read_xlsx_openpyxl(data: bytes) -> list[tuple[int, list[Any]]]:
    import openpyxl

    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputFileError(translate("Importer", "This is an old-style .xls workbook. Open it in Excel or WPS and save it as .xlsx, then import that file."))
        raise InputFileError(translate("Importer", "This file is not an Excel workbook (.xlsx)."))
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise InputFileError(translate("Importer", "The Excel workbook cannot be read; it may be damaged or protected with a password.")) from exc
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise InputFileError(translate("Importer", "The workbook has no sheet."))
        out = []
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            out.append((i, list(row)))
        return out
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise InputFileError(translate("Importer", "The Excel workbook cannot be read; it may be damaged or protected with a password.")) from exc
    finally:
        wb.close()


def read_sheet(path: Path | str, *, recognise: Callable[[Any], Any], sheet: str | None = None) -> Sheet:
    """The first sheet (or the one named `sheet`) of an .xlsx, or a .csv (UTF-8 or GBK). The header row is the one
    among the first rows with the most headers `recognise` knows (each import passes its own header table).
    Cells merged over several rows are filled down (`Sheet.filled` says which)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        if suffix == ".xls":
            raise InputFileError(translate("Importer", "This is an old-style .xls workbook. Open it in Excel or WPS and save it as .xlsx, then import that file."))
        raise InputFileError(translate("Importer", "Only .xlsx and .csv files can be imported."))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(translate("Importer", "The file is larger than 100 MB; split it into smaller files."))
        data = path.read_bytes()
    except InputFileError:
        raise
    except OSError as exc:
        raise InputFileError(translate("Importer", "The file cannot be opened: {reason}").format(reason=exc.strerror or str(exc))) from exc
    if not data.strip():
        raise InputFileError(translate("Importer", "The file is empty."))
    merged: list = []
    names: tuple[str, ...] = ()
    hidden_rows: tuple[int, ...] = ()
    hidden_cols: tuple[int, ...] = ()
    if suffix in (".csv", ".txt"):
        rows = _read_csv(data)
    else:
        # which rows and columns Excel hides is read beside the cells: both readers let go of Python's lock while
        # they unpack (calamine in Rust, zlib in C), so on two cores the one hides in the other's time
        hidden: list = []

        def read_hidden() -> None:
            try:
                hidden.append(hidden_parts(data, sheet))
            except BaseException as exc:  # noqa: BLE001 - raised below, on the reading thread
                hidden.append(exc)

        beside = threading.Thread(target=read_hidden, name="sheet-hidden-parts", daemon=True)
        beside.start()
        try:
            rows, merged, names = _read_xlsx(data, sheet)
        finally:
            beside.join()
        if isinstance(hidden[0], BaseException):
            raise hidden[0]
        hidden_rows, hidden_cols = hidden[0]
    filled = _fill_merged(rows, merged)
    # the header row: among the first rows, the one with the most recognised column names (rosters often carry
    # a title such as “2024年引进人才花名册” above it); without any, the first non-blank row
    candidates = [i for i, (_n, cells) in enumerate(rows[:40]) if any(not _blank(c) for c in cells)][:10]
    if not candidates:
        raise InputFileError(translate("Importer", "The file has no header row and no data."))
    best = max(candidates, key=lambda i: (sum(1 for c in rows[i][1] if recognise(c)), -i))
    num, cells = rows[best]
    headers = ["" if c is None else str(c).strip() for c in cells]
    data_rows = rows[best + 1:]
    # (which rows hold anything is asked only when some are hidden: a large roster has none)
    present = {n for n, cells in data_rows if any(not _blank(c) for c in cells)} if hidden_rows else set()
    return Sheet(headers, num, data_rows, tuple(f for f in filled if f[0] > num), names,
                 tuple(r for r in hidden_rows if r > num and r in present),
                 tuple(c for c in hidden_cols if c < len(headers) and headers[c]))


@dataclass(frozen=True, slots=True)
class Rejection:
    row: int
    column: str
    message: str
