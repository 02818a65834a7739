"""The token table of one Doc: its rows, offsets and spaces, with a memo of what is computed
from them.

A plain Python class (not one of the compiled modules, see ``vastausanalyysi._compiled``), so
that a table can be weakly referenced like any object. The rows are
:class:`~vastausanalyysi.themes.tokens.TokenRow` objects, built by
:func:`~vastausanalyysi.themes.tokens.doc_table`.
"""

from __future__ import annotations

from typing import Any


class DocTable:
    """The rows of a Doc's tokens, their character offsets and trailing spaces, and a memo of
    results."""

    __slots__ = ("__weakref__", "memo", "rows", "spaces", "starts", "words")

    def __init__(
        self,
        rows: list[Any],
        starts: list[int],
        spaces: list[int],
        words: list[bool] | None = None,
    ):
        self.rows = rows
        self.starts = starts
        self.spaces = spaces  # 1 where the token is followed by a space
        #: ``row.word`` of each row (given by a caller that has it already)
        self.words = [r.word for r in rows] if words is None else words
        self.memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def surface(self, first: int, last: int) -> str:
        """The Doc's text from token ``first`` to the end of token ``last`` (``doc.text``
        sliced, without building all of ``doc.text``)."""
        rows, spaces = self.rows, self.spaces
        if first == last:
            return rows[first].text
        out = [rows[k].text + " " if spaces[k] else rows[k].text for k in range(first, last)]
        out.append(rows[last].text)
        return "".join(out)


__all__ = ["DocTable"]
