"""The `feed` channel: an Atom file (RFC 4287) of the channel's newest reports.

Any feed reader can subscribe to it once the file is served (a web server, a synced folder).
The file is rewritten whole on every delivery from the outbox's newest `max_entries` alerts of
the channel, written to a temporary file beside it and renamed over it, so a reader never sees a
half-written feed and a repeated delivery changes nothing. Entry ids are the alerts'
idempotency keys: a report is one entry, whatever happens.

No feed-writing library is installed, so the XML is built with the standard library's
ElementTree, which escapes text and attributes itself.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from crawler.alerts.base import Batch, DeliveryError
from crawler.alerts.message import REPORT_EVENT, Alert, subject, text

ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "eduwatch"


def _child(parent: ET.Element, tag: str, value: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if value is not None:
        element.text = value
    return element


def _published(alert: Alert) -> str | None:
    day = alert.payload.get("published")
    return f"{str(day)[:10]}T00:00:00Z" if day else None


def build_feed(
    name: str, entries: Sequence[Alert], *, title: str = "", self_url: str = "",
    updated: datetime | None = None,
) -> bytes:
    """The Atom document for `entries` (newest first), as UTF-8 bytes."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _child(feed, "id", f"urn:eduwatch:feed:{name}")
    _child(feed, "title", title or f"eduwatch — {name}")
    _child(feed, "subtitle", "Báo cáo giáo dục mới trên các cổng thông tin (eduwatch)")
    newest = entries[0].created_at if entries else (updated.isoformat() if updated else None)
    _child(feed, "updated", newest or "1970-01-01T00:00:00Z")
    _child(feed, "generator", GENERATOR)
    if self_url:
        _child(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    for alert in entries:
        payload = alert.payload
        entry = _child(feed, "entry")
        _child(entry, "id", f"urn:eduwatch:alert:{alert.key}")
        is_report = alert.event == REPORT_EVENT
        _child(entry, "title", str(payload["title"]) if is_report else subject(alert))
        _child(entry, "updated", alert.created_at)
        published = _published(alert) if is_report else None
        if published:
            _child(entry, "published", published)
        author = _child(entry, "author")
        _child(author, "name", str(payload.get("source_name") or payload.get("source") or name))
        if is_report:
            _child(entry, "link", rel="alternate", href=str(payload["url"]))
            for place in (payload.get("province"), payload.get("district")):
                if place:
                    _child(entry, "category", term=str(place))
            _child(entry, "summary", str(payload.get("snippet") or ""))
        _child(entry, "content", text(alert), type="text")
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a feed is meant to be read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_feed(batch: Batch) -> None:
    """Rewrite the channel's feed file from `batch.recent`."""
    channel = batch.channel
    assert channel.path is not None
    document = build_feed(channel.name, batch.recent, title=channel.title, self_url=channel.url)
    try:
        write_atomically(channel.path, document)
    except OSError as exc:
        raise DeliveryError(f"{channel.target}: cannot write ({exc.strerror or exc})") from None
