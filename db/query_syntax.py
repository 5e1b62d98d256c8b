"""The search box language, translated to a safe SQLite FTS5 MATCH expression.

Users write words (all must occur), "exact phrases", `AND` / `OR` / `NOT` in capitals, a prefix
as `giáo*`, and parentheses. Every word is folded the way the index is (`cleaners.vietnamese.fold`:
lower case, no diacritics, đ → d), so "Tổng Kết", "tong ket" and "tổng kết" are the same search.

Safety: each term reaches FTS5 as a double-quoted string, so nothing a user types can act as
FTS5 syntax (column filters, NEAR, ^), and the whole expression is bound as one SQL parameter.

Grouping: OR separates alternatives; within one, words are all wanted, and NOT excludes
everything after it up to the next NOT, OR or closing parenthesis, as a person reads it:
`học sinh giỏi NOT bán trú` is (học sinh giỏi) without (bán trú); `a NOT b NOT c` excludes b and
c separately. FTS5 has no unary NOT, so a NOT with nothing before it to exclude from is refused
rather than silently matching nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cleaners.vietnamese import fold
from db.errors import QuerySyntaxError

TokenKind = Literal["term", "and", "or", "not", "open", "close"]

OPERATORS: dict[str, TokenKind] = {"AND": "and", "OR": "or", "NOT": "not"}
# A search box is not a place for a thousand-term query; such a query is a mistake or an attack.
MAX_TERMS = 64
# FTS5 reads every posting of every word under a prefix; "t*" would read most of the index.
MIN_PREFIX = 3
# The FTS5 unicode61 tokenizer keeps letters and digits and splits on everything else.
TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchTerm:
    """One thing to find: consecutive folded tokens; `prefix` lets the last one be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def to_fts(self) -> str:
        # Tokens hold letters and digits only, so they cannot contain the quote character.
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A user query ready for FTS5: `match` for SQL, `terms` (the wanted ones) for snippets."""

    match: str
    terms: tuple[SearchTerm, ...]


@dataclass(frozen=True)
class _Token:
    kind: TokenKind
    position: int
    text: str
    term: SearchTerm | None = None


def fold_tokens(text: str) -> tuple[str, ...]:
    """The index tokens of `text`: NFC, folded, split on anything but letters and digits."""
    return tuple(TOKEN.findall(fold(unicodedata.normalize("NFC", text))))


def _lex(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token("open" if ch == "(" else "close", i, ch))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end == -1:
                raise QuerySyntaxError(
                    query, 'unclosed quote: add the closing " or remove the opening one', i
                )
            prefix = query.startswith("*", end + 1)
            words = fold_tokens(query[i + 1 : end])
            if not words:
                raise QuerySyntaxError(query, "empty phrase: put words between the quotes", i)
            if prefix and len(words[-1]) < MIN_PREFIX:
                raise QuerySyntaxError(
                    query, f"a prefix needs {MIN_PREFIX} letters before '*', as in giáo*", i
                )
            tokens.append(_Token("term", i, query[i : end + 1], SearchTerm(words, prefix)))
            i = end + 2 if prefix else end + 1
        else:
            end = i
            while end < n and not query[end].isspace() and query[end] not in '()"':
                end += 1
            word = query[i:end]
            if word in OPERATORS:
                tokens.append(_Token(OPERATORS[word], i, word))
            else:
                prefix = word.endswith("*")
                words = fold_tokens(word)
                if words and prefix and len(words[-1]) < MIN_PREFIX:
                    raise QuerySyntaxError(
                        query, f"a prefix needs {MIN_PREFIX} letters before '*', as in giáo*", i
                    )
                if words:
                    tokens.append(_Token("term", i, word, SearchTerm(words, prefix)))
                elif prefix:
                    raise QuerySyntaxError(query, "'*' must end a word, as in giáo*", i)
                # Anything else without letters or digits (";", "-", "'") cannot be searched
                # for, since the index holds no punctuation: it separates words, as in the text.
            i = end
    return tokens


def _all_of(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


class _Parser:
    """Recursive descent over the lexed tokens, producing the FTS5 expression text."""

    def __init__(
        self, query: str, tokens: list[_Token], render: Callable[[SearchTerm], str]
    ) -> None:
        self.render = render
        self.query = query
        self.tokens = tokens
        self.index = 0
        self.depth = 0  # open parentheses around the current position
        self.terms: list[SearchTerm] = []

    def fail(self, problem: str, token: _Token | None = None) -> QuerySyntaxError:
        return QuerySyntaxError(self.query, problem, token.position if token else None)

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> str:
        expression = self.parse_or()
        token = self.peek()
        if token is not None:  # only an unmatched ")" can stop parse_or early
            raise self.fail("')' without a matching '(': remove it or add the '('", token)
        return expression

    def parse_or(self) -> str:
        parts = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            following = self.peek()
            if following is None or following.kind in ("or", "close"):
                raise self.fail("'OR' needs a term after it", token)
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def parse_and(self) -> str:
        wanted: list[str] = []
        excluded: list[list[str]] = []  # one group per NOT
        group = wanted
        first = self.peek()
        while (token := self.peek()) is not None and token.kind not in ("or", "close"):
            operator = token
            if token.kind == "and":
                if not wanted and not excluded:
                    raise self.fail("'AND' needs a term before it", token)
                self.take()
                token = self.peek()
                if token is None or token.kind in ("or", "close", "and"):
                    raise self.fail("'AND' needs a term after it", operator)
            if token.kind == "not":
                self.take()
                if not wanted:
                    raise self.fail(
                        "'NOT' needs a term before it to exclude from, as in: học sinh NOT mầm non",
                        token,
                    )
                following = self.peek()
                if following is None or following.kind in ("or", "close", "and", "not"):
                    raise self.fail("'NOT' needs a term after it", token)
                group = []
                excluded.append(group)
            else:
                group.append(self.parse_primary(negated=group is not wanted))
        if not wanted:
            token = self.peek() or first
            if token is not None and token.kind == "or":
                raise self.fail("'OR' needs a term before it", token)
            if token is not None and token.kind == "close" and self.depth == 0:
                raise self.fail("')' without a matching '(': remove it or add the '('", token)
            raise self.fail("nothing to search for: type at least one word")
        expression = _all_of(wanted)
        for exclusion in excluded:
            expression = f"({expression} NOT {_all_of(exclusion)})"
        return expression

    def parse_primary(self, negated: bool) -> str:
        token = self.take()
        if token.kind == "term":
            assert token.term is not None
            if not negated:
                self.terms.append(token.term)
            return self.render(token.term)
        if token.kind == "open":
            if (inner := self.peek()) is not None and inner.kind == "close":
                raise self.fail("empty parentheses: put a search term between ( and )", inner)
            if inner is None:
                raise self.fail("'(' is never closed: add a ')'", token)
            saved = list(self.terms)
            self.depth += 1
            expression = self.parse_or()
            self.depth -= 1
            if negated:
                self.terms = saved  # excluded terms are not highlighted
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise self.fail("'(' is never closed: add a ')'", token)
            self.take()
            return expression
        raise self.fail(f"unexpected {token.text!r}", token)  # defensive: callers check first


def parse_query(query: str, render: Callable[[SearchTerm], str] = SearchTerm.to_fts) -> ParsedQuery:
    """Translate a user query into an FTS5 MATCH expression, or raise QuerySyntaxError.

    `render` writes each term as FTS5 (search uses it to spell out prefixes); whatever it
    returns must be a well-formed FTS5 phrase or parenthesized expression.
    """
    if not query.strip():
        raise QuerySyntaxError(query, "empty query: type at least one word to search for")
    tokens = _lex(query)
    if not tokens:
        raise QuerySyntaxError(query, "nothing to search for: the query has no letters or digits")
    if sum(token.kind == "term" for token in tokens) > MAX_TERMS:
        raise QuerySyntaxError(query, f"too many terms: use at most {MAX_TERMS}")
    parser = _Parser(query, tokens, render)
    match = parser.parse()
    return ParsedQuery(match=match, terms=tuple(dict.fromkeys(parser.terms)))
