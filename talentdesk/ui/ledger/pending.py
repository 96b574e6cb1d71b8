"""What the window says when a money-changing action became a request for another account's approval."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from talentdesk.i18n import translate
from talentdesk.services.ledger import approvals


def notify_if_pending(widget: QWidget, result) -> bool:
    """After a guarded operation: tell the person their request now waits for another account (True if so)."""
    if isinstance(result, approvals.PendingApproval):
        QMessageBox.information(widget, translate("Approvals", "Request filed"), translate(
            "Approvals", "Request {id} is waiting for approval by another account (ledger tab, Requests): {summary}").format(
            id=result.request_id, summary=result.summary))
        return True
    return False


def written_row(widget: QWidget, result):
    """What a guarded operation wrote, or None when it became a request awaiting another account (said so)."""
    return None if notify_if_pending(widget, result) else result
