"""The annual report pack: figures from the records, indicators as data, the cross-table checks catch a planted
inconsistency, and the pack is written only when the checks pass (or the office says so)."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from talentdesk.cli import main
from talentdesk.domain.errors import RuleViolation, ValidationError
from talentdesk.services.growth import annual_report

YEAR = 2025


def _clean(s) -> None:
    annual_report.enter_actual(s, year=YEAR, code="P6", value=93.5)  # the satisfaction survey's figure


def test_a_clean_pack_passes_every_check_and_agrees_with_its_tables(demo_db, local):
    with demo_db.session(local) as s:
        _clean(s)
        pack = annual_report.annual_pack(s, year=YEAR)
    assert pack.problems == ()
    rows = {r.code: r for r in (*pack.target, *pack.performance)}
    stats = {t.key: t for t in pack.statistics}
    assert rows["T1"].actual == stats["arrivals"].rows[-1][-1] > 0
    assert rows["P6"].actual == 93.5 and rows["P6"].entered and rows["P6"].met
    assert sum(r.weight for r in pack.target) == 100
    assert 0 < pack.score <= 100


def test_a_planted_inconsistency_is_caught(demo_db, local):
    with demo_db.session(local) as s:
        _clean(s)
        true_arrivals = annual_report.annual_pack(s, year=YEAR).metrics["arrivals"]
        annual_report.enter_actual(s, year=YEAR, code="T1", value=true_arrivals + 12)  # typed by hand, wrong
        pack = annual_report.annual_pack(s, year=YEAR)
    assert len(pack.problems) == 1
    assert "T1" in pack.problems[0].text and str(true_arrivals + 12) in pack.problems[0].text
    assert str(true_arrivals) in pack.problems[0].text


def test_the_same_measure_twice_must_agree_and_weights_must_add_up(demo_db, local):
    with demo_db.session(local) as s:
        _clean(s)
        annual_report.enter_actual(s, year=YEAR, code="P5", value=50.0)  # retention in the performance table only
        defs = annual_report.indicator_definitions(s)
        defs["target"][0]["weight"] = 25  # the weights now add up to 105
        annual_report.save_indicators(s, definitions=defs)
        pack = annual_report.annual_pack(s, year=YEAR)
    texts = " | ".join(c.text for c in pack.problems)
    # the two indicators are named together, joined as the user's language joins a list (English here)
    assert "T3, P5" in texts and "105" in texts and "P5" in texts


def test_export_is_refused_while_a_check_fails_and_written_when_clean(demo_db, local, tmp_path):
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    with pytest.raises(RuleViolation) as err:
        with demo_db.session(local) as s:
            annual_report.export_annual_pack(s, year=YEAR, pdf=str(pdf), xlsx=str(xlsx))
    assert any("P6" in d for d in err.value.details) and not pdf.exists() and not xlsx.exists()
    with demo_db.session(local) as s:
        _clean(s)
        annual_report.export_annual_pack(s, year=YEAR, pdf=str(pdf), xlsx=str(xlsx))
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-" and b"FontFile2" in data
    sheets = load_workbook(xlsx).sheetnames
    assert len(sheets) == 7 and sheets[-1] == "Checks"


def test_bad_indicator_data_is_refused(demo_db, local):
    with demo_db.session(local) as s:
        with pytest.raises(ValidationError):
            annual_report.enter_actual(s, year=YEAR, code="X9", value=1)
        with pytest.raises(ValidationError):
            annual_report.save_indicators(s, definitions={"target": [{"code": "T1", "name": "x", "target": "many"}],
                                                           "performance": []})


def test_annual_report_command(demo_db, capsys, tmp_path):
    db = str(demo_db.path)
    out = tmp_path / "pack.pdf"
    assert main(["--db", db, "--lang", "en", "annual-report", "--year", str(YEAR), "--out", str(out)]) == 1
    assert "P6" in capsys.readouterr().err and not out.exists()
    assert main(["--db", db, "--lang", "en", "annual-indicators", "enter", "--year", str(YEAR), "--code", "P6",
                 "--value", "91"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "annual-report", "--year", str(YEAR), "--out", str(out),
                 "--xlsx", str(tmp_path / "pack.xlsx"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert all(c["ok"] for c in result["checks"]) and out.exists()
    assert [r["code"] for r in result["target"]] == ["T1", "T2", "T3", "T4", "T5", "T6", "T7"]


def test_annual_page_lists_the_checks_first_and_exports(demo_db, local, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.growth.annual_page import AnnualReportPage
    from talentdesk.ui.runner import Runner

    runner = Runner(demo_db, lambda: local)
    try:
        ctx = AppContext(database=demo_db, runner=runner, actor=local,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        page = AnnualReportPage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.year.setValue(YEAR)
        qtbot.waitUntil(lambda: page.pack is not None and page.pack.year == YEAR, timeout=20000)
        assert page.target.rowCount() == 7 and page.performance.rowCount() == 6
        assert "P6" in page.checks.text()  # the satisfaction figure is missing: listed before export
        target = tmp_path / "pack.pdf"
        page.save(str(target), ignore_checks=True)
        qtbot.waitUntil(lambda: target.exists() and "Saved" in page.status.text(), timeout=20000)
    finally:
        runner.shutdown()
