"""Conservative spelling fixes for words that Voikko does not know.

Only lower-case alphabetic words of 5–40 letters are touched (never capitalised words, which are
often names: Voikko offers "Jurmo" for the surname "Jurmu"; never words with digits or hyphens).
Voikko's suggestions are kept only when they are one edit away (Damerau–Levenshtein distance 1)
or differ only by missing umlauts (a→ä, o→ö), analyse as a known common word, and one of them is a
clear winner after re-ranking by

1. the corpus's own word-form counts (when the caller gives them),
2. a domain word list (the lexicon, the codebook's terms, ``data/domain_words.txt``),
3. a general Finnish lemma frequency list (``data/wordfreq.tsv``, built from Universal
   Dependencies Finnish treebanks by ``scripts/build_wordfreq.py``).

Voikko's own order is never used: it ranks "opiskeluhiilto" before "opiskeluhuolto". A winner
must have some evidence (a count or a list entry) and beat the runner-up clearly; ties change
nothing.

A few words that Voikko *does* accept are accidental compounds of a typo ("yhteisyö" = yhteis+yö,
"paatoksenteko" = paatos+teko). Such a word is a suspect when all its readings are compounds,
its lemma is in no list, and it has a one- or two-letter part (then one-edit fixes are tried) or
a/o letters (then umlaut fixes are tried).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer

MIN_LENGTH = 5
MAX_LENGTH = 40
MIN_CORPUS = 2  # corpus counts decide only from this many occurrences on
MIN_GENERAL = 10  # general-list evidence alone needs this frequency
_ALPHABET = "abcdefghijklmnoprstuvyäö"
_UMLAUT = {"a": "ä", "o": "ö"}
_MAX_UMLAUT_SLOTS = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible correction with the evidence for it."""

    word: str
    lemmas: tuple[str, ...]
    domain: int
    general: int
    head: int = 0  # general frequency of the compound's last part


@dataclass(frozen=True, slots=True)
class Correction:
    """A typo fix: the corrected word form and the rule that allowed it."""

    original: str
    corrected: str
    reason: str  # "edit" | "umlaut"


def damerau_levenshtein_1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are exactly one insertion, deletion, substitution or swap apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def is_umlaut_fix(typo: str, word: str) -> bool:
    """True when ``word`` is ``typo`` with some a→ä / o→ö (the other letters equal)."""
    if len(typo) != len(word) or typo == word:
        return False
    return all(x == y or _UMLAUT.get(x) == y for x, y in zip(typo, word, strict=True))


def eligible(form: str) -> bool:
    """Whether ``form`` may be corrected at all: lower-case letters only, 5–40 long."""
    return MIN_LENGTH <= len(form) <= MAX_LENGTH and form.isalpha() and form == form.lower()


@lru_cache(maxsize=1)
def general_frequencies() -> dict[str, int]:
    """The shipped general lemma frequency list (UD Finnish FTB + TDT dev; see its header)."""
    text = resources.files("vastausanalyysi.data").joinpath("wordfreq.tsv").read_text("utf-8")
    freq: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, _, count = line.partition("\t")
            freq[lemma] = int(count)
    return freq


@lru_cache(maxsize=1)
def default_domain_words() -> frozenset[str]:
    """Domain lemmas: ``data/domain_words.txt``, the lexicon and the default codebook's terms."""
    data = resources.files("vastausanalyysi.data")
    words = {
        line.strip().lower()
        for line in data.joinpath("domain_words.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    from vastausanalyysi.nlp.lexicon import default_entries

    words.update(e.lemma.lower() for e in default_entries())
    words.update(_codebook_terms())
    return frozenset(words)


def _codebook_terms() -> set[str]:
    """Single-word terms of the shipped codebook (optional: missing or odd files give none)."""
    try:
        import yaml

        text = resources.files("vastausanalyysi.data").joinpath("codebook.yaml").read_text("utf-8")
        book = yaml.safe_load(text) or {}
    except Exception:  # the codebook belongs to the themes layer; never fail because of it
        return set()
    terms: set[str] = set()
    for section in ("areas", "mechanisms"):
        codes = book.get(section) if isinstance(book, dict) else None
        for code in (codes or {}).values() if isinstance(codes, dict) else ():
            if not isinstance(code, dict):
                continue
            for key in ("lemmas", "words", "heads", "modifiers"):
                for term in code.get(key) or ():
                    if isinstance(term, str) and " " not in term.strip():
                        terms.add(term.strip().lower())
    return terms


class TypoCorrector:
    """Decides, per word form, whether an unknown word is a clear typo of a known one."""

    def __init__(
        self,
        analyzer: VoikkoAnalyzer | None = None,
        domain_words: Iterable[str] | None = None,
        general: Mapping[str, int] | None = None,
    ):
        self.analyzer = analyzer or get_analyzer()
        self.domain_words = (
            frozenset(w.lower() for w in domain_words)
            if domain_words is not None
            else default_domain_words()
        )
        self.general = general if general is not None else general_frequencies()
        self._candidates: dict[str, tuple[tuple[Candidate, ...], str]] = {}
        self._decisions: dict[str, Correction | None] = {}

    def __getstate__(self) -> dict:
        general = None if self.general is general_frequencies() else dict(self.general)
        return {"analyzer": self.analyzer, "domain_words": self.domain_words, "general": general}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def correct(self, form: str, form_counts: Mapping[str, int] | None = None) -> Correction | None:
        """The correction of ``form``, or None (cached per form when no counts are given)."""
        if form_counts is None and form in self._decisions:
            return self._decisions[form]
        result = self._decide(form, form_counts)
        if form_counts is None and len(self._decisions) < 200_000:
            self._decisions[form] = result
        return result

    def candidates(self, form: str) -> tuple[tuple[Candidate, ...], str]:
        """Acceptable candidates for ``form`` and the reason kind (cached per form)."""
        hit = self._candidates.get(form)
        if hit is None:
            hit = self._find_candidates(form)
            if len(self._candidates) < 200_000:
                self._candidates[form] = hit
        return hit

    def _find_candidates(self, form: str) -> tuple[tuple[Candidate, ...], str]:
        if not eligible(form):
            return (), ""
        analyses = self.analyzer.analyze(form)
        if not analyses:
            words = [w for w in self.analyzer.suggest(form) if w != form]
            words += self._umlaut_variants(form)
            accept = [
                w for w in dict.fromkeys(words)
                if damerau_levenshtein_1(form, w) or is_umlaut_fix(form, w)
            ]  # fmt: skip
            found = self._evaluate(accept, exclude=())
            if not found and len(form) >= 10:  # Voikko misses some fixes ("hyvinvointialuuen")
                found = self._evaluate([w for w in _edits1(form) if self.analyzer.spell(w)], ())
            return found, "unknown"
        kind = self._suspect(form, analyses)
        if not kind:
            return (), ""
        own = {a.baseform.lower() for a in analyses}
        words = self._umlaut_variants(form)
        if kind == "edit":
            words += [w for w in _edits1(form) if self.analyzer.spell(w)]
        return self._evaluate(words, exclude=own), kind

    def _evaluate(self, words: Iterable[str], exclude: Iterable[str]) -> tuple[Candidate, ...]:
        out = []
        excluded = set(exclude)
        for word in words:
            if not word.isalpha() or word != word.lower():
                continue  # no capitalised names, no splits into two words
            readings = [a for a in self.analyzer.analyze(word) if not a.is_proper]
            lemmas = tuple(dict.fromkeys(a.baseform.lower() for a in readings))
            if not lemmas or excluded.intersection(lemmas):
                continue
            domain = int(any(lemma in self.domain_words for lemma in lemmas))
            general = max(self.general.get(lemma, 0) for lemma in lemmas)
            heads = [a.compound_parts()[-1:] for a in readings]
            head = max((self.general.get(h[0], 0) for h in heads if h), default=0)
            out.append(Candidate(word, lemmas, domain, general, head))
        return tuple(out)

    def _suspect(self, form: str, analyses: tuple[Analysis, ...]) -> str:
        """ "edit"/"umlaut" when a known ``form`` looks like an accidental compound, else ""."""
        if len(form) < 6:
            return ""
        for a in analyses:
            lemma = a.baseform.lower()
            if lemma in self.domain_words or self.general.get(lemma, 0):
                return ""
        if any(len(a.segments) < 2 for a in analyses):
            return ""
        if any(
            len(surface.strip("-")) <= 2 and base
            for a in analyses
            for surface, base, _ in a.segments
        ):
            return "edit"
        rare_part = any(
            part not in self.general and part not in self.domain_words
            for a in analyses
            for part in a.compound_parts()
        )
        if rare_part and ("a" in form or "o" in form):
            return "umlaut"
        return ""

    def _umlaut_variants(self, form: str) -> list[str]:
        slots = [i for i, ch in enumerate(form) if ch in _UMLAUT]
        if not slots or len(slots) > _MAX_UMLAUT_SLOTS:
            return []
        out = []
        for mask in itertools.product((False, True), repeat=len(slots)):
            if not any(mask):
                continue
            chars = list(form)
            for i, flip in zip(slots, mask, strict=True):
                if flip:
                    chars[i] = _UMLAUT[chars[i]]
            word = "".join(chars)
            if self.analyzer.spell(word):
                out.append(word)
        return out

    def _decide(self, form: str, form_counts: Mapping[str, int] | None) -> Correction | None:
        cands, kind = self.candidates(form)
        if not cands:
            return None
        counts = form_counts or {}
        if kind != "unknown" and counts.get(form, 0) > 1:
            return None  # a known word used repeatedly in this corpus is meant

        def key(c: Candidate) -> tuple[int, int, int]:
            n = counts.get(c.word, 0)  # a single occurrence is no clear evidence
            return (n if n >= MIN_CORPUS else 0), c.domain, c.general

        ranked = sorted(cands, key=key, reverse=True)
        best = ranked[0]
        corpus, domain, general = key(best)
        if kind != "unknown" and not (domain or general >= MIN_GENERAL):
            return None  # overriding Voikko's own reading needs strong evidence
        # candidates that give the same lemmas are one choice ("opiskeluhuollossa/-sta")
        rivals = [c for c in ranked[1:] if set(c.lemmas) != set(best.lemmas)]
        strong_general = general >= MIN_GENERAL or (best.head >= MIN_GENERAL and not rivals)
        if not (corpus or domain or strong_general):
            return None
        if rivals:
            r_corpus, r_domain, r_general = key(rivals[0])
            if corpus != r_corpus:
                if corpus < 2 * r_corpus:
                    return None
            elif domain != r_domain:
                pass
            elif general < max(2 * r_general, MIN_GENERAL):
                return None
        same = [c for c in ranked if set(c.lemmas) == set(best.lemmas) and key(c) == key(best)]
        best = min(same, key=lambda c: _edit_rank(form, c.word))
        reason = "umlaut" if is_umlaut_fix(form, best.word) else "edit"
        return Correction(form, best.word, reason)


def _edit_rank(typo: str, word: str) -> int:
    """Likelier edits first: missing umlauts, swapped letters, a wrong letter, the rest."""
    if is_umlaut_fix(typo, word):
        return 0
    if len(typo) == len(word):
        return 1 if sorted(typo) == sorted(word) else 2
    return 3


def _edits1(word: str) -> list[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0]}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return sorted(out)


__all__ = [
    "Candidate",
    "Correction",
    "TypoCorrector",
    "damerau_levenshtein_1",
    "default_domain_words",
    "eligible",
    "general_frequencies",
    "is_umlaut_fix",
]
