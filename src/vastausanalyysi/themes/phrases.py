"""Multi-word phrases matched over the words of a text: compiled once, indexed by first key.

A phrase is a tuple of elements, each the set of keys one word may have (``ANY_WORD``: any
word). A text is given as the key sets of its words, in order, and :func:`key_index` maps each
key to the positions that have it, so that only the phrases whose first word occurs are tried,
and only at the positions where it occurs. The rule tagger matches the codebook's phrases with
it, the polarity rules their works and problem phrases.
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

    def spans(self, keys: Keys, index: dict[str, list[int]]) -> list[tuple[int, int]]:
        """(start, end) word positions where the phrase matches, in order.

        ``keys`` are the words' key sets and ``index`` maps each key to the positions of the
        words that have it (:func:`key_index`), so only the words that can start the phrase are
        looked at.
        """
        if self.first is None:
            return self.spans_at(keys, range(len(keys)))
        found = {i for key in self.first for i in index.get(key, ())}
        return self.spans_at(keys, sorted(found)) if found else []

    def spans_at(self, keys: Keys, starts: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) of the matches that start at ``starts`` (ascending; first word tested)."""
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

    def matches(
        self, keys: Keys, index: dict[str, list[int]]
    ) -> Iterator[tuple[Any, CompiledPhrase, int, int]]:
        """(owner, phrase, start, end) of every match, in the order of the phrases."""
        by_first = self._by_first
        starts: dict[int, set[int]] = {}
        for key, positions in index.items():
            for k in by_first.get(key, ()):
                found = starts.get(k)
                if found is None:
                    starts[k] = set(positions)
                else:
                    found.update(positions)
        everywhere = range(len(keys))
        for k in self._any_first:
            starts[k] = everywhere  # type: ignore[assignment]
        items = self.items
        for k in sorted(starts):
            owner, phrase = items[k]
            for a, b in phrase.spans_at(keys, sorted(starts[k])):
                yield owner, phrase, a, b


def key_index(keys: Keys) -> dict[str, list[int]]:
    """Key -> positions (ascending) of the words that have it."""
    index: dict[str, list[int]] = {}
    for i, ks in enumerate(keys):
        for key in ks:
            index.setdefault(key, []).append(i)
    return index


__all__ = ["CompiledPhrase", "Keys", "PhraseSet", "key_index"]
