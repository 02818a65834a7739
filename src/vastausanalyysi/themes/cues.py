"""The cue rules of the rule polarity: which token of a clause gives a works or problem cue.

Within a clause, success and problem words and phrases (the codebook's polarity lexicon and the
evaluative lexicon, matched on a token row's keys) are cues; :func:`clause_cues` applies the
rules that turn, drop or keep them (negation, decrease, goal and need scopes, intensifiers,
negative manner, few holders, attributive adjectives …). Only the tokens that
:func:`cue_candidates` finds are looked at. :mod:`vastausanalyysi.themes.polarity` weighs the
clauses' cues into the answer's label.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from vastausanalyysi.themes.aims import REQUIRE_VERBS
from vastausanalyysi.themes.clauses import (
    PROBLEM,
    WORKS,
    Clause,
    Scopes,
    crosses_sentence,
)
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.counterfactual import (
    TO_AN_END,
    achieved,
    brought_to_end,
    improved_participle,
    possibility,
    potential,
)
from vastausanalyysi.themes.cue_change import (
    better_before,
    cheaper,
    lost_contest,
    prevented,
    problem_gone,
    unchanged,
)
from vastausanalyysi.themes.cue_context import (
    adpositional_kesken,
    advice,
    aim_predicate,
    attempted,
    attributive,
    based_on,
    before_participle,
    best_possible,
    by_place,
    circumstance,
    conceded,
    demonstrative_frame,
    example_of,
    example_topic,
    existential_verb,
    formal_appeal,
    future_tense,
    intensifier,
    living_alone,
    noun_content,
    obligation,
    operating_in,
    operating_mode,
    right_to,
    time_to_come,
    to_do,
)
from vastausanalyysi.themes.cue_words import (
    NEGATIVE_PARTICIPLE,
    derived_kind,
    extra_cue,
    negative_participle,
    no_difference,
    previously,
    problem_word,
    quality_noun,
)
from vastausanalyysi.themes.evaluative import (
    EvaluativeLexicon,
    evaluative_lexicon,
    is_stage_form,
)
from vastausanalyysi.themes.negation_context import (
    JOINING_NEGATIONS,
    corrected_negation,
)
from vastausanalyysi.themes.negation_scope import VERBLESS_NEGATIONS
from vastausanalyysi.themes.phrases import PhraseSet
from vastausanalyysi.themes.tokens import (
    TokenRow,
    comparative,
    conditional_verb,
    remember,
    rule_words,
)

#: Negative manner adverbs: "on onnistunut heikoiten" is a problem, not a success.
_MANNER_NEG = rule_words("negative_manner_adverbs")
#: "vain|ainoastaan|alle" + a share: a positive finding held by few is a problem.
_ONLY = rule_words("only_words")
#: "vasta kun", "vain jos": a success only on a condition ("toimii vasta kun kunta patistaa")
_ONLY_WHEN = rule_words("only_when_words")
_WHEN_IF = rule_words("when_if_words")
_SHARE = rule_words("share_words")

#: Verbs after which a negated problem noun is absent ("ei ole havaittu ongelmia").
_EXISTENTIAL = rule_words("existence_verbs")


#: No cues: "puuttua" + illative means "to intervene", not "to be missing"; "tarvittaessa" is
#: "if needed", not a need.
_NOT_CUE = rule_words("not_cue_forms")
#: Solving a problem: "riita saatiin ratkaistua" (a participle, so not only verbs).
_RESOLVE = rule_words("resolve_words")
#: "vaikea saada sovittua": a success that is hard to reach is not a success.
_HARD = rule_words("hard_words")
#: "Näin yhteistyö toimii arjessa", "miten palvelu toimii": how something works, not whether.
_HOW = rule_words("how_words")
#: Question words of degree: a manner word right after one is asked about ("kuinka nopeasti";
#: not "näin hyvin", which may praise).
_DEGREE_QUESTION = _HOW - {"näin"}
_HOW_VERBS = rule_words("how_verbs")


def _existential_negation(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "ei ole (ollut)", "ei ole havaittu", "ei …": a negation that denies existence (a
    participle before a noun is an adjective: "ei ole havaittu merkittäviä puutteita")."""
    verbs = [
        rows[j].nlemma
        for j in range(i + 1, min(i + 4, end))
        if (rows[j].olla or rows[j].verb) and not attributive(rows, j)
    ]
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


def _cue(keys: frozenset[str], lexicon: PolarityLexicon, in_need: bool) -> tuple[str, str] | None:
    if keys & lexicon.improve and in_need:
        return PROBLEM, "need"
    if keys & lexicon.works:
        return WORKS, "works"
    if keys & lexicon.problem:
        return PROBLEM, "problem"
    return None


def _word_cue(
    row: TokenRow, lexicon: PolarityLexicon, ev: EvaluativeLexicon, in_need: bool
) -> tuple[str, str] | None:
    """The cue of a word: the whole word decides before its last part ("epäonnistua" is a
    problem word though "onnistua" is a works word), and a negative prefix before a works part
    makes a problem ("epätoimiva", "epäsujuva")."""
    keys = row.keys
    if not row.parts:
        return _cue(keys, lexicon, in_need)
    found = _cue(keys - {row.parts[-1]}, lexicon, in_need)
    if (
        found is None
        and row.norm.startswith(ev.negative_prefixes)
        and derived_kind(row, ev) == PROBLEM
    ):
        found = PROBLEM, "derived"
    return found or _cue(keys, lexicon, in_need)


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
            or improved_participle(row)
            or "MA-infinitive" in row.moods
            or row.low in ev.works
            or row.low == TO_AN_END  # "saatiin päätökseen": brought_to_end
            or row.norm.endswith(("isuus", "isyys", "maton", "mätön", "yminen", "uminen"))
            or derived_kind(row, ev) is not None
        )
        in_need = anywhere or not keys.isdisjoint(lexicon.improve) or comparative(row)
        found = remember(compiled.maybe, row, (anywhere, in_need))
    return found


def phrase_hits(rows: list[TokenRow], lexicon: PolarityLexicon) -> dict[str, dict[int, int]]:
    """Start index -> token length of the works and the problem phrases found in a Doc.

    Phrases match the keys of the words (punctuation and spaces skipped) within a sentence; of
    phrases starting at the same token the longest counts.
    """
    where = [i for i, r in enumerate(rows) if not (r.punct or r.space)]
    keys = [rows[i].keys for i in where]
    hits: dict[str, dict[int, int]] = {WORKS: {}, PROBLEM: {}, _SAYS_NOT: {}}
    for kind, phrase, a, b in _compiled(lexicon).phrases.matches(keys):
        if crosses_sentence(rows, where[a], where[b - 1]):
            continue
        found = hits[kind]
        start = where[a]
        found[start] = max(found.get(start, 0), where[b - 1] - start + 1)
        if any("ei" in element for element in phrase.elements):
            hits[_SAYS_NOT][start] = 1  # "ääni ei kuulua": the negation is the phrase's own
    return hits


_SAYS_NOT = "negation"


def cue_candidates(
    rows: list[TokenRow],
    need: frozenset[int],
    hits: dict[str, dict[int, int]],
    lexicon: PolarityLexicon,
) -> list[int]:
    """The tokens that can give a cue: they start a phrase or have a cue word (in a need
    scope, also an improvement word or a comparative); the others need no closer look."""
    compiled = _compiled(lexicon)
    ev = evaluative_lexicon()
    works_phr, problem_phr = hits[WORKS], hits[PROBLEM]
    return [
        i
        for i, row in enumerate(rows)
        if i in works_phr or i in problem_phr or _maybe_cue(row, lexicon, compiled, ev)[i in need]
    ]


def verbal_negations(rows: list[TokenRow], negation: Sequence[bool]) -> list[int]:
    """The negations that are verbs ("ei", "eivät"; not "ilman", "vailla")."""
    return [i for i, neg in enumerate(negation) if neg and rows[i].low not in VERBLESS_NEGATIONS]


#: The moods of a finite verb that make a clause more than a verbless list.
_FINITE = frozenset({"indicative", "conditional", "imperative"})


def clause_cues(
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
    # a wish, or an aim named by the predicate ("sujuva tiedonkulku on yhteinen tavoite")
    # (a verb read in the conditional: "toimisi" is also "toimi" + "-si"; not "voisi olla hyvä
    # malli", a potential granted, nor "olisi")
    conditional = any(r.conditional or (conditional_verb(r) and r.nlemma != "voida") for r in span)
    conditional = conditional or aim_predicate(rows, clause.start, clause.end)
    # advice or a duty: "hyviä käytäntöjä on hyvä jakaa", "palvelut on turvattava" (conv. 3)
    conditional = conditional or any(
        advice(rows, j, clause.end) or obligation(rows, j, clause.end) for j in rng
    )
    existential = [i for i in verbal if _existential_negation(rows, i, clause.end)]
    existential_set = frozenset(existential)
    is_problem = partial(problem_word, lexicon=lexicon, ev=ev)  # made once, not per word
    decrease = [
        i
        for i in rng
        if (
            _resolves(rows, i, negated)
            or (rows[i].verb and not rows[i].keys.isdisjoint(lexicon.decrease))
            or problem_gone(rows, i, clause.start, is_problem)
        )
        and "MINEN-infinitive" not in rows[i].moods
        and not cheaper(rows, i, clause.start, clause.end)  # costs cut: no other word turns
    ]
    manner_neg = bool(lemmas & _MANNER_NEG)
    few = any(
        rows[i].low in _ONLY
        and any(
            rows[j].like_num or {rows[j].nlemma, rows[j].low} & _SHARE
            for j in range(i, min(i + 4, clause.end))
        )
        for i in rng
    ) or bool(lemmas & {"harva", "vähemmistö"})
    # "toimii vasta kun kunta itse patistaa", also after a comma: works only on a condition
    upto = (
        min(clause.end + 3, len(rows))
        if clause.end < len(rows) and rows[clause.end].text == ","
        else clause.end
    )
    only_when = any(
        rows[j].low in _ONLY_WHEN and rows[j + 1].low in _WHEN_IF
        for j in range(clause.start, upto - 1)
    )
    skip: set[int] = set()
    found: tuple[str, str] | None
    found_any: list[tuple[int, str, str]] = []
    finite = any(r.verb and not r.moods.isdisjoint(_FINITE) for r in span)
    # a verbless list of wishes that starts with a comparative: what it lists after that is
    # wished for too ("Säännöllisemmät palaverit ja hyvä yhteinen suunnitelma", "Enempi
    # palavereita ja selkeämmät vastuuhenkilöt"; QA 5)
    first = next((r for r in span if r.word), None)
    wishes = not finite and first is not None and comparative(first)
    required = [i for i in rng if rows[i].verb and rows[i].nlemma in REQUIRE_VERBS]
    clause_range = (clause.start, clause.end)
    for i in candidates:
        row = rows[i]
        keys = row.keys
        low = row.low
        if row.punct or row.space or i in skip:
            continue
        if low in _NOT_CUE or row.nlemma in ev.neutral or low in ev.neutral:
            continue  # "aluevalitus": a formal appeal, a procedure (codebook §3 conv. 5)
        if i not in problem_phr and intensifier(rows, i, clause.end):
            continue  # "hyvin erilainen", "hyvin pieni kunta": degree, not praise
        if i in works_phr and low.endswith(("tava", "tävä")):
            found = (PROBLEM, "need")  # "on saatava kuntoon": it is not yet
            skip.update(range(i, i + works_phr[i]))
        elif i in works_phr and i not in need and i not in goal:
            # negated inside: "palautetta ei otettu huomioon"
            inside = _negated_inside(verbal, hits, i, works_phr[i])
            found = (PROBLEM, "phrase+negation") if inside else (WORKS, "phrase")
            skip.update(range(i, i + works_phr[i]))
        elif i in problem_phr:  # negated inside: "pelot eivät ole toteutuneet"
            inside = _negated_inside(verbal, hits, i, problem_phr[i])
            found = (WORKS, "phrase+negation") if inside else (PROBLEM, "phrase")
            skip.update(range(i, i + problem_phr[i]))
        elif _necessity(rows, i, rng, lexicon.improve) and i not in goal:
            found = (PROBLEM, "need")
        elif (
            i in need
            and comparative(row)
            and not previously(rows, i)
            and not (i and rows[i - 1].low == "tai" and row.nlemma == "usea")
        ):  # "kahden tai useamman": a count, not more of something
            found = (PROBLEM, "need")  # "pitäisi sopia selkeämmin", "nykyistä useammin"
        elif i in need and conditional_verb(row) and row.keys & lexicon.works:
            found = (PROBLEM, "need")  # "toimisi, jos alue vastaisi": a condition not met
        elif is_stage_form(rows, i, ev):
            found = (PROBLEM, "stage")  # "yhä allekirjoittamatta", "vasta muotoutumassa"
        elif low in ev.works:
            found = (WORKS, "works")  # "kitkatta", "vaivatta": before "kitka", "vaiva"
        elif low in ev.problem:
            found = (PROBLEM, "problem")  # "parannettavaa": the form, not "parantaa"
        elif "vajanto" in row.cases and (keys & (lexicon.problem | ev.problem)) - {low}:
            # the base is a problem word ("kuulematta" itself is one: no flip)
            found = (WORKS, "abessive")  # "viiveettä", "ongelmitta", "vaarantamatta"
        else:
            found = (
                _word_cue(row, lexicon, ev, i in need and not potential(rows, i, clause.start))
                or extra_cue(rows, i, ev)
                or quality_noun(row, lexicon, ev)
                or negative_participle(row, lexicon, ev)
                or ((WORKS, "achieved") if achieved(rows, i, clause.start) else None)
                or ((WORKS, "completed") if brought_to_end(rows, i, clause.start) else None)
            )
        if found is None:
            continue
        kind, why = found
        if conceded(rows, i):
            continue  # "haasteista huolimatta": granted; the main clause judges
        if kind == PROBLEM and why == "problem" and adpositional_kesken(rows, i):
            continue  # "kahden koulun kesken" = between two schools
        if kind == WORKS and _hard_before(rows, i, clause.start):
            continue  # "vaikea saada sovittua": "vaikea" carries the cue
        if kind == WORKS and _function_verb(rows, i, clause.end):
            continue  # "toimii koordinaattorina": a role, not a judgment
        if kind == WORKS and _open_to_all(rows, i, clause.start, clause.end):
            continue  # "avoin etätilaisuus", "avoin kaikille": public, not praise
        if kind == WORKS and _based_on(rows, i, clause.start, clause.end):
            continue  # "rakentuu toimiviin palveluihin": what it rests on, not praise
        if kind == WORKS and operating_in(rows, i, clause.start):
            continue  # "alueella toimivat järjestöt": where they operate, not how well
        if kind == WORKS and attributive(rows, i) and lemmas & _IMPORTANCE_NOUNS:
            continue  # "toimivan yhteistyön merkitys korostuu": its importance, not a finding
        if kind == PROBLEM and _essential(rows, i):
            continue  # "kriittisten palvelujen jatkuvuus": essential services, not a fault
        if (
            kind == WORKS
            and low.startswith(("parha", "paras"))
            and best_possible(rows, i, clause.end)
        ):
            continue  # "parhaalla mahdollisella tavalla": a manner aimed at
        if kind == WORKS and (lemmas & _HOW) and row.nlemma in _HOW_VERBS:
            continue  # "Näin yhteistyö toimii arjessa"
        if kind == WORKS and i > clause.start and rows[i - 1].low in _DEGREE_QUESTION:
            continue  # "kuinka nopeasti joudutaan palveluiden piiriin": how fast, not praise
        if kind == WORKS and low in ev.works and demonstrative_frame(rows, i):
            continue  # "tässä aikataulussa": a schedule pointed at, not "on schedule"
        if kind == WORKS and why == "works" and existential_verb(rows, i, *clause_range):
            continue  # "Maakunnassa toimii valmiusryhmä": it exists (codebook §3 conv. 5)
        if kind == WORKS and why == "works" and operating_mode(rows, i, clause.end):
            continue  # "toimivat kaksikielisesti", "suunniteltuja toimia": a mode, a measure
        if kind == WORKS and any(j > i for j in required):
            continue  # "Yhteistyön onnistuminen edellyttää …": a condition (conv. 3)
        if kind == WORKS and (
            future_tense(rows, i, clause.start) or time_to_come(rows, i, *clause_range)
        ):
            continue  # "tulee parantamaan", "myös ensi vuonna": a forecast or plan, not a finding
        if kind == WORKS and row.nlemma == "sitoutua" and to_do(rows, i, clause.end):
            continue  # "sitoudutaan selvittämään": a commitment to act is a plan (conv. 3)
        if kind == WORKS and row.nlemma == "rakentua" and based_on(rows, i, *clause_range):
            continue  # "valmius rakentuu harjoitusten varaan": is based on
        if kind == WORKS and why == "phrase" and example_of(rows, i, clause.end):
            continue  # "on hyvä esimerkki yhteistyön tarpeesta": an illustration
        if kind == PROBLEM and row.nlemma in _VARY and by_place(rows, clause_range):
            continue  # "käytännöt vaihtelevat alueittain": a difference described (conv. 5)
        if kind == PROBLEM and (
            lost_contest(rows, i, *clause_range)
            or (why == "phrase" and living_alone(rows, i, clause.end))
        ):
            continue  # "esitys hävisi äänestyksessä", "äiti jäi yksin asumaan": no loss, no burden
        if kind == PROBLEM and formal_appeal(rows, i, *clause_range):
            continue  # "kunta valitti päätöksestä hallinto-oikeuteen": a procedure (R5)
        if kind == PROBLEM and right_to(rows, i, clause.start):
            continue  # "alueella on oikeus irtisanoa sopimus": a legal role (conv. 5)
        if kind == PROBLEM and example_topic(rows, i, clause.start):
            continue  # "esimerkki yhdyspintojen monimutkaisuudesta": what it illustrates
        if kind == WORKS and before_participle(rows, i):
            continue  # "nopeasti kasvaneet kustannukset": how the attribute came about
        if kind == WORKS and (circumstance(row) or unchanged(rows, i, clause.end)):
            continue  # "Toteutuessaan suunnitelma …", "on säilynyt ennallaan": no finding
        if kind == PROBLEM and (
            prevented(rows, i, *clause_range) or cheaper(rows, i, *clause_range)
        ):
            continue  # "ongelmien ennaltaehkäisy", "vähentää kustannuksia": not a loss
        if kind == WORKS and noun_content(rows, i, *clause_range):
            continue  # "tapa toimia yhdessä", "halu kehittää": the noun's content, no finding
        if kind == WORKS and attempted(rows, i):
            continue  # "kriisiä on yritetty ratkaista": an attempt, not a result
        if kind == WORKS and _caused_problem(rows, i, clause.end, lexicon, ev):
            continue  # "on saanut aikaan sekaannusta": what was caused judges
        if kind == WORKS and better_before(rows, i, *clause_range):
            kind, why = PROBLEM, "past"  # "Kaikki oli paremmin ennen": a loss
        if kind == WORKS and not finite and (wishes or (comparative(row) and i == clause.start)):
            kind, why = PROBLEM, "need"  # "Selkeämpi vastuunjako": a proposal, a lack
        if kind == WORKS and row.verb and any(n in low for n in NEGATIVE_PARTICIPLE):
            kind, why = PROBLEM, "derived"  # "toimimattomaksi" read as a form of "toimia"
        if kind == WORKS and low.endswith(("matta", "mättä")) and why != "abessive":
            kind, why = PROBLEM, why + "+abessive"  # "yhä ratkaisematta"
        if i in decrease and any(
            j != i and problem_word(rows[j], lexicon, ev) and not rows[j].keys & lexicon.decrease
            for j in rng
        ):
            continue  # the decreasing problem word carries the cue (as an improvement)
        before = bisect_left(verbal, i)
        governing = verbal[before - 1] if before else -1  # the last negation before i
        if i in negated and governing >= 0 and no_difference(rows, governing, clause.end):
            continue  # "eroja ei löytynyt": no difference found is a finding (conv. 5)
        if (
            i in negated
            and kind == PROBLEM
            and not row.verb
            and governing >= 0
            and governing not in existential_set
        ):
            why += "+under-negation"  # "ettei alue ole kuullut kuntia supistamisesta"
        elif i in negated:
            kind = PROBLEM if kind == WORKS else WORKS
            why += "+negation"
        elif (
            kind == PROBLEM
            and why == "problem"
            and any(
                rows[n].low not in JOINING_NEGATIONS and not corrected_negation(rows, n)
                for n in existential[bisect_right(existential, i) :]
            )
        ):
            # "epäselvyyksiä ei juuri ole"; not across "eikä", which joins a clause of its own
            # ("on sanellut ehdot yksipuolisesti eikä laskelmia huomioitu"), nor where "vaan"
            # puts the problem elsewhere ("ongelma ei ole rahassa vaan asenteissa")
            kind, why = WORKS, "problem+negation"
        elif (
            kind == PROBLEM
            and why in {"problem", "derived"}
            and decrease
            and i not in decrease
            # "on jouduttu vähentämään": a modal verb does not decrease; an attributive
            # participle does ("haastava tilanne ratkeaa")
            and (not row.verb or attributive(rows, i))
        ):
            kind, why = WORKS, "problem+decrease"  # "vastakkainasettelu on vähentynyt"
        if kind == WORKS and (i in goal or i in need or conditional):
            continue  # a goal, a need or a wish, not a fact
        if kind == WORKS and (
            possibility(rows, i, clause.start, verbal) or potential(rows, i, clause.start)
        ):
            continue  # "uusi malli saattaa parantaa …", "mahdollistaa …": a hope, not a success
        if (
            kind == PROBLEM
            and i in goal
            and why in {"problem", "phrase", "problem+decrease", "works+negation"}
            and not _intended_cut(rows, i, clause.start)
            and rows[i].low not in _BARELY
        ):
            continue  # "tavoitteena on vähentää ongelmia", "selvittää esteitä"
        if kind == WORKS and why in {"works", "phrase"} and (manner_neg or few or only_when):
            kind, why = (
                PROBLEM,
                why + ("+manner" if manner_neg else "+few" if few else "+only-when"),
            )
        found_any.append((i, kind, why))
    return _attributive_yields(rows, found_any)


_BARELY = rule_words("barely_words")
#: "vaihdella" and its participle ("odotetaan vaihtelevin mielin"): see cue_context.by_place.
_VARY = frozenset({"vaihdella", "vaihteleva"})

#: Cuts that an announced intention does not soften ("aikoo sulkea kolme terveysasemaa").
_CUTS = rule_words("cut_verbs")


def _negated_inside(
    verbal: list[int], hits: dict[str, dict[int, int]], i: int, length: int
) -> bool:
    """A verbal negation inside the phrase of ``length`` tokens at ``i`` that is not the
    phrase's own ("ääni ei kuulua" has its own)."""
    after = bisect_right(verbal, i)  # the first negation after i (verbal is sorted)
    return i not in hits[_SAYS_NOT] and after < len(verbal) and verbal[after] < i + length


def _intended_cut(rows: list[TokenRow], i: int, start: int) -> bool:
    """A cut right after "aikoa": an announced cut is news of a loss, not a goal."""
    return rows[i].nlemma in _CUTS and any(
        rows[j].nlemma == "aikoa" for j in range(max(start, i - 3), i)
    )


def _resolves(rows: list[TokenRow], i: int, negated: frozenset[int]) -> bool:
    """ "saatiin ratkaistua", not "edelleen ratkaisematta", "ei ole korjattu" nor "on yritetty
    ratkaista" (an attempt)."""
    row = rows[i]
    if row.keys.isdisjoint(_RESOLVE) or row.low.endswith(("matta", "mättä")) or i in negated:
        return False
    return not attempted(rows, i)


#: How far after "toimia" its essive may stand ("toimii hyvinvoinnin ja terveyden edistämisen
#: … strategisen johtamisen työkaluna": a real development set, 2026-12-07).
_ROLE_WINDOW = 15
#: Events and calls that "avoin" makes public ("avoin etätilaisuus"; compound heads).
_PUBLIC = rule_words("public_events")


def _based_on(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "rakentua" with what it rests on in the illative or allative within three words
    ("rakentuu vahvaan luottamukseen"), and a word of that complement ("toimiviin" in
    "rakentuu toimiviin lähipalveluihin"): a description, not a judgment."""
    if rows[i].nlemma == "rakentua":
        return any(
            rows[j].cases & _ONTO and rows[j].low != "mittaan"  # "vuosien mittaan": over time
            for j in range(i + 1, min(end, i + 4))
        )
    return bool(rows[i].cases & _ONTO) and any(
        rows[j].nlemma == "rakentua" for j in range(max(start, i - 3), i)
    )


#: The illative and the allative: what something is built onto.
_ONTO = frozenset({"sisatulento", "ulkotulento"})


def _open_to_all(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "avoin" of an event or call ("avoin etätilaisuus", "tilaisuus on avoin"), of a survey's
    answers ("avoimet vastaukset": its method), or "avoin kaikille" / "kaikille avoin": open to
    the public, no judgment of openness between the parties."""
    if rows[i].nlemma != "avoin":
        return False
    # the next word, unless it is what one is open to ("avoin kysymyksillemme": praise)
    events = [i + 1] if i + 1 < end and "ulkotulento" not in rows[i + 1].cases else []
    if i - 2 >= start and rows[i - 1].nlemma == "olla":
        events.append(i - 2)
    everyone = [j for j in (i - 1, i + 1) if start <= j < end]
    return any(rows[j].heads & _PUBLIC for j in events) or any(
        rows[j].nlemma == "kaikki" and "ulkotulento" in rows[j].cases for j in everyone
    )


def _function_verb(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "toimia" with an essive ("toimii vajaamiehitettynä", "toimii yhteyshenkilönä") up to
    :data:`_ROLE_WINDOW` words after it, or right after an essive noun ("puheenjohtajana toimii
    sivistysjohtaja")."""
    if rows[i].nlemma != "toimia":
        return False
    if any("olento" in rows[j].cases for j in range(i + 1, min(i + _ROLE_WINDOW, end))):
        return True
    for j in range(i - 1, max(-1, i - 3), -1):
        if not rows[j].word:
            return False
        if "olento" in rows[j].cases and "nimisana" in rows[j].classes:
            return True
    return False


#: Nouns of importance: an attributive works word beside them names what matters.
_IMPORTANCE_NOUNS = rule_words("importance_nouns")
#: Adjectives of what is essential, and the nouns of a situation they still judge.
_ESSENTIAL = rule_words("essential_adjectives")
_SITUATIONS = rule_words("situation_nouns")


def _essential(rows: list[TokenRow], i: int) -> bool:
    """An adjective of what is essential before a noun that is no situation ("kriittiset
    palvelut"; not "kriittinen tilanne", "kriittinen henkilöstötilanne")."""
    if rows[i].nlemma not in _ESSENTIAL or not attributive(rows, i):
        return False
    after = rows[i + 1 : i + 3]
    return not any(row.heads & _SITUATIONS for row in after)


def _caused_problem(
    rows: list[TokenRow], i: int, end: int, lexicon: PolarityLexicon, ev: EvaluativeLexicon
) -> bool:
    """ "saada aikaan" with a problem word after it: a problem was caused."""
    if i + 1 >= end or rows[i + 1].low != "aikaan":
        return False
    return any(problem_word(rows[j], lexicon, ev) for j in range(i + 2, end))


def _attributive_yields(
    rows: list[TokenRow], found: list[tuple[int, str, str]]
) -> list[tuple[int, str, str]]:
    """ "Hyvä henki on murentunut": a describing adjective yields to the predicate's judgment."""
    if any(kind == PROBLEM for _, kind, _ in found):
        # "riittää kehitettävää", "riittää juuri ja juuri": what is enough carries the judgment
        found = [f for f in found if not (f[1] == WORKS and rows[f[0]].nlemma == "riittää")]
    kinds = {kind for i, kind, _ in found if not attributive(rows, i)}
    if len(kinds) != 1:
        return found
    (predicate,) = kinds
    return [f for f in found if f[1] == predicate or not attributive(rows, f[0])]


def _hard_before(rows: list[TokenRow], i: int, start: int) -> bool:
    """A works cue governed by "vaikea|hankala|mahdoton" up to three words before it."""
    return any(rows[j].low in _HARD for j in range(max(start, i - 3), i))


__all__ = [
    "clause_cues",
    "cue_candidates",
    "phrase_hits",
    "verbal_negations",
]
