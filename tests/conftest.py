"""Shared fixtures. Keep this file small: add a fixture only when several test files need it."""

from __future__ import annotations

import pytest
from spacy.language import Language

import vastausanalyysi as va
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.rules import RuleTagger


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (real Voikko), built once per test session."""
    return va.load_pipeline()


@pytest.fixture(scope="session")
def tagger() -> RuleTagger:
    """The rule tagger of the default codebook, built once per test session."""
    return RuleTagger(load_codebook())
