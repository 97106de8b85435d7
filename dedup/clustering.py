"""Clustering: group the reports of one event, without letting one chance link chain two events.

Exact copies (after folding case and white space) are grouped by hashing first. The remaining
texts are compared only in pairs that candidates.py proposes (near copies by MinHash/LSH, and
articles sharing one of their most distinctive terms); pairs alike enough link articles into
blocks, every pair inside a small block is scored, and each block is grouped by average linkage:
two groups merge while the mean similarity of all their pairs reaches the threshold and no pair
across them has conflicting facts. Blocks are the connected components of the pairs that reach
`block_floor`; as long as the threshold is at least that floor, two blocks could never merge (the
mean over pairs across them is below the threshold), so grouping block by block gives what one
linkage over every scored pair would give.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dedup import candidates
from dedup.features import Features, features_of
from dedup.options import ClusterOptions
from dedup.records import Article, Cluster, Member
from dedup.scoring import TermWeights, Vector, conflicts, evidence, similarity

# Pairs less alike than this are left out of the graph: they count as 0 in the averages.
_FLOOR = 0.05
# An article's this many most distinctive terms are its blocking keys...
BLOCK_TERMS = 24
# ...and a key shared by more than this many articles proposes no pairs (too common to say
# anything, and the pairs it would propose grow as the square of its articles).
BLOCK_CAP = 60
# A group of at most this many reports that linkage left apart may join a larger group...
STRAY_SIZE = 2
# ...whose mean similarity to it reaches this share of the threshold.
STRAY_SHARE = 0.6
# Every pair of a block of up to this many articles is scored, not only the proposed ones.
DENSE_BLOCK = 1000


@dataclass
class _Group:
    members: list[int]
    sums: dict[int, float]  # neighbour group -> sum of pair similarities


@dataclass(frozen=True)
class Entry:
    """What a cluster says of one article: its id and metadata, not its text."""

    id: str
    title: str | None
    date: str | None
    source: str | None
    words: int

    @classmethod
    def of(cls, article: Article) -> Entry:
        return cls(article.id, article.title, article.date, article.source, article.words)


@dataclass(frozen=True)
class Comparison:
    """The articles of one run, their features, and the similarity of every candidate pair.

    Computed once, it can be grouped at any threshold of at least `floor`: only the linkage runs
    again.
    """

    articles: Sequence[Entry] | Mapping[int, Entry]  # in id order
    features: Mapping[int, Features] | Sequence[Features]  # at least those of linked articles
    copies: dict[int, list[int]]  # first text of a set of exact copies -> all its copies
    vectors: Mapping[int, Vector]
    pairs: dict[tuple[int, int], float]
    blocks: list[list[int]]  # first texts linked by pairs of at least `floor`, each sorted
    floor: float = _FLOOR


def cluster_articles(
    articles: Iterable[Article], options: ClusterOptions | None = None
) -> list[Cluster]:
    """Return the clusters of `articles`: one per event, the largest first."""
    options = options or ClusterOptions()
    comparison = compare_articles(articles, options.threshold, names=options.explain)
    return clusters_of(comparison, options)


def compare_articles(
    articles: Iterable[Article], floor: float = _FLOOR, names: bool = False
) -> Comparison:
    """Return the features of `articles` and the similarities of the pairs worth comparing.

    The comparison can be grouped at any threshold of at least `floor`; a higher floor gives
    smaller blocks, and so fewer pairs to score. With `names`, features keep the names of their
    terms, for the evidence of an explained match.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    features = features_of(ordered, names)
    signatures = signature_matrix(f.signature for f in features)
    return compare_features([Entry.of(a) for a in ordered], features, signatures, floor)


def signature_matrix(signatures: Iterable[npt.NDArray[np.uint32]]) -> npt.NDArray[np.uint32]:
    """Return MinHash signatures as one matrix, a row per article (none: zero rows)."""
    rows = list(signatures)
    if not rows:
        return np.empty((0, candidates.PERMUTATIONS), dtype=np.uint32)
    return np.stack(rows)


def compare_features(
    entries: Sequence[Entry],
    features: Sequence[Features],
    signatures: npt.NDArray[np.uint32],
    floor: float = _FLOOR,
) -> Comparison:
    """Return the comparison of articles whose features and MinHash signatures are known."""
    copies = exact_copies(f.exact_key for f in features)
    unique = sorted(copies)
    weights = TermWeights(features[i] for i in unique)
    vectors = {i: weights.vector(features[i]) for i in unique}
    heads = np.array(unique, dtype=np.int64)
    keys = [blocking_keys(vectors[i]) for i in unique]
    proposed = candidate_pairs(heads, signatures[heads], keys)
    pairs = score_pairs(proposed, features, vectors)
    blocks = linked_blocks(pairs, floor)
    fill_blocks(blocks, pairs, features, vectors)
    return Comparison(entries, features, copies, vectors, pairs, blocks, floor)


def blocking_keys(vector: Vector, count: int | None = None) -> list[int]:
    """Return the hashes of the `count` (BLOCK_TERMS) most distinctive terms of a vector."""
    order = np.lexsort((vector.keys, -vector.weights))[: count or BLOCK_TERMS]
    return [int(key) for key in vector.keys[order]]


def candidate_pairs(
    heads: npt.NDArray[np.int64],
    signatures: npt.NDArray[np.uint32],
    keys: Sequence[Sequence[int] | npt.NDArray[np.uint64]],
    cap: int | None = None,
) -> list[tuple[int, int]]:
    """Return the pairs of `heads` proposed by near-copy LSH or by shared blocking keys.

    `signatures[k]` and `keys[k]` belong to the article `heads[k]`; pairs name articles.
    """
    near = candidates.near_copy_pairs(signatures)
    owners = np.repeat(np.arange(len(keys), dtype=np.int64), [len(k) for k in keys])
    flat = np.fromiter(itertools.chain.from_iterable(keys), dtype=np.uint64, count=len(owners))
    shared = candidates.shared_key_pairs(owners, flat, cap or BLOCK_CAP)
    merged = candidates.merge_pairs([near, shared])
    return [(int(a), int(b)) for a, b in heads[merged]] if len(merged) else []


def score_pairs(
    proposed: Iterable[tuple[int, int]],
    features: Mapping[int, Features] | Sequence[Features],
    vectors: Mapping[int, Vector],
) -> dict[tuple[int, int], float]:
    """Return the similarity of each proposed pair (a < b) that is not unlike."""
    pairs = {}
    for a, b in proposed:
        value = similarity(features[a], features[b], vectors[a], vectors[b])
        if value >= _FLOOR:
            pairs[(a, b)] = value
    return pairs


def linked_blocks(pairs: Mapping[tuple[int, int], float], floor: float) -> list[list[int]]:
    """Return the connected components of the pairs of at least `floor`, single nodes left out."""
    return candidates.components(pair for pair, value in pairs.items() if value >= floor)


def fill_blocks(
    blocks: Iterable[list[int]],
    pairs: dict[tuple[int, int], float],
    features: Mapping[int, Features] | Sequence[Features],
    vectors: Mapping[int, Vector],
) -> None:
    """Score every pair of each block of up to DENSE_BLOCK articles that is not scored yet."""
    for block in blocks:
        if len(block) > DENSE_BLOCK:
            continue
        missing = [pair for pair in itertools.combinations(block, 2) if pair not in pairs]
        pairs.update(score_pairs(missing, features, vectors))


def event_groups(comparison: Comparison, options: ClusterOptions) -> list[list[int]]:
    """Return the indexes of the articles of each event, exact copies included, in id order."""
    block_of = {node: k for k, block in enumerate(comparison.blocks) for node in block}
    block_pairs: list[dict[tuple[int, int], float]] = [{} for _ in comparison.blocks]
    for (a, b), value in comparison.pairs.items():
        k = block_of.get(a)
        if k is not None and block_of.get(b) == k:
            block_pairs[k][(a, b)] = value
    groups: list[list[int]] = [[head] for head in comparison.copies if head not in block_of]
    for block, pairs in zip(comparison.blocks, block_pairs, strict=True):
        groups.extend(_average_linkage(block, pairs, comparison.features, options))
    groups = attach_strays(groups, comparison.pairs, comparison.features, options)
    found = [sorted(m for head in group for m in comparison.copies[head]) for group in groups]
    return sorted(found)


def clusters_of(comparison: Comparison, options: ClusterOptions) -> list[Cluster]:
    """Return the clusters that `comparison` gives with `options`, the largest first."""
    copy_of = {m: head for head, indexes in comparison.copies.items() for m in indexes}
    clusters = [
        _cluster(
            members,
            comparison.articles,
            comparison.features,
            comparison.vectors,
            comparison.copies,
            copy_of,
            comparison.pairs,
            options,
        )
        for members in event_groups(comparison, options)
    ]
    clusters = [c for c in clusters if c.size >= options.min_size]
    return sorted(clusters, key=lambda c: (-c.size, c.representative))


def exact_copies(keys: Iterable[str]) -> dict[int, list[int]]:
    """Return each first text of a set of exact copies, with the indexes of all its copies."""
    by_key: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        by_key.setdefault(key, []).append(index)
    return {indexes[0]: indexes for indexes in by_key.values()}


def _average_linkage(
    unique: list[int],
    pairs: dict[tuple[int, int], float],
    features: Mapping[int, Features] | Sequence[Features],
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


def attach_strays(
    groups: list[list[int]],
    pairs: Mapping[tuple[int, int], float],
    features: Mapping[int, Features] | Sequence[Features],
    options: ClusterOptions,
) -> list[list[int]]:
    """Return the groups with each stray report joined to the event it is closest to.

    Average linkage leaves alone a report that is close to some reports of its event but not to
    most of them (a short update, a report from another angle). A group of one or two joins the
    larger group whose mean similarity to it is highest, when that mean reaches STRAY_SHARE of
    the threshold and no pair across them conflicts. Strays join the groups linkage formed, never
    each other, so they cannot chain. Measured on ECB+ (TF-IDF, threshold 0.175): B-cubed F1
    0.931 -> 0.947, ARI 0.900 -> 0.916; the share is flat from 0.5 to 0.7.
    """
    group_of = {member: k for k, group in enumerate(groups) for member in group}
    sizes = [len(group) for group in groups]
    totals: dict[tuple[int, int], float] = {}
    for (a, b), value in pairs.items():
        first, second = group_of.get(a), group_of.get(b)
        if first is None or second is None or first == second:
            continue
        for stray, home in ((first, second), (second, first)):
            if sizes[stray] <= STRAY_SIZE < sizes[home]:
                totals[(stray, home)] = totals.get((stray, home), 0.0) + value
    best: dict[int, tuple[float, int]] = {}
    for (stray, home), total in sorted(totals.items()):
        mean = total / (sizes[stray] * sizes[home])
        if mean >= STRAY_SHARE * options.threshold and mean > best.get(stray, (0.0, -1))[0]:
            best[stray] = (mean, home)
    joined = [list(group) for group in groups]
    for stray, (_, home) in sorted(best.items()):
        if not _conflicting(groups[stray], groups[home], features, options.max_days):
            joined[home].extend(groups[stray])
            joined[stray] = []
    return [sorted(group) for group in joined if group]


def _conflicting(
    first: list[int],
    second: list[int],
    features: Mapping[int, Features] | Sequence[Features],
    max_days: int,
) -> bool:
    return any(conflicts(features[a], features[b], max_days) for a in first for b in second)


def _cluster(
    members: list[int],
    ordered: Sequence[Entry] | Mapping[int, Entry],
    features: Mapping[int, Features] | Sequence[Features],
    vectors: Mapping[int, Vector],
    copies: dict[int, list[int]],
    copy_of: Mapping[int, int],
    pairs: Mapping[tuple[int, int], float],
    options: ClusterOptions,
) -> Cluster:
    head = _representative(members, ordered, options)
    exact = {m for m in members if len(copies[copy_of[m]]) > 1}
    rep = copy_of[head]
    listed = []
    for m in [head, *(m for m in members if m != head)]:
        # Vectors are looked up only when needed: a large run keeps those of linked articles.
        if copy_of[m] == rep:
            value = 1.0
        elif m == copy_of[m] and head == rep and (min(m, head), max(m, head)) in pairs:
            # Two first texts scored already: similarity is symmetric, to the last bit (the
            # same products summed in the same order, rapidfuzz's ratio either way round).
            value = pairs[(min(m, head), max(m, head))]
        else:
            value = similarity(features[m], features[head], vectors[copy_of[m]], vectors[rep])
        explained = None
        if options.explain:
            found = evidence(
                features[m], features[head], vectors[copy_of[m]], vectors[rep], options.max_days
            )
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


def _representative(
    members: list[int], ordered: Sequence[Entry] | Mapping[int, Entry], options: ClusterOptions
) -> int:
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
