"""Person contexts of one run of name words that the masker
(:mod:`vastausanalyysi.nlp.pii.masker`) asks after its own: those of
:mod:`~vastausanalyysi.nlp.pii.clues` for a capitalised run (``more_person``), shift work done
("Aho ja Salo ovat tehneet ylitöitä"), a word no dictionary knows addressed after thanks or
said to do what only people do ("Kiitos Layla, että …", "Shilan oli ainoa, joka huomasi …"), a
lower-case name in an outer local case that coordination may decide ("kiitos hakalalle ja
nurmelle"); "hän" referring back later in the sentence ("…a ei kutsuttu, vaikka hän …"), an
ablative before a verb of asking from, the writer introducing themself ("olen …"), a former
name after "o.s."/"ent."; the decision on a run of words no dictionary or list knows
(``unknown_run``); and two contexts that make a name no person's: a first name among firms
("Nokia ja Elisa lainasivat …") and one name after an institution's head noun ("Sote-keskus
Ainon")."""

from __future__ import annotations

import re
from collections.abc import Callable

from vastausanalyysi.nlp.pii import clues, context, sentences
from vastausanalyysi.nlp.pii.context import GAP, TOWARDS_FROM, Words, gap
from vastausanalyysi.nlp.pii.names import SPOKEN_KIN, SYSTEM_NAMES
from vastausanalyysi.nlp.pii.signature import initials
from vastausanalyysi.nlp.pii.words import WordInfo

# "tehdä" in a finite form or a participle ("tekee", "tekivät", "tehnyt", "tehneet")
_DO = re.compile(r"(?:tek|teh|tee)\w*", re.I)

# nouns of shift work and overtime whose partitive after "tehdä" only people do ("ylitöitä",
# "yövuoroja", "sijaisuuksia"; not bare "töitä": "kaupunki tekee töitä houkutellakseen …")
_SHIFT_WORK = re.compile(
    r"\w*(?:ylitöitä|ylityötä|vuoroja|vuoroa|sijaisuuksia|sijaisuutta|keikkaa|keikkoja)", re.I
)

# greetings a name is addressed after, with a comma or "!" after the name ("Kiitos Layla, …")
_ADDRESS = frozenset(["kiitos", "kiitti", "hei", "moi", "terve", "moikka", "hyvä"])
_AFTER_ADDRESS = re.compile(r"\s*(?:[,!]|$)")


#: a greeting before a name at a text's or sentence's start ("Hyvä Kaarina ja muut", "Hei Onni,")
_GREETING = re.compile(r"(?:^|[.!?]\s+)(?:hyvä|hei|moi|rakas)\s+\Z", re.I)
#: what follows a name addressed: a comma, "!", or "ja" and more people
_ADDRESSED_AFTER = re.compile(r"\s*(?:[,!]|ja\s+(?:muut|kaikki|koko)\b)", re.I)


def addressed(text: str, words: Words, a: int, stop: int) -> bool:
    """A name addressed after a greeting at a sentence's start ("Hyvä Kaarina ja muut
    työntekijät", "Hei Tuuli, …")."""
    return (
        sentences.ends_before(_GREETING, text, words[a].start())
        and _ADDRESSED_AFTER.match(text, words[stop - 1].end()) is not None
    )


def more_person(
    text: str,
    words: Words,
    infos: list[WordInfo],
    a: int,
    b: int,
    stop: int,
    acts: Callable[[WordInfo | None], bool],
) -> bool:
    """The person contexts of :mod:`~vastausanalyysi.nlp.pii.clues` for a run of capitalised
    name words ending in ``infos[b - 1]`` (``stop``: the first word after it)."""
    last, cases = infos[b - 1], infos[b - 1].cases
    if infos[a].shape == "lower":
        return False
    nxt = infos[stop] if stop + 1 < len(words) and gap(text, words, stop) in GAP else None
    named = (last.first or last.surname) and not last.town
    if "nimento" in cases:
        return (
            clues.aged(text, words, infos, a, b)  # "Tuuli (14 v.) ohjattiin …"
            or clues.introduced(text, words, a, b)  # "Mimmi tässä, …"
            or clues.with_family(text, words, infos, a, b)  # "Onni ja isä odottavat"
            or clues.origin(text, words, a)  # "Vietnamilaistaustainen Linh"
            or clues.handled(text, words, infos, a, b, acts)  # "hoitaa nykyään KANERVA"
            # "Vuori on hoitanut kotoutumisasiat", "Kuusela oli hyvin valmistautunut" (not
            # "vuori on korkea")
            or (named and nxt is not None and nxt.olla and _done_after(text, words, infos, stop))
            # "Aho ja Salo ovat molemmat tehneet ylitöitä" (the town coordinated with it)
            or (named and shift_work(text, words, stop))
            or (named and and_is(text, words, infos, stop))  # "… ja on aina avulias"
        )
    return bool(named) and (
        # "Vuorelle lähetettiin pöytäkirja", "Lehdolta tuli ehdotus"
        (not last.place and clues.document(text, words, infos, stop))
        # "Kaikulle on varattu aika"
        or (last.first and not last.place and clues.booked(text, words, infos, stop))
        # "Soitin ensin Salmelle ja sitten Kankaalle"
        or ("ulkotulento" in cases and not last.place and clues.called(text, words, infos, a))
    )


_SENTENCE_BREAK = re.compile(r"[.!?;\n]")


def and_is(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """Later in the sentence, "ja" and a form of "olla" (perhaps past two adverbs or
    intensifiers) with a predicate said of people only, not before a noun: a second clause of
    the name's ("Kivi siivoaa koulua iltaisin ja on aina iloinen"; not "… ja on ystävällinen
    kaupunki")."""
    for k in range(b, min(len(words) - 2, b + 8)):
        if _SENTENCE_BREAK.search(gap(text, words, k)):
            return False
        if words[k][0].lower() != "ja" or not infos[k + 1].olla:
            continue
        j = k + 2
        # adverbs and intensifiers between: "aina", "todella", "erittäin"
        while j < min(len(words) - 1, k + 4) and (
            infos[j].adverb or (infos[j].attribute and "nimento" not in infos[j].cases)
        ):
            j += 1
        noun_after = j + 1 < len(words) and gap(text, words, j + 1) in GAP and infos[j + 1].noun
        return infos[j].person_predicate and not noun_after
    return False


def shift_work(text: str, words: Words, b: int) -> bool:
    """A form of "tehdä" within five words after the name (past "olla", "molemmat", a name
    coordinated with it …) with a
    partitive of shift work or overtime right after it ("Aho ja Salo ovat molemmat tehneet
    ylitöitä", "Kivi tekee yövuoroja"; not "Lahti tekee töitä …")."""
    for k in range(b, min(len(words) - 1, b + 5)):
        if gap(text, words, k) not in GAP:
            return False
        if _DO.fullmatch(words[k][0]):
            return gap(text, words, k + 1) in GAP and bool(_SHIFT_WORK.fullmatch(words[k + 1][0]))
    return False


def unknown_person(text: str, words: Words, infos: list[WordInfo], a: int, stop: int) -> bool:
    """A capitalised word no dictionary or list knows (``words[a:stop]``) that is a person:
    addressed right after thanks or a greeting, with a comma, "!" or the end after it ("Kiitos
    Layla, että jaksoit"), or with a predicate said of people only, in whatever case its ending
    suggests ("Shilan oli ainoa, joka huomasi …": an unknown name in -n may be a nominative); not
    a spoken word for family or a system's name ("Iskä ehti …", "Kiitos Teams, että …")."""
    thanked = (
        a > 0
        and gap(text, words, a) in GAP
        and words[a - 1][0].lower() in _ADDRESS
        and _AFTER_ADDRESS.match(text, words[stop - 1].end()) is not None
    )
    if words[a][0].lower() in SPOKEN_KIN | SYSTEM_NAMES:  # "Iskä ehti …", "Kiitos Teams, …"
        return False
    return (
        thanked
        or context.person_predicate(text, words, infos, stop)
        or and_is(text, words, infos, stop)  # "Siriporn siivoaa koulua ja on aina iloinen"
    )


# before a former or birth name: "(o.s. Wongsakul)", "ent. Sarlin", "os. Virtanen"
_FORMER_NAME = re.compile(r"(?:\b(?:o\.\s?s|os|ent)\.|\bomaa\s+sukua)\s+$", re.I)


def referred_to(text: str, words: Words, infos: list[WordInfo], a: int, stop: int) -> bool:
    """A capitalised word in the nominative or partitive that "hän" refers back to later in the
    same sentence, past a comma, with no other capitalised word between ("Lahtea ei kutsuttu
    neuvotteluun, vaikka hän valmisteli koko asian", "Kanokwan kertoi, ettei hänen lapsensa …",
    "Vuorihan sen lupasi, kysykää häneltä"): "hän" is said of people only. Not a word that a
    "hän" of its own clause follows ("Lahtea hän ei kutsunut": Lahti is the object)."""
    last = infos[stop - 1]
    # an unknown word in -n may be a nominative ("Kanokwan"): see ``unknown_person``
    core = {"nimento", "osanto", "omanto"} if last.unknown else {"nimento", "osanto"}
    if infos[a].shape == "lower" or not last.cases & core:
        return False
    comma = False
    for k in range(stop, len(words)):
        between = gap(text, words, k)
        if _SENTENCE_BREAK.search(between):
            return False
        comma = comma or "," in between
        if sentences.HE.fullmatch(words[k][0]):
            return comma
        if infos[k].shape != "lower":
            return False
    return False


def former_name(text: str, words: Words, a: int) -> bool:
    """A capitalised word after "o.s." (née), "os." or "ent." (formerly): a person's earlier
    surname ("Kotihoidon ohjaaja Sirpa Mäki (o.s. Wongsakul)")."""
    return words[a][0][:1].isupper() and sentences.ends_before(_FORMER_NAME, text, words[a].start())


def introduced(words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A capitalised run ``words[a:b]`` in the nominative right after "olen" (I am): the writer
    introducing themself ("Hei, olen Tharshini Sivakumar ja …"; not "olen Helsingistä")."""
    return (
        a > 0
        and words[a - 1][0].lower() == "olen"
        and infos[a].shape == "title"
        and (not infos[b - 1].cases or "nimento" in infos[b - 1].cases)
    )


# a label of a list of people in notes or e-mail headers ("Läsnä:", "poissa:", "Kopio:")
_PEOPLE_LABEL = re.compile(
    r"\b(?:läsnä|poissa|paikalla|osallistujat|osallistuneet|sihteeri|kopio|cc|vastaanottaja|"
    r"vastaanottajat|lähettäjä|jakelu|kokoonkutsuja)\s*:",
    re.I,
)
_LINE_OR_SENTENCE = re.compile(r"[.!?\n]\s")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the line or sentence that holds ``text[start:end]``."""
    begin = sentences.last_break(_LINE_OR_SENTENCE, text, start)
    after = _LINE_OR_SENTENCE.search(text, end)
    return begin, after.start() if after else len(text)


def after_people_label(text: str, words: Words, a: int) -> bool:
    """A capitalised word in a list after a label of people in the same line or sentence
    ("Läsnä: …; poissa: Järvi.", "Kopio: Peltola T., …")."""
    if not words[a][0][:1].isupper():
        return False
    start = words[a].start()
    begin, _ = _sentence_around(text, start, start)
    return _PEOPLE_LABEL.search(text, begin, start) is not None


def listed_or_referred(
    text: str, words: Words, infos: list[WordInfo], a: int, b: int, stop: int
) -> bool:
    """A capitalised run that a label of people, a later "hän" or "olen" before it makes a
    person (``after_people_label``, ``referred_to``, ``introduced``)."""
    return (
        after_people_label(text, words, a)
        or referred_to(text, words, infos, a, stop)
        or introduced(words, infos, a, b)
    )


# first names that are also the names of public systems, with the words of their field: in a
# sentence with one of these the name is the system's ("Tarjouspyyntö julkaistiin Hilmassa")
_SYSTEM_FIELDS = {
    "Hilma": re.compile(r"hankin|tarjou|kilpailut", re.I),
}


def system_in_its_field(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A lone first name that is also a public system's, in an inner local case (in, into or
    from the system) in a sentence about that system's field ("Hilmassa julkaistu
    hankintailmoitus": HILMA, the procurement notices; "Hilma kysyi, miksi hankinta
    viivästyi" and "Hilma Virtanen kertoi …" stay names)."""
    if b - a != 1 or not infos[a].cases & context.INNER_LOCAL:
        return False
    field = next((_SYSTEM_FIELDS[n] for n in infos[a].name_bases if n in _SYSTEM_FIELDS), None)
    if field is None:
        return False
    begin, end = _sentence_around(text, words[a].start(), words[a].end())
    return field.search(text, begin, end) is not None


def institution_named(prev: WordInfo | None, group: list[WordInfo]) -> bool:
    """One name right after a capitalised head noun in the nominative: the name of a place or
    an institution ("Sote-keskus Ainon ajanvaraus", "Palvelutalo Marjaan"), not a person."""
    return (
        len(group) == 1
        and prev is not None
        and prev.head
        and prev.shape != "lower"
        and "nimento" in prev.cases
    )


def asked_from(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A capitalised ablative right before a verb of asking from ("Kuuselta kysyttiin asiasta",
    "Moradilta pyydettiin lausunto"); not a town's ("Lahdelta kysyttiin"), see the caller."""
    last = infos[b - 1]
    return (
        last.shape != "lower"
        and "ulkoeronto" in last.cases
        and b < len(words)
        and gap(text, words, b) in GAP
        and infos[b].ask_from
    )


def lower_outer(infos: list[WordInfo], a: int, b: int) -> bool:
    """A single lower-case word that is a listed first name or surname in an outer local case
    ("nurmelle"), or a listed surname in the nominative that is no town nor verb ("heikkilä"):
    not a name by itself, but one when coordinated with a masked name in the same case ("kiitos
    hakalalle ja nurmelle", "heikkilä ja anttila ansaitsevat palkinnon")."""
    word = infos[a]
    return (
        b - a == 1
        and word.shape == "lower"
        and word.listed
        and (
            bool(word.cases & (TOWARDS_FROM | {"ulkoolento"}))
            or ("nimento" in word.cases and word.surname and not (word.town or word.verb))
            # "matti ja liisa kotihoidosta": a first name rarely a word
            or ("nimento" in word.cases and word.rare_first and not word.verb)
        )
    )


def among_firms(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A lone first name in the nominative coordinated with a capitalised town or organisation
    that is no name ("Nokia ja Elisa lainasivat laitteita", "Elisa ja Telia"): a firm named
    like a person, not a person."""
    word = infos[a]
    if b - a != 1 or not word.first or "nimento" not in word.cases or word.shape == "lower":
        return False
    for k, conj in ((a - 2, a - 1), (b + 1, b)):
        if not (0 <= k < len(words) and words[conj][0].lower() in {"ja", "sekä"}):
            continue
        if gap(text, words, max(k, conj)) not in GAP or gap(text, words, max(conj, a)) not in GAP:
            continue
        other = infos[k]
        if (
            other.shape == "title"
            and (other.org or other.town)
            and not (other.first or other.surname)
            and "nimento" in other.cases
        ):
            return True
    return False


#: endings of the local cases and the translative: an unknown word with one is no nominative
_LOCAL_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi")


def typed_in_capitals(infos: list[WordInfo]) -> bool:
    """Whether a text is typed all in capitals (at least three words, four in five of them):
    there a capital word is no abbreviation by its shape alone ("HAWRE ON PARAS TULKKI").
    Asked once per text (:func:`unknown_run` takes the answer)."""
    return sum(i.shape == "caps" for i in infos) >= max(3, 0.8 * len(infos))


def unknown_run(
    text: str,
    words: Words,
    infos: list[WordInfo],
    a: int,
    b: int,
    stop: int,
    cases: set[str],
    prev: WordInfo | None,
    nxt: WordInfo | None,
    shouted: bool = False,
) -> bool | None:
    """The masker's decision on a run ``words[a:b]`` with no name word in it (``stop``: the
    first word after it and its colon suffix; ``cases``, ``prev``, ``nxt`` as the masker read
    them; ``shouted``: the text is :func:`typed_in_capitals`): True a person, False not one,
    None undecided (a masked name it is coordinated with decides)."""
    group = infos[a:b]
    if any(i.title for i in group):
        return False  # a title no dictionary knows: "Ope sanoi, että …"
    nominative = "nimento" in cases or not cases
    # two capitals no dictionary knows, in a list with the writer, are initials ("JR, AK
    # ja allekirjoittanut"), or with a masked name they are coordinated with (None)
    if initials(words, infos, a, b):

        def item(k: int) -> bool:
            return initials(words, infos, k, k + 1)

        # … or the subject of a verb with "hän" later in the sentence ("JP on tehnyt ison työn,
        # kiitos hänelle")
        acting = (
            b < len(words)
            and gap(text, words, b) in GAP
            and infos[b].finite
            and sentences.he_later(text, words[b].end())
        ) or (
            # … or the subject after a verb said of people ("Pöytäkirjan kirjoitti JV, …")
            a > 0
            and gap(text, words, a) in GAP
            and infos[a - 1].person_verb
            and infos[a - 1].singular
        )
        return True if acting or context.with_writer(text, words, infos, a, b, item) else None
    # a word no dictionary or list knows, capitalised (not an abbreviation: "HVA",
    # "THL:n"): only a unit after it, a greeting or a title in apposition makes it a
    # person ("Tuksu perhekeskuksesta", "terveisiä Anskulle", "Dilan Berwari
    # (arabiankielinen ohjaaja)"), or a name it is coordinated with (None); "Evira ei
    # nähnyt", "Greenpeacen mielestä" are organisations
    # in a text typed all in capitals ("HAWRE ON PARAS TULKKI") a capital word is no
    # abbreviation by its shape alone
    if not all(
        i.unknown and (i.shape == "title" or (shouted and i.shape == "caps")) for i in group
    ):
        return False
    unit = (
        nominative
        and (
            context.unit_after(text, words, infos, stop)
            # "Tiitu on paras ohjaaja" (one bare word: not "Hyte-työryhmässä on edustajat")
            or (
                b - a == 1
                and "-" not in words[a][0]
                and not words[a][0].lower().endswith(_LOCAL_ENDINGS)
                and context.role_ahead(text, words, infos, stop)
            )
            or context.apposition(text, words, infos, stop, closed=True)
            or clues.origin(text, words, a)  # "Persialaistaustainen Dariush on …"
            # a foreign full name acting: "Shirin Rezaei vetää …", "Kerhoa vetää
            # vapaaehtoisena Siriporn Chaiyasit" (not one word: "Evira ei nähnyt"; not
            # a title of four words or of short ones: "esitti Do You Know")
            or (
                b - a in (2, 3)
                and all(len(w[0]) > 2 for w in words[a:b])
                and (
                    (nxt is not None and nxt.strong_verb)
                    or (prev is not None and prev.strong_verb)
                    or clues.handled(text, words, infos, a, b, lambda i: i.strong_verb)
                )
            )
        )
    )
    # "Kiitos Layla, että …", "Shilan oli ainoa, joka huomasi …"
    unit = (
        unit
        or unknown_person(text, words, infos, a, stop)
        # "Kanokwan kertoi, ettei hänen …", "Hei, olen Tharshini Sivakumar", "Läsnä: Tamm"
        or listed_or_referred(text, words, infos, a, b, stop)
        or asked_from(text, words, infos, stop)  # "Moradilta pyydettiin lausunto"
        or context.recipient(text, words, infos, a, stop, cases)  # "kysyin Amedilta"
    )
    return True if unit else None


def _done_after(text: str, words: Words, infos: list[WordInfo], k: int) -> bool:
    """The past participle of a verb of acting right after ``words[k]`` (a form of "olla"), or
    after an adverb or a word that is neither noun nor verb ("on hoitanut", "oli hyvin
    valmistautunut", "on huolellisesti hoitanut")."""
    ahead = [j for j in (k + 1, k + 2) if j < len(words) and gap(text, words, j) in GAP]
    if ahead[:1] != [k + 1]:
        return False
    if infos[k + 1].done:
        return True
    between = infos[k + 1]
    return (
        len(ahead) == 2
        and (between.adverb or not (between.noun or between.verb))
        and infos[k + 2].done
    )


__all__ = [
    "addressed",
    "after_people_label",
    "among_firms",
    "and_is",
    "asked_from",
    "former_name",
    "institution_named",
    "introduced",
    "listed_or_referred",
    "lower_outer",
    "more_person",
    "referred_to",
    "shift_work",
    "system_in_its_field",
    "typed_in_capitals",
    "unknown_person",
    "unknown_run",
]
