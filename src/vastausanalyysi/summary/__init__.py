"""Summaries of tagged answers: theme frequencies by group with confidence intervals and small-cell
suppression (``frequencies``), and each code's linked survey item's score beside it (``scores``).

``intervals`` holds the interval methods, ``links`` the code -> survey item links, ``validation``
the checks of input frames and cells shared by the summaries and the clusters.
"""

from vastausanalyysi.summary.frequencies import (
    LAYERS,
    POLARITY_ORDER,
    polarity_by,
    theme_frequencies,
    to_wide,
)
from vastausanalyysi.summary.intervals import proportion_ci
from vastausanalyysi.summary.links import codebook_codes, codebook_links
from vastausanalyysi.summary.scores import join_scores

__all__ = [
    "LAYERS",
    "POLARITY_ORDER",
    "codebook_codes",
    "codebook_links",
    "join_scores",
    "polarity_by",
    "proportion_ci",
    "theme_frequencies",
    "to_wide",
]
