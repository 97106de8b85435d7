"""Boilerplate: the line-scoring model that tells an article's body from the page around it.

A scraped page is a column of lines. Each line gets a kind from its own text (running prose, a
shorter text line, a short label, a list of links, code) and a score from its kind; the body is
the stretch of lines with the highest total score, so one article's paragraphs win over the menus,
teasers and comments around them. Lines that close an article (a comments heading) are barriers
the body does not cross. Inside the body, link lists and runs of short labels are still removed.
The signals are general: length, punctuation, stop-word density in the page's language, list
shapes and position; nothing here names a site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from dedup.dates import find_date
from dedup.language import (
    ALL_STOP_WORDS,
    IGNORECASE_APART,
    STOP_WORD_LIST,
    STOP_WORDS,
    latin1,
    lower,
)

_SPACE_RUN = re.compile(r"[ \t\u00a0]{3,}")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W_]+")
# For text within Latin-1 (all ASCII, most Western European): each byte of a word character made
# lower case, every other byte a space, so that the tokens are a split of the translated bytes
# (Latin-1 letters lower-case within Latin-1, one for one, and stay word characters).
_LATIN1_TOKEN_BYTES = bytes(
    ord(chr(code).lower()) if _TOKEN.fullmatch(chr(code)) else ord(" ") for code in range(256)
)
# The ideographic marks ('。', '！', '」') end sentences and quotes of Chinese and Japanese.
_TERMINAL_MARKS = ".!?…:;\"'”’»)。！？：；」』）"
TERMINAL = re.compile(f"[{re.escape(_TERMINAL_MARKS)}]$")
# A sentence ends in a full stop, perhaps with closing quotes after it.
_FULL_STOPS = ".!?…。！？"
_CLOSING_QUOTES_AFTER_STOP: Final = "\"'”’»)」』）"
# Markup and script a renderer let through: tags, entities, statements.
_CODE = re.compile(
    r"</?[a-zA-Z!][^>]{0,200}>|<!\[|\bdocument\.write\b|\bfunction\s*\(|\bvar\s+\w+\s*=|"
    r"\w+\s*\(\s*\)\s*;|[{}]\s*$|\)\s*;\s*$|=[^=]{0,80};\s*$|^\s*[{}]|&[a-z]{2,6};|"
    r"\bhref\s*=|\bsrc\s*="
)
# _CODE's branches apart, each searched only in a line that holds the characters it needs: the
# engine tries every branch of _CODE at every character of a line, where a pattern that opens
# with a mark ('<', ')', '=', '&') is looked for as fast as a text is (a line holds a match of
# _CODE when it holds a match of one of its branches; test_boilerplate checks them on any text).
_TAG = re.compile(r"</?[a-zA-Z!][^>]{0,200}>|<!\[")
# _CODE's '\w+' before the brackets as '\w': a line holds a run of word characters there when it
# holds the last of them, and '\w+' was tried from every character inside a word.
_EMPTY_CALL = re.compile(r"\w\s*\(\s*\)\s*;")
# What an empty call holds, a pattern that opens with a mark: _EMPTY_CALL is searched only in a
# line that holds one (see _holds_empty_call).
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_CALL_END = re.compile(r"\)\s*;\s*$")
_ASSIGNMENT_END = re.compile(r"=[^=]{0,80};\s*$")
_ENTITY = re.compile(r"&[a-z]{2,6};")
_BRACE = re.compile(r"[{}]\s*$|^\s*[{}]")
_ATTRIBUTE = re.compile(r"\bvar\s+\w+\s*=|\bhref\s*=|\bsrc\s*=")
_SCRIPT_CALL = re.compile(r"\bdocument\.write\b|\bfunction\s*\(")
_MARKUP = re.compile(r"<[^<>]{0,600}>|&[a-z]{2,6};")
_SCRIPT = re.compile(r"\bdocument\.write\b|\bfunction\s*\(|\bvar\s+\w+\s*=|\w+\s*\(\s*\)\s*;|[{}]")
_VARIABLE = re.compile(r"\bvar\s+\w+\s*=")  # _SCRIPT's branch, searched apart (_holds_script)
_MIXED_CHARS = 400
_MIXED_MARKUP_SHARE = 0.35
# Separators that string menu items into one line: "Home · News · Sport | Weather".
_ITEM_SEPARATOR = re.compile(r"\s(?:[|·•»›/]|--?)\s")
# From here on, the patterns, sets and bounds that the body's steps read for every line are
# Final: compiled, each is a C variable (a number or a text is written in), where a module's name
# is looked up in its dict at every use.
# Headings after which a page carries readers' comments or a sign-up form, never the article.
_CLOSING: Final = re.compile(
    r"^(?:(?:\d+|one|no|ein|eine|keine|un|une|uno|una|jeden)\s+)?(?:reader(?:s'|'s)?\s+)?"
    r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?|reacties|"
    r"leser(?:post|briefe?|kommentare?|meinungen?|stimmen))(?:\s*\(\d+\)|\s+\d+)?\s*:?$|"
    # Words that also head a section of an article close it only with a count or readers.
    r"^(?:\d+\s+(?:reader(?:s'|'s)?\s+)?|reader(?:s'|'s)?\s+)(?:reactions?|responses?|discussion|"
    r"diskussion)\s*:?$|^(?:reactions?|responses?|discussion|diskussion)(?:\s*\(\d+\)|\s+\d+)\s*:?$|"
    r"^(?:leave|post|add|write|submit)\s+(?:a|your|new)\s+(?:comment|reply|review|response)|"
    r"^(?:schreibe|hinterlasse|verfasse)\s+(?:einen|deinen)\s+kommentar|"
    r"^(?:related|similar|recommended|more)\s+(?:posts|articles|stories|news|reading)\s*:?$|"
    r"^(?:you (?:may|might) also like|read next|up next|about the author|über den autor|"
    r"ähnliche (?:beiträge|artikel|themen)|beliebte beiträge|weitere (?:beiträge|artikel)|"
    r"das könnte (?:sie|dich) auch interessieren|(?:le|te) puede interesar|"
    r"también te puede interesar|noticias relacionadas|articles similaires|"
    r"sur le même sujet|à lire aussi|leggi anche|articoli correlati|zobacz też|"
    r"czytaj także)\s*:?$|"
    r"^(?:have your say|join the (?:discussion|conversation)|what do you think|your comments?|"
    r"ihre meinung|kommentar (?:schreiben|verfassen)|schreiben sie (?:einen|ihren) kommentar|"
    r"laisser un commentaire|réagir|ajouter un commentaire|deja (?:un|tu) comentario|"
    r"dodaj komentarz|napisz komentarz)\b",
    re.IGNORECASE,
)

# The first two characters of _CLOSING's headings that are ASCII, lower-cased; a heading may
# also open with a digit (a count of comments).
_CLOSING_HEADS: Final = frozenset((
    "ab", "ad", "aj", "ar", "be", "co", "cz", "da", "de", "di", "do", "ei", "ha", "hi", "ih",
    "je", "jo", "ke", "ko", "la", "le", "mo", "na", "no", "on", "po", "re", "sc", "si", "su",
    "ta", "te", "un", "up", "ve", "we", "wh", "wr", "yo", "zo",
))  # fmt: skip
# The same in every case: an ASCII line's first two characters are looked up as they stand,
# where lower-casing them first was a call of str.lower a line.
_CLOSING_HEADS_CASED: Final = frozenset(
    first + second
    for head in _CLOSING_HEADS
    for first in (head[0], head[0].upper())
    for second in (head[1], head[1].upper())
)

# Headings of lists of other articles (related, latest, most read), in the kits' languages and
# a few more: the article does not run on past one.
_OTHER_ARTICLES: Final = re.compile(
    r"^(?:[*+•-]\s+)?(?:verwandte (?:artikel|beiträge|themen)|(?:neueste|aktuelle|beliebte|"
    r"empfohlene) (?:beiträge|artikel)|weitere (?:nachrichten|meldungen)|meistgelesene?(?: artikel)?|"
    r"mehr zum thema|lo más (?:leído|visto)|más (?:leídas|vistas|noticias)|"
    r"(?:artículos|notas) relacionad[ao]s|(?:también )?te puede interesar|à lire également|"
    r"lire aussi|articles (?:liés|connexes)|pour approfondir|dans la même rubrique|"
    r"(?:artigos|notícias) relacionad[ao]s|leia também|veja também|potrebbe interessarti|"
    r"czytaj również|polecane|powiązane artykuły|gerelateerde artikelen|lees ook|meer nieuws|"
    r"most (?:popular|read|viewed)|trending(?: now)?|(?:recent|popular|latest) posts|"
    r"more stories|related (?:content|reading|stories|posts|articles)|"
    r"recommended (?:for you|reading)|you (?:may|might) also (?:enjoy|be interested in)|"
    r"don'?t miss|lesen sie (?:auch|mehr)(?: zum thema)?|siehe auch|mir[aá] también|"
    r"(?:ver|lea|lee) también|see also|read also|also read|voir aussi|leggi anche|"
    r"czytaj (?:też|także)|zobacz (?:też|także|również))\s*:?$",
    re.IGNORECASE,
)
# The first two characters of _OTHER_ARTICLES's headings that are ASCII, lower-cased (after its
# optional bullet: a line that opens with one is always searched).
_OTHER_ARTICLES_HEADS: Final = frozenset((
    "ve", "ne", "ak", "be", "em", "we", "me", "lo", "ar", "no", "ta", "te", "li", "po", "da", "le",
    "cz", "ge", "mo", "tr", "re", "la", "yo", "do", "si", "mi", "se", "al", "vo", "zo",
))  # fmt: skip

# A comment thread's heading that names the article: '12 thoughts on "Title"', 'Eine Antwort auf
# „Title“', '3 Responses to Title'. The title makes it longer than other closing headings.
_THREAD_HEADING: Final = re.compile(
    r"^(?:\d+|one|a|an|ein|eine|einen|un|une|uno|una|um|uma)\s+(?:repl(?:y|ies)|responses?|"
    r"comments?|thoughts?|antwort(?:en)?|gedanken?|kommentare?|réponses?|commentaires?|respuestas?|"
    r"comentarios?|respostas?|comentários?|risposte|commenti|odpowiedzi|komentarzy?|reacties)\s+"
    r"(?:on|to|zu|auf|à|sur|a|en|para|per|su|do|na|op|über)\s",
    re.IGNORECASE,
)
_THREAD_HEADING_CHARS: Final = 240
# A comment's first line: the commenter's name and a verb of saying ('Jane Doe says:', '3. Max
# sagt:'). An article quotes someone that way too, so it closes the article only when numbered or
# bulleted as a thread's items are, or when the page has several.
_COMMENT_AUTHOR: Final = re.compile(
    r"^(?:(\d+\.|[*+o•-])\s+)?[^\s:](?:[^:]{0,60}\S)?\s+(?:says|said|wrote|writes|sagt|"
    r"schreibt|schrieb|meint|meinte|dice|dijo|escribió|escribe|dit|écrit|a écrit|scrive|"
    r"ha scritto|pisze|napisał|napisała|schreef|zegt|diz|disse|escreveu)\s?:$",
    re.IGNORECASE,
)
_COMMENT_AUTHOR_CHARS: Final = 90
# The last words of _COMMENT_AUTHOR's verbs, lower-cased: the run of word characters before the
# final colon (and a space) of a commenter's line is one of them.
_SAYING: Final = frozenset((
    "says", "said", "wrote", "writes", "sagt", "schreibt", "schrieb", "meint", "meinte", "dice",
    "dijo", "escribió", "escribe", "dit", "écrit", "scrive", "scritto", "pisze", "napisał",
    "napisała", "schreef", "zegt", "diz", "disse", "escreveu",
))  # fmt: skip

# A list item as a renderer writes it: a bullet, then the item.
_LIST_BULLETS: Final = "*+•◦▪o-"
_LIST_ITEM: Final = re.compile(rf"^[{re.escape(_LIST_BULLETS)}]\s")
_LIST_ITEM_WEIGHT: Final = 0.3
# What a line that is not a paragraph costs a stretch, by kind; each line after the first of a
# run of them costs _RUN_COST more. Tuned on the even-numbered pages of both clean kits.
_RULE_COST: Final = 1.0
_TEXT_COST: Final = 1.0
_SHORT_COST: Final = 3.0
_RUN_COST: Final = 1.0
_TEASER_WORDS: Final = 40  # a paragraph this long is the article's, not a teaser's
_TEASER_HEADLINES: Final = 2
_CLOSING_QUOTES: Final = " \"'”’»)"  # what may follow a sentence's full stop
_HEADLINE_WORDS: Final = 4  # a shorter line is a label or menu item, not a teaser's headline
_HEADLINE_RUN: Final = 3  # this many headlines in a row are teasers (2-3 score alike, even half)
_HEADLINE_SPACES: Final = 30  # a longer line without a final full stop is a paragraph all the same
# After the first closing heading that follows an article's worth of text (a stretch of this
# total, about as many words), a stretch is comments or sidebars more often than the article: its
# total counts for this share. A shorter text above a closing heading is a caption or a lead
# beside a sidebar's box, not an article. (0-0.2 and 100-200 score alike.)
_AFTER_CLOSING_WEIGHT: Final = 0.1
_ARTICLE_TOTAL: Final = 150.0
# A stretch of paragraphs just above the body, parted from it by a table of contents, share
# buttons or a byline, is the article's lead: it joins the body when it has this total, all its
# kept lines are paragraphs (or state a date or the author) and at most _LEAD_GAP lines stand
# between, the entries of a table of contents that the body repeats not counted (tuned on the
# even half).
_LEAD_MIN: Final = 30.0
_LEAD_GAP: Final = 25
# A stretch of paragraphs alone just below the body, parted from it by a list, a table or code,
# joins it with this total and at most _TAIL_GAP lines between (tuned on the even half).
_TAIL_MIN: Final = 15.0
_TAIL_GAP: Final = 50
# A stretch right under an article's header (a headline, then a date or byline, at most
# _HEADER_LINES lines above it: a kicker or a caption may stand between) starts the body when
# this many times its total comes close to the best total, if no lead joined the best stretch
# (weight 3 and 6 alike on the even half, 6 better on the odd; 4 lines better than 2 on both
# halves of clean-trafilatura, 1 headline worse on clean-l3s).
_HEADER_LINES: Final = 4
_HEADED_WEIGHT: Final = 6.0
# An earlier stretch wins with this share of the best total (0.35-0.5 score alike).
_FIRST_SHARE: Final = 0.4

# The kinds of line, from the line alone.
PROSE: Final = "prose"  # a paragraph of running text
TEXT: Final = "text"  # a sentence or heading-length line of text
SHORT: Final = "short"  # a label, menu item or name
LIST: Final = "list"  # a line of many items and few function words: links, tags, names
CODE: Final = "code"

# Stop-word density of prose and of lists; prose runs at 0.3-0.5, link lists under 0.15.
_PROSE_DENSITY = 0.25
_LIST_DENSITY = 0.12
_NAMED_PROSE_DENSITY = 0.15
_PROSE_WORDS: Final = 15
_TEXT_WORDS = 7


@dataclass(slots=True)
class Line:
    """One line of a page, where it came from, and the rule that removed it (None: kept)."""

    number: int  # 1-based line number in the input
    text: str
    blank_before: bool
    indent: int = 0
    rule: str | None = None
    kind: str = SHORT
    original: str = ""  # the text as split from the input, before metadata glued to it was cut
    # The text whose spaces `space_count` holds (see spaces()); not compared.
    counted: str | None = field(default=None, compare=False, repr=False)
    space_count: int = field(default=0, compare=False, repr=False)

    # Written out, not left to the dataclass: mypyc compiles the methods of a class's source
    # and leaves those a dataclass makes interpreted, and a page has hundreds of lines.
    def __init__(
        self,
        number: int,
        text: str,
        blank_before: bool,
        indent: int = 0,
        rule: str | None = None,
        kind: str = SHORT,
        original: str = "",
    ) -> None:
        self.number = number
        self.text = text
        self.blank_before = blank_before
        self.indent = indent
        self.rule = rule
        self.kind = kind
        self.original = original or text
        self.counted = None
        self.space_count = 0

    def spaces(self) -> int:
        """Return how many spaces the line's text holds: its words, less one.

        The body's steps ask it of a line several times a pass, and a line goes through several
        passes: the text is counted once (a paragraph's count reads its thousand characters, a
        second call only compares the text with the one counted; fields cuts the first kept
        line's text, a new string, which is counted anew).
        """
        if self.counted is not self.text:
            self.counted = self.text
            self.space_count = self.text.count(" ")
        return self.space_count


def lines_holding(page: str, needle: str) -> set[int]:
    """Return the indexes of the lines of `page` (texts joined by newlines) that hold `needle`,
    a non-empty text without a newline.

    One substring scan of the page a line that holds it, the lines counted by the newlines
    between two finds: where most lines hold no needle, a loop over the lines in Python costs
    more than the scans in C.
    """
    holding: set[int] = set()
    line, at = 0, 0  # the line that holds the character at `at`
    position = page.find(needle)
    while position >= 0:
        line += page.count("\n", at, position)
        holding.add(line)
        at = page.find("\n", position)  # the end of the line: on to the next one
        if at < 0:
            break
        position = page.find(needle, at)
    return holding


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines of `text`, table cells and menu items apart by space runs split."""
    lines: list[Line] = []
    blank = False
    if "\r" in text:  # most pages have none: one scan, not two replaces
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Most pages hold no tab and no no-break space: a scan of the page each, not of every line.
    # (NFC, below, neither makes nor takes either.)
    plain = "\t" not in text and "\u00a0" not in text
    # Each line is put in NFC, not the page: the same text, as a newline composes with no
    # character and no character decomposes to one, but a line in ASCII (most, even on a page
    # with typographic quotes) is told by a flag of the string, where normalize's check read
    # every character of the page. The flag is read of the stripped line: NFC makes white space
    # white space of the same length (U+2000 and U+2001 the two it changes) and composes none
    # with a neighbour, so a blank line and the white space around ASCII need none.
    ascii_page = text.isascii()
    normalize = unicodedata.normalize
    number = 0
    for raw in text.split("\n"):  # a loop over the list itself: compiled, enumerate's is generic
        number += 1
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        # A line within Latin-1 is NFC: none of its characters decomposes or combines. Its
        # encoding tells it (a copy of its bytes: one in three lines past ASCII is such a line on
        # a page with typographic quotes), where normalize looks every character up.
        if (
            not ascii_page
            and not stripped.isascii()
            and len(raw.encode("latin-1", "ignore")) != len(raw)
        ):
            # normalize gives the line itself back when it is NFC (most lines): stripped as it is.
            normalized = normalize("NFC", raw)
            if normalized is not raw:
                raw = normalized
                stripped = raw.strip()
        # strip gives the line itself back when it strips nothing: most lines, not indented. An
        # indented line's indent is what is left of it, its end stripped, past the stripped text:
        # rstrip too gives the line back when nothing trails it, where lstrip copied the text.
        indent = 0 if stripped is raw else len(raw.rstrip()) - len(stripped)
        if "  " not in stripped and (plain or ("\t" not in stripped and "\u00a0" not in stripped)):
            lines.append(Line(number, stripped, blank, indent))  # most lines: nothing to split
            blank = False
            continue
        # A renderer lays table cells and menu items out on one line, apart by runs of spaces.
        if plain or ("\t" not in stripped and "\u00a0" not in stripped):
            parts = _space_run_parts(stripped)  # the line holds two spaces in a row (above)
        elif "  " in stripped or "\t" in stripped:
            parts = _SPACE_RUN.split(stripped)
        else:
            parts = [stripped]
        for part in parts:
            if "  " in part or "\t" in part or "\u00a0" in part:
                # What _SPACES.sub(" ", part).strip() gives: \s and split's white space are
                # the same characters (str.isspace's). No pattern to run over a table's row.
                part = " ".join(part.split())
            if part:
                lines.append(Line(number, part, blank, indent))
                blank = False
    return lines


def _space_run_parts(text: str) -> list[str]:
    """Return the parts of a stripped line with no tab and no no-break space that runs of three
    spaces or more part: what _SPACE_RUN.split gives, without a pattern.

    Split at each three spaces from the left, a longer run leaves its last one or two at the
    start of the part after it, stripped, and an empty part for each three after the first (a
    table's row laid out with hundreds of spaces: left out before they are stripped, as
    split_lines leaves them out). The part after a run holds more than spaces, as the line ends
    in none; no part ends in a space, as the run before the next part begins at the first of
    its spaces.
    """
    return [part.lstrip(" ") for part in text.split("   ") if part]


def stop_words_of(language: str | None) -> frozenset[str]:
    """Return the stop words prose of `language` is dense in (of all languages when unknown)."""
    if language is not None and language in STOP_WORDS:
        return STOP_WORDS[language]
    return ALL_STOP_WORDS


def line_kind(
    text: str,
    stop_words: frozenset[str],
    runs: tuple[int, list[int]] | None = None,
    spaces: int | None = None,
) -> str:
    """Return the kind of one line: PROSE, TEXT, SHORT, LIST or CODE.

    `runs`, when the caller has read the line already (language.words_and_runs): how many runs
    of letters and digits it has, and the numbers of those of them that are stop words of any
    language (language.stop_words_in), in order. `spaces`, when the caller has counted them
    (Line.spaces): how many spaces the line holds.
    """
    if _may_be_code(text) and _holds_code(text):
        # A long line of text with a tag or two let through (an advertisement's link inside an
        # article rendered as one line) is judged by its text; markup alone or mostly is code.
        if len(text) < _MIXED_CHARS:
            return CODE
        markup = sum(len(m) for m in _MARKUP.findall(text))
        if markup > _MIXED_MARKUP_SHARE * len(text):
            return CODE
        text = _SPACES.sub(" ", _MARKUP.sub(" ", text)).strip()
        if _holds_script(text):
            return CODE  # statements of a script, not a tag or two
        runs = spaces = None  # the line's, not its text's without the markup
    return _text_kind(text, stop_words, runs, spaces)


def _may_be_code(text: str) -> bool:
    """Return whether a line has one of '<{;&=', as a line of code always had to (_holds_code
    then asks for the characters of each branch of _CODE)."""
    return "<" in text or "{" in text or ";" in text or "&" in text or "=" in text


def _holds_code(text: str) -> bool:
    """Return whether _CODE finds a match in a line, its branches searched one by one."""
    if "<" in text and _TAG.search(text):
        return True
    if ";" in text:
        if ")" in text and (_CALL_END.search(text) or ("(" in text and _holds_empty_call(text))):
            return True
        if "=" in text and _ASSIGNMENT_END.search(text):
            return True
        if "&" in text and _ENTITY.search(text):
            return True
    if ("{" in text or "}" in text) and _BRACE.search(text):
        return True
    if (
        "=" in text
        and ("var" in text or "href" in text or "src" in text)
        and _ATTRIBUTE.search(text)
    ):
        return True
    return (
        ("(" in text and "function" in text) or "document.write" in text
    ) and _SCRIPT_CALL.search(text) is not None


def _holds_script(text: str) -> bool:
    """Return whether _SCRIPT finds a match in a text, its branches searched one by one, each
    only in a text that holds the characters it needs (as _holds_code searches _CODE's).

    _SCRIPT's '\\w+' before the brackets tried from every character inside a word, each
    length in turn: hundreds of thousands of instructions on a long line, compiled.
    """
    if "{" in text or "}" in text:
        return True
    if "(" in text and ";" in text and _holds_empty_call(text):
        return True
    if "=" in text and "var" in text and _VARIABLE.search(text):
        return True
    return (
        ("(" in text and "function" in text) or "document.write" in text
    ) and _SCRIPT_CALL.search(text) is not None


def _holds_empty_call(text: str) -> bool:
    """Return whether _EMPTY_CALL finds a match in a text, searched only when the text holds
    empty brackets, as every match does.

    _EMPTY_CALL's '\\w' is tried at every word character: a paragraph with brackets and a
    semicolon cost a hundred thousand instructions, where empty brackets are looked for as fast
    as a text is read.
    """
    return _EMPTY_BRACKETS.search(text) is not None and _EMPTY_CALL.search(text) is not None


def _text_kind(
    text: str,
    stop_words: frozenset[str],
    runs: tuple[int, list[int]] | None = None,
    spaces: int | None = None,
) -> str:
    """Return the kind of a line that is not code: PROSE, TEXT, SHORT or LIST (`runs` and
    `spaces` as line_kind has them)."""
    if spaces is None:
        spaces = text.count(" ")
    if spaces < 3 and (stop_words or not _UNSPACED.search(text)):
        return SHORT  # under four words: no need to read them
    # Plain word runs: the apostrophe rules of language.words cost more than they change here.
    tokens: list[str] = []  # the runs, read here
    numbers: list[int] = []  # or the numbers of those of them that are stop words, read before
    if runs is None:
        tokens = _tokens(text)
        count = len(tokens)
    else:
        count, numbers = runs
    if not stop_words:
        return _kind_without_stop_words(text, count)
    if count < 4:
        return SHORT
    if _listed_by_separators(text, count):
        return LIST
    if count < _TEXT_WORDS:
        return SHORT  # every test of density below asks for more words
    # A loop, not sum(map(stop_words.__contains__, tokens)): compiled, the loop tests the set
    # directly, where map called the bound method through the interpreter for each token.
    # A line of _PROSE_WORDS is prose once enough of its words are stop words: the words after
    # that one are not looked up, most of a long paragraph's.
    enough = _stop_words_for_prose(count) if count >= _PROSE_WORDS else count + 1
    listed = 0
    for token in tokens:
        if token in stop_words:
            listed += 1
            if listed == enough:
                return PROSE
    for number in numbers:
        if STOP_WORD_LIST[number] in stop_words:
            listed += 1
            if listed == enough:
                return PROSE
    density = listed / count
    if density < _LIST_DENSITY:
        return LIST
    if count >= _PROSE_WORDS and density >= _PROSE_DENSITY:
        return PROSE
    if density >= _PROSE_DENSITY and ends_sentence(text):
        return PROSE
    # A long sentence full of names (news of people and places) is prose at a lower density.
    if count >= _PROSE_WORDS and density >= _NAMED_PROSE_DENSITY and ends_sentence(text):
        return PROSE
    return TEXT


def _stop_words_for_prose(count: int) -> int:
    """Return how many stop words make a line of `count` words as dense as prose: the least
    `listed` with listed / count >= _PROSE_DENSITY.

    In integers, as the density is a quarter: listed / count, rounded to a float, reaches 0.25
    exactly when 4 * listed >= count (a quotient below it is short of it by 1 / (4 * count),
    far more than a rounding moves it).
    """
    return (count + 3) // 4


def _tokens(text: str) -> list[str]:
    """Return the runs of letters and digits of `text`, lower-cased (_TOKEN in `text.lower()`).

    Text within Latin-1, the marks past it that pages use most made spaces, is read byte by byte
    with bytes.translate (_LATIN1_TOKEN_BYTES) at half the cost of the pattern, where \\w asks
    the Unicode database about every character.
    """
    encoded = latin1(text, marks_as=" ")
    if encoded is None:
        return _TOKEN.findall(lower(text))
    return encoded.translate(_LATIN1_TOKEN_BYTES).decode("latin-1").split()


# Scripts written without spaces between words: a word is about two characters.
_UNSPACED: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


_PUNCTUATION_MARK = re.compile(r"[.,;:!?，。、；：！？]")
_LISTED_WORD_CHARS = 4  # a menu's words in such a script are two to four characters long


def word_count(text: str) -> int:
    """Return about how many words a line has: its spaces plus one, or in a script written
    without spaces (Chinese, Japanese) one word for every two of its characters.

    split_lines leaves single spaces between words, so the spaces count them; a paragraph of
    Chinese has few or none, and would count as one word against a menu's many.
    """
    count = text.count(" ") + 1
    # The scripts written without spaces are past Latin-1: an ASCII line is not searched, nor
    # one within Latin-1, which encodes as one copy (the search reads every character).
    if (
        count < _PROSE_WORDS
        and not text.isascii()
        and len(text.encode("latin-1", "ignore")) < len(text)
        and _UNSPACED.search(text)
    ):
        return max(count, len(_UNSPACED.findall(text)) // 2)
    return count


def ends_sentence(text: str) -> bool:
    """Return whether a line ends a sentence: a full stop, perhaps with closing quotes after it
    (and, as a pattern's $ allows, a newline).

    Its end is looked at, where a pattern ending in $ would be tried at every character of a
    paragraph.
    """
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(_CLOSING_QUOTES_AFTER_STOP)[-1:] in _FULL_STOP_SET


def ends_terminal(text: str) -> bool:
    """Return whether a line ends in a mark of punctuation: what TERMINAL finds, from the last
    character (or the one before a final newline) alone."""
    if text.endswith("\n"):
        text = text[:-1]
    return text[-1:] in _TERMINAL_MARK_SET


_FULL_STOP_SET: Final = frozenset(_FULL_STOPS)
_TERMINAL_MARK_SET: Final = frozenset(_TERMINAL_MARKS)


def is_list_item(text: str) -> bool:
    """Return whether a line is an item of a rendered list: a bullet, then the item."""
    return text[:1] in _LIST_BULLETS and _LIST_ITEM.match(text) is not None


_LISTED_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_OTHER_LETTER = re.compile(r"[\u0370-\u03ff\u0530-\u1fff\u3040-\u9fff\uac00-\ud7af]")


def _kind_without_stop_words(text: str, count: int) -> str:
    """Return the kind of a line in a language without a stop-word list: by length and ending."""
    if _UNSPACED.search(text):
        spaces = text.count(" ")
        # A menu of a script written without spaces: short words apart by spaces, and not a
        # mark of punctuation ('时政 地方 法治 高层 人事 理论 国际 军事').
        if (
            spaces + 1 >= _TEXT_WORDS
            and len(text) - spaces <= _LISTED_WORD_CHARS * (spaces + 1)
            and not _PUNCTUATION_MARK.search(text)
        ):
            return LIST
        count = max(count, len(_UNSPACED.findall(text)) // 2)
    if _listed_by_separators(text, count):
        return LIST
    ends = ends_sentence(text) or text.endswith("」")
    if count >= _PROSE_WORDS and (ends or count >= 2 * _PROSE_WORDS):
        return PROSE
    if count >= _TEXT_WORDS:
        return TEXT
    return SHORT


def writes_stop_words(text: str) -> bool:
    """Return whether a text is mostly in Latin or Cyrillic letters, the scripts of the stop-word
    lists: a page in another script is judged by line length and punctuation alone."""
    sample = text[:20000]
    listed = len(_LISTED_LETTER.findall(sample))
    return listed >= len(_OTHER_LETTER.findall(sample))


def mark_wrapped_prose(lines: list[Line], stop_words: frozenset[str]) -> None:
    """Give the PROSE kind to the lines of a paragraph wrapped over several lines.

    Lines that follow each other without a blank line, each of text length, the one before not
    closing a sentence and the next going on in lower case, are read together: when together
    they read as prose, each is.
    """
    # The lines that may go on from the line above, told by their start alone (most pages have
    # none): a wrapped sentence goes on in lower case, without a blank line between.
    going_on = [
        index
        for index, line in enumerate(lines)
        if not line.blank_before and _opens_in_lower_case(line.text)
    ]
    first = last = -1  # the first and last line of the group read together (-1: no group)
    for index in going_on:
        if index == 0:
            continue
        above, line = lines[index - 1], lines[index]
        if (
            (above.kind == TEXT or above.kind == PROSE)
            and (line.kind == TEXT or line.kind == PROSE)
            and not ends_sentence(above.text)
        ):
            if index - 1 != last:  # the line above opens a group
                if first >= 0:
                    _mark_wrapped(lines[first : last + 1], stop_words)
                first = index - 1
            last = index  # the line joins the group
    if first >= 0:
        _mark_wrapped(lines[first : last + 1], stop_words)


def _opens_in_lower_case(text: str) -> bool:
    """Return whether a text's first character is a lower-case letter (islower).

    An ASCII character is told by comparisons, compiled in C; islower is a method call, and
    most lines open with an ASCII character.
    """
    first = text[:1]
    if first <= "\x7f":
        return "a" <= first <= "z"
    return first.islower()


def _mark_wrapped(group: list[Line], stop_words: frozenset[str]) -> None:
    """Give the PROSE kind to the lines of `group` when together they read as prose."""
    tokens = _tokens(" ".join(item.text for item in group))
    dense = sum(1 for token in tokens if token in stop_words) >= _PROSE_DENSITY * len(tokens)
    if len(tokens) >= _PROSE_WORDS and (dense or not stop_words):
        for item in group:
            item.kind = PROSE


def has_item_separators(text: str) -> bool:
    """Return whether a line strings items together with separators ('Home · News · Sport')."""
    return _item_separators(text) >= 2


def _listed_by_separators(text: str, count: int) -> bool:
    """Return whether a line of `count` words is a list by its separators: three or more, at
    least one for every six words.

    Each separator holds a mark of its own ('|', '-', ...): a line with too few marks for that
    (most lines that have one: a hyphen or two in a paragraph) is told by counting them,
    without the search that _item_separators makes.
    """
    # Each mark counted only in a line that holds it: `in` finds a character at the speed of a
    # memory scan, where count() reads every character (most lines hold one mark or none).
    marks = 0
    for mark in _ITEM_MARKS:
        if mark in text:
            marks += text.count(mark)
    if marks < 3 or marks * 6 < count:
        return False
    separators = len(_ITEM_SEPARATOR.findall(text))
    return separators >= 3 and separators * 6 >= count


def _item_separators(text: str) -> int:
    """Return how many separators string items together in a line.

    A line without a mark of one (five in six) is not searched: the tests of the marks one by
    one cost half of the search.
    """
    if _holds_item_mark(text):
        return len(_ITEM_SEPARATOR.findall(text))
    return 0


# The marks of _ITEM_SEPARATOR's separators: each separator holds one.
_ITEM_MARKS: Final[tuple[str, ...]] = ("-", "/", "|", "·", "•", "»", "›")


def _holds_item_mark(text: str) -> bool:
    """Return whether a line holds one of the marks of _ITEM_SEPARATOR's separators."""
    return (
        "-" in text
        or "/" in text
        or "|" in text
        or "·" in text
        or "•" in text
        or "»" in text
        or "›" in text
    )


def is_closing(text: str) -> bool:
    """Return whether a line is a heading after which a page has comments or forms, not the article."""
    return closing_role(text) == HEADING


# What closing_role gives back: not closing; a closing heading; a commenter's line that is
# numbered or bulleted; one that is not (it closes only when the page has several).
OPEN: Final = 0
HEADING: Final = 1
MARKED_AUTHOR: Final = 2
AUTHOR: Final = 3
_THREAD_FIRST: Final = frozenset("0123456789oOaAeEuU")

# The first words of _CLOSING's headings, lower-cased, but for the counts; the counts a heading
# may open with ('12 comments', 'Eine Antwort'), and the words that follow a count in one. Each
# word of the pattern ends before a space, a bracket, a colon or an apostrophe, where a run of
# word characters ends too (_opens_with reads a line's first words so).
_CLOSING_FIRST_WORDS: Final = frozenset((
    "reader", "readers", "comment", "comments", "kommentar", "kommentare", "commentaire",
    "commentaires", "comentario", "comentarios", "commenti", "komentarz", "komentarze", "reacties",
    "leserpost", "leserbrief", "leserbriefe", "leserkommentar", "leserkommentare", "lesermeinung",
    "lesermeinungen", "leserstimmen", "reaction", "reactions", "response", "responses",
    "discussion", "diskussion", "leave", "post", "add", "write", "submit", "schreibe",
    "hinterlasse", "verfasse", "related", "similar", "recommended", "more", "you", "read", "up",
    "about", "über", "ähnliche", "beliebte", "weitere", "das", "le", "te", "también", "noticias",
    "articles", "sur", "à", "leggi", "articoli", "zobacz", "czytaj", "have", "join", "what",
    "your", "ihre", "schreiben", "laisser", "réagir", "ajouter", "deja", "dodaj", "napisz",
))  # fmt: skip
_CLOSING_COUNTS: Final = frozenset((
    "one", "no", "ein", "eine", "keine", "un", "une", "uno", "una", "jeden",
))  # fmt: skip
_CLOSING_COUNTED: Final = frozenset((
    "reader", "readers", "comment", "comments", "kommentar", "kommentare", "commentaire",
    "commentaires", "comentario", "comentarios", "commenti", "komentarz", "komentarze", "reacties",
    "leserpost", "leserbrief", "leserbriefe", "leserkommentar", "leserkommentare", "lesermeinung",
    "lesermeinungen", "leserstimmen", "reaction", "reactions", "response", "responses",
    "discussion", "diskussion",
))  # fmt: skip
# The same for _THREAD_HEADING, whose headings all open with a count.
_THREAD_COUNTS: Final = frozenset((
    "one", "a", "an", "ein", "eine", "einen", "un", "une", "uno", "una", "um", "uma",
))  # fmt: skip
_THREAD_COUNTED: Final = frozenset((
    "reply", "replies", "response", "responses", "comment", "comments", "thought", "thoughts",
    "antwort", "antworten", "gedanke", "gedanken", "kommentar", "kommentare", "réponse",
    "réponses", "commentaire", "commentaires", "respuesta", "respuestas", "comentario",
    "comentarios", "resposta", "respostas", "comentário", "comentários", "risposte", "commenti",
    "odpowiedzi", "komentarz", "komentarzy", "reacties",
))  # fmt: skip
_NO_WORDS: Final[frozenset[str]] = frozenset()


# The words of headings over lists of other articles, in the kits' languages and a few more:
# what such a list holds (articles, news, topics) and what sets it apart (related, more, latest).
# A heading of these words and stop words ('Mehr Themen', 'Otras noticias', 'TEMAS RELACIONADOS')
# heads one, as do they followed by a few words ('Die meistgelesenen Artikel bei Example.com').
_LISTED_THINGS: Final = frozenset((
    "articles", "article", "posts", "stories", "news", "topics", "headlines", "reads", "reading",
    "content", "videos",
    "artikel", "beiträge", "beitrag", "themen", "thema", "nachrichten", "meldungen", "berichte",
    "geschichten", "texte",
    "actualités", "sujets", "infos", "nouvelles", "publications",
    "noticias", "artículos", "notas", "temas", "entradas", "publicaciones",
    "notícias", "artigos", "matérias", "articoli", "notizie",
    "artykuły", "wiadomości", "tematy", "wpisy", "posty", "artikelen", "nieuws", "berichten",
))  # fmt: skip
_SETTING_APART: Final = frozenset((
    "related", "similar", "more", "other", "latest", "recent", "popular", "recommended",
    "trending", "further", "most",
    "verwandte", "ähnliche", "weitere", "mehr", "andere", "neueste", "neuesten", "aktuelle",
    "aktuellen", "beliebte", "beliebteste", "beliebtesten", "empfohlene", "meistgelesene",
    "meistgelesenen", "passende",
    "autres", "similaires", "liés", "connexes", "récents", "populaires", "derniers", "dernières",
    "recommandés",
    "relacionados", "relacionadas", "relacionada", "relacionado", "otras", "otros", "más",
    "similares", "últimas", "últimos", "populares", "recomendados", "recomendadas", "destacadas",
    "outras", "outros", "mais", "correlati", "altri", "altre", "simili", "ultime", "ultimi",
    "popolari",
    "powiązane", "podobne", "inne", "więcej", "najnowsze", "popularne", "polecane",
    "gerelateerde", "meer", "laatste", "populaire",
))  # fmt: skip
# Words that head such a list alone ('Relacionadas', 'Meistgelesen').
_ALONE: Final = frozenset(("relacionadas", "relacionados", "meistgelesen", "empfehlungen"))
_WORD_EDGES: Final = "\"'“”„‚‘’«»()[]*+•·:;,.!?…–—-"  # stripped off a heading's words
_HEADING_WORDS: Final = _LISTED_THINGS | _SETTING_APART | _ALONE | ALL_STOP_WORDS
_HEADING_TAIL_WORDS: Final = 4  # words after the heading's own ('bei Example.com', 'de Colombia')
_HEADING_CHARS: Final = 70


def heads_other_articles(text: str) -> bool:
    """Return whether a line heads a list of other articles (related, latest, most read)."""
    if len(text) >= 80:
        return False
    # The pattern tries each of its headings in turn: a line whose first two characters are
    # ASCII (matched as lower() gives them) and open none of its headings is told without it.
    head = text[:2]
    if (
        not head.isascii() or head[:1] in "*+-" or lower(head) in _OTHER_ARTICLES_HEADS
    ) and _OTHER_ARTICLES.match(text) is not None:
        return True
    return len(text) < _HEADING_CHARS and _listed_heading(text)


def _listed_heading(text: str) -> bool:
    """Return whether a line is a heading of the words of lists of other articles, and stop
    words, perhaps with a few words after them."""
    if text.endswith((".", "!", "?", "…", ",")) or text.count(" ") > 1 + _HEADING_TAIL_WORDS:
        return False
    if lower(text.split(" ", 1)[0]).strip(_WORD_EDGES) not in _HEADING_WORDS:
        return False  # the heading's own words come first
    tokens = [word.strip(_WORD_EDGES) for word in lower(text).split()]
    if _LISTED_THINGS.isdisjoint(tokens) and _ALONE.isdisjoint(tokens):
        return False
    thing = apart = False
    for position, token in enumerate(tokens):
        if token in _ALONE:
            thing = apart = True
        elif token in _LISTED_THINGS:
            thing = True
        elif token in _SETTING_APART:
            apart = True
        elif token not in ALL_STOP_WORDS:
            # A word of another kind ends the heading's own words: a tail may follow them.
            return thing and apart and len(tokens) - position <= _HEADING_TAIL_WORDS
    return thing and apart


def closing_role(text: str) -> int:
    """Return what a line does to close an article: OPEN, HEADING, MARKED_AUTHOR or AUTHOR."""
    length = len(text)
    if length >= _THREAD_HEADING_CHARS:
        # A paragraph (one line in fourteen): longer than a thread's heading, the longest of
        # the three kinds of closing line.
        return OPEN
    # Every heading _CLOSING knows opens with a letter or a digit: a list item (a third of
    # the lines of some pages) is not tried against its many branches. Nor is a line whose
    # first two characters are ASCII (matched as lower() gives them) and open none of its
    # headings: nine in ten of the others.
    # The few left are tried only when their first words are those of a heading (a count, then
    # a word of a thread): the pattern's many branches cost ten times that test.
    first = text[:1]
    if length < 80 and first.isalnum():
        head = text[:2]
        if (
            (not head.isascii() or first.isdigit() or head in _CLOSING_HEADS_CASED)
            and _opens_with(text, _CLOSING_FIRST_WORDS, _CLOSING_COUNTS, _CLOSING_COUNTED)
            and _CLOSING.match(text) is not None
        ):
            return HEADING
    if (
        first in _THREAD_FIRST
        and _may_open_with_count(text)
        and _opens_with(text, _NO_WORDS, _THREAD_COUNTS, _THREAD_COUNTED)
        and _THREAD_HEADING.match(text)
    ):
        return HEADING
    # A line that ends in a colon is tried only when a verb of saying stands before it: the
    # pattern tries every length of name before each space of the line.
    if length < _COMMENT_AUTHOR_CHARS and text.endswith(":") and _says_before_colon(text):
        match = _COMMENT_AUTHOR.match(text)
        if match is not None:
            return MARKED_AUTHOR if match.group(1) else AUTHOR
    return OPEN


def _may_open_with_count(text: str) -> bool:
    """Return whether a line that opens with a digit or a letter may open with a count of
    _THREAD_HEADING's and white space: False only where the pattern cannot match.

    A count in words is five letters at most: a line that opens with a letter and five more
    letters or digits (most lines that open with 'A', 'E' or 'U') opens with none, told
    without reading its first word.
    """
    return text[:1].isdigit() or not text[1:6].isalnum()


def _opens_with(
    text: str, words: frozenset[str], counts: frozenset[str], counted: frozenset[str]
) -> bool:
    """Return whether a line may open with one of `words`, or with a count (a number or one of
    `counts`) and whitespace, then one of `counted` (all lower-cased), as a pattern matches them
    under IGNORECASE: False only where it cannot.

    A word is a line's run of word characters (as \\w reads them). One past ASCII may match a
    pattern's ASCII word all the same ('ſ' as 's', the Kelvin sign as 'k'): such a line may.
    """
    word = _opening_word(text)
    if not word.isascii():
        return True
    folded = lower(word)
    if folded in words:
        return True
    if not (word.isdigit() or folded in counts):
        return False
    rest = text[len(word) :]
    if not rest[:1].isspace():
        return False
    word = _opening_word(rest.lstrip())
    return not word.isascii() or lower(word) in counted


def _says_before_colon(text: str) -> bool:
    """Return whether a line that ends in a colon may end as _COMMENT_AUTHOR's lines do: the run
    of word characters before the colon (and a space, '\\s?') is ASCII and one of _SAYING, or
    past ASCII (which IGNORECASE may match to one). False only where the pattern cannot match."""
    end = len(text) - 1
    if text[end - 1 : end].isspace():
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    word = text[start:end]
    return not word.isascii() or lower(word) in _SAYING


def _opening_word(text: str) -> str:
    """Return the run of word characters a text opens with: letters, digits and '_' as \\w
    reads them (str.isalnum is what the engine asks of each character)."""
    end = 0
    for char in text:
        if not (char.isalnum() or char == "_"):
            break
        end += 1
    return text[:end]


def closing_lines(lines: list[Line], roles: dict[str, int] | None = None) -> set[int]:
    """Return the indexes of the lines after which a page has comments or forms, not the article:
    closing headings, and the first lines of comments (numbered or bulleted, or several).

    `roles` keeps each text's closing_role across calls over one page.
    """
    roles = {} if roles is None else roles
    closing: set[int] = set()
    authors: list[int] = []
    for index, line in enumerate(lines):
        role = roles.get(line.text)
        if role is None:
            role = roles[line.text] = closing_role(line.text)
        if role == OPEN:
            continue
        if role == AUTHOR:
            authors.append(index)
        elif role == HEADING and _opens_section(lines, index):
            continue
        else:
            closing.add(index)
    if len(authors) >= 2:
        closing.update(authors)
    return closing


_SECTION_WORDS: Final = 60  # a paragraph this long under a heading is a section's, not a comment's


def _opens_section(lines: list[Line], index: int) -> bool:
    """Return whether the heading at `index` opens a section of the article ('Kommentar' over
    an analysis): the next line is a long paragraph, where a thread has a name or a form."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None
        and following.rule is None
        and following.kind == PROSE
        and following.spaces() + 1 >= _SECTION_WORDS
    )


def body_span(lines: list[Line], roles: dict[str, int] | None = None) -> tuple[int, int, int]:
    """Return the [start, end) of the stretch of lines with the highest total score, and where
    the body ends (`end` or later) with the paragraphs that go on after a list or code.

    Closing headings (comments, reply forms) cut the page: the body does not run across one. Of
    equal totals the longest, then the earliest, stretch wins, so a page that is all body keeps all.
    A page without a paragraph (a photo post, a list of short lines) keeps its best stretch of
    text lines. Metadata is read around [start, end): the tail's lines are text, never a
    headline or byline of this article. `roles` keeps each text's closing_role across calls
    over one page.
    """
    closing = closing_lines(lines, roles)
    start, end, tail = _best_stretch(lines, closing, relaxed=False)
    if start == end:
        start, end, _ = _best_stretch(lines, closing, relaxed=True)
        return start, end, end
    cut = _before_teasers(lines, start, end)
    if cut < end:
        return start, cut, cut  # teasers close the article: nothing after them is its
    return start, end, max(end, _before_teasers(lines, start, tail))


def _before_teasers(lines: list[Line], start: int, end: int) -> int:
    """Return where the body ends once the teasers closing its stretch are left out.

    Teasers of other articles are headlines, each with at most one short paragraph; an article's
    sections have long paragraphs, or several. Read upwards from the end of the stretch, a tail of
    at least _TEASER_HEADLINES headlines with no more short paragraphs than headlines is teasers.
    """
    headlines = paragraphs = 0
    top, below_top = end, 0  # the topmost headline so far, and the paragraphs below it
    after_paragraph = False  # the line below (read upwards) is a paragraph
    for index in range(end - 1, start - 1, -1):
        line = lines[index]
        if line.rule is not None:
            continue
        # A sentence, however short, is text of the article's, never a headline.
        if line.kind == PROSE or line.text.rstrip(_CLOSING_QUOTES).endswith((".", "…")):
            # Two paragraphs in a row, or a long one, are the article's.
            if after_paragraph or line.spaces() + 1 >= _TEASER_WORDS:
                break
            paragraphs += 1
            after_paragraph = True
        elif line.kind == TEXT or line.spaces() + 1 >= _HEADLINE_WORDS:
            headlines += 1
            top, below_top = index, paragraphs
            after_paragraph = False
    if headlines >= _TEASER_HEADLINES and below_top <= headlines and top > start:
        return top
    return end


# A short line that states a date or names the author ('Veröffentlicht am 5. Juni 2023', 'By Jane
# Doe'): body_span runs before the metadata lines are marked, and such a line between a lead's
# paragraphs does not make them teasers, as a headline between them does.
_DATE_OR_NAME: Final = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./] ?\d{1,2}[./]|^(?:by|von|par|por|door|autor|author|written by)\s",
    re.IGNORECASE,
)
_DATE_OR_NAME_SPACES: Final = 8
_OPENING_DATE_CHARS: Final = 40
_BY: Final = re.compile(r"(?:by|von|par|por|door|written by)\s", re.IGNORECASE)


def _states_date_or_name(text: str) -> bool:
    return text.count(" ") < _DATE_OR_NAME_SPACES and _DATE_OR_NAME.search(text) is not None


def _headline_runs(lines: list[Line]) -> set[int]:
    """Return the indexes of the long lines that stand in runs of headlines: at least
    _HEADLINE_RUN kept lines in a row that read as prose but end without a mark of punctuation.

    A block of teasers of other articles is such a run ('Gobierno ingresa proyecto para pago
    efectivo de pensiones alimenticias: incluye cobros a AFP' / 'Tres detenidos deja operativo
    antidrogas de la PDI en Ancud' / ...): its lines count for less, as list items do, so that
    a block of them does not outweigh the article below it. An article's own subheading stands
    alone between its paragraphs.
    """
    runs: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines):
        if line.rule is not None:
            continue  # a line removed by a rule does not part the run
        if (
            line.kind == PROSE
            # Most paragraphs end in a mark: their length is not counted. (ends_terminal, written
            # out: a line holds no newline.)
            and line.text[-1:] not in _TERMINAL_MARK_SET
            and line.spaces() < _HEADLINE_SPACES
        ):
            run.append(index)
        elif run:  # most lines end no run
            if len(run) >= _HEADLINE_RUN:
                runs.update(run)
            run = []
    if len(run) >= _HEADLINE_RUN:
        runs.update(run)
    return runs


def _best_stretch(lines: list[Line], closing: set[int], relaxed: bool) -> tuple[int, int, int]:
    """Return the [start, end) of the best stretch and where the paragraphs after it end;
    `relaxed` counts text lines as paragraphs.

    Stretches are parted where the running total drops to zero or at a closing heading. Of
    those, the first that comes close to the best total wins: an article comes before the
    teasers of other articles, which may add up to more words than it has, and before the
    comments under a closing heading, whose stretches count for less. A stretch made mostly of
    list items (a menu that describes its entries) or of the site's notices (a cookie dialog)
    wins only with the best total. The stretch just above the winner joins it when it is a
    lead of paragraphs alone, a few lines above (a table of contents, share buttons or a
    byline stood between); else an earlier stretch right under an article's header (a
    headline, then a date or byline) starts the body when six times its total comes close to
    the best: a short article above a sidebar's or a form's longer text, or an article's lead
    above a sidebar that parts it from the rest. The
    stretches of paragraphs alone just below the winner, parted from it by a list, a table or
    a block of code, join it too: the article goes on after them (a tutorial's prose after its
    code, a report's after its table), where teasers of other articles have headlines between
    their paragraphs.
    """
    stretches: list[tuple[float, int, int]] = []  # best (total, start, end) of each stretch
    # The current stretch's best total and where it ends. Its start is `start` for all of it,
    # and the lines come in order: a total that equals the best ends later, in a longer
    # stretch, and wins (of equal totals the longest stretch).
    best, best_end = 0.0, 0
    start, total = 0, 0.0
    run = 0  # lines since the last paragraph

    closed = False  # a closing heading came before: what follows are comments and sidebars
    weight = 1.0
    headlines = _headline_runs(lines)

    for index, line in enumerate(lines):
        if index in closing:
            if best > 0:
                stretches.append((best * weight, start, best_end))
            best = 0.0
            start, total = index + 1, 0.0
            if not closed and stretches and max(s[0] for s in stretches) >= _ARTICLE_TOTAL:
                weight = _AFTER_CLOSING_WEIGHT
            closed = True
            continue
        # What the line adds to a stretch's claim to be the body (written out here: a call a
        # line cost a fifth of the loop).
        kind = line.kind
        if line.rule is not None:
            score = -_RULE_COST  # boilerplate found by a rule, or metadata
        elif kind == PROSE:
            text = line.text
            # word_count, its spaces first: a paragraph has _PROSE_WORDS or more, or is ASCII,
            # and word_count gives it its spaces and one, without reading its characters.
            words = line.spaces() + 1
            if words < _PROSE_WORDS and not text.isascii():
                words = word_count(text)
            score = float(words)
            # An item of a rendered list ('* ', '+ '): teasers of other articles more often
            # than paragraphs of this one, so it counts for less, as does a line of a run of
            # headlines (only paragraphs are). (is_list_item's first test, written out.)
            if text[:1] in _LIST_BULLETS and is_list_item(text):
                score *= _LIST_ITEM_WEIGHT
            if index in headlines:
                score *= _LIST_ITEM_WEIGHT
        elif kind == TEXT:
            score = float(word_count(line.text)) if relaxed else -_TEXT_COST
        elif kind == SHORT:
            score = -_SHORT_COST
        else:
            score = -0.5 * (line.spaces() + 1) - 2.0  # LIST and CODE
        if score > 0:
            run = 0
        else:
            # One heading or caption between paragraphs costs little; each further line of a
            # run costs more, so a menu or a block of teasers parts two texts.
            score -= _RUN_COST * run
            run += 1
        total += score
        if total <= 0:
            if best > 0:
                stretches.append((best * weight, start, best_end))
            best = 0.0
            start, total = index + 1, 0.0
            continue
        if total >= best:
            best, best_end = total, index + 1
    if best > 0:
        stretches.append((best * weight, start, best_end))
    if not stretches:
        return 0, 0, 0
    top = max(total for total, _, _ in stretches)
    chosen = next(
        i
        for i, s in enumerate(stretches)
        if s[0] == top
        or (
            s[0] >= _FIRST_SHARE * top
            and not _mostly_listed(lines, s[1], s[2])
            and not _mostly_notices(lines, s[1], s[2])
        )
    )
    start, end = stretches[chosen][1], stretches[chosen][2]
    if chosen and not relaxed:
        lead_total, lead_start, lead_end = stretches[chosen - 1]
        gap = range(lead_end, start)
        if (
            lead_total >= _LEAD_MIN
            and _gap_lines(lines, gap, start, end) <= _LEAD_GAP
            and not any(index in closing for index in gap)
            and all(
                line.kind == PROSE or line.rule is not None or _states_date_or_name(line.text)
                for line in lines[lead_start:lead_end]
            )
            and headlines.isdisjoint(range(lead_start, lead_end))  # teasers, not a lead
            and not _mostly_listed(lines, lead_start, lead_end)  # a menu, not a lead
            and not _mostly_notices(lines, lead_start, lead_end)
        ):
            start = lead_start
        else:
            # An earlier stretch under an article's header (headline, then date or byline)
            # starts the article, however short, where the text further down may go on with it
            # or be a sidebar or a form.
            start = next(
                (
                    first
                    for total, first, last in stretches[:chosen]
                    if total * _HEADED_WEIGHT >= _FIRST_SHARE * top
                    and _headed(lines, first)
                    and not _mostly_listed(lines, first, last)
                ),
                start,
            )
    tail = end
    if not relaxed:
        tail = _tail_end(lines, closing, stretches[chosen + 1 :], end)
    return start, end, tail


def _headed(lines: list[Line], start: int) -> bool:
    """Return whether an article's header stands right above `start`: a short line that gives a
    whole date or opens with 'By', under a line of text that is no paragraph nor list item (the
    headline)."""
    for index in range(max(1, start - _HEADER_LINES), start):
        line = lines[index]
        above = lines[index - 1]
        if (
            line.rule in (None, "date", "byline")
            and above.rule is None
            and above.kind in (TEXT, SHORT)
            and " " in above.text  # a word alone is a label or a name
            and not is_list_item(line.text)
            and not is_list_item(above.text)
            and not above.text.endswith(":")
            and _dates_or_names(line.text)
        ):
            return True
    return False


# Words of a site's notices and dialogs: cookies, consent, javascript, sign-in, newsletters.
_NOTICE: Final = re.compile(
    r"cookie|javascript|consent|einwillig|einverstanden|zustimm|datenschutz|privacy|"
    r"newsletter|registrier|\blog ?in\b|\bsign ?in\b|abonn|subscri|browser",
    re.IGNORECASE,
)


def _dates_or_names(text: str) -> bool:
    """Return whether a line of a header gives the date or the author: a short line with a
    whole date or opening with 'By', or a longer one that opens with the date (a date, then
    the author and the categories)."""
    if text.count(" ") < _DATE_OR_NAME_SPACES:
        return _BY.match(text) is not None or find_date(text) is not None
    if text[:1].isdigit():
        found = find_date(text[:_OPENING_DATE_CHARS])
        return found is not None and found.start == 0
    return False


def _mostly_notices(lines: list[Line], start: int, end: int) -> bool:
    """Return whether most paragraphs of [start, end) are the site's notices: on cookies,
    consent, javascript, sign-in or newsletters. A cookie dialog above the article is such a
    stretch: like a menu, it wins only with the best total, and is no lead."""
    return _mostly(lines, start, end, _is_notice)


# A part of each of _NOTICE's words ('log in' and 'login' of '\blog ?in\b'): a text the pattern
# finds one in holds one, lower-cased.
_NOTICE_PARTS: Final[tuple[str, ...]] = (
    "cookie", "javascript", "consent", "einwillig", "einverstanden", "zustimm", "datenschutz",
    "privacy", "newsletter", "registrier", "login", "log in", "signin", "sign in", "abonn",
    "subscri", "browser",
)  # fmt: skip


def _is_notice(text: str) -> bool:
    """Return whether _NOTICE finds a word of the site's notices in a paragraph.

    A paragraph is searched only when, lower-cased, it holds a part of one of the words (most
    hold none): a scan of the text a part, where the pattern, its case ignored, tried its words
    at every other character (a million instructions for a page-long paragraph).
    """
    if not text.isascii():
        for char in IGNORECASE_APART:  # read by the pattern, not by lower(): searched
            if char in text:
                return _NOTICE.search(text) is not None
    folded = lower(text)
    for part in _NOTICE_PARTS:
        if part in folded:
            return _NOTICE.search(text) is not None
    return False


def _mostly_listed(lines: list[Line], start: int, end: int) -> bool:
    """Return whether most paragraphs of [start, end) are list items.

    A menu that describes its entries ('+ Heading Description ...') and a block of teasers are
    such lists; an article before its teasers is mostly paragraphs. Only the latter wins by
    coming first.
    """
    return _mostly(lines, start, end, is_list_item)


def _mostly(lines: list[Line], start: int, end: int, test: Callable[[str], object]) -> bool:
    """Return whether more of the kept paragraphs of [start, end) pass `test` than fail it."""
    paragraphs = [
        line.text for line in lines[start:end] if line.rule is None and line.kind == PROSE
    ]
    # The test stops once half the paragraphs have passed it or failed it: a test may search
    # every character of a paragraph (_NOTICE, in most of an article's, all of them).
    passed = failed = 0
    for text in paragraphs:
        if test(text):
            passed += 1
            if 2 * passed > len(paragraphs):
                return True
        else:
            failed += 1
            if 2 * failed >= len(paragraphs):
                return False
    return False


_ENTRY_NUMBER: Final = re.compile(r"^(?:[*+•◦▪o-]\s+)?(?:\d+(?:\.\d+)*[.)]?\s+)?")


def _gap_lines(lines: list[Line], gap: range, start: int, end: int) -> int:
    """Return how many lines of `gap` part a lead from the body at [start, end): a table of
    contents, whose entries are the body's headings ('1. Part one' over 'Part one'), counts
    for nothing, however long the article's list of parts."""
    if len(gap) <= _LEAD_GAP:
        return len(gap)
    headings = {
        _ENTRY_NUMBER.sub("", line.text).casefold()
        for line in lines[start:end]
        if line.kind != PROSE
    }
    return sum(
        1 for index in gap if _ENTRY_NUMBER.sub("", lines[index].text).casefold() not in headings
    )


def _tail_end(
    lines: list[Line], closing: set[int], after: list[tuple[float, int, int]], end: int
) -> int:
    """Return where the body ends with the stretches `after` it that go on with its text: each
    of paragraphs alone, totalling _TAIL_MIN, at most _TAIL_GAP lines below, with no closing
    heading nor a heading of other articles between."""
    for total, start, stop in after:
        gap = range(end, start)
        if (
            total < _TAIL_MIN
            or len(gap) > _TAIL_GAP
            or any(index in closing or heads_other_articles(lines[index].text) for index in gap)
            or not all(line.kind == PROSE or line.rule is not None for line in lines[start:stop])
        ):
            break
        end = stop
    return end


def mark_outside(lines: list[Line], start: int, end: int) -> None:
    """Remove, with a rule name, the lines outside the body span and the link lists inside it."""
    # The lines before, inside and after the span apart: no test of a line's index.
    for line in lines[:start]:
        if line.rule is None:
            line.rule = "code" if line.kind == CODE else "before-body"
    for line in lines[start:end]:
        if line.rule is None:
            if line.kind == CODE:
                line.rule = "code"
            elif line.kind == LIST and not ends_sentence(line.text):
                line.rule = "link-list"
    for line in lines[end:]:
        if line.rule is None:
            line.rule = "code" if line.kind == CODE else "after-body"
