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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from dedup.features import ENTITY_MARK, Features

Vector = dict[str, float]

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
# What the word similarity of two texts that name different years is multiplied by.
YEAR_PENALTY = 0.5
# Leads alike in their distinctive words raise the similarity towards LEAD_SHARE of the leads'
# cosine, by at most LEAD_LIFT times (see lead_agreement).
LEAD_SHARE = 0.7
LEAD_LIFT = 1.3
# In a large collection a term must stand in this many texts to count, as min_df=3 in
# scikit-learn: runs of three words are many, and most stand in one or two texts by chance.
MIN_DOCS_PER_TERM = 3


class TermWeights:
    """Inverse document frequencies of the collection's words."""

    def __init__(self, documents: Iterable[Features]) -> None:
        self.df: Counter[str] = Counter()
        self.size = 0
        for features in documents:
            self.size += 1
            self.df.update(features.terms.keys())

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of `term` (smoothed, as scikit-learn's)."""
        return math.log((self.size + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def informative(self, term: str) -> bool:
        """Return whether `term` can tell texts apart: in two texts or more, and not in most."""
        if self.size < MIN_DOCS_FOR_SHARE:
            # Too few texts for document counts to mean much: every term counts.
            return True
        count = self.df.get(term, 0)
        return MIN_DOCS_PER_TERM <= count <= MAX_DOC_SHARE * self.size

    def vector(self, features: Features) -> Vector:
        """Return the unit-length TF-IDF vector of one article, over its informative terms."""
        weights = {
            t: (1.0 + math.log(n)) * self.idf(t)
            for t, n in features.terms.items()
            if self.informative(t)
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(u: Vector, v: Vector) -> float:
    """Return the cosine similarity of two unit vectors."""
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def lead_similarity(a: Features, b: Features) -> float:
    """Return how alike the starts of two bodies are, from 0 to 1 (rapidfuzz ratio)."""
    if not a.lead or not b.lead:
        return 0.0
    return fuzz.ratio(a.lead, b.lead) / 100.0


def similarity(a: Features, b: Features, u: Vector, v: Vector) -> float:
    """Return the similarity of two articles, from 0 to 1.

    Near copies (leads alike by rapidfuzz) count as alike as their leads. Otherwise the word
    similarity is halved when both texts name years and none in common: reports of one event
    share its year, and two events of a series ("the 2008 and the 2013 earthquake") rarely do.
    Measured on ECB+ with TF-IDF over raw text: B-cubed F1 0.922 -> 0.931. Texts whose leads
    cover little of each other count a quarter (lead_coverage); leads that say the same thing
    lift the result (lead_agreement).
    """
    text = cosine(u, v)
    if text >= 0.95:
        return text
    lead = lead_similarity(a, b)
    if lead >= COPY_LEAD_RATIO:
        return max(text, lead)
    if years_disagree(a, b):
        text *= YEAR_PENALTY
    if a.lead_terms and b.lead_terms and lead_coverage(a, b, u, v) < LEAD_GATE:
        text *= LEAD_PENALTY
    return lead_agreement(a, b, u, v, text)


def lead_agreement(a: Features, b: Features, u: Vector, v: Vector, text: float) -> float:
    """Return the similarity `text` raised where the two leads say the same thing.

    Reports of one event open on its facts, whatever angle the rest of the text takes (the news,
    the obituary, the reaction): the cosine of the two leads' distinctive words (headline and
    first sentences) lifts the similarity to LEAD_SHARE of it, by at most LEAD_LIFT times, so
    that a lead alone never joins texts that share little else (a passage reused in a roundup).
    Measured with bench/events.py (threshold 0.2): ECB+ B-cubed F1 0.938 -> 0.945, ARI
    0.910 -> 0.920; leave-topics-out CV (5 folds) mean 0.919 -> 0.937, no fold lower;
    make_corpus 2000 0.990 -> 0.988. Uncapped (the similarity at least 0.7 of the leads'
    cosine): CV mean 0.938 but make_corpus 0.979, where unrelated texts share a lead sentence.
    """
    if not a.lead_terms or not b.lead_terms or text <= 0.0:
        return text
    lead = _leads_cosine(a.lead_terms, b.lead_terms, u, v)
    return max(text, min(LEAD_SHARE * lead, LEAD_LIFT * text))


def _leads_cosine(first: frozenset[str], second: frozenset[str], u: Vector, v: Vector) -> float:
    """Return the cosine of two vectors, each restricted to its own article's lead terms."""
    norm_u = math.sqrt(sum(u[t] * u[t] for t in first if t in u))
    norm_v = math.sqrt(sum(v[t] * v[t] for t in second if t in v))
    if not norm_u or not norm_v:
        return 0.0
    shared = sum(u[t] * v[t] for t in first & second if t in u and t in v)
    return shared / (norm_u * norm_v)


def lead_coverage(a: Features, b: Features, u: Vector, v: Vector) -> float:
    """Return how much of each article's lead the other's words cover (cosine, 0 to 1).

    The smaller of the two directions: the headline and first sentences of a report name its
    event, so two reports of one event each speak of what the other's lead says. Two texts that
    share a passage but open on different stories do not, even when one opens on that passage.
    """
    return min(_restricted_cosine(a.lead_terms, u, v), _restricted_cosine(b.lead_terms, v, u))


def _restricted_cosine(terms: frozenset[str], u: Vector, v: Vector) -> float:
    norm = math.sqrt(sum(u[t] * u[t] for t in terms if t in u))
    if not norm:
        return 0.0
    return sum(u[t] * v.get(t, 0.0) for t in terms if t in u) / norm


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
    shared = sorted(u.keys() & v.keys(), key=lambda t: (-(u[t] * v[t]), t))
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
