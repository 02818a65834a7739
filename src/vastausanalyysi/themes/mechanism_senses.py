"""Mechanism words in another sense: someone else's business, a thing, a skill, a press line.

A mechanism word can stand in a sentence that is not about the parties at all, or be part of a
compound that names something else (codebook §4 rules 3 and 6). :func:`sense_blocks` finds, by
what the word does in its sentence or compound:

- a sentence about firms, unions or employers (:data:`PRIVATE_ACTORS`; "yritys" only as a
  compound's head, alone it is also "an attempt") that names no party (a municipal or county
  word, a school …): their agreement, negotiation, contact person or information is their own
  business ("Kaksi ohjelmistoyritystä allekirjoitti sopimuksen"), not the parties' cooperation.
  A party's own company ("vuokrataloyhtiö": :data:`OWN_COMPANIES`) is not a private actor;
- collective bargaining (a compound with :data:`LABOUR_BARGAINING`: "työehtosopimusneuvottelut"):
  employers and unions negotiating, not the parties' meetings or agreements; so is a sentence
  with a union or staff organisation (:data:`LABOUR_UNIONS`: "Hyvinvointialueen ja
  työntekijäjärjestöjen neuvottelut paikallisesta sopimuksesta"), whose negotiation, agreement
  or organisation is no meeting, joint plan, dealing or participation (a task moving stays);
- an interface of a system ("ohjelmointirajapinta", "järjestelmän rajapinta": :data:`SYSTEM_WORDS`
  as the modifier or as the genitive before it): a technical interface, not ``tyonjako``;
- a mechanism word as the modifier of a skill ("vuorovaikutustaidot": :data:`SKILL_HEADS`) or of
  a building ("seurakuntatalo": :data:`BUILDING_HEADS`), and a decision on one client's case
  ("sijoituspäätös": :data:`CASEWORK_MODIFIERS`): a skill, premises, casework; and a thing
  brought to an end ("saatiin päätökseen": :func:`brought_to_end`), no decision;
- an overlap avoided or prevented (:data:`OVERLAP_WORDS` within three words of the same
  clause of :data:`AVOIDING_WORDS`: "ilman päällekkäisiä arviointeja", "ettei synny
  päällekkäisyyksiä"): an aim, not the division of work (an overlap that exists or was reduced
  stays ``tyonjako``: "vähensi päällekkäisyyksiä" says the division improved);
- the press line "Lisätietoja antaa …" (:data:`PRESS_WORDS` with "antaa" or a colon in its
  clause): the contact for the press, not a contact person between the parties, nor
  information passing between them.

One pass over the words with set look-ups; a sentence is looked at only for a text with such a
word (the caller gates on :data:`SENSE_WORDS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from vastausanalyysi.themes.clauses import sentence_numbers
from vastausanalyysi.themes.counterfactual import brought_to_end
from vastausanalyysi.themes.mechanism_context import (
    CLAUSE_MARKS,
    ORGANISATIONS,
    PARTIES,
    crosses,
    near_words,
)
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Firms, unions and employers (compound heads): a sentence with one and no party is their
#: business.
PRIVATE_ACTORS = rule_words("private_actors")
_FIRM = "yritys"
#: Modifiers that make a company a party's own ("vuokrataloyhtiö", "kiinteistöyhtiö").
OWN_COMPANIES = rule_words("own_company_modifiers")
#: Compound parts of collective bargaining ("työehtosopimusneuvottelu").
LABOUR_BARGAINING = rule_words("labour_bargaining")
#: Unions and staff organisations (compound heads): a sentence with one is labour relations.
LABOUR_UNIONS = rule_words("labour_unions")
#: The codes that labour relations give nothing (a task moving is still ``tyonjako``).
LABOUR_BLOCKED = ("tapaamiset", "suunnitelmallisuus", "vuorovaikutus", "osallisuus")
#: Systems and software (compound parts): their "rajapinta" is a technical interface.
SYSTEM_WORDS = rule_words("system_words")
_INTERFACE = "rajapinta"
#: Heads that make a mechanism word a skill ("vuorovaikutustaito").
SKILL_HEADS = rule_words("skill_heads")
#: Heads that make a mechanism word a building ("seurakuntatalo").
BUILDING_HEADS = rule_words("building_heads")
#: Modifiers that make a decision one client's case ("sijoituspäätös").
CASEWORK_MODIFIERS = rule_words("casework_modifiers")
_DECISION = "päätös"
#: Overlap of work or services (lemmas).
OVERLAP_WORDS = rule_words("overlap_words")
#: Words of avoiding or preventing: an overlap near one is avoided, an aim.
AVOIDING_WORDS = rule_words("avoiding_words")
_NOT, _SO_THAT = "ei", "että"
#: Words of a press line ("Lisätietoja antaa …").
PRESS_WORDS = rule_words("press_words")
_GIVE = "antaa"
#: The codes of cooperating that another's business gives nothing.
COOPERATING = (
    "tapaamiset",
    "vastuuhenkilot",
    "suunnitelmallisuus",
    "tietopohja",
    "vuorovaikutus",
    "tyonjako",
)
#: Every mechanism: a building, a skill or a bargaining compound names none of them.
MECHANISMS = (*COOPERATING, "luottamushenkilot", "paatoksenteko", "osallisuus")
#: The words that some finder of this module looks for (lemmas and compound parts).
SENSE_WORDS = (
    PRIVATE_ACTORS | LABOUR_BARGAINING | LABOUR_UNIONS | SKILL_HEADS | BUILDING_HEADS | PRESS_WORDS
    | OVERLAP_WORDS | {_FIRM, _INTERFACE, _DECISION}
)  # fmt: skip


def sense_blocks(rows: list[TokenRow], where: list[int], vocab: set[str]) -> dict[str, set[int]]:
    """Token indices per code whose words stand in another sense (see the module's docstring):
    ``rows`` are a text's token rows, ``where`` the token indices of its words in order,
    ``vocab`` the text's words among :data:`SENSE_WORDS`."""
    blocks: dict[str, set[int]] = {}

    def add(codes: Sequence[str], found: list[int]) -> None:
        for code in codes if found else ():
            blocks.setdefault(code, set()).update(found)

    if not vocab.isdisjoint(PRIVATE_ACTORS) or _FIRM in vocab:
        add(COOPERATING, _private_business(rows, where))
    if not vocab.isdisjoint(LABOUR_UNIONS):
        add(LABOUR_BLOCKED, _labour_relations(rows, where))
    if not vocab.isdisjoint(LABOUR_BARGAINING | SKILL_HEADS | BUILDING_HEADS):
        add(MECHANISMS, [i for i in where if _other_thing(rows[i])])
    if _DECISION in vocab:
        found = [i for i in where if _casework(rows[i]) or brought_to_end(rows, i, 0)]
        add(("paatoksenteko",), found)
    if _INTERFACE in vocab:
        add(("tyonjako",), _system_interfaces(rows, where))
    if not vocab.isdisjoint(OVERLAP_WORDS):
        add(("tyonjako",), _overlaps_avoided(rows, where))
    if not vocab.isdisjoint(PRESS_WORDS):
        add(("vastuuhenkilot", "tietopohja"), _press_lines(rows, where))
    return blocks


def _is_private(row: TokenRow) -> bool:
    """Whether a word names a firm, a union or an employer and no party ("hoitajaliitto",
    "ohjelmistoyritys"; not "Kuntaliitto", "vuokrataloyhtiö" or "yritys" alone)."""
    if not row.inner.isdisjoint(ORGANISATIONS) or not row.modifiers.isdisjoint(OWN_COMPANIES):
        return False
    return not row.heads.isdisjoint(PRIVATE_ACTORS) or (_FIRM in row.heads and row.norm != _FIRM)


def _private_business(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of the sentences that name a firm, a union or an employer and no party (an
    organisation as a compound part, or one of :data:`PARTIES`): "Kaksi ohjelmistoyritystä
    allekirjoitti sopimuksen yhteisestä markkinointikampanjasta" is not the parties' joint
    planning, "Yhtiön tietosuojan vastuuhenkilönä toimii talousjohtaja" no contact person
    between them (codebook rule 6)."""
    sentence_of = sentence_numbers(rows)
    private: set[int] = set()
    party: set[int] = set()
    for i in where:
        row = rows[i]
        if _is_private(row):
            private.add(sentence_of[i])
        elif not row.inner.isdisjoint(ORGANISATIONS) or row.norm in PARTIES:
            party.add(sentence_of[i])
    apart = private - party
    return [i for i in where if sentence_of[i] in apart] if apart else []


def _labour_relations(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of the sentences with a union or staff organisation (:data:`LABOUR_UNIONS`):
    labour relations ("Hyvinvointialueen ja työntekijäjärjestöjen neuvottelut paikallisesta
    sopimuksesta jatkuvat"), not the parties' meetings or agreements."""
    sentence_of = sentence_numbers(rows)
    labour = {sentence_of[i] for i in where if not rows[i].heads.isdisjoint(LABOUR_UNIONS)}
    return [i for i in where if sentence_of[i] in labour] if labour else []


def _other_thing(row: TokenRow) -> bool:
    """Whether a compound names collective bargaining, a skill or a building with a mechanism
    word as its modifier ("työehtosopimusneuvottelut", "vuorovaikutustaidot",
    "seurakuntatalo"): not the parties' meeting, dealings or participation."""
    if not row.inner.isdisjoint(LABOUR_BARGAINING):
        return True
    if row.norm in SKILL_HEADS or row.norm in BUILDING_HEADS:
        return False  # the head alone ("taito", "talo") carries no mechanism
    return not (row.heads.isdisjoint(SKILL_HEADS) and row.heads.isdisjoint(BUILDING_HEADS))


def _casework(row: TokenRow) -> bool:
    """Whether a decision is one client's case ("sijoituspäätös", "etuuspäätös"): casework, not
    decision-making between the parties."""
    return _DECISION in row.heads and not row.modifiers.isdisjoint(CASEWORK_MODIFIERS)


def _system_interfaces(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words "rajapinta" (also as a compound head) of a system: a system word as its
    modifier ("ohjelmointirajapinta", "järjestelmärajapinta") or a system in the genitive just
    before it ("Ajanvarausjärjestelmän rajapinta"): a technical interface, not the boundary
    between the parties' tasks (``tyonjako``)."""
    out = []
    for k, i in enumerate(where):
        row = rows[i]
        if _INTERFACE not in row.heads:
            continue
        before = rows[where[k - 1]] if k > 0 else None
        if not row.modifiers.isdisjoint(SYSTEM_WORDS) or (
            before is not None
            and before.genitive
            and not before.heads.isdisjoint(SYSTEM_WORDS)
            and not crosses(rows, where, k - 1, k, CLAUSE_MARKS)
        ):
            out.append(i)
    return out


def _overlaps_avoided(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The overlap words (:data:`OVERLAP_WORDS`) with a word of avoiding or preventing
    (:data:`AVOIDING_WORDS`, lemma or form: "ilman", "ettei") within three words of the same
    clause: an overlap avoided is an aim, not the division of work."""
    out = []
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].norm not in OVERLAP_WORDS:
            continue
        for j in near_words(rows, where, k, n):
            other = rows[where[j]]
            avoids = other.norm in AVOIDING_WORDS or other.low in AVOIDING_WORDS
            if not avoids and other.low == _NOT and j > 0:  # "ettei" split as "ett" + "ei"
                avoids = rows[where[j - 1]].norm == _SO_THAT
            if avoids and not crosses(rows, where, min(j, k), max(j, k), CLAUSE_MARKS):
                out.append(i)
                break
    return out


def _press_lines(rows: list[TokenRow], where: list[int]) -> list[int]:
    """The words of a sentence whose press word (:data:`PRESS_WORDS`: "lisätieto") has "antaa"
    in its clause or a colon after it ("Lisätietoja antaa tapahtuman yhteyshenkilö …",
    "Lisätiedot: …"): the press contact of an announcement."""
    sentence_of = sentence_numbers(rows)
    lines: set[int] = set()
    n = len(where)
    for k, i in enumerate(where):
        if rows[i].heads.isdisjoint(PRESS_WORDS):
            continue
        if i + 1 < len(rows) and rows[i + 1].text == ":":
            lines.add(sentence_of[i])
            continue
        for j in (*range(k - 1, max(-1, k - 4), -1), *range(k + 1, min(n, k + 4))):
            a, b = min(j, k), max(j, k)
            if rows[where[j]].norm == _GIVE and not crosses(rows, where, a, b, CLAUSE_MARKS):
                lines.add(sentence_of[i])
                break
    return [i for i in where if sentence_of[i] in lines] if lines else []


__all__ = [
    "AVOIDING_WORDS",
    "BUILDING_HEADS",
    "CASEWORK_MODIFIERS",
    "COOPERATING",
    "LABOUR_BARGAINING",
    "LABOUR_BLOCKED",
    "LABOUR_UNIONS",
    "MECHANISMS",
    "OVERLAP_WORDS",
    "OWN_COMPANIES",
    "PRESS_WORDS",
    "PRIVATE_ACTORS",
    "SENSE_WORDS",
    "SKILL_HEADS",
    "SYSTEM_WORDS",
    "sense_blocks",
]
