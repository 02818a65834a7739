"""CPU time of the NLP layer's stages, this checkout against a reference checkout, in one run.

    python benchmarks/bench_nlp_stages.py --reference /path/to/other/checkout [--n 20000]

On the same benchmark answers (``survey_answers(n)``, see ``survey_texts.py``), each stage is
timed in a fresh subprocess per checkout (``PYTHONPATH=<checkout>/src``) that first warms up on
two other texts (pipeline, model and data loaded), then measures CPU seconds
(``time.process_time``):

* ``make_docs``: ``vastausanalyysi.nlp.make_docs(texts)`` (Docs kept, collector paused, as in
  ``va.tag``);
* ``detect_language``: ``vastausanalyysi.nlp.detect_language(texts)`` right after make_docs;
* ``lemmatize``: ``va.lemmatize(texts)`` in its own subprocess;
* ``tag``: ``va.tag(texts)`` in its own subprocess.

Runs alternate between the checkouts in rounds (``--repeat``, default 3) and the best run of each
is shown, so a slow spell of a shared machine hits both alike. Team-written.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARMUP = ["Yhteistyö perhekeskuksen kanssa toimii hyvin.", "Tiedonkulku ei toimi."]
KINDS = {"stages": ("make_docs", "detect_language"), "lemmatize": ("lemmatize",), "tag": ("tag",)}


def run_one(kind: str, n: int) -> dict[str, float]:
    """Time one kind of measurement in this process (see the module docstring)."""
    import gc
    import time

    sys.path.insert(0, str(HERE))
    from survey_texts import survey_answers

    import vastausanalyysi as va

    texts = survey_answers(n)
    out: dict[str, float] = {}
    if kind == "lemmatize":
        va.lemmatize(WARMUP)
        start = time.process_time()
        va.lemmatize(texts)
        out["lemmatize"] = time.process_time() - start
        return out
    va.tag(WARMUP)
    if kind == "tag":
        start = time.process_time()
        va.tag(texts)
        out["tag"] = time.process_time() - start
        return out
    from vastausanalyysi.nlp import default_pipeline, detect_language, make_docs

    nlp = default_pipeline()
    gc.disable()
    start = time.process_time()
    docs = make_docs(texts, nlp)
    out["make_docs"] = time.process_time() - start
    start = time.process_time()
    detect_language(texts)
    out["detect_language"] = time.process_time() - start
    del docs
    return out


def measure(checkout: Path, kind: str, n: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    cmd = [sys.executable, __file__, "--one", kind, str(n)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env, cwd=checkout)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", help="the other checkout (its src/ is used)")
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return 0
    if not args.reference:
        parser.error("--reference is required")
    checkouts = {"reference": Path(args.reference).resolve(), "this": HERE.parent}
    runs: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeat):
        for kind in args.kinds:
            for name, checkout in checkouts.items():
                for stage, secs in measure(checkout, kind, args.n).items():
                    runs.setdefault((stage, name), []).append(secs)
    print(f"# bench_nlp_stages: {args.n} answers, CPU seconds, best of {args.repeat}")
    print(f"{'stage':<17}{'reference':>10}{'this':>10}{'change':>9}")
    for kind in args.kinds:
        for stage in KINDS[kind]:
            ref, this = min(runs[stage, "reference"]), min(runs[stage, "this"])
            print(f"{stage:<17}{ref:>10.3f}{this:>10.3f}{100 * (this / ref - 1):>8.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
