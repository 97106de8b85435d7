"""Scale benchmark: `dedup clusters` against the datasketch peer on make_corpus folders.

For each size (10,000, 100,000 and 1,000,000 articles; $DEDUP_SCALE_SIZES or --sizes to choose,
--skip-1m to leave out the largest) the corpus is generated once with make_corpus.py (seed 1) in
$DEDUP_SCALE_DIR (default /tmp/corpus/cN), then the peer (peer_datasketch.py) and `dedup clusters`
run on it in the same session: wall time, peak memory of the whole process tree (the sum of the
proportional set sizes of a process and all its children, sampled from /proc every 0.1 s, or less
often where a sample costs more: see SAMPLE_SHARE), and B-cubed F1
by score_clusters.py. Runs are repeated --runs times where the corpus is small enough, and the
median is kept. Where the peer runs, so does `dedup clusters` with cleaning left out
(bench/uncleaned.py): the floor that no saving in cleaning can take dedup below. `dedup clean`
throughput on the smallest corpus is measured too, as cleaning is most of the work. Writes its own
section of docs/benchmarks.md, between the scale markers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchdoc

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DEDUP_BENCH", ROOT.parent / "shared" / "bench"))
CORPORA = Path(os.environ.get("DEDUP_SCALE_DIR", "/tmp/corpus"))
DOCS = benchdoc.DOCS
START, END = benchdoc.markers("scale")
SIZES = [10_000, 100_000, 1_000_000]
BYTES_PER_ARTICLE = 4_300  # make_corpus text; the sharded run's work folder needs ~3x that
DEDUP = str(Path(sys.executable).parent / "dedup")  # the running environment's: compiled
UNCLEANED = Path(__file__).resolve().parent / "uncleaned.py"


@dataclass(frozen=True)
class Run:
    """One measured run: wall seconds, peak resident memory of the process tree, B-cubed F1, and
    CPU seconds of the process tree (user + system); for dedup, the wall time of each stage as
    `-v` prints it, of the last run."""

    seconds: float
    peak_mb: float
    bcubed_f1: float
    cpu_seconds: float
    stages: tuple[str, ...] = ()


def corpus(size: int) -> Path:
    """Return the folder of a make_corpus corpus of `size` articles, generating it if missing."""
    folder = CORPORA / f"c{size}"
    if (folder / "labels.csv").exists():
        return folder
    free = shutil.disk_usage(CORPORA.parent if not CORPORA.exists() else CORPORA).free
    needed = size * BYTES_PER_ARTICLE * 4
    if free < needed:
        raise SystemExit(
            f"{folder}: needs about {needed / 1e9:.1f} GB free, {free / 1e9:.1f} GB left"
        )
    CORPORA.mkdir(parents=True, exist_ok=True)
    print(f"generating {folder}", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "make_corpus.py"),
            str(folder),
            "--docs",
            str(size),
            "--seed",
            "1",
        ],
        check=True,
    )
    return folder


def _tree_memory_mb(root: int) -> float:
    """Return the memory of `root` and its descendants in MB: the sum of their proportional set
    sizes (PSS), so that pages a forked worker shares with its parent count once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack.extend(children.get(pid, []))
    return total / 1e3


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# A sample reads each process's PSS, for which the kernel walks its page tables: at 1,000,000
# articles (a parent of 2.4 GB, workers of 0.8 GB) sampling every 0.1 s took a quarter of a core
# (the benchmark's own process at 25-30% in top, the machine at 20% system time), taken from the
# two cores dedup's workers run on, while the peer, one process, leaves a core free for it. A
# sample is taken every SAMPLE_SECONDS, or after a longer pause, so that sampling takes at most
# SAMPLE_SHARE of one core.
SAMPLE_SECONDS = 0.1
SAMPLE_SHARE = 0.05


def measure(
    command: list[str], output: Path, log: Path | None = None
) -> tuple[float, float, float]:
    """Run `command` with stdout to `output` (stderr to `log`); return its wall seconds, peak tree
    memory (MB) and the CPU seconds of the process and the children it waited for (its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(output, "w", encoding="utf-8") as out, open(log or os.devnull, "w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        peak = 0.0
        while process.poll() is None:
            began = time.process_time()  # the kernel's walk is this process's system time
            peak = max(peak, _tree_memory_mb(process.pid))
            time.sleep(max(SAMPLE_SECONDS, (time.process_time() - began) / SAMPLE_SHARE))
        seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):  # 1: some inputs skipped
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    return seconds, peak, cpu


def score(folder: Path, predicted: Path) -> float:
    """Return the B-cubed F1 of `predicted` against the corpus labels (score_clusters.py)."""
    result = subprocess.run(
        [
            sys.executable,
            str(BENCH / "score_clusters.py"),
            str(folder / "labels.csv"),
            str(predicted),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(json.loads(result.stdout)["bcubed_f1"])


def median_run(command: list[str], folder: Path, runs: int, name: str, scored: bool = True) -> Run:
    """Return the median wall time, memory and CPU time of `runs` runs of `command`, and its F1
    (0 when not `scored`)."""
    found = []
    output = Path(f"/tmp/scale-{name}-{folder.name}.jsonl")
    log = output.with_suffix(".log")
    for _ in range(runs):
        warm_page_cache(folder)
        seconds, peak, cpu = measure(command, output, log)
        found.append((seconds, peak, cpu))
        print(f"{name} {folder.name}: {seconds:.1f} s, {peak:.0f} MB, {cpu:.1f} s CPU", flush=True)
    f1 = score(folder, output) if scored else 0.0
    return Run(
        statistics.median(s for s, _, _ in found),
        statistics.median(p for _, p, _ in found),
        f1,
        statistics.median(c for _, _, c in found),
        _stage_times(log),
    )


def warm_page_cache(folder: Path) -> None:
    """Read every file of `folder`, so that each command measured finds them in memory.

    The kernel may drop pages left unread for a while (this machine runs DAMON with a pageout
    scheme): the command run first after a pause read a cold corpus, and the peer, run first,
    took 104 s of wall time for 92 of CPU where dedup, run next, found the files read.
    """
    for path in folder.rglob("*.txt"):
        path.read_bytes()


def _stage_times(log: Path) -> tuple[str, ...]:
    """Return the stage lines `dedup -v` wrote ('features: 10,000 in 17.1 s, 584/s')."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return tuple(line for line in lines if " in " in line and line.split(":")[0].isalpha())


def clean_rate(folder: Path) -> float:
    """Return `dedup clean` throughput on `folder`, in articles a second (output discarded)."""
    seconds, _, _ = measure([DEDUP, "clean", str(folder), "-q"], Path(os.devnull))
    return sum(1 for _ in folder.rglob("*.txt")) / seconds


BREAKDOWN_FILES = 3_000


def breakdown(folder: Path) -> dict[str, float]:
    """Return the CPU milliseconds an article of the per-article phases of `dedup clusters`,
    measured in this process on one core over the first BREAKDOWN_FILES files of `folder`:
    reading, counting template lines, cleaning (with those template lines) and features."""
    from dedup.cleaning import clean_document
    from dedup.features import features_of
    from dedup.options import CleanOptions, ReadOptions
    from dedup.pipeline import find_sources
    from dedup.reading import read_source
    from dedup.stages import count_document_lines, fewer_collections, template_of

    fewer_collections()  # as `dedup` does at its start

    sources = find_sources([str(folder)], ReadOptions())[:BREAKDOWN_FILES]
    options = CleanOptions()
    spent: dict[str, float] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        began = time.process_time()
        result = work()
        spent[name] = 1000 * (time.process_time() - began) / len(sources)
        return result

    documents = timed("reading", lambda: [read_source(s) for s in sources])
    counts = timed("template lines", lambda: count_document_lines(documents))
    template = template_of([counts], options)
    articles = timed("cleaning", lambda: [clean_document(d, options, template) for d in documents])
    timed("features", lambda: features_of(articles))  # a few at a time, as featurize does
    return spent


def _breakdown_line(size: int, spent: dict[str, float], total_ms: float | None) -> str:
    parts = ", ".join(f"{name} {ms:.2f} ms" for name, ms in spent.items())
    rest = (
        f"; the rest of the {total_ms:.2f} ms an article of the {size:,} run (stage files, "
        f"blocking keys, candidates, scoring and grouping, processes) "
        f"{total_ms - sum(spent.values()):.2f} ms"
        if total_ms is not None
        else ""
    )
    return (
        f"Where the CPU goes (in-process, one core, the first {BREAKDOWN_FILES:,} articles of "
        f"{size:,}; bench/scale.py `breakdown`): {parts}{rest}."
    )


# The table's columns; rows kept from a session that measured fewer get empty cells at the end.
COLUMNS = (
    "articles", "runs", "peer time", "peer memory", "peer B³F1", "dedup time", "dedup memory",
    "dedup B³F1", "time vs peer", "memory vs peer", "peer CPU/article", "dedup CPU/article",
    "CPU vs peer", "dedup without cleaning", "without cleaning vs peer",
)  # fmt: skip


def _row(size: int, runs: int, peer: Run | None, ours: Run, uncleaned: Run | None) -> str:
    mine = f"{ours.seconds:.0f} s | {ours.peak_mb:,.0f} MB | {ours.bcubed_f1:.3f}"
    cpu = f"{1000 * ours.cpu_seconds / size:.2f} ms"
    if peer is None:
        return f"| {size:,} | {runs} | not run | | | {mine} | | | | {cpu} | | | |"
    floor = (
        f"{uncleaned.seconds:.0f} s | {uncleaned.seconds / peer.seconds:.2f}x"
        if uncleaned
        else " | "
    )
    return (
        f"| {size:,} | {runs} | {peer.seconds:.0f} s | {peer.peak_mb:,.0f} MB | "
        f"{peer.bcubed_f1:.3f} | {mine} | {ours.seconds / peer.seconds:.2f}x | "
        f"{ours.peak_mb / peer.peak_mb:.2f}x | {1000 * peer.cpu_seconds / size:.2f} ms | {cpu} | "
        f"{ours.cpu_seconds / peer.cpu_seconds:.2f}x | {floor} |"
    )


def kept_rows(measured: list[int]) -> list[tuple[int, str]]:
    """Return the table rows of the current section for sizes not measured in this session."""
    rows = []
    for line in _section_lines():
        cells = line.split("|")
        if len(cells) > 2 and cells[1].strip().replace(",", "").isdigit():
            size = int(cells[1].strip().replace(",", ""))
            if size not in measured:
                rows.append((size, line + " |" * (len(COLUMNS) + 2 - len(cells))))
    return rows


def kept_stages(measured: list[int]) -> list[tuple[int, str]]:
    """Return the stage lines ('- 1,000,000: template: ...') of the current section for sizes
    not measured in this session."""
    lines = []
    for line in _section_lines():
        head = line[2:].split(":", 1)[0].split(" ", 1)[0].replace(",", "")
        if line.startswith("- ") and head.isdigit() and int(head) not in measured:
            lines.append((int(head), line))
    return lines


def _kept_line(start: str) -> str | None:
    """Return the line of the current section that starts with `start`, if there is one."""
    return next((line for line in _section_lines() if line.startswith(start)), None)


def _rate_line(size: int, rate: float | None) -> str:
    if rate is None:
        return "`dedup clean` throughput: not measured (run with a size of 100,000 or less)."
    return (
        f"`dedup clean` on {size:,} articles: {rate:,.0f} articles/s "
        f"(`dedup clean {CORPORA}/c{size} -q > /dev/null`); cleaning and features are "
        "most of the time of `dedup clusters`."
    )


def _section_lines() -> list[str]:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    if START not in text:
        return []
    return text.split(START, 1)[1].split(END, 1)[0].splitlines()


def write_section(lines: list[str]) -> None:
    """Replace this script's section of docs/benchmarks.md, leaving the other sections alone."""
    benchdoc.write_section("scale", "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("DEDUP_SCALE_SIZES"))
    parser.add_argument("--skip-1m", action="store_true", help="leave out 1,000,000 articles")
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 20,000 articles")
    parser.add_argument(
        "--peer-max", type=int, default=None, help="run the peer only up to this many articles"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else SIZES
    if args.skip_1m:
        sizes = [s for s in sizes if s < 1_000_000]
    rows: list[tuple[int, int, Run | None, Run, Run | None]] = []
    for size in sizes:
        folder = corpus(size)
        runs = args.runs if size <= 20_000 else 1
        peer = uncleaned = None
        if args.peer_max is None or size <= args.peer_max:
            command = [sys.executable, str(BENCH / "peer_datasketch.py"), str(folder)]
            peer = median_run(command, folder, runs, "peer")
        ours = median_run([DEDUP, "clusters", str(folder), "-q", "-v"], folder, runs, "dedup")
        if peer is not None:
            command = [sys.executable, str(UNCLEANED), "clusters", str(folder), "-q"]
            uncleaned = median_run(command, folder, runs, "uncleaned", scored=False)
        rows.append((size, runs, peer, ours, uncleaned))
    smallest = min(sizes)
    measured = {size: o.cpu_seconds * 1000 / size for size, _, _, o, _ in rows}
    # Cleaning throughput and where the CPU goes, on the smallest corpus; a run of the largest
    # alone keeps the lines of the run before.
    if smallest <= 100_000:
        throughput = _rate_line(smallest, clean_rate(corpus(smallest)))
        where = _breakdown_line(smallest, breakdown(corpus(smallest)), measured.get(smallest))
    else:
        throughput = _kept_line("`dedup clean` on ") or _rate_line(smallest, None)
        where = _kept_line("Where the CPU goes") or "Where the CPU goes: not measured."
    cores = os.cpu_count()
    lines = [
        "## Scale: make_corpus near-duplicate groups against datasketch",
        "",
        f"Made by `make bench-scale` (bench/scale.py) on {cores} cores. Corpus: "
        "`make_corpus.py OUT --docs N --seed 1`. Peer: `peer_datasketch.py OUT` (MinHash 128, LSH "
        "0.5, union-find; one process). dedup: `dedup clusters OUT -q` with defaults (all cores). "
        "Memory: peak of the summed proportional set size (PSS: shared pages count once) of the "
        "process and its children, sampled every 0.1 s, or less often where a sample costs more "
        "(sampling takes at most 5% of a core; bench/scale.py SAMPLE_SHARE). "
        "B³F1: `score_clusters.py OUT/labels.csv pred.jsonl`. Peer and dedup run in the same "
        "session, one after the other, each right after the corpus's files are read once (so "
        "that none finds them paged out). CPU: user + system seconds of the process and its "
        "workers, per article; on a machine shared with other work it is the steadier figure "
        "(wall time includes waiting for a core). Rows of sizes not run in the latest session "
        "are kept from the session that ran them, with their stage lines (`bench/scale.py --sizes N` "
        "runs one size; `--sizes 1000000 --peer-max 100000` the largest alone, without the peer). "
        "Dedup without cleaning: bench/uncleaned.py, `dedup clusters OUT -q` with each article's "
        "cleaning replaced by a split into its first line and the rest, right after dedup; "
        "its time is the floor that no saving in cleaning can take dedup below.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
        *(
            line
            for _, line in sorted(
                [(size, _row(size, runs, p, o, u)) for size, runs, p, o, u in rows]
                + kept_rows([size for size, *_ in rows])
            )
        ),
        "",
        throughput,
        "",
        where,
        "",
        "Where the wall time goes (`dedup clusters OUT -q -v`, stage by stage, the last run):",
        "",
        *(
            line
            for _, line in sorted(
                [
                    (size, f"- {size:,}: {'; '.join(o.stages)}")
                    for size, _, _, o, _ in rows
                    if o.stages
                ]
                + kept_stages([size for size, *_ in rows])
            )
        ),
    ]
    write_section(lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
