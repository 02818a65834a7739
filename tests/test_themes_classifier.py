"""ThemeClassifier: sklearn conventions, fit/predict, safe save/load round trip, train/evaluate."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

import vastausanalyysi as va
from vastausanalyysi.errors import ModelError
from vastausanalyysi.themes.evaluation import evaluate
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.training import train

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small() -> pd.DataFrame:
    df = pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)
    return df[df["split"] == "train"].head(120).drop(columns="split")


@pytest.fixture(scope="module")
def model(small: pd.DataFrame) -> ThemeClassifier:
    return train(small, cv=3)


def test_estimator_conventions() -> None:
    est = ThemeClassifier(C=2.0, threshold=0.7)
    assert est.get_params()["C"] == 2.0
    assert clone(est).get_params()["threshold"] == 0.7
    with pytest.raises(ModelError, match="not trained"):
        est.predict(["hyte"])


def test_fit_predict(model: ThemeClassifier, small: pd.DataFrame) -> None:
    assert isinstance(model, ThemeClassifier) and model.codes_
    texts = small["text"].tolist()[:10]
    proba = model.predict_proba(texts)
    assert proba.shape == (10, len(model.codes_))
    assert ((proba >= 0) & (proba <= 1)).all()
    assert model.predict(texts).shape == proba.shape
    assert model.decision_function(texts).shape == proba.shape
    assert len(model.predict_polarity(texts)) == 10
    assert model.polarity_mode_ in {"rules", "model", "hybrid"}


def test_save_load_round_trip(model: ThemeClassifier, tmp_path: Path) -> None:
    path = model.save(tmp_path / "malli")
    assert sorted(p.name for p in path.iterdir()) == ["theme_model.json", "theme_model.npz"]
    with np.load(path / "theme_model.npz", allow_pickle=False) as z:  # no pickled objects
        assert "coef" in z.files
    loaded = ThemeClassifier.load(path)
    texts = ["Perhekeskusyhteistyö toimii", "Vuokrasopimukset ovat auki", ""]
    np.testing.assert_allclose(loaded.predict_proba(texts), model.predict_proba(texts))
    assert loaded.predict_polarity(texts) == model.predict_polarity(texts)
    out = va.tag(texts, model=path)
    assert out["areas"].tolist() == va.tag(texts, model=model)["areas"].tolist()
    with pytest.raises(ModelError, match="no theme model"):
        ThemeClassifier.load(tmp_path)


def test_train_errors() -> None:
    with pytest.raises(ModelError, match="unknown code"):
        train(pd.DataFrame({"text": ["a", "b"], "areas": ["hyte", "kulttuuri"]}))
    with pytest.raises(ModelError, match="text column"):
        train(pd.DataFrame({"vastaus": ["a"], "areas": ["hyte"]}))


def test_evaluate_reports_per_code_micro_macro(model: ThemeClassifier, small: pd.DataFrame):
    ev = evaluate(model, small.head(60))
    assert {"code", "precision", "recall", "f1", "support"} <= set(ev.per_code.columns)
    for key in ("areas_micro_f1", "areas_macro_f1", "mechanisms_micro_f1", "polarity_accuracy"):
        assert 0.0 <= ev.summary[key] <= 1.0
    assert "| areas |" in ev.to_markdown()
    cv = evaluate(model, small.head(60), cv=2)
    assert cv.summary["n"] == 60


def test_shipped_model_is_loadable_and_stored_once() -> None:
    from vastausanalyysi._resources import data_path
    from vastausanalyysi.themes.tagger import default_model, default_model_paths

    assert default_model() is not None
    (shipped,) = default_model_paths()  # the package data, and nowhere else
    assert shipped == data_path("theme_model")
    for name in ("theme_model.json", "theme_model.npz"):
        assert (shipped / name).is_file()
    assert not (ROOT / "models" / "theme_model").exists()  # no second copy in the repository


def test_threshold_is_off_unless_the_model_adds_value() -> None:
    from vastausanalyysi.themes.calibration import OFF, best_threshold

    y = np.array([1, 1, 0, 0, 1, 0])
    rules = np.array([True, True, False, False, False, False])
    # the model's confident extra code is right: it may add it
    good = np.array([0.99, 0.95, 0.1, 0.2, 0.97, 0.3])
    assert 0.6 <= best_threshold(good, rules, y, 0.6, 0.9) <= 0.9
    # its confident extra code is wrong: it never adds the code
    bad = np.array([0.99, 0.95, 0.97, 0.2, 0.1, 0.3])
    assert best_threshold(bad, rules, y, 0.6, 0.9) == round(OFF, 2)


def test_model_mode_caps_off_thresholds(model: ThemeClassifier) -> None:
    assert (model.model_thresholds_ <= model.max_threshold).all()
    assert (model.thresholds_ >= model.threshold).all()


def test_polarity_source_weighs_texts_without_a_question(model: ThemeClassifier) -> None:
    from vastausanalyysi.themes.model import NO_QUESTION_WEIGHT

    assert 0.5 < NO_QUESTION_WEIGHT < 1.0  # plain texts (the target) weigh most
    acc = model.polarity_cv_accuracy_
    for source in ("rules", "hybrid", "model"):
        assert 0.0 <= acc[source] <= 1.0 and 0.0 <= acc[source + "_no_question"] <= 1.0
    mean = {
        k: (1 - NO_QUESTION_WEIGHT) * acc[k] + NO_QUESTION_WEIGHT * acc[k + "_no_question"]
        for k in ("rules", "hybrid", "model")
    }
    assert round(mean[model.polarity_mode_], 3) == round(max(mean.values()), 3)


def test_build_corpus_split_rules() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts/build_corpus.py")
    bc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bc)
    assert bc.is_blind_holdout("X002") and not bc.is_blind_holdout("X001")
    df = pd.DataFrame(
        {
            "id": ["X001", "Q1", "P001"],
            "origin": ["team-written-blind-dev", "team-written", "report-2026-prose"],
        }
    )
    # blind dev rows are always train, real text always test, the rest by SHA-1 of the id
    expected = "test" if int(bc._hash("Q1"), 16) % 5 == 0 else "train"
    assert bc.assign_split(df).tolist() == ["train", expected, "test"]


def test_a_trained_model_holds_no_personal_data_of_its_texts(tmp_path: Path) -> None:
    """README: the masker's finds in the coded texts are left out of the model's vocabulary
    (both the theme and the polarity features); mask=False keeps them."""
    import vastausanalyysi as va

    coded = pd.DataFrame(
        {
            "text": [
                "Perhekeskuksen yhteistyö toimii, yhteyshenkilönä Kalervo Jääskeläinen.",
                "Oppilashuollosta vastaa Kalervo Jääskeläinen, kalervo.jaaskelainen@kunta.example.",
                "Perhekeskuksen tapaamiset ovat hyödyllisiä.",
                "Oppilashuollon työnjako on epäselvä.",
                "Perhekeskus on vielä kesken.",
                "Oppilashuolto toimii kouluilla hyvin.",
            ],
            "areas": [
                "perhekeskus",
                "oppilashuolto",
                "perhekeskus",
                "oppilashuolto",
                "perhekeskus",
                "oppilashuolto",
            ],
            "mechanisms": ["", "", "tapaamiset", "tyonjako", "", ""],
            "polarity": ["works", "neutral", "works", "problem", "problem", "works"],
        }
    )
    personal = ("kalervo", "jääskeläinen", "kalervo.jaaskelainen@kunta.example")

    def words(model: ThemeClassifier) -> str:
        folder = Path(model.save(tmp_path / f"m{id(model)}"))
        out = [p.read_text(encoding="utf-8") for p in folder.glob("*.json")]
        for npz in folder.glob("*.npz"):
            with np.load(npz, allow_pickle=False) as arrays:
                out += [str(v) for k in arrays.files if arrays[k].dtype.kind in "US"
                        for v in arrays[k].ravel()]  # fmt: skip
        return " ".join(out).lower()

    masked = va.train(coded)
    kept = va.train(coded, mask=False)
    assert not [w for w in personal if w in words(masked)]
    assert [w for w in personal if w in words(kept)] == list(personal)
    # only the personal words are left out
    assert set(masked.vectorizer_.vocabulary) < set(kept.vectorizer_.vocabulary)
    left_out = set(kept.vectorizer_.vocabulary) - set(masked.vectorizer_.vocabulary)
    assert {f.split(":")[-1] for f in left_out} <= set(personal)
