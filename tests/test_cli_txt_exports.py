"""``.txt`` inputs (QA, 2026-12-07): Excel saves "Unicode text" (UTF-16 with tabs) and "Text (Tab
delimited)" as ``.txt``; the verbs other than ``survey`` read them as one answer a line (the
header and every whole row an "answer"), or failed with a raw UnicodeDecodeError. A ``.txt``
whose first line has tabs and whose lines split consistently on them is a table now;
``--format lines`` still reads one text a line. The texts are team-written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main

HEADER = ["Vastaajan tunnus", "Tehtävänimike", "Kunta", "Mikä toimii hyvin yhteistyössä?"]
ROWS = [
    ["V1", "kunnanjohtaja", "Jyväskylä", "Tiedonkulku perhekeskuksen kanssa toimii."],
    ["V2", "sivistysjohtaja", "Äänekoski", "Oppilashuollon yhteistyö sujuu hyvin."],
    ["V3", "hyvinvointikoordinaattori", "Kuopio", "Hyte-työ on säännöllistä."],
]


def _export(path: Path, encoding: str) -> Path:
    lines = ["\t".join(HEADER), *("\t".join(r) for r in ROWS)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8"])
def test_a_tab_separated_txt_export_is_read_as_a_table(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _export(tmp_path / "vienti.txt", encoding)
    out = tmp_path / "tagged.csv"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    tagged = pd.read_csv(out, dtype=str)
    assert tagged["text"].tolist() == [r[3] for r in ROWS]
    assert tagged["respondent_id"].tolist() == ["V1", "V2", "V3"]
    assert "read as a tab-separated table" in capsys.readouterr().err


def test_format_lines_reads_a_txt_file_one_text_a_line(tmp_path: Path) -> None:
    src = _export(tmp_path / "vienti.txt", "utf-8")
    out = tmp_path / "tagged.csv"
    assert main(["tag", str(src), "--format", "lines", "-o", str(out)]) == 0
    assert len(pd.read_csv(out, dtype=str)) == 4  # the header is a line too


def test_a_windows_1252_txt_of_answers_is_decoded(tmp_path: Path) -> None:
    src = tmp_path / "vastaukset.txt"
    src.write_bytes("Yhteistyö sujuu.\nTilat ovat kunnossa.\n".encode("cp1252"))
    out = tmp_path / "tagged.csv"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    assert pd.read_csv(out, dtype=str)["text"].tolist() == [
        "Yhteistyö sujuu.",
        "Tilat ovat kunnossa.",
    ]
