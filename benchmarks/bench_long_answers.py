"""CPU time of one long answer against the same amount of text in ten answers (issue 8).

Texts are corpus answers (corpus/answers.csv) recombined in a seeded random order into answers
of a given length. The whole corpus is tagged once first, so that the word caches are warm for
both sides alike; then one 100,000-character answer and ten 10,000-character answers are tagged
(each side twice, alternating; the smaller time of each is reported) and, unless ``--quick``,
one 1,000,000-character answer. ``--names`` puts a person's name into every fifth sentence and
also times what the CLI does after tagging: masking personal data in the tagged rows
(``mask_personal_data``: the evidence offsets move into the masked text) and clustering their
sentences (``cluster_statements(split=True)``). ``--treebank`` takes the sentences from the
bundled UD Finnish-TDT slice (``tests/data/tdt_dev_slice.conllu``: news and blog prose with many
proper names) instead of the corpus answers. Usage::

    PYTHONPATH=src python benchmarks/bench_long_answers.py [--quick] [--unpunctuated] [--names]
        [--treebank]
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


NAMES = ["Matti Virtanen", "Liisa Korhonen", "Jussi Nieminen", "Anna Mäkinen"]


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


def after_tagging(tagged: pd.DataFrame) -> tuple[float, float]:
    """CPU seconds of masking the tagged rows and of clustering their sentences."""
    from vastausanalyysi.clusters import cluster_statements
    from vastausanalyysi.workflow import mask_personal_data

    start = time.process_time()
    masked = mask_personal_data(tagged)
    mask = time.process_time() - start
    start = time.process_time()
    cluster_statements(masked, split=True)
    return mask, time.process_time() - start


def main() -> None:
    corpus = pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)
    sentences = [t for t in corpus["text"] if len(t) > 20]
    if "--treebank" in sys.argv:
        slice_ = ROOT / "tests" / "data" / "tdt_dev_slice.conllu"
        lines = slice_.read_text(encoding="utf-8").splitlines()
        sentences = [line[9:] for line in lines if line.startswith("# text = ")]
    va.tag(corpus["text"].tolist())  # warm: pipeline, model, word caches
    mark = "" if "--unpunctuated" in sys.argv else "."
    if not mark:  # no sentence ends anywhere
        sentences = [re.sub(r"[.!?]+(\s|$)", r"\1", t) for t in sentences]
    if "--names" in sys.argv:  # a name in every fifth sentence: masked parts all along
        sentences = [
            f"{NAMES[k % len(NAMES)]} kertoi: {t}" if k % 5 == 0 else t
            for k, t in enumerate(sentences)
        ]
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
    if "--names" in sys.argv:
        (m_ten, c_ten), (m_one, c_one) = after_tagging(cpu(ten)[1]), after_tagging(cpu(one)[1])
        print(f"masking: ten {m_ten:.2f} s, one {m_one:.2f} s CPU (ratio {m_one / m_ten:.2f})")
        print(f"clustering: ten {c_ten:.2f} s, one {c_one:.2f} s CPU (ratio {c_one / c_ten:.2f})")
    if "--quick" not in sys.argv:
        huge = long_answer(sentences, 1_000_000, 7, mark)
        t_huge, out = cpu([huge])
        row = out.iloc[0]
        print(
            f"one 1,000,000-character answer: {t_huge:.2f} s CPU, "
            f"{len(row['areas'])} areas, {len(row['mechanisms'])} mechanisms, "
            f"polarity {row['polarity']}, language {row['language']!r}"
        )
        if "--names" in sys.argv:
            mask, clusters = after_tagging(out)
            print(f"  then masking {mask:.2f} s, clustering {clusters:.2f} s CPU")


if __name__ == "__main__":
    main()
