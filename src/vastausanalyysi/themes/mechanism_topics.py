"""Mechanism words that name a topic, not the way the parties cooperate (codebook §4 rule 6).

A mechanism word can be what the parties do together or only a topic: the subject of a
judgement, the thing served, a setting, someone else's business. The codebook's lemma lists
cannot tell them apart; what the word does in its clause or sentence can. Each block below
sets the code's words aside in their context (:func:`topic_blocks`), so that neither the rules
nor the model (which the rules' set-aside words keep from explaining a code) give the code
from them:

- ``luottamushenkilot``: elected officials (and "poliittinen") in a sentence with a verb that
  has no word of dealing with each other (:data:`TOGETHER_WORDS`: "yhteinen", "kesken",
  "tavata", "kanava", "taso" …) and does not name both sides (a municipal and a county word):
  a topic, the holders of a power or the owners of a worry ("Aluevaltuutetuilla on
  päätösvaltaa", "paikallispoliitikkojen huoli", "laaja luottamushenkilöorganisaatio"), not
  officials working together. A sentence without a verb is a list item ("Luottamushenkilöt:
  hyvä.") and keeps them;
- ``paatoksenteko``: a sentence that names the state deciding or legislating (the government
  as a word of its own with no genitive before it, a ministry, a bill: :data:`STATE_DECIDERS`;
  "Hallituksen lakiesitys on lausuntokierroksella"), and the heading of minutes
  ("Päätösehdotus: …"); ``tapaamiset`` and ``vuorovaikutus`` too where such a sentence names no
  municipality (the state negotiating with the counties is steering);
- ``tietopohja``: a word of informing near a word of the public (residents, the media, parties,
  candidates, elections) or opening an announcement ("Hyvinvointialue tiedottaa: …"), unless a
  party is told in the allative; "tieto" about contact persons ("tieto vastuuhenkilöistä":
  knowing the contacts); one party's own foresight ("kuntien ennakointi");
- ``osallisuus``: residents in "X:n mukaan" (according to: "asukkaiden tarpeiden mukaan"), the
  people served or the source of a finding, not residents taking part ("asukkaat mukaan");
- ``tapaamiset`` and ``vuorovaikutus``: a clause in which a client or service user meets or
  deals with someone ("oppilaat tapaavat psykologin koulussa"), a service encounter;
- ``tapaamiset``: "tilaisuus" as a chance ("tilaisuus kuulla") or the public's event
  ("asukkaille järjestetty kuulemistilaisuus"); one body's own meeting or an event of others,
  "kokous", "seminaari" or "foorumi" in a sentence without the parties together ("Valtuusto
  ei käsitellyt asiaa tässä kokouksessa", "alueen monialainen seminaari onnistui");
- ``tyonjako``: another municipality as the place a service moves to ("siirtyi
  naapurikuntaan"), and tasks ended ("tehtäviä lopetettaisiin");
- ``luottamushenkilot`` also in a sentence about an election, even with both sides named
  ("emme saaneet omaa valtuutettua aluevaltuustoon läpi, kommentoi kunnanjohtaja");
- every code: the words of a clause that names a topic ("Seminaarin aiheena oli … työnjako")
  unless the event is the parties' own;
- ``tietopohja``: a "tieto" compound that is a thing ("asiakastietojärjestelmä", "tietosuoja")
  in a sentence without the parties together;
- and the words in another sense of :mod:`vastausanalyysi.themes.mechanism_senses` (firms' and
  unions' business, bargaining, systems, skills, buildings, casework, press lines).

One pass or two over the words with set look-ups, sentence by sentence.
"""

from __future__ import annotations

from vastausanalyysi.themes.clauses import sentence_numbers
from vastausanalyysi.themes.mechanism_context import (
    CLAUSE_MARKS,
    DISPUTE_WORDS,
    ELATIVE,
    ILLATIVE,
    OFFICIALS,
    ORGANISATIONS,
    TASK_NOUNS,
    THAT,
    crosses,
    near_words,
    told_party,
)
from vastausanalyysi.themes.mechanism_senses import MECHANISMS, SENSE_WORDS, sense_blocks
from vastausanalyysi.themes.tokens import TokenRow, remember, rule_words

#: The state deciding or legislating (compound heads): a sentence with one is about the state's
#: decisions, not decision-making between the parties ("Hallituksen lakiesitykseen
#: lausuntokierroksen jälkeen tekemät muutokset"; codebook rule 6).
STATE_DECIDERS = rule_words("state_deciders")
_GOVERNMENT = "hallitus"
#: Prime ministers' surnames: "Orpon hallitus" is the government.
PRIME_MINISTERS = rule_words("prime_ministers")
#: Word classes of a genitive that agrees with "hallitus" or names its leader ("uuden
#: hallituksen", "Marinin hallituksen"), not its owner.
_NOT_OWNER_CLASSES = frozenset({"laatusana", "lukusana", "sukunimi", "etunimi"})
_STATE_HEADS = STATE_DECIDERS - {_GOVERNMENT}
#: Words of informing or communicating (compound heads): information passing between the
#: parties unless the public is informed.
COMMUNICATION_WORDS = rule_words("communication_words")
#: The public, residents and election actors (compound heads): informed or informing, they make
#: a communication word the public's matter ("tiedottaminen kunnan asukkaille").
PUBLIC_WORDS = rule_words("public_words")
#: Marks after a verb of informing that open an announcement ("Alue tiedottaa: …", "tiedottaa,
#: että …").
_ANNOUNCE = frozenset({":", ","})
#: Words of meeting or dealing with someone ("tavata", "vuorovaikutteisesti").
ENCOUNTER_WORDS = rule_words("encounter_words")
#: Clients and service users (compound heads): meeting them is a service encounter.
CLIENT_WORDS = rule_words("client_words")
#: Cases in which a client takes part in an encounter (subject, object, the genitive of a
#: necessive "työnhakijoiden on voitava"): not the elative of a topic ("asiakkaista").
_PARTICIPANT_CASES = frozenset({"nimento", "omanto", "osanto"})
#: Events (compound heads): a chance ("tilaisuus kuulla") or the public's event.
EVENT_HEADS = rule_words("event_heads")
_INFINITIVE = "A-infinitive"
#: Modifiers that make a party word another place ("naapurikunta"): a service moving there is
#: a relocation, not a task moving between the parties.
OTHER_PLACE_MODIFIERS = rule_words("other_place_modifiers")
#: The headings of minutes before a colon ("Päätösehdotus: Kunnanhallitus merkitsee …"): a
#: part of the document, not a decision-making matter.
MINUTES_HEADINGS = rule_words("minutes_headings")
#: Verbs of ending or cutting: tasks ended ("tehtäviä lopetettaisiin") are not divided.
ENDING_VERBS = rule_words("ending_verbs")
#: Contact and responsible persons (compound heads): "tieto" about them is knowing the contacts.
CONTACT_PERSONS = rule_words("contact_persons")
_KNOWLEDGE = "tieto"
_FORESIGHT = "ennakointi"
#: How far a party in the genitive may stand before the foresight it owns ("kuntien aktiivista
#: ja laaja-alaista asumisen ennakointia").
OWNER_WINDOW = 6
#: The postposition "mukaan" after a genitive: "according to" ("asukkaiden mukaan",
#: "asukkaiden tarpeiden mukaan"), not "along" ("asukkaat mukaan suunnitteluun").
_ACCORDING = "mukaan"
#: Words of dealing with each other (lemmas, compound parts: "yhteistapaaminen", "kesken"): an
#: elected official in a sentence with one may be officials cooperating.
TOGETHER_WORDS = rule_words("together_words")
#: The municipal and the county side (lemmas, compound parts): an elected official in a
#: sentence that names both may be officials of one side dealing with the other.
MUNICIPAL_SIDE = rule_words("municipal_side")
COUNTY_SIDE = rule_words("county_side")
#: "poliittinen": the officials' side, a topic too without a word of dealing with each other
#: ("poliittinen veivaus"; "poliittisella tasolla" has one: "taso", the level of cooperation)
_POLITICAL = "poliittinen"
#: "kokous" (the word itself): one body's meeting unless the sentence has the parties together
_MEETING = "kokous"
#: Gatherings (compound heads) that are the parties' meetings only with the parties together
_GATHERINGS = frozenset({"seminaari", "foorumi"})
#: Elections (lemmas, compound parts) and "ääni" in the plural (votes): an elected official in
#: a sentence with one is a candidate or the elected ("emme saaneet omaa valtuutettua läpi").
ELECTION_WORDS = rule_words("election_words")
ELECTION_FORMS = rule_words("election_forms")
#: Nouns that name a topic in the essive ("Seminaarin aiheena oli työnjako").
TOPIC_NOUNS = rule_words("topic_nouns")
_ESSIVE = "olento"
#: Words that join the owners before a topic noun ("kunnan ja alueen yhteisen seminaarin")
_AND = frozenset({"ja", "sekä"})
_TOGETHER_OR_DISPUTE = TOGETHER_WORDS | DISPUTE_WORDS
#: A body's own documents (whole words: a "palvelustrategia" is about the services the other
#: party's residents get): approving one is its own business.
OWN_DOCUMENTS = rule_words("own_documents")
#: Verbs of a body approving, deciding on or handling its own document.
_APPROVE = frozenset({"hyväksyä", "päättää", "käsitellä"})
_NETWORK = "verkko"
#: Cases of an approved document (subject or object, or what is decided on: "päätti
#: strategiasta"), not a setting ("talousarviossaan").
_OBJECT_CASES = frozenset({"nimento", "omanto", "osanto", "sisaeronto"})
#: Heads that make a "tieto" compound a thing ("tietojärjestelmä", "tietosuoja").
THING_HEADS = rule_words("thing_heads")
#: Information technology and telecommunications (whole compounds): no shared information.
IT_WORDS = rule_words("it_words")
#: The words that an official-as-topic or own-meeting block needs in a text to look further.
_OFFICIAL_WORDS = OFFICIALS | {_POLITICAL}
_MEETING_WORDS = _GATHERINGS | {_MEETING}
_BLOCK_WORDS = (
    _OFFICIAL_WORDS | STATE_DECIDERS | COMMUNICATION_WORDS | ENCOUNTER_WORDS | EVENT_HEADS
    | _MEETING_WORDS | OTHER_PLACE_MODIFIERS | ENDING_VERBS | TOPIC_NOUNS | THING_HEADS
    | SENSE_WORDS | OWN_DOCUMENTS | IT_WORDS | {_KNOWLEDGE, _FORESIGHT, _ACCORDING}
)  # fmt: skip


def _add_block(blocks: dict[str, set[int]], code: str, found: list[int]) -> None:
    """Add the tokens ``found`` to the block of ``code`` (none: no block)."""
    if found:
        blocks.setdefault(code, set()).update(found)


def topic_blocks(rows: list[TokenRow], where: list[int]) -> dict[str, set[int]]:
    """Token indices per code whose words name a topic in their context, not the way the
    parties cooperate (see the module's docstring): ``rows`` are a text's token rows, ``where``
    the token indices of its words in order. A block is looked for only in a text that has its
    words (most texts have none)."""
    blocks: dict[str, set[int]] = {}
    vocab: set[str] = set()  # the text's words among the blocks' words
    for i in where:
        words = _block_words(rows[i])
        if words:
            vocab |= words

    if not vocab:  # most texts: only the minutes' heading can be there
        _add_block(blocks, "paatoksenteko", _minutes_heading(rows, where))
        return blocks
    if not vocab.isdisjoint(_OFFICIAL_WORDS):
        _add_block(blocks, "luottamushenkilot", _officials_apart(rows, where))
    if not vocab.isdisjoint(STATE_DECIDERS):
        stated = _state_decides(rows, where)
        _add_block(blocks, "paatoksenteko", stated)
        steering = _without_municipality(rows, where, stated)
        _add_block(blocks, "tapaamiset", steering)
        _add_block(blocks, "vuorovaikutus", steering)
    _add_block(blocks, "paatoksenteko", _minutes_heading(rows, where))
    if not vocab.isdisjoint(COMMUNICATION_WORDS):
        _add_block(blocks, "tietopohja", _informs_public(rows, where))
    if _KNOWLEDGE in vocab:
        _add_block(blocks, "tietopohja", _knowing_contacts(rows, where))
    if _FORESIGHT in vocab:
        _add_block(blocks, "tietopohja", _own_foresight(rows, where))
    if not vocab.isdisjoint(ENCOUNTER_WORDS):
        served = _service_encounters(rows, where)
        _add_block(blocks, "tapaamiset", served)
        _add_block(blocks, "vuorovaikutus", served)
    if not vocab.isdisjoint(EVENT_HEADS):
        _add_block(blocks, "tapaamiset", _public_events(rows, where))
    if not vocab.isdisjoint(_MEETING_WORDS):
        _add_block(blocks, "tapaamiset", _own_meetings(rows, where))
    if _ACCORDING in vocab:
        _add_block(blocks, "osallisuus", _according_to(rows, where))
    if not vocab.isdisjoint(OTHER_PLACE_MODIFIERS):
        places = [
            i
            for i in where
            if not rows[i].heads.isdisjoint(ORGANISATIONS)
            and not rows[i].modifiers.isdisjoint(OTHER_PLACE_MODIFIERS)
        ]  # "neuvola siirtyi naapurikuntaan": a relocation
        _add_block(blocks, "tyonjako", places)
    if not vocab.isdisjoint(ENDING_VERBS):
        _add_block(blocks, "tyonjako", _tasks_ended(rows, where))
    if not vocab.isdisjoint(TOPIC_NOUNS):
        topics = _named_topics(rows, where)
        for code in MECHANISMS:
            _add_block(blocks, code, topics)
    if not vocab.isdisjoint(OWN_DOCUMENTS):
        _add_block(blocks, "paatoksenteko", _own_approvals(rows, where))
    if not vocab.isdisjoint(THING_HEADS) and _KNOWLEDGE in vocab:
        _add_block(blocks, "tietopohja", _information_things(rows, where))
    if not vocab.isdisjoint(IT_WORDS):  # "tietotekniikkahankinnat", "tietoliikenneyhteydet"
        its = [i for i in where if not _block_words(rows[i]).isdisjoint(IT_WORDS)]
        _add_block(blocks, "tietopohja", its)
    if not vocab.isdisjoint(SENSE_WORDS):
        for code, found in sense_blocks(rows, where, vocab).items():
            _add_block(blocks, code, list(found))
    return blocks


#: A row's words among :data:`_BLOCK_WORDS`, by the row (equal tokens share a row).
_ROW_WORDS: dict[TokenRow, frozenset[str]] = {}


def _block_words(row: TokenRow) -> frozenset[str]:
    """The words of ``row`` (its lemma, surface, compound runs) that some block looks for."""
    words = _ROW_WORDS.get(row)
    if words is None:
        words = (row.heads | row.inner | row.modifiers | {row.norm, row.low}) & _BLOCK_WORDS
        remember(_ROW_WORDS, row, words)
    return words


def _minutes_heading(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The first word when it is the heading of minutes before a colon (:data:`MINUTES_HEADINGS`:
    "Päätösehdotus: Kunnanhallitus merkitsee …"): a part of the document."""
    if not where:
        return []
    first = where[0]
    heading = rows[first].norm in MINUTES_HEADINGS
    if heading and first + 1 < len(rows) and rows[first + 1].text == ":":
        return [first]
    return []


def _service_encounters(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of the clauses (between commas) in which a client or service user
    (:data:`CLIENT_WORDS`, as subject, object or a necessive's genitive) meets or deals with
    someone (:data:`ENCOUNTER_WORDS`): a service encounter ("oppilaat tapaavat heidät
    koulussa", "hoitaja tapaa asiakkaan kerran viikossa", "työnhakijoiden on voitava hoitaa
    asioitaan vuorovaikutteisesti"), not the parties meeting or dealing with each other
    (``tapaamiset``, ``vuorovaikutus``: codebook rule 6)."""
    if not any(rows[i].norm in ENCOUNTER_WORDS for i in where):
        return []
    out: list[int] = []
    clause: list[int] = []
    encounter = client = False
    for k, i in enumerate([*where, -1]):
        if i < 0 or (clause and crosses(rows, where, k - 1, k, CLAUSE_MARKS)):
            if encounter and client:
                out += clause
            clause, encounter, client = [], False, False
            if i < 0:
                break
        row = rows[i]
        clause.append(i)
        encounter = encounter or row.norm in ENCOUNTER_WORDS
        client = client or (
            not row.heads.isdisjoint(CLIENT_WORDS) and bool(row.cases & _PARTICIPANT_CASES)
        )
    return out


def _public_events(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The event words (:data:`EVENT_HEADS`) that name a chance, an A-infinitive after them
    ("hyvä tilaisuus kuulla nuoria", "varataan tilaisuus lausua"), or the public's event, a
    word of the public in the sentence or as the compound's modifier ("asukkaille järjestetty
    kuulemistilaisuus", "vaalitilaisuus"): not the parties' meetings (``tapaamiset``: codebook
    rule 6)."""
    events = [k for k, i in enumerate(where) if not rows[where[k]].heads.isdisjoint(EVENT_HEADS)]
    if not events:
        return []
    sentence_of = sentence_numbers(rows)
    public = {
        sentence_of[i]
        for i in where
        if not (rows[i].heads | rows[i].modifiers).isdisjoint(PUBLIC_WORDS)
    }
    out = []
    for k in events:
        i = where[k]
        chance = k + 1 < len(where) and _INFINITIVE in rows[where[k + 1]].moods
        if chance or sentence_of[i] in public:
            out.append(i)
    return out


def _tasks_ended(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The task nouns (:data:`TASK_NOUNS`, as compound heads) within :data:`WINDOW` words of a
    verb of ending or cutting in the same clause (:data:`ENDING_VERBS`): tasks ended ("eräitä
    kuntien tehtäviä lopetettaisiin") are not divided between the parties (``tyonjako``)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].heads.isdisjoint(TASK_NOUNS):
            continue
        for j in near_words(rows, where, k, n):
            if rows[where[j]].norm in ENDING_VERBS and not crosses(
                rows, where, min(j, k), max(j, k), CLAUSE_MARKS
            ):
                out.append(i)
                break
    return out


def _according_to(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of "X:n mukaan" (according to) with residents or the public as X
    (:data:`PUBLIC_WORDS`): "mukaan" after the genitive and not before an illative, and, with a
    genitive between, that word, what the service or the finding goes by ("asukkaiden tarpeiden
    mukaan", "kuntalaisten palautteen mukaan"): residents as the people served or the source of
    a finding, not residents taking part ("asukkaat mukaan suunnitteluun", "otetaan kuntalaiset
    mukaan": codebook rule 6). Organisations stay: "järjestöjen mukaan" is their voice."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].low != _ACCORDING or k == 0:
            continue
        if k + 1 < n and ILLATIVE in rows[where[k + 1]].cases:
            continue  # "ottaa asukkaan mukaan suunnitteluun": along into
        owners = []
        for j in (k - 1, k - 2):
            if j < 0 or not rows[where[j]].genitive or crosses(rows, where, j, k, CLAUSE_MARKS):
                break
            owners.append(j)
        if owners and not rows[where[owners[-1]]].heads.isdisjoint(PUBLIC_WORDS):
            out.append(i)
            if len(owners) == 2:
                out.append(where[owners[0]])  # "palautteen" of "kuntalaisten palautteen mukaan"
    return out


def _knowing_contacts(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words "tieto" next to a contact person (:data:`CONTACT_PERSONS`) in the elative after
    it or the genitive before it ("tieto vastuuhenkilöistä", "yhteyshenkilöiden tiedot"):
    knowing who the contacts are is a matter of contact persons, not of the shared knowledge
    base (``tietopohja``)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].norm != _KNOWLEDGE:
            continue
        before = rows[where[k - 1]] if k > 0 else None
        after = rows[where[k + 1]] if k + 1 < n else None
        if (
            before is not None
            and before.genitive
            and not before.heads.isdisjoint(CONTACT_PERSONS)
            and not crosses(rows, where, k - 1, k, CLAUSE_MARKS)
        ) or (
            after is not None
            and ELATIVE in after.cases
            and not after.heads.isdisjoint(CONTACT_PERSONS)
            and not crosses(rows, where, k, k + 1, CLAUSE_MARKS)
        ):
            out.append(i)
    return out


def _own_foresight(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words "ennakointi" with a party in the genitive at most :data:`OWNER_WINDOW` words
    before them in the same clause, in a sentence without a word of dealing with each other
    and not naming both sides ("edellyttää kuntien aktiivista asumisen ennakointia"): one
    party's own foresight, not a knowledge base shared between the parties (``tietopohja``)."""
    owned = []
    for k, i in enumerate(where):
        if rows[i].norm != _FORESIGHT:
            continue
        for j in range(k - 1, max(-1, k - OWNER_WINDOW - 1), -1):
            if crosses(rows, where, j, k, CLAUSE_MARKS):
                break
            if rows[where[j]].norm in ORGANISATIONS and rows[where[j]].genitive:
                owned.append(i)
                break
    return _apart(rows, where, owned, frozenset())


def _informs_public(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of informing (:data:`COMMUNICATION_WORDS`) that inform the public, not the
    other party: a word of the public (:data:`PUBLIC_WORDS`: residents, the media, parties and
    candidates) within :data:`WINDOW` words ("tiedottaminen kunnan asukkaille", "puolueet eivät
    ole viestineet"), or a verb that opens an announcement ("Hyvinvointialue tiedottaa: …",
    "tiedottaa, että …"). A party told in the allative or illative keeps it ("tiedotti kunnille,
    että …": ``tietopohja``)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        if (
            row.heads.isdisjoint(COMMUNICATION_WORDS)
            and row.modifiers.isdisjoint(COMMUNICATION_WORDS)
            and row.norm not in COMMUNICATION_WORDS
        ):
            continue  # (a modifier: "tiedotustilaisuus asukkaille")
        if told_party(rows, where, k, n) is not None:
            continue
        near = near_words(rows, where, k, n)
        if any(not rows[where[j]].heads.isdisjoint(PUBLIC_WORDS) for j in near) or (
            row.verb and _announces(rows, i)
        ):
            out.append(i)
    return out


def _announces(rows: list[TokenRow], i: int) -> bool:
    """Whether the token after a verb at token ``i`` opens an announcement: a colon, or a comma
    and "että"."""
    after = [r for r in rows[i + 1 : i + 4] if not r.space]
    if not after or after[0].text not in _ANNOUNCE:
        return False
    return after[0].text == ":" or (len(after) > 1 and after[1].low == "että")


def _state_decides(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of the sentences that name the state deciding or legislating
    (:data:`STATE_DECIDERS`; "hallitus" with no genitive before it, which would make it a
    county's or a municipality's board): the government's bill and its consultation round are
    the state's decisions, not decision-making between the parties (codebook rule 6)."""
    found = {i for k, i in enumerate(where) if _is_state(rows, where, k)}
    if not found:
        return []
    sentence_of = sentence_numbers(rows)
    stated = {sentence_of[i] for i in found}
    return [i for i in where if sentence_of[i] in stated]


def _is_state(rows: list[TokenRow], where: list[int], k: int) -> bool:
    """Whether the word at position ``k`` names the state (:data:`STATE_DECIDERS`; "hallitus"
    only as the word itself with no genitive before it: "aluehallitus", "hyvinvointialueen
    hallitus" and "Kuntaliiton hallitus" are boards of others)."""
    row = rows[where[k]]
    if row.norm == _GOVERNMENT:
        return not (k > 0 and _owner(rows[where[k - 1]]))
    return row.norm in STATE_DECIDERS or not row.heads.isdisjoint(_STATE_HEADS)


def _owner(row: TokenRow) -> bool:
    """A genitive before "hallitus" that owns it: a noun or a place Voikko reads so (not an
    adjective, a participle or a prime minister agreeing with it or leading it: "uuden
    hallituksen", "kotoutumiseen kohdistuvien hallituksen säästöjen", "Orpon hallituksen"), or a
    name it does not know that ends like one ("Laphan hallitus": the county's board)."""
    if row.norm in PRIME_MINISTERS:
        return False
    if row.genitive:
        return not row.verb and not row.classes <= _NOT_OWNER_CLASSES
    return row.text[:1].isupper() and row.low.endswith("n") and not row.known


def _without_municipality(rows: list[TokenRow], where: list[int], found: list[int]) -> list[int]:
    """Of the token indices ``found`` (the words of the sentences that name the state), those
    of a sentence without a municipal word: the state and the counties negotiating
    ("Valtiovarainministeriö on käynnistänyt hyvinvointialueiden kanssa syksyn
    neuvottelukierroksen") are the state's steering, not the parties meeting or dealing with
    each other (``tapaamiset``, ``vuorovaikutus``); with the municipalities named the state may
    only be the setting ("kunnat ja hyvinvointialueet neuvottelevat vuokrista keskenään"), and
    as a source ("Ministeriön mukaan vuoropuhelu alueella on parantunut") it reports on them."""
    if not found:
        return []
    sentence_of = sentence_numbers(rows)
    kept = {sentence_of[i] for i in found if not rows[i].inner.isdisjoint(MUNICIPAL_SIDE)}
    for k, i in enumerate(where):  # the state as a source: "Ministeriön (selvityksen) mukaan"
        if rows[i].low == _ACCORDING and any(
            _is_state(rows, where, j) for j in range(max(0, k - 2), k)
        ):
            kept.add(sentence_of[i])
    return [i for i in found if sentence_of[i] not in kept]


def _officials_apart(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The elected officials (also as a compound part, and "poliittinen") of a sentence with a
    verb that names neither a word of dealing with each other (:data:`TOGETHER_WORDS`, with
    "taso", the level of cooperation) nor both sides (a municipal and a county word): officials
    as a topic, the subject of a judgement or the holders of a power ("Aluevaltuutetuilla on
    päätösvaltaa", "paikallispoliitikkojen huoli", "laaja luottamushenkilöorganisaatio",
    "poliittinen veivaus"), not officials working together (codebook rule 6). A sentence
    without a verb is a list item ("Luottamushenkilöt: hyvä.") and keeps them."""
    officials = [
        i for i in where if not rows[i].inner.isdisjoint(OFFICIALS) or rows[i].norm == _POLITICAL
    ]
    return _apart(rows, where, officials, OFFICIALS, elections=True)


def _own_meetings(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words "kokous" (the word itself, not "yhteiskokous"), "seminaari" and "foorumi"
    (also as compound heads, which count by their other parts: "yhteisseminaari" keeps) of a
    sentence with a verb that names neither a word of dealing with each other or of attending
    (:data:`TOGETHER_WORDS`: "yhteinen", "kanssa", "osallistua", "edustaja", "kutsua") nor both
    sides: one body's own meeting as the setting of its business ("Valtuusto ei käsitellyt
    asiaa tässä kokouksessa", "valtuutettu jätti kokouksessa eriävän mielipiteen") or an event
    or network of others ("alueen monialainen seminaari onnistui", "valmiusfoorumi yhdistää
    200 toimijaa"), not the parties meeting (``tapaamiset``: codebook rule 6)."""
    found = [
        i for i in where if rows[i].norm == _MEETING or not rows[i].heads.isdisjoint(_GATHERINGS)
    ]
    return _apart(rows, where, found, _GATHERINGS)


def _apart(
    rows: list[TokenRow],
    where: list[int],
    found: list[int],
    own: frozenset[str],
    *,
    elections: bool = False,
) -> list[int]:
    """Of the token indices ``found``, those in a sentence with a verb that has no word of
    dealing with each other (:data:`TOGETHER_WORDS`) and does not name both sides (a word of
    :data:`MUNICIPAL_SIDE` and one of :data:`COUNTY_SIDE`). A found word counts by its other
    compound parts, not by itself or its ``own`` terms ("luottamushenkilöyhteistyö" and
    "yhteisseminaari" keep, "kokous" and "valmiusfoorumi" do not). With ``elections``, both
    sides keep no sentence about an election (:data:`ELECTION_WORDS`, votes: a found word's
    own parts count, "aluevaalivaltuutettu"): "emme saaneet omaa valtuutettua aluevaltuustoon
    läpi, kommentoi kunnanjohtaja" names the elected, not officials working together."""
    if not found:
        return []
    sentence_of = sentence_numbers(rows)
    mine = set(found)
    kept: set[int] = set()  # sentences where the parties may be dealing with each other
    verbs: set[int] = set()
    municipal: set[int] = set()
    county: set[int] = set()
    elected: set[int] = set()
    for i in where:
        row = rows[i]
        s = sentence_of[i]
        words = row.inner - own - {row.norm} if i in mine else row.inner | {row.norm}
        if not words.isdisjoint(TOGETHER_WORDS):
            kept.add(s)
        if not words.isdisjoint(MUNICIPAL_SIDE):
            municipal.add(s)
        if not words.isdisjoint(COUNTY_SIDE):
            county.add(s)
        if row.verb:
            verbs.add(s)
        if elections and (not row.inner.isdisjoint(ELECTION_WORDS) or row.low in ELECTION_FORMS):
            elected.add(s)
    kept |= (municipal & county) - elected
    return [i for i in found if sentence_of[i] in verbs and sentence_of[i] not in kept]


def _named_topics(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of a clause (between commas) with a topic noun in the essive
    (:data:`TOPIC_NOUNS`: "aiheena", "teemana"), unless its owner (the genitives and essive
    attributes just before the noun, joined by "ja"; a seminar or forum counts by its other
    parts) or the rest of the sentence has a word of dealing with each other or names both
    sides: the topic of an event or a text ("Seminaarin aiheena oli … työnjako",
    "kirjoituskilpailun aiheena oli osallisuus"), not the parties cooperating (codebook rule
    6). The parties' event keeps its topic
    ("osallistuin yhdyspintaseminaariin, jonka teemana oli yhteinen tilannekuva", "kunnan ja
    alueen yhteisen seminaarin aiheena"); so does a dispute's matter ("kiistan aiheena":
    CODING.md M11, a dispute word is among the owners)."""
    n = len(where)
    sentence_of = sentence_numbers(rows)
    # per word: dealing together (1), municipal (2), county (4); per sentence: the counts
    flags = [_side_flags(rows[i]) for i in where]
    counts: dict[int, list[int]] = {}
    for k, i in enumerate(where):
        total = counts.setdefault(sentence_of[i], [0, 0, 0])
        for bit in range(3):
            total[bit] += flags[k] >> bit & 1
    out: list[int] = []
    start = 0
    for k in range(1, n + 1):
        if k < n and not crosses(rows, where, k - 1, k, CLAUSE_MARKS):
            continue
        clause = range(start, k)
        start = k
        nouns = [j for j in clause if _is_topic_noun(rows[where[j]])]
        if not nouns:
            continue
        owners: list[int] = []
        j = nouns[0] - 1
        while j >= clause.start and (
            rows[where[j]].genitive or _ESSIVE in rows[where[j]].cases or rows[where[j]].low in _AND
        ):
            owners.append(j)
            j -= 1
        # the sentence's counts without the clause, with its owners
        rest = list(counts[sentence_of[where[nouns[0]]]])
        for t in clause:
            for bit in range(3):
                rest[bit] -= flags[t] >> bit & 1
        for t in owners:  # an event counts by its other parts ("yhteisseminaari" keeps)
            owner = _side_flags(rows[where[t]], _GATHERINGS)
            for bit in range(3):
                rest[bit] += owner >> bit & 1
        if rest[0] or (rest[1] and rest[2]):
            continue
        out += [where[t] for t in clause]
    return out


def _is_topic_noun(row: TokenRow) -> bool:
    """A topic noun in the essive ("aiheena", "teemana")."""
    return row.norm in TOPIC_NOUNS and _ESSIVE in row.cases


def _side_flags(row: TokenRow, own: frozenset[str] = frozenset()) -> int:
    """Whether a word deals with each other or is a dispute (bit 1), names the municipal side
    (bit 2) or the county side (bit 4); ``own`` words do not count ("seminaari" as the owner
    of a topic)."""
    words = (row.inner | {row.norm}) - own
    return (
        (0 if words.isdisjoint(_TOGETHER_OR_DISPUTE) else 1)
        | (0 if words.isdisjoint(MUNICIPAL_SIDE) else 2)
        | (0 if words.isdisjoint(COUNTY_SIDE) else 4)
    )


def _own_approvals(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of a clause (between commas) in which a body approves, decides on or handles
    (:data:`_APPROVE`) its own document (:data:`OWN_DOCUMENTS` as a whole word: a budget, a
    strategy, its welfare report, as subject or object or what is decided on; not
    "Aluevaltuusto hyväksyi palvelustrategian", the services of both) and no municipal word
    or service network is named: one body approving its own budget or strategy ("Aluevaltuusto
    hyväksyi ensi vuoden talousarvion", "strategia hyväksyttiin aluevaltuustossa", "päätti
    hyvinvointialuestrategiasta") is its own business, not a decision between the parties
    (``paatoksenteko``: codebook §5, CODING.md M4). A clause that proposes it ("Aluehallitus
    esitti, että aluevaltuusto hyväksyy …") goes with the "että" clause."""
    out: list[int] = []
    start = 0
    n = len(where)
    previous: list[int] = []  # the clause before, unless it names the municipal side
    for k in range(1, n + 1):
        if k < n and not crosses(rows, where, k - 1, k, CLAUSE_MARKS):
            continue
        clause = [where[t] for t in range(start, k)]
        start = k
        approve = document = other = False
        for i in clause:
            row = rows[i]
            approve = approve or row.norm in _APPROVE
            document = document or bool(row.norm in OWN_DOCUMENTS and row.cases & _OBJECT_CASES)
            other = other or not row.inner.isdisjoint(MUNICIPAL_SIDE) or _NETWORK in row.inner
        if approve and document and not other:
            out += clause
            if rows[clause[0]].norm == THAT:
                out += previous
        previous = [] if other else clause
    return out


def _information_things(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The "tieto" compounds with a thing as their head (:data:`THING_HEADS`:
    "tietojärjestelmä", "asiakastietojärjestelmä", "tietosuoja") in a sentence without the
    parties together (see :func:`_apart`): one body's system or protection ("valtion
    KEHA-keskuksen tarjoama asiakastietojärjestelmä"), not information shared between the
    parties; "hyvinvointialueen ja kuntien tietojärjestelmät eivät keskustele keskenään"
    keeps."""
    things = [
        i
        for i in where
        if _KNOWLEDGE in rows[i].inner and not rows[i].heads.isdisjoint(THING_HEADS)
    ]
    return _apart(rows, where, things, frozenset({_KNOWLEDGE}))


__all__ = [
    "CLIENT_WORDS",
    "COMMUNICATION_WORDS",
    "CONTACT_PERSONS",
    "COUNTY_SIDE",
    "ENCOUNTER_WORDS",
    "ENDING_VERBS",
    "EVENT_HEADS",
    "IT_WORDS",
    "MINUTES_HEADINGS",
    "MUNICIPAL_SIDE",
    "OTHER_PLACE_MODIFIERS",
    "OWNER_WINDOW",
    "PUBLIC_WORDS",
    "STATE_DECIDERS",
    "TOGETHER_WORDS",
    "topic_blocks",
]
