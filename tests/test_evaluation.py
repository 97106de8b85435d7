"""Tests of dedup.evaluation: hand-computed scores, agreement with the benchmark scorer, loaders."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# The package is not installed in the venv and pytest puts only tests/ on the path; until the
# project configures that, find dedup next to this folder.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dedup.errors import GoldError, InputError  # noqa: E402
from dedup.evaluation import (  # noqa: E402
    CurvePoint,
    Scores,
    best_threshold,
    calibration_curve,
    load_gold,
    load_predicted,
    plot_curve,
    score_clustering,
    stem,
)

SCORER = Path("/work/shared/bench/score_clusters.py")
SEEDS = ROOT / "seeds" / "expected.json"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """Return the benchmark scorer loaded as a module, skipping when it is not there."""
    if not SCORER.is_file():
        pytest.skip(f"the reference scorer {SCORER} is not available")
    spec = importlib.util.spec_from_file_location("score_clusters", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(gold: dict[str, str], clusters: list[list[str]]) -> dict[str, float | int]:
    """Return the rounded scores of `clusters`."""
    return score_clustering(gold, clusters).as_dict()


# --- hand-computed cases ------------------------------------------------------------------

GOLD_4 = {"a": "X", "b": "X", "c": "Y", "d": "Y"}


def test_perfect_clustering_scores_one_everywhere() -> None:
    assert scores(GOLD_4, [["a", "b"], ["c", "d"]]) == {
        "docs": 4,
        "gold_events": 2,
        "pred_clusters": 2,
        "bcubed_p": 1.0,
        "bcubed_r": 1.0,
        "bcubed_f1": 1.0,
        "pair_p": 1.0,
        "pair_r": 1.0,
        "pair_f1": 1.0,
        "ari": 1.0,
    }


def test_all_singletons() -> None:
    # Every cluster is pure (P = 1); each document finds half its event (R = 1/2). No pair is
    # predicted, so pair precision is vacuously 1 and recall 0; the ARI is (0 - 0) / (1 - 0).
    result = scores(GOLD_4, [])
    assert result == scores(GOLD_4, [["a"], ["b"], ["c"], ["d"]])
    assert result["pred_clusters"] == 4
    assert (result["bcubed_p"], result["bcubed_r"], result["bcubed_f1"]) == (1.0, 0.5, 0.6667)
    assert (result["pair_p"], result["pair_r"], result["pair_f1"]) == (1.0, 0.0, 0.0)
    assert result["ari"] == 0.0


def test_all_in_one_cluster() -> None:
    # Each document's cluster is half its event (P = 1/2) and holds all of it (R = 1). Two of
    # the six pairs are right; the expected agreement 6 * 2 / 6 = 2 equals it, so the ARI is 0.
    result = scores(GOLD_4, [["a", "b", "c", "d"]])
    assert result["pred_clusters"] == 1
    assert (result["bcubed_p"], result["bcubed_r"], result["bcubed_f1"]) == (0.5, 1.0, 0.6667)
    assert (result["pair_p"], result["pair_r"], result["pair_f1"]) == (0.3333, 1.0, 0.5)
    assert result["ari"] == 0.0


def test_worse_than_chance_has_negative_ari() -> None:
    # a|bc against ab|c: B-cubed P = R = (1 + 1/2 + 1/2) / 3; no true pair; ARI = -1/3 / 2/3.
    result = scores({"a": "X", "b": "X", "c": "Y"}, [["a"], ["b", "c"]])
    assert result["bcubed_f1"] == 0.6667
    assert result["pair_f1"] == 0.0
    assert result["ari"] == -0.5


def test_all_singletons_on_both_sides_agree_fully() -> None:
    result = scores({"a": "X", "b": "Y"}, [["a"], ["b"]])
    assert result["pair_p"] == result["pair_r"] == result["ari"] == 1.0


def test_unknown_ids_are_ignored_and_missing_gold_docs_are_singletons() -> None:
    assert scores(GOLD_4, [["a", "b", "zzz"], ["c", "yyy"], ["nope"]]) == scores(
        GOLD_4, [["a", "b"], ["c"], ["d"]]
    )


def test_a_document_in_two_clusters_belongs_to_the_last() -> None:
    assert scores(GOLD_4, [["a", "b"], ["a", "c", "d"]]) == scores(GOLD_4, [["b"], ["a", "c", "d"]])


def test_empty_gold_is_refused() -> None:
    with pytest.raises(ValueError):
        score_clustering({}, [["a"]])


def test_as_dict_rounds_but_the_fields_do_not() -> None:
    result = score_clustering({"a": "X", "b": "X", "c": "Y"}, [["a"], ["b", "c"]])
    assert result.bcubed_p == pytest.approx(2 / 3)
    assert result.as_dict()["bcubed_p"] == 0.6667
    assert list(result.as_dict()) == [
        "docs",
        "gold_events",
        "pred_clusters",
        "bcubed_p",
        "bcubed_r",
        "bcubed_f1",
        "pair_p",
        "pair_r",
        "pair_f1",
        "ari",
    ]


def test_stem() -> None:
    assert stem("corpus/2021/001_ab.txt") == "001_ab"
    assert stem("001_ab") == "001_ab"
    assert stem("x.tar.gz") == "x.tar"


# --- agreement with the reference scorer --------------------------------------------------


@st.composite
def gold_and_clusters(draw: st.DrawFn) -> tuple[dict[str, str], list[list[str]]]:
    """Draw gold labels and a clustering that names some gold ids, some others, some twice."""
    n = draw(st.integers(min_value=1, max_value=40))
    events = draw(st.integers(min_value=1, max_value=n))
    gold = {f"d{i}": f"e{draw(st.integers(0, events - 1))}" for i in range(n)}
    ids = st.one_of(st.sampled_from(sorted(gold)), st.sampled_from(["x1", "x2", "x3"]))
    clusters = draw(st.lists(st.lists(ids, max_size=12), max_size=15))
    return gold, clusters


@settings(max_examples=300, deadline=None)
@given(gold_and_clusters())
def test_agrees_with_the_scorer_on_random_clusterings(
    scorer: ModuleType, case: tuple[dict[str, str], list[list[str]]]
) -> None:
    gold, clusters = case
    assert scores(gold, clusters) == scorer.score(gold, clusters)


def test_agrees_with_the_scorer_on_the_seeds(scorer: ModuleType) -> None:
    expected = json.loads(SEEDS.read_text(encoding="utf-8"))["clusters"]
    gold = {stem(doc): f"event{i}" for i, cluster in enumerate(expected) for doc in cluster}
    docs = sorted(gold)
    perfect = [[stem(doc) for doc in cluster] for cluster in expected]
    for clusters in (
        perfect,
        [],
        [docs],
        [docs[:3], docs[3:]],
        [[docs[0], docs[1]], [docs[2], docs[3], "not_in_gold"]],
    ):
        assert scores(gold, clusters) == scorer.score(gold, clusters)
    assert scores(gold, perfect)["bcubed_f1"] == 1.0


def test_loaders_agree_with_the_scorer(scorer: ModuleType, tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("doc_id,event,note\nkit/a.txt,E1,x\nb.txt,E1,\nc,E2,\n", encoding="utf-8")
    pred = tmp_path / "pred.json"
    pred.write_text(
        json.dumps({"clusters": [{"members": ["dir/a.txt", {"path": "c.txt"}]}, ["b"]]}),
        encoding="utf-8",
    )
    gold = load_gold(str(labels))
    clusters = load_predicted(str(pred))
    assert gold == {"a": "E1", "b": "E1", "c": "E2"}
    assert clusters == scorer.load_pred(str(pred))
    assert scores(gold, clusters) == scorer.score(gold, clusters)


# --- load_predicted -----------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> str:
    """Return the path of a new file holding `text`."""
    path = tmp_path / "pred.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_load_predicted_reads_json_lines(tmp_path: Path) -> None:
    text = '["a.txt", "b.txt"]\n\n{"members": ["x/c.txt"]}\n["d"]\n'
    assert load_predicted(write(tmp_path, text)) == [["a", "b"], ["c"], ["d"]]


def test_load_predicted_reads_a_json_array(tmp_path: Path) -> None:
    text = json.dumps([["a.txt", "b.txt"], {"documents": ["c"]}, {"articles": ["d.txt"]}])
    assert load_predicted(write(tmp_path, text)) == [["a", "b"], ["c"], ["d"]]


def test_load_predicted_reads_member_objects(tmp_path: Path) -> None:
    text = json.dumps(
        [
            {"id": 1, "members": [{"id": "a.txt"}, {"path": "p/b.txt"}, {"doc_id": "c"}]},
            [{"id": None, "path": "d.txt"}],
        ]
    )
    assert load_predicted(write(tmp_path, text)) == [["a", "b", "c"], ["d"]]


def test_load_predicted_reads_clusters_object_and_single_cluster(tmp_path: Path) -> None:
    assert load_predicted(write(tmp_path, '{"clusters": [["a"], ["b.txt"]]}')) == [["a"], ["b"]]
    assert load_predicted(write(tmp_path, '{"members": ["a", "b"]}')) == [["a", "b"]]
    assert load_predicted(write(tmp_path, "  \n")) == []


@pytest.mark.parametrize(
    "text",
    ['[["a"], [{"score": 1}]]', "[1, 2]", '"a"', '{"clusters": 3}', '["a"]\n{oops\n'],
)
def test_load_predicted_refuses_other_shapes(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError, match=os.path.basename(path)):
        load_predicted(path)


def test_load_predicted_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.json"):
        load_predicted(str(tmp_path / "nothing.json"))


# --- load_gold ----------------------------------------------------------------------------


def test_load_gold_reads_stems(tmp_path: Path) -> None:
    path = tmp_path / "labels.csv"
    # A byte order mark, as spreadsheets write it, must not hide the doc_id column.
    path.write_text("\ufeffdoc_id,event\nx/001.txt,E1\n002.txt,E2\n", encoding="utf-8")
    assert load_gold(str(path)) == {"001": "E1", "002": "E2"}


def test_load_gold_without_event_column_names_file_and_column(tmp_path: Path) -> None:
    path = tmp_path / "labels_noevent.csv"
    path.write_text("doc_id,label\na.txt,E1\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"labels_noevent\.csv.*'event'"):
        load_gold(str(path))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("doc_id,event\n", "no rows"),
        ("doc_id,event\na.txt,E1\nb.txt\n", "line 3"),
        ("doc_id,event\n,E1\n", "line 2"),
    ],
)
def test_load_gold_refuses_empty_and_incomplete_files(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "gold.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match=rf"gold\.csv.*{problem}"):
        load_gold(str(path))


def test_load_gold_names_an_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.csv"
    with pytest.raises(GoldError, match=r"absent\.csv"):
        load_gold(str(missing))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"doc_id,event\n\xff\xfe,\x80\n")
    with pytest.raises(GoldError, match=r"binary\.csv.*UTF-8"):
        load_gold(str(binary))


# --- calibration --------------------------------------------------------------------------


def point(threshold: float, f1: float) -> CurvePoint:
    """Return a curve point whose only meaningful score is the B-cubed F1."""
    return CurvePoint(threshold, Scores(1, 1, 1, 1.0, 1.0, f1, 1.0, 1.0, 1.0, 1.0))


def test_best_threshold_takes_the_highest_f1() -> None:
    curve = [point(0.1, 0.5), point(0.2, 0.9), point(0.3, 0.7)]
    assert best_threshold(curve).threshold == 0.2


def test_best_threshold_takes_the_middle_of_the_longest_tied_run() -> None:
    curve = [point(t / 10, f) for t, f in enumerate([0.9, 0.5, 0.9, 0.9, 0.9, 0.6, 0.9, 0.9])]
    assert best_threshold(curve).threshold == 0.3
    # Order of the input does not matter: the curve is read by threshold.
    assert best_threshold(list(reversed(curve))).threshold == 0.3


def test_best_threshold_ties_go_to_the_lower_threshold() -> None:
    # Two runs of two: the lower run wins, and of its two middles the lower one.
    curve = [point(t / 10, f) for t, f in enumerate([0.9, 0.9, 0.5, 0.9, 0.9])]
    assert best_threshold(curve).threshold == 0.0
    # Floating-point noise does not break a tie.
    curve = [point(0.1, 0.7), point(0.2, 0.7 + 1e-15), point(0.3, 0.7)]
    assert best_threshold(curve).threshold == 0.2


def test_best_threshold_of_an_empty_curve_is_an_error() -> None:
    with pytest.raises(ValueError):
        best_threshold([])


def test_calibration_curve_sorts_dedupes_and_scores() -> None:
    calls: list[float] = []

    def cluster_at(threshold: float) -> list[list[str]]:
        calls.append(threshold)
        # Low thresholds merge everything; high ones split everything; 0.5 is right.
        if threshold < 0.5:
            return [["a", "b", "c", "d"]]
        return [["a", "b"], ["c", "d"]] if threshold == 0.5 else []

    curve = calibration_curve(GOLD_4, cluster_at, [0.9, 0.5, 0.1, 0.5])
    assert calls == [0.1, 0.5, 0.9]
    assert [p.threshold for p in curve] == [0.1, 0.5, 0.9]
    assert curve[1].scores == score_clustering(GOLD_4, [["a", "b"], ["c", "d"]])
    assert best_threshold(curve).threshold == 0.5
    with pytest.raises(ValueError):
        calibration_curve(GOLD_4, cluster_at, [float("nan")])


def test_plot_curve_has_axes_and_marks_the_best_point() -> None:
    curve = [point(t / 10, f) for t, f in enumerate([0.2, 0.4, 0.9, 0.6, 0.3])]
    text = plot_curve(curve, width=41, height=8)
    lines = text.splitlines()
    assert "B-cubed F1" in lines[0]
    assert "similarity threshold" in lines[-1]
    assert "best: threshold 0.2, B-cubed F1 0.9000" in text
    # The F1 axis spans the values, in steps of 0.05.
    assert lines[1].startswith("0.90 ┤") and lines[8].startswith("0.20 ┤")
    plot = lines[1:9]
    assert len(plot) == 8
    # The tallest bar is at the best threshold (column 20 of 41), right above the mark.
    label_width = plot[0].index("┤") + 1
    mark_line = next(line for line in lines if line.strip() == "▲")
    assert mark_line.index("▲") == label_width + 20
    assert plot[0][label_width + 20] in "▁▂▃▄▅▆▇█"
    assert not any(ch in text for ch in "\x1b")  # no colours
    assert all(line == line.rstrip() for line in lines)


def test_plot_curve_copes_with_one_point_and_refuses_tiny_plots() -> None:
    assert "best: threshold 0.5" in plot_curve([point(0.5, 1.0)], width=10, height=3)
    # 0.35 * 20 is not quite 7 in floating point; the axis still ends at 0.35.
    assert plot_curve([point(0.5, 0.35)], width=10, height=3).splitlines()[1].startswith("0.35")
    with pytest.raises(ValueError):
        plot_curve([point(0.5, 1.0)], width=1, height=3)
    with pytest.raises(ValueError):
        plot_curve([])
