"""README claims that had no test of their own (second audit, 2026-12-06), each held here.

Every text, title, place and name below is team-written for these tests (no third-party text);
the names are invented combinations of common Finnish first names and surnames, and the e-mail
domains end in ``.example``. Real components throughout: Voikko, spaCy, sklearn, pandas.

A test marked ``xfail(strict=True)`` shows a README sentence the code does not hold today: it
fails now and turns into an unexpected pass (a failure) once the code is fixed, so the mark must
then be removed. The reason names the README line.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.cli import main

# ---------------------------------------------------------------------------------- helpers


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    """The CLI's error output, checked to be one line."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


# an export with personal data outside the answer column: an e-mail column that the reader
# keeps as an "other" column, and a municipality cell holding a name and a phone number
EXPORT_WITH_CONTACTS = (
    "Vastaajan tunnus;Tehtävänimike;Kunta;Sähköposti;Mikä toimii yhteistyössä?\n"
    "1;sivistysjohtaja;Tampere;liisa.korhonen@tampere.example;Perhekeskus toimii hyvin.\n"
    "2;rehtori;Kuopio;pekka.nieminen@kuopio.example;Oppilashuolto toimii.\n"
    "3;kunnanjohtaja;Aino Rantanen 040 765 4321;aino.rantanen@kunta.example;Tilat ovat kunnossa.\n"
)
CONTACT_LEAKS = ("korhonen", "nieminen", "rantanen", "Rantanen", "765 4321", "@")


@pytest.fixture
def export_with_contacts(tmp_path: Path) -> Path:
    path = tmp_path / "kysely.csv"
    path.write_text(EXPORT_WITH_CONTACTS, encoding="utf-8")
    return path


# --------------------------------------------- personal data in what `survey` writes (L24, L248)


def test_survey_o_masks_the_answers_and_the_issue_values(
    export_with_contacts: Path, tmp_path: Path
) -> None:
    """What `survey -o` does mask today: the answers and the values in issues.csv (README L24,
    L248, L298). The place cell with a name and a phone number is an issue (unresolved)."""
    tidy = tmp_path / "tidy"
    assert main(["-q", "survey", str(export_with_contacts), "-o", str(tidy)]) == 0
    issues = pd.read_csv(tidy / "issues.csv", dtype=str)
    assert issues["kind"].tolist() == ["unresolved_region"]
    assert "[NIMI]" in issues.loc[0, "value"] and "[PUHELIN]" in issues.loc[0, "value"]
    assert not any(leak in (tidy / "issues.csv").read_text("utf-8") for leak in CONTACT_LEAKS)


def test_survey_o_writes_no_personal_data_in_respondents_csv(
    export_with_contacts: Path, tmp_path: Path
) -> None:
    tidy = tmp_path / "tidy"
    assert main(["-q", "survey", str(export_with_contacts), "-o", str(tidy)]) == 0
    written = (tidy / "respondents.csv").read_text(encoding="utf-8")
    assert "sivistysjohtaja" in written  # the file is there and holds the respondents
    assert [leak for leak in CONTACT_LEAKS if leak in written] == []


def test_survey_issue_list_on_the_terminal_is_masked(
    export_with_contacts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["survey", str(export_with_contacts)]) == 0
    err = capsys.readouterr().err
    assert "row 4, column 'Kunta'" in err  # the issue is listed with its row and column
    assert "Rantanen" not in err and "765 4321" not in err


# ------------------------------------------------- train, -c and the last four options (L312)

# hand-coded answers for `train`: text column "vastaus", areas and mechanisms as ';'-separated
# code ids, polarity; three of them name a contact person, one with an e-mail address
CODED = [
    (
        "Perhekeskuksen yhteistyö toimii hyvin, yhteyshenkilönä Kalervo Jääskeläinen.",
        "perhekeskus",
        "",
        "works",
    ),
    (
        "Perhekeskuksen kuukausittaiset tapaamiset ovat hyödyllisiä.",
        "perhekeskus",
        "tapaamiset",
        "works",
    ),
    ("Oppilashuollon työnjako on epäselvä.", "oppilashuolto", "tyonjako", "problem"),
    (
        "Oppilashuollosta vastaa Kalervo Jääskeläinen, kalervo.jaaskelainen@kunta.example.",
        "oppilashuolto",
        "",
        "neutral",
    ),
    ("Kiinteistöjen vuokrista on jatkuvaa kiistaa.", "kiinteistot", "", "problem"),
    ("Tilojen yhteiskäyttö sujuu hyvin.", "kiinteistot", "", "works"),
    ("Hyte-työ on käynnistynyt, mutta resurssit puuttuvat.", "hyte", "", "mixed"),
    ("Hyvinvointikertomus laaditaan yhdessä ja se toimii.", "hyte", "", "works"),
    ("Tapaamisia on liian harvoin.", "", "tapaamiset", "problem"),
    ("Työnjako on sovittu selkeästi.", "", "tyonjako", "works"),
    ("Perhekeskus on vielä kesken.", "perhekeskus", "", "problem"),
    ("Oppilashuolto toimii kouluilla hyvin.", "oppilashuolto", "", "works"),
    ("Kiinteistöasioista neuvotellaan.", "kiinteistot", "", "neutral"),
    ("Hyte-koordinaattori kokoaa tiedot.", "hyte", "", "neutral"),
    ("Yhteiset tapaamiset sujuvat, mutta työnjako ontuu.", "", "tapaamiset;tyonjako", "mixed"),
    ("Kalervo Jääskeläinen kokoaa perhekeskuksen verkoston.", "perhekeskus", "", "neutral"),
]
NAME_PARTS = ("kalervo", "jääskeläinen", "jaaskelainen")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """`train -c vastaus --delimiter ';' --encoding cp1252 --cv 2` on a Windows-1252 file:
    (the coded file, the model folder, what train printed)."""
    folder = tmp_path_factory.mktemp("train")
    coded = folder / "koodatut.csv"
    frame = pd.DataFrame(CODED, columns=["vastaus", "areas", "mechanisms", "polarity"])
    frame.to_csv(coded, sep=";", index=False, encoding="cp1252")
    model = folder / "oma_malli"
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = main(
            ["-q", "train", str(coded), "-o", str(model), "-c", "vastaus", "--delimiter", ";",
             "--encoding", "cp1252", "--cv", "2"]
        )  # fmt: skip
    assert status == 0
    return coded, model, buffer.getvalue()


def test_train_takes_c_delimiter_encoding_and_cv(trained: tuple[Path, Path, str]) -> None:
    """README L303/L312: `train koodatut.csv -o oma_malli --cv 5` trains a model; `train`
    takes `-c` and `--sheet`, `--encoding`, `--delimiter`, `--format`. Here a `;`-separated
    Windows-1252 file whose text column is "vastaus"; `--cv` prints the cross-validation."""
    _, model, printed = trained
    assert {p.name for p in model.iterdir()} == {"theme_model.json", "theme_model.npz"}
    assert "micro-F1" in printed and "| areas |" in printed  # the --cv table
    tagged = va.tag(["Perhekeskuksen tapaamiset toimivat hyvin."], model=str(model))
    assert "perhekeskus" in tagged.loc[0, "areas"]


def test_evaluate_themes_takes_c_delimiter_and_encoding(
    trained: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """README L304/L312: `evaluate themes testi.csv -m oma_malli` gives per-code precision,
    recall and F1; it takes `-c` and the reading options like `train`."""
    coded, model, _ = trained
    argv = ["-q", "evaluate", "themes", str(coded), "-m", str(model), "-c", "vastaus"]
    assert main([*argv, "--delimiter", ";", "--encoding", "cp1252"]) == 0
    out = capsys.readouterr().out
    assert "| perhekeskus | areas |" in out and "| tyonjako | mechanisms |" in out
    assert "precision" in out and "recall" in out
    # the same file read as UTF-8 is refused with its name, not misread
    assert main([*argv, "--delimiter", ";", "--encoding", "utf-8"]) == 2
    assert "koodatut.csv" in _one_line_error(capsys)


def test_train_writes_no_personal_data_into_the_model(trained: tuple[Path, Path, str]) -> None:
    _, model, _ = trained
    description = (model / "theme_model.json").read_text(encoding="utf-8").lower()
    assert '"vocabulary"' in description
    with np.load(model / "theme_model.npz", allow_pickle=False) as arrays:
        strings = " ".join(
            str(v)
            for name in arrays.files
            if arrays[name].dtype.kind in "US"
            for v in arrays[name].ravel()
        ).lower()
    leaks = [p for p in (*NAME_PARTS, "@kunta.example") if p in description or p in strings]
    assert leaks == []


# ------------------------------------------- errors in the input: one line, exit 2 (L336-338)

CONLLU_OK = (
    "1\tTalo\ttalo\tNOUN\t_\t_\t0\troot\t_\t_\n2\tkaatui\tkaatua\tVERB\t_\t_\t1\tnsubj\t_\t_\n"
)


def test_evaluate_lemmas_on_a_well_formed_file_counts_every_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The control for the two error tests below: a well-formed CoNLL-U file of two tokens."""
    path = tmp_path / "hyva.conllu"
    path.write_text(CONLLU_OK + "\n", encoding="utf-8")
    assert main(["evaluate", "lemmas", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tokens"] == 2


def test_evaluate_lemmas_on_a_file_that_is_not_utf8_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.conllu"
    path.write_bytes("1\tPäivä\tpäivä\tNOUN\t_\t_\t0\troot\t_\t_\n\n".encode("latin-1"))
    status = main(["evaluate", "lemmas", str(path)])
    error = _one_line_error(capsys)
    assert status == 2 and "latin1.conllu" in error, error


def test_evaluate_lemmas_does_not_skip_a_malformed_token_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rikki.conllu"
    broken = CONLLU_OK.replace("\tnsubj\t_\t_\n", "\tnsubj\t_\n")  # 9 fields, not 10
    path.write_text(broken + "\n", encoding="utf-8")
    status = main(["evaluate", "lemmas", str(path), "--json"])
    captured = capsys.readouterr()
    counted = json.loads(captured.out)["tokens"] if status == 0 else None
    assert status == 2 and "rikki.conllu" in captured.err, (status, counted)


EXPORT_PLAIN_HEADERS = (
    "Tunniste;Asema;Paikkakunta;Vapaa sana\n"
    "A1;sivistysjohtaja;Tampere;Perhekeskus toimii hyvin.\n"
    "A2;kunnanjohtaja;Kuopio;Tilat ovat kunnossa.\n"
)
MAPPING = "id_column: Tunniste\ntitle_column: Asema\nmunicipality_column: Paikkakunta\n"


def test_mapping_option_names_the_columns(tmp_path: Path) -> None:
    """README L311 and L127-128: `--mapping` (a small mapping file, `column_map=` in Python)
    names the columns explicitly: here the id column, which is not recognised from its
    header "Tunniste" without it."""
    export = tmp_path / "kysely.csv"
    export.write_text(EXPORT_PLAIN_HEADERS, encoding="utf-8")
    mapping = tmp_path / "sarakkeet.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    plain, mapped = tmp_path / "ilman", tmp_path / "kanssa"
    assert main(["-q", "survey", str(export), "-o", str(plain)]) == 0
    assert main(["-q", "survey", str(export), "--mapping", str(mapping), "-o", str(mapped)]) == 0
    ids = pd.read_csv(plain / "answers.csv", dtype=str)["respondent_id"].tolist()
    assert ids != ["A1", "A2"]  # without the mapping the ids are row ordinals
    answers = pd.read_csv(mapped / "answers.csv", dtype=str)
    assert answers["respondent_id"].tolist() == ["A1", "A2"]
    respondents = pd.read_csv(mapped / "respondents.csv", dtype=str)
    assert respondents["group"].tolist() == ["sivistysjohto", "kuntajohtaja"]
    assert respondents["region"].tolist() == ["08", "13"]
    # the other verbs take it too (README L308-311)
    tagged = tmp_path / "t.jsonl"
    assert main(["-q", "tag", str(export), "--mapping", str(mapping), "-o", str(tagged)]) == 0
    assert pd.read_json(tagged, lines=True, dtype=False)["respondent_id"].tolist() == ["A1", "A2"]


def test_a_mapping_file_that_is_not_utf8_is_named_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "kysely.csv"
    export.write_text(EXPORT_WITH_CONTACTS, encoding="utf-8")
    mapping = tmp_path / "sarakkeet.yaml"
    mapping.write_bytes("title_column: Tehtävänimike\n".encode("cp1252"))
    assert main(["survey", str(export), "--mapping", str(mapping)]) == 2
    assert "sarakkeet.yaml" in _one_line_error(capsys)


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (["--encoding", "cp1252"], "--encoding is for text input"),
        (["--sheet", "Vastaukset"], "--sheet is for XLSX input"),
        (["--delimiter", ";"], "--delimiter is for CSV and TSV input"),
        (["--header-row", "2"], "--header-row is for CSV, TSV and XLSX input"),
    ],
)
def test_an_option_for_text_or_xlsx_on_parquet_input_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], says: str
) -> None:
    """README L313-315: `--encoding` is for text (not XLSX or Parquet), `--sheet` for XLSX,
    `--delimiter` for CSV and TSV; given for an input of another format each is an error."""
    source = tmp_path / "vastaukset.parquet"
    pd.DataFrame({"id": ["1", "2"], "text": ["Perhekeskus toimii.", "Tilat ok."]}).to_parquet(
        source
    )
    out = tmp_path / "t.jsonl"
    assert main(["tag", str(source), *option, "-o", str(out)]) == 2
    error = _one_line_error(capsys)
    assert says in error and "vastaukset.parquet" in error and "Parquet" in error
    assert not out.exists()
    assert main(["-q", "tag", str(source), "-o", str(out)]) == 0  # without it, it is read


# ------------------------------------------------- streamed tagging, other outputs (L320-326)


def test_chunked_tagging_to_xlsx_or_json_is_written_whole_with_the_plain_rows(
    tmp_path: Path,
) -> None:
    """README L326: with `--chunk-size`, "Other inputs and .json, .xlsx and .parquet outputs
    are read or written whole" — and still give the rows of a plain run."""
    source = tmp_path / "vastaukset.csv"
    pd.DataFrame(
        {
            "id": ["1", "2", "3"],
            "text": ["Perhekeskus toimii hyvin.", "=1+1 tilat", "Oppilashuolto ei toimi."],
        }
    ).to_csv(source, index=False)
    for suffix in (".xlsx", ".json"):
        chunked, plain = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        assert main(["-q", "tag", str(source), "--chunk-size", "1", "-o", str(chunked)]) == 0
        assert main(["-q", "tag", str(source), "-o", str(plain)]) == 0
        assert chunked.read_bytes() == plain.read_bytes() or suffix == ".xlsx"
        if suffix == ".xlsx":
            got, want = pd.read_excel(chunked, dtype=str), pd.read_excel(plain, dtype=str)
            assert got.equals(want) and len(got) == 3
            assert got["text"].tolist()[1] == "=1+1 tilat"  # stored as text, not a formula
    # an XLSX input is read whole under --chunk-size too, with the rows of a plain run
    again, whole = tmp_path / "c.json", tmp_path / "d.json"
    assert main(["-q", "tag", str(tmp_path / "b.xlsx"), "--chunk-size", "1", "-o", str(again)]) == 0
    assert main(["-q", "tag", str(tmp_path / "b.xlsx"), "-o", str(whole)]) == 0
    assert again.read_bytes() == whole.read_bytes()
    assert len(json.loads(again.read_text(encoding="utf-8"))) == 3


# --------------------------------------------- the Python functions return what they are given


def test_python_functions_return_what_they_are_given_and_mask_pii_masks_a_list() -> None:
    """README L251-252: "The Python functions return what they are given: `va.mask_pii(texts)`
    masks a list of texts." — va.tag keeps a name in the text and its lemma; mask_pii masks
    the name, the e-mail address and the phone number, one output per input, in order."""
    texts = [
        "Soitin Liisa Korhoselle perhekeskuksen asiasta.",
        "Oppilashuolto toimii hyvin.",
        "Kysy lisää: liisa.korhonen@kunta.example tai 040 765 4321.",
    ]
    tagged = va.tag(texts)
    assert tagged["text"].tolist() == texts
    assert "Korhonen" in tagged.loc[0, "lemmas"]
    assert "perhekeskus" in tagged.loc[0, "areas"]
    masked = va.mask_pii(texts)
    assert len(masked) == 3 and masked[1] == texts[1]
    assert "[NIMI]" in masked[0] and "Korho" not in masked[0] and "perhekeskuksen" in masked[0]
    assert "[EMAIL]" in masked[2] and "[PUHELIN]" in masked[2] and "765" not in masked[2]


# ------------------------------------------- an aggregated score table joins by county (L169-170)


@pytest.mark.parametrize(
    "places",
    [
        ["Pirkanmaa", "Pohjois-Savo"],  # county names
        ["Tampere", "Kuopio"],  # municipality names
        ["Tampereella", "Kuopiossa"],  # inflected, as typed in an export
        ["837", "297"],  # municipality codes
        ["08", "13"],  # county codes
    ],
)
def test_an_aggregated_table_joins_by_county_code_whatever_names_the_place(
    places: list[str],
) -> None:
    """README L169-170: "an aggregated table joins by its group or region column (county names,
    municipality names and codes all match by county code)"."""
    rows = [
        {
            "respondent_id": f"{county}-{i}",
            "region": county,
            "text": "x",
            "areas": [],
            "mechanisms": ["tapaamiset"] if i < 3 else [],
        }
        for county in ("08", "13")
        for i in range(6)
    ]
    freqs = va.theme_frequencies(pd.DataFrame(rows), "region", codes=("mechanisms",))
    table = pd.DataFrame(
        {"region": places, "item": "Tapaamiset", "mean": [3.1, 4.2], "n": [40, 50]}
    )
    joined = va.join_scores(freqs, table, code_items={"tapaamiset": "Tapaamiset"})
    got = joined[joined["code"] == "tapaamiset"].set_index("region")
    assert got.loc["08", "score_mean"] == 3.1 and got.loc["13", "score_mean"] == 4.2
    assert got.loc["08", "score_n"] == 40 and got.loc["13", "score_n"] == 50


# ------------------------------------------------------- compiled modules or sources (L617-624)


def test_the_builds_are_used_only_when_all_are_current_and_pure_runs_the_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README L621-623: "The builds are used only while every one of them is newer than its
    source: after an edit or a checkout the package warns and runs the sources until `make
    compiled` runs again. `VASTAUSANALYYSI_PURE=1` runs the sources whatever is built."
    The decision itself, on the real list of modules; the import hook is not installed here."""
    import warnings

    from vastausanalyysi import _compiled

    monkeypatch.setattr(_compiled, "_use_sources", lambda: None)
    monkeypatch.delenv(_compiled.PURE_ENV, raising=False)
    first = _compiled.COMPILED[0]
    cases = {
        "all current": (([], []), True, False),
        "one edited": (([], [first]), False, True),
        "one missing": (([first], []), False, True),
        "none built": ((list(_compiled.COMPILED), []), False, False),
    }
    for name, (state, used, warned) in cases.items():
        monkeypatch.setattr(_compiled, "out_of_date", lambda state=state: state)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert _compiled.choose() is used, name
        messages = [str(w.message) for w in caught if w.category is RuntimeWarning]
        assert bool(messages) is warned, (name, messages)
        if warned:
            assert "make compiled" in messages[0] and first.split(".")[-1] in messages[0]
    monkeypatch.setattr(_compiled, "out_of_date", lambda: ([], []))
    monkeypatch.setenv(_compiled.PURE_ENV, "1")
    assert _compiled.choose() is False  # current builds, but the sources are asked for


def test_the_set_up_installs_the_compiled_extra_and_builds_before_run_and_test() -> None:
    """README L37-43: the development extras include `parquet`, `dask` and `compiled` ("the
    pinned mypy whose mypyc builds the tagger's hot modules"), and both commands compile
    those modules (`make compiled`) after installing; `make test` runs ruff and the suite."""
    import re

    root = Path(__file__).resolve().parents[1]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    dev = re.search(r"^dev = \[(.*?)^\]", pyproject, flags=re.MULTILINE | re.DOTALL)[1]
    extras = re.search(r"vastausanalyysi\[([\w,]+)\]", dev)[1].split(",")
    assert {"parquet", "dask", "compiled"} <= set(extras)
    assert re.search(r'^compiled = \["mypy==[\d.]+"', pyproject, flags=re.MULTILINE)  # pinned
    targets = dict(re.findall(r"^([\w-]+):(.*)$", makefile, flags=re.MULTILINE))
    assert "compiled" in targets["setup"].split()
    assert "setup" in targets["run"].split() and "setup" in targets["test"].split()
    test_recipe = makefile.split("\ntest:")[1].split("\n\n")[0]
    assert "ruff check" in test_recipe and "pytest" in test_recipe
    assert "vastausanalyysi run --out results" in makefile.split("\nrun:")[1].split("\n\n")[0]


# ------------------------------------------------------ option errors are one line (L336-338)


@pytest.mark.parametrize(
    "argv",
    [
        ["tag", "vastaukset.csv", "--jobs", "kaksi"],
        ["tag", "vastaukset.csv", "--format", "docx"],
        ["tag", "vastaukset.csv", "--tuntematon"],
    ],
)
def test_an_option_error_is_one_line(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vastaukset.csv").write_text("text\nPerhekeskus toimii.\n", encoding="utf-8")
    argv = [str(tmp_path / a) if a == "vastaukset.csv" else a for a in argv]
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err


# ---------------------------------------------- a tagged file goes to summary as it is (L317)


def test_summary_of_a_tagged_jsonl_flags_no_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "vastaukset.csv"
    source.write_text(
        "id,ryhma,text\n1,a,Perhekeskus toimii hyvin.\n2,a,Tilat ovat huonot.\n",
        encoding="utf-8",
    )
    tagged = tmp_path / "tagged.jsonl"
    assert main(["-q", "tag", str(source), "-o", str(tagged)]) == 0
    capsys.readouterr()
    out = tmp_path / "freq.csv"
    assert main(["summary", str(tagged), "-b", "ryhma", "--min-cell", "1", "-o", str(out)]) == 0
    perhekeskus = pd.read_csv(out).set_index("code").loc["perhekeskus"]
    assert (perhekeskus["n"], perhekeskus["base"]) == (1, 2)  # the codes are read right
    assert capsys.readouterr().err == ""


# ----------------------------------------- a cluster's make-up by group and county (L187-190)

ENDINGS = [
    "aamuisin",
    "iltaisin",
    "viikoittain",
    "kuukausittain",
    "aina",
    "usein",
    "joskus",
    "tiiviisti",
    "sujuvasti",
    "nopeasti",
    "rauhassa",
    "yhdessä",
    "luontevasti",
]


def _made_up_clusters() -> pd.DataFrame:
    """13 respondents in one cluster: groups of 6, 5 and 2, counties of 11 and 2."""
    frame = pd.DataFrame(
        {
            "respondent_id": [f"R{i}" for i in range(13)],
            "text": [f"Perhekeskuksen yhteistyö toimii {w}." for w in ENDINGS],
            "group": ["iso"] * 6 + ["keski"] * 5 + ["pieni"] * 2,
            "region": ["08"] * 11 + ["13"] * 2,
        }
    )
    return va.cluster_statements(frame, n_clusters=1).clusters


def test_a_clusters_make_up_hides_the_small_group_and_county_and_quotes_none_of_them() -> None:
    """README L187-190: the make-up by group and county (cells under five respondents hidden;
    by default the data's `group` and `region` columns); no quote and no id from a respondent
    whose group or county has fewer than five respondents."""
    row = _made_up_clusters().iloc[0]
    assert row["respondents"] == 13
    assert row["by_group"]["pieni"] is None and row["by_county"]["13"] is None
    assert row["by_group"]["iso"] in (6, None)
    ids = {i for quote in row["representative_ids"] for i in quote}
    assert ids and not ids & {"R11", "R12"}


def test_no_hidden_cell_of_a_clusters_make_up_follows_from_its_total() -> None:
    row = _made_up_clusters().iloc[0]
    for column in ("by_group", "by_county"):
        cells = row[column]
        hidden = [k for k, v in cells.items() if v is None]
        assert hidden, column  # the small group (county) is hidden
        # one hidden cell beside a shown total is the total minus the shown cells
        assert len(hidden) >= 2, (column, cells, row["respondents"])
