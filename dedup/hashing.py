"""Hashing: 64-bit hashes of strings and of runs of words, the same in every process and run.

Python's hash() of a string is salted per process, and hashing one string at a time with xxhash
was a fifth of the time of reading, cleaning and featurizing; these hash many strings at once,
in numpy. A string's hash is a polynomial over its UTF-8 bytes, wrapping at 2**64, computed from
prefix sums (numpy's uint64 sums wrap) and then mixed so that every bit depends on every byte.
As the polynomial of a stretch of bytes does not depend on where the stretch starts, the hash of
"red sox offered" taken from a longer text is the hash of the string "red sox offered" alone:
runs of words are hashed from one pass over their text, without making their strings.

Arrays of integers wrap without a warning (numpy checks only scalars for overflow): the
arithmetic here, on arrays only, needs no np.errstate, whose entry and exit (1.7 us) cost as
much as a multiplication of an article's words.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

_MASK64 = (1 << 64) - 1
_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


def string_hashes(strings: Sequence[str]) -> npt.NDArray[np.uint64]:
    """Return a 64-bit hash of each string (none may hold a NUL), the same in every process."""
    if not strings:
        return np.empty(0, dtype=np.uint64)
    data = _bytes("\0".join(strings) + "\0")
    ends = np.flatnonzero(data == 0)
    starts = np.concatenate(([0], ends[:-1] + 1))
    return _stretch_hashes(data, [(starts, ends)])[0]


def run_hashes(words: Sequence[str], longest: int = 3) -> list[npt.NDArray[np.uint64]]:
    """Return, for n from 1 to `longest`, the hashes of the runs of n consecutive words.

    The hash of a run is that of its words joined by single spaces (`string_hashes`), computed
    without making the string. No word may hold a space or a NUL.
    """
    return hashed_words(words).runs_of(range(1, longest + 1))


@dataclass(frozen=True)
class HashedWords:
    """Words as the unmixed polynomials of their bytes and their lengths in bytes.

    The polynomial of "a b" is that of "a", plus a space and the polynomial of "b" shifted past
    them: runs of any words are hashed from these, by arithmetic, in numpy.
    """

    raw: npt.NDArray[np.uint64]
    length: npt.NDArray[np.int64]

    def __getitem__(self, index: npt.NDArray[np.int64] | slice) -> HashedWords:
        """Return the words at `index`, in that order (runs are then of those words)."""
        return HashedWords(self.raw[index], self.length[index])

    def __len__(self) -> int:
        return len(self.raw)

    def hashes(self) -> npt.NDArray[np.uint64]:
        """Return the hash of each word (`string_hashes` of each: `runs(1)`)."""
        return _mixed(self.raw, self.length)

    def runs(self, n: int) -> npt.NDArray[np.uint64]:
        """Return the hashes of the runs of n consecutive words (`string_hashes` of each run)."""
        count = len(self.raw) - n + 1
        if count <= 0:
            return np.empty(0, dtype=np.uint64)
        raw, length = self.raw[:count].copy(), self.length[:count].copy()
        powers, _ = _power_tables(int(self.length.max(initial=0)) * n + n + 1)
        for k in range(1, n):
            raw += powers[length] * np.uint64(32) + powers[length + 1] * self.raw[k : k + count]
            length += 1 + self.length[k : k + count]
        return _mixed(raw, length)

    def runs_of(self, sizes: Sequence[int]) -> list[npt.NDArray[np.uint64]]:
        """Return, for each n of `sizes` (ascending), the hashes of the runs of n consecutive
        words (`runs(n)` of each).

        They are made together: a run of n words is the run of n - 1 and one word more, and all
        are mixed in one pass. On an article's few hundred words, numpy's calls cost more than
        their arithmetic; computed one by one, each size repeats the smaller ones.
        """
        if not sizes:
            return []
        raws, lengths = self._run_polynomials(sizes)
        return _split(_mixed(_joined(raws), _joined(lengths)), raws)

    def _run_polynomials(
        self, sizes: Sequence[int]
    ) -> tuple[list[npt.NDArray[np.uint64]], list[npt.NDArray[np.int64]]]:
        """Return, for each n of `sizes` (ascending), the unmixed polynomials and the lengths of
        the runs of n consecutive words."""
        raws: list[npt.NDArray[np.uint64]] = []
        lengths: list[npt.NDArray[np.int64]] = []
        if not sizes:
            return raws, lengths
        powers, _ = _power_tables(int(self.length.max(initial=0)) * sizes[-1] + sizes[-1] + 1)
        # A run and the word after it are the run, a space shifted past it and the word shifted
        # one more: raw + B**length * 32 + B**(length + 1) * word, which is
        # raw + B**length * (32 + B * word) as the powers wrap alike. The bracket is the same
        # for a word in every run: made once, it leaves three numpy calls a size (not six).
        spaced_word = self.raw * np.uint64(_BASE) + np.uint64(32)
        spaced_length = self.length + 1
        raw, length = self.raw, self.length
        for n in range(1, sizes[-1] + 1):
            if n > 1:
                count = max(len(self.raw) - n + 1, 0)
                raw, length = raw[:count], length[:count]
                raw = raw + powers[length] * spaced_word[n - 1 : n - 1 + count]
                length = length + spaced_length[n - 1 : n - 1 + count]
            if n in sizes:
                raws.append(raw)
                lengths.append(length)
        return raws, lengths


def _joined(arrays: list[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _split(
    mixed: npt.NDArray[np.uint64], parts: list[npt.NDArray[np.uint64]]
) -> list[npt.NDArray[np.uint64]]:
    """Return `mixed` cut into pieces as long as each of `parts`, in order."""
    ends = list(itertools.accumulate(len(part) for part in parts))
    return [mixed[end - len(part) : end] for part, end in zip(parts, ends, strict=True)]


def hashed_words(words: Sequence[str]) -> HashedWords:
    """Return the words' polynomials and lengths, from one pass over their joined bytes."""
    return hashed_joined(" ".join(words) + " " if words else "", " ")


def hashed_joined(joined: str, separator: str) -> HashedWords:
    """Return the polynomials and lengths of the strings of `joined`, each followed by
    `separator` (an ASCII character none holds).

    `hashed_words` of words joined by spaces; strings that hold spaces are joined by NULs. For a
    caller that hashes several kinds of string in one pass, or searches the joined string too.
    """
    return hashed_strings(joined, separator)[0]


def hashed_strings(joined: str, separator: str) -> tuple[HashedWords, npt.NDArray[np.bool_]]:
    """Return `hashed_joined(joined, separator)`, and whether each string is longer than one
    character (len(string) > 1), told from its bytes."""
    if not joined:
        return (
            HashedWords(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)),
            np.empty(0, dtype=bool),
        )
    encoded = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    data = encoded.astype(np.uint64)
    ends = np.flatnonzero(encoded == ord(separator))
    starts = np.concatenate(([0], ends[:-1] + 1))
    length = ends - starts
    # The first byte of a character in UTF-8 tells how many bytes it has: one below 0xC0, two
    # from 0xC0, three from 0xE0, four from 0xF0. A string is one character when its first
    # character is all its bytes. (An empty string's "first byte" is the separator: ASCII.)
    first = encoded[starts]
    first_length = np.add(first >= 0xC0, 1, dtype=np.int64)
    first_length += first >= 0xE0
    first_length += first >= 0xF0
    return HashedWords(_raw(data, starts, ends), length), length > first_length


def _bytes(text: str) -> npt.NDArray[np.uint64]:
    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8).astype(np.uint64)


def _stretch_hashes(
    data: npt.NDArray[np.uint64],
    spans: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
) -> list[npt.NDArray[np.uint64]]:
    """Return the hashes of the stretches data[start:end] for each (starts, ends) of `spans`."""
    return [_mixed(_raw(data, starts, ends), ends - starts) for starts, ends in spans]


def _raw(
    data: npt.NDArray[np.uint64], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint64]:
    """Return the polynomial of each stretch data[start:end], as if it began at position 0."""
    powers, inverse = _power_tables(len(data))
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(data * powers, dtype=np.uint64, out=prefix[1:])
    result: npt.NDArray[np.uint64] = (prefix[ends] - prefix[starts]) * inverse[starts]
    return result


def _mixed(raw: npt.NDArray[np.uint64], length: npt.NDArray[np.int64]) -> npt.NDArray[np.uint64]:
    """Return the hashes of stretches with these polynomials and lengths: every bit depends on
    every byte."""
    hashed = raw + length.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    hashed ^= hashed >> np.uint64(33)
    hashed *= np.uint64(0xFF51AFD7ED558CCD)
    hashed ^= hashed >> np.uint64(33)
    hashed *= np.uint64(0xC4CEB9FE1A85EC53)
    hashed ^= hashed >> np.uint64(33)
    return hashed


def _power_tables(size: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    global _powers, _inverse_powers
    if len(_powers) < size:
        length = max(size, 2 * len(_powers), 1 << 16)
        _powers = _wrapping_powers(_BASE, length)
        _inverse_powers = _wrapping_powers(_BASE_INVERSE, length)
    return _powers[:size], _inverse_powers[:size]


def _wrapping_powers(base: int, length: int) -> npt.NDArray[np.uint64]:
    """Return base**k modulo 2**64 for k below `length`."""
    # By doubling: base**(filled + k) is base**k times base**filled, and both wrap alike. A
    # loop over the powers one by one took 8 ms for 65,536 (a tenth of the features of 250
    # articles, once a process), and a table grows for the longest text and for the articles
    # `features_of` hashes together.
    powers = np.empty(length, dtype=np.uint64)
    powers[:1] = 1
    filled = 1
    while filled < length:
        step = min(filled, length - filled)
        np.multiply(
            powers[:step],
            np.uint64(pow(base, filled, 1 << 64)),
            out=powers[filled : filled + step],
        )
        filled += step
    return powers


class HashSet:
    """A set of 64-bit hashes that tells which of many values it lacks in a few numpy calls.

    Features ask it of every token whether it is a stop word (a few thousand hashes at a
    time): a binary search of the sorted stop words (searchsorted) took 13 us an article,
    these look-ups 1.3. The hashes are kept by cuckoo hashing in two tables of 2**bits, one
    indexed by a hash's top bits, the other by the bits below those: each hash stands in one
    of its two places, so a value is held when either place holds it. The places no hash
    takes hold a hash of the set too, so that a value that matches one is one of the set.
    A set whose hashes do not share out over the tables (hashes alike in their top bits) is
    searched as a sorted array instead.
    """

    # Displacements tried before the tables are made larger.
    _MOST_MOVES = 64

    def __init__(self, hashes: npt.NDArray[np.uint64]) -> None:
        # Distinct: a hash given three times would not fit its two places (and np.unique's
        # first call imports numpy.ma, 9 ms).
        ordered = np.sort(hashes)
        first = np.ones(len(ordered), dtype=bool)  # where a run of equal hashes starts
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        self._sorted = ordered[first]
        self._tables: tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]] | None = None
        count = len(self._sorted)
        if not count:
            return
        # At most a quarter of the places taken: a build then rarely fails.
        least = max(count.bit_length() + 1, 8)
        for bits in range(least, min(least + 3, 21)):
            tables = self._cuckoo(self._sorted.tolist(), bits)
            if tables is not None:
                self._tables = tables
                # A value's place in each table (as `_cuckoo` places it).
                self._top = np.uint64(64 - bits)
                self._below = np.uint64(64 - 2 * bits)
                self._mask = np.uint64((1 << bits) - 1)
                return

    def _cuckoo(
        self, hashes: list[int], bits: int
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]] | None:
        """Return the two tables holding `hashes` (distinct), or None if they do not fit."""
        top, below, mask = 64 - bits, 64 - 2 * bits, (1 << bits) - 1
        tables: list[list[int | None]] = [[None] * (1 << bits), [None] * (1 << bits)]
        for value in hashes:
            held: int | None = value
            table = 0
            for _ in range(self._MOST_MOVES):
                assert held is not None
                place = held >> top if table == 0 else (held >> below) & mask
                held, tables[table][place] = tables[table][place], held
                if held is None:
                    break
                table = 1 - table
            else:
                return None
        first = hashes[0]
        filled = [
            np.array([first if value is None else value for value in found], dtype=np.uint64)
            for found in tables
        ]
        return filled[0], filled[1]

    def lacks(self, values: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        """Return, for each value, whether the set lacks it."""
        lacking: npt.NDArray[np.bool_]
        if self._tables is None:
            found = self._sorted
            if not len(found):
                return np.ones(len(values), dtype=bool)
            lacking = found.take(found.searchsorted(values), mode="clip") != values
            return lacking
        first, second = self._tables
        lacking = first.take(values >> self._top) != values
        lacking &= second.take((values >> self._below) & self._mask) != values
        return lacking
