"""Summaries of tagged answers: theme frequencies by group with confidence intervals and small-cell
suppression (``frequencies``), crosstabs with chi-square tests (``crosstab``), changes between
survey waves (``waves``), and each code's linked survey item's score beside it (``scores``, with
``correlations`` across groups and the 2026 report's published tables in ``published``), and the
mean scores of those who mention each code beside those who do not (``mentions``).

``intervals`` holds the interval methods, ``links`` the code -> survey item links,
``suppression`` the secondary suppression of small cells, ``hierarchy`` the grouping columns
nested in a coarser one (a group in its coarse group) that it follows, ``validation`` the checks
of input frames and cells shared by the summaries and the clusters.
"""

from vastausanalyysi.summary.correlations import score_correlations
from vastausanalyysi.summary.crosstab import crosstab
from vastausanalyysi.summary.frequencies import (
    LAYERS,
    POLARITY_ORDER,
    polarity_by,
    theme_frequencies,
    to_wide,
)
from vastausanalyysi.summary.intervals import proportion_ci, welch_interval
from vastausanalyysi.summary.links import codebook_codes, codebook_links
from vastausanalyysi.summary.mentions import scores_by_mention
from vastausanalyysi.summary.published import (
    load_published_counts,
    load_published_items,
    load_published_scores,
)
from vastausanalyysi.summary.scores import join_scores, linked_scores
from vastausanalyysi.summary.waves import compare_waves, newcombe_interval

__all__ = [
    "LAYERS",
    "POLARITY_ORDER",
    "codebook_codes",
    "codebook_links",
    "compare_waves",
    "crosstab",
    "join_scores",
    "linked_scores",
    "load_published_counts",
    "load_published_items",
    "load_published_scores",
    "newcombe_interval",
    "polarity_by",
    "proportion_ci",
    "score_correlations",
    "scores_by_mention",
    "theme_frequencies",
    "to_wide",
    "welch_interval",
]
