"""The check every printed document makes before it is drawn: does each person's name print in full?

A name with a character that no installed font has (the main font's gaps are filled from fallback fonts, see
`reports.fonts`) would be blank on paper. The clerk is told before anything is printed or changed — the operation
raises `UnprintableText` naming each person and character — and may then ask for the same document again with
`accept_missing_glyphs=True`: it is printed, and the audit trail notes which names were printed incomplete.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.services.base import record_event
from talentdesk.services.common.settings import get_setting


def document_font(session: Session) -> str | None:
    """The font file chosen in settings (None: search the computer)."""
    return str(get_setting(session, "certificate_font") or "") or None


def check_names(session: Session, names: Iterable[str], *, document: str, accept: bool,
                font_path: str | None = None) -> list:
    """Raise `UnprintableText` if a name has characters no installed font has, unless `accept`; when accepted,
    record in the audit trail which names `document` printed incomplete. Returns what was found."""
    from talentdesk.reports import fonts  # ReportLab loads only when something is printed

    font = fonts.chinese_font(font_path if font_path is not None else document_font(session)).name
    found = fonts.unprintable(names, font)
    if found and not accept:
        raise fonts.unprintable_error(found)
    if found:
        record_event(session, AuditAction.EXPORT, table="printing",
                     after={"document": document, "unprintable": {u.person: u.chars for u in found}},
                     summary=f"{document}: printed with characters no installed font has: "
                             + "; ".join(f"{u.person} ({u.chars})" for u in found))
    return found
