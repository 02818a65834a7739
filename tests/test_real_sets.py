"""The labels of the real evaluation sets (``corpus/real_sets``): ours only, never the text.

The statements are third-party text and stay out of the repository; each row keeps the page's
address, the SHA-1 and length of the statement and the helper's labels (``real_sets/README.md``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from documents import MEASUREMENTS, README, flat
from vastausanalyysi.schema import POLARITIES
from vastausanalyysi.themes.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted((ROOT / "corpus" / "real_sets").glob("realdev*.csv"))
COLUMNS = ["id", "source_url", "text_sha1", "text_chars", "areas", "mechanisms", "polarity",
           "register"]  # fmt: skip


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_eleven_sets_of_759_statements_from_305_pages() -> None:
    frames = [_read(p) for p in SETS]
    assert [p.stem for p in SETS] == [f"realdev{n}" for n in range(17, 28)]
    assert sum(len(f) for f in frames[:6]) == 478
    assert pd.concat(frames[:6])["source_url"].nunique() == 182
    later = {6: (76, 34), 7: (46, 17), 8: (67, 30), 9: (68, 30), 10: (24, 12)}  # realdev23–27
    for k, (statements, pages) in later.items():
        assert len(frames[k]) == statements and frames[k]["source_url"].nunique() == pages
        # each built from pages no earlier set used
        assert not set(frames[k]["source_url"]) & set(pd.concat(frames[:k])["source_url"])
    assert sum(len(f) for f in frames) == 759
    assert pd.concat(frames)["source_url"].nunique() == 305
    # as the documents say (the sets' history is in docs/measurements.md, their figures in the
    # README's Themes)
    record = flat(MEASUREMENTS)
    assert "realdev17–22: 478 statements from 182 further pages" in record
    assert "realdev23: 76 statements from 34 further pages" in record
    readme = flat(README)
    assert "realdev17–22 are the 358 of their 478 statements" in readme
    assert "| realdev23 (80 % neutral) | 76 |" in readme and "| realdev24 | 46 |" in readme
    sets_readme = " ".join((ROOT / "corpus" / "real_sets" / "README.md").read_text().split())
    assert "478 statements from 182 public pages" in sets_readme
    assert "76 statements from 34 further pages" in sets_readme
    assert "46 statements from 17 further pages" in sets_readme
    assert "67 statements from 30 further pages" in sets_readme
    assert "68 statements from 30 further pages" in sets_readme
    assert "24 statements from 12 further pages" in sets_readme


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_a_set_keeps_labels_and_hashes_but_no_text(path: Path) -> None:
    df = _read(path)
    assert list(df.columns) == COLUMNS  # no column of text
    assert df["id"].is_unique
    assert df["text_sha1"].str.fullmatch(r"[0-9a-f]{40}").all()
    assert (df["text_chars"].astype(int) > 0).all()
    assert df["source_url"].str.match(r"https?://").all()
    codebook = load_codebook()
    for layer, known in (("areas", codebook.areas), ("mechanisms", codebook.mechanisms)):
        used = {c for cell in df[layer] for c in cell.split(";") if c}
        assert used <= set(known), (layer, used - set(known))
    assert set(df["polarity"]) <= set(POLARITIES)


def test_no_set_uses_a_page_kept_for_the_held_out_evaluation() -> None:
    found = [b / "shared" / "data" / "reserved_sources.txt" for b in ROOT.parents]
    reserved = next((p for p in found if p.is_file()), None)
    assert reserved is not None, "shared/data/reserved_sources.txt not found beside the repository"
    lines = reserved.read_text(encoding="utf-8").splitlines()

    def norm(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url).split("?")[0].rstrip("/")

    kept = {norm(line) for line in lines if line.startswith("http")}
    used = {norm(u) for p in SETS for u in _read(p)["source_url"]}
    assert kept and not used & kept
