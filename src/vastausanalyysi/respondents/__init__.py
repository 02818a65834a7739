"""Respondents: job titles -> respondent groups, places and codes -> wellbeing services counties.

Modules, lowest first:

- :mod:`.matching`: the Voikko-free word tools both sides share (normalisation, comparison keys,
  Finnish base-form candidates by suffix stripping and gradation reversal, typo edits).
- :mod:`.tables`: reading and checking the group tables (YAML) and region tables (CSV).
- :mod:`.titles`: cutting a job title into normalised words and parts.
- :mod:`.groups`: :class:`GroupClassifier`, :func:`respondent_group`, :func:`coarse_group`,
  :func:`group_name`, :func:`load_groups` (how titles are read and the group decisions are
  documented there).
- :mod:`.placenames`: generic words, prepositions and inflected adjectives around place names.
- :mod:`.regions`: :class:`RegionResolver`, :func:`resolve_region`, :func:`resolve_regions`,
  :func:`match_region`, :func:`region_name` (which names, forms and codes resolve is
  documented there).

Every public name is re-exported here (``from vastausanalyysi.respondents import ...``).
"""

from __future__ import annotations

from vastausanalyysi.respondents.groups import (
    COARSE_GROUPS,
    GROUPS,
    UNKNOWN,
    GroupClassifier,
    coarse_group,
    default_groups,
    group_name,
    load_groups,
    respondent_group,
)
from vastausanalyysi.respondents.regions import (
    ALAND_CODE,
    COUNTY_CODES,
    County,
    RegionMatch,
    RegionResolver,
    default_resolver,
    match_region,
    region_name,
    resolve_region,
    resolve_regions,
)

__all__ = [
    "ALAND_CODE",
    "COARSE_GROUPS",
    "COUNTY_CODES",
    "GROUPS",
    "UNKNOWN",
    "County",
    "GroupClassifier",
    "RegionMatch",
    "RegionResolver",
    "coarse_group",
    "default_groups",
    "default_resolver",
    "group_name",
    "load_groups",
    "match_region",
    "region_name",
    "resolve_region",
    "resolve_regions",
    "respondent_group",
]
