"""Fixes to problems a QA review found: glued list bullets, old rural municipalities ("mlk")."""

from __future__ import annotations

import pytest

from vastausanalyysi.clusters.statements import split_text
from vastausanalyysi.nlp.pipeline import lemmatize, load_pipeline, make_docs
from vastausanalyysi.report.quotes import clean_quote

# --- 1. a bullet written against its word ("-tiedonkulku") -------------------------------------

GLUED = "-tiedonkulku\n-yhteiset tilat\n•asukkaiden osallisuus\n*tapaamiset"


def test_split_text_drops_a_glued_bullet() -> None:
    assert split_text(GLUED) == [
        "tiedonkulku",
        "yhteiset tilat",
        "asukkaiden osallisuus",
        "tapaamiset",
    ]
    assert split_text("-tiedonkulku heikkoa") == ["tiedonkulku heikkoa"]
    assert split_text("–tiedonkulku heikkoa") == ["tiedonkulku heikkoa"]


@pytest.mark.parametrize(
    "text", ["-20 % vähemmän kuin ennen", "sote -palvelut toimivat", "sosiaali- ja terveys"]
)
def test_split_text_keeps_a_minus_sign_and_dashes_inside_a_line(text: str) -> None:
    assert split_text(text) == [text]


def test_clean_quote_drops_a_glued_bullet() -> None:
    assert clean_quote(GLUED) == "tiedonkulku; yhteiset tilat; asukkaiden osallisuus; tapaamiset"
    assert clean_quote("-20 % vähemmän") == "-20 % vähemmän"
    assert clean_quote("sote -palvelut") == "sote -palvelut"


def test_lemmas_have_no_glued_bullet() -> None:
    texts = [GLUED, "Hyvä.\n  -tiedonkulku heikkoa", "\r\n-Asukkaiden osallisuus"]
    expected = [
        ["tiedonkulku", "yhteinen", "tila", "asukas", "osallisuus", "tapaaminen"],
        ["hyvä", "tiedonkulku", "heikko"],
        ["asukas", "osallisuus"],
    ]
    assert lemmatize(texts) == expected  # the Doc-free path
    docs = make_docs(texts)  # the Docs the tagger reads
    assert [[t.lemma_ for t in d if not (t.is_punct or t.is_space)] for d in docs] == expected
    assert [t.text for t in docs[0]][:3] == ["-", "tiedonkulku", "\n"]
    assert docs[0].text == GLUED  # the text and offsets are unchanged


def test_lemmas_keep_a_minus_sign_and_dashes_inside_a_line() -> None:
    assert lemmatize(["-20 % vähemmän", "sote -palvelut"]) == [
        ["-20", "vähemmän"],
        ["sote", "-palvelu"],
    ]


def test_glued_bullet_in_a_long_text_cut_into_pieces() -> None:
    nlp = load_pipeline(max_length=40)
    text = "Tämä on ensimmäinen rivi vastauksessa.\n-tiedonkulku heikkoa\n" * 3
    (doc,) = make_docs([text], nlp)
    assert doc.text == text
    assert "-tiedonkulku" not in [t.text for t in doc]
    assert [t.text for t in doc].count("tiedonkulku") == 3


def test_dash_at_a_cut_in_the_middle_of_a_line_is_no_bullet() -> None:
    nlp = load_pipeline(max_length=12)
    text = "aaaa bbbbbbb -palvelut ok"  # pieces "aaaa ", "bbbbbbb ", "-palvelut ok"
    assert [t.text for t in make_docs([text], nlp)[0]] == ["aaaa", "bbbbbbb", "-palvelut", "ok"]
    assert [t.text for t in nlp(text)] == ["aaaa", "bbbbbbb", "-palvelut", "ok"]


# --- 2. former rural municipalities ("mlk") and municipalities merged before 2005 -------------


@pytest.mark.parametrize(
    ("place", "successor"),
    [
        ("Jyväskylän mlk", "Jyväskylä"),
        ("Jyväskylä mlk", "Jyväskylä"),
        ("Jyväskylän mlk:ssa", "Jyväskylä"),
        ("Jyväskylän maalaiskunta", "Jyväskylä"),
        ("Rovaniemen mlk", "Rovaniemi"),
        ("Pieksämäen mlk", "Pieksämäki"),
        ("Kuopion mlk", "Kuopio"),
        ("Kuopion maalaiskunnassa", "Kuopio"),
        ("Hämeenlinnan mlk", "Hämeenlinna"),
        ("Mikkelin maalaiskunta", "Mikkeli"),
        ("Porvoon mlk", "Porvoo"),
        ("Karkku", "Sastamala"),
        ("Karkussa", "Sastamala"),
        ("Tyrvää", "Sastamala"),
        ("Ylikiiminki", "Oulu"),
        ("Anttola", "Mikkeli"),
        ("Vehkalahti", "Hamina"),
        ("Pattijoki", "Raahe"),
    ],
)
def test_former_municipalities_resolve_to_their_successors_county(
    place: str, successor: str
) -> None:
    from vastausanalyysi.respondents.regions import default_resolver

    resolver = default_resolver()
    match = resolver.match(place)
    assert match.code == resolver.match(successor).code is not None
    assert match.kind == "municipality" and not match.fuzzy


# "Saari" (merged into Parikkala 2005) has no row: "saari" is an island (test_respondents_regions)
@pytest.mark.parametrize("place", ["mlk", "maalaiskunta", "Sortavalan mlk", "saari"])
def test_mlk_alone_or_of_no_known_town_stays_unknown(place: str) -> None:
    from vastausanalyysi.respondents.regions import match_region

    assert match_region(place).kind == "unknown"
