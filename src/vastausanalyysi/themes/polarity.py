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

from spacy.tokens import Doc

from vastausanalyysi.themes.clauses import (
    MIXED,
    NEUTRAL,
    PROBLEM,
    SENTENCE_END,
    WORKS,
    Clause,
    Scopes,
    existential_negated,
    negated_tokens,
    scopes,
    split_clauses,
)
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.evaluative import (
    EvaluativeLexicon,
    derived_polarity,
    evaluative_lexicon,
    is_stage_form,
)
from vastausanalyysi.themes.phrases import PhraseSet
from vastausanalyysi.themes.tokens import TokenRow, doc_table

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


def _existential_negation(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "ei ole (ollut)", "ei ole havaittu", "ei …": a negation that denies existence."""
    verbs = [rows[j].nlemma for j in range(i + 1, min(i + 4, end)) if rows[j].olla or rows[j].verb]
    return all(v in _EXISTENTIAL for v in verbs)


def _necessity(rows: list[TokenRow], i: int, clause: range, improve: frozenset[str]) -> bool:
    """ "on vielä vahvistettava", "työnjako kirjattava sopimukseen": -ttava of necessity."""
    row = rows[i]
    if not row.low.endswith(("ttava", "ttävä", "tava", "tävä", "ttavaa", "ttävää")):
        return False
    if "present_passive" not in row.participle:
        return False
    if row.nlemma not in improve:
        return False  # "työnjako kirjattava sopimukseen": an obligation, neutral (§3 conv. 3)
    if any(rows[j].olla for j in range(max(clause.start, i - 3), i)):
        return True
    moods: set[Any] = set()
    for j in clause:
        if j != i:
            moods |= rows[j].moods
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


def _cue(keys: frozenset[str], lexicon: PolarityLexicon, in_need: bool) -> tuple[str, str] | None:
    if keys & lexicon.improve and in_need:
        return PROBLEM, "need"
    if keys & lexicon.works:
        return WORKS, "works"
    if keys & lexicon.problem:
        return PROBLEM, "problem"
    return None


def _same_sentence(rows: list[TokenRow], a: Clause, b: Clause) -> bool:
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return not any(rows[j].text in SENTENCE_END for j in range(lo, hi - 1))


@dataclass
class _Compiled:
    """What the rules make once per polarity lexicon: the works and problem phrases of the
    lexicon and the evaluative lexicon, their works and problem words, and per token row
    whether it can give a cue (a row without a cue word needs no closer look)."""

    phrases: PhraseSet
    cue_words: frozenset[str]
    maybe: dict[TokenRow, tuple[bool, bool]]


_COMPILED: list[tuple[PolarityLexicon, _Compiled]] = []


def _compiled(lexicon: PolarityLexicon) -> _Compiled:
    for lex, found in _COMPILED:
        if lex is lexicon:
            return found
    ev = evaluative_lexicon()
    phrases = PhraseSet(
        [(WORKS, p) for p in (*lexicon.works_phrases, *ev.works_phrases)]
        + [(PROBLEM, p) for p in (*lexicon.problem_phrases, *ev.problem_phrases)]
    )
    found = _Compiled(phrases, lexicon.works | lexicon.problem | ev.works | ev.problem, {})
    if len(_COMPILED) >= 8:
        _COMPILED.pop(0)
    _COMPILED.append((lexicon, found))
    return found


def _maybe_cue(
    row: TokenRow, lexicon: PolarityLexicon, compiled: _Compiled, ev: EvaluativeLexicon
) -> tuple[bool, bool]:
    """Whether a row can give a cue anywhere, and in a need scope (remembered per row)."""
    found = compiled.maybe.get(row)
    if found is None:
        keys = row.keys
        anywhere = (
            not keys.isdisjoint(compiled.cue_words)
            or "present_passive" in row.participle
            or "MA-infinitive" in row.moods
            or row.low in ev.works
            or _derived(row, ev) is not None
        )
        in_need = anywhere or not keys.isdisjoint(lexicon.improve) or _comparative(row)
        if len(compiled.maybe) >= 100_000:
            compiled.maybe.clear()
        found = compiled.maybe[row] = (anywhere, in_need)
    return found


def _phrase_hits(rows: list[TokenRow], lexicon: PolarityLexicon) -> dict[str, dict[int, int]]:
    """Start index -> token length of the works and the problem phrases found in a Doc.

    Phrases match the keys of the words (punctuation and spaces skipped); of phrases starting
    at the same token the longest counts.
    """
    where = [i for i, r in enumerate(rows) if not (r.punct or r.space)]
    keys = [rows[i].keys for i in where]
    hits: dict[str, dict[int, int]] = {WORKS: {}, PROBLEM: {}}
    for kind, _phrase, a, b in _compiled(lexicon).phrases.matches(keys):
        found = hits[kind]
        start = where[a]
        found[start] = max(found.get(start, 0), where[b - 1] - start + 1)
    return hits


def rule_polarity(
    doc: Doc, lexicon: PolarityLexicon, *, has_codes: bool = False, question: str | None = None
) -> PolarityResult:
    """Polarity of a Doc by the rules (see the module docstring).

    ``question`` is the kind of question answered ("works" or "problem", see
    :func:`question_kind`): a bare list of codes without polar words answering a "what works"
    question counts as ``works`` (codebook section 3); otherwise it is ``neutral``.
    """
    table = doc_table(doc)
    rows, starts = table.rows, table.starts
    found_scopes = scopes(table, lexicon)
    need, negation = found_scopes.need, found_scopes.negation
    clauses = [Clause(s, e, c, marker=m) for s, e, c, m in found_scopes.clauses]
    ev = evaluative_lexicon()
    hits = _phrase_hits(rows, lexicon)
    works_phr, problem_phr = hits[WORKS], hits[PROBLEM]
    compiled = _compiled(lexicon)
    # a token can give a cue if it starts a phrase or has a cue word (see _maybe_cue); the
    # verbal negations ("ilman", "vailla" are not verbs) by clause below
    cues = [
        i
        for i, row in enumerate(rows)
        if i in works_phr or i in problem_phr or _maybe_cue(row, lexicon, compiled, ev)[i in need]
    ]
    negations = [i for i, neg in enumerate(negation) if neg and rows[i].low not in _NOT_VERBAL]
    for clause in clauses:
        start, end = clause.start, clause.end
        span = rows[start:end]
        verbal = [i for i in negations if start <= i < end]
        lemmas = {r.nlemma for r in span} | {r.low for r in span}
        found_any: list[tuple[int, str, str]] = []
        candidates = [i for i in cues if start <= i < end]
        if candidates:
            found_any = _clause_cues(
                rows, clause, candidates, lemmas, verbal, found_scopes, lexicon, ev, hits
            )
        if found_any and _group_comparison(span, lemmas, ev):
            found_any = []  # "kuntajohtajat arvioivat tilanteen muita paremmaksi" (conv. 5)
        verbal = [n for n in verbal if _judging_negation(rows, n, end, ev)]
        for i, kind, why in found_any:
            if kind == WORKS:
                clause.works += 1.0
            else:
                clause.problem += 1.0
            clause.cues.append(_cue_dict(rows[i], starts[i], kind, why))
        if verbal and not clause.cues and not (lemmas & _NO_OPINION):
            # "päätöksenteko ei", "Ei millään", "yhteistyötä ei ole juurikaan ollut"
            clause.problem += 1.0
            clause.cues.append(_cue_dict(rows[verbal[0]], starts[verbal[0]], PROBLEM, "negation"))
        clause.past = bool(lemmas & _PAST)
        clause.now = bool(lemmas & _NOW)
    return _resolve_clauses(rows, clauses, has_codes=has_codes, question=question)


_NOT_VERBAL = {"ilman", "vailla"}


def _clause_cues(
    rows: list[TokenRow],
    clause: Clause,
    candidates: list[int],
    lemmas: set[str],
    verbal: list[int],
    found_scopes: Scopes,
    lexicon: PolarityLexicon,
    ev: EvaluativeLexicon,
    hits: dict[str, dict[int, int]],
) -> list[tuple[int, str, str]]:
    """(token, kind, rule) of the cues of one clause, from the tokens that can give one."""
    negated, goal, need = found_scopes.negated, found_scopes.goal, found_scopes.need
    works_phr, problem_phr = hits[WORKS], hits[PROBLEM]
    rng = range(clause.start, clause.end)
    span = rows[clause.start : clause.end]
    conditional = any(r.conditional for r in span)
    existential = [i for i in verbal if _existential_negation(rows, i, clause.end)]
    decrease = [
        i
        for i in rng
        if (_resolves(rows[i], i, negated) or (rows[i].keys & lexicon.decrease and rows[i].verb))
        and "MINEN-infinitive" not in rows[i].moods
    ]
    manner_neg = bool(lemmas & _MANNER_NEG)
    few = any(
        rows[i].low in _ONLY
        and any(
            rows[j].like_num or rows[j].nlemma in _SHARE for j in range(i, min(i + 4, clause.end))
        )
        for i in rng
    ) or bool(lemmas & {"harva", "vähemmistö"})
    skip: set[int] = set()
    found: tuple[str, str] | None
    found_any: list[tuple[int, str, str]] = []
    finite = any(r.moods & {"indicative", "conditional", "imperative"} for r in span if r.verb)
    for i in candidates:
        row = rows[i]
        keys = row.keys
        low = row.low
        if row.punct or row.space or i in skip:
            continue
        if low in _NOT_CUE:
            continue
        if _intensifier(rows, i, clause.end):
            continue  # "hyvin erilainen", "hyvin pieni kunta": degree, not praise
        if i in works_phr and low.endswith(("tava", "tävä")):
            found = (PROBLEM, "need")  # "on saatava kuntoon": it is not yet
            skip.update(range(i, i + works_phr[i]))
        elif i in works_phr and i not in need and i not in goal:
            found = (WORKS, "phrase")
            skip.update(range(i, i + works_phr[i]))
        elif i in problem_phr:
            found = (PROBLEM, "phrase")
            skip.update(range(i, i + problem_phr[i]))
        elif _necessity(rows, i, rng, lexicon.improve) and i not in goal:
            found = (PROBLEM, "need")
        elif i in need and _comparative(row):
            found = (PROBLEM, "need")  # "pitäisi sopia selkeämmin", "nykyistä useammin"
        elif is_stage_form(rows, i, ev):
            found = (PROBLEM, "stage")  # "yhä allekirjoittamatta", "vasta muotoutumassa"
        elif low in ev.works:
            found = (WORKS, "works")  # "kitkatta", "vaivatta": before "kitka", "vaiva"
        elif "vajanto" in row.cases and (keys & lexicon.problem or keys & ev.problem):
            found = (WORKS, "abessive")  # "viiveettä", "ongelmitta"
        else:
            found = _cue(keys, lexicon, i in need) or _extra_cue(rows, i, ev)
        if found is None:
            continue
        kind, why = found
        if kind == PROBLEM and why == "problem" and _postposition(rows, i):
            continue  # "kahden koulun kesken" = between two schools
        if kind == WORKS and _hard_before(rows, i, clause.start):
            continue  # "vaikea saada sovittua": "vaikea" carries the cue
        if kind == WORKS and _function_verb(rows, i, clause.end):
            continue  # "toimii koordinaattorina": a role, not a judgment
        if kind == WORKS and (lemmas & _HOW) and row.nlemma in _HOW_VERBS:
            continue  # "Näin yhteistyö toimii arjessa"
        if kind == WORKS and _comparative(row) and not finite and i == clause.start:
            kind, why = PROBLEM, "need"  # "Selkeämpi vastuunjako": a proposal, a lack
        if kind == WORKS and low.endswith(("matta", "mättä")):
            kind, why = PROBLEM, why + "+abessive"  # "yhä ratkaisematta"
        if i in decrease and any(
            j != i and rows[j].keys & lexicon.problem and not rows[j].keys & lexicon.decrease
            for j in rng
        ):
            continue  # the decreasing problem word carries the cue (as an improvement)
        governing = [n for n in verbal if n < i]
        if (
            i in negated
            and kind == PROBLEM
            and not row.verb
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
        found_any.append((i, kind, why))
    return _attributive_yields(rows, found_any)


def _resolve_clauses(
    rows: list[TokenRow], clauses: list[Clause], *, has_codes: bool, question: str | None
) -> PolarityResult:
    """The answer's label from its clauses' cues: a past problem that is over and an obstacle
    overcome count no more; both kinds of clause make it mixed."""
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
            words = {rows[j].low for j in range(clause.start, clause.end)}
            first = clause.start <= 1 or rows[clause.start - 2].text in SENTENCE_END
            if not (first or words & _ANAPHOR):
                continue  # "X toimii, vaikka Y takkuaa": two things, mixed
            same = [c for c in clauses if c is not clause and _same_sentence(rows, c, clause)]
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


#: Words after an intensifier "hyvin" that are not degree words ("otettiin hyvin vastaan").
_NOT_DEGREE = {"vastaan", "mukana", "mukaan", "perillä", "selvillä", "kärryillä", "tietoinen"}


def _intensifier(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "hyvin" before an adjective or adverb (degree), not after a verb (manner)."""
    if rows[i].low != "hyvin":
        return False
    j = i + 1
    if j >= end or rows[j].punct:
        return False
    nxt = rows[j]
    if nxt.low in _NOT_DEGREE:
        return False
    if i > 0 and rows[i - 1].verb and not rows[i - 1].olla:
        return False  # "on päästy hyvin eteenpäin": manner after a verb
    classes = nxt.classes
    if "teonsana" in classes:
        return False  # "hyvin toimiva", "hyvin hoidettu": manner of a participle
    return bool(classes & {"laatusana", "seikkasana", "lukusana"})


def _extra_cue(rows: list[TokenRow], i: int, ev: EvaluativeLexicon) -> tuple[str, str] | None:
    """A cue from the evaluative lexicon: its words, derivations and stage forms."""
    row = rows[i]
    if row.keys & ev.works:
        return WORKS, "works"
    if row.keys & ev.problem:
        return PROBLEM, "problem"
    if is_stage_form(rows, i, ev):
        return PROBLEM, "stage"
    kind = _derived(row, ev)
    if kind is not None:
        return kind, "derived"
    return None


def _derived(row: TokenRow, ev: EvaluativeLexicon) -> str | None:
    """:func:`derived_polarity` against the evaluative works words, once per lemma and class."""
    key = (row.norm, row.classes)
    kind = _DERIVED.get(key, _UNSEEN)
    if kind is _UNSEEN:
        if len(_DERIVED) >= 100_000:
            _DERIVED.clear()
        kind = _DERIVED[key] = derived_polarity(row, ev.works, ev)
    return kind


#: derived_polarity of the evaluative lexicon by what it reads of a row (lemma, word classes).
_DERIVED: dict[tuple[str, frozenset[Any]], Any] = {}
_UNSEEN = object()


def _resolves(row: TokenRow, i: int, negated: frozenset[int]) -> bool:
    """ "saatiin ratkaistua", not "edelleen ratkaisematta" nor "ei ole korjattu"."""
    return (
        bool(row.keys & _RESOLVE) and not row.low.endswith(("matta", "mättä")) and i not in negated
    )


def _function_verb(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "toimia" with an essive ("toimii vajaamiehitettynä", "toimii yhteyshenkilönä")."""
    if rows[i].nlemma != "toimia":
        return False
    return any("olento" in rows[j].cases for j in range(i + 1, min(i + 3, end)))


def _attributive(rows: list[TokenRow], i: int) -> bool:
    """An adjective before a noun ("hyvä henki"), not a predicate ("henki on hyvä")."""
    if i + 1 >= len(rows) or "laatusana" not in rows[i].classes:
        return False
    return "nimisana" in rows[i + 1].classes


def _attributive_yields(
    rows: list[TokenRow], found: list[tuple[int, str, str]]
) -> list[tuple[int, str, str]]:
    """ "Hyvä henki on murentunut": a describing adjective yields to the predicate's judgment."""
    kinds = {kind for i, kind, _ in found if not _attributive(rows, i)}
    if len(kinds) != 1:
        return found
    (predicate,) = kinds
    return [f for f in found if f[1] == predicate or not _attributive(rows, f[0])]


def _comparative(row: TokenRow) -> bool:
    """A comparative adjective or adverb ("selkeämpi", "useammin"), not "enemmän" of a verb."""
    return "comparative" in row.comparison and bool(row.classes & {"laatusana", "seikkasana"})


#: Words of an earlier time: a comparison with them is a change, not a group comparison.
_EARLIER = {"ennen", "aiemmin", "aikaisemmin", "viime", "edellinen", "aiempi", "alku", "vuosi"}


def _group_comparison(span: list[TokenRow], lemmas: set[str], ev: EvaluativeLexicon) -> bool:
    """A rating verb with a comparative and "kuin"/"muu": respondent groups compared."""
    if not lemmas & ev.rating_verbs or not lemmas & {"kuin", "muu", "muut", "muita"}:
        return False
    if lemmas & _EARLIER:
        return False  # "pidetään parempana kuin ennen": a change over time, not groups

    return any("comparative" in r.comparison for r in span)


def _judging_negation(rows: list[TokenRow], n: int, end: int, ev: EvaluativeLexicon) -> bool:
    """A negation that can judge by itself (codebook §3 convention 6).

    Not "ei pelkästään / ei vain … vaan myös", not "ei mitään erityistä", and not the negation
    of a verb that describes a duty ("hyvinvointialue ei vastaa liikuntapaikoista").
    """
    after = [j for j in range(n + 1, min(n + 4, end)) if not rows[j].punct]
    if any(rows[j].low in ev.focus_particles for j in after[:2]):
        return False
    if [rows[j].norm for j in after[:2]] in (["mikään", "erityinen"], ["mitään", "erityistä"]):
        return False
    verbs = [j for j in after if rows[j].verb and not rows[j].olla]
    if not verbs and not any(rows[j].olla for j in after):
        # "… ei vastaa liikuntapalveluista eikä kirjastoista": the verb is the earlier one's
        earlier = next(
            (
                j
                for j in range(n - 1, -1, -1)
                if rows[j].text in SENTENCE_END or rows[j].nlemma == "ei"
            ),
            None,
        )
        if earlier is not None and rows[earlier].text not in SENTENCE_END:
            return _judging_negation(rows, earlier, n, ev)
        return True
    if not verbs:
        return True  # "ei ole …": an existential negation
    verb = rows[verbs[0]].nlemma
    if verb not in ev.descriptive_verbs:
        return True
    # "ei vastaa liikuntapaikoista" (a duty) but "ei vastaa puheluihin" (a failure)
    cases = _DUTY_CASES.get(verb, _DUTY_CASES[""])
    return not any(rows[j].cases & cases for j in range(verbs[0] + 1, end))


#: Cases of a duty's object: "vastaa tiloista" (elative), "kuuluu kunnalle|tehtäviin".
_DUTY_CASES = {
    "vastata": {"sisaeronto"},
    "kuulua": {"ulkotulento", "sisatulento"},
    "": {"sisaeronto", "ulkotulento"},
}


def _postposition(rows: list[TokenRow], i: int) -> bool:
    """ "kesken" after a genitive is the postposition "among", not "unfinished"."""
    return rows[i].low == "kesken" and i > 0 and rows[i - 1].genitive and not rows[i - 1].olla


def _hard_before(rows: list[TokenRow], i: int, start: int) -> bool:
    """A works cue governed by "vaikea|hankala|mahdoton" up to three words before it."""
    return any(rows[j].low in _HARD for j in range(max(start, i - 3), i))


def _cue_dict(row: TokenRow, start: int, kind: str, why: str) -> dict[str, Any]:
    return {
        "surface": row.text,
        "lemma": row.lemma,
        "polarity": kind,
        "rule": why,
        "start": start,
        "end": start + len(row.text),
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
    table = doc_table(doc)
    rows = table.rows
    found = scopes(table, lexicon)
    negated, goal, need = found.negated, found.goal, found.need
    result = result if result is not None else rule_polarity(doc, lexicon)
    clauses = result.clauses
    roles = _clause_roles(clauses)
    feats: list[str] = [f"RULE={result.label}"]
    for clause, role in zip(clauses, roles, strict=True):
        prefix = "C2_" if clause.contrast else ""
        for i in range(clause.start, clause.end):
            row = rows[i]
            if row.punct or row.space:
                continue
            lemma = row.norm
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
