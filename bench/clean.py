"""Benchmark `dedup clean` on the clean-l3s and clean-trafilatura kits; write docs/benchmarks.md.

Runs `dedup clean KIT/docs -q` with default settings, scores the output with the kit's own
scorer (score_clean.py), scores the dump unchanged as the peer, measures throughput on one core
(median of 3 runs, in-process, reading included) and rewrites the section of docs/benchmarks.md
between `<!-- clean:start -->` and `<!-- clean:end -->`, leaving the other sections alone.

The kits are read from ../shared/bench (relative to the repository) or from $DEDUP_BENCH.
The l3s gold body includes the headline, while `dedup clean` gives the headline as `title` and
leaves it out of `text`: for l3s only, the title is put back in front of the text before scoring.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import benchdoc

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DEDUP_BENCH", REPO.parent / "shared" / "bench"))
DEDUP = [sys.executable, "-m", "dedup"]
RUNS = 3


def run_clean(kit: str) -> list[dict[str, Any]]:
    """Return the records `dedup clean KIT/docs -q` prints with default settings."""
    result = subprocess.run(
        [*DEDUP, "clean", str(BENCH / kit / "docs"), "-q", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tempfile.gettempdir(),  # no dedup.toml of the working folder changes the defaults
    )
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def with_title(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the records with the title in front of the text, as the l3s gold body has it."""
    return [
        {**r, "text": f"{r['title']}\n\n{r['text']}" if r.get("title") else r["text"]}
        for r in records
    ]


def unchanged(kit: str) -> list[dict[str, Any]]:
    """Return the peer: every page's dump unchanged as its text, no metadata."""
    return [
        {"id": path.name, "text": path.read_text(encoding="utf-8", errors="replace")}
        for path in sorted((BENCH / kit / "docs").glob("*.txt"))
    ]


def score(kit: str, records: list[dict[str, Any]], half: int | None = None) -> dict[str, Any]:
    """Return the kit scorer's figures for `records`: on all pages, or on one half of them.

    Half 0 holds the pages at even positions of the gold sorted by file name, half 1 the others:
    weights were tuned on half 0, so half 1 is the check against overfitting.
    """
    gold_path = BENCH / kit / "gold.jsonl"
    paths = []
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
        paths.append(handle.name)
    if half is not None:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
        ordered = sorted(lines, key=lambda line: json.loads(line)["file"])
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
            handle.writelines(line + "\n" for line in ordered[half::2])
            paths.append(handle.name)
        gold_path = Path(handle.name)
    try:
        result = subprocess.run(
            [sys.executable, str(BENCH / "score_clean.py"), str(gold_path), paths[0]],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        for path in paths:
            os.unlink(path)
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def throughput(kit: str) -> tuple[float, float, float, float]:
    """Return (MB of text, median seconds to clean it on one core, MB/s, MB/s of CPU time).

    Reading is included. The CPU-time rate does not count time the process waited for a core,
    so it is the steadier figure on a shared machine.
    """
    from dedup.options import ReadOptions
    from dedup.pipeline import clean_paths
    from dedup.stages import fewer_collections

    fewer_collections()  # as `dedup` does at its start
    one_core = ReadOptions(workers=1)  # clean_paths would otherwise use every core
    folder = BENCH / kit / "docs"
    megabytes = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    times, cpu_times = [], []
    for _ in range(RUNS):
        began, cpu_began = time.perf_counter(), time.process_time()
        for _article in clean_paths([str(folder)], one_core, on_skip=lambda error: None):
            pass
        times.append(time.perf_counter() - began)
        cpu_times.append(time.process_time() - cpu_began)
    seconds = statistics.median(times)
    return megabytes, seconds, megabytes / seconds, megabytes / statistics.median(cpu_times)


def body_figures(figures: dict[str, Any]) -> str:
    """Return the body and metadata figures of one scorer output as table cells."""
    if "sh4" in figures:
        body = f"sh4 F1 {figures['sh4']['f1']:.3f} (P {figures['sh4']['p']:.3f} R {figures['sh4']['r']:.3f})"
    else:
        snip = figures["snippets"]
        body = f"snippet F1 {snip['f1']:.3f} (P {snip['p']:.3f} R {snip['r']:.3f})"
    meta = [
        f"{name} {figures[name + '_acc']:.3f}"
        for name in ("title", "date", "author")
        if name + "_acc" in figures
    ]
    return f"{body} | {', '.join(meta) or '-'}"


def section(rows: list[str], speed: tuple[float, float, float, float]) -> str:
    """Return the markdown of the clean section."""
    megabytes, seconds, rate, cpu_rate = speed
    scorer = "python3 $BENCH/score_clean.py $BENCH/KIT/gold.jsonl out.jsonl"
    return "\n".join(
        [
            "## Cleaning (`dedup clean`)",
            "",
            "Written by `make bench-clean` (bench/clean.py). Default settings; the kits are "
            "read from `../shared/bench` ($BENCH, or $DEDUP_BENCH).",
            "",
            "| kit | system | body | metadata accuracy |",
            "|---|---|---|---|",
            *rows,
            "",
            "Reproduce a row: `dedup clean $BENCH/KIT/docs -q > out.jsonl; " + scorer + "`. "
            "For clean-l3s the gold body includes the headline while `dedup clean` gives it as "
            "`title`, so bench/clean.py puts the title back in front of `text` before scoring "
            "(the product's output is unchanged). The peer is each page's dump unchanged. "
            "The halves are the pages at even and odd positions of the gold sorted by file "
            "name: weights were tuned on the even half, the odd half checks them.",
            "",
            f"Throughput: {rate:.2f} MB/s on one core ({megabytes:.1f} MB of clean-trafilatura "
            f"text in {seconds:.2f} s, median of {RUNS} runs, reading included; "
            f"{cpu_rate:.2f} MB/s of CPU time; `python bench/clean.py`).",
        ]
    )


def write_section(text: str) -> None:
    """Replace the clean section of docs/benchmarks.md (or add it), atomically."""
    benchdoc.write_section("clean", text)


def main() -> int:
    if not (BENCH / "score_clean.py").exists():
        print(f"bench/clean.py: no kits at {BENCH} (set DEDUP_BENCH)", file=sys.stderr)
        return 2
    rows = []
    for kit in ("clean-l3s", "clean-trafilatura"):
        records = run_clean(kit)
        if kit == "clean-l3s":
            records = with_title(records)
        ours = score(kit, records)
        peer = score(kit, unchanged(kit))
        rows.append(f"| {kit} | dedup clean | {body_figures(ours)} |")
        for half, name in ((0, "even"), (1, "odd")):
            figures = score(kit, records, half)
            rows.append(f"| {kit} | dedup clean, {name} half | {body_figures(figures)} |")
        rows.append(f"| {kit} | dump unchanged | {body_figures(peer)} |")
        print(kit, json.dumps(ours), file=sys.stderr)
    speed = throughput("clean-trafilatura")
    print(f"throughput {speed[2]:.2f} MB/s, {speed[3]:.2f} MB/s of CPU time", file=sys.stderr)
    write_section(section(rows, speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
