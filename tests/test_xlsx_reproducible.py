"""QA 4 and README ("… are the same, byte for byte, for the same input on every run"): the same data
give the same XLSX bytes (no time of writing in the file), for `tag -o`
and the report's workbook. Team-written texts."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

from vastausanalyysi.cli import main
from vastausanalyysi.report.xlsx import WORKBOOK_TIME


def test_tag_and_report_workbooks_are_the_same_bytes_on_a_second_run(tmp_path: Path) -> None:
    src = tmp_path / "vastaukset.csv"
    pd.DataFrame(
        {
            "respondent_id": [f"R{i}" for i in range(12)],
            "text": ["Perhekeskus toimii hyvin.", "Tiedonkulku on heikkoa."] * 6,
        }
    ).to_csv(src, index=False)
    outputs = []
    for run in (1, 2):
        out = tmp_path / f"run{run}"
        assert main(["-q", "tag", str(src), "-o", str(out) + ".xlsx"]) == 0
        assert main(["-q", "report", str(src), "--out", str(out)]) == 0
        outputs.append((Path(str(out) + ".xlsx"), out / "report.xlsx"))
        time.sleep(1.1)  # the zip entries' times have a resolution of two seconds
    for first, second in zip(*outputs, strict=True):
        assert first.read_bytes() == second.read_bytes()
        with zipfile.ZipFile(first) as book:
            assert {info.date_time for info in book.infolist()} == {WORKBOOK_TIME}
        wb = openpyxl.load_workbook(first)
        assert wb.properties.modified.timetuple()[:6] == WORKBOOK_TIME
        assert wb.active.max_row > 1  # the data are there
