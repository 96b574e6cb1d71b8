"""The pairing agreement PDF (both parties, role, period, goals, duties, signature lines, fonts embedded) and the
`pairings --overdue` / `agreement` commands."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from talentdesk.cli import main
from talentdesk.services.base import Actor
from talentdesk.services.mentors import agreement, pairings
from talentdesk.services.mentors import board as board_data
from tests.conftest import TODAY

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def _a_pairing_with_two_roles(db):
    with db.session(Actor.local(), readonly=True) as s:
        for col in board_data.board(s, today=TODAY).columns:
            for card in col.cards:
                if card.other_roles:
                    return card.roles[0].pairing_id, card, col
    raise AssertionError("the demo has newcomers with several mentors")


@needs_poppler
def test_the_agreement_names_both_parties_roles_period_goals_duties_and_signature_lines(demo_db, tmp_path, zh):
    pid, card, col = _a_pairing_with_two_roles(demo_db)
    out = tmp_path / "agreement.pdf"
    with demo_db.session(Actor.local()) as s:  # the agreement is an export of personal data: audited
        agreement.write_agreement(s, pairing_id=pid, path=out)
        data = agreement.agreement_data(s, pairing_id=pid)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    for needle in (data.mentor_name, data.talent_name, data.role_name, data.goals, data.office_name,
                   f"{data.start_date.year}年{data.start_date.month}月{data.start_date.day}日",
                   f"JD-{pid:06d}", "结对帮带协议书", "签字", "盖章", "甲方（导师）职责", "一式三份"):
        assert needle in text, needle
    for other in card.other_roles:  # every other mentor of the newcomer is named too
        assert other.mentor_name in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines()[2:] if "+" in line.split()[0]]
    assert cjk and all(" yes yes " in line for line in cjk)  # embedded and subset
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)  # one sheet of paper


def test_an_agreement_for_an_unknown_pairing_is_a_clear_refusal(demo_db, tmp_path, capsys):
    code = main(["--db", str(demo_db.path), "--lang", "en", "agreement", "99999", "--out", str(tmp_path / "x.pdf")])
    assert code == 1 and "Pairing 99999 was not found" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_pairings_overdue_lists_what_the_service_counts(demo_db, capsys):
    demo_db.dispose()
    code = main(["--db", str(demo_db.path), "--lang", "en", "pairings", "--overdue", "--as-of", TODAY.isoformat(),
                 "--json"])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    with demo_db.session(Actor.local(), readonly=True) as s:
        expected = pairings.count_overdue(s, today=TODAY)
    assert doc["count"] == expected == len(doc["pairings"]) and expected > 0
    assert all(p["overdue"] and p["days_since_contact"] > p["cadence_days"] for p in doc["pairings"])
    # text output: one line per overdue pairing after the heading
    assert main(["--db", str(demo_db.path), "--lang", "en", "pairings", "--overdue", "--as-of",
                 TODAY.isoformat()]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"{expected} pairings with an overdue check-in") and len(lines) == expected + 1


def test_a_bad_date_is_a_usage_error(demo_db, capsys):
    assert main(["--db", str(demo_db.path), "pairings", "--overdue", "--as-of", "yesterday"]) == 2
