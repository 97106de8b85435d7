"""Views for people at a terminal: rich tables and the progress bar. Only the CLI imports this."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
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


# Runs shorter than this show no bar: it would only flicker.
_BAR_AFTER_SECONDS = 2.0


@contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[str, int, int], None]]:
    """Yield a progress callback that draws a bar per stage on `console` (stderr).

    The bar shows files (or tasks) done, their rate and the time left; it appears only once the
    run has lasted a couple of seconds, so quick runs print nothing.
    """
    started = time.monotonic()
    bar = Progress(
        TextColumn("{task.description:>10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, tuple[TaskID, float]] = {}  # stage -> its bar and when it began
    shown = False

    def report(stage: str, done: int, total: int) -> None:
        nonlocal shown
        if not shown and time.monotonic() - started < _BAR_AFTER_SECONDS:
            return
        if not shown:
            bar.start()
            shown = True
        if stage not in tasks:
            tasks[stage] = (bar.add_task(stage, total=total, rate=""), time.monotonic())
        task, began = tasks[stage]
        elapsed = time.monotonic() - began
        rate = f"{done / elapsed:,.0f}/s" if done and elapsed > 0 else ""
        bar.update(task, completed=done, total=total, rate=rate)

    try:
        yield report
    finally:
        if shown:
            bar.stop()
