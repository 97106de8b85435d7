"""Tests of `dedup eval` and `dedup calibrate` through click's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dedup.cli import main
from dedup.options import load_config

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "score_clusters.py"
QUAKE = "An earthquake of magnitude 6 struck Chile near Valparaiso, damaging ports and roads. "
FLOOD = "Floods in Bavaria drowned villages along the Danube as rivers rose after storms. "


def _labels(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("doc_id,event\n" + "".join(f"{d},{e}\n" for d, e in rows))
    return path


def test_eval_agrees_with_the_scorer(tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip("the benchmark scorer is not available")
    gold = _labels(
        tmp_path / "labels.csv", [("a", "1"), ("b", "1"), ("c", "2"), ("d", "2"), ("e", "3")]
    )
    predicted = tmp_path / "pred.jsonl"
    predicted.write_text(
        json.dumps({"members": [{"id": "a.txt"}, {"id": "b.txt"}, {"id": "c.txt"}]})
        + "\n"
        + json.dumps({"members": [{"id": "d.txt"}]})
        + "\n"
    )
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(predicted)])
    assert result.exit_code == 0, result.output
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predicted)],
        check=True,
        capture_output=True,
        text=True,
    )
    expected = json.loads(scored.stdout)
    assert json.loads(result.output) == expected


def test_calibrate_on_a_tiny_labelled_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    texts = {
        "q1": QUAKE + "Rescuers searched the rubble.",
        "q2": QUAKE + "The president visited Valparaiso.",
        "f1": FLOOD + "Farmers lost their harvest.",
        "f2": FLOOD + "The army built dams of sand.",
    }
    for name, text in texts.items():
        (docs / f"{name}.txt").write_text(text + "\n")
    gold = _labels(tmp_path / "labels.csv", [("q1", "q"), ("q2", "q"), ("f1", "f"), ("f2", "f")])
    config = tmp_path / "dedup.toml"
    result = CliRunner().invoke(
        main,
        [
            "calibrate",
            "--gold",
            str(gold),
            str(docs),
            "--thresholds",
            "0.1:0.5:0.1",
            "--save",
            str(config),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [p["threshold"] for p in report["curve"]] == [0.1, 0.2, 0.3, 0.4, 0.5]
    assert report["best"]["bcubed_f1"] == 1.0
    assert load_config(str(config)).cluster.threshold == report["threshold"]


def test_calibrate_rejects_a_bad_grid(tmp_path: Path) -> None:
    gold = _labels(tmp_path / "labels.csv", [("a", "1")])
    (tmp_path / "a.txt").write_text("text\n")
    result = CliRunner().invoke(
        main, ["calibrate", "--gold", str(gold), str(tmp_path / "a.txt"), "--thresholds", "x"]
    )
    assert result.exit_code == 2
    assert "Error: --thresholds x: expected FROM:TO:STEP" in result.output
