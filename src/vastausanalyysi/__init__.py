"""vastausanalyysi: analyse Finnish open-ended survey answers.

Public names are imported lazily, so ``import vastausanalyysi`` stays cheap (no spaCy, pandas or
Voikko until a function that needs them is used).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from vastausanalyysi import _compiled  # noqa: F401  (decides: compiled modules or sources)
from vastausanalyysi._lazy import lazy_attributes
from vastausanalyysi._version import __version__

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # Finnish language layer
    "load_pipeline": "vastausanalyysi.nlp.pipeline",
    "lemmatize": "vastausanalyysi.nlp.pipeline",
    "lemmatize_tokens": "vastausanalyysi.nlp.pipeline",
    "load_lexicon": "vastausanalyysi.nlp.lexicon",
    "mask_pii": "vastausanalyysi.nlp.pii",
    "detect_language": "vastausanalyysi.nlp.language",
    # themes
    "tag": "vastausanalyysi.themes.tagger",
    "tag_stream": "vastausanalyysi.themes.partitions",
    "tag_partition": "vastausanalyysi.themes.partitions",
    "tag_meta": "vastausanalyysi.themes.partitions",
    "load_codebook": "vastausanalyysi.themes.codebook",
    "Codebook": "vastausanalyysi.themes.codebook",
    "ThemeClassifier": "vastausanalyysi.themes.model",
    "train": "vastausanalyysi.themes.training",
    # respondents and regions
    "respondent_group": "vastausanalyysi.respondents",
    "coarse_group": "vastausanalyysi.respondents",
    "group_name": "vastausanalyysi.respondents",
    "load_groups": "vastausanalyysi.respondents",
    "resolve_region": "vastausanalyysi.respondents",
    "resolve_regions": "vastausanalyysi.respondents",
    "match_region": "vastausanalyysi.respondents",
    "region_name": "vastausanalyysi.respondents",
    # survey files
    "read_survey": "vastausanalyysi.survey",
    "read_table": "vastausanalyysi.survey",
    "Survey": "vastausanalyysi.survey",
    # summaries, clusters, report
    "theme_frequencies": "vastausanalyysi.summary",
    "polarity_by": "vastausanalyysi.summary",
    "to_wide": "vastausanalyysi.summary",
    "join_scores": "vastausanalyysi.summary",
    "load_published_scores": "vastausanalyysi.summary",
    "load_published_counts": "vastausanalyysi.summary",
    "load_published_items": "vastausanalyysi.summary",
    "linked_scores": "vastausanalyysi.summary",
    "score_correlations": "vastausanalyysi.summary",
    "scores_by_mention": "vastausanalyysi.summary",
    "crosstab": "vastausanalyysi.summary",
    "compare_waves": "vastausanalyysi.summary",
    "cluster_statements": "vastausanalyysi.clusters",
    "Clustering": "vastausanalyysi.clusters",
    "write_report": "vastausanalyysi.report",
}
# names whose object lives under another name in its module
_ALIASES: dict[str, tuple[str, str]] = {
    # ``evaluate`` alone would be ambiguous beside lemma evaluation (``nlp.evaluation``), so
    # the theme model's evaluation is exported as ``evaluate_model``
    "evaluate_model": ("vastausanalyysi.themes.evaluation", "evaluate"),
}

__all__ = [*sorted([*_EXPORTS, *_ALIASES]), "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from vastausanalyysi.nlp.pipeline import lemmatize, lemmatize_tokens, load_pipeline  # noqa: F401


__getattr__, __dir__ = lazy_attributes(
    globals(), {**{name: (module, name) for name, module in _EXPORTS.items()}, **_ALIASES}
)
