"""The founding example: what dedup must make of the five seed articles (seeds/expected.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dedup.pipeline import clean_paths, cluster_paths
from dedup.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED: dict[str, Any] = json.loads((SEEDS / "expected.json").read_text())


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    return {a.id: a for a in clean_paths([str(SEEDS)])}


def test_clusters_are_the_expected_events(seeds: Path) -> None:
    found = sorted(sorted(m.id for m in c.members) for c in cluster_paths([str(seeds)]))
    assert found == sorted(EXPECTED["clusters"])


@pytest.mark.parametrize("ident", sorted(EXPECTED["articles"]))
def test_metadata(cleaned: dict[str, Article], ident: str) -> None:
    expected = EXPECTED["articles"][ident]
    article = cleaned[ident]
    assert article.title == expected["title"]
    assert article.source == expected["source"]
    assert list(article.authors) == expected["authors"]
    assert article.dateline == expected["dateline"]
    assert article.section == expected["section"]
    if expected["date"] is None:
        assert article.date is None
    else:
        assert article.date is not None
        assert article.date.startswith(expected["date"])


@pytest.mark.parametrize("ident", sorted(EXPECTED["articles"]))
def test_boilerplate_is_gone_and_the_body_stays(cleaned: dict[str, Article], ident: str) -> None:
    article = cleaned[ident]
    for text in EXPECTED["articles"][ident]["not_in_body"]:
        assert text not in article.text
    assert article.words > 300


def test_wire_dateline_stays_in_the_body(cleaned: dict[str, Article]) -> None:
    assert cleaned["000_801d1012e676f412.txt"].text.startswith("BEIJING, April 20 (Xinhua) --")
