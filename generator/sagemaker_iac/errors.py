"""Errors a user can act on: the CLI prints them without a traceback."""

from __future__ import annotations

# Text from a catalog is shown in a message at most this long, so a line stays readable.
SHOWN = 60


def shown(text: str) -> str:
    """Text as it may stand in a one-line message: control, format (bidi) and other
    unprintable characters escaped, and cut short with its length when long."""
    safe = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)
    return safe if len(safe) <= SHOWN else f"{safe[:SHOWN]}...({len(text)} characters)"


class UserError(Exception):
    """Bad input from the user; the CLI exits 2."""


class CatalogError(UserError):
    """A catalog file that cannot be loaded, located as file:line: key."""

    def __init__(self, file: str, line: int | None, key: str, message: str) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {key or '<document>'}: {message}")


class UnavailableError(UserError):
    """An algorithm, region or tag that the catalog does not publish. The message may come
    as a function, called once when the error is shown."""

    def __str__(self) -> str:
        # No __init__ of its own: answers() raises refusals by the thousand, unread.
        if len(self.args) == 1 and callable(self.args[0]):
            self.args = (self.args[0](),)
        return super().__str__()


class OutputLimitError(UserError):
    """Generated output that the target service would reject."""
