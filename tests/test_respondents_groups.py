"""Tests of vastausanalyysi.respondents.groups: job titles -> respondent groups."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import vastausanalyysi as va
from vastausanalyysi.errors import RegionError
from vastausanalyysi.respondents import GROUPS, default_groups, group_name, load_groups


def _examples() -> list[tuple[str, str]]:
    return [(t, g) for g, ts in default_groups().config["examples"].items() for t in ts]


@pytest.mark.parametrize(("title", "group"), _examples())
def test_examples_of_the_group_file_map_to_their_group(title: str, group: str) -> None:
    assert va.respondent_group(title) == group


@pytest.mark.parametrize(
    ("title", "group"),
    [
        # abbreviations
        ("KH:n I vpj", "puheenjohtaja"),
        ("kaup.valt. pj", "puheenjohtaja"),
        ("kv-pj", "puheenjohtaja"),
        ("sivistystoimen joht.", "sivistysjohto"),
        ("apul. kaupunginjohtaja", "muu_yleisjohto"),
        ("Siv.joht.", "sivistysjohto"),
        # inflection and case
        ("SIVISTYSJOHTAJANA", "sivistysjohto"),
        ("kunnanjohtajan", "kuntajohtaja"),
        ("varhaiskasvatuspäällikön", "sivistysjohto"),
        ("rehtorina", "sivistysjohto"),
        ("teknisen toimen johtaja", "muu_toimialajohto"),
        # one-edit typos on long title words
        ("Sivistysjohtja", "sivistysjohto"),
        ("kaupunginjohtaha", "kuntajohtaja"),
        ("Kunnajohtaja", "kuntajohtaja"),
        ("tekninen johtja", "muu_toimialajohto"),
        # combined titles and the documented precedence
        ("sivistysjohtaja/rehtori", "sivistysjohto"),
        ("kunnanjohtaja ja kunnansihteeri", "kuntajohtaja"),
        ("talousjohtaja, vt. kunnanjohtaja", "kuntajohtaja"),
        ("opettaja, kunnanhallituksen pj", "puheenjohtaja"),
        ("hallinto- ja sivistysjohtaja", "sivistysjohto"),
        ("talous- ja hallintojohtaja", "muu_yleisjohto"),
        ("elinvoima- ja kehitysjohtaja", "muu_toimialajohto"),
        ("sivistyksen ja hallinnon johtaja", "sivistysjohto"),
        ("Kunnanjohtaja-kunnansihteeri", "kuntajohtaja"),
        ("Ammattiopiston rehtori / sivistysjohtaja", "muu_organisaatio"),
        # deputies
        ("kunnanjohtajan sijainen", "muu_yleisjohto"),
        ("apulaiskunnanjohtaja", "muu_yleisjohto"),
        ("sivistysjohtajan sijainen", "sivistysjohto"),
        ("apulaisrehtori", "sivistysjohto"),
        ("valtuuston 2. varapuheenjohtaja", "puheenjohtaja"),
        # decisions documented in the module
        ("Rehtori", "sivistysjohto"),
        ("ammattiopiston rehtori", "muu_organisaatio"),
        ("Nuorisotoimenjohtaja", "sivistysjohto"),
        ("Kulttuurijohtaja", "muu_toimialajohto"),
        # respondents.md: only chairs of the council and the board are puheenjohtaja
        ("Sivistyslautakunnan puheenjohtaja", "tuntematon"),
        ("teknisen lautakunnan varapuheenjohtaja", "tuntematon"),
        ("kaupunginhallituksen elinvoimajaoston puheenjohtaja", "tuntematon"),
        ("bildningsnämndens ordförande", "tuntematon"),
        ("kunnanhallituksen pj, sivistyslautakunnan jäsen", "puheenjohtaja"),
        ("Sivistysjohtaja, lautakunnan esittelijä", "sivistysjohto"),
        ("puheenjohtaja", "puheenjohtaja"),
        # Swedish abbreviations
        ("Stadsstyrelsens ordf.", "puheenjohtaja"),
        ("KST:s vice ordf.", "puheenjohtaja"),
        ("bitr. stadsdirektör", "muu_yleisjohto"),
        # English: the domain after "of" (also Swedish "för")
        ("Mayor", "kuntajohtaja"),
        ("Mayor of Kuopio", "kuntajohtaja"),
        ("Deputy Mayor", "muu_yleisjohto"),
        ("City Manager", "kuntajohtaja"),
        ("Chair of the city council", "puheenjohtaja"),
        ("Vice Chair of the Municipal Board", "puheenjohtaja"),
        ("Chair of the education committee", "tuntematon"),
        ("Director of Education", "sivistysjohto"),
        ("Assistant Director of Education", "sivistysjohto"),
        ("Head of Finance", "muu_yleisjohto"),
        ("Chief Financial Officer", "muu_yleisjohto"),
        ("Director of Technical Services", "muu_toimialajohto"),
        ("direktör för bildning", "sivistysjohto"),
        ("Director", "tuntematon"),
        ("Project manager", "tuntematon"),
        ("Kunnanvaltuuston puheenjohtaja / aluevaltuuston jäsen", "puheenjohtaja"),
        # coded roles and group names
        ("Muu yleisjohto", "muu_yleisjohto"),
        ("Sivistystoimen viranhaltijajohto", "sivistysjohto"),
        ("Muut kunta-alan organisaatiot", "muu_organisaatio"),
        # never guessed
        ("johtaja", "tuntematon"),
        ("toimialajohtaja", "tuntematon"),
        ("palvelujohtaja", "tuntematon"),
        ("lehtori", "tuntematon"),
        ("johtava viranhaltija", "tuntematon"),
        ("aluehallituksen puheenjohtaja", "tuntematon"),
        ("Hyvinvointialueen sivistysjohtaja", "tuntematon"),
        ("Yrittäjäyhdistyksen puheenjohtaja", "tuntematon"),
        ("Kunnanjohtajan sihteeri", "tuntematon"),
        ("Toimialajohto", "tuntematon"),
    ],
)
def test_titles(title: str, group: str) -> None:
    assert va.respondent_group(title) == group


@pytest.mark.parametrize("value", [None, "", "   ", float("nan"), "-", "vs."])
def test_missing_titles_are_unknown(value: object) -> None:
    assert va.respondent_group(value) == "tuntematon"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("group", "coarse"),
    [
        ("puheenjohtaja", "puheenjohtajat"),
        ("kuntajohtaja", "yleisjohto"),
        ("muu_yleisjohto", "yleisjohto"),
        ("sivistysjohto", "toimialajohto"),
        ("muu_toimialajohto", "toimialajohto"),
        ("muu_organisaatio", "muut"),
        ("tuntematon", "tuntematon"),
        ("toimialajohto", "toimialajohto"),
        ("no_such_group", "tuntematon"),
        (None, "tuntematon"),
    ],
)
def test_coarse_group(group: str | None, coarse: str) -> None:
    assert va.coarse_group(group) == coarse  # type: ignore[arg-type]


def test_every_detailed_group_has_a_name_and_a_coarse_group() -> None:
    for group in GROUPS:
        assert va.coarse_group(group) != "tuntematon"
        assert group_name(group)
    assert group_name("sivistysjohto") == "Sivistystoimen viranhaltijajohto"
    assert group_name("yleisjohto", coarse=True) == "Kuntajohtajat ja muu yleisjohto"
    with pytest.raises(RegionError, match="unknown group id 'rehtorit'"):
        group_name("rehtorit")


def test_explain_shows_the_parts_and_their_groups() -> None:
    parts = default_groups().explain("opettaja, kunnanhallituksen pj")
    assert parts == [("kunnanhallituksen puheenjohtaja", "puheenjohtaja")]


@pytest.mark.parametrize(
    ("title", "group"),
    [
        # parish, student and regional-council bodies have a valtuusto / hallitus of their own
        ("kirkkovaltuuston puheenjohtaja", "tuntematon"),
        ("yhteisen kirkkoneuvoston varapuheenjohtaja", "tuntematon"),
        ("kyrkofullmäktiges ordförande", "tuntematon"),
        ("ylioppilaskunnan hallituksen puheenjohtaja", "tuntematon"),
        ("maakuntahallituksen puheenjohtaja", "muu_organisaatio"),
        ("Kirkkonummen kunnanhallituksen puheenjohtaja", "puheenjohtaja"),
        # an employer outside the groups in a part of its own
        ("sosiaalijohtaja, hyvinvointialue", "tuntematon"),
        ("talousjohtaja / Keski-Suomen hyvinvointialue", "tuntematon"),
        ("Kunnanhallituksen pj, Pirkanmaan hyvinvointialue", "puheenjohtaja"),
        ("Talousjohtaja, aluevaltuutettu", "muu_yleisjohto"),
        ("Sivistysjohtaja, sivistyslautakunnan esittelijä", "sivistysjohto"),
        # "X j." / "X joh." abbreviate johtaja; päivähoito is early education
        ("sivistysj.", "sivistysjohto"),
        ("opetustoimen joh.", "sivistysjohto"),
        ("Päivähoidon johtaja", "sivistysjohto"),
    ],
)
def test_second_blind_list_decisions(title: str, group: str) -> None:
    assert va.respondent_group(title) == group


@pytest.mark.parametrize(
    "title",
    [
        "kunnanjohtajan assistentti",
        "Kunnanjohtajan avustaja",
        "kunnanjohtajan sihteeri",
        "kunnanjohtajan erityisavustaja",
        "kaupunginjohtajan avustajana",
        "pormestarin erityisavustaja",
        "sivistysjohtajan assistentti",
        "rehtorin avustaja",
        "kunnanhallituksen puheenjohtajan avustaja",
        "kunnanjohtaja-assistentti",
        "koulunkäyntiavustaja",
        "hallintoassistentti",
    ],
)
def test_support_staff_of_a_leader_fit_no_group(title: str) -> None:
    """QA 4: "kunnanjohtajan assistentti" and "... avustaja" were kuntajohtaja, while
    "kunnanjohtajan sihteeri" was tuntematon; an assistant of a leader is not that leader."""
    assert va.respondent_group(title) == "tuntematon"


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("kunnanjohtaja", "kuntajohtaja"),  # the leaders themselves keep their groups
        ("kunnanjohtajana", "kuntajohtaja"),
        ("kunnanjohtajan sijainen", "muu_yleisjohto"),  # a deputy is no assistant
        ("Assistant Director of Education", "sivistysjohto"),
        ("kunnanjohtajan assistentti, hallintosihteeri", "muu_yleisjohto"),  # another role wins
        ("kunnanjohtaja, assistentti", "kuntajohtaja"),
        ("sivistystoimen sihteeri", "sivistysjohto"),  # a secretary with a domain is a head
    ],
)
def test_leaders_beside_support_words_keep_their_groups(title: str, group: str) -> None:
    assert va.respondent_group(title) == group


def test_explain_shows_a_support_role_as_unknown() -> None:
    parts = default_groups().explain("kunnanjohtajan assistentti")
    assert parts == [("kunnanjohtajan assistentti", "tuntematon")]


# -- user extensions -------------------------------------------------------------------------


def _write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_user_group_file_extends_the_default(tmp_path: Path) -> None:
    extra = _write_yaml(
        tmp_path / "omat.yaml",
        {
            "titles": {"muu_yleisjohto": ["controller"]},
            "domains": {"muu_toimialajohto": ["digitalisaatio2"]},
            "abbreviations": {"sj": "sivistysjohtaja"},
        },
    )
    assert va.respondent_group("Controller") == "tuntematon"
    assert va.respondent_group("Controller", groups=extra) == "muu_yleisjohto"
    assert va.respondent_group("SJ", groups=extra) == "sivistysjohto"
    classifier = load_groups(extra)
    assert classifier.group("kunnanjohtaja") == "kuntajohtaja"  # defaults kept
    assert classifier.group("Controller") == "muu_yleisjohto"


def test_user_group_file_moves_a_title_to_another_group(tmp_path: Path) -> None:
    extra = _write_yaml(tmp_path / "move.yaml", {"titles": {"sivistysjohto": ["toimitusjohtaja"]}})
    assert va.respondent_group("toimitusjohtaja") == "muu_organisaatio"
    assert va.respondent_group("toimitusjohtaja", groups=extra) == "sivistysjohto"


def test_user_group_file_can_replace_the_precedence(tmp_path: Path) -> None:
    order = [
        "puheenjohtaja",
        "kuntajohtaja",
        "muu_organisaatio",
        "muu_yleisjohto",
        "sivistysjohto",
        "muu_toimialajohto",
    ]
    extra = _write_yaml(tmp_path / "order.yaml", {"precedence": order})
    assert va.respondent_group("hallinto- ja sivistysjohtaja") == "sivistysjohto"
    assert va.respondent_group("hallinto- ja sivistysjohtaja", groups=extra) == "muu_yleisjohto"


def test_user_group_file_without_extend_stands_alone(tmp_path: Path) -> None:
    own = _write_yaml(
        tmp_path / "own.yaml",
        {
            "groups": {"johto": {"coarse": "kaikki"}},
            "titles": {"johto": ["pomo"]},
        },
    )
    classifier = load_groups(own, extend=False)
    assert classifier.group("Pomo") == "johto"
    assert classifier.group("kunnanjohtaja") == "tuntematon"
    assert classifier.coarse_group("johto") == "kaikki"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("titles: [unclosed", "is not valid YAML"),
        ("- a\n- b\n", "must hold a mapping at the top"),
        ("colour: blue\n", "unknown key 'colour'"),
        ("heads: johtaja\n", "'heads' in .* must be a list, not str"),
        ("titles: [a, b]\n", "'titles' in .* must be a mapping, not list"),
        ("titles:\n  sivistysjohto: rehtori\n", "titles.sivistysjohto in .* must be a list"),
        ("titles:\n  rehtorit: [rehtori]\n", "unknown group 'rehtorit' under titles"),
        ("groups:\n  uusi: {name: Uusi}\n", "group 'uusi' in .* needs a 'coarse' group"),
        ("precedence: [kuntajohtaja, pomot]\n", "unknown group 'pomot'"),
    ],
)
def test_bad_group_files_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegionError, match=message):
        load_groups(path)


def test_missing_group_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RegionError, match=r"respondent group file not found: .*nope\.yaml"):
        va.respondent_group("rehtori", groups=tmp_path / "nope.yaml")


def test_user_group_file_can_add_support_words(tmp_path: Path) -> None:
    extra = _write_yaml(tmp_path / "tuki.yaml", {"support_words": ["referentti"]})
    assert va.respondent_group("kunnanjohtajan referentti") == "kuntajohtaja"
    assert va.respondent_group("kunnanjohtajan referentti", groups=extra) == "tuntematon"
