"""Metadata recognisers, each on small lines written here."""

from __future__ import annotations

import functools
import itertools
import re
import string
import sys

import pytest
from conftest import bench_kit
from hypothesis import example, given
from hypothesis import strategies as st

from dedup import metadata
from dedup.language import IGNORECASE_APART, lower


@pytest.mark.parametrize(
    ("line", "crumbs"),
    [
        ("Home > News > China Focus", ["Home", "News", "China Focus"]),
        ("Startseite › Politik › Ausland", ["Startseite", "Politik", "Ausland"]),
        ("News / World", None),  # slashes alone are not a breadcrumb
    ],
)
def test_breadcrumb(line: str, crumbs: list[str] | None) -> None:
    assert metadata.breadcrumb(line) == crumbs


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Cao Desheng", ["Cao Desheng"]),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Von Anna Muster, dpa", ["Anna Muster"]),
        ("Par Jean Dupont", ["Jean Dupont"]),
        ("by contrast, the market fell", None),
        ("Posted by T. V. Raman at 2:33 PM", ["T. V. Raman"]),
        ("Posted by Alex Durán, AMP Project Marketing, Google", ["Alex Durán"]),  # a role after
        ("Verfasst von: mitundvoneinander", ["mitundvoneinander"]),  # a user name, said outright
        ("Von Risiken und Nebenwirkungen", None),  # a heading: single words are no list of names
        ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
        ("Par Loïc Le Clerc", ["Loïc Le Clerc"]),
        ("By Staff Writer", None),
        ("Text & Fotos: Jane Doe 0 337", ["Jane Doe"]),  # a credit for words and pictures
        ("By Cuisine:", None),  # a label over a list ("Browse recipes" / "By Cuisine:")
        ("By Main Ingredient:", None),
        ("Autor: Auteur(s) :", None),
        ("Autor Mark Newton:", ["Mark Newton"]),  # a strong opener: the colon opens his bio
        ("By J.R. Stone", ["J.R. Stone"]),  # initials, not an acronym
        ("By Eric Levitz @EricLevitz", ["Eric Levitz"]),
        ("von Claudio Kummerfeld Twitter Account von Claudio Kummerfeld", ["Claudio Kummerfeld"]),
        ("Eine Kolumne von Nils Pickert", ["Nils Pickert"]),
        ("durch Yirou Chen", ["Yirou Chen"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("* Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),  # a WordPress label
        (
            "Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR",
            ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"],  # an outlet after them
        ),
        ("Auteur: Anna Kubišta", ["Anna Kubišta"]),
        ("Autoren Jelko Djuren und Jutta Klaukien", ["Jelko Djuren", "Jutta Klaukien"]),
        ("By Glen Owen And Brendan Carlin For The Mail On Sunday", ["Glen Owen", "Brendan Carlin"]),
        ("* Autor:innen", None),  # one word, a plural: no opener and a name
        ("Autor:Jane Doe", ["Jane Doe"]),
        ("Autor komentarza", None),  # a comment form's label
        ("Verfasst von: jdoe", ["jdoe"]),
        ("Photo by Jane Doe", None),  # a picture's credit
        # Names all in capitals: a short word among them is no acronym, an agency after them
        # no name.
        ("By EVA LUND", ["EVA LUND"]),
        ("By MARK ROSS and EVA LUND", ["MARK ROSS", "EVA LUND"]),
        ("By MARK ROSS ASSOCIATED PRESS", ["MARK ROSS"]),
        ("By Emily Co", ["Emily Co"]),  # 'co' is a Czech stop word, not one of the kits' languages
        ("Autorin und Bloggerin Jane Doe", None),  # roles, the opener the first of them
        ("Author and editor John Roe", None),
        ("Blog-Beitrag von Jane Doe", ["Jane Doe"]),  # a word before the kind of text
        ("Der Beitrag von Jane Doe", None),  # an article: prose, no label
        ("Scritto da Mario Rossi", ["Mario Rossi"]),  # openers of more languages
        ("A cura di Mario Rossi", ["Mario Rossi"]),
        ("Geschreven door Jan de Vries", ["Jan de Vries"]),
        ("Skrevet av Ola Nordmann", ["Ola Nordmann"]),
        ("Kirjoittaja: Tapio Virtanen", ["Tapio Virtanen"]),
        ("Autora: María López", ["María López"]),
        ("Tekst: Jan Kowalski", ["Jan Kowalski"]),
        ("Redacción: Juan Pérez", ["Juan Pérez"]),
        ("Texte et photos : Jean Dupont", ["Jean Dupont"]),
        ("Interview: Jane Doe", ["Jane Doe"]),
        # German's gendered forms of the opener: 'Autor/in', 'Autor*in', 'Autor:in'.
        ("AUTOR/IN Jane Doe", ["Jane Doe"]),
        ("Autor*in: Jane Doe", ["Jane Doe"]),
        ("Autor:in Jane Doe", ["Jane Doe"]),
        ("Redakteur*innen: Jane Doe und John Roe", ["Jane Doe", "John Roe"]),
        ("Von Ja\u00adne Do\u00ade", ["Jane Doe"]),  # soft hyphens that break the words
        ("By Jane Doe Last updated Nov 8, 2023 Share with a friend:", ["Jane Doe"]),
        # A forum thread's first post: who started it wrote it.
        ("* Thread starter jdoe", ["jdoe"]),
        ("Themenstarter Jane Doe", ["Jane Doe"]),
        ("Started by jdoe", ["jdoe"]),
    ],
)
def test_byline(line: str, names: list[str] | None) -> None:
    assert metadata.byline(line) == names


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("China Daily", "China Daily"),
        ("Xinhua", "Xinhua"),
        ("Weather", None),
        ("The Herald", "The Herald"),
        ("National Post", "National Post"),
        ("By VOA News", "VOA News"),
        ("From The Times", "The Times"),
        # A site's menu entries and section headings end in an outlet's words.
        ("News", None),
        ("Presse", None),
        ("Local News", None),
        ("World News", None),
        ("More Tennis News", None),
        ("Latest NFL News", None),
        ("Aktuelle Nachrichten", None),
        ("Support The Guardian", None),
        ("Facebook Twitter Mail", None),
        ("HomeSportLatest Sport News", None),
        # ...and so do a topic's or a region's heading, and a row of glued entries.
        ("Cricket News", None),
        ("Today's News", None),
        ("UK National News", None),
        ("Weekend Review", None),
        ("Back To Today's News", None),
        ("PhotoGallery VideoClips News", None),
        ("CBS News", "CBS News"),
        ("The State News", "The State News"),
        # An agency's section is the agency's copy.
        ("AFP Sports News", "AFP"),
    ],
)
def test_outlet_name(text: str, outlet: str | None) -> None:
    assert metadata.outlet_name(text) == outlet


def test_a_topical_name_may_be_an_outlet() -> None:
    """Held by a page's copyright line, a name like a section's heading is the outlet's."""
    assert metadata.outlet_name("Business Wire") is None
    assert metadata.outlet_name("Business Wire", topical=True) == "Business Wire"
    assert metadata.outlet_name("Latest News", topical=True) is None


@pytest.mark.parametrize(
    ("line", "title", "section"),
    [
        ("Home > News > China Focus", None, "China Focus"),
        ("You are here: Home > News > Technology > Article", None, "Technology"),
        ("Startseite » Beauty » Zehn Tipps für die Braut", None, "Beauty"),
        (
            "Home » Vegan Desserts » Peanut Butter Truffles",
            "Peanut Butter Truffles",
            "Vegan Desserts",
        ),
        ("Home > Sports > manchester.com", None, "Sports"),
        # A row of links joined by bars, a sentence or quotes with arrows: no trail.
        ("Kontakt | Impressum | Datenschutz | AGB", None, None),
        ("* Sie wählen Design > Widgets aus.", None, None),
        ("« Tout va bien », pourrait commenter le Président", None, None),
        # A menu's row of bars with one arrow, a shell's redirection, an arrow glued to a word.
        ("Getting Started » FAQ | Settings | Log Out", None, None),
        ("$ ls -l > files.txt", None, None),
        ("+ Mehr aus >Vermischtes", None, None),
        # A date archive's steps lead to a post, not to a section.
        ("Home » Politics » 2019 » March » 4 » Spring cleaning", None, "Politics"),
        ("Startseite » 2021 » Juni » Gartenfest", None, None),
        # One step after a bullet is a link's decoration; a link's words are no step.
        ("* › Drucken", None, None),
        ("+ » Weather", None, None),
        ("See All » Featured Homes", None, None),
        ("zur Übersicht > Menü", None, None),
        # A form's label, a list of tags, a kicker and its headline: no section.
        ("Search: Articles Authors Videos » Search", None, None),
        ("Tags > Santé , Logement , Écoles", None, None),
        ("Home > Interview: Wir bauen die Brücke neu", None, None),
        # The page's kind is no section; nor a lead-in, the site's name or a topics index.
        ("Daily Courier » Business » Full Story", None, "Business"),
        ("Riverside Times » Story", None, None),
        ("Garden Life > News", None, "Garden Life"),
        (
            "You are in > example.org > News > Mayor opens the bridge",
            "Mayor opens the bridge",
            None,
        ),
        ("Home > Topics > News", None, None),
        ("Startseite » Alle Artikel » Sommerfest im Park", None, None),
        # A wire's feed of a section is the section; letters in the wrong encoding are none.
        ("Home > News > World Reuters", None, "World"),
        ("Home > Sport > Ã¤Â¸Â­Ã¦Â–Â‡", None, "Sport"),
        ("Home » Recipes » Baking » Rye Bread With Seeds", "Rye Bread With Seeds", "Baking"),
        ("Blog » Events » rust2 » A talk on the borrow checker", None, "rust2"),
    ],
)
def test_section_of_a_trail(line: str, title: str | None, section: str | None) -> None:
    crumbs = metadata.breadcrumb(line)
    found = metadata.section_of(crumbs, title) if crumbs and metadata.is_trail(line) else None
    assert found == section


@pytest.mark.parametrize(
    ("text", "expected"),
    [("China Daily", True), ("Local News", True), ("News", True), ("Jane Doe", False)],
)
def test_reads_as_outlet(text: str, expected: bool) -> None:
    """An outlet's or a section's name: no headline, no person, whether or not the source."""
    assert metadata.reads_as_outlet(text) is expected


@pytest.mark.parametrize(
    ("line", "outlet"), [("(Global Times)", "Global Times"), ("(see above)", None)]
)
def test_trailer(line: str, outlet: str | None) -> None:
    assert metadata.trailer(line) == outlet


def test_wire_dateline() -> None:
    lead = metadata.wire_dateline("BEIJING, April 20 (Xinhua) -- Leaders met on Tuesday to talk.")
    assert lead is not None and (lead.place, lead.outlet) == ("BEIJING", "Xinhua")
    assert metadata.wire_dateline("UPDATE: markets fell sharply on Tuesday after the news") is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published: 3. Mai 2021", "2021-05-03"),
        ("Wednesday, April 21, 2021, 11:31", "2021-04-21"),
        ("Mis à jour le 5 mars 2020 à 14h20", "2020-03-05"),
        ("The council met on 3 May 2021 and voted on a long list of measures for the city", None),
    ],
)
def test_date_line(line: str, day: str | None) -> None:
    found = metadata.date_line(line)
    assert (found[0].day.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("line", "day", "authors"),
    [
        ("By Daniel | Published: 23. Juli 2017 | Kommentare geschlossen", "2017-07-23", ["Daniel"]),
        ("Publiziert am 13. Januar 2014 von uriebe", "2014-01-13", ["uriebe"]),
        ("Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko", "2019-02-10", ["Heiko"]),
        ("Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com", "2020-04-22", ["Gunter Frank"]),
        ("11.12.2019 - Amelie Loevenich", "2019-12-11", ["Amelie Loevenich"]),
        ("Posted on 2015-04-05 by marc | Leave a comment", "2015-04-05", ["marc"]),
        ("NEW YORK, May 3, 2021", "2021-05-03", None),  # a place before a date, not a name
        ("Berlin, 3. Mai 2021", "2021-05-03", None),
        ("Janic Cathomen, 01.12.2021", "2021-12-01", ["Janic Cathomen"]),  # two name words
        ("Christian Kahle , 03.11.2023 15:32 Uhr", "2023-11-03", ["Christian Kahle"]),
        ("Swantje Bernsmann 25/08/2020 Feelings", "2020-08-25", ["Swantje Bernsmann"]),
        ("The Guardian 22/10/2020 Anna Fazackerley", "2020-10-22", ["Anna Fazackerley"]),
        ("reineckefuchs — 2. Februar 2022", "2022-02-02", ["reineckefuchs"]),
        # What was done on that day, in lower case like a user name: no one's name.
        ("asked Feb 6, 2014 at 20:37", "2014-02-06", None),
        ("edited Mar 3, 2015 at 10:01", "2015-03-03", None),
        # The names end where what was done that day begins; an initial with its dot is a name.
        ("Von J. K. am 12.03.2015 um 10:14 Uhr gespeichert unter Lesen", "2015-03-12", ["J. K"]),
        ("Von Anna Berg am 3. März 2015 erstellt", "2015-03-03", ["Anna Berg"]),
        # The library a picture is from, under the label of an author: no one's name.
        ("Paryż / autor: Unsplash, Facebook | 4.05.2021", "2021-05-04", None),
        ("Nicole Collignon22. Februar 2020", "2020-02-22", ["Nicole Collignon"]),  # glued
        # A post's date and its update's glued together, then the author.
        ("17/11/201917/11/2019 ~ Jane Doe", "2019-11-17", ["Jane Doe"]),
        ("03.05.202104.05.2021", "2021-05-03", None),
        ("26 Mai, 2008 | ThE_PaiN | Kommentare 34 |", "2008-05-26", ["ThE_PaiN"]),
        ("WordPress | 3. Mai 2021", "2021-05-03", None),  # a category, not a user name
        (
            "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar",
            "2019-09-26",
            ["Ulrike Stockhausen"],
        ),
        (
            "Marco Kratzenberg , 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit Kommentare 4",
            "2017-12-01",
            ["Marco Kratzenberg"],
        ),
        ("10.12.2022 18:27 von", "2022-12-10", None),  # an opener is no user name
        (
            "Von Katharina Schmidt Kategorien: Mode 6. November 2023",
            "2023-11-06",
            ["Katharina Schmidt"],
        ),
        ("Accueil | Par Loïc Le Clerc | 30 septembre 2018", "2018-09-30", ["Loïc Le Clerc"]),
        ("September 17, 2019 Helmut Rubik 0", "2019-09-17", ["Helmut Rubik"]),  # a count after
        (
            "28. Januar 2015 karstenruppert Schreibe einen Kommentar",
            "2015-01-28",
            ["karstenruppert"],
        ),
        (
            "Posted in Datenschutz by damianduchamps on August 3, 2019",
            "2019-08-03",
            ["damianduchamps"],
        ),
        ("22. Januar 2020 @ 18:13 // Autor: c1ph4 // Lesezeit: 1 Minute", "2020-01-22", ["c1ph4"]),
        ("Politik | 3. Mai 2021", "2021-05-03", None),  # a section, not a user name
        # A picture's credit after the name ends it.
        ("3.5.2021 13:30 von Jane Symbolbild imago", "2021-05-03", ["Jane"]),
        # A menu's items open with 'By' too: one word after it, without a date, names no one.
        ("+ By Invitation", None, None),
        ("* By Jane Doe", None, ["Jane Doe"]),
        ("By Paddy", None, ["Paddy"]),
        # A picture's credit names the photographer; words and pictures credit the author.
        ("3 May 2021 | Budget / Photo by Jane Doe on Unsplash", "2021-05-03", None),
        ("3. Mai 2021 | Text und Fotos von Jane Doe", "2021-05-03", ["Jane Doe"]),
        ("Christoph von Ritter 24. April 2020", "2020-04-24", ["Christoph von Ritter"]),
        ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher)", "2020-02-05", ["Eberhard Fuhr"]),
        # Dates glued to each other or to the name before them.
        ("3. Mai 20213. Mai 2021 Anna Muster", "2021-05-03", ["Anna Muster"]),
        ("3 mai 20213 mai 2021 Anna Muster", "2021-05-03", ["Anna Muster"]),
        ("Jane DoeMay 3, 2021", "2021-05-03", ["Jane Doe"]),
        # A comment count between a blog's fields: a separator, the categories after it.
        ("3. Mai 2021 Anna Muster 2 Kommentare Garten, Reisen", "2021-05-03", ["Anna Muster"]),
        ("3 May 2021 Jane Doe 12 Comments", "2021-05-03", ["Jane Doe"]),
        ("3 May 2021 | By Main Ingredient:", "2021-05-03", None),  # a label beside a date
        ("3 May 2021 • words written by Jane Doe • Art by Tom", "2021-05-03", ["Jane Doe"]),
        # A blog's entry line (a comment count in it): a single name is the author's pen name.
        ("Paddy · April 19, 2019 · Mac · 7 comments", "2019-04-19", ["Paddy"]),
        ("5 Min. 3. Mai 2021 Paddy 1 Kommentar Garten", "2021-05-03", ["Paddy"]),
        ("Freitag · 3. Mai 2021 · 2 Kommentare", "2021-05-03", None),  # a weekday
        ("Actualizado al 13/05/2022 22:46", "2022-05-13", None),  # a label, no name
        ("Por Ana Pérez 4 de mayo 2022 a las 09:01 hrs.", "2022-05-04", ["Ana Pérez"]),
        ("miércoles, 4 de mayo de 202200:00 hs", "2022-05-04", None),  # a year glued to a time
        ("Julkaistu 2.12.2019 klo 6:01", "2019-12-02", None),
        ("19.2.2020 klo 14.00", "2020-02-19", None),  # 'klo' (o'clock) is no user name
        ("Jane Doe and John Roe | May 3, 2021", "2021-05-03", ["Jane Doe", "John Roe"]),
        ("Politik und Wirtschaft | 3. Mai 2021", "2021-05-03", None),  # sections, no people
        ("Redaktion: Jane Doe", None, ["Jane Doe"]),
        # A social post embedded in the body: its poster and its day are not the article's.
        ("A post shared by Jane Doe (@janedoe) on Apr 21, 2019 at 4:47 PDT", None, None),
        ("Ein Beitrag geteilt von Jane Doe (@janedoe) am 21. Apr. 2019 um 4:47 PDT", None, None),
        ("The council met on 3 May 2021 and voted on a long list of measures", None, None),
        ("Home | News | Sport | Weather", None, None),
        # A name glued to a numeric date after it.
        ("von Jane Doe13.12.2022 - 08:13 Uhr", "2022-12-13", ["Jane Doe"]),
        # A share button after the name and the date.
        ("By Jane Doe Last updated Nov 8, 2023 Share with a friend:", "2023-11-08", ["Jane Doe"]),
        # A phrase tied to its date by 'of' is a title; a label alone before 'vom' is none.
        ("Protokoll der Vorstandssitzung vom 10. Oktober 2019", None, None),
        ("Minutes of the board meeting of 3 May 2021", None, None),
        ("Artikel vom 3. Mai 2021", "2021-05-03", None),
        ("Von Jane Doe Vom 3. Mai 2021", "2021-05-03", ["Jane Doe"]),
    ],
)
def test_meta_line(line: str, day: str | None, authors: list[str] | None) -> None:
    found = metadata.meta_line(line)
    if day is None and authors is None:
        assert found is None
        return
    assert found is not None
    assert (found.date.day.isoformat() if found.date else None) == day
    assert found.authors == authors


def test_interview_opens_a_metadata_line() -> None:
    # 'Interview:' is a strong opener: the quick test of meta_line must let it through.
    meta = metadata.meta_line("Interview: Jane Doe")
    assert meta is not None and meta.authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Publicado por Alberto González", ["Alberto González"]),
        ("Written by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe", None),  # a weak opener
        ("Posted by jdoe", None),  # no full name
        ("Interview: Jane Doe", None),  # who asks, or who answers
    ],
)
def test_strong_byline(line: str, names: list[str] | None) -> None:
    assert metadata.strong_byline(line) == names


# Each kind of _STRONG_OPENER's openers, spelled out.
STRONG_OPENERS = [
    "Autor*in", "Verfasser/innen", "Redakteur_in", "Thread starter", "Themenstarter", "Started by",
    "Posted by", "Written by", "Reported by", "Published by", "Created by", "Edited by",
    "Words by", "Story by", "Text by", "Geschrieben von", "Eingestellt von", "Erstellt von",
    "Verfasst von", "Gepostet von", "Gespeichert von", "Veröffentlicht von", "Publiziert von",
    "Ein Beitrag von", "Eine Analyse von", "Blog-Beitrag von", "Gast Kommentar von",
    "Column by", "Essay by", "Analysis by", "Review by", "Publié par", "Écrit par", "Rédigé par",
    "Posté par", "Proposé par", "Publicado por", "Escrito por", "Redactado por", "Scritto da",
    "Pubblicato da", "Redatto da", "A cura di", "Geschreven door", "Gepubliceerd door",
    "Skrevet af", "Skriven av", "Skrivet av", "Text & Fotos:", "Texto y fotos:", "Autor:",
    "Kolumnist*in:", "Redacción:", "Rédaction :", "Autor", "Autorinnen", "Autora", "Autrice",
    "Authors", "Auteurs", "Escribe",
]  # fmt: skip


@pytest.mark.parametrize("opener", STRONG_OPENERS)
@pytest.mark.parametrize("space", [" ", "\u2009", "\t"])
def test_strong_opener_keys(opener: str, space: str) -> None:
    # Every strong opener (its spaces any white space, its letters any case) leaves one of the
    # keys, or a colon, in the line: the quick test lets it through.
    for form in (opener, opener.upper(), opener.lower()):
        line = f"* {form.replace(' ', space)}{space}Jane Doe"
        match = metadata._BYLINE.match(line)
        assert match is not None and match.group("strong") is not None, line
        assert metadata._may_hold_strong_opener(line), line


@given(
    st.lists(
        st.sampled_from(
            [
                *STRONG_OPENERS,
                "BY",
                "von",
                "Da",
                "dı",
                "Dİ",
                "ſtarter",
                "AUTOR",
                ":",
                " ",
                "\u2009",
                "\t",
                "-",
                "Jane",
                "Doe",
                "x",
            ]
        ),
        max_size=6,
    ).map("".join)
)
def test_strong_opener_gate_lets_every_match_through(line: str) -> None:
    match = metadata._BYLINE.match(line)
    if match is not None and match.group("strong") is not None:
        assert metadata._may_hold_strong_opener(line), line


# Each kind of _AUTHOR_LINK's links, spelled out.
AUTHOR_LINKS = [
    "Über", "About", "More by", "More from", "Mehr von", "Mehr über", "Alle Beiträge von",
    "Weitere Artikel von", "Mehr Texte von", "View all posts by", "See more articles from",
    "Read other stories by", "Zeige alle Beiträge von", "All columns from", "Posts by",
    "Articles by", "Stories by", "Voir tous les articles de", "Tous les articles de",
    "Plus d'articles de", "Plus d’articles de", "Ver todos los artículos de", "Más artículos de",
    "Tutti gli articoli di", "Altri articoli di", "Alle artikelen van", "Meer artikelen van",
    "Zum Profil von", "Profil von", "View profile of", "Profile of",
]  # fmt: skip


@pytest.mark.parametrize("link", AUTHOR_LINKS)
@pytest.mark.parametrize("space", [" ", "\u2009", "\t"])
def test_author_link_keys(link: str, space: str) -> None:
    # Every link (its spaces any white space, its letters any case) leaves one of the keys in
    # the line, its white space made single spaces: the quick test lets it through.
    for form in (link, link.upper(), link.lower()):
        line = f"* {form.replace(' ', space)}{space}Jane Doe"
        assert metadata._AUTHOR_LINK.match(line.strip(" *+•·-")) is not None, line
        assert metadata.author_link(line) == ["Jane Doe"], line


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Doe, John Roe | May 3, 2021", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe, 3. Mai 2021", ["Jane Doe", "John Roe"]),
        ("Berlin, 3. Mai 2021", None),  # a place
    ],
)
def test_full_names_set_off_by_commas_beside_a_date(line: str, names: list[str] | None) -> None:
    meta = metadata.meta_line(line, day_first=True)
    assert meta is not None and meta.authors == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jessica DeFino", ["Jessica DeFino"]),
        ("Kazım TÜRKMEN", ["Kazım TÜRKMEN"]),  # a surname in capitals
        ("Williams Perdomo @wperdomod", ["Williams Perdomo"]),
        ("Dr. Alexander Klier", ["Dr. Alexander Klier"]),  # a title before the name
        (
            "Isabel Caro, Rocío Latorre y José Miguel Wilson",
            ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"],
        ),
        ("Politik und Wirtschaft", None),
        ("NASA Chief", None),  # an acronym: an organisation
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Download der Audiodatei", None),  # an article after no particle: not a name
        ("Politik", None),
        ("Die Welt von heute", None),
        ("Rezept von", None),  # a name ends with a name word, a label with a particle
        ("Jane Doe Autorin", ["Jane Doe"]),  # a role after the name
        ("Jane Doe Staff Writer", ["Jane Doe"]),
        ("Tom Arnold", ["Tom Arnold"]),  # 'tom': a Czech stop word, not of the kits' languages
        ("Hans Muster", ["Hans Muster"]),
        ("The Day", None),
        ("Letzte Aktualisierung", None),  # the label of a date line
        ("Teilen Twittern", None),  # buttons to share
        ("Partager Imprimer", None),
        ("Editors Pick", None),  # a desk's label
        ("Europäische Union", None),  # an adjective's ending, no name's
        ("Gesundheit Angst", None),  # nouns' endings
        ("Wissenschaft Klima", None),
        ("Jane Jung", ["Jane Jung"]),
        ("Aktuelles Experteninterviews", None),  # a section
        ("Radio Springfield", None),  # a medium
        ("Ultima modifica", None),  # the label of an Italian date line
        ("* Jane Doe1,2", ["Jane Doe"]),  # a scholarly page's marks of affiliations
        ("John Roe*", ["John Roe"]),
        ("Galaxy S21", None),  # digits after a capital: a model's number, no affiliation
        ("* Jane Doe, PhD ,", ["Jane Doe, PhD"]),  # a degree stays with the name
        ("Jane Doe, M.D., MPH", ["Jane Doe, M.D., MPH"]),
        ("Politik, PhD", None),
        ("Jane Doe, Reporter", ["Jane Doe"]),  # a role after a separator
        ("Jane Doe | Staff Reporter", ["Jane Doe"]),
        ("Jane Doe - Korrespondentin in Paris", ["Jane Doe"]),
        ("Jane Doe (jd)", ["Jane Doe"]),  # the writer's short code
        ("Ștefan Țurcanu", ["Ștefan Țurcanu"]),  # letters of Latin Extended-B
        ("Jane Doe, John Roe", ["Jane Doe", "John Roe"]),  # full names set off by commas
        ("Jane Doe, Berlin", None),  # a place after the name
        ("Jane Doe, Springfield College", None),  # an organisation
        ("Av Ola Nordmann", None),  # an opener is no name word
        ("Anstehende Veranstaltungen", None),  # a participle, a plural noun
        ("Isabel Allende", ["Isabel Allende"]),
        ("Jane Hartung", ["Jane Hartung"]),
        ("Bundesverband Windenergie", None),  # an organisation's compound
        ("Deutsche Wirtschaftsnachrichten", None),
        ("Hans Kammer", ["Hans Kammer"]),  # the word alone is a name
        ("Zitat von TheFreeman", None),  # a forum's quote
        ("Tekst Jan Kowalski", None),
        ("Medien Kommentieren", None),  # a button's verb
        ("Jetzt Abonnieren", None),
        ("Forum Moderator", None),  # a forum member's rank
        ("Past Articles", None),  # page furniture
        ("Printer Friendly", None),
        ("Today's Edition", None),  # a possessive: no one's name
        ("Editor’s Choice", None),
        ("Jane O'Neil", ["Jane O'Neil"]),
        ("Printable Version", None),
        ("Titelbild von Jane Doe", None),  # a picture's credit names the photographer
    ],
)
def test_name_line(line: str, names: list[str] | None) -> None:
    assert metadata.name_line(line) == names


def test_weak_handle() -> None:
    assert metadata.weak_handle("von janedoe") == "janedoe"
    assert metadata.weak_handle("* by jdoe12") == "jdoe12"
    assert metadata.weak_handle("von heute") is None  # a stop word
    assert metadata.weak_handle("By Jane Doe") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("责任编辑：王小明", ["王小明"]),  # the editor in charge
        ("【纠错】 责任编辑： 李华", ["李华"]),
        ("作者：张伟", ["张伟"]),
        ("编辑：这是一句很长的话不是名字", None),  # no name: more than four characters
    ],
)
def test_cjk_byline(line: str, names: list[str] | None) -> None:
    assert metadata.cjk_byline(line) == names


@pytest.mark.parametrize(
    ("line", "role"),
    [("Jane Doe Autorin", True), ("* Jane Doe Staff Writer", True), ("Jane Doe", False)],
)
def test_role_after_name(line: str, role: bool) -> None:
    assert metadata.role_after_name(line) == role


@pytest.mark.parametrize(
    ("line", "opener"),
    [
        ("By", True),
        ("Text:", True),
        ("Disko Von", True),
        ("Bye bye", False),
        ("Autor*in", True),  # a gendered opener; the plural 'Autor:innen' heads a list
        ("Autor:innen", False),
    ],
)
def test_lone_opener(line: str, opener: bool) -> None:
    assert metadata.lone_opener(line) == opener


# _LONE_OPENER's openers, as the pattern writes them and spelled out.
LONE_OPENERS = (
    "by|von|par|por|door|przez|written by|posted by|geschrieben von|autor(?:in|[*/_:]in)?|author|"
    "auteur|text|texte"
)
LONE_OPENER_WORDS = [
    "by", "von", "par", "por", "door", "przez", "written by", "posted by", "geschrieben von",
    "autor", "autorin", "autor*in", "autor/in", "autor_in", "autor:in", "author", "auteur", "text",
    "texte",
]  # fmt: skip


def test_lone_opener_ends_are_the_openers_last_letters() -> None:
    assert f"(?:{LONE_OPENERS})\\s*:?$" in metadata._LONE_OPENER.pattern
    for word in LONE_OPENER_WORDS:
        assert metadata._LONE_OPENER.match(word), word
        assert word[-2:] in metadata._LONE_OPENER_ENDS, word


def _lone_opener_ungated(line: str) -> bool:
    """lone_opener without its test of the last letters."""
    if len(line) > 40 or line.count(" ") > 3:
        return False
    text = line.strip(" *+•·-–—")
    if not text or metadata._LONE_OPENER.match(text) is not None:
        return bool(text)
    return (
        text.endswith(":") or text[-5:].rpartition(" ")[2].casefold() in metadata._PREPOSITIONS
    ) and metadata._OPENER_ALONE.match(text) is not None


@given(
    st.lists(
        st.sampled_from(
            [
                *LONE_OPENER_WORDS,
                "Ein",
                "Beitrag",
                "BY",
                "Von",
                "AUTOR",
                "autorİn",
                "autorın",
                "ſ",
                " ",
                "  ",
                ":",
                " :",
                "*",
                "-",
                "\u00a0",
                "\t",
                ".",
                "Jane",
                "x",
                "DA",
                "di",
                "Af",
                "aV",
                "y",
            ]
        ),
        max_size=5,
    ).map("".join)
)
def test_lone_opener_as_without_its_gate(line: str) -> None:
    assert metadata.lone_opener(line) is _lone_opener_ungated(line)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Chefredakteur", True),
        ("Staff Writer", True),
        ("DITIB-Bundesvorsitzender", True),
        ("Stellvertretende Pressesprecherin und Bereichsleitung Presse und Kommunikation", True),
        ("Berlin", False),
    ],
)
def test_role_line(line: str, role: bool) -> None:
    assert metadata.role_line(line) == role


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Was wir über uns nicht hören wollen | FASSETTE.NET",
            "Was wir über uns nicht hören wollen",
        ),
        ("Council approves budget - China Daily", "Council approves budget"),
        (
            "Premier League - Warnock in winning Lane return",
            "Premier League - Warnock in winning Lane return",
        ),
        (
            "Jetzt Produkttester werden - so einfach geht's",
            "Jetzt Produkttester werden - so einfach geht's",
        ),
    ],
)
def test_headline_text(title: str, headline: str) -> None:
    assert metadata.headline_text(title) == headline


def test_glued_date() -> None:
    found = metadata.glued_date("date 2021-04-20 BEIJING, April 20 (Xinhua) -- Leaders met today.")
    assert found is not None and found[0].iso() == "2021-04-20"


@pytest.mark.parametrize(
    ("line", "distance", "scored"),
    [
        ("Council approves budget", 1, True),
        ("* Council approves budget", 1, False),  # a list item
        ("The council approved the budget.", 1, False),  # a sentence
        ("Budget approved.", 1, True),  # a few words with a full stop may head a text
        ("Weather and traffic", 10, False),  # nothing of the body, far above it
        ("Weather and traffic", 1, True),  # right above the first paragraph: a heading
        ("https://example.org/council-approves-budget", 1, False),  # a link
        ("council, budget, debate, Politics", 1, False),  # tags
        ("Council, mayor and residents approve budget", 1, True),
        # The full stops of abbreviations close no sentence.
        ("Council approves budget on Wed. after long debate Tues.", 1, True),
        ("Council approves budget. Debate was long.", 1, False),
        # Links to the previous or the next page; a French headline's guillemets are quotes.
        ("« Council budget archive", 1, False),
        ("Council budget news »", 1, False),
        ("« Council approves budget »", 1, True),
        # A post's date glued to its update's: a metadata line, whatever else it holds.
        ("Council News 1. November 20231. November 2023 Budget", 1, False),
        ("20000 council members approve budget", 1, True),  # a number, no dates
    ],
)
def test_headline_score(line: str, distance: int, scored: bool) -> None:
    body = metadata.BodyWords("The council approves the budget after a long debate.")
    assert (metadata.headline_score(line, body, distance) is not None) == scored


def test_content_words_split_as_the_pattern_would() -> None:
    # content_words reads a text's white-space separated tokens, not the text: a word run
    # ([^\W_]) is an alphanumeric run, which no white space and no mark stripped off a token is.
    run = re.compile(r"[^\W_]")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        assert (run.fullmatch(char) is not None) is char.isalnum(), hex(point)
        assert not (char.isspace() and char.isalnum()), hex(point)
    assert not any(mark.isalnum() for mark in metadata._TOKEN_MARKS)


def _content_words_by_pattern(text: str) -> set[str]:
    tokens = set(metadata._LONG_WORD_RUN.findall(text.lower())) - metadata.ALL_STOP_WORDS
    return {w for w in tokens if not w.isdigit()}


@pytest.mark.parametrize(
    "text",
    [
        "The council's elections (and the electorate) of the county.",
        "«Ça va?» — l'état d'urgence, e-mail: jane_doe@example.org; 2021-05-03 12345 abc",
        "ΣΟΦΟΣ ΛΟΓΟΣ. Straße\u00a0Übermaß\tİstanbul ½ ²³⁴ x² a1b2c3 --- ... «»",
        "word,word;word...word/word 'quoted' \"doubly\" [bracketed] {braced} <angled>",
        "",
    ],
)
def test_content_words_are_the_patterns_runs(text: str) -> None:
    assert metadata.content_words(text) == _content_words_by_pattern(text)


@given(st.text(alphabet=st.sampled_from("aäß1_ -.,'’«»\u00a0\u2028Σσ"), max_size=40))
def test_content_words_are_the_patterns_runs_of_any_text(text: str) -> None:
    assert metadata.content_words(text) == _content_words_by_pattern(text)


# Words and marks that BodyWords must tell apart: a word inside a longer one, a stem opening a
# longer word, a number and a stop word as long as a stem, and marks glued to words.
_BODY_TOKENS = st.sampled_from(
    [
        "council", "councils", "councillor", "elections", "electing", "elector", "new", "news",
        "renewed", "1234567", "12345678", "another", "anothers", "against", "Σοφοσ", "ΣΟΦΟΣ",
        "straße", "STRASSE", "a1b2c3d4", "x_elections", "war", "warm", "-", ".", ",", "'", "’",
        "«", "_", "\u00a0", "\n", " ", "ÜBERMÄSSIG", "übermäßig", "Übermäßige", "–", "“", "…",
        "İstanbul",
    ]
)  # fmt: skip


@given(st.lists(_BODY_TOKENS, max_size=30), st.lists(_BODY_TOKENS, max_size=30))
def test_body_words_are_the_content_words(text: list[str], asked: list[str]) -> None:
    body = metadata.BodyWords("".join(text))
    words = metadata.content_words("".join(text))
    assert body.has_words() is bool(words)
    stems = {word[:6] for word in words if len(word) > 6}
    for word in metadata.content_words("".join(asked)) | words:
        # Asked first of a body that has memoized nothing (matched looks for a stem first).
        inflected = word not in words and len(word) > 6 and word[:6] in stems
        fresh = metadata.BodyWords("".join(text))
        assert fresh.matched({word}) == (int(word in words), int(inflected)), word
        assert fresh.holds(word) is (word in words), word
        assert body.holds(word) is (word in words), word
        assert body.held({word}) == len({word} & words)
        if len(word) > 6:
            assert body.holds_stem(word[:6]) is (word[:6] in stems), word
            inflected = word not in words and word[:6] in stems
            assert body.matched({word}) == (int(word in words), int(inflected))


def test_latin1_lower_cases_as_lower() -> None:
    for code in range(256):
        assert metadata._LATIN1_LOWER[code] == ord(lower(chr(code))), hex(code)


@pytest.mark.parametrize(
    "text", ["Ein Text", "ÜBER – „Straße“ … Ende", "ÜBER ΣΟΦΟΣ – Straße", "İstanbul – Ü", ""]
)
def test_lowered_for_words_is_lower_with_marks_made_spaces(text: str) -> None:
    lowered = metadata.lowered_for_words(text)
    assert lowered in (lower(text), lower(text).translate(_MARKS_AS_SPACES))


_MARKS_AS_SPACES = str.maketrans(dict.fromkeys("“”„‘’–—…•€►", " "))


@pytest.mark.parametrize(
    "texts",
    [
        ["Ein Text", "noch einer"],
        ["ÜBER – „Straße“ … Ende", "ΣΟΦΟΣ – Ü", "İstanbul"],
        ["„Straße“ – Ende", "ΣΟΦΟΣ", "ΟΔΟΣ. Σ", "İstanbul – Ü"],
        ["– Jane 😀 Doe", "", "Übermäßig – “Wahl”"],
    ],
)
def test_lowered_for_words_of_lines_reads_as_the_whole_lowered(texts: list[str]) -> None:
    # Each line is lowered alone when the text is past Latin-1: character for character the
    # whole's lowered, or a space for a mark, so that BodyWords finds the same words.
    text = " ".join(texts)
    lowered = metadata.lowered_for_words_of_lines(texts, text)
    whole = lower(text)
    assert len(lowered) == len(whole)
    assert lowered.translate(_MARKS_AS_SPACES) == whole.translate(_MARKS_AS_SPACES)
    assert set(lowered) - set(whole) <= {" "}


@pytest.mark.parametrize(
    "caption",
    [
        # A caption names more of the body's words than the headline does.
        "City council members debate the new budget on property taxes (Photo: Jane Doe)",
        "City council members debate the new budget on property taxes, Jane Doe / Agency",
        "City council members debate the new budget on property taxes (Symbolbild)",
        "City council members debate the new budget on property taxes, via Wikimedia Commons",
    ],
)
def test_a_caption_scores_below_the_headline(caption: str) -> None:
    body = metadata.BodyWords(
        "The city council approved the new budget on Tuesday after a long debate over property taxes."
    )
    headline = metadata.headline_score("Council approves budget after debate", body, 3)
    score = metadata.headline_score(caption, body, 1)
    assert headline is not None and score is not None and headline > score


def test_a_headline_names_the_body_in_another_inflection() -> None:
    # German inflects its nouns: 'Stadtrat' / 'Stadträte', 'Haushaltsentwürfe' / '-entwurf'.
    text = "Die Stadträte stimmten dem Haushaltsentwurf nach langer Debatte zu."
    line = "Stadtrat billigt Haushaltsentwürfe"
    assert not metadata.content_words(line) & metadata.content_words(text)
    other = metadata.BodyWords("Die Gemeinde stimmte dem Plan nach langer Debatte zu.")
    assert metadata.headline_score(line, other, 5) is None
    assert metadata.headline_score(line, metadata.BodyWords(text), 5) is not None


def test_an_inflected_word_counts_to_the_share_not_to_the_count() -> None:
    # A match on the first letters only is weaker: it makes the share, not the count of words.
    body = metadata.BodyWords("The council's elections and the electorate of the county.")
    exact = metadata.headline_score("Council elections", body, 1)
    inflected = metadata.headline_score("Councils electing", body, 1)
    assert exact is not None and inflected is not None and exact > inflected


def test_a_headline_further_up_beats_a_teaser_beside_the_body() -> None:
    # A gallery or a box of links may stand between the headline and its body: a line's
    # distance to the body says little once it names the body with more of its words.
    body = metadata.BodyWords(
        "The city council approved the new budget on Tuesday after a long debate over property "
        "taxes. Officials said the measure takes effect next month."
    )
    headline = metadata.headline_score("Council approves budget after long debate", body, 40)
    teaser = metadata.headline_score("Property taxes and the budget", body, 1)
    assert headline is not None and teaser is not None and headline > teaser


def test_a_headline_far_up_may_share_a_quarter_of_its_words() -> None:
    # A headline written as a phrase of its own ('The long road to electric cars') over a body
    # that names one of its words; a line that shares less is a menu's or a teaser's.
    body = metadata.BodyWords("Sales of cars rose again in May, the association said.")
    assert metadata.headline_score("The long road to electric cars", body, 10) is not None
    assert metadata.headline_score("The long and winding road to electric cars", body, 10) is None


def test_headline_beats_label() -> None:
    body = metadata.BodyWords(
        "The city council approved the budget for next year after a long debate on Tuesday. "
        "Schools and roads get more money; the mayor said taxes would not rise."
    )
    headline = metadata.headline_score("City council approves budget after long debate", body, 3)
    label = metadata.headline_score("Council", body, 2)
    section = metadata.headline_score("City Council", body, 4)
    assert headline is not None and label is not None and section is not None
    assert headline > label and headline > section


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Über Lars Sobiraj", ["Lars Sobiraj"]),
        ("Zeige alle Beiträge von Creeny »", ["Creeny"]),
        ("More by Logan C. Ritchie", ["Logan C. Ritchie"]),
        ("Über uns", None),
        ("Über Berlin", None),  # 'Über X' needs a person's two name words
        ("All posts by admin", None),
        ("More from WIRED", None),  # the site's other articles
        ("Zum Profil von janedoe", ["janedoe"]),  # a link to the person's profile
        ("Über Jane 1009 Artikel", ["Jane"]),  # the count of her posts: a person
        ("Über uns 5 Artikel", None),
        ("View profile of Jane Doe", ["Jane Doe"]),
        ("Mehr Artikel von Jane Doe", ["Jane Doe"]),
        ("More articles by Jane Doe", ["Jane Doe"]),
        ("See all articles by Jane Doe", ["Jane Doe"]),
        ("Alle Beiträge von Jane Doe anzeigen", ["Jane Doe"]),
        ("Plus d’articles de Jean Dupont", ["Jean Dupont"]),
        ("Todos los artículos de Juan Pérez", ["Juan Pérez"]),
        ("Mehr Artikel von Stefanus →", ["Stefanus"]),  # a link to the posts: one name word
        ("More from Politics", None),  # may name a section: two name words
        ("More from Jane Doe", ["Jane Doe"]),
    ],
)
def test_author_link(line: str, names: list[str] | None) -> None:
    assert metadata.author_link(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("© 2020 Jane Doe. All rights reserved.", ["Jane Doe"]),
        ("Copyright (c) 2012- Jane Doe. Design by Templates.", ["Jane Doe"]),
        ("Archive – RSS – 2009-2020 by Jane Doe – Powered by Pelican", ["Jane Doe"]),
        ("© Jane Doe / Picture Agency", None),  # no year: a photo credit
        ("© 2021 Example Media GmbH. All Rights Reserved.", None),  # a company
        ("Copyright © 2023 The Daily Herald", None),  # an outlet
    ],
)
def test_copyright_holder(line: str, names: list[str] | None) -> None:
    assert metadata.copyright_holder(line) == names


@pytest.mark.parametrize(
    ("text", "searched"),
    [
        ("© 2020 Jane Doe", True),
        ("Menu\nCOPYRIGHT 1999 Jane Doe", True),
        ("(C) 2012 Jane Doe", True),
        ("2009-2020 BY Jane Doe", True),
        ("Copyr\u0130ght 2020 Jane Doe", True),  # 'İ' is 'i' to IGNORECASE, not to lower()
        ("copyr\u0131ght 2020 Jane Doe", True),  # ... and so is 'ı'
        ("Posted on 3 May 2020 by Jane Doe", True),  # searched: no match
        ("Updated 3 May 2020", False),
        ("© Jane Doe / Picture Agency", False),  # no year
    ],
)
def test_may_hold_copyright(text: str, searched: bool) -> None:
    assert metadata.may_hold_copyright(text) == searched
    assert searched or metadata.COPYRIGHT.search(text) is None


def test_only_dotted_and_dotless_i_match_the_copyright_letters_beyond_lower() -> None:
    # may_hold_copyright looks for the words of COPYRIGHT in the text lower-cased: of the
    # characters IGNORECASE takes for one of their letters, only 'İ' and 'ı' lower() does not.
    letters = re.compile("[copyrightb]", re.IGNORECASE)
    text = "".join(chr(point) for point in range(sys.maxunicode + 1) if point != 0x130)
    beyond = {c for c in letters.findall(text) if c.lower() not in "copyrightb"}
    assert beyond == {"\u0131"}
    assert letters.match("\u0130")


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2008 The Daily Telegraph", "The Daily Telegraph"),
        ("Copyright 2021 Example Media GmbH. All rights reserved", "Example Media"),
        ("Valley Chronicle © 2019. All rights reserved.", "Valley Chronicle"),  # before the mark
        ("Riverside Observer, 2020 © All Rights Reserved", "Riverside Observer"),
        ("© Copyright 2020 | EXAMPLEZINE | Impressum", "EXAMPLEZINE"),  # the part after it
        ("© Copyright 2022 - St. Anne Times. A Sample Media Production.", "St. Anne Times"),
        ("© 2019 Example Blog. Proudly powered by WordPress", "Example Blog"),
        ("© 2015 Copyright by sample-trips.example. All rights reserved.", "sample-trips.example"),
        ("Copyright © 2008, examplecentral.com. All rights reserved.", "examplecentral.com"),
        ("©MMVII, Example Interactive Inc. All Rights Reserved.", "Example Interactive"),
        ("© 2021 Beispiel Wissen e.V. Alle Rechte vorbehalten", "Beispiel Wissen"),
        ("© 2020 Example A/S. All rights reserved.", "Example"),
        ("© 2022 BEISPIEL GmbH Musterstadt", "BEISPIEL"),  # cut at the legal form
        ("© 24% Ejemplo | 2022 | Todos los derechos reservados.", "24% Ejemplo"),
        ("© 2020 Ente Parco d'Esempio", "Ente Parco d'Esempio"),
        ("Copyright © 1999-07 Example Coast Media", "Example Coast Media"),
        ("© 2022, Example.com. " + "This article is the property of Example. " * 5, "Example.com"),
        ("© 2020 Beispiel.de Musterweg 2 12345 Musterstadt", "Beispiel.de Musterweg"),
        ("Copyright © 2020 SA EL EJEMPLO | Todos los derechos reservados", "EL EJEMPLO"),
        ("© 2019 Eine Marke der Beispiel Mediengruppe", "Beispiel Mediengruppe"),
        ("© 2008 Courtesy of The Example Network", "The Example Network"),
        ("Copyright Notice © 2008 owned by or licensed to Example Media Ltd.", "Example Media"),
        ("Copyright (C) Example 2006-2008 Star Images Copyright Jane Doe", "Example"),
        ("© Copyright of Example Media Group Limited 2008 | Terms", "Example Media Group"),
        ("Copyright 2008 AFP Published Jan 3", "AFP"),  # the page's words after it
        ("© Reuters2008All rights reserved.", "Reuters"),  # a year glued to the words
        ("© 2019 examplenews by Jane Doe", "examplenews"),  # the site, then its maker
        ("All contents copyright © 2007, ExampleCrunch. All rights reserved", "ExampleCrunch"),
        ("© Example.org 2003 - 2020 powered by Example Network", "Example.org"),
        ("Example Road® © 2013-2020, background by Jane Doe", "Example Road"),  # before the sign
        ("Bild: ©Jane Doe bestimmte Rechte vorbehalten. Quelle: Example", None),  # a picture
        ("© The Example Post Company 2020", "The Example Post"),  # the rest reads as an outlet
        ("© 2020 Sample Publishing Company", "Sample Publishing Company"),  # ... or it is kept
        ("© 2000-2008 Beispiel.de: Aktie, Aktien, Kurse", "Beispiel.de"),
        ("Copyright 2008 by The Associated Press. All rights reserved.", "The Associated Press"),
        ("© Jane Doe/Picture Agency", None),  # no year, no rights: a picture's credit
        ("Copyright-Hinweis: Urheberrecht © 2021 Jane Doe/Bildagentur", None),
        ("© 2021 Ejemplo Noticias J-00012345-1", "Ejemplo Noticias"),  # a register number
        ("© 1995-2023 Beispielverein e. V. - Impressum", "Beispielverein"),
        ("© 2021 Sample Images", None),  # a picture service
        ("© 2019 • Powered by Example Theme", None),
        ("© 2021 Example MagazinAboShopNewsletter", None),  # a menu glued together
        ("Community platform by Exampleforum® © 2010-2021 Exampleforum Ltd.", None),  # a maker
        ("© 2019 - All rights reserved.", None),
        ("© 2019 - Algunos derechos reservados.", None),
        ("Copyright© 1998 - 2022. Fundado el 25 de abril de 1998.", None),  # a sentence
        ("About Us - Digital Millennium Copyright Act - Policies", None),  # a link
        ("+ Copyright & Permissions", None),
        ("No author given (based on copyright claims). [CC BY-SA 3.0]", None),
        ("Copyright 2008 News Limited. All times local.", None),  # an outlet's word alone
        ("© Copyright Latest News 2007. All rights reserved.", None),  # a section's name
        ("© 2008 Advertise | Privacy | Terms of Use", None),
    ],
)
def test_copyright_outlet(line: str, outlet: str | None) -> None:
    """The holder of a site's copyright, as the outlet's name: a person is for the page to tell."""
    assert metadata.copyright_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("Weitere Beiträge", True),
        ("All articles »", True),
        ("Alle Artikel zum Thema Energie", False),
    ],
)
def test_posts_link(line: str, link: bool) -> None:
    assert metadata.posts_link(line) is link


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("Ein Beitrag von:", True),  # any opener that says who wrote, closed so
        ("Scritto da", True),
        ("Text und Fotos:", True),
        ("* Authors", False),  # a menu's item
        ("Artikel", False),
    ],
)
def test_lone_opener_of_any_strong_opener(line: str, alone: bool) -> None:
    assert metadata.lone_opener(line) is alone


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane McDonald", ["Jane McDonald"]),
        ("Jane O'Neil-Smith", ["Jane O'Neil-Smith"]),
        # A long hyphenated word fails at once (it once took 0.1 s to fail, split every way).
        ("Deutsche Lebens-Rettungs-Gesellschaft: presse@dlrg.de, Tel. 05723 / 955-440", None),
    ],
)
def test_name_words_with_parts(line: str, names: list[str] | None) -> None:
    assert metadata.name_line(line) == names


@pytest.mark.parametrize(
    ("line", "ago", "names"),
    [
        ("vor 2 Stunden", True, None),
        ("Publicado hace 3 horas", True, None),
        ("3 hours ago", True, None),
        ("5 Min. Lesezeit", False, None),  # a reading time
        ("Jane Doe | Publicado hace 3 horas", False, ["Jane Doe"]),
        ("Jane Doe · 3 hours ago", False, ["Jane Doe"]),
        ("Politik | vor 2 Stunden", False, None),  # a section
    ],
)
def test_time_ago(line: str, ago: bool, names: list[str] | None) -> None:
    assert metadata.time_ago(line) is ago
    assert metadata.name_beside_time_ago(line) == names


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Posted by Jane Doe at 18:52 Tagged with: Books , Family", "Posted by Jane Doe at 18:52"),
        ("Eingestellt von Jane Doe Labels: Rezension , Krimi", "Eingestellt von Jane Doe"),
        ("Tags: Books, Family", "Tags: Books, Family"),  # the label alone
        # A date after the tags is a field of the line.
        ("Von Jane Doe Kategorien: Mode 6. Mai 2021", "Von Jane Doe Kategorien: Mode 6. Mai 2021"),
    ],
)
def test_without_tags(line: str, kept: str) -> None:
    assert metadata.without_tags(line) == kept


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By jdoe", ["jdoe"]),
        ("von Jane1", ["Jane1"]),
        ("von Ulrike", ["Ulrike"]),  # a pen name
        ("von example.com", None),  # a site's domain
        ("By Staff", None),
        ("von heute", None),  # a word of the language
        ("By Jane Doe", None),  # a full name is name_line's
    ],
)
def test_opener_and_pen_name(line: str, names: list[str] | None) -> None:
    assert metadata.opener_and_pen_name(line) == names


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("16. Mai 2019 Jane Doe Garten , Balkon 2", ["Jane", "Doe", "Garten"]),
        ("3. Mai 2021 Politik , Wirtschaft", None),  # categories alone
        ("3. Mai 2021 Jane Doe", None),  # no list of categories
        ("Jane Doe 3. Mai 2021 Garten , Balkon", None),  # the date opens the line
    ],
)
def test_entry_line(line: str, words: list[str] | None) -> None:
    found = metadata.entry_line(line, day_first=True)
    assert (found[1] if found else None) == words


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("03.05.2021 Haushalt für Juni 2021 beschlossen", "Haushalt für Juni 2021 beschlossen"),
        (
            "3. Mai 2021 Stadtrat: Neuer Haushalt beschlossen",
            "Stadtrat: Neuer Haushalt beschlossen",
        ),
        ("3 May 2021 | Council approves the budget", "Council approves the budget"),
        ("3 May 2021 Council meets again on 4 May 2021", None),  # another date
        ("3 May 2021 Jane Doe", None),  # a name
        ("Council approves the budget on 3 May 2021", None),  # no date opens it
    ],
)
def test_dated_headline(line: str, headline: str | None) -> None:
    assert metadata.dated_headline(line) == headline


@given(
    st.lists(
        st.sampled_from(["3", "03.05.2021", "2021", "Mai", "May", "|", "-", "Jane", "Doe", ","]),
        max_size=6,
    ),
    st.sampled_from([" ", "  ", "\u00a0", " | "]),
)
def test_dated_headline_is_the_full_reading(parts: list[str], space: str) -> None:
    # dated_headline leaves a line of fewer words than a headline's before it looks for a date:
    # what the full reading gives such a line is None too.
    line = space.join(parts)
    found = metadata.find_date(line[: metadata._DATE_WINDOW])
    if found is None or found.start != 0:
        expected = None
    else:
        rest = line[found.end :].strip(metadata._SIDE_MARKS)
        few = len(rest.split()) < metadata._DATED_HEADLINE_WORDS
        expected = None if few or metadata.find_date(rest) is not None else rest
    assert metadata.dated_headline(line) == expected


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Doe",
        "written BY jane",
        "Nearby stores",  # 'by' inside a word
        "by_jane",  # an underscore joins words
        "jane@by.com",
        "Autor: Jane Doe",
        "Texte et photos",
        "3 texts",
        "Redacción Diario",  # beyond ASCII: the search itself
        "İnterview",
        "Autorſ",
        "Dı Jane",  # dotless 'i', which the pattern matches as 'i'
        "ſkrevet av Jane",
        "Écrit PAR Jane Doe",
        "Szerző: Kovács Éva",
        "SZERZŐ: Kovács Éva",
        "Redakteurinnen über Ärger",
        "Ⓑy Jane",  # a circled letter: no word's
        "",
    ],
)
def test_has_opener_is_the_openers_search(text: str) -> None:
    expected = metadata._OPENER_ANYWHERE.search(text) is not None
    assert metadata._has_opener(text) is expected


def test_opener_letters_lower_as_the_pattern_matches() -> None:
    # _has_opener lowers a text without IGNORECASE_APART and splits it at \W: every other
    # character must lower to one character, a word's as it was, and to an opener's letter
    # exactly when the pattern's case-insensitive matching takes it for that letter.
    letters = sorted(set("".join(metadata._OPENER_WORDS)))
    any_letter = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in IGNORECASE_APART:
            continue
        lowered = char.lower()
        assert len(lowered) == 1, char
        assert (lowered.isalnum() or lowered == "_") == (char.isalnum() or char == "_"), char
        if any_letter.fullmatch(char):
            assert lowered in letters, char
            assert re.fullmatch(lowered, char, re.IGNORECASE), char
        else:
            assert lowered not in letters, char


def test_opener_words_are_the_openers_pattern() -> None:
    # _has_opener looks ASCII words up in the set: it must hold what the pattern matches.
    for word in metadata._OPENER_WORDS:
        assert metadata._OPENER_ANYWHERE.fullmatch(word), word
        assert metadata._OPENER_ANYWHERE.fullmatch(word.upper()), word
    for word in ("texts", "bye", "autors", "vons", "t", "starters"):
        assert not metadata._OPENER_ANYWHERE.fullmatch(word), word
    # ... and no word more: the pattern's alternatives, 'texte?' read as 'text' and 'texte'.
    inner = metadata._OPENERS.split("(?:", 1)[1].rsplit(")(?!", 1)[0]
    alternatives = set()
    for word in inner.split("|"):
        alternatives |= {word[:-2], word[:-1]} if word.endswith("?") else {word}
    assert alternatives == metadata._OPENER_WORDS


def _role_lines() -> list[str]:
    """Lines around every role: first or second word, glued or not, cased any way."""
    lines = []
    for role in metadata._ROLES:
        for form in (role, role.upper(), role.title(), f"Chef{role}", f"co-{role}"):
            lines += [form, f"Staff {form}", f"{form} at Large", f"Senior Staff {form}", f"{form}."]
            lines += [f"* {form}", f"{form}, Berlin", f"The {form} of the year in one"]
    # ... and what IGNORECASE matches beyond lower().
    exotic = ["Journalİst", "Autorın", "ſpokesman", "Staff EDİTOR", "Edıtor", "PRÄSIDENT"]
    return [*lines, *exotic, "Redakteurin", "Herausgeberin", "Editorial", ""]


def test_role_line_is_its_pattern() -> None:
    # role_line tells most ASCII lines from their first two words: the same as the pattern says.
    # (A word is asked for the roles when it ends with a role's last three letters.)
    assert all(len(role) >= 3 for role in metadata._ROLES)
    for line in _role_lines():
        expected = len(line) <= 90 and line.count(" ") <= 7
        expected = expected and metadata._ROLE_LINE.match(line.strip(" *+•·,-–—")) is not None
        assert metadata.role_line(line) is expected, line


def test_role_end_cases_are_the_folded_ends() -> None:
    # role_line passes over a word whose last three characters are ASCII and none of
    # _ROLE_END_CASES: it must be one whose fold ends with none of _ROLE_ENDS.
    letters = string.ascii_letters + "-.'"
    for end in map("".join, itertools.product(letters, repeat=3)):
        assert (end in metadata._ROLE_END_CASES) is (end.lower() in metadata._ROLE_ENDS), end
    for end in ("r", "or", ""):  # a word shorter than three characters is its own end
        assert end not in metadata._ROLE_END_CASES


def test_lone_opener_tail_cases_are_the_folded_tails() -> None:
    # lone_opener passes over a line whose last two characters are ASCII and none of
    # _LONE_OPENER_TAIL_CASES: their lower() must be none of _LONE_OPENER_TAILS.
    letters = string.ascii_letters + string.digits + "-.': "
    for tail in map("".join, itertools.product(letters, repeat=2)):
        expected = tail.lower() in metadata._LONE_OPENER_TAILS
        assert (tail in metadata._LONE_OPENER_TAIL_CASES) is expected, tail
    for tail in ("y", "n", ""):  # a text of one character is its own tail
        assert tail not in metadata._LONE_OPENER_TAIL_CASES


def test_desk_opener_firsts_are_what_ignorecase_matches() -> None:
    # desk_name tries _DESK_OPENER on a long text only when it opens with one of
    # _DESK_OPENER_FIRSTS: each opener's first letter, in every form IGNORECASE matches.
    pattern = metadata._DESK_OPENER.pattern
    assert pattern.startswith("^(?:")
    openers, depth = [""], 0
    for char in pattern[len("^(?:") :]:
        if depth == 0 and char == ")":
            break
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and char == "|":
            openers.append("")
        else:
            openers[-1] += char
    firsts = {opener[0] for opener in openers}
    assert firsts <= set(string.ascii_lowercase), openers
    for opener in openers:  # each opener is matched from its first letter on
        word = re.sub(r"\(\?:(\w+)\)\?", "", opener)
        assert word.isalpha() and metadata._DESK_OPENER.match(f"{word} Redaktion"), opener
    matches = {chr(point) for point in range(sys.maxunicode + 1) if _opens_as(chr(point), firsts)}
    assert matches == metadata._DESK_OPENER_FIRSTS


def _opens_as(char: str, letters: set[str]) -> bool:
    """Return whether IGNORECASE matches `char` to one of `letters`."""
    if char.lower() == char and char.upper() == char and char not in letters:
        return False  # no case: IGNORECASE matches it as itself
    return any(re.fullmatch(re.escape(letter), char, re.IGNORECASE) for letter in letters)


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Jane Doe",
        "Bild/Quelle",
        "© dpa",
        "Jane Doe / AFP",
        "Getty Images",
        "GETTY İMAGES",  # beyond ASCII: the pattern itself
        "ſhutterſtock",
        "Symbolbild",
        "CC-BY 4.0",
        "cc by sa",
        "imagologie",  # a word, not the agency
        "Kurz vor dem Fest",
        "Die Bilder des Tages",
        "ıMAGO",
        "Bildquelle : Archiv",
        "Photo / Reuters",
        "Er sagt: Das Bild bleibt",
        "Sie sagt: Nein",
        "Links/Rechts",
        "Jane Doe/AFP)",
        "",
    ],
)
def test_is_caption_is_the_captions_pattern(line: str) -> None:
    assert metadata._is_caption(line) is (metadata._CAPTION.search(line) is not None)


def _expansions(pattern: str) -> list[str]:
    """Return the texts a pattern of letters, groups of alternatives and classes of characters
    matches ('a(?:b|c)[de]' -> 'abd', 'abe', 'acd', 'ace')."""
    part = re.search(r"\(\?:([^()]*)\)|\[([^\]]*)\]", pattern)
    if part is None:
        return [pattern]
    options = part[1].split("|") if part[1] is not None else list(part[2])
    head, tail = pattern[: part.start()], pattern[part.end() :]
    return [text for option in options for text in _expansions(head + option + tail)]


def test_caption_keys_are_in_every_match() -> None:
    # Each word of the first branch, and each text of _CAPTION_WORDS, holds a key; the credit
    # closing a line holds a '/'. '©' is a branch alone.
    first = re.match(r"\\b\(\?:([^()]*)\)\\s\*\(\?::\|©\|/\)\|©\|", metadata._CAPTION.pattern)
    assert first is not None
    texts = first[1].split("|")
    for alternative in _alternatives(metadata._CAPTION_WORDS):
        assert alternative.startswith(r"\b") and alternative.endswith(r"\b"), alternative
        texts += _expansions(alternative[2:-2])
    for text in texts:
        assert re.fullmatch(r"[a-z -]+", text) and any(k in text for k in metadata._CAPTION_KEYS)
    assert metadata._CAPTION.pattern.endswith(f"|(?-i:{metadata._CREDIT_CLOSING})")
    assert " ?/ ?" in metadata._CREDIT_CLOSING


def test_outlet_words_are_those_of_the_masthead() -> None:
    in_order = sorted(metadata._OUTLET_WORDS, key=metadata._OUTLET_WORD.index)
    assert f"(?:{'|'.join(in_order)})" == metadata._OUTLET_WORD
    for word in metadata._OUTLET_WORDS:
        assert word.isalpha() and metadata._MASTHEAD.match(word), word


_MASTHEAD_WORDS = ["The", "Daily", "News", "news", "FoxNews", "Times", "Ex", "xinhua", "Reuters"]


@given(
    st.lists(st.sampled_from([*_MASTHEAD_WORDS, "·", "-"]), max_size=7),
    st.sampled_from(["", " ", "\t", "\n", "\u00a0", " |"]),
)
def test_reads_as_outlet_is_the_masthead_pattern(words: list[str], end: str) -> None:
    # The last word's look-up says what the masthead's endswith() and match() said.
    text = " ".join(words) + end
    name = text.strip(metadata._OUTLET_MARKS)
    expected = bool(name.split()) and len(name) <= 50 and len(name.split()) <= 5
    expected = expected and (
        name.casefold() in metadata._AGENCIES
        or (
            name.endswith(tuple(metadata._OUTLET_WORDS))
            and metadata._MASTHEAD.match(name) is not None
        )
    )
    assert metadata.reads_as_outlet(text) is expected


@given(st.text(alphabet=st.sampled_from("aßÿ÷A1 .,Ma2020Mai June"), max_size=30))
@example("Nadja Demel13.12.2022")
@example("Jane DoeNovember 6, 2023")
def test_glued_names_hold_a_lower_letter_before_a_digit_or_capital(text: str) -> None:
    # Where neither pattern changes a text, _fields_meta may skip them.
    if metadata._LOWER_BEFORE_DIGIT_OR_CAPITAL.search(text) is None:
        assert metadata._GLUED_MONTH.sub(" ", text) == text
        assert metadata._GLUED_DAY.sub(" ", text) == text


def test_ago_keys_are_the_words_of_ago() -> None:
    words = "|".join(metadata._AGO_KEYS[:4]), "|".join(metadata._AGO_KEYS[4:])
    assert metadata._AGO.pattern == rf"^(?:{words[0]})\b|\b(?:{words[1]})$"


def _alternatives(pattern: str) -> list[str]:
    """Return the alternatives of the outermost group of `pattern` ('a(?:b|c)|d' -> 'a(?:b|c)',
    'd'), the escapes kept as they are."""
    found, depth, start, at = [], 0, 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:at])
            start = at + 1
        at += 1
    return [*found, pattern[start:]]


def test_time_note_keys_are_in_every_match() -> None:
    # Each unit of _RELATIVE_TIME holds a key in the letters it must match ...
    units = re.search(r"\\d\+\\s\*\(\?:(.*?)\)\\b", metadata._RELATIVE_TIME.pattern)
    assert units is not None
    for unit in _alternatives(units[1]):
        must = unit.replace(r"\w*", "")
        must = must[:-2] if must.endswith("?") else must  # the optional last letter off
        assert must.isalpha() and any(key in must for key in metadata._TIME_NOTE_KEYS), unit
    # ... and each alternative of _READING_TIME matches 'min' after its number.
    pattern = metadata._READING_TIME.pattern
    assert pattern.startswith(r"\b(?:") and pattern.endswith(")")
    for alternative in _alternatives(pattern[len(r"\b(?:") : -1]):
        assert re.search(r"\\d(?:\+|\{1,2\})\\s\*min", alternative), alternative
    # IGNORECASE matches the keys' letters as _holds_a_key folds a line: see
    # test_ignorecase_fold_is_what_ignorecase_matches.


@pytest.mark.parametrize(
    "text",
    [
        "Staff Writer",
        "Die Redaktion über",
        "Journalİst",
        "Edıtor",
        "ſpokesman",
        "Ein ſ, ı und İ",
        "",
    ],
)
def test_ignorecase_lower_is_the_fold_lowered(text: str) -> None:
    # The fold is skipped for a text without its letters: the same text comes out.
    assert metadata.ignorecase_lower(text) == text.translate(metadata.IGNORECASE_FOLD).lower()


@pytest.mark.parametrize(
    "line",
    ["4 Min. Lesedauer", "Aktualisiert: vor 20 Stunden", "3 HOURS AGO", "hace 5 días", "2 YIL", ""],
)
def test_is_time_note_is_the_patterns(line: str) -> None:
    rest = metadata._RELATIVE_TIME.sub(" ", metadata._READING_TIME.sub(" ", line))
    expected = all(metadata.is_date_word(word) for word in metadata._WORD_RUN.findall(rest))
    assert metadata._is_time_note(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "© 2020 Example Times",
        "© Jane Doe",
        "© Example MMXXI",
        "(c) mcmxcix Example",
        "Copyright Example",
        "COPYRİGHT EXAMPLE",
        "© Example. All rights reserved",
        "© Example. ALL RIGHTſ RESERVED",
        "© Example. Alle Rechte vorbehalten",
        "© Example. Todos los derechos reservados",
        "© Example. Tous droits réservés",
        "© Example. Tutti i diritti riservati",
        "© Example. Wszelkie prawa zastrzeżone",
        "© Example Commons",
        "",
    ],
)
def test_site_copyright_is_its_pattern(line: str) -> None:
    # Each of the pattern's parts (one a line) but a year holds one of the keys the quick test
    # looks for, folded as IGNORECASE matches it.
    assert metadata._site_copyright(line) is (metadata._SITE_COPYRIGHT.search(line) is not None)


@given(
    st.lists(
        st.sampled_from(
            ["by", "BY", "von", "vOm", "dİ", "dı", "av", "of", "janedoe", "a-b", "•", "-"]
        ),
        max_size=5,
    ),
    st.sampled_from(["", " ", "|", "•", "\u00a0", "- ", "\n"]),
    st.sampled_from(["", " ", ".", "\u2003"]),
)
def test_after_weak_opener_is_the_patterns_match(words: list[str], lead: str, end: str) -> None:
    # The look-up of the next-to-last word leaves only lines the pattern fails on.
    for gap in (" ", "", "\t"):
        line = lead + gap.join(words) + end
        match = metadata._WEAK_HANDLE.match(line)
        expected = match.group("name").strip(" .,:;") if match else None
        assert metadata._after_weak_opener(line) == expected


def test_ignorecase_fold_is_what_ignorecase_matches() -> None:
    # role_line, lone_opener, desk_name, time_ago, without_tags, _site_copyright, _is_time_note
    # and _is_caption fold a line so that its words equal a role, a label or a key where the
    # pattern matches them.
    letters = set("".join(metadata._ROLES)) | set("".join(metadata._TAGS_LABEL_ENDS))
    letters |= set("".join(metadata._LONE_OPENER_ENDS)) | set("".join(metadata._DESK_KEYS))
    letters |= set("".join(metadata._AGO_KEYS)) - {" "}
    letters |= set("".join(metadata._SITE_COPYRIGHT_KEYS))
    letters |= set("".join(metadata._TIME_NOTE_KEYS)) | set("".join(metadata._WEAK_OPENERS))
    letters |= set("".join(metadata._CAPTION_KEYS)) - {" ", "-"}
    letters |= set("".join(metadata._STRONG_OPENER_KEYS + metadata._AUTHOR_LINK_KEYS)) - {" "}
    patterns = {letter: re.compile(re.escape(letter), re.IGNORECASE) for letter in letters}
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.lower() == char and char.upper() == char and char not in letters:
            continue  # no case: IGNORECASE matches it as itself
        folded = char.translate(metadata.IGNORECASE_FOLD).lower()
        for letter, pattern in patterns.items():
            assert (pattern.fullmatch(char) is not None) is (folded == letter), (hex(point), letter)
    # ... and the first two words are those the pattern sees: \s is what str.split() splits at.
    for point in range(sys.maxunicode + 1):
        assert (re.match(r"\s", chr(point)) is not None) is chr(point).isspace(), hex(point)


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Example Valley Media", True),
        ("Sample Foundation", True),
        ("Beispiel Mediengruppe", True),  # a compound's end
        ("Jane Doe", False),
    ],
)
def test_is_organisation(name: str, organisation: bool) -> None:
    assert metadata.is_organisation(name) is organisation


@pytest.mark.parametrize(
    ("name", "qualifier"),
    [
        ("Gadget News", "Gadget"),
        ("Two-Minute World News", "Two-Minute"),  # scope words before the news word
        ("Example Wire", "Example"),
        ("Summit Valley News", None),  # two words: an outlet's name
        ("The Example News", None),
        ("Daily Mail", None),  # an outlet's word
        ("Example Times", None),  # no word for news in general
    ],
)
def test_section_qualifier(name: str, qualifier: str | None) -> None:
    """A name like a section's: one word, maybe scope words, and 'News'."""
    assert metadata.section_qualifier(name) == qualifier


def test_signs_as_outlet() -> None:
    assert metadata.signs_as_outlet("By Example News")
    assert not metadata.signs_as_outlet("Example News")


@pytest.mark.parametrize("name", ["Inside The Example Gazette", "About Example Post"])
def test_a_link_about_an_outlet_is_none(name: str) -> None:
    """'About Example Post', 'Inside The Example Gazette': a link to the site's pages."""
    assert metadata.outlet_name(name) is None


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("© 2021 Example Germany e. V.", True),  # a legal form
        ("Copyright 2020 Beispiel Mediengruppe", True),  # a word of its kind
        ("© 2020 Jane Doe. All rights reserved.", False),
    ],
)
def test_held_by_company(line: str, company: bool) -> None:
    assert metadata.held_by_company(line) is company


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Example Daily News", "Example Daily News"),
        ("Quelle: dpa", "dpa"),
        ("(Fuente: EFE)", "EFE"),
        ("Source: Example Times/Agencies", "Example Times"),
        ("Source: example-data.com", None),  # a domain: a chart's data as often
        ("Source: Example Institute survey", None),  # a study's, not an outlet
        ("Quelle: Landesregierung", None),
        ("Source: https://example.org/2008/01/a-post.html", None),
    ],
)
def test_source_line(line: str, outlet: str | None) -> None:
    assert metadata.source_line(line) == outlet


def test_reserves_rights() -> None:
    assert metadata.reserves_rights("© 2021 Example Times. Alle Rechte vorbehalten.")
    assert metadata.reserves_rights("© Example. TODOS LOS DERECHOS RESERVADOS")
    assert metadata.reserves_rights("© Example. ALL RIGHTſ RESERVED")
    assert not metadata.reserves_rights("© 2021 • ExampleTheme")


@given(st.from_regex(re.compile(metadata._RIGHTS_RESERVED, re.IGNORECASE)))
def test_rights_keys_are_in_every_match(line: str) -> None:
    # reserves_rights asks the pattern only of a line that holds one of the keys.
    assert metadata.reserves_rights(line)


# The patterns _opening_with puts behind a look-ahead for the characters their matches open with.
_OPENING_WITH = [
    metadata._COPYRIGHT_MARK,
    metadata._SITE_COPYRIGHT,
    metadata._RIGHTS,
    metadata._PICTURE_LABEL,
    metadata._GLUED_YEAR_WORDS,
    metadata._DATED_COPYRIGHT,
    metadata._COPYRIGHT_WORDS,
    metadata._FOOTER_PARTS,
    metadata._NAME_SPLIT,
]
_LOOK_AHEAD = re.compile(r"\(\?=\[(?P<chars>[^\]]*)\]\)\(\?:(?P<pattern>.*)\)", re.DOTALL)


def _without_look_ahead(pattern: re.Pattern[str]) -> tuple[str, re.Pattern[str]]:
    """Return the characters of a pattern's look-ahead and the pattern without it."""
    parts = _LOOK_AHEAD.fullmatch(pattern.pattern)
    assert parts is not None, pattern.pattern
    return parts["chars"], re.compile(parts["pattern"], pattern.flags)


@pytest.mark.parametrize("pattern", _OPENING_WITH)
@given(data=st.data())
def test_opening_with_keeps_the_matches(pattern: re.Pattern[str], data: st.DataObject) -> None:
    # Texts that hold a match of the pattern without the look-ahead: the matches are the same.
    bare = _without_look_ahead(pattern)[1]
    text = data.draw(st.from_regex(bare))
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]
    assert pattern.split(text) == bare.split(text)


@given(data=st.data())
def test_copyright_gates_keep_the_matches(data: st.DataObject) -> None:
    # _copyright_holder_text asks _PICTURE_LABEL only of a line that holds a colon,
    # _DASHED_YEAR of one that holds a dash, the address's '@' of one that holds it: every
    # match holds its character; with no '@' the credit ends at the same place.
    label = _without_look_ahead(metadata._PICTURE_LABEL)[1]
    match = label.search(data.draw(st.from_regex(label)))
    assert match is not None and ":" in match.group()
    text = data.draw(st.from_regex(metadata._DASHED_YEAR))
    assert any(dash in text for dash in "-–—")
    text = data.draw(st.from_regex(metadata._HOLDER_END_ADDRESS).filter(lambda t: "@" not in t))
    ends = metadata._HOLDER_END_ADDRESS.split(text, 1)
    assert metadata._HOLDER_END_CREDIT.split(text, 1) == ends


def test_opening_with_classes_hold_every_case() -> None:
    # ... and each letter of a look-ahead's class matches, as a class, every character that
    # the letter matches in the pattern (IGNORECASE: 'ſ' for 's', 'K' for 'k').
    cases = [(chars, pattern.flags) for chars, pattern in map(_without_look_ahead, _OPENING_WITH)]
    for chars, flags in cases:
        plain = set(re.sub(r"\\.", "", chars))  # a class's escapes (\s, \-) aside
        letters = {char: re.compile(re.escape(char), flags) for char in plain if char.isalpha()}
        whole = re.compile(f"[{chars}]", flags)
        for point in range(sys.maxunicode + 1):
            char = chr(point)
            if char.lower() == char and char.upper() == char and char not in letters:
                continue  # no case: a literal matches it as itself
            for letter in letters.values():
                if letter.fullmatch(char):
                    assert whole.fullmatch(char), (hex(point), chars)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© Beispiel Verlag GmbH", "Beispiel Verlag"),  # a company's legal form
        ("© Bundesamt für Beispiele", "Bundesamt für Beispiele"),  # an organisation's word
        ("© example-news.org", "example-news.org"),  # a site
        ("© Jane Doe", None),  # a person: a picture's credit as often
        ("© Jane Doe/Example Images", None),
        ("The caption's sentence ends here. © Example GmbH", None),  # no footer line
    ],
)
def test_signed_footer_outlet(line: str, outlet: str | None) -> None:
    """A footer's sign before a company's or a site's name, with no year."""
    assert metadata.signed_footer_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "day", "names"),
    [
        (
            "Dieser Beitrag wurde am 03/05/2021 von jdoe in Recht, Verkehr veröffentlicht.",
            "2021-05-03",
            ["jdoe"],
        ),
        ("This entry was posted on March 4, 2021 by Jane Doe.", "2021-03-04", ["Jane Doe"]),
        (
            "Ein Gedicht wurde am 7. Mai 2011 um 10:03 Uhr gepostet und unter Lyrik abgelegt.",
            "2011-05-07",
            None,
        ),
        ("Der Artikel wurde am Montag, den 3. Mai 2021 veröffentlicht.", "2021-05-03", None),
        ("Posted by Jane Doe on May 4, 2021 in Games | Permalink", "2021-05-04", ["Jane Doe"]),
        ("Posted on June 2, 2020June 2, 2020 Author Jane Doe Categories", "2020-06-02", None),
    ],
)
def test_a_blog_engines_note_states_the_posts_date_and_author(
    line: str, day: str, names: list[str] | None
) -> None:
    note = metadata.post_note(line, day_first=True)
    assert note is not None
    assert note[0].day.isoformat() == day
    assert note[1] == names


@pytest.mark.parametrize(
    "line",
    [
        "Die Studie wurde am 3. Mai 2020 veröffentlicht und zeigt einen Anstieg.",  # another text
        "That is not what the article says. Posted by: Jim on May 1, 2008 12:43 PM",  # a comment
        "Posted by Jane Doe on May 4, 2021",  # a byline, read as a metadata line
        "This entry was posted in News. Bookmark the permalink.",  # no date
    ],
)
def test_prose_and_bylines_are_no_post_note(line: str) -> None:
    assert metadata.post_note(line, day_first=True) is None


@pytest.mark.parametrize(
    ("line", "desk"),
    [
        ("Redaktion", "Redaktion"),
        ("von example.com Redaktion", "example.com Redaktion"),
        ("* Author Example.NEWS Redaktion", "Example.NEWS Redaktion"),
        ("Redaktion Musterstadt Kurier", "Redaktion Musterstadt Kurier"),
        ("By Staff Writer", "Staff Writer"),
        ("Die Redaktion", "Die Redaktion"),
        ("Kontakt zur Redaktion", None),  # a link
        ("Tipps der Redaktion:", None),
        ("Email Redaktion", None),
        ("Die Redaktion empfiehlt", None),
        ("Jane Doe", None),
        (f"Von:{' ' * 60}Example Redaktion", "Example Redaktion"),  # long only by its opener
        (f"Example Redaktion {'x' * 50}", None),
    ],
)
def test_a_desk_credited_alone_is_read_as_written(line: str, desk: str | None) -> None:
    assert metadata.desk_name(line) == desk


@pytest.mark.parametrize(
    "desk",
    [
        "Redaktion", "RÉDACTION", "Redaction", "Redacción", "Redaccion", "Redazione", "Redação",
        "Redacao", "Redactie", "Redakcja", "Newsroom", "News  Desk", "Editorial Board",
        "Staff Reporters",
    ],
)  # fmt: skip
def test_a_date_line_that_credits_a_desk_may_credit_one(desk: str) -> None:
    # Every form _DESK finds, and a date line whose rest names it with the date in between.
    assert metadata._DESK.fullmatch(desk)
    words = desk.split()
    line = f"{words[0]} 3. Mai 2021 {' '.join(words[1:])}".strip()
    assert metadata.may_credit_desk(line)
    assert not metadata.may_credit_desk("3. Mai 2021 Jane Doe")
    # ... and desk_name's keys: one is in every desk, folded as IGNORECASE matches it.
    folded = desk.translate(metadata.IGNORECASE_FOLD).lower()
    assert any(key in folded for key in metadata._DESK_KEYS)


@pytest.mark.parametrize(
    ("line", "handle"),
    [
        ("JaneDoe 18.10.2021, 15:07 Uhr", "JaneDoe"),
        ("MaxMusterMann 3. Mai 2021", "MaxMusterMann"),
        ("Jane 18.10.2021", None),  # one word: a place as often
        ("18.10.2021 JaneDoe", None),  # not opening the line
        ("Berlin, 18.10.2021", None),
        ("ÉvaKovács 3. Mai 2021", "ÉvaKovács"),
        ("JaneDoe, 18.10.2021", "JaneDoe"),
        ("JaneDoe18.10.2021", None),
    ],
)
def test_a_user_name_run_together_opens_a_date_line(line: str, handle: str | None) -> None:
    assert metadata.camel_handle(line, day_first=True) == handle


def test_an_entry_line_with_glued_dates_names_its_author() -> None:
    entry = metadata.entry_line(
        "6. Mai 20216. Mai 2021 Jane Doe Netzwerk , Windows", day_first=True
    )
    assert entry is not None
    assert entry[0].day.isoformat() == "2021-05-06"
    assert entry[1] == ["Jane", "Doe", "Netzwerk"]


@pytest.mark.parametrize(
    ("paragraph", "day"),
    [
        (
            "Musterstadt, 14. Mai 2021 – Die Stadt hat heute neue Regeln für alle Parks erlassen und erklärt sie.",
            "2021-05-14",
        ),
        (
            "Pressemitteilung vom 3. Mai 2021 | Musterstadt – Der Verein hat einen neuen Vorstand gewählt und dankt.",
            "2021-05-03",
        ),
        (
            "(3. Mai 2021) Die Preise steigen weiter, und viele Kunden suchen nach neuen Anbietern für ihren Strom.",
            "2021-05-03",
        ),
        (
            "Am 3. Mai 2021 hat die Stadt beschlossen, dass die neuen Regeln ab sofort für alle Bürger gelten.",
            None,
        ),
        ("Musterstadt, 3. Mai 2021 – kurz.", None),
    ],
)
def test_a_press_releases_lead_opens_with_its_date(paragraph: str, day: str | None) -> None:
    found = metadata.lead_date(paragraph)
    assert (found.day.isoformat() if found else None) == day


def test_a_dot_operator_parts_the_fields_of_a_date_line() -> None:
    meta = metadata.meta_line("⋅ May 3, 2021 ⋅ Email this post ⋅ Print ⋅ Comment")
    assert meta is not None and meta.date is not None
    assert meta.date.day.isoformat() == "2021-05-03"


def test_a_reading_time_about_so_long_is_no_field() -> None:
    meta = metadata.meta_line("03.05.2021 | Lesedauer etwa 4 min. | Jane Doe", day_first=True)
    assert meta is not None and meta.date is not None


# Lines for _holds_word: words, the marks that part them, white space beyond ' ', and other marks.
_HOLDS_TEXTS = st.lists(
    st.sampled_from(
        [*"byvonautorinVōé5_", *":;,.|/*•·()[]-–—\"'«»„“”!?@", " ", "\t", "\u00a0", "\u2009",
         "\u3000", "\x1c", "\x85", "\u200b", "İ", "by ", "von:", "autor/in"]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@given(_HOLDS_TEXTS)
def test_holds_word_is_the_split(text: str) -> None:
    # The same answer as a split of the whole text, at either pattern it is asked with.
    for words, breaks, marks in (
        (metadata._OPENER_WORDS, metadata._WORD_BREAKS, metadata._BREAK_MARKS),
        (metadata._OPENER_WORDS, metadata._NON_WORD_RUN, metadata._NON_WORD_MARKS),
        (frozenset({"von", "by5", "ōé"}), metadata._NON_WORD_RUN, metadata._NON_WORD_MARKS),
        (metadata._NOTE_VERBS, metadata._WORD_BREAKS, metadata._BREAK_MARKS),
    ):
        assert metadata._holds_word(text, words, breaks, marks) == (
            not words.isdisjoint(breaks.split(text))
        )


# Texts past Latin-1: openers, the characters of _WIDE_MAP, those outside it that are breaks or
# lower to a letter of an opener, and any other.
_WIDE_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["by", "von", "Di", "szerz", "SZERZ", "\u212aolumnist", "\u0130", "\u0131", "\u017f",
             "\u03a3", "\u2019", "\u2026", "?", "\u00e9", "\u00c9", "\u0307", "\u200b", "\u2012"]
        ),
        st.sampled_from(metadata._WIDE_CHARS),
        st.characters(),
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(st.one_of(_HOLDS_TEXTS, _WIDE_TEXTS, st.text(alphabet=st.characters(max_codepoint=0x2100))))
@example("BY Jane")
@example("Ältere VON\u00a0Jane\x85by")
@example("szerző: Éva")
@example("SZERZŐ\u2009Éva")
@example("by\u0142o Jane")
@example("D\u0130 Jane")
@example("\u212aolumnist\u2013Jane")
def test_words_among_parts_are_held_words(text: str) -> None:
    # held_in reads a text within Latin-1, or past it, by its bytes: the same answer as a split
    # of the text lower-cased, at either pattern.
    for among in (metadata._OPENER_PARTS, metadata._OPENER_RUNS):
        held = not among.words.isdisjoint(among.breaks.split(lower(text)))
        assert among.held_in(text) == held
        assert metadata._holds_word(lower(text), among.words, among.breaks, among.marks) == held


def test_words_among_parts_read_every_character_past_latin1() -> None:
    # Read in _WIDE_MAP's bytes, each character of the map lowers to one of it, and any other
    # stands as a '?' (or is one of `misread`): where a '?' is no break, for a character whose
    # lower case is none either and no letter of a word (its part no word, as the '?''s is);
    # where a '?' is a break, for one whose lower case holds no letter of a word (the parts it
    # stands between are parts of the text too, each word among them found).
    wide = metadata._WIDE_DECODING
    assert len(wide) == len(set(wide)) == 256
    assert wide[:128] + wide[160:] == "".join(map(chr, range(128))) + "".join(
        map(chr, range(160, 256))
    )
    for char in wide:
        assert lower(char) in wide, char
    letters = set("".join(metadata._OPENER_WORDS))
    for among in (metadata._OPENER_PARTS, metadata._OPENER_RUNS):
        assert among.parting_mark == (among.breaks.fullmatch("?") is not None)
        for byte, char in enumerate(wide):
            parted = among.breaks.fullmatch(lower(char))
            assert among.wide_table[byte] == (ord(" ") if parted else wide.index(lower(char)))
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            if char in wide or char in among.misread:
                continue
            lowered = lower(char)
            if among.parting_mark:
                assert letters.isdisjoint(lowered), (char, among.breaks)
            else:
                assert not among.breaks.search(lowered), (char, among.breaks)
                assert not letters.issuperset(lowered), (char, among.breaks)


@functools.cache
def kit_lines(kit: str) -> list[str]:
    """Return the lines of a kit's pages, each as it stands and with its white space made single
    spaces (as cleaning reads it), distinct and sorted."""
    lines: set[str] = set()
    for page in sorted((bench_kit(kit) / "docs").glob("*.txt")):
        for raw in page.read_text(encoding="utf-8", errors="replace").splitlines():
            lines.update((raw.strip(), " ".join(raw.split())))
    return sorted(lines)


@pytest.mark.parametrize("kit", ["clean-trafilatura", "clean-l3s"])
def test_words_among_parts_of_every_line_of_the_kits(kit: str) -> None:
    # Every line of the kits' pages, as it stands and with its white space made single spaces.
    for line in kit_lines(kit):
        for among in (metadata._OPENER_PARTS, metadata._OPENER_RUNS):
            held = not among.words.isdisjoint(among.breaks.split(lower(line)))
            assert among.held_in(line) == held, (line, among.breaks)


def test_words_among_parts_read_each_latin1_character() -> None:
    # Each Latin-1 character alone, beside an opener and inside one: its byte in the tables.
    for code in range(256):
        char = chr(code)
        for line in (char, f"by{char}", f"{char}by", f"b{char}y", f"Von{char}Jane"):
            for among in (metadata._OPENER_PARTS, metadata._OPENER_RUNS):
                held = metadata._holds_word(lower(line), among.words, among.breaks, among.marks)
                assert among.held_in(line) == held, (line, among.breaks)


def test_holds_word_marks_are_breaks() -> None:
    # _holds_word strips a token's ends of marks its pattern would split at: it must match each.
    for breaks, marks in (
        (metadata._WORD_BREAKS, metadata._BREAK_MARKS),
        (metadata._NON_WORD_RUN, metadata._NON_WORD_MARKS),
    ):
        for mark in marks:
            assert breaks.fullmatch(mark), mark
    # ... and _WORD_BREAKS matches white space and these marks alone (as the table of
    # _PUNCTUATION_TO_SPACE turns them into spaces).
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if not char.isspace():
            assert (metadata._WORD_BREAKS.fullmatch(char) is not None) is (
                char in metadata._BREAK_MARKS
            ), hex(point)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("written by jane", True),
        ("(by jane)", True),  # a word inside its marks
        ("autor/in", True),
        ("maybe", False),
        ("by_jane", False),  # one word for \W, two for the marks: see the next test
        ("", False),
    ],
)
def test_holds_word(text: str, held: bool) -> None:
    held_as = metadata._holds_word(
        text, metadata._OPENER_WORDS, metadata._NON_WORD_RUN, metadata._NON_WORD_MARKS
    )
    assert held_as is held


def test_holds_word_marks() -> None:
    assert metadata._holds_word(
        "by_jane", metadata._OPENER_WORDS, metadata._WORD_BREAKS, metadata._BREAK_MARKS
    )
    assert not metadata._holds_word(
        "by_jane", metadata._OPENER_WORDS, metadata._NON_WORD_RUN, metadata._NON_WORD_MARKS
    )


@given(
    st.lists(
        st.sampled_from(
            [" ", "\t", "\u00a0", "a", "1", "|", "·", "•", "/", "»", "∙", "⋅", "-", "–", "—"]
        ),
        max_size=12,
    ).map("".join)
)
def test_field_separators_hold_a_mark(text: str) -> None:
    # _fields_meta looks for separators only in a line that holds one of their marks (a hyphen
    # or a slash after white space).
    if metadata._FIELD_SEPARATOR.search(text):
        assert metadata._holds_separator(text)


def test_a_spaced_mark_is_one_after_any_white_space() -> None:
    # _holds_separator tells the white space before a spaced mark by str.isspace(), true of
    # every character the pattern's \s matches.
    space = re.compile(r"\s")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        assert (space.fullmatch(char) is not None) is char.isspace(), hex(point)
    for char in (" ", "\t", "\u00a0", "\u2009", "\u3000", "\x1c"):
        for mark in metadata._SPACED_MARKS:
            text = f"a{char}{mark} b"
            assert metadata._FIELD_SEPARATOR.search(text)
            assert metadata._holds_separator(text)
            assert not metadata._holds_separator(f"a{mark}b{char}")


@pytest.mark.parametrize("kit", ["clean-trafilatura", "clean-l3s"])
def test_no_line_of_the_kits_with_a_separator_or_count_is_passed_over(kit: str) -> None:
    # _fields_meta's quick tests leave no line of the kits (as it stands and with its white
    # space made single spaces, within meta_line's 300 characters) that holds a separator or a
    # comment count.
    separated = counted = 0
    for line in kit_lines(kit):
        if len(line) > 300:
            continue
        if metadata._FIELD_SEPARATOR.search(line):
            separated += 1
            assert metadata._holds_separator(line), line
        if metadata._COUNT_SEPARATOR.search(line):
            counted += 1
            assert metadata._may_count(line), line
    assert separated > 1000
    assert counted > 0


@given(
    st.lists(
        st.sampled_from(
            [
                " ",
                "\t",
                "\u00a0",
                "3",
                "12",
                "x",
                "Kommentare",
                "COMMENTS",
                "Antworten",
                "Responses",
                "commentaires",
                "comentarios",
                "\u212aommentar",
                "Re\u017fponse",
                "Comentar\u0131o",
                "COMENTAR\u0130OS",
                "comment",
                "respon",
            ]
        ),
        max_size=8,
    ).map("".join)
)
@example(" 3 \u212aommentare")
@example(" 12 Re\u017fponses")
@example(" 3 COMENTAR\u0130OS")
@example(" 3 comentar\u0131os")
def test_may_count_holds_for_every_count(line: str) -> None:
    # _fields_meta searches a count only in a line _may_count lets through. The Kelvin sign is
    # matched as 'k', long s as 's', dotless and dotted i as 'i'.
    if metadata._COUNT_SEPARATOR.search(line):
        assert metadata._may_count(line)


@given(
    st.lists(
        st.sampled_from(["2019", "20", "1", "9", ". ", ":", "/", " ", "Mai", "x"]), max_size=10
    ).map("".join)
)
def test_spaced_year_is_the_template(text: str) -> None:
    # _fields_meta parts a glued year by a function, which re calls only on a match.
    assert metadata._GLUED_YEAR.sub(metadata._spaced_year, text) == metadata._GLUED_YEAR.sub(
        r"\1 ", text
    )


def test_spaced_year_parts_glued_dates() -> None:
    text = "10. Februar 20199. Februar 2019"
    assert (
        metadata._GLUED_YEAR.sub(metadata._spaced_year, text) == "10. Februar 2019 9. Februar 2019"
    )


_TAIL_PIECES = [
    *metadata._COMMON_TAILS,
    *(tail[1:] for tail in metadata._COMMON_TAILS),
    *(tail[:-1] for tail in metadata._COMMON_TAILS),
    "",
]


@given(st.text(alphabet="abcdefghiklmnorstuvzäöüß", max_size=16), st.sampled_from(_TAIL_PIECES))
def test_a_common_ending_closes_with_one_of_its_tails(stem: str, piece: str) -> None:
    # _is_person searches _COMMON_ENDING only in a word that ends with one of _COMMON_TAILS.
    word = stem + piece
    if metadata._COMMON_ENDING.search(word):
        assert word.endswith(metadata._COMMON_TAILS)


@pytest.mark.parametrize("tail", metadata._COMMON_TAILS)
def test_each_common_tail_closes_a_common_ending(tail: str) -> None:
    assert metadata._COMMON_ENDING.search("anstalt" + tail)


def test_list_marks_open_every_list_marker() -> None:
    # headline_score asks _LIST_MARKER only of a line opening with one of its marks or a digit.
    marks = re.match(r"\^\(\?:\[([^\]]*)\]\|\\d\{1,2\}", metadata._LIST_MARKER.pattern)
    assert marks is not None and set(marks[1]) == metadata._LIST_MARKS
    for point in range(sys.maxunicode + 1):
        assert (re.match(r"\d", chr(point)) is not None) is chr(point).isdecimal(), hex(point)


@given(st.text(alphabet=" \t\n\xa0|·•/»∙⋅-–—ab", max_size=20))
def test_field_separator_reads_as_its_plain_form(line: str) -> None:
    # _FIELD_SEPARATOR opens with its first character's class: the same matches as the plain form.
    plain = re.compile(r"\s+(?:[|·•/»∙⋅]|--?|[–—]|//)\s+|\s*[|·•∙⋅]\s*")
    spans = [match.span() for match in metadata._FIELD_SEPARATOR.finditer(line)]
    assert spans == [match.span() for match in plain.finditer(line)]
    assert metadata._FIELD_SEPARATOR.split(line) == plain.split(line)


def test_a_list_mark_opens_a_list_item_before_any_white_space() -> None:
    # headline_score tells a line that opens with one of _LIST_MARKS by str.isspace, not the
    # pattern.
    for point in range(sys.maxunicode + 1):
        after = chr(point)
        assert (metadata._LIST_MARKER.match(f"*{after}Menu") is not None) is after.isspace()
    for mark in metadata._LIST_MARKS:
        assert metadata._LIST_MARKER.match(f"{mark}\u00a0Menu") is not None
        assert metadata._LIST_MARKER.match(f"{mark}Menu") is None
    for line in ("*", "o", "-"):
        assert metadata._LIST_MARKER.match(line) is None
        assert metadata.headline_score(line, metadata.BodyWords(""), 1) is None


def _meta_line_reference(line: str, day_first: bool | None) -> metadata.MetaLine | None:
    """meta_line as it read every line before _quick_look: a digit, else an opener, else None."""
    if len(line) > 300:
        return None
    digits = re.search("[0-9]", line) is not None
    if not digits and not metadata._OPENER_PARTS.held_in(line):
        return None
    return metadata._read_meta_line.__wrapped__(line, digits, day_first)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe · 3 min read",  # a digit, no date: the reading time leaves a name
        "Jane Doe 12 Kommentare",
        "Leave a comment 3",
        "Von Jane Doe 12 Fotos",
        "by_jane 5",  # an opener as _OPENER_PARTS splits, not as _has_opener does
        "by@jane 5",  # ... and the other way round
        "Jane Doe 3. Mai 2021",
        "Jane Doe 03/05/21",
        "Jane Doe 20\u00ad21",  # a year broken by a soft hyphen
        "JaneDoeNovember 6, 1950",  # a glued month before a year of no date
        "Februar 20199. Februar 2019",  # a day glued to a year: its only number of one digit
        "World Cup 2010",  # a year, and no number of a day or month beside it
        "vonNovember 6, 1950",
        "Sport (360)",
        "5. Apple Unveils Online Movie Rentals",
        "Air Travel (26) \u2013 Autor",
    ],
)
def test_quick_look_leaves_meta_line_as_it_was(line: str) -> None:
    for day_first in (None, True):
        assert metadata.meta_line(line, day_first) == _meta_line_reference(line, day_first)


@pytest.mark.parametrize("kit", ["clean-trafilatura", "clean-l3s"])
def test_quick_look_rejects_no_line_of_the_kits_meta_line_reads(kit: str) -> None:
    # Every line of the kits' pages, as it stands and with its white space made single spaces
    # (as cleaning reads it), that _quick_look leaves before the cache: the full reading finds
    # nothing in it either, whichever way numeric dates are read.
    rejected = 0
    for line in kit_lines(kit):
        encoded = line.encode("latin-1", "ignore")
        if len(line) > 300 or len(encoded) < len(line):
            continue
        if metadata._quick_look(encoded, line) is None:
            rejected += 1
            for day_first in (None, True, False):
                assert _meta_line_reference(line, day_first) is None, (line, day_first)
    assert rejected > 1000


@given(st.text(alphabet="0129 ./-:|_@\u00adMmIinNoOtByYvVJae\u00e9\u0130\u017f", max_size=30))
def test_quick_look_over_made_up_lines(line: str) -> None:
    assert metadata.meta_line(line) == _meta_line_reference(line, None)
