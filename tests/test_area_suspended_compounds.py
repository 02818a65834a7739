"""A suspended first part of a compound is completed by the head of the compound after "ja",
"sekä" or "tai" (session eleven; read on a recovered real statement: "julkisten työvoima- ja
yrityspalveluiden järjestämisvastuu" named no employment area). Every sentence is team-written
for this test: the completed compound gives its code with the first part as evidence; the
second compound gives its own codes as before, and a first part that completes to no codebook
lemma gives nothing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Työvoima- ja yrityspalvelut siirtyvät kunnille.", "tyollisyys", True),
        ("Kunta järjestää työvoima- sekä yrityspalvelut.", "tyollisyys", True),
        ("Yritys- ja elinkeinopalvelut siirtyvät kunnille.", "tyollisyys", False),
        ("Kiinteistö- ja tilapalvelut siirtyivät alueelle.", "kiinteistot", True),
    ],
)
def test_a_suspended_first_part_is_completed(
    nlp: Language, tagger: RuleTagger, text: str, code: str, expected: bool
) -> None:
    result = tagger.tag_doc(nlp(text))
    assert (code in result.areas) is expected, result.evidence


def test_the_completed_compound_is_its_evidence(nlp: Language, tagger: RuleTagger) -> None:
    result = tagger.tag_doc(nlp("Julkiset työvoima- ja yrityspalvelut siirtyvät kunnille."))
    rules = [(e["surface"], e["rule"]) for e in result.evidence["tyollisyys"]]
    assert rules == [("työvoima-", "suspended:työvoimapalvelu")]
