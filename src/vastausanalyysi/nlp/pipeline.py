"""Build the Finnish pipeline and lemmatise many texts.

Input rules (the same for every function here):

* ``None``, ``float('nan')``, ``numpy.nan``, ``pandas.NA`` and ``pandas.NaT`` are missing values:
  they give an empty Doc / an empty lemma list. Empty and whitespace-only strings do too.
* Numbers (``int``, ``float``, numpy numbers) are turned into their ``str()``.
* ``bytes`` and any other non-text value raise :class:`~vastausanalyysi.errors.InputTextError`
  naming the position of the bad value (decode bytes first).
* Control characters, NUL and odd Unicode never crash; lone surrogates (which cannot be encoded)
  are replaced by U+FFFD before tokenisation.
* Every text is normalised at the door (:mod:`vastausanalyysi.nlp.normalise`: NFC, zero-width
  characters and soft hyphens removed, control characters replaced by spaces) by the pipeline's
  tokenizer, a :class:`DoorTokenizer` around spaCy's. ``doc.text`` is the normalised text; when
  it differs from the input, the input is kept in ``doc.user_data[ORIGINAL_KEY]`` and
  :func:`offset_map` (or :func:`original_span`) points any character span of the Doc back into
  it.
* Long texts are never passed to spaCy's tokenizer whole and never refused: the door cuts a text
  longer than ``chunk_chars`` (default :data:`CHUNK_CHARS`, 100,000 characters) into pieces at a
  line or sentence end or else at whitespace (hard cuts only if a piece has no whitespace at
  all), tokenises piece by piece and joins the pieces with :meth:`spacy.tokens.Doc.from_docs`, so
  one Doc still comes out per text. ``nlp.max_length`` is lifted, so spaCy's E088 never fires.
  Cost is linear in the text's length: a run of 1,000 or more
  characters without whitespace is kept as one token (spaCy's affix splitting can be quadratic on
  such runs), and each distinct unknown word costs at most a few milliseconds of typo checks once
  (Voikko confirming the few edits near known words; ``fix_typos=False`` turns them off).

Typo fixes are re-ranked by corpus form counts: :func:`lemmatize` counts the word forms of all of
its input first (single process) or of each batch (``n_process > 1``), so a typo's fix can depend
on the rest of the input; the same input always gives the same output.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress
from operator import attrgetter
from typing import Any

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error
from spacy.vocab import Vocab

from vastausanalyysi.errors import InputTextError, reject_single_text
from vastausanalyysi.nlp.component import (
    FACTORY,
    FORM_COUNTS_KEY,
    VoikkoLemmatizerComponent,
    form_texts,
)
from vastausanalyysi.nlp.heap import no_gc_pause
from vastausanalyysi.nlp.lemmatizer import FrozenCounts
from vastausanalyysi.nlp.normalise import OffsetMap, normalise, normalise_with_offsets

_SURROGATE = re.compile(r"[\ud800-\udfff]")
LONG_RUN = 1000
_LONG_RUN = re.compile(rf"(?=\S{{{LONG_RUN}}})\S+\Z")
_DEFAULT: dict[str, Language] = {}
_DEFAULT_LOCK = threading.Lock()
#: Texts longer than this many characters are tokenised in pieces (see the module docstring).
CHUNK_CHARS = 100_000
#: ``doc.user_data`` key of the original text when normalisation changed it.
ORIGINAL_KEY = "vastausanalyysi_original_text"
_DOOR_FIELDS = frozenset({"tokenizer", "chunk_chars"})
_CUT = re.compile(r"(?<=[.!?\n])\s")
#: a list bullet written against its first word at the start of a line ("-tiedonkulku",
#: "•yhteiset tilat"); a dash before a digit ("-20 %") or inside a line ("sote -palvelut") is not
_BULLETS = "-–—•*"
_GLUED_BULLET = re.compile(r"(?:^|(?<=[\n\r]))[^\S\n\r]*([-–—•*])(?=[^\W\d_])")


class DoorTokenizer:
    """spaCy's tokenizer behind the door: normalises each text and tokenises long ones in pieces.

    Serialisation (``to_disk``/``to_bytes`` …) and any other attribute go to the wrapped
    tokenizer, so a saved pipeline holds spaCy's own tokenizer (:func:`install_door` puts the
    door back on a loaded pipeline).
    """

    def __init__(self, tokenizer: Any, chunk_chars: int = CHUNK_CHARS):
        if chunk_chars < 1:
            raise ValueError(f"chunk_chars must be at least 1, got {chunk_chars}")
        self.tokenizer = tokenizer
        self.chunk_chars = chunk_chars

    def __call__(self, text: str) -> Doc:
        normalised, pieces = door_pieces(text, self.chunk_chars)
        if len(pieces) == 1:
            doc = tokenize_piece(self.tokenizer, normalised)
        else:
            docs = [
                tokenize_piece(self.tokenizer, p, line_start) for p, line_start in lines(pieces)
            ]
            doc = Doc.from_docs(docs, ensure_whitespace=False)
        if normalised is not text:
            doc.user_data[ORIGINAL_KEY] = text
        return doc

    def __getattr__(self, name: str) -> Any:
        if name in _DOOR_FIELDS:  # not set yet (unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _DOOR_FIELDS:
            object.__setattr__(self, name, value)
        else:  # nlp.tokenizer.token_match = … reaches spaCy's tokenizer
            setattr(self.tokenizer, name, value)

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> DoorTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> DoorTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self


def glued_bullets(text: str, line_start: bool = True) -> list[int]:
    """The offsets of the bullets glued to a line's first word in ``text`` (see
    :func:`tokenize_piece`); the first line's only if ``line_start``. A text of one line (most
    answers) is looked at without a regular expression."""
    if "\n" in text or "\r" in text:
        return [m.start(1) for m in _GLUED_BULLET.finditer(text) if line_start or m.start() > 0]
    i = len(text) - len(text.lstrip())
    if not line_start or i + 1 >= len(text) or text[i] not in _BULLETS:
        return []
    after = text[i + 1]
    return [i] if after.isalnum() and not after.isdecimal() and after != "_" else []


def tokenize_piece(tokenizer: Any, text: str, line_start: bool = True) -> Doc:
    """``tokenizer(text)`` with a list bullet glued to a line's first word made a token of its own
    and an ordinal date inside a sentence ("22.9.,") kept one token.

    spaCy's tokenizer keeps "-tiedonkulku" (a bullet without a space) as one word, whose lemma
    would be "-tiedonkulku". A "-", "–", "—", "•" or "*" directly before a letter at the start of
    a line (after any spaces) is split off as punctuation; a dash before a digit ("-20 %") or in
    the middle of a line ("sote -palvelut") stays as it is. ``line_start`` says whether ``text``
    begins a line (False for a piece of a long text cut in the middle of a line).
    """
    doc = tokenizer(text)
    if "." in text and _DIGIT_DOT_DIGIT.search(text):
        doc = _join_ordinal_dates(doc, text)
    bullets = glued_bullets(text, line_start)
    if not bullets:
        return doc
    at = set(bullets)
    glued = [t for t in doc if t.idx in at and len(t.text) > 1]
    if glued:
        with doc.retokenize() as retokenizer:
            for token in glued:
                retokenizer.split(
                    token, [token.text[0], token.text[1:]], heads=[(token, 1), (token, 1)]
                )
    return doc


#: A day and month with the ordinal's full stop ("22.9.") inside a sentence: before a comma, a
#: bracket, a lower-case word or a year. spaCy's tokenizer splits off the stop, which the theme
#: rules would read as the end of a sentence ("kysyi kyselytunnilla 22.9., onko …").
_ORDINAL_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?=\s*[,;)a-zåäö]|\s+\d)")
#: What every ordinal date has: a text without it needs no search for one (this pattern starts
#: with a digit, which the regex engine finds fast; the lookbehind above makes it try every
#: position).
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")


def _join_ordinal_dates(doc: Doc, text: str) -> Doc:
    """``doc`` with each ordinal date inside a sentence one token ("22.9." not "22.9" + ".")."""
    spans = [doc.char_span(*m.span()) for m in _ORDINAL_DATE.finditer(text)]
    spans = [span for span in spans if span is not None and len(span) == 2]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def lines(pieces: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each piece of a cut text and whether it begins a line (the first does)."""
    previous = ""
    for piece in pieces:
        yield piece, not previous or previous.endswith(("\n", "\r"))
        previous = piece


def install_door(nlp: Language, chunk_chars: int | None = None) -> Language:
    """Put a :class:`DoorTokenizer` on ``nlp`` (once) and lift ``nlp.max_length``; returns nlp.

    ``chunk_chars`` (default: the door's current size, else :data:`CHUNK_CHARS`) is the piece
    size of long texts.
    """
    door = nlp.tokenizer
    if not isinstance(door, DoorTokenizer):
        door = DoorTokenizer(nlp.tokenizer)
        nlp.tokenizer = door
    if chunk_chars is not None:
        if chunk_chars < 1:
            raise ValueError(f"chunk_chars must be at least 1, got {chunk_chars}")
        door.chunk_chars = chunk_chars
    nlp.max_length = sys.maxsize
    return nlp


def original_text(doc: Doc) -> str:
    """The text the Doc was made from (``doc.text`` unless normalisation changed it)."""
    return doc.user_data.get(ORIGINAL_KEY, doc.text)


def offset_map(doc: Doc) -> OffsetMap:
    """The map from character offsets of ``doc.text`` into :func:`original_text` of ``doc``.

    Compute it once per Doc (it costs one pass over the text) and call ``.span(start, end)``
    for each span.
    """
    original = doc.user_data.get(ORIGINAL_KEY)
    if original is None:
        return OffsetMap.identity(len(doc.text))
    return normalise_with_offsets(original)[1]


def original_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The span of :func:`original_text` that ``doc.text[start:end]`` came from (one span;
    for many spans of one Doc use :func:`offset_map` once)."""
    return offset_map(doc).span(start, end)


def load_pipeline(
    *,
    fix_typos: bool = True,
    lexicon_path: str | None = None,
    lexicon_extend: bool = True,
    max_length: int | None = None,
) -> Language:
    """``spacy.blank("fi")`` plus the Voikko lemmatizer component.

    ``lexicon_path`` adds a user lexicon (TSV like ``data/lexicon.tsv``) to the default one, or
    replaces it with ``lexicon_extend=False``; ``max_length`` is the piece size in which longer
    texts are tokenised (default :data:`CHUNK_CHARS`; ``nlp.max_length`` itself is lifted). The
    tokenizer is a :class:`DoorTokenizer`: every text is normalised first.
    """
    nlp = spacy.blank("fi")
    component = nlp.add_pipe(
        FACTORY,
        config={
            "fix_typos": fix_typos,
            "lexicon_path": None if lexicon_path is None else str(lexicon_path),
            "lexicon_extend": lexicon_extend,
        },
    )
    component.initialize()  # reads the lexicon now: a bad user lexicon is an error here
    if nlp.tokenizer.token_match is None:
        # spaCy's affix splitting is quadratic on some very long runs without spaces
        # ("STM:n:ää:" * 10,000 takes 30 s); such a run is junk and stays one token.
        nlp.tokenizer.token_match = _LONG_RUN.match
    return install_door(nlp, max_length)


def default_pipeline() -> Language:
    """The shared default pipeline (built once per process, thread-safely)."""
    nlp = _DEFAULT.get("fi")
    if nlp is None:
        with _DEFAULT_LOCK:
            nlp = _DEFAULT.get("fi")
            if nlp is None:
                nlp = _DEFAULT["fi"] = load_pipeline()
    return nlp


def as_text(value: Any, index: int | None = None) -> str:
    """``value`` as text: missing values become '', numbers their ``str``; bytes are errors."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _has_surrogate(value) else value
    if isinstance(value, bytes | bytearray | memoryview):
        where = f" at position {index}" if index is not None else ""
        raise InputTextError(
            f"expected text{where}, got {type(value).__name__} {bytes(value)[:40]!r}; "
            "decode it first, e.g. value.decode('utf-8')"
        )
    if type(value).__name__ in {"NAType", "NaTType"}:
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        if isinstance(value, numbers.Real) and math.isnan(float(value)):
            return ""
        return str(value)
    where = f" at position {index}" if index is not None else ""
    raise InputTextError(f"expected text{where}, got {type(value).__name__}: {value!r:.80}")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def door_pieces(text: str, limit: int) -> tuple[str, list[str]]:
    """``text`` normalised at the door, and its pieces for spaCy's tokenizer
    (:func:`split_long_text`)."""
    normalised = normalise(text) if text else text
    return normalised, split_long_text(normalised, limit)


def split_long_text(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters: after the last line or sentence
    end in the second half of a piece, else at its last whitespace, else hard.

    The pieces joined give ``text`` back exactly; the cost is linear in ``len(text)``.
    """
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for m in _CUT.finditer(text, start + limit // 2, end):
            cut = m.start()
        if cut < 0:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        cut = end if cut <= start else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _component(nlp: Language) -> VoikkoLemmatizerComponent:
    return nlp.get_pipe(FACTORY)  # type: ignore[return-value]


def iter_docs(
    texts: Iterable[Any],
    nlp: Language | None = None,
    *,
    batch_size: int = 256,
    n_process: int = 1,
    form_counts: Mapping[str, int] | None = None,
) -> Iterator[Doc]:
    """Processed Docs for ``texts``, one per text, in order (missing values give empty Docs).

    Each text is normalised, and a text longer than the door's ``chunk_chars`` goes through the
    whole pipeline in pieces that are joined into one Doc (see the module docstring); ``nlp``
    gets a :class:`DoorTokenizer` if it has none. ``form_counts`` (lower-cased word-form counts
    of the corpus) re-rank typo fixes in a single process; with ``n_process > 1`` each batch's
    own counts are used instead.
    """
    nlp = install_door(nlp or default_pipeline())
    limit = nlp.tokenizer.chunk_chars
    use_counts = form_counts is not None and n_process == 1
    originals: dict[int, str] = {}

    # in this process, pieces (normalised, short enough) go to spaCy's tokenizer directly
    tokenize = nlp.tokenizer.tokenizer if n_process == 1 else None

    def items() -> Iterator[tuple[Any, tuple[int, int]]]:
        for i, value in enumerate(texts):
            text = as_text(value, i)
            normalised, pieces = door_pieces(text, limit)
            if normalised is not text:
                originals[i] = text
            for piece, line_start in lines(pieces):
                if tokenize is None:
                    yield piece, (i, len(pieces))
                    continue
                doc = tokenize_piece(tokenize, piece, line_start)
                if use_counts:
                    doc.user_data[FORM_COUNTS_KEY] = form_counts
                yield doc, (i, len(pieces))

    pending: list[Doc] = []
    stream = nlp.pipe(items(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (index, n_pieces) in stream:
        if n_pieces > 1:
            pending.append(doc)
            if len(pending) < n_pieces:
                continue
            doc = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
        original = originals.pop(index, None)
        if original is not None:
            doc.user_data[ORIGINAL_KEY] = original
        yield doc


def make_docs(texts: Iterable[Any], nlp: Language | None = None, **kwargs: Any) -> list[Doc]:
    """``list(iter_docs(texts, nlp, **kwargs))``: one normalised Doc per text, any length."""
    return list(iter_docs(texts, nlp, **kwargs))


def count_forms(texts: Sequence[str], nlp: Language | None = None) -> Counter[str]:
    """Lower-cased counts of the alphabetic word forms of ``texts`` (tokeniser only)."""
    nlp = install_door(nlp or default_pipeline())
    tokenizer = nlp.tokenizer
    by_orth: Counter[int] = Counter()
    arrays: list[Any] = []
    for text in texts:
        arrays.append(tokenizer(text).to_array(ORTH))
        if len(arrays) >= _COUNT_BATCH:
            _count_orths(arrays, by_orth)
    _count_orths(arrays, by_orth)
    return _forms_of(by_orth, nlp)


_COUNT_BATCH = 4096
_LEMMA_OF = attrgetter("lemma")


def _count_orths(arrays: list[Any], by_orth: Counter[int]) -> None:
    """Add the token counts of ``arrays`` (ORTH ids) to ``by_orth`` and empty the list."""
    if arrays:
        found, n = numpy.unique(numpy.concatenate(arrays), return_counts=True)
        by_orth.update(dict(zip(found.tolist(), n.tolist(), strict=True)))
        arrays.clear()


def _forms_of(by_orth: Counter[int], nlp: Language) -> Counter[str]:
    """The lower-cased counts of the alphabetic forms among token counts by ORTH id."""
    strings = nlp.vocab.strings
    counts: Counter[str] = Counter()
    for orth, n in by_orth.items():
        form = strings[orth]
        if form.isalpha():  # spaCy's is_alpha and lower_ of the form
            counts[form.lower()] += n
    return counts


def _direct(nlp: Language, n_process: int) -> bool:
    """Whether :func:`lemmatize` may run the lemmatizer on the tokenizer's words itself (the
    lemmas the pipeline would set): a single process, and a pipeline of the door and our
    component alone, which raises its errors."""
    if n_process != 1 or nlp.pipe_names != [FACTORY]:
        return False
    return _component(nlp).get_error_handler() is raise_error


def _direct_lemmas(
    texts: list[str], nlp: Language, batch_size: int, corpus_counts: bool
) -> list[list[str]]:
    """:func:`lemmatize` without Docs: each text's pieces tokenised once (their words also
    give the corpus counts), then lemmatised in batches as the component does."""
    install_door(nlp)
    tokenize = nlp.tokenizer.tokenizer
    limit = nlp.tokenizer.chunk_chars
    lemmatizer = _component(nlp).lemmatizer
    fix = lemmatizer.typos is not None and lemmatizer.fix_typos
    strings = nlp.vocab.strings
    keep = _Kept(nlp.vocab)
    by_orth: Counter[int] = Counter()
    arrays: list[Any] = []
    sentences: list[list[str]] = []
    n_pieces: list[int] = []
    for text in texts:
        _normalised, pieces = door_pieces(text, limit)
        n_pieces.append(len(pieces))
        for piece, line_start in lines(pieces):
            orths = tokenize_piece(tokenize, piece, line_start).to_array(ORTH)
            if fix and corpus_counts:
                arrays.append(orths)
                if len(arrays) >= _COUNT_BATCH:
                    _count_orths(arrays, by_orth)
            sentences.append(form_texts(orths.tolist(), strings))
    counts = None
    if fix and corpus_counts:
        _count_orths(arrays, by_orth)
        counts = FrozenCounts(_forms_of(by_orth, nlp))
    lemmas: list[list[str]] = []
    for start in range(0, len(sentences), batch_size):
        batch = sentences[start : start + batch_size]
        with no_gc_pause():
            lemmatizer.prefetch(batch)
            for words in batch:
                results = lemmatizer.lemmatize_words(words)
                if counts:
                    results = lemmatizer.recheck_sentence(words, results, counts)
                lemmas.append(list(compress(map(_LEMMA_OF, results), map(keep.__getitem__, words))))
    out: list[list[str]] = []
    at = 0
    for n in n_pieces:
        out.append(lemmas[at] if n == 1 else [x for part in lemmas[at : at + n] for x in part])
        at += n
    return out


class _Kept(dict[str, bool]):
    """Form -> whether its token keeps a lemma (not a space or punctuation), looked up in
    ``vocab`` once per form."""

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> bool:
        lexeme = self.vocab[word]
        kept = self[word] = not (lexeme.is_space or lexeme.is_punct)
        return kept


def lemmatize(
    texts: Iterable[Any],
    nlp: Language | None = None,
    *,
    n_process: int = 1,
    batch_size: int = 256,
    corpus_counts: bool = True,
) -> list[list[str]]:
    """Lemmas of each text (punctuation and spaces left out), one list per text, in order.

    Missing, empty and whitespace-only texts give ``[]``. ``n_process > 1`` runs spaCy's
    multiprocessing (worth it from some thousands of texts). ``corpus_counts`` lets the word
    forms of the whole input re-rank typo fixes. In one process with a pipeline of the
    lemmatizer alone (the default), no Docs are made: the lemmatizer runs on the tokenizer's
    words, which gives the lemmas the pipeline would set, about twice as fast.
    """
    reject_single_text(texts, "lemmatize")
    nlp = nlp or default_pipeline()
    cleaned = [as_text(t, i) for i, t in enumerate(texts)]
    if _direct(nlp, n_process):
        return _direct_lemmas(cleaned, nlp, batch_size, corpus_counts)
    counts = None
    if corpus_counts and n_process == 1 and _component(nlp).lemmatizer.fix_typos:
        counts = FrozenCounts(count_forms(cleaned, nlp))
    docs = iter_docs(cleaned, nlp, batch_size=batch_size, n_process=n_process, form_counts=counts)
    return [[t.lemma_ for t in doc if not (t.is_space or t.is_punct)] for doc in docs]


def lemmatize_tokens(
    sentences: Sequence[Sequence[str]],
    *,
    mark_compounds: bool = False,
    nlp: Language | None = None,
) -> list[list[str]]:
    """Lemmas for pre-tokenised sentences, exactly one per input token.

    With ``mark_compounds=True`` a compound's lemma marks its parts with '#' as UD Finnish does
    ("perhe#keskus"). Missing tokens (None/NaN) give ''; each token is normalised first. The
    tokens of all sentences are the corpus counts that re-rank typo fixes.
    """
    nlp = nlp or default_pipeline()
    lemmatizer = _component(nlp).lemmatizer
    cleaned: list[list[str]] = []
    for i, sentence in enumerate(sentences):
        if isinstance(sentence, str | bytes):
            raise InputTextError(
                f"sentence at position {i} is a {type(sentence).__name__} {sentence[:40]!r}, "
                "not a sequence of tokens"
            )
        cleaned.append([normalise(as_text(w, i)) for w in sentence])
    counts = FrozenCounts(Counter(w.lower() for s in cleaned for w in s if w.isalpha()))
    out = []
    for words, results in zip(cleaned, lemmatizer.lemmatize_sentences(cleaned), strict=True):
        results = lemmatizer.recheck_sentence(words, results, counts)
        out.append([r.marked_lemma if mark_compounds else r.lemma for r in results])
    return out


__all__ = [
    "CHUNK_CHARS",
    "ORIGINAL_KEY",
    "DoorTokenizer",
    "as_text",
    "count_forms",
    "default_pipeline",
    "door_pieces",
    "install_door",
    "iter_docs",
    "lemmatize",
    "lemmatize_tokens",
    "load_pipeline",
    "make_docs",
    "offset_map",
    "original_span",
    "original_text",
    "split_long_text",
]
