"""Multi-word phrases matched over the words of a text: compiled once, indexed by first key.

A phrase is a tuple of elements, each the set of keys one word may have (``ANY_WORD``: any
word). A text is given as the key sets of its words, in order; only the phrases whose first
element one of the words has are tried, and only at the positions of those words. The rule
tagger matches the codebook's phrases with it, the polarity rules their works and problem
phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any, cast

from vastausanalyysi.themes.codes import ANY_WORD, Phrase
from vastausanalyysi.themes.tokens import remember

Keys = Sequence[frozenset[str]]


@dataclass(frozen=True, slots=True)
class CompiledPhrase:
    """A phrase ready for matching: its elements, wildcards, first keys and label."""

    elements: Phrase
    wild: tuple[bool, ...]
    first: frozenset[str] | None  # what the first word must match (None: any word)
    label: str  # "terveys edistää", alternatives joined by "|"

    @classmethod
    def of(cls, phrase: Phrase) -> CompiledPhrase:
        wild = tuple(opts is ANY_WORD or opts == ANY_WORD for opts in phrase)
        label = " ".join(
            sorted(opts)[0] if len(opts) == 1 else "|".join(sorted(opts)) for opts in phrase
        )
        return cls(phrase, wild, None if wild[0] else phrase[0], label)


class PhraseSet:
    """Compiled phrases with an index of their first keys: which phrases can match a text."""

    def __init__(self, items: Iterable[tuple[Any, Phrase]]):
        self.items = [(owner, CompiledPhrase.of(p)) for owner, p in items]
        self._by_first: dict[str, list[int]] = {}
        self._any_first: list[int] = []
        for k, (_owner, phrase) in enumerate(self.items):
            if phrase.first is None:
                self._any_first.append(k)
            else:
                for key in phrase.first:
                    self._by_first.setdefault(key, []).append(k)
        #: per phrase: its length, and the (offset, keys) that its later words must match
        self._plans = [
            (
                len(p.elements),
                tuple((j, e) for j, e in enumerate(p.elements) if j and not p.wild[j]),
            )
            for _owner, p in self.items
        ]
        #: a word's key set -> the phrases that can start at it (words repeat across texts)
        self._starting: dict[frozenset[str], tuple[int, ...]] = {}

    def starting(self, word: frozenset[str]) -> tuple[int, ...]:
        """The positions in ``items`` of the phrases whose first element ``word`` matches."""
        found = self._starting.get(word)
        if found is None:
            by_first = self._by_first
            found = tuple(sorted({k for key in word for k in by_first.get(key, ())}))
            remember(self._starting, word, found)
        return found

    def matches(self, keys: Keys) -> Iterator[tuple[Any, CompiledPhrase, int, int]]:
        """(owner, phrase, start, end) of every match in the words' key sets ``keys``, in the
        order of the phrases; only the phrases whose first element a word has are tried, at
        the positions of those words."""
        known = list(map(self._starting.get, keys))  # most words start no phrase
        starting: list[tuple[int, ...]] = (
            [self.starting(w) if s is None else s for w, s in zip(keys, known, strict=True)]
            if None in known
            else cast("list[tuple[int, ...]]", known)
        )
        size = len(keys)
        plans = self._plans
        found: list[tuple[int, int]] = []
        for i in compress(range(size), starting):
            for k in starting[i]:
                n, checks = plans[k]
                if i + n > size:
                    continue
                for j, element in checks:
                    if element.isdisjoint(keys[i + j]):
                        break
                else:
                    found.append((k, i))
        for k in self._any_first:
            n, checks = plans[k]
            for i in range(size - n + 1):
                if all(not element.isdisjoint(keys[i + j]) for j, element in checks):
                    found.append((k, i))
        if not found:
            return iter(())
        found.sort()
        items = self.items
        return iter([(*items[k], a, a + plans[k][0]) for k, a in found])


__all__ = ["CompiledPhrase", "Keys", "PhraseSet"]
