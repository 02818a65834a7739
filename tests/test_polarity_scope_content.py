"""Negation scope, a noun's infinitive, expectations, "kesken" of time and a quality that varies
(codebook §3; issue 11, errors of an independent check of real-style text).

- A negation reaches its own verb and that verb's object, not the infinitive of a noun in an
  adverbial: "ei kuultu ennen päätöstä sulkea …" denies the hearing, not the closing (a cut,
  ``problem``).
- An A-infinitive that a noun governs ("tapa toimia", "on määrä parantaa") names the noun's
  content: no ``works``.
- "odottaa" with a nominal object or source, after or before it ("odottavat kunnilta selkeitä
  …", "selkeitä … odotetaan"), is an expectation, like "odotamme, että …": what is expected is
  no finding (conv. 3).
- "kesken" before a genitive is "in the middle of" ("kesken syyslukukauden"), not unfinished.
- A quality that varies ("palvelujen laatu vaihtelee kunnasta toiseen") is a problem; views and
  practices that vary by place stay neutral (conv. 5).
- "jäädä yksin asumaan" describes how someone lives, "siirtää alueen kontolle" a transfer
  (codebook §5); "jäädä yksin hoitamaan", "jäädä kunnan kontolle" are burdens. A service that
  disappears from somewhere ("hävitä") is a problem, a proposal that loses a vote ("hävisi
  äänestyksessä") or a team that loses not.

Every sentence is team-written for these tests (helper polfix, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    # negation scope: the noun's infinitive is outside; the verb's own object stays inside
    ("Kaupunkia ei kuultu ennen ratkaisua sulkea kirjaston sivupiste.", "problem"),
    ("Valtuustoa ei informoitu ennen päätöstä karsia kouluterveydenhoitajien tehtäviä.", "problem"),
    ("Kuntaa ei tiedotettu aikeesta lopettaa hammashoitolan vastaanotto.", "problem"),
    ("Meillä ei ole keinoja parantaa tilannetta.", "problem"),
    ("Tämä ei ole oikea hetki tehdä uusia leikkauksia kouluterveydenhuoltoon.", "problem"),
    ("Alue ei ole halunnut kehittää yhteistyötä kanssamme.", "problem"),
    # a noun's content
    ("Yhteinen vuosikello ei ole paperi vaan tapa toimia suunnitelmallisesti.", "neutral"),
    ("Hankkeen on määrä parantaa ikäihmisten kotiin vietäviä palveluja.", "neutral"),
    # a finite verb after its subject in a coordinated part still judges
    ("Arki sujuu ja yksi puhelu riittää.", "works"),
    # expectations with a nominal object; a comparative expected is a lack (as with "toivoa")
    ("Järjestöt odottavat kunnilta selkeitä yhteyshenkilöitä.", "neutral"),
    ("Kunnat odottavat alueelta toimivaa tiedonkulkua kriisitilanteissa.", "neutral"),
    ("Odotimme tiiviimpää yhteydenpitoa, mutta tapaamisia ei ole järjestetty lainkaan.", "problem"),
    ("Kunta odotti vastausta pitkään, mutta lopulta sopimus saatiin aikaan.", "works"),
    # the object before the verb, and a participle after it, are expected too
    ("Hyviä kokemuksia odotetaan myös naapurikunnista.", "neutral"),
    ("Selkeitä yhteyshenkilöitä odotetaan alueelta pian.", "neutral"),
    ("Uuden ohjausmallin odotetaan sujuvoittavan asiakkaiden siirtoja.", "neutral"),
    # "kesken" of time; unfinished and "among" as before
    ("Rehtorille luvattiin, ettei psykologia siirretä muualle kesken syyslukukauden.", "neutral"),
    ("Yhteinen hyte-suunnitelma on vielä kesken.", "problem"),
    ("Selvitystyö jäi kesken.", "problem"),
    ("Vastuut jaettiin kuntien kesken.", "neutral"),
    # a quality that varies; views and practices that vary
    ("Kotihoidon palvelujen laatu vaihtelee paljon kunnasta toiseen.", "problem"),
    ("Neuvolapalvelujen saatavuus vaihtelee alueittain.", "problem"),
    ("Vastaajien arviot palvelujen laadusta vaihtelevat kunnittain.", "neutral"),
    ("Kokouskäytännöt vaihtelevat alueittain.", "neutral"),
    ("Uutta työnjakoa odotetaan kouluissa vaihtelevin mielin.", "neutral"),
    # living alone described; a party left alone with a task is a burden
    ("Isä jäi yksin asumaan rivitaloon.", "neutral"),
    ("Koulut jäivät yksin hoitamaan oppilashuoltoa.", "problem"),
    # a task moved to someone's account is a transfer described; one left there is a burden
    ("Kotoutumisen tehtävät siirrettiin alueen kontolle.", "neutral"),
    ("Iltapäivätoiminta jäi kunnan kontolle.", "problem"),
    # disappearing services; a proposal that loses a vote
    ("Pankkipalvelujen jälkeen myös neuvola on hävinnyt kylältä.", "problem"),
    ("Lautakunnan esitys hävisi valtuuston äänestyksessä.", "neutral"),
    ("Kaikki ehdokkaat kunnastamme hävisivät aluevaaleissa.", "neutral"),
    ("Paikallinen joukkue hävisi eilen selvästi.", "neutral"),
    ("Lähikirjasto häviää kylästämme ensi keväänä.", "problem"),
]


def test_scope_content_cases_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)
