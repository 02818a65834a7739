"""Corrections, prohibitions and advice in published prose are no judgment (codebook §3).

Every sentence is team-written for these tests in the register of news, minutes, press releases
and statements (none is taken from any source). Each rule has sentences it must change and
look-alikes it must leave alone (conventions 3 and 6). No problem: a negation corrected by
"vaan" after a verb that describes ("ei koske kouluja vaan päiväkoteja") or after "kyse ei ole",
a verbless "…, ei Y" after a stated fact, a prohibition with "ei pidä|tule + A-infinitive".
Still a problem: a negated action corrected by "vaan" ("kuntaa ei kuultu vaan …"), an absence
("yhteyshenkilöä ei ole vaan …"), a verbless negated manner ("…, ei kuitenkaan
säännöllisesti"). "on hyvä|järkevää + A-infinitive" gives advice, while "on ollut hyvää" and
"on hyvä, että …" still praise.
"""

from __future__ import annotations

from collections.abc import Callable

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    # a negation that corrects what something concerns, where it goes or when it is done
    ("Uusi linjaus ei koske lukioita vaan perusopetusta.", "neutral"),
    ("Pelastusaseman tilat eivät siirry alueelle vaan jäävät kaupungin hallintaan.", "neutral"),
    ("Asiaa ei käsitellä kesäkuussa vaan vasta syyskuun kokouksessa.", "neutral"),
    # a verbless correction after a stated fact
    ("Perheneuvola toimii nuorisotalon tiloissa, ei sairaalan yhteydessä.", "neutral"),
    ("Kyse on kunnan omasta päätöksestä, ei hyvinvointialueen.", "neutral"),
    # "ei ole" corrected: what the matter is (but not an absence, below)
    ("Kysymys ei ole rahasta vaan siitä, kuka järjestää kuljetukset.", "neutral"),
    # ... but a negated action, an absence or a manner still judge
    ("Kaupunkia ei kuultu vaan ratkaisu tehtiin aluehallituksessa.", "problem"),
    ("Tiedote ei tavoittanut rehtoreita vaan he kuulivat asiasta oppilailta.", "problem"),
    ("Koordinaattoria ei ole vaan asiat hoidetaan muiden töiden ohessa.", "problem"),
    ("Verkosto kokoontuu, ei kuitenkaan säännöllisesti.", "problem"),
    ("Hyvinvointialueen edustaja ei osallistu kokouksiin.", "problem"),
    # a prohibition or advice with "ei pidä|tule + A-infinitive" (conv. 3) ...
    ("Pienten kuntien asukkaita ei pidä unohtaa palveluverkkoa suunniteltaessa.", "neutral"),
    ("Kuntia ei tule jättää yksin kotoutumisen kustannusten kanssa.", "neutral"),
    # ... but "ei tule" as "does not come" and "ei pidä" as "does not keep" still judge
    ("Tieto koulujen muutoksista ei tule kunnalle ajoissa.", "problem"),
    ("Alue ei pidä kiinni sovituista aikatauluista.", "problem"),
    # advice: "on hyvä + A-infinitive" (conv. 3), also with a works word in its object
    ("Kuntien ja alueen on hyvä sopia tilojen käytöstä hyvissä ajoin.", "neutral"),
    ("Toimivia käytäntöjä on järkevää levittää naapurikuntiin.", "neutral"),
    ("Valtuustokauden alussa olisi hyvä käydä roolit läpi yhdessä.", "neutral"),
    # ... while praise of the present stays praise
    ("Yhteistyö kaupungin kanssa on ollut hyvää.", "works"),
    ("On hyvä, että sivistystoimi on nyt mukana verkostossa.", "works"),
]


def test_corrections_and_advice_get_their_polarity(
    polarity_mismatches: Callable[..., list],
) -> None:
    assert not polarity_mismatches(CASES)


def test_a_corrected_negation_leaves_no_negation_cue() -> None:
    lexicon = load_codebook().polarity
    (doc,) = as_docs(["Päätös ei koske neuvoloita vaan kouluterveydenhuoltoa."])
    assert not [c for c in rule_polarity(doc, lexicon).cues if c["rule"] == "negation"]
