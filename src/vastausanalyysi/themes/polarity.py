"""Polarity of an answer: works / problem / mixed / neutral, by Finnish rules on lemmas.

The rules look at clauses: a sentence is split at punctuation and at contrast words ("mutta",
"vaikka", "kuitenkin", "toisaalta" …). Within a clause, success and problem words (the codebook's
polarity lexicon, matched on lemmas and compound heads) are counted; a negation ("ei", "eivät",
"ilman" …) flips the words after it up to the end of its clause ("ei toimi" is a problem, "ei ole
ongelmia" works). A goal or requirement ("tavoitteena on …", "jotta", "edellyttää") makes the rest
of the sentence neutral; a need to improve ("pitäisi kehittää", "kaipaa vahvistamista") is a
problem, and so is a wish in the conditional ("toimisi paremmin"). An answer whose clauses say
both is ``mixed``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.codebook import PolarityLexicon, norm_term

WORKS, PROBLEM, MIXED, NEUTRAL = "works", "problem", "mixed", "neutral"

_BOUNDARY = {".", "!", "?", ";", ":", "…", "–", "—", "(", ")", "•"}
_SENTENCE_END = {".", "!", "?", ";", "…", "•"}
_SCOPE_END = {"ja", "sekä", "tai", "vaan", "koska", "kun", "että", "jotta", "mutta", "vaikka"}
_GOAL = {
    "tavoite",
    "tavoitteena",
    "pyrkiä",
    "jotta",
    "tarkoitus",
    "varmistaa",
    "tähdätä",
    "edellyttää",
    "vaatia",
    "jos",
    "mikäli",
    "asettaa",
    "tehtävä",
}
_NEED = {"pitäisi", "pitää", "tulisi", "täytyy", "täytyä", "tarvita", "kaivata", "kannattaisi"}
_VERB_OPS = {"ei", "olla", "on", "ole"}  # words that do not end a negation scope


def _ext(token: Token, name: str, default: Any = None) -> Any:
    return getattr(token._, name) if Token.has_extension(name) else default


def _keys(token: Token) -> set[str]:
    """The lemma, the lower-cased surface and the compound head of a token."""
    lemma = norm_term(token.lemma_ or token.text)
    keys = {lemma, norm_term(token.text)}
    parts = _ext(token, "compound_parts") or []
    if parts:
        keys.add(norm_term(parts[-1]))
    return keys


def _is_conditional(token: Token) -> bool:
    analyses = _ext(token, "analyses") or []
    moods = [a.get("MOOD") for a in analyses if hasattr(a, "get")]
    return bool(moods) and all(m == "conditional" for m in moods)


def negated_tokens(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Indices of tokens in the scope of a negation (up to the end of the clause)."""
    out: set[int] = set()
    active = False
    for token in doc:
        low = token.text.lower()
        if token.is_punct or low in _SCOPE_END or _starts_contrast(doc, token.i, lexicon):
            active = False
        if active:
            out.add(token.i)
        if _is_negation(token, lexicon):
            active = True
    return out


def existential_negated(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Tokens before a negated "olla" in their clause ("tapaamisia ei ole ollut")."""
    out: set[int] = set()
    for clause in split_clauses(doc, lexicon):
        span = range(clause.start, clause.end)
        for i in span:
            token = doc[i]
            if not _is_negation(token, lexicon) or i + 1 >= clause.end:
                continue
            if any(
                norm_term(doc[j].lemma_) == "olla" for j in range(i + 1, min(i + 3, clause.end))
            ):
                out.update(j for j in range(clause.start, i) if not doc[j].is_punct)
    return out


def _starts_contrast(doc: Doc, i: int, lexicon: PolarityLexicon) -> int:
    """Length of the contrast expression starting at token i (0 if none)."""
    for words in lexicon.contrast:
        n = len(words)
        if i + n <= len(doc) and all(
            doc[i + k].text.lower() == w or norm_term(doc[i + k].lemma_) == w
            for k, w in enumerate(words)
        ):
            return n
    return 0


@dataclass
class Clause:
    """A clause and the polarity cues found in it."""

    start: int
    end: int
    contrast: bool = False
    works: float = 0.0
    problem: float = 0.0
    cues: list[dict[str, Any]] = field(default_factory=list)
    past: bool = False
    now: bool = False

    @property
    def label(self) -> str:
        if self.works > self.problem:
            return WORKS
        if self.problem > self.works:
            return PROBLEM
        if self.works and self.problem:
            return MIXED
        return NEUTRAL


@dataclass
class PolarityResult:
    """The rule polarity of one text with its clauses and cues."""

    label: str
    clauses: list[Clause]
    works: float = 0.0
    problem: float = 0.0

    @property
    def cues(self) -> list[dict[str, Any]]:
        return [c for clause in self.clauses for c in clause.cues]


def split_clauses(doc: Doc, lexicon: PolarityLexicon) -> list[Clause]:
    """Clauses of a Doc: split at strong punctuation, commas and contrast words."""
    clauses: list[Clause] = []
    start, contrast = 0, False
    i = 0
    while i < len(doc):
        token = doc[i]
        n = _starts_contrast(doc, i, lexicon)
        if token.text in _BOUNDARY or token.text == "," or n:
            if i > start:
                clauses.append(Clause(start, i, contrast))
            contrast = bool(n) or (contrast and token.text == ",")
            if n:
                start = i + n
                i += n
                continue
            start = i + 1
        i += 1
    if start < len(doc):
        clauses.append(Clause(start, len(doc), contrast))
    return clauses


_PAST = {"alku", "aluksi", "alussa", "alkuun", "aiemmin", "aikaisemmin", "alkuvaihe", "ennen"}
_NOW = {"nyt", "nykyään", "vihdoin", "sittemmin", "nykyisin", "tänään", "lopulta"}
_NO_OPINION = {"osata", "osaa"}
# "puuttua" + illative means "to intervene", not "to be missing"
_NOT_CUE = {"puututaan", "puuttumaan", "puuttuminen", "puuttumista", "puututtu", "puuttumisen"}


def _cue(
    token: Token, keys: set[str], lexicon: PolarityLexicon, in_need: bool
) -> tuple[str, str] | None:
    if keys & lexicon.improve and in_need:
        return PROBLEM, "need"
    if keys & lexicon.works:
        return WORKS, "works"
    if keys & lexicon.problem:
        return PROBLEM, "problem"
    return None


def rule_polarity(
    doc: Doc, lexicon: PolarityLexicon, *, has_codes: bool = False, question: str | None = None
) -> PolarityResult:
    """Polarity of a Doc by the rules (see the module docstring).

    ``question`` is the kind of question answered ("works" or "problem", see
    :func:`question_kind`): a bare list of codes without polar words answering a "what works"
    question counts as ``works`` (codebook section 3); otherwise it is ``neutral``.
    """
    negated = negated_tokens(doc, lexicon)
    clauses = split_clauses(doc, lexicon)
    # goal / requirement context: from the goal word to the end of its sentence
    goal: set[int] = set()
    need: set[int] = set()
    active_goal = active_need = False
    for token in doc:
        if token.text in _SENTENCE_END:
            active_goal = active_need = False
        keys = _keys(token)
        if active_goal:
            goal.add(token.i)
        if active_need:
            need.add(token.i)
        low = token.text.lower()
        if keys & _GOAL or low in _GOAL:
            active_goal = True
        if low in _NEED or norm_term(token.lemma_) in {"tarvita", "kaivata", "täytyä"}:
            active_need = True
    for clause in clauses:
        span = [doc[i] for i in range(clause.start, clause.end)]
        conditional = any(_is_conditional(t) for t in span)
        negations = [t.i for t in span if _is_negation(t, lexicon)]
        verbal = [i for i in negations if doc[i].text.lower() not in {"ilman", "vailla"}]
        lemmas = {norm_term(t.lemma_) for t in span} | {t.text.lower() for t in span}
        for token in span:
            if token.is_punct or token.is_space:
                continue
            i = token.i
            if token.text.lower() in _NOT_CUE:
                continue
            found = _cue(token, _keys(token), lexicon, i in need)
            if found is None:
                continue
            kind, why = found
            if i in negated:
                kind = PROBLEM if kind == WORKS else WORKS
                why += "+negation"
            elif kind == PROBLEM and why == "problem" and any(n > i for n in negations):
                kind, why = WORKS, "problem+negation"  # "epäselvyyksiä ei juuri ole"
            if kind == WORKS and (i in goal or i in need or conditional):
                continue  # a goal, a need or a wish, not a fact
            if kind == PROBLEM and i in goal and why == "problem":
                continue  # "tavoitteena on vähentää ongelmia"
            if kind == WORKS:
                clause.works += 1.0
            else:
                clause.problem += 1.0
            clause.cues.append(_cue_dict(token, kind, why))
        if verbal and not clause.cues and not (lemmas & _NO_OPINION):
            # "päätöksenteko ei", "Ei millään", "yhteistyötä ei ole juurikaan ollut"
            token = doc[verbal[0]]
            clause.problem += 1.0
            clause.cues.append(_cue_dict(token, PROBLEM, "negation"))
        clause.past = bool(lemmas & _PAST)
        clause.now = bool(lemmas & _NOW)
    # "alussa oli kankeaa, nyt luottamus on rakentunut": the past problem is over
    for k, clause in enumerate(clauses):
        if clause.past and clause.problem and not clause.works:
            later = clauses[k + 1 :]
            if any(c.works and not c.problem for c in later) and any(c.now for c in later):
                clause.problem = 0.0
                for cue in clause.cues:
                    cue["rule"] += "+past"
    labels = {c.label for c in clauses} - {NEUTRAL}
    works = sum(c.works for c in clauses)
    problem = sum(c.problem for c in clauses)
    if {WORKS, PROBLEM} <= labels or MIXED in labels:
        label = MIXED
    elif WORKS in labels:
        label = WORKS
    elif PROBLEM in labels:
        label = PROBLEM
    elif has_codes and question == WORKS:
        label = WORKS
    else:
        label = NEUTRAL
    return PolarityResult(label, clauses, works, problem)


def _is_negation(token: Token, lexicon: PolarityLexicon) -> bool:
    low = token.text.lower()
    return low in lexicon.negation or (norm_term(token.lemma_) == "ei" and low != "ilman")


def _cue_dict(token: Token, kind: str, why: str) -> dict[str, Any]:
    return {
        "surface": token.text,
        "lemma": token.lemma_,
        "polarity": kind,
        "rule": why,
        "start": token.idx,
        "end": token.idx + len(token.text),
    }


_WORKS_Q = ("toimi", "onnist", "hyv", "works", "sujuu", "vahvuu")
_PROBLEM_Q = ("ongelm", "haast", "kehitt", "problem", "puutt", "heikk", "vaike")


def question_kind(question: Any) -> str | None:
    """ "works", "problem" or None for a question id or text ("toimii", "Mikä ei toimi?" …)."""
    if not isinstance(question, str) or not question.strip():
        return None
    q = question.lower()
    if q in (WORKS, PROBLEM):
        return q
    if any(w in q for w in ("ei toimi", "eivät toimi", "ei ole toiminut")):
        return PROBLEM
    if any(w in q for w in _PROBLEM_Q):
        return PROBLEM
    if any(w in q for w in _WORKS_Q):
        return WORKS
    return None


def polarity_tokens(doc: Doc, lexicon: PolarityLexicon) -> list[str]:
    """Features for a learned polarity model: lemmas marked by negation, contrast and cues."""
    negated = negated_tokens(doc, lexicon)
    result = rule_polarity(doc, lexicon)
    feats: list[str] = [f"RULE={result.label}"]
    for clause in result.clauses:
        prefix = "C2_" if clause.contrast else ""
        for i in range(clause.start, clause.end):
            token = doc[i]
            if token.is_punct or token.is_space:
                continue
            lemma = norm_term(token.lemma_ or token.text)
            feats.append(f"{prefix}{'NEG_' if i in negated else ''}{lemma}")
        for cue in clause.cues:
            feats.append(f"CUE_{prefix}{cue['polarity']}")
    return feats


def polarity_of(docs: Iterable[Doc], lexicon: PolarityLexicon) -> list[str]:
    """Rule polarity labels of many Docs."""
    return [rule_polarity(doc, lexicon).label for doc in docs]


__all__ = [
    "MIXED",
    "NEUTRAL",
    "PROBLEM",
    "WORKS",
    "Clause",
    "PolarityResult",
    "existential_negated",
    "negated_tokens",
    "polarity_of",
    "polarity_tokens",
    "question_kind",
    "rule_polarity",
    "split_clauses",
]
