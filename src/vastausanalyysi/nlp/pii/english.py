"""English sentences in the masker: there a common English word is an ordinary word.

Voikko reads "Job" as a first name, and the foreign name lists hold "Good" (a surname) and "Thi"
(so "This" reads as its English genitive); a name that is nothing else is masked wherever it
stands, so "This is fine." and "Good job." lost their words. In a sentence with more common
English words (``data/english_words.txt`` and the ``[en]`` list of ``data/language_words.txt``)
than ordinary Finnish ones, such a word is a name only where the context says person, like a
Finnish name that is also a word: "Mr. Good", "contact Good", a capital inside a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vastausanalyysi._resources import read_sections
from vastausanalyysi.nlp.language import function_words
from vastausanalyysi.nlp.pii.context import Words
from vastausanalyysi.nlp.pii.words import WordInfo, as_ordinary

WORDS_FILE = "english_words.txt"
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The common English words of both lists, lower-cased, less the first names among them
    (the file's ``[names]``: "may", "will")."""
    sections = read_sections(WORDS_FILE)
    words = sections.get("en", frozenset()) | function_words().get("en", set())
    names = {w.lower() for w in sections.get("names", frozenset())}
    return frozenset(w.lower() for w in words) - names


def ordinary_in_english(text: str, words: Words, infos: list[WordInfo]) -> list[WordInfo]:
    """``infos``, with each name word that is a common English word made an ordinary word
    (:func:`~vastausanalyysi.nlp.pii.words.as_ordinary`) when its sentence has more common
    English words than words Voikko reads as ordinary Finnish ones and two words or more, or is
    the whole text ("Good job.", "Make the forms simpler.", "Good."; not "Kiitos Good!", nor a
    signature after an abbreviation: "…, t. Make")."""
    common = english_words()
    found = [k for k, info in enumerate(infos) if info.name and words[k][0].lower() in common]
    if not found:
        return infos
    out = list(infos)
    for k in found:
        first, last = k, k
        while first and not _SENTENCE_BREAK.search(
            text, words[first - 1].end(), words[first].start()
        ):
            first -= 1
        while last + 1 < len(words) and not _SENTENCE_BREAK.search(
            text, words[last].end(), words[last + 1].start()
        ):
            last += 1
        english = finnish = 0
        for j in range(first, last + 1):
            if words[j][0].lower() in common:
                english += 1
            elif not (infos[j].unknown or infos[j].name):
                finnish += 1
        if english > finnish and (last > first or len(words) == 1):
            out[k] = as_ordinary(infos[k])
    return out


__all__ = ["english_words", "ordinary_in_english"]
