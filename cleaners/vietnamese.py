"""Vietnamese text normalisation shared by hashing, classification and search.

Three operations, all pure:
- `normalize_text`: NFC, one tone-mark convention, U+00D0 read as Đ, invisible characters
  dropped, whitespace tidied.
- `place_tone_marks`: the per-syllable tone-mark rewrite ("Ủy" → "Uỷ", "hòa" → "hoà"), which
  also puts back marks typed on the wrong vowel ("lựơng" → "lượng").
- `fold`: lower case without any diacritic, đ → d, one character out per character in, so that
  offsets found in folded text are offsets in the original (search highlights rely on this).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
_PLAIN_VOWELS = frozenset("aeiouy")
# Vowels with a quality mark (breve, circumflex, horn). When a syllable has one, the tone sits on
# it (on the last one in "ươ"); both spelling conventions agree, so a mark elsewhere is a typo
# ("lựơng", "ngừơi").
_MARKED_VOWELS = frozenset("ăâêôơư")
_VOWELS = _PLAIN_VOWELS | _MARKED_VOWELS
# A word with any other letter (f, j, w, z, ü, é on a consonant cluster...) is not a Vietnamese
# syllable and is left exactly as written: names like "José" or "Zürich" must survive.
_ALPHABET = frozenset("bcdđghklmnpqrstvx") | _VOWELS
# Open syllables written two ways: the old style puts the mark on the first vowel ("hòa", "Ủy"),
# the 1980s rule on the second ("hoà", "Uỷ"). We write the second. Closed syllables ("hoàn") have
# one spelling in both conventions.
_SWING_NUCLEI = frozenset({"oa", "oe", "uy"})
# In "qu" and "gi" the vowel letter belongs to the initial consonant: "quý", "già", "giữa".
_GLIDE_INITIALS = frozenset({("q", "u"), ("g", "i")})

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_REPLACEMENTS = (
    # Icelandic eth (Ð, ð) looks like Đ/đ and is what some legacy encoders and fonts produced.
    ("\u00d0", "\u0110"),
    ("\u00f0", "\u0111"),
    # Invisible characters that editors and CMSs leave inside words; they carry no text.
    ("\u00ad", ""),  # soft hyphen
    ("\u2060", ""),  # word joiner
    ("\ufeff", ""),  # byte order mark pasted mid-text
)


def _split_letters(word: str) -> list[list[str]]:
    """NFD `word` split into [base, *combining marks] groups."""
    groups: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and groups:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    return groups


def _tone_target(letters: list[str], nucleus: list[int], closed: bool) -> int | None:
    """Index of the letter that carries the tone under the modern rule, or None if unknown."""
    marked = [i for i in nucleus if letters[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    if closed or len(nucleus) == 1:
        return nucleus[-1]
    if len(nucleus) == 2:
        pair = letters[nucleus[0]] + letters[nucleus[1]]
        return nucleus[1] if pair in _SWING_NUCLEI else nucleus[0]
    if len(nucleus) == 3:  # "ngoài", "khuỷu", "xoáy": the middle vowel
        return nucleus[1]
    return None


@lru_cache(maxsize=65536)
def _place_in_word(word: str) -> str:
    if word.isascii():
        return word
    groups = _split_letters(word)
    tones = [(i, c) for i, g in enumerate(groups) for c in g[1:] if c in _TONE_MARKS]
    if len(tones) != 1:  # no tone, or not one Vietnamese syllable
        return word
    letters = [
        unicodedata.normalize("NFC", "".join(c for c in g if c not in _TONE_MARKS)).lower()
        for g in groups
    ]
    if any(letter not in _ALPHABET for letter in letters):
        return word
    vowels = [i for i, letter in enumerate(letters) if letter in _VOWELS]
    if not vowels or vowels[-1] - vowels[0] != len(vowels) - 1:  # not one syllable
        return word
    nucleus = vowels
    first = vowels[0]
    if len(vowels) > 1 and first > 0 and (letters[first - 1], letters[first]) in _GLIDE_INITIALS:
        nucleus = vowels[1:]
    target = _tone_target(letters, nucleus, closed=vowels[-1] < len(letters) - 1)
    source, mark = tones[0]
    if target is None or target == source or source not in vowels:
        return word
    groups[source].remove(mark)
    groups[target].append(mark)
    return unicodedata.normalize("NFC", "".join("".join(g) for g in groups))


def place_tone_marks(text: str) -> str:
    """NFC text with each syllable's tone mark where the modern rule puts it ("hòa" → "hoà").

    Open oa/oe/uy syllables move to the second vowel; a mark misplaced in a way neither convention
    allows ("lựơng", "hòan") moves to the right vowel; anything that is not one Vietnamese
    syllable is left as written.
    """
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _place_in_word(m.group(0)), text)


def normalize_text(text: str) -> str:
    """NFC, one tone-mark convention, Ð (U+00D0) → Đ, runs of spaces collapsed, lines trimmed."""
    text = unicodedata.normalize("NFC", text)
    for old, new in _REPLACEMENTS:
        if old in text:  # str.translate with a dict is ten times slower on non-ASCII text
            text = text.replace(old, new)
    text = _SPACES.sub(" ", place_tone_marks(text))
    lines = [line.strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _FoldTable(dict[int, str]):
    """A str.translate table that fills itself on first sight of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ\u00d0\u00f0":
            folded = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            folded = base if len(base) == 1 else ch  # "İ".lower() is two characters
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, diacritics removed, đ → d; len(fold(s)) == len(s) for NFC input."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)
