"""Change and outcome tests of the cue rules: what happens to the thing a word names.

Split from :mod:`vastausanalyysi.themes.cue_context`: a problem prevented or handled
("ongelmien ennaltaehkäisy"), costs lowered ("vähentää kustannuksia"), no change ("säilynyt
ennallaan", a duty that stays), the past compared ("oli paremmin ennen"), a contest lost
("hävisi äänestyksessä") and a problem that is gone ("jonot ovat hävinneet").
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from vastausanalyysi.themes.clauses import PROBLEM, SENTENCE_END, Clause, cue_dict, part_start
from vastausanalyysi.themes.codes import COORDINATORS
from vastausanalyysi.themes.cue_context import NOMINAL
from vastausanalyysi.themes.evaluative import evaluative_lexicon
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Nouns of preventing or handling: a problem word in the genitive before them is what is
#: prevented or handled, a topic, not a finding ("ongelmien ennaltaehkäisy",
#: "syrjäytymisen ehkäiseminen", "riskien tunnistaminen").
PREVENTION = rule_words("prevention_nouns")
_PREVENT_VERBS = rule_words("prevention_verbs")

#: Costs and prices: lowering them is not a cut of services ("vähentää kustannuksia",
#: "vuokrien alentaminen"); a decrease verb with them gives no problem cue.
COSTS = rule_words("cost_nouns")

#: "säilyä|pysyä ennallaan": no change, not a success.
UNCHANGED = rule_words("unchanged_words")

#: Heads of duties, roles and needs ("suunnitteluvelvollisuus", "yhteistyötarve"): their
#: staying ("säilyä|pysyä") is no success.
DUTIES = rule_words("duty_heads")

#: Adverbs of disappearing: "hävitä kokonaan|pois" is a loss, not losing a contest.
DISAPPEAR = rule_words("disappear_words")

#: Contests: "hävitä" in a clause with one is losing it ("hävisi äänestyksessä").
CONTESTS = rule_words("contest_nouns")

#: Words of an earlier time that, without "kuin", put a comparative in the past.
BEFORE = rule_words("before_words")


def prevented(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """A problem word as what is prevented: the object of a finite "ehkäistä" ("ehkäisee
    ongelmia") or a genitive before a noun of preventing or handling ("ongelmien
    ennaltaehkäisy"), other genitives and "ja" allowed between."""
    if any(
        rows[j].nlemma in _PREVENT_VERBS and rows[j].verb and not rows[j].participle - {None}
        for j in range(max(start, i - 4), i)
    ):
        return True  # not "ehkäisevä työ", a participle: preventive work is a topic word
    if not rows[i].genitive:
        return False
    for j in range(i + 1, min(end, i + 5)):
        row = rows[j]
        if row.nlemma in PREVENTION or row.keys & PREVENTION:
            return True
        if not (row.genitive or row.low in COORDINATORS):
            return False
    return False


def unchanged(rows: list[TokenRow], i: int, end: int) -> bool:
    """ "on säilynyt ennallaan", "pysyy samana": no change; "suunnitteluvelvollisuus säilyy
    kunnalla", "vastuu pysyy alueella": a duty or a role that stays where it was is who does
    what, a description (codebook §5), not a success; nor is a need that persists
    ("yhteistyötarpeet ovat säilyneet")."""
    if rows[i].nlemma not in {"säilyä", "pysyä"}:
        return False
    if any(rows[j].low in UNCHANGED for j in range(i + 1, min(end, i + 3))):
        return True
    start = part_start(rows, i)
    return any(rows[j].heads & DUTIES and rows[j].classes & NOMINAL for j in range(start, i))


def cheaper(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """A decrease of costs or prices ("vähentää kustannuksia", "vuokrien alentaminen")."""
    if rows[i].nlemma not in {"vähentää", "alentaa", "alentaminen", "pienentää", "vähentäminen"}:
        return False
    near = range(max(start, i - 2), min(end, i + 8))
    return any(j != i and rows[j].keys & COSTS for j in near)


def better_before(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "Kaikki oli paremmin ennen": a comparative of the past, without "kuin" (a loss)."""
    if "comparative" not in rows[i].comparison:
        return False
    words = {rows[j].low for j in range(start, end)}
    if "kuin" in words or not words & BEFORE:
        return False
    return any(rows[j].olla and rows[j].low.startswith("oli") for j in range(start, end))


def lost_contest(rows: list[TokenRow], i: int, start: int, end: int) -> bool:
    """ "hävitä" of losing ("esitys hävisi äänestyksessä", "kaikki puolueet hävisivät"): the
    outcome of a vote or a contest, not a service that disappears. "hävitä" disappears from
    somewhere ("neuvola hävisi kylältä", "Suomesta voi hävitä terveysasemia") or away
    ("häviävät kokonaan"): a source in its clause or an adverb of disappearing (looked for at
    most 12 tokens either side: a long clause without punctuation stays linear)."""
    if rows[i].nlemma != "hävitä":
        return False
    clause = range(max(start, i - 12), min(end, i + 13))
    if any(rows[j].keys & CONTESTS and rows[j].classes & NOMINAL for j in clause):
        return True  # "kunnastamme hävisivät aluevaaleissa": a source, but a contest
    return not any(
        rows[j].low in DISAPPEAR
        or (rows[j].cases & {"sisaeronto", "ulkoeronto"} and rows[j].classes & NOMINAL)
        for j in clause
    )


#: Verbs of disappearing: with a problem word as their subject, the problem is gone.
VANISH = frozenset({"hävitä", "kadota"})


def problem_gone(
    rows: list[TokenRow], i: int, start: int, is_problem: Callable[[TokenRow], bool]
) -> bool:
    """ "hävitä|kadota" at ``i`` after a problem word in the nominative in its clause (at most
    six tokens back), its subject: the problem is gone, a decrease ("jonot ovat hävinneet",
    "epäluulo on kadonnut"); not a service that disappears ("neuvola hävisi kylältä")."""
    return rows[i].nlemma in VANISH and any(
        "nimento" in rows[j].cases and is_problem(rows[j]) for j in range(max(start, i - 6), i)
    )


#: Forms of agreeing or promising (past) and of requiring, and sources of norms before
#: "mukaan": what :func:`fall_short` sets a plain fact against ("vaikka niitä sovittiin
#: pidettäväksi kuusi", "vaikka lain mukaan enintään 670", "luvattiin …, mutta …").
_AGREED = rule_words("agreed_forms")
_NORMS = rule_words("norm_sources")


def _norm_at(rows: list[TokenRow], start: int, end: int) -> int | None:
    """Where a clause names what was agreed, promised or required ("sovittiin", "luvattiin",
    "lain|suosituksen mukaan"), or None."""
    for j in range(start, end):
        if rows[j].low in _AGREED:
            return j
        if rows[j].nlemma in _NORMS and j + 1 < end and rows[j + 1].low == "mukaan":
            return j
    return None


def fall_short(rows: list[TokenRow], clauses: list[Clause], starts: list[int]) -> None:
    """A plain fact set against what was agreed, promised or required falls short of it: a
    problem cue at the norm's word. The norm after "vaikka" ("Kokouksia on pidetty kaksi, vaikka
    niitä sovittiin pidettäväksi kuusi"; not a duty described: "kunta vastaa …, vaikka lain
    mukaan …"), or before "mutta" ("Meille luvattiin kuraattori jokaiseen kouluun, mutta hän
    käy kerran kahdessa viikossa"). Clauses with cues of their own are left to them."""
    describes = evaluative_lexicon().descriptive_verbs
    for before, clause in pairwise(clauses):
        if clause.works or clause.problem or before.works or before.problem:
            continue
        if clause.start < 2 or rows[clause.start - 2].text in SENTENCE_END:
            continue  # a new sentence: no fact set against the norm
        if clause.marker == "vaikka":
            at = _norm_at(rows, clause.start, clause.end)
            if at is None or any(
                rows[j].nlemma in describes for j in range(before.start, before.end)
            ):
                continue
            target = clause
        elif clause.marker == "mutta":
            at = _norm_at(rows, before.start, before.end)
            if at is None:
                continue
            target = before
        else:
            continue
        target.problem += 1.0
        target.cues.append(cue_dict(rows[at], starts[at], PROBLEM, "short of norm"))


__all__ = [
    "BEFORE",
    "CONTESTS",
    "COSTS",
    "DISAPPEAR",
    "DUTIES",
    "PREVENTION",
    "UNCHANGED",
    "VANISH",
    "better_before",
    "cheaper",
    "fall_short",
    "lost_contest",
    "prevented",
    "problem_gone",
    "unchanged",
]
