"""CPU time of one long answer against the same amount of text in ten answers (issue 8).

Texts are corpus answers (corpus/answers.csv) recombined in a seeded random order into answers
of a given length. The whole corpus is tagged once first, so that the word caches are warm for
both sides alike; then one 100,000-character answer and ten 10,000-character answers are tagged
(each side twice, alternating; the smaller time of each is reported) and, unless ``--quick``,
one 1,000,000-character answer. Usage::

    PYTHONPATH=src python benchmarks/bench_long_answers.py [--quick] [--unpunctuated]
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

import pandas as pd

import vastausanalyysi as va

ROOT = Path(__file__).resolve().parents[1]


def long_answer(sentences: list[str], length: int, seed: int, mark: str = ".") -> str:
    """Corpus answers in a random order, joined until the text is ``length`` characters long,
    each ending in ``mark`` (with ``--unpunctuated`` none: one sentence of thousands of
    clauses, the worst case for the rules that look along a sentence)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < length:
        s = rng.choice(sentences).strip().rstrip(".!?") + mark
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)[:length]


def cpu(texts: list[str]) -> tuple[float, pd.DataFrame]:
    start = time.process_time()
    out = va.tag(texts)
    return time.process_time() - start, out


def main() -> None:
    corpus = pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)
    sentences = [t for t in corpus["text"] if len(t) > 20]
    va.tag(corpus["text"].tolist())  # warm: pipeline, model, word caches
    mark = "" if "--unpunctuated" in sys.argv else "."
    if not mark:  # no sentence ends anywhere
        sentences = [re.sub(r"[.!?]+(\s|$)", r"\1", t) for t in sentences]
    one = [long_answer(sentences, 100_000, 1, mark)]
    ten = [long_answer(sentences, 10_000, 100 + i, mark) for i in range(10)]
    t_one, t_ten = [], []
    for _ in range(2):
        t_ten.append(cpu(ten)[0])
        t_one.append(cpu(one)[0])
    ratio = min(t_one) / min(t_ten)
    print(f"ten 10,000-character answers: {min(t_ten):.2f} s CPU (runs {t_ten})")
    print(f"one 100,000-character answer: {min(t_one):.2f} s CPU (runs {t_one})")
    print(f"ratio {ratio:.2f} (issue 8 asks for at most 3)")
    if "--quick" not in sys.argv:
        huge = long_answer(sentences, 1_000_000, 7, mark)
        t_huge, out = cpu([huge])
        row = out.iloc[0]
        print(
            f"one 1,000,000-character answer: {t_huge:.2f} s CPU, "
            f"{len(row['areas'])} areas, {len(row['mechanisms'])} mechanisms, "
            f"polarity {row['polarity']}, language {row['language']!r}"
        )


if __name__ == "__main__":
    main()
