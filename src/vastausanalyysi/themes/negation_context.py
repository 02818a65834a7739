"""When a negation judges nothing: corrections, prohibitions and the content of agreements.

Split from :mod:`vastausanalyysi.themes.cue_context`. A negation that corrects ("päätös ei koske
kouluja vaan päiväkoteja", "…, ei terveysasemalla"), forbids or advises ("ei pidä unohtaa") or
stands in what is agreed, decided or wished ("sovittiin, ettei …", "teki päätöksen, ettei …",
"toivomme, että … ja ettei …") states no finding about the present (codebook §3 conventions 3
and 6); :func:`vastausanalyysi.themes.cue_words.judging_negation` asks these tests.
"""

from __future__ import annotations

from vastausanalyysi.themes.aims import opens_that
from vastausanalyysi.themes.clauses import PAST_PARTICIPLES, SENTENCE_END, part_start
from vastausanalyysi.themes.codes import COORDINATORS
from vastausanalyysi.themes.cue_context import NOMINAL
from vastausanalyysi.themes.tokens import TokenRow, finite, rule_words

#: Negated, these describe when "vaan" corrects them ("ei koske kouluja vaan päiväkoteja").
CORRECTION_VERBS = rule_words("correction_verbs")
#: Negated before an A-infinitive, these forbid or advise ("ei pidä unohtaa").
DEONTIC = rule_words("deontic_verbs")
#: "kyse|kysymys ei ole X:stä vaan Y:stä": what the matter is, corrected.
MATTER = rule_words("matter_words")


def forbids(rows: list[TokenRow], n: int, end: int) -> bool:
    """ "ei pidä|tule|kannata + A-infinitive": a prohibition or advice (codebook §3 conv. 3)."""
    j = n + 1
    if j + 1 >= end or rows[j].nlemma not in DEONTIC:
        return False
    return "A-infinitive" in rows[j + 1].moods


#: How far after a negation its correction ("ei X vaan Y") is looked for.
CORRECTION_WINDOW = 40


def corrected_negation(rows: list[TokenRow], n: int) -> bool:
    """A negation that corrects rather than judges (codebook §3 convention 6): "ei X vaan Y"
    with a verb that describes ("päätös ei koske kouluja vaan päiväkoteja"; not "kuntaa ei
    kuultu vaan …") and a verbless "…, ei Y" after a clause that states the fact ("neuvola
    toimii kirjaston tiloissa, ei terveysasemalla"; not "…, ei kuitenkaan säännöllisesti")."""
    # the sentence's end, or :data:`CORRECTION_WINDOW` words on (a long unpunctuated answer)
    last = min(len(rows), n + CORRECTION_WINDOW)
    end = next((j for j in range(n + 1, last) if rows[j].text in SENTENCE_END), last)
    verb = next((j for j in range(n + 1, end) if rows[j].verb or rows[j].olla), None)
    vaan = None
    if verb is not None:
        vaan = next((j for j in range(verb + 1, end) if rows[j].low == "vaan"), None)
    if verb is not None and vaan is not None:
        # the verb, or the participle after a negated "olla" ("ei ole sidottu X:ään vaan …")
        described = rows[verb].nlemma in CORRECTION_VERBS or (
            rows[verb].olla and verb + 1 < vaan and rows[verb + 1].nlemma in CORRECTION_VERBS
        )
        if described:
            return True
        # "kyse ei ole säästöistä vaan …" (not an absence: "yhteyshenkilöä ei ole vaan …")
        if rows[verb].olla and any(rows[j].nlemma in MATTER for j in range(max(0, n - 2), n)):
            return True
        # "etteivät valtuutetut aja oman kunnan vaan koko alueen etua", "perhekeskus ei ole
        # rakennus vaan tapa": "vaan" corrects the verb's object, adverbial or predicate and
        # has no finite verb of its own; "kuntaa ei kuultu vaan päätös tehtiin ylhäältä" and
        # "lisäleikkaukset eivät olisi säästö, vaan jättäisivät …" go on to judge
        stop = next((j for j in range(vaan + 1, end) if rows[j].text == ","), end)
        if any(finite(rows[j]) for j in range(vaan + 1, stop)):
            return False
        # "ei ole jalkautunut": "olla" is the auxiliary of a past participle
        perfect = any(rows[j].participle & PAST_PARTICIPLES for j in range(verb + 1, vaan))
        if rows[verb].olla and not perfect:
            return _copular(rows, n, verb, vaan)
        return not rows[verb].olla or perfect
    if n == 0 or rows[n - 1].text != "," or verb is not None or n + 1 >= end:
        return False
    if not rows[n + 1].classes & NOMINAL:
        return False
    start = next((j + 1 for j in range(n - 1, -1, -1) if rows[j].text in SENTENCE_END), 0)
    before = range(start, n - 1)
    return any(rows[j].verb for j in before) and not any(rows[j].nlemma == "ei" for j in before)


def _copular(rows: list[TokenRow], n: int, verb: int, vaan: int) -> bool:
    """ "ei ole X vaan Y" that corrects what something is: a nominative subject before "olla"
    and a predicate after it ("perhekeskus ei ole rakennus vaan tapa", "ei määrä ole
    ratkaisevaa vaan …", "lähipalvelut eivät ole kauppatavaraa vaan …"); without a nominative
    subject "olla" states an absence ("yhteyshenkilöä ei ole vaan …", "kunnalla ei ole tietoa
    vaan arvailua")."""
    start = part_start(rows, n)
    subject = any(
        "nimento" in rows[j].cases and rows[j].classes & NOMINAL
        for j in range(start, verb)
        if j != n
    )
    return subject and any(rows[j].classes & NOMINAL for j in range(verb + 1, vaan))


#: Verbs whose "että" clause is what is agreed, decided or asked ("sopia, ettei …").
AGREE = rule_words("agree_verbs")


def _first_that(rows: list[TokenRow], that: int) -> int:
    """The first of coordinated "että" clauses in a sentence: "toivomme, että palvelut säilyvät
    ja ettei kenenkään tarvitse huolestua" continues the first one's verb."""
    while that > 0 and rows[that - 1].low in COORDINATORS:
        earlier = next(
            (
                j
                for j in range(that - 2, -1, -1)
                if rows[j].text in SENTENCE_END or opens_that(rows[j])
            ),
            None,
        )
        if earlier is None or rows[earlier].text in SENTENCE_END:
            break
        that = earlier
    return that


#: Negations that join a clause of their own ("eikä", "eivätkä").
JOINING_NEGATIONS = frozenset({"eikä", "enkä", "etkä", "eivätkä", "emmekä", "ettekä"})


def agreed_content(rows: list[TokenRow], n: int) -> bool:
    """A negation in the "että" clause of a verb of agreeing, deciding or demanding: "kunta ja
    alue voivat sopia, ettei tila siirry alueelle", "kunta vaati, ettei asemaa suljeta". It is
    what is agreed or asked (codebook §3 conv. 3), not a judgment of the present; so is one in
    an "että" clause coordinated with such a clause ("…, että A ja ettei B") or after a noun of
    a decision ("kaupunki on tehnyt päätöksen, ettei se yhtiöitä kiinteistöjä")."""
    # "…, että A eikä B": the joining negation goes on with the "että" clause before it
    reach = -1 if rows[n].low in JOINING_NEGATIONS else max(-1, n - 4)
    that = next((j for j in range(n, reach, -1) if opens_that(rows[j])), None)
    if that is None or any(rows[j].text in SENTENCE_END for j in range(that, n)):
        return False
    that = _first_that(rows, that)
    before = [j for j in range(max(0, that - 5), that) if not rows[j].punct]
    if any(rows[j].low in ("niin", "siten") for j in before[-2:]):
        # "päätti asiasta niin, että kuntaa ei kuultu", "niin tarkasti, että": a result
        return False
    return any(
        (rows[j].verb and rows[j].nlemma in AGREE) or rows[j].nlemma in DECISION_NOUNS
        for j in before[-3:]
    )


#: Nouns of a decision or an agreement whose "että" clause is their content ("teki päätöksen,
#: ettei se yhtiöitä kiinteistöjä").
DECISION_NOUNS = rule_words("decision_nouns")


__all__ = [
    "AGREE",
    "CORRECTION_VERBS",
    "CORRECTION_WINDOW",
    "DECISION_NOUNS",
    "DEONTIC",
    "JOINING_NEGATIONS",
    "MATTER",
    "agreed_content",
    "corrected_negation",
    "forbids",
]
