"""Polarity of an answer: works / problem / mixed / neutral, by Finnish rules on lemmas.

The rules look at clauses: a sentence is split at punctuation and at contrast words ("mutta",
"vaikka", "kuitenkin", "toisaalta", "kun taas", "sen sijaan", "joskin" …). Within a clause,
success and problem words and phrases (the codebook's polarity lexicon, matched on lemmas, the
analyser's base forms and compound heads) are counted; a negation ("ei", "eivät", "ilman" …)
flips the words after it up to the end of its clause ("ei toimi" is a problem, "ei ole ongelmia"
works), and a decrease verb turns a problem word into an improvement ("vastakkainasettelu on
vähentynyt"). A goal, task or requirement ("tavoitteena on …", "ryhmän tehtävä on selvittää",
"jotta", "edellyttää") makes the rest of its sentence (up to a contrast word) neutral, and the
object of a task verb ("selvittää yhteistyön esteitä") is a topic, not a finding. A need to
improve ("pitäisi kehittää", "kaipaa vahvistamista", "on vahvistettava") is a problem, and so is
a negative manner ("on onnistunut heikoiten") or a small share ("vain viidennes pitää … hyvänä").
An answer whose clauses say both is ``mixed``. A non-answer ("Ei kommentteja.", "eos", "Kiitos
kyselystä!": :func:`vastausanalyysi.text.is_non_answer`) is ``neutral``, with no cues.

The clause split and the negation, goal and need scopes live in
:mod:`vastausanalyysi.themes.clauses`, the rules that find a clause's cues in
:mod:`vastausanalyysi.themes.cues`; this module weighs the clauses' cues, tells the kind of
question answered, and gives the features of the learned polarity model.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc

from vastausanalyysi.text import is_non_answer, non_answer_words
from vastausanalyysi.themes.aims import STILL_WORDS
from vastausanalyysi.themes.clauses import (
    MIXED,
    NEUTRAL,
    PROBLEM,
    SENTENCE_END,
    WORKS,
    Clause,
    cue_dict,
    existential_negated,
    negated_tokens,
    scopes,
    sentence_numbers,
    split_clauses,
)
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.counterfactual import counterfactual
from vastausanalyysi.themes.cue_change import fall_short
from vastausanalyysi.themes.cue_context import attributive
from vastausanalyysi.themes.cue_words import group_comparison, judging_negation, wished_negation
from vastausanalyysi.themes.cues import (
    clause_cues,
    cue_candidates,
    phrase_hits,
    verbal_negations,
)
from vastausanalyysi.themes.evaluative import evaluative_lexicon
from vastausanalyysi.themes.reported import CLAIM, COURT, QUESTION, REBUTTAL, clause_roles
from vastausanalyysi.themes.table import DocTable
from vastausanalyysi.themes.tokens import TokenRow, doc_table, rule_words

#: Pronouns that tie a concessive clause to the main clause's subject.
_ANAPHOR = rule_words("anaphors")
#: An earlier and the present stage: a past problem is over if the present works ("alussa oli
#: kankeaa, nyt luottamus on rakentunut").
_PAST = rule_words("past_words")
_NOW = rule_words("now_words")
#: Verbs of progress: followed by the same thing still unfinished after "mutta" ("on
#: parantunut, mutta paljon on vielä tehtävää") the final assessment wins; conceded progress
#: with a problem is "mixed" (:mod:`~vastausanalyysi.themes.prediction`).
PROGRESS_VERBS = rule_words("progress_verbs")
#: The suffix of a progress cue's rule where the same thing still unfinished outweighs it.
SUPERSEDED = "+superseded"
#: Contrast words after which a clause may take up the same thing as the one before.
_SAME_THING_MARKERS = frozenset(["mutta", "silti"])
#: "no longer": after a contrast word the thing praised before works no more ("ei enää").
_NO_LONGER = frozenset(["enää", "enään"])


@dataclass
class PolarityResult:
    """The rule polarity of one text with its clauses and cues."""

    label: str
    clauses: list[Clause]
    works: float = 0.0
    problem: float = 0.0
    #: the text is a non-answer (:func:`non_answer_doc`): nothing to code
    non_answer: bool = False

    def __init__(
        self,
        label: str,
        clauses: list[Clause],
        works: float = 0.0,
        problem: float = 0.0,
        non_answer: bool = False,
    ) -> None:
        # written out: the compiled module then builds a result natively (a dataclass's
        # generated __init__ is interpreted Python)
        self.label = label
        self.clauses = clauses
        self.works = works
        self.problem = problem
        self.non_answer = non_answer

    @property
    def cues(self) -> list[dict[str, Any]]:
        return [c for clause in self.clauses for c in clause.cues]


class _Sentences:
    """Which clauses share a sentence, in time linear in the answer's length (a long answer
    without punctuation has thousands of clauses)."""

    def __init__(self, rows: list[TokenRow], clauses: list[Clause]) -> None:
        self.ends = sentence_numbers(rows)
        self.groups: dict[int, list[Clause]] = {}
        for clause in clauses:
            self.groups.setdefault(self.ends[clause.start], []).append(clause)

    def others(self, clause: Clause) -> list[Clause]:
        """The other clauses of ``clause``'s sentence (no sentence end between them, the last
        token of the later one aside)."""
        return [
            c
            for c in self.groups.get(self.ends[clause.start], [])
            if c is not clause
            and self.ends[max(c.end, clause.end) - 1] == self.ends[min(c.start, clause.start)]
        ]


#: A Doc of more tokens is no non-answer, and its text is not built to ask (the longest entry of
#: ``non_answers`` has eight words).
_NON_ANSWER_TOKENS = 100


def non_answer_doc(doc: Doc) -> bool:
    """:func:`vastausanalyysi.text.is_non_answer` of the Doc's text. Its text is not built for
    a long Doc, nor for one with a word of letters and digits that no non-answer has (nearly
    every answer: its first word decides)."""
    if len(doc) > _NON_ANSWER_TOKENS:
        return False
    return _only_non_answer_words(doc_table(doc).rows) and is_non_answer(doc.text)


def _only_non_answer_words(rows: list[TokenRow]) -> bool:
    """Whether every word of ``rows`` is one that some non-answer has."""
    words = non_answer_words()
    for row in rows:
        low = row.low
        if (
            row.word
            and len(low) > 1  # a letter may be one of a spelt word: "N/A" is "na"
            and low.isalnum()
            and low not in words
            and unicodedata.normalize("NFKC", low).casefold() not in words
        ):
            return False
    return True


#: The longest sentence looked at as a non-answer of its own (in tokens).
_NON_ANSWER_SENTENCE_TOKENS = 12


def non_answer_sentence(table: DocTable, numbers: list[int], i: int) -> bool:
    """Whether the sentence of token ``i`` is a non-answer by itself ("Kiitos kyselystä!"
    before a wish, "Ei muuta." after a finding): it gives no polarity (CODING P6).
    ``numbers``: :func:`~vastausanalyysi.themes.clauses.sentence_numbers` of the rows."""
    first = bisect_left(numbers, numbers[i])
    last = min(bisect_left(numbers, numbers[i] + 1), len(table.rows)) - 1
    if last - first >= _NON_ANSWER_SENTENCE_TOKENS:
        return False
    return _only_non_answer_words(table.rows[first : last + 1]) and is_non_answer(
        table.surface(first, last)
    )


def rule_polarity(
    doc: Doc, lexicon: PolarityLexicon, *, has_codes: bool = False, question: str | None = None
) -> PolarityResult:
    """Polarity of a Doc by the rules (see the module docstring).

    ``question`` is the kind of question answered ("works" or "problem", see
    :func:`question_kind`): a bare list of codes without polar words answering a "what works"
    question counts as ``works`` (codebook section 3); otherwise it is ``neutral``.
    """
    table = doc_table(doc)
    rows: list[TokenRow] = table.rows
    starts: list[int] = table.starts
    found_scopes = scopes(table, lexicon)
    clauses = [Clause(s, e, c, marker=m) for s, e, c, m in found_scopes.clauses]
    if non_answer_doc(doc):
        # "Ei kommentteja.", "Kiitos kyselystä!"
        return PolarityResult(NEUTRAL, clauses, non_answer=True)
    ev = evaluative_lexicon()
    hits = phrase_hits(rows, lexicon)
    cues = cue_candidates(rows, found_scopes.need, hits, lexicon)
    named = hyphen_named(rows, table.spaces)
    if named:  # "Hyvä ikä -messut", "Toimiva arki -hankkeessa": a name gives no cue
        cues = [i for i in cues if i not in named]
    negations = verbal_negations(rows, found_scopes.negation)
    roles = clause_roles(rows, [(c.start, c.end) for c in clauses])
    numbers: list[int] | None = None  # sentence numbers, made for the first clause that asks
    for index, clause in enumerate(clauses):
        start, end = clause.start, clause.end
        span = rows[start:end]
        verbal = negations[bisect_left(negations, start) : bisect_left(negations, end)]
        lemmas = {r.nlemma for r in span} | {r.low for r in span}
        found_any: list[tuple[int, str, str]] = []
        candidates = cues[bisect_left(cues, start) : bisect_left(cues, end)]
        if candidates:
            found_any = clause_cues(
                rows, clause, candidates, lemmas, verbal, found_scopes, lexicon, ev, hits
            )
        if found_any and group_comparison(span, lemmas, ev):
            found_any = []  # "kuntajohtajat arvioivat tilanteen muita paremmaksi" (conv. 5)
        role = roles.get(index)
        if (found_any or verbal) and len(clauses) > 1:
            numbers = numbers or sentence_numbers(rows)
            if non_answer_sentence(table, numbers, start):
                found_any, verbal = [], []  # "Kiitos kyselystä! Lisää tapaamisia."
        if role in (COURT, REBUTTAL, QUESTION):
            # "hallinto-oikeus ei tutki valituksia", "kysyi, onko …" (conv. 5); "…, ei pidä
            # paikkaansa" (conv. 7)
            found_any, verbal = [], []
        # "tulisi sopia yhdessä eikä ilmoittaa jälkikäteen": the wish goes on (conv. 3)
        wished = next(
            (n for n in verbal if n in found_scopes.need and wished_negation(rows, n, end)), None
        )
        if wished is not None:
            verbal = [n for n in verbal if n < wished]
            found_any = [f for f in found_any if f[0] < wished]
        # a negation inside a goal ("jotta palvelut eivät eriydy", "varmistaa, ettei kukaan
        # putoa väliin") states the aim, not a finding (codebook §3 conv. 3)
        verbal = [
            n for n in verbal if judging_negation(rows, n, end, ev) and n not in found_scopes.aim
        ]
        if (
            verbal
            and found_any
            and all(k == WORKS and attributive(rows, i) for i, k, _ in found_any)
        ):
            found_any = []  # "toimiva Wilman käyttö ei ole käytössä": the negation judges
        if not found_any:
            found_any = counterfactual(rows, start, end, ev)
        for i, kind, why in found_any:
            if role == CLAIM:  # "väite, että yhteistyö ei toimi, ei pidä paikkaansa"
                kind, why = (PROBLEM if kind == WORKS else WORKS), why + "+rejected"
            if kind == WORKS:
                clause.works += 1.0
            else:
                clause.problem += 1.0
            clause.cues.append(cue_dict(rows[i], starts[i], kind, why))
        if verbal and not clause.cues and lemmas.isdisjoint(ev.no_opinion):
            # "päätöksenteko ei", "Ei millään", "yhteistyötä ei ole juurikaan ollut"
            # "väite, ettei kuntia kuultu, ei pidä paikkaansa": they were heard
            kind, why = (WORKS, "negation+rejected") if role == CLAIM else (PROBLEM, "negation")
            if kind == WORKS:
                clause.works += 1.0
            else:
                clause.problem += 1.0
            clause.cues.append(cue_dict(rows[verbal[0]], starts[verbal[0]], kind, why))
        clause.past = bool(lemmas & _PAST)
        clause.now = bool(lemmas & _NOW)
    return _resolve_clauses(rows, clauses, starts, has_codes=has_codes, question=question)


def hyphen_named(rows: list[TokenRow], spaces: list[int]) -> set[int]:
    """The tokens of names joined to their head by a spaced hyphen: up to four words back to a
    capitalised one before a token such as "-messut" or "-hankkeessa" ("Hyvä ikä -messut",
    "Toimiva arki -hankkeessa" name an event and a project, not a judgment)."""
    out: set[int] = set()
    for k in range(1, len(rows)):
        text = rows[k].text
        if not (text.startswith("-") and text[1:2].isalpha() and spaces[k - 1]):
            continue
        run: list[int] = []
        j = k - 1
        while j >= 0 and rows[j].word and len(run) < 4:
            run.append(j)
            if rows[j].text[:1].isupper():
                out.update(run)
                break
            j -= 1
    return out


def _resolve_clauses(
    rows: list[TokenRow],
    clauses: list[Clause],
    starts: list[int],
    *,
    has_codes: bool,
    question: str | None,
) -> PolarityResult:
    """The answer's label from its clauses' cues, once the same thing's earlier assessment has
    yielded to its final one (CODING.md P4): a past problem that is over, praise of the past
    only, progress or good will before the same thing unfinished, praise taken back, an obstacle
    overcome and a merit granted count no more; both kinds of clause make it mixed."""
    _then_and_now(rows, clauses, starts)
    _after_contrast(rows, clauses)
    _taken_back(rows, clauses, starts)
    _concessions(rows, clauses, starts)
    _partly(rows, clauses, starts)
    labels = {c.label for c in clauses} - {NEUTRAL}
    works = sum(c.works for c in clauses)
    problem = sum(c.problem for c in clauses)
    if {WORKS, PROBLEM} <= labels or MIXED in labels:
        label = MIXED
    elif WORKS in labels:
        label = WORKS
    elif PROBLEM in labels:
        label = PROBLEM
    elif has_codes and question == WORKS:
        label = WORKS
    else:
        label = NEUTRAL
    return PolarityResult(label, clauses, works, problem)


def _then_and_now(rows: list[TokenRow], clauses: list[Clause], starts: list[int]) -> None:
    """A past clause before a clause of the present: "alussa oli kankeaa, nyt luottamus on
    rakentunut" (the past problem is over), "ennen toimi hyvin, nyt ei" (the past praise is
    over), and "Ennen palvelut toimivat saumattomasti, nyt tuntuu että …" (praise of the past
    only, the present set against it: a problem now; not progress since then, "on parantunut
    ensimmäisestä vuodesta. Nykyään …")."""
    n = len(clauses)
    later_works, later_problem, later_now = [False] * (n + 1), [False] * (n + 1), [False] * (n + 1)
    for k in range(n - 1, -1, -1):  # whether a clause after k praises / finds fault / says now
        c = clauses[k]
        later_works[k] = later_works[k + 1] or bool(c.works and not c.problem)
        later_problem[k] = later_problem[k + 1] or bool(c.problem and not c.works)
        later_now[k] = later_now[k + 1] or bool(c.now)
    for k, clause in enumerate(clauses):
        if not clause.past or not later_now[k + 1]:
            continue
        if clause.problem and not clause.works and later_works[k + 1]:
            _set_aside(clause, PROBLEM, "+past")
        elif clause.works and not clause.problem and later_problem[k + 1]:
            _supersede(clause)
        elif (
            clause.works
            and not clause.problem
            and not later_works[k + 1]
            and any(rows[j].low in _BEFORE for j in range(clause.start, clause.end))
            and not any(cue["lemma"] in PROGRESS_VERBS for cue in clause.cues)
        ):
            now = _present_against(rows, clauses[k + 1 :])
            if now is not None:
                _supersede(clause)
                now[0].problem += 1.0
                now[0].cues.append(cue_dict(rows[now[1]], starts[now[1]], PROBLEM, "past+now"))


def _after_contrast(rows: list[TokenRow], clauses: list[Clause]) -> None:
    """Praise, then "mutta"/"silti" and a problem of the same thing: the final assessment wins.
    The same thing is said by no noun of its own after the contrast ("toimi hyvin ennen, mutta
    nyt ei enää"; QA 7), by progress and then the thing still unfinished ("Yhteistyö on
    parantunut, mutta paljon on vielä tehtävää"), or by good will and then a practice that
    fails ("Henki on hyvä, mutta käytännössä mikään ei etene": codebook §3's "Yritystä
    yhteistyölle on, mutta käytäntö ei toimi")."""
    for before, after in pairwise(clauses):
        if not (
            after.marker in _SAME_THING_MARKERS
            and after.problem
            and not after.works
            and before.works
            and not before.problem
        ):
            continue
        span = range(after.start, after.end)
        no_longer = any(rows[j].low in _NO_LONGER for j in span) and not any(
            "nimisana" in rows[j].classes for j in span
        )
        progress = any(cue["lemma"] in PROGRESS_VERBS for cue in before.cues) and _unfinished(
            rows, after
        )
        good_will = any(
            rows[j].nlemma in _GOOD_WILL for j in range(before.start, before.end)
        ) and any(rows[j].nlemma in _PRACTICE or rows[j].low in _PRACTICE for j in span)
        if no_longer or progress or good_will:
            _supersede(before)


def _taken_back(rows: list[TokenRow], clauses: list[Clause], starts: list[int]) -> None:
    """Praise taken back by "jos ei lasketa …" later in its sentence ("Ihan ok, jos ei lasketa
    sitä että puheluihin ei vastata"; "Tiedonkulku toimii. Jos ei lasketa kesälomia, …" keeps
    its first sentence): a problem."""
    for k, clause in enumerate(clauses):
        at = _discounted(rows, clause)
        if at is None:
            continue
        earlier = []
        for c in reversed(clauses[:k]):
            if any(rows[j].text in SENTENCE_END for j in range(c.end - 1, clause.start)):
                break
            if c.works and not c.problem:
                earlier.append(c)
        if not earlier:
            continue
        for c in earlier:
            _supersede(c)
        clause.problem += 1.0
        clause.cues.append(cue_dict(rows[at], starts[at], PROBLEM, "discounted"))


def _concessions(rows: list[TokenRow], clauses: list[Clause], starts: list[int]) -> None:
    """A "vaikka" clause at a sentence's start (or taking the thing up): an obstacle overcome
    ("palvelut on turvattu, vaikka säästöt uhkasivat niitä": the main clause's praise wins) or a
    merit granted ("Vaikka tavoitteet ovat hyviä, laki tuo haasteita": the problem wins); "X
    toimii, vaikka Y takkuaa" is two things, mixed. A plain fact set against what was agreed or
    required falls short of it (:func:`~vastausanalyysi.themes.cue_change.fall_short`)."""
    fall_short(rows, clauses, starts)
    sentences: _Sentences | None = None  # made for the first "vaikka" clause that asks
    for clause in clauses:
        if clause.marker == "vaikka" and clause.problem and not clause.works:
            words = {rows[j].low for j in range(clause.start, clause.end)}
            first = clause.start <= 1 or rows[clause.start - 2].text in SENTENCE_END
            if not (first or words & _ANAPHOR):
                continue
            sentences = sentences or _Sentences(rows, clauses)
            if any(c.works and not c.problem for c in sentences.others(clause)):
                _set_aside(clause, PROBLEM, "+concessive")
    for clause in clauses:
        if clause.marker == "vaikka" and clause.works and not clause.problem:
            if not (clause.start <= 1 or rows[clause.start - 2].text in SENTENCE_END):
                continue
            sentences = sentences or _Sentences(rows, clauses)
            if any(c.problem and not c.works for c in sentences.others(clause)):
                _set_aside(clause, WORKS, "+concessive")


def _partly(rows: list[TokenRow], clauses: list[Clause], starts: list[int]) -> None:
    """Praise granted only in part: "osittain", "osin" in a clause of praise adds what is missing
    (mixed: "Tavoitteet ovat toteutuneet osittain"), and after "vain" or "ainoastaan" the praise
    is set aside ("Näkemykset on otettu huomioon vain osittain": a problem; CODING.md P5)."""
    for clause in clauses:
        if not clause.works or clause.problem:
            continue
        for j in range(clause.start, clause.end):
            if rows[j].low not in _PARTLY:
                continue
            if j > clause.start and rows[j - 1].low in _ONLY:
                _supersede(clause)
            clause.problem += 1.0
            clause.cues.append(cue_dict(rows[j], starts[j], PROBLEM, "partly"))
            break


#: "Partly", and the words that make it "only partly".
_PARTLY = rule_words("partly_words")
_ONLY = rule_words("only_partly_words")


def _supersede(clause: Clause) -> None:
    """Set a clause's praise aside: the final assessment of the same thing wins (P4)."""
    _set_aside(clause, WORKS, SUPERSEDED)


def _set_aside(clause: Clause, side: str, mark: str) -> None:
    """Set a clause's praise (``side`` WORKS) or problem (PROBLEM) aside, and say why in its
    cues' rules (``mark``: "+past", "+concessive", SUPERSEDED)."""
    if side == WORKS:
        clause.works = 0.0
    else:
        clause.problem = 0.0
    for cue in clause.cues:
        cue["rule"] += mark


def _unfinished(rows: list[TokenRow], clause: Clause) -> bool:
    """Whether a clause's problem is only that the thing is still unfinished: a phrase that
    starts at a "still" word ("paljon on vielä tehtävää", "on vielä matkaa") or at a noun of work
    left with a "still" word in the clause ("tehtävää riittää vielä"), or a negation with
    a "still" word and "se"/"ne" taking the thing up ("se ei edelleenkään vastaa tarpeita").
    A problem of another thing ("tiedonkulku takkuaa edelleen") is not."""
    words = {rows[j].low for j in range(clause.start, clause.end)}
    return all(
        cue["surface"].lower() in STILL_WORDS
        or ("negation" in cue["rule"] and words & STILL_WORDS and words & _ANAPHOR)
        # work still left, noun first: "tehtävää riittää vielä"
        or (cue["rule"] == "phrase" and cue["lemma"] in _WORK_LEFT and words & STILL_WORDS)
        for cue in clause.cues
        if cue["polarity"] == PROBLEM
    )


#: Verbs after "jos ei" that take back a praise ("jos ei lasketa …", "jos ei oteta huomioon").
_DISCOUNTED = rule_words("discounting_verbs")


def _discounted(rows: list[TokenRow], clause: Clause) -> int | None:
    """The index of the verb of a "jos ei lasketa|oteta|huomioida" in ``clause`` (a praise before
    it taken back: "Kaikki toimii loistavasti, jos ei lasketa sitä, että …"), or None."""
    for j in range(clause.start, clause.end - 2):
        if rows[j].low == "jos" and rows[j + 1].low == "ei" and rows[j + 2].nlemma in _DISCOUNTED:
            return j + 2
    return None


#: Nouns of good will ("henki on hyvä") and words of practice ("käytännössä", "arjessa").
_GOOD_WILL = rule_words("good_will_nouns")
_PRACTICE = rule_words("practice_words")


#: Nouns of work still to do ("tehtävää riittää vielä", "työtä on vielä").
_WORK_LEFT = rule_words("work_left_nouns")


#: Words of the present set against the past ("ennen …, nyt …"); not "vihdoin", "lopulta",
#: which say that something came about; and the words of that past.
_PRESENT = rule_words("present_against_past")
_BEFORE = rule_words("past_against_present")


def _present_against(rows: list[TokenRow], later: list[Clause]) -> tuple[Clause, int] | None:
    """The first later clause with a word of the present (:data:`_PRESENT`) and no cue of its
    own, and that word's index; None if there is none."""
    for clause in later:
        if clause.works or clause.problem:
            return None
        for j in range(clause.start, clause.end):
            if rows[j].low in _PRESENT:
                return clause, j
    return None


#: Words of a question that name its kind (data/rule_words.txt): whole word forms ("toimii",
#: "hyvin": not the "hyv" of "hyvinvointialue") and word starts ("onnist", "kehit").
_WORKS_Q_FORMS = rule_words("question_works_forms")
_WORKS_Q_STARTS = tuple(sorted(rule_words("question_works_starts")))
_PROBLEM_Q_STARTS = tuple(sorted(rule_words("question_problem_starts")))
#: A works word after one of these is a problem question ("Mikä ei toimi?", "… toimii huonosti")
_Q_NEGATORS = rule_words("question_negators")
_Q_WORD = re.compile(r"[^\W\d_]+")


def question_kind(question: Any) -> str | None:
    """ "works", "problem" or None for a question id or text ("toimii", "Mikä ei toimi?" …).

    Read word by word: a problem word ("kehittää", "ongelmia", "puutteita") or a works word
    after a negation ("ei toimi") makes a problem question, else a works word ("toimii",
    "onnistunut", "hyvin") a works question; a word that only begins like one
    ("hyvinvointialueen", "toimintamallit") names no kind.
    """
    if not isinstance(question, str) or not question.strip():
        return None
    q = question.lower()
    if q in (WORKS, PROBLEM):
        return q
    words = _Q_WORD.findall(q)
    works = False
    for i, word in enumerate(words):
        if word.startswith(_PROBLEM_Q_STARTS):
            return PROBLEM
        if word in _WORKS_Q_FORMS or word.startswith(_WORKS_Q_STARTS):
            if any(w in _Q_NEGATORS for w in words[max(0, i - 2) : i + 2]):
                return PROBLEM
            works = True
    return WORKS if works else None


def _clause_roles(clauses: list[Clause]) -> list[str]:
    """ "C2" after a contrast word, "C1" just before one, "M" otherwise."""
    roles = ["C2" if c.contrast else "M" for c in clauses]
    for k in range(len(clauses) - 1):
        if roles[k] == "M" and clauses[k + 1].contrast and clauses[k + 1].marker:
            roles[k] = "C1"
    return roles


def polarity_tokens(
    doc: Doc, lexicon: PolarityLexicon, result: PolarityResult | None = None
) -> list[str]:
    """Features for a learned polarity model: lemmas marked by negation, contrast and cues.

    Besides the rules' label, each lemma is marked for a contrast clause (``C2_``), a goal or
    task scope (``G_``: "tavoitteena on vähentää ongelmia"), a need scope (``N_``: "pitäisi
    parantaa") and negation (``NEG_``). Per clause, the rules' cues (``CUE_``) and their rule
    kind by the clause's role ("C1" before a contrast word, "C2" after one, "M" otherwise;
    ``CUER_C1_works_works``), and the clause's own label (``CL_C2=problem``); per sentence,
    whether works and problem cues fall in different clauses (``MIXCL``) or the same one
    (``MIXSAME``), how many clauses carry each (``NW=``, ``NP=``, capped at 2), the first and
    last polar clause (``FIRST=``, ``LAST=``: the final assessment wins, CODING.md P4), no cue
    at all (``NOCUE``) and a goal scope (``HASGOAL``). ``result``: ``rule_polarity(doc,
    lexicon)`` if the caller has it already (it is computed once per Doc by ``tag()``).
    """
    table = doc_table(doc)
    rows: list[TokenRow] = table.rows
    found = scopes(table, lexicon)
    negated, goal, need = found.negated, found.goal, found.need
    result = result if result is not None else rule_polarity(doc, lexicon)
    clauses = result.clauses
    roles = _clause_roles(clauses)
    feats: list[str] = [f"RULE={result.label}"]
    for clause, role in zip(clauses, roles, strict=True):
        prefix = "C2_" if clause.contrast else ""
        for i in range(clause.start, clause.end):
            row = rows[i]
            if row.punct or row.space:
                continue
            lemma = row.norm
            if not (prefix or i in goal or i in need or i in negated):
                feats.append(lemma)  # most words: the lemma as such
                continue
            scope = "G_" if i in goal else "N_" if i in need else ""
            feats.append(f"{prefix}{scope}{'NEG_' if i in negated else ''}{lemma}")
        for cue in clause.cues:
            feats.append(f"CUE_{prefix}{cue['polarity']}")
            feats.append(f"CUER_{role}_{cue['polarity']}_{cue['rule'].split('+')[-1]}")
        if clause.label != NEUTRAL:
            feats.append(f"CL_{role}={clause.label}")
    n_works = sum(c.works > 0 for c in clauses)
    n_problem = sum(c.problem > 0 for c in clauses)
    if n_works and n_problem:
        feats.append("MIXCL")
    if any(c.works and c.problem for c in clauses):
        feats.append("MIXSAME")
    if not result.cues:
        feats.append("NOCUE")
    feats.extend((f"NW={min(n_works, 2)}", f"NP={min(n_problem, 2)}"))
    polar = [c.label for c in clauses if c.label != NEUTRAL]
    if polar:
        feats.extend((f"FIRST={polar[0]}", f"LAST={polar[-1]}"))
    if goal:
        feats.append("HASGOAL")
    return feats


def question_free_polarity(gold: str, question: Any, result: PolarityResult) -> str:
    """The label an answer has without its question (codebook §3, CODING.md P2).

    A bare list (no polarity cue) answering a "what works" question is ``works`` only because
    of the question; as a plain text it is ``neutral``. ``result`` is the rules' polarity of
    the text without a question (its cues stand for the evaluative words).
    """
    if gold == WORKS and question_kind(question) == WORKS and not result.cues:
        return NEUTRAL
    return gold


def polarity_of(docs: Iterable[Doc], lexicon: PolarityLexicon) -> list[str]:
    """Rule polarity labels of many Docs."""
    return [rule_polarity(doc, lexicon).label for doc in docs]


__all__ = [
    "MIXED",
    "NEUTRAL",
    "PROBLEM",
    "PROGRESS_VERBS",
    "SUPERSEDED",
    "WORKS",
    "Clause",
    "PolarityResult",
    "existential_negated",
    "hyphen_named",
    "negated_tokens",
    "non_answer_doc",
    "non_answer_sentence",
    "polarity_of",
    "polarity_tokens",
    "question_free_polarity",
    "question_kind",
    "rule_polarity",
    "split_clauses",
]
