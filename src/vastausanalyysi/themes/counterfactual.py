"""Modal judgments: "olisi pitänyt kuulla kuntia" says that it was not done right; "saattaa
parantaa" says what may be, not what is.

Split from :mod:`vastausanalyysi.themes.cues` (the cue rules of the rule polarity).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from vastausanalyysi.themes.aims import purpose_infinitive
from vastausanalyysi.themes.clauses import PAST_PARTICIPLES, PROBLEM
from vastausanalyysi.themes.codes import COORDINATORS
from vastausanalyysi.themes.evaluative import EvaluativeLexicon
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Forms of "olla" and particles that may stand between "olisi" and its participle.
_PERFECT = rule_words("perfect_olla_forms")
_BETWEEN = rule_words("counterfactual_particles")


def counterfactual(
    rows: list[TokenRow], start: int, end: int, ev: EvaluativeLexicon
) -> list[tuple[int, str, str]]:
    """ "olisi pitänyt kuulla kuntia", "olisiko ollut viisasta …": a judgment of what was done.

    The conditional perfect of a need or of an evaluative word says that the thing was not done
    right: a problem (codebook §3 conv. 3: a wish that judges). The participle may stand after
    the clause's end ("Olisiko kuitenkin ollut …").
    """
    for i in range(start, end):
        row = rows[i]
        if not (row.olla and row.low.startswith("olis")):  # "olisi", "olis", "olisivat"
            continue
        j = i + 1
        while j < len(rows) and (rows[j].low in _BETWEEN or rows[j].space):
            j += 1
        if j >= len(rows):
            break
        nxt = rows[j]
        if nxt.low in _PERFECT and j + 1 < len(rows):
            nxt = rows[j + 1]
        elif "past_active" not in nxt.participle:
            continue  # "olisi hyvä tavata useammin": a wish, not a judgment
        if nxt.low in ev.counterfactual or nxt.nlemma in ev.counterfactual:
            return [(i, PROBLEM, "counterfactual")]
    return []


#: Verbs of possibility before an A-infinitive ("saattaa parantaa", "voi vaikeuttaa").
_MAY = frozenset({"saattaa", "voida"})


def possibility(rows: list[TokenRow], i: int, start: int, verbal: Sequence[int]) -> bool:
    """A cue word in the A-infinitive right after (one word between at most) an active form of
    a verb of possibility that no negation verb governs: "uusi malli saattaa parantaa
    tiedonkulkua", "yhteistyötä voisi laajentaa" say what may be, not what is; "kunta ei voi
    vaikuttaa" and the passive "asioista voidaan puhua suoraan" (they can) are facts. (A
    possible harm, "voi hidastaa päätöksentekoa", is read as a concern by the coders: the
    caller applies this to works cues only.)"""
    if "A-infinitive" not in rows[i].moods:
        return False
    may = [
        j
        for j in _words_before(rows, i, start)
        if rows[j].nlemma in _MAY and rows[j].verb and not rows[j].low.startswith("voidaan")
    ]
    if not may:
        return False
    first = bisect_left(verbal, start)  # verbal is sorted: is there a negation before may[0]?
    return not (first < len(verbal) and verbal[first] < may[0])


#: Improvement verbs whose perfect says that something has improved ("on selkeytetty").
_IMPROVED = frozenset(
    {
        "vahvistaa",
        "selkeyttää",
        "selkiyttää",
        "tiivistää",
        "selventää",
        "kirkastaa",
        "täsmentää",
        # taken into account: "osallisuus on huomioitu alusta asti" (negated: "ei ole huomioitu")
        "huomioida",
    }
)
#: What is confirmed, not strengthened: "talousarvio on vahvistettu" is a decision made.
_DOCUMENTS = rule_words("confirmed_documents")


_CHANCE = rule_words("chance_nouns")
_MEANS = rule_words("means_relatives")
#: Endings of the passive present ("turvataan", "parannetaan", "edistetään").
_PASSIVE = ("taan", "tään", "daan", "dään")


def potential(rows: list[TokenRow], i: int, start: int) -> bool:
    """A cue word that names what something is for, not what is so or what is lacking: the
    A-infinitive of a noun of a chance ("nähtiin mahdollisuudeksi parantaa yhteistyötä",
    "alueille pitää antaa aikaa kehittää ja tehostaa toimintaa"), the passive present of a
    clause of means ("investointeja, joilla parannetaan vaikuttavuutta", "prosessi, jolla
    turvataan toiminnot") and the object of "mahdollistaa" ("siirto mahdollistaa saumattomamman
    yhteistyön"; its perfect "on mahdollistanut" is a result), and an infinitive of purpose
    ("tarvitsee tukea parantaakseen osallisuuttaan", "vaatii työtä onnistuakseen")."""
    row = rows[i]
    if purpose_infinitive(row):
        return True
    if "A-infinitive" in row.moods:
        j = i
        while True:
            before = _words_before(rows, j, start)
            if any(rows[k].nlemma in _CHANCE or rows[k].low in _CHANCE for k in before[-1:]):
                return True
            # "aikaa kehittää ja tehostaa": back over a coordinated A-infinitive
            if len(before) < 2 or rows[before[-1]].low not in COORDINATORS:
                break
            j = before[0]
            if "A-infinitive" not in rows[j].moods:
                break
    if row.verb and row.low.endswith(_PASSIVE) and _means_clause(rows, start, i):
        return True
    return any(
        rows[j].nlemma == "mahdollistaa"
        and rows[j].verb
        and rows[j].participle.isdisjoint(PAST_PARTICIPLES)
        for j in range(max(start, i - 4), i)
    )


def _means_clause(rows: list[TokenRow], start: int, i: int) -> bool:
    """The clause opens with a relative pronoun of means ("jolla", "joiden avulla")."""
    first = rows[start].low
    if first in ("jolla", "joilla"):
        return not any(rows[j].olla for j in range(start, i))
    return first in _MEANS and start + 1 < i and rows[start + 1].low in ("avulla", "kautta")


def improved_participle(row: TokenRow) -> bool:
    """A past participle of an improvement verb ("vahvistettu", "tiivistäneet"), or any verb's
    past passive participle in the partitive ("nimettyä", "laadittua": what "saada" managed):
    the words :func:`achieved` looks at (a cue candidate whatever its keys)."""
    return (row.nlemma in _IMPROVED and not row.participle.isdisjoint(PAST_PARTICIPLES)) or (
        "past_passive" in row.participle and "osanto" in row.cases
    )


def achieved(rows: list[TokenRow], i: int, start: int) -> bool:
    """An improvement verb's past participle after a form of "olla" (one word between at
    most) in its clause: "osallisuutta on vahvistettu", "työnjakoa on selkeytetty", "kunnat ovat
    tiivistäneet yhteistyötä" say that something has improved (codebook §3: works), "on
    huomioitu" that it was taken into account; not a document confirmed ("talousarvio on
    vahvistettu", a decision: codebook §5). Not the
    "-ttava" of a need ("on vahvistettava": its participle is present), nor an infinitive ("on
    määrä selkeyttää"). Any verb's past passive participle in the partitive right after a form
    of "saada" says that it was managed ("yhdyshenkilöt on nyt saatu nimettyä", "saivat
    laadittua"). (A negation or a need scope is the caller's.)"""
    if not improved_participle(rows[i]):
        return False
    if rows[i].nlemma not in _IMPROVED:  # "on nyt saatu nimettyä", "saivat laadittua": managed
        return any(
            rows[j].nlemma == "saada" and rows[j].verb for j in _words_before(rows, i, start)
        )
    if rows[i].nlemma == "vahvistaa" and any(
        rows[j].heads & _DOCUMENTS for j in range(start, min(len(rows), i + 4)) if j != i
    ):
        return False  # "talousarvio on vahvistettu", "on vahvistanut suunnitelman": confirmed
    return any(rows[j].olla for j in _words_before(rows, i, start))


#: Verbs that bring something "päätökseen" (to an end): "neuvottelut saatiin päätökseen".
_BRING = frozenset({"saada", "saattaa"})
#: The form :func:`brought_to_end` looks at (the illative of "päätös").
TO_AN_END = "päätökseen"


def brought_to_end(rows: Sequence[TokenRow], i: int, start: int) -> bool:
    """ "päätökseen" (the illative of "päätös") within two words after "saada" or "saattaa" in
    its clause: something was completed ("saatiin päätökseen", "on saatettu päätökseen"), no
    decision."""
    return rows[i].low == TO_AN_END and any(
        rows[j].nlemma in _BRING for j in _words_before(rows, i, start)
    )


def _words_before(rows: Sequence[TokenRow], i: int, start: int) -> list[int]:
    """The one or two words right before token ``i`` in its clause (from ``start``)."""
    words = [j for j in range(max(start, i - 3), i) if not (rows[j].punct or rows[j].space)]
    return words[-2:]


__all__ = [
    "TO_AN_END",
    "achieved",
    "brought_to_end",
    "counterfactual",
    "improved_participle",
    "possibility",
    "potential",
]
