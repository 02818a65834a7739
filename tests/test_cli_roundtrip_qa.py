"""Files the CLI writes read back (QA, 2026-12-07): control characters in an answer were written
raw, so the tool refused its own CSV ("a NUL byte"), and the evidence of a long answer is longer
than csv's default field limit, which made the delimiter sniffer pass over the comma. The texts
are team-written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.cli.output import formula_safe

CONTROLLED = "Hyvä\x00 yhteistyö\x07 ja\x1b tapaamiset\x0b toimivat\x0c.\x7f"
LONG = "Perhekeskuksen ja koulun yhteistyö toimii, mutta tiedonkulku takkuaa. " * 1500


def test_control_characters_are_written_as_spaces_of_the_same_length() -> None:
    safe = formula_safe(CONTROLLED)
    assert safe == "Hyvä  yhteistyö  ja  tapaamiset  toimivat . "
    assert len(safe) == len(CONTROLLED)  # evidence offsets still hold
    assert formula_safe("rivi\tja\nrivi\r") == "rivi\tja\nrivi\r"  # tab, LF, CR stay


@pytest.mark.parametrize("suffix", ["csv", "tsv"])
def test_a_tagged_file_with_control_characters_and_a_long_answer_reads_back(
    tmp_path: Path, suffix: str
) -> None:
    src = tmp_path / "vastaukset.jsonl"
    rows = [{"text": CONTROLLED}, {"text": LONG}, {"text": "Tilat ovat kunnossa."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / f"tagged.{suffix}"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert b"\x00" not in data and b"\x07" not in data
    sep = "\t" if suffix == "tsv" else ","
    frame = pd.read_csv(out, sep=sep, dtype=str, keep_default_na=False)
    assert frame["evidence"].str.len().max() > 131_072  # csv's default field limit
    again = tmp_path / f"again.{suffix}"
    assert main(["tag", str(out), "-o", str(again)]) == 0
    texts = pd.read_csv(again, sep=sep, dtype=str, keep_default_na=False)["text"].tolist()
    assert texts == [t.strip() for t in frame["text"]]  # a cell is read without edge spaces


def test_a_tagged_xlsx_with_evidence_longer_than_a_cell_reads_back(tmp_path: Path) -> None:
    """XLSX cells hold 32,767 characters: cut JSON could not be read back ("not JSON"), so a
    JSON cell that does not fit is left empty; the row's codes stand."""
    src = tmp_path / "vastaukset.jsonl"
    rows = [{"text": LONG}, {"text": "Tilat ovat kunnossa."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "tagged.xlsx"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    frame = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert frame.loc[0, "evidence"] == "" and frame.loc[0, "areas"] != ""
    assert frame.loc[1, "evidence"] != ""
    again = tmp_path / "again.csv"
    assert main(["tag", str(out), "-o", str(again)]) == 0
    read = pd.read_csv(again, dtype=str, keep_default_na=False)
    assert read["areas"].tolist() == frame["areas"].tolist()
