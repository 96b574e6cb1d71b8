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
