"""A group of fewer than min_cell respondents shows no mean of the survey's own scores, not even
an empty one: an empty cell would tell that none of its members scored the item ("En osaa
sanoa" for all of them). QA 5 found this in the report's means table (team-written data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.scores import prepare_survey_scores
from vastausanalyysi.summary import linked_scores

ITEMS = ("Tapaamiset", "Avoimuus")


def frames(sizes: dict[str, int], eos: dict[str, set[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Respondents per region; those of a region answer "En osaa sanoa" (missing) on ``eos``'s
    items, the others score 1–5."""
    answers, scores = [], []
    for region, n in sizes.items():
        for k in range(n):
            rid = f"{region}-{k}"
            answers.append({"respondent_id": rid, "region": region, "text": "Toimii."})
            for item in ITEMS:
                value = np.nan if item in eos.get(region, set()) else 1 + k % 5
                scores.append({"respondent_id": rid, "item": item, "value": value})
    return pd.DataFrame(answers), pd.DataFrame(scores)


def test_the_report_hides_every_mean_of_a_small_group_and_one_more() -> None:
    answers, scores = frames({"Tampere": 20, "Turku": 12, "Kotka": 2}, {"Kotka": {"Avoimuus"}})
    table = prepare_survey_scores(scores, answers, ["region"], Names(None), 5).tables[0]
    rows = dict(zip(table.rows, zip(table.means, table.flags, strict=True), strict=True))
    kotka = next(name for name in rows if "Kymenlaakso" in name or "Kotka" in name)
    means, flags = rows[kotka]
    assert all(flags) and means == [None, None]  # the item nobody scored is hidden, not empty
    # and the next smallest group's mean of that item too (else the total would give it away)
    turku = next(name for name in rows if "Varsinais" in name or "Turku" in name)
    assert rows[turku][1][ITEMS.index("Avoimuus")]


def test_the_reports_total_row_hides_each_item_scored_by_fewer_than_min_cell() -> None:
    # only 3 of 12 scored "Tapaamiset": the total row hides that mean, whatever the last item
    answers, scores = frames({"Tampere": 6, "Turku": 6}, {})
    few = scores["item"].eq("Tapaamiset") & ~scores["respondent_id"].isin(
        ["Tampere-0", "Tampere-1", "Turku-0"]
    )
    scores.loc[few, "value"] = np.nan
    table = prepare_survey_scores(scores, answers, ["region"], Names(None), 5).tables[0]
    total = table.total.index(True)
    assert table.means[total][ITEMS.index("Tapaamiset")] is None
    assert table.means[total][ITEMS.index("Avoimuus")] is not None


def test_linked_scores_hide_a_small_groups_unscored_item() -> None:
    answers, scores = frames({"Tampere": 20, "Turku": 12, "Kotka": 2}, {"Kotka": {"Avoimuus"}})
    out = linked_scores(
        scores,
        by="region",
        code_items={"vuorovaikutus": "Avoimuus"},
        respondents=answers[["respondent_id", "region"]],
    )
    out = out.set_index("region")
    small = out.index[out["score_suppressed"]].tolist()
    assert len(small) == 2  # the small county, and one more so that it cannot be derived
    assert out["score_n"].isna().sum() == 2 and out["score_mean"].isna().sum() == 2


def test_the_themes_and_the_means_hide_the_same_groups(tmp_path) -> None:
    """Secondary suppression chooses the same group in every table of a report: with the total
    in its first line, a theme table showing one group and a means table showing the other
    would give the small group's size (QA 5: 42 - 20 - 20 = 2)."""
    from openpyxl import Workbook

    from vastausanalyysi.cli import main

    labels = ["Melko huonosti", "Ei hyvin eikä huonosti", "Melko hyvin", "Erittäin hyvin"]
    wb = Workbook()
    ws = wb.active
    question = "Millä yhdyspinnoilla yhteistyö erityisesti toimii?"
    ws.append(["Vastaajan tunnus", "Kunta", "Tehtävänimike", *ITEMS, question])
    i = 0
    for place, n in (("Tampere", 20), ("Turku", 20), ("Kotka", 2)):
        for k in range(n):
            i += 1
            ws.append([f"R{i:03d}", place, "sivistysjohtaja", labels[k % 4], labels[(k * 3) % 4],
                       "Perhekeskus toimii hyvin ja tavataan säännöllisesti."])  # fmt: skip
    wb.save(tmp_path / "kysely.xlsx")
    out = tmp_path / "raportti"
    assert (
        main(["-q", "report", str(tmp_path / "kysely.xlsx"), "-b", "region", "--out", str(out)])
        == 0
    )
    md = (out / "report.md").read_text(encoding="utf-8").splitlines()
    header = next(line for line in md if line.startswith("| Teema"))
    themes_hidden = {
        cell.split(" (")[0].strip()
        for cell in header.split("|")
        if "(piilotettu)" in cell or "(n \\<" in cell
    }
    regions = {"Pirkanmaa", "Varsinais-Suomi", "Kymenlaakso"}
    means_hidden = {
        line.split("|")[1].strip()
        for line in md
        if line.split("|")[1:2] and line.split("|")[1].strip() in regions and "–*" in line
    }
    assert "Kymenlaakso" in themes_hidden and len(themes_hidden) == 2
    assert means_hidden == themes_hidden


def test_an_item_that_a_large_group_never_scored_is_hidden_not_empty() -> None:
    """A group of 6 who all answered "En osaa sanoa" on an item: its empty mean would tell so,
    so the cell is hidden ("–*") like a small one, and a second group's mean of the item too
    (QA 6 #7: it was shown as an empty "–" without the star)."""
    answers, scores = frames({"Tampere": 20, "Turku": 12, "Kotka": 6}, {"Kotka": {"Avoimuus"}})
    table = prepare_survey_scores(scores, answers, ["region"], Names(None), 5).tables[0]
    rows = dict(zip(table.rows, zip(table.means, table.flags, strict=True), strict=True))
    kotka = next(name for name in rows if "Kymenlaakso" in name or "Kotka" in name)
    means, flags = rows[kotka]
    item = ITEMS.index("Avoimuus")
    assert flags[item] and means[item] is None
    assert means[ITEMS.index("Tapaamiset")] is not None  # its other item is shown
    hidden = [name for name, (_, f) in rows.items() if f[item]]
    assert len(hidden) >= 2


def test_linked_scores_hide_an_item_that_a_large_group_never_scored() -> None:
    """The same in the summary's linked means: score_n 0 for a group of 6 would tell that all
    of them answered "En osaa sanoa" (QA 6 #7); it is hidden, and a second group's mean."""
    answers, scores = frames({"Tampere": 20, "Turku": 12, "Kotka": 6}, {"Kotka": {"Avoimuus"}})
    out = linked_scores(
        scores,
        by="region",
        code_items={"vuorovaikutus": ["Avoimuus", "Tapaamiset"]},
        respondents=answers[["respondent_id", "region"]],
    )
    avoimuus = out[out["item"] == "Avoimuus"].set_index("region")  # county codes
    tapaamiset = out[out["item"] == "Tapaamiset"].set_index("region")
    assert not tapaamiset["score_suppressed"].any()  # its other item is shown
    kotka = tapaamiset.index[tapaamiset["score_n"] == 6].item()
    assert avoimuus.loc[kotka, "score_suppressed"] and pd.isna(avoimuus.loc[kotka, "score_n"])
    assert int(avoimuus["score_suppressed"].sum()) == 2
    assert not (avoimuus["score_n"] == 0).any()
