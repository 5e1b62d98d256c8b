"""One portal's articles and what it has published so far.

A `Site` numbers its posts, asks its template for their URL paths, and keeps the publication
state behind a lock: held-back posts appear when `publish` is called (from a test, the demo, or
the admin endpoint of another process). Templates render from a `SiteView`, an immutable snapshot,
so one request never sees half a publication.

The content clock (`SiteView.clock`) is the moment the site last changed: the newest publication.
It is the Last-Modified of every page that lists posts, and it only moves when something is
published, so conditional requests get 304 until then.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from cleaners.vietnamese import fold

from .stories import PRIVATE_SECTION, PortalMeta, Post, slugify

if TYPE_CHECKING:
    from .template import PortalTemplate

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_to_utc(moment: datetime) -> datetime:
    """A naive Vietnamese local time (as pages show it) as an aware UTC datetime."""
    return moment.replace(tzinfo=VIETNAM).astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Entry:
    """A post as placed on its site: its number there and every path that serves it."""

    post: Post
    number: int
    paths: tuple[str, ...]  # canonical first

    @property
    def id(self) -> str:
        return self.post.id

    @property
    def path(self) -> str:
        return self.paths[0]

    @property
    def slug(self) -> str:
        return slugify(self.post.title)


@dataclass(frozen=True)
class SiteView:
    """An immutable snapshot of a site for rendering one response."""

    portal: PortalMeta
    sections: Mapping[str, str]
    base_url: str
    neighbours: tuple[str, ...]  # base URLs of the other sample portals (off-site for this one)
    posts: tuple[Entry, ...]  # published public posts, newest first
    private: tuple[Entry, ...]  # published posts in the robots.txt-disallowed area, newest first
    clock: datetime  # UTC: the last publication
    started: datetime  # UTC: the content clock when the portals started
    search_index: Mapping[str, str] = field(default_factory=dict)  # post id -> folded text

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    @property
    def today(self) -> date:
        """The portal's notion of today: the day of its newest post (keeps pages reproducible)."""
        newest = [e.post.published for e in self.posts]
        return max(newest).date() if newest else self.started.date()

    def used_sections(self) -> list[str]:
        """Section keys that hold at least one public post, in menu order."""
        used = {s for e in self.posts for s in e.post.sections}
        return [key for key in self.sections if key in used]

    def in_section(self, key: str) -> tuple[Entry, ...]:
        pool = self.private if key == PRIVATE_SECTION else self.posts
        return tuple(e for e in pool if key in e.post.sections)

    def tags(self) -> dict[str, str]:
        """Tag slug -> label over public posts, in first-seen order."""
        tags: dict[str, str] = {}
        for entry in self.posts:
            for tag in entry.post.tags:
                tags.setdefault(slugify(tag), tag)
        return tags

    def tagged(self, slug: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.posts if slug in {slugify(t) for t in e.post.tags})

    def search(self, query: str) -> tuple[Entry, ...]:
        """Public posts containing every word of `query`, accents and case ignored."""
        words = fold(query).split()
        if not words:
            return ()
        return tuple(
            e for e in self.posts if all(w in self.search_index.get(e.id, "") for w in words)
        )

    def by_number(self, number: int, *, private: bool = False) -> Entry | None:
        for entry in self.private if private else self.posts:
            if entry.number == number:
                return entry
        return None

    def newer(self, entry: Entry, limit: int = 5) -> tuple[Entry, ...]:
        index = self.posts.index(entry) if entry in self.posts else 0
        return self.posts[max(0, index - limit) : index]

    def older(self, entry: Entry, limit: int = 5) -> tuple[Entry, ...]:
        if entry not in self.posts:
            return self.posts[:limit]
        index = self.posts.index(entry)
        return self.posts[index + 1 : index + 1 + limit]


class Site:
    """A portal's posts and their publication state (thread-safe)."""

    def __init__(
        self,
        portal: PortalMeta,
        template: PortalTemplate,
        posts: Sequence[Post],
        sections: Mapping[str, str],
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.portal = portal
        self.template = template
        self.sections = dict(sections)
        self._now = now
        ordered = sorted(posts, key=lambda p: (p.published, p.id))
        self.entries = tuple(
            Entry(post, number, template.article_paths(post, number))
            for number, post in enumerate(ordered, start=template.first_number)
        )
        self._by_id = {e.id: e for e in self.entries}
        self._search_index = {
            e.id: fold(" ".join([e.post.title, e.post.lead, *e.post.paragraphs]))
            for e in self.entries
        }
        self._published_at = {
            e.id: local_to_utc(e.post.published) for e in self.entries if not e.post.held_back
        }
        self.started = max(self._published_at.values())
        self._lock = threading.Lock()
        self.base_url = f"http://{portal.host}/"
        self.neighbours: tuple[str, ...] = ()

    def entry(self, post_id: str) -> Entry:
        try:
            return self._by_id[post_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise KeyError(f"no article {post_id!r} on {self.portal.id} (known: {known})") from None

    def is_published(self, post_id: str) -> bool:
        with self._lock:
            return post_id in self._published_at

    def publish(self, post_id: str) -> tuple[Entry, bool]:
        """Make a held-back post appear; returns it and whether it was new (False = already up)."""
        entry = self.entry(post_id)
        with self._lock:
            if post_id in self._published_at:
                return entry, False
            # Whole seconds, strictly after the previous change: HTTP dates have one-second
            # resolution, and If-Modified-Since must see the change even within the same second.
            now = self._now()
            moment = datetime.fromtimestamp(math.ceil(now.timestamp()), UTC)
            latest = max(self._published_at.values())
            self._published_at[post_id] = max(moment, latest + timedelta(seconds=1))
            return entry, True

    def view(self) -> SiteView:
        with self._lock:
            published = dict(self._published_at)
        live = [e for e in self.entries if e.id in published]
        newest_first = sorted(live, key=lambda e: (e.post.published, e.number), reverse=True)
        return SiteView(
            portal=self.portal,
            sections=self.sections,
            base_url=self.base_url,
            neighbours=self.neighbours,
            posts=tuple(e for e in newest_first if not e.post.private),
            private=tuple(e for e in newest_first if e.post.private),
            clock=max(published.values()),
            started=self.started,
            search_index=self._search_index,
        )
