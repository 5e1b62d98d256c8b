"""Near-duplicate signatures: the same report republished with small edits is still one report.

The exact `content_hash` merges copies that differ only in furniture, spelling conventions and
punctuation. Portals also edit while republishing: one drops a photo caption, another adds a
lead sentence or trims the closing paragraph. Those copies share almost all of their 5-word
shingles, so a MinHash signature over the shingles of `hash_basis(text)` estimates their Jaccard
similarity (one-permutation MinHash: each shingle hash falls in one of the signature's bins,
which keeps its smallest value, so a signature costs one hash per shingle), and
locality-sensitive bands let storage find candidates without comparing every pair. Reports of
two districts about the same kind of meeting share vocabulary, not sentences: their estimated
similarity stays far below `NEAR_DUPLICATE_SIMILARITY`.

Pure functions; the numbers are fixed so that signatures stored yesterday compare with today's.
"""

from __future__ import annotations

import hashlib

from cleaners.fingerprint import hash_basis

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
# 16 bands of 4 rows: a pair at similarity 0.7 becomes a candidate 98% of the time, one at 0.05
# (two different reports) once in 10,000.
BANDS = 16
NEAR_DUPLICATE_SIMILARITY = 0.7
_EMPTY = (1 << 64) - 1  # a bin no shingle fell into
_MIN_WORDS = 40  # shorter texts (notices of a few lines) are left to the exact hash


def _shingle_hashes(basis: str) -> set[int]:
    words = basis.split()
    if len(words) < _MIN_WORDS:
        return set()
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8)
            .digest(), "big")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a report body; () when it is too short to judge."""
    return signature_of_basis(hash_basis(text))


def signature_of_basis(basis: str) -> tuple[int, ...]:
    """`signature` for a `hash_basis` already computed (the pipeline also hashes it)."""
    hashes = _shingle_hashes(basis)
    if not hashes:
        return ()
    bins = [_EMPTY] * SIGNATURE_SIZE
    for value in hashes:
        slot = value % SIGNATURE_SIZE
        if value < bins[slot]:
            bins[slot] = value
    return tuple(bins)


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0 if unknown)."""
    if len(first) != SIGNATURE_SIZE or len(second) != SIGNATURE_SIZE:
        return 0.0
    filled = [(a, b) for a, b in zip(first, second, strict=True) if a != _EMPTY or b != _EMPTY]
    if not filled:
        return 0.0
    return sum(a == b for a, b in filled) / len(filled)


def band_keys(sig: tuple[int, ...]) -> list[str]:
    """One key per band; two reports sharing any key are candidates to compare."""
    if len(sig) != SIGNATURE_SIZE:
        return []
    rows = SIGNATURE_SIZE // BANDS
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(v) for v in sig[band * rows : (band + 1) * rows])
        keys.append(f"{band}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
    return keys
