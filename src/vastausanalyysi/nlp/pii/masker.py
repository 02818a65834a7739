"""The masker: names, e-mail addresses, phone numbers and identity codes become placeholders.

``mask_pii`` replaces

* Finnish personal identity codes (DDMMYY, a century sign, NNN and a check character that must
  be right; the 2023 century signs U–Y and B–F included) with ``[HETU]``,
* e-mail addresses, also written "etunimi.sukunimi(at)kunta.fi", "x [at] y.fi", "x at y.fi" or
  "x(a)y.fi", with ``[EMAIL]``,
* Finnish phone numbers (``050 479 6835``, ``+358 50 479 6835``, ``09-310 1234``,
  ``040-1234567``, ``(09) 310 1234``, ``050 111 22 33``) with ``[PUHELIN]``,
* names of people with ``[NIMI]`` (a run of name words becomes one ``[NIMI]``).

A word is a name candidate when Voikko reads it (or its capitalised form, for lower-case and
all-capital words) as a first name or surname, when it or its base form is in the team-written
name lists (``data/names_fi.txt``), or when it has a name's apostrophe ("O'Brien", "D'Angelo").
Hyphenated names are candidates when every part is. A candidate that is nothing else
(Virtanen, Pirjo) is masked wherever it stands and however it is written. One that is also an
ordinary word or a place (Laine, Aho, Toivo, Salo, Mattila) is masked when the context says
person:

* a title or role before it ("rehtori", "kuraattori", "johtaja"; see ``names.TITLES``) — the
  only context that makes a lower-case ordinary word a name ("kuraattori salo");
* a genitive before "kanssa", "mukaan", "luona", "ansiosta" …; a nominative before or after a
  verb of speaking or acting ("kertoi", "lupasi", "vastasi", "Asiaa hoitaa …") or before "ei" and
  such a verb or a past participle ("Salo ei vastannut"); an ablative or allative of a surname
  that is also a place ("Mattilalle", "Koivistolta");
* a first name next to it ("Arja Joki"), "ja" or a comma next to another masked name;
* a capital letter in the middle of a sentence, for a word that is not also a place;
* for surnames that are also demonyms in -inen (Karjalainen, Hämäläinen): no noun after it;
  surnames that are also rare adjectives in -inen (Mäkinen, Koskinen) are always names.

Never masked: a name followed by the head noun of a street, building, school,
organisation, day or place ("Aleksis Kiven katu", "Paavo Nurmen stadionilla", "Runebergin
päivänä", "Mannerheimin Lastensuojeluliitto"), or joined to one with a hyphen ("Sibelius-lukio",
"Alvar Aalto -museo"); a name in an inner local case ("Salossa", "Hotelli Arthurissa"); Voikko's
organisations and the lexicon's entries (Kela, Kuntaliitto).

Every text is normalised first (:mod:`vastausanalyysi.nlp.normalise`) and the spans found are
mapped back, so "Ma\\u0308kinen" or "Vir\\u00adtanen" is masked like "Mäkinen" and everything
else in the text stays exactly as it was, whitespace included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from vastausanalyysi.errors import InputTextError
from vastausanalyysi.nlp.normalise import normalise_with_offsets
from vastausanalyysi.nlp.pii.names import (
    CASE_ENDINGS,
    PERSON_AFTER,
    PERSON_VERBS,
    TITLES,
    is_place_head,
    name_lists,
)
from vastausanalyysi.nlp.pii.patterns import free_spans, pattern_spans, valid_hetu
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, get_analyzer

NAME, EMAIL, PHONE, HETU = "[NIMI]", "[EMAIL]", "[PUHELIN]", "[HETU]"
_LABELS = {"hetu": HETU, "email": EMAIL, "phone": PHONE}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_APOSTROPHE_NAME = re.compile(r"[OoDd]['’][^\W\d_]{2,}")
_SKIP_BACK = " \t\r\u00a0\"'“”«»‘’([{*•–—-"
_SENTENCE_END = ".!?:;\n"
_GAP = {" ", "\u00a0"}
_COORD = {"ja", "sekä", "tai", ",", "&"}
_FIRST, _SUR, _PLACE, _ORG = "etunimi", "sukunimi", "paikannimi", "nimi"
_PROPER = {_FIRST, _SUR, _PLACE, _ORG}
_INNER_LOCAL = {"sisaolento", "sisaeronto", "sisatulento"}
_TOWARDS_FROM = {"ulkoeronto", "ulkotulento"}
_ADJECTIVE = {"laatusana", "nimisana_laatusana"}


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    from vastausanalyysi.nlp.lexicon import default_entries

    return frozenset(e.lemma.lower() for e in default_entries())


def _title_case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


class _Info:
    """What the masker knows about one word form."""

    __slots__ = (
        "adjective_name", "after", "cases", "common", "first", "head", "name", "negation", "noun",
        "org", "participle", "person_verb", "place", "shape", "strong", "title", "unknown", "verb",
    )  # fmt: skip

    def __init__(self, word: str, analyzer: VoikkoAnalyzer):
        if len(word) > 1 and word.isupper():
            self.shape = "caps"
        elif word[0].isupper():
            self.shape = "title"
        else:
            self.shape = "lower"
        form = _title_case(word) if self.shape == "caps" else word
        analyses = list(analyzer.analyze(form))
        if self.shape != "title":
            analyses += analyzer.analyze(word.lower())
        hyphen_parts = word.split("-")
        capital_parts = len(hyphen_parts) > 1 and all(p[:1].isupper() for p in hyphen_parts)
        proper = [a for a in analyses if a.word_class in _PROPER]
        common = [
            a for a in analyses
            if a.word_class not in _PROPER and not (capital_parts and "-" in a.baseform)
        ]  # fmt: skip
        lists = name_lists()
        firsts, surnames = lists.get("first", frozenset()), lists.get("surname", frozenset())
        # base forms of ordinary readings count only for capitalised words ("Rinteen" -> Rinne)
        readings = analyses if self.shape != "lower" else proper
        bases = {_title_case(a.baseform) for a in readings if a.baseform} | {_title_case(form)}
        if not analyses:
            bases |= {_title_case(form[: -len(e)]) for e in CASE_ENDINGS if form.endswith(e)}
        classes = {a.word_class for a in proper}
        listed_first = bool(bases & firsts)
        listed_sur = bool(bases & surnames)
        self.unknown = not analyses
        self.first = _FIRST in classes or listed_first
        surname = _SUR in classes or listed_sur
        self.org = _ORG in classes or any(
            a.baseform.lower() in _organisations() for a in analyses
        ) or word.lower() in _organisations()  # fmt: skip
        # a listed surname in -nen is not a place (Voikko reads "Nieminen" as one)
        self.place = _PLACE in classes and not (listed_sur and form.lower().endswith("nen"))
        self.common = bool(common)
        hyphen_compound = len(hyphen_parts) > 1 and not capital_parts
        if hyphen_compound and not (_FIRST in classes or _SUR in classes):
            self.first = surname = False  # "Sibelius-lukio", "Agricola-päivä"
        apostrophe = bool(_APOSTROPHE_NAME.fullmatch(word.split("-")[0]))
        self.name = (self.first or surname or apostrophe) and not self.org
        self.strong = self.name and (apostrophe or not (self.common or self.place))
        in_nen = bool(common) and all(
            a.word_class in _ADJECTIVE and a.baseform.endswith("nen") for a in common
        )
        self.adjective_name = self.name and not self.place and in_nen
        # a rare adjective in -inen ("mäkinen", "koskinen") is no evidence against a surname;
        # a demonym ("karjalainen", "hämäläinen", a noun too) is: "Karjalainen piirakka"
        if self.adjective_name and surname and all(a.word_class == "laatusana" for a in common):
            self.strong = True
        self.cases = {a.case for a in proper if a.case} or {a.case for a in analyses if a.case}
        lemmas = {a.baseform.lower() for a in common}
        self.title = bool(lemmas & TITLES) or word.lower() in TITLES
        self.head = any(is_place_head(lemma) for lemma in lemmas) and (
            not self.name or self.shape == "lower"
        )
        self.after = word.lower() in PERSON_AFTER
        self.verb = any(a.word_class in {"teonsana", "kieltosana"} for a in common)
        self.person_verb = any(
            a.baseform in PERSON_VERBS
            and ((a.word_class == "teonsana" and a.get("PERSON")) or a.get("PARTICIPLE"))
            for a in common
        )
        self.noun = any(a.word_class == "nimisana" for a in common) and not self.verb
        self.negation = word.lower() in {"ei", "eivät", "eikä"}
        self.participle = any(a.get("PARTICIPLE") == "past_active" for a in common)


class PiiMasker:
    """Masks personal data; one instance caches what it learns of each word form."""

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
        self._infos: dict[str, _Info] = {}

    def _info(self, word: str) -> _Info:
        info = self._infos.get(word)
        if info is None:
            info = _Info(word, self.analyzer)
            if len(self._infos) < 100_000:
                self._infos[word] = info
        return info

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Sorted ``(start, end, placeholder)`` of the personal data in (normalised) ``text``."""
        found = pattern_spans(text, hetu=self.hetu, emails=self.emails, phones=self.phones)
        spans = [(s, e, _LABELS[k]) for s, e, k in found]
        if self.names:
            spans += free_spans(spans, self._name_spans(text))
        return sorted(spans)

    def mask(self, text: str) -> str:
        """``text`` with its personal data replaced by placeholders."""
        if not text:
            return ""
        normalised, to_original = normalise_with_offsets(text)
        spans = self.spans(normalised)
        if not spans:
            return text
        out, last = [], 0
        for start, end, label in spans:
            start, end = to_original.span(start, end)
            if start < last:
                continue
            out.append(text[last:start])
            out.append(label)
            last = end
        out.append(text[last:])
        return "".join(out)

    # -- names ---------------------------------------------------------------------------------

    def _name_spans(self, text: str) -> list[tuple[int, int, str]]:
        words = list(_WORD.finditer(text))
        infos = [self._info(m[0]) for m in words]
        groups = _groups(text, words, infos)
        decided: dict[int, bool | None] = {}
        for g, (a, b) in enumerate(groups):
            decided[g] = self._decide(text, words, infos, a, b)
        # coordination: "Laine ja Hämäläinen", "Mattila, Nieminen ja Koivisto"
        for _ in range(2):
            for g in range(len(groups)):
                if decided[g] is not None:
                    continue
                for h in (g - 1, g + 1):
                    if decided.get(h) and _coordinated(text, words, groups, g, h):
                        decided[g] = True
        return [
            (words[a].start(), words[b - 1].end(), NAME)
            for g, (a, b) in enumerate(groups)
            if decided[g]
        ]

    def _decide(
        self, text: str, words: list[re.Match[str]], infos: list[_Info], a: int, b: int
    ) -> bool | None:
        """True: a name; False: not one; None: undecided (a coordinated name may decide it)."""
        group = infos[a:b]
        last = group[-1]
        prev = infos[a - 1] if a and _adjacent(text, words[a - 1], words[a]) else None
        nxt = infos[b] if b < len(words) and _adjacent(text, words[b - 1], words[b]) else None
        nxt2 = (
            infos[b + 1]
            if nxt is not None and b + 1 < len(words) and _adjacent(text, words[b], words[b + 1])
            else None
        )
        tail = text[words[b - 1].end() : words[b - 1].end() + 3]
        # the name of a street, building, organisation, day or place
        if (nxt is not None and nxt.head) or re.match(r"\s-[^\W\d_]", tail):
            return False
        if last.cases and last.cases <= _INNER_LOCAL:
            return False
        titled = prev is not None and prev.title
        person = (
            titled
            or (nxt is not None and nxt.after and "omanto" in last.cases)
            or (
                "nimento" in last.cases
                and (
                    (nxt is not None and nxt.person_verb)
                    or (prev is not None and prev.person_verb)  # "Asiaa hoitaa Mäkelä."
                    # "Mäkelä ei vastannut", "Anna ei soittanut"
                    or (
                        nxt is not None
                        and nxt.negation
                        and nxt2 is not None
                        and (nxt2.person_verb or nxt2.participle)
                    )
                )
            )
        )
        names = [i for i in group if i.name]
        if not names:
            return bool(titled and all(i.unknown and i.shape != "lower" for i in group))
        if group[0].shape == "lower":  # "mikko", "virtaselta"; "salo" only after a title
            return titled or any(i.strong for i in names)
        if any(i.strong for i in names) or person:
            return True
        if len(group) > 1 and any(i.first for i in group):
            return True
        word = names[-1]
        if word.place:
            return True if last.cases & _TOWARDS_FROM else None
        if word.adjective_name and not (nxt is not None and nxt.noun):
            return True
        initial = _sentence_initial(text, words[a].start())
        if word.shape == "title" and not initial:
            return True
        return None


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return text[left.end() : right.start()] in _GAP


def _groups(text: str, words: list[re.Match[str]], infos: list[_Info]) -> list[tuple[int, int]]:
    """Index ranges of runs of name words (with unknown capitalised words and, after a first
    name, capitalised ordinary words: "Siobhan O'Brien", "Arja Joki")."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        info = infos[i]
        if not info.name and not (info.unknown and info.shape != "lower"):
            i += 1
            continue
        j = i + 1
        while j < n and _adjacent(text, words[j - 1], words[j]):
            nxt = infos[j]
            if (nxt.shape == "lower") != (info.shape == "lower") or nxt.org or nxt.head:
                break
            joins = nxt.name or (nxt.unknown and nxt.shape != "lower")
            joins = joins or (
                any(x.first for x in infos[i:j])
                and nxt.shape != "lower"
                and nxt.common
                and not nxt.verb
                and not _sentence_initial(text, words[j].start())
            )
            if not joins:
                break
            j += 1
        groups.append((i, j))
        i = j
    return groups


def _coordinated(
    text: str, words: list[re.Match[str]], groups: list[tuple[int, int]], g: int, h: int
) -> bool:
    left, right = (groups[g], groups[h]) if g < h else (groups[h], groups[g])
    between = text[words[left[1] - 1].end() : words[right[0]].start()].strip().lower()
    return between in _COORD or between.rstrip(",").strip() in _COORD


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or "\n" in text[i + 1 : start]


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


__all__ = ["EMAIL", "HETU", "NAME", "PHONE", "PiiMasker", "mask_pii", "valid_hetu"]
