"""What something is for is no finding and no lack (codebook §3 conventions 3 and 5).

A cue word that names a purpose or a potential says neither that something works nor that it is
missing: the A-infinitive of a noun of a chance ("nähtiin tilaisuutena parantaa …", "antaa aikaa
kehittää ja vahvistaa …", also when the infinitives are coordinated), the passive present of a
relative clause of means ("toimintamalli, jolla parannetaan …", "ryhmä, jonka avulla
selkeytetään …") and what "mahdollistaa" enables. Their look-alikes still judge: a need to
improve ("pitää kehittää"), the perfect of "mahdollistaa" and of an improvement verb (results),
and an active clause after "jolla" (where it works).

Every sentence is team-written for these tests (helper realpol, 2026-12-06), in the register of
news, statements and minutes; none is taken from a source.
"""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    # a chance and what it is for
    ("Uudistus nähtiin tilaisuutena parantaa palvelujen saatavuutta.", "neutral"),
    ("Kunnille pitää antaa aikaa kehittää ja vahvistaa hyvinvointityötä.", "neutral"),
    # a clause of means in the passive present
    ("Sovittiin toimintamallista, jolla parannetaan tiedonkulkua kouluihin.", "neutral"),
    ("Työryhmä, jonka avulla selkeytetään työnjakoa, kokoontuu kuukausittain.", "neutral"),
    # what is enabled
    (
        "Yhteinen tietojärjestelmä mahdollistaa sujuvan tiedonkulun koulujen ja alueen välillä.",
        "neutral",
    ),
    # ... but a need, a result and an active clause after "jolla" still judge
    ("Yhteistyötä pitää kehittää ja vahvistaa.", "problem"),
    ("Uusi toimintamalli on mahdollistanut sujuvan tiedonkulun kuntiin.", "works"),
    ("Kehittämisrahalla on parannettu tiedonkulkua kouluihin.", "works"),
    ("Tämä on kunta, jolla yhteistyö toimii hyvin.", "works"),
]


def test_purposes_and_potentials_get_their_polarity(
    polarity_mismatches: Callable[..., list],
) -> None:
    assert not polarity_mismatches(CASES)
