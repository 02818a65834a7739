"""Decisions over the runs of name words of one text (see :mod:`vastausanalyysi.nlp.pii.masker`):
coordination, the first names of a foundation's name, a surname repeated after the full name."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii.context import GAP, gap
from vastausanalyysi.nlp.pii.names import COORDINATING_CONJUNCTIONS, context_words
from vastausanalyysi.nlp.pii.words import WordInfo

# "Jartsa eli Jari Kuusela"; Swedish and English too ("Lindqvist och Berg", "Holm and Ek")
_COORD = COORDINATING_CONJUNCTIONS | frozenset(context_words("name_coordinators")) | {",", "&"}


def coordinated(
    text: str, words: list[re.Match[str]], groups: list[tuple[int, int]], g: int, h: int
) -> bool:
    """True when only "ja", "sekä", "tai", a comma, "&", "eli" (or the Swedish and English
    "och", "and" …) stands between runs ``g`` and ``h``."""
    left, right = (groups[g], groups[h]) if g < h else (groups[h], groups[g])
    between = text[words[left[1] - 1].end() : words[right[0]].start()].strip().lower()
    return between in _COORD or between.rstrip(",").strip() in _COORD


def foundations(
    text: str,
    words: list[re.Match[str]],
    infos: list[WordInfo],
    groups: list[tuple[int, int]],
    decided: dict[int, bool | None],
) -> None:
    """First names coordinated before the genitive name of a foundation, fund or prize belong to
    its name ("Ella ja Georg Ehrnroothin säätiö", "Jenny ja Antti Wihurin rahasto")."""
    for h, (_, b) in enumerate(groups):
        if not (
            b < len(words)
            and infos[b].foundation
            and "omanto" in infos[b - 1].cases
            and gap(text, words, b) in GAP
        ):
            continue
        g = h - 1
        while (
            g >= 0
            and coordinated(text, words, groups, g, g + 1)
            and all(i.first and "nimento" in i.cases for i in infos[slice(*groups[g])])
        ):
            decided[g] = False
            g -= 1


def repeated(
    infos: list[WordInfo], groups: list[tuple[int, int]], decided: dict[int, bool | None]
) -> None:
    """A capitalised surname alone that no context decided is the person when a full name
    masked in the same text ends in it ("Hankkeen vetäjänä oli Päivi Koski. Kosken lähdettyä
    …"; "Mäen päällä" in a text without a Mäki stays; a first name is not repeated so: "Usko
    Hämäläinen …. Usko tulevaisuuteen …")."""
    known: set[str] = set()
    for g, (a, b) in enumerate(groups):
        if decided[g] and b - a > 1 and infos[a].first:
            known |= infos[b - 1].name_bases
    if not known:
        return
    for g, (a, b) in enumerate(groups):
        if (
            decided[g] is None
            and b - a == 1
            and infos[a].shape != "lower"
            and infos[a].name_bases & known
        ):
            decided[g] = True


__all__ = ["coordinated", "foundations", "repeated"]
