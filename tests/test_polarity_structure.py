"""Polarity structures of published prose (issue 11; codebook §3 conventions 1, 3, 5 and 6).

Every sentence here is team-written for these tests in the register of news, minutes and
press releases (no sentence is taken from any source page); each rule has sentences it must
change and counterparts it must leave alone. The rules: "toimia"/"löytyä" of existence or
location; a success as the subject of a requirement ("onnistuminen edellyttää …"); "rakentuu X:n
varaan"; "hyvä esimerkki jostakin"; a negation inside a goal ("jotta … ei"); the "-isuus" noun of
a problem adjective, also under a decrease verb; "vaatii yhä|vielä …"; the abessive of a problem
verb ("vaarantamatta"); the conditional perfect that judges what was done ("olisi pitänyt
kuulla"); importance frames ("on tärkeää, että …"); commas inside a list of nominals; a cut
announced with "aikoa"; "tulla" + A-infinitive as an obligation; decrease of nouns only;
"-maton" of a works word; "tulee parantamaan" as a forecast; "sitoutua" + infinitive as a plan.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    # existence or location, not working well (conv. 5) ...
    ("Kaupungintalolla toimii nykyään hyvinvointialueen asiointipiste.", "neutral"),
    ("Lasten puheterapia toimii jatkossa perhekeskuksen tiloissa.", "neutral"),
    ("Kirjastosta löytyy myös sosiaaliohjaajan vastaanotto.", "neutral"),
    ("Yhteisiä kysymyksiä löytyy myös kiinteistöasioissa.", "neutral"),
    ("Harjoitukset toimivat koko ensi vuoden ajan kaupungin omistamissa tiloissa.", "neutral"),
    # ... while a working thing still works
    ("Yhteistyö sosiaaliohjaajan kanssa toimii.", "works"),
    ("Meillä tiedonkulku toimii moitteettomasti.", "works"),
    ("Yhteinen sävel löytyi nopeasti.", "works"),
    ("Kaupungintalolla asiointi toimii hyvin.", "works"),
    # "toimia" after an essive noun serves as something ("puheenjohtajana toimii …")
    ("Työryhmän puheenjohtajana toimii kaupungin sivistysjohtaja.", "neutral"),
    ("Hyvin toimii myös yhteinen työryhmä.", "works"),
    # a success as the subject of a requirement is a condition (conv. 3)
    ("Toimiva yhteistyö edellyttää säännöllisiä tapaamisia.", "neutral"),
    ("Hankkeen onnistuminen vaatii kaikkien kuntien sitoutumista.", "neutral"),
    ("Yhteistyö on sujunut hyvin, vaikka se vaatii paljon aikaa.", "works"),
    # "rakentuu X:n varaan" is a basis
    ("Alueen valmius rakentuu kuntien yhteisten harjoitusten varaan.", "neutral"),
    ("Ohjeet ovat se pohja, jonka varaan alueen valmius rakentuu.", "neutral"),
    ("Luottamus on rakentunut vähitellen.", "works"),
    # "hyvä esimerkki jostakin" illustrates
    ("Koulujen tilat ovat hyvä esimerkki yhdyspintojen monimutkaisuudesta.", "neutral"),
    ("Perhekeskuksesta on saatu hyviä kokemuksia.", "works"),
    # a negation inside a goal states the aim (conv. 3), a reported question still judges
    ("Jotta yksikään nuori ei putoa väliin, kunnat nimesivät yhteyshenkilöt.", "neutral"),
    ("Tavoitteena on varmistaa, ettei tieto katkea siirtymässä.", "neutral"),
    ("Valtuustossa kysyttiin, miksi kuntia ei kuultu.", "problem"),
    ("Tieto ei kulje kunnan ja alueen välillä.", "problem"),
    # the "-maton/-mätön" participle of a works word is a problem; of another verb it is not
    ("Uusi ajanvarausmalli osoittautui kunnissa toimimattomaksi.", "problem"),
    ("Hyvinvointialueen päätökset ovat olleet kunnille läpinäkymättömiä.", "problem"),
    ("Terveysaseman piha on edelleen asfaltoimaton.", "neutral"),
    # "tulla" + A-infinitive is an obligation ("must"); "tulla" of becoming is not
    ("Hyvinvointialueen tulee toimia avoimesti kuntien suuntaan.", "neutral"),
    ("Yhteistyöstä tuli lopulta toimivaa.", "works"),
    # a decrease verb turns a problem noun, not a modal verb ("on jouduttu vähentämään")
    ("Kotikäyntejä on jouduttu vähentämään.", "problem"),
    ("Jonot ovat vähentyneet.", "works"),
    # "tulee parantamaan" is a forecast; "on parantanut" a finding
    ("Yhteinen asiakastietojärjestelmä tulee parantamaan tiedonkulkua.", "neutral"),
    ("Yhteinen asiakastietojärjestelmä on parantanut tiedonkulkua.", "works"),
    # a commitment to act is a plan; a commitment made is a success
    ("Kunnat sitoutuvat kehittämään yhteistä tilannekuvaa.", "neutral"),
    ("Kunnat ovat sitoutuneet yhteisiin pelisääntöihin.", "works"),
    # an announced cut is news of a loss; an intended improvement is a plan
    ("Kaupunki aikoo lakkauttaa kaksi kirjastoa ensi vuonna.", "problem"),
    ("Alue aikoo parantaa kotihoidon saatavuutta.", "neutral"),
    # importance frames state what should be (conv. 3)
    ("Kuntien kannalta on tärkeää, että tieto kulkee sujuvasti.", "neutral"),
    ("Kaikkien etu on, että yhteistyö sujuu.", "neutral"),
    # "ettei" is tokenised "ett" + "ei": it opens the clause as "että" does (2026-12-07)
    ("On tärkeää, ettei kukaan jää yksin.", "neutral"),
    ("Tärkeää on, ettei yhteistyö katkea.", "neutral"),
    ("Yhteistyö on tärkeää ja se sujuu hyvin.", "works"),
    # a comma inside a list of nominals does not cut the clause; one between clauses does
    ("Ohjaus on vähentänyt nuorten, aikuisten ja vanhusten palvelujen sirpaleisuutta.", "works"),
    ("Hyvä henki, huono johto.", "mixed"),
    # the "-isuus" noun of a problem adjective, and its decrease (conv. 2)
    ("Vastuiden hajanaisuus näkyy asukkaiden arjessa.", "problem"),
    ("Uudistus on vähentänyt palvelujen sirpaleisuutta.", "works"),
    ("Hankkeessa tarkastellaan tilojen monikäyttöisyyttä.", "neutral"),
    # "vaatii yhä|vielä|edelleen": not there yet (conv. 1), unlike a plain requirement
    ("Nuorten palveluohjaus vaatii edelleen kehittämistä.", "problem"),
    ("Hyvä palveluohjaus vaatii monialaista osaamista.", "neutral"),
    ("Vaikka jonot lyhenivät, vaati kunnan tilanne yhä uusien keinojen kehittämistä.", "problem"),
    # the abessive of a problem verb is no problem; a listed "-matta" problem word still is
    ("Palvelut koottiin yhteen vaarantamatta niiden saatavuutta.", "works"),
    ("Päätös tehtiin kuulematta kuntia.", "problem"),
    # the conditional perfect judges what was done; a plain conditional is a wish (conv. 3)
    ("Valtuutetun mukaan kuntia olisi pitänyt kuulla ennen palveluverkkopäätöstä.", "problem"),
    ("Kuntien olisi hyvä osallistua valmisteluun.", "neutral"),
    # "eikä" joins a clause of its own: it denies nothing before it, only after it
    ("Alue on päättänyt asiasta yksipuolisesti eikä kuntia ole kuultu.", "problem"),
    ("Päätökset tehtiin hitaasti eikä kuntien näkemyksiä ole huomioitu.", "problem"),
    ("Yhteistyö on sujunut, eikä ongelmia ole ollut.", "works"),
    ("Epäselvyyksiä ei juuri ole ollut.", "works"),
    # "ilman muuta" (of course) negates nothing (a helper's sentence, written for other rules)
    ("Ilman muuta apu on tullut nopeasti aina kun on pyydetty.", "works"),
    ("Palvelut lakkautettiin ilman muita selvityksiä.", "problem"),
    # "hyvin" of degree before an adjective Voikko also reads as a rare verb ("pieni"), or
    # before a participle of a change; of manner before a passive or present participle
    ("Kunta on hyvin pieni.", "neutral"),
    ("Alueen väestö on hyvin ikääntynyttä.", "neutral"),
    ("Asia on hyvin valmisteltu.", "works"),
    ("Yhteistyö on hyvin toimivaa.", "works"),
    # a possible improvement is no success; a capability is (sentences of the labelled sets'
    # other writers: team_written_b, team_written_e)
    ("Vastinparitoimintaa voisi laajentaa myös tekniselle puolelle ja kiinteistöihin.", "neutral"),
    ("Asioista voidaan puhua suoraan, ja puhelimeen vastataan aina.", "works"),
    ("Uusi malli saattaa parantaa tiedonkulkua.", "neutral"),
    ("Kunta ei voi vaikuttaa päätöksiin.", "problem"),
    # the perfect of an improvement verb: something has improved; its need, negation and plan
    # are not (a helper's sentences, written without seeing the rule)
    (
        "Kunnan ja hyvinvointialueen välistä työnjakoa on selkeytetty kuluneen vuoden aikana.",
        "works",
    ),
    (
        "Hyvinvointialue ja seutukunnan kunnat ovat tiivistäneet yhteistyötään "
        "ehkäisevässä päihdetyössä.",
        "works",
    ),
    ("Yhteisiä toimintamalleja oli selkiytetty jo ennen hyvinvointialueen aloittamista.", "works"),
    (
        "Asukkaiden osallisuutta on jo vahvistettu nuorisovaltuuston ja vanhusneuvoston kautta.",
        "works",
    ),
    (
        "Olemme täsmentäneet vastuunjakoa lasten ja nuorten palveluissa yhdessä alueen kanssa.",
        "works",
    ),
    (
        "Sivistystoimi on selventänyt yhteyshenkilöiden roolit koulujen ja "
        "sote-palveluiden välillä.",
        "works",
    ),
    (
        "Hyvinvointikertomuksen tavoitteita on kirkastettu yhdessä hyvinvointialueen "
        "asiantuntijoiden kanssa.",
        "works",
    ),
    (
        "Tiedonkulkua kunnan ja hyvinvointialueen välillä on nyt tiivistetty "
        "säännöllisillä tapaamisilla.",
        "works",
    ),
    ("Työnjakoa hyvinvointialueen kanssa on vielä selkeytettävä.", "problem"),
    ("Yhteistyötä koulujen ja perhepalveluiden välillä pitäisi tiivistää.", "problem"),
    ("Yhteyshenkilöiden rooleja ei ole vielä selkeytetty.", "problem"),
    (
        "Kunnat eivät ole täsmentäneet hyvinvointialueen kanssa, kuka vastaa ehkäisevästä työstä.",
        "problem",
    ),
    ("Ensi vuonna on tarkoitus vahvistaa järjestöjen osallisuutta hyvinvointityössä.", "neutral"),
    ("Yhteistyötä hyvinvointialueen kanssa aiotaan tiivistää uuden sopimuksen myötä.", "neutral"),
]


@pytest.fixture(scope="module")
def labels() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([t for t, _ in CASES])
    return [rule_polarity(d, lexicon).label for d in docs]


def test_structures_get_their_polarity(labels: list[str]) -> None:
    wrong = [(t, e, g) for (t, e), g in zip(CASES, labels, strict=True) if g != e]
    assert not wrong, wrong


def test_each_rule_changes_something() -> None:
    """The rules fire: the evidence names the counterfactual and the decrease."""
    lexicon = load_codebook().polarity
    docs = as_docs(
        [
            "Kuntia olisi pitänyt kuulla ennen päätöstä.",
            "Uudistus on vähentänyt palvelujen hajanaisuutta.",
        ]
    )
    first, second = (rule_polarity(d, lexicon) for d in docs)
    assert [c["rule"] for c in first.cues] == ["counterfactual"]
    assert [(c["surface"], c["polarity"]) for c in second.cues] == [("hajanaisuutta", "works")]
