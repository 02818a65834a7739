"""The Voikko lemmatizer: a plain Python class and the spaCy component around it.

For every token it sets ``token.lemma_`` and the extensions ``token._.compound_parts``,
``token._.analyses``, ``token._.is_known`` and ``token._.corrected_from``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from vastausanalyysi.nlp.disambiguation import Disambiguator
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer

FACTORY = "vastausanalyysi_lemmatizer"
_WORDLIKE = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class WordLemma:
    """Everything the lemmatizer knows of one token."""

    lemma: str
    parts: tuple[str, ...] = ()
    marked: str = ""
    analyses: tuple[Analysis, ...] = ()
    is_known: bool = True
    corrected_from: str | None = None
    source: str = "voikko"

    @property
    def marked_lemma(self) -> str:
        """The lemma with compound boundaries marked by '#' (UD convention)."""
        return self.marked or self.lemma


class Lemmatizer:
    """Lemmatises word forms with Voikko, a domain lexicon, context and careful typo fixes."""

    def __init__(
        self,
        analyzer: VoikkoAnalyzer | None = None,
        disambiguator: Disambiguator | None = None,
        lexicon: Any = None,
        fix_typos: bool = True,
    ):
        self.analyzer = analyzer or get_analyzer()
        self.disambiguator = disambiguator or Disambiguator()
        self.lexicon = lexicon
        self.fix_typos = fix_typos
        self._cache: dict[tuple[str, str | None, str | None], WordLemma] = {}

    def lemmatize_word(
        self, form: str, left: str | None = None, right: str | None = None
    ) -> WordLemma:
        """The lemma of ``form`` between the words ``left`` and ``right`` (cached)."""
        key = (form, left, right)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._lemmatize(form, left, right)
            self._cache[key] = hit
        return hit

    def lemmatize_words(self, words: list[str]) -> list[WordLemma]:
        """Lemmas of a sentence's words, each chosen in its context."""
        out = []
        for i, word in enumerate(words):
            left = words[i - 1] if i else None
            right = words[i + 1] if i + 1 < len(words) else None
            out.append(self.lemmatize_word(word, left, right))
        return out

    def _lemmatize(self, form: str, left: str | None, right: str | None) -> WordLemma:
        if not _WORDLIKE.search(form):  # punctuation, numbers, symbols
            return WordLemma(form, marked=form, source="literal")
        analyses = self.analyzer.analyze(form)
        if analyses:
            choice = self.disambiguator.choose(form, analyses, left, right)
            return _from_choice(choice.lemma, choice.analysis, analyses)
        if "-" in form.strip("-"):
            head, _, tail = form.rpartition("-")
            tail_result = self._lemmatize(tail, left, right)
            if tail_result.is_known:
                lemma = f"{head}-{tail_result.lemma}"
                parts = (
                    *(p.lower() for p in head.split("-") if p),
                    *(tail_result.parts or (tail_result.lemma,)),
                )
                return WordLemma(
                    lemma, parts, f"{head}#{tail_result.marked_lemma}", (), True, None, "hyphen"
                )
        return WordLemma(
            form if form[:1].isupper() else form.lower(), is_known=False, source="unknown"
        )


def _from_choice(
    lemma: str, analysis: Analysis | None, analyses: tuple[Analysis, ...]
) -> WordLemma:
    if analysis is None:
        return WordLemma(lemma, (), lemma, analyses, True, None, "rule")
    parts = tuple(analysis.compound_parts())
    marked = analysis.marked_lemma() if lemma.lower() == analysis.baseform.lower() else lemma
    if marked.lower().replace("#", "") == lemma.lower():
        marked = lemma[:0] + _recase(marked, lemma)
    return WordLemma(lemma, parts, marked, analyses, True, None, "voikko")


def _recase(marked: str, lemma: str) -> str:
    out, i = [], 0
    for ch in marked:
        if ch == "#":
            out.append(ch)
        else:
            out.append(lemma[i] if i < len(lemma) else ch)
            i += 1
    return "".join(out)


def _set_extensions() -> None:
    for name, default in (
        ("compound_parts", []),
        ("analyses", []),
        ("is_known", True),
        ("corrected_from", None),
        ("lemma_marked", None),
    ):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


class VoikkoLemmatizerComponent:
    """spaCy component: sets lemmas and the Voikko extensions on every token."""

    def __init__(self, nlp: Language, name: str, lemmatizer: Lemmatizer):
        _set_extensions()
        self.name = name
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        for token, result in zip(doc, self.lemmatizer.lemmatize_words(words), strict=True):
            token.lemma_ = result.lemma
            token._.compound_parts = list(result.parts)
            token._.analyses = list(result.analyses)
            token._.is_known = result.is_known
            token._.corrected_from = result.corrected_from
            token._.lemma_marked = result.marked_lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    FACTORY,
    assigns=["token.lemma", "token._.compound_parts", "token._.analyses", "token._.is_known"],
    default_config={"fix_typos": True, "lexicon_path": None},
)
def make_lemmatizer(
    nlp: Language, name: str, fix_typos: bool, lexicon_path: str | None
) -> VoikkoLemmatizerComponent:
    """Create the Voikko lemmatizer component (``nlp.add_pipe("vastausanalyysi_lemmatizer")``)."""
    return VoikkoLemmatizerComponent(nlp, name, Lemmatizer(fix_typos=fix_typos))
