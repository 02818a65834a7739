"""``cluster`` with the respondents' scores beside the clusters (real reader, tagger, clustering).

The survey export is the team-written one of ``test_cli_mentions``; the expected means are
computed here from its rows and the assignments the command writes.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from test_cli_mentions import ITEM, WORKS, export_rows
from vastausanalyysi.cli import main
from vastausanalyysi.nlp.pii.pseudonyms import is_pseudonym

SCORE = f"score:{ITEM}"
OVERALL = f"overall:{ITEM}"


def write_export(path: Path, ids: dict[str, str] | None = None) -> Path:
    frame = pd.DataFrame(export_rows()).drop(columns=["_score", "_mentions"])
    if ids:
        frame["Vastaajan tunnus"] = frame["Vastaajan tunnus"].map(ids)
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def true_scores() -> dict[str, float]:
    """Respondent id -> the Likert score its export row carries (no score left out)."""
    rows = export_rows()
    return {r["Vastaajan tunnus"]: r["_score"] for r in rows if not math.isnan(r["_score"])}


def run_cluster(tmp_path: Path, source: Path, *extra: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    out, assigned = tmp_path / "clusters.csv", tmp_path / "assignments.csv"
    args = ["cluster", str(source), "-q", "-o", str(out), "--assignments", str(assigned)]
    assert main([*args, *extra]) == 0
    return pd.read_csv(out), pd.read_csv(assigned, dtype={"respondent_id": str})


def expected_means(
    assignments: pd.DataFrame, scores: dict[str, float], min_cell: int
) -> dict[int, float]:
    """Each cluster's mean over its respondents with a score (each once), NaN under min_cell."""
    out = {}
    for cluster, part in assignments.groupby("cluster"):
        values = [scores[r] for r in part["respondent_id"].unique() if r in scores]
        out[int(cluster)] = sum(values) / len(values) if len(values) >= min_cell else math.nan
    return out


@pytest.mark.parametrize("min_cell", [5, 1])
def test_export_scores_sit_beside_each_cluster(tmp_path: Path, min_cell: int) -> None:
    source = write_export(tmp_path / "kysely.csv")
    clusters, assignments = run_cluster(tmp_path, source, "--min-cell", str(min_cell))
    scores = true_scores()
    want = expected_means(assignments, scores, min_cell)
    assert len(clusters) >= 3
    for row in clusters.itertuples(index=False):
        assert clusters.loc[clusters.cluster == row.cluster, SCORE].item() == pytest.approx(
            want[row.cluster], nan_ok=True
        ), row.cluster
    assert clusters[SCORE].notna().sum() >= 2  # the big clusters have a mean
    if min_cell == 1:
        assert clusters[SCORE].notna().sum() == len(want)
    # the overall mean of every scored respondent, on every row
    overall = sum(scores.values()) / len(scores)
    assert clusters[OVERALL].tolist() == pytest.approx([overall] * len(clusters))
    # n_scored: the respondents with a score, hidden under min_cell
    for row in clusters.itertuples(index=False):
        members = assignments.loc[assignments.cluster == row.cluster, "respondent_id"].unique()
        n = sum(m in scores for m in members)
        assert row.n_scored == pytest.approx(n if n >= min_cell else math.nan, nan_ok=True)
        # each item's mean has its own n beside it (QA 6 #9; one item here, so the same)
        item_n = clusters.loc[clusters.cluster == row.cluster, f"n:{ITEM}"].item()
        assert item_n == pytest.approx(n if n >= min_cell else math.nan, nan_ok=True)


def test_personal_ids_are_pseudonyms_and_still_meet_their_scores(tmp_path: Path) -> None:
    plain_source = write_export(tmp_path / "plain.csv")
    plain, _ = run_cluster(tmp_path, plain_source)
    ids = {
        r["Vastaajan tunnus"]: f"{r['Vastaajan tunnus'].lower()}@kunta.fi" for r in export_rows()
    }
    mailed_source = write_export(tmp_path / "mailed.csv", ids)
    mailed, assignments = run_cluster(tmp_path, mailed_source)
    assert assignments["respondent_id"].map(is_pseudonym).all()
    assert "@" not in (tmp_path / "clusters.csv").read_text(encoding="utf-8")
    # the same means as with ids that are no personal data: the scores were matched
    assert mailed[SCORE].notna().sum() >= 2
    assert mailed[SCORE].tolist() == pytest.approx(plain[SCORE].tolist(), nan_ok=True)
    assert mailed["n_scored"].tolist() == pytest.approx(plain["n_scored"].tolist(), nan_ok=True)


def test_scores_file_for_a_plain_input_and_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = export_rows()
    texts = pd.DataFrame(
        {"respondent_id": [r["Vastaajan tunnus"] for r in rows], "text": [r[WORKS] for r in rows]}
    )
    source = tmp_path / "answers.csv"
    texts.to_csv(source, index=False)
    long = pd.DataFrame(
        {
            "respondent_id": list(true_scores()),
            "item": "yhteistyö",
            "value": list(true_scores().values()),
        }
    )
    scores_path = tmp_path / "scores.csv"
    long.to_csv(scores_path, index=False)
    clusters, assignments = run_cluster(tmp_path, source, "--scores", str(scores_path))
    want = expected_means(assignments, true_scores(), 5)
    assert clusters["score:yhteistyö"].tolist() == pytest.approx(
        [want[c] for c in clusters["cluster"]], nan_ok=True
    )
    # a value that is no number: the file, row and column are named, exit 2
    long = long.astype({"value": object})
    long.loc[3, "value"] = "hyvä"
    long.to_csv(scores_path, index=False)
    out = tmp_path / "x.csv"
    assert main(["cluster", str(source), "-q", "-o", str(out), "--scores", str(scores_path)]) == 2
    assert "row 5, column 'value': 'hyvä' is not a number" in capsys.readouterr().err
    assert not out.exists()


def test_item_options_name_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_export(tmp_path / "kysely.csv")
    clusters, _ = run_cluster(tmp_path, source, "--item", "toimivuutta")
    assert SCORE in clusters.columns
    out = str(tmp_path / "x.csv")
    assert main(["cluster", str(source), "-q", "-o", out, "--item", "budjetti"]) == 2
    assert "'budjetti' is not an item of the scores" in capsys.readouterr().err
    plain = tmp_path / "plain.txt"
    plain.write_text("Perhekeskus toimii.\nTiedonkulku ei toimi.\n", encoding="utf-8")
    assert main(["cluster", str(plain), "-q", "-o", out, "--item", "toimivuutta"]) == 2
    assert "--item needs the respondents' scores" in capsys.readouterr().err


def test_each_item_has_its_own_n_beside_its_mean() -> None:
    """Two items, the second left unanswered by a third of the respondents: ``n:<item>`` counts
    each item's own respondents, ``n_scored`` those with any item (QA 6 #9)."""
    import vastausanalyysi as va
    from vastausanalyysi.clusters import cluster_statements

    texts = ["Perhekeskuksen yhteistyö toimii hyvin.", "Kiinteistöjen vuokrista on kiistaa."]
    ids = [f"R{i:02d}" for i in range(24)]
    tagged = va.tag([texts[i % 2] for i in range(24)]).assign(respondent_id=ids)
    scores = pd.DataFrame(
        [(r, "K1", 4.0) for r in ids]
        + [(r, "K2", 2.0 if i % 3 else math.nan) for i, r in enumerate(ids)],
        columns=["respondent_id", "item", "value"],
    )
    result = cluster_statements(tagged, respondent_scores=scores, items=["K1", "K2"], min_cell=1)
    table = result.clusters
    assert (table["n:K1"] == table["n_scored"]).all()
    assert (table["n:K2"] < table["n:K1"]).all()
    assert table["n:K2"].sum() == 16 and table["n:K1"].sum() == 24
