"""The project's documents that tests hold, read in one place.

``README.md`` says what the tool does, how to use it and its current figures;
``docs/measurements.md`` is the dated record behind those figures (moved there from the README),
so a figure or sentence of the record is held by reading that file.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_PATH = ROOT / "README.md"
MEASUREMENTS_PATH = ROOT / "docs" / "measurements.md"

README = README_PATH.read_text(encoding="utf-8")
MEASUREMENTS = MEASUREMENTS_PATH.read_text(encoding="utf-8")


def flat(text: str) -> str:
    """``text`` with every run of white space as one space (a sentence across line breaks)."""
    return " ".join(text.split())
