"""Problem statements of public-sector prose said with general evaluative frames (issue 11).

Every sentence is team-written for these tests in the register of news, minutes and press
releases (no sentence is taken from any source). Each rule has a sentence it must change and a
look-alike it must leave alone: "on tarve|tarpeen" + A-infinitive of an improvement verb (a
judged lack, like "pitäisi selkeyttää"); "hyvin" before an adjective the analyser also reads as a
noun ("hyvin huono": degree, not praise); "riittää" yields to the problem it quantifies
("riittää parannettavaa"); a problem noun in the elative after "esimerkki" is the topic an
example illustrates; a goal that is only to cope ("pyrkivät lähinnä selviytymään") judges the
present; a merit granted in a sentence-initial "vaikka" clause yields to the main clause's
problem (CODING.md P4: the final assessment wins); "toimiva" after a place and "toimia" with a
role further on; a works word beside "merkitys" or "tavoite"; "paras mahdollinen"; "tärkeää on
myös, että"; "vaatii" + an improvement noun; a right or duty + A-infinitive; a negated works word
in a condition; "vaihdella" with "-ittain"; the "-minen" noun of a problem verb.
"""

from __future__ import annotations

from collections.abc import Callable

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    # a need noun before an improvement verb is a judged lack ...
    ("Hankinnoissa on tarve selkeyttää kuntien ja alueen rooleja.", "problem"),
    ("Ohjeistusta on tarpeen kirkastaa ennen syksyä.", "problem"),
    # ... but a need as a topic or a yardstick is not
    ("Palvelut mitoitetaan asiakkaiden tarpeen mukaan.", "neutral"),
    ("Kunta kartoittaa koulutuksen tarvetta keväällä.", "neutral"),
    # "hyvin" as a degree word before an adjective
    ("Tiedonkulku on ollut hyvin huono koko vuoden.", "problem"),
    ("Sopimus on hyvin heikko.", "problem"),
    ("Yhteistyö on sujunut hyvin.", "works"),
    # what is enough carries the judgment
    ("Tiedottamisessa riittää vielä parannettavaa.", "problem"),
    ("Henkilöstöä riittää kaikkiin kouluihin.", "works"),
    # an example illustrates its topic
    ("Kuljetukset ovat hyvä esimerkki hallinnon monimutkaisuudesta.", "neutral"),
    ("Kuljetusten järjestäminen on monimutkainen.", "problem"),
    # a goal of mere coping judges the present; another goal does not
    ("Kunnat pyrkivät lähinnä selviytymään lakisääteisistä velvoitteista.", "problem"),
    ("Kunnat pyrkivät vähentämään päällekkäisyyttä.", "neutral"),
    # a merit granted, then a problem: the problem wins ...
    ("Vaikka tavoitteet ovat hyviä, uudistus tuo kunnille isoja ongelmia.", "problem"),
    ("Vaikka moni kunta on tyytyväinen, alueen kanssa on syntynyt kiistaa.", "problem"),
    # ... but two things said side by side stay mixed, an obstacle overcome still works
    ("Yhteistyö toimii hyvin, vaikka tiedonkulku takkuaa.", "mixed"),
    ("Vaikka alussa oli ongelmia, yhteistyö sujuu nyt hyvin.", "works"),
    # "toimiva" after a place says where, "toimia" with a role says as what (conv. 5) ...
    ("Alueella toimivat järjestöt kutsuttiin mukaan.", "neutral"),
    ("Työryhmä toimii kuntien ja hyvinvointialueen yhteisenä valmistelueliminä.", "neutral"),
    # ... while a working thing still works
    ("Meillä on toimiva yhteistyö kunnan kanssa.", "works"),
    ("Työryhmä toimii hyvin.", "works"),
    # the importance of a good thing, the best possible way, "tärkeää on myös, että" (conv. 3)
    ("Toimivan tiedonkulun merkitys korostuu poikkeustilanteissa.", "neutral"),
    ("Tiedonkulku on toimivaa, ja sen merkitys on suuri.", "works"),
    ("Palveluja kehitetään yhdessä parhaalla mahdollisella tavalla.", "neutral"),
    ("Asia hoidettiin parhaalla tavalla.", "works"),
    ("Tärkeää on myös, että tieto kulkee sujuvasti.", "neutral"),
    ("Tieto kulkee nykyään sujuvasti.", "works"),
    ("Avoin viestintä ja selkeä työnjako ovat yhteisiä tavoitteitamme.", "neutral"),
    ("Avoin viestintä on parantanut yhteistyötä.", "works"),
    # a requirement of improvement is a need; of anything else, a condition (conv. 3)
    ("Yhteistyöryhmän asema vaatii vahvistusta.", "problem"),
    ("Yhteistyön onnistuminen vaatii sitoutumista.", "neutral"),
    # a right or a duty to cut is a legal role; a cut announced is news of a loss
    ("Kunnalla on oikeus irtisanoa vuokrasopimus.", "neutral"),
    ("Kunta aikoo irtisanoa vuokrasopimuksen.", "problem"),
    # a failure in a condition is no finding
    ("Jos palvelut eivät toimi, asiasta voi tehdä muistutuksen.", "neutral"),
    ("Palvelut eivät toimi.", "problem"),
    # variation by place is a difference described; varying quality is a problem
    ("Käytännöt vaihtelevat alueittain.", "neutral"),
    ("Palvelun laatu vaihtelee.", "problem"),
    # the action noun of a problem verb of decline is a problem; of growth, no judgment
    ("Lähipalvelujen heikentyminen huolestuttaa kuntia.", "problem"),
    ("Hankkeen viivästyminen näkyy kouluissa.", "problem"),
    ("Lasten kasvaminen ja kehittyminen on keskiössä.", "neutral"),
]


def test_frames_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)


def test_granted_merit_is_marked_in_the_evidence() -> None:
    lexicon = load_codebook().polarity
    (doc,) = as_docs(["Vaikka tavoitteet ovat hyviä, uudistus tuo kunnille isoja ongelmia."])
    cues = {c["surface"]: c["rule"] for c in rule_polarity(doc, lexicon).cues}
    assert cues["hyviä"].endswith("+concessive")
    assert cues["ongelmia"] == "problem"
