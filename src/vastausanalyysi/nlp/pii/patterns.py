"""Patterns of personal data that need no dictionary: identity codes, e-mails, phone numbers."""

from __future__ import annotations

import re
from datetime import date

# a space may stand around the century sign and before the check character ("231299-045 H",
# "300962 - 903r", "090917A 318P"), or instead of the sign ("010190 123M"); the check
# character must still be right. An en or em dash typed (or autocorrected) for the hyphen is
# the hyphen: "240781–734P"
_S = r"[ \u00a0]?"
_DASHES = "\u2013\u2014"
HETU_RE = re.compile(
    r"(?<![\w+-])(\d{2})(\d{2})(\d{2})(?:" + _S + r"([-+A-FU-Y" + _DASHES + r"])" + _S
    + r"|[ \u00a0])"
    + r"(\d{3})" + _S + r"([0-9A-Y])(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {
    "+": 1800, "-": 1900, **dict.fromkeys(_DASHES, 1900), **dict.fromkeys("UVWXY", 1900),
    **dict.fromkeys("ABCDEF", 2000),
}  # fmt: skip

# an address may be the first part of a compound: "x@y.fi-osoitteeseen" (a hyphen and a
# lower-case word after it)
_EMAIL_END = r"(?![\w@])(?!-(?![a-zåäö]))"
# a spelt-out " at " address is not followed by another " at ": in "Li Wei at li.wei at example
# dot com" the address is the last part, not "Wei at li.wei"
_NO_LATER_AT = r"(?!\s+(?:at|ät)\s+[^\W_][\w-]*(?:\.|\s+(?:dot|piste)\s)[^\W\d_])"
EMAIL_RE = re.compile(
    r"(?<![\w.@+-])[\w.!#$%&'*+/=?^`{|}~-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}" + _EMAIL_END
)
# "etunimi.sukunimi(at)kunta.fi", "x [at] y.fi", "x at y.fi", "x(a)y.fi", "x ät y piste fi"
_AT = r"(?:\s*[(\[{<]\s*(?:at|ät|a|@|miuku)\s*[)\]}>]\s*|\s+(?:at|ät)\s+|\s+@\s*|\s*@\s+)"
_DOT = r"(?:\.|\s*[(\[{<]\s*(?:dot|piste)\s*[)\]}>]\s*|\s+(?:dot|piste)\s+)"
OBFUSCATED_EMAIL_RE = re.compile(
    # the local part may be spelt out too: "petri piste niemi at esimerkki piste fi"
    r"(?<![\w.@+-])[^\W_][\w.+-]*(?:"
    + _DOT
    + r"[^\W_][\w.+-]*)*"
    + _AT
    + r"(?:[^\W_](?:[\w-]*[^\W_])?"
    + _DOT
    + r")+"
    r"[^\W\d_]{2,}" + _EMAIL_END + _NO_LATER_AT,
    re.IGNORECASE,
)
# between digit groups: a space or a hyphen; an en or em dash counts as a hyphen; after the
# prefix also a dash with spaces ("09 - 310 1234", "040 – 712 3458"; not between two numbers:
# "040 123 4567 – 050 765 4321")
_SEP = r"[ \u00a0\-\u2013\u2014]?"
_SEP_PREFIX = r"(?:[ \u00a0]?[\-\u2013\u2014][ \u00a0]?|[ \u00a0])"
_PHONE = (
    r"(?:"
    r"(?:\+|00)358" + _SEP + r"(?:\(0\)" + _SEP + r")?\d{1,3}(?:" + _SEP + r"\d{2,4}){1,3}"
    r"|\(0\d{1,3}\)" + _SEP_PREFIX + r"?\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}"
    # one digit may stand alone after the prefix: "040 5 123 456"
    r"|0(?:\d{1,3}" + _SEP_PREFIX + r"?(?:\d[ \u00a0](?=\d{2}))?"
    r"\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}"
    # dots or a slash after a three-digit prefix: "041.709.3346", "040/8871 334" (a date
    # "01.12.2026" or "03/2025" has a two-digit first group)
    r"|\d{2}(?:(?:\.\d{2,4}){2,3}|/\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}))"
    r")(?![\w]|[.,]\d|[\-\u2013\u2014]\d(?!\d))"  # a business ID "0864219-8" is no phone
)
PHONE_RE = re.compile(r"(?<![\w+.,/])" + _PHONE)
# a number may follow "p." or "puh." with no space: "p.0440 613 927" (a separate pattern: a
# look-behind with alternatives would slow PHONE_RE down on every text)
_ABBREVIATION = re.compile(r"\b(?:p|puh|tel|nro)\.(?=[0+(])", re.IGNORECASE)
_PHONE_AT = re.compile(_PHONE)
# a number spelt out digit by digit, starting with the zero of a prefix: "nolla neljä nolla,
# seitsemän yksi kaksi, …" (seven or more digit words; ordinary text has no such run)
_DIGIT_WORDS = r"(?:nolla|yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän)"
SPELT_PHONE_RE = re.compile(
    r"(?<!\w)nolla(?:[ \u00a0]*[,\-\u2013\u2014]?[ \u00a0]*" + _DIGIT_WORDS + r"){6,}(?!\w)",
    re.IGNORECASE,
)


# an extension after a slash ("014 266 0500 / 312"), not the start of another number
_EXTENSION = re.compile(r"[ \u00a0]?/[ \u00a0]?\d{2,4}(?![\d/]|[.,:]\d|[ \u00a0-]\d)")


def valid_hetu(code: str) -> bool:
    """True when ``code`` is a Finnish personal identity code with a valid date and check."""
    m = HETU_RE.fullmatch(code)
    if m is None:
        return False
    day, month, year, sign, serial, check = m.groups()
    # without its sign the century is unknown: a date of the 1900s or the 2000s will do
    centuries = (_CENTURY.get(sign.upper()),) if sign else (1900, 2000)
    if not any(c is not None and _is_date(c + int(year), int(month), int(day)) for c in centuries):
        return False
    return _HETU_CHECK[int(day + month + year + serial) % 31] == check.upper()


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def phone_ok(match: str) -> bool:
    """True when a phone-number match has a plausible number of digits."""
    digits = re.sub(r"\D", "", match)
    if match.startswith(("+", "00")):
        return 9 <= len(digits) <= 14
    return 7 <= len(digits) <= 11


def pattern_spans(
    text: str, *, hetu: bool = True, emails: bool = True, phones: bool = True
) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, kind)`` of identity codes, e-mails and phone numbers
    (kind ``"hetu"``, ``"email"``, ``"phone"``), earlier kinds winning overlaps."""
    spans: list[tuple[int, int, str]] = []
    if hetu:
        spans += [(m.start(), m.end(), "hetu") for m in HETU_RE.finditer(text) if valid_hetu(m[0])]
    if emails:
        if "@" in text:
            spans += free_spans(
                spans, ((m.start(), m.end(), "email") for m in EMAIL_RE.finditer(text))
            )
        lowered = text.lower()
        if any(a in lowered for a in ("at", "ät", "(a)", "[a]", "@", "miuku")):
            found = ((m.start(), m.end(), "email") for m in OBFUSCATED_EMAIL_RE.finditer(text))
            spans += free_spans(spans, found)
    if phones:
        matches = list(PHONE_RE.finditer(text))
        if "." in text:
            for a in _ABBREVIATION.finditer(text):
                m = _PHONE_AT.match(text, a.end())
                if m is not None:
                    matches.append(m)
        found = (
            (m.start(), _extended(text, m.end()), "phone")
            for m in sorted(matches, key=lambda m: m.start())
            if phone_ok(m[0])
        )
        spans += free_spans(spans, found)
        if "nolla" in text or "NOLLA" in text or "Nolla" in text:
            spelt = ((m.start(), m.end(), "phone") for m in SPELT_PHONE_RE.finditer(text))
            spans += free_spans(spans, spelt)
    return spans


def _extended(text: str, end: int) -> int:
    """The end of a phone number with its extension after a slash, if it has one."""
    if "/" not in text[end : end + 3]:
        return end
    m = _EXTENSION.match(text, end)
    return m.end() if m else end


def free_spans(taken: list[tuple[int, int, str]], spans) -> list[tuple[int, int, str]]:
    """The spans of ``spans`` that overlap neither ``taken`` nor an earlier one of ``spans``."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if all(end <= s or start >= e for s, e, _ in (*taken, *out)):
            out.append((start, end, label))
    return out


__all__ = [
    "EMAIL_RE",
    "HETU_RE",
    "OBFUSCATED_EMAIL_RE",
    "PHONE_RE",
    "SPELT_PHONE_RE",
    "free_spans",
    "pattern_spans",
    "phone_ok",
    "valid_hetu",
]
