"""A mechanism word that names a topic, not the way the parties cooperate (issue 11; codebook
§4 rule 6).

Elected officials give ``luottamushenkilot`` only where they may be working together: in a
sentence with a word of dealing with each other ("yhteinen", "kesken", "tavata", "kanava") or
naming both sides (a municipal and a county word), or in a list item without a verb
("Luottamushenkilöt: hyvä."). Officials as the holders of a power, the owners of a worry or
the object of someone's encouragement are a topic. A sentence that names the state deciding or
legislating ("hallitus" as a word of its own, a ministry, a bill) is about the state's decisions,
not decision-making between the parties: it gives no ``paatoksenteko``, nor does the heading of
minutes ("Päätösehdotus: …"), a part of the document. Informing residents,
the media or voters, or a press announcement ("Alue tiedottaa: …"), is no information passing
between the parties (``tietopohja``) unless a party is told ("tiedotti kunnille"), nor is
knowing who the contacts are ("tieto vastuuhenkilöistä"), nor one party's own foresight
("kuntien ennakointi" with no other side or joint word). Residents
in "X:n mukaan" (according to) are the people served or the source of a finding
("asukkaiden tarpeiden mukaan"), not residents taking part ("asukkaat mukaan suunnitteluun").
A dispute whose matter or cause is named ("kiistan aihe", "on aiheuttanut kiistaa") is coded
by the matter, as a dispute with the matter in the elative is (CODING.md M11). Doing
something together ("tehdään yhdessä") is joint work, not joint planning, unless a plan is
named ("hyvinvointikertomus tehdään yhdessä"). A client or service user meeting or dealing
with someone ("oppilaat tapaavat psykologin") is a service encounter, not the parties meeting,
and "tilaisuus" with an infinitive after it is a chance ("tilaisuus kuulla"), with residents or
voters around it the public's event: neither is a meeting of the parties, nor is one body's
own meeting ("Valtuusto ei käsitellyt asiaa tässä kokouksessa") or an event of others ("alueen
monialainen seminaari onnistui"). A service moving to another
municipality ("siirtyi naapurikuntaan") is a relocation, not a task moving between the parties,
and tasks ended ("tehtäviä lopetetaan") are not divided between them.
Every sentence is team-written for this test.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger

CASES = [
    # luottamushenkilot: officials as a topic
    ("luottamushenkilot", "Aluevaltuutetuilla on nyt paljon valtaa.", False),
    ("luottamushenkilot", "Paikallispoliitikkojen huoli talouden kestävyydestä kasvaa.", False),
    ("luottamushenkilot", "Virkamiehet kannustavat päättäjiä rohkeisiin ratkaisuihin.", False),
    ("luottamushenkilot", "Maakunnan laaja luottamushenkilöorganisaatio sai kritiikkiä.", False),
    # ... and officials who may be working together
    ("luottamushenkilot", "Luottamushenkilöiden välillä on hyvä yhteys.", True),
    ("luottamushenkilot", "Aluevaltuutetut eivät tunne kunnan tilannetta.", True),
    ("luottamushenkilot", "Meillä on suora kanava aluevaltuutettuihin.", True),
    ("luottamushenkilot", "Luottamushenkilöt: hyvä.", True),
    ("luottamushenkilot", "Poliittinen veivaus näkyy aiempaa enemmän.", False),
    ("luottamushenkilot", "Poliittinen taso ei toimi.", True),
    ("luottamushenkilot", "Luottamushenkilötasolla ei tapahdu mitään.", True),
    # paatoksenteko: the state's bill and its consultation round, not a county's decision
    ("paatoksenteko", "Hallituksen lakiesitys on lausuntokierroksella kesäkuuhun asti.", False),
    ("paatoksenteko", "Ministeriön lakiluonnoksesta järjestetään lausuntokierros syksyllä.", False),
    ("paatoksenteko", "Alueen palveluverkkoluonnos on lausuntokierroksella kunnissa.", True),
    ("paatoksenteko", "Hyvinvointialueen hallitus päätti sulkea kaksi terveysasemaa.", True),
    ("paatoksenteko", "Aluehallitus päätti sulkea kaksi terveysasemaa.", True),
    # paatoksenteko: the heading of minutes
    ("paatoksenteko", "Päätösehdotus: Lautakunta merkitsee selvityksen tiedoksi.", False),
    ("paatoksenteko", "Päätöksenteko: hidasta ja suljettua.", True),
    # tietopohja: informing the public or announcing, not information between the parties
    ("tietopohja", "Tiedottaminen kunnan asukkaille viivästyi.", False),
    ("tietopohja", "Kaikki puolueet eivät ole viestineet vaaleista selkeästi.", False),
    ("tietopohja", "Hyvinvointialue tiedottaa: jonot ovat lyhentyneet.", False),
    ("tietopohja", "Hyvinvointialue tiedottaa, että jonot ovat pidentyneet.", False),
    ("tietopohja", "Hyvinvointialue tiedotti kunnille, että jonot ovat pidentyneet.", True),
    ("tietopohja", "Hyvinvointialueen viestintä kuntien suuntaan on epäjohdonmukaista.", True),
    ("tietopohja", "Tiedottaminen on puutteellista.", True),
    # tietopohja: knowing who the contacts are is a matter of contact persons
    ("tietopohja", "Tieto vastuuhenkilöistä puuttuu.", False),
    ("tietopohja", "Alueen yhteyshenkilöiden tiedot päivitetään verkkosivuille.", False),
    ("tietopohja", "Yhteyshenkilöt on nimetty, mutta tieto ei silti kulje.", True),
    # tietopohja: one party's own foresight
    ("tietopohja", "Asuminen edellyttää kuntien aktiivista ja laajaa ennakointia.", False),
    ("tietopohja", "Kuntien ja alueen yhteinen ennakointi puuttuu.", True),
    ("tietopohja", "Ennakointi puutteellista.", True),
    # osallisuus: residents as the people served or the source of a finding ("X:n mukaan")
    ("osallisuus", "Palvelut järjestetään asukkaiden tarpeiden mukaan.", False),
    ("osallisuus", "Kuntalaisten palautteen mukaan neuvolat ovat parantuneet.", False),
    ("osallisuus", "Asukkaat mukaan palveluiden suunnitteluun.", True),
    ("osallisuus", "Kunta otti asukkaan mukaan suunnitteluun.", True),
    ("osallisuus", "Järjestöjen mukaan yhteistyö toimii.", True),
    # vuorovaikutus: a dispute whose matter or cause is named is coded by the matter
    ("vuorovaikutus", "Terveydenhoitajan huone on jatkuva kiistan aihe.", False),
    ("vuorovaikutus", "Kuljetusten järjestäminen on aiheuttanut kiistaa.", False),
    ("vuorovaikutus", "Kunta ja alue ovat ajautuneet kiistaan.", True),
    # suunnitelmallisuus: doing something together is joint work; planning needs a plan named
    ("suunnitelmallisuus", "Kehittämistyötä tehdään yhdessä kuntien kanssa.", False),
    ("suunnitelmallisuus", "Koordinaattorit tuntevat toisensa ja tekevät yhdessä.", False),
    ("suunnitelmallisuus", "Hyvinvointikertomus tehdään yhdessä kuntien kanssa.", True),
    ("suunnitelmallisuus", "Kunta ja alue suunnittelevat yhdessä uuden perhekeskuksen.", True),
    # tapaamiset, vuorovaikutus: a client met or dealt with is a service encounter
    ("tapaamiset", "Oppilaat tapaavat psykologin yhä omassa koulussaan.", False),
    ("tapaamiset", "Kotihoidon hoitaja tapaa asiakkaan kotona kerran viikossa.", False),
    ("vuorovaikutus", "Työnhakijoiden on voitava asioida vuorovaikutteisesti.", False),
    ("tapaamiset", "Johtoryhmät tapaavat kerran kuukaudessa.", True),
    ("tapaamiset", "Asiakkaiden asioista puhutaan, kun johtajat tapaavat kuukausittain.", True),
    # tapaamiset: "tilaisuus" as a chance, or the public's event
    ("tapaamiset", "Tämä oli hyvä tilaisuus kuulla nuorten ajatuksia.", False),
    ("tapaamiset", "Asukkaille järjestetty kuulemistilaisuus oli muodollisuus.", False),
    ("tapaamiset", "Ehdokkaat puhuivat torilla järjestetyssä vaalitilaisuudessa.", False),
    ("tapaamiset", "Hyvinvointialue järjestää kuntien johdolle infotilaisuuden.", True),
    ("tapaamiset", "Luottamushenkilöiden yhteiset tilaisuudet ovat lisääntyneet.", True),
    # tapaamiset: one body's own meeting as the setting of its business
    ("tapaamiset", "Valtuusto ei käsitellyt asiaa tässä kokouksessa.", False),
    ("tapaamiset", "Lautakunta siirsi asian seuraavaan kokoukseen.", False),
    ("tapaamiset", "Alueen edustaja osallistuu kunnan johtoryhmän kokouksiin.", True),
    ("tapaamiset", "Kunnan ja alueen johdon kokoukset harvenivat.", True),
    # ... and an event or network of others
    ("tapaamiset", "Maakunnan monialainen seminaari onnistui hienosti.", False),
    ("tapaamiset", "Laaja valmiusfoorumi yhdistää satoja toimijoita verkostoon.", False),
    ("tapaamiset", "Valtuustojen yhteisseminaari koettiin hyödylliseksi.", True),
    ("tapaamiset", "Kunnan valtuutetut kutsuttiin alueen strategiaseminaariin.", True),
    # tyonjako: a service moving to another municipality is a relocation
    ("tyonjako", "Neuvola siirtyi naapurikuntaan.", False),
    ("tyonjako", "Kunta vastustaa terveysaseman siirtoa naapurikuntaan.", False),
    ("tyonjako", "Kuraattorit siirtyvät takaisin kunnalle.", True),
    # tyonjako: tasks ended are not divided
    ("tyonjako", "Osa kuntien ja alueen tehtävistä lopetetaan säästöjen vuoksi.", False),
    ("tyonjako", "Kuntien ja hyvinvointialueiden tehtävät ovat epäselviä.", True),
]


def test_topic_or_cooperation(mechanism_mismatches: Callable[..., list]) -> None:
    assert not mechanism_mismatches(CASES)


def test_official_as_topic_is_set_aside(nlp: Language, tagger: RuleTagger) -> None:
    """The official word is recorded as set aside, so the model does not give the code from it."""
    result = tagger.tag_doc(nlp("Aluevaltuutetuilla on nyt paljon valtaa."))
    assert result.set_aside.get("luottamushenkilot") == {0}
