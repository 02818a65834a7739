"""A JSON Lines or JSON input's numbers and true/false come back as such from ``tag`` in JSON
Lines, JSON, Parquet and XLSX output, read whole or streamed, byte for byte the same (QA 6:
``"wave": 2026`` came back as ``"2026"``, ``true`` as ``"TRUE"``). CSV and TSV output write
them as the text they were read as, as before. Texts are team-written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from vastausanalyysi.cli import main

OBJECTS = [
    {"id": 1, "text": "Yhteistyö toimii.", "wave": 2026, "weight": 0.5, "ok": True, "code": ""},
    {"id": 2, "text": "Tiedonkulku heikkoa.", "wave": 2026, "weight": 1.0, "ok": False, "code": ""},
    {"id": 3, "text": "Perhekeskus toimii.", "wave": None, "weight": 2, "ok": True, "code": "07"},
    {"id": 4, "text": 5, "wave": 2025, "ok": True, "code": 7},  # no weight; a number as text
]  # fmt: skip


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "vastaukset.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in OBJECTS), "utf-8")
    return path


def _tag(src: Path, out: Path, *extra: str) -> Path:
    assert main(["-q", "tag", str(src), "-o", str(out), *extra]) == 0
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_output_keeps_the_json_types_whole_and_streamed(jsonl: Path, tmp_path: Path) -> None:
    whole = _tag(jsonl, tmp_path / "whole.jsonl")
    streamed = _tag(jsonl, tmp_path / "streamed.jsonl", "--chunk-size", "1")
    assert whole.read_bytes() == streamed.read_bytes()
    rows = _rows(whole)
    assert [r["id"] for r in rows] == [1, 2, 3, 4]
    assert [r["wave"] for r in rows] == [2026, 2026, "", 2025]  # null is read as "", as before
    assert [r["weight"] for r in rows] == [0.5, 1.0, 2, ""]  # a missing key too
    assert [r["ok"] for r in rows] == [True, False, True, True]
    assert [r["code"] for r in rows] == ["", "", "07", 7]  # each value as it was
    assert rows[3]["text"] == "5"  # the answer stays text
    assert rows[0]["areas"] == [] and rows[2]["areas"] == ["perhekeskus"]


def test_a_json_array_keeps_its_types_too(tmp_path: Path) -> None:
    src = tmp_path / "vastaukset.json"
    src.write_text(json.dumps(OBJECTS[:2], ensure_ascii=False), "utf-8")
    rows = _rows(_tag(src, tmp_path / "out.jsonl"))
    assert [(r["id"], r["wave"], r["ok"]) for r in rows] == [(1, 2026, True), (2, 2026, False)]


def test_parquet_output_has_typed_columns_and_text_where_they_mix(
    jsonl: Path, tmp_path: Path
) -> None:
    whole = _tag(jsonl, tmp_path / "whole.parquet")
    streamed = _tag(jsonl, tmp_path / "streamed.parquet", "--chunk-size", "2")
    frame = pd.read_parquet(whole)
    assert frame.equals(pd.read_parquet(streamed))
    assert str(frame["id"].dtype) == "int64" and str(frame["ok"].dtype) == "bool"
    assert frame["wave"].tolist() == ["2026", "2026", "", "2025"]  # numbers and "" mix: text
    assert frame["code"].tolist() == ["", "", "07", "7"]


def test_xlsx_cells_are_numbers_and_csv_is_text_as_before(jsonl: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_tag(jsonl, tmp_path / "out.xlsx"))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert first["id"] == 1 and first["wave"] == 2026 and first["ok"] is True
    assert sheet.cell(row=2, column=1).data_type == "n"
    csv_rows = pd.read_csv(_tag(jsonl, tmp_path / "out.csv"), dtype=str, keep_default_na=False)
    assert csv_rows["ok"].tolist() == ["TRUE", "FALSE", "TRUE", "TRUE"]
    assert csv_rows["weight"].tolist() == ["0.5", "1", "2", ""]
