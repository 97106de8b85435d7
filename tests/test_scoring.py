"""Tests of dedup.scoring: conflicts, and no evidence from missing facts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.features import Features
from dedup.scoring import (
    LEAD_LIFT,
    LEAD_PENALTY,
    LEAD_SHARE,
    LEADS_APART_PENALTY,
    YEAR_PENALTY,
    TermWeights,
    Vector,
    _Shared,
    _within,
    conflicts,
    cosine,
    evidence,
    lead_agreement,
    lead_coverage,
    leads_cosine,
    similarity,
    years_disagree,
)


def _features(
    id: str = "a",
    published: dt.date | None = None,
    ordinals: dict[str, frozenset[int]] | None = None,
    terms: dict[str, int] | None = None,
    years: frozenset[int] = frozenset(),
    lead_terms: frozenset[str] = frozenset(),
) -> Features:
    return Features.of_terms(
        id,
        terms or {"meeting": 1},
        lead_terms,
        published=published,
        ordinals=ordinals or {},
        years=years,
        words=1,
    )


def test_conflicting_ordinals_of_one_noun() -> None:
    a = _features(ordinals={"meeting": frozenset({8})})
    b = _features(ordinals={"meeting": frozenset({9})})
    assert conflicts(a, b, 7) == ["meeting: 8th vs 9th"]


def test_shared_ordinal_is_no_conflict() -> None:
    a = _features(ordinals={"meeting": frozenset({8, 9})})
    b = _features(ordinals={"meeting": frozenset({9})})
    assert conflicts(a, b, 7) == []


def test_dates_too_far_apart_conflict() -> None:
    a = _features(published=dt.date(2021, 1, 1))
    b = _features(published=dt.date(2021, 3, 1))
    assert conflicts(a, b, 7) == ["published 59 days apart (more than 7)"]
    assert conflicts(a, b, 90) == []


def test_missing_facts_are_no_evidence() -> None:
    dated = _features(published=dt.date(2021, 1, 1), ordinals={"meeting": frozenset({8})})
    bare = _features()
    assert conflicts(dated, bare, 0) == []
    meeting = Vector.of({"meeting": 1.0})
    found = evidence(dated, bare, meeting, meeting, 7)
    assert found.date_gap_days is None
    assert found.conflicts == ()


def test_rare_and_common_terms_are_left_out_of_large_collections() -> None:
    documents = [_features(str(i), terms={"common": 1, f"only{i}": 1}) for i in range(30)]
    documents += [_features("x", terms={"pair": 1}), _features("y", terms={"pair": 1})]
    documents += [_features(c, terms={"triple": 1}) for c in "abc"]
    weights = TermWeights(documents)
    kept = [set(weights.vector(d).terms(d)) for d in documents]
    assert kept[0] == set()  # "common" is in most texts, "only0" in one
    assert kept[30] == set()  # "pair" is in two texts only
    assert kept[-1] == {"triple"}


def test_years_that_disagree_halve_the_word_similarity() -> None:
    a = _features("a", terms={"quake": 1}, years=frozenset({2008}))
    b = _features("b", terms={"quake": 1}, years=frozenset({2013}))
    c = _features("c", terms={"quake": 1})
    u = Vector.of({"quake": 1.0})
    assert similarity(a, c, u, u) == pytest.approx(1.0)  # a missing year is no evidence
    assert years_disagree(a, b)
    lead_free = similarity(
        a, b, Vector.of({"quake": 0.8, "x": 0.6}), Vector.of({"quake": 0.8, "y": 0.6})
    )
    assert lead_free == pytest.approx(0.64 * YEAR_PENALTY)


def test_evidence_lists_shared_entities_apart_from_words() -> None:
    terms = {"@red sox": 0.6, "offer": 0.8}
    u = Vector.of(terms)
    article = _features(terms={term: 1 for term in terms})
    found = evidence(article, article, u, u, 7)
    assert found.shared_entities == ("red sox",)
    assert found.shared_terms == ("offer",)


def test_lead_coverage_gates_texts_that_open_on_different_stories() -> None:
    lead_a, lead_b = frozenset({"quake", "iran"}), frozenset({"remote", "harmony"})
    a = _features("a", terms={"quake": 1, "iran": 1, "remote": 1}, lead_terms=lead_a)
    b = _features("b", terms={"remote": 1}, lead_terms=lead_b)
    u = Vector.of({"quake": 0.6, "iran": 0.6, "remote": 0.529}, lead_a)
    v = Vector.of({"remote": 0.8, "harmony": 0.6}, lead_b)
    # b's lead is covered by a's words through "remote", but a's lead not at all by b's.
    assert lead_coverage(a, b, u, v) == 0.0
    assert lead_coverage(b, a, v, u) == 0.0
    assert similarity(a, b, u, v) == pytest.approx(cosine(u, v) * LEAD_PENALTY)
    lead_both = frozenset({"quake", "remote"})
    both = _features("a", terms={"quake": 1, "iran": 1, "remote": 1}, lead_terms=lead_both)
    w = Vector.of({"quake": 0.6, "iran": 0.6, "remote": 0.529}, lead_both)
    assert lead_coverage(both, b, w, v) == pytest.approx(0.8 * 0.529)  # b towards a
    assert similarity(both, b, w, v) == pytest.approx(cosine(w, v))


def test_texts_whose_leads_share_no_word_and_cover_little_count_half() -> None:
    # Two pieces on one subject: each lead is covered a little by the other's words ("climate"
    # in a's lead, "warming" in b's), but the leads share no word: they open on different stories.
    lead_a, lead_b = frozenset({"climate", "deal"}), frozenset({"warming", "record"})
    a = _features("a", terms={"climate": 1, "deal": 1, "warming": 1}, lead_terms=lead_a)
    b = _features("b", terms={"warming": 1, "record": 1, "climate": 1}, lead_terms=lead_b)
    u = Vector.of({"climate": 0.3, "deal": 0.9, "warming": 0.3}, lead_a)
    v = Vector.of({"warming": 0.3, "record": 0.9, "climate": 0.3}, lead_b)
    assert 0.05 < lead_coverage(a, b, u, v) < 0.15
    assert similarity(a, b, u, v) == pytest.approx(cosine(u, v) * LEADS_APART_PENALTY)
    # The same texts with a lead word in common are left as they are.
    shared = frozenset({"warming", "climate"})
    c = _features("c", terms={"warming": 1, "record": 1, "climate": 1}, lead_terms=shared)
    w = Vector.of({"warming": 0.3, "record": 0.9, "climate": 0.3}, shared)
    assert similarity(a, c, u, w) >= cosine(u, w)


def test_leads_that_agree_lift_the_similarity_by_at_most_the_lift() -> None:
    lead = frozenset({"quake", "qeshm"})
    a = _features("a", terms={"quake": 1, "qeshm": 1, "x": 1}, lead_terms=lead)
    b = _features("b", terms={"quake": 1, "qeshm": 1, "y": 1}, lead_terms=lead)
    u = Vector.of({"quake": 0.3, "qeshm": 0.3, "x": 0.906}, lead)
    v = Vector.of({"quake": 0.3, "qeshm": 0.3, "y": 0.906}, lead)
    # The leads are the same words: their cosine is 1, so only the cap holds the lift.
    assert similarity(a, b, u, v) == pytest.approx(LEAD_LIFT * cosine(u, v))


def test_the_lift_goes_no_higher_than_a_share_of_the_leads_cosine() -> None:
    lead_a, lead_b = frozenset({"quake", "x"}), frozenset({"quake", "y"})
    a = _features("a", terms={"quake": 1, "x": 1}, lead_terms=lead_a)
    b = _features("b", terms={"quake": 1, "y": 1}, lead_terms=lead_b)
    u = Vector.of({"quake": 0.6, "x": 0.8}, lead_a)
    v = Vector.of({"quake": 0.6, "y": 0.8}, lead_b)
    # The leads' cosine is the texts' (0.36): a share of it lifts a lower similarity, no more.
    assert lead_agreement(a, b, u, v, 0.3) == pytest.approx(0.3)
    assert lead_agreement(a, b, u, v, 0.2) == pytest.approx(LEAD_SHARE * 0.36)


def test_a_missing_lead_lifts_nothing() -> None:
    bare = _features("a", terms={"quake": 1})
    led = _features("b", terms={"quake": 1}, lead_terms=frozenset({"quake"}))
    u, w = Vector.of({"quake": 1.0}), Vector.of({"quake": 1.0}, {"quake"})
    assert lead_agreement(bare, led, u, w, 0.1) == pytest.approx(0.1)
    assert lead_agreement(led, led, w, w, 0.0) == 0.0


_TERMS = st.sampled_from(["vote", "storm", "senate", "mayor", "fire", "flood", "court", "@paris"])


@given(
    st.dictionaries(_TERMS, st.floats(0.01, 5.0), max_size=8),
    st.dictionaries(_TERMS, st.floats(0.01, 5.0), max_size=8),
    st.frozensets(_TERMS),
    st.frozensets(_TERMS),
)
def test_shared_terms_give_the_products_of_each_search(
    mine: dict[str, float],
    theirs: dict[str, float],
    my_lead: frozenset[str],
    their_lead: frozenset[str],
) -> None:
    # similarity's dot products from one search of the shared terms, and each from its own.
    u, v = Vector.of(mine, my_lead), Vector.of(theirs, their_lead)
    shared = _Shared.of(u, v)
    a = _features("a", lead_terms=my_lead)
    assert shared.cosine() == cosine(u, v)
    assert shared.lead_coverage() == lead_coverage(a, a, u, v)
    assert shared.leads_cosine() == leads_cosine(u, v)


@given(
    st.lists(st.integers(0, 60), max_size=40),
    st.lists(st.integers(0, 60), max_size=20),
)
def test_within_is_isin(keys: list[int], lead: list[int]) -> None:
    # The lead's keys are searched among the vector's: the same answer as np.isin.
    mine = np.unique(np.array(keys, dtype=np.uint64))
    theirs = np.sort(np.array(lead, dtype=np.uint64))
    assert np.array_equal(_within(mine, theirs), np.isin(mine, theirs))
