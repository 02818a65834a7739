"""Where in a text: "hän" later in the sentence or the text, a pattern right before a position,
the last sentence break before one. Searched once per text (:func:`_bounds`), so that a long
answer's many names do not search it again each. Used by the name masker's context rules."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_SENTENCE_END = re.compile(r"[.!?\n]")

#: "hän" in any case, with a clitic ("hänkin", "häneltähän"): a person spoken of before
HE = re.compile(
    r"\bhän(?:en|tä|et|essä|estä|een|ellä|eltä|elle|enä|eksi)?(?:kin|kään|kaan|hän)?\b", re.I
)


@lru_cache(maxsize=8)
def _bounds(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and the ends of ``pattern``'s matches in ``text``, found once per text (a long
    answer's many names would otherwise search it again each)."""
    found = [m.span() for m in pattern.finditer(text)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def he_after(text: str, start: int) -> bool:
    """ "hän" in any case anywhere in ``text`` from ``start``."""
    starts = _bounds(HE, text)[0]
    return bisect_left(starts, start) < len(starts)


def ends_before(pattern: re.Pattern[str], text: str, end: int, window: int = 40) -> bool:
    """Whether ``pattern`` (ending in ``$``) matches right before ``end``, looking back at most
    ``window`` characters (a search from the text's start would cost its length for each
    word of a long answer)."""
    return pattern.search(text, max(0, end - window), end) is not None


def last_break(pattern: re.Pattern[str], text: str, start: int) -> int:
    """The end of the last match of ``pattern`` (a sentence or line break) that ends at or
    before ``start``, or 0."""
    ends = _bounds(pattern, text)[1]
    k = bisect_right(ends, start)
    return ends[k - 1] if k else 0


def he_later(text: str, start: int) -> bool:
    """ "hän" in any case later in the sentence from ``start``."""
    return later_in_sentence(HE, text, start)


def he_next(text: str, start: int) -> bool:
    """The sentence after the one at ``start`` begins with "hän" in any case ("Koski on ollut
    tiukka mutta reilu. Hän tuntee …")."""
    end = _SENTENCE_END.search(text, start)
    if end is None:
        return False
    rest = text[end.end() :].lstrip(" \u00a0.!?")
    return HE.match(rest) is not None


def later_in_sentence(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether ``pattern`` occurs in ``text`` from ``start`` to the end of its sentence."""
    end = _SENTENCE_END.search(text, start)
    return pattern.search(text, start, end.start() if end else len(text)) is not None


__all__ = [
    "HE",
    "ends_before",
    "he_after",
    "he_later",
    "he_next",
    "last_break",
    "later_in_sentence",
]
