"""Streamed CLI tagging at scale: peak memory, wall time and rows/s of ``vastausanalyysi tag``.

Generates N non-repeating survey-like answers (team-written clauses recombined, see
``survey_texts.py``) into a CSV in a temporary folder, runs::

    python -m vastausanalyysi tag in.csv -o out.csv --jobs 2 --chunk-size 5000 --no-evidence

in a subprocess, polls ``/proc/<pid>/status`` for the main process's peak resident memory
(``VmHWM``; the worker processes are not counted) and, at the end, reports
``resource.getrusage(RUSAGE_CHILDREN)`` (the largest peak of any process in the tree), the wall
time, rows/s, when the output file first had data, and checks that the output has every row, in
order. Usage: ``python benchmarks/bench_cli_stream.py [--n 300000] [--jobs 2] [--chunk-size 5000]``.
Team-written.

Measured 2026-12-05 on the 2-core dev machine: 300,000 answers (46.5 MiB), --jobs 2: 79.6 s
wall (3,768 rows/s), first output after 5.8 s, peak RSS of the main process 428 MiB (largest
process of the tree 428 MiB), all 300,000 rows in order. Again 2026-12-07 (first output timed on
``<out>.partial``): 85.1 s (3,525 rows/s), first output after 6.6 s, 452 MiB, all rows in order.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from survey_texts import survey_answers


def _vm_hwm(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-stream-") as tmp:
        src, out = Path(tmp) / "in.csv", Path(tmp) / "out.csv"
        texts = survey_answers(args.n)
        with src.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["respondent_id", "text"])
            writer.writerows((f"R{i:07d}", t) for i, t in enumerate(texts))
        del texts
        size = src.stat().st_size
        cmd = [
            sys.executable, "-m", "vastausanalyysi", "-q", "tag", str(src), "-o", str(out),
            "--jobs", str(args.jobs), "--chunk-size", str(args.chunk_size), "--no-evidence",
        ]  # fmt: skip
        start = time.perf_counter()
        proc = subprocess.Popen(cmd)
        peak, first_output = 0, None
        while proc.poll() is None:
            peak = max(peak, _vm_hwm(proc.pid) or 0)
            # the run appends to "<out>.partial" and renames it at the end (QA 7)
            partial = out.with_name(out.name + ".partial")
            written = [p for p in (partial, out) if p.exists() and p.stat().st_size > 0]
            if first_output is None and written:
                first_output = time.perf_counter() - start
            time.sleep(0.2)
        wall = time.perf_counter() - start
        tree_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if proc.returncode != 0:
            raise SystemExit(f"the tag command failed with status {proc.returncode}")
        with out.open(encoding="utf-8", newline="") as f:
            ids = [row["respondent_id"] for row in csv.DictReader(f)]
        in_order = ids == [f"R{i:07d}" for i in range(args.n)]
    print(f"answers: {args.n:,} ({size / 2**20:.1f} MiB CSV), --jobs {args.jobs}, "
          f"--chunk-size {args.chunk_size}, --no-evidence; {os.cpu_count()} cores")  # fmt: skip
    print(f"wall time: {wall:.1f} s, {args.n / wall:,.0f} rows/s")
    print(f"first output after: {first_output:.1f} s" if first_output else "no early output")
    print(f"peak RSS, main process (VmHWM, polled): {peak / 2**20:,.0f} MiB")
    print(f"peak RSS, largest process of the tree (getrusage): {tree_peak / 2**20:,.0f} MiB")
    print(f"output rows: {len(ids):,}; all rows in input order: {in_order}")
    if not in_order:
        raise SystemExit("output rows are missing or out of order")


if __name__ == "__main__":
    main()
