"""The "what works" filter (issue 10: ``polarity=("works", "mixed")`` keeps no problem statement)
on answers written to slip through it, and the rules that came from them.

``tests/data/works_filter.csv`` (125 answers: 74 problem, 25 mixed, 26 works) was written blind
by a helper of the team who had read only the codebook and ``corpus/CODING.md``: complaints with
polite or positive-sounding openings, irony, praise of the past only, hedges, stage statements,
and good answers with negative words (see ``tests/data/README.md``). Measured once before its
errors were read, answers tagged as answers to a "what works" question: 28 of the 74 problem
answers were kept by the filter, 2 of the 51 works/mixed answers dropped. ``gap`` says why the
tagger still misses an answer (a strict xfail: when it gets it right, the test fails and the
answer moves to the passing ones). ``tests/data/works_filter_mix.csv`` (120 answers: 55 works,
31 problem, 20 neutral, 14 mixed), written blind by another helper as a realistic mix of the
answers respondents give, was measured once after the first set's rules: 7 of its 31 problems
kept, 3 of its 69 works/mixed answers dropped; it is development data now too.
``tests/data/works_filter_blind3.csv`` (130 answers: 60 works, 35 problem, 20 neutral, 15 mixed),
written blind by a third helper as a realistic mix with more hard complaints (irony, faint
praise, praise of the past, promises, "toimisi jos"), was measured once in session ten: 14 of its
35 problems kept, 1 of its 75 works/mixed answers dropped; development data since.
``tests/data/works_filter_blind4.csv`` (120 answers: 55 works, 30 problem, 20 neutral, 15 mixed),
written blind by a fourth helper as answers of officials of every sector, was measured once after
the third set's rules: 7 of its 30 problems kept, 4 of its 70 works/mixed answers dropped;
development data since.
``tests/data/works_filter_blind5.csv`` (100 answers to "Mitkä yhteistyön muodot … ovat toimineet
parhaiten?": 45 works, 25 problem, 15 neutral, 15 mixed), written blind by a fifth helper, was
measured once at the end of session ten and not tuned on: 3 of its 25 problems kept, 1 of its 60
works/mixed answers dropped.

``RULE_CASES`` are team-written for these tests (lead, 2026-12-07): praise or thanks for the
survey itself ("Hyvä että kysytte") judges the asking, not the cooperation; a task verb's topic
("kartoittaa", "kysyä") ends at a comma before a main clause of its own; "vie vielä vuosia"
with two words between is a stage statement; praise of the past followed by a problem now is
superseded (CODING.md P4: the same thing, the final assessment wins); a predicate put before a
negated "olla" ("Tyytyväinen en ole") is denied; a lexical verb in the conditional ("toimisi")
states no success.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from documents import README, flat

DATA = Path(__file__).parent / "data"
#: the two sets: answers written to slip through the filter, and a realistic mix of answers
SETS = {
    "works_filter": DATA / "works_filter.csv",
    "works_filter_mix": DATA / "works_filter_mix.csv",
    "works_filter_blind3": DATA / "works_filter_blind3.csv",
    "works_filter_blind4": DATA / "works_filter_blind4.csv",
    "works_filter_blind5": DATA / "works_filter_blind5.csv",
}
COUNTS = {
    "works_filter": {"problem": 74, "mixed": 25, "works": 26},
    "works_filter_mix": {"works": 55, "problem": 31, "neutral": 20, "mixed": 14},
    "works_filter_blind3": {"works": 60, "problem": 35, "neutral": 20, "mixed": 15},
    "works_filter_blind4": {"works": 55, "problem": 30, "neutral": 20, "mixed": 15},
    "works_filter_blind5": {"works": 45, "problem": 25, "neutral": 15, "mixed": 15},
}
WORKS_QUESTION = "Mikä yhteistyössä toimii hyvin?"
KEPT = ("works", "mixed")


def _rows(name: str) -> list[dict[str, str]]:
    with SETS[name].open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = {name: _rows(name) for name in SETS}


@pytest.fixture(scope="module")
def tagged() -> dict[str, list[str]]:
    """Each set's answers tagged as answers to a "what works" question: their polarities."""
    return {
        name: va.tag([r["text"] for r in rows], question=WORKS_QUESTION, evidence=False)[
            "polarity"
        ].tolist()
        for name, rows in ROWS.items()
    }


def _filter_right(row: dict[str, str], polarity: str) -> bool:
    """Whether the filter treats the answer as its label says: a problem dropped, a works or
    mixed answer kept. A neutral one is not judged: under a "what works" question a described
    practice counts as works, as the corpus is coded (CODING.md P2)."""
    if row["expected"] == "neutral":
        return True
    return (polarity in KEPT) == (row["expected"] in KEPT)


@pytest.mark.parametrize("name", SETS)
def test_the_sets_are_what_the_docstring_says(name: str) -> None:
    counts = pd.Series([r["expected"] for r in ROWS[name]]).value_counts().to_dict()
    assert counts == COUNTS[name]
    assert (
        sum(bool(r["gap"]) for r in ROWS[name])
        <= {
            "works_filter": 22,
            "works_filter_mix": 8,
            "works_filter_blind3": 9,
            "works_filter_blind4": 6,
            "works_filter_blind5": 4,
        }[name]
    )


@pytest.mark.parametrize("name", SETS)
def test_the_filter_keeps_no_problem_answer_outside_the_known_gaps(name, tagged) -> None:
    rows = ROWS[name]
    leaks = [
        r["text"]
        for r, polarity in zip(rows, tagged[name], strict=True)
        if not r["gap"] and r["expected"] == "problem" and polarity in KEPT
    ]
    assert len([r for r in rows if not r["gap"] and r["expected"] == "problem"]) >= 20
    assert not leaks


@pytest.mark.parametrize("name", SETS)
def test_the_filter_keeps_the_good_answers_outside_the_known_gaps(name, tagged) -> None:
    dropped = [
        r["text"]
        for r, polarity in zip(ROWS[name], tagged[name], strict=True)
        if not r["gap"] and r["expected"] in KEPT and polarity not in KEPT
    ]
    assert not dropped


def test_the_readme_gives_the_filter_s_figures(tagged) -> None:
    """The README's figures: the problems kept now, of how many, and the good answers dropped."""
    text = flat(README)
    for name, phrase in (
        ("works_filter", "keeps {kept} after the rules they led to ({dropped} of the 51 good"),
        ("works_filter_mix", "{kept} of its 31 problems kept and {dropped} of its 69"),
        ("works_filter_blind3", "now {kept} of its 35 problems kept and {dropped} of its 75"),
        ("works_filter_blind4", "and after them {kept} of its 30 and {dropped} of its 70"),
        ("works_filter_blind5", "**{kept} of its 25 problems kept**, {dropped} of its 60"),
    ):
        pairs = list(zip(ROWS[name], tagged[name], strict=True))
        kept = sum(r["expected"] == "problem" and p in KEPT for r, p in pairs)
        dropped = sum(r["expected"] in KEPT and p not in KEPT for r, p in pairs)
        assert phrase.format(kept=kept, dropped=dropped) in text, name
        if name == "works_filter":
            assert f"still keeps {kept} of 74 complaints written blind" in text


GAPS = [(name, i) for name, rows in ROWS.items() for i, r in enumerate(rows) if r["gap"]]


@pytest.mark.parametrize("case", GAPS, ids=lambda c: f"{c[0]}:{ROWS[c[0]][c[1]]['text'][:40]}")
@pytest.mark.xfail(strict=True, reason="a known gap, see the gap column")
def test_known_gaps_of_the_filter(case: tuple[str, int], tagged) -> None:
    name, index = case
    assert _filter_right(ROWS[name][index], tagged[name][index])


RULE_CASES = [
    # praise or thanks for the survey itself is no praise of the cooperation
    ("Hyvä että kysytte, sillä yhteistyö ei toimi.", "problem"),
    ("Hyvä että kysytte.", "neutral"),
    ("Kiitos kun kysyitte, mikään ei toimi.", "problem"),
    ("Hyvä kysymys. Tiedonkulku ei toimi.", "problem"),
    ("On todella hyvä, että asiaa kartoitetaan, koska tiedonkulku ei toimi.", "problem"),
    ("Kiitos hyvästä kyselystä, kaikki toimii.", "works"),
    # praise of something else with "että"/"kun", or of the cooperation, still counts
    ("Hyvä, että yhteistyötä tehdään.", "works"),
    ("Yhteistyö on hyvää, kun asioista kysytään.", "works"),
    # a task verb's topic ends at a comma before a main clause of its own
    ("Hyvä että kysytte, yhteistyö toimii hyvin.", "works"),
    ("Kartoitimme tilanteen, yhteistyö toimii hyvin.", "works"),
    ("Selvitämme, miten yhteistyö toimii.", "neutral"),
    ("Selvitetään, toimiiko yhteistyö.", "neutral"),
    ("Kartoitamme tarpeita, resursseja ja vastuita.", "neutral"),
    # a stage statement with two words between "viedä" and the time
    ("Vie varmasti vielä vuosia ennen kuin roolit selkiävät.", "problem"),
    ("Vie varmasti vielä aikaa ennen kuin asiat asettuvat.", "problem"),
    # praise of the past, a problem now: the final assessment wins
    ("Ennen toimi, mutta nyt ei.", "problem"),
    ("Alussa yhteistyö sujui hyvin, mutta nyt on ollut haasteita tiedonkulussa.", "problem"),
    ("Pelastuslaitoksen kanssa asiat hoituivat ennen hyvin, nyt yhteyshenkilö ei ehdi.", "problem"),
    # praise of the past only, against a present said without praise (session ten)
    ("Aiemmin asiat hoituivat yhdellä soitolla, nykyään pitää jonottaa.", "problem"),
    ("Ennen palaverit olivat antoisia. Nyt niitä pidetään etänä.", "problem"),
    ("Ennen toimi hyvin, nyt vielä paremmin.", "works"),
    # a success on a condition not met ("toimisi, jos …"), and one that is met
    ("Palaverit toimisivat, jos alue lähettäisi esityslistat ajoissa.", "problem"),
    ("Palaverit toimisivat hyvin, jos kaikki osallistuisivat.", "problem"),
    ("Palaverit toimivat hyvin, kun esityslista tulee ajoissa.", "works"),
    # good will granted before a failing practice (codebook §3's own example)
    ("Yhteistyöhenki on hyvä, mutta arjessa asiat eivät etene.", "problem"),
    ("Yhteistyöhenki on hyvä ja arjessa asiat etenevät.", "works"),
    ("Tiedonkulku on hyvää, mutta käytännössä palaverit venyvät.", "mixed"),
    # it went otherwise; a promise is no fact
    ("Meille luvattiin oma yhteyshenkilö. Toisin kävi.", "problem"),
    ("Alue lupasi, että tiedonkulku paranee.", "neutral"),
    # progress, and the same work still left
    ("Tiedonkulku on parantunut, mutta tehtävää riittää edelleen.", "problem"),
    # praise taken back by "jos ei lasketa …" (not a condition at the start of a description)
    ("Hyvin menee, jos ei lasketa sitä, että kokouksia perutaan jatkuvasti.", "problem"),
    ("Jos ei lasketa kesälomia, palaverit pidetään kuukausittain.", "neutral"),
    (
        "Tiedonkulku toimii hyvin. Jos ei lasketa kesälomia, palaverit pidetään kuukausittain.",
        "works",
    ),
    # progress since a first year, then the present: no past set against the present
    ("Yhteistyö on parantunut ensimmäisestä vuodesta. Nykyään tapaamme kuukausittain.", "works"),
    # late, thinning out, money run out; effort that is no matter of course
    ("Valvontakäynnit harvenivat ja raportit ovat myöhässä.", "problem"),
    ("Määrärahat on loppu.", "problem"),
    ("Sovitusta on pidetty kiinni. Se ei ole itsestäänselvää.", "neutral"),
    # and the other way round, as before: the past problem is over
    ("Alussa oli kankeaa, nyt luottamus on rakentunut.", "works"),
    ("Alussa yhteistyö sujui hyvin ja nyt tiedonkulku toimii.", "works"),
    # a predicate put before a negated "olla" that ends its clause is denied too
    ("Tyytyväinen en ole.", "problem"),
    ("Hyvää se ei ole ollut.", "problem"),
    ("Vaikeaa ei ole.", "works"),
    # but not what a clause before "eikä" says
    ("Yhteistyö on hyvää eikä ole.", "works"),
    # a lexical verb in the conditional says what would be, not what is; with a comparative it
    # compares with today, and with a condition in the conditional it says the condition is
    # unmet (CODING.md P3, revised in session ten)
    ("Kaikki toimisi, jos rahaa olisi.", "problem"),
    ("Se toimisi varmasti.", "neutral"),
    ("En koe, että mikään toimisi tällä hetkellä.", "problem"),
    ("Yhteistyö toimisi paremmin, jos tavattaisiin useammin.", "problem"),
    ("Tämä voisi olla hyvä malli muillekin.", "works"),
    ("Olisi hyvä tavata useammin.", "neutral"),
    # faint praise: a negative manner adverb, or a success only on a condition
    ("Toimii jotenkuten.", "problem"),
    ("Tiedonkulku toimii tahmeasti.", "problem"),
    ("Toimii vasta kun kunta itse patistaa.", "problem"),
    ("Tiedonkulku toimii hyvin, vain jos kysyy itse.", "problem"),
    ("Yhteistyö toimii hyvin, kun on yhteiset tavoitteet.", "works"),
    # work still left, the noun first
    ("Tekemistä riittää vielä paljon.", "problem"),
    ("Työtä riittää kaikille.", "works"),
]


def test_rule_cases_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULE_CASES)
