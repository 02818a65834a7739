"""Safe output by default (issue 8): personal data masked in every file the CLI writes, and no
spreadsheet cell that a spreadsheet would run as a formula. Texts are team-written; the identity
code is built here with a valid check character."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.cli.output import formula_safe, write_table
from vastausanalyysi.text import FORMULA_START
from vastausanalyysi.themes.tagger import tag
from vastausanalyysi.workflow import mask_personal_data


def _hetu(birth: str, sign: str, number: str) -> str:
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(birth + number) % 31]
    return f"{birth}{sign}{number}{check}"


HETU = _hetu("131052", "-", "308")
PERSONAL = f"Matti Virtaselle, matti.virtanen@example.fi, 040 123 4567, {HETU}"
LEAKS = ("Matti", "Virtas", "Virtanen", "matti.virtanen", "123 4567", HETU)
TEXTS = [
    f"Perhekeskuksen yhteistyö toimii, soitin {PERSONAL}.",
    "Oppilashuolto toimii hyvin yhdessä sivistystoimen kanssa.",
    "Tiedonkulku ei toimi ja kiinteistöasiat ovat jumissa.",
    "Perhekeskus ja neuvola toimivat hyvin.",
    "Oppilashuolto ja hyte-työ sujuvat.",
    "Tiedonkulku takkuaa ja tapaamisia on liian vähän.",
]
FORMULAS = ['=HYPERLINK("http://esimerkki.invalid","klikkaa")', "=1+1", "@SUM(A1:A2)", "-2+3", "+1"]


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "vastaukset.csv"
    frame = pd.DataFrame(
        {
            "respondent_id": [str(i) for i in range(1, len(TEXTS) + 1)],
            "ryhma": ["a", "a", "a", "b", "b", "b"],
            "text": TEXTS,
        }
    )
    frame.to_csv(path, index=False)
    return path


def _all_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        return "\n".join(
            str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value
        )
    if path.suffix == ".parquet":
        return pd.read_parquet(path).to_json(force_ascii=False)
    return path.read_text(encoding="utf-8-sig")


def _leaks(path: Path) -> list[str]:
    text = _all_text(path)
    return [leak for leak in LEAKS if leak in text]


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl", "json", "xlsx", "parquet"])
def test_tag_masks_personal_data_in_every_format(
    answers: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"tagged.{suffix}"
    assert main(["tag", str(answers), "-o", str(out)]) == 0
    assert _leaks(out) == []
    text = _all_text(out)
    assert "[NIMI]" in text and "[EMAIL]" in text and "[PUHELIN]" in text and "[HETU]" in text
    assert "perhekeskus" in text  # the codes are still there


def test_keep_personal_data_writes_the_texts_as_typed(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(answers), "-o", str(out), "--keep-personal-data"]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["text"] == TEXTS[0]
    assert "Virtanen" in first["lemmas"]


def test_masked_lemmas_and_codes(answers: Path, tmp_path: Path) -> None:
    masked, raw = tmp_path / "masked.jsonl", tmp_path / "raw.jsonl"
    assert main(["tag", str(answers), "-o", str(masked)]) == 0
    assert main(["tag", str(answers), "-o", str(raw), "--keep-personal-data"]) == 0
    masked_rows = pd.read_json(masked, lines=True)
    raw_rows = pd.read_json(raw, lines=True)
    assert masked_rows["areas"].tolist() == raw_rows["areas"].tolist()
    assert masked_rows["polarity"].tolist() == raw_rows["polarity"].tolist()
    lemmas = masked_rows.loc[0, "lemmas"]
    assert "Matti" not in lemmas and "Virtanen" not in lemmas
    assert "perhekeskus" in lemmas and "soittaa" in lemmas
    assert masked_rows["text"].tolist()[1:] == TEXTS[1:]  # nothing else changes


def test_evidence_surface_inside_a_name_is_masked() -> None:
    tagged = tag([TEXTS[0]])
    start = TEXTS[0].index("Virtaselle")
    entry = {"surface": "Virtaselle", "lemma": "Virtanen", "start": start, "end": start + 10}
    tagged.at[0, "evidence"] = {**tagged.at[0, "evidence"], "testi": [entry]}
    masked = mask_personal_data(tagged)
    evidence = masked.at[0, "evidence"]
    assert evidence["testi"][0]["surface"] == "[NIMI]"
    assert evidence["testi"][0]["lemma"] == "[NIMI]"
    assert evidence["perhekeskus"] == tagged.at[0, "evidence"]["perhekeskus"]
    assert not any(leak in json.dumps(evidence, ensure_ascii=False) for leak in LEAKS)


def test_survey_cluster_summary_and_lemmatize_outputs_are_masked(
    answers: Path, tmp_path: Path
) -> None:
    export = tmp_path / "kysely.csv"
    export.write_text(
        "Vastaajan tunnus;Tehtävänimike;Kunta;Mikä toimii yhteistyössä?\n"
        + "".join(f"{i};rehtori;Kuopio;{t}\n" for i, t in enumerate(TEXTS, start=1)),
        encoding="utf-8",
    )
    tidy = tmp_path / "tidy"
    assert main(["survey", str(export), "-o", str(tidy)]) == 0
    written = sorted(tidy.iterdir())
    assert {p.name for p in written} >= {"answers.csv", "respondents.csv", "issues.csv"}
    assert "[EMAIL]" in (tidy / "answers.csv").read_text(encoding="utf-8")
    outputs = [*written]
    clusters, freq = tmp_path / "clusters.csv", tmp_path / "freq.csv"
    assert main(["cluster", str(answers), "-o", str(clusters)]) == 0
    assert main(["summary", str(answers), "-b", "ryhma", "--min-cell", "1", "-o", str(freq)]) == 0
    assert set(pd.read_csv(freq)["ryhma"]) == {"a", "b"}
    outputs += [clusters, freq]
    out = tmp_path / "lemmas.xlsx"
    assert main(["lemmatize", str(answers), "-o", str(out)]) == 0
    outputs.append(out)
    assert {str(p.name): _leaks(p) for p in outputs} == {str(p.name): [] for p in outputs}
    representatives = [
        t for cell in pd.read_csv(clusters)["representatives"] for t in json.loads(cell)
    ]
    assert len(representatives) >= 2


def test_report_and_tagged_jsonl_beside_it_are_masked(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "raportti"
    assert main(["report", str(answers), "-b", "ryhma", "--min-cell", "1", "--out", str(out)]) == 0
    files = sorted(out.iterdir())
    assert {"report.html", "report.md", "report.xlsx", "tagged.jsonl"} <= {p.name for p in files}
    assert {p.name: _leaks(p) for p in files if p.suffix != ".png"} == {
        p.name: [] for p in files if p.suffix != ".png"
    }
    tagged = pd.read_json(out / "tagged.jsonl", lines=True)
    assert len(tagged) == len(TEXTS) and "[EMAIL]" in tagged.loc[0, "text"]


# ---------------------------------------------------------------------------- formulas


@pytest.mark.parametrize("suffix", ["csv", "tsv"])
def test_formula_cells_are_prefixed_in_csv(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / "kaavat.jsonl"
    src.write_text("".join(json.dumps({"text": f}) + "\n" for f in FORMULAS), encoding="utf-8")
    out = tmp_path / f"tagged.{suffix}"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    frame = pd.read_csv(out, sep="\t" if suffix == "tsv" else ",", dtype=str)
    assert frame["text"].tolist() == ["'" + f for f in FORMULAS]
    for column in frame.columns:
        for value in frame[column].dropna():
            assert not value.startswith(FORMULA_START), (column, value)


@pytest.mark.parametrize("excel_fi", [False, True])
def test_formula_headers_are_prefixed_in_csv_and_read_back(tmp_path: Path, excel_fi: bool) -> None:
    """A survey's own column names may start with "=" or "@" (QA, 2026-12-07): the header row
    of CSV output is formula-safe too, and reading the file back takes the ``'`` off."""
    src = tmp_path / "kysely.csv"
    pd.DataFrame(
        {'=HYPERLINK("x";"Toimiiko?")': ["Yhteistyö sujuu."], "@Lisätiedot": ["Tilat ok."]}
    ).to_csv(src, index=False)
    out = tmp_path / "tagged.csv"
    args = ["tag", str(src), "-c", "@Lisätiedot", "-o", str(out)]
    assert main([*args, "--excel-fi"] if excel_fi else args) == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    cells = header.split(";" if excel_fi else ",")
    assert "'@Lisätiedot" in cells
    assert not any(c.lstrip('"').startswith(FORMULA_START) for c in cells), cells
    assert main(["summary", str(out), "-o", str(tmp_path / "summary.csv")]) == 0


def test_formula_cells_are_text_in_xlsx(tmp_path: Path) -> None:
    src = tmp_path / "kaavat.jsonl"
    src.write_text("".join(json.dumps({"text": f}) + "\n" for f in FORMULAS), encoding="utf-8")
    out = tmp_path / "tagged.xlsx"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == FORMULAS
    assert {c.data_type for row in sheet.iter_rows() for c in row} <= {"s", "n"}
    with zipfile.ZipFile(out) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml


def test_tab_and_carriage_return_cells(tmp_path: Path) -> None:
    values = ["\t=1+1", "\r=1+1", "tavallinen", "a=b"]
    assert [formula_safe(v) for v in values] == ["'\t=1+1", "'\r=1+1", "tavallinen", "a=b"]
    frame = pd.DataFrame({"text": values, "n": [1, -2, 3, 4]})
    out = tmp_path / "x.xlsx"
    write_table(frame, str(out))
    sheet = openpyxl.load_workbook(out).active
    # XML keeps no bare CR: it comes back as LF, still text
    assert [c.value.replace("\n", "\r") for c in sheet["A"]][1:] == values
    assert [c.data_type for c in sheet["A"]] == ["s"] * 5
    assert [c.value for c in sheet["B"]][1:] == [1, -2, 3, 4]  # numbers stay numbers


def test_a_code_that_ends_a_sentence_leaves_no_lemma_and_no_model_feature(
    tmp_path: Path,
) -> None:
    """QA 4: "… 131052-308T." is one token with its full stop, whose lemma "131052-308t." the
    lemma of the code alone did not match; a saved model had it as "L:131052308"."""
    from vastausanalyysi.themes.training import personal_vocabulary, train

    texts = [f"Asiakkaan henkilötunnus on {HETU}.", f"Hetu {HETU}. Perhekeskus toimii."]
    frame = pd.DataFrame({"text": texts})
    lemmas = mask_personal_data(tag(frame), ["text"])["lemmas"].tolist()
    digits = HETU[:6]
    assert not [lemma for row in lemmas for lemma in row if digits in lemma]
    assert {"131052308" + HETU[-1].lower(), "131052-308" + HETU[-1].lower()} & personal_vocabulary(
        texts
    )
    coded = pd.DataFrame(
        {
            "text": [*texts, "Oppilashuolto toimii hyvin.", "Tilat ovat huonot."] * 3,
            "areas": ["", "perhekeskus", "oppilashuolto", "kiinteistot"] * 3,
            "mechanisms": [""] * 12,
        }
    )
    model_dir = tmp_path / "malli"
    train(coded).save(model_dir)
    saved = (model_dir / "theme_model.json").read_text(encoding="utf-8")
    assert digits not in saved
