"""Conservative spelling fixes for words that Voikko does not know.

Only lower-case alphabetic words of 5–40 letters are touched (never capitalised words inside a
sentence, which are often names: Voikko offers "Jurmo" for the surname "Jurmu"; never words with
digits or hyphens). A capitalised word at the start of a sentence ("Opiskeluhoolto toimii") is
no evidence of a name: it is looked at as its lower-case form (:func:`fixable_form`).
Candidates come from the known good words (the domain list and the general frequency list, see
below; with corpus counts also the corpus's frequent forms): a walk along their prefixes finds
where a form leaves every known word, and one edit there (or restoring a→ä, o→ö) must bring it
back onto one (also for inflected and compound forms: "opiskeluhoollossa",
"perhekeskusyhteistyo"). A candidate must be a word Voikko knows, one edit away (Damerau–Levenshtein
distance 1) or differing only by missing umlauts, and a clear winner after re-ranking by

1. the corpus's own word-form counts (when the caller gives them),
2. a domain word list (``data/domain_words.txt``, which also holds the theme codebook's
   single-word terms, and the lexicon),
3. a general Finnish lemma frequency list (``data/wordfreq.tsv``, built from Universal
   Dependencies Finnish treebanks by ``scripts/build_wordfreq.py``).

Voikko's suggester is not used when correcting (it is slow, ~1 ms a word, and its order puts
"opiskeluhiilto" before "opiskeluhuolto"; :meth:`TypoCorrector.candidates` still lists its
suggestions). Most forms are never near a known word and cost a few look-ups. A winner
must have some evidence (a count or a list entry) and beat the runner-up clearly; ties change
nothing.

A few words that Voikko *does* accept are accidental compounds of a typo ("yhteisyö" = yhteis+yö,
"paatoksenteko" = paatos+teko). Such a word is a suspect when all its readings are compounds,
its lemma is in no list, and it has a one- or two-letter part (then one-edit fixes are tried) or
a/o letters (then umlaut fixes are tried).
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from vastausanalyysi._resources import read_text
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer
from vastausanalyysi.text import edits1

MIN_LENGTH = 5
MAX_LENGTH = 40
MIN_CORPUS = 2  # corpus counts decide only from this many occurrences on
MIN_GENERAL = 10  # general-list evidence alone needs this frequency
_ALPHABET = "abcdefghijklmnoprstuvyäö"
_VOWELS = frozenset("aeiouyäö")
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


def fixable_form(form: str, initial: bool = False) -> str | None:
    """The form the typo fixer looks at for ``form``, or None if it may not be corrected.

    ``form`` itself when :func:`eligible`; at the start of a sentence (``initial``) a
    capitalised word ("Opiskeluhoolto", not "OPISKELU") is looked at in lower case, since
    capitalisation there says nothing of a name.
    """
    if eligible(form):
        return form
    if initial and form[:1].isupper() and form[1:] == form[1:].lower():
        lower = form.lower()
        if eligible(lower):
            return lower
    return None


@lru_cache(maxsize=1)
def general_frequencies() -> dict[str, int]:
    """The shipped general lemma frequency list (UD Finnish FTB + TDT dev; see its header)."""
    text = read_text("wordfreq.tsv")
    freq: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, _, count = line.partition("\t")
            freq[lemma] = int(count)
    return freq


@lru_cache(maxsize=1)
def default_domain_words() -> frozenset[str]:
    """Domain lemmas: ``data/domain_words.txt`` and the default lexicon's lemmas."""
    words = {
        line.strip().lower()
        for line in read_text("domain_words.txt").splitlines()
        if line.strip() and not line.startswith("#")
    }
    from vastausanalyysi.nlp.lexicon import default_entries

    words.update(e.lemma.lower() for e in default_entries())
    return frozenset(words)


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
        self._index = known_word_index(self.domain_words, self.general)
        # a word Voikko knows is only "fixed" towards a domain word (or a frequent corpus form)
        self._domain_index = KnownWordIndex(self.domain_words)

    def __getstate__(self) -> dict:
        general = None if self.general is general_frequencies() else dict(self.general)
        return {"analyzer": self.analyzer, "domain_words": self.domain_words, "general": general}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def correct(
        self,
        form: str,
        form_counts: Mapping[str, int] | None = None,
        analyses: tuple[Analysis, ...] | None = None,
    ) -> Correction | None:
        """The correction of ``form``, or None (cached per form when no counts are given).

        ``analyses`` are Voikko's readings of ``form`` if the caller has them already. Only a form
        near a known word is looked at closely (:meth:`near_known`); most forms cost a few
        look-ups.
        """
        if form_counts is None:
            hit = self._decisions.get(form, _UNSEEN)
            if hit is not _UNSEEN:
                return hit  # type: ignore[return-value]
        if not eligible(form):
            return None
        if analyses is None:
            analyses = self.analyzer.analyze(form)
        if analyses and not maybe_suspect(form, analyses):
            return None  # a known simple word (most forms): never a typo here
        result = None
        kind = self._suspect(form, analyses) if analyses else "unknown"
        if kind:
            near = self.near_known(form, kind, form_counts)
            if near and self._has_evidence(near, form_counts):
                result = self._decide(form, form_counts, near)
        if form_counts is None and len(self._decisions) < 200_000:
            self._decisions[form] = result
        return result

    def near_known(
        self, form: str, kind: str = "unknown", form_counts: Mapping[str, int] | None = None
    ) -> list[str]:
        """Words one edit (or missing umlauts) from ``form`` that are known good words.

        Known good words are the domain words and the general frequency list (and, with
        ``form_counts``, the corpus's forms seen at least ``MIN_CORPUS`` times); for a form that
        Voikko knows (``kind`` "edit" or "umlaut": an accidental compound) only the domain words.
        An edit is tried only where ``form`` leaves every known word (a prefix-set walk that
        starts again after each known word inside ``form``, for compounds), so an inflected or
        compound typo ("opiskeluhoollossa", "perhekeskusyhteistyo") is found as well; each result
        is a word Voikko knows. Empty for most forms: then no fix is tried at all.
        """
        index = self._index if kind == "unknown" else self._domain_index
        words = index.umlaut_edits(form, self.analyzer)
        if kind != "umlaut":
            words += index.edits(form)
        if form_counts and kind == "unknown":
            edits = sorted(edits1(form, alphabet=_ALPHABET))
            words += [w for w in edits if form_counts.get(w, 0) >= MIN_CORPUS]
        analyze = self.analyzer.analyze
        return [w for w in dict.fromkeys(words) if w != form and analyze(w)]

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
            words += _umlaut_variants(form, self.analyzer)
            accept = [
                w for w in dict.fromkeys(words)
                if damerau_levenshtein_1(form, w) or is_umlaut_fix(form, w)
            ]  # fmt: skip
            found = self._evaluate(accept, exclude=())
            if not found and len(form) >= 10:  # Voikko misses some fixes ("hyvinvointialuuen")
                edits = sorted(edits1(form, alphabet=_ALPHABET))
                found = self._evaluate([w for w in edits if self.analyzer.spell(w)], ())
            return found, "unknown"
        kind = self._suspect(form, analyses)
        if not kind:
            return (), ""
        own = {a.baseform.lower() for a in analyses}
        words = _umlaut_variants(form, self.analyzer)
        if kind == "edit":
            edits = sorted(edits1(form, alphabet=_ALPHABET))
            words += [w for w in edits if self.analyzer.spell(w)]
        return self._evaluate(words, exclude=own), kind

    def _evaluate(self, words: Iterable[str], exclude: Iterable[str]) -> tuple[Candidate, ...]:
        out = []
        excluded = set(exclude)
        for word in words:
            if not word.isalpha() or word != word.lower():
                continue  # no capitalised names, no splits into two words
            readings = [a for a in self.analyzer.analyze(word) if not a.is_proper]
            lemmas = tuple(dict.fromkeys([a.baseform.lower() for a in readings]))
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

    def _has_evidence(self, words: list[str], form_counts: Mapping[str, int] | None) -> bool:
        """Whether one of ``words`` could win a fix at all (see :meth:`_decide`): a corpus
        count, a domain word, or a frequent lemma or compound head."""
        for c in self._evaluate(words, exclude=()):
            if c.domain or c.general >= MIN_GENERAL or c.head >= MIN_GENERAL:
                return True
            if form_counts and form_counts.get(c.word, 0) >= MIN_CORPUS:
                return True
        return False

    def _decide(
        self, form: str, form_counts: Mapping[str, int] | None, near: list[str]
    ) -> Correction | None:
        analyses = self.analyzer.analyze(form)
        if analyses:  # an accidental compound? Only the words near known ones are tried
            kind = self._suspect(form, analyses)
            if kind == "umlaut":
                near = [w for w in near if is_umlaut_fix(form, w)]
            own = {a.baseform.lower() for a in analyses}
            cands = self._evaluate(near, exclude=own) if kind else ()
        else:  # the words near known ones (Voikko's suggester is slow and adds only rivals)
            kind = "unknown"
            accept = [w for w in near if damerau_levenshtein_1(form, w) or is_umlaut_fix(form, w)]
            cands = self._evaluate(accept, exclude=())
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
        # the usual endings first (-iden, not -jen), then the likelier edit
        best = min(same, key=lambda c: (_rare_ending(c.word), _edit_rank(form, c.word)))
        reason = "umlaut" if is_umlaut_fix(form, best.word) else "edit"
        return Correction(form, best.word, reason)


_FOLD = str.maketrans("äö", "ao")


def maybe_suspect(form: str, analyses: tuple[Analysis, ...]) -> bool:
    """Cheap pre-check of :meth:`TypoCorrector._suspect`: only long all-compound readings
    (the lemmatizer asks it before calling :meth:`TypoCorrector.correct` for a known word)."""
    if len(form) < 6:
        return False
    return all("[Bc]" in (a.fields.get("FSTOUTPUT") or "") for a in analyses)


class KnownWordIndex:
    """Prefix sets of the known good words (also with ä/ö folded to a/o) for typo look-ups."""

    def __init__(self, words: Iterable[str]):
        self.words: set[str] = set()
        # prefix → how many letters the shortest known word with that prefix has after it
        self.prefixes: dict[str, int] = {}
        self.folded: set[str] = set()
        self.folded_prefixes: set[str] = set()
        # where an inflected form of a known word may leave it: puoli → puole-, tapaaminen →
        # tapaamis-, and the word less its last 1–3 letters
        self.stems: set[str] = set()
        prefixes = self.prefixes
        for word in words:
            if len(word) < 3 or not word.isalpha() or word != word.lower():
                continue
            self.words.add(word)
            folded = word.translate(_FOLD)
            self.folded.add(folded)
            n = len(word)
            for i in range(1, n + 1):
                head = word[:i]
                if prefixes.get(head, n) >= n - i:
                    prefixes[head] = n - i
                self.folded_prefixes.add(folded[:i])
            self.stems.update((word, word[:-1], word[:-2], word[:-3]))
            if word.endswith("nen"):
                self.stems.add(word[:-3] + "s")
            elif word[-1] in "ie":
                self.stems.add(word[:-1] + "e")
            if word[-1] == "e" and word[-2] in "tkp" and word[-3] in _VOWELS:
                strong = word[:-1] + word[-2]  # tavoite → tavoitte-, tavoittee-
                self.stems.update((strong + "e", strong + "ee"))

    def _starts(
        self, form: str, prefixes: Container[str], words: set[str]
    ) -> list[tuple[int, int]]:
        """``(start, mismatch)`` walks: from 0, and again after each known word inside ``form``.

        ``mismatch`` is where ``form[start:]`` stops being the beginning of a known word.
        """
        out: list[tuple[int, int]] = []
        todo = [0]
        seen = set()
        n = len(form)
        while todo and len(out) < 6:
            start = todo.pop()
            if start in seen:
                continue
            seen.add(start)
            m = start
            while m < n and form[start : m + 1] in prefixes:
                m += 1
                if m - start >= 3 and m < n - 2 and form[start:m] in words:
                    todo.append(m)  # a compound part ends here: its head starts again
            out.append((start, m))
        return out

    def edits(self, form: str) -> list[str]:
        """One-edit variants of ``form`` near the point where it leaves every known word.

        An edit is tried at that point and the two letters before it (a missing letter shows only
        later: *yhteisyö*). A variant is kept when it then follows a known word to its end, or to
        within 3 letters of it with at most 6 letters left (an inflected form: *opiskeluhuollossa*,
        *hyvinvointialueen*), or when ``form`` is a known word plus a misspelt ending
        (*luottamushenkilöden*). Voikko confirms each afterwards.
        """
        if not self.prefixes:
            return []
        out: list[str] = []
        n = len(form)
        prefixes = self.prefixes
        for start, m in self._starts(form, prefixes, self.words):
            if m - start < 3 and (m >= n or m - start < 2):
                continue
            if m >= n:  # all of it begins a known word: a letter missing at the end (sielt)
                out += [form + c for c in _ALPHABET if prefixes.get(form[start:] + c) == 0]
                continue
            if prefixes.get(form[start:m]) == 0 and n - m <= 6:  # a known word + an ending
                tail = form[m:]
                out += [form[:m] + e for e in _ENDINGS if damerau_levenshtein_1(tail, e)]
            for p in range(max(start + 1, m - 2), m + 1):
                head = form[start:p]
                before, rest = form[:p], form[p:]
                variants = [before + rest[1:]]  # deletion
                if len(rest) > 1:
                    variants.append(before + rest[1] + rest[0] + rest[2:])  # swap
                for c in _ALPHABET:
                    if head + c in prefixes:
                        if c != rest[0]:
                            variants.append(before + c + rest[1:])  # substitution
                        variants.append(before + c + rest)  # insertion
                for word in variants:
                    if self._follows(word, start, p):
                        out.append(word)
        return out

    def _follows(self, word: str, start: int, p: int) -> bool:
        """Whether ``word`` (edited at ``p``) follows a known word from ``start`` on."""
        prefixes = self.prefixes
        end = p
        n = len(word)
        while end < n and word[start : end + 1] in prefixes:
            end += 1
        if end == n:  # (also a deletion at the very end: vieläk → vielä)
            return prefixes.get(word[start:end], 99) <= 3
        if end <= p:
            return False
        return n - end <= 6 and word[start:end] in self.stems

    def umlaut_edits(self, form: str, analyzer: VoikkoAnalyzer) -> list[str]:
        """Umlaut variants of ``form`` (a→ä, o→ö) that Voikko knows, when folding ä/ö lets the
        walk along known words go further than the spelling as it is (*yhteistyo*)."""
        if ("a" not in form and "o" not in form) or not self.prefixes:
            return []
        exact = max(m for _s, m in self._starts(form, self.prefixes, self.words))
        folded = form.translate(_FOLD)
        reach = max(m for _s, m in self._starts(folded, self.folded_prefixes, self.folded))
        if reach < exact + 2 and not (reach == len(form) > exact):
            return []
        return _umlaut_variants(form, analyzer)


def _umlaut_variants(form: str, analyzer: VoikkoAnalyzer) -> list[str]:
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
        if analyzer.spell(word):
            out.append(word)
    return out


_INDEXES: dict[tuple[int, int], tuple[object, object, KnownWordIndex]] = {}


def known_word_index(domain: frozenset[str], general: Mapping[str, int]) -> KnownWordIndex:
    """The :class:`KnownWordIndex` of these word lists (built once per process and lists)."""
    key = (id(domain), id(general))
    hit = _INDEXES.get(key)
    if hit is None or hit[0] is not domain or hit[1] is not general:
        hit = (domain, general, KnownWordIndex([*domain, *general]))
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        _INDEXES[key] = hit
    return hit[2]


_UNSEEN = object()
# Case endings (also plural and clitic forms) tried after a known word: luottamushenkilö+iden
_ENDINGS = sorted(
    {
        *("n", "t", "a", "ä", "na", "nä", "ksi", "ssa", "ssä", "sta", "stä", "lla", "llä"),
        *("lta", "ltä", "lle", "tta", "ttä", "seen", "hin", "in", "en", "ien", "iden", "itten"),
        *("jen", "ita", "itä", "ja", "jä", "issa", "issä", "ista", "istä", "illa", "illä", "ilta"),
        *("iltä", "ille", "iksi", "ina", "inä", "iin", "ihin", "ineen", "kin", "kaan", "kään"),
    }
)


def _rare_ending(word: str) -> bool:
    """A plural genitive in -jen after a front rounded vowel (henkilöjen for henkilöiden)."""
    return word.endswith(("öjen", "üjen"))


def _edit_rank(typo: str, word: str) -> int:
    """Likelier edits first: missing umlauts, swapped letters, a wrong letter, the rest."""
    if is_umlaut_fix(typo, word):
        return 0
    if len(typo) == len(word):
        return 1 if sorted(typo) == sorted(word) else 2
    return 3


__all__ = [
    "Candidate",
    "Correction",
    "TypoCorrector",
    "damerau_levenshtein_1",
    "default_domain_words",
    "eligible",
    "fixable_form",
    "general_frequencies",
    "is_umlaut_fix",
]
