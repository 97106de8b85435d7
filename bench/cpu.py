"""CPU an article of cleaning and of features, for comparing two checkouts of dedup back to back.

    PYTHONPATH=CHECKOUT .venv/bin/python bench/cpu.py [--rounds 3] [--corpus DIR]

The code measured is the `dedup` that Python imports: the checkout on PYTHONPATH (the first line
printed says which). Each corpus is read once, then cleaned and featurized `--rounds` times in
this process on one core; the medians of the rounds' CPU times (time.process_time) are printed in
milliseconds an article, with cleaning's throughput in MB/s. On a shared machine, run the two
checkouts alternately (A, B, A, B) and compare the medians: wall time there depends on the load.
The cache a process keeps across documents (metadata's of meta lines) is emptied before each
round, so that a round costs what one pass over the corpus costs, not a second reading of the same
documents; `--warm` keeps it.
Corpora: clean-trafilatura's pages, and a make_corpus folder of 2,000 articles if it exists.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import dedup
from dedup import metadata
from dedup.cleaning import clean_document
from dedup.features import article_features
from dedup.options import CleanOptions, ReadOptions
from dedup.pipeline import find_sources
from dedup.reading import read_source

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DEDUP_BENCH", REPO.parent / "shared" / "bench"))
CORPUS = Path(os.environ.get("DEDUP_SCALE_DIR", "/tmp/corpus")) / "c2000"


def clear_caches() -> None:
    """Empty the caches that outlive a document, so that a round reads the corpus cold."""
    metadata._read_meta_line.cache_clear()


def measure(folder: Path, rounds: int, warm: bool = False) -> str:
    """Return a line of the median CPU an article of cleaning and of features over `folder`."""
    documents = [read_source(s) for s in find_sources([str(folder)], ReadOptions())]
    megabytes = sum(len(d.text.encode("utf-8", "replace")) for d in documents) / 1e6
    options = CleanOptions()
    cleaning, featurizing = [], []
    for _ in range(rounds):
        if not warm:
            clear_caches()
        began = time.process_time()
        articles = [clean_document(d, options) for d in documents]
        cleaned = time.process_time()
        for article in articles:
            article_features(article)
        cleaning.append(cleaned - began)
        featurizing.append(time.process_time() - cleaned)
    clean, features = statistics.median(cleaning), statistics.median(featurizing)
    return (
        f"{folder}: {len(documents):,} articles, cleaning {1000 * clean / len(documents):.3f} ms "
        f"({megabytes / clean:.2f} MB/s), features {1000 * features / len(documents):.3f} ms "
        f"an article (medians of {rounds} rounds)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm", action="store_true", help="keep caches between rounds")
    parser.add_argument("--corpus", type=Path, action="append", help="a folder (repeatable)")
    arguments = parser.parse_args()
    folders = arguments.corpus or [BENCH / "clean-trafilatura" / "docs", CORPUS]
    print(f"code: {Path(dedup.__file__).parent}", flush=True)
    for folder in folders:
        if folder.exists():
            print(measure(folder, arguments.rounds, arguments.warm), flush=True)


if __name__ == "__main__":
    main()
