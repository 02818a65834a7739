"""The masker: names, e-mail and IP addresses, phone numbers and identity codes become placeholders.

``mask_pii`` replaces

* Finnish personal identity codes (DDMMYY, a century sign, NNN and a check character that must
  be right; the 2023 century signs U–Y and B–F included; a space may stand around the sign or
  before the check character: "231299-045 H", "300962 - 903r"; any dash for the
  hyphen: "240781–734P"); next to a word that names it ("henkilötunnus", "hetu", "sotu",
  "syntymätunnus", "personbeteckning" …) also a code with a mistyped check character or date or
  without its check character ("henkilötunnus 120379-123K"), with ``[HETU]``,
* e-mail addresses, also written "etunimi.sukunimi(at)kunta.fi", "x [at] y.fi", "x at y.fi" or
  "x(a)y.fi", also as the first part of a compound ("x@y.fi-osoitteeseen"), with ``[EMAIL]``,
* Finnish phone numbers (``050 479 6835``, ``+358 50 479 6835``, ``09-310 1234``,
  ``040-1234567``, ``(09) 310 1234``, ``050 111 22 33``, ``041.709.3346``, ``040/8871 334``;
  with an extension after a slash: ``014 266 0500 / 312``; right after "p.": ``p.0440 613 927``;
  with any dash (en, em, a pasted non-breaking hyphen or minus sign), after the prefix also with
  spaces: ``040 – 712 3458``; 358 without "+": ``358 40 1234567``, ``358401234567``, not after
  "lasku", "viite" …; a lone digit after the prefix: ``040 5 123 456``; spelt out digit by digit
  from "nolla": "nolla neljä nolla, seitsemän …"); other countries' numbers after "+" or "00"
  and a country code (``+49 30 1234567``, ``+46 70 123 45 67``, ``+1 (202) 555-0143``, ``0049 30
  1234567``; not a sum "+12 500 000 €") with ``[PUHELIN]``, IPv4 and IPv6 addresses with ``[IP]``,
* bank account numbers in the IBAN form whose check digits are right ("FI21 1234 5600 0007 85",
  "FI2112345600000785", any country's) with ``[TILINUMERO]``,
* names of people with ``[NIMI]`` (a run of name words becomes one ``[NIMI]``).

A word is a name candidate when Voikko reads it (or its capitalised form, for lower-case and
all-capital words) as a first name or surname, when it or its base form is in the team-written
name lists (``data/names_fi.txt``; Sami names also without the Sami letters), when it is a word
Voikko does not know that is such a name with ä, ö and y for a, o and u ("jarvinen",
"MAKELA") or such a name inflected without consonant gradation ("Jokelle": Joki), or when it
has a name's apostrophe ("O'Brien", "D'Angelo"). Hyphenated names are candidates when every
part is. A candidate that is nothing else (Virtanen, Pirjo) is masked wherever it stands and
however it is written. One that is also an ordinary word or a place (Laine, Aho, Toivo, Salo,
Mattila) is masked when the context says person (a title, a verb said of people, a contact …:
the rules are listed in :mod:`~vastausanalyysi.nlp.pii.decide`).

Never masked: a name in the genitive (or in the nominative before a nominative) followed by the
head noun of a street, building, school, organisation, day or place ("Aleksis Kiven katu", "Paavo
Nurmen stadionilla", "Runebergin päivänä", "Mannerheimin Lastensuojeluliitto"; not an area's
head after a full name: "Valitsimme Eeva Kokon kunnan edustajaksi" is a person; also a
compound's head: "Paavo Nurmen urheilutalon", "Runebergin talolla", but not a house whose first
part names its owner ("Anttilan kaupungintalolla") and not a bare "talo" after a name of the
common-name lists ("Virtasen talolla"): those are people; and the first names coordinated
before a foundation's or prize's name: "Ella ja Georg Ehrnroothin säätiö"; a namesake: "Arvo
Ylpön mukaan nimetty"; an institution's or a firm's name, ``clues.organisation``: "Yliopistokeskus
Chydenius", "Rakennusliike Nieminen", "Asunto Oy Kalliorinne", "Virtasen Liikenne Oy"),
or joined to one with a hyphen ("Sibelius-lukio", "Alvar Aalto -museo"); a name in an inner
local case ("Salossa", "Hotelli Arthurissa") unless a first name comes before it or
"yhteydessä"/"yhteyttä" next to it; Voikko's organisations and the lexicon's entries (Kela,
Kuntaliitto), organisations known by a first name's plural ("Martat") and a first name coordinated
with a town or an organisation ("Nokia ja Elisa lainasivat …": a firm).

Every text is normalised first (:mod:`vastausanalyysi.nlp.normalise`) and the spans found are
mapped back, so "Ma\\u0308kinen" or "Vir\\u00adtanen" is masked like "Mäkinen" and everything
else in the text stays exactly as it was, whitespace included.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from vastausanalyysi.errors import reject_single_text
from vastausanalyysi.nlp.normalise import normalise_with_offsets
from vastausanalyysi.nlp.pii import context
from vastausanalyysi.nlp.pii.decide import decide_name
from vastausanalyysi.nlp.pii.english import ordinary_in_english
from vastausanalyysi.nlp.pii.grouping import colon_suffix, name_runs
from vastausanalyysi.nlp.pii.parts import MaskedParts
from vastausanalyysi.nlp.pii.patterns import free_spans, pattern_spans, valid_hetu
from vastausanalyysi.nlp.pii.person import lower_outer, typed_in_capitals
from vastausanalyysi.nlp.pii.runs import coordinated, foundations, repeated
from vastausanalyysi.nlp.pii.signature import signature
from vastausanalyysi.nlp.pii.words import WordInfo, possessive, typed_without_umlauts
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, get_analyzer

NAME, EMAIL, PHONE, HETU, IP = "[NIMI]", "[EMAIL]", "[PUHELIN]", "[HETU]", "[IP]"
IBAN = "[TILINUMERO]"
_LABELS = {"hetu": HETU, "email": EMAIL, "phone": PHONE, "ip": IP, "iban": IBAN}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


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
        ips: bool = True,
        ibans: bool = True,
    ):
        self.analyzer = analyzer or get_analyzer()
        self.names = names
        # the kinds of :func:`pattern_spans`
        self.kinds = {"hetu": hetu, "emails": emails, "phones": phones, "ips": ips, "ibans": ibans}
        self._infos: dict[str, WordInfo] = {}

    def _info(self, word: str) -> WordInfo:
        info = self._infos.get(word)
        if info is None:
            info = possessive(word, WordInfo(word, self.analyzer), self.analyzer)
            if len(self._infos) < 100_000:
                self._infos[word] = info
        return info

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Sorted ``(start, end, placeholder)`` of the personal data in (normalised) ``text``."""
        found = pattern_spans(text, **self.kinds)
        spans = [(s, e, _LABELS[k]) for s, e, k in found]
        if self.names:
            spans += free_spans(spans, self._name_spans(text, spans))
        return sorted(spans)

    def original_spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, placeholder)`` of the personal data in ``text`` as given (not
        normalised), sorted and not overlapping: the parts that :meth:`mask` replaces."""
        if not text:
            return []
        normalised, to_original = normalise_with_offsets(text)
        out: list[tuple[int, int, str]] = []
        last = 0
        for start, end, label in self.spans(normalised):
            start, end = to_original.span(start, end)
            if start >= last:
                out.append((start, end, label))
                last = end
        return out

    def mask(self, text: str) -> str:
        """``text`` with its personal data replaced by placeholders."""
        spans = self.original_spans(text)
        if not spans:
            return text or ""
        out, last = [], 0
        for start, end, label in spans:
            out.append(text[last:start])
            out.append(label)
            last = end
        out.append(text[last:])
        return "".join(out)

    # -- names ---------------------------------------------------------------------------------

    def _name_spans(
        self, text: str, contacts: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        # a word inside an e-mail address or a number is masked with it, and it joins no name
        # ("SAARA HEIKKINEN SAARA.HEIKKINEN@EXAMPLE.FI": the name is two words, not three)
        words = [
            m
            for m in _WORD.finditer(text)
            if all(m.end() <= s or m.start() >= e for s, e, _ in contacts)
        ]
        plain = not any(c in "äöÄÖ" for c in text)
        infos = [typed_without_umlauts(self._info(m[0]), plain) for m in words]
        infos = ordinary_in_english(text, words, infos)  # "Good job."
        groups = name_runs(text, words, infos)
        shouted = typed_in_capitals(infos)  # once per text: a long answer stays linear
        decided: dict[int, bool | None] = {}
        for g, (a, b) in enumerate(groups):
            if infos[a].kin:  # "Pekka-sedästä": the name part only
                decided[g] = True
            else:
                decided[g] = decide_name(text, words, infos, a, b, contacts, shouted)
        # coordination: "Laine ja Hämäläinen", "Mattila, Nieminen ja Koivisto"
        for _ in range(2):
            for g in range(len(groups)):
                # a surname read as a place in an inner local case, in the case of the masked
                # name it is coordinated with: "yhteyttä Ahoon ja Koskeen"
                # "kiitos hakalalle ja nurmelle": a lower-case name in an outer local case
                inner = decided[g] is False and (
                    context.inner_surname(infos, *groups[g]) or lower_outer(infos, *groups[g])
                )
                if decided[g] is not None and not inner:
                    continue
                for h in (g - 1, g + 1):
                    if decided.get(h) and coordinated(text, words, groups, g, h):
                        same = infos[groups[g][1] - 1].cases & infos[groups[h][1] - 1].cases
                        decided[g] = True if same or not inner else decided[g]
        foundations(text, words, infos, groups, decided)
        repeated(infos, groups, decided)
        spans = []
        for g, (a, b) in enumerate(groups):
            if not decided[g]:
                continue
            start, end = words[a].start(), words[b - 1].end()
            if spoken_surname(text, words, infos, a, b):
                start = words[a - 1].start()  # "Kemin Pekka", "mäen timo": the surname first
            if infos[a].kin:
                end = start + infos[a].kin
            elif colon_suffix(text, words, b):
                end = words[b].end()
            spans.append((start, end - infos[b - 1].suffix, NAME))
        signed = signature(text, words, infos)
        if signed is not None:
            spans.append((words[signed].start(), words[signed].end(), NAME))
        return spans


def spoken_surname(
    text: str, words: list[re.Match[str]], infos: list[WordInfo], a: int, b: int
) -> bool:
    """A surname or a place in the genitive right before a first name, as spoken ("Kemin
    Pekka", "Mäen Timo", "mikkelin sanna": Pekka Kemi, Timo Mäki): part of the name (not an
    organisation's or an area's: "Kelan Anna", "kunnan Pekka" keep their first word)."""
    if (
        not a
        or b - a != 1
        or not infos[a].first
        or text[words[a - 1].end() : words[a].start()] != " "
    ):
        return False
    prev = infos[a - 1]
    return (
        "omanto" in prev.cases
        and (prev.surname or prev.place)
        and not (prev.org or prev.area or prev.title or prev.first)
        and prev.shape == infos[a].shape
    )


_DEFAULT: dict[str, PiiMasker] = {}


def default_masker() -> PiiMasker:
    """The process's masker with the default settings (made on first use)."""
    masker = _DEFAULT.get("default")
    if masker is None:
        masker = _DEFAULT["default"] = PiiMasker()
    return masker


def masked_lemmas(
    texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int, str]]]
) -> list[Counter[str]]:
    """Per text, the lemmas of its masked parts (``spans``: each text's
    :meth:`PiiMasker.original_spans`): each part lemmatised on its own, and the lemma in the
    whole text of every token that overlaps a part (a code that ends a sentence, "308T.", is
    one token with its full stop, and its lemma "131052-308t." is the text's own), in one
    batch each."""
    from vastausanalyysi.nlp.pipeline import lemmatize, make_docs, offset_map

    parts = [(i, text[a:b]) for i, (text, found) in enumerate(zip(texts, spans, strict=True))
             for a, b, _ in found]  # fmt: skip
    out: list[Counter[str]] = [Counter() for _ in texts]
    for (i, _), lemmas in zip(parts, lemmatize([p for _, p in parts]), strict=True):
        out[i].update(lemmas)
    hit = [i for i, found in enumerate(spans) if found]
    for i, doc in zip(hit, make_docs([texts[i] for i in hit]), strict=True):
        mapping = offset_map(doc)
        isolated = set(out[i])
        parts = MaskedParts(spans[i])
        for token in doc:
            start, end = mapping.span(token.idx, token.idx + len(token.text))
            if token.lemma_ not in isolated and parts.overlapping(start, end) is not None:
                out[i][token.lemma_] += 1
    return out


def mask_pii(texts: Iterable[object]) -> list[str]:
    """Each text with names, e-mails, phone numbers and identity codes replaced, in order.

    None/NaN/pandas NA give ''; numbers become their ``str``; bytes raise InputTextError.
    """
    from vastausanalyysi.nlp.pipeline import as_text

    reject_single_text(texts, "mask_pii")
    masker = default_masker()
    return [
        masker.mask(value if isinstance(value, str) else as_text(value, i))
        for i, value in enumerate(texts)
    ]


__all__ = [
    "EMAIL",
    "HETU",
    "IBAN",
    "IP",
    "NAME",
    "PHONE",
    "PiiMasker",
    "default_masker",
    "mask_pii",
    "masked_lemmas",
    "valid_hetu",
]
