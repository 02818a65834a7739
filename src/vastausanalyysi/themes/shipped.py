"""The shipped theme model, and which model a ``model=`` argument means.

Both :func:`~vastausanalyysi.themes.tagger.tag` and
:func:`~vastausanalyysi.themes.evaluation.evaluate` resolve their ``model`` argument here.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from vastausanalyysi._resources import data_path
from vastausanalyysi.errors import ModelError
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.model_files import JSON_NAME

log = logging.getLogger(__name__)

MODEL_DIRNAME = "theme_model"


def default_model_path() -> Path:
    """The folder of the shipped model: package data (``vastausanalyysi/data/theme_model``)."""
    return data_path(MODEL_DIRNAME)


def default_model_paths() -> list[Path]:
    """Where the shipped model is looked for (kept for compatibility): its one folder."""
    return [default_model_path()]


@lru_cache(maxsize=1)
def default_model() -> ThemeClassifier | None:
    """The shipped theme model, or None if there is none (then only rules are used)."""
    path = default_model_path()
    if not (path / JSON_NAME).is_file():
        return None
    try:
        return ThemeClassifier.load(path)
    except ModelError as exc:  # pragma: no cover - a broken install
        log.warning("shipped theme model not loadable (%s); using rules only", exc)
        return None


def resolve_model(model: Any) -> ThemeClassifier | None:
    """The model that ``tag(model=...)`` means: None = shipped, "rules" = none, or a path."""
    if model is None:
        return default_model()
    if model is False or (isinstance(model, str) and model == "rules"):
        return None
    if isinstance(model, ThemeClassifier):
        if not hasattr(model, "coef_"):
            raise ModelError("the ThemeClassifier given as model is not trained: call fit()")
        return model
    if isinstance(model, str | Path):
        return ThemeClassifier.load(model)
    raise ModelError(
        f"model must be a ThemeClassifier, a path, 'rules' or None, not {type(model).__name__}"
    )


__all__ = [
    "MODEL_DIRNAME",
    "default_model",
    "default_model_path",
    "default_model_paths",
    "resolve_model",
]
