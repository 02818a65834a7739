"""vastausanalyysi: analyse Finnish open-ended survey answers.

Public names are imported lazily, so ``import vastausanalyysi`` stays cheap (no spaCy, pandas or
Voikko until a function that needs them is used).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "load_pipeline": "vastausanalyysi.nlp.pipeline",
    "lemmatize": "vastausanalyysi.nlp.pipeline",
    "lemmatize_tokens": "vastausanalyysi.nlp.pipeline",
    "mask_pii": "vastausanalyysi.nlp.pii",
    "tag": "vastausanalyysi.themes.tagger",
    "load_codebook": "vastausanalyysi.themes.codebook",
    "Codebook": "vastausanalyysi.themes.codebook",
    "ThemeClassifier": "vastausanalyysi.themes.classifier",
    "train": "vastausanalyysi.themes.classifier",
    "evaluate": "vastausanalyysi.themes.classifier",
    "respondent_group": "vastausanalyysi.respondents",
    "coarse_group": "vastausanalyysi.respondents",
    "resolve_region": "vastausanalyysi.respondents",
    "read_survey": "vastausanalyysi.survey",
    "Survey": "vastausanalyysi.survey",
    "theme_frequencies": "vastausanalyysi.summary",
    "cluster_statements": "vastausanalyysi.clusters",
    "Clustering": "vastausanalyysi.clusters",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from vastausanalyysi.nlp.pipeline import lemmatize, lemmatize_tokens, load_pipeline  # noqa: F401


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vastausanalyysi' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
