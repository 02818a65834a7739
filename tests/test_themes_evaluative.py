"""The evaluative lexicon (``data/evaluative.yaml``): every entry on a sentence of its own.

The sentences in ``tests/data/evaluative_cases.csv`` are team-written, in a pass separate from
the lexicon and in another register (colloquial survey answers and spoken quotes, where the
lexicon was written from published prose). Each names the entry it tests; every word, phrase
and rule list of the lexicon must have a sentence, and the rules must give the sentence its
expected polarity.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from vastausanalyysi._resources import read_yaml
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.evaluative import derived_polarity, evaluative_lexicon
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = Path(__file__).parent / "data" / "evaluative_cases.csv"
#: Rule lists whose entries are tested through the rule, not one by one.
RULE_LISTS = (
    "negative_prefixes",
    "prefix_exceptions",
    "privative_good",
    "privative_bad",
    "stage_markers",
    "progress_markers",
    "focus_particles",
    "descriptive_verbs",
    "role_verbs",
    "rating_verbs",
    "wish_words",
    "reason_words",
    "neutral",
    "counterfactual",
    "no_opinion",
    "non_answers",
)


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_entry_has_a_sentence() -> None:
    raw = read_yaml("evaluative.yaml")
    named = {c["entry"] for c in _cases()}
    lists = {c["entry"].split(":")[0] for c in _cases()}
    missing = [w for w in raw["works"] + raw["problem"] if w not in named]
    missing += [p for p in raw["works_phrases"] + raw["problem_phrases"] if p not in named]
    missing += [name for name in RULE_LISTS if raw.get(name) and name not in lists]
    missing += [
        f"negative_prefixes:{p}"
        for p in raw["negative_prefixes"]
        if f"negative_prefixes:{p}" not in named
    ]
    assert not missing, missing


@pytest.fixture(scope="module")
def results() -> list[tuple[dict[str, str], str]]:
    cases = _cases()
    lexicon = load_codebook().polarity
    docs = as_docs([c["text"] for c in cases])
    return [(c, rule_polarity(d, lexicon).label) for c, d in zip(cases, docs, strict=True)]


def test_each_sentence_gets_its_polarity(results: list[tuple[dict[str, str], str]]) -> None:
    wrong = [(c["entry"], c["text"], got) for c, got in results if got != c["expected"]]
    assert not wrong, wrong


GAPS = Path(__file__).parent / "data" / "evaluative_gaps.csv"


def _gaps() -> list[dict[str, str]]:
    with GAPS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("case", _gaps(), ids=lambda c: c["entry"])
@pytest.mark.xfail(strict=True, reason="a known gap, see the why column of evaluative_gaps.csv")
def test_known_gaps_of_independent_sentences(case: dict[str, str]) -> None:
    """Sentences written without sight of the rules that the rules still get wrong (each with
    why): when a rule change gets one right, this fails, and the sentence moves to the cases."""
    (doc,) = as_docs([case["text"]])
    assert rule_polarity(doc, load_codebook().polarity).label == case["expected"]


def test_derivations_need_a_known_rest() -> None:
    lex = evaluative_lexicon()
    docs = as_docs(["Epäillään, että asia viivästyy.", "Palvelu on maksuton."])
    epailla = docs[0][0]
    maksuton = next(t for t in docs[1] if t.text == "maksuton")
    assert derived_polarity(epailla, lex.works, lex) is None
    assert derived_polarity(maksuton, lex.works, lex) is None
