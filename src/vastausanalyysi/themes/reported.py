"""Whose judgment a clause gives: a court's acts and views, and claims that the writer rejects.

Codebook §3 conventions 5 and 7: what a court or a legal overseer does or finds is a legal
description ("hallinto-oikeus ei tutki valituksia", "hallinto-oikeuden mukaan päätös ei ollut
lainvastainen", "oikeuskansleri katsoi, että aika oli liian lyhyt"), and a claim that the writer
rejects ("Väite, ettei kuntia kuultu, ei pidä paikkaansa", "On perätöntä väittää, että …") says
the opposite of what it claims. :func:`clause_roles` gives each clause of a text its role; the
polarity rules drop the cues of a court's clause and of a rebuttal, and turn those of a rejected
claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from vastausanalyysi.themes.aims import opens_that
from vastausanalyysi.themes.clauses import sentence_numbers
from vastausanalyysi.themes.cue_context import COURTS
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Roles of a clause (:func:`clause_roles`).
COURT, REBUTTAL, CLAIM = "court", "rebuttal", "claim"
#: Verbs of a view or a finding whose "että" clause gives it ("katsoi, että …").
VIEW_VERBS = rule_words("view_verbs")
#: Nouns of a claim whose "että" clause is what is claimed ("väite, ettei …").
CLAIM_NOUNS = rule_words("claim_nouns")


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


def clause_roles(rows: list[TokenRow], clauses: Sequence[tuple[int, int]]) -> dict[int, str]:
    """The role of each clause (by index) that has one: :data:`COURT`, :data:`REBUTTAL` or
    :data:`CLAIM`. An "että" clause after a court's clause of a view verb ("KHO katsoi, että
    …") is the court's too. A rejected claim is the "että" clause right after a rebuttal that
    opens its sentence ("Ei ole totta, että …"), or the clauses of the sentence before a
    rebuttal back to the one with a claim noun ("Väite, ettei …, ei pidä paikkaansa")."""
    roles: dict[int, str] = {}
    numbers: list[int] | None = None
    for k, (start, end) in enumerate(clauses):
        span = rows[start:end]
        if not span:
            continue
        if court_clause(span) or (
            roles.get(k - 1) == COURT
            and opens_that(span[0])
            and any(r.nlemma in VIEW_VERBS for r in rows[clauses[k - 1][0] : clauses[k - 1][1]])
        ):
            roles[k] = COURT
            continue
        if not _rebuttal(span):
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
    "CLAIM",
    "CLAIM_NOUNS",
    "COURT",
    "COURTS",
    "REBUTTAL",
    "VIEW_VERBS",
    "clause_roles",
    "court_clause",
]
