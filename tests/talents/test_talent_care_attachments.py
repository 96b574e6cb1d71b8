"""Care cases and attachments on a talent."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import Attachment, CareCase
from talentdesk.paths import attachments_dir_for
from talentdesk.services.talents import attachments, care, records
from tests.talents.helpers import talent_values


@pytest.fixture
def talent_id(database, local):
    with database.session(local) as s:
        return records.create_talent(s, values=talent_values()).id


def test_a_housing_case_opens_and_closes(database, local, talent_id):
    with database.session(local) as s:
        c = care.save_care_case(s, talent_id=talent_id, values={
            "kind": "housing", "title": "人才公寓", "room": "3-502", "move_in_date": "2024/3/1", "opened_on": "2024-02-20"})
    assert c.status == "open" and c.move_in_date == dt.date(2024, 3, 1)
    with database.session(local) as s:
        closed = care.close_care_case(s, case_id=c.id, on=dt.date(2025, 3, 1), note="已退房")
    assert closed.status == "closed" and "已退房" in closed.notes
    with database.session(local) as s:
        reopened = care.save_care_case(s, talent_id=talent_id, case_id=c.id, values={
            "kind": "housing", "room": "3-502", "move_in_date": "2024-03-01", "opened_on": "2024-02-20",
            "closed_on": ""})
    assert reopened.status == "open" and reopened.closed_on is None
    with database.session(local, readonly=True) as s:
        assert [r.id for r in care.list_care_cases(s, talent_id=talent_id)] == [c.id]


@pytest.mark.parametrize("values,field", [
    ({"kind": "housing", "opened_on": ""}, "opened_on"),
    ({"kind": "spaceship", "opened_on": "2024-01-01"}, "kind"),
    ({"kind": "housing", "opened_on": "2024-05-01", "closed_on": "2024-04-01"}, "closed_on"),
    ({"kind": "housing", "opened_on": "2024-01-01", "move_in_date": "2024-05-01", "move_out_date": "2024-04-01"},
     "move_out_date"),
    ({"kind": "spouse_job", "opened_on": "2024-01-01", "room": "3-502"}, "room"),
])
def test_care_cases_refuse_inconsistent_dates_and_fields(database, local, talent_id, values, field):
    with pytest.raises(ValidationError) as err:
        with database.session(local) as s:
            care.save_care_case(s, talent_id=talent_id, values=values)
    assert err.value.field == field
    with database.session(local, readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(CareCase)) == 0


def test_attachments_are_stored_once_by_content_and_removed_after_commit(database, db_path, local, talent_id,
                                                                         tmp_path):
    scan = tmp_path / "毕业证书.pdf"
    scan.write_bytes(b"%PDF-1.4 diploma scan")
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(scan.read_bytes())
    with database.session(local) as s:
        a = attachments.add_attachment(s, talent_id=talent_id, source=scan, kind="diploma")
        b = attachments.add_attachment(s, talent_id=talent_id, source=copy, kind="other")
    stored = Path(a.path)
    assert stored == Path(b.path) and stored.read_bytes() == scan.read_bytes()
    assert stored.parent.parent == attachments_dir_for(db_path)
    with database.session(local, readonly=True) as s:
        rows = attachments.list_attachments(s, talent_id=talent_id)
        assert {r.filename for r in rows} == {"毕业证书.pdf", "copy.pdf"} and rows[0].size == scan.stat().st_size
        assert attachments.attachment_file(s, attachment_id=a.id) == str(stored)
    with database.session(local) as s:
        attachments.remove_attachment(s, attachment_id=a.id)
    assert stored.exists()  # still used by the other row
    with pytest.raises(RuntimeError):
        with database.session(local) as s:
            attachments.remove_attachment(s, attachment_id=b.id)
            raise RuntimeError("rolled back")
    assert stored.exists()  # a rolled-back removal keeps the file
    with database.session(local) as s:
        attachments.remove_attachment(s, attachment_id=b.id)
    assert not stored.exists()
    with database.session(local, readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_an_empty_or_missing_file_is_refused(database, local, talent_id, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for source in (empty, tmp_path / "missing.pdf", tmp_path):
        with pytest.raises(ValidationError):
            with database.session(local) as s:
                attachments.add_attachment(s, talent_id=talent_id, source=source)
