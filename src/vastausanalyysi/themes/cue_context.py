"""Context tests of the cue rules: what a word does in its clause, not only what it is.

Split from :mod:`vastausanalyysi.themes.cues`: "toimia"/"löytyä" of existence or location, a
forecast ("tulee parantamaan"), a plan ("sitoutuu selvittämään"), a basis ("rakentuu X:n
varaan"), an example and its topic, "toimiva" after a place, "paras mahdollinen"; "when or if"
("toteutuessaan"), an aim as the predicate, and whether an adjective is an attribute ("hyvä
henki", not "hankaloittavat yhteistyötä"); places compared ("alueittain"), rights and duties
("on oikeus irtisanoa"), attempts ("on yritetty"). What happens to the thing a word names
(prevented, lowered, unchanged, lost, gone) is in :mod:`vastausanalyysi.themes.cue_change`.
"""

from __future__ import annotations

from vastausanalyysi.themes.clauses import PAST_PARTICIPLES
from vastausanalyysi.themes.negation_scope import noun_infinitive
from vastausanalyysi.themes.tokens import TokenRow, finite, rule_words

#: Verbs that also say that something exists or is located somewhere ("Kunnassa toimii
#: työryhmä", "neuvola toimii koulun tiloissa", "kunnasta löytyy neuvola"): no judgment there.
EXISTENTIAL_VERBS = rule_words("existential_verbs")
#: Locative cases: inessive, adessive, elative ("kunnassa", "alueella", "kunnasta").
LOCATIVE = {"sisaolento", "ulkoolento", "sisaeronto"}
#: Heads of premises and places: "toimii X:n tiloissa" is where, not how well.
PLACE_HEADS = rule_words("place_heads")
#: "rakentuu X:n varaan|pohjalle": is based on, not is being built up.
BASED_ON = rule_words("based_on_postpositions")


#: How far from the clause's start an existential verb stands and how far its place follows.
_WINDOW = 12


def existential_verb(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "toimia" or "löytyä" of existence or location, not of working well.

    An existential clause puts a place first and the verb before its subject ("Kunnassa toimii
    työryhmä", "Kunnasta löytyy neuvola"); "toimii koulun tiloissa" says where a service is.
    A manner word of its own ("toimii hyvin") still judges. "toimia" for a span of time ("on
    toiminut vuodesta 2019") says how long something has existed.
    """
    row = rows[i]
    if row.nlemma not in EXISTENTIAL_VERBS or not row.verb:
        return False
    if row.nlemma == "toimia" and time_span(rows, i, start, end):
        return True  # "ovat toimineet vasta kaksi vuotta": how long it has existed
    if i - start > _WINDOW:
        return False  # a place, the verb and its subject come first: not a long clause's verb
    before = [j for j in range(start, i) if rows[j].word]
    if before and all(
        not rows[j].classes & {"nimisana", "nimi"} or rows[j].cases & LOCATIVE for j in before
    ):
        first_noun = next((j for j in before if rows[j].classes & {"nimisana", "nimi"}), None)
        if first_noun is not None and "nimento" not in rows[first_noun].cases:
            return True  # a place before the verb and no subject: "Alueella toimii …"
    after = []
    for j in range(i + 1, min(end, i + 1 + _WINDOW)):
        if rows[j].punct:
            break
        after.append(j)
    if row.nlemma == "löytyä":
        # a partitive subject and a place: "Tarpeita löytyy myös tilakysymyksissä"
        subject = [j for j in before if rows[j].classes & {"nimisana", "nimi"}]
        return bool(
            subject
            and all("nimento" not in rows[j].cases for j in subject)
            and "osanto" in rows[subject[0]].cases
            and any(rows[j].cases & LOCATIVE for j in after)
        )
    # "toimii jatkossakin kunnan vuokraamissa tiloissa"
    return any(
        rows[j].cases & {"sisaolento", "ulkoolento"} and rows[j].keys & PLACE_HEADS for j in after
    )


#: Units of a span of time ("kaksi vuotta", "vuodesta 2019").
TIME_UNITS = rule_words("time_units")
#: Words that count a span of time besides numbers ("pari", "muutama", "runsaat").
SPAN_COUNTS = rule_words("span_counts")
#: Postpositions of a time since ("vuodesta 2019 lähtien", "syksystä alkaen").
SINCE_WORDS = rule_words("since_words")


def time_span(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """A span of time within six words of ``i`` in its clause: a counted unit of time ("vasta
    runsaat kaksi vuotta", "kolme kuukautta"), a year since ("vuodesta 2019") or a time since
    ("syksystä lähtien", "nykyisessä muodossaan viime keväästä asti")."""
    lo, hi = max(start, i - 6), min(end, i + 7)
    for j in range(lo, hi):
        row = rows[j]
        if row.low in SINCE_WORDS:
            return True
        if row.nlemma not in TIME_UNITS:
            continue
        if "sisaeronto" in row.cases and j + 1 < end and rows[j + 1].like_num:
            return True  # "vuodesta 2019"
        for k in range(max(start, j - 2), j):
            if rows[k].like_num or "lukusana" in rows[k].classes or rows[k].nlemma in SPAN_COUNTS:
                return True
    return False


def future_tense(rows: list[TokenRow], i: int, start: int) -> bool:
    """A MA-infinitive after "tulla" ("tulee parantamaan"): the future tense of Finnish."""
    if "MA-infinitive" not in rows[i].moods or not rows[i].low.endswith(("maan", "mään")):
        return False
    return any(rows[j].nlemma == "tulla" for j in range(max(start, i - 2), i))


#: Words that put a clause in a time to come ("jatkossa", "tulevaisuudessa").
FUTURE_WORDS = rule_words("future_words")
#: Times that "ensi|tuleva" makes a time to come ("ensi vuonna", "tulevalla kaudella").
FUTURE_TIMES = rule_words("future_times")


#: How many words from the cue a time to come is looked for.
TIME_WINDOW = 8
_PART_BREAKS = frozenset({"ja", "sekä", "mutta", "eikä", "vaan", ",", ";", ":"})


def time_to_come(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """A clause set in a time to come: "jatkossa", "tulevaisuudessa" ("jatkossakin") or
    "ensi|tuleva" before a time ("Hyvinvointialue turvaa päivystyksen myös ensi vuonna"): a plan
    or a forecast, not a finding; a perfect ("on jatkossakin toiminut") still judges."""
    if rows[i].participle & PAST_PARTICIPLES:
        return False
    # within the coordinated part of the clause ("toimii hyvin ja jatkossa sitä syvennetään")
    # and :data:`TIME_WINDOW` words of the cue (a clause without punctuation can be long)
    start, end = max(start, i - TIME_WINDOW), min(end, i + TIME_WINDOW + 1)
    start = next((j + 1 for j in range(i - 1, start - 1, -1) if rows[j].low in _PART_BREAKS), start)
    end = next((j for j in range(i + 1, end) if rows[j].low in _PART_BREAKS), end)
    for j in range(start, end):
        low = rows[j].low
        if low in FUTURE_WORDS or (low.endswith("kin") and low[:-3] in FUTURE_WORDS):
            return True
        if (
            rows[j].nlemma in {"ensi", "tuleva"}
            and j + 1 < end
            and rows[j + 1].nlemma in FUTURE_TIMES
        ):
            return True
    return False


def to_do(rows: list[TokenRow], i: int, end: int) -> bool:
    """A MA-infinitive right after a verb ("sitoutuvat kehittämään"): what is to be done."""
    return any("MA-infinitive" in rows[j].moods for j in range(i + 1, min(i + 3, end)))


#: "pyrkivät lähinnä selviytymään": a goal that is only to cope judges the present.
def based_on(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "rakentuu (yhteisten harjoitusten) varaan", "joiden varaan … rakentuu": a basis; also a
    noun in the allative after the verb ("tuki rakentuu monen tahon yhteistyölle")."""
    if any(rows[j].low in BASED_ON for j in range(max(start, i - 6), min(i + 6, end))):
        return True
    for j in range(i + 1, min(i + 5, end)):
        if rows[j].punct:
            break
        if "ulkotulento" in rows[j].cases and "nimisana" in rows[j].classes:
            return True
    return False


#: Manner adverbs that say how or where something operates, not how well ("toimii
#: kaksikielisesti", "toimivat etänä").
OPERATING_MODES = rule_words("operating_modes")


def operating_mode(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "toimia" of a mode of operation or the noun "toimi", not of working well: a manner adverb
    of :data:`OPERATING_MODES` right after it ("Vaikuttamistoimielimet toimivat
    kaksikielisesti"), or an adjective or participle in the partitive right before it
    ("suunniteltuja toimia", "konkreettisia toimia": measures)."""
    row = rows[i]
    if row.nlemma != "toimia":
        return False
    if i + 1 < end and rows[i + 1].nlemma in OPERATING_MODES:
        return True
    if i == 0 or row.low not in {"toimia", "toimiakin"}:
        return False
    prev = rows[i - 1]
    return "osanto" in prev.cases and bool(
        prev.participle or prev.classes & {"laatusana", "nimisana_laatusana"}
    )


#: Adjectives that give advice before an A-infinitive ("on hyvä sopia").
ADVICE = rule_words("advice_adjectives")


def advice(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "on hyvä sopia", "olisi järkevää kirjata": advice after "olla", not praise."""
    if rows[i].nlemma not in ADVICE or i + 1 >= end:
        return False
    if not any(rows[j].olla for j in range(max(0, i - 3), i)):
        return False
    return "A-infinitive" in rows[i + 1].moods


#: Word classes of the first word of a verbless "…, ei Y" correction.
NOMINAL = rule_words("nominal_classes")


def noun_content(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """An A-infinitive that a noun governs ("perhekeskus on tapa toimia yhdessä", "halu
    kehittää yhteistyötä") where another word of its clause, in the same coordinated part, is
    the finite verb: what the noun is about, not a finding that it works; "alue kehittää
    palveluja" and "arki toimii ja soitto riittää" are finite verbs themselves."""
    if not noun_infinitive(rows, i):
        return False
    start = next((j + 1 for j in range(i - 1, start - 1, -1) if rows[j].low in _CONJUNCTS), start)
    end = next((j for j in range(i + 1, end) if rows[j].low in _CONJUNCTS), end)
    return any(j != i and (finite(rows[j]) or rows[j].nlemma == "ei") for j in range(start, end))


#: Words that start a coordinated part of a clause, each with a finite verb of its own.
_CONJUNCTS = frozenset({"ja", "sekä", "tai", "eikä", ","})


#: Endings of the passive present participle of necessity ("turvattava", "oltava").
_NECESSIVE = ("tava", "tävä")
#: Word classes of a noun that an attributive participle agrees with.
NOUN_CLASSES = rule_words("noun_classes")


def obligation(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "yhteistyön on oltava sujuvaa", "palvelut on turvattava": "olla" + a passive present
    participle of necessity states a duty, not a finding (codebook §3 conv. 3); not an
    attribute that agrees with its noun ("on huomattava etu")."""
    row = rows[i]
    if "present_passive" not in row.participle or not row.low.endswith(_NECESSIVE):
        return False
    if not any(rows[j].olla and not row_participle(rows[j]) for j in range(max(0, i - 3), i)):
        return False
    if i + 1 < end and rows[i + 1].classes & NOUN_CLASSES:
        # an attribute only when every reading of the noun agrees: "kouluilta" is also the
        # nominative of a compound ("koulu-ilta"), which must not make "on kuljettava
        # kouluilta …" an attribute
        cases = rows[i + 1].cases - {None}
        return not cases or not cases <= row.cases
    return True


def row_participle(row: TokenRow) -> bool:
    """Whether the analyser read the word as a participle (its PARTICIPLE set has a value)."""
    return bool(row.participle - {None})


def example_of(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "hyvä esimerkki jostakin": an example that illustrates, not praise."""
    if rows[i].nlemma != "hyvä":
        return False
    j = i + 1
    if j >= end or rows[j].nlemma != "esimerkki":
        return False
    return any(
        "sisaeronto" in rows[k].cases or rows[k].low in {"siitä", "tästä"}
        for k in range(j + 1, min(j + 4, end))
    )


def example_topic(rows: list[TokenRow], i: int, start: int) -> bool:
    """A problem noun in the elative after "esimerkki": the topic an example illustrates."""
    if "sisaeronto" not in rows[i].cases:
        return False
    return any(rows[j].nlemma == "esimerkki" for j in range(max(start, i - 3), i))


def operating_in(rows: list[TokenRow], i: int, start: int) -> bool:
    """The participle "toimiva" after a place ("alueella toimivat järjestöt")."""
    row = rows[i]
    if row.nlemma not in {"toimia", "toimiva"} or "present_active" not in row.participle:
        return False
    if i <= start:
        return False
    place = rows[i - 1]  # a noun: "meillä toimiva tiedonkulku" is still a judgment
    if place.low in _UNDER:
        return True  # "sivistystoimen alla toimiva järjestelmä": where it belongs
    return bool(place.cases & LOCATIVE) and bool(place.classes & {"nimisana", "nimi"})


#: Postpositions of belonging: "X:n alla|yhteydessä|piirissä toimiva" is where, not how well.
_UNDER = rule_words("belonging_postpositions")


def best_possible(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "paras mahdollinen": the best that can be, an aim."""
    if not rows[i].low.startswith(("parha", "paras")):
        return False  # the analyser gives "parhaalla" the lemma "hyvä"
    return i + 1 < end and rows[i + 1].nlemma == "mahdollinen"


#: Demonstrative pronouns (lemmas): "tässä aikataulussa" points at a schedule.
DEMONSTRATIVES = frozenset({"tämä", "tuo", "se", "nämä", "nuo", "ne"})
#: Heads of views and results whose varying is a difference described, not a problem.
VIEWS = rule_words("varying_views")
#: Heads of a quality ("palvelujen laatu", "palvelutaso"): its varying is a problem.
QUALITY = rule_words("varying_quality")
#: Verbs of living and heads of homes: "jäi yksin asumaan", "jäi yksin kotiin".
LIVING = rule_words("living_words")


def circumstance(row: TokenRow) -> bool:
    """A second infinitive ("toteutuessaan", "kehittyessä"): when or if, not a finding."""
    return "E-infinitive" in row.moods and "indicative" not in row.moods


#: Nouns of an aim: as the predicate ("… ovat yhteisiä tavoitteita") the clause states an aim.
AIM_NOUNS = rule_words("aim_nouns")


def aim_predicate(rows: list[TokenRow], start: int, end: int) -> bool:
    """ "Toimiva tiedonkulku on yhteinen tavoitteemme": the clause ends in an aim noun in the
    nominative or partitive after a form of "olla" and only its attributes."""
    last = end - 1
    while last > start and rows[last].punct:
        last -= 1
    row = rows[last]
    if not (row.keys & AIM_NOUNS and row.cases & {"nimento", "osanto"}):
        return False
    j = last - 1
    while j > start and "laatusana" in rows[j].classes and not rows[j].olla:
        j -= 1  # "keskeisiä yhteisiä"
    return rows[j].olla


def attributive(rows: list[TokenRow], i: int) -> bool:
    """An adjective before a noun ("hyvä henki"), not a predicate ("henki on hyvä")."""
    if i + 1 >= len(rows) or "laatusana" not in rows[i].classes:
        return False
    cases = rows[i].cases - {None}
    j = i + 1
    if (
        rows[j].genitive
        and "omanto" not in cases
        and j + 1 < len(rows)
        and "nimisana" in rows[j + 1].classes
    ):
        j += 1  # "toimiva Wilman käyttö": a genitive between (not "toimivien käytäntöjen")
    noun_cases = rows[j].cases - {None}
    if cases and noun_cases and not cases & noun_cases:
        return False  # "hankaloittavat yhteistyötä": a verb and its object, no agreement
    return "nimisana" in rows[j].classes


def before_participle(rows: list[TokenRow], i: int) -> bool:
    """An adverb before an attributive participle ("nopeasti kasvaneet kustannukset")."""
    row = rows[i]
    if "seikkasana" not in row.classes and "kerrontosti" not in row.cases:
        return False
    return attributive(rows, i + 1) and bool(rows[i + 1].participle - {None})


#: "oikeus|velvollisuus|valtuus + A-infinitive": a right or a duty, a legal role.
RIGHTS = rule_words("right_nouns")


def by_place(rows: list[TokenRow], clause: tuple[int, int]) -> bool:
    """A difference described: a distributive "-ittain" ("alueittain", "kunnittain"), "kunnasta
    toiseen", or views and results that vary ("kuntien arviot vaihtelevat", "kokemukset
    ryhmien toimivuudesta vaihtelevat", "odotetaan vaihtelevin mielin"): codebook §3 conv. 5.
    Not a quality that varies ("palvelujen laatu vaihtelee koulusta toiseen": services are
    unequal, a problem): a quality noun as the subject, in the nominative."""
    if any(
        rows[j].heads & QUALITY and "nimento" in rows[j].cases and rows[j].classes & NOMINAL
        for j in range(*clause)
    ):
        return False
    lows = [rows[j].low for j in range(*clause)]
    if any(w.endswith(("ittain", "ittäin")) for w in lows) or "toiseen" in lows:
        return True
    return any(rows[j].heads & VIEWS and rows[j].classes & NOMINAL for j in range(*clause))


def adpositional_kesken(rows: list[TokenRow], i: int) -> bool:
    """ "kesken" after a genitive is the postposition "among", and before one the preposition
    "in the middle of" ("ei vähennetä kesken lukuvuoden", a time), not "unfinished" ("hanke jäi
    kesken", "työ on kesken kunnan osalta")."""
    if rows[i].low != "kesken":
        return False
    if i > 0 and rows[i - 1].genitive and not rows[i - 1].olla:
        return True
    if i + 1 >= len(rows) or not rows[i + 1].genitive or "nimisana" not in rows[i + 1].classes:
        return False
    for j in range(i - 1, max(-1, i - 4), -1):  # "on vielä kesken", "jäi taas kesken"
        if rows[j].punct:
            break
        if rows[j].olla or rows[j].nlemma in _LEFT:
            return False
    return not any(rows[j].low in _BELONGING for j in range(i + 2, min(i + 4, len(rows))))


#: "jäädä|jättää kesken": left unfinished.
_LEFT = frozenset({"jäädä", "jättää"})
#: Postpositions after a genitive that make "kesken + genitive" a predicate ("kesken kunnan
#: osalta": unfinished for the municipality).
_BELONGING = frozenset({"osalta", "kohdalta", "puolesta"})


def living_alone(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "jäädä yksin" followed by where or how one lives ("äiti jäi yksin asumaan
    omakotitaloon", "jäi yksin kotiin"): a person's living described, not a party left alone
    with a task ("kunta jäi yksin hoitamaan kotoutumista" is one)."""
    if rows[i].nlemma not in {"jäädä", "jättää"}:
        return False
    alone = next((j for j in range(i + 1, min(i + 4, end)) if rows[j].low in _ALONE), None)
    if alone is None or alone + 1 >= end:
        return False
    nxt = rows[alone + 1]
    if "MA-infinitive" in nxt.moods:
        return nxt.nlemma in LIVING
    return bool(nxt.heads & LIVING and nxt.cases & {"sisatulento", "sisaolento"})


_ALONE = frozenset({"yksin", "yksinään"})


def right_to(rows: list[TokenRow], i: int, start: int) -> bool:
    """An A-infinitive right after a noun of right or duty ("on oikeus irtisanoa")."""
    if "A-infinitive" not in rows[i].moods or "indicative" in rows[i].moods:
        return False  # "lupien käsittely hidastaa": a finite verb
    return any(
        rows[j].nlemma in RIGHTS and not rows[j].genitive for j in range(max(start, i - 2), i)
    )


#: Courts and legal overseers: the clause of their act or view is a legal description.
COURTS = rule_words("court_nouns")
#: Appealing against a decision ("valittaa", "valitus").
APPEAL_WORDS = rule_words("appeal_words")


def formal_appeal(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """An appeal word with a court or a decision appealed against in its clause ("kunta valitti
    päätöksestä hallinto-oikeuteen", "hakee muutosta päätökseen", "palveluverkkopäätöksestä
    lähtivät valittamaan kunnat"): a formal appeal reported as a fact is a legal procedure
    (CODING.md R5), not a complaint ("asukkaat valittavat jonoista")."""
    if rows[i].nlemma not in APPEAL_WORDS:
        return False
    return any(
        rows[j].nlemma in COURTS or ("päätös" in rows[j].heads and rows[j].cases & _APPEALED)
        for j in range(start, end)
    )


#: Cases of the decision appealed against: "päätöksestä" (elative), "päätökseen" (illative).
_APPEALED = frozenset({"sisaeronto", "sisatulento"})


#: Verbs and nouns of trying: what follows them is attempted, not achieved.
ATTEMPT = rule_words("attempt_words")


def attempted(rows: list[TokenRow], i: int) -> bool:
    """ "on yritetty ratkaista", "koetamme parantaa": an attempt, not a result."""
    return any(rows[j].nlemma in ATTEMPT for j in range(max(0, i - 2), i))


#: Words after an intensifier "hyvin" that are not degree words ("otettiin hyvin vastaan").
_NOT_DEGREE = rule_words("not_degree_words")


#: Participles after which "hyvin" is manner: "hyvin toimiva", "hyvin hoidettu", "hyvin tekemä".
_MANNER_PARTICIPLES = frozenset({"present_active", "past_passive", "agent"})


def intensifier(rows: list[TokenRow], i: int, end: int) -> bool:
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
    if nxt.verb and ("teonsana" in classes or not nxt.participle.isdisjoint(_MANNER_PARTICIPLES)):
        return False  # "hyvin toimiva", "hyvin hoidettu": manner of a participle
    # (not an adjective with a rare verb reading besides, read as the adjective: "hyvin pieni";
    # nor a participle of a change: "hyvin ikääntynyt")
    # "nimisana_laatusana" ("huono", "hyvin huono"): an adjective that can be a noun
    return any(
        isinstance(c, str) and c.split("_")[-1] in {"laatusana", "seikkasana", "lukusana"}
        for c in classes
    )


def conceded(rows: list[TokenRow], i: int) -> bool:
    """A word of the elative phrase that "huolimatta" governs: "talouden haasteista huolimatta
    yhteistyö etenee", "huolimatta haasteista …". What is granted despite which the main clause
    holds is no judgment of its own; the main clause judges."""
    if "sisaeronto" not in rows[i].cases:
        return False
    j = i + 1
    while j < len(rows) and "sisaeronto" in rows[j].cases and rows[j].classes & NOMINAL:
        j += 1
    if j < len(rows) and rows[j].low == "huolimatta":
        return True
    k = i - 1
    while k >= 0 and "sisaeronto" in rows[k].cases and rows[k].classes & NOMINAL:
        k -= 1
    return k >= 0 and rows[k].low == "huolimatta"


def demonstrative_frame(rows: list[TokenRow], i: int) -> bool:
    """A demonstrative right before the word ("tässä aikataulussa", "siinä tahdissa"): a frame
    pointed at, not a judgment ("eteni aikataulussa" is one)."""
    return (
        i > 0 and rows[i - 1].nlemma in DEMONSTRATIVES and bool(rows[i - 1].cases & rows[i].cases)
    )


__all__ = [
    "ADVICE",
    "AIM_NOUNS",
    "APPEAL_WORDS",
    "ATTEMPT",
    "BASED_ON",
    "COURTS",
    "EXISTENTIAL_VERBS",
    "LIVING",
    "LOCATIVE",
    "NOMINAL",
    "NOUN_CLASSES",
    "PLACE_HEADS",
    "QUALITY",
    "RIGHTS",
    "SINCE_WORDS",
    "SPAN_COUNTS",
    "TIME_UNITS",
    "adpositional_kesken",
    "advice",
    "aim_predicate",
    "attempted",
    "attributive",
    "based_on",
    "before_participle",
    "best_possible",
    "by_place",
    "circumstance",
    "conceded",
    "demonstrative_frame",
    "example_of",
    "example_topic",
    "existential_verb",
    "formal_appeal",
    "future_tense",
    "intensifier",
    "living_alone",
    "noun_content",
    "obligation",
    "operating_in",
    "operating_mode",
    "right_to",
    "row_participle",
    "time_span",
    "to_do",
]
