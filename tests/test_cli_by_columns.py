"""QA3 note 6: ``-b`` takes a survey export's own header name of a recognised column ("Kunta"),
an unknown name is an error listing the usable ones, and a wrong ``--id-column`` is named first.
Also: group names written by ``summary`` and ``report`` are masked (a title with a name in it).
Team-written export; the names are made up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main

ROWS = [
    ("R1", "rehtori", "Kuopio", "Perhekeskus toimii hyvin ja neuvola on lähellä."),
    ("R2", "sivistysjohtaja", "Kuopio", "Oppilashuolto toimii hyvin yhdessä koulujen kanssa."),
    ("R3", "kunnanjohtaja Jussi Nieminen", "Kuopio", "Tiedonkulku ei toimi lainkaan."),
    ("R4", "rehtori", "Oulu", "Perhekeskus ja neuvola toimivat hyvin."),
    ("R5", "sivistysjohtaja", "Oulu", "Oppilashuolto ja hyte-työ sujuvat."),
    ("R6", "rehtori", "Oulu", "Tiedonkulku takkuaa ja tapaamisia on liian vähän."),
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "kysely.csv"
    header = "Vastaajan tunnus;Tehtävänimike;Kunta;Mikä toimii yhteistyössä?\n"
    path.write_text(header + "".join(";".join(r) + "\n" for r in ROWS), encoding="utf-8")
    return path


def test_summary_by_the_files_own_header_name(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "freq.csv"
    assert main(["summary", str(export), "-b", "Kunta", "--min-cell", "1", "-o", str(out)]) == 0
    frame = pd.read_csv(out)
    assert set(frame["municipality"]) == {"Kuopio", "Oulu"}
    # the internal name works as before
    out2 = tmp_path / "freq2.csv"
    args = ["summary", str(export), "-b", "municipality", "--min-cell", "1", "-o", str(out2)]
    assert main(args) == 0
    assert pd.read_csv(out2).equals(frame)


def test_report_by_kunta_is_written(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "raportti"
    args = ["-q", "report", str(export), "-b", "Kunta", "--min-cell", "1", "--out", str(out)]
    assert main(args) == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "Kuopio" in text and "Oulu" in text


def test_unknown_by_column_lists_the_usable_names(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["summary", str(export), "-b", "Kunnat", "-o", str(tmp_path / "f.csv")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "-b/--by 'Kunnat': no such column in" in err
    assert all(name in err for name in ("'Kunta'", "'municipality'", "'group'", "'region'"))


def test_wrong_id_column_is_named_first(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(export), "--id-column", "nope", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vastausanalyysi: error: --id-column 'nope' not found in"), err
    assert "no text column" not in err and "'Vastaajan tunnus'" in err


def test_id_column_by_the_files_own_header_name(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "freq.csv"
    args = ["summary", str(export), "--id-column", "Vastaajan tunnus", "-b", "Kunta"]
    assert main([*args, "--min-cell", "1", "-o", str(out)]) == 0
    assert set(pd.read_csv(out)["municipality"]) == {"Kuopio", "Oulu"}


def test_group_names_are_masked_in_summary_and_report(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "freq.csv"
    args = ["summary", str(export), "-b", "Tehtävänimike", "--min-cell", "1", "-o", str(out)]
    assert main(args) == 0
    titles = set(pd.read_csv(out)["title"])
    assert "kunnanjohtaja [NIMI]" in titles and not any("Nieminen" in t for t in titles)
    folder = tmp_path / "raportti"
    args = ["-q", "report", str(export), "-b", "Tehtävänimike", "--min-cell", "1"]
    assert main([*args, "--out", str(folder)]) == 0
    written = [p for p in folder.iterdir() if p.suffix in {".md", ".html", ".jsonl"}]
    assert written and all("Nieminen" not in p.read_text(encoding="utf-8") for p in written)


def test_summary_by_region_names_each_county_beside_its_code(export: Path, tmp_path: Path) -> None:
    # QA 5: `summary -b region` gave county codes only ("17", "19")
    out = tmp_path / "freq.csv"
    assert main(["summary", str(export), "-b", "region", "--min-cell", "1", "-o", str(out)]) == 0
    frame = pd.read_csv(out, dtype={"region": str})
    assert list(frame.columns[:2]) == ["region", "region_name"]
    names = dict(zip(frame["region"], frame["region_name"], strict=False))
    assert names == {"13": "Pohjois-Savo", "19": "Pohjois-Pohjanmaa"}
    # a column of other values gets no name column
    out2 = tmp_path / "freq2.csv"
    assert main(["summary", str(export), "-b", "Kunta", "--min-cell", "1", "-o", str(out2)]) == 0
    assert "municipality_name" not in pd.read_csv(out2).columns
