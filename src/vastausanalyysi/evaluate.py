"""Old home of the lemma evaluation, now :mod:`vastausanalyysi.nlp.evaluation` (re-exported here).

``python -m vastausanalyysi.evaluate lemmas FILE [--errors N] [--json]`` still runs it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from vastausanalyysi.nlp.evaluation import (
    LemmaScores,
    Word,
    evaluate_lemmas,
    format_report,
    normalise,
    read_conllu,
    score_lemmas,
)
from vastausanalyysi.nlp.evaluation import main as _evaluation_main


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m vastausanalyysi.evaluate lemmas FILE``: the lemma evaluation's own main."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["lemmas"]:
        args = args[1:]
    return _evaluation_main(args)


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
