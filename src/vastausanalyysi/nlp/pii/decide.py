"""Whether a run of name words is a person's name: the context rules of the masker.

A word is a name candidate (see :mod:`~vastausanalyysi.nlp.pii.masker`) when Voikko or the name
lists know it as a name; a candidate that is nothing else (Virtanen, Pirjo) is masked wherever
it stands and however it is written. One that is also an ordinary word or a place (Laine, Aho,
Toivo, Salo, Mattila) is masked when the context says person:

* a title or role before it ("rehtori", "kuraattori", compounds such as "talouspäällikkö"; see
  ``names.TITLES``), uninflected or agreeing with it ("jäsentä Kroesia");
* a genitive before "kanssa", "mukaan", "luona", "ansiosta" …; a nominative before or after a
  verb of speaking or acting ("kertoi", "lupasi", "vastasi", "Asiaa hoitaa …"), before "ei" and
  such a verb or a past participle ("Salo ei vastannut") or before "olla" and a speech verb's
  past participle ("Niemi on kertonut"), also past the elative of a place ("Matti Oulusta
  kertoi"); an ablative or allative of a surname
  that is also a place ("Mattilalle", "Koivistolta");
* a genitive before a noun of a person's contacts or doings ("Kosken lähtö", "Aallon esitys"),
  or a first name's before one of family ("Saanan perhe", not "Lahden perheet", "Onnen lapsi");
  a capitalised surname's (not a place's) before "tiimi", "porukka", "väki" ("LAINEEN tiimi");
* the clause contexts of :mod:`~vastausanalyysi.nlp.pii.context`: a role later in the clause
  ("Lumi ja Ilo aloittivat koulukuraattoreina") or in a "joka" clause right after ("kutsui
  Lammi, joka toimii … johtajana"; also a role noun such as "tiedottaja", "vetäjä":
  "Usko on meidän tiimin vetäjä"), the elative of a unit after it or its ablative ("Onni
  kuraattoritiimistä", "Onni kuntien yhteiseltä toimelta"), an apposition with a title, also in
  brackets ("Niemi, …päällikkö, …", "Lumi (ohjaaja)"), an illative with
  "yhteydessä"/"yhteyttä", an ablative or allative after a verb of asking or with "kiitos" or
  a greeting ("terveisiä Anskulle"), an allative right before a verb of telling or calling
  ("Lehdolle soitettiin heti"; not "Rannalle soitettiin ambulanssi"), an adessive before
  "olla" and a noun of knowledge or responsibility, or "hänelle" after ("Lehdolla on tieto
  …"; not "Kalliolla on näköala"), a predicate said of people only ("Lahti sairastui", "Salo
  kävi katsomassa", "Karhu on ainoa, joka ymmärtää …", "Koivu on paras tyyppi"), news "via" a
  genitive ("Rinteen kautta saimme tiedon"), an elative after a verb of hearing of someone with
  "hän" after it ("En ole kuullut Saaresta …, kun hän …"), a partitive with a verb of seeing or
  meeting ("Heikkilää ei ole nähty"), a phone number or e-mail next to it in a contact
  line ("040 123 4567 / Ristola"; not a municipality's name);
* the contexts of :mod:`~vastausanalyysi.nlp.pii.person`: shift work ("Aho ja Salo ovat tehneet
  ylitöitä"), an unknown word addressed or with a person's predicate ("Kiitos Layla, että …",
  "Shilan oli ainoa, joka huomasi …"), a second clause "ja on aina avulias"; a lower-case name
  coordinated in an outer local case ("kiitos hakalalle ja nurmelle");
* the contexts of :mod:`~vastausanalyysi.nlp.pii.local_cases` (a surname that is also a word in
  a local case: "Kivestä tuli vs. kunnanjohtaja", "Mäeltä ei ole kuulunut mitään"); a party's
  abbreviation after a name ("Salo (kok.) muistutti", a town's name too); the comitative
  ("Mäkelöineen"); a first name addressed ("Hyvä Kaarina ja muut …"); a role in a "joka" clause
  right after a name in any case ("Tapasin Heinolan, joka on siellä ohjaaja"); "Anna" with a
  genitive and an infinitive is the verb ("Anna ihmisten valita");
* a title right before a capitalised ordinary word ("psykologi Usvan kanssa"); an abbreviated
  title also with its dot ("PJ MATTI HEIKKILÄ", "Vpj. Salo", "Mr. Rahman's team", "Dr. Lee");
* a genitive before an agent participle ("Niemisen laatima"; not a town's: "Lahden tekemä");
  an illative with a verb of trust ("Mattiin voi luottaa"); a listed first name that Voikko
  reads as an ordinary word, in an outer local case ("kiitollinen Oksanalle");
* Swedish and English: the genitive -s or "'s" of a name before a lower-case word
  ("Lindqvists förslag"; not after a preposition of place: "till Karis"), "enligt",
  "kontakta", "tack vare", "contact", "thanks to" before a name or "på telefon" after it; in
  an English sentence a common English word ("This", "Good job") only so (:mod:`.english`);
* initials signing a text after a dash at its end ("… -MH"; not "-THL", "-HR", "-19"); two
  capitals no dictionary knows in a list with the writer or coordinated with a masked name
  ("JR, AK ja allekirjoittanut", "Liisa Virtanen, JR ja AK"; not "THL, KELA ja STM");
* a surname alone that a full name masked in the same text ends in ("Hankkeen vetäjänä oli
  Päivi Koski. Kosken lähdettyä …"; not a first name: "Usko Hämäläinen …. Usko tulevaisuuteen");
* a capitalised word that no dictionary or list knows (not an abbreviation) only with a title,
  a unit after it, a greeting, a title closing an apposition ("Dilan Berwari (arabiankielinen
  ohjaaja)"; not "Fimea (valvova viranomainen)") or a masked name it is coordinated with ("Jonna
  ja Tuksu perhekeskuksesta"; "Evira ei nähnyt" is an organisation);
* a particle or a Vietnamese middle name between a name and a capitalised word joins them
  ("Carl-Gustaf von Essen", "Nguyen Van Minh"); "eli" coordinates a nickname with a name
  ("Jartsa eli Jari Kuusela");
* a first name next to it ("Arja Joki", "Jari Lahdesta"; also a place: "Jouni Pukkilalta", and
  after a first name that is also a word a nominative place that is no town: "Toivo Mikkola", or
  inside a sentence any place in any case: "osallistui Tähti Heinola", "Rauha Lapin kanssa"), an
  initial ("T. Salo"), "ja" or a comma next to another masked name (also a surname read as a
  place in an inner local case, in the same case: "yhteyttä Ahoon ja Koskeen"); after a first
  name, a word of capitalised parts Voikko reads as a common compound ("Anna-Kaisa Mäki-Petäjä");
* a speaker's label: a capitalised first name and ":" at the start of a line or sentence
  ("Tapani: …"; not a first name that is also a noun common enough to head a line: "Lumi: …");
* a capital letter in the middle of a sentence, for a word that is not also a place;
* verbs said of things as readily as of people ("tuli", "lähti": ``names.WEAK_VERBS``) do not
  decide a name that is also an ordinary word ("Lumi tuli aikaisin");
* a lower-case word that is also an ordinary word is a name only after a title or in a strong
  context (:mod:`~vastausanalyysi.nlp.pii.lower_case`): a genitive before the spoken
  "kans"/"kaa" ("sadun kaa"; not "lumen kanssa"), an ablative right after a verb of asking
  ("kysy sulolta") or an allative after one of giving or thanks ("kiitos sannalle"), a first
  name's genitive before "kanssa" when the name is rarely a word or the text is spoken ("jukan
  kanssa", "mä juttelin sadun kanssa"; not "mä toivon kanssa et …"), a nominative before a
  verb of speaking ("niemi sano", "niemi on kertonut"), a listed surname before a predicate
  said of people ("lehtinen on hyvä tyyppi"), for a first name whose ordinary reading is rare
  in general Finnish, before a verb of acting ("jukka hoitaa"; not "onni auttaa"), or two
  first names coordinated past their unit ("onni ja satu nuorisopalveluista kävivät"); in
  all-capital text ordinary words do not join a first name ("EI TOIMI LAINKAAN");
* a first name in -i keeps its i when inflected ("Lumin", "Tuulille"), so "Lumen", "Onneksi"
  are the nouns;
* for surnames that are also demonyms in -inen (Karjalainen, Hämäläinen): no noun after it;
  surnames that are also rare adjectives in -inen (Mäkinen, Koskinen) are always names.

"Pekka-sedästä" masks the name part; "A-K:lta" the initials with their case suffix.
"""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii import clues, context, local_cases, sentences
from vastausanalyysi.nlp.pii.context import GAP, TOWARDS_FROM, gap
from vastausanalyysi.nlp.pii.grouping import colon_suffix, sentence_initial, title_gap
from vastausanalyysi.nlp.pii.lower_case import lower_case_person
from vastausanalyysi.nlp.pii.names import (
    PARTY_ABBREVIATIONS,
    PROJECT_HEADS,
    SWEDISH_PLACE_PREPOSITIONS,
)
from vastausanalyysi.nlp.pii.person import (
    addressed,
    among_firms,
    asked_from,
    former_name,
    institution_named,
    listed_or_referred,
    more_person,
    system_in_its_field,
    unknown_run,
)
from vastausanalyysi.nlp.pii.words import WordInfo

# the case of a suffix after a colon: "J-P:n", "A-K:lta", "Ali:lle"
_COLON_CASES = {
    "n": "omanto", "lle": "ulkotulento", "lta": "ulkoeronto", "ltä": "ulkoeronto",
    "lla": "ulkoolento", "llä": "ulkoolento", "ssa": "sisaolento", "ssä": "sisaolento",
    "sta": "sisaeronto", "stä": "sisaeronto", "ta": "osanto", "tä": "osanto", "a": "osanto",
    "ä": "osanto", "ksi": "tulento", "na": "olento", "nä": "olento",
}  # fmt: skip
#: a party's abbreviation in brackets or between commas right after a name
_PARTY = re.compile(
    r"\s*[(,]\s*(?:" + "|".join(PARTY_ABBREVIATIONS) + r")\.?\s*[),]", re.IGNORECASE
)


#: "&" right after a name, or right before it (with spaces): a firm's name of two names.
_AMPERSAND = re.compile(r"\s*&")
#: "ja", "sekä", "tai": what joins two places named together ("Salolle ja Liedolle", "Jokelan ja
#: Korven kylien"; not "eli", which renames)
_AND_OR = frozenset(["ja", "sekä", "tai"])
#: the forms of the negation verb, before a verb's connegative form ("ei anna", "en usko")
_NOT = frozenset(["ei", "en", "et", "emme", "ette", "eivät", "eikä", "älä", "älkää"])
_AMPERSAND_BEFORE = re.compile(r"&\s*$")


def decide_name(
    text: str,
    words: list[re.Match[str]],
    infos: list[WordInfo],
    a: int,
    b: int,
    contacts: list[tuple[int, int, str]],
    shouted: bool = False,
) -> bool | None:
    """Whether the run of name words ``a:b`` of ``text`` is a person's name (see the module
    docstring): True, False, or None when undecided (a coordinated name may decide it).
    ``contacts`` are the text's e-mail and phone spans; ``shouted``: the text is typed all in
    capitals (``person.typed_in_capitals``)."""
    group = infos[a:b]
    last = group[-1]
    cases = last.cases
    stop = b  # the first word after the run (past a colon suffix: "A-K:lta")
    if colon_suffix(text, words, b):
        cases = {_COLON_CASES.get(words[b][0].lower(), "")} - {""} or cases
        stop = b + 1
    prev = infos[a - 1] if a and title_gap(text, words, infos, a) else None
    nxt = infos[stop] if stop < len(words) and gap(text, words, stop) in GAP else None
    nxt2 = (
        infos[stop + 1]
        if nxt is not None and stop + 1 < len(words) and gap(text, words, stop + 1) in GAP
        else None
    )
    tail = text[words[stop - 1].end() : words[stop - 1].end() + 3]
    # a firm of two names ("Lassila & Tikanoja", "Procter & Gamble")
    firm = _AMPERSAND.match(tail) or sentences.ends_before(
        _AMPERSAND_BEFORE, text, words[a].start()
    )
    if firm and not any(i.first for i in group):
        return False
    # the verb after a negation, not a name: "ei anna lupaa", "en usko"
    if a and group[0].verb and group[0].shape == "lower" and words[a - 1][0].lower() in _NOT:
        return False
    # an unknown word without a case ending ("Tuksu", "Haddad") stands in the nominative
    genitive, nominative = "omanto" in cases, "nimento" in cases or not cases
    # a brand-style name, uninflected before its inflected head ("Hartwall Arenalla",
    # "Alma Median", "Lindström Oy:n")
    if (nxt is not None and nxt.brand and nominative) or (len(group) > 1 and last.brand):
        return False
    # a firm named like a person before its service: "Elisan liittymä" (not "Elisan äiti")
    if genitive and nxt is not None and nxt.service and last.brand_name:
        return False
    # a project's name after its noun: "mielenterveyshanke Toivo jatkuu" (not "hankkeen Toivo")
    project = a and prev is not None and words[a - 1][0].lower().endswith(PROJECT_HEADS)
    if nominative and len(group) == 1 and project and not last.strong:
        return False
    # the name of a street, building, organisation, day or place: the name stands in the
    # genitive, or in the nominative before a nominative head ("Salon kaupunki"; not
    # "Tuuli hyvinvointialueen työllisyystiimistä")
    if (
        nxt is not None
        and nxt.head
        and (genitive or (nominative and "nimento" in nxt.cases))
        # "Runebergin talolla" is a building, "Virtasen talolla" a home; "tyttäreni Aavan
        # nimellä" a person's
        and not (nxt.house and last.listed)
        and not (prev is not None and prev.family_own)
        # an area is named after a place, not a person's full name: "Eeva Kokon kunnan"
        and not (nxt.area and len(group) > 1 and group[0].first)
    ):
        return False
    # … also when another genitive is coordinated with it: "Jokelan ja Korven kylien asukkaat"
    if genitive and _coordinated_before_head(text, words, infos, stop):
        return False
    if re.match(r"\s-[^\W\d_]", tail):
        return False
    # "Anna ihmisten itse valita": the verb "antaa" with a genitive and an infinitive
    if (
        len(group) == 1
        and last.verb
        and nominative
        and nxt is not None
        and nxt.shape == "lower"
        and "omanto" in nxt.cases
        and sentence_initial(text, words[a].start())
        and any(  # an A-infinitive ("valita", "leikkiä")
            infos[k].verb and words[k][0].lower().endswith(("a", "ä"))
            for k in range(stop + 1, min(stop + 3, len(words)))
        )
    ):
        return False
    # "Sote-keskus Ainon ajanvaraus", "Hilmassa julkaistu hankintailmoitus"
    if institution_named(prev, group) or system_in_its_field(text, words, infos, a, b):
        return False
    # a thing's namesake: "Arvo Ylpön mukaan nimetty palkinto"
    if genitive and nxt2 is not None and nxt2.named and words[stop][0].lower() == "mukaan":
        return False
    # "Nokia ja Elisa lainasivat …": a firm named like a person
    if clues.organisation(group, prev, nxt, cases, genitive) or among_firms(
        text, words, infos, a, b
    ):
        return False
    # a Swedish or English genitive ("Karlssons utredning") stands before a noun, a place
    # after a preposition: "från Ekenäs till Karis utan …" (one word: "till Nina Ahlroths")
    if (
        len(group) == 1
        and last.possessive
        and (
            nxt is None
            or nxt.shape != "lower"
            or (a and words[a - 1][0].lower() in SWEDISH_PLACE_PREPOSITIONS)
        )
    ):
        return False
    names = [i for i in group if i.name]
    # "von Essenin mielestä"; "Eleven Wilma fick stöd", "Ring Linnea på …"
    if (
        (group[0].particle and clues.particle_start(text, words, infos, a))
        or (group[0].first and clues.foreign_titled(text, words, infos, a))
        or former_name(text, words, a)  # "(o.s. Wongsakul)", "ent. Sarlin"
        # a party after the name: "Salo (kok.) muistutti", "Lahti, sd., kannatti"
        or (group[0].shape != "lower" and _PARTY.match(text, words[stop - 1].end()) is not None)
    ):
        return True
    # a speaker's label at the start of a line or sentence: "Tapani: kiinteistöjen …" (not
    # an ordinary noun that may head a line: "Lumi: auraus myöhässä")
    if (
        stop == b
        and tail[:1] == ":"
        and group[0].first
        and group[0].shape != "lower"
        and not any(i.place or i.org or i.head or i.heading for i in group)
        and sentence_initial(text, words[a].start())
    ):
        return True
    # an action point of minutes: a name, ":" and a finite verb in the singular ("- Peltola:
    # selvittää …"; not a town's: "Lahti: selvittää …", nor a heading: "Tilat: korjataan")
    if (
        stop == b
        and tail[:1] == ":"
        and nominative
        and group[0].shape != "lower"
        and any(i.first or i.surname for i in group)
        and not any(i.town or i.org or i.head or i.heading for i in group)
        and b < len(words)
        and infos[b].finite
        and infos[b].singular
        and not (infos[b].olla or infos[b].negation)
        and sentence_initial(text, words[a].start())
    ):
        return True
    # "Jari Lahdesta"; a place joined to a first name as its surname: "Jouni Pukkilassa"
    # (not two places: "Aura Turussa")
    full = len(group) > 1 and group[0].first and (last.name or (last.place and not group[0].place))
    contacted = "sisatulento" in cases and (
        (
            context.contact(text, words, infos, a, stop)
            # a town contacted is the town ("olemme olleet yhteydessä Lahteen") unless "hän"
            # follows or a first name comes with it
            and (not last.town or len(group) > 1 or sentences.he_later(text, words[stop - 1].end()))
        )
        or (not last.town and context.trusted(text, words, infos, a, stop))
    )
    # "En ole kuullut Saaresta mitään, kun hän …"
    contacted = contacted or (
        "sisaeronto" in cases
        and last.surname
        and not last.town
        and group[0].shape != "lower"
        and context.heard_of(text, words, infos, a, stop)
    )
    # a first name with "hän" later in its sentence: "Matissa on hyvää se, että hän vastaa",
    # "Puhuimme Jukasta ja hänen roolistaan" (a first name rarely a word; not a place's:
    # "Aurassa on koulu, jossa hän …")
    contacted = contacted or (
        last.rare_first
        and group[0].shape == "title"
        and sentences.he_later(text, words[stop - 1].end())
    )
    # "Kivestä tuli vs. kunnanjohtaja", "Virrassa on se hyvä puoli, että hän …", "Pidin
    # Niemestä opettajana"
    contacted = (
        contacted
        or local_cases.became(text, words, infos, a, stop)
        or local_cases.said_of(text, words, infos, stop)
        or local_cases.qualities(text, words, infos, a, stop)
        or local_cases.role_after(text, words, infos, stop)
        or local_cases.nothing_heard(text, words, infos, stop)  # "Mäeltä ei ole kuulunut"
    )
    # a name read only as a person's ("Henrikistä on ollut apu", "Heinosessa on potkua")
    personal = last.strong and last.shape != "lower" and not last.unknown
    # "Hotelli Arthurissa", "Anttilassa asukastalo toimii" (a place with its building)
    personal = personal and not (prev is not None and prev.head)
    personal = personal and not (nxt is not None and nxt.head and "nimento" in nxt.cases)
    # a title in the same inner local case right before: "edustajasta Järvestä ei ollut apua"
    agreeing = prev is not None and bool(prev.title_cases & cases) and group[0].shape != "lower"
    if cases and cases <= context.INNER_LOCAL and not (full or contacted or personal or agreeing):
        return False
    # "rehtori Salon", "tyttäreni Aavan", or a title agreeing with the name: "jäsentä
    # Kroesia", "puheenjohtajan Thorbjörn Jaglandin" (not "johtajan usko", "opettajan ilon")
    titled = prev is not None and (
        prev.title
        or (prev.family_own and group[0].shape != "lower")
        or bool(prev.title_cases & cases - {"nimento", "omanto"})
        or ("omanto" in prev.title_cases & cases and group[0].shape != "lower")
    )
    capitals = all(i.shape != "lower" for i in group)
    # "rehtori Salo", "psykologi Usvan kanssa"; a place's name in the nominative right after
    # a title is a surname too ("Esihenkilö Lappi ei ymmärrä …")
    if (
        titled
        and capitals
        and all(not (i.org or i.head) for i in group)
        and (cases <= {"nimento"} or not any(i.place for i in group))
    ):
        return True
    # an initial before or after a capitalised word ("T. Vesala", "Peltola T.")
    initial = group[0].initial or group[-1].initial
    if initial and len(group) > 1 and capitals and not any(i.org for i in group):
        return True
    if not names:
        return unknown_run(text, words, infos, a, b, stop, cases, prev, nxt, shouted)
    strong = any(i.strong for i in names)
    after = words[stop][0].lower() if nxt is not None else ""
    if group[0].shape == "lower":  # "mikko", "virtaselta"; "salo" only in a strong context
        return lower_case_person(
            text, words, infos, a, b, stop, cases, prev, nxt, nxt2, titled, strong
        )
    # a name that is also an ordinary word is not decided by "tuli", "lähti" ("Lumi tuli")
    ordinary = not strong and any(i.common for i in names)

    def acts(info: WordInfo | None) -> bool:
        return info is not None and (info.strong_verb if ordinary else info.person_verb)

    place = names[-1].place
    # a town thanked with another town in the same outer local case: places ("Kiitos Salolle
    # ja Liedolle"; not "Lähetin kutsun Salolle ja Laitilalle"), unless "hän" follows
    if (
        last.town
        and cases & TOWARDS_FROM
        and any(i.thanks for i in infos[max(0, a - 3) : a])
        and _beside_town(text, words, infos, a, stop, cases)
        and not sentences.he_later(text, words[stop - 1].end())
    ):
        return False
    person = (
        titled
        or contacted
        or (group[0].initial and len(group) > 1)  # "T. Salo"
        or (
            genitive
            and nxt is not None
            and (
                nxt.person_noun  # "Kosken lähtö", "Kallion työnumero"
                # "Niemen jälkeen tuli sijainen" (not a town's)
                or (not last.town and context.succeeded(text, words, infos, stop))
                # "Niemisen laatima" (not the town's "Lahden tekemä")
                or (nxt.agent and not last.town and (last.first or not last.common))
                or (nxt.opinion_noun and not last.town)  # "Aallon esitys", "Mattilan ehdotus"
                or (
                    nxt.after
                    and not (after == "mukaan" and last.verb)  # "Toivon mukaan" = hopefully
                    # "yhteistyö Lahden kanssa", "Lahden kanssa tehtiin yhteistyötä"
                    and not (place and clues.collaboration(infos, a, stop))
                )
                or (not place and context.channel(text, words, infos, stop))
                # "LAINEEN tiimi", "Kosken porukka" (not a town's: "Lahden väki")
                or (nxt.crew and last.surname and not last.town and capitals)
                # "Saanan perhe", "Kosken äiti" (not "Lahden perheet", "Onnen lapsi")
                or (
                    nxt.family
                    and not last.town
                    and (
                        # a first name that is also a word, capitalised: "Aamun isä" (not
                        # a partitive after "ilman": "Ilman huoltajaa tulleet")
                        (
                            last.first
                            and (
                                not last.common
                                or last.rare_first
                                or (capitals and "osanto" not in nxt.cases)
                            )
                        )
                        # a surname that is a village's name, capitalised: "Rantalan perhe"
                        or (not last.first and (not place or (capitals and last.surname)))
                    )
                )
            )
        )
        or (
            nominative
            and (
                acts(nxt)
                or acts(prev)  # "Asiaa hoitaa Mäkelä."
                # given care: "Kaste sai rokotteen" (not a town's)
                or (not last.town and context.cared_for(text, words, infos, stop))
                # one of ours acting: "Ritvamme siivoaa …" (not "Ilomme on suuri")
                or (
                    last.own_first
                    and nxt is not None
                    and nxt.finite
                    and nxt.singular
                    and not nxt.olla
                )
                or context.perfect_said(nxt, nxt2)  # "Niemi on kertonut, että …"
                # past where the person comes from: "Matti Oulusta kertoi …", "Usva
                # päiväkodista soitti" (not "Ilo päiväkodista on kadonnut")
                or (
                    nxt is not None
                    and (nxt.place or nxt.head)
                    and "sisaeronto" in nxt.cases
                    and acts(nxt2)
                )
                # from a unit written as an abbreviation: "Matti IT:ltä korjasi koneen"
                or (
                    nxt is not None
                    and nxt.shape == "caps"
                    and colon_suffix(text, words, stop + 1)
                    and _COLON_CASES.get(words[stop + 1][0].lower()) in ("sisaeronto", "ulkoeronto")
                    and stop + 2 < len(words)
                    and gap(text, words, stop + 2) in GAP
                    and acts(infos[stop + 2])
                )
                # "Mäkelä ei vastannut", "Anna ei soittanut"
                or (
                    nxt is not None
                    and nxt.negation
                    and (acts(nxt2) or (nxt2 is not None and nxt2.participle))
                )
                # "Heikkilä pitää yhteyttä Kelaan", "Aalto ei ole vielä vastannut" (not a
                # town's: "Lahti ottaa yhteyttä")
                or (
                    not last.town
                    and (
                        context.keeps_contact(text, words, infos, stop)
                        or context.negated_perfect(text, words, infos, stop)
                    )
                )
                or context.unit_after(text, words, infos, stop)
                or context.role_ahead(text, words, infos, stop)
                or context.person_predicate(text, words, infos, stop)
            )
        )
        or context.apposition(text, words, infos, stop)
        or more_person(text, words, infos, a, b, stop, acts)
        # "Heikkilää ei ole nähty kunnan tilaisuuksissa", "Tapasimme Helmen vasta …"
        or (capitals and not last.town and context.met_object(text, words, infos, a, stop))
        or (capitals and context.foreign_context(text, words, infos, a, stop))
        or context.recipient(text, words, infos, a, stop, cases)
        or context.helped_from(text, words, infos, a, stop)  # "Mäeltä sain apua"
        or context.family_plural(text, words, infos, a, b)  # "Kosket lähtivät molemmat"
        # "Kivellekin ehdotettiin samaa, mutta hän kieltäytyi": an allative or ablative with
        # "hän" later (not an adessive: "Mäellä on talo, jossa hän asuu")
        or (
            capitals
            and last.surname
            and not last.town
            and bool(cases & TOWARDS_FROM)
            and sentences.he_later(text, words[stop - 1].end())
        )
        # "Koski on ollut tiukka mutta reilu. Hän tuntee …": a surname as the subject of a
        # sentence whose next one begins with "hän" (dev_ab)
        or (
            capitals
            and last.surname
            and nominative
            and nxt is not None
            and nxt.finite
            and sentence_initial(text, words[a].start())
            and sentences.he_next(text, words[stop - 1].end())
        )
        # "Lehdolle soitettiin heti", "Kuuselta kysyttiin" (not a town's: "Lahdelle
        # ilmoitettiin")
        or (
            not last.town
            and (context.told(text, words, infos, a, stop) or asked_from(text, words, infos, stop))
        )
        # "poissa: Järvi", "Lahtea ei kutsuttu, vaikka hän …", "Hei, olen Aino Salo"
        or (capitals and listed_or_referred(text, words, infos, a, b, stop))
        or ("vajanto" in cases and capitals and bool(names) and not last.town)  # "Ahotta"
        or ("seuranto" in cases and capitals)  # "Mäkelöineen": a place has no company
        # "Hyvä Kaarina ja muut …": a first name addressed (a town's name too)
        or (capitals and group[0].first and addressed(text, words, a, stop))
        # "Tapasin Heinolan, joka on siellä ohjaaja": a role in a "joka" clause right after
        or (
            capitals
            and stop < len(words)
            and gap(text, words, stop).strip() == ","
            and words[stop][0].lower() == "joka"
            and context.role_ahead(text, words, infos, stop)
        )
        # "Lehdolla on tieto asiasta" (not "Kalliolla on näköala")
        or (
            "ulkoolento" in cases
            and capitals
            and not last.town
            and context.possessor(text, words, infos, stop)
        )
        or (
            capitals
            and not last.town  # "09 310 1234 / Lahti" may be the town
            and context.beside_contact(text, words[a].start(), words[stop - 1].end(), contacts)
        )
    )
    if strong or person:
        return True
    caps = group[0].shape == "caps"
    if len(group) > 1 and any(i.first for i in group) and (not caps or len(names) == len(group)):
        return True
    word = names[-1]
    if place:
        # "Mattilalle", "Koivistolta": a surname that is a village's name; a town's only with
        # "hän" later in the sentence ("Kysykää Salolta, hän tietää"; not "Hyvinvointialue
        # vuokrasi tilat Lahdelta", "Salolle tulee uusi sote-keskus")
        if not cases & TOWARDS_FROM:
            return None
        return True if not word.town or sentences.he_later(text, words[stop - 1].end()) else None
    if word.adjective_name and not (nxt is not None and nxt.noun):
        return True
    initial = sentence_initial(text, words[a].start())
    # a capitalised plural of an ordinary word after a comma is the word ("…, Asukkaiden
    # osallisuus …"; QA 7), a family only with a family's predicate (``family_plural``)
    if word.shape == "title" and not initial and not word.initials:
        return not (word.plural and word.common and gap(text, words, a).strip() == ",")
    return None


def _beside_town(
    text: str, words: list[re.Match[str]], infos: list[WordInfo], a: int, stop: int, cases: set[str]
) -> bool:
    """A town in one of ``cases`` coordinated with the run ``a:stop`` by "ja", "sekä" or "tai",
    after it or before it ("… ja Liedolle", "Liedolle ja …")."""

    def town(k: int, conj: int) -> bool:
        return (
            min(k, conj) >= 0
            and max(k, conj) < len(words)
            and words[conj][0].lower() in _AND_OR
            and infos[k].town
            and bool(infos[k].cases & cases)
        )

    return town(stop + 1, stop) or town(a - 2, a - 1)


def _coordinated_before_head(
    text: str, words: list[re.Match[str]], infos: list[WordInfo], k: int
) -> bool:
    """Word ``k`` is "ja", "sekä" or "tai", and a genitive and a head of a place's name follow
    ("… ja Korven kylien"): the name before it names a place too."""
    return (
        k + 2 < len(words)
        and words[k][0].lower() in _AND_OR
        and all(gap(text, words, j) in GAP for j in (k, k + 1, k + 2))
        and "omanto" in infos[k + 1].cases
        and infos[k + 2].head
    )


__all__ = ["decide_name"]
