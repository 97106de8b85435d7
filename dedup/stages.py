"""Stages: a run cut into tasks over shards of the input files, so that processes share the work.

Each task is a pure function of its shard (a fixed slice of the sorted input files, numbered by
rank) and of what earlier stages reduced to; its output depends on nothing else, so the result is
the same whatever the number of workers, and an engine that runs tasks on many machines (as
datatrove does for MinHash) could run these functions unchanged. Here a local process pool
schedules them:

1. `count_lines`: the short lines of each file, as 64-bit hashes per folder; reduced by
   `template_of` to the lines that repeat across a folder's files (page template).
2. `featurize`: read, clean, features, MinHash signature and the shard's document counts of terms;
   for a large run the features go to files of the work folder (terms as flat arrays, the rest
   pickled), not back to the parent; the counts are summed into a hashed table.
3. `distinctive_keys`: with the collection's document counts, each article's most distinctive
   terms, its blocking keys.
4. `group_blocks`: the features of the articles of some blocks, read back; their candidate pairs
   scored and grouped by average linkage.

Between 3 and 4 the parent finds the candidate pairs over all signatures and keys (candidates.py)
and cuts them into blocks: memory holds signatures and keys, not texts or terms.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import math
import multiprocessing
import operator
import os
import pickle
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import xxhash

from dedup import candidates
from dedup.cleaning import clean_document
from dedup.clustering import (
    Comparison,
    Entry,
    clusters_of,
    fill_blocks,
    linked_blocks,
    score_pairs,
)
from dedup.errors import SkippedInput
from dedup.features import FEATURES_AT_ONCE, Features, features_of
from dedup.options import CleanOptions, ClusterOptions, ReadOptions
from dedup.reading import Source, read_source
from dedup.records import Article, Cluster, Document
from dedup.scoring import TermWeights
from dedup.template import TEMPLATE_WORDS, TemplateLines, group_of

# Files per task: fixed, so that shards (and so results) do not depend on the number of workers.
SHARD_FILES = 250
# A large run blocks by each article's this many most distinctive terms, each shared by at most
# LARGE_BLOCK_CAP articles: fewer than a small run, as pairs grow with the keys.
LARGE_BLOCK_TERMS = 6
LARGE_BLOCK_CAP = 30
# ...and two articles are candidates when they share at least this many of those keys.
LARGE_MIN_SHARED = 2
# Blocks of a large run hold at most this many articles (a chance link does not make one
# block of thousands; see candidates.capped_components).
MAX_BLOCK = 500
# Blocks are handed to tasks in batches of about this many articles.
BATCH_ARTICLES = 2000
# A batch reads its articles' features back from the files of every shard they come from, and
# a batch's articles come from nearly every shard: past this many shards, the files opened grow
# as the square of the corpus (1,000,000 articles in 4,000 shards of 250: about 0.8 s of
# openings a batch, nearly all of the grouping stage). A large run's shards grow instead.
MAX_FEATURE_SHARDS = 256

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


def feature_shard_files(files: int) -> int:
    """Return the files per shard of a large run of `files`: SHARD_FILES, or more to keep the
    shards at most MAX_FEATURE_SHARDS."""
    return max(SHARD_FILES, math.ceil(files / MAX_FEATURE_SHARDS))


def make_shards(sources: Sequence[Source], size: int | None = None) -> list[Shard]:
    """Return the sources cut into shards of `size` files (SHARD_FILES), in order."""
    size = size or SHARD_FILES
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
    # Objects the parent holds are moved out of the garbage collector's reach before the fork:
    # a worker's collector would otherwise walk them and so copy every page of the parent's heap
    # (at 1,000,000 articles each worker grew to the parent's 2.4 GB).
    gc.freeze()
    pool = _pool(min(workers, len(tasks)))
    try:
        for task, result in zip(tasks, pool.map(function, tasks), strict=True):
            done += weight(task)
            progress(stage, done, total)
            yield result
    except BaseException:
        # Ctrl-C, a closed pipe or an error: drop the tasks not started instead of waiting for
        # every one of them, as leaving the pool's `with` block would.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()
    finally:
        gc.unfreeze()


def _pool(workers: int) -> Executor:
    # fork: workers start at once and inherit what the parent has loaded (read-only).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_worker_start
    )


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

# Container objects allocated (less those freed) before the cyclic garbage collector runs:
# Python's default of 700 made the collector about a tenth of cleaning's CPU time, and cleaning
# leaves almost no cycles behind (441 objects found by 623 collections over clean-trafilatura).
YOUNG_OBJECTS_PER_COLLECTION = 100_000


def fewer_collections() -> None:
    """Run the garbage collector less often in this process (and the workers it forks).

    What is loaded so far (modules, patterns, tables) is moved out of the collector's reach, and
    it runs after YOUNG_OBJECTS_PER_COLLECTION new objects instead of 700: memory is still
    reclaimed by reference counts at once, only the rare cycles wait longer.
    """
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, middle, old)


def _worker_start() -> None:
    """Make a worker end with its parent, and leave Ctrl-C and its clean-up to the parent."""
    # A parent killed by a closed pipe (`dedup ... | head`) or a signal cannot tell its workers
    # to stop, and they would wait on the task queue for ever; on Linux the kernel tells them.
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is for the parent
    fewer_collections()  # as the parent's, when a worker is spawned rather than forked


# Stage 1: page template lines --------------------------------------------------------------


@dataclass(frozen=True)
class LineCounts:
    """Per folder: how many files were read, and in how many of them each short line stands.

    A folder's lines are three arrays: their distinct keys (`line_key`), ascending, how many
    files hold each, and the length of each line as `line_key` hashes it (its words joined by
    single spaces, case folded), by which `HashedTemplate` turns most lines away unhashed.
    """

    files: dict[str, int]
    lines: dict[str, tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]]


def line_key(line: str) -> int:
    """Return the hash of a line with case and white space folded (xxhash: one line at a time,
    as the cleaner asks, is where numpy's per-call cost would show)."""
    return xxhash.xxh64_intdigest(single_spaced(line).casefold().encode("utf-8", "surrogatepass"))


def single_spaced(line: str) -> str:
    """Return the words of a line joined by single spaces: " ".join(line.split()).

    The cleaner's lines mostly are so already (split_lines strips them and folds runs of
    spaces, tabs and no-break spaces): a printable line holds no white space but the space
    (every other white-space character is unprintable), so one without two spaces in a row or
    one at either end is its words joined. The tests cost less than the split and the join.
    """
    return line if _is_single_spaced(line) else " ".join(line.split())


def _is_single_spaced(line: str) -> bool:
    # strip() gives the line itself when it has no white space at either end (CPython; were
    # it a copy, the line would only take the longer way): one call, where two slices and
    # their comparisons cost a tenth more of HashedTemplate.is_template.
    return line.isprintable() and "  " not in line and line.strip() is line


def count_lines(shard: Shard, read: ReadOptions) -> LineCounts:
    """Return the line counts of a shard's files (files that cannot be read are left out).

    This is the first read of each file, often from disk rather than the page cache: the kernel
    is asked to read the whole shard ahead (a virtual disk served 4 MB/s of small files read one
    at a time), and the files are then read in order. Reading threads did as well from disk and
    cost twice the time from the page cache.
    """
    files: Counter[str] = Counter()
    keys: dict[str, list[int]] = {}
    lengths: dict[str, list[int]] = {}
    prefetch(shard.sources)
    for source in shard.sources:
        document = _read_or_none(source, read)
        if document is not None:
            _count_document(document, files, keys, lengths)
    return _line_counts(files, keys, lengths)


def prefetch(sources: Iterable[Source]) -> None:
    """Ask the kernel to start reading these files into the page cache, without waiting."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for source in sources:
        # try/except rather than contextlib.suppress, whose object a file cost a seventh of
        # the 4.5 us a file took (c10000, from the page cache).
        try:
            handle = os.open(source.path, os.O_RDONLY)
            try:
                advise(handle, 0, 0, os.POSIX_FADV_WILLNEED)
            finally:
                os.close(handle)
        except OSError:
            pass


def _read_or_none(source: Source, read: ReadOptions) -> Document | None:
    try:
        return read_source(source, read.max_bytes)
    except SkippedInput:
        return None  # reported by the stage that cleans


def count_document_lines(documents: Iterable[Document]) -> LineCounts:
    """Return the line counts of documents already read (standard input)."""
    files: Counter[str] = Counter()
    keys: dict[str, list[int]] = {}
    lengths: dict[str, list[int]] = {}
    for document in documents:
        _count_document(document, files, keys, lengths)
    return _line_counts(files, keys, lengths)


def _count_document(
    document: Document,
    files: Counter[str],
    keys: dict[str, list[int]],
    lengths: dict[str, list[int]],
) -> None:
    group = group_of(document)
    files[group] += 1
    found: dict[int, int] = {}  # a distinct line's key -> its length (`LineCounts`)
    for line in document.text.splitlines():
        # Most lines are their words joined by single spaces already (`_is_single_spaced`): such
        # a line is counted as it stands, its words told by its spaces, without splitting and
        # joining it (c10000's first 500 files: 152 -> 123 million instructions; the test
        # written out, without its call).
        if line.isprintable() and "  " not in line and line.strip() is line:
            if line and line.count(" ") < TEMPLATE_WORDS:
                folded = line.casefold()
                found[xxhash.xxh64_intdigest(folded.encode("utf-8", "surrogatepass"))] = len(folded)
            continue
        # A line of more than TEMPLATE_WORDS words (a paragraph) is told by its first
        # TEMPLATE_WORDS + 1 parts, not split whole; a shorter one splits as it would whole.
        parts = line.split(None, TEMPLATE_WORDS)
        if 0 < len(parts) <= TEMPLATE_WORDS:  # as line_key folds it, the line split once
            folded = " ".join(parts).casefold()
            found[xxhash.xxh64_intdigest(folded.encode("utf-8", "surrogatepass"))] = len(folded)
    keys.setdefault(group, []).extend(found)
    lengths.setdefault(group, []).extend(found.values())


def _line_counts(
    files: Counter[str], keys: dict[str, list[int]], lengths: dict[str, list[int]]
) -> LineCounts:
    lines = {}
    for group, values in keys.items():
        unique, first, counts = np.unique(
            np.array(values, dtype=np.uint64), return_index=True, return_counts=True
        )
        # Lines of one key are one text once folded: the first one's length is each one's.
        length = np.array(lengths[group], dtype=np.int64)[first]
        lines[group] = (unique, counts.astype(np.int64), length)
    return LineCounts(dict(files), lines)


class HashedTemplate(TemplateLines):
    """Template lines known by their hashes: what `count_lines` over all shards reduces to."""

    def __init__(
        self, options: CleanOptions, frequent: dict[str, set[int]], lengths: dict[str, set[int]]
    ) -> None:
        super().__init__(options)
        # Per folder, the lengths of its template lines as line_key hashes them, and their
        # hashes (one look-up a line asked). A folder has few lengths (clean-trafilatura's one
        # folder 5 lines of 4 lengths), and a line of another length is told without hashing
        # it (87% of the 145,000 lines asked about there). Case folding keeps the length of an
        # ASCII line: most are told without it too.
        self._known = {
            group: (lengths[group], hashes) for group, hashes in frequent.items() if hashes
        }

    def add(self, group: str, text: str) -> None:
        raise NotImplementedError("HashedTemplate is built from LineCounts by template_of")

    def is_template(self, group: str, line: str) -> bool:
        known = self._known.get(group)
        if known is None:
            return False
        lengths, hashes = known
        # single_spaced written out, without its two calls (the cleaner asks about most lines
        # of every page)
        if line.isprintable() and "  " not in line and line.strip() is line:
            spaced = line
        else:
            spaced = " ".join(line.split())
        if spaced.isascii():
            if len(spaced) not in lengths:
                return False
            folded = spaced.casefold()
        else:
            folded = spaced.casefold()
            if len(folded) not in lengths:
                return False
        return xxhash.xxh64_intdigest(folded.encode("utf-8", "surrogatepass")) in hashes


def template_of(parts: Iterable[LineCounts], options: CleanOptions) -> HashedTemplate:
    """Return the lines in enough files of their folder to be page template."""
    files: Counter[str] = Counter()
    keys: dict[str, list[npt.NDArray[np.uint64]]] = {}
    counts: dict[str, list[npt.NDArray[np.int64]]] = {}
    lengths: dict[str, list[npt.NDArray[np.int64]]] = {}
    for part in parts:
        files.update(part.files)
        for group, (k, n, length) in part.lines.items():
            keys.setdefault(group, []).append(k)
            counts.setdefault(group, []).append(n)
            lengths.setdefault(group, []).append(length)
    frequent: dict[str, set[int]] = {}
    frequent_lengths: dict[str, set[int]] = {}
    for group in keys:
        needed = max(options.repeat_min_files, options.repeat_share * files[group])
        unique, first, inverse = np.unique(
            np.concatenate(keys[group]), return_index=True, return_inverse=True
        )
        totals = np.bincount(inverse, weights=np.concatenate(counts[group]))
        chosen = totals >= needed
        frequent[group] = set(unique[chosen].tolist())
        frequent_lengths[group] = set(np.concatenate(lengths[group])[first[chosen]].tolist())
    return HashedTemplate(options, frequent, frequent_lengths)


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
    # Large runs: the distinct terms of the shard's articles, ascending, and how many hold each.
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
    names: bool = False  # keep the names of terms, to explain matches


def featurize(task: FeatureTask) -> FeatureShard:
    """Return the cleaned articles' entries, signatures (and features) of a shard's files.

    With a work folder, the features are written there (`_store`) and the shard's document
    counts of terms come back, to be summed.
    """
    entries: list[Entry] = []
    skipped: list[tuple[str, str]] = []
    articles: list[Article] = []
    features: list[Features] = []
    # Articles are featurized a few at a time (`features_of` hashes them together), as they
    # are cleaned.
    waiting: list[Article] = []
    prefetch(task.shard.sources)  # evicted from the page cache since the first read, at times
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
        entries.append(Entry.of(article))
        waiting.append(article)
        if len(waiting) == FEATURES_AT_ONCE:
            features.extend(features_of(waiting, task.names))
            waiting = []
    features.extend(features_of(waiting, task.names))
    keys = [found.exact_key for found in features]
    signatures = _matrix([found.signature for found in features])
    result = FeatureShard(task.shard.rank, entries, keys, signatures, skipped, articles)
    if task.workdir is None:
        result.features = features
    else:
        _store(result, features, task.workdir)
    return result


def _store(result: FeatureShard, features: list[Features], workdir: str) -> None:
    """Write a shard's features to the work folder: the terms of all its articles as flat arrays
    (read whole by `distinctive_keys`, mapped by `read_features`), the rest pickled one article
    after another, with the offsets of each."""
    keys = [item.term_keys for item in features]
    flat = np.concatenate(keys) if keys else np.empty(0, np.uint64)
    counts = np.concatenate([item.term_counts for item in features]) if keys else np.empty(0)
    np.save(_path(workdir, "term-keys", result.rank, ".npy"), flat)
    # A term counted more than 65,535 times in one article weighs as if it were that many.
    np.save(
        _path(workdir, "term-counts", result.rank, ".npy"),
        np.minimum(counts, 65535).astype(np.uint16),
    )
    np.save(_path(workdir, "term-starts", result.rank, ".npy"), _starts([len(k) for k in keys]))
    result.term_keys, result.term_counts = _document_counts(flat)
    # The signature goes back in the shard's matrix: stored features do without it. The arrays
    # are left out: pickling three arrays an article cost more than the rest of its features
    # (about 100 against 60 us to write, 50 against 7 to read). The rest is pickled as a tuple
    # of the fields' values, not as Features: a copy without the arrays and the pickle of a
    # dataclass took 14 us an article to write, the tuple 8. The lead's keys go in as their
    # bytes: numpy's pickling of an array was 6 of those 8 us, and 3 of the 4 to read one.
    blobs = [
        pickle.dumps(
            (*_stored_fields(item), item.lead_keys.tobytes()), protocol=pickle.HIGHEST_PROTOCOL
        )
        for item in features
    ]
    with open(_path(workdir, "features", result.rank, ".bin"), "wb") as handle:
        for blob in blobs:
            handle.write(blob)
    np.save(_path(workdir, "offsets", result.rank, ".npy"), _starts([len(b) for b in blobs]))


def _document_counts(
    flat: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """Return the distinct keys of the articles' terms, ascending, and how many articles hold
    each (as np.unique with counts), from their keys one article after another.

    Each article's keys are distinct and ascending: a stable sort (numpy's is timsort) merges
    those runs, a third cheaper than np.unique's sort of the whole.
    """
    ordered = np.sort(flat, kind="stable")
    # As features.unique_counts: the bounds of the runs of equal keys, and the end, marked in
    # one array, whose differences are the counts (np.flatnonzero, np.append and np.diff, each
    # a copy of 140,000 keys a shard, took a third of the time).
    size = len(ordered)
    bounds = np.empty(size + 1, dtype=bool)
    bounds[0] = bounds[size] = True
    np.not_equal(ordered[1:], ordered[:-1], out=bounds[1:size])
    at = bounds.nonzero()[0]
    return ordered[at[:-1]], np.subtract(at[1:], at[:-1], dtype=np.int64)


def _starts(lengths: list[int]) -> npt.NDArray[np.int64]:
    return np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))).astype(np.int64)


_NO_SIGNATURE = np.empty(0, dtype=np.uint32)
# The fields of Features that `_store` pickles as they are: all but the arrays (the lead's keys
# are pickled as bytes, after these).
_STORED_FIELDS = tuple(
    f.name
    for f in fields(Features)
    if f.name not in ("term_keys", "term_counts", "signature", "lead_keys")
)
_stored_fields = operator.attrgetter(*_STORED_FIELDS)


def _term_hashes(features: Features) -> npt.NDArray[np.uint64]:
    return features.term_keys


def table_bits(articles: int) -> int:
    """Return the log2 of the size of the document-count table for a run of `articles`."""
    return max(20, min(27, math.ceil(math.log2(max(articles, 1))) + 8))


def add_counts(table: npt.NDArray[np.uint32], shard: FeatureShard) -> None:
    """Add a shard's document counts of terms to the collection's table.

    The table is indexed by the top bits of a term's hash: two terms may share a slot (a rare
    term then looks a little less rare), and memory does not grow with the vocabulary.
    """
    shift = np.uint64(64 - int(math.log2(len(table))))
    slots = (shard.term_keys >> shift).astype(np.int64)  # ascending, as the keys are
    if not len(slots):
        return
    # Keys that share a slot are side by side: their counts are summed first, and each slot
    # is then added to once (np.add.at over every key, one element at a time in the numpy of
    # then, cost the parent ~40 s of CPU at 1,000,000 articles, taken from the workers). The
    # slots being distinct, np.add.at adds as `table[slots] += sums` would, in one pass over
    # the table where that reads it and then writes it (numpy 2: c100000's 256 shards, 0.55 ->
    # 0.29 s of the parent's CPU).
    first = np.flatnonzero(np.concatenate(([True], slots[1:] != slots[:-1])))
    np.add.at(table, slots[first], np.add.reduceat(shard.term_counts, first).astype(np.uint32))


# Stage 3: blocking keys --------------------------------------------------------------------


@dataclass(frozen=True)
class KeyTask:
    """The inputs of `distinctive_keys`: a shard's rank and the collection's document counts."""

    rank: int
    workdir: str
    size: int  # articles in the collection
    table_path: str


def distinctive_keys(task: KeyTask) -> list[npt.NDArray[np.uint64]]:
    """Return the hashes of each article's LARGE_BLOCK_TERMS most distinctive terms.

    Distinctive as scoring.TermWeights weighs terms: sublinear term frequency times smoothed
    inverse document frequency, over terms in 3 texts or more and in at most half of them.
    """
    hashes = np.load(_path(task.workdir, "term-keys", task.rank, ".npy"))
    tfs = np.load(_path(task.workdir, "term-counts", task.rank, ".npy")).astype(np.float64)
    starts = np.load(_path(task.workdir, "term-starts", task.rank, ".npy"))
    table = count_table(task.table_path)
    shift = np.uint64(64 - int(math.log2(len(table))))
    df = table[(hashes >> shift).astype(np.int64)].astype(np.float64)
    weight = (1.0 + np.log(np.maximum(tfs, 1))) * (np.log((task.size + 1) / (df + 1)) + 1.0)
    weight[(df < 3) | (df > 0.5 * task.size)] = -1.0
    keys = []
    bounds = starts.tolist()
    for k in range(len(bounds) - 1):
        start, end = bounds[k], bounds[k + 1]
        w, h = weight[start:end], hashes[start:end]
        rest = end - start - LARGE_BLOCK_TERMS
        if rest > 0:
            # Only terms weighing at least the LARGE_BLOCK_TERMS-th largest weight can be among
            # the first LARGE_BLOCK_TERMS by (weight descending, hash): those (ties included)
            # are sorted, rather than all of an article's hundreds (c10000's 40 shards: 0.54
            # -> 0.41 s of CPU, the same keys).
            chosen = (w >= np.partition(w, rest)[rest]).nonzero()[0]
            w, h = w.take(chosen), h.take(chosen)
        order = np.lexsort((h, -w))[:LARGE_BLOCK_TERMS]
        keys.append(h[order[w[order] > 0]])
    return keys


_mapped: dict[tuple[str, int, int], npt.NDArray[np.uint32]] = {}


def count_table(path: str) -> npt.NDArray[np.uint32]:
    """Return the table of document counts saved at `path`, mapped once per process.

    Mapped again by every task, the table's pages fault in again each time: at 1,000,000
    articles it holds 2**27 counts, and a task's lookups touch most of its 131,072 pages.
    """
    status = os.stat(path)
    key = (path, status.st_ino, status.st_mtime_ns)
    if key not in _mapped:
        forget_count_tables()
        # As a plain array over the mapping: numpy.memmap's indexing, a method in Python, cost
        # 8 of the 45 us an article's vector took in the grouping stage (c10000, profiled).
        _mapped[key] = np.asarray(np.load(path, mmap_mode="r"))
    return _mapped[key]


def forget_count_tables() -> None:
    """Unmap the tables `count_table` keeps, and forget the shards `read_features` read (a run's
    work folder is about to go)."""
    _mapped.clear()
    _stored.clear()


# Stage 4: scoring and grouping inside blocks -----------------------------------------------


@dataclass(frozen=True)
class BlockTask:
    """The inputs of `group_blocks`: blocks of linked articles and where their features are."""

    blocks: list[list[int]]  # first texts of exact-copy sets, each block sorted
    edges: list[tuple[int, int]]  # candidate pairs inside the blocks
    copies: dict[int, list[int]]  # first text -> all its copies, for the blocks' first texts
    entries: dict[int, Entry]
    locations: dict[int, tuple[int, int]]  # article -> (shard rank, index in the shard)
    workdir: str
    size: int
    table_path: str
    options: ClusterOptions


def group_blocks(task: BlockTask) -> list[Cluster]:
    """Return the clusters of the articles of some blocks, read back from the work folder.

    Inside the blocks it is the in-memory comparison: candidate pairs scored by scoring's
    similarity over TF-IDF vectors with the collection's counts, sub-blocks of the pairs that
    reach the threshold, every pair of a small sub-block scored, average linkage.
    """
    features = read_features(task.workdir, task.locations)
    table = count_table(task.table_path)
    weights = TermWeights.from_table(table, task.size)
    vectors = {head: weights.vector(features[head]) for block in task.blocks for head in block}
    pairs = score_pairs(task.edges, features, vectors)
    floor = task.options.threshold
    blocks = linked_blocks(pairs, floor)
    fill_blocks(blocks, pairs, features, vectors)
    comparison = Comparison(task.entries, features, task.copies, vectors, pairs, blocks, floor)
    return clusters_of(comparison, replace(task.options, min_size=1))


def read_features(workdir: str, locations: dict[int, tuple[int, int]]) -> dict[int, Features]:
    """Return the features `featurize` wrote for some articles, by (shard rank, index in it).

    A batch's articles come from nearly every shard: each shard's offsets are read once per
    process (`_stored_shard`) and its articles' bytes read at those offsets, without mapping the
    files again for every batch (at 1,000,000 articles, 500 batches of 256 shards each: 4
    mappings and a header read per shard and batch were most of the grouping stage).
    """
    found: dict[int, Features] = {}
    by_rank: dict[int, list[tuple[int, int]]] = {}
    for article, (rank, index) in locations.items():
        by_rank.setdefault(rank, []).append((index, article))
    for rank, wanted in sorted(by_rank.items()):
        stored = _stored_shard(workdir, rank)
        with contextlib.ExitStack() as files:
            blobs = _opened(files, _path(workdir, "features", rank, ".bin"))
            keys = _opened(files, _path(workdir, "term-keys", rank, ".npy"))
            counts = _opened(files, _path(workdir, "term-counts", rank, ".npy"))
            for index, article in sorted(wanted):
                low, high = stored.offsets[index], stored.offsets[index + 1]
                *values, lead_keys = pickle.loads(os.pread(blobs, high - low, low))
                start, end = stored.starts[index], stored.starts[index + 1]
                found[article] = Features(
                    **dict(zip(_STORED_FIELDS, values, strict=True)),
                    lead_keys=np.frombuffer(lead_keys, dtype=np.uint64),
                    term_keys=_read_array(keys, stored.keys, start, end),
                    term_counts=_read_array(counts, stored.counts, start, end).astype(np.float64),
                    signature=_NO_SIGNATURE.copy(),
                )
    return found


@dataclass(frozen=True)
class _StoredArray:
    """Where the values of an array saved by np.save start in its file, and their type."""

    at: int
    dtype: np.dtype


@dataclass(frozen=True)
class _StoredShard:
    """A shard's index in the work folder: each article's bytes of pickled features and span of
    terms, and the layout of its term arrays."""

    offsets: list[int]
    starts: list[int]
    keys: _StoredArray
    counts: _StoredArray


_stored: dict[tuple[str, int], _StoredShard] = {}


def _stored_shard(workdir: str, rank: int) -> _StoredShard:
    key = (workdir, rank)
    if key not in _stored:
        _stored[key] = _StoredShard(
            offsets=np.load(_path(workdir, "offsets", rank, ".npy")).tolist(),
            starts=np.load(_path(workdir, "term-starts", rank, ".npy")).tolist(),
            keys=_array_layout(_path(workdir, "term-keys", rank, ".npy")),
            counts=_array_layout(_path(workdir, "term-counts", rank, ".npy")),
        )
    return _stored[key]


def _array_layout(path: str) -> _StoredArray:
    with open(path, "rb") as handle:
        version = np.lib.format.read_magic(handle)
        if version == (1, 0):
            _, _, dtype = np.lib.format.read_array_header_1_0(handle)
        else:
            _, _, dtype = np.lib.format.read_array_header_2_0(handle)
        return _StoredArray(handle.tell(), dtype)  # one dimension, as `_store` saves them


def _opened(files: contextlib.ExitStack, path: str) -> int:
    handle = os.open(path, os.O_RDONLY)
    files.callback(os.close, handle)
    return handle


def _read_array(handle: int, stored: _StoredArray, start: int, end: int) -> npt.NDArray:  # type: ignore[type-arg]
    values = np.empty(end - start, dtype=stored.dtype)
    if len(values):
        os.preadv(handle, [values.data], stored.at + start * stored.dtype.itemsize)
    return values


def _matrix(rows: list[npt.NDArray[np.uint32]]) -> npt.NDArray[np.uint32]:
    if not rows:
        return np.empty((0, candidates.PERMUTATIONS), dtype=np.uint32)
    return np.stack(rows)


def _path(workdir: str, stage: str, rank: int, suffix: str) -> str:
    return os.path.join(workdir, f"{stage}-{rank:06d}{suffix}")
