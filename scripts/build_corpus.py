"""Merge the labelled corpus files into ``corpus/answers.csv`` with a fixed train/test split.

Inputs (``corpus/labelled/``): ``team_written_a.csv``, ``team_written_b.csv``,
``team_written_c.csv`` (texts written by the team to cover the codes, origin ``team-written``;
c is in the style of news and reports), ``report_highlights.csv`` (the real
open-answer highlights of the 2026 Kuntaliitto report, origin ``report-2026-highlight``) and
``report_prose.csv`` (real published sentences about the cooperation quoted in that report,
origin ``report-2026-prose``).

The split is deterministic: the report highlights and report prose are all ``test`` (real
text, kept out of training so that they measure generalisation); team-written rows are grouped
by their rarest code (or polarity when they have none), ordered by a SHA-1 hash of their id
within the group, and every fifth row of each group goes to ``test`` (≈ 80/20, stratified by
code).

Usage: python scripts/build_corpus.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "corpus" / "labelled"
OUT = ROOT / "corpus" / "answers.csv"
SOURCES = (
    "team_written_a.csv",
    "team_written_b.csv",
    "team_written_c.csv",
    "report_highlights.csv",
    "report_prose.csv",
)
COLUMNS = ["id", "text", "areas", "mechanisms", "polarity", "question", "style", "origin"]
HIGHLIGHT_ORIGIN = "report-2026-highlight"
PROSE_ORIGIN = "report-2026-prose"
TEST_ORIGINS = {HIGHLIGHT_ORIGIN, PROSE_ORIGIN}  # real text: always test, never trained on
TEST_EVERY = 5


def _hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()


def _codes(value: str) -> list[str]:
    return [c.strip() for c in str(value).split(";") if c.strip()]


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
    counts = Counter(c for col in ("areas", "mechanisms") for v in df[col] for c in _codes(v))
    split = pd.Series("train", index=df.index)
    keys = {}
    for i, row in df.iterrows():
        if row["origin"] in TEST_ORIGINS:
            split[i] = "test"
            continue
        codes = _codes(row["areas"]) + _codes(row["mechanisms"])
        group = min(codes, key=lambda c: (counts[c], c)) if codes else f"pol:{row['polarity']}"
        keys[i] = (group, _hash(row["id"]))
    by_group: dict[str, list[tuple[str, int]]] = {}
    for i, (group, h) in keys.items():
        by_group.setdefault(group, []).append((h, i))
    for members in by_group.values():
        for k, (_h, i) in enumerate(sorted(members)):
            if k % TEST_EVERY == TEST_EVERY // 2:
                split[i] = "test"
    return split


def validate(df: pd.DataFrame) -> list[str]:
    from vastausanalyysi.themes.codebook import POLARITIES, load_codebook

    cb = load_codebook()
    problems = []
    for _, row in df.iterrows():
        for col, ids in (("areas", cb.areas), ("mechanisms", cb.mechanisms)):
            bad = [c for c in _codes(row[col]) if c not in ids]
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
    counts = Counter(c for col in ("areas", "mechanisms") for v in df[col] for c in _codes(v))
    print(f"{len(df)} answers; split {df['split'].value_counts().to_dict()}")
    print(f"origins {df['origin'].value_counts().to_dict()}")
    print("codes", dict(sorted(counts.items())))
    rare = {c: n for c, n in counts.items() if n < 20}
    if rare:
        print(f"WARNING codes with fewer than 20 answers: {rare}", file=sys.stderr)
    if not args.check:
        df.to_csv(OUT, index=False)
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
