"""Dates: find and parse publication dates in plain-text lines of scraped news pages.

Handles English, German, French, Spanish, Italian, Portuguese, Dutch and Polish month names and
the usual numeric forms. Regexes find candidates; integer checks and `datetime.date` validate them;
python-dateutil does the weekday arithmetic of `relative_day`. Everything is compiled at import
because these functions run on every line of every file.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

__all__ = [
    "DateMatch",
    "date_line_of",
    "date_line_remainder",
    "find_date",
    "find_dates",
    "relative_day",
]

MIN_YEAR = 1990
MAX_YEAR = 2100


@dataclass(frozen=True)
class DateMatch:
    """A full calendar date found in a string, with the time of day when the text gives one."""

    start: int  # span of the date expression (and its attached time) in the string searched
    end: int
    day: datetime.date
    time: datetime.time | None  # hour:minute(:second), only when written right with the date

    def iso(self) -> str:
        """Return ISO 8601: "2021-04-21T11:31:00" when a time is known, else "2021-04-21"."""
        if self.time is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.time.isoformat()}"


def _fold(word: str) -> str:
    """Return `word` casefolded and without accents, so 'Février' and 'fevrier' compare equal."""
    if word.isascii():
        return word.casefold()  # no accents: the decomposition would give it back as it is
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alternation(words: set[str]) -> str:
    """Return a regex alternation of `words`, longest first so 'sept' wins over 'sep', grouped
    by first letter: 'j(?:anuary|anvier|...)|f(?:ebruary|...)|...'.

    The engine tries an alternation's branches one by one, and under IGNORECASE it cannot skip a
    branch by its first letter: a day number before a word tried all 157 month forms. Grouped, it
    tries the 15 first letters and the forms of one. The words tried, and their order, are as in
    the flat alternation: the first letters are distinct lower-case ASCII letters, and a character
    that IGNORECASE matches with one ('K', the Kelvin sign, with 'k') matches no other; within a
    letter the forms keep their order.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Month names and abbreviations, accented as written; the unaccented spellings are derived.
# Polish has genitive forms ('3 maja 2021') besides the nominative ones.
_MONTH_FORMS: dict[int, str] = {
    1: "january jan januar jänner jaenner janvier janv enero ene gennaio gen janeiro januari "
    "styczeń stycznia sty",
    2: "february feb febr februar février févr fév febrero febbraio fevereiro fev februari "
    "luty lutego lut",
    3: "march mar märz maerz mär mrz mars marzo março maart mrt marzec marca",
    4: "april apr avril avr abril abr aprile kwiecień kwietnia kwi",
    5: "may mai mayo maggio mag maio mei maj maja",
    6: "june jun juni juin junio giugno giu junho czerwiec czerwca cze",
    7: "july jul juli juillet juil julio luglio lug julho lipiec lipca lip",
    8: "august aug août agosto ago augustus sierpień sierpnia sie",
    9: "september sep sept septembre septiembre setiembre set settembre setembro "
    "wrzesień września wrz",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out "
    "październik października paź",
    11: "november nov novembre noviembre novembro listopad listopada lis",
    12: "december dec dezember dez décembre déc diciembre dic dicembre dezembro "
    "grudzień grudnia gru",
}
_MONTHS: dict[str, int] = {}
for _number, _forms in _MONTH_FORMS.items():
    for _form in _forms.split():
        _MONTHS[_form] = _number
        _MONTHS[_fold(_form)] = _number
_MONTH_RE = _alternation(set(_MONTHS))

# Any letter: `\w` minus digits and underscore. Used so 'Mars' the planet in 'Marseille' or the
# 'jun' in 'junior' is not taken for a month.
_LETTER = r"[^\W\d_]"

# Cheap rejection: every full date has a year 1990..2100 or a two-digit year after '.' or '/'.
# Written to start with a digit class so the regex engine skips non-digits at C speed; it lets a
# few non-years through ('5021'), which the real patterns then reject.
_YEARISH = re.compile(r"[0-9](?:9[89][0-9]|0[0-9][0-9]|100|[./][0-9]{2}(?![0-9]))")
# ... and a number of one or two digits, no digit on either side: a date's day (every rule
# bounds its day so) or its month. A year alone ('seit 2021', 'in 1986 and 1990') has none.
# find_date and find_dates test both inline: a function around them costs each line a call.
_SHORT_NUMBER = re.compile(r"[0-9](?<![0-9][0-9])[0-9]?(?![0-9])")


# Patterns below put their "not preceded by" lookbehind after the first character, not before
# it: a pattern that starts with a plain character class lets the regex engine skip to the next
# candidate character at C speed, one that starts with a lookbehind is tried at every position.

# The four-digit years that end every date with a month name; those patterns are only tried in
# a short window before each year (loose: '1000' passes too, the date check rejects it).
_YEAR4 = re.compile(r"[12](?<![0-9][12])(?:9[89][0-9]|0[0-9][0-9]|100)(?![0-9])")
_NAMED_REACH = 40  # 'September 30th, ' or '31st of października, ' with room for odd spacing

# 2021-04-20, 2021/4/20 (year first is unambiguous, so no day_first question).
_ISO = re.compile(
    r"(?P<y>[0-9](?<![0-9.\-/][0-9])[0-9]{3})(?P<sep>[-/])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"(?![0-9]|[.\-/][0-9])"
)

# 03.05.2021, 05/03/2021, 03-05-2021, 03.05.21, 3. 5. 2021. Not after a letter, dot or currency
# sign, and not followed by another dotted number, so versions ('v1.2.21', '1.2.3.4') and prices
# stay out.
_NUMERIC = re.compile(
    r"(?P<a>[0-9](?<![\w.,\-/$€£¥][0-9])[0-9]?)(?P<sep>[./-]|\. )(?P<b>[0-9]{1,2})(?P=sep)"
    rf"(?P<y>[0-9]{{4}}|[0-9]{{2}}(?!{_LETTER}))(?![0-9]|[./\-][0-9])"
)

# The month-name patterns end in \Z: they are searched in a window ending right after a year.
# 21 April 2021, 3. Mai 2021, 1er mars 2020, 3 de mayo de 2021, 21st of April, 2021, 21-Apr-2021,
# 21 / April / 2021.
_DMY = re.compile(
    # The day is [0-3]?[0-9] not after a word's character or a dot, its first digit matched
    # first (the look-behind after it, the second digit only after one of 0-3): the engine skips
    # to the digits of a window, where it tried every position.
    r"(?P<d>[0-9](?<![\w.][0-9])(?:(?<=[0-3])[0-9])?)(?![0-9])(?:\.|er|st|nd|rd|th|º|°)?"
    r"(?:\s+(?:de|of)\s+|\s*[-/]\s*|\s*)"
    rf"(?P<mon>{_MONTH_RE})(?:\.|(?!{_LETTER}))"
    r"(?:\s*[,/-]\s*|\s+(?:de|del|of)\s+|\s*)(?P<y>[0-9]{4})\Z",
    re.IGNORECASE,
)

# April 21, 2021, Apr. 21, 2021, Sept 3 2020 (English order). Any word is taken as the month
# here and checked in code, as the month alternation is slow to try at every word of a window.
# The word is captured in a lookahead and then consumed whole, so the engine does not retry
# every shorter prefix of each word (an atomic group, which Python 3.10 lacks).
_MDY = re.compile(
    rf"(?<![\w.])(?=(?P<mon>{_LETTER}{{3,12}}))(?P=mon)\.?\s*"
    r"(?P<d>[0-3]?[0-9])(?![0-9])(?i:st|nd|rd|th)?(?:\s*,\s*|\s+|\s*\.\s*)(?P<y>[0-9]{4})\Z"
)

_AMPM = r"[AaPp]\.?\s?[Mm]\.?"

# A time written right after the date: 'T11:31:00Z', ', 11:31', ' 11:31 AM', ' à 14h20',
# ', 14:20 Uhr', ' 14.20 Uhr', ' 11.31 BST', ' um 14 Uhr', ' o godz. 14:20'. A dotted time needs
# 'Uhr', AM/PM or a time zone after it, or '2021 12.5' would read as a time.
_TIME_AFTER = re.compile(
    r"""
    (?:T                                # [^\S\n]: a time on the next line is not this date's
      |[^\S\n]*(?:r\.)?[^\S\n]*[,|·•–—-]?[^\S\n]*
       (?:(?:um|at|à|a\s+las|a\s+la|às|alle|ore|om|o|godz\.?|kl\.?)[^\S\n]*){0,2}
    )
    (?P<h>[01]?[0-9]|2[0-3])
    (?:
        :(?P<m>[0-5][0-9])
         (?::(?P<s>[0-5][0-9])(?:[.,][0-9]+)?(?:[+-][01][0-9]:?[0-5][0-9](?![0-9]))?)?
         (?![0-9])(?:Z(?![a-z]))?
      | [hH](?P<hm>[0-5][0-9])?(?!\w)
      | \.(?P<dm>[0-5][0-9])(?=\s*(?:Uhr|[AaPp]\.?\s?[Mm]|[A-Z]{2,4}(?![^\W\d_])))
      | (?=\s*Uhr)
    )
    """
    rf"(?:\s*(?P<ampm>{_AMPM})(?!{_LETTER}))?(?:\s*Uhr(?!{_LETTER}))?",
    re.VERBOSE,
)

# A time written right before the date: '11:31, 21 April 2021', '14:20 Uhr | 03.05.2021'.
_TIME_BEFORE = re.compile(
    r"(?<![0-9:.])(?P<h>[01]?[0-9]|2[0-3]):(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?"
    rf"(?:\s*(?P<ampm>{_AMPM}))?(?:\s*Uhr)?\s*[,|·•–—-]?\s*$"
)
_TIME_BEFORE_REACH = 32  # the longest such prefix, so the search looks at a few bytes only


# A clock time right after a date: 'hh:mm', not followed by more digits.
_CLOCK_AFTER = re.compile(r"[^\S\n]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9])")


def _year(text: str) -> int:
    """Return the year a 2- or 4-digit string means; '21' is 2021 and '95' is 1995."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= MIN_YEAR % 100 else 2000
    return year


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    """Return the date, or None when it does not exist or the year is out of range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int | None:
    """Return the month number a matched month word names, or None."""
    # IGNORECASE also matches odd case variants (Kelvin sign, long s), which casefold brings back.
    return _MONTHS.get(word.casefold()) or _MONTHS.get(_fold(word))


def _parse_iso(m: re.Match[str], day_first: bool | None) -> datetime.date | None:
    """Return the date of a year-first match."""
    return _make_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _parse_numeric(m: re.Match[str], day_first: bool | None) -> datetime.date | None:
    """Return the date of a d.m.y or m/d/y match, resolving which part is the day."""
    a_text, b_text, y_text, sep = m["a"], m["b"], m["y"], m["sep"]
    # Short years only in dotted and slashed forms; a dotted one must be zero-padded
    # ('03.05.21'), since '1.2.21' is far more often a version number than a date, unless a
    # time of day follows ('1.11.23 20:19'), or, on a page whose language puts the day first,
    # the date stands alone on its line or after a byline ('6.11.22', 'Von Jane Doe, 6.11.22'),
    # where no version is written. Spaced dots ('3. 5. 2021') take a full year.
    if len(y_text) == 2 and (
        sep in ("-", ". ")
        or (
            sep == "."
            and (len(a_text) != 2 or len(b_text) != 2)
            and not _CLOCK_AFTER.match(m.string, m.end())
            and not (day_first and _stands_alone(m))
        )
    ):
        return None
    a, b = int(a_text), int(b_text)
    if a > 12 and b > 12:
        return None
    if a > 12:
        first_is_day = True
    elif b > 12:
        first_is_day = False
    elif day_first is not None:
        first_is_day = day_first
    else:
        # Dots and dashes are European (day first); slashes are taken as US style.
        first_is_day = sep != "/"
    day, month = (a, b) if first_is_day else (b, a)
    return _make_date(_year(y_text), month, day)


def _stands_alone(m: re.Match[str]) -> bool:
    """Return whether a date match is alone on its line but for labels, weekdays, times and
    separators, or follows a byline ('Von Jane Doe, 6.11.22')."""
    before = _strip_noise(m.string[: m.start()])
    if _strip_noise(m.string[m.end() :]):
        return False
    if not before:
        return True
    by = _BYLINE.match(before)
    return (
        by is not None
        and before[by.end() :][:1].isupper()
        and (_word_count(before) <= _MAX_BYLINE_WORDS)
    )


def _parse_named(m: re.Match[str], day_first: bool | None) -> datetime.date | None:
    """Return the date of a match with a month name."""
    month = _month(m["mon"])
    if month is None:
        return None
    return _make_date(int(m["y"]), month, int(m["d"]))


_Parser = Callable[[re.Match[str], bool | None], datetime.date | None]
# (pattern, parser, whether the pattern is searched only in windows ending at a year, the marks
# of which every match of the pattern holds one: a text with none of them is not searched. Of
# the meta lines with a date, 7 in 10 hold no '-' or '/' and 4 in 10 no '.' either, and a test
# of a mark in C costs a fraction of a search, which tries the pattern at each digit.)
_RULES: tuple[tuple[re.Pattern[str], _Parser, bool, str], ...] = (
    (_ISO, _parse_iso, False, "-/"),
    (_NUMERIC, _parse_numeric, False, "./-"),
    (_DMY, _parse_named, True, ""),
    (_MDY, _parse_named, True, ""),
)


def _clock(h: str, m: str | None, s: str | None, ampm: str | None) -> datetime.time:
    """Return the time of day from matched parts, applying AM/PM to 12-hour clocks."""
    hour = int(h)
    if ampm and 1 <= hour <= 12:
        pm = ampm[0] in "pP"
        hour = hour % 12 + (12 if pm else 0)
    return datetime.time(hour, int(m or 0), int(s or 0))


def _attach_time(text: str, start: int, end: int) -> tuple[int, int, datetime.time | None]:
    """Return the span widened over a time written right after (or else before) the date."""
    after = _TIME_AFTER.match(text, end)
    if after is not None:
        minute = after["m"] or after["hm"] or after["dm"]
        when = _clock(after["h"], minute, after["s"], after["ampm"])
        return start, after.end(), when
    if start > 0:
        before = _TIME_BEFORE.search(text, max(0, start - _TIME_BEFORE_REACH), start)
        if before is not None:
            when = _clock(before["h"], before["m"], before["s"], before["ampm"])
            return before.start(), end, when
    return start, end, None


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) stretches of `text` that end with a four-digit year."""
    return [(max(0, y.start() - _NAMED_REACH), y.end()) for y in _YEAR4.finditer(text)]


def _candidates(
    rule: tuple[re.Pattern[str], _Parser, bool, str],
    text: str,
    day_first: bool | None,
    year_windows: list[tuple[int, int]],
) -> Iterator[DateMatch]:
    """Yield the valid dates one rule finds in `text`, in order."""
    pattern, parse, anchored, marks = rule
    if marks and not any(mark in text for mark in marks):
        return
    for pos, endpos in year_windows if anchored else [(0, len(text))]:
        while True:
            # Lookbehinds still see the text before `pos`; `endpos` acts as the end of text.
            m = pattern.search(text, pos, endpos)
            if m is None:
                break
            day = parse(m, day_first)
            if day is None:
                # An impossible date may hide a valid one starting inside it; search on there.
                pos = m.start() + 1
                continue
            start, end, when = _attach_time(text, m.start(), m.end())
            yield DateMatch(start, end, day, when)
            if anchored:
                break  # a window holds one date, the one ending at its year
            pos = m.end()


def _key(match: DateMatch) -> tuple[int, int]:
    """Return the sort key that puts the earliest, then the longest, match first."""
    return match.start, match.start - match.end


def may_hold_date(text: str) -> bool:
    """Return whether `text` holds the numbers every full date has, a yearish one and one of one
    or two digits: find_date and find_dates find none in a text without them, and a caller that
    wants a date only to go on may leave such a text at once."""
    return _YEARISH.search(text) is not None and _SHORT_NUMBER.search(text) is not None


def yearish_lines(texts: list[str]) -> list[int]:
    """Return the indices of `texts` (lines, no newline in them) that hold a yearish number, as
    every full date does (see may_hold_date), in order.

    The texts joined are searched once, on from the end of each line found: most lines hold no
    such number, and a call for each line costs more than the search of the whole.
    """
    page = "\n".join(texts)
    found: list[int] = []
    line, at = 0, 0  # the line that holds the character at `at`
    match = _YEARISH.search(page)  # of digits, dots and slashes: no match spans a newline
    while match is not None:
        line += page.count("\n", at, match.start())
        found.append(line)
        at = page.find("\n", match.end())
        if at < 0:
            break
        match = _YEARISH.search(page, at)
    return found


def find_date(text: str, *, day_first: bool | None = None) -> DateMatch | None:
    """Return the first full calendar date (day, month and year all stated) in `text`, or None.

    `day_first` settles numeric dates where both parts are 12 or less; when None, dotted and
    dashed forms are read day first and slashed forms month first.
    """
    if not _YEARISH.search(text) or not _SHORT_NUMBER.search(text):
        return None
    best: DateMatch | None = None
    windows = _year_windows(text)
    for rule in _RULES:
        first = next(_candidates(rule, text, day_first, windows), None)
        if first is not None and (best is None or _key(first) < _key(best)):
            best = first
    return best


def find_dates(text: str, *, day_first: bool | None = None) -> list[DateMatch]:
    """Return every full date in `text`, in order, none overlapping another."""
    if not _YEARISH.search(text) or not _SHORT_NUMBER.search(text):
        return []
    windows = _year_windows(text)
    found = [match for rule in _RULES for match in _candidates(rule, text, day_first, windows)]
    found.sort(key=_key)
    kept: list[DateMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


# --- date lines ---------------------------------------------------------------------------------

# Words that may sit next to a date on a date line: labels ('Published on', 'Mis à jour le'),
# connectors ('à', 'a las', 'godz.') and weekday names, split into single words since the line
# is checked word by word. Stripped only at the edges of what the dates leave, never inside it.
_LABEL_WORDS = """
    updated update last first originally published posted modified created date dated released
    issued on at the local time
    veröffentlicht aktualisiert zuletzt stand erstellt datum erschienen geändert am um vom uhr
    ortszeit letzte letzter aktualisierung änderung erstveröffentlichung veröffentlichung
    publié publiée mis à jour modifié modifiée actualisé actualisée créé le du heure locale
    actualizado actualizada publicado publicada modificado fecha última actualización el a las la
    del hora al hrs hs
    pubblicato pubblicata aggiornato aggiornata ultimo ultima aggiornamento modifica data il alle
    ore ora
    atualizado atualizada atualização em às
    gepubliceerd bijgewerkt laatst geplaatst gewijzigd op om
    opublikowano aktualizacja zaktualizowano publikacji dodano dnia godz godzina o
    julkaistu päivitetty klo kello
"""
_WEEKDAY_NAMES = """
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
    lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim
    lunes martes miércoles jueves viernes sábado domingo mié jue vie sáb dom
    lunedì martedì mercoledì giovedì venerdì sabato domenica
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira segunda terça quarta quinta sexta
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    poniedziałek wtorek środa czwartek piątek sobota niedziela
"""
_NOISE_WORDS = frozenset(
    form for w in (_LABEL_WORDS + _WEEKDAY_NAMES).split() for form in (w, _fold(w))
)
# Short words that are noise only with their dot: German weekdays ('Mo.', while 'Di' begins an
# Italian byline) and Polish 'r.' (rok, year).
_DOTTED_NOISE_WORDS = frozenset(["mo", "di", "mi", "do", "fr", "sa", "so", "r"])
# ... the Polish one in lower case only, as Polish writes it: 'R.' is an initial ('Von R. R. am').
_LOWER_CASE_NOISE = frozenset(["r"])
# Time zones count only in upper case, so French 'est' or a Dutch 'et' stay words.
_TIMEZONES = (
    "GMT|UTC|UT|Z|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|CET|CEST|MEZ|MESZ|BST|IST|WET|WEST|"
    "EET|EEST|MSK|JST|KST|HKT|SGT|AEST|AEDT|AWST|NZST|NZDT|ICT|WIB|PHT"
)
_NOISE_PATTERN = re.compile(
    rf"(?:{_TIMEZONES})?(?:[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?"  # zones and offsets: GMT+8, +0200
    r"|[0-9]{1,2}(?:[:.][0-9]{2}(?::[0-9]{2})?|[hH](?:[0-9]{2})?)"  # a time not attached
    rf"|{_AMPM}"
    r"|[\W_]+"  # a dash, a colon or other punctuation alone
)
# Words of a line are what lies between spaces and separators; '-', '.' and ':' stay inside words
# as they occur in times, offsets and 'segunda-feira'.
_WORD = re.compile(r"[^\s,;|/·•–—()\[\]*~]+")


def _is_noise(word: str) -> bool:
    """Return whether a word of a date line is a label, weekday, time, zone or punctuation."""
    if _NOISE_PATTERN.fullmatch(word):
        return True
    bare = word.rstrip(":.")
    key = bare.casefold()
    # _fold of an ASCII word is its casefold(), looked up already.
    if key in _NOISE_WORDS or (not bare.isascii() and _fold(bare) in _NOISE_WORDS):
        return True
    return word.endswith(".") and _dotted_noise(bare)


def _dotted_noise(bare: str) -> bool:
    """Return whether a short word, its dot taken off, is a weekday's or the year's mark."""
    key = bare.casefold()
    return key in _DOTTED_NOISE_WORDS and (key not in _LOWER_CASE_NOISE or bare == key)


def is_date_word(word: str) -> bool:
    """Return whether `word` is a weekday's or a month's name, or a label of date lines."""
    return _is_noise(word) or _month(word) is not None


def _abbreviated_weekday(word: str, after: str) -> bool:
    """Return whether a short word is a weekday as a comma sets it off ('Fr, 24. Januar 2020')."""
    return after == "," and _dotted_noise(word)


# A byline: 'By Cao Desheng', 'Von Anna Muster', 'Autor: Jan Kowalski'. The capital checked in
# code after it tells a byline from prose ('by contrast').
_BYLINE = re.compile(r"(?<!\w)(?i:by|von|par|por|di|door|przez|autor|autorin)(?!\w):?\s+")

_MAX_DATE_LINE = 300  # longer lines are prose or lists, never a date line
_MAX_LEFT_WORDS = 4
_MAX_BYLINE_WORDS = 12


def _strip_noise(gap: str) -> str:
    """Return `gap` without the labels, weekdays, times, zones and separators at its two ends."""
    if not gap:
        return gap  # before a date opening its line or after one closing it: half of those asked
    words = list(_WORD.finditer(gap))
    # Only the first and the last word that are no noise count: each end is read inwards up to
    # one, not every word of a sentence that holds a date.
    first = next((w for w in words if not _is_noise_in(gap, w)), None)
    if first is None:
        return ""
    # ... and `first` is none: a gap of one such word (a name, an outlet) is not read twice.
    last = next(w for w in reversed(words) if w is first or not _is_noise_in(gap, w))
    return gap[first.start() : last.end()]


def _is_noise_in(gap: str, word: re.Match[str]) -> bool:
    """Return whether a word of `gap` is noise there: a label, a weekday (also one that a comma
    sets off), a time, a zone or punctuation."""
    return _is_noise(word[0]) or _abbreviated_weekday(word[0], gap[word.end() : word.end() + 1])


def _word_count(text: str) -> int:
    """Return the number of words in `text` that hold a letter or digit."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _is_short_or_byline(left: str) -> bool:
    """Return whether what is left beside a date is short, or a few words and then a byline."""
    if _word_count(left) <= _MAX_LEFT_WORDS:
        return True
    for by in _BYLINE.finditer(left):
        name = left[by.end() :]
        if (
            name[:1].isupper()
            and _word_count(left[: by.start()]) <= _MAX_LEFT_WORDS
            and _word_count(name) < _MAX_BYLINE_WORDS
        ):
            return True
    return False


# Words that make a date the bound of a span of time ('ab 1. Mai 2021', 'since May 1, 2021'):
# a date line states the day a text was published, never one from or until which something holds.
_RANGE_WORDS = frozenset({
    "ab", "bis", "seit", "from", "until", "till", "since", "desde", "hasta", "depuis",
    "jusqu'au", "jusqu’au", "fino",
})  # fmt: skip
_RANGE_REACH = 20  # characters before a date where the word before it is looked for


def _opens_a_range(before: str) -> bool:
    """Return whether the last word of `before` makes the date after it a span's bound; 'online
    since' and 'online seit' label the day a text was put online."""
    words = before.split()
    return (
        bool(words)
        and words[-1].rstrip(":").casefold() in _RANGE_WORDS
        and (len(words) < 2 or words[-2].casefold() != "online")
    )


def date_line_remainder(
    line: str, *, day_first: bool | None = None
) -> tuple[DateMatch, str] | None:
    """Return the first date of a date line and the rest of the line stripped, else None.

    A date line holds a date with at most a weekday, time, label ('Updated:', 'Veröffentlicht
    am', 'Publié le'...), time zone and separators around it, plus maybe a few words such as an
    outlet name glued on ('2020-07-24 10:35:00Xinhua' -> 'Xinhua') or a byline ('... 11:31 By
    Cao Desheng' -> 'By Cao Desheng'). A line that is mostly prose with a date in it gives None.
    """
    if len(line) > _MAX_DATE_LINE:
        return None
    return date_line_of(line, find_dates(line, day_first=day_first))


def date_line_of(line: str, dates: list[DateMatch]) -> tuple[DateMatch, str] | None:
    """Return what date_line_remainder returns for `line`, given `dates`, its find_dates: for a
    caller that has them already."""
    if not dates or len(line) > _MAX_DATE_LINE:
        return None
    pieces: list[str] = []
    pos = 0
    for match in dates:
        # Nothing opens a range before a date at the line's start or right after another.
        if match.start > pos and _opens_a_range(
            line[max(pos, match.start - _RANGE_REACH) : match.start]
        ):
            return None  # 'Preise ab 01.01.2024', 'gültig seit: 05.11.2021': when, not dated
        pieces.append(_strip_noise(line[pos : match.start]))
        pos = match.end
    pieces.append(_strip_noise(line[pos:]))
    left = " ".join(p for p in pieces if p)
    if not _is_short_or_byline(left):
        return None
    return dates[0], left


# --- relative days ------------------------------------------------------------------------------

_WEEKDAY_WORDS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "monday montag lundi lunes",
        "tuesday dienstag mardi martes",
        "wednesday mittwoch mercredi miércoles",
        "thursday donnerstag jeudi jueves",
        "friday freitag vendredi viernes",
        "saturday samstag sonnabend samedi sábado",
        "sunday sonntag dimanche domingo",
    )
):
    for _name in _names.split():
        _WEEKDAY_WORDS[_fold(_name)] = _index
_DAYS_BACK: dict[str, int] = {
    _fold(word): back
    for words, back in (
        ("today heute aujourd'hui hoy", 0),
        ("yesterday gestern hier ayer", 1),
        ("vorgestern avant-hier anteayer antier", 2),
    )
    for word in words.split()
}
_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
_LEADING_PREPOSITIONS = ("on ", "am ", "le ", "el ")


def relative_day(word: str, published: datetime.date) -> datetime.date | None:
    """Return the day a weekday name or 'yesterday'/'today' means in an article of `published`.

    A weekday is the most recent such day on or before the publication day, so 'Tuesday' in an
    article of Wednesday 2021-04-21 is 2021-04-20, and 'Wednesday' is 2021-04-21 itself. Knows
    English, German, French and Spanish; returns None for any other word.
    """
    key = _fold(word.strip().strip(".,;:!?()").replace("’", "'"))
    for preposition in _LEADING_PREPOSITIONS:
        if key.startswith(preposition):
            key = key[len(preposition) :].strip()
            break
    back = _DAYS_BACK.get(key)
    if back is not None:
        return published - datetime.timedelta(days=back)
    index = _WEEKDAY_WORDS.get(key)
    if index is None:
        return None
    result: datetime.date = published + relativedelta(weekday=_WEEKDAYS[index](-1))
    return result
