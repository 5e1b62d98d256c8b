"""Page templates of the Vietnamese portal gold set: one per portal platform, with its URL shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bench.vn_portals.furniture import Site
from bench.vn_portals.story import Story
from bench.vn_portals.templates import joomla, liferay, newsportals, nukeviet, sharepoint, vhv
from bench.vn_portals.templates import wordpress as wp
from bench.vn_portals.templates.base import PageContext
from cleaners.vietnamese import fold


@dataclass(frozen=True)
class Template:
    platform: str  # as cleaners.Article.platform names it; "custom" for home-grown CMSs
    site: Site
    render: Callable[[PageContext], str]
    url: Callable[[Site, Story, int], str]  # (site, story, numeric id) -> article URL
    # Where the rendered lead and body sit: only for checking the gold against the page.
    article: str


def alias(title: str) -> str:
    """The ASCII slug CMSs make from a Vietnamese title."""
    return re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")


def _capitalised(title: str) -> str:
    slug = alias(title)
    return slug[:1].upper() + slug[1:]


TEMPLATES: dict[str, Template] = {
    "nukeviet4-egov": Template(
        "nukeviet",
        nukeviet.DIENBIEN,
        nukeviet.egov,
        lambda site, story, n: f"{site.origin}/vi/news/tin-tuc/{alias(story.title)}-{n}.html",
        article="//div[contains(@class, 'hometext')] | //div[@id='news-bodyhtml']",
    ),
    "nukeviet4-default": Template(
        "nukeviet",
        nukeviet.PGD_MUONGANG,
        nukeviet.default,
        lambda site, story, n: f"{site.origin}/tin-tuc/{alias(story.title)}-{n}.html",
        article="//div[contains(@class, 'hometext')] | //div[@id='news-bodyhtml']",
    ),
    "nukeviet3": Template(
        "nukeviet",
        nukeviet.PHONGTHO,
        nukeviet.nukeviet3,
        lambda site, story, n: f"{site.origin}/vi/news/Tin-tuc/{_capitalised(story.title)}-{n}/",
        article="//div[@id='hometext'] | //div[@class='bodytext']",
    ),
    "liferay62": Template(
        "liferay",
        liferay.SO_GDDT,
        liferay.liferay62,
        lambda site, story, n: (
            f"{site.origin}/tin-tuc-su-kien/-/view_content/{n}-{alias(story.title)}.html"
        ),
        article="//div[@class='journal-content-article']",
    ),
    "vportal": Template(
        "vportal",
        liferay.LAICHAU,
        liferay.vportal,
        lambda site, story, n: (
            f"{site.origin}/web/guest/tin-tuc/-/vportal/content/{alias(story.title)}"
        ),
        article="//div[@class='wd-sapo'] | //div[@class='wd-content-body']",
    ),
    "vhv": Template(
        "vhv",
        vhv.NAMPO,
        vhv.vhv,
        lambda site, story, n: f"{site.origin}/tin-tuc-su-kien/{alias(story.title)}-{n}.htm",
        article="//div[@class='brief'] | //div[@class='content-detail']",
    ),
    "sharepoint": Template(
        "sharepoint",
        sharepoint.SO_GDDT_LAICHAU,
        sharepoint.sharepoint,
        lambda site, story, n: f"{site.origin}/Pages/ChiTietTin.aspx?ItemID={n}",
        article="//div[@class='news-summary'] | //div[contains(@class, 'news-content')]",
    ),
    "city": Template(
        "custom",
        newsportals.HAIPHONG,
        newsportals.city,
        lambda site, story, n: (
            f"{site.origin}/tin-tuc-su-kien/{_capitalised(story.title)}-{n}.html"
        ),
        article="//h2[@class='article-sapo'] | //div[@class='article-content']",
    ),
    "province": Template(
        "custom",
        newsportals.DIENBIEN_PROVINCE,
        newsportals.province,
        lambda site, story, n: (
            f"{site.origin}/portal/Pages/{story.published:%Y-%m-%d}/"
            f"{_capitalised(story.title)[:60].rstrip('-')}-{n:x}.aspx"
        ),
        article="//div[@class='news-body']",
    ),
    "wordpress": Template(
        "wordpress",
        wp.PGD_TANUYEN,
        wp.wordpress,
        lambda site, story, n: (
            f"{site.origin}/{story.published:%Y/%m/%d}/{alias(story.title)[:70].rstrip('-')}/"
        ),
        article="//div[@class='entry-content']",
    ),
    "joomla": Template(
        "joomla",
        joomla.PGD_TAMDUONG,
        joomla.joomla,
        lambda site, story, n: f"{site.origin}/tin-tuc/{n}-{alias(story.title)}.html",
        article="//div[@itemprop='articleBody']",
    ),
}
