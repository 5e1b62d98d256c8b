"""The sample portals' content: stories read from content/*.toml, and each portal's copy of them.

A story file holds one report or news item (title, date, lead, body blocks, byline) and its
placements: the portals that publish it. A placement can re-title or re-date its copy, write it in
the old tone-mark convention ("Ủy", "hòa") as syndicated copies often are, hold it back until
`PortalSet.publish`, or file it in the portal's robots.txt-disallowed area. `load_content()` turns
all of that into `Post`s, one per portal copy; templates render posts and the manifest describes
them. Pure apart from reading the package's own data files.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from cleaners.vietnamese import fold

CONTENT_DIR = Path(__file__).parent / "content"
PORTALS_FILE = "portals.toml"

BlockKind = Literal["p", "caption", "center", "right", "bold", "images"]
_BLOCK_MARKER = re.compile(r"^\[(caption|center|right|bold|images)\] ")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"\w+")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aeiouyăâêôơư")
_SWING_NUCLEI = frozenset({"oa", "oe", "uy"})
PRIVATE_SECTION = "noi-bo"


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of a body: text with a role, or a run of `count` photos."""

    kind: BlockKind
    text: str = ""
    count: int = 0


@dataclass(frozen=True)
class PortalMeta:
    """Who runs a portal and how it is laid out (content/portals.toml)."""

    id: str
    platform: str
    name: str
    owner: str
    level: str
    province: str
    district: str
    host: str
    per_page: int


@dataclass(frozen=True)
class Post:
    """One portal's copy of a story, exactly as that portal shows it."""

    id: str
    portal: str  # the portal's id
    story_id: str
    title: str
    published: datetime  # local time (Asia/Ho_Chi_Minh), naive, as the page shows it
    lead: str
    blocks: tuple[Block, ...]
    byline: str
    sections: tuple[str, ...]  # section keys, the first is the post's home section
    tags: tuple[str, ...]
    is_education: bool
    held_back: bool  # not published until PortalSet.publish
    private: bool  # lives under the portal's robots.txt-disallowed path
    variant: str  # template-specific presentation switch, "" for the default
    syndication_group: str | None  # shared by every copy of a story published on several portals

    @property
    def section(self) -> str:
        return self.sections[0]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's text blocks, in order (captions included, photos skipped)."""
        return tuple(b.text for b in self.blocks if b.kind != "images")

    @property
    def text(self) -> str:
        """The gold body: lead, body paragraphs, byline, separated by blank lines."""
        parts = [self.lead, *self.paragraphs, self.byline]
        return "\n\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Content:
    sections: dict[str, str]  # section key -> label, in menu order
    portals: tuple[PortalMeta, ...]
    posts: tuple[Post, ...]

    def portal(self, portal_id: str) -> PortalMeta:
        for portal in self.portals:
            if portal.id == portal_id:
                return portal
        raise KeyError(portal_id)

    def posts_of(self, portal_id: str) -> tuple[Post, ...]:
        return tuple(p for p in self.posts if p.portal == portal_id)


def slugify(text: str, max_length: int = 90) -> str:
    """A URL alias the way Vietnamese CMSes make them: no diacritics, đ → d, words joined by '-'."""
    slug = _SLUG_JUNK.sub("-", fold(unicodedata.normalize("NFC", text))).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def _old_style_word(word: str) -> str:
    groups: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and groups:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    letters = [
        unicodedata.normalize(
            "NFC", g[0] + "".join(c for c in g[1:] if c not in _TONE_MARKS)
        ).lower()
        for g in groups
    ]
    vowels = [i for i, c in enumerate(letters) if c in _VOWELS]
    if len(vowels) != 2 or vowels[1] != vowels[0] + 1 or vowels[1] != len(groups) - 1:
        return word
    first, second = vowels
    if letters[first] + letters[second] not in _SWING_NUCLEI:
        return word
    if first > 0 and letters[first - 1] == "q":  # "quý": the u belongs to the consonant
        return word
    tones = [c for c in groups[second][1:] if c in _TONE_MARKS]
    if not tones:
        return word
    groups[second] = [c for c in groups[second] if c not in _TONE_MARKS]
    groups[first] = groups[first] + tones
    return unicodedata.normalize("NFC", "".join("".join(g) for g in groups))


def to_old_tone_marks(text: str) -> str:
    """Rewrite open oa/oe/uy syllables to the older style, tone on the first vowel ("Uỷ" → "Ủy")."""
    return _WORD.sub(lambda m: _old_style_word(m.group(0)), unicodedata.normalize("NFC", text))


def _parse_block(raw: str, where: str) -> Block:
    match = _BLOCK_MARKER.match(raw)
    if raw.startswith("[") and not match:
        raise ContentError(f"{where}: unknown block marker in {raw[:40]!r}")
    if not match:
        return Block("p", raw)
    kind = match.group(1)
    rest = raw[match.end() :]
    if kind == "images":
        if not rest.strip().isdigit():
            raise ContentError(f"{where}: '[images] N' needs a number, got {rest!r}")
        return Block("images", count=int(rest))
    return Block(cast(BlockKind, kind), rest)


def _require(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ContentError(f"{where}: missing {key!r}")
    if not isinstance(data[key], kind):
        raise ContentError(f"{where}: {key!r} must be {kind.__name__}")
    return data[key]


def _posts_from_story(path: Path, data: dict[str, Any], portal_ids: set[str]) -> list[Post]:
    where = path.name
    story_id = _require(data, "id", str, where)
    title = _require(data, "title", str, where)
    published = _require(data, "published", datetime, where)
    is_education = _require(data, "education", bool, where)
    sections = tuple(_require(data, "sections", list, where))
    tags = tuple(data.get("tags", ()))
    lead = data.get("lead", "")
    byline = data.get("byline", "")
    blocks = tuple(_parse_block(b, where) for b in _require(data, "body", list, where))
    placements = _require(data, "placements", list, where)
    if not placements:
        raise ContentError(f"{where}: a story needs at least one [[placements]]")
    group = story_id if len(placements) > 1 else None
    posts = []
    for placement in placements:
        portal_id = _require(placement, "portal", str, where)
        if portal_id not in portal_ids:
            raise ContentError(f"{where}: unknown portal {portal_id!r}")
        private = bool(placement.get("private", False))
        if private != (PRIVATE_SECTION in sections):
            raise ContentError(f"{where}: private posts, and only they, go in {PRIVATE_SECTION!r}")
        old_style = placement.get("tone_marks", "as-written") == "old"
        convert = to_old_tone_marks if old_style else (lambda s: s)
        posts.append(
            Post(
                id=placement.get("id", story_id),
                portal=portal_id,
                story_id=story_id,
                title=convert(placement.get("title", title)),
                published=placement.get("published", published),
                lead=convert(lead),
                blocks=tuple(Block(b.kind, convert(b.text), b.count) for b in blocks),
                byline=convert(byline),
                sections=sections,
                tags=tags,
                is_education=is_education,
                held_back=bool(placement.get("held_back", False)),
                private=private,
                variant=placement.get("variant", ""),
                syndication_group=group,
            )
        )
    return posts


@cache
def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read portals.toml and every story file in `directory` (cached: the data never changes)."""
    with (directory / PORTALS_FILE).open("rb") as f:
        meta = tomllib.load(f)
    sections = dict(meta["sections"])
    portals = tuple(PortalMeta(**p) for p in meta["portals"])
    portal_ids = {p.id for p in portals}
    posts: list[Post] = []
    for path in sorted(directory.glob("*.toml")):
        if path.name == PORTALS_FILE:
            continue
        with path.open("rb") as f:
            posts.extend(_posts_from_story(path, tomllib.load(f), portal_ids))
    seen: set[str] = set()
    for post in posts:
        if post.id in seen:
            raise ContentError(f"duplicate post id {post.id!r}")
        seen.add(post.id)
        unknown = set(post.sections) - set(sections)
        if unknown:
            raise ContentError(f"{post.id}: unknown sections {sorted(unknown)}")
    return Content(sections=sections, portals=portals, posts=tuple(posts))
