"""QA3 notes 1 and 4: every text column written out is masked (not only titles and answers), a
column of contact data cell by cell; titles and known places are no names; evidence offsets
point into the text as written. Team-written texts; names, addresses and numbers are made up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.workflow import mask_output, names_people

LEAKS = ("virtanen", "laaksonen", "@", "040 765", "Pekka", "Tiina", "Korhonen")
ANSWERS = [
    "Perhekeskus toimii hyvin ja neuvola on lähellä.",
    "Yhteyshenkilö Pekka Virtanen vastaa nopeasti, oppilashuolto sujuu.",
    "Tiedonkulku ei toimi ja kiinteistöasiat ovat jumissa.",
    "Hyte-koordinaattori Leena Korhonen on tehnyt hyvää työtä.",
]


def _export(tmp_path: Path) -> Path:
    rows = [
        ("R1", "rehtori", "Kaarina", "pekka.virtanen@kunta.invalid", "040 765 4321", ANSWERS[0]),
        ("R2", "sivistysjohtaja", "Lovisa", "tiina.laaksonen@kunta.invalid", "", ANSWERS[1]),
        ("R3", "kunnanjohtaja", "Kuopio", "", "040 765 1234", ANSWERS[2]),
        ("R4", "hyte-koordinaattori", "Oulu", "t.laaksonen@kunta.invalid", "", ANSWERS[3]),
    ]
    path = tmp_path / "kysely.csv"
    header = "Vastaajan tunnus;Tehtävänimike;Kunta;Sähköposti;Puhelin;Mikä toimii yhteistyössä?\n"
    path.write_text(header + "".join(";".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _leaks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [leak for leak in LEAKS if leak in text]


def test_survey_output_masks_every_passed_through_column(tmp_path: Path) -> None:
    tidy = tmp_path / "tidy"
    assert main(["survey", str(_export(tmp_path)), "-o", str(tidy)]) == 0
    written = sorted(tidy.glob("*.csv"))
    assert {p.name: _leaks(p) for p in written} == {p.name: [] for p in written}
    respondents = pd.read_csv(tidy / "respondents.csv", dtype=str, keep_default_na=False)
    # a column of contact data: every filled cell a placeholder, empty cells stay empty
    assert respondents["Sähköposti"].tolist() == ["[EMAIL]", "[EMAIL]", "", "[EMAIL]"]
    assert respondents["Puhelin"].tolist() == ["[PUHELIN]", "", "[PUHELIN]", ""]
    # places, ids and titles are no personal data
    assert respondents["municipality"].tolist() == ["Kaarina", "Lovisa", "Kuopio", "Oulu"]
    assert respondents["respondent_id"].tolist() == ["R1", "R2", "R3", "R4"]
    assert respondents["title"].tolist()[0] == "rehtori"


def test_survey_keep_personal_data_writes_them(tmp_path: Path) -> None:
    tidy = tmp_path / "tidy"
    args = ["survey", str(_export(tmp_path)), "-o", str(tidy), "--keep-personal-data"]
    assert main(args) == 0
    respondents = pd.read_csv(tidy / "respondents.csv", dtype=str, keep_default_na=False)
    assert respondents["Sähköposti"].tolist()[0] == "pekka.virtanen@kunta.invalid"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_tag_masks_the_columns_it_passes_through(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "vastaukset.csv"
    pd.DataFrame(
        {
            "tunnus": ["a1", "a2", "a3", "a4"],
            "yhteyshenkilö": ["Pekka Virtanen", "Tiina Laaksonen", "Pekka Virtanen", ""],
            "sposti": ["pekka.virtanen@kunta.invalid", "", "", "tiina@kunta.invalid"],
            "organisaatio": ["Kuopion kaupunki", "Sivistystoimi", "Perhekeskus", "Neuvola"],
            "text": ANSWERS,
        }
    ).to_csv(source, index=False)
    out = tmp_path / f"tagged{suffix}"
    assert main(["tag", str(source), "--id-column", "tunnus", "-o", str(out)]) == 0
    assert _leaks(out) == []
    frame = (
        pd.read_json(out, lines=True, dtype=False)
        if suffix == ".jsonl"
        else pd.read_csv(out, dtype=str, keep_default_na=False)
    )
    assert frame["tunnus"].tolist() == ["a1", "a2", "a3", "a4"]
    assert frame["yhteyshenkilö"].tolist()[:3] == ["[NIMI]"] * 3
    assert frame["sposti"].tolist()[0] == "[EMAIL]"
    # an ordinary text column is masked, not replaced whole
    assert frame["organisaatio"].tolist() == ["Kuopion kaupunki", "Sivistystoimi", "Perhekeskus",
                                              "Neuvola"]  # fmt: skip


def test_contact_column_is_found_by_content_not_only_by_header() -> None:
    frame = pd.DataFrame(
        {
            "text": ["Hyvin toimii.", "Ei toimi.", "Sujuu."],
            "yhteys": ["Pekka Virtanen", "Tiina Laaksonen", "Kalle"],
            "huomio": ["Puhelin ei vastaa", "ok", "kiitos"],
        }
    )
    out = mask_output(frame)
    assert out["yhteys"].tolist() == ["[NIMI]", "[NIMI]", "[NIMI]"]
    assert out["huomio"].tolist() == ["Puhelin ei vastaa", "ok", "kiitos"]


@pytest.mark.parametrize(
    ("header", "is_names"),
    [
        ("Nimi", True),
        ("Vastaajan nimi (vapaaehtoinen)", True),
        ("Etu- ja sukunimi", True),
        ("Name", True),
        ("Kunnan nimi", False),  # a place's
        ("Organisaation nimi", False),
        ("Tehtävänimike", False),
        ("Nimike", False),
    ],
)
def test_a_column_headed_as_names_is_contact_data_whatever_its_values(
    header: str, is_names: bool
) -> None:
    # a Microsoft Forms export's "Nimi": values no name list knows ("Testi Käyttäjä", "tk")
    frame = pd.DataFrame(
        {
            "text": ["Hyvin toimii.", "Ei toimi.", "Sujuu."],
            header: ["Testi Käyttäjä", "tk", "Kuopio"],
        }
    )
    out = mask_output(frame)
    expected = ["[NIMI]"] * 3 if is_names else ["Testi Käyttäjä", "tk", "Kuopio"]
    assert out[header].tolist() == expected
    assert names_people(header) is is_names
