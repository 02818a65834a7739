"""Quotes: cleaned answer texts, one per distinct wording, and the small-cell rule they obey.

A quote (an answer shown as an example, a cluster representative or an answer row of the
workbook) is shown only when its respondent's group and county (each grouping the report shows)
each have at least ``min_cell`` respondents (``report.model``); a respondent is counted once
however many questions they answered.

The same wording (compared without case, punctuation and bullets) is shown once, with the number
of respondents who wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from vastausanalyysi.report.formatting import none_if_missing
from vastausanalyysi.schema import RESPONDENT_ID

MAX_QUOTE_CHARS = 600
"""Longer quotes are cut at a word boundary and end in "…"."""
# "- tieto", "1. tieto"; a bullet without a space before a letter ("-tieto", not "-20 %")
_BULLET = re.compile(r"^\s*(?:(?:[-–—•*·▪●○◦►>]+|\d{1,2}[.)])\s+|[-–—•*](?=[^\W\d_]))")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


_PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ_]+\]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# team-written: words of a contact line ("Lisätietoja [NIMI] p. [PUHELIN]", "Voitte olla
# yhteydessä minuun", "Henkilötunnukseni on [HETU], jos tarvitsette") and their small words
_CONTACT_WORDS = frozenset(
    """p puh gsm tel email sposti s-posti numero numerossa numerosta numeroon osoite osoitteessa
    osoitteesta osoitteeseen lisätietoja lisätietoa lisätiedot lisätietoihin yhteys yhteyttä
    yhteyden yhteydessä yhteydenotot yhteydenottoja voitte voit voi voin voisitte voisit ottaa
    ottakaa ota olla ole olen on olemme minuun minulle minulta minua minä meihin meille meitä
    soittaa soita soitella soittakaa tavoittaa tavoittaa tavoitatte tavoitat jos tarvitsette
    tarvitset tarvittaessa kysyttävää kysymyksiä kiitos ja tai sekä tässä alla henkilötunnus
    henkilötunnukseni henkilötunnuksen hetu nimi nimeni puhelin puhelimeni puhelinnumero
    puhelinnumeroni puhelinnumerosta sähköposti sähköpostini sähköpostiin sähköpostitse
    viestiä viesti""".split()  # noqa: SIM905 (a word list, easier to read as text)
)


def says_nothing(text: str) -> bool:
    """True for a statement that is only contact details once masked ("Lisätietoja [NIMI] p.
    [PUHELIN].", "Henkilötunnukseni on [HETU], jos tarvitsette."): under a third of its words
    are neither placeholders of masked personal data nor words of a contact line."""
    placeholders = len(_PLACEHOLDER.findall(text))
    words = [w.casefold() for w in _WORD.findall(_PLACEHOLDER.sub(" ", text))]
    if not placeholders:
        return False
    content = [w for w in words if w not in _CONTACT_WORDS]
    return 3 * len(content) < placeholders + len(words)


@dataclass
class Quote:
    """One distinct wording: the cleaned, masked text and how many respondents wrote it."""

    text: str
    respondents: int
    codes: list[str]
    part: bool = False  # some who wrote it wrote it as a part of a longer answer (a list item)
    repeated: bool = False  # quoted earlier in the report too: nothing else was left to quote


def clean_quote(text: str) -> str:
    """``text`` as one quotable line: list bullets and numbering removed, lines joined by "; "."""
    lines = [_BULLET.sub("", line).strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    joined = ""
    for line in lines:
        if joined and not joined.endswith((".", "!", "?", ";", ":", ",")):
            joined += ";"
        joined = f"{joined} {line}" if joined else line
    joined = _SPACE.sub(" ", joined).strip()
    if len(joined) > MAX_QUOTE_CHARS:
        cut = joined[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0]
        joined = cut.rstrip(" ,;:") + " …"
    return joined


def quote_key(text: str) -> str:
    """The wording compared for sameness: lower case, words only."""
    return _NOT_WORD.sub(" ", clean_quote(text).casefold()).strip()


def respondent_keys(frame: pd.DataFrame) -> list[object]:
    """Each answer's respondent (its id; the row position when there is no id)."""
    if RESPONDENT_ID not in frame.columns:
        return [("rivi", i) for i in range(len(frame))]
    return [
        ("rivi", i) if none_if_missing(v) is None else ("id", str(v))
        for i, v in enumerate(frame[RESPONDENT_ID].tolist())
    ]


def cell_sizes(
    frame: pd.DataFrame, columns: Sequence[str], answered: Sequence[bool]
) -> tuple[list[tuple[object, ...]], dict[tuple[object, ...], int]]:
    """Each answer's cell (values of ``columns``) and the respondents with an answer per cell."""
    values = [frame[c].tolist() for c in columns]
    cells = [tuple(none_if_missing(col[i]) for col in values) for i in range(len(frame))]
    members: dict[tuple[object, ...], set[object]] = {}
    for cell, who, ok in zip(cells, respondent_keys(frame), answered, strict=True):
        if ok:
            members.setdefault(cell, set()).add(who)
    return cells, {cell: len(who) for cell, who in members.items()}


def showable(
    frame: pd.DataFrame, columns: Sequence[str], answered: Sequence[bool], min_cell: int
) -> np.ndarray:
    """True for the answers whose cell has at least ``min_cell`` respondents with an answer."""
    cells, sizes = cell_sizes(frame, columns, answered)
    return np.array([sizes.get(c, 0) >= min_cell for c in cells], dtype=bool)


def distinct_quotes(
    positions: Iterable[int],
    texts: Sequence[str],
    who: Sequence[object],
    allowed: Sequence[bool],
    codes: Sequence[list[str]],
    *,
    limit: int,
    shown: set[str],
    parts: Sequence[bool] | None = None,
) -> list[Quote]:
    """Up to ``limit`` distinct quotes from the answers at ``positions`` (best first).

    Only answers in ``allowed`` are quoted, and no statement that is only contact details
    (:func:`says_nothing`); a wording already in ``shown`` (quoted elsewhere in
    the report) is skipped, and the wordings quoted here are added to it; when nothing else is
    left, the best of them is quoted again (``repeated``). A quote's respondent
    count covers every answer at ``positions`` with the same wording; ``parts`` marks the
    statements split from a longer answer (the quote's ``part``: they did not write it alone).
    """
    order = list(positions)
    same: dict[str, set[object]] = {}
    split: set[str] = set()
    for pos in order:
        key = quote_key(texts[pos])
        if key:
            same.setdefault(key, set()).add(who[pos])
            if parts is not None and parts[pos]:
                split.add(key)
    out: list[Quote] = []
    for pos in order:
        if len(out) >= limit:
            break
        key = quote_key(texts[pos])
        if not key or key in shown or not allowed[pos] or says_nothing(texts[pos]):
            continue
        shown.add(key)
        out.append(Quote(clean_quote(texts[pos]), len(same[key]), list(codes[pos]), key in split))
    if not out:  # all quoted earlier: the best of them again, marked, rather than none
        for pos in order:
            key = quote_key(texts[pos])
            if key and allowed[pos] and not says_nothing(texts[pos]):
                text = clean_quote(texts[pos])
                out.append(Quote(text, len(same[key]), list(codes[pos]), key in split, True))
                break
    return out


REPEATED = "lainattu myös edellä"
"""The mark of a quote shown a second time."""


def same_phrase(quote: Quote) -> str:
    """ "19 vastaajaa kirjoitti saman"; "… mainitsi saman" when some wrote it within a longer
    answer (a list item or one sentence of several), which they did not write alone; "lainattu
    myös edellä" after a quote shown a second time. "" when there is nothing to say."""
    verb = "mainitsi" if quote.part else "kirjoitti"
    said = f"{respondents_phrase(quote.respondents)} {verb} saman" if quote.respondents > 1 else ""
    return " · ".join(x for x in (said, REPEATED if quote.repeated else "") if x)


def respondents_phrase(n: int) -> str:
    """ "1 vastaaja", "3 vastaajaa"."""
    return f"{n} vastaaja" if n == 1 else f"{n} vastaajaa"


__all__ = [
    "MAX_QUOTE_CHARS",
    "REPEATED",
    "Quote",
    "cell_sizes",
    "clean_quote",
    "distinct_quotes",
    "quote_key",
    "respondent_keys",
    "respondents_phrase",
    "same_phrase",
    "says_nothing",
    "showable",
]
