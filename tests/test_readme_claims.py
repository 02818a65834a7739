"""README sentences that had no test of their own, each held here (real Voikko, spaCy, sklearn).

Every text is team-written for these tests (no third-party text): short survey-style answers,
lists of everyday Finnish nouns and a small hand-made CoNLL-U file. The labelled rows for
training come from ``corpus/labelled/team_written_*.csv`` (origin ``team-written``).
"""

from __future__ import annotations

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
