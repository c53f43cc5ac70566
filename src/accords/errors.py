"""One root exception for the whole project.

Faces (CLI, API, web) translate these at the edge: the CLI prints ``error: <message>`` on one
line and exits with ``exit_code``. Every message says what to do next.
"""

from __future__ import annotations


class AccordsError(Exception):
    """Root of every error that accords raises on purpose."""

    exit_code = 1
    code = "E000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(AccordsError):
    """Settings are missing or invalid."""

    exit_code = 3
    code = "E100"


class InputError(AccordsError):
    """A document, file or argument given by the user cannot be used."""

    exit_code = 2
    code = "E200"


class UnsupportedFormatError(InputError):
    """The input is of a type accords cannot read (binary, encrypted, corrupt)."""

    code = "E201"


class DateError(InputError):
    """A date argument or a date in a data file is malformed or impossible."""

    code = "E202"


class NotFoundError(AccordsError):
    """An id named by the user does not exist in the store."""

    exit_code = 4
    code = "E300"


class ReviewError(AccordsError):
    """A review transition is not allowed (e.g. accepting a rejected statement twice)."""

    exit_code = 5
    code = "E400"


class StoreError(AccordsError):
    """The store cannot be opened, migrated or written."""

    exit_code = 6
    code = "E500"


class DatasetError(AccordsError):
    """The shipped reference dataset (or a user dataset) failed validation."""

    exit_code = 7
    code = "E600"


class ExtractionError(AccordsError):
    """A pipeline stage failed on a document it accepted."""

    exit_code = 8
    code = "E700"


class NotifyError(AccordsError):
    """A notification could not be configured or delivered."""

    exit_code = 9
    code = "E800"
