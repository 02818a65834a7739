"""Choosing one lemma for a word form among its candidates, by form and context.

:func:`vastausanalyysi.nlp.candidates.generate` lists the candidates (Voikko's base forms and the
UD conventions built from them); a linear ranker scores each with features of the analysis, of a
form → lemma memory learned from annotated text, of the lemma's frequency and of the neighbouring
words, and the best one wins. Context-free scores are cached per form, so the per-token cost is a
few dictionary look-ups. The learned parameters live in ``vastausanalyysi/data/lemma_model.json``
(see ``models/lemma_model.md`` and ``scripts/train_lemma_model.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from vastausanalyysi._resources import data_file
from vastausanalyysi.nlp import candidates
from vastausanalyysi.nlp.candidates import Candidate
from vastausanalyysi.nlp.reading_rules import prefer_reading, preferred_candidate
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer

MODEL_RESOURCE = "lemma_model.json"


class Choice(NamedTuple):
    """The chosen lemma, the analysis it comes from (None for a rule's lemma) and its marking."""

    lemma: str
    analysis: Analysis | None
    marked: str = ""
    source: str = "voikko"


@dataclass(slots=True)
class _Scored:
    candidates: list[Candidate]
    base: list[float]
    context_keys: list[str]
    top: int
    margin: float
    free: bool  # the context cannot change the choice (margin ≥ ``context_margin``)
    choices: dict[tuple[int, bool], Choice]


_PROPER = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})
_UNSEEN = object()
_COLLOQUIAL = candidates.COLLOQUIAL


def _bucket(value: float) -> str:
    if value <= 0:
        return "0"
    if value < 0.25:
        return "lt25"
    if value < 0.5:
        return "lt50"
    if value < 0.75:
        return "lt75"
    return "ge75"


_COUNT_BUCKETS = [str(i) for i in range(9)]


def _count_bucket(count: int) -> str:
    return _COUNT_BUCKETS[min((count + 1).bit_length() - 1, 8)]


def word_shape(word: str | None, vocab: frozenset[str] | set[str]) -> str:
    """A neighbour word as a context key: itself when frequent, else its shape."""
    if word is None:
        return "<s>"
    low = word.lower()
    if low in vocab:
        return low
    if not candidates.is_wordlike(word):
        return "<num>" if any(ch.isdigit() for ch in word) else "<punct>"
    return "<cap>" if word[:1].isupper() else "<low>"


class Disambiguator:
    """Picks the lemma of a word form from its analyses and its neighbours.

    ``model`` is the parsed JSON model (default: the one shipped with the package); pass
    ``model={}`` for an untrained chooser that only knows the conventions' default preferences.
    """

    def __init__(
        self, model: dict[str, Any] | None = None, analyzer: VoikkoAnalyzer | None = None
    ) -> None:
        if model is None:
            model = load_model()
        self.model = model
        self.analyzer = analyzer
        self.weights: dict[str, float] = model.get("weights", {})
        self.memory: dict[str, dict[str, int]] = model.get("memory", {})
        self.lemma_freq: dict[str, int] = model.get("lemma_freq", {})
        self.vocab: frozenset[str] = frozenset(model.get("context_vocab", []))
        self.compound_memory: dict[str, str] = model.get("compound_memory", {})
        self.left_pieces: dict[str, list[int]] = model.get("left_pieces", {})
        self.kind_rates: dict[str, float] = model.get("kind_rates", {"c": 1.0, "m": 1.0, "h": 1.0})
        self.context_margin: float = float(model.get("context_margin", 1e9))
        self.cache_size = 500_000
        self._forms: dict[str, _Scored] = {}
        self._mem_low: dict[str, dict[str, int] | None] = {}
        self._mem_sum: dict[str, tuple | None] = {}
        self._group_weights: dict[tuple, float] = {}
        self._freq_buckets: dict[str, str] = {}
        self._neighbours: dict[str | None, tuple[str, str]] = {}
        #: form → class as a neighbour, known without asking Voikko (the decision table's)
        self.neighbour_classes: Mapping[str, str] = {}

    # -- features ----------------------------------------------------------------------------

    def candidates(self, form: str, analyses: tuple[Analysis, ...]) -> list[Candidate]:
        """Candidates with their context-free evidence complete (a ``"rank"`` group added)."""
        cands = candidates.generate(form, analyses, self.memory)
        for c, rank in zip(cands, self._rank_groups(form, cands), strict=True):
            c.groups.append(rank)
        return cands

    def _pair_score(self, first: tuple, rank: tuple) -> float:
        """Score of a candidate with one reading group and its rank group (cached group sums)."""
        gw = self._group_weights
        w0 = gw.get(first)
        if w0 is None:
            w0 = gw[first] = self._score(candidates.group_features(first))
        w1 = gw.get(rank)
        if w1 is None:
            w1 = gw[rank] = self._score(candidates.group_features(rank))
        return w0 + w1

    def _rank_groups(self, form: str, cands: list[Candidate]) -> list[tuple]:
        """Each candidate's ``"rank"`` group: source, memory share, lemma frequency, casing."""
        low = form.lower()
        seen = self._memory_lower(low)
        if seen:
            total = sum(seen.values())
            top = max(seen.values())
            n_bucket = _count_bucket(total)
        cap = "cap" if form[:1].isupper() else "low"
        freq = self.lemma_freq
        buckets = self._freq_buckets
        out = []
        for c in cands:
            key = c.lemma.lower()
            if seen:
                n = seen.get(key, 0)
                mem: tuple | None = (_bucket(n / total), n_bucket, bool(n and n == top))
            else:
                mem = None
            lf = buckets.get(key)
            if lf is None:
                lf = buckets[key] = _count_bucket(freq.get(key, 0))
            a = c.analysis
            n_analyses = c.n_analyses
            out.append(
                (
                    "rank",
                    c.source,
                    mem,
                    lf,
                    cap,
                    key == low,
                    a is not None and a.word_class in _PROPER,
                    n_analyses if n_analyses < 3 else 3,
                )
            )
        return out

    def _memory_lower(self, low: str) -> dict[str, int] | None:
        hit = self._mem_low.get(low, _UNSEEN)
        if hit is not _UNSEEN:
            return hit  # type: ignore[return-value]
        seen = self.memory.get(low)
        out: dict[str, int] | None = None
        if seen:
            out = {}
            for lemma, n in seen.items():
                k = lemma.lower()
                out[k] = out.get(k, 0) + n
        if len(self._mem_low) < self.cache_size:
            self._mem_low[low] = out
        return out

    def _memory_summary(self, low: str) -> tuple[dict[str, int], int, int, str] | None:
        """The form's memory lower-cased, with its total, top count and count bucket."""
        hit = self._mem_sum.get(low, _UNSEEN)
        if hit is _UNSEEN:
            seen = self._memory_lower(low)
            hit = None
            if seen:
                total = sum(seen.values())
                hit = (seen, total, max(seen.values()), _count_bucket(total))
            if len(self._mem_sum) < self.cache_size:
                self._mem_sum[low] = hit
        return hit  # type: ignore[return-value]

    @staticmethod
    def coarse(c: Candidate) -> str:
        """The candidate's class for context features."""
        if c.analysis is not None and c.source in {"v", "pron_sg"}:
            return f"{c.source}:{c.analysis.word_class}"
        return c.source

    def _neighbour(self, word: str | None) -> tuple[str, str]:
        hit = self._neighbours.get(word)
        if hit is None:
            hit = self._neighbours[word] = (
                word_shape(word, self.vocab),
                self._neighbour_class(word),
            )
        return hit

    def _neighbour_class(self, word: str | None) -> str:
        known = self.neighbour_classes.get(word)  # type: ignore[arg-type]
        if known is not None:
            return known
        if word is None or self.analyzer is None or not candidates.is_wordlike(word):
            return "-"
        analyses = self.analyzer.analyze(word)
        if not analyses:
            return "unk"
        a = analyses[0]
        return f"{a.word_class}|{a.case or '-'}"

    def context_features(
        self, form: str, c: Candidate, left: str | None, right: str | None
    ) -> list[str]:
        """Features of ``c`` in its context (the same strings at training and run time)."""
        k = self.coarse(c)
        lk = word_shape(left, self.vocab)
        rk = word_shape(right, self.vocab)
        return [
            f"L={lk}|{k}",
            f"R={rk}|{k}",
            f"LC={self._neighbour_class(left)}|{k}",
            f"RC={self._neighbour_class(right)}|{k}",
            f"initial={left is None}|{k}|{form[:1].isupper()}",
        ]

    def featurize(
        self,
        form: str,
        analyses: tuple[Analysis, ...],
        left: str | None = None,
        right: str | None = None,
    ) -> list[tuple[Candidate, list[str]]]:
        """Every candidate with its full feature list (used by the training script)."""
        cands = self.candidates(form, analyses)
        return [(c, [*c.features, *self.context_features(form, c, left, right)]) for c in cands]

    # -- scoring -----------------------------------------------------------------------------

    def _score(self, feats: Any) -> float:
        """The full path: the sum of the weights of feature strings."""
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def quick_unscored(
        self, form: str, analyses: tuple[Analysis, ...], initial: bool
    ) -> Choice | None:
        """:meth:`quick` for a form whose candidates were not scored yet (None for a scored one:
        its cached scores answer faster)."""
        if form in self._forms:
            return None
        return self.quick(form, analyses, initial)

    def quick(self, form: str, analyses: tuple[Analysis, ...], initial: bool) -> Choice | None:
        """The context-free choice for a form Voikko knows, without candidate objects.

        The same candidates, scores and choice as :meth:`decide` (the test suite checks it), at
        a fraction of the cost: this is the path of most new forms. None when the neighbours
        could change the choice, and for the rarer kinds of form (words Voikko does not know,
        colloquial pronouns, ``H&M:n``) or an untrained model: then :meth:`decide` does it all.
        """
        if not analyses or not self.weights:
            return None
        low = form.lower()
        if ":" in form or low in _COLLOQUIAL:
            return None
        # the candidates of candidates.generate(), as parallel lists in the same order
        index: dict[str, int] = {}
        lemmas: list[str] = []
        sources: list[str] = []
        readings: list[Analysis | None] = []
        groups: list[list[tuple]] = []
        counts: list[int] = []

        def add(lemma: str, a: Analysis | None, group: tuple) -> None:
            key = lemma.lower()
            i = index.get(key)
            if i is None:
                index[key] = len(lemmas)
                lemmas.append(lemma)
                sources.append(group[0])
                readings.append(a)
                groups.append([group])
                counts.append(0 if a is None else 1)
                return
            if readings[i] is None and a is not None:
                readings[i] = a
            if group not in groups[i]:
                groups[i].append(group)
            if a is not None:
                counts[i] += 1

        candidates.add_reading_candidates(analyses, add)
        add(low.strip("-") or low, None, ("surface", "known", low[-3:]))
        seen_raw = self.memory.get(low)
        if seen_raw:
            for lemma in seen_raw:
                add(lemma, None, ("mem",))

        mem_info = self._memory_summary(low) if seen_raw else None
        cap = "cap" if form[:1].isupper() else "low"
        freq = self.lemma_freq
        buckets = self._freq_buckets
        best_i, best, second = 0, -1e18, -1e18
        for i, key in enumerate(index):
            if mem_info is not None:
                seen, total, top, n_bucket = mem_info
                n = seen.get(key, 0)
                mem: tuple | None = (_bucket(n / total), n_bucket, bool(n and n == top))
            else:
                mem = None
            lf = buckets.get(key)
            if lf is None:
                lf = buckets[key] = _count_bucket(freq.get(key, 0))
            a = readings[i]
            n_analyses = counts[i]
            rank = (
                "rank",
                sources[i],
                mem,
                lf,
                cap,
                key == low,
                a is not None and a.word_class in _PROPER,
                n_analyses if n_analyses < 3 else 3,
            )
            g = groups[i]
            score = self._pair_score(g[0], rank) if len(g) == 1 else self._groups_score([*g, rank])
            if score > best:
                best_i, second, best = i, best, score
            elif score > second:
                second = score
        if len(lemmas) > 1 and best - second < self.context_margin:
            return None
        best_i = prefer_reading(best_i, lemmas, readings, sources, freq)
        c = Candidate(lemmas[best_i], sources[best_i], readings[best_i], groups[best_i])
        lemma = self.display(form, c, initial)
        return Choice(lemma, c.analysis, self.mark(lemma, c), c.source)

    def _groups_score(self, groups: list[tuple]) -> float:
        """:meth:`score` of a candidate with these groups."""
        n = len(groups)
        if (n > 2 and len({g[0] for g in groups}) < n) or (n == 2 and groups[0][0] == groups[1][0]):
            feats: set[str] = set()
            for group in groups:
                feats.update(candidates.group_features(group))
            return self._score(feats)
        gw = self._group_weights
        total = 0.0
        for g in groups:
            weight = gw.get(g)
            if weight is None:
                weight = gw[g] = self._score(candidates.group_features(g))
            total += weight
        return total

    def score(self, c: Candidate) -> float:
        """The context-free score of a candidate from cached per-group sums.

        Equal to ``self._score(c.features)`` (up to float rounding): groups of different kinds
        share no feature string, so their sums add; candidates with two groups of one kind (two
        readings giving the same lemma) fall back to the union of the strings.
        """
        return self._groups_score(c.groups)

    def _scored_candidates(
        self, form: str, analyses: tuple[Analysis, ...]
    ) -> tuple[list[Candidate], list[float]]:
        """``candidates()`` and ``score()`` in one pass (the hot path; the test suite checks that
        the scores equal the full feature path's)."""
        cands = candidates.generate(form, analyses, self.memory)
        scores = []
        for c, rank in zip(cands, self._rank_groups(form, cands), strict=True):
            groups = c.groups
            groups.append(rank)
            if len(groups) == 2:
                scores.append(self._pair_score(groups[0], rank))
            else:
                scores.append(self.score(c))
        return cands, scores

    def _scored(self, form: str, analyses: tuple[Analysis, ...]) -> _Scored:
        """The form's context-free scores; cached per form when the context can matter."""
        hit = self._forms.get(form)
        if hit is not None:
            return hit
        if not self.weights:  # untrained: prefer Voikko's readings, then fewer segments
            cands = self.candidates(form, analyses)
            base = [_default_score(form, c) for c in cands]
        else:
            cands, base = self._scored_candidates(form, analyses)
        if len(cands) > 1:
            top = max(range(len(cands)), key=base.__getitem__)  # the first of equals
            margin = base[top] - max(b for i, b in enumerate(base) if i != top)
        else:
            top, margin = 0, 1e9
        if margin >= self.context_margin or not self.weights:
            # The caller (the Lemmatizer) caches the result; keeping the candidates of every
            # form alive would only make the garbage collector's full passes slower.
            return _Scored(cands, base, [], top, margin, True, {})
        hit = _Scored(cands, base, [self.coarse(c) for c in cands], top, margin, False, {})
        if len(self._forms) < self.cache_size:
            self._forms[form] = hit
        return hit

    def context_free(self, form: str, analyses: tuple[Analysis, ...]) -> bool:
        """Whether the choice for ``form`` ignores its neighbours (sentence start aside)."""
        return self._scored(form, analyses).free

    def choose(
        self,
        form: str,
        analyses: tuple[Analysis, ...],
        left: str | None = None,
        right: str | None = None,
    ) -> Choice:
        """The best lemma of ``form`` between ``left`` and ``right``."""
        return self.decide(form, analyses, left, right)[0]

    def decide(
        self,
        form: str,
        analyses: tuple[Analysis, ...],
        left: str | None = None,
        right: str | None = None,
    ) -> tuple[Choice, bool]:
        """The best lemma of ``form`` in context, and whether the context played no part.

        A context-free choice still depends on ``left is None`` (sentence start) through the
        spelling of capitalised words; it is not cached here (cache it by form and position).
        Choices that depended on the context are cached per form and candidate.
        """
        choice = self.quick_unscored(form, analyses, left is None)
        if choice is not None:
            return choice, True
        scored = self._scored(form, analyses)
        cands = scored.candidates
        if not cands:
            return Choice(form, None, form, "literal"), True
        best = scored.top
        if scored.free:
            c = cands[preferred_candidate(best, cands, self.lemma_freq)]
            lemma = self.display(form, c, left is None)
            return Choice(lemma, c.analysis, self.mark(lemma, c), c.source), True
        w = self.weights
        lk, lc = self._neighbour(left)
        rk, rc = self._neighbour(right)
        tail = f"|{form[:1].isupper()}"
        initial = f"initial={left is None}|"
        best_score = -1e18
        base = scored.base
        for i, k in enumerate(scored.context_keys):
            score = (
                base[i]
                + w.get(f"L={lk}|{k}", 0.0)
                + w.get(f"R={rk}|{k}", 0.0)
                + w.get(f"LC={lc}|{k}", 0.0)
                + w.get(f"RC={rc}|{k}", 0.0)
                + w.get(f"{initial}{k}{tail}", 0.0)
            )
            if score > best_score:
                best, best_score = i, score
        best = preferred_candidate(best, cands, self.lemma_freq)
        key = (best, left is None)
        choice = scored.choices.get(key)
        if choice is None:
            c = cands[best]
            lemma = self.display(form, c, left is None)
            choice = scored.choices[key] = Choice(lemma, c.analysis, self.mark(lemma, c), c.source)
        return choice, False

    @staticmethod
    def display(form: str, c: Candidate, initial: bool) -> str:
        """The user-facing spelling of the candidate's lemma (case kept for names only)."""
        a = c.analysis
        if c.source == "v" and a is not None:
            return a.baseform if a.is_proper else c.lemma.lower()
        if c.source in {"surface", "colon", "strip"}:
            if form[:1].isupper() and (not initial or a is None) and not form.isupper():
                return c.lemma
            if form.isupper() and len(form) <= 5:  # acronyms: EU, THL, H&M
                return c.lemma
            return c.lemma.lower()
        if c.source == "mem":
            return c.lemma
        return c.lemma.lower()

    # -- compounds ---------------------------------------------------------------------------

    def mark(self, lemma: str, c: Candidate) -> str:
        """``lemma`` with its compound boundaries marked by '#' (UD Finnish convention)."""
        low = lemma.lower()
        remembered = self.compound_memory.get(low.replace("-", ""))
        if remembered is not None and remembered.replace("#", "") == low.replace("-", ""):
            return _recase(remembered, lemma.replace("-", ""))
        a = c.analysis
        if "-" not in lemma and "#" not in lemma:  # fast path: a simple word stays as it is
            if a is None or c.source == "mem":
                return lemma
            fst = a.fields.get("FSTOUTPUT") or ""
            if "[Bc]" not in fst and "=" not in fst:
                return lemma
        cuts: list[int] = []
        if a is not None and c.source != "mem":
            proper = a.is_proper and c.source == "v"
            for offset, kind, left_piece, _right in candidates.boundaries(a, lemma):
                if kind == "h":
                    cuts.append(offset)
                    continue
                if proper:
                    continue
                if self._keep(kind, left_piece):
                    cuts.append(offset)
        marked = candidates.apply_marks(lemma, cuts)
        marked = candidates.hyphen_marks(marked)
        if "#" in marked and self.compound_memory:
            marked = self._remember_spans(marked)
        return marked

    def _keep(self, kind: str, left_piece: str) -> bool:
        stats = self.left_pieces.get(f"{kind}:{left_piece}")
        if stats and stats[1] >= 2:
            return stats[0] * 2 >= stats[1]
        return self.kind_rates.get(kind, 1.0) >= 0.5

    def _remember_spans(self, marked: str) -> str:
        parts = marked.split("#")
        out: list[str] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i + 1, -1):
                span = "".join(parts[i:j]).lower()
                remembered = self.compound_memory.get(span)
                if remembered is not None:
                    out.append(_recase(remembered, "".join(parts[i:j])))
                    i = j
                    break
            else:
                out.append(parts[i])
                i += 1
        return "#".join(out)


def _recase(marked: str, plain: str) -> str:
    """``marked``'s '#' marks put into ``plain`` (same letters, the original case)."""
    out, i = [], 0
    for ch in marked:
        if ch == "#":
            out.append(ch)
        else:
            out.append(plain[i] if i < len(plain) else ch)
            i += 1
    return "".join(out)


def _default_score(form: str, c: Candidate) -> float:
    a = c.analysis
    score = 0.0
    if c.source == "v" and a is not None:
        score += 2.0 - 0.1 * len(a.segments)
        if a.is_proper != form[:1].isupper():
            score -= 1.0
    elif c.source == "mem":
        score += 3.0
    elif c.source in {"colon", "colloquial"}:
        score += 2.5
    elif c.source == "surface" and a is None:
        score += 1.0
    return score


def load_model(path: str | Path | None = None) -> dict[str, Any]:
    """The lemma model: from ``path``, or the package's ``data/lemma_model.json`` ({} if absent)."""
    if path is not None:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return dict(_shipped_model())


@lru_cache(maxsize=1)
def _shipped_model() -> dict[str, Any]:
    resource = data_file(MODEL_RESOURCE)
    if not resource.is_file():
        return {}
    return json.loads(resource.read_text(encoding="utf-8"))
