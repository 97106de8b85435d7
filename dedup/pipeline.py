"""The pipeline: paths in, cleaned articles and clusters out, with skipped inputs reported.

This is the library's front door: `clean_paths` and `cluster_paths` do what `dedup clean` and
`dedup clusters` do, and report each input they skip to a callback instead of stopping.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from dedup.cleaning import TemplateLines, build_template, clean_document
from dedup.clustering import cluster_articles
from dedup.errors import SkippedInput
from dedup.options import CleanOptions, ClusterOptions, ReadOptions
from dedup.reading import STDIN, Source, discover, read_source, read_stream, require_inputs
from dedup.records import Article, Cluster, Document, Removal

OnSkip = Callable[[SkippedInput], None]

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
) -> Iterator[Article]:
    """Yield the cleaned articles of `paths`, lines repeated across a folder's files removed.

    Files are read twice, once to count repeated lines and once to clean, so that memory holds
    line counts and not texts; standard input is held, as it cannot be read twice.
    """
    read = read or ReadOptions()
    clean = clean or CleanOptions()
    paths = list(paths)
    sources = find_sources(paths, read)
    held: list[Document] = []
    if STDIN in paths:
        held = list(read_stream(stdin or sys.stdin, on_skip))
    quiet: OnSkip = lambda error: None  # noqa: E731 - reported on the second read
    counted = read_documents([p for p in paths if p != STDIN], read, quiet, sources=sources)
    template = build_template([*held, *counted], clean)
    yield from clean_documents(held, clean, template)
    files = read_documents([p for p in paths if p != STDIN], read, on_skip, sources=sources)
    yield from clean_documents(files, clean, template)


def cluster_paths(
    paths: Iterable[str],
    read: ReadOptions | None = None,
    clean: CleanOptions | None = None,
    cluster: ClusterOptions | None = None,
    on_skip: OnSkip = _raise,
    stdin: IO[str] | None = None,
) -> list[Cluster]:
    """Return the clusters of the articles `paths` name, cleaned first."""
    articles = clean_paths(paths, read, clean, on_skip, stdin)
    return cluster_articles(articles, cluster or ClusterOptions())


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
