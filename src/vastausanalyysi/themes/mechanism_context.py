"""Mechanism frames that lemma phrases cannot state: they need a word's case or person.

The codebook's phrases match lemmas, so they cannot tell "tehtävä kuuluu kunnalle" (whose task
it is: ``tyonjako``) from "hyvinvointialueeseen kuuluvat kunnat" (member municipalities), nor
"koulu ei tiedä" (information that does not reach a party: ``tietopohja``) from a respondent's
"en tiedä". Three kinds of frame, each within one sentence and a few words (codebook §2, rule 7):

- an organisation in the allative ("kunnalle", "hyvinvointialueelle") next to a verb of
  belonging or to a task noun, or in the allative or illative before a verb of moving:
  ``tyonjako`` ("kuuluu edelleen kunnalle", "kunnille tuli uusia velvoitteita", "kuntiin
  siirtyneet TE-palvelut"); so is an organisation in the genitive before a passive participle
  in the translative ("jäi kunnan hoidettavaksi"), and one in the adessive or allative next to
  a verb of staying, premises aside ("säilyy jatkossakin kunnilla");
- a plan, programme or goal within :data:`PLAN_WINDOW` words of "yhdessä" or of
  "yhteistyössä" (the inessive; "yhteistyötä" names cooperation as a topic), or of "erikseen"
  or "keskenään", plans made apart or not fitting together ("suunnitelmat eivät keskustele
  keskenään"): ``suunnitelmallisuus`` ("suunnitelma on rakennettu yhteistyössä kuntien kanssa");
- "tietää" negated in the third person or the passive after a party ("koulu ei tiedä",
  "kunnissa ei tiedetä"; not "kukaan ei tiedä, kuka …", a contact or division matter), or
  "tietämättä": ``tietopohja``;
- a verb of telling next to a party in the allative or illative, the one who is told
  ("kunnalle ei kerrottu", "ei ole esitelty kaupungille", "kuntiin ei ilmoiteta"): information
  passing between the parties, ``tietopohja``. Not a board or a council: "kunnanjohtaja kertoi
  valtuustolle" is a party's own business;
- "vastata" with what one answers for in the elative (within :data:`RESPONSIBLE_WINDOW` words
  of its clause) and a party near it ("Hyvinvointialue ei vastaa kunnan liikuntapaikoista",
  "kunnossapidosta vastaa kiinteistön omistaja"): who is responsible, ``tyonjako``; "vastata
  kyselyyn" (the illative: to answer) is not;
- "seurata" within :data:`WINDOW` words of what a plan follows up (:data:`FOLLOWED_UP`:
  "mittarit, joita seurataan", "sovittuja toimenpiteitä ei kukaan seuraa"): the verb of the
  codebook's "seuranta", ``suunnitelmallisuus``;
- "vaikutus" (also as a compound head) within :data:`ASSESS_WINDOW` words of a word of
  assessing, in either order ("vaikutuksia kuntiin ei ole arvioitu", "arvio
  lapsivaikutuksista"): an impact assessment, ``tietopohja`` (codebook §2).

Blocks: a dispute with what is disputed in the elative ("tiloista kiistellään", "kiistelevät
siitä, kenelle …", "kiista työhuoneiden vuokrista"), or with its matter or cause named ("kiistan
aihe", "on aiheuttanut kiistaa"), is coded by that matter (premises, costs,
whose task: CODING.md M11), not as the parties' dealings; a dispute on its own ("keskinäinen
kiistely", "julkinen kiista") stays ``vuorovaikutus``. Elected officials as the subject of a
verb of speaking ("valtuutettu kysyi",
"Valtuutettu Heikki Rantasalo kysyi kyselytunnilla", "kaupunginvaltuutetut vaativat") are
speakers in a council, not officials of both sides working together (codebook rule 6); so are
officials in a sentence with a verb that has no word of dealing with each other and does not
name both sides ("Aluevaltuutetuilla on päätösvaltaa", "paikallispoliitikkojen huoli"): a topic,
not their cooperation. A sentence that names the state deciding or legislating (the government,
a ministry, a bill: :data:`STATE_DECIDERS`) gives no ``paatoksenteko``: "Hallituksen lakiesitys
on lausuntokierroksella" is the state's procedure. A word of informing near a word of the public
(residents, the media, parties and candidates) or opening an announcement ("Hyvinvointialue
tiedottaa: …") gives no ``tietopohja``, unless a party is told in the allative, nor does "tieto"
about contact persons ("tieto vastuuhenkilöistä": knowing the contacts). Residents in
"X:n mukaan" (according to: "asukkaiden tarpeiden mukaan") are the people served or the source
of a finding and give no ``osallisuus``. A clause in which a client or service user meets or
deals with someone ("oppilaat tapaavat psykologin koulussa") is a service encounter and gives
no ``tapaamiset`` or ``vuorovaikutus``; "tilaisuus" as a chance ("tilaisuus kuulla") or the
public's event ("asukkaille järjestetty kuulemistilaisuus") gives no ``tapaamiset``, nor does
one body's own meeting or an event of others, "kokous", "seminaari" or "foorumi" in a sentence
without the parties together ("Valtuusto ei käsitellyt asiaa tässä kokouksessa"). And, by
sentence: in a sentence about a lease ("vuokrasopimus", "vuokrata", "vuokrataso")
an agreement word ("sopimus", "sopia") is the lease, a premises deal, not joint planning
(CODING.md M5): it gives no ``suunnitelmallisuus``.

One pass over the words with set look-ups; a frame looks at most :data:`WINDOW` words away.
"""

from __future__ import annotations

from collections.abc import Sequence

from vastausanalyysi.themes.clauses import SENTENCE_END, sentence_numbers
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: The parties whose allative names who gets a task.
ORGANISATIONS = rule_words("organisations")
#: Verbs of belonging or of handing a task over ("kuuluu kunnalle", "sälytettiin kunnille",
#: "laissa säädetty kunnille").
BELONG_VERBS = rule_words("belong_verbs")
#: Verbs of a task moving, after the party it moves to ("kuntiin siirtyneet TE-palvelut",
#: "hyvinvointialueelle siirretyt kuraattorit"; the codebook's phrases have the verb first).
TRANSFER_VERBS = rule_words("transfer_verbs")
#: Verbs of a task staying with a party ("säilyy kunnilla", "pysyy hyvinvointialueella").
STAY_VERBS = rule_words("stay_verbs")
#: Plans, programmes and goals (compound heads): made "yhteistyössä" or "yhdessä" they are
#: joint planning ("hyvinvointisuunnitelma on rakennettu yhteistyössä kuntien kanssa").
PLAN_HEADS = rule_words("plan_heads")
#: How far a plan may stand from "yhteistyössä" / "yhdessä".
PLAN_WINDOW = 4
#: Premises words (compound heads): "hyvinvointialueille siirtyvät tilat" is not ``tyonjako``.
PREMISES = rule_words("premises")
#: Nouns of a task or duty ("kunnille tuli uusia velvoitteita").
TASK_NOUNS = rule_words("task_nouns")
#: Negation verbs of the third person (not "en", "emme": a respondent's own "en tiedä").
THIRD_PERSON_NEGATION = rule_words("third_person_negation")
#: Who may not know: the parties and their units ("koulu ei tiedä", "kunnissa ei tiedetä").
PARTIES = ORGANISATIONS | rule_words("other_parties")
#: "kuka", "kumpi" (and the lemmas of "kehen", "keneen"): not knowing whom to ask or who leads
_WHO = rule_words("who_words")
#: Elected officials (compound heads), counted as respondents by :func:`mechanism_blocks`.
OFFICIALS = rule_words("officials")
#: Words of disputing: with an elative complement the dispute is about a matter.
DISPUTE_WORDS = rule_words("dispute_words")
#: Words naming what a dispute is about or what caused it ("kiistan aihe", "aiheuttanut
#: kiistaa"): with one the dispute is about a matter.
DISPUTE_MATTER = rule_words("dispute_matter")
#: Verbs of speaking: an elected official as their subject is a speaker, not cooperation.
SPEECH_VERBS = rule_words("council_speech_verbs")
#: How many words may stand between an official and the verb of speaking (a name: two).
SPEAKER_WINDOW = 3
#: Words that end the subject's clause before its verb ("kiitteli valtuutettuja mutta kritisoi").
_CLAUSE_LINKS = frozenset({"mutta", "ja", "sekä", "että", "koska", "kun", "jotta", "vaan"})
#: Words of a survey: a sentence with one counts its elected officials as respondents.
SURVEY_WORDS = rule_words("survey_words")
#: The state deciding or legislating (compound heads): a sentence with one is about the state's
#: decisions, not decision-making between the parties ("Hallituksen lakiesitykseen
#: lausuntokierroksen jälkeen tekemät muutokset"; codebook rule 6).
STATE_DECIDERS = rule_words("state_deciders")
_GOVERNMENT = "hallitus"
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
#: Who may answer for something besides the organisations ("vastaa kiinteistön omistaja").
RESPONSIBLE_PARTIES = ORGANISATIONS | rule_words("responsible_parties")
#: How far what a party answers for may stand in the elative ("vastaa … tukemisesta").
RESPONSIBLE_WINDOW = 6
#: What "seurata" follows up when it is a plan's follow-up (compound heads).
FOLLOWED_UP = rule_words("followed_up")
#: Verbs of telling: their allative names the party told ("kunnalle ei kerrottu").
TELL_VERBS = rule_words("tell_verbs")
#: Words of assessing (compound heads): with "vaikutus" an impact assessment.
ASSESS_WORDS = rule_words("assess_words")
#: How far "vaikutus" may stand from a word of assessing ("vaikutuksia kuntiin ei ole arvioitu").
ASSESS_WINDOW = 4
#: How many words away a frame's two words may be.
WINDOW = 3
_ALLATIVE = "ulkotulento"
_INESSIVE = "sisaolento"
_ELATIVE = "sisaeronto"
#: Agreement words that a lease sentence blocks
_AGREEING = rule_words("agreeing_words")
#: "yhdessä", "erikseen", "keskenään", and "yhteistyössä" in the inessive (not "yhteistyötä")
_JOINTLY = rule_words("jointly_words")
#: Endings of the passive present participle in the translative ("hoidettavaksi")
_FOR_PARTY = ("ttavaksi", "ttäväksi", "ttaviksi", "ttäviksi")
_ILLATIVE = "sisatulento"
_TO_CASES = frozenset({_ALLATIVE, _ILLATIVE})  # allative, illative
_IMPACT = "vaikutus"
_ANSWER = "vastata"
_FOLLOW = "seurata"
#: Answering for the cooperation itself names a contact person ("yhteistyöstä vastaa
#: strategiajohtaja": ``vastuuhenkilot``), not whose task a service is.
_CONTACT_WORK = frozenset({"yhteistyö", "yhteydenpito", "kuntayhteistyö", "yhdyspintatyö"})
_NOMINATIVE = "nimento"
_COMMA = frozenset({",", ";", ":", "–", "—", *SENTENCE_END})
_STAY_CASES = frozenset({_ALLATIVE, "ulkoolento"})  # allative, adessive

#: (code, token indices, rule)
Frame = tuple[str, list[int], str]


def mechanism_frames(rows: Sequence[TokenRow], where: Sequence[int]) -> list[Frame]:
    """The frames found in a text: ``rows`` are its token rows, ``where`` the token indices of
    its words in order."""
    found: list[Frame] = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        norm = row.norm
        if norm in TELL_VERBS:
            told = _told_party(rows, where, k, n)
            if told is not None:
                group = sorted((i, where[told]))
                found.append(("tietopohja", group, f"frame:{norm} + to {rows[where[told]].norm}"))
        elif norm == _FOLLOW:
            for j in _near(rows, where, k, n):
                followed = rows[where[j]]
                if followed.heads & FOLLOWED_UP or followed.norm in FOLLOWED_UP:
                    group = sorted((i, where[j]))
                    found.append(("suunnitelmallisuus", group, "frame:seurata + plan"))
                    break
        elif norm == _ANSWER and _answers_for(rows, where, k, n):
            found.append(("tyonjako", [i], "frame:vastata + elative"))
        elif _IMPACT in row.heads:
            for j in _near(rows, where, k, n, ASSESS_WINDOW):
                if rows[where[j]].heads & ASSESS_WORDS:
                    group = sorted((i, where[j]))
                    found.append(("tietopohja", group, "frame:vaikutus + arvio"))
                    break
        if norm in ORGANISATIONS and row.genitive and k + 1 < n:
            # "jäi kunnan hoidettavaksi", "siirtyi hyvinvointialueen järjestettäväksi": a task
            # given to a party, the passive participle in the translative after its genitive
            nxt = rows[where[k + 1]]
            if nxt.low.endswith(_FOR_PARTY) and not _crosses(rows, where, k, k + 1):
                found.append(("tyonjako", [i, where[k + 1]], f"frame:{norm} + -ttavaksi"))
                continue
        if norm in ORGANISATIONS and row.cases & _STAY_CASES:
            stay = _stay_verb(rows, where, k, n)
            if stay is not None:
                group = sorted((i, where[stay]))
                found.append(("tyonjako", group, f"frame:{rows[where[stay]].norm} + at {norm}"))
                continue
        if norm in ORGANISATIONS and row.cases & _TO_CASES:
            allative = _ALLATIVE in row.cases
            for j in _near(rows, where, k, n):
                other = rows[where[j]].norm
                if (allative and (other in BELONG_VERBS or other in TASK_NOUNS)) or (
                    j > k and other in TRANSFER_VERBS and not _premises_near(rows, where, j, n)
                ):
                    group = sorted((i, where[j]))
                    found.append(("tyonjako", group, f"frame:{other} + to {norm}"))
                    break
        elif (norm in _JOINTLY or row.low in _JOINTLY) and (
            norm != "yhteistyö" or _INESSIVE in row.cases
        ):
            # the word form too: the lemmatizer may read "erikseen" as "erä"
            for j in _near(rows, where, k, n, PLAN_WINDOW):
                plan = rows[where[j]]
                # "jonka tavoitteena on …" states a purpose, not a goal set together
                if plan.heads & PLAN_HEADS and "olento" not in plan.cases:
                    group = sorted((i, where[j]))
                    found.append(("suunnitelmallisuus", group, f"frame:plan + {row.low}"))
                    break
        elif norm == "tietää":
            if row.low.startswith("tietämättä"):
                found.append(("tietopohja", [i], "frame:tietämättä"))
                continue
            neg = _negation_before(rows, where, k)
            if (
                neg is not None
                and _party_before(rows, where, neg)
                and not _asks_who(rows, where, k)
            ):
                found.append(("tietopohja", [where[neg], i], "frame:ei tiedä"))
    return found


def mechanism_blocks(rows: Sequence[TokenRow], where: Sequence[int]) -> dict[str, set[int]]:
    """Token indices per code that give that code nothing in their context (codebook rule 6):

    - ``suunnitelmallisuus``: the agreement words of a sentence about a lease;
    - ``luottamushenkilot``: elected officials counted as a survey's respondents
      ("luottamushenkilöistä 40 %", a sentence about a survey), speaking in a council, or
      named as a topic;
    - ``paatoksenteko``: the words of a sentence about the state's decisions, and the heading
      of minutes ("Päätösehdotus: …");
    - ``tietopohja``: words of informing the public, "tieto" about contact persons, and one
      party's own foresight ("kuntien ennakointi");
    - ``osallisuus``: residents named in "X:n mukaan" (according to);
    - ``tapaamiset`` and ``vuorovaikutus``: the clauses of a service encounter, and
      (``tapaamiset``) events that are a chance or the public's, and one body's own meeting;
    - ``vuorovaikutus``: a dispute over a matter;
    - ``tyonjako``: another municipality as a place a service moves to ("naapurikuntaan"),
      and tasks ended ("tehtäviä lopetettaisiin")."""
    blocks: dict[str, set[int]] = {}
    counted = [i for i in where if _respondent_share(rows, i)] + _surveyed(rows, where)
    counted += _speakers(rows, where)
    counted += _officials_apart(rows, where)
    if counted:
        blocks["luottamushenkilot"] = set(counted)
    state = _state_decides(rows, where)
    first = where[0] if where else -1
    if (
        first >= 0
        and rows[first].norm in MINUTES_HEADINGS
        and first + 1 < len(rows)
        and rows[first + 1].text == ":"
    ):
        state.append(first)  # "Päätösehdotus: …", the minutes' heading
    if state:
        blocks["paatoksenteko"] = set(state)
    public = _informs_public(rows, where) + _knowing_contacts(rows, where)
    public += _own_foresight(rows, where)
    if public:
        blocks["tietopohja"] = set(public)
    served = _service_encounters(rows, where)
    if served:
        blocks.setdefault("tapaamiset", set()).update(served)
        blocks.setdefault("vuorovaikutus", set()).update(served)
    events = _public_events(rows, where) + _own_meetings(rows, where)
    if events:
        blocks.setdefault("tapaamiset", set()).update(events)
    source = _according_to(rows, where)
    if source:
        blocks["osallisuus"] = set(source)
    places = [
        i
        for i in where
        if not rows[i].heads.isdisjoint(ORGANISATIONS)
        and not rows[i].modifiers.isdisjoint(OTHER_PLACE_MODIFIERS)
    ]
    places += _tasks_ended(rows, where)
    if places:  # "neuvola siirtyi naapurikuntaan": a relocation
        blocks.setdefault("tyonjako", set()).update(places)
    disputed = _disputes_over(rows, where)
    if disputed:
        blocks["vuorovaikutus"] = set(disputed)
    if not any(_is_lease(rows[i]) for i in where):  # most texts: no sentence split
        return blocks
    sentence: list[int] = []  # token indices of the current sentence's agreement words
    lease = False
    last = -1
    for i in where:
        if last >= 0 and any(rows[t].text in SENTENCE_END for t in range(last + 1, i)):
            if lease and sentence:
                blocks.setdefault("suunnitelmallisuus", set()).update(sentence)
            sentence, lease = [], False
        last = i
        row = rows[i]
        if _is_lease(row):
            lease = True
        if row.norm in _AGREEING or "sopimus" in row.heads:
            sentence.append(i)
    if lease and sentence:
        blocks.setdefault("suunnitelmallisuus", set()).update(sentence)
    return blocks


def _surveyed(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The elected officials of a sentence with a survey word (:data:`SURVEY_WORDS`, also as
    a compound head): its respondents ("Kysely lähetettiin kaikille luottamushenkilöille",
    "kyselytutkimukseen vastanneet valtuutetut"; codebook rule 6), but not in the genitive:
    "luottamushenkilöiden yhteistyö" is the survey's topic, "luottamushenkilöiden näkemykset"
    what it asked."""
    officials = [i for i in where if rows[i].heads & OFFICIALS and not rows[i].genitive]
    if not officials:
        return []
    sentence_of = sentence_numbers(rows)  # one pass, whatever the number of officials
    surveyed = {
        sentence_of[j]
        for j, row in enumerate(rows)
        if row.norm in SURVEY_WORDS or not row.heads.isdisjoint(SURVEY_WORDS)
    }
    return [i for i in officials if sentence_of[i] in surveyed]


def _service_encounters(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
        if i < 0 or (clause and _crosses(rows, where, k - 1, k, _COMMA)):
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


def _public_events(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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


def _tasks_ended(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The task nouns (:data:`TASK_NOUNS`, as compound heads) within :data:`WINDOW` words of a
    verb of ending or cutting in the same clause (:data:`ENDING_VERBS`): tasks ended ("eräitä
    kuntien tehtäviä lopetettaisiin") are not divided between the parties (``tyonjako``)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].heads.isdisjoint(TASK_NOUNS):
            continue
        for j in _near(rows, where, k, n):
            if rows[where[j]].norm in ENDING_VERBS and not _crosses(
                rows, where, min(j, k), max(j, k), _COMMA
            ):
                out.append(i)
                break
    return out


def _according_to(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
        if k + 1 < n and _ILLATIVE in rows[where[k + 1]].cases:
            continue  # "ottaa asukkaan mukaan suunnitteluun": along into
        owners = []
        for j in (k - 1, k - 2):
            if j < 0 or not rows[where[j]].genitive or _crosses(rows, where, j, k, _COMMA):
                break
            owners.append(j)
        if owners and not rows[where[owners[-1]]].heads.isdisjoint(PUBLIC_WORDS):
            out.append(i)
            if len(owners) == 2:
                out.append(where[owners[0]])  # "palautteen" of "kuntalaisten palautteen mukaan"
    return out


def _knowing_contacts(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
            and not _crosses(rows, where, k - 1, k, _COMMA)
        ) or (
            after is not None
            and _ELATIVE in after.cases
            and not after.heads.isdisjoint(CONTACT_PERSONS)
            and not _crosses(rows, where, k, k + 1, _COMMA)
        ):
            out.append(i)
    return out


def _own_foresight(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The words "ennakointi" with a party in the genitive at most :data:`OWNER_WINDOW` words
    before them in the same clause, in a sentence without a word of dealing with each other
    and not naming both sides ("edellyttää kuntien aktiivista asumisen ennakointia"): one
    party's own foresight, not a knowledge base shared between the parties (``tietopohja``)."""
    owned = []
    for k, i in enumerate(where):
        if rows[i].norm != _FORESIGHT:
            continue
        for j in range(k - 1, max(-1, k - OWNER_WINDOW - 1), -1):
            if _crosses(rows, where, j, k, _COMMA):
                break
            if rows[where[j]].norm in ORGANISATIONS and rows[where[j]].genitive:
                owned.append(i)
                break
    return _apart(rows, where, owned, frozenset())


def _informs_public(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
        if row.heads.isdisjoint(COMMUNICATION_WORDS) and row.norm not in COMMUNICATION_WORDS:
            continue
        if _told_party(rows, where, k, n) is not None:
            continue
        near = _near(rows, where, k, n)
        if any(not rows[where[j]].heads.isdisjoint(PUBLIC_WORDS) for j in near) or (
            row.verb and _announces(rows, i)
        ):
            out.append(i)
    return out


def _announces(rows: Sequence[TokenRow], i: int) -> bool:
    """Whether the token after a verb at token ``i`` opens an announcement: a colon, or a comma
    and "että"."""
    after = [r for r in rows[i + 1 : i + 4] if not r.space]
    if not after or after[0].text not in _ANNOUNCE:
        return False
    return after[0].text == ":" or (len(after) > 1 and after[1].low == "että")


def _state_decides(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The words of the sentences that name the state deciding or legislating
    (:data:`STATE_DECIDERS`; "hallitus" with no genitive before it, which would make it a
    county's or a municipality's board): the government's bill and its consultation round are
    the state's decisions, not decision-making between the parties (codebook rule 6)."""
    found: set[int] = set()
    for k, i in enumerate(where):
        row = rows[i]
        norm = row.norm
        if norm == _GOVERNMENT:  # the word itself: "aluehallitus" is a county's board
            if k > 0 and rows[where[k - 1]].genitive:
                continue  # "hyvinvointialueen hallitus", "Kuntaliiton hallitus"
        elif norm not in STATE_DECIDERS and row.heads.isdisjoint(_STATE_HEADS):
            continue
        found.add(i)
    if not found:
        return []
    sentence_of = sentence_numbers(rows)
    stated = {sentence_of[i] for i in found}
    return [i for i in where if sentence_of[i] in stated]


def _officials_apart(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
    return _apart(rows, where, officials, OFFICIALS)


def _own_meetings(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
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
    rows: Sequence[TokenRow], where: Sequence[int], found: list[int], own: frozenset[str]
) -> list[int]:
    """Of the token indices ``found``, those in a sentence with a verb that has no word of
    dealing with each other (:data:`TOGETHER_WORDS`) and does not name both sides (a word of
    :data:`MUNICIPAL_SIDE` and one of :data:`COUNTY_SIDE`). A found word counts by its other
    compound parts, not by itself or its ``own`` terms ("luottamushenkilöyhteistyö" and
    "yhteisseminaari" keep, "kokous" and "valmiusfoorumi" do not)."""
    if not found:
        return []
    sentence_of = sentence_numbers(rows)
    mine = set(found)
    kept: set[int] = set()  # sentences where the parties may be dealing with each other
    verbs: set[int] = set()
    municipal: set[int] = set()
    county: set[int] = set()
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
    kept |= municipal & county
    return [i for i in found if sentence_of[i] in verbs and sentence_of[i] not in kept]


def _disputes_over(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The words of disputing with a word in the elative or a word naming the matter or its
    cause (:data:`DISPUTE_MATTER`) within :data:`WINDOW` words of the same clause, before or
    after: a dispute over a matter ("tiloista kiistellään", "kiistelevät siitä, kenelle …",
    "huone on jatkuva kiistan aihe", "vastuu on aiheuttanut kiistaa"), coded by the matter
    (CODING.md M11)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].norm not in DISPUTE_WORDS:
            continue
        for j in _near(rows, where, k, n):
            a, b = min(j, k), max(j, k)
            if _crosses(rows, where, a, b, _COMMA):
                continue
            other = rows[where[j]]
            if _ELATIVE in other.cases or other.norm in DISPUTE_MATTER:
                out.append(i)
                break
    return out


def _speakers(rows: Sequence[TokenRow], where: Sequence[int]) -> list[int]:
    """The elected officials in the nominative that a verb of speaking follows within
    :data:`SPEAKER_WINDOW` words of the same clause: speakers in a council ("valtuutettu
    kysyi", "Valtuutettu Heikki Rantasalo kysyi"), not their cooperation (codebook rule 6)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        if not (row.heads & OFFICIALS and _NOMINATIVE in row.cases) or row.genitive:
            continue
        for j in range(k + 1, min(n, k + SPEAKER_WINDOW + 1)):
            nxt = rows[where[j]]
            if nxt.low in _CLAUSE_LINKS or _crosses(rows, where, j - 1, j, _COMMA):
                break
            if nxt.norm in SPEECH_VERBS:
                out.append(i)
                break
    return out


def _respondent_share(rows: Sequence[TokenRow], i: int) -> bool:
    """Whether the word at token ``i`` is an elected official in the elative followed by a
    number or a per cent sign: a share of the respondents ("valtuutetuista 40 %")."""
    row = rows[i]
    if not (row.heads & OFFICIALS and _ELATIVE in row.cases):
        return False
    return any(r.like_num or r.text == "%" for r in rows[i + 1 : i + 3])


def _is_lease(row: TokenRow) -> bool:
    """A word of leasing: "vuokra" as a compound part or, for an unknown word, its start."""
    return "vuokra" in row.inner or row.norm.startswith("vuokra")


def _negation_before(rows: Sequence[TokenRow], where: Sequence[int], k: int) -> int | None:
    """The position of a third-person negation verb at most three words before position ``k``
    ("koulu ei siis välttämättä tiedä")."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if rows[where[j]].low in THIRD_PERSON_NEGATION and not _crosses(rows, where, j, k):
            return j
    return None


def _party_before(rows: Sequence[TokenRow], where: Sequence[int], k: int) -> bool:
    """Whether a party (an organisation, a school) is named at most :data:`WINDOW` words before
    position ``k`` in the same sentence: "koulu ei tiedä", "kunnissa ei tiedetä"."""
    for j in range(k - 1, max(-1, k - WINDOW - 1), -1):
        if _crosses(rows, where, j, k):
            break
        if rows[where[j]].norm in PARTIES:
            return True
    return False


def _answers_for(rows: Sequence[TokenRow], where: Sequence[int], k: int, n: int) -> bool:
    """Whether "vastata" at position ``k`` has a party within :data:`WINDOW` words and what it
    answers for in the elative within :data:`RESPONSIBLE_WINDOW` words of its clause (not a
    party: "kunnista vastasi 40" counts respondents)."""
    if not any(_is_subject_party(rows[where[j]]) for j in _near(rows, where, k, n)):
        return False
    near = [
        j
        for j in _near(rows, where, k, n, RESPONSIBLE_WINDOW)
        if not _crosses(rows, where, min(j, k), max(j, k), _COMMA)
        and not any(rows[where[t]].low in _CLAUSE_LINKS for t in range(min(j, k) + 1, max(j, k)))
    ]
    if any(_ILLATIVE in rows[where[j]].cases for j in near if j > k):
        return False  # "vastata kunnan aloitteeseen": to answer something
    for j in near:
        row = rows[where[j]]
        if (
            _ELATIVE in row.cases
            and row.norm not in PARTIES
            and not row.like_num
            and not row.heads & _CONTACT_WORK
        ):
            return True
    return False


def _is_subject_party(row: TokenRow) -> bool:
    """Whether a word is a party that can be the subject: in the nominative, not a genitive
    ("Hyvinvointialue ei vastaa", "vastaa kiinteistön omistaja", "kuka vastaa")."""
    return row.norm in RESPONSIBLE_PARTIES and _NOMINATIVE in row.cases and not row.genitive


def _told_party(rows: Sequence[TokenRow], where: Sequence[int], k: int, n: int) -> int | None:
    """The position of a party in the allative or illative within :data:`WINDOW` words of the
    verb of telling at position ``k``: the one told."""
    for j in _near(rows, where, k, n):
        row = rows[where[j]]
        if row.cases & _TO_CASES and row.norm in ORGANISATIONS:
            return j
    return None


def _asks_who(rows: Sequence[TokenRow], where: Sequence[int], k: int) -> bool:
    """Whether "kuka" or "kumpi" follows within two words: not knowing whom to contact or who
    is in charge is a matter of contact persons or division of work (CODING.md M3, M11)."""
    return any(rows[where[j]].norm in _WHO for j in range(k + 1, min(len(where), k + 3)))


def _stay_verb(rows: Sequence[TokenRow], where: Sequence[int], k: int, n: int) -> int | None:
    """The position of a verb of staying within :data:`WINDOW` words of position ``k``, if no
    premises are named near it ("tilat jäävät kunnalle" is a premises matter)."""
    for j in _near(rows, where, k, n):
        if rows[where[j]].norm in STAY_VERBS and not _premises_near(rows, where, j, n):
            return j
    return None


def _premises_near(rows: Sequence[TokenRow], where: Sequence[int], k: int, n: int) -> bool:
    """Whether premises are named within :data:`WINDOW` words of position ``k``: premises
    passing to the county are a premises matter, not a division of work (CODING.md R3)."""
    return any(rows[where[j]].heads & PREMISES for j in _near(rows, where, k, n))


def _near(
    rows: Sequence[TokenRow], where: Sequence[int], k: int, n: int, window: int = WINDOW
) -> list[int]:
    """Word positions within ``window`` of position ``k`` in the same sentence, nearest
    first."""
    out = []
    for d in range(1, window + 1):
        for j in (k - d, k + d):
            if 0 <= j < n and not _crosses(rows, where, min(j, k), max(j, k)):
                out.append(j)
    return out


def _crosses(
    rows: Sequence[TokenRow],
    where: Sequence[int],
    a: int,
    b: int,
    ends: frozenset[str] | None = None,
) -> bool:
    """Whether a sentence ends (or, with ``ends``, one of those marks stands) between the words at
    positions ``a`` < ``b``."""
    marks = SENTENCE_END if ends is None else ends
    return any(rows[t].text in marks for t in range(where[a] + 1, where[b]))


__all__ = [
    "ASSESS_WINDOW",
    "ASSESS_WORDS",
    "BELONG_VERBS",
    "CLIENT_WORDS",
    "COMMUNICATION_WORDS",
    "CONTACT_PERSONS",
    "COUNTY_SIDE",
    "ENCOUNTER_WORDS",
    "ENDING_VERBS",
    "EVENT_HEADS",
    "FOLLOWED_UP",
    "MINUTES_HEADINGS",
    "MUNICIPAL_SIDE",
    "OFFICIALS",
    "ORGANISATIONS",
    "OTHER_PLACE_MODIFIERS",
    "OWNER_WINDOW",
    "PARTIES",
    "PLAN_HEADS",
    "PLAN_WINDOW",
    "PREMISES",
    "PUBLIC_WORDS",
    "RESPONSIBLE_PARTIES",
    "RESPONSIBLE_WINDOW",
    "STATE_DECIDERS",
    "STAY_VERBS",
    "TASK_NOUNS",
    "TELL_VERBS",
    "TOGETHER_WORDS",
    "TRANSFER_VERBS",
    "WINDOW",
    "Frame",
    "mechanism_blocks",
    "mechanism_frames",
]
