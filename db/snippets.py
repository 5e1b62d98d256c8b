"""Search snippets: about thirty words of a report's ORIGINAL text around its best hits.

The index holds folded text, but users read Vietnamese with its diacritics. Hits are found in
fold() of the original text, which keeps every character's position ("tong" is found where
"Tổng" is written), so the snippet is cut from the original with its diacritics.

`snippet_segments` returns (text, is_hit) pieces, so a web page can escape each piece before it
adds its own <mark>; `render_snippet` joins them with plain-text markers for the CLI.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cleaners.vietnamese import fold
from db.query_syntax import TOKEN, SearchTerm

SNIPPET_WORDS = 30
_LEAD_WORDS = 5  # words of context kept before the first hit of the window
_MAX_HITS = 200  # enough to choose a window; a long report can repeat a common word endlessly
_CHARS_PER_WORD = 6  # a Vietnamese syllable and its space, on average: to size windows cheaply
_SPACES = re.compile(r"\s+")
ELLIPSIS = "…"

Segment = tuple[str, bool]


def _is_word(char: str) -> bool:
    # What the index tokenizer keeps (letters and digits), as TOKEN = [^\W_]+ matches them.
    return char.isalnum()


def _term_end(folded: str, start: int, term: SearchTerm) -> int | None:
    """End of `term` if it occurs at `start` of the folded text as whole words, else None."""
    if start > 0 and _is_word(folded[start - 1]):
        return None
    position = start
    last = len(term.tokens) - 1
    for number, token in enumerate(term.tokens):
        if number:  # between two words of a phrase: any run of non-word characters
            gap = position
            while gap < len(folded) and not _is_word(folded[gap]):
                gap += 1
            if gap == position:
                return None
            position = gap
        if not folded.startswith(token, position):
            return None
        position += len(token)
        if number == last and term.prefix:
            while position < len(folded) and _is_word(folded[position]):
                position += 1
        elif position < len(folded) and _is_word(folded[position]):
            return None  # the token is only the start of a longer word
    return position


def find_hits(text: str, terms: Sequence[SearchTerm]) -> list[tuple[int, int, int]]:
    """(start, end, term number) of every non-overlapping hit, in text order.

    Hits are found in fold(text), which has exactly one character for each character of `text`
    (fold maps characters one to one), so the offsets are the original's. Each term's first word
    is located with str.find, at C speed; a pattern of accent classes tried at every position
    cost several times more, and 20 snippets are cut per search.
    """
    if not terms or not text:
        return []
    folded = fold(text)
    found: list[tuple[int, int, int]] = []
    for number, term in enumerate(terms):
        count = 0
        start = folded.find(term.tokens[0])
        while start != -1 and count < _MAX_HITS:
            end = _term_end(folded, start, term)
            if end is not None:
                found.append((start, end, number))
                count += 1
            start = folded.find(term.tokens[0], start + 1)
    # Leftmost first; where two start together, the longer (a phrase over its first word).
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1], hit[2]))
    hits: list[tuple[int, int, int]] = []
    for hit in found:
        if not hits or hit[0] >= hits[-1][1]:
            hits.append(hit)
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
