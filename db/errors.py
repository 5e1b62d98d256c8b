"""The few exceptions `db/` raises on purpose. Each str() is one line the CLI can print as is:
it names the thing that is wrong and says what to do about it.
"""

from __future__ import annotations

from collections.abc import Sequence

# A message listing every known value stays one readable line even with hundreds of sources.
_MAX_LISTED = 20


def _one_line(text: str) -> str:
    return " ".join(text.split())


class StorageError(Exception):
    """Base class: the database cannot do what was asked."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer eduwatch than this one."""

    def __init__(self, location: str, unknown_migrations: Sequence[str]) -> None:
        self.location = location
        self.unknown_migrations = tuple(unknown_migrations)
        super().__init__(
            f"{location}: database schema is newer than this eduwatch (unknown migrations: "
            f"{', '.join(self.unknown_migrations)}); upgrade eduwatch or use another database file"
        )


class QuerySyntaxError(StorageError, ValueError):
    """A search query that cannot be understood; `position` is 0-based, or None."""

    def __init__(self, query: str, problem: str, position: int | None = None) -> None:
        self.query = query
        self.problem = problem
        self.position = position
        where = f" (at character {position + 1})" if position is not None else ""
        super().__init__(f"search {_one_line(query)!r}: {problem}{where}")


class UnknownFilterError(StorageError, ValueError):
    """A filter value (province, district, source, level) that nothing in the database has."""

    def __init__(self, field: str, value: str, known: Sequence[str]) -> None:
        self.field = field
        self.value = value
        self.known = tuple(known)
        if not self.known:
            hint = f"the database has no {field} values yet"
        else:
            listed = ", ".join(self.known[:_MAX_LISTED])
            more = len(self.known) - _MAX_LISTED
            hint = f"known: {listed}" + (f" (and {more} more)" if more > 0 else "")
        super().__init__(f"unknown {field} {value!r}; {hint}")
