"""Themes: the codebook, the rule tagger with evidence, polarity and the trainable classifier.

Layout, lowest first (each module imports only those above it in this list):

- ``codes``: the codebook's types (``Codebook``, ``Code``, ``PolarityLexicon``), ``norm_term``
- ``codebook``: ``load_codebook``: the default codebook, extended or replaced by a user's file
- ``table``: a Doc's token table (rows, offsets, memo), a plain class that can be weakly referenced
- ``tokens``: the token table: what the rules read off each token of a Doc, once per Doc
- ``phrases``: multi-word phrases compiled once and matched through an index of first keys
- ``evaluative``: the evaluative lexicon beyond the codebook's and its derivation rules
- ``negation_scope``: which tokens are negations and what each denies
- ``clauses``: clause split, negation, goal and need scopes, computed once per Doc
- ``cues``: the rules that find a clause's works and problem cues
- ``polarity``: rule polarity of a text, the kind of question, the polarity model's features
- ``mechanism_context``: mechanism frames that need a word's case or person, and a sentence block
- ``mechanism_senses``: blocks for mechanism words in another sense (a firm's deal, a skill)
- ``mechanism_topics``: blocks for mechanism words that name a topic, not the way of cooperating
- ``rules``: ``RuleTagger``, codebook patterns over lemmas and compound parts, with evidence
- ``features``: the classifier's features (lemmas, compound parts, rule codes) and TF-IDF
- ``calibration``: Platt scaling and the per-code thresholds
- ``model``: ``ThemeClassifier`` (scikit-learn conventions; JSON + NPZ files, no pickle)
- ``shipped``: the shipped model and ``resolve_model`` (what a ``model=`` argument means)
- ``prediction``: ``combine``, rules + model per Doc: codes, polarity and evidence
- ``labels``: code and polarity cells as coders write them; ``TrainingSummary``
- ``training``: ``train`` on hand-coded answers; ``evaluation``: ``evaluate`` (P/R/F1)
- ``batch``: options, setup once per process, repeats tagged once, the process pool
- ``tagger``: ``tag()``, the public entry point
- ``partitions``: ``tag_stream`` (frames in, frames out) and Dask's ``tag_partition``/``tag_meta``

Public names are re-exported here lazily, so that importing one module (say ``codebook``) does
not load scikit-learn or spaCy.
"""

from __future__ import annotations

from vastausanalyysi._lazy import lazy_attributes

# public name -> module (under vastausanalyysi.themes) that defines it
_EXPORTS: dict[str, str] = {
    "REQUIRED_AREAS": "codebook",
    "Code": "codes",
    "Codebook": "codes",
    "LinkedItems": "codes",
    "PolarityLexicon": "codes",
    "SurveyItem": "codes",
    "default_codebook_path": "codebook",
    "load_codebook": "codebook",
    "PolarityResult": "polarity",
    "polarity_of": "polarity",
    "question_kind": "polarity",
    "rule_polarity": "polarity",
    "RuleResult": "rules",
    "RuleTagger": "rules",
    "ThemeClassifier": "model",
    "default_model": "shipped",
    "resolve_model": "shipped",
    "combine": "prediction",
    "train": "training",
    "Evaluation": "evaluation",
    "evaluate": "evaluation",
    "score": "evaluation",
    "OUTPUT_COLUMNS": "tagger",
    "tag": "tagger",
    "tag_meta": "partitions",
    "tag_partition": "partitions",
    "tag_stream": "partitions",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_attributes(
    globals(), {name: (f"{__name__}.{module}", name) for name, module in _EXPORTS.items()}
)
