"""The portal platforms we recognise, and what their markup tells us about an article.

Each `Platform` names markers only that platform emits (a generator meta, its script paths, its
own class names) and, where its templates are stable, where the title, lead, body, visible date
and byline sit and which blocks around the article are furniture. Everything is optional: the
generic path in `cleaners.extract` must work without any of it, because many portals are custom
or heavily themed. Sources for the markup: /work/shared/PLATFORMS.md (NukeViet `detail.tpl`,
Liferay 6.2 asset publisher, VPortal, VHV, SharePoint, WordPress, Joomla).

A platform with `body` selectors has its article assembled from those containers (lead first),
so side columns and the blocks under the article never reach trafilatura.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml.etree import XPath
from lxml.html import HtmlElement


def _has_class(name: str) -> str:
    """XPath predicate: the class attribute contains `name` (a substring test: the token test
    with concat/normalize-space costs several times more on every element of a page)."""
    return f"contains(@class, '{name}')"


def _xpaths(*expressions: str) -> tuple[XPath, ...]:
    return tuple(XPath(e) for e in expressions)


_GENERATOR = "translate(@name, 'GENERATOR', 'generator')='generator'"


@dataclass(frozen=True)
class Platform:
    """Where one platform's templates put the parts of an article page."""

    name: str
    # (tag, XPath predicate): an element with that tag passing the predicate is this platform's.
    markers: tuple[tuple[str, str], ...] = ()
    title: tuple[XPath, ...] = ()
    lead: tuple[XPath, ...] = ()
    body: tuple[XPath, ...] = ()
    visible_date: tuple[XPath, ...] = ()
    byline: tuple[XPath, ...] = ()
    furniture: tuple[XPath, ...] = ()

    @property
    def assembles_body(self) -> bool:
        return bool(self.body)

    def marks(self, element: HtmlElement) -> bool:
        """True if `element` is one of this platform's markers."""
        return any(
            element.tag == tag and _predicate(predicate)(element)
            for tag, predicate in self.markers
        )


@cache
def _predicate(predicate: str) -> XPath:
    return XPath(f"boolean(self::*[{predicate}])")


NUKEVIET = Platform(
    name="nukeviet",
    markers=(
        ("meta", f"{_GENERATOR} and contains(translate(@content, 'NUKEVIT', 'nukevit'), 'nukev')"),
        ("div", "@id='news-bodyhtml' or @id='timeoutsess' or @id='news_detail'"),
        ("div", _has_class("news_column")),
    ),
    # NukeViet 4 (default and egov themes) first, then NukeViet 3's #news_detail.
    title=_xpaths(
        f"(//div[{_has_class('news_column')}]//h1)[1]",
        "//div[@id='news_detail']/h1",
    ),
    lead=_xpaths(
        f"(//div[{_has_class('news_column')}]//div[{_has_class('hometext')}])[1]",
        "//div[@id='news_detail']/div[@id='hometext']",
    ),
    body=_xpaths(
        "//div[@id='news-bodyhtml']",
        f"(//div[@id='news_detail']//div[{_has_class('bodytext')}])[1]",
        f"(//div[{_has_class('news_column')}]//div[{_has_class('bodytext')}])[1]",
    ),
    visible_date=_xpaths(
        f"(//div[{_has_class('news_column')}]//span[{_has_class('h5')}])[1]",
        "//div[@id='news_detail']/span[@class='time']",
    ),
    # "Tác giả bài viết: …" / "Nguồn tin: …" under the body.
    byline=_xpaths(
        f"//div[{_has_class('news_column')}]//p[{_has_class('text-right')}]",
        "//div[@id='news_detail']/p[contains(@style, 'right')]",
    ),
    furniture=_xpaths(
        "//form[@id='form3B']",
        "//div[@id='idcomment']",
        "//div[@id='timeoutsess']",
        f"//div[{_has_class('other-news')}]",
        f"//ul[{_has_class('counter')}]",
        f"//ul[{_has_class('related')}]",
    ),
)

LIFERAY = Platform(
    name="liferay",
    markers=(
        ("div", "starts-with(@id, 'p_p_id_') or contains(@class, 'portlet-boundary')"),
        ("div", _has_class("asset-full-content")),
        ("p", _has_class("wd-date")),  # VPortal (Vietsoftware, Liferay-based)
    ),
    # The page title and the portlet heading often say "Hot News" or the section's name; the
    # asset's own title element is the article's.
    title=_xpaths(
        "//div[contains(@class, 'asset-full-content-title')]",
        "//div[contains(@class, 'asset-full-content')]//*[contains(@class, 'header-title')]",
        "//div[contains(@class, 'asset-full-content')]//h3[contains(@class, 'asset-title')]",
        # Liferay 7/DXP: the asset publisher's "show-asset-title" span
        "//div[contains(@class, 'asset-full-content')]//span[contains(@class, 'asset-title-text')]",
    ),
    body=_xpaths(
        f"(//div[{_has_class('asset-content')}])[1]",
        "(//div[contains(@class, 'journal-content-article')])[1]",
    ),
    visible_date=_xpaths(
        "(//div[contains(@class, 'assetPublishDate')])[1]",
        "(//*[contains(@class, 'block_timer')])[1]",
        "(//p[contains(@class, 'wd-date')])[1]",
    ),
    furniture=_xpaths(
        "//div[contains(@class, 'related_asset')]",
        "//ul[contains(@class, 'wd-other-news')]",
        "//div[contains(@class, 'taglib-ratings')]",
        "//div[contains(@class, 'taglib-social-bookmarks')]",
        "//div[contains(@class, 'taglib-page-iterator')]",
        "//div[contains(@class, 'lfr-discussion')]",
        "//div[contains(@class, 'asset-links')]",
        # the portlet's title bar ("Hot News", "Tin tức - Sự kiện"), never the article's title
        "//div[contains(@class, 'portlet-topper')]",
    ),
)

VHV = Platform(
    name="vhv",
    markers=(
        ("article", _has_class("news-detail-layout")),
        ("div", f"@itemprop='articleBody' and {_has_class('content-detail')}"),
        ("script", "contains(@src, '/vhv') or contains(@src, 'vhv.vn')"),
    ),
    title=_xpaths("(//h1[contains(@class, 'title-detail')])[1]"),
    lead=_xpaths(f"(//article//div[{_has_class('brief')}])[1]"),
    body=_xpaths("(//div[contains(@class, 'content-detail')])[1]"),
    visible_date=_xpaths("(//article//span[contains(@class, 'post-date')])[1]"),
    furniture=_xpaths("//div[contains(@class, 'news-other')]"),
)

SHAREPOINT = Platform(
    name="sharepoint",
    markers=(
        ("meta", f"{_GENERATOR} and contains(@content, 'SharePoint')"),
        ("script", "contains(@src, '/_layouts/')"),
        ("link", "contains(@href, '/_layouts/')"),
    ),
)

WORDPRESS = Platform(
    name="wordpress",
    markers=(
        ("meta", f"{_GENERATOR} and starts-with(@content, 'WordPress')"),
        ("link", "contains(@href, '/wp-content/') or contains(@href, '/wp-includes/')"),
        ("script", "contains(@src, '/wp-content/') or contains(@src, '/wp-includes/')"),
    ),
    title=_xpaths(
        f"(//h1[{_has_class('entry-title')}])[1]",
        f"(//h1[{_has_class('post-title')}])[1]",
    ),
    visible_date=_xpaths(
        f"(//*[{_has_class('entry-date')}])[1]",
        f"(//*[{_has_class('posted-on')}])[1]",
    ),
    byline=_xpaths(f"(//*[{_has_class('author')}]//*[{_has_class('fn')}])[1]"),
    furniture=_xpaths(
        "//div[@id='jp-relatedposts']",
        f"//div[{_has_class('sharedaddy')}]",
        f"//nav[{_has_class('post-navigation')}]",
    ),
)

JOOMLA = Platform(
    name="joomla",
    markers=(
        ("meta", f"{_GENERATOR} and starts-with(@content, 'Joomla')"),
        ("script", "contains(@src, '/media/jui/') or contains(@src, '/media/system/js/')"),
    ),
    title=_xpaths(
        f"(//div[{_has_class('item-page')}]//*[@itemprop='headline'])[1]",
        f"(//div[{_has_class('item-page')}]//div[{_has_class('page-header')}]/*)[1]",
    ),
    visible_date=_xpaths(
        f"(//div[{_has_class('item-page')}]//dd[{_has_class('published')}])[1]",
        f"(//div[{_has_class('item-page')}]//dd[{_has_class('create')}])[1]",
    ),
    byline=_xpaths(f"(//div[{_has_class('item-page')}]//dd[{_has_class('createdby')}])[1]"),
    furniture=_xpaths(
        f"//ul[{_has_class('pagenav')}]",
        f"//div[{_has_class('pagenav')}]",
        f"//div[{_has_class('icons')}]",
    ),
)

# Plain ASP.NET WebForms (many department sites): nothing to read, but worth reporting.
ASPNET = Platform(
    name="aspnet",
    markers=(("input", "@name='__VIEWSTATE'"),),
)

GENERIC = Platform(name="generic")

# Most specific first: a SharePoint page is also ASP.NET, a VHV page may carry schema.org markup.
PLATFORMS: tuple[Platform, ...] = (VHV, NUKEVIET, LIFERAY, SHAREPOINT, JOOMLA, WORDPRESS, ASPNET)
_HEAD_TAGS = frozenset({"meta", "link", "script"})
_MARKERS_LOOKED_AT = 50


def _marker_paths(in_head: bool) -> XPath:
    """Every platform's markers of the head (meta, link, script) or of the body, one location
    path per tag, so that the tree is walked with cheap name tests."""
    by_tag: dict[str, list[str]] = {}
    for platform in PLATFORMS:
        for tag, predicate in platform.markers:
            if (tag in _HEAD_TAGS) == in_head:
                by_tag.setdefault(tag, []).append(f"({predicate})")
    prefix = "/html/head/" if in_head else "//"
    return XPath("|".join(f"{prefix}{tag}[{' or '.join(t)}]" for tag, t in by_tag.items()))


# The head is a fraction of the page: its markers are looked at first.
_HEAD_MARKERS = _marker_paths(in_head=True)
_BODY_MARKERS = _marker_paths(in_head=False)


def detect_platform(tree: HtmlElement) -> Platform:
    """The platform that made the page, or `GENERIC`."""
    for markers in (_HEAD_MARKERS, _BODY_MARKERS):
        found = markers(tree)[:_MARKERS_LOOKED_AT]
        for platform in PLATFORMS:
            if any(platform.marks(element) for element in found):
                return platform
    return GENERIC


def first_match(tree: HtmlElement, xpaths: tuple[XPath, ...]) -> HtmlElement | None:
    """The first element the first matching expression finds."""
    for xpath in xpaths:
        for found in xpath(tree):
            if isinstance(found, HtmlElement):
                return found
    return None
