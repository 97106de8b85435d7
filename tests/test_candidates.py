"""Tests of dedup.candidates: near copies are proposed, unrelated texts are not, hashes are stable."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dedup import candidates
from dedup.candidates import (
    capped_components,
    components,
    near_copy_pairs,
    shared_key_pairs,
    text_signature,
)

WORDS = [f"w{k}" for k in range(2000)]


def _text(seed: int, length: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(length))


def _edited(text: str, seed: int, share: float = 0.04) -> str:
    rng = random.Random(seed)
    words = text.split()
    for _ in range(int(len(words) * share)):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def test_near_copies_are_proposed_and_unrelated_texts_are_not() -> None:
    texts = [_text(1), _edited(_text(1), 2), _text(3), _text(4), _edited(_text(4), 5)]
    signatures = np.stack([text_signature(t) for t in texts])
    assert near_copy_pairs(signatures).tolist() == [[0, 1], [3, 4]]


def test_an_empty_text_has_a_signature_and_no_partner() -> None:
    signatures = np.stack([text_signature(""), text_signature(_text(1))])
    assert near_copy_pairs(signatures).tolist() == []


def test_signatures_are_the_same_in_another_process() -> None:
    text = _text(7, 50)
    code = (
        "import sys; from dedup.candidates import text_signature; "
        "print(','.join(map(str, text_signature(sys.argv[1]).tolist())))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, text], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == ",".join(map(str, text_signature(text).tolist()))


def test_shared_keys_propose_pairs_up_to_the_cap() -> None:
    docs = np.array([0, 1, 2, 0, 1, 2, 3], dtype=np.int64)
    keys = np.array([5, 5, 5, 9, 9, 7, 7], dtype=np.uint64)
    assert shared_key_pairs(docs, keys, cap=2).tolist() == [[0, 1], [2, 3]]
    assert shared_key_pairs(docs, keys, cap=3).tolist() == [[0, 1], [0, 2], [1, 2], [2, 3]]


def test_components_join_linked_nodes_only() -> None:
    assert components([(5, 6), (1, 2), (2, 3)]) == [[1, 2, 3], [5, 6]]


def test_capped_components_join_strong_links_first_and_stay_small() -> None:
    pairs = np.array([[0, 1], [1, 2], [2, 3], [3, 4]], dtype=np.int64)
    strength = np.array([2.0, 0.1, 2.0, 1.5])
    # 1-2 is the weakest link: joining it would make a component of five.
    assert capped_components(pairs, strength, limit=3) == [[0, 1], [2, 3, 4]]
    assert capped_components(pairs, strength, limit=5) == [[0, 1, 2, 3, 4]]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=50))
def test_distinct_pairs_are_numpys_unique_rows(rows: list[tuple[int, int]]) -> None:
    pairs = np.array(rows, dtype=np.int64).reshape(-1, 2)
    found, counts = candidates._distinct_pairs(pairs)
    if rows:
        expected, expected_counts = np.unique(pairs, axis=0, return_counts=True)
        assert found.tolist() == expected.tolist() and counts.tolist() == expected_counts.tolist()
    else:
        assert found.shape == (0, 2) and not len(counts)
