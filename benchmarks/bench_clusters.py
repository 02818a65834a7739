"""Clustering against tagging on the same statements, in one process; stability and agreement.

    python benchmarks/bench_clusters.py PATH/fi_tdt-ud-dev.conllu PATH/fi_tdt-ud-test.conllu \
        [--n 20000] [--repeat 3] [--corpus corpus/answers.csv] [--large 100000]

* Statements: the treebank sentences of the given CoNLL-U files (read at run time, nothing is
  copied), and, to reach ``--n`` statements, windows of 6–12 words cut from them (each window
  stays inside its sentence; a window is a distinct statement). UD Finnish-TDT is CC BY-SA 4.0.
* Reference: ``va.tag`` of the statements (Voikko lemmas in spaCy, rules, the shipped model).
* Clustering: ``va.cluster_statements(tagged)`` and ``(tagged, split=True)`` (codes, compound
  parts, automatic k). Tagging and both clusterings run ``--repeat`` times (default 3) in turn,
  in this one process: CPU time (``time.process_time``, what a busy shared machine distorts
  least) and wall time, median of the runs, and the clustering's CPU time over the tagging's.
  The first tagging fills the lemmatiser's caches, so the later ones tag faster than new
  statements would; the first run's figures are printed too. Peak memory of one more run of
  each under ``tracemalloc`` (Python and NumPy allocations of that step alone; the loaded
  spaCy/Voikko models are not counted). Also: clusters, largest cluster share, adjusted Rand
  index between seeds 0 and 1 and between the input and a shuffled order.
* ``--large N``: clustering alone of N statements (e.g. 100,000) made of windows of the tagged
  treebank statements' lemmas and codes (``split=False``, no tagging): time and peak memory.
* ``--corpus``: on the labelled corpus, per set (the real report rows, origin ``report-2026-*``;
  the team-written rows, development data only) and per representation (with the tagged codes,
  text only): AMI against the coders' single area (rows coded with exactly one area) for seeds
  0–4, the lowest ARI between any two seeds and the ARI between the input and a shuffled order.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score

import vastausanalyysi as va
from vastausanalyysi.nlp.evaluation import read_conllu


def treebank_statements(paths: list[Path], n: int) -> list[str]:
    sentences = [[w.form for w in s] for p in paths for s in read_conllu(p)]
    out = [" ".join(s) for s in sentences]
    seen = set(out)
    for size in (8, 6, 10, 12, 7, 9, 11):
        for stride in (4, 3):
            for words in sentences:
                for start in range(0, max(len(words) - size, 0) + 1, stride):
                    if len(out) >= n:
                        return out
                    window = " ".join(words[start : start + size])
                    if window not in seen:
                        seen.add(window)
                        out.append(window)
    return out


def clusters_of(result: va.Clustering, index: pd.Index) -> pd.Series:
    """The cluster of each input row's first statement (rows without one: -2)."""
    first = result.assignments.drop_duplicates("source_index").set_index("source_index")
    return first["cluster"].reindex(index).fillna(-2).astype(int)


def large_frame(tagged: pd.DataFrame, n: int) -> pd.DataFrame:
    """``n`` distinct statements: windows of 4–12 lemmas of the tagged statements, their codes."""
    rows, seen = [], set()
    records = tagged[["lemmas", "areas", "mechanisms", "polarity"]].to_dict("records")
    for size in range(4, 13):
        for start in range(0, 40):
            for rec in records:
                window = rec["lemmas"][start : start + size]
                key = " ".join(window)
                if len(window) == size and key not in seen:
                    seen.add(key)
                    rows.append({**rec, "lemmas": window, "text": key})
                    if len(rows) >= n:
                        frame = pd.DataFrame(rows)
                        frame["respondent_id"] = [f"r{i}" for i in range(len(frame))]
                        return frame
    raise SystemExit(f"only {len(rows)} distinct windows; ask for fewer statements")


def bench_large(tagged: pd.DataFrame, n: int) -> None:
    frame = large_frame(tagged, n)
    start = time.perf_counter()
    result = va.cluster_statements(frame)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    va.cluster_statements(frame)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    share = result.clusters.loc[result.clusters["cluster"] >= 0, "share"].max()
    print(
        f"clustering alone, {len(frame)} statements: {seconds:.1f} s, peak {peak / 2**20:.0f} MB, "
        f"{result.n_clusters} clusters, largest share {share:.1%}"
    )


DEFAULT, SPLIT = "clustering (va.cluster_statements)", "clustering, split=True"


def _timed(step: Callable[[], Any]) -> tuple[Any, float, float]:
    """The step's result, its CPU time and its wall time (seconds)."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = step()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def _peak(step: Callable[[], Any]) -> float:
    """Peak traced memory of the step (MB), from a start at zero."""
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def bench_scale(paths: list[Path], n: int, repeat: int = 3) -> pd.DataFrame:
    texts = treebank_statements(paths, n)
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    va.tag(frame.head(20))  # load the models before timing
    va.cluster_statements(va.tag(frame.head(200)))
    steps: dict[str, Callable[[pd.DataFrame], Any]] = {
        "tagging (va.tag), reference": lambda _: va.tag(frame),
        DEFAULT: lambda t: va.cluster_statements(t),
        SPLIT: lambda t: va.cluster_statements(t, split=True),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    tagged, results = frame, {}
    for _ in range(repeat):
        for name, step in steps.items():
            out, cpu, wall = _timed(partial(step, tagged))
            times[name].append((cpu, wall))
            if name.startswith("tagging"):
                tagged = out
            else:
                results[name] = out
    peaks = {name: _peak(partial(step, tagged)) for name, step in steps.items()}
    tag_cpu = float(np.median([c for c, _ in times["tagging (va.tag), reference"]]))
    tag_first = times["tagging (va.tag), reference"][0][0]
    print(f"{len(texts)} treebank statements, {repeat} runs of each step in turn, one process")
    print(
        "| step | CPU s (median) | wall s (median) | CPU s, first run | CPU / tagging "
        "(median; first runs) | peak memory (MB) | clusters | largest cluster |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, runs in times.items():
        cpu = float(np.median([c for c, _ in runs]))
        wall = float(np.median([w for _, w in runs]))
        cells = ["", "", ""]
        if name in results:
            result = results[name]
            clusters = result.clusters[result.clusters["cluster"] >= 0]
            cells = [
                f"{cpu / tag_cpu:.2f}; {runs[0][0] / tag_first:.2f}",
                str(result.n_clusters),
                f"{clusters['share'].max():.1%}",
            ]
        print(
            f"| {name} | {cpu:.2f} | {wall:.2f} | {runs[0][0]:.2f} | {cells[0]} | "
            f"{peaks[name]:.0f} | {cells[1]} | {cells[2]} |"
        )
    for split in (False, True):
        result = results[SPLIT if split else DEFAULT]
        other_seed = va.cluster_statements(tagged, split=split, random_state=1)
        shuffled = va.cluster_statements(tagged.sample(frac=1.0, random_state=1), split=split)
        labels = clusters_of(result, tagged.index)
        print(
            f"split={split}: {len(result.assignments)} statements; ARI seed 0 vs 1: "
            f"{adjusted_rand_score(labels, clusters_of(other_seed, tagged.index)):.3f}; "
            f"ARI input vs shuffled: "
            f"{adjusted_rand_score(labels, clusters_of(shuffled, tagged.index)):.3f}; "
            f"silhouette x stability by k: "
            + ", ".join(
                f"{k}: {result.silhouettes.get(k, float('nan')) * result.stability[k]:.3f}"
                for k in sorted(result.stability)
                if k % 5 == 0 or k == max(result.stability)
            )
        )
    return tagged


def bench_agreement(corpus: Path) -> None:
    answers = pd.read_csv(corpus, keep_default_na=False)
    answers["respondent_id"] = answers["id"]
    coded = answers["areas"]
    tagged = va.tag(answers.drop(columns=["areas", "mechanisms", "polarity"]))
    tagged.index = answers["id"]
    coded.index = answers["id"]
    sets = {
        "real (report-2026 highlights + prose)": answers["origin"].str.startswith("report-2026"),
        "team-written (development)": answers["origin"] == "team-written",
    }
    print(
        "| data | features | rows | single-area rows | k | AMI mean | AMI min | "
        "ARI seeds min | ARI shuffled |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, mask in sets.items():
        rows = tagged[mask.to_numpy()]
        single = coded[rows.index].str.split(";").map(len).eq(1) & coded[rows.index].ne("")
        for features, data in (
            ("text + codes", rows),
            ("text only", rows.drop(columns=["areas", "mechanisms"])),
        ):
            runs = [
                va.cluster_statements(data, split=False, random_state=seed) for seed in range(5)
            ]
            labels = [clusters_of(r, rows.index) for r in runs]
            amis = [
                adjusted_mutual_info_score(coded[rows.index][single], lab[single]) for lab in labels
            ]
            aris = [
                adjusted_rand_score(labels[a], labels[b]) for a in range(5) for b in range(a + 1, 5)
            ]
            shuffled = va.cluster_statements(
                data.sample(frac=1.0, random_state=1), split=False, random_state=0
            )
            shuffle_ari = adjusted_rand_score(labels[0], clusters_of(shuffled, rows.index))
            print(
                f"| {name} | {features} | {len(rows)} | {int(single.sum())} | "
                f"{runs[0].n_clusters} | {np.mean(amis):.3f} | {np.min(amis):.3f} | "
                f"{min(aris):.3f} | {shuffle_ari:.3f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("conllu", nargs="+", type=Path, help="UD Finnish CoNLL-U files")
    parser.add_argument("--n", type=int, default=20_000, help="number of statements")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step, in turn")
    parser.add_argument("--large", type=int, help="also cluster this many lemma windows alone")
    parser.add_argument("--corpus", type=Path, help="labelled answers.csv for AMI and ARI")
    args = parser.parse_args()
    tagged = bench_scale(args.conllu, args.n, args.repeat)
    if args.large:
        bench_large(tagged, args.large)
    if args.corpus is not None:
        bench_agreement(args.corpus)


if __name__ == "__main__":
    main()
