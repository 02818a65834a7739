"""Polarity rules of session twelve (2026-12-08), from errors read on a fourth blind set of
published-style statements (team-written, not real; its figure is now a development figure).
Team-written sentences, each rule with sentences it must change and look-alikes it must leave
alone:

* a works phrase with a negation inside it is a problem ("Kuntien palautetta ei otettu
  huomioon"), as a problem phrase with one inside is praise;
* not heard or consulted ("koska sitä ei kuultu") is a problem;
* left undone ("tehtävä jätettiin täyttämättä"), only on paper, worse than expected: problems;
* managed to draw up or prepare ("saivat laadittua"), better than expected, an improvement
  named ("selvä parannus"), proposals taken into account: praise;
* a second "ilman" denies its own noun phrase, not the first's ("ilman sopimusta ja ilman
  rahoitusta" was praise), without money, staff or an impact assessment is a problem, and a time
  "ennen" something is not denied by the verb's negation ("ei kuultu ennen lakkauttamista");
* a conditional with a comparative that describes a place ("toimisi myös pienemmissä kunnissa")
  is a prediction, not "would work better";
* "ei ole sidottu X:ään, vaan …": the participle after a negated "olla" can be a describing verb
  that "vaan" corrects.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

NEGATED_INSIDE = [
    ("Toiveitamme ei ole otettu huomioon.", "problem"),
    ("Toiveemme on otettu huomioon.", "works"),
    ("Lausunnot on otettu huomioon valmistelussa.", "works"),
]
NOT_HEARD = [
    ("Kunta teki oikaisuvaatimuksen, koska sitä ei kuultu.", "problem"),
    ("Kyläyhdistyksiä ei ole kuultu lainkaan.", "problem"),
    ("Kuntia kuultiin keväällä.", "neutral"),
]
UNDONE = [
    ("Suunnittelijan paikka jätettiin täyttämättä.", "problem"),
    ("Yhteinen toimintamalli on vasta paperilla.", "problem"),
    ("Korjaukset etenivät hitaammin kuin ennakoitiin.", "problem"),
]
ACHIEVED = [
    ("Kunnat saivat yhdessä laadittua valmiussuunnitelman.", "works"),
    ("Kerho tavoitti nuoria paremmin kuin odotettiin.", "works"),
    ("Uusi yhteyspiste on selvä parannus.", "works"),
    ("Parannuksia tarvitaan.", "problem"),
]

WITHOUT = [
    ("Tehtävä siirrettiin kunnalle ilman sopimusta ja ilman rahoitusta.", "problem"),
    ("Kerhotoiminta jatkuu ilman rahaa.", "problem"),
    ("Neuvola suljettiin ilman vaikutusten arviointia.", "problem"),
    ("Yhteistyö sujuu ilman katkoksia ja ilman viiveitä.", "works"),
    ("Meitä ei kuultu ennen päivystyksen lakkauttamista.", "problem"),
]

PREDICTION = [
    # a comparative that describes a place is no "would work better"
    ("Yhteinen vastaanotto toimisi varmasti myös pienemmissä kunnissa.", "neutral"),
    ("Tiedonkulku voisi toimia paremmin.", "problem"),
]

CORRECTED = [
    # "ei ole sidottu X:ään, vaan …" describes, as "ei koske X:ää vaan Y:tä" does
    ("Osuus ei ole sidottu veroprosenttiin, vaan rahoitus tulee valtiolta.", "neutral"),
    ("Kuntaa ei kuultu vaan päätös tehtiin ylhäältä.", "problem"),
]

RULES = {
    "a works phrase negated inside": NEGATED_INSIDE,
    "not heard": NOT_HEARD,
    "left undone": UNDONE,
    "achieved": ACHIEVED,
    "without, and before": WITHOUT,
    "a prediction about other places": PREDICTION,
    "a negated participle corrected": CORRECTED,
}


@pytest.mark.parametrize("rule", RULES)
def test_rule(rule: str, polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULES[rule])


def test_decided_without_negotiating(mechanism_mismatches: Callable[..., list]) -> None:
    """Closing or moving something without negotiating is about the openness of decisions."""
    assert not mechanism_mismatches(
        [
            ("paatoksenteko", "Neuvola suljettiin ilman yhtäkään neuvottelua.", True),
            ("paatoksenteko", "Kioski suljettiin ilman neuvottelua.", True),
            ("paatoksenteko", "Yhteistyö sujuu ilman ongelmia.", False),
        ]
    )
