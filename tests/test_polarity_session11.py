"""Polarity rules of session eleven (2026-12-08), from errors read on recovered real statements
(issue 11). Team-written sentences, each rule with sentences it must change and look-alikes it
must leave alone:

* "ilman" and "vailla" deny their noun phrase, not the clause around it ("Ilman yhteistä
  toimintamallia vaarana on päällekkäisyys" came out as praise);
* "kriittinen" before a noun says what is essential ("kriittiset palvelut", "kriittisen
  infrastruktuurin suojaaminen"), not what is wrong, unless the noun is a situation ("kriittinen
  tilanne");
* "kahden tai useamman" is a count, not a wish for more;
* praise granted in part: "osittain"/"osin" makes it mixed, "vain osittain" a problem (CODING.md
  P5, decision of 2026-12-08);
* a participle before a noun does not stop "ei ole havaittu" from denying existence ("ei ole
  havaittu merkittäviä puutteita": praise), and "ei näe" (no obstacle seen) denies it too;
* a burden ("taakka") is a problem, lightened ("keventää") an improvement, and lightening it as a
  goal a topic;
* a party left outside ("jätetty ulkopuolelle"), cooperation merely formal, or news heard from
  the press ("kuulimme asiasta lehdestä") is a problem, genuine dialogue ("aitoa vuoropuhelua")
  praise.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

WITHOUT = [
    # the clause after the phrase keeps its own judgement
    ("Ilman lisärahoitusta toiminta loppuu.", "problem"),
    ("Ilman yhteistä suunnitelmaa vaarana on päällekkäinen työ.", "problem"),
    ("Ilman selkeää sopimusta riskinä ovat katkokset palveluissa.", "problem"),
    ("Ilman henkilöstöä ja tiloja palvelu heikkenee.", "problem"),
    # a problem denied by "ilman" or "vailla" is still praise
    ("Siirto sujui ilman suurempia ongelmia.", "works"),
    ("Yhteistyö sujui ilman ongelmia ja viivästyksiä.", "works"),
    ("Palvelu toimi vailla häiriöitä.", "works"),
    # "ilman muuta" denies nothing
    ("Yhteistyö on ilman muuta hyvää.", "works"),
]

ESSENTIAL = [
    ("Alue ja kunnat turvaavat yhdessä kriittisten palvelujen jatkuvuuden.", "neutral"),
    ("Kriittisen infrastruktuurin suojaamisesta sovitaan valmiussuunnitelmassa.", "neutral"),
    ("Kriittisiä toimintoja harjoiteltiin yhdessä.", "neutral"),
    # a situation, or the predicate, still judges
    ("Kotihoidon henkilöstötilanne on kriittinen.", "problem"),
    ("Kriittinen tilanne jatkuu päivystyksessä.", "problem"),
    ("Ollaan kriittisessä vaiheessa, sijaisia ei saada.", "problem"),
]

COUNTS = [
    ("Asiakas tarvitsee kahden tai useamman viranomaisen palveluja.", "neutral"),
    ("Tapaamisia tarvittaisiin useammin.", "problem"),
    ("Tarvitaan useampia kuraattoreita.", "problem"),
]


PARTLY = [
    ("Kuntien näkemykset on otettu huomioon vain osittain.", "problem"),
    ("Sovitut asiat ovat toteutuneet vain osin.", "problem"),
    ("Tavoitteet ovat toteutuneet osittain.", "mixed"),
    ("Yhteistyö toimii hyvin.", "works"),
    # "osaksi" of a part made is no "partly"; "osin" without praise judges nothing
    ("Tapaamiset on vakiinnutettu osaksi vuosikelloa.", "works"),
    ("Kunta ja alue tekevät osin samaa työtä.", "neutral"),
]

NOTHING_FOUND = [
    ("Yhteistyössä ei ole havaittu merkittäviä puutteita.", "works"),
    ("Emme ole havainneet vakavia ongelmia tiedonkulussa.", "works"),
    ("Alue ei ole kuullut kuntia supistamisesta.", "problem"),
    # seeing none is finding none ("ei näe estettä"); not seeing someone is a complaint
    ("Kaupunki ei näe estettä esityksen hyväksymiselle.", "works"),
    ("Kunta ei näe alueen edustajia koskaan.", "problem"),
]


BURDEN = [
    ("Esitys lisää kuntien hallinnollista taakkaa.", "problem"),
    ("Esitys keventää kuntien hallinnollista taakkaa.", "works"),
    ("Hallinnollisen taakan keventäminen on tavoitteena.", "neutral"),
]


STANCE = [
    ("Kunnat on jätetty valmistelun ulkopuolelle.", "problem"),
    ("Yhteistyö on ollut lähinnä muodollista.", "problem"),
    ("Kuntien kanssa on käyty aitoa vuoropuhelua.", "works"),
    ("Kuntien kanssa ei ole käyty aitoa vuoropuhelua.", "problem"),
    ("Tavoitteena on aito vuoropuhelu.", "neutral"),
    # news heard from the press, not from the other party
    ("Kuulimme palveluverkon muutoksista paikallislehdestä.", "problem"),
    ("Kuulimme hyviä uutisia alueelta.", "works"),
    ("Alueen tiedote tuli kaikkiin lehtiin.", "neutral"),
]


RULES = {
    "without denies its phrase only": WITHOUT,
    "critical before a noun is essential": ESSENTIAL,
    "two or more is a count": COUNTS,
    "praise granted in part": PARTLY,
    "nothing found past an adjective": NOTHING_FOUND,
    "a burden added or lightened": BURDEN,
    "a statement's stance": STANCE,
}


@pytest.mark.parametrize("rule", RULES)
def test_rule(rule: str, polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULES[rule])
