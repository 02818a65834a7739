"""Small, dependency-free helpers on values and words shared by every layer.

``is_missing`` is the one test for an empty cell; ``edits1`` the one generator of single edits,
used by the typo fixer (``nlp.typos``) and by title and place matching (``respondents``);
``is_non_answer`` the one test for an answer with nothing to code ("Ei kommentteja.", "eos",
"Kiitos kyselystä!"), used by the tagger (``themes``) and by clustering (``clusters``).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from vastausanalyysi._resources import read_yaml

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


#: Where an answer is cut into parts for :func:`is_non_answer`: any character that is no letter,
#: digit or space (punctuation, dashes, bullets, symbols), and the underscore.
_NON_ANSWER_CUT = re.compile(r"[^\w\s]|_")
#: Letters typed one by one with dots or slashes between them: one word ("n/a", "e.o.s.").
_SPELT = re.compile(r"(?<!\w)\w(?:[./]\w)+(?!\w)\.?")
_LONG_RUN = re.compile(r"[^\W_]{2,}")
#: A longer text is no non-answer (the longest expanded entry has under 50 characters).
_NON_ANSWER_MAX = 500


def _expand(entry: str) -> list[str]:
    """Every word sequence an entry of ``non_answers`` stands for ("a|b" either word, "[a|b]"
    an optional word), as space-joined lower-case strings."""
    slots: list[list[str]] = []
    for part in entry.split():
        optional = part.startswith("[") and part.endswith("]")
        words = [w.casefold() for w in part.strip("[]").split("|") if w]
        slots.append([*words, ""] if optional else words)
    return [" ".join(w for w in words if w) for words in itertools.product(*slots)]


@lru_cache(maxsize=1)
def non_answer_forms() -> frozenset[str]:
    """The normalised parts that make up a non-answer: the ``non_answers`` list of the shipped
    ``evaluative.yaml`` (team-written Finnish data), expanded."""
    entries = read_yaml("evaluative.yaml").get("non_answers") or []
    return frozenset(form for entry in entries for form in _expand(str(entry)) if form)


@lru_cache(maxsize=1)
def non_answer_words() -> frozenset[str]:
    """Every word of :func:`non_answer_forms`: an answer with another word is no non-answer."""
    return frozenset(word for form in non_answer_forms() for word in form.split())


def non_answer_parts(text: str) -> list[str]:
    """The parts :func:`is_non_answer` looks up: ``text`` (NFKC) lower-cased, letters typed one
    by one with dots or slashes joined ("n/a" is "na"), cut at every character that is no
    letter, digit or space, each part's spaces collapsed; empty parts left out."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _SPELT.sub(lambda m: re.sub(r"[./]", "", m.group(0)), folded)
    return [" ".join(p.split()) for p in _NON_ANSWER_CUT.split(folded) if p.strip()]


def is_non_answer(text: Any) -> bool:
    """Whether ``text`` is an answer with nothing to code: no comment, don't know, thanks, a lone
    "ei", "x", "-" or "?" ("Ei kommentteja.", "En osaa sanoa", "Kiitos kyselystä!", "eos").

    The whole answer decides, never a piece of it: every part of the answer cut at punctuation
    must be a non-answer of ``evaluative.yaml``'s ``non_answers`` list, after lower-casing ("Ei
    kommentteja. Kiitos!" is one; "Ei kommentteja, mutta tiedonkulku on heikkoa" is not), or a
    one-word one said again ("eos eos"). A text
    of punctuation and spaces alone ("-", "?", "...") is one too, and so is an empty or missing
    value (it has no content either); digits ("123") are not.
    """
    if not isinstance(text, str):
        return is_missing(text)
    if len(text) > _NON_ANSWER_MAX:
        return False
    # quick no: a word of two or more letters or digits that no non-answer has (letters typed
    # one by one, which non_answer_parts joins, are single characters)
    words = non_answer_words()
    folded = unicodedata.normalize("NFKC", text).casefold()
    if any(w not in words for w in _LONG_RUN.findall(folded)):
        return False
    forms = non_answer_forms()
    return all(part in forms or _repeated(part, forms) for part in non_answer_parts(text))


def _repeated(part: str, forms: frozenset[str]) -> bool:
    """A non-answer of one word said again ("eos eos", "x x x")."""
    words = part.split()
    return len(words) > 1 and len(set(words)) == 1 and words[0] in forms


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (the CLI's CSV output gives
such a text a leading ``'``)."""


CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters other than tab, line feed and carriage return, and DEL: written out as
spaces (same length, so evidence offsets still hold), since a NUL makes a text file look
binary and spreadsheets refuse the others."""


def formula_unescaped(value: Any) -> Any:
    """A CSV cell as it was before the CLI made it formula-safe: "'-" is "-", "'=A1" is "=A1" (a
    file the tool wrote reads back as it was tagged); any other value as it is."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


def question_matches(wanted: str, found: Sequence[str]) -> list[str]:
    """The questions that ``wanted`` names among ``found``: itself if it is one of them, else
    every question that contains it, ignoring case ("toimii" names "Mikä toimii hyvin?")."""
    if wanted in found:
        return [wanted]
    key = wanted.casefold().strip()
    return [q for q in found if key in q.casefold()]


#: What separates a matrix question from its row in a column header ("Työnjako: Hyvinvoinnin ja
#: terveyden edistämisessä", as Webropol and similar tools export a matrix's rows).
MATRIX_SEPARATORS = (": ", " - ", " – ")


def matrix_row(header: str) -> str:
    """The row text of a matrix question's column header (after its last separator,
    :data:`MATRIX_SEPARATORS`); the header itself when it has none."""
    for separator in MATRIX_SEPARATORS:
        if separator in header:
            return header.rsplit(separator, 1)[1].strip()
    return header


__all__ = [
    "CONTROL_CHARACTERS",
    "FINNISH_LETTERS",
    "FORMULA_START",
    "MATRIX_SEPARATORS",
    "edits1",
    "formula_unescaped",
    "is_missing",
    "is_non_answer",
    "matrix_row",
    "non_answer_forms",
    "non_answer_parts",
    "non_answer_words",
    "question_matches",
]
