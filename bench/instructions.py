"""Instructions of cleaning and of features on a fixed sample, counted by valgrind's callgrind.

    python bench/instructions.py [--python PYTHON] [--pythonpath CHECKOUT]

Wall and CPU times on a shared machine move by a tenth from run to run, as much as a good
change gains; the number of instructions a program executes does not (repeat runs agree within
about 0.3%). This runs the sample three times under callgrind, with the given Python (the
compiled install, `.venv-compiled/bin/python`, or the editable one with `--pythonpath` naming the
checkout to measure): reading alone, reading and cleaning, reading, cleaning and features; the
differences are the instructions of cleaning and of features. Compare two checkouts or installs
by these figures. Needs valgrind; takes a few minutes.
Sample: every tenth page of clean-trafilatura (99) and the first 150 articles of a make_corpus
folder of 300 (seed 1, written to a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from dedup.cleaning import clean_document
from dedup.features import article_features
from dedup.options import CleanOptions, ReadOptions
from dedup.pipeline import find_sources
from dedup.reading import read_source

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DEDUP_BENCH", REPO.parent / "shared" / "bench"))
MODES = ("read", "clean", "features")


def run_sample(mode: str, corpus: str) -> None:
    """Read the sample, and clean it (and compute its features) as `mode` says."""
    read = ReadOptions()
    sources = find_sources([str(BENCH / "clean-trafilatura" / "docs")], read)[::10]
    sources += find_sources([corpus], read)[:150]
    documents = [read_source(source) for source in sources]
    if mode == "read":
        return
    articles = [clean_document(document, CleanOptions()) for document in documents]
    if mode == "features":
        for article in articles:
            article_features(article)


def instructions(python: str, pythonpath: str | None, mode: str, corpus: str) -> int:
    """Return the instructions callgrind counts for one run of the sample."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same sets, in the same order, every run
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [python, str(Path(__file__).resolve()), "--run", mode, "--corpus", corpus]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="the Python to measure")
    parser.add_argument("--pythonpath", help="a checkout to import dedup from")
    parser.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)  # inside valgrind
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    kit = BENCH / "clean-trafilatura" / "docs"
    if not kit.is_dir():
        # Without it the sample would be the corpus alone, and the figures not comparable.
        raise SystemExit(f"{kit} is not a folder: set DEDUP_BENCH to the shared bench folder")
    if args.run:
        run_sample(args.run, args.corpus)
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = os.path.join(folder, "corpus")
        subprocess.run(
            [sys.executable, str(BENCH / "make_corpus.py"), corpus, "--docs", "300", "--seed", "1"],
            check=True,
            capture_output=True,
        )
        counts = {mode: instructions(args.python, args.pythonpath, mode, corpus) for mode in MODES}
    print(f"{args.python} {args.pythonpath or ''}".strip())
    print(f"reading   {counts['read'] / 1e6:12,.0f} million instructions")
    print(f"cleaning  {(counts['clean'] - counts['read']) / 1e6:12,.0f} million instructions")
    print(f"features  {(counts['features'] - counts['clean']) / 1e6:12,.0f} million instructions")


if __name__ == "__main__":
    main()
