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
from dedup.dates import relative_day
from dedup.hashing import hashed_strings, string_hashes
from dedup.language import ALL_STOP_WORDS, STOP_WORDS, words
from dedup.records import Article

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# An ordinal starts with a digit or with the first letter of an ordinal word: the lookahead turns
# the other words away before the alternatives are tried one by one (60% of the search's time).
_ORDINAL_FIRSTS = "".join(sorted({word[0] for word in _ORDINAL_WORDS}))
_ORDINAL = re.compile(
    rf"\b(?=[\d{_ORDINAL_FIRSTS}])(?:(?P<digits>\d{{1,4}})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\b(?!-)\s+(?P<after>(?:[A-Za-z][\w-]*\s+){0,2}?)(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)
# Nouns an ordinal often counts without naming an event: "the first time", "second half".
_NOT_EVENT_NOUNS = {
    "time", "times", "place", "half", "quarter", "day", "week", "month", "year", "century",
    "person", "one", "ones", "step", "largest", "biggest", "country", "floor", "grade", "minute", "hour", "line", "part", "phase", "level", "row", "straight", "consecutive",
    "generation", "option", "choice", "priority", "page", "paragraph", "sentence", "thing",
    "hand", "glance", "sight", "class", "degree", "lady", "born", "cousin", "wife", "husband",
}  # fmt: skip
# The lookahead holds the first letters of the words a mention starts with: it turns the other
# words away before the alternatives are tried (a third of the search's time).
_WEEKDAY_MENTION = re.compile(
    r"\b(?=[eolstuy])(?:(?:on|last|this|since|until|late|early)\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(yesterday)\b)",
    re.IGNORECASE,
)
# The words a weekday mention ends with, as `_weekday_mentions` finds them.
_MENTIONED_DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"
}  # fmt: skip
# The day a weekday mention points at, by its words and the publication day: a corpus holds few
# distinct pairs, and relative_day's calendar arithmetic (dateutil's relativedelta) took a quarter
# of the time of `_event_days` (5.3 us an article, this 4.0).
_relative_day = functools.lru_cache(maxsize=1 << 14)(relative_day)
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
# A word that starts with a letter, and what stands between it and the word before: the tokens
# that end a run of capitalised words (words that start with an ASCII lower-case letter,
# punctuation, line breaks), each with the spaces after it, and characters that start no token
# (spaces, digits, other marks). A match of this pattern is one turn of `named_entities`' loop:
# a third of the tokens are capitalised words, and the loop turned once for each token before
# (named_entities 796M -> 714M instructions on 798 articles). Of the tokens before a word only
# the last matters, for whether the word starts a sentence: the group holds its last character
# (the last capture of a repeat), which only punctuation and line breaks can make a
# sentence's end.
# Words that start with an ASCII lower-case letter, and the single spaces between them, are one
# token: a run of them does what each would (it ends a run and starts no sentence). Words that
# start with an ASCII capital, joined by single spaces, are one token too ("Boston Red Sox"):
# each is the token it was alone, and lower-cases alone as in the run (a final sigma is told by
# the letters up to a space). No character that starts a token is skipped, and no line break
# is taken within one.
# At most _TOKENS_BEFORE_WORD tokens are matched before a word: the engine keeps each repeat of
# a pattern for backtracking (a 26 MB text without a word took 4.4 GB). A match that stops there
# ends without a word, at the end of a token, and the next goes on from there.
# A word character is \w, with the ASCII ones also named: the engine tests a class's ASCII
# bitmap before its categories, and \w's category is several Unicode table lookups a character.
# (Captures in possessive repeats are wrong in Python 3.11: the repeats holding one are greedy.)
_WORD_CHAR = r"[a-zA-Z0-9_\w'’-]"
_LOWER_WORD = rf"[a-z]{_WORD_CHAR}*+"
_CAPITAL_WORD = rf"[A-Z]{_WORD_CHAR}*+"
_TOKENS_BEFORE_WORD = 100
_WORD_AND_BEFORE = re.compile(
    rf"(?:(?:{_LOWER_WORD}(?: {_LOWER_WORD})*+|[.!?:;,\"“”()\n\r\v\f\x1c-\x1e\x85\u2028\u2029])"
    rf"(?<=((?s:.))) *|[ \W\d_]){{0,{_TOKENS_BEFORE_WORD}}}"
    rf"({_CAPITAL_WORD}(?: {_CAPITAL_WORD})*+|[^\W\d_]{_WORD_CHAR}*|)"
)
_SENTENCE_END = {".", "!", "?", ":", '"', "“", "”", *"\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
# Marks a term as a named entity, so that it can be told from the same words in lower case.
ENTITY_MARK = "@"


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
    body, lead_words, lead = _words_and_leads(article.text)
    tokens = title + body
    text = f"{article.title}\n{article.text}" if article.title else article.text
    # The lead is the headline and the body's first characters: the start of `text` (a
    # leading line break changes no entity).
    entities, lead_entities = entities_with_lead(
        text, len(text) - len(article.text) + _LEAD_TERM_CHARS
    )
    # The words and the marked entities are hashed in one pass over their bytes (joined by NULs,
    # as entities hold spaces): a pass costs some twenty calls of numpy, on a few hundred words
    # as much as their arithmetic.
    strings = [*tokens, *(ENTITY_MARK + name for name in [*entities, *lead_entities])]
    return _Read(
        tokens,
        len(title),
        len(title) + lead_words,
        entities,
        lead_entities,
        lead,
        "\0".join(strings) + "\0" if strings else "",
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
    # the article's language. The stop words are looked up by their hashes, among the sorted
    # hashes of the language's: a lookup of each token in a set of strings hashed every token
    # again, in Python (a tenth of the time of features_of). Terms are told by these hashes
    # anyway: a word whose 64-bit hash is a stop word's would merge with it as a term too.
    bounds: list[int] = []  # each article's first token, first after its lead, and end
    for article, item, first in zip(articles, read, firsts, strict=True):
        end = first + len(item.tokens)
        found_hashes = hashes[first:end]
        stop_hashes = _stop_word_hashes(article.language)
        kept[first:end] &= (
            stop_hashes.take(stop_hashes.searchsorted(found_hashes), mode="clip") != found_hashes
        )
        kept[end : end + len(item.entities) + len(item.lead_entities)] = False
        bounds.extend((first, first + item.in_lead, end))
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
def _stop_word_hashes(language: str | None) -> npt.NDArray[np.uint64]:
    """Return the hashes of the stop words of `language` (`stop_words_of`), ascending: asked for
    each article, made once a language."""
    return np.sort(string_hashes(sorted(stop_words_of(language))))


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
        event_days=_event_days(article.text, published),
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
    # and its Python wrapper.
    ordered.sort(kind="stable")
    first = np.empty(len(ordered), dtype=bool)  # where a run of equal values starts
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def unique_counts(
    values: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]:
    """Return the distinct values, ascending, and how often each stands (np.unique's).

    Of 1,500 hashes (an article's terms), numpy's stable sort took 16 us and its default sort
    22: np.unique, which uses the default, took 34 us in all, this 24. Sorts `values` in place
    (as `distinct` does, for the same reason); the counts are differences taken as floats at
    once (np.flatnonzero and np.diff are Python wrappers of a call each).
    """
    ordered = values
    ordered.sort(kind="stable")
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


def named_entities(text: str) -> list[str]:
    """Return the runs of capitalised words that do not merely begin a sentence, lower-cased.

    "Mark Teixeira met the Boston Red Sox." gives ["teixeira", "boston red sox"]: the first word
    of a sentence is capitalised whatever it is, so it starts no run. A run ends at punctuation,
    at a lower-case word; a capitalised stop word ("The") starts none.
    """
    found: list[str] = []
    run: list[str] = []  # the run's words, lower-cased (some joined by spaces, as it will be)
    starts_sentence = True
    for before, word in _WORD_AND_BEFORE.findall(text):
        if before:  # the last character of tokens that end any run
            if run:
                found.append(" ".join(run))
                run = []
            starts_sentence = before in _SENTENCE_END  # a line break is one
        if not word:  # the end of the text, or _TOKENS_BEFORE_WORD tokens without a word
            continue
        if not word[0].isupper():
            if run:
                found.append(" ".join(run))
                run = []
            starts_sentence = False
            continue
        # One capitalised word, or several (see _WORD_AND_BEFORE).
        if starts_sentence:
            # The first word ends any run and starts none; the words after it are read on.
            if run:
                found.append(" ".join(run))
                run = []
            starts_sentence = False
            if " " not in word:
                continue
            folded = word.partition(" ")[2].lower()
        else:
            folded = word.lower()
        if run:
            run.append(folded)
        # A capitalised stop word continues a run ("Las Vegas") but does not start one.
        elif " " not in folded:
            if folded not in ALL_STOP_WORDS:
                run.append(folded)
        else:
            folded = _from_first_content_word(folded)
            if folded:
                run.append(folded)
    if run:
        found.append(" ".join(run))
    return found


def _from_first_content_word(folded: str) -> str:
    """Return lower-cased words joined by spaces from the first that is no stop word ("")."""
    while folded:
        space = folded.find(" ")
        if space < 0:
            return "" if folded in ALL_STOP_WORDS else folded
        if folded[:space] not in ALL_STOP_WORDS:
            return folded
        folded = folded[space + 1 :]
    return folded


def _words_and_leads(text: str) -> tuple[list[str], int, list[str]]:
    """Return the words of `text`, how many of them its first _LEAD_TERM_CHARS characters
    hold, and the words of its first _LEAD_CHARS characters (`words` of each).

    words(a + b) is words(a) + words(b) where b starts with a space: no word holds one, and
    nothing `words` does reads across one (NFC composes no character with a space; a final
    sigma is told by the letters up to it; an apostrophe beside one is loose). The text is cut
    at the last space before each lead's end, and only the word that a lead cuts is read twice
    (37 us an article, this 28).
    """
    first = max(text.rfind(" ", 0, _LEAD_TERM_CHARS), 0)
    second = max(text.rfind(" ", first, _LEAD_CHARS), first)
    head, middle = words(text[:first]), words(text[first:second])
    lead_terms = len(head) + len(words(text[first:_LEAD_TERM_CHARS]))
    lead = head + middle + words(text[second:_LEAD_CHARS])
    return head + middle + words(text[second:]), lead_terms, lead


def entities_with_lead(text: str, lead: int) -> tuple[list[str], list[str]]:
    """Return the named entities of `text` and of text[:lead] (`named_entities` of each).

    A full stop or a line break is a token of its own that ends any run and starts a sentence,
    as the start of a text does: the entities of a text cut before one are those of the two
    parts. The text is read once up to the last of them in its lead, and only the sentence
    that the lead cuts is read twice.
    """
    cut = max(text.rfind(".", 0, lead), text.rfind("\n", 0, lead), 0)
    before = named_entities(text[:cut])
    return before + named_entities(text[cut:]), before + named_entities(text[cut:lead])


def exact_key(text: str) -> str:
    """Return a key equal for texts that differ only in case and white space."""
    return hashlib.blake2b(
        _single_spaced(text.casefold()).encode("utf-8", "replace"), digest_size=16
    ).hexdigest()


def _single_spaced(text: str) -> str:
    """Return `text` with each run of white space made one space, and none at either end:
    " ".join(text.split()).

    A cleaned body's only white space is mostly single spaces and the one or two line breaks
    between its paragraphs: for it, that is the text with those made spaces, without splitting
    it into its words (17 us an article, this 3). Replacing white space by white space leaves
    the words as they were; every white-space character but the space is unprintable, so a
    printable result holds no other.
    """
    spaced = text.replace("\n\n", " ").replace("\n", " ")
    if spaced.isprintable() and "  " not in spaced and spaced[:1] != " " and spaced[-1:] != " ":
        return spaced
    return " ".join(text.split())


def _whole_page(article: Article) -> str:
    """Return what an article with no body was made of: its headline and the lines removed.

    Pages whose cleaning leaves nothing (a video page, a paywall, a gallery) are not copies of
    one another for that: two of them are copies when the pages were.
    """
    return "\n".join([article.title or "", *(removal.text for removal in article.removed)])


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
    head = text[:3000]
    # Every word the pattern finds ends in 'day': a text without it is not searched (a third are
    # not). Letters the pattern's IGNORECASE equates with 'i' or 's' make a shorter test unsafe.
    lowered = head.lower()
    if "day" not in lowered:
        return frozenset()
    for match in _weekday_mentions(head, lowered):
        day = _relative_day(match.group(1) or match.group(2), published)
        if day is not None:
            days.add(day)
    return frozenset(days)


def _weekday_mentions(head: str, lowered: str) -> list[re.Match[str]]:
    """Return the matches of _WEEKDAY_MENTION in `head` (`lowered` is head.lower()), in any order.

    The search tries the pattern at every character (50 us on 3,000). A mention ends with a
    weekday or "yesterday", which end in "day" and begin no other mention, so mentions never
    overlap: the pattern is tried only at the starts a mention of each such word can have,
    "yesterday" itself or a word of two, four or five letters before the white space before
    the weekday. The words are found in the lower-cased text, where each character keeps its
    place unless the text holds "İ" (lower-cased to two). IGNORECASE also takes "ı" for "i" and
    "ſ" for "s", which lower-case to themselves: a text with any of the three is searched whole.
    """
    if len(lowered) != len(head) or "ı" in lowered or "ſ" in lowered:
        return list(_WEEKDAY_MENTION.finditer(head))
    found = []
    end = lowered.find("day") + 3
    while end >= 3:
        for length in (6, 7, 8, 9):
            word = lowered[end - length : end]
            if word in _MENTIONED_DAYS:
                start = end - length
                if word == "yesterday":
                    starts: tuple[int, ...] = (start,)
                else:
                    space = len(head[:start].rstrip())  # where the white space before it starts
                    starts = (space - 2, space - 4, space - 5)
                for start in starts:
                    match = _WEEKDAY_MENTION.match(head, start) if start >= 0 else None
                    if match:
                        found.append(match)
                        break
                break
        end = lowered.find("day", end) + 3
    return found
