"""Language: stop-word lists, and telling the language of a text from its stop words alone.

The boilerplate remover uses stop-word density to tell prose (many function words) from menus and
link lists (almost none); the clustering features drop stop words because they say nothing about
the event. Detection needs no model: in any real paragraph the function words of its language are
a quarter to a half of all tokens, while another language's list catches only the few words the
two happen to share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, cast

# One string per language, as written; _build turns them into frozensets. Shared words (e.g. "de"
# in six languages) are kept in every list they belong to: detection counts them for all of them,
# so they raise no language above another.
_RAW: dict[str, str] = {
    "en": """
        a about above after again against all almost already also although always am among an and
        another any are aren't around as at be because been before being below between both but by
        can can't cannot could couldn't did didn't do does doesn't doing don't down during each
        either even ever every few for from further had hadn't has hasn't have haven't having he
        he'd he'll he's her here here's hers herself him himself his how however i i'd i'll i'm
        i've if in into is isn't it it's its itself just least less let's many may me might more
        most much must mustn't my myself neither never no nor not now of off often on once one only
        onto or other others ought our ours ourselves out over own per rather said same says shall
        she she'd she'll she's should shouldn't since so some still such than that that's the
        their theirs them themselves then there there's these they they'd they'll they're they've
        this those though through thus to too toward towards under unless until up upon us very
        via was wasn't we we'd we'll we're we've were weren't what what's whatever when where
        where's whether which while who who's whom whose why will with within without won't would
        wouldn't yet you you'd you'll you're you've your yours yourself yourselves
    """,
    "de": """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
        anderes anders auch auf aus bei beide beiden beim bereits bin bis bist da dabei dadurch
        dafür dagegen daher damit danach dann daran darauf darf darin darum darüber das dass daß
        davon dazu dein deine deinem deinen deiner dem den denen denn der deren des dessen deshalb
        dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
        einer eines einige einigen einiger einmal er es etwa etwas euch euer eure für gegen gewesen
        gibt hab habe haben hat hatte hatten heute hier hin hinter ich ihm ihn ihnen ihr ihre ihrem
        ihren ihrer ihres im immer in indem ins ist ja jede jedem jeden jeder jedes jedoch jene
        jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte laut
        man manche manchem manchen mancher manches mehr mein meine meinem meinen meiner meines mich
        mir mit muss musste müssen nach nachdem neben nicht nichts noch nun nur ob oder ohne rund
        sagte schon sehr sei sein seine seinem seinen seiner seines seit selbst sich sie sind so
        solche solchem solchen solcher solches soll sollen sollte sondern sowie über um und uns
        unser unsere unserem unseren unter viel viele vom von vor während war wäre waren was weil
        weiter welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird
        wo wollen wollte worden wurde würde wurden zu zum zur zwar zwischen
    """,
    "fr": """
        à afin ai aient ainsi alors après as au aucun aucune aujourd'hui auprès aura auraient
        aurait aussi autant autre autres aux avaient avais avait avant avec avez avoir avons ayant
        c'est c'était ce ceci cela celle celles celui cependant certains certaines ces cet cette
        ceux chaque chez comme comment contre d'autres d'un d'une dans de depuis des dès deux donc
        dont du elle elles en encore entre es est et étaient était été être eu eux fait faire fois
        font hier ici il ils j'ai je jusqu'à l'on la le les leur leurs lors lorsque lui ma mais me
        même mêmes mes moi moins mon n'a n'est n'était ne ni non nos notre nous on ont ou où par
        parce parmi pas pendant peu peut peuvent plus plusieurs pour pourquoi pourrait près puis
        qu'il qu'ils qu'elle qu'on quand que quel quelle quelles quels qui quoi s'est sa sans se
        selon sera seront serait ses seulement si sien soi soit son sont sous souvent sur ta tant
        te tes toi ton toujours tous tout toute toutes très tu un une vers via vos votre vous y
        déjà
    """,
    "es": """
        a además ahora al algo algún alguna algunas alguno algunos ante antes aquel aquella
        aquellas aquellos aquí así aún bajo bien cada casi como cómo con contra cual cuál cuales
        cuando cuándo cuanto cuya cuyo de del desde dijo donde dónde dos durante e el él ella ellas
        ello ellos en entre era eran es esa esas ese eso esos esta está estaba estaban estado están
        estar este esto estos fue fueron ha había habían han hasta hay hace hacia la las le les lo
        los más me mi mía mientras mis mismo mucho muchos muy nada ni no nos nosotros nuestra
        nuestro nuestros o otra otras otro otros para pero poco por porque pueden puede pues qué
        que quien quién quienes se sea según ser será si sí sido siempre sin sino sobre solo sólo
        su sus también tan tanto te tiene tienen todo todos tras tu tú tus un una uno unos usted
        ustedes y ya yo
    """,
    "pt": """
        a à ainda ao aos após apenas aquela aquelas aquele aqueles aquilo as às assim até cada
        cerca com como contra da das de dela dele deles depois desde disse do dos e é ela elas ele
        eles em enquanto entre era eram essa essas esse esses esta está estão estava este estes eu
        foi foram há isso isto já lá lhe lhes mais mas me mesmo meu minha muito na não nas nem no
        nos nós nossa nosso num numa o onde os ou outra outras outro outros para pela pelas pelo
        pelos pode podem pois por porque quais qual quando que quem se segundo seja sem ser será
        seu seus sido sob sobre sua suas também te tem têm ter tinha toda todas todo todos tu tua
        um uma umas uns vai você vocês
    """,
    "it": """
        a ad agli ai al alla alle allo anche ancora avere aveva avevano c'è che chi ci come con
        contro cosa così cui da dagli dai dal dalla dalle dallo degli dei del della delle dello di
        dopo dove due e è ed era erano essere fa fare fatto fino fra già gli ha hanno ho i il in io
        la le lei li lo loro lui ma me mentre mi mia mio molto ne negli nei nel nella nelle nello
        nemmeno noi non nostro o ogni oltre per perché però più poi può quale quali quando quanto
        quella quelle quelli quello questa queste questi questo qui se sé secondo sei sempre senza
        si sia siamo sono sta stata stati stato su sua sue sugli sui sul sulla sulle suo suoi tra
        tu tutta tutte tutti tutto un un'altra una uno vi voi
    """,
    "nl": """
        aan al alle alles als altijd andere ben bij daar dan dat de der deze dezelfde die dit doch
        doen door dus een eens elk elke en enkele er geen geweest haar had hadden heb hebben heeft
        hem hen het hier hij hoe hoewel hun iedere iemand iets ik in is ja je jij jullie kan kon
        kunnen maar me meer men met mij mijn moet na naar niet niets nog nooit nu of om omdat onder
        ons onze ook op over reeds sinds steeds te tegen tijdens toch toen tot tussen u uit uw vaak
        van veel volgens voor want waar waarin waarop wanneer waren was wat we wel werd werden wie
        wij wil worden wordt zal ze zei zeer zelf zich zij zijn zo zoals zonder zou zullen
    """,
    "pl": """
        a aby ale aż bardzo bez bo by być był była było byli były będzie będą czy czyli dla do
        dlatego gdy gdyż gdzie go i ich ile im inne ja jak jakie jaki jako je jednak jego jej jemu
        jest jestem jeszcze jeśli jeżeli już ją kiedy kto która które którego której który których
        którym którzy którą ku lub ma mają mi mnie może można mu my na nad nam nas nie nic nich
        niego niej nim nią niż no o od około on ona one oni ono oraz po pod podczas ponieważ potem
        przed przez przy również sam się są swoje swoich swoją swój ta tak także tam te tego tej
        ten teraz to tu tych tylko tym ty u w was we według więc wszystkie wszystko wy z za ze że
        żeby
    """,
    "sv": """
        alla allt att av blev bli blir de dem den denna deras dess det detta dig din dina ditt du
        där då efter ej eller en enligt er era ett från för ha hade han hans har henne hennes hon
        honom hur här i icke ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt
        mot mycket många ni nu när någon något några och också om oss på redan sa sade samma sedan
        sig sin sina själv skulle som så sådan säger till under upp ut utan vad var vara varför
        varit varje vars vi vid vilka vilken vilket vår våra vårt än är åt även över
    """,
    "da": """
        af alle allerede alt anden andet andre at blandt blev blevet bliver da de dem den denne der
        deres det dette dig din dine disse dit dog du efter eller en end er et for fra ham han hans
        har havde have hende hendes her hos hun hvad hvis hvor hvordan hvorfor i ikke ind jeg jer
        kan kun kunne man mange med meget men mig min mine mit mod nogen noget nogle nu når og også
        om op os over på sagde sammen selv siger sig sin sine sit skal skulle som så sådan til ud
        under var vi vil ville vor vores være været
    """,
    "no": """
        alle allerede alt andre at av bare blant ble bli blir blitt da de deg dem den denne der
        deres det dette din dine disse ditt du eller en enn er et etter for fordi fra før ham han
        hans har hadde henne hennes her hos hun hva hvem hvis hvor hvordan hvorfor i ikke inn jeg
        kan kun kunne man mange med meg men mens min mine mitt mot mye noe noen nå når og også om
        opp oss over på sa samme seg selv sier sin sine sitt skal skulle slik som så til under ut
        uten var vi vil ville vår være vært vårt våre
    """,
    "fi": """
        ei eivät emme en et ette että he heidän heidät heille heillä heitä hän hänelle hänellä
        hänen hänet häntä itse ja jo johon joiden joilla joissa joista joita joka jolla jonka jos
        jossa josta jota jotka kanssa keitä kenen ketkä ketä koska kuin kuinka kuitenkin kuka kun
        me meidän meidät meille meillä meitä mihin mikä miksi millä minua minulla minulle minun
        minut minä missä mistä mitkä mitä mukaan mutta myös ne niiden niille niin niissä niistä
        niitä noin nuo nyt näiden nämä ole olemme olen olet olette oli olimme olin olisi olivat
        olla olleet ollut on ovat se sekä sen siihen siinä siitä siksi sille sillä sinua sinulla
        sinulle sinun sinut sinä sitten sitä tai te teidän teille teillä teitä tuo tuon tähän tällä
        tämä tämän tässä tästä tätä vaan vai vaikka vielä yli
    """,
    "cs": """
        a aby ale ani asi až bez bude budou by byl byla byli bylo byly být co či další dnes do ho
        i jak jako je jeho jej její jejich jen ještě jestli jeden jedna ji jí jim již jsem jsi
        jsme jsou jste k kam kde kdo když ke která které kterou který kteří mají má mezi mi mně
        mnou může my můj na nad nám nás naše náš ne nebo nejsou není než nich nic něj o od on ona
        oni ono pak po pod podle pokud pouze pro proti protože před při s se si sice své svůj svých
        svým tak také tam te tedy ten tento této tím to toho tom tomu tu tuto ty tyto u už v ve
        velmi vám vás více však všechno všechny z za ze že
    """,
    "ru": """
        а без более будет будут бы был была были было быть в вам вас весь во вот все всё всего
        всегда всех вы где да даже для до его ее её ей ему если есть еще ещё же за заявил здесь и
        из или им ими их к как какая какой когда кроме кто куда ли либо между менее мне много может
        можно мы на над нам нас не него нее неё ней нем нём нет ни никогда ним них но ну нужно о об
        однако он она они оно от очень по под потому поэтому после при про с сам сама сами свои
        своего своей свой себе себя сейчас сказал со так также такой там те тем теперь то тогда
        того тоже той только том ты у уже хотя чего чем через что чтобы эта эти это этого этой этом
        этот я которая которое которой котором которые который которых
    """,
    "tr": """
        acaba ama ancak arasında artık aslında ayrıca az bana bazı belki ben beni benim bile bir
        biri birkaç biz bize bizi bizim bu buna bunda bundan bunlar bunu bunun burada çok çünkü da
        daha de değil diğer diye dolayı en fakat gibi göre hem hep hepsi her hiç için ile ise işte
        kadar kendi kendine ki kim kimse mi mı mu mü nasıl ne neden nerede niçin niye o olan olarak
        oldu olduğu olduğunu olmak olması olup olur oluyor ona ondan onlar onları onların onu onun
        orada önce öyle pek rağmen sadece sanki sen siz sonra şey şimdi şöyle şu tarafından tüm
        üzere ve veya ya yani yine yok zaten
    """,
    "ro": """
        a acea aceasta această aceea acei aceia acel acela acele acelea acest acesta aceste acestea
        acestei acestor acestui acum ai aici al ale alt alta alte alți am apoi ar are asta astăzi
        asupra atât atunci au avea avem aveți avut azi când care cât către ce cea cei cel cele
        celor ceva chiar ci cine cu cum da dacă dar de deci deja deoarece deși din dintre doar
        după ea ei el ele era este eu fi fie fiind fost fără iar îi îl în înainte între își încă
        însă la le li lor lui mai mult multe mulți ne nici nimic noi nostru nu o ori oricare pe
        pentru peste poate prin printre sa să se sau spre spus sub sunt tot toate toți tu un una
        unei unele unor unui unul vă voi vor
    """,
    "hu": """
        a abban ahhoz ahogy ahol aki akik akkor alatt amely amelyek amelyet amelynek ami amíg
        amikor amint amit annak arra át az azok azon azonban azt aztán azután azzal bár be belül
        benne csak de e egy egyes egyéb egyik egész ekkor el elég ellen előtt én és ez ezek ezen
        ezt ezzel fel felé hanem hiszen hogy hogyan igen így is ismét itt jól kell keresztül ki
        kívül között közül le legyen lehet lenne lesz lett maga magát majd már más másik még meg
        mellett mert mi miért míg mint mintha minden mindig mit mivel most nagyon ne néha nekem
        neki nem nincs olyan ott össze ő ők őket pedig persze rá s saját sem semmi sok sokat
        sokkal számára szemben szerint szinte talán tehát több úgy után utána vagy vagyis vagyok
        van vannak vele viszont vissza volna volt voltak voltam
    """,
    "id": """
        ada adalah agar akan aku anda antara apa apabila atas atau bagaimana bagi bahkan bahwa
        banyak beberapa begitu belum benar berada bersama bisa boleh bukan dalam dan dapat dari
        daripada demikian dengan di dia hal hanya harus hingga ia ialah ini itu jadi jika juga
        kalau kami kamu kan karena kata ke kemudian kepada ketika kita lagi lain lalu maka masih
        masing mau melalui memang menjadi menurut mereka namun oleh pada para pernah pula pun saat
        saja sama sampai sangat saya sebagai sebelum sebuah secara sedang sehingga sejak selain
        selama semua sementara sendiri seperti serta setelah siapa sudah supaya tak tanpa tapi
        telah tentang terhadap tersebut tetapi tidak untuk yaitu yakni yang
    """,
}

# Romanian is written with both the correct comma-below letters and the older cedilla ones that
# legacy keyboards and encodings produce; Turkish needs its cedilla "ş", so the variants are added
# to the Romanian list instead of folding the letters in `words`.
_RO_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ"})


def _build(language: str, raw: str) -> frozenset[str]:
    """Return the stop-word set written in `raw`, with the spelling variants of `language`."""
    listed = frozenset(unicodedata.normalize("NFC", raw).split())
    if language == "ro":
        listed |= {word.translate(_RO_CEDILLA) for word in listed}
    return listed


LANGUAGES: Final[tuple[str, ...]] = tuple(_RAW)
STOP_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {language: _build(language, raw) for language, raw in _RAW.items()}
)
ALL_STOP_WORDS: Final[frozenset[str]] = frozenset().union(*STOP_WORDS.values())

# The stop words numbered (in sorted order): a text's stop words are kept as their numbers, and
# telling its language counts them in a list indexed by number, where counting the words
# themselves cost a dict look-up and an insertion for each. STOP_WORD_LIST[number] is the word.
STOP_WORD_LIST: Final[tuple[str, ...]] = tuple(sorted(ALL_STOP_WORDS))
_STOP_WORD_NUMBERS: Final[dict[str, int]] = {
    word: number for number, word in enumerate(STOP_WORD_LIST)
}
# For each stop word's number, the indices (into LANGUAGES) of the languages that list it, and
# the same as bits (bit i for LANGUAGES[i]), to tell the words two languages both list; and
# whether it is a single letter (capped lower, see _MAX_LETTER_SHARE). They, LANGUAGES and
# ALL_STOP_WORDS are Final: compiled, C variables, not names looked up at each use.
_LANGUAGES_OF: Final[tuple[tuple[int, ...], ...]] = tuple(
    tuple(i for i, language in enumerate(LANGUAGES) if word in STOP_WORDS[language])
    for word in STOP_WORD_LIST
)
_LANGUAGE_BITS: Final[tuple[int, ...]] = tuple(
    sum(1 << i for i in languages) for languages in _LANGUAGES_OF
)
_ONE_LETTER: Final[tuple[bool, ...]] = tuple(len(word) == 1 for word in STOP_WORD_LIST)

# A word is letters/digits (`\w` once "_" is gone) and may carry combining accents, which is how
# decomposed text that escaped normalization writes é or й; an apostrophe joins two such runs
# ("don't", "aujourd'hui"), a leading or trailing one is punctuation.
# The runs are possessive: what follows a run never needs it shorter, and the regex engine then
# keeps no state to go back to (a tenth faster).
_PART = r"\w[\w\u0300-\u036f\u0483-\u0489]*+"
_WORD: Final = re.compile(rf"{_PART}(?:'{_PART})*+")
_RUN: Final = re.compile(r"[^\W_]+")  # a run of letters and digits (boilerplate's tokens)
# For text within Latin-1 (all ASCII text, and most Western European), the same tokens at half the
# cost: its bytes with every byte that is not a word character or an apostrophe made a space, then
# split. No combining accent is in Latin-1, so a word there is runs of `\w` joined by apostrophes.
_LATIN1_WORD_BYTES = bytes(
    code if code == ord("'") or re.fullmatch(r"\w", chr(code)) else ord(" ") for code in range(256)
)
# Python's str.lower, called as an object. mypyc compiles `text.lower()` to a mapping of one
# character at a time, which leaves out Unicode's one rule of context (a capital sigma that ends
# a word lower-cases to 'ς'): the compiled install read Greek words otherwise than the
# interpreted one. Called through this name, the method is Python's own in both: the compiled
# modules lower-case through it (a table made one Latin-1 character at a time needs no context).
lower: Callable[[str], str] = str.lower
# The letters that a pattern, its case ignored (re.IGNORECASE), matches as an ASCII letter that
# lower() does not make them: 'İ' (lowered to 'i' and a combining dot) and dotless 'ı' as 'i',
# long 'ſ' as 's'. A text without them, lower-cased, holds the letters such a pattern reads;
# the tests of each pattern read so check all of Unicode. (A tuple: iterating a string would
# make each of these characters anew, a call.)
IGNORECASE_APART: Final[tuple[str, ...]] = ("\u0130", "\u0131", "\u017f")
# The same, lower-casing first as text.lower() would: Latin-1 lower-cases one character to one
# within Latin-1, and the marks `latin1` makes spaces have no case. "_" becomes a space too.
_LOWER_WORD_BYTES: Final = bytes(
    ord(" ") if code == ord("_") else _LATIN1_WORD_BYTES[ord(chr(code).lower())]
    for code in range(256)
)
# In those bytes (word characters, apostrophes, spaces), an apostrophe joins two word characters
# into one word, as _WORD reads it; one beside a space or another apostrophe, or at an end, parts
# words as a space does. One substitution over the text costs a fraction of reading each piece
# that holds an apostrophe with _WORD; the pattern opens with the apostrophe, so the engine skips
# to each one, where a lookbehind first would be tried at every byte.
_LOOSE_APOSTROPHE: Final = re.compile(rb"'(?:(?<![^ ']')|(?![^ ']))")
# The marks past Latin-1 that pages use most (typographic quotes and dashes, the ellipsis, bullets,
# the euro sign): four in five lines past Latin-1 hold no other character past it. None of them is
# a word character or a space.
_WIDE_MARKS: Final[tuple[str, ...]] = ("“", "”", "„", "‘", "’", "–", "—", "…", "•", "€", "►")
# Replaced one by one: str.translate with a table runs per character and was most of the time.
_SEPARATORS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("_", " "))

# Detection reads at most this many characters (about 3000 words), taken as a few slices spread
# over the text so a page that opens with a long menu is still judged by its prose, and a 10 MB
# page costs no more than a normal one.
_SAMPLE_CHARS = 24_000
_SAMPLE_SLICES = 8
# Below this share of tokens the text is not prose in any listed language (code, lists, another
# script); real paragraphs score 0.3-0.5 in their own language.
_MIN_COVERAGE = 0.15
# No single word may count for more than this share of the tokens: the most frequent word of real
# prose stays under it ("the", "de"), while page references like "S. 71" or a repeated
# abbreviation would otherwise decide the language alone. One-letter words get a lower cap: real
# ones ("y", "o", "w", "и") stay under 4% of prose, but lynx-style list bullets rendered as "o"
# reach 20% of a menu-heavy page and used to make German pages Portuguese or Polish.
_MAX_WORD_SHARE = 0.1
_MAX_LETTER_SHARE = 0.04
# On the words that only one of the two front runners lists, the winner must hold this many times
# the runner-up's count. Judging on those alone is what separates close relatives (da/no, es/pt),
# whose shared function words would swamp any margin on the raw totals; a page that mixes two
# languages in similar amounts fails it and is reported as undecided.
_MIN_LEAD = 1.5


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens of `text`, apostrophes inside words kept.

    Typographic apostrophes become "'" so "don’t" and "don't" are the same token; "_" separates
    words like any punctuation. The text is NFC-normalized first so that accented letters match
    the stop-word lists whichever way the page encoded them.
    """
    if text.isascii():
        # ASCII text needs no normalizing and holds no typographic apostrophe.
        encoded = text.encode("ascii")
    else:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # Python lower-cases "İ" to "i" plus a combining dot, which would split Turkish words.
        text = text.replace("İ", "i")
        for old, new in _SEPARATORS:
            if old in text:
                text = text.replace(old, new)
        found = latin1(text, marks_as=" ")  # a mark separates words as a space does
        if found is None:
            # The regex finds the words the bytes would give, only slower. (A text that only
            # lower-casing brings within Latin-1, by a rare letter such as "Ÿ", is read so too.)
            return _WORD.findall(lower(text))
        encoded = found
    kept = encoded.translate(_LOWER_WORD_BYTES)  # lower-cases as text.lower() would
    # The table keeps apostrophes and makes no other byte one: the bytes hold one when the text
    # does, and the text is asked (see words_and_runs).
    if "'" in text:
        # "don't" is one word, "'quoted'" and "o''" are not.
        kept = _LOOSE_APOSTROPHE.sub(b" ", kept)
    return kept.decode("latin-1").split()


def words_and_runs(text: str) -> tuple[list[str], list[str] | None]:
    """Return `words(text)`, and the runs of letters and digits of `text` lower-cased (the
    pattern [^\\W_]+ in `text.lower()`, the tokens boilerplate weighs a line by), or None when
    `words` rewrites the text (not NFC, an 'İ' or a 'ʼ'); the runs are the words, the same list,
    when the text is within Latin-1 and its common marks and holds no apostrophe.

    The cleaner reads a line for its language and for its kind: read from the same bytes, the
    line costs one reading where it cost two. Within Latin-1 and its marks a text is NFC and
    holds no 'İ' nor 'ʼ' (what `words` rewrites before it reads the bytes): the bytes of its
    words are those of its runs, apostrophes kept, the typographic ones made "'".
    """
    if text.isascii():
        encoded = text.encode("ascii")
    else:
        # The typographic apostrophes made "'" for the words, as `words` makes them (a run ends
        # at one all the same): marks past Latin-1, they keep no text from it.
        if "’" in text or "‘" in text:
            text = text.replace("’", "'").replace("‘", "'")
        found = latin1(text, marks_as=" ")
        if found is None:
            if "İ" in text or "ʼ" in text or not unicodedata.is_normalized("NFC", text):
                return words(text), None
            # What `words` reads of a text it need not rewrite but for '_' (the typographic
            # apostrophes are "'" already): its runs are then the words' runs of letters and
            # digits (' and '_' part runs in the text as in the words, and lower-case a
            # neighbouring sigma alike), read from the words where _TOKEN read the line again.
            if "_" in text:
                text = text.replace("_", " ")
            tokens = _WORD.findall(lower(text))
            return tokens, _runs_of_words(tokens)
        encoded = found
    kept = encoded.translate(_LOWER_WORD_BYTES)
    # The bytes hold an apostrophe when the text does, as in `words`; the text is asked: `in`
    # over bytes first tries its operand as a byte's number, and raises and clears a TypeError
    # (in CPython: ten times the cost of the search in a line).
    if "'" not in text:
        tokens = kept.decode("latin-1").split()
        return tokens, tokens
    tokens = _LOOSE_APOSTROPHE.sub(b" ", kept).decode("latin-1").split()
    # An apostrophe left in a word stands between two word characters (the others parted words
    # as spaces): the word's runs are its parts around them, and a word without one is a run,
    # the same string (its hash kept for the look-up of stop words).
    runs: list[str] = []
    for token in tokens:
        if "'" in token:
            runs += token.split("'")
        else:
            runs.append(token)
    return tokens, runs


def _runs_of_words(tokens: list[str]) -> list[str]:
    """Return the runs of letters and digits of words as _WORD finds them (no '_' in them):
    a word of letters and digits alone is one, the same string, and the marks in the others
    (an apostrophe, a combining accent) part them."""
    runs: list[str] = []
    for token in tokens:
        if token.isalnum():
            runs.append(token)
        else:
            runs += _RUN.findall(token)
    return runs


def latin1(text: str, marks_as: str) -> bytes | None:
    """Return `text` encoded in Latin-1, each of the common marks past Latin-1 (typographic quotes
    and dashes, the ellipsis, bullets) replaced by `marks_as`; None when it holds any other
    character past Latin-1.

    Read byte by byte with bytes.translate, Latin-1 text costs a fraction of what a regex over
    the text does; the marks, none a word character or a space, would otherwise keep a quarter of
    the lines of European pages from it.
    """
    # The marks replaced before the text is encoded, not after a first encoding fails: a text
    # within Latin-1 is stored a byte a character and encodes as one copy, but a text past it is
    # encoded a character at a time, thousands of instructions a line. Asked of a text within
    # Latin-1, `mark in text` answers at once (the mark is wider than any of its characters);
    # an ASCII text is not asked.
    if not text.isascii():
        for mark in _WIDE_MARKS:
            if mark in text:
                text = text.replace(mark, marks_as)
    # A character past Latin-1 is dropped and tells so by the length (every other is one byte):
    # a raised and caught exception cost more than the encoding (metadata._WordsAmongParts too).
    encoded = text.encode("latin-1", "ignore")
    return encoded if len(encoded) == len(text) else None


def detect_language(text: str, min_words: int = 20) -> str | None:
    """Return the ISO 639-1 code of the language of `text`, or None when it cannot be told.

    The language is the one whose stop words cover most tokens. None when the text has fewer than
    `min_words` tokens, when even the best language covers under 15% of them (not prose in a
    listed language), or when the words that tell the two best languages apart do not clearly
    favour one. Long texts are judged on about 3000 words taken from across the text.
    """
    sample = _sample(text)
    tokens = words(sample)
    if len(tokens) < min_words and len(sample) < len(text):
        tokens = words(text)  # only when min_words is larger than any sample holds
    return language_of_words(tokens, min_words)


def language_of_words(tokens: list[str], min_words: int = 20) -> str | None:
    """Return the language of a text from its tokens as `words` gives them, as detect_language
    does (without taking a sample: `tokens` are all read)."""
    return language_of_stop_words(stop_words_in(tokens), len(tokens), min_words)


def stop_words_in(tokens: list[str]) -> list[int]:
    """Return the numbers (see STOP_WORD_LIST) of the tokens that some language lists as a stop
    word, in order: with how many tokens there are, all that telling the language reads of a
    text."""
    # The numbers kept as the dict's objects: compiled, a number typed int was unboxed and
    # boxed again to be appended, a new int object for each past 256 (most). A list, not an
    # iterable: compiled, read by index where an iterator was asked for each token.
    numbers: list[object] = []
    for token in tokens:
        number: object = _STOP_WORD_NUMBERS.get(token)
        if number is not None:
            numbers.append(number)
    return cast(list[int], numbers)


# Count lists for language_of_stop_words, all zeros while they wait here: a list with a place
# for each stop word (2,169) cost more to make and free at each call than the counting. A call
# takes one and gives it back zeroed; list.pop and list.append are each one step under the GIL,
# so no two threads count in the same list (one that raises is dropped, never given back dirty).
_IDLE_COUNTS: Final[list[list[int]]] = []


def language_of_stop_words(stop_words: list[int], total: int, min_words: int = 20) -> str | None:
    """Return the language of a text of `total` tokens from its stop words (`stop_words_in` of
    its tokens), as language_of_words does: a caller that reads a text line by line keeps each
    line's stop words and count, and never joins its tokens."""
    if not total or total < min_words:
        return None
    word_cap = max(3, int(_MAX_WORD_SHARE * total))
    letter_cap = max(2, int(_MAX_LETTER_SHARE * total))
    # Loops over lists, not a Counter, sorted() with a key, sum() and map(): compiled, each of
    # those called a method through the interpreter for each item.
    try:
        counts = _IDLE_COUNTS.pop()
    except IndexError:
        counts = [0] * len(STOP_WORD_LIST)
    # The stop words found, each once, kept as the list's objects (not boxed anew, as in
    # stop_words_in).
    listed: list[object] = []
    for item in cast(list[object], stop_words):
        number = cast(int, item)
        n = counts[number]
        if not n:
            listed.append(item)
        counts[number] = n + 1
    hits = [0] * len(LANGUAGES)
    for item in listed:
        number = cast(int, item)
        n = counts[number]
        # Few words reach a cap, and none under letter_cap (<= word_cap): one comparison
        # passes the others. The capped count replaces the count, for `shared` below.
        if n > letter_cap:
            cap = letter_cap if _ONE_LETTER[number] else word_cap
            if n > cap:
                n = counts[number] = cap
        for i in _LANGUAGES_OF[number]:
            hits[i] = hits[i] + n  # compiled, `+=` on an item adds as Python objects
    first, second = _best_two(hits)
    both = (1 << first) | (1 << second)
    shared = 0  # the tokens of the words both languages list
    for item in listed:
        number = cast(int, item)
        if _LANGUAGE_BITS[number] & both == both:
            shared += counts[number]
        counts[number] = 0
    _IDLE_COUNTS.append(counts)  # zeroed again
    if hits[first] < _MIN_COVERAGE * total:
        return None
    if hits[first] - shared < _MIN_LEAD * (hits[second] - shared) or hits[first] == hits[second]:
        return None
    return LANGUAGES[first]


def _best_two(hits: list[int]) -> tuple[int, int]:
    """Return the indices of the highest and the second highest of `hits` (at least two), the
    earlier index first among equals: what a stable sort from the highest down puts first."""
    first, second = 0, -1
    for i in range(1, len(hits)):
        if hits[i] > hits[first]:
            first, second = i, first  # the former best is the best of all the others
        elif second < 0 or hits[i] > hits[second]:
            second = i
    return first, second


def _sample(text: str) -> str:
    """Return `text` itself when short, else evenly spaced slices of it joined by newlines."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    width = _SAMPLE_CHARS // _SAMPLE_SLICES
    step = (len(text) - width) // (_SAMPLE_SLICES - 1)
    return "\n".join(text[i * step : i * step + width] for i in range(_SAMPLE_SLICES))


def stop_word_density(tokens: Sequence[str], language: str | None) -> float:
    """Return the share of `tokens` that are stop words of `language` (of any language if None).

    `tokens` are expected as `words` produces them (lower-cased); an empty sequence has density 0.
    Raises ValueError for a language that has no list, since a silent 0 would read as "menu".
    """
    if language is None:
        vocabulary = ALL_STOP_WORDS
    elif language in STOP_WORDS:
        vocabulary = STOP_WORDS[language]
    else:
        raise ValueError(f"no stop words for language {language!r}; known: {', '.join(LANGUAGES)}")
    if not tokens:
        return 0.0
    return sum(1 for token in tokens if token in vocabulary) / len(tokens)
