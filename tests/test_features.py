"""Tests of dedup.features and dedup.mentions: ordinals tied to event nouns, event days, named
entities, terms."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup import features, mentions
from dedup.features import article_features, event_ordinals, event_terms, named_entities
from dedup.metadata import ignorecase_lower
from dedup.records import Article


def _article(text: str, date: str | None = None, title: str | None = None) -> Article:
    return Article("a.txt", title, date, None, (), None, None, "en", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 9th meeting of the mechanism opened.", {"meeting": {9}}),
        ("the ninth meeting and the 75th anniversary", {"meeting": {9}, "anniversary": {75}}),
        ("For the first time, a second half goal.", {}),
        ("the eighth and ninth meetings", {"meeting": {9}}),
        # Letters IGNORECASE takes for ASCII ones that lower() keeps apart (a KeyError before).
        ("The ſecond meeting", {"meeting": {2}}),
        ("the FİRST summit and the fırst meeting", {"summit": {1}, "meeting": {1}}),
    ],
)
def test_event_ordinals(text: str, expected: dict[str, set[int]]) -> None:
    assert {k: set(v) for k, v in event_ordinals(text).items()} == expected


def test_every_ordinal_word_holds_a_hint() -> None:
    assert all(
        any(hint in word for hint in mentions._ORDINAL_HINTS) for word in mentions._ORDINAL_WORDS
    )


_ORDINAL_PIECES = [
    "the", "9th", "12TH", "1St", "2nD", "3rd", "12345th", "٣rd", "first", "FIRST", "Twentieth",
    "thirteenth", "hundredth", "ſecond", "fırst", "FİRST", "\u0307", "Kelvin", "\u212a",
    "meeting", "Meetings", "anniversary", "time", "-", "\n", " ", "  ", "x", "2008", "second-",
]  # fmt: skip


@given(st.lists(st.sampled_from(_ORDINAL_PIECES), max_size=12).map(" ".join))
def test_ordinal_hints_pass_every_text_the_search_matches(text: str) -> None:
    # event_ordinals searches only the texts _may_hold_ordinal passes.
    if mentions._ORDINAL.search(text):
        assert mentions._may_hold_ordinal(text)
    assert event_ordinals(text) == _searched_ordinals(text)


def _searched_ordinals(text: str) -> dict[str, frozenset[int]]:
    """event_ordinals as it was before the hints: the search on every text."""
    found: dict[str, set[int]] = {}
    for match in mentions._ORDINAL.finditer(text):
        noun = match.group("noun").lower()
        if noun in mentions._NOT_EVENT_NOUNS or noun in features.ALL_STOP_WORDS:
            continue
        digits = match.group("digits")
        value = (
            int(digits)
            if digits
            else mentions._ORDINAL_WORDS[ignorecase_lower(match.group("word"))]
        )
        found.setdefault(mentions._singular(noun), set()).add(value)
    return {noun: frozenset(values) for noun, values in found.items()}


def test_event_days_from_relative_weekday() -> None:
    features = article_features(_article("Leaders met on Tuesday in Beijing.", "2021-04-21"))
    assert features.event_days == frozenset({dt.date(2021, 4, 20)})


def test_no_event_days_without_publication_date() -> None:
    assert article_features(_article("Leaders met on Tuesday.")).event_days == frozenset()


def test_named_entities_skip_sentence_starts() -> None:
    text = "Mark Teixeira met the Boston Red Sox. Angels waited."
    assert named_entities(text) == ["teixeira", "boston red sox"]


def test_terms_hold_words_pairs_triples_entities_and_numbers() -> None:
    terms = event_terms("Officials said the Red Sox offered 200 million in 2008.")
    assert "red sox" in terms
    assert "red sox offered" in terms
    assert "@red sox" in terms
    assert "2008" in terms and "200" in terms
    assert "the" not in terms


def test_ordinals_come_from_the_lead_only() -> None:
    lead = "The 9th meeting opened. " + "Filler words here. " * 60
    features = article_features(_article(lead + "The 3rd meeting was long ago."))
    assert features.ordinals == {"meeting": frozenset({9})}


# The ordinal pattern as it was before its lookahead: the lookahead must change no match.
_FORMER_ORDINAL = re.compile(
    r"\b(?:(?P<digits>\d{1,4})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(mentions._ORDINAL_WORDS, key=len, reverse=True))
    + r"))\b(?!-)\s+(?P<after>(?:[A-Za-z][\w-]*\s+){0,2}?)(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "Fifth",
                "ſecond",
                "fırst",
                "SIXTH",
                "21st",
                "٣rd",
                "meeting",
                "anniversary",
                "annual",
                "-",
                " ",
                "\n",
                "sixty",
                "Third-",
                "hundredth",
                "tenth",
                "Summit",
                ".",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_ordinal_lookahead_changes_no_match(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert found(mentions._ORDINAL) == found(_FORMER_ORDINAL)


_FORMER_WEEKDAY_MENTION = re.compile(
    r"\b(?:on|last|this|since|until|late|early)\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday)\b",
    re.IGNORECASE,
)


@given(
    st.lists(
        st.sampled_from(
            [
                "On",
                "ſince",
                "LAST",
                "early",
                "Monday",
                "sundays",
                "yesterday",
                "Yesterday's",
                "this",
                "  ",
                "\t",
                "-",
                "the",
                "until",
                "Friday",
                "ON",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_weekday_lookahead_changes_no_match(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert found(mentions._WEEKDAY_MENTION) == found(_FORMER_WEEKDAY_MENTION)


@given(st.lists(st.integers(0, 2**64 - 1), max_size=40), st.integers(1, 5))
def test_unique_counts_are_numpys(values: list[int], repeat: int) -> None:
    array = np.array(values * repeat, dtype=np.uint64)
    keys, counts = features.unique_counts(array)
    expected_keys, expected_counts = np.unique(array, return_counts=True)
    assert keys.dtype == np.uint64 and keys.tolist() == expected_keys.tolist()
    assert counts.dtype == np.float64 and counts.tolist() == expected_counts.tolist()


_CASED_PIECES = [
    "Mark", "Teixeira", "met", "the", "The", "Boston", "Red", "Sox", "Las", "Vegas", "of", ".",
    "\n", ",", ";", "(", "“", '"', "'", "Über", "über", "ÉTÉ", "3Com", "iPhone", "O'Brien", "-",
    "2008", "\r", "\u2028", "!", ":", "Σ", "İstanbul", " ", "  ", "\t", "\xa0", "Of", "AΣ", "ΑΣ",
    "IN", "A'Σ", "5th", "x5Com", "_", "½", "’", "”",
]  # fmt: skip


@given(st.lists(st.sampled_from(_CASED_PIECES), max_size=30).map(" ".join), st.integers(0, 200))
def test_entities_with_lead_are_those_of_text_and_lead(text: str, lead: int) -> None:
    assert mentions.entities_with_lead(text, lead) == (
        named_entities(text),
        named_entities(text[:lead]),
    )
    # article_features reads a lead without a headline as the body's start.
    assert named_entities("\n" + text[:lead]) == named_entities(text[:lead])


@given(
    st.lists(
        st.sampled_from(
            [
                "On",
                "ſince",
                "ſunday",
                "frıday",
                "İ",
                "LAST",
                "early",
                "Monday",
                "sundays",
                "yesterday",
                "Yesterday's",
                "this",
                "  ",
                "\t",
                "\n",
                "-",
                "the",
                "until",
                "Friday",
                "ON",
                "WEDNESDAY",
                "xmonday",
                "day",
                "today",
                "since",
                "Σ",
                "late",
                "2008",
            ]
        ),
        max_size=12,
    ).map(lambda pieces: "".join(piece + " " * (k % 3) for k, piece in enumerate(pieces)))
)
def test_weekday_mentions_are_the_searchs(text: str) -> None:
    def found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return sorted((m.span(), m.groups()) for m in matches)

    assert found(mentions._weekday_mentions(text, text.lower())) == found(
        list(mentions._WEEKDAY_MENTION.finditer(text))
    )


# The token pattern and loop of named_entities as they were before lower-case runs came as "".
_FORMER_CASED_TOKEN = re.compile(
    r"[a-z][\w'’-]*+(?:[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+[a-z][\w'’-]*+)*+"
    r"|[^\W\d_][\w'’-]*|[.!?:;,\"“”()]|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
)


def _former_named_entities(text: str) -> list[str]:
    found: list[str] = []
    run: list[str] = []
    starts_sentence = True
    for token in _FORMER_CASED_TOKEN.findall(text):
        if token[0].isupper() and not starts_sentence:
            folded = token.lower()
            if run or folded not in features.ALL_STOP_WORDS:
                run.append(folded)
                continue
        if run:
            found.append(" ".join(run))
            run = []
        starts_sentence = token in mentions._SENTENCE_END
    if run:
        found.append(" ".join(run))
    return found


@given(st.lists(st.sampled_from(_CASED_PIECES), max_size=30).map(" ".join))
def test_named_entities_are_the_former_ones(text: str) -> None:
    assert named_entities(text) == _former_named_entities(text)


@pytest.mark.parametrize("between", [" .", " ,", " 7", "\n", " the", "-", " x ."])
@pytest.mark.parametrize("count", [98, 99, 100, 101, 250])
def test_named_entities_after_many_tokens_without_a_word(between: str, count: int) -> None:
    # A long gap between words (a match of _WORD_AND_BEFORE once took at most 100 tokens).
    text = "He met Bob Jones" + between * count + " Alice Smith and" + between * count + " Ann"
    assert named_entities(text) == _former_named_entities(text)


# Letters other than a-z within lower-case words, and word characters that are no letters
# before them, with and without a letter before those: where a gap of _GAP_AND_WORD ends
# within a word, or before one.
_WITHIN_WORD_PIECES = [
    "e", "x", "Bay", "B", "é", "É", "ß", "²", "ǅ", "Inc", "-", "--", "'", "’", "_", "3", "٣",
    "non-", "English", " ", "  ", ".", ",", "“", "„", "–", "\n", "\t", "Ann", "the",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WITHIN_WORD_PIECES), max_size=30).map("".join))
def test_named_entities_within_lower_case_words_are_the_former_ones(text: str) -> None:
    assert named_entities(text) == _former_named_entities(text)


@given(st.lists(st.sampled_from(_WITHIN_WORD_PIECES), min_size=1, max_size=12).map("".join))
def test_gap_end_is_the_last_run_end(text: str) -> None:
    # _gap_end reads the common ends of a gap itself, the others by _LAST_RUN_END.
    gap = mentions._GAP_AND_WORD.match(text)[1]  # type: ignore[index]
    if not gap:
        return
    found = mentions._LAST_RUN_END.match(gap)
    if found is None:
        expected = ""
    elif not "a" <= found[1] <= "z":
        expected = found[1]
    elif mentions._WORD_JOINERS.fullmatch(gap, found.end()):
        expected = mentions._WITHIN_WORD
    else:
        expected = mentions._LOWER_WORD_END
    assert mentions._gap_end(gap) == expected


_WORD_PIECES = [
    "Σ", "ΟΔΟΣ", "e\u0301", "\u0301", "’", "'", "don't", "İ", "ß", "Ünïcode", "_", "-", "x",
    "déjà", "ſ", "“", "…", "—", "日本", "\u0307", "\n", "\u2028", "A", "7", ".",
]  # fmt: skip


@given(st.lists(st.sampled_from([*_WORD_PIECES, " "]), max_size=40).map("".join))
def test_words_and_leads_are_those_of_each(text: str) -> None:
    # Two short leads, so that the cuts fall within the made-up text.
    assert mentions.words_and_leads(text, 9, 17) == (
        features.words(text),
        len(features.words(text[:9])),
        features.words(text[:17]),
    )


@given(
    st.lists(st.sampled_from(_WORD_PIECES), max_size=12).map("".join),
    st.lists(st.sampled_from(_WORD_PIECES), max_size=12).map("".join),
)
def test_words_do_not_reach_across_a_space(before: str, after: str) -> None:
    assert features.words(before + " " + after) == features.words(before) + features.words(
        " " + after
    )


@given(st.lists(st.integers(0, 2**64 - 1), max_size=40), st.integers(1, 3))
def test_distinct_values_are_numpys(values: list[int], repeat: int) -> None:
    array = np.array(values * repeat, dtype=np.uint64)
    found = features.distinct(array)
    assert found.dtype == np.uint64 and found.tolist() == np.unique(array).tolist()


_ARTICLE_WORDS = st.lists(
    st.sampled_from(["Red", "Sox", "the", "met", "Boston", "in", "2008", "x", ".", "\n", "é"]),
    max_size=9,
).map(" ".join)


@given(
    st.lists(
        st.tuples(_ARTICLE_WORDS, st.none() | _ARTICLE_WORDS, st.sampled_from(["en", None])),
        max_size=2 * features.FEATURES_AT_ONCE + 3,
    )
)
def test_features_of_articles_are_those_of_each(made: list[tuple[str, str | None, str]]) -> None:
    # Hashed together, an article's runs and shingles stop at its end, as they do alone.
    articles = [
        Article(f"{k}.txt", title, "2021-04-21", None, (), None, None, language, text)
        for k, (text, title, language) in enumerate(made)
    ]
    together = features.features_of(articles, names=True)
    alone = [features._features_together([article], names=True)[0] for article in articles]
    for found, expected in zip(together, alone, strict=True):
        for name, value in vars(found).items():
            if isinstance(value, np.ndarray):
                assert value.dtype == getattr(expected, name).dtype
                assert value.tolist() == getattr(expected, name).tolist(), name
            else:
                assert value == getattr(expected, name), name


# Folded a character at a time, as bytes, or past the marks (ASCII, Latin-1 with the two it folds
# past it, the marks and their stand-ins, characters past Latin-1 that casefold changes), and
# white space of every kind.
_FOLDED_PIECES = ["a", "B", " ", "\n", "É", "é", "ß", "µ", "ÿ", "İ", "Σ", "ẞ", "ﬁ", "\udc80",
                  "\x01", "\x04", "\x08", *"’“”—–‘„…", " ", "\n", "\n\n", "\t", "\r", "\x1c",
                  "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b"]  # fmt: skip


@given(st.lists(st.sampled_from(_FOLDED_PIECES), max_size=20).map("".join))
def test_exact_bytes_are_the_folded_words_joined(text: str) -> None:
    expected = " ".join(text.casefold().split()).encode("utf-8", "replace")
    assert features._exact_bytes(text) == expected


def test_marks_fold_to_themselves_and_latin1_as_the_table_says() -> None:
    # _exact_bytes relies on them.
    assert all(mark.casefold() == mark for mark, _ in features._MARK_STAND_INS)
    assert all(stand_in.casefold() == stand_in for _, stand_in in features._MARK_STAND_INS)
    for code in range(256):
        folded = chr(features._LATIN1_FOLD[code])
        for char, char_folded in features._FOLDED_PAST_LATIN1:
            folded = folded.replace(char, char_folded)
        assert folded == chr(code).casefold()
