"""A name typed in lower case ("mikko", "virtaselta", "salo"): the contexts that make it a
person's, which the name masker (:mod:`vastausanalyysi.nlp.pii.decide`) asks for a run of name
words in lower case. A lower-case word is far more often an ordinary word than a name, so only a
strong context counts: a title before it, thanks or a call right before it, a family or a child's
age after it, "kanssa" after a first name rarely a word, a verb of speaking after it, a listed
surname with a person's predicate, one of "ours" doing what people do, a first name rarely a word
before a strong verb (also past the unit one is from: "matti tilapalveluista lupasi"), or two
first names coordinated past the unit they are from before a person's verb ("onni ja satu
nuorisopalveluista kävivät koululla").
"""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii import clues, context, sentences
from vastausanalyysi.nlp.pii.context import GAP, TOWARDS_FROM, gap
from vastausanalyysi.nlp.pii.names import COORDINATING_CONJUNCTIONS, context_words
from vastausanalyysi.nlp.pii.words import WordInfo

_SPOKEN_KANSSA = frozenset(context_words("spoken_kanssa"))


def lower_case_person(
    text: str,
    words: list[re.Match[str]],
    infos: list[WordInfo],
    a: int,
    b: int,
    stop: int,
    cases: set[str],
    prev: WordInfo | None,
    nxt: WordInfo | None,
    nxt2: WordInfo | None,
    titled: bool,
    strong: bool,
) -> bool:
    """Whether the lower-case run ``words[a:b]`` is a person's name (``stop``: the first word
    after it and its colon suffix; ``cases``, ``prev``, ``nxt``, ``nxt2``: its cases and the
    words around it as the masker read them; ``titled``: a title before it; ``strong``: a name
    word read only as a name)."""
    last = infos[b - 1]
    genitive, nominative = "omanto" in cases, "nimento" in cases or not cases
    after = words[stop][0].lower() if nxt is not None else ""
    # a foreign surname Voikko knows, in lower case in Swedish text: "vann laga kraft"
    strong = strong and (last.listed or not clues.swedish(text))
    return (
        titled
        or strong
        # "soitin ensin salmelle ja sitten kankaalle"; "onni ja isä odottavat"
        or (
            "ulkotulento" in cases
            and (last.first or last.surname)
            and not last.place
            and clues.called(text, words, infos, a)
        )
        or (nominative and clues.with_family(text, words, infos, a, b))
        # "onni ja satu nuorisopalveluista kävivät": two first names past their unit
        or (nominative and last.first and _coordinated_from_unit(text, words, infos, a, stop))
        # a child's age right after: "onni 4v ja lumi 2v"
        or (nominative and clues.aged(text, words, infos, a, b))
        or (
            not last.plural  # "teknisten toimien kaa"
            and (
                # the spoken "kans", "kaa", not "kanssa": "lumen kanssa taisteltiin"
                (genitive and after in _SPOKEN_KANSSA)
                # "kanssa" after a first name that is rarely a word or in spoken text:
                # "jukan kanssa homma toimi", "mä oon puhunu sadun kanssa"
                or (
                    genitive
                    and after == "kanssa"
                    and last.first
                    and not (last.place or last.verb)  # "mä toivon kanssa et …"
                    and (last.rare_first or context.spoken(text))
                )
                # "puhuin nurmen kanssa", "kävin heikkilän kanssa läpi" (not a town's:
                # "puhuin lahden kanssa")
                or (
                    genitive
                    and after == "kanssa"
                    and (last.first or last.surname)
                    and not last.town
                    and context.talked_with(text, words, infos, a, stop)
                )
                # "tapasin koivun … ja hänkin oli …": met, and "hän" later
                or (
                    prev is not None
                    and prev.meet
                    and (last.first or last.surname)
                    and not last.town
                    and sentences.he_after(text, words[stop - 1].end())
                )
                # "kiitos sannalle", "kiitos mäelle": thanks right before a first name
                # or a surname (not a town's: "kiitos salolle" may thank the town; not a
                # place of those thanked: "kiitos rannalle tulleille")
                or (
                    prev is not None
                    and prev.thanks
                    and bool(cases & TOWARDS_FROM)
                    and (
                        (last.first and not (last.place or last.verb))
                        or (
                            last.surname
                            and not (last.town or last.verb)
                            and not (nxt is not None and nxt.participle)
                        )
                    )
                )
                # "kysy sulolta" (not "soita rannalta"), "kerro ilolle"
                or (prev is not None and prev.ask_from and "ulkoeronto" in cases)
                or (prev is not None and prev.ask and "ulkotulento" in cases)
                or (nominative and nxt is not None and nxt.speech_verb)
                # "tää ahon porukka": a surname's crew (not a place's: "lahden väki")
                or (genitive and nxt is not None and nxt.crew and last.surname and not last.place)
                # "niemi on kertonut", "lehtinen on hyvä tyyppi" (a listed surname)
                or (nominative and context.perfect_said(nxt, nxt2))
                or (
                    nominative
                    and last.surname
                    and context.person_predicate(text, words, infos, stop)
                )
                # "meidän onni tykkää eskarista": one of ours doing what people do
                or (
                    nominative
                    and last.first
                    and a > 0
                    and context.ours(words[a - 1][0])
                    and nxt is not None
                    and nxt.person_only
                )
                # "jukka hoitaa kiinteistöt" (a plant's name; not "onni auttaa"), also past
                # the unit one is from: "matti tilapalveluista lupasi"
                or (
                    nominative
                    and last.rare_first
                    and nxt is not None
                    and (
                        (nxt.strong_verb and nxt.singular)
                        or (nxt.unit and nxt2 is not None and nxt2.strong_verb and nxt2.singular)
                    )
                )
            )
        )
    )


def _coordinated_from_unit(
    text: str, words: list[re.Match[str]], infos: list[WordInfo], a: int, stop: int
) -> bool:
    """A first name coordinated with another lower-case first name, past the unit they are from
    and a verb of people in the plural ("onni ja satu nuorisopalveluista kävivät koululla"):
    either of the two."""

    def other_first(k: int) -> bool:
        return 0 <= k < len(words) and infos[k].first and infos[k].shape == "lower"

    def joined(k: int) -> bool:  # "ja" at k, with the words around it
        return (
            0 <= k < len(words)
            and words[k][0].lower() in COORDINATING_CONJUNCTIONS
            and all(gap(text, words, j) in GAP for j in (k, k + 1) if j < len(words))
        )

    def from_unit(k: int) -> bool:  # the unit at k and a plural verb of people after it
        return (
            k + 1 < len(words)
            and infos[k].unit
            and infos[k + 1].person_verb
            and not infos[k + 1].singular
            and all(gap(text, words, j) in GAP for j in (k, k + 1))
        )

    return (joined(a - 1) and other_first(a - 2) and from_unit(stop)) or (
        joined(stop) and other_first(stop + 1) and from_unit(stop + 2)
    )


__all__ = ["lower_case_person"]
