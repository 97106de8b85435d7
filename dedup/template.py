"""Page template: lines that repeat across many files of one folder, counted without markup.

Kept apart from the cleaner so that the cleaner can be compiled (mypyc) while the scale
pipeline's HashedTemplate, an interpreted subclass that workers receive pickled, stays plain.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from dedup.options import CleanOptions
from dedup.records import Document

TEMPLATE_WORDS = 40  # a longer line is text of its own, never page template


class TemplateLines:
    """Lines that repeat across many files of one folder: a text-only stand-in for a page template."""

    def __init__(self, options: CleanOptions) -> None:
        self._options = options
        self._counts: dict[str, Counter[int]] = defaultdict(Counter)
        self._files: Counter[str] = Counter()
        self._frequent: dict[str, set[int]] | None = None

    def add(self, group: str, text: str) -> None:
        """Count the distinct short lines of one file of `group`."""
        self._files[group] += 1
        keys = {
            _line_key(line) for line in text.splitlines() if 0 < len(line.split()) <= TEMPLATE_WORDS
        }
        self._counts[group].update(keys)
        self._frequent = None

    def is_template(self, group: str, line: str) -> bool:
        """Return True when `line` repeats in enough files of `group` to be page template."""
        if self._frequent is None:
            self._frequent = {}
            for name, counts in self._counts.items():
                needed = max(
                    self._options.repeat_min_files, self._options.repeat_share * self._files[name]
                )
                self._frequent[name] = {key for key, n in counts.items() if n >= needed}
        frequent = self._frequent.get(group)
        return bool(frequent) and _line_key(line) in frequent  # type: ignore[operator]


def _line_key(line: str) -> int:
    return zlib.crc32(" ".join(line.split()).casefold().encode("utf-8", "replace"))


def group_of(document: Document) -> str:
    """Return the site a document belongs to for template detection: its folder."""
    if document.path is None:
        return ""
    return document.path.rsplit("/", 1)[0] if "/" in document.path else ""


def build_template(documents: Iterable[Document], options: CleanOptions) -> TemplateLines:
    """Return the template lines of `documents`, counted per folder."""
    template = TemplateLines(options)
    for document in documents:
        template.add(group_of(document), document.text)
    return template
