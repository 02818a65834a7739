"""The token table: what the theme rules read off each token of a Doc, read once per Doc.

:func:`doc_table` walks a Doc once and gives a :class:`DocTable`: per token a :class:`TokenRow`
(text, lemma, lookup keys, the analyser's values, word flags …) and its character offset. The
rules, polarity and features then read lists by index instead of spaCy ``Token`` objects.
The rule modules' Finnish word lists come from here too (:func:`rule_words`, read once from
``data/rule_words.txt``).

A row depends only on the token's text, lemma and lemmatizer attributes (``compound_parts``,
``lemma_marked``, ``is_known``; :func:`token_ext` reads them so that a Doc from another pipeline
works too), so equal tokens share one row through a bounded cache. The table is kept while the
Doc lives, with what is computed from it (clauses, scopes: ``memo``); a Doc must not be
retokenised after the rules have read it.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from spacy.attrs import IDX, LEMMA, ORTH, SPACY
from spacy.tokens import Doc, Token

from vastausanalyysi.nlp.extensions import ANALYZER_KEY, DEFAULTS, annotated_results
from vastausanalyysi.nlp.voikko import FINITE_MOODS
from vastausanalyysi.themes.codes import norm_term
from vastausanalyysi.themes.table import DocTable

_MISSING = object()


def _user_data(doc: Doc) -> dict[Any, Any]:
    """``doc.user_data``, whose keys are of any type (spaCy's stubs say ``str``; its extension
    values are stored under tuples)."""
    return doc.user_data


def _extension(name: str) -> Any:
    """``Token.get_extension(name)``: (default, method, getter, setter), or None if no pipe
    registered it (spaCy's stubs leave out None, so the call is not typed)."""
    get_extension: Any = Token.get_extension
    return get_extension(name)


def token_ext(token: Token, name: str, default: Any = None) -> Any:
    """The custom attribute ``token._.<name>``, or ``default`` if no pipe registered it.

    A plain attribute (no getter or method) is read from ``doc.user_data`` under spaCy's own
    key, as ``token._`` would, without building an ``Underscore`` object; a mutable default
    comes back as a fresh copy (and is not written into the Doc).
    """
    ext = _extension(name)
    if ext is None:
        return default
    ext_default, method, getter, _setter = ext
    if getter is not None or method is not None:
        return getattr(token._, name)
    value = _user_data(token.doc).get(("._.", name, token.idx, None), _MISSING)
    if value is not _MISSING:
        return value
    return copy.copy(ext_default) if isinstance(ext_default, dict | list | set) else ext_default


def _attribute_values(doc: Doc) -> dict[str, dict[int, Any]]:
    """Per extension of the lemmatizer (``DEFAULTS``): character offset -> the token's value,
    for the tokens that have one (the others have the extension's default, see :func:`_defaults`).

    Plain extensions are read from ``doc.user_data`` in one pass (as :func:`token_ext` reads
    one); an extension with a getter or method is read per token."""
    values: dict[str, dict[int, Any]] = {name: {} for name in DEFAULTS}
    plain = set()
    for name in DEFAULTS:
        ext = _extension(name)
        if ext is None:
            continue
        if ext[1] is not None or ext[2] is not None:
            values[name] = {token.idx: getattr(token._, name) for token in doc}
        else:
            plain.add(name)
    if plain:
        for key, value in _user_data(doc).items():
            if (
                type(key) is tuple
                and len(key) == 4
                and key[0] == "._."
                and key[1] in plain
                and key[3] is None  # a token's value, not a span's
            ):
                values[key[1]][key[2]] = value
    return values


def _defaults() -> dict[str, Any]:
    """The value of each extension of the lemmatizer (``DEFAULTS``) for a token without its own."""
    out = {}
    for name, default in DEFAULTS.items():
        ext = _extension(name)
        out[name] = default if ext is None else ext[0]
    return out


@dataclass(frozen=True, slots=True, eq=False)
class TokenRow:
    """What the rules read off one token; it depends on nothing around the token.

    Compared and hashed by identity (cheap as a cache key: equal tokens share a row).
    """

    text: str
    low: str  # text.lower()
    lemma: str  # token.lemma_ as the pipeline set it
    base: str  # lemma, or the text without one
    norm: str  # norm_term(base)
    nlemma: str  # norm_term(lemma)
    #: lemma, lower-cased surface, the analyser's participle base forms and the compound head
    #: ("parantuneet" has the base form "parantunut" even when its lemma is "parata")
    keys: frozenset[str]
    moods: frozenset[Any]  # the analyses' MOOD values
    classes: frozenset[Any]  # CLASS
    cases: frozenset[Any]  # SIJAMUOTO
    comparison: frozenset[Any]  # COMPARISON
    participle: frozenset[Any]  # PARTICIPLE
    punct: bool
    space: bool
    like_num: bool
    word: bool  # not punctuation, space or a bare number
    verb: bool  # a verb or participle in the reading the lemmatizer chose
    olla: bool  # a form of "olla" (to be)
    genitive: bool  # one of the analyses is a genitive
    conditional: bool  # every analysis is in the conditional mood ("pitäisi")
    # the matcher's keys: compound-part runs (whole lemma included) and what a phrase matches
    heads: frozenset[str]
    modifiers: frozenset[str]
    inner: frozenset[str]
    parts: tuple[str, ...]
    known: bool
    match: frozenset[str]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled by its fields in order (a compiled frozen row is not restored attribute by
        attribute)."""
        return (TokenRow, tuple(getattr(self, name) for name in ROW_FIELDS))


#: The fields of a :class:`TokenRow`, in order.
ROW_FIELDS = tuple(f.name for f in fields(TokenRow))


#: ``id(doc)`` -> (a weak reference to the Doc, its table); the entry leaves with its Doc (a
#: plain dict: the rules, polarity and features each ask for the table of every Doc)
_TABLES: dict[int, tuple[weakref.ref[Doc], DocTable]] = {}
#: Per analyser context: what a row depends on -> the row (shared by equal tokens); cleared
#: when full.
_ROWS: dict[tuple[Any, ...], dict[tuple[Any, ...], TokenRow]] = {}
#: Per analyser context: ``id`` of a lemmatizer result -> (the result, the token's ORTH and
#: LEMMA ids, its row): the row of a token annotated by our component, found without reading
#: its extension values back (the result is kept, so its ``id`` is not reused).
_BY_RESULT: dict[tuple[Any, ...], dict[int, tuple[Any, int, int, TokenRow]]] = {}
#: How many rows (and things remembered per row elsewhere) a cache keeps before it starts over.
ROW_CACHE_MAX = 50_000


def remember(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    """``cache[key] = value`` for the caches kept per token row (or per anything that
    repeats across texts): a cache holding :data:`ROW_CACHE_MAX` entries starts over first.
    Returns ``value``."""
    if len(cache) >= ROW_CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


#: One copy of each small value set (the analyses' MOOD, CLASS … values repeat).
_SETS: dict[frozenset[Any], frozenset[Any]] = {}


#: ``id(doc)`` -> its table, for the Docs of a batch being tagged (:func:`pin_tables`)
_PINNED: dict[int, DocTable] = {}


def doc_table(doc: Doc) -> DocTable:
    """The token table of ``doc``, built on the first call and kept while the Doc lives (and
    built again if the Doc was retokenised)."""
    key = id(doc)
    if _PINNED:
        pinned = _PINNED.get(key)
        if pinned is not None:
            return pinned
    entry = _TABLES.get(key)
    if entry is not None and entry[0]() is doc:
        table = entry[1]
        if len(table) == len(doc) and (not len(doc) or table.starts[-1] == doc[-1].idx):
            return table
    table = _build(doc)  # new, or the Doc was retokenised since
    _TABLES[key] = (weakref.ref(doc, _forget(key)), table)
    return table


def pin_tables(docs: Sequence[Doc]) -> list[DocTable]:
    """The tables of ``docs``; until :func:`unpin_tables`, :func:`doc_table` of one of them
    returns its table without looking at the Doc again (whether it was retokenised): for a
    batch that nothing retokenises meanwhile, whose tables the rules, polarity and features
    each ask for. The caller keeps the Docs alive and unpins them (``try``/``finally``)."""
    tables = [doc_table(doc) for doc in docs]
    for doc, table in zip(docs, tables, strict=True):
        _PINNED[id(doc)] = table
    return tables


def unpin_tables(docs: Sequence[Doc]) -> None:
    """Undo :func:`pin_tables` of ``docs``."""
    for doc in docs:
        _PINNED.pop(id(doc), None)


def _forget(key: int) -> Any:
    """The callback that drops the table of a Doc that is gone."""
    return lambda _ref: _TABLES.pop(key, None)


def _context(doc: Doc) -> tuple[Any, ...]:
    """What the analyses depend on besides the text: the language, the ``analyses`` getter and
    the Voikko dictionary (a typo-corrected token has the readings of its correction stored:
    its row is not shared)."""
    analyses = _extension("analyses")
    return (doc.vocab.lang, analyses[2] if analyses else None, _user_data(doc).get(ANALYZER_KEY))


def _build(doc: Doc) -> DocTable:
    results = annotated_results(doc)
    if results is not None:
        return _build_annotated(doc, results)
    values = _attribute_values(doc)
    defaults = _defaults()
    parts_of, marked_of = values["compound_parts"], values["lemma_marked"]
    known_of, corrected_of = values["is_known"], values["corrected_from"]
    no_parts, no_mark = defaults["compound_parts"], defaults["lemma_marked"]
    known_default, not_corrected = defaults["is_known"], defaults["corrected_from"]
    cache = _ROWS.setdefault(_context(doc), {})
    rows: list[TokenRow] = []
    starts: list[int] = []
    spaces: list[int] = []
    words: list[bool] = []
    for token in doc:
        idx = token.idx
        spaces.append(1 if token.whitespace_ else 0)
        raw_parts = parts_of.get(idx, no_parts) or ()
        marked = marked_of.get(idx, no_mark)
        # the lemma's hash stands for the lemma (spaCy's StringStore decodes it on each read)
        key = (
            token.text,
            token.lemma,
            tuple(raw_parts),
            marked if isinstance(marked, str) else None,
            bool(known_of.get(idx, known_default)),
        )
        shared = corrected_of.get(idx, not_corrected) is None
        row = _row(cache, token, key, list(raw_parts), shared)
        rows.append(row)
        words.append(row.word)
        starts.append(idx)
    return DocTable(rows, starts, spaces, words)


def _build_annotated(doc: Doc, results: list[Any]) -> DocTable:
    """:func:`_build` of a Doc that our component annotated, from its results (the same rows:
    a token's extension values are those of its result, see ``set_annotations``)."""
    context = _context(doc)
    cache = _ROWS.setdefault(context, {})
    by_result = _BY_RESULT.setdefault(context, {})
    array = doc.to_array([ORTH, LEMMA, IDX, SPACY])
    orths: list[int] = array[:, 0].tolist()
    lemmas: list[int] = array[:, 1].tolist()
    rows: list[TokenRow] = []
    words: list[bool] = []
    for i, result in enumerate(results):
        orth, lemma = orths[i], lemmas[i]
        entry = by_result.get(id(result))
        if entry is not None and entry[0] is result and entry[1] == orth and entry[2] == lemma:
            row: TokenRow = entry[3]
        else:
            token = doc[i]
            key = (token.text, lemma, tuple(result.parts), result.marked or result.lemma,
                   bool(result.is_known))  # fmt: skip
            shared = result.corrected_from is None
            row = _row(cache, token, key, list(result.parts), shared)
            if shared:
                remember(by_result, id(result), (result, orth, lemma, row))
        rows.append(row)
        words.append(row.word)
    if len(rows) != len(orths):
        raise ValueError(f"{len(results)} lemmatizer results for {len(orths)} tokens")
    return DocTable(rows, array[:, 2].tolist(), array[:, 3].tolist(), words)


def _row(
    cache: dict[tuple[Any, ...], TokenRow],
    token: Token,
    key: tuple[Any, ...],
    raw_parts: list[str],
    shared: bool,
) -> TokenRow:
    """The row of ``token``: the cached one of an equal token, else a new one (kept in
    ``cache`` unless it is not ``shared``: a typo-corrected token's readings are its own)."""
    row = cache.get(key) if shared else None
    if row is None:
        row = _make_row(token, key, raw_parts)
        if shared:
            remember(cache, key, row)
    return row


def _interned(values: set[Any]) -> frozenset[Any]:
    fs = frozenset(values)
    return _SETS.setdefault(fs, fs) if len(_SETS) < 10_000 else fs


def _make_row(token: Token, key: tuple[Any, ...], raw_parts: list[str]) -> TokenRow:
    text, _lemma_hash, _parts, marked, known = key
    lemma_ = token.lemma_
    analyses = list(token_ext(token, "analyses") or [])
    readings = [a for a in analyses if hasattr(a, "get")]
    base = lemma_ or text
    norm = norm_term(base)
    keys = {norm, norm_term(text)}
    if raw_parts:
        keys.add(norm_term(raw_parts[-1]))
    for analysis in analyses:
        baseform = getattr(analysis, "baseform", None)
        if isinstance(baseform, str) and baseform and analysis.get("PARTICIPLE"):
            keys.add(norm_term(baseform))
    chosen = [a for a in readings if getattr(a, "baseform", None) == lemma_]
    if chosen:
        verb = any(a.get("CLASS") == "teonsana" or a.get("PARTICIPLE") for a in chosen)
    else:
        verb = any(a.get("PARTICIPLE") for a in readings)
    moods = [a.get("MOOD") for a in readings]
    case_attrs = {getattr(a, "case", None) for a in analyses}
    punct, space, like_num = token.is_punct, token.is_space, token.like_num
    return TokenRow(
        text,
        text.lower(),
        lemma_,
        base,
        norm,
        norm_term(lemma_),
        frozenset(keys),
        _interned(set(moods)),
        _interned({a.get("CLASS") for a in readings}),
        _interned({a.get("SIJAMUOTO") for a in readings}),
        _interned({a.get("COMPARISON") for a in readings}),
        _interned({a.get("PARTICIPLE") for a in readings}),
        punct,
        space,
        like_num,
        not (punct or space or like_num or token.is_digit),
        verb,
        norm_term(lemma_ or "") == "olla",
        bool(case_attrs & {"omanto", "genitive"}),
        bool(moods) and all(m == "conditional" for m in moods),
        *_lexical(text, base, norm, raw_parts, marked, known),
    )


def _opaque_compounds() -> frozenset[str]:
    """``data/opaque_compounds.txt``: compounds matched only whole (a yhteiskunta is no kunta)."""
    from vastausanalyysi._resources import read_sections

    return frozenset(norm_term(w) for words in read_sections(OPAQUE_FILE).values() for w in words)


#: The shipped list of compounds whose last part is not what they name.
OPAQUE_FILE = "opaque_compounds.txt"
_OPAQUE = _opaque_compounds()

#: The shipped Finnish word lists of the theme rules, one ``[section]`` per list.
RULE_WORDS_FILE = "rule_words.txt"


def _rule_word_lists() -> dict[str, frozenset[str]]:
    from vastausanalyysi._resources import read_sections

    return read_sections(RULE_WORDS_FILE)


_RULE_WORDS = _rule_word_lists()


def rule_words(section: str) -> frozenset[str]:
    """The words of ``[section]`` of :data:`RULE_WORDS_FILE`, as written there (the file is read
    once, when this module is imported): the rule modules' word lists ("vaatia", "edellyttää" …).
    An unknown section is a KeyError naming the file."""
    words = _RULE_WORDS.get(section)
    if words is None:
        raise KeyError(f"{RULE_WORDS_FILE} has no section [{section}]")
    return words


def _runs(segments: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Head runs, modifier runs and every run of a compound's parts; a run that cuts into an
    opaque compound (:data:`OPAQUE_FILE`: "kunta" of "lautakunta") is none of them."""
    heads: set[str] = set()
    mods: set[str] = set()
    every: set[str] = set()
    n = len(segments)
    if n < 2:
        return heads, mods, every
    opaque = [
        (i, j) for i in range(n) for j in range(i + 2, n + 1) if "".join(segments[i:j]) in _OPAQUE
    ]
    for i in range(n):
        for j in range(i + 1, n + 1):
            key = "".join(segments[i:j])
            if not key or any(a < j and i < b and not i <= a < b <= j for a, b in opaque):
                continue
            every.add(key)
            (heads if j == n else mods).add(key)
    return heads, mods, every


def _lexical(
    text: str, lemma: str, whole: str, raw_parts: list[str], marked: str | None, known: bool
) -> tuple[Any, ...]:
    """The matcher's keys: heads, modifiers, every run, parts, known and the phrase keys."""
    heads, mods, every = {whole}, set(), {whole}
    parts = [norm_term(p) for p in raw_parts if p]
    sources = [parts]
    if marked is not None and "#" in marked:
        sources.append([norm_term(p) for p in marked.split("#") if p])
    if "-" in lemma.strip("-"):
        sources.append([norm_term(p) for p in lemma.split("-") if p])
    for seq in sources:
        h, m, e = _runs(seq)
        heads |= h
        mods |= m
        every |= e
    # a phrase element matches the whole lemma ("=lemma" too), a compound head run, or, for an
    # unknown word, its normalised surface
    match = {whole, "=" + whole, *heads}
    if not known:
        match.add(norm_term(text))
    heads_set = frozenset(heads)
    every_set = heads_set if every == heads else frozenset(every)  # a simple word: one set
    mods_set = frozenset(mods) if mods else _NO_KEYS
    return heads_set, mods_set, every_set, tuple(parts), known, frozenset(match)


_NO_KEYS: frozenset[str] = frozenset()


def comparative(row: TokenRow) -> bool:
    """A comparative adjective or adverb ("selkeämpi", "useammin"), not "enemmän" of a verb."""
    return "comparative" in row.comparison and bool(row.classes & {"laatusana", "seikkasana"})


def finite(row: TokenRow) -> bool:
    """A finite verb, not one that may be an A-infinitive ("tapa järjestää palvelut")."""
    return row.verb and bool(row.moods & FINITE_MOODS) and "A-infinitive" not in row.moods


def conditional_verb(row: TokenRow) -> bool:
    """A verb other than "olla" read in the conditional ("toimisi", "voisi"; Voikko may also
    read it otherwise, "toimi" + "-si", so ``row.conditional`` need not hold)."""
    return row.verb and not row.olla and "conditional" in row.moods


def unmet_condition(rows: list[TokenRow], i: int, n: int) -> bool:
    """A "jos" clause right after the conditional verb at ``i`` (an adverb may come between)
    with a verb in the conditional of its own ("toimisi (hyvin), jos alue vastaisi"): what
    would be, were the condition met."""
    for j in range(i + 1, min(i + 5, n)):
        if rows[j].low == "jos":
            return any("conditional" in rows[k].moods for k in range(j + 1, min(j + 6, n)))
        if rows[j].verb or (rows[j].punct and rows[j].text != ","):
            return False  # "toimisi (hyvin), jos …", not past another verb or a sentence end
    return False


__all__ = [
    "ROW_CACHE_MAX",
    "RULE_WORDS_FILE",
    "DocTable",
    "TokenRow",
    "comparative",
    "conditional_verb",
    "doc_table",
    "finite",
    "pin_tables",
    "remember",
    "rule_words",
    "token_ext",
    "unmet_condition",
    "unpin_tables",
]
