"""Scans attached to a talent (diplomas, contracts, agreements).

On a SQLite file they are stored once per content in the data folder: files live beside the database in
`attachments/<first two hex digits>/<sha256>`; the database row keeps the original file name, size and date. A file
is deleted from disk only after the removal is committed and when no other attachment row still points at the same
content.

On a server database (PostgreSQL) no folder is shared by every clerk's PC, so the bytes are stored in the database
itself (`attachment_contents`, one bytea row per attachment, in the same transaction as its row; see migration
attach_1 for why not large objects), up to SERVER_MAX_BYTES each. Either way a clerk opens a read-only temporary
copy under the original name and extension.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import NotFound, StorageError, ValidationError
from talentdesk.domain.models import Attachment, AttachmentContent, Talent
from talentdesk.i18n import translate
from talentdesk.paths import attachments_dir_for
from talentdesk.services.base import Change, Permission, operation

MAX_BYTES = 200 * 1024 * 1024
SERVER_MAX_BYTES = 50 * 1024 * 1024
"""On a server database: one attachment is read and written whole in one statement (bytea), and every clerk's PC
fetches it over the network to open it; a scan is a few MB, so 50 MB leaves room without loading the server."""
KINDS = ("diploma", "contract", "agreement", "other")



@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    talent_id: int
    filename: str
    kind: str
    size: int
    added_at: dt.datetime
    path: str  # where the stored copy is in the data folder ("" on a server database: open_copy makes one)


def on_server(session: Session) -> bool:
    """The session's database is a server's (the attachments' bytes are in it), not a file on this PC."""
    return session.get_bind().dialect.name != "sqlite"


def store_dir(session: Session) -> Path:
    """The attachments folder of the session's database (beside the database file)."""
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise StorageError(translate("Attachments", "Attachments need a database file on this computer."))
    return attachments_dir_for(Path(url.database))


def _stored_path(root: Path, sha: str) -> Path:
    return root / sha[:2] / sha


def _row(root: Path | None, a: Attachment) -> AttachmentRow:
    path = str(_stored_path(root, a.sha256)) if root is not None else ""
    return AttachmentRow(a.id, a.talent_id, a.filename, a.kind, a.size, a.added_at, path)


@operation(Permission.TALENT_READ)
def list_attachments(session: Session, *, talent_id: int) -> list[AttachmentRow]:
    """The talent's attachments (on a server database without a path: the bytes are in the database)."""
    root = None if on_server(session) else store_dir(session)
    rows = session.scalars(select(Attachment).where(Attachment.talent_id == talent_id)
                           .order_by(Attachment.added_at.desc(), Attachment.id.desc())).all()
    return [_row(root, a) for a in rows]


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def add_attachment(session: Session, *, talent_id: int, source: str | Path, kind: str = "other") -> AttachmentRow:
    """Copy `source` into the store under its SHA-256 (once per content) and list it on the talent."""
    if session.get(Talent, talent_id) is None:
        raise NotFound(translate("Attachments", "This talent no longer exists."))
    if kind not in KINDS:
        raise ValidationError(translate("Attachments", "Unknown kind of attachment."), field="kind")
    source = Path(source)
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise ValidationError(translate("Attachments", "Choose a file, not a folder."), field="source")
    except OSError as exc:
        raise ValidationError(translate("Attachments", "The file cannot be opened: {reason}").format(reason=exc.strerror or str(exc)),
                              field="source") from exc
    if size == 0:
        raise ValidationError(translate("Attachments", "The file is empty."), field="source")
    if size > MAX_BYTES:
        raise ValidationError(translate("Attachments", "The file is larger than 200 MB."), field="source")
    if on_server(session):
        return _add_to_server(session, talent_id, source, size, kind)
    root = store_dir(session)
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=str(root))
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = _stored_path(root, sha)
        if target.exists():
            tmp.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(translate("Attachments", "The file could not be copied into the data folder: {reason}").format(
            reason=exc.strerror or str(exc))) from exc
    a = Attachment(talent_id=talent_id, filename=source.name[:260], sha256=sha, size=size, kind=kind)
    session.add(a)
    session.flush()
    return _row(root, a)


def _add_to_server(session: Session, talent_id: int, source: Path, size: int, kind: str) -> AttachmentRow:
    """The bytes go into the database with the attachment's row, in the same transaction."""
    if size > SERVER_MAX_BYTES:
        raise ValidationError(translate(
            "Attachments", "On the shared server database an attachment can be at most {limit} MB; {name} is "
                           "{size:.1f} MB. Scan it at a lower resolution, or in parts, and attach those.").format(
            limit=SERVER_MAX_BYTES // (1024 * 1024), name=source.name, size=size / (1024 * 1024)), field="source")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(translate("Attachments", "The file cannot be opened: {reason}").format(
            reason=exc.strerror or str(exc)), field="source") from exc
    a = Attachment(talent_id=talent_id, filename=source.name[:260], sha256=hashlib.sha256(data).hexdigest(),
                   size=len(data), kind=kind)
    session.add(a)
    session.flush()
    session.add(AttachmentContent(attachment_id=a.id, content=data))
    session.flush()
    return _row(None, a)


@operation(Permission.TALENT_READ)
def attachment_file(session: Session, *, attachment_id: int) -> str:
    """The stored copy to open; refuses clearly when the file has gone missing from the data folder."""
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise NotFound(translate("Attachments", "This attachment no longer exists."))
    path = _stored_path(store_dir(session), a.sha256)
    if not path.is_file():
        raise StorageError(translate("Attachments", "The stored copy of {name} is missing from the data folder ({path}).").format(
            name=a.filename, path=path))
    return str(path)


VIEW_FOLDER = "TalentDesk-view"
VIEW_COPIES_KEPT_S = 12 * 3600
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A name every file system accepts that keeps the original's words and extension (a name stored from another
    system may hold `:` or `?`, which Windows refuses; `CON.pdf` is a device there)."""
    cleaned = _UNSAFE_IN_NAMES.sub("_", name).strip().rstrip(". ")
    if not cleaned or cleaned in (".", ".."):
        return fallback
    if cleaned.split(".", 1)[0].upper() in _RESERVED_NAMES:
        cleaned = "_" + cleaned
    return cleaned[:200]


def _forget_old_view_copies(base: Path, now: float) -> None:
    """Remove viewing copies left from earlier days; one still open in a viewer (Windows refuses) stays for now."""
    def writable_then_retry(func, path, _exc):
        try:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD | (stat.S_IEXEC if os.path.isdir(path) else 0))
            func(path)
        except OSError:
            pass

    try:
        folders = list(base.iterdir())
    except OSError:
        return
    for folder in folders:
        try:
            if now - folder.stat().st_mtime > VIEW_COPIES_KEPT_S:
                shutil.rmtree(folder, onerror=writable_then_retry)  # onexc from Python 3.12
        except OSError:
            continue


@operation(Permission.TALENT_READ)
def open_copy(session: Session, *, attachment_id: int, temp_root: Path | None = None) -> str:
    """A read-only copy of the attachment, under its original name and extension, in a folder of its own in the
    temporary folder: the system opens it with the program for that kind of file (no "How do you want to open this
    file?"), and that program cannot change the stored copy. Viewing copies older than half a day are removed."""
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise NotFound(translate("Attachments", "This attachment no longer exists."))
    if on_server(session):
        content = session.scalar(select(AttachmentContent.content).where(
            AttachmentContent.attachment_id == attachment_id))
        if content is None:
            raise StorageError(translate("Attachments", "The database holds no copy of {name}: it was listed before "
                                                        "attachments were stored on the server. Add it again.").format(
                name=a.filename))
        stored = None
    else:
        stored = Path(attachment_file(session, attachment_id=attachment_id))
    base = Path(temp_root or tempfile.gettempdir()) / VIEW_FOLDER
    try:
        base.mkdir(parents=True, exist_ok=True)
        _forget_old_view_copies(base, time.time())
        folder = Path(tempfile.mkdtemp(prefix=f"{attachment_id}-", dir=base))
        copy = folder / safe_filename(a.filename, fallback=f"attachment-{attachment_id}")
        if stored is not None:
            shutil.copyfile(stored, copy)
        else:
            copy.write_bytes(bytes(content))
        os.chmod(copy, stat.S_IREAD)
    except OSError as exc:
        raise StorageError(translate("Attachments", "A copy of {name} could not be made for viewing: {reason}").format(
            name=a.filename, reason=exc.strerror or str(exc))) from exc
    return str(copy)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def remove_attachment(session: Session, *, attachment_id: int) -> None:
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise NotFound(translate("Attachments", "This attachment no longer exists."))
    sha = a.sha256
    if on_server(session):  # its bytes go with it (not read back only to be deleted)
        session.execute(delete(AttachmentContent).where(AttachmentContent.attachment_id == attachment_id))
        session.delete(a)
        session.flush()
        return
    root = store_dir(session)
    session.delete(a)
    session.flush()
    still_used = session.scalar(select(func.count()).select_from(Attachment).where(Attachment.sha256 == sha)) or 0
    if not still_used:
        def _delete_file(_session) -> None:
            _stored_path(root, sha).unlink(missing_ok=True)

        event.listen(session, "after_commit", _delete_file, once=True)
