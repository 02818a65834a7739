"""Throughput of the lemmatizer against a plain per-token Voikko loop, in one process.

    python benchmarks/bench_lemmatizer.py PATH/fi_tdt-ud-test.conllu [--repeat 3]

* Voikko loop: a new libvoikko handle, ``[v.analyze(w) for w in words]`` through the public
  ``libvoikko`` API and the first analysis's base form, no cache.
* Lemmatizer, cold: a new :class:`VoikkoAnalyzer` (new handle, empty cache) and a new
  :class:`Lemmatizer` and :class:`Disambiguator` (empty caches; the shipped model and its decision
  table already read, their load times are shown apart, as is the one-off build of the lexicon
  and of the typo fixer's known-word index), the whole text through the public batch API
  ``lemmatize_sentences`` (the same results as ``lemmatize_words`` per sentence; it has Voikko
  analyse the batch's new forms first, in one loop). Forms
  in the decision table (training-data forms with a context-free result) skip Voikko and the
  ranker; the table holds only forms of the training treebanks (TDT dev, FTB dev/test), never
  built from TDT test. Measured twice: the core lemmatizer (Voikko, ranker, lexicon;
  ``fix_typos=False``) and the default configuration (also typo fixes, which look for known
  words one edit away from unknown words and confirm them with Voikko).
* Lemmatizer, warm: the same objects over the same text a second time.
* spaCy component, cold and warm: the same, through the pipeline component's ``pipe`` (batches
  of 256 pre-tokenised Docs, made before the timing; a fresh :class:`Lemmatizer` as above put in
  the component of ``load_pipeline``): lemmatizing plus setting ``token.lemma_`` and the
  extensions, with each batch's form counts re-ranking typo fixes.

``lemmatize_sentences`` pauses Python's cyclic garbage collector while it runs; the collection that
a pass defers (it falls due at the next allocation after the pass) is run inside the pass's
timing, so no collector work is moved out of the measurement.

Each measurement is the best of ``--repeat`` runs (each cold run starts from fresh objects); the
runs of the loop and of the lemmatizer are interleaved, so both see the same machine state. Times
are wall-clock; ``--clock cpu`` times the process's CPU time instead (steadier when other
processes share the cores).
"""

from __future__ import annotations

import argparse
import time

from spacy.tokens import Doc

from vastausanalyysi.nlp.component import FACTORY
from vastausanalyysi.nlp.decision_table import load_table, voikko_versions
from vastausanalyysi.nlp.disambiguation import Disambiguator, load_model
from vastausanalyysi.nlp.evaluation import read_conllu
from vastausanalyysi.nlp.lemmatizer import Lemmatizer
from vastausanalyysi.nlp.pipeline import load_pipeline
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, open_voikko

clock = time.perf_counter  # --clock cpu: time.process_time (this process's CPU time)


def voikko_loop(words: list[str]) -> float:
    handle = open_voikko()
    start = clock()
    lemmas = []
    for w in words:
        analyses = handle.analyze(w)
        lemmas.append(analyses[0]["BASEFORM"] if analyses else w)
    seconds = clock() - start
    handle.terminate()
    return seconds


def lemmatizer_passes(sentences: list[list[str]], fix_typos: bool) -> tuple[float, float]:
    analyzer = VoikkoAnalyzer()
    lemmatizer = Lemmatizer(
        analyzer=analyzer, disambiguator=Disambiguator(analyzer=analyzer), fix_typos=fix_typos
    )
    times = []
    for _ in range(2):
        start = clock()
        lemmatizer.lemmatize_sentences(sentences)
        # lemmatize_sentences pauses the garbage collector; a new GC-tracked object runs, inside the
        # timing, the collection the pass would otherwise leave to whatever comes next
        _owed = set()
        times.append(clock() - start)
    return times[0], times[1]


def component_passes(sentences: list[list[str]], fix_typos: bool) -> tuple[float, float]:
    nlp = load_pipeline(fix_typos=fix_typos)
    component = nlp.get_pipe(FACTORY)
    analyzer = VoikkoAnalyzer()
    component.lemmatizer = Lemmatizer(
        analyzer=analyzer, disambiguator=Disambiguator(analyzer=analyzer), fix_typos=fix_typos
    )
    times = []
    for _ in range(2):
        docs = [Doc(nlp.vocab, words=words) for words in sentences]
        start = clock()
        for _doc in component.pipe(docs, batch_size=256):
            pass
        _owed = set()  # as in lemmatizer_passes
        times.append(clock() - start)
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", help="a CoNLL-U file whose word forms are the benchmark text")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="cpu: time this process's CPU time (steadier on a machine others are using)",
    )
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    sentences = [[w.form for w in s] for s in read_conllu(args.conllu)]
    words = [w for s in sentences for w in s]
    n = len(words)
    start = clock()
    load_model()
    load_seconds = clock() - start
    start = clock()
    table = load_table()
    voikko_versions()  # the check that the table fits the running Voikko
    table_seconds = clock() - start
    start = clock()
    probe = Lemmatizer(fix_typos=True)  # the lexicon, the typo fixer's known-word index
    setup_seconds = clock() - start

    loops, core, full, comp_core, comp_full = [], [], [], [], []
    for _ in range(args.repeat):
        loops.append(voikko_loop(words))
        core.append(lemmatizer_passes(sentences, fix_typos=False))
        full.append(lemmatizer_passes(sentences, fix_typos=True))
        comp_core.append(component_passes(sentences, fix_typos=False))
        comp_full.append(component_passes(sentences, fix_typos=True))
    loop = min(loops)
    print(f"tokens: {n}, distinct forms: {len(set(words))}")
    print(f"model load (once per process): {load_seconds * 1000:.0f} ms")
    in_table = len({w for w in words if w in table})
    print(
        f"decision table load + version check (once per process): {table_seconds * 1000:.0f} ms "
        f"({len(table)} forms; {in_table} of the text's distinct forms in it; "
        f"{'used' if probe.table is not None else 'NOT used'})"
    )
    print(f"lexicon + typo word index (once per process): {setup_seconds * 1000:.0f} ms")
    print(f"voikko loop                    {n / loop:>10,.0f} tokens/s")
    for name, runs in (
        ("lemmatizer", core),
        ("lemmatizer + typo fixes", full),
        ("component", comp_core),
        ("component + typo fixes", comp_full),
    ):
        cold = min(r[0] for r in runs)
        warm = min(r[1] for r in runs)
        print(f"{name + ', cold':<30} {n / cold:>10,.0f} tokens/s  ({loop / cold:.2f}x the loop)")
        print(f"{name + ', warm':<30} {n / warm:>10,.0f} tokens/s  ({loop / warm:.2f}x the loop)")


if __name__ == "__main__":
    main()
