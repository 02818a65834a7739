"""Which language an answer is written in: ``fi``, ``sv``, ``en`` or ``other``, offline and fast.

:func:`detect_language` counts, per answer, the share of its words that Voikko recognises as
Finnish and the shares that are common Swedish or English words (team-written lists in
``data/language_words.txt``; words that are also Finnish, such as "on", "ja", "en", are not in
them). The rules, in order:

* no words at all (empty, numbers, punctuation) → ``other``;
* a Swedish share of at least 20 %, above the English share, and a Finnish share under 60 %
  (or "å" in a word and no Finnish majority) → ``sv``; the same for English → ``en``;
* a Finnish share of at least 40 %, or no Swedish/English word at all and either at most four
  words ("ok", "Kela", "sote") or a Finnish share of at least 20 % (Finnish typed without
  "ä" and "ö") → ``fi``;
* anything else → ``other``.

Texts are normalised first (:func:`~vastausanalyysi.nlp.normalise.normalise`). Voikko's
readings are cached per word form, so a corpus costs about one analysis per distinct word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from vastausanalyysi._resources import read_sections
from vastausanalyysi.nlp.normalise import normalise
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, get_analyzer

LANGUAGES = ("fi", "sv", "en", "other")
WORDS_FILE = "language_words.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """``{"sv": …, "en": …}``: the shipped lists of common Swedish and English words."""
    return {
        key: frozenset(w.lower() for w in words) for key, words in read_sections(WORDS_FILE).items()
    }


def language_of(text: str, analyzer: VoikkoAnalyzer | None = None) -> str:
    """The language of one text (see the module docstring)."""
    words = [w.lower() for w in _WORD.findall(normalise(text))]
    if not words:
        return "other"
    analyzer = analyzer or get_analyzer()
    lists = function_words()
    sv_words, en_words = lists.get("sv", frozenset()), lists.get("en", frozenset())
    n = len(words)
    sv = sum(w in sv_words for w in words) / n
    en = sum(w in en_words for w in words) / n
    fi = sum(bool(analyzer.analyze(w)) for w in words) / n
    if fi < 0.6 and ((sv >= 0.2 and sv > en) or (fi < 0.5 and any("å" in w for w in words))):
        return "sv"
    if fi < 0.6 and en >= 0.2 and en > sv:
        return "en"
    if fi >= 0.4 or (sv == 0 and en == 0 and (n <= 4 or fi >= 0.2)):
        return "fi"
    return "other"


def detect_language(texts: Iterable[object]) -> list[str]:
    """``fi``, ``sv``, ``en`` or ``other`` for each text, in order.

    None/NaN give ``other`` (no words); numbers become their ``str``; bytes raise
    :class:`~vastausanalyysi.errors.InputTextError`.
    """
    from vastausanalyysi.errors import InputTextError
    from vastausanalyysi.nlp.pipeline import as_text

    if isinstance(texts, str | bytes):
        raise InputTextError(
            f"detect_language() takes an iterable of texts, got a single {type(texts).__name__} "
            f"{texts[:40]!r}; wrap it in a list"
        )
    analyzer = get_analyzer()
    return [language_of(as_text(value, i), analyzer) for i, value in enumerate(texts)]


__all__ = ["LANGUAGES", "WORDS_FILE", "detect_language", "function_words", "language_of"]
