"""Mentions: the named entities, ordinals and weekday mentions of a text, and its words with
the words of its leads, as features read them.

These are the loops of features that run once a word or a token, in plain Python: they live
apart from features.py so that the release build compiles them with mypyc (setup.py), while
features.py, whose Features cross processes pickled, and the numpy hashing stay interpreted.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Final

from dedup.dates import relative_day
from dedup.language import ALL_STOP_WORDS, lower, words
from dedup.metadata import ignorecase_lower

_ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# An ordinal starts with a digit or with the first letter of an ordinal word: the lookahead turns
# the other words away before the alternatives are tried one by one (60% of the search's time).
_ORDINAL_FIRSTS: Final = "".join(sorted({word[0] for word in _ORDINAL_WORDS}))
_ORDINAL: Final = re.compile(
    rf"\b(?=[\d{_ORDINAL_FIRSTS}])(?:(?P<digits>\d{{1,4}})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\b(?!-)\s+(?P<after>(?:[A-Za-z][\w-]*\s+){0,2}?)(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)
# Every ordinal holds one of these or a digit before its suffix (the words from "thirteenth" on
# share an ending): a text without any is not searched (nine in ten are not, and the search
# tries the pattern at every character).
_ORDINAL_HINTS: Final = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "teenth", "tieth", "hundredth",
)  # fmt: skip
_DIGIT_AND_SUFFIX: Final = re.compile(r"\d(?:st|nd|rd|th)")
# Nouns an ordinal often counts without naming an event: "the first time", "second half".
_NOT_EVENT_NOUNS: Final = {
    "time", "times", "place", "half", "quarter", "day", "week", "month", "year", "century",
    "person", "one", "ones", "step", "largest", "biggest", "country", "floor", "grade", "minute", "hour", "line", "part", "phase", "level", "row", "straight", "consecutive",
    "generation", "option", "choice", "priority", "page", "paragraph", "sentence", "thing",
    "hand", "glance", "sight", "class", "degree", "lady", "born", "cousin", "wife", "husband",
}  # fmt: skip
# The lookahead holds the first letters of the words a mention starts with: it turns the other
# words away before the alternatives are tried (a third of the search's time).
_WEEKDAY_MENTION: Final = re.compile(
    r"\b(?=[eolstuy])(?:(?:on|last|this|since|until|late|early)\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(yesterday)\b)",
    re.IGNORECASE,
)
# The words a weekday mention ends with, as `_weekday_mentions` finds them.
_MENTIONED_DAYS: Final = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"
}  # fmt: skip
# The day a weekday mention points at, by its words and the publication day: a corpus holds few
# distinct pairs, and relative_day's calendar arithmetic (dateutil's relativedelta) took a quarter
# of the time of `_event_days` (5.3 us an article, this 4.0).
_relative_day: Final = functools.lru_cache(maxsize=1 << 14)(relative_day)

# The tokens `named_entities` reads: words that start with a letter, each a run of word
# characters (_WORD_CHAR, \w with the ASCII ones also named: the engine tests a class's ASCII
# bitmap before its categories, and \w's category is several Unicode table lookups a character)
# from its first letter; and the marks that end a run of capitalised words (_RUN_ENDS). A word
# that starts with an ASCII lower-case letter ends a run too, and starts no sentence.
# A match of _GAP_AND_WORD is one turn of `named_entities`' loop: the text up to a word that
# starts with any other letter (the gap, the characters of _GAP), and that word. The gap is
# matched as one run of characters of one class, where matching its tokens one by one with a
# capture of the last that ends a run cost twice the instructions (228M -> 124M on the sample of
# bench/instructions.py); the loop reads the gap's end for that token. Such a letter met within
# a lower-case word ("eBay", "café", "non-English") is not the start of a word: the gap then
# ends with that word's start, and the word matched is the rest of it (`_gap_end`).
# Words that start with an ASCII capital, joined by single spaces, are one word ("Boston Red
# Sox"): each is the word it was alone, and lower-cases alone as in the run (a final sigma is
# told by the letters up to a space).
_WORD_CHAR: Final = r"[a-zA-Z0-9_\w'’-]"
_CAPITAL_WORD: Final = rf"[A-Z]{_WORD_CHAR}*+"
# Every character but the letters other than a-z, the ASCII ones named (see _WORD_CHAR).
_GAP: Final = r"[\x00-\x40\x5b-\x7f\W\d_]"
_GAP_AND_WORD: Final = re.compile(
    rf"({_GAP}*+)({_CAPITAL_WORD}(?: {_CAPITAL_WORD})*+|[^\W\d_]{_WORD_CHAR}*|)"
)
# The marks that end a run of capitalised words, and those of them that end a sentence.
_RUN_ENDS: Final = frozenset('.!?:;,"“”()\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029')
_SENTENCE_END: Final = {".", "!", "?", ":", '"', "“", "”", *"\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
# The last character of a gap that ends a run: a mark of _RUN_ENDS or a letter of a lower-case
# word (the only letters a gap holds).
_LAST_RUN_END: Final = re.compile(r"(?s:.*)([a-z.!?:;,\"“”()\n\r\v\f\x1c-\x1e\x85\u2028\u2029])")
# The word characters that are no letters: a word goes on across them.
_WORD_JOINERS: Final = re.compile(r"[\d_'’-]*")
# What `_gap_end` gives for a gap that ends within a lower-case word, and for one whose last
# token that ends a run is a lower-case word.
_WITHIN_WORD: Final = "a-"
_LOWER_WORD_END: Final = "a"


def named_entities(text: str) -> list[str]:
    """Return the runs of capitalised words that do not merely begin a sentence, lower-cased.

    "Mark Teixeira met the Boston Red Sox." gives ["teixeira", "boston red sox"]: the first word
    of a sentence is capitalised whatever it is, so it starts no run. A run ends at punctuation,
    at a lower-case word; a capitalised stop word ("The") starts none.
    """
    found: list[str] = []
    run: list[str] = []  # the run's words, lower-cased (some joined by spaces, as it will be)
    starts_sentence = True
    found_words: list[tuple[str, str]] = _GAP_AND_WORD.findall(text)
    for gap, word in found_words:
        if gap:
            end = _gap_end(gap)
            if end:
                if run:
                    found.append(" ".join(run))
                    run = []
                if end == _WITHIN_WORD:
                    # The rest of a lower-case word: the capitalised words joined to it follow it.
                    starts_sentence = False
                    word = word.partition(" ")[2]
                else:
                    starts_sentence = end in _SENTENCE_END  # a line break is one
        if not word:  # the end of the text
            continue
        if not word[0].isupper():
            if run:
                found.append(" ".join(run))
                run = []
            starts_sentence = False
            continue
        # One capitalised word, or several (see _GAP_AND_WORD).
        if starts_sentence:
            # The first word ends any run and starts none; the words after it are read on.
            if run:
                found.append(" ".join(run))
                run = []
            starts_sentence = False
            if " " not in word:
                continue
            folded = lower(word.partition(" ")[2])
        else:
            folded = lower(word)
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


def _gap_end(gap: str) -> str:
    """Return the last character of a gap's last token that ends a run (_LOWER_WORD_END for a
    lower-case word), "" when none does, or _WITHIN_WORD when the gap ends within a lower-case
    word: with its start, or its start and word characters that are no letters ("non-")."""
    last = gap[-1]
    # Most gaps end with a space after a lower-case word or a mark, or with a mark.
    if last == " ":
        if len(gap) == 1:
            return ""
        last = gap[-2]
        if last in _RUN_ENDS:
            return last
        if 97 <= ord(last) <= 122:  # a-z: compared as numbers, not strings
            return _LOWER_WORD_END
    elif last in _RUN_ENDS:
        return last
    elif 97 <= ord(last) <= 122:
        return _WITHIN_WORD
    match = _LAST_RUN_END.match(gap)
    if match is None:
        return ""
    last = match.group(1)
    if not "a" <= last <= "z":
        return last
    return _WITHIN_WORD if _WORD_JOINERS.fullmatch(gap, match.end()) else _LOWER_WORD_END


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


def words_and_leads(text: str, terms_lead: int, lead: int) -> tuple[list[str], int, list[str]]:
    """Return the words of `text`, how many of them text[:terms_lead] holds, and the words of
    text[:lead] (`words` of each; terms_lead <= lead).

    words(a + b) is words(a) + words(b) where b starts with a space: no word holds one, and
    nothing `words` does reads across one (NFC composes no character with a space; a final
    sigma is told by the letters up to it; an apostrophe beside one is loose). The text is cut
    at the last space before each lead's end, and only the word that a lead cuts is read twice
    (37 us an article, this 28).
    """
    first = max(text.rfind(" ", 0, terms_lead), 0)
    second = max(text.rfind(" ", first, lead), first)
    head, middle = words(text[:first]), words(text[first:second])
    lead_terms = len(head) + len(words(text[first:terms_lead]))
    lead_words = head + middle + words(text[second:lead])
    return head + middle + words(text[second:]), lead_terms, lead_words


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


def event_ordinals(text: str) -> dict[str, frozenset[int]]:
    """Return the ordinals tied to an event noun: {'meeting': {9}, 'anniversary': {20}}."""
    if not _may_hold_ordinal(text):
        return {}
    found: dict[str, set[int]] = {}
    for match in _ORDINAL.finditer(text):
        noun = lower(match.group("noun"))
        if noun in _NOT_EVENT_NOUNS or noun in ALL_STOP_WORDS:
            continue
        digits = match.group("digits")
        # The word as IGNORECASE matched it: "ſecond" is "second" (lower() keeps the "ſ").
        value = int(digits) if digits else _ORDINAL_WORDS[ignorecase_lower(match.group("word"))]
        found.setdefault(_singular(noun), set()).add(value)
    return {noun: frozenset(values) for noun, values in found.items()}


def _may_hold_ordinal(text: str) -> bool:
    """Return False when _ORDINAL cannot match in `text`: it holds no ordinal hint.

    The hints are looked for in the lower-cased text. IGNORECASE also takes "ı" for "i" and
    "ſ" for "s", which lower-case to themselves, and "İ" for "i", which lower-cases to "i"
    and U+0307: a text with any of them may hold one. The Kelvin sign lower-cases to "k".
    """
    lowered = lower(text)
    if "ı" in lowered or "ſ" in lowered or "\u0307" in lowered:
        return True
    for hint in _ORDINAL_HINTS:
        if hint in lowered:
            return True
    return _DIGIT_AND_SUFFIX.search(lowered) is not None


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def event_days(text: str, published: dt.date | None) -> frozenset[dt.date]:
    """Return the days the weekday mentions of a text point at ("on Tuesday", "yesterday"),
    counted from the day it was published (none when that is unknown)."""
    if published is None:
        return frozenset()
    days = set()
    head = text[:3000]
    # Every word the pattern finds ends in 'day': a text without it is not searched (a third are
    # not). Letters the pattern's IGNORECASE equates with 'i' or 's' make a shorter test unsafe.
    lowered = lower(head)
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
