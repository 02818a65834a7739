"""Clause-level person contexts for the name masker (see :mod:`vastausanalyysi.nlp.pii.masker`).

Each function looks at the words around a run of name words ``words[a:b]`` (with their
:class:`~vastausanalyysi.nlp.pii.words.WordInfo` in ``infos``) and says whether the context
makes it a person:

* ``role_ahead``: a role in the essive or, after a form of "olla", as the predicate later in
  the same clause ("Lumi ja Ilo aloittivat koulukuraattoreina", "Valo ja Aura ovat
  perhekeskuksen uudet ohjaajat") or in a "joka" clause right after ("Lammi, joka toimii
  johtajana"), or a person's leave ("Toivo jäi eläkkeelle");
* ``unit_after``: the elative of a unit or of a role right after, or the ablative of a unit,
  perhaps after genitives ("Onni kuraattoritiimistä", "Tuuli hyvinvointialueen
  työllisyystiimistä", "Onni kuntien yhteiseltä toimelta");
* ``apposition``: a comma, "eli" or a bracket and a title ("Niemi, hyvinvointialueen
  varautumispäällikkö, …", "Tumppi eli kiinteistöpäällikkö …", "Lumi (ohjaaja)");
* ``contact``: an illative next to "yhteydessä"/"yhteyttä" ("olla Laineeseen yhteydessä",
  "ottaa Kallioon yhteyttä");
* ``recipient``: an ablative or allative right after a verb of asking or giving ("kysy
  sulolta", "Annoin Rauhalle"), an allative a few words after one ("laita viestiä sadulle") or,
  for a capitalised word, either with thanks or greetings in the clause ("Kalliolle kuuluu
  kiitos", "terveisiä Anskulle");
* ``told``: a capitalised allative right before a verb of telling or calling ("Lehdolle
  soitettiin heti");
* ``possessor``: an adessive before "olla" and a noun of knowledge or responsibility, or
  "hänelle"/"häneltä" later in the sentence ("Lehdolla on tieto …");
* ``with_writer``: initials in a list with the writer ("JR, AK ja allekirjoittanut");
* ``person_predicate``: a predicate said of people only ("Lahti sairastui", "Salo kävi
  katsomassa", "Karhu on ainoa, joka ymmärtää …");
* ``channel``: news that came "via" a genitive ("Rinteen kautta saimme tiedon");
* ``heard_of``: an elative after a verb of hearing of someone, with "hän" after it ("En ole
  kuullut Saaresta mitään sen jälkeen, kun hän …");
* ``perfect_said``: "on kertonut", "oli todennut" after a nominative;
* ``inner_surname``: a surname read as a place in an inner local case, which coordination with a
  masked name in the same case makes a name ("yhteyttä Ahoon ja Koskeen");
* ``met``: a partitive with a verb of seeing or meeting ("Heikkilää ei ole nähty");
* ``spoken``: a text written as spoken Finnish ("mut", "ei oo");
* ``beside_contact``: a phone number or e-mail address next to the name in a contact line
  ("040 123 4567 / Ristola");
* ``succeeded``: a genitive before "jälkeen"/"tilalle" and a stand-in ("Niemen jälkeen tuli
  sijainen");
* ``cared_for``: care, a place or aid as the object of the name's verb ("Kaste sai rokotteen").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from vastausanalyysi.nlp.pii import sentences
from vastausanalyysi.nlp.pii.names import (
    AWAY_STATES,
    COORDINATING_CONJUNCTIONS,
    FOREIGN_BEFORE_NAME,
    context_words,
)
from vastausanalyysi.nlp.pii.words import WordInfo

GAP = {" ", "\u00a0"}
TOWARDS_FROM = {"ulkoeronto", "ulkotulento"}
_BREAK = re.compile(r"[.,;:!?()\[\]\n–—]")
_CLAUSE_WORDS = frozenset(context_words("clause_words"))
_APPOSITION = re.compile(r"\s*,\s*|\s+(?:eli|alias)\s+|\s*\(\s*")
# the end of an apposition: "Dilan Berwari (arabiankielinen ohjaaja)", ", ohjaaja, aloitti"
_APPOSITION_END = re.compile(r"\s*(?:[,)]|[.!?;]?\s*$)")

Words = Sequence[re.Match[str]]


def gap(text: str, words: Words, k: int) -> str:
    """The text between word ``k - 1`` and word ``k``."""
    return text[words[k - 1].end() : words[k].start()]


def _clause(text: str, words: Words, start: int, step: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` words from ``start`` in direction ``step`` in the same clause."""
    out: list[int] = []
    k = start
    while 0 <= k < len(words) and len(out) < limit:
        between = gap(text, words, k) if step > 0 else gap(text, words, k + 1)
        if _BREAK.search(between) or words[k][0].lower() in _CLAUSE_WORDS:
            break
        out.append(k)
        k += step
    return out


def role_ahead(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A role later in the clause (essive, or nominative after a form of "olla") or a person's
    leave ("jäi eläkkeelle", "on sairauslomalla"), also in a "joka" clause right after the name
    ("… kutsui Lammi, joka toimii perhepalvelujen johtajana")."""
    clause = _clause(text, words, b, 1, 7)
    if (
        not clause
        and b + 1 < len(words)
        and gap(text, words, b).strip() == ","
        and words[b][0].lower() == "joka"
    ):
        clause = _clause(text, words, b + 1, 1, 7)
    seen_olla = False
    for k in clause:
        info = infos[k]
        if info.role or info.leave:
            return True
        if info.olla:
            seen_olla = True
        elif seen_olla and info.title:
            return True
    return False


# words of spoken Finnish: a text with one of these is written as spoken
_SPOKEN = re.compile(
    r"\b(?:" + "|".join(map(re.escape, context_words("spoken_words"))) + r")\b", re.IGNORECASE
)


def spoken(text: str) -> bool:
    """True when ``text`` has words of spoken Finnish ("mut", "ei oo", "mä")."""
    return _SPOKEN.search(text) is not None


_OUR = frozenset(context_words("our_pronouns"))


def ours(word: str) -> bool:
    """ "meidän", "teiän" …: a possessive pronoun of ours or yours."""
    return word.lower() in _OUR


def unit_after(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """The elative of a unit or a role right after, or the ablative of a unit, perhaps after up
    to two genitives ("Onni kuraattoritiimistä", "Tuuli hyvinvointialueen työllisyystiimistä");
    an adjective before the unit only after "meidän"/"teidän" or in the ablative ("Onni meidän
    uudesta tiimistä", "Onni kuntien yhteiseltä toimelta"; not "Toivo paremmasta hoidosta")."""
    ours = False
    attributes = False
    for k in range(b, min(len(words), b + 4)):
        if gap(text, words, k) not in GAP:
            return False
        info = infos[k]
        if info.unit:
            return not attributes or ours or "ulkoeronto" in info.cases
        if info.name:
            return False
        if words[k][0].lower() in _OUR:
            ours = True
        elif info.attribute and info.cases & {"sisaeronto", "ulkoeronto"}:
            attributes = True
        elif "omanto" not in info.cases or attributes:
            return False
    return False


def apposition(
    text: str, words: Words, infos: list[WordInfo], b: int, *, closed: bool = False
) -> bool:
    """A comma, "eli" or a bracket and then a title within three words ("Niemi, …päällikkö,
    …", "Lumi (ohjaaja)"); ``closed``: the title ends the apposition, with only adjectives or
    genitives before it ("Dilan Berwari (arabiankielinen ohjaaja)", "…, perheohjaaja, aloitti")."""
    if b >= len(words):
        return False
    k = b + 1 if words[b][0].lower() in {"eli", "alias"} else b
    if k >= len(words) or not _APPOSITION.fullmatch(text[words[b - 1].end() : words[k].start()]):
        return False
    span = range(k, min(len(words), k + 3))
    if not closed:
        return any(infos[j].title for j in span if j == k or gap(text, words, j) in GAP)
    for j in span:
        if j > k and gap(text, words, j) not in GAP:
            return False
        if infos[j].title:
            return _APPOSITION_END.match(text, words[j].end()) is not None
        if not (infos[j].attribute or "omanto" in infos[j].cases):
            return False
    return False


def contact(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """An illative next to "yhteydessä"/"yhteyttä", or after it and an adverb ("yhteyttä suoraan
    Jokeen") or a title ("yhteydessä kunnanjohtaja Mattilaan")."""
    before = (
        a > 0
        and gap(text, words, a) in GAP
        and (
            infos[a - 1].contact
            or (
                a > 1
                and (infos[a - 1].adverb or not (infos[a - 1].noun or infos[a - 1].verb))
                and infos[a - 2].contact
                and gap(text, words, a - 1) in GAP
            )
        )
    )
    after = b < len(words) and infos[b].contact and gap(text, words, b) in GAP
    # past a finite verb: "Hämäläiseen otin yhteyttä", "Kallioon olen ollut yhteydessä" (not a
    # town's: "Lahteen otin yhteyttä")
    after = after or (
        b < len(words)
        and infos[b].finite
        and not infos[b - 1].town
        and any(infos[k].contact for k in _clause(text, words, b, 1, 3)[1:])
    )
    # "yhteydessä minuun tai kunnanjohtaja Mattilaan": a title before the illative and the word
    # of contact earlier in the clause (dev_ab)
    titled = (
        a > 1
        and infos[a - 1].title
        and "nimento" in infos[a - 1].cases
        and gap(text, words, a) in GAP
        and any(infos[k].contact for k in _clause(text, words, a - 2, -1, 4))
    )
    return before or after or titled


def recipient(
    text: str, words: Words, infos: list[WordInfo], a: int, b: int, cases: set[str]
) -> bool:
    """An ablative or allative right after a verb of asking or giving, an allative up to three
    words after one ("laita viestiä sadulle"), a capitalised allative before a message sent or
    gone to it ("Laineelle viesti lähti"), or either with "kiitos" near."""
    if not cases & TOWARDS_FROM:
        return False
    if a > 0 and gap(text, words, a) in GAP:
        prev = infos[a - 1]
        # "kysy Sulolta", "soita Sadulle"; not "soita rannalta" (from the beach)
        if prev.ask_from if "ulkoeronto" in cases else prev.ask:
            return True
    # not an ablative further off after other verbs: "lähetin kuvan järveltä" is a photo from
    # the lake; after a verb of asking from it is whom one asked ("kysyin asiaa Amedilta"; not
    # a town: "pyysi lausuntoa Lahdelta")
    before = _clause(text, words, a - 1, -1, 3)
    if "ulkotulento" in cases and any(infos[k].ask for k in before):
        return True
    if "ulkoeronto" in cases and not infos[b - 1].town and any(infos[k].ask_from for k in before):
        return True
    # a capitalised allative before a message that went to it: "Laineellehan se viesti meni"
    if "ulkotulento" in cases and not infos[b - 1].town and infos[a].shape != "lower":
        after = _clause(text, words, b, 1, 4)
        if any(infos[k].document for k in after) and any(
            infos[k].send or infos[k].sent or words[k][0].lower() in _WENT for k in after
        ):
            return True
    return greeted(text, words, infos, a, b, cases)


#: "went" of a message to someone ("Laineelle se viesti meni")
_WENT = frozenset(context_words("went_forms"))


#: modal verbs before an infinitive of telling ("pitäisi kertoa", "täytyy ilmoittaa")
_MODALS = frozenset(
    ["pitää", "pitäisi", "pitäis", "täytyy", "täytyis", "tulee", "tulisi", "voisi", "kannattaa"]
)


def told(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A capitalised allative right before a verb of telling or calling (perhaps after a modal:
    "Laineelle pitäisi kertoa"), or before "olla" and its
    past passive participle, with no nominative noun right after it other than a document or
    knowledge ("Lehdolle soitettiin heti", "Kärjelle ilmoitettiin", "Rannalle on ilmoitettu …",
    "Rinteelle on välitetty tieto"; not "Rannalle lähetettiin vene", "Rannalle soitettiin
    ambulanssi": a place something is called to)."""
    if not (
        infos[a].shape != "lower"
        and "ulkotulento" in infos[b - 1].cases
        and b < len(words)
        and gap(text, words, b) in GAP
    ):
        return False
    if words[b][0].lower() in _MODALS and _next_is(text, words, infos, b, "tell"):
        b += 1  # "Laineelle pitäisi kertoa …"
    if not infos[b].tell:
        if not (infos[b].olla and _next_is(text, words, infos, b, "told")):
            return False
        b += 1
    return not any(
        infos[k].bare_noun and not (infos[k].document or infos[k].know)
        for k in _clause(text, words, b + 1, 1, 2)
    )


def _next_is(text: str, words: Words, infos: list[WordInfo], k: int, flag: str) -> bool:
    """Whether the word right after ``words[k]`` (nothing but space between) has ``flag``."""
    return k + 1 < len(words) and gap(text, words, k + 1) in GAP and getattr(infos[k + 1], flag)


def negated_perfect(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A negated perfect after the name: "ei" and "ole", then (past an adverb such as "vielä",
    "kertaakaan") the past participle of a verb of speaking or acting, or "käynyt" with a
    MA-inessive ("Aalto ei ole vielä vastannut", "Niemi ei ole hoitanut …", "… ei ole
    kertaakaan käynyt kysymässä")."""
    if not (b < len(words) and gap(text, words, b) in GAP and infos[b].negation):
        return False
    if not _next_is(text, words, infos, b, "olla"):
        return False
    clause = _clause(text, words, b + 2, 1, 6)
    for n, k in enumerate(clause[:3]):
        if infos[k].said or infos[k].done:
            return True
        if infos[k].participle and words[k][0].lower().startswith("käy"):
            return any(infos[j].ma_inessive for j in clause[n + 1 :])
        if not infos[k].adverb:
            return False
    return False


def helped_from(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A capitalised ablative of a name that is no town, then in its clause "saada" and help
    ("Mäeltä sain lopulta apua", "Saarelta saimme ohjeet") or a verb of asking ("Rinteeltä voi
    kysyä …"); not a town's ("Lahdelta saimme tukea")."""
    last = infos[b - 1]
    if "ulkoeronto" not in last.cases or last.town or infos[a].shape == "lower":
        return False
    after = _clause(text, words, b, 1, 4)
    if any(infos[k].ask_from for k in after[:2]):
        return True
    got = [n for n, k in enumerate(after) if infos[k].get]
    return bool(got) and any(infos[k].help for k in after[got[0] + 1 :])


def family_plural(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A capitalised surname in the plural, no town's, the family: a listed surname that is no
    ordinary word ("Naapurin Mäkelät muuttivat", which Voikko reads as a place's plural), or
    "molemmat", "kumpikin" or "kaikki" in its clause, or a plural verb of people right after it
    ("Kosket lähtivät molemmat …", "Rannat ovat molemmat töissä"; not "Koivut kaadettiin")."""
    info = infos[a]
    if b - a != 1 or not info.plural or not info.surname or info.town or info.shape == "lower":
        return False
    if info.listed and not info.common:
        return True
    after = _clause(text, words, b, 1, 4)
    if any(words[k][0].lower() in _BOTH for k in after):
        return True
    return bool(after) and after[0] == b and infos[b].person_verb and not infos[b].singular


_BOTH = frozenset(context_words("both_words"))


def succeeded(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """ "jälkeen" or "tilalle" right after a genitive and a person's stand-in or successor later
    in the clause ("Niemen jälkeen tuli sijainen", "Kiven tilalle palkattiin seuraaja")."""
    return (
        b < len(words)
        and words[b][0].lower() in ("jälkeen", "tilalle")
        and any(infos[k].person_noun for k in _clause(text, words, b + 1, 1, 3))
    )


def cared_for(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A finite verb in the singular right after the name (or "olla" and a participle) and care,
    a place or aid as its object in the clause ("Kaste sai rokotteen", "Lumi on saanut
    puheterapiaa")."""
    if b >= len(words) or gap(text, words, b) not in GAP:
        return False
    if infos[b].olla and infos[b].singular and _next_is(text, words, infos, b, "participle"):
        b += 1  # "… on saanut puheterapiaa"
    elif not (infos[b].finite and infos[b].singular) or infos[b].olla:
        return False
    return any(infos[k].care for k in _clause(text, words, b + 1, 1, 2))


def keeps_contact(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """ "pitää" or "ottaa" after the name and "yhteyttä" within three words ("Heikkilä pitää
    yhteyttä Kelaan", "… että Mattila ottaa minuun yhteyttä")."""
    if not (b < len(words) and gap(text, words, b) in GAP and infos[b].contact_verb):
        return False
    return any(infos[k].contact for k in _clause(text, words, b + 1, 1, 3))


def talked_with(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A verb of talking something over in the clause of "X:n kanssa" (``words[b]`` is
    "kanssa"): up to three words before the name or after "kanssa" ("puhuin nurmen kanssa",
    "kävin heikkilän kanssa läpi"; "käydä" only with "läpi")."""
    near = [*_clause(text, words, a - 1, -1, 3), *_clause(text, words, b + 1, 1, 3)]
    through = any(words[k][0].lower() == "läpi" for k in near)
    return any(infos[k].talk and (through or not infos[k].visit) for k in near)


# "hän" in an outer local case or the illative: someone to ask, call, get a thing from or
# contact ("kysykää häneltä", "häneen pitää olla yhteydessä")
_HE_OUTER = re.compile(r"\bhän(?:el(?:tä|le|lä)|een)(?:kin|kään)?\b", re.I)


def possessor(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A form of "olla" right after (an adessive: the one who has something) and a noun of
    knowledge or responsibility within three words ("Lehdolla on tieto …", "Mäellä on ollut
    vastuu …"), or "hän" in an outer local case or the illative later in the sentence
    ("Lehdolla on avaimet, soittakaa hänelle", "…, joten häneen voi olla yhteydessä"); not
    "Kalliolla on näköala", "Mäellä on talo"."""
    if b >= len(words) or gap(text, words, b) not in GAP or not infos[b].olla:
        return False
    if any(infos[k].know for k in _clause(text, words, b + 1, 1, 3)):
        return True
    return sentences.later_in_sentence(_HE_OUTER, text, words[b].end())


def _list_gap(text: str, words: Words, i: int, j: int) -> bool:
    """True when words ``i < j`` are items of a list: only ",", "ja", "sekä" between."""
    between = text[words[i].end() : words[j].start()].replace(",", " , ").split()
    return [w.lower() for w in between] in ([","], ["ja"], ["sekä"], [",", "ja"], [",", "sekä"])


def with_writer(
    text: str, words: Words, infos: list[WordInfo], a: int, b: int, item: Callable[[int], bool]
) -> bool:
    """Words ``a:b`` stand in a list, each of whose items between them and the writer is one
    ``item(k)`` word, that has the writer in it ("JR, AK ja allekirjoittanut", "minä, JR ja
    AK"; not "THL, STM ja Kela")."""
    for step in (1, -1):
        cur = b - 1 if step > 0 else a
        j = cur + step
        while 0 <= j < len(words):
            if words[j][0].lower() in {"ja", "sekä"}:
                j += step
                continue
            if not _list_gap(text, words, min(cur, j), max(cur, j)):
                break
            if infos[j].self_word:
                return True
            if not item(j):
                break
            cur, j = j, j + step
    return False


def greeted(
    text: str, words: Words, infos: list[WordInfo], a: int, b: int, cases: set[str]
) -> bool:
    """A capitalised allative or ablative with thanks or greetings in the clause ("Kalliolle
    kuuluu kiitos", "terveisiä Anskulle")."""
    if not cases & TOWARDS_FROM or infos[a].shape == "lower":
        return False
    near = _clause(text, words, a - 1, -1, 4) + _clause(text, words, b, 1, 4)
    return any(infos[k].thanks for k in near)


def person_predicate(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A predicate said of people only after a nominative: a verb such as "sairastua",
    "ymmärtää" or "vastata puhelimeen" in the clause ("Lahti sairastui eilen"), "käydä" with a
    MA-inessive ("Salo kävi itse katsomassa"), or, after a form of "olla" whose predicate is no
    noun, such a verb in a "joka" clause ("Karhu on alueella ainoa, joka ymmärtää …") or in a
    clause without a subject of its own (", vastaa aina puhelimeen")."""
    clause = _clause(text, words, b, 1, 8)
    seen_olla = False
    town = infos[b - 1].town
    for k in clause:
        info = infos[k]
        if info.olla:
            seen_olla = True
            continue
        # "Laine oli sitä mieltä, että …" (a town may be of an opinion too: "Lahti on sitä
        # mieltä"); "Saari ja Koski osallistuivat koulutukseen" (a town takes part in projects)
        if seen_olla and k > b and words[k][0].lower() == "mieltä":
            return not town and words[k - 1][0].lower() in {"sitä", "samaa", "eri", "tätä"}
        if info.attend:
            return not town and any(infos[j].meeting for j in _clause(text, words, k + 1, 1, 3))
        # "Aro oli kokouksessa" (a town is represented: "Lahti oli kokouksessa")
        if seen_olla and info.meeting:
            return not town
        # "Salo oli (nyt) lomalla": on leave as the predicate, said of a person only (a town's
        # name too; not an adverbial after another verb: "Valo oli sammunut lomalla")
        if seen_olla and words[k][0].lower() in AWAY_STATES:
            last_olla = max(j for j in clause if j < k and infos[j].olla)
            return not any(
                infos[j].verb or infos[j].participle for j in clause if last_olla < j < k
            )
        # "Koivu on kiinteistöpuolen paras tyyppi", "Onni on tiimin nuorin" (an adjective not
        # before a noun: "Lahti on Suomen nuorin kaupunki")
        if seen_olla and info.person_predicate and not _before_noun(text, words, infos, k):
            return True
        # "Suominen sen jo sanoi": a verb of speaking later in the clause, with no other
        # subject before it ("Sosiaali- ja terveysministeriö korostaa"; not a town's)
        if info.finite and not info.participle:
            said = info.speech_verb or (info.think and _THAT.match(text, words[k].end()))
            spoken = (
                bool(said)
                and not town
                and not any(
                    infos[j].bare_noun or words[j][0].lower() in COORDINATING_CONJUNCTIONS
                    for j in clause
                    if j < k
                )
            )
            return (spoken or _person_verb(text, words, infos, k)) and info.singular
    if not seen_olla or not clause or clause[-1] + 1 >= len(words):
        return False
    last, k = clause[-1], clause[-1] + 1
    if gap(text, words, k).strip() != "," or (
        infos[last].noun
        and not infos[last].person_predicate
        and bool(infos[last].cases & {"nimento", "osanto"})  # not "ainoa rakennusvalvonnassa"
    ):
        return False
    # "…, joka ymmärtää", "…, ja vastaa"; "Kivi ja Koivisto ovat ainoat, jotka kuuntelevat"
    if words[k][0].lower() in {"joka", "jotka", "ja"}:
        k += 1
    # an adverb between: "…, jotka oikeasti kuuntelevat"
    if k + 1 < len(words) and not (infos[k].verb or infos[k].noun):
        k += 1
    return k < len(words) and infos[k].finite and _person_verb(text, words, infos, k)


#: an "että" clause right after a verb (past its adverbials), in the same sentence
_THAT = re.compile(r"[^.!?]{0,40}?,\s*että\b")


def _before_noun(text: str, words: Words, infos: list[WordInfo], k: int) -> bool:
    """A word ``words[k]`` that may be an adjective (no plain noun in the nominative) right
    before a noun, which it qualifies ("nuorin kaupunki")."""
    return (
        not infos[k].bare_noun
        and k + 1 < len(words)
        and gap(text, words, k + 1) in GAP
        and infos[k + 1].noun
    )


def _person_verb(text: str, words: Words, infos: list[WordInfo], k: int) -> bool:
    info = infos[k]
    if info.person_only:
        return True
    ahead = _clause(text, words, k + 1, 1, 3)
    if info.answer:  # "vastaa (aina) puhelimeen"
        return any(infos[j].phone_illative for j in ahead)
    return info.visit and any(infos[j].ma_inessive for j in ahead)  # "kävi (itse) katsomassa"


def trusted(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """An illative with a verb of trust or acquaintance in the clause ("Mattiin voi aina
    luottaa", "tutustuimme Ilmaan")."""
    near = _clause(text, words, a - 1, -1, 3) + _clause(text, words, b, 1, 3)
    return any(infos[k].trust for k in near)


def heard_of(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A verb of hearing of or knowing about someone in the clause before, and "hän" later in
    the text ("En ole kuullut Saaresta mitään sen jälkeen, kun hän siirtyi …")."""
    if not any(infos[k].hear for k in _clause(text, words, a - 1, -1, 3)):
        return False
    return sentences.he_after(text, words[b - 1].end())


def met(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A verb of seeing, meeting, blaming or thanking in the clause, up to three words before
    or four after ("Heikkilää ei ole nähty", "emme ole tavanneet Saarta", "Kiveä ei pidä
    syyttää"); "näkyä" only in the perfect with
    a place of meetings or work after it, of someone absent for a while ("Järveä ei ole näkynyt
    palavereissa"; not "Rantaa ei näkynyt sumun takia", "Saarta ei ole näkynyt kartalla")."""
    near = _clause(text, words, a - 1, -1, 3) + _clause(text, words, b, 1, 4)

    def seen(k: int) -> bool:
        if words[k][0].lower() == "kiinni":  # "Mattilaa ei saanut kiinni" (reached)
            return k > 0 and _GET.fullmatch(words[k - 1][0]) is not None
        if not words[k][0].lower().startswith("näky"):
            return True
        after = _clause(text, words, k + 1, 1, 4)
        return infos[k - 1].olla and any(infos[j].gathering for j in after)

    return any((infos[k].meet or words[k][0].lower() == "kiinni") and seen(k) for k in near)


def met_object(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A surname in the partitive with a verb of seeing, meeting, blaming or thanking near
    (:func:`met`), or a surname or first name in the genitive-accusative right after such a
    verb ("Tapasimme Helmen vasta …"; not "Näimme Lahden" — a town, see the caller)."""
    last = infos[b - 1]
    if "osanto" in last.cases and last.surname:
        return met(text, words, infos, a, b)
    return (
        "omanto" in last.cases
        and (last.surname or last.first)
        and a > 0
        and gap(text, words, a) in GAP
        and infos[a - 1].meet
        and words[a - 1][0].lower() != "kiinni"
        # an object, not a genitive attribute: "Tapasin Mäen päällä ketun"
        and not (b < len(words) and gap(text, words, b) in GAP and infos[b].noun)
    )


# a form of "saada" before "kiinni" (get hold of someone)
_GET = re.compile(r"(?:saa|sai|saan|saad|saat|saim|sait|saiv)\w*", re.I)


def perfect_said(nxt: WordInfo | None, nxt2: WordInfo | None) -> bool:
    """A form of "olla" and a speech verb's past participle ("on kertonut", "oli todennut")."""
    return nxt is not None and nxt.olla and nxt2 is not None and nxt2.said


INNER_LOCAL = frozenset(["sisaolento", "sisaeronto", "sisatulento"])


def inner_surname(infos: list[WordInfo], a: int, b: int) -> bool:
    """One capitalised surname in an inner local case that is no town ("Koskeen"): a name when
    coordinated with a masked name in the same case ("yhteyttä Ahoon ja Koskeen")."""
    info = infos[a]
    return (
        b - a == 1
        and info.surname
        and info.shape != "lower"
        and not info.town
        and bool(info.cases)
        and info.cases <= INNER_LOCAL
    )


_FOREIGN_AFTER = re.compile(r"\s+(?:på|per|by|on the) (?:telefon|tfn|mobil|phone)\b", re.I)


def foreign_context(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """A Swedish or English person context: "enligt", "kontakta", "tack vare", "contact",
    "thanks to" right before the name, or "på telefon" after it."""
    if a > 0 and gap(text, words, a) in GAP:
        k = a - 1
        if words[k][0].lower() == "to" and k > 0:  # "thanks to Rose"
            k -= 1
        if words[k][0].lower() in FOREIGN_BEFORE_NAME and infos[k].unknown:
            return True
    return _FOREIGN_AFTER.match(text, words[b - 1].end()) is not None


def channel(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A genitive before "kautta" with news or a message in the clause ("Rinteen kautta saimme
    tiedon"; not "rinteen kautta kulkee polku")."""
    if b >= len(words) or words[b][0].lower() != "kautta" or gap(text, words, b) not in GAP:
        return False
    return any(infos[k].info_noun for k in _clause(text, words, b + 1, 1, 6))


def beside_contact(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> bool:
    """A phone number or an e-mail address right before or after ``text[start:end]``, with only
    a slash, comma, dash or bracket between ("040 123 4567 / Ristola")."""
    for s, e, _ in spans:
        between = text[e:start] if e <= start else text[end:s] if s >= end else "x"
        if len(between) <= 4 and _CONTACT_GAP.fullmatch(between):
            return True
    return False


_CONTACT_GAP = re.compile(r"\s*[/,()–—-]\s*")


__all__ = [
    "GAP",
    "INNER_LOCAL",
    "TOWARDS_FROM",
    "apposition",
    "beside_contact",
    "channel",
    "contact",
    "family_plural",
    "foreign_context",
    "gap",
    "greeted",
    "heard_of",
    "helped_from",
    "inner_surname",
    "keeps_contact",
    "met",
    "negated_perfect",
    "perfect_said",
    "person_predicate",
    "possessor",
    "recipient",
    "role_ahead",
    "spoken",
    "talked_with",
    "told",
    "trusted",
    "unit_after",
    "with_writer",
]
