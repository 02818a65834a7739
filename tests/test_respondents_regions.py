"""Tests of vastausanalyysi.respondents.regions: places and codes -> wellbeing services counties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import vastausanalyysi as va
from vastausanalyysi.errors import InputTextError, RegionError
from vastausanalyysi.respondents import (
    COUNTY_CODES,
    RegionResolver,
    default_resolver,
    match_region,
    region_name,
    resolve_regions,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_MUNICIPALITIES = ROOT / "src" / "vastausanalyysi" / "data" / "municipalities.csv"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Pohjois-Savo", "13"),
        ("Vantaa-Kerava", "04"),
        ("Helsinki", "90"),
        ("Itä-Uusimaa", "01"),
        ("Länsi-Uusimaa", "03"),
        ("Keski-Uusimaa", "02"),
        ("Pohjois-Savon hyvinvointialue", "13"),
        ("Vantaan ja Keravan hyvinvointialue", "04"),
        ("Norra Savolax välfärdsområde", "13"),
        ("Norra Savolax", "13"),
        ("Pirkanmaan", "08"),
        ("Pirkanmaalla", "08"),
        ("Pohjois-Savossa", "13"),
        ("Itä-Uudellamaalla", "01"),
        ("Helsingissä", "90"),
        ("Vantaalla", "04"),
        ("Oulussa", "19"),
        ("Kuopiossa", "13"),
        ("Espoon", "03"),
        ("Turussa", "05"),
        ("Lahdessa", "09"),
        ("Seinäjoella", "16"),
        ("Riihimäellä", "07"),
        ("Lopella", "07"),
        ("Kauniaisissa", "03"),
        ("Uudessakaupungissa", "05"),
        # an inflected adjective as the first part of the name
        ("Uudessakaarlepyyssä", "17"),
        ("Uudenkaarlepyyn", "17"),
        ("Isossakyrössä", "16"),
        ("Isonkyrön", "16"),
        ("Vähässäkyrössä", "17"),
        ("Isojoella", "16"),
        # -as stems
        ("Haukiputaalla", "19"),
        ("Pihtiputaalla", "15"),
        # Swedish prepositions, genitives and names of former municipalities
        ("i Borgå", "01"),
        ("från Vasa", "17"),
        ("Vasa stads", "17"),
        ("Jakobstads", "17"),
        ("Nagu", "05"),
        ("Lillkyro", "17"),
        # English
        ("North Karelia", "14"),
        ("Wellbeing services county of Pirkanmaa", "08"),
        ("City of Espoo", "03"),
        ("in Espoo", "03"),
        # a code next to a name
        ("837 Tampere", "08"),
        ("Oulu 564", "19"),
        ("837 Oulu", None),
        # typos on short names: a doubled or undoubled letter only
        ("Porvo", "01"),
        ("Porvossa", "01"),
        ("Kuopiio", "13"),
        ("Jyväkylässä", "15"),
        ("Vala", None),
        ("Pietari", None),
        ("Pietarissa", None),
        ("Pomarkussa", "06"),
        ("Esbo", "03"),
        ("Åbo", "05"),
        ("pohjois savo", "13"),
        ("POHJOIS–SAVO", "13"),
        ("Pohjois-Savon hyvinvointialueella", "13"),
        ("Kuopion kaupunki", "13"),
        ("Hameenlinna", "07"),
        ("Jyväskyä", "15"),
        ("Nilsiä", "13"),
        ("Kuopio (Pohjois-Savo)", "13"),
        ("Espoo/Kauniainen", "03"),
        ("049/235", "03"),  # a list of municipality codes in one county (QA 5)
        ("049, 235", "03"),
        ("Vantaa, Uusimaa", "04"),
        ("06", "06"),
        ("6", "06"),
        ("90", "90"),
        ("091", "90"),
        ("090", "14"),
        ("KU091", "90"),
        ("kunta 049", "03"),
        ("hva 06", "06"),
        (6, "06"),
        (91.0, None),
        ("91", None),
        ("Ahvenanmaa", None),
        ("Åland", None),
        ("Maarianhamina", None),
        ("Jomala", None),
        ("478", None),
        ("Uusimaa", None),
        ("HUS", None),
        ("Helsinki/Vantaa", None),
        ("Suomi", None),
        ("Muu", None),
        ("22", None),
        ("999", None),
        ("", None),
        (None, None),
    ],
)
def test_resolve_region(value: object, code: str | None) -> None:
    assert va.resolve_region(value) == code  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "kind", "candidates"),
    [
        ("Kuopio", "municipality", ()),
        ("Pohjois-Savo", "county", ()),
        ("06", "county_code", ()),
        ("091", "municipality_code", ()),
        ("Jomala", "aland", ()),
        ("91", "aland", ()),
        ("Uusimaa", "ambiguous", ("01", "02", "03", "04", "90")),
        ("Savo", "ambiguous", ("12", "13")),
        ("Atlantis", "unknown", ()),
        ("", "empty", ()),
    ],
)
def test_match_region_tells_kinds_apart(value: str, kind: str, candidates: tuple) -> None:
    match = match_region(value)
    assert match.kind == kind
    assert match.candidates == candidates
    assert match.unresolved == (kind in ("ambiguous", "unknown"))


def test_fuzzy_matches_are_flagged() -> None:
    assert match_region("Jyväskyä").fuzzy is True
    assert match_region("Porvo").fuzzy is True
    assert match_region("Jyväskylä").fuzzy is False


# Municipal mergers since 2005 (and a few before), each former municipality -> its successor
_MERGERS = {
    "Vähäkyrö": "905",
    "Kangaslampi": "915",
    "Tuupovaara": "167",
    "Kiihtelysvaara": "167",
    "Pieksänmaa": "593",
    "Virtasalmi": "593",
    "Jäppilä": "593",
    "Vahto": "704",
    "Lemu": "481",
    "Askainen": "481",
    "Karinainen": "636",
    "Vampula": "102",
    "Kodisjoki": "684",
    "Leivonmäki": "172",
    "Pylkönmäki": "729",
    "Sahalahti": "211",
    "Kisko": "734",
    "Särkisalo": "734",
    "Uukuniemi": "580",
    "Suolahti": "992",
    "Sumiainen": "992",
    "Maksamaa": "946",
    "Rovaniemen maalaiskunta": "698",
    "Pertunmaa": "507",
    "Valtimo": "541",
    "Honkajoki": "214",
    "Jalasjärvi": "301",
    "Nastola": "398",
    "Hämeenkoski": "098",
    "Köyliö": "783",
    "Luvia": "051",
    "Lavia": "609",
    "Tarvasjoki": "423",
    "Juankoski": "297",
    "Maaninka": "297",
    "Töysä": "010",
    "Kesälahti": "260",
    "Vihanti": "678",
    "Haukipudas": "564",
    "Pernå": "434",
    "Ekenäs": "710",
    "Karislojo": "444",
    "Kimito": "322",
}


@pytest.mark.parametrize(("former", "successor"), sorted(_MERGERS.items()))
def test_former_municipalities_resolve_to_their_successor(former: str, successor: str) -> None:
    resolver = default_resolver()
    match = resolver.match(former)
    assert match.code == resolver.municipalities[successor][2]
    assert not match.fuzzy


def test_every_county_resolves_by_its_english_name() -> None:
    english = [
        "East Uusimaa",
        "Central Uusimaa",
        "West Uusimaa",
        "Vantaa and Kerava",
        "Southwest Finland",
        "Satakunta",
        "Kanta-Häme",
        "Pirkanmaa",
        "Päijät-Häme",
        "Kymenlaakso",
        "South Karelia",
        "South Savo",
        "North Savo",
        "North Karelia",
        "Central Finland",
        "South Ostrobothnia",
        "Ostrobothnia",
        "Central Ostrobothnia",
        "North Ostrobothnia",
        "Kainuu",
        "Lapland",
        "City of Helsinki",
    ]
    codes = [va.resolve_region(f"Wellbeing services county of {n}") for n in english[:-1]]
    assert codes == list(COUNTY_CODES[:-1])
    assert [va.resolve_region(n) for n in english] == list(COUNTY_CODES)


def test_code_kind_municipality_pads_numbers() -> None:
    assert va.resolve_region(91) is None  # Åland's county code
    assert va.resolve_region(91, code_kind="municipality") == "90"  # Helsinki, 091
    assert va.resolve_region("49", code_kind="municipality") == "03"
    assert va.resolve_region("6", code_kind="county") == "06"
    with pytest.raises(RegionError, match="code_kind must be 'auto', 'municipality' or 'county'"):
        va.resolve_region("06", code_kind="kunta")


def test_resolve_regions_lists_unresolved_inputs_once_in_order() -> None:
    codes, unresolved = resolve_regions(
        ["Kuopio", "Uusimaa", "Jomala", "", None, "Atlantis", "Uusimaa", "Pirkanmaalla"]
    )
    assert codes == ["13", None, None, None, None, None, None, "08"]
    assert unresolved == ["Uusimaa", "Atlantis"]


def test_resolve_regions_refuses_a_single_string() -> None:
    """A string is an iterable of letters (QA, 2026-12-07: "Espoo" gave five Nones and the
    letters as unresolved inputs)."""
    with pytest.raises(InputTextError, match=r"resolve_regions\(\) .*'Espoo'; wrap it in a list"):
        resolve_regions("Espoo")


def test_all_municipalities_resolve_by_name_and_code() -> None:
    resolver = default_resolver()
    assert len(resolver.municipalities) == 308
    for code, (fi, sv, county) in resolver.municipalities.items():
        expected = None if county == "91" else county
        for value in (fi, sv, code):
            match = resolver.match(value)
            assert match.code == expected, (value, match)
            assert not match.unresolved


def test_every_county_resolves_by_each_of_its_names() -> None:
    resolver = default_resolver()
    for code in COUNTY_CODES:
        county = resolver.counties[code]
        for name in (county.name_fi, county.official_fi, county.name_sv, county.official_sv):
            assert va.resolve_region(name) == code, name


@pytest.mark.parametrize(
    ("code", "kwargs", "name"),
    [
        ("13", {}, "Pohjois-Savo"),
        ("4", {}, "Vantaa-Kerava"),
        ("90", {}, "Helsinki"),
        ("13", {"official": True}, "Pohjois-Savon hyvinvointialue"),
        ("13", {"lang": "sv"}, "Norra Savolax"),
        ("13", {"lang": "sv", "official": True}, "Norra Savolax välfärdsområde"),
        (None, {}, None),
    ],
)
def test_region_name(code: str | None, kwargs: dict, name: str | None) -> None:
    assert region_name(code, **kwargs) == name


def test_region_name_errors() -> None:
    with pytest.raises(RegionError, match="unknown wellbeing services county code '33'"):
        region_name("33")
    with pytest.raises(RegionError, match="lang must be 'fi' or 'sv', not 'en'"):
        region_name("13", lang="en")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Kosken Tl kunta", "05"),  # a name of two words inflects in its first word
        ("Koskella Tl", "05"),
        ("Vaasa - Vasa", "17"),  # a spaced dash joins two names of one place
        ("Tampere - Pirkanmaa", "08"),
        ("Oulu - ei tietoa", None),  # ... and every part must be a place
        ("ja - perhosta", None),
        ("Ohcejohka", "21"),  # Sami names of the Sami homeland municipalities
        ("Anár", "21"),
        ("Soadegilli", "21"),
    ],
)
def test_second_blind_list_places(value: str, code: str | None) -> None:
    assert va.resolve_region(value) == code


def test_common_words_are_not_places() -> None:
    words = ["yhteistyö", "kunta", "hyvinvointi", "toimii", "perhekeskus", "koulu", "johtaja"]
    words += ["saari", "saaressa", "sulavasta", "laukka", "i", "of", "city", "county"]
    assert [va.resolve_region(w) for w in words] == [None] * len(words)


# -- user alias files and bad tables ---------------------------------------------------------


def test_extra_alias_file(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "alias,code,kind\nKallavesi,297,municipality\nItä-Suomi,12|13|14,ambiguous\n"
        "Savon sydän,13,county\n",
        encoding="utf-8",
    )
    resolver = RegionResolver(extra_aliases=aliases)
    assert resolver.resolve("Kallavedellä") == "13"
    assert resolver.match("Itä-Suomi").candidates == ("12", "13", "14")
    assert resolver.resolve("Savon sydän") == "13"
    assert va.resolve_region("Kallavesi") is None  # the default resolver is unchanged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("alias,code,kind\nX,999,municipality\n", "unknown municipality code '999' in .* line 2"),
        ("alias,code,kind\nX,33,county\n", "unknown county code '33' in .* line 2"),
        ("alias,code,kind\nX,13,maakunta\n", "unknown alias kind 'maakunta' in .* line 2"),
        ("alias,koodi\nX,13\n", r"lacks the column\(s\) \['code', 'kind'\]"),
    ],
)
def test_bad_alias_files_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegionError, match=message):
        RegionResolver(extra_aliases=path)


def test_unreadable_region_table_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RegionError, match=r"cannot read region table .*missing\.csv"):
        RegionResolver(municipalities=tmp_path / "missing.csv")


def test_municipality_table_with_unknown_county_is_reported(tmp_path: Path) -> None:
    table = tmp_path / "kunnat.csv"
    table.write_text(
        "kunta_koodi,kunta,kunta_sv,hyvinvointialue_koodi\n297,Kuopio,Kuopio,77\n",
        encoding="utf-8",
    )
    with pytest.raises(RegionError, match=r"municipality 'Kuopio' in .* line 2 has the unknown"):
        RegionResolver(municipalities=table)


def test_shipped_municipality_table_is_the_2026_classification() -> None:
    with PACKAGE_MUNICIPALITIES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 308
    assert {r["hyvinvointialue_koodi"] for r in rows} == {*COUNTY_CODES, "91"}


def test_an_organisation_named_after_its_place_is_in_the_places_county() -> None:
    # QA 5: the survey's "muut kunta-alan organisaatiot" are such names
    codes, unresolved = va.resolve_regions(
        [
            "Sastamalan koulutuskuntayhtymä SASKY",
            "Keski-Uudenmaan koulutuskuntayhtymä Keuda",
            "Länsi-Uudenmaan pelastuslaitos",
            "Koulutuskuntayhtymä Tavastia",  # no place named: not guessed
        ]
    )
    assert codes == ["08", "02", "03", None]
    assert unresolved == ["Koulutuskuntayhtymä Tavastia"]


@pytest.mark.parametrize(
    "value",
    [
        "Vastaaja 10",
        "2 kuntaa",
        "12 kuntaa",
        "sote-alue 4",
        "SUM(1)",
        "@SUM(1)",
        "=1+2",
        "Toimipiste 2",
        "kunta 5",
        "Kuntayhtymä 7",
        "Alue 13",
        "1 2",
        "1/2",  # only three-digit codes make a list of municipality codes
        "10, 12",
    ],
)
def test_a_number_among_words_is_no_county_code(value: str) -> None:
    """QA 4 (2026-12-07): any one or two digits in a cell were read as a county code."""
    match = match_region(value)
    assert match.code is None
    assert match.kind == "unknown"
    assert match.unresolved
    assert va.resolve_region(value, code_kind="municipality") is None
    assert va.resolve_region(value, code_kind="county") is None


@pytest.mark.parametrize(
    ("value", "code", "kind"),
    [
        ("2", "02", "county_code"),  # a bare code, with or without spaces and zeros
        (" 10 ", "10", "county_code"),
        ("04", "04", "county_code"),
        ("091", "90", "municipality_code"),
        ("KU091", "90", "municipality_code"),
        ("kunta 049", "03", "municipality_code"),
        ("hva 6", "06", "county_code"),
        ("837 Tampere", "08", "municipality_code"),  # a code beside the name it agrees with
        ("Tampere 08", "08", "municipality"),
        ("Kymenlaakso", "10", "county"),  # names still resolve
        ("Keski-Uusimaa", "02", "county"),
        ("Vantaalla", "04", "municipality"),
    ],
)
def test_bare_codes_and_names_still_resolve(value: str, code: str, kind: str) -> None:
    match = match_region(value)
    assert (match.code, match.kind) == (code, kind)


def test_a_number_beside_a_name_of_another_county_is_ambiguous() -> None:
    assert match_region("Kuopio 2").candidates == ("02", "13")
    assert match_region("Tampere 5").candidates == ("05", "08")  # a digit is no typo
    assert va.resolve_region("Tampere 5") is None


def test_prefixed_municipality_code_needs_three_digits() -> None:
    assert va.resolve_region("kunta 5", code_kind="municipality") is None
    assert va.resolve_region("5", code_kind="municipality") == "16"  # Alajärvi, 005


def test_municipality_codes_of_two_counties_are_ambiguous() -> None:
    match = match_region("049/837")  # Espoo (Länsi-Uusimaa) and Tampere (Pirkanmaa)
    assert match.code is None and match.kind == "ambiguous"
    assert set(match.candidates) == {"03", "08"}
