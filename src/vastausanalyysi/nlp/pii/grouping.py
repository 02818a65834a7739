"""The runs of name words of one text (see :mod:`vastausanalyysi.nlp.pii.masker`): which words
start a name and which join it."""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii.clues import foreign_titled, particle_start
from vastausanalyysi.nlp.pii.context import GAP, gap
from vastausanalyysi.nlp.pii.words import WordInfo

_SKIP_BACK = " \t\r\u00a0\"'“”«»‘’([{*•–—-"
_SENTENCE_END = ".!?:;\n"


_CORE_CASES = frozenset({"nimento", "omanto", "osanto"})


def title_gap(text: str, words: list[re.Match[str]], infos: list[WordInfo], k: int) -> bool:
    """True when word ``k - 1`` stands right before word ``k`` (an abbreviated title also with
    its dot: "Pj. Virtanen", "Mr. Rahman")."""
    between = gap(text, words, k)
    return between in GAP or (infos[k - 1].abbr_title and between in {". ", ".\u00a0"})


def colon_suffix(text: str, words: list[re.Match[str]], b: int) -> bool:
    """True when word ``b`` is a case suffix after a colon ("A-K:lta", "J-P:n", "HR:stä")."""
    return (
        b < len(words)
        and gap(text, words, b) == ":"
        and len(words[b][0]) <= 4
        and words[b][0].islower()
    )


def name_runs(
    text: str, words: list[re.Match[str]], infos: list[WordInfo]
) -> list[tuple[int, int]]:
    """Index ranges of runs of name words (with unknown capitalised words, an initial before
    them and, after a first name, capitalised ordinary words: "Siobhan O'Brien", "Arja Joki",
    "T. Salo"; not in all-capital text: "EI TOIMI LAINKAAN")."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(words)

    def _after_title(k: int) -> bool:  # "psykologi Usvan": a capitalised word after a title
        prev = infos[k - 1]
        return (prev.title or bool(prev.title_cases)) and title_gap(text, words, infos, k)

    def _first_before_surname(k: int) -> bool:
        """A first name that is also a system's or a firm's ("Wilma", "Elisa") right before a
        capitalised surname is a person's (not before a place in a local case: "Wilma Lahdessa
        toimii")."""
        info, nxt = infos[k], infos[k + 1] if k + 1 < n else None
        return (
            info.first
            and info.org
            and info.shape == "title"
            and nxt is not None
            and gap(text, words, k + 1) in GAP
            and nxt.surname
            and nxt.shape == "title"
            and (not nxt.place or bool(nxt.cases & _CORE_CASES))
        )

    while i < n:
        info = infos[i]
        if info.kin:
            groups.append((i, i + 1))
            i += 1
            continue
        # "von Essenin mielestä": a particle starts a surname; "Eleven Wilma fick stöd": a
        # listed first name after a Swedish title, even one read as a system
        particle = info.particle and particle_start(text, words, infos, i)
        if not (
            info.starts
            or (info.after_title and i and _after_title(i))
            # "T. Vesala": a place's name in the nominative after an initial is a surname
            or (info.place and "nimento" in info.cases and after_initial(text, words, infos, i))
            or _first_before_surname(i)  # "Wilma Korhonen"
            or particle
            or (info.listed and info.first and foreign_titled(text, words, infos, i))
        ):
            i += 1
            continue
        j = i + 2 if particle else i + 1
        while j < n and gap(text, words, j) in GAP:
            nxt = infos[j]
            # "Carl-Gustaf von Essen", "Nguyen Van Minh": a particle or a middle name and a
            # capitalised word join a name
            if (
                (nxt.particle or nxt.middle)
                and j + 1 < n
                and gap(text, words, j + 1) in GAP
                and infos[j + 1].shape == "title"
                and any(x.name for x in infos[i:j])
            ):
                j += 2
                continue
            if (
                (nxt.shape == "lower") != (info.shape == "lower")
                or nxt.org
                or nxt.head
                or nxt.kin
                or nxt.thanks  # "Terkkuja" (unknown) is no name
                # an abbreviation with a case ending is a unit's: "Anne HR:stä soitti"
                or (nxt.shape == "caps" and colon_suffix(text, words, j + 1))
                # a town's genitive before an area's head belongs to it: "Valitsimme Eeva Salon
                # kaupungin edustajaksi" (Eeva is the person)
                or (
                    nxt.town
                    and "omanto" in nxt.cases
                    and j + 1 < n
                    and infos[j + 1].area
                    and gap(text, words, j + 1) in GAP
                )
            ):
                break
            joins = nxt.name or (nxt.unknown and nxt.shape != "lower" and not nxt.title_cases)
            # a surname and an initial after it, as in lists ("Kopio: Peltola T., …")
            joins = joins or (
                nxt.initial
                and info.shape == "title"
                and text[words[j].end() : words[j].end() + 1] == "."
            )
            # in lower case, a word no dictionary knows right after a first name is its
            # surname, perhaps mistyped ("opettaja kristina hietanemi ei vastaa")
            joins = joins or (
                nxt.unknown
                and nxt.shape == "lower"
                and infos[j - 1].first
                and "nimento" in infos[j - 1].cases
                and len(words[j][0]) > 3
            )
            joins = joins or (
                any(x.first for x in infos[i:j])
                and nxt.shape == "title"
                and nxt.common
                and not nxt.verb
                and not sentence_initial(text, words[j].start())
            )
            # a place right after a first name that is nothing else is its surname: many
            # Finnish surnames are place names ("Jouni Pukkilalta", "Outi Vähä-Piikkiö"); so
            # after a first name that is also a word, in any case, when the name stands inside
            # a sentence, its capital marking a name ("yhdessä Rauha Lapin kanssa",
            # "osallistui Tähti Heinola"); at a sentence's start only a nominative that is no
            # town: "Toivo Mikkola on …" (not "Anna Tampereelle", "Usko Lahti")
            joins = joins or (
                nxt.place
                and nxt.shape == "title"
                and infos[j - 1].first
                and "nimento" in infos[j - 1].cases
                and (
                    infos[j - 1].strong
                    or ("nimento" in nxt.cases and not nxt.town)
                    or (
                        not infos[j - 1].place  # "Aura" is a river and a municipality too
                        and infos[j - 1].shape == "title"
                        and not sentence_initial(text, words[j - 1].start())
                    )
                )
            )
            # "Anna-Kaisa Mäki-Petäjä": after a first name, a word of capitalised parts that Voikko
            # reads only as a common compound is the surname (not a place: "Etelä-Savosta")
            joins = joins or (
                infos[j - 1].first
                and "nimento" in infos[j - 1].cases
                and nxt.shape == "title"
                and "-" in words[j][0]
                and not (nxt.common or nxt.place or nxt.verb or nxt.unknown)
            )
            if not joins:
                break
            j += 1
        start = i
        if after_initial(text, words, infos, i):
            start = i - 1
            # "Jussi K. Niemelä", "George W. Bush": one run
            if groups and (
                groups[-1][1] == i or (groups[-1][1] == start and gap(text, words, start) in GAP)
            ):
                start = groups.pop()[0]
        groups.append((start, j))
        i = j
    return groups


def after_initial(text: str, words: list[re.Match[str]], infos: list[WordInfo], i: int) -> bool:
    """True when capitalised word ``i`` follows an initial and its dot ("T. Salo")."""
    return (
        i > 0 and infos[i - 1].initial and gap(text, words, i) == ". " and infos[i].shape == "title"
    )


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or "\n" in text[i + 1 : start]


__all__ = ["after_initial", "colon_suffix", "name_runs", "sentence_initial", "title_gap"]
