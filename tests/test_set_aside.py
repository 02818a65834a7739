"""Words that their context sets aside give a code neither by rule nor by model (codebook rules 4
and 6, issue 11: "luottamushenkilöt" as the survey's respondents is not ``luottamushenkilot``).

The rules see the context (an exclusion phrase, a share of respondents, a speaker's title); the
shipped model sees only the words, and used to give the code back from the very word the rules
had set aside. Every sentence is team-written for this test.
"""

from __future__ import annotations

import pytest

import vastausanalyysi as va
from vastausanalyysi.nlp.pipeline import make_docs
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.rules import RuleTagger
from vastausanalyysi.themes.shipped import resolve_model

RESPONDENTS = [
    "Kyselyyn vastasivat kuntien luottamushenkilöt.",
    "Kyselyyn vastanneet valtuutetut pitivät yhteistyötä tärkeänä.",
    "Kuntien luottamushenkilöistä 40 % piti yhteistyötä hyvänä.",
    "Vastanneista valtuutetuista 12 prosenttia oli tyytyväisiä yhteistyöhön.",
    "Luottamushenkilöt arvioivat yhteistyön heikoksi.",
    # officials in any case but the genitive in a sentence about a survey
    "Kysely lähetettiin kaikille kunnanjohtajille ja luottamushenkilöille.",
    "Vastausprosentti oli 58, ja vastaajista puolet oli valtuutettuja.",
]
COOPERATING = [
    "Luottamushenkilöiden välinen yhteistyö toimii.",
    "Valtuutetut tapaavat toisiaan yhteisissä seminaareissa.",
    "Luottamushenkilöistä osa istuu sekä kunnanvaltuustossa että aluevaltuustossa.",
    # the survey's topic, in the genitive
    "Kyselyn mukaan luottamushenkilöiden välinen yhteistyö toimii parhaiten Kainuussa.",
]


@pytest.mark.parametrize("text", RESPONDENTS)
def test_respondents_are_set_aside_by_the_rules(tagger: RuleTagger, text: str) -> None:
    result = tagger.tag_doc(make_docs([text])[0])
    assert "luottamushenkilot" not in result.mechanisms
    assert result.set_aside.get("luottamushenkilot"), "the official word is recorded as set aside"


@pytest.mark.parametrize("text", COOPERATING)
def test_officials_working_together_keep_the_code(tagger: RuleTagger, text: str) -> None:
    result = tagger.tag_doc(make_docs([text])[0])
    assert "luottamushenkilot" in result.mechanisms
    assert "luottamushenkilot" not in result.set_aside


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Luottamushenkilöt arvioivat yhteistyön heikoksi.", "luottamushenkilot"),
        ("Poliisin tietojen mukaan onnettomuudessa loukkaantui kaksi.", "tietopohja"),
    ],
)
def test_the_model_does_not_give_back_a_code_set_aside(text: str, code: str) -> None:
    model = resolve_model(None)
    threshold = dict(zip(model.codes_, model.thresholds_, strict=True))[code]
    row = va.tag([text], probabilities=True).iloc[0]
    # the model alone would give the code: its probability is over the threshold
    assert row["probabilities"][code] >= threshold
    assert code not in row["mechanisms"]
    assert code not in row["evidence"]


def test_the_model_still_adds_codes_from_other_words() -> None:
    # no rule gives vuorovaikutus here and nothing is set aside: the model's code comes through
    text = "Yhteistyö kunnan kanssa on pysynyt rakentavana."
    result = RuleTagger(load_codebook()).tag_doc(make_docs([text])[0])
    assert "vuorovaikutus" not in result.mechanisms and not result.set_aside
    row = va.tag([text]).iloc[0]
    assert "vuorovaikutus" in row["mechanisms"]
    assert {e["source"] for e in row["evidence"]["vuorovaikutus"]} == {"model"}
