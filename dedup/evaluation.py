"""Evaluation: score a clustering against gold event labels, and calibrate the threshold.

The metrics are those of the benchmark scorer (bench/score_clusters.py in the shared kit):
B-cubed precision/recall/F1, pairwise precision/recall/F1 and the adjusted Rand index. This
module computes the same numbers from contingency counts, so scoring a million documents takes
one pass over them instead of one set intersection per document or one check per pair.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dedup.errors import GoldError, InputError

GOLD_ID_COLUMN = "doc_id"
GOLD_EVENT_COLUMN = "event"

# Keys under which a cluster object lists its members, and a member object names its document,
# in the order the scorer tries them.
_MEMBER_KEYS = ("members", "documents", "articles")
_ID_KEYS = ("id", "path", "doc_id")

# Eighths of a character cell, for the top of a column in the plot.
_BLOCKS = " ▁▂▃▄▅▆▇█"
_BEST_MARK = "▲"


def stem(identifier: str) -> str:
    """Return the file name of `identifier` without folders and without its last extension.

    This is how the scorer matches ids, so "a/b/001_x.txt", "001_x.txt" and "001_x" are the same
    document. Only the last extension goes: the stem of "x.tar.gz" is "x.tar".
    """
    return os.path.splitext(os.path.basename(str(identifier)))[0]


def load_gold(path: str) -> dict[str, str]:
    """Return the gold labels of a CSV file with columns doc_id and event, as {stem: event}.

    Other columns are ignored. When a document is listed twice, its last row wins, as in the
    scorer. Raises GoldError naming the file when it cannot be read, is empty, lacks a column,
    or has a row without a doc_id or an event.
    """
    try:
        # utf-8-sig: a byte order mark (spreadsheet exports) would otherwise be part of the
        # first column's name, and the doc_id column would seem to be missing.
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames
            if not columns:
                raise GoldError(f"{path}: the gold labels file is empty")
            missing = [c for c in (GOLD_ID_COLUMN, GOLD_EVENT_COLUMN) if c not in columns]
            if missing:
                raise GoldError(
                    f"{path}: no column {' or '.join(repr(c) for c in missing)} "
                    f"(the columns are {', '.join(repr(c) for c in columns)})"
                )
            gold: dict[str, str] = {}
            for row in reader:
                doc_id, event = row.get(GOLD_ID_COLUMN), row.get(GOLD_EVENT_COLUMN)
                if not doc_id or not doc_id.strip() or event is None or not event.strip():
                    raise GoldError(
                        f"{path}, line {reader.line_num}: a row without a doc_id or an event"
                    )
                gold[stem(doc_id)] = event
    except OSError as err:
        raise GoldError(f"{path}: cannot read the gold labels file ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: the gold labels file is not UTF-8 text") from err
    except csv.Error as err:
        raise GoldError(f"{path}: not a valid CSV file ({err})") from err
    if not gold:
        raise GoldError(f"{path}: the gold labels file has a header but no rows")
    return gold


def load_predicted(path: str) -> list[list[str]]:
    """Return the clusters of a prediction file, each a list of member stems.

    The file holds JSON lines (one cluster a line) or one JSON value: an array of clusters, an
    object {"clusters": [...]}, or a single cluster object. A cluster is an array of members or
    an object listing them under "members", "documents" or "articles"; a member is a string (an
    id or a path) or an object with an "id", "path" or "doc_id" field. An empty file holds no
    clusters. Raises InputError naming the file when it cannot be read or is not of this shape.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as err:
        raise InputError(f"{path}: cannot read the predicted clusters ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: the predicted clusters are not UTF-8 text") from err
    return _parse_predicted(text, path)


def _parse_predicted(text: str, source: str) -> list[list[str]]:
    """Return the clusters that the prediction `text` holds; `source` names it in errors."""
    text = text.strip()
    if not text:
        return []
    items: Any
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # Not one JSON value, so JSON lines: each non-blank line is a cluster.
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise InputError(
                        f"{source}, line {number}: neither JSON lines nor one JSON value "
                        f"({err.msg})"
                    ) from err
    else:
        if isinstance(data, list):
            items = data
        elif isinstance(data, dict):
            # The scorer takes an object without "clusters" as a single cluster.
            items = data.get("clusters", [data])
            if not isinstance(items, list):
                raise InputError(f'{source}: "clusters" is not an array')
        else:
            raise InputError(f"{source}: expected clusters, found a JSON {type(data).__name__}")
    return [_cluster_ids(item, source, number) for number, item in enumerate(items, start=1)]


def _cluster_ids(item: Any, source: str, number: int) -> list[str]:
    """Return the member stems of the `number`th cluster of `source`."""
    if isinstance(item, dict):
        # `or`, not a key test: the scorer moves on from an empty or null list the same way.
        members: Any = next((item[k] for k in _MEMBER_KEYS if item.get(k)), [])
    else:
        members = item
    if not isinstance(members, list):
        raise InputError(f"{source}: cluster {number} is not a list of members")
    ids: list[str] = []
    for member in members:
        if isinstance(member, dict):
            member = next((member[k] for k in _ID_KEYS if member.get(k) is not None), None)
        # Numbers are ids too (the scorer stems their text); anything else is a mistake that
        # the scorer would turn into a document called "None" or "True".
        if isinstance(member, bool) or not isinstance(member, (str, int)):
            raise InputError(
                f"{source}: cluster {number} has a member without an id, path or doc_id"
            )
        ids.append(stem(str(member)))
    return ids


@dataclass(frozen=True)
class Scores:
    """How well a clustering matches the gold events; the ratios are not rounded."""

    docs: int
    gold_events: int
    pred_clusters: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pair_p: float
    pair_r: float
    pair_f1: float
    ari: float

    def as_dict(self) -> dict[str, float | int]:
        """Return the scores keyed and ordered as the scorer prints them, ratios to 4 places."""
        return {
            "docs": self.docs,
            "gold_events": self.gold_events,
            "pred_clusters": self.pred_clusters,
            "bcubed_p": round(self.bcubed_p, 4),
            "bcubed_r": round(self.bcubed_r, 4),
            "bcubed_f1": round(self.bcubed_f1, 4),
            "pair_p": round(self.pair_p, 4),
            "pair_r": round(self.pair_r, 4),
            "pair_f1": round(self.pair_f1, 4),
            "ari": round(self.ari, 4),
        }


def _pairs(n: int) -> float:
    """Return the number of unordered pairs among `n` items, as the scorer's float."""
    return n * (n - 1) / 2


def score_clustering(gold: dict[str, str], clusters: list[list[str]]) -> Scores:
    """Return the scores of `clusters` against the gold events {doc id: event}.

    Ids are compared as given, as the scorer's score() does: load_gold and load_predicted have
    already reduced both sides to stems (stemming again would not be harmless, since the stem
    of "x.tar" is "x"). Only the gold documents are scored: a gold document that no cluster
    names is a singleton, a predicted id outside the gold is ignored, and a document named by
    several clusters belongs to the last. Raises ValueError when `gold` is empty.
    """
    if not gold:
        raise ValueError("no gold documents to score against")
    pred: dict[str, int] = {}
    for label, ids in enumerate(clusters):
        for doc in ids:
            if doc in gold:
                pred[doc] = label
    fresh = len(clusters)
    for doc in gold:
        if doc not in pred:
            pred[doc] = fresh
            fresh += 1

    # In the scorer, |pred cluster of d ∩ gold event of d| is the contingency count of the
    # pair (event, cluster); the sizes of events and clusters are the margins. Counter() over
    # an iterable counts in C, faster than `+= 1` per document.
    events = list(gold.values())
    labels = [pred[doc] for doc in gold]
    cells = Counter(zip(events, labels, strict=True))
    event_sizes = Counter(events)
    cluster_sizes = Counter(labels)

    n = len(gold)
    # Summed per document in gold order, as the scorer does, so that the floats are the same
    # bit for bit and round to the same 4 places.
    precision_sum = 0.0
    recall_sum = 0.0
    for event, label in zip(events, labels, strict=True):
        overlap = cells[event, label]
        precision_sum += overlap / cluster_sizes[label]
        recall_sum += overlap / event_sizes[event]
    bcubed_p = precision_sum / n
    bcubed_r = recall_sum / n
    bcubed_f1 = _f1(bcubed_p, bcubed_r)

    together = sum(_pairs(c) for c in cells.values())
    pred_pairs = sum(_pairs(c) for c in cluster_sizes.values())
    gold_pairs = sum(_pairs(c) for c in event_sizes.values())
    # No pairs predicted (or in the gold) means no wrong (or missed) pair.
    pair_p = together / pred_pairs if pred_pairs else 1.0
    pair_r = together / gold_pairs if gold_pairs else 1.0

    all_pairs = _pairs(n)
    expected = pred_pairs * gold_pairs / all_pairs if all_pairs else 0.0
    mean_pairs = (pred_pairs + gold_pairs) / 2
    # The ARI is 0/0 when both partitions are trivial in the same way; they then agree.
    ari = (together - expected) / (mean_pairs - expected) if mean_pairs != expected else 1.0

    return Scores(
        docs=n,
        gold_events=len(event_sizes),
        pred_clusters=len(cluster_sizes),
        bcubed_p=bcubed_p,
        bcubed_r=bcubed_r,
        bcubed_f1=bcubed_f1,
        pair_p=pair_p,
        pair_r=pair_r,
        pair_f1=_f1(pair_p, pair_r),
        ari=ari,
    )


def _f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of `precision` and `recall`, 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class CurvePoint:
    """The scores of the clustering made at one similarity threshold."""

    threshold: float
    scores: Scores


def calibration_curve(
    gold: dict[str, str],
    cluster_at: Callable[[float], list[list[str]]],
    thresholds: Sequence[float],
) -> list[CurvePoint]:
    """Return the scores of `cluster_at(t)` for each distinct threshold t, in ascending order.

    A threshold given twice is clustered once. Raises ValueError for a threshold that is not a
    finite number, and when `gold` is empty.
    """
    if not gold:
        raise ValueError("no gold documents to score against")
    for threshold in thresholds:
        if not math.isfinite(threshold):
            raise ValueError(f"threshold {threshold!r} is not a finite number")
    return [
        CurvePoint(threshold, score_clustering(gold, cluster_at(threshold)))
        for threshold in sorted(set(thresholds))
    ]


def _same(a: float, b: float) -> bool:
    """Return whether two F1 values are equal but for floating-point noise."""
    # Different clusterings can have the same F1 computed along different roundings.
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def best_threshold(curve: list[CurvePoint]) -> CurvePoint:
    """Return the point of `curve` with the highest B-cubed F1.

    When several thresholds reach it, the point returned is the middle of the longest run of
    consecutive tied thresholds: a plateau's centre stays good when the data shift a little,
    while its edges are one step from worse. Among runs of equal length, and between the two
    middles of a run of even length, the lower threshold wins. Raises ValueError for an empty
    curve.
    """
    if not curve:
        raise ValueError("the calibration curve has no points")
    points = sorted(curve, key=lambda p: p.threshold)
    top = max(p.scores.bcubed_f1 for p in points)
    best_start, best_length = 0, 0
    start = 0
    for index, point in enumerate([*points, None]):
        if point is not None and _same(point.scores.bcubed_f1, top):
            continue
        length = index - start
        # Strictly longer: an earlier (lower) run of the same length keeps its place.
        if length > best_length:
            best_start, best_length = start, length
        start = index + 1
    return points[best_start + (best_length - 1) // 2]


def plot_curve(curve: list[CurvePoint], width: int = 60, height: int = 12) -> str:
    """Return a text plot of B-cubed F1 against the threshold, with the best point marked.

    The plot area is `width` characters by `height` lines; each column shows the F1 at its
    threshold, interpolated linearly between the thresholds measured, as a bar of block
    characters with eighth-of-a-line steps. The F1 axis spans the values in steps of 0.05, so
    that small differences stay visible. A mark under the axis and a caption give the best
    threshold. Raises ValueError for an empty curve or a plot smaller than 2 by 2.
    """
    if width < 2 or height < 2:
        raise ValueError(f"a plot of {width} by {height} is too small (at least 2 by 2)")
    best = best_threshold(curve)
    points = sorted(curve, key=lambda p: p.threshold)
    low_t, high_t = points[0].threshold, points[-1].threshold

    values = [p.scores.bcubed_f1 for p in points]
    # round() first: 0.35 * 20 is 7.000000000000001, which must not take the axis up to 0.40.
    low_f = max(0.0, math.floor(round(min(values) * 20, 9)) / 20)
    high_f = min(1.0, math.ceil(round(max(values) * 20, 9)) / 20)
    if high_f - low_f < 0.05:  # a flat curve: give it one step of room
        low_f, high_f = (high_f - 0.05, high_f) if high_f >= 0.05 else (0.0, 0.05)

    def column(threshold: float) -> int:
        if high_t == low_t:
            return 0
        return round((threshold - low_t) / (high_t - low_t) * (width - 1))

    # The F1 under each column that the curve spans; None where no threshold was measured.
    heights: list[float | None] = [None] * width
    anchors = [(column(p.threshold), p.scores.bcubed_f1) for p in points]
    for (left, f_left), (right, f_right) in itertools.pairwise(anchors):
        for x in range(left, right + 1):
            share = (x - left) / (right - left) if right > left else 1.0
            heights[x] = f_left + (f_right - f_left) * share
    heights[anchors[0][0]] = anchors[0][1]

    labels = {0: f"{high_f:.2f}", height - 1: f"{low_f:.2f}"}
    margin = max(len(label) for label in labels.values())
    lines = [" " * margin + "  B-cubed F1"]
    for row in range(height):
        level_from_bottom = height - 1 - row
        cells = []
        for value in heights:
            if value is None:
                cells.append(" ")
                continue
            # Eighths of a line that the bar covers; at least one, so a column at the bottom of
            # the axis still shows where the curve is.
            eighths = max(1, round((value - low_f) / (high_f - low_f) * height * 8))
            cells.append(_BLOCKS[min(8, max(0, eighths - level_from_bottom * 8))])
        tick = "┤" if row in labels else "│"
        lines.append(f"{labels.get(row, ''):>{margin}} {tick}" + "".join(cells).rstrip())
    lines.append(" " * margin + " └" + "─" * width)

    left_label, right_label = f"{low_t:g}", f"{high_t:g}"
    gap = max(1, width - len(left_label) - len(right_label))
    axis = " " * (margin + 2)
    lines.append(axis + left_label + " " * gap + (right_label if high_t != low_t else ""))
    lines.append(axis + " " * column(best.threshold) + _BEST_MARK)
    lines.append(
        axis + f"{_BEST_MARK} best: threshold {best.threshold:g}, "
        f"B-cubed F1 {best.scores.bcubed_f1:.4f}"
    )
    lines.append(axis + "similarity threshold".center(width).rstrip())
    return "\n".join(line.rstrip() for line in lines)
