"""Reading a job title into parts: normalised words, abbreviations expanded, split at separators.

The group classifier (:mod:`.groups`) decides what the words mean; this module only cuts the
text. Shared heads are joined ("kasvatus- ja opetusjohtaja"), abbreviations expanded ("kv:n pj",
"sivistysj.", "apul."), hyphenated pairs of roles split ("kunnanjohtaja-kunnansihteeri"), and a
title is split into parts at "/", ",", ";", brackets, "&", "+" and conjunctions. Words after
English "of" / "for" or Swedish "för" go first, as Finnish puts them (:func:`prepose`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping

from vastausanalyysi.respondents.matching import normalise

_SEPARATORS = frozenset("/,;&+()[]|")
_CONJUNCTIONS = frozenset({"ja", "sekä", "tai", "och", "eller", "and", "eli"})
# English and Swedish put the domain after the head: "Director of Education", "chef för bildning"
_POSTPOSED = frozenset({"of", "for", "för"})
_SHARED_HEAD = re.compile(r"(\w)-\s*(?:,\s*|\s+(?:ja|sekä|tai|och)\s+)(?=\w)")
_LEADING_HYPHEN = re.compile(r"\s(?:ja|sekä|tai|och)\s+-(\w)")
_TOKEN = re.compile(r"[/,;&+()\[\]|]|[^\s/,;&+()\[\]|]+")


def title_tokens(
    text: str,
    *,
    abbreviations: Mapping[str, str],
    titles: Container[str],
    is_role: Callable[[str], bool],
) -> list[str]:
    """Normalised words and separator marks, with abbreviations expanded.

    ``abbreviations`` maps a word key to its normalised expansion; ``titles`` and ``is_role``
    decide where a hyphenated word is a pair of roles.
    """
    text = normalise(text)
    text = _SHARED_HEAD.sub(r"\1", text)  # kasvatus- ja opetusjohtaja -> kasvatusopetus...
    text = _LEADING_HYPHEN.sub(r" \1", text)  # valtuuston ja -hallituksen -> ... hallituksen
    pieces: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw in _SEPARATORS:
            pieces.append(raw)
            continue
        for sub in raw.split("."):
            word = sub.split(":")[0]
            for piece in _split_roles(word, titles, is_role):
                if piece == "/":
                    pieces.append(piece)
                    continue
                piece = "".join(ch for ch in piece if ch.isalnum())
                if piece:
                    pieces.extend(_expand(piece, abbreviations))
    return _glue(pieces)


def _split_roles(word: str, titles: Container[str], is_role: Callable[[str], bool]) -> list[str]:
    """'kunnanjohtaja-kunnansihteeri' -> two roles; 'vapaa-aikajohtaja' stays one word.

    A hyphenated word is split only where both sides are role words and the whole is not
    a title of its own ("johtaja-rehtori" is johtajarehtori).
    """
    pieces = [p for p in word.split("-") if p]
    if len(pieces) < 2 or "".join(pieces) in titles:
        return ["".join(pieces)]
    cleaned = ["".join(ch for ch in p if ch.isalnum()) for p in pieces]
    if all(is_role(p) for p in cleaned if p):
        out: list[str] = []
        for piece in cleaned:
            out += [piece, "/"]
        return out[:-1]
    return ["".join(pieces)]


def _expand(word: str, abbreviations: Mapping[str, str]) -> list[str]:
    if word in abbreviations:
        return abbreviations[word].split()
    for cut, stem in (("joht", 1), ("joh", 3), ("j", 4)):  # "sivistysj.", "opetusjoh."
        if word.endswith(cut) and len(word) >= len(cut) + stem:
            return [word[: -len(cut)] + "johtaja"]
    if word.endswith("pääll") and len(word) > 5:
        return [word[:-5] + "päällikkö"]
    return [word]


def _glue(pieces: list[str]) -> list[str]:
    """Join expansions ending in '+' ("apulais+") to the following word."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if piece.endswith("+"):
            carry += piece[:-1]
            continue
        if carry and piece not in _SEPARATORS:
            piece = carry + piece
        elif carry:
            out.append(carry)
        carry = ""
        out.append(piece)
    if carry:
        out.append(carry)
    return out


def title_parts(tokens: list[str], ignore: Container[str]) -> list[tuple[list[str], bool]]:
    """Words of each part, and whether a conjunction ("ja") ended the part."""
    parts: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for token in tokens:
        if token in _SEPARATORS or token in _CONJUNCTIONS:
            if current:
                parts.append((current, token in _CONJUNCTIONS or token in "&+"))
            current = []
        elif token not in ignore and not token.isdigit():
            current.append(token)
    if current:
        parts.append((current, False))
    return parts


def prepose(words: list[str]) -> list[str]:
    """'director of education' -> 'education director': words after "of" / "för" go first."""
    for i, word in enumerate(words):
        if word in _POSTPOSED:
            return [*prepose(words[i + 1 :]), *words[:i]]
    return words


__all__ = ["prepose", "title_parts", "title_tokens"]
