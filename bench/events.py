"""Same-event clustering benchmark: dedup with its defaults against the reference methods.

Runs on the ECB+ kit (../shared/bench/events-ecbplus, or $DEDUP_BENCH/events-ecbplus): dedup with
default settings; rapidfuzz token_set_ratio + connected components at its best threshold; TF-IDF
(scikit-learn) + agglomerative clustering as the kit's README gives it; a leave-topics-out
cross-validation of the threshold (5 folds of topics); the make_corpus near-duplicate check; the
seeds. Writes its own section of docs/benchmarks.md, between the events markers.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import benchdoc

# The dedup of the running environment: `make bench-events` runs the compiled install.
from dedup.calibration import calibrate, grouped_ids
from dedup.clustering import compare_articles
from dedup.evaluation import Scores, load_gold, score_clustering, stem
from dedup.options import ClusterOptions
from dedup.pipeline import clean_paths
from dedup.records import Article

ROOT = Path(__file__).resolve().parent.parent

BENCH = Path(os.environ.get("DEDUP_BENCH", ROOT.parent / "shared" / "bench"))
KIT = BENCH / "events-ecbplus"
FOLDS = 5
CORPUS_DOCS = 2000


def _root(parent: list[int], x: int) -> int:
    """Return the root of `x` in the union-find forest `parent`, halving the path."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def rapidfuzz_components(texts: dict[str, str], gold: dict[str, str]) -> tuple[float, Scores]:
    """Return the best threshold of token_set_ratio + connected components, and its scores."""
    from rapidfuzz import fuzz, process

    ids = sorted(texts)
    matrix = process.cdist(
        [texts[i] for i in ids], [texts[i] for i in ids], scorer=fuzz.token_set_ratio
    )
    best: tuple[float, Scores] | None = None
    for step in range(40, 100, 2):
        threshold = step / 100
        parent = list(range(len(ids)))
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                if matrix[a, b] >= threshold * 100:
                    parent[_root(parent, a)] = _root(parent, b)
        groups: dict[int, list[str]] = defaultdict(list)
        for index, doc in enumerate(ids):
            groups[_root(parent, index)].append(doc)
        scores = score_clustering(gold, list(groups.values()))
        if best is None or scores.bcubed_f1 > best[1].bcubed_f1:
            best = (threshold, scores)
    assert best is not None
    return best


def tfidf_agglomerative(texts: dict[str, str], gold: dict[str, str]) -> Scores:
    """Return the scores of the README's TF-IDF 1-3-grams + average-linkage reference."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(texts)
    vectors = TfidfVectorizer(
        ngram_range=(1, 3), min_df=3, max_df=0.5, stop_words="english", sublinear_tf=True
    ).fit_transform([texts[i] for i in ids])
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.8
    ).fit_predict(vectors.toarray())
    groups: dict[int, list[str]] = defaultdict(list)
    for doc, label in zip(ids, labels, strict=True):
        groups[int(label)].append(doc)
    return score_clustering(gold, list(groups.values()))


def topic_folds(articles: list[Article], topics: dict[str, str]) -> list[list[str]]:
    """Return the topics of each fold: sorted topics dealt round-robin, so folds are fixed."""
    names = sorted({topics[stem(a.id)] for a in articles}, key=lambda t: (len(t), t))
    return [names[k::FOLDS] for k in range(FOLDS)]


def cross_validate(
    articles: list[Article], gold: dict[str, str], topics: dict[str, str]
) -> list[dict[str, float]]:
    """Return, per fold, the threshold chosen on the other topics and the held-out scores."""
    results = []
    for held in topic_folds(articles, topics):
        train = [a for a in articles if topics[stem(a.id)] not in held]
        test = [a for a in articles if topics[stem(a.id)] in held]
        train_gold = {stem(a.id): gold[stem(a.id)] for a in train}
        test_gold = {stem(a.id): gold[stem(a.id)] for a in test}
        chosen = calibrate(train, train_gold).best.threshold
        comparison = compare_articles(test)
        scores = score_clustering(
            test_gold, grouped_ids(comparison, ClusterOptions(threshold=chosen))
        )
        results.append(
            {
                "threshold": chosen,
                "bcubed_f1": scores.bcubed_f1,
                "ari": scores.ari,
                "docs": len(test),
            }
        )
    return results


def corpus_check(folder: Path) -> Scores:
    """Return the scores of dedup with defaults on a make_corpus folder of CORPUS_DOCS texts."""
    subprocess.run(
        [sys.executable, str(BENCH / "make_corpus.py"), str(folder), "--docs", str(CORPUS_DOCS)],
        check=True,
        capture_output=True,
    )
    articles = list(clean_paths([str(folder)], on_skip=lambda error: None))
    comparison = compare_articles(articles)
    return score_clustering(
        load_gold(str(folder / "labels.csv")), grouped_ids(comparison, ClusterOptions())
    )


def seeds_exact() -> bool:
    """Return whether `dedup clusters seeds/` gives exactly the expected groups."""
    expected = json.loads((ROOT / "seeds" / "expected.json").read_text())["clusters"]
    articles = list(clean_paths([str(ROOT / "seeds")]))
    found = grouped_ids(compare_articles(articles), ClusterOptions())
    return sorted(sorted(g) for g in found) == sorted(sorted(stem(i) for i in g) for g in expected)


def _row(name: str, scores: Scores, command: str) -> str:
    return f"| {name} | {scores.bcubed_f1:.3f} | {scores.ari:.3f} | `{command}` |"


def write_section(lines: list[str]) -> None:
    """Replace this script's section of docs/benchmarks.md, leaving the other sections alone."""
    benchdoc.write_section("events", "\n".join(lines))


def main() -> None:
    gold = load_gold(str(KIT / "labels.csv"))
    with open(KIT / "labels.csv", encoding="utf-8") as handle:
        topics = {stem(row["doc_id"]): row["topic"] for row in csv.DictReader(handle)}
    articles = list(clean_paths([str(KIT / "docs")], on_skip=lambda error: None))
    comparison = compare_articles(articles)
    ours = score_clustering(gold, grouped_ids(comparison, ClusterOptions()))
    print("dedup defaults", ours.as_dict(), flush=True)
    raw = {
        stem(p.name): p.read_text(encoding="utf-8") for p in sorted((KIT / "docs").glob("*.txt"))
    }
    fuzzy_threshold, fuzzy = rapidfuzz_components(raw, gold)
    print("rapidfuzz", fuzzy_threshold, fuzzy.as_dict(), flush=True)
    tfidf = tfidf_agglomerative(raw, gold)
    print("tfidf", tfidf.as_dict(), flush=True)
    folds = cross_validate(articles, gold, topics)
    print("folds", folds, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        corpus = corpus_check(Path(folder) / "corpus")
    print("make_corpus", corpus.as_dict(), flush=True)
    seeds = seeds_exact()
    print("seeds exact", seeds, flush=True)

    f1s = [f["bcubed_f1"] for f in folds]
    aris = [f["ari"] for f in folds]
    kit = "../shared/bench/events-ecbplus"
    lines = [
        "## Same event, not same topic (ECB+, 772 articles, 66 events in 33 topics)",
        "",
        "Made by `make bench-events` (bench/events.py). B-cubed F1 and ARI as score_clusters.py computes them.",
        "",
        "| system | B³F1 | ARI | reproduce |",
        "|---|---|---|---|",
        _row(
            "dedup, defaults",
            ours,
            f"dedup clusters {kit}/docs > p.jsonl && dedup eval --gold {kit}/labels.csv p.jsonl",
        ),
        _row(
            f"rapidfuzz token_set_ratio + connected components, best threshold {fuzzy_threshold:.2f}",
            fuzzy,
            "make bench-events",
        ),
        _row(
            "TF-IDF 1-3-grams + agglomerative average 0.8 (scikit-learn)",
            tfidf,
            "make bench-events",
        ),
        "",
        f"Leave-topics-out cross-validation ({FOLDS} folds of topics; threshold chosen by "
        "`dedup calibrate` on the other folds, scored on the held-out topics clustered alone):",
        "",
        "| fold | docs | threshold chosen | B³F1 | ARI |",
        "|---|---|---|---|---|",
        *(
            f"| {k + 1} | {f['docs']:.0f} | {f['threshold']:.2f} | {f['bcubed_f1']:.3f} | {f['ari']:.3f} |"
            for k, f in enumerate(folds)
        ),
        f"| mean ± sd | | | {statistics.mean(f1s):.3f} ± {statistics.stdev(f1s):.3f} | "
        f"{statistics.mean(aris):.3f} ± {statistics.stdev(aris):.3f} |",
        "",
        f"Near-duplicates: `make_corpus.py OUT --docs {CORPUS_DOCS}` (seed 1), dedup defaults: "
        f"B³F1 {corpus.bcubed_f1:.3f}, ARI {corpus.ari:.3f}. "
        f"Seeds (`dedup clusters seeds/` against seeds/expected.json): {'exact' if seeds else 'WRONG'}.",
    ]
    write_section(lines)


if __name__ == "__main__":
    main()
