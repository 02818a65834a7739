"""Pseudonyms for respondent ids that are personal data (an e-mail address as the id).

:class:`IdPseudonyms` replaces an id that the masker (:func:`mask_pii`) finds to be an e-mail
address, a phone number or an identity code (or holds a name: "R12 Matti Virtanen") by
its placeholder and a number, "[EMAIL]-1", "[EMAIL]-2" …, numbered by first appearance. One
instance per command or run: the same id always gets the same pseudonym, across the chunks of
a stream and the files written, so the rows of one respondent still group together. Other ids
("R0012", 101, UUIDs) stay exactly as they are. Only the personal ids seen are remembered.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from vastausanalyysi.nlp.pii.masker import EMAIL, HETU, IBAN, IP, NAME, PHONE, mask_pii
from vastausanalyysi.nlp.pii.patterns import HETU_SHAPE_RE

log = logging.getLogger(__name__)

KINDS = {
    EMAIL: "e-mail addresses",
    PHONE: "phone numbers",
    HETU: "identity codes",
    IP: "IP addresses",
    IBAN: "bank account numbers",
    NAME: "names",
}
"""The placeholders an id is pseudonymised by, and what they stand for (for the notice)."""
PLACEHOLDERS = frozenset(KINDS)
"""Every placeholder the masker writes for personal data."""
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in KINDS))
_PSEUDONYM = re.compile(rf"(?:{_PLACEHOLDER.pattern})-[1-9][0-9]*")


class IdPseudonyms:
    """Stable, unique pseudonyms for the personal-data ids of one run (see the module doc).

    :meth:`pseudonyms` maps values; :meth:`apply` replaces columns of a frame. The first time
    a personal id is found, a warning (once per instance) names the column and says that
    ``--keep-personal-data`` (``mask=False``) writes the ids as they are. ``respondents`` (a
    frame with ``respondent_id``, e.g. ``Survey.respondents``) numbers its ids first, in its
    order, so that every command gives a survey file's respondents the same pseudonyms
    whichever answers it writes.
    """

    def __init__(self, respondents: Any = None) -> None:
        self._seen: dict[str, str] = {}
        self._counts: Counter[str] = Counter()
        self.reported = False
        self.apply(respondents)

    def __len__(self) -> int:
        """How many distinct personal ids have got a pseudonym."""
        return len(self._seen)

    def pseudonyms(self, values: Iterable[Any], column: str = "respondent_id") -> list[Any]:
        """``values`` with each personal-data id replaced by its pseudonym, in order; other
        values (numbers, missing values, ids that are no personal data) as they are."""
        values = list(values)
        todo = list(
            dict.fromkeys(
                v for v in values if isinstance(v, str) and v.strip() and v not in self._seen
            )
        )
        found: list[str] = []
        for value, masked in zip(todo, mask_pii(todo) if todo else [], strict=True):
            label = _label(value, masked)
            if label is not None:
                self._counts[label] += 1
                self._seen[value] = f"{label}-{self._counts[label]}"
                found.append(label)
        if found and not self.reported:
            self.reported = True
            kinds = ", ".join(KINDS[k] for k in dict.fromkeys(found))
            log.warning(
                "the respondent ids in column %r are personal data (%s): they are written as "
                "pseudonyms such as %s, one per respondent, numbered by first appearance; "
                "--keep-personal-data (mask=False) writes them as they are",
                column,
                kinds,
                f"{found[0]}-1",
            )
        return [self._seen.get(v, v) if isinstance(v, str) else v for v in values]

    def apply(self, frame: Any, columns: Sequence[str] = ("respondent_id",)) -> Any:
        """``frame`` with the personal ids of its ``columns`` pseudonymised (a copy when one
        changes; the frame itself, and anything not a DataFrame, as it is otherwise)."""
        import pandas as pd  # here only: masking texts needs no pandas

        if not isinstance(frame, pd.DataFrame):
            return frame
        out = frame
        for column in dict.fromkeys(c for c in columns if c in frame.columns):
            series = frame[column]
            values = series.tolist()
            new = self.pseudonyms(values, str(column))
            if new == values:
                continue
            if out is frame:
                out = frame.copy()
            keep = series.dtype == object or pd.api.types.is_string_dtype(series.dtype)
            out[column] = pd.Series(new, index=frame.index, dtype=series.dtype if keep else object)
        return out


def is_pseudonym(value: Any) -> bool:
    """Whether ``value`` is a pseudonym that :class:`IdPseudonyms` writes ("[EMAIL]-3")."""
    return isinstance(value, str) and _PSEUDONYM.fullmatch(value) is not None


def _label(value: str, masked: Any) -> str | None:
    """The placeholder of a personal-data id (its first e-mail, phone or identity-code
    placeholder, else the name placeholder: "R12 Matti Virtanen" holds a name too), else
    None. A whole id in the shape of an identity code is one even with a wrong check
    character ("010190-123F": a mistyped code; in running text such a code is masked only
    next to a word that names it)."""
    if HETU_SHAPE_RE.fullmatch(value.strip()):
        return HETU
    if not isinstance(masked, str) or masked == value:
        return None
    found = [m.group() for m in _PLACEHOLDER.finditer(masked)]
    strong = [f for f in found if f != NAME]
    return strong[0] if strong else (NAME if found else None)


__all__ = ["KINDS", "PLACEHOLDERS", "IdPseudonyms", "is_pseudonym"]
