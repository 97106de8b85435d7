"""dedup: normalize scraped news articles and group the reports of the same event.

    from dedup import clean_text, cluster_paths
    clusters = cluster_paths(["seeds/"])

The library never imports click or rich; only `dedup.cli` does.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from dedup.cleaning import clean_document, clean_text
from dedup.clustering import cluster_articles
from dedup.errors import DedupError, ExitStatus, InputError, SkippedInput
from dedup.options import CleanOptions, ClusterOptions, Options, ReadOptions
from dedup.pipeline import clean_paths, cluster_paths, read_documents
from dedup.records import Article, Cluster, Document, Member, Removal

try:
    __version__ = version("dedup")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "CleanOptions",
    "Cluster",
    "ClusterOptions",
    "DedupError",
    "Document",
    "ExitStatus",
    "InputError",
    "Member",
    "Options",
    "ReadOptions",
    "Removal",
    "SkippedInput",
    "__version__",
    "clean_document",
    "clean_paths",
    "clean_text",
    "cluster_articles",
    "cluster_paths",
    "read_documents",
]
