"""What the HTTP layer hands a portal template (`Request`) and what it gets back (`Reply`).

Templates never touch sockets: they map a Request and a snapshot of their site to a Reply, so
the HTTP layer alone owns conditional requests, compression, logging and failure injection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
JSON = "application/json; charset=utf-8"


@dataclass(frozen=True)
class Request:
    method: str  # GET, HEAD or POST
    path: str  # percent-decoded path, without the query
    target: str  # the request target exactly as sent (path and query)
    query: Mapping[str, str] = field(default_factory=dict)  # first value of each parameter
    form: Mapping[str, str] = field(default_factory=dict)  # urlencoded POST body
    headers: Mapping[str, str] = field(default_factory=dict)  # names lower-cased


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = HTML
    headers: tuple[tuple[str, str], ...] = ()
    # Last-Modified; None means the site's content clock (the last time anything was published).
    modified: datetime | None = None
    # Whether ETag/Last-Modified are sent and conditional requests may answer 304.
    cacheable: bool = True

    @property
    def body_bytes(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def html(body: str, status: int = 200, *, modified: datetime | None = None) -> Reply:
    return Reply(status=status, body=body, content_type=HTML, modified=modified)


def redirect(location: str, status: int = 301) -> Reply:
    return Reply(status=status, headers=(("Location", location),), cacheable=False)
