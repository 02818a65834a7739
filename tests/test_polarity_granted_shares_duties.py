"""Granted backgrounds, small shares, duties that stay and open questions (codebook §3).

- "X:stä huolimatta" grants X: the main clause judges ("haasteista huolimatta yhteistyö
  sujuu" works; "huolimatta hyvästä yhteistyöstä tieto ei kulje" is a problem), while the same
  noun as a subject still judges ("haasteet näkyvät …").
- "vain puolet" with praise is a small share, a problem (a positive finding held by few is not
  praise), also now that the share is matched by its surface form ("puolet" has the lemma
  "puoli"); "suurin osa" stays praise, and "vajaa puolet" (just under half) with praise is a
  share reported, not a small one (lead, 2026-12-06: see the report prose case of
  tests/test_themes_rules.py).
- "säilyä|pysyä" of a duty, a role, a need or an aim (a goal, a principle) says who does what
  or that a need persists (codebook §5), not that something succeeded; of cooperation it is
  still a success.
- "miten … riittää" asks, it does not say that something suffices.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Talouden haasteista huolimatta yhteistyö kuntien kanssa sujuu hyvin.", "works"),
    ("Huolimatta hyvästä yhteistyöstä tieto ei kulje kouluihin.", "problem"),
    ("Talouden haasteet näkyvät kaikessa yhteistyössä.", "problem"),
    ("Vain puolet rehtoreista pitää yhteistyötä toimivana.", "problem"),
    ("Vain puolet kunnista on tyytyväisiä tiedonkulkuun.", "problem"),
    ("Suurin osa kunnista on tyytyväisiä tiedonkulkuun.", "works"),
    ("Vajaa puolet rehtoreista pitää yhteistyötä sujuvana.", "works"),
    ("Järjestämisvastuu säilyy jatkossakin kunnalla.", "neutral"),
    ("Tarve yhteiselle tilannekuvalle on säilynyt.", "neutral"),
    ("Hyvinvointisuunnitelman tavoitteet säilyvät myös ensi vuonna.", "neutral"),
    ("Sopimuksen periaatteet pysyvät voimassa uudistuksen jälkeenkin.", "neutral"),
    ("Yhteistyö on säilynyt hyvänä koko vuoden.", "works"),
    ("Lautakunta pohti, miten määrärahat riittävät ensi vuonna.", "neutral"),
    ("Määrärahat riittävät hyvin tänä vuonna.", "works"),
]


def test_granted_shares_duties_and_questions(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)


def test_a_granted_problem_word_gives_no_cue() -> None:
    lexicon = load_codebook().polarity
    (doc,) = as_docs(["Haasteista huolimatta alue on pitänyt aikataulunsa."])
    assert not [c for c in rule_polarity(doc, lexicon).cues if c["lemma"] == "haaste"]
