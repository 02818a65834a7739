"""A document confirmed is a decision, a view taken into account is a result (codebook §3, §5).

"vahvistaa" strengthens ("osallisuutta on vahvistettu": works) but of a budget, a plan or an
agreement it confirms ("talousarvio on vahvistettu": a decision reported, neutral). The perfect
of "huomioida" says that something was taken into account (works); negated, it was not
(problem).

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    ("Talousarvio on vahvistettu valtuustossa.", "neutral"),
    ("Aluehallitus on vahvistanut palvelustrategian.", "neutral"),
    ("Osallisuutta on vahvistettu kyselyillä.", "works"),
    ("Kuntien näkemykset on huomioitu valmistelussa.", "works"),
    ("Kuntien näkemyksiä ei ole huomioitu valmistelussa.", "problem"),
]


def test_confirmed_and_heeded_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)
