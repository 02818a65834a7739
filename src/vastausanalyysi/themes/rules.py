"""The rule tagger: codebook patterns over lemmas and compound parts, with evidence.

Every code the tagger gives comes with evidence: the tokens (surface form, lemma, character
offsets) that triggered it and the rule that fired, e.g. ``part:perhekeskus`` for
"perhekeskusyhteistyö" or ``phrase:terveys edistää`` for "terveyden edistäminen".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from vastausanalyysi.themes.clauses import scopes
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import Code, Codebook, norm_term
from vastausanalyysi.themes.phrases import CompiledPhrase, PhraseSet, key_index
from vastausanalyysi.themes.tokens import DocTable, TokenRow, doc_table

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


@dataclass(slots=True)
class WordView:
    """What the matcher knows of one word: its lemma and the runs of its compound parts.

    Read-only (not frozen only because a frozen dataclass is several times slower to make).
    """

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
    match: frozenset[str] = frozenset()  # what a phrase element matches (see tokens._lexical)

    @property
    def keys(self) -> frozenset[str]:
        return self.inner


def word_views(doc: Doc | DocTable) -> list[WordView]:
    """The views of the Doc's words (tokens that are not punctuation, space or a number)."""
    table = doc if isinstance(doc, DocTable) else doc_table(doc)
    views = table.memo.get("word_views")
    if views is None:
        views = table.memo["word_views"] = [
            _view(i, row, start)
            for i, (row, start) in enumerate(zip(table.rows, table.starts, strict=True))
            if row.word
        ]
    return views


def _view(i: int, row: TokenRow, start: int) -> WordView:
    return WordView(
        i,
        row.text,
        row.base,
        row.norm,
        row.heads,
        row.modifiers,
        row.inner,
        row.parts,
        row.known,
        start,
        start + len(row.text),
        row.match,
    )


def match_index(words: list[WordView]) -> dict[str, list[int]]:
    """Match key -> positions (ascending) of the words that have it."""
    return key_index([w.match for w in words])


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

    def _has_role(self, row: TokenRow) -> bool:
        return bool(self.codebook.role_heads & (row.heads | {row.norm}))

    def _attribution(self, table: DocTable) -> set[int]:
        """Tokens of a speaker attribution naming a job title (codebook rule 4).

        "…, kertoo perhekeskuksen koordinaattori." (a speech verb after a comma or a quote, to the
        end of the sentence) and a headline prefix "Työllisyysalueen johtaja: …" name the speaker's
        job, not the topic: they give no area.
        """
        out: set[int] = set()
        if not self.codebook.role_heads:
            return out
        rows = table.rows
        texts = [r.text for r in rows]
        flags = table.words
        n = len(texts)
        for i in range(1, n):
            if texts[i - 1] not in _QUOTE_END:
                continue
            if rows[i].norm not in _SPEECH:
                continue
            j = i + 1
            while j < n and texts[j] not in _SENT_END and j - i <= 6:
                j += 1
            span = range(i + 1, j)
            if any(self._has_role(rows[k]) for k in span if flags[k]):
                out.update(span)
        colon = texts.index(":", 0, 6) if ":" in texts[:6] else None
        if colon and flags[colon - 1] and self._has_role(rows[colon - 1]):
            out.update(range(colon))
        return out

    def tag_doc(self, doc: Doc) -> RuleResult:
        """Codes and evidence for one Doc."""
        cb = self.codebook
        table = doc_table(doc)
        words = word_views(table)
        keys = [w.match for w in words]
        index = key_index(keys)
        text = table.text
        found = scopes(table, cb.polarity)
        negated = found.negated | found.existential
        evidence: dict[str, dict[tuple[int, int, str], Evidence]] = {}
        attribution = self._attribution(table)

        # tokens blocked per code by exclusion phrases
        blocked: dict[str, set[int]] = {}
        for cid, _phrase, a, b in self._exclusions.matches(keys, index):
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

        for code, phrase, a, b in self._phrases.matches(keys, index):
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
    "match_index",
    "word_views",
]
