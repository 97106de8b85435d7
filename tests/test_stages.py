"""Tests of dedup.stages and the sharded pipeline: stage functions, same output for any workers."""

from __future__ import annotations

import gc
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import xxhash
from hypothesis import given
from hypothesis import strategies as st

from dedup import pipeline, stages
from dedup.features import Features
from dedup.options import CleanOptions, ReadOptions
from dedup.reading import discover
from dedup.records import Document
from dedup.template import TEMPLATE_WORDS

SENTENCES = [
    "The council voted on Tuesday to approve the new budget for the coming year.",
    "Officials said the measure would take effect next month after a final review.",
    "Protesters gathered outside the building where police kept watch through the night.",
    "The storm cut power to thousands of homes along the coast before dawn.",
    "Investors sold shares of the carmaker after it lowered its forecast again.",
    "The striker scored twice as the home side won the derby in the rain.",
    "Scientists reported that the glacier lost more ice this summer than in any year.",
    "The minister resigned after reports that she had used public funds for travel.",
    "Firefighters contained the blaze that destroyed a warehouse near the harbour.",
    "The court ruled that the company must pay damages to former workers.",
    "Rescuers pulled two climbers from a crevasse on the northern face of the peak.",
    "The airline cancelled flights as pilots began a strike over pay and hours.",
]
MENU = [
    "Home | World | Sport | Business",
    "Share this story",
    "Most read",
    "Sign up for our newsletter",
]


def _corpus(folder: Path, events: int = 12, seed: int = 4) -> Path:
    """Write a few outlets' copies of some events: sentences reordered, words dropped, menus."""
    rng = random.Random(seed)
    number = 0
    for event in range(events):
        last = f"Event {event} was reported by {rng.randint(2, 9)} outlets."
        base = [*rng.sample(SENTENCES, 6), last]
        for _ in range(rng.randint(1, 4)):
            outlet = folder / f"outlet{rng.randint(0, 2)}"
            outlet.mkdir(parents=True, exist_ok=True)
            body = [s if rng.random() > 0.1 else s.replace(" the ", " ") for s in base]
            (outlet / f"{number:04d}.txt").write_text(
                "\n".join([*MENU[:2], *body, *MENU[2:]]) + "\n"
            )
            number += 1
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"))


def _clusters(folder: Path, workers: int) -> list[dict[str, object]]:
    found = pipeline.cluster_paths([str(folder)], ReadOptions(workers=workers))
    return [c.as_dict() for c in found]


@pytest.mark.parametrize("small_run", [5000, 0])
def test_clusters_do_not_depend_on_the_number_of_workers(
    corpus: Path, small_run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "SMALL_RUN", small_run)  # 0: the sharded, on-disk path
    monkeypatch.setattr(stages, "SHARD_FILES", 5)
    monkeypatch.setattr(stages, "BATCH_ARTICLES", 4)
    one = _clusters(corpus, 1)
    assert _clusters(corpus, 2) == one
    assert _clusters(corpus, 3) == one
    assert any(c["size"] > 1 for c in one)


def test_clusters_do_not_depend_on_the_size_of_the_shards(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "SMALL_RUN", 0)
    monkeypatch.setattr(stages, "SHARD_FILES", 2)
    monkeypatch.setattr(stages, "BATCH_ARTICLES", 4)
    small = _clusters(corpus, 2)
    # Few shards allowed: the large run's shards grow past SHARD_FILES.
    monkeypatch.setattr(stages, "MAX_FEATURE_SHARDS", 2)
    assert stages.feature_shard_files(len(list(corpus.rglob("*.txt")))) > 2
    assert _clusters(corpus, 2) == small


def test_cleaned_articles_do_not_depend_on_the_number_of_workers(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stages, "SHARD_FILES", 4)
    one = [a.as_dict() for a in pipeline.clean_paths([str(corpus)], ReadOptions(workers=1))]
    two = [a.as_dict() for a in pipeline.clean_paths([str(corpus)], ReadOptions(workers=2))]
    assert one == two
    assert [a["id"] for a in one] == sorted(a["id"] for a in one)


@pytest.mark.parametrize("small_run", [5000, 0])
def test_unique_gives_each_representative_as_clean_gives_it(
    corpus: Path, small_run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "SMALL_RUN", small_run)
    monkeypatch.setattr(stages, "SHARD_FILES", 5)
    found, representatives = pipeline.unique_paths([str(corpus)], ReadOptions(workers=2))
    written = [a.as_dict() for a in representatives]
    assert [c.as_dict() for c in found] == _clusters(corpus, 1)
    assert [a["id"] for a in written] == sorted(c.representative for c in found)
    cleaned = {a.id: a.as_dict() for a in pipeline.clean_paths([str(corpus)], ReadOptions())}
    assert written == [cleaned[str(a["id"])] for a in written]


def test_template_lines_are_counted_per_folder(corpus: Path) -> None:
    shards = stages.make_shards(discover([str(corpus)]), size=3)
    parts = [stages.count_lines(shard, ReadOptions()) for shard in shards]
    template = stages.template_of(parts, CleanOptions())
    folder = str(corpus / "outlet0")
    assert template.is_template(folder, "share  THIS story")
    assert not template.is_template(folder, "A line that no file holds")
    assert not template.is_template("elsewhere", "Share this story")


@pytest.mark.parametrize(
    "line",
    ["", " ", "one", "two words", " lead", "trail ", "a  b", "a\tb", "a\u00a0b", "a\u2009b",
     "a\x1fb", "a \u3000 b", "\x0b", "ünï cödé", "a\x00b", "\u00a0", "a b c d e f"],
)  # fmt: skip
def test_single_spaced_joins_the_words_by_single_spaces(line: str) -> None:
    assert stages.single_spaced(line) == " ".join(line.split())


def test_template_lines_are_told_whatever_their_case_folds_to(tmp_path: Path) -> None:
    # 'ß' folds to 'ss': lines of one key can differ in length before their case is folded.
    folder = tmp_path / "site"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number}.txt").write_text(f"Hauptstraße  12\nStory {number} told here.\n")
    parts = [
        stages.count_lines(s, ReadOptions()) for s in stages.make_shards(discover([str(folder)]))
    ]
    template = stages.template_of(parts, CleanOptions())
    for line in ("Hauptstraße 12", "HAUPTSTRASSE 12", "hauptstrasse\t12", " HAUPTSTRAẞE 12"):
        assert template.is_template(str(folder), line)
        assert stages.line_key(line) == stages.line_key("hauptstrasse 12")
    assert not template.is_template(str(folder), "Hauptstraße 13")
    assert not template.is_template(str(folder), "Story 1 told here.")


def test_featurize_writes_features_that_read_back(corpus: Path, tmp_path: Path) -> None:
    shard = stages.make_shards(discover([str(corpus)]), size=6)[0]
    task = stages.FeatureTask(shard, ReadOptions(), CleanOptions(), None, str(tmp_path))
    result = stages.featurize(task)
    assert len(result.entries) == len(shard.sources) == len(result.signatures)
    assert result.features == []
    locations = {k: (shard.rank, k) for k in range(len(result.entries))}
    features = stages.read_features(str(tmp_path), locations)
    in_memory = stages.featurize(stages.FeatureTask(shard, ReadOptions(), CleanOptions(), None))
    assert [_facts(features[k]) for k in range(len(features))] == [
        _facts(f) for f in in_memory.features
    ]
    assert result.term_counts.sum() == sum(len(f.term_keys) for f in in_memory.features)


def test_features_read_back_in_any_order_and_after_forgetting(corpus: Path, tmp_path: Path) -> None:
    # A process reads each shard's index once and then many batches from it: a later batch,
    # a batch of one article, or a new run in the same folder must read what was written.
    shards = stages.make_shards(discover([str(corpus)]), size=4)
    written = [
        stages.featurize(stages.FeatureTask(s, ReadOptions(), CleanOptions(), None, str(tmp_path)))
        for s in shards
    ]
    locations = {10 * s.rank + k: (s.rank, k) for s in written for k in range(len(s.entries))}
    whole = stages.read_features(str(tmp_path), locations)
    for article in sorted(locations, reverse=True):
        one = stages.read_features(str(tmp_path), {article: locations[article]})
        assert _facts(one[article]) == _facts(whole[article])
        assert one[article].term_keys.dtype == np.uint64
        assert one[article].term_counts.dtype == np.float64
    stages.forget_count_tables()
    assert stages._stored == {}
    again = stages.read_features(str(tmp_path), locations)
    assert [_facts(again[k]) for k in sorted(again)] == [_facts(whole[k]) for k in sorted(whole)]
    stages.forget_count_tables()


@pytest.mark.parametrize("articles", [0, 1, 3, 40])
def test_document_counts_are_those_of_np_unique(articles: int) -> None:
    rng = np.random.default_rng(articles)
    # Each article's keys are distinct and ascending, as article_features gives them; articles
    # share keys from a small range, and some have none.
    keys = [
        np.unique(rng.integers(0, 500, size=rng.integers(0, 60)).astype(np.uint64))
        for _ in range(articles)
    ]
    flat = np.concatenate(keys) if keys else np.empty(0, dtype=np.uint64)
    unique, counts = stages._document_counts(flat)
    expected, expected_counts = np.unique(flat, return_counts=True)
    assert unique.dtype == np.uint64 and counts.dtype == np.int64
    assert unique.tolist() == expected.tolist()
    assert counts.tolist() == expected_counts.tolist()


def _facts(features: Features) -> tuple[object, ...]:
    """Return what the features of an article say, to compare two copies of them."""
    return (
        features.id, features.term_keys.tolist(), features.term_counts.tolist(),
        features.lead_keys.tolist(), features.published, features.event_days, features.ordinals,
        features.years, features.lead, features.words, features.exact_key,
    )  # fmt: skip


def test_fewer_collections_raises_the_young_threshold_and_freezes_what_is_loaded() -> None:
    before = gc.get_threshold()
    try:
        stages.fewer_collections()
        assert gc.get_threshold() == (stages.YOUNG_OBJECTS_PER_COLLECTION, *before[1:])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


@given(
    st.lists(
        st.sampled_from(
            ["a", "B", " ", "  ", "\t", "\xa0", "\n", "\r\n", "\u2028", "é", "\x1c", "a " * 13]
        ),
        max_size=30,
    ).map("".join)
)
def test_counted_lines_are_those_split_and_joined(text: str) -> None:
    # _count_document counts a single-spaced line as it stands, any other split and joined.
    files: Counter[str] = Counter()
    keys: dict[str, list[int]] = {}
    lengths: dict[str, list[int]] = {}
    stages._count_document(Document("b", text, "a/b.txt"), files, keys, lengths)
    found = {}
    for line in text.splitlines():
        parts = line.split(None, TEMPLATE_WORDS)
        if 0 < len(parts) <= TEMPLATE_WORDS:
            folded = " ".join(parts).casefold()
            found[xxhash.xxh64_intdigest(folded.encode("utf-8", "surrogatepass"))] = len(folded)
    assert keys.get("a", []) == list(found) and lengths.get("a", []) == list(found.values())
