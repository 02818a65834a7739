"""``vastausanalyysi tag`` streamed (``--chunk-size``, ``--jobs``): same output, in order.

Answers are team-written answers of ``corpus/answers.csv`` recombined in pairs (team-written).
Real files, real Voikko, real model; no mocks.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.cli.files import InputOptions
from vastausanalyysi.cli.stream import count_rows, stream_plan

ROOT = Path(__file__).resolve().parents[1]


def _team_written() -> list[dict[str, str]]:
    with (ROOT / "corpus" / "answers.csv").open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["origin"] == "team-written"]


def _rows(n: int, seed: int = 12) -> list[list[str]]:
    """``n`` rows (respondent_id, question, text), each text two team-written answers joined."""
    answers = _team_written()
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        a, b = rng.sample(answers, 2)
        rows.append([f"R{i:06d}", a["question"], f"{a['text']} {b['text']}"])
    return rows


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "question", "text"])
        writer.writerows(rows)
    return path


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_rows_in_chunks_with_two_jobs_equal_one_job_unchunked(tmp_path: Path) -> None:
    # 20,000 rows were checked by hand (456 s); 3,000 keep the suite short and still cross
    # several chunks and both workers (benchmarks/bench_cli_stream.py runs 300,000)
    rows = _rows(3_000)
    src = _write_csv(tmp_path / "big.csv", rows)
    serial, streamed = tmp_path / "serial.csv", tmp_path / "streamed.csv"
    assert main(["-q", "tag", str(src), "-o", str(serial)]) == 0
    assert (
        main(["-q", "tag", str(src), "-o", str(streamed), "--jobs", "2", "--chunk-size", "450"])
        == 0
    )
    assert streamed.read_bytes() == serial.read_bytes()
    out = _read(streamed)
    assert out["respondent_id"].tolist() == [r[0] for r in rows]
    assert out["areas"].str.len().gt(0).mean() > 0.5  # the answers really were tagged


def test_output_is_written_before_the_input_is_fully_read(tmp_path: Path) -> None:
    """The input comes through a pipe; output rows appear while the pipe is still open."""
    rows = _rows(2_800, seed=3)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "vastausanalyysi", "-q", "tag", "-", "--format", "csv"]
    cmd += ["-o", str(out), "--chunk-size", "300"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdin is not None
    writer = csv.writer(proc.stdin)
    writer.writerow(["respondent_id", "question", "text"])
    writer.writerows(rows[:2_600])  # more than pandas' read block, so chunks can be parsed
    proc.stdin.flush()
    seen = 0
    deadline = time.monotonic() + 300
    partial = tmp_path / "out.csv.partial"  # renamed to out.csv when every row is tagged
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists():
            seen = max(0, len(partial.read_text(encoding="utf-8").splitlines()) - 1)
            if seen >= 300:
                break
        time.sleep(0.5)
    assert proc.poll() is None, "the command ended before the input was complete"
    assert seen >= 300  # at least one tagged chunk is in the file while input is still open
    writer.writerows(rows[2_600:])
    proc.stdin.close()
    assert proc.wait(timeout=600) == 0
    assert _read(out)["respondent_id"].tolist() == [r[0] for r in rows]
    assert not partial.exists()


def test_a_failed_stream_leaves_the_earlier_output_as_it_was(tmp_path: Path) -> None:
    """QA 6: a bad line late in a streamed input left half a new file under the output's
    name, over the good one."""
    good = tmp_path / "in.jsonl"
    rows = _rows(60, seed=7)
    lines = [json.dumps({"respondent_id": r[0], "text": r[2]}, ensure_ascii=False) for r in rows]
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["-q", "tag", str(good), "-o", str(out), "--chunk-size", "10"]) == 0
    before = out.read_bytes()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([*lines[:45], "{not json", *lines[45:]]) + "\n", encoding="utf-8")
    assert main(["-q", "tag", str(broken), "-o", str(out), "--chunk-size", "10"]) == 2
    assert out.read_bytes() == before
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_no_evidence_drops_the_evidence_column(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", _rows(40, seed=5))
    full, bare = tmp_path / "full.csv", tmp_path / "bare.csv"
    assert main(["-q", "tag", str(src), "-o", str(full), "--chunk-size", "15"]) == 0
    assert (
        main(["-q", "tag", str(src), "-o", str(bare), "--chunk-size", "15", "--no-evidence"]) == 0
    )
    assert "evidence" in _read(full).columns
    plain = _read(bare)
    assert "evidence" not in plain.columns
    assert plain["areas"].tolist() == _read(full)["areas"].tolist()


def test_jsonl_streamed_equals_jsonl_read_whole(tmp_path: Path) -> None:
    rows = _rows(30, seed=7)
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"respondent_id": i, "question": q, "text": t}, ensure_ascii=False) + "\n"
            for i, q, t in rows
        ),
        encoding="utf-8",
    )
    whole, chunked = tmp_path / "whole.jsonl", tmp_path / "chunked.jsonl"
    assert main(["-q", "tag", str(src), "-o", str(whole)]) == 0
    assert main(["-q", "tag", str(src), "-o", str(chunked), "--chunk-size", "7"]) == 0
    assert chunked.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    assert len(chunked.read_text(encoding="utf-8").splitlines()) == 30


def test_streamed_output_is_masked_and_formula_safe(tmp_path: Path) -> None:
    rows = [
        ["R1", "toimii", "=1+2 Perhekeskus toimii hyvin."],
        ["R2", "toimii", "Soita Matti Meikäläiselle 040 1234567, oppilashuolto toimii."],
        ["R3", "haasteet", "Tiedonkulku on heikkoa."],
    ]
    src = _write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    assert main(["-q", "tag", str(src), "-o", str(out), "--chunk-size", "2"]) == 0
    texts = _read(out)["text"].tolist()
    assert texts[0].startswith("'=")
    assert "040 1234567" not in texts[1]
    assert texts[2] == "Tiedonkulku on heikkoa."


def test_a_malformed_row_is_an_error_naming_the_file_and_line(tmp_path: Path, capsys) -> None:
    src = tmp_path / "bad.csv"
    lines = ["respondent_id,question,text"] + [f"R{i},toimii,Neuvola toimii {i}" for i in range(8)]
    lines.insert(7, "R9,toimii,liikaa,kenttiä,tässä")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["-q", "tag", str(src), "-o", str(tmp_path / "o.csv"), "--chunk-size", "3"]) == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "line 8" in err
    assert "Traceback" not in err


def test_streamed_jsonl_flags_a_cell_that_is_no_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    lines = [{"text": "Tiedonkulku on heikkoa."}, {"text": ["Perhekeskus toimii hyvin."]}]
    src.write_text("".join(json.dumps(o) + "\n" for o in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(src), "-o", str(out), "--chunk-size", "1"]) == 0
    expected = (
        f"WARNING vastausanalyysi.cli: {src}: row 2, column 'text': holds an array, not text "
        "or a number; read as its JSON text"
    )
    assert expected in capsys.readouterr().err.splitlines()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["Tiedonkulku on heikkoa.", '["Perhekeskus toimii hyvin."]']
    assert rows[1]["areas"] == ["perhekeskus"]


def test_a_cp1252_row_after_a_plain_ascii_head_streams_as_read_whole(tmp_path: Path) -> None:
    """QA 4: the first 64 KB were ASCII, a later row Windows-1252 ("ä" as one byte): the
    stream decided UTF-8 from the head and stopped; the whole file decides, as the reader."""
    plain = [[f"R{i:05d}", "toimii", "Perhekeskus toimii hyvin ja tiedonkulku on nopeaa."]
             for i in range(1500)]  # fmt: skip
    late = [["R99999", "toimii", "Yhteistyö hyvinvointialueen kanssa on sujuvaa."]]
    src = tmp_path / "late.csv"
    with src.open("w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "question", "text"])
        writer.writerows(plain + late)
    assert src.read_bytes()[: 1 << 16].isascii()
    whole, streamed = tmp_path / "whole.csv", tmp_path / "streamed.csv"
    assert main(["-q", "tag", str(src), "-o", str(whole)]) == 0
    assert main(["-q", "tag", str(src), "-o", str(streamed), "--chunk-size", "400"]) == 0
    assert streamed.read_bytes() == whole.read_bytes()
    assert _read(streamed)["text"].iloc[-1] == late[0][2]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
def test_the_progress_total_is_the_number_of_rows_streamed(tmp_path: Path, suffix: str) -> None:
    """QA 6 #9: the bar's total counted line breaks, so cells of several lines made it larger
    than the rows and the bar stopped at 86 %. Now it is the rows the stream gives."""
    texts = [
        "Perhekeskus toimii.\nOppilashuolto myös.",  # a cell of two lines
        'Tiedonkulku, sanoisin, on "heikkoa".',  # a delimiter and quotes in a cell
        "Yhteistyö sujuu.\r\n\r\nKiinteistöasiat\njumissa.",  # a blank line inside a cell
        'Neuvola on 5" päässä.',  # a quote inside a cell's text
        "Hyte-työ toimii.",
    ]
    src = tmp_path / f"lines{suffix}"
    if suffix == ".jsonl":
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
        src.write_text("\n".join([*lines[:2], "", *lines[2:]]) + "\n\n", encoding="utf-8")
    else:
        with src.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter="\t" if suffix == ".tsv" else ",").writerows(
                [["id", "text"], *([str(i), t] for i, t in enumerate(texts))]
            )
        with src.open("a", encoding="utf-8") as f:
            f.write("\n")  # a blank line at the end, which the reader skips
    plan = stream_plan(str(src), InputOptions(), "text")
    assert plan is not None
    try:
        streamed = sum(len(frame) for frame in plan.frames(2))
    finally:
        plan.raw.close()
    assert streamed == len(texts)
    assert src.read_bytes().count(b"\n") - 1 != len(texts)  # line breaks do not count rows
    assert count_rows(plan) == len(texts)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_jsonl_key_missing_from_a_later_chunk_streams_as_read_whole(
    tmp_path: Path, suffix: str
) -> None:
    """A chunk without one of the first chunk's keys had fewer columns: its CSV rows were
    shifted left under the header (a silent mix-up of columns)."""
    lines = [
        {"id": "1", "text": "Perhekeskus toimii hyvin.", "kunta": "Kuopio"},
        {"id": "2", "text": "Tiedonkulku on heikkoa."},
        {"id": "3", "kunta": "Oulu", "text": "Oppilashuolto toimii."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), "utf-8")
    whole, streamed = tmp_path / f"whole{suffix}", tmp_path / f"streamed{suffix}"
    assert main(["-q", "tag", str(src), "-o", str(whole)]) == 0
    assert main(["-q", "tag", str(src), "-o", str(streamed), "--chunk-size", "1"]) == 0
    assert streamed.read_bytes() == whole.read_bytes()
    if suffix == ".csv":
        assert _read(streamed)["kunta"].tolist() == ["Kuopio", "", "Oulu"]


def test_a_jsonl_key_first_seen_after_the_first_chunk_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [{"id": "1", "text": "Perhekeskus toimii."}, {"id": "2", "text": "Hyvin.", "x": "y"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), "utf-8")
    out = tmp_path / "out.csv"
    assert main(["-q", "tag", str(src), "-o", str(out), "--chunk-size", "1"]) == 2
    err = capsys.readouterr().err
    assert f"'{src}' line 2: the key 'x' is on no line of the first chunk (1 rows)" in err
    assert not out.exists() and not Path(f"{out}.partial").exists()
    assert main(["-q", "tag", str(src), "-o", str(out)]) == 0  # read whole, it has the column
    assert _read(out)["x"].tolist() == ["", "y"]
