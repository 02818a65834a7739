"""Build the Finnish pipeline and lemmatise many texts."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vastausanalyysi.errors import InputTextError
from vastausanalyysi.nlp.lemmatizer import FACTORY


def load_pipeline(*, fix_typos: bool = True, lexicon_path: str | None = None) -> Language:
    """``spacy.blank("fi")`` plus the Voikko lemmatizer component."""
    nlp = spacy.blank("fi")
    nlp.add_pipe(FACTORY, config={"fix_typos": fix_typos, "lexicon_path": lexicon_path})
    return nlp


@lru_cache(maxsize=4)
def default_pipeline() -> Language:
    """The shared default pipeline (built once per process)."""
    return load_pipeline()


def as_text(value: Any, index: int | None = None) -> str:
    """``value`` as text: None, NaN and pandas NA become ''; bytes and other types are errors."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return ""
    if type(value).__name__ in {"NAType", "NaTType"}:
        return ""
    if isinstance(value, int | float):
        return str(value)
    where = f" at position {index}" if index is not None else ""
    raise InputTextError(f"expected text{where}, got {type(value).__name__}: {value!r:.80}")


def iter_docs(
    texts: Iterable[Any], nlp: Language | None = None, batch_size: int = 256
) -> Iterator[Doc]:
    """Processed Docs for ``texts`` in order (None/NaN give empty Docs)."""
    nlp = nlp or default_pipeline()
    cleaned = (as_text(t, i) for i, t in enumerate(texts))
    yield from nlp.pipe(cleaned, batch_size=batch_size)


def lemmatize(texts: Iterable[Any], nlp: Language | None = None) -> list[list[str]]:
    """Lemmas of each text (punctuation and spaces left out), one list per text, in order."""
    return [
        [t.lemma_ for t in doc if not (t.is_space or t.is_punct)] for doc in iter_docs(texts, nlp)
    ]


def lemmatize_tokens(
    sentences: Sequence[Sequence[str]], *, mark_compounds: bool = False, nlp: Language | None = None
) -> list[list[str]]:
    """Lemmas for pre-tokenised sentences, one per input token; '#' marks compound parts if asked."""
    nlp = nlp or default_pipeline()
    component = nlp.get_pipe(FACTORY)
    out = []
    for i, sentence in enumerate(sentences):
        words = [as_text(w, i) for w in sentence]
        results = component.lemmatizer.lemmatize_words(words)
        out.append([r.marked_lemma if mark_compounds else r.lemma for r in results])
    return out
