"""What should be: the words and constructions that open goal and need scopes.

A goal, task or requirement ("tavoitteena on …", "ryhmän tehtävä on selvittää", "edellyttää"),
a need ("pitäisi", "tarvitaan", "kaipaa"), a wish ("toivomme, että …"), what is expected
("odotamme, että …") or important ("on tärkeää, että …") states what should be, not a finding
(codebook §3 convention 3). :func:`vastausanalyysi.themes.clauses.scopes` opens and closes the
scopes with these tests; an infinitive of purpose ("parantaakseen") names what something is for.
"""

from __future__ import annotations

from vastausanalyysi.nlp.voikko import FINITE_MOODS
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Endings of the A-infinitive's translative of purpose ("parantaakseen", "kehittääksemme").
_PURPOSE = ("kseni", "ksesi", "kseen", "ksemme", "ksenne", "ksensa", "ksensä")


def purpose_infinitive(row: TokenRow) -> bool:
    """An infinitive of purpose: "parantaakseen", "onnistuaksemme" (what something is for)."""
    return "A-infinitive" in row.moods and row.low.endswith(_PURPOSE)


#: Participles of a belief's content: "uskoo muutoksen sujuneen", "uskon sen olevan hyvä".
_BELIEVED = frozenset({"past_active", "present_active"})


def believed_now(rows: list[TokenRow], i: int, n: int) -> bool:
    """A verb of believing whose content is of the past or present: a participle ("Kinnunen
    uskoo muutoksen sujuneen hyvin", "uskomme yhteistyön toimineen") or a perfect after "että"
    ("uskomme, että yhteistyö on toiminut hyvin"). A judgment of what is or was, not a wish for
    what may come ("uskon, että asia ratkeaa")."""
    if rows[i].nlemma != "uskoa":
        return False
    for j in range(i + 1, min(i + 10, n)):
        row = rows[j]
        if row.punct and row.text != ",":  # a sentence or clause ends (not a comma)
            return False
        if not row.participle & _BELIEVED:
            continue
        if "omanto" in row.cases or rows[j - 1].olla:
            return True
    return False


def opens_that(row: TokenRow) -> bool:
    """ "että" or "ettei" (whole, or tokenised "ett" + "ei"): the word that opens an "että"
    clause."""
    return row.nlemma == "että" or row.low == "ettei"


#: Goal words used when the codebook has no ``goal`` list.
GOAL_WORDS = rule_words("goal_words")
#: Conjunctions among the goal words: a lemma alone does not open a scope ("joskin").
GOAL_CONJUNCTIONS = rule_words("goal_conjunctions")
#: Goal nouns that open a goal scope only as "X:nä" or "X on + infinitive / että".
GOAL_NOUNS = rule_words("goal_nouns")
#: Need words, as written: "pitäisi", "tulisi", "on syytä tarkistaa" …
NEED_FORMS = rule_words("need_forms")
#: Need verbs matched by lemma too ("tarvitaan", "kaipaa", "täytyisi").
NEED_LEMMAS = rule_words("need_lemmas")
#: Need nouns that open a need scope before an A-infinitive only: "on tarve selkeyttää",
#: "on tarpeen kirkastaa" (not "asiakkaan tarpeiden mukaan").
NEED_NOUNS = rule_words("need_nouns")


#: Words of importance: "on tärkeää, että …", "etu on, että …", "tärkeää on turvata …" state
#: what should be (codebook §3 conv. 3), not a finding.
IMPORTANCE_WORDS = rule_words("importance_words")
#: Verbs of expecting that open a wish only before "että": "odotamme, että asia ratkeaa
#: nopeasti" (not "odotettua paremmin", nor "odottaa yhä vastausta").
EXPECT_VERBS = rule_words("expect_verbs")


#: Particles between an importance word and its "että": "Tärkeää on myös, että …".
_IMPORTANCE_BETWEEN = rule_words("importance_particles")


def importance_opens(rows: list[TokenRow], i: int, n: int) -> bool:
    """An importance word followed by "että" or an A-infinitive ("olla" and a comma between)."""
    j = i + 1
    while j < n and (rows[j].olla or rows[j].text == "," or rows[j].low in _IMPORTANCE_BETWEEN):
        j += 1
    return j < n and (opens_that(rows[j]) or "A-infinitive" in rows[j].moods)


def that_follows(rows: list[TokenRow], i: int, n: int) -> bool:
    """ "että|ettei" right after the word (a comma between)."""
    j = i + 1
    while j < n and rows[j].text == ",":
        j += 1
    return j < n and opens_that(rows[j])


#: Cases of what is expected and from whom: "odottaa selkeää vastuunjakoa (alueelta)".
_EXPECTED_CASES = frozenset({"osanto", "ulkoeronto"})


def expected_object(rows: list[TokenRow], i: int, start: int, n: int) -> int | None:
    """Where the nominal object or source of a finite verb of expecting starts (the verb itself
    when it follows): after it
    ("kunnat odottavat hyvinvointialueelta selkeää vastuunjakoa", "odotimme tiiviimpää
    yhteistyötä") or before it ("hyviä tuloksia odotetaan"). What is expected is no finding,
    as in "odotamme, että …"; None for "odotettua paremmin" (a participle), "joutuvat
    odottamaan" and "meitä odottaa haastava vuosi" (no such object)."""
    if not rows[i].moods & {"indicative", "conditional"} or not rows[i].verb:
        return None
    first = i
    while first > start and _expected_case(rows[first - 1]):
        first -= 1  # "selkeää työnjakoa odotetaan (alueelta)"
    for j in range(i + 1, min(i + 4, n)):
        if rows[j].punct or (rows[j].verb and rows[j].moods & FINITE_MOODS):
            break
        if _expected_case(rows[j]):
            return first
    return first if first < i else None


def _expected_case(row: TokenRow) -> bool:
    """A noun or adjective in the partitive or the ablative (what is expected, from whom)."""
    return bool(row.cases & _EXPECTED_CASES and row.classes & {"nimisana", "laatusana"})


#: Verbs that rate something as important: "pitää / nähdä / kokea / katsoa tärkeänä".
_RATE_AS = rule_words("rate_as_verbs")


def importance_rated(rows: list[TokenRow], start: int, i: int) -> bool:
    """An importance word in the essive after a rating verb ("näkee erittäin tärkeänä toimivan
    yhteistyön"): what follows is what should be (conv. 3)."""
    if not rows[i].low.endswith(("na", "nä")):
        return False
    return any(rows[j].nlemma in _RATE_AS for j in range(max(start, i - 3), i))


def necessive(rows: list[TokenRow], i: int, n: int) -> bool:
    """ "tulee kuulla", "kunnan tulee myös laatia": "tulla" + A-infinitive (not "tulee
    olemaan", not "tuli hyväksi")."""
    if rows[i].conditional:
        return False  # "tulisi" is a need word already
    for j in range(i + 1, min(i + 3, n)):
        if rows[j].punct:
            return False
        if "A-infinitive" in rows[j].moods and rows[j].low.endswith(("a", "ä")):
            return True
    return False


#: Requirement verbs: with "yhä|vielä|edelleen" they state a present need, not a condition;
#: with a success as their subject, a condition ("onnistuminen edellyttää …": cues).
REQUIRE_VERBS = rule_words("requirement_verbs")
#: "yhä", "vielä", "edelleen" …: a stage not yet passed (after a requirement verb here; after
#: "mutta" in :mod:`~vastausanalyysi.themes.polarity`).
STILL_WORDS = rule_words("still_words")


def still_follows(rows: list[TokenRow], i: int, n: int) -> bool:
    """ "vaatii yhä", "vaatii vielä paljon": a stage marker soon after a requirement verb."""
    for j in range(i + 1, min(i + 5, n)):
        if rows[j].punct:
            return False
        if rows[j].low in STILL_WORDS:
            return True  # "vaati alueen tilanne yhä …": the subject may stand between
    return False


def improvement_next(rows: list[TokenRow], i: int, lexicon: PolarityLexicon) -> bool:
    """ "asema vaatii vahvistusta": a requirement of improvement is a need, not a condition."""
    j = i + 1
    return j < len(rows) and bool(rows[j].keys & lexicon.improve)


def goal_noun_opens(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "tavoitteena", "tehtävänä", "ryhmän tehtävä on selvittää", "tavoite on, että …"."""
    if rows[i].low.endswith(("na", "nä")):
        return True
    if i + 1 < end and "A-infinitive" in rows[i + 1].moods:
        return True  # "on tarkoitus vähentää", "tavoite parantaa"
    j = i + 1
    while j < end and rows[j].low in {"ei", "myös", "nyt", "siis", "puolestaan"}:
        j += 1
    if j >= end or not rows[j].olla:
        return False
    k = j + 1
    if k < end and rows[k].punct:
        k += 1
    if k >= end:
        return False
    nxt = rows[k]
    return nxt.low in {"että", "saada"} or "A-infinitive" in nxt.moods


__all__ = [
    "EXPECT_VERBS",
    "GOAL_CONJUNCTIONS",
    "GOAL_NOUNS",
    "GOAL_WORDS",
    "IMPORTANCE_WORDS",
    "NEED_FORMS",
    "NEED_LEMMAS",
    "NEED_NOUNS",
    "REQUIRE_VERBS",
    "STILL_WORDS",
    "believed_now",
    "expected_object",
    "goal_noun_opens",
    "importance_opens",
    "importance_rated",
    "improvement_next",
    "necessive",
    "opens_that",
    "purpose_infinitive",
    "still_follows",
    "that_follows",
]
