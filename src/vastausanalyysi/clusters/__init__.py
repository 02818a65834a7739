"""Cluster statements of open answers, label the clusters in base forms, put scores beside them.

- :mod:`.statements`: answers split into statements (sentences, list items) and near-identical
  statements grouped into quotes;
- :mod:`.model`: terms (lemmas and compound parts, never fragments), features (TF-IDF and
  codes) and an order-independent, resampling-stable Ward + k-means clustering;
- :mod:`.labels`: stop words and class-based TF-IDF labels of two or three lemmas, nouns first;
- :mod:`.core`: :func:`cluster_statements` and its :class:`Clustering` result.
"""

from vastausanalyysi.clusters.core import (
    NO_CLUSTER,
    Clustering,
    cluster_statements,
    clusters_by_group,
)
from vastausanalyysi.clusters.labels import (
    DOMAIN_STOP_WORDS,
    NO_CLUSTER_LABEL,
    SMALL_GROUPS_LABEL,
    finnish_stop_words,
)
from vastausanalyysi.clusters.model import compound_terms
from vastausanalyysi.clusters.statements import split_statements, split_text

__all__ = [
    "DOMAIN_STOP_WORDS",
    "NO_CLUSTER",
    "NO_CLUSTER_LABEL",
    "SMALL_GROUPS_LABEL",
    "Clustering",
    "cluster_statements",
    "clusters_by_group",
    "compound_terms",
    "finnish_stop_words",
    "split_statements",
    "split_text",
]
