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
readings and the word lists' answers are cached per word form, so a corpus costs about one analysis
and one look-up per distinct word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

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
    counts = _chunk_counts(analyzer or get_analyzer())
    chunks = normalise(text).split()
    found = list(map(counts.get, chunks))
    values: list[int] = (
        [counts.compute(c) if f is None else f for f, c in zip(found, chunks, strict=True)]
        if None in found
        else cast("list[int]", found)
    )
    total = sum(values)  # the chunks' packed counts add up field by field
    n = total & _FIELD
    if not n:
        return "other"
    if not total >> _BITS:  # no Swedish or English word, no "å"
        # only the Finnish rule can hold: at most four words, or a Finnish share of 20 %
        return "fi" if n <= 4 or counts.finnish_share_reached(chunks, n) else "other"
    sv, en, aa = (total >> _BITS) & _FIELD, (total >> 2 * _BITS) & _FIELD, total >> 3 * _BITS
    fi = sum(counts.known(chunk) for chunk in chunks)
    return _decide(sv / n, en / n, fi / n, bool(aa), n)


# A chunk's counts packed into one int, a field of _BITS bits each (words, Swedish words,
# English words, words with "å"): a text's counts are the sum of its chunks' ints.
_BITS = 64
_FIELD = (1 << _BITS) - 1


def _pack(n: int, sv: int, en: int, aa: int) -> int:
    return n | sv << _BITS | en << 2 * _BITS | aa << 3 * _BITS


def _decide(sv: float, en: float, fi: float, aa: bool, n: int) -> str:
    """The rules of the module docstring on a text's word shares (``aa``: "å" in a word)."""
    if fi < 0.6 and ((sv >= 0.2 and sv > en) or (fi < 0.5 and aa)):
        return "sv"
    if fi < 0.6 and en >= 0.2 and en > sv:
        return "en"
    if fi >= 0.4 or (sv == 0 and en == 0 and (n <= 4 or fi >= 0.2)):
        return "fi"
    return "other"


class _ChunkCounts(dict[str, int]):
    """Per whitespace-separated chunk of text ("hyvin,", "sote-yhteistyö"): how many words it
    has, how many of them are Swedish and English words, and whether one has "å"; and, asked
    separately (:meth:`known`, it needs Voikko), how many are Finnish words.

    A word never spans whitespace, so a text's counts are the sums over its chunks. Filled for
    one analyzer, bounded like its cache.
    """

    def __init__(self, analyzer: VoikkoAnalyzer):
        super().__init__()
        self.analyzer = analyzer
        lists = function_words()
        self.sv, self.en = lists.get("sv", frozenset()), lists.get("en", frozenset())
        self._known: dict[str, int] = {}

    def compute(self, chunk: str) -> int:
        """The packed counts of ``chunk`` (see :func:`_pack`), kept while there is room."""
        words = [w.lower() for w in _WORD.findall(chunk)]
        found = _pack(
            len(words),
            sum(w in self.sv for w in words),
            sum(w in self.en for w in words),
            sum("å" in w for w in words),
        )
        if len(self) < _CHUNKS_SIZE:
            self[chunk] = found
        return found

    def known(self, chunk: str) -> int:
        """How many words of ``chunk`` Voikko knows (lower-cased)."""
        found = self._known.get(chunk)
        if found is None:
            analyze = self.analyzer.analyze
            found = sum(bool(analyze(w.lower())) for w in _WORD.findall(chunk))
            if len(self._known) < _CHUNKS_SIZE:
                self._known[chunk] = found
        return found

    def finnish_share_reached(self, chunks: list[str], n: int) -> bool:
        """Whether the words Voikko knows make at least 20 % of the ``n`` words of ``chunks``.

        The share only grows as chunks are counted, so the answer does not depend on their
        order: chunks counted before (and those whose words Voikko has analysed) come first, and
        Voikko is asked about new words only until the share is reached.
        """
        found = list(map(self._known.get, chunks))
        fi = sum(filter(None, found))
        if fi / n >= 0.2 or None not in found:
            return fi / n >= 0.2
        later = []
        for chunk, count in zip(chunks, found, strict=True):
            if count is None:
                count = self._known_if_cached(chunk)
                if count is None:
                    later.append(chunk)
                    continue
                fi += count
                if fi / n >= 0.2:
                    return True
        for chunk in later:
            fi += self.known(chunk)
            if fi / n >= 0.2:
                return True
        return False

    def _known_if_cached(self, chunk: str) -> int | None:
        """:meth:`known` of ``chunk`` if the analyzer has all its words' readings cached
        (no Voikko call), else None."""
        cached = self.analyzer.cached
        found = 0
        for word in _WORD.findall(chunk):
            readings = cached(word.lower())
            if readings is None:
                return None
            found += bool(readings)
        if len(self._known) < _CHUNKS_SIZE:
            self._known[chunk] = found
        return found


_CHUNKS_SIZE = 200_000
_CHUNKS: list[_ChunkCounts] = []


def _chunk_counts(analyzer: VoikkoAnalyzer) -> _ChunkCounts:
    """The chunk-count cache of ``analyzer``: one, for the analyzer used last (another
    analyzer starts a new one, so no handle is kept alive by the cache)."""
    if not _CHUNKS or _CHUNKS[0].analyzer is not analyzer:
        _CHUNKS[:] = [_ChunkCounts(analyzer)]
    return _CHUNKS[0]


def detect_language(texts: Iterable[object]) -> list[str]:
    """``fi``, ``sv``, ``en`` or ``other`` for each text, in order.

    None/NaN give ``other`` (no words); numbers become their ``str``; bytes raise
    :class:`~vastausanalyysi.errors.InputTextError`.
    """
    from vastausanalyysi.errors import reject_single_text
    from vastausanalyysi.nlp.pipeline import as_text

    reject_single_text(texts, "detect_language")
    analyzer = get_analyzer()
    return [language_of(as_text(value, i), analyzer) for i, value in enumerate(texts)]


__all__ = ["LANGUAGES", "WORDS_FILE", "detect_language", "function_words", "language_of"]
