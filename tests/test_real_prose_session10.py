"""Mechanisms and polarity of published prose, from the errors read on recovered real sets
(realdev23–26, 2026-12-07; issue 11). The sentences are team-written in the register of
news, minutes and press releases (none is taken from a source); each rule has sentences it must
change and look-alikes it must leave alone.

Mechanisms: "kyräily" and "jännitteisyys" between the parties (``vuorovaikutus``); the bill left
to a party, "maksumies" (``tyonjako``); "hyvinvointialueen hallitus käsitteli" and changes
proposed to the service network with a verb between (``paatoksenteko``); councils of older or
disabled people in two words (``osallisuus``).

Polarity: "toimia" of a mode of operation ("toimivat kaksikielisesti") or the noun "toimi"
("suunniteltuja toimia"); "rakentuu" + an allative (is based on); a court that "ei kiellä"
(a description); "ei ole ilmennyt aihetta" (no cause); "ei ole ollut moitittavaa" (praise).
"""

from __future__ import annotations

from collections.abc import Callable

MECHANISMS = [
    ("vuorovaikutus", "Kuntien ja alueen välillä on havaittavissa keskinäistä kyräilyä.", True),
    ("vuorovaikutus", "Yhteistyösuhteen jännitteisyys näkyi kokouksissa.", True),
    ("vuorovaikutus", "Sähköverkon jännite laski hetkeksi.", True),  # the old word, as before
    ("tyonjako", "Pelkäämme, että kunta joutuu taas maksumieheksi.", True),
    ("tyonjako", "Kunta maksaa koulukuljetukset.", False),
    ("paatoksenteko", "Pirkanmaan hyvinvointialueen hallitus käsitteli asiaa maanantaina.", True),
    ("paatoksenteko", "Hyvinvointialueen valtuusto käsitteli kuntien aloitteet.", True),
    ("paatoksenteko", "Hyvinvointialueen hallituksen jäsen vieraili koululla.", False),
    ("paatoksenteko", "Palveluverkkoon ehdotetaan muutoksia ensi vuodelle.", True),
    ("paatoksenteko", "Palveluverkko kattaa koko maakunnan.", False),
    ("osallisuus", "Ikäihmisten neuvosto antoi lausunnon suunnitelmasta.", True),
    ("osallisuus", "Vammaisten neuvosto kokoontuu neljästi vuodessa.", True),
    ("osallisuus", "Ikäihmisten palvelut siirtyivät alueelle.", False),
]


def test_mechanisms_of_published_prose(mechanism_mismatches: Callable[..., list]) -> None:
    assert not mechanism_mismatches(MECHANISMS)


POLARITY = [
    # a mode of operation or the noun "toimi": no judgement
    ("Neuvosto toimii kaksikielisesti.", "neutral"),
    ("Palvelupisteet toimivat jatkossa etänä.", "neutral"),
    ("Suunnitelmassa kuvataan tarvittavia toimia ja aikataulu.", "neutral"),
    ("Yhteistyö toimii hyvin.", "works"),
    ("Perhekeskuksen tiimi toimii.", "works"),
    # based on something, not being built up
    ("Varautuminen rakentuu kuntien ja alueen yhteistyölle.", "neutral"),
    ("Luottamus on rakentunut vähitellen.", "works"),
    # a court that does not prohibit; no cause found
    ("Hallinto-oikeus ei kiellä päätöksen täytäntöönpanoa.", "neutral"),
    ("Toimenpiteisiin ei ole ilmennyt aihetta.", "neutral"),
    ("Tiedonkulku ei ole toiminut.", "problem"),
    # nothing to criticise, two words between
    ("Yhteistyössä ei ole ollut moitittavaa.", "works"),
]


def test_polarity_of_published_prose(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(POLARITY)
