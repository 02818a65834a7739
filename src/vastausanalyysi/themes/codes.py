"""The codebook's types: codes, their survey items and patterns, and the polarity lexicon.

Built by :func:`~vastausanalyysi.themes.codebook.load_codebook`; the terms are normalised by
:func:`norm_term` as the matcher compares them.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from vastausanalyysi.errors import CodebookError
from vastausanalyysi.schema import POLARITIES

Kind = Literal["area", "mechanism"]

#: The codebook's sections of codes and the kind of code each holds.
SECTIONS: dict[str, Kind] = {"areas": "area", "mechanisms": "mechanism"}
#: Code fields whose single-word terms name words of the domain (see ``single_word_terms``).
TERM_FIELDS: tuple[str, ...] = ("lemmas", "words", "heads", "modifiers")


@lru_cache(maxsize=200_000)
def norm_term(term: str) -> str:
    """A term as the matcher compares it: lower-cased, hyphens and outer spaces removed."""
    return term.strip().lower().replace("-", "")


Phrase = tuple[frozenset[str], ...]
#: Coordinating conjunctions that join two words or clauses of the same kind.
COORDINATORS = frozenset({"ja", "sekä", "tai"})
#: A phrase element that matches any one word ("*" in a phrase).
ANY_WORD: frozenset[str] = frozenset({"*"})
#: A phrase element that stands for none to :data:`GAP_WORDS` words ("…", see
#: :func:`expand_phrase`).
GAP = "…"
GAP_WORDS = 3


def parse_phrase(text: str) -> Phrase:
    """A phrase from its text: words split on spaces, each a set of "|" alternatives (lemmas or
    forms, as :func:`norm_term` compares them) or "*" for any one word ("jäädä * vähä huomio").
    Raises ValueError for an element without an alternative ("a || b" has none between) or an
    empty phrase; the codebook and the evaluative lexicon read their phrases with it."""
    elements: list[frozenset[str]] = []
    for element in text.split():
        if element == "*":
            elements.append(ANY_WORD)
            continue
        options = frozenset(norm_term(o) for o in element.split("|") if norm_term(o))
        if not options:
            raise ValueError(f"bad phrase {text!r}")
        elements.append(options)
    if not elements:
        raise ValueError("empty phrase")
    return tuple(elements)


def expand_phrase(text: str) -> list[Phrase]:
    """The phrases of a text whose "…" stands for none to :data:`GAP_WORDS` words between two
    others: "jäädä … harteet" is "jäädä harteet", "jäädä * harteet", "jäädä * * harteet" and
    "jäädä * * * harteet" (a verb and its object with words between, as real prose has them).
    Without "…", the one phrase of :func:`parse_phrase`; a "…" first or last raises ValueError.
    """
    words = text.split()
    if GAP not in words:
        return [parse_phrase(text)]
    at = words.index(GAP)
    if at == 0 or at == len(words) - 1:
        raise ValueError(f"a gap must stand between two words: {text!r}")
    before, after = " ".join(words[:at]), " ".join(words[at + 1 :])
    return [
        phrase
        for n in range(GAP_WORDS + 1)
        for phrase in expand_phrase(" ".join([before, *["*"] * n, after]))
    ]


@dataclass(frozen=True)
class SurveyItem:
    """A survey item that a code is linked to."""

    id: str
    text: str


@dataclass(frozen=True)
class Code:
    """One code of the codebook with its matching patterns (terms normalised by ``norm_term``)."""

    id: str
    kind: Kind
    name: str
    description: str = ""
    items: tuple[SurveyItem, ...] = ()
    lemmas: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    phrases: tuple[Phrase, ...] = ()
    prefixes: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()
    exclude_surface: tuple[str, ...] = ()
    exclude_phrases: tuple[Phrase, ...] = ()
    #: codes whose presence in a sentence cancels this code's generic hits there (see
    #: :meth:`generic_hit`): "lapset_nuoret" is services beyond the family centre and school
    #: welfare, so "lasten" in a sentence about the family centre is no hit of it
    defer_to: tuple[str, ...] = ()

    def generic_hit(self, rule: str) -> bool:
        """Whether a rule hit (an evidence ``rule``: "lemma:lapsi", "phrase:lapsi ja nuori") is
        generic: a ``words`` entry that is no ``lemmas`` or ``heads`` entry, or a phrase whose
        every element is such a word or a coordinating conjunction ("ja", "sekä", "tai")."""
        kind, _, term = rule.partition(":")
        if kind == "lemma":
            return term in self.words and term not in self.lemmas and term not in self.heads
        if kind != "phrase":
            return False
        generic = self.words - self.lemmas - self.heads
        return all(
            any(o in generic or o in COORDINATORS for o in element.split("|"))
            for element in term.split()
        )

    @property
    def item_id(self) -> str | None:
        """The id of the (first) linked survey item, or None."""
        return self.items[0].id if self.items else None


class LinkedItems(NamedTuple):
    """A code with its layer and linked survey items (see :meth:`Codebook.linked_items`)."""

    layer: Kind
    code: str
    #: one tuple per linked item: its distinct non-empty names, id first, then text
    items: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PolarityLexicon:
    """Word lists of the polarity rules (lemmas, normalised).

    Multi-word entries of ``works`` and ``problem`` are phrases (``works_phrases``,
    ``problem_phrases``) matched like code phrases ("saada sovittua|luotua").
    """

    works: frozenset[str] = frozenset()
    problem: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()
    improve: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    contrast: tuple[tuple[str, ...], ...] = ()
    labels: tuple[str, ...] = POLARITIES
    goal: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()
    decrease: frozenset[str] = frozenset()
    works_phrases: tuple[Phrase, ...] = ()
    problem_phrases: tuple[Phrase, ...] = ()


@dataclass(frozen=True, eq=False)
class Codebook:
    """Areas, mechanisms and the polarity lexicon; build with ``codebook.load_codebook``."""

    areas: dict[str, Code]
    mechanisms: dict[str, Code]
    polarity: PolarityLexicon
    role_heads: frozenset[str] = frozenset()
    name: str = ""
    version: int = 1
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def codes(self) -> dict[str, Code]:
        """All codes by id, areas first."""
        return {**self.areas, **self.mechanisms}

    @property
    def area_ids(self) -> list[str]:
        return list(self.areas)

    @property
    def mechanism_ids(self) -> list[str]:
        return list(self.mechanisms)

    def __getitem__(self, code_id: str) -> Code:
        try:
            return self.codes[code_id]
        except KeyError:
            raise CodebookError(f"unknown code {code_id!r}") from None

    def __contains__(self, code_id: object) -> bool:
        return code_id in self.areas or code_id in self.mechanisms

    def to_dict(self) -> dict[str, Any]:
        """The merged raw codebook (as it would be written to YAML)."""
        return copy.deepcopy(self.raw)

    def items_table(self) -> list[dict[str, str | None]]:
        """One row per code: kind, id, name and the linked survey item id and text."""
        rows = []
        for code in self.codes.values():
            item = code.items[0] if code.items else None
            rows.append(
                {
                    "kind": code.kind,
                    "code": code.id,
                    "name": code.name,
                    "item_id": item.id if item else None,
                    "item_text": item.text if item else None,
                }
            )
        return rows

    def linked_items(self) -> list[LinkedItems]:
        """Every code, areas first: its layer ("area"/"mechanism"), id and linked survey items.

        Each item is given by its alternative names, ``(id, text)`` (empty names left out), so
        that a caller can match an item by either.
        """
        return [
            LinkedItems(
                code.kind,
                code.id,
                tuple(tuple(dict.fromkeys(n for n in (i.id, i.text) if n)) for i in code.items),
            )
            for code in self.codes.values()
        ]

    def single_word_terms(self) -> frozenset[str]:
        """The single-word terms of the codes' lemma, word, head and modifier lists.

        As written in the codebook (stripped and lower-cased, hyphens kept, not normalised by
        :func:`norm_term`): the words of the domain, e.g. for a spelling corrector.
        """
        terms: set[str] = set()
        for section in SECTIONS:
            for spec in (self.raw.get(section) or {}).values():
                if not isinstance(spec, Mapping):
                    continue
                for key in TERM_FIELDS:
                    for term in spec.get(key) or ():
                        if isinstance(term, str) and " " not in term.strip():
                            terms.add(term.strip().lower())
        return frozenset(terms)


__all__ = [
    "ANY_WORD",
    "COORDINATORS",
    "GAP",
    "GAP_WORDS",
    "SECTIONS",
    "TERM_FIELDS",
    "Code",
    "Codebook",
    "Kind",
    "LinkedItems",
    "Phrase",
    "PolarityLexicon",
    "SurveyItem",
    "expand_phrase",
    "norm_term",
    "parse_phrase",
]
