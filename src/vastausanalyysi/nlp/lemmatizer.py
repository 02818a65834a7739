"""The Voikko lemmatizer: a plain Python class and the spaCy component around it.

For every token it sets ``token.lemma_`` and the extensions ``token._.compound_parts``,
``token._.analyses``, ``token._.is_known`` and ``token._.corrected_from``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import minibatch

from vastausanalyysi.nlp.disambiguation import Choice, Disambiguator
from vastausanalyysi.nlp.lexicon import Lexicon, load_lexicon
from vastausanalyysi.nlp.typos import TypoCorrector, eligible
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer

FACTORY = "vastausanalyysi_lemmatizer"
_CACHE_SIZE = 500_000
_UNSEEN = object()
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
        lexicon: Lexicon | None = None,
        fix_typos: bool = True,
        typos: TypoCorrector | None = None,
        form_counts: Mapping[str, int] | None = None,
    ):
        """``lexicon`` None = the default lexicon (``Lexicon()`` for none); ``form_counts`` are
        corpus counts of lower-cased word forms that re-rank typo fixes (per-call counts add)."""
        self.analyzer = analyzer or get_analyzer()
        self.disambiguator = disambiguator or Disambiguator(analyzer=self.analyzer)
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.fix_typos = fix_typos
        self.typos = typos or (TypoCorrector(self.analyzer) if fix_typos else None)
        self.form_counts = form_counts
        self._cache: dict[tuple[str, str | None, str | None], WordLemma] = {}
        self._init_caches()

    def _init_caches(self) -> None:
        """Per-form caches (see :meth:`lemmatize_word`); index/key ``initial`` = sentence start."""
        # the result before typo fixes when it does not depend on the neighbours, else None
        self._free: tuple[dict[str, WordLemma | None], ...] = ({}, {})
        # final results of context-free forms without form counts, by (initial, typo fixes on)
        self._done: dict[tuple[bool, bool], dict[str, WordLemma]] = {
            (i, t): {} for i in (False, True) for t in (False, True)
        }
        self._results: dict[int, tuple[Choice, WordLemma]] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}  # caches are rebuilt; they can be large
        for name in ("_free", "_done", "_results"):
            state.pop(name, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._init_caches()

    def lemmatize_word(
        self,
        form: str,
        left: str | None = None,
        right: str | None = None,
        form_counts: Mapping[str, int] | None = None,
    ) -> WordLemma:
        """The lemma of ``form`` between the words ``left`` and ``right`` (cached).

        Order: lexicon entries flagged ``override``; Voikko with context (``_lemmatize``), where
        a form Voikko does not know is looked up in the lexicon first; then, for a word still
        unknown (or an accidental compound such as "yhteisyö"), a conservative typo fix re-ranked
        by ``form_counts`` (lower-cased form counts of the corpus or batch) if given.
        """
        initial = left is None
        fix = self.typos is not None and self.fix_typos
        plain = form_counts is None and self.form_counts is None
        if plain:
            done = self._done[initial, fix]
            hit = done.get(form)
            if hit is not None:
                return hit
        # Cached per form unless the choice depends on the neighbours, then per (form, context).
        free = self._free[initial]
        hit = free.get(form, _UNSEEN)  # type: ignore[arg-type]
        if hit is _UNSEEN:
            hit, context_free = self._first(form, left, right)
            if len(free) < _CACHE_SIZE:
                free[form] = hit if context_free else None
            if not context_free:
                self._cache[(form, left, right)] = hit
        elif hit is None:
            key = (form, left, right)
            hit = self._cache.get(key)
            if hit is None:
                hit = self._lemmatize(form, left, right)
                if len(self._cache) < _CACHE_SIZE:
                    self._cache[key] = hit
        assert hit is not None
        if fix and hit.source in _FIXABLE:
            result = self._typo_fix(form, hit, left, right, form_counts)
            if result is not hit:
                return result
        if plain and free.get(form) is hit and len(done) < _CACHE_SIZE:
            done[form] = hit
        return hit

    def _first(self, form: str, left: str | None, right: str | None) -> tuple[WordLemma, bool]:
        """A form's first result (lexicon, then Voikko and the ranker), and whether the
        neighbours played no part."""
        if not _WORDLIKE.search(form):  # punctuation, numbers, symbols
            return _word_lemma(form, (), form, (), True, None, "literal"), True
        analyses = self.analyzer.analyze(form)
        if len(self.lexicon):
            hit = self._lexicon_word(form, analyses)
            if hit is not None:
                return hit, True
        if analyses:
            dis = self.disambiguator
            if form not in dis._forms:
                choice = dis.quick(form, analyses, left is None)
                if choice is not None:
                    return _from_choice(choice, analyses), True
        return self._decide(form, left, right)

    def _lexicon_word(
        self, form: str, analyses: tuple[Analysis, ...] | None = None
    ) -> WordLemma | None:
        """The lexicon's reading: an override entry, or an entry for a form Voikko lacks."""
        if not len(self.lexicon) or not _WORDLIKE.search(form):
            return None
        if analyses is None:
            analyses = self.analyzer.analyze(form)
        found = self.lexicon.override(form, analyses)
        if found is not None:
            entry, analysis = found
            parts = tuple(p.lower() for p in entry.parts)
            marked = entry.marked()
            if analysis is not None and not entry.parts and "#" in analysis.marked_lemma():
                marked = analysis.marked_lemma()
                parts = tuple(analysis.compound_parts()) or tuple(
                    p.lower() for p in marked.split("#") if p
                )
            return WordLemma(entry.lemma, parts, marked, analyses, True, None, "lexicon")
        if analyses:
            return None
        match = self.lexicon.lookup(form, self._resolve)
        if match is None:
            return None
        return WordLemma(match.lemma, match.parts, match.marked, (), True, None, "lexicon")

    def _resolve(self, word: str) -> tuple[str, tuple[str, ...], str] | None:
        """A compound part's lemma, parts and marked lemma for the lexicon (None if unknown)."""
        result = self._lemmatize(word, None, None)
        if not result.is_known or result.source in {"unknown", "literal"}:
            return None
        return result.lemma, result.parts, result.marked_lemma

    def _typo_fix(
        self,
        form: str,
        base: WordLemma,
        left: str | None,
        right: str | None,
        form_counts: Mapping[str, int] | None,
    ) -> WordLemma:
        if self.typos is None or not eligible(form):
            return base
        counts = _merge_counts(self.form_counts, form_counts)
        analyses = base.analyses if base.source == "voikko" else None
        correction = self.typos.correct(form, counts, analyses)
        if correction is None:
            return base
        fixed = self.lemmatize_word(correction.corrected, left, right)
        return WordLemma(fixed.lemma, fixed.parts, fixed.marked, fixed.analyses, True, form, "typo")

    def recheck(
        self,
        form: str,
        result: WordLemma,
        left: str | None,
        right: str | None,
        form_counts: Mapping[str, int] | None,
    ) -> WordLemma:
        """``result`` of ``form`` with its typo decision re-made under ``form_counts``."""
        if not form_counts or self.typos is None or not self.fix_typos:
            return result
        if result.source not in {"unknown", "voikko", "typo"} or not eligible(form):
            return result
        base = self._free[left is None].get(form) or self._cache.get((form, left, right), result)
        return self._typo_fix(form, base, left, right, form_counts)

    def lemmatize_words(self, words: list[str]) -> list[WordLemma]:
        """Lemmas of a sentence's words, each chosen in its context."""
        n = len(words)
        if self.form_counts is None:  # the per-form results of lemmatize_word, looked up inline
            fix = self.typos is not None and self.fix_typos
            done, first = self._done[False, fix], self._done[True, fix]
        else:
            done = first = {}
        out = []
        for i, word in enumerate(words):
            hit = (done if i else first).get(word)
            if hit is None:
                left = words[i - 1] if i else None
                right = words[i + 1] if i + 1 < n else None
                hit = self.lemmatize_word(word, left, right)
            out.append(hit)
        return out

    def _lemmatize(self, form: str, left: str | None, right: str | None) -> WordLemma:
        return self._decide(form, left, right)[0]

    def _decide(self, form: str, left: str | None, right: str | None) -> tuple[WordLemma, bool]:
        """The lemma of ``form`` in context, and whether the neighbours played no part."""
        if not _WORDLIKE.search(form):  # punctuation, numbers, symbols
            return WordLemma(form, marked=form, source="literal"), True
        analyses = self.analyzer.analyze(form)
        if (
            not analyses
            and "-" in form.strip("-")
            and form.lower() not in self.disambiguator.memory
        ):
            head, _, tail = form.strip("-").rpartition("-")
            tail_result, context_free = self._decide(tail, left, right)
            if tail_result.is_known:
                lemma = f"{head}-{tail_result.lemma}"
                parts = (
                    *(p.lower() for p in head.split("-") if p),
                    *(tail_result.parts or (tail_result.lemma,)),
                )
                marked = f"{head.replace('-', '#')}#{tail_result.marked_lemma}"
                return WordLemma(lemma, parts, marked, (), True, None, "hyphen"), context_free
        choice, context_free = self.disambiguator.decide(form, analyses, left, right)
        if context_free:  # lemmatize_word caches the result by form
            return _from_choice(choice, analyses), True
        # one WordLemma per Choice (the disambiguator caches context-dependent choices per form)
        hit = self._results.get(id(choice))
        if hit is None or hit[0] is not choice:
            hit = (choice, _from_choice(choice, analyses))
            if len(self._results) < _CACHE_SIZE:
                self._results[id(choice)] = hit
        return hit[1], False


def _from_choice(choice: Choice, analyses: tuple[Analysis, ...]) -> WordLemma:
    """The WordLemma of a disambiguator's choice."""
    lemma, a, marked, source = choice
    marked = marked or lemma
    parts: tuple[str, ...] = ()
    if "#" in marked:
        parts = tuple(a.compound_parts()) if a is not None and source == "v" else ()
        if not parts:
            parts = tuple(p.lower() for p in marked.split("#") if p)
    if source == "v":
        source = "voikko"
    elif source == "surface":
        source = "voikko" if analyses else "unknown"
    known = bool(analyses) or source in _KNOWN_SOURCES
    return _word_lemma(lemma, parts, marked, analyses, known, None, source)


_KNOWN_SOURCES = frozenset({"mem", "colloquial", "colon"})
_FIXABLE = frozenset({"unknown", "voikko"})
_new_word_lemma = object.__new__
_WL_SETTERS = tuple(
    WordLemma.__dict__[name].__set__
    for name in ("lemma", "parts", "marked", "analyses", "is_known", "corrected_from", "source")
)


def _word_lemma(
    lemma: str,
    parts: tuple[str, ...],
    marked: str,
    analyses: tuple[Analysis, ...],
    known: bool,
    corrected_from: str | None,
    source: str,
) -> WordLemma:
    """``WordLemma(...)`` without the frozen dataclass's slower ``__init__``."""
    out = _new_word_lemma(WordLemma)
    s0, s1, s2, s3, s4, s5, s6 = _WL_SETTERS
    s0(out, lemma)
    s1(out, parts)
    s2(out, marked)
    s3(out, analyses)
    s4(out, known)
    s5(out, corrected_from)
    s6(out, source)
    return out


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

#: ``doc.user_data`` key under which a caller may put corpus form counts for the typo fixer.
FORM_COUNTS_KEY = "vastausanalyysi_form_counts"


class _SummedCounts(Mapping[str, int]):
    """Two count tables read as their sum (without copying either)."""

    def __init__(self, first: Mapping[str, int], second: Mapping[str, int]):
        self.first, self.second = first, second

    def __getitem__(self, key: str) -> int:
        return self.first.get(key, 0) + self.second.get(key, 0)

    def get(self, key: str, default: Any = 0) -> Any:
        return self.first.get(key, 0) + self.second.get(key, 0) or default

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter({*self.first, *self.second})

    def __len__(self) -> int:
        return len({*self.first, *self.second})


def _merge_counts(
    first: Mapping[str, int] | None, second: Mapping[str, int] | None
) -> Mapping[str, int] | None:
    if first and second:
        return _SummedCounts(first, second)
    return first or second or None


def form_counts(docs: Iterable[Doc]) -> Counter[str]:
    """Lower-cased counts of the alphabetic word forms in ``docs`` (for typo re-ranking)."""
    return Counter(t.lower_ for doc in docs for t in doc if t.is_alpha)


class VoikkoLemmatizerComponent:
    """spaCy component: sets lemmas and the Voikko extensions on every token.

    Typo fixes are re-ranked by corpus form counts: those in ``doc.user_data[FORM_COUNTS_KEY]``
    if a caller put them there (``va.lemmatize`` does, for the whole input), otherwise, in
    :meth:`pipe`, the counts of the current batch of ``batch_size`` docs.
    """

    def __init__(self, nlp: Language, name: str, lemmatizer: Lemmatizer):
        _set_extensions()
        self.name = name
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, None)

    def _annotate(self, doc: Doc, batch_counts: Mapping[str, int] | None) -> Doc:
        counts = doc.user_data.pop(FORM_COUNTS_KEY, None) or batch_counts
        words = [t.text for t in doc]
        results = self.lemmatizer.lemmatize_words(words)
        if counts:
            results = [
                self.lemmatizer.recheck(
                    w, r, words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None,
                    counts,
                )
                for i, (w, r) in enumerate(zip(words, results, strict=True))
            ]  # fmt: skip
        # Extension values are written straight into doc.user_data under spaCy's own keys
        # (what ``token._.name = value`` does, 4x faster); defaults are not written at all.
        data = doc.user_data
        for token, result in zip(doc, results, strict=True):
            token.lemma_ = result.lemma
            idx = token.idx
            if result.parts:
                data[("._.", "compound_parts", idx, None)] = list(result.parts)
            if result.analyses:
                data[("._.", "analyses", idx, None)] = list(result.analyses)
            if not result.is_known:
                data[("._.", "is_known", idx, None)] = False
            if result.corrected_from is not None:
                data[("._.", "corrected_from", idx, None)] = result.corrected_from
            data[("._.", "lemma_marked", idx, None)] = result.marked_lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Annotate ``docs`` in batches; each batch's form counts re-rank typo fixes."""
        for batch in minibatch(docs, size=batch_size):
            counts = form_counts(batch) if self.lemmatizer.fix_typos else None
            for doc in batch:
                yield self._annotate(doc, counts)


@Language.factory(
    FACTORY,
    assigns=[
        "token.lemma",
        "token._.compound_parts",
        "token._.analyses",
        "token._.is_known",
        "token._.corrected_from",
    ],
    default_config={"fix_typos": True, "lexicon_path": None, "lexicon_extend": True},
)
def make_lemmatizer(
    nlp: Language,
    name: str,
    fix_typos: bool,
    lexicon_path: str | None,
    lexicon_extend: bool = True,
) -> VoikkoLemmatizerComponent:
    """Create the Voikko lemmatizer component (``nlp.add_pipe("vastausanalyysi_lemmatizer")``).

    ``lexicon_path`` names a user lexicon (TSV, see ``data/lexicon.tsv``) that extends the
    default one, or replaces it with ``lexicon_extend=False``; ``fix_typos`` turns typo fixes off.
    """
    lexicon = load_lexicon(lexicon_path, extend=lexicon_extend)
    return VoikkoLemmatizerComponent(nlp, name, Lemmatizer(lexicon=lexicon, fix_typos=fix_typos))
