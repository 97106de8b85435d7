"""Metadata: recognise the lines of a page that state its title, date, outlet, authors and section.

Each recogniser looks at one line (or the head of the first paragraph) and answers only for what
the line states; nothing is guessed. The cleaner decides which lines to ask about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dedup.dates import DateMatch, date_line_remainder, find_date
from dedup.language import ALL_STOP_WORDS, words

# Crumbs that name a site's structure rather than a section.
_GENERIC_CRUMBS = {
    "home", "homepage", "start", "startseite", "accueil", "inicio", "portada", "strona główna",
    "content", "article", "articles", "text", "story", "stories", "index", "main", "details",
    "detail", "full text", "artikel", "article complet", "you are here", "sie sind hier",
    "vous êtes ici", "news",
}  # fmt: skip
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>|›|»|→|/|\|)\s*")
_BREADCRUMB = re.compile(r"^[^>›»→|/]{1,40}(?:\s*(?:>|›|»|→|\|)\s*[^>›»→|/]{1,60}){1,7}$")

_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|door|przez|av|af|autor(?:in)?:|author:|written by|reported by|"
    r"text:|texte:|texto:)\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’\-.]*|de|da|van|von|der|den|la|le|el|al|bin|di|du|dos|del)"
    r"(?:\s+(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’\-.]*|de|da|van|von|der|den|la|le|el|al|bin|di|du|dos|del)){0,4}$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b)\s*")
# What follows a byline's names and is not a name: a role, the outlet, a date.
_BYLINE_TAIL = re.compile(
    r"\s*(?:\||·|•|—|–| - |\bfor\b|\bin\b|\bat\b|\bupdated\b|\bpublished\b|\bposted\b|"
    r"\bstaff\b|\bcorrespondent\b|\breporter\b|\bwriter\b|\beditor\b|\bdpa\b|\(|,\s*\d).*$",
    re.IGNORECASE,
)

# Words that name news outlets; a short capitalised line ending in one is a masthead.
_OUTLET_WORD = (
    r"(?:Daily|Times|Post|News|Herald|Journal|Tribune|Gazette|Telegraph|Guardian|Observer|"
    r"Chronicle|Independent|Express|Mail|Star|Standard|Courier|Monitor|Record|Review|Inquirer|"
    r"Today|Press|Agency|Wire|Zeitung|Allgemeine|Rundschau|Presse|Nachrichten|Anzeiger|Kurier|"
    r"Tagblatt|Abendblatt|Morgenpost|Spiegel|Stern|Focus|Monde|Figaro|Libération|Parisien|"
    r"País|Mundo|Vanguardia|Corriere|Repubblica|Stampa|Gazeta|Rzeczpospolita|Dziennik|Wyborcza)"
)
_MASTHEAD = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){{0,3}}{_OUTLET_WORD}$")
# Agencies and broadcasters that sign wire copy by name alone.
_AGENCIES = {
    "xinhua", "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg",
    "dpa", "efe", "ansa", "kyodo", "yonhap", "tass", "ria novosti", "interfax", "pti", "ians",
    "upi", "bbc", "cnn", "cgtn", "apa", "sda", "kna", "epd", "kap", "pap", "ctk", "anp", "belga",
    "notimex", "europa press", "agência brasil", "lusa", "ani", "bernama", "antara", "aa",
    "anadolu", "sputnik", "nhk", "abc", "nbc", "cbs", "fox news", "al jazeera", "dw",
}  # fmt: skip
_TRAILER = re.compile(r"^\(\s*(?P<outlet>[A-Z][\w'’.&\- ]{1,40}?)\s*\)$")
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]*[A-ZÀ-ÖØ-Þ](?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    r"(?:,\s+(?P<when>[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"(?:\s*\((?P<outlet>[^()]{2,40})\))?"
    r"\s*(?:--|—|–|-|:)\s+(?=\S)"
)
# Words an uppercase lead may start with that are labels, not places.
_NOT_PLACES = {
    "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS", "ANALYSIS",
    "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "LIVE", "READ", "ALSO READ", "READ MORE",
    "RELATED", "MORE", "SEE ALSO", "FILE", "PHOTO", "Q", "A", "EDITOR'S NOTE", "WARNING",
}  # fmt: skip
# Metadata glued to the front of a body line: an optional label, then a date.
_GLUED_LABEL = re.compile(
    r"^\s*(?:(?:date|dated|published|posted|updated|datum|date de publication|fecha|data)\s*:?\s*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dateline:
    """The wire dateline at the head of a body: place, and the outlet it names."""

    place: str
    outlet: str | None
    end: int  # where the dateline ends in the paragraph


def breadcrumb(line: str) -> list[str] | None:
    """Return the crumbs of a breadcrumb line ('Home > News > China Focus'), or None."""
    if len(line) > 160 or not _BREADCRUMB.match(line):
        return None
    crumbs = [c.strip() for c in _CRUMB_SEPARATOR.split(line) if c.strip()]
    if len(crumbs) < 2 or any(len(c.split()) > 6 for c in crumbs):
        return None
    if line.count("/") and not any(sep in line for sep in (">", "›", "»", "→", "|")):
        return None  # slashes alone are dates, paths and "and/or", not breadcrumbs
    if sum(c[0].isupper() or not c[0].isalpha() for c in crumbs) < len(crumbs) - 1:
        return None
    return crumbs


def section_of(crumbs: list[str], title: str | None = None) -> str | None:
    """Return the most specific crumb that names a section, or None."""
    folded_title = title.casefold() if title else None
    named = [
        c for c in crumbs if c.casefold() not in _GENERIC_CRUMBS and c.casefold() != folded_title
    ]
    return named[-1] if named else None


def byline(line: str) -> list[str] | None:
    """Return the author names a byline states ('By Cao Desheng' -> ['Cao Desheng']), or None."""
    if len(line) > 120:
        return None
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    names_part = _BYLINE_TAIL.sub("", match.group("names")).strip(" .,:;")
    names = [n.strip(" .") for n in _NAME_SPLIT.split(names_part) if n.strip(" .")]
    if not names or any(not _NAME.match(n) for n in names):
        return None
    if any(not any(ch.isupper() for ch in n) for n in names):
        return None
    return names


def outlet_name(text: str) -> str | None:
    """Return `text` as an outlet's name when it reads as one ('China Daily', 'Xinhua'), or None."""
    name = text.strip(" \t-–—|·•:")
    if not name or len(name) > 50 or len(name.split()) > 5:
        return None
    if name.casefold() in _AGENCIES:
        return name
    if _MASTHEAD.match(name):
        return name
    return None


def trailer(line: str) -> str | None:
    """Return the outlet of a closing '(Global Times)' line, or None."""
    match = _TRAILER.match(line.strip())
    if not match:
        return None
    name = match.group("outlet").strip()
    if name.casefold() in _AGENCIES or _MASTHEAD.match(name):
        return name
    return None


def wire_dateline(paragraph: str) -> Dateline | None:
    """Return the dateline at the start of a body ('BEIJING, April 20 (Xinhua) --'), or None."""
    match = _WIRE_DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 3 or place.split(",")[0].strip() in _NOT_PLACES:
        return None
    rest = paragraph[match.end() :]
    if len(rest.split()) < 5:  # a heading or a label, not the lead of a story
        return None
    outlet = match.group("outlet")
    return Dateline(place=place, outlet=outlet.strip() if outlet else None, end=match.end())


def glued_date(line: str) -> tuple[DateMatch, int] | None:
    """Return a date glued to the front of a body line ('date 2021-04-20 BEIJING ...') and its end.

    Only a date that opens the line (after an optional label) and is followed by more prose counts.
    """
    label = _GLUED_LABEL.match(line)
    offset = label.end() if label else 0
    found = find_date(line[offset : offset + 60])
    if found is None or found.start != 0:
        return None
    end = offset + found.end
    if len(line[end:].split()) < 8:
        return None
    return found, end


def date_line(line: str) -> tuple[DateMatch, str] | None:
    """Return the date a line states and what else it carries, when the line is a date line."""
    if len(line) > 160:
        return None
    return date_line_remainder(line)


# A headline: a few words, no closing full stop (a question or exclamation mark may close it).
_HEADLINE_WORDS = (1, 30)
_MIN_OVERLAP = 0.3
# A list item's marker: a bullet, a dash or a number; a headline never wears one.
_LIST_MARKER = re.compile(r"^(?:[*•·◦▪►>+o-]|\d{1,2}[.)])\s")


def content_words(text: str) -> set[str]:
    """Return the words of `text` that carry content: three letters or more, not stop words."""
    return {w for w in words(text) if len(w) >= 3 and not w.isdigit() and w not in ALL_STOP_WORDS}


def headline_score(line: str, body_words: set[str], distance: int) -> float | None:
    """Return how much `line` reads as the headline of a body with `body_words`, or None.

    A headline names what the body is about, so most of its content words recur in the body; it
    stands close above the body. `distance` counts the lines between it and the first paragraph.
    """
    count = len(line.split())
    if not _HEADLINE_WORDS[0] <= count <= _HEADLINE_WORDS[1] or line.endswith((".", ",", ":")):
        return None
    if _LIST_MARKER.match(line):
        return None
    own = content_words(line)
    if not own:
        return None
    overlap = len(own & body_words) / len(own)
    if overlap < _MIN_OVERLAP:
        return None
    return overlap + min(count, 8) / 16 - 0.02 * distance
