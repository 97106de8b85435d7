"""Views for people at a terminal: rich tables and the progress bar. Only the CLI imports this."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from dedup.records import Article, Cluster


def show_articles(articles: Iterable[Article], console: Console) -> None:
    """Print cleaned articles as a table: metadata, size and the start of the body."""
    table = Table(show_lines=True)
    for name in (
        "id",
        "title",
        "date",
        "source",
        "authors",
        "dateline",
        "section",
        "words",
        "removed",
        "body",
    ):
        table.add_column(name, overflow="fold")
    for article in articles:
        table.add_row(
            article.id,
            article.title or "",
            article.date or "",
            article.source or "",
            ", ".join(article.authors),
            article.dateline or "",
            article.section or "",
            str(article.words),
            str(len(article.removed)),
            article.text[:160] + ("…" if len(article.text) > 160 else ""),
        )
    console.print(table)


def show_clusters(clusters: Iterable[Cluster], console: Console) -> None:
    """Print clusters as a table, one row per member, the representative first."""
    table = Table(show_lines=True)
    for name in ("cluster", "size", "title", "members", "dates", "sources"):
        table.add_column(name, overflow="fold")
    for cluster in clusters:
        members = "\n".join(
            f"{'* ' if m.id == cluster.representative else '  '}{m.id}  {m.similarity:.2f}"
            + ("  (exact)" if m.exact else "")
            for m in cluster.members
        )
        table.add_row(
            cluster.cluster,
            str(cluster.size),
            cluster.title or "",
            members,
            " – ".join(cluster.dates) if cluster.dates else "",
            ", ".join(cluster.sources),
        )
    console.print(table)
