"""Descriptions that a negation or an appeal's words do not make judgments (codebook §3 conv. 5
and 6; issue 11).

A court's or a legal overseer's act is a legal description.
"Hallinto-oikeus ei tutki valituksia", "KHO hylkäsi kunnan valituksen": in a clause whose subject
is a court, neither the negation nor the appeal's words ("valitus", "lainvastainen") judge the
cooperation. Another clause of the same sentence still does ("…, koska kuntaa ei kuultu"), and so
does a clause about the court's decision that is not the court's own act ("päätös oli kunnalle
pettymys").

"eikä" with no verb of its own and no negation before it contrasts two adverbials of an affirmed
verb ("tehdään kesäkuussa eikä kesken lukukauden", "vastuu on kunnalla eikä alueella"): no
judgment. With a partitive ("eikä bussiyhteyksiä": "eikä ole …") or a verb further on it still
negates.

Claims the writer rejects ("Väite, ettei kuntia kuultu, ei pidä paikkaansa"), differences not
found ("ryhmien välillä ei ollut eroja") and wishes that go on with "eikä" ("tulisi sopia yhdessä
eikä ilmoittaa jälkikäteen") are tested on ``tests/data/polarity_constructions.csv``, written by
helpers who had not seen the rules (see ``tests/data/README.md``).

Spoken "et" for "että" ("kiva et …", "sanoin, et …") is no negation; after a pronoun ("sä et saa")
it is.

The sentences of ``CASES`` are team-written for these tests (lead, 2026-12-06); none is taken
from a source.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

CASES = [
    # the court's own act, negated or not: a description
    ("Hallinto-oikeus ei ottanut kunnan valitusta käsiteltäväksi.", "neutral"),
    ("Korkein hallinto-oikeus ei muuttanut hallinto-oikeuden päätöstä.", "neutral"),
    ("Hallinto-oikeus hylkäsi kunnan valituksen aluevaltuuston päätöksestä.", "neutral"),
    ("KHO ei myöntänyt valituslupaa kaupungin valitukseen.", "neutral"),
    ("Oikeuskansleri ei puuttunut hyvinvointialueen menettelyyn.", "neutral"),
    # another clause of the sentence, or a clause that is not the court's act, still judges
    ("Hallinto-oikeus kumosi päätöksen, koska kuntaa ei kuultu.", "problem"),
    ("Hallinto-oikeuden päätös oli kunnalle pettymys.", "problem"),
    ("Kunta valitti hallinto-oikeuteen, koska yhteistyö ei toimi.", "problem"),
    # "oikeus" as a right is no court
    ("Kunnan oikeus tulla kuulluksi ei toteutunut palveluverkon valmistelussa.", "problem"),
    # spoken "et" for "että" after an adjective, a verb or a comma is no negation
    ("Tosi hyvä et koulukuraattori käy meillä viikoittain.", "works"),
    ("Mä sanoin heti, et tää uus malli toimii.", "works"),
    ("Sä et saa sieltä ketään kiinni.", "problem"),
    # no difference found, before or after the negation, also where it negates a works verb
    ("Eroja kuntien välillä ei löytynyt.", "neutral"),
    ("Vastaajaryhmien välillä ei löytynyt eroja.", "neutral"),
    ("Ratkaisua ei löytynyt.", "problem"),
    # "eikä" contrasting two adverbials of an affirmed verb
    ("Koulupsykologin vastaanotto siirretään jouluna eikä kesken lukukauden.", "neutral"),
    ("Vastuu uimahallista on kunnalla eikä hyvinvointialueella.", "neutral"),
    ("Asiat hoidetaan puhelimitse eikä sähköpostilla.", "neutral"),
    # a partitive, a verb of its own or an earlier negation: it negates
    ("Terveysasema on kaukana eikä bussiyhteyksiä ole.", "problem"),
    ("Palvelut ovat kaukana eikä bussiyhteyksiä.", "problem"),
    ("Päätökset tehdään alueella eikä kuntia kuulla.", "problem"),
    ("Tietoa ei saa eikä apua.", "problem"),
    # an indirect question after a word of asking asks (conv. 5: survey method) …
    ("Kuntaliitto kysyi kunnilta, missä asioissa on ongelmia.", "neutral"),
    ("Kunta esitti kysymyksen, onko neuvolan lakkauttamista valmisteltu.", "neutral"),
    ("Vastaajia pyydettiin kuvaamaan yhteistyön ongelmia.", "neutral"),
    # … but not "miksi" (a complaint), nor a question in another sentence, nor the writer's own
    ("Valtuutettu kysyi, miksi yhteistyö ei toimi.", "problem"),
    ("Kunta kysyi asiasta. Missä on vika, kun tieto ei kulje?", "problem"),
    ("Kysyn, onko järkevää, että tieto ei kulje.", "problem"),
    # "ei … pelkästään X vaan myös Y" with words between (conv. 6); a negation without "vaan"
    ("Harjoituksessa ei ole tarkoitus testata pelkästään yhteyksiä vaan myös tiloja.", "neutral"),
    ("Tiedonkulku ei toimi pelkästään sähköpostilla.", "problem"),
    # a sentence that is a non-answer by itself gives no polarity (QA, 2026-12-07: "Kiitos
    # kyselystä!" made a wish "works"); thanks for the cooperation still praise
    ("Kiitos kyselystä! Lisää yhteisiä tapaamisia.", "neutral"),
    ("Kiitos kyselystä! Yhteistyö ei toimi.", "problem"),
    ("Tiedonkulku ei toimi. Ei muuta.", "problem"),
    ("Kiitos hyvästä yhteistyöstä! Tapaamiset ovat olleet hyödyllisiä.", "works"),
    # "pitää" before a verb Voikko does not know is still a need (QA, 2026-12-07), and
    # "pitää X hyvänä" still an opinion
    ("Varautumissuunnitelmat pitää yhteensovittaa paremmin.", "problem"),
    ("Kunta pitää Kirkkoharjua hyvänä paikkana.", "works"),
    # "avoin" of an event, a call or everyone is public, not openness (a real development
    # set, 2026-12-07); openness between the parties still praise
    ("Alue järjestää kuntien kanssa kaksi avointa verkkoseminaaria.", "neutral"),
    ("Iltatilaisuus on avoin kaikille kuntalaisille.", "neutral"),
    ("Keskustelu kuntien kanssa on ollut avointa.", "works"),
    # what something rests on ("rakentuu … -iin/-lle") describes it; securing is an aim, secured
    # a result; a duty is a requirement (real and blind official prose, 2026-12-07)
    ("Uusi toimintamalli rakentuu toimiviin koulukohtaisiin tiimeihin.", "neutral"),
    ("Yhteistyö on rakentunut vuosien mittaan hyvin.", "works"),
    ("Strategian mukaan lähipalvelujen saatavuus turvataan kaikissa kunnissa.", "neutral"),
    ("Neuvolapalvelut on turvattu kaikissa kunnissa ensi vuodelle.", "works"),
    ("Kunta on lain mukaan velvollinen toimimaan yhteistyössä alueen kanssa.", "neutral"),
    # progress, then the same thing still unfinished: the final assessment wins (CODING.md P4,
    # its own example); progress and a problem of another thing stay mixed
    ("Yhteistyö on parantunut, mutta paljon on vielä tehtävää.", "problem"),
    ("Kuntien kuuleminen on kohentunut, mutta se ei edelleenkään riitä.", "problem"),
    ("Ymmärrys on parantunut, mutta tiedonkulku takkuaa edelleen.", "mixed"),
    ("Oppilashuollon yhteistyö pitäisi saada kuntoon ennen syksyä.", "problem"),
    # a duty with words after it, one of them ambiguous ("kouluilta": also "koulu-ilta")
    ("Tiedon on kuljettava kouluilta sosiaalityöhön vaivatta.", "neutral"),
    # "saatiin päätökseen": brought to an end, a result (no decision: see the mechanism test)
    ("Kiinteistökaupan neuvottelut saatiin päätökseen joulukuussa.", "works"),
    ("Hanketta ei ole vieläkään saatu päätökseen.", "problem"),
    # "toimia" with an essive far after it is a role, not "works" (a real development set)
    (
        "Kertomus toimii kuntien, hyvinvointialueen ja järjestöjen hyvinvointityön yhteisen "
        "strategisen johtamisen välineenä.",
        "neutral",
    ),
]


def test_description_cases_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)


CONSTRUCTIONS = Path(__file__).parent / "data" / "polarity_constructions.csv"


def _constructions() -> list[dict[str, str]]:
    with CONSTRUCTIONS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_independent_constructions_get_their_polarity(
    polarity_mismatches: Callable[..., list],
) -> None:
    cases = [(c["text"], c["expected"]) for c in _constructions() if not c["gap"]]
    assert len(cases) >= 40
    assert not polarity_mismatches(cases)


@pytest.mark.parametrize(
    "case", [c for c in _constructions() if c["gap"]], ids=lambda c: c["text"][:40]
)
@pytest.mark.xfail(strict=True, reason="a known gap, see the gap column")
def test_known_gaps_of_independent_constructions(
    case: dict[str, str], polarity_mismatches: Callable[..., list]
) -> None:
    assert not polarity_mismatches([(case["text"], case["expected"])])
