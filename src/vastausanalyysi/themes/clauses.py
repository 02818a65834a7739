"""Where polarity cues stand in a sentence: clauses, negation scopes, goal and need scopes.

A sentence is split into clauses at punctuation and at contrast words ("mutta", "vaikka",
"kuitenkin", "toisaalta", "kun taas", "sen sijaan", "joskin" …). A negation ("ei", "eivät",
"ilman" …) governs the words after it up to the end of its clause; a goal, task or requirement
("tavoitteena on …", "ryhmän tehtävä on selvittää", "jotta", "edellyttää") opens a goal scope to
the end of its sentence (or a contrast word), and a need ("pitäisi", "tarvitaan", "kaipaa") a
need scope. :mod:`vastausanalyysi.themes.polarity` weighs the cues within these structures.

:func:`scopes` computes all of them in one pass over a Doc's token table, once per Doc and
polarity lexicon; the rules, the rule polarity and the polarity model's features share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from vastausanalyysi.nlp.voikko import FINITE_MOODS
from vastausanalyysi.schema import POLARITIES
from vastausanalyysi.themes.aims import (
    EXPECT_VERBS,
    GOAL_CONJUNCTIONS,
    GOAL_NOUNS,
    GOAL_WORDS,
    IMPORTANCE_WORDS,
    NEED_FORMS,
    NEED_LEMMAS,
    NEED_NOUNS,
    REQUIRE_VERBS,
    believed_now,
    expected_object,
    goal_noun_opens,
    importance_opens,
    importance_rated,
    improvement_next,
    necessive,
    purpose_infinitive,
    still_follows,
    that_follows,
)
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.evaluative import evaluative_lexicon
from vastausanalyysi.themes.negation_scope import (
    AND_CONJUNCTIONS,
    existential_scope,
    is_negation,
    negated_scope,
)
from vastausanalyysi.themes.tokens import (
    DocTable,
    TokenRow,
    comparative,
    conditional_verb,
    doc_table,
    finite,
    remember,
    rule_words,
    unmet_condition,
)

WORKS, PROBLEM, MIXED, NEUTRAL = POLARITIES

_BOUNDARY = {".", "!", "?", ";", ":", "…", "–", "—", "(", ")", "•"}
#: Tokens that end a sentence (and a goal or need scope).
SENTENCE_END = {".", "!", "?", ";", "…", "•"}
#: Endings of an A-infinitive, for a verb the analyser does not know ("yhteensovittaa").
_INFINITIVE_ENDINGS = ("aa", "ää", "da", "dä")
#: The analyser's past participles (after "olla" they make a perfect tense).
PAST_PARTICIPLES = frozenset({"past_active", "past_passive"})
#: Goal verbs whose past participle reports the aim reached ("on turvattu", "varmistettiin").
_SECURED = frozenset({"turvata", "varmistaa"})


def sentence_numbers(rows: Sequence[TokenRow]) -> list[int]:
    """For each token position ``j`` (and ``len(rows)``), how many sentence ends stand before
    it: tokens ``a`` < ``b`` share a sentence when ``numbers[b] == numbers[a]`` (an end mark
    belongs to the sentence it ends)."""
    numbers = [0]
    for row in rows:
        numbers.append(numbers[-1] + (row.text in SENTENCE_END))
    return numbers


def part_start(rows: list[TokenRow], i: int) -> int:
    """The first token of the part of the sentence that token ``i`` stands in: after the last
    sentence end or comma before it (0 if none). One pass over a text gives every token's,
    kept for the text's next call (a long answer without punctuation stays linear)."""
    global _PART_STARTS
    known, starts = _PART_STARTS
    if known is not rows:
        starts, start = [], 0
        for j, row in enumerate(rows):
            starts.append(start)
            if row.text in _PART_MARKS:
                start = j + 1
        _PART_STARTS = (rows, starts)
    return starts[i]


#: Sentence ends and the comma: the marks that start a part of a sentence.
_PART_MARKS = frozenset({*SENTENCE_END, ","})
#: The rows of the text last asked about and the part start of each of its tokens.
_PART_STARTS: tuple[list[TokenRow] | None, list[int]] = (None, [])


def _importance_closes(rows: list[TokenRow], start: int, i: int) -> bool:
    """An importance word that closes a clause with no verb but "olla": "Avoin keskustelu
    hyvinvointialueen kanssa on kunnille tärkeää." states what should be (conv. 3), as "on
    tärkeää, että …" does; not "… ei ole tärkeää", not "Yhteistyö toimii, mikä on tärkeää"."""
    n = len(rows)
    if not (i + 1 == n or rows[i + 1].text in SENTENCE_END):
        return False
    if i - start < 2 or not any(rows[j].olla for j in range(max(start, i - 3), i)):
        return False
    return not any(
        rows[j].nlemma == "ei" or (rows[j].moods & FINITE_MOODS and not rows[j].olla)
        for j in range(start, i)
    )


@dataclass(frozen=True, slots=True)
class Scopes:
    """A Doc's clauses and scopes under one polarity lexicon (token indices; read-only)."""

    contrast: tuple[int, ...]  # length of the contrast expression starting at each token (0: none)
    negation: tuple[bool, ...]  # is the token a negation (see is_negation)
    negated: frozenset[int]  # in the scope of a negation, to the end of its clause
    existential: frozenset[int]  # before a negated "olla" in its clause
    clauses: tuple[tuple[int, int, bool, str], ...]  # (start, end, contrast, marker)
    goal: frozenset[int]
    need: frozenset[int]
    aim: frozenset[int] = frozenset()  # in a goal scope proper (not a task verb's topic)


def scopes(doc: Doc | DocTable, lexicon: PolarityLexicon) -> Scopes:
    """The clauses and scopes of a Doc (or its table), computed once per Doc and lexicon."""
    table = doc if isinstance(doc, DocTable) else doc_table(doc)
    memo = table.memo.setdefault("scopes", [])
    for lex, found in memo:
        if lex is lexicon:
            return found
    rows: list[TokenRow] = table.rows
    profile = _profiles(lexicon)
    flags = [profile.get(row) or _profile(row, lexicon, profile) for row in rows]
    contrast = _contrasts(rows, flags, lexicon)
    negation = [bool(f & _NEG) and is_negation(rows, i, lexicon) for i, f in enumerate(flags)]
    clauses = _split(rows, contrast)
    goal, need, aim = _goal_scope(rows, flags, contrast, lexicon)
    found = Scopes(
        tuple(contrast),
        tuple(negation),
        frozenset(negated_scope(rows, contrast, negation)),
        frozenset(existential_scope(rows, clauses, negation)),
        clauses,
        frozenset(goal),
        frozenset(need),
        frozenset(aim),
    )
    memo.append((lexicon, found))
    return found


#: "…, ja …": a coordinated clause after a comma ends a task verb's topic.
#: Words that open an indirect question ("missä", "mitkä", "kuinka"; not "miksi": "kysyi, miksi
#: kuntia ei kuultu" is a complaint), besides a verb with the question clitic ("onko").
QUESTION_OPENERS = rule_words("question_openers")
#: Conjunctions that open a subordinate clause ("että", "jotta", "kun", "jos").
SUBORDINATORS = rule_words("subordinators")


def new_clause(rows: list[TokenRow], i: int, n: int) -> bool:
    """Whether the words from ``i`` (after a comma) make a main clause of their own: a finite
    verb before the next punctuation, and no subordinating or question word first ("…, että
    …", "…, miten …", "…, toimiiko …" go on with what the clause before says)."""
    if i >= n:
        return False
    first = rows[i]
    if (
        first.low in SUBORDINATORS
        or first.nlemma in SUBORDINATORS
        or first.low in QUESTION_OPENERS
        or first.nlemma in QUESTION_OPENERS  # "millaisia", "keitä"
        or (first.verb and len(first.low) > 3 and first.low.endswith(("ko", "kö")))
    ):
        return False
    for j in range(i, n):
        row = rows[j]
        if row.punct:
            return False
        if finite(row):
            return True
    return False


#: What a token row can do in the scopes (bit flags, see _profile); 0 is never stored.
_NEG, _CONTRAST, _OPENS, _SEEN = 1, 2, 4, 8
_PROFILES: list[tuple[PolarityLexicon, dict[TokenRow, int]]] = []


def _profiles(lexicon: PolarityLexicon) -> dict[TokenRow, int]:
    """The rows' flags under ``lexicon`` (one dict per lexicon, a few lexicons kept)."""
    for lex, profile in _PROFILES:
        if lex is lexicon:
            return profile
    if len(_PROFILES) >= 8:
        _PROFILES.pop(0)
    _PROFILES.append((lexicon, {}))
    return _PROFILES[-1][1]


def _profile(row: TokenRow, lexicon: PolarityLexicon, profile: dict[TokenRow, int]) -> int:
    """Whether a row can be a negation, can start a contrast expression, or can change a goal
    or need scope (the rest of a row's tokens only follow the scopes)."""
    low, lemma = row.low, row.norm
    flags = _SEEN
    if low in lexicon.negation or (row.nlemma == "ei" and low != "ilman"):
        flags |= _NEG
    index = _contrast_index(lexicon.contrast)
    if low in index or row.nlemma in index:
        flags |= _CONTRAST
    ev = evaluative_lexicon()
    goal_words = lexicon.goal or GOAL_WORDS
    if (
        row.text in SENTENCE_END
        or low in ev.reason_words
        or row.nlemma == "joka"
        or not row.keys.isdisjoint(GOAL_NOUNS)
        or low in goal_words
        or lemma in goal_words
        or lemma in ev.wish_words
        or low in ev.wish_words
        or lemma in lexicon.topic
        or low.endswith("miseksi")
        or low in NEED_FORMS
        or lemma in NEED_LEMMAS
        or lemma in NEED_NOUNS
        or low in NEED_NOUNS
        or low == "siten"
        or lemma in IMPORTANCE_WORDS
        or lemma in EXPECT_VERBS
        or row.nlemma in ("tulla", "voida")
        or conditional_verb(row)
        or low in AND_CONJUNCTIONS
        or purpose_infinitive(row)
    ):
        flags |= _OPENS
    return remember(profile, row, flags)


def negated_tokens(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Indices of tokens in the scope of a negation (up to the end of the clause)."""
    return set(scopes(doc, lexicon).negated)


def existential_negated(doc: Doc, lexicon: PolarityLexicon) -> set[int]:
    """Tokens before a negated "olla" in their clause ("tapaamisia ei ole ollut")."""
    return set(scopes(doc, lexicon).existential)


def split_clauses(doc: Doc, lexicon: PolarityLexicon) -> list[Clause]:
    """Clauses of a Doc: split at strong punctuation, commas and contrast words."""
    return [Clause(s, e, c, marker=m) for s, e, c, m in scopes(doc, lexicon).clauses]


def goal_scope(doc: Doc, lexicon: PolarityLexicon) -> tuple[set[int], set[int]]:
    """Tokens in a goal/task scope and tokens in a need scope.

    A goal word or a task verb (``topic``: "selvittää", "kartoittaa" …) opens a scope to the
    end of its sentence or the next contrast word, and so does a purpose ("vähentämiseksi"); a
    need word ("pitäisi", "tarvitaan", "kaipaa") to the end of its sentence.
    """
    found = scopes(doc, lexicon)
    return set(found.goal), set(found.need)


@lru_cache(maxsize=16)
def _contrast_index(
    contrast: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Contrast expressions by their first word, each with its position in the lexicon."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, words in enumerate(contrast):
        if words:
            index.setdefault(words[0], []).append((order, words))
    return {first: tuple(entries) for first, entries in index.items()}


def _contrasts(rows: list[TokenRow], flags: list[int], lexicon: PolarityLexicon) -> list[int]:
    """Length of the contrast expression starting at each token (0 if none).

    Only the expressions whose first word is the token's surface or lemma are tried, in the
    lexicon's order (the first that matches wins).
    """
    index = _contrast_index(lexicon.contrast)
    n = len(rows)
    out = [0] * n
    for i, row in enumerate(rows):
        if not flags[i] & _CONTRAST:
            continue
        if i and rows[i - 1].nlemma == "ei" and rows[i - 1].low != "ilman":
            continue  # "ei kuitenkaan toimi", "eivät silti": an adverb inside the negated clause
        text, lemma = row.low, row.nlemma
        entries = index.get(text, ())
        if lemma != text:
            entries = tuple(sorted((*entries, *index.get(lemma, ()))))
        for _order, words in entries:
            size = len(words)
            if i + size <= n and all(
                rows[i + k].low == w or rows[i + k].nlemma == w for k, w in enumerate(words)
            ):
                out[i] = size
                break
    return out


@dataclass
class Clause:
    """A clause and the polarity cues found in it."""

    start: int
    end: int
    contrast: bool = False
    works: float = 0.0
    problem: float = 0.0
    cues: list[dict[str, Any]] = field(default_factory=list)
    past: bool = False
    now: bool = False
    marker: str = ""

    def __init__(
        self,
        start: int,
        end: int,
        contrast: bool = False,
        works: float = 0.0,
        problem: float = 0.0,
        cues: list[dict[str, Any]] | None = None,
        past: bool = False,
        now: bool = False,
        marker: str = "",
    ) -> None:
        # written out: the compiled module then builds a clause natively (a dataclass's
        # generated __init__ is interpreted Python)
        self.start = start
        self.end = end
        self.contrast = contrast
        self.works = works
        self.problem = problem
        self.cues = [] if cues is None else cues
        self.past = past
        self.now = now
        self.marker = marker

    @property
    def label(self) -> str:
        if self.works > self.problem:
            return WORKS
        if self.problem > self.works:
            return PROBLEM
        if self.works and self.problem:
            return MIXED
        return NEUTRAL


def _split(rows: list[TokenRow], contrasts: list[int]) -> tuple[tuple[int, int, bool, str], ...]:
    clauses: list[tuple[int, int, bool, str]] = []
    start, contrast, marker = 0, False, ""
    i = 0
    size = len(rows)
    while i < size:
        text = rows[i].text
        n = contrasts[i]
        if text in _BOUNDARY or (text == "," and not _list_comma(rows, i)) or n:
            if i > start:
                clauses.append((start, i, contrast, marker))
            contrast = bool(n) or (contrast and text == ",")
            marker = " ".join(r.low for r in rows[i : i + n]) if n else ""
            if n:
                start = i + n
                i += n
                continue
            start = i + 1
        i += 1
    if start < size:
        clauses.append((start, size, contrast, marker))
    return tuple(clauses)


_NOMINAL = {"nimisana", "laatusana", "nimi", "nimisana_laatusana"}
_LIST_AND = rule_words("list_conjunctions")


def _list_comma(rows: list[TokenRow], i: int) -> bool:
    """A comma inside a list of nominals ("lasten, nuorten ja perheiden palvelut"), not
    between clauses: nominals in a shared case on both sides, and "ja|sekä|tai" follows before
    any finite verb or boundary."""
    if i == 0 or i + 1 >= len(rows):
        return False
    prev, nxt = rows[i - 1], rows[i + 1]
    if prev.verb or nxt.verb or not (prev.classes & _NOMINAL and nxt.classes & _NOMINAL):
        return False
    if not (prev.cases & nxt.cases) - {None}:
        return False
    for j in range(i + 2, min(i + 8, len(rows))):
        row = rows[j]
        if row.text in _BOUNDARY or row.text == ",":
            return False
        if row.verb and row.moods & {"indicative", "conditional", "imperative"}:
            return False
        if row.low in _LIST_AND:
            return True
    return False


#: The local cases: a comparative in one describes a place, not how well something works.
_PLACE_CASES = frozenset(
    {"sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto", "ulkotulento"}
)


def _goal_scope(
    rows: list[TokenRow], flags: list[int], contrast: list[int], lexicon: PolarityLexicon
) -> tuple[set[int], set[int], set[int]]:
    goal_words = lexicon.goal or GOAL_WORDS
    ev = evaluative_lexicon()
    goal: set[int] = set()
    need: set[int] = set()
    aim: set[int] = set()
    active_goal = active_need = active_topic = False
    expected = False  # in what a verb of expecting expects, to the end of its clause
    n = len(rows)
    start = 0  # where the clause of token i starts (after a sentence end or a comma)
    for i, row in enumerate(rows):
        if i and (rows[i - 1].text in SENTENCE_END or rows[i - 1].text == ","):
            start = i
        if expected and (row.punct or contrast[i]):
            expected = False
        if not flags[i] & _OPENS:  # it only follows the scopes
            if contrast[i]:
                active_goal = active_topic = False
            if active_topic and row.text == "," and new_clause(rows, i + 1, n):
                active_topic = False  # "Kartoitimme tilanteen, yhteistyö toimii hyvin"
            if active_goal or active_topic:
                goal.add(i)
            if active_goal:
                aim.add(i)
            if active_need or expected:
                need.add(i)
            continue
        low = row.low
        if row.text in SENTENCE_END:
            active_goal = active_need = active_topic = False
        if low in ev.reason_words:
            active_goal = active_need = active_topic = False  # "…, koska nyt tieto ei kulje"
        if active_need and purpose_infinitive(row):
            active_need = False  # "tarvitsemme tukea onnistuaksemme kehittämisessä": its purpose
        if contrast[i]:
            active_goal = active_topic = False
        if active_topic and i > 0 and rows[i - 1].text == "," and row.nlemma == "joka":
            active_topic = False  # a relative clause asserts: "…, joiden vastuunjako kaipaa …"
        if active_topic and i > 0 and rows[i - 1].text == "," and low in AND_CONJUNCTIONS:
            active_topic = False  # "ehkäistään ongelmia, ja se toimii hyvin": a new assertion
        if active_goal or active_topic:
            goal.add(i)
        if active_goal:
            aim.add(i)
        if active_need or expected:
            need.add(i)
        lemma = row.norm
        opens = row.keys & GOAL_NOUNS and goal_noun_opens(rows, i, n)
        conj = lemma in GOAL_CONJUNCTIONS and low not in GOAL_CONJUNCTIONS  # "joskin" is not "jos"
        attribute = "agent" in row.participle  # "lain vaatimat palvelut": no goal
        # "palvelut on turvattu": secured, done (a works word), not an aim
        attribute = attribute or bool(row.participle & PAST_PARTICIPLES and lemma in _SECURED)
        if (low in goal_words or (lemma in goal_words and not conj) or opens) and not attribute:
            if lemma in REQUIRE_VERBS and (
                still_follows(rows, i, n) or improvement_next(rows, i, lexicon)
            ):
                active_need = True  # "tilanne vaatii yhä kehittämistä": not there yet (conv. 1)
            else:
                active_goal = True
        if (lemma in ev.wish_words or low in ev.wish_words) and not believed_now(rows, i, n):
            active_need = True  # "toivomme, että …": a wish, not a finding
        if lemma in EXPECT_VERBS and row.verb and that_follows(rows, i, n):
            active_need = True  # "odotamme, että hallinto-oikeus ratkaisee asian nopeasti"
        elif lemma in EXPECT_VERBS and (first := expected_object(rows, i, start, n)) is not None:
            expected = True  # "odotamme alueelta selkeää vastuunjakoa"
            need.update(range(first, i))  # "selkeää työnjakoa odotetaan"
        if lemma in lexicon.topic:
            active_topic = True
        if low.endswith("miseksi"):
            # a purpose with its genitive object: "asunnottomuuden vähentämiseksi"
            goal.add(i)
            j = i - 1
            while j >= 0 and i - j <= 2 and rows[j].genitive:
                goal.add(j)
                j -= 1
        # "pitää kehittää" is a need, "pitää yhteistyötä hyvänä" an opinion; a verb Voikko
        # does not know counts by its ending ("pitää yhteensovittaa paremmin")
        opinion = low == "pitää" and not any(
            "A-infinitive" in rows[j].moods
            or (not rows[j].known and rows[j].low.endswith(_INFINITIVE_ENDINGS))
            for j in range(i + 1, min(i + 4, n))
        )
        if (low in NEED_FORMS or lemma in NEED_LEMMAS) and not opinion:
            active_need = True
        # "tiedonkulku voisi toimia paremmin": a comparative against today, not a soft proposal
        # (CODING.md P3; QA 7)
        if (
            # not every reading: "voisi" is also "your butter"
            ((row.nlemma == "voida" and "conditional" in row.moods) or conditional_verb(row))
            and any(
                comparative(rows[j]) and not rows[j].cases & _PLACE_CASES
                for j in range(i + 1, min(i + 4, n))
            )  # not a place's attribute: "toimisi varmasti myös pienemmissä kunnissa"
        ):
            active_need = True
            if row.nlemma != "voida":  # "yhteistyö toimisi paremmin, jos …": the verb too
                need.add(i)
        # "yhteistyö toimisi, jos alue vastaisi viesteihin": a condition not met (CODING.md P3)
        if conditional_verb(row) and unmet_condition(rows, i, n):
            active_need = True
            need.add(i)
        if (lemma in NEED_NOUNS or low in NEED_NOUNS) and any(
            "A-infinitive" in rows[j].moods for j in range(i + 1, min(i + 4, n))
        ):
            active_need = True  # "tehtävänjakoa on tarve kirkastaa": a lack (conv. 3)
        if row.nlemma == "tulla" and necessive(rows, i, n):
            active_need = True  # "kuntia tulee kuulla": "tulla" + A-infinitive is "must"
        if lemma in IMPORTANCE_WORDS and importance_opens(rows, i, n):
            active_goal = True  # "on tärkeää, että tieto kulkee": what should be
        elif lemma in IMPORTANCE_WORDS and _importance_closes(rows, start, i):
            goal.update(range(start, i))  # "Avoin keskustelu … on kunnille tärkeää."
        elif lemma in IMPORTANCE_WORDS and importance_rated(rows, start, i):
            active_goal = True  # "kaupunki näkee erittäin tärkeänä toimivan yhteistyön"
        # a manner required: "järjestetään siten, että siitä muodostuu toimiva kokonaisuus"
        if low == "siten" and i + 2 < n and rows[i + 1].text == "," and rows[i + 2].low == "että":
            active_goal = True
    return goal, need, aim


def crosses_sentence(rows: Sequence[TokenRow], first: int, last: int) -> bool:
    """Whether a sentence ends between tokens ``first`` and ``last`` (a phrase matched over the
    words, punctuation skipped, may not run on into the next sentence)."""
    return any(rows[k].text in SENTENCE_END for k in range(first, last))


def cue_dict(row: TokenRow, start: int, kind: str, why: str) -> dict[str, Any]:
    """A polarity cue as the evidence reports it: the word at ``start`` (a character offset),
    its lemma, ``kind`` (WORKS or PROBLEM) and the rule that found it (``why``)."""
    return {
        "surface": row.text,
        "lemma": row.lemma,
        "polarity": kind,
        "rule": why,
        "start": start,
        "end": start + len(row.text),
    }


__all__ = [
    "MIXED",
    "NEUTRAL",
    "PAST_PARTICIPLES",
    "PROBLEM",
    "QUESTION_OPENERS",
    "SENTENCE_END",
    "SUBORDINATORS",
    "WORKS",
    "Clause",
    "Scopes",
    "crosses_sentence",
    "cue_dict",
    "existential_negated",
    "goal_scope",
    "negated_tokens",
    "new_clause",
    "part_start",
    "scopes",
    "sentence_numbers",
    "split_clauses",
]
