"""Tests of dedup.clustering: exact copies, no chaining, order independence, stable ids."""

from __future__ import annotations

import random

from dedup.clustering import cluster_articles
from dedup.options import ClusterOptions
from dedup.records import Article

A = "Volcano erupts near Catania, ash closes Sicily airport, residents of Etna villages leave homes."
C = "Parliament passes budget in Lisbon after long vote, finance minister praises coalition deal."
B = A + " " + C  # like both, so A-B and B-C are close while A and C are unlike


def _article(id: str, text: str, date: str | None = None) -> Article:
    return Article(id, None, date, None, (), None, None, "en", text)


def _groups(articles: list[Article], **options: object) -> list[list[str]]:
    found = cluster_articles(articles, ClusterOptions(**options))  # type: ignore[arg-type]
    return sorted(sorted(m.id for m in c.members) for c in found)


def test_exact_copies_are_marked() -> None:
    articles = [_article("1", A), _article("2", "  " + A.upper()), _article("3", C)]
    found = cluster_articles(articles)
    copies = next(c for c in found if c.size == 2)
    assert all(m.exact for m in copies.members)


def test_pages_left_without_a_body_are_copies_only_of_the_same_page() -> None:
    from dedup.records import Removal

    def emptied(id: str, menu: str) -> Article:
        removed = (Removal(menu, "menu", 1), Removal("Watch the video", "prompt", 2))
        return Article(id, None, None, None, (), None, None, "en", "", removed)

    articles = [emptied("1", "Home | Sports"), emptied("2", "Home | Sports"), emptied("3", "News")]
    assert _groups(articles) == [["1", "2"], ["3"]]


def test_no_chaining_through_a_middle_article() -> None:
    articles = [_article("a", A), _article("b", B), _article("c", C)]
    groups = _groups(articles, threshold=0.4)
    assert ["a", "b", "c"] not in groups


def test_output_does_not_depend_on_input_order() -> None:
    articles = [_article(str(i), text) for i, text in enumerate([A, B, C, A + " again", C])]
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    first = [c.as_dict() for c in cluster_articles(articles)]
    assert [c.as_dict() for c in cluster_articles(shuffled)] == first


def test_cluster_ids_are_stable() -> None:
    articles = [_article("x", A), _article("y", A + " Update.")]
    assert cluster_articles(articles)[0].cluster == cluster_articles(articles[::-1])[0].cluster


def test_conflicting_ordinals_keep_two_meetings_apart() -> None:
    text = "The {} meeting of the dialogue mechanism between the ruling parties opened in Beijing."
    articles = [_article("8", text.format("8th")), _article("9", text.format("9th"))]
    assert _groups(articles) == [["8"], ["9"]]


def test_a_stray_joins_the_group_it_is_closest_to_without_chaining() -> None:
    from dedup.clustering import STRAY_SHARE, attach_strays
    from dedup.features import Features

    def features(name: str, ordinals: dict[str, frozenset[int]] | None = None) -> Features:
        return Features.of_terms(name, {}, ordinals=ordinals or {})

    options = ClusterOptions(threshold=0.2)
    near = STRAY_SHARE * 0.2 + 0.01
    pairs = {(a, b): near for a in (0, 1, 2) for b in (3, 4)} | {(3, 4): 0.9}
    items = [features(str(i)) for i in range(6)]
    groups = attach_strays([[0, 1, 2], [3, 4], [5]], pairs, items, options)
    assert groups == [[0, 1, 2, 3, 4], [5]]
    # A fact that conflicts keeps the stray apart.
    items[4] = features("4", {"meeting": frozenset({9})})
    items[0] = features("0", {"meeting": frozenset({8})})
    assert attach_strays([[0, 1, 2], [3, 4], [5]], pairs, items, options) == [
        [0, 1, 2],
        [3, 4],
        [5],
    ]
