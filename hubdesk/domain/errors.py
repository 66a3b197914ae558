"""The error hierarchy every layer raises and the interface shows as a message."""

from __future__ import annotations


class HubdeskError(Exception):
    """Something a person should be told about, in words, never as a traceback."""


class ValidationError(HubdeskError):
    """Input refused; ``errors`` maps a field name to the reason it was refused."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFound(HubdeskError):
    """The record asked for does not exist (or was deleted)."""


class PermissionDenied(HubdeskError):
    """The logged-in user may not do this."""


class AuthenticationFailed(HubdeskError):
    """Wrong user name or password, or a disabled account."""


class Cancelled(HubdeskError):
    """The person stopped a long task; nothing it would have written was written."""


class DatabaseUnavailable(HubdeskError):
    """The database cannot be opened; the message says why and what to do."""
