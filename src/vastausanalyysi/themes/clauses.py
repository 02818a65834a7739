"""Where polarity cues stand in a sentence: clauses, negation scopes, goal and need scopes.

A sentence is split into clauses at punctuation and at contrast words ("mutta", "vaikka",
"kuitenkin", "toisaalta", "kun taas", "sen sijaan", "joskin" …). A negation ("ei", "eivät",
"ilman" …) governs the words after it up to the end of its clause; a goal, task or requirement
("tavoitteena on …", "ryhmän tehtävä on selvittää", "jotta", "edellyttää") opens a goal scope to
the end of its sentence (or a contrast word), and a need ("pitäisi", "tarvitaan", "kaipaa") a
need scope. :mod:`vastausanalyysi.themes.polarity` weighs the cues within these structures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.schema import POLARITIES
from vastausanalyysi.themes.codes import ANY_WORD, PolarityLexicon, norm_term
from vastausanalyysi.themes.evaluative import evaluative_lexicon
from vastausanalyysi.themes.tokens import analysis_values, is_genitive, is_olla, token_keys

WORKS, PROBLEM, MIXED, NEUTRAL = POLARITIES

_BOUNDARY = {".", "!", "?", ";", ":", "…", "–", "—", "(", ")", "•"}
#: Tokens that end a sentence (and a goal or need scope).
SENTENCE_END = {".", "!", "?", ";", "…", "•"}
_SCOPE_END = {"ja", "sekä", "tai", "vaan", "koska", "kun", "että", "jotta", "mutta", "vaikka"}
#: Goal words used when the codebook has no ``goal`` list.
_GOAL = frozenset(
    {"pyrkiä", "jotta", "varmistaa", "tähdätä", "edellyttää", "vaatia", "jos", "mikäli"}
)
#: Conjunctions among the goal words: a lemma alone does not open a scope ("joskin").
_GOAL_CONJ = {"jos", "mikäli", "jotta"}
#: Goal nouns that open a goal scope only as "X:nä" or "X on + infinitive / että".
_GOAL_NOUNS = {"tavoite", "tehtävä", "tarkoitus", "pyrkimys", "päämäärä", "tavoitteena"}
_NEED = {
    "pitäisi",
    "pitää",
    "tulisi",
    "täytyy",
    "täytyä",
    "tarvita",
    "kaivata",
    "kannattaisi",
    "syytä",  # "on syytä tarkistaa"
}


def _goal_noun_opens(doc: Doc, i: int, end: int) -> bool:
    """ "tavoitteena", "tehtävänä", "ryhmän tehtävä on selvittää", "tavoite on, että …"."""
    low = doc[i].text.lower()
    if low.endswith(("na", "nä")):
        return True
    if i + 1 < end and "A-infinitive" in analysis_values(doc[i + 1], "MOOD"):
        return True  # "on tarkoitus vähentää", "tavoite parantaa"
    j = i + 1
    while j < end and doc[j].text.lower() in {"ei", "myös", "nyt", "siis", "puolestaan"}:
        j += 1
    if j >= end or not is_olla(doc[j]):
        return False
    k = j + 1
    if k < end and doc[k].is_punct:
        k += 1
    if k >= end:
        return False
    nxt = doc[k]
    return nxt.text.lower() in {"että", "saada"} or "A-infinitive" in analysis_values(nxt, "MOOD")


def negated_tokens(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Indices of tokens in the scope of a negation (up to the end of the clause)."""
    out: set[int] = set()
    active = False
    for token in doc:
        low = token.text.lower()
        if token.is_punct or low in _SCOPE_END or starts_contrast(doc, token.i, lexicon):
            active = False
        if active:
            out.add(token.i)
        if is_negation(token, lexicon):
            active = True
    return out


def existential_negated(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Tokens before a negated "olla" in their clause ("tapaamisia ei ole ollut")."""
    out: set[int] = set()
    for clause in split_clauses(doc, lexicon):
        span = range(clause.start, clause.end)
        for i in span:
            token = doc[i]
            if not is_negation(token, lexicon) or i + 1 >= clause.end:
                continue
            if any(
                norm_term(doc[j].lemma_) == "olla" for j in range(i + 1, min(i + 3, clause.end))
            ):
                out.update(j for j in range(clause.start, i) if not doc[j].is_punct)
    return out


@lru_cache(maxsize=16)
def _contrast_index(
    contrast: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Contrast expressions by their first word, each with its position in the lexicon."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, words in enumerate(contrast):
        if words:
            index.setdefault(words[0], []).append((order, words))
    return {first: tuple(entries) for first, entries in index.items()}


def starts_contrast(doc: Doc, i: int, lexicon: PolarityLexicon) -> int:
    """Length of the contrast expression starting at token i (0 if none).

    Only the expressions whose first word is token i's surface or lemma are tried, in the
    lexicon's order (the first that matches wins).
    """
    index = _contrast_index(lexicon.contrast)
    token = doc[i]
    text, lemma = token.text.lower(), norm_term(token.lemma_)
    entries = index.get(text, ())
    if lemma != text:
        entries = sorted((*entries, *index.get(lemma, ())))
    for _order, words in entries:
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
    marker: str = ""

    @property
    def label(self) -> str:
        if self.works > self.problem:
            return WORKS
        if self.problem > self.works:
            return PROBLEM
        if self.works and self.problem:
            return MIXED
        return NEUTRAL


def split_clauses(doc: Doc, lexicon: PolarityLexicon) -> list[Clause]:
    """Clauses of a Doc: split at strong punctuation, commas and contrast words."""
    clauses: list[Clause] = []
    start, contrast, marker = 0, False, ""
    i = 0
    while i < len(doc):
        token = doc[i]
        n = starts_contrast(doc, i, lexicon)
        if token.text in _BOUNDARY or token.text == "," or n:
            if i > start:
                clauses.append(Clause(start, i, contrast, marker=marker))
            contrast = bool(n) or (contrast and token.text == ",")
            marker = " ".join(t.text.lower() for t in doc[i : i + n]) if n else ""
            if n:
                start = i + n
                i += n
                continue
            start = i + 1
        i += 1
    if start < len(doc):
        clauses.append(Clause(start, len(doc), contrast, marker=marker))
    return clauses


def goal_scope(doc: Doc, lexicon: PolarityLexicon) -> tuple[set[int], set[int]]:
    """Tokens in a goal/task scope and tokens in a need scope.

    A goal word or a task verb (``topic``: "selvittää", "kartoittaa" …) opens a scope to the
    end of its sentence or the next contrast word, and so does a purpose ("vähentämiseksi"); a
    need word ("pitäisi", "tarvitaan", "kaipaa") to the end of its sentence.
    """
    goal_words = lexicon.goal or _GOAL
    ev = evaluative_lexicon()
    goal: set[int] = set()
    need: set[int] = set()
    active_goal = active_need = active_topic = False
    for token in doc:
        if token.text in SENTENCE_END:
            active_goal = active_need = active_topic = False
        if token.text.lower() in ev.reason_words:
            active_goal = active_need = active_topic = False  # "…, koska nyt tieto ei kulje"
        if starts_contrast(doc, token.i, lexicon):
            active_goal = active_topic = False
        if (
            active_topic
            and token.i > 0
            and doc[token.i - 1].text == ","
            and norm_term(token.lemma_) == "joka"
        ):
            active_topic = False  # a relative clause asserts: "…, joiden vastuunjako kaipaa …"
        keys = token_keys(token)
        if active_goal or active_topic:
            goal.add(token.i)
        if active_need:
            need.add(token.i)
        low = token.text.lower()
        lemma = norm_term(token.lemma_ or token.text)
        opens = keys & _GOAL_NOUNS and _goal_noun_opens(doc, token.i, len(doc))
        conj = lemma in _GOAL_CONJ and low not in _GOAL_CONJ  # "joskin" is not "jos"
        if low in goal_words or (lemma in goal_words and not conj) or opens:
            active_goal = True
        if lemma in ev.wish_words or low in ev.wish_words:
            active_need = True  # "toivomme, että …": a wish, not a finding
        if lemma in lexicon.topic:
            active_topic = True
        if low.endswith("miseksi"):
            # a purpose with its genitive object: "asunnottomuuden vähentämiseksi"
            goal.add(token.i)
            j = token.i - 1
            while j >= 0 and token.i - j <= 2 and is_genitive(doc[j]):
                goal.add(j)
                j -= 1
        # "pitää kehittää" is a need, "pitää yhteistyötä hyvänä" an opinion
        opinion = low == "pitää" and not any(
            "A-infinitive" in analysis_values(doc[j], "MOOD")
            for j in range(token.i + 1, min(token.i + 4, len(doc)))
        )
        if (low in _NEED or lemma in {"tarvita", "kaivata", "täytyä"}) and not opinion:
            active_need = True
    return goal, need


def phrase_hits(doc: Doc, phrases: Iterable[Any]) -> dict[int, int]:
    """Start index -> length of the polarity phrases found in a Doc."""
    hits: dict[int, int] = {}
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    keys = [token_keys(t) for t in words]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(opts == ANY_WORD or keys[i + k] & opts for k, opts in enumerate(phrase)):
                hits[words[i].i] = max(hits.get(words[i].i, 0), words[i + n - 1].i - words[i].i + 1)
    return hits


def is_negation(token: Token, lexicon: PolarityLexicon) -> bool:
    """A negation word of the lexicon or a form of the negation verb "ei" ("ilman" is not).

    A negation of focus ("ei pelkästään", "ei vain … vaan myös") is no negation of a judgment.
    """
    low = token.text.lower()
    if not (low in lexicon.negation or (norm_term(token.lemma_) == "ei" and low != "ilman")):
        return False
    doc = token.doc
    focus = evaluative_lexicon().focus_particles
    nxt = [doc[j].text.lower() for j in range(token.i + 1, min(token.i + 3, len(doc)))]
    if nxt and nxt[0] in focus:
        return False
    return not (len(nxt) > 1 and nxt[0] in _OLLA and nxt[1] in focus)


_OLLA = {"ole", "ollut", "olleet"}


__all__ = [
    "MIXED",
    "NEUTRAL",
    "PROBLEM",
    "SENTENCE_END",
    "WORKS",
    "Clause",
    "existential_negated",
    "goal_scope",
    "is_negation",
    "negated_tokens",
    "phrase_hits",
    "split_clauses",
    "starts_contrast",
]
