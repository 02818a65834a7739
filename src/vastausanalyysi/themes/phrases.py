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
from typing import Any

from vastausanalyysi.themes.codes import ANY_WORD, Phrase

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

    def spans_at(self, keys: Keys, starts: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) word positions of the matches that start at ``starts``.

        ``keys`` are the words' key sets; ``starts`` (ascending) are positions whose word
        matches the first element (it is not tested again).
        """
        elements, wild = self.elements, self.wild
        n = len(elements)
        limit = len(keys) - n + 1
        if n == 2:  # most phrases: no generator per start
            second, any_second = elements[1], wild[1]
            return [
                (i, i + 2)
                for i in starts
                if i < limit and (any_second or not second.isdisjoint(keys[i + 1]))
            ]
        return [
            (i, i + n)
            for i in starts
            if i < limit
            and all(wild[k] or not elements[k].isdisjoint(keys[i + k]) for k in range(1, n))
        ]


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

    def matches(self, keys: Keys) -> Iterator[tuple[Any, CompiledPhrase, int, int]]:
        """(owner, phrase, start, end) of every match in the words' key sets ``keys``, in the
        order of the phrases; only the phrases whose first element a word has are tried, at
        the positions of those words."""
        by_first = self._by_first
        starts: dict[int, set[int]] = {}
        for i, word in enumerate(keys):
            for key in word:
                for k in by_first.get(key, ()):
                    found = starts.get(k)
                    if found is None:
                        starts[k] = {i}
                    else:
                        found.add(i)
        everywhere = range(len(keys))
        items = self.items
        for k in sorted((*starts, *self._any_first)):
            owner, phrase = items[k]
            at = everywhere if phrase.first is None else sorted(starts[k])
            for a, b in phrase.spans_at(keys, at):
                yield owner, phrase, a, b


__all__ = ["CompiledPhrase", "Keys", "PhraseSet"]
