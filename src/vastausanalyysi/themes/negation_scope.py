"""Where a negation stands and what it denies (:mod:`vastausanalyysi.themes.clauses` asks
for it once per Doc): which tokens are negations (not a negation of focus, "ei pelkästään", nor
"ilman muuta", nor the spoken "et" for "että"), the words a negation denies up to the end of its
clause ("ilman" only its noun phrase; a predicate put before a negated "olla" too; not a noun's
infinitive), and the words before a negated "olla" in their clause (existence denied)."""

from __future__ import annotations

from collections.abc import Sequence

from vastausanalyysi.nlp.voikko import FINITE_MOODS
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.evaluative import evaluative_lexicon
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: "ja" / "sekä": the next noun phrase of "ilman", a topic scope opener, a new assertion.
AND_CONJUNCTIONS = rule_words("and_conjunctions")

_SCOPE_END = rule_words("negation_scope_end")
#: Negation words that are no negation verb ("ilman", "vailla"): they deny a noun phrase.
VERBLESS_NEGATIONS = rule_words("verbless_negations")


def negated_scope(rows: list[TokenRow], contrast: list[int], negation: list[bool]) -> set[int]:
    """A negation's scope: the words after it up to the end of its clause, but not a noun's
    infinitive after the negated verb ("kuntia ei kuultu ennen päätöstä lakkauttaa
    neuvolapalvelut": the closing is not denied, the hearing is; "nyt ei ole oikea aika kohdistaa
    säästöjä": the time is denied, not the cuts; see :func:`noun_infinitive`). The infinitive of
    the verb's own object stays denied ("ei tehnyt päätöstä lakkauttaa", "ei ole keinoja …"), an
    oblique does not ("kuntaa ei tiedotettu aikeesta lopettaa vastaanotto")."""
    out: set[int] = set()
    if True not in negation:
        return out
    active = verb_seen = phrase = joined = False
    for i in range(negation.index(True), len(rows)):  # nothing is negated before the first
        row = rows[i]
        if (row.punct or row.low in _SCOPE_END or contrast[i]) and not joined:
            active = False
        joined = False
        if active and verb_seen and noun_infinitive(rows, i) and not _object(rows, i - 1):
            active = False  # the infinitive and what follows it belong to the noun
        if active and phrase and row.verb and row.moods & FINITE_MOODS:
            active = False  # "ilman rahoitusta toiminta loppuu": the clause's verb is not denied
        if active and phrase and negation[i] and row.low in VERBLESS_NEGATIONS:
            active = False  # "ilman sopimusta ja ilman rahoitusta": the second denies its own
        if active:
            out.add(i)
            verb_seen = verb_seen or row.verb
            # "ilman" denies its noun phrase, up to a noun in the partitive ("ilman suurempia
            # ongelmia"), and the next one after "ja" ("ilman rahaa ja henkilöstöä")
            if phrase and "nimisana" in row.classes and "osanto" in row.cases:
                active = joined = i + 1 < len(rows) and rows[i + 1].low in AND_CONJUNCTIONS
        if negation[i]:
            active, verb_seen = True, False
            phrase = row.low in VERBLESS_NEGATIONS
            out.update(_fronted(rows, contrast, i))
    return out


#: Words between a fronted predicate and its negated "olla" ("Hyvä se ei ole").
_FRONTED_FILLERS = rule_words("fronted_fillers")


def _fronted(rows: list[TokenRow], contrast: list[int], n: int) -> list[int]:
    """A predicate put before a negated "olla" that ends its clause ("Tyytyväinen en ole",
    "Hyvää se ei ole ollut"): the negation denies it too. One word before the negation (and a
    pronoun or particle), none a finite verb; not after "eikä", which goes on from a clause
    before ("…, eikä ole")."""
    if rows[n].low.startswith("eik"):
        return []
    k = n + 1
    while k < len(rows) and rows[k].olla and k - n <= 2:
        k += 1
    if k == n + 1 or (k < len(rows) and not rows[k].punct):
        return []
    before: list[int] = []
    j = n - 1
    while j >= 0 and not (rows[j].punct or rows[j].low in _SCOPE_END or contrast[j]):
        if rows[j].word:
            before.append(j)
        j -= 1
    content = [j for j in before if rows[j].low not in _FRONTED_FILLERS]
    if len(content) != 1 or rows[content[0]].moods & FINITE_MOODS:
        return []
    return before


def _object(rows: list[TokenRow], j: int) -> bool:
    """The negated verb's object right after it: a negated verb takes its object in the
    partitive ("ei tehnyt päätöstä", "ei ole keinoja"); "ei tiedotettu aikeesta" is no object."""
    return j > 0 and rows[j - 1].verb and "osanto" in rows[j].cases


def noun_infinitive(rows: Sequence[TokenRow], i: int) -> bool:
    """An A-infinitive right after a noun that governs it ("tapa toimia", "päätös lakkauttaa",
    "halu kehittää"): it names the noun's content, an action neither done nor denied by the
    clause's own verb. Not a finite verb after its subject ("alue kehittää palveluja"): the
    caller asks only where another verb of the clause is the finite one."""
    if i == 0 or "A-infinitive" not in rows[i].moods or not rows[i].verb:
        return False  # "alalle on hyötyä": the noun "hyöty", not the verb "hyötyä"
    noun = rows[i - 1]
    return "nimisana" in noun.classes and not noun.verb and not noun.olla


def existential_scope(
    rows: list[TokenRow], clauses: tuple[tuple[int, int, bool, str], ...], negation: list[bool]
) -> set[int]:
    out: set[int] = set()
    if True not in negation:
        return out
    for start, end, _contrast, _marker in clauses:
        last = -1  # the last negation of the clause with "olla" after it: all before it count
        for i in range(start, end):
            if not negation[i] or i + 1 >= end:
                continue
            if any(rows[j].nlemma == "olla" for j in range(i + 1, min(i + 3, end))):
                last = i
        out.update(j for j in range(start, last) if not rows[j].punct)
    return out


def is_negation(rows: list[TokenRow], i: int, lexicon: PolarityLexicon) -> bool:
    """A negation word of the lexicon or a form of the negation verb "ei" ("ilman" is not).

    A negation of focus ("ei pelkästään", "ei vain … vaan myös") is no negation of a judgment,
    nor is "ilman muuta" (of course).
    """
    low = rows[i].low
    if not (low in lexicon.negation or (rows[i].nlemma == "ei" and low != "ilman")):
        return False
    if low == "et" and _spoken_that(rows, i):
        return False
    focus = evaluative_lexicon().focus_particles
    nxt = [rows[j].low for j in range(i + 1, min(i + 3, len(rows)))]
    if low == "ilman" and nxt[:1] == ["muuta"]:
        return False  # "ilman muuta" (of course) denies nothing
    # "eikä niinkään se, kuka …" (rather than), but "lastensuojelun kanssa ei niinkään"
    # (not really): "niinkään" is a focus particle only before what it focuses on
    if nxt and nxt[0] in focus and (nxt[0] != "niinkään" or focus_follows(rows, i + 2)):
        return False
    return not (len(nxt) > 1 and nxt[0] in _OLLA and nxt[1] in focus)


_OLLA = rule_words("olla_forms")
#: Question words before which "et" stays the negation ("miks et soittanut").
_ASKING = frozenset({"miksi", "miks", "mikset", "kuinka", "miten", "mites"})


def _spoken_that(rows: list[TokenRow], i: int) -> bool:
    """Spoken "et" for "että" ("tosi kiva et kuraattorit on mukana", "sanoin et soitan"):
    after a comma, a verb, an adjective or an adverb; not after a pronoun ("sä et saa") or a
    conjunction ("jos et soita") nor a question word ("miks et soittanut")."""
    if i == 0:
        return False
    before = rows[i - 1]
    if before.low in _ASKING:
        return False
    return before.text == "," or before.verb or bool(before.classes & {"laatusana", "seikkasana"})


def focus_follows(rows: list[TokenRow], j: int) -> bool:
    """A word after a focus particle (its focus), not the end of the clause."""
    return j < len(rows) and not rows[j].punct


__all__ = [
    "AND_CONJUNCTIONS",
    "VERBLESS_NEGATIONS",
    "existential_scope",
    "focus_follows",
    "is_negation",
    "negated_scope",
    "noun_infinitive",
]
