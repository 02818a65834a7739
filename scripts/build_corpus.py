"""Merge the labelled corpus files into ``corpus/answers.csv`` with a fixed train/test split.

Inputs (``corpus/labelled/``): ``team_written_a.csv``, ``team_written_b.csv``,
``team_written_c.csv``, ``team_written_d.csv``, ``team_written_e.csv``, ``team_written_f.csv``
(texts written by the team to cover the codes, origin ``team-written``; c and d are in the style
of news and reports, e mixes registers and the error types of issue 11, f is in the register of
real published prose), ``report_highlights.csv`` (the real
open-answer highlights of the 2026 Kuntaliitto report, origin ``report-2026-highlight``),
``report_prose.csv`` (real published sentences about the cooperation quoted in that report,
origin ``report-2026-prose``) and ``blind_published.csv`` (published-style sentences written
blind by a teammate): only its **odd ids** (the dev half, whose errors were read) are merged,
with origin ``team-written-blind-dev``, always ``train``; its even ids (the holdout half) are
left out of ``answers.csv`` entirely and stay a separate holdout. ``heldout_dev.csv`` (the
held-out dev set of issue 11) is never merged. ``team_written_g.csv`` (269 team-written sentences
in the registers of real public text) is not merged either: training on it did not raise the
mechanisms on real text and lowered real-text polarity (2026-12-06, see ``corpus/README.md``);
adding it back to :data:`SOURCES` gives it the same per-id split as the other team-written files.

The split is fixed per row, so that relabelling a row never moves another one: the report
highlights and report prose are all ``test`` (real text, kept out of training so that they
measure generalisation); a team-written row is ``test`` iff ``int(sha1(id), 16) % 5 == 0``
(≈ 80/20); a blind dev row is always ``train``. The build checks that every code occurs at
least ``MIN_TRAIN`` times in train and ``MIN_TEST`` times among the team-written test rows.

Usage: python scripts/build_corpus.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from vastausanalyysi.schema import POLARITIES, parse_codes

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "corpus" / "labelled"
OUT = ROOT / "corpus" / "answers.csv"
SOURCES = (
    "team_written_a.csv",
    "team_written_b.csv",
    "team_written_c.csv",
    "team_written_d.csv",
    "team_written_e.csv",
    "team_written_f.csv",
    "report_highlights.csv",
    "report_prose.csv",
    "blind_published.csv",
)
BLIND_FILE = "blind_published.csv"
BLIND_DEV_ORIGIN = "team-written-blind-dev"  # odd ids: read for error analysis, now trained on
COLUMNS = ["id", "text", "areas", "mechanisms", "polarity", "question", "style", "origin"]
HIGHLIGHT_ORIGIN = "report-2026-highlight"
PROSE_ORIGIN = "report-2026-prose"
TEST_ORIGINS = {HIGHLIGHT_ORIGIN, PROSE_ORIGIN}  # real text: always test, never trained on
TRAIN_ORIGINS = {BLIND_DEV_ORIGIN}  # always train (their test role is over)
TEST_EVERY = 5
MIN_TRAIN = 20  # every code at least this often in train
MIN_TEST = 8  # … and this often among the team-written test rows


def _hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()


def is_blind_holdout(row_id: str) -> bool:
    """An even id of the blind published-style set ("X002"): the holdout half."""
    return int(str(row_id)[1:]) % 2 == 0


def load_sources() -> pd.DataFrame:
    frames = []
    for name in SOURCES:
        path = LABELLED / name
        if not path.is_file():
            raise SystemExit(f"missing corpus file: {path}")
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [c for c in COLUMNS if c not in df.columns]
        if missing:
            raise SystemExit(f"{path}: missing column(s) {missing}")
        if name == BLIND_FILE:
            # the holdout half never enters the corpus; the dev half is training data now
            df = df[~df["id"].map(is_blind_holdout)].copy()
            df["origin"] = BLIND_DEV_ORIGIN
        df["source_file"] = f"labelled/{name}"
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    if "group" not in df.columns:
        df["group"] = ""
    df["group"] = df["group"].fillna("")
    dup = df["id"][df["id"].duplicated()].tolist()
    if dup:
        raise SystemExit(f"duplicate ids: {dup[:10]}")
    return df


def assign_split(df: pd.DataFrame) -> pd.Series:
    """``test`` for real text and for team-written rows whose SHA-1(id) is 0 mod 5.

    Rows of :data:`TRAIN_ORIGINS` (the blind dev half) are always ``train``.
    """
    split = pd.Series("train", index=df.index)
    for i, row in df.iterrows():
        if row["origin"] in TRAIN_ORIGINS:
            continue
        if row["origin"] in TEST_ORIGINS or int(_hash(row["id"]), 16) % TEST_EVERY == 0:
            split[i] = "test"
    return split


def split_coverage(df: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per code: (answers in train, team-written answers in test)."""
    out: dict[str, list[int]] = {}
    for _, row in df.iterrows():
        if row["origin"] in TEST_ORIGINS:
            continue
        if row["origin"] in TRAIN_ORIGINS:
            continue  # the minimum counts are about the team-written corpus
        k = 0 if row["split"] == "train" else 1
        for col in ("areas", "mechanisms"):
            for c in parse_codes(row[col]):
                out.setdefault(c, [0, 0])[k] += 1
    return {c: (n[0], n[1]) for c, n in sorted(out.items())}


def validate(df: pd.DataFrame) -> list[str]:
    from vastausanalyysi.themes.codebook import load_codebook

    cb = load_codebook()
    problems = []
    for _, row in df.iterrows():
        for col, ids in (("areas", cb.areas), ("mechanisms", cb.mechanisms)):
            bad = [c for c in parse_codes(row[col]) if c not in ids]
            if bad:
                problems.append(f"{row['id']}: unknown {col} {bad}")
        if row["polarity"] not in POLARITIES:
            problems.append(f"{row['id']}: bad polarity {row['polarity']!r}")
        if not str(row["text"]).strip():
            problems.append(f"{row['id']}: empty text")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only validate, write nothing")
    args = parser.parse_args(argv)
    df = load_sources()
    problems = validate(df)
    for p in problems:
        print("WARNING", p, file=sys.stderr)
    df["split"] = assign_split(df)
    df = df[[*COLUMNS, "group", "source_file", "split"]]
    counts = Counter(c for col in ("areas", "mechanisms") for v in df[col] for c in parse_codes(v))
    print(f"{len(df)} answers; split {df['split'].value_counts().to_dict()}")
    print(f"origins {df['origin'].value_counts().to_dict()}")
    print("codes", dict(sorted(counts.items())))
    coverage = split_coverage(df)
    print("codes (train, team-written test)", coverage)
    thin = {c: n for c, n in coverage.items() if n[0] < MIN_TRAIN or n[1] < MIN_TEST}
    if thin:
        print(f"WARNING codes below {MIN_TRAIN} train / {MIN_TEST} test: {thin}", file=sys.stderr)
        problems.append("thin codes")
    if not args.check:
        df.to_csv(OUT, index=False)
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
