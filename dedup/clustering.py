"""Clustering: group the reports of one event, without letting one chance link chain two events.

Exact copies (after folding case and white space) are grouped by hashing first. The remaining
texts are compared only where they share distinctive words (an inverted index gives the
candidates), and grouped by average linkage: two groups merge while the mean similarity of all
their pairs reaches the threshold and no pair across them has conflicting facts.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dedup.features import Features, article_features
from dedup.options import ClusterOptions
from dedup.records import Article, Cluster, Member
from dedup.scoring import TermWeights, Vector, conflicts, evidence, similarity

# Pairs less alike than this are left out of the graph: they count as 0 in the averages.
_FLOOR = 0.05
# Words in more than this share of the texts are too common to propose candidates by.
_COMMON_SHARE = 0.05
_COMMON_MIN = 200


@dataclass
class _Group:
    members: list[int]
    sums: dict[int, float]  # neighbour group -> sum of pair similarities


@dataclass(frozen=True)
class Comparison:
    """The articles of one run, their features, and the similarity of every candidate pair.

    Computed once, it can be grouped at any threshold: only the linkage runs again.
    """

    articles: list[Article]  # in id order
    features: list[Features]
    copies: dict[int, list[int]]  # first text of a set of exact copies -> all its copies
    vectors: dict[int, Vector]
    pairs: dict[tuple[int, int], float]


def cluster_articles(
    articles: Iterable[Article], options: ClusterOptions | None = None
) -> list[Cluster]:
    """Return the clusters of `articles`: one per event, the largest first."""
    options = options or ClusterOptions()
    return clusters_of(compare_articles(articles), options)


def compare_articles(articles: Iterable[Article]) -> Comparison:
    """Return the features of `articles` and the similarities of the pairs worth comparing."""
    ordered = sorted(articles, key=lambda a: a.id)
    features = [article_features(a) for a in ordered]
    copies = _exact_copies(features)
    unique = sorted(copies)
    weights = TermWeights(features[i] for i in unique)
    vectors = {i: weights.vector(features[i]) for i in unique}
    pairs = _similar_pairs(unique, features, vectors)
    return Comparison(ordered, features, copies, vectors, pairs)


def event_groups(comparison: Comparison, options: ClusterOptions) -> list[list[int]]:
    """Return the indexes of the articles of each event, exact copies included, in id order."""
    unique = sorted(comparison.copies)
    groups = _average_linkage(unique, comparison.pairs, comparison.features, options)
    return [sorted(m for head in group for m in comparison.copies[head]) for group in groups]


def clusters_of(comparison: Comparison, options: ClusterOptions) -> list[Cluster]:
    """Return the clusters that `comparison` gives with `options`, the largest first."""
    clusters = [
        _cluster(
            members,
            comparison.articles,
            comparison.features,
            comparison.vectors,
            comparison.copies,
            options,
        )
        for members in event_groups(comparison, options)
    ]
    clusters = [c for c in clusters if c.size >= options.min_size]
    return sorted(clusters, key=lambda c: (-c.size, c.representative))


def _exact_copies(features: Sequence[Features]) -> dict[int, list[int]]:
    """Return each first text of a set of exact copies, with the indexes of all its copies."""
    by_key: dict[str, list[int]] = {}
    for index, item in enumerate(features):
        by_key.setdefault(item.exact_key, []).append(index)
    return {indexes[0]: indexes for indexes in by_key.values()}


def _similar_pairs(
    unique: list[int], features: Sequence[Features], vectors: dict[int, Vector]
) -> dict[tuple[int, int], float]:
    """Return the similarity of every pair that shares a distinctive word and is not unlike."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index in unique:
        for term in vectors[index]:
            postings[term].append(index)
    common = max(_COMMON_MIN, int(_COMMON_SHARE * len(unique)))
    candidates: set[tuple[int, int]] = set()
    for indexes in postings.values():
        if len(indexes) < 2 or len(indexes) > common:
            continue
        for pos, a in enumerate(indexes):
            for b in indexes[pos + 1 :]:
                candidates.add((a, b))
    pairs = {}
    for a, b in candidates:
        value = similarity(features[a], features[b], vectors[a], vectors[b])
        if value >= _FLOOR:
            pairs[(a, b)] = value
    return pairs


def _average_linkage(
    unique: list[int],
    pairs: dict[tuple[int, int], float],
    features: Sequence[Features],
    options: ClusterOptions,
) -> list[list[int]]:
    groups = {i: _Group([i], {}) for i in unique}
    for (a, b), value in pairs.items():
        groups[a].sums[b] = value
        groups[b].sums[a] = value
    heap = [(-value, a, b) for (a, b), value in pairs.items() if value >= options.threshold]
    heapq.heapify(heap)
    forbidden: set[tuple[int, int]] = set()
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups or (a, b) in forbidden:
            continue
        first, second = groups[a], groups[b]
        current = first.sums.get(b, 0.0) / (len(first.members) * len(second.members))
        if abs(current + negative) > 1e-12:
            continue  # a stale entry: the groups changed since it was pushed
        if _conflicting(first.members, second.members, features, options.max_days):
            forbidden.add((a, b))
            continue
        first.members.extend(second.members)
        del groups[b]
        for other, total in second.sums.items():
            if other != a:
                first.sums[other] = first.sums.get(other, 0.0) + total
        first.sums.pop(b, None)
        for other, total in first.sums.items():
            neighbour = groups[other]
            neighbour.sums.pop(b, None)
            neighbour.sums[a] = total
            mean = total / (len(first.members) * len(neighbour.members))
            low, high = min(a, other), max(a, other)
            if mean >= options.threshold and (low, high) not in forbidden:
                heapq.heappush(heap, (-mean, low, high))
    return [sorted(group.members) for _, group in sorted(groups.items())]


def _conflicting(
    first: list[int], second: list[int], features: Sequence[Features], max_days: int
) -> bool:
    return any(conflicts(features[a], features[b], max_days) for a in first for b in second)


def _cluster(
    members: list[int],
    ordered: Sequence[Article],
    features: Sequence[Features],
    vectors: dict[int, Vector],
    copies: dict[int, list[int]],
    options: ClusterOptions,
) -> Cluster:
    head = _representative(members, ordered, options)
    copy_of = {m: h for h, indexes in copies.items() for m in indexes if m in set(members)}
    exact = {m for m in members if len(copies[copy_of[m]]) > 1}
    rep_vector = vectors[copy_of[head]]
    listed = []
    for m in [head, *(m for m in members if m != head)]:
        vector = vectors[copy_of[m]]
        if copy_of[m] == copy_of[head]:
            value = 1.0
        else:
            value = similarity(features[m], features[head], vector, rep_vector)
        explained = None
        if options.explain:
            found = evidence(features[m], features[head], vector, rep_vector, options.max_days)
            explained = found.as_dict()
        article = ordered[m]
        listed.append(
            Member(article.id, article.source, article.date, value, m in exact, explained)
        )
    dates = sorted(date for m in members if (date := ordered[m].date))
    titles = [ordered[m].title for m in [head, *members] if ordered[m].title]
    ids = "\n".join(ordered[m].id for m in members)
    return Cluster(
        cluster="c" + hashlib.blake2b(ids.encode(), digest_size=6).hexdigest(),
        representative=ordered[head].id,
        title=titles[0] if titles else None,
        dates=(dates[0], dates[-1]) if dates else None,
        sources=tuple(sorted({source for m in members if (source := ordered[m].source)})),
        members=tuple(listed),
    )


def _representative(members: list[int], ordered: Sequence[Article], options: ClusterOptions) -> int:
    """Return the member that stands for the cluster, by the rule `options.keep` names.

    longest: the most words; earliest: the first date (undated last); first: the first id. Ties
    go to the first id, so the choice does not depend on input order.
    """
    if options.keep == "longest":
        return min(members, key=lambda m: (-ordered[m].words, ordered[m].id))
    if options.keep == "earliest":
        return min(
            members, key=lambda m: (ordered[m].date is None, ordered[m].date or "", ordered[m].id)
        )
    return min(members, key=lambda m: ordered[m].id)
