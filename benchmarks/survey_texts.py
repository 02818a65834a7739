"""Survey-like answers for the benchmarks: non-repeating recombinations of real-looking clauses.

Clauses come from ``corpus/answers.csv`` (team-written and published text, see
``corpus/README.md``) or from the sentences of a UD Finnish treebank (``.conllu``, given by path;
CC BY-SA, not stored in this repository). Each answer joins one to three clauses drawn with a
fixed seed, has 5 to 40 words, and appears once. Team-written.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "answers.csv"
_SPLIT = re.compile(r"(?<=[.!?;,])\s+")


def _corpus_clauses(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    return [c.strip() for t in texts for c in _SPLIT.split(t) if len(c.split()) >= 2]


def _conllu_clauses(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            out.extend(c.strip() for c in _SPLIT.split(line[9:]) if len(c.split()) >= 2)
    return out


def survey_answers(n: int, source: Path | None = None, seed: int = 12) -> list[str]:
    """``n`` distinct answers of 5-40 words (clauses of ``source``, the corpus by default)."""
    path = source or CORPUS
    clauses = _conllu_clauses(path) if path.suffix == ".conllu" else _corpus_clauses(path)
    clauses = sorted(set(clauses))
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > 50 * n + 1000:
            raise ValueError(f"{path} has too few clauses for {n} distinct answers")
        k = rng.choice((1, 2, 2, 3))
        parts = rng.sample(clauses, k)
        text = " ".join(p if p[-1] in ".!?,;" else p + "." for p in parts[:-1]) + " " + parts[-1]
        text = text.strip()
        words = len(text.split())
        if not 5 <= words <= 40 or text in seen:
            continue
        seen.add(text)
        out.append(text)
    return out
