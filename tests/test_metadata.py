"""Metadata recognisers, each on small lines written here."""

from __future__ import annotations

import pytest

from dedup import metadata


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
    ],
)
def test_byline(line: str, names: list[str] | None) -> None:
    assert metadata.byline(line) == names


@pytest.mark.parametrize(
    ("text", "outlet"),
    [("China Daily", "China Daily"), ("Xinhua", "Xinhua"), ("Weather", None)],
)
def test_outlet_name(text: str, outlet: str | None) -> None:
    assert metadata.outlet_name(text) == outlet


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


def test_glued_date() -> None:
    found = metadata.glued_date("date 2021-04-20 BEIJING, April 20 (Xinhua) -- Leaders met today.")
    assert found is not None and found[0].iso() == "2021-04-20"


@pytest.mark.parametrize(
    ("line", "scored"),
    [
        ("Council approves budget", True),
        ("* Council approves budget", False),  # a list item
        ("The council approved the budget.", False),  # a sentence
        ("Weather and traffic", False),  # nothing of the body
    ],
)
def test_headline_score(line: str, scored: bool) -> None:
    body = metadata.content_words("The council approves the budget after a long debate.")
    assert (metadata.headline_score(line, body, 1) is not None) == scored
