"""Voikko handles and morphological analyses.

A libvoikko handle must never be shared between threads (measured: it corrupts results and then
crashes the process) and cannot be pickled. :class:`VoikkoAnalyzer` therefore keeps one handle per
process and thread, creates it lazily, drops it when pickled, and caches analyses by word form.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from vastausanalyysi.errors import VoikkoUnavailableError

#: Voikko's MOOD values of a finite verb (the others are infinitives and participles).
FINITE_MOODS = frozenset({"indicative", "conditional", "potential", "imperative"})

INSTALL_HINT = (
    "install the native library and the Finnish dictionary: "
    "'apt-get install libvoikko1 voikko-fi' on Debian/Ubuntu, 'brew install libvoikko' on macOS; "
    "set VOIKKO_DICTIONARY_PATH if the dictionary lives elsewhere"
)

_TAG = re.compile(r"\[[^\]]*\]")
_BASE = re.compile(r"\[Xp\](.*?)\[X\]")
_ANY_BASE = re.compile(r"\[X[a-z]\].*?\[X\]")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One Voikko reading of a word form, with the fields the library uses."""

    baseform: str
    word_class: str
    fields: Mapping[str, str] = field(repr=False, compare=False)

    @classmethod
    def from_voikko(cls, raw: Mapping[str, str]) -> Analysis:
        """An analysis from libvoikko's dict of fields (the dict is kept, not copied)."""
        if cls is Analysis:
            return _from_voikko(raw)
        return cls(raw.get("BASEFORM", ""), raw.get("CLASS", ""), raw)

    def get(self, key: str, default: str | None = None) -> str | None:
        """A raw Voikko field such as ``SIJAMUOTO`` or ``PARTICIPLE``."""
        return self.fields.get(key, default)

    @property
    def case(self) -> str | None:
        return self.fields.get("SIJAMUOTO")

    @property
    def is_proper(self) -> bool:
        return self.word_class in {"etunimi", "sukunimi", "paikannimi", "nimi"}

    @property
    def segments(self) -> list[tuple[str, str, bool]]:
        """Compound segments as ``(surface, base, derived)``, split at Voikko's ``[Bc]`` marks.

        A prefix-like segment without a base of its own (``yhteis`` in *yhteistyö*) has base ``""``.
        """
        return _segments(self.fields.get("FSTOUTPUT", ""))

    def compound_parts(self) -> list[str]:
        """Lemmas of the compound's parts, ``[]`` for a simple word.

        Derivational pieces stay inside their part (*opiskeluhuolto* → opiskelu, huolto) and a
        bound prefix joins the part after it (*perhekeskusyhteistyö* → perhe, keskus, yhteistyö).
        """
        return compound_parts(self.baseform, self.segments)

    def marked_lemma(self) -> str:
        """The base form with compound boundaries marked by '#', as in UD Finnish."""
        return mark_boundaries(self.baseform, self.segments)


_SEGMENTS: dict[str, tuple[tuple[str, str, bool], ...]] = {}


_new_analysis = object.__new__
_set_baseform = Analysis.__dict__["baseform"].__set__
_set_word_class = Analysis.__dict__["word_class"].__set__
_set_fields = Analysis.__dict__["fields"].__set__


def _from_voikko(raw: Mapping[str, str]) -> Analysis:
    """``Analysis.from_voikko`` without the frozen dataclass's slower ``__init__``."""
    analysis = _new_analysis(Analysis)
    _set_baseform(analysis, raw.get("BASEFORM", ""))
    _set_word_class(analysis, raw.get("CLASS", ""))
    _set_fields(analysis, raw)
    return analysis


def _segments(fst: str) -> list[tuple[str, str, bool]]:
    hit = _SEGMENTS.get(fst)
    if hit is None:
        hit = tuple((s, b.replace("=", ""), d) for s, b, d in parse_fst(fst) if s or b)
        if len(_SEGMENTS) < 500_000:
            _SEGMENTS[fst] = hit
    return list(hit)


_PARSED: dict[str, tuple[tuple[str, str, bool], ...]] = {}


def parse_fst(fst: str) -> tuple[tuple[str, str, bool], ...]:
    """``FSTOUTPUT`` split at ``[Bc]`` into ``(surface, base, derived)`` chunks (cached).

    ``base`` is the chunk's first ``[Xp]`` base form with any ``=`` kept (*hyvin=vointi*);
    every chunk is listed, also one with neither surface nor base.
    """
    hit = _PARSED.get(fst)
    if hit is not None:
        return hit
    out: list[tuple[str, str, bool]] = []
    for chunk in fst.split("[Bc]"):
        bases = _BASE.findall(chunk)
        surface = _TAG.sub("", _ANY_BASE.sub("", chunk))
        base = bases[0] if bases else ""
        out.append((surface, base, "[Xj]" in chunk))
    hit = tuple(out)
    if len(_PARSED) < 500_000:
        _PARSED[fst] = hit
    return hit


def compound_parts(baseform: str, segments: list[tuple[str, str, bool]]) -> list[str]:
    """Part lemmas for a base form from its segments (see :meth:`Analysis.compound_parts`)."""
    if len(segments) < 2:
        return []
    parts: list[str] = []
    prefix = ""
    consumed = 0
    for surface, base, derived in segments[:-1]:
        consumed += len(surface)
        if not base:  # bound prefix: glue to the next part
            prefix += surface
            continue
        piece = surface if derived else base
        parts.append((prefix + piece).strip("-").lower())
        prefix = ""
    tail = baseform[consumed:] if len(baseform) > consumed else segments[-1][1]
    parts.append((prefix + tail).strip("-").lower())
    parts = [p for p in parts if p]
    return parts if len(parts) > 1 else []


def mark_boundaries(baseform: str, segments: list[tuple[str, str, bool]]) -> str:
    """Insert '#' into ``baseform`` where its compound segments meet."""
    if len(segments) < 2:
        return baseform
    cuts: list[int] = []
    pos = 0
    for surface, _base, _derived in segments[:-1]:
        pos += len(surface)
        cuts.append(pos)
    if pos >= len(baseform):
        return baseform
    out, last = [], 0
    for cut in cuts:
        piece = baseform[last:cut]
        if piece.endswith("-"):  # a hyphen is a boundary already
            out.append(piece)
        else:
            out.append(piece + "#")
        last = cut
    out.append(baseform[last:])
    return "".join(out).replace("-#", "-")


class VoikkoAnalyzer:
    """Lazy, thread-safe, picklable access to Voikko with a cache by word form.

    Each thread gets its own libvoikko handle; a pickled analyzer carries only its settings.
    """

    def __init__(self, language: str = "fi", path: str | None = None, cache_size: int = 500_000):
        self.language = language
        self.path = path or os.environ.get("VOIKKO_DICTIONARY_PATH")
        self.cache_size = cache_size
        self._local = threading.local()
        self._cache: dict[str, tuple[Analysis, ...]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"language": self.language, "path": self.path, "cache_size": self.cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def handle(self) -> Any:
        """This thread's libvoikko handle (created on first use)."""
        handle = getattr(self._local, "handle", None)
        if handle is None or getattr(self._local, "pid", None) != os.getpid():
            handle = open_voikko(self.language, self.path)
            self._local.handle = handle
            self._local.pid = os.getpid()
        return handle

    def analyze(self, word: str) -> tuple[Analysis, ...]:
        """All of Voikko's readings of ``word`` (cached by form)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        raw = self._raw_analyze(word)
        result = tuple(map(_from_voikko, raw)) if raw else ()
        if len(self._cache) < self.cache_size:
            self._cache[word] = result  # one dict store: atomic, no lock needed
        return result

    def cached(self, word: str) -> tuple[Analysis, ...] | None:
        """The readings of ``word`` if they are cached (as :meth:`analyze` gives them), else
        None (Voikko is not asked)."""
        return self._cache.get(word)

    def prefetch(self, words: Iterable[str]) -> int:
        """Analyse the uncached ``words`` now, one after another, into the cache (as
        :meth:`analyze` would later); returns how many were analysed.

        Results are those of :meth:`analyze`. A batch caller gains because Voikko's C analyser
        runs faster in a tight loop than interleaved with the ranker's Python work (measured on
        the TDT test text: ~0.15 s of Voikko time in a cold pass interleaved, ~0.09-0.10 s for
        the same forms in a loop). Nothing is done once the cache is full (the forms would not
        be kept).
        """
        cache = self._cache
        room = self.cache_size - len(cache)
        if room <= 0:
            return 0
        raw_analyze = self._raw_analyze
        done = 0
        for word in words:
            if word in cache:
                continue
            raw = raw_analyze(word)
            cache[word] = tuple(map(_from_voikko, raw)) if raw else ()
            done += 1
            if done >= room:
                break
        return done

    def _raw_analyze(self, word: str) -> list[dict[str, str]]:
        local = self._local
        fast = getattr(local, "fast", None)
        if fast is None or fast[0] != os.getpid() or fast[1] is not local.handle:
            handle = self.handle
            fast = local.fast = (os.getpid(), handle, _fast_analyzer(handle) or handle.analyze)
        return fast[2](word)

    def spell(self, word: str) -> bool:
        return bool(self.handle.spell(word))

    def suggest(self, word: str) -> list[str]:
        return list(self.handle.suggest(word))

    @cached_property
    def dictionary_info(self) -> str:
        dicts = open_voikko_module().Voikko.listDicts(self.path)
        return ", ".join(f"{d.language} {d.description}" for d in dicts)


_KEY_NAMES: dict[bytes, str] = {}


def _fast_analyzer(handle: Any) -> Any:
    """``handle.analyze`` without the per-call overhead of the libvoikko module (same result).

    libvoikko's ``Voikko.analyze`` converts every key through helper functions; this reads the
    same C functions directly. Returns None when the module's internals are not as expected
    (then the public ``analyze`` is used).
    """
    lib = getattr(handle, "_Voikko__lib", None)
    raw = getattr(handle, "_Voikko__handle", None)
    if lib is None or raw is None:
        return None
    try:
        analyze_c = lib.voikkoAnalyzeWordUcs4
        keys_c = lib.voikko_mor_analysis_keys
        value_c = lib.voikko_mor_analysis_value_ucs4
        free_c = lib.voikko_free_mor_analysis
    except AttributeError:
        return None
    names = _KEY_NAMES

    def analyze(word: str) -> list[dict[str, str]]:
        if not word or "\0" in word:
            return []
        result = analyze_c(raw, word)
        out: list[dict[str, str]] = []
        if not result:
            return out
        i = 0
        while result[i]:
            analysis = result[i]
            keys = keys_c(analysis)
            fields: dict[str, str] = {}
            j = 0
            while (key := keys[j]) is not None:
                name = names.get(key)
                if name is None:
                    name = names[key] = key.decode("ascii")
                fields[name] = value_c(analysis, key)
                j += 1
            out.append(fields)
            i += 1
        free_c(result)
        return out

    return analyze


def open_voikko_module() -> Any:
    try:
        import libvoikko
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise VoikkoUnavailableError(
            f"the Python package 'libvoikko' is missing; {INSTALL_HINT}"
        ) from exc
    return libvoikko


def _has_dictionary(path: Path) -> bool:
    return any(path.glob("mor-*/index.txt")) or any(path.glob("*/mor-*/index.txt"))


def open_voikko(language: str = "fi", path: str | None = None) -> Any:
    """A raw libvoikko handle, or :class:`VoikkoUnavailableError` saying what to install."""
    libvoikko = open_voikko_module()
    if path and not _has_dictionary(Path(path)):
        # libvoikko silently falls back to the system dictionary: say so instead
        raise VoikkoUnavailableError(
            f"no Voikko dictionary for language {language!r} at {path!r} "
            f"(expected {path}/5/mor-standard/index.txt); {INSTALL_HINT}"
        )
    try:
        return libvoikko.Voikko(language, path) if path else libvoikko.Voikko(language)
    except OSError as exc:
        raise VoikkoUnavailableError(
            f"the native libvoikko library cannot be loaded ({exc}); {INSTALL_HINT}"
        ) from exc
    except libvoikko.VoikkoException as exc:
        where = f" at {path!r}" if path else ""
        raise VoikkoUnavailableError(
            f"no Finnish Voikko dictionary for language {language!r}{where} ({exc}); {INSTALL_HINT}"
        ) from exc


_SHARED: dict[tuple[str, str | None], VoikkoAnalyzer] = {}


def get_analyzer(language: str = "fi", path: str | None = None) -> VoikkoAnalyzer:
    """The process-wide analyzer for ``language`` (one cache, one handle per thread)."""
    key = (language, path)
    if key not in _SHARED:
        _SHARED[key] = VoikkoAnalyzer(language, path)
    return _SHARED[key]
