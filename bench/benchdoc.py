"""docs/benchmarks.md: each benchmark script owns one section between its markers."""

from __future__ import annotations

import os
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def markers(name: str) -> tuple[str, str]:
    """Return the start and end markers of the section `name` ("clean", "events", "scale")."""
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(name: str, body: str) -> None:
    """Replace the section `name` of docs/benchmarks.md (or add it), leaving the others alone.

    `body` is the text between the markers; the file is replaced atomically.
    """
    start, end = markers(name)
    section = f"{start}\n{body.strip(chr(10))}\n{end}"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    temporary = DOCS.with_suffix(".md.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, DOCS)
