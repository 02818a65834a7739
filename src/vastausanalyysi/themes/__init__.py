"""Themes: the codebook, the rule tagger with evidence, polarity and the trainable classifier."""

from __future__ import annotations
