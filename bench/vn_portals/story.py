"""The articles of the gold set: their source files, parsed, and the gold text a reader would copy.

A story file (bench/vn_portals/articles/<slug>.txt) is a header and a body split by `---`:

    title: Kết quả kỳ thi ...
    published: 2024-01-18 10:05
    lead: Phòng Giáo dục và Đào tạo huyện vừa công bố ...     (optional)
    ---
    One paragraph per line.
    [heading] A bold line inside the body
    [center] A centred line ("THÔNG BÁO")
    [caption] The caption of a photo (the photo comes with it)
    [image]                                  (a photo without caption)
    [byline] Thanh Tuyền
    [table]                                  (rows follow, cells split by " | ",
    cell | cell // second line of a cell      line breaks inside a cell by " // ";
                                              a blank line or another block ends it)
    [list]                                   (items follow, one a line)

The gold body is the lead, then every block's visible text in order (captions and byline
included, the title not), paragraphs separated by a blank line, table rows and list items by a
newline. The same story reads the same on every portal; only the furniture around it changes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"

BlockKind = Literal["paragraph", "heading", "center", "caption", "image", "byline", "table", "list"]
_INLINE_KINDS: tuple[BlockKind, ...] = ("heading", "center", "caption", "image", "byline")
_CONTAINER_KINDS: tuple[BlockKind, ...] = ("table", "list")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()  # table cells; "\n" where a cell breaks its line
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    published: datetime
    lead: str | None
    blocks: tuple[Block, ...]


class StoryError(ValueError):
    """A story file does not follow the format; str() names the file and line."""


def _marker(line: str) -> tuple[str, str] | None:
    if not line.startswith("["):
        return None
    end = line.find("]")
    if end < 0:
        return None
    return line[1:end], line[end + 1 :].strip()


def parse_story(slug: str, text: str) -> Story:
    """A story from the text of its file."""
    text = unicodedata.normalize("NFC", text)
    header_text, separator, body_text = text.partition("\n---\n")
    if not separator:
        raise StoryError(f"{slug}: no '---' line between header and body")
    header = {}
    for line in header_text.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            raise StoryError(f"{slug}: header line without 'key: value': {line!r}")
        header[key.strip()] = value.strip()
    for key in ("title", "published"):
        if not header.get(key):
            raise StoryError(f"{slug}: header lacks {key}")

    blocks: list[Block] = []
    container: BlockKind | None = None
    lines: list[str] = []

    def close() -> None:
        nonlocal container, lines
        if container == "table":
            rows = tuple(
                tuple(cell.strip().replace(" // ", "\n") for cell in row.split(" | "))
                for row in lines
            )
            blocks.append(Block("table", rows=rows))
        elif container == "list":
            blocks.append(Block("list", items=tuple(lines)))
        container, lines = None, []

    for number, raw in enumerate(body_text.splitlines(), start=1):
        line = raw.strip()
        marker = _marker(line)
        if not line or marker is not None:
            close()
        if not line:
            continue
        if marker is None:
            if container is not None:
                lines.append(line)
            else:
                blocks.append(Block("paragraph", text=line))
            continue
        kind, rest = marker
        if kind in _CONTAINER_KINDS:
            container = kind
        elif kind in _INLINE_KINDS:
            blocks.append(Block(kind, text=rest))
        else:
            raise StoryError(f"{slug}: line {number}: unknown block [{kind}]")
    close()
    return Story(
        slug=slug,
        title=header["title"],
        published=datetime.fromisoformat(header["published"]),
        lead=header.get("lead") or None,
        blocks=tuple(blocks),
    )


def load_stories(directory: Path = ARTICLES_DIR) -> dict[str, Story]:
    """Every story file in `directory`, by slug."""
    return {
        path.stem: parse_story(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.txt"))
    }


def _block_text(block: Block) -> str:
    if block.kind == "table":
        return "\n".join(" | ".join(cell.replace("\n", " ") for cell in row) for row in block.rows)
    if block.kind == "list":
        return "\n".join(block.items)
    return block.text


def gold_body(story: Story) -> str:
    """What a careful reader calls the article: lead and body, no title, no furniture."""
    parts = [story.lead] if story.lead else []
    parts.extend(_block_text(b) for b in story.blocks)
    return "\n\n".join(part for part in parts if part)
