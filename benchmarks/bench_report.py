"""The report at scale: ``vastausanalyysi report`` against ``vastausanalyysi tag`` on the same rows.

Generates N non-repeating survey-like answers (team-written clauses recombined, see
``survey_texts.py``) with a job title and a municipality per respondent (so the report has
groups and counties) into a CSV in a temporary folder, then runs, each in a fresh subprocess::

    python -m vastausanalyysi tag in.csv -o tagged.jsonl -q
    python -m vastausanalyysi report in.csv --out report/ -q

and prints their wall time, CPU time (user + system) and peak
resident memory (``os.wait4``: the run's own), and the report's time as a multiple of tagging
the same rows (the report tags them too, then summarises, masks, clusters and writes HTML,
Markdown, XLSX and the tagged JSONL). ``--src PATH`` runs another checkout's ``src`` as the
reference too (e.g. a worktree of an earlier commit), in the same run on the same file.
Usage: ``python benchmarks/bench_report.py [--n 10000 30000] [--src PATH]``. Team-written.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from survey_texts import survey_answers

TITLES = ["sivistysjohtaja", "kunnanjohtaja", "hyvinvointikoordinaattori", "tekninen johtaja",
          "valtuuston puheenjohtaja", "perusturvajohtaja"]  # fmt: skip
TOWNS = ["Kuopio", "Tampere", "Oulu", "Espoo", "Turku", "Joensuu", "Lahti", "Vaasa",
         "Seinäjoki", "Rovaniemi"]  # fmt: skip


def write_input(path: Path, n: int) -> None:
    """``n`` respondents: id, title, municipality and one answer each."""
    rnd = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "Tehtävänimike", "Kunta", "text"])
        for i, text in enumerate(survey_answers(n)):
            writer.writerow([f"R{i:07d}", rnd.choice(TITLES), rnd.choice(TOWNS), text])


def run(args: list[str], src: str | None) -> dict[str, float]:
    """Wall and CPU seconds and peak memory (MiB) of one CLI run in a fresh subprocess."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-W", "ignore", "-m", "vastausanalyysi", *args],
                            env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)  # this run's own CPU and peak memory
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"vastausanalyysi {' '.join(args)} failed ({proc.returncode})")
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "peak": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000])
    parser.add_argument("--src", help="another checkout's src folder, run as the reference too")
    args = parser.parse_args()
    print(f"# bench_report, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'code':10} {'rows':>7} {'step':7} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} "
          f"{'x tag':>6}")  # fmt: skip
    checkouts = [("this", None)] + ([("reference", args.src)] if args.src else [])
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        for n in args.n:
            source = Path(tmp) / f"in{n}.csv"
            write_input(source, n)
            for name, src in checkouts:
                tag = run(["tag", str(source), "-o", str(Path(tmp) / "t.jsonl"), "-q"], src)
                out = Path(tmp) / f"report-{name}-{n}"
                report = run(["report", str(source), "--out", str(out), "-q"], src)
                for step, m in (("tag", tag), ("report", report)):
                    ratio = m["wall"] / tag["wall"]
                    print(f"{name:10} {n:7d} {step:7} {m['wall']:8.1f} {m['cpu']:8.1f} "
                          f"{m['peak']:9.0f} {ratio:6.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
