"""Who is heard or takes part: frames over a clause's list of parties (codebook §4 M7, M9).

The codebook's phrases match words side by side ("kuulla kunta", "kunta * * kuulla"), but
real prose names the heard in a list, before or after the verb and a few words away
("kuntia, asukkaita ja työntekijöitä olisi kuultu", "asukkaita, järjestöjä ja kuntia kuullen",
"ettei muoniolaisia ole kuultu päätöksessä"). Two frames, each within one sentence and
:data:`WINDOW` words of the verb:

- a form of "kuulla" or "kuuleminen" with a party heard in the partitive (or the genitive
  before "kuuleminen"): a municipality heard on the county's decision is ``paatoksenteko``,
  residents, their organisations, influence bodies or a town's inhabitants ("muoniolaisia")
  ``osallisuus``;
- residents or their organisations with a verb of taking part ("osallistua", "kommentoida",
  "osallistaa") or invited along ("pyydetään mukaan", "kutsutaan mukaan"): ``osallisuus``.

The set-aside words of :mod:`vastausanalyysi.themes.mechanism_topics` (hearing from the media,
residents according to whom) apply to these frames as to the phrases.
"""

from __future__ import annotations

from vastausanalyysi.themes.mechanism_context import Frame, near_words
from vastausanalyysi.themes.mechanism_topics import MUNICIPAL_SIDE
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: How many words away from the verb the heard or taking part may stand.
WINDOW = 8
#: Forms of hearing (lemmas): "kuulla" covers "kuultu", "kuullen", "kuulematta".
HEARING_WORDS = frozenset({"kuulla", "kuuleminen"})
#: Residents, service users, their organisations and influence bodies (compound heads).
PARTICIPANTS = rule_words("participants")
#: Verbs of taking part whose subject or object is a participant.
TAKING_PART = rule_words("taking_part")
#: Verbs that ask or take someone along with "mukaan" ("pyydetään mukaan").
_ALONG_VERBS = frozenset({"pyytää", "kutsua", "ottaa"})
_ALONG = "mukaan"
#: Endings of a town's inhabitants ("muoniolainen", "kuopiolainen"), with exceptions.
_INHABITANT_ENDINGS = ("lainen", "läinen")
_NOT_INHABITANTS = rule_words("not_inhabitants")
#: Adjectives of kind ("erilainen", "samanlainen"), not inhabitants.
_KIND_ENDINGS = ("nlainen", "nläinen")
_PARTITIVE = "osanto"
_GENITIVE = "omanto"


def hearing_frames(rows: list[TokenRow], where: list[int]) -> list[Frame]:
    """The hearing and taking-part frames of a text (see the module's docstring): ``rows``
    are its token rows, ``where`` the token indices of its words in order."""
    found: list[Frame] = []
    n = len(where)
    for k, i in enumerate(where):
        row = rows[i]
        if row.norm in HEARING_WORDS:
            for code, j in _heard(rows, where, k, n, row.norm == "kuuleminen"):
                found.append((code, sorted((i, where[j])), f"frame:{row.norm} + {code}"))
        elif row.norm in TAKING_PART or (row.low == _ALONG and _asked_along(rows, where, k)):
            party = _participant(rows, where, k, n)
            if party is not None:
                group = sorted((i, where[party]))
                found.append(("osallisuus", group, f"frame:{row.norm} + party"))
    return found


def _heard(
    rows: list[TokenRow], where: list[int], k: int, n: int, noun: bool
) -> list[tuple[str, int]]:
    """(code, position) of the first municipal party and the first participant heard near the
    hearing word at ``k``: in the partitive, or before the noun "kuuleminen" in the genitive."""
    case = _GENITIVE if noun else _PARTITIVE
    out: dict[str, int] = {}
    for j in near_words(rows, where, k, n, WINDOW):
        row = rows[where[j]]
        if case not in row.cases or (noun and j > k):
            continue
        if "paatoksenteko" not in out and not row.heads.isdisjoint(MUNICIPAL_SIDE):
            out["paatoksenteko"] = j
        elif "osallisuus" not in out and _is_participant(row):
            out["osallisuus"] = j
    return sorted(out.items())


def _is_participant(row: TokenRow) -> bool:
    """Residents, their organisations or influence bodies, or a town's inhabitants."""
    if not row.heads.isdisjoint(PARTICIPANTS):
        return True
    norm = row.norm
    return (
        norm.endswith(_INHABITANT_ENDINGS)
        and not norm.endswith(_KIND_ENDINGS)
        and norm not in _NOT_INHABITANTS
    )


def _participant(rows: list[TokenRow], where: list[int], k: int, n: int) -> int | None:
    """The position of a participant near the verb of taking part at ``k``."""
    for j in near_words(rows, where, k, n, WINDOW):
        if _is_participant(rows[where[j]]):
            return j
    return None


def _asked_along(rows: list[TokenRow], where: list[int], k: int) -> bool:
    """Whether "mukaan" at ``k`` follows a verb of asking or taking along ("pyydetään mukaan"),
    not "X:n mukaan" (according to)."""
    return k > 0 and rows[where[k - 1]].norm in _ALONG_VERBS


__all__ = [
    "HEARING_WORDS",
    "PARTICIPANTS",
    "TAKING_PART",
    "WINDOW",
    "hearing_frames",
]
