"""``report`` on a file that ``tag`` wrote uses its tags instead of tagging it again (QA 6
#11: 30,000 tagged rows took minutes and 1.5 GB), but only when every row's ``tagged_by`` names
this build, this model and full evidence; otherwise it tags again and says why.

Answers are team-written rows of ``corpus/answers.csv``; real files, real tagging, no mocks.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.cli.provenance import fingerprint, why_tag_again
from vastausanalyysi.schema import TAGGED_BY
from vastausanalyysi.themes.shipped import default_model_path

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("report.md", "report.html", "report.xlsx", "tagged.jsonl")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with (ROOT / "corpus" / "answers.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["origin"] == "team-written"][:60]
    path = tmp_path_factory.mktemp("reuse") / "vastaukset.csv"
    frame = pd.DataFrame(rows)[["id", "text", "question"]]
    frame["kunta"] = ["Kuopio", "Oulu", "Espoo"] * 20
    frame.to_csv(path, index=False)
    return path


def _tag(src: Path, out: Path, *extra: str) -> Path:
    assert main(["-q", "tag", str(src), "-o", str(out), *extra]) == 0
    return out


def _report(src: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert (
        main(["-v", "report", str(src), "-b", "kunta", "--min-cell", "1", "--out", str(out)]) == 0
    )
    return capsys.readouterr().err


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_file_tagged_by_this_build_is_reported_as_its_untagged_input(
    plain: Path, tmp_path: Path, suffix: str, capsys
) -> None:
    tagged = _tag(plain, tmp_path / f"tagged{suffix}")
    streamed = _tag(plain, tmp_path / f"streamed{suffix}", "--chunk-size", "25")
    assert tagged.read_bytes() == streamed.read_bytes()  # the same fingerprint, whole or streamed
    assert set(
        pd.read_csv(tagged)[TAGGED_BY]
        if suffix == ".csv"
        else [r[TAGGED_BY] for r in _rows(tagged)]
    ) == {fingerprint(None, True)}
    err_plain = _report(plain, tmp_path / "from_plain", capsys)
    err_tagged = _report(tagged, tmp_path / "from_tagged", capsys)
    assert "tagging" not in err_plain  # (an untagged file is tagged without a word)
    assert f"{tagged} was tagged by this version and model: its tags are used" in err_tagged
    assert "tagging again" not in err_tagged
    for name in OUTPUTS:  # masked once or twice, the same report
        same = (tmp_path / "from_plain" / name).read_bytes() == (
            tmp_path / "from_tagged" / name
        ).read_bytes()
        assert same, name
    assert TAGGED_BY not in _rows(tmp_path / "from_tagged" / "tagged.jsonl")[0]


def test_the_tags_are_used_as_they_are(plain: Path, tmp_path: Path, capsys) -> None:
    """Not tagged again: a code changed by hand in the file is the report's code."""
    tagged = _tag(plain, tmp_path / "tagged.jsonl")
    rows = _rows(tagged)
    assert "kotoutuminen" not in rows[0]["areas"]
    rows[0]["areas"] = [*rows[0]["areas"], "kotoutuminen"]
    tagged.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    _report(tagged, tmp_path / "out", capsys)
    written = {r["id"]: r for r in _rows(tmp_path / "out" / "tagged.jsonl")}
    assert "kotoutuminen" in written[rows[0]["id"]]["areas"]


@pytest.mark.parametrize("case", ["no column", "one row by another build", "compact evidence"])
def test_tags_that_cannot_be_verified_are_made_again(
    plain: Path, tmp_path: Path, case: str, capsys
) -> None:
    extra = ("--evidence", "compact") if case == "compact evidence" else ()
    tagged = _tag(plain, tmp_path / "tagged.jsonl", *extra)
    rows = _rows(tagged)
    rows[0]["areas"] = ["kotoutuminen"]  # a code that tagging again takes away
    if case == "no column":
        for row in rows:
            del row[TAGGED_BY]
    elif case == "one row by another build":
        rows[1][TAGGED_BY] = "vastausanalyysi 0.0.9 (0123456789ab); model shipped; evidence full"
    tagged.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    err = _report(tagged, tmp_path / "out", capsys)
    reason = {
        "no column": "it has no 'tagged_by' column to tell which version and model tagged it",
        "one row by another build": "1 of 60 rows were tagged by 'vastausanalyysi 0.0.9",
        "compact evidence": f"60 of 60 rows were tagged by {fingerprint(None, 'compact')!r}",
    }[case]
    assert f"WARNING vastausanalyysi.cli: {tagged} is tagged already, but {reason}" in err
    assert "tagging again" in err
    written = {r["id"]: r for r in _rows(tmp_path / "out" / "tagged.jsonl")}
    assert "kotoutuminen" not in written[rows[0]["id"]]["areas"]


def test_the_fingerprint_names_the_model_and_the_evidence(tmp_path: Path) -> None:
    shipped = fingerprint(None, True)
    own = tmp_path / "oma_malli"
    shutil.copytree(default_model_path(), own)
    assert fingerprint(str(own), True).replace(" own ", " shipped ") == shipped  # same files
    meta = own / "theme_model.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"C": 4.0', '"C": 4.5'), "utf-8")
    prints = {shipped, fingerprint("rules", True), fingerprint(str(own), True)}
    prints |= {fingerprint(None, "compact"), fingerprint(None, False)}
    assert len(prints) == 5
    frame = pd.DataFrame(
        {
            "text": ["Perhekeskus toimii."],
            "areas": [["perhekeskus"]],
            "mechanisms": [[]],
            "polarity": ["works"],
            "evidence": [{}],
            "lemmas": [["perhekeskus", "toimia"]],
            "polarity_evidence": [[]],
            "language": ["fi"],
            TAGGED_BY: [shipped],
        }
    )
    assert why_tag_again(frame, None) is None
    assert "not by this version and model" in str(why_tag_again(frame, "rules"))
    assert "lacks the column(s) 'language'" in str(
        why_tag_again(frame.drop(columns="language"), None)
    )
