"""Polarity of an answer: works / problem / mixed / neutral, by Finnish rules on lemmas.

The rules look at clauses: a sentence is split at punctuation and at contrast words ("mutta",
"vaikka", "kuitenkin", "toisaalta", "kun taas", "sen sijaan", "joskin" …). Within a clause,
success and problem words and phrases (the codebook's polarity lexicon, matched on lemmas, the
analyser's base forms and compound heads) are counted; a negation ("ei", "eivät", "ilman" …)
flips the words after it up to the end of its clause ("ei toimi" is a problem, "ei ole ongelmia"
works), and a decrease verb turns a problem word into an improvement ("vastakkainasettelu on
vähentynyt"). A goal, task or requirement ("tavoitteena on …", "ryhmän tehtävä on selvittää",
"jotta", "edellyttää") makes the rest of its sentence (up to a contrast word) neutral, and the
object of a task verb ("selvittää yhteistyön esteitä") is a topic, not a finding. A need to
improve ("pitäisi kehittää", "kaipaa vahvistamista", "on vahvistettava") is a problem, and so is
a negative manner ("on onnistunut heikoiten") or a small share ("vain viidennes pitää … hyvänä").
An answer whose clauses say both is ``mixed``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.codebook import PolarityLexicon, norm_term

WORKS, PROBLEM, MIXED, NEUTRAL = "works", "problem", "mixed", "neutral"

_BOUNDARY = {".", "!", "?", ";", ":", "…", "–", "—", "(", ")", "•"}
_SENTENCE_END = {".", "!", "?", ";", "…", "•"}
_SCOPE_END = {"ja", "sekä", "tai", "vaan", "koska", "kun", "että", "jotta", "mutta", "vaikka"}
#: Goal words used when the codebook has no ``goal`` list.
_GOAL = frozenset(
    {"pyrkiä", "jotta", "varmistaa", "tähdätä", "edellyttää", "vaatia", "jos", "mikäli"}
)
#: Goal nouns that open a goal scope only as "X:nä" or "X on + infinitive / että".
_GOAL_CONJ = {"jos", "mikäli", "jotta"}
_GOAL_NOUNS = {"tavoite", "tehtävä", "tarkoitus", "pyrkimys", "päämäärä", "tavoitteena"}
#: Negative manner adverbs: "on onnistunut heikoiten" is a problem, not a success.
_MANNER_NEG = {
    "heikosti",
    "huonosti",
    "heikoiten",
    "huonoiten",
    "heikommin",
    "huonommin",
    "hitaasti",
    "kankeasti",
    "puutteellisesti",
    "vaihtelevasti",
    "vaillinaisesti",
}
#: "vain|ainoastaan|alle" + a share: a positive finding held by few is a problem.
_ONLY = {"vain", "ainoastaan", "alle", "harva", "harvat", "vähemmistö"}
_SHARE = {
    "kolmannes",
    "neljännes",
    "viidennes",
    "kuudennes",
    "kymmenes",
    "prosentti",
    "osa",
    "puolet",
    "murtoosa",
    "joka",
    "muutama",
    "harva",
    "vastaaja",
    "kunta",
}
#: Pronouns that tie a concessive clause to the main clause's subject.
_ANAPHOR = {"se", "sitä", "sen", "siihen", "siitä", "ne", "niitä", "niiden", "niihin", "niistä"}
#: Verbs after which a negated problem noun is absent ("ei ole havaittu ongelmia").
_EXISTENTIAL = {"olla", "kokea", "havaita", "esiintyä", "ilmetä", "syntyä", "näkyä", "tulla"}
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
_VERB_OPS = {"ei", "olla", "on", "ole"}  # words that do not end a negation scope


def _ext(token: Token, name: str, default: Any = None) -> Any:
    return getattr(token._, name) if Token.has_extension(name) else default


_KEYS: weakref.WeakKeyDictionary[Doc, dict[int, frozenset[str]]] = weakref.WeakKeyDictionary()


def _keys(token: Token) -> frozenset[str]:
    """The lemma, the lower-cased surface, the analyser's base forms and the compound head.

    The base forms make the lexicon robust to a wrong lemma choice: a participle such as
    "parantuneet" has the base form "parantunut" even when its lemma comes out as "parata".
    Computed once per token of a Doc (the rules ask for them many times).
    """
    cache = _KEYS.get(token.doc)
    if cache is None:
        cache = _KEYS[token.doc] = {}
    hit = cache.get(token.i)
    if hit is None:
        hit = cache[token.i] = frozenset(_token_keys(token))
    return hit


def _token_keys(token: Token) -> set[str]:
    lemma = norm_term(token.lemma_ or token.text)
    keys = {lemma, norm_term(token.text)}
    parts = _ext(token, "compound_parts") or []
    if parts:
        keys.add(norm_term(parts[-1]))
    for analysis in _ext(token, "analyses") or []:
        base = getattr(analysis, "baseform", None)
        if isinstance(base, str) and base and analysis.get("PARTICIPLE"):
            keys.add(norm_term(base))
    return keys


def _analysis_values(token: Token, name: str) -> set[Any]:
    return {a.get(name) for a in _ext(token, "analyses") or [] if hasattr(a, "get")}


def _is_olla(token: Token) -> bool:
    return norm_term(token.lemma_ or "") == "olla"


def _goal_noun_opens(doc: Doc, i: int, end: int) -> bool:
    """ "tavoitteena", "tehtävänä", "ryhmän tehtävä on selvittää", "tavoite on, että …"."""
    low = doc[i].text.lower()
    if low.endswith(("na", "nä")):
        return True
    if i + 1 < end and "A-infinitive" in _analysis_values(doc[i + 1], "MOOD"):
        return True  # "on tarkoitus vähentää", "tavoite parantaa"
    j = i + 1
    while j < end and doc[j].text.lower() in {"ei", "myös", "nyt", "siis", "puolestaan"}:
        j += 1
    if j >= end or not _is_olla(doc[j]):
        return False
    k = j + 1
    if k < end and doc[k].is_punct:
        k += 1
    if k >= end:
        return False
    nxt = doc[k]
    return nxt.text.lower() in {"että", "saada"} or "A-infinitive" in _analysis_values(nxt, "MOOD")


def _is_verb(token: Token) -> bool:
    """A verb or participle in the reading the lemmatizer chose ("juuri" is not "juuria")."""
    analyses = [a for a in _ext(token, "analyses") or [] if hasattr(a, "get")]
    chosen = [a for a in analyses if getattr(a, "baseform", None) == token.lemma_]
    if chosen:
        return any(a.get("CLASS") == "teonsana" or a.get("PARTICIPLE") for a in chosen)
    return any(a.get("PARTICIPLE") for a in analyses)


def _is_genitive(token: Token) -> bool:
    cases = {getattr(a, "case", None) for a in _ext(token, "analyses") or []}
    return bool(cases & {"omanto", "genitive"})


def _existential_negation(doc: Doc, i: int, end: int) -> bool:
    """ "ei ole (ollut)", "ei ole havaittu", "ei …": a negation that denies existence."""
    verbs = [
        norm_term(doc[j].lemma_)
        for j in range(i + 1, min(i + 4, end))
        if _is_olla(doc[j]) or _is_verb(doc[j])
    ]
    return all(v in _EXISTENTIAL for v in verbs)


def _necessity(doc: Doc, token: Token, clause: range, improve: frozenset[str]) -> bool:
    """ "on vielä vahvistettava", "työnjako kirjattava sopimukseen": -ttava of necessity."""
    low = token.text.lower()
    if not low.endswith(("ttava", "ttävä", "tava", "tävä")):
        return False
    if "present_passive" not in _analysis_values(token, "PARTICIPLE"):
        return False
    before = [doc[j] for j in range(max(clause.start, token.i - 3), token.i)]
    olla = [t for t in before if _is_olla(t)]
    if olla and norm_term(token.lemma_) not in improve:
        k = olla[-1].i - 1
        if k >= clause.start and _is_genitive(doc[k]):
            return False  # "hyvinvointialueen on kuultava kuntia": a party's duty, not a lack
    if olla:
        return True
    moods = set()
    for j in clause:
        if j != token.i:
            moods |= _analysis_values(doc[j], "MOOD")
    return not moods & {"indicative", "conditional", "imperative"}


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


def _starts_contrast(doc: Doc, i: int, lexicon: PolarityLexicon) -> int:
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
    start, contrast, marker = 0, False, ""
    i = 0
    while i < len(doc):
        token = doc[i]
        n = _starts_contrast(doc, i, lexicon)
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


_PAST = {"alku", "aluksi", "alussa", "alkuun", "aiemmin", "aikaisemmin", "alkuvaihe", "ennen"}
_NOW = {"nyt", "nykyään", "vihdoin", "sittemmin", "nykyisin", "tänään", "lopulta"}
_NO_OPINION = {"osata", "osaa"}
# "puuttua" + illative means "to intervene", not "to be missing"
_NOT_CUE = {
    "puututaan",
    "puuttumaan",
    "puuttuminen",
    "puuttumista",
    "puututtu",
    "puuttumisen",
    "tarvittaessa",  # "if needed", not a need
}
#: "vaikea saada sovittua": a success that is hard to reach is not a success.
_HARD = {"vaikea", "vaikeaa", "hankala", "hankalaa", "mahdoton", "mahdotonta", "työläs"}
#: "Näin yhteistyö toimii arjessa", "miten palvelu toimii": how something works, not whether.
_HOW = {"näin", "miten", "kuinka"}
_HOW_VERBS = {"toimia", "sujua", "onnistua"}


def _cue(
    token: Token, keys: frozenset[str], lexicon: PolarityLexicon, in_need: bool
) -> tuple[str, str] | None:
    if keys & lexicon.improve and in_need:
        return PROBLEM, "need"
    if keys & lexicon.works:
        return WORKS, "works"
    if keys & lexicon.problem:
        return PROBLEM, "problem"
    return None


def _goal_scope(doc: Doc, lexicon: PolarityLexicon) -> tuple[set[int], set[int]]:
    """Tokens in a goal/task scope and tokens in a need scope.

    A goal word or a task verb (``topic``: "selvittää", "kartoittaa" …) opens a scope to the
    end of its sentence or the next contrast word, and so does a purpose ("vähentämiseksi"); a
    need word ("pitäisi", "tarvitaan", "kaipaa") to the end of its sentence.
    """
    goal_words = lexicon.goal or _GOAL
    goal: set[int] = set()
    need: set[int] = set()
    active_goal = active_need = active_topic = False
    for token in doc:
        if token.text in _SENTENCE_END:
            active_goal = active_need = active_topic = False
        if _starts_contrast(doc, token.i, lexicon):
            active_goal = active_topic = False
        if (
            active_topic
            and token.i > 0
            and doc[token.i - 1].text == ","
            and norm_term(token.lemma_) == "joka"
        ):
            active_topic = False  # a relative clause asserts: "…, joiden vastuunjako kaipaa …"
        keys = _keys(token)
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
        if lemma in lexicon.topic:
            active_topic = True
        if low.endswith("miseksi"):
            # a purpose with its genitive object: "asunnottomuuden vähentämiseksi"
            goal.add(token.i)
            j = token.i - 1
            while j >= 0 and token.i - j <= 2 and _is_genitive(doc[j]):
                goal.add(j)
                j -= 1
        # "pitää kehittää" is a need, "pitää yhteistyötä hyvänä" an opinion
        opinion = low == "pitää" and not any(
            "A-infinitive" in _analysis_values(doc[j], "MOOD")
            for j in range(token.i + 1, min(token.i + 4, len(doc)))
        )
        if (low in _NEED or lemma in {"tarvita", "kaivata", "täytyä"}) and not opinion:
            active_need = True
    return goal, need


def _same_sentence(doc: Doc, a: Clause, b: Clause) -> bool:
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return not any(doc[j].text in _SENTENCE_END for j in range(lo, hi - 1))


def _phrase_hits(doc: Doc, phrases: Iterable[Any]) -> dict[int, int]:
    """Start index -> length of the polarity phrases found in a Doc."""
    from vastausanalyysi.themes.codebook import ANY_WORD

    hits: dict[int, int] = {}
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    keys = [_keys(t) for t in words]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(opts == ANY_WORD or keys[i + k] & opts for k, opts in enumerate(phrase)):
                hits[words[i].i] = max(hits.get(words[i].i, 0), words[i + n - 1].i - words[i].i + 1)
    return hits


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
    goal, need = _goal_scope(doc, lexicon)
    works_phr = _phrase_hits(doc, lexicon.works_phrases)
    problem_phr = _phrase_hits(doc, lexicon.problem_phrases)
    for clause in clauses:
        span = [doc[i] for i in range(clause.start, clause.end)]
        rng = range(clause.start, clause.end)
        conditional = any(_is_conditional(t) for t in span)
        negations = [t.i for t in span if _is_negation(t, lexicon)]
        verbal = [i for i in negations if doc[i].text.lower() not in {"ilman", "vailla"}]
        existential = [i for i in verbal if _existential_negation(doc, i, clause.end)]
        lemmas = {norm_term(t.lemma_) for t in span} | {t.text.lower() for t in span}
        all_keys = [_keys(t) for t in span]
        decrease = [
            t.i
            for t, k in zip(span, all_keys, strict=True)
            if k & lexicon.decrease
            and _is_verb(t)
            and "MINEN-infinitive" not in _analysis_values(t, "MOOD")
        ]
        manner_neg = bool(lemmas & _MANNER_NEG)
        few = any(
            t.text.lower() in _ONLY
            and any(
                doc[j].like_num or norm_term(doc[j].lemma_) in _SHARE
                for j in range(t.i, min(t.i + 4, clause.end))
            )
            for t in span
        ) or bool(lemmas & {"harva", "vähemmistö"})
        skip: set[int] = set()
        found_any: list[tuple[Token, str, str]] = []
        for token, keys in zip(span, all_keys, strict=True):
            i = token.i
            if token.is_punct or token.is_space or i in skip:
                continue
            if token.text.lower() in _NOT_CUE:
                continue
            if i in works_phr and i not in need and i not in goal:
                found: tuple[str, str] | None = (WORKS, "phrase")
                skip.update(range(i, i + works_phr[i]))
            elif i in problem_phr:
                found = (PROBLEM, "phrase")
                skip.update(range(i, i + problem_phr[i]))
            elif _necessity(doc, token, rng, lexicon.improve) and i not in goal:
                found = (PROBLEM, "need")
            else:
                found = _cue(token, keys, lexicon, i in need)
            if found is None:
                continue
            kind, why = found
            if kind == PROBLEM and why == "problem" and _postposition(doc, token):
                continue  # "kahden koulun kesken" = between two schools
            if kind == WORKS and _hard_before(doc, token, clause.start):
                continue  # "vaikea saada sovittua": "vaikea" carries the cue
            if kind == WORKS and (lemmas & _HOW) and norm_term(token.lemma_) in _HOW_VERBS:
                continue  # "Näin yhteistyö toimii arjessa"
            if kind == WORKS and token.text.lower().endswith(("matta", "mättä")):
                kind, why = PROBLEM, why + "+abessive"  # "yhä ratkaisematta"
            if i in decrease and any(
                t.i != i and (k & lexicon.problem) and not (k & lexicon.decrease)
                for t, k in zip(span, all_keys, strict=True)
            ):
                continue  # the decreasing problem word carries the cue (as an improvement)
            governing = [n for n in verbal if n < i]
            if (
                i in negated
                and kind == PROBLEM
                and not _is_verb(token)
                and governing
                and governing[-1] not in existential
            ):
                why += "+under-negation"  # "ettei alue ole kuullut kuntia supistamisesta"
            elif i in negated:
                kind = PROBLEM if kind == WORKS else WORKS
                why += "+negation"
            elif kind == PROBLEM and why == "problem" and any(n > i for n in existential):
                kind, why = WORKS, "problem+negation"  # "epäselvyyksiä ei juuri ole"
            elif kind == PROBLEM and why == "problem" and decrease and i not in decrease:
                kind, why = WORKS, "problem+decrease"  # "vastakkainasettelu on vähentynyt"
            if kind == WORKS and (i in goal or i in need or conditional):
                continue  # a goal, a need or a wish, not a fact
            if kind == PROBLEM and i in goal and why in {"problem", "phrase", "problem+decrease"}:
                continue  # "tavoitteena on vähentää ongelmia", "selvittää esteitä"
            if kind == WORKS and why in {"works", "phrase"} and (manner_neg or few):
                kind, why = PROBLEM, why + ("+manner" if manner_neg else "+few")
            found_any.append((token, kind, why))
        for token, kind, why in found_any:
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
    # "palvelut on turvattu, vaikka säästöt uhkasivat niitä": an obstacle overcome (P4)
    for clause in clauses:
        if clause.marker == "vaikka" and clause.problem and not clause.works:
            words = {doc[j].text.lower() for j in range(clause.start, clause.end)}
            first = clause.start <= 1 or doc[clause.start - 2].text in _SENTENCE_END
            if not (first or words & _ANAPHOR):
                continue  # "X toimii, vaikka Y takkuaa": two things, mixed
            same = [c for c in clauses if c is not clause and _same_sentence(doc, c, clause)]
            if any(c.works and not c.problem for c in same):
                clause.problem = 0.0
                for cue in clause.cues:
                    cue["rule"] += "+concessive"
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


def _postposition(doc: Doc, token: Token) -> bool:
    """ "kesken" after a genitive is the postposition "among", not "unfinished"."""
    return (
        token.text.lower() == "kesken"
        and token.i > 0
        and _is_genitive(doc[token.i - 1])
        and not _is_olla(doc[token.i - 1])
    )


def _hard_before(doc: Doc, token: Token, start: int) -> bool:
    """A works cue governed by "vaikea|hankala|mahdoton" up to three words before it."""
    return any(doc[j].text.lower() in _HARD for j in range(max(start, token.i - 3), token.i))


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


def _clause_roles(clauses: list[Clause]) -> list[str]:
    """ "C2" after a contrast word, "C1" just before one, "M" otherwise."""
    roles = ["C2" if c.contrast else "M" for c in clauses]
    for k in range(len(clauses) - 1):
        if roles[k] == "M" and clauses[k + 1].contrast and clauses[k + 1].marker:
            roles[k] = "C1"
    return roles


def polarity_tokens(doc: Doc, lexicon: PolarityLexicon) -> list[str]:
    """Features for a learned polarity model: lemmas marked by negation, contrast and cues.

    Besides the rules' label, each lemma is marked for a contrast clause (``C2_``), a goal or
    task scope (``G_``: "tavoitteena on vähentää ongelmia"), a need scope (``N_``: "pitäisi
    parantaa") and negation (``NEG_``). Per clause, the rules' cues (``CUE_``) and their rule
    kind by the clause's role ("C1" before a contrast word, "C2" after one, "M" otherwise;
    ``CUER_C1_works_works``), and the clause's own label (``CL_C2=problem``); per sentence,
    whether works and problem cues fall in different clauses (``MIXCL``) or the same one
    (``MIXSAME``), how many clauses carry each (``NW=``, ``NP=``, capped at 2), the first and
    last polar clause (``FIRST=``, ``LAST=``: the final assessment wins, CODING.md P4), no cue
    at all (``NOCUE``) and a goal scope (``HASGOAL``).
    """
    negated = negated_tokens(doc, lexicon)
    result = rule_polarity(doc, lexicon)
    goal, need = _goal_scope(doc, lexicon)
    clauses = result.clauses
    roles = _clause_roles(clauses)
    feats: list[str] = [f"RULE={result.label}"]
    for clause, role in zip(clauses, roles, strict=True):
        prefix = "C2_" if clause.contrast else ""
        for i in range(clause.start, clause.end):
            token = doc[i]
            if token.is_punct or token.is_space:
                continue
            lemma = norm_term(token.lemma_ or token.text)
            scope = "G_" if i in goal else "N_" if i in need else ""
            feats.append(f"{prefix}{scope}{'NEG_' if i in negated else ''}{lemma}")
        for cue in clause.cues:
            feats.append(f"CUE_{prefix}{cue['polarity']}")
            feats.append(f"CUER_{role}_{cue['polarity']}_{cue['rule'].split('+')[-1]}")
        if clause.label != NEUTRAL:
            feats.append(f"CL_{role}={clause.label}")
    n_works = sum(c.works > 0 for c in clauses)
    n_problem = sum(c.problem > 0 for c in clauses)
    if n_works and n_problem:
        feats.append("MIXCL")
    if any(c.works and c.problem for c in clauses):
        feats.append("MIXSAME")
    if not result.cues:
        feats.append("NOCUE")
    feats.extend((f"NW={min(n_works, 2)}", f"NP={min(n_problem, 2)}"))
    polar = [c.label for c in clauses if c.label != NEUTRAL]
    if polar:
        feats.extend((f"FIRST={polar[0]}", f"LAST={polar[-1]}"))
    if goal:
        feats.append("HASGOAL")
    return feats


def question_free_polarity(gold: str, question: Any, result: PolarityResult) -> str:
    """The label an answer has without its question (codebook §3, CODING.md P2).

    A bare list (no polarity cue) answering a "what works" question is ``works`` only because
    of the question; as a plain text it is ``neutral``. ``result`` is the rules' polarity of
    the text without a question (its cues stand for the evaluative words).
    """
    if gold == WORKS and question_kind(question) == WORKS and not result.cues:
        return NEUTRAL
    return gold


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
    "question_free_polarity",
    "question_kind",
    "rule_polarity",
    "split_clauses",
]
