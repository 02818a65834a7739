"""Compiled builds of the tagger's hot modules, used only while they match their sources.

The modules in :data:`COMPILED` are plain, typed Python. ``make compiled`` (run by ``make run``
and ``make test``; ``scripts/build_compiled.py``) builds each into a C extension with mypyc,
in place next to its ``.py`` file, and Python then imports the extension instead: the same code,
a few times faster. The build is all or nothing, because compiled modules call each other
directly: when any module of the set has no build, or a build older than its source (an edited
or newly checked-out file), every module of the set is imported from its source instead, with a
warning, so a stale build is never run. ``VASTAUSANALYYSI_PURE=1`` asks for the sources
whatever is built (to compare the two, or to profile the Python code).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

#: The modules that ``make compiled`` builds (one mypyc group: they call each other natively).
COMPILED = (
    "vastausanalyysi.nlp.normalise",
    "vastausanalyysi.nlp.language",
    "vastausanalyysi.themes.evaluative",
    "vastausanalyysi.themes.tokens",
    "vastausanalyysi.themes.phrases",
    "vastausanalyysi.themes.aims",
    "vastausanalyysi.themes.negation_scope",
    "vastausanalyysi.themes.clauses",
    "vastausanalyysi.themes.counterfactual",
    "vastausanalyysi.themes.cue_context",
    "vastausanalyysi.themes.negation_context",
    "vastausanalyysi.themes.cue_change",
    "vastausanalyysi.themes.cue_words",
    "vastausanalyysi.themes.reported",
    "vastausanalyysi.themes.cues",
    "vastausanalyysi.themes.polarity",
    "vastausanalyysi.themes.mechanism_context",
    "vastausanalyysi.themes.mechanism_hearing",
    "vastausanalyysi.themes.mechanism_senses",
    "vastausanalyysi.themes.mechanism_topics",
    "vastausanalyysi.themes.rules",
    "vastausanalyysi.themes.prediction",
)
#: Environment variable: set to 1 to import the sources even where a current build exists.
PURE_ENV = "VASTAUSANALYYSI_PURE"
#: The package's directory (the modules' files are found relative to it).
PACKAGE_DIR = Path(__file__).resolve().parent


def source_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """The ``.py`` file of a module of the package."""
    parts = module.split(".")[1:]
    return package_dir.joinpath(*parts[:-1], parts[-1] + ".py")


def build_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The compiled extension of a module for this interpreter, or None if none is built."""
    source = source_path(module, package_dir)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = source.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def out_of_date(
    modules: Sequence[str] = COMPILED, package_dir: Path = PACKAGE_DIR
) -> tuple[list[str], list[str]]:
    """(modules without a build, modules whose build is older than the source)."""
    missing, stale = [], []
    for module in modules:
        built = build_path(module, package_dir)
        if built is None:
            missing.append(module)
        elif source_path(module, package_dir).stat().st_mtime > built.stat().st_mtime:
            stale.append(module)
    return missing, stale


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the ``.py`` file of the compiled modules, ahead of their extensions."""

    def __init__(self, modules: Sequence[str]):
        self.modules = frozenset(modules)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in self.modules:
            return None
        name = fullname.rpartition(".")[2]
        for entry in path or ():
            source = Path(entry) / f"{name}.py"
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def _use_sources() -> None:
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder(COMPILED))


def choose() -> bool:
    """Decide, once per process at the package's import, whether the compiled modules are used.

    Returns True when they are: every module of :data:`COMPILED` built and not older than its
    source, and :data:`PURE_ENV` not set. Otherwise the sources are imported (with a warning
    when a build exists but cannot be used).
    """
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        _use_sources()
        return False
    missing, stale = out_of_date()
    if not missing and not stale:
        return True
    _use_sources()
    if len(missing) < len(COMPILED):  # something is built, but not all of it is current
        names = ", ".join(m.removeprefix("vastausanalyysi.") for m in [*stale, *missing])
        warnings.warn(
            f"vastausanalyysi: the compiled modules do not match their sources ({names}); "
            "using the Python sources (slower). Run `make compiled` to rebuild them.",
            RuntimeWarning,
            stacklevel=2,
        )
    return False


#: Whether this process runs the compiled modules (decided at the package's import).
USING_COMPILED = choose()

__all__ = [
    "COMPILED",
    "PACKAGE_DIR",
    "PURE_ENV",
    "USING_COMPILED",
    "build_path",
    "choose",
    "out_of_date",
    "source_path",
]
