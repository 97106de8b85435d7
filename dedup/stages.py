"""Stages: a run cut into tasks over shards of the input files, so that processes share the work.

Each task is a pure function of its shard (a fixed slice of the sorted input files, numbered by
rank) and of what earlier stages reduced to; its output depends on nothing else, so the result is
the same whatever the number of workers, and an engine that runs tasks on many machines (as
datatrove does for MinHash) could run these functions unchanged. Here a local process pool
schedules them:

1. `count_lines`: the short lines of each file, as 64-bit hashes per folder; reduced by
   `template_of` to the lines that repeat across a folder's files (page template).
2. `featurize`: read, clean, features, MinHash signature and the shard's document counts of terms;
   for a large run the features go to a file of the work folder, not back to the parent.
3. `compact`: with the collection's document counts (a hashed table, `HashedCounts`), each
   article's TF-IDF vector, trimmed to its strongest terms, and its blocking keys.

The parent then finds candidate pairs over all signatures and keys (candidates.py), and reads back
the compact features of the linked articles only: memory holds signatures, not texts.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from dedup import candidates
from dedup.cleaning import TemplateLines, clean_document, group_of
from dedup.clustering import Entry, blocking_keys
from dedup.errors import SkippedInput
from dedup.features import Features, article_features
from dedup.options import CleanOptions, ReadOptions
from dedup.reading import Source, read_source
from dedup.records import Article, Document
from dedup.scoring import TermWeights, Vector

# Files per task: fixed, so that shards (and so results) do not depend on the number of workers.
SHARD_FILES = 250
# A large run keeps this many of each article's strongest terms for scoring pairs.
KEPT_TERMS = 64
# ...and blocks by this many, each shared by at most BLOCK_CAP articles.
LARGE_BLOCK_TERMS = 6
LARGE_BLOCK_CAP = 30

Progress = Callable[[str, int, int], None]  # stage name, files done, files in all
T = TypeVar("T")
R = TypeVar("R")


def no_progress(stage: str, done: int, total: int) -> None:
    """Report nothing (the default progress callback)."""


@dataclass(frozen=True)
class Shard:
    """A task's slice of the sorted input files."""

    rank: int
    sources: tuple[Source, ...]


def make_shards(sources: Sequence[Source], size: int = SHARD_FILES) -> list[Shard]:
    """Return the sources cut into shards of `size` files, in order."""
    return [
        Shard(rank, tuple(sources[start : start + size]))
        for rank, start in enumerate(range(0, len(sources), size))
    ]


def run_tasks(
    function: Callable[[T], R],
    tasks: Sequence[T],
    workers: int,
    stage: str,
    progress: Progress,
    weight: Callable[[T], int] = lambda task: 1,
) -> Iterator[R]:
    """Yield `function` of each task, in the order of `tasks`, run by up to `workers` processes."""
    total = sum(weight(t) for t in tasks)
    done = 0
    progress(stage, 0, total)
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            result = function(task)
            done += weight(task)
            progress(stage, done, total)
            yield result
        return
    with _pool(min(workers, len(tasks))) as pool:
        for task, result in zip(tasks, pool.map(function, tasks), strict=True):
            done += weight(task)
            progress(stage, done, total)
            yield result


def _pool(workers: int) -> Executor:
    # fork: workers start at once and inherit what the parent has loaded (read-only).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))


# Stage 1: page template lines --------------------------------------------------------------


@dataclass(frozen=True)
class LineCounts:
    """Per folder: how many files were read, and in how many of them each short line stands."""

    files: dict[str, int]
    lines: dict[str, tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]]


def line_key(line: str) -> int:
    """Return the hash of a line with case and white space folded."""
    return candidates.term_key(" ".join(line.split()).casefold())


def count_lines(shard: Shard, read: ReadOptions) -> LineCounts:
    """Return the line counts of a shard's files (files that cannot be read are left out)."""
    files: Counter[str] = Counter()
    keys: dict[str, list[int]] = {}
    for source in shard.sources:
        try:
            document = read_source(source, read.max_bytes)
        except SkippedInput:
            continue  # reported by the stage that cleans
        _count_document(document, files, keys)
    return _line_counts(files, keys)


def count_document_lines(documents: Iterable[Document]) -> LineCounts:
    """Return the line counts of documents already read (standard input)."""
    files: Counter[str] = Counter()
    keys: dict[str, list[int]] = {}
    for document in documents:
        _count_document(document, files, keys)
    return _line_counts(files, keys)


def _count_document(document: Document, files: Counter[str], keys: dict[str, list[int]]) -> None:
    group = group_of(document)
    files[group] += 1
    found = {line_key(line) for line in document.text.splitlines() if 0 < len(line.split()) <= 40}
    keys.setdefault(group, []).extend(found)


def _line_counts(files: Counter[str], keys: dict[str, list[int]]) -> LineCounts:
    lines = {}
    for group, values in keys.items():
        unique, counts = np.unique(np.array(values, dtype=np.uint64), return_counts=True)
        lines[group] = (unique, counts.astype(np.int64))
    return LineCounts(dict(files), lines)


class HashedTemplate(TemplateLines):
    """Template lines known by their hashes: what `count_lines` over all shards reduces to."""

    def __init__(self, options: CleanOptions, frequent: dict[str, set[int]]) -> None:
        super().__init__(options)
        self._hashed = frequent

    def add(self, group: str, text: str) -> None:
        raise NotImplementedError("HashedTemplate is built from LineCounts by template_of")

    def is_template(self, group: str, line: str) -> bool:
        frequent = self._hashed.get(group)
        return bool(frequent) and line_key(line) in frequent  # type: ignore[operator]


def template_of(parts: Iterable[LineCounts], options: CleanOptions) -> HashedTemplate:
    """Return the lines in enough files of their folder to be page template."""
    files: Counter[str] = Counter()
    keys: dict[str, list[npt.NDArray[np.uint64]]] = {}
    counts: dict[str, list[npt.NDArray[np.int64]]] = {}
    for part in parts:
        files.update(part.files)
        for group, (k, n) in part.lines.items():
            keys.setdefault(group, []).append(k)
            counts.setdefault(group, []).append(n)
    frequent: dict[str, set[int]] = {}
    for group in keys:
        needed = max(options.repeat_min_files, options.repeat_share * files[group])
        unique, inverse = np.unique(np.concatenate(keys[group]), return_inverse=True)
        totals = np.bincount(inverse, weights=np.concatenate(counts[group]))
        frequent[group] = {int(k) for k in unique[totals >= needed]}
    return HashedTemplate(options, frequent)


# Stage 2: cleaning, features, signatures ---------------------------------------------------


@dataclass
class FeatureShard:
    """What `featurize` gives back for one shard, articles in id order."""

    rank: int
    entries: list[Entry]
    exact_keys: list[str]
    signatures: npt.NDArray[np.uint32]
    skipped: list[tuple[str, str]]  # (file, reason)
    articles: list[Article] = field(default_factory=list)  # when asked to keep them
    features: list[Features] = field(default_factory=list)  # small runs; else in the work folder
    term_keys: npt.NDArray[np.uint64] = field(default_factory=lambda: np.empty(0, np.uint64))
    term_counts: npt.NDArray[np.int64] = field(default_factory=lambda: np.empty(0, np.int64))


@dataclass(frozen=True)
class FeatureTask:
    """The inputs of `featurize`: a shard and what the run is asked for."""

    shard: Shard
    read: ReadOptions
    clean: CleanOptions
    template: TemplateLines | None
    workdir: str | None = None  # large runs: write features here, count terms
    keep_articles: bool = False
    signatures: bool = True


def featurize(task: FeatureTask) -> FeatureShard:
    """Return the cleaned articles' entries, signatures (and features) of a shard's files."""
    entries: list[Entry] = []
    keys: list[str] = []
    signatures: list[npt.NDArray[np.uint32]] = []
    skipped: list[tuple[str, str]] = []
    articles: list[Article] = []
    features: list[Features] = []
    for source in task.shard.sources:
        try:
            document = read_source(source, task.read.max_bytes)
        except SkippedInput as error:
            skipped.append((error.source, error.reason))
            continue
        article = clean_document(document, task.clean, task.template)
        if task.keep_articles:
            articles.append(article)
        if not task.signatures:
            continue
        found = article_features(article)
        entries.append(Entry.of(article))
        keys.append(found.exact_key)
        signatures.append(candidates.text_signature(article.text))
        features.append(found)
    result = FeatureShard(
        task.shard.rank,
        entries,
        keys,
        _matrix(signatures),
        skipped,
        articles,
        features,
    )
    if task.workdir is not None:
        result.term_keys, result.term_counts = _document_counts(features)
        _dump(features, _path(task.workdir, "features", task.shard.rank))
        result.features = []
    return result


def _document_counts(
    features: Sequence[Features],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """Return the hashes of the terms of a shard, and in how many of its articles each stands."""
    values = [candidates.term_key(term) for item in features for term in item.terms]
    unique, counts = np.unique(np.array(values, dtype=np.uint64), return_counts=True)
    return unique, counts.astype(np.int64)


# Stage 3: weights, compact features, blocking keys -----------------------------------------


class HashedCounts(Counter[str]):
    """Document counts of terms read from a table indexed by the top bits of the term's hash.

    Two terms may share a slot (a rare term then looks a little less rare); the table's size is
    fixed, so memory does not grow with the vocabulary.
    """

    def __init__(self, table: npt.NDArray[np.uint32]) -> None:
        super().__init__()
        self.table = table
        self.shift = 64 - int(math.log2(len(table)))

    def get(self, key: str, default: Any = 0) -> Any:
        return int(self.table[candidates.term_key(key) >> self.shift])

    def __getitem__(self, key: str) -> int:
        return int(self.table[candidates.term_key(key) >> self.shift])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self[key] > 0


def table_bits(articles: int) -> int:
    """Return the log2 of the size of the document-count table for a run of `articles`."""
    return max(20, min(27, math.ceil(math.log2(max(articles, 1))) + 8))


def add_counts(table: npt.NDArray[np.uint32], shard: FeatureShard) -> None:
    """Add a shard's document counts of terms to the collection's table."""
    shift = np.uint64(64 - int(math.log2(len(table))))
    np.add.at(table, (shard.term_keys >> shift).astype(np.int64), shard.term_counts)


@dataclass(frozen=True)
class CompactTask:
    """The inputs of `compact`: a shard's rank, the work folder and the collection's counts."""

    rank: int
    workdir: str
    size: int  # articles in the whole collection
    table_path: str
    explain: bool = False


def compact(task: CompactTask) -> list[list[int]]:
    """Return each article's blocking keys; write its trimmed features and vector to the workdir."""
    features: list[Features] = _load(_path(task.workdir, "features", task.rank))
    weights = TermWeights([])
    weights.size = task.size
    weights.df = HashedCounts(np.load(task.table_path, mmap_mode="r"))
    kept: list[tuple[Features, Vector]] = []
    keys = []
    for item in features:
        vector = weights.vector(item)
        keys.append(blocking_keys(vector, LARGE_BLOCK_TERMS))
        top = dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:KEPT_TERMS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        trimmed = {t: w / norm for t, w in top.items()}
        terms = item.terms if task.explain else {t: item.terms[t] for t in trimmed}
        kept.append((replace(item, terms=terms), trimmed))
    os.remove(_path(task.workdir, "features", task.rank))
    _dump(kept, _path(task.workdir, "compact", task.rank))
    return keys


def load_compact(workdir: str, rank: int) -> list[tuple[Features, Vector]]:
    """Return the trimmed features and vectors `compact` wrote for a shard."""
    found: list[tuple[Features, Vector]] = _load(_path(workdir, "compact", rank))
    return found


def _matrix(rows: list[npt.NDArray[np.uint32]]) -> npt.NDArray[np.uint32]:
    if not rows:
        return np.empty((0, candidates.PERMUTATIONS), dtype=np.uint32)
    return np.stack(rows)


def _path(workdir: str, stage: str, rank: int) -> str:
    return os.path.join(workdir, f"{stage}-{rank:06d}.pickle")


def _dump(value: object, path: str) -> None:
    with open(path, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: str) -> Any:
    with open(path, "rb") as handle:
        return pickle.load(handle)
