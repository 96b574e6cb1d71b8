"""CLI output never fails on a console or pipe in a legacy code page. On Windows a redirected console writes in the
ANSI code page (cp936 in China, cp1252 in the West) and the frozen program ignores PYTHONIOENCODING: `verify`
prints `¥` (not in GBK) and Chinese names (not in cp1252). Each test writes through a STRICT encoder of that code
page, so any character that slipped through unconverted would raise."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.models import Certificate, LedgerEntry
from talentdesk.services.base import Actor
from talentdesk.services.ledger import certificates

CODE_PAGES = ["cp936", "cp1252"]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def payload(demo_db, tmp_path):
    with demo_db.session(Actor.local()) as s:
        eid = s.scalar(select(LedgerEntry.id).where(LedgerEntry.kind == "payment").order_by(LedgerEntry.id.desc()))
        certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid])
        cert = s.scalar(select(Certificate))
        return certificates.payload_for(cert.serial, s.get(LedgerEntry, eid), cert.digest), cert.serial


def _strict_console(monkeypatch, code_page):
    out_raw, err_raw = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_raw, encoding=code_page, errors="strict")
    err = io.TextIOWrapper(err_raw, encoding=code_page, errors="strict")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)

    def read():
        out.flush()
        err.flush()
        return out_raw.getvalue().decode(code_page), err_raw.getvalue().decode(code_page)

    return read


def _utf8_run(monkeypatch, argv):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    code = main(argv)
    stream.flush()
    return code, raw.getvalue().decode("utf-8")


@pytest.mark.parametrize("code_page", CODE_PAGES)
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_verify_prints_a_genuine_certificate_in_any_code_page(demo_db, payload, monkeypatch, code_page, lang):
    text, serial = payload
    code, utf8 = _utf8_run(monkeypatch, ["--db", str(demo_db.path), "--lang", lang, "verify", text])
    assert code == 0 and "¥" in utf8  # the message does carry the characters a legacy code page lacks
    read = _strict_console(monkeypatch, code_page)
    assert main(["--db", str(demo_db.path), "--lang", lang, "verify", text]) == 0, read()
    out, err = read()
    assert serial in out and err == ""
    # what the code page has is printed as is; only what it lacks becomes "?"
    assert out.strip() == utf8.strip().encode(code_page, errors="replace").decode(code_page)


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_json_survives_any_code_page_and_decodes_to_the_same_document(demo_db, payload, monkeypatch, code_page):
    text, serial = payload
    argv = ["--db", str(demo_db.path), "--lang", "zh_CN", "verify", text, "--json"]
    _, utf8 = _utf8_run(monkeypatch, argv)
    read = _strict_console(monkeypatch, code_page)
    assert main(argv) == 0
    out, _ = read()
    assert out.isascii()
    doc = json.loads(out)
    assert doc == json.loads(utf8) and doc["genuine"] and serial in doc["message"]
    assert "¥" in doc["message"] and _has_cjk(doc["message"])  # nothing was lost: the escapes carry it all


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_a_json_list_of_chinese_names_survives_a_strict_code_page(demo_db, monkeypatch, code_page):
    read = _strict_console(monkeypatch, code_page)
    assert main(["--db", str(demo_db.path), "--lang", "zh_CN", "watch-list", "--json"]) == 0
    out, _ = read()
    doc = json.loads(out)
    assert doc and _has_cjk(json.dumps(doc, ensure_ascii=False))


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_an_error_message_in_chinese_reaches_a_strict_console(tmp_path, monkeypatch, code_page):
    read = _strict_console(monkeypatch, code_page)
    missing = tmp_path / "没有这个文件.xlsx"
    assert main(["--db", str(tmp_path / "td.db"), "--lang", "zh_CN", "import", "talents", str(missing)]) == 2
    out, err = read()
    assert err.strip(), "the refusal is printed, not lost to UnicodeEncodeError"


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_the_real_program_on_a_strict_legacy_pipe(demo_db, payload, tmp_path, code_page):
    """The whole process with its pipes in the legacy code page (as the frozen .exe gets them on Windows)."""
    text, serial = payload
    env = dict(os.environ, PYTHONIOENCODING=f"{code_page}:strict", TALENTDESK_HOME=str(tmp_path / "home"))
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run([sys.executable, "-m", "talentdesk", "--db", str(demo_db.path), "--lang", "zh_CN",
                           "verify", text], env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(code_page, errors="replace")
    assert serial in proc.stdout.decode(code_page)
