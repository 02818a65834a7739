"""Views that differ and frames pointed at are no judgment (codebook §3 convention 5).

"vaihdella|vaihteleva" of views or results ("kuntien näkemykset vaihtelevat", "kokemukset …
vaihtelevat") describes a difference, while of quality it is a problem ("palvelujen laatu
vaihtelee"). A praise word after a demonstrative points at a frame ("tässä aikataulussa"), while
"eteni aikataulussa" is on schedule.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Kokemukset yhteistyön toimivuudesta vaihtelevat.", "neutral"),
    ("Kuntien näkemykset vaihtelevat paljon.", "neutral"),
    ("Palvelujen laatu vaihtelee.", "problem"),
    ("Näin suurta muutosta on vaikea tehdä tässä aikataulussa.", "problem"),
    ("Projekti eteni aikataulussa.", "works"),
]


def test_views_and_frames_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)


def test_a_schedule_pointed_at_gives_no_praise_cue() -> None:
    lexicon = load_codebook().polarity
    (doc,) = as_docs(["Tässä aikataulussa muutos on mahdoton."])
    assert not [c for c in rule_polarity(doc, lexicon).cues if c["polarity"] == "works"]
