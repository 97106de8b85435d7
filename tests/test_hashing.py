"""Tests of dedup.hashing: per-string hashes, and runs of words hashed as their joined strings."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.hashing import (
    HashSet,
    hashed_joined,
    hashed_strings,
    hashed_words,
    run_hashes,
    string_hashes,
)


def test_string_hashes_are_per_string_and_positional() -> None:
    hashes = string_hashes(["red sox", "sox red", "red sox", "ünïcode", "a"])
    assert hashes[0] == hashes[2]
    assert len({int(h) for h in hashes}) == 4
    assert string_hashes(["red sox"])[0] == hashes[0]


def test_runs_of_words_hash_as_their_joined_strings() -> None:
    words = ["red", "sox", "offered", "ünïcode"]
    ones, twos, threes = run_hashes(words)
    assert ones.tolist() == string_hashes(words).tolist()
    assert twos.tolist() == string_hashes(["red sox", "sox offered", "offered ünïcode"]).tolist()
    assert threes.tolist() == string_hashes(["red sox offered", "sox offered ünïcode"]).tolist()


def test_runs_longer_than_the_text_are_none() -> None:
    ones, twos, threes = run_hashes(["alone"])
    assert len(ones) == 1 and len(twos) == 0 and len(threes) == 0
    assert [len(found) for found in run_hashes([])] == [0, 0, 0]


@given(st.lists(st.text(st.characters(blacklist_characters=" \0"), min_size=1), max_size=8))
def test_any_words_hash_as_their_joined_strings(words: list[str]) -> None:
    for n, found in enumerate(run_hashes(words), start=1):
        joined = [" ".join(words[k : k + n]) for k in range(len(words) - n + 1)]
        assert found.tolist() == string_hashes(joined).tolist()


@given(
    st.lists(st.text(st.characters(blacklist_characters=" \0"), min_size=1), max_size=8),
    st.sampled_from([(1,), (2, 3), (1, 3), (1, 2, 3, 4), (5,)]),
)
def test_runs_of_several_sizes_are_the_runs_of_each(
    words: list[str], sizes: tuple[int, ...]
) -> None:
    hashed = hashed_words(words)
    found = hashed.runs_of(sizes)
    assert [runs.tolist() for runs in found] == [hashed.runs(n).tolist() for n in sizes]


@given(
    st.lists(st.text(st.characters(blacklist_characters=" \0"), min_size=1), max_size=8),
    st.lists(st.text(st.characters(blacklist_characters="\0"), min_size=1), max_size=4),
)
def test_strings_joined_by_nuls_hash_as_each(words: list[str], strings: list[str]) -> None:
    # Words and strings that hold spaces, hashed in one pass, as article_features hashes them.
    everything = [*words, *strings]
    joined = "\0".join(everything) + "\0" if everything else ""
    hashed = hashed_joined(joined, "\0")
    assert hashed.hashes().tolist() == string_hashes(everything).tolist()
    head = hashed[: len(words)]
    assert [runs.tolist() for runs in head.runs_of((1, 2, 3))] == [
        runs.tolist() for runs in run_hashes(words)
    ]


@given(st.lists(st.text(st.characters(blacklist_characters="\0"), max_size=3), max_size=10))
def test_hashed_strings_tell_the_strings_longer_than_a_character(strings: list[str]) -> None:
    # Empty strings, one character of one to four bytes (and lone surrogates), and longer ones.
    hashed, longer = hashed_strings("\0".join(strings) + "\0" if strings else "", "\0")
    assert hashed.hashes().tolist() == string_hashes(strings).tolist()
    assert longer.tolist() == [len(string) > 1 for string in strings]


def test_hashed_strings_tell_single_characters_of_every_length() -> None:
    strings = ["a", "é", "€", "😀", "\ud800", "ab", "é€", "a😀", "", "ß"]
    assert hashed_strings("\0".join(strings) + "\0", "\0")[1].tolist() == [
        len(string) > 1 for string in strings
    ]


def _lacked(held: list[int], values: list[int]) -> list[bool]:
    found = HashSet(np.array(held, dtype=np.uint64))
    return found.lacks(np.array(values, dtype=np.uint64)).tolist()


@given(
    st.lists(st.integers(0, 2**64 - 1), max_size=300),
    st.lists(st.integers(0, 2**64 - 1), max_size=50),
)
def test_a_hash_set_lacks_what_it_was_not_given(held: list[int], others: list[int]) -> None:
    values = held + others + [0, 2**64 - 1]
    assert _lacked(held, values) == [value not in set(held) for value in values]


@pytest.mark.parametrize("spread", [1, 2, 8, 40, 60, 64])
def test_a_hash_set_of_hashes_alike_in_their_top_bits(spread: int) -> None:
    # Hashes that differ only in their `spread` lowest bits share places in the tables: up to
    # 40, too many share both places, and the set is searched as a sorted array.
    rng = np.random.default_rng(spread)
    base = int(rng.integers(0, 2**64, dtype=np.uint64))
    held = sorted(
        {base ^ (int(rng.integers(0, 2**64, dtype=np.uint64)) >> (64 - spread)) for _ in range(500)}
    )
    others = [value ^ (1 << k) for value in held[:20] for k in range(64)]
    values = held + others
    assert _lacked(held, values) == [value not in set(held) for value in values]
