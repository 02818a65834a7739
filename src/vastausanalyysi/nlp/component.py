"""The spaCy component: ``nlp.add_pipe("vastausanalyysi_lemmatizer")``.

:class:`VoikkoLemmatizerComponent` sets ``token.lemma_`` and the extensions of
:mod:`vastausanalyysi.nlp.extensions` on every token with a
:class:`~vastausanalyysi.nlp.lemmatizer.Lemmatizer`.

Like spaCy's own components, it reads its data in :meth:`~VoikkoLemmatizerComponent.initialize`
(the lexicon, with the user lexicon named by ``lexicon_path``; the lemma model; the decision
table; the typo fixer's word lists); the first document processed initialises it if nobody did.
``nlp.to_disk(path)`` saves that data with the pipeline and ``spacy.load(path)`` restores it from
there, so a saved pipeline no longer needs the user lexicon file it was built from.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.util import SimpleFrozenList
from spacy.util import from_bytes as spacy_from_bytes
from spacy.util import from_disk as spacy_from_disk
from spacy.util import to_bytes as spacy_to_bytes
from spacy.util import to_disk as spacy_to_disk
from spacy.vocab import Vocab

from vastausanalyysi.nlp.decision_table import DecisionTable, load_table, parse_table, table_text
from vastausanalyysi.nlp.disambiguation import Disambiguator, load_model
from vastausanalyysi.nlp.extensions import ANALYZER_KEY, register_extensions, set_annotations
from vastausanalyysi.nlp.heap import no_gc_pause
from vastausanalyysi.nlp.lemmatizer import Lemmatizer
from vastausanalyysi.nlp.lexicon import Lexicon, LexiconEntry, load_lexicon
from vastausanalyysi.nlp.typos import TypoCorrector
from vastausanalyysi.nlp.voikko import get_analyzer

FACTORY = "vastausanalyysi_lemmatizer"
#: ``doc.user_data`` key under which a caller may put corpus form counts for the typo fixer.
FORM_COUNTS_KEY = "vastausanalyysi_form_counts"
#: The format of the component's saved data (the ``cfg`` file of its folder).
FORMAT = "vastausanalyysi-lemmatizer/1"

# The component's saved data: one text per file of its folder (also the keys of to_bytes).
_CFG = "cfg"
_LEXICON = "lexicon.jsonl"
_TABLE = "lemma_table.tsv"
_MODEL = "lemma_model.json"
_TYPO_WORDS = "typo_words.json"


def form_counts(docs: Iterable[Doc]) -> Counter[str]:
    """Lower-cased counts of the alphabetic word forms in ``docs`` (for typo re-ranking)."""
    return Counter(t.lower_ for doc in docs for t in doc if t.is_alpha)


class VoikkoLemmatizerComponent(Pipe):
    """spaCy component: sets lemmas and the Voikko extensions on every token.

    Typo fixes are re-ranked by corpus form counts only if a caller put them in
    ``doc.user_data[FORM_COUNTS_KEY]`` (``va.lemmatize`` does, for the whole input); otherwise a
    Doc's result depends on its own text only, never on the batch it shares (``nlp(text)`` and
    :meth:`pipe` agree whatever the batch size).
    """

    def __init__(
        self,
        vocab: Vocab,
        name: str = FACTORY,
        *,
        fix_typos: bool = True,
        lexicon_path: str | None = None,
        lexicon_extend: bool = True,
        lemmatizer: Lemmatizer | None = None,
    ) -> None:
        """Settings only: the data is read by :meth:`initialize` (or comes from
        :meth:`from_disk`), unless a ready ``lemmatizer`` is given."""
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.cfg: dict[str, Any] = {
            "fix_typos": fix_typos,
            "lexicon_path": lexicon_path,
            "lexicon_extend": lexicon_extend,
        }
        self._lemmatizer: Lemmatizer | None = None
        self._where: tuple[str, str | None] | None = None
        if lemmatizer is not None:
            self.lemmatizer = lemmatizer

    @property
    def lemmatizer(self) -> Lemmatizer:
        """The lemmatizing engine (built by :meth:`initialize` when first needed)."""
        if self._lemmatizer is None:
            self.initialize()
        return self._lemmatizer  # type: ignore[return-value]

    @lemmatizer.setter
    def lemmatizer(self, lemmatizer: Lemmatizer) -> None:
        self._lemmatizer = lemmatizer
        analyzer = lemmatizer.analyzer
        where = (analyzer.language, analyzer.path)
        # token._.analyses asks the process-wide analyzer of these settings
        self._where = None if where == ("fi", get_analyzer().path) else where

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
        lexicon_extend: bool | None = None,
    ) -> None:
        """Read the data: the lexicon (the default one, extended or replaced by the user lexicon
        ``lexicon_path``), and the shipped lemma model, decision table and typo word lists.

        ``lexicon_path`` and ``lexicon_extend`` default to the component's settings (the
        factory's config); ``nlp.initialize()`` calls this, and so does the first document
        processed by a component nobody initialised.
        """
        if lexicon_path is not None:
            self.cfg["lexicon_path"] = str(lexicon_path)
        if lexicon_extend is not None:
            self.cfg["lexicon_extend"] = lexicon_extend
        lexicon = load_lexicon(self.cfg["lexicon_path"], extend=self.cfg["lexicon_extend"])
        self.lemmatizer = _build(self.cfg["fix_typos"], lexicon, load_model(), load_table())

    # -- processing ----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc."""
        try:
            return self._annotate(doc, None)
        except Exception as exc:
            self.get_error_handler()(self.name, self, [doc], exc)
            return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate ``stream`` in batches (a batch shares the Voikko calls, not the results).

        The garbage collector is paused while a batch is taken from the stream (tokenised) and
        annotated (see :func:`~vastausanalyysi.nlp.heap.no_gc_pause`).
        """
        docs = iter(stream)
        while True:
            with no_gc_pause():  # the whole batch at once (the collector runs between batches)
                batch = list(islice(docs, batch_size))
                if not batch:
                    return
                try:
                    lemmatizer = self.lemmatizer
                    tokens = [list(doc) for doc in batch]
                    words = [
                        form_texts(list(map(_ORTH_OF, toks)), doc.vocab.strings)
                        for doc, toks in zip(batch, tokens, strict=True)
                    ]
                    lemmatizer.prefetch(words)  # Voikko on the batch's new forms, all at once
                    lemma_ids: dict[str, int] = {}  # the batch's lemmas (see set_annotations)
                    done = [
                        self._annotate(doc, None, w, t, lemma_ids)
                        for doc, w, t in zip(batch, words, tokens, strict=True)
                    ]
                except Exception as exc:
                    self.get_error_handler()(self.name, self, batch, exc)
                    continue
            yield from done

    def _annotate(
        self,
        doc: Doc,
        batch_counts: Mapping[str, int] | None,
        words: list[str] | None = None,
        tokens: list[Token] | None = None,
        lemma_ids: dict[str, int] | None = None,
    ) -> Doc:
        lemmatizer = self.lemmatizer
        counts = doc.user_data.pop(FORM_COUNTS_KEY, None) or batch_counts
        if words is None:
            words = [t.text for t in doc]
        results = lemmatizer.lemmatize_words(words)
        if counts:
            results = lemmatizer.recheck_sentence(words, results, counts)
        if self._where is not None:
            doc.user_data[ANALYZER_KEY] = self._where
        set_annotations(doc, results, tokens, lemma_ids)
        return doc

    # -- serialisation -------------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the component's data into the folder ``path`` (see :meth:`from_disk`)."""
        texts = self._texts()
        writers = {key: _writer(text) for key, text in texts.items()}
        spacy_to_disk(path, writers, exclude)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> VoikkoLemmatizerComponent:
        """Restore the data saved by :meth:`to_disk` (no user lexicon file is read)."""
        texts: dict[str, str] = {}

        def reader(key: str) -> Callable[[Path], None]:
            def read(file: Path) -> None:
                if file.is_file():
                    texts[key] = file.read_text(encoding="utf-8")

            return read

        spacy_from_disk(path, {key: reader(key) for key in _KEYS}, exclude)
        self._restore(texts)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The component's data as bytes (see :meth:`from_bytes`)."""
        texts = self._texts()
        return spacy_to_bytes(
            {key: (lambda text=text: text) for key, text in texts.items()}, exclude
        )

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> VoikkoLemmatizerComponent:
        """Restore the data of :meth:`to_bytes`."""
        texts: dict[str, str] = {}
        setters = {key: (lambda text, key=key: texts.__setitem__(key, text)) for key in _KEYS}
        spacy_from_bytes(bytes_data, setters, exclude)
        self._restore(texts)
        return self

    def _texts(self) -> dict[str, str]:
        """The data the lemmatizer uses, one text per saved file."""
        lemmatizer = self.lemmatizer
        cfg = {"format": FORMAT, **self.cfg, "fix_typos": lemmatizer.fix_typos}
        typos = lemmatizer.typos
        words = ""
        if typos is not None:
            words = json.dumps(
                {"domain_words": sorted(typos.domain_words), "general": dict(typos.general)},
                ensure_ascii=False,
            )
        return {
            _CFG: json.dumps(cfg, ensure_ascii=False, indent=2),
            _LEXICON: "".join(
                json.dumps(dataclasses.asdict(entry), ensure_ascii=False) + "\n"
                for entry in lemmatizer.lexicon
            ),
            _MODEL: json.dumps(lemmatizer.disambiguator.model, ensure_ascii=False),
            _TABLE: "" if lemmatizer.table is None else table_text(lemmatizer.table),
            _TYPO_WORDS: words,
        }

    def _restore(self, texts: Mapping[str, str]) -> None:
        """Build the lemmatizer from saved texts (what is missing is read as by initialize)."""
        if _CFG in texts:
            saved = json.loads(texts[_CFG])
            self.cfg.update({k: v for k, v in saved.items() if k in self.cfg})
        if _LEXICON in texts:
            records = [json.loads(line) for line in texts[_LEXICON].splitlines() if line]
            lexicon = Lexicon(_entry(record) for record in records)
        else:
            lexicon = load_lexicon(self.cfg["lexicon_path"], extend=self.cfg["lexicon_extend"])
        model = json.loads(texts[_MODEL]) if _MODEL in texts else load_model()
        table = parse_table(texts[_TABLE].splitlines()) if _TABLE in texts else load_table()
        words = json.loads(texts[_TYPO_WORDS]) if texts.get(_TYPO_WORDS) else None
        self.lemmatizer = _build(self.cfg["fix_typos"], lexicon, model, table, words)


_ORTH_OF = attrgetter("orth")
_FORMS: dict[int, str] = {}  # ORTH id -> token text (see form_texts)
_FORMS_SIZE = 500_000


def form_texts(orths: Sequence[int], strings: StringStore) -> list[str]:
    """The text of each ORTH id (``strings[orth]``), with one ``str`` per form kept for the
    process (an id is the hash of its text in every vocab, so it always names that text)."""
    words = list(map(_FORMS.get, orths))
    if None in words:
        for i, word in enumerate(words):
            if word is None:
                orth = orths[i]
                word = words[i] = strings[orth]
                if len(_FORMS) < _FORMS_SIZE:
                    _FORMS[orth] = word
    return words  # type: ignore[return-value]


_KEYS = (_CFG, _LEXICON, _TABLE, _MODEL, _TYPO_WORDS)


def _build(
    fix_typos: bool,
    lexicon: Lexicon,
    model: dict[str, Any],
    table: DecisionTable,
    typo_words: Mapping[str, Any] | None = None,
) -> Lemmatizer:
    """A lemmatizer on the process-wide Voikko analyzer with this data (``typo_words``: the typo
    fixer's ``domain_words`` and ``general`` lists, None = the shipped ones)."""
    analyzer = get_analyzer()
    typos = None
    if fix_typos:
        typos = TypoCorrector(analyzer, **typo_words) if typo_words else TypoCorrector(analyzer)
    return Lemmatizer(
        analyzer=analyzer,
        disambiguator=Disambiguator(model=model, analyzer=analyzer),
        lexicon=lexicon,
        fix_typos=fix_typos,
        typos=typos,
        table=table if len(table) else False,
    )


def _entry(record: Mapping[str, Any]) -> LexiconEntry:
    return LexiconEntry(**{**record, "parts": tuple(record["parts"])})


def _writer(text: str) -> Callable[[Path], None]:
    def write(file: Path) -> None:
        file.write_text(text, encoding="utf-8")

    return write


@Language.factory(
    FACTORY,
    assigns=[
        "token.lemma",
        "token._.compound_parts",
        "token._.analyses",
        "token._.is_known",
        "token._.corrected_from",
        "token._.lemma_marked",
    ],
    default_config={"fix_typos": True, "lexicon_path": None, "lexicon_extend": True},
)
def make_lemmatizer(
    nlp: Language,
    name: str,
    fix_typos: bool,
    lexicon_path: str | None,
    lexicon_extend: bool = True,
) -> VoikkoLemmatizerComponent:
    """Create the Voikko lemmatizer component (``nlp.add_pipe("vastausanalyysi_lemmatizer")``).

    ``lexicon_path`` names a user lexicon (TSV, see ``data/lexicon.tsv``) that extends the
    default one, or replaces it with ``lexicon_extend=False``; ``fix_typos`` turns typo fixes off.
    The lexicon is read by :meth:`VoikkoLemmatizerComponent.initialize`.
    """
    return VoikkoLemmatizerComponent(
        nlp.vocab,
        name,
        fix_typos=fix_typos,
        lexicon_path=lexicon_path,
        lexicon_extend=lexicon_extend,
    )


__all__ = [
    "ANALYZER_KEY",
    "FACTORY",
    "FORMAT",
    "FORM_COUNTS_KEY",
    "VoikkoLemmatizerComponent",
    "form_counts",
    "form_texts",
    "make_lemmatizer",
]
