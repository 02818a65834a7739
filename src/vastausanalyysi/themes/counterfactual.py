"""Counterfactual judgments: "olisi pitänyt kuulla kuntia" says that it was not done right.

Split from :mod:`vastausanalyysi.themes.cues` (the cue rules of the rule polarity).
"""

from __future__ import annotations

from vastausanalyysi.themes.clauses import PROBLEM
from vastausanalyysi.themes.evaluative import EvaluativeLexicon
from vastausanalyysi.themes.tokens import TokenRow, rule_words

#: Forms of "olla" and particles that may stand between "olisi" and its participle.
_PERFECT = rule_words("perfect_olla_forms")
_BETWEEN = rule_words("counterfactual_particles")


def counterfactual(
    rows: list[TokenRow], start: int, end: int, ev: EvaluativeLexicon
) -> list[tuple[int, str, str]]:
    """ "olisi pitänyt kuulla kuntia", "olisiko ollut viisasta …": a judgment of what was done.

    The conditional perfect of a need or of an evaluative word says that the thing was not done
    right: a problem (codebook §3 conv. 3: a wish that judges). The participle may stand after
    the clause's end ("Olisiko kuitenkin ollut …").
    """
    for i in range(start, end):
        row = rows[i]
        if not (row.olla and row.low.startswith("olis")):  # "olisi", "olis", "olisivat"
            continue
        j = i + 1
        while j < len(rows) and (rows[j].low in _BETWEEN or rows[j].space):
            j += 1
        if j >= len(rows):
            break
        nxt = rows[j]
        if nxt.low in _PERFECT and j + 1 < len(rows):
            nxt = rows[j + 1]
        elif "past_active" not in nxt.participle:
            continue  # "olisi hyvä tavata useammin": a wish, not a judgment
        if nxt.low in ev.counterfactual or nxt.nlemma in ev.counterfactual:
            return [(i, PROBLEM, "counterfactual")]
    return []


__all__ = ["counterfactual"]
