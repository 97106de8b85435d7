"""Calibration: score clusterings against gold events, and choose the similarity threshold.

Features and pair similarities are computed once (clustering.compare_articles); each threshold of
the grid re-runs only the linkage, so a curve of fifty points costs little more than one run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dedup.clustering import Comparison, compare_articles, event_groups
from dedup.evaluation import (
    CurvePoint,
    Scores,
    best_threshold,
    calibration_curve,
    score_clustering,
    stem,
)
from dedup.options import ClusterOptions
from dedup.output import write_atomic
from dedup.records import Article, Cluster

# 0.05, 0.06, ... 0.50: the thresholds a calibration tries unless told others.
DEFAULT_THRESHOLDS: tuple[float, ...] = tuple(round(0.05 + 0.01 * step, 2) for step in range(46))

_CLUSTER_TABLE = re.compile(r"^\s*\[cluster\]\s*(?:#.*)?$")
_ANY_TABLE = re.compile(r"^\s*\[")
_THRESHOLD_LINE = re.compile(r"^\s*threshold\s*=")


@dataclass(frozen=True)
class Calibration:
    """The scores at each threshold of a grid, and the threshold chosen."""

    curve: list[CurvePoint]
    best: CurvePoint

    def as_dict(self) -> dict[str, Any]:
        """Return the chosen threshold and every point, ready for JSON."""
        return {
            "threshold": self.best.threshold,
            "best": self.best.scores.as_dict(),
            "curve": [{"threshold": p.threshold, **p.scores.as_dict()} for p in self.curve],
        }


def grouped_ids(comparison: Comparison, options: ClusterOptions) -> list[list[str]]:
    """Return the member stems of each event that `comparison` gives with `options`."""
    return [
        [stem(comparison.articles[i].id) for i in members]
        for members in event_groups(comparison, options)
    ]


def cluster_stems(clusters: Iterable[Cluster]) -> list[list[str]]:
    """Return the member stems of each cluster, as the scorer matches them."""
    return [[stem(m.id) for m in cluster.members] for cluster in clusters]


def score_articles(
    articles: Iterable[Article], gold: dict[str, str], options: ClusterOptions
) -> Scores:
    """Return the scores of clustering `articles` with `options` against the gold events."""
    return score_clustering(gold, grouped_ids(compare_articles(articles), options))


def calibrate(
    articles: Iterable[Article],
    gold: dict[str, str],
    options: ClusterOptions | None = None,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
) -> Calibration:
    """Return the scores of clustering `articles` at each threshold, and the best threshold.

    The best is the middle of the widest plateau of top B-cubed F1 (evaluation.best_threshold).
    """
    options = options or ClusterOptions()
    comparison = compare_articles(articles)

    def cluster_at(threshold: float) -> list[list[str]]:
        return grouped_ids(comparison, replace(options, threshold=threshold))

    curve = calibration_curve(gold, cluster_at, thresholds)
    return Calibration(curve, best_threshold(curve))


def save_threshold(path: str, threshold: float) -> None:
    """Write `threshold = X` into the [cluster] table of the TOML file `path`, keeping the rest.

    The file is created when absent; an existing threshold line of [cluster] is replaced.
    """
    line = f"threshold = {threshold:g}\n"
    lines: list[str] = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = next((i for i, text in enumerate(lines) if _CLUSTER_TABLE.match(text)), None)
    if start is None:
        if lines:
            lines.append("\n")
        lines += ["[cluster]\n", line]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if _ANY_TABLE.match(lines[i])), len(lines)
        )
        found = next((i for i in range(start + 1, end) if _THRESHOLD_LINE.match(lines[i])), None)
        if found is None:
            lines.insert(start + 1, line)
        else:
            lines[found] = line
    write_atomic(path, "".join(lines), force=True)
