"""English and Swedish sentences in the masker: there a common word is an ordinary word.

Voikko reads "Job" as a first name, and the foreign name lists hold "Good" (a surname) and "Thi"
(so "This" reads as its English genitive); a name that is nothing else is masked wherever it
stands, so "This is fine." and "Good job." lost their words. In a sentence with more common
English words (``data/english_words.txt`` and the ``[en]`` list of ``data/language_words.txt``)
than ordinary Finnish ones, such a word is a name only where the context says person, like a
Finnish name that is also a word: "Mr. Good", "contact Good", a capital inside a sentence.
Likewise a lower-case Swedish noun that is a surname in a Swedish sentence ("byggt på berg"),
and an English point of the compass before a place in any sentence ("North Savo").
"""

from __future__ import annotations

import re
from functools import lru_cache

from vastausanalyysi._resources import read_sections
from vastausanalyysi.nlp.language import function_words
from vastausanalyysi.nlp.pii.context import Words
from vastausanalyysi.nlp.pii.names import SWEDISH_NOUNS, context_words
from vastausanalyysi.nlp.pii.words import WordInfo, as_ordinary, as_word

WORDS_FILE = "english_words.txt"
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The common English words of both lists, lower-cased, less the first names among them
    (the file's ``[names]``: "may", "will")."""
    words = read_sections(WORDS_FILE).get("en", frozenset()) | function_words().get("en", set())
    return frozenset(w.lower() for w in words) - english_first_names()


#: the first names that are months or modal verbs ("in May", "May I", "Will you")
_MONTHS = frozenset(["may", "june", "april", "august"])
_MODALS = frozenset(["may", "will"])
MONTH_BEFORE = frozenset(context_words("english_month_before"))
MODAL_SUBJECTS = frozenset(context_words("english_modal_subjects"))
FAMILY_WORDS = frozenset(context_words("english_family_words"))
COMPASS_WORDS = frozenset(context_words("english_compass"))


@lru_cache(maxsize=1)
def english_first_names() -> frozenset[str]:
    """The first names among common English words (the file's ``[names]``), lower-cased."""
    return frozenset(w.lower() for w in read_sections(WORDS_FILE).get("names", frozenset()))


def ordinary_in_english(text: str, words: Words, infos: list[WordInfo]) -> list[WordInfo]:
    """``infos``, with each name word that is a common English word made an ordinary word
    (:func:`~vastausanalyysi.nlp.pii.words.as_ordinary`) when its sentence has more common
    English words than words Voikko reads as ordinary Finnish ones and two words or more, or is
    the whole text ("Good job.", "Make the forms simpler.", "Good."; not "Kiitos Good!", nor a
    signature after an abbreviation: "…, t. Make"). In such a sentence a first name that is an
    English word is the word in lower case ("the county will share"), as a month after a
    preposition or before a number ("in May", "August 2025") and as a modal verb at the start
    ("May I suggest"). In a Swedish sentence (more common Swedish words than Finnish ones) a
    lower-case Swedish noun that is a surname is the noun ("byggt på berg"; capitalised it is a
    name). In any sentence an English point of the compass before a place is part of its name
    ("North Savo"); in an English sentence capitalised words right after "the" name an
    organisation or a thing, not a person ("the Red Cross"; not "the Smith family")."""
    english, firsts = english_words(), english_first_names()
    either = english | firsts
    swedish = function_words().get("sv", frozenset()) | SWEDISH_NOUNS
    out = list(infos)
    for k, info in enumerate(infos):
        if not info.name:
            continue
        low = words[k][0].lower()
        # "North Savo", "West Uusimaa": a county named in English, in any sentence
        if low in COMPASS_WORDS and k + 1 < len(words) and infos[k + 1].place:
            out[k] = as_word(info)
            continue
        if info.shape == "title" and _after_the(words, infos, k):
            first, last = _sentence(text, words, k)
            if _more_than_finnish(words, infos, first, last, either):
                out[k] = as_word(info)  # "the Red Cross": an organisation, not a person
                continue
        if low in either:
            first, last = _sentence(text, words, k)
            if not (
                _more_than_finnish(words, infos, first, last, either)
                and (last > first or len(words) == 1)
            ):
                continue
            if low in english:
                out[k] = as_ordinary(info)
            elif _english_word(words, infos, k, first, low):
                out[k] = as_word(info)
        elif info.shape == "lower" and low in SWEDISH_NOUNS:
            first, last = _sentence(text, words, k)
            if _more_than_finnish(words, infos, first, last, swedish):
                out[k] = as_ordinary(info)
    return out


def _after_the(words: Words, infos: list[WordInfo], k: int) -> bool:
    """Whether word ``k`` is in a run of two or more title-case words right after "the" ("the
    Red Cross", "the Social Insurance Institution") with no first name in it ("the Anna Smith
    team"), and the run is not a family ("the Smith family"; one word, "the Virtanens", may be a
    family too)."""
    j = k - 1
    while j >= 0 and infos[j].shape == "title" and words[j][0].lower() != "the":
        j -= 1
    if j < 0 or words[j][0].lower() != "the":
        return False
    end = k
    while end + 1 < len(words) and infos[end + 1].shape == "title":
        end += 1
    if end - j < 2 or any(infos[i].first for i in range(j + 1, end + 1)):
        return False
    return not (end + 1 < len(words) and words[end + 1][0].lower() in FAMILY_WORDS)


def _sentence(text: str, words: Words, k: int) -> tuple[int, int]:
    """The first and last word of the sentence of word ``k``."""
    first, last = k, k
    while first and not _SENTENCE_BREAK.search(text, words[first - 1].end(), words[first].start()):
        first -= 1
    while last + 1 < len(words) and not _SENTENCE_BREAK.search(
        text, words[last].end(), words[last + 1].start()
    ):
        last += 1
    return first, last


def _more_than_finnish(
    words: Words, infos: list[WordInfo], first: int, last: int, common: frozenset[str]
) -> bool:
    """Whether words ``first``…``last`` hold more ``common`` words than ordinary Finnish ones."""
    foreign = finnish = 0
    for j in range(first, last + 1):
        if words[j][0].lower() in common:
            foreign += 1
        elif not (infos[j].unknown or infos[j].name):
            finnish += 1
    return foreign > finnish


def _english_word(words: Words, infos: list[WordInfo], k: int, first: int, low: str) -> bool:
    """Whether a first name that is an English word stands as the word: in lower case, as a
    month or as a modal verb at the start of its sentence."""
    if infos[k].shape == "lower":
        return True
    before = words[k - 1][0].lower() if k > first else ""
    after = words[k + 1][0] if k + 1 < len(words) else ""
    if low in _MONTHS and (before in MONTH_BEFORE or after.isdigit()):
        return True
    return low in _MODALS and k == first and after.lower() in MODAL_SUBJECTS


__all__ = [
    "COMPASS_WORDS",
    "FAMILY_WORDS",
    "MODAL_SUBJECTS",
    "MONTH_BEFORE",
    "english_first_names",
    "english_words",
    "ordinary_in_english",
]
