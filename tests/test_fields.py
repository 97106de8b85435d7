"""Fields: which line of a page's header is its headline, and which names are its authors."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup import fields, metadata
from dedup.boilerplate import Line
from dedup.cleaning import clean_document
from dedup.options import CleanOptions
from dedup.records import Document

BODY = [
    "The city council voted on Tuesday to approve a new budget for the coming year, after a long debate.",
    "Officials said that the measure would take effect next month, once the final review is over.",
    "Residents who spoke at the meeting were divided over the plan, which raises taxes on property.",
    "The mayor said he expected the budget to pass again next year, when the council meets in spring.",
]
HEADLINE = "Council approves budget after long debate"
STANDFIRST = "The city council approved the new budget after a long debate over property taxes."


def title_of(*header: str) -> str | None:
    text = "\n".join(["Home | News | Sport | Weather", "", *header, "", "\n\n".join(BODY)])
    return clean_document(Document(id="t", text=text)).title


@pytest.mark.parametrize(
    "header",
    [
        # A standfirst names the body with more of its words, but stands under the headline.
        (HEADLINE, "", STANDFIRST),
        # A kicker above the headline is a few words.
        ("Politics", "", HEADLINE, "", STANDFIRST),
        # The headline stands apart; a line glued under it is a part of it, or a caption.
        ("", HEADLINE, "Photo: Jane Doe / City Archive"),
        # The headline heads the date line of its article.
        (HEADLINE, "3 May 2021"),
    ],
)
def test_the_headline_is_found(header: tuple[str, ...]) -> None:
    assert title_of(*header) == HEADLINE


def test_a_long_standfirst_under_a_short_headline_is_no_headline() -> None:
    # The standfirst names more of the body's words; the short line above it is the headline.
    standfirst = "Council votes for the new budget after a long debate over taxes on property"
    assert title_of("Budget passes at last", standfirst) == "Budget passes at last"


def test_a_headline_closed_by_a_full_stop_is_no_paragraph() -> None:
    # Read as the first paragraph, as it closes as a sentence does; nothing above names the body.
    headline = "Council approves new budget after a long debate. Now taxes on property rise."
    assert title_of(headline) == headline


def test_a_headline_quoted_further_down_wins() -> None:
    # Sites quote their headline in a share text or a comment heading, not the line beside it.
    text = "\n".join(
        [
            "Home | News | Sport | Weather",
            "",
            "Council approves budget after long debate",
            "",
            "Council backs budget after long debate",
            "",
            "\n\n".join(BODY),
            "",
            "12 comments on “Council backs budget after long debate”",
        ]
    )
    assert clean_document(Document(id="t", text=text)).title == (
        "Council backs budget after long debate"
    )


def test_a_headline_repeated_as_the_breadcrumbs_last_item_wins() -> None:
    # A breadcrumb ends with the page it leads to; a menu's items repeat on pages too, but a
    # headline is no item in the middle of a list.
    text = "\n".join(
        [
            "* Home",
            "* News",
            "* Council backs budget after long debate",
            "",
            "Council approves budget after long debate",
            "",
            "Council backs budget after long debate",
            "",
            "\n\n".join(BODY),
        ]
    )
    assert clean_document(Document(id="t", text=text)).title == (
        "Council backs budget after long debate"
    )
    menu = text.replace("* News\n* Council backs", "* Council backs").replace(
        "long debate\n\nCouncil approves", "long debate\n* Contact\n\nCouncil approves"
    )
    assert clean_document(Document(id="t", text=menu)).title == (
        "Council approves budget after long debate"
    )


def test_the_sites_name_atop_the_page_far_from_the_body_is_no_headline() -> None:
    # The masthead opens the dump; the headline, though it names the body with fewer words,
    # stands near it, under the menus.
    menu = [f"* Section {n}" for n in range(10)]
    text = "\n".join(
        [
            "Budget Council Debate",
            "",
            *menu,
            "",
            "Vote on the budget",
            "",
            "\n\n".join(BODY),
        ]
    )
    assert clean_document(Document(id="t", text=text)).title == "Vote on the budget"


def authors_of(*lines: str, after: tuple[str, ...] = ()) -> tuple[str, ...]:
    text = "\n".join(
        ["Home | News | Sport | Weather", "", *lines, "", "\n\n".join(BODY), "", *after]
    )
    return clean_document(Document(id="t", text=text)).authors


def test_a_name_between_headline_and_body_is_the_author() -> None:
    assert authors_of(HEADLINE, "", "Share on Facebook", "", "Jane Doe") == ("Jane Doe",)


@pytest.mark.parametrize(
    "after",
    [
        ("About the author", "Jane Doe", "", "More from this section"),  # under a heading
        ("Jane Doe", "All stories by Jane Doe"),  # the person named again under it
    ],
)
def test_a_name_in_an_author_box_after_the_body_signs_it(after: tuple[str, ...]) -> None:
    assert authors_of(HEADLINE, after=after) == ("Jane Doe",)


def test_a_byline_set_one_name_to_a_line() -> None:
    byline = ("By", "Jane Doe", "and", "John Roe", "3 May 2021")
    assert authors_of(HEADLINE, *byline) == ("Jane Doe", "John Roe")


def test_a_list_of_names_one_to_a_line_closed_by_commas() -> None:
    listed = ("* Jane Doe, PhD ,", "* John Roe1 ,", "* Ann Lee2")
    assert authors_of(HEADLINE, *listed) == ("Jane Doe, PhD", "John Roe", "Ann Lee")
    assert authors_of(HEADLINE, "Jane Doe,", "and John Roe") == ("Jane Doe", "John Roe")
    # Without the commas the lines are a menu's or a list's items.
    assert authors_of("* Jane Doe", "* John Roe", "* Ann Lee", "", HEADLINE) == ()


def test_a_name_in_brackets_closing_the_last_paragraph_signs_it() -> None:
    last = "The council meets again in spring, when the plan is up for review. (Jane Doe) +++"
    assert authors_of(HEADLINE, after=(last,)) == ("Jane Doe",)
    # A quote's speaker is named so too; a paragraph in the body is no signature.
    quoted = '"We will review the plan in spring." (Jane Doe)'
    assert authors_of(HEADLINE, after=(quoted,)) == ()


def test_a_chinese_byline_further_down_closes_the_article() -> None:
    links = tuple(f"Share link {n}" for n in range(14))
    assert authors_of(HEADLINE, after=(*links, "【纠错】 责任编辑： 焦鹏")) == ("焦鹏",)


def test_a_writer_in_full_wins_over_a_sites_account() -> None:
    header = (HEADLINE, "Gespeichert von jdoe am 3. Mai 2021", "", "Ein Beitrag von Jane Doe")
    assert authors_of(*header) == ("Jane Doe",)
    # Alone, the account is the author.
    assert authors_of(HEADLINE, "Gespeichert von jdoe am 3. Mai 2021") == ("jdoe",)


def test_a_byline_that_says_who_wrote_far_under_the_body() -> None:
    # The body found may be a list of teasers over the article; its byline then stands far down.
    far = tuple(f"Teaser number {n} of the section" for n in range(45))
    assert authors_of(HEADLINE, after=(*far, "Written by Jane Doe")) == ("Jane Doe",)
    assert authors_of(HEADLINE, after=(*far, "By Jane Doe")) == ()  # 'By' may start a teaser
    comments = (*far, "Comments", "Written by Jane Doe")
    assert authors_of(HEADLINE, after=comments) == ()


def test_a_name_beside_its_role_or_a_reading_time_under_the_headline() -> None:
    assert authors_of(HEADLINE, "Jane Doe | Senior Reporter") == ("Jane Doe",)
    assert authors_of(HEADLINE, "Jane Doe · 3 min read") == ("Jane Doe",)
    assert authors_of(HEADLINE, "Politics · 3 min read") == ()


def test_a_name_and_role_among_a_list_of_people_signs_nothing() -> None:
    signatories = ("Ann Lee", "Jane Doe, writer", "John Roe")
    assert authors_of(HEADLINE, after=signatories) == ()


BIO = "Jane Doe teaches history at the University of Springfield and writes on cities."


def test_an_author_box_at_the_head_of_the_body() -> None:
    head = (HEADLINE, "", STANDFIRST, "")
    assert authors_of(*head, "* Jane Doe", "", BIO) == ("Jane Doe",)
    # A portrait names its subject again in the body; a list of portraits has several boxes.
    portrait = "Doe has taught there since 2010, after ten years of work in the city's archive."
    assert authors_of(*head, "* Jane Doe", "", BIO, "", portrait) == ()
    other = ("John Roe", "", "John Roe is a historian of the harbour and its trade in the past.")
    assert authors_of(*head, "* Jane Doe", "", BIO, "", *other) == ()


def test_a_name_alone_over_the_notes_signs_the_text() -> None:
    notes = ("Jane Doe", "", "(1) The figures are the council's own, published in May.")
    assert authors_of(HEADLINE, after=notes) == ("Jane Doe",)
    # Without the notes under it the name may be a caption's or a speaker's.
    assert authors_of(HEADLINE, after=("Jane Doe", "", "The figures are the council's.")) == ()


def test_a_name_and_its_role_after_the_body_sign_it() -> None:
    assert authors_of(HEADLINE, after=("Jane Doe", "Chefredakteurin")) == ("Jane Doe",)


def test_a_name_alone_after_the_body_is_no_signature() -> None:
    # A teaser's or a menu's two capitalised words: nothing says they sign the article.
    assert authors_of(HEADLINE, after=("Jane Doe", "", "More from this section")) == ()


@pytest.mark.parametrize(
    ("title_line", "elsewhere", "headline"),
    [
        # A kicker in an element of its own, set off by ' : ' on the headline's line.
        ("Budget row : Council approves budget after long debate", "", HEADLINE),
        # A kicker glued on, the headline quoted alone in the breadcrumb.
        ("Local politics Council approves budget after long debate", f"* {HEADLINE}", HEADLINE),
        # ... or set off by ': ', the page writing the line again with ' : '.
        (
            "Budget row: Council approves budget after long debate",
            "Budget row : Council approves budget after long debate",
            HEADLINE,
        ),
        # ... but not words that read as the headline's own first words.
        ("Budget: Council approves budget after long debate", f"* {HEADLINE}", None),
        ("Coun\xadcil ap\xadproves bud\xadget after long debate", "", HEADLINE),  # soft hyphens
        (f"Headline: {HEADLINE}", "", HEADLINE),  # a label for screen readers
        # Two kickers stacked, the headline alone and with one of them quoted: the shorter wins.
        (
            "Local Springfield Council approves budget after long debate",
            f"* Springfield {HEADLINE}\n* {HEADLINE}",
            HEADLINE,
        ),
        # The kicker set off in a teaser of the same story ('Kicker - the headline shortened').
        (
            "Budget row Council approves budget after long debate",
            "* Budget row - Council backs budget",
            HEADLINE,
        ),
        # The headline as the last step of a breadcrumb, or a numbered crumb.
        (
            "Local politics Council approves budget after long debate",
            f"home / News / {HEADLINE}",
            HEADLINE,
        ),
        ("Local politics Council approves budget after long debate", f"3. {HEADLINE}", HEADLINE),
        # ... or hyphenated softly there, which no reader sees.
        (
            "Local politics Council approves budget after long debate",
            "* Coun\xadcil ap\xadproves budget after long debate",
            HEADLINE,
        ),
        # ... but a kicker that is a crumb of that breadcrumb stays: the page's own.
        (
            "Town Hall Council approves budget after long debate",
            f"Home > News > Town Hall > {HEADLINE}",
            None,
        ),
        # ... but not a teaser of another story.
        (
            "Budget row Council approves budget after long debate",
            "* Budget row - Schools close for summer",
            None,
        ),
    ],
)
def test_the_headline_is_cut_from_its_line(
    title_line: str, elsewhere: str, headline: str | None
) -> None:
    text = "\n".join(
        ["Home | News | Sport | Weather", elsewhere, "", title_line, "", "\n\n".join(BODY)]
    )
    assert clean_document(Document(id="t", text=text)).title == (headline or title_line)


def test_french_spacing_keeps_the_colon() -> None:
    title_line = "Budget : le conseil adopte le budget après un long débat"
    body = [
        "Le conseil municipal a adopté mardi le budget de l'année prochaine : un long débat.",
        "Les habitants étaient divisés sur le plan, qui augmente les impôts fonciers ; le maire a dit qu'il le défendrait.",
        "Le budget sera appliqué le mois prochain, après la révision finale du conseil municipal.",
    ]
    text = "\n".join(["Accueil | Actualités | Sport", "", title_line, "", "\n\n".join(body)])
    assert clean_document(Document(id="t", text=text)).title == title_line


def test_capitalised_common_words_name_no_one() -> None:
    # 'Property Taxes' is written in lower case in the body: common words, not a name.
    assert authors_of(HEADLINE, after=("Property Taxes", "", "More from this section")) == ()


def test_a_name_in_an_e_mail_address_is_still_a_name() -> None:
    # An address writes the author's name in lower case; the prose does not.
    box = ("About the author", "Jane Doe", "Write to her at jane.doe@example.org or @janedoe.")
    assert authors_of(HEADLINE, after=box) == ("Jane Doe",)


def test_a_capitalised_particle_is_no_common_word() -> None:
    # The prose writes 'de' in lower case; in the name it is a particle, not a common word.
    after = ("The plan was drafted with the help of the office de la ciudad and the mayor.",)
    assert authors_of(HEADLINE, "", "Ana De Vita", "3 May 2021", after=after) == ("Ana De Vita",)


def test_the_person_holding_the_copyright_is_the_author_when_no_one_else_is() -> None:
    footer = ("More from this section", "", "© 2020 Jane Doe. All rights reserved.")
    assert authors_of(HEADLINE, after=footer) == ("Jane Doe",)
    assert authors_of(HEADLINE, "By John Roe", after=footer) == ("John Roe",)


def test_the_legal_links_of_a_footer_name_no_one() -> None:
    # 'Privacy Policy' stands over a line that starts with it again, as an author box's name
    # stands over the person's biography; its words are a footer's, not a name's.
    footer = (
        "Copyright © 2019 Example Media Group - All Rights Reserved.",
        "* Terms of Service",
        "* Privacy Policy",
        "* Privacy Policy European Union",
    )
    assert authors_of(HEADLINE, after=footer) == ()


def test_weekdays_and_months_name_no_one() -> None:
    # Opening hours under the article: 'Di' opens an Italian byline, 'Dienstag' is no name.
    hours = ("Öffnungszeiten", "Mo Montag", "08.30 - 12.00 Uhr -", "Di Dienstag", "-", "14.30 Uhr")
    assert authors_of(HEADLINE, after=hours) == ()


def test_a_name_under_the_headline_wins_over_a_signature_after_the_body() -> None:
    assert authors_of(HEADLINE, "", "Jane Doe", after=("John Roe",)) == ("Jane Doe",)


def test_a_name_alone_far_above_the_body_is_a_sidebars() -> None:
    # A name beside a date, thirty lines above the article: a sidebar's teaser.
    sidebar = ["Jane Doe", "3 May 2021", *[f"Teaser number {n} of the sidebar" for n in range(30)]]
    assert authors_of(*sidebar, "", HEADLINE) == ()


@pytest.mark.parametrize(
    "note", ["4 Min. Lesedauer", "12 minute read", "Aktualisiert: vor 20 Stunden", "2 hours ago"]
)
def test_a_reading_time_or_an_age_is_no_headline(note: str) -> None:
    assert title_of("Budget", "", note) != note


def test_a_notice_above_the_headline_is_not_the_body() -> None:
    notice = "You are using an older browser version, so please use a supported one for the best experience."
    assert title_of(notice, "", HEADLINE, "3 May 2021") == HEADLINE


def test_a_kicker_is_cut_when_a_breadcrumb_quotes_the_headline_shortened() -> None:
    text = "\n".join(
        [
            "Home | News | Sport | Weather",
            "",
            "* Council approves budget",
            "",
            "Town Hall Council approves budget after long debate",
            "",
            "\n\n".join(BODY),
        ]
    )
    assert clean_document(Document(id="t", text=text)).title == (
        "Council approves budget after long debate"
    )


def test_a_subheading_in_the_body_is_no_headline() -> None:
    # A short headline above the body names few of its words; a subheading under the first
    # paragraph, scored against the body under it, must name it much better to win.
    text = "\n".join(
        [
            "Home | News | Sport | Weather",
            "",
            "Budget vote",
            "",
            BODY[0],
            "",
            "Officials and the measure",
            "",
            "\n\n".join(BODY[1:] + BODY + BODY),
        ]
    )
    assert clean_document(Document(id="t", text=text)).title == "Budget vote"


def test_a_headline_over_its_date_under_many_notices() -> None:
    # The paragraphs above it are notices; the line over the date line heads the article.
    notices = [
        "Thank you for signing up. We have sent you a link to activate your account.",
        "Your account is now active. We wish you a pleasant read of our pages.",
        "You now have full access to all of our articles. We wish you a pleasant read.",
        "Thank you for your order. We wish you a pleasant read of our pages.",
        "You have chosen the national edition. We wish you a pleasant read of our pages.",
        "You have chosen the local edition. We wish you a pleasant read of our pages.",
    ]
    assert (
        title_of(*[n for notice in notices for n in (notice, "")], HEADLINE, "3 May 2021")
        == HEADLINE
    )


def test_an_author_box_further_down_under_its_heading() -> None:
    links = tuple(f"Share link {n}" for n in range(12))
    assert authors_of(HEADLINE, after=(*links, "Über den Autor", "Jane Doe")) == ("Jane Doe",)


def test_an_author_box_further_down_over_a_link_to_the_posts() -> None:
    links = tuple(f"Share link {n}" for n in range(12))
    assert authors_of(HEADLINE, after=(*links, "Jane Doe", "Weitere Beiträge")) == ("Jane Doe",)


def test_a_name_beside_the_date_lines_that_close_the_article() -> None:
    closing = (
        "Erstveröffentlichung",
        "3 May 2021",
        "Letzte Aktualisierung",
        "4 May 2021",
        "Jane Doe",
    )
    assert authors_of(HEADLINE, after=closing) == ("Jane Doe",)
    # Labels of date lines are no name; a name under a later date line of the page is a teaser's.
    assert authors_of(HEADLINE, after=("Letzte Aktualisierung", "3 May 2021")) == ()
    teasers = ("3 May 2021", *[f"Teaser number {n} of the sidebar" for n in range(4)])
    assert authors_of(HEADLINE, after=(*teasers, "1 May 2021", "Jane Doe")) == ()


def test_empty_list_items_between_a_name_and_its_date_line() -> None:
    assert authors_of("Jane Doe", "*", "*", "*", "3 May 2021", "", HEADLINE) == ("Jane Doe",)


def test_a_date_line_that_names_someone_names_no_one_beside_it() -> None:
    # 'Jane Doe | 3 May 2021' names the author; the tags above it are no second name.
    after = ("Harbour Festival Springfield", "Jane Doe | 3 May 2021")
    assert authors_of(HEADLINE, after=after) == ("Jane Doe",)


def test_a_name_under_the_headline_wins_over_a_byline_after_the_body() -> None:
    # A teaser's byline under the article is no match for the name under its headline; alone,
    # it is the author still.
    after = ("3 May 2021 - Concert - John Roe",)
    assert authors_of(HEADLINE, "", "Jane Doe", after=after) == ("Jane Doe",)
    assert authors_of(HEADLINE, after=("By John Roe",)) == ("John Roe",)


def test_a_dated_byline_further_down_opens_with_its_opener() -> None:
    links = tuple(f"* Teaser number {n} of the section" for n in range(14))
    closing = "erstellt von Jane Doe — veröffentlicht 3. Mai 2021 06:00"
    assert authors_of(HEADLINE, after=(*links, closing)) == ("Jane Doe",)
    teaser = "* Neue Kurse von Jane Doe mit vielen Terminen 3. Mai 2021"
    assert authors_of(HEADLINE, after=(*links, teaser)) == ()


def test_a_name_with_its_role_after_the_body_signs_it() -> None:
    links = tuple(f"Share link {n}" for n in range(12))
    assert authors_of(HEADLINE, after=(*links, "Jane Doe Autorin", "* Partei")) == ("Jane Doe",)
    assert authors_of(HEADLINE, after=(*links, "Jane Doe", "* Partei")) == ()


def test_a_section_glued_to_a_name_beside_a_date_is_cut() -> None:
    menu = ("* Kultur", "* Sport", "")
    line = "3. Mai 2021 Jane Doe Kultur"
    assert authors_of(*menu, HEADLINE, line) == ("Jane Doe",)
    # A name the page writes so again keeps its last word, a menu's item though it be.
    again = ("Mehr Beiträge von Rechtsanwalt Jane Kultur",)
    assert authors_of(*menu, HEADLINE, "3. Mai 2021 Rechtsanwalt Jane Kultur", after=again) == (
        "Rechtsanwalt Jane Kultur",
    )


@pytest.mark.parametrize(
    ("after", "authors"),
    [
        (("Jane Doe", "Doe writes on city politics since 2010", "More"), ("Jane Doe",)),  # a bio
        (("* Oak Tree Guide", "* Birch Tree Guide", "* Beech Tree Guide"), ()),  # a list's items
        (("Springfield Shelter", "Harbour Road 39", "13057 Springfield"), ()),  # an address
        (("Jane Doe", "* Another Doe in a list of many things"), ()),
    ],
)
def test_an_author_box_names_the_person_again_in_full_or_in_a_sentence(
    after: tuple[str, ...], authors: tuple[str, ...]
) -> None:
    assert authors_of(HEADLINE, after=after) == authors


def test_a_name_over_its_handle_and_address_beside_a_date() -> None:
    header = ("Jane Doe", "janedoe", "janedoe@example.org", "3 May 2021", "")
    assert authors_of(*header, HEADLINE) == ("Jane Doe",)


def test_an_opener_alone_over_a_user_name_in_a_list() -> None:
    assert authors_of(HEADLINE, "* Artikel von:", "* janedoe", "") == ("janedoe",)
    # A menu's link to the about page under its heading names no one.
    assert authors_of("* Autor", "+ Über-Ich", "", HEADLINE) == ()


def test_a_user_name_after_a_weak_opener_named_again_on_the_page() -> None:
    menu = ("Janedoe", "* Links", "* janedoe", "")
    assert authors_of(*menu, HEADLINE, "", "von janedoe") == ("janedoe",)
    # Not named again: 'by contrast' may be prose's.
    assert authors_of("* Links", "", HEADLINE, "", "by contrast") == ()


def test_a_menus_item_beside_the_date_is_no_byline() -> None:
    menu = ("* Reviews", "* Guestbook", "* Jane Doe")
    assert authors_of(*menu, "3 May 2021", HEADLINE, after=("Posted by John Roe at 10:52",)) == (
        "John Roe",
    )
    # A name alone over the date is its author.
    assert authors_of("* Reviews", "", "Jane Doe", "3 May 2021", HEADLINE) == ("Jane Doe",)
    # A date alone as an item makes the list the entry's fields: date, author, categories.
    fields = ("* 3 May 2021", "* Jane Doe", "* Apple, Hardware")
    assert authors_of(*fields, HEADLINE) == ("Jane Doe",)


def test_a_name_beside_how_long_ago_the_page_was_published() -> None:
    assert authors_of("Jane Doe", "vor 2 Stunden", HEADLINE) == ("Jane Doe",)
    assert authors_of(HEADLINE, "Jane Doe | Publicado hace 3 horas") == ("Jane Doe",)


def test_a_word_of_the_pages_sentences_beside_a_date_is_no_user_name() -> None:
    assert authors_of(HEADLINE, "jdoe — 3 May 2021") == ("jdoe",)
    assert authors_of(HEADLINE, "voted — 3 May 2021") == ()  # the body writes 'voted'


def test_a_name_set_off_by_a_dash_under_the_text_signs_it() -> None:
    assert authors_of(HEADLINE, after=("- Jane Doe",)) == ("Jane Doe",)
    # Names each set off by a dash are a list's items.
    assert authors_of(HEADLINE, after=("- Jane Doe", "- John Roe")) == ()
    # A quote's speaker.
    assert authors_of(HEADLINE, after=('"Never give up."', "- Jane Doe")) == ()


def test_a_byline_before_a_long_list_of_tags_under_the_body() -> None:
    tags = " , ".join(f"Topic {chr(65 + n)}" for n in range(20))
    after = (
        *(f"Share link {n}" for n in range(14)),
        f"Posted by Jane Doe at 18:52 Tagged with: {tags}",
    )
    assert authors_of(HEADLINE, after=after) == ("Jane Doe",)


def test_an_opener_and_a_user_name_beside_the_date_line() -> None:
    assert authors_of(HEADLINE, "3 May 2021", "By jdoe") == ("jdoe",)
    assert authors_of(HEADLINE, "von Jane1", "am 03.05.2021") == ("Jane1",)


def test_a_blogs_entry_line_names_the_author_before_the_categories() -> None:
    menu = ("* Garden", "* Balcony")
    entry = "3 May 2021 Jane Doe Garden , Balcony 2"
    assert authors_of(*menu, HEADLINE, entry) == ("Jane Doe",)
    # Where the name ends is not known when the page lists no category alone.
    assert authors_of(HEADLINE, entry) == ()


def test_the_breadcrumbs_last_crumb_names_the_headline() -> None:
    # A breadcrumb ends with the page it leads to: the line it repeats is the headline, though
    # the line under it names more of the body's words.
    header = ("Council budget debate", "", "Council approves new budget after a long debate")
    assert title_of(*header) == "Council approves new budget after a long debate"
    assert title_of("Home › Politics › Council budget debate", "", *header) == (
        "Council budget debate"
    )
    # A section's name ends a breadcrumb too: a line with words the body lacks gains nothing.
    section = ("City Hall Politics", "", "Council approves new budget after a long debate")
    assert title_of("Home › City Hall Politics", "", *section) == section[2]


def test_a_headline_after_the_date_that_opens_its_line() -> None:
    # A list of articles sets each one's date before its headline; the article's own may keep it.
    assert title_of("3 May 2021 Council approves budget after long debate") == HEADLINE
    # The date line under a headline stays a date line.
    assert title_of(HEADLINE, "3 May 2021 Jane Doe") == HEADLINE


def test_the_last_crumb_of_a_breadcrumb_is_no_author() -> None:
    # Two capitalised words beside a date read as a name, but the breadcrumb ends with them:
    # the headline ('Books » Anna Karenina'), not its author.
    header = ("Home » Books » Anna Karenina", "Books | 3 May 2021", "", "Anna Karenina")
    text = "\n".join(["Home | News | Sport | Weather", "", *header, "", "\n\n".join(BODY)])
    article = clean_document(Document(id="t", text=text))
    assert (article.title, article.authors) == ("Anna Karenina", ())


def test_a_link_arrow_makes_no_quote_of_a_line() -> None:
    # '<Council budget ...' is the same line as a link back, not a longer line quoting it.
    other = "Council budget for next year"
    header = (f"<{other}", "", HEADLINE, "", other)
    text = "\n".join(["Home | News | Sport | Weather", *header, "", "\n\n".join(BODY)])
    assert clean_document(Document(id="t", text=text)).title == HEADLINE


@pytest.mark.parametrize(
    ("under", "taken"),
    [
        # A headline closed by a full stop, over its byline or date right above the body.
        ("By Jane Doe", True),
        ("3 May 2021", True),
        # ... but the same sentence over other lines reads as prose, not as a headline.
        ("Share on Facebook", False),
    ],
)
def test_a_headline_over_its_byline_may_close_with_a_full_stop(under: str, taken: bool) -> None:
    headline = "Council votes budget after long debate."
    text = "\n".join(["Home | News | Sport | Weather", "", headline, under, "", "\n\n".join(BODY)])
    assert (clean_document(Document(id="t", text=text)).title == headline) == taken


def test_the_masthead_opening_the_dump_far_above_the_body_is_no_headline() -> None:
    # The site's name names the body's subject too ('City Council Budget Watch'), but stands
    # first in the dump, a menu away from the body; the short headline over the body wins.
    menu = [f"* {item}" for item in ("News", "Sport", "Weather", "Culture", "Opinion", "Jobs")]
    menu += [f"* {item}" for item in ("Business", "Travel", "Contact", "About")]
    text = "\n".join(
        ["City Council Budget Watch", "", *menu, "", "Budget approved", "", "\n\n".join(BODY)]
    )
    assert clean_document(Document(id="t", text=text)).title == "Budget approved"


def test_a_line_written_twice_running_is_not_quoted() -> None:
    # A site's name printed twice (a logo's text and the name) is two lines, not a longer line
    # quoting it as a headline's echo would.
    header = ("City council budget", "City council budget", "", HEADLINE)
    text = "\n".join(["Home | News | Sport | Weather", "", *header, "", "\n\n".join(BODY)])
    assert clean_document(Document(id="t", text=text)).title == HEADLINE


BLURB = (
    "I write about cities and the people who run them, and I have reported on the council of "
    "this town for more than ten years.",
    "I also teach a course on local politics at the university, where my students keep me honest.",
)


@pytest.mark.parametrize(("dated", "title"), [(True, HEADLINE), (False, None)])
def test_a_headline_under_the_paragraphs_that_open_the_page(dated: bool, title: str | None) -> None:
    # An author's blurb opens the page and the body: the line over the date line under it is
    # the headline. Without a date line there, no line of a body that opens the page is.
    date = ["3 May 2021"] if dated else []
    text = "\n\n".join([*BLURB, HEADLINE, *date, *BODY])
    article = clean_document(Document(id="t", text=text))
    assert article.title == title
    assert clean_document(Document(id="t", text=article.text)).text == article.text


@pytest.mark.parametrize(
    "word",
    ["media", "social", "doe", "jane", "markus", "reuter", "handball", "ch", "letzte", "soc", ""],
)
def test_writes_in_lower_case_is_the_pages_lower_case_words(word: str) -> None:
    prose = (
        "Jane Doe writes on social media. Write to markus.reuter@example.org, or see\n"
        "handball.ch and doe-eyed pages; the letzte word, 3rd, _social and média."
    )
    lower_case = {w for w in fields._PROSE_WORD.findall(prose) if w.islower()}
    assert fields._writes_in_lower_case(prose, word) is (word in lower_case)


def test_the_date_that_opens_a_lead_under_a_standfirst() -> None:
    # A press release dates its lead; a standfirst may stand above it, in the body.
    lead = f"14.03.2023 – {BODY[0]}"
    text = "\n".join([HEADLINE, "", STANDFIRST, "", lead, "", "\n\n".join(BODY[1:])])
    assert clean_document(Document(id="t", text=text)).date == "2023-03-14"
    # A date line of the header counts first.
    dated = "\n".join([HEADLINE, "", "2. März 2023", "", STANDFIRST, "", lead, "", *BODY[1:]])
    assert clean_document(Document(id="t", text=dated)).date == "2023-03-02"


def test_a_name_under_a_date_under_its_byline_is_no_second_name() -> None:
    # 'Tipps von' / 'Jane Doe' / date: the line under the date is a heading, not a name.
    header = ["Tipps von", "* Jane Doe", "14.03.2023", "", "Harbour Festival Guide", "", HEADLINE]
    text = "\n".join([*header, "", "\n\n".join(BODY)])
    article = clean_document(Document(id="t", text=text), CleanOptions(explain=True))
    rules = {v["text"]: v["rule"] for v in article.extra["explain"]}
    assert article.authors == ("Jane Doe",)
    assert rules["Harbour Festival Guide"] != "byline"


def test_the_date_that_opens_the_headline_over_the_body() -> None:
    # A list's habit kept by the article's own headline: the date before it is the article's.
    headline = "14.03.2023 - Council approves the new city budget after a long debate"
    text = "\n".join(["Home | News | Sport | Weather", "", headline, "", *BODY])
    assert clean_document(Document(id="t", text=text)).date == "2023-03-14"


def test_a_post_note_under_related_posts_dates_the_page_over_an_events_date() -> None:
    text = "\n\n".join(
        [
            "Dates of our tastings",
            "Termin: 21.02.2021, 19 Uhr",
            "Wir laden wieder zu unseren Verkostungen ein, wie in jedem Jahr im Frühling, und freuen "
            "uns auf alle Gäste, die kommen mögen, um mit uns zu probieren und zu feiern.",
            "Ähnliche Beiträge",
            "* Eine andere Verkostung",
            "Der Beitrag wurde am Mittwoch, den 27. November 2020 um 15:21 Uhr veröffentlicht und "
            "wurde unter Allgemein, Tastings abgelegt.",
        ]
    )
    assert clean_document(Document(id="t", text=text)).date == "2020-11-27T15:21:00"


def test_a_labelled_date_far_under_the_body_dates_the_page() -> None:
    paragraph = (
        "Die Gemeinde hat am Abend über den neuen Haushalt beraten und wird im kommenden Monat "
        "darüber abstimmen, nachdem die Bürger ihre Einwände vorbringen konnten."
    )
    furniture = [f"* Link {n}" for n in range(16)]
    text = "\n\n".join(
        ["Neuer Haushalt", paragraph, paragraph, *furniture, "Erschienen am: 03.05.2021"]
    )
    assert clean_document(Document(id="t", text=text)).date == "2021-05-03"
    unlabelled = text.replace("Erschienen am: ", "Termin: ")
    assert clean_document(Document(id="t", text=unlabelled)).date is None


def test_a_sidebars_list_of_dated_posts_does_not_date_the_page() -> None:
    lines = [
        Line(1, text, False)
        for text in [
            "* [ 14. Mai 2021 ] Ein Titel",
            "* Ohne Datum",
            "* [ 12. Mai 2021 ] Noch einer",
        ]
    ]
    assert fields._teaser_item(lines, 0) and fields._teaser_item(lines, 2)
    fields_only = [Line(1, text, False) for text in ["* 3. Mai 2021", "* Updated: 5. Mai 2021"]]
    assert not fields._teaser_item(fields_only, 0)
    numbered = [
        Line(1, text, False) for text in ["6. November 2023", "* Ein Titel 5. November 2023"]
    ]
    assert not fields._teaser_item(numbered, 0)


def test_a_desk_beside_the_date_is_the_author_when_no_one_is_named() -> None:
    paragraph = (
        "Die Gemeinde hat am Abend über den neuen Haushalt beraten und wird im kommenden Monat "
        "darüber abstimmen, nachdem die Bürger ihre Einwände vorbringen konnten."
    )
    text = "\n\n".join(
        ["Neuer Haushalt beschlossen", "Redaktion - 3. Mai 2021", paragraph, paragraph]
    )
    assert clean_document(Document(id="t", text=text)).authors == ("Redaktion",)
    named = text.replace("Redaktion - ", "Von Jane Doe\n\nRedaktion - ")
    assert clean_document(Document(id="t", text=named)).authors == ("Jane Doe",)


def test_a_user_name_before_the_date_named_again_is_the_author() -> None:
    paragraph = (
        "Die Gemeinde hat am Abend über den neuen Haushalt beraten und wird im kommenden Monat "
        "darüber abstimmen, nachdem die Bürger ihre Einwände vorbringen konnten."
    )
    text = "\n\n".join(
        [
            "Neuer Haushalt beschlossen",
            "JaneDoe 18.10.2021, 15:07 Uhr",
            paragraph,
            paragraph,
            "JaneDoe",
        ]
    )
    assert clean_document(Document(id="t", text=text)).authors == ("JaneDoe",)
    once = text.rsplit("\n\n", 1)[0]
    assert clean_document(Document(id="t", text=once)).authors == ()


def test_a_teasers_byline_under_the_first_paragraphs_loses_to_the_headers() -> None:
    paragraph = (
        "Die Gemeinde hat am Abend über den neuen Haushalt beraten und wird im kommenden Monat "
        "darüber abstimmen, nachdem die Bürger ihre Einwände vorbringen konnten."
    )
    text = "\n\n".join(
        [
            "Neuer Haushalt beschlossen",
            "Von Jane Doe",
            "3. Mai 2021",
            *[
                f"* {name}"
                for name in ("Facebook", "Twitter", "Link", "Mail", "Reddit", "WhatsApp")
            ],
            paragraph,
            paragraph,
            "Zuerst im Newsletter: Was die Stadt plant",
            "Von John Roe",
            paragraph,
            paragraph,
        ]
    )
    assert clean_document(Document(id="t", text=text)).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("banner", "expected"),
    [
        ("* 28. Januar 2021", "2021-01-28"),  # the publication, before the change
        ("* 28. Juni 2021", "2021-05-03"),  # a later date is the day's banner, no publication
    ],
)
def test_a_date_of_the_last_change_loses_to_the_publications_beside_it(
    banner: str, expected: str
) -> None:
    paragraph = (
        "Die Gemeinde hat am Abend über den neuen Haushalt beraten und wird im kommenden Monat "
        "darüber abstimmen, nachdem die Bürger ihre Einwände vorbringen konnten."
    )
    text = "\n\n".join(
        [
            "Neuer Haushalt beschlossen",
            banner,
            "* Jane Doe",
            "* Aktualisiert: 3. Mai 2021",
            paragraph,
            paragraph,
        ]
    )
    assert clean_document(Document(id="t", text=text)).date == expected


def test_marks_stripped_off_a_folded_line_are_those_off_the_line() -> None:
    # _with_echoes strips the marks off lines casefolded once for the title's search: the same
    # as folding the stripped lines, as a mark folds to itself and nothing else folds to a mark.
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char in fields._BULLETS:
            assert char.casefold() == char, hex(point)
        else:
            assert not any(c in fields._BULLETS for c in char.casefold()), hex(point)
        # ... and _crumb_ends finds the arrows in the folded page, the lines that hold them.
        if char in fields._ARROWS:
            assert char.casefold() == char, hex(point)
        else:
            assert not any(c in fields._ARROWS for c in char.casefold()), hex(point)


@pytest.mark.parametrize(
    ("other", "quoted"),
    [
        ("Share: The headline of the day!", True),  # quoted in a longer line
        ("> The headline of the day", False),  # the line again, marks around it
        ("the headline of the day | THE HEADLINE OF THE DAY", True),  # twice in one line
        ("Nothing here", False),
    ],
)
def test_with_echoes_counts_a_key_in_the_lines_stripped(other: str, quoted: bool) -> None:
    texts = ["Jane wins the big award", "The headline of the day", "Some text", other]
    lines = [Line(k, text, False) for k, text in enumerate(texts)]
    folded = fields._folded_lines(lines)
    body = metadata.BodyWords("")  # the compiled install checks the argument's type
    best = fields._with_echoes(lines, folded, "\n".join(folded), [(1.0, 0), (0.5, 1)], body)
    assert best == ((0.5 + fields._W_QUOTED, 1) if quoted else (1.0, 0))


# Lines of the words and marks BodyWords reads, some of them removed (a rule set).
_BODY_LINES = st.lists(
    st.tuples(
        st.lists(
            st.sampled_from(
                ["Council", "COUNCILS", "Übermäßig", "ÜBERMÄSSIGE", "Σοφοσ", "ΣΟΦΟΣ", "İstanbul",
                 "the", "2021", "elections", "–", "„", "“", ",", "."]
            ),
            max_size=6,
        ).map(" ".join),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)  # fmt: skip


@given(_BODY_LINES)
def test_words_below_a_line_are_those_of_the_kept_lines_under_it(
    rows: list[tuple[str, bool]],
) -> None:
    lines = [Line(k, text, False) for k, (text, _) in enumerate(rows)]
    for line, (_, removed) in zip(lines, rows, strict=True):
        line.rule = "menu" if removed else None
    below = fields._WordsBelow(lines, 0, len(lines))
    for index in range(len(lines) + 1):
        kept = " ".join([line.text for line in lines[index:] if not line.rule])
        words = below.under(index)
        expected = metadata.BodyWords(kept)
        assert words.has_words() is expected.has_words()
        for word in metadata.content_words(" ".join(text for text, _ in rows)):
            assert words.holds(word) is expected.holds(word), (index, word)
            assert words.holds_stem(word[:6]) is expected.holds_stem(word[:6]), (index, word)
        assert below.under(index) is words  # asked again, the same words


def test_no_character_folds_to_a_newline() -> None:
    # _lines_holding searches the folded lines joined by newlines: a match is inside one line.
    for point in range(sys.maxunicode + 1):
        if point != ord("\n"):
            assert "\n" not in chr(point).casefold(), hex(point)


def test_lines_holding_finds_each_line_once_in_order() -> None:
    folded = ["the headline", "home > the headline", "nothing", "headline again, headline", "x"]
    assert fields._lines_holding(folded, {"headline"}) == [0, 1, 3]
    assert fields._lines_holding(folded, {"nothing", "home", "x"}) == [1, 2, 4]
    assert fields._lines_holding(folded, {"absent"}) == []
    assert fields._lines_holding(folded, {"x", ""}) == [0, 1, 2, 3, 4]


def test_closes_a_list_reads_the_last_item_only() -> None:
    lines = [
        Line(1, "* Home", False),
        Line(2, "* The long headline", False),
        Line(3, "1. Other headline here", False),
        Line(4, "Some text", False),
        Line(5, "* Sec\xadond headline", False),
    ]
    folded = [line.text.casefold() for line in lines]
    page = "\n".join(folded)
    assert not fields._closes_a_list(lines, folded, page, "home", False)  # an item follows it
    assert not fields._closes_a_list(lines, folded, page, "the long headline", False)
    assert fields._closes_a_list(lines, folded, page, "other headline here", False)
    assert not fields._closes_a_list(lines, folded, page, "some text", False)  # no item
    # The key drops the soft hyphen its line holds: found when the page is said to hold one.
    assert fields._closes_a_list(lines, folded, page, "second headline", True)
    assert not fields._closes_a_list(lines, folded, page, "second headline", False)


def test_crumb_ends_are_the_last_crumbs_of_arrowed_lines() -> None:
    texts = [
        "Login | Contact | Impressum",  # bars part a menu's items
        "Home > Politik > The council approves the budget",
        "Home / News / Sport",  # slashes too
        "* Start › Sport › Fußball",
        "Nothing here",
    ]
    lines = [Line(k, text, False) for k, text in enumerate(texts)]
    assert fields._crumb_ends(lines) == {"the council approves the budget", "fussball"}
    page = "\n".join(fields._folded_lines(lines))
    assert fields._crumb_ends(lines, page) == {"the council approves the budget", "fussball"}
    assert fields._crumb_ends([lines[0], lines[2], lines[4]]) == set()


def test_step_marks_are_the_crumb_steps_marks() -> None:
    # _headline_of asks _CRUMB_STEP only of a line that holds one of the marks its class lists.
    assert fields._CRUMB_STEP.pattern == rf"\s+[{''.join(fields._STEP_MARKS)}]\s+"


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII",
        "Straße über MÜNCHEN",
        "5 µm ÀÉÎÕÜ ÿ",
        "„Zitat“ – Ärger",
        "Σίσυφος",
        "ß",
        "",
        "„Warum?“ – Ärger",  # a '?' of its own: casefold
        # A few characters past Latin-1, folded alone.
        "Der Ärger über die Straße in MÜNCHEN, 5 µm breit, „ÀÉÎ“ – sagt Σ und 𝐀 im Rathaus",
        "中文标题 – Ärger",  # mostly past Latin-1: casefold
    ],
)
def test_folded_lines_are_casefolded(text: str) -> None:
    assert fields._folded_lines([Line(0, text, False)]) == [text.casefold()]
    assert bytes(range(256)).decode("latin-1").casefold() == "".join(
        "ss" if code == 0xDF else "\u03bc" if code == 0xB5 else chr(fields._LATIN1_CASEFOLD[code])
        for code in range(256)
    )


def test_own_folds_are_their_own_folds() -> None:
    # _folded_past_ascii folds a character past Latin-1 alone unless it is one of them.
    for char in fields._OWN_FOLDS:
        assert char.casefold() == char and ord(char) > 0xFF, hex(ord(char))


def test_part_marks_stand_in_every_title_part() -> None:
    # _headline_of parts a line by _TITLE_PART only when it holds one of the marks.
    marks = "".join(fields._PART_MARKS[:-1])
    assert fields._TITLE_PART.pattern == rf"\s+[{marks}]\s+|{fields._PART_MARKS[-1]}\s+"


@given(
    st.lists(
        st.sampled_from(["Jane", "jdoe", "@", "example.org", "*", " ", "-", "Ä", "1", "_"]),
        max_size=5,
    ).map("".join)
)
def test_unworded_is_the_patterns(text: str) -> None:
    # The quick test of an opening capital gives what the patterns give.
    expected = fields._ALNUM.search(text) is None or fields._CONTACT.match(text) is not None
    assert fields._unworded(text) is expected


_COPYRIGHT_PIECES = [
    "(c)", "(C)", "(", "c", "C", ")", "©", "opyright", "OPYRIGHT", "opyrigh", "x", "\u0100",
]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_COPYRIGHT_PIECES), max_size=6).map("".join), max_size=8))
def test_copyright_lines_are_the_lines_holding_a_sign(texts: list[str]) -> None:
    # The bracketed signs found at the closing brackets: the lines are those that hold a sign.
    signs = {"©", "opyright", "OPYRIGHT", "(c)", "(C)"}
    expected = [k for k, text in enumerate(texts) if any(sign in text for sign in signs)]
    assert fields._copyright_lines(texts) == expected


# Line ends for is_paragraph: marks that close a sentence, quotes and brackets after them, others.
_ENDS = st.text(alphabet=".!?…:;\"'”’»)“(a \n\t", max_size=8)


@given(_ENDS, st.integers(min_value=0, max_value=40))
def test_is_paragraph_is_its_tests_in_either_order(end: str, words: int) -> None:
    # The end read at once is the pattern's search, and asked first it answers as before.
    text = " ".join(["word"] * words) + end
    closes = fields._SENTENCE_CLOSE.search(text) is not None
    assert fields._closes_sentence(text) == closes
    long = len(text.split(None, fields._HEADLINE_MAX_WORDS)) > fields._HEADLINE_MAX_WORDS
    expected = long or (closes and not text.endswith(("?", "!", "?»", "?“", '?"')))
    assert fields.is_paragraph(Line(1, text, False, kind="prose")) == expected
