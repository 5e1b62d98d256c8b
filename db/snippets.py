"""Search snippets: about thirty words of a report's ORIGINAL text around its best hits.

The index holds folded text, but users read Vietnamese with its diacritics. Hits are found in
the original text with patterns that accept every spelling fold() would equate ("tong" matches
"Tổng"), so offsets are the original's and no report is folded at search time.

`snippet_segments` returns (text, is_hit) pieces, so a web page can escape each piece before it
adds its own <mark>; `render_snippet` joins them with plain-text markers for the CLI.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from cleaners.vietnamese import fold
from db.query_syntax import TOKEN, SearchTerm

SNIPPET_WORDS = 30
_LEAD_WORDS = 5  # words of context kept before the first hit of the window
_MAX_HITS = 200  # enough to choose a window; a long report can repeat a common word endlessly
_CHARS_PER_WORD = 6  # a Vietnamese syllable and its space, on average: to size windows cheaply
_SPACES = re.compile(r"\s+")
ELLIPSIS = "…"

Segment = tuple[str, bool]


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """For each letter or digit, a regex class of every character that folds to it.

    Built once from the Latin blocks Vietnamese is written in (and ASCII): "a" becomes
    [aAàÀáÁ...ậẬ], "d" also takes đ/Đ/Ð. Matching with these classes finds in the original text
    exactly what fold() would find, without folding whole reports on every search.
    """
    variants: dict[str, set[str]] = {}
    for codepoint in (*range(0x20, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(codepoint)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalnum():
            variants.setdefault(folded, {folded}).add(char)
    return {
        letter: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
        for letter, chars in variants.items()
    }


def _token_pattern(token: str) -> str:
    classes = _letter_classes()
    return "".join(classes.get(char, re.escape(char)) for char in token)


def _term_pattern(term: SearchTerm) -> str:
    parts = [_token_pattern(token) for token in term.tokens]
    if term.prefix:
        parts[-1] += r"[^\W_]*"
    # Token boundaries as the index sees them: a hit never starts or ends inside a word.
    return r"(?<![^\W_])" + r"[\W_]+".join(parts) + r"(?![^\W_])"


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[SearchTerm, ...]) -> re.Pattern[str]:
    # Longer phrases first, so "năm học" wins over "năm" where both start.
    order = sorted(range(len(terms)), key=lambda k: -len(terms[k].tokens))
    return re.compile("|".join(f"(?P<t{k}>{_term_pattern(terms[k])})" for k in order))


def find_hits(text: str, terms: Sequence[SearchTerm]) -> list[tuple[int, int, int]]:
    """(start, end, term number) of every non-overlapping hit, in text order."""
    if not terms or not text:
        return []
    hits: list[tuple[int, int, int]] = []
    for match in _terms_pattern(tuple(terms)).finditer(text):
        group = match.lastgroup
        assert group is not None
        hits.append((match.start(), match.end(), int(group[1:])))
        if len(hits) >= _MAX_HITS:
            break
    return hits


def _best_anchor(hits: list[tuple[int, int, int]], width: int) -> int:
    """Start of the first hit of the `width`-character span covering the most distinct terms
    (then the most hits); the earliest such span wins a tie."""
    best_start, best_score = 0, (-1, -1)
    counts: Counter[int] = Counter()
    j = 0
    for i, (start, _, term) in enumerate(hits):
        while j < len(hits) and hits[j][0] < start + width:
            counts[hits[j][2]] += 1
            j += 1
        score = (len(counts), j - i)
        if score > best_score:
            best_start, best_score = start, score
        counts[term] -= 1
        if not counts[term]:
            del counts[term]
    return best_start


def _words_before(text: str, position: int, count: int) -> int:
    """Start of the `count`-th word before `position`, or 0 when fewer words precede it."""
    if count <= 0:
        return position
    # Look back a bounded distance: no Vietnamese word is anywhere near 40 characters long.
    low = max(0, position - count * 40)
    starts = [match.start() for match in TOKEN.finditer(text, low, position)]
    if len(starts) >= count:
        return starts[-count]
    return 0 if low == 0 else (starts[0] if starts else position)


def snippet_segments(
    text: str, terms: Sequence[SearchTerm], words: int = SNIPPET_WORDS
) -> list[Segment]:
    """About `words` words of `text` around its best hits, as (piece, is_hit) segments.

    Only the neighbourhood of the chosen hits is tokenized, so the cost does not grow with the
    length of the report.
    """
    hits = find_hits(text, terms)
    anchor = _best_anchor(hits, (words - _LEAD_WORDS) * _CHARS_PER_WORD) if hits else 0
    after: list[int] = []  # ends of the words from the anchor on
    for match in TOKEN.finditer(text, anchor):
        after.append(match.end())
        if len(after) == words:
            break
    if not after and not hits:
        return []
    lead = _LEAD_WORDS if hits else 0
    lead = max(lead, words - len(after))  # near the end, show more before instead
    begin = _words_before(text, anchor, lead)
    end = after[min(len(after), words - lead) - 1] if words > lead and after else anchor
    chosen = [hit for hit in hits if begin <= hit[0] < end]
    end = max([end] + [hit_end for _, hit_end, _ in chosen])

    segments: list[Segment] = []
    position = begin
    for hit_start, hit_end, _ in chosen:
        gap = text[position:hit_start]
        if segments and segments[-1][1] and not gap.strip():
            # Hits separated by spaces only read as one: "[tổng kết năm học]".
            segments[-1] = (segments[-1][0] + gap + text[hit_start:hit_end], True)
        else:
            if gap:
                segments.append((gap, False))
            segments.append((text[hit_start:hit_end], True))
        position = hit_end
    if end > position:
        segments.append((text[position:end], False))
    segments = [(_SPACES.sub(" ", piece), is_hit) for piece, is_hit in segments]
    if TOKEN.search(text, 0, begin):
        segments.insert(0, (ELLIPSIS + " ", False))
    if TOKEN.search(text, end):
        segments.append((" " + ELLIPSIS, False))
    return segments


def render_snippet(segments: Sequence[Segment], markers: tuple[str, str] = ("[", "]")) -> str:
    """Segments as one line of text, hits wrapped in `markers`."""
    opening, closing = markers
    return "".join(f"{opening}{piece}{closing}" if hit else piece for piece, hit in segments)


def make_snippet(
    text: str,
    terms: Sequence[SearchTerm],
    *,
    words: int = SNIPPET_WORDS,
    markers: tuple[str, str] = ("[", "]"),
) -> str:
    """The snippet of `text` for `terms`, hits wrapped in `markers`."""
    return render_snippet(snippet_segments(text, terms, words), markers).strip()
