"""The lemmatizer's token extensions: their registration, the ``analyses`` getter and fast writes.

Extensions set by :class:`~vastausanalyysi.nlp.component.VoikkoLemmatizerComponent`:
``token._.compound_parts`` (list, default ``[]``), ``token._.is_known`` (default True),
``token._.corrected_from`` (the typo the lemma was read from, default None),
``token._.lemma_marked`` (the lemma with '#' compound marks) and ``token._.analyses`` (Voikko's
readings, computed when read unless the component stored them).

spaCy keeps a token extension's value in ``doc.user_data`` under a key made of the extension's
name and the token's character offset; ``token._.name = value`` builds an ``Underscore`` object
per token, which makes the component's writes about three times slower than the lemmatizing
itself. This module is the one place that knows that key: :func:`set_annotations` writes it
directly when :func:`fast_writes` has confirmed, through spaCy's public extension API, that the
installed spaCy stores and reads values under it; otherwise it goes through ``token._.set``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import srsly
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from vastausanalyysi.nlp.candidates import WORDLIKE
from vastausanalyysi.nlp.lemmatizer import WordLemma
from vastausanalyysi.nlp.voikko import Analysis, get_analyzer

#: The plain extensions and their defaults (``analyses`` has a getter instead).
DEFAULTS: dict[str, Any] = {
    "compound_parts": [],
    "is_known": True,
    "corrected_from": None,
    "lemma_marked": None,
}
ANALYSES = "analyses"
#: ``doc.user_data`` key naming the (language, dictionary path) of a component's non-default
#: Voikko analyzer, for ``token._.analyses``.
ANALYZER_KEY = "vastausanalyysi_voikko"
_PREFIX = "._."  # spaCy's marker of extension values in ``doc.user_data``
_FALLBACK_ANALYSES = "vastausanalyysi_analyses"  # where stored readings go without fast writes
#: Per Doc annotated by :func:`set_annotations` (fast writes): its results, one per token, and
#: the size of ``doc.user_data`` right after the writes (see :func:`annotated_results`).
_RESULTS: weakref.WeakKeyDictionary[Doc, tuple[list[WordLemma], int]] = weakref.WeakKeyDictionary()


def register_extensions() -> None:
    """Register the extensions on :class:`~spacy.tokens.Token` (kept if already there, except
    ``analyses``, which always gets this module's getter)."""
    for name, default in DEFAULTS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
    Token.set_extension(ANALYSES, getter=analyses_getter, force=True)


def analyses_getter(token: Token) -> list[Analysis]:
    """``token._.analyses``: Voikko's readings of the token, computed (and cached per form by the
    analyzer) when read; for a typo-corrected token those of the corrected form."""
    data = token.doc.user_data
    if fast_writes():
        stored = data.get(_key(ANALYSES, token.idx))
    else:
        stored = data.get(_FALLBACK_ANALYSES, {}).get(token.idx)
    if stored is not None:
        return list(stored)
    text = token.text
    if not WORDLIKE.search(text):
        return []
    where = data.get(ANALYZER_KEY)
    analyzer = get_analyzer(*where) if where else get_analyzer()
    return list(analyzer.analyze(text))


def set_annotations(
    doc: Doc,
    results: Iterable[WordLemma],
    tokens: Sequence[Token] | None = None,
    lemma_ids: dict[str, int] | None = None,
) -> None:
    """Set ``token.lemma_`` and the extension values of each token of ``doc`` from its result
    (values equal to the extension's default are not written). ``tokens``: ``list(doc)`` if the
    caller has it already; ``lemma_ids``: lemma -> its id in ``doc.vocab.strings``, a dict the
    caller keeps for one batch of Docs (each lemma is added to the strings once per batch, then
    its id is set, which is what ``token.lemma_ = lemma`` does)."""
    data = doc.user_data
    if not fast_writes():
        _set_public(doc, results)
        return
    results = results if isinstance(results, list) else list(results)
    tokens = list(doc) if tokens is None else tokens
    ids = {} if lemma_ids is None else lemma_ids
    # the keys of lemma_marked (every token has one): one tuple per offset for the process
    last = tokens[-1].idx if tokens else 0
    marked_keys: Any = _MARKED_KEYS if last < _SHARED_KEYS else _MarkedKeys()
    if last >= len(_MARKED_KEYS) and last < _SHARED_KEYS:
        _extend_keys(last)
    for token, result in zip(tokens, results, strict=True):
        lemma = result.lemma
        lemma_id = ids.get(lemma)
        if lemma_id is None:
            lemma_id = ids[lemma] = doc.vocab.strings.add(lemma)
        token.lemma = lemma_id
        idx = token.idx
        if result.parts:
            data[(_PREFIX, "compound_parts", idx, None)] = list(result.parts)
        if not result.is_known:
            data[(_PREFIX, "is_known", idx, None)] = False
        if result.corrected_from is not None:
            data[(_PREFIX, "corrected_from", idx, None)] = result.corrected_from
            # the corrected form's readings (the getter would analyse the typo)
            data[(_PREFIX, ANALYSES, idx, None)] = list(result.analyses)
        data[marked_keys[idx]] = result.marked or lemma
    _RESULTS[doc] = (results, len(data))


#: ``_MARKED_KEYS[idx]`` is ``(_PREFIX, "lemma_marked", idx, None)``: the same key object for
#: every Doc (a key per token would be a new tuple each), for offsets under ``_SHARED_KEYS``.
_MARKED_KEYS: list[tuple[str, str, int, None]] = []
_SHARED_KEYS = 20_000
_KEYS_LOCK = threading.Lock()


def _extend_keys(last: int) -> None:
    """Make :data:`_MARKED_KEYS` reach offset ``last``."""
    with _KEYS_LOCK:
        start = len(_MARKED_KEYS)
        end = min(max(last + 1, 2 * start, 1024), _SHARED_KEYS)
        _MARKED_KEYS.extend([(_PREFIX, "lemma_marked", idx, None) for idx in range(start, end)])


class _MarkedKeys:
    """The lemma_marked keys of a long Doc, made one by one."""

    def __getitem__(self, idx: int) -> tuple[str, str, int, None]:
        return (_PREFIX, "lemma_marked", idx, None)


def annotated_results(doc: Doc) -> list[WordLemma] | None:
    """The results :func:`set_annotations` wrote into ``doc``, one per token, while they still
    describe it: None for a Doc it did not annotate (or wrote through the public API), and
    for one whose tokens or extension values were added or removed since. (A value replaced
    in place, ``token._.is_known = False`` on an annotated Doc, is not noticed: a reader that
    honours such edits reads ``token._``.)"""
    found = _RESULTS.get(doc)
    if found is None:
        return None
    results, size = found
    if len(results) != len(doc) or len(doc.user_data) != size:
        return None
    return results


def _set_public(doc: Doc, results: Iterable[WordLemma]) -> None:
    """:func:`set_annotations` through spaCy's public API (slower)."""
    for token, result in zip(doc, results, strict=True):
        token.lemma_ = result.lemma
        values = token._
        if result.parts:
            values.set("compound_parts", list(result.parts))
        if not result.is_known:
            values.set("is_known", False)
        if result.corrected_from is not None:
            values.set("corrected_from", result.corrected_from)
            # a getter extension has no stored value: kept where the getter looks
            doc.user_data.setdefault(_FALLBACK_ANALYSES, {})[token.idx] = list(result.analyses)
        values.set("lemma_marked", result.marked_lemma)


def _key(name: str, idx: int) -> tuple[str, str, int, None]:
    return (_PREFIX, name, idx, None)


@lru_cache(maxsize=1)
def fast_writes() -> bool:
    """Whether the installed spaCy stores extension values under the key this module writes
    (checked once, with the public API: a value set through ``token._`` is found under the key,
    and a value written under the key is what ``token._`` reads)."""
    register_extensions()
    doc = Doc(Vocab(), words=["a", "b"])
    token = doc[1]
    token._.set("lemma_marked", "probe")
    found = doc.user_data.get(_key("lemma_marked", token.idx)) == "probe"
    doc.user_data.clear()
    doc.user_data[_key("is_known", token.idx)] = False
    return found and token._.get("is_known") is False and doc[0]._.get("is_known") is True


_ANALYSIS_TAG = "__vastausanalyysi_analysis__"


def _encode_analysis(obj: Any, chain: Any = None) -> Any:
    """msgpack encoder: lets Docs with ``token._.analyses`` cross process boundaries."""
    if isinstance(obj, Analysis):
        return {_ANALYSIS_TAG: dict(obj.fields)}
    return obj if chain is None else chain(obj)


def _decode_analysis(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _ANALYSIS_TAG in obj:
        return Analysis.from_voikko(obj[_ANALYSIS_TAG])
    return obj if chain is None else chain(obj)


# Doc.to_bytes (used by nlp.pipe(n_process>1) to send Docs back) packs user_data with msgpack.
srsly.msgpack_encoders.register("vastausanalyysi_analysis", func=_encode_analysis)
srsly.msgpack_decoders.register("vastausanalyysi_analysis", func=_decode_analysis)

__all__ = [
    "ANALYSES",
    "ANALYZER_KEY",
    "DEFAULTS",
    "analyses_getter",
    "annotated_results",
    "fast_writes",
    "register_extensions",
    "set_annotations",
]
