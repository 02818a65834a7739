"""How a word form may be written: the classes of Voikko's name readings, a name's base forms
in the lists, umlauts left out ("jarvinen"), a spoken ending ("Korhose"), a place or a brand
with a case ending ("Lovisassa", "oy:n"). Read by :class:`~vastausanalyysi.nlp.pii.words.
WordInfo`."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii.names import BRAND_HEADS, CASE_ENDINGS, known_places, name_lists
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer
from vastausanalyysi.text import non_answer_words

FIRST, SUR, PLACE, ORG = "etunimi", "sukunimi", "paikannimi", "nimi"
PROPER = {FIRST, SUR, PLACE, ORG}


def title_case(word: str) -> str:
    """``word`` with each hyphen-separated part capitalised ("koski-mäkelä" -> "Koski-Mäkelä")."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


#: Clitics after a case ending ("Shirinillekin", "Hawrekaan"), stripped from unknown names.
_CLITICS = ("kin", "kaan", "kään", "han", "hän")


def without_clitic(form: str, shortest: int) -> str:
    """``form`` without a clitic after its case ending ("Shirinillekin" -> "Shirinille"), when
    at least ``shortest`` letters remain; else ``form`` as it is."""
    clitic = next((c for c in _CLITICS if form.endswith(c)), "")
    return form[: -len(clitic)] if clitic and len(form) - len(clitic) >= shortest else form


def listed_bases(form: str, analyses) -> set[str]:
    """The capitalised base forms under which ``form`` is looked up in the name lists."""
    # "Rinteen" -> Rinne, "sadun" -> Satu; a lower-case one is masked only in a strong context
    bases = {title_case(a.baseform) for a in analyses if a.baseform} | {title_case(form)}
    if not analyses:
        # with a clitic after the case ending: "Shirinillekin", "Hawrekaan"
        forms = {f for f in (form, without_clitic(form, 3)) if len(f) > 2}
        bases |= {title_case(f) for f in forms}
        stems = {f[: -len(e)] for f in forms for e in CASE_ENDINGS if f.endswith(e)}
        # names in -as/-is/-us: "Armaksen" -> Armas, "Tuomakselle" -> Tuomas
        stems |= {s[:-3] + "s" for s in stems if s.endswith("kse")}
        # a name in -ki, -pi, -ti inflected without consonant gradation, as names often are
        # ("Jokelle" -> Joki, which Voikko knows only as "Joelle")
        stems |= {s[:-1] + "i" for s in stems if re.search(r"[kpt]e$", s)}
        bases |= {title_case(s) for s in stems}
    return bases


_OUTER_ENDINGS = ("lle", "lta", "ltä", "lla", "llä")


def known_place_form(form: str) -> bool:
    """Whether ``form`` is a place the region resolver knows (:func:`known_places`: the
    Swedish names of municipalities too), as written or in a Finnish case: "Lovisa",
    "Lovisassa", "Ekenäsin", "Kyrkslättissä"."""
    low = form.lower()
    places = known_places()
    if low in places:
        return True
    # the case endings tried on unknown names (CASE_ENDINGS); an "i" may join them to a
    # consonant-final name ("Kyrkslätt|issä", "Ekenäs|inä")
    for ending in CASE_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            if stem in places or (stem.endswith("i") and stem[:-1] in places):
                return True
    return False


def brand_form(low: str) -> bool:
    """A brand head as written or with a case ending, for the heads Voikko does not know
    ("arenalla", "oy:n")."""
    return any(
        low.startswith(head) and low[len(head) :].lstrip(":") in ("", *CASE_ENDINGS)
        for head in BRAND_HEADS
    )


def outer_first(form: str, firsts: frozenset[str]) -> str:
    """The outer local ending of ``form`` when the rest is a listed first name ("Oksanalle",
    which Voikko reads as an ordinary word), else ''."""
    for ending in _OUTER_ENDINGS:
        if form.endswith(ending) and title_case(form[: -len(ending)]) in firsts:
            return ending
    return ""


# a word written without ä and ö ("jarvinen", "MAKELA"): the same word with them may be a name
NO_UMLAUTS = re.compile(r"[^äöÄÖ]*[aouAOU][^äöÄÖ]*")
_UMLAUTS = str.maketrans("aouAOU", "äöyÄÖY")


def with_umlauts(form: str, analyzer: VoikkoAnalyzer, lower: bool) -> tuple[str, list]:
    """``form`` with a, o, u as ä, ö, y and its readings when it is then a listed name or Voikko
    reads it as a first name or surname ("jarvinen" -> Järvinen); else ``form`` and no readings."""
    other = form.translate(_UMLAUTS)
    analyses = list(analyzer.analyze(other))
    if lower:
        analyses += analyzer.analyze(other.lower())
    lists = name_lists()
    listed = lists.get("first", frozenset()) | lists.get("surname", frozenset())
    if any(a.word_class in {FIRST, SUR} for a in analyses) or (
        listed_bases(other, analyses) & listed
    ):
        return other, analyses
    return form, []


# spoken case endings of a surname in -nen that drop their last sound: "Korhose kans"
# (Korhosen), "Lehtiselt" (Lehtiseltä), "Mäkisest" (Mäkisestä)
_CLIPPED = re.compile(r"(?:se|lt|st|ss|l)$")


def spoken_ending(form: str, analyzer: VoikkoAnalyzer) -> tuple[str, list]:
    """A capitalised word no dictionary knows, read as a form of a surname in -nen with its
    spoken ending completed ("Korhose" -> Korhosen, "Lehtiselt" -> Lehtiseltä); else ``form``
    and no readings. Only such readings count (not "Mail" -> Maila, "Hall" -> Halla), and none
    where the completed word is also a place's."""
    if not _CLIPPED.search(form):
        return form, []
    for end in ("n", "a", "ä"):
        readings = list(analyzer.analyze(form + end))
        # not a place's ("Turust": Turusta is also Turunen's partitive)
        if any(a.word_class == PLACE for a in readings):
            continue
        analyses = [a for a in readings if a.word_class == SUR and a.baseform.endswith("nen")]
        if analyses:
            return form + end, analyses
    return form, []


def spoken_past(form: str, analyzer: VoikkoAnalyzer) -> list:
    """The readings of a spoken past tense that drops its final "i" ("vastas", "kerto",
    "lupas": vastasi, kertoi, lupasi) as the verb's third person; else none. Not for a short
    word ("jo" is no "joi")."""
    if len(form) < 4:
        return []
    return [
        a
        for a in analyzer.analyze(form + "i")
        if a.word_class == "teonsana"
        and a.get("TENSE") == "past_imperfective"
        and a.get("PERSON") == "3"
    ]


def ordinary_with_umlauts(word: str, analyzer: VoikkoAnalyzer) -> bool:
    """Whether ``word`` with a, o, u as ä, ö, y (or as typed, lower-cased) is an ordinary word
    or a non-answer ("mika" -> mikä, "eos")."""
    lower = word.lower()
    if lower in non_answer_words():
        return True
    return any(a.word_class not in PROPER for a in analyzer.analyze(lower.translate(_UMLAUTS)))


__all__ = [
    "FIRST",
    "NO_UMLAUTS",
    "ORG",
    "PLACE",
    "PROPER",
    "SUR",
    "brand_form",
    "known_place_form",
    "listed_bases",
    "ordinary_with_umlauts",
    "outer_first",
    "spoken_ending",
    "spoken_past",
    "title_case",
    "with_umlauts",
    "without_clitic",
]
