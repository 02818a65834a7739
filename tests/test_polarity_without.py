"""Polarity: "ilman" and "vailla" deny their noun phrase, not the clause around it (session
eleven; an error read on a recovered real statement: "Ilman yhteistä toimintamallia vaarana on
päällekkäisyys" came out as praise). Team-written sentences: the denied phrase, the clause's own
verb and judgement after it, and coordinated phrases after "ja"."""

from __future__ import annotations

from collections.abc import Callable

POLARITY = [
    # the clause after the phrase keeps its own judgement
    ("Ilman lisärahoitusta toiminta loppuu.", "problem"),
    ("Ilman yhteistä suunnitelmaa vaarana on päällekkäinen työ.", "problem"),
    ("Ilman selkeää sopimusta riskinä ovat katkokset palveluissa.", "problem"),
    ("Ilman henkilöstöä ja tiloja palvelu heikkenee.", "problem"),
    # a problem denied by "ilman" or "vailla" is still praise
    ("Siirto sujui ilman suurempia ongelmia.", "works"),
    ("Yhteistyö sujui ilman ongelmia ja viivästyksiä.", "works"),
    ("Palvelu toimi vailla häiriöitä.", "works"),
    # "ilman muuta" denies nothing
    ("Yhteistyö on ilman muuta hyvää.", "works"),
]


def test_without_denies_its_phrase_only(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(POLARITY)
