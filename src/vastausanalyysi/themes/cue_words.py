"""What a single word says to the cue rules, before its clause is read.

Split from :mod:`vastausanalyysi.themes.cues`: the evaluative lexicon's cue of a word (its
words, derivations and stage forms), the quality noun of a problem adjective ("hajanaisuus"),
the "-maton/-mätön" participle of a works word ("toimimaton"), comparatives, a comparison of
respondent groups, and whether a negation can judge by itself.
"""

from __future__ import annotations

from typing import Any

from vastausanalyysi.themes.clauses import (
    PAST_PARTICIPLES,
    PROBLEM,
    SENTENCE_END,
    WORKS,
)
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.evaluative import EvaluativeLexicon, derived_polarity, is_stage_form
from vastausanalyysi.themes.negation_context import (
    CORRECTION_WINDOW,
    JOINING_NEGATIONS,
    agreed_content,
    corrected_negation,
    forbids,
)
from vastausanalyysi.themes.negation_scope import focus_follows
from vastausanalyysi.themes.tokens import TokenRow, remember, rule_words


def quality_noun(
    row: TokenRow, lexicon: PolarityLexicon, ev: EvaluativeLexicon
) -> tuple[str, str] | None:
    """The "-isuus/-isyys" noun of a problem adjective: "hajanaisuus" of "hajanainen"."""
    norm = row.norm
    if norm.endswith(("yminen", "uminen")) and len(norm) >= 10:
        # "heikentyminen", "viivästyminen": the action noun of a problem verb of decline
        stem = norm[:-5]
        problem = lexicon.problem | ev.problem
        if (stem + "a" in problem or stem + "ä" in problem) and not (
            {stem + "a", stem + "ä"} & lexicon.decrease
        ):
            return PROBLEM, "derived"
        return None
    if not norm.endswith(("isuus", "isyys")) or len(norm) < 9:
        return None
    adjective = norm[:-4] + "nen"
    if adjective in lexicon.problem or adjective in ev.problem:
        return PROBLEM, "derived"
    return None


#: Stems of the negative participle ("toimimaton", "toimimattomaksi", "sujumatonta").
NEGATIVE_PARTICIPLE = ("maton", "mattom", "mätön", "mättöm")


def negative_participle(
    row: TokenRow, lexicon: PolarityLexicon, ev: EvaluativeLexicon
) -> tuple[str, str] | None:
    """The "-maton/-mätön" participle of a works verb or adjective: "toimimaton",
    "joustamaton", "läpinäkymätön" (of "toimia", "joustava", "läpinäkyvä") is a problem."""
    norm = row.norm
    if not norm.endswith(("maton", "mätön")) or len(norm) < 9:
        return None
    stem = norm[:-5]
    works = lexicon.works | ev.works
    if any(stem + end in works for end in ("a", "ä", "va", "vä")):
        return PROBLEM, "derived"
    return None


def problem_word(row: TokenRow, lexicon: PolarityLexicon, ev: EvaluativeLexicon) -> bool:
    """A problem word of either lexicon, or a quality noun of one ("hajanaisuus")."""
    keys = row.keys
    return bool(
        keys & lexicon.problem or keys & ev.problem or quality_noun(row, lexicon, ev) is not None
    )


def extra_cue(rows: list[TokenRow], i: int, ev: EvaluativeLexicon) -> tuple[str, str] | None:
    """A cue from the evaluative lexicon: its words, derivations and stage forms."""
    row = rows[i]
    if row.keys & ev.works:
        return WORKS, "works"
    if row.keys & ev.problem:
        return PROBLEM, "problem"
    if is_stage_form(rows, i, ev):
        return PROBLEM, "stage"
    kind = derived_kind(row, ev)
    if kind is not None:
        return kind, "derived"
    return None


def derived_kind(row: TokenRow, ev: EvaluativeLexicon) -> str | None:
    """:func:`derived_polarity` against the evaluative works words, once per lemma and class."""
    key = (row.norm, row.classes)
    kind = _DERIVED.get(key, _UNSEEN)
    if kind is _UNSEEN:
        kind = remember(_DERIVED, key, derived_polarity(row, ev.works, ev))
    return kind


#: derived_polarity of the evaluative lexicon by what it reads of a row (lemma, word classes).
_DERIVED: dict[tuple[str, frozenset[Any]], Any] = {}
_UNSEEN = object()


#: Comparatives of time (forms and lemmas): read by :func:`previously`.
_TIME_COMPARATIVES = rule_words("time_comparatives")


def previously(rows: list[TokenRow], i: int) -> bool:
    """A comparative of time before a participle: "aikaisemmin tekemänsä päätökset", "aiemmin
    sovitulla tavalla" say when it was done, not that it should be sooner ("pitäisi tuoda
    valmisteluun paljon aiemmin" is a comparison)."""
    row = rows[i]
    if row.low not in _TIME_COMPARATIVES and row.nlemma not in _TIME_COMPARATIVES:
        return False
    after = next((r for r in rows[i + 1 :] if not r.space), None)
    return after is not None and bool(after.participle - {None})


#: Words of an earlier time: a comparison with them is a change, not a group comparison.
_EARLIER = rule_words("earlier_time_words")


#: Differences and differing: "ei eroja", "eivät poikenneet toisistaan" describe a finding.
DIFFERENCE = rule_words("difference_words")
#: With a negated role verb: nothing or nobody does it, or why not ("ei päätetä mitään",
#: "kukaan ei hallinnoi", "miksi … ei järjestä"): a gap or a complaint, not a role.
_NOT_A_ROLE = rule_words("not_a_role_words")


def no_difference(rows: list[TokenRow], n: int, end: int) -> bool:
    """The negation at ``n`` denies a difference: a word of difference up to three words
    before it or ten after it, before ``end`` ("ryhmien välillä ei ollut eroja", "eroja ei
    löytynyt", "eivät eronneet toisistaan"). A finding described (codebook §3 conv. 5): neither
    the negation nor a works word it negates ("ei löytynyt") judges."""
    return any(rows[j].nlemma in DIFFERENCE for j in range(max(0, n - 3), min(end, n + 10)))


def wished_negation(rows: list[TokenRow], n: int, end: int) -> bool:
    """ "eikä" before an A-infinitive or a conditional verb: in a wish ("pitäisi kuulla kuntia
    eikä sanella ratkaisuja", "toivomme, että neuvoteltaisiin eikä päätettäisi yksin") it
    continues the wish (codebook §3 conv. 3), no finding. The caller checks the wish. (A finite
    verb after "eikä" is a connegative form, "eikä ilmoita", not an A-infinitive; after a
    comma "eikä" opens a clause of its own: "pitäisi tehdä yhteistyötä, eikä sitä tehdä".)"""
    if rows[n].low not in JOINING_NEGATIONS or (n > 0 and rows[n - 1].text == ","):
        return False
    if not any(
        rows[j].verb and (rows[j].conditional or "A-infinitive" in rows[j].moods)
        for j in range(n + 1, min(end, n + 4))
    ):
        return False
    # "…, niin kuin koko syksyn on tehty", "…, kuten nyt on käynyt": what is wished away is
    # today's practice, so the negation judges the present
    for j in range(n + 1, min(len(rows), n + CORRECTION_WINDOW)):
        if rows[j].text in SENTENCE_END:
            break
        if rows[j].low == "kuten" or (
            rows[j].low == "niin" and j + 1 < len(rows) and rows[j + 1].low == "kuin"
        ):
            return False
    return True


def group_comparison(span: list[TokenRow], lemmas: set[str], ev: EvaluativeLexicon) -> bool:
    """A rating verb with a comparative and "kuin"/"muu": respondent groups compared."""
    if not lemmas & ev.rating_verbs or not lemmas & {"kuin", "muu", "muut", "muita"}:
        return False
    if lemmas & _EARLIER:
        return False  # "pidetään parempana kuin ennen": a change over time, not groups

    return any("comparative" in r.comparison for r in span)


def _not_only_but(rows: list[TokenRow], n: int, ev: EvaluativeLexicon) -> bool:
    """ "ei … pelkästään X vaan myös Y" with words between ("ei ole tarkoitus testata pelkästään
    viestiyhteyksiä vaan myös tiloja"): a focus particle within five words after the negation
    and "vaan" after it in the same sentence (codebook §3 conv. 6)."""
    size = len(rows)
    for j in range(n + 1, min(n + 6, size)):
        if rows[j].text in SENTENCE_END:
            return False
        if rows[j].low in ev.focus_particles:
            for k in range(j + 1, size):
                if rows[k].text in SENTENCE_END:
                    return False
                if rows[k].low == "vaan":
                    return True
            return False
    return False


def judging_negation(rows: list[TokenRow], n: int, end: int, ev: EvaluativeLexicon) -> bool:
    """A negation that can judge by itself (codebook §3 convention 6).

    Not "ei pelkästään / ei vain … vaan myös", not "ei mitään erityistä", and not the negation
    of a verb that describes a duty ("hyvinvointialue ei vastaa liikuntapaikoista").
    """
    after = [j for j in range(n + 1, min(n + 4, end)) if not rows[j].punct]
    if any(
        rows[j].low in ev.focus_particles
        and (rows[j].low != "niinkään" or focus_follows(rows, j + 1))
        for j in after[:2]
    ) or _not_only_but(rows, n, ev):
        return False
    if [rows[j].norm for j in after[:2]] in (["mikään", "erityinen"], ["mitään", "erityistä"]):
        return False
    if corrected_negation(rows, n) or forbids(rows, n, end) or agreed_content(rows, n):
        return False
    if no_difference(rows, n, end):
        return False  # a finding, not a judgment (conv. 5)
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
            return judging_negation(rows, earlier, n, ev)
        # "tehdään kesäkuussa eikä kesken syyskauden", "vastuu on kunnalla eikä alueella":
        # "eikä" with no verb and no negation before it contrasts two adverbials of an
        # affirmed verb; with a partitive ("eikä bussiyhteyksiä": "eikä ole") a lack stays, and
        # a verb further on ("eikä suunnitelmia ole kytketty") is the negated one
        return rows[n].low not in JOINING_NEGATIONS or any(
            "osanto" in rows[j].cases or rows[j].verb or rows[j].olla
            for j in range(n + 1, min(end, n + 12))
        )
    if not verbs:
        return True  # "ei ole …": an existential negation
    verb = rows[verbs[0]].nlemma
    if verb in ev.role_verbs:
        # "ei järjestä" (a role) but "ei järjestänyt", "ei ole päätetty" (not done) and
        # :data:`_NOT_A_ROLE` before or after it
        return (
            bool(rows[verbs[0]].participle & PAST_PARTICIPLES)
            or any(rows[j].olla for j in after)
            or any(rows[j].nlemma in _NOT_A_ROLE for j in range(max(0, n - 3), end))
        )
    if verb not in ev.descriptive_verbs:
        return True
    # "ei vastaa liikuntapaikoista" (a duty) but "ei vastaa puheluihin" (a failure), also with
    # what they are about ("ei ole vastannut tiedusteluihin tilojen jatkokäytöstä")
    following = range(verbs[0] + 1, end)
    if verb == "vastata" and any("sisatulento" in rows[j].cases for j in following):
        return True
    cases = _DUTY_CASES.get(verb, _DUTY_CASES[""])
    return not any(rows[j].cases & cases for j in following)


#: Cases of a duty's object: "vastaa tiloista" (elative), "kuuluu kunnalle|tehtäviin".
_DUTY_CASES = {
    "vastata": {"sisaeronto"},
    "kuulua": {"ulkotulento", "sisatulento"},
    "": {"sisaeronto", "ulkotulento"},
}


__all__ = [
    "DIFFERENCE",
    "NEGATIVE_PARTICIPLE",
    "derived_kind",
    "extra_cue",
    "group_comparison",
    "judging_negation",
    "negative_participle",
    "no_difference",
    "previously",
    "problem_word",
    "quality_noun",
    "wished_negation",
]
