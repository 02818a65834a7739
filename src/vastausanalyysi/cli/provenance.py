"""Which build and model tagged a file: the ``tagged_by`` column that ``tag`` writes, and
whether ``report`` may use a tagged file's tags instead of tagging it again.

The fingerprint names the package version, the theme model ("shipped", "rules" or "own") and
the evidence kind, each with a short digest: of the package's own files (its code and data,
not compiled modules) with the versions of what tagging runs on (Python, scikit-learn, spaCy,
NumPy, libvoikko and the native library), and of the model's files. Any change to the package
(the version number stays 0.1.0 while it is developed) or to the model gives a new
fingerprint; a file whose every row carries this run's fingerprint was tagged exactly as this
run would tag it. Anything else is tagged again, and a log line says why.
"""

from __future__ import annotations

import hashlib
import logging
import platform
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import (
    AREAS,
    EVIDENCE,
    LANGUAGE,
    LEMMAS,
    MECHANISMS,
    OLD_PROBABILITIES,
    POLARITIES,
    POLARITY,
    POLARITY_EVIDENCE,
    PROBABILITIES,
    TAG_COLUMNS,
    TAGGED_BY,
)

log = logging.getLogger("vastausanalyysi.cli")

REPORT_TAGS: tuple[str, ...] = (
    AREAS,
    MECHANISMS,
    POLARITY,
    EVIDENCE,
    LEMMAS,
    POLARITY_EVIDENCE,
    LANGUAGE,
)
"""The tag columns ``report`` needs from a tagged file to use its tags (full evidence)."""
TAG_OUTPUT: tuple[str, ...] = (
    *TAG_COLUMNS,
    POLARITY_EVIDENCE,
    PROBABILITIES,
    OLD_PROBABILITIES,
    LANGUAGE,
    TAGGED_BY,
)
"""The columns ``tag`` writes (or wrote before): replaced when a tagged file is tagged again."""
LIBRARIES = ("scikit-learn", "spacy", "numpy", "libvoikko")
"""The libraries whose installed versions are part of :func:`build_digest` (with Python's and
the native libvoikko's)."""
_SKIPPED_SUFFIXES = (".so", ".pyd", ".pyc")


def warn_replaced(columns: Sequence[object], text_column: str, source: object) -> None:
    """Warn that an untagged input's own columns named like ``tag``'s output ("language",
    "areas") are replaced by it: a tagged file says so itself (``TAGGED_BY``)."""
    if TAGGED_BY in columns:
        return
    mine = [str(c) for c in columns if c in TAG_OUTPUT and c != text_column]
    if mine:
        log.warning(
            "%s: its column(s) %s are replaced by the tagger's output of that name (rename them "
            "to keep them)",
            source,
            ", ".join(repr(c) for c in mine),
        )


def _digest(parts: list[bytes]) -> str:
    h = hashlib.blake2b(digest_size=6)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@lru_cache(maxsize=1)
def build_digest() -> str:
    """A digest of the installed package's files and of the libraries tagging depends on."""
    import vastausanalyysi

    root = Path(vastausanalyysi.__file__).resolve().parent
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in _SKIPPED_SUFFIXES
    )
    parts = [platform.python_version().encode(), _voikko_version().encode()]
    parts += [_installed(name).encode() for name in LIBRARIES]
    for path in files:
        parts += [path.relative_to(root).as_posix().encode(), path.read_bytes()]
    return _digest(parts)


def _installed(name: str) -> str:
    """The installed version of distribution ``name`` (read without importing it)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _voikko_version() -> str:
    try:
        import libvoikko

        return str(libvoikko.Voikko.getVersion())
    except (ImportError, OSError, AttributeError):  # tagging fails later with its own message
        return ""


def _model_label(model: str | None) -> str:
    """The model a CLI ``--model`` names (None: the shipped one), with a digest of its files."""
    from vastausanalyysi.themes.model_files import model_files
    from vastausanalyysi.themes.shipped import default_model_path

    if model == "rules":
        return "rules"
    path = default_model_path() if model is None else Path(model)
    try:
        files = model_files(path)
    except ModelError:  # no shipped model: rules only; a bad path fails in tag
        return "rules" if model is None else "own (unreadable)"
    name = "shipped" if model is None else "own"
    return f"{name} {_digest([f.read_bytes() for f in files])}"


def fingerprint(model: str | None, evidence: bool | str) -> str:
    """The ``tagged_by`` value of a tag run with CLI ``--model`` ``model`` and ``evidence``
    (True, "compact" or False, as :func:`~vastausanalyysi.tag` takes it)."""
    from vastausanalyysi._version import __version__

    kind = {True: "full", "compact": "compact", False: "none"}[evidence]
    return (
        f"vastausanalyysi {__version__} ({build_digest()}); model {_model_label(model)}; "
        f"evidence {kind}"
    )


def why_tag_again(frame: pd.DataFrame, model: str | None) -> str | None:
    """None when ``frame`` (a tagged file as read) carries tags that this build and ``model``
    would give, with full evidence, in every row; otherwise why its tags cannot be used."""
    if TAGGED_BY not in frame.columns:
        return f"it has no {TAGGED_BY!r} column to tell which version and model tagged it"
    missing = [c for c in REPORT_TAGS if c not in frame.columns]
    if missing:
        return f"it lacks the column(s) {', '.join(map(repr, missing))}"
    expected = fingerprint(model, True)
    other = frame[TAGGED_BY].map(lambda v: v != expected)
    if other.any():
        first: Any = frame[TAGGED_BY][other].iloc[0]
        by = repr(first) if isinstance(first, str) and first else "nobody (an empty cell)"
        return (
            f"{int(other.sum())} of {len(frame)} rows were tagged by {by}, not by this "
            f"version and model with full evidence ({expected!r})"
        )
    unknown = ~frame[POLARITY].isin(POLARITIES)
    if unknown.any():
        return f"{int(unknown.sum())} rows have no polarity"
    return None


def tags_to_reuse(frame: pd.DataFrame, model: str | None, source: str) -> bool:
    """Whether ``report`` uses the tags of ``frame`` (a tagged file as read, from ``source``)
    as they are (:func:`why_tag_again`); a log line says which, and why not."""
    reason = why_tag_again(frame, model)
    if reason is None:
        log.info("%s was tagged by this version and model: its tags are used", source)
        return True
    log.warning("%s is tagged already, but %s: tagging again", source, reason)
    return False


__all__ = [
    "REPORT_TAGS",
    "TAG_OUTPUT",
    "build_digest",
    "fingerprint",
    "tags_to_reuse",
    "warn_replaced",
    "why_tag_again",
]
