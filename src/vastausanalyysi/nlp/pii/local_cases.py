"""Person contexts of a surname in a local case, which the name masker
(:mod:`vastausanalyysi.nlp.pii.decide`) asks for a name that is also an ordinary word or a
place ("Niemi", "Kivi", "Virta"); for a town's name only where a town cannot be meant:

* ``became``: an elative before "tuli" or "on tullut" and a title or a person's noun in the
  nominative ("Kivestä tuli syksyllä vs. kunnanjohtaja", "Niemestä on tullut kunnan
  luottohenkilö"; not "Koskesta tuli sähköä", nor a town's: "Lahdesta tulee erikoislääkäri");
* ``said_of``: an elative before "sanottiin"/"kerrotaan" with "hän" later ("Koskesta sanottiin,
  että hän …", a town's name too);
* ``nothing_heard``: an ablative (or a surname's elative) before "ei" and "kuulua" ("Mäeltä ei
  ole kuulunut mitään", "Haapalasta ei kuulu";
  not "Rannalta kuului ääniä");
* ``qualities``: an inessive before "olla", or an elative after "pitää" (liking), with "hän"
  later in the sentence ("Virrassa on se hyvä puoli, että hän vastaa aina", "En pidä
  Heikkilästä, hän …");
* ``role_after``: a title in the essive right after ("Pidin Niemestä opettajana").
"""

from __future__ import annotations

import re

from vastausanalyysi.nlp.pii import sentences
from vastausanalyysi.nlp.pii.context import GAP, Words, gap
from vastausanalyysi.nlp.pii.words import WordInfo

#: "tuli" or "tulee" right after the name, or "on/oli tullut"
_BECAME = re.compile(r"\s+(?:tul(?:i|ee)(?:kin|han)?|(?:on|oli)\s+tullut)\b", re.I)
#: a passive verb of saying or telling right after ("sanottiin", "kerrotaan", "puhuttiin")
_SAID = re.compile(r"\s+(?:sano|kerro|puhu)(?:ttiin|taan)\b", re.I)
#: "ei", perhaps a form of "olla" and an adverb, and "kuulua" ("ei ole vielä kuulunut")
_NOTHING_HEARD = re.compile(r"\s+(?:ei|eikä)\s+(?:\w+\s+){0,2}kuulu", re.I)
#: a break that ends the words a title may stand in: a comma, a colon …, or a sentence's end
_STOP = re.compile(r"[,;:!?()\[\]\n–—]|\.\s+[A-ZÅÄÖ]")
#: the forms of "pitää" (to like) before an elative: "pidä", "pidin", "pidämme", "pitänyt" …
_LIKE = re.compile(r"(?:pid[äe]\w*|pit(?:i|ää|än|ävät|äneet|änyt)\w*)", re.I)
#: relative words of a place ("…, jossa hän asuu")
_PLACE_RELATIVES = frozenset({"jossa", "josta", "jonne", "missä", "mistä", "minne"})
#: nouns of a person that are no title ("luottohenkilö", "yhteyshenkilö")
_PERSON = ("henkilö", "ihminen")


def _surname(info: WordInfo) -> bool:
    """A capitalised surname that is no town's name."""
    return info.surname and not info.town and info.shape != "lower"


def became(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """An elative before "tuli"/"on tullut" and, up to four words on, a title or a person's
    noun in the nominative (not a town's: "Lahdesta tulee viikoittain erikoislääkäri")."""
    last = infos[b - 1]
    if not (_surname(last) and "sisaeronto" in last.cases):
        return False
    verb = _BECAME.match(text, words[b - 1].end())
    if verb is None:
        return False
    k = b
    while k < len(words) and words[k].start() < verb.end():
        k += 1
    for j in range(k, min(len(words), k + 4)):
        if _STOP.search(text, words[j - 1].end(), words[j].start() + 1):
            return False
        info = infos[j]
        if info.title or (info.noun and words[j][0].lower().endswith(_PERSON)):
            return True
    return False


def said_of(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """An elative before a passive verb of saying or telling and "hän" later in the sentence
    ("Koskesta sanottiin, että hän …"; a town's name too: "hän" tells a person)."""
    last = infos[b - 1]
    return (
        last.surname
        and last.shape != "lower"
        and "sisaeronto" in last.cases
        and _SAID.match(text, words[b - 1].end()) is not None
        and sentences.he_later(text, words[b - 1].end())
    )


def nothing_heard(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """An ablative, or the elative of a surname that is no place, before "ei" and a form of
    "kuulua" (nothing heard from someone: "Haapalasta ei ole kuulunut mitään")."""
    last = infos[b - 1]
    return (
        _surname(last)
        and ("ulkoeronto" in last.cases or ("sisaeronto" in last.cases and not last.place))
        and _NOTHING_HEARD.match(text, words[b - 1].end()) is not None
    )


def qualities(text: str, words: Words, infos: list[WordInfo], a: int, b: int) -> bool:
    """An inessive before a form of "olla", or an elative right after a form of "pitää"
    (liking), and "hän" later in the sentence."""
    last = infos[b - 1]
    if not _surname(last) or not sentences.he_later(text, words[b - 1].end()):
        return False
    if b < len(words) and words[b][0].lower() in _PLACE_RELATIVES:
        return False  # "Pidän Mäestä, jossa hän …": a place
    if "sisaeronto" in last.cases:
        return a > 0 and gap(text, words, a) in GAP and _LIKE.fullmatch(words[a - 1][0]) is not None
    return (
        "sisaolento" in last.cases
        and b < len(words)
        and gap(text, words, b) in GAP
        and infos[b].olla
    )


def role_after(text: str, words: Words, infos: list[WordInfo], b: int) -> bool:
    """A title in the essive right after the name ("Pidin Niemestä opettajana")."""
    return (
        _surname(infos[b - 1]) and b < len(words) and gap(text, words, b) in GAP and infos[b].role
    )


__all__ = ["became", "nothing_heard", "qualities", "role_after", "said_of"]
