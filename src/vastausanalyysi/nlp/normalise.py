"""One normalisation at the door, with a map back to the original text.

:func:`normalise` turns a text into the form every part of the library works on:

* Unicode NFC ("a" + combining diaeresis becomes "ä");
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) removed, so
  "perhe\\u200bkeskus" and "perhe\\u00adkeskus" read as "perhekeskus";
* control characters (U+0000–U+001F and U+007F–U+009F except tab, line feed and carriage return)
  replaced by a space;
* letters and digits in another dress (mathematical alphanumerics "𝐌𝐚𝐭𝐭𝐢", fullwidth
  "Ｍａｔｔｉ") folded to the plain character, one for one (NFKC of that character only);
* markup (HTML tags and comments of a rich-text field: "<p>Yhteistyö on <b>hyvää</b></p>")
  replaced by as many spaces, so the words around it read as written and every offset stays.

Text that needs none of this (almost all text) is returned as it is, at the cost of one regular
expression search and one NFC check. :func:`normalise_with_offsets` also returns an
:class:`OffsetMap`, so that a span found in the normalised text can be pointed back into the
original: ``to_original.span(start, end)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_REMOVED = frozenset(REMOVED)
#: Letters and digits in another dress, each folded to its plain character (NFKC, one for
#: one): the mathematical alphanumerics ("𝐌𝐚𝐭𝐭𝐢", styled text pasted from social media) and
#: the fullwidth forms ("Ｍａｔｔｉ").
_VARIANTS = "\U0001d400-\U0001d7ff\uff01-\uff5e"
_BAD = re.compile(
    "[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _VARIANTS + "]"
)
_VARIANT = re.compile("[" + _VARIANTS + "]")
_SEGMENT = re.compile(r"\S+|\s+")
#: HTML's element names (an e-mail written "x<at>y.fi" or "x<a>y.fi" keeps its "<at>" or "<a>":
#: a link is "<a" with attributes)
_ELEMENTS = (
    "p|br|b|i|u|s|em|strong|small|big|mark|del|ins|sub|sup|span|div|font|center|blockquote|"
    "pre|code|tt|ul|ol|li|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|hr|img|script|style|"
    "html|head|body|title|section|article|header|footer|nav|label|strike"
)
_MARKUP = re.compile(
    r"<!--.*?-->|</?(?:" + _ELEMENTS + r")\b(?:\s[^<>]{0,200})?/?>|<a\s[^<>]{1,200}>|</a>",
    re.S | re.I,
)


def _blank_markup(text: str) -> str:
    """``text`` with each tag or comment replaced by as many spaces (no tag: ``text`` itself)."""
    if "<" not in text:
        return text
    return _MARKUP.sub(lambda m: " " * len(m[0]), text)


def _clean_char(char: str) -> str:
    if char in _REMOVED:
        return ""
    if _VARIANT.match(char):
        plain = unicodedata.normalize("NFKC", char)
        return plain if len(plain) == 1 else char
    return " " if _BAD.match(char) else char


def _clean(text: str) -> str:
    return _BAD.sub(lambda m: _clean_char(m[0]), text)


def is_normal(text: str) -> bool:
    """True when :func:`normalise` would return ``text`` unchanged."""
    return (
        _BAD.search(text) is None
        and unicodedata.is_normalized("NFC", text)
        and ("<" not in text or _MARKUP.search(text) is None)
    )


def normalise(text: str) -> str:
    """``text`` in NFC with zero-width characters and soft hyphens removed, control
    characters (other than tab, LF, CR) and markup replaced by spaces, and mathematical or
    fullwidth letters and digits folded to plain ones."""
    if is_normal(text):
        return text
    return unicodedata.normalize("NFC", _clean(_blank_markup(text)))


class OffsetMap:
    """Where each character of a normalised text came from in the original.

    ``starts[i]``/``ends[i]`` are the original span of normalised character ``i`` (a character
    composed from several, e.g. "a" + U+0308, spans all of them); ``to_original[i]`` is
    ``starts[i]``, and ``to_original[len(normalised)]`` is ``len(original)``. An identity map
    (nothing changed) stores no arrays.
    """

    __slots__ = ("_ends", "_starts", "length", "original_length")

    def __init__(
        self,
        length: int,
        original_length: int,
        starts: Sequence[int] | None = None,
        ends: Sequence[int] | None = None,
    ):
        self.length = length
        self.original_length = original_length
        self._starts = starts
        self._ends = ends

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that normalisation left unchanged."""
        return cls(length, length)

    @property
    def is_identity(self) -> bool:
        """True when the normalised text is the original."""
        return self._starts is None

    def __len__(self) -> int:
        return self.length + 1

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self.length + 1
        if not 0 <= index <= self.length:
            raise IndexError(f"offset {index} outside 0..{self.length}")
        if self._starts is None:
            return index
        return self.original_length if index == self.length else self._starts[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)`` (clamped to the text)."""
        start = min(max(start, 0), self.length)
        end = min(max(end, start), self.length)
        if self._starts is None or self._ends is None:
            return start, end
        if start == end:
            at = self[start]
            return at, at
        return self._starts[start], self._ends[end - 1]

    def __repr__(self) -> str:
        kind = "identity" if self.is_identity else "mapped"
        return f"OffsetMap({kind}, {self.length} -> {self.original_length} characters)"


def _clusters(chars: list[str]) -> list[tuple[int, int]]:
    """Index ranges of ``chars`` that NFC can compose only within (a starter and its marks)."""
    bounds, start = [], 0
    for i in range(1, len(chars)):
        code = ord(chars[i])
        if unicodedata.combining(chars[i]) == 0 and not 0x1160 <= code <= 0x11FF:
            bounds.append((start, i))
            start = i
    bounds.append((start, len(chars)))
    return bounds


def _map_segment(segment: str, base: int, out: list[str], starts: list[int], ends: list[int]):
    chars, where = [], []
    for i, char in enumerate(segment):
        cleaned = _clean_char(char) if _BAD.match(char) else char
        if cleaned:
            chars.append(cleaned)
            where.append(base + i)
    if not chars:
        return
    whole = unicodedata.normalize("NFC", "".join(chars))
    pieces = []
    for a, b in _clusters(chars):
        piece = unicodedata.normalize("NFC", "".join(chars[a:b]))
        pieces.append((piece, a, b))
    if "".join(p for p, _, _ in pieces) != whole:
        # composition across our cluster bounds (rare scripts): map the segment as one block
        pieces = [(whole, 0, len(chars))]
    for piece, a, b in pieces:
        if piece == "".join(chars[a:b]):
            starts.extend(where[a:b])
            ends.extend(w + 1 for w in where[a:b])
        else:
            starts.extend([where[a]] * len(piece))
            ends.extend([where[b - 1] + 1] * len(piece))
        out.append(piece)


def normalise_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """``(normalise(text), to_original)``: the normalised text and its map to ``text``."""
    if is_normal(text):
        return text, OffsetMap.identity(len(text))
    text = _blank_markup(text)  # as long as before: the offsets stay
    if is_normal(text):
        return text, OffsetMap.identity(len(text))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _SEGMENT.finditer(text):
        segment, base = m[0], m.start()
        if is_normal(segment):
            out.append(segment)
            starts.extend(range(base, base + len(segment)))
            ends.extend(range(base + 1, base + len(segment) + 1))
        else:
            _map_segment(segment, base, out, starts, ends)
    normalised = "".join(out)
    return normalised, OffsetMap(len(normalised), len(text), starts, ends)


__all__ = ["REMOVED", "OffsetMap", "is_normal", "normalise", "normalise_with_offsets"]
