"""The command line's input and output, end to end through ``cli.main`` on real files.

One set of input options for every verb, standard input, output formats by suffix and the
one-line errors with exit status 2 (issue 13). Texts are team-written.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.errors import SurveyError

PLAIN = (
    "vastaaja,ryhma,vastaus\n"
    "1,a,Perhekeskusyhteistyö toimii hyvin.\n"
    "1,a,Oppilashuolto toimii.\n"
    '2,b,"Tiedonkulku ei toimi, kiinteistöasiat jumissa."\n'
    "3,b,Hyte-työ ja oppilashuolto sujuvat.\n"
)
EXPORT = (
    "Vastaajan tunnus;Tehtävänimike;Kunta;Mikä toimii yhteistyössä?;Mitä pitäisi kehittää?\n"
    "1;sivistysjohtaja;Kuopio;Perhekeskusyhteistyö toimii hyvin.;Tiedonkulku takkuaa.\n"
    "2;kunnanjohtaja;Oulu;Oppilashuolto toimii.;Kiinteistöasiat ovat jumissa.\n"
    "3;rehtori;Espoo;Hyte-työ sujuu.;Yhteiset tapaamiset puuttuvat.\n"
)


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.csv"
    path.write_text(PLAIN, encoding="utf-8")
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "kysely.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("vastausanalyysi:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


# ---------------------------------------------------------------------------- text column


@pytest.mark.parametrize("flag", ["-c", "--text-column", "--column"])
def test_text_column_flag_and_aliases(plain: Path, tmp_path: Path, flag: str) -> None:
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(plain), flag, "vastaus", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["vastaaja"] for r in rows] == ["1", "1", "2", "3"]
    assert rows[0]["areas"] == ["perhekeskus"]
    assert "tietopohja" in rows[2]["mechanisms"]


@pytest.mark.parametrize(
    ("verb", "extra"),
    [
        ("summary", ["-o", "out.csv", "--min-cell", "1"]),
        ("cluster", ["-o", "out.csv"]),
        ("lemmatize", ["-o", "out.csv"]),
        ("report", ["--out", "raportti", "--min-cell", "1"]),
    ],
)
def test_every_verb_takes_the_text_column(
    plain: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verb: str, extra: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([verb, str(plain), "-c", "vastaus", *extra]) == 0
    if verb == "report":
        tagged = pd.read_json(tmp_path / "raportti" / "tagged.jsonl", lines=True)
        assert tagged["text"].tolist()[0] == "Perhekeskusyhteistyö toimii hyvin."
        assert "Perhekeskus" in (tmp_path / "raportti" / "report.html").read_text("utf-8")
        return
    frame = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    if verb == "summary":
        row = frame[frame["code"] == "oppilashuolto"].iloc[0]
        assert (row["n"], row["base"]) == ("2", "4")
    elif verb == "cluster":
        assert frame["size"].astype(int).sum() == 4
    else:
        assert frame["lemmas"].tolist()[0].split()[0] == "perhekeskusyhteistyö"


def test_missing_text_column_lists_the_columns(
    plain: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cluster", str(plain), "-c", "teksti"]) == 2
    line = _one_line_error(capsys)
    assert "'teksti'" in line and "'vastaaja'" in line and "'vastaus'" in line
    # without -c: no 'text' column and no open question; nothing is written
    assert main(["tag", str(plain), "-o", str(plain.with_suffix(".out.csv"))]) == 2
    line = _one_line_error(capsys)
    assert "'vastaus'" in line and "-c/--text-column" in line
    assert not plain.with_suffix(".out.csv").exists()


def test_summary_and_report_on_a_file_without_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    no_text = tmp_path / "notext.csv"
    no_text.write_text("id,ryhma\n1,a\n2,b\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("id,text\n1,\n2,\n", encoding="utf-8")
    out = tmp_path / "freq.csv"
    for argv in (
        ["summary", str(no_text), "-o", str(out)],
        ["summary", str(empty), "-o", str(out)],
        ["report", str(no_text), "--out", str(tmp_path / "r")],
        ["report", str(empty), "--out", str(tmp_path / "r")],
    ):
        assert main(argv) == 2
        line = _one_line_error(capsys)
        assert argv[1] in line
    assert not out.exists()
    assert main(["summary", str(empty)]) == 2
    assert "has no word in any of its 2 rows" in _one_line_error(capsys)
    numbers = tmp_path / "numbers.csv"  # a Likert column named as the text (QA 6)
    numbers.write_text("id,text\n1,5\n2,3\n3,4\n", encoding="utf-8")
    assert main(["summary", str(numbers)]) == 2
    assert "(it is empty or holds numbers)" in _one_line_error(capsys)


def test_id_column(plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "freq.csv"
    argv = ["summary", str(plain), "-c", "vastaus", "-o", str(out), "--min-cell", "1"]
    assert main([*argv, "--id-column", "vastaaja"]) == 0
    by_respondent = pd.read_csv(out)
    assert set(by_respondent["base"]) == {3}  # respondent 1 answered twice
    assert main(argv) == 0
    assert set(pd.read_csv(out)["base"]) == {4}
    assert main([*argv, "--id-column", "tunnus"]) == 2
    line = _one_line_error(capsys)
    assert "id column 'tunnus'" in line and "'vastaaja'" in line


def test_question_picks_one_open_question(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(export), "-o", str(out)]) == 0
    both = pd.read_json(out, lines=True)
    assert len(both) == 6
    assert main(["tag", str(export), "--question", "kehittää", "-o", str(out)]) == 0
    one = pd.read_json(out, lines=True)
    assert one["question"].unique().tolist() == ["Mitä pitäisi kehittää?"]
    assert one["text"].tolist()[0] == "Tiedonkulku takkuaa."
    assert main(["tag", str(export), "--question", "Mikä", "-o", str(out)]) == 0
    assert main(["tag", str(export), "--question", "huono", "-o", str(out)]) == 2
    line = _one_line_error(capsys)
    assert "'huono'" in line and "'Mikä toimii yhteistyössä?'" in line


def test_survey_takes_the_same_options(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tidy = tmp_path / "tidy"
    assert main(["survey", str(export), "--question", "kehittää", "-o", str(tidy)]) == 0
    answers = pd.read_csv(tidy / "answers.csv")
    assert answers["question"].unique().tolist() == ["Mitä pitäisi kehittää?"]
    assert len(answers) == 3
    assert main(["survey", str(export), "-c", "Mikä toimii yhteistyössä?"]) == 0
    assert "open: ('Mikä toimii yhteistyössä?',)" in capsys.readouterr().err
    assert main(["survey", str(export), "-c", "ei ole"]) == 2
    assert "'ei ole'" in _one_line_error(capsys)


def test_sheet_encoding_and_delimiter(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "ohje"
    book.active.append(["tämä välilehti ei ole vastauksia"])
    answers = book.create_sheet("vastaukset")
    answers.append(["id", "vastaus"])
    answers.append([1, "Perhekeskus toimii."])
    xlsx = tmp_path / "kysely.xlsx"
    book.save(xlsx)
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(xlsx), "--sheet", "vastaukset", "-c", "vastaus", "-o", str(out)]) == 0
    assert pd.read_json(out, lines=True)["areas"].tolist() == [["perhekeskus"]]

    legacy = tmp_path / "vanha.csv"
    legacy.write_bytes("id|vastaus\n1|Päivähoito ja perhekeskus.\n".encode("cp1252"))
    argv = ["tag", str(legacy), "-c", "vastaus", "-o", str(out), "--encoding", "cp1252"]
    assert main([*argv, "--delimiter", "|"]) == 0
    tagged = pd.read_json(out, lines=True)
    assert tagged["vastaus"].tolist() == ["Päivähoito ja perhekeskus."]
    assert main([*argv, "--delimiter", ";"]) == 2  # no column 'vastaus' when split by ';'


# ---------------------------------------------------------------------------- standard input


def test_stdin_tagged_jsonl_feeds_summary(
    plain: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tagged = tmp_path / "tagged.jsonl"
    assert main(["tag", str(plain), "-c", "vastaus", "-o", str(tagged)]) == 0
    capsys.readouterr()
    _stdin(monkeypatch, tagged.read_bytes())
    assert main(["summary", "-", "-c", "vastaus", "--min-cell", "1"]) == 0
    freqs = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(freqs["base"]) == {4}  # four answers, not one per JSON line read as text
    row = freqs[freqs["code"] == "perhekeskus"].iloc[0]
    assert row["n"] == 1


def test_stdin_csv_header_is_not_an_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"text\nPerhekeskus toimii.\nOppilashuolto ei toimi.\n")
    assert main(["tag", "-"]) == 0
    tagged = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert tagged["text"].tolist() == ["Perhekeskus toimii.", "Oppilashuolto ei toimi."]
    assert tagged["areas"].tolist() == ["perhekeskus", "oppilashuolto"]


def test_stdin_format_option_and_survey(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"id\ttext\n1\tPerhekeskus toimii.\n")
    out = tmp_path / "t.jsonl"
    assert main(["tag", "-", "--format", "tsv", "-o", str(out)]) == 0
    assert pd.read_json(out, lines=True)["areas"].tolist() == [["perhekeskus"]]
    _stdin(monkeypatch, EXPORT.encode())
    assert main(["survey", "-", "-o", str(tmp_path / "tidy")]) == 0
    assert "3 respondents, 2 open questions" in capsys.readouterr().err
    answers = pd.read_csv(tmp_path / "tidy" / "answers.csv")
    assert len(answers) == 6
    _stdin(monkeypatch, b"")
    assert main(["tag", "-"]) == 2
    assert "standard input is empty" in _one_line_error(capsys)


def test_stdin_lines_without_header(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = b"Perhekeskus toimii.\nOppilashuolto ei toimi.\n"
    _stdin(monkeypatch, lines)
    assert main(["lemmatize", "-"]) == 0  # the first line is taken for a header, with a warning
    headed = capsys.readouterr()
    assert "'Perhekeskus toimii.' is read as the header" in headed.err
    assert "--format lines" in headed.err
    assert pd.read_csv(io.StringIO(headed.out))["text"].tolist() == ["Oppilashuolto ei toimi."]
    _stdin(monkeypatch, lines)
    assert main(["lemmatize", "-", "--format", "lines"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert frame["text"].tolist() == ["Perhekeskus toimii.", "Oppilashuolto ei toimi."]
    assert frame["lemmas"].tolist()[0].split() == ["perhekeskus", "toimia"]


# ---------------------------------------------------------------------------- output formats


def test_tag_writes_each_format_by_suffix(plain: Path, tmp_path: Path) -> None:
    base = ["tag", str(plain), "-c", "vastaus", "-o"]
    for suffix in ("csv", "tsv", "jsonl", "json", "xlsx", "parquet"):
        assert main([*base, str(tmp_path / f"t.{suffix}")]) == 0
    header = (tmp_path / "t.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split("\t")[:3] == ["vastaaja", "ryhma", "vastaus"]
    assert "," not in header
    array = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert isinstance(array, list) and array[0]["areas"] == ["perhekeskus"]
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[1]][:4] == ["vastaaja", "ryhma", "vastaus", "areas"]
    parquet = pd.read_parquet(tmp_path / "t.parquet")
    assert list(parquet["areas"][0]) == ["perhekeskus"]
    assert parquet["vastaus"].tolist() == pd.read_csv(tmp_path / "t.csv")["vastaus"].tolist()


@pytest.mark.parametrize("suffix", ["json", "parquet", "xlsx", "csv", "tsv"])
def test_summary_reads_back_what_tag_wrote(plain: Path, tmp_path: Path, suffix: str) -> None:
    tagged = tmp_path / f"t.{suffix}"
    assert main(["tag", str(plain), "-c", "vastaus", "-o", str(tagged)]) == 0
    out = tmp_path / "freq.jsonl"
    argv = ["summary", str(tagged), "-c", "vastaus", "--min-cell", "1", "-o", str(out)]
    assert main(argv) == 0
    freqs = pd.read_json(out, lines=True)
    assert set(freqs["base"]) == {4}
    assert freqs.set_index("code").loc["oppilashuolto", "n"] == 2


@pytest.mark.parametrize("name", ["t.txt", "t.xls", "t.parq", "t"])
def test_unknown_output_suffix_is_an_error(
    plain: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    assert main(["tag", str(plain), "-c", "vastaus", "-o", str(out)]) == 2
    line = _one_line_error(capsys)
    assert f"'{out.suffix or '(none)'}'" in line
    assert not out.exists()


@pytest.mark.parametrize("option", [["--excel-fi"], ["--locale", "fi"]])
def test_excel_fi_csv(plain: Path, tmp_path: Path, option: list[str]) -> None:
    out = tmp_path / "freq.csv"
    argv = ["summary", str(plain), "-c", "vastaus", "--min-cell", "1", "-o", str(out)]
    assert main([*argv, *option]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig")
    share = frame.set_index("code").loc["oppilashuolto", "share"]
    assert share == pytest.approx(0.5)
    assert ";0,5;" in data.decode("utf-8-sig")
    assert main(argv) == 0
    plain_csv = out.read_bytes()
    assert not plain_csv.startswith(b"\xef\xbb\xbf") and b",0.5," in plain_csv


# ---------------------------------------------------------------------------- tagged input


def test_tag_retags_a_tagged_file_or_keeps_codes(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tagged = tmp_path / "t.csv"
    assert main(["tag", str(plain), "-c", "vastaus", "-o", str(tagged)]) == 0
    edited = pd.read_csv(tagged, dtype=str, keep_default_na=False)
    edited.loc[0, "areas"] = "asuminen"  # a hand-made change
    edited.loc[0, "polarity"] = "problem"
    edited.to_csv(tagged, index=False)
    capsys.readouterr()
    out = tmp_path / "again.jsonl"
    assert main(["tag", str(tagged), "-c", "vastaus", "-o", str(out)]) == 0
    assert "tagging again" in capsys.readouterr().err
    again = pd.read_json(out, lines=True)
    assert again.loc[0, "areas"] == ["perhekeskus"] and again.loc[0, "polarity"] == "works"
    assert main(["tag", str(tagged), "-c", "vastaus", "--keep-codes", "-o", str(out)]) == 0
    assert "kept (--keep-codes)" in capsys.readouterr().err
    kept = pd.read_json(out, lines=True)
    assert kept.loc[0, "areas"] == ["asuminen"] and kept.loc[0, "polarity"] == "problem"
    assert len(kept) == len(again) == 4


# ---------------------------------------------------------------------------- errors


def test_bad_inputs_and_outputs_end_with_one_line_and_exit_2(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    book = openpyxl.Workbook()
    for i in range(50):
        book.active.append([i, f"Perhekeskus toimii hyvin {i}"])
    good = tmp_path / "good.xlsx"
    book.save(good)
    data = bytearray(good.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 50] = b"\0" * 50
    zeroed = tmp_path / "zeroed.xlsx"
    zeroed.write_bytes(bytes(data))
    bad_xml = tmp_path / "badxml.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad_xml, "w") as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            dst.writestr(
                item, part[: len(part) // 2] if item.filename.endswith("workbook.xml") else part
            )
    cases = [
        (["tag", str(zeroed)], "zeroed.xlsx"),
        (["tag", str(bad_xml)], "badxml.xlsx"),
        (["summary", "tagged.jsonl"], "'tagged.jsonl'"),
        (["tag", str(plain), "-c", "vastaus", "-o", "/nonexistent/dir/x.csv"], "/nonexistent/dir"),
        (["tag", str(deep)], "deep.json"),
        (["tag", str(broken)], "broken.xlsx"),
        (["cluster", str(plain), "-c", "vastaus", "-k", "kolme"], "'kolme'"),
        (["tag", str(plain), "--format", "xml"], None),
    ]
    for argv, named in cases:
        status = main(argv) if argv[-1] != "xml" else _exit_code(argv)
        assert status == 2, argv
        if named is not None:
            assert named in _one_line_error(capsys)
        else:
            assert "invalid choice: 'xml'" in capsys.readouterr().err


def _exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    return int(exc.value.code)


def test_very_long_answer_is_never_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "pitka.jsonl"
    lines = [{"text": "Perhekeskus toimii."}, {"text": "perhekeskus toimii " * 56_000}]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    status = main(["tag", str(src), "-o", str(out), "--keep-personal-data"])
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    if status == 2:  # refused: named by file, row and column
        assert f"'{src}' row 2, column 'text'" in err and err.count("\n") == 1
    else:  # chunked: tagged with its codes
        assert status == 0
        assert pd.read_json(out, lines=True)["areas"].tolist()[1] == ["perhekeskus"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_before_or_after_the_verb(
    plain: Path, tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def argv(option: str, *verb: str) -> list[str]:
        return [option, *verb] if where == "before" else [*verb, option]

    tagged = tmp_path / "t.csv"
    assert main(argv("-v", "tag", str(plain), "-c", "vastaus", "-o", str(tagged))) == 0
    assert "INFO vastausanalyysi" in capsys.readouterr().err
    again = ["tag", str(tagged), "-c", "vastaus", "-o", str(tmp_path / "u.csv")]
    assert main(again) == 0
    assert "WARNING" in capsys.readouterr().err
    assert main(argv("--quiet", *again)) == 0
    assert capsys.readouterr().err == ""
    with pytest.raises(SurveyError, match=r"missing\.csv"):
        main(argv("--debug", "tag", "missing.csv"))


def test_survey_and_report_make_their_output_folders_and_quiet_keeps_the_issue_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``survey -o`` and ``report --out`` make the folders they are given (nested too), while
    an output file in a missing folder is an error; ``-q`` hides progress and warnings but not
    the issues ``survey`` reports about the file (README, "Use it from the shell")."""
    src = tmp_path / "kysely.csv"
    src.write_text(
        EXPORT + "4;kunnanjohtaja;Maarianhamina;Tilat ovat kunnossa.;Tiedonkulku.\n",
        encoding="utf-8",
    )
    tidy = tmp_path / "a" / "b" / "tidy"
    assert main(["-q", "survey", str(src), "-o", str(tidy)]) == 0
    assert {"answers.csv", "scores.csv", "respondents.csv"} <= {p.name for p in tidy.iterdir()}
    assert "Maarianhamina" in capsys.readouterr().err  # the issue list stays under -q
    out = tmp_path / "c" / "d" / "raportti"
    assert main(["-q", "report", str(src), "--out", str(out), "--min-cell", "1"]) == 0
    assert (out / "report.html").is_file()
    missing = tmp_path / "e" / "tagged.csv"
    assert main(["tag", str(src), "-o", str(missing)]) == 2
    assert str(missing.parent) in _one_line_error(capsys) and not missing.parent.exists()


def test_json_lines_numbers_and_booleans_are_written_back_as_such(tmp_path: Path) -> None:
    """README: a JSON Lines input's numbers and true/false come back as such in JSON Lines
    output, whole or streamed (QA 6; they came back as "2026" and "TRUE")."""
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "text": "Yhteistyö toimii hyvin.", "wave": 2026, "ok": true}\n',
        encoding="utf-8",
    )
    for extra in ([], ["--chunk-size", "1"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        assert main(["-q", "tag", str(src), "-o", str(out), *extra]) == 0
        row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        assert (row["wave"], row["ok"], row["id"]) == (2026, True, 1)


def test_a_csv_the_tool_wrote_reads_back_as_it_was_tagged(tmp_path: Path) -> None:
    """QA 5: a lone "-" written formula-safe as "'-" came back as "'-" (its offsets one off)."""
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,-\n2,=SUMMA(A1)\n3,Perhekeskus toimii.\n", encoding="utf-8")
    first, again = tmp_path / "first.csv", tmp_path / "again.csv"
    assert main(["-q", "tag", str(src), "-o", str(first)]) == 0
    assert "'-" in first.read_text(encoding="utf-8")  # formula-safe on the way out
    for extra in ([], ["--chunk-size", "2"]):
        assert main(["-q", "tag", str(first), "-o", str(again), *extra]) == 0
        texts = pd.read_csv(again, dtype=str, keep_default_na=False)["text"].tolist()
        assert texts == ["'-", "'=SUMMA(A1)", "Perhekeskus toimii."]  # written safe again
    assert va_texts(first) == ["-", "=SUMMA(A1)", "Perhekeskus toimii."]


def va_texts(path: Path) -> list[str]:
    from vastausanalyysi.survey import read_table

    return read_table(path)["text"].tolist()
