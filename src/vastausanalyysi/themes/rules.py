"""The rule tagger: codebook patterns over lemmas and compound parts, with evidence.

Every code the tagger gives comes with evidence: the tokens (surface form, lemma, character
offsets) that triggered it and the rule that fired, e.g. ``part:perhekeskus`` for
"perhekeskusyhteistyö" or ``phrase:terveys edistää`` for "terveyden edistäminen".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.clauses import existential_negated, negated_tokens
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import ANY_WORD, Code, Codebook, Phrase, norm_term
from vastausanalyysi.themes.tokens import is_word, token_ext

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
    """Lemma keys of a token for matching (lemma, compound-part runs, marked-lemma runs)."""
    lemma = token.lemma_ or token.text
    whole = norm_term(lemma)
    heads, mods, every = {whole}, set(), {whole}
    parts = [norm_term(p) for p in (token_ext(token, "compound_parts") or []) if p]
    sources = [parts]
    marked = token_ext(token, "lemma_marked")
    if isinstance(marked, str) and "#" in marked:
        sources.append([norm_term(p) for p in marked.split("#") if p])
    if "-" in lemma.strip("-"):
        sources.append([norm_term(p) for p in lemma.split("-") if p])
    for seq in sources:
        h, m, e = _runs(seq)
        heads |= h
        mods |= m
        every |= e
    known = bool(token_ext(token, "is_known", True))
    # a phrase element matches the whole lemma ("=lemma" too), a compound head run, or, for an
    # unknown word, its normalised surface
    match = {whole, "=" + whole, *heads}
    if not known:
        match.add(norm_term(token.text))
    return WordView(
        index=token.i,
        surface=token.text,
        lemma=lemma,
        whole=whole,
        heads=frozenset(heads),
        modifiers=frozenset(mods),
        inner=frozenset(every),
        parts=tuple(parts),
        known=known,
        start=token.idx,
        end=token.idx + len(token.text),
        match=frozenset(match),
    )


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

    # -- matching -------------------------------------------------------------------------------

    def _word_hits(self, w: WordView) -> list[tuple[str, str, str]]:
        """(code, rule, term) hits of one word."""
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

    def _is_role(self, token: Token, w: WordView) -> bool:
        """A job title in the essive ("perhekeskusjohtajana"): codebook rule 4."""
        if not self.codebook.role_heads:
            return False
        low = token.text.lower()
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
        n = len(doc)
        for i, token in enumerate(doc):
            if i == 0 or doc[i - 1].text not in _QUOTE_END:
                continue
            if norm_term(token.lemma_ or token.text) not in _SPEECH:
                continue
            j = i + 1
            while j < n and doc[j].text not in _SENT_END and j - i <= 6:
                j += 1
            span = range(i + 1, j)
            if any(self._has_role(doc[k]) for k in span if is_word(doc[k])):
                out.update(span)
        colon = next((k for k, t in enumerate(doc[:6]) if t.text == ":"), None)
        if colon and is_word(doc[colon - 1]) and self._has_role(doc[colon - 1]):
            out.update(range(colon))
        return out

    @staticmethod
    def _phrase_spans(phrase: Phrase, words: list[WordView]) -> Iterable[tuple[int, int]]:
        n = len(phrase)
        wild = [opts is ANY_WORD or opts == ANY_WORD for opts in phrase]
        first, first_wild = phrase[0], wild[0]
        for i in range(len(words) - n + 1):
            if not first_wild and first.isdisjoint(words[i].match):
                continue
            if all(wild[k] or not phrase[k].isdisjoint(words[i + k].match) for k in range(1, n)):
                yield i, i + n

    def tag_doc(self, doc: Doc) -> RuleResult:
        """Codes and evidence for one Doc."""
        cb = self.codebook
        tokens = [t for t in doc if is_word(t)]
        words = [word_view(t) for t in tokens]
        negated = negated_tokens(doc, cb.polarity) | existential_negated(doc, cb.polarity)
        evidence: dict[str, dict[tuple[int, int, str], Evidence]] = {}
        attribution = self._attribution(doc)

        # tokens blocked per code by exclusion phrases
        blocked: dict[str, set[int]] = {}
        for code in cb.codes.values():
            for phrase in code.exclude_phrases:
                for a, b in self._phrase_spans(phrase, words):
                    blocked.setdefault(code.id, set()).update(w.index for w in words[a:b])

        def add(cid: str, group: list[WordView], rule: str) -> None:
            start, end = group[0].start, group[-1].end
            key = (start, end, rule)
            bucket = evidence.setdefault(cid, {})
            if key in bucket:
                return
            bucket[key] = {
                "surface": doc.text[start:end],
                "lemma": " ".join(w.lemma for w in group),
                "rule": rule,
                "source": "rule",
                "start": start,
                "end": end,
                "negated": any(w.index in negated for w in group),
            }

        for token, w in zip(tokens, words, strict=True):
            hits = self._word_hits(w)
            if not hits:
                continue
            role = self._is_role(token, w) or token.i in attribution
            for cid, rule, term in hits:
                code = cb.codes[cid]
                if role and code.kind == "area":
                    continue
                if w.index in blocked.get(cid, ()):
                    continue
                if self._excluded(code, w, term, rule):
                    continue
                add(cid, [w], f"{rule}:{term}")

        for code in cb.codes.values():
            for phrase in code.phrases:
                for a, b in self._phrase_spans(phrase, words):
                    group = words[a:b]
                    if any(w.index in blocked.get(code.id, ()) for w in group):
                        continue
                    if code.kind == "area" and all(w.index in attribution for w in group):
                        continue
                    label = " ".join(
                        sorted(opts)[0] if len(opts) == 1 else "|".join(sorted(opts))
                        for opts in phrase
                    )
                    add(code.id, group, f"phrase:{label}")

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


__all__ = ["Evidence", "RuleResult", "RuleTagger", "WordView", "is_word", "word_view"]
