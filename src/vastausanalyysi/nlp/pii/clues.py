"""More person contexts of one run of name words (see :mod:`vastausanalyysi.nlp.pii.masker`):
a child's age after a first name, a family member coordinated with it, an origin adjective
before it, a verb of calling a few adverbs before an allative, a document sent to or coming from
a surname, a Swedish title, a surname particle starting a name, a foreign full name acting, a
word of collaboration near a place; and one context of an organisation's name."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.language import function_words
from vastausanalyysi.nlp.pii.context import GAP, INNER_LOCAL, Words, gap
from vastausanalyysi.nlp.pii.names import FOREIGN_BEFORE_NAME
from vastausanalyysi.nlp.pii.words import WordInfo

# a child's age after a first name: "Tuuli (14 v.)", "Eino, 9 v.", "Aava (3-vuotias)", also
# typed without a comma ("onni 4v ja lumi 2v"; not "toimi 30 vuotta", which is no age), or as
# the predicate ("onni on 4v", "Lumi oli 2-vuotias"; not "on 30 vuotta")
_AGE = re.compile(
    r"\s*(?:[,(]\s*\d{1,2}\s*(?:v\.|v\b|-?vuotias\b|vuotta\b|år\b)"
    r"|(?:(?:on|oli|täyttää|täytti)\s+)?\d{1,2}\s?(?:v\.|v\b|-?vuotias\b|år\b))",
    re.I,
)

# the start of an origin adjective before a name: "persialaistaustainen Dariush",
# "Vietnamissa syntynyt" is not one; "thaimaalaissyntyinen", "kurdilähtöinen"
_ORIGIN = re.compile(r"\w+(?:taustai|syntyi|lähtöi)(?:nen|sen|selle|selta|sella|sta)$", re.I)

# Swedish titles and roles before a name ("Eleven Wilma fick stöd", "kuratorn Linnea")
SWEDISH_TITLES = frozenset(
    ["eleven", "elev", "läraren", "lärare", "kuratorn", "kurator", "rektorn", "rektor",
     "skötaren", "vårdaren", "sjuksköterskan", "hälsovårdaren", "handläggaren", "handledaren",
     "chefen", "ordföranden", "sekreteraren", "socialarbetaren", "psykologen", "kollegan",
     "barnet", "sonen", "dottern", "pojken", "flickan", "klienten", "kunden"]
)  # fmt: skip

# particles that start a surname of their own ("von Essenin mielestä", "van Dijkin kanssa");
# not "de", "da", "di", "den", prepositions and articles in other languages
_STARTING_PARTICLES = frozenset(["von", "van", "af", "zu", "ter", "dela", "delos"])


def organisation(
    group: list[WordInfo],
    prev: WordInfo | None,
    nxt: WordInfo | None,
    cases: set[str],
    genitive: bool,
) -> bool:
    """A run of name words (its last word in ``cases``) that names an institution or a firm,
    not a person.

    After the head of an institution, building or business, in the nominative or an inner local
    case ("Yliopistokeskus Chydenius", "Villa Helmi", "Rakennusliike Nieminen", "Apteekki
    Lindroos"; not "oppilaan nimi Eino Rantanen"); after a company form ("Asunto Oy
    Kalliorinne", "Kiinteistö Oy Kivirannan Hovi"); or an owner's name in the genitive before a
    capitalised ordinary noun in the nominative ("Virtasen Liikenne Oy", "Ahosen Kotihoito"; not
    after a first name: "Anna Ahosen Kotihoito" names a person).
    """
    if prev is not None and prev.institution and cases & {"nimento", *INNER_LOCAL}:
        return True
    if prev is not None and prev.brand and prev.shape != "lower":
        return True
    return (
        genitive
        and nxt is not None
        and nxt.shape == "title"
        and nxt.bare_noun
        and not (nxt.name or nxt.place or nxt.title)
        and not any(i.first for i in group)
    )


def aged(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A first name with a child's age right after it ("Tuuli (14 v.) ohjattiin …")."""
    return infos[a].first and _AGE.match(text, words[b - 1].end()) is not None


# a writer introducing themselves at the start of a text or line: "Mimmi tässä, …"
_HERE = re.compile(r"\s+tässä\s*(?:[,:;.!–—-]|$)", re.I)


def introduced(text: str, words: Words, a: int, b: int) -> bool:
    """A name at the start of the text or a line and "tässä" right after it ("Mimmi tässä,
    sposti …", "Jari Virtanen tässä:")."""
    start = words[a].start()
    if text[:start].strip() and not text[:start].rstrip(" \t").endswith("\n"):
        return False
    return _HERE.match(text, words[b - 1].end()) is not None


#: Possessive pronouns before a family noun coordinated with a first name ("Onni ja hänen isänsä").
_HIS_HER = frozenset({"hänen", "meidän", "minun", "mun"})
#: Personal pronouns a first name is coordinated with as a person ("Jukka ja minä sovimme").
PERSONAL_PRONOUNS = frozenset({"minä", "mä", "mie", "sinä", "sä", "hän"})


def with_family(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A first name in the nominative coordinated with a family noun or a personal pronoun in
    the nominative ("onni ja isä odottavat …", "äiti ja Ilo", "Jukka ja minä sovittiin"; not
    "ilo ja isänmaa", "veli ja sisko")."""
    if not (infos[b - 1].first and "nimento" in infos[b - 1].cases) or infos[b - 1].family:
        return False

    def family(k: int) -> bool:
        if not 0 <= k < len(words):
            return False
        return (infos[k].family and "nimento" in infos[k].cases) or (
            words[k][0].lower() in PERSONAL_PRONOUNS
        )

    def plain(first: int) -> bool:  # "ja" between, plain spaces around it
        return words[first][0].lower() == "ja" and all(
            gap(text, words, k) in GAP for k in (first, first + 1)
        )

    # "Onni ja hänen isänsä": a possessive pronoun before the family noun
    k = b + 2 if b + 2 < len(words) and words[b + 1][0].lower() in _HIS_HER else b + 1
    after = k < len(words) and family(k) and plain(b)
    return after or (a >= 2 and family(a - 2) and plain(a - 1))


def origin(text: str, words: Words, a: int) -> bool:
    """An adjective of foreign origin right before the name ("Persialaistaustainen Dariush")."""
    return a > 0 and gap(text, words, a) in GAP and _ORIGIN.fullmatch(words[a - 1][0]) is not None


def called(text: str, words: Words, infos: list[WordInfo], a: int) -> bool:
    """A verb of telling or calling before an allative with only adverbs, "ja" and other
    allatives between ("Soitin ensin salmelle ja sitten kankaalle"; right before it the masker
    decides)."""
    k = a - 1
    while k >= max(0, a - 5) and gap(text, words, k + 1) in GAP:
        info = infos[k]
        if info.tell and info.finite:
            return k < a - 1
        if not (info.adverb or words[k][0].lower() == "ja" or "ulkotulento" in info.cases):
            return False
        k -= 1
    return False


def handled(text: str, words: Words, infos: list[WordInfo], a: int, b: int, acts) -> bool:
    """A verb of acting before the name with an adverb or an essive between ("Asiat hoitaa
    nykyään KANERVA", "Kerhoa vetää vapaaehtoisena Aino Lahti")."""
    k = a - 1
    if k < 1 or gap(text, words, a) not in GAP or gap(text, words, k) not in GAP:
        return False
    between = infos[k]
    return (between.adverb or "olento" in between.cases) and not between.verb and acts(infos[k - 1])


def document(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A capitalised surname's allative before a verb of sending (or "olla" and its past passive
    participle), or its ablative before "tulla", with a document right after (past a number or
    an adjective: "Vuorelle lähetettiin pöytäkirja", "Harjulle on lähetetty kolme muistutusta",
    "Lehdolta tuli (lopulta) (hyvä) ehdotus"; not "Rannalle lähetettiin vene", "Vuorelta tuli
    kivivyöry")."""
    if b + 1 >= len(words) or gap(text, words, b) not in GAP or gap(text, words, b + 1) not in GAP:
        return False
    cases, verb = infos[b - 1].cases, infos[b]
    if "ulkotulento" in cases and verb.olla and infos[b + 1].sent:
        b += 1
    elif not (
        ("ulkotulento" in cases and verb.send)
        or ("ulkoeronto" in cases and words[b][0].lower() in _CAME)
    ):
        return False
    k = b + 1
    # past an adverb: "Laineelta tuli lopulta kirjallinen vastaus"
    if k + 1 < len(words) and infos[k].adverb and gap(text, words, k + 1) in GAP:
        k += 1
    if k + 1 < len(words) and words[k][0].lower() in _COUNTS and gap(text, words, k + 1) in GAP:
        k += 1
    # past an adjective: "Laineelta tuli selkeä vastaus", "Niemeltä tuli hyvä ehdotus"
    if k + 1 < len(words) and infos[k].attribute and gap(text, words, k + 1) in GAP:
        k += 1
    return k < len(words) and gap(text, words, k) in GAP and infos[k].document


_CAME = frozenset(["tuli", "tulee", "tulivat", "tulevat"])
#: counts before a document ("kolme muistutusta")
_COUNTS = frozenset(
    ["yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "pari", "muutama", "monta", "useita"]
)


def booked(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """An allative before "olla" and a past participle of booking or granting ("Kaikulle on
    varattu aika", "Ilolle on myönnetty"), also negated, past an adverb ("Ilolle ei ole
    vieläkään järjestetty tukiopetusta"); the masker asks a first name that is no place."""
    if "ulkotulento" not in infos[b - 1].cases:
        return False
    k = b + 1 if b < len(words) and infos[b].negation else b  # "ei ole"
    if k + 1 >= len(words) or not infos[k].olla:
        return False
    k += 1
    if infos[k].adverb and k + 1 < len(words) and infos[k + 1].booked:
        k += 1  # "ei ole vieläkään järjestetty"
    return infos[k].booked and all(gap(text, words, j) in GAP for j in range(b, k + 1))


def foreign_titled(text: str, words: Words, infos: list[WordInfo], a: int) -> bool:
    """A listed first name right after a Swedish title or a Swedish or English word before a name
    that Voikko does not know ("Eleven Wilma fick stöd", "Ring Linnea på …"): a person even when
    Voikko or the lists read it as an organisation or system."""
    if a == 0 or gap(text, words, a) not in GAP or infos[a].shape != "title":
        return False
    word = words[a - 1][0].lower()
    return infos[a - 1].unknown and (word in SWEDISH_TITLES or word in FOREIGN_BEFORE_NAME)


def particle_start(text: str, words: Words, infos: list[WordInfo], i: int) -> bool:
    """A surname particle starting a name before a capitalised word that is a name or no word
    ("von Essenin mielestä"; not a place: "van Amsterdam")."""
    nxt = infos[i + 1] if i + 1 < len(words) else None
    return (
        words[i][0] in _STARTING_PARTICLES
        and nxt is not None
        and gap(text, words, i + 1) in GAP
        and nxt.shape == "title"
        and (nxt.unknown or nxt.name)
        and not (nxt.place or nxt.org or nxt.common)
    )


def swedish(text: str) -> bool:
    """Two common Swedish words in the text (the list of
    :func:`~vastausanalyysi.nlp.language.function_words`: "… och beslutet vann laga kraft")."""
    words = function_words()["sv"]
    return len({w for w in re.findall(r"[^\W\d_]+", text.lower()) if w in words}) >= 2


def collaboration(infos: list[WordInfo], a: int, stop: int) -> bool:
    """A word of collaboration or agreement among the three words before ``a`` or the three
    after the word ``stop`` ("kanssa")."""
    near = [*range(max(0, a - 3), a), *range(stop + 1, min(len(infos), stop + 4))]
    return any(infos[k].collab for k in near)


__all__ = [
    "SWEDISH_TITLES",
    "aged",
    "booked",
    "called",
    "collaboration",
    "document",
    "foreign_titled",
    "handled",
    "origin",
    "particle_start",
    "swedish",
    "with_family",
]
