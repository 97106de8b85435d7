"""Reading: turn the paths a user names into a sorted list of sources, and sources into documents.

Discovery is cheap (names only) so the list of a million files can be sorted up front; reading a
source is a pure function of it, so worker processes can share the work.
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

from dedup.errors import InputError, NothingToProcess, SkippedInput
from dedup.records import Document

STDIN = "-"
DEFAULT_GLOB = "*.txt"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

# Characters that do not occur in text; a share above this says the file is binary.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}
# The same characters as bytes of UTF-8: they are counted as the bytes that deleting them removes
# (bytes.translate runs at memory speed, a regular expression's class at a fifth of it). In UTF-8
# a byte under 0x80 only ever encodes that character, so the counts are the same.
_CONTROL_BYTES = bytes(sorted(ord(c) for c in _CONTROL))
_SAMPLE_CHARS = 65536  # the characters of a file in which control characters are counted
_MAX_CONTROL_SHARE = 0.01
_MISREAD_BOM = codecs.BOM_UTF8.decode("cp1252")  # "\u00ef\u00bb\u00bf", the BOM read as cp1252


@dataclass(frozen=True, order=True)
class Source:
    """A file to read, and the id its article will carry.

    `problem` says why it cannot be read when listing its folder already told (a broken link, a
    folder that cannot be listed): reading it then reports that, as for any unreadable file.
    """

    id: str
    path: str
    problem: str | None = None


def discover(paths: Iterable[str], glob: str = DEFAULT_GLOB) -> list[Source]:
    """Return the files that `paths` name, sorted by id, each id unique within the run.

    A folder is walked recursively for names matching `glob`, skipping hidden files and folders
    and symlink loops; a file named directly is taken whatever its name. Raises InputError for a
    path that does not exist. Broken links matching `glob` and folders that cannot be listed are
    returned with their problem, so that the run reports them instead of passing over them.
    """
    found: list[tuple[Source, str]] = []  # (source, the PATH as given)
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            continue
        if not os.path.exists(given):
            raise InputError(f"{given}: no such file or folder")
        if os.path.isdir(given):
            for real, source in _walk(given, glob):
                if real not in seen:
                    seen.add(real)
                    found.append((source, given))
        else:
            real = os.path.realpath(given)
            if real not in seen:
                seen.add(real)
                found.append((Source(given, given), given))
    counts: dict[str, int] = {}
    for source, _ in found:
        counts[source.id] = counts.get(source.id, 0) + 1
    sources = [
        source if counts[source.id] == 1 else replace(source, id=_prefixed(given, source.id))
        for source, given in found
    ]
    return sorted(sources)


def _prefixed(given: str, ident: str) -> str:
    if ident == given:  # a file named directly: its path already says where it is
        return ident
    return os.path.join(given, ident)


def _walk(top: str, glob: str) -> Iterator[tuple[str, Source]]:
    """Yield (real path, source) of the files below `top` whose names match `glob`, the
    source's id their path relative to `top`; and of the folders that cannot be listed.

    Both are made from the folder's as the walk goes down: a file's real path is its folder's
    followed by its name unless the file is a link. (os.path.relpath and os.path.realpath of
    each file were 15 s of a million files.)
    """
    visited: set[str] = set()
    stack = [(top, "")]
    while stack:
        folder, relative = stack.pop()
        real = os.path.realpath(folder)
        if real in visited:  # a symlink loop, or a folder reached twice through links
            continue
        visited.add(real)
        # Its files' real paths open so: os.path.join for each file was a tenth of the listing
        # (100,000 files: 0.45 -> 0.40 s of CPU).
        inside = os.path.join(real, "")
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            problem = f"folder cannot be listed ({error.strerror or error})"
            yield real, Source(relative.rstrip(os.sep) or folder, folder, problem)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append((entry.path, relative + entry.name + os.sep))
                elif not fnmatch.fnmatchcase(entry.name, glob):
                    continue
                elif entry.is_file():
                    linked = entry.is_symlink()
                    file_real = os.path.realpath(entry.path) if linked else inside + entry.name
                    yield file_real, Source(relative + entry.name, entry.path)
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    target = os.readlink(entry.path)
                    problem = f"broken symbolic link (to {target})"
                    yield entry.path, Source(relative + entry.name, entry.path, problem)
            except OSError:
                continue


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Return the document in `source`; raises SkippedInput naming the file and the reason."""
    if source.problem is not None:
        raise SkippedInput(source.path, source.problem)
    try:
        size = os.path.getsize(source.path)
        if size > max_bytes:
            raise SkippedInput(source.path, f"larger than --max-bytes ({size} > {max_bytes} bytes)")
        # A file descriptor read whole, not a file object: open()'s buffered reader was made
        # and closed for a single read (c10000's files: 12.2 -> 7.3 us a file, read twice a
        # run).
        handle = os.open(source.path, os.O_RDONLY)
        try:
            # A read of n bytes allocates n at once: max_bytes + 1 (64 MB) was mapped and
            # unmapped for every file (20 of the 41 us it took to read one of c10000). The
            # size first, and on past it only for a file that grew since, or a pipe (size 0).
            raw = _read_at_most(handle, size + 1)
            if len(raw) > size:
                raw += _read_at_most(handle, max_bytes - size)
        finally:
            os.close(handle)
    except PermissionError:
        raise SkippedInput(source.path, "permission denied") from None
    except OSError as error:
        raise SkippedInput(source.path, f"cannot be read ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise SkippedInput(source.path, f"larger than --max-bytes ({max_bytes} bytes)")
    text = decode(raw, source.path)
    return Document(id=source.id, text=text, path=source.path)


def _read_at_most(handle: int, size: int) -> bytes:
    """Return the next `size` bytes of an open file, or fewer at its end (as a file object's
    read: os.read may give fewer at once, from a pipe)."""
    parts = []
    while size > 0:
        part = os.read(handle, size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)  # a single part is given back as it is, not copied


def decode(raw: bytes, name: str) -> str:
    """Return `raw` as text: UTF-8, UTF-8 or UTF-16 with a BOM, or else cp1252."""
    encoded: bytes | None = None  # the text's UTF-8, where `raw` is it
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SkippedInput(
                name, "not decodable as UTF-16 despite its byte-order mark"
            ) from None
    else:
        if b"\x00" in raw:
            raise SkippedInput(name, "binary file (it contains NUL bytes)")
        try:
            text = raw.decode("utf-8")
            encoded = raw  # strict UTF-8 decodes to no surrogate, and encodes back to `raw`
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise SkippedInput(name, "not decodable as UTF-8 or cp1252") from None
    # A BOM read in the wrong encoding before the file was saved as UTF-8 ('ï»¿'): no text.
    if text.startswith(_MISREAD_BOM):
        text, encoded = text.removeprefix(_MISREAD_BOM), None
    if not text or text.isspace():  # (strip() would copy the text to tell)
        raise SkippedInput(name, "empty file")
    # The sample's bytes are the file's when it was UTF-8 of no more bytes than the sample has
    # characters (most files: no second encoding of the text).
    if encoded is not None and len(encoded) <= _SAMPLE_CHARS:
        sample = encoded
    else:
        sample = text[:_SAMPLE_CHARS].encode("utf-8", "surrogatepass")
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control > _MAX_CONTROL_SHARE * min(len(text), _SAMPLE_CHARS):
        raise SkippedInput(name, "binary file (too many control characters)")
    return text


def read_stream(
    stream: IO[str], on_skip: Callable[[SkippedInput], None], name: str = "<stdin>"
) -> Iterator[Document]:
    """Yield the documents on a text stream: JSON lines of articles, or else one article `-`.

    Text whose first non-blank character is `{` is read as JSON lines, each an object with at
    least `id` and `text`; other fields are kept. A malformed line is reported with its number.
    """
    head = ""
    for line in stream:
        head += line
        if head.strip():
            break
    if not head.strip():
        return
    if not head.lstrip().startswith("{"):
        text = head + stream.read()
        yield Document(id=STDIN, text=text, path=None)
        return
    seen: set[str] = set()
    lines = iter([head])
    number = 0
    for source in (lines, stream):
        for line in source:
            number += 1
            if not line.strip():
                continue
            try:
                document = _document_from_json(line)
            except SkippedInput as error:
                on_skip(SkippedInput(f"{name} line {number}", error.reason))
                continue
            if document.id in seen:
                on_skip(SkippedInput(f"{name} line {number}", f"duplicate id {document.id!r}"))
                continue
            seen.add(document.id)
            yield document


def _document_from_json(line: str) -> Document:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        raise SkippedInput("", f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise SkippedInput("", "not a JSON object")
    ident, text = record.get("id"), record.get("text")
    if not isinstance(ident, str) or not ident:
        raise SkippedInput("", "no string field 'id'")
    if not isinstance(text, str):
        raise SkippedInput("", "no string field 'text'")
    extra = {k: v for k, v in record.items() if k not in ("id", "text")}
    return Document(id=ident, text=text, path=None, extra=extra)


def require_inputs(paths: Iterable[str], sources: list[Source], glob: str = DEFAULT_GLOB) -> None:
    """Raise NothingToProcess when the paths, standard input aside, named no file at all."""
    paths = list(paths)
    if STDIN in paths or sources:
        return
    folders = [p for p in paths if os.path.isdir(p)]
    if len(folders) == 1:
        raise NothingToProcess(f"{folders[0]}: no files matching {glob!r} in this folder")
    if folders:
        raise NothingToProcess(f"no files matching {glob!r} in {', '.join(folders)}")
    raise NothingToProcess("no input files")
