"""Shared fixtures. Keep this file small: add a fixture only when several test files need it."""

from __future__ import annotations

import pytest
from spacy.language import Language

import vastausanalyysi as va


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (real Voikko), built once per test session."""
    return va.load_pipeline()
