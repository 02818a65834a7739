"""README sentences that had no test of their own, each held here (real Voikko, spaCy, sklearn).

Every text is team-written for these tests (no third-party text): short survey-style answers,
lists of everyday Finnish nouns and a small hand-made CoNLL-U file. The labelled rows for
training come from ``corpus/labelled/team_written_*.csv`` (origin ``team-written``).
"""

from __future__ import annotations

import html as html_lib
import importlib
import io
import json
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.cli import main
from vastausanalyysi.errors import ModelError, VastausanalyysiError, VoikkoUnavailableError
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.model_files import NPZ_NAME

ROOT = Path(__file__).resolve().parents[1]
TEAM_A = ROOT / "corpus" / "labelled" / "team_written_a.csv"
TEAM_B = ROOT / "corpus" / "labelled" / "team_written_b.csv"
PUBLISHED = ROOT / "corpus" / "report_2026" / "cooperation_scores.csv"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ---------------------------------------------------------------- an internal error (README ~L284)


def test_an_internal_error_is_one_line_with_exit_status_1_and_a_traceback_only_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: "an internal error — a bug — is one line too, exit status 1; nothing is shown as
    a traceback unless --debug is given"."""
    # the package exports the function ``main``, which hides its module of the same name
    cli_main = importlib.import_module("vastausanalyysi.cli.main")

    def broken(args: object) -> int:
        raise RuntimeError("a bug in the verb\nwith a second line")

    # build_parser binds each verb to the module's handler when it is called
    monkeypatch.setattr(cli_main, "_cmd_lemmatize", broken)
    src = tmp_path / "a.csv"
    src.write_text("text\nPerhekeskus toimii.\n", encoding="utf-8")
    assert main(["lemmatize", str(src)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.endswith("\n")
    assert "Traceback" not in captured.err
    assert "internal error" in captured.err and "RuntimeError" in captured.err
    assert "a bug in the verb with a second line" in captured.err
    with pytest.raises(RuntimeError, match="a bug in the verb"):
        main(["lemmatize", str(src), "--debug"])


# ------------------------------------------------------------ without libvoikko (README ~L50)


def test_a_native_library_that_cannot_be_loaded_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README: "Without libvoikko the library raises VoikkoUnavailableError, whose message says
    what to install" — the packages the README's set-up names (libvoikko1, voikko-fi; brew)."""
    import libvoikko

    from vastausanalyysi.nlp.voikko import VoikkoAnalyzer

    def missing(*args: object, **kwargs: object) -> None:
        raise OSError("libvoikko.so.1: cannot open shared object file")

    # simulates the missing native library; the error handling under test is ours
    monkeypatch.setattr(libvoikko, "Voikko", missing)
    monkeypatch.delenv("VOIKKO_DICTIONARY_PATH", raising=False)
    with pytest.raises(VoikkoUnavailableError) as info:
        VoikkoAnalyzer().analyze("talo")
    message = str(info.value)
    assert "cannot be loaded" in message and "libvoikko.so.1" in message
    assert "apt-get install libvoikko1 voikko-fi" in message
    assert "brew install libvoikko" in message
    assert "VOIKKO_DICTIONARY_PATH" in message
    assert isinstance(info.value, VastausanalyysiError)


# ------------------------------------------------------------- no pickle in models (README ~L99)


def test_a_model_npz_with_an_object_array_is_a_model_error_and_nothing_is_unpickled(
    tmp_path: Path,
) -> None:
    """README: "Saved models are JSON + NPZ (no pickle) … a damaged model is a ModelError naming
    the file". The object array holds a pickle that would create a file if it were loaded."""
    import shutil

    from vastausanalyysi.themes.shipped import default_model_path

    folder = tmp_path / "malli"
    shutil.copytree(default_model_path(), folder)
    marker = tmp_path / "unpickled.txt"

    class Opens:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))

    with np.load(folder / NPZ_NAME, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["coef"] = np.array([Opens(), 1.0], dtype=object)
    np.savez(folder / NPZ_NAME, **arrays)
    with pytest.raises(ModelError) as info:
        ThemeClassifier.load(folder)
    assert str(folder / NPZ_NAME) in str(info.value)
    with pytest.raises(ModelError, match=NPZ_NAME):
        va.tag(["Perhekeskus toimii hyvin."], model=str(folder))
    assert not marker.exists()


# ------------------------------------------------- scores= of tag is deprecated (README ~L481)


def test_tag_scores_warns_and_equals_probabilities() -> None:
    """README: "`scores=` of `tag`, now `probabilities=`, whose output column is
    `probabilities`", kept for one release with a DeprecationWarning."""
    texts = [
        "Perhekeskusyhteistyö toimii hyvin.",
        "Tiedonkulku hyvinvointialueelta on heikkoa.",
        "Yhteiset tapaamiset ovat säännöllisiä.",
    ]
    new = va.tag(texts, probabilities=True)
    with pytest.warns(DeprecationWarning, match="'scores' is deprecated"):
        old = va.tag(texts, scores=True)
    assert "probabilities" in new.columns and "scores" not in old.columns
    pd.testing.assert_frame_equal(old, new)
    assert all(isinstance(p, dict) and p for p in new["probabilities"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        va.tag(texts, probabilities=True)  # the new name warns nothing


# ---------------------------------------------------------------- evaluate lemmas (README ~L256)

# team-written sentences; gold lemmas in UD style with '#' at compound boundaries. The first and
# the last compound are split as UD tends to (yhteistyö, kouluterveyden) and Voikko splits them
# finer, so they count as misses: recall is neither 0 nor 1.
CONLLU_SENTENCES = [
    [
        ("Perhekeskusyhteistyö", "perhe#keskus#yhteistyö"),
        ("toimii", "toimia"),
        ("hyvin", "hyvin"),
        (".", "."),
    ],
    [
        ("Kiinteistöasiat", "kiinteistö#asia"),
        ("ovat", "olla"),
        ("jumissa", "jumi"),
        (".", "."),
    ],
    [
        ("Viikonlopun", "viikon#loppu"),
        ("tapaamiset", "tapaaminen"),
        ("sujuivat", "sujua"),
        ("kouluterveydenhuollossa", "kouluterveyden#huolto"),
        (".", "."),
    ],
]


def _write_conllu(path: Path) -> None:
    lines = []
    for n, sentence in enumerate(CONLLU_SENTENCES, start=1):
        lines += [f"# sent_id = tiimi.{n}", "# text = " + " ".join(f for f, _ in sentence)]
        for i, (form, lemma) in enumerate(sentence, start=1):
            lines.append(f"{i}\t{form}\t{lemma}\t_\t_\t_\t0\t_\t_\t_")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_evaluate_lemmas_prints_compound_recall_precision_and_tokens_per_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `evaluate lemmas FILE.conllu` gives "lemma and compound accuracy, tokens/s"."""
    path = tmp_path / "tiimi.conllu"
    _write_conllu(path)
    assert main(["evaluate", "lemmas", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    # the expected figures, worked out here from the library's own marked lemmas
    predicted = va.lemmatize_tokens(
        [[f for f, _ in s] for s in CONLLU_SENTENCES], mark_compounds=True
    )
    pairs = [
        (gold.lower(), lemma.lower())
        for sentence, lemmas in zip(CONLLU_SENTENCES, predicted, strict=True)
        for (_, gold), lemma in zip(sentence, lemmas, strict=True)
    ]
    gold_compounds = [(g, p) for g, p in pairs if "#" in g]
    marked = [(g, p) for g, p in pairs if "#" in p]
    assert result["tokens"] == len(pairs) == 13
    assert result["gold_compounds"] == len(gold_compounds) == 4
    recall = sum(g == p for g, p in gold_compounds) / len(gold_compounds)
    precision = sum("#" in g for g, _ in marked) / len(marked)
    assert result["compound_recall"] == round(recall, 4)
    assert result["predicted_compounds"] == len(marked)
    assert result["compound_precision"] == round(precision, 4)
    assert 0 < result["compound_recall"] < 1  # the misplaced gold boundary counts as a miss
    assert 0 < result["compound_precision"] <= 1
    assert 0 <= result["lemma_accuracy"] <= 1
    assert isinstance(result["tokens_per_second"], int) and result["tokens_per_second"] > 0
    assert main(["evaluate", "lemmas", str(path)]) == 0
    text = capsys.readouterr().out
    assert re.search(r"^compound recall\s+\d\.\d{4}", text, re.M)
    assert re.search(r"^compound precision\s+\d\.\d{4}", text, re.M)
    assert re.search(r"^tokens/s \(cold\)\s+[\d,]+$", text, re.M)


# ------------------------------------------------ your own model: cv and -m (README ~L90-99, L250)


@pytest.fixture(scope="module")
def coded() -> pd.DataFrame:
    """40 hand-coded team-written rows."""
    return pd.read_csv(TEAM_A, dtype=str, keep_default_na=False).head(40)


@pytest.fixture(scope="module")
def own_model(coded: pd.DataFrame) -> ThemeClassifier:
    """A model trained on ``coded``."""
    return va.train(coded)


def test_evaluate_model_cv_5_fits_five_fresh_models_on_the_other_folds(
    coded: pd.DataFrame, own_model: ThemeClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: "`va.evaluate_model(model, test_frame)` gives per-code precision, recall and F1 …
    (`cv=5`: cross-validation of the model's parameters instead)"."""
    model = own_model
    fitted: list[int] = []
    real_fit = ThemeClassifier.fit

    def counting_fit(self: ThemeClassifier, texts: list, *args: object, **kwargs: object):
        fitted.append(len(texts))
        return real_fit(self, texts, *args, **kwargs)

    # counts the real fits (the real method runs); no dependency is replaced
    monkeypatch.setattr(ThemeClassifier, "fit", counting_fit)
    result = va.evaluate_model(model, coded, cv=5)
    n = len(coded)
    assert len(fitted) == 5
    held_out = [n - size for size in fitted]
    assert sum(held_out) == n  # every row is scored once, by a model that did not see it
    assert max(held_out) - min(held_out) <= 1
    assert result.details["cv"] == 5
    assert len(result.details["predictions"]) == n
    assert {"precision", "recall", "f1"} <= set(result.per_code.columns)
    fitted.clear()
    va.evaluate_model(model, coded)
    assert fitted == []  # without cv the model is scored as it is


def test_tag_with_m_model_equals_va_tag_with_that_model(
    own_model: ThemeClassifier, tmp_path: Path
) -> None:
    """README: `tag … -m oma_malli` uses your model, as `va.tag(new_wave, model="oma_malli")`."""
    folder = tmp_path / "oma_malli"
    own_model.save(folder)
    uncoded = pd.read_csv(TEAM_B, dtype=str, keep_default_na=False).head(25)[["text"]]
    src = tmp_path / "uusi.csv"
    uncoded.to_csv(src, index=False)
    out = tmp_path / "tagged.jsonl"
    argv = ["tag", str(src), "-m", str(folder), "-o", str(out), "--keep-personal-data"]
    assert main(argv) == 0
    cli = pd.read_json(out, lines=True, dtype=False)
    python = va.tag(uncoded["text"].tolist(), model=str(folder))
    shipped = va.tag(uncoded["text"].tolist())
    columns = ["areas", "mechanisms", "polarity", "evidence", "polarity_evidence"]
    assert cli["text"].tolist() == uncoded["text"].tolist()
    for column in columns:
        assert cli[column].tolist() == python[column].tolist(), column
    # the model given is the one used: the shipped model tags some of these rows differently
    assert any(cli[c].tolist() != shipped[c].tolist() for c in ("areas", "mechanisms", "polarity"))


# ------------------------------------------------------ at most 30 clusters (README ~L178)

# 108 everyday nouns (team-written list), three to a topic; no word is shared between topics
TEAM_NOUNS = """
talo auto kissa koira hevonen lehmä omena päärynä banaani kirja lehti kynä pöytä tuoli sänky
ikkuna ovi katto lattia seinä järvi joki meri metsä kukka ruoho kivi hiekka vuori laakso saari
lumi sade tuuli aurinko tähti pilvi taivas kala lintu hiiri karhu susi kettu jänis hirvi leipä
maito juusto liha peruna porkkana sipuli tomaatti kurkku kahvi sokeri suola pippuri lusikka
haarukka veitsi lautanen kuppi lasi pullo laukku kenkä hattu takki paita sukka hanska vyö
sormus kello puhelin radio lamppu peili matto verho tyyny peitto pyörä vene laiva juna bussi
tie silta katu tori kauppa koulu kirkko linna tehdas pelto niitty suo lampi kallio luola ranta
satama kylä niemi
"""
NOUNS = TEAM_NOUNS.split()


def _many_topics() -> list[str]:
    """36 topics of three nouns, three statements each (108 distinct statements)."""
    topics = [NOUNS[i : i + 3] for i in range(0, len(NOUNS), 3)]
    assert len(set(NOUNS)) == len(NOUNS) == 108
    return [s for a, b, c in topics for s in (f"{a} {b}", f"{a} {c}", f"{b} {c}")]


def test_the_number_of_clusters_is_at_most_30() -> None:
    """README: "the number of clusters is chosen by silhouette weighted by stability on resampled
    subsets, up to 30" — on 36 separate topics, where more than 30 would be chosen unbounded."""
    texts = _many_topics()
    result = va.cluster_statements(texts)
    assert result.n_clusters <= 30
    assert len(set(result.assignments["cluster"]) - {-1}) <= 30
    unbounded = va.cluster_statements(texts, max_clusters=60)
    assert unbounded.n_clusters > 30  # so the limit of 30 is what holds the default back


# ----------------------------------- the report: --scores and three quotes (README ~L253, L289-295)

LIKERT_ITEMS = [  # the codebook's item texts, answered in words
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden /vastuuhenkilöiden kanssa",
    "Selkeästi määritellyt vastuuhenkilöt hyvinvointialueella",
]
LIKERT = ["Erittäin hyvin", "Melko hyvin", "Ei hyvin eikä huonosti", "Melko huonosti"]
Q_WORKS = "Mikä yhteistyössä toimii hyvin?"
SUBJECTS = [
    "Perhekeskuksen yhteistyö",
    "Oppilashuollon yhteistyö",
    "Hyte-koordinaattorien työ",
    "Varautumisen yhteistyö",
    "Yhteiset tapaamiset",
    "Tiedonkulku",
]
PRAISE = [
    "toimii hyvin.",
    "sujuu hyvin.",
    "on toimivaa.",
    "toimii erinomaisesti.",
    "on parantunut.",
]


@pytest.fixture(scope="module")
def report_with_scores(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``report EXPORT --scores cooperation_scores.csv`` on 30 team-written respondents: one
    group, three municipalities, two Likert items and 30 distinct answers of six topics."""
    folder = tmp_path_factory.mktemp("raportti")
    lines = [";".join(["Vastaajan tunnus", "Tehtävänimike", "Kunta", *LIKERT_ITEMS, Q_WORKS])]
    for i in range(30):
        answer = f"{SUBJECTS[i % 6]} {PRAISE[i // 6]}"
        likert = [LIKERT[i % 4], LIKERT[(i + 1) % 4]]
        place = ["Kuopio", "Oulu", "Tampere"][i % 3]
        lines.append(";".join([str(i + 1), "sivistysjohtaja", place, *likert, answer]))
    export = folder / "kysely.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "out"
    assert main(["report", str(export), "--scores", str(PUBLISHED), "--out", str(out)]) == 0
    return out


def _plain(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_report_scores_adds_the_published_table_named_as_such(report_with_scores: Path) -> None:
    """README: "Beside the codes are the survey's own Likert means by group … and a published
    table of means (`--scores`, e.g. corpus/report_2026/cooperation_scores.csv), each named as
    such"."""
    html = (report_with_scores / "report.html").read_text(encoding="utf-8")
    md = (report_with_scores / "report.md").read_text(encoding="utf-8")
    published = pd.read_csv(PUBLISHED)
    for text in (_plain(html), md):
        assert "Julkaistut keskiarvot hyvinvointialueittain" in text
        assert "Kyselyn asteikolliset kysymykset" in text  # the survey's own means, beside it
    heading = re.search(r"<h2[^>]*>Julkaistut keskiarvot hyvinvointialueittain</h2>", html)
    assert heading
    section = html[heading.start() : html.index("</section>", heading.start())]
    shown = _plain(section)
    for county in sorted(set(published["county"]) - {"Kaikki vastaajat"}):
        assert county in shown, county
    row = published[published["county"] == "Etelä-Karjala"].iloc[0]
    assert f"{row['mean']:.1f}".replace(".", ",") in shown


def test_each_cluster_of_the_report_shows_at_most_three_distinct_quotes(
    report_with_scores: Path,
) -> None:
    """README: each part of a question's section is "clustered on its own and shown with up to
    three distinct quotes and how many respondents wrote each"."""
    from vastausanalyysi.report.quotes import quote_key

    html = (report_with_scores / "report.html").read_text(encoding="utf-8")
    themes = re.findall(r'<div class="theme">.*?</div>', html, re.S)
    assert len(themes) >= 3
    bound = 0
    for theme in themes:
        quotes = [_plain(q).strip() for q in re.findall(r"<blockquote><p>(.*?)</p>", theme)]
        statements = int(re.search(r"(\d+) lausuma", _plain(theme)).group(1))
        assert len(quotes) <= 3, quotes
        assert len({quote_key(q) for q in quotes}) == len(quotes), quotes
        if statements > 3 and len(quotes) == 3:
            bound += 1  # a cluster with more to quote than is shown
    assert bound >= 1
    rows = re.findall(
        r"<tr>.*?</tr>", html.split('<table class="clusters">')[1].split("</table>")[0]
    )
    assert rows
    for row in rows:  # the clustering of all answers: its quotes column
        quotes = re.findall(r'<p class="q">', row)
        assert len(quotes) <= 3
    md = (report_with_scores / "report.md").read_text(encoding="utf-8")
    part = md[md.index(f"## {Q_WORKS}") : md.index("## Kaikkien vastausten ryhmittely")]
    for block in re.split(r"^\*\*\d+\. ", part, flags=re.M)[1:]:
        quoted = [line for line in block.splitlines() if line.startswith("> ")]
        assert 1 <= len(quoted) <= 3, block


# ------------------------------------------- the shell's input and output (README ~L260-272)

THREE_QUESTIONS = (
    "Vastaajan tunnus;Tehtävänimike;Kunta;Mikä toimii yhteistyössä?;"
    "Mikä ei toimi yhteistyössä?;Mitä pitäisi kehittää?\n"
    "1;sivistysjohtaja;Kuopio;Perhekeskus toimii.;Tiedonkulku.;Yhteiset tapaamiset.\n"
    "2;kunnanjohtaja;Oulu;Oppilashuolto sujuu.;Kiinteistöasiat.;Vastuuhenkilöt selviksi.\n"
    "3;rehtori;Espoo;Hyte-työ toimii.;Päätöksenteko.;Tilannekuva yhteiseksi.\n"
)
LINES = ["Perhekeskus toimii hyvin.", "hyte, opiskeluhuolto", "Tiedonkulku ei toimi."]


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


@pytest.mark.parametrize("how", ["txt", "format-lines"])
def test_a_txt_file_is_one_answer_a_line_without_a_header(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: "a `.txt` file or `--format lines` is one answer a line, without a header"."""
    src = tmp_path / ("vastaukset.txt" if how == "txt" else "vastaukset.csv")
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    out = tmp_path / "lemmat.csv"
    extra = ["--format", "lines"] if how == "format-lines" else []
    assert main(["lemmatize", str(src), *extra, "-o", str(out)]) == 0
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert frame["text"].tolist() == LINES  # the first line is an answer; no comma splits a line
    assert frame["lemmas"].tolist()[0].split() == ["perhekeskus", "toimia", "hyvin"]


def test_question_repeats_and_an_ambiguous_part_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: "`--question` (one open question, by its name or a unique part; repeatable)"."""
    src = tmp_path / "kysely.csv"
    src.write_text(THREE_QUESTIONS, encoding="utf-8")
    out = tmp_path / "lemmat.jsonl"
    argv = ["lemmatize", str(src), "-o", str(out)]
    assert main([*argv, "--question", "kehittää", "--question", "ei toimi"]) == 0
    two = pd.read_json(out, lines=True, dtype=False)
    assert sorted(set(two["question"])) == ["Mikä ei toimi yhteistyössä?", "Mitä pitäisi kehittää?"]
    assert len(two) == 6
    assert main([*argv, "--question", "kehittää"]) == 0
    assert set(pd.read_json(out, lines=True, dtype=False)["question"]) == {"Mitä pitäisi kehittää?"}
    # "toimi" is a part of two questions' names
    assert main([*argv, "--question", "kehittää", "--question", "toimi"]) == 2
    line = _one_error_line(capsys)
    assert "--question 'toimi' matches several questions" in line and "kysely.csv" in line
    assert "'Mikä toimii yhteistyössä?'" in line and "'Mikä ei toimi yhteistyössä?'" in line


def test_evidence_compact_and_none_make_the_output_smaller_with_the_same_codes(
    tmp_path: Path,
) -> None:
    """README: "`--evidence compact|none` or `--no-evidence` make the output smaller"; the
    library's "compact" keeps surface, rule, start and end of each item (a cue also its
    polarity)."""
    texts = pd.read_csv(TEAM_B, dtype=str, keep_default_na=False).head(12)[["text"]]
    src = tmp_path / "t.csv"
    texts.to_csv(src, index=False)
    outs = {}
    for option in (["--evidence", "full"], ["--evidence", "compact"], ["--evidence", "none"]):
        out = tmp_path / f"{option[1]}.jsonl"
        assert main(["tag", str(src), *option, "-o", str(out), "--keep-personal-data"]) == 0
        outs[option[1]] = out
    out = tmp_path / "no.jsonl"
    assert main(["tag", str(src), "--no-evidence", "-o", str(out), "--keep-personal-data"]) == 0
    assert out.read_bytes() == outs["none"].read_bytes()
    sizes = {k: p.stat().st_size for k, p in outs.items()}
    assert sizes["none"] < sizes["compact"] < sizes["full"]
    full, compact, none = (pd.read_json(outs[k], lines=True, dtype=False) for k in outs)
    for column in ("text", "areas", "mechanisms", "polarity", "lemmas"):
        assert full[column].tolist() == compact[column].tolist() == none[column].tolist()
    assert {"evidence", "polarity_evidence"} <= set(compact.columns)
    assert not {"evidence", "polarity_evidence"} & set(none.columns)
    for whole, short in zip(full["evidence"], compact["evidence"], strict=True):
        assert set(whole) == set(short)  # one entry per code still
        for code, items in whole.items():
            keep = ("surface", "rule", "start", "end")
            assert short[code] == [{k: e[k] for k in keep} for e in items]
    for whole, short in zip(full["polarity_evidence"], compact["polarity_evidence"], strict=True):
        keep = ("surface", "polarity", "rule", "start", "end")
        assert short == [{k: e[k] for k in keep} for e in whole]


def test_tsv_output_streams_from_a_file_or_stdin_with_the_rows_of_a_plain_csv_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `tag --chunk-size` "appends each chunk to a CSV, TSV or JSONL output as it goes,
    every row in input order and the result identical to a plain run"."""
    texts = pd.read_csv(TEAM_B, dtype=str, keep_default_na=False).head(9)
    table = texts[["id", "text"]].rename(columns={"id": "respondent_id"})
    src = tmp_path / "vastaukset.csv"
    table.to_csv(src, index=False)
    plain = tmp_path / "plain.csv"
    assert main(["tag", str(src), "-o", str(plain)]) == 0
    expected = pd.read_csv(plain, dtype=str, keep_default_na=False)
    from_file = tmp_path / "file.tsv"
    assert main(["tag", str(src), "--chunk-size", "2", "-v", "-o", str(from_file)]) == 0
    assert "9 rows tagged in chunks of 2" in capsys.readouterr().err  # it did stream
    _stdin(monkeypatch, src.read_bytes())
    from_stdin = tmp_path / "stdin.tsv"
    assert main(["tag", "-", "--chunk-size", "2", "-v", "-o", str(from_stdin)]) == 0
    assert "9 rows tagged in chunks of 2" in capsys.readouterr().err
    for path in (from_file, from_stdin):
        assert "\t" in path.read_text(encoding="utf-8").splitlines()[0]
        got = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(got, expected)
    assert expected["respondent_id"].tolist() == table["respondent_id"].tolist()
