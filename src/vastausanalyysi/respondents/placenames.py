"""How respondents write places: generic words, prepositions, inflected adjectives, raw values.

The region resolver (:mod:`.regions`) looks names up after these helpers have taken off what is
no part of a name: generic words ("kunta", "hyvinvointialueella", "stad", "City of"; also "mlk"
and "maalaiskunta", so that a former rural municipality such as "Kuopion mlk" reads as the town
it was named after, which it merged into or lies next to in the same county), a leading
preposition ("i Borgå", "in Espoo") and the inflection of an adjective that starts a name
("Uudessakaupungissa" -> "Uusikaupunki..."). :func:`value_text` turns a cell into text.
"""

from __future__ import annotations

import re
from typing import Any

from vastausanalyysi.respondents.matching import lemma_candidates, match_key

_GENERIC_PLACE_WORDS = frozenset(
    {
        "hyvinvointialue",
        "hva",
        "maakunta",
        "kunta",
        "kaupunki",
        "seutu",
        "seutukunta",
        "alue",
        "kommun",
        "stad",
        "välfärdsområde",
        "välfärdsområdet",
        "landskap",
        "landskapet",
        "region",
        "regionen",
        "sote",
        # a former rural municipality is named after its town, whose successor is its county's:
        # "Jyväskylän mlk", "Kuopion maalaiskunta", "Rovaniemen mlk:ssa"
        "mlk",
        "maalaiskunta",
        # Swedish genitive and definite forms: "Vasa stads", "Korsholms kommun"
        "stads",
        "staden",
        "stadens",
        "kommuns",
        "kommunen",
        "kommunens",
        # English: "Wellbeing services county of Pirkanmaa", "City of Helsinki"
        "wellbeing",
        "services",
        "county",
        "city",
        "town",
        "municipality",
        "of",
        "the",
    }
)
# Prepositions before a place: Swedish "i Borgå", "från Vasa"; English "in Espoo"
_PLACE_PREPOSITIONS = frozenset({"i", "från", "till", "in", "from", "at"})
# Names whose first part is an adjective that inflects with the last: "Uudessakaupungissa",
# "Isossakyrössä", "Vähänkyrön". The inflected adjective is replaced by its base form.
_INFLECTED_ADJECTIVE = re.compile(
    r"(^|[\s-])(?:(uude(?:ssa|sta|lla|lta|lle|ksi|n)|uuteen|uutena)"
    r"|(iso(?:ssa|sta|lla|lta|lle|ksi|on|na|n))"
    r"|(vähä(?:ssä|stä|llä|ltä|lle|ksi|än|nä|n)))(?=\w{3})"
)


def value_text(value: Any) -> str:
    """Text of an input value; integral floats lose their '.0' (91.0 -> '91')."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        try:
            return value_text(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def uninflect_adjective(text: str) -> str | None:
    """'uudessakaarlepyyssä' -> 'uusikaarlepyyssä'; None when no adjective prefix is inflected."""

    def base(match: re.Match[str]) -> str:
        word = "uusi" if match.group(2) else "iso" if match.group(3) else "vähä"
        return match.group(1) + word

    new = _INFLECTED_ADJECTIVE.sub(base, text)
    return new if new != text else None


#: heads of an organisation named after its place: "Sastamalan koulutuskuntayhtymä SASKY" and
#: "Keski-Uudenmaan koulutuskuntayhtymä Keuda" are the place's, whatever name follows the head
#: (compound heads: "kuntayhtymä" covers "seurakuntayhtymä")
_ORGANISATION_HEADS = ("kuntayhtymä", "sairaanhoitopiiri", "pelastuslaitos")


def strip_generic(words: list[str]) -> list[str]:
    """Drop generic words ("kunta", "hyvinvointialueella") at the end or start of a place, a
    preposition at the start ("i Borgå"), and an organisation's head after its place with all
    that follows it ("Sastamalan koulutuskuntayhtymä SASKY")."""
    words = list(words)
    if len(words) > 1 and words[0] in _PLACE_PREPOSITIONS:
        words.pop(0)
    for k in range(1, len(words)):
        if any(c.endswith(_ORGANISATION_HEADS) for c, _ in lemma_candidates(match_key(words[k]))):
            words = words[:k]
            break

    def generic(word: str) -> bool:
        return any(c in _GENERIC_PLACE_WORDS for c, _ in lemma_candidates(match_key(word)))

    while len(words) > 1 and generic(words[-1]):
        words.pop()
    while len(words) > 1 and generic(words[0]):
        words.pop(0)
    return words


__all__ = ["strip_generic", "uninflect_adjective", "value_text"]
