"""The rule tagger and the polarity rules, on the real pipeline (real Voikko)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.polarity import rule_polarity
from vastausanalyysi.themes.rules import RuleResult, RuleTagger


@pytest.fixture(scope="module")
def tagger() -> RuleTagger:
    return RuleTagger(load_codebook())


def run(nlp: Language, tagger: RuleTagger, text: str) -> RuleResult:
    return tagger.tag_doc(nlp(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Perhekeskusyhteistyö sujuu", "perhekeskus"),  # compound part
        ("Kiinteistöasioissa on sovittu paljon", "kiinteistot"),  # compound part, inflected
        ("Tilaratkaisuiden edistäminen, vuokrakeskustelut", "kiinteistot"),
        ("Hyvinvoinnin ja terveyden edistäminen on yhteinen tehtävä", "hyte"),  # phrase
        ("Lasten ja nuorten palvelut", "lapset_nuoret"),  # phrase
        ("Yhteistyö pelastustoimen kanssa", "varautuminen"),
        ("Häiriötilanteisiin varautuminen", "varautuminen"),
        ("Vastinparit löytyvät hyvinvointialueelta", "vastuuhenkilot"),
        ("Säännölliset, sovitut palaverirakenteet ja vuosikellot", "tapaamiset"),
        ("Tiedonsaanti hyvinvointialueen luottamushenkilöiltä", "tietopohja"),
        ("Tiedonsaanti hyvinvointialueen luottamushenkilöiltä", "luottamushenkilot"),
        ("Työryhmien rakenne ja roolit ovat selkeytyneet", "tyonjako"),
        ("opiskeluhoolto ja hyte", "oppilashuolto"),  # typo / unknown words
        ("opiskeluhoolto ja hyte", "hyte"),
    ],
)
def test_codes_found(nlp: Language, tagger: RuleTagger, text: str, code: str) -> None:
    result = run(nlp, tagger, text)
    assert code in result.codes
    assert result.evidence[code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hyvinvointialueilla on tilanne rauhoittunut", "kiinteistot"),  # tilanne is not tila
        ("Yhteinen tilannekuva puuttuu", "kiinteistot"),
        ("Häiriötilanteiden harjoitukset", "kiinteistot"),
        ("Hyvinvointialueen ja kuntien yhteistyö", "hyte"),  # hyvinvointialue is not hyte
        ("Toimin perhekeskusjohtajana kunnassa", "perhekeskus"),  # a job title (rule 4)
        ("Hyvä neuvotteluyhteys", "tapaamiset"),
        ("Vuokra-asuntojen tarve kasvaa", "kiinteistot"),
        ("Lasten, nuorten ja perheiden palvelut", "perhekeskus"),
    ],
)
def test_exclusions(nlp: Language, tagger: RuleTagger, text: str, code: str) -> None:
    assert code not in run(nlp, tagger, text).codes


def test_evidence_has_surface_lemma_rule_and_offsets(nlp: Language, tagger: RuleTagger) -> None:
    text = "Varautumiseen liittyvä yhteistyö, oppilashuolto, hyte, perhekeskusyhteistyö"
    result = run(nlp, tagger, text)
    assert result.areas == ["perhekeskus", "oppilashuolto", "hyte", "varautuminen"]
    for code in result.codes:
        assert result.evidence[code], code
        for ev in result.evidence[code]:
            assert text[ev["start"] : ev["end"]] == ev["surface"]
            assert ev["lemma"] and ev["rule"] and ev["source"] == "rule"
    rules = {e["rule"] for e in result.evidence["perhekeskus"]}
    assert "part:perhekeskus" in rules


def test_negation_is_marked_in_evidence(nlp: Language, tagger: RuleTagger) -> None:
    result = run(nlp, tagger, "Yhteisiä tapaamisia ei ole ollut")
    assert [e["negated"] for e in result.evidence["tapaamiset"]] == [True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Perhekeskusmalli toimii loistavasti ja on jopa parantunut.", "works"),
        ("Yritystä yhteistyölle on, mutta käytäntö ei toimi", "problem"),
        ("Tiedonkulku puuttuu kokonaan", "problem"),
        ("Epäselvyyksiä ei juuri ole", "works"),
        ("Ei ole ollut ongelmia", "works"),
        (
            "Operatiivisella tasolla on pystytty ratkaisemaan asioita hyvin, mutta strategisen "
            "tason ennakointi kaipaa vielä vahvistamista.",
            "mixed",
        ),
        ("Järjestöyhteistyö sujuu, päätöksenteko ei.", "mixed"),
        ("Työn tavoitteena on, että palvelut toimivat sujuvasti.", "neutral"),
        ("Vaikka alussa oli kankeaa, nyt luottamus on rakentunut ja keskustelu sujuu.", "works"),
        ("Ministeriö asetti työryhmän.", "neutral"),
    ],
)
def test_polarity_rules(nlp: Language, text: str, expected: str) -> None:
    assert rule_polarity(nlp(text), load_codebook().polarity).label == expected


def test_bare_list_polarity_depends_on_the_question(nlp: Language) -> None:
    lex = load_codebook().polarity
    doc = nlp("hyte, oppilashuolto")
    assert rule_polarity(doc, lex, has_codes=True, question="works").label == "works"
    assert rule_polarity(doc, lex, has_codes=True, question="problem").label == "neutral"
    assert rule_polarity(doc, lex, has_codes=True).label == "neutral"
