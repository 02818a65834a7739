"""An expectation before "että" is a wish, not a finding (codebook §3 convention 3).

"Odotamme, että …" states what should happen, like "toivomme, että …"; "odotettua paremmin"
(better than expected) still praises and "odottaa yhä vastausta" (still waiting) is still a
problem.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    ("Odotamme, että hallinto-oikeus ratkaisee asian nopeasti.", "neutral"),
    ("Kaupunki odottaa, että uusi sopimus toimii paremmin kuin edellinen.", "problem"),
    ("Yhteistyö sujui odotettua paremmin.", "works"),
    ("Kunta odottaa yhä vastausta alueelta.", "problem"),
]


def test_expectations_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)
