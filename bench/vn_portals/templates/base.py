"""What every page template receives, and small helpers they share."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zlib import crc32

from bench.vn_portals.editors import e
from bench.vn_portals.furniture import Site
from bench.vn_portals.story import Story


@dataclass(frozen=True)
class PageContext:
    """One page to render: a story on a site at a URL, with a seeded source of numbers."""

    story: Story
    site: Site
    url: str
    rng: random.Random
    show_date: bool = True  # some portals hide the posting date (Joomla's show_publish_date=0)
    variant: str = ""  # a template's alternative view, e.g. VHV's "updated" date line

    @property
    def published(self) -> datetime:
        return self.story.published

    @property
    def crawled(self) -> datetime:
        """When the page was saved, shown as the page's "today": 3 to 42 days after publication."""
        return self.story.published + timedelta(days=3 + crc32(self.url.encode()) % 40, hours=2)

    @property
    def description(self) -> str:
        """The meta description portals fill from the lead or the first paragraph."""
        first = self.story.lead or next(
            (b.text for b in self.story.blocks if b.kind == "paragraph"), self.story.title
        )
        return first[:200]

    def image_url(self, prefix: str, folder: str = "%Y_%m") -> ImageUrls:
        """Photo URLs under `prefix`, in a folder named by the publication month."""
        return ImageUrls(prefix, self.story.slug, self.published, folder)


@dataclass(frozen=True)
class ImageUrls:
    """Photo URLs in a portal's upload folder: prefix/<month folder>/slug-n.jpg."""

    prefix: str
    slug: str
    when: datetime
    folder: str = "%Y_%m"

    def __call__(self, number: int) -> str:
        return f"{self.prefix}/{self.when.strftime(self.folder)}/{self.slug}-{number}.jpg"


def attr(text: str) -> str:
    """Text escaped for a double-quoted attribute."""
    return e(text).replace('"', "&quot;")
