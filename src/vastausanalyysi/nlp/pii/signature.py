"""Initials signing a text at its end after a dash, a slash or a shortened greeting ("…
jatketaan maaliskuussa. -MH", "/TR", "terv. MJ") and two
capitals that may be initials in a list ("JR, AK ja allekirjoittanut"): see
:mod:`vastausanalyysi.nlp.pii.masker`."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii.words import WordInfo
from vastausanalyysi.text import non_answer_words

# initials signing a text after a dash at its end ("… jatketaan maaliskuussa. -MH")
# abbreviations Voikko does not know that may end a text after a dash ("… -HR", "… -YT") or
# act in minutes ("Päätöksen teki KH": kunnanhallitus; "KJ esitteli": kunnanjohtaja)
NOT_INITIALS = frozenset(["HR", "YT", "PK", "KV", "KH", "KJ", "MT", "ICT", "HVA", "PTH", "ESH"])
# also after a slash or a shortened greeting ("/TR", "terv. MJ", "t. A-LK"; dev_r)
_SIGNATURE = re.compile(
    r"(?:^|\s)(?:[-–—/]\s?|(?i:terv|t|yst\.\s?terv)\.?:?\s+)"
    r"([A-ZÅÄÖ]{2,3}|[A-ZÅÄÖ]-[A-ZÅÄÖ]{1,2})[.!]?\s*$"
)
# a first name alone after a dash that ends a sentence's text: "… lisäkysymyksiin. – Tumppi"
_NAME_SIGNATURE = re.compile(r"[.!?]\s+[-–—]\s?[A-ZÅÄÖ][a-zåäö]+[.!]?\s*$")
# a name alone after a greeting that ends the text: "t. Kape", "terveisin Jaana", "t.Sirkka",
# "t jukka"
_GREETING_NAME = re.compile(
    r"(?:^|\s)(?i:terv|t|yst\.\s?terv|terveisin|ystävällisin terveisin)(?:\.\s*|:?\s+)"
    r"[A-ZÅÄÖa-zåäö][a-zåäö]+[.!]?\s*$"
)
_INITIALS_WORD = re.compile(r"[A-ZÅÄÖ]{2,3}|[A-ZÅÄÖ]-[A-ZÅÄÖ]{1,2}")


def signature(text: str, words: list[re.Match[str]], infos: list[WordInfo]) -> int | None:
    """The index of the word of initials signing ``text`` at its end after a dash, a slash or
    a shortened greeting ("-MH", "/TR", "terv. MJ", "t. A-LK"), or of a capitalised first name
    alone after a dash there ("… lisäkysymyksiin. – Tumppi") or after a greeting ("t. Kape"),
    or None; not a known
    abbreviation or organisation ("-HVA", "-THL", "-EU")."""
    if not words:
        return None
    k = len(words) - 1
    info = infos[k]
    word = words[k][0]
    named = _NAME_SIGNATURE.search(text, max(0, len(text.rstrip()) - 40))
    if named and info.first and info.shape == "title" and not (info.org or info.place):
        return k
    greeted = _GREETING_NAME.search(text, max(0, len(text.rstrip()) - 60))
    # a town signs nothing: "t. Salo" is the surname (an organisation is kept: "t. Kela")
    named_after = bool(greeted) and (info.first or info.surname or info.unknown) and not info.org
    if named_after and info.shape == "title" and (info.surname or info.first or not info.place):
        return k
    # in lower case only a first name that is rarely a word: "t jukka" (not "t. kunta")
    if greeted and info.shape == "lower" and info.rare_first:
        return k
    if not _SIGNATURE.search(text, max(0, len(text.rstrip()) - 16)):
        return None
    if not ((info.unknown or info.initials) and not info.org and _INITIALS_WORD.fullmatch(word)):
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
