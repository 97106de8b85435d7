"""Cleaning: strip boilerplate from a scraped article and lift its metadata lines out of the body.

The text is cut into lines; each line is kept, or removed with the name of the rule that removed
it. Header lines that state metadata (date, byline, masthead, breadcrumb, title) are removed and
become fields. Whole lines are removed, never part of a body paragraph, except metadata glued to
the front of the first line. Cleaning runs until nothing changes, so it is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from rapidfuzz import fuzz

from dedup import boilerplate, fields, metadata
from dedup.boilerplate import Line, split_lines
from dedup.language import (
    language_of_stop_words,
    latin1,
    lower,
    stop_words_in,
    words,
    words_and_runs,
)
from dedup.options import CleanOptions
from dedup.records import Article, Document, Removal
from dedup.template import TEMPLATE_WORDS, TemplateLines, group_of

# The patterns, sets and bounds the rules read for every line are Final: compiled, each is a C
# variable, where a module's name is looked up in its dict at every use.
_IMAGE: Final = re.compile(r"^\S.{0,80}\.(?:gif|jpe?g|png|webp|svg|bmp|tiff?)$", re.IGNORECASE)
_IMAGE_LAST: Final = frozenset("fFgGpP")  # the last letters of the extensions _IMAGE knows
_READ_MORE: Final = re.compile(
    r"^(?:also read|read more|read also|see also|related|more|watch|listen|recommended|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|weiterlesen|"
    r"lire aussi|à lire aussi|voir aussi|lea también|lea más|lea|leer más|ver también|"
    r"leggi anche|czytaj też|czytaj także|czytaj więcej|zobacz też|lees ook|leia também|"
    r"vea también|vea|mira|mire|lee también|lee más|lee|ver más|(?:también )?(?:te|le) puede "
    r"interesar|te recomendamos|leia mais|veja também|veja|siehe auch|lesen sie|zum thema|"
    r"more on this|read next|read|see)\s*[:>»]",
    re.IGNORECASE,
)
# The first two characters of _READ_MORE's words.
_READ_MORE_HEADS: Final = frozenset((
    "al", "re", "se", "mo", "wa", "li", "le", "me", "au", "we", "à ", "vo", "ve", "cz", "zo", "mi",
    "ta", "te", "si", "zu",
))  # fmt: skip
_RELATED_HEADING: Final = re.compile(
    r"^(?:related(?: news| articles?| stories| posts| content| coverage| links| topics)?|"
    r"more (?:news|stories|from [\w .]+|on this(?: story| topic)?)|you (?:may|might) also like|"
    r"recommended(?: for you| stories)?|most (?:read|popular|viewed|shared)|top stories|trending"
    r"(?: now)?|latest news|further reading|editor'?s picks|"
    r"ähnliche artikel|weitere artikel|mehr zum thema|das könnte sie auch interessieren|meistgelesen|"
    r"à lire aussi|sur le même sujet|articles similaires|noticias relacionadas|"
    r"te puede interesar|articoli correlati|powiązane artykuły|zobacz także)\s*:?$",
    re.IGNORECASE,
)
_SHARE: Final = re.compile(
    r"^(?:[*+•-] )?(?:share(?: this(?: story| article| page)?)?(?: on \w+)?|tweet|print(?: this)?(?: article)?|"
    r"e-?mail(?: this)?(?: article)?|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|"
    r"copy link|save|comments?|\d+ comments?|artikel teilen|teilen|drucken|partager|imprimer|"
    r"twittern|mitteilen|compartir|imprimir|condividi|udostępnij|delen)"
    r"(?:\s*[|/·•,]\s*(?:facebook|twitter|whatsapp|linkedin|e-?mail|print|x|reddit|telegram))*\s*!?$",
    re.IGNORECASE,
)
# The first two characters of _SHARE's words (after its optional bullet), lower-cased ('e-mail'
# and 'email' apart); a digit opens its count of comments ('3 comments'). Most short lines open
# with none of these, and are told so without the pattern, which tries each of its words.
_SHARE_HEADS: Final = frozenset((
    "sh", "tw", "pr", "e-", "em", "fa", "wh", "li", "pi", "re", "te", "co", "sa", "ar", "dr", "pa",
    "im", "mi", "ud", "de",
))  # fmt: skip
# Their first four characters (_opening): most short lines that open as one of them does open
# with another word ('Demokratie', 'Premium Support', '* Impressum'), told so without the
# pattern (about seven thousand instructions a line, compiled: under IGNORECASE the engine tries
# each of its words in turn).
_SHARE_OPENINGS: Final = frozenset((
    "shar", "twee", "prin", "e-ma", "emai", "face", "twit", "what", "link", "pint", "redd", "tele",
    "copy", "save", "comm", "arti", "teil", "druc", "part", "impr", "mitt", "comp", "cond", "udos",
    "dele",
))  # fmt: skip
# The prompts, forms, notes, embeds and calls (_APP_PROMPT, _COMMENT_FORM, _SITE_NOTE, _EMBED,
# _CALL_TO_ACTION) are written in lower case and searched in a line folded as IGNORECASE
# compares it (_folded), not under the flag: the engine then passes over an alternative at its
# first letter, where it tries each under the flag, at three times the cost.
# Every prompt opens with a letter or '©': the lookahead passes over spaces and marks in one
# test, where the engine would try each prompt in turn.
_APP_PROMPT: Final = re.compile(
    r"(?=[\w©])(?:click (?:in|on) the (?:upper|top) right|open (?:it )?in (?:your|the) browser|"
    r"download (?:our|the) (?:\w+ )?app|get the app|sign up for (?:our|the) newsletter|"
    r"subscribe to (?:our|the) newsletter|enable javascript|javascript (?:is )?(?:disabled|required)|"
    r"your browser does not support|cookies? (?:policy|settings|help us)|we use cookies|"
    r"all rights reserved|©|copyright \d{4}|"
    # Forms: enter your e-mail address.
    r"enter your e-?mail|ingresa tu (?:correo|e-?mail)|e-?mail-adresse (?:hier )?ein\b)",
)
# A prompt too, searched apart: a form's words on comments and on logging in, either first ('Log
# in to comment'). Most of the lines that name comments ('Kommentare', '12 comments') are no
# form; only the lines that hold one of _COMMENT_KEYS are searched with it, and its two branches
# cost a fraction of all the prompts' at each character. Every match opens with a letter.
_COMMENT_FORM: Final = re.compile(
    r"(?:comment|kommentar|comentar|komentarz)[^.!?\n]{0,60}(?:log ?in|sign ?in|regist|einlogg|"
    r"anmeld|inicia sesión|connect|zaloguj)|(?:log ?in|sign ?in|regist|einlogg|anmeld|"
    r"inicia sesión|connectez|zaloguj)[^.!?\n]{0,60}(?:comment|kommentar|comentar|komentarz)"
)
# Notes of the site's on cookies, on javascript turned off, on paid links, on how comments are
# moderated: searched apart from the prompts, in the lines that hold one of _SITE_NOTE_KEYS.
_SITE_NOTE: Final = re.compile(
    r"\b(?:we|wir|nous|this (?:site|website)|our (?:site|website)|diese (?:website|webseite|seite)|"
    r"unsere (?:website|webseite|seite)|ce site|notre site|este sitio|nuestro sitio|strona|serwis|"
    r"usamos|utilizamos|używamy|korzystamy)\b.{0,60}\bcookies?|cookies?\b.{0,60}\b(?:zustimm|"
    r"einverstanden|consent|accept|akzeptier|acepta|zgod)|"
    r"javascript.{0,80}\b(?:deaktiviert|aktivieren|désactivé|activer|activez|activar|actívalo|"
    r"habilit\w*|włącz\w*|disabled|enable[ds]?|einschalten)\b|"
    r"affiliate[- ]?links?|\bprovision\b.{0,80}\b(?:links?|händler|kauf)|"
    r"(?:receive|earn|erhalten|verdienen)\w* (?:a |eine )?(?:small )?(?:compensation|commission|"
    r"provision)|advertising disclos|enthält werbung|comments? (?:are|is|will be) moderated|"
    r"(?:moderat|netiquette).{0,60}comment|comment.{0,60}(?:netiquette|moderat)|"
    # The heading of a newsletter's box: up to three words, the last 'newsletter', alone or
    # before a colon ('Der Example-Newsletter: immer informiert!').
    r"^(?:[\w.-]+ ){0,2}[\w.-]*newsletter(?:\W*$|\s*:)",
)
# A picture's credit on a line of its own: 'Foto: Jane Doe', 'Photo: AFP', 'Bild: dpa'.
_CREDIT: Final = re.compile(
    r"^(?:fotos?|photos?|bild(?:er)?|image|credit|crédito|fot|zdjęcie|beitragsbild|titelbild)"
    r"\s*[:.]\s*\S",
    re.IGNORECASE,
)
# Its words' first two characters.
_CREDIT_HEADS: Final = frozenset(("fo", "ph", "bi", "im", "cr", "zd", "be", "ti"))
# A link to the article before or after this one: 'Previous post: ...', 'Article suivant',
# 'Vorheriger Beitrag', 'Następny artykuł'.
_POST_NAVIGATION: Final = re.compile(
    r"^(?:[*+•-] )?(?:(?:previous|next|older|newer) (?:article|post|story|entry)|"
    r"(?:article|artículo|entrada|publicación|nota) (?:précédent|precedent|suivant|anterior|"
    r"siguiente)|(?:vorherige[rs]?|nächste[rs]?) (?:artikel|beitrag)|(?:poprzedni|następny) "
    r"(?:artykuł|wpis))(?:$|[\s:»«|>])",
    re.IGNORECASE,
)
# The first two characters of its words, after its optional bullet.
_POST_NAVIGATION_HEADS: Final = frozenset(
    ("pr", "ne", "ol", "ar", "en", "pu", "no", "vo", "nä", "po", "na")
)
# And their first four characters (_opening), as for _SHARE_OPENINGS.
_POST_NAVIGATION_OPENINGS: Final = frozenset((
    "prev", "next", "olde", "newe", "arti", "artí", "entr", "publ", "nota", "vorh", "näch", "popr",
    "nast",
))  # fmt: skip
_POST_NAVIGATION_SPACES: Final = 30  # a longer line is a paragraph that opens with these words
# The rules whose words open with a head, one bit a rule, for each head of theirs: a line's head
# is looked up once, where it was asked of each rule's set (compiled, a look-up a set).
_READ_MORE_HEAD: Final = 1
_SHARE_HEAD: Final = 2
_CREDIT_HEAD: Final = 4
_POST_NAVIGATION_HEAD: Final = 8
_HEAD_RULES: Final[dict[str, int]] = {
    head: (head in _READ_MORE_HEADS) * _READ_MORE_HEAD
    | (head in _SHARE_HEADS) * _SHARE_HEAD
    | (head in _CREDIT_HEADS) * _CREDIT_HEAD
    | (head in _POST_NAVIGATION_HEADS) * _POST_NAVIGATION_HEAD
    for head in _READ_MORE_HEADS | _SHARE_HEADS | _CREDIT_HEADS | _POST_NAVIGATION_HEADS
}
# A line of the page's tags or categories: 'Tags: ...', 'Schlagwörter: ...', 'Étiquettes : ...'.
_TAGS: Final = re.compile(
    r"^(?:tags?|tagged(?: with)?|schlagw[öo]rte?r?|stichw[öo]rte?r?|themen|topics|keywords|"
    r"étiquettes|mots[- ]clés|etiquetas|tagi|temas|categor(?:ies|y|ías?)|kategorien?|"
    r"catégories?)\s*:",
    re.IGNORECASE,
)
# The placeholder of a post or video embedded from another site, and its note on the data
# sent there: 'External content', 'View this post on Instagram', 'Inhalt laden'; and the
# controls of players, pictures and downloads. They stand inside articles, so each removes its
# own line only (under _PROMPT_CHARS).
_EMBED: Final = re.compile(
    r"\bexterne[rn]? inhalte?\b|\bredaktionelle[rn]? inhalte?\b|"
    r"\bview this (?:post|photo|video) on (?:instagram|facebook|twitter|youtube)|"
    r"\b(?:inhalte?|video|content) (?:laden|load)\b|datenübertragung an|"
    r"\b(?:daten|data) an (?:youtube|twitter|facebook|instagram|drittplattformen)|"
    r"verbindung zu (?:den )?(?:twitter|youtube|facebook|instagram|social-media)|"
    r"contenido externo|contenu externe|zewnętrzne treści|"
    # A player's, a picture's or a download's control: 'Listen to this article', 'Zum Vergrößern'.
    r"escucha (?:esta|la) nota|listen to (?:this|the) (?:article|story)|artikel (?:an)?hören|artikel vorlesen|"
    r"écouter (?:cet|l.)article|zum vergrößern|bild vergrößern|click (?:here )?to enlarge|"
    r"cliquez pour agrandir|pdf herunterladen|download (?:as |the )?pdf|"
    r"télécharger (?:le |en )?pdf|descargar (?:el |en )?pdf",
)
# Every match of _EMBED holds one of these. The control that loads a post ('Inhalt laden',
# 'Video load') is keyed by its verb alone: two scans of the page where its eight forms took
# eight, for a few more lines searched (a page in twenty holds ' laden' or ' load').
_EMBED_KEYS: Final = frozenset((
    "externe", "redaktionelle", "view this", " laden", " load", "datenübertragung", "daten an",
    "data an", "verbindung zu", "contenido externo", "zewnętrzne", "escucha", "listen to",
    "artikel hören", "artikel anhören", "artikel vorlesen", "écouter", "vergrößern", "enlarge",
    "agrandir", "pdf",
))  # fmt: skip
# The label over an advertisement, on a line of its own.
_AD_LABELS: Final = frozenset((
    "advertisement", "advertising", "anzeige", "werbung", "publicidad", "publicité", "reklama",
    "sponsored", "annonce", "pubblicità", "advertentie",
))  # fmt: skip
_AD_MARKS: Final = " :*-•"  # around a label ('- Anzeige -')
# The characters that lower() makes a label's first letter: a short line that opens with none
# after the marks (most: 'Home', '12. März 2024') is told without lowering it (test_cleaning
# reads all of Unicode).
_AD_FIRSTS: Final = "aApPrRsSwW"
_CREDIT_SPACES: Final = 8  # a longer line is a caption, which the article keeps
# A picture's caption: a line that ends in the picture's credit ('... in Berlin. Foto: Jane Doe',
# '... (Photo: AFP)', '(REUTERS/Jane Doe)', '(Symbolbild)'). An agency's name alone in brackets,
# '(dpa)', signs a paragraph of the article and stays.
_CAPTION: Final = re.compile(
    r"(?:(?:^|(?<=[\s(.,;|/]))(?:fotos?|photos?|photograph|bild(?:er|quelle)?|images?|imagen|quelle|source|credit|"
    r"crédito|fuente|fot|zdjęcie|picture|grafik|illustration)\s?:\s?[^\s.!?:«»\"“”„]"
    r"(?:[^.!?:«»\"“”„]|\.(?=\w)){0,50}|"
    r"\((?:[^()]{0,30}\b)?(?:fotos?|photos?|bild(?:quelle)?|symbolbild|images?|credit|quelle)\b[^()]{0,60}\)|"
    r"\((?:reuters|afp|ap|epa|dpa|getty images)/(?-i:[A-Z])[^()]{2,50}\)|"
    r"(?:^|(?<=[\s(.,;|/]))(?:photo(?:graph)?|image|picture) by [^.!?:]{2,50})\.?$",
    re.IGNORECASE,
)
# The key tuples are typed tuple[str, ...]: compiled, a fixed-length tuple is unboxed, and made
# anew at each use.
_CAPTION_KEYS: Final[tuple[str, ...]] = (
    "fot", "photo", "bild", "imag", "quelle", "source", "credit", "crédito", "fuente", "zdjęcie",
    "picture", "grafik", "illustration", "reuters", "afp", "ap/", "epa/", "dpa/", "getty",
)  # fmt: skip
# A figure's caption by its number: 'Abbildung 4: ...', 'Fig. 2. ...'.
_FIGURE: Final = re.compile(
    r"(?:abbildung|abb\.|figure|fig\.|figura|rys\.)(?:\s*\d+[a-z]?\s*[:.]|\s?:)\s", re.IGNORECASE
)
# The first and second characters of _FIGURE's words as IGNORECASE matches them ('İ' and 'ı'
# as 'i'; test_cleaning checks all of Unicode): a line that opens otherwise is not tried.
_FIGURE_FIRSTS: Final = "AaFfRr"
_FIGURE_SECONDS: Final = "bBiIyYİı"
# _CAPTION's words before a colon ('Foto:', 'Bildquelle :'), lower-cased, each holding one of
# _CAPTION_KEYS; the longest has _CREDIT_WORD_CHARS characters.
_CREDIT_WORDS: Final[tuple[str, ...]] = (
    "fotos", "foto", "fot", "photos", "photo", "photograph", "bild", "bilder", "bildquelle",
    "images", "image", "imagen", "quelle", "source", "credit", "crédito", "fuente", "zdjęcie",
    "picture", "grafik", "illustration",
)  # fmt: skip
_CREDIT_WORD_CHARS: Final = 12
_CAPTION_TAIL: Final = 90  # characters at the end of a line that hold the credit
# How a caption with its credit in brackets ends; and so, a newline after it (_may_hold_credit).
_BRACKET_ENDS: Final[tuple[str, ...]] = (")", ").")
_BRACKET_LINE_ENDS: Final[tuple[str, ...]] = (")", ").", ")\n", ").\n")
_CAPTION_WORDS: Final = 50  # a longer line is a paragraph, whatever ends it

# Calls to follow, subscribe or sign up: short lines that close a page's article. The engine
# tries the pattern at every character of a line: every call opens with a letter, so the
# lookahead passes over spaces and marks in one test, and the calls that open at a word's start
# stand together behind one \b, which passes over the inside of words in one test where each
# of them would be tried in turn (together half of the pattern's time). The order of the
# alternatives is free: only whether a line holds a match is asked.
_CALL_TO_ACTION: Final = re.compile(
    r"(?=\w)(?:\b(?:follow (?:us|\w+ on (?:twitter|facebook|instagram))|subscribe (?:now|today|to (?:our|the))|"
    r"sign up (?:now|today|for)|join (?:us|our \w+) on\b|folge uns|"
    r"jetzt (?:\w+ ){0,3}(?:abonnieren|anmelden|bestellen|spenden)|"
    # Calls to support, donate or become a member, and the paywall's words to subscribers.
    r"support (?:us|our (?:work|journalism))|donate (?:now|today)|become a (?:member|subscriber)|"
    r"already a (?:subscriber|member)|subscribers\b|spenden sie|never miss|wesprzyj|"
    # A paywall's offer, a feed's or an inbox's promise: 'Instant access to the full article',
    # 'Subscription will auto renew', 'straight to your inbox', 'Bleib auf dem Laufenden'.
    r"(?:instant|immediate|unlimited) (?:online |digital )?access to (?:all|the full|our|every)\b|"
    r"auto(?:matically)?[- ]renew|straight to your (?:phone|inbox|mailbox)|abonniere\b|"
    r"bleib(?:e|en sie)? (?:immer )?auf dem laufenden|stay (?:up to date|in the loop)\b|"
    # The site's own channel elsewhere: 'nuestro canal de YouTube', 'our Telegram channel'.
    r"(?:our|nuestro|notre|nosso|unse?re?[mn]?|nasz) (?:\w+ )?(?:canal|channel|kanal)\b|"
    r"canal de (?:telegram|youtube|whatsapp)|(?:telegram|youtube|whatsapp)[- ](?:channel|kanal)\b)|"
    # The calls found anywhere, of the same kinds.
    r"folgen sie uns|abonnieren sie|newsletter (?:abonnieren|anmelden)|zum newsletter|"
    r"suscr[ií]bete|s[ií]guenos|[uú]nete a|abonnez-vous|suivez-nous|inscrivez-vous|"
    r"unterstütze[n]? (?:sie )?(?:uns|unsere)|(?:mitglied|abonnent(?:in)?) werden|"
    r"werden sie (?:mitglied|abonnent)|verpass(?:e|en sie) (?:keine|nichts)|soutenez|faites un don|"
    r"devenez (?:membre|abonné)|zostań (?:patronem|subskrybentem)|hazte (?:socio|miembro)|apóyanos|"
    r"direkt in (?:ihr|dein) postfach|restez informés?|mantente informad[oa]|"
    # A donation box's words: 'Every donation helps', 'Jede kleine Spende hilft'.
    r"(?:(?:jede|ihre|deine|eine) (?:kleine )?(?:spende|unterstützung)|(?:your|every) (?:donation|"
    r"support|contribution)|ihr beitrag|tu (?:donación|aporte|apoyo)|votre (?:don|soutien)|"
    r"twoja (?:darowizna|wpłata)) (?:hilft|helps|ayuda|aide|pomaga))",
)
# Every match of _CALL_TO_ACTION holds one of these. Each key costs a scan of the page, so a key
# that holds another is left out, and so are the long forms that one word covers (' hilft' for
# 'spende hilft', 'unterstützung hilft' and 'beitrag hilft'; 'abonn' for 'abonnieren', 'abonnez'
# and 'abonnent'): the pattern still decides, on a few more lines.
_CALL_TO_ACTION_KEYS: Final = frozenset((
    " hilft", " helps", " ayuda", " aide", " pomaga", "follow", "subscribe", "sign up", "join ",
    "folge", "abonn", "jetzt", "newsletter", "suscr", "síguenos", "siguenos", "únete", "unete",
    "suivez", "inscrivez", "support", "donate", "become a", "already a", "unterstütze", "spenden",
    "mitglied", "verpass", "never miss", "soutenez", "un don", "devenez", "wesprzyj", "zostań",
    "hazte", "apóyanos", "canal", "channel", "kanal", "access to", "renew", "straight to",
    "postfach", "auf dem laufenden", "stay ", "restez", "mantente",
))  # fmt: skip
# Every match of _APP_PROMPT holds one of these.
_APP_PROMPT_KEYS: Final = frozenset((
    "click ", "browser", "download", "get the app", "newsletter", "javascript", "cookie",
    "rights reserved", "©", "copyright", "enter your e", "ingresa tu ", "mail-adresse",
))  # fmt: skip
# Every match of _COMMENT_FORM holds one of these, and one of _LOGIN_KEYS: most lines that name
# comments ('Kommentare (12)') hold none of the second, told by a few substring searches of the
# folded line before the pattern's.
_COMMENT_KEYS: Final = frozenset(("comment", "kommentar", "comentar", "komentarz"))
_LOGIN_KEYS: Final = (
    "login", "log in", "signin", "sign in", "regist", "einlogg", "anmeld", "inicia sesión",
    "connect", "zaloguj",
)  # fmt: skip
_SITE_NOTE_KEYS: Final = frozenset((
    "cookie", "javascript", "newsletter", "affiliate", "provision", "compensation", "commission",
    "advertising disclos", "enthält werbung", "moderat", "netiquette",
))  # fmt: skip
# The keys of the five patterns, each once (patterns share some), in a fixed order.
_PROMPT_KEYS: Final = tuple(
    sorted(_APP_PROMPT_KEYS | _COMMENT_KEYS | _SITE_NOTE_KEYS | _CALL_TO_ACTION_KEYS | _EMBED_KEYS)
)
# The letters of the kits' pages (lower-cased), the rarest first; a character not listed is
# rarer than any that is.
_RARE_CHARS = "qxjzvykwbfpgmcudhlosrintae "


def _key_scans(
    keys: tuple[str, ...],
) -> tuple[tuple[str, re.Pattern[str], tuple[tuple[str, int], ...]], ...]:
    """Return the scans that find `keys` in a page: for each character that is the rarest of
    some keys (their anchor), the anchor, a pattern of those keys, each from its anchor on, the
    part before checked behind it ('b' then 'scribe', behind it 'subscribe'), and the keys, each
    with where its anchor stands in it.

    A pattern that opens with one character is searched for about as fast as a text, and stops
    only where its character stands: a scan for each anchor (about 30) finds the keys where a
    scan for each key (about 90) did, at a third of the cost.
    """
    anchored: dict[str, list[str]] = {}
    for key in keys:
        # str.find gives -1, the rarest, to a character not listed; min keeps the first of ties.
        anchor = min(key, key=_RARE_CHARS.find)
        anchored.setdefault(anchor, []).append(key)
    scans = []
    for anchor, grouped in anchored.items():
        branches = [
            re.escape(key[key.index(anchor) + 1 :])
            + (f"(?<={re.escape(key)})" if key.index(anchor) else "")
            for key in grouped
        ]
        pattern = re.compile(f"{re.escape(anchor)}(?:{'|'.join(branches)})")
        offsets = tuple((key, key.index(anchor)) for key in grouped)
        scans.append((anchor, pattern, offsets))
    return tuple(scans)


_PROMPT_SCANS: Final = _key_scans(_PROMPT_KEYS)
_KEYS_FOUND_APART: Final = 2  # the keys of an anchor that _lines_holding looks for one by one

_PROMPT_CHARS: Final = 200  # a longer line is the article's own text about prompts, notes, embeds
_SAMPLE_SPACES: Final = 6  # lines with more words than this tell the language
_SAMPLE_MIN_WORDS: Final = 40
# About 900 words; 12000 told one page of the 990 of clean-trafilatura apart.
_SAMPLE_CHARS: Final = 6000
_CALL_TO_ACTION_CHARS: Final = 160  # a paragraph that mentions following or subscribing stays
# A pass removes lines or changes nothing, so this bound is never the reason to stop.
MAX_PASSES = 20


@dataclass
class _Memo:
    """What the passes over one document learn about a line's text alone, kept for later passes."""

    rules: dict[str, str | None] = field(default_factory=dict)  # context-free rule of a text
    kinds: dict[str | None, dict[str, str]] = field(default_factory=dict)  # by language
    # text -> key that finds repeats, its spaces, its first words (_repeat_key)
    repeat_keys: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    # the sample's lines (_language_of), the cut one last -> language
    languages: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    # text -> how many words it has (language.words), and its stop words' numbers (stop_words_in)
    words: dict[str, tuple[int, list[int]]] = field(default_factory=dict)
    # text -> how many runs of letters and digits it has, and the numbers of its stop words among
    # them, read with its words (language.words_and_runs) for boilerplate.line_kind
    runs: dict[str, tuple[int, list[int]]] = field(default_factory=dict)
    closing: dict[str, int] = field(default_factory=dict)  # text -> boilerplate.closing_role
    related: dict[str, bool] = field(default_factory=dict)  # text -> heads a related block

    # Written out, not left to the dataclass: mypyc compiles the methods of a class's source
    # and leaves those a dataclass makes interpreted (eight calls of dict() through the
    # interpreter a document).
    def __init__(self) -> None:
        self.rules = {}
        self.kinds = {}
        self.repeat_keys = {}
        self.languages = {}
        self.words = {}
        self.runs = {}
        self.closing = {}
        self.related = {}


@dataclass(frozen=True)
class Verdict:
    """What the cleaner did with one line of the input: kept, or removed by a named rule."""

    line: int  # 1-based line number in the input
    text: str
    kept: bool
    rule: str | None

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "text": self.text, "kept": self.kept, "rule": self.rule}


def clean_document(
    document: Document,
    options: CleanOptions | None = None,
    template: TemplateLines | None = None,
    explain: bool = False,
) -> Article:
    """Return the cleaned article of a document: its body, metadata and what was removed.

    Passes run until one changes nothing, so cleaning the returned text again gives it back. With
    `explain`, the article's `extra` carries an "explain" list: one verdict per input line.
    """
    options = options or CleanOptions()
    group = group_of(document)
    found = fields.Found()
    lines = split_lines(document.text)
    all_lines = list(lines)
    extra_patterns = [re.compile(p, re.IGNORECASE) for p in options.extra_patterns]
    memo = _Memo()
    language = options.language or _language_of(lines, memo)
    settled = False  # the first pass reads every line
    for _ in range(MAX_PASSES):
        # A pass changed something when it removed a line or cut a line's text (metadata
        # glued to its front).
        removed, cut = _clean_pass(
            lines, language, options, extra_patterns, template, group, found, memo, settled
        )
        if not removed and not cut:
            break
        settled = not cut
        # The next pass sees the kept lines as the returned text gives them back.
        lines = _as_reread(lines)
        language = options.language or _language_of(lines, memo)
    text = _join(all_lines)
    extra = document.extra
    if explain or options.explain:
        extra = {**extra, "explain": [v.as_dict() for v in _verdicts(all_lines)]}
    return Article(
        id=document.id,
        title=found.title,
        date=found.date,
        source=found.outlet,
        authors=tuple(found.authors),
        dateline=found.dateline,
        section=found.section,
        language=language,
        text=text,
        removed=tuple(_removals(all_lines)),
        extra=extra,
    )


def _language_of(lines: list[Line], memo: _Memo) -> str | None:
    """Return the language of the kept lines, read from their longer lines (prose, not menus).

    The sample is those lines joined by newlines and cut at _SAMPLE_CHARS; its words are the
    words of its lines (no word spans a newline), kept per line across the passes.
    """
    chosen: list[str] = []  # the longer kept lines, as far as the sample can reach
    chosen_spaces = 0  # of all the longer kept lines, until there are enough
    reach = 0
    for line in lines:
        if line.rule is None:
            # Counted once a text for this and the body's steps (the count of a paragraph reads
            # its every character, and each pass asked it again).
            spaces = line.spaces()
            if spaces >= _SAMPLE_SPACES:
                chosen_spaces += spaces
                if reach < _SAMPLE_CHARS:
                    chosen.append(line.text)
                    reach += len(line.text) + 1
                elif chosen_spaces >= _SAMPLE_MIN_WORDS:
                    break  # the sample is full, and of longer lines
    if chosen_spaces < _SAMPLE_MIN_WORDS:
        chosen = [line.text for line in lines if line.rule is None]
    whole: list[str] = []  # the lines the sample holds whole
    cut = ""  # the start of the line the sample ends in
    offset = 0
    for text in chosen:
        if offset + len(text) > _SAMPLE_CHARS:
            cut = text[: _SAMPLE_CHARS - offset]
            break
        whole.append(text)
        offset += len(text) + 1
        if offset >= _SAMPLE_CHARS:
            break
    # A pass that removed no long line leaves the sample as it was. Its lines are the key: a
    # tuple hashes from the hashes its strings keep, where the sample joined was hashed anew.
    sample = (*whole, cut)
    if sample not in memo.languages:
        stop_words: list[int] = []
        total = 0
        for text in whole:
            line_words = memo.words.get(text)
            if line_words is None:
                # The runs its kind is read from come from the same bytes (most lines).
                tokens, runs = words_and_runs(text)
                line_words = memo.words[text] = (len(tokens), stop_words_in(tokens))
                if runs is tokens:
                    memo.runs[text] = line_words
                elif runs is not None:
                    memo.runs[text] = (len(runs), stop_words_in(runs))
            total += line_words[0]
            stop_words += line_words[1]
        if cut:
            tokens = words(cut)
            total += len(tokens)
            stop_words += stop_words_in(tokens)
        memo.languages[sample] = language_of_stop_words(stop_words, total)
    return memo.languages[sample]


def clean_text(text: str, options: CleanOptions | None = None) -> str:
    """Return the cleaned body of one text."""
    return clean_document(Document(id="-", text=text), options).text


def explain_lines(article: Article) -> Iterator[str]:
    """Yield a readable view of an article cleaned with `explain`: one row per input line."""
    yield f"== {article.id}  title: {article.title!r}  date: {article.date}"
    for verdict in article.extra.get("explain", []):
        mark = "keep" if verdict["kept"] else "drop"
        rule = verdict["rule"] or ""
        yield f"{verdict['line']:>5} {mark} {rule:<14} {verdict['text'][:100]}"


def _verdicts(lines: list[Line]) -> list[Verdict]:
    return [Verdict(line.number, line.original, line.rule is None, line.rule) for line in lines]


def _removals(lines: list[Line]) -> list[Removal]:
    removed: list[Removal] = []
    # Compiled, a name imported from an interpreted module is looked up in the module's dict
    # at each use: once here, not for each of a page's hundreds of removals.
    removal = Removal
    new = object.__new__
    for line in lines:
        rule = line.rule
        if rule is not None:
            text = line.original
        elif line.text != line.original:
            # Metadata glued to the front of the line: what was cut off it.
            text = line.original[: len(line.original) - len(line.text)].strip()
            rule = "glued-metadata"
        else:
            continue
        # Made as unpickling makes a record, and as Removal.__init__ fills it: its fields
        # written into the new instance's dict. Compiled, each write is a C call, where a call
        # of the class ran its __init__ in the interpreter (a fifth more instructions a record).
        record = new(removal)
        attributes: dict[str, object] = record.__dict__
        attributes["text"] = text
        attributes["rule"] = rule
        attributes["line"] = line.number
        removed.append(record)
    return removed


def _as_reread(lines: list[Line]) -> list[Line]:
    """Return the kept lines, with the blank lines and indents that splitting `_join(lines)` gives."""
    kept: list[Line] = []
    blank = False
    for line in lines:
        blank = blank or line.blank_before
        if line.rule is not None:
            continue
        line.blank_before = blank and bool(kept)
        line.indent = 0
        blank = False
        kept.append(line)
    return kept


def _clean_pass(
    lines: list[Line],
    language: str | None,
    options: CleanOptions,
    extra: list[re.Pattern[str]],
    template: TemplateLines | None,
    group: str,
    found: fields.Found,
    memo: _Memo,
    settled: bool = False,
) -> tuple[bool, bool]:
    """Mark the boilerplate and metadata lines of `lines`; return whether it removed a line, and
    whether it cut a line's text.

    `settled`: the lines are those a previous pass kept, with the texts it read (it cut none).
    The steps that judge a line by its text alone, or by the other kept lines' texts, would
    then remove nothing, and are not run: the lines passed _mark_rules as they are; none heads
    a related block (every heading is removed, wherever it stands: in the body by
    _mark_related_blocks, around it by mark_outside), so no block opens; and a subset of the
    lines _mark_captions or _mark_repeats kept is kept by it again (no caption among them, or
    only captions; no two with the same or a near key, none quoted in a longer one). The steps
    that read where a line stands (the body's span, metadata, the author's box, menus) run
    again: removed lines change what stands around the kept ones.
    """
    if not lines:
        return False, False
    if not settled:
        _mark_rules(lines, extra, template, group, memo)
    stop_words = boilerplate.stop_words_of(language)
    if language is None and not boilerplate.writes_stop_words(_join(lines)):
        stop_words = frozenset()
    kinds = memo.kinds.setdefault(language if stop_words else "-", {})
    for line in lines:
        kind = kinds.get(line.text)
        if kind is None:
            runs = memo.runs.get(line.text)
            kind = kinds[line.text] = boilerplate.line_kind(
                line.text, stop_words, runs, line.spaces()
            )
        line.kind = kind
    boilerplate.mark_wrapped_prose(lines, stop_words)
    start, end, tail = boilerplate.body_span(lines, memo.closing)
    fields.mark_metadata(
        lines, start, end, found, fields.day_first(options, language), memo.closing
    )
    fields.mark_title(lines, start, end, found)
    if not settled:
        _mark_captions(lines)
    boilerplate.mark_outside(lines, start, tail)
    _mark_author_box(lines, found.authors)
    if not settled:
        _mark_related_blocks(lines, memo.related, start, tail)
        _mark_repeats(lines, memo.repeat_keys)
    _mark_menus(lines)
    _mark_after_page_furniture(lines)
    kept = [line for line in lines if line.rule is None]
    cut = False
    if kept:
        # The one step that cuts a line's text, and only the first kept line's: the texts of
        # the others need no comparing.
        text = kept[0].text
        fields.lift_lead_metadata(kept[0], found)
        cut = kept[0].text != text
    # Every line comes in kept (split_lines and _as_reread give no removed line), so the pass
    # removed a line when fewer are kept: no (rule, text) pairs to build and compare.
    return len(kept) < len(lines), cut


def _mark_rules(
    lines: list[Line],
    extra: list[re.Pattern[str]],
    template: TemplateLines | None,
    group: str,
    memo: _Memo,
) -> None:
    """Mark the lines that are boilerplate whatever stands around them."""
    # Each text once, and only the texts no pass has judged: a text's rule does not depend on
    # where it stands. After the first pass there are few or none.
    rules = memo.rules
    fresh: list[str] = []  # the texts in order, each once
    spaces: list[int] = []  # how many spaces each holds
    for line in lines:
        if line.rule is None:
            text = line.text
            if text not in rules:
                # Its place held by no rule, the answer for all but a few texts: those few are
                # stored again below, where each text was inserted in a dict of its own first.
                rules[text] = None
                fresh.append(text)
                # Counted once for the rules and the body's steps, which ask the line too (the
                # count of a paragraph reads its every character).
                spaces.append(line.spaces())
    if fresh:
        found = _context_free_rules(fresh, spaces, extra, template, group)
        for index, text in enumerate(fresh):
            rule = found[index]
            if rule is not None:
                rules[text] = rule
    for line in lines:
        if line.rule is None:
            line.rule = rules[line.text]


def _context_free_rules(
    fresh: list[str],
    spaces: list[int],
    extra: list[re.Pattern[str]],
    template: TemplateLines | None,
    group: str,
) -> list[str | None]:
    """Return the context-free rule of each text of `fresh` (distinct texts, holding `spaces`
    spaces each), or None."""
    # One scan of the page finds the lines that hold a prompt; no line is searched on its own.
    # Prompts, calls and embeds are short: only the lines under _PROMPT_CHARS are scanned.
    short = [index for index, text in enumerate(fresh) if len(text) < _PROMPT_CHARS]
    texts = [fresh[index] for index in short]
    # Lower-cased line by line, not joined: str.lower reads an ASCII text at a fraction of the
    # cost of one past ASCII, character by character, and many lines of a page past ASCII are
    # ASCII. The same text: a newline neither is cased nor lets a final sigma's case through.
    holding = _lines_holding("\n".join([lower(text) for text in texts]), _PROMPT_SCANS)
    # A line one pattern found is a prompt whatever the next ones say: none searches it again.
    found = _lines_matching(_APP_PROMPT, _APP_PROMPT_KEYS, texts, holding)
    found |= _lines_matching(_COMMENT_FORM, _COMMENT_KEYS, texts, holding, found, also=_LOGIN_KEYS)
    found |= _lines_matching(_SITE_NOTE, _SITE_NOTE_KEYS, texts, holding, found)
    found |= _lines_matching(
        _CALL_TO_ACTION, _CALL_TO_ACTION_KEYS, texts, holding, found, _CALL_TO_ACTION_CHARS
    )
    prompts = {short[index] for index in found}
    embeds = {short[index] for index in _lines_matching(_EMBED, _EMBED_KEYS, texts, holding, found)}
    return [
        "embed"
        if index in embeds
        else _context_free_rule(text, spaces[index], index in prompts, extra, template, group)
        for index, text in enumerate(fresh)
    ]


def _context_free_rule(
    text: str,
    spaces: int,
    prompt: bool,
    extra: list[re.Pattern[str]],
    template: TemplateLines | None,
    group: str,
) -> str | None:
    """Return the rule that removes a line of this text (holding `spaces` spaces) wherever it
    stands, or None."""
    # Cheap tests first: each pattern runs only on lines that have what it needs.
    short = spaces < 12
    if extra and any(p.search(text) for p in extra):
        return "pattern"
    # A file name ends in the last letter of its extension; a sentence ends in a full stop.
    if text[-1:] in _IMAGE_LAST and "." in text[-6:] and _IMAGE.match(text):
        return "image"
    # The patterns below open with words: each is tried on the lines that open as one of its
    # words does.
    head = _head(text)
    opens = _HEAD_RULES.get(head, 0)
    if (
        opens & _READ_MORE_HEAD
        and (":" in text or ">" in text or "»" in text)
        and _READ_MORE.match(text)
    ):
        return "read-more"
    # A line that opens with a digit is one of _SHARE's only as a count of comments ('3
    # comments'): the many that open with a date or a time are not tried. (No character past
    # ASCII matches a letter of 'comment' under IGNORECASE: lower() finds all it matches.) A
    # digit stands before ':' or past ASCII: a line that opens with an ASCII letter (most) is
    # told so by a comparison, not by isdecimal, a method call compiled.
    if (
        short
        and len(text) < 80
        and (
            (opens & _SHARE_HEAD and _opening(text) in _SHARE_OPENINGS)
            or ((head < ":" or head > "\x7f") and head[:1].isdecimal() and "comment" in lower(text))
        )
        and _SHARE.match(text)
    ):
        return "share"
    if spaces < _CREDIT_SPACES and opens & _CREDIT_HEAD and _CREDIT.match(text):
        return "credit"
    if prompt:
        # '© Bild: Jane Doe' credits a picture inside the article: it closes nothing.
        if text.startswith("©") and spaces < _CREDIT_SPACES and _CREDIT.match(text[1:].lstrip()):
            return "credit"
        return "prompt"
    if short and ":" in text[:16] and _TAGS.match(text):
        return "tags"
    if (
        opens & _POST_NAVIGATION_HEAD
        and spaces < _POST_NAVIGATION_SPACES
        and _opening(text) in _POST_NAVIGATION_OPENINGS
        and _POST_NAVIGATION.match(text)
    ):
        return "navigation"
    if (
        len(text) < 20
        and text.lstrip(_AD_MARKS)[:1] in _AD_FIRSTS
        and lower(text).strip(_AD_MARKS) in _AD_LABELS
    ):
        return "advert"
    # Only lines of up to TEMPLATE_WORDS words are counted as template (split_lines leaves
    # single spaces between words, so the spaces count them).
    if template is not None and spaces < TEMPLATE_WORDS and template.is_template(group, text):
        return "template"
    return None


def _folded(text: str) -> str:
    """Return a text lower-cased as IGNORECASE compares it, one character for one: a pattern in
    lower case finds in it what it finds in the text under IGNORECASE ('İ', 'ı' and 'ſ' as 'i'
    and 's'; checked over all of Unicode for the prompt patterns in test_cleaning)."""
    return metadata.ignorecase_lower(text)


# _head's fold of each pair of characters it met, by the first and then the second. Lines open
# with a few hundred pairs a page, and mostly the same ones from page to page: a look-up costs a
# fraction of the fold's method calls (compiled, a tenth). Keyed by single characters: a slice
# of one character within Latin-1 is a string CPython keeps (no new string, its hash known),
# where a slice of two was made and hashed for each line. Each level is emptied when it grows
# past _HEADS_KEPT (a run of pages in many scripts), so that it stays small.
_HEADS: Final[dict[str, dict[str, str]]] = {}
_HEADS_KEPT: Final = 400


def _head(text: str) -> str:
    """Return the first two characters of a line, after a list's bullet and its space if it opens
    with one, as IGNORECASE compares them: lower-cased, 'İ' and 'ı' as 'i', 'ſ' as 's'."""
    first = text[:1]
    second = text[1:2]
    if second == " " and first in "*+•-":
        first = text[2:3]
        second = text[3:4]
    folds = _HEADS.get(first)
    if folds is None:
        if len(_HEADS) >= _HEADS_KEPT:
            _HEADS.clear()
        folds = {}
        _HEADS[first] = folds
    folded = folds.get(second)
    if folded is None:
        if len(folds) >= _HEADS_KEPT:
            folds.clear()
        # The folds beyond lower() are of characters past ASCII, which most lines open without.
        folded = metadata.ignorecase_lower(first + second)
        folds[second] = folded
    return folded


def _opening(text: str) -> str:
    """Return the first four characters of a line, after a list's bullet and its space if it
    opens with one, as IGNORECASE compares them (as _head does its first two)."""
    if text[1:2] == " " and text[:1] in "*+•-":
        return metadata.ignorecase_lower(text[2:6])
    return metadata.ignorecase_lower(text[:4])


def _mark_captions(lines: list[Line]) -> None:
    """Mark the kept lines that are pictures' captions (after the metadata lines are known, so
    a headline or byline that ends in a credit is read as such first).

    A page whose kept lines are all captions keeps them: they are what it has to say.
    """
    # No memo of a text's verdict across passes: only the first pass over a page, and a pass
    # after one that cut a line, look for captions (_clean_pass), and _is_caption tells most
    # lines by a few tests of their end, at little more than a look-up and a store cost.
    found: list[Line] = []
    others = False
    for line in lines:
        if line.rule is None:
            text = line.text
            # _is_caption's first test, written out (most lines, without a colon, a closing
            # bracket or ' by ' at their end nor a figure's first letters, are told without the
            # call); the end alone is read, where a paragraph's every character was.
            tail = text[-_CAPTION_TAIL:]
            if (
                (text[:1] in _FIGURE_FIRSTS and text[1:2] in _FIGURE_SECONDS)
                or text.endswith(_BRACKET_ENDS)
                or ":" in tail
                or " by " in tail
            ) and _is_caption(text):
                found.append(line)
            else:
                others = True
    if others:
        for line in found:
            line.rule = "caption"


def _is_caption(text: str) -> bool:
    """Return whether a line is a picture's caption: it ends in the picture's credit."""
    tail = text[-_CAPTION_TAIL:]
    figure = (
        text[:1] in _FIGURE_FIRSTS
        and text[1:2] in _FIGURE_SECONDS
        and _FIGURE.match(text) is not None
    )
    if not (figure or text.endswith(_BRACKET_ENDS) or ":" in tail or " by " in tail):
        return False
    if text.count(" ") >= _CAPTION_WORDS:
        return False  # a paragraph with a credit glued to its end
    if figure:
        return True
    return _may_hold_credit(tail) and _CAPTION.search(tail) is not None


def _may_hold_credit(tail: str) -> bool:
    """Return whether the end of a line holds one of _CAPTION_KEYS (lower-cased) where _CAPTION
    can match it: a credit's word right before the last colon ('Foto: Jane Doe': after the
    pattern's colon comes no other), or after the last opening bracket of a line that ends in a
    closing one ('(Foto: dpa)', '(REUTERS/Jane Doe)'), or anywhere in a line with ' by ' in it
    ('Photo by Jane Doe').

    Every match of _CAPTION holds a key so placed, unless the line holds a character of
    IGNORECASE_APART: such a line's end is looked through whole, as every end was. Elsewhere only
    the few characters of those places are read.
    """
    lowered = lower(tail)
    if " by " in lowered or (
        not tail.isascii() and ("İ" in tail or "ı" in tail or "ſ" in tail)  # IGNORECASE_APART
    ):
        return _holds_caption_key(lowered)
    colon = tail.rfind(":")
    if colon >= 0:
        # The word ends at the colon or at one space before it (the pattern's '\s?').
        word = lower(tail[max(0, colon - _CREDIT_WORD_CHARS - 1) : colon])
        if word[-1:].isspace():
            word = word[:-1]
        if word.endswith(_CREDIT_WORDS):
            return True
    bracket = tail.rfind("(")
    return (
        bracket >= 0
        and tail.endswith(_BRACKET_LINE_ENDS)
        and _holds_caption_key(lower(tail[bracket:]))
    )


def _holds_caption_key(lowered: str) -> bool:
    """Return whether a lower-cased text holds one of _CAPTION_KEYS."""
    # mypyc compiles any() of a generator to a loop, each test a substring search in C; any()
    # over map(lowered.__contains__) called a bound method for each key, four times the
    # instructions compiled (in pure Python the map is the faster).
    return any(key in lowered for key in _CAPTION_KEYS)


def _lines_holding(
    lowered: str, scans: tuple[tuple[str, re.Pattern[str], tuple[tuple[str, int], ...]], ...]
) -> dict[str, set[int]]:
    """Return, for each key of `scans` (from _key_scans) that the page holds, the indexes of
    its lines that hold it: `lowered` is the lines joined by newlines and lower-cased.

    A scan of the whole page for each anchor finds where its keys stand; at each match the
    keys of that anchor are read where they would start, so that a key is found where another
    of the same anchor matched first.
    """
    holding: dict[str, set[int]] = {}
    narrow = lowered.isascii()  # a flag that the string carries: no scan
    for anchor, pattern, keys in scans:
        # An anchor past ASCII ('ü', '©') is looked for as one character first: three pages
        # in four past ASCII hold none of each, and the test costs a fraction of the scan.
        if not anchor.isascii() and (narrow or anchor not in lowered):
            continue
        if len(keys) <= _KEYS_FOUND_APART:
            # A key alone on its anchor, or one of two, is looked for as a text: str.find skips
            # ahead by the characters the key lacks, where the engine reads every character
            # (compiled, a page cost about 2.5 times the instructions with the pattern; a scan
            # for each of three keys costs about what their pattern does).
            for key, _ in keys:
                position = lowered.find(key)
                line, at = 0, 0
                while position >= 0:
                    line += lowered.count("\n", at, position)
                    at = position
                    found = holding.get(key)
                    if found is None:
                        holding[key] = {line}
                    else:
                        found.add(line)
                    position = lowered.find(key, position + 1)
            continue
        match = pattern.search(lowered)
        line, at = 0, 0  # the line that holds the character at `at`
        while match is not None:
            position = match.start()
            line += lowered.count("\n", at, position)
            at = position
            for key, offset in keys:
                if offset <= position and lowered.startswith(key, position - offset):
                    found = holding.get(key)
                    if found is None:
                        holding[key] = {line}
                    else:
                        found.add(line)
            match = pattern.search(lowered, position + 1)
    return holding


def _lines_matching(
    pattern: re.Pattern[str],
    keys: frozenset[str],
    texts: list[str],
    holding: dict[str, set[int]],
    decided: set[int] | None = None,
    max_chars: int = _PROMPT_CHARS,
    also: tuple[str, ...] = (),
) -> set[int]:
    """Return the indexes of `texts` under `max_chars` that `pattern` (in lower case, for
    folded text) finds a match in, of those not `decided` already.

    Each match of `pattern` holds one of `keys` in lower case, so only the lines that hold one
    (`holding`, from _lines_holding) are searched with the pattern, the costly step; and one of
    `also`, when given, which the folded line is searched for first.
    """
    candidates: set[int] = set()
    for key, found in holding.items():
        if key in keys:
            candidates |= found
    if decided:
        candidates -= decided
    matched: set[int] = set()
    for index in candidates:
        text = texts[index]
        if len(text) < max_chars:
            folded = _folded(text)
            if (not also or any(key in folded for key in also)) and pattern.search(folded):
                matched.add(index)
    return matched


# A blogger's box in the first person: 'Hi, ich bin Tine und ...', "I'm Amy and ...".
_FIRST_PERSON_BIO: Final = re.compile(
    r"^(?:(?:[Hh]allo|[Hh]i|[Hh]ello|[Hh]ey|[Ss]alut|[Bb]onjour|[Cc]ześć|[Hh]ola)[,!]? )?"
    r"(?:[Ii]ch bin|I'm|I’m|I am|[Jj]e suis|[Jj]estem|[Ss]oy|[Mm]y name is|[Ii]ch heiße) "
    r"[A-ZÀ-ÖØ-Þ][\w'-]+(?:,| (?:und|and|et|i|y) )"
)


# The characters _FIRST_PERSON_BIO's lines open with (its greetings' and its words' first letters;
# the pattern is case-sensitive).
_BIO_FIRSTS: Final = frozenset("HhSsBbCcIiJjMm")


def _first_person_bio(text: str) -> bool:
    """Return whether a line opens a blogger's box in the first person ('Ich bin Tine und ...')."""
    # The pattern is anchored and fails within the first characters of nearly every line: a
    # test of its key words in the lower-cased head first cost seven times what it saved. Its
    # first character alone is looked up (a call of the pattern costs twenty such tests,
    # compiled), and the line is tried only when it opens with one of the pattern's.
    return text[:1] in _BIO_FIRSTS and _FIRST_PERSON_BIO.match(text) is not None


_BIO_NAME_WORDS: Final = 4  # a name is at most this many words
# The name's heading stands this many kept lines above the biography at most.
_BIO_LOOKBACK: Final = 2
# More words than this after the biography are the article's (a list of portraits), not a box's.
_BOX_WORDS_AFTER: Final = 150


# Words of a text in the first person, in the kits' languages.
_FIRST_PERSON: Final = re.compile(
    r"\b(?:[Ii]ch|[Mm]eine?|I|I'm|[Mm]y|[Jj]e|[Jj]'|[Mm]on|[Yy]o|[Mm]ój|[Mm]oja)\b"
)
_FIRST_PERSON_WORDS: Final = 12  # a biography says so within its first words


def _in_first_person(text: str) -> bool:
    """Return whether a text speaks in the first person within its first words."""
    head = " ".join(text.split(" ", _FIRST_PERSON_WORDS)[:_FIRST_PERSON_WORDS])
    return _FIRST_PERSON.search(head) is not None


def _mark_author_box(lines: list[Line], authors: list[str]) -> None:
    """Remove an author's box that closes the body: the name as a heading, the biography under
    it ('Jane Doe' / 'Jane Doe ist Redakteurin bei ...'), and what follows it.

    The biography must open with the name of the page's author, or with the name on a short line
    just above, or speak in the first person under the author's name alone on a line ('Jane
    Doe' / 'Als Redakteurin betreue ich ...'); it must stand in the second half of the kept
    lines with at most _BOX_WORDS_AFTER words after it: an article about people has more of its
    text after a portrait.
    """
    kept = [line for line in lines if line.rule is None]
    for position in range(_last_lines_start(kept, _BOX_WORDS_AFTER), len(kept)):
        text = kept[position].text
        if kept[position].spaces() < 5 or not text[:1].isupper():
            continue
        heading = None
        names = list(authors)
        for above in range(max(0, position - _BIO_LOOKBACK), position):
            label = kept[above].text
            if (
                kept[above].spaces() < _BIO_NAME_WORDS  # counted once a line: most are paragraphs
                and not boilerplate.ends_terminal(label)
                and all(word[:1].isupper() for word in label.split())
            ):
                names.append(label)
                if text.startswith(label + " "):
                    heading = above
        if position and kept[position - 1].text in authors and _in_first_person(text):
            heading = position - 1  # 'Jane Doe' / 'As a reporter I cover ...'
        elif not metadata.bio_start(text, names) and not _first_person_bio(text):
            continue
        first = position if heading is None else heading
        for line in kept[first:]:
            line.rule = "author-box"
        return


def _last_lines_start(kept: list[Line], words: int) -> int:
    """Return where the lines of the second half of `kept` with at most `words` words below
    them start: the only lines that may open an author's box, found before any is read."""
    position, below = len(kept), 0  # `below`: the words under the line above `position`
    while position > len(kept) // 2 and below <= words:
        position -= 1
        below += kept[position].spaces() + 1
    return position


# Rules whose lines belong to the page around an article (share buttons, prompts, the site's
# template, a signature, the tags, a link to the next post): past most of the body, the article has
# ended before one.
# (Runs of short lines, "menu", are left out: inside an article they are lists, and cutting
# after them cost clean-l3s 0.004 of shingle F1.)
_FURNITURE_RULES: Final = frozenset(("share", "prompt", "template", "byline", "tags", "navigation"))
_FURNITURE_AFTER: Final = 0.6  # share of the body's words above the line (0.5-0.7 score alike)


def _mark_after_page_furniture(lines: list[Line]) -> None:
    """Remove the kept lines below the first line of page furniture that stands after most of
    the body's words: author boxes, sign-up and donation boxes and notes that close a page.

    A picture's caption is the article's too: its words count as the body's. A template line
    without a letter or digit (a bullet, a rule) stands between a site's paragraphs too, so it
    closes nothing.
    """
    # The furniture's lines first (three passes in four find none): the words above each are
    # then summed in C, where a loop read every line.
    furniture = [index for index, line in enumerate(lines) if line.rule in _FURNITURE_RULES]
    if not furniture:
        return
    # The words of each kept line and caption.
    words = [
        line.spaces() + 1 if line.rule is None or line.rule == "caption" else 0 for line in lines
    ]
    least = _FURNITURE_AFTER * sum(words)
    above = 0
    counted = 0  # the lines whose words `above` holds
    for index in furniture:
        line = lines[index]
        if line.rule == "template" and not any(char.isalnum() for char in line.text):
            continue
        above += sum(words[counted:index])
        counted = index
        if above and above >= least:
            for below in lines[index + 1 :]:
                if below.rule is None:
                    below.rule = "after-furniture"
            return


# The first two characters of _RELATED_HEADING's headings that are ASCII, lower-cased.
_RELATED_HEADING_HEADS: Final = frozenset((
    "re", "mo", "yo", "to", "tr", "la", "fu", "ed", "we", "me", "da", "su", "ar", "no", "te", "po",
    "zo",
))  # fmt: skip


def _is_related_heading(text: str) -> bool:
    # Every heading _RELATED_HEADING knows opens with a letter: a list item is not tried, nor a
    # line whose first two characters are ASCII (matched as lower() gives them) and open none.
    head = text[:2]
    return (
        (lower(head) in _RELATED_HEADING_HEADS if head.isascii() else text[:1].isalpha())
        and _RELATED_HEADING.match(text) is not None
    ) or boilerplate.heads_other_articles(text)


def _mark_related_blocks(
    lines: list[Line], headings: dict[str, bool], start: int, end: int
) -> None:
    """Mark the headings of related-article blocks and the teasers under them, in the body's
    lines [start, end): the lines around them are removed already (mark_outside).

    A heading above the body's first line (`start`), a menu's 'Latest news', opens no block
    over the article's lead. `headings` keeps whether a text is such a heading across the
    passes over one document.
    """
    # Only the body's lines are read: mark_outside has removed every line before `start` and
    # from `end` on, so a heading there would be marked by no rule of its own and would open
    # no block with a kept line in it (none opens above `start`). Most lines of a page stand
    # outside its body: they are not tested as headings.
    inside = False
    for index in range(start, end):
        line = lines[index]
        heading = headings.get(line.text)
        if heading is None:
            heading = headings[line.text] = _is_related_heading(line.text)
        if heading:
            inside = True
            line.rule = line.rule or "related"
            continue
        if inside:
            words = len(line.text.split())
            ends_story = words >= 25 and not line.text.endswith(("...", "…"))
            if ends_story:
                inside = False
            else:
                line.rule = line.rule or "related"


_WORDS_AND_SPACES: Final = re.compile(r"[\w\s]+")
# For text within Latin-1: the bytes that are neither word characters nor spaces, deleted, and
# the spaces that str.split knows past ASCII (\x1c-\x1f, \x85, \xa0) made " " for bytes.split.
_LATIN1_MARKS: Final = bytes(
    code for code in range(256) if not _WORDS_AND_SPACES.fullmatch(chr(code))
)
_LATIN1_SPACES = bytes(ord(" ") if chr(code).isspace() else code for code in range(256))
# _LATIN1_SPACES with the case of each letter folded: one translate folds text within
# Latin-1 as casefold does, but for the two letters whose fold is not one Latin-1 character
# ('ß' folds to 'ss', 'µ' to 'μ'), which are left as they are here.
_LATIN1_UNFOLDABLE = b"\xdf\xb5"
_LATIN1_FOLDED_SPACES: Final = bytes(
    space if code in _LATIN1_UNFOLDABLE else _LATIN1_SPACES[ord(chr(code).casefold())]
    for code, space in enumerate(_LATIN1_SPACES)
)


def _normalized(text: str) -> str:
    """Return the key that finds repeats of a text: its words, case and punctuation left out.

    What is left of the text without its punctuation is the runs of word characters and
    spaces between the marks, found and joined (a quarter cheaper than deleting the marks);
    text within Latin-1 loses its marks and has its case folded byte by byte, at a third of
    that cost. Casefold, a look-up in the Unicode database for each character, is left to
    the text past Latin-1 and to the text with a 'µ' (which folds to 'μ').
    """
    if text.isascii():  # most lines; str.isascii reads a flag of the string
        encoded = text.encode("ascii")
    else:
        latin = latin1(text, marks_as="")
        # The bytes hold a 'µ' or a 'ß' where the text does (marks_as adds none): asked of the
        # text, as 'in' over bytes first tries its operand as a byte's number and raises and
        # clears a TypeError, ten times the search.
        if latin is not None and "µ" not in text:
            # 'ß' folds to 'ss' (the table leaves it): replaced in the bytes, not by a casefold
            # of the text, a look-up for each of its characters (a German page's paragraphs).
            encoded = latin.replace(b"\xdf", b"ss") if "ß" in text else latin
        else:
            folded = text.casefold()
            latin = latin1(folded, marks_as="")
            if latin is None:
                return " ".join("".join(_WORDS_AND_SPACES.findall(folded)).split())
            encoded = latin
    encoded = encoded.translate(_LATIN1_FOLDED_SPACES, _LATIN1_MARKS)
    # The table leaves no space but " ": its runs (where marks were) made one and the ends
    # stripped give what split and join would, without a bytes object for each word. A replace
    # that finds no pair gives the bytes back, the same length: most lines take that one call,
    # where b"  " in encoded raised and cleared a TypeError first (see above).
    while True:
        single = encoded.replace(b"  ", b" ")
        if len(single) == len(encoded):
            break
        encoded = single
    # Stripped as text: compiled, str.strip is a direct call, bytes.strip a method looked up.
    return encoded.decode("latin-1").strip(" ")


def _repeat_key(text: str) -> tuple[str, int, str]:
    """Return the key that finds repeats of a text, how many spaces it has, and its first four
    words when it has six or more (the group its near copies are looked for in), else ""."""
    key = _normalized(text)
    # A key has single spaces between its words: six words or more have five spaces, and the
    # first four words end at the fourth space (found, not split: no string for each word).
    spaces = key.count(" ")
    if spaces < 5:
        return key, spaces, ""
    end = key.find(" ")
    for _ in range(3):
        end = key.find(" ", end + 1)
    return key, spaces, key[:end]


def _mark_repeats(lines: list[Line], repeat_keys: dict[str, tuple[str, int, str]]) -> None:
    """Mark lines that repeat another line: copies, repeated bylines and pull quotes.

    `repeat_keys` keeps each text's _repeat_key across the passes over one document.
    """
    seen: set[str] = set()
    # The lines with a key, in order. Their entries are read from repeat_keys again where they
    # are needed: compiled, an entry is a tuple unboxed, made anew (a tuple of three) each time
    # it was stored in a dict or a list of pairs.
    keyed: list[int] = []
    # A plain dict, not a defaultdict: compiled, its subscript is a generic call, and a missing
    # head (most) called list through the interpreter.
    by_head: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.rule:
            continue
        entry = repeat_keys.get(line.text)
        if entry is None:
            entry = _repeat_key(line.text)
            repeat_keys[line.text] = entry
        key, _, head = entry
        if not key:
            continue
        if key in seen:
            line.rule = "repeated"
            continue
        seen.add(key)
        keyed.append(index)
        if head:
            same_head = by_head.get(head)
            if same_head is None:
                by_head[head] = [index]
            else:
                same_head.append(index)
    for group in by_head.values():
        if len(group) < 2:
            continue  # most lines: no other line opens with the same four words
        for a_pos, a in enumerate(group):
            for b in group[a_pos + 1 :]:
                first, second = lines[a], lines[b]
                if first.rule or second.rule:
                    continue
                if fuzz.ratio(repeat_keys[first.text][0], repeat_keys[second.text][0]) < 85:
                    continue
                # The pull quote is the copy without closing punctuation, else the later one.
                ends = boilerplate.ends_terminal
                if not ends(first.text) and ends(second.text):
                    first.rule = "pull-quote"
                else:
                    second.rule = "pull-quote"
    # A short line quoted word for word inside a longer paragraph is a pull quote. The long
    # paragraphs are searched as one string, so this costs one scan per candidate line.
    # The lines with a key that no near copy removed, in order.
    kept = [index for index in keyed if not lines[index].rule]
    long_keys: list[str] = []
    for index in kept:
        key, spaces, _ = repeat_keys[lines[index].text]
        if spaces >= 12:
            long_keys.append(key)
    if not long_keys:
        return
    joined = "\n".join(long_keys)
    for index in kept:
        key, spaces, _ = repeat_keys[lines[index].text]
        if 5 <= spaces <= 39 and _holds_copies(joined, key, 2 if spaces >= 12 else 1):
            lines[index].rule = "pull-quote"  # a long line finds itself once: it needs two


def _holds_copies(text: str, key: str, copies: int) -> bool:
    """Return whether `text` holds `copies` (1 or 2) copies of `key` that do not overlap, as
    text.count(key) >= copies: the scan stops at the copy that decides, where count reads on
    to the end."""
    at = text.find(key)
    if at < 0 or copies == 1:
        return at >= 0
    return text.find(key, at + len(key)) >= 0


def _mark_menus(lines: list[Line]) -> None:
    """Mark runs of three or more short, unpunctuated lines: menus and link lists.

    A run under a sentence that ends in a colon ('The plan has three parts:') is that sentence's
    list, the article's.
    """
    run: list[Line] = []
    introduced = False  # the kept line above the run introduces a list
    above: Line | None = None  # the last kept line that is no menu item
    for line in [*lines, None]:
        if line is None:
            pass  # the page's end ends a run
        elif line.rule:
            continue  # a removed line neither ends a run nor stands above one
        # A line of five spaces or more (most kept lines: paragraphs) is no item: told without
        # the call.
        elif line.spaces() < 5 and _is_menu_item(line.text):
            if not run:
                introduced = above is not None and _introduces_list(above.text)
            run.append(line)
            continue
        else:
            above = line
        if run:  # most lines end no run
            if len(run) >= 3 and not introduced:
                for item in run:
                    item.rule = "menu"
            run = []


def _introduces_list(text: str) -> bool:
    """Return whether a line is a sentence that introduces a list: it ends in a colon."""
    return text.endswith(":") and text.count(" ") + 1 >= _LIST_INTRO_WORDS


_LIST_INTRO_WORDS: Final = 4  # a shorter line ending in a colon is a label ('Tel:', 'Archiv:')


def _is_menu_item(text: str) -> bool:
    # A paragraph of Chinese has no spaces to count: its characters count its words.
    return (
        text.count(" ") < 5
        and not boilerplate.ends_terminal(text)
        and boilerplate.word_count(text) <= 5
    )


def _join(lines: list[Line]) -> str:
    """Return the kept lines as text, a blank line wherever the input had one between them."""
    parts: list[str] = []
    blank = False
    for line in lines:
        blank = blank or line.blank_before
        if line.rule or not line.text:
            continue
        if parts:
            parts.append("\n\n" if blank else "\n")
        parts.append(line.text)
        blank = False
    return "".join(parts)
