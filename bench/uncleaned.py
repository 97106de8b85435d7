"""`dedup` with cleaning left out: what the rest of `dedup clusters` costs, for bench/scale.py.

    python bench/uncleaned.py clusters DIR -q -v

Runs the `dedup` command line with each article's cleaning replaced by a split of its text into
a first line (the title) and the rest (the body), kept whole: no boilerplate removed, no
metadata read. Everything else (reading, the template count, features, signatures, candidates,
scoring, grouping, the processes) runs as in `dedup clusters`. Its wall time is the floor below
which no saving in cleaning can take `dedup clusters`; its clusters are not dedup's (no dates, no
cleaned bodies) and are not scored.
"""

from __future__ import annotations

import multiprocessing
import sys

import dedup.stages
from dedup.cli import main
from dedup.options import CleanOptions
from dedup.records import Article, Document
from dedup.template import TemplateLines


def split_document(
    document: Document,
    options: CleanOptions | None = None,
    template: TemplateLines | None = None,
    explain: bool = False,
) -> Article:
    """Return the document as an article: its first line the title, the rest the body."""
    title, _, body = document.text.strip().partition("\n")
    return Article(document.id, title, None, None, (), None, None, "en", body.strip())


if __name__ == "__main__":
    # `featurize` calls the name it imported: stages.py is interpreted in every build (setup.py),
    # so the replacement reaches the workers, which are forked from this process.
    if not str(dedup.stages.__file__).endswith(".py"):
        sys.exit(f"{dedup.stages.__file__}: compiled, its calls cannot be replaced")
    if "fork" not in multiprocessing.get_all_start_methods():
        sys.exit("workers are not forked here: they would clean as dedup does")
    dedup.stages.clean_document = split_document  # type: ignore[attr-defined]
    sys.argv[0] = "dedup"
    main()
