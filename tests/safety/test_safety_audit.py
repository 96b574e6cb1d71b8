"""The audit view: filters by user, date and record; exports without live formulas; the trail cannot be changed."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import InputFileError, PermissionDenied, ValidationError
from talentdesk.domain.models import Employer
from talentdesk.services.safety import audit
from talentdesk.services.safety.audit import AuditQuery
from talentdesk.services.base import Actor

from tests.conftest import make_actor
from tests.safety.safety_helpers import audit_count

ADMIN = make_actor(Role.ADMIN, user_id=1, username="admin")


@pytest.fixture
def trail(database):
    for who, name in (("li", "=cmd|' /C calc'!A0"), ("wang", "县医院"), ("=HYPERLINK(\"http://x\")", "+SUM(A1)")):
        with database.session(make_actor(Role.CLERK, user_id=5, username=who)) as s:
            s.add(Employer(name=name))
    return database


def _list(database, **q):
    with database.session(ADMIN, readonly=True) as s:
        return audit.list_audit(s, query=AuditQuery(**q))


def test_filters_by_user_date_and_record(trail):
    assert {r.actor_name for r in _list(trail, username="li").rows} == {"li"}
    assert _list(trail, username="li").total == 1
    today = dt.datetime.now(dt.timezone.utc).date()
    assert _list(trail, date_from=today, date_to=today).total == 3
    assert _list(trail, date_to=today - dt.timedelta(days=1)).total == 0
    one = _list(trail, table_name="employers", record_id="2")
    assert one.total == 1 and "县医院" in one.rows[0].after
    assert _list(trail, text="县医院").total == 1
    assert _list(trail, text="%").total == 0  # LIKE wildcards are taken literally
    with pytest.raises(ValidationError):
        _list(trail, date_from=today, date_to=today - dt.timedelta(days=3))


def test_the_trail_cannot_be_changed_or_deleted_through_the_program(trail):
    n = audit_count(trail)
    for sql in ("UPDATE audit_entries SET actor_name = 'nobody'", "DELETE FROM audit_entries"):
        with pytest.raises(DatabaseError):
            with trail.session(Actor.local()) as s:
                s.execute(text(sql))
    assert audit_count(trail) == n
    assert {r.actor_name for r in _list(trail).rows} == {"li", "wang", '=HYPERLINK("http://x")'}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_keep_formulas_as_plain_text_and_are_audited(trail, tmp_path, suffix):
    path = tmp_path / f"trail{suffix}"
    with trail.session(ADMIN) as s:
        assert audit.export_audit(s, path=path, query=AuditQuery(table_name="employers")) == 3
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
    else:
        ws = load_workbook(path).active
        cells = [c.value for row in ws.iter_rows() for c in row]
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert not any(isinstance(c, str) and c and c[0] in "=+-@" for c in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells  # kept, readable, but inert
    exports = _list(trail, action="export")
    assert exports.total == 1 and exports.rows[0].actor_name == "admin"


def test_only_admins_read_or_export_the_trail(trail, tmp_path):
    for role in (Role.CLERK, Role.APPROVER, Role.VIEWER):
        with pytest.raises(PermissionDenied):
            with trail.session(make_actor(role)) as s:
                audit.list_audit(s)
        with pytest.raises(PermissionDenied):
            with trail.session(make_actor(role)) as s:
                audit.export_audit(s, path=tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_export_to_an_unusable_place_is_a_clear_error(trail, tmp_path):
    with pytest.raises(InputFileError):
        with trail.session(ADMIN) as s:
            audit.export_audit(s, path=tmp_path / "trail.pdf")
    with pytest.raises(InputFileError, match="could not be written"):
        with trail.session(ADMIN) as s:
            audit.export_audit(s, path=tmp_path / "missing" / "dir" / "trail.csv")
    assert _list(trail, action="export").total == 0
