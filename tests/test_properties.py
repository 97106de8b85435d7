"""Invariants that hold for any input: idempotent cleaning, order-free clustering, no crashes."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dedup.cleaning import clean_document, clean_text
from dedup.clustering import cluster_articles
from dedup.pipeline import clean_paths
from dedup.records import Article, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_ARTICLES = list(clean_paths([str(SEEDS)]))

# Lines of the kinds a scraped page is made of, so generated pages exercise every rule.
PAGE_LINES = [
    "Home > News > World",
    "Share this story",
    "By Jane Doe and John Smith",
    "Wednesday, April 21, 2021, 11:31",
    "ALSO READ: Something else happened",
    "Related News",
    "(Global Times)",
    "banner.gif",
    "China Daily",
    "Menu",
    "Sport",
    "Weather",
    "",
    "The council voted on Tuesday to approve the new budget for the coming year.",
    "Officials said the measure would take effect next month, after a final review.",
    "date 2021-04-20 BEIJING, April 20 (Xinhua) -- Leaders met in the capital on Tuesday to talk.",
    "Protesters gathered outside the building, where police kept watch through the night.",
    "A short heading line",
]

page_lines = st.lists(
    st.one_of(st.sampled_from(PAGE_LINES), st.text(max_size=80)), min_size=1, max_size=30
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(page_lines)
def test_cleaning_is_idempotent(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_unicode_does_not_crash_clean(text: str) -> None:
    article = clean_document(Document(id="x", text=text))
    assert isinstance(article.text, str)
    assert article.words == len(article.text.split())


def _groups(articles: list[Article]) -> list[list[str]]:
    return sorted(sorted(m.id for m in c.members) for c in cluster_articles(articles))


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_input_order(rnd: random.Random) -> None:
    shuffled = list(SEED_ARTICLES)
    rnd.shuffle(shuffled)
    assert _groups(shuffled) == _groups(SEED_ARTICLES)
    assert [c.cluster for c in cluster_articles(shuffled)] == [
        c.cluster for c in cluster_articles(SEED_ARTICLES)
    ]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1), st.integers(min_value=2, max_value=4))
def test_identical_texts_share_a_cluster(text: str, copies: int) -> None:
    articles = [
        clean_document(Document(id=f"copy{i}", text=text)) for i in range(copies)
    ] + SEED_ARTICLES
    clusters = cluster_articles(articles)
    (home,) = [c for c in clusters if any(m.id == "copy0" for m in c.members)]
    assert {f"copy{i}" for i in range(copies)} <= {m.id for m in home.members}
    assert all(m.exact for m in home.members if m.id.startswith("copy"))
