"""CPU time of the theme stage (rules, rule polarity, model) against making the Docs, one run.

    python benchmarks/bench_themes.py [--sizes 3000 20000] [--source PATH]

On the same texts (non-repeating survey-like answers, see ``survey_texts.py``) this times, in
CPU seconds of this process:

* ``blank``: ``spacy.blank("fi").tokenizer`` over every text (the reference of
  ``bench_tagging.py``);
* ``docs``: the default pipeline making the Docs (``nlp.pipeline.make_docs``);
* ``themes``: :func:`~vastausanalyysi.themes.prediction.combine` on those Docs, as ``tag()``
  runs it (shipped model, probabilities), first on fresh Docs with the caches of earlier words
  empty (``themes first``), then on new Docs of the same texts (``themes again``: the words'
  rows, hits and features are known, each Doc's table is built anew).

``tag()`` spends its time in these two stages (plus language detection and shaping the
result), so ``docs`` + ``themes first`` bounds what a speed-up of either can give. The pipeline
and the model are loaded and run on a few other texts before timing. Team-written.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from survey_texts import survey_answers  # noqa: E402

WARMUP = [
    "Yhteistyö perhekeskuksen kanssa toimii hyvin.",
    "Tiedonkulku hyvinvointialueen ja kunnan välillä ei toimi.",
]


def _cpu(call) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000])
    parser.add_argument("--source", help="corpus CSV (default) or a UD .conllu file")
    args = parser.parse_args(argv)

    import spacy

    from vastausanalyysi.nlp.pipeline import make_docs
    from vastausanalyysi.themes.batch import BatchTagger, TagOptions
    from vastausanalyysi.themes.prediction import combine

    setup = BatchTagger(TagOptions(probabilities=True))
    blank = spacy.blank("fi")

    def themes(docs: list) -> list:
        return combine(docs, setup.model, setup.codebook, questions=[None] * len(docs))

    themes(make_docs(WARMUP, setup.nlp))
    print(
        f"# bench_themes {date.today().isoformat()}, {platform.machine()}, "
        f"Python {platform.python_version()}, CPU seconds, "
        f"source={args.source or 'corpus/answers.csv clauses'}"
    )
    print(f"{'stage':<14}{'answers':>9}{'seconds':>9}{'answers/s':>11}{'% blank':>9}")
    for n in args.sizes:
        texts = survey_answers(n, Path(args.source) if args.source else None)
        ref, _ = _cpu(lambda: [blank.tokenizer(t) for t in texts])  # noqa: B023
        made, docs = _cpu(lambda: make_docs(texts, setup.nlp))  # noqa: B023
        first, _ = _cpu(lambda: themes(docs))  # noqa: B023
        again_docs = make_docs(texts, setup.nlp)
        again, _ = _cpu(lambda: themes(again_docs))  # noqa: B023
        for stage, secs in (
            ("blank", ref),
            ("docs", made),
            ("themes first", first),
            ("themes again", again),
        ):
            rate = n / secs if secs else float("inf")
            print(f"{stage:<14}{n:>9}{secs:>9.2f}{rate:>11.0f}{100 * ref / secs:>8.2f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
