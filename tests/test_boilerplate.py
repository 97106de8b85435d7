"""The line tests of boilerplate.py that look at a line's end or start instead of searching it:
each says what its pattern says, on any text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup import boilerplate
from dedup.language import IGNORECASE_APART, stop_words_in, words_and_runs

# What the line tests say, as patterns.
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)」』）]*$")
TERMINAL = re.compile(r"[.!?…:;\"'”’»)。！？：；」』）]$")
# Texts made of the characters the patterns are about, and a few others.
MARKS = st.text(alphabet=".!?…:;\"'”’»)。！？」』）*+•◦▪o- \n\tab中", max_size=12)


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The council voted.", True),
        ('He said: "We will."', True),
        ("Read more…", True),
        ("她说。」", True),
        ("A heading", False),
        ("A heading:", False),
        ("The end.\n", True),
        ('The end.\n"', False),
        ("", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert boilerplate.ends_sentence(text) == ends


@given(MARKS)
def test_ends_sentence_is_the_pattern(text: str) -> None:
    assert boilerplate.ends_sentence(text) == bool(SENTENCE_END.search(text))


@given(MARKS)
def test_ends_terminal_is_the_pattern(text: str) -> None:
    assert boilerplate.ends_terminal(text) == bool(TERMINAL.search(text))
    assert bool(boilerplate.TERMINAL.search(text)) == bool(TERMINAL.search(text))


@given(MARKS)
def test_is_list_item_is_the_pattern(text: str) -> None:
    assert boilerplate.is_list_item(text) == bool(boilerplate._LIST_ITEM.match(text))


@given(st.text(alphabet="abcXYZ019 ,.'_-éÉßµÿİ\u212a\xa0\x85“–…€中Д", max_size=40))
def test_lines_read_byte_by_byte_have_the_same_words(text: str) -> None:
    """A line's words, read byte by byte when it is within Latin-1, are those the pattern reads
    in the lower-cased line."""
    assert boilerplate._tokens(text) == boilerplate._TOKEN.findall(text.lower())


_LINE_WORDS = st.sampled_from([
    "the", "of", "a", "news", "Home", "der", "und", "<p>", "{", "x = 1;", "Q&A", "·", "|", "-",
    "中文", "it's", "don’t", "l'homme", "'quoted'", ".", "Ünïcode",
])  # fmt: skip


@given(st.lists(_LINE_WORDS, max_size=24).map(" ".join))
def test_a_lines_kind_is_the_same_from_its_runs_read_already(text: str) -> None:
    """line_kind given the runs cleaning read with the line's words (their count and stop
    words, language.words_and_runs) gives the kind it reads from the line itself."""
    _, runs = words_and_runs(text)
    if runs is None:
        return
    counted = (len(runs), stop_words_in(runs))
    for stop_words in (
        boilerplate.stop_words_of("en"),
        boilerplate.stop_words_of(None),
        frozenset(),
    ):
        assert boilerplate.line_kind(text, stop_words, counted) == boilerplate.line_kind(
            text, stop_words
        )


def test_the_stop_words_for_prose_are_those_of_the_prose_density() -> None:
    """_text_kind stops counting a line's stop words at _stop_words_for_prose: exactly where
    their density, computed as a float, reaches _PROSE_DENSITY."""
    for count in range(boilerplate._PROSE_WORDS, 2000):
        enough = boilerplate._stop_words_for_prose(count)
        assert enough / count >= boilerplate._PROSE_DENSITY
        assert (enough - 1) / count < boilerplate._PROSE_DENSITY


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("share", {0, 2, 3}),  # twice in line 2; at the page's start and end
        ("news", {1}),
        ("absent", set()),
        ("e\tx", set()),
    ],
)
def test_lines_holding_gives_each_line_that_holds_the_needle(
    needle: str, expected: set[int]
) -> None:
    page = "share this\nlatest news\nshare and share alike\nplease share"
    assert boilerplate.lines_holding(page, needle) == expected
    by_line = {k for k, line in enumerate(page.split("\n")) if needle in line}
    assert boilerplate.lines_holding(page, needle) == by_line


_CODE_PARTS = st.sampled_from([
    "<", ">", "</", "<!", "[", "{", "}", ";", "(", ")", "=", "==", "&", "amp", "document.write",
    "function", "var", "href", "src", " ", "\n", "\t", "x", "B", "_", "é", "1", ".",
])  # fmt: skip


@given(st.lists(_CODE_PARTS, max_size=16).map("".join))
def test_holds_code_is_the_code_pattern(text: str) -> None:
    """_holds_code, which searches the branches of _CODE one by one where a line holds what
    each needs, finds code where _CODE does."""
    assert boilerplate._holds_code(text) == bool(boilerplate._CODE.search(text))


@given(st.lists(_CODE_PARTS, max_size=16).map("".join))
def test_holds_script_is_the_script_pattern(text: str) -> None:
    """_holds_script, which searches the branches of _SCRIPT one by one where a text holds what
    each needs, finds a script where _SCRIPT does."""
    assert boilerplate._holds_script(text) == bool(boilerplate._SCRIPT.search(text))


_LISTED_PARTS = st.sampled_from([
    "Home", "news", " ", " | ", " - ", " -- ", " / ", " · ", " • ", " » ", " › ", "-", "/", "|",
    "\xa0", "\t", "a-b", "»",
])  # fmt: skip


@given(st.lists(_LISTED_PARTS, max_size=24).map("".join), st.integers(0, 40))
def test_listed_by_separators_counts_them(text: str, count: int) -> None:
    """_listed_by_separators, which counts a line's marks before it searches, says what the
    count of its separators says."""
    separators = boilerplate._item_separators(text)
    listed = separators >= 3 and separators * 6 >= count
    assert boilerplate._listed_by_separators(text, count) == listed


@given(st.from_regex(boilerplate._CLOSING))
def test_closing_headings_open_with_their_words(text: str) -> None:
    """Every line _CLOSING matches opens with one of its first words, or a count and a word
    that follows one: _opens_with lets it through to the pattern."""
    words = boilerplate._CLOSING_FIRST_WORDS, boilerplate._CLOSING_COUNTS
    assert boilerplate._opens_with(text, *words, boilerplate._CLOSING_COUNTED)


@given(st.from_regex(boilerplate._THREAD_HEADING))
def test_thread_headings_open_with_a_count_and_their_word(text: str) -> None:
    words = boilerplate._NO_WORDS, boilerplate._THREAD_COUNTS
    assert boilerplate._opens_with(text, *words, boilerplate._THREAD_COUNTED)


@given(st.text(alphabet=st.characters(max_codepoint=0xFF)))
def test_a_text_within_latin_1_is_nfc(text: str) -> None:
    """split_lines leaves a line within Latin-1 as it is: NFC would not change it."""
    assert unicodedata.normalize("NFC", text) == text


@given(
    st.one_of(
        st.from_regex(boilerplate._NOTICE),
        st.text(alphabet=st.sampled_from("CcOoKkIiEeLlGgNnSs Pp-\u0130\u0131\u017f\u212a")),
    )
)
def test_notices_are_the_pattern(text: str) -> None:
    """_is_notice, which searches a text only when it holds a part of one of the words,
    says what _NOTICE says."""
    assert boilerplate._is_notice(text) == (boilerplate._NOTICE.search(text) is not None)


def test_the_characters_read_as_ascii_letters_are_those_lower_leaves() -> None:
    """Every character past ASCII that a pattern, its case ignored, reads as an ASCII letter is
    made that letter by str.lower, or is one of language.IGNORECASE_APART (_is_notice searches
    a text with one of them)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    ascii_letters = set("abcdefghijklmnopqrstuvwxyz")
    read_as_ascii = {
        char
        for char in map(chr, range(0x80, 0x110000))
        if letter.fullmatch(char) and char.lower() not in ascii_letters
    }
    assert read_as_ascii == set(IGNORECASE_APART)


@given(st.from_regex(boilerplate._THREAD_HEADING))
def test_thread_headings_may_open_with_a_count(text: str) -> None:
    """Every line _THREAD_HEADING matches passes _may_open_with_count."""
    assert boilerplate._may_open_with_count(text)


def test_closing_heads_in_every_case_are_the_heads_lower_cased() -> None:
    """closing_role looks an ASCII line's first two characters up in _CLOSING_HEADS_CASED, as
    it looked them up lower-cased in _CLOSING_HEADS."""
    for first in map(chr, range(128)):
        for second in map(chr, range(128)):
            head = first + second
            cased = head in boilerplate._CLOSING_HEADS_CASED
            assert cased == (head.lower() in boilerplate._CLOSING_HEADS), head


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("12 Comments", True),
        ("Readers' comments:", True),
        ("12\u2003comments", True),
        ("Über den Autor", True),  # past ASCII: left to the pattern
        ("\u017fubmit a comment", True),
        ("More than 100 people", True),  # the pattern tells it
        ("12 people died", False),
        ("12comments", False),
        ("One man said", False),
        ("Der Kommentar", False),
    ],
)
def test_opens_with_reads_the_first_words(text: str, opens: bool) -> None:
    words = boilerplate._CLOSING_FIRST_WORDS, boilerplate._CLOSING_COUNTS
    assert boilerplate._opens_with(text, *words, boilerplate._CLOSING_COUNTED) == opens


@given(st.from_regex(boilerplate._COMMENT_AUTHOR).filter(lambda text: text.endswith(":")))
def test_commenters_lines_end_with_a_verb_of_saying(text: str) -> None:
    # closing_role tries the pattern only on lines that end in a colon ('$' allows a newline).
    assert boilerplate._says_before_colon(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Jane Doe says:", True),
        ("3. Max sagt :", True),
        ("Jean a écrit:", True),
        ("Jane Doe SAID:", True),
        ("The plan has three parts:", False),
        ("Jane Doe says  :", False),
    ],
)
def test_says_before_colon_reads_the_last_word(text: str, says: bool) -> None:
    assert boilerplate._says_before_colon(text) == says


def test_line_spaces_follow_its_text() -> None:
    """A line's spaces are counted once a text, and anew when its text changes (fields cuts the
    first kept line's); the count is no part of the line's equality."""
    line = boilerplate.Line(1, "By Jane Doe Paris (AP) The text goes on", False)
    assert line.spaces() == 8
    assert line.spaces() == 8
    line.text = line.text[len("By Jane Doe ") :]
    assert line.spaces() == 5
    line.text = ""
    assert line.spaces() == 0
    assert boilerplate.Line(1, "a b", False) == boilerplate.Line(1, "a b", False)
    counted = boilerplate.Line(2, "a b", False)
    counted.spaces()
    assert counted == boilerplate.Line(2, "a b", False)


def test_opens_in_lower_case_is_islower_of_the_first_character() -> None:
    for code in range(0x3000):
        char = chr(code)
        assert boilerplate._opens_in_lower_case(char + "x") == char.islower(), hex(code)
    assert not boilerplate._opens_in_lower_case("")


# Characters NFC composes, reorders or replaces (a combining acute and cedilla, a Hangul
# leading consonant and vowel, an angstrom sign, an en and an em quad), beside newlines and
# white space.
COMPOSING = st.text(
    alphabet="e\u0301\u0327\u1100\u1161\u212b\u2000\u2001\u3000 \n\r\t\u00a0a’", max_size=16
)


@given(COMPOSING)
def test_split_lines_puts_each_line_in_nfc_as_the_page(text: str) -> None:
    """split_lines normalizes each line apart: the lines it gives are those of the page put in
    NFC whole (the newline neither composes nor reorders with its neighbours)."""
    lines = boilerplate.split_lines(text)
    assert lines == boilerplate.split_lines(unicodedata.normalize("NFC", text))
    assert all(unicodedata.is_normalized("NFC", line.text) for line in lines)


@given(st.text(alphabet="  ab\u2009\u3000", max_size=24).map(str.strip))
def test_space_run_parts_are_the_patterns(text: str) -> None:
    """_space_run_parts gives the parts _SPACE_RUN.split gives a line without tabs and no-break
    spaces (of a line: not empty), and no empty part."""
    parts = [part for part in boilerplate._SPACE_RUN.split(text) if part]
    assert boilerplate._space_run_parts(text) == parts


# Every character str.isspace knows (so \s does, and split), a letter and a no-break space.
WHITE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())


@given(st.text(alphabet=WHITE + "a", max_size=16))
def test_single_spacing_by_split_is_the_patterns(text: str) -> None:
    """split_lines makes a part's white space single spaces by split and join: what _SPACES
    and strip gave."""
    assert " ".join(text.split()) == boilerplate._SPACES.sub(" ", text).strip()
