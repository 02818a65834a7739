"""Damaged or hostile theme model files give ModelError naming the file, never a raw error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.errors import ModelError
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.model_files import JSON_NAME, NPZ_NAME
from vastausanalyysi.themes.shipped import default_model_path


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    out = tmp_path / "model"
    shutil.copytree(default_model_path(), out)
    return out


def _edit_json(folder: Path, edit) -> None:
    path = folder / JSON_NAME
    meta = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps(edit(meta)), "utf-8")


def _edit_arrays(folder: Path, edit) -> None:
    path = folder / NPZ_NAME
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    edit(arrays)
    np.savez(path, **arrays)


def test_the_shipped_model_passes_the_checks(model_dir: Path) -> None:
    model = ThemeClassifier.load(model_dir)
    assert model.coef_.shape == (len(model.codes_), len(model.vectorizer_.vocabulary))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: [m], "must be a JSON object, not list"),
        (lambda m: {k: v for k, v in m.items() if k != "codes"}, "'codes' is missing"),
        (lambda m: {**m, "params": {**m["params"], "threshold": "x"}}, "'threshold' must be"),
        (lambda m: {**m, "codes": "hyte"}, "'codes' must be a list of strings"),
        (lambda m: {**m, "format": "other"}, "not a vastausanalyysi-theme-model file"),
        (lambda m: {**m, "format_version": 99}, "too new"),
        (lambda m: {**m, "codes": [*m["codes"], "extra"]}, "has shape"),
    ],
)
def test_bad_descriptions(model_dir: Path, edit, message: str) -> None:
    _edit_json(model_dir, edit)
    with pytest.raises(ModelError, match=message) as info:
        ThemeClassifier.load(model_dir)
    assert JSON_NAME in str(info.value) or NPZ_NAME in str(info.value)


def test_unreadable_json(model_dir: Path) -> None:
    (model_dir / JSON_NAME).write_text("[" * 100_000, "utf-8")
    with pytest.raises(ModelError, match="cannot read the model description"):
        ThemeClassifier.load(model_dir)


@pytest.mark.parametrize("size", [0, 10, 200])
def test_truncated_or_empty_npz(model_dir: Path, size: int) -> None:
    path = model_dir / NPZ_NAME
    path.write_bytes(path.read_bytes()[:size])
    with pytest.raises(ModelError, match=NPZ_NAME):
        ThemeClassifier.load(model_dir)


def test_npz_that_is_a_plain_array(model_dir: Path) -> None:
    with open(model_dir / NPZ_NAME, "wb") as f:
        np.save(f, np.zeros(3))
    with pytest.raises(ModelError, match="not an NPZ archive"):
        ThemeClassifier.load(model_dir)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda a: a.pop("coef"), r"\['coef'\] are missing"),
        (lambda a: a.update(intercept=a["intercept"][:-1]), "'intercept' has shape"),
        (lambda a: a.update(thresholds=np.zeros((2, 2))), "'thresholds' has shape"),
        (lambda a: a.update(idf=np.full_like(a["idf"], np.nan)), "'idf' has values that are NaN"),
        (lambda a: a.update(coef=a["coef"].astype(str)), "'coef' must be numeric"),
        (lambda a: a.update(polarity_idf=a["polarity_idf"][:3]), "'polarity_idf' has shape"),
    ],
)
def test_bad_arrays(model_dir: Path, edit, message: str) -> None:
    _edit_arrays(model_dir, edit)
    with pytest.raises(ModelError, match=message):
        ThemeClassifier.load(model_dir)


def test_the_cli_says_one_line_and_exits_2(model_dir: Path, tmp_path: Path, capsys) -> None:
    _edit_arrays(model_dir, lambda a: a.update(idf=np.full_like(a["idf"], np.nan)))
    texts = tmp_path / "a.csv"
    texts.write_text("text\nPerhekeskus toimii hyvin.\n", "utf-8")
    assert main(["tag", str(texts), "-m", str(model_dir), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and NPZ_NAME in err and "Traceback" not in err
