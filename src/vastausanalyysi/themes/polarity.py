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

The clause split and the negation, goal and need scopes live in
:mod:`vastausanalyysi.themes.clauses`; this module weighs the cues in them, tells the kind of
question answered, and gives the features of the learned polarity model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from vastausanalyysi.themes.clauses import (
    MIXED,
    NEUTRAL,
    PROBLEM,
    SENTENCE_END,
    WORKS,
    Clause,
    existential_negated,
    goal_scope,
    is_negation,
    negated_tokens,
    phrase_hits,
    split_clauses,
)
from vastausanalyysi.themes.codes import PolarityLexicon, norm_term
from vastausanalyysi.themes.evaluative import (
    EvaluativeLexicon,
    derived_polarity,
    evaluative_lexicon,
    is_stage_form,
)
from vastausanalyysi.themes.tokens import (
    analysis_values,
    is_conditional,
    is_genitive,
    is_olla,
    is_verb,
    token_keys,
)

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
    "heikoimmin",
    "huonoimmin",
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
#: Solving a problem: "riita saatiin ratkaistua" (a participle, so not only verbs).
_RESOLVE = frozenset({"ratkaista", "ratkaistu", "korjata", "korjattu", "selättää"})
#: "vaikea saada sovittua": a success that is hard to reach is not a success.
_HARD = {"vaikea", "vaikeaa", "hankala", "hankalaa", "mahdoton", "mahdotonta", "työläs"}
#: "Näin yhteistyö toimii arjessa", "miten palvelu toimii": how something works, not whether.
_HOW = {"näin", "miten", "kuinka"}
_HOW_VERBS = {"toimia", "sujua", "onnistua"}


def _existential_negation(doc: Doc, i: int, end: int) -> bool:
    """ "ei ole (ollut)", "ei ole havaittu", "ei …": a negation that denies existence."""
    verbs = [
        norm_term(doc[j].lemma_)
        for j in range(i + 1, min(i + 4, end))
        if is_olla(doc[j]) or is_verb(doc[j])
    ]
    return all(v in _EXISTENTIAL for v in verbs)


def _necessity(doc: Doc, token: Token, clause: range, improve: frozenset[str]) -> bool:
    """ "on vielä vahvistettava", "työnjako kirjattava sopimukseen": -ttava of necessity."""
    low = token.text.lower()
    if not low.endswith(("ttava", "ttävä", "tava", "tävä", "ttavaa", "ttävää")):
        return False
    if "present_passive" not in analysis_values(token, "PARTICIPLE"):
        return False
    if norm_term(token.lemma_) not in improve:
        return False  # "työnjako kirjattava sopimukseen": an obligation, neutral (§3 conv. 3)
    before = [doc[j] for j in range(max(clause.start, token.i - 3), token.i)]
    olla = [t for t in before if is_olla(t)]
    if olla and norm_term(token.lemma_) not in improve:
        k = olla[-1].i - 1
        if k >= clause.start and is_genitive(doc[k]):
            return False  # "hyvinvointialueen on kuultava kuntia": a party's duty, not a lack
    if olla:
        return True
    moods = set()
    for j in clause:
        if j != token.i:
            moods |= analysis_values(doc[j], "MOOD")
    return not moods & {"indicative", "conditional", "imperative"}


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


def _same_sentence(doc: Doc, a: Clause, b: Clause) -> bool:
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return not any(doc[j].text in SENTENCE_END for j in range(lo, hi - 1))


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
    goal, need = goal_scope(doc, lexicon)
    ev = evaluative_lexicon()
    works_phr = _merge(phrase_hits(doc, lexicon.works_phrases), phrase_hits(doc, ev.works_phrases))
    problem_phr = _merge(
        phrase_hits(doc, lexicon.problem_phrases), phrase_hits(doc, ev.problem_phrases)
    )
    for clause in clauses:
        span = [doc[i] for i in range(clause.start, clause.end)]
        rng = range(clause.start, clause.end)
        conditional = any(is_conditional(t) for t in span)
        negations = [t.i for t in span if is_negation(t, lexicon)]
        verbal = [i for i in negations if doc[i].text.lower() not in {"ilman", "vailla"}]
        existential = [i for i in verbal if _existential_negation(doc, i, clause.end)]
        lemmas = {norm_term(t.lemma_) for t in span} | {t.text.lower() for t in span}
        all_keys = [token_keys(t) for t in span]
        decrease = [
            t.i
            for t, k in zip(span, all_keys, strict=True)
            if (_resolves(t, k, negated) or (k & lexicon.decrease and is_verb(t)))
            and "MINEN-infinitive" not in analysis_values(t, "MOOD")
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
        found: tuple[str, str] | None
        found_any: list[tuple[Token, str, str]] = []
        comparison = _group_comparison(span, lemmas, ev)
        finite = any(
            analysis_values(t, "MOOD") & {"indicative", "conditional", "imperative"}
            for t in span
            if is_verb(t)
        )
        for token, keys in zip(span, all_keys, strict=True):
            i = token.i
            if token.is_punct or token.is_space or i in skip:
                continue
            if token.text.lower() in _NOT_CUE:
                continue
            if _intensifier(doc, token, clause.end):
                continue  # "hyvin erilainen", "hyvin pieni kunta": degree, not praise
            if i in works_phr and token.text.lower().endswith(("tava", "tävä")):
                found = (PROBLEM, "need")  # "on saatava kuntoon": it is not yet
                skip.update(range(i, i + works_phr[i]))
            elif i in works_phr and i not in need and i not in goal:
                found = (WORKS, "phrase")
                skip.update(range(i, i + works_phr[i]))
            elif i in problem_phr:
                found = (PROBLEM, "phrase")
                skip.update(range(i, i + problem_phr[i]))
            elif _necessity(doc, token, rng, lexicon.improve) and i not in goal:
                found = (PROBLEM, "need")
            elif i in need and _comparative(token):
                found = (PROBLEM, "need")  # "pitäisi sopia selkeämmin", "nykyistä useammin"
            elif is_stage_form(token, ev):
                found = (PROBLEM, "stage")  # "yhä allekirjoittamatta", "vasta muotoutumassa"
            elif token.text.lower() in ev.works:
                found = (WORKS, "works")  # "kitkatta", "vaivatta": before "kitka", "vaiva"
            elif _abessive(token) and keys & (lexicon.problem | ev.problem):
                found = (WORKS, "abessive")  # "viiveettä", "ongelmitta"
            else:
                found = _cue(token, keys, lexicon, i in need) or _extra_cue(token, keys, ev)
            if found is None:
                continue
            kind, why = found
            if kind == PROBLEM and why == "problem" and _postposition(doc, token):
                continue  # "kahden koulun kesken" = between two schools
            if kind == WORKS and _hard_before(doc, token, clause.start):
                continue  # "vaikea saada sovittua": "vaikea" carries the cue
            if kind == WORKS and _function_verb(doc, token, clause.end):
                continue  # "toimii koordinaattorina": a role, not a judgment
            if kind == WORKS and (lemmas & _HOW) and norm_term(token.lemma_) in _HOW_VERBS:
                continue  # "Näin yhteistyö toimii arjessa"
            if kind == WORKS and _comparative(token) and not finite and i == clause.start:
                kind, why = PROBLEM, "need"  # "Selkeämpi vastuunjako": a proposal, a lack
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
                and not is_verb(token)
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
        found_any = _attributive_yields(found_any)
        if comparison:
            found_any = []  # "kuntajohtajat arvioivat tilanteen muita paremmaksi" (conv. 5)
        verbal = [n for n in verbal if _judging_negation(doc, n, clause.end, ev)]
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
            first = clause.start <= 1 or doc[clause.start - 2].text in SENTENCE_END
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


def _merge(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    out = dict(a)
    for k, n in b.items():
        out[k] = max(out.get(k, 0), n)
    return out


#: Words after an intensifier "hyvin" that are not degree words ("otettiin hyvin vastaan").
_NOT_DEGREE = {"vastaan", "mukana", "mukaan", "perillä", "selvillä", "kärryillä", "tietoinen"}


def _intensifier(doc: Doc, token: Token, end: int) -> bool:
    """ "hyvin" before an adjective or adverb (degree), not after a verb (manner)."""
    if token.text.lower() != "hyvin":
        return False
    j = token.i + 1
    if j >= end or doc[j].is_punct:
        return False
    nxt = doc[j]
    if nxt.text.lower() in _NOT_DEGREE:
        return False
    if token.i > 0 and is_verb(doc[token.i - 1]) and not is_olla(doc[token.i - 1]):
        return False  # "on päästy hyvin eteenpäin": manner after a verb
    classes = analysis_values(nxt, "CLASS")
    if "teonsana" in classes:
        return False  # "hyvin toimiva", "hyvin hoidettu": manner of a participle
    return bool(classes & {"laatusana", "seikkasana", "lukusana"})


def _extra_cue(token: Token, keys: frozenset[str], ev: EvaluativeLexicon) -> tuple[str, str] | None:
    """A cue from the evaluative lexicon: its words, derivations and stage forms."""
    if keys & ev.works:
        return WORKS, "works"
    if keys & ev.problem:
        return PROBLEM, "problem"
    if is_stage_form(token, ev):
        return PROBLEM, "stage"
    kind = derived_polarity(token, ev.works, ev)
    if kind is not None:
        return kind, "derived"
    return None


def _resolves(token: Token, keys: frozenset[str], negated: set[int]) -> bool:
    """ "saatiin ratkaistua", not "edelleen ratkaisematta" nor "ei ole korjattu"."""
    low = token.text.lower()
    return bool(keys & _RESOLVE) and not low.endswith(("matta", "mättä")) and token.i not in negated


def _function_verb(doc: Doc, token: Token, end: int) -> bool:
    """ "toimia" with an essive ("toimii vajaamiehitettynä", "toimii yhteyshenkilönä")."""
    if norm_term(token.lemma_) != "toimia":
        return False
    return any(
        "olento" in analysis_values(doc[j], "SIJAMUOTO")
        for j in range(token.i + 1, min(token.i + 3, end))
    )


def _attributive(token: Token) -> bool:
    """An adjective before a noun ("hyvä henki"), not a predicate ("henki on hyvä")."""
    doc = token.doc
    if token.i + 1 >= len(doc) or "laatusana" not in analysis_values(token, "CLASS"):
        return False
    nxt = analysis_values(doc[token.i + 1], "CLASS")
    return "nimisana" in nxt


def _attributive_yields(
    found: list[tuple[Token, str, str]],
) -> list[tuple[Token, str, str]]:
    """ "Hyvä henki on murentunut": a describing adjective yields to the predicate's judgment."""
    kinds = {kind for token, kind, _ in found if not _attributive(token)}
    if len(kinds) != 1:
        return found
    (predicate,) = kinds
    return [f for f in found if f[1] == predicate or not _attributive(f[0])]


def _abessive(token: Token) -> bool:
    """An abessive noun ("viiveettä", "ongelmitta"): without the thing."""
    return "vajanto" in analysis_values(token, "SIJAMUOTO")


def _comparative(token: Token) -> bool:
    """A comparative adjective or adverb ("selkeämpi", "useammin"), not "enemmän" of a verb."""
    return "comparative" in analysis_values(token, "COMPARISON") and bool(
        analysis_values(token, "CLASS") & {"laatusana", "seikkasana"}
    )


#: Words of an earlier time: a comparison with them is a change, not a group comparison.
_EARLIER = {"ennen", "aiemmin", "aikaisemmin", "viime", "edellinen", "aiempi", "alku", "vuosi"}


def _group_comparison(span: list[Token], lemmas: set[str], ev: EvaluativeLexicon) -> bool:
    """A rating verb with a comparative and "kuin"/"muu": respondent groups compared."""
    if not lemmas & ev.rating_verbs or not lemmas & {"kuin", "muu", "muut", "muita"}:
        return False
    if lemmas & _EARLIER:
        return False  # "pidetään parempana kuin ennen": a change over time, not groups

    return any("comparative" in analysis_values(t, "COMPARISON") for t in span)


def _judging_negation(doc: Doc, n: int, end: int, ev: EvaluativeLexicon) -> bool:
    """A negation that can judge by itself (codebook §3 convention 6).

    Not "ei pelkästään / ei vain … vaan myös", not "ei mitään erityistä", and not the negation
    of a verb that describes a duty ("hyvinvointialue ei vastaa liikuntapaikoista").
    """
    after = [doc[j] for j in range(n + 1, min(n + 4, end)) if not doc[j].is_punct]
    words = [norm_term(t.lemma_ or t.text) for t in after]
    if any(t.text.lower() in ev.focus_particles for t in after[:2]):
        return False
    if words[:2] in (["mikään", "erityinen"], ["mitään", "erityistä"]):
        return False
    verbs = [t for t in after if is_verb(t) and not is_olla(t)]
    if not verbs and not any(is_olla(t) for t in after):
        # "… ei vastaa liikuntapalveluista eikä kirjastoista": the verb is the earlier one's
        earlier = next(
            (
                j
                for j in range(n - 1, -1, -1)
                if doc[j].text in SENTENCE_END or norm_term(doc[j].lemma_) == "ei"
            ),
            None,
        )
        if earlier is not None and doc[earlier].text not in SENTENCE_END:
            return _judging_negation(doc, earlier, n, ev)
        return True
    if not verbs:
        return True  # "ei ole …": an existential negation
    verb = norm_term(verbs[0].lemma_)
    if verb not in ev.descriptive_verbs:
        return True
    # "ei vastaa liikuntapaikoista" (a duty) but "ei vastaa puheluihin" (a failure)
    cases = _DUTY_CASES.get(verb, _DUTY_CASES[""])
    rest = [doc[j] for j in range(verbs[0].i + 1, end)]
    return not any(analysis_values(t, "SIJAMUOTO") & cases for t in rest)


#: Cases of a duty's object: "vastaa tiloista" (elative), "kuuluu kunnalle|tehtäviin".
_DUTY_CASES = {
    "vastata": {"sisaeronto"},
    "kuulua": {"ulkotulento", "sisatulento"},
    "": {"sisaeronto", "ulkotulento"},
}


def _postposition(doc: Doc, token: Token) -> bool:
    """ "kesken" after a genitive is the postposition "among", not "unfinished"."""
    return (
        token.text.lower() == "kesken"
        and token.i > 0
        and is_genitive(doc[token.i - 1])
        and not is_olla(doc[token.i - 1])
    )


def _hard_before(doc: Doc, token: Token, start: int) -> bool:
    """A works cue governed by "vaikea|hankala|mahdoton" up to three words before it."""
    return any(doc[j].text.lower() in _HARD for j in range(max(start, token.i - 3), token.i))


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


def polarity_tokens(
    doc: Doc, lexicon: PolarityLexicon, result: PolarityResult | None = None
) -> list[str]:
    """Features for a learned polarity model: lemmas marked by negation, contrast and cues.

    Besides the rules' label, each lemma is marked for a contrast clause (``C2_``), a goal or
    task scope (``G_``: "tavoitteena on vähentää ongelmia"), a need scope (``N_``: "pitäisi
    parantaa") and negation (``NEG_``). Per clause, the rules' cues (``CUE_``) and their rule
    kind by the clause's role ("C1" before a contrast word, "C2" after one, "M" otherwise;
    ``CUER_C1_works_works``), and the clause's own label (``CL_C2=problem``); per sentence,
    whether works and problem cues fall in different clauses (``MIXCL``) or the same one
    (``MIXSAME``), how many clauses carry each (``NW=``, ``NP=``, capped at 2), the first and
    last polar clause (``FIRST=``, ``LAST=``: the final assessment wins, CODING.md P4), no cue
    at all (``NOCUE``) and a goal scope (``HASGOAL``). ``result``: ``rule_polarity(doc,
    lexicon)`` if the caller has it already (it is computed once per Doc by ``tag()``).
    """
    negated = negated_tokens(doc, lexicon)
    result = result if result is not None else rule_polarity(doc, lexicon)
    goal, need = goal_scope(doc, lexicon)
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
