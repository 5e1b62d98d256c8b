"""The two page sets the extraction benchmark reads: loaders only, no scoring.

- The article-extraction benchmark (Scrapinghub, 181 English-language news pages):
  html/<id>.html.gz and ground-truth.json {id: {"articleBody", "url"}}.
- Our Vietnamese portal gold set: bench/vn_portals/pages/<id>.html.gz and gold.json
  {id: {"url", "platform", "title", "published", "body"}}.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERAL_DIR = REPO.parent / "shared" / "benchmarks" / "article-extraction-benchmark"
VN_DIR = REPO / "bench" / "vn_portals"


@dataclass(frozen=True)
class Page:
    """One saved page and what a careful reader says its article is."""

    id: str
    url: str
    html: str
    body: str
    title: str | None = None  # None where the set has no gold title
    published: str | None = None  # ISO date, None where the set has no gold date
    platform: str | None = None


class CorpusError(Exception):
    """A page set is missing or malformed; str() names the file."""


def _read_html(path: Path) -> str:
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise CorpusError(f"{path}: {error}") from error
    # Both sets are UTF-8; a stray bad byte must not stop a benchmark run.
    return raw.decode("utf-8", errors="replace")


def _read_json(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: expected an object keyed by page id")
    return data


def load_general(directory: Path = GENERAL_DIR, limit: int | None = None) -> list[Page]:
    """The article-extraction benchmark's pages, sorted by id (first `limit` only if given)."""
    truth = _read_json(directory / "ground-truth.json")
    ids = sorted(truth)[:limit]
    return [
        Page(
            id=page_id,
            url=truth[page_id].get("url", ""),
            html=_read_html(directory / "html" / f"{page_id}.html.gz"),
            body=truth[page_id].get("articleBody", ""),
        )
        for page_id in ids
    ]


def load_vn(directory: Path = VN_DIR, limit: int | None = None) -> list[Page]:
    """The Vietnamese portal gold set, sorted by id (first `limit` only if given)."""
    gold = _read_json(directory / "gold.json")
    ids = sorted(gold)[:limit]
    pages = []
    for page_id in ids:
        entry = gold[page_id]
        missing = {"url", "platform", "title", "published", "body"} - entry.keys()
        if missing:
            raise CorpusError(f"{directory / 'gold.json'}: {page_id} lacks {sorted(missing)}")
        pages.append(
            Page(
                id=page_id,
                url=entry["url"],
                html=_read_html(directory / "pages" / f"{page_id}.html.gz"),
                body=entry["body"],
                title=entry["title"],
                published=entry["published"],
                platform=entry["platform"],
            )
        )
    return pages
