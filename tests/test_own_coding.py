"""Training on a researcher's own hand-coding: blank polarity cells, polarity scored only where a
gold polarity exists, codes and polarity as coders write them, blank code columns, and the summary
that ``train`` prints. All answers below are team-written for these tests."""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.cli.main import main
from vastausanalyysi.errors import ModelError
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.evaluation import evaluate, score
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.training import label_rows

# (text, areas as written, mechanisms as written, polarity as written,
#  areas as ids, mechanisms as ids, polarity id or None) -- team-written
CODED = [
    (
        "Perhekeskuksen yhteistyö neuvolan ja varhaiskasvatuksen kanssa sujuu hyvin.",
        "Perhekeskus", "vuorovaikutus", "myönteinen",
        ["perhekeskus"], ["vuorovaikutus"], "works",
    ),
    (
        "Hyte-ryhmä kokoontuu joka kuukausi ja asiat etenevät.",
        "HYTE", "tapaamiset", "works",
        ["hyte"], ["tapaamiset"], "works",
    ),
    (
        "Kiinteistöjen kunnossapidon vastuunjako on yhä epäselvä.",
        "kiinteistot", "Työnjako ja vastuut", "Kielteinen",
        ["kiinteistot"], ["tyonjako"], "problem",
    ),
    (
        "Työllisyyspalveluiden ja sote-keskuksen yhteistyö takkuaa.",
        "tyollisyys", "vuorovaikutus", "ongelma",
        ["tyollisyys"], ["vuorovaikutus"], "problem",
    ),
    (
        "Ikäihmisten palveluille on sovittu yhteiset tavoitteet hyvinvointisuunnitelmassa.",
        "ikaihmiset", "suunnitelmallisuus", "toimii",
        ["ikaihmiset"], ["suunnitelmallisuus"], "works",
    ),
    (
        "Asumisen tukea koskeva tieto ei siirry kunnan ja alueen välillä.",
        "asuminen", "tietopohja", "",
        ["asuminen"], ["tietopohja"], None,
    ),
    (
        "Kotoutumisessa on nimetyt yhdyshenkilöt molemmissa organisaatioissa.",
        "Kotoutumisen edistäminen", "vastuuhenkilot", "works",
        ["kotoutuminen"], ["vastuuhenkilot"], "works",
    ),
    (
        "Oppilashuollon palaverit ovat hyödyllisiä, mutta aikataulujen sovittaminen on vaikeaa.",
        "oppilashuolto", "tapaamiset", "molempia",
        ["oppilashuolto"], ["tapaamiset"], "mixed",
    ),
    (
        "Valmiussuunnitelma on tehty yhdessä, mutta harjoituksia ei ole vielä pidetty.",
        "varautuminen", "suunnitelmallisuus", "sekä että",
        ["varautuminen"], ["suunnitelmallisuus"], "mixed",
    ),
    (
        "Ympäristöterveydenhuollon asiat hoidetaan kuten ennenkin.",
        "ymparistoterveys", "", "neutraali",
        ["ymparistoterveys"], [], "neutral",
    ),
    (
        "Lasten, nuorten ja perheiden palveluissa yhteistyö on tiivistä.",
        "Lasten, nuorten ja perheiden palvelut", "vuorovaikutus", "works",
        ["lapset_nuoret"], ["vuorovaikutus"], "works",
    ),
    (
        "Luottamushenkilöt eivät saa tietoa hyvinvointialueen päätöksistä.",
        "", "luottamushenkilot; tietopohja", "problem",
        [], ["luottamushenkilot", "tietopohja"], "problem",
    ),
    (
        "Asukkaiden osallisuutta on vahvistettu yhteisillä asukasilloilla.",
        "", "osallisuus", "works",
        [], ["osallisuus"], "works",
    ),
    (
        "Päätöksenteko tuntuu etääntyneen kuntalaisista.",
        "", "paatoksenteko", "problem",
        [], ["paatoksenteko"], "problem",
    ),
    (
        "Hyvinvointikertomus laaditaan yhdessä ja tavoitteista on sovittu.",
        "Hyvinvoinnin ja terveyden edistäminen", "suunnitelmallisuus", "works",
        ["hyte"], ["suunnitelmallisuus"], "works",
    ),
    (
        "Perhekeskuksen ja koulujen välinen tiedonkulku on heikkoa.",
        "perhekeskus | oppilashuolto", "tietopohja", "problem",
        ["perhekeskus", "oppilashuolto"], ["tietopohja"], "problem",
    ),
    (
        "Työnjako kunnan ja hyvinvointialueen välillä on sovittu selkeästi.",
        "", "tyonjako\nvastuuhenkilot", "works",
        [], ["tyonjako", "vastuuhenkilot"], "works",
    ),
    (
        "Vuokra-asuntojen käytöstä ei ole sovittu, ja tilat ovat tyhjillään.",
        "ASUMINEN, kiinteistot", "tyonjako", "problem",
        ["asuminen", "kiinteistot"], ["tyonjako"], "problem",
    ),
    (
        "Kotihoidon ja liikuntapalveluiden yhteistyö alkoi hyvin, mutta resurssit ovat vähissä.",
        "ikaihmiset;hyte", "vuorovaikutus", "ristiriitainen",
        ["ikaihmiset", "hyte"], ["vuorovaikutus"], "mixed",
    ),
    (
        "Kotoutumispalveluiden ja työllisyyspalveluiden tapaamisia ei ole järjestetty.",
        "kotoutuminen;tyollisyys", "tapaamiset", "problem",
        ["kotoutuminen", "tyollisyys"], ["tapaamiset"], "problem",
    ),
    (
        "Yhteistyö on ollut tavanomaista.",
        "", "", "neutral",
        [], [], "neutral",
    ),
    (
        "Varautumisharjoitus pidettiin yhdessä pelastuslaitoksen kanssa ja se onnistui.",
        "varautuminen", "vuorovaikutus", "works",
        ["varautuminen"], ["vuorovaikutus"], "works",
    ),
    (  # the second row's text again, coded differently by the other coder
        "Hyte-ryhmä kokoontuu joka kuukausi ja asiat etenevät.",
        "hyte", "", "works",
        ["hyte"], [], "works",
    ),
    (
        "Opiskeluhuollon yhteistyö toimii hyvin.",
        "Oppilas- ja opiskeluhuolto", "vuorovaikutus", "works",
        ["oppilashuolto"], ["vuorovaikutus"], "works",
    ),
]  # fmt: skip
BLANK = 5  # the one row without a polarity: row 7 of the file (the header is row 1)


def coded_frame() -> pd.DataFrame:
    """The coded answers as a coder wrote them."""
    return pd.DataFrame(
        [row[:4] for row in CODED], columns=["text", "areas", "mechanisms", "polarity"]
    )


@pytest.fixture(scope="module")
def coded_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("coding") / "koodatut.csv"
    coded_frame().to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def cli_train(coded_csv: Path) -> tuple[ThemeClassifier, str, str]:
    """``vastausanalyysi train koodatut.csv -o malli``: the model saved, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    folder = coded_csv.parent / "malli"
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert main(["train", str(coded_csv), "-o", str(folder)]) == 0
    finally:  # the CLI's log handler wrote to our buffer: take it away again
        for handler in root.handlers:
            if handler not in before:
                root.removeHandler(handler)
    return ThemeClassifier.load(folder), out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- 1. one blank polarity cell


def test_one_blank_polarity_cell_keeps_the_polarity_model_and_is_reported(cli_train) -> None:
    model, _, err = cli_train
    assert model.has_polarity  # it was switched off by one blank cell
    assert sorted(model.polarity_classes_) == ["mixed", "neutral", "problem", "works"]
    assert model.n_train_ == len(CODED)  # the codes are learned from every row
    warnings = [line for line in err.splitlines() if line.startswith("WARNING")]
    warning = next(line for line in warnings if "no polarity" in line)
    assert "koodatut.csv" in warning
    assert f"1 of {len(CODED)} rows has no polarity (row {BLANK + 2})" in warning


def test_polarity_is_learned_from_exactly_the_rows_that_have_one(cli_train) -> None:
    model, _, _ = cli_train
    frame = coded_frame()
    without = va.train(frame.drop(index=BLANK))
    assert without.n_train_ == len(CODED) - 1
    assert model.polarity_mode_ == without.polarity_mode_
    assert model.polarity_classes_ == without.polarity_classes_
    assert model.polarity_vectorizer_.vocabulary == without.polarity_vectorizer_.vocabulary
    np.testing.assert_allclose(model.polarity_coef_, without.polarity_coef_)
    np.testing.assert_allclose(model.polarity_intercept_, without.polarity_intercept_)


@pytest.fixture(scope="module")
def sparse_model() -> ThemeClassifier:
    """Polarity on three rows only; mechanisms blank on 16 of the 24 rows."""
    frame = coded_frame()
    frame.loc[3:, "polarity"] = ""
    frame.loc[8:, "mechanisms"] = ""
    return va.train(frame)


def test_too_few_polarity_rows_leave_polarity_to_the_rules_with_a_warning(
    sparse_model: ThemeClassifier,
) -> None:
    assert not sparse_model.has_polarity and sparse_model.polarity_mode_ == "rules"
    (warning,) = [w for w in sparse_model.training_summary_.warnings if "polarity" in w]
    assert f"only 3 of {len(CODED)} rows have a polarity" in warning
    assert "comes from the rules" in warning
    assert "not learned" in str(sparse_model.training_summary_)


# ---------------------------------------------------------------- 2. evaluation


def test_score_leaves_rows_without_a_gold_polarity_out() -> None:
    cb = load_codebook()
    gold = ["works", "", "problem", None, "Kielteinen"]
    pred = ["works", "problem", "problem", "mixed", "works"]
    ev = score([[]] * 5, [[]] * 5, cb, gold, pred)
    assert ev.summary["polarity_n"] == 3 and ev.summary["polarity_left_out"] == 2
    assert ev.summary["polarity_accuracy"] == pytest.approx(2 / 3)
    # the predictions for unlabelled rows are no false positives
    per_class = ev.polarity_per_class.set_index("label")
    assert per_class.loc["problem", "precision"] == 1.0
    assert per_class.loc["problem", "recall"] == 0.5
    assert per_class.loc["mixed", "predicted"] == 0
    assert int(ev.polarity_confusion.to_numpy().sum()) == 3


def test_a_code_without_gold_or_predictions_shows_a_dash_not_zero() -> None:
    ev = score([["hyte"], ["hyte"]], [["hyte"], ["tyonjako"]], load_codebook())
    rows = {line.split(" | ")[0][2:]: line for line in ev.to_markdown().splitlines()}
    assert rows["hyte"].endswith("| 2 | 1 | 1.00 | 0.50 | 0.67 |")
    assert rows["tyonjako"].endswith("| 0 | 1 | 0.00 | – | – |")  # predicted, no gold
    assert rows["perhekeskus"].endswith("| 0 | 0 | – | – | – |")


def test_evaluate_scores_polarity_on_labelled_rows_and_keeps_code_figures() -> None:
    frame = coded_frame()
    ev = evaluate("rules", frame, mode="rules")
    gold = [row[6] for row in CODED]
    labelled = [i for i, g in enumerate(gold) if g is not None]
    expected = np.mean([ev.details["polarity"][i] == gold[i] for i in labelled])
    assert ev.summary["polarity_n"] == len(labelled) == len(CODED) - 1
    assert ev.summary["polarity_left_out"] == 1
    assert ev.summary["polarity_accuracy"] == pytest.approx(expected)
    assert "1 without one left out" in ev.to_markdown()
    codes_only = evaluate("rules", frame.drop(columns="polarity"), mode="rules")
    for key in ("areas_micro_f1", "areas_macro_f1", "mechanisms_micro_f1", "mechanisms_macro_f1"):
        assert ev.summary[key] == codes_only.summary[key]


# ---------------------------------------------------------------- 3. codes as coders write them


def test_codes_and_polarity_are_read_as_coders_write_them(cli_train) -> None:
    frame = coded_frame()
    gold = [row[4] + row[5] for row in CODED]
    assert [sorted(r) for r in label_rows(frame)] == [sorted(g) for g in gold]
    model, _, err = cli_train
    for code in model.codes_:
        assert model.label_counts_[code] == sum(code in g for g in gold)
    (line,) = [line for line in err.splitlines() if "polarity:" in line]
    written = [row[6] for row in CODED if row[6] is not None]
    for label in ("works", "problem", "mixed", "neutral"):
        assert f"{label} {written.count(label)}" in line


def test_an_unknown_code_names_file_rows_column_and_nearest_code(tmp_path: Path) -> None:
    frame = coded_frame().head(4)
    frame.loc[1, "areas"] = "perhekesus"
    frame.loc[3, "areas"] = "hyte, perhekesus"
    frame.loc[2, "mechanisms"] = "tyonjak"
    path = tmp_path / "kirjoitusvirhe.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(ModelError) as caught:
        va.train(str(path))
    message = str(caught.value)
    assert "kirjoitusvirhe.csv" in message
    assert "column 'areas': 'perhekesus' (rows 3, 5; did you mean 'perhekeskus'?)" in message
    assert "column 'mechanisms': 'tyonjak' (row 4; did you mean 'tyonjako'?)" in message
    frame = coded_frame().head(4)
    frame.loc[2, "polarity"] = "hyvä"
    with pytest.raises(ModelError, match=r"column 'polarity': 'hyvä' \(row 2\)"):
        va.train(frame)


# ---------------------------------------------------------------- 4. blank code columns


def test_a_code_column_blank_on_most_rows_is_warned_about(
    sparse_model: ThemeClassifier, cli_train
) -> None:
    (warning,) = [w for w in sparse_model.training_summary_.warnings if "blank" in w]
    assert f"column 'mechanisms' is blank on 16 of {len(CODED)} rows" in warning
    assert "no code of this kind" in warning
    _, _, err = cli_train  # 3 of 24 blank: no warning
    assert "is blank on" not in err


# ---------------------------------------------------------------- 5. the summary train prints


def test_train_prints_a_summary_of_what_it_learned_from(cli_train, coded_csv: Path) -> None:
    _, out, err = cli_train
    assert out.strip().endswith("malli")  # the model folder, on standard output as before
    gold = [row[4] + row[5] for row in CODED]
    assert f"trained on {len(CODED)} rows" in err
    for code in ("hyte", "perhekeskus", "tyonjako", "vuorovaikutus"):
        assert f"{code} {sum(code in g for g in gold)}" in err
    polarities = [row[6] for row in CODED if row[6] is not None]
    assert f"polarity: {len(polarities)} rows (works {polarities.count('works')}," in err
    assert "1 without one" in err
    # the 2nd and 23rd answers (file rows 3 and 24) are the same text with other codes
    assert "1 text appears more than once with conflicting codes" in err
    assert "rows 3, 24" in err
    assert "Hyte-ryhmä" not in err  # row numbers only, never the answers


def test_list_cells_are_read_and_a_number_is_an_unknown_code_on_its_row() -> None:
    frame = pd.DataFrame({"text": ["a", "b"], "areas": [["HYTE", "Perhekeskus"], []]})
    assert label_rows(frame) == [["hyte", "perhekeskus"], []]
    frame.loc[1, "areas"] = 3.0
    with pytest.raises(ModelError, match=r"column 'areas': '3.0' \(row 1\)"):
        label_rows(frame)


def test_a_coding_without_neutral_polarity_is_warned_of() -> None:
    # QA 6: a model learned from works and problem only called every description a problem
    frame = coded_frame()
    keep = [p in {"works", "problem"} for p in (row[6] for row in CODED)]
    frame = frame[keep].reset_index(drop=True)
    model = va.train(frame)
    assert model.has_polarity and model.polarity_mode_ != "rules"  # the model's polarity is used
    (warning,) = [w for w in model.training_summary_.warnings if "learned only" in w]
    assert "no neutral rows" in warning and "problem" in warning and "works" in warning
    mixed = coded_frame()  # with neutral rows: no such warning
    assert not [w for w in va.train(mixed).training_summary_.warnings if "learned only" in w]


def test_a_code_id_written_with_umlauts_is_read() -> None:
    # QA 6: "työnjako" was refused (the id is "tyonjako")
    from vastausanalyysi.themes.labels import CodeReader

    reader = CodeReader(va.load_codebook())
    assert reader.lookup.get("tyonjako") == "tyonjako"
    frame = pd.DataFrame(
        {
            "text": ["Työnjako on epäselvä.", "Vastuut ovat hajallaan."] * 6,
            "areas": [""] * 12,
            "mechanisms": ["työnjako", "Työnjako ja vastuut"] * 6,
        }
    )
    assert va.train(frame).training_summary_.code_counts["mechanisms"]["tyonjako"] == 12
