"""Mechanisms of statement prose (session eleven, 2026-12-08; issue 11). Team-written sentences:
regular contact said with its parties between the subject and "olla säännöllinen"
(``tapaamiset``), and "ennakoitava"/"ennakoimaton" of decisions, which is predictability of
decision-making (``paatoksenteko``), not foresight (``tietopohja``); organisations' knowledge
drawn on (``osallisuus``)."""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    ("tapaamiset", "Yhteydenpito hyvinvointialueen ja kuntien välillä on säännöllistä.", True),
    ("tapaamiset", "Yhteistyö alueen kanssa on ollut säännöllistä.", True),
    ("tapaamiset", "Yhteistyö alueen kanssa on ollut hankalaa.", False),
    ("tietopohja", "Hyvinvointialueen päätöksenteko on ollut vaikeasti ennakoitavaa.", False),
    ("paatoksenteko", "Hyvinvointialueen päätöksenteko on ollut vaikeasti ennakoitavaa.", True),
    ("tietopohja", "Päätökset ovat olleet kunnille ennakoimattomia.", False),
    ("tietopohja", "Palvelutarpeiden ennakointi tehdään yhdessä kuntien kanssa.", True),
    ("osallisuus", "Järjestöjen asiantuntemusta hyödynnetään hyte-työssä.", True),
    ("osallisuus", "Kunnan oma asiantuntemus riittää hyte-työhön.", False),
]


def test_mechanisms_of_statements(mechanism_mismatches: Callable[..., list]) -> None:
    assert not mechanism_mismatches(CASES)
