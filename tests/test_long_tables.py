"""A long table of answers (one row per answer, as `tag` takes) with a job title and a
municipality column is placed in respondent groups and counties like a survey export, by the
headers alone, the same whole or streamed (QA 5: such a table got no group and no county).
Team-written rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from vastausanalyysi.cli import main
from vastausanalyysi.survey.columns import add_respondent_columns, header_roles

ROWS = [
    ("R1", "toimii", "Perhekeskus toimii hyvin.", "sivistysjohtaja", "Tampere"),
    ("R1", "kehitettävää", "Tiedonkulku takkuaa.", "sivistysjohtaja", "Tampere"),
    ("R2", "toimii", "Oppilashuolto sujuu.", "kunnanjohtaja ", "Oulu"),  # a trailing space
    ("R3", "toimii", "Varautuminen on hoidettu yhdessä.", "kunnanhallituksen pj", "Oulussa"),
    ("R4", "toimii", "Tilat ovat kunnossa.", "", "Kuopio"),
]


def test_header_roles_name_title_and_place_columns() -> None:
    roles = header_roles(["respondent_id", "text", "Tehtävänimike", "Kunta", "Vastausaika"])
    assert roles == {"title": "Tehtävänimike", "municipality": "Kunta"}
    assert header_roles(["id", "text"]) == {}


def test_groups_and_counties_are_added_to_a_long_table() -> None:
    frame = pd.DataFrame(ROWS, columns=["respondent_id", "question", "text", "Nimike", "Kunta"])
    out = add_respondent_columns(frame)
    assert list(out.columns[-3:]) == ["group", "coarse_group", "region"]
    assert out["group"].tolist()[:4] == ["sivistysjohto"] * 2 + ["kuntajohtaja", "puheenjohtaja"]
    assert out["coarse_group"].tolist()[-1] == "tuntematon"  # no title
    assert out["region"].tolist() == ["08", "08", "19", "19", "13"]
    # a table with its own groups is left as it is
    assert add_respondent_columns(out.drop(columns=["region"])).equals(out.drop(columns=["region"]))


def test_tag_places_a_long_export_whole_and_streamed_alike(tmp_path: Path) -> None:
    src = tmp_path / "pitka.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "question", "text", "Tehtävänimike", "Kunta"])
        writer.writerows(ROWS)
    whole, streamed = tmp_path / "whole.jsonl", tmp_path / "streamed.jsonl"
    assert main(["-q", "tag", str(src), "-o", str(whole)]) == 0
    assert main(["-q", "tag", str(src), "-o", str(streamed), "--chunk-size", "2"]) == 0
    assert whole.read_bytes() == streamed.read_bytes()
    tagged = pd.read_json(whole, lines=True, dtype=False)
    assert tagged["region"].tolist() == ["08", "08", "19", "19", "13"]
    out = tmp_path / "freq.csv"
    assert (
        main(["-q", "summary", str(whole), "-b", "region", "--min-cell", "1", "-o", str(out)]) == 0
    )
    assert set(pd.read_csv(out, dtype=str)["region_name"]) == {"Pirkanmaa", "Pohjois-Pohjanmaa",
                                                                "Pohjois-Savo"}  # fmt: skip
