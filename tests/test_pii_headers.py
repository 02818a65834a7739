"""Personal data in a file's column headers (an open question's or a Likert item's text) is masked
in every output, like the answers (QA 6 #3): the headers are written with every row as the
``question`` and ``item`` labels, in the report's sections and in the clusters' score columns.
Team-written export."""

from __future__ import annotations

from pathlib import Path

import pytest

from vastausanalyysi.cli import main

NAME, EMAIL, PHONE = "Liisa Korhonen", "liisa.korhonen@example.fi", "040 123 4567"
OPEN = f"Mikä yhteistyössä toimii hyvin? Lisätietoja antaa {NAME}, {EMAIL}, {PHONE}"
ITEM = "Miten tiedonkulku toimii Matti Virtasen tiimin kanssa?"
SECRETS = ("Korhonen", "liisa.korhonen", PHONE, "Virtasen")
ANSWERS = [
    "Perhekeskuksen yhteistyö toimii hyvin ja tapaamiset ovat säännöllisiä.",
    "Oppilashuollon yhteistyö sujuu.",
    "Tiedonkulku hyvinvointialueelta on heikkoa.",
    "Kiinteistöasioissa neuvottelut ovat hitaita.",
]
LIKERT = ["Erittäin hyvin", "Melko hyvin", "Ei hyvin eikä huonosti", "Melko huonosti"]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("otsikot") / "kysely.csv"
    lines = [";".join(["Vastaajan tunnus", "Tehtävänimike", "Kunta", ITEM, OPEN])]
    for i in range(24):
        title = ["sivistysjohtaja", "kunnanjohtaja"][i % 2]
        lines.append(";".join([f"R{i:03d}", title, "Oulu", LIKERT[i % 4], ANSWERS[i % 4]]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _written(folder: Path) -> str:
    texts = []
    for path in folder.rglob("*"):
        if path.suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True)
            texts += [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row]
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize(
    "command",
    [
        ["survey", "{input}", "-o", "{out}/tidy"],
        ["tag", "{input}", "-o", "{out}/tagged.csv"],
        ["report", "{input}", "--out", "{out}/raportti"],
        ["summary", "{input}", "--mention-scores", "-o", "{out}/maininnat.csv"],
        ["cluster", "{input}", "-o", "{out}/ryhmat.csv", "--assignments", "{out}/lausumat.csv"],
    ],
)
def test_headers_are_masked_in_every_output(export: Path, tmp_path: Path, command) -> None:
    argv = [a.format(input=export, out=tmp_path) for a in command]
    assert main(["-q", *argv]) == 0
    written = _written(tmp_path)
    assert written.strip()
    for secret in SECRETS:
        assert secret not in written, (command[0], secret)
    assert "[NIMI]" in written


def test_an_item_chosen_by_its_text_is_still_found(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "ryhmat.csv"
    assert main(["-q", "cluster", str(export), "-o", str(out), "--item", "Matti Virtasen"]) == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert "score:Miten tiedonkulku toimii [NIMI] tiimin kanssa?" in header


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain table (no export's headers) whose free column is headed by a name and an
    e-mail, and whose group column holds people's names and addresses (QA 7)."""
    path = tmp_path_factory.mktemp("taulu") / "taulu.csv"
    header = ["respondent_id", "text", "group", "Sirpa Mäkelä", f"Kommentit ({EMAIL})"]
    lines = [",".join(header)]
    groups = [NAME, EMAIL, "sivistysjohto"]
    for i in range(30):
        lines.append(f"R{i},{ANSWERS[i % 4]},{groups[i % 3]},x{i},y")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["tag", "{input}", "-o", "{out}/tagged.csv"],
        ["tag", "{input}", "-o", "{out}/tagged.jsonl"],
        ["tag", "{input}", "--chunk-size", "7", "-o", "{out}/streamed.csv"],
        ["survey", "{input}", "-o", "{out}/tidy"],
        ["report", "{input}", "--out", "{out}/raportti"],
        ["cluster", "{input}", "-o", "{out}/ryhmat.csv", "--assignments", "{out}/lausumat.csv"],
    ],
)
def test_a_tables_headers_and_group_values_are_masked(table: Path, tmp_path: Path, command) -> None:
    argv = [a.format(input=table, out=tmp_path) for a in command]
    assert main(["-q", *argv]) == 0
    written = _written(tmp_path)
    assert written.strip()
    for secret in ("Korhonen", "liisa.korhonen", "Mäkelä"):
        assert secret not in written, (command[0], secret)
    if command[0] == "tag":  # the masked header keeps its column, its cells as they were
        assert "[NIMI]" in written and "x29" in written


def test_survey_prints_the_recognised_headers_masked(export: Path, capsys) -> None:
    """`survey` lists the columns it recognised on stderr; their headers are masked too."""
    assert main(["survey", str(export)]) == 0
    err = capsys.readouterr().err
    assert "open:" in err and "[NIMI]" in err
    for secret in SECRETS:
        assert secret not in err, secret


def test_two_names_as_groups_stay_two_groups_when_masked(tmp_path: Path) -> None:
    """Two people's names as group values mask alike ("[NIMI]"); the written table keeps them
    apart ("[NIMI]", "[NIMI] (2)"), each with its own respondents, not one merged group."""
    path = tmp_path / "ryhmat.csv"
    people = ["Sirpa Mäkelä", "Jukka Virtanen"]
    lines = ["respondent_id,text,group"]
    for i in range(24):
        lines.append(f"R{i},{ANSWERS[i % 4]},{people[i % 2] if i < 20 else 'sivistysjohto'}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "taajuudet.csv"
    assert main(["-q", "summary", str(path), "-b", "group", "-o", str(out)]) == 0
    import pandas as pd

    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    written = out.read_text(encoding="utf-8")
    assert "Mäkelä" not in written and "Virtanen" not in written
    counts = table["group"].value_counts().to_dict()
    assert counts["[NIMI]"] == counts["[NIMI] (2)"] == counts["sivistysjohto"]  # a row per code
    bases = set(table.loc[table["group"].str.startswith("[NIMI]"), "base"]) - {""}
    assert bases == {"10"}  # each person's group on its own (20 if merged); one is hidden
