"""Output: JSON lines, JSON arrays and CSV for machines, and files written safely to disk."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from dedup.errors import OutputError
from dedup.records import Article, Cluster


def json_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield one JSON line per record."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def json_array(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield a valid JSON array of the records, piece by piece, so it can be streamed."""
    first = True
    for record in records:
        yield ("[\n  " if first else ",\n  ") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "[]\n" if first else "\n]\n"


def cluster_csv(clusters: Iterable[Cluster]) -> Iterator[str]:
    """Yield CSV rows `id,cluster`, one per article, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "cluster"])
    yield buffer.getvalue()
    for cluster in clusters:
        for member in cluster.members:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow([member.id, cluster.cluster])
            yield buffer.getvalue()


def write_stream(chunks: Iterable[str], stream: TextIO) -> None:
    """Write chunks to a stream, flushing after each so a pipe sees records as they come."""
    for chunk in chunks:
        stream.write(chunk)
        stream.flush()


def check_output_folder(out: str, inputs: Iterable[str]) -> None:
    """Raise OutputError when `out` is, or lies inside, one of the input folders."""
    target = os.path.realpath(out)
    for given in inputs:
        if given == "-" or not os.path.isdir(given):
            continue
        folder = os.path.realpath(given)
        if target == folder or target.startswith(folder + os.sep):
            raise OutputError(
                f"{out}: the output folder must not be inside the input folder {given}"
            )
    if os.path.exists(out) and not os.path.isdir(out):
        raise OutputError(f"{out}: exists and is not a folder")


def output_path(out: str, ident: str) -> str:
    """Return where the file for article `ident` goes below `out`, never outside it."""
    parts = [p for p in ident.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if not parts or ident == "-":
        parts = ["stdin.txt"]
    if not parts[-1].endswith(".txt"):
        parts[-1] += ".txt"
    return os.path.join(out, *parts)


def write_atomic(path: str, text: str, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file, so a reader never sees half a file.

    Raises OutputError when the file exists and `force` is not set.
    """
    if os.path.exists(path) and not force:
        raise OutputError(f"{path}: already exists (use --force to overwrite)")
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".dedup-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            if not force and os.path.exists(path):
                raise OutputError(f"{path}: already exists (use --force to overwrite)")
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None


def write_article(out: str, article: Article, force: bool = False) -> str:
    """Write an article's cleaned body below `out`; returns the path written."""
    path = output_path(out, article.id)
    write_atomic(path, article.text + "\n", force)
    return path
