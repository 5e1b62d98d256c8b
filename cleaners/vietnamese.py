"""Vietnamese text normalisation shared by hashing, classification and search.

Three operations, all pure:
- `normalize_text`: NFC, one tone-mark convention, U+00D0 read as Đ, whitespace tidied.
- `place_tone_marks`: the per-syllable tone-mark rewrite ("Ủy" → "Uỷ", "hòa" → "hoà").
- `fold`: lower case without any diacritic, đ → d, one character out per character in, so that
  offsets found in folded text are offsets in the original (search highlights rely on this).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
_VOWELS = frozenset("aeiouyăâêôơư")
# Syllables written two ways: old style puts the mark on the first vowel ("hòa", "Ủy"), the
# 1980s rule on the second ("hoà", "Uỷ"). Only open syllables differ; "hoàn" is the same in both.
_SWING_NUCLEI = frozenset({"oa", "oe", "uy"})
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _split_letters(word: str) -> list[list[str]]:
    """NFD `word` split into [base, *combining marks] groups."""
    groups: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and groups:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    return groups


def _place_in_word(word: str) -> str:
    groups = _split_letters(word)
    bases = ["".join(c for c in g[1:] if c not in _TONE_MARKS) for g in groups]
    letters = [
        unicodedata.normalize("NFC", g[0] + bases[i]).lower() for i, g in enumerate(groups)
    ]
    vowel_idx = [i for i, c in enumerate(letters) if c in _VOWELS]
    if len(vowel_idx) != 2 or vowel_idx[1] != vowel_idx[0] + 1:
        return word
    first, second = vowel_idx
    if second != len(groups) - 1:  # closed syllable: both conventions agree
        return word
    if "".join(letters[first : second + 1]) not in _SWING_NUCLEI:
        return word
    if first > 0 and letters[first - 1] == "q":  # "quý": the u belongs to the consonant
        return word
    tones = [c for c in groups[first][1:] if c in _TONE_MARKS]
    if not tones:
        return word
    groups[first] = [c for c in groups[first] if c not in _TONE_MARKS]
    groups[second] = groups[second] + tones
    return unicodedata.normalize("NFC", "".join("".join(g) for g in groups))


def place_tone_marks(text: str) -> str:
    """Rewrite open oa/oe/uy syllables to carry the tone on the second vowel."""
    return _WORD.sub(lambda m: _place_in_word(m.group(0)), text)


def normalize_text(text: str) -> str:
    """NFC, one tone-mark convention, Ð (U+00D0) → Đ, runs of spaces collapsed, lines trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110")
    text = place_tone_marks(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ\u00d0":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lower case, diacritics removed, đ → d; len(fold(s)) == len(s) for NFC input."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) if ord(ch) > 127 else ch.lower() for ch in text)
