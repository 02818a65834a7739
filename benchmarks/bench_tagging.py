"""Throughput and memory of batch tagging against spaCy's blank tokenizer and a Voikko loop.

    python benchmarks/bench_tagging.py [--sizes 1000 10000] [--big] [--source PATH] [--jobs 2]

In one run, on the same texts (``--sizes`` answers each, non-repeating survey-like answers of
5-40 words recombined from the clauses of ``corpus/answers.csv``, or of a UD treebank's
sentences given by ``--source PATH.conllu``; see ``survey_texts.py``):

* ``blank``: ``spacy.blank("fi").tokenizer`` over every text (the reference: 100 %), timed on
  its second pass over the texts (the first one counts the tokens and fills its caches);
* ``blank cold``: the same on a new blank pipeline's first pass (new words, empty caches: what
  ``va.tag`` meets), shown for comparison; the shares stay relative to ``blank``;
* ``voikko``: a plain loop of ``libvoikko`` ``analyze`` over the blank tokenizer's word tokens
  (new handle, no cache; first analysis's base form);
* ``lemmatize``: ``va.lemmatize(texts)``;
* ``tag``: ``va.tag(texts)`` (shipped model, full evidence), and ``tag jobs=N`` with ``n_jobs``;
* ``tag pure``: ``va.tag(texts)`` on the Python sources of the modules that ``make compiled``
  builds with mypyc (``VASTAUSANALYYSI_PURE=1``; the header says whether ``tag`` ran the builds).

Each measurement runs in a fresh subprocess that first loads what it needs (pipeline, model) on
a few other texts, then times the call: CPU seconds of the process (``--clock cpu``, steadier on
a shared machine; workers' CPU is not counted, so ``jobs`` rows always use wall seconds) or wall
seconds. Peak memory is the subprocess's peak resident set (``ru_maxrss``), workers shown apart.
``--big`` adds 100,000 answers; ``--repeat N`` takes each method's best of N runs, made in
rounds over all methods (the machine's speed drifts: a slow spell then hits every method
alike). The speed-up of ``n_jobs`` is the best wall time of ``tag`` / that of
``tag jobs=N`` on the same texts; on a busy machine it is shown with the CPU seconds of the
parent and the workers, whose ratio bounds the speed-up on idle cores. ``--pair`` also runs
``tag`` twice at once, in two independent processes that share nothing: twice the single run's
wall time over the pair's is what ``N`` = 2 cores of this machine give to work with no
parallel overhead at all (the ceiling for ``n_jobs=2``: on a virtual machine two busy cores
are slower than one). Team-written.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
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
    "Kiinteistöasiat ovat edelleen auki ja vuokrat nousevat.",
]


def run_one(method: str, n: int, source: str | None, jobs: int) -> dict[str, float]:
    """Time one method on ``n`` answers in this process; returns the measurements."""
    texts = survey_answers(n, Path(source) if source else None)
    import spacy

    blank = spacy.blank("fi")
    tokens = sum(len(blank.tokenizer(t)) for t in texts)
    if method in ("blank", "blank-cold"):
        tokenizer = blank.tokenizer if method == "blank" else spacy.blank("fi").tokenizer

        def call() -> None:
            for t in texts:
                tokenizer(t)

    elif method == "voikko":
        from vastausanalyysi.nlp.voikko import open_voikko

        words = [t.text for text in texts for t in blank.tokenizer(text) if t.is_alpha]
        handle = open_voikko()

        def call() -> None:
            for w in words:
                analyses = handle.analyze(w)
                _ = analyses[0]["BASEFORM"] if analyses else w

    else:
        import vastausanalyysi as va

        if method == "lemmatize":
            va.lemmatize(WARMUP)

            def call() -> None:
                va.lemmatize(texts)

        else:
            va.tag(WARMUP)
            n_jobs = jobs if method == "tag-jobs" else 1  # "tag-pure": see measure()

            def call() -> None:
                va.tag(texts, n_jobs=n_jobs)

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    wall, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
    call()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "wall": wall,
        "cpu": cpu,
        "workers_cpu": children_cpu() - workers,
        "tokens": tokens,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _start(method: str, n: int, args: argparse.Namespace) -> subprocess.Popen[str]:
    cmd = [sys.executable, __file__, "--one", method, str(n), "--jobs", str(args.jobs)]
    if args.source:
        cmd += ["--source", args.source]
    from vastausanalyysi._compiled import PURE_ENV

    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    if method == "tag-pure":
        env[PURE_ENV] = "1"
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)


def _result(process: subprocess.Popen[str]) -> dict[str, float]:
    out, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"a measurement failed (exit status {process.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def measure(method: str, n: int, args: argparse.Namespace) -> dict[str, float]:
    """One method's measurements in a fresh subprocess."""
    return _result(_start(method, n, args))


def measure_pair(n: int, args: argparse.Namespace) -> float:
    """The longer wall time of two ``tag`` runs started at once in independent processes."""
    both = [_start("tag", n, args) for _ in range(2)]
    return max(_result(p)["wall"] for p in both)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--big", action="store_true", help="also 100,000 answers")
    parser.add_argument("--source", help="corpus CSV (default) or a UD .conllu file")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    parser.add_argument(
        "--repeat", type=int, default=1, help="best of N runs per method, in interleaved rounds"
    )
    parser.add_argument(
        "--methods",
        nargs="+",
        default=["blank", "blank-cold", "voikko", "lemmatize", "tag", "tag-pure"],
    )
    parser.add_argument(
        "--pair", action="store_true", help="also two independent tag runs at once (see above)"
    )
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.source, args.jobs)))
        return 0
    sizes = [*args.sizes, *([100_000] if args.big else [])]
    methods = [*args.methods, *(["tag-jobs"] if "tag" in args.methods and args.jobs > 1 else [])]
    from vastausanalyysi import _compiled

    print(
        f"# bench_tagging {date.today().isoformat()}, {platform.machine()}, "
        f"{platform.processor() or platform.platform()}, Python {platform.python_version()}, "
        f"clock={args.clock}, best of {args.repeat}, "
        f"source={args.source or 'corpus/answers.csv clauses'}, "
        f"compiled modules {'built and used' if _compiled.USING_COMPILED else 'NOT used'}"
    )
    header = f"{'method':<14}{'answers':>9}{'seconds':>9}{'answers/s':>11}{'tokens/s':>11}"
    print(header + f"{'% blank':>9}{'peak MB':>9}{'workers MB':>11}")
    for n in sizes:
        runs: dict[str, list[dict[str, float]]] = {m: [] for m in methods}
        pairs: list[float] = []
        for _ in range(args.repeat):  # rounds over all methods: a slow spell hits them alike
            for m in methods:
                runs[m].append(measure(m, n, args))
            if args.pair and "tag" in methods:
                pairs.append(measure_pair(n, args))
        rows = {m: min(r, key=lambda x, m=m: x["wall" if m == "tag-jobs" else args.clock])
                for m, r in runs.items()}  # fmt: skip
        ref = rows["blank"][args.clock] if "blank" in rows else None
        for m, r in rows.items():
            secs = r["wall"] if m == "tag-jobs" else r[args.clock]
            label = f"tag jobs={args.jobs}" if m == "tag-jobs" else m.replace("-", " ")
            share = f"{100 * ref / secs:8.2f}%" if ref and m != "tag-jobs" else f"{'':>9}"
            print(
                f"{label:<14}{n:>9}{secs:>9.2f}{n / secs:>11.0f}{r['tokens'] / secs:>11.0f}"
                f"{share}{r['rss_mb']:>9.0f}{r['workers_rss_mb']:>11.0f}"
            )
        if "tag-jobs" in rows:
            speedup = min(r["wall"] for r in runs["tag"]) / rows["tag-jobs"]["wall"]
            j, one = rows["tag-jobs"], rows["tag"]
            print(
                f"{'':<14}{n:>9}  n_jobs={args.jobs}: wall speed-up {speedup:.2f}x; CPU "
                f"{j['cpu']:.1f} s here + {j['workers_cpu']:.1f} s in workers vs {one['cpu']:.1f} s"
                f" (speed-up on {args.jobs} idle cores at most "
                f"{args.jobs * one['cpu'] / (j['cpu'] + j['workers_cpu']):.2f}x)"
            )
        if pairs:
            single = min(r["wall"] for r in runs["tag"])
            print(
                f"{'':<14}{n:>9}  two independent tag runs at once: {2 * single / min(pairs):.2f}x"
                f" the throughput of one ({min(pairs):.2f} s wall for both against {single:.2f} s"
                " for one alone): this machine's ceiling for 2 processes"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
