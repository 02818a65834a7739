"""The README's claims, held by tests: its Python examples run and give what their comments say,
every command and option of its shell section exists, every repository path it or the
measurement record (``docs/measurements.md``) names exists, every link between the two leads to
a heading, and the figures it prints for the bundled data are what the code gives today.

The survey files the examples read are written here (team-written, no real answers).
"""

from __future__ import annotations

import argparse
import ast
import doctest
import math
import re
import shlex
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import vastausanalyysi as va
from documents import MEASUREMENTS, MEASUREMENTS_PATH, README, README_PATH, ROOT
from vastausanalyysi.cli import build_parser
from vastausanalyysi.cli.main import INPUT_FORMATS
from vastausanalyysi.cli.output import OUTPUT_FORMATS

PACKAGE = ROOT / "src" / "vastausanalyysi"

# a small survey export as a municipality's tool would write it (team-written)
OPEN_WORKS = "Millä yhdyspinnoilla yhteistyö erityisesti toimii?"
OPEN_PROBLEMS = "Mitä haasteita yhteistyössä on?"
LIKERT = "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden kanssa"
SURVEY_HEADER = ["Vastaajan tunnus", "Tehtävänimike", "Kunta", LIKERT, OPEN_WORKS, OPEN_PROBLEMS]
SURVEY_ROWS = [
    ["101", "sivistystoimen joht.", "Kuopio", "Melko hyvin",
     "Perhekeskus toimii, tapaamme säännöllisesti.", "Työnjako on epäselvä."],
    ["102", "Kunnanjohtaja", "Siilinjärvi", "En osaa sanoa",
     "Oppilashuolto ja hyte sujuvat.", "Päätöksenteko on hidasta."],
    ["103", "Sivistysjohtaja", "Tampere", "4",
     "Säännölliset tapaamiset hyvinvointialueen kanssa.", "Tiedonkulku takkuaa."],
    ["104", "Kaupunginjohtaja", "Pirkkala", "3",
     "Varautumisen yhteistyö toimii hyvin.", "Kiinteistöasiat ovat auki."],
    ["105", "Opetustoimenjohtaja", "Nokia", "2",
     "Hyvinvointikertomus tehdään yhdessä.", "Vastuuhenkilöt vaihtuvat usein."],
    ["106", "Kunnanjohtaja", "Kangasala", "5",
     "Yhteiset palaverit toimivat.", "Kotoutumisen työnjako on epäselvä."],
    ["107", "Kunnanhallituksen puheenjohtaja", "Lempäälä", "4",
     "Luottamushenkilöiden tapaamiset ovat hyviä.", "Asukkaiden osallisuus jää vähäiseksi."],
    ["108", "Sivistysjohtaja", "Ylöjärvi", "3",
     "Perhekeskus ja neuvola tekevät hyvää yhteistyötä.", "Tilannekuva puuttuu."],
    ["109", "Kunnanjohtaja", "Maarianhamina", "4",
     "Ympäristöterveydenhuolto toimii.", "Rahoitus on epäselvää."],
    ["110", "Sivistystoimenjohtaja", "Orivesi", "2",
     "Lasten ja nuorten palvelut toimivat yhdessä.", "Tiedonkulku katkeaa."],
    ["111", "Kunnanjohtaja", "Valkeakoski", "3",
     "Työllisyyspalvelut ja kotoutuminen sujuvat.", "Asumisen palvelut ovat hajallaan."],
]  # fmt: skip


# ---------------------------------------------------------------------------- reading the README


def code_blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language`` ("" for a block without one), in order."""
    blocks, current, fence = [], [], None
    for line in README.splitlines():
        if fence is None and line.startswith("```"):
            fence, current = line[3:].strip(), []
        elif fence is not None and line.startswith("```"):
            if fence == language:
                blocks.append("\n".join(current) + "\n")
            fence = None
        elif fence is not None:
            current.append(line)
    return blocks


def block_with(text: str, language: str = "python") -> str:
    """The one code block that contains ``text``."""
    found = [b for b in code_blocks(language) if text in b]
    assert len(found) == 1, f"{len(found)} {language} blocks contain {text!r}"
    return found[0]


def section(title: str) -> str:
    """The README's text from the heading ``title`` to the next heading of the same level."""
    match = re.search(rf"^(#+) {re.escape(title)}\n", README, flags=re.MULTILINE)
    assert match, title
    level = len(match.group(1))
    rest = README[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.MULTILINE)
    return rest[: end.start()] if end else rest


def prose(text: str) -> str:
    """``text`` without its fenced code blocks."""
    return re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)


def table(text: str) -> list[list[str]]:
    """The rows of the first Markdown table in ``text``, without its header and rule."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    rows = lines[start + 2 : end]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in rows]


def number(text: str) -> float:
    """A README number: '0.959', '1,088', '97.2 %', '100 %'."""
    return float(text.replace(",", "").replace("%", "").strip().strip("*"))


def commented_lines(block: str) -> Iterator[tuple[str, str | None]]:
    """Each statement of ``block`` with its trailing comment (None without one)."""
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        code, _, comment = line.partition("  # ")
        yield code, (comment or None)


def literal(comment: str) -> tuple[bool, Any]:
    """The Python literal a comment starts with, if it starts with one."""
    for candidate in (comment, comment.split(" (")[0]):
        try:
            return True, ast.literal_eval(candidate)
        except (ValueError, SyntaxError):
            continue
    return False, None


def run_block(block: str, namespace: dict[str, Any]) -> list[tuple[str, Any, str | None]]:
    """Run ``block`` statement by statement; the value and comment of each expression."""
    results = []
    for code, comment in commented_lines(block):
        tree = ast.parse(code)
        if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
            results.append((code, eval(code, namespace), comment))
        else:
            exec(code, namespace)
    return results


def write_survey(path: Path) -> Path:
    """The team-written export above, as CSV (``;``) or XLSX by ``path``'s suffix."""
    frame = pd.DataFrame(SURVEY_ROWS, columns=SURVEY_HEADER)
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


# ---------------------------------------------------------------------------- Python examples


def test_the_finnish_layer_examples_give_the_printed_results() -> None:
    block = block_with(">>> va.lemmatize(")
    test = doctest.DocTestParser().get_doctest(block, {"va": va}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted == len(test.examples) >= 5


def test_the_spacy_component_is_a_registered_factory() -> None:
    from importlib.metadata import entry_points

    import spacy

    assert '`nlp.add_pipe("vastausanalyysi_lemmatizer")`' in README
    names = {e.name for e in entry_points(group="spacy_factories")}
    assert "vastausanalyysi_lemmatizer" in names
    nlp = spacy.blank("fi")
    nlp.add_pipe("vastausanalyysi_lemmatizer")
    token = nlp("kiinteistöasiat")[0]
    for attribute in re.findall(r"`token\._\.(\w+)`", README):
        assert token.has_extension(attribute), attribute


def test_the_first_example_runs_on_a_survey_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = block_with('va.read_survey("vastaukset.xlsx")')
    write_survey(tmp_path / "vastaukset.xlsx")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(block, namespace)
    answers, tagged, freqs = namespace["answers"], namespace["tagged"], namespace["freqs"]
    # "+ group, coarse_group, region"
    assert {"group", "coarse_group", "region"} <= set(answers.columns)
    assert len(answers) == 2 * len(SURVEY_ROWS)  # one row per respondent and open question
    # "areas, mechanisms, polarity, evidence and lemmas for every answer"
    assert {"areas", "mechanisms", "polarity", "evidence", "lemmas"} <= set(tagged.columns)
    assert len(tagged) == len(answers)
    # "n, share, Wilson interval; groups under 5 respondents suppressed (flagged, not dropped)"
    assert {"n", "share", "ci_low", "ci_high", "suppressed"} <= set(freqs.columns)
    groups = namespace["survey"].respondents["coarse_group"].value_counts()
    small = set(groups[groups < 5].index)
    assert small, "the example survey should have a small group"
    shown = freqs.drop_duplicates("coarse_group").set_index("coarse_group")["suppressed"]
    assert set(shown.index) == set(groups.index)  # no group dropped
    assert {g for g, hidden in shown.items() if hidden} >= small
    # "labelled clusters with representatives"
    clusters = namespace["clusters"].clusters
    assert {"label", "representatives"} <= set(clusters.columns)
    assert clusters["label"].astype(bool).any()


def test_the_survey_example_gives_the_commented_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = block_with('va.read_survey("kysely.csv")')
    write_survey(tmp_path / "kysely.csv")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"va": va}
    checked = 0
    for code, value, comment in run_block(block, namespace):
        assert comment, code
        is_literal, expected = literal(comment)
        if is_literal:
            assert value == expected, code
        elif isinstance(value, pd.DataFrame):
            names = [n.strip() for n in re.split(r" — |, …", comment)[0].split(", ")]
            assert list(value.columns[: len(names)]) == names, code
        else:  # survey.issues: "every problem with its row, column and value"
            assert value, code
            assert all({"row", "column", "value"} <= set(vars(i)) for i in value)
        checked += 1
    assert checked == 10
    survey = namespace["survey"]
    # '"Melko hyvin" is 4, "En osaa sanoa" NaN'
    scores = survey.scores.set_index("respondent_id")
    assert scores.loc["101", "value"] == 4
    assert math.isnan(scores.loc["102", "value"]) and scores.loc["102", "status"] == "eos"
    # "one row per respondent and open question"
    assert len(survey.answers) == 2 * len(SURVEY_ROWS)


def test_the_scores_example_gives_the_commented_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    block = block_with("va.load_published_scores()")
    comments = " ".join(c.strip("# ") for c in block.splitlines() if c.startswith("#"))
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"va": va, "pd": pd}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = run_block(block, namespace)
    crosstab, joined = (value for _, value, _ in results)
    published = namespace["published"]

    # the crosstab: bases and one code's counts, then the chi-square tests and their warning
    bases = [int(n) for n in re.findall(r"\d+", re.search(r"bases are ([\d, and]+)", comments)[1])]
    assert crosstab.loc["Yhteensä"].tolist() == bases
    code, counts = re.search(r"and (\w+) is ([\d, and]+);", comments).groups()
    assert crosstab.loc[code].tolist() == [int(n) for n in re.findall(r"\d+", counts)]
    assert crosstab.columns[-1] == "Yhteensä"
    assert 'attrs["tests"]' in comments and {"chi2", "p_value"} <= set(crosstab.attrs["tests"])
    assert any("expected counts below 5" in str(w.message) for w in caught)

    # the published table
    rows, columns = re.search(r"(\d+) rows: ([\w, ]+) \(", comments).groups()
    assert len(published) == int(rows)
    assert published.columns.tolist() == columns.split(", ")
    n_regions = int(re.search(r"the (\d+) regions", comments)[1])
    assert published["region_code"].nunique() == n_regions
    assert set(published.loc[published["region_code"].isna(), "region"]) == {"Kaikki vastaajat"}

    # the join: shares beside the all-respondents means
    pairs = re.findall(r"(\w+) (\d+)/(\d+) beside ([\d.]+)\s+\(n (\d+)\)", comments)
    assert len(pairs) == 2
    for code, n, base, mean, score_n in pairs:
        row = joined[joined["code"] == code].iloc[0]
        assert (row["n"], row["base"], row["score_n"]) == (int(n), int(base), int(score_n))
        assert row["score_mean"] == pytest.approx(float(mean))
    missing = re.search(r"(\w+)'s item .* score_n 0 and a warning", comments)[1]
    assert joined.loc[joined["code"] == missing, "score_n"].tolist() == [0]
    assert any(missing in str(w.message) for w in caught)


def test_the_respondent_decisions_hold() -> None:
    """The decisions of the "Respondent groups and regions" paragraph, on examples."""
    text = section("Respondent groups and regions")
    order = re.split(r",\s*", re.search(r"first group in the order ([\w,\s]+);", text)[1])
    assert order[:3] == ["puheenjohtaja", "kuntajohtaja", "muu_organisaatio"]
    # combined titles: the first group in that order wins
    assert va.respondent_group("kunnanhallituksen puheenjohtaja ja sivistysjohtaja") == order[0]
    assert va.respondent_group("sivistysjohtaja ja kunnanjohtaja") == order[1]
    assert va.respondent_group("lautakunnan puheenjohtaja") == "tuntematon"
    assert va.respondent_group("seurakuntaneuvoston puheenjohtaja") == "tuntematon"
    assert va.respondent_group("Pirkanmaan hyvinvointialueen hallintojohtaja") == "tuntematon"
    assert '"rehtori" alone is `sivistysjohto`' in text
    assert va.respondent_group("rehtori") == "sivistysjohto"
    assert va.resolve_region("91") is None and va.resolve_region("091") == "90"
    for name in re.search(r'; ("Uusimaa", "HUS")', text)[1].split(", "):
        assert va.resolve_region(name.strip('"')) is None
    assert va.resolve_regions(["HUS"])[1] == ["HUS"]  # "listed as unresolved"


# ---------------------------------------------------------------------------- the shell


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every verb's parser by its words ("tag", "evaluate themes")."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in subparsers(sub).items()})
    return found


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


def test_every_command_of_the_shell_table_parses() -> None:
    parser = build_parser()
    verbs = subparsers(parser)
    rows = table(section("Use it from the shell"))
    assert len(rows) >= 10
    named = set()
    for command, what in rows:
        argv = shlex.split(command.strip("`"))
        assert argv[0] == "vastausanalyysi"
        args = parser.parse_args(argv[1:])  # SystemExit on an unknown verb or option
        assert callable(args.handler)
        verb = " ".join(argv[1:3]) if argv[1] == "evaluate" else argv[1]
        named.add(verb)
        for option in re.findall(r"`(-[-\w]+)", what):  # options named in the description
            assert option in options(verbs[verb]), (verb, option)
    assert named == {v for v in verbs if v != "evaluate"}, "the table lists every verb"


def test_the_options_the_shell_section_names_exist() -> None:
    verbs = subparsers(build_parser())
    every = set().union(*(options(p) for p in verbs.values()), options(build_parser()))
    text = prose(section("Use it from the shell"))
    named = set(re.findall(r"`(--?[a-z][-\w]*)", text))
    named |= {o for pair in re.findall(r"`(-\w)/(--[-\w]+)`", text) for o in pair}
    assert len(named) >= 15
    assert named <= every, named - every

    # "`survey`, ... and `report` take the same input options: ...; `train` and `evaluate
    # themes` take `-c` and the last five."
    paragraph = re.search(r"^(`survey`.*?)\n\n", text, flags=re.DOTALL | re.MULTILINE)[1]
    head, _, listed = paragraph.partition("take the same input options")
    shared = re.findall(r"`(--?[a-z][-\w]*)", listed.split("; `train`")[0])
    for verb in re.findall(r"`(\w+)`", head):
        assert set(shared) <= options(verbs[verb]), verb
    for verb in ("train", "evaluate themes"):
        assert f"`{verb}`" in paragraph
        assert {"-c", *shared[-5:]} <= options(verbs[verb]), verb
    assert "the last five" in paragraph
    formats = re.split(r",\s*", re.search(r"`--format` \(([\w,\s]+)\)", paragraph)[1])
    assert tuple(formats) == INPUT_FORMATS

    suffixes = re.search(r"written by their suffix: ([`.\w, or]+)", text)[1]
    assert set(re.findall(r"`(\.\w+)`", suffixes)) == set(OUTPUT_FORMATS) - {".ndjson"}


def named_paths(text: str) -> list[str]:
    """The repository paths that ``text`` names in backticks (outside its code blocks)."""
    spans = re.findall(r"`([^`\s(=]+/[^`\s(=]*)`", prose(text))
    return [s for s in spans if not s.startswith(("results/", "../", "-"))]


def anchors(text: str) -> set[str]:
    """The anchors of ``text``'s headings, as GitHub makes them."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", prose(text), flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        found.add(slug)
    return found


def test_every_repository_path_the_readme_names_exists() -> None:
    paths = named_paths(README)
    assert len(paths) >= 20
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert not missing
    # the measurement record's paths too: its sentences were the README's
    recorded = named_paths(MEASUREMENTS)
    assert len(recorded) >= 20
    missing = [p for p in recorded if not (ROOT / p).exists()]
    assert not missing
    # the package tree of "How it is built"
    tree = block_with("the foundation", language="")
    for line in tree.splitlines():
        names = [w for w in line.split() if w.endswith(("/", ".py"))][:1] or []
        if line.startswith("errors.py"):
            names = [w for w in line.split() if w.endswith(".py")]
        for name in names:
            assert (PACKAGE / name).exists(), name


def test_every_link_between_the_readme_and_the_measurement_record_leads_to_a_heading() -> None:
    """The README's links to ``docs/measurements.md`` and the record's links back: the file
    exists and the anchor is one of its headings."""
    documents = {README_PATH: README, MEASUREMENTS_PATH: MEASUREMENTS}
    checked = 0
    for path, text in documents.items():
        for target, anchor in re.findall(r"\]\(([^)#\s]*)(?:#([^)\s]+))?\)", text):
            if target.startswith(("http://", "https://")):
                continue
            linked = (path.parent / target).resolve() if target else path
            assert linked in documents, (path.name, target)
            if anchor:
                assert anchor in anchors(documents[linked]), (path.name, target, anchor)
            checked += 1
    readme_links = re.findall(r"\]\(docs/measurements\.md(?:#[^)]*)?\)", README)
    assert len(readme_links) >= 7  # the overview and each part of "How good is it" that moved
    assert checked > len(readme_links)


def test_the_set_up_the_readme_describes() -> None:
    text = section("Two commands")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for package in ("libvoikko1", "voikko-fi", "chromium"):
        assert f"`{package}`" in text and package in makefile
    assert re.search(r"^test: .*browser", makefile, flags=re.MULTILINE)
    assert 'requires-python = ">=3.11"' in pyproject and "Python ≥ 3.11" in text
    for extra in ("parquet", "dask"):
        assert f"`{extra}`" in text and re.search(rf"^{extra} = ", pyproject, flags=re.MULTILINE)
    for tool in ("pytest", "ruff", "hypothesis"):
        assert tool in text and f'"{tool}>=' in pyproject
    for output in re.findall(r"`(results/[\w.]+)`", text):
        assert Path(output).name in {"report.html", "report.xlsx", "report.md", "tagged.jsonl"}


# ---------------------------------------------------------------------------- figures


def test_the_theme_figures_of_the_real_and_blind_sets() -> None:
    """The rows of the themes table that take seconds to measure (not the cross-validation)."""
    from vastausanalyysi.themes.evaluation import evaluate

    labelled = ROOT / "corpus" / "labelled"
    answers = pd.read_csv(ROOT / "corpus" / "answers.csv")
    blind = pd.read_csv(labelled / "blind_published.csv")
    data = {
        "real published sentences": pd.read_csv(labelled / "report_prose.csv"),
        'real "what works" highlights': pd.read_csv(labelled / "report_highlights.csv"),
        "holdout half": blind[blind["id"].str[1:].astype(int) % 2 == 0],
        "second blind set": pd.read_csv(labelled / "blind_published2.csv"),
        "third blind set": pd.read_csv(labelled / "blind_published3.csv"),
        "fourth blind set": pd.read_csv(labelled / "blind_published4.csv"),
        "fifth blind set": pd.read_csv(labelled / "blind_published5.csv"),
        "sixth blind set": pd.read_csv(labelled / "blind_published6.csv"),
        "seventh blind set": pd.read_csv(labelled / "blind_published7.csv"),
        "eighth blind set": pd.read_csv(labelled / "blind_published8.csv"),
        "ninth blind set": pd.read_csv(labelled / "blind_published9.csv"),
        "tenth blind set": pd.read_csv(labelled / "blind_published10.csv"),
        "team-written test split": answers[
            (answers["split"] == "test") & (answers["origin"] == "team-written")
        ],
    }
    rows = table(section("Themes"))
    measured = 0
    for name, n, areas, mechanisms, polarity in rows:
        if "cross-validation" in name:  # minutes to measure: the model card's row
            assert number(n) == (answers["split"] == "train").sum()
            assert "with the question" in name
            card = (ROOT / "models" / "theme_model.md").read_text(encoding="utf-8")
            row = re.search(r"^\| train split, 5-fold CV: rules \+ model \| (.*) \|$", card,
                            flags=re.MULTILINE)[1].split(" | ")  # fmt: skip
            assert [number(row[i]) for i in (0, 1, 3, 5)] == [
                number(v) for v in (n, areas, mechanisms, polarity)
            ]
            continue
        key = next(k for k in data if k in name)
        frame = data[key]
        if "with the question" not in name:
            frame = frame.drop(columns=["question"])
        summary = evaluate(None, frame).summary
        assert summary["n"] == number(n), name
        assert round(summary["areas_micro_f1"], 3) == number(areas), name
        assert round(summary["mechanisms_micro_f1"], 3) == number(mechanisms), name
        assert round(summary["polarity_accuracy"], 3) == number(polarity), name
        measured += 1
    assert measured == 13


def test_the_polarity_macro_f1_of_the_evaluation_sets() -> None:
    """The sentence "Polarity macro-F1 (…, texts without their question): real sentences …"."""
    from vastausanalyysi.themes.evaluation import evaluate

    text = " ".join(README.split())
    found = re.search(
        r"Polarity macro-F1 \([^)]*without their question\): real sentences ([\d.]+), first "
        r"blind set ([\d.]+), second blind set ([\d.]+), third blind set ([\d.]+)",
        text,
    )
    assert found, "the macro-F1 sentence is gone"
    labelled = ROOT / "corpus" / "labelled"
    blind = pd.read_csv(labelled / "blind_published.csv")
    frames = [
        pd.read_csv(labelled / "report_prose.csv"),
        blind[blind["id"].str[1:].astype(int) % 2 == 0],
        pd.read_csv(labelled / "blind_published2.csv"),
        pd.read_csv(labelled / "blind_published3.csv"),
    ]
    measured = [
        round(evaluate(None, f.drop(columns=["question"])).summary["polarity_macro_f1"], 3)
        for f in frames
    ]
    assert measured == [float(v) for v in found.groups()]


def test_the_respondent_figures_now(capsys: pytest.CaptureFixture[str]) -> None:
    """The "now" column of the respondents table and the list sizes, by the script it names."""
    import importlib.util

    text = section("Respondent groups and regions")
    script = ROOT / re.search(r"`(scripts/\w+\.py)`", text)[1]
    spec = importlib.util.spec_from_file_location("eval_respondents", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = {
        ("job titles", "first blind"): "titles_blind.csv",
        ("job titles", "second blind"): "titles_blind2.csv",
        ("job titles", "check list"): "titles_check.csv",
        ("places", "first blind"): "places_blind.csv",
        ("places", "second blind"): "places_blind2.csv",
        ("places", "check list"): "places_check.csv",
    }
    rows = table(text)
    assert len(rows) == len(files)
    for name, size, _first, now in rows:
        ((_, file),) = [(k, f) for k, f in files.items() if k[0] in name and k[1] in name]
        path = ROOT / "corpus" / "respondents" / file
        if file.startswith("titles"):
            accuracy = module.evaluate_titles(path, None, False)
        else:
            accuracy = module.evaluate_places(path, False)
        assert re.search(rf": \d+/{number(size):.0f} = ", capsys.readouterr().out), name
        assert round(100 * accuracy, 1) == number(now), name


def test_the_domain_lemma_figure() -> None:
    from test_lemmatizer_accuracy import domain_scores

    match = re.search(r"team-labelled set of (\d+) tokens.*?lemma accuracy is (\d\.\d+)", README,
                      flags=re.DOTALL)  # fmt: skip
    accuracy, _parts, errors = domain_scores()
    tokens = round(len(errors) / (1 - accuracy))
    assert tokens == int(match[1])
    assert round(accuracy, 3) == float(match[2])


def test_the_introduction_examples(nlp: Any) -> None:
    """Compound parts, the domain lexicon's words and the polarity values the opening names."""
    from vastausanalyysi.nlp import load_lexicon
    from vastausanalyysi.summary import POLARITY_ORDER

    intro = README.split("## Two commands")[0]
    word, parts = re.search(r"compound parts \(`(\w+)` → ([\w,\s]+)\)", intro).groups()
    assert nlp(word)[0]._.compound_parts == re.split(r",\s*", parts)
    lexicon = load_lexicon()
    words = re.search(r"a domain lexicon \(([-\w, ]+) …\)", intro)[1].split(", ")
    assert len(words) == 4
    for token in (nlp(w)[0] for w in words):
        assert token._.is_known and lexicon.get(token.lemma_) is not None, token.text
    polarities = re.search(r"polarity \(([\w /\n]+)\)", intro)[1]
    assert tuple(re.split(r"\s*/\s*", polarities.replace("\n", " ").strip())) == POLARITY_ORDER


def test_the_decision_table_size_and_the_lemma_figures_of_the_model_card() -> None:
    """The decision table holds as many forms as the README says; the lemma figures are the
    model card's (measured on UD Finnish-TDT test by ``make evaluate``, outside this suite)."""
    forms = re.search(r"results for ([\d,]+) frequent and training forms", README)[1]
    lines = (PACKAGE / "data" / "lemma_table.tsv").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith(("#", "@"))]
    assert len(entries) == number(forms)

    card = (ROOT / "models" / "lemma_model.md").read_text(encoding="utf-8")
    lemmas = {row[0]: row[1] for row in table(section("How good is it"))}
    ours = number(lemmas["**vastausanalyysi**"])
    held_out = re.search(r"TDT test \(held out\) \| \*\*([\d.]+)\*\* \| \*\*([\d.]+)\*\* \| "
                         r"\*\*([\d.]+)\*\*", card).groups()  # fmt: skip
    assert round(float(held_out[0]), 3) == ours
    compounds = re.search(r"([\d.]+) of\s+the gold compound tokens exactly right, ([\d.]+)", README)
    assert compounds.groups() == held_out[1:]
    for name, accuracy in lemmas.items():
        if name != "**vastausanalyysi**":
            first = name.split()[0]
            assert re.search(rf"{re.escape(first)}[^;]*? {re.escape(accuracy)}[;.]", card), name
