"""Evaluate the lemmatizer on a UD treebank (CoNLL-U with gold lemmas).

``python -m vastausanalyysi.nlp.evaluation FILE.conllu [--errors N] [--json]`` (or the CLI's
``vastausanalyysi evaluate lemmas FILE.conllu``) prints

* lemma accuracy: every syntactic word (punctuation included), lemmas compared lower-cased with the
  '#' compound marks removed;
* compound recall: of the gold compounds (a '#' in the gold lemma), the share whose marked lemma we
  give exactly (same '#' boundaries, lower-cased);
* compound precision: of the words we mark with '#', the share that are compounds in gold;
* throughput in tokens per second (a first, cold pass over the file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vastausanalyysi.errors import VastausanalyysiError


@dataclass(slots=True)
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str = "_"
    feats: str = "_"


def read_conllu(path: str | Path) -> list[list[Word]]:
    """Sentences of syntactic words (multi-word token lines "1-2" and empty nodes "1.1" are
    skipped). A file that is not UTF-8, a token line without the ten tab-separated fields of
    CoNLL-U, or a file without any token line is an error naming the file (and line)."""
    if not Path(path).is_file():
        raise VastausanalyysiError(f"no such CoNLL-U file: {str(path)!r}")
    sentences: list[list[Word]] = []
    current: list[Word] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    if current:
                        sentences.append(current)
                        current = []
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 10:
                    raise VastausanalyysiError(
                        f"{str(path)!r} line {number}: a CoNLL-U token line has 10 tab-separated "
                        f"fields, this one {len(cols)}: {line[:60]!r}"
                    )
                if not cols[0].isdigit():  # "1-2" multi-word token, "1.1" empty node
                    continue
                current.append(Word(cols[1], cols[2], cols[3], cols[5]))
    except UnicodeDecodeError as exc:
        raise VastausanalyysiError(
            f"{str(path)!r} is not UTF-8 (byte {exc.start}); CoNLL-U files are UTF-8"
        ) from None
    if current:
        sentences.append(current)
    if not sentences:
        raise VastausanalyysiError(f"{str(path)!r} has no CoNLL-U token lines")
    return sentences


def normalise(lemma: str) -> str:
    """The scoring form of a lemma: lower-cased, '#' removed."""
    return lemma.lower().replace("#", "")


@dataclass(slots=True)
class LemmaScores:
    """Results of :func:`score_lemmas`."""

    tokens: int = 0
    correct: int = 0
    gold_compounds: int = 0
    compounds_exact: int = 0
    predicted_compounds: int = 0
    predicted_compounds_correct: int = 0
    seconds: float = 0.0
    errors: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.tokens if self.tokens else 0.0

    @property
    def compound_recall(self) -> float:
        return self.compounds_exact / self.gold_compounds if self.gold_compounds else 0.0

    @property
    def compound_precision(self) -> float:
        if not self.predicted_compounds:
            return 0.0
        return self.predicted_compounds_correct / self.predicted_compounds

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def as_dict(self, n_errors: int = 0) -> dict:
        out = {
            "tokens": self.tokens,
            "lemma_accuracy": round(self.accuracy, 4),
            "gold_compounds": self.gold_compounds,
            "compound_recall": round(self.compound_recall, 4),
            "predicted_compounds": self.predicted_compounds,
            "compound_precision": round(self.compound_precision, 4),
            "tokens_per_second": round(self.tokens_per_second),
        }
        if n_errors:
            out["errors"] = [
                {"form": f, "gold": g, "predicted": p, "count": c}
                for (f, g, p), c in self.errors.most_common(n_errors)
            ]
        return out


def score_lemmas(gold: Sequence[Sequence[Word]], predicted: Sequence[Sequence[str]]) -> LemmaScores:
    """Compare marked predicted lemmas with the gold sentences (see the module docstring)."""
    scores = LemmaScores()
    for sentence, lemmas in zip(gold, predicted, strict=True):
        for word, lemma in zip(sentence, lemmas, strict=True):
            scores.tokens += 1
            gold_lemma = word.lemma
            if normalise(lemma) == normalise(gold_lemma):
                scores.correct += 1
            else:
                scores.errors[(word.form, gold_lemma, lemma)] += 1
            gold_compound = "#" in gold_lemma
            if gold_compound:
                scores.gold_compounds += 1
                if lemma.lower() == gold_lemma.lower():
                    scores.compounds_exact += 1
            if "#" in lemma:
                scores.predicted_compounds += 1
                scores.predicted_compounds_correct += gold_compound
    return scores


def evaluate_lemmas(path: str | Path) -> LemmaScores:
    """Lemmatise a CoNLL-U file's words with the default pipeline and score the result."""
    from vastausanalyysi.nlp.pipeline import lemmatize_tokens

    gold = read_conllu(path)
    words = [[w.form for w in sentence] for sentence in gold]
    start = time.perf_counter()
    predicted = lemmatize_tokens(words, mark_compounds=True)
    seconds = time.perf_counter() - start
    scores = score_lemmas(gold, predicted)
    scores.seconds = seconds
    return scores


def _iter_report(scores: LemmaScores, n_errors: int) -> Iterator[str]:
    yield f"tokens               {scores.tokens}"
    yield f"lemma accuracy       {scores.accuracy:.4f}"
    yield (
        f"compound recall      {scores.compound_recall:.4f}"
        f"  ({scores.compounds_exact}/{scores.gold_compounds} gold compounds exact)"
    )
    yield (
        f"compound precision   {scores.compound_precision:.4f}"
        f"  ({scores.predicted_compounds_correct}/{scores.predicted_compounds} marked)"
    )
    yield f"tokens/s (cold)      {scores.tokens_per_second:,.0f}"
    if n_errors:
        yield ""
        yield "most frequent errors (count, form, gold, predicted):"
        for (form, gold, pred), count in scores.errors.most_common(n_errors):
            yield f"{count:5d}  {form}\t{gold}\t{pred}"


def format_report(scores: LemmaScores, n_errors: int = 0, *, as_json: bool = False) -> str:
    """The scores as the text that ``evaluate lemmas`` prints (JSON with ``as_json``)."""
    if as_json:
        return json.dumps(scores.as_dict(n_errors), ensure_ascii=False, indent=2)
    return "\n".join(_iter_report(scores, n_errors))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m vastausanalyysi.nlp.evaluation FILE``; returns the exit status (2 on a
    :class:`~vastausanalyysi.errors.VastausanalyysiError`, as the CLI does)."""
    parser = argparse.ArgumentParser(
        prog="python -m vastausanalyysi.nlp.evaluation",
        description="Lemma and compound accuracy of the lemmatizer on a CoNLL-U file.",
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show the N top errors")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        scores = evaluate_lemmas(args.file)
    except VastausanalyysiError as exc:
        print(f"vastausanalyysi: error: {exc}", file=sys.stderr)
        return 2
    print(format_report(scores, args.errors, as_json=args.json))
    return 0


__all__ = [
    "LemmaScores",
    "Word",
    "evaluate_lemmas",
    "format_report",
    "main",
    "normalise",
    "read_conllu",
    "score_lemmas",
]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
