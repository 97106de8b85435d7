"""Fields: the article's metadata lines around its body (title, date, byline, masthead,
breadcrumb, trailer), marked for removal and lifted into fields.

The cleaner (cleaning.py) finds the body; these functions read the lines above it, the short
lines in it and the lines just after it. Of several candidates the one nearest the body's start
wins: sidebars and archives above it and comments below it carry other texts' dates and names.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Final

from dedup import boilerplate, metadata
from dedup.boilerplate import Line
from dedup.dates import find_date, yearish_lines
from dedup.language import ALL_STOP_WORDS
from dedup.options import CleanOptions

_AFTER_REACH = 12  # lines after the body where a byline or date may close the article
_SIGNED_REACH = 40  # ... and where a byline with its opener may
_SIGNATURE_REACH = 8  # ... and where a name alone may
_DATE_REACH = 60  # characters at the start of a headline where its date is looked for
_LEAD_LINES = 6  # lines from the body's start where a paragraph may open with its date
_CLOSING_LINES = 3  # lines from the first date line after the body where the article's end
_SENTENCE_SPACES = 7  # a line with this many spaces or more is a sentence, of the language's words
_SECTION_NAME_WORDS = 3  # a name this long may end with a section's word ('Jane Doe Kultur')
_BOX_LINES = 3  # lines under a signature where a bio names the person again
_BIO_WORDS = 5  # ... by the surname alone in a line of this many words, no list item
_AFTER_PENALTY = 50  # what a date after the body counts as distance, against one above it
_META_WORDS = 25  # a line in the body with more words is prose, not a metadata line
_BARE_PENALTY = 20  # a name without 'By' counts as this much further away than a byline
_BARE_REACH = 20  # ... and is taken only this near the body's start, or after it
_TITLE_REACH = 60  # lines above the first paragraph where a headline is looked for
_HEADING_REACH = 4  # lines above the first paragraph where a headline may close with a full stop
_UNDER_FIRST = 4  # ... and lines under it
_W_UNDER_FIRST = 2.5  # what standing under the first paragraph costs
_LATE_REACH = 30  # lines under the first paragraph where a headline over its byline or date may be
_FIRST_AS_HEADLINE_WORDS = 20  # a first paragraph this short may be the headline itself
_W_FIRST_AS_HEADLINE = 4.0  # ... and so counts this much less than a line above it
_HEADLINE_MAX_WORDS = 25
_NAME_REACH = 6  # lines under the headline where a name alone is its author
_HEADER_RULES = frozenset({"date", "byline"})
# Weights of the layout around a headline, tuned with those of metadata.headline_score.
_W_ABOVE_META = 0.77  # a byline or date line right under it
_W_META_BELOW = 0.81  # a byline or date line anywhere between it and the first paragraph
_W_BLANK_ABOVE = 1.08
_W_INDENT = 0.28  # indented less than a candidate next to it
_NEIGHBOUR_REACH = 3
_TOP_LINES = 3  # the page's first lines, where its masthead stands ('icBirmingham', a title bar)
_MENU_SIDE = 2  # lines on either side of a masthead that, all short, make it a menu's entry
_MENU_WORDS = 4  # ... this short
_TOP_FAR = 8  # ... count against a candidate this many lines or more above the first paragraph
_W_TOP = 2.0
_W_UNDER_HEADLINE = 0.33
_STRONG_WORDS = 3
_STANDFIRST_WORDS = 10  # a standfirst has as many words or more
_STANDFIRST_REACH = 2  # ... and stands this many lines under its headline at most
_W_STANDFIRST = 2.0  # ... which scores at most this much lower
_STRONG_SHARE = 0.3
_W_QUOTED = 1.12  # quoted in a longer line of the page
_W_CRUMB_END = 2.5  # ... or as the last crumb of a breadcrumb ('Home > Politik > The headline')
_ECHO_MIN_CHARS = 10
_CRUMB_STEP = re.compile(r"\s+[/>›»→|]\s+")  # a breadcrumb's step, spaced as no path or date is
_STEP_MARKS = ("/", ">", "›", "»", "→", "|")  # the marks of its steps (a test reads the pattern)
_ITEM = re.compile(r"^(?:[*+•·-]|\d{1,2}\.)\s+")  # a list item's marker, as the dump writes it
_KICKER_WORDS = 6  # a kicker has fewer words; the headline after it at least half as many
_QUOTES = "„“\"«‘'¿¡"
_CONNECTOR_LINE = re.compile(r"^(?:and|und|&|et|y|e|i|og|en|,)$", re.IGNORECASE)
# A label read out to screen readers before the headline: 'Headline: ...', 'Titel: ...'.
_TITLE_LABEL = re.compile(r"^(?:headline|title|titel|überschrift|titre|título|titolo)\s*:\s+", re.I)
# The parts of a line that joins a kicker and a headline: 'Kicker - Headline', 'Kicker: Headline'.
_TITLE_PART = re.compile(r"\s+[-–—|]\s+|:\s+")
_PART_MARKS = ("-", "–", "—", "|", ":")  # one stands in each of its matches (a test reads them)
_PARTS_LINE_CHARS = 200
_FRENCH_SPACING = re.compile(r"\w[ \u00a0\u202f][:;?!](?: |$)", re.MULTILINE)
_PROSE_KINDS = (boilerplate.PROSE, boilerplate.TEXT)
# E-mail addresses and user names write people's names in lower case ('jane.doe@...', '@jdoe').
_ADDRESS = re.compile(r"[\w.+-]*@[\w.-]*")
# A word as prose writes it: not a part of a name written as an address ('markus.reuter', a
# spam-proof address); a domain's name ('handball.ch') counts.
_PROSE_WORD = re.compile(r"(?<![\w_.])[^\W\d_]+(?![\w_]|\.[^\W\d_]{4})")
_BULLETS = " *+•·-–—\t›»>‹<|#"  # list marks and the arrows of links
_SENTENCE_CLOSE = re.compile(r"[.!?…:;][\"'”’»)]*$")


@dataclass
class Found:
    """Metadata found while cleaning, first statement wins."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    # Whether the source is a masthead's guess, which an outlet the page states outright
    # (a wire dateline, a closing '(AP)', a credit beside the date) replaces.
    source_guessed: bool = False
    # Whether a line like a masthead was read: the first one decides, those under it do not.
    masthead_judged: bool = False
    # The outlet holding the copyright of the page's footer: the source when nothing else names
    # one (read once, on the whole page).
    held: str | None = None
    copyright_read: bool = False
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    # The steps of the page's breadcrumb trail: its section is read once the title is known.
    crumbs: list[str] = field(default_factory=list)
    # A byline after the body: the author when no name stands under the headline.
    closing: list[str] = field(default_factory=list)
    # A name alone after the body: the author when the header names no one.
    signature: list[str] = field(default_factory=list)
    # The person a copyright line after the body names: the author of a personal site's pages.
    holder: list[str] = field(default_factory=list)
    # A desk credited where a byline stands ('Redaktion' beside the date): the author when no
    # one is named.
    desk: list[str] = field(default_factory=list)
    # The page's prose, where it writes words in lower case, taken once (see _PageWords).
    prose: str | None = None
    # Whether the body was searched for an author's box at its head: once, on the whole page.
    boxes_read: bool = False
    # Whether the page was searched for a byline far from the body: once, on the whole page.
    far_read: bool = False
    # The desk each text credits (metadata.desk_name), asked once for all passes.
    desks: dict[str, str | None] = field(default_factory=dict)
    # The texts whose words state no metadata wherever they stand in the body or under it, by
    # the day_first they were read with: the next pass over the page skips them (see
    # _mark_meta_lines).
    plain: dict[bool | None, set[str]] = field(default_factory=dict)
    # The ISO date that opens each text asked (see _opening_date), once for all passes.
    openings: dict[str, str | None] = field(default_factory=dict)

    def state_source(self, outlet: str | None, guessed: bool = False) -> None:
        """Take `outlet` as the source: the first one stated, over any guessed from a masthead."""
        if outlet and (self.source is None or (self.source_guessed and not guessed)):
            self.source, self.source_guessed = outlet, guessed

    @property
    def outlet(self) -> str | None:
        """The source: the outlet the page states or its masthead names, else the copyright's."""
        return self.source or self.held

    @property
    def section(self) -> str | None:
        """The section the breadcrumb trail names: its last step that is not the article's own
        title ('Startseite » Beauty » Beauty-Tipps, die ...' is in 'Beauty')."""
        return metadata.section_of(self.crumbs, self.title) if self.crumbs else None


def day_first(options: CleanOptions, language: str | None) -> bool | None:
    """Return how to read 03/05/2021: as set, else day first outside English, else by its form."""
    if options.day_first is not None:
        return options.day_first
    return None if language in (None, "en") else True


def lift_lead_metadata(first: Line, found: Found) -> None:
    """Cut a date glued to the front of the body; note the wire dateline it opens with."""
    glued = metadata.glued_date(first.text)
    if glued is not None:
        match, end = glued
        found.date = found.date or match.iso()
        first.text = first.text[end:].lstrip(" :-–—")
    lead = metadata.wire_dateline(first.text)
    if lead is not None:
        found.dateline = found.dateline or lead.place
        if lead.outlet and metadata.outlet_name(lead.outlet):
            found.state_source(lead.outlet)


def words_of(text: str) -> int:
    """Return the number of words of a line as split_lines gives it (single spaces)."""
    return text.count(" ") + 1


@dataclass
class _Seen:
    """What the metadata lines of one page said, for mark_metadata to choose from."""

    # (distance from the body's start, ISO date)
    dates: list[tuple[int, str]] = field(default_factory=list)
    # (distance, names, whether an opener or a date anchors them)
    bylines: list[tuple[int, list[str], bool]] = field(default_factory=list)
    # the names of bylines that say outright who wrote
    written: list[list[str]] = field(default_factory=list)
    # date lines that name no one: a name may stand beside them
    dated: list[int] = field(default_factory=list)
    # (distance, ISO date) of the blog engine's notes on the post ('This entry was posted on ...')
    notes: list[tuple[int, str]] = field(default_factory=list)
    # whether a byline with its opener stands above the body
    header_signed: bool = False


def mark_metadata(
    lines: list[Line],
    start: int,
    end: int,
    found: Found,
    day_first: bool | None,
    roles: dict[str, int] | None = None,
) -> None:
    """Mark the lines that state metadata: above the body, short in it, or just after it.

    Of several dates (or bylines) the one nearest the body's start is the article's: sidebars
    and archives above it and comments below it carry dates of other texts. The steps run in
    this order, each on the lines the ones before left unmarked. `roles` keeps each text's
    boilerplate.closing_role across calls over one page (body_span has read every line's).
    """
    page = _PageWords(lines, found)
    seen = _Seen()
    _mark_post_notes(lines, start, end, day_first, seen)
    _mark_meta_lines(
        lines, start, end, found, day_first, page, seen, {} if roles is None else roles
    )
    _mark_lone_openers(lines, start, end, seen)
    _mark_name_list(lines, start, page, seen)
    if not seen.bylines and not found.authors and not found.boxes_read:
        found.boxes_read = True
        _mark_head_box(lines, start, end, page, seen)
    _mark_signature(lines, start, end, page, seen)
    _mark_names_beside_dates(lines, start, end, page, seen)
    _lead_dates(lines, start, end, seen, found.openings)
    # A note on the post says outright which day it is of: it wins over a date line nearer the
    # body, which may be an event's ('Termin: 21.02.2020') or a teaser's.
    dates = seen.notes or seen.dates
    if dates:
        found.date = found.date or min(dates, key=lambda c: c[0])[1]
    if not seen.bylines:
        _mark_box_after(lines, end, found, page)
    _choose_authors(lines, end, found, page, seen)
    if not found.authors and not found.desk:
        found.desk = _desk_byline(lines, start, end, found.desks)
    # The outlet's name in brackets closes the story: the last line of the body or the one after.
    for line in lines[max(0, end - 2) : end + 1]:
        if line.rule is None and (outlet := metadata.trailer(line.text)):
            line.rule = "trailer"
            found.state_source(outlet)
    if not found.copyright_read:
        found.copyright_read = True
        _read_copyright(lines, start, end, found, page)
        # 'Source: Example Times' closing the story: the outlet it came from.
        for line in lines[max(start, end - _CLOSING_LINES) : end + _AFTER_REACH]:
            if ":" in line.text and (outlet := metadata.source_line(line.text)):
                found.state_source(outlet)
                break


def _mark_meta_lines(
    lines: list[Line],
    start: int,
    end: int,
    found: Found,
    day_first: bool | None,
    page: _PageWords,
    seen: _Seen,
    roles: dict[str, int],
) -> None:
    """Mark the lines that are metadata on their own: dates, bylines, breadcrumbs, mastheads.

    `roles` holds the closing_role of texts read before: a heading over the comments after the
    body ends the search.
    """
    plain = found.plain.setdefault(day_first, set())
    for index, line in enumerate(lines):
        if index >= end + _SIGNED_REACH:
            break
        if index >= end:
            role = roles.get(line.text)
            if role is None:
                role = roles[line.text] = boilerplate.closing_role(line.text)
            if role == boilerplate.HEADING:
                break  # boilerplate.is_closing
        if line.rule is not None or (index >= start and line.text in plain):
            continue
        # A blog's entry line may list its tags after the byline: they are no field of it. A
        # label of tags closes with a colon, which most lines lack: those are told without a call.
        text = metadata.without_tags(line.text) if ":" in line.text else line.text
        if index >= end + _AFTER_REACH:
            # Further down only a byline that says so ('Publicado por ...') closes the article;
            # with a date, only one that opens with its opener ('erstellt von Jane Doe —
            # veröffentlicht 28.01.2022'), not a teaser's title ('Kurse von Jane Doe 3.5.2021').
            meta = metadata.meta_line(text, day_first) if words_of(text) <= 12 else None
            if (
                meta is not None
                and meta.signed
                and meta.authors
                and (meta.date is None or metadata.byline(text) is not None)
            ):
                line.rule = "byline"
                seen.bylines.append((_AFTER_PENALTY + index - end, meta.authors, True))
            elif ("编辑" in text or "作者" in text) and (names := metadata.cjk_byline(text)):
                line.rule = "byline"  # '责任编辑：孔德明' says so outright too
                seen.bylines.append((_AFTER_PENALTY + index - end, names, True))
            elif (
                meta is not None
                and meta.date is not None
                and not meta.authors
                and _PUBLISHED.search(text[: meta.date.start])
            ):
                # ... and a date that says so: 'Published: 3 May 2021', 'Erschienen am: ...',
                # a page's fields listed under its body (an update, an event, a teaser do not).
                line.rule = "date"
                seen.dates.append((_AFTER_PENALTY + index - end, meta.date.iso()))
            continue
        words = text.count(" ") + 1
        distance = start - index if index < start else index - start
        if index >= end:
            distance = _AFTER_PENALTY + index - end
        elif start <= index and words > _META_WORDS:
            continue  # a paragraph of the body
        meta = metadata.meta_line(text, day_first)  # kept per line by metadata's own cache
        if meta is None and words <= 12 and (crumbs := metadata.breadcrumb(text)):
            if (
                len(crumbs) == 2
                and metadata.role_line(crumbs[1])
                and (names := metadata.name_line(text))
            ):
                # 'Jane Doe | Senior Reporter': a name and the person's role, no breadcrumb.
                line.rule = "byline"
                seen.bylines.append((distance + _BARE_PENALTY, names, True))
                continue
            if (
                index < end
                and (names := metadata.name_beside_time_ago(text))
                and page.names_someone(names)
            ):
                line.rule = "byline"  # 'Jane Doe | Publicado hace 3 horas': no breadcrumb
                seen.bylines.append((distance + _BARE_PENALTY, names, False))
                continue
            line.rule = "breadcrumb"
            if not found.crumbs and metadata.is_trail(text):
                found.crumbs = _trail_steps(lines, index, crumbs)
        elif meta is not None:
            line.rule = "date" if meta.date else "byline"
            if meta.date and not _teaser_item(lines, index):
                # A date labelled as the last change loses to the publication's beside it.
                changed = _UPDATED.search(text[: meta.date.start]) is not None
                if changed and _dated_beside(lines, index, day_first, meta.date.day):
                    distance += _BARE_PENALTY
                seen.dates.append((distance, meta.date.iso()))
                if not meta.authors:
                    seen.dated.append(index)  # a date line that names no one: a name may follow
                    handle = metadata.camel_handle(text, day_first) if index < end else None
                    if handle and _named_again(lines, index, handle):
                        # 'JaneDoe 18.10.2019, 15:07 Uhr', the user named again on the page
                        seen.bylines.append((distance + _BARE_PENALTY, [handle], True))
            if meta.authors and (meta.signed or page.names_someone(meta.authors)):
                # A name beside a date is anchored to the article's date line, like a signed one.
                anchored = meta.signed or meta.date is not None
                penalty = 0 if meta.signed else _BARE_PENALTY
                if (
                    seen.header_signed
                    and start < index < end
                    and _under_paragraphs(lines, start, index)
                ):
                    # Under the body's first paragraphs a byline is a teaser's or a quoted
                    # story's ('First in Playbook: ...' / 'By Jane Doe'): one that says so above
                    # them wins.
                    penalty += _BARE_PENALTY
                seen.header_signed = seen.header_signed or (meta.signed and index < start)
                seen.bylines.append((distance + penalty, meta.authors, anchored))
                if meta.signed and metadata.strong_byline(text):
                    seen.written.append(meta.authors)
            if meta.outlet:
                found.state_source(meta.outlet, guessed=True)  # a sidebar's teaser, at times
        elif (
            index < start
            and words == 2
            and (handle := metadata.weak_handle(text))
            and _named_again(lines, index, handle)
        ):
            line.rule = "byline"  # 'von janedoe', the user named again on the page
            seen.bylines.append((distance, [handle], True))
        elif ("编辑" in text or "作者" in text) and (names := metadata.cjk_byline(text)):
            line.rule = "byline"  # '责任编辑：孔德明', the editor in charge, or the author
            seen.bylines.append((distance, names, True))
        # The tests that entry_line and time_ago make first, asked here: most lines fail them,
        # and are told without a call.
        elif (
            index < end
            and " , " in text
            and (entry := metadata.entry_line(text, day_first))
            and (names := page.before_categories(entry[1]))
        ):
            line.rule = "byline"  # '16. Mai 2019 Jane Doe Netzwerk , Windows 2'
            seen.dates.append((distance, entry[0].iso()))
            seen.bylines.append((distance, names, True))
        elif index < end and len(text) <= metadata.TIME_AGO_CHARS and metadata.time_ago(text):
            seen.dated.append(index)  # how long ago the page was published: a name may follow
        elif index < start and words <= 5 and metadata.reads_as_outlet(text):
            # A masthead, or a section's heading named like one ('Local News'): either is no
            # headline; only a masthead names the source (so telling the two apart), and an
            # entry of a menu is none.
            named = metadata.outlet_name(text)
            line.rule = "masthead" if named else "section-heading"
            outlet = None if found.masthead_judged else named
            if (
                outlet is None
                and not found.masthead_judged
                and (name := metadata.outlet_name(text, topical=True))
                and _held(lines, name)
            ):
                outlet = name  # named like a section ('Business Wire'), held by the copyright
                line.rule = "masthead"
            if outlet is not None:
                # An agency's name alone is a credit, and a name the copyright line holds is
                # the site's own, wherever they stand; in a menu, the first name like a
                # masthead is an entry (a section, a sister paper) and so are those under it.
                qualifier = metadata.section_qualifier(outlet)
                if (
                    qualifier is not None
                    and index >= _TOP_LINES
                    and not metadata.signs_as_outlet(text)
                    and not metadata.is_agency(outlet)
                    and not _held(lines, outlet)
                    and not _held(lines, qualifier)
                ):
                    # Named like a section ('Xbox News', 'World News') under the page's first
                    # lines, not the copyright's holder and not signed ('By Example News'):
                    # a section's heading, and a masthead may stand under it.
                    line.rule = "section-heading"
                    continue
                found.masthead_judged = True
                if (
                    index < _TOP_LINES
                    or metadata.is_agency(outlet)
                    or not _in_menu(lines, index)
                    or _held(lines, outlet)
                ):
                    found.state_source(outlet, guessed=True)
        elif index < end and " , " not in text:
            # Every test of the text that a line in the body or under it is asked said no: the
            # next pass, whose lines have the same texts, finds none there either. (Above the
            # body weak_handle and reads_as_outlet are asked too; an entry line's categories
            # are read against the page's words, which change.)
            plain.add(line.text)


def _read_copyright(
    lines: list[Line], start: int, end: int, found: Found, page: _PageWords
) -> None:
    """Note the outlet the copyright lines name: an agency's at the end of the body or right
    under it is a credit of the story ('Copyright 2008 The Associated Press'); else, after
    the body, an agency's further down, or the last other one, the site's footer, whose holder
    names the outlet when nothing else does (in the body, a company's copyright is a
    picture's). The page's author holding it names no outlet."""
    held_rank = -1
    # The lines that hold a copyright's sign or word: most lines hold none.
    marked = _copyright_lines([line.text for line in lines[start:]])
    for index in [start + k for k in marked]:
        text = lines[index].text
        outlet = metadata.copyright_outlet(text)
        dated = outlet is not None
        if outlet is None and index >= end:
            # '© Example Verlag GmbH': a footer's, read only after the body (in it, only an
            # agency's dated line counts, below).
            outlet = metadata.signed_footer_outlet(text)
        if outlet is None or _is_author(outlet, found):
            continue
        if dated and metadata.is_agency(outlet) and index < end + _AFTER_REACH:
            found.state_source(outlet)
            continue
        if index < end:
            continue
        # An agency's copy credited in a box beside the story; a footer that reserves the
        # rights, over a theme's or a tool's line under it ('© 2021 • ExampleTheme'); a
        # company's name after the sign alone, under all.
        if not dated:
            rank = -1
        elif metadata.is_agency(outlet):
            rank = 2
        else:
            rank = int(metadata.reserves_rights(text))
        if rank >= held_rank:
            found.held, held_rank = outlet, rank


def _copyright_lines(texts: list[str]) -> list[int]:
    """Return the indices of `texts` (which hold no newline) that hold a copyright's sign or
    word, '©', 'opyright', 'OPYRIGHT', '(c)' or '(C)', in order.

    The bracketed signs are looked for at the page's closing brackets, a few a page: a scan of
    the page for each cost more than the other signs' scans together (its window moves on by a
    character or two at most letters).
    """
    page = "\n".join(texts)
    holding: set[int] = set()
    for sign in _COPYRIGHT_SIGNS:
        holding |= boilerplate.lines_holding(page, sign)
    at = page.find(")")
    while at >= 0:
        if page[at - 2 : at] in _BRACKETED_C:
            holding.add(page.count("\n", 0, at))  # rare: the line counted from the page's start
        at = page.find(")", at + 1)
    return sorted(holding)


_COPYRIGHT_SIGNS: Final = frozenset(("©", "opyright", "OPYRIGHT"))
_BRACKETED_C: Final = frozenset(("(c", "(C"))  # before the ')' of '(c)' and '(C)'


def _is_author(holder: str, found: Found) -> bool:
    """Return whether a copyright's holder is the person the page names as its author: a
    personal site's owner, no outlet."""
    if metadata.reads_as_outlet(holder) or metadata.is_organisation(holder):
        return False  # 'Von Example Times': a byline may name the outlet too
    return any(
        holder in names for names in (found.authors, found.holder, found.closing, found.signature)
    ) and (metadata.name_line(holder) or []) == [holder]


# The label of a date of the last change: 'Updated:', 'Aktualisiert am', 'Mis à jour le'.
_UPDATED = re.compile(
    r"(?<!\w)(?:updated|modified|aktualisiert|geändert|mis\s+à\s+jour|modifié|actualizado|"
    r"actualizada|aggiornato|aggiornata|bijgewerkt|zaktualizowano|aktualizacja)(?!\w)",
    re.IGNORECASE,
)
_CHANGE_REACH = 5  # lines from a date of the last change where the publication's may stand


def _dated_beside(
    lines: list[Line], index: int, day_first: bool | None, changed: datetime.date
) -> bool:
    """Return whether a date line that names no change stands within _CHANGE_REACH lines of line
    `index`, whose date of the last change, `changed`, is not before it ('* 28. Januar 2021' over
    '* Updated: 3. Mai 2021'): a later date is the day's banner or a ticker's, no publication."""
    for near in range(max(0, index - _CHANGE_REACH), min(len(lines), index + _CHANGE_REACH + 1)):
        text = lines[near].text
        if (
            near == index
            or lines[near].rule not in (None, "date")
            or not any(c.isdigit() for c in text)
        ):
            continue
        meta = metadata.meta_line(text, day_first)
        if (
            meta is not None
            and meta.date is not None
            and meta.date.day <= changed
            and not _UPDATED.search(text[: meta.date.start])
        ):
            return True
    return False


# The label of a publication date: 'Published:', 'Veröffentlicht am', 'Erschienen am:', 'Publié le'.
_PUBLISHED = re.compile(
    r"(?<!\w)(?:published|posted|veröffentlicht|erschienen|publiziert|publié|publiée|publicado|"
    r"publicada|pubblicato|pubblicata|gepubliceerd|geplaatst|opublikowano)(?!\w)",
    re.IGNORECASE,
)


def _desk_byline(
    lines: list[Line], start: int, end: int, desks: dict[str, str | None]
) -> list[str]:
    """Return the desk the page credits where its byline stands, nearest the body, and mark its
    line: beside the date ('Redaktion 3. Mai 2021', 'Redaktion' / '3. Mai 2021'), after an opener
    ('von Example.com Redaktion', 'Autor:' / 'Redaktion Example'), or [] when none.

    `desks` holds the desk_name of each line's text asked so far: the next pass over the page
    asks again of most of the same lines.
    """
    best: tuple[int, int, str] | None = None
    for index in range(max(0, start - _BARE_REACH), min(len(lines), end + _SIGNED_REACH)):
        line = lines[index]
        if line.rule == "date" and index < end + _AFTER_REACH:
            # Most date lines name no desk, and are told before the date is read again.
            if not metadata.may_credit_desk(line.text):
                continue
            dated = metadata.date_line(line.text)
            desk = metadata.desk_name(dated[1]) if dated and dated[1] else None
            if desk is None:
                continue
        elif line.rule is not None:
            continue
        else:
            desk = desks.get(line.text, "")  # "" for a text not asked yet: no desk is empty
            if desk == "":
                desk = desks[line.text] = metadata.desk_name(line.text)
            if desk is None:
                continue
            above = _next_worded(lines, index, -1)
            below = _next_worded(lines, index, 1)
            opened = metadata.desk_opened(line.text) or (
                above is not None
                and (
                    metadata.lone_opener(lines[above].text)
                    or metadata.author_heading(lines[above].text)
                )
            )
            beside_date = index < end + _AFTER_REACH and any(
                near is not None and lines[near].rule == "date" for near in (above, below)
            )
            if not opened and not beside_date:
                continue
        distance = abs(index - start) + (_AFTER_PENALTY if index >= end else 0)
        if best is None or distance < best[0]:
            best = (distance, index, desk)
    if best is None:
        return []
    if lines[best[1]].rule is None:
        lines[best[1]].rule = "byline"
    return [best[2]]


def _mark_post_notes(
    lines: list[Line], start: int, end: int, day_first: bool | None, seen: _Seen
) -> None:
    """Mark the blog engine's notes on the post above the body or under it ('Dieser Beitrag
    wurde am 4. Mai 2021 von jdoe veröffentlicht'), however far, over lists of related posts or
    under a wiki's links: the note names the text itself. Their dates and names are taken."""
    # A note states a date: only the lines with a date's yearish number are read, found by a
    # search of the lines above the body and of those under it. A marked line or one longer than
    # a note is left out of the search (an empty text in its place).
    notes: list[int] = []
    for first, part in ((0, lines[:start]), (end, lines[end:])):
        texts = [
            line.text if line.rule is None and len(line.text) <= metadata.NOTE_CHARS else ""
            for line in part
        ]
        for offset in yearish_lines(texts):
            notes.append(first + offset)
    for index in notes:
        line = lines[index]
        if (note := metadata.post_note(line.text, day_first)) is None:
            continue
        distance = start - index if index < start else _AFTER_PENALTY + index - end
        line.rule = "date"
        seen.notes.append((distance, note[0].iso()))
        if note[1]:
            seen.bylines.append((distance, note[1], True))


_PARAGRAPHS_ABOVE = 2  # paragraphs of the body above a byline in it that make it a teaser's


def _under_paragraphs(lines: list[Line], start: int, index: int) -> bool:
    """Return whether _PARAGRAPHS_ABOVE paragraphs of the body stand between its start and line
    `index`."""
    count = 0
    for line in lines[start:index]:
        if line.rule is None and is_paragraph(line):
            count += 1
            if count >= _PARAGRAPHS_ABOVE:
                return True
    return False


def _teaser_item(lines: list[Line], index: int) -> bool:
    """Return whether line `index` is an item of a list of posts, each dated beside its title
    ('* [ 14. Mai 2021 ] The title' / '* [ 12. Mai 2021 ] Another title'), maybe an undated item
    between: a sidebar's, whose dates are other texts'. Items of a date alone are the fields of
    one text ('* 3. Mai 2021' / '* Updated: 5. Mai 2021')."""
    if not _titled_date_item(lines[index].text):
        return False
    for step in (-1, 1):
        for near in (index + step, index + 2 * step):
            if not 0 <= near < len(lines) or _ITEM.match(lines[near].text) is None:
                break
            if _titled_date_item(lines[near].text):
                return True
    return False


def _titled_date_item(text: str) -> bool:
    """Return whether a line is a list's item that holds a date and words beside it."""
    item = _ITEM.match(text)
    if item is None:
        return False  # most lines: the date is not looked for
    day = find_date(text)
    if day is None or day.start < item.end():
        return False  # '6. November 2023': a date, no numbered item
    dated = metadata.date_line(_ITEM.sub("", text))
    return dated is None or bool(dated[1].strip(" ,|·-–—[]()"))


def _in_menu(lines: list[Line], index: int) -> bool:
    """Return whether the line at `index` stands in a menu: the lines on either side of it
    are short entries, no sentence, date or byline ('Front Page' / 'Taiwan News' / 'China')."""
    around = lines[max(0, index - _MENU_SIDE) : index] + lines[index + 1 : index + 1 + _MENU_SIDE]
    return len(around) == 2 * _MENU_SIDE and all(
        line.rule not in _HEADER_RULES
        and words_of(line.text) <= _MENU_WORDS
        and not line.text.lstrip(_BULLETS)[:1].islower()  # a tagline: 'unabhängig seit 1995'
        and not _SENTENCE_CLOSE.search(line.text)
        and find_date(line.text) is None
        for line in around
    )


def _held(lines: list[Line], outlet: str) -> bool:
    """Return whether a copyright line of the page names `outlet` ('© 2008 The Herald')."""
    held = [
        line.text
        for line in lines
        if "©" in line.text or "opyright" in line.text or "OPYRIGHT" in line.text
    ]
    if not held:
        return False  # the pattern of the name is not compiled: most outlets are new to re's cache
    name = re.compile(rf"(?<!\w){re.escape(outlet)}(?!\w)", re.IGNORECASE)
    return any(name.search(text) is not None for text in held)


def _trail_steps(lines: list[Line], index: int, crumbs: list[str]) -> list[str]:
    """Return the steps of the trail on lines[index]: a trail set a step a line under its root
    ('* Home' / '+ > Sport' / 'o > Cricket') is read down its lines; a line alone has its own."""
    if metadata.lone_step(lines[index].text) is None:
        return crumbs
    above = index - 1
    while above >= 0 and not any(ch.isalnum() for ch in lines[above].text):
        above -= 1  # an empty item of the list
    if above < 0 or not metadata.is_trail_root(lines[above].text):
        return crumbs  # a link's decoration ('* » Mehr'), no trail
    steps = [lines[above].text]
    for line in lines[index:]:
        step = metadata.lone_step(line.text)
        if step is None:
            break
        steps.append(step)
    return steps


def _lead_dates(
    lines: list[Line], start: int, end: int, seen: _Seen, openings: dict[str, str | None]
) -> None:
    """Take the date that opens one of the body's first paragraphs ('29.11.2022 – Die Branche
    ...'): a press release dates its lead so, under a standfirst or a caption.

    `openings` holds the _opening_date of each text asked so far: the next pass asks again of
    the same first paragraphs.
    """
    for index in range(start, min(end, start + _LEAD_LINES)):
        line = lines[index]
        if line.rule is not None:
            continue
        opening = openings.get(line.text, "")  # "" for a text not asked yet: no date is empty
        if opening == "":
            opening = openings[line.text] = _opening_date(line.text)
        if opening is not None:
            # A date line counts first: the lead may be a teaser's, the body's start misplaced.
            seen.dates.append((index - start + _BARE_PENALTY, opening))
            return
    # ... or the date that opens the line right over the body, its headline ('23.01.2022 - Jane
    # Doe wins again'), further still: a teaser's too opens so.
    above = _next_worded(lines, start, -1) if start > 0 else None
    if above is not None and lines[above].rule is None and lines[above].text[:1].isdigit():
        text = lines[above].text
        if metadata.dated_headline(text) and (day := find_date(text[:_DATE_REACH])):
            seen.dates.append((start - above + 2 * _BARE_PENALTY, day.iso()))


def _opening_date(text: str) -> str | None:
    """Return the ISO date that opens a paragraph, glued to its words ('29.11.2022 – Die
    Branche ...') or after a place or a label ('Wien, 14. Mai 2021 – Die Stadt ...'), or None."""
    if text[:1].isdigit() and (glued := metadata.glued_date(text)):
        return glued[0].iso()
    lead = metadata.lead_date(text)
    return None if lead is None else lead.iso()


def _mark_lone_openers(lines: list[Line], start: int, end: int, seen: _Seen) -> None:
    """Mark an opener alone, the name on the next line ('By' / 'James Whittaker'); a name, its
    role on the next ('Christoph Hein' / 'Chefredakteur')."""
    for index in range(min(len(lines), end + _AFTER_REACH) - 1):
        line, below = lines[index], lines[index + 1]
        if line.rule is not None or below.rule is not None or len(line.text) > 50:
            continue  # both lines are short: a name is, and so is an opener
        signed = metadata.lone_opener(line.text)
        if not signed and not metadata.role_line(below.text):
            continue
        names = metadata.name_line(below.text if signed else line.text)
        if names is None and signed:
            names = metadata.byline(f"{line.text} {below.text.strip(_BULLETS)}", handles=True)
        if names and signed:
            names = names + _more_names(lines, index + 2)
        if names:
            line.rule = below.rule = "byline"
            distance = abs(index - start) + (_AFTER_PENALTY if index >= end else 0)
            # The opener or the role says that the name is a byline's, like a date beside it.
            seen.bylines.append((distance + (0 if signed else _BARE_PENALTY), names, True))


def _mark_name_list(lines: list[Line], start: int, page: _PageWords, seen: _Seen) -> None:
    """Mark names set one to a line above the body, a comma closing each but the last: a
    scholarly page's list of authors ('Jane Doe, PhD ,' / 'John Roe, PhD'). Tags end so too, but
    stand after the body."""
    listed = [i for i, line in enumerate(lines[:start]) if line.text[-1:] == ","]
    for index in listed:
        if lines[index].rule is None:
            names = _name_list(lines, index)
            if len(names) > 1 and page.names_someone(names):
                for line in lines[index : index + len(names)]:
                    line.rule = "byline"
                # Above the body, however far: the list is no closing byline.
                seen.bylines.append((min(start - index, _AFTER_PENALTY - 1), names, True))
                break


def _mark_head_box(lines: list[Line], start: int, end: int, page: _PageWords, seen: _Seen) -> None:
    """Mark an author's box at the head of the body: the name alone, the biography under it
    ('Jane Doe' / 'Jane Doe lehrt Geschichte an ...'), asked for when no byline names the author.
    A portrait names its subject all through the body, a list of portraits has several boxes."""
    boxes = [
        box
        for index in range(max(0, start - _BARE_REACH), end)
        # A name's few words first: the quick test (the line's spaces, counted once a line).
        if lines[index].spaces() <= _BIO_NAME_SPACES and (box := _bio_box(lines, index))
    ]
    # The same box may close the page again.
    if len({box[2][0] for box in boxes}) == 1 and boxes[0][0] < start + _BARE_REACH:
        at, bio, names = boxes[0]
        surname = names[0].rsplit(None, 1)[-1]
        if page.names_someone(names) and not any(
            surname in other.text and other.text not in (lines[at].text, lines[bio].text)
            for other in lines[bio + 1 : end]
        ):
            lines[at].rule, lines[bio].rule = "byline", "author-box"
            seen.bylines.append((abs(at - start), names, True))


def _mark_signature(lines: list[Line], start: int, end: int, page: _PageWords, seen: _Seen) -> None:
    """Take the author who signs under the last paragraph: a name in brackets closing it ('...
    bleibt spannend. (Jane Doe)'), or a name alone over the text's notes ('Jane Doe' / '(1) ...'),
    whose line is marked."""
    for index in range(start, min(len(lines), end + _AFTER_REACH)):
        line = lines[index]
        # (The spaces of most lines were counted before this step: see Line.spaces.)
        if line.rule is not None or (
            line.spaces() > _SIGNATURE_SPACES and line.text[-1:] not in _SIGNATURE_MARKS
        ):
            continue  # a paragraph that closes with no signature: the quick test
        names = _signature(lines, index, end)
        if names and page.names_someone(names):
            seen.bylines.append((_AFTER_PENALTY + max(0, index - end), names, True))
            if line.text[-1:] not in _SIGNATURE_MARKS:
                line.rule = "byline"  # the name alone; a signed paragraph stays
            break


def _mark_names_beside_dates(
    lines: list[Line], start: int, end: int, page: _PageWords, seen: _Seen
) -> None:
    """Mark a name alone on the line beside a date line: the author ('Jessica DeFino' / 'Updated
    ...'), empty list items between them left aside, unless a byline stands on the date's other
    side ('Tipps von' / 'Jane Doe' / '6.11.22' / 'The headline'). After the body only the date
    lines that close the article count (the first and those right under it), and anchor the
    name to them."""
    closing = next((index for index in seen.dated if index >= end), len(lines))
    ends: set[str] | None = None  # the breadcrumbs' last crumbs, read when a name first asks
    for index in seen.dated:
        if index >= closing + _CLOSING_LINES:
            break
        beside = [_next_worded(lines, index, step) for step in (-1, 1)]
        if any(near is not None and lines[near].rule == "byline" for near in beside):
            continue  # the date's byline stands beside it: the line on its other side is no name
        for step, near in zip((-1, 1), beside, strict=True):
            if near is None or lines[near].rule is not None or near >= end + _AFTER_REACH:
                continue
            if near >= end and index < closing:
                continue  # a date line in the body names no one after it
            text = lines[near].text
            names = metadata.name_line(text) or metadata.opener_and_pen_name(text)
            if not names or not page.names_someone(names) or _menu_item(lines, near, step, index):
                continue
            # A breadcrumb ends with the headline, not with its author ('... » Heizjacken von Bosch').
            ends = _crumb_ends(lines) if ends is None else ends
            if _echo_key(text) not in ends:
                lines[near].rule = "byline"
                if near >= end:
                    seen.bylines.append((_AFTER_PENALTY + near - end + _BARE_PENALTY, names, True))
                else:
                    seen.bylines.append((abs(start - near) + _BARE_PENALTY, names, False))


def _menu_item(lines: list[Line], index: int, step: int, date: int) -> bool:
    """Return whether line `index` is an item of a list that goes on away from the date line
    `date` beside it ('* Gästebuch' / '* Serien Killer' / date): a menu's entry, no byline. A
    date alone as an item makes the list the entry's fields ('* 9th January 2008' / '* Jane Doe'
    / '* Apple')."""
    beyond = index + step
    return (
        _ITEM.match(lines[index].text) is not None
        and 0 <= beyond < len(lines)
        and _ITEM.match(lines[beyond].text) is not None
        and not _date_item(lines[date].text)
    )


def _date_item(text: str) -> bool:
    """Return whether a line is a list's item that holds a date alone ('* 9th January 2008')."""
    if _ITEM.match(text) is None:
        return False
    dated = metadata.date_line(_ITEM.sub("", text))
    return dated is not None and not dated[1].strip(" ,|·-–—")


def _mark_box_after(lines: list[Line], end: int, found: Found, page: _PageWords) -> None:
    """Take the signature of an author box on one of the first lines after the body, when no
    byline named anyone: a name alone, under a heading that names the author, over a line
    about the person, or a link to the author's page."""
    for index in range(end, min(len(lines), end + _SIGNED_REACH)):
        # A link to the author's page says who it is ('Alle Beiträge von Creeny »').
        if (linked := metadata.author_link(lines[index].text)) and page.names_someone(linked):
            found.signature = found.signature or linked
            break
        if lines[index].rule is not None:
            continue  # only an unmarked line is read for a name: the tests below need not run
        if (
            index >= end + _SIGNATURE_REACH
            and not metadata.author_heading(lines[index - 1].text)
            and not (index + 1 < len(lines) and metadata.posts_link(lines[index + 1].text))
            and not metadata.role_after_name(lines[index].text)
        ):
            continue  # further down only under a heading, over a link to the posts, or
            # with a role after the name ('Jane Doe Autorin')
        names = metadata.name_line(lines[index].text)
        if (
            names
            and page.names_someone(names)
            and _author_box(lines, index, names)
            and not _among_names(lines, index)
        ):
            lines[index].rule = "byline"
            found.signature = found.signature or names
            break


def _choose_authors(
    lines: list[Line], end: int, found: Found, page: _PageWords, seen: _Seen
) -> None:
    """Set the page's authors from the byline nearest the body (the closing names when it stands
    after the body), or else from the copyright's holder or a byline far under the body."""
    # A name alone, without an opener or a date, far from the body is a sidebar's or a menu's.
    bylines = [c for c in seen.bylines if c[0] < _BARE_PENALTY + _BARE_REACH or c[2]]
    if bylines:
        best = min(bylines, key=lambda c: c[0])
        if seen.written and best[0] < _AFTER_PENALTY and _user_names(best[1]):
            # A site's account ('Gespeichert von admin') uploaded the text; a byline that says
            # outright who wrote it, in full names, near it, names the writer ('Ein Beitrag
            # von Jane Doe').
            writers = [
                c for c in bylines if c[1] in seen.written and abs(c[0] - best[0]) <= _ACCOUNT_REACH
            ]
            best = min(writers, key=lambda c: c[0]) if writers else best
        names = [page.without_section(name) for name in best[1]]
        if best[0] < _AFTER_PENALTY:
            found.authors = found.authors or names
        else:
            # After the body: the author unless a name stands under the headline (mark_title).
            found.closing = found.closing or names
    elif not found.signature and not found.holder:
        # A person holding the copyright of the page ('© 2020 Jane Doe') wrote it, when nothing
        # else names an author; a company or a site holds it as often, and names no one.
        # Every copyright line holds a year's first two digits, and most lines after the body
        # none: only those are asked, and only the ones that may hold a copyright (a search of
        # the pattern over all the lines after the body, with no first letter to look for,
        # cost more than the rest of the step).
        after = [line.text for line in lines[end:]]
        for index in _lines_holding(after, _CENTURIES):
            text = after[index]
            if (
                metadata.may_hold_copyright(text)
                and (holder := metadata.copyright_holder(text))
                and page.names_someone(holder)
            ):
                found.holder = holder
                break
        if not found.holder and not found.closing and not found.far_read:
            # The body may be misplaced (a list of teasers taken for it): a byline that says
            # outright who wrote, anywhere above the comments, names the author of the page.
            found.far_read = True
            found.closing = _far_byline(lines, end, page)


def mark_title(lines: list[Line], start: int, end: int, found: Found) -> None:
    """Mark the headline: of the lines above the body's first paragraph, the one that reads most
    like a headline of this body; and a name alone around it as the author."""
    _mark_headline(lines, start, end, found)
    found.authors = found.authors or found.closing or found.signature or found.holder or found.desk


def _mark_headline(lines: list[Line], start: int, end: int, found: Found) -> None:
    first_prose = _first_paragraph(lines, start, end)
    header = lines[:first_prose]
    # Without boilerplate or metadata above the body there is no header to read a title from; this
    # keeps a cleaned text's first line from being taken for a title when it is cleaned again.
    # Only a line over a byline or date line under the opening paragraphs may head the article:
    # a cleaned text keeps no such line.
    if start == 0 and not any(line.rule for line in header):
        _mark_late_headline(lines, first_prose, end, found)
        return
    # The body's words (those under its first line, or under the few lines under it, are read
    # when a line there is looked at).
    window = min(end, first_prose + 1 + _UNDER_FIRST)
    below = _WordsBelow(lines, first_prose, end)
    body = below.under(first_prose)
    if not body.has_words():
        return
    dated = _cut_opening_dates(lines, first_prose)
    # A headline stands a few lines above its body; further up are menus and teasers.
    scored: list[tuple[int, float]] = []
    # The kinds read once (compiled, each is a look-up in the module's attributes).
    code, listed, prose = boilerplate.CODE, boilerplate.LIST, boilerplate.PROSE
    for index in range(max(0, first_prose - _TITLE_REACH), first_prose):
        line = lines[index]
        if line.rule or line.kind == code:
            continue
        # Few function words make a list of links, or a headline; separators only the list.
        if line.kind == listed and boilerplate.has_item_separators(line.text):
            continue
        text = line.text
        # A headline may close with a full stop ('Warum ich ... sage.'); it shows by heading a
        # byline or date line right above the body.
        if (
            text.endswith(".")
            and first_prose - index <= _HEADING_REACH
            and lines[index + 1].rule in _HEADER_RULES
        ):
            text = text.rstrip(".")
        score = metadata.headline_score(text, body, first_prose - index, line.kind == prose)
        if score is not None:
            scored.append((index, score))
    # The first paragraph may be a notice or a teaser above the headline ('You are using an
    # older browser ...'): the few lines under it that are no paragraph are looked at too.
    rest: metadata.BodyWords | None = None  # the words under these lines
    for index in range(first_prose + 1, window):
        line = lines[index]
        if line.rule or line.kind == boilerplate.CODE or is_paragraph(line):
            continue
        if rest is None:
            rest = below.under(window)
        if not rest.has_words():
            continue
        score = metadata.headline_score(line.text, rest, 1, line.kind == boilerplate.PROSE)
        if score is not None:
            scored.append((index, score - _W_UNDER_FIRST))
    # Further down, a line over a byline or date line may head the article, the paragraphs above
    # it being notices or teasers ('Vielen Dank für Ihre Anmeldung.').
    scored += _late_headlines(lines, window, first_prose, end, below)
    # The first paragraph may be the headline itself, closed by a full stop ('Goats ruled this
    # island. Now, it is reborn.'): a short one is looked at, against the body under it.
    first = lines[first_prose]
    if first_prose < end - 1 and _STRONG_WORDS <= words_of(first.text) <= _FIRST_AS_HEADLINE_WORDS:
        score = metadata.headline_score(
            first.text.rstrip("."), below.under(first_prose + 1), 1, True
        )
        if score is not None:
            scored.append((first_prose, score - _W_FIRST_AS_HEADLINE))
            scored.sort()
    if not scored:
        _put_back(dated)
        return
    # The last byline or date line above the first paragraph, as far up as candidates stand: a
    # candidate above it has one between it and the body (looked for once, not from each one).
    top = max(0, first_prose - _TITLE_REACH)
    last_meta = next(
        (near for near in range(first_prose - 1, top - 1, -1) if lines[near].rule in _HEADER_RULES),
        -1,
    )
    ranked = [
        (score + _layout_score(lines, scored, k, first_prose, end, body, last_meta), index)
        for k, (index, score) in enumerate(scored)
    ]
    folded = _folded_lines(lines)
    page = "\n".join(folded)  # searched for the candidates' echoes and the title's words
    best = _above_standfirst(lines, ranked, _with_echoes(lines, folded, page, ranked, body), body)
    chosen = lines[best[1]]
    found.title = found.title or _headline_of(lines, folded, page, chosen.text)
    chosen.rule = "title"
    _put_back([cut for cut in dated if cut[0] is not chosen])
    # A name alone between the headline and the body is its author ('Headline' / 'Jane Doe').
    for near in range(best[1] + 1, min(first_prose, best[1] + 1 + _NAME_REACH)):
        if (
            near >= 0
            and lines[near].rule is None
            and (names := metadata.name_line(lines[near].text))
            and _PageWords(lines, found).names_someone(names)
        ):
            lines[near].rule = "byline"
            found.authors = found.authors or names
            break


def _first_paragraph(lines: list[Line], start: int, end: int) -> int:
    """Return the index of the body's first paragraph, or `start` when it has none."""
    prose = boilerplate.PROSE  # read once (compiled, a look-up in the module's attributes)
    for index in range(start, end):
        line = lines[index]
        # Only prose is a paragraph: told here, before a call for each line of a list.
        if not line.rule and line.kind == prose and is_paragraph(line):
            return index
    return start


def _late_headlines(
    lines: list[Line], window: int, first_prose: int, end: int, below: _WordsBelow
) -> list[tuple[int, float]]:
    """Return the lines from `window` to _LATE_REACH under the first paragraph that stand over
    a byline or date line, each with its score against the body under it (as a line under the
    first paragraph is scored; `below` reads it)."""
    scored: list[tuple[int, float]] = []
    stop = min(end, first_prose + 1 + _LATE_REACH)
    # Most bodies have no byline or date line near their head: then no line stands over one, and
    # none is looked at.
    if not _holds_header_line(lines, window + 1, min(stop + 3, end)):
        return scored
    for index in range(window, stop):
        line = lines[index]
        if (
            line.rule
            or line.kind == boilerplate.CODE
            or not _holds_header_line(lines, index + 1, min(index + 4, end))
            or is_paragraph(line)
        ):
            continue
        under = below.under(index + 1)
        score = metadata.headline_score(line.text, under, 1, line.kind == boilerplate.PROSE)
        if score is not None:
            scored.append((index, score - _W_UNDER_FIRST))
    return scored


def _holds_header_line(lines: list[Line], start: int, stop: int) -> bool:
    """Return whether a byline or date line stands among lines[start:stop]."""
    return any(lines[near].rule in _HEADER_RULES for near in range(start, stop))


class _WordsBelow:
    """The content words of the kept lines (no rule so far) from a line of the body down to its
    end: the body's from its first paragraph on, or those under a line scored as a headline.

    The kept lines from the first paragraph on are joined and lower-cased once, when words are
    first asked for, where the lines under each line asked were joined and lower-cased anew (the
    body's thousands of characters a few times a page). The words under a line are read from
    the part of that text that starts there: that part is its own text lower-cased, as no
    character's case depends on characters across a space ('Σ', the only one whose case
    depends on its neighbours, looks no further than a space) unless lower() changed the
    text's length ('İ' is two characters lower-cased), when each part is lower-cased on its own.
    """

    def __init__(self, lines: list[Line], first_prose: int, end: int) -> None:
        self._lines = lines
        self._first = first_prose
        self._end = end
        self._text: str | None = None  # the kept lines' texts joined, once read
        self._lowered = ""  # ... lower-cased for BodyWords
        self._starts: list[int] = []  # where the kept lines from each line on start in the text
        self._parts: dict[int, metadata.BodyWords] = {}  # by where they start

    def under(self, index: int) -> metadata.BodyWords:
        """Return the content words of the kept lines from lines[index] to the body's end
        (`index` from the first paragraph to the body's end)."""
        text = self._text
        if text is None:
            text = self._read()
        start = self._starts[index - self._first]
        words = self._parts.get(start)
        if words is None:
            if len(self._lowered) == len(text):
                words = metadata.BodyWords(self._lowered[start:], lowered=True)
            else:
                words = metadata.BodyWords(text[start:])
            self._parts[start] = words
        return words

    def _read(self) -> str:
        texts: list[str] = []
        starts: list[int] = []
        offset = 0
        for line in self._lines[self._first : self._end]:
            starts.append(offset)
            if not line.rule:
                texts.append(line.text)
                offset += len(line.text) + 1
        starts.append(offset)  # under the last line: no text
        text = " ".join(texts)
        lowered = metadata.lowered_for_words_of_lines(texts, text)
        self._text, self._lowered, self._starts = text, lowered, starts
        return text


def _mark_late_headline(lines: list[Line], first_prose: int, end: int, found: Found) -> None:
    """Mark the headline of a body that opens the page with paragraphs (an author's blurb, a
    notice): a line under them over a byline or date line, as when the body has a header."""
    scored = _late_headlines(
        lines, first_prose + 1, first_prose, end, _WordsBelow(lines, first_prose, end)
    )
    if scored:
        index = max(scored, key=lambda item: item[1])[0]
        folded = _folded_lines(lines)
        found.title = found.title or _headline_of(
            lines, folded, "\n".join(folded), lines[index].text
        )
        lines[index].rule = "title"


def _cut_opening_dates(lines: list[Line], first_prose: int) -> list[tuple[Line, str, str | None]]:
    """Cut the date off the lines above the body that open with one and go on with a headline
    ('27.01.2022 The headline'), so that the headline is looked at as a candidate too; return
    each cut line with its text and rule, to be put back unless it is chosen.

    A date line is one of them: its date is taken already, its headline is not.
    """
    cut = []
    above = [
        line
        for line in lines[max(0, first_prose - _TITLE_REACH) : first_prose]
        if line.rule in (None, "date")
    ]
    # Every date holds a yearish number: the few lines that hold one are found by one search.
    for k in yearish_lines([line.text for line in above]):
        line = above[k]
        headline = metadata.dated_headline(line.text)
        if headline is not None:
            cut.append((line, line.text, line.rule))
            line.text, line.rule = headline, None
    return cut


def _put_back(cut: list[tuple[Line, str, str | None]]) -> None:
    for line, text, rule in cut:
        line.text, line.rule = text, rule


def _layout_score(
    lines: list[Line],
    scored: list[tuple[int, float]],
    k: int,
    first_prose: int,
    end: int,
    body: metadata.BodyWords,
    last_meta: int,
) -> float:
    """Return what the lines around the `k`th headline candidate say of it (`last_meta`: the
    last byline or date line above the first paragraph, or -1).

    A headline stands apart (a blank line above it), heads the byline and date of its article,
    and is a level above the kicker or the standfirst beside it (indented less in the dump); far
    above the body, the page's first lines are its masthead.
    """
    index = scored[k][0]
    line = lines[index]
    score = _W_BLANK_ABOVE if line.blank_before else 0.0
    # The site's name or title bar opens a dump; a headline that opens it stands near its body.
    if index < _TOP_LINES and first_prose - index > _TOP_FAR:
        score -= _W_TOP
    for near in range(index + 1, min(index + 3, end)):
        if lines[near].rule in _HEADER_RULES:
            score += _W_ABOVE_META
            break
    if index < last_meta:
        score += _W_META_BELOW
    for other in (k - 1, k + 1):
        if 0 <= other < len(scored) and abs(scored[other][0] - index) <= _NEIGHBOUR_REACH:
            indent = lines[scored[other][0]].indent
            if line.indent != indent:
                score += _W_INDENT if line.indent < indent else -_W_INDENT
    # The second of two lines that both name the body is a standfirst under its headline.
    if k > 0 and 0 < index - scored[k - 1][0] <= 2:
        above = lines[scored[k - 1][0]].text
        if words_of(above) >= _STRONG_WORDS:  # the quick test first
            own = metadata.content_words(above)
            if own and body.held(own) >= _STRONG_SHARE * len(own):
                score -= _W_UNDER_HEADLINE
    return score


def _folded_lines(lines: list[Line]) -> list[str]:
    """Return the casefolded texts of `lines`.

    Each line is folded on its own: casefold reads an ASCII text by a quick path, and a page
    folded whole reads every character the slow way when one of its lines is not ASCII. (The
    headline is looked for once a document mostly: a fold kept for the next pass rarely serves.)
    A line past ASCII is folded byte by byte by a table, where casefold looks each of its
    characters up in the Unicode database (five times as long; most of a page's characters
    are in its paragraphs, a third of them within Latin-1 and past ASCII, a fifth in lines
    with a few characters past Latin-1, mostly typographic quotes and dashes).
    """
    folded: list[str] = []
    for line in lines:
        text = line.text
        if text.isascii():
            folded.append(text.casefold())
        else:
            folded.append(_folded_past_ascii(text))
    return folded


def _folded_past_ascii(text: str) -> str:
    """Return `text` (not ASCII) casefolded: by the table when most of it is within Latin-1."""
    # Each character past Latin-1 is encoded as a '?' (which the table keeps): where the text
    # holds none itself, the '?'s stand where those characters do, each folded alone (none
    # folds in context).
    folded = text.encode("latin-1", "replace").translate(_LATIN1_CASEFOLD).decode("latin-1")
    if "?" in folded:
        if "?" in text:
            if folded.count("?") != text.count("?"):
                return text.casefold()  # a '?' could be either
        else:
            pieces = folded.split("?")
            # A text mostly past Latin-1 (Chinese, Greek) is read by casefold in one call,
            # not by a call for each of its characters.
            if len(pieces) > len(text) // _FOLD_ALONE_SHARE + 1:
                return text.casefold()
            parts: list[str] = []
            at = -1  # where the character past Latin-1 before the piece stands
            for piece in pieces:
                if at >= 0:
                    char = text[at]
                    # Most are typographic marks, their own folds (a call of casefold each
                    # cost more than the test).
                    parts.append(char if char in _OWN_FOLDS else char.casefold())
                parts.append(piece)
                at += len(piece) + 1
            folded = "".join(parts)
    # The two letters whose fold is no single Latin-1 character, which the table leaves (no
    # character's fold holds either).
    if "\xdf" in folded:
        folded = folded.replace("\xdf", "ss")
    if "\xb5" in folded:
        folded = folded.replace("\xb5", "\u03bc")
    return folded


# The characters past Latin-1 most often met in lines otherwise within it, each its own fold
# (test_fields checks): quotes, dashes, the ellipsis, bullets, arrows, the euro sign.
_OWN_FOLDS = "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u25ba\u2192"


# A text with more characters past Latin-1 than one in this many is folded by casefold at once.
_FOLD_ALONE_SHARE = 16


# Each Latin-1 character's fold, but for 'ß' and 'µ' (see _folded_lines; test_fields checks).
_LATIN1_CASEFOLD = bytes(
    code if code in (0xDF, 0xB5) else ord(chr(code).casefold()) for code in range(256)
)


def _with_echoes(
    lines: list[Line],
    folded: list[str],
    page: str,
    ranked: list[tuple[float, int]],
    body: metadata.BodyWords,
) -> tuple[float, int]:
    """Return the best (score, index) of `ranked`, a headline quoted in a longer line, as the
    last item of a list or as the last crumb of a breadcrumb counted. `folded` holds the lines'
    texts casefolded, `page` those joined by newlines.

    Sites quote their headline in a breadcrumb, a share text or a comment heading ('45 Gedanken
    zu „...“'); a kicker or a standfirst is rarely quoted. Only the lines that could still win
    are looked for, as the search reads the whole page.
    """
    ends = _crumb_ends(lines, page)
    if ends:
        ranked = [
            (
                score + _W_CRUMB_END if _named_by_crumb(lines[index].text, ends, body) else score,
                index,
            )
            for score, index in ranked
        ]
    best = ranked[0]
    for candidate in ranked[1:]:
        if candidate[0] > best[0]:
            best = candidate  # of equal scores the first (highest) line wins
    for score, index in ranked:
        if score + _W_QUOTED <= best[0]:
            continue
        key = _echo_key(lines[index].text)
        if len(key) <= _ECHO_MIN_CHARS:
            continue
        # The key is quoted when the page holds it more often than as whole lines, each line's
        # marks off (stripping the marks off a folded line is folding the stripped line: a mark
        # folds to itself, and no other character to a mark; test_fields checks Unicode). Only
        # the lines that hold it folded may hold it stripped: those few are stripped.
        held = alone = 0
        for k in boilerplate.lines_holding(page, key):
            stripped = folded[k].strip(_BULLETS)
            held += stripped.count(key)
            if stripped == key:
                alone += 1
        quoted = held > alone
        if not quoted and alone > 1:
            quoted = _closes_a_list(lines, folded, page, key, "\xad" in page)
        if quoted and score + _W_QUOTED > best[0]:
            best = (score + _W_QUOTED, index)
    return best


def _named_by_crumb(text: str, ends: set[str], body: metadata.BodyWords) -> bool:
    """Return whether a breadcrumb ends with `text`, and the body has all its words: a section's
    name may end a breadcrumb too ('News > Sport'), but is rarely all words of the body."""
    if _echo_key(text) not in ends:
        return False
    own = metadata.content_words(text)
    return bool(own) and body.held(own) == len(own)


def _crumb_ends(lines: list[Line], page: str | None = None) -> set[str]:
    """Return the echo keys of the last crumbs of the page's breadcrumbs ('Home > Politik > The
    headline'): a breadcrumb ends with the page it leads to. `page`: the lines' texts or their
    folds joined by newlines, when at hand (an arrow folds to itself, and nothing else to an
    arrow: test_fields checks Unicode)."""
    ends: set[str] = set()
    # Bars also part a menu's items ('Login | Contact'): a breadcrumb's arrows lead somewhere.
    # Most pages have no arrow, and most lines of the others none: the lines that hold one are
    # found by a scan of the page for each arrow.
    if page is None:
        page = "\n".join([line.text for line in lines])
    for k in _page_lines_holding(page, _ARROWS):
        crumbs = metadata.breadcrumb(_ITEM.sub("", lines[k].text).strip(_BULLETS))
        if crumbs:
            ends.add(_echo_key(crumbs[-1]))
    return ends


_ARROWS = frozenset((">", "›", "»", "→"))  # a breadcrumb's arrows


def _closes_a_list(
    lines: list[Line], folded: list[str], page: str, key: str, soft_hyphens: bool
) -> bool:
    """Return whether a line that closes a list has the echo key `key`: a breadcrumb's last
    item names the page it leads to ('* Home' / '* Magazin' / '* The headline'), as a menu's
    active item may. `folded` holds the lines' texts casefolded, `page` those joined by newlines.

    Only the lines whose fold holds `key` are looked at: an item's key is a part of its line
    folded, unless soft hyphens, which keys drop, stand in it (`soft_hyphens`: any on the page).
    """
    for k in range(len(lines)) if soft_hyphens else _page_lines_holding(page, {key}):
        line = lines[k]
        if (
            _ITEM.match(line.text)
            and not (
                k + 1 < len(lines)
                and _ITEM.match(lines[k + 1].text)
                and lines[k + 1].indent == line.indent
            )
            and _echo_key(_ITEM.sub("", line.text)) == key
        ):
            return True
    return False


def _above_standfirst(
    lines: list[Line],
    ranked: list[tuple[float, int]],
    best: tuple[float, int],
    body: metadata.BodyWords,
) -> tuple[float, int]:
    """Return the line over `best` when `best` reads as the standfirst under a headline.

    A standfirst names the body with more of its words than the headline above it does, and
    may so score higher: a long line right under a shorter one that names the body, scored
    nearly as high, is taken for the standfirst and the line above it for the headline.
    """
    count = words_of(lines[best[1]].text)
    if count < _STANDFIRST_WORDS:
        return best
    for score, index in sorted(ranked, reverse=True):
        if not 0 < best[1] - index <= _STANDFIRST_REACH or score < best[0] - _W_STANDFIRST:
            continue
        text = lines[index].text
        if not _STRONG_WORDS <= words_of(text) < count:
            continue
        own = metadata.content_words(text)
        if own and body.held(own) >= _STRONG_SHARE * len(own):
            return (score, index)
    return best


def _headline_of(lines: list[Line], folded: list[str], page: str, text: str) -> str:
    """Return the headline a title line holds: without the site's name, the kicker set before it
    or soft hyphens (`folded`: the lines' texts casefolded; `page`: those joined by newlines).

    A kicker in an element of its own is rendered on the headline's line: set off by ' : '
    (no space comes before a colon outside French typography, which other lines would show), or
    by nothing, when the rest of the line is quoted alone elsewhere on the page (a breadcrumb,
    a teaser) and the kicker does not read as the headline's first words (no colon or function
    word closes it; the rest starts with a capital).
    """
    text = _TITLE_LABEL.sub("", metadata.headline_text(text).replace("\xad", ""))
    # The page may write the line again with the kicker's element set off ('Covid-19 : ...').
    spaced = text.replace(": ", " : ", 1) if " : " not in text and ": " in text else text
    if spaced != text and any(line.text.strip() == spaced for line in lines):
        text = spaced
    if " : " in text and not _french_spacing(lines, text):
        kicker, _, rest = text.partition(" : ")
        if words_of(kicker) <= _KICKER_WORDS and words_of(rest) >= _KICKER_WORDS // 2:
            return rest
    words = text.split()
    cuts = [
        cut
        for cut in range(1, min(_KICKER_WORDS, len(words) - 2))
        if (words[cut][0].isupper() or (words[cut][0] in _QUOTES and len(words[cut]) > 1))
        and not words[cut - 1].endswith((":", ","))
        and words[cut - 1].casefold() not in ALL_STOP_WORDS
    ]
    if not cuts:
        return text
    # Only the lines that hold the title's last word could quote the rest of it alone, and only
    # those that hold its first word could quote the kicker, as a part of their own ('Kicker -
    # the headline shortened', a breadcrumb), and only those that hold the first word of a rest
    # could quote its beginning.
    head, tail = _echo_key(words[0]), _echo_key(words[-1])
    firsts = {_echo_key(words[cut]) for cut in cuts}
    quoted: set[str] = set()
    crumb_ends: dict[str, str] = {}  # a breadcrumb's last crumb, and the breadcrumb
    begun: set[str] = set()  # short lines that may quote the rest's beginning (a breadcrumb)
    joined: list[list[str]] = []
    for k in _page_lines_holding(page, {head, tail, *firsts}):
        line, fold = lines[k], folded[k]
        if line.text == text:
            continue
        if tail in fold:
            # The line's echo key from its fold (the marks stripped off a fold are those off the
            # line, see _with_echoes): a paragraph that holds the word is not folded again.
            key = fold.strip(_BULLETS).replace("\xad", "")
            quoted.add(_echo_key(_ITEM.sub("", line.text)) if key[:1].isdigit() else key)
            # A breadcrumb ends with the page's headline ('home / Wirtschaft / The headline').
            # Its step's mark is looked for first: most lines that hold the title's last word
            # are the body's paragraphs, where the pattern tries each space.
            if any(mark in line.text for mark in _STEP_MARKS) and _CRUMB_STEP.search(line.text):
                crumb_ends[_echo_key(_CRUMB_STEP.split(line.text)[-1])] = fold
        if len(line.text) <= _PARTS_LINE_CHARS and any(first in fold for first in firsts):
            begun.add(_echo_key(line.text))
        # A line is parted only by the marks of _TITLE_PART: one without is no kicker's.
        if (
            head in fold
            and len(line.text) <= _PARTS_LINE_CHARS
            and any(mark in fold for mark in _PART_MARKS)
        ):
            parts = [p.strip(_BULLETS) for p in _TITLE_PART.split(fold)]
            if len(parts) > 1:
                joined.append(parts)
    # Of two kickers the one a headline of fewer words is left by ('Lokales Lübeck So lief ...'):
    # sites stack a section and a place above a headline.
    # A kicker that is a crumb of the breadcrumb is the headline's own (a band, a series) and
    # stays ('Home > News > The Band > The headline' over 'THE BAND - The headline').
    for cut in reversed(cuts):
        rest = _echo_key(" ".join(words[cut:]))
        if rest in quoted or (
            rest in crumb_ends
            and _echo_key(" ".join(words[:cut])) not in crumb_ends[rest][: -len(rest)]
        ):
            return " ".join(words[cut:])
    # A breadcrumb may quote the rest shortened, its first half or more ('Abnehm-Tricks für
    # Weihnachten Weihnachten nicht zunehmen: 10 Tipps für ein schlankes Fest' under a crumb
    # 'Weihnachten nicht zunehmen: 10 Tipps').
    for cut in reversed(cuts):
        rest = _echo_key(" ".join(words[cut:]))
        if any(
            rest.startswith(f"{line} ") and 2 * len(line) >= len(rest) and len(line.split()) >= 3
            for line in begun
        ):
            return " ".join(words[cut:])
    for cut in cuts:
        kicker, rest = " ".join(words[:cut]).casefold(), " ".join(words[cut:])
        own = metadata.content_words(rest)
        for parts in joined:
            if kicker in parts and any(
                part != kicker and _shares_words(metadata.content_words(part), own)
                for part in parts
            ):
                return rest
    return text


def _lines_holding(texts: list[str], needles: AbstractSet[str]) -> list[int]:
    """Return the indices of `texts` (lines, or their folds) that hold one of `needles` (which
    hold no newline), in order.

    The page is searched once for each needle and each line holding it: a title's words, or a
    copyright's signs, are in few of its lines, and looking into each line for each needle is a
    loop in Python.
    """
    if "" in needles:
        return list(range(len(texts)))  # every text holds the empty string
    return _page_lines_holding("\n".join(texts), needles)


def _page_lines_holding(page: str, needles: AbstractSet[str]) -> list[int]:
    """Return the indices of the lines of `page` (texts, or their folds, joined by newlines) that
    hold one of `needles` (which hold no newline), in order (see _lines_holding)."""
    if "" in needles:
        return list(range(page.count("\n") + 1))  # every text holds the empty string
    # No line holds a newline, nor does a fold (test_fields checks Unicode): a match is inside
    # one line.
    holding: set[int] = set()
    for needle in needles:
        holding |= boilerplate.lines_holding(page, needle)
    return sorted(holding)


def _shares_words(part: set[str], headline: set[str]) -> bool:
    """Return whether most of a part's content words are the headline's."""
    return bool(part) and 2 * len(part & headline) >= len(part)


def _french_spacing(lines: list[Line], title: str) -> bool:
    """Return whether the page sets a space before colons and question marks beyond `title`."""
    page = "\n".join(line.text for line in lines)
    return len(_FRENCH_SPACING.findall(page)) > len(_FRENCH_SPACING.findall(title))


class _PageWords:
    """The words a page writes in lower case: common words of its language, so that a line of
    capitalised words among them ('Social Media', 'Letzte Aktualisierung') names no one.

    Read from the page the first time a bare name asks, as most pages have none.
    """

    def __init__(self, lines: list[Line], found: Found) -> None:
        self._lines = lines
        self._found = found  # keeps the words across the passes over one document
        self._alone: frozenset[str] | None = None  # the page's lines of one word, folded
        self._in_sentences: frozenset[str] | None = None

    def names_someone(self, names: list[str] | None) -> bool:
        """Return whether `names` are names: none of their capitalised words is a common word."""
        if not names:
            return False
        prose = self._found.prose
        if prose is None:
            # Prose only: menus, addresses and links write names in lower case too. Only the
            # lines that hold an '@' are searched for addresses (no address spans two lines):
            # the pattern, with no first letter to look for, is tried at every character.
            prose = "\n".join(
                [_without_addresses(line.text) for line in self._lines if line.kind in _PROSE_KINDS]
            )
            self._found.prose = prose
        own = {
            w.casefold()
            for name in names
            for w in name.split()
            # 'De' in 'Verónica De Vita' is a particle; 'LA' in a line of capitals is a word.
            if not w.islower() and (w.isupper() or not metadata.is_particle(w))
        }
        if any(_writes_in_lower_case(prose, word) for word in own):
            return False
        # A user name in lower case that the page's sentences write is a word ('asked').
        handles = {name for name in names if name.islower() and " " not in name}
        return not handles or self._sentence_words().isdisjoint(handles)

    def _sentence_words(self) -> frozenset[str]:
        """Return the words the page writes in lower case in its sentences, not on a line alone
        (a user's name is, in a menu or over a comment)."""
        if self._in_sentences is None:
            self._in_sentences = frozenset(
                word
                for line in self._lines
                if line.kind in _PROSE_KINDS and line.text.count(" ") >= _SENTENCE_SPACES
                for word in _PROSE_WORD.findall(_without_addresses(line.text))
                if word.islower()
            )
        return self._in_sentences

    def before_categories(self, words: list[str]) -> list[str] | None:
        """Return the name that `words` of a blog's entry line open with, before the category
        that the page also sets alone on a line ('Jane Doe Netzwerk' beside '* Netzwerk'), or
        None when no word is one: then the name's end is not known."""
        alone = self._alone_words()
        cut = len(words)
        while cut > 1 and words[cut - 1].casefold() in alone:
            cut -= 1
        if cut == len(words):
            return None
        names = [" ".join(words[:cut])]
        return names if self.names_someone(names) else None

    def _alone_words(self) -> frozenset[str]:
        """Return the page's lines of one word, folded: its menus' sections and categories."""
        if self._alone is None:
            self._alone = frozenset(
                line.text.strip(_BULLETS).casefold()
                for line in self._lines
                if " " not in line.text.strip(_BULLETS)
            )
        return self._alone

    def without_section(self, name: str) -> str:
        """Return `name` without a last word that the page sets alone on a line as a section or a
        tag ('Jane Doe Kultur' beside '* Kultur' in the menu), unless the page writes the whole
        name again; two name words stay."""
        words = name.split()
        if len(words) < _SECTION_NAME_WORDS:
            return name
        if words[-1].casefold() not in self._alone_words() or metadata.is_particle(words[-2]):
            return name
        # A name the page writes so again is the name as such ('Rechtsanwalt Jane Tölle' beside
        # a menu's '+ Tölle'); a section glued on is rendered so once.
        if sum(name in line.text for line in self._lines) > 1:
            return name
        return " ".join(words[:-1])


def _without_addresses(text: str) -> str:
    """Return `text` with its e-mail addresses and user names ('@jdoe') made spaces."""
    return _ADDRESS.sub(" ", text) if "@" in text else text


def _writes_in_lower_case(prose: str, word: str) -> bool:
    """Return whether `word` is one of the words in lower case of `prose`: of its _PROSE_WORD
    matches, those that are lower case.

    The word is looked for as text and the match read where it stands, not every word of the
    page (a name's two or three words are asked about, on a page of hundreds). A match stands
    after no letter, so it is a match of the page's findall too.
    """
    if not word.islower():
        return False
    at = prose.find(word)
    while at >= 0:
        match = _PROSE_WORD.match(prose, at)
        if match is not None and match.group() == word:
            return True
        at = prose.find(word, at + 1)
    return False


def _named_again(lines: list[Line], index: int, name: str) -> bool:
    """Return whether a line of the page other than line `index` names the user `name` as a name:
    alone ('* janedoe', a menu's link) or capitalised ('Janedoe', the site's name); prose writes
    a word of the language in lower case ('by contrast')."""
    folded, capitalised = name.casefold(), name[:1].upper() + name[1:]
    return any(
        k != index and (capitalised in line.text or line.text.strip(_BULLETS).casefold() == folded)
        for k, line in enumerate(lines)
    )


def _next_worded(lines: list[Line], index: int, step: int) -> int | None:
    """Return the index of the next line from `index` in direction `step` that holds a word or a
    number, over lines of bullets alone ('*') and a person's handle or e-mail address, or None."""
    near = index + step
    while 0 <= near < len(lines) and _unworded(lines[near].text):
        if index - _EMPTY_ITEMS > near or near > index + _EMPTY_ITEMS:
            return None
        near += step
    return near if 0 <= near < len(lines) else None


def _unworded(text: str) -> bool:
    """Return whether a line holds no word and no number, or a person's handle or e-mail
    address alone."""
    # A line that opens with an ASCII capital (most) holds a letter, and holds no handle or
    # address (_CONTACT reads lower case after its marks): told before the patterns are tried.
    if "A" <= text[:1] <= "Z":
        return False
    return _ALNUM.search(text) is None or _CONTACT.match(text) is not None


# A letter or a digit: [^\W_] is what str.isalnum() accepts (test_metadata checks all of
# Unicode); one search in C, where a generator over the line's characters ran in Python.
_ALNUM = re.compile(r"[^\W_]")
# The person's handle or e-mail address under the name, over the date: 'jdoe', 'jdoe@example.org'.
_CONTACT = re.compile(
    r"^[\s*•·+@-]*(?:[a-z0-9._-]+@[\w.-]+\.[a-z]{2,}|@?[a-z][a-z0-9._]{5,29})\s*$"
)


_EMPTY_ITEMS: Final = 8  # lines of bullets alone that may stand between a name and its date line


def _more_names(lines: list[Line], index: int) -> list[str]:
    """Return the names that a byline set one to a line continues with on line `index`: a
    connector alone, then a name ('By' / 'Jane Doe' / 'and' / 'John Roe'); the lines are marked."""
    if index + 1 >= len(lines) or not _CONNECTOR_LINE.match(lines[index].text):
        return []
    names = metadata.name_line(lines[index + 1].text)
    if not names or lines[index + 1].rule not in (None, "byline"):
        return []
    lines[index].rule = lines[index + 1].rule = "byline"
    return names + _more_names(lines, index + 2)


_FAR_BYLINE_CHARS: Final = 100  # a longer line is prose, no byline


def _far_byline(lines: list[Line], end: int, page: _PageWords) -> list[str]:
    """Return the people the first byline far under the body (which ends before line `end`)
    names in full after an opener that says who wrote ('Publicado por Alberto González'), above
    the page's comments; the line is marked. Nearer lines were read as the body's metadata
    (mark_metadata takes such a byline up to _SIGNED_REACH lines after the body)."""
    for index in range(end + _SIGNED_REACH, len(lines)):
        line = lines[index]
        text = line.text
        names = None
        if line.rule is None and len(text) <= _FAR_BYLINE_CHARS and " " in text:
            names = metadata.strong_byline(text)
            if names is None and ("编辑" in text or "作者" in text):
                names = metadata.cjk_byline(text)  # '责任编辑：孔德明': the editor in charge
        if names and page.names_someone(names):
            # Only now the lines above it are read for a heading over comments: few pages
            # get here.
            if any(boilerplate.is_closing(other.text) for other in lines[end:index]):
                return []
            line.rule = "byline"
            return names
    return []


def _bio_box(lines: list[Line], index: int) -> tuple[int, int, list[str]] | None:
    """Return (line, its biography's line, the name) when line `index` holds a person's name alone
    and the next line with words is a biography that opens with it ('Jane Doe ist ...')."""
    line = lines[index]
    if line.rule is not None or not 1 <= line.spaces() <= _BIO_NAME_SPACES:
        return None
    below = _next_worded(lines, index, 1)
    if below is None or lines[below].rule is not None:
        return None
    bio = lines[below].text
    if not bio.startswith(line.text.strip(_BULLETS) + " ") or words_of(bio) > _BIO_MAX_WORDS:
        return None
    names = metadata.name_line(line.text)
    if not names or len(names) > 1 or not metadata.bio_start(bio, names):
        return None
    return index, below, names


_BIO_NAME_SPACES: Final = 4  # a name line with a bullet has this many spaces at most
_BIO_MAX_WORDS: Final = 80  # a biography in a box has this many words at most


def _signature(lines: list[Line], index: int, end: int) -> list[str] | None:
    """Return the person who signs the text on line `index`: in brackets after the last sentence
    of the body (which ends before line `end`), or alone on the line between a paragraph and the
    text's notes, or None."""
    text = lines[index].text
    if text[-1:] in _SIGNATURE_MARKS and _SENTENCE_CLOSE.search(text) is None:
        # The last paragraph only, and no quote's: '"..." (Jane Doe)' names who said it.
        signed = _SIGNED_PARAGRAPH.search(text) if index >= end - 1 else None
        if signed is None:
            return None
        names = metadata.person_names(signed.group("names"))
        return names if names and all(" " in name for name in names) else None
    if not 1 <= lines[index].spaces() <= _SIGNATURE_SPACES or index == 0:
        return None
    if text[:2] in _DASHES and index >= end - 1:
        return _dashed_signature(lines, index)
    below = _next_worded(lines, index, 1)
    if below is None or not _NOTE.match(lines[below].text):
        return None  # most lines: no note under them
    above = _next_worded(lines, index, -1)
    if above is None or not is_paragraph(lines[above]):
        return None
    return metadata.name_line(text)


def _dashed_signature(lines: list[Line], index: int) -> list[str] | None:
    """Return the name a dash sets off under the text ('- Jane Doe'), or None: a list's item
    when the lines beside it are dashed too."""
    beside = [lines[k].text[:2] for k in (index - 1, index + 1) if 0 <= k < len(lines)]
    if any(mark in _DASHES for mark in beside):
        return None
    if lines[index - 1].text.rstrip()[-1:] in _CLOSING_QUOTES:
        return None  # '"..."' / '- Jane Doe' names who said the quote above
    return metadata.name_line(lines[index].text[2:])


_DASHES: Final[tuple[str, ...]] = ("- ", "– ", "— ")
_CLOSING_QUOTES = "\"“”»«'’"
_SIGNATURE_SPACES: Final = 3  # a name alone on its line has this many spaces at most
# What closes a paragraph signed in brackets: the bracket, maybe marks that end the story. Each
# is one character: a text's last is looked up (compiled, endswith() of a tuple tried each mark
# in turn, for every paragraph of the body).
_SIGNATURE_MARKS: Final = frozenset(")+#*■□◆")
_SIGNED_PARAGRAPH: Final = re.compile(r"[.!?…]\s+\((?P<names>[^()\d]{5,60})\)[\s+#*■□◆]*$")
# A note under the text: '(1) ...', '[1] ...', '1) ...', '¹ ...', '* ...'.
_NOTE: Final = re.compile(r"^\s*(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])\s*\S")


def _among_names(lines: list[Line], index: int) -> bool:
    """Return whether the name on line `index` is one of a list of people: the worded line above
    or under it holds a name too (the signatories of a letter, a team)."""
    return any(
        near is not None and metadata.name_line(lines[near].text) is not None
        for near in (_next_worded(lines, index, -1), _next_worded(lines, index, 1))
    )


def _user_names(names: list[str]) -> bool:
    """Return whether `names` are user names of a site's accounts, in lower case ('jdoe')."""
    return all(name.islower() and " " not in name for name in names)


_CENTURIES: Final = frozenset(("19", "20"))  # what every year metadata.COPYRIGHT finds opens with
_ACCOUNT_REACH: Final = 8  # lines from an account's byline where a writer's byline wins over it


def _name_list(lines: list[Line], index: int) -> list[str]:
    """Return the names set one to a line from line `index` on, while a comma (or a connector
    opening the next line) says that the list goes on: 'Jane Doe,' / 'John Roe,' / 'and Ann Lee'."""
    names: list[str] = []
    for line in lines[index : index + _LIST_NAMES]:
        if line.rule is not None:
            break
        text = _LEADING_AND.sub("", line.text) if names else line.text
        found = metadata.name_line(text)
        if found is None or len(found) > 1:
            break
        names.extend(found)
        if not line.text.endswith(","):
            break
    return names


_LIST_NAMES = 12  # a longer list of names is a list of people, not of a text's authors
_LEADING_AND = re.compile(r"^[\s*•·+-]*(?:and|und|et|y|&)\s+", re.IGNORECASE)


def _author_box(lines: list[Line], index: int, names: list[str]) -> bool:
    """Return whether the name on line `index` heads an author box: the line above it is a
    heading with an opener ('Autoren', 'Über den Autor'), a role follows the name on its line
    ('Jane Doe Autorin'), or one of the next lines names the
    person again ('Martin Junker ist ...', 'Alle Beiträge von Martin Junker') or links to the
    person's posts ('Weitere Beiträge', 'All articles')."""
    if index > 0 and metadata.author_heading(lines[index - 1].text):
        return True
    if metadata.role_after_name(lines[index].text):
        return True  # 'Jane Doe Autorin': the role says whose name it is
    surname = names[0].split()[-1]
    # The surname alone in a line of a few words is a sibling in a list of things ('Eiche
    # Baumbeschreibung' / 'Birke Baumbeschreibung'), or an address ('Tierheim Berlin' / '13057
    # Berlin'); a bio names the person in full or in a sentence.
    return any(
        (
            surname in line.text
            and (
                names[0] in line.text
                or (words_of(line.text) >= _BIO_WORDS and line.text[:1] not in metadata.ITEM_MARKS)
            )
        )
        or metadata.posts_link(line.text)
        for line in lines[index + 1 : index + 1 + _BOX_LINES]
    )


def _echo_key(text: str) -> str:
    # Soft hyphens are invisible: a headline hyphenated so is quoted by a line without them.
    return text.strip(_BULLETS).casefold().replace("\xad", "")


def is_paragraph(line: Line) -> bool:
    """Return whether a line is a paragraph of the body, not a headline.

    A long line is a paragraph; a shorter one only when it ends as a sentence does, and not with
    a question or exclamation mark, which a headline may end with too.
    """
    if line.kind != boilerplate.PROSE:
        return False
    text = line.text
    # Its end first, read at once: most paragraphs end as sentences do, and are not split.
    if _closes_sentence(text) and not text.endswith(("?", "!", "?»", "?“", '?"')):
        return True
    # Split no further than the words that make it long: a paragraph's hundreds of words were
    # each made a string to be counted.
    return len(text.split(None, _HEADLINE_MAX_WORDS)) > _HEADLINE_MAX_WORDS


# _SENTENCE_CLOSE's marks: one closes a sentence, and these may follow it.
_SENTENCE_MARKS: Final = frozenset(".!?…:;")
_AFTER_SENTENCE: Final = "\"'”’»)"


def _closes_sentence(text: str) -> bool:
    """Return whether `text` ends as a sentence does: _SENTENCE_CLOSE.search(text), read from
    its end, where the search tried the pattern at each of a paragraph's marks.

    The mark is the character before the quotes and brackets that end the text (no mark is
    one), or before a final newline, as $ matches there too.
    """
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(_AFTER_SENTENCE)[-1:] in _SENTENCE_MARKS
