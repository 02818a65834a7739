"""Initials signing a text after a dash at its end ("… jatketaan maaliskuussa. -MH") and two
capitals that may be initials in a list ("JR, AK ja allekirjoittanut"): see
:mod:`vastausanalyysi.nlp.pii.masker`."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii.words import WordInfo
from vastausanalyysi.text import non_answer_words

# initials signing a text after a dash at its end ("… jatketaan maaliskuussa. -MH")
# abbreviations Voikko does not know that may end a text after a dash ("… -HR", "… -YT")
NOT_INITIALS = frozenset(["HR", "YT", "PK", "KV", "MT", "ICT", "HVA", "PTH", "ESH"])
_SIGNATURE = re.compile(r"(?:^|\s)[-–—]\s?([A-ZÅÄÖ]{2,3})[.!]?\s*$")


def signature(text: str, words: list[re.Match[str]], infos: list[WordInfo]) -> int | None:
    """The index of the word of initials signing ``text`` after a dash at its end ("-MH",
    "-JR"), or None; not a known abbreviation or organisation ("-HVA", "-THL", "-EU")."""
    end = text.rstrip()[-6:]
    if not words or not ("-" in end or "–" in end or "—" in end) or not _SIGNATURE.search(text):
        return None
    k = len(words) - 1
    info = infos[k]
    word = words[k][0]
    if not (info.unknown and not info.org and word.isupper() and len(word) <= 3):
        return None
    if word in NOT_INITIALS or word.lower() in non_answer_words():
        return None  # "- EOS", "- EMT": a non-answer after a dash, not a signature
    return k


def initials(words: list[re.Match[str]], infos: list[WordInfo], a: int, b: int) -> bool:
    """Word ``a`` alone is two capitals that no dictionary, list or organisation knows ("JR",
    "AK"; not "HR", "STM", "THL", "EU")."""
    word, info = words[a][0], infos[a]
    return (
        b - a == 1
        and len(word) == 2
        and word.isupper()
        and info.unknown
        and not info.org
        and word not in NOT_INITIALS
    )


__all__ = ["NOT_INITIALS", "initials", "signature"]
