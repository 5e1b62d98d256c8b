"""What the spider hands to the pipelines: raw facts about one fetched page, nothing cleaned."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

# html: a page whose kind (article, listing) the cleaners decide; feed/sitemap: discovery
# documents; not_modified: a 304 answer to a conditional request; error: no usable answer.
FetchKind = Literal["html", "feed", "sitemap", "not_modified", "error"]


@dataclass
class PageItem:
    url: str  # canonical URL: the page's identity in the database
    source_id: str
    fetch_kind: FetchKind
    fetched_at: datetime
    final_url: str = ""  # after redirects, as fetched
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes | str = b""  # the page as fetched (html) or empty
    depth: int = 0
    error: str = ""
    # Filled by CleanPipeline (cleaners' results), read by StorePipeline.
    article: Any = None
    classification: Any = None
    content_hash: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
