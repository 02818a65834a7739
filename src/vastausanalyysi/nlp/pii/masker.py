"""Masking personal data in free text: names, e-mail addresses, phone numbers, identity codes.

``mask_pii`` replaces

* Finnish personal identity codes (DDMMYY, a century sign, NNN and a check character that must
  be right; the 2023 century signs U–Y and B–F included) with ``[HETU]``,
* e-mail addresses with ``[EMAIL]``,
* Finnish phone numbers (``050 479 6835``, ``+358 50 479 6835``, ``09-310 1234``,
  ``040-1234567``, ``(09) 310 1234``) with ``[PUHELIN]``,
* names of people with ``[NIMI]``: capitalised words that Voikko reads as a first name or
  surname, and runs of capitalised words that contain a first name ("Liisa Jurmu", "Arja Joki",
  "Jurmu Liisa"), where the other words are surnames, words Voikko does not know or
  capitalised ordinary words in the middle of a sentence. A run becomes one ``[NIMI]``.

Place names, organisations (Voikko's ``nimi`` class and the lexicon's entries such as Kela or
Kuntaliitto) and sentence-initial ordinary words ("Kari", "Satu" and "Toivo" are also common
words) are left alone unless they stand next to a name. All-capital words ("ARJA JOKI") are not
treated as names. Everything else stays exactly as it was, whitespace included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from vastausanalyysi.errors import InputTextError
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, get_analyzer

NAME, EMAIL, PHONE, HETU = "[NIMI]", "[EMAIL]", "[PUHELIN]", "[HETU]"

_HETU = re.compile(
    r"(?<![\w+-])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\w-])", re.IGNORECASE
)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, **dict.fromkeys("UVWXY", 1900), **dict.fromkeys("ABCDEF", 2000)}

_EMAIL = re.compile(
    r"(?<![\w.@+-])[\w.!#$%&'*+/=?^`{|}~-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w@-])"
)
_SEP = r"[ \u00a0-]?"
_PHONE = re.compile(
    r"(?<![\w+.,/])(?:"
    r"(?:\+|00)358" + _SEP + r"(?:\(0\)" + _SEP + r")?\d{1,3}(?:" + _SEP + r"\d{2,4}){1,3}"
    r"|\(0\d{1,3}\)" + _SEP + r"\d{2,4}(?:" + _SEP + r"\d{2,4}){0,2}"
    r"|0\d{1,3}" + _SEP + r"\d{2,4}(?:" + _SEP + r"\d{2,4}){0,2}"
    r")(?![\w]|[.,]\d)"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SKIP_BACK = " \t\r\u00a0\"'“”«»‘’([{*•–—-"
_SENTENCE_END = ".!?:;\n"
_FIRST, _SUR, _PLACE, _ORG = "etunimi", "sukunimi", "paikannimi", "nimi"


def valid_hetu(code: str) -> bool:
    """True when ``code`` is a Finnish personal identity code with a valid date and check."""
    m = _HETU.fullmatch(code)
    if m is None:
        return False
    day, month, year, sign, serial, check = m.groups()
    century = _CENTURY.get(sign.upper())
    if century is None:
        return False
    try:
        date(century + int(year), int(month), int(day))
    except ValueError:
        return False
    return _HETU_CHECK[int(day + month + year + serial) % 31] == check.upper()


def _phone_ok(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    if match.startswith(("+", "00")):
        return 9 <= len(digits) <= 14
    return 7 <= len(digits) <= 11


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    from vastausanalyysi.nlp.lexicon import default_entries

    return frozenset(e.lemma.lower() for e in default_entries())


class _Classes:
    """What Voikko says of one capitalised word."""

    __slots__ = ("common", "first", "nominative", "org", "place", "surname", "unknown")

    def __init__(self, word: str, analyzer: VoikkoAnalyzer):
        analyses = analyzer.analyze(word)
        classes = {a.word_class for a in analyses}
        self.unknown = not analyses
        self.first = _FIRST in classes
        self.surname = _SUR in classes
        self.place = _PLACE in classes
        self.org = _ORG in classes or any(
            a.baseform.lower() in _organisations() for a in analyses
        ) or word.lower() in _organisations()  # fmt: skip
        self.common = any(not a.is_proper for a in analyses)
        self.nominative = any(
            a.word_class == _PLACE and a.case in {"nimento", "omanto"} for a in analyses
        )


class PiiMasker:
    """Masks personal data; one instance caches Voikko's word classes by form."""

    def __init__(
        self,
        analyzer: VoikkoAnalyzer | None = None,
        *,
        names: bool = True,
        emails: bool = True,
        phones: bool = True,
        hetu: bool = True,
    ):
        self.analyzer = analyzer or get_analyzer()
        self.names, self.emails, self.phones, self.hetu = names, emails, phones, hetu
        self._classes: dict[str, _Classes] = {}

    def _info(self, word: str) -> _Classes:
        info = self._classes.get(word)
        if info is None:
            info = _Classes(word, self.analyzer)
            if len(self._classes) < 100_000:
                self._classes[word] = info
        return info

    def mask(self, text: str) -> str:
        """``text`` with its personal data replaced by placeholders."""
        if not text:
            return ""
        spans: list[tuple[int, int, str]] = []
        if self.hetu:
            spans += [(m.start(), m.end(), HETU) for m in _HETU.finditer(text) if valid_hetu(m[0])]
        if self.emails and "@" in text:
            spans += _free(spans, ((m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)))
        if self.phones:
            found = ((m.start(), m.end(), PHONE) for m in _PHONE.finditer(text) if _phone_ok(m[0]))
            spans += _free(spans, found)
        if self.names:
            spans += _free(spans, self._name_spans(text))
        if not spans:
            return text
        out, last = [], 0
        for start, end, label in sorted(spans):
            out.append(text[last:start])
            out.append(label)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _name_spans(self, text: str) -> Iterable[tuple[int, int, str]]:
        words = [
            m for m in _WORD.finditer(text)
            if m[0][0].isupper() and not (len(m[0]) > 1 and m[0].isupper())
        ]  # fmt: skip
        runs: list[list[re.Match[str]]] = []
        for m in words:
            if runs and text[runs[-1][-1].end() : m.start()] in {" ", "\u00a0"}:
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            yield from self._run_spans(text, run)

    def _run_spans(self, text: str, run: list[re.Match[str]]) -> Iterable[tuple[int, int, str]]:
        infos = [self._info(m[0]) for m in run]
        initial = [_sentence_initial(text, m.start()) for m in run]
        # a word alone is a name when Voikko says so and nothing speaks against it
        strong = [
            (i.first or i.surname) and not i.org and not i.place and not (init and i.common)
            for i, init in zip(infos, initial, strict=True)
        ]
        has_first = any(i.first and not i.org and not (i.place and not i.surname) for i in infos)
        name_like = [
            s
            or (
                has_first
                and not i.org
                and (
                    i.first
                    or i.surname
                    or i.unknown
                    or (i.place and i.nominative)
                    or (i.common and not init)
                )
            )
            for s, i, init in zip(strong, infos, initial, strict=True)
        ]
        j = 0
        while j < len(run):
            if not name_like[j]:
                j += 1
                continue
            k = j
            while k + 1 < len(run) and name_like[k + 1]:
                k += 1
            group = range(j, k + 1)
            # a lone weak word (e.g. an unknown capitalised word) is not a name
            if (k > j and any(infos[x].first for x in group)) or any(strong[x] for x in group):
                yield run[j].start(), run[k].end(), NAME
            j = k + 1


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or "\n" in text[i + 1 : start]


def _free(
    taken: list[tuple[int, int, str]], spans: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if all(end <= s or start >= e for s, e, _ in (*taken, *out)):
            out.append((start, end, label))
    return out


_DEFAULT: dict[str, PiiMasker] = {}


def mask_pii(texts: Iterable[object]) -> list[str]:
    """Each text with names, e-mails, phone numbers and identity codes replaced, in order.

    None/NaN/pandas NA give ''; numbers become their ``str``; bytes raise InputTextError.
    """
    from vastausanalyysi.nlp.pipeline import as_text

    if isinstance(texts, str | bytes):
        raise InputTextError(
            f"mask_pii() takes an iterable of texts, got a single {type(texts).__name__} "
            f"{texts[:40]!r}; wrap it in a list"
        )
    masker = _DEFAULT.get("default")
    if masker is None:
        masker = _DEFAULT["default"] = PiiMasker()
    return [
        masker.mask(value if isinstance(value, str) else as_text(value, i))
        for i, value in enumerate(texts)
    ]


__all__ = ["PiiMasker", "mask_pii", "valid_hetu"]
