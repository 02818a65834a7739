"""The Finnish language layer: the only package that touches Voikko and spaCy.

Modules, lowest first:

* ``voikko`` — the Voikko analyzer (one cached handle per thread) and its readings;
* ``candidates`` — the lemma candidates of a form (Voikko's base forms plus UD conventions);
* ``reading_rules`` — rules over the ranker where two readings collide systematically
  (possessive suffixes, "-sta" heads, "kohtaa" after a subject);
* ``disambiguation`` — the lemma model's ranker that picks one candidate in context;
* ``decision_table`` — precomputed context-free results for the training data's forms;
* ``lexicon`` — the domain lexicon (shipped TSV plus user files);
* ``typos`` — conservative typo fixes for words Voikko does not know;
* ``lemmatizer`` — the lemmatizing engine (:class:`Lemmatizer`, a plain Python class);
* ``extensions`` — the token extensions and the one fast way to write their values;
* ``component`` — the spaCy component ``vastausanalyysi_lemmatizer`` and its factory;
* ``pipeline`` — building the pipeline, text coercion (``as_text``), ``lemmatize`` APIs;
* ``normalise`` — the one normalisation at the door (NFC, invisible characters) with an offset map;
* ``pii`` — masking personal data (a package; its ``evaluation`` scores a masker on a PII set);
* ``language`` — fi/sv/en/other per answer; ``evaluation`` — lemma accuracy on a CoNLL-U
  treebank.

The public names below are imported lazily (importing the package loads neither spaCy nor
Voikko).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vastausanalyysi._lazy import lazy_attributes

# public name -> module (under vastausanalyysi.nlp) that defines it
_EXPORTS: dict[str, str] = {
    "Analysis": "voikko",
    "VoikkoAnalyzer": "voikko",
    "get_analyzer": "voikko",
    "Disambiguator": "disambiguation",
    "load_model": "disambiguation",
    "DecisionTable": "decision_table",
    "load_table": "decision_table",
    "Lexicon": "lexicon",
    "LexiconEntry": "lexicon",
    "load_lexicon": "lexicon",
    "TypoCorrector": "typos",
    "Lemmatizer": "lemmatizer",
    "WordLemma": "lemmatizer",
    "FACTORY": "component",
    "VoikkoLemmatizerComponent": "component",
    "make_lemmatizer": "component",
    "as_text": "pipeline",
    "count_forms": "pipeline",
    "default_pipeline": "pipeline",
    "iter_docs": "pipeline",
    "lemmatize": "pipeline",
    "lemmatize_tokens": "pipeline",
    "load_pipeline": "pipeline",
    "split_long_text": "pipeline",
    "make_docs": "pipeline",
    "install_door": "pipeline",
    "original_text": "pipeline",
    "offset_map": "pipeline",
    "original_span": "pipeline",
    "normalise": "normalise",
    "normalise_with_offsets": "normalise",
    "OffsetMap": "normalise",
    "detect_language": "language",
    "PiiMasker": "pii",
    "mask_pii": "pii",
    "evaluate_lemmas": "evaluation",
    "read_conllu": "evaluation",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from vastausanalyysi.nlp.component import (  # noqa: F401
        FACTORY,
        VoikkoLemmatizerComponent,
        make_lemmatizer,
    )
    from vastausanalyysi.nlp.decision_table import DecisionTable, load_table  # noqa: F401
    from vastausanalyysi.nlp.disambiguation import Disambiguator, load_model  # noqa: F401
    from vastausanalyysi.nlp.evaluation import evaluate_lemmas, read_conllu  # noqa: F401
    from vastausanalyysi.nlp.language import detect_language  # noqa: F401
    from vastausanalyysi.nlp.lemmatizer import Lemmatizer, WordLemma  # noqa: F401
    from vastausanalyysi.nlp.lexicon import Lexicon, LexiconEntry, load_lexicon  # noqa: F401
    from vastausanalyysi.nlp.normalise import (  # noqa: F401
        OffsetMap,
        normalise,
        normalise_with_offsets,
    )
    from vastausanalyysi.nlp.pii import PiiMasker, mask_pii  # noqa: F401
    from vastausanalyysi.nlp.pipeline import (  # noqa: F401
        as_text,
        count_forms,
        default_pipeline,
        install_door,
        iter_docs,
        lemmatize,
        lemmatize_tokens,
        load_pipeline,
        make_docs,
        offset_map,
        original_span,
        original_text,
        split_long_text,
    )
    from vastausanalyysi.nlp.typos import TypoCorrector  # noqa: F401
    from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer  # noqa: F401


__getattr__, __dir__ = lazy_attributes(
    globals(), {name: (f"{__name__}.{module}", name) for name, module in _EXPORTS.items()}
)
