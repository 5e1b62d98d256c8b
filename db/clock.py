"""Timestamps as the database stores them.

Every timestamp is UTC text of one fixed width ("2024-05-01T10:00:00.000000+00:00"), so that
text order is time order and comparisons can use the indexes. The clock is injected (`open_db(...,
now=...)`); `utc_now` is only the default.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """An aware datetime as stored text; a naive one is refused (its zone would be a guess)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"timestamp {moment.isoformat()} has no time zone; pass an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    """Stored text back to an aware UTC datetime."""
    return datetime.fromisoformat(text) if text else None
