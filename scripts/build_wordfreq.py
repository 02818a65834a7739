"""Build the general Finnish lemma frequency list shipped as package data.

Usage::

    python scripts/build_wordfreq.py OUT.tsv FILE.conllu [FILE.conllu ...]

Counts lower-cased lemmas (compound marks '#' removed) of the syntactic words in the given CoNLL-U
files, leaving out punctuation, symbols, numbers and proper nouns, and writes ``lemma<TAB>count``
lines, most frequent first, below a header naming the sources and their licences. The shipped list
was built from UD_Finnish-FTB (dev + test, CC BY 4.0) and UD_Finnish-TDT dev (CC BY-SA 4.0); never
from UD_Finnish-TDT test, which is kept for evaluation.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

SKIP_UPOS = {"PUNCT", "SYM", "NUM", "PROPN", "X"}
LICENCES = {
    "ftb": "UD_Finnish-FTB, CC BY 4.0 (FIN-CLARIN, https://universaldependencies.org/)",
    "tdt": "UD_Finnish-TDT, CC BY-SA 4.0 (TurkuNLP, https://universaldependencies.org/)",
}


def count_lemmas(paths: list[Path]) -> Counter[str]:
    """Lemma counts over the syntactic words of ``paths``."""
    counts: Counter[str] = Counter()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or not cols[0].isdigit():  # multi-word tokens, empty nodes
                    continue
                lemma, upos = cols[2].replace("#", "").lower(), cols[3]
                if upos in SKIP_UPOS or not any(ch.isalpha() for ch in lemma) or "\t" in lemma:
                    continue
                counts[lemma] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("conllu", type=Path, nargs="+")
    args = parser.parse_args(argv)
    for path in args.conllu:
        if "tdt-ud-test" in path.name:
            parser.error(f"{path} is the TDT test set, kept for evaluation; leave it out")
    counts = count_lemmas(args.conllu)
    sources = sorted({key for key in LICENCES for p in args.conllu if key in p.name.lower()})
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# General Finnish lemma frequencies for re-ranking spelling suggestions.\n")
        out.write(
            f"# Built by scripts/build_wordfreq.py from: {', '.join(p.name for p in args.conllu)}\n"
        )
        for key in sources:
            out.write(f"# Source: {LICENCES[key]}\n")
        out.write("# Format: lemma<TAB>count (lower-cased, '#' compound marks removed)\n")
        for lemma, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{lemma}\t{n}\n")
    print(f"{len(counts)} lemmas, {sum(counts.values())} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
