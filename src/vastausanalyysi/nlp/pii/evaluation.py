"""Scoring a masker on a marked-up PII set (``corpus/pii/heldout.txt``, ``corpus/pii/dev.txt``).

File format, one sentence per line (``#`` lines are comments):

* ``P<TAB>sentence`` with each personal-data item marked ``{text|TYPE}`` (``N`` name, ``E``
  e-mail, ``P`` phone number, ``H`` identity code);
* ``O<TAB>sentence``: an ordinary sentence that must come out unchanged.

An item is *visible* after masking when any of its identifying parts is still in the output more
often than outside the items of the sentence: for names every word of two or more letters, for
e-mails the words of the part before the "@" / "at", for phone numbers and identity codes every
run of two or more digits or letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vastausanalyysi.errors import InputTextError

_ITEM = re.compile(r"\{([^{}|]+)\|([NEPH])\}")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_RUNS = re.compile(r"[^\W_]{2,}")
_AT = re.compile(r"\s*(?:@|\(at\)|\[at\]|\(a\)|\sat\s)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class PiiItem:
    """One marked personal-data item: its type and span in the sentence."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PiiSentence:
    """A sentence of the set: ``items`` is empty for an ordinary sentence."""

    line: int
    text: str
    items: tuple[PiiItem, ...]
    ordinary: bool


@dataclass
class PiiScore:
    """The result of :func:`evaluate_masker`."""

    items: int = 0
    visible: int = 0
    ordinary: int = 0
    changed: int = 0
    leaks: list[tuple[int, str, str]] = field(default_factory=list)
    false_masks: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def visible_rate(self) -> float:
        """Share of items still visible after masking."""
        return self.visible / self.items if self.items else 0.0

    def summary(self) -> str:
        """One line: items visible and ordinary sentences changed."""
        return (
            f"{self.visible}/{self.items} items visible ({100 * self.visible_rate:.1f} %), "
            f"{self.changed}/{self.ordinary} ordinary sentences changed"
        )


def read_pii_set(path: str | Path) -> list[PiiSentence]:
    """The sentences of a marked-up PII set; a malformed line raises InputTextError."""
    path = Path(path)
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, sep, body = raw.partition("\t")
        if not sep or kind not in {"P", "O"}:
            raise InputTextError(f"{path}:{number}: expected 'P<TAB>…' or 'O<TAB>…': {raw!r:.60}")
        items, parts, last = [], [], 0
        for m in _ITEM.finditer(body):
            parts.append(body[last : m.start()])
            start = sum(map(len, parts))
            parts.append(m[1])
            items.append(PiiItem(m[2], start, start + len(m[1]), m[1]))
            last = m.end()
        parts.append(body[last:])
        text = "".join(parts)
        if (kind == "P") != bool(items) or "{" in text or "}" in text:
            raise InputTextError(f"{path}:{number}: markup does not match the line kind {kind!r}")
        out.append(PiiSentence(number, text, tuple(items), kind == "O"))
    return out


def identifying_parts(item: PiiItem) -> list[str]:
    """The parts of an item whose presence in the output means the item is visible."""
    if item.kind == "N":
        return _WORDS.findall(item.text)
    if item.kind == "E":
        local = _AT.split(item.text, maxsplit=1)[0]
        return _WORDS.findall(local) or [local]
    return _RUNS.findall(item.text)


def _count(part: str, text: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(part)}(?![^\W_])", text, re.IGNORECASE))


def evaluate_masker(
    sentences: Sequence[PiiSentence], mask: Callable[[list[str]], list[str]]
) -> PiiScore:
    """Items left visible and ordinary sentences changed by ``mask`` (a ``mask_pii``-like)."""
    outputs = mask([s.text for s in sentences])
    score = PiiScore()
    for sentence, output in zip(sentences, outputs, strict=True):
        if sentence.ordinary:
            score.ordinary += 1
            if output != sentence.text:
                score.changed += 1
                score.false_masks.append((sentence.line, sentence.text, output))
            continue
        rest = sentence.text
        for item in sorted(sentence.items, key=lambda i: -i.start):
            rest = rest[: item.start] + " " + rest[item.end :]
        for item in sentence.items:
            score.items += 1
            if any(_count(p, output) > _count(p, rest) for p in identifying_parts(item)):
                score.visible += 1
                score.leaks.append((sentence.line, item.text, output))
    return score


def evaluate_pii_file(
    path: str | Path, mask: Callable[[list[str]], list[str]] | None = None
) -> PiiScore:
    """:func:`evaluate_masker` on the set in ``path`` with ``mask`` (default ``mask_pii``)."""
    if mask is None:
        from vastausanalyysi.nlp.pii.masker import mask_pii as mask
    return evaluate_masker(read_pii_set(path), mask)


__all__ = [
    "PiiItem",
    "PiiScore",
    "PiiSentence",
    "evaluate_masker",
    "evaluate_pii_file",
    "identifying_parts",
    "read_pii_set",
]
