"""The theme codebook: default content, user extension and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from vastausanalyysi.errors import CodebookError
from vastausanalyysi.themes.codebook import REQUIRED_AREAS, load_codebook
from vastausanalyysi.themes.codes import ANY_WORD, parse_phrase


def test_default_codebook_has_the_codes_of_codebook_md() -> None:
    cb = load_codebook()
    assert set(REQUIRED_AREAS) <= set(cb.areas)
    assert len(cb.areas) == 11
    assert cb.mechanism_ids == [
        "tapaamiset",
        "vastuuhenkilot",
        "suunnitelmallisuus",
        "tietopohja",
        "vuorovaikutus",
        "luottamushenkilot",
        "paatoksenteko",
        "osallisuus",
        "tyonjako",
    ]
    for code in cb.mechanisms.values():
        assert code.item_id, code.id  # each mechanism is linked to a survey item
        assert code.items[0].text
    assert cb["hyte"].item_id == "tyonjako_hyte"
    assert cb.polarity.labels == ("works", "problem", "mixed", "neutral")
    assert "perhekeskus" in cb["perhekeskus"].lemmas


def test_user_file_extends_the_default(tmp_path: Path) -> None:
    path = tmp_path / "oma.yaml"
    path.write_text(
        """
areas:
  kulttuuri:
    name: Kulttuuri ja vapaa-aika
    lemmas: [kulttuuri, kirjasto]
  hyte:
    lemmas: [hyvinvointiverkosto]
    exclude: [hyvinvointiverkko]
mechanisms:
  tyonjako:
    phrases: ["kenen pöydälle"]
""",
        encoding="utf-8",
    )
    cb = load_codebook(path)
    assert "kulttuuri" in cb.areas and "perhekeskus" in cb.areas
    assert {"hyvinvointiverkosto", "hyte"} <= cb["hyte"].lemmas
    assert "hyvinvointiverkko" in cb["hyte"].exclude
    assert any(len(p) == 2 for p in cb["tyonjako"].phrases)


def test_replace_and_remove_codes() -> None:
    cb = load_codebook(
        {
            "areas": {"hyte": {"replace": True, "name": "Hyte", "lemmas": ["hyte"]}},
            "remove": ["ymparistoterveys"],
        }
    )
    assert cb["hyte"].lemmas == frozenset({"hyte"})
    assert "ymparistoterveys" not in cb
    only = load_codebook({"areas": {"oma": {"name": "Oma", "lemmas": ["oma"]}}}, extend=False)
    assert list(only.codes) == ["oma"]


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ({"areas": {"Bad-Id": {"name": "x", "lemmas": ["x"]}}}, "Bad-Id"),
        ({"areas": {"hyte": {"lemmaz": ["x"]}}}, "lemmaz"),
        ({"areas": {"uusi": {"lemmas": ["x"]}}}, "'uusi' needs a non-empty 'name'"),
        ({"areas": {"uusi": {"name": "Uusi"}}}, "'uusi' has no patterns"),
        ({"mechanisms": {"hyte": {"name": "x", "lemmas": ["x"]}}}, "'hyte'"),
        ({"areas": {"hyte": {"lemmas": "hyte"}}}, "field 'lemmas'"),
        ({"remove": ["eioleolemassa"]}, "eioleolemassa"),
        ({"colours": []}, "colours"),
        (
            {"areas": {"uusi": {"name": "Uusi", "lemmas": ["x"], "defer_to": ["perhekeskuz"]}}},
            "code 'uusi' field 'defer_to' names no other code: \\['perhekeskuz'\\]",
        ),
        (
            {"areas": {"uusi": {"name": "Uusi", "lemmas": ["x"], "defer_to": ["uusi"]}}},
            "'defer_to' names no other code",
        ),
        (
            {"areas": {"uusi": {"name": "Uusi", "phrases": ["sopia || yhdessä"]}}},
            "code 'uusi' field 'phrases': bad phrase 'sopia || yhdessä'",
        ),
    ],
)
def test_errors_name_the_code_and_field(spec: dict, needle: str) -> None:
    with pytest.raises(CodebookError, match=needle.replace("(", r"\(")):
        load_codebook(spec)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="not found"):
        load_codebook(tmp_path / "puuttuu.yaml")
    bad = tmp_path / "rikki.yaml"
    bad.write_text("areas: [\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"rikki\.yaml"):
        load_codebook(bad)


def test_linked_items_give_layer_id_and_item_names() -> None:
    cb = load_codebook()
    linked = cb.linked_items()
    assert [e.code for e in linked] == [*cb.area_ids, *cb.mechanism_ids]
    assert {e.layer for e in linked} == {"area", "mechanism"}
    hyte = next(e for e in linked if e.code == "hyte")
    assert hyte.layer == "area" and hyte.items[0][0] == "tyonjako_hyte"
    assert hyte.items[0][1] == cb["hyte"].items[0].text
    for layer, code, items in linked:  # unpacks as a plain (layer, code, items) tuple
        assert layer in {"area", "mechanism"}
        assert all(names and all(names) for names in items), code


def test_single_word_terms_are_the_codes_words_as_written() -> None:
    cb = load_codebook()
    terms = cb.single_word_terms()
    assert "perhekeskus" in terms
    assert all(t == t.strip().lower() and " " not in t for t in terms)
    extended = load_codebook({"areas": {"hyte": {"lemmas": ["Hyvinvointi-Verkosto", "a b"]}}})
    assert extended.single_word_terms() - terms == {"hyvinvointi-verkosto"}


def test_one_phrase_reader_for_the_codebook_and_the_evaluative_lexicon() -> None:
    """codes.parse_phrase reads both files' phrases: "|" alternatives, "*" any one word."""
    assert parse_phrase("jäädä * vähä|pieni huomio") == (
        frozenset({"jäädä"}),
        ANY_WORD,
        frozenset({"vähä", "pieni"}),
        frozenset({"huomio"}),
    )
    assert parse_phrase("Hyte-työ") == (frozenset({"hytetyö"}),)
    with pytest.raises(ValueError, match="empty phrase"):
        parse_phrase("   ")


def test_defer_to_is_read_and_a_removed_code_leaves_it() -> None:
    cb = load_codebook()
    assert cb["lapset_nuoret"].defer_to == ("perhekeskus", "oppilashuolto")
    assert cb["lapset_nuoret"].generic_hit("lemma:lapsi")
    assert cb["lapset_nuoret"].generic_hit("phrase:lapsi ja nuori")
    assert not cb["lapset_nuoret"].generic_hit("lemma:lastensuojelu")  # a lemmas entry
    assert not cb["lapset_nuoret"].generic_hit("phrase:nuori palvelu")  # names the services
    assert not cb["lapset_nuoret"].generic_hit("part:nuorisotyö")
    # a user who removes the family centre keeps a valid codebook (and the rest of the list)
    for user in ({"remove": ["perhekeskus"]}, {"areas": {"perhekeskus": {"remove": True}}}):
        assert load_codebook(user)["lapset_nuoret"].defer_to == ("oppilashuolto",)
