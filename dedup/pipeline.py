"""The pipeline: paths in, cleaned articles and clusters out, with skipped inputs reported.

This is the library's front door: `clean_paths` and `cluster_paths` do what `dedup clean` and
`dedup clusters` do, and report each input they skip to a callback instead of stopping.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from dedup import candidates
from dedup.cleaning import clean_document
from dedup.clustering import (
    Comparison,
    Entry,
    cluster_articles,
    clusters_of,
    compare_features,
    exact_copies,
    signature_matrix,
)
from dedup.errors import SkippedInput, WorkFolderError
from dedup.options import CleanOptions, ClusterOptions, ReadOptions
from dedup.reading import STDIN, Source, discover, read_source, read_stream, require_inputs
from dedup.records import Article, Cluster, Document, Removal
from dedup.stages import (
    BATCH_ARTICLES,
    LARGE_BLOCK_CAP,
    LARGE_BLOCK_TERMS,
    LARGE_MIN_SHARED,
    MAX_BLOCK,
    BlockTask,
    FeatureTask,
    KeyTask,
    Progress,
    Shard,
    add_counts,
    count_document_lines,
    count_lines,
    distinctive_keys,
    feature_shard_files,
    featurize,
    forget_count_tables,
    group_blocks,
    make_shards,
    no_progress,
    run_tasks,
    table_bits,
    template_of,
)
from dedup.template import TemplateLines

OnSkip = Callable[[SkippedInput], None]
# Pairs of near copies (rows of first texts) and the share of their signatures that agree.
NearCopies = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]

# Runs of up to this many files are compared in memory, without a temporary folder.
SMALL_RUN = 5000
# What a larger run writes to its work folder per input file, about (7.4 KB on make_corpus).
WORK_BYTES_PER_FILE = 8_000

_CLEANED_FIELDS = (
    "title",
    "date",
    "source",
    "authors",
    "dateline",
    "section",
    "language",
    "removed",
)


def _raise(error: SkippedInput) -> None:
    raise error


def find_sources(paths: Iterable[str], options: ReadOptions) -> list[Source]:
    """Return the files `paths` name; raises InputError or NothingToProcess when there are none."""
    paths = list(paths)
    sources = discover(paths, options.glob)
    require_inputs(paths, sources, options.glob)
    return sources


def read_documents(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    on_skip: OnSkip = _raise,
    stdin: IO[str] | None = None,
    sources: list[Source] | None = None,
) -> Iterator[Document]:
    """Yield the documents of `paths` in id order (standard input, if named, first)."""
    options = options or ReadOptions()
    paths = list(paths)
    if sources is None:
        sources = find_sources(paths, options)
    if STDIN in paths:
        yield from read_stream(stdin or sys.stdin, on_skip)
    for source in sources:
        try:
            yield read_source(source, options.max_bytes)
        except SkippedInput as error:
            on_skip(error)


def clean_documents(
    documents: Iterable[Document],
    options: CleanOptions | None = None,
    template: TemplateLines | None = None,
) -> Iterator[Article]:
    """Yield the cleaned article of each document; records already cleaned pass through."""
    options = options or CleanOptions()
    for document in documents:
        if "removed" in document.extra:
            yield article_from_record(document)
        else:
            yield clean_document(document, options, template)


def clean_paths(
    paths: Iterable[str],
    read: ReadOptions | None = None,
    clean: CleanOptions | None = None,
    on_skip: OnSkip = _raise,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
) -> Iterator[Article]:
    """Yield the cleaned articles of `paths` in id order, lines repeated across a folder's files
    removed.

    Files are read twice, once to count repeated lines (as hashes) and once to clean, so that
    memory holds line hashes and not texts; standard input is held, as it cannot be read twice.
    `read.workers` processes share the work; the articles are the same whatever their number.
    """
    read = read or ReadOptions()
    clean = clean or CleanOptions()
    paths = list(paths)
    sources = find_sources(paths, read)
    held: list[Document] = []
    if STDIN in paths:
        held = list(read_stream(stdin or sys.stdin, on_skip))
    template = _template(sources, held, read, clean, progress)
    yield from clean_documents(held, clean, template)
    tasks = [
        FeatureTask(s, read, clean, template, keep_articles=True, signatures=False)
        for s in make_shards(sources)
    ]
    for shard in run_tasks(featurize, tasks, read.workers, "clean", progress, _files):
        _report(shard.skipped, on_skip)
        yield from shard.articles


def _template(
    sources: list[Source],
    held: list[Document],
    read: ReadOptions,
    clean: CleanOptions,
    progress: Progress,
) -> TemplateLines:
    shards = make_shards(sources)
    counting = functools.partial(count_lines, read=read)
    parts = list(run_tasks(counting, shards, read.workers, "template", progress, _files))
    if held:
        parts.append(count_document_lines(held))
    return template_of(parts, clean)


def _files(task: Shard | FeatureTask) -> int:
    return len(task.sources if isinstance(task, Shard) else task.shard.sources)


def _report(skipped: Iterable[tuple[str, str]], on_skip: OnSkip) -> None:
    for source, reason in skipped:
        on_skip(SkippedInput(source, reason))


def cluster_paths(
    paths: Iterable[str],
    read: ReadOptions | None = None,
    clean: CleanOptions | None = None,
    cluster: ClusterOptions | None = None,
    on_skip: OnSkip = _raise,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
) -> list[Cluster]:
    """Return the clusters of the articles `paths` name, cleaned first, the largest first.

    Up to SMALL_RUN files are compared in memory. A larger run keeps only each article's
    signature, entry and compact features (written to a temporary folder, read back for the
    articles that candidates link), so that memory grows with signatures and not with texts.
    """
    read = read or ReadOptions()
    clean = clean or CleanOptions()
    cluster = cluster or ClusterOptions()
    paths = list(paths)
    if STDIN in paths:
        articles = clean_paths(paths, read, clean, on_skip, stdin, progress)
        return cluster_articles(articles, cluster)
    sources = find_sources(paths, read)
    template = _template(sources, [], read, clean, progress)
    return _cluster_sources(sources, template, read, clean, cluster, on_skip, progress)


def unique_paths(
    paths: Iterable[str],
    read: ReadOptions | None = None,
    clean: CleanOptions | None = None,
    cluster: ClusterOptions | None = None,
    on_skip: OnSkip = _raise,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
) -> tuple[list[Cluster], Iterator[Article]]:
    """Return the clusters of `paths` (as `cluster_paths`) and an iterator over the cleaned
    article of each cluster's representative, in id order.

    Only the representatives are cleaned a second time, so memory holds the clusters and not
    the texts (standard input, which cannot be read twice, is held).
    """
    read = read or ReadOptions()
    clean = clean or CleanOptions()
    cluster = cluster or ClusterOptions()
    paths = list(paths)
    if STDIN in paths:
        articles = {a.id: a for a in clean_paths(paths, read, clean, on_skip, stdin, progress)}
        found = cluster_articles(articles.values(), cluster)
        return found, iter([articles[k] for k in sorted(c.representative for c in found)])
    sources = find_sources(paths, read)
    template = _template(sources, [], read, clean, progress)
    found = _cluster_sources(sources, template, read, clean, cluster, on_skip, progress)
    representatives = {c.representative for c in found}
    kept = [source for source in sources if source.id in representatives]
    return found, _cleaned(kept, template, read, clean, on_skip, progress)


def _cleaned(
    sources: list[Source],
    template: TemplateLines,
    read: ReadOptions,
    clean: CleanOptions,
    on_skip: OnSkip,
    progress: Progress,
) -> Iterator[Article]:
    tasks = [
        FeatureTask(s, read, clean, template, keep_articles=True, signatures=False)
        for s in make_shards(sources)
    ]
    for shard in run_tasks(featurize, tasks, read.workers, "write", progress, _files):
        _report(shard.skipped, on_skip)  # a file changed or removed since it was clustered
        yield from shard.articles


def _cluster_sources(
    sources: list[Source],
    template: TemplateLines,
    read: ReadOptions,
    clean: CleanOptions,
    cluster: ClusterOptions,
    on_skip: OnSkip,
    progress: Progress,
) -> list[Cluster]:
    if len(sources) <= SMALL_RUN:
        tasks = [
            FeatureTask(s, read, clean, template, names=cluster.explain)
            for s in make_shards(sources)
        ]
        shards = list(run_tasks(featurize, tasks, read.workers, "features", progress, _files))
        for shard in shards:
            _report(shard.skipped, on_skip)
        entries = [e for shard in shards for e in shard.entries]
        features = [f for shard in shards for f in shard.features]
        signatures = _stacked([shard.signatures for shard in shards])
        comparison = compare_features(entries, features, signatures, cluster.threshold)
        return clusters_of(comparison, cluster)
    room = tempfile.gettempdir()
    needed = len(sources) * WORK_BYTES_PER_FILE
    free = _free_bytes(room)
    if free is not None and free < needed // 2:  # surely too little: say so before the work
        raise WorkFolderError(_no_room(room, len(sources), f"{free / 1e9:.1f} GB free"))
    try:
        with tempfile.TemporaryDirectory(prefix="dedup-") as workdir:
            try:
                return _cluster_large(
                    sources, template, read, clean, cluster, on_skip, progress, workdir
                )
            finally:
                forget_count_tables()  # a run with one worker mapped them in this process
    except OSError as error:  # the inputs' own errors were reported as skipped files
        left = _free_bytes(room)
        reason = error.strerror or f"{error}; {(left or 0) / 1e9:.1f} GB free"
        raise WorkFolderError(_no_room(room, len(sources), reason)) from None


def _free_bytes(folder: str) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _no_room(folder: str, files: int, reason: str) -> str:
    gigabytes = files * WORK_BYTES_PER_FILE / 1e9
    return (
        f"{folder}: cannot hold the work folder of this run ({reason}); {files:,} files need "
        f"about {gigabytes:.1f} GB there: set TMPDIR to a folder with more room"
    )


def _cluster_large(
    sources: list[Source],
    template: TemplateLines,
    read: ReadOptions,
    clean: CleanOptions,
    cluster: ClusterOptions,
    on_skip: OnSkip,
    progress: Progress,
    workdir: str,
) -> list[Cluster]:
    tasks = [
        FeatureTask(s, read, clean, template, workdir, names=cluster.explain)
        for s in make_shards(sources, feature_shard_files(len(sources)))
    ]
    entries: list[Entry] = []
    exact_keys: list[str] = []
    signatures = []
    locations: list[tuple[int, int]] = []  # article -> (shard rank, index in the shard)
    table = np.zeros(1 << table_bits(len(sources)), dtype=np.uint32)
    for shard in run_tasks(featurize, tasks, read.workers, "features", progress, _files):
        _report(shard.skipped, on_skip)
        entries.extend(shard.entries)
        exact_keys.extend(shard.exact_keys)
        signatures.append(shard.signatures)
        locations.extend((shard.rank, k) for k in range(len(shard.entries)))
        add_counts(table, shard)
    table_path = os.path.join(workdir, "counts.npy")
    np.save(table_path, table)
    del table
    size = len(entries)
    copies = exact_copies(exact_keys)
    del exact_keys
    unique = sorted(copies)
    heads = np.array(unique, dtype=np.int64)
    first_signatures = _stacked(signatures)[heads]
    del signatures
    key_tasks = [KeyTask(t.shard.rank, workdir, size, table_path) for t in tasks]
    keys: list[npt.NDArray[np.uint64]] = []
    # The near copies need only the signatures: a thread of the parent finds them while the
    # workers find the keys, a stage that leaves the cores partly idle as they read the work
    # folder (c100000: 2.9 s of CPU in 2.5 s on two cores); numpy's sorts and arithmetic run
    # without the GIL. The thread starts at the first keys, once the workers are forked, so
    # that no fork copies a process whose thread is at work.
    with ThreadPoolExecutor(1) as helper:
        near: Future[NearCopies] | None = None
        for shard_keys in run_tasks(distinctive_keys, key_tasks, read.workers, "keys", progress):
            if near is None:
                near = helper.submit(candidates.near_copy_agreement, first_signatures)
            keys.extend(shard_keys)
        progress("candidates", 0, 1)
        copied = near.result() if near else candidates.near_copy_agreement(first_signatures)
    del first_signatures
    edges, blocks = _linked(heads, copied, [keys[i] for i in unique])
    del keys
    progress("candidates", 1, 1)
    linked = {head for block in blocks for head in block}
    alone = [head for head in unique if head not in linked]
    if cluster.explain:  # evidence needs every article's features
        blocks.extend([head] for head in alone)
        alone = []
    batches = _batches(
        blocks, edges, copies, entries, locations, workdir, size, table_path, cluster
    )
    found = [
        c
        for clusters in run_tasks(
            group_blocks, batches, read.workers, "groups", progress, _articles
        )
        for c in clusters
    ]
    single = {head: copies[head] for head in alone}
    members = {m: entries[m] for head in alone for m in single[head]}
    found.extend(
        clusters_of(Comparison(members, {}, single, {}, {}, []), replace(cluster, min_size=1))
    )
    found = [c for c in found if c.size >= cluster.min_size]
    return sorted(found, key=lambda c: (-c.size, c.representative))


def _linked(
    heads: npt.NDArray[np.int64], copied: NearCopies, keys: list[npt.NDArray[np.uint64]]
) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """Return the candidate pairs of `heads` (first texts), and the blocks they make, given the
    near copies among them (`candidates.near_copy_agreement` of their signatures) and their
    keys."""
    near, agreement = copied
    owners = np.repeat(np.arange(len(keys), dtype=np.int64), [len(k) for k in keys])
    flat = np.concatenate(keys) if keys else np.empty(0, np.uint64)
    shared, counts = candidates.shared_key_counts(owners, flat, LARGE_BLOCK_CAP)
    # One shared key in a large collection is mostly chance (on c10000, 60% of the pairs).
    strong = counts >= LARGE_MIN_SHARED
    shared, counts = shared[strong], counts[strong]
    # Near copies join first (by agreement), then pairs by the number of keys they share.
    pairs = np.concatenate([near, shared])
    strength = np.concatenate([1.0 + agreement, counts / (LARGE_BLOCK_TERMS + 1.0)])
    order = np.lexsort((-strength, pairs[:, 1], pairs[:, 0]))
    pairs, strength = pairs[order], strength[order]
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
    pairs, strength = heads[pairs[first]], strength[first]
    blocks = candidates.capped_components(pairs, strength, MAX_BLOCK)
    return [(a, b) for a, b in pairs.tolist()], blocks  # tolist: Python ints already


def _batches(
    blocks: list[list[int]],
    edges: list[tuple[int, int]],
    copies: dict[int, list[int]],
    entries: list[Entry],
    locations: list[tuple[int, int]],
    workdir: str,
    size: int,
    table_path: str,
    cluster: ClusterOptions,
) -> list[BlockTask]:
    """Return the blocks cut into tasks of about BATCH_ARTICLES articles, in order."""
    block_of = {head: k for k, block in enumerate(blocks) for head in block}
    inside: list[list[tuple[int, int]]] = [[] for _ in blocks]
    for a, b in edges:
        k = block_of.get(a, -1)
        if k >= 0 and block_of.get(b) == k:  # a pair left out of the blocks is not scored
            inside[k].append((a, b))
    batches = []
    start = 0
    while start < len(blocks):
        end, articles = start, 0
        while end < len(blocks) and (articles < BATCH_ARTICLES or end == start):
            articles += sum(len(copies[h]) for h in blocks[end])
            end += 1
        chosen = blocks[start:end]
        docs = [m for block in chosen for h in block for m in copies[h]]
        batches.append(
            BlockTask(
                blocks=chosen,
                edges=[e for k in range(start, end) for e in inside[k]],
                copies={h: copies[h] for block in chosen for h in block},
                entries={m: entries[m] for m in docs},
                locations={m: locations[m] for m in docs},
                workdir=workdir,
                size=size,
                table_path=table_path,
                options=cluster,
            )
        )
        start = end
    return batches


def _articles(task: BlockTask) -> int:
    return len(task.entries)


def _stacked(rows: list[npt.NDArray[np.uint32]]) -> npt.NDArray[np.uint32]:
    return np.concatenate(rows) if rows else signature_matrix([])


def article_from_record(document: Document) -> Article:
    """Return the article a record printed by `dedup clean` stands for, without cleaning again."""
    extra = dict(document.extra)
    fields: dict[str, Any] = {name: extra.pop(name, None) for name in _CLEANED_FIELDS}
    extra.pop("words", None)
    removed = tuple(
        Removal(str(r.get("text", "")), str(r.get("rule", "")), int(r.get("line", 0)))
        for r in fields["removed"] or []
        if isinstance(r, dict)
    )
    authors = fields["authors"] or []
    return Article(
        id=document.id,
        title=_text_or_none(fields["title"]),
        date=_text_or_none(fields["date"]),
        source=_text_or_none(fields["source"]),
        authors=tuple(str(a) for a in authors) if isinstance(authors, list) else (str(authors),),
        dateline=_text_or_none(fields["dateline"]),
        section=_text_or_none(fields["section"]),
        language=_text_or_none(fields["language"]),
        text=document.text,
        removed=removed,
        extra=extra,
    )


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
