"""Small, dependency-free helpers on values and words shared by every layer.

``is_missing`` is the one test for an empty cell; ``edits1`` the one generator of single edits,
used by the typo fixer (``nlp.typos``) and by title and place matching (``respondents``).
"""

from __future__ import annotations

import math
from typing import Any

FINNISH_LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"


def is_missing(value: Any, *, blank: bool = False) -> bool:
    """None, NaN, pandas NA/NaT; with ``blank=True`` also empty or whitespace-only strings."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if type(value).__name__ in {"NAType", "NaTType"}:
        return True
    if blank and isinstance(value, str):
        return not value.strip()
    try:  # numpy floating scalars
        return bool(value != value)  # NaN is the only value unequal to itself
    except (TypeError, ValueError):
        return False


def edits1(word: str, alphabet: str = FINNISH_LETTERS) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(word)
    return out


__all__ = ["FINNISH_LETTERS", "edits1", "is_missing"]
