"""Build the Vietnamese portal gold set: every story placed on its portals, gold written alongside.

    python bench/vn_portals/build.py           # rewrite pages/*.html.gz and gold.json
    python bench/vn_portals/build.py --check   # only verify the committed files are current

Pages are deterministic (seeded numbers, gzip without timestamps), so a rebuild that changes
nothing leaves git clean, and a change to a template or story shows up as a reviewable diff.
Before writing, every page is checked against its gold: the title must be visible and the gold
body must be, token for token, the article region of the page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` and `cleaners` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lxml import html as lxml_html

from bench.vn_portals.story import Story, gold_body, load_stories
from bench.vn_portals.templates import TEMPLATES
from bench.vn_portals.templates.base import PageContext

HERE = Path(__file__).resolve().parent
PAGES_DIR = HERE / "pages"
GOLD_PATH = HERE / "gold.json"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Placement:
    """One page of the set: a story on a template's portal."""

    template: str
    story: str
    show_date: bool = True
    variant: str = ""

    @property
    def id(self) -> str:
        return f"{self.template}--{self.story}"


# No two pages share story and template; every template carries at least three stories and every
# story appears on at least two templates.
PLACEMENTS = (
    Placement("nukeviet4-egov", "seed-dienbien-tongket"),
    Placement("nukeviet4-egov", "khai-giang-na-hy"),
    Placement("nukeviet4-egov", "mua-lu-nghi-hoc"),
    Placement("nukeviet4-egov", "cong-thong-tin-giao-dien-moi"),
    Placement("nukeviet4-egov", "seed-phongtho-thongbao"),
    Placement("nukeviet4-default", "seed-pgd-sokethk1"),
    Placement("nukeviet4-default", "hsg-lop9"),
    Placement("nukeviet4-default", "thong-bao-nghi-tet"),
    Placement("nukeviet4-default", "hoc-ba-so"),
    Placement("nukeviet3", "seed-lechan-tongket"),
    Placement("nukeviet3", "tap-huan-gdpt-2018"),
    Placement("nukeviet3", "an-toan-thuc-pham-ban-tru"),
    Placement("nukeviet3", "seed-phongtho-thongbao"),
    Placement("liferay62", "seed-dienbien-tongket"),
    Placement("liferay62", "seed-vpub-sogddt"),
    Placement("liferay62", "tuyen-sinh-lop10"),
    Placement("liferay62", "tot-nghiep-thpt-2023"),
    Placement("vportal", "seed-lechan-tongket"),
    Placement("vportal", "tuyen-dung-vien-chuc"),
    Placement("vportal", "kinh-te-xa-hoi-6-thang"),
    Placement("vportal", "hoi-khoe-phu-dong"),
    Placement("vhv", "seed-pgd-sokethk1"),
    Placement("vhv", "tuyen-sinh-lop10", variant="updated"),
    Placement("vhv", "mua-lu-nghi-hoc"),
    Placement("vhv", "hoc-ba-so", variant="updated"),
    Placement("sharepoint", "seed-phongtho-thongbao"),
    Placement("sharepoint", "seed-vpub-sogddt"),
    Placement("sharepoint", "tot-nghiep-thpt-2023"),
    Placement("sharepoint", "tap-huan-gdpt-2018"),
    Placement("city", "seed-lechan-tongket"),
    Placement("city", "kinh-te-xa-hoi-6-thang"),
    Placement("city", "tuyen-sinh-lop10"),
    Placement("city", "cong-thong-tin-giao-dien-moi"),
    Placement("province", "seed-vpub-sogddt"),
    Placement("province", "seed-dienbien-tongket"),
    Placement("province", "hoi-khoe-phu-dong"),
    Placement("province", "tuyen-dung-vien-chuc"),
    Placement("wordpress", "seed-pgd-sokethk1"),
    Placement("wordpress", "khai-giang-na-hy"),
    Placement("wordpress", "hsg-lop9"),
    Placement("wordpress", "an-toan-thuc-pham-ban-tru"),
    Placement("joomla", "seed-phongtho-thongbao", show_date=False),
    Placement("joomla", "thong-bao-nghi-tet"),
    Placement("joomla", "tap-huan-gdpt-2018"),
    Placement("joomla", "seed-dienbien-tongket"),
)


@dataclass(frozen=True)
class BuiltPage:
    id: str
    html: str
    gold: dict[str, str]


def build_page(placement: Placement, story: Story) -> BuiltPage:
    """Render one placement; the same placement always gives the same page."""
    template = TEMPLATES[placement.template]
    seed = zlib.crc32(placement.id.encode())
    number = 1000 + seed % 90000
    url = template.url(template.site, story, number)
    context = PageContext(
        story=story,
        site=template.site,
        url=url,
        rng=random.Random(seed),
        show_date=placement.show_date,
        variant=placement.variant,
    )
    gold = {
        "url": url,
        "platform": template.platform,
        "template": placement.template,
        "title": story.title,
        "published": story.published.date().isoformat(),
        "body": gold_body(story),
    }
    return BuiltPage(id=placement.id, html=template.render(context), gold=gold)


def visible_tokens(page_html: str) -> list[str]:
    """The `\\w+` tokens a reader sees: body text without scripts, styles or hidden spans."""
    tree = lxml_html.fromstring(page_html)
    for node in tree.xpath(
        "//script|//style|//noscript|//head|//*[contains(concat(' ', @class, ' '), ' hidden ')]"
    ):
        node.drop_tree()
    text = " ".join(tree.itertext())
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def article_tokens(page_html: str, article_xpath: str) -> list[str]:
    """The `\\w+` tokens of the page's lead and body, as its template placed them."""
    tree = lxml_html.fromstring(page_html)
    text = " ".join(" ".join(node.itertext()) for node in tree.xpath(article_xpath))
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def check_page(page: BuiltPage) -> list[str]:
    """Problems that make the gold disagree with the page; empty when they agree.

    The title must be visible, and the gold body must be, token for token, the article's
    region of the page: nothing of the article missing from the gold, nothing added to it.
    """
    problems = []
    title = " ".join(_TOKEN.findall(page.gold["title"]))
    if title not in " ".join(visible_tokens(page.html)):
        problems.append(f"{page.id}: title not visible")
    region = article_tokens(page.html, TEMPLATES[page.gold["template"]].article)
    gold = _TOKEN.findall(unicodedata.normalize("NFC", page.gold["body"]))
    if region != gold:
        at = next(
            (i for i, (a, b) in enumerate(zip(region, gold, strict=False)) if a != b),
            min(len(region), len(gold)),
        )
        problems.append(
            f"{page.id}: gold differs from the page at token {at}: "
            f"page {' '.join(region[at : at + 6])!r}, gold {' '.join(gold[at : at + 6])!r}"
        )
    return problems


def _gzip(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build_all() -> tuple[list[BuiltPage], list[str]]:
    stories = load_stories()
    pages = [build_page(p, stories[p.story]) for p in PLACEMENTS]
    problems = [problem for page in pages for problem in check_page(page)]
    ids = [page.id for page in pages]
    if len(ids) != len(set(ids)):
        problems.append("two placements share story and template")
    unused = set(stories) - {p.story for p in PLACEMENTS}
    if unused:
        problems.append(f"stories on no page: {sorted(unused)}")
    return pages, problems


def _saved_html(page_id: str) -> str | None:
    path = PAGES_DIR / f"{page_id}.html.gz"
    return gzip.decompress(path.read_bytes()).decode("utf-8") if path.exists() else None


def _gold_json(pages: list[BuiltPage]) -> str:
    gold = {page.id: page.gold for page in sorted(pages, key=lambda p: p.id)}
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build the Vietnamese portal gold set.",
        epilog="Example: python bench/vn_portals/build.py --check",
    )
    parser.add_argument("--check", action="store_true", help="verify, write nothing")
    args = parser.parse_args(argv)

    pages, problems = build_all()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    gold_text = _gold_json(pages)
    if args.check:
        stale = [page.id for page in pages if _saved_html(page.id) != page.html]
        if not GOLD_PATH.exists() or GOLD_PATH.read_text(encoding="utf-8") != gold_text:
            stale.append("gold.json")
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"{len(pages)} pages up to date")
        return 0

    PAGES_DIR.mkdir(exist_ok=True)
    wanted = {f"{page.id}.html.gz" for page in pages}
    for old in PAGES_DIR.glob("*.html.gz"):
        if old.name not in wanted:
            old.unlink()
    for page in pages:
        (PAGES_DIR / f"{page.id}.html.gz").write_bytes(_gzip(page.html))
    GOLD_PATH.write_text(gold_text, encoding="utf-8")
    templates = {p.template for p in PLACEMENTS}
    print(f"wrote {len(pages)} pages on {len(templates)} templates, and gold.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
