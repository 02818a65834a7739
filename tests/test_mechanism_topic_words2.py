"""Mechanism words in another sense, or named as a topic (issue 11; codebook §4 rules 3 and 6).

A sentence about firms, unions or employers that names no party is their own business: their
agreement, negotiation or contact person is not the parties' cooperation, while a party's own
company ("kiinteistöyhtiö") or a firm with a party named keeps it. Collective
bargaining ("työehtosopimusneuvottelut") is no meeting of the parties; an interface of a system
("ohjelmointirajapinta") is no boundary between their tasks; a skill ("vuorovaikutustaidot"), a
building ("seurakuntatalo") and one client's case ("sijoituspäätös") name no mechanism; the
press line "Lisätietoja antaa …" names the press contact. A sentence with a union or staff
organisation is about labour relations: its negotiations are no meeting of the parties (a task
moving stays ``tyonjako``). One body approving its own budget or strategy is its own business,
not a decision between the parties, unless the clause names the municipal side or a network.
Elected officials in a sentence about an election are candidates or the elected even with both
sides named. A topic of an event or a text ("Seminaarin aiheena oli työnjako") is not the
parties cooperating, unless the event is the parties' own ("kunnan ja hyvinvointialueen
yhteisen seminaarin aiheena"). A "tieto" compound that is a thing ("asiakastietojärjestelmä",
"tietosuoja") is one body's system unless the parties are together in the sentence. A lease
that moves ("vuokrasopimukset siirtyvät hyvinvointialueelle") is a premises deal, not a task
moving. An overlap avoided or prevented ("ilman päällekkäisiä selvityksiä") is an aim, not the
division of work; an overlap that exists or was reduced is. The state negotiating with
the counties, no municipality named, is steering, not the parties meeting; the state as a
source ("Ministeriön mukaan …") reports on the parties. Responsible bodies ("vastuutahot") are
``vastuuhenkilot`` when one is named or clear for a task, not as participants in a list.
Secrecy in preparing decisions ("salamyhkäinen", "kulissien takana") is ``paatoksenteko``.

Every sentence is team-written for this test (helper mechprec, 2026-12-06; the "vastuutaho"
and secrecy rows 2026-12-07); none is taken from a measurement set.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger

CASES = [
    # firms', unions' and employers' business, no party named
    (
        "suunnitelmallisuus",
        "Kaksi rakennusyritystä solmi sopimuksen hankinnasta.",
        False,
    ),
    ("tapaamiset", "Ammattiliitto ja työnantaja neuvottelevat palkoista ensi viikolla.", False),
    ("vastuuhenkilot", "Energiayhtiön asiakkuuksien vastuuhenkilönä toimii myyntijohtaja.", False),
    # ... a party named, or a party's own company
    (
        "suunnitelmallisuus",
        "Kaupunki ja rakennusyritys solmivat sopimuksen kuljetuksista.",
        True,
    ),
    ("suunnitelmallisuus", "Kiinteistöyhtiön kanssa on sovittu yhteisistä tavoitteista.", True),
    # collective bargaining; the parties' own negotiations keep
    ("tapaamiset", "Virkaehtosopimusneuvottelut alkavat taas syksyllä.", False),
    ("tapaamiset", "Kunnan ja hyvinvointialueen neuvottelut alkavat taas syksyllä.", True),
    # an interface of a system; the boundary between services keeps
    ("tyonjako", "Potilastietojärjestelmän rajapinta uusitaan keväällä.", False),
    ("tyonjako", "Sovellusrajapinta avataan kehittäjille ensi vuonna.", False),
    ("tyonjako", "Koulun ja lastensuojelun rajapinta on edelleen epäselvä.", True),
    # a skill, a building, one client's case
    ("vuorovaikutus", "Hoitajille järjestetään koulutusta vuorovaikutusosaamisesta.", False),
    ("vuorovaikutus", "Vuorovaikutus kunnan kanssa on parantunut.", True),
    ("osallisuus", "Joulumyyjäiset pidetään seurakuntatalolla.", False),
    ("osallisuus", "Järjestöt otetaan mukaan palvelujen suunnitteluun.", True),
    ("paatoksenteko", "Etuuspäätöstä joutuu odottamaan kuukausia.", False),
    ("paatoksenteko", "Palveluverkkopäätöstä joutuu odottamaan kuukausia.", True),
    # the press line
    ("vastuuhenkilot", "Lisätietoja antaa kirjaston yhteyshenkilö Liisa Mäkinen.", False),
    ("vastuuhenkilot", "Kunnalle nimettiin yhteyshenkilö hyvinvointialueelta.", True),
    # elected officials in a sentence about an election
    ("luottamushenkilot", "Kunta jäi ilman omaa aluevaltuutettua, kun äänet hajosivat.", False),
    ("luottamushenkilot", "Aluevaaleissa valtuutetuksi pääsi kaupungista kolme ehdokasta.", False),
    ("luottamushenkilot", "Kunnan ja alueen valtuutetut tapaavat vaalien jälkeen yhdessä.", True),
    ("luottamushenkilot", "Kuntapäättäjät ja aluevaltuutetut kokoontuvat kahdesti vuodessa.", True),
    # a topic named in the essive
    ("tyonjako", "Koulutuspäivän aiheena oli oppilashuollon työnjako.", False),
    ("osallisuus", "Lehden pääkirjoituksen teemana oli asukkaiden osallisuus.", False),
    (
        "tapaamiset",
        "Seminaarin aiheena oli sivistystoimen ja nuorisotoimen välinen jako.",
        False,
    ),
    ("tyonjako", "Kunnan ja hyvinvointialueen yhteisen seminaarin aiheena oli työnjako.", True),
    ("tyonjako", "Osallistuimme yhdyspintaforumiin, jonka aiheena oli vastuunjako.", True),
    ("tyonjako", "Vastuunjako on ollut jo pitkään kiistan aiheena.", True),
    # a "tieto" compound that is a thing
    ("tietopohja", "Valtion uusi tietojärjestelmä otetaan käyttöön ensi vuonna.", False),
    ("tietopohja", "Tietosuoja on yhtiön hallituksen vastuulla.", False),
    ("tietopohja", "Kunnan ja hyvinvointialueen tietojärjestelmät eivät keskustele.", True),
    # one body approving its own budget or strategy
    ("paatoksenteko", "Aluehallitus hyväksyi alueen talousarvion yksimielisesti.", False),
    ("paatoksenteko", "Uusi strategia hyväksyttiin aluevaltuustossa äänin 50–9.", False),
    ("paatoksenteko", "Aluevaltuusto hyväksyi kuntien kannalta raskaan talousarvion.", True),
    ("paatoksenteko", "Aluevaltuusto hyväksyi palveluverkkosuunnitelman äänin 45–24.", True),
    ("paatoksenteko", "Aluehallitus hyväksyi uuden palvelustrategian.", True),
    # labour relations: a union or staff organisation in the sentence
    ("tapaamiset", "Kaupungin ja henkilöstöjärjestöjen neuvottelut jatkuvat ensi viikolla.", False),
    ("tapaamiset", "Kaupungin ja hyvinvointialueen neuvottelut jatkuvat ensi viikolla.", True),
    ("tyonjako", "Ammattiliitto vastustaa kuraattorien siirtoa hyvinvointialueelle.", True),
    # an overlap avoided or prevented; one that exists or was reduced keeps
    ("tyonjako", "Uudella mallilla halutaan välttää päällekkäistä työtä.", False),
    ("tyonjako", "Asiakkaat ohjataan eteenpäin ilman päällekkäisiä selvityksiä.", False),
    ("tyonjako", "Palvelut sovitetaan yhteen, ettei synny päällekkäisyyksiä.", False),
    ("tyonjako", "Kunnassa ja alueella tehdään paljon päällekkäistä työtä.", True),
    ("tyonjako", "Uusi malli on vähentänyt päällekkäistä työtä selvästi.", True),
    # the state negotiating with the counties is steering; with municipalities named it keeps
    ("tapaamiset", "Ministeriö aloitti alueiden kanssa uuden neuvottelukierroksen.", False),
    ("tapaamiset", "Kunnat ja hyvinvointialue neuvottelevat ministeriön ohjeen mukaisesti.", True),
    ("vuorovaikutus", "Ministeriön mukaan vuoropuhelu alueiden kanssa on parantunut.", True),
    # a lease that moves
    ("tyonjako", "Koulujen vuokrasopimukset siirtyivät kaupungille vuoden alussa.", False),
    ("tyonjako", "Kuraattorit siirtyivät kaupungille vuoden alussa.", True),
    # responsible bodies named for a task, not listed as participants (2026-12-07)
    ("vastuuhenkilot", "Kunnassa on nimetty vastuutaho hyte-työlle.", True),
    ("vastuuhenkilot", "Hyte-työlle ei ole selkeää vastuutahoa.", True),
    ("vastuuhenkilot", "Seminaariin osallistuivat alueen vastuutahot ja asiantuntijat.", False),
    ("vastuuhenkilot", "Kokouksessa kuultiin eri vastuutahoja.", False),
    # secrecy in preparing decisions: the openness of decision-making (codebook §2)
    ("paatoksenteko", "Palveluverkon valmistelu on ollut salamyhkäistä.", True),
    ("paatoksenteko", "Ratkaisut on tehty kulissien takana kuulematta kuntia.", True),
    ("paatoksenteko", "Alueen salailu palveluverkon muutoksista heikentää luottamusta.", True),
]


def test_other_sense_or_cooperation(mechanism_mismatches: Callable[..., list]) -> None:
    assert not mechanism_mismatches(CASES)


def test_other_sense_is_set_aside(nlp: Language, tagger: RuleTagger) -> None:
    """A blocked word is recorded as set aside, so the model does not give the code from it."""
    result = tagger.tag_doc(nlp("Virkaehtosopimusneuvottelut alkavat taas syksyllä."))
    assert result.set_aside.get("tapaamiset") == {0}
