"""Doubtful decodings are warned about, naming the file (QA 6 #8): a Mac Roman CSV read as
Windows-1252 ("Yhteistyš" for "Yhteistyö") and a byte order mark that ``--encoding`` does not
match. Whole and streamed reading, files and standard input. Texts are team-written."""

from __future__ import annotations

import codecs
import io
import logging
import sys
from pathlib import Path

import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.survey import read_table

ROWS = [
    "id;text",
    "1;Yhteistyö perhekeskuksen kanssa toimii hyvin.",
    "2;Tiedonkulku on heikkoa, ja Äänekosken väki odottaa…",
    "3;Öisin päivystys on ruuhkainen, mutta hoito 10 € halvempaa.",
]
TEXT = "\n".join(ROWS) + "\n"


def _write(path: Path, encoding: str, text: str = TEXT) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_mac_roman_read_as_windows_1252_is_named(tmp_path: Path, caplog) -> None:
    path = _write(tmp_path / "mac.csv", "mac_roman")
    with caplog.at_level(logging.WARNING):
        frame = read_table(path)
    assert frame["text"][0] == "Yhteistyš perhekeskuksen kanssa toimii hyvin."  # as decoded
    [warning] = [w for w in _warnings(caplog) if "Mac Roman" in w]
    assert warning.startswith(f"{path} is decoded as cp1252, but it looks like Mac Roman")
    assert "line 2: 'Yhteistyš' would be 'Yhteistyö'" in warning
    assert "--encoding mac_roman" in warning


def test_mac_roman_given_reads_right_and_windows_1252_gives_no_warning(
    tmp_path: Path, caplog
) -> None:
    with caplog.at_level(logging.WARNING):
        mac = read_table(_write(tmp_path / "mac.csv", "mac_roman"), encoding="mac_roman")
        ansi = read_table(_write(tmp_path / "ansi.csv", "cp1252"))
        latin = read_table(_write(tmp_path / "ansi.csv", "cp1252"), encoding="latin-1")
    expected = [row.split(";", 1)[1] for row in ROWS[1:]]
    assert mac["text"].tolist() == ansi["text"].tolist() == expected
    assert latin["text"][0] == expected[0]
    assert _warnings(caplog) == []  # "…" and "€" after a word are no Mac Roman letters


def test_mac_roman_warning_whole_streamed_and_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "mac.csv", "mac_roman")
    found = []
    for extra in ([], ["--chunk-size", "2"]):
        assert main(["tag", str(path), "-o", str(tmp_path / "out.csv"), *extra]) == 0
        found.append([line for line in capsys.readouterr().err.splitlines() if "Mac Roman" in line])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    assert main(["tag", "-", "-o", str(tmp_path / "out.csv")]) == 0
    found.append([line for line in capsys.readouterr().err.splitlines() if "Mac Roman" in line])
    assert [len(lines) for lines in found] == [1, 1, 1]
    assert f"{path} is decoded as cp1252" in found[0][0]
    assert found[1][0].startswith("WARNING vastausanalyysi.cli:")  # streamed, not read whole
    assert found[1][0].split(": ", 1)[1] == found[0][0].split(": ", 1)[1]  # the same words
    assert "<stdin> is decoded as cp1252" in found[2][0]  # not the temporary file's name


def test_a_byte_order_mark_that_the_given_encoding_does_not_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    for extra in ([], ["--chunk-size", "2"]):
        args = ["tag", str(path), "--encoding", "cp1252", "-o", str(tmp_path / "o.csv"), *extra]
        assert main(args) == 0
        err = capsys.readouterr().err
        assert ("WARNING vastausanalyysi.cli: " if extra else "vastausanalyysi.survey: ") in err
        assert (
            f"{path} starts with a UTF-8 byte order mark but is decoded as cp1252, as "
            "--encoding asks: it is probably UTF-8 (leave --encoding out)"
        ) in err
    assert main(["tag", str(path), "-o", str(tmp_path / "o.csv")]) == 0
    assert "byte order mark" not in capsys.readouterr().err


def test_a_utf8_byte_order_mark_under_encoding_utf8_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    given = read_table(path, encoding="utf-8")
    assert list(given.columns) == ["id", "text"]  # was "\ufeffid"
    assert given.equals(read_table(path))


def test_mac_roman_lines_in_a_utf8_file_are_named_by_line(tmp_path: Path, caplog) -> None:
    lines = [row.encode("mac_roman" if n == 2 else "utf-8") for n, row in enumerate(ROWS)]
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with caplog.at_level(logging.WARNING):
        frame = read_table(path)
    assert frame["text"][0] == "Yhteistyö perhekeskuksen kanssa toimii hyvin."  # UTF-8 line
    [warning] = [w for w in _warnings(caplog) if "Mac Roman" in w]
    assert "decoded as Windows-1252" in warning
    assert "line 3: '€Šnekosken' would be 'Äänekosken'" in warning
