"""Whose judgment a clause gives: a court's acts and views, and claims that the writer rejects.

Codebook §3 conventions 5 and 7: what a court or a legal overseer does or finds is a legal
description ("hallinto-oikeus ei tutki valituksia", "hallinto-oikeuden mukaan päätös ei ollut
lainvastainen", "oikeuskansleri katsoi, että aika oli liian lyhyt"), and a claim that the writer
rejects ("Väite, ettei kuntia kuultu, ei pidä paikkaansa", "On perätöntä väittää, että …") says
the opposite of what it claims. Convention 5 also makes survey method a description: an
indirect question after a verb of asking ("Kuntaliitto kysyi, missä asioissa yhteistyö sujuu ja
mitkä asiat vaativat kehittämistä", "kysyi, onko sulkemista valmisteltu") asks, it does not judge.
:func:`clause_roles` gives each clause of a text its role; the polarity rules drop the cues of a
court's clause, a rebuttal and a question, and turn those of a rejected claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from vastausanalyysi.themes.aims import opens_that
from vastausanalyysi.themes.clauses import QUESTION_OPENERS, sentence_numbers
from vastausanalyysi.themes.cue_context import COURTS
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Roles of a clause (:func:`clause_roles`).
COURT, REBUTTAL, CLAIM, QUESTION = "court", "rebuttal", "claim", "question"
#: Verbs of a view or a finding whose "että" clause gives it ("katsoi, että …").
VIEW_VERBS = rule_words("view_verbs")
#: Nouns of a claim whose "että" clause is what is claimed ("väite, ettei …").
CLAIM_NOUNS = rule_words("claim_nouns")
#: Words of asking or finding out, whose indirect question clause asks ("kysyi, onko …").
ASKING_VERBS = rule_words("asking_verbs")
#: Verbs of telling after a passive request: "vastaajia pyydettiin kuvaamaan …" (survey method).
TELLING_VERBS = rule_words("telling_verbs")
#: Praise or thanks that may be for the survey itself ("Hyvä että kysytte", "Kiitos kun
#: kysyitte"), the survey and its questions ("Hyvä kysymys"), verbs of surveying, and words that
#: may stand beside such praise without a topic of their own ("On todella hyvä, että …").
SURVEY_PRAISE = rule_words("survey_praise")
SURVEY_NOUNS = rule_words("survey_nouns")
SURVEY_VERBS = rule_words("survey_verbs")
PRAISE_FILLERS = rule_words("praise_fillers")
_AND_OR = frozenset({"ja", "sekä", "tai", "vai"})
_PASSIVE_ASKING = "pyydet"  # "pyydetään", "pyydettiin"


def _court(row: TokenRow, span: Sequence[TokenRow], k: int) -> bool:
    """A court or a legal overseer as the subject, or in "X:n (päätöksen) mukaan"."""
    if row.nlemma not in COURTS:
        return False
    if not row.cases or "nimento" in row.cases:
        return True
    return row.genitive and any(
        span[j].low == "mukaan" for j in range(k + 1, min(k + 3, len(span)))
    )


def court_clause(span: Sequence[TokenRow]) -> bool:
    """A clause whose subject is a court or a legal overseer ("hallinto-oikeus ei tutki
    valituksia", "KHO hylkäsi kunnan valituksen") or that gives its view ("hallinto-oikeuden
    mukaan päätös ei ollut lainvastainen"): a legal description (codebook §3 conv. 5)."""
    return any(_court(row, span, k) for k, row in enumerate(span))


def _rebuttal(span: Sequence[TokenRow]) -> bool:
    """ "ei pidä paikkaansa", "ei ole totta", "perätön": the writer denies a claim."""
    return any(
        row.nlemma == "perätön"
        or (
            row.low in ("paikkaansa", "paikkansa", "totta")
            and any(span[j].nlemma == "ei" for j in range(max(0, k - 3), k))
        )
        for k, row in enumerate(span)
    )


def _first_person(row: TokenRow) -> bool:
    """A first-person form ("kysyn", "kysyisin", "kysymme"): the writer's own, often rhetorical,
    question; the passive ("kysytään", "kysyttiin") and the third person are not."""
    low = row.low
    return low.endswith("mme") or (low.endswith("n") and not low.endswith(("aan", "ään", "iin")))


def _asks(span: Sequence[TokenRow]) -> bool:
    """A clause with a word of asking, a verb in the third person or the passive ("Kuntaliitto
    kysyi kuntajohtajilta", "esitti kysymyksen")."""
    return any(r.nlemma in ASKING_VERBS and not (r.verb and _first_person(r)) for r in span)


def _opens_question(span: Sequence[TokenRow]) -> bool:
    """A clause that opens with a question word or a verb with the question clitic ("onko",
    "valmistellaanko"), after "ja"/"sekä"/"tai" too ("… ja mitkä asiat vaativat …")."""
    first: TokenRow | None = None
    after_and = False
    for r in span:  # its first word, or the one after a first "ja"
        if not r.word:
            continue
        if not after_and and r.low in _AND_OR:
            after_and = True
            continue
        first = r
        break
    if first is None:
        return False
    return first.low in QUESTION_OPENERS or (
        first.verb and len(first.low) > 3 and first.low.endswith(("ko", "kö"))
    )


def question_clause(span: Sequence[TokenRow]) -> bool:
    """A clause of survey method: a passive request to tell ("vastaajia pyydettiin kuvaamaan
    onnistumisia ja haasteita")."""
    return any(
        r.low.startswith(_PASSIVE_ASKING)
        and any(t.nlemma in TELLING_VERBS for t in span[k + 1 : k + 4])
        for k, r in enumerate(span)
    )


def _in(row: TokenRow, words: frozenset[str]) -> bool:
    return row.nlemma in words or row.low in words


def _opens_praised(row: TokenRow) -> bool:
    """ "että" or "kun": the word that opens what the praise is for ("Hyvä että kysytte")."""
    return opens_that(row) or row.low == "kun"


def survey_praise(rows: list[TokenRow], clauses: Sequence[tuple[int, int]], k: int) -> int:
    """How many clauses from the ``k``-th on praise or thank for the survey itself, not for the
    cooperation (0 if it does not): "Hyvä kysymys", "Hyvä että kysytte", "Kiitos, kun asiaa
    kartoitetaan" (two clauses: the praise and what it praises). Only praise words and fillers
    may come before the survey noun or the "että"/"kun" clause with a verb of surveying, so
    "Yhteistyö on hyvää, kun asioista kysytään" still judges the cooperation."""
    start, end = clauses[k]
    words = [r for r in rows[start:end] if r.word]
    cut = next((j for j, r in enumerate(words) if _opens_praised(r)), len(words))
    head = words[:cut]
    if not any(_in(r, SURVEY_PRAISE) for r in head) or not all(
        _in(r, SURVEY_PRAISE) or _in(r, PRAISE_FILLERS) or _in(r, SURVEY_NOUNS) for r in head
    ):
        return 0
    if cut < len(words):  # "Hyvä että kysytte" in one clause
        return int(any(r.nlemma in SURVEY_VERBS for r in words[cut + 1 :]))
    if any(_in(r, SURVEY_NOUNS) for r in head):
        return 1  # "Hyvä kysymys", "Kiitos hyvästä kyselystä"
    if k + 1 < len(clauses):  # "Hyvä, että kysytte": the next clause of the sentence
        first, last = clauses[k + 1]
        after = [r for r in rows[first:last] if r.word]
        if after and _opens_praised(after[0]) and any(r.nlemma in SURVEY_VERBS for r in after):
            numbers = sentence_numbers(rows)
            return 2 if numbers[first] == numbers[start] else 0
    return 0


_REBUTTED = frozenset(("paikkaansa", "paikkansa", "totta"))


def _may_have_role(span: list[TokenRow]) -> bool:
    """Whether a clause has a word without which :func:`court_clause`, :func:`question_clause`
    and :func:`_rebuttal` are all false (one pass instead of three; most clauses have none)."""
    for r in span:
        nlemma = r.nlemma
        if (
            nlemma in COURTS
            or nlemma == "perätön"
            or r.low in _REBUTTED
            or r.low.startswith(_PASSIVE_ASKING)
        ):
            return True
    return False


def clause_roles(rows: list[TokenRow], clauses: Sequence[tuple[int, int]]) -> dict[int, str]:
    """The role of each clause (by index) that has one: :data:`COURT`, :data:`REBUTTAL`,
    :data:`CLAIM` or :data:`QUESTION` (an indirect question after a clause of the same sentence
    that asks, or that follows such a question; a passive request to tell). An "että" clause
    after a court's clause of a view verb ("KHO katsoi, että …") is the court's too. A rejected
    claim is the "että" clause right after a rebuttal that opens its sentence ("Ei ole totta,
    että …"), or the clauses of the sentence before a rebuttal back to the one with a claim
    noun ("Väite, ettei …, ei pidä paikkaansa")."""
    roles: dict[int, str] = {}
    numbers: list[int] | None = None
    praised_to = 0  # clauses before this one praise the survey (:func:`survey_praise`)
    for k, (start, end) in enumerate(clauses):
        span = rows[start:end]
        if not span or k < praised_to:
            continue
        if any(_in(r, SURVEY_PRAISE) for r in span) and (
            praised := survey_praise(rows, clauses, k)
        ):
            praised_to = k + praised
            for j in range(k, praised_to):
                roles[j] = QUESTION  # "Hyvä että kysytte": about the survey (conv. 5)
            continue
        may = _may_have_role(span)
        if (may and court_clause(span)) or (
            roles.get(k - 1) == COURT
            and opens_that(span[0])
            and any(r.nlemma in VIEW_VERBS for r in rows[clauses[k - 1][0] : clauses[k - 1][1]])
        ):
            roles[k] = COURT
            continue
        if may and question_clause(span):
            roles[k] = QUESTION  # "vastaajia pyydettiin kuvaamaan …"
            continue
        if (
            k > 0
            and _opens_question(span)
            and (roles.get(k - 1) == QUESTION or _asks(rows[clauses[k - 1][0] : clauses[k - 1][1]]))
        ):
            numbers = numbers or sentence_numbers(rows)
            if numbers[clauses[k - 1][0]] == numbers[start]:
                roles[k] = QUESTION  # "kysyi, onko …", "… ja mitkä asiat vaativat …"
                continue
        if not (may and _rebuttal(span)):
            continue
        roles[k] = REBUTTAL
        numbers = numbers or sentence_numbers(rows)
        sentence = numbers[start]
        earlier = [
            j for j in range(k - 1, max(-1, k - 4), -1) if numbers[clauses[j][0]] == sentence
        ]
        if not earlier:  # the rebuttal opens its sentence: the claim follows
            if k + 1 < len(clauses) and opens_that(rows[clauses[k + 1][0]]):
                roles[k + 1] = CLAIM
            continue
        for j in earlier:
            roles[j] = CLAIM
            if any(r.nlemma in CLAIM_NOUNS for r in rows[clauses[j][0] : clauses[j][1]]):
                break
        else:
            # no claim noun: only an "että" clause right before ("se, että …, ei pidä …")
            for j in earlier:
                del roles[j]
            if opens_that(rows[clauses[k - 1][0]]):
                roles[k - 1] = CLAIM
    return roles


__all__ = [
    "ASKING_VERBS",
    "CLAIM",
    "CLAIM_NOUNS",
    "COURT",
    "COURTS",
    "PRAISE_FILLERS",
    "QUESTION",
    "QUESTION_OPENERS",
    "REBUTTAL",
    "SURVEY_NOUNS",
    "SURVEY_PRAISE",
    "SURVEY_VERBS",
    "TELLING_VERBS",
    "VIEW_VERBS",
    "clause_roles",
    "court_clause",
    "question_clause",
]
