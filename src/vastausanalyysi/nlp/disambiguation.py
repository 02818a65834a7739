"""Choosing one lemma among Voikko's analyses of a word, by form and context.

This first version ranks analyses by simple preferences (common classes before proper nouns,
fewer compound parts first). It is the module to replace with a learned chooser.
"""

from __future__ import annotations

from dataclasses import dataclass

from vastausanalyysi.nlp.voikko import Analysis


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen lemma and the analysis it comes from (None for a lemma made by a rule)."""

    lemma: str
    analysis: Analysis | None


class Disambiguator:
    """Picks the lemma of a word form from its analyses and its neighbours."""

    def choose(
        self,
        form: str,
        analyses: tuple[Analysis, ...],
        left: str | None = None,
        right: str | None = None,
    ) -> Choice:
        best = min(analyses, key=lambda a: _rank(form, a))
        return Choice(_cased(form, best), best)


def _rank(form: str, analysis: Analysis) -> tuple[int, int]:
    proper_penalty = 0 if (analysis.is_proper == form[:1].isupper()) else 1
    return proper_penalty, len(analysis.segments)


def _cased(form: str, analysis: Analysis) -> str:
    lemma = analysis.baseform
    if not analysis.is_proper and not form[:1].isupper():
        return lemma.lower()
    return lemma
