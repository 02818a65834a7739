"""The rule tagger: codebook patterns over lemmas and compound parts, with evidence.

Every code the tagger gives comes with evidence: the tokens (surface form, lemma, character
offsets) that triggered it and the rule that fired, e.g. ``part:perhekeskus`` for
"perhekeskusyhteistyö" or ``phrase:terveys edistää`` for "terveyden edistäminen".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.clauses import existential_negated, negated_tokens
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import ANY_WORD, Code, Codebook, Phrase, norm_term
from vastausanalyysi.themes.tokens import (
    doc_cache,
    doc_text,
    doc_texts,
    is_word,
    token_ext,
    word_flags,
)

Evidence = dict[str, Any]

#: Speech verbs of a news attribution ("…, kertoo perhekeskuksen koordinaattori.").
_SPEECH = frozenset(
    {
        "kertoa",
        "todeta",
        "sanoa",
        "muistuttaa",
        "korostaa",
        "painottaa",
        "huomauttaa",
        "arvioida",
        "kommentoida",
        "kuvailla",
        "kuvata",
        "iloita",
        "harmitella",
        "summata",
        "tiivistää",
        "jatkaa",
    }
)
_QUOTE_END = {",", "”", '"', "»", "–", "—"}
_SENT_END = {".", "!", "?"}


@dataclass(frozen=True, slots=True)
class WordView:
    """What the matcher knows of one word: its lemma and the runs of its compound parts."""

    index: int  # token index in the Doc
    surface: str
    lemma: str  # the token's lemma as set by the pipeline
    whole: str  # normalised lemma
    heads: frozenset[str]  # runs that end at the last part (whole included)
    modifiers: frozenset[str]  # runs that end before the last part
    inner: frozenset[str]  # every run (whole included)
    parts: tuple[str, ...]
    known: bool
    start: int
    end: int
    match: frozenset[str] = frozenset()  # what a phrase element matches (see word_view)

    @property
    def keys(self) -> frozenset[str]:
        return self.inner


def _runs(segments: list[str]) -> tuple[set[str], set[str], set[str]]:
    heads, mods, every = set(), set(), set()
    n = len(segments)
    if n < 2:
        return heads, mods, every
    for i in range(n):
        for j in range(i + 1, n + 1):
            key = "".join(segments[i:j])
            if not key:
                continue
            every.add(key)
            (heads if j == n else mods).add(key)
    return heads, mods, every


def word_view(token: Token) -> WordView:
    """Lemma keys of a token for matching (lemma, compound-part runs, marked-lemma runs).

    Computed once per token of a Doc (see :func:`word_views`).
    """
    views = doc_cache(token.doc).setdefault("views", {})
    view = views.get(token.i)
    if view is None:
        view = views[token.i] = _word_view(token)
    return view


def word_views(doc: Doc) -> list[WordView]:
    """The views of the Doc's words (tokens that pass :func:`is_word`), in order."""
    cache = doc_cache(doc)
    views = cache.get("word_views")
    if views is None:
        flags = word_flags(doc)
        views = [word_view(t) for t, w in zip(doc, flags, strict=True) if w]
        cache["word_views"] = views
    return views


#: What a word's view depends on -> the view's word-level fields (shared by equal words).
_LEXICAL: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_LEXICAL_MAX = 200_000


def _lexical(
    text: str, lemma_: str, raw_parts: tuple[str, ...], marked: str | None, known: bool
) -> tuple[Any, ...]:
    lemma = lemma_ or text
    whole = norm_term(lemma)
    heads, mods, every = {whole}, set(), {whole}
    parts = [norm_term(p) for p in raw_parts if p]
    sources = [parts]
    if marked is not None and "#" in marked:
        sources.append([norm_term(p) for p in marked.split("#") if p])
    if "-" in lemma.strip("-"):
        sources.append([norm_term(p) for p in lemma.split("-") if p])
    for seq in sources:
        h, m, e = _runs(seq)
        heads |= h
        mods |= m
        every |= e
    # a phrase element matches the whole lemma ("=lemma" too), a compound head run, or, for an
    # unknown word, its normalised surface
    match = {whole, "=" + whole, *heads}
    if not known:
        match.add(norm_term(text))
    return (
        lemma,
        whole,
        frozenset(heads),
        frozenset(mods),
        frozenset(every),
        tuple(parts),
        known,
        frozenset(match),
    )


def _word_view(token: Token) -> WordView:
    text = token.text
    marked = token_ext(token, "lemma_marked")
    key = (
        text,
        token.lemma_,
        tuple(token_ext(token, "compound_parts") or ()),
        marked if isinstance(marked, str) else None,
        bool(token_ext(token, "is_known", True)),
    )
    lex = _LEXICAL.get(key)
    if lex is None:
        if len(_LEXICAL) >= _LEXICAL_MAX:
            _LEXICAL.clear()
        lex = _LEXICAL[key] = _lexical(*key)
    lemma, whole, heads, mods, every, parts, known, match = lex
    start = token.idx
    return WordView(
        index=token.i,
        surface=text,
        lemma=lemma,
        whole=whole,
        heads=heads,
        modifiers=mods,
        inner=every,
        parts=parts,
        known=known,
        start=start,
        end=start + len(text),
        match=match,
    )


@dataclass(frozen=True, slots=True)
class CompiledPhrase:
    """A codebook phrase ready for matching: its elements, wildcards, first keys and label."""

    elements: Phrase
    wild: tuple[bool, ...]
    first: frozenset[str] | None  # what the first word must match (None: any word)
    label: str  # "terveys edistää", alternatives joined by "|"

    @classmethod
    def of(cls, phrase: Phrase) -> CompiledPhrase:
        wild = tuple(opts is ANY_WORD or opts == ANY_WORD for opts in phrase)
        label = " ".join(
            sorted(opts)[0] if len(opts) == 1 else "|".join(sorted(opts)) for opts in phrase
        )
        return cls(phrase, wild, None if wild[0] else phrase[0], label)

    def spans(self, words: list[WordView], index: dict[str, list[int]]) -> list[tuple[int, int]]:
        """(start, end) word positions where the phrase matches, in order.

        ``index`` maps each match key to the positions of the words that have it, so only the
        words that can start the phrase are looked at.
        """
        n = len(self.elements)
        limit = len(words) - n + 1
        if limit <= 0:
            return []
        if self.first is None:
            starts: Iterable[int] = range(limit)
        else:
            found = [i for key in self.first for i in index.get(key, ())]
            if not found:
                return []
            starts = sorted({i for i in found if i < limit})
        elements, wild = self.elements, self.wild
        return [
            (i, i + n)
            for i in starts
            if all(wild[k] or not elements[k].isdisjoint(words[i + k].match) for k in range(1, n))
        ]


class PhraseSet:
    """Compiled phrases with an index of their first keys: which phrases can match a Doc."""

    def __init__(self, items: Iterable[tuple[Any, Phrase]]):
        self.items = [(owner, CompiledPhrase.of(p)) for owner, p in items]
        self._by_first: dict[str, list[int]] = {}
        self._any_first: list[int] = []
        for k, (_owner, phrase) in enumerate(self.items):
            if phrase.first is None:
                self._any_first.append(k)
            else:
                for key in phrase.first:
                    self._by_first.setdefault(key, []).append(k)

    def matches(
        self, words: list[WordView], index: dict[str, list[int]]
    ) -> Iterator[tuple[Any, CompiledPhrase, int, int]]:
        """(owner, phrase, start, end) of every match, in the order of the phrases."""
        by_first = self._by_first
        if len(index) < len(by_first):
            hit = {k for key in index for k in by_first.get(key, ())}
        else:
            hit = {k for key in by_first if key in index for k in by_first[key]}
        hit.update(self._any_first)
        items = self.items
        for k in sorted(hit):
            owner, phrase = items[k]
            for a, b in phrase.spans(words, index):
                yield owner, phrase, a, b


def match_index(words: list[WordView]) -> dict[str, list[int]]:
    """Match key -> positions (ascending) of the words that have it."""
    index: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        for key in w.match:
            index.setdefault(key, []).append(i)
    return index


@dataclass
class RuleResult:
    """Codes of one text with their evidence."""

    areas: list[str] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        return [*self.areas, *self.mechanisms]


class RuleTagger:
    """Tags Docs with the codes of a :class:`Codebook` and records the evidence."""

    def __init__(self, codebook: Codebook | None = None):
        self.codebook = codebook or load_codebook()
        self._index: dict[str, dict[str, list[str]]] = {
            f: {} for f in ("lemmas", "words", "heads", "modifiers")
        }
        for code in self.codebook.codes.values():
            for f in self._index:
                for term in getattr(code, f):
                    self._index[f].setdefault(term, []).append(code.id)
        self._prefixes = [(c.id, p) for c in self.codebook.codes.values() for p in c.prefixes]
        codes = list(self.codebook.codes.values())
        self._exclusions = PhraseSet((c.id, p) for c in codes for p in c.exclude_phrases)
        self._phrases = PhraseSet((c, p) for c in codes for p in c.phrases)
        self._hits: dict[tuple[Any, ...], list[tuple[str, str, str]]] = {}

    # -- matching -------------------------------------------------------------------------------

    def _word_hits(self, w: WordView) -> list[tuple[str, str, str]]:
        """(code, rule, term) hits of one word (remembered for words seen before)."""
        key = (w.whole, w.inner, w.heads, w.modifiers, w.surface)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._find_hits(w)
            if len(self._hits) >= 100_000:
                self._hits.clear()
            self._hits[key] = hits
        return hits

    def _find_hits(self, w: WordView) -> list[tuple[str, str, str]]:
        hits: list[tuple[str, str, str]] = []
        idx = self._index
        for term in (w.whole,):
            for f in ("lemmas", "words", "heads"):
                for cid in idx[f].get(term, ()):
                    hits.append((cid, "lemma", term))
        for term in w.inner - {w.whole}:
            for cid in idx["lemmas"].get(term, ()):
                hits.append((cid, "part", term))
        for term in w.heads - {w.whole}:
            for cid in idx["heads"].get(term, ()):
                hits.append((cid, "head", term))
        for term in w.modifiers:
            for cid in idx["modifiers"].get(term, ()):
                hits.append((cid, "modifier", term))
        # surface prefixes: for words Voikko does not know, and as a safety net when a known
        # word's lemma is off ("kiinteistöt" left unlemmatised)
        low = w.surface.lower()
        found = {h[0] for h in hits}
        for cid, prefix in self._prefixes:
            if cid not in found and low.startswith(prefix):
                hits.append((cid, "prefix", prefix))
                found.add(cid)
        return hits

    @staticmethod
    def _excluded(code: Code, w: WordView, term: str, rule: str) -> bool:
        if code.exclude_surface:
            low = w.surface.lower()
            if any(s in low for s in code.exclude_surface):
                return True
        if not code.exclude:
            return False
        if w.whole in code.exclude:
            return True
        if rule == "prefix":
            low = norm_term(w.surface)
            return any(low.startswith(e) for e in code.exclude)
        return any(term in e for e in code.exclude & w.inner)

    def _is_role(self, w: WordView) -> bool:
        """A job title in the essive ("perhekeskusjohtajana"): codebook rule 4."""
        if not self.codebook.role_heads:
            return False
        low = w.surface.lower()
        if not (low.endswith("na") or low.endswith("nä")):
            return False
        if any(h in self.codebook.role_heads for h in w.heads if h != w.whole or w.parts):
            return True
        # unknown compounds ("perhekeskusjohtajana"): a title stem inside the surface form
        return not w.parts and any(h[:-1] in low[1:] for h in self.codebook.role_heads)

    def _has_role(self, token: Token) -> bool:
        w = word_view(token)
        return bool(self.codebook.role_heads & (w.heads | {w.whole}))

    def _attribution(self, doc: Doc) -> set[int]:
        """Tokens of a speaker attribution naming a job title (codebook rule 4).

        "…, kertoo perhekeskuksen koordinaattori." (a speech verb after a comma or a quote, to the
        end of the sentence) and a headline prefix "Työllisyysalueen johtaja: …" name the speaker's
        job, not the topic: they give no area.
        """
        out: set[int] = set()
        if not self.codebook.role_heads:
            return out
        texts = doc_texts(doc)
        flags = word_flags(doc)
        n = len(texts)
        for i in range(1, n):
            if texts[i - 1] not in _QUOTE_END:
                continue
            token = doc[i]
            if norm_term(token.lemma_ or token.text) not in _SPEECH:
                continue
            j = i + 1
            while j < n and texts[j] not in _SENT_END and j - i <= 6:
                j += 1
            span = range(i + 1, j)
            if any(self._has_role(doc[k]) for k in span if flags[k]):
                out.update(span)
        colon = texts.index(":", 0, 6) if ":" in texts[:6] else None
        if colon and flags[colon - 1] and self._has_role(doc[colon - 1]):
            out.update(range(colon))
        return out

    def tag_doc(self, doc: Doc) -> RuleResult:
        """Codes and evidence for one Doc."""
        cb = self.codebook
        words = word_views(doc)
        index = match_index(words)
        text = doc_text(doc)
        negated = negated_tokens(doc, cb.polarity) | existential_negated(doc, cb.polarity)
        evidence: dict[str, dict[tuple[int, int, str], Evidence]] = {}
        attribution = self._attribution(doc)

        # tokens blocked per code by exclusion phrases
        blocked: dict[str, set[int]] = {}
        for cid, _phrase, a, b in self._exclusions.matches(words, index):
            blocked.setdefault(cid, set()).update(w.index for w in words[a:b])

        def add(cid: str, group: list[WordView], rule: str) -> None:
            start, end = group[0].start, group[-1].end
            key = (start, end, rule)
            bucket = evidence.setdefault(cid, {})
            if key in bucket:
                return
            bucket[key] = {
                "surface": text[start:end],
                "lemma": " ".join(w.lemma for w in group),
                "rule": rule,
                "source": "rule",
                "start": start,
                "end": end,
                "negated": any(w.index in negated for w in group),
            }

        for w in words:
            hits = self._word_hits(w)
            if not hits:
                continue
            role = self._is_role(w) or w.index in attribution
            for cid, rule, term in hits:
                code = cb.codes[cid]
                if role and code.kind == "area":
                    continue
                if w.index in blocked.get(cid, ()):
                    continue
                if self._excluded(code, w, term, rule):
                    continue
                add(cid, [w], f"{rule}:{term}")

        for code, phrase, a, b in self._phrases.matches(words, index):
            group = words[a:b]
            if any(w.index in blocked.get(code.id, ()) for w in group):
                continue
            if code.kind == "area" and all(w.index in attribution for w in group):
                continue
            add(code.id, group, f"phrase:{phrase.label}")

        result = RuleResult()
        for cid in cb.areas:
            if cid in evidence:
                result.areas.append(cid)
        for cid in cb.mechanisms:
            if cid in evidence:
                result.mechanisms.append(cid)
        result.evidence = {
            cid: sorted(evidence[cid].values(), key=lambda e: (e["start"], e["end"], e["rule"]))
            for cid in result.codes
        }
        return result

    def tag_docs(self, docs: Iterable[Doc]) -> list[RuleResult]:
        """Codes and evidence for many Docs, in order."""
        return [self.tag_doc(doc) for doc in docs]


__all__ = [
    "CompiledPhrase",
    "Evidence",
    "PhraseSet",
    "RuleResult",
    "RuleTagger",
    "WordView",
    "is_word",
    "match_index",
    "word_view",
    "word_views",
]
