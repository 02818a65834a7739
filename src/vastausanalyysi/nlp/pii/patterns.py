"""Patterns of personal data that need no dictionary: identity codes, e-mails, phone numbers,
IP addresses."""

from __future__ import annotations

import re
from datetime import date

# a space may stand around the century sign and before the check character ("231299-045 H",
# "300962 - 903r", "090917A 318P"), or instead of the sign ("010190 123M"); the check
# character must still be right. Any other dash typed, autocorrected or pasted for the hyphen
# is the hyphen: "240781–734P", "240781\u2011734P"
_S = r"[ \u00a0]?"
#: the dashes and hyphens other than "-" that people type or paste between digits: hyphen and
#: non-breaking hyphen (U+2010, U+2011, put in by Word and Outlook), figure, en and em dash,
#: horizontal bar, minus sign, small em dash, small and fullwidth hyphen-minus
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH = r"[\-" + _DASHES + "]"
HETU_RE = re.compile(
    r"(?<![\w+-])(\d{2})(\d{2})(\d{2})(?:" + _S + r"([-+A-FU-Y" + _DASHES + r"])" + _S
    + r"|[ \u00a0])"
    + r"(\d{3})" + _S + r"([0-9A-Y])(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
# Next to a word that names it, a code is masked even with a mistyped check character or date,
# or without its check character or sign ("henkilötunnus 120379-123K", "(hetu 010105A987X)",
# "hetu: 120379-123", "hetu 120379123K"): six digits, a century sign or a space, three digits and
# a check character or none; or nine digits and a letter (ten digits in a row may be a phone
# number: "henkilötunnus … ja puhelinnumero 0401237789"). Elsewhere the check character must be
# right: a date-based case number "250314-0012" (YYMMDD-NNNN) has the form of a code of the
# 1900s for every date of 2001-2031, and "Tilausnumero 120379-123X" stays.
HETU_SHAPE_RE = re.compile(
    r"(?<![\w+-])\d{6}(?:(?:" + _S + r"[-+A-FU-Y" + _DASHES + r"]" + _S + r"|[ \u00a0])"
    + r"\d{3}(?:" + _S + r"[0-9A-Y])?|\d{3}[A-Y])(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
_L = r"[^\W\d_]"
HETU_WORD_RE = re.compile(
    r"(?<!" + _L + r")(?:"
    # henkilötunnus, henkilötunnuksen, asiakkaan-henkilötunnukset, syntymätunnus, (sosiaali)turva-
    r"(?:" + _L + r"*?(?:henkilö|syntymä|turva)-?tunnu|hetu|personbeteckning|personnum)" + _L + r"*"
    # sotu, sotun, sotua, sotuni, sotunumero (not "soturi")
    + r"|sotu(?:n|a|t|ja|lla|lle|lta|ni|si|nsa|numero" + _L + r"*|-?tunnu" + _L + r"*)?"
    + r"|identity code|social security number|ssn"
    r")(?!" + _L + r")",
    re.IGNORECASE,
)  # fmt: skip
# how far a code may stand from the word (after it; before it: "120379-123K (hetu)"), within a
# sentence; and what may stand between codes of a list ("hetut 120379-123K ja 010105A987X")
_AFTER_WORD, _BEFORE_WORD = 60, 30
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_LIST_JOIN = re.compile(r"[\s,;/()]*(?:(?:ja|tai|sekä|och|eller|and|or)[\s(]+)?", re.IGNORECASE)
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
# a quote or backtick before the address is no part of it: "place 'x@y.fi' …" keeps its quote
EMAIL_RE = re.compile(
    r"(?<![\w.@+-])(?!['`])[\w.!#$%&'*+/=?^`{|}~-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
    + _EMAIL_END
)
# "etunimi.sukunimi(at)kunta.fi", "x [at] y.fi", "x at y.fi", "x(a)y.fi", "x ät y piste fi"
_AT = r"(?:\s*[(\[{<]\s*(?:at|ät|a|@|miuku)\s*[)\]}>]\s*|\s+(?:at|ät)\s+|\s+@\s*|\s*@\s+)"
# a dot may stand between spaces when the whole address is spaced out: "s . kivi @ example . fi"
_DOT = r"(?:\.|\s+\.\s+|\s*[(\[{<]\s*(?:dot|piste)\s*[)\]}>]\s*|\s+(?:dot|piste)\s+)"
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
# between digit groups: a space or a hyphen; any other dash (_DASHES) counts as a hyphen; after
# the prefix also a dash with spaces ("09 - 310 1234", "040 – 712 3458"; not between two
# numbers: "040 123 4567 – 050 765 4321")
_SEP_CHAR = r"[ \u00a0\-" + _DASHES + "]"
_SEP = _SEP_CHAR + "?"
_SEP_PREFIX = r"(?:[ \u00a0]?" + _DASH + r"[ \u00a0]?|[ \u00a0])"
_PHONE = (
    r"(?:"
    r"(?:\+|00)358" + _SEP + r"(?:\(0\)" + _SEP + r")?\d{1,3}(?:" + _SEP + r"\d{2,4}){1,3}"
    # the country code without "+": "358 40 6612 938" (a one- or two-digit prefix after it,
    # which a sum's groups of three are not: "358 400 000 €"), "358 40 1234567", or the number
    # in one run of 8-10 digits after it, "358401234567" (the national number without its 0)
    r"|358[ \u00a0]\d{1,2}(?:" + _SEP_CHAR + r"\d{2,4}){2,3}"
    r"|358" + _SEP + r"[1-9]\d?" + _SEP_CHAR + r"\d{5,8}"
    r"|358" + _SEP + r"[1-9]\d{7,9}"
    r"|\(0\d{1,3}\)" + _SEP_PREFIX + r"?\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}"
    # one digit may stand alone after the prefix: "040 5 123 456"
    r"|0(?:\d{1,3}" + _SEP_PREFIX + r"?(?:\d[ \u00a0](?=\d{2}))?"
    r"\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}"
    # dots or a slash after a three-digit prefix: "041.709.3346", "040/8871 334" (a date
    # "01.12.2026" or "03/2025" has a two-digit first group)
    r"|\d{2}(?:(?:\.\d{2,4}){2,3}|/\d{2,4}(?:" + _SEP + r"\d{2,4}){0,3}))"
    # another country's number, "+" or "00" and its country code: "+49 30 1234567", "+46 70 123
    # 45 67", "+1 (202) 555-0143", "+44 (0)20 7946 0958", "(+49) 30 1234567", "+1.202.555.0143";
    # last, so that every number the other alternatives find is found as before, and checked by
    # international_ok (a country code, the digits, no sum "+12 000 000 €"); "+358" only in
    # brackets, "(+358) 40 123 4567" (the first alternative has the others)
    r"|(?P<intl>(?:\+|00)(?!358(?!\)))[1-9]\d{0,14}\)?(?:"
    r"(?:(?:" + _SEP_CHAR + r"|(?=\()|(?<=\)))(?:\(\d{1,4}\)[ \u00a0]?)?\d{1,8}){0,6}"
    r"|(?:\.\d{1,4}){2,5}))"
    r")(?![\w]|[.,]\d|" + _DASH + r"\d(?!\d))"  # a business ID "0864219-8" is no phone
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
    r"(?<!\w)nolla(?:[ \u00a0]*[,\-" + _DASHES + r"]?[ \u00a0]*" + _DIGIT_WORDS + r"){6,}(?!\w)",
    re.IGNORECASE,
)


# the country calling codes of ITU-T E.164 (no two-digit code starts a three-digit one)
_COUNTRY_CODES = frozenset(
    str(c)
    for c in (
        1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53,
        54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
        211, 212, 213, 216, 218, *range(220, 259), *range(260, 270), 290, 291, 297, 298, 299,
        *range(350, 360), *range(370, 380), 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423,
        *range(500, 510), *range(590, 600), 670, *range(672, 684), *range(685, 693), 850, 852,
        853, 855, 856, 880, 886, *range(960, 969), *range(970, 978), 992, 993, 994, 995, 996, 998,
    )
)  # fmt: skip
# a sum or a share after the number: "+12 500 000 €", "+250 000 000 euroa"
_UNIT_AFTER = re.compile(
    r"[ \u00a0]?(?:[€$£%‰]|(?:e|eur|mk|kr|kpl|hlö)\b|euro|dollar|kruunu|milj|mrd|tuhat|henk|asuk)",
    re.IGNORECASE,
)


def international_ok(text: str, m: re.Match[str]) -> bool:
    """True when ``m``, a number starting with "+" or "00" (not "+358"), is another country's
    phone number: a country code, 9-15 digits (E.164), a US number ten digits after the 1, no
    sum ending in five zeros and no currency or unit after it; "00" needs a space or a dash in
    the number and no "0" after the country code ("00530 00540 00550" are postal codes)."""
    number = m[0]
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    if number.startswith("00"):
        if not re.search(r"[ \u00a0.(\-" + _DASHES + "]", number):
            return False
        digits = digits[2:]
    code = next((digits[:n] for n in (1, 2, 3) if digits[:n] in _COUNTRY_CODES), None)
    if code is None or not 9 <= len(digits) <= 15 or digits.endswith("00000"):
        return False
    national = digits[len(code) :]
    if number.startswith("00") and national.startswith("0"):
        return False
    if code in ("1", "7") and (len(national) != 10 or national[0] in "01"):
        return False
    return _UNIT_AFTER.match(text, m.end()) is None


# an extension after a slash ("014 266 0500 / 312") or a word that names one ("… ext. 214",
# "… alanumero 31"), not the start of another number
_EXTENSION = re.compile(
    r"(?:[ \u00a0]?/[ \u00a0]?|,?[ \u00a0]+(?:ext|extension|alanumero|anro|sis)\.?:?[ \u00a0]?)"
    r"\d{2,4}(?![\d/]|[.,:]\d|[ \u00a0-]\d)",
    re.IGNORECASE,
)


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


# a number right after a word naming another kind of number is that number: "Lasku
# 358401234567", "viitenumero: 358 40 1234567", "tilausnro 35891234567", "Laskun viitenumero on 2
# 02500 47136" (a reference number in groups of five); "asiakas", "tilaus", "tili" … name one
# only with "numero", "nro" or "tunnus" ("Asiakas 358 40 123 4567 soitti" is a customer's phone)
_OTHER_NUMBER_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:lasku|viite|diaari|arkisto)(?:numero|nro|tunnus)?[^\W\d_]{0,4}"
    r"|(?:tilaus|asiakas|sopimus|tili|tuote|sarja)"
    r"(?:(?:numero|nro|tunnus)[^\W\d_]{0,4}|[ \u00a0]+(?:nro|no|numero|n:o))"
    r"|dnro|invoice|reference|order|account)\.?"
    r"(?:[ \u00a0]+(?:nro|no|numero|n:o)\.?)?[ \u00a0]*[:#]?"
    r"(?:[ \u00a0]+(?:on|oli|is|är))?[ \u00a0]*(?:\d{1,5}[ \u00a0]+)?\Z",
    re.IGNORECASE,
)


def phone_ok(match: str, before: str = "") -> bool:
    """True when a phone-number match has a plausible number of digits and does not follow
    ``before``, a word naming another kind of number ("viitenumero on …")."""
    if _OTHER_NUMBER_BEFORE.search(before[-40:]):
        return False
    digits = re.sub(r"\D", "", match)
    if match.startswith(("+", "00", "358")):  # with the country code
        return 9 <= len(digits) <= 14
    return 7 <= len(digits) <= 11


_OCTET = r"(?:25[0-5]|2[0-4]\d|[01]?\d?\d)"  # leading zeros too ("192.168.001.010")
_HEX = r"[0-9a-fA-F]{1,4}"
#: an IPv4 address (four numbers of 0-255 with dots, not part of a longer dotted number), or an
#: IPv6 address (eight groups, or fewer with "::")
IP_RE = re.compile(
    r"(?<![\w.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?!\w|\.\d)"
    + r"|(?<![\w:])(?:(?:" + _HEX + r":){7}" + _HEX
    + r"|(?:" + _HEX + r":){1,6}:(?:" + _HEX + r":){0,5}" + _HEX + r")(?![\w:])"
)  # fmt: skip


#: an IBAN: a country code, two check digits and 11-30 letters and digits, written together or
#: in groups of four with spaces or dashes ("FI21 1234 5600 0007 85", "fi21-1234-…"), in any
#: case; :func:`valid_iban` checks it
IBAN_RE = re.compile(
    r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ \u00a0-]?[A-Za-z0-9]{4}){2,7}(?:[ \u00a0-]?[A-Za-z0-9]{1,4})?"
    r"(?![\w-])"
)


def valid_iban(text: str) -> bool:
    """Whether ``text`` (spaces allowed) is an IBAN with the right check digits (ISO 13616: the
    number, country and check digits moved to its end and letters as 10-35, mod 97 is 1)."""
    code = "".join(text.replace("-", " ").split()).upper()
    if not 15 <= len(code) <= 34:
        return False
    digits = "".join(str(int(c, 36)) for c in code[4:] + code[:4])
    return int(digits) % 97 == 1


def pattern_spans(
    text: str,
    *,
    hetu: bool = True,
    emails: bool = True,
    phones: bool = True,
    ips: bool = True,
    ibans: bool = True,
) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, kind)`` of IP addresses, bank account numbers (IBAN),
    identity codes, e-mails and phone numbers (kind ``"ip"``, ``"iban"``, ``"hetu"``,
    ``"email"``, ``"phone"``), earlier kinds winning overlaps ("192.168.10.12" is no phone
    number, nor is a part of an IBAN)."""
    spans: list[tuple[int, int, str]] = []
    if ips and ("." in text or ":" in text):
        # a dotted number of single digits is a section or a version ("3.2.1.4"), one of
        # zero-padded numbers only a section ("01.02.03.04") and one with "000" a sum in
        # thousands ("1.250.000.000"), not an address
        found = (
            m
            for m in IP_RE.finditer(text)
            if re.search(r"\w\w", m[0])
            and not re.fullmatch(r"0\d(?:\.0\d){3}", m[0])
            and ".000" not in m[0]
        )
        spans += [(m.start(), m.end(), "ip") for m in found]
    if ibans and any(c.isdigit() for c in text):
        found = ((m.start(), m.end(), "iban") for m in IBAN_RE.finditer(text) if valid_iban(m[0]))
        spans += free_spans(spans, found)
    if hetu:
        spans += [(m.start(), m.end(), "hetu") for m in HETU_RE.finditer(text) if valid_hetu(m[0])]
        spans += free_spans(spans, _named_codes(text, spans))
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
        matches = list(_phone_matches(text))
        if "." in text:
            for a in _ABBREVIATION.finditer(text):
                m = _PHONE_AT.match(text, a.end())
                if m is not None:
                    matches.append(m)
        found = (
            (_opening(text, m), _extended(text, m.end()), "phone")
            for m in sorted(matches, key=lambda m: m.start())
            if (international_ok(text, m) if m["intl"] else phone_ok(m[0], text[: m.start()]))
        )
        spans += free_spans(spans, found)
        if "nolla" in text or "NOLLA" in text or "Nolla" in text:
            spelt = ((m.start(), m.end(), "phone") for m in SPELT_PHONE_RE.finditer(text))
            spans += free_spans(spans, spelt)
    return spans


def _named_codes(text: str, taken: list[tuple[int, int, str]]):
    """``(start, end, "hetu")`` of the codes that a word naming them stands next to (the codes
    of ``taken`` and those found here continue a list)."""
    lowered = text.lower()
    words = []
    if any(w in lowered for w in ("tunnu", "hetu", "sotu", "person", "identity", "ssn")):
        words = [(w.start(), w.end()) for w in HETU_WORD_RE.finditer(text)]
    if not words and not taken:
        return []
    ends = [e for _, e, _ in taken]
    out = []
    for m in HETU_SHAPE_RE.finditer(text):
        start, end = m.span()
        named = any(
            0 <= start - e <= _AFTER_WORD and not _SENTENCE_END.search(text, e, start)
            for _, e in words
        ) or any(
            0 <= s - end <= _BEFORE_WORD and not _SENTENCE_END.search(text, end, s)
            for s, _ in words
        )
        listed = any(start >= e and _LIST_JOIN.fullmatch(text, e, start) for e in ends)
        if named or listed:
            out.append((start, end, "hetu"))
            ends.append(end)
    return out


def _phone_matches(text: str):
    """The matches of PHONE_RE, as ``finditer`` gives them; another country's number that
    ``international_ok`` rejects does not hide a number inside it ("+46 70 12 040 123 4567")."""
    pos = 0
    while (m := PHONE_RE.search(text, pos)) is not None:
        if m["intl"] and not international_ok(text, m):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def _opening(text: str, m: re.Match[str]) -> int:
    """The start of a phone number, with the bracket before "(+49) 30 1234567"."""
    start = m.start()
    if start and text[start - 1] == "(" and m["intl"] and ")" in m[0] and "(" not in m[0]:
        return start - 1
    return start


def _extended(text: str, end: int) -> int:
    """The end of a phone number with its extension (after a slash or a word naming it)."""
    if end == len(text) or text[end] not in " \u00a0/,":
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
    "HETU_SHAPE_RE",
    "HETU_WORD_RE",
    "OBFUSCATED_EMAIL_RE",
    "PHONE_RE",
    "SPELT_PHONE_RE",
    "free_spans",
    "international_ok",
    "pattern_spans",
    "phone_ok",
    "valid_hetu",
]
