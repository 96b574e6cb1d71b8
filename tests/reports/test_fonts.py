"""Fonts on the clerk's PC: per-user font folders (Windows 10 1809+, Linux, macOS) are searched; every printed name is
drawn from a font that has each character (王𠮷 — Extension B, 李䶮 — Extension A) or, where no installed font has
one, the clerk is told who and which before anything is printed or changed."""
from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.domain.errors import UnprintableText
from talentdesk.domain.models import AuditEntry, Certificate, LedgerEntry, Talent
from talentdesk.reports import fonts
from talentdesk.services.base import Actor

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
HANA_A = Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")
NOBODY = "\U0003000D"   # CJK Extension G (2020): no font this machine or CI installs has it
needs_wqy = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei (installed by .ci/run)")
needs_ext = pytest.mark.skipif(not HANA_A.is_file(), reason="fonts-hanazono (installed by .ci/run)")
needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm")),
                                   reason="poppler-utils")


@pytest.fixture
def fresh_fonts(monkeypatch):
    """Each test finds fonts afresh (the module keeps one registration per process)."""
    monkeypatch.setattr(fonts, "_registered", {})
    monkeypatch.setattr(fonts, "_faces", {})
    monkeypatch.setattr(fonts, "_fallback", {})
    monkeypatch.setattr(fonts, "_covered", {})
    monkeypatch.setattr(fonts, "_points", {})


def _fake_winreg(values: dict[str, list[tuple[str, str]]]) -> types.ModuleType:
    """A stand-in for `winreg` holding font entries under HKCU and HKLM."""
    mod = types.ModuleType("winreg")
    mod.HKEY_CURRENT_USER, mod.HKEY_LOCAL_MACHINE = "HKCU", "HKLM"

    def open_key(hive, path):
        assert path == r"Software\Microsoft\Windows NT\CurrentVersion\Fonts"
        if hive not in values:
            raise FileNotFoundError(path)
        return hive

    def enum_value(key, i):
        if i >= len(values[key]):
            raise OSError("no more data")
        name, data = values[key][i]
        return name, data, 1

    mod.OpenKey, mod.EnumValue, mod.CloseKey = open_key, enum_value, lambda key: None
    return mod


@needs_wqy
def test_windows_finds_a_font_installed_for_this_user_only(fresh_fonts, tmp_path, monkeypatch):
    """Windows 10 1809+ installs a font without administrator rights into %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts:
    with no Chinese font in %WINDIR%\\Fonts, that one prints."""
    local = tmp_path / "AppData" / "Local"
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    (tmp_path / "Windows" / "Fonts").mkdir(parents=True)
    shutil.copy(WQY, user_fonts / "思源宋体.ttc")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setitem(sys.modules, "winreg", _fake_winreg({}))
    assert fonts.user_font_dirs() == [user_fonts]
    choice = fonts.chinese_font()
    assert choice.path == user_fonts / "思源宋体.ttc"


@needs_wqy
def test_windows_registry_entries_of_the_user_point_at_their_fonts(fresh_fonts, tmp_path, monkeypatch):
    """HKCU's font entries hold full paths (a font installed elsewhere for this user), HKLM's bare file names in
    %WINDIR%\\Fonts; the user's come first and a file named there prints."""
    elsewhere = tmp_path / "D盘" / "字体"
    elsewhere.mkdir(parents=True)
    shutil.copy(WQY, elsewhere / "wqy.ttc")
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setitem(sys.modules, "winreg", _fake_winreg({
        "HKCU": [("WenQuanYi (TrueType)", str(elsewhere / "wqy.ttc")), ("Readme", "not a font")],
        "HKLM": [("SimSun & NSimSun (TrueType)", "simsun.ttc"), ("Arial (TrueType)", "arial.ttf")],
    }))
    assert fonts.windows_registry_fonts() == [elsewhere / "wqy.ttc", windir / "Fonts" / "simsun.ttc",
                                              windir / "Fonts" / "arial.ttf"]
    assert fonts.chinese_font().path == elsewhere / "wqy.ttc"


@needs_wqy
@pytest.mark.parametrize("folder", [".local/share/fonts", ".fonts"])
def test_linux_finds_a_font_in_the_home_folder(fresh_fonts, tmp_path, monkeypatch, folder):
    """No Chinese font in the system's folders and no fontconfig: the font the user put in their own folder prints."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr(fonts, "_UNIX", [])
    monkeypatch.setattr(fonts, "_fc_files", lambda pattern: [])
    target = tmp_path / folder / "CJK"
    target.mkdir(parents=True)
    shutil.copy(WQY, target.parent / "wqy.ttc")
    assert [tmp_path / ".local/share/fonts", tmp_path / ".fonts"] == fonts.user_font_dirs()
    assert fonts.chinese_font().path == target.parent / "wqy.ttc"


def test_macos_user_fonts_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # what expanduser reads on Windows
    assert fonts.user_font_dirs() == [tmp_path / "Library" / "Fonts"]


@needs_wqy
def test_fontconfig_finds_a_chinese_font_wherever_the_desktop_put_it(fresh_fonts, monkeypatch):
    """UOS and Kylin put their Chinese fonts in their own folders; fontconfig knows them all."""
    monkeypatch.setattr(fonts, "_UNIX", [])
    monkeypatch.setenv("HOME", "/nonexistent")
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig is not installed")
    assert WQY in fonts.candidate_paths()
    assert fonts.chinese_font().path == WQY


@needs_wqy
@needs_ext
def test_names_beyond_the_main_font_switch_to_a_font_that_has_them(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "_UNIX", [str(WQY)])
    main = fonts.chinese_font().name
    assert not fonts.has_glyph(main, "𠮷") and not fonts.has_glyph(main, "䶮")  # the premise
    for name in ("王𠮷", "李䶮"):
        parts = fonts.runs(name, main)
        assert parts[0] == (main, name[0]) and parts[1][1] == name[1] and parts[1][0] != main
        assert fonts.has_glyph(parts[1][0], name[1])
    assert fonts.unprintable(["王𠮷", "李䶮", "张三"], main) == []
    found = fonts.unprintable([f"张{NOBODY}", "王𠮷", f"张{NOBODY}"], main)
    assert found == [fonts.Unprintable(f"张{NOBODY}", NOBODY)]
    # paragraph markup keeps tags, escapes text and wraps only the missing character
    text = fonts.markup("王𠮷 & <李䶮>", main)
    assert text.startswith("王<font face=") and "&amp; &lt;李" in text and text.count("<font") == 2


def _ink(pdf: Path, tmp_path: Path) -> int:
    """Dark pixels on the first page, rendered the way a clerk would look at it (pdftoppm, 80 dpi)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "pg")],
                   check=True)
    data = next(tmp_path.glob("pg*.pgm")).read_bytes()
    parts = data.split(maxsplit=4)  # P5 width height maxval pixels
    pixels = parts[4]
    for p in tmp_path.glob("pg*.pgm"):
        p.unlink()
    return sum(1 for b in pixels if b < 128)


@needs_wqy
@needs_ext
@needs_poppler
def test_extension_b_character_is_visible_on_the_certificate(fresh_fonts, tmp_path, monkeypatch):
    """The certificate of 王𠮷: the text layer says 王𠮷, both fonts are embedded, and 𠮷 is inked on the page."""
    from reportlab.pdfgen import canvas

    from talentdesk.reports.certificate import render_certificates, sample_rows

    monkeypatch.setattr(fonts, "_UNIX", [str(WQY)])
    row = dataclasses.replace(sample_rows(1)[0], talent_name="王𠮷")
    render_certificates([row], tmp_path / "c.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "王𠮷" in text
    used = subprocess.run(["pdffonts", str(tmp_path / "c.pdf")], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in used and "HanaMin" in used
    # the character alone, drawn by the helper and by plain ReportLab in the main font: only the helper inks it
    main = fonts.chinese_font().name
    for name, draw in (("helper.pdf", lambda c: fonts.draw_text(c, 20, 20, "𠮷")),
                       ("plain.pdf", lambda c: c.drawString(20, 20, "𠮷"))):
        c = canvas.Canvas(str(tmp_path / name), pagesize=(80, 60))
        c.setFont(main, 30)
        draw(c)
        c.save()
    assert _ink(tmp_path / "helper.pdf", tmp_path) > 20
    assert _ink(tmp_path / "plain.pdf", tmp_path) < _ink(tmp_path / "helper.pdf", tmp_path) / 3


@needs_wqy
def test_centred_and_right_aligned_runs_keep_their_place(fresh_fonts, monkeypatch):
    """A name switching fonts is placed by its whole width: centred on x, or ending at x."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(fonts, "_UNIX", [str(WQY)])
    main = fonts.chinese_font().name
    drawn = []

    class Spy(canvas.Canvas):
        def drawString(self, x, y, text, *a, **k):
            drawn.append((x, self._fontname, text))
            return super().drawString(x, y, text, *a, **k)

    c = Spy(io.BytesIO())
    c.setFont(main, 12)
    fonts.draw_text(c, 100, 10, "王𠮷", align="right")
    total = sum(stringWidth(t, f, 12) for _x, f, t in drawn)
    assert drawn[0][0] == pytest.approx(100 - total)
    assert c._fontname == main  # the canvas's font is as it was


# ------------------------------------------------------------------ the check before printing (services)

def _payment_of(database):
    with database.session(Actor.local(), readonly=True) as s:
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        e = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "payment", LedgerEntry.id.not_in(reversed_ids))
                      .order_by(LedgerEntry.id).limit(1)).one()
        return e.id, e.talent_id


def _rename(database, talent_id, name):
    with database.session(Actor.local()) as s:
        s.get(Talent, talent_id).name = name


@needs_wqy
def test_a_name_no_font_has_stops_the_print_before_anything_changes(demo_db, tmp_path, zh):
    from talentdesk.services.ledger import certificates

    eid, tid = _payment_of(demo_db)
    _rename(demo_db, tid, f"张{NOBODY}")
    with pytest.raises(UnprintableText) as info, demo_db.session(Actor.local()) as s:
        certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid])
    msg = info.value.message
    assert f"张{NOBODY}" in msg and "U+3000D" in msg and "字体" in msg  # who, which, in the clerk's language
    assert info.value.people == ((f"张{NOBODY}", NOBODY),)
    assert not (tmp_path / "c.pdf").exists()
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalars(select(Certificate).where(Certificate.entry_id == eid)).first() is None  # no serial used
    # printed anyway: the PDF is made and the operation log names the person and the character
    with demo_db.session(Actor.local()) as s:
        result = certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid],
                                                 accept_missing_glyphs=True)
    assert result.pages == 1 and (tmp_path / "c.pdf").is_file()
    with demo_db.session(Actor.local(), readonly=True) as s:
        notes = [a.summary for a in s.scalars(select(AuditEntry).where(AuditEntry.table_name == "printing"))]
    assert any(f"张{NOBODY}" in n and "certificates" in n for n in notes), notes


@needs_wqy
@needs_ext
def test_a_name_a_fallback_font_has_prints_without_a_question(demo_db, tmp_path):
    from talentdesk.services.ledger import certificates

    eid, tid = _payment_of(demo_db)
    _rename(demo_db, tid, "王𠮷")
    with demo_db.session(Actor.local()) as s:
        assert certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid]).pages == 1
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert not s.scalars(select(AuditEntry).where(AuditEntry.table_name == "printing")).first()


@needs_wqy
def test_the_command_line_refuses_then_prints_with_print_anyway(demo_db, tmp_path, capsys):
    from talentdesk.cli import main

    eid, tid = _payment_of(demo_db)
    _rename(demo_db, tid, f"李{NOBODY}")
    db = str(demo_db.path)
    out = tmp_path / "c.pdf"
    assert main(["--db", db, "certificates", "--entry", str(eid), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"李{NOBODY}" in err and "--print-anyway" in err and not out.exists()
    assert main(["--db", db, "certificates", "--entry", str(eid), "--out", str(out), "--print-anyway"]) == 0
    assert out.is_file()


@needs_wqy
def test_the_window_asks_once_and_prints_anyway_with_the_same_callbacks(demo_db, tmp_path, qtbot):
    """Every printing operation goes through the runner: on UnprintableText it asks the clerk (here: a stand-in for
    the dialog) and, on yes, runs the same call again with accept_missing_glyphs=True; on no, the error reaches the
    caller and nothing is printed."""
    from talentdesk.app import make_application
    from talentdesk.services.base import call
    from talentdesk.services.ledger import certificates
    from talentdesk.ui.runner import Runner

    eid, tid = _payment_of(demo_db)
    _rename(demo_db, tid, f"王{NOBODY}")
    make_application(lang="en")
    runner = Runner(demo_db, Actor.local)
    asked, done, failed = [], [], []
    try:
        runner.confirm_unprintable = lambda exc: asked.append(exc.people) or False
        runner.submit(call(certificates.print_certificates, out_path=str(tmp_path / "no.pdf"), entry_ids=[eid]),
                      on_done=done.append, on_error=failed.append)
        qtbot.waitUntil(lambda: bool(failed), timeout=10000)
        assert isinstance(failed[0], UnprintableText) and not done and not (tmp_path / "no.pdf").exists()
        runner.confirm_unprintable = lambda exc: asked.append(exc.people) or True
        runner.submit(call(certificates.print_certificates, out_path=str(tmp_path / "yes.pdf"), entry_ids=[eid]),
                      on_done=done.append, on_error=failed.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10000)
        assert done[0].pages == 1 and (tmp_path / "yes.pdf").is_file() and len(failed) == 1
        assert asked == [((f"王{NOBODY}", NOBODY),)] * 2
    finally:
        runner.shutdown()


@needs_wqy
@needs_ext
@needs_poppler
def test_agreement_prints_extension_names_in_its_paragraphs(demo_db, tmp_path):
    """The pairing agreement (Paragraphs and table cells) prints 李䶮 and 王𠮷 whole."""
    from talentdesk.domain.models import Mentor, Pairing
    from talentdesk.services.mentors import agreement

    with demo_db.session(Actor.local()) as s:
        p = s.scalars(select(Pairing).order_by(Pairing.id).limit(1)).one()
        s.get(Mentor, p.mentor_id).name = "李䶮"
        s.get(Talent, p.talent_id).name = "王𠮷"
        pid = p.id
    with demo_db.session(Actor.local()) as s:
        agreement.write_agreement(s, pairing_id=pid, path=tmp_path / "a.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "李䶮" in text and "王𠮷" in text


@needs_wqy
@needs_ext
def test_windows_prints_extension_b_from_simsun_extb_and_registers_only_that_font(fresh_fonts, tmp_path, monkeypatch):
    """On Windows the main font is SimSun and 𠮷 comes from SimSun-ExtB (simsunb.ttf, shipped with Windows). Only
    the font that has the character is registered (ReportLab keeps a registered font's whole file in memory); the
    other fonts of the folder are only looked at. (Stand-ins: WenQuanYi as simsun.ttc, HanaMinB as simsunb.ttf.)"""
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    (windir / "Fonts" / "simsun.ttc").symlink_to(WQY)
    (windir / "Fonts" / "simsunb.ttf").symlink_to(HANA_A.with_name("HanaMinB.ttf"))
    user = tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"
    user.mkdir(parents=True)
    (user / "another.ttc").symlink_to(WQY)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setitem(sys.modules, "winreg", _fake_winreg({"HKLM": [("SimSun (TrueType)", "simsun.ttc")]}))
    main = fonts.chinese_font()
    assert main.path == windir / "Fonts" / "simsun.ttc"
    parts = fonts.runs("王𠮷", main.name)
    assert parts[0] == (main.name, "王") and parts[1][1] == "𠮷"
    assert [p for p, name in fonts._faces.items() if name] == [windir / "Fonts" / "simsunb.ttf"]
    # a character no font has: every font is looked at, none registered, and the name is reported
    assert fonts.unprintable([f"王{NOBODY}"], main.name) == [fonts.Unprintable(f"王{NOBODY}", NOBODY)]
    assert [p for p, name in fonts._faces.items() if name] == [windir / "Fonts" / "simsunb.ttf"]


@pytest.mark.parametrize("button,answer", [("仍然打印", True), ("取消", False)])
def test_the_question_names_person_and_character_in_chinese(qtbot, button, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from talentdesk.app import make_application
    from talentdesk.ui.errors import ask_print_anyway

    make_application(lang="zh_CN")
    try:
        exc = fonts.unprintable_error([fonts.Unprintable(f"张{NOBODY}", NOBODY)])
        seen = []

        def press():
            box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
            seen.append((box.windowTitle(), box.text(), box.informativeText()))
            next(b for b in box.buttons() if b.text() == button).click()

        QTimer.singleShot(200, press)
        assert ask_print_anyway(None, exc) is answer
        title, text, info = seen[0]
        assert title == "有无法打印的字" and f"张{NOBODY}" in text and "U+3000D" in text and "仍要打印吗" in info
    finally:
        make_application(lang="en")
