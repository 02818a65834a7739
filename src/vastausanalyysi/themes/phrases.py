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


class _Start:
    """The phrases that can start at one word, grouped by their pivot: the first later word
    that is not a wildcard. Per pivot offset, the keys that the word there may have (all of
    them, to rule the offset out with one set test) and each key's phrases; the phrases of a
    single word need no later word."""

    __slots__ = ("pivots", "single")

    def __init__(
        self,
        single: list[int],
        pivots: list[tuple[int, frozenset[str], dict[str, list[int]]]],
    ):
        self.single = single
        self.pivots = pivots


_NO_START = _Start([], [])


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
        #: a word's key set -> the same phrases by pivot (:class:`_Start`)
        self._starts: dict[frozenset[str], _Start] = {}

    def starting(self, word: frozenset[str]) -> tuple[int, ...]:
        """The positions in ``items`` of the phrases whose first element ``word`` matches."""
        found = self._starting.get(word)
        if found is None:
            by_first = self._by_first
            found = tuple(sorted({k for key in word for k in by_first.get(key, ())}))
            remember(self._starting, word, found)
        return found

    def _start(self, word: frozenset[str]) -> _Start:
        """:meth:`starting` of ``word`` grouped by pivot (remembered per key set)."""
        found = self._starts.get(word)
        if found is None:
            ks = self.starting(word)
            if not ks:
                found = _NO_START
            else:
                single: list[int] = []
                by_offset: dict[int, dict[str, list[int]]] = {}
                for k in ks:
                    checks = self._plans[k][1]
                    if not checks:
                        single.append(k)
                        continue
                    j, element = checks[0]
                    index = by_offset.setdefault(j, {})
                    for key in element:
                        index.setdefault(key, []).append(k)
                pivots = [(j, frozenset(index), index) for j, index in sorted(by_offset.items())]
                found = _Start(single, pivots)
            remember(self._starts, word, found)
        return found

    def matches(self, keys: Keys) -> Iterator[tuple[Any, CompiledPhrase, int, int]]:
        """(owner, phrase, start, end) of every match in the words' key sets ``keys``, in the
        order of the phrases; only the phrases whose first element a word has are tried, at
        the positions of those words, and of those only the ones whose pivot (first later
        word that is not a wildcard) the word at its offset matches."""
        words: list[frozenset[str]] = keys if isinstance(keys, list) else list(keys)
        size = len(words)
        plans = self._plans
        starts = self._starts
        found: list[tuple[int, int]] = []
        for i in range(size):
            start = starts.get(words[i])
            if start is None:
                start = self._start(words[i])
            for k in start.single:
                found.append((k, i))
            for j, pivot_keys, index in start.pivots:
                if i + j >= size:
                    break  # offsets ascend
                word = words[i + j]
                if pivot_keys.isdisjoint(word):
                    continue
                for key in word:
                    for k in index.get(key, ()):
                        n, checks = plans[k]
                        if i + n > size:
                            continue
                        for jj, element in checks[1:]:
                            if element.isdisjoint(words[i + jj]):
                                break
                        else:
                            found.append((k, i))
        for k in self._any_first:
            n, checks = plans[k]
            for i in range(size - n + 1):
                if all(not element.isdisjoint(words[i + j]) for j, element in checks):
                    found.append((k, i))
        if not found:
            return iter(())
        if len(found) > 1:
            found = sorted(set(found))  # a phrase found through two keys of its pivot once
        items = self.items
        return iter([(*items[k], a, a + plans[k][0]) for k, a in found])


__all__ = ["CompiledPhrase", "Keys", "PhraseSet"]
