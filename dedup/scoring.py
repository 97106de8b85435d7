"""Scoring: how alike two articles are, and whether their facts forbid them one event.

Terms are weighed by how distinctive they are in the collection (TF-IDF with sublinear term
frequency, cosine similarity). Once a collection is large enough for document counts to
mean something, a term found in one text only, which can match nothing, is left out of the vectors
instead of diluting them, and so are terms in more than half the texts, which say nothing about
which event a text reports. The weights are global
statistics: given them, the similarity of two articles is a function of those two articles alone. The start of the two bodies is compared with rapidfuzz, which
catches republished copies whatever their word weights. Conflicting ordinals of one event noun or
publication dates too far apart are hard evidence of two events; a missing fact is no evidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from dedup.features import ENTITY_MARK, Features
from dedup.hashing import string_hashes

# Leads this alike are copies of one text, whatever the rest of the words say.
COPY_LEAD_RATIO = 0.9
# Terms in more than this share of the texts are dropped, once a collection is large enough for
# shares to mean something (in five texts about one meeting, every word is in more than half).
# Measured on ECB+ (bench/events.py): B-cubed F1 0.87 with every term, 0.90 without these.
MAX_DOC_SHARE = 0.5
MIN_DOCS_FOR_SHARE = 20
# Below this lead coverage the word similarity is multiplied by LEAD_PENALTY. B-cubed F1 at
# threshold 0.2, ECB+ (cleaned pipeline) / make_corpus 2000: no gate 0.927 / 0.918; the larger
# direction under 0.1 0.925 / 0.968; the smaller direction under 0.05 0.920 / 0.989.
LEAD_GATE = 0.05
LEAD_PENALTY = 0.25
# Texts whose leads share (almost) no distinctive word and cover little of each other open on
# different stories: their word similarity is halved. On pages of many sites and subjects (the
# 990 of clean-trafilatura) pages on one subject reach the threshold on its words alone (two
# opinion pieces on climate three years apart, two recipes); reports of one event name it in
# their first lines. Measured (bench/events.py defaults): ECB+ B-cubed F1 0.9467 -> 0.9470,
# leave-topics-out CV mean 0.925 -> 0.932, make_corpus 2000 unchanged (0.986);
# clean-trafilatura clusters of two or more 51 -> 42.
LEADS_APART_COVERAGE = 0.15
LEADS_APART = 0.08
LEADS_APART_PENALTY = 0.5
# What the word similarity of two texts that name different years is multiplied by.
YEAR_PENALTY = 0.5
# Leads alike in their distinctive words raise the similarity towards LEAD_SHARE of the leads'
# cosine, by at most LEAD_LIFT times (see lead_agreement).
LEAD_SHARE = 0.7
LEAD_LIFT = 1.3
# In a large collection a term must stand in this many texts to count, as min_df=3 in
# scikit-learn: runs of three words are many, and most stand in one or two texts by chance.
MIN_DOCS_PER_TERM = 3


@dataclass(frozen=True)
class Vector:
    """A unit-length TF-IDF vector: term hashes in ascending order, and their weights.

    The part over the lead's terms (the headline and first sentences) is kept apart, with its
    length, for lead coverage. Arrays rather than a dict of strings: two vectors are compared by
    a binary search of one's keys in the other's, in numpy.
    """

    keys: npt.NDArray[np.uint64]
    weights: npt.NDArray[np.float64]
    lead_keys: npt.NDArray[np.uint64]
    lead_weights: npt.NDArray[np.float64]
    lead_norm: float
    lead: npt.NDArray[np.bool_]  # which of `keys` are the lead's

    @classmethod
    def of(cls, weights: Mapping[str, float], lead_terms: Iterable[str] = ()) -> Vector:
        """Return the vector with these weights (taken as they are) over named terms."""
        keys = string_hashes(list(weights))
        order = np.argsort(keys)
        values = np.fromiter(weights.values(), np.float64, len(weights))[order]
        return cls.from_arrays(keys[order], values, np.sort(string_hashes(list(lead_terms))))

    @classmethod
    def from_arrays(
        cls,
        keys: npt.NDArray[np.uint64],
        weights: npt.NDArray[np.float64],
        lead_keys: npt.NDArray[np.uint64],
    ) -> Vector:
        """Return the vector of these weights by key (ascending), with its part over `lead_keys`."""
        lead = _within(keys, lead_keys)
        lead_weights = weights[lead]
        norm = math.sqrt(float(lead_weights.dot(lead_weights)))
        return cls(keys, weights, keys[lead], lead_weights, norm, lead)

    def __len__(self) -> int:
        return len(self.keys)

    def terms(self, features: Features) -> dict[str, float]:
        """Return the weights by term, named from the features (made with names) of its article."""
        pairs = zip(self.keys.tolist(), self.weights.tolist(), strict=True)
        return {features.names[k]: w for k, w in pairs if k in features.names}


class TermWeights:
    """Document counts of the collection's terms, and the TF-IDF vectors they weigh.

    Counts are exact (from the articles given) or read from a table indexed by the top bits of
    a term's hash (`from_table`: a large run, where two terms may share a slot and memory does
    not grow with the vocabulary).
    """

    def __init__(self, documents: Iterable[Features]) -> None:
        hashes = [features.term_keys for features in documents]
        self.size = len(hashes)
        flat = np.concatenate(hashes) if hashes else np.empty(0, np.uint64)
        self._keys, counts = np.unique(flat, return_counts=True)
        self._counts = counts.astype(np.float64)
        self._table: npt.NDArray[np.uint32] | None = None
        self._shift = np.uint64(0)

    @classmethod
    def from_table(cls, table: npt.NDArray[np.uint32], size: int) -> TermWeights:
        """Return the weights of a collection of `size` texts whose counts are in `table`."""
        weights = cls([])
        weights.size = size
        weights._table = table
        weights._shift = np.uint64(64 - int(math.log2(len(table))))
        return weights

    def document_counts(self, hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.float64]:
        """Return the number of texts that hold each term."""
        if self._table is not None:
            return self._table[(hashes >> self._shift).astype(np.int64)].astype(np.float64)
        if not len(self._keys):
            return np.zeros(len(hashes))
        at = np.minimum(np.searchsorted(self._keys, hashes), len(self._keys) - 1)
        return np.where(self._keys[at] == hashes, self._counts[at], 0.0)

    def informative(self, counts: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Return which terms, by document count, can tell texts apart: in two texts or more,
        and not in most."""
        if self.size < MIN_DOCS_FOR_SHARE:
            # Too few texts for document counts to mean much: every term counts.
            return np.ones(len(counts), dtype=bool)
        return (counts >= MIN_DOCS_PER_TERM) & (counts <= MAX_DOC_SHARE * self.size)

    def vector(self, features: Features) -> Vector:
        """Return the unit-length TF-IDF vector of one article, over its informative terms.

        Sublinear term frequency times smoothed inverse document frequency, as scikit-learn's.
        """
        keys = features.term_keys
        counts = self.document_counts(keys)
        keep = self.informative(counts)
        idf = np.log((self.size + 1) / (counts[keep] + 1)) + 1.0
        weights = (1.0 + np.log(features.term_counts[keep])) * idf
        norm = math.sqrt(float(weights.dot(weights))) or 1.0
        return Vector.from_arrays(keys[keep], weights / norm, features.lead_keys)


def _within(
    keys: npt.NDArray[np.uint64], sorted_keys: npt.NDArray[np.uint64]
) -> npt.NDArray[np.bool_]:
    """Return which of `keys` (ascending and distinct, a vector's) stand in `sorted_keys`
    (ascending): np.isin by a binary search.

    The few keys of a lead are searched among the article's hundreds, rather than the other way:
    the search's work goes with the keys searched (6,084 vectors of c10000's grouping: half
    the time of `from_arrays`). A key of `keys` stands in `sorted_keys` when one of those lands
    on it, and keys being distinct, the search finds it.
    """
    found = np.zeros(len(keys), dtype=bool)
    if len(keys) and len(sorted_keys):
        at = keys.searchsorted(sorted_keys)
        # A key past the last is clipped to the last, which it is not equal to (as `_dot`).
        hit = keys.take(at, mode="clip") == sorted_keys
        found[at[hit]] = True
    return found


def cosine(u: Vector, v: Vector) -> float:
    """Return the cosine similarity of two unit vectors."""
    return _dot(u.keys, u.weights, v.keys, v.weights)


def _dot(
    keys: npt.NDArray[np.uint64],
    weights: npt.NDArray[np.float64],
    other_keys: npt.NDArray[np.uint64],
    other_weights: npt.NDArray[np.float64],
) -> float:
    """Return the dot product of two sparse vectors given by sorted keys and their weights."""
    if not len(keys) or not len(other_keys):
        return 0.0
    if len(keys) > len(other_keys):  # search the shorter one's keys in the longer
        keys, weights, other_keys, other_weights = other_keys, other_weights, keys, weights
    at = other_keys.searchsorted(keys)  # the method: np.searchsorted's wrapper costs as much
    # A key past the last is clipped to the last, which it is not equal to: one call where
    # setting those positions apart and then indexing took three.
    hit = other_keys.take(at, mode="clip") == keys
    return float(weights[hit].dot(other_weights[at[hit]]))


def lead_similarity(a: Features, b: Features, at_least: float = 0.0) -> float:
    """Return how alike the starts of two bodies are, from 0 to 1 (rapidfuzz ratio); 0 for any
    value under `at_least`."""
    if not a.lead or not b.lead:
        return 0.0
    return fuzz.ratio(a.lead, b.lead, score_cutoff=100.0 * at_least) / 100.0


def similarity(a: Features, b: Features, u: Vector, v: Vector) -> float:
    """Return the similarity of two articles, from 0 to 1.

    Near copies (leads alike by rapidfuzz) count as alike as their leads. Otherwise the word
    similarity is halved when both texts name years and none in common: reports of one event
    share its year, and two events of a series ("the 2008 and the 2013 earthquake") rarely do.
    Measured on ECB+ with TF-IDF over raw text: B-cubed F1 0.922 -> 0.931. Texts whose leads
    cover little of each other count a quarter (lead_coverage), a half when their leads also
    share next to no word; leads that say the same thing lift the result (lead_agreement).
    """
    shared = _Shared.of(u, v)
    text = shared.cosine()
    if text >= 0.95:
        return text
    # Only a ratio of COPY_LEAD_RATIO or more counts: told so, rapidfuzz bounds its work (full
    # ratios were a sixth of scoring's time; a call now takes a fifth less). The cutoff is a
    # little lower so that a ratio whose division rounds up to the ratio still counts.
    lead = lead_similarity(a, b, at_least=COPY_LEAD_RATIO - 0.001)
    if lead >= COPY_LEAD_RATIO:
        return max(text, lead)
    if years_disagree(a, b):
        text *= YEAR_PENALTY
    leads = None  # the leads' cosine, computed once when needed
    if len(a.lead_keys) and len(b.lead_keys):
        coverage = shared.lead_coverage()
        if coverage < LEAD_GATE:
            text *= LEAD_PENALTY
        elif coverage < LEADS_APART_COVERAGE:
            leads = shared.leads_cosine()
            if leads < LEADS_APART:
                text *= LEADS_APART_PENALTY
    if leads is None and len(a.lead_keys) and len(b.lead_keys) and text > 0.0:
        leads = shared.leads_cosine()  # lead_agreement's, from the shared terms
    return lead_agreement(a, b, u, v, text, leads)


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which took 2 us of
# the 25 a pair's similarity cost; slots, as one is made for every pair scored.
@dataclass(slots=True)
class _Shared:
    """The terms two vectors u and v share, in ascending order: the weights of each over them,
    and which of them are in each one's lead.

    `similarity` takes up to four dot products of the two vectors (the whole texts, each lead
    with the other text, the two leads): each is one of these products restricted to some of
    the shared terms, found once by a binary search and then restricted by masks (a search for
    each product took half as many calls of numpy again: scoring the pairs of c10000's blocks,
    1.06 -> 0.82 s). The sums are those of `_dot`: the same products, ascending by key, summed
    by the same dot product.
    """

    mine: npt.NDArray[np.float64]
    theirs: npt.NDArray[np.float64]
    my_lead: npt.NDArray[np.bool_]
    their_lead: npt.NDArray[np.bool_]
    my_norm: float
    their_norm: float

    @classmethod
    def of(cls, u: Vector, v: Vector) -> _Shared:
        if not len(u.keys) or not len(v.keys):
            none = np.empty(0)
            return cls(none, none, none.astype(bool), none.astype(bool), u.lead_norm, v.lead_norm)
        short, long = (v, u) if len(u.keys) > len(v.keys) else (u, v)  # as _dot searches
        at = long.keys.searchsorted(short.keys)
        # The positions of the hits, taken once: indexing by a mask costs about 1 us a call,
        # by positions a third of that, and the mask indexed three arrays.
        hit = (long.keys.take(at, mode="clip") == short.keys).nonzero()[0]
        found = at.take(hit)
        weights = (short.weights.take(hit), long.weights.take(found))
        leads = (short.lead.take(hit), long.lead.take(found))
        if short is v:
            weights, leads = weights[::-1], leads[::-1]
        return cls(*weights, *leads, u.lead_norm, v.lead_norm)

    def cosine(self) -> float:
        """Return `cosine(u, v)`."""
        # Products by the arrays' .dot, here and throughout: the same BLAS ddot as `@` (the
        # same sums, to the bit), without matmul's dispatch as a ufunc, which took 1 of the
        # 2 us a product of a few dozen terms cost.
        return float(self.mine.dot(self.theirs))

    def lead_coverage(self) -> float:
        """Return `lead_coverage` of u and v: the smaller of each lead's cosine with the other."""
        mine = float(self.mine[self.my_lead].dot(self.theirs[self.my_lead]))
        theirs = float(self.mine[self.their_lead].dot(self.theirs[self.their_lead]))
        return min(
            mine / self.my_norm if self.my_norm else 0.0,
            theirs / self.their_norm if self.their_norm else 0.0,
        )

    def leads_cosine(self) -> float:
        """Return `leads_cosine(u, v)`."""
        if not self.my_norm or not self.their_norm:
            return 0.0
        both = self.my_lead & self.their_lead
        shared = float(self.mine[both].dot(self.theirs[both]))
        return shared / (self.my_norm * self.their_norm)


def lead_agreement(
    a: Features, b: Features, u: Vector, v: Vector, text: float, leads: float | None = None
) -> float:
    """Return the similarity `text` raised where the two leads say the same thing.

    Reports of one event open on its facts, whatever angle the rest of the text takes (the news,
    the obituary, the reaction): the cosine of the two leads' distinctive words (headline and
    first sentences) lifts the similarity to LEAD_SHARE of it, by at most LEAD_LIFT times, so
    that a lead alone never joins texts that share little else (a passage reused in a roundup).
    Measured with bench/events.py (threshold 0.2): ECB+ B-cubed F1 0.938 -> 0.945, ARI
    0.910 -> 0.920; leave-topics-out CV (5 folds) mean 0.919 -> 0.937, no fold lower;
    make_corpus 2000 0.990 -> 0.988. Uncapped (the similarity at least 0.7 of the leads'
    cosine): CV mean 0.938 but make_corpus 0.979, where unrelated texts share a lead sentence.
    `leads` is the leads' cosine when the caller has it already.
    """
    if not len(a.lead_keys) or not len(b.lead_keys) or text <= 0.0:
        return text
    if leads is None:
        leads = leads_cosine(u, v)
    return max(text, min(LEAD_SHARE * leads, LEAD_LIFT * text))


def leads_cosine(u: Vector, v: Vector) -> float:
    """Return the cosine of the lead parts of two vectors (each over its own lead's terms)."""
    if not u.lead_norm or not v.lead_norm:
        return 0.0
    shared = _dot(u.lead_keys, u.lead_weights, v.lead_keys, v.lead_weights)
    return shared / (u.lead_norm * v.lead_norm)


def lead_coverage(a: Features, b: Features, u: Vector, v: Vector) -> float:
    """Return how much of each article's lead the other's words cover (cosine, 0 to 1).

    The smaller of the two directions: the headline and first sentences of a report name its
    event, so two reports of one event each speak of what the other's lead says. Two texts that
    share a passage but open on different stories do not, even when one opens on that passage.
    `u` and `v` are the vectors of `a` and `b`, whose lead parts they carry.
    """
    return min(_lead_cosine(u, v), _lead_cosine(v, u))


def _lead_cosine(u: Vector, v: Vector) -> float:
    """Return the cosine of `u`'s lead part with `v`."""
    if not u.lead_norm:
        return 0.0
    return _dot(u.lead_keys, u.lead_weights, v.keys, v.weights) / u.lead_norm


def years_disagree(a: Features, b: Features) -> bool:
    """Return whether both articles name years and share none of them."""
    return bool(a.years and b.years and not a.years & b.years)


def conflicts(a: Features, b: Features, max_days: int) -> list[str]:
    """Return the facts that say two articles report different events (empty when none).

    An ordinal conflicts when both articles give the same noun ordinals and none is shared
    ("8th meeting" against "9th meeting"); dates conflict when both are known and further apart
    than `max_days`. A fact that either article lacks is no evidence either way.
    """
    found = []
    for noun in a.ordinals.keys() & b.ordinals.keys():
        mine, theirs = a.ordinals[noun], b.ordinals[noun]
        if not mine & theirs:
            found.append(f"{noun}: {_listed(mine)} vs {_listed(theirs)}")
    if a.published and b.published:
        gap = abs((a.published - b.published).days)
        if gap > max_days:
            found.append(f"published {gap} days apart (more than {max_days})")
    return found


def _listed(values: frozenset[int]) -> str:
    return "/".join(_ordinal(v) for v in sorted(values))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Evidence:
    """Why two articles were judged one event or not."""

    similarity: float
    text_similarity: float
    lead_similarity: float
    lead_coverage: float
    shared_terms: tuple[str, ...]
    shared_entities: tuple[str, ...]
    date_gap_days: int | None
    event_day_gap_days: int | None
    shared_ordinals: tuple[str, ...]
    conflicts: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "similarity": round(self.similarity, 4),
            "text_similarity": round(self.text_similarity, 4),
            "lead_similarity": round(self.lead_similarity, 4),
            "lead_coverage": round(self.lead_coverage, 4),
            "shared_terms": list(self.shared_terms),
            "shared_entities": list(self.shared_entities),
            "date_gap_days": self.date_gap_days,
            "event_day_gap_days": self.event_day_gap_days,
            "shared_ordinals": list(self.shared_ordinals),
            "conflicts": list(self.conflicts),
        }


def evidence(
    a: Features, b: Features, u: Vector, v: Vector, max_days: int, terms: int = 8
) -> Evidence:
    """Return the evidence for and against two articles being one event."""
    mine, theirs = u.terms(a), v.terms(b)
    shared = sorted(mine.keys() & theirs.keys(), key=lambda t: (-(mine[t] * theirs[t]), t))
    words = [t for t in shared if not t.startswith(ENTITY_MARK)][:terms]
    entities = [t[len(ENTITY_MARK) :] for t in shared if t.startswith(ENTITY_MARK)][:terms]
    gap = abs((a.published - b.published).days) if a.published and b.published else None
    day_gaps = [abs((x - y).days) for x in a.event_days for y in b.event_days]
    ordinals = [
        f"{_listed(a.ordinals[noun] & b.ordinals[noun])} {noun}"
        for noun in sorted(a.ordinals.keys() & b.ordinals.keys())
        if a.ordinals[noun] & b.ordinals[noun]
    ]
    return Evidence(
        similarity=similarity(a, b, u, v),
        text_similarity=cosine(u, v),
        lead_similarity=lead_similarity(a, b),
        lead_coverage=lead_coverage(a, b, u, v),
        shared_terms=tuple(words),
        shared_entities=tuple(entities),
        date_gap_days=gap,
        event_day_gap_days=min(day_gaps) if day_gaps else None,
        shared_ordinals=tuple(ordinals),
        conflicts=tuple(conflicts(a, b, max_days)),
    )
