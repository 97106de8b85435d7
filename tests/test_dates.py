"""Tests of dedup.dates: finding dates in text, date lines and weekday references."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable

import pytest
from conftest import bench_kit
from hypothesis import given
from hypothesis import strategies as st

from dedup.dates import (
    _DMY,
    _MONTHS,
    _RULES,
    _SHORT_NUMBER,
    _YEARISH,
    DateMatch,
    _alternation,
    _candidates,
    _fold,
    _year_windows,
    date_line_of,
    date_line_remainder,
    find_date,
    find_dates,
    is_date_word,
    may_hold_date,
    relative_day,
    yearish_lines,
)

FOUND = [
    # ISO and year-first
    ("2021-04-20", "2021-04-20"),
    ("2021-04-20T11:31:00Z", "2021-04-20T11:31:00"),
    ("2021-04-20T11:31:00.250+02:00", "2021-04-20T11:31:00"),
    ("2020-07-24 10:35:00", "2020-07-24T10:35:00"),
    ("2020-07-24 10:35:00Xinhua", "2020-07-24T10:35:00"),
    ("2021/04/20", "2021-04-20"),
    ("2021-4-5", "2021-04-05"),
    # English
    ("April 21, 2021", "2021-04-21"),
    ("Apr. 21, 2021", "2021-04-21"),
    ("Apr 21 2021", "2021-04-21"),
    ("21 April 2021", "2021-04-21"),
    ("Wednesday, April 21, 2021, 11:31", "2021-04-21T11:31:00"),
    ("April 21, 2021 11:31 AM", "2021-04-21T11:31:00"),
    ("April 21, 2021 11:31 p.m.", "2021-04-21T23:31:00"),
    ("April 21, 2021 12:05 am", "2021-04-21T00:05:00"),
    ("Sept 3 2020", "2020-09-03"),
    ("Sep. 3, 2020", "2020-09-03"),
    ("SEPTEMBER 3, 2020", "2020-09-03"),
    ("the 21st of April, 2021", "2021-04-21"),
    ("April 21st, 2021", "2021-04-21"),
    ("21-Apr-2021", "2021-04-21"),
    ("Wed, 21 Apr 2021 11:31:00 GMT", "2021-04-21T11:31:00"),
    ("10:35 AM, April 21, 2021", "2021-04-21T10:35:00"),
    # German
    ("3. Mai 2021", "2021-05-03"),
    ("03.05.2021", "2021-05-03"),
    ("3.5.2021, 14:20 Uhr", "2021-05-03T14:20:00"),
    ("03.05.2021 14.20 Uhr", "2021-05-03T14:20:00"),
    ("3. Mai 2021 um 14 Uhr", "2021-05-03T14:00:00"),
    ("Montag, 3. Mai 2021", "2021-05-03"),
    ("3. März 2021", "2021-03-03"),
    ("3. Marz 2021", "2021-03-03"),
    ("3. Maerz 2021", "2021-03-03"),
    ("3. MÄRZ 2021", "2021-03-03"),
    ("3. Jänner 2021", "2021-01-03"),
    ("14:20 Uhr, 03.05.2021", "2021-05-03T14:20:00"),
    # French
    ("3 mai 2021", "2021-05-03"),
    ("1er mars 2020", "2020-03-01"),
    ("le 3 mai 2021 à 14h20", "2021-05-03T14:20:00"),
    ("3 février 2021", "2021-02-03"),
    ("3 fevrier 2021", "2021-02-03"),
    ("3 août 2021", "2021-08-03"),
    ("3 aout 2021", "2021-08-03"),
    ("3 AOÛT 2021", "2021-08-03"),
    ("3 déc. 2021", "2021-12-03"),
    ("3 dec 2021", "2021-12-03"),
    ("3 janv. 2021", "2021-01-03"),
    # Spanish
    ("3 de mayo de 2021", "2021-05-03"),
    ("3 de mayo del 2021", "2021-05-03"),
    ("3 de setiembre de 2021", "2021-09-03"),
    ("3 de mayo de 2021 a las 14:20", "2021-05-03T14:20:00"),
    # Italian
    ("3 maggio 2021", "2021-05-03"),
    ("3 maggio 2021 alle ore 14:20", "2021-05-03T14:20:00"),
    ("3 dic 2021", "2021-12-03"),
    # Portuguese
    ("3 de maio de 2021", "2021-05-03"),
    ("3 de março de 2021", "2021-03-03"),
    ("3 de marco de 2021", "2021-03-03"),
    ("3 de maio de 2021 às 14:20", "2021-05-03T14:20:00"),
    # Dutch
    ("3 mei 2021", "2021-05-03"),
    ("3 mrt. 2021", "2021-03-03"),
    ("3 maart 2021 om 14:20", "2021-03-03T14:20:00"),
    # Polish, genitive and nominative month forms
    ("3 maja 2021", "2021-05-03"),
    ("3 stycznia 2021", "2021-01-03"),
    ("3 lutego 2021", "2021-02-03"),
    ("3 marca 2021", "2021-03-03"),
    ("3 kwietnia 2021", "2021-04-03"),
    ("3 czerwca 2021", "2021-06-03"),
    ("3 lipca 2021", "2021-07-03"),
    ("3 sierpnia 2021", "2021-08-03"),
    ("3 września 2021", "2021-09-03"),
    ("3 wrzesnia 2021", "2021-09-03"),
    ("3 października 2021", "2021-10-03"),
    ("3 pazdziernika 2021", "2021-10-03"),
    ("3 listopada 2021", "2021-11-03"),
    ("3 grudnia 2021", "2021-12-03"),
    ("3 maj 2021", "2021-05-03"),
    ("3 styczeń 2021", "2021-01-03"),
    ("3 maja 2021 r., godz. 14:20", "2021-05-03T14:20:00"),
    # Numeric
    ("05/03/2021", "2021-05-03"),
    ("5/3/2021", "2021-05-03"),
    ("13/05/2021", "2021-05-13"),
    ("05/13/2021", "2021-05-13"),
    ("03-05-2021", "2021-05-03"),
    ("03.05.21", "2021-05-03"),
    ("03.05.95", "1995-05-03"),
    ("5/3/21", "2021-05-03"),
    ("Stand:03.05.2021", "2021-05-03"),
    ("18. 05. 2014 22:38", "2014-05-18T22:38:00"),  # spaced dots
    ("1.11.23 20:19 von Lars Muster", "2023-11-01T20:19:00"),  # a short year with a time
    ("29 / Dezember / 2022", "2022-12-29"),
    ("29/Dez/2022", "2022-12-29"),
    # In running text, the first date wins
    ("Posted on April 21, 2021; updated April 22, 2021", "2021-04-21"),
    ("The report of 21 April 2021 says", "2021-04-21"),
    ("1.2.3 then 2021-04-20", "2021-04-20"),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_date_finds_the_date(text: str, expected: str) -> None:
    match = find_date(text)
    assert match is not None
    assert match.iso() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, April 21, 2021, 11:31 By Cao Desheng", "April 21, 2021, 11:31"),
        ("2020-07-24 10:35:00Xinhua", "2020-07-24 10:35:00"),
        ("Montag, 3. Mai 2021", "3. Mai 2021"),
        ("le 3 mai 2021 à 14h20", "3 mai 2021 à 14h20"),
        ("2021-04-20T11:31:00Z", "2021-04-20T11:31:00Z"),
        ("Published 3 de mayo de 2021.", "3 de mayo de 2021"),
    ],
)
def test_span_covers_the_date_and_its_time(text: str, expected: str) -> None:
    match = find_date(text)
    assert match is not None
    assert text[match.start : match.end] == expected


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("05/03/2021", None, "2021-05-03"),  # slashes: US month first
        ("05/03/2021", True, "2021-03-05"),
        ("03.05.2021", None, "2021-05-03"),  # dots: day first
        ("03.05.2021", False, "2021-03-05"),
        ("13/05/2021", False, "2021-05-13"),  # a part over 12 decides whatever day_first says
        ("05.13.2021", True, "2021-05-13"),
        ("2021-05-03", True, "2021-05-03"),  # year first is never ambiguous
        ("3 May 2021", False, "2021-05-03"),  # day_first is for numeric dates only
    ],
)
def test_day_first(text: str, day_first: bool | None, expected: str) -> None:
    match = find_date(text, day_first=day_first)
    assert match is not None
    assert match.iso() == expected


NOT_DATES = [
    "",
    "no digits at all",
    "2021-02-30",  # no such day
    "2021-13-01",
    "31.04.2021",
    "29.02.2021",
    "1985-03-03",  # out of range years
    "3 May 1989",
    "2101-01-01",
    "03.05.2150",
    "1.2.3",  # version numbers
    "1.2.21",
    "v1.2.2021",
    "version 1.2.3.4",
    "192.168.10.12",
    "the score was 3-1",
    "3-1-0",
    "+49 30 1234 5678",  # phone numbers
    "555-12-20",
    "Call 0800 12 12 2021",
    "$12.05",  # prices
    "12.05 €",
    "costs 1.250.000 euros",
    "14:20",  # a time alone
    "at 14:20 Uhr",
    "2021",  # a year alone
    "in 2021 and 2022",
    "April 2021",  # no day
    "Mai 2021",
    "mayo de 2021",
    "April 21",  # no year
    "3. Mai",
    "03.05.",
    "03-05-21",  # short year only with dots or slashes
    "1.11.23 at noon",  # an unpadded short year only with a time of day after it
    "3. 5. 21",  # spaced dots only with a full year
    "13/13/2021",
    "Marseille 3 2021",
    "junior 3, 2021",
    "20210420",
]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("9.10.23", "2023-10-09"),  # alone on its line
        ("Mi. 9.10.23", "2023-10-09"),
        ("Von Jana Beispiel | 9.10.23", "2023-10-09"),  # after a byline
    ],
)
def test_unpadded_short_year_read_day_first_alone(line: str, iso: str) -> None:
    assert [m.iso() for m in find_dates(line, day_first=True)] == [iso]
    assert find_dates(line) == []  # not where the page's language says nothing of the order


@pytest.mark.parametrize("line", ["Release 9.10.23", "9.10.23 Release Notes", "Update auf 2.1.20"])
def test_unpadded_short_year_beside_words_is_a_version(line: str) -> None:
    assert find_dates(line, day_first=True) == []


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_date_rejects(text: str) -> None:
    assert find_date(text) is None
    assert find_dates(text) == []


def test_find_dates_returns_every_date_in_order() -> None:
    text = "Published 2021-04-20, updated 21 April 2021 11:31 and again 04/22/2021."
    assert [m.iso() for m in find_dates(text)] == [
        "2021-04-20",
        "2021-04-21T11:31:00",
        "2021-04-22",
    ]


def test_find_dates_skips_an_impossible_date_but_not_what_follows() -> None:
    assert [m.iso() for m in find_dates("2021-02-30 or 2021-02-28")] == ["2021-02-28"]


def test_match_fields() -> None:
    match = find_date("Wednesday, April 21, 2021, 11:31")
    assert match == DateMatch(11, 32, datetime.date(2021, 4, 21), datetime.time(11, 31))
    assert match.iso() == "2021-04-21T11:31:00"
    assert DateMatch(0, 1, datetime.date(2021, 4, 21), None).iso() == "2021-04-21"


@pytest.mark.parametrize(
    ("line", "iso", "left"),
    [
        ("2020-07-24 10:35:00Xinhua", "2020-07-24T10:35:00", "Xinhua"),
        (
            "Wednesday, April 21, 2021, 11:31 By Cao Desheng",
            "2021-04-21T11:31:00",
            "By Cao Desheng",
        ),
        ("Wednesday, April 21, 2021, 11:31", "2021-04-21T11:31:00", ""),
        ("Updated: April 22, 2021 10:02 ET", "2021-04-22T10:02:00", ""),
        ("Published on Wed 21 Apr 2021 11.31 BST", "2021-04-21T11:31:00", ""),
        ("Posted April 21, 2021 11:31 AM +0200", "2021-04-21T11:31:00", ""),
        ("Last modified: 2021-04-21T11:31:00Z", "2021-04-21T11:31:00", ""),
        ("Veröffentlicht am 03.05.2021, 14:20 Uhr", "2021-05-03T14:20:00", ""),
        ("Stand: 03.05.2021 14:20 Uhr", "2021-05-03T14:20:00", ""),
        ("Aktualisiert am Montag, 3. Mai 2021, 14:20 Uhr", "2021-05-03T14:20:00", ""),
        ("Mo., 03.05.2021 - 14:20 Uhr MEZ", "2021-05-03T14:20:00", ""),
        ("Mo, 03.05.2021, 14:20 von Anna", "2021-05-03T14:20:00", "von Anna"),  # 'Mo' and a comma
        ("Publié le 3 mai 2021 à 14h20, mis à jour le 4 mai 2021", "2021-05-03T14:20:00", ""),
        ("Actualizado: 3 de mayo de 2021 | 14:20 CET", "2021-05-03T14:20:00", ""),
        ("Pubblicato il 3 maggio 2021 alle ore 14:20", "2021-05-03T14:20:00", ""),
        ("Publicado em 3 de maio de 2021", "2021-05-03", ""),
        ("Gepubliceerd op 3 mei 2021 om 14:20", "2021-05-03T14:20:00", ""),
        ("Opublikowano: 3 maja 2021 r., godz. 14:20", "2021-05-03T14:20:00", ""),
        ("China Daily | April 21, 2021", "2021-04-21", "China Daily"),
        ("April 21, 2021 By Cao Desheng and Zhang Yi", "2021-04-21", "By Cao Desheng and Zhang Yi"),
        ("Von Anna Muster, 3. Mai 2021", "2021-05-03", "Von Anna Muster"),
        ("Von R. Muster am 03.05.2021", "2021-05-03", "Von R. Muster"),  # 'R.': an initial
        ("3 maja 2021 r.", "2021-05-03", ""),  # 'r.': the Polish year's mark
        ("Online since March 4th 2009", "2009-03-04", "Online since"),  # a label, no span
        (
            "Par Jean Dupont et Marie Curie | 3 mai 2021",
            "2021-05-03",
            "Par Jean Dupont et Marie Curie",
        ),
    ],
)
def test_date_line_remainder(line: str, iso: str, left: str) -> None:
    found = date_line_remainder(line)
    assert found is not None
    match, rest = found
    assert match.iso() == iso
    assert rest == left


@pytest.mark.parametrize(
    "line",
    [
        "",
        "No date here 12:30",
        "Xi met Putin in Moscow on April 21, 2021 to discuss trade and energy.",
        " date 2021-04-20 BEIJING, April 20 (Xinhua) -- Chinese President Xi Jinping and Russian",
        "April 21, 2021 by contrast the government said nothing at all",
        "Der Vertrag vom 3. Mai 2021 gilt nun für alle Mitglieder der Union",
        # A date that bounds a span of time: from or until when, not the day of publishing.
        "Die neuen Tarife ab 01.03.2022",
        "(Gültig seit: 04.10.2021)",
        "Valid until May 3, 2021",
    ],
)
def test_date_line_remainder_rejects_prose(line: str) -> None:
    assert date_line_remainder(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Mo, 03.05.2021, 14:20 von Anna",
        "Updated: Tuesday, 3 May 2021, 10:00 GMT",
        "Xi met Putin in Moscow on April 21, 2021 to discuss trade and energy.",
        "No date here 12:30",
    ],
)
def test_date_line_of_reads_the_dates_given(line: str) -> None:
    assert date_line_of(line, find_dates(line)) == date_line_remainder(line)


PUBLISHED = datetime.date(2021, 4, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Tuesday", datetime.date(2021, 4, 20)),
        ("on Tuesday", datetime.date(2021, 4, 20)),
        ("tuesday", datetime.date(2021, 4, 20)),
        ("Wednesday", datetime.date(2021, 4, 21)),  # the same weekday is the day itself
        ("Thursday", datetime.date(2021, 4, 15)),
        ("Sunday", datetime.date(2021, 4, 18)),
        ("Monday,", datetime.date(2021, 4, 19)),
        ("Dienstag", datetime.date(2021, 4, 20)),
        ("am Sonntag", datetime.date(2021, 4, 18)),
        ("mardi", datetime.date(2021, 4, 20)),
        ("Mercredi", datetime.date(2021, 4, 21)),
        ("martes", datetime.date(2021, 4, 20)),
        ("miércoles", datetime.date(2021, 4, 21)),
        ("miercoles", datetime.date(2021, 4, 21)),
        ("sábado", datetime.date(2021, 4, 17)),
        ("today", datetime.date(2021, 4, 21)),
        ("Yesterday", datetime.date(2021, 4, 20)),
        ("gestern", datetime.date(2021, 4, 20)),
        ("heute", datetime.date(2021, 4, 21)),
        ("hier", datetime.date(2021, 4, 20)),
        ("aujourd'hui", datetime.date(2021, 4, 21)),
        ("aujourd’hui", datetime.date(2021, 4, 21)),
        ("ayer", datetime.date(2021, 4, 20)),
        ("hoy", datetime.date(2021, 4, 21)),
        ("vorgestern", datetime.date(2021, 4, 19)),
    ],
)
def test_relative_day(word: str, expected: datetime.date) -> None:
    assert relative_day(word, PUBLISHED) == expected


@pytest.mark.parametrize("word", ["", "tomorrow", "week", "April", "2021", "Tuesdays"])
def test_relative_day_unknown_words(word: str) -> None:
    assert relative_day(word, PUBLISHED) is None


@given(st.text())
def test_find_date_never_raises_and_iso_round_trips(text: str) -> None:
    for match in [find_date(text), *find_dates(text)]:
        if match is None:
            continue
        assert 0 <= match.start < match.end <= len(text)
        parsed = datetime.datetime.fromisoformat(match.iso())
        assert parsed.date() == match.day
        assert parsed.time() == (match.time or datetime.time())
    date_line_remainder(text)


# Texts made of what dates are written with, so that many hold one and many nearly do.
DATE_PIECES = st.lists(
    st.sampled_from(
        ["2021", "1999", "21", "3", "12", "05", "123", "20219", ".", "/", "-", ". ", " ", ", ",
         "Mai", "April", "of", "de", "am", "x", ":", "10:30"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(st.one_of(DATE_PIECES, st.text()), st.sampled_from([None, True, False]))
def test_every_date_holds_a_yearish_number_and_a_short_one(
    text: str, day_first: bool | None
) -> None:
    # The rules run without the gate of find_date and find_dates.
    windows = _year_windows(text)
    found = [match for rule in _RULES for match in _candidates(rule, text, day_first, windows)]
    assert not found or (_YEARISH.search(text) and _SHORT_NUMBER.search(text))
    # ... which may_hold_date tells callers that want a date alone to go on.
    assert may_hold_date(text) is bool(_YEARISH.search(text) and _SHORT_NUMBER.search(text))


@given(
    st.one_of(DATE_PIECES, st.text(alphabet="0123456789./-x \u2013")), st.sampled_from([None, True])
)
def test_a_rule_finds_nothing_in_a_text_without_its_marks(
    text: str, day_first: bool | None
) -> None:
    windows = _year_windows(text)
    for pattern, parse, anchored, marks in _RULES:
        # Every match of a pattern with marks holds one of them ...
        if marks:
            for match in pattern.finditer(text):
                assert any(mark in match[0] for mark in marks), (text, match)
        # ... so the rule yields what it yields searching every text.
        rule = (pattern, parse, anchored, marks)
        assert list(_candidates(rule, text, day_first, windows)) == list(
            _candidates((pattern, parse, anchored, ""), text, day_first, windows)
        )


@pytest.mark.parametrize("kit", ["clean-trafilatura", "clean-l3s"])
def test_the_rules_marks_skip_no_date_of_the_kits(kit: str) -> None:
    # Every line of the kits' pages that holds the numbers of a date, its white space made
    # single spaces (as cleaning reads it): each rule finds the same dates as it finds searching
    # every line, whichever way numeric dates are read.
    lines = {
        " ".join(raw.split())
        for page in sorted((bench_kit(kit) / "docs").glob("*.txt"))
        for raw in page.read_text(encoding="utf-8", errors="replace").splitlines()
        if may_hold_date(raw)
    }
    skipped = 0
    for line in sorted(lines):
        windows = _year_windows(line)
        for pattern, parse, anchored, marks in _RULES:
            if marks and not any(mark in line for mark in marks):
                skipped += 1
            rule = (pattern, parse, anchored, marks)
            unfiltered = (pattern, parse, anchored, "")
            for day_first in (None, True, False):
                assert list(_candidates(rule, line, day_first, windows)) == list(
                    _candidates(unfiltered, line, day_first, windows)
                ), (line, day_first)
    assert skipped > 100


@given(st.lists(st.one_of(DATE_PIECES, st.text(alphabet="0123456789./x\n")), max_size=8))
def test_yearish_lines_are_the_lines_searched_one_by_one(texts: list[str]) -> None:
    texts = [text.replace("\n", " ") for text in texts]  # lines hold no newline
    assert yearish_lines(texts) == [i for i, text in enumerate(texts) if _YEARISH.search(text)]


GERMAN_MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
SPANISH_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
POLISH_MONTHS = (
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
    "grudnia"
)


def _named(names: str, pattern: str) -> Callable[[datetime.date], str]:
    """Return a formatter writing `pattern` with the month taken from `names`."""
    months = names.split()
    return lambda d: pattern.format(day=d.day, month=months[d.month - 1], year=d.year)


FORMATS: list[Callable[[datetime.date], str]] = [
    lambda d: d.isoformat(),
    lambda d: f"{d:%Y/%m/%d}",
    lambda d: f"{d:%d.%m.%Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%b} {d.year}",
    _named(GERMAN_MONTHS, "{day}. {month} {year}"),
    _named(SPANISH_MONTHS, "{day} de {month} de {year}"),
    _named(POLISH_MONTHS, "{day} {month} {year}"),
]


@given(
    st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)),
    st.sampled_from(FORMATS),
    st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs"]), max_size=20),
)
def test_find_date_reads_what_a_formatter_wrote(
    day: datetime.date, fmt: Callable[[datetime.date], str], prefix: str
) -> None:
    match = find_date(f"{prefix} {fmt(day)} and more")
    assert match is not None
    assert match.day == day
    assert datetime.datetime.fromisoformat(match.iso()).date() == day


def test_a_time_on_the_next_line_is_not_attached() -> None:
    match = find_date("April 21, 2021\n11:31 Breaking news")
    assert match is not None
    assert match.iso() == "2021-04-21"


@pytest.mark.parametrize(
    ("line", "day_first", "day"),
    [
        ("Actualizado el 3/5/2022 22:41", True, "2022-05-03"),  # a Spanish page: day first
        ("Updated 3/5/2022 22:41", None, "2022-03-05"),  # slashes alone: month first
    ],
)
def test_date_line_day_first(line: str, day_first: bool | None, day: str) -> None:
    found = date_line_remainder(line, day_first=day_first)
    assert found is not None and found[0].day.isoformat() == day


@pytest.mark.parametrize(("word", "dated"), [("Freitag", True), ("Mai", True), ("Paddy", False)])
def test_is_date_word(word: str, dated: bool) -> None:
    assert is_date_word(word) is dated


@pytest.mark.parametrize("word", ["Février", "fevrier", "MÄRZ", "Mai", "sept.", "Straße", "ﬁn", ""])
def test_fold_is_casefold_without_accents(word: str) -> None:
    # ASCII words skip the decomposition: the same result.
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    expected = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert _fold(word) == expected


def test_month_alternation_groups_by_a_first_letter_no_character_shares() -> None:
    # _alternation's grouping keeps the flat alternation's matches only if no character matches
    # two of the first letters under IGNORECASE, and the first letters are lower-case ASCII.
    firsts = {word[0] for word in _MONTHS}
    assert all(first.isascii() and first.islower() for first in firsts)
    patterns = [re.compile(re.escape(first), re.IGNORECASE) for first in firsts]
    for code in range(0x110000):
        char = chr(code)
        assert sum(p.fullmatch(char) is not None for p in patterns) <= 1, hex(code)


@given(st.text(alphabet="aAjJmMnNsSeEuUrRpPtTcCiIoObBKſİı .", max_size=12))
def test_month_alternation_matches_as_the_flat_one(text: str) -> None:
    ordered = sorted(_MONTHS, key=lambda w: (-len(w), w))
    # With _DMY's tail after the month, which backtracks into the alternation when it fails.
    tail = r"(?:\.|(?![^\W\d_]))"
    flat = re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")" + tail, re.IGNORECASE)
    grouped = re.compile(f"(?:{_alternation(set(_MONTHS))})" + tail, re.IGNORECASE)
    for start in range(len(text)):
        a, b = flat.match(text, start), grouped.match(text, start)
        assert (a and a.group()) == (b and b.group())
    for word in _MONTHS:  # each form, and the prefixes a longer form is tried before
        for end in range(1, len(word) + 1):
            a, b = flat.match(word[:end] + text), grouped.match(word[:end] + text)
            assert (a and a.group()) == (b and b.group())


_DMY_DAY = r"(?P<d>[0-9](?<![\w.][0-9])(?:(?<=[0-3])[0-9])?)"


@given(st.text(alphabet="0123 49.,-/ aAmMiIyY\u212a", max_size=16))
def test_dmy_day_matched_as_the_look_behind_first(text: str) -> None:
    # _DMY's day, its first digit matched before the look-behind, against the form it had.
    assert _DMY_DAY in _DMY.pattern
    before = _DMY.pattern.replace(_DMY_DAY, r"(?<![\w.])(?P<d>[0-3]?[0-9])")
    old = re.compile(before, re.IGNORECASE)
    for line in (text, text + " Mai 2021", "3" + text + " 2021", text + "1. März 1999"):
        for start in range(len(line)):
            a, b = old.search(line, start), _DMY.search(line, start)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
