"""Messages of training, model paths and reports (QA, 2026-12-07): a code coded on one row was
trained silently, blank label columns gave "the labels contain no codes" with no file or column,
``train -o`` an existing file failed with a raw errno after all the training, ``-m`` a file
named its folder, and ``write_report`` of untagged answers wrote a report. The texts are
team-written for these tests.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.cli import main
from vastausanalyysi.errors import ModelError, ReportError

TEXTS = [
    "Tiedonkulku toimii hyvin.",
    "Tapaamiset ovat säännöllisiä.",
    "Perhekeskus toimii.",
    "Tilat ovat huonossa kunnossa.",
] * 5


def _coded() -> pd.DataFrame:
    mechanisms = ["tietopohja", "tapaamiset", "", ""] * 5
    mechanisms[0] = "tietopohja;tyonjako"  # tyonjako on one row only
    areas = ["", "", "perhekeskus", "kiinteistot"] * 5
    return pd.DataFrame({"text": TEXTS, "areas": areas, "mechanisms": mechanisms})


def test_codes_on_too_few_rows_are_named_in_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="vastausanalyysi"):
        va.train(_coded())
    assert "codes on fewer than 5 rows: tyonjako (1)" in caplog.text
    assert "tietopohja (" not in caplog.text  # five rows: enough


def test_blank_label_columns_name_the_file_and_columns(tmp_path: Path) -> None:
    src = tmp_path / "koodaus.csv"
    pd.DataFrame({"text": TEXTS, "areas": "", "mechanisms": ""}).to_csv(src, index=False)
    with pytest.raises(
        ModelError, match=r"koodaus\.csv.*'areas', 'mechanisms' are blank on all 20"
    ):
        va.train(str(src))


def test_train_output_that_is_a_file_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "koodaus.csv"
    taken.write_text("x", encoding="utf-8")
    # the input does not even exist: the output is checked first
    assert main(["train", str(tmp_path / "puuttuu.csv"), "-o", str(taken)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_model_path_that_is_a_file_is_named_as_given(tmp_path: Path) -> None:
    given = tmp_path / "koodaus.csv"
    given.write_text("x", encoding="utf-8")
    with pytest.raises(ModelError, match=r"no theme model at '.*koodaus\.csv' \(in "):
        va.tag(["Tiedonkulku toimii."], model=str(given))


def test_write_report_refuses_untagged_answers(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="not tagged: no column 'areas' or 'mechanisms'"):
        va.write_report(tmp_path, tagged=pd.DataFrame({"text": TEXTS}))


def test_a_single_polarity_is_named_as_such(caplog: pytest.LogCaptureFixture) -> None:
    """180 rows of one polarity were "too few to learn polarity from": the reason is the one
    class, not the number of rows."""
    frame = _coded().assign(polarity="works")
    with caplog.at_level(logging.WARNING, logger="vastausanalyysi"):
        model = va.train(frame)
    assert not model.has_polarity
    assert "every row with a polarity has 'works'" in caplog.text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"C": -1}, "C must be a number above 0, not -1"),
        ({"threshold": 1.5}, "threshold must be a number above 0 and at most 1, not 1.5"),
        ({"cv": 1}, "cv must be a whole number at least 2, not 1"),
        ({"polarity_C": "x"}, "polarity_C must be a number above 0, not 'x'"),
        ({"foo": 1}, "train\\(\\) has no option 'foo'; its options are C, cv"),
    ],
)
def test_bad_training_options_are_model_errors(options: dict, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        va.train(_coded(), **options)


def test_numpy_numbers_are_good_options() -> None:
    import numpy as np

    model = va.train(_coded(), C=np.float64(2.0), min_df=np.int64(1), cv=np.int64(2))
    assert model.C == 2.0


def test_model_evidence_is_never_a_stop_word() -> None:
    """A stop word that only the coded answers of one code hold gets a weight ("ja" here), but it
    is no evidence to show (QA 3: a trained model's evidence was "ja")."""
    texts = ["Tiedonkulku ja raportointi toimii.", "Tapaamiset ovat säännöllisiä."] * 10
    coded = pd.DataFrame(
        {"text": texts, "areas": "", "mechanisms": ["tietopohja", "tapaamiset"] * 10}
    )
    model = va.train(coded)
    doc = va.load_pipeline()("Kokous ja palaveri.")
    ja = next(t.i for t in doc if t.text == "ja")
    k = model.codes_.index("tietopohja")
    assert model.coef_[k][model.vectorizer_.index["L:ja"]] > 0  # the model did learn it
    assert ja not in [i for i, _ in model.explain(doc, "tietopohja", top=10)]
