"""The lemmatizing engine: a plain Python class that gives each word form its lemma in context.

:class:`Lemmatizer` combines Voikko's readings, the domain lexicon, the lemma model's ranker
(:mod:`vastausanalyysi.nlp.disambiguation`) and careful typo fixes into a :class:`WordLemma` per
token; the spaCy component around it lives in :mod:`vastausanalyysi.nlp.component`.

Forms of the lemma model's training data whose result does not depend on the neighbouring words
are looked up in a decision table shipped with the model
(:mod:`vastausanalyysi.nlp.decision_table`) instead of going through Voikko and the ranker; the
results are the same.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any

from vastausanalyysi.nlp.candidates import WORDLIKE
from vastausanalyysi.nlp.decision_table import (
    DecisionTable,
    NeighbourClasses,
    load_table,
    parse_rest,
    voikko_versions,
)
from vastausanalyysi.nlp.disambiguation import Choice, Disambiguator
from vastausanalyysi.nlp.lexicon import Lexicon, default_entries, load_lexicon
from vastausanalyysi.nlp.reading_rules import (
    CONTEXT_FORMS,
    connegative,
    defective_verb_form,
    initial_imperative,
    partitive_noun,
    subject_verb,
)
from vastausanalyysi.nlp.typos import TypoCorrector, fixable_form, maybe_suspect
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer

_CACHE_SIZE = 500_000
_UNSEEN = object()


@dataclass(frozen=True, slots=True)
class WordLemma:
    """Everything the lemmatizer knows of one token.

    ``analyses`` are the Voikko readings the result was chosen from; they are empty for a form
    found in the decision table (Voikko was not asked) and for words Voikko does not know.
    ``VoikkoAnalyzer.analyze(form)`` (and the component's ``token._.analyses``) gives them always.
    """

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
        table: DecisionTable | bool = True,
    ):
        """``lexicon`` None = the default lexicon (``Lexicon()`` for none); ``form_counts`` are
        corpus counts of lower-cased word forms that re-rank typo fixes (per-call counts add).

        ``table``: the decision table (True = the one shipped with the model, False = none). It
        is used only where its results hold: with the model it was built for, a lexicon that adds
        nothing to the default one, and the Voikko versions it was built with (else a warning is
        logged once and every form takes the normal path).
        """
        self.analyzer = analyzer or get_analyzer()
        self.disambiguator = disambiguator or Disambiguator(analyzer=self.analyzer)
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.fix_typos = fix_typos
        self.typos = typos or (TypoCorrector(self.analyzer) if fix_typos else None)
        self.form_counts = form_counts
        self.table = self._usable_table(table)
        if self.table is not None:
            self.disambiguator.neighbour_classes = NeighbourClasses(self.table)
        self._cache: dict[tuple[str, str | None, str | None], WordLemma] = {}
        self._init_caches()

    def _usable_table(self, table: DecisionTable | bool) -> DecisionTable | None:
        if table is False or table is None:
            return None
        if table is True:
            table = load_table()
        if not len(table) or not _default_lexicon_only(self.lexicon):
            return None
        versions = voikko_versions(self.analyzer.path)
        return table if table.usable(self.disambiguator.model, versions) else None

    def _init_caches(self) -> None:
        """Per-form caches (see :meth:`lemmatize_word`); index/key ``initial`` = sentence start."""
        # the result before typo fixes when it does not depend on the neighbours, else None
        self._free: tuple[dict[str, WordLemma | None], ...] = ({}, {})
        # final results of context-free forms without form counts, by (initial, typo fixes on)
        self._done: dict[tuple[bool, bool], dict[str, WordLemma]] = {
            (i, t): {} for i in (False, True) for t in (False, True)
        }
        self._results: dict[int, tuple[Choice, WordLemma]] = {}
        self._rows = self.table.lines if self.table is not None else None
        # results of the other forms without form counts by (form, left, right), by typo fixes on
        self._in_context: tuple[dict[tuple[str, str | None, str | None], WordLemma], ...] = ({}, {})
        # context-free forms whose typo decision no form counts change, by ``initial``
        self._plain: tuple[dict[str, WordLemma], ...] = ({}, {})
        self._ineligible: set[str] = set()  # forms the typo fixer may never correct
        # the typo fixer's decisions under one FrozenCounts (see _memo_for)
        # and the results of context-free forms they leave unfixed, by ``initial``
        self._counted: tuple[weakref.ref[FrozenCounts] | None, dict[str, Any], Any] = (
            None,
            {},
            ({}, {}),
        )

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}  # caches are rebuilt; they can be large
        for name in (
            "_free",
            "_done",
            "_in_context",
            "_results",
            "_rows",
            "_plain",
            "_ineligible",
            "_counted",
        ):
            state.pop(name, None)
        if self.table is not None and self.table is load_table():
            state["table"] = True  # the shipped table is read again, not pickled
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        table = state.pop("table", None)
        self.__dict__.update(state)
        self.table = self._usable_table(table if table is not None else False)
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
            hit, context_free = self.first_result(form, left, right)
            if len(free) < _CACHE_SIZE:
                free[form] = hit if context_free else None
            if not context_free and len(self._cache) < _CACHE_SIZE:
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

    def first_result(
        self, form: str, left: str | None, right: str | None
    ) -> tuple[WordLemma, bool]:
        """A form's first result (lexicon, then Voikko and the ranker), and whether the
        neighbours played no part."""
        if form.lower() in CONTEXT_FORMS:  # noun or verb by the words around it
            return self._decide(form, left, right)
        rows = self._rows
        if rows is not None:
            rest = rows.get(form)
            if rest is not None:
                row = parse_rest(form, rest, self.table.class_names)  # type: ignore[union-attr]
                if left is not None or row[5]:
                    return _word_lemma(row[0], row[2], row[1], (), row[3], None, row[4]), True
        if not WORDLIKE.search(form):  # punctuation, numbers, symbols
            return _word_lemma(form, (), form, (), True, None, "literal"), True
        analyses = self.analyzer.analyze(form)
        if len(self.lexicon):
            hit = self._lexicon_word(form, analyses)
            if hit is not None:
                return hit, True
        if analyses:
            choice = self.disambiguator.quick_unscored(form, analyses, left is None)
            if choice is not None:
                return _from_choice(choice, analyses), True
        return self._decide(form, left, right)

    def _lexicon_word(
        self, form: str, analyses: tuple[Analysis, ...] | None = None
    ) -> WordLemma | None:
        """The lexicon's reading: an override entry, or an entry for a form Voikko lacks."""
        if not len(self.lexicon) or not WORDLIKE.search(form):
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
        head = self.lexicon.override_head(analyses)
        if head is not None:
            lemma, parts = head.baseform.lower(), tuple(head.compound_parts())
            return WordLemma(lemma, parts, head.marked_lemma().lower(), analyses, True, None,
                             "lexicon")  # fmt: skip
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
        if self.typos is None:
            return base
        probe = fixable_form(form, left is None)
        if probe is None:
            return base
        suspect, analyses = self._suspect(form, probe, base)
        if not suspect:
            return base
        counts = _merge_counts(self.form_counts, form_counts)
        memo = self._memo_for(counts)
        correction = memo.get(probe, _UNSEEN) if memo is not None else _UNSEEN
        if correction is _UNSEEN:
            correction = self.typos.correct(probe, counts, analyses)
            if memo is not None and len(memo) < _CACHE_SIZE:
                memo[probe] = correction
        if correction is None:
            return base
        fixed = self.lemmatize_word(correction.corrected, left, right)  # type: ignore[union-attr]
        readings = fixed.analyses or self.analyzer.analyze(correction.corrected)  # type: ignore[union-attr]
        return WordLemma(fixed.lemma, fixed.parts, fixed.marked, readings, True, form, "typo")

    def _suspect(
        self, form: str, probe: str, base: WordLemma
    ) -> tuple[bool, tuple[Analysis, ...] | None]:
        """Whether the typo fixer must look at ``probe`` (the :func:`fixable_form` of ``form``,
        whose result before fixes is ``base``), and the readings to give it (None: it asks
        Voikko). Counts play no part here."""
        if base.source != "voikko":
            return True, None
        analyses = base.analyses
        if not analyses:  # a decision-table hit: a known word, maybe an accidental compound
            if probe != form:  # a sentence-initial capital: the table has no say on it
                analyses = self.analyzer.analyze(probe)
                return maybe_suspect(probe, analyses), analyses
            return self.table.needs_typo_check(probe), None  # type: ignore[union-attr]
        # a known simple word is never a typo here
        return maybe_suspect(probe, analyses), analyses

    def _memo_for(self, counts: Mapping[str, int] | None) -> dict[str, Any] | None:
        """The typo decisions made under ``counts``, if they are :class:`FrozenCounts` (which
        do not change), else None."""
        if type(counts) is not FrozenCounts:
            return None
        owner, memo, _settled = self._counted
        if owner is None or owner() is not counts:
            memo = {}
            self._counted = (weakref.ref(counts), memo, ({}, {}))
        return memo

    def _settled_for(
        self, form_counts: Mapping[str, int] | None
    ) -> tuple[dict[str, WordLemma], dict[str, WordLemma]] | None:
        """What :meth:`recheck` gives under ``form_counts`` for context-free forms the typo
        fixer leaves as they are (by ``initial``), if the counts are :class:`FrozenCounts` and
        the lemmatizer has none of its own, else None."""
        if self.form_counts is not None or self._memo_for(form_counts) is None:
            return None
        return self._counted[2]

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
        initial = left is None
        probe = fixable_form(form, initial)
        if result.source not in _RECHECKED or probe is None:
            return result
        base = self._free[initial].get(form)
        if base is None:
            base = self._cache.get((form, left, right), result)
            return self._typo_fix(form, base, left, right, form_counts)
        plain = self._plain[initial]
        hit = plain.get(form)
        if hit is not None:
            return hit
        if not self._suspect(form, probe, base)[0]:  # the counts cannot change this form's result
            if len(plain) < _CACHE_SIZE:
                plain[form] = base
            return base
        fixed = self._typo_fix(form, base, left, right, form_counts)
        if fixed is base:  # no fix under these counts, whatever the neighbours
            settled = self._settled_for(form_counts)
            if settled is not None and len(settled[initial]) < _CACHE_SIZE:
                settled[initial][form] = base
        return fixed

    def recheck_sentence(
        self,
        words: list[str],
        results: list[WordLemma],
        form_counts: Mapping[str, int] | None,
    ) -> list[WordLemma]:
        """:meth:`recheck` of every word of a sentence, each with its neighbours as context."""
        n = len(words)
        if n != len(results):
            raise ValueError(f"{n} words but {len(results)} results")
        if not n or not form_counts or self.typos is None or not self.fix_typos:
            return list(results)
        # what recheck gives, found without calling it where it is known: an eligible
        # context-free form whose typo decision no counts change (_plain) or that these counts
        # leave unfixed (settled), a form that may not be corrected at all, a result whose
        # source is never re-checked
        out: list[WordLemma | None] = list(map(self._plain[False].get, words))
        out[0] = self._plain[True].get(words[0])
        ineligible = self._ineligible
        settled = self._settled_for(form_counts) or ({}, {})
        for i, result in enumerate(results):
            if result.source not in _RECHECKED:
                out[i] = result
            elif out[i] is None:
                word = words[i]
                if word in ineligible:
                    out[i] = result
                    continue
                hit = settled[not i].get(word)
                if hit is not None:
                    out[i] = hit
                    continue
                if fixable_form(word, True) is None and len(ineligible) < _CACHE_SIZE:
                    ineligible.add(word)  # not even at a sentence start
                left = words[i - 1] if i else None
                right = words[i + 1] if i + 1 < n else None
                out[i] = self.recheck(word, result, left, right, form_counts)
        return out  # type: ignore[return-value]

    def lemmatize_words(self, words: list[str]) -> list[WordLemma]:
        """Lemmas of a sentence's words, each chosen in its context.

        Python's cyclic garbage collector is paused while this runs (see
        :func:`~vastausanalyysi.nlp.heap.no_gc_pause`).
        """
        if not gc.isenabled():  # already paused (a batch of the component, or the caller's)
            return self._lemmatize_words(words)
        gc.disable()
        try:
            return self._lemmatize_words(words)
        finally:
            gc.enable()

    def lemmatize_sentences(self, sentences: Iterable[list[str]]) -> list[list[WordLemma]]:
        """:meth:`lemmatize_words` of every sentence (the same results), faster for a batch.

        The batch's new word forms (not yet lemmatised, not in the decision table) are analysed
        by Voikko first, all at once (:meth:`VoikkoAnalyzer.prefetch`), then the sentences are
        lemmatised from the analyzer's cache. The garbage collector is paused as in
        :meth:`lemmatize_words`.
        """
        sentences = sentences if isinstance(sentences, list) else list(sentences)
        if not gc.isenabled():
            return self._lemmatize_sentences(sentences)
        gc.disable()
        try:
            return self._lemmatize_sentences(sentences)
        finally:
            gc.enable()

    def _lemmatize_sentences(self, sentences: list[list[str]]) -> list[list[WordLemma]]:
        self.prefetch(sentences)
        lemmatize = self._lemmatize_words
        return [lemmatize(words) for words in sentences]

    def prefetch(self, sentences: list[list[str]]) -> int:
        """Have Voikko analyse the batch's new word forms now, all at once (see
        :meth:`lemmatize_sentences`); returns how many it analysed. Changes no result."""
        return self.analyzer.prefetch(self._new_forms(sentences))

    def _new_forms(self, sentences: list[list[str]]) -> list[str]:
        """The distinct forms of ``sentences`` that the lemmatizer will ask Voikko about, in
        order of first appearance (a form it has lemmatised, a decision-table form and
        punctuation, numbers and symbols left out)."""
        fix = self.typos is not None and self.fix_typos
        done, first = self._done[False, fix], self._done[True, fix]
        rows = self._rows if self._rows is not None else {}
        wordlike = WORDLIKE.search
        return [
            word
            for word in dict.fromkeys(chain.from_iterable(sentences))
            if word not in done and word not in first and word not in rows and wordlike(word)
        ]

    def _lemmatize_words(self, words: list[str]) -> list[WordLemma]:
        n = len(words)
        if not n:
            return []
        if self.form_counts is not None:
            return [
                self.lemmatize_word(word, words[i - 1] if i else None,
                                    words[i + 1] if i + 1 < n else None)
                for i, word in enumerate(words)
            ]  # fmt: skip
        # the per-form results of lemmatize_word, looked up first
        fix = self.typos is not None and self.fix_typos
        done, first = self._done[False, fix], self._done[True, fix]
        out = list(map(done.get, words))
        out[0] = first.get(words[0])
        if all(out):  # every form's result was cached (a WordLemma is never false)
            return out  # type: ignore[return-value]
        # the others: by form and neighbours (what lemmatize_word gives for them, remembered)
        in_context = self._in_context[fix]
        for i, hit in enumerate(out):
            if hit is None:
                word = words[i]
                key = (word, words[i - 1] if i else None, words[i + 1] if i + 1 < n else None)
                hit = in_context.get(key)
                if hit is None:
                    hit = self.lemmatize_word(*key)
                    if word not in (done if i else first) and len(in_context) < _CACHE_SIZE:
                        in_context[key] = hit
                out[i] = hit
        return out  # type: ignore[return-value]

    def _lemmatize(self, form: str, left: str | None, right: str | None) -> WordLemma:
        return self._decide(form, left, right)[0]

    def _decide(self, form: str, left: str | None, right: str | None) -> tuple[WordLemma, bool]:
        """The lemma of ``form`` in context, and whether the neighbours played no part."""
        if not WORDLIKE.search(form):  # punctuation, numbers, symbols
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
        if form.lower() in CONTEXT_FORMS:
            verb = (
                defective_verb_form(form, self.analyzer)
                or connegative(form, left, self.analyzer)
                or subject_verb(form, left, self.analyzer)
                or initial_imperative(form, left, right, self.analyzer)
                or partitive_noun(form, left, right, self.analyzer)
            )
            if verb is not None:
                choice = Choice(verb.baseform, verb, verb.baseform, "v")
            return _from_choice(choice, analyses), False
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


_DEFAULT_ENTRIES: list[frozenset] = []


def _default_lexicon_only(lexicon: Lexicon) -> bool:
    """Whether ``lexicon`` has no entry beyond the default lexicon's (then the decision table,
    which holds no form the default lexicon decides, gives what the lexicon would)."""
    if not _DEFAULT_ENTRIES:
        _DEFAULT_ENTRIES.append(frozenset(default_entries()))
    return all(entry in _DEFAULT_ENTRIES[0] for entry in lexicon)


_KNOWN_SOURCES = frozenset({"mem", "colloquial", "colon"})
_RECHECKED = frozenset({"unknown", "voikko", "typo"})
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


class FrozenCounts(dict):
    """Word-form counts that do not change (a dict that refuses changes): the lemmatizer
    remembers the typo decisions made under such counts, per form, while they are in use."""

    def _frozen(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("FrozenCounts cannot be changed")

    __setitem__ = __delitem__ = _frozen  # type: ignore[assignment]
    update = pop = popitem = clear = setdefault = _frozen  # type: ignore[assignment]
    __ior__ = _frozen  # type: ignore[assignment]


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


# The spaCy component's names, importable from here as before (the component's module imports
# this one, so they are looked up only when asked for).
__all__ = ["FrozenCounts", "Lemmatizer", "WordLemma"]
