"""Metadata: recognise the lines of a page that state its title, date, outlet, authors and section.

Each recogniser looks at one line (or the head of the first paragraph) and answers only for what
the line states; nothing is guessed. The cleaner decides which lines to ask about.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from dedup.dates import (
    DateMatch,
    date_line_of,
    date_line_remainder,
    find_date,
    find_dates,
    is_date_word,
    may_hold_date,
)
from dedup.language import ALL_STOP_WORDS, IGNORECASE_APART, STOP_WORDS, latin1, lower


def _opening_with(chars: str, pattern: str) -> str:
    """Return `pattern` behind a look-ahead for `chars`, a class of the characters every match
    of it opens with (as the pattern's flags match them; test_metadata generates matches).

    A search tries each alternative of a pattern at every character when none opens with a
    letter of fixed case (or opens with \\s*), up to hundreds of instructions a character;
    the look-ahead tells most characters by one test of the class. The matches are the same.
    """
    return rf"(?=[{chars}])(?:{pattern})"


# The patterns, sets and bounds that the tests of a line read (the author's, the copyright's)
# are Final: compiled, each is a C variable (a number or a text is written in), where a module's
# name is looked up in its dict at every use.

# The short lines of menus, comment threads and bylines recur on a page and across a site's
# pages; these tests of a line alone, pure and returning what no caller can change, are kept.
_LINE_CACHE = 8192

# A site's home page, a trail's root; alone or after the site's name ('FT Home').
_HOME_CRUMBS = {
    "home", "homepage", "start", "startseite", "hauptseite", "accueil", "inicio", "portada",
    "strona główna",
}  # fmt: skip
# Crumbs that name a site's structure rather than a section.
_GENERIC_CRUMBS = _HOME_CRUMBS | {
    "index", "main", "news", "stories", "topics", "themen", "rubriken", "catégories",
}  # fmt: skip
# What a trail's first step may say before the trail begins: 'You are in > ...'.
_LEAD_INS = {
    "you are here", "you are in", "you are at", "sie sind hier", "sie befinden sich hier",
    "du bist hier", "vous êtes ici", "vous êtes sur", "usted está aquí", "estás aquí", "estás en",
    "jesteś tutaj", "ti trovi in", "sei qui", "u bent hier", "je bent hier",
}  # fmt: skip
# What a trail's last step names when it is the page itself, not a section: the kind of page
# ('Article', 'Story'), alone or as the last word of a step ('Detailed Story', 'Full Story').
_PAGE_KINDS = {
    "content", "article", "articles", "artikel", "text", "story", "details", "detail",
    "full text", "article complet", "volltext", "beitrag", "nachricht", "noticia", "notizia",
}  # fmt: skip
# A site's own pages: a trail that passes through one leads to them, not to an article; a row
# that begins with one is a menu ('Feedback » Letters » Classifieds').
_SITE_PAGES = {
    "search", "suche", "recherche", "buscar", "sitemap", "rss", "login", "log in", "sign in",
    "sign out", "sign up", "register", "registrieren", "anmelden", "abmelden", "contact",
    "contact us", "kontakt", "impressum", "imprint", "datenschutz", "privacy", "help", "hilfe",
    "aide", "ayuda", "faq", "feedback", "preferences", "einstellungen", "subscribe", "abonnieren",
}  # fmt: skip
# A link's words, no step of a trail: 'View All » Top Jobs', 'zum Marktplatz > Menü'.
_NAVIGATION = {
    "menu", "menü", "menú", "more", "mehr", "plus", "más", "view all", "see all", "show all",
    "read more", "see also", "more news", "alle anzeigen", "weiterlesen", "weiter", "zurück",
    "back", "next", "previous", "voir tout", "voir plus", "lire la suite", "ver más", "ver todo",
    "leggi tutto", "don't miss", "nicht verpassen", "mehr zum thema", "à lire aussi",
}  # fmt: skip
_ALL_WORDS = {"all", "alle", "tous", "toutes", "todos", "todas", "tutti", "tutte", "wszystkie"}
_ARROWS = (">", "›", "»", "→")
_CRUMB_BULLETS = "*+•·-– "  # a list's bullet before the first step
_INNER_DOT = re.compile(r"\w\.\w")
_SECTION_WORDS_MAX = 4  # a longer step is a page's title, not a section's name
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>|›|»|→|/|\|)\s*")
_BREADCRUMB = re.compile(r"^[^>›»→|/]{1,40}(?:\s*(?:>|›|»|→|\|)\s*[^>›»→|/]{1,60}){1,7}$")
# A line of a list that is one step of a trail set a step a line ('* > Sport'), or a link.
_LONE_STEP = re.compile(r"^[*+•·o–-]?\s*[>›»→]\s*([^>›»→|]*\w[^>›»→|]*)$")
# An arrow spaced before but glued to the next word is a quote's or a list's mark, no step's
# separator ('+ Aus den >Marginalien'); a shell's prompt opens a command ('$ ls > files.txt').
_GLUED_ARROW = re.compile(r"\s[>›»→][^\W_]")
_SHELL_PROMPT = re.compile(r"^\s*[$%#]\s")
# Letters read in the wrong encoding: Latin-1's signs among the letters ('î¶¯Æô¶¯').
_MOJIBAKE = re.compile(r"[\u00a1-\u00bf].*[\u00a1-\u00bf]")
# A year or a day, a step of a date archive ('2010 » Oktober » 26') or a list's number ('2.').
_ARCHIVE_NUMBER = re.compile(r"\d{1,4}\.?")

# What opens a byline: a phrase that says who wrote, posted or published, then the names. The
# strong openers say so outright, so a lower-case user name after them is taken as a name too.
_STRONG_OPENER = (
    # German's gendered forms first, so that 'Autor:in Jane Doe' is not 'Autor:' and 'in ...'.
    r"(?:autor|verfasser|redakteur)[*/_:]in(?:nen)?(?=[\s:])|"
    # A forum's thread: who opened it wrote its first post.
    r"thread\s+starter|themenstarter|started\s+by|"
    r"(?:posted|written|reported|published|created|edited|words|story|text)\s+by|"
    r"(?:geschrieben|eingestellt|erstellt|verfasst|gepostet|gespeichert|veröffentlicht|publiziert|"
    # The kind of text may wear a word before it: 'Ein Beitrag von', 'Blog-Beitrag von'.
    r"(?:eine?\s+|(?!(?:der|die|das|dem|den|des|dieser|diese[mnrs]?|zum|zur|im|am)\s)\w+[\s-])?"
    r"(?:beitrag|artikel|interview|kommentar|gastbeitrag|text|bericht|kolumne|"
    r"reportage|analyse|glosse|rezension|essay))\s+von|(?:column|essay|analysis|review)\s+by|"
    r"(?:publié|écrit|rédigé|posté|proposé)\s+par|(?:publicado|escrito|redactado)\s+por|"
    # Italian, Dutch, the Scandinavian languages.
    r"(?:scritto|pubblicato|redatto)\s+da|a\s+cura\s+di|(?:geschreven|gepubliceerd)\s+door|"
    r"(?:skrevet|skriven|skrivet)\s+a[fv]|"
    r"(?:text(?:e|o)?|tekst)\s*(?:&|und|and|et|y|e|i|\+)\s*(?:fotos?|bilder?|photos?)\s*:|"
    r"(?:autor(?:in)?|author|auteur|verfasser(?:in)?|redakteur(?:in)?|redaktion|reporter|texte?|texto|"
    r"kolumnist(?:\*?in)?|escribe|interview|autore|autrice|kirjoittaja|teksti|szerző|yazar|tekst|"
    r"redacci[oó]n|reda[cç][aã]o|redazione|rédaction)\s*:|"
    r"autor(?:in|en|innen|a|e)?|autrice|authors?|auteurs?|escribe"
)
_WEAK_OPENER = r"by|von|vom|durch|par|por|di|door|przez|av|af"
# Every byline holds one of these words; a line without one is no byline.
_OPENERS = (
    rf"(?<!\w)(?:{_WEAK_OPENER}|autor|autorin|autoren|author|authors|auteur|auteurs|verfasser|verfasserin|redakteur|"
    r"redakteurin|redaktion|reporter|texte?|texto|kolumnist|escribe|autore|autora|autrice|scritto|"
    r"pubblicato|redatto|geschreven|gepubliceerd|skrevet|skriven|skrivet|kirjoittaja|teksti|szerző|"
    r"yazar|tekst|redacción|redaccion|redação|redacao|redazione|rédaction|interview|starter|"
    r"themenstarter)(?!\w)"
)
_OPENER_ANYWHERE: Final = re.compile(_OPENERS, re.IGNORECASE)
# The same words for a quick test on a line's words, punctuation made spaces.
_OPENER_WORDS: Final = frozenset({
    "by", "von", "vom", "durch", "par", "por", "di", "door", "przez", "av", "af", "autor", "autorin", "author",
    "autoren", "authors", "auteurs",
    "auteur", "verfasser", "verfasserin", "redakteur", "redakteurin", "redaktion", "reporter", "text",
    "texte", "texto", "kolumnist", "escribe", "interview", "autore", "autora", "autrice", "scritto",
    "pubblicato", "redatto", "geschreven", "gepubliceerd", "skrevet", "skriven", "skrivet",
    "kirjoittaja", "teksti", "szerző", "yazar", "tekst", "redacción", "redaccion", "redação",
    "redacao", "redazione", "rédaction", "starter", "themenstarter",
})  # fmt: skip
# Openers that name a desk, which a page credits as it would a person ('Por Redacción Diario X').
_DESK_WORDS: Final = frozenset(
    {"redacción", "redaccion", "redação", "redacao", "redazione", "rédaction"}
)
# Splits a text into the runs that _OPENER_ANYWHERE's (?<!\w) and (?!\w) bound.
_NON_WORD_RUN = re.compile(r"\W+")


def _has_opener(text: str) -> bool:
    """Return whether `text` holds a byline's opener as a word: _OPENER_ANYWHERE.search, done
    as a set lookup of its lower-cased words (the search tries every opener at every position),
    unless the text holds one of IGNORECASE_APART (test_metadata checks all of Unicode: lower()
    turns every other character into the one the pattern matches it as, and keeps it a word's or
    not)."""
    if not text.isascii():
        for char in IGNORECASE_APART:
            if char in text:
                return _OPENER_ANYWHERE.search(text) is not None
    return _OPENER_RUNS.held_in(text)


def _holds_word(text: str, words: frozenset[str], breaks: re.Pattern[str], marks: str) -> bool:
    """Return whether one of `words` is a part of `text` split at the runs `breaks` matches:
    `not words.isdisjoint(breaks.split(text))`, for `words` of letters and digits alone,
    `breaks` that match every white space character and no letter or digit, and `marks`, some
    of the characters `breaks` matches.

    The pattern tests each character against its set, the cost of the test; a split at white
    space in C comes first. A token of letters and digits alone is a part as it stands, and so
    is one once the marks at its ends are off ('Autor:', '(by'): only the others ('autor/in',
    'e.g.') go through the pattern.
    """
    tokens = text.split()
    if not words.isdisjoint(tokens):
        return True
    inner: list[str] = []
    for token in tokens:
        if not token.isalnum():
            token = token.strip(marks)
            if token.isalnum():
                if token in words:
                    return True
            elif token:
                inner.append(token)
    return bool(inner) and not words.isdisjoint(breaks.split(" ".join(inner)))


# The marks that _WORD_BREAKS matches besides white space ...
_BREAK_MARKS = ":;,.|/*•·()[]-–—_\"'«»„“”"
# ... and those of them that _NON_WORD_RUN matches: all but '_', a word's character.
_NON_WORD_MARKS = _BREAK_MARKS.replace("_", "")
_PUNCTUATION_TO_SPACE: Final = str.maketrans({ch: " " for ch in _BREAK_MARKS})
# The same words in one C pass: a split at runs of spaces and of those marks. The empty words it
# leaves at the ends are no opener, so a test of openers reads the same as with translate().
_WORD_BREAKS: Final = re.compile(r"[\s:;,.|/*•·()\[\]\-–—_\"'«»„“”]+")


# The characters past Latin-1 that _WordsAmongParts reads by a byte of its own, in place of the
# C1 controls (0x80-0x9f) of Latin-1: the marks and the white space (\x85 among it) that
# _WORD_BREAKS matches, Kelvin's 'K' and 'ő' and 'Ő', which lower to letters of the openers, and
# the Polish letters that follow 'by' most often in a word ('było'). Any other is read as a '?'.
_WIDE_CHARS: Final = (
    "–—“”„•\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u212aőŐłęążś"
)
_WIDE_DECODING: Final = (
    "".join(map(chr, range(0x80))) + _WIDE_CHARS + "".join(map(chr, range(0xA0, 0x100)))
)
_WIDE_MAP: Final = codecs.charmap_build(_WIDE_DECODING)
_charmap_encode: Final = codecs.charmap_encode


def _wide_bytes(text: str) -> bytes:
    """Return `text` in _WIDE_MAP's bytes, each character outside it a '?'."""
    return _charmap_encode(text, "replace", _WIDE_MAP)[0]


class _WordsAmongParts:
    """`words` looked up among the parts of a text lower-cased and split at the runs `breaks`
    matches: _holds_word(lower(text), words, breaks, marks), with its conditions.

    A text past Latin-1 is read in _WIDE_MAP's bytes, each character outside the map a '?'. The
    answer is the text's where each of those lowers to what its '?' reads as. Where `breaks`
    matches no '?' (_WORD_BREAKS): to no break, and not to letters of a word alone (its part is
    no word, as the '?''s is not). Where `breaks` matches one (_NON_WORD_RUN): to no letter of a
    word, so that each word among the text's parts is one of the bytes' too; a '?' for a letter
    may part a word off a longer one ('by?o' for 'było'), and a word found is asked again.
    `misread` holds the characters that do not ('İ' lowers to 'i' and a mark), which a text is
    read whole for; test_metadata checks all of Unicode.
    """

    def __init__(
        self, words: frozenset[str], breaks: re.Pattern[str], marks: str, misread: str
    ) -> None:
        self.words = words
        self.breaks = breaks
        self.marks = marks
        self.misread = misread
        # Latin-1 lower-cases one character to one within Latin-1 (see language.lower): a table
        # of bytes lower-cases a text so and makes each character `breaks` matches a space, at
        # which bytes.split() parts it (it parts at the white space of ASCII alone, all breaks).
        self.table = bytes(
            ord(" ") if breaks.fullmatch(lower(chr(code))) else ord(lower(chr(code)))
            for code in range(256)
        )
        self.encoded = frozenset(word.encode("latin-1") for word in words if max(word) <= "\xff")
        # The same over _WIDE_MAP's bytes, whose characters lower to one of them: Latin-1's but
        # for those of the C1 controls.
        wide = bytes(
            ord(" ") if breaks.fullmatch(lower(char)) else _WIDE_DECODING.index(lower(char))
            for char in _WIDE_CHARS
        )
        self.wide_table = self.table[:0x80] + wide + self.table[0xA0:]
        self.wide_encoded = frozenset(_wide_bytes(word) for word in words)
        self.parting_mark = breaks.fullmatch("?") is not None

    def held_in(self, text: str) -> bool:
        """Return whether one of the words is a part of `text` lower-cased.

        A text within Latin-1 (most lines), or past it and in _WIDE_MAP's bytes, is read by
        three passes in C over its bytes, the table's, the split's and the look-ups';
        _holds_word loops over the parts with a mark in Python.
        """
        # A character past Latin-1 is dropped and tells so by the length: no exception raised.
        encoded = text.encode("latin-1", "ignore")
        # Look-ups in a loop (mypyc compiles any() of a generator to one): compiled, each is a
        # call of the set's C function, where isdisjoint() was a method looked up by its name.
        if len(encoded) == len(text):
            words = self.encoded
            return any(part in words for part in encoded.translate(self.table).split())
        if not any(char in text for char in self.misread):
            words = self.wide_encoded
            parts = _wide_bytes(text).translate(self.wide_table).split()
            if not any(part in words for part in parts):
                return False
            if not self.parting_mark:
                return True
        return _holds_word(lower(text), self.words, self.breaks, self.marks)


# The openers among the words of a text split at the marks (a quick test of a line with no
# digit: it states no date, and a byline holds one) ...
_OPENER_PARTS: Final = _WordsAmongParts(_OPENER_WORDS, _WORD_BREAKS, _BREAK_MARKS, "")
# ... and among its runs of word characters, as _OPENER_ANYWHERE bounds them.
_OPENER_RUNS: Final = _WordsAmongParts(_OPENER_WORDS, _NON_WORD_RUN, _NON_WORD_MARKS, "\u0130")

_BYLINE: Final = re.compile(
    # WordPress themes label the byline for screen readers: 'Post author By Jane Doe'.
    rf"^[\s*•·+>|/–—-]*(?:post\s+author\s+)?(?:(?P<strong>{_STRONG_OPENER})|(?:{_WEAK_OPENER}))"
    r"(?:\s*:\s*|\s+|(?<=:))"
    r"(?P<names>\S.*)$",
    re.IGNORECASE,
)
# Lower-case words inside a name: 'Walter von Aachen', 'Loïc Le Clerc'.
_PARTICLES: Final = frozenset({
    "de", "da", "van", "von", "der", "den", "la", "le", "el", "al", "bin", "di", "du", "dos",
    "del", "ten", "ter", "zu", "y",
})  # fmt: skip
# Letters of name words: Latin-1 and Latin Extended-A ('Kubišta', 'Kazım', 'Łukasz').
# ... and Latin Extended-B and Additional ('Ștefan', 'Nguyễn').
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff"
_LOW = "a-zß-öø-ÿ\u0100-\u024f\u1e00-\u1eff"
_NAME_WORD: Final = re.compile(
    # A separator or a capital between the parts, so that a long word fails at once instead
    # of being split every way ('Lebens-Rettungs-Gesellschaft:').
    rf"^(?:[{_UP}][{_LOW}'’]+(?:[-'’][{_UP}]?[{_LOW}]+|[{_UP}][{_LOW}]+)*"
    rf"|[{_UP}]\.?(?:-?[A-Z]\.)?"  # an initial: 'C', 'C.', 'J.-P.'
    rf"|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)$"  # upper case, as in 'TANJA KARRASCH'
)
# A user name: one token of letters, digits and a few marks, with a letter in it.
_HANDLE = re.compile(r"^(?=[\w.\-]*[^\W\d_])[\w][\w.\-]{1,29}$")
# What a byline may credit that is no one's name.
_NOT_NAMES: Final = frozenset(["staff", "admin", "unknown", "anonymous", "guest"])
# What a date beside a name says was done on that day: 'asked Feb 6, 2014', 'Von R. R. am
# 07.08.2013 gespeichert unter ...'. No name word, and the end of the names before it.
_DONE_WORDS = frozenset({
    "asked", "answered", "edited", "modified", "gespeichert", "veröffentlicht", "aktualisiert",
    "geändert", "erstellt", "publié", "modifié", "publicado", "actualizado", "opublikowano",
})  # fmt: skip
# The words of a picture's credit, which names the photographer or the library the picture is
# from, not the writer: 'Titelbild von Jane Doe', 'autor: Pixabay'.
_PICTURE_WORDS = frozenset({
    "image", "images", "picture", "pictures", "illustration", "grafik", "infografik", "credit",
    "credits", "bildquelle", "fotoquelle", "titelbild", "titelfoto", "symbolbild", "symbolfoto",
    "coverbild", "coverfoto", "pixabay", "unsplash", "pexels", "shutterstock", "istock",
    "istockphoto", "fotolia", "depositphotos", "dreamstime", "freepik", "imago",
})  # fmt: skip
# Words of page furniture and greetings that look like name words when capitalised.
_NOT_NAME_WORDS: Final = frozenset({
    "view", "comments", "comment", "follow", "author", "authors", "news", "links", "link", "share",
    "read", "more", "video", "videos", "photo", "photos", "foto", "fotos", "bild", "bilder",
    "powered", "research", "original", "home", "menu", "search", "login", "newsletter", "team",
    "redaktion", "kommentar", "kommentare", "antworten", "antwort", "reply", "replies", "mehr",
    "weitere", "weiterführende", "artikel", "beitrag", "beiträge", "sendung", "hallo", "hi",
    "hello", "liebe", "lieber", "dear", "danke", "thanks", "online", "blog", "magazin",
    "magazine", "zeitung", "verlag", "update", "updated", "live", "posted", "published", "tags",
    "kategorie", "kategorien", "category", "categories", "archiv", "archive", "startseite", "impressum",
    "kontakt", "contact", "about", "über", "profil", "profile", "seite", "page", "top", "story",
    "stories", "themen", "topics", "jobs", "termine", "events", "related", "post", "posts",
    "articles", "article", "printer", "printable", "edition", "version", "homepage", "section",
    # Buttons to share or print, in the kits' languages ('Teilen Twittern').
    "teilen", "twittern", "tweet", "tweeten", "senden", "drucken", "print", "pinnen", "email",
    "e-mail", "mail", "partager", "imprimer", "compartir", "imprimir", "partilhar", "condividi",
    "stampa", "udostępnij", "drukuj", "whatsapp", "facebook", "twitter", "pinterest", "linkedin",
    "xing", "reddit", "telegram",
    # A quote in a forum's post: 'Zitat von jdoe', 'Quote from jdoe'.
    "zitat", "quote", "citation", "cita", "citazione", "cytat",
    # A desk, a section or a medium, not a person: 'Editorial Staff', 'Editors Pick', 'Aktuelles'.
    "editorial", "editors", "aktuelles", "aktuell", "interview", "interviews",
    # What a date beside it says was done, not who did it: 'asked Feb 6, 2014', 'edited Mar 3'.
    *_DONE_WORDS,
    # A picture's credit, which names the photographer or the library, not the writer.
    *_PICTURE_WORDS,
    # A forum member's rank under the name: 'Forum Moderator', 'Administrator'.
    "moderator", "moderatorin", "administrator", "administratorin",
    "entrevista", "radio",
    # The legal links of a page's footer.
    "privacy", "policy", "terms", "conditions", "disclaimer", "sitemap", "cookies", "imprint",
    "datenschutz", "datenschutzerklärung", "nutzungsbedingungen", "agb", "mentions", "légales",
    "confidentialité", "privacidad", "política", "aviso", "legal", "prywatności", "polityka",
})  # fmt: skip
_POSSESSIVE: Final[tuple[str, ...]] = ("'s", "’s")
_ACRONYM_MAX: Final = 4
# Endings of German nouns and adjectives that no name has: 'Gesundheit', 'Wissenschaft',
# 'Universität', 'Europäische', 'Künstlerischer'.
_COMMON_ENDING: Final = re.compile(
    r"(?:heit|keit|schaft|[^\W\d_]{3}ität|[^\W\d_]{3}ische[nrs]?"
    # ... plural nouns and participles: 'Veranstaltungen', 'Anstehende', 'Studierenden'.
    r"|[^\W\d_]{3}ungen|[^\W\d_]{4}ende[nrs]?"
    # ... and the verbs of buttons: 'Kommentieren', 'Abonnieren', 'Registrieren'.
    r"|[^\W\d_]{4}ieren"
    # ... and compounds that name an organisation: 'Bundesverband', 'Wirtschaftsnachrichten'.
    r"|[^\W\d_]{3}(?:verband|verbände|verein|stiftung|institut|zentrum|kammer|ministerium|"
    r"akademie|kaufhaus|nachrichten|genossenschaft))$"
)
# The texts that close each of _COMMON_ENDING's forms: a word ending with none is told without
# the search, which tries every form at every letter (test_metadata reads them off the pattern).
_COMMON_TAILS: Final[tuple[str, ...]] = (
    "heit", "keit", "schaft", "ität", "ische", "ischen", "ischer", "isches", "ungen", "ende",
    "enden", "ender", "endes", "ieren", "verband", "verbände", "verein", "stiftung", "institut",
    "zentrum", "kammer", "ministerium", "akademie", "kaufhaus", "nachrichten", "genossenschaft",
)  # fmt: skip
# The stop words that no name is made of: those of the languages around the kits' pages. Other
# languages' stop words are first names too ('Tom', Czech; 'Hans', Swedish; 'Kim', Turkish); a
# page that writes one in lower case is caught by the page's words (fields._PageWords).
_NAME_STOP_WORDS: Final = frozenset().union(
    *(STOP_WORDS[code] for code in ("en", "de", "fr", "es", "pt", "it", "nl", "pl"))
)
# A comment, in the kits' languages: 'Autor komentarza' labels a comment form's field.
_COMMENT_WORDS = frozenset({
    "comment", "comments", "kommentar", "kommentare", "komentarz", "komentarza", "komentarze",
    "commentaire", "commentaires", "comentario", "comentarios", "commento", "commenti",
})  # fmt: skip
# German's gendered plural glued to a word by a colon ('Autor:innen').
_GENDER_ENDINGS = frozenset({"in", "innen"})
# Titles before a name: part of it, no name word.
_HONORIFICS: Final = frozenset({"dr.", "prof.", "mag.", "dipl.-ing.", "ing.", "mr.", "mrs.", "ms."})
# Particles that are articles: in a name only after another particle ('von der', 'de la').
_ARTICLES: Final = frozenset({"der", "den", "la", "le", "el"})
# A connector opening what follows an opener: the opener is one of several roles.
ITEM_MARKS = "*•·+>-–—"  # marks of a list's items
_LEADING_CONNECTOR = re.compile(r"(?:and|und|et|y|&)(?:\s|$)", re.IGNORECASE)
_NAME_SPLIT: Final = re.compile(
    _opening_with(r"\s,;&aAuUeyi", r"\s*(?:,|;|&|\b(?i:and|und)\b|\bet\b|\by\b|\bi\b|\be\b)\s*")
)
_CONNECTOR: Final = re.compile(r"\s(?:&|and|und|et|y|i|e)\s", re.IGNORECASE)
# What follows a byline's names and is not a name: a separator, a role, the outlet, a date, a
# comment count, an e-mail address, a second credit ('Illustration von ...').
_BYLINE_TAIL = re.compile(
    r"\s*(?:[|·•/»—–:]|\s-\s|\(|\[|(?<![\w.])\d|\S+@\S+|\s@\w|"
    r"\s(?:for|in|at|on|am|um|à|the|für|im|under|unter|bei|updated|published|"
    r"(?:last|zuletzt)\s+(?:updated|modified|aktualisiert|geändert)|"
    r"posted|mis|staff\s+\w+|correspondent|"
    rf"{'|'.join(sorted(_DONE_WORDS))}|"
    r"reporter|writer|editor|redakteur(?:in)?|chefredakteur(?:in)?|dpa|view|zum|more|mehr|mit|with|"
    r"avec|con|kategorien?|categor(?:y|ies)|rubrik|tags?|schlagwörter|twitter|facebook|instagram|"
    r"linkedin|xing|e-?mail|share|teilen|partager|compartir|condividi|symbolbild|symbolfoto|titelbild|foto|fotos|photo|photos|bild|"
    r"(?:no|one|keine|ein|eine|leave|hinterlasse|kommentare?|comments?|responses?|replies|"
    r"commentaires?|comentarios?)\b)\b|"
    r"\s\S+\s+(?:von|by|par|por)\s).*$",
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
_MASTHEAD: Final = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){{0,3}}{_OUTLET_WORD}$")
# The same words, one of which is the last word of every masthead: after white space or at the
# start, and at the end (a line holds no newline, which '$' would skip). A text whose last word
# is none is told by one look-up, where an endswith() of them all tried each of the 55.
_OUTLET_WORDS = frozenset(_OUTLET_WORD[3:-1].split("|"))
_OUTLET_MARKS = " \t-–—|·•:"
# 'By VOA News', 'From The Times': an outlet named as the story's author or origin.
_OUTLET_OPENER = re.compile(r"^(?:By|From|Von|Par|Por)\s+(?=[A-Z])")
# A site's sections of its news open with words that say when, which of many or whose ('Latest
# NFL News', 'More Tennis News', 'Weitere Nachrichten'), its calls with a verb ('Support The
# Guardian'); no outlet's name does.
_SECTION_OPENERS = frozenset((
    "latest", "breaking", "current", "recent", "more", "other", "related", "top", "most",
    "popular", "all", "my", "your", "our", "back", "live", "menu", "send", "deals", "support",
    "subscribe", "follow", "join", "aktuelle", "neueste", "weitere", "mehr", "alle", "letzte", "meine",
    "unsere", "dernières", "autres", "toutes", "últimas", "otras", "más", "inside", "about",
))  # fmt: skip
# ...or say where from, or what about, or when, before a word that names news in general:
# 'Local News', 'UK National News', 'Football News', 'Today's News', 'Sport Nachrichten' (not
# 'National Post', a paper: its last word names no news in general).
_SECTION_SCOPES = frozenset((
    "local", "regional", "national", "international", "world", "global", "home", "main",
    "general", "uk", "us", "european", "overseas", "foreign", "domestic", "state", "city",
    "community", "scottish", "welsh", "english", "british", "latest", "top", "today's",
    "tonight", "tonight's", "weekend", "breaking", "business", "corporate", "industry",
    "market", "markets", "money", "finance", "economy", "sport", "sports", "football",
    "soccer", "cricket", "rugby", "tennis", "golf", "racing", "f1", "movie", "movies", "film",
    "tv", "music", "book", "books", "arts", "entertainment", "showbiz", "celebrity",
    "celebrities", "education", "health", "science", "tech", "technology", "computer",
    "computing", "hardware", "software", "internet", "desktop", "mobile", "video", "audio",
    "political", "politics", "crime", "weather", "travel", "lifestyle", "weird", "offbeat",
    "odd", "wirtschaft", "politik", "kultur", "lokales", "lokal", "welt", "regionale", "lokale",
))  # fmt: skip
_NEWS_WORDS = frozenset((
    "news", "nachrichten", "today", "press", "presse", "wire", "review", "focus", "mail",
))  # fmt: skip
# The words for news in general that close a section's name as often as an outlet's.
_SECTION_NEWS_WORDS = frozenset(("news", "nachrichten", "wire", "mail"))
# Share buttons in a row end in 'Mail' too.
_SHARE_WORDS = frozenset((
    "facebook", "twitter", "whatsapp", "instagram", "linkedin", "pinterest", "youtube",
    "telegram", "e-mail", "email", "share", "print",
))  # fmt: skip
# A word of menu entries glued together: lower case then upper case twice ('HomeSportLatest').
_GLUED_WORDS = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ].*[a-zà-ÿ][A-ZÀ-Þ]")
_GLUED_WORD: Final = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
# Agencies and broadcasters that sign wire copy by name alone.
_AGENCIES: Final = {
    "xinhua", "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg",
    "dpa", "efe", "ansa", "kyodo", "yonhap", "tass", "ria novosti", "interfax", "pti", "ians",
    "upi", "bbc", "cnn", "cgtn", "apa", "sda", "kna", "epd", "kap", "pap", "ctk", "anp", "belga",
    "notimex", "europa press", "agência brasil", "lusa", "ani", "bernama", "antara", "aa",
    "anadolu", "sputnik", "nhk", "abc", "nbc", "cbs", "fox news", "al jazeera", "dw", "aap",
    "nzpa", "canadian press", "press association", "united press international", "jiji",
}  # fmt: skip
_TRAILER: Final = re.compile(r"^\(\s*(?P<outlet>[A-Z][\w'’.&\- ]{1,40}?)\s*\)$")
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
    if len(line) > 160 or not _holds_crumb_mark(line) or not _BREADCRUMB.match(line):
        return None
    crumbs = [c.strip() for c in _CRUMB_SEPARATOR.split(line) if c.strip()]
    if len(crumbs) < 2 or any(len(c.split()) > 6 for c in crumbs):
        return None
    if line.count("/") and not any(sep in line for sep in (">", "›", "»", "→", "|")):
        return None  # slashes alone are dates, paths and "and/or", not breadcrumbs
    if sum(c[0].isupper() or not c[0].isalpha() for c in crumbs) < len(crumbs) - 1:
        return None
    return crumbs


def _holds_crumb_mark(line: str) -> bool:
    """Return whether `line` holds a mark of _BREADCRUMB's steps, one of '>›»→|/': six substring
    scans in C cost less than a pattern's test of each character against the set, and most
    lines hold none."""
    return "/" in line or "|" in line or ">" in line or "»" in line or "›" in line or "→" in line


def is_trail(line: str) -> bool:
    """Return whether a breadcrumb line is a trail of steps joined by arrows ('Home > News >
    China Focus'), not a row of links joined by bars ('Kontakt | Impressum | AGB'), which
    names no section of the article."""
    if "<" in line or "«" in line or line.rstrip().endswith((".", "!", "?")):
        return False  # quotes in guillemets, or a sentence with an arrow in it
    if "|" in line or _GLUED_ARROW.search(line) or _SHELL_PROMPT.match(line):
        return False  # a menu's row ('Help | Sign Out'), a quote's mark, a shell's redirection
    return any(arrow in line for arrow in _ARROWS)


def lone_step(line: str) -> str | None:
    """Return the one step of a line that is a bullet, an arrow and a name ('* > Sport'): a step
    of a trail set a step a line, or a link's decoration."""
    match = _LONE_STEP.match(line)
    return match[1].strip() if match else None


def is_trail_root(line: str) -> bool:
    """Return whether a line names a trail's root, the site's home ('* Home', 'FT Home')."""
    words = line.strip(_CRUMB_BULLETS).casefold().split()
    return 0 < len(words) <= 3 and (" ".join(words) in _HOME_CRUMBS or words[-1] == "home")


def section_of(crumbs: list[str], title: str | None = None) -> str | None:
    """Return the most specific crumb that names a section, or None.

    A trail leads from its root (home, or the site's name) through sections to the page; a
    section's name is short and no sentence. A trail of one step after a bullet ('* › Versenden')
    is a link's decoration; a trail that begins or ends with a link's words ('View All',
    'Menü'), passes a site's own page ('Search') or holds a list of tags ('Mots-clés >
    Transports , Démocratie') is no trail at all.
    """
    steps: list[tuple[str, str]] = []  # the crumb as written, and its words folded
    for crumb in crumbs:
        crumb = crumb.lstrip(_CRUMB_BULLETS)
        if not any(ch.isalnum() for ch in crumb):
            continue  # a bullet, a bracket: a link's decoration
        if crumb.endswith(",") or " ," in crumb:
            return None  # a list of tags or categories
        if ":" in crumb and not steps:
            label, crumb = (part.strip() for part in crumb.rsplit(":", 1))  # 'You are here: Home'
            if label.casefold() in _SITE_PAGES:
                return None  # a search form's label
            if not crumb:
                continue
        steps.append((crumb, " ".join(crumb.casefold().split())))
    if len(steps) < 2:
        return None
    if steps[0][1] in _NAVIGATION or steps[-1][1] in _NAVIGATION:
        return None  # a link ('View All » Top Jobs') or a menu's button
    if any(step in _SITE_PAGES for _, step in steps):
        return None
    return _last_section(steps, title)


def _last_section(steps: list[tuple[str, str]], title: str | None) -> str | None:
    """Return the last step of a trail that names a section, or its root when only generic steps
    follow it ('Digital Lifestyle > News').

    The page itself is no section, and a trail that reaches it has passed its root: a step that
    is the article's title, names the kind of page ('Detailed Story'), reads 'Kicker: headline',
    or follows a date archive's steps ('2010 » Oktober » 26').
    """
    folded_title = " ".join(title.casefold().split()) if title else None
    named: list[str] = []
    root: tuple[str, str] | None = None  # the first step after the lead-in, unless generic
    rooted = False
    for crumb, step in steps:
        if not rooted and step in _LEAD_INS:
            continue
        words = step.split()
        if (
            step == folded_title
            or step in _PAGE_KINDS
            or words[-1] in _PAGE_KINDS
            or (":" in step and rooted)
            or _is_archive_step(words)
        ):
            return named[-1] if named else None
        generic = step in _GENERIC_CRUMBS or all(
            word in _GENERIC_CRUMBS or word in _ALL_WORDS for word in words
        )
        if not rooted:
            rooted = True
            root = None if generic else (crumb, step)
        elif not generic:
            root = None  # a step that names no section: the page, unless one follows
            if _names_section(crumb, step, words):
                named.append(_without_agency(crumb, words))
    if named:
        return named[-1]
    if root is not None and _names_section(root[0], root[1], root[1].split()):
        return _without_agency(root[0], root[1].split())
    return None


def _is_archive_step(words: list[str]) -> bool:
    """Return whether a step of a trail is a date archive's: a year or a day, with its month
    ('2010', 'Oktober 2010'), never the section of the post it leads to."""
    return any(_ARCHIVE_NUMBER.fullmatch(word) for word in words) and all(
        _ARCHIVE_NUMBER.fullmatch(word) or is_date_word(word) for word in words
    )


def _names_section(crumb: str, step: str, words: list[str]) -> bool:
    """Return whether a step of a trail, as written and folded, has the shape of a section's name."""
    return (
        len(step) > 1
        and any(ch.isalpha() for ch in step)
        and len(words) <= _SECTION_WORDS_MAX
        and not step.endswith((".", "…", "!", "?"))
        and not _INNER_DOT.search(step)  # a file's or a domain's name: 'manchester.com'
        and not _MOJIBAKE.search(step)
        and not (crumb[0].islower() and words[0] in ALL_STOP_WORDS)  # a link's 'zum Marktplatz'
    )


def _without_agency(crumb: str, words: list[str]) -> str:
    """Return a section's name without the agency whose feed it is ('Nation AP')."""
    return crumb.rsplit(None, 1)[0] if len(words) > 1 and words[-1] in _AGENCIES else crumb


# Soft hyphens and zero-width marks a page sets inside words to break them ('Mat\u00adthi\u00adas'):
# no letters of the name.
_INVISIBLE: Final = "\u00ad\u200b\u200c\u200d\u2060"
_NO_INVISIBLE: Final = str.maketrans("", "", _INVISIBLE)


def _visible(text: str) -> str:
    """Return `text` without the invisible marks that break its words."""
    # The marks scanned for one by one (a generator over them cost more than the scans); most
    # texts hold none, and are given back as they are.
    for mark in _INVISIBLE:
        if mark in text:
            return text.translate(_NO_INVISIBLE)
    return text


def byline(line: str, handles: bool = False) -> list[str] | None:
    """Return the author names a byline states ('By Cao Desheng' -> ['Cao Desheng']), or None.

    After an opener that says outright who wrote ('Posted by', 'Autor:', 'Geschrieben von'), or
    with `handles` (the line also states a date), one lower-case user name is a name too.
    """
    if len(line) > 160:
        return None
    match = _BYLINE.match(_visible(line).strip())
    if not match:
        return None
    names = match.group("names").rstrip()
    if _label_over_list(names, match.group("strong") is not None):
        return None  # a label over a list: 'By Cuisine:', 'By Main Ingredient:', 'Auteur(s) :'
    names_part = _BYLINE_TAIL.sub("", match.group("names")).strip(" .,:;")
    if _LEADING_CONNECTOR.match(names_part):
        return None  # roles joined after the opener: 'Autorin und Netzphilosophin Jane Doe'
    folded = names_part.casefold()
    if not names_part or folded in _NOT_NAMES or folded in _COMMENT_WORDS:
        return None  # 'Autor komentarza': a comment form's label
    if folded in _DONE_WORDS or folded in _PICTURE_WORDS:
        # 'Von gespeichert unter ...': what was done, the name left elsewhere; 'autor: Pixabay':
        # the library a picture is from.
        return None
    if folded in _GENDER_ENDINGS and line[match.start("names") - 1] == ":":
        return None  # 'Autor:innen' is one word, the plural
    if (match.group("strong") or handles) and _HANDLE.match(names_part):
        if "-" in names_part and names_part.casefold().split("-")[0] in _NOT_NAME_WORDS:
            return None  # 'Autor' / 'Über-Ich': a menu's link to the about page
        if any(ch.isupper() for ch in names_part) or not names_part.isalpha() or handles:
            return [names_part]
        return [names_part] if match.group("strong") else None
    if _CONNECTOR.sub(" ", names_part).isupper():
        return _capitals_names(names_part)
    return person_names(names_part)


def _capitals_names(names_part: str) -> list[str] | None:
    """Return the people a byline's names written all in capitals state ('By ALLY MUTNICK'), read
    as if capitalised, so a short word ('ALLY') is not taken for an acronym; as written. An
    agency's name after them in capitals too ('TOM CANAVAN ASSOCIATED PRESS') is none of them."""
    folded = names_part.casefold()
    for agency in _AGENCIES:
        if " " in agency and folded.endswith(" " + agency):
            names_part = names_part[: -len(agency)].rstrip()
            break
    titled = names_part.title()
    names = person_names(titled)
    if names is None or len(titled) != len(names_part):
        return names
    return [names_part[(at := titled.find(name)) : at + len(name)] for name in names]


def _label_over_list(names: str, strong: bool) -> bool:
    """Return whether what follows a byline's opener is a label closed by a colon ('Cuisine:'),
    not names: a colon after a full name and its tail ('Jane Doe Last updated ... Share:') closes
    something else."""
    if not names.endswith(":") or (strong and " " in names.strip(" :")):
        return False
    tail = _BYLINE_TAIL.search(names)
    named = (names[: tail.start()] if tail else names).strip(" :")
    return named == names.strip(" :") or " " not in named


# A Chinese byline: the label of the editor in charge or of the author, a colon, a name of two
# to four Han characters ('责任编辑：孔德明', '作者： 焦鹏').
_CJK_BYLINE = re.compile(
    r"(?:责任编辑|编辑|作者)\s*[:：]\s*(?P<name>[\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])"
)


def cjk_byline(line: str) -> list[str] | None:
    """Return the name a Chinese byline states ('责任编辑：孔德明' -> ['孔德明']), or None."""
    if len(line) > _CJK_BYLINE_CHARS:
        return None
    match = _CJK_BYLINE.search(line)
    return [match.group("name")] if match else None


_CJK_BYLINE_CHARS = 40


# A weak opener and one lower-case user name, alone on a line: 'von janedoe', 'by jdoe'.
_WEAK_HANDLE_MARKS = "*•·+>|/–—-"
_WEAK_HANDLE = re.compile(
    rf"^[\s{_WEAK_HANDLE_MARKS}]*(?:{_WEAK_OPENER})\s+(?P<name>\S+)\s*$", re.IGNORECASE
)
# The weak openers, each a word of _WEAK_HANDLE's alternatives.
_WEAK_OPENERS = frozenset(_WEAK_OPENER.split("|"))


def weak_handle(line: str) -> str | None:
    """Return the user name a line holds after a weak opener alone ('von janedoe'), or None.

    Prose writes 'von heute' so too: the caller checks that the page names the user again.
    """
    name = _after_weak_opener(line)
    return name if name and _is_user_name(name) and len(name) >= _WEAK_HANDLE_MIN else None


def _after_weak_opener(line: str) -> str | None:
    """Return the one word a short line holds after a weak opener ('von janedoe'), or None."""
    if len(line) > _WEAK_HANDLE_CHARS:
        return None
    # The pattern's opener is the next-to-last word, after the marks glued to it, and the name
    # the last (white space in between, as str.split() parts them): most short lines hold no
    # opener there and are told by a look-up, where the match tried each opener.
    words = line.split()
    if (
        len(words) < 2
        or ignorecase_lower(words[-2].lstrip(_WEAK_HANDLE_MARKS)) not in _WEAK_OPENERS
    ):
        return None
    match = _WEAK_HANDLE.match(line)
    return match.group("name").strip(" .,:;") if match else None


_WEAK_HANDLE_CHARS = 40
_WEAK_HANDLE_MIN = 5


def opener_and_pen_name(line: str) -> list[str] | None:
    """Return the one user or pen name a line holds after a weak opener ('von Marianne1', 'by
    jdoe', 'von Ulrike'), or None: the author when a date line stands beside it. A site's
    domain ('von example.com') names no person."""
    name = _after_weak_opener(line)
    if not name or _DOMAIN.match(name) or name.casefold() in _NOT_NAMES:
        return None
    if _is_user_name(name) or _MIXED_HANDLE.match(name) or _is_pen_name(name):
        return [name]
    return None


def is_particle(word: str) -> bool:
    """Return whether `word` is a particle inside names ('von', 'De' in 'Verónica De Vita')."""
    return word.casefold() in _PARTICLES


def strong_byline(line: str) -> list[str] | None:
    """Return the people a byline with an opener that says who wrote names in full ('Publicado
    por Alberto González', 'Written by Jane Doe'), or None."""
    if len(line) > _STRONG_BYLINE_CHARS or not _may_hold_strong_opener(line):
        return None
    match = _BYLINE.match(line)
    if match is None or match.group("strong") is None:
        return None
    if match.group("strong")[:9].casefold() == "interview":
        return None  # 'Interview: Jane Doe' may name who answers as well as who asks
    names = byline(line)
    return names if names and all(" " in name for name in names) else None


_STRONG_BYLINE_CHARS: Final = 100


def _may_hold_strong_opener(line: str) -> bool:
    """Return False when _BYLINE finds no strong opener at the start of `line` for sure.

    The pattern tries all its openers at the start of every line asked (most of them far under
    the body, none a byline), where a few substring scans tell most lines. Each strong opener
    ends with a colon, a word after white space that _STRONG_OPENER_KEYS holds with one space
    before it ('Geschrieben von', 'a cura di'), or a word that holds one of them ('Autorin',
    'Themenstarter'): in the text with its white space runs made single spaces (str.split and
    the pattern's \\s read the same characters as white space), folded as IGNORECASE matches
    it, the key is found.
    """
    return ":" in line or _holds_a_key(" ".join(line.split()), _STRONG_OPENER_KEYS)


# The ends of _STRONG_OPENER's openers but for a colon (a test reads them against the pattern).
_STRONG_OPENER_KEYS: tuple[str, ...] = (
    " by", " von", " par", " por", " da", " di", " door", " af", " av", "starter", "autor",
    "verfasser", "redakteur", "author", "auteur", "autrice", "escribe",
)  # fmt: skip


def _weak_byline(text: str) -> bool:
    """Return whether `text` opens with a weak opener ('By', 'Von'), not one that says who wrote."""
    match = _BYLINE.match(text)
    return match is not None and match.group("strong") is None


def person_names(text: str) -> list[str] | None:
    """Return the people `text` names ('Jane Doe and John Smith' -> two names), or None.

    Several names must each have two words or more, so that 'Von Risiken und Nebenwirkungen'
    names nobody. Without 'and' between them, commas may set off a role or an outlet
    ('Alex Durán, AMP Project Marketing, Google'): then only the first name counts.
    """
    items = [n.strip(" .") for n in _NAME_SPLIT.split(text) if n.strip(" .")]
    if not items:
        return None
    names: list[str] = []
    for item in items:
        if not _is_person(item, alone=len(items) == 1):
            break
        names.append(item)
    if not names:
        return None
    if len(names) < len(items):
        # 'A and B' where B is no name: not a list of people; an outlet after the names
        # ('Von A, B und C, NDR') is.
        named_part = text[: text.find(items[len(names)])]
        if _CONNECTOR.search(text) and not (len(names) > 1 and _CONNECTOR.search(named_part)):
            return None
        return names if len(names) > 1 and _CONNECTOR.search(named_part) else names[:1]
    if len(names) > 1 and any(len(n.split()) < 2 for n in names):
        return None
    return names


def _is_person(name: str, alone: bool) -> bool:
    """Return whether `name` reads as a person's name: capitalised name words, a few of them."""
    parts = name.split()
    if len(parts) > 6:
        return False  # four name words after two honorifics at most: folded for nothing
    # Each word folded once: the tests below ask for most words' fold two or three times.
    folds = [part.casefold() for part in parts]
    if len(parts) > 1 and folds[0] in _HONORIFICS:
        parts, folds = parts[1:], folds[1:]  # 'Dr. Alexander Klier', 'Prof. Dr. ...' once
        if len(parts) > 1 and folds[0] in _HONORIFICS:
            parts, folds = parts[1:], folds[1:]
    if not 1 <= len(parts) <= 4 or folds[0] in _PARTICLES:
        return False
    if folds[-1] in _PARTICLES:
        return False  # a name ends with a name word: 'Rezept von', 'Actualizado al' are labels
    named = 0
    for index, part in enumerate(parts):
        folded = folds[index]
        if folded in _PARTICLES:
            # (The first word is no particle: folds[index - 1] is the word before.)
            if part in _ARTICLES and folds[index - 1] not in _PARTICLES:
                return False  # 'Download der Audiodatei'; 'Ursula von der Leyen' is a name
            continue
        if not _NAME_WORD.match(part) or folded in _NAME_STOP_WORDS or folded in _NOT_NAME_WORDS:
            return False
        if folded.endswith(_POSSESSIVE):
            return False  # "Today's Edition", "Editor's Choice": a name is no one's possession
        if folded in _OPENER_WORDS and folded not in _DESK_WORDS:
            return False  # 'Av Ola Nordmann', 'Tekst Jan Kowalski': a byline's opener, no name
        if folded.endswith(_COMMON_TAILS) and _COMMON_ENDING.search(folded):
            return False  # 'Pressemitteilung', 'Europäische Union': a noun or an adjective
        named += 1
    # Asked after the words' own tests, which fail for most texts and cost less; every test
    # here only says False, so their order does not change what is returned.
    for part in parts:
        if not is_date_word(part):
            break
    else:
        return False  # 'Dienstag', 'Oktober', 'Letzte Änderung': words of a date line
    # An acronym among name words makes an organisation ('AMP Project'); a surname in capitals
    # ('Kazım TÜRKMEN') and initials ('J.R.') are longer or dotted.
    upper = [p for p in parts if p.isupper() and 2 < len(p) <= _ACRONYM_MAX and "." not in p]
    if upper and len(upper) != named:
        return False
    return named >= 2 or alone


@lru_cache(maxsize=_LINE_CACHE)
def reads_as_outlet(text: str) -> bool:
    """Return whether `text` reads as a news outlet's or a news section's name ('China Daily',
    'Xinhua', 'Local News'): the name of a site or of a part of it, not of a person or a story."""
    name = text.strip(_OUTLET_MARKS)
    words = name.split()
    if not words or len(name) > 50 or len(words) > 5:
        return False
    # The last word closes the name: no white space after it (which split() would drop).
    last = words[-1]
    return name.casefold() in _AGENCIES or (
        last in _OUTLET_WORDS and name.endswith(last) and _MASTHEAD.match(name) is not None
    )


def outlet_name(text: str, topical: bool = False) -> str | None:
    """Return the outlet `text` names ('China Daily', 'The Herald', 'Xinhua', 'By VOA News'
    gives 'VOA News'), or None.

    A site's menus and section headings end in the same words as mastheads do, so a name of
    one outlet word alone ('News', 'Presse', 'Today'), of section words before it ('Latest
    News', 'More Tennis News', 'Aktuelle Nachrichten'), a row of share buttons ('Facebook
    Twitter Mail') or menu entries glued together ('HomeSportLatest Sport News') is no outlet.
    With `topical`, a name of a topic's words before a news word ('Business Wire') is one.
    """
    name = _OUTLET_OPENER.sub("", text.strip(_OUTLET_MARKS))
    if not reads_as_outlet(name):
        return None
    if name.casefold() in _AGENCIES:
        return name
    words = name.split()
    if len(words) == 1 or words[0].casefold() in _SECTION_OPENERS:
        return None  # 'News', 'Presse', 'More Tennis News'
    if words[-1].casefold() in _NEWS_WORDS and not topical:
        scoped = [w.casefold() in _SECTION_SCOPES for w in words[:-1]]
        if all(scoped):
            return None  # 'Local News', 'Football News', 'UK National News'
        if len(words) > 2 and all(scoped[1:]) and words[0].casefold() in _AGENCIES:
            return words[0]  # an agency's section: 'AP Entertainment News' is AP's copy
    if any(w.casefold() in _SHARE_WORDS or _GLUED_WORDS.search(w) for w in words):
        return None
    if sum(1 for w in words if _GLUED_WORD.search(w)) > 1:
        return None  # two entries glued in each of two words: 'WebImage AudioVideo News'
    return name


def signs_as_outlet(text: str) -> bool:
    """Return whether `text` names an outlet as the story's author or origin ('By Example
    News', 'From The Example Times')."""
    return _OUTLET_OPENER.match(text.strip(_OUTLET_MARKS)) is not None


def section_qualifier(outlet: str) -> str | None:
    """Return the one word that sets a news section apart, where `outlet` is named like one:
    that word, maybe scope words, and a word for news in general ('Xbox News', 'One-Minute
    World News', 'Example Wire' give 'Xbox', 'One-Minute', 'Example'). A site's sections are
    named so as often as outlets ('Example News'); a name of two words before its news word
    ('Summit Valley News'), with 'The' ('The Example News') or an outlet's word ('Daily Mail')
    is an outlet's."""
    words = outlet.split()
    if len(words) < 2 or words[-1].casefold() not in _SECTION_NEWS_WORDS:
        return None
    rest = words[:-1]
    while len(rest) > 1 and rest[-1].casefold() in _SECTION_SCOPES:
        rest.pop()
    if len(rest) != 1 or rest[0].casefold() == "the" or _MASTHEAD.match(rest[0]):
        return None
    return rest[0]


def is_agency(outlet: str) -> bool:
    """Return whether `outlet` is an agency's or broadcaster's name ('AP', 'Reuters')."""
    name = outlet.casefold()
    return name in _AGENCIES or name.removeprefix("the ") in _AGENCIES


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


# What sets a lead's date off from its first sentence: a dash, a bar, a full stop, a bracket.
_LEAD_DATE_END = re.compile(r"\s*(?:[–—|:.)\]]|\s-|/)\s*")
_LEAD_DATE_CHARS = 60  # characters at the start of a paragraph where its date may stand
_LEAD_PLACE_WORDS = 3  # words before it: a place, a label ('Pressemitteilung vom', 'Wien,')


def lead_date(paragraph: str) -> DateMatch | None:
    """Return the date that heads a press release's lead, after a place or a label and set off
    from the first sentence ('Wien, 14. Mai 2021 – Die Stadt ...', 'Pressemitteilung vom 3. Mai
    2021 | Berlin – ...', '(3. Mai 2021) Die ...'), or None: a date inside a sentence ('Am 3. Mai
    2021 hat ...') is set off by nothing."""
    found = find_date(paragraph[:_LEAD_DATE_CHARS])
    if found is None:
        return None
    before = paragraph[: found.start].strip(" ,(/[|–—-")
    if len(before.split()) > _LEAD_PLACE_WORDS or _SENTENCE_END.search(before):
        return None
    after = _LEAD_DATE_END.match(paragraph, found.end)
    if after is None or not after.group().strip():
        return None
    if len(paragraph[after.end() :].split()) < _GLUED_MIN_WORDS:
        return None
    return found


_GLUED_MIN_WORDS = 8


def dated_headline(line: str) -> str | None:
    """Return the headline a line holds after the date that opens it ('27.01.2022 The headline'),
    or None when no date opens it or what follows is a label, a name or another date.

    A list of articles sets each one's date before its headline, and the article's own headline
    may keep it, on one line.
    """
    # The words after the date are words of the line: a line of fewer is not searched.
    if len(line.split(None, _DATED_HEADLINE_WORDS - 1)) < _DATED_HEADLINE_WORDS:
        return None
    found = find_date(line[:_DATE_WINDOW])
    if found is None or found.start != 0:
        return None
    rest = line[found.end :].strip(_SIDE_MARKS)
    if len(rest.split()) < _DATED_HEADLINE_WORDS or find_date(rest) is not None:
        return None
    return rest


_DATE_WINDOW = 60  # characters at the start of a line where its opening date is looked for
_DATED_HEADLINE_WORDS = 4  # fewer words after a date are a label or a name ('3 May 2021 Jane Doe')


@dataclass(frozen=True)
class MetaLine:
    """What a line of metadata states: a date, authors, or both, and maybe the outlet."""

    date: DateMatch | None
    authors: list[str] | None
    outlet: str | None = None
    signed: bool = False  # the authors follow an opener ('By', 'Autor:'), not a bare name


# Separators between the fields of a metadata line: 'By Daniel | Published: 23. Juli 2017'.
# That is r"\s+(?:[|·•/»∙⋅]|--?|[–—]|//)\s+|\s*[|·•∙⋅]\s*", written to open with the class of
# its first character, which a look-behind then tells: the engine skips to the characters of
# that class, where it tried both branches at every position.
_FIELD_SEPARATOR = re.compile(
    r"[\s|·•∙⋅](?:(?<=\s)\s*(?:[|·•/»∙⋅]|--?|[–—]|//)\s+|(?<=\s)\s*[|·•∙⋅]\s*|(?<=[|·•∙⋅])\s*)"
)
# Every separator holds one of these marks, or white space and right after it one of the spaced
# marks (its first branch). The pattern may start at any position (the white space before its
# marks may be none) and is tried at each: a line without them skips it. A hyphen or slash inside
# a word or a date ('E-Mail', '2021-05-03', '05/03/2021'), which many lines hold, is none.
_SEPARATOR_MARKS = "|·•∙⋅"
_SPACED_MARKS = "/»-–—"


def _holds_separator(text: str) -> bool:
    """Return whether `text` holds one of _SEPARATOR_MARKS, or one of _SPACED_MARKS after white
    space, which _FIELD_SEPARATOR needs (str.isspace() is true of what the pattern's \\s matches)."""
    if any(mark in text for mark in _SEPARATOR_MARKS):
        return True
    for mark in _SPACED_MARKS:
        at = text.find(mark, 1) if mark in text else -1  # most lines hold none: a test in C
        while at > 0:
            if text[at - 1].isspace():
                return True
            at = text.find(mark, at + 1)
    return False


# Two dates glued ('10. Februar 20199. Februar 2019', '20 janvier 202020 janvier 2020': a
# published and an updated date), or a year and a time ('4 de mayo de 202200:00').
_GLUED_YEAR = re.compile(
    r"((?:19|20)[0-9]{2})"
    r"(?=[0-9]{1,2}(?:\.\s?|\s)[^\W\d_]|[0-9]{2}:[0-9]{2}|[0-9]{1,2}([/.])[0-9]{1,2}\2(?:19|20)[0-9]{2})"
)
# A date glued to the one before it, as no headline writes a number ('20000 Menschen' is one).
_GLUED_DATES = re.compile(
    r"(?:19|20)[0-9]{2}(?=[0-9]{1,2}\.\s?[^\W\d_]{3}|[0-9]{1,2}([/.])[0-9]{1,2}\1(?:19|20)[0-9]{2})"
)
# A name glued to the date after it ('Nicole Collignon22. Februar 2020').
# ... or a numeric date ('Nadja Demel13.12.2022').
_GLUED_DAY = re.compile(
    r"(?<=[a-zß-ÿ])(?=[0-9]{1,2}\.(?:\s?[^\W\d_]{3,}\.?\s|[0-9]{1,2}\.)(?:19|20)[0-9]{2})"
)
# ... or a month name in English order ('Shana Nys DambrotNovember 6, 2023', '6:03 pmNovember 8').
_GLUED_MONTH = re.compile(
    r"(?<=[a-zß-ÿ])(?=[A-Z][a-z]{2,8}\.?\s[0-9]{1,2}(?:st|nd|rd|th)?,?\s(?:19|20)[0-9]{2})"
)
# What _GLUED_DAY and _GLUED_MONTH both need: a lower-case letter of theirs before a digit or a
# capital. The digit or capital is matched first, so that re skips to the characters of that
# class (a pattern opening with a look-behind is tried at every position).
_LOWER_BEFORE_DIGIT_OR_CAPITAL = re.compile(r"[0-9A-Z](?<=[a-zß-ÿ][0-9A-Z])")
# A comment count between the fields of a blog's entry line ('... Alexander Roll 1 Kommentar
# Inklusion, Kapitalismus'): a separator, as '|' is.
_COUNT_SEPARATOR = re.compile(
    r"\s+[0-9]{1,5}\s+(?:kommentare?|comments?|antworten|responses?|commentaires?|comentarios?)"
    r"(?:\s+|$)",
    re.IGNORECASE,
)
# Each of its words holds one of these, as ignorecase_lower reads its letters: a line without
# them (nearly every one) is not searched, which costs a try of the pattern at each white space.
_COUNT_WORDS: Final = ("omment", "comentario", "antworten", "response")


def _may_count(line: str) -> bool:
    """Return whether `line` holds one of _COUNT_WORDS, as _COUNT_SEPARATOR needs."""
    lowered = ignorecase_lower(line)
    return any(word in lowered for word in _COUNT_WORDS)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
_DIGIT = re.compile(r"[0-9]")
_CENTURY_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_WORD_RUN = re.compile(r"[^\W_]+")
_MAX_FIELD_WORDS = 6
_MAX_OTHER_WORDS = 14


# A phrase of two words or more tied to the date by 'of' names what happened that day: a title
# ('Protokoll der Vorstandssitzung vom 10. Oktober 2019'); a capital opens a label of its own
# ('Von Jane Doe Vom 3. Februar 2022').
_DATED_TITLE = re.compile(r"\w+\s+\w+\s+(?:vom|of|du|del|della|van|z dnia)\s*$")
# The caption of a social media post embedded in the body: 'A post shared by Jane Doe
# (@janedoe) on Apr 21, 2019', 'Ein Beitrag geteilt von ...'.
_EMBED = re.compile(
    r"\b(?:shared|geteilt|partagée?|compartid[ao]|condivis[oa]|gedeeld|udostępniony)\s+"
    r"(?:by|von|par|por|da|door|przez)\s",
    re.IGNORECASE,
)


def meta_line(line: str, day_first: bool | None = None) -> MetaLine | None:
    """Return the date and authors a line of metadata fields states, or None for other lines.

    The line is cut into fields at separators ('|', '·', ' / ', ' - '); it is a metadata line when
    a field is a date line or a byline and the other fields are short labels ('Kommentare
    geschlossen', '5 Comments', a category), not sentences. A name beside a date in its own field
    ('Gunter Frank / 22.04.2020') is the author; a place before a date and a comma is not.
    `day_first` settles numeric dates such as 03/05/2021 (None: by their form).
    """
    if len(line) > 300:
        return None
    # Most lines hold neither a digit nor a byline's opener and leave here, before the cache is
    # asked: they take none of its room. So do most lines with a digit but no date.
    encoded = line.encode("latin-1", "ignore")
    if len(encoded) == len(line):
        digits = _quick_look(encoded, line)
        if digits is None:
            return None
    else:
        digits = _DIGIT.search(line) is not None
        if not digits and not _OPENER_PARTS.held_in(line):
            return None
    meta = _read_meta_line(line, digits, day_first)
    if meta is None or meta.authors is None:
        return meta
    # The lines kept are shared by pages: each caller gets its own list of names.
    return MetaLine(meta.date, list(meta.authors), meta.outlet, meta.signed)


# meta_line's quick look at a line within Latin-1, in one translation of its bytes: lower-cased
# (as _WordsAmongParts' tables), each ASCII digit made '0', and each character that _WORD_BREAKS
# or _NON_WORD_RUN matches made a space. An opener that is a part of the line as either splits it
# (_OPENER_PARTS, _has_opener) is a part of the translation: its letters stay, the characters
# around it become spaces.
_QUICK_TABLE: Final = bytes(
    ord("0")
    if chr(code) in "0123456789"
    else ord(" ")
    if _WORD_BREAKS.fullmatch(lower(chr(code))) or _NON_WORD_RUN.fullmatch(lower(chr(code)))
    else ord(lower(chr(code)))
    for code in range(256)
)
_ZERO: Final = ord("0")
# dates' _SHORT_NUMBER in the translation: a run of one or two digits.
_SHORT_RUN: Final = re.compile(rb"0(?<!00)0?(?!0)")


def _quick_look(encoded: bytes, line: str) -> bool | None:
    """Return whether `line`, within Latin-1 (`encoded`, its bytes), holds a digit, or None when
    meta_line finds nothing in it for sure: no digit and no opener, or a digit and none of what
    _fields_meta needs to find a field in a line with one.

    _fields_meta finds nothing in a line with a digit but without a date and an opener, unless a
    substitution shortens it (a name left beside a reading time). A line without an invisible
    mark (_visible gives it back as it is) holds no date (find_dates' _YEARISH) and no year that
    _GLUED_YEAR parts without four digits in a row or a digit, a '.' or '/' and two digits: no
    '0000' or '0 00' in the translation. Nor does it hold one without the number of one or two
    digits that may_hold_date needs (_SHORT_RUN), unless _GLUED_YEAR parts a run of five digits
    or more ('20195. Mai'): the glued forms of a day or a month hold that number, and only
    _GLUED_YEAR parts a run of digits. Without those, and without 'min' lower-cased and
    'omment', no substitution changes it: the text _fields_meta reads is the line, dateless, and
    _has_opener reads it alone.
    """
    parts = encoded.translate(_QUICK_TABLE)
    # 'in' of bytes in bytes first tries its operand as a byte's number and raises and clears a
    # TypeError: a number, and find() for longer runs.
    if _ZERO not in parts:
        # No digit: an opener among the parts as _OPENER_PARTS splits them, or nothing.
        if _OPENER_PARTS.encoded.isdisjoint(parts.split()):
            return None
        return False if _OPENER_PARTS.held_in(line) else None
    # Many lines with a year are the body's sentences or a list's entries that hold no day or
    # month beside it ('World Cup 2010', '* December 2021').
    if (parts.find(b"0000") >= 0 or parts.find(b"0 00") >= 0) and (
        _SHORT_RUN.search(parts) is not None or parts.find(b"00000") >= 0
    ):
        return True
    if parts.find(b"min") >= 0 or parts.find(b"omment") >= 0 or "\u00ad" in line:
        return True  # "\u00ad": the one mark of _INVISIBLE within Latin-1
    if not _OPENER_PARTS.encoded.isdisjoint(parts.split()):
        return True
    return None


@lru_cache(maxsize=_LINE_CACHE)
def _read_meta_line(line: str, digits: bool, day_first: bool | None) -> MetaLine | None:
    """Return what meta_line returns of a line that holds a digit (`digits`) or an opener, the
    same object for the same line: the date lines and bylines of a site's template recur on its
    pages."""
    meta = _fields_meta(_visible(line), digits, day_first)
    # A social post quoted in the body names its poster and its day. Asked last: few lines get
    # here with a meaning, and the search costs on every line.
    if meta is None or _EMBED.search(line):
        return None
    return meta


def _spaced_year(match: re.Match[str]) -> str:
    """Return the year _GLUED_YEAR matches and a space after it: the replacement r"\1 ", as a
    function, which re calls only on a match (a template is handed to re's Python code first,
    on every call of sub())."""
    return match[1] + " "


def _fields_meta(line: str, digits: bool, day_first: bool | None) -> MetaLine | None:
    """Return what the fields of a line state (see meta_line), `digits` telling whether it holds
    one."""
    text = line
    # The glued forms all hold a year of 19xx or 20xx: without one they change nothing.
    if digits and _CENTURY_YEAR.search(line):
        text = _GLUED_YEAR.sub(_spaced_year, line)
        # A name glued to a date is a lower-case letter before a digit or a capital; most lines
        # hold none, and the two patterns (a look-behind first) are tried at every position.
        if _LOWER_BEFORE_DIGIT_OR_CAPITAL.search(text):
            text = _GLUED_MONTH.sub(" ", text)
            if "." in text:
                text = _GLUED_DAY.sub(" ", text)
    if digits and "min" in lower(text):
        text = _READING_TIME.sub("", text)  # '3 min Lesezeit' is no field of its own
    if digits and "omment" in text:
        text = _CALL_TO_COMMENT.sub("", text)  # '... Ulrike Stockhausen Schreibe einen Kommentar'
    dates = find_dates(text, day_first=day_first) if digits else []
    if not dates and not _has_opener(text):
        if len(text) < len(line) and (rest := text.strip(_SIDE_MARKS)) and _is_name_field(rest):
            return MetaLine(None, [rest])  # 'Jane Doe · 3 min read': a name and a reading time
        return None
    cuts = [0]
    separators = list(_FIELD_SEPARATOR.finditer(text)) if _holds_separator(text) else []
    # A comment count marks a blog's entry line: date, author, count, categories. A single name
    # in it is the author's pen name.
    counted = digits and _may_count(line) and _COUNT_SEPARATOR.search(line) is not None
    if counted:
        counts = _COUNT_SEPARATOR.finditer(text)
        separators = sorted([*separators, *counts], key=lambda m: m.start())
    for separator in separators:
        start, end = separator.span()  # once: each is a method's call
        # Separators overlap where a count stands beside a '|': the first one counts.
        if start >= cuts[-1] and not any(d.start < end and start < d.end for d in dates):
            cuts.extend((start, end))
    cuts.append(len(text))
    date: DateMatch | None = None
    names: list[str] | None = None
    outlet: str | None = None
    signed = False
    other = 0
    for begin, finish in zip(cuts[::2], cuts[1::2], strict=True):
        field = text[begin:finish].strip(" *+>:,;")
        if not field:
            continue
        if dates and any(begin <= d.start < finish for d in dates):
            # A field that is the whole line has the line's dates: they are not looked for again.
            found = (
                date_line_of(field, dates)
                if field == text
                else date_line_remainder(field, day_first=day_first)
            )
            if found is None:
                return None
            match, rest = found
            if _DATED_TITLE.search(field[: match.start]):
                return None
            date = date or match
            if rest:  # the pattern is tried at each position: not on nothing, as after a date alone
                rest = _COUNT_TAIL.sub("", rest).strip(" ,")
            if rest and names is None:
                before = field[: match.start].rstrip()
                # 'Berlin, 3. Mai': a place; 'Janic Cathomen, 01.12.2021': a person, two
                # name words or more.
                place = (
                    before.endswith(",")
                    and not field[match.end :].strip()
                    and not (_is_name_field(rest) and not rest.isupper())
                )
                names = _signed_names(rest)
                signed = names is not None
                if names is None and "," in rest:
                    names = _comma_names(rest)  # 'Jane Doe, John Roe, 3. Mai 2021'
                if names is None and not place:
                    # The name on one side of the date, maybe a category on the other:
                    # 'Swantje Bernsmann 11/08/2020 Feelings'.
                    after = field[match.end :]
                    for part in (before, after, rest):
                        part = part.strip(_SIDE_MARKS)
                        if _is_name_field(part):
                            names = person_names(part)
                            break
                if names is None and not place and _is_user_name(rest):
                    names = [rest]  # a lower-case user name beside a date: 'reineckefuchs'
                if names is None and counted and _is_pen_name(rest):
                    names = [rest]  # a blog's entry line: '1. Mai 2021 Paddy 3 Kommentare'
                if names is None:
                    outlet = outlet or outlet_name(rest)
            continue
        # Beside a date, the opener may follow a few words of label ('words written by ...').
        if text[begin:finish].rstrip(" *+>,;").endswith(":") and _weak_byline(field):
            found_names = None  # a label over a list: 'By Cuisine:' (not 'Autor Mark Newton:')
        else:
            found_names = _signed_names(field) if dates else byline(field)
            if (
                found_names
                and not dates
                and " " not in found_names[0]
                and line.lstrip()[:1] in ITEM_MARKS
                and _weak_byline(field)
            ):
                found_names = None  # '+ By Invitation', '+ By Occasion': a menu's items
        if found_names is not None and (names is None or not signed):
            names, signed = found_names, True
            continue
        if found_names is None and dates and _is_name_field(field):
            found_names = person_names(field)
        if found_names is None and dates and _CONNECTOR.search(field):
            listed = person_names(field)  # 'Jane Doe and John Roe | 3 May 2021'
            found_names = listed if listed and len(listed) > 1 else None
        elif found_names is None and dates and "," in field:
            found_names = _comma_names(field)  # 'Jane Doe, John Roe | 3 May 2021'
        if found_names is None and dates and begin == 0 and _is_user_name(field):
            found_names = [field]  # 'reineckefuchs — 2. Februar 2022'
        if found_names is None and counted and begin == 0 and _is_pen_name(field):
            found_names = [field]  # 'Paddy · April 19, 2019 · Mac · 7 comments'
        if found_names is None and dates and _MIXED_HANDLE.match(field):
            found_names = [field]  # 'ThE_PaiN'
        if found_names is not None:
            names = names or found_names
            continue
        # The words with a letter or digit: isalnum() tells most at once, _WORD_RUN ([^\W_],
        # what isalnum() accepts) finds one among marks.
        count = 0
        for word in field.split():
            if word.isalnum() or _WORD_RUN.search(word):
                count += 1
        if count > _MAX_FIELD_WORDS or (count > 2 and _SENTENCE_END.search(field)):
            return None
        other += count
    if (date is None and names is None) or other > _MAX_OTHER_WORDS:
        return None
    return MetaLine(date, names, outlet, signed)


# A blog engine's note on its post, a sentence: 'Dieser Beitrag wurde am 4. Mai 2021 von jdoe in
# News veröffentlicht', 'This entry was posted on May 4, 2021 by Jane Doe', 'Publié le 4 mai 2021
# par ...', 'Diese Seite wurde zuletzt am ... geändert'. The verb says what was done that day.
_NOTE_VERBS: Final = frozenset({
    "veröffentlicht", "gepostet", "geschrieben", "publiziert", "erstellt", "eingestellt",
    "geändert", "aktualisiert", "bearbeitet", "posted", "published", "written", "edited",
    "updated", "modified", "publié", "publiée", "écrit", "modifié", "publicado", "publicada",
    "escrito", "actualizado", "pubblicato", "pubblicata", "scritto", "aggiornato", "geplaatst",
    "gepubliceerd", "geschreven", "bijgewerkt", "opublikowano", "dodano", "zaktualizowano",
})  # fmt: skip
# ... its subject, the text itself, and the passive: 'Dieser Beitrag wurde', 'This entry was'.
_NOTE_SUBJECT: Final = re.compile(
    r"(?<!\w)(?:dieser|diese|der|this|the|cet|ce|cette|esta|este|questo|questa|deze|dit)\s+"
    r"(?:beitrag|eintrag|artikel|post|text|seite|entry|article|page|billet|entrée|entrada|"
    r"artículo|articolo|pagina|bericht|wpis)\s+(?:wurde|was|has\s+been|a\s+été|fue|è\s+stato|"
    r"werd|is|został)(?!\w)",
    re.IGNORECASE,
)
# ... or the categories it was filed under: '... gepostet und unter Literatur abgelegt'.
_NOTE_FILING: Final = re.compile(
    r"(?<!\w)(?:abgelegt|getaggt|verschlagwortet|kategorisiert|filed\s+under|tagged|permalink|"
    r"classé|archivado|archiviato)(?!\w)",
    re.IGNORECASE,
)
# The preposition that puts the date in the sentence, maybe a weekday and 'den' between:
# 'am Mittwoch, den 27. November 2019', 'on March 3, 2020', 'le 4 mai', 'el 4 de mayo'.
_NOTE_ON: Final = re.compile(
    r"(?<!\w)(?:am|on|le|el|il|op|em|dnia)\s+(?:(?P<weekday>[^\W\d_]+),?\s+(?:den\s+)?)?$",
    re.IGNORECASE,
)
NOTE_CHARS: Final = 300  # a longer line is no note (see post_note)
_NOTE_REACH: Final = 30  # characters before the date where its preposition is looked for
_NOTE_OPENER: Final = re.compile(r"(?<!\w)(?:von|by|par|por|da|door|przez)\s+", re.IGNORECASE)


def post_note(
    line: str, day_first: bool | None = None
) -> tuple[DateMatch, list[str] | None] | None:
    """Return the date a blog engine's note on its post states and the names after its 'by'
    ('This entry was posted on May 4, 2021 by Jane Doe' -> May 4, ['Jane Doe']), or None.

    The note is a sentence that says the text itself (or the categories it was filed under, or
    its verb first: 'Posted on ...') was published, written or changed on a day. A sentence of
    prose about another text ('Die Studie wurde am 3. Mai veröffentlicht') says neither.
    """
    # The note's date is one of find_dates': a line without its numbers (most lines, and most
    # with a digit) is told before its words are read.
    if len(line) > NOTE_CHARS or not may_hold_date(line):
        return None
    # Of the few lines the date's numbers leave, the words are split at once: the verb is looked
    # up among them, and the opening one read beside it.
    words = _WORD_BREAKS.split(line.casefold())
    if _NOTE_VERBS.isdisjoint(words):
        return None
    if _NOTE_SUBJECT.search(line) is None and _NOTE_FILING.search(line) is None:
        # The verb may open the note ('Posted on ... Author ...'), where it is no line of
        # metadata fields, which are read as such: a comment's 'Posted by Jane Doe on ...' too.
        opening = next((word for word in words if word), "")
        if opening not in _NOTE_VERBS or meta_line(line, day_first) is not None:
            return None
    for match in find_dates(line, day_first=day_first):
        on = _NOTE_ON.search(line, max(0, match.start - _NOTE_REACH), match.start)
        if on is None or (on["weekday"] and not is_date_word(on["weekday"])):
            continue
        # The names follow the date ('... am 4. Mai 2021 von jdoe in News') or precede it
        # ('Posted by Jane Doe on May 4, 2021 in News | Permalink').
        by = _NOTE_OPENER.search(line, match.end, match.end + _NOTE_REACH)
        if by is None:
            by = next(_NOTE_OPENER.finditer(line, 0, match.start), None)
        names = byline(line[by.start() :].rstrip(" ."), handles=True) if by else None
        return match, names
    return None


_READING_TIME = re.compile(
    r"\b(?:(?:ca\.\s*)?\d+\s*min(?:\.|uten|utes?)?\s*(?:lesezeit|lesedauer|read|reading time|"
    r"de lecture|de lectura|czytania)|"
    r"(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura|czas czytania)\s*:?\s*"
    r"(?:ca\.\s*|etwa\s+|about\s+|approx\.\s*|environ\s+)?\d+\s*min\w*\.?|"
    r"^\s*\d{1,2}\s*min\.?(?=\s))",  # a bare reading time opening the line: '5 Min. 1. Mai 2021'
    re.IGNORECASE,
)
_CALL_TO_COMMENT = re.compile(
    r"\s*(?:(?:schreibe|hinterlasse)\s+einen\s+kommentar|leave\s+a\s+(?:comment|reply)|"
    r"\d+\s*(?:kommentare?|comments?)|(?:kommentare?|comments?)\s*\d+)\s*$",
    re.IGNORECASE,
)
# What may follow the names beside a date: a comment count or a call to comment.
_COUNT_TAIL = re.compile(
    r"\s*(?:\d+\s*(?:comments?|kommentare?|antworten|responses?|réactions?)?|"
    r"(?:schreibe|hinterlasse)\s+einen\s+kommentar|leave\s+a\s+(?:comment|reply)|"
    r"(?:ein|keine|no|one)\s+(?:kommentare?|comments?)|(?:kommentare?|comments?)\s*\d+)\s*$",
    re.IGNORECASE,
)
_SIDE_MARKS = " ,;:-–—·|"
# A user name: one lower-case token with letters, maybe digits ('reineckefuchs', 'freeman1984').
_USER_NAME = re.compile(r"^(?=[a-z0-9._-]*[a-z]{3})[a-z][a-z0-9._-]{1,28}[a-z0-9]$")


# A user name with '_' or digits among its letters ('ThE_PaiN', 'Marianne1'): no word of a
# language, where a category may be 'WordPress' or 'iPhone'.
_MIXED_HANDLE = re.compile(r"^(?=\S*[a-z])(?=\S*(?:_|[A-Za-z][0-9]))[A-Za-z][\w.-]{2,29}$")


def _is_user_name(text: str) -> bool:
    """Return whether `text` is one lower-case user name, not a word of the language."""
    return (
        _USER_NAME.match(text) is not None
        and text not in ALL_STOP_WORDS
        and text not in _OPENER_WORDS
        and text not in _NOT_NAME_WORDS
    )


def _is_pen_name(text: str) -> bool:
    """Return whether `text` is one capitalised name word ('Paddy'), not a word of the language."""
    return (
        " " not in text
        and len(text) >= _PEN_NAME_CHARS
        and not text.isupper()
        and _NAME_WORD.match(text) is not None
        and text.casefold() not in ALL_STOP_WORDS
        and text.casefold() not in _OPENER_WORDS
        and text.casefold() not in _NOT_NAME_WORDS
        and not is_date_word(text)
    )


_PEN_NAME_CHARS = 3


# A picture's credit before an opener: 'Photo by', 'Foto von', 'Illustration by'.
_PICTURE_CREDIT = re.compile(
    r"(?:photos?|fotos?|photograph|images?|bild(?:er)?|pictures?|illustration|grafik|graphics?|"
    r"video|cover(?:bild|foto)?|titelbild)\s*$",
    re.IGNORECASE,
)

_TEXT_CREDIT = re.compile(r"\b(?:text|texte|texto|words|story|worte)\b", re.IGNORECASE)


def _signed_names(text: str) -> list[str] | None:
    """Return the names a byline in `text` states, its opener maybe after a few words of label
    ('Posted in Datenschutz by damianduchamps')."""
    names = byline(text, handles=True)
    if names is not None or _is_name_field(text):
        return names  # 'Christoph von Ritter' is a name, not 'Christoph' and a byline
    for opener in _OPENER_ANYWHERE.finditer(text):
        before = text[: opener.start()]
        if opener.start() > 0 and len(before.split()) <= 4:
            if _PICTURE_CREDIT.search(before) and not _TEXT_CREDIT.search(before):
                return None  # 'Photo by Jane Doe on Unsplash' names the photographer
            names = byline(text[opener.start() :], handles=True)
            if names is not None:
                return names
    return None


def _is_name_field(text: str) -> bool:
    """Return whether a field holds a name alone: two to four name words, nothing else."""
    parts = text.split()
    return 2 <= len(parts) <= 4 and _is_person(text, alone=True)


def name_line(line: str) -> list[str] | None:
    """Return the name a line holds alone ('Jessica DeFino'), or None: an author beside a date.

    A scholarly page marks the name with its affiliations ('Jane Doe1,2', 'John Roe*'), which
    are left out, and may add a degree ('Jane Doe, PhD'), which stays: it is how the page names
    the person.
    """
    if len(line) > _NAME_LINE_CHARS:
        return None  # a paragraph
    text = _visible(line).strip(" *+>•·,")
    if "@" in text:  # the handle's mark, which most lines lack: the pattern is not tried
        text = _HANDLE_TAIL.sub("", text)
    if " " in text and text.rsplit(None, 1)[-1].casefold() in _ROLE_WORDS:
        # 'Harald Bauer Autor', 'Jane Doe Staff Writer', 'Jane Doe, Reporter'
        text = _ROLE_TAIL.sub("", text).rstrip(" ,|·–—-")
    if text.endswith(")"):
        text = _CODE_TAIL.sub("", text)  # 'Jane Doe (jd)': the writer's short code
    # A separator is a comma or a mark after white space, which most names lack: the pattern is
    # not tried.
    if (
        ("," in text or "|" in text or "·" in text or "–" in text or "—" in text or "-" in text)
        and (cut := _ROLE_SEPARATOR.search(text))
        and role_line(text[cut.end() :])
    ):
        text = text[: cut.start()].rstrip()  # 'Jane Doe, Redakteurin', 'Jane Doe | Staff Reporter'
    if text[-1:] in _AFFILIATION_MARKS:
        text = _AFFILIATION_TAIL.sub("", text)
    degree = _DEGREE_TAIL.search(text) if "," in text else None
    if degree is not None and _is_name_field(text[: degree.start()]):
        return [text]
    if len(text) > 50 or not _is_name_field(text):
        # Several people's full names ('Isabel Caro, Rocío Latorre y José Miguel Wilson').
        if len(text) <= _NAMES_LINE_CHARS and _CONNECTOR.search(text):
            names = person_names(text)
            if names and len(names) > 1:
                return names
        elif len(text) <= _NAMES_LINE_CHARS and "," in text:
            return _comma_names(text)
        return None
    return [text]


_NAMES_LINE_CHARS: Final = 100


def _comma_names(text: str) -> list[str] | None:
    """Return the full names that commas alone set off in `text` ('Jane Doe, John Roe'), or None;
    a single word after a comma is a place or an outlet ('Jane Doe, Berlin')."""
    items = [item.strip() for item in text.split(",")]
    if (
        len(items) > 1
        and all(1 <= item.count(" ") <= 3 for item in items)  # a quick test first
        and all(_is_name_field(item) for item in items)
        and _ORGANISATION_WORDS.isdisjoint(text.casefold().replace(",", " ").split())
    ):
        return items
    return None


_CODE_TAIL: Final = re.compile(r"\s+\([a-z]{2,4}\)$")
# A separator between a name and the person's role: a comma, a bar, a dash.
# (name_line looks for these marks before it tries the pattern.)
_ROLE_SEPARATOR: Final = re.compile(r"(?:,|\s[|·–—-])\s*")
_NAME_LINE_CHARS: Final = 160  # a longer line is no name line, whatever its tail
# Marks of a name's affiliations, glued to its last word: 'Jane Doe1,2', 'John Roe*', 'Ann Lee†'.
_AFFILIATION_MARKS: Final = frozenset("0123456789*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰")
_AFFILIATION_TAIL: Final = re.compile(
    r"(?<=[a-zß-ÿ\u0100-\u017f])[0-9*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,[0-9*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)*$"
)
# A degree after the name and a comma: 'Jane Doe, PhD', 'John Roe, M.D., MPH'.
_DEGREE = r"(?:Ph\.?\s?D\.?|M\.?D\.?|MPH|MBA|MSc|M\.Sc\.|DVM|RN|FRCP|MA|BSc)"
_DEGREE_TAIL: Final = re.compile(rf",\s*{_DEGREE}(?:\s*,\s*{_DEGREE})*$")


def role_after_name(line: str) -> bool:
    """Return whether a line closes with a role word after the name ('Jane Doe Autorin')."""
    text = line.strip(" *+>•·,")
    return " " in text and text.rsplit(None, 1)[-1].casefold() in _ROLE_WORDS


# A role after a name on its line.
_ROLE_WORDS: Final = frozenset({
    "autor", "autorin", "author", "auteur", "auteure", "autora", "redakteur", "redakteurin",
    "editor", "reporter", "writer", "journalist", "journalistin", "correspondent", "contributor",
})  # fmt: skip
_ROLE_TAIL: Final = re.compile(
    r"(?:\s+(?:staff|senior|chief|contributing|freie[rn]?))?\s+[\w-]+$", re.IGNORECASE
)
_HANDLE_TAIL: Final = re.compile(r"\s+@\w+$")  # 'Williams Perdomo @wperdomod'


# An opener alone on its line, the names on the next: 'By' / 'James Whittaker'.
_LONE_OPENER: Final = re.compile(
    r"^(?:[\w-]+\s+)?(?:by|von|par|por|door|przez|written by|posted by|geschrieben von|"
    r"autor(?:in|[*/_:]in)?|author|auteur|text|texte)\s*:?$",
    re.IGNORECASE,
)
# The last two letters of _LONE_OPENER's openers (a test reads them from the pattern).
_LONE_OPENER_ENDS: Final = frozenset({"by", "on", "ar", "or", "ez", "in", "ur", "xt", "te"})
# A role under a name: 'Christoph Hein' / 'Chefredakteur'.
_ROLES: Final[tuple[str, ...]] = (
    "redakteur", "redakteurin", "editor", "reporter", "correspondent", "korrespondent",
    "korrespondentin", "journalist", "journalistin", "columnist", "kolumnist", "kolumnistin",
    "writer", "contributor", "autor", "autorin", "author", "vorsitzende", "vorsitzender",
    "vorsitzenden", "chief", "director", "direktor", "direktorin", "präsident", "präsidentin",
    "president", "professor", "professorin", "sprecher", "sprecherin", "spokesman", "spokeswoman",
    "spokesperson", "leiter", "leiterin", "referent", "referentin",
)  # fmt: skip
# The last three letters of the roles (each has five or more).
_ROLE_ENDS: Final = frozenset(role[-3:] for role in _ROLES)
# ... written in any case ('EUR', 'Eur', 'eUr', ...).
_ROLE_END_CASES: Final = frozenset(
    "".join(letters)
    for end in _ROLE_ENDS
    for letters in itertools.product(*[(char, char.upper()) for char in end])
)
# The role closes the first or the second word ('Chefredakteur', 'Staff Writer'); a few words
# may follow ('Editor at Large').
_ROLE_LINE: Final = re.compile(
    rf"^(?:[\w-]+\s+)?[\w-]*(?:{'|'.join(_ROLES)})(?:\s+[\w-]+){{0,5}}$", re.IGNORECASE
)


# A copyright line with a year: '© 2020 Jane Doe', 'Copyright (c) 2012- Jane Doe. All rights
# reserved.', '2009-2020 by Jane Doe'. Photo credits ('© Jane Doe / Agency') name no year.
COPYRIGHT: Final = re.compile(
    r"(?:(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:(?:19|20)[0-9]{2})?)?"
    r"|(?<![0-9])(?:19|20)[0-9]{2}\s*[-–]\s*(?:19|20)[0-9]{2}(?=\s+by\s))"
    r"\s*[:,-]?\s*(?:by\s+)?(?P<rest>[^\W\d].*)",
    re.IGNORECASE,
)
_COPYRIGHT_LINE_CHARS: Final = 200


def may_hold_copyright(text: str) -> bool:
    """Return False when COPYRIGHT finds nothing in `text` for sure, by a few substring scans
    where the pattern tries its alternatives at every character.

    Every match holds a year of the 1900s or 2000s (ASCII digits) and, case aside, '©', '(c)',
    'copyright', or the 'by' after a span of years. Case aside is lower() but for the letters
    'İ' and 'ı', which IGNORECASE takes for 'i': a text that holds either is searched.
    """
    if "19" not in text and "20" not in text:
        return False
    if "\u0130" in text or "\u0131" in text:
        return True
    low = lower(text)
    return "©" in text or "(c)" in low or "copyright" in low or "by" in low


# What ends the holder's name: a full stop, a separator, 'All rights reserved'.
_HOLDER_END: Final = re.compile(
    r"[.,;|·•–—®]|\s-\s|\s(?:all|alle|tous|todos|tutti)\s|\s(?:rights|rechte)\b", re.IGNORECASE
)


# Words that make a holder an organisation: legal forms and the nouns companies, parties and
# publishers name themselves with.
_ORGANISATION_WORDS: Final = frozenset({
    "inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ag", "kg", "se", "sa", "sl", "srl", "bv",
    "nv", "ev", "e.v", "group", "gruppe", "groupe", "grupo", "grupa", "media", "medien", "network",
    "verlag", "partei", "party", "amt", "bund", "verband", "verein", "forum", "templates",
    "foundation", "stiftung", "institut", "institute", "university", "universität", "company",
    "college", "school", "schule", "hochschule", "hospital", "klinik", "klinikum", "center",
    "centre", "zentrum", "museum",
})  # fmt: skip


# ... and the ends of compounds made with them ('Mediengruppe', 'Bundesministerium').
_ORGANISATION_ENDINGS: Final[tuple[str, ...]] = (
    "gruppe", "verlag", "medien", "media", "verband", "stiftung", "institut", "zentrum",
    "ministerium", "amt", "gesellschaft", "agentur", "redaktion",
)  # fmt: skip


def copyright_holder(line: str) -> list[str] | None:
    """Return the person a copyright line names ('© 2020 Jane Doe. All rights reserved.')."""
    if len(line) > _COPYRIGHT_LINE_CHARS:
        return None
    match = COPYRIGHT.search(line)
    if match is None:
        return None
    rest = match.group("rest")
    end = _HOLDER_END.search(rest)
    names = name_line(rest[: end.start()] if end else rest)
    if names is None or len(names) > 1 or reads_as_outlet(names[0]):
        return None
    words = names[0].casefold().split()
    if words[0] == "copyright" or not _ORGANISATION_WORDS.isdisjoint(words):
        return None
    return names


# The mark of a copyright: the sign, '(c)', the word (not 'copyrighted').
_COPYRIGHT_MARK: Final = re.compile(
    _opening_with("©(c", r"©|\(c\)|\bcopyright\b(?![-\w])|\bcopr\."), re.IGNORECASE
)
_COPYRIGHT_SIGN: Final = re.compile(r"©|\(c\)", re.IGNORECASE)
_COPYRIGHT_YEAR = r"(?<![\w.])(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)?[0-9]{2})?(?![\w.])|\bMM[MDCLXVI]{0,6}\b|\bMCM[MDCLXVI]{0,6}\b"
# 'All rights reserved' and its translations ('Some rights reserved' of a free licence too).
_RIGHTS_RESERVED = (
    r"(?:(?:all|some)\s+)?rights\s+reserved|(?:(?:alle|bestimmte)\s+)?rechte\s+vorbehalten|"
    r"(?:(?:todos\s+los|algunos)\s+)?derechos\s+reservados|(?:tous\s+)?droits\s+r[ée]serv[ée]s|"
    r"(?:tutti\s+i\s+)?diritti\s+riservati|(?:wszelkie\s+)?prawa\s+zastrzeżone"
)
# A site's copyright, not a picture's credit: a year, the word, or the rights it reserves.
_SITE_COPYRIGHT: Final = re.compile(
    _opening_with("12mcarsbtdwp", rf"{_COPYRIGHT_YEAR}|\bcopyright\b(?![-\w])|{_RIGHTS_RESERVED}"),
    re.IGNORECASE,
)
_RIGHTS: Final = re.compile(_opening_with("arsbtdwp", _RIGHTS_RESERVED), re.IGNORECASE)
# Parts of every match of _RIGHTS, in lower case (a test reads them against the pattern) ...
_RIGHTS_KEYS: Final[tuple[str, ...]] = (
    "rights", "rechte", "derechos", "droits", "diritti", "prawa",
)  # fmt: skip
# ... and of _SITE_COPYRIGHT besides a year's first two digits: of the Roman years, the word and
# the rights reserved.
_SITE_COPYRIGHT_KEYS: Final[tuple[str, ...]] = ("mm", "mcm", "copyright", *_RIGHTS_KEYS)


def _site_copyright(line: str) -> bool:
    """Return whether _SITE_COPYRIGHT finds a site's copyright in `line`: a line that holds no
    '19', no '20' and none of _SITE_COPYRIGHT_KEYS is told at once (a picture's credit, '©
    Jane Doe'), where the pattern tries its alternatives at every character."""
    if "19" not in line and "20" not in line and not _holds_a_key(line, _SITE_COPYRIGHT_KEYS):
        return False
    return _SITE_COPYRIGHT.search(line) is not None


_HOLDER_BY: Final = re.compile(
    r"^(?:(?:owned\s+by\s+or\s+)?licensed\s+to|owned\s+by|by|von|par|por|door|of|since|seit|"
    r"depuis|desde)\s*:?\s+",
    re.IGNORECASE,
)
# A picture's credit, whatever it reserves: 'Bild: © Jane Doe', 'Foto: Example (c) 2020'.
_PICTURE_LABEL: Final = re.compile(
    _opening_with(
        "fpbicqg",
        r"\b(?:fotos?|photos?|bild(?:er)?\d*|images?|credits?|quelle|illustrations?|grafik)\s*:",
    ),
    re.IGNORECASE,
)
# Where the holder's name ends: a comma, a bracket, a maker's credit after it ...
_CREDIT_END = (
    r"[,(:;]|\s(?:by|von|par|por|door|powered|designed|hosted|built|made|created|proudly)\b|"
    r"\sand\s+is\b"
)
_HOLDER_END_CREDIT: Final = re.compile(_CREDIT_END, re.IGNORECASE)
# ... or an address: \S+ tried at every character of a word costs more than the rest together,
# so this is asked only of a text that holds an '@'.
_HOLDER_END_ADDRESS: Final = re.compile(rf"{_CREDIT_END}|\S+@", re.IGNORECASE)
# A word of the page after an agency's name in its copyright, not of a company's name.
_PAGE_WORD: Final = re.compile(r"^(?:[^A-Z]|(?i:published|posted|updated|tags?|via)$)")
_GLUED_YEAR_WORDS: Final = re.compile(
    _opening_with("12", r"(?<=[^\W\d_])((?:19|20)[0-9]{2})(?=[^\W\d_])")
)
_DASHED_YEAR: Final = re.compile(r"\s+[-–—]\s+(?=(?:19|20)[0-9]{2}\b)")
# A footer's links after the holder's name, when the dump glues them to it.
_FOOTER_LINKS: Final = frozenset((
    "impressum", "datenschutz", "privacy", "terms", "contact", "kontakt", "sitemap", "agb",
    "cookies", "imprint", "disclaimer",
))  # fmt: skip
_DATED_COPYRIGHT: Final = re.compile(
    _opening_with("©(12marsbtdwp", rf"©|\(c\)|{_COPYRIGHT_YEAR}|{_RIGHTS_RESERVED}"), re.IGNORECASE
)
# What a copyright line says besides the holder's name: the marks, years, 'by', 'All rights
# reserved' and its translations.
_COPYRIGHT_WORDS: Final = re.compile(
    _opening_with(
        "©(c®™12m\\-–—arsbtdwp",
        rf"©|\(c\)|\bcopyright\b|\bcopr\.|®|™|{_COPYRIGHT_YEAR}|[-–—](?=\s|$)|"
        rf"(?<![\w-])(?:{_RIGHTS_RESERVED}|the\s+copyright\s+of)(?![\w-])",
    ),
    re.IGNORECASE,
)
# 'Copyright claims', 'copyright law': the word in a sentence, before a word in lower case.
_COPYRIGHT_IN_PROSE: Final = re.compile(r"\s+(?!by\b|of\b)[a-zß-ÿ]")
# 'Community platform by Example ©': the sign of a maker's credit.
_MAKER_CREDIT: Final = re.compile(r"\b(?:by|von|par|por)\b", re.IGNORECASE)
# Where one part of a footer ends: a bar or bullet, a dash set off by spaces, a slash set off
# by a space, a sentence's full stop (not an abbreviation's: 'St. Mary Times', 'e.V.').
_FOOTER_PARTS: Final = re.compile(
    _opening_with(
        r"\s|•·∙/.",
        r"\s*[|•·∙]\s*|\s+/\s*|\s*/\s+|\s+[-–—]\s+|(?<![\s.]\w)(?<![\s.][A-Z][a-z])\.(?:\s+|$)|\s{3,}",
    )
)
# Legal forms of a company: cut with what follows them, the rest names the same company.
_LEGAL_FORM: Final = re.compile(
    r"(?:inc|ltd|limited|llc|llp|plc|corp|corporation|co|pty|gmbh|ag|kg|kgaa|se|sa|s\.a|sas|"
    r"s\.a\.s|sarl|srl|s\.r\.l|sl|s\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|ab|a/s|oy|e\.\s?v|private|mbh|"
    r"pvt|c\.a)\.?,?",
    re.IGNORECASE,
)
# 'A member of Example Group', 'Eine Marke der Example Gruppe': the holder is the group.
_PART_OF: Final = re.compile(
    r"^(?:courtesy\s+of\s+|(?:(?:a|an|ein|eine|un|une|una)\s+)?(?:brand|member|division|"
    r"service|part|product|"
    r"subsidiary|marke|angebot|produkt|unternehmen|marque|filiale|marca)\s+"
    r"(?:of|der|des|von|de|du|del)\s+)",
    re.IGNORECASE,
)
# A street's number, a postcode, a version, a register's number.
_DIGITS_WORD: Final = re.compile(r"^[0-9][0-9.,/-]*$|[0-9]{4}")
_SPACED_EV: Final = re.compile(r"\be\.\s+V\b")  # 'e. V.', a German association's legal form
_LICENCE: Final = re.compile(r"^CC(?:-[\w-]+)?$")  # a free licence's name ('CC-BY-SA'), no holder's
# Words of a company that publishes an outlet, cut when the rest reads as the outlet's name
# ('The Daily Herald Company', 'Herald Media Group').
_PUBLISHER_TAIL: Final = re.compile(
    r"\s+(?:(?:media|publishing|publications|newspapers?|news)\s+)?(?:company|group|gruppe|"
    r"groupe|grupo|verlag|publishing|publications|media|medien)$",
    re.IGNORECASE,
)
# A holder made of these names no outlet: a site's links, the authors of its posts, the
# owners of its marks, a picture service or the maker of its software.
_NOT_OUTLET_WORDS: Final = frozenset((
    "rights", "reserved", "rechte", "privacy", "policy", "terms", "impressum", "datenschutz",
    "contact", "kontakt", "cookies", "sitemap", "author", "authors", "autor", "autoren",
    "autorin", "owner", "owners", "licensors", "respective", "contributors", "site", "website",
    "webseite", "images", "image", "photo", "photos", "foto", "fotos", "pictures", "picture",
    "bild", "bilder", "stock", "photography", "photographic", "fotografie", "powered", "theme", "themes",
    "template", "templates", "wordpress", "design", "designed", "software", "plugin", "version",
    "licensed", "license", "lizenz", "hosting", "inhalte", "content", "contents", "material",
    "text", "texte", "notice", "reproduction", "use", "users", "permissions", "agb",
    "nutzungsbedingungen", "términos", "condiciones", "aviso", "mentions", "légales",
    "advertise", "advertising", "werbung", "commons", "urheberrecht", "hinweis",
))  # fmt: skip
_ELIDED: Final = re.compile(r"^(?:d|l|dell|dall|all|nell)['’]\w")  # "d'Abruzzo", "l'Espresso"
_ARTICLE_WORDS: Final = frozenset(("a", "an", "ein", "eine", "un", "une", "una", "uno"))
_HOLDER_PARTICLES: Final = frozenset((
    "of", "the", "and", "&", "for", "de", "del", "la", "las", "los", "el", "di", "della", "du",
    "des", "le", "les", "der", "die", "das", "und", "für", "e", "y", "et", "van", "von", "on", "in",
))  # fmt: skip
_COPYRIGHT_OUTLET_CHARS: Final = 50
_COPYRIGHT_OUTLET_WORDS: Final = 6


# 'Source: Example Times', 'Quelle: dpa', '(Fuente: EFE)': where the story came from.
_SOURCE_LINE: Final = re.compile(
    r"^[(\[]?\s*(?:source|sources|quelle|quellen|fuente|fonte|źródło|bron)\s*:\s*"
    r"(?P<name>[^()\[\]]{2,60}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
_SOURCE_NAME_END: Final = re.compile(r"\s*(?:[/,;|]|\s[-–—]\s)")


def source_line(line: str) -> str | None:
    """Return the outlet a line naming the story's source names ('Source: Example Times',
    'Quelle: dpa', 'Source: China Daily/Agencies' gives 'China Daily'), or None: a study, an
    office or a picture named as the source is no outlet."""
    match = _SOURCE_LINE.match(line.strip())
    if match is None:
        return None
    name = _SOURCE_NAME_END.split(match.group("name"), maxsplit=1)[0].strip()
    if is_agency(name) or outlet_name(name, topical=True):
        return name
    return None


def is_organisation(name: str) -> bool:
    """Return whether `name` names an organisation by a word of its kind ('Example Media GmbH',
    'Example Foundation'), not a person."""
    words = name.casefold().replace(",", " ").split()
    return not _ORGANISATION_WORDS.isdisjoint(words) or any(
        word.endswith(_ORGANISATION_ENDINGS) for word in words
    )


@lru_cache(maxsize=_LINE_CACHE)
def copyright_outlet(line: str) -> str | None:
    """Return the holder a site's copyright line names, as an outlet ('© 2008 The Daily
    Telegraph', 'Copyright 2021 Example Media GmbH. All rights reserved' gives 'Example
    Media'), or None.

    The holder is the name in the part of the line that holds the mark (after it, else before
    it: 'Example Times © 2021'), or the part right after a mark and a year alone ('© 2021 |
    Example Times'). A legal form is cut; a publisher's word ('Company', 'Media Group') only
    where the rest reads as an outlet. A line with no year, no 'copyright' and no 'All rights
    reserved' is a picture's credit ('© Jane Doe / Agency'); a link ('Copyright Notice'), a
    maker's credit ('Platform by Example © 2020 Example Ltd'), a picture service, the software
    or design, 'All rights reserved' alone and a sentence name no holder. Whether the holder
    is a person is for the page to tell (fields.py).
    """
    holder = _copyright_holder_text(line)
    return _outlet_of_holder(holder) if holder else None


@lru_cache(maxsize=_LINE_CACHE)
def signed_footer_outlet(line: str) -> str | None:
    """Return the company or site a footer line names after the copyright sign alone, with no
    year ('© Example Verlag GmbH', '© example-news.org'), or None: a person or a name of no
    kind after the sign is a picture's credit as often ('© Jane Doe')."""
    if not _COPYRIGHT_SIGN.match(line.lstrip(" *+>•·|-–—\t")):
        return None  # '... the caption's sentence. © Example'
    holder = _copyright_holder_text(line, dated=False)
    if not holder or (name := _outlet_of_holder(holder)) is None:
        return None
    if not (_names_company(holder) or _DOMAIN.match(name)):
        return None
    return name


def reserves_rights(line: str) -> bool:
    """Return whether a copyright line reserves the rights ('All rights reserved', 'Alle
    Rechte vorbehalten'): a site's own footer, not a theme's or a tool's credit."""
    return _holds_a_key(line, _RIGHTS_KEYS) and _RIGHTS.search(line) is not None


@lru_cache(maxsize=_LINE_CACHE)
def held_by_company(line: str) -> bool:
    """Return whether the holder of a copyright line is a company or another organisation by
    its name's legal form or kind ('Example Verlag GmbH', 'Example Foundation')."""
    holder = _copyright_holder_text(line, dated=False)
    return _names_company(holder) if holder else False


def _names_company(holder: str) -> bool:
    """Return whether a copyright's holder is a company or another organisation (see
    held_by_company): signed_footer_outlet asks it of the holder it has read already."""
    words = _SPACED_EV.sub("e.V.", holder).split()
    return any(_LEGAL_FORM.fullmatch(word) for word in words[1:]) or is_organisation(holder)


def _copyright_holder_text(line: str, dated: bool = True) -> str | None:
    """Return the text of a site's copyright line that names its holder, or None."""
    if len(line := line.strip()) > _COPYRIGHT_LINE_CHARS:
        line = line[:_COPYRIGHT_LINE_CHARS].rsplit(None, 1)[0]  # a footer names its holder first
    if not _COPYRIGHT_MARK.search(line):
        return None
    if dated and not _site_copyright(line):
        return None
    # Every match of _PICTURE_LABEL holds its colon, of _DASHED_YEAR its dash: most lines
    # hold neither, and are told by a scan in C where the patterns try every character.
    if ":" in line and _PICTURE_LABEL.search(line):
        return None  # 'Bild: © Jane Doe, some rights reserved. Quelle: Example Images'
    # 'Example - 2020', '2013 - 2023': a year set off by a dash is no part of its own;
    # 'Example2008All rights reserved': a year glued to the words around it.
    line = line.strip(" *+>•·-–—\t")
    if "-" in line or "–" in line or "—" in line:
        line = _DASHED_YEAR.sub(" ", line)
    if _GLUED_YEAR_WORDS.search(line):  # rare: a sub with a group calls Python's re for each line
        line = _GLUED_YEAR_WORDS.sub(r" \1 ", line)
    parts = _FOOTER_PARTS.split(line)
    for index, part in enumerate(parts):
        marks = list(_COPYRIGHT_MARK.finditer(part))
        if not marks:
            continue
        if _MAKER_CREDIT.search(part, 0, marks[0].start()):
            return None  # 'Community platform by Example © 2020 Example Ltd'
        # Each mark's name runs to the next mark ('Copyright Notice © 2008 Example',
        # 'Copyright (c) Example 2008 Example Images Copyright Jane Doe'); the name after a
        # mark comes before the one before the first ('Example Times © 2021'), unless a comma
        # follows the sign ('Example® © 2013-2020, background by Jane Doe').
        names: list[str] = []
        before = ""
        for number, mark in enumerate(marks):
            if not _COPYRIGHT_SIGN.match(mark.group()) and (
                not _DATED_COPYRIGHT.search(part) or _COPYRIGHT_IN_PROSE.match(part, mark.end())
            ):
                continue  # 'Copyright Notice', 'copyright claims': a link, a sentence
            stop = marks[number + 1].start() if number + 1 < len(marks) else len(part)
            names.append(_holder_text(part[mark.end() : stop]))
            if number == 0:
                before = _holder_text(part[: mark.start()])
                # No name before the mark, the most common case, needs no reading after it.
                late = _COPYRIGHT_WORDS.sub(" ", part[mark.end() : stop]).lstrip() if before else ""
                if late.startswith(",") and _outlet_of_holder(before) is not None:
                    names.insert(0, before)
        if not names:
            continue  # no mark of a copyright: a link, a sentence
        names.append(before)
        follows = index + 1 < len(parts) and not _COPYRIGHT_MARK.search(parts[index + 1])
        if not any(names) and follows:
            names.append(_holder_text(parts[index + 1]))  # '© 2021 | Example | Impressum'
        named = [name for name in names if name]
        for name in named:
            if _outlet_of_holder(name) is not None:
                return name
        if named:
            return named[0]
    return None


def _holder_text(text: str) -> str:
    """Return `text` without a copyright's marks, years and set phrases, cut at its first comma
    or at a credit after the name ('Example by Jane Doe')."""
    text = text.lstrip(" :;,.-–—")
    while lead := _COPYRIGHT_WORDS.match(text):  # '© 2021', '(c) MMVIII,'
        text = text[lead.end() :].lstrip(" :;,.-–—")
    text = _HOLDER_BY.sub("", text)  # 'Copyright by Example'
    if tail := _COPYRIGHT_WORDS.search(text):
        text = text[: tail.start()]  # 'Example 2008 All rights reserved', 'Example® Images'
    ends = _HOLDER_END_ADDRESS if "@" in text else _HOLDER_END_CREDIT
    text = ends.split(text, maxsplit=1)[0]
    return " ".join(text.split()).strip(" :;,.-–—!?\"'")


def _outlet_of_holder(holder: str) -> str | None:
    """Return the outlet's name a copyright's holder gives, or None (see copyright_outlet)."""
    words = _PART_OF.sub("", _SPACED_EV.sub("e.V.", holder)).split()
    company = False  # a legal form names a company, whatever the case of its words
    said = [w for w in words if not _DIGITS_WORD.search(w)]  # the words the line says
    if words and _LEGAL_FORM.fullmatch(words[0]):
        words, company = words[1:], True  # 'S.A. Example Diario'
    for index, word in enumerate(words[1:], 1):
        folded_word = word.casefold()
        if folded_word in _FOOTER_LINKS:
            words = words[:index]  # 'Example Impressum Datenschutz': the footer's links
            break
        if _LEGAL_FORM.fullmatch(word) or _DIGITS_WORD.search(word) or _LICENCE.match(word):
            company = company or _LEGAL_FORM.fullmatch(word) is not None
            words = words[:index]  # 'Example GmbH Berlin', 'Example.de Hauptstraße 2 12345'
            break
    if len(words) > 1 and is_agency(words[0]) and _PAGE_WORD.match(words[1]):
        words = words[:1]  # 'AFP Published', 'AP TAGS': an agency, then the page's words
    name = " ".join(words).strip(" ,.&-–—")
    if "/" in name:
        return None  # 'Jane Doe/Example Agency': a picture's credit
    if (shorter := _PUBLISHER_TAIL.sub("", name)) != name and outlet_name(shorter, topical=True):
        name = shorter
    if reads_as_outlet(name) and not outlet_name(name, topical=True):
        return None  # a section's name ('Latest News'), or an outlet's word alone ('News')
    words = name.split()
    if not words or len(name) > _COPYRIGHT_OUTLET_CHARS or len(words) > _COPYRIGHT_OUTLET_WORDS:
        return None
    folded = [w.casefold().strip(".,:;!?\"'") for w in words]
    if not _NOT_OUTLET_WORDS.isdisjoint(folded) or "copyright" in name.casefold():
        return None
    company = company or is_organisation(name)
    domain = len(words) == 1 and _DOMAIN.match(name) is not None
    if not name[:1].isalnum() or (
        len(words) == 1 and not (name[:1].isalpha() or domain or company)
    ):
        return None  # '& Permissions', '75': no name ('20 Minuten', '5min.example' are)
    if len(words) == 1 and folded[0] in _ORGANISATION_WORDS:
        return None
    # A name writes its words capitalised, as a domain or in capitals; a sentence does not
    # (a company's name may: 'example media GmbH').
    for word in said[1:]:
        fold = word.casefold()
        lower = word[:1].islower() and fold not in _HOLDER_PARTICLES and not company
        if lower and "." not in word and not _ELIDED.match(word):
            return None
    # 'example media GmbH' is a name, 'a Example plc subsidiary' none.
    lower_first = words[0].islower() and len(words) > 1 and "." not in words[0]
    if lower_first and (not company or folded[0] in _HOLDER_PARTICLES | _ARTICLE_WORDS):
        return None
    if any("." not in word and len(_GLUED_WORD.findall(word)) > 2 for word in words):
        return None  # 'HomeAboutShop': a menu's entries glued together
    return name


# A sentence about a person that opens with the name and a verb of being or working: the first
# line of an author's biography ('Jane Doe ist Redakteurin bei ...', 'Jane Doe is the founder').
_BIO_VERBS: Final = frozenset((
    "ist", "is", "est", "jest", "es", "è", "é", "war", "was", "schreibt", "writes", "arbeitet",
    "works", "lebt", "lives", "studierte", "studied", "pisze", "travaille", "trabaja",
    "beschäftigt", "covers", "lehrt", "teaches", "enseigne", "forscht", "researches", "leitet",
))  # fmt: skip


def bio_start(text: str, names: list[str]) -> int:
    """Return how many words of `text` name the person it is a biography of (0: not one)."""
    for name in names:
        if text.startswith(name + " "):
            count = name.count(" ") + 1
            after = text[len(name) + 1 :].split(" ", 3)
            # The name may go on (a heading gives the first name, the biography the whole).
            for extra, word in enumerate(after[:2]):
                if word in _BIO_VERBS:
                    # A first name alone is a person of the article ('Frank ist Musiker').
                    return count + extra if count + extra >= 2 else 0
                if not word[:1].isupper():
                    break
    return 0


# A desk or an editorial team that a page credits in its byline's place: 'Redaktion', 'Die
# Redaktion', 'Example.com Redaktion', 'Redaktion Example News', 'Editorial Staff', 'Newsroom'.
_DESK: Final = re.compile(
    r"(?<!\w)(?:redaktion|rédaction|redaction|redacción|redaccion|redazione|redação|redacao|"
    r"redactie|redakcja|newsroom|news\s+desk|editorial\s+(?:staff|team|board|desk)|"
    r"staff\s+(?:writer|reporter|report)s?)(?!\w)",
    re.IGNORECASE,
)
# A part of every desk _DESK finds that holds no space: a text whose pieces, joined by spaces
# (the rest of a date line), name a desk holds one itself (see may_credit_desk).
_DESK_KEY: Final = re.compile(r"r[eé]da[kcçz]|newsroom|desk|editorial|staff", re.IGNORECASE)
# A part of every desk _DESK finds, in lower case (a test reads them against its desks).
_DESK_KEYS: Final[tuple[str, ...]] = ("eda", "éda", "newsroom", "desk", "editorial", "staff")
_DESK_OPENER: Final = re.compile(
    r"^(?:von|by|par|por|di|door|przez|autor(?:in)?|author|auteur|autore)\s*:?\s+", re.IGNORECASE
)
# The letters _DESK_OPENER's openers open with, as IGNORECASE matches them (checked over all of
# Unicode in test_metadata).
_DESK_OPENER_FIRSTS: Final = frozenset("vVbBpPdDaA")
_DESK_WORDS_MAX: Final = 5
_DESK_CHARS: Final = 60
_DESK_LOWER: Final = frozenset({"die", "the", "la", "le", "el"})


def desk_name(line: str) -> str | None:
    """Return the desk a line credits alone, maybe after an opener ('von Example.com Redaktion',
    'By Staff Writer', 'Redaktion'), as written; None for other lines. A desk is no person: the
    caller takes it only where a byline stands and names no one."""
    text = line.strip(_BULLETS_AND_MARKS)
    # A text longer than a desk's is one only after an opener (a paragraph has none); and the
    # text after an opener holds one of _DESK_KEYS only where the whole does: most lines hold
    # none, and are told before the opener is looked for. Most long texts (the paragraphs) open
    # with a letter no opener opens with, and are told before the pattern is tried.
    if len(text) > _DESK_CHARS and (
        text[:1] not in _DESK_OPENER_FIRSTS or _DESK_OPENER.match(text) is None
    ):
        return None
    if not _holds_a_key(text, _DESK_KEYS):
        return None
    # The opener can only open the text: a match at its start, where sub() would try each place.
    opener = _DESK_OPENER.match(text)
    if opener is not None:
        text = text[opener.end() :]
    text = text.strip(_BULLETS_AND_MARKS)
    if not text or len(text) > _DESK_CHARS:
        return None
    # _DESK tries its desks at every character: most lines hold none of their keys.
    if not _holds_a_key(text, _DESK_KEYS) or _DESK.search(text) is None:
        return None
    words = text.split()
    if len(words) > _DESK_WORDS_MAX:
        return None
    # Names and domains, an article first, no phrase: 'Kontakt zur Redaktion', 'Tipps der
    # Redaktion', 'Email Redaktion' are links.
    for k, word in enumerate(words):
        if _DESK.fullmatch(word):
            continue
        if not (word[:1].isupper() or "." in word or (k == 0 and word.casefold() in _DESK_LOWER)):
            return None
    if words[0].casefold() in _NOT_NAME_WORDS and not _DESK.fullmatch(words[0]):
        return None
    return text


_BULLETS_AND_MARKS: Final = " *+•·-–—|:,"


def may_credit_desk(text: str) -> bool:
    """Return False when no text made of pieces of `text` joined by spaces (date_line's rest of
    it, say) is a desk for desk_name, for sure: each holds a _DESK_KEY, and so does `text`."""
    return _DESK_KEY.search(text) is not None


def desk_opened(line: str) -> bool:
    """Return whether a line opens with a byline's opener ('von ...', 'By ...', 'Author ...')."""
    return _DESK_OPENER.match(line.strip(_BULLETS_AND_MARKS)) is not None


def author_heading(line: str) -> bool:
    """Return whether a short line is a heading over an author box ('Autoren', 'Über den Autor',
    'About the author')."""
    if len(line) > 40:
        return False
    words = lower(line).translate(_PUNCTUATION_TO_SPACE).split()
    return 0 < len(words) <= 4 and not _OPENER_WORDS.isdisjoint(words)


# A link to the author's page in an author box: 'Über Lars Sobiraj', 'Alle Beiträge von Creeny »'.
_AUTHOR_LINK: Final = re.compile(
    r"^(?:über|about|more\s+(?:by|from)|mehr\s+(?:von|über)|"
    r"(?:alle|weitere|mehr)\s+(?:beiträge|artikel|texte)\s+von|"
    r"(?:zeige|view|see|read)?\s*(?:all(?:e)?|more|other)\s+(?:beiträge|posts|articles|stories|"
    r"columns)\s+(?:von|by|from)|(?:posts|articles|stories)\s+by|"
    r"(?:voir\s+)?tous\s+les\s+articles\s+de|plus\s+d['’]articles\s+de|"
    r"(?:ver\s+)?(?:todos\s+los|más)\s+artículos\s+de|(?:tutti\s+gli|altri)\s+articoli\s+di|"
    r"(?:alle|meer)\s+artikelen\s+van|(?:zum\s+)?profil\s+von|(?:view\s+)?profile\s+of)"
    r"\s+(?P<name>[^»›→|]+?)(?:\s+(?:anzeigen|ansehen|lesen))?\s*[»›→]?$",
    re.IGNORECASE,
)


# A link to a person's posts under the name in an author box: 'Weitere Beiträge', 'All articles'.
_POSTS_LINK: Final = re.compile(
    r"^(?:alle|weitere|mehr|all|more|view\s+all|see\s+all|tous\s+les|todos\s+los|más)\s+"
    r"(?:beiträge|artikel|posts|articles|stories|artículos|notas)\s*[»›→]?$",
    re.IGNORECASE,
)


def posts_link(line: str) -> bool:
    """Return whether a line links to someone's posts ('Weitere Beiträge', 'All articles')."""
    return len(line) <= _POSTS_LINK_CHARS and _POSTS_LINK.match(line.strip(" *+•·-")) is not None


_POSTS_LINK_CHARS: Final = 30


# The count of a person's posts after the name in an author box: 'Über Jane 1009 Artikel'.
_POSTS_COUNT: Final = re.compile(
    r"\s+[0-9]+\s+(?:artikel|beiträge|posts|articles|stories|artículos)$", re.IGNORECASE
)


# The last words of _AUTHOR_LINK's links, and the space after them (a test reads them against
# the pattern).
_AUTHOR_LINK_KEYS: Final[tuple[str, ...]] = (
    "über ", "about ", "by ", "from ", "von ", "de ", "di ", "van ", "of ",
)  # fmt: skip
# Links that may name a place or a thing as well ('Über Berlin', 'More from Politics').
_VAGUE_LINK: Final = re.compile(
    r"(?:über|about|mehr\s+(?:von|über)|more\s+(?:by|from))\s", re.IGNORECASE
)


def author_link(line: str) -> list[str] | None:
    """Return the person a link to an author's page names ('Über Lars Sobiraj'), or None."""
    # Each of the pattern's links ends with a word of _AUTHOR_LINK_KEYS, white space after it
    # (the name follows): most lines hold none, and are told by a few substring scans of the
    # text with its white space runs made single spaces, folded as IGNORECASE matches it.
    if len(line) > 60 or not _holds_a_key(" ".join(line.split()), _AUTHOR_LINK_KEYS):
        return None
    match = _AUTHOR_LINK.match(line.strip(" *+•·-"))
    if match is None:
        return None
    name = match.group("name").strip(" .")
    # 'Über X', 'About X' may name a place or a thing: a person's two name words at least,
    # unless the count of the person's posts follows ('Über Jane 1009 Artikel').
    by = _VAGUE_LINK.match(line.strip(" *+•·-")) is None
    counted = _POSTS_COUNT.search(name)
    if counted:
        name, by = name[: counted.start()], True
    if name.casefold() in _NOT_NAMES:
        return None
    if _is_person(name, alone=by) or (by and _is_user_name(name)):
        return [name]
    return None


def lone_opener(line: str) -> bool:
    """Return whether a line is a byline's opener alone ('By', 'Text:', 'Ein Beitrag von'), the
    names below it.

    Not cached: most short lines of a page are told by their last two characters at once, for
    less than a look-up in a cache and the insertion of a line asked once.
    """
    if len(line) > 40 or line.count(" ") > 3:
        return False
    text = line.strip(" *+•·-–—")
    if not text:
        return False
    # Both tests below read the text's end: _LONE_OPENER's opener closes it but for a colon and
    # white space, a preposition (two letters or more) is its last word. When its last two
    # characters are ASCII, the last no colon nor white space, they are the end each test
    # reads, and fold (IGNORECASE, casefold) as lower() does: they must close an opener or a
    # preposition. Most short lines of a page close otherwise. (The ends are looked up in every
    # case, where a call of lower() cost more than the look-up; the code points of the one or
    # two characters are read, where isascii() is called as a method.)
    tail = text[-2:]
    last = tail[-1]
    if (
        tail not in _LONE_OPENER_TAIL_CASES
        and last != ":"
        and not last.isspace()
        and ord(last) < 128
        and ord(tail[0]) < 128
    ):
        return False
    # _LONE_OPENER's opener closes the text but for white space and a colon: a text that closes
    # with none of its openers' last two letters, folded as IGNORECASE matches them, is not
    # tried (most short lines of a page).
    end = (text[:-1] if text.endswith(":") else text).rstrip()[-2:]
    if ignorecase_lower(end) in _LONE_OPENER_ENDS and (_LONE_OPENER.match(text) is not None):
        return True
    # Any opener that says who wrote, closed by a colon or a preposition ('Ein Beitrag von:');
    # a menu's 'Authors' is no opener.
    return (
        text.endswith(":") or text[-5:].rpartition(" ")[2].casefold() in _PREPOSITIONS
    ) and _OPENER_ALONE.match(text) is not None


_OPENER_ALONE: Final = re.compile(rf"^(?:{_STRONG_OPENER})\s*:?$", re.IGNORECASE)
_PREPOSITIONS: Final = frozenset({"von", "by", "par", "por", "da", "di", "door", "av", "af"})
# The last two letters of lone_opener's openers and of its prepositions.
_LONE_OPENER_TAILS: Final = _LONE_OPENER_ENDS | frozenset(word[-2:] for word in _PREPOSITIONS)
# ... written in any case ('BY', 'By', 'bY', ...).
_LONE_OPENER_TAIL_CASES: Final = frozenset(
    "".join(letters)
    for tail in _LONE_OPENER_TAILS
    for letters in itertools.product(*[(char, char.upper()) for char in tail])
)


def role_line(line: str) -> bool:
    """Return whether a line names a role ('Chefredakteur', 'Staff Writer'), not a person.

    Not cached: most lines are told by the ends of their first two words, for less than a
    look-up in a cache and the insertion of a line asked once."""
    if len(line) > _ROLE_LINE_CHARS or line.count(" ") > _ROLE_LINE_SPACES:
        return False
    text = line.strip(" *+•·,-–—")
    # The pattern tries every role at every letter of the first two words: a line whose first
    # two words, folded as IGNORECASE matches them, end with none is told at once. Each word is
    # folded alone (no fold or lower() makes or takes a space), and asked for all the roles only
    # when it ends as one of them does: most lines' words end otherwise.
    all_ascii = text.isascii()  # asked once for the line, not for each word's end
    for word in text.split(None, 2)[:2]:
        # A word whose last three characters are ASCII folds them as lower() does: they are
        # looked up among the ends in every case, where the fold of each word cost a call.
        end = word[-3:]
        if end not in _ROLE_END_CASES and (all_ascii or end.isascii()):
            continue
        word = ignorecase_lower(word)
        if word[-3:] in _ROLE_ENDS and word.endswith(_ROLES):
            return _ROLE_LINE.match(text) is not None
    return False


# What IGNORECASE matches beyond lower(), one character for one: 'İ' and 'ı' are 'i', 'ſ' is
# 's' (checked over all of Unicode for the letters of _ROLES and _TAGS_LABEL_ENDS in
# test_metadata).
IGNORECASE_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def ignorecase_lower(text: str) -> str:
    """Return `text` lower-cased with IGNORECASE_FOLD's letters folded first: its letters as
    IGNORECASE matches them.

    str.translate reads a text beyond ASCII a character at a time through the table, a dict
    (about 14 us for a line of 50 characters); the table maps three letters, which most texts
    lack (a text in Latin-1 cannot hold them: the test of each is at once).
    """
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        text = text.translate(IGNORECASE_FOLD)
    return lower(text)


_ROLE_LINE_CHARS: Final = 90
_ROLE_LINE_SPACES: Final = 7


def date_line(line: str) -> tuple[DateMatch, str] | None:
    """Return the date a line states and what else it carries, when the line is a date line."""
    if len(line) > 160:
        return None
    return date_line_remainder(line)


# A headline: a few words, no closing full stop (a question or exclamation mark may close it).
_HEADLINE_WORDS = (1, 30)
_MIN_OVERLAP = 0.25
_DOTTED_HEADLINE_WORDS = 4
_NEAR_HEADING = 4  # lines above the first paragraph where any heading may be the title
_W_HEADING = 0.1
_TAG_COMMAS = 2  # words set off by this many commas or more, and nothing else, are tags
# A list item's marker: a bullet, a dash or a number; a headline never wears one.
_LIST_MARKER = re.compile(r"^(?:[*•·◦▪►>+o-]|\d{1,2}[.)])\s")
_LIST_MARKS = frozenset("*•·◦▪►>+o-")  # the marks its first character may be, or a digit


# Separators between a headline and the site's name in a title: 'Headline | Site'.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_DOMAIN: Final = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def headline_text(title: str) -> str:
    """Return the headline of a title line without the site's name ('Headline | FASSETTE.NET').

    Only a last part that names a site for sure is cut: a domain or an outlet's name. A first
    part is a kicker or a section as often as a site ('Premier League - Warnock in ...').
    """
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    tail = title[last.end() :].strip()
    head = title[: last.start()].strip()
    if len(head.split()) >= 2 and (_DOMAIN.match(tail) or reads_as_outlet(tail)):
        return head
    return title


def content_words(text: str) -> set[str]:
    """Return the words of `text` that carry content: three letters or more, not stop words."""
    # Plain word runs: the apostrophe rules of language.words cost more than they change here.
    # The runs of three letters or more are found as such, and the stop words left out.
    # A run is of alphanumeric characters ([^\W_] is str.isalnum), and white space is none of
    # them (test_metadata checks all of Unicode): no run spans two of the text's white-space
    # separated tokens. A token alphanumeric throughout, maybe once marks around it are off, is
    # one run; only the others (those with a hyphen, an apostrophe or a dot inside) go to the
    # pattern. Each token is looked at where it stands, and a stop word left out as it comes:
    # a line has few tokens, and a set of them, then of the runs less the stop words, each cost
    # more than the tests of a repeated one.
    runs: set[str] = set()
    others: list[str] = []
    for token in lower(text).split():
        if not token.isalnum():
            token = token.strip(_TOKEN_MARKS)
            if not token.isalnum():
                others.append(token)
                continue
        if len(token) > 2 and not token.isdigit() and token not in ALL_STOP_WORDS:
            runs.add(token)
    if others:
        for word in _LONG_WORD_RUN.findall(" ".join(others)):
            if not word.isdigit() and word not in ALL_STOP_WORDS:
                runs.add(word)
    return runs


_LONG_WORD_RUN = re.compile(r"[^\W_]{3,}")  # the runs of _WORD_RUN that have three letters or more
# Marks that stand around a word (none is alphanumeric): what the word's token is stripped of.
_TOKEN_MARKS = ".,;:!?\"'()[]«»„“”‚‘’…-–—/*•|"


# A longer word is matched on its first letters too: 'Schauspieler' / 'Schauspielern'.
_STEM_CHARS = 6


class BodyWords:
    """The content words of a text (those content_words gives), asked for one word at a time.

    The headline's candidates ask the body for their words, some thirty a page: each is looked
    for in the lower-cased text by str.find, once. Reading every token of a body of thousands of
    characters with content_words, and making the first letters of each of its words, cost
    several times more (the title's share of cleaning's instructions 17% -> 12%).
    A content word of the text is a run of alphanumeric characters (as content_words reads it)
    three long or more, no number and no stop word: a word that is one itself (each asked is) is
    the text's when it stands there with no alphanumeric character on either side.
    """

    def __init__(self, text: str, lowered: bool = False) -> None:
        # `lowered`: `text` is lowered_for_words's of the words' text already.
        self._text = text if lowered else lowered_for_words(text)
        self._held: dict[str, bool] = {}
        self._stems: dict[str, bool] = {}
        self._has_words: bool | None = None

    def has_words(self) -> bool:
        """Return whether the text has any content word."""
        if self._has_words is None:
            self._has_words = False
            for run in _LONG_WORD_RUN.finditer(self._text):
                word = run.group()
                if not word.isdigit() and word not in ALL_STOP_WORDS:
                    self._has_words = True
                    break
        return self._has_words

    def holds(self, word: str) -> bool:
        """Return whether `word`, a content word (as content_words gives them), is the text's."""
        held = self._held.get(word)
        if held is None:
            held = self._held[word] = self._stands_alone(word)
        return held

    def _stands_alone(self, word: str, start: int = 0) -> bool:
        # `start`: where the text may first hold `word` (no sooner than its first letters).
        text = self._text
        size = len(word)
        at = text.find(word, start)
        while at >= 0:
            after = at + size
            if (at == 0 or not text[at - 1].isalnum()) and (
                after == len(text) or not text[after].isalnum()
            ):
                return True
            at = text.find(word, at + 1)
        return False

    def held(self, words: set[str]) -> int:
        """Return how many of `words` (content words) are the text's."""
        count = 0
        for word in words:
            if self.holds(word):
                count += 1
        return count

    def matched(self, words: set[str]) -> tuple[int, int]:
        """Return how many of `words` (content words) are the text's, and how many others match
        one of its words in another inflection: both longer than _STEM_CHARS, with the same
        first _STEM_CHARS letters ('erfolgreichsten' / 'erfolgreichen', 'elections' /
        'electing')."""
        held = inflected = 0
        memo = self._held  # holds() written out: a call for each word of each line scored
        for word in words:
            stands = memo.get(word)
            if stands is None:
                if len(word) > _STEM_CHARS:
                    # A longer word's first letters are looked for first: most words asked are
                    # not the text's (a menu's), nor are their first letters, and one scan of
                    # the text tells both (the word stands nowhere before them).
                    stem = word[:_STEM_CHARS]
                    first = self._text.find(stem)
                    if first < 0:
                        self._stems[stem] = False
                        stands = memo[word] = False
                        continue
                    stands = memo[word] = self._stands_alone(word, first)
                else:
                    stands = memo[word] = self._stands_alone(word)
            if stands:
                held += 1
            elif len(word) > _STEM_CHARS and self.holds_stem(word[:_STEM_CHARS]):
                inflected += 1
        return held, inflected

    def holds_stem(self, stem: str) -> bool:
        """Return whether a content word of the text longer than `stem` (_STEM_CHARS
        alphanumeric characters) opens with it."""
        held = self._stems.get(stem)
        if held is None:
            held = self._stems[stem] = self._opens_a_word(stem)
        return held

    def _opens_a_word(self, stem: str) -> bool:
        text = self._text
        at = text.find(stem)
        while at >= 0:
            after = at + len(stem)
            # The stem opens a run that goes on after it: the run is a content word unless it
            # is a number or a stop word.
            if (
                (at == 0 or not text[at - 1].isalnum())
                and after < len(text)
                and text[after].isalnum()
                and (run := _WORD_RUN.match(text, at)) is not None
                and not run.group().isdigit()
                and run.group() not in ALL_STOP_WORDS
            ):
                return True
            at = text.find(stem, at + 1)
        return False


def lowered_for_words(text: str) -> str:
    """Return `text` lower-cased, its marks past Latin-1 (language.latin1's) maybe made spaces:
    what BodyWords reads the words of `text` from.

    Such a mark is no alphanumeric character, nor is a space: the words BodyWords finds, and
    their ends, are the same. A text within Latin-1 so is lower-cased byte by byte by a table,
    where lower() looks up each character of a text past ASCII in the Unicode database (a
    body of thousands of characters, lower-cased for each page).
    """
    if text.isascii():  # lower() reads ASCII by a quick path
        return lower(text)
    encoded = latin1(text, " ")
    if encoded is None:
        return lower(text)
    return encoded.translate(_LATIN1_LOWER).decode("latin-1")


def lowered_for_words_of_lines(texts: list[str], text: str) -> str:
    """Return `text`, `texts` joined by spaces, lower-cased for BodyWords: as lowered_for_words
    makes it, but that the marks past Latin-1 may be made spaces in some lines and not in others
    (BodyWords finds the same words either way).

    lowered_for_words lowers a text past Latin-1 by lower(), which looks up each of its characters
    in the Unicode database; a body past Latin-1 mostly holds such characters in a line or two (a
    name, an emoji), and each line is then lowered on its own, most by the table. No character's
    case depends on characters across a space (see fields._WordsBelow): each line lowered alone
    is its part of the whole lowered.
    """
    if text.isascii():
        return lower(text)
    encoded = latin1(text, " ")
    if encoded is None:
        return " ".join([lowered_for_words(line) for line in texts])
    return encoded.translate(_LATIN1_LOWER).decode("latin-1")


# Latin-1 lower-cases each of its characters to one of its characters, none depending on the
# characters around it (test_metadata checks the table against lower()).
_LATIN1_LOWER = bytes(ord(lower(chr(code))) for code in range(256))


# Weights of the headline score, tuned on the even-numbered pages of both clean kits (a ranking
# of each page's candidate lines, fitted by logistic regression on pairs: headline vs other line).
_W_OVERLAP = 0.5  # the share of the line's content words found in the body
_W_MATCHED = 3.0  # how many of them, up to _MATCHED_CAP
_MATCHED_CAP = 5
_W_DISTANCE = 0.005  # per line between the line and the first paragraph
_W_LONG = 0.05  # per word over _LONG_WORDS: a standfirst is longer than a headline
_LONG_WORDS = 10
_W_SENTENCE = 0.3  # a line that reads as prose
_W_FEW_WORDS = 1.4  # a line of _FEW_WORDS or fewer: a section's or a site's name, a kicker
_FEW_WORDS = 2
_W_FULL_STOP = 0.5  # a few words closed by a full stop: a label ('Das Lexikon.')


# The marks of a picture's caption: a credit, a copyright sign, an agency's picture service.
# Words that need no colon, slash or '©' after them ...
_CAPTION_WORDS = (
    r"\bgetty images\b|\bimago\b|\bshutterstock\b|\bsymbol(?:bild|foto)\b|\bwikimedia commons\b|"
    r"\bcc[- ]by\b"
)
# ... a credit closing the line: the photographer, a slash, the agency ('Jane Doe / Agency') ...
_CREDIT_CLOSING = r"\b[A-ZÀ-Þ][a-zß-ÿ]+ [A-ZÀ-Þ][a-zß-ÿ]+ ?/ ?[A-Z][\w.&-]+\)?$"
# ... and the whole pattern.
_CAPTION = re.compile(
    r"\b(?:foto|fotos|photo|photos|photograph|image|images|bild|picture|credit|quelle|source|"
    r"media caption|caption|imagen|urheber|bildquelle)\s*(?::|©|/)|©|"
    rf"{_CAPTION_WORDS}|(?-i:{_CREDIT_CLOSING})",
    re.IGNORECASE,
)
_CAPTION_WORD = re.compile(_CAPTION_WORDS, re.IGNORECASE)
_CREDIT_CLOSE = re.compile(_CREDIT_CLOSING)
# A part of each word of _CAPTION's first branch and of _CAPTION_WORDS, lower-cased (a test reads
# them against the pattern).
_CAPTION_KEYS = (
    "foto", "photo", "image", "bild", "picture", "credit", "quelle", "source", "caption",
    "urheber", "imago", "shutterstock", "wikimedia commons", "cc-by", "cc by",
)  # fmt: skip
_W_CAPTION = 2.8


def _is_caption(line: str) -> bool:
    """Return whether `line` bears a picture's caption's marks: _CAPTION.search, told sooner.

    The pattern tries its many words at every position (on a line with a colon, thousands of
    instructions for each of its characters). A match is a '©', or holds one of _CAPTION_KEYS
    (folded as IGNORECASE matches them), or is a credit closing the line, which holds a '/':
    most lines are told by a few substring scans in C.
    """
    if "©" in line:
        return True  # a branch of the pattern alone
    if _holds_a_key(line, _CAPTION_KEYS):
        if ":" in line or "/" in line:
            return _CAPTION.search(line) is not None
        return _CAPTION_WORD.search(line) is not None  # the first branch needs a ':' or '/'
    return "/" in line and _CREDIT_CLOSE.search(line) is not None


# A time relative to now: 'vor 20 Stunden', '3 hours ago', 'il y a 2 jours', 'hace 5 minutos'.
_RELATIVE_TIME = re.compile(
    r"\b(?:vor|il y a|hace|há)?\s*\d+\s*(?:sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|"
    r"jahren?|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|secondes?|heures?|"
    r"jours?|semaines?|mois|ans|segundos?|minutos?|horas?|días?|semanas?|meses|años?|"
    r"sekund\w*|minut\w*|godzin\w*|dni|tygodni\w*)\b\.?\s*(?:ago|temu|atrás)?",
    re.IGNORECASE,
)


def _holds_a_key(text: str, keys: tuple[str, ...]) -> bool:
    """Return whether `text`, folded as IGNORECASE matches it, holds one of `keys` (folded so):
    a few substring scans in C tell most lines from a pattern that is tried at every character.
    """
    folded = ignorecase_lower(text)
    return any(key in folded for key in keys)  # mypyc compiles any() of a generator to a loop


def time_ago(line: str) -> bool:
    """Return whether a line states how long ago the page was published, and nothing else but the
    labels of date lines ('vor 2 Stunden', 'Publicado hace 3 horas', '3 hours ago')."""
    if len(line) > TIME_AGO_CHARS or not _DIGIT.search(line):
        return False
    # _RELATIVE_TIME tries its units at every character; _AGO then needs one of its words.
    if not _holds_a_key(line, _AGO_KEYS):
        return False
    match = _RELATIVE_TIME.search(line)
    if match is None or not _AGO.search(match.group()):
        return False  # '3 Min.' is a reading time, no time of publishing
    rest = line[: match.start()] + " " + line[match.end() :]
    return all(is_date_word(word) for word in _WORD_RUN.findall(rest))


TIME_AGO_CHARS = 40  # a longer line states more than how long ago (see time_ago)
_AGO = re.compile(r"^(?:vor|il y a|hace|há)\b|\b(?:ago|temu|atrás)$", re.IGNORECASE)
_AGO_KEYS = ("vor", "il y a", "hace", "há", "ago", "temu", "atrás")  # its words (a test reads them)


def name_beside_time_ago(line: str) -> list[str] | None:
    """Return the name a line sets beside how long ago the page was published ('Jane Doe |
    Publicado hace 3 horas'), or None."""
    if len(line) > _NAME_LINE_CHARS or not _DIGIT.search(line):
        return None
    fields = [f.strip(_SIDE_MARKS) for f in _FIELD_SEPARATOR.split(line) if f.strip(_SIDE_MARKS)]
    if len(fields) != 2 or not time_ago(fields[1]):
        return None
    return name_line(fields[0])


# A user name of capitalised words run together: 'JaneDoe', 'MaxMuster'.
_CAMEL_HANDLE = re.compile(rf"^[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)+$")
# ... whose first two words open every line that holds one (see camel_handle).
_CAMEL_OPENING = re.compile(rf"[{_UP}][{_LOW}]+[{_UP}][{_LOW}]")


def camel_handle(line: str, day_first: bool | None = None) -> str | None:
    """Return the user name that opens a date line, its words run together ('JaneDoe 18.10.2019,
    15:07 Uhr' -> 'JaneDoe'), or None. A brand is written so too: the caller checks that the
    page names the user again."""
    # The name opens the line: a line that opens otherwise is told before its date is read.
    if _CAMEL_OPENING.match(line) is None:
        return None
    dated = date_line_remainder(line, day_first=day_first)
    if dated is None:
        return None
    rest = dated[1].strip(_SIDE_MARKS)
    if not line.startswith(rest) or _CAMEL_HANDLE.match(rest) is None:
        return None
    return rest


def entry_line(line: str, day_first: bool | None = None) -> tuple[DateMatch, list[str]] | None:
    """Return the date and the capitalised words after it in a blog's entry line that goes on
    with a list of categories ('16. Mai 2019 Jane Doe Netzwerk , Windows 2' -> the date and
    ['Jane', 'Doe', 'Netzwerk']), or None. The words hold the author's name, then maybe the
    first category: the caller tells them apart by the page's lines."""
    head, comma, _ = line.partition(" , ")
    if not comma or len(head) > _ENTRY_HEAD_CHARS or not _DIGIT.search(head):
        return None
    # A published and an updated date glued ('6. Mai 20216. Mai 2021 Jane Doe Netzwerk , ...').
    head = _GLUED_DATES.sub(lambda m: m[0] + " ", head)
    dates = find_dates(head, day_first=day_first)
    if not dates or dates[0].start > 0:
        return None
    words = head[dates[-1].end :].split()
    if not 2 <= len(words) <= _ENTRY_WORDS or not _is_person(" ".join(words), alone=True):
        return None
    return dates[0], words


_ENTRY_HEAD_CHARS = 80
_ENTRY_WORDS = 4


def _label_before_colon(line: str) -> bool:
    """Return whether the last word before one of the line's colons, folded as IGNORECASE
    matches it, is one of _TAGS_LABEL_ENDS."""
    for part in line.split(":")[:-1]:
        # Only the last word is split off: a part may be a paragraph.
        words = part.rsplit(None, 1)
        if words and ignorecase_lower(words[-1]) in _TAGS_LABEL_ENDS:
            return True
    return False


def without_tags(line: str) -> str:
    """Return a line without the list of tags or categories that closes it ('Posted by Jane Doe
    at 18:52 Tagged with: a , b , c' -> 'Posted by Jane Doe at 18:52')."""
    if ":" not in line:
        return line
    # A label is the last word before a colon: the last words before its colons, folded as
    # IGNORECASE matches them, tell most lines at once; the search tries every label at every
    # space.
    if not _label_before_colon(line):
        return line
    match = _TAGS_LABEL.search(line)
    if match is None or match.start() == 0 or _DIGIT.search(line, match.end()):
        return line  # a date after the tags is a field of the line ('Kategorien: Mode 6. Mai')
    return line[: match.start()]


_TAGS_LABEL = re.compile(
    r"\s+(?:tagged\s+with|tags|labels|schlagwörter|schlagworte|kategorien|categories|"
    r"filed\s+under|abgelegt\s+unter|étiquettes|etiquetas)\s*:",
    re.IGNORECASE,
)
# The last words of those labels.
_TAGS_LABEL_ENDS = frozenset({
    "with", "tags", "labels", "schlagwörter", "schlagworte", "kategorien", "categories", "under",
    "unter", "étiquettes", "etiquetas",
})  # fmt: skip


def _is_time_note(line: str) -> bool:
    """Return whether a line states only a reading time or how long ago the page changed, with
    the labels of date lines around it ('4 Min. Lesedauer', 'Aktualisiert: vor 20 Stunden')."""
    rest = line
    # Each match of the two patterns holds one of _TIME_NOTE_KEYS: a line without one (most
    # headlines with a number) is what they leave, where each tries its words at every character.
    if _holds_a_key(line, _TIME_NOTE_KEYS):
        rest = _RELATIVE_TIME.sub(" ", _READING_TIME.sub(" ", line))
    # The words are read up to the first that is no date word (mostly a headline's first or
    # second), where findall made a string of every word of the line.
    return all(is_date_word(word.group()) for word in _WORD_RUN.finditer(rest))


# The letters every unit of _RELATIVE_TIME begins with, and 'min' of each reading time (a test
# reads them against the patterns).
_TIME_NOTE_KEYS = (
    "min", "sekund", "stunde", "tage", "woche", "monat", "jahr", "second", "hour", "hr", "day",
    "week", "month", "year", "heure", "jour", "semaine", "mois", "ans", "segundo", "hora", "día",
    "semana", "meses", "año", "godzin", "dni", "tygodni",
)  # fmt: skip


_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,3}\.$")  # 'Wed.', 'Dr.', 'St.'


def _abbreviations_only(line: str) -> bool:
    """Return whether every word of `line` that ends with a full stop is an abbreviation."""
    return all(_ABBREVIATION.match(word) for word in line.split() if word.endswith("."))


def _pager_link(line: str) -> bool:
    """Return whether a line is a link to the previous or next page ('« Older post', 'Next ›'):
    an arrow set off by a space, its closing twin nowhere ('« ... »' quotes a French headline)."""
    first, last = line[:2], line[-2:]
    return (first in ("« ", "‹ ") and _CLOSING[first[0]] not in line) or (
        last in (" »", " ›") and _OPENING[last[1]] not in line
    )


_CLOSING = {"«": "»", "‹": "›"}
_OPENING = {"»": "«", "›": "‹"}


def headline_score(
    line: str,
    body: BodyWords,
    distance: int,
    sentence: bool = False,
) -> float | None:
    """Return how much `line` reads as the headline of `body`, or None.

    A headline names what the body is about, so most of its content words recur in the body, in
    the same inflection or another one; it stands close above the body. `distance` counts the
    lines between it and the first paragraph.
    """
    # A list item or a link: most of the lines looked at above a body are a menu's items, told
    # first (every test here only says None; their order changes nothing else).
    # The pattern is asked only of a line that opens as it must (a call into the regex engine
    # for each line looked at costs more than the test of its first character).
    first = line[:1]
    if first in _LIST_MARKS:
        # Then the pattern matches when white space follows (its \s is str.isspace; test_metadata
        # checks), told without it: most of the lines looked at are a menu's items.
        if line[1:2].isspace():
            return None
    elif first.isdecimal() and _LIST_MARKER.match(line):
        return None
    if line.startswith(("http://", "https://", "www.")):
        return None
    count = len(line.split())
    if not _HEADLINE_WORDS[0] <= count <= _HEADLINE_WORDS[1] or line.endswith((",", ":")):
        return None
    # A full stop closes a sentence, not a headline, unless the line is a few words alone; one
    # that closes an abbreviation ('Forecast for Wed. after Cold Wave Alert Tues.') closes neither.
    stopped = line.endswith(".") and not _abbreviations_only(line)
    if stopped and (count > _DOTTED_HEADLINE_WORDS or ". " in line):
        return None
    if _pager_link(line):
        return None
    if line.count(",") >= _TAG_COMMAS and all(" " not in t.strip() for t in line.split(",")):
        return None  # a list of tags: 'amiga, dogs, floppy, Hunde'
    own = content_words(line)
    if not own:
        return None
    # A word the body has in another inflection makes the share, not the count: first letters
    # alone match more often by chance.
    matched, inflected = body.matched(own)
    overlap = (matched + inflected) / len(own)
    if overlap < _MIN_OVERLAP and distance > _NEAR_HEADING:
        return None
    # Told after the words, which tell most lines for less (every test here only says None):
    # one line looked at in a thousand is a metadata line, one in ten holds a digit, and the
    # patterns read each of those.
    if _DIGIT.search(line) and (_is_time_note(line) or _GLUED_DATES.search(line)):
        # '4 Min. Lesedauer', 'Aktualisiert: vor 20 Stunden'; a post's date and its update's
        # glued together ('1. November 20231. November 2023'): a metadata line.
        return None
    if overlap < _MIN_OVERLAP:
        # The heading right above the first paragraph, though its words are not the body's
        # ('Willkommen!'): taken only when no line names the body better.
        score = _W_HEADING - _W_DISTANCE * distance
    else:
        # Many words of the body (not one share of few words) mark the headline; a label such
        # as 'Video' or 'IRAN CRISIS' shares a word or two with any body.
        score = (
            _W_OVERLAP * overlap
            + min(count, 8) / 16
            - _W_DISTANCE * distance
            - _W_LONG * max(0, count - _LONG_WORDS)
        )
        if line.isupper() and count <= 4:
            score -= 0.2
        if sentence:
            score -= _W_SENTENCE  # a standfirst or a lead: a sentence, where a headline is a phrase
    score += _W_MATCHED * min(matched, _MATCHED_CAP) / _MATCHED_CAP
    if count <= _FEW_WORDS:
        score -= _W_FEW_WORDS
    if stopped:
        score -= _W_FULL_STOP
    if _is_caption(line):
        score -= _W_CAPTION  # a picture's caption names the body's people and places too
    return score
