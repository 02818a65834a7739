"""The evaluative lexicon beyond the codebook's polarity lists, and its derivation rules.

Read from the package data file ``evaluative.yaml`` (team-written, issue 11): extra works and
problem lemmas and phrases; Finnish derivations that carry a judgment ("epä-", "heikko-",
"huono-" + a known word; "-ton/-tön" after a stem whose absence is praise, "ongelmaton", or a
lack, "tehoton"); "-matta" forms after a stage marker ("yhä allekirjoittamatta"); the focus
particles that make a negation no judgment ("ei pelkästään … vaan myös"); the verbs whose bare
negation describes a duty; the rating verbs of group comparisons; wish and reason words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from vastausanalyysi._resources import read_yaml
from vastausanalyysi.themes.codes import Phrase, expand_phrase, norm_term
from vastausanalyysi.themes.tokens import TokenRow, doc_table, rule_words

WORKS, PROBLEM = "works", "problem"


@dataclass(frozen=True)
class EvaluativeLexicon:
    """Word lists and derivation rules of the evaluative lexicon (see the module docstring)."""

    works: frozenset[str]
    problem: frozenset[str]
    works_phrases: tuple[Phrase, ...]
    problem_phrases: tuple[Phrase, ...]
    negative_prefixes: tuple[str, ...]
    prefix_exceptions: frozenset[str]
    privative_suffixes: tuple[str, ...]
    privative_good: frozenset[str]
    privative_bad: frozenset[str]
    stage_markers: frozenset[str]
    progress_markers: frozenset[str]
    focus_particles: frozenset[str]
    descriptive_verbs: frozenset[str]
    rating_verbs: frozenset[str]
    wish_words: frozenset[str]
    reason_words: frozenset[str]
    neutral: frozenset[str] = frozenset()
    counterfactual: frozenset[str] = frozenset()
    no_opinion: frozenset[str] = frozenset()
    role_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def evaluative_lexicon() -> EvaluativeLexicon:
    """The shipped evaluative lexicon (read once)."""
    raw = read_yaml("evaluative.yaml")

    def words(name: str) -> frozenset[str]:
        return frozenset(norm_term(w) for w in raw.get(name) or [])

    def phrases(name: str) -> tuple[Phrase, ...]:
        return tuple(p for text in raw.get(name) or [] for p in expand_phrase(text))

    return EvaluativeLexicon(
        works=words("works"),
        problem=words("problem"),
        works_phrases=phrases("works_phrases"),
        problem_phrases=phrases("problem_phrases"),
        negative_prefixes=tuple(norm_term(w) for w in raw.get("negative_prefixes") or []),
        prefix_exceptions=words("prefix_exceptions"),
        privative_suffixes=tuple(raw.get("privative_suffixes") or []),
        privative_good=words("privative_good"),
        privative_bad=words("privative_bad"),
        stage_markers=words("stage_markers"),
        progress_markers=words("progress_markers"),
        focus_particles=words("focus_particles"),
        descriptive_verbs=words("descriptive_verbs"),
        rating_verbs=words("rating_verbs"),
        wish_words=words("wish_words"),
        reason_words=words("reason_words"),
        neutral=words("neutral"),
        counterfactual=words("counterfactual"),
        no_opinion=words("no_opinion"),
        role_verbs=words("role_verbs"),
    )


def _stem_matches(stem: str, stems: frozenset[str]) -> bool:
    """A privative's stem ("ongelma" in "ongelmaton", "tulokse" in "tulokseton")."""
    return any(stem == s or (stem.startswith(s[:-1]) and len(stem) - len(s) <= 2) for s in stems)


def derived_polarity(
    token: Token | TokenRow, known: frozenset[str], lex: EvaluativeLexicon | None = None
) -> str | None:
    """WORKS or PROBLEM from a word's derivation, or None.

    ``known`` is the set of lemmas the prefixed rest must be (a word, so that "epäselvä" =
    "epä" + "selvä" counts but "epäillä" does not). ``token``: a token or its row of the Doc's
    token table.
    """
    row = doc_table(token.doc).rows[token.i] if isinstance(token, Token) else token
    lex = lex or evaluative_lexicon()
    lemma = row.norm
    if len(lemma) < 6 or lemma in lex.prefix_exceptions:
        return None
    for suffix in lex.privative_suffixes:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            if _stem_matches(stem, lex.privative_good):
                return WORKS
            if _stem_matches(stem, lex.privative_bad):
                return PROBLEM
    for prefix in lex.negative_prefixes:
        rest = lemma[len(prefix) :]
        if not lemma.startswith(prefix) or len(rest) < 3:
            continue
        if rest in known or (len(rest) >= 5 and _is_word_class(row)):
            return PROBLEM
    return None


def _is_word_class(row: TokenRow) -> bool:
    """An adjective or adverb (the prefixed derivations that judge: "heikkotasoinen")."""
    classes = {c for c in row.classes if isinstance(c, str)}
    return any("laatusana" in c or "seikkasana" in c for c in classes)


#: "-matta" forms that are adverbs or postpositions of their own, not "not yet done".
LEXICALISED_ABESSIVES = rule_words("lexicalised_abessives")


def is_stage_form(rows: list[TokenRow], i: int, lex: EvaluativeLexicon | None = None) -> bool:
    """A "-matta" form after a stage marker: "yhä allekirjoittamatta", "jäänyt täyttämättä".

    ``rows``: the Doc's token table rows, ``i`` the token's index.
    """
    lex = lex or evaluative_lexicon()
    row = rows[i]
    if "MA-infinitive" not in row.moods:
        return False
    low = row.low
    if low in LEXICALISED_ABESSIVES:
        return False  # "ei välttämättä", "siitä huolimatta": adverbs, not an unfinished task
    if low.endswith(("matta", "mättä")):
        markers = lex.stage_markers
    elif low.endswith(("massa", "mässä")):
        markers = lex.progress_markers  # "on vasta muotoutumassa": still in progress
    else:
        return False
    return any(rows[j].keys & markers for j in range(max(0, i - 3), i))


__all__ = [
    "LEXICALISED_ABESSIVES",
    "EvaluativeLexicon",
    "derived_polarity",
    "evaluative_lexicon",
    "is_stage_form",
]
