"""Candidates: the few pairs of articles worth scoring, found without comparing all pairs.

Two kinds of pair are proposed, each in time linear in the number of articles:

- near copies, by MinHash over word 3-gram shingles and locality-sensitive hashing (LSH): the
  signatures are cut into bands and articles with an equal band become candidates, so a pair
  with shingle Jaccard 0.5 is proposed with probability 0.87, one with 0.2 with probability 0.05;
- reports of one event that are not copies, by blocking: each article's few most distinctive
  terms (the highest TF-IDF weights) are its keys, and articles sharing a key become candidates,
  unless the key is shared by too many articles to say anything (a small posting cap).

Hashes are computed from the bytes with fixed constants (hashing.py): the same text gives the
same signature in every process and on every run.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from dedup.hashing import string_hashes
from dedup.language import words

Pairs = npt.NDArray[np.int64]  # shape (n, 2), each row (a, b) with a < b, rows sorted

SHINGLE_WORDS = 3
PERMUTATIONS = 128
# 32 bands of 4 rows: a pair is proposed with probability 1 - (1 - J**4) ** 32, which is 0.87
# at Jaccard 0.5 (the peer's threshold), 0.99 at 0.6 and 0.05 at 0.2.
BANDS = 32
# Band hits are kept when this share of the whole signatures agree (estimated Jaccard).
MIN_AGREEMENT = 0.2
# Articles with one equal band: all pairs up to this many, beyond it each joins the first.
RUN_ALL_PAIRS = 40

_generator = np.random.default_rng(20240611)  # fixed: signatures must not change between runs
# Multiply-shift hashing: (a * x + b) mod 2**64, keep the high 32 bits; `a` odd.
_MULTIPLIERS = _generator.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_OFFSETS = _generator.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_SHINGLE_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], np.uint64)
_BAND_MIX = _generator.integers(1, 2**63, size=PERMUTATIONS // BANDS, dtype=np.uint64) | np.uint64(
    1
)
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
# The multipliers and offsets repeated for this many shingles, so that `signature` hashes a
# block of shingles by three operations on flat arrays (see there); 1 MB each.
_BLOCK_SHINGLES = 1024
_TILED_MULTIPLIERS = np.tile(_MULTIPLIERS, _BLOCK_SHINGLES)
_TILED_OFFSETS = np.tile(_OFFSETS, _BLOCK_SHINGLES)


def shingle_hashes(word_hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return the hashes of the word 3-grams of a text in order, given its words' hashes (one
    gram for a shorter text)."""
    hashes = word_hashes
    if len(hashes) < SHINGLE_WORDS:
        if not len(hashes):
            return hashes
        return np.array(
            [int(np.bitwise_xor.reduce(hashes * _SHINGLE_MIX[: len(hashes)]))], np.uint64
        )
    count = len(hashes) - SHINGLE_WORDS + 1
    mixed: npt.NDArray[np.uint64] = hashes[:count] * _SHINGLE_MIX[0]
    for k in range(1, SHINGLE_WORDS):
        mixed = (mixed ^ (mixed >> np.uint64(29))) + hashes[k : k + count] * _SHINGLE_MIX[k]
    # A shingle that repeats is left in: a minimum is the same with it or without.
    return mixed


def text_signature(text: str) -> npt.NDArray[np.uint32]:
    """Return the MinHash signature of `text`: PERMUTATIONS minima of its shingles' hashes."""
    return signature(string_hashes(words(text)))


def signature(word_hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    """Return the MinHash signature of a text given its words' hashes (`text_signature`)."""
    return shingles_signature(shingle_hashes(word_hashes))


def shingles_signature(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    """Return the MinHash signature of a text given its shingles' hashes (`shingle_hashes`)."""
    if not len(shingles):
        return _EMPTY.copy()
    # Blocks keep the arrays within the tiles and within the processor's cache.
    minima = _block_minima(shingles[:_BLOCK_SHINGLES])
    for start in range(_BLOCK_SHINGLES, len(shingles), _BLOCK_SHINGLES):
        minima = np.minimum(minima, _block_minima(shingles[start : start + _BLOCK_SHINGLES]))
    return (minima >> np.uint64(32)).astype(np.uint32)


def _block_minima(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return, for each permutation, the least hash of these shingles (at most _BLOCK_SHINGLES)."""
    # Each shingle is repeated once for each permutation, and the repeats are multiplied by the
    # tiled multipliers and offset by the tiled offsets, in place (both wrap at 2**64): numpy
    # broadcasting an operand (np.multiply.outer, offsets[:, None]) runs its loop once a row,
    # and took three times as long as these flat arrays.
    # (The array's methods and the ufunc's reduce are called, not np.repeat and min, which
    # are Python wrappers of them.)
    size = len(shingles) * PERMUTATIONS
    hashed = shingles.repeat(PERMUTATIONS)  # row k: shingle k, once for each permutation
    hashed *= _TILED_MULTIPLIERS[:size]
    hashed += _TILED_OFFSETS[:size]
    minima: npt.NDArray[np.uint64] = np.minimum.reduce(
        hashed.reshape(len(shingles), PERMUTATIONS), axis=0
    )
    return minima


def near_copy_pairs(signatures: npt.NDArray[np.uint32]) -> Pairs:
    """Return the pairs of rows of `signatures` that LSH proposes and whose signatures agree."""
    return near_copy_agreement(signatures)[0]


def near_copy_agreement(
    signatures: npt.NDArray[np.uint32],
) -> tuple[Pairs, npt.NDArray[np.float64]]:
    """Return the near-copy pairs, and the share of their signatures that agree."""
    count = len(signatures)
    if count < 2:
        return _no_pairs(), np.empty(0)
    rows = PERMUTATIONS // BANDS
    found = []
    docs = np.arange(count, dtype=np.int64)
    for band in range(BANDS):
        # A band's columns as rows, each contiguous, mixed and added up row by row: a sum over
        # the four values of each row of the (count, 4) block (numpy's reduction along a short
        # axis) took twice as long. The sum wraps at 2**64, so the order of the terms is free.
        block = signatures[:, band * rows : (band + 1) * rows].T.astype(np.uint64)
        block *= _BAND_MIX[:, None]
        keys = block[0] + np.uint64(band)
        for row in block[1:]:
            keys += row
        found.append(equal_key_pairs(keys, docs, RUN_ALL_PAIRS, None))
    pairs = _unique_pairs(np.concatenate(found))
    agreement = np.empty(len(pairs))
    for start in range(0, len(pairs), 100_000):
        chunk = pairs[start : start + 100_000]
        same = signatures[chunk[:, 0]] == signatures[chunk[:, 1]]
        agreement[start : start + len(chunk)] = same.mean(axis=1)
    kept = agreement >= MIN_AGREEMENT
    return pairs[kept], agreement[kept]


def shared_key_pairs(docs: npt.NDArray[np.int64], keys: npt.NDArray[np.uint64], cap: int) -> Pairs:
    """Return the pairs of documents that share a key held by at most `cap` documents.

    `docs[i]` holds `keys[i]`; a document lists each key once. Keys held by more documents are too
    common to tell events apart and propose nothing, which keeps the pairs linear in the input.
    """
    return _unique_pairs(equal_key_pairs(keys, docs, cap, cap))


def shared_key_counts(
    docs: npt.NDArray[np.int64], keys: npt.NDArray[np.uint64], cap: int
) -> tuple[Pairs, npt.NDArray[np.int64]]:
    """Return the pairs `shared_key_pairs` gives, and how many keys each pair shares."""
    found = equal_key_pairs(keys, docs, cap, cap)
    if not len(found):
        return _no_pairs(), np.empty(0, np.int64)
    return _distinct_pairs(np.sort(found, axis=1))


def equal_key_pairs(
    keys: npt.NDArray[np.uint64], docs: npt.NDArray[np.int64], all_pairs: int, cap: int | None
) -> Pairs:
    """Return pairs of `docs` with equal `keys`: all pairs in a run of up to `all_pairs` docs.

    A longer run links each doc to the run's first instead (or, past `cap`, proposes nothing).
    """
    if len(keys) < 2:
        return _no_pairs()
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], docs[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    lengths = np.diff(np.append(starts, len(keys)))
    run_length = np.repeat(lengths, lengths)
    run_start = np.repeat(starts, lengths)
    keep = run_length >= 2
    if cap is not None:
        keep &= run_length <= cap
    index = np.flatnonzero(keep)
    found = []
    small = index[run_length[index] <= all_pairs]
    offset = 1
    while len(small):
        partner = small + offset
        inside = partner < run_start[small] + run_length[small]
        small, partner = small[inside], partner[inside]
        if len(small):
            found.append(np.stack([docs[small], docs[partner]], axis=1))
        offset += 1
    large = index[(run_length[index] > all_pairs) & (index != run_start[index])]
    if len(large):
        found.append(np.stack([docs[run_start[large]], docs[large]], axis=1))
    return np.concatenate(found) if found else _no_pairs()


def _unique_pairs(pairs: Pairs) -> Pairs:
    if not len(pairs):
        return _no_pairs()
    pairs = np.sort(pairs, axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return _distinct_pairs(pairs)[0]


def _distinct_pairs(pairs: Pairs) -> tuple[Pairs, npt.NDArray[np.int64]]:
    """Return the distinct rows of `pairs` (of non-negative numbers), sorted, and how often each
    stands: np.unique(pairs, axis=0, return_counts=True).

    A row (a, b) is taken as the one number a * size + b, which sorts as the row: np.unique over
    rows sorts them as records, 60% of the time of finding candidates on c10000.
    """
    if not len(pairs):
        return _no_pairs(), np.empty(0, np.int64)
    size = int(pairs.max()) + 1
    if size > 1 << 31:  # a * size + b would not fit in 63 bits
        rows, counts = np.unique(pairs, axis=0, return_counts=True)
        return rows, counts.astype(np.int64)
    keys, counts = np.unique(pairs[:, 0] * size + pairs[:, 1], return_counts=True)
    return np.stack([keys // size, keys % size], axis=1), counts.astype(np.int64)


def _no_pairs() -> Pairs:
    return np.empty((0, 2), dtype=np.int64)


def merge_pairs(groups: Iterable[Pairs]) -> Pairs:
    """Return the union of sets of pairs, sorted."""
    found = [p for p in groups if len(p)]
    return _unique_pairs(np.concatenate(found)) if found else _no_pairs()


def capped_components(
    pairs: Pairs, strength: npt.NDArray[np.float64], limit: int
) -> list[list[int]]:
    """Return components of at most `limit` nodes: pairs join in order of strength, and a pair
    that would make a component larger than `limit` is left out.

    A chance link between two events should not pull thousands of articles into one block (a
    block is read into one task's memory); the strongest links, near copies first, join first.
    Ties go by the pair, so the blocks do not depend on the order of the input.
    """
    # The nodes numbered 0, 1, ... in ascending order, so that the forest is kept in lists (a
    # list is indexed in about half the time a dict is looked up: c100000's 154,131 pairs,
    # 0.40 -> 0.20 s); the root of a component is still its least node.
    nodes, inverse = np.unique(pairs, return_inverse=True)
    dense = inverse.reshape(pairs.shape)
    parent = list(range(len(nodes)))
    size = [1] * len(nodes)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -strength))
    for a, b in dense[order].tolist():
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a == b or size[a] + size[b] > limit:
            continue
        if a > b:
            a, b = b, a
        parent[b] = a
        size[a] += size[b]
    groups: dict[int, list[int]] = {}
    for node, name in enumerate(nodes.tolist()):
        root = node
        while parent[root] != root:
            root = parent[root]
        groups.setdefault(root, []).append(name)
    return sorted(g for g in groups.values() if len(g) > 1)


def components(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Return the connected components of the nodes that pairs link, each sorted, by first node."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in sorted(parent):
        groups.setdefault(root(node), []).append(node)
    return sorted(groups.values())
