"""Polarity rules of session thirteen (2026-12-08), from errors read on the sixth blind set of
statements in the survey-report register (team-written, not real; now development data).
Team-written sentences, each rule with sentences it must change and look-alikes it must leave
alone:

* a survey's open answers and questions ("avoimet vastaukset") are its method, not openness;
  "avoin kysymyksillemme" (open to our questions) stays praise;
* "kunhan" opens a condition, as "jos" does ("on yhdentekevää, kuka järjestää, kunhan se
  toimii");
* a plain fact, then "vaikka" and what was agreed, promised or required, falls short of it: a
  problem; a duty described before "vaikka" is no shortfall;
* views taken into account in the past ("näkemykset otettiin huomioon") are praise; in the
  present ("otetaan huomioon") a plan.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

SURVEY_METHOD = [
    ("Kyselyn avoimet vastaukset luettiin kahteen kertaan.", "neutral"),
    ("Avoimeen kysymykseen vastasi yli puolet kunnista.", "neutral"),
    ("Sivistystoimi on ollut avoin kysymyksillemme.", "works"),
    ("Keskustelu on ollut avointa koko syksyn.", "works"),
]
CONDITION = [
    ("Meille on ihan sama, kuka kuljetukset hoitaa, kunhan ne toimii.", "neutral"),
    ("Kunhan rahoitus varmistuu, kerho jatkuu syksyllä.", "neutral"),
    ("Kaikki sujuu hyvin, kunhan asioista sovitaan ajoissa.", "works"),
]
SHORT_OF_NORM = [
    ("Yhteispalavereita on ollut yksi, vaikka sovittiin neljästä.", "problem"),
    ("Psykologeja on kolme, vaikka suosituksen mukaan heitä pitäisi olla viisi.", "problem"),
    ("Tiedotteita ei ole tullut, vaikka niin luvattiin.", "problem"),
    ("Palaverit on pidetty, kuten sovittiin.", "neutral"),
    ("Kunta vastaa kouluruokailusta, vaikka vastuu kuuluu lain mukaan alueelle.", "neutral"),
    ("Vaikka lain mukaan kunta vastaa tiloista, alue hoitaa siivouksen.", "neutral"),
]
TAKEN_INTO_ACCOUNT = [
    ("Vanhempien toiveet otettiin huomioon uusissa aukioloajoissa.", "works"),
    ("Lausunnot otetaan huomioon aluevaltuuston esityksessä.", "neutral"),
]

RULES = {
    "a survey's open answers": SURVEY_METHOD,
    "a condition with kunhan": CONDITION,
    "short of what was agreed": SHORT_OF_NORM,
    "views taken into account": TAKEN_INTO_ACCOUNT,
}


@pytest.mark.parametrize("rule", RULES)
def test_rule(rule: str, polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULES[rule])
