"""README ("The files that `survey`, `lemmatize`, `tag`, `summary`, `cluster` and `report` write
are the same, byte for byte, for the same input on every run"), from QA 4: report.xlsx and
`tag -o x.xlsx` differed by the second of writing. Team-written texts."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

from vastausanalyysi.cli import main
from vastausanalyysi.report.xlsx import WORKBOOK_TIME

TEXTS = [
    "Perhekeskus toimii hyvin ja tiedonkulku on nopeaa.",
    "Tiedonkulku on heikkoa. Kiinteistöjen vuokrista on kiistaa.",
    "Oppilashuollon kuraattorit ovat kouluilla, yhteistyö sujuu.",
]


def _run_all(src: Path, out: Path) -> list[Path]:
    """Every file the commands write for ``src`` into folder ``out``."""
    out.mkdir()
    tagged = out / "tagged.jsonl"
    commands = [
        ["survey", str(src), "-o", str(out / "tidy")],
        ["lemmatize", str(src), "-o", str(out / "lemmat.csv")],
        ["tag", str(src), "-o", str(tagged)],
        ["tag", str(src), "-o", str(out / "tagged.csv")],
        ["tag", str(src), "-o", str(out / "tagged.xlsx")],
        ["summary", str(tagged), "-b", "title", "-o", str(out / "freq.csv")],
        ["cluster", str(tagged), "-o", str(out / "clusters.csv")],
        ["report", str(src), "--out", str(out / "raportti")],
    ]
    for command in commands:
        assert main(["-q", *command]) == 0, command
    return sorted(p for p in out.rglob("*") if p.is_file())


def test_every_command_writes_the_same_bytes_on_a_second_run(tmp_path: Path) -> None:
    src = tmp_path / "vastaukset.csv"
    pd.DataFrame(
        {
            "respondent_id": [f"R{i:02d}" for i in range(30)],
            "title": ["rehtori", "kunnanjohtaja", "sivistysjohtaja"] * 10,
            "text": TEXTS * 10,
        }
    ).to_csv(src, index=False)
    first = _run_all(src, tmp_path / "a")
    time.sleep(2.1)  # zip entries keep the time in steps of two seconds
    second = _run_all(src, tmp_path / "b")
    names = [p.relative_to(tmp_path / "a") for p in first]
    assert names == [p.relative_to(tmp_path / "b") for p in second]
    assert {p.suffix for p in first} >= {".csv", ".jsonl", ".xlsx", ".html", ".md"}
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    for book in (p for p in first if p.suffix == ".xlsx"):
        with zipfile.ZipFile(book) as archive:
            assert {info.date_time for info in archive.infolist()} == {WORKBOOK_TIME}
        wb = openpyxl.load_workbook(book)
        assert wb.properties.modified.timetuple()[:6] == WORKBOOK_TIME
        assert wb.active.max_row > 1  # the data are there
