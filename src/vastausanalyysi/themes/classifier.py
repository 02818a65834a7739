"""Compatibility: the names that ``vastausanalyysi.themes.classifier`` used to define.

The classifier now lives in :mod:`~vastausanalyysi.themes.model`, its features in
:mod:`~vastausanalyysi.themes.features`, ``train`` in :mod:`~vastausanalyysi.themes.training`
and ``evaluate`` in :mod:`~vastausanalyysi.themes.evaluation`; import from there.
"""

from __future__ import annotations

from vastausanalyysi.schema import parse_codes
from vastausanalyysi.themes.calibration import OFF
from vastausanalyysi.themes.evaluation import Evaluation, evaluate, score
from vastausanalyysi.themes.features import doc_features, token_features
from vastausanalyysi.themes.model import NO_QUESTION_WEIGHT, ThemeClassifier, versions
from vastausanalyysi.themes.training import train

__all__ = [
    "NO_QUESTION_WEIGHT",
    "OFF",
    "Evaluation",
    "ThemeClassifier",
    "doc_features",
    "evaluate",
    "parse_codes",
    "score",
    "token_features",
    "train",
    "versions",
]
