"""The command line through click's CliRunner: exit statuses, exact messages, JSON that parses."""

from __future__ import annotations

import json
import os
import signal
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from dedup import __version__
from dedup.cli import main
from dedup.errors import ExitStatus

SEED_IDS = [
    "000_801d1012e676f412.txt",
    "001_192b8ab9fd467269.txt",
    "002_e04624d37dad6037.txt",
    "003_c9a46c306fd8d2c1.txt",
    "004_fb11e543e6066cae.txt",
]


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", ["clean", "clusters", "unique"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"dedup {command}" in result.stdout
    assert "-q, --quiet" in result.stdout and "-v, --verbose" in result.stdout


def test_clean_prints_json_lines_with_fields_in_order(seeds: Path) -> None:
    result = run("clean", str(seeds))
    assert result.exit_code == ExitStatus.SUCCESS
    records = lines(result)
    assert [r["id"] for r in records] == SEED_IDS
    assert list(records[0]) == [
        "id", "title", "date", "source", "authors", "dateline", "section", "language",
        "text", "removed", "words",
    ]  # fmt: skip


def test_clean_json_format_is_one_array(seeds: Path) -> None:
    result = run("clean", str(seeds), "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)] == SEED_IDS


def test_missing_path_is_one_error_line_and_status_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = run("clean", str(missing))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == f"Error: {missing}: no such file or folder\n"
    assert result.stdout == ""


def test_empty_folder_is_status_2(tmp_path: Path) -> None:
    result = run("clusters", str(tmp_path))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == f"Error: {tmp_path}: no files matching '*.txt' in this folder\n"


def test_no_path_is_a_usage_error() -> None:
    result = run("clean")
    assert result.exit_code == ExitStatus.USAGE
    assert "Missing argument 'PATH...'" in result.stderr


def test_skipped_files_warn_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A sentence that is long enough to be kept as prose here.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("clean", str(tmp_path))
    assert result.exit_code == ExitStatus.SOME_SKIPPED
    assert [r["id"] for r in lines(result)] == ["good.txt"]
    assert f"Warning: skipped {tmp_path / 'empty.txt'}: empty file" in result.stderr
    assert f"Warning: skipped {tmp_path / 'binary.txt'}: binary file" in result.stderr
    assert "dedup: 2 input(s) skipped (1 binary file, 1 empty file)" in result.stderr


def test_verbose_says_how_long_each_stage_took(seeds: Path) -> None:
    result = run("clusters", "-v", "--workers", "1", str(seeds))
    assert result.exit_code == ExitStatus.SUCCESS
    lines = result.stderr.splitlines()
    stages = [line.split(":")[0] for line in lines[:-2]]
    assert stages == ["template", "features"]  # a small run compares in memory
    assert lines[1].startswith("features: 5 in ") and lines[-2].startswith("all stages: ")
    assert lines[-1] == "4 clusters"
    assert json.loads(result.stdout.splitlines()[0])  # the output is left as it is


def test_quiet_silences_warnings_but_not_the_status(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A sentence that is long enough to be kept as prose here.\n")
    (tmp_path / "empty.txt").write_text("")
    result = run("clean", "-q", str(tmp_path))
    assert result.exit_code == ExitStatus.SOME_SKIPPED
    assert result.stderr == ""


def test_stdin_plain_text() -> None:
    result = run("clean", "-", stdin="Some article text that says something in a sentence.\n")
    assert [r["id"] for r in lines(result)] == ["-"]


def test_malformed_json_line_is_reported_with_its_number() -> None:
    stdin = '{"id": "a", "text": "First text that reads as a sentence of prose."}\n{oops\n'
    result = run("clean", "-", stdin=stdin)
    assert result.exit_code == ExitStatus.SOME_SKIPPED
    assert [r["id"] for r in lines(result)] == ["a"]
    assert "Warning: skipped <stdin> line 2: not valid JSON" in result.stderr


def test_clean_output_feeds_clusters_without_cleaning_again(seeds: Path) -> None:
    cleaned = run("clean", str(seeds)).stdout
    direct = lines(run("clusters", str(seeds)))
    piped = run("clusters", "-", stdin=cleaned)
    assert piped.exit_code == 0
    assert lines(piped) == direct


def test_clusters_of_the_seeds(seeds: Path) -> None:
    result = run("clusters", str(seeds))
    groups = sorted(sorted(m["id"] for m in c["members"]) for c in lines(result))
    assert groups == [[SEED_IDS[0], SEED_IDS[2]], [SEED_IDS[1]], [SEED_IDS[3]], [SEED_IDS[4]]]


def test_clusters_min_size_csv_and_keep(seeds: Path) -> None:
    result = run("clusters", str(seeds), "--min-size", "2", "--format", "csv", "--keep", "first")
    rows = result.stdout.splitlines()
    assert rows[0] == "id,cluster"
    assert sorted(r.split(",")[0] for r in rows[1:]) == [SEED_IDS[0], SEED_IDS[2]]
    (cluster,) = lines(run("clusters", str(seeds), "--min-size", "2", "--keep", "first"))
    assert cluster["representative"] == SEED_IDS[0]
    assert cluster["members"][0]["id"] == SEED_IDS[0]
    (earliest,) = lines(run("clusters", str(seeds), "--min-size", "2", "--keep", "earliest"))
    assert earliest["representative"] == SEED_IDS[0]
    assert earliest["dates"] == ["2021-04-20", "2021-04-21T11:31:00"]


def test_clusters_explain_gives_evidence(seeds: Path) -> None:
    (cluster,) = lines(run("clusters", str(seeds), "--min-size", "2", "--explain"))
    evidence = cluster["members"][1]["evidence"]
    assert evidence["conflicts"] == []
    assert evidence["date_gap_days"] == 1
    assert evidence["shared_terms"]


def test_clean_out_writes_a_mirror_and_never_overwrites(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("clean", str(seeds), "--out", str(out), "-q")
    assert first.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == SEED_IDS
    again = run("clean", str(seeds), "--out", str(out))
    assert again.exit_code == ExitStatus.USAGE
    assert "already exists (use --force to overwrite)" in again.stderr
    assert run("clean", str(seeds), "--out", str(out), "--force").exit_code == 0


def test_clean_out_refuses_the_input_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some article text that says something in a sentence.\n")
    result = run("clean", str(tmp_path), "--out", str(tmp_path / "cleaned"))
    assert result.exit_code == ExitStatus.USAGE
    assert "must not be inside the input folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_unique_writes_one_file_per_event(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    result = run("unique", str(seeds), "--out", str(out))
    assert result.exit_code == 0
    written = sorted(p.name for p in out.iterdir())
    assert "clusters.jsonl" in written
    assert len(written) == 5  # four events and the index
    index = [json.loads(line) for line in (out / "clusters.jsonl").read_text().splitlines()]
    assert sum(c["size"] for c in index) == 5


def test_config_file_sets_options(seeds: Path, tmp_path: Path) -> None:
    config = tmp_path / "dedup.toml"
    config.write_text("[cluster]\nthreshold = 0.99\n")
    result = run("clusters", str(seeds), "--config", str(config))
    assert len(lines(result)) == 5  # nothing is that alike
    config.write_text("[cluster]\nthreshold = 'high'\n")
    bad = run("clusters", str(seeds), "--config", str(config))
    assert bad.exit_code == ExitStatus.USAGE
    assert bad.stderr == f"Error: {config} [cluster]: threshold must be a float\n"


def test_inputs_are_never_modified(seeds: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    run("clean", str(seeds), "--out", str(tmp_path / "o"), "-q")
    run("unique", str(seeds), "--out", str(tmp_path / "u"), "-q")
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before


def test_a_work_folder_that_cannot_be_written_is_one_clear_error(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dedup import pipeline

    monkeypatch.setattr(pipeline, "SMALL_RUN", 0)  # every run takes the path with a work folder
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    result = run("clusters", str(seeds))
    assert result.exit_code == ExitStatus.FAILED
    assert result.stderr.startswith(f"Error: {not_a_folder}: cannot hold the work folder")
    assert "set TMPDIR" in result.stderr
    assert result.stdout == ""


def test_sigterm_stops_the_run_and_removes_the_work_folder(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dedup import cli, pipeline

    monkeypatch.setattr(pipeline, "SMALL_RUN", 0)  # the path with a work folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real = pipeline.featurize

    def featurize_then_stop(task: Any) -> Any:
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` or `timeout` would, mid-run
        return real(task)

    monkeypatch.setattr(pipeline, "featurize", featurize_then_stop)
    before = signal.getsignal(signal.SIGTERM)
    try:
        result = run("clusters", str(seeds), "--workers", "1")
    finally:
        signal.signal(signal.SIGTERM, before)
    assert cli.ExitStatus.TERMINATED == result.exit_code == 143
    assert result.stderr == "Terminated.\n"
    assert list(tmp_path.iterdir()) == []
