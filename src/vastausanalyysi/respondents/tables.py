"""Reading and checking the tables behind groups and regions.

Group tables are YAML (the shipped ``data/respondent_groups.yaml`` and users' files of the same
shape, merged over it); region tables are CSV (``counties.csv``, ``municipalities.csv``,
``place_aliases.csv`` or users' files with the same columns). Shipped files are located by
:mod:`vastausanalyysi._resources`; every problem is a :class:`RegionError` naming the file.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from vastausanalyysi import _resources
from vastausanalyysi._resources import read_yaml_mapping
from vastausanalyysi.errors import RegionError
from vastausanalyysi.respondents.matching import match_key

DEFAULT_GROUP_FILE = "respondent_groups.yaml"
"""The shipped group table (a data file name for :mod:`vastausanalyysi._resources`)."""

_LIST_KEYS = (
    "ignore",
    "heads",
    "open_titles",
    "deputy_prefixes",
    "deputy_words",
    "deputy_heads",
    "support_words",
    "employers",
)
_MAP_OF_LISTS_KEYS = ("titles", "domains", "context", "examples")
_MAP_KEYS = ("groups", "coarse_groups", "abbreviations", "phrases")
_REPLACE_KEYS = ("precedence", "deputy_groups", "version")
_KNOWN_KEYS = frozenset(_LIST_KEYS + _MAP_OF_LISTS_KEYS + _MAP_KEYS + _REPLACE_KEYS)

# --------------------------------------------------------------------------------------------
# Group tables (YAML)
# --------------------------------------------------------------------------------------------


def read_group_file(path: str | Path) -> dict[str, Any]:
    """A group file as a mapping; RegionError names the file when it is missing or malformed."""
    return read_yaml_mapping(path, "respondent group file", RegionError)


def check_group_config(data: Mapping[str, Any], source: str) -> None:
    """RegionError naming the file and key when a group file has an unknown or ill-typed key."""
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            raise RegionError(
                f"unknown key {key!r} in respondent group file {source!r}; "
                f"known keys: {', '.join(sorted(_KNOWN_KEYS))}"
            )
        if key in (*_LIST_KEYS, "precedence") and not isinstance(value, list):
            raise RegionError(f"{key!r} in {source!r} must be a list, not {type(value).__name__}")
        if key in (*_MAP_OF_LISTS_KEYS, *_MAP_KEYS, "deputy_groups") and not isinstance(
            value, dict
        ):
            raise RegionError(
                f"{key!r} in {source!r} must be a mapping, not {type(value).__name__}"
            )
        if key in _MAP_OF_LISTS_KEYS:
            for group, words in value.items():
                if not isinstance(words, list):
                    raise RegionError(f"{key}.{group} in {source!r} must be a list of words")


def merge_group_config(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` over ``base``: lists extended, mappings updated, precedence replaced."""
    out = {
        k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
        for k, v in base.items()
    }
    for key, value in extra.items():
        if key in _LIST_KEYS:
            out[key] = [*out.get(key, []), *value]
        elif key in _MAP_OF_LISTS_KEYS:
            # a word the user lists moves to the user's group
            moved = {match_key(str(w)) for words in value.values() for w in words}
            merged = {
                g: [w for w in ws if match_key(str(w)) not in moved]
                for g, ws in out.get(key, {}).items()
            }
            for group, words in value.items():
                merged[group] = [*merged.get(group, []), *words]
            out[key] = merged
        elif key in _MAP_KEYS:
            out[key] = {**out.get(key, {}), **value}
        else:
            out[key] = value
    return out


@functools.lru_cache(maxsize=1)
def default_group_config() -> dict[str, Any]:
    """The shipped group table, parsed once (callers must not modify it)."""
    return _resources.read_yaml(DEFAULT_GROUP_FILE)


# --------------------------------------------------------------------------------------------
# Region tables (CSV)
# --------------------------------------------------------------------------------------------


def read_region_table(
    path: str | Path | None, default: str, columns: Iterable[str]
) -> list[dict[str, str]]:
    """Non-blank rows of a region CSV (``path``, else the shipped file ``default``), stripped.

    Each row also carries ``_line`` (its line number) and ``_file`` (the name for messages).
    RegionError when the file cannot be read or lacks one of ``columns``.
    """
    source = Path(path) if path is not None else _resources.data_file(default)
    name = str(path) if path is not None else f"{default} (default)"
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegionError(f"cannot read region table {name!r}: {exc}") from exc
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise RegionError(f"region table {name!r} lacks the column(s) {missing!r}")
    rows = []
    for line, row in enumerate(reader, start=2):
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(clean.values()):
            continue
        clean["_line"] = str(line)
        clean["_file"] = name
        rows.append(clean)
    return rows


__all__ = [
    "DEFAULT_GROUP_FILE",
    "check_group_config",
    "default_group_config",
    "merge_group_config",
    "read_group_file",
    "read_region_table",
]
