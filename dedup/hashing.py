"""Hashing: 64-bit hashes of strings and of runs of words, the same in every process and run.

Python's hash() of a string is salted per process, and hashing one string at a time with xxhash
was a fifth of the time of reading, cleaning and featurizing; these hash many strings at once,
in numpy. A string's hash is a polynomial over its UTF-8 bytes, wrapping at 2**64, computed from
prefix sums (numpy's uint64 sums wrap) and then mixed so that every bit depends on every byte.
As the polynomial of a stretch of bytes does not depend on where the stretch starts, the hash of
"red sox offered" taken from a longer text is the hash of the string "red sox offered" alone:
runs of words are hashed from one pass over their text, without making their strings.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    if not words:
        return [np.empty(0, dtype=np.uint64) for _ in range(longest)]
    data = _bytes(" ".join(words) + " ")
    ends = np.flatnonzero(data == 32)
    starts = np.concatenate(([0], ends[:-1] + 1))
    count = len(starts)
    spans = [(starts[: max(count - n + 1, 0)], ends[n - 1 :]) for n in range(1, longest + 1)]
    return _stretch_hashes(data, spans)


def _bytes(text: str) -> npt.NDArray[np.uint64]:
    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8).astype(np.uint64)


def _stretch_hashes(
    data: npt.NDArray[np.uint64],
    spans: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
) -> list[npt.NDArray[np.uint64]]:
    """Return the hashes of the stretches data[start:end] for each (starts, ends) of `spans`."""
    powers, inverse = _power_tables(len(data))
    found = []
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(data) + 1, dtype=np.uint64)
        np.cumsum(data * powers, dtype=np.uint64, out=prefix[1:])
        for starts, ends in spans:
            hashed = (prefix[ends] - prefix[starts]) * inverse[starts]
            hashed += (ends - starts).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
            hashed ^= hashed >> np.uint64(33)
            hashed *= np.uint64(0xFF51AFD7ED558CCD)
            hashed ^= hashed >> np.uint64(33)
            hashed *= np.uint64(0xC4CEB9FE1A85EC53)
            hashed ^= hashed >> np.uint64(33)
            found.append(hashed)
    return found


def _power_tables(size: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    global _powers, _inverse_powers
    if len(_powers) < size:
        length = max(size, 2 * len(_powers), 1 << 16)
        _powers = _wrapping_powers(_BASE, length)
        _inverse_powers = _wrapping_powers(_BASE_INVERSE, length)
    return _powers[:size], _inverse_powers[:size]


def _wrapping_powers(base: int, length: int) -> npt.NDArray[np.uint64]:
    powers = np.empty(length, dtype=np.uint64)
    value = 1
    for k in range(length):  # once per process, for the longest text so far
        powers[k] = value
        value = value * base & _MASK64
    return powers
