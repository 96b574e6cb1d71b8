import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from talentdesk.domain.errors import InputFileError
from talentdesk.services.growth import retention
from tests.growth.helpers import base, talent

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def cohorts(session):
    """2019: four came — one left after 6 months, one after 2 years (within the 5-year commitment), one after
    5 years and 2 months (after it), one still here. 2024: two came, one left within a month. 2026: one came."""
    e1, e2 = base(session)
    talent(session, arrival=D(2019, 3, 1), employer_id=e1, left=D(2019, 9, 1))
    talent(session, arrival=D(2019, 3, 1), employer_id=e1, left=D(2021, 3, 1), tier="B")
    talent(session, arrival=D(2019, 3, 1), employer_id=e2, left=D(2024, 5, 1))
    talent(session, arrival=D(2019, 6, 1), employer_id=e2)
    talent(session, arrival=D(2024, 2, 1), employer_id=e1, left=D(2024, 3, 1), tier="B")
    talent(session, arrival=D(2024, 5, 1), employer_id=e2)
    talent(session, arrival=D(2026, 4, 1), employer_id=e2)
    return e1, e2


def test_retention_table_by_arrival_year(session, cohorts):
    r = retention.retention_report(session, today=TODAY)
    years = {row.name: row for row in r.by_year}
    assert list(years) == ["2019", "2024", "2026"]
    y19 = years["2019"]
    assert (y19.arrived, y19.here_now, y19.left_within_commitment) == (4, 1, 2)
    assert y19.share(1) == pytest.approx(3 / 4)   # the one who left after six months
    assert y19.share(3) == pytest.approx(2 / 4)   # and the one who left after two years
    assert y19.share(5) == pytest.approx(2 / 4)   # left after 5 years 2 months still counts as stayed 5 years
    y24 = years["2024"]
    assert y24.share(1) == pytest.approx(1 / 2)  # 2024-12-31 + 1 year has passed
    assert y24.share(3) is None                   # 2024-12-31 + 3 years has not: no share rather than a guess
    assert (y24.arrived, y24.here_now, y24.left_within_commitment) == (2, 1, 1)
    assert years["2026"].share(1) is None
    assert r.total.arrived == 7 and r.total.here_now == 3


def test_young_cohorts_count_once_old_enough(session, cohorts):
    r = retention.retention_report(session, today=D(2025, 12, 30))
    y24 = next(row for row in r.by_year if row.name == "2024")
    assert y24.share(1) is None  # one day short of 2025-12-31
    r = retention.retention_report(session, today=D(2025, 12, 31))
    y24 = next(row for row in r.by_year if row.name == "2024")
    assert y24.share(1) == pytest.approx(1 / 2)


def test_retention_by_tier_and_employer_add_up_old_enough_cohorts(session, cohorts):
    e1, e2 = cohorts
    r = retention.retention_report(session, today=TODAY)
    tiers = {row.key: row for row in r.by_tier}
    assert tiers["A"].arrived == 5 and tiers["B"].arrived == 2
    # tier A, cohorts old enough for 3 years: the 2019 ones in A (left 6 months, left 5y2m, still here)
    assert tiers["A"].share(3) == pytest.approx(2 / 3)
    assert tiers["B"].share(3) == pytest.approx(0 / 1)
    emps = {row.key: row for row in r.by_employer}
    assert emps[str(e1)].arrived == 3 and emps[str(e1)].share(1) == pytest.approx(1 / 3)
    assert emps[str(e2)].share(5) == pytest.approx(2 / 2)


def test_departures_within_the_service_commitment_by_year(session, cohorts):
    r = retention.retention_report(session, today=TODAY)
    assert [(d.year, d.departed, d.within_commitment) for d in r.departures] == [
        (2019, 1, 1), (2021, 1, 1), (2024, 2, 1)]


def test_export_to_xlsx_writes_the_tables_and_refuses_other_names(session, cohorts, tmp_path):
    path = retention.export_retention_xlsx(session, path=str(tmp_path / "r.xlsx"), today=TODAY)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.cell(2, 1).value == "2019" and ws.cell(2, 2).value == 4 and ws.cell(2, 4).value == 0.75
    assert ws.cell(3, 4).value == 0.5 and ws.cell(3, 5).value is None  # 2024 too young for three years
    assert len(wb.worksheets) == 5
    with pytest.raises(InputFileError):
        retention.export_retention_xlsx(session, path=str(tmp_path / "r.csv"), today=TODAY)
    assert not Path(tmp_path / "r.csv").exists()


def test_yearly_report_pdf_has_text_and_embedded_font(demo_db, local, tmp_path):
    import subprocess

    from talentdesk import i18n
    i18n.set_language("zh_CN")
    with demo_db.session(local) as s:
        path = retention.write_yearly_report(s, path=str(tmp_path / "y.pdf"), year=2026, today=TODAY)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "2026" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "TrueType" in fonts and " yes " in fonts  # embedded
