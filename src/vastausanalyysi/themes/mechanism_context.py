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
speakers in a council, not officials of both sides working together (codebook rule 6). And, by
sentence: in a sentence about a lease ("vuokrasopimus", "vuokrata", "vuokrataso")
an agreement word ("sopimus", "sopia") is the lease, a premises deal, not joint planning
(CODING.md M5): it gives no ``suunnitelmallisuus``; a word of moving there moves the lease
("vuokrasopimukset siirtyvät hyvinvointialueelle"), no ``tyonjako``.

One pass over the words with set look-ups; a frame looks at most :data:`WINDOW` words away.
"""

from __future__ import annotations

from vastausanalyysi.themes.clauses import SENTENCE_END, sentence_numbers
from vastausanalyysi.themes.tokens import TokenRow, remember, rule_words

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
PLAN_WINDOW = 6
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
#: Who may answer for something besides the organisations ("vastaa kiinteistön omistaja").
RESPONSIBLE_PARTIES = ORGANISATIONS | rule_words("responsible_parties")
#: How far what a party answers for may stand in the elative ("vastaa … tukemisesta").
RESPONSIBLE_WINDOW = 6
#: What "seurata" follows up when it is a plan's follow-up (compound heads).
FOLLOWED_UP = rule_words("followed_up")
#: Verbs of telling: their allative names the party told ("kunnalle ei kerrottu").
TELL_VERBS = rule_words("tell_verbs")
#: Words of a decision or an intention in what a party is told: a decision announced.
ANNOUNCED_DECISIONS = rule_words("announced_decisions")
#: "että" as a lemma (also the "ett" of "ettei"): the start of what is said, agreed or decided
THAT = "että"
#: Words of assessing (compound heads): with "vaikutus" an impact assessment.
ASSESS_WORDS = rule_words("assess_words")
#: How far "vaikutus" may stand from a word of assessing ("vaikutuksia kuntiin ei ole arvioitu").
ASSESS_WINDOW = 4
#: Verbs of closing or cutting a service: decided or proposed, a decision between the parties.
CLOSURE_VERBS = rule_words("closure_verbs")
#: Verbs of deciding or proposing before a closure's infinitive ("päätti lakkauttaa").
DECIDING_VERBS = rule_words("deciding_verbs")
#: Closing or cutting as a noun: with a verb of deciding or a word of planning near it.
CLOSURE_NOUNS = rule_words("closure_nouns")
#: Words of planning that make a closure noun a plan ("on suunnitteilla keskittäminen").
PLANNING_WORDS = rule_words("planning_words")
#: How far a closure noun may stand from its verb of deciding or word of planning.
PLANNING_WINDOW = 7
#: How many words away a frame's two words may be.
WINDOW = 3
_ALLATIVE = "ulkotulento"
_INESSIVE = "sisaolento"
ELATIVE = "sisaeronto"
#: Agreement words that a lease sentence blocks
_AGREEING = rule_words("agreeing_words")
#: Words of moving that a lease sentence blocks (the verbs and their nouns: "siirto")
_MOVING = TRANSFER_VERBS | rule_words("transfer_nouns")
#: "yhdessä", "erikseen", "keskenään", and "yhteistyössä" in the inessive (not "yhteistyötä")
_JOINTLY = rule_words("jointly_words")
#: Endings of the passive present participle in the translative ("hoidettavaksi")
_FOR_PARTY = ("ttavaksi", "ttäväksi", "ttaviksi", "ttäviksi")
ILLATIVE = "sisatulento"
_TO_CASES = frozenset({_ALLATIVE, ILLATIVE})  # allative, illative
_IMPACT = "vaikutus"
_ANSWER = "vastata"
_FOLLOW = "seurata"
#: Answering for the cooperation itself names a contact person ("yhteistyöstä vastaa
#: strategiajohtaja": ``vastuuhenkilot``), not whose task a service is.
_CONTACT_WORK = frozenset({"yhteistyö", "yhteydenpito", "kuntayhteistyö", "yhdyspintatyö"})
NOMINATIVE = "nimento"
#: Marks that end a clause part: a comma, a dash, a colon or a sentence end.
CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", *SENTENCE_END})
_STAY_CASES = frozenset({_ALLATIVE, "ulkoolento"})  # allative, adessive

#: (code, token indices, rule)
Frame = tuple[str, list[int], str]


def mechanism_frames(rows: list[TokenRow], where: list[int]) -> list[Frame]:
    """The frames found in a text: ``rows`` are its token rows, ``where`` the token indices of
    its words in order."""
    found: list[Frame] = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        norm = row.norm
        if norm in TELL_VERBS:
            told = told_party(rows, where, k, n)
            if told is not None:
                group = sorted((i, where[told]))
                found.append(("tietopohja", group, f"frame:{norm} + to {rows[where[told]].norm}"))
                decided = _announced(rows, where, max(k, told), n)
                if decided is not None:
                    found.append(("paatoksenteko", [*group, decided], f"frame:{norm} + decision"))
        elif norm == _FOLLOW:
            for j in near_words(rows, where, k, n):
                followed = rows[where[j]]
                if followed.heads & FOLLOWED_UP or followed.norm in FOLLOWED_UP:
                    group = sorted((i, where[j]))
                    found.append(("suunnitelmallisuus", group, "frame:seurata + plan"))
                    break
        elif norm == _ANSWER and _answers_for(rows, where, k, n):
            found.append(("tyonjako", [i], "frame:vastata + elative"))
        elif (not row.keys.isdisjoint(CLOSURE_VERBS) or norm in CLOSURE_NOUNS) and closure_decided(
            rows, where, k
        ):
            found.append(("paatoksenteko", [i], f"frame:{norm} decided"))
        elif _IMPACT in row.heads:
            for j in near_words(rows, where, k, n, ASSESS_WINDOW):
                if rows[where[j]].heads & ASSESS_WORDS:
                    group = sorted((i, where[j]))
                    found.append(("tietopohja", group, "frame:vaikutus + arvio"))
                    break
        if norm in ORGANISATIONS and row.genitive and k + 1 < n:
            # "jäi kunnan hoidettavaksi", "siirtyi hyvinvointialueen järjestettäväksi": a task
            # given to a party, the passive participle in the translative after its genitive
            nxt = rows[where[k + 1]]
            if nxt.low.endswith(_FOR_PARTY) and not crosses(rows, where, k, k + 1):
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
            for j in near_words(rows, where, k, n):
                other = rows[where[j]].norm
                if (allative and (other in BELONG_VERBS or other in TASK_NOUNS)) or (
                    j > k and other in TRANSFER_VERBS and not _premises_near(rows, where, j, n)
                ):
                    group = sorted((i, where[j]))
                    found.append(("tyonjako", group, f"frame:{other} + to {norm}"))
                    break
        elif norm in _JOINTLY and (norm != "yhteistyö" or _INESSIVE in row.cases):
            for j in near_words(rows, where, k, n, PLAN_WINDOW):
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


def mechanism_blocks(rows: list[TokenRow], where: list[int]) -> dict[str, set[int]]:
    """Token indices per code that give that code nothing in their context: the agreement
    words of a sentence about a lease (``suunnitelmallisuus``), elected officials counted as a
    survey's respondents, "luottamushenkilöistä 40 %" or in a sentence about a survey, or
    speaking in a council (``luottamushenkilot``: codebook rule 6), a dispute over a matter
    (``vuorovaikutus``), "vastata" as answering, not answering for (``tyonjako``:
    "Kyselyyn vastasi 212 kuntaa"), and "kuulua" of membership ("kuuluu
    hyvinvointialueeseen"). The blocks of words that name a topic are
    :func:`vastausanalyysi.themes.mechanism_topics.topic_blocks`."""
    blocks: dict[str, set[int]] = {}
    flags = 0  # which kinds of word the text has (most texts: none)
    for i in where:
        flags |= _row_flags(rows[i])
    if flags & _OFFICIAL:
        counted = [i for i in where if _respondent_share(rows, i)] + _surveyed(rows, where)
        counted += _speakers(rows, where)
        if counted:
            blocks["luottamushenkilot"] = set(counted)
    if flags & _DISPUTE:
        disputed = _disputes_over(rows, where)
        if disputed:
            blocks["vuorovaikutus"] = set(disputed)
    if flags & _ANSWERING:
        n = len(where)
        answering = [
            where[k]
            for k in range(n)
            if rows[where[k]].norm == _ANSWER and _answering(rows, where, k, n)
        ]
        if answering:
            blocks["tyonjako"] = set(answering)
    if flags & _BELONGING:
        members = _memberships(rows, where)
        if members:
            blocks.setdefault("tyonjako", set()).update(members)
    if not flags & _LEASE:  # most texts: no sentence split
        return blocks
    sentence: list[int] = []  # token indices of the current sentence's agreement words
    moving: list[int] = []  # and of its words of moving
    rescue: list[int] = []  # and of its rescue services
    lease = False
    last = -1
    for i in where:
        if last >= 0 and any(rows[t].text in SENTENCE_END for t in range(last + 1, i)):
            if lease:
                _lease_blocks(blocks, sentence, moving, rescue)
            sentence, moving, rescue, lease = [], [], [], False
        last = i
        row = rows[i]
        if _is_lease(row):
            lease = True
        if row.norm in _AGREEING or "sopimus" in row.heads:
            sentence.append(i)
        if row.norm in _MOVING:
            moving.append(i)
        if not row.inner.isdisjoint(_RESCUE):
            rescue.append(i)
    if lease:
        _lease_blocks(blocks, sentence, moving, rescue)
    return blocks


#: Rescue services (compound parts): in a lease sentence they name whose premises are leased.
_RESCUE = frozenset({"pelastus", "pelastustoimi", "pelastuslaitos", "paloasema"})


def _lease_blocks(
    blocks: dict[str, set[int]], agreeing: list[int], moving: list[int], rescue: list[int]
) -> None:
    """Block a lease sentence's agreement words (the lease: ``suunnitelmallisuus``), its words
    of moving ("vuokrasopimukset siirtyvät hyvinvointialueelle": a lease moving is a premises
    deal, not a task moving between the parties, ``tyonjako``) and its rescue services ("paloaseman
    vuokrasopimus": premises, not preparedness, ``varautuminen``; CODING.md R3)."""
    if agreeing:
        blocks.setdefault("suunnitelmallisuus", set()).update(agreeing)
    if moving:
        blocks.setdefault("tyonjako", set()).update(moving)
    if rescue:
        blocks.setdefault("varautuminen", set()).update(rescue)


def _surveyed(rows: list[TokenRow], where: list[int]) -> list[int]:
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


def _disputes_over(rows: list[TokenRow], where: list[int]) -> list[int]:
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
        for j in near_words(rows, where, k, n):
            a, b = min(j, k), max(j, k)
            if crosses(rows, where, a, b, CLAUSE_MARKS):
                continue
            other = rows[where[j]]
            if ELATIVE in other.cases or other.norm in DISPUTE_MATTER:
                out.append(i)
                break
    return out


def _speakers(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The elected officials in the nominative that a verb of speaking follows within
    :data:`SPEAKER_WINDOW` words of the same clause: speakers in a council ("valtuutettu
    kysyi", "Valtuutettu Heikki Rantasalo kysyi"), not their cooperation (codebook rule 6)."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        if not (row.heads & OFFICIALS and NOMINATIVE in row.cases) or row.genitive:
            continue
        for j in range(k + 1, min(n, k + SPEAKER_WINDOW + 1)):
            nxt = rows[where[j]]
            if nxt.low in _CLAUSE_LINKS or crosses(rows, where, j - 1, j, CLAUSE_MARKS):
                break
            if nxt.norm in SPEECH_VERBS:
                out.append(i)
                break
    return out


def _respondent_share(rows: list[TokenRow], i: int) -> bool:
    """Whether the word at token ``i`` is an elected official in the elative followed by a
    number or a per cent sign: a share of the respondents ("valtuutetuista 40 %")."""
    row = rows[i]
    if not (row.heads & OFFICIALS and ELATIVE in row.cases):
        return False
    return any(r.like_num or r.text == "%" for r in rows[i + 1 : i + 3])


#: The kinds of word that :func:`mechanism_blocks` looks further for, as bits of a row's flags.
_OFFICIAL, _DISPUTE, _LEASE, _ANSWERING, _BELONGING = 1, 2, 4, 8, 16
_BELONG = "kuulua"
_ROW_FLAGS: dict[TokenRow, int] = {}


def _memberships(rows: list[TokenRow], where: list[int]) -> list[int]:
    """ "kuulua" with an organisation in the illative within three words after it ("Kuntamme
    kuuluu Varsinais-Suomen hyvinvointialueeseen"): membership, not whose task it is (the
    allative, "kuuluu kunnalle", is); both words."""
    found: list[int] = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].norm != _BELONG:
            continue
        for j in range(k + 1, min(n, k + 4)):
            other = rows[where[j]]
            if crosses(rows, where, k, j, CLAUSE_MARKS):
                break
            if not other.inner.isdisjoint(ORGANISATIONS) and ILLATIVE in other.cases:
                if _ALLATIVE not in other.cases:
                    found += [i, where[j]]
                break
    return found


def _row_flags(row: TokenRow) -> int:
    """Whether ``row`` is an elected official, a word of disputing or of leasing, as bits
    (cached by the row: equal tokens share one)."""
    flags = _ROW_FLAGS.get(row)
    if flags is None:
        flags = (
            (_OFFICIAL if row.heads & OFFICIALS else 0)
            | (_DISPUTE if row.norm in DISPUTE_WORDS else 0)
            | (_LEASE if _is_lease(row) else 0)
            | (_ANSWERING if row.norm == _ANSWER and row.verb else 0)
            | (_BELONGING if row.norm == _BELONG else 0)
        )
        remember(_ROW_FLAGS, row, flags)
    return flags


def _is_lease(row: TokenRow) -> bool:
    """A word of leasing: "vuokra" as a compound part or, for an unknown word, its start; not a
    company ("vuokrataloyhtiö" is a party's housing company, a party to agreements)."""
    if "yhtiö" in row.heads:
        return False
    return "vuokra" in row.inner or row.norm.startswith("vuokra")


def _negation_before(rows: list[TokenRow], where: list[int], k: int) -> int | None:
    """The position of a third-person negation verb at most three words before position ``k``
    ("koulu ei siis välttämättä tiedä")."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if rows[where[j]].low in THIRD_PERSON_NEGATION and not crosses(rows, where, j, k):
            return j
    return None


def _party_before(rows: list[TokenRow], where: list[int], k: int) -> bool:
    """Whether a party (an organisation, a school) is named at most :data:`WINDOW` words before
    position ``k`` in the same sentence: "koulu ei tiedä", "kunnissa ei tiedetä"."""
    for j in range(k - 1, max(-1, k - WINDOW - 1), -1):
        if crosses(rows, where, j, k):
            break
        if rows[where[j]].norm in PARTIES:
            return True
    return False


def _answers_for(rows: list[TokenRow], where: list[int], k: int, n: int) -> bool:
    """Whether "vastata" at position ``k`` has a party within :data:`WINDOW` words and what it
    answers for in the elative within :data:`RESPONSIBLE_WINDOW` words of its clause (not a
    party: "kunnista vastasi 40" counts respondents)."""
    if not any(_is_subject_party(rows[where[j]]) for j in near_words(rows, where, k, n)):
        return False
    near = [
        j
        for j in near_words(rows, where, k, n, RESPONSIBLE_WINDOW)
        if not crosses(rows, where, min(j, k), max(j, k), CLAUSE_MARKS)
        and not any(rows[where[t]].low in _CLAUSE_LINKS for t in range(min(j, k) + 1, max(j, k)))
    ]
    if any(ILLATIVE in rows[where[j]].cases for j in near if j > k):
        return False  # "vastata kunnan aloitteeseen": to answer something
    return any(
        _answered_for(rows[where[j]]) and not rows[where[j]].heads & _CONTACT_WORK for j in near
    )


def _answered_for(row: TokenRow) -> bool:
    """What "vastata" answers for: a word in the elative that is no party and no number."""
    return ELATIVE in row.cases and row.norm not in PARTIES and not row.like_num


def _answering(rows: list[TokenRow], where: list[int], k: int, n: int) -> bool:
    """Whether "vastata" at position ``k`` is answering, not answering for something: what is
    answered stands in the illative in its clause ("Kaupunki vastasi kirjeeseen", "Kyselyyn
    vastasi 212 kuntaa") or the respondents are counted ("27 kunnasta 20 vastasi"), and
    nothing it answers for stands in the elative ("kunta vastaa kouluihin liittyvistä
    palveluista" is whose task they are: ``tyonjako``)."""
    near = [
        j
        for j in near_words(rows, where, k, n, RESPONSIBLE_WINDOW)
        if not crosses(rows, where, min(j, k), max(j, k), CLAUSE_MARKS)
    ]
    if any(_answered_for(rows[where[j]]) for j in near):
        return False
    at = where[k]
    counted = any(rows[t].like_num for t in range(max(0, at - 2), min(len(rows), at + 3)))
    return counted or any(ILLATIVE in rows[where[j]].cases for j in near)


#: Ending of the conditional passive: a plan's or a draft's closure ("lakkautettaisiin").
_PLANNED = "isiin"
#: Endings of the passive participle in the translative: proposed for it ("suljettavaksi").
_PROPOSED = ("vaksi", "väksi", "viksi")


def closure_decided(rows: list[TokenRow], where: list[int], k: int) -> bool:
    """Whether the closure verb at position ``k`` is being decided (codebook §5: a decision one
    party made or announced that affects the other, and its preparation): planned in the
    conditional passive ("luonnoksen mukaan vuodeosasto lakkautettaisiin"), proposed ("esittää
    suljettavaksi") or after a verb of deciding or proposing ("valtuusto päätti lakkauttaa",
    "suunnittelee sulkevansa"); a closure noun near a verb of deciding or a word of planning
    ("esittää vuodeosaston lakkauttamista", "on suunnitteilla keskittäminen").
    Not a closure reported as a fact ("neuvola suljettiin", "palvelut on keskitetty": the team's
    coding keeps those a topic) or named as one ("sulkeminen huolestuttaa")."""
    row = rows[where[k]]
    low = row.low
    if row.norm in CLOSURE_NOUNS:
        # "esittää vuodeosaston lakkauttamista", "on suunnitteilla keskittäminen"
        return any(
            rows[where[j]].nlemma in DECIDING_VERBS or rows[where[j]].norm in PLANNING_WORDS
            for j in near_words(rows, where, k, len(where), PLANNING_WINDOW)
            if not crosses(rows, where, min(j, k), max(j, k), CLAUSE_MARKS)
        )
    if row.verb and low.endswith(_PLANNED) and row.conditional:
        return True
    if "present_passive" in row.participle and low.endswith(_PROPOSED):
        return True
    # "päätti lakkauttaa", "suunnittelee sulkevansa"
    return (
        ("A-infinitive" in row.moods or "present_active" in row.participle)
        and k > 0
        and rows[where[k - 1]].nlemma in DECIDING_VERBS
        and not crosses(rows, where, k - 1, k, CLAUSE_MARKS)
    )


def _is_subject_party(row: TokenRow) -> bool:
    """Whether a word is a party that can be the subject: in the nominative, not a genitive
    ("Hyvinvointialue ei vastaa", "vastaa kiinteistön omistaja", "kuka vastaa")."""
    return row.norm in RESPONSIBLE_PARTIES and NOMINATIVE in row.cases and not row.genitive


def told_party(rows: list[TokenRow], where: list[int], k: int, n: int) -> int | None:
    """The position of a party in the allative or illative within :data:`WINDOW` words of the
    verb of telling at position ``k``: the one told."""
    for j in near_words(rows, where, k, n):
        row = rows[where[j]]
        if row.cases & _TO_CASES and row.norm in ORGANISATIONS:
            return j
    return None


def _announced(rows: list[TokenRow], where: list[int], k: int, n: int) -> int | None:
    """The token index of a word of deciding or intending (:data:`ANNOUNCED_DECISIONS`) in the
    "että" clause after position ``k`` in its sentence: the party is told of a decision
    ("ilmoitti kaupungille, ettei se ole halukas jatkamaan sopimusta"), which is decision-making
    between the parties as well as information (codebook §5, CODING.md M7)."""
    that = False
    for j in range(k + 1, n):
        if crosses(rows, where, j - 1, j):
            return None
        row = rows[where[j]]
        that = that or row.norm == THAT
        if that and row.norm in ANNOUNCED_DECISIONS:
            return where[j]
    return None


def _asks_who(rows: list[TokenRow], where: list[int], k: int) -> bool:
    """Whether "kuka" or "kumpi" follows within two words: not knowing whom to contact or who
    is in charge is a matter of contact persons or division of work (CODING.md M3, M11)."""
    return any(rows[where[j]].norm in _WHO for j in range(k + 1, min(len(where), k + 3)))


def _stay_verb(rows: list[TokenRow], where: list[int], k: int, n: int) -> int | None:
    """The position of a verb of staying within :data:`WINDOW` words of position ``k``, if no
    premises are named near it ("tilat jäävät kunnalle" is a premises matter)."""
    for j in near_words(rows, where, k, n):
        if rows[where[j]].norm in STAY_VERBS and not _premises_near(rows, where, j, n):
            return j
    return None


def _premises_near(rows: list[TokenRow], where: list[int], k: int, n: int) -> bool:
    """Whether premises are named within :data:`WINDOW` words of position ``k``: premises
    passing to the county are a premises matter, not a division of work (CODING.md R3)."""
    return any(rows[where[j]].heads & PREMISES for j in near_words(rows, where, k, n))


def near_words(
    rows: list[TokenRow], where: list[int], k: int, n: int, window: int = WINDOW
) -> list[int]:
    """Word positions within ``window`` of position ``k`` in the same sentence, nearest
    first."""
    out = []
    for d in range(1, window + 1):
        for j in (k - d, k + d):
            if 0 <= j < n and not crosses(rows, where, min(j, k), max(j, k)):
                out.append(j)
    return out


def crosses(
    rows: list[TokenRow],
    where: list[int],
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
    "CLAUSE_MARKS",
    "CLOSURE_NOUNS",
    "CLOSURE_VERBS",
    "DECIDING_VERBS",
    "ELATIVE",
    "FOLLOWED_UP",
    "ILLATIVE",
    "NOMINATIVE",
    "OFFICIALS",
    "ORGANISATIONS",
    "PARTIES",
    "PLANNING_WINDOW",
    "PLANNING_WORDS",
    "PLAN_HEADS",
    "PLAN_WINDOW",
    "PREMISES",
    "RESPONSIBLE_PARTIES",
    "RESPONSIBLE_WINDOW",
    "STAY_VERBS",
    "TASK_NOUNS",
    "TELL_VERBS",
    "THAT",
    "TRANSFER_VERBS",
    "WINDOW",
    "Frame",
    "closure_decided",
    "crosses",
    "mechanism_blocks",
    "mechanism_frames",
    "near_words",
    "told_party",
]
