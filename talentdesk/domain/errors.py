"""Errors the services raise. Each carries a message already in the user's language."""
from __future__ import annotations


class TalentDeskError(Exception):
    """Base of every expected, user-facing failure. `message` is translated; `field` names the input at fault."""

    def __init__(self, message: str, *, field: str | None = None, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = list(details or [])

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(TalentDeskError):
    """Input breaks a rule (bad ID number, negative amount, missing field). Nothing was changed."""


class RuleViolation(TalentDeskError):
    """A domain rule refuses the operation (exclusion, capacity, separation of duties, append-only ledger)."""


class NotFound(TalentDeskError):
    pass


class Conflict(TalentDeskError):
    """The operation clashes with existing data (duplicate ID number, duplicate serial)."""


class PermissionDenied(TalentDeskError):
    """The actor's role does not allow the operation. Recorded in the audit trail."""

    def __init__(self, message: str, *, permission: str, operation: str):
        super().__init__(message)
        self.permission = permission
        self.operation = operation


class AuthenticationError(TalentDeskError):
    pass


class StorageError(TalentDeskError):
    """The database cannot be used where or as it is (network share, corrupt file, disk full, already open)."""


class InputFileError(TalentDeskError):
    """A file given to us cannot be read (not Excel, broken, wrong encoding)."""


class EditConflict(Conflict):
    """Someone else saved this record after it was opened here: nothing was saved. `mine` and `theirs` are the
    differing fields ({field: value}), `labels` their names (else the audit trail's names of `table`'s columns),
    `theirs_version` the version now stored (save again with it to keep mine), `theirs_record` the record as now
    stored (to take theirs), `names` what an id stands for ({field: {id: name}}: the employer, not its number)."""

    def __init__(self, message: str, *, mine: dict | None = None, theirs: dict | None = None,
                 labels: dict | None = None, theirs_version: int | None = None, theirs_record=None,
                 who: str = "", when: str = "", table: str = "", names: dict | None = None):
        super().__init__(message)
        self.mine = dict(mine or {})
        self.theirs = dict(theirs or {})
        self.labels = dict(labels or {})
        self.theirs_version = theirs_version
        self.theirs_record = theirs_record
        self.who = who
        self.when = when
        self.table = table
        self.names = dict(names or {})


class UnprintableText(TalentDeskError):
    """A name to be printed holds characters no installed font has (they would be blank on paper). Nothing was
    printed or changed; the same request with `accept_missing_glyphs=True` prints anyway and the audit notes it.
    `people` is ((name, characters), ...)."""

    def __init__(self, message: str, *, people: tuple[tuple[str, str], ...], details: list[str] | None = None):
        super().__init__(message, details=details)
        self.people = people
