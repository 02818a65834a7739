"""The command line, run in-process through ``cli.main`` on real files (real Voikko, real model)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from vastausanalyysi.cli import main

ROOT = Path(__file__).resolve().parents[1]
TDT_SLICE = ROOT / "tests" / "data" / "tdt_dev_slice.conllu"

EXPORT = (
    "Vastaajan tunnus;Tehtävänimike;Kunta;Säännölliset tapaamiset;Mikä toimii yhteistyössä?\n"
    "1;sivistysjohtaja;Kuopio;4;Perhekeskusyhteistyö ja oppilashuolto toimivat hyvin.\n"
    "2;kunnanjohtaja;Helsingissä;Melko huonosti;Tiedonkulku ei toimi, kiinteistöasiat jumissa.\n"
    "3;kv pj;Espoo;En osaa sanoa;hyte, opiskeluhoolto\n"
    "4;tekninen johtaja;Oulu;5;\n"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "kysely.csv"
    path.write_bytes(b"\xef\xbb\xbf" + EXPORT.encode("utf-8"))
    return path


def test_tag_survey_export_keeps_every_row_and_codes(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "tagged.csv"
    assert main(["tag", str(export), "-o", str(out)]) == 0
    tagged = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert tagged["respondent_id"].tolist() == ["1", "2", "3", "4"]
    assert tagged.loc[0, "areas"].split(";") == ["perhekeskus", "oppilashuolto"]
    assert tagged.loc[1, "polarity"] == "problem"
    assert "tietopohja" in tagged.loc[1, "mechanisms"].split(";")
    assert set(tagged.loc[2, "areas"].split(";")) == {"hyte", "oppilashuolto"}
    assert tagged.loc[3, "areas"] == "" and tagged.loc[3, "polarity"] == "neutral"
    evidence = json.loads(tagged.loc[0, "evidence"])
    assert evidence["perhekeskus"][0]["surface"] == "Perhekeskusyhteistyö"
    assert tagged["coarse_group"].tolist()[:3] == ["toimialajohto", "yleisjohto", "puheenjohtajat"]


def test_tagged_jsonl_feeds_summary(export: Path, tmp_path: Path) -> None:
    tagged = tmp_path / "tagged.jsonl"
    assert main(["tag", str(export), "-o", str(tagged)]) == 0
    first = json.loads(tagged.read_text(encoding="utf-8").splitlines()[0])
    assert first["areas"] == ["perhekeskus", "oppilashuolto"]
    out = tmp_path / "freq.csv"
    assert (
        main(["summary", str(tagged), "-b", "coarse_group", "--min-cell", "1", "-o", str(out)]) == 0
    )
    freqs = pd.read_csv(out)
    row = freqs[(freqs.coarse_group == "toimialajohto") & (freqs.code == "perhekeskus")].iloc[0]
    assert (row["n"], row["base"]) == (1, 1)
    # the default min_cell=5 suppresses every group here: flagged, not dropped
    assert main(["summary", str(tagged), "-b", "coarse_group", "-o", str(out)]) == 0
    suppressed = pd.read_csv(out)
    assert len(suppressed) == len(freqs) and suppressed["suppressed"].all()


def test_lemmatize_plain_table_to_xlsx(tmp_path: Path) -> None:
    src = tmp_path / "texts.csv"
    src.write_text("id,text\n1,Kiinteistöasioissa neuvotellaan\n2,\n", encoding="utf-8")
    out = tmp_path / "lemmas.xlsx"
    assert main(["lemmatize", str(src), "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out).active.values)
    assert rows[0] == ("id", "text", "lemmas")
    assert rows[1][2] == "kiinteistöasia neuvotella"
    assert len(rows) == 3


def test_train_and_evaluate_themes(tmp_path: Path) -> None:
    corpus = pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)
    train = corpus[corpus["split"] == "train"].head(100)  # "hand-code 100 answers"
    src = tmp_path / "coded.csv"
    train.to_csv(src, index=False)
    model_dir = tmp_path / "malli"
    assert main(["train", str(src), "-o", str(model_dir)]) == 0
    assert any(model_dir.iterdir())
    assert not list(model_dir.rglob("*.pkl"))
    assert main(["evaluate", "themes", str(src), "-m", str(model_dir)]) == 0


def test_evaluate_lemmas_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "lemmas", str(TDT_SLICE), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tokens"] > 100
    assert result["lemma_accuracy"] > 0.9


def test_report_command_writes_three_formats(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "raportti"
    assert (
        main(["report", str(export), "-b", "coarse_group", "--min-cell", "1", "--out", str(out)])
        == 0
    )
    names = {p.name for p in out.iterdir()}
    assert {"report.html", "report.xlsx", "report.md", "tagged.jsonl"} <= names
    assert "Perhekeskus" in (out / "report.html").read_text(encoding="utf-8")


def test_run_on_bundled_corpus(tmp_path: Path) -> None:
    out = tmp_path / "results"
    assert main(["run", "--corpus", str(ROOT / "corpus"), "--out", str(out)]) == 0
    tagged = pd.read_json(out / "tagged.jsonl", lines=True)
    highlights = pd.read_csv(ROOT / "corpus" / "labelled" / "report_highlights.csv")
    assert tagged["text"].tolist() == highlights["text"].tolist()
    assert "Keskiarvot" in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tag", "ei_ole.csv"], "not found: 'ei_ole.csv'"),
        (["lemmatize", "data.pdf"], "unsupported file type '.pdf'"),
        (["run", "--corpus", "/nonexistent"], "report_highlights.csv' is missing"),
    ],
)
def test_errors_are_one_line_without_traceback(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_missing_text_column_names_the_columns(tmp_path: Path, capsys) -> None:
    src = tmp_path / "t.csv"
    src.write_text("id,vastaus\n1,hyvin menee\n", encoding="utf-8")
    assert main(["lemmatize", str(src), "-c", "teksti"]) == 2
    err = capsys.readouterr().err
    assert "'teksti'" in err and "'vastaus'" in err


def test_unexpected_failure_is_reported_without_traceback(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip file at all")
    status = main(["tag", str(bad)])
    err = capsys.readouterr().err
    assert status == 2  # an error in the input, not a bug (README: exit status 2)
    assert "Traceback" not in err and "broken.xlsx" in err and err.count("\n") == 1
