"""The offline sample portals: real HTTP on loopback, as the demo and integration tests use them."""

from __future__ import annotations

import errno
import gzip
import http.client
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html
import protego
import pytest

from cleaners.noise_markers import leaked_markers
from cleaners.vietnamese import place_tone_marks
from crawler.config import load_config
from crawler.sample_portals import (
    PortalSet,
    PortalStartError,
    load_manifest,
    start_portals,
)
from crawler.sample_portals.portal_set import build_sites
from crawler.sample_portals.stories import ContentError, load_content, to_old_tone_marks

REPO = Path(__file__).resolve().parent.parent
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    data: bytes | None = None,
    timeout: float = 10,
) -> Response:
    """One request, no redirects followed, no decompression: what the server really sent."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target or "/", body=data, headers=headers or {})
        answer = connection.getresponse()
        body = answer.read()
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, body)
    finally:
        connection.close()


def links(page_url: str, html: str) -> list[str]:
    """Absolute http(s) targets of a page's <a href> links (fragments dropped)."""
    tree = lxml.html.fromstring(html)
    out = []
    for href in tree.xpath("//a/@href"):
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(page_url, href).split("#", 1)[0]
        if url.startswith(("http://", "https://")):
            out.append(url)
    return out


def home_page(running: PortalSet, portal_id: str) -> tuple[str, Response]:
    """A portal's homepage and its URL, after the redirect some platforms answer / with."""
    url = running.base_urls[portal_id]
    response = fetch(url)
    if response.status in (301, 302):
        url = urljoin(url, response.headers["location"])
        response = fetch(url)
    return url, response


def mentions(response: Response, url: str, target: str) -> bool:
    """Does a page link `target`, or a feed/sitemap name it?"""
    if response.headers["content-type"].startswith("text/html"):
        return target in links(url, response.text)
    return target in unescape(response.text)


def visible_text(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for junk in tree.xpath("//script|//style"):
        junk.drop_tree()
    return re.sub(r"\s+", " ", unescape(tree.text_content()))


@pytest.fixture(scope="module")
def portals() -> Iterator[PortalSet]:
    """Shared, never published to: tests that publish start their own set."""
    with start_portals() as running:
        yield running


@pytest.fixture
def fresh_portals() -> Iterator[PortalSet]:
    with start_portals() as running:
        yield running


# ---- starting and stopping ---------------------------------------------------------------


def test_each_portal_listens_on_its_own_loopback_address(portals: PortalSet) -> None:
    hosts = [urlsplit(url).hostname for url in portals.base_urls.values()]
    assert len(set(hosts)) == len(hosts) == len(portals.manifest.portals) >= 4
    for host in hosts:
        assert host.startswith("127.") and host != "127.0.0.1"
    for portal_id, url in portals.base_urls.items():
        home = fetch(url)
        # The SharePoint site, like the real ones, redirects / to its Pages library.
        assert home.status in (200, 302), portal_id


def test_stop_closes_every_port() -> None:
    running = start_portals()
    urls = list(running.base_urls.values())
    assert fetch(urls[0] + "robots.txt").status == 200
    running.stop()
    running.stop()  # idempotent
    for url in urls:
        parts = urlsplit(url)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((parts.hostname, parts.port), timeout=2).close()


def test_a_taken_port_is_a_clear_error() -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.2", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        with pytest.raises(PortalStartError, match=f"port {port} is taken on 127.0.0.2"):
            start_portals(port)
    finally:
        blocker.close()


def test_a_missing_loopback_address_says_how_to_add_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS only routes 127.0.0.1 until aliases are added: the error must say so."""

    def unavailable(*args: object) -> None:
        raise OSError(errno.EADDRNOTAVAIL, "Can't assign requested address")

    monkeypatch.setattr("crawler.sample_portals.portal_set._bind", unavailable)
    with pytest.raises(PortalStartError, match=r"ifconfig lo0 alias 127\.0\.0\.2"):
        start_portals()


def test_hosts_must_be_loopback_and_known() -> None:
    with pytest.raises(ValueError, match="127"):
        start_portals(hosts={"huyen-dien-bien": "10.0.0.5"})
    with pytest.raises(ValueError, match="unknown portal"):
        start_portals(hosts={"no-such-portal": "127.0.0.9"})


def test_hosts_moves_a_portal() -> None:
    with start_portals(hosts={"pgd-phong-tho": "127.0.0.42"}) as running:
        assert urlsplit(running.base_urls["pgd-phong-tho"]).hostname == "127.0.0.42"
        assert fetch(running.url("pgd-phong-tho", "/robots.txt")).status == 200


# ---- every linked page --------------------------------------------------------------------

_LANGUAGE_CHAIN = re.compile(r"(?:/(?:vi|en))+/?$")
_SESSION = re.compile(r";jsessionid=[^/?]*")


def _trap_key(url: str) -> str:
    """Collapse the known endless families so the walk ends; each family is still visited."""
    parts = urlsplit(url)
    path = _LANGUAGE_CHAIN.sub("", _SESSION.sub("", parts.path)) or "/"
    query = "&".join(
        p for p in parts.query.split("&") if p and not p.startswith(("utm_", "p_p_id=tinmoi"))
    )
    if path.startswith("/lich-am/"):
        query = query[: len("date=2024-03")]  # one page per month is enough
    return f"{parts.netloc}{path}?{query}"


def test_every_linked_page_answers_200_with_html(portals: PortalSet) -> None:
    manifest = portals.manifest
    for portal in manifest.portals:
        base = portals.base_urls[portal.id]
        feeds = {portals.url(portal.id, p) for p in portal.feeds}
        robots = protego.Protego.parse(fetch(base + "robots.txt").text)
        first, _ = home_page(portals, portal.id)
        queue, seen = [(first, 0)], {_trap_key(first)}
        while queue:
            url, depth = queue.pop(0)
            response = fetch(url)
            assert response.status == 200, url
            if url in feeds:
                assert response.headers["content-type"].startswith("application/rss+xml"), url
                continue
            assert response.headers["content-type"] == "text/html; charset=utf-8", url
            if depth == 3:
                continue
            for link in links(url, response.text):
                key = _trap_key(link)
                if urlsplit(link).netloc != urlsplit(base).netloc or key in seen:
                    continue
                if (
                    not robots.can_fetch(link, "eduwatch")
                    or urlsplit(link).path.startswith("/lich-am/")
                    and depth >= 1
                ):
                    continue
                seen.add(key)
                queue.append((link, depth + 1))
        for article in manifest.articles_of(portal.id):
            if not (article.held_back or article.robots_disallowed):
                assert _trap_key(portals.url(portal.id, article.path)) in seen, article.id


def test_articles_are_linked_and_held_back_ones_are_not(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        url, home = home_page(portals, portal.id)
        listed = links(url, home.text)
        for article in portals.manifest.articles_of(portal.id):
            if not article.robots_disallowed:
                reachable = portals.url(portal.id, article.path) in listed
                assert reachable is not article.held_back, article.id
            assert fetch(portals.url(portal.id, article.path)).status == (
                404 if article.held_back else 200
            )


def test_homepages_link_other_portals_and_public_sites(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        url, home = home_page(portals, portal.id)
        hosts = {urlsplit(link).netloc for link in links(url, home.text)}
        others = {urlsplit(u).netloc for pid, u in portals.base_urls.items() if pid != portal.id}
        assert hosts & others, f"{portal.id} links no other sample portal"
        assert any(not h.startswith("127.") for h in hosts), f"{portal.id} links no public site"


# ---- content ------------------------------------------------------------------------------


def test_gold_text_is_what_the_article_page_shows(portals: PortalSet) -> None:
    for article in portals.manifest.articles:
        if article.held_back:
            continue
        page = visible_text(fetch(portals.url(article.portal, article.path)).text)
        assert re.sub(r"\s+", " ", article.title) in page, article.id
        for paragraph in article.text.split("\n\n"):
            assert re.sub(r"\s+", " ", paragraph) in page, (article.id, paragraph[:60])


def test_article_pages_carry_real_portal_noise_outside_the_gold(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        article = next(a for a in portals.manifest.articles_of(portal.id) if not a.held_back)
        page = visible_text(fetch(portals.url(portal.id, article.path)).text)
        assert len(leaked_markers(page)) >= 4, portal.id
    for article in portals.manifest.articles:
        assert set(leaked_markers(article.text)) <= {"Tin mới nhất", "Tin liên quan"}


def test_a_report_quotes_furniture_headings_in_its_own_sentences() -> None:
    quoting = [
        a
        for a in load_manifest().articles
        if a.is_education and {"Tin mới nhất", "Tin liên quan"} & set(leaked_markers(a.text))
    ]
    assert quoting
    sentence = next(p for p in quoting[0].text.split("\n\n") if "Tin mới nhất" in p)
    assert len(sentence.split()) > 20  # a sentence of the report, not a heading


def test_syndicated_copies_differ_in_form_but_not_in_substance() -> None:
    manifest = load_manifest()
    groups = manifest.syndication_groups()
    assert groups
    for copies in groups.values():
        portals = {manifest.portal(c.portal).platform for c in copies}
        assert len(portals) == len(copies) >= 2  # different platforms, so different templates
        texts = {c.text for c in copies}
        assert len(texts) == len(copies)  # the tone-mark convention differs...
        assert len({c.normalized_text for c in copies}) == 1  # ...and nothing else
        assert len({c.title for c in copies}) == len(copies)
    text = "\n".join(c.text for copies in groups.values() for c in copies)
    assert "Uỷ ban" in text and "Ủy ban" in text


def test_expected_reports_merge_syndicated_copies() -> None:
    manifest = load_manifest()
    reports = manifest.expected_reports()
    copies = [a for r in reports for a in r.articles]
    assert len(copies) == len({a.id for a in copies})  # no copy counted twice
    assert {a.id for a in copies} == {
        a.id
        for a in manifest.articles
        if a.is_education and not a.robots_disallowed and not a.held_back
    }
    merged = [r for r in reports if len(r.articles) > 1]
    assert merged
    for report in merged:
        assert len(report.sources) == len(report.titles) == len(report.articles)
        assert report.title == report.titles[0]
        assert report.published == min(a.published for a in report.articles)
    later = manifest.expected_reports(include_held_back=True)
    assert {a.id for r in later for a in r.articles} - {a.id for a in copies} == {
        a.id for a in manifest.held_back()
    }
    assert all(not a.is_education for a in manifest.non_education())


def test_disallowed_paths_cover_exactly_the_private_reports() -> None:
    manifest = load_manifest()
    prefixes = manifest.disallowed_paths()
    for article in manifest.articles:
        forbidden = any(path.startswith(prefixes) for path in article.url_paths)
        assert forbidden is article.robots_disallowed, article.id
    assert manifest.article_paths() == {p for a in manifest.articles for p in a.url_paths}


def test_old_tone_marks_round_trip_through_the_cleaners_normaliser() -> None:
    sample = "Uỷ ban nhân dân; hoà bình; khoẻ mạnh; thuý; quý; hoàn thành; xoá mù chữ"
    old = to_old_tone_marks(sample)
    assert old == "Ủy ban nhân dân; hòa bình; khỏe mạnh; thúy; quý; hoàn thành; xóa mù chữ"
    assert place_tone_marks(old) == place_tone_marks(sample)


def test_malformed_content_is_reported_with_its_file(tmp_path: Path) -> None:
    portals_toml = (
        '[sections]\ngiao-duc = "Giáo dục"\nnoi-bo = "Nội bộ"\n'
        '[[portals]]\nid = "p"\nplatform = "wordpress"\nname = "P"\nowner = "P"\n'
        'level = "district"\nprovince = ""\ndistrict = ""\nhost = "127.0.0.9"\nper_page = 2\n'
    )
    story = (
        'id = "s"\ntitle = "T"\npublished = 2024-01-01T08:00:00\neducation = true\n'
        'sections = ["giao-duc"]\nbody = [{body}]\n[[placements]]\nportal = "{portal}"\n'
    )
    cases = {
        '"[photo] x"': ("p", "unknown block marker"),
        '"text"': ("elsewhere", "unknown portal 'elsewhere'"),
    }
    for body, (portal, problem) in cases.items():
        folder = tmp_path / portal / body.strip('"[] ')
        folder.mkdir(parents=True)
        (folder / "portals.toml").write_text(portals_toml, encoding="utf-8")
        (folder / "broken-story.toml").write_text(
            story.format(body=body, portal=portal), encoding="utf-8"
        )
        with pytest.raises(ContentError, match=f"broken-story.toml: {problem}"):
            load_content(folder)


def test_content_covers_the_required_kinds_of_items() -> None:
    manifest = load_manifest()
    education = [a for a in manifest.articles if a.is_education]
    general = [a for a in manifest.articles if not a.is_education]
    assert len(education) >= 10 and len(general) >= 6
    for portal in manifest.portals:
        mine = manifest.articles_of(portal.id)
        assert any(a.held_back and a.is_education for a in mine), portal.id
        assert any(a.robots_disallowed and a.is_education for a in mine), portal.id
    general_text = " ".join(a.text for a in general)
    for word in ("thị trường", "môi trường", "chiến trường"):
        assert word in general_text
    everything = " ".join(a.title + " " + a.text for a in manifest.articles)
    for phrase in (
        "Kỳ thi tuyển sinh vào lớp 10",
        "tuyển sinh đầu cấp",
        "đạt chuẩn quốc gia",
        "Số: 45/TB-PGDĐT",
        "học kỳ I",
    ):
        assert phrase in everything


def test_one_report_has_several_urls_on_one_portal(portals: PortalSet) -> None:
    article = max(portals.manifest.articles, key=lambda a: len(a.url_paths))
    assert len(article.url_paths) >= 2 and not article.held_back
    bodies = set()
    for path in (*article.url_paths, article.path + "?utm_source=zalo"):
        page = fetch(portals.url(article.portal, path))
        assert page.status == 200, path
        body = lxml.html.fromstring(page.text).get_element_by_id("news-bodyhtml")
        bodies.add(body.text_content())
    assert len(bodies) == 1


def test_search_finds_articles_whatever_the_accents(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        article = next(
            a
            for a in portals.manifest.articles_of(portal.id)
            if not a.held_back and not a.robots_disallowed
        )
        word = max(article.title.split(), key=len)
        for query in (word, word.lower()):
            page = fetch(portals.url(portal.id, f"{portal.search_path}?{urlencode({'q': query})}"))
            assert page.status == 200
            assert portals.url(portal.id, article.path) in links(
                portals.base_urls[portal.id], page.text
            )


# ---- robots.txt and sitemaps --------------------------------------------------------------


def test_robots_txt_says_what_the_manifest_says(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        base = portals.base_urls[portal.id]
        robots_txt = fetch(base + "robots.txt").text
        google_style = protego.Protego.parse(robots_txt)  # what Scrapy uses
        first_match = urllib.robotparser.RobotFileParser()
        first_match.parse(robots_txt.splitlines())
        for article in portals.manifest.articles_of(portal.id):
            for path in article.url_paths:
                url = portals.url(portal.id, path)
                assert google_style.can_fetch(url, "eduwatch") is not article.robots_disallowed
                assert first_match.can_fetch("eduwatch", url) is not article.robots_disallowed
        for path in portal.feeds:
            assert google_style.can_fetch(portals.url(portal.id, path), "eduwatch")
        assert list(google_style.sitemaps) == [portals.url(portal.id, p) for p in portal.sitemaps]


def test_disallowed_reports_are_linked_and_served(portals: PortalSet) -> None:
    """The trap is real: a crawler that ignores robots.txt finds and fetches these reports."""
    for portal in portals.manifest.portals:
        base = portals.base_urls[portal.id]
        url, home = home_page(portals, portal.id)
        robots = protego.Protego.parse(fetch(base + "robots.txt").text)
        assert any(not robots.can_fetch(link, "eduwatch") for link in links(url, home.text))
        for article in portals.manifest.articles_of(portal.id):
            if article.robots_disallowed:
                page = fetch(portals.url(portal.id, article.path))
                assert page.status == 200 and article.lead[:30] in page.text


def test_sitemaps_list_the_published_articles(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        found: set[str] = set()
        pending = [portals.url(portal.id, p) for p in portal.sitemaps]
        while pending:
            document = fetch(pending.pop())
            assert document.status == 200
            assert document.headers["content-type"].startswith("application/xml")
            locations = re.findall(r"<loc>([^<]+)</loc>", document.text)
            if "<sitemapindex" in document.text:
                pending += locations
            found.update(unescape(loc) for loc in locations)
        for article in portals.manifest.articles_of(portal.id):
            url = portals.url(portal.id, article.path)
            assert (url in found) is not (article.held_back or article.robots_disallowed)


# ---- conditional requests and compression -------------------------------------------------


def test_unchanged_pages_answer_304(portals: PortalSet) -> None:
    for portal in portals.manifest.portals:
        article = next(a for a in portals.manifest.articles_of(portal.id) if not a.held_back)
        for url in (portals.url(portal.id, article.path), portals.url(portal.id, portal.feeds[0])):
            first = fetch(url)
            etag, modified = first.headers["etag"], first.headers["last-modified"]
            again = fetch(url, headers={"If-None-Match": etag})
            assert again.status == 304 and again.body == b"" and again.headers["etag"] == etag
            assert fetch(url, headers={"If-Modified-Since": modified}).status == 304
            assert fetch(url, headers={"If-None-Match": '"stale"'}).status == 200
            # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
            both = {"If-None-Match": '"stale"', "If-Modified-Since": modified}
            assert fetch(url, headers=both).status == 200
            old = "Mon, 01 Jan 2001 00:00:00 GMT"
            assert fetch(url, headers={"If-Modified-Since": old}).status == 200


def test_gzip_when_accepted_with_its_own_etag(portals: PortalSet) -> None:
    url = portals.url("huyen-dien-bien", "/")
    plain = fetch(url)
    packed = fetch(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(packed.body) == plain.body
    assert packed.headers["etag"] != plain.headers["etag"]
    assert "Accept-Encoding" in packed.headers["vary"]
    revalidated = fetch(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]}
    )
    assert revalidated.status == 304


def test_head_sends_headers_only(portals: PortalSet) -> None:
    url = portals.url("tinh-dien-bien", "/")
    head = fetch(url, method="HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["etag"] == fetch(url).headers["etag"]


# ---- publishing ---------------------------------------------------------------------------


def _listing_url(running: PortalSet, portal_id: str) -> str:
    """The portal's first news listing page: where a new report shows up."""
    paths = {
        "huyen-dien-bien": "/vi/news/giao-duc-dao-tao/",
        "tinh-dien-bien": "/giao-duc-dao-tao",
        "so-gddt-hai-phong": "/Pages/tin-tuc.aspx",
        "pgd-phong-tho": "/",
    }
    return running.url(portal_id, paths[portal_id])


def test_publish_changes_listing_feed_sitemap_and_their_etags(fresh_portals: PortalSet) -> None:
    for article in fresh_portals.manifest.held_back():
        portal = fresh_portals.manifest.portal(article.portal)
        watched = [
            _listing_url(fresh_portals, portal.id),
            fresh_portals.url(portal.id, portal.feeds[0]),
        ]
        before = {url: fetch(url) for url in watched}
        article_url = fresh_portals.url(portal.id, article.path)
        assert fetch(article_url).status == 404
        assert fresh_portals.publish(portal.id, article.id) == article_url
        assert fetch(article_url).status == 200
        for url, old in before.items():
            new = fetch(url, headers={"If-None-Match": old.headers["etag"]})
            assert new.status == 200, url
            assert new.headers["etag"] != old.headers["etag"]
            assert mentions(new, url, article_url) and not mentions(old, url, article_url)
            since = fetch(url, headers={"If-Modified-Since": old.headers["last-modified"]})
            assert since.status == 200, "Last-Modified must move when content is published"
        sitemap_text = ""
        pending = [fresh_portals.url(portal.id, p) for p in portal.sitemaps]
        while pending:
            document = fetch(pending.pop()).text
            sitemap_text += document
            if "<sitemapindex" in document:
                pending += re.findall(r"<loc>([^<]+)</loc>", document)
        assert article_url in unescape(sitemap_text)
        assert fresh_portals.publish(portal.id, article.id) == article_url  # idempotent


def test_publishing_moves_the_clock_forward_even_if_the_clock_is_wrong() -> None:
    """Last-Modified must grow with every publication, or If-Modified-Since would hide it."""
    long_ago = datetime(2001, 1, 1, tzinfo=UTC)
    site = next(s for s in build_sites(now=lambda: long_ago) if s.portal.id == "huyen-dien-bien")
    held = next(e for e in site.entries if e.post.held_back)
    before = site.view()
    assert held.id not in {e.id for e in before.posts}
    entry, new = site.publish(held.id)
    after = site.view()
    assert new and entry is held and after.posts[0] is held
    assert after.clock == before.clock + timedelta(seconds=1)
    assert site.publish(held.id) == (held, False)
    assert site.view().clock == after.clock


def test_publish_rejects_unknown_articles(fresh_portals: PortalSet) -> None:
    with pytest.raises(KeyError, match="no article"):
        fresh_portals.publish("huyen-dien-bien", "tinh-dien-bien-truong-dat-chuan-quoc-gia")
    with pytest.raises(KeyError, match="no portal"):
        fresh_portals.publish("nowhere", "x")


def test_admin_endpoint_publishes_for_another_process(fresh_portals: PortalSet) -> None:
    article = next(a for a in fresh_portals.manifest.held_back() if a.portal == "tinh-dien-bien")
    admin = fresh_portals.url("tinh-dien-bien", f"/__admin/publish?id={article.id}")
    assert fetch(admin).status == 405
    answer = fetch(admin, method="POST", data=b"")
    assert answer.status == 200
    assert fresh_portals.article_url(article.id) in answer.text
    assert fresh_portals.is_published(article.id)
    missing = fetch(fresh_portals.url("tinh-dien-bien", "/__admin/publish?id=nope"), method="POST")
    assert missing.status == 404


# ---- platform behaviour -------------------------------------------------------------------


def _postback(url: str, page_html: str, argument: str, viewstate: str | None = None) -> Response:
    if viewstate is None:
        viewstate = re.search(r'id="__VIEWSTATE" value="([^"]*)"', page_html).group(1)
    form = {
        "__EVENTTARGET": "ctl00$m$g_1$pager",
        "__EVENTARGUMENT": argument,
        "__VIEWSTATE": viewstate,
    }
    return fetch(url, method="POST", headers=FORM, data=urlencode(form).encode())


def _item_links(html: str) -> list[str]:
    return re.findall(r'class="news-item-title" href="([^"]+)"', html)


def test_sharepoint_listing_pages_only_by_postback(portals: PortalSet) -> None:
    url = portals.url("so-gddt-hai-phong", "/Pages/tin-tuc.aspx")
    first = fetch(url)
    assert "__doPostBack('ctl00$m$g_1$pager','Page$2')" in first.text
    assert not re.search(r'href="[^"j][^"]*(?:[?&](?:page|Page)=2)', first.text)
    second = _postback(url, first.text, "Page$2")
    assert second.status == 200
    page_one, page_two = _item_links(first.text), _item_links(second.text)
    assert page_one and page_two and not set(page_one) & set(page_two)
    back = _postback(url, second.text, "Page$Prev")  # relative moves use the page's view state
    assert _item_links(back.text) == page_one
    assert _postback(url, first.text, "Page$2", viewstate="/wEPDwUKLTk5OTk5OQ==").status == 500
    published = {
        portals.url("so-gddt-hai-phong", a.path)
        for a in portals.manifest.articles_of("so-gddt-hai-phong")
        if not a.held_back and not a.robots_disallowed
    }
    assert {portals.url("so-gddt-hai-phong", p) for p in page_one + page_two} == published


def test_liferay_language_suffixes_answer_200_and_keep_growing(portals: PortalSet) -> None:
    article = next(a for a in portals.manifest.articles_of("tinh-dien-bien") if not a.held_back)
    url = portals.url("tinh-dien-bien", article.path)
    original = fetch(url)
    for _ in range(4):
        page = fetch(url)
        assert page.status == 200
        assert article.title in page.text
        switch = [link for link in links(url, page.text) if link.endswith(("/vi", "/en"))]
        assert len(switch) == 2 and all(link.startswith(url + "/") for link in switch)
        url = switch[1]
    assert re.search(r"\.html((?:/vi|/en){4})$", url)
    assert visible_text(fetch(url).text) == visible_text(original.text)  # the same page


def test_liferay_session_ids_and_paging_parameters(portals: PortalSet) -> None:
    home = fetch(portals.url("tinh-dien-bien", "/"))
    base = portals.base_urls["tinh-dien-bien"]
    session_links = [link for link in links(base, home.text) if ";jsessionid=" in link]
    assert session_links
    for link in session_links[:3]:
        assert fetch(link).status == 200
    listing = fetch(portals.url("tinh-dien-bien", "/tin-tuc-su-kien"))
    pages = [link for link in links(base, listing.text) if "_101_cur=2" in link]
    assert pages and "p_p_id=101" in pages[0]
    assert fetch(pages[0]).status == 200


def test_nukeviet_calendar_is_an_endless_trap(portals: PortalSet) -> None:
    base = portals.base_urls["huyen-dien-bien"]
    start = date(2024, 3, 1)
    url = portals.url("huyen-dien-bien", f"/lich-am/?date={start}")
    months = set()
    for _ in range(30):
        page = fetch(url)
        assert page.status == 200
        months.add(url)
        day_links = [link for link in links(base, page.text) if "/lich-am/?date=" in link]
        assert len(day_links) >= 28
        url = urljoin(base, re.search(r'<a href="([^"]+)" title="Tháng sau"', page.text).group(1))
    assert len(months) == 30
    assert url.endswith(
        f"date={date(start.year + (start.month + 29) // 12, (start.month + 29) % 12 + 1, 1)}"
    )


def test_wordpress_shortlinks_and_wrong_slugs_redirect_to_the_post(portals: PortalSet) -> None:
    article = next(a for a in portals.manifest.articles_of("pgd-phong-tho") if not a.held_back)
    number = article.path.rsplit("/", 1)[-1]
    short = fetch(portals.url("pgd-phong-tho", f"/?p={number}"))
    assert short.status == 301 and short.headers["location"] == article.path
    wrong_slug = re.sub(r"/[^/]+(/ct/\d+/\d+)$", r"/khac\1", article.path)
    assert fetch(portals.url("pgd-phong-tho", wrong_slug)).headers["location"] == article.path
    page = fetch(portals.url("pgd-phong-tho", article.path)).text
    assert f"href='{portals.url('pgd-phong-tho', f'/?p={number}')}'" in page


# ---- failures -----------------------------------------------------------------------------


def test_failure_resources(portals: PortalSet) -> None:
    base = portals.base_urls["huyen-dien-bien"]
    assert fetch(base + "__fail/status/503").status == 503
    assert fetch(base + "__fail/status/404").status == 404
    started = time.monotonic()
    assert fetch(base + "__fail/slow?ms=300").status == 200
    assert time.monotonic() - started >= 0.3
    with pytest.raises(socket.timeout):
        fetch(base + "__fail/slow?ms=1500", timeout=0.3)
    with pytest.raises(http.client.RemoteDisconnected):
        fetch(base + "__fail/drop")
    with pytest.raises(http.client.IncompleteRead):
        fetch(base + "__fail/partial")
    assert fetch(base + "robots.txt").status == 200  # the server survives all of it


def test_request_log(fresh_portals: PortalSet) -> None:
    fresh_portals.reset_requests()
    base = fresh_portals.base_urls["pgd-phong-tho"]
    fetch(base + "tim-kiem?q=x", headers={"User-Agent": "eduwatch-test"})
    with pytest.raises(http.client.RemoteDisconnected):
        fetch(base + "__fail/drop")
    fetch(base + "nowhere")
    log = fresh_portals.requests
    assert [(e.portal_id, e.method, e.path, e.status) for e in log] == [
        ("pgd-phong-tho", "GET", "/tim-kiem?q=x", 200),
        ("pgd-phong-tho", "GET", "/__fail/drop", 0),
        ("pgd-phong-tho", "GET", "/nowhere", 404),
    ]
    assert log[0].headers["user-agent"] == "eduwatch-test"
    fresh_portals.reset_requests()
    assert fresh_portals.requests == []


# ---- configuration and command line -------------------------------------------------------


def test_write_config_is_a_valid_eduwatch_config(portals: PortalSet, tmp_path: Path) -> None:
    path = portals.write_config(
        tmp_path / "conf" / "eduwatch.toml", tmp_path / "db.sqlite", crawl={"download_delay": 0.0}
    )
    config = load_config(path)
    assert config.db_path == (tmp_path / "db.sqlite").resolve()
    assert config.crawl.download_delay == 0.0
    assert [s.id for s in config.sources] == [p.id for p in portals.manifest.portals]
    for source in config.sources:
        portal = portals.manifest.portal(source.id)
        assert source.urls == (portals.base_urls[source.id],)
        assert (source.name, source.level, source.province) == (
            portal.name,
            portal.level,
            portal.province,
        )
        assert source.hosts == (portal.host,)


def test_command_line_serves_until_interrupted(tmp_path: Path) -> None:
    config = tmp_path / "sample.toml"
    command = [sys.executable, "-m", "crawler.sample_portals", "--config", str(config)]
    command += ["--db", str(tmp_path / "sample.db")]
    with subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        watchdog = threading.Timer(20, process.kill)  # never hang the suite
        watchdog.start()
        try:
            lines = []
            for line in process.stdout:
                lines.append(line)
                if line.startswith("serving"):
                    break
            urls = [re.search(r"http://\S+", line).group(0) for line in lines if "http://" in line]
            assert len(urls) == 4
            assert fetch(urls[0] + "robots.txt").status == 200
            assert [s.urls[0] for s in load_config(config).sources] == urls
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 0
        finally:
            watchdog.cancel()


def test_command_line_reports_a_taken_port() -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.2", 0))
    blocker.listen()
    try:
        port = blocker.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "crawler.sample_portals", "--port", str(port)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=20,
        )
    finally:
        blocker.close()
    assert result.returncode == 1
    assert f"port {port} is taken" in result.stderr
