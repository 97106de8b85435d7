"""Features: what each article says about its event, in a form that is cheap to compare.

An article's features are its terms (content words, pairs of adjacent content words, and named
entities: capitalised word runs that do not merely start a sentence), weighed later by how
distinctive they are; the day it was published; the days its relative words point at ("on
Tuesday"); the years it names; and the ordinals tied to a noun ("ninth meeting", "75th
anniversary") that tell one event of a series from the next. Together they are the article's event
signature: what separates similar events, and what explains a match.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from dedup import candidates
from dedup.hashing import HashSet, hashed_strings, string_hashes
from dedup.language import ALL_STOP_WORDS, STOP_WORDS, words
from dedup.mentions import (
    entities_with_lead,
    event_days,
    event_ordinals,
    named_entities,
    words_and_leads,
)
from dedup.records import Article

# The start of a body kept as its words, for fuzzy comparison (`Features.lead`).
_LEAD_CHARS = 600
# The start of a body that names its event, for the lead terms: about two sentences.
_LEAD_TERM_CHARS = 300
# A lead sentence is rarely longer; past this a "sentence" is a run-on page line.
_SENTENCE_CHARS = 400
_SENTENCE_BREAK = re.compile(r"[.!?](?=[\s\"”’]+[A-Z\"“‘]|\s*\n)|\n")
# Years an article names: "in 2008" dates the event even where no publication date was found.
# Searched in the words joined by NULs, with one before and after each: the leading NUL, a
# literal, lets the search skip to the next word (9 us an article, a test of each distinct
# word 30).
_YEAR_WORD = re.compile(r"\0((?:1[89]|20)\d\d)(?=\0)")
# Marks a term as a named entity, so that it can be told from the same words in lower case.
ENTITY_MARK = "@"
# casefold of each Latin-1 character, as bytes.translate's table: a byte for a character, but
# for the two characters folded past Latin-1 (ß to "ss", the micro sign to Greek mu), left as
# they are here and folded as `_FOLDED_PAST_LATIN1` says.
_LATIN1_FOLDED = [chr(code).casefold() for code in range(256)]
_LATIN1_FOLD = bytes(
    ord(folded) if len(folded) == 1 and ord(folded) < 256 else code
    for code, folded in enumerate(_LATIN1_FOLDED)
)
# The same, with a line break made a space (see `_exact_bytes`).
_LATIN1_FOLD_LINES_SPACED = _LATIN1_FOLD.replace(b"\n", b" ")
_FOLDED_PAST_LATIN1 = tuple(
    (chr(code), folded)
    for code, folded in enumerate(_LATIN1_FOLDED)
    if len(folded) != 1 or ord(folded) >= 256
)
# The same two in UTF-8, as `_exact_bytes` folds them.
_FOLDED_PAST_LATIN1_UTF8 = tuple(
    (char.encode(), folded.encode()) for char, folded in _FOLDED_PAST_LATIN1
)
# Marks past Latin-1 common in news text, each its own casefold, the most common first, and the
# control characters that stand in for them while `_exact_bytes` folds a text as Latin-1.
_MARK_STAND_INS = tuple(zip("’“”—–‘„…", "\x01\x02\x03\x04\x05\x06\x07\x08", strict=True))
# The white space of Latin-1 (where str.split splits) but the space and the line break, by code:
# `in` over bytes takes a number at once, where it first tries a bytes operand as a number, and
# raises and clears a TypeError (in CPython: ten times the cost of the search in a body).
_LATIN1_OTHER_SPACES = tuple(
    code for code in range(256) if chr(code).isspace() and chr(code) not in " \n"
)


_NO_KEYS: npt.NDArray[np.uint64] = np.empty(0, dtype=np.uint64)
_NO_SIGNATURE: npt.NDArray[np.uint32] = np.empty(0, dtype=np.uint32)


@dataclass(frozen=True, eq=False)
class Features:
    """The comparable facts of one article.

    Terms (content words, runs of two and three of them, "@named entities") are kept as their
    hashes (hashing.py), ascending, with their counts: compact to store and quick to compare.
    Their names are kept only when asked for, to explain a match.
    """

    id: str
    term_keys: npt.NDArray[np.uint64]
    term_counts: npt.NDArray[np.float64]
    published: dt.date | None
    event_days: frozenset[dt.date]
    ordinals: dict[str, frozenset[int]]  # event noun -> the ordinals it is given
    years: frozenset[int]  # the years the text names
    lead: str  # the start of the body, folded, for fuzzy comparison
    words: int
    exact_key: str  # equal for copies that differ only in case and white space
    # The terms of the headline and the start of the body, where a news report names its event.
    lead_keys: npt.NDArray[np.uint64] = field(default_factory=lambda: _NO_KEYS)
    signature: npt.NDArray[np.uint32] = field(default_factory=lambda: _NO_SIGNATURE)
    names: Mapping[int, str] = field(default_factory=dict)  # term hash -> term, when asked for

    @classmethod
    def of_terms(
        cls, id: str, terms: Mapping[str, int], lead_terms: Iterable[str] = (), **facts: Any
    ) -> Features:
        """Return the features of an article with these terms (by name) and facts."""
        keys, counts = _counted(list(terms), list(terms.values()))
        lead_keys, _ = _counted(list(lead_terms))
        names = dict(zip(string_hashes(list(terms)).tolist(), terms, strict=True))
        facts = {
            "published": None, "event_days": frozenset(), "ordinals": {}, "years": frozenset(),
            "lead": "", "words": sum(terms.values()), "exact_key": id, **facts,
        }  # fmt: skip
        return cls(id, keys, counts, lead_keys=lead_keys, names=names, **facts)


def article_features(article: Article, names: bool = False) -> Features:
    """Return the features of one cleaned article (with the names of its terms if asked)."""
    return features_of([article], names)[0]


# Articles featurized together by `features_of`: their bytes (8 each as numpy hashes them) stay
# within the processor's cache.
FEATURES_AT_ONCE = 16


def features_of(articles: Sequence[Article], names: bool = False) -> list[Features]:
    """Return the features of cleaned articles (`article_features` of each), in order.

    An article's words and entities are hashed in numpy, as are the runs of its content words
    and its shingles: on its few hundred words, numpy's calls cost more than their arithmetic
    (a third of an article's features). The articles are hashed FEATURES_AT_ONCE at a time, by
    the calls that one would take: a string's hash and a run's do not depend on what stands
    around them, and runs and shingles that reach past an article's end are dropped.
    """
    found: list[Features] = []
    for start in range(0, len(articles), FEATURES_AT_ONCE):
        found.extend(_features_together(articles[start : start + FEATURES_AT_ONCE], names))
    return found


class _Read(NamedTuple):
    """What `_features_together` takes from an article's text before hashing it (a tuple: made
    for each article, a frozen dataclass's fields are set one call each)."""

    tokens: list[str]  # the headline's words, then the body's
    title: int  # how many of the tokens are the headline's
    in_lead: int  # how many tokens are in the lead (the headline and the body's start)
    entities: list[str]
    lead_entities: list[str]
    lead: list[str]  # the words of the body's first _LEAD_CHARS characters
    joined: str  # the tokens and the marked entities, each followed by a NUL


def _read(article: Article) -> _Read:
    """Return the words and entities of an article."""
    title = words(article.title) if article.title else []
    body, lead_words, lead = words_and_leads(article.text, _LEAD_TERM_CHARS, _LEAD_CHARS)
    tokens = title + body
    text = f"{article.title}\n{article.text}" if article.title else article.text
    # The lead is the headline and the body's first characters: the start of `text` (a
    # leading line break changes no entity).
    entities, lead_entities = entities_with_lead(
        text, len(text) - len(article.text) + _LEAD_TERM_CHARS
    )
    # The words and the marked entities are hashed in one pass over their bytes (joined by NULs,
    # as entities hold spaces): a pass costs some twenty calls of numpy, on a few hundred words
    # as much as their arithmetic. Each string is followed by a NUL; the entities are marked by
    # the joins, not one by one.
    joined = "\0".join(tokens) + "\0" if tokens else ""
    marked = entities + lead_entities
    if marked:
        joined += ENTITY_MARK + f"\0{ENTITY_MARK}".join(marked) + "\0"
    return _Read(
        tokens,
        len(title),
        len(title) + lead_words,
        entities,
        lead_entities,
        lead,
        joined,
    )


def _features_together(articles: Sequence[Article], names: bool) -> list[Features]:
    """Return the features of a few articles (`features_of`), hashed together."""
    read: list[_Read] = []
    firsts: list[int] = []  # each article's first string among those hashed
    strings = 0
    for article in articles:
        item = _read(article)
        read.append(item)
        firsts.append(strings)
        strings += len(item.tokens) + len(item.entities) + len(item.lead_entities)
    hashed, kept = hashed_strings("".join(item.joined for item in read), "\0")
    hashes = hashed.hashes()
    # The content words are the tokens longer than one character that are not stop words of
    # the article's language. The stop words are looked up by their hashes, in a HashSet of the
    # language's: a lookup of each token in a set of strings hashed every token again, in
    # Python (a tenth of the time of features_of). Terms are told by these hashes anyway: a
    # word whose 64-bit hash is a stop word's would merge with it as a term too. Articles in a
    # row of one language are looked up together, their entities with them (dropped after).
    bounds: list[int] = []  # each article's first token, first after its lead, and end
    searched = 0  # the strings before this are looked up
    for k, (article, item, first) in enumerate(zip(articles, read, firsts, strict=True)):
        end = first + len(item.tokens)
        after = end + len(item.entities) + len(item.lead_entities)
        kept[end:after] = False
        bounds.extend((first, first + item.in_lead, end))
        if k + 1 < len(articles) and articles[k + 1].language == article.language:
            continue
        kept[searched:after] &= _stop_word_hashes(article.language).lacks(hashes[searched:after])
        searched = after
    content = kept.nonzero()[0]  # the content words' places among the strings, ascending
    places = content.searchsorted(bounds).tolist()  # their places among the content words
    pairs, triples = hashed[content].runs_of((2, 3))
    ones = hashes[content]
    # Shingles of every three strings in a row: an article's are those of its body's words.
    shingles = candidates.shingle_hashes(hashes)
    found: list[Features] = []
    for k, (article, item, first) in enumerate(zip(articles, read, firsts, strict=True)):
        used, lead_end, done = places[3 * k : 3 * k + 3]
        count, in_lead = done - used, lead_end - used
        # Terms are runs of the content words; the lead's terms, runs of the content words
        # among its first words (the headline's and the lead's): of n words, the first
        # in_lead - n + 1.
        runs = [
            found_runs[used : used + max(count - n, 0)]
            for n, found_runs in enumerate((ones, pairs, triples))
        ]
        entities = first + len(item.tokens)
        lead_entities = entities + len(item.entities)
        keys, counts = _counted_keys(runs, hashes[entities:lead_entities])
        lead_runs = [found_runs[: max(in_lead - n, 0)] for n, found_runs in enumerate(runs)]
        lead_keys = distinct(
            np.concatenate(
                [*lead_runs, hashes[lead_entities : lead_entities + len(item.lead_entities)]]
            )
        )
        # The headline's words come first: the body's are the rest.
        body, end = first + item.title, first + len(item.tokens)
        if end - body >= candidates.SHINGLE_WORDS:
            signature = candidates.shingles_signature(
                shingles[body : end - candidates.SHINGLE_WORDS + 1]
            )
        else:
            signature = candidates.signature(hashes[body:end])
        named = [item.tokens[k - first] for k in content[used:done].tolist()] if names else None
        found.append(_features(article, item, keys, counts, lead_keys, signature, named, in_lead))
    return found


@functools.cache
def _stop_word_hashes(language: str | None) -> HashSet:
    """Return the hashes of the stop words of `language` (`stop_words_of`): asked for each
    article, made once a language."""
    return HashSet(string_hashes(sorted(stop_words_of(language))))


def _features(
    article: Article,
    item: _Read,
    keys: npt.NDArray[np.uint64],
    counts: npt.NDArray[np.float64],
    lead_keys: npt.NDArray[np.uint64],
    signature: npt.NDArray[np.uint32],
    content: list[str] | None,
    in_lead: int,
) -> Features:
    """Return an article's features, given what `_features_together` hashed (and its content
    words, of which the first `in_lead` are the lead's, when the names of terms are asked for)."""
    published = _day(article.date)
    named: dict[int, str] = {}
    if content is not None:
        for terms in (
            _terms(content, item.entities),
            _terms(content[:in_lead], item.lead_entities),
        ):
            named.update(zip(string_hashes(list(terms)).tolist(), terms, strict=True))
    return Features(
        id=article.id,
        term_keys=keys,
        term_counts=counts,
        published=published,
        event_days=event_days(article.text, published),
        # The headline and the first sentence name the event; later ordinals are often history
        # ("the first meeting was in 1998") or roles ("third baseman"). Measured on ECB+ (raw
        # text, threshold 0.18): ordinals from the first 600 characters 0.906, from the
        # headline and first sentence 0.92.
        ordinals=event_ordinals(f"{article.title or ''}\n{first_sentence(article.text)}"),
        years=frozenset(map(int, _YEAR_WORD.findall("\0" + item.joined))),
        lead=" ".join(item.lead),
        words=len(item.tokens),
        # A body is blank when empty or all white space (isspace stops at the first other
        # character; strip() would copy the text to tell).
        exact_key=exact_key(
            article.text if article.text and not article.text.isspace() else _whole_page(article)
        ),
        lead_keys=lead_keys,
        signature=signature,
        names=named,
    )


def _counted_keys(
    runs: list[npt.NDArray[np.uint64]], entities: npt.NDArray[np.uint64]
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]:
    """Return the hashes of the terms `event_terms` gives (the hashes of the runs of one, two
    and three content words, and of the marked entities), ascending, and their counts."""
    return unique_counts(np.concatenate([*runs, entities]))


def distinct(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return the distinct values, ascending (`unique_counts` without the counts, which the
    lead's terms do not need: 5 us an article, not 9). Sorts `values` in place."""
    ordered = values
    # The callers' arrays are their own concatenations: sorted in place, without np.sort's copy
    # and its Python wrapper (by numpy's default sort, as `unique_counts` does).
    ordered.sort()
    first = np.empty(len(ordered), dtype=bool)  # where a run of equal values starts
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def unique_counts(
    values: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]:
    """Return the distinct values, ascending, and how often each stands (np.unique's).

    Sorts `values` in place (as `distinct` does, for the same reason); the counts are
    differences taken as floats at once (np.flatnonzero and np.diff are Python wrappers of a
    call each). Equal hashes are alike, so any sort gives the same: numpy's default, which
    sorts 64-bit integers with the processor's vector instructions (x86-simd-sort, numpy 2),
    took 5.9 us on an article's 570 terms (c10000), its stable sort (timsort) 15.2.
    """
    ordered = values
    ordered.sort()
    size = len(ordered)
    bounds = np.empty(size + 1, dtype=bool)  # where a run of equal values starts, and the end
    bounds[0] = bounds[size] = True
    np.not_equal(ordered[1:], ordered[:-1], out=bounds[1:size])
    at = bounds.nonzero()[0]
    return ordered[at[:-1]], np.subtract(at[1:], at[:-1], dtype=np.float64)


def _counted(
    terms: list[str], counts: list[int] | None = None
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]:
    hashes = string_hashes(terms)
    weights = np.ones(len(terms)) if counts is None else np.array(counts, dtype=np.float64)
    order = np.argsort(hashes)
    return hashes[order], weights[order]


def first_sentence(text: str) -> str:
    """Return the first sentence of a body: up to the first full stop that ends a sentence."""
    head = text[:_SENTENCE_CHARS]
    match = _SENTENCE_BREAK.search(head, 40)
    return head[: match.start() + 1] if match else head


def stop_words_of(language: str | None) -> frozenset[str]:
    """Return the stop words of `language`, or of every language known when it is unknown.

    The union alone would drop content words of one language that are function words of
    another ("die", "war", "dog", "door" in English). Measured on ECB+: B-cubed F1 +0.01.
    """
    if language and language in STOP_WORDS:
        return STOP_WORDS[language]
    return ALL_STOP_WORDS


def event_terms(
    text: str, tokens: list[str] | None = None, stop_words: frozenset[str] = ALL_STOP_WORDS
) -> dict[str, int]:
    """Return the counts of a text's terms: content words, runs of two and three, named entities.

    Runs ("red sox", "red sox offered") keep the order that a bag of words loses; they are
    formed after stop words go, as scikit-learn's n-grams are. Numbers stay: a toll, a magnitude
    or a year often names the event. Measured on ECB+ (raw text, best threshold): words and pairs
    without numbers 0.902, with runs of three and numbers 0.908 and a flatter threshold curve.
    Features keep these terms as hashes (`article_features` hashes the same terms).
    """
    tokens = words(text) if tokens is None else tokens
    content = [t for t in tokens if t not in stop_words and len(t) > 1]
    return _terms(content, named_entities(text))


def _terms(content: list[str], entities: list[str]) -> dict[str, int]:
    terms = Counter(content)
    terms.update(f"{first} {second}" for first, second in itertools.pairwise(content))
    terms.update(
        " ".join(triple) for triple in zip(content, content[1:], content[2:], strict=False)
    )
    terms.update(ENTITY_MARK + name for name in entities)
    return dict(terms)


def exact_key(text: str) -> str:
    """Return a key equal for texts that differ only in case and white space."""
    return hashlib.blake2b(_exact_bytes(text), digest_size=16).hexdigest()


def _exact_bytes(text: str) -> bytes:
    """Return " ".join(text.casefold().split()) in UTF-8 (a lone surrogate as "?").

    casefold folds an ASCII text as bytes, any other a character at a time through the Unicode
    tables, and a typographic quote makes half the bodies of make_corpus the second kind.
    casefold folds each character alone, and the common marks past Latin-1 fold to themselves:
    with each replaced by a control character that the text lacks, a text within Latin-1 is
    folded as bytes, by a table, and the marks are put back in its UTF-8 (exact_key of c2000's
    bodies: 389 million instructions, folded so 304).
    A cleaned body's only white space is mostly single spaces and the one or two line breaks
    between its paragraphs: its words joined by single spaces are then its bytes with those made
    spaces (as the table folds it, once each two are one), without splitting it into its words
    (17 us an article, this 3). Replacing white space by white space leaves the words as they
    were, and the bytes are searched for any other white space, each byte at once, where
    str.isprintable read each character through the Unicode tables (exact_key 102 -> 82 million
    instructions on bench/instructions.py's sample).
    """
    stood_in: list[tuple[bytes, bytes]] = []
    if text.isascii():
        encoded = text.encode("ascii")
    else:
        marked = text
        for mark, stand_in in _MARK_STAND_INS:
            if mark in marked:
                if stand_in in text:
                    return _joined_words(text)
                marked = marked.replace(mark, stand_in)
                stood_in.append((stand_in.encode(), mark.encode()))
        # A character past Latin-1 is dropped, and tells so by the length.
        encoded = marked.encode("latin-1", "ignore")
        if len(encoded) != len(marked):
            return _joined_words(text)
    spaced = encoded.replace(b"\n\n", b"\n").translate(_LATIN1_FOLD_LINES_SPACED)
    if spaced.find(b"  ") >= 0 or spaced[:1] == b" " or spaced[-1:] == b" ":
        return _joined_words(text)
    for space in _LATIN1_OTHER_SPACES:
        if space in spaced:
            return _joined_words(text)
    if not spaced.isascii():
        spaced = spaced.decode("latin-1").encode()
        for char, char_folded in _FOLDED_PAST_LATIN1_UTF8:
            if spaced.find(char) >= 0:
                spaced = spaced.replace(char, char_folded)
    for stand_in_byte, mark_bytes in stood_in:
        spaced = spaced.replace(stand_in_byte, mark_bytes)
    return spaced


def _joined_words(text: str) -> bytes:
    """Return `_exact_bytes` of a text that is not read as bytes."""
    folded = text.casefold()
    # As `_exact_bytes`, without splitting the text into its words: every white-space character
    # but the space is unprintable, so a printable text holds no other.
    spaced = folded.replace("\n\n", " ").replace("\n", " ")
    if not (spaced.isprintable() and "  " not in spaced and spaced[:1] != " " != spaced[-1:]):
        spaced = " ".join(folded.split())
    return spaced.encode("utf-8", "replace")


def _whole_page(article: Article) -> str:
    """Return what an article with no body was made of: its headline and the lines removed.

    Pages whose cleaning leaves nothing (a video page, a paywall, a gallery) are not copies of
    one another for that: two of them are copies when the pages were.
    """
    return "\n".join([article.title or "", *(removal.text for removal in article.removed)])


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
