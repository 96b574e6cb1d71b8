"""What the talent editor's per-talent panels (attachments, care cases) share: reading their talent's rows into
their table."""
from __future__ import annotations

from collections.abc import Callable

from talentdesk.services.base import call
from talentdesk.ui.errors import show_error


def load_talent_rows(panel, operation: Callable) -> None:
    """Read the rows `operation` lists for panel's talent (`panel.talent_id`; none set yet: nothing to read) into
    `panel.model`, on the runner; an error is shown over the panel."""
    if panel.talent_id is not None:
        panel.context.runner.submit(call(operation, talent_id=panel.talent_id), on_done=panel.model.set_rows,
                                    on_error=lambda e: show_error(panel, e))
