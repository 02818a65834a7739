"""Shared fixtures. Keep this file small: add a fixture only when several test files need it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language

import vastausanalyysi as va
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity
from vastausanalyysi.themes.rules import RuleTagger


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (real Voikko), built once per test session."""
    return va.load_pipeline()


@pytest.fixture(scope="session")
def tagger() -> RuleTagger:
    """The rule tagger of the default codebook, built once per test session."""
    return RuleTagger(load_codebook())


@pytest.fixture(scope="session")
def polarity_mismatches() -> Callable[[Sequence[tuple[str, str]]], list[tuple[str, str, str]]]:
    """A function of (text, wanted rule polarity) cases: the (text, wanted, got) that differ."""
    lexicon = load_codebook().polarity

    def mismatches(cases: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
        docs = as_docs([text for text, _ in cases])
        got = [rule_polarity(doc, lexicon).label for doc in docs]
        return [(t, w, g) for (t, w), g in zip(cases, got, strict=True) if g != w]

    return mismatches


@pytest.fixture(scope="session")
def mechanism_mismatches(
    nlp: Language, tagger: RuleTagger
) -> Callable[[Sequence[tuple[str, str, bool]]], list[tuple[str, str, bool, list[str]]]]:
    """A function of (mechanism code, text, whether the rules give it) cases: the (code, text,
    wanted, the mechanisms the rules gave) that differ."""

    def mismatches(
        cases: Sequence[tuple[str, str, bool]],
    ) -> list[tuple[str, str, bool, list[str]]]:
        out = []
        for code, text, expected in cases:
            found = tagger.tag_doc(nlp(text)).mechanisms
            if (code in found) is not expected:
                out.append((code, text, expected, found))
        return out

    return mismatches
