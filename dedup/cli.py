"""The command line: flags in, one library call, the result to the writer.

Every error the library raises on purpose becomes one `Error: ...` line and an exit status here,
and only here.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

import click

from dedup import __version__, calibration
from dedup.calibration import DEFAULT_THRESHOLDS, cluster_stems
from dedup.cleaning import explain_lines
from dedup.clustering import cluster_articles
from dedup.errors import DedupError, ExitStatus, SkippedInput, Terminated, WorkFolderError
from dedup.evaluation import load_gold, load_predicted, plot_curve, score_clustering
from dedup.options import ClusterOptions, Options, find_config, load_config
from dedup.output import (
    check_output_folder,
    cluster_csv,
    json_array,
    json_lines,
    write_article,
    write_atomic,
    write_stream,
)
from dedup.pipeline import clean_paths, cluster_paths, unique_paths
from dedup.records import Article, Cluster
from dedup.stages import Progress, fewer_collections, no_progress

F = TypeVar("F", bound=Callable[..., Any])


class Reporter:
    """Counts skipped inputs, warns about each on stderr, and says how the run ended."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.reasons: Counter[str] = Counter()

    def skip(self, error: SkippedInput) -> None:
        self.reasons[error.reason.split(" (")[0]] += 1
        if not self.quiet:
            click.echo(f"Warning: skipped {error.source}: {error.reason}", err=True)

    def info(self, message: str) -> None:
        if self.verbose:
            click.echo(message, err=True)

    def finish(self) -> ExitStatus:
        skipped = sum(self.reasons.values())
        if not skipped:
            return ExitStatus.SUCCESS
        if not self.quiet:
            reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.reasons.items()))
            click.echo(f"dedup: {skipped} input(s) skipped ({reasons})", err=True)
        return ExitStatus.SOME_SKIPPED


def _handles_errors(command: F) -> F:
    """Turn library errors into one `Error:` line, Ctrl-C into 130, a closed pipe into quiet."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        context = click.get_current_context()
        try:
            status = command(*args, **kwargs)
        except WorkFolderError as error:
            click.echo(f"Error: {error}", err=True)
            context.exit(ExitStatus.FAILED)
        except DedupError as error:
            click.echo(f"Error: {error}", err=True)
            context.exit(ExitStatus.USAGE)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            context.exit(ExitStatus.INTERRUPTED)
        except Terminated:
            click.echo("Terminated.", err=True)
            context.exit(ExitStatus.TERMINATED)
        except BrokenPipeError:
            _silence_stdout()
            context.exit(ExitStatus.SUCCESS)
        context.exit(int(status or 0))

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    # Python flushes stdout at exit; after a closed pipe that would raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def _remember_workers(context: click.Context, param: click.Parameter, value: int | None) -> None:
    # Every input command takes --workers; kept aside so that their signatures stay as they are.
    context.meta["dedup.workers"] = value


@contextlib.contextmanager
def _progress(quiet: bool, verbose: bool = False) -> Iterator[Progress]:
    """Yield a progress callback: a bar on stderr when it is a terminal, else nothing; with
    `verbose`, each stage's time on stderr as it ends, whether a bar is drawn or not."""
    with contextlib.ExitStack() as stack:
        report: Progress = no_progress
        if not quiet and sys.stderr.isatty():
            from rich.console import Console

            from dedup.terminal import progress_bar

            report = stack.enter_context(progress_bar(Console(stderr=True)))
        if verbose:
            report = stack.enter_context(_stage_times(report))
        yield report


@contextlib.contextmanager
def _stage_times(then: Progress) -> Iterator[Progress]:
    """Yield a progress callback that passes on to `then` and, as each stage ends, says on stderr
    what it did and how long it took ('features: 100,000 in 171.3 s, 584/s')."""
    began = time.monotonic()
    current: list[Any] = []  # [stage, when it began, its total]

    def close() -> None:
        if current:
            stage, start, total = current
            seconds = time.monotonic() - start
            rate = f", {total / seconds:,.0f}/s" if seconds > 0 and total > 1 else ""
            click.echo(f"{stage}: {total:,} in {seconds:.1f} s{rate}", err=True)
            current.clear()

    def report(stage: str, done: int, total: int) -> None:
        if not current or current[0] != stage:
            close()
            current.extend((stage, time.monotonic(), total))
        current[2] = total
        then(stage, done, total)

    try:
        yield report
    finally:
        close()
        click.echo(f"all stages: {time.monotonic() - began:.1f} s", err=True)


def _input_options(command: F) -> F:
    decorators = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option(
            "--glob", default=None, help="File names to take from folders.  [default: *.txt]"
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=None,
            help="Skip files larger than this.  [default: 64 MB]",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False),
            default=None,
            help="TOML config file.  [default: ./dedup.toml if present]",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            expose_value=False,
            callback=_remember_workers,
            help="Processes that read, clean and compare; same output for any number.  "
            "[default: the number of cores]",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No warnings or summary on stderr."),
        click.option("-v", "--verbose", is_flag=True, help="Say what is being done on stderr."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _format_option(choices: list[str]) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help="Output format.  [default: table on a terminal, else jsonl]",
    )


def _options(config_path: str | None, glob: str | None, max_bytes: int | None) -> Options:
    path = config_path or find_config()
    if config_path and not os.path.isfile(config_path):
        raise DedupError(f"{config_path}: no such config file")
    options = load_config(path) if path else Options()
    read = options.read
    if glob is not None:
        read = replace(read, glob=glob)
    if max_bytes is not None:
        read = replace(read, max_bytes=max_bytes)
    workers = click.get_current_context().meta.get("dedup.workers")
    if workers is not None:
        read = replace(read, workers=workers)
    return replace(options, read=read)


def _resolve_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "jsonl"


def _emit(records: Iterable[dict[str, Any]], fmt: str) -> None:
    chunks: Iterator[str] = json_array(records) if fmt == "json" else json_lines(records)
    write_stream(chunks, sys.stdout)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="dedup")
def main() -> None:
    """Normalize scraped news articles and group the reports of the same event.

    \b
      dedup clean seeds/ | jq .title
      dedup clusters seeds/ --min-size 2
      dedup clean corpus/ | dedup clusters - --format csv
    """
    # kill or timeout: stop as Ctrl-C does, so that a large run's work folder is removed.
    signal.signal(signal.SIGTERM, _terminate)
    fewer_collections()


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


@main.command()
@_input_options
@_format_option(["jsonl", "json", "table"])
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Also write each cleaned body to a .txt in this folder.",
)
@click.option("--force", is_flag=True, help="With --out: overwrite files that exist.")
@click.option(
    "--language", default=None, help="ISO 639-1 code of the texts' language.  [default: detected]"
)
@click.option(
    "--pattern",
    "patterns",
    multiple=True,
    help="A regular expression: lines matching it are boilerplate (repeatable).",
)
@click.option(
    "--repeat-min-files",
    type=click.IntRange(min=1),
    default=None,
    help="A line in at least this many files of a folder is page template.  [default: 3]",
)
@click.option(
    "--repeat-share",
    type=click.FloatRange(0, 1),
    default=None,
    help="...and in at least this share of the folder's files.  [default: 0.2]",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Add each line's verdict: kept, or the rule that removed it (shown per line on a terminal).",
)
@_handles_errors
def clean(
    paths: tuple[str, ...],
    glob: str | None,
    max_bytes: int | None,
    config_path: str | None,
    quiet: bool,
    verbose: bool,
    fmt: str | None,
    out: str | None,
    force: bool,
    language: str | None,
    patterns: tuple[str, ...],
    repeat_min_files: int | None,
    repeat_share: float | None,
    explain: bool,
) -> ExitStatus:
    """Strip boilerplate from articles and extract their metadata.

    PATH is a file, a folder (read recursively) or - for standard input. Prints one JSON object
    per article: id, title, date, source, authors, dateline, section, language, text, removed, words.

    \b
      dedup clean seeds/ | jq -c '{id, title, date, source}'
      dedup clean scraped/ --out cleaned/
      dedup clean page.txt --explain --format table
    """
    options = _options(config_path, glob, max_bytes)
    cleaning = options.clean
    if language:
        cleaning = replace(cleaning, language=language)
    if patterns:
        cleaning = replace(cleaning, extra_patterns=cleaning.extra_patterns + patterns)
    if repeat_min_files is not None:
        cleaning = replace(cleaning, repeat_min_files=repeat_min_files)
    if repeat_share is not None:
        cleaning = replace(cleaning, repeat_share=repeat_share)
    if explain:
        cleaning = replace(cleaning, explain=True)
    reporter = Reporter(quiet, verbose)
    if out:
        check_output_folder(out, paths)
    fmt = _resolve_format(fmt)
    with _progress(quiet or fmt == "table", verbose) as progress:
        articles = clean_paths(paths, options.read, cleaning, reporter.skip, progress=progress)
        _show_articles(articles, fmt, out, force, explain, reporter)
    return reporter.finish()


def _show_articles(
    articles: Iterable[Article], fmt: str, out: str | None, force: bool, explain: bool,
    reporter: Reporter,
) -> None:  # fmt: skip
    if out:
        articles = _written(articles, out, force, reporter)
    if fmt == "table" and explain:
        for article in articles:
            click.echo("\n".join(explain_lines(article)))
    elif fmt == "table":
        from rich.console import Console

        from dedup.terminal import show_articles

        show_articles(list(articles), Console())
    else:
        _emit((a.as_dict() for a in articles), fmt)


def _written(
    articles: Iterable[Article], out: str, force: bool, reporter: Reporter
) -> Iterator[Article]:
    for article in articles:
        path = write_article(out, article, force)
        reporter.info(f"wrote {path}")
        yield article


def _cluster_options(func: F) -> F:
    defaults = ClusterOptions()
    decorators = [
        click.option(
            "--threshold",
            type=click.FloatRange(0, 1),
            default=None,
            help=f"Similarity two reports of one event reach.  [default: {defaults.threshold}]",
        ),
        click.option(
            "--max-days",
            type=click.IntRange(min=0),
            default=None,
            help=f"Most days between reports of one event.  [default: {defaults.max_days}]",
        ),
        click.option(
            "--keep",
            type=click.Choice(["longest", "earliest", "first"]),
            default=None,
            help="Which member represents a cluster.  [default: longest]",
        ),
        click.option(
            "--language",
            default=None,
            help="ISO 639-1 code of the texts' language.  [default: detected]",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _clustering(options: Options, **flags: Any) -> ClusterOptions:
    changes = {k: v for k, v in flags.items() if v is not None}
    return replace(options.cluster, **changes)


@main.command()
@_input_options
@_format_option(["jsonl", "json", "csv", "table"])
@_cluster_options
@click.option(
    "--min-size",
    type=click.IntRange(min=1),
    default=None,
    help="List only clusters of at least this many articles.  [default: 1]",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Add each member's evidence: similarity, shared terms, date gap, conflicts.",
)
@_handles_errors
def clusters(
    paths: tuple[str, ...],
    glob: str | None,
    max_bytes: int | None,
    config_path: str | None,
    quiet: bool,
    verbose: bool,
    fmt: str | None,
    threshold: float | None,
    max_days: int | None,
    keep: str | None,
    language: str | None,
    min_size: int | None,
    explain: bool,
) -> ExitStatus:
    """List the groups of reports of the same event.

    PATH is a file, a folder or - for standard input (raw text, or the JSON lines of `dedup clean`,
    which are not cleaned again). Prints one JSON object per cluster.

    \b
      dedup clusters seeds/ --min-size 2
      dedup clean corpus/ | dedup clusters - | jq -r '.members[].id'
      dedup clusters corpus/ --format csv > clusters.csv
    """
    options = _options(config_path, glob, max_bytes)
    cleaning = replace(options.clean, language=language) if language else options.clean
    clustering = _clustering(
        options,
        threshold=threshold,
        max_days=max_days,
        keep=keep,
        min_size=min_size,
        explain=explain or None,
    )
    reporter = Reporter(quiet, verbose)
    with _progress(quiet, verbose) as progress:
        found = cluster_paths(
            paths, options.read, cleaning, clustering, reporter.skip, progress=progress
        )
    reporter.info(f"{len(found)} clusters")
    _show_clusters(found, _resolve_format(fmt))
    return reporter.finish()


def _show_clusters(found: list[Cluster], fmt: str) -> None:
    if fmt == "table":
        from rich.console import Console

        from dedup.terminal import show_clusters

        show_clusters(found, Console())
    elif fmt == "csv":
        write_stream(cluster_csv(found), sys.stdout)
    else:
        _emit((c.as_dict() for c in found), fmt)


@main.command()
@_input_options
@_cluster_options
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    required=True,
    help="Folder for one cleaned file per event and clusters.jsonl.",
)
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@_handles_errors
def unique(
    paths: tuple[str, ...],
    glob: str | None,
    max_bytes: int | None,
    config_path: str | None,
    quiet: bool,
    verbose: bool,
    threshold: float | None,
    max_days: int | None,
    keep: str | None,
    language: str | None,
    out: str,
    force: bool,
) -> ExitStatus:
    """Write the deduplicated corpus: one cleaned file per event.

    Each cluster's representative is written below OUT under its id, and OUT/clusters.jsonl says
    which inputs each one stands for.

    \b
      dedup unique scraped/ --out events/
    """
    options = _options(config_path, glob, max_bytes)
    cleaning = replace(options.clean, language=language) if language else options.clean
    clustering = _clustering(options, threshold=threshold, max_days=max_days, keep=keep)
    reporter = Reporter(quiet, verbose)
    check_output_folder(out, paths)
    index = os.path.join(out, "clusters.jsonl")
    if os.path.exists(index) and not force:
        raise DedupError(f"{index}: already exists (use --force to overwrite)")
    with _progress(quiet, verbose) as progress:
        found, representatives = unique_paths(
            paths, options.read, cleaning, clustering, reporter.skip, progress=progress
        )
        for article in representatives:
            path = write_article(out, article, force)
            reporter.info(f"wrote {path}")
    write_atomic(index, "".join(json_lines(c.as_dict() for c in found)), force)
    articles = sum(c.size for c in found)
    reporter.info(f"{len(found)} events from {articles} articles -> {out}")
    return reporter.finish()


def _show_scores(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    """Print score rows as a table on a terminal, else as JSON (one object, or an array)."""
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for name in rows[0]:
            table.add_column(name, justify="right")
        for row in rows:
            table.add_row(*(str(value) for value in row.values()))
        Console().print(table)
    else:
        click.echo(json.dumps(rows[0] if len(rows) == 1 else rows))


_gold_option = click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="CSV of gold labels with columns doc_id and event.",
)


@main.command(name="eval")
@_input_options
@_cluster_options
@_gold_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default=None,
    help="Output format.  [default: table on a terminal, else json]",
)
@_handles_errors
def eval_command(
    paths: tuple[str, ...], glob: str | None, max_bytes: int | None, config_path: str | None,
    quiet: bool, verbose: bool, threshold: float | None, max_days: int | None, keep: str | None,
    language: str | None, gold_path: str, fmt: str | None,
) -> ExitStatus:  # fmt: skip
    """Score clusters against gold event labels: B-cubed P/R/F1, pairwise P/R/F1 and ARI.

    PATH is a clustering file (JSON lines or an array, as `dedup clusters` prints) or a folder of
    articles, which is clustered first. Same numbers as the benchmark's score_clusters.py.

    \b
      dedup eval --gold labels.csv clusters.jsonl
      dedup eval --gold labels.csv docs/ --threshold 0.2
    """
    reporter = Reporter(quiet, verbose)
    gold = load_gold(gold_path)
    if len(paths) == 1 and os.path.isfile(paths[0]) and not paths[0].endswith(".txt"):
        scores = score_clustering(gold, load_predicted(paths[0]))
    else:
        options = _options(config_path, glob, max_bytes)
        cleaning = replace(options.clean, language=language) if language else options.clean
        clustering = _clustering(options, threshold=threshold, max_days=max_days, keep=keep)
        articles = clean_paths(paths, options.read, cleaning, reporter.skip)
        scores = score_clustering(gold, cluster_stems(cluster_articles(articles, clustering)))
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    _show_scores([scores.as_dict()], fmt, "scores")
    return reporter.finish()


@main.command()
@_input_options
@_cluster_options
@_gold_option
@click.option(
    "--thresholds",
    default=None,
    metavar="FROM:TO:STEP",
    help="Grid of thresholds to try.  [default: 0.05:0.5:0.01]",
)
@click.option(
    "--save",
    "save_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the chosen threshold into this config file's [cluster] table.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default=None,
    help="Output format.  [default: table and plot on a terminal, else json]",
)
@_handles_errors
def calibrate(
    paths: tuple[str, ...], glob: str | None, max_bytes: int | None, config_path: str | None,
    quiet: bool, verbose: bool, threshold: float | None, max_days: int | None, keep: str | None,
    language: str | None, gold_path: str, thresholds: str | None, save_path: str | None,
    fmt: str | None,
) -> ExitStatus:  # fmt: skip
    """Choose the similarity threshold that best matches gold event labels.

    Clusters PATH at each threshold of a grid (features and similarities are computed once),
    prints the B-cubed F1 curve and the chosen threshold: the middle of the best plateau.

    \b
      dedup calibrate --gold labels.csv docs/
      dedup calibrate --gold labels.csv docs/ --thresholds 0.1:0.3:0.02 --save dedup.toml
    """
    reporter = Reporter(quiet, verbose)
    gold = load_gold(gold_path)
    options = _options(config_path, glob, max_bytes)
    cleaning = replace(options.clean, language=language) if language else options.clean
    clustering = _clustering(options, threshold=threshold, max_days=max_days, keep=keep)
    grid = _grid(thresholds) if thresholds else DEFAULT_THRESHOLDS
    articles = clean_paths(paths, options.read, cleaning, reporter.skip)
    found = calibration.calibrate(articles, gold, clustering, grid)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "table":
        rows = [{"threshold": p.threshold, **p.scores.as_dict()} for p in found.curve]
        _show_scores(rows, fmt, "calibration")
        click.echo(plot_curve(found.curve))
    else:
        if sys.stderr.isatty() and not quiet:
            click.echo(plot_curve(found.curve), err=True)
        click.echo(json.dumps(found.as_dict()))
    if save_path:
        calibration.save_threshold(save_path, found.best.threshold)
        reporter.info(f"wrote threshold = {found.best.threshold:g} to {save_path}")
    return reporter.finish()


def _grid(spec: str) -> list[float]:
    """Return the thresholds FROM:TO:STEP names, both ends included."""
    try:
        start, stop, step = (float(part) for part in spec.split(":"))
    except ValueError:
        raise DedupError(f"--thresholds {spec}: expected FROM:TO:STEP, e.g. 0.1:0.3:0.02") from None
    if step <= 0 or stop < start or not 0 <= start <= 1 or not 0 <= stop <= 1:
        raise DedupError(f"--thresholds {spec}: need 0 <= FROM <= TO <= 1 and STEP > 0")
    count = round((stop - start) / step) + 1
    return [round(start + step * i, 6) for i in range(count) if start + step * i <= stop + 1e-9]
