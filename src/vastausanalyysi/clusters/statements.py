"""Split answers into statements and group near-identical statements into quotes.

A statement is a sentence or a list item: lines starting with a bullet (also one written against
its word, "-tiedonkulku", but not "-20 %") or a number, inline bullets ("• A • B"),
semicolon-separated parts and bare comma lists of themes ("perhekeskus, neuvola ja koulu": no
finite verb, every item at most four words). Each statement keeps the input row it came from
(``source_index``), its respondent and its position in the answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ClusteringError
from vastausanalyysi.schema import TAG_COLUMNS
from vastausanalyysi.text import is_missing

__all__ = [
    "ABBREVIATIONS",
    "commonest_wording",
    "near_identical_keys",
    "quote_key",
    "split_statements",
    "split_text",
    "statements_of",
]

#: abbreviations whose period does not end a sentence (lower case, without the period)
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        *("mm", "esim", "ym", "jne", "ns", "ks", "tms", "yms", "vrt", "klo", "n", "ts", "ko"),
        *("em", "yo", "ao", "os", "prof", "tri", "dos", "ma", "vs", "ry", "oy", "jms", "huom"),
        *("mrd", "milj", "tuh", "kpl", "eur", "nro", "lk", "s", "p", "puh", "tel", "gsm", "hlö"),
    }
)
_LINE_MARKER = re.compile(
    r"^\s*(?:(?:[-–—•*·▪◦‣●○►>]+|\(?\d{1,2}[.)]|\(?[a-zA-Z][)])\s+|[-–—•*](?=[^\W\d_]))"
)  # "- tieto", "1) tieto", "a) tieto"; a bullet without a space before a letter ("-tieto")
_INLINE_BULLET = re.compile(r"\s*[•·▪◦‣●○►]\s*")
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?\d{1,2}\)\s+")
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÅÄÖ0-9=+@])"
    r"|(?<=[a-zåäö]{2})[.!?…]+(?=[A-ZÅÄÖ][a-zåäö])"
)  # "… hyvin. Tieto …" (or "… hyvin. @kaikki …"); typed without the space "… hyvin.Tieto …"
# (not "K.Virtanen")
_MARKUP = re.compile(
    r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][^<>]{0,200}>", re.S | re.I
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
_HAS_CONTENT = re.compile(r"[^\W_]", re.UNICODE)
_LIST_JOINERS = re.compile(r"(?<!-)\s+(?:ja|sekä|tai)\s+", re.IGNORECASE)  # not "sosiaali- ja"
_MAX_ITEM_WORDS = 4
_FINITE = {"indicative", "conditional", "imperative", "potential"}


@lru_cache(maxsize=100_000)
def _finite_verb(word: str) -> bool:
    from vastausanalyysi.nlp.voikko import get_analyzer

    return any(
        a.word_class == "teonsana" and a.get("MOOD") in _FINITE
        for a in get_analyzer().analyze(word)
    )


_ADDRESS = re.compile(r"www|://|@|\.[a-z]{2,4}(?![^\W\d_])")


def _run(text: str, at: int) -> str:
    """The characters around position ``at`` up to the nearest spaces."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    return text[start : len(text) if end < 0 else end]


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].lower().strip("(\"'") if before else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue  # "mm. neuvola", "A. Virtanen"
        if not match.group().strip(".!?…") and _ADDRESS.search(_run(text, match.start())):
            continue  # a period with no space inside a web or e-mail address: "www.Kunta.fi"
        out.append(text[start : match.end()].strip())
        start = match.end()
    out.append(text[start:].strip())
    return out


def _comma_list(piece: str) -> list[str]:
    """The items of a bare comma list of themes, or ``[piece]``.

    A list with a lead-in ("Onnistumisia: perhekeskus, hyte") stays whole: the lead-in is what
    the answer says of every item. A lone word in the genitive belongs to the next item
    ("Lasten, nuorten ja perheiden palvelut, ikäihmisten palvelut": two items, not "Lasten").
    """
    body = piece.strip().rstrip(".!")
    if "," not in body or ":" in body:
        return [piece]
    items: list[str] = []
    parts = [p.strip() for p in body.split(",")]
    for i, part in enumerate(parts):
        if i == len(parts) - 1:
            items.extend(p.strip() for p in _LIST_JOINERS.split(part))
        else:
            items.append(part)
    items = [i for i in items if i]
    words = [_WORD.findall(i) for i in items]
    if len(items) < 2 or any(not w or len(w) > _MAX_ITEM_WORDS for w in words):
        return [piece]
    if any(_finite_verb(w.lower()) for ws in words for w in ws if not w.isdigit()):
        return [piece]
    items = _attach_genitives(items, body)
    return items if len(items) > 1 else [piece]


@lru_cache(maxsize=100_000)
def _genitive_only(word: str) -> bool:
    """Whether every reading of ``word`` is in the genitive ("lasten", "nuorten")."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    readings = get_analyzer().analyze(word)
    return bool(readings) and all(a.get("SIJAMUOTO") == "omanto" for a in readings)


def _attach_genitives(items: list[str], body: str) -> list[str]:
    """``items`` with each one-word genitive item joined to the next as written in ``body``."""
    out: list[str] = []
    pending: list[str] = []
    for item in items:
        words = _WORD.findall(item)
        if len(words) == 1 and _genitive_only(words[0].lower()) and item is not items[-1]:
            pending.append(item)
            continue
        if pending:
            start = body.find(pending[0])
            end = body.find(item, start) + len(item)
            item = body[start:end] if start >= 0 and end > start else " ".join([*pending, item])
            pending = []
        out.append(item)
    return out + pending


def split_text(text: Any) -> list[str]:
    """The statements of one answer, in order; ``[""]`` for a missing or empty answer.

    Markup (HTML tags, scripts, comments) is no part of a statement. Pieces without a letter or
    digit (a lone "-" or "1.") are not statements; an answer that has only such pieces is kept
    whole.
    """
    if is_missing(text) or not str(text).strip():
        return [""]
    if not isinstance(text, str):
        raise ClusteringError(f"expected text, got {type(text).__name__}: {text!r:.80}")
    text = _MARKUP.sub(" ", unicodedata.normalize("NFC", text))
    out: list[str] = []
    lines = [(_LINE_MARKER.sub("", line, count=1), bool(_LINE_MARKER.match(line)))
             for line in text.splitlines()]  # fmt: skip
    for line in _line_leads(lines):
        for bullet in _leading(_INLINE_BULLET.split(line)):
            for numbered in _leading(_INLINE_NUMBER.split(bullet)):
                for part in numbered.split(";"):
                    for sentence in _sentences(part.strip()):
                        out.extend(_comma_list(sentence))
    out = [s.strip() for s in out if _HAS_CONTENT.search(s)]
    return out or [text.strip()]


def _leading(segments: list[str]) -> list[str]:
    """List items with their lead-in: "Kehitettävää on: 1) työnjako 2) tilat" is "Kehitettävää
    on: työnjako" and "Kehitettävää on: tilat" (what the lead-in says holds for each item; "Ei
    toimi:" makes them problems), not a statement "Kehitettävää on:" of its own."""
    lead = segments[0].strip()
    items = [s.strip() for s in segments[1:] if s.strip()]
    if not lead.endswith(":") or not items:
        return segments
    return [f"{lead} {item}" for item in items]


def _line_leads(lines: list[tuple[str, bool]]) -> list[str]:
    """The lines of an answer, each bulleted or numbered line (``True``) after a line ending in
    ":" with that lead-in before it (see :func:`_leading`), the lead-in line itself not kept."""
    out: list[str] = []
    lead = ""
    for k, (line, item) in enumerate(lines):
        stripped = line.strip()
        following = k + 1 < len(lines) and lines[k + 1][1]
        if stripped.endswith(":") and following:
            lead = stripped
            continue
        if item and lead:
            out.append(f"{lead} {stripped}")
            continue
        lead = ""
        out.append(line)
    return out


def _whole(text: Any) -> Any:
    """An answer as one statement: markup removed, else as it is."""
    if isinstance(text, str) and _MARKUP.search(text):
        return " ".join(_MARKUP.sub(" ", text).split())
    return text


def quote_key(lemmas: Sequence[str] | None, text: str) -> str:
    """The key under which near-identical statements count as one quote.

    The lower-cased lemmas of the statement's words, sorted: inflection, case, punctuation,
    spacing and word order ("Tapaamiset toimivat hyvin" / "Hyvin toimivat tapaamiset") make no
    difference. From the text's words when no lemmas are known.
    """
    words = [w.lower() for w in lemmas or () if _HAS_CONTENT.search(str(w))]
    if not words:
        words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    return " ".join(sorted(words))


#: letters typed without their diacritics on a foreign keyboard or a phone ("paatos", "aani")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
#: a word of at least this many letters may differ by one typo between near-identical statements
_TYPO_MIN_LETTERS = 5
#: negation verbs never differ between near-identical statements ("eivät" / "ovat" stays apart)
_NEGATIONS = frozenset({"ei", "eika", "en", "et", "emme", "ette", "eivat", "eivatka"})


def _folded_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case with ä, ö and å as a, o and a."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    return tuple(_WORD.findall(folded))


def _one_edit_forms(word: str) -> set[str]:
    """``word`` and every form of it with one letter deleted: two words share one of these when
    they are one deletion, insertion, substitution or transposition apart (symmetric deletes)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _chain_ids(words: Sequence[str], table: dict[tuple[int, str], int]) -> list[int]:
    """The ids of ``words[:0]``, ``words[:1]`` … ``words[:n]`` in a trie kept in ``table``:
    equal ids, equal word sequences (0 is the empty one)."""
    ids = [0]
    for word in words:
        ids.append(table.setdefault((ids[-1], word), len(table) + 1))
    return ids


def _halves(kind: Any, words: tuple[str, ...]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The statement's kind and length with its first half, and with its second half."""
    half = len(words) // 2
    return (kind, len(words), 0, words[:half]), (kind, len(words), 1, words[half:])


def near_identical_keys(
    keys: Sequence[str], texts: Sequence[str], kinds: Sequence[Any] | None = None
) -> list[str]:
    """Each statement's quote key after near-identical statements are made one quote.

    ``keys`` are :func:`quote_key` keys (statements with one key are one quote already). Two
    statements are near-identical, and get the smallest key of the two, when their words are
    the same in lower case with ä, ö and å typed as a, o and a ("Tiedonkulku on heikkoa" /
    "tiedonkulku on heikkoa, paatoksista …"), or when they differ in one word of at least five
    letters by one typo (a letter left out, doubled, swapped or mistyped: "tapaamsiet",
    "etäälä"), never a negation or a number. ``kinds`` (e.g. each statement's polarity) keeps
    statements of different kinds apart. Merging is transitive and independent of the order of
    the statements. Work is linear in the number of words.
    """
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: Any, b: Any) -> None:
        parent[find(b)] = find(a)

    kind_of = list(kinds) if kinds is not None else [None] * len(keys)
    distinct: dict[tuple[Any, tuple[str, ...]], str] = {}
    for key, text, kind in zip(keys, texts, kind_of, strict=True):
        words = _folded_words(str(text))
        if not words:
            continue
        seen = distinct.setdefault((kind, words), key)
        if seen != key:
            union(("key", seen), ("key", key))
    # statements equal but for the word at one position: one bucket per (kind, the words
    # before, the words after), the two named by ids of a prefix and a suffix trie, so that a
    # long statement costs memory in proportion to its words, not to their square
    buckets: dict[tuple[Any, ...], dict[str, str]] = {}
    prefixes: dict[tuple[int, str], int] = {}
    suffixes: dict[tuple[int, str], int] = {}
    # two such statements have the same kind and length, and the same first half of the words
    # or the same second half (whichever the different word is not in): a statement that shares
    # neither with another statement cannot be merged (most statements, and their words are
    # never chained)
    pairs = [_halves(kind, words) for kind, words in distinct]
    halves = Counter(chain.from_iterable(pairs))
    for ((kind, words), key), (first, second) in zip(distinct.items(), pairs, strict=True):
        if halves[first] < 2 and halves[second] < 2:
            continue
        before = _chain_ids(words, prefixes)  # before[p]: the words[:p]
        after = _chain_ids(words[::-1], suffixes)  # after[k]: the last k words
        n = len(words)
        for p, word in enumerate(words):
            if len(word) < _TYPO_MIN_LETTERS or not word.isalpha() or word in _NEGATIONS:
                continue
            bucket = buckets.setdefault((kind, before[p], after[n - p - 1]), {})
            bucket.setdefault(word, key)
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        first: dict[str, str] = {}
        for word in sorted(bucket):
            for form in _one_edit_forms(word):
                other = first.setdefault(form, word)
                if other != word:
                    union(("key", bucket[other]), ("key", bucket[word]))
    roots: dict[Any, str] = {}
    for key in sorted(set(keys)):
        root = find(("key", key))
        roots.setdefault(root, key)  # the smallest key of each group, whatever the order
    return [roots[find(("key", key))] for key in keys]


def commonest_wording(texts: Sequence[str]) -> str:
    """The wording of a quote to show: the one most of its statements have; on a tie, the one
    with the fewest words unknown to Voikko (a typo of one respondent beside a correct wording
    of one other), then the first in order of text."""
    tally = Counter(texts)
    most = max(tally.values())
    tied = sorted(t for t, n in tally.items() if n == most)
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda t: (_unknown_words(t), t))


def _unknown_words(text: str) -> int:
    from vastausanalyysi.nlp.voikko import get_analyzer

    analyzer = get_analyzer()
    return sum(1 for w in _WORD.findall(text) if w.isalpha() and not analyzer.analyze(w))


def split_statements(texts: Sequence[Any]) -> pd.DataFrame:
    """One row per statement of ``texts``: ``source_index`` (position), ``position``, ``text``."""
    rows = [(i, pos, s) for i, t in enumerate(texts) for pos, s in enumerate(split_text(t))]
    return pd.DataFrame(rows, columns=["source_index", "position", "text"])


def statements_of(
    frame: pd.DataFrame,
    *,
    text_column: str,
    id_column: str,
    question_column: str,
    split: bool,
    need_tags: bool,
) -> pd.DataFrame:
    """The statements of every row of ``frame``, with the row's other columns.

    Columns: ``source_index`` (the row's index label), ``respondent_id`` (from ``id_column``,
    missing if there is none), ``position``, ``text`` and the row's other columns. A row that gives
    one statement keeps its tags; statements split from a longer answer are tagged on their own
    (``themes.tagger.tag``), so that each has its own areas, mechanisms and polarity. With
    ``need_tags`` untagged input is tagged too.
    """
    texts = frame[text_column].tolist()
    for label, value in zip(frame.index, texts, strict=True):
        if not (is_missing(value) or isinstance(value, str)):
            raise ClusteringError(
                f"column {text_column!r}, row {label!r}: expected text, got "
                f"{type(value).__name__} {value!r:.80}"
            )
    pieces = [split_text(t) if split else [_whole(t)] for t in texts]
    source = [i for i, p in enumerate(pieces) for _ in p]
    # the row's other columns once per statement; not its text, which a string column would
    # copy whole for every statement of a long answer (10,000 statements of a 1,000,000-character
    # answer: gigabytes, QA 2026-12-07)
    where = frame.columns.get_loc(text_column)
    out = frame.drop(columns=[text_column]).iloc[source].reset_index(drop=True)
    out.insert(where, text_column, ["" if is_missing(s) else s for p in pieces for s in p])
    # statements whose tags are not their row's: split off, or cleaned of markup
    own = [
        len(p) > 1 or (isinstance(t, str) and bool(_MARKUP.search(t)))
        for p, t in zip(pieces, texts, strict=True)
    ]
    split_rows = [j for j, i in enumerate(source) if own[i]]
    tagged = all(c in frame.columns for c in ("areas", "mechanisms", "polarity"))
    retag = list(range(len(out))) if need_tags and not tagged else (split_rows if tagged else [])
    if retag:
        from vastausanalyysi.themes.tagger import tag

        sub = out.iloc[retag][[c for c in (text_column, question_column) if c in out.columns]]
        result = tag(sub, text_column=text_column, question_column=question_column)
        for column in [*TAG_COLUMNS, "polarity_evidence"]:
            if column not in out.columns:
                out[column] = pd.Series([None] * len(out), dtype=object)
            values = out[column].astype(object).tolist()
            for j, value in zip(retag, result[column].tolist(), strict=True):
                values[j] = value
            out[column] = pd.Series(values, dtype=object)
    elif split_rows and "lemmas" in out.columns:
        values = out["lemmas"].astype(object).tolist()
        for j in split_rows:
            values[j] = None  # the answer's lemmas are not the statement's: lemmatised later
        out["lemmas"] = pd.Series(values, dtype=object)
    index = frame.index
    out.insert(0, "source_index", [index[i] for i in source])
    ids = frame[id_column].tolist() if id_column in frame.columns else [pd.NA] * len(frame)
    if "respondent_id" in out.columns and id_column != "respondent_id":
        out = out.drop(columns="respondent_id")
    if id_column in out.columns:
        out = out.drop(columns=id_column)
    out.insert(1, "respondent_id", [ids[i] for i in source])
    positions = []
    for p in pieces:
        positions.extend(range(len(p)))
    out.insert(2, "position", positions)
    if text_column != "text":
        out = out.rename(columns={text_column: "text"})
    return out
