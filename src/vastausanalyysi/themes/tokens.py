"""What the theme rules read off one spaCy token: attributes, analyses and lookup keys.

The pipeline's custom attributes (``compound_parts``, ``analyses``, ``lemma_marked`` …) are read
through :func:`token_ext`, so that a Doc from another pipeline works too (without them).

What the rules ask many times of the same token (its analyses, lookup keys, whether it is a
word) is computed once per Doc and kept in :func:`doc_cache` while the Doc lives; a Doc must
not be retokenised after the rules have read it.
"""

from __future__ import annotations

import copy
import weakref
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.codes import norm_term

_MISSING = object()


def token_ext(token: Token, name: str, default: Any = None) -> Any:
    """The custom attribute ``token._.<name>``, or ``default`` if no pipe registered it.

    A plain attribute (no getter or method) is read from ``doc.user_data`` under spaCy's own
    key, as ``token._`` would, without building an ``Underscore`` object; a mutable default
    comes back as a fresh copy (and is not written into the Doc).
    """
    ext = Token.get_extension(name)
    if ext is None:
        return default
    ext_default, method, getter, _setter = ext
    if getter is not None or method is not None:
        return getattr(token._, name)
    value = token.doc.user_data.get(("._.", name, token.idx, None), _MISSING)
    if value is not _MISSING:
        return value
    return copy.copy(ext_default) if isinstance(ext_default, dict | list | set) else ext_default


_CACHE: weakref.WeakKeyDictionary[Doc, dict[str, Any]] = weakref.WeakKeyDictionary()


def doc_cache(doc: Doc) -> dict[str, Any]:
    """A dict of values computed from ``doc``, kept as long as the Doc lives."""
    cache = _CACHE.get(doc)
    if cache is None:
        cache = _CACHE[doc] = {}
    return cache


def token_analyses(token: Token) -> list[Any]:
    """The token's Voikko analyses (``token._.analyses``; [] without the pipeline's extension).

    Read once per token of a Doc: the attribute runs a getter each time it is read.
    """
    per_doc = doc_cache(token.doc).setdefault("analyses", {})
    hit = per_doc.get(token.i)
    if hit is None:
        hit = per_doc[token.i] = list(token_ext(token, "analyses") or [])
    return hit


def word_flags(doc: Doc) -> list[bool]:
    """:func:`is_word` of every token of ``doc``, computed once per Doc."""
    cache = doc_cache(doc)
    flags = cache.get("words")
    if flags is None:
        flags = cache["words"] = [is_word(t) for t in doc]
    return flags


def doc_texts(doc: Doc) -> list[str]:
    """The text of every token of ``doc``, computed once per Doc."""
    cache = doc_cache(doc)
    texts = cache.get("texts")
    if texts is None:
        texts = cache["texts"] = [t.text for t in doc]
    return texts


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins the tokens on every read)."""
    cache = doc_cache(doc)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.text
    return text


def token_keys(token: Token) -> frozenset[str]:
    """The lemma, the lower-cased surface, the analyser's base forms and the compound head.

    The base forms make the lexicon robust to a wrong lemma choice: a participle such as
    "parantuneet" has the base form "parantunut" even when its lemma comes out as "parata".
    Computed once per token of a Doc (the rules ask for them many times).
    """
    cache = doc_cache(token.doc).setdefault("keys", {})
    hit = cache.get(token.i)
    if hit is None:
        hit = cache[token.i] = frozenset(_token_keys(token))
    return hit


def _token_keys(token: Token) -> set[str]:
    lemma = norm_term(token.lemma_ or token.text)
    keys = {lemma, norm_term(token.text)}
    parts = token_ext(token, "compound_parts") or []
    if parts:
        keys.add(norm_term(parts[-1]))
    for analysis in token_analyses(token):
        base = getattr(analysis, "baseform", None)
        if isinstance(base, str) and base and analysis.get("PARTICIPLE"):
            keys.add(norm_term(base))
    return keys


def analysis_values(token: Token, name: str) -> set[Any]:
    """The values of field ``name`` (e.g. "MOOD") over the token's Voikko analyses."""
    return {a.get(name) for a in token_analyses(token) if hasattr(a, "get")}


def is_olla(token: Token) -> bool:
    """True for a form of "olla" (to be)."""
    return norm_term(token.lemma_ or "") == "olla"


def is_verb(token: Token) -> bool:
    """A verb or participle in the reading the lemmatizer chose ("juuri" is not "juuria")."""
    analyses = [a for a in token_analyses(token) if hasattr(a, "get")]
    chosen = [a for a in analyses if getattr(a, "baseform", None) == token.lemma_]
    if chosen:
        return any(a.get("CLASS") == "teonsana" or a.get("PARTICIPLE") for a in chosen)
    return any(a.get("PARTICIPLE") for a in analyses)


def is_genitive(token: Token) -> bool:
    """True if one of the token's analyses is a genitive."""
    cases = {getattr(a, "case", None) for a in token_analyses(token)}
    return bool(cases & {"omanto", "genitive"})


def is_conditional(token: Token) -> bool:
    """True if every analysis of the token is in the conditional mood ("pitäisi")."""
    analyses = token_analyses(token)
    moods = [a.get("MOOD") for a in analyses if hasattr(a, "get")]
    return bool(moods) and all(m == "conditional" for m in moods)


def is_word(token: Token) -> bool:
    """True for tokens that are words (not punctuation, space or a bare number)."""
    return not (token.is_punct or token.is_space or token.like_num or token.is_digit)


__all__ = [
    "analysis_values",
    "doc_cache",
    "doc_text",
    "doc_texts",
    "is_conditional",
    "is_genitive",
    "is_olla",
    "is_verb",
    "is_word",
    "token_analyses",
    "token_ext",
    "token_keys",
    "word_flags",
]
