"""Fixes to problems a QA review found: glued list bullets, old rural municipalities ("mlk"),
--sheet on a workbook without that sheet or on a file that is no workbook, survey's issues
printed without their row."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pytest

import vastausanalyysi as va
from vastausanalyysi.cli import main
from vastausanalyysi.clusters.statements import split_text
from vastausanalyysi.errors import SurveyError
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


# --- 3. --sheet, --delimiter and --encoding for the wrong file --------------------------------

PLAIN = "id,text\n1,Perhekeskus toimii.\n2,Tiedonkulku takkuaa.\n"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Vastaukset"
    book.active.append(["id", "text"])
    book.active.append([1, "Perhekeskus toimii."])
    book.create_sheet("ohje").append(["ohjeita"])
    path = tmp_path / "kysely.xlsx"
    book.save(path)
    return path


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("vastausanalyysi:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_a_missing_sheet_is_no_damaged_workbook(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.jsonl")
    assert main(["tag", str(workbook), "--sheet", "foo", "-o", out]) == 2
    line = _error(capsys)
    assert "no sheet 'foo'" in line and "['Vastaukset', 'ohje']" in line
    assert "damaged" not in line
    with pytest.raises(SurveyError) as info:
        va.read_survey(workbook, sheet="foo")
    assert "damaged" not in str(info.value)
    assert main(["tag", str(workbook), "--sheet", "Vastaukset", "-o", out]) == 0


@pytest.mark.parametrize(
    ("suffix", "option", "read_as"),
    [
        (".csv", ["--sheet", "foo"], "CSV"),
        (".tsv", ["--sheet", "foo"], "TSV"),
        (".jsonl", ["--sheet", "Vastaukset"], "JSON Lines"),
        (".txt", ["--delimiter", ";"], "lines of text"),
        (".xlsx", ["--delimiter", ";"], "XLSX"),
        (".xlsx", ["--encoding", "cp1252"], "XLSX"),
    ],
)
@pytest.mark.parametrize("verb", [["tag"], ["tag", "--chunk-size", "1"], ["survey"]])
def test_an_option_for_another_format_is_an_error(
    suffix: str,
    option: list[str],
    read_as: str,
    verb: list[str],
    workbook: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if suffix == ".xlsx":
        path = workbook
    else:
        path = tmp_path / f"vastaukset{suffix}"
        text = {".tsv": PLAIN.replace(",", "\t"), ".txt": "Perhekeskus toimii.\n"}.get(suffix)
        if suffix == ".jsonl":
            text = '{"id": 1, "text": "Perhekeskus toimii."}\n'
        path.write_text(text or PLAIN, encoding="utf-8")
    out = ["-o", str(tmp_path / ("out" if verb == ["survey"] else "out.jsonl"))]
    assert main([*verb, str(path), *option, *out]) == 2
    line = _error(capsys)
    assert f"{option[0]} is for " in line and f"is read as {read_as}" in line


def test_an_option_for_another_format_on_standard_input(
    workbook: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(workbook.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["tag", "-", "--delimiter", ";", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "'<stdin>' is read as XLSX" in _error(capsys)


def test_options_for_the_right_format_still_work(tmp_path: Path) -> None:
    legacy = tmp_path / "vanha.csv"
    legacy.write_bytes("id|text\n1|Päivähoito ja perhekeskus.\n".encode("cp1252"))
    out = str(tmp_path / "o.jsonl")
    assert main(["tag", str(legacy), "--encoding", "cp1252", "--delimiter", "|", "-o", out]) == 0
    lines = tmp_path / "rivit.txt"
    lines.write_text("Perhekeskus toimii.\n", encoding="utf-8")
    assert main(["tag", str(lines), "--encoding", "utf-8", "-o", out]) == 0


# --- 4. survey's list of issues says where each is -----------------------------------------

EXPORT = (
    "Vastaajan tunnus;Tehtävänimike;Kunta;Mikä toimii yhteistyössä?\n"
    "1;sivistysjohtaja;Kuopio;Perhekeskusyhteistyö toimii hyvin.\n"
    "2;en halua kertoa;Kuopio;Oppilashuolto toimii.\n"
    "3;rehtori;Kuopion mlk;Hyte-työ sujuu.\n"
    "4;rehtori;Atlantis;Tapaamiset toimivat.\n"
)


def test_survey_prints_each_issue_with_its_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kysely.csv"
    path.write_text(EXPORT, encoding="utf-8")
    assert main(["survey", str(path), "-o", str(tmp_path / "tidy")]) == 0
    err = capsys.readouterr().err
    printed = [line.strip() for line in err.splitlines() if line.startswith("  warning: ")]
    issues = va.read_survey(path).issues
    assert len(printed) == len(issues) == 2
    assert printed[0].startswith("warning: row 3, column 'Tehtävänimike': title 'en halua")
    assert printed[1].startswith("warning: row 5, column 'Kunta': place 'Atlantis'")
    written = (tmp_path / "tidy" / "issues.csv").read_text(encoding="utf-8")
    assert written.splitlines()[1].startswith("3,Tehtävänimike,")


@pytest.mark.parametrize("line_start", [True, False])
def test_glued_bullets_fast_path_agrees_with_the_pattern(line_start: bool) -> None:
    """One-line texts skip the regular expression; the offsets are the pattern's."""
    from vastausanalyysi.nlp.pipeline import _GLUED_BULLET, glued_bullets

    texts = ["-tiedonkulku", " -x", "-", "-2", "–ä", "*_a", "•Hyte", "  *tapaamiset ok", "- tila"]
    texts += ["x-y", "-²", "\t-a", "-a\n-b", "a\r-b", "\u2028-a", "sote -palvelut", ""]
    for text in texts:
        want = [m.start(1) for m in _GLUED_BULLET.finditer(text) if line_start or m.start() > 0]
        assert glued_bullets(text, line_start) == want, text


def test_spoken_enempi_is_a_wish_like_enemman() -> None:
    # QA 5: "Enempi yhteisiä palavereita" (spoken "enemmän") was works under a develop question
    q = "Mitä yhteistyössä pitäisi kehittää?"
    tagged = va.tag(["Enempi yhteisiä palavereita", "Enemmän yhteisiä palavereita"], question=q)
    assert tagged["polarity"].tolist() == ["problem", "problem"]


@pytest.mark.parametrize(
    "text",
    [
        "Säännöllisemmät palaverit ja hyvä yhteinen suunnitelma",
        "Enempi yhteisiä palavereita ja selkeämmät vastuuhenkilöt",
        "Selkeämmät vastuut ja toimiva tiedonkulku",
    ],
)
def test_a_verbless_list_of_wishes_is_no_praise(text: str) -> None:
    # QA 5: the praise word after a comparative at the start made these works; they are wishes
    (polarity,) = va.tag([text])["polarity"].tolist()
    assert polarity == "problem"


def test_a_verbless_praise_without_a_comparative_stays_works() -> None:
    tagged = va.tag(
        ["Hyvä yhteinen suunnitelma ja toimiva tiedonkulku", "Entistä parempi yhteistyö"]
    )
    assert tagged["polarity"].tolist() == ["works", "works"]
