"""Features: what each article says about its event, in a form that is cheap to compare.

An article's features are its distinctive words (weighed later against the whole collection), the
day it was published, the days its relative words point at ("on Tuesday"), and the ordinals tied
to a noun ("ninth meeting", "75th anniversary") that tell one event of a series from the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from dedup.dates import relative_day
from dedup.language import ALL_STOP_WORDS, words
from dedup.records import Article

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?:(?P<digits>\d{1,4})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\b(?!-)\s+(?P<after>(?:[A-Za-z][\w-]*\s+){0,2}?)(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)
# Nouns an ordinal often counts without naming an event: "the first time", "second half".
_NOT_EVENT_NOUNS = {
    "time", "times", "place", "half", "quarter", "day", "week", "month", "year", "century",
    "person", "one", "ones", "step", "largest", "biggest", "country", "floor", "grade", "step",
    "minute", "hour", "line", "part", "phase", "level", "row", "straight", "consecutive",
    "generation", "option", "choice", "priority", "page", "paragraph", "sentence", "thing",
    "hand", "glance", "sight", "class", "degree", "lady", "born", "cousin", "wife", "husband",
}  # fmt: skip
_WEEKDAY_MENTION = re.compile(
    r"\b(?:on|last|this|since|until|late|early)\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday)\b",
    re.IGNORECASE,
)
_LEAD_CHARS = 600


@dataclass(frozen=True)
class Features:
    """The comparable facts of one article."""

    id: str
    terms: dict[str, int]  # content word -> count
    published: dt.date | None
    event_days: frozenset[dt.date]
    ordinals: dict[str, frozenset[int]]  # event noun -> the ordinals it is given
    lead: str  # the start of the body, folded, for fuzzy comparison
    words: int
    exact_key: str  # equal for copies that differ only in case and white space


def article_features(article: Article) -> Features:
    """Return the features of one cleaned article."""
    tokens = words(article.text)
    if article.title:
        tokens = words(article.title) + tokens
    terms = Counter(t for t in tokens if t not in ALL_STOP_WORDS and not t.isdigit() and len(t) > 1)
    published = _day(article.date)
    return Features(
        id=article.id,
        terms=dict(terms),
        published=published,
        event_days=_event_days(article.text, published),
        ordinals=event_ordinals(article.text),
        lead=" ".join(words(article.text[:_LEAD_CHARS])),
        words=len(tokens),
        exact_key=exact_key(article.text),
    )


def exact_key(text: str) -> str:
    """Return a key equal for texts that differ only in case and white space."""
    folded = " ".join(text.casefold().split())
    return hashlib.blake2b(folded.encode("utf-8", "replace"), digest_size=16).hexdigest()


def event_ordinals(text: str) -> dict[str, frozenset[int]]:
    """Return the ordinals tied to an event noun: {'meeting': {9}, 'anniversary': {20}}."""
    found: dict[str, set[int]] = {}
    for match in _ORDINAL.finditer(text):
        noun = match.group("noun").lower()
        if noun in _NOT_EVENT_NOUNS or noun in ALL_STOP_WORDS:
            continue
        digits = match.group("digits")
        value = int(digits) if digits else _ORDINAL_WORDS[match.group("word").lower()]
        found.setdefault(_singular(noun), set()).add(value)
    return {noun: frozenset(values) for noun, values in found.items()}


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _event_days(text: str, published: dt.date | None) -> frozenset[dt.date]:
    if published is None:
        return frozenset()
    days = set()
    for match in _WEEKDAY_MENTION.finditer(text[:3000]):
        day = relative_day(match.group(1) or match.group(2), published)
        if day is not None:
            days.add(day)
    return frozenset(days)
