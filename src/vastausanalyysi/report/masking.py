"""Masking of personal data in every text the report writes, in batches with ``mask_pii``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from vastausanalyysi.errors import ReportError
from vastausanalyysi.schema import COARSE_GROUP, GROUP, QUESTION, REGION


class Masker:
    """Masks personal data in batches with ``mask_pii``, each distinct string once.

    With ``enabled=False`` it returns the texts unchanged. ``mask_pii`` is imported only when
    masking is on; a :class:`ReportError` says so when it cannot be imported.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._cache: dict[str, str] = {}
        self._named: dict[str, str] = {}  # a label or header -> its masked form, kept distinct
        self._fn: Callable[[Iterable[str]], list[str]] | None = None
        if enabled:
            try:
                from vastausanalyysi.nlp.pii import mask_pii
            except ImportError as exc:
                raise ReportError(
                    "mask=True needs vastausanalyysi.nlp.pii.mask_pii to mask personal data, but "
                    f"it cannot be imported ({exc}); update the package, or pass mask=False to "
                    "write the texts unmasked"
                ) from exc
            self._fn = mask_pii

    def many(self, texts: Sequence[str]) -> list[str]:
        """``texts`` masked, in order (identity when masking is off)."""
        if not self.enabled or self._fn is None:
            return list(texts)
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._cache))
        if todo:
            masked = list(self._fn(todo))
            if len(masked) != len(todo):
                raise ReportError(
                    f"mask_pii returned {len(masked)} texts for {len(todo)}; cannot mask safely"
                )
            self._cache.update(zip(todo, (str(m) for m in masked), strict=True))
        return [self._cache.get(t, t) if t else t for t in texts]

    def label_columns(self, frame: Any, columns: Sequence[str]) -> Any:
        """``frame`` (a DataFrame, or None) with the text values of ``columns`` masked: labels
        taken from a file's headers (an open question's or a Likert item's text, "… Lisätietoja
        antaa Liisa Korhonen, 040 123 4567") that are written out with every row, and group
        values. Each distinct label is masked once, and two that mask alike stay apart ("[NIMI]",
        "[NIMI] (2)"); other values (numbers, missing) stay; ``frame`` is not changed."""
        if not self.enabled or frame is None:
            return frame
        present = [c for c in columns if c in frame.columns]
        if not present:
            return frame
        out = frame.copy()
        for column in present:
            values = out[column].tolist()
            texts = list(dict.fromkeys(v for v in values if isinstance(v, str)))
            lookup = self._distinct(texts, set())
            out[column] = [lookup.get(v, v) if isinstance(v, str) else v for v in values]
        return out

    def _distinct(self, texts: Sequence[str], taken: set[Any]) -> dict[str, str]:
        """Each of the distinct ``texts`` -> its masked form, kept distinct for this masker:
        two texts that mask alike ("Sirpa Mäkelä" and "Jukka Virtanen" as groups or headers:
        "[NIMI]") get " (2)", " (3)" … in the order first seen, the same in every table, and
        none takes a text left as it was or one of ``taken``."""
        out = dict(zip(texts, self.many(texts), strict=True))
        taken = taken | {t for t, m in out.items() if m == t}
        given = set(self._named.values())
        for text, new in out.items():
            if new == text:
                continue
            if text not in self._named:
                base, k = new, 1
                while new in taken or new in given:
                    k += 1
                    new = f"{base} ({k})"
                given.add(new)
                self._named[text] = new
            out[text] = self._named[text]
        return out

    def headers(self, frame: Any, skip: Iterable[Any] = ()) -> Any:
        """``frame`` with its column names masked, except ``skip`` (the package's own names):
        a passed-through column's header may be personal data ("Sirpa Mäkelä", "Kommentit
        (matti.virtanen@kunta.fi)"; QA 7). Two headers that mask alike get " (2)", " (3)" …;
        ``frame`` is not changed."""
        if not self.enabled or frame is None:
            return frame
        skipped = set(skip)
        names = [c for c in frame.columns if isinstance(c, str) and c not in skipped]
        others = {c for c in frame.columns if not isinstance(c, str) or c in skipped}
        lookup = self._distinct(names, others)
        renamed = {name: new for name, new in lookup.items() if new != name}
        return frame.rename(columns=renamed) if renamed else frame


#: columns whose values are labels from a file's headers (see :meth:`Masker.label_columns`),
#: and the group columns, whose values a plain table may give as typed (a person's name as a
#: group: QA 7)
LABEL_COLUMNS = (QUESTION, "item", "column", GROUP, COARSE_GROUP, REGION, "region_name")

__all__ = ["LABEL_COLUMNS", "Masker"]
