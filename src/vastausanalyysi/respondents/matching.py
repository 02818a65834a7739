"""Voikko-free word matching shared by the group and region tables.

Normalisation (:func:`normalise`), comparison keys (:func:`match_key`, :func:`fold_letters`),
Finnish base-form candidates by suffix stripping with consonant-gradation reversal
(:func:`lemma_candidates`, :func:`weaker_grades`) and the doubled-letter typo generator
(:func:`quantity_edits`). The candidates overgenerate on purpose: callers keep only those found
in a closed vocabulary (title words, place names). Single edits come from
:func:`vastausanalyysi.text.edits1`.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping

_VOWELS = frozenset("aeiouyäöå")
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")

_CASE_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            *("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä"),
            *("ksi", "n", "t", "a", "ä", "ta", "tä", "tta", "ttä", "seen", "siin"),
            *("an", "en", "in", "on", "un", "yn", "än", "ön"),
            *("han", "hen", "hin", "hon", "hun", "hyn", "hän", "hön"),
            *("issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille"),
            *("ina", "inä", "iksi", "ien", "iden", "itten", "jen", "ten", "ihin", "ja", "jä"),
            *("ita", "itä", "it", "ineen"),
        },
        key=lambda e: (-len(e), e),
    )
)

# weak grade -> strong grade, for the consonants before a stem's final vowel(s)
_STRENGTHEN: dict[str, tuple[str, ...]] = {
    "k": ("kk",),
    "p": ("pp",),
    "t": ("tt",),
    "d": ("t",),
    "v": ("p",),
    "ng": ("nk",),
    "mm": ("mp",),
    "nn": ("nt",),
    "ll": ("lt",),
    "rr": ("rt",),
    "hd": ("ht",),
    "lj": ("lk",),
    "rj": ("rk",),
    "l": ("lk",),
    "r": ("rk",),
    "h": ("hk",),
    "rk": ("rkk",),  # Pomarku(n) -> Pomarkku
    "lk": ("lkk",),
    "rp": ("rpp",),
    "lp": ("lpp",),
}
# strong grade -> weak grade (to derive genitive stems of domain words)
_WEAKEN: dict[str, tuple[str, ...]] = {
    "kk": ("k",),
    "pp": ("p",),
    "tt": ("t",),
    "nk": ("ng",),
    "mp": ("mm",),
    "nt": ("nn",),
    "lt": ("ll",),
    "rt": ("rr",),
    "ht": ("hd",),
    "t": ("d",),
    "p": ("v",),
    "k": ("",),
}

FOLDABLE_LETTERS = "äöåéüáčđŋšŧž"
"""Finnish, Swedish and Sami letters that :func:`fold_letters` replaces by plain Latin ones."""

_FOLD = str.maketrans(FOLDABLE_LETTERS, "aoaeuacdnstz")


def normalise(text: str) -> str:
    """NFKC, lower case, one kind of dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).lower()
    return " ".join(text.split())


def match_key(text: str) -> str:
    """A comparison key: normalised letters and digits only ("Pohjois-Savo" -> "pohjoissavo")."""
    return "".join(ch for ch in normalise(text) if ch.isalnum())


def fold_letters(text: str) -> str:
    """The key without Finnish and Swedish letters ("hämeenlinna" -> "hameenlinna")."""
    return text.translate(_FOLD)


def _last_syllable(stem: str) -> tuple[str, str, str] | None:
    """(head, consonant cluster, final vowels) of a stem ending in a vowel, else None."""
    i = len(stem)
    while i > 0 and stem[i - 1] in _VOWELS:
        i -= 1
    j = i
    while j > 0 and stem[j - 1] not in _VOWELS:
        j -= 1
    if i == len(stem):
        return None
    return stem[:j], stem[j:i], stem[i:]


def _grade_variants(stem: str, table: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The stem with its last consonant cluster changed by ``table`` (gradation either way)."""
    parts = _last_syllable(stem)
    if parts is None:
        return []
    head, cluster, vowels = parts
    out = [head + new + vowels for new in table.get(cluster, ())]
    if len(vowels) >= 2 and vowels[-1] != vowels[-2] and table is _STRENGTHEN:
        out.append(head + cluster + vowels[:-1] + "k" + vowels[-1])  # mäe -> mäke, Juua -> Juuka
    return out


def weaker_grades(stem: str) -> list[str]:
    """The stem with its last consonant cluster in the weak grade ("hallinto" -> "hallinno")."""
    return _grade_variants(stem, _WEAKEN)


def _restore_once(stem: str) -> list[str]:
    """Candidate base forms one step from a stripped stem (e-stems, -nen, -s, gradation)."""
    out: list[str] = []
    if stem.endswith("ee"):
        out.append(stem[:-1])  # Tamperee(n) -> Tampere
    if stem.endswith("e"):
        out.append(stem[:-1] + "i")  # Iisalme(ssa) -> Iisalmi
        if len(stem) >= 3 and stem[-2] in _VOWELS:
            out.append(stem[:-1] + "ki")  # Seinäjoe(lla) -> Seinäjoki
    if stem.endswith("kse"):
        out.append(stem[:-3] + "s")  # hallitukse(n) -> hallitus
    if stem.endswith("de"):
        out += [stem[:-2] + "s", stem[:-2] + "si", stem[:-2] + "ti"]  # Varkaus, Orivesi, Lahti
    if stem.endswith("ehe"):
        out.append(stem[:-2] + "s")  # esimiehe(nä) -> esimies
    if stem.endswith(("aa", "ää")) and len(stem) >= 5:
        # -as/-äs words: Haukiputaa(lla) -> Haukipudas, Pihtiputaa(n) -> Pihtipudas
        out.append(stem[:-1] + "s")
        out += [weak[:-1] + "s" for weak in weaker_grades(stem)]
    if stem.endswith("se") and len(stem) > 3:
        out.append(stem[:-2] + "nen")  # teknise(n) -> tekninen
    if stem.endswith("s") and len(stem) > 3 and stem[-2] in _VOWELS:
        out.append(stem[:-1] + "nen")  # Kauniais(issa) -> Kauniainen
    out += _grade_variants(stem, _STRENGTHEN)
    return out


@functools.lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """Possible base forms of an inflected Finnish word with their cost, cheapest first.

    Cost 0 is the word itself, 1 a stripped case ending, each restoration step one more. The
    candidates overgenerate on purpose: callers keep those found in a closed vocabulary.
    """
    costs: dict[str, int] = {word: 0}
    frontier: list[tuple[str, int]] = []
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            if costs.get(stem, 99) > 1:
                costs[stem] = 1
                frontier.append((stem, 1))
    for _ in range(2):  # two restoration steps: Lope(n) -> Lopi -> Loppi
        nxt: list[tuple[str, int]] = []
        for stem, cost in frontier:
            for cand in _restore_once(stem):
                if len(cand) >= 2 and costs.get(cand, 99) > cost + 1:
                    costs[cand] = cost + 1
                    nxt.append((cand, cost + 1))
        frontier = nxt
    return tuple(sorted(costs.items(), key=lambda item: (item[1], item[0])))


def quantity_edits(word: str) -> set[str]:
    """The word with one letter doubled or one doubled letter made single."""
    out = {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]}
    out.discard(word)
    return out


__all__ = [
    "FOLDABLE_LETTERS",
    "fold_letters",
    "lemma_candidates",
    "match_key",
    "normalise",
    "quantity_edits",
    "weaker_grades",
]
