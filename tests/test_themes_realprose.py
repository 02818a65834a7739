"""Issue 11: polarity conventions and topic-vs-mechanism rules on team-written sentences.

The sentences are written for these tests (not taken from any labelled file); each pair shows a
convention of ``shared/spec/codebook.md`` §3 or a rule of §4 (6–7) and its counterpart.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.evaluation import score
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity
from vastausanalyysi.themes.rules import RuleTagger

POLARITY = [
    # "hyvin" as a degree word vs "hyvin" of manner (convention 4)
    ("Alueen kunnat ovat keskenään hyvin erilaisia.", "neutral"),
    ("Kouluterveydenhuollon yhteistyö on hoidettu hyvin.", "works"),
    # wishes and obligations (convention 3), and the same with a judged present
    ("Hyvinvointialueen tulisi kuulla kuntia ajoissa.", "neutral"),
    ("Toivomme, että tapaamisia jatketaan.", "neutral"),
    ("Kuntia pitäisi kuulla ajoissa, koska nyt tieto tulee liian myöhään.", "problem"),
    # stage and scarcity (conventions 1-2), success without a success word
    ("Yhteiset käytännöt ovat vielä vakiintumatta.", "problem"),
    ("Kotoutumisen resurssit ovat niukat.", "problem"),
    ("Riita koulun tiloista saatiin ratkaistua.", "works"),
    # descriptions and focus negation (conventions 5-6)
    ("Kunta vastaa koulujen tiloista.", "neutral"),
    ("Hyvinvointialue ei vastaa kunnan kirjastoista.", "neutral"),
    ("Hyvinvointialue ei vastaa kuntien viesteihin.", "problem"),
    ("Kyse ei ole vain rahasta vaan myös luottamuksesta.", "neutral"),
    ("Sivistysjohtajat arvioivat tilanteen muita heikommaksi.", "neutral"),
    ("Tilannetta pidetään nyt parempana kuin ennen.", "works"),
    # the past was better (a loss) vs better than before (a gain)
    ("Ennen hyvinvointialuetta kaikki oli paremmin.", "problem"),
    ("Nyt asiat sujuvat paremmin kuin ennen.", "works"),
    # "-essA" (when or if), no change, what is prevented, cheaper: no judgment by themselves
    ("Onnistuessaan hanke tuo kuntiin uusia keinoja.", "neutral"),
    ("Kotoutumisen tilanne on säilynyt ennallaan.", "neutral"),
    ("Yhteistyö on säilynyt hyvänä.", "works"),
    ("Perhekeskus ehkäisee lasten ongelmia.", "neutral"),
    ("Nuorten ongelmien ennaltaehkäisy on hyten painopiste.", "neutral"),
    ("Ehkäisevälle työlle jää liian vähän aikaa.", "problem"),
    ("Uusi malli vähentää kuntien kustannuksia.", "neutral"),
    ("Hyvinvointialue on vähentänyt neuvolan henkilöstöä.", "problem"),
    # a verb and its object are no attribute; an adverb of an attribute judges nothing
    ("Nopeasti kasvaneet kustannukset vaikeuttavat kuntien taloutta.", "problem"),
    ("Apu tulee nopeasti.", "works"),
    # a task verb's topic ends at ", ja" (a new assertion)
    ("Työryhmä selvittää yhteistyön esteitä, ja tiedonkulku on heikkoa.", "problem"),
    ("Työryhmä selvittää yhteistyön esteitä ja ongelmia.", "neutral"),
    # an attributive problem word that is resolved: an improvement
    ("Haastava tilanne ratkesi yhteisellä palaverilla.", "works"),
    ("Uusi malli vähentää sekä kuntien että hyvinvointialueen kustannuksia.", "neutral"),
    # an aim named by the predicate (convention 3) vs goals judged
    ("Toimiva yhteistyö on tärkeä tavoite.", "neutral"),
    ("Yhteistyö on sujuvaa ja tavoitteet ovat selkeitä.", "works"),
    # "ei kuitenkaan" keeps its clause; a negation inside a problem phrase turns it
    ("Yhteistyö ei kuitenkaan toimi.", "problem"),
    ("Tiedonkulku ei silti ole parantunut.", "problem"),
    ("Pahimmat pelot eivät ole toteutuneet.", "works"),
    ("Pelko palvelujen heikkenemisestä on toteutunut.", "problem"),
    ("Vanhusneuvostot ovat toimintakykyisiä, mutta niiden asema vaatii vahvistusta.", "mixed"),
    ("Hankkeessa löydettiin hyviä käytänteitä.", "works"),
    # "lain vaatimat" is an attribute, no goal; an attempt is no result; problems come true
    ("Lain vaatimia palveluja ei ole saatavilla kaikissa kunnissa.", "problem"),
    ("Kriisiä on yritetty ratkaista ostopalveluilla.", "problem"),
    ("Ennakoidut ongelmat ovat toteutuneet.", "problem"),
    ("Terveysaseman toiminta päättyy vuoden lopussa.", "problem"),
    # an attribute yields to a negated predicate; "X:n alla toimiva" says where it belongs
    ("Toimiva Wilman käyttö ei ole kuraattorin käytössä.", "problem"),
    ("Sivistystoimen alla toimiva Wilma siirtyy uudelle toimittajalle.", "neutral"),
    ("Kiinteistökuluja pitää vähentää ja karsinnat hyväksytään vastahankaan.", "problem"),
]

MECHANISMS = [
    ("Palveluverkko herätti taas kysymyksiä valtuustossa.", "paatoksenteko", False),
    ("Aluehallitus päätti supistaa palveluverkkoa.", "paatoksenteko", True),
    ("Kunta teki oikaisuvaatimuksen aluehallituksen päätöksestä.", "paatoksenteko", True),
    ("Kyselyyn vastanneet luottamushenkilöt arvioivat tilanteen.", "luottamushenkilot", False),
    ("Kunnan ja alueen luottamushenkilöt tapaavat iltakoulussa.", "luottamushenkilot", True),
    ("Prosessi kesti kaksi kuukautta.", "suunnitelmallisuus", False),
    ("Hyvinvointialue palvelee 90 000 asukasta.", "osallisuus", False),
    ("Asukkaat pääsivät kertomaan mielipiteensä lähipalveluista.", "osallisuus", True),
    ("Pyrimme edistämään kuntalaisten terveyttä.", "hyte", True),
    # the verb first with its object next to it, and verbs of strengthening
    ("Kunta edistää liikkumista rakentamalla pyöräteitä.", "hyte", True),
    ("Tuemme hyvinvointia yhdessä järjestöjen kanssa.", "hyte", True),
    ("Vahvistamme ikäihmisten toimintakykyä.", "hyte", True),
    ("Tuemme hyvinvointialueen työtä.", "hyte", False),
    ("Yhteistyö on ollut suunnittelematonta ja poukkoilevaa.", "suunnitelmallisuus", True),
    ("Työllisyyspalvelut siirtyivät hyvinvointialueelta kunnille.", "tyonjako", True),
    ("Puhumme asioista suoraan, ja ovet ovat auki.", "vuorovaikutus", True),
    # access to information across the boundary vs the privacy of a room
    ("Tietosuojasäännökset hidastavat koulun ja alueen yhteistyötä.", "tietopohja", True),
    ("Kuraattorin tiedot ovat koululle salassa pidettäviä.", "tietopohja", True),
    ("Kuraattori ei näe Wilmaa.", "tietopohja", True),
    ("Vastaanottohuone ei täytä äänieristyksen ja tietosuojan vaatimuksia.", "tietopohja", False),
    ("Tiloista tehtiin käyttöoikeussopimus.", "tietopohja", False),
    ("Uuden neuvolan valmistelua on tehty yhteistyössä alueen kanssa.", "suunnitelmallisuus", True),
    ("Ohjelma valmisteltiin yhteistyössä kuntien kanssa.", "suunnitelmallisuus", True),
    ("Hyvinvointialue tekee yhteistyötä kuntien kanssa.", "suunnitelmallisuus", False),
    # conflict idioms, consultation rounds, a chance to give one's view
    ("Kunta ja alue ovat olleet tukkanuottasilla koko kevään.", "vuorovaikutus", True),
    ("Koulukuljetusten uusi malli on kuukauden lausunnolla.", "paatoksenteko", True),
    ("Lausuntokierroksella kunnat kommentoivat luonnosta.", "paatoksenteko", True),
    ("Kuntalaisilla on mahdollisuus antaa palautetta lähipalveluista.", "osallisuus", True),
    ("Lakiesitys on lausuntokierroksella kesäkuuhun asti.", "paatoksenteko", False),
    # a speaker's title, one body's own meeting, a survey's method, watching: no mechanism
    ("Yhteistyö on tiivistynyt, arvelee aluevaltuutettu Liisa Mäki.", "luottamushenkilot", False),
    ("Aluehallitus käsitteli asiaa kokouksessaan.", "tapaamiset", False),
    ("Vastaukset saatiin kevään TEA-tiedonkeruusta.", "tietopohja", False),
    ("Kunta jää seuraamaan tilannetta.", "suunnitelmallisuus", False),
    ("Hyvinvointialue laittoi kunnat tosiasioiden eteen.", "paatoksenteko", True),
    # partners listed vs a partnership judged
    (
        "Yhteistyökumppanit, kuten perheneuvola ja lastensuojelu, ovat kiireisiä.",
        "vuorovaikutus",
        False,
    ),
    ("Hyvinvointialue on meille hyvä yhteistyökumppani.", "vuorovaikutus", True),
    ("Harjoitus vahvisti viranomaisten yhteistä tilannetietoisuutta.", "tietopohja", True),
    # planned cooperation vs the legal term "suunnitelmallinen opiskeluhuolto"
    ("Teemme suunnitelmallista yhteistyötä neuvolan kanssa.", "suunnitelmallisuus", True),
    ("Koulu vastaa suunnitelmallisesta opiskeluhuollosta.", "suunnitelmallisuus", False),
]


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_polarity_conventions(codebook) -> None:
    docs = as_docs([t for t, _ in POLARITY])
    got = [rule_polarity(d, codebook.polarity).label for d in docs]
    wrong = [(t, want, g) for (t, want), g in zip(POLARITY, got, strict=True) if g != want]
    assert not wrong, wrong


def test_topic_is_not_mechanism(codebook) -> None:
    tagger = RuleTagger(codebook)
    docs = as_docs([t for t, _, _ in MECHANISMS])
    wrong = []
    for (text, code, expected), doc in zip(MECHANISMS, docs, strict=True):
        result = tagger.tag_doc(doc)
        if (code in result.areas + result.mechanisms) != expected:
            wrong.append((text, code, expected))
        if code in result.areas + result.mechanisms:
            assert result.evidence[code], (text, code)  # every code carries its evidence
    assert not wrong, wrong


def test_evaluation_reports_polarity_per_class_and_confusion(codebook) -> None:
    gold = ["works", "works", "problem", "neutral", "mixed"]
    pred = ["works", "neutral", "problem", "neutral", "problem"]
    ev = score([[]] * 5, [[]] * 5, codebook, gold, pred)
    per_class = ev.polarity_per_class.set_index("label")
    assert per_class.loc["works", "precision"] == 1.0
    assert per_class.loc["works", "recall"] == 0.5
    assert per_class.loc["problem", "precision"] == 0.5
    assert per_class.loc["mixed", "f1"] == 0.0
    assert ev.summary["polarity_neutral_p"] == 0.5
    assert list(ev.polarity_confusion.index) == ["works", "problem", "mixed", "neutral"]
    assert int(ev.polarity_confusion.loc["mixed", "problem"]) == 1
    text = ev.to_markdown()
    assert "| polarity | n (gold) | predicted | precision | recall | F1 |" in text
    assert "| mixed | 0 | 1 | 0 | 0 |" in text


def test_cli_evaluate_themes_prints_polarity_per_class(tmp_path, capsys) -> None:
    from vastausanalyysi.cli.main import main

    path = tmp_path / "labelled.csv"
    path.write_text(
        "text,areas,mechanisms,polarity\n"
        "Yhteistyö toimii hyvin.,,,works\n"
        "Tiedonkulku ei toimi.,,tietopohja,problem\n"
        "Kunnat ovat hyvin erilaisia.,,,neutral\n",
        encoding="utf-8",
    )
    assert main(["evaluate", "themes", str(path)]) == 0
    out = capsys.readouterr().out
    assert "| polarity | n (gold) | predicted | precision | recall | F1 |" in out
    assert "| gold \\ predicted | works | problem | mixed | neutral |" in out
    assert "| neutral | 1 |" in out
