"""Throughput of the lemmatizer against a plain per-token Voikko loop, in one process.

    python benchmarks/bench_lemmatizer.py PATH/fi_tdt-ud-test.conllu [--repeat 3]

* Voikko loop: a new libvoikko handle, ``[v.analyze(w) for w in words]`` and the first
  analysis's base form, no cache.
* Lemmatizer, cold: a new :class:`VoikkoAnalyzer` (new handle, empty cache) and a new
  :class:`Lemmatizer` (empty caches; the shipped model already parsed, its load time is shown
  apart), every sentence through ``lemmatize_words``.
* Lemmatizer, warm: the same objects over the same text a second time.

Each measurement is the best of ``--repeat`` runs (each cold run starts from fresh objects).
"""

from __future__ import annotations

import argparse
import time

from vastausanalyysi.evaluate import read_conllu
from vastausanalyysi.nlp.disambiguation import Disambiguator, load_model
from vastausanalyysi.nlp.lemmatizer import Lemmatizer
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, open_voikko


def voikko_loop(words: list[str]) -> float:
    handle = open_voikko()
    start = time.perf_counter()
    lemmas = []
    for w in words:
        analyses = handle.analyze(w)
        lemmas.append(analyses[0]["BASEFORM"] if analyses else w)
    seconds = time.perf_counter() - start
    handle.terminate()
    return seconds


def lemmatizer_passes(sentences: list[list[str]]) -> tuple[float, float]:
    analyzer = VoikkoAnalyzer()
    lemmatizer = Lemmatizer(analyzer=analyzer, disambiguator=Disambiguator(analyzer=analyzer))
    times = []
    for _ in range(2):
        start = time.perf_counter()
        for sentence in sentences:
            lemmatizer.lemmatize_words(sentence)
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", help="a CoNLL-U file whose word forms are the benchmark text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sentences = [[w.form for w in s] for s in read_conllu(args.conllu)]
    words = [w for s in sentences for w in s]
    n = len(words)
    start = time.perf_counter()
    load_model()
    load_seconds = time.perf_counter() - start

    loop = min(voikko_loop(words) for _ in range(args.repeat))
    runs = [lemmatizer_passes(sentences) for _ in range(args.repeat)]
    cold = min(r[0] for r in runs)
    warm = min(r[1] for r in runs)
    print(f"tokens: {n}, distinct forms: {len(set(words))}")
    print(f"model load (once per process): {load_seconds * 1000:.0f} ms")
    print(f"voikko loop        {n / loop:>10,.0f} tokens/s")
    print(f"lemmatizer, cold   {n / cold:>10,.0f} tokens/s  ({loop / cold:.2f}x the loop)")
    print(f"lemmatizer, warm   {n / warm:>10,.0f} tokens/s  ({loop / warm:.2f}x the loop)")


if __name__ == "__main__":
    main()
