"""Polarity rules of session thirteen (2026-12-08), from errors read on the sixth blind set of
statements in the survey-report register (team-written, not real; now development data).
Team-written sentences, each rule with sentences it must change and look-alikes it must leave
alone:

* a survey's open answers and questions ("avoimet vastaukset") are its method, not openness;
  "avoin kysymyksillemme" (open to our questions) stays praise;
* "kunhan" opens a condition, as "jos" does ("on yhdentekevää, kuka järjestää, kunhan se
  toimii");
* a plain fact, then "vaikka" and what was agreed, promised or required, falls short of it: a
  problem; a duty described before "vaikka" is no shortfall; so does a promise, then "mutta"
  and a plain fact;
* any verb's past passive participle in the partitive after "saada" says it was managed ("on
  saatu nimettyä"), as the listed ones did ("saatiin sovittua");
* not answering inquiries is a failure also with what they were about ("ei ole vastannut
  tiedusteluihin tilojen käytöstä"), not a duty ("ei vastaa tiloista");
* views taken into account in the past ("näkemykset otettiin huomioon") are praise; in the
  present ("otetaan huomioon") a plan.

The words and phrases of the evaluative lexicon that the sixth and seventh blind sets added are
tested one by one in ``tests/data/evaluative_cases.csv``.
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
    ("Ohjausryhmä kokoontui kahdesti, vaikka sopimus edellyttää neljää kokousta.", "problem"),
    ("Meille luvattiin oma sosiaaliohjaaja, mutta hän käy täällä kerran kuussa.", "problem"),
    ("Meille luvattiin uusi neuvola. Se avattiin keväällä.", "neutral"),
    ("Palaverit on pidetty, kuten sovittiin.", "neutral"),
    ("Kunta vastaa kouluruokailusta, vaikka vastuu kuuluu lain mukaan alueelle.", "neutral"),
    ("Vaikka lain mukaan kunta vastaa tiloista, alue hoitaa siivouksen.", "neutral"),
]
MANAGED = [
    ("Yhdyshenkilöt on nyt saatu nimettyä kaikkiin ryhmiin.", "works"),
    ("Yhdyshenkilöitä ei ole vieläkään saatu nimettyä.", "problem"),
    ("Meidän pitäisi saada sovittua asiasta.", "neutral"),
]
NOT_ANSWERED = [
    ("Kaupunki ei ole vastannut kyselyihimme koulukyydeistä.", "problem"),
    ("Kaupunki ei vastaa koulukyydeistä.", "neutral"),
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
    "not answered, with what it was about": NOT_ANSWERED,
    "managed to do": MANAGED,
}


@pytest.mark.parametrize("rule", RULES)
def test_rule(rule: str, polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULES[rule])


def test_a_gap_in_a_phrase_stands_for_none_to_three_words() -> None:
    """ "…" in an evaluative phrase: a verb and its object with words between ("on jäänyt
    kyläkoulun kahden opettajan harteille")."""
    from vastausanalyysi.themes.codes import ANY_WORD, GAP_WORDS, expand_phrase, parse_phrase

    found = expand_phrase("jäädä … harteet")
    assert [len(p) for p in found] == [2 + n for n in range(GAP_WORDS + 1)]
    assert all(p[0] == {"jäädä"} and p[-1] == {"harteet"} for p in found)
    assert all(e == ANY_WORD for p in found for e in p[1:-1])
    assert expand_phrase("ilman kunta") == [parse_phrase("ilman kunta")]
    assert len(expand_phrase("a … b … c")) == (GAP_WORDS + 1) ** 2
    for bad in ("… harteet", "jäädä …"):
        with pytest.raises(ValueError, match="between two words"):
            expand_phrase(bad)


def test_mechanism_phrases_with_words_between(mechanism_mismatches: Callable[..., list]) -> None:
    """Codebook phrases with "…" (none to three words between): closed without asking,
    indicators looked at together, an assessment of how a change affects, no answer heard of;
    not across a sentence's end (phrases match over the words, punctuation skipped, within one
    sentence)."""
    assert not mechanism_mismatches(
        [
            ("paatoksenteko", "Kyläkoulu lakkautettiin kysymättä vanhemmilta mitään.", True),
            (
                "tietopohja",
                "Katsoimme hyte-mittareita ensimmäistä kertaa yhdessä alueen kanssa.",
                True,
            ),
            (
                "tietopohja",
                "Kunta ei saanut arviota siitä, miten muutos vaikuttaa koulukyyteihin.",
                True,
            ),
            ("vuorovaikutus", "Vastausta ei ole vieläkään kuulunut.", True),
            ("paatoksenteko", "Kerho suljettiin keväällä. Kysyimme syytä.", False),
        ]
    )
