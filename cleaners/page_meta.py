"""What a page says about itself in machine-readable form: <title>, Open Graph and article meta
tags, schema.org JSON-LD. Read once per page; title, date, byline and page kind all use it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.dom import squash

_MICRODATA = XPath("//*[@itemprop or @itemtype]")

# schema.org types that are one article, and types that are a collection of them.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "liveblogposting",
    }
)
# (Not WebSite: nearly every page carries a WebSite object for its search box.)
LISTING_TYPES = frozenset({"collectionpage", "searchresultspage"})
# Meta tags carrying the publication date, best first.
PUBLISHED_META_NAMES: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "date",
)


@dataclass(frozen=True)
class PageMeta:
    """Machine-readable facts of one page (all strings whitespace-collapsed, may be empty)."""

    title_tag: str = ""
    og_title: str = ""
    og_type: str = ""
    site_name: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # lower-cased name/property → content
    json_ld: tuple[dict[str, Any], ...] = ()  # every JSON-LD object, @graph flattened
    schema_types: frozenset[str] = frozenset()  # lower-cased @type values (JSON-LD + itemtype)
    # schema.org microdata: itemprop name → the elements carrying it, in page order (as parsed:
    # some may since have been removed with the furniture around them)
    itemprops: dict[str, tuple[HtmlElement, ...]] = field(default_factory=dict)

    def itemprop(self, name: str) -> tuple[HtmlElement, ...]:
        return self.itemprops.get(name, ())

    def article_objects(self) -> Iterator[dict[str, Any]]:
        """The JSON-LD objects that describe an article."""
        for obj in self.json_ld:
            if _types(obj) & ARTICLE_TYPES:
                yield obj

    def json_ld_value(self, key: str) -> Any:
        """The first value of `key` in an article object, or None."""
        for obj in self.article_objects():
            value = obj.get(key)
            if value:
                return value
        return None


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten(main)


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """Read the page's meta tags, <title>, JSON-LD and microdata."""
    meta: dict[str, str] = {}
    title_tag = ""
    objects: list[dict[str, Any]] = []
    for element in tree.iter("meta", "title", "script"):
        if element.tag == "meta":
            key = element.get("property") or element.get("name") or element.get("itemprop")
            key = key.strip().lower() if key else ""
            if key and key not in meta and element.get("content") is not None:
                meta[key] = squash(element.get("content", ""))
        elif element.tag == "title":
            title_tag = title_tag or squash(element.text_content())
        elif element.get("type") == "application/ld+json":
            try:
                objects.extend(_flatten(json.loads(element.text or "")))
            except (ValueError, RecursionError):
                continue  # broken JSON-LD is common and never fatal
    kinds: set[str] = set()
    for obj in objects:
        kinds |= _types(obj)
    itemprops: dict[str, list[HtmlElement]] = {}
    for element in _MICRODATA(tree):
        itemtype = element.get("itemtype")
        if itemtype:
            kinds.add(itemtype.strip().rstrip("/").rsplit("/", 1)[-1].lower())
        for name in (element.get("itemprop") or "").split():
            itemprops.setdefault(name, []).append(element)
    return PageMeta(
        title_tag=title_tag,
        og_title=meta.get("og:title", ""),
        og_type=meta.get("og:type", "").lower(),
        site_name=meta.get("og:site_name", "") or meta.get("application-name", ""),
        meta=meta,
        json_ld=tuple(objects),
        schema_types=frozenset(kinds),
        itemprops={name: tuple(found) for name, found in itemprops.items()},
    )
