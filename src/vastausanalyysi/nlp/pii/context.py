"""Clause-level person contexts for the name masker (see :mod:`vastausanalyysi.nlp.pii.masker`).

Each function looks at the words around a run of name words ``words[a:b]`` (with their
:class:`~vastausanalyysi.nlp.pii.words.WordInfo` in ``infos``) and says whether the context
makes it a person:

* ``role_ahead``: a role in the essive or, after a form of "olla", as the predicate later in
  the same clause ("Lumi ja Ilo aloittivat koulukuraattoreina", "Valo ja Aura ovat
  perhekeskuksen uudet ohjaajat"), or a person's leave ("Toivo jäi eläkkeelle");
* ``unit_after``: the elative of a unit or of a role right after, perhaps after genitives
  ("Onni kuraattoritiimistä", "Tuuli hyvinvointialueen työllisyystiimistä");
* ``apposition``: a comma or "eli" and a title ("Niemi, hyvinvointialueen
  varautumispäällikkö, …", "Tumppi eli kiinteistöpäällikkö …");
* ``contact``: an illative next to "yhteydessä"/"yhteyttä" ("olla Laineeseen yhteydessä",
  "ottaa Kallioon yhteyttä");
* ``recipient``: an ablative or allative right after a verb of asking or giving ("kysy
  sulolta", "Annoin Rauhalle"), an allative a few words after one ("laita viestiä sadulle") or,
  for a capitalised word, either with "kiitos" in the clause ("Kalliolle kuuluu kiitos").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vastausanalyysi.nlp.pii.words import WordInfo

GAP = {" ", "\u00a0"}
TOWARDS_FROM = {"ulkoeronto", "ulkotulento"}
_BREAK = re.compile(r"[.,;:!?()\[\]\n–—]")
_CLAUSE_WORDS = frozenset(
    ["että", "mutta", "kun", "koska", "jotta", "vaan", "sillä", "kuin", "jos", "joka", "jotka"]
)
_APPOSITION = re.compile(r"\s*,\s*|\s+(?:eli|alias)\s+")

Words = Sequence[re.Match[str]]


def gap(text: str, words: Words, k: int) -> str:
    """The text between word ``k - 1`` and word ``k``."""
    return text[words[k - 1].end() : words[k].start()]


def _clause(text: str, words: Words, start: int, step: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` words from ``start`` in direction ``step`` in the same clause."""
    out: list[int] = []
    k = start
    while 0 <= k < len(words) and len(out) < limit:
        between = gap(text, words, k) if step > 0 else gap(text, words, k + 1)
        if _BREAK.search(between) or words[k][0].lower() in _CLAUSE_WORDS:
            break
        out.append(k)
        k += step
    return out


def role_ahead(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A role later in the clause (essive, or nominative after a form of "olla") or a person's
    leave ("jäi eläkkeelle", "on sairauslomalla")."""
    seen_olla = False
    for k in _clause(text, words, b, 1, 7):
        info = infos[k]
        if info.role or info.leave:
            return True
        if info.olla:
            seen_olla = True
        elif seen_olla and info.title:
            return True
    return False


def unit_after(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """The elative of a unit or a role right after, perhaps after up to two genitives."""
    for k in range(b, min(len(words), b + 3)):
        if gap(text, words, k) not in GAP:
            return False
        if infos[k].unit:
            return True
        if "omanto" not in infos[k].cases or infos[k].name:
            return False
    return False


def apposition(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A comma or "eli" and then a title within three words."""
    if b >= len(words):
        return False
    k = b + 1 if words[b][0].lower() in {"eli", "alias"} else b
    if k >= len(words) or not _APPOSITION.fullmatch(text[words[b - 1].end() : words[k].start()]):
        return False
    return any(
        infos[j].title
        for j in range(k, min(len(words), k + 3))
        if j == k or gap(text, words, j) in GAP
    )


def contact(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """An illative next to "yhteydessä"/"yhteyttä"."""
    before = a > 0 and infos[a - 1].contact and gap(text, words, a) in GAP
    after = b < len(words) and infos[b].contact and gap(text, words, b) in GAP
    return before or after


def recipient(
    text: str, words: Words, infos: list[WordInfo], a: int, b: int, cases: set[str]
) -> bool:
    """An ablative or allative right after a verb of asking or giving, an allative up to three
    words after one ("laita viestiä sadulle"), or either with "kiitos" near."""
    if not cases & TOWARDS_FROM:
        return False
    if a > 0 and gap(text, words, a) in GAP:
        prev = infos[a - 1]
        # "kysy Sulolta", "soita Sadulle"; not "soita rannalta" (from the beach)
        if prev.ask_from if "ulkoeronto" in cases else prev.ask:
            return True
    # not an ablative further off: "lähetin kuvan järveltä" is a photo from the lake
    if "ulkotulento" in cases and any(infos[k].ask for k in _clause(text, words, a - 1, -1, 3)):
        return True
    if infos[a].shape == "lower":
        return False
    near = _clause(text, words, a - 1, -1, 4) + _clause(text, words, b, 1, 4)
    return any(infos[k].thanks for k in near)


__all__ = [
    "GAP",
    "TOWARDS_FROM",
    "apposition",
    "contact",
    "gap",
    "recipient",
    "role_ahead",
    "unit_after",
]
