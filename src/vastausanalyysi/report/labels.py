"""Finnish display labels: polarities, layers, columns (``data/report_labels.yaml``), code names
(the codebook), respondent groups (``data/respondent_groups.yaml``) and counties
(``data/counties.csv``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vastausanalyysi._resources import read_yaml
from vastausanalyysi.errors import RegionError
from vastausanalyysi.report.formatting import cell_text
from vastausanalyysi.respondents import group_name, region_name
from vastausanalyysi.schema import strip_prefix
from vastausanalyysi.text import is_missing

LABELS_FILE = "report_labels.yaml"
_LABELS: dict[str, dict[str, str]] = {
    str(section): {str(k): str(v) for k, v in entries.items()}
    for section, entries in read_yaml(LABELS_FILE).items()
    if isinstance(entries, Mapping)
}

POLARITY_NAMES: dict[str, str] = _LABELS["polarities"]
"""Polarity id -> Finnish name, in the report's order."""
PART_TITLES: dict[str, str] = _LABELS["parts"]
"""Part of a question's section ("toimii", "kehitettavaa") -> title."""
LAYER_TITLES: dict[str, str] = _LABELS["layers"]
"""Code layer ("area", "mechanism", "polarity") -> section title."""
COLUMN_TITLES: dict[str, str] = _LABELS["columns"]
"""Answer column -> Finnish header."""
BY_ADVERBS: dict[str, str] = _LABELS["by_adverbs"]
"""Grouping column -> adverb of the frequency heading ("vastaajaryhmittäin")."""
SCORE_COLUMN_TITLES: dict[str, str] = _LABELS["score_columns"]
"""Column of the long score table -> header of the workbook's "pisteet" sheet."""
EVIDENCE_SOURCES: dict[str, str] = _LABELS["evidence_sources"]
"""Evidence source ("rule", "model") -> Finnish name."""
CLUSTER_METHODS: dict[str, str] = _LABELS["cluster_methods"]
"""Clustering method -> Finnish description."""

MISSING_LABEL = "(puuttuu)"
"""The label of a missing group or region value."""
REGION_COLUMNS = frozenset({"region", "county"})
GROUP_COLUMNS = frozenset({"group", "coarse_group"})


def group_label(value: str) -> str:
    """The Finnish name of a coarse or detailed group id; other values unchanged."""
    for coarse in (True, False):
        try:
            return group_name(value, coarse=coarse)
        except RegionError:
            continue
    return value


def region_label(value: str) -> str:
    """The short name of a county code ("8", "08" -> "Pirkanmaa"); other values unchanged."""
    if not value.isdigit():
        return value
    try:
        return region_name(value) or value
    except RegionError:
        return value


def region_code(value: Any) -> Any:
    """The county code of a region value, a code or a name ("Pirkanmaa" -> "08"); a value no
    county has is returned as it is."""
    from vastausanalyysi.respondents import resolve_region

    if is_missing(value):
        return value
    return resolve_region(str(value)) or value


def default_code_names() -> dict[str, str]:
    """Code id -> Finnish name from the default codebook ({} if it cannot be loaded)."""
    try:
        from vastausanalyysi.themes.codebook import load_codebook

        codebook = load_codebook()
        return {cid: code.name for cid, code in codebook.codes.items() if code.name}
    except Exception:  # the names are a convenience; ids are shown instead
        return {}


class Names:
    """Display names of codes, groups and regions."""

    def __init__(self, codebook_names: Mapping[str, str] | None) -> None:
        self.codes = default_code_names()
        for code, name in (codebook_names or {}).items():
            self.codes[strip_prefix(str(code))] = str(name)
            self.codes[str(code)] = str(name)

    def code(self, code: Any) -> str:
        """The name of a code id (with or without its layer prefix) or polarity; else the id."""
        text = cell_text(code)
        if text in POLARITY_NAMES:
            return POLARITY_NAMES[text]
        return self.codes.get(text) or self.codes.get(strip_prefix(text)) or text

    @staticmethod
    def value(column: str, value: Any) -> str:
        """The label of a value of a group or region column; other values as text."""
        if is_missing(value):
            return MISSING_LABEL
        text = str(value)
        if column in REGION_COLUMNS:
            return region_label(text)
        if column in GROUP_COLUMNS:
            return group_label(text)
        return text


__all__ = [
    "BY_ADVERBS",
    "CLUSTER_METHODS",
    "COLUMN_TITLES",
    "EVIDENCE_SOURCES",
    "LAYER_TITLES",
    "PART_TITLES",
    "POLARITY_NAMES",
    "SCORE_COLUMN_TITLES",
    "Names",
    "default_code_names",
    "group_label",
    "region_code",
    "region_label",
]
