"""The report's links between codes and scores: the score heatmap, each code's share beside its
linked item's mean (published tables), correlations across regions, the clusters' linked scores and
the changes between waves. Tagged frames are team-written; summaries are the real functions."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from scipy import stats

from vastausanalyysi.report import write_report
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.links import cluster_links
from vastausanalyysi.summary import compare_waves, load_published_scores, theme_frequencies

ITEM = "yhteistyo_tapaamiset"  # the codebook's item linked to the mechanism "tapaamiset"


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return load_published_scores()


def _regions(published: pd.DataFrame, k: int = 12) -> list[str]:
    """The k county codes with the most respondents (none under the small-cell limit)."""
    rows = published[(published["item_id"] == ITEM) & published["region_code"].notna()]
    return rows.sort_values("n", ascending=False)["region_code"].head(k).tolist()


def _tagged(regions: list[str], per_region: int = 6) -> pd.DataFrame:
    """``per_region`` respondents a county; in county i, (i % per_region) + 0 … mention meetings."""
    rows = []
    for i, region in enumerate(regions):
        hits = i % per_region
        for j in range(per_region):
            meets = j < hits
            rows.append(
                {
                    "respondent_id": f"{region}-{j}",
                    "region": region,
                    "text": (
                        "Säännölliset tapaamiset toimivat." if meets else "Tiedonkulku toimii."
                    )
                    + f" ({region}/{j})",
                    "areas": [] if j % 2 else ["perhekeskus"],
                    "mechanisms": ["tapaamiset"] if meets else ["tietopohja"],
                    "polarity": "works",
                }
            )
    return pd.DataFrame(rows)


def _section(html: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}".*?</section>', html, re.S)
    assert match, f"no section {anchor!r}"
    return match.group(0)


@pytest.fixture(scope="module")
def written(published: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory):
    tagged = _tagged(_regions(published))
    out = tmp_path_factory.mktemp("links")
    write_report(
        out,
        tagged=tagged,
        frequencies=theme_frequencies(tagged, "region"),
        published_scores=published,
        mask=False,
    )
    return tagged, (out / "report.html").read_text(encoding="utf-8"), out


def test_the_heatmap_prints_every_mean_with_a_legend(written, published) -> None:
    _, html, _ = written
    section = _section(html, "pisteet")
    assert section.count("<caption") == 2  # both published tables
    assert section.count("Värit:") == 2
    # every printed mean of the first table is in its cell, and a "-" cell shows a dash
    row = re.search(r"<tr><th scope=\"row\">Etelä-Karjala</th>(.*?)</tr>", section, re.S)
    assert row
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", row.group(1))
    first = published[(published["region_code"] == "11") & (published["table"] == "yhteistyo")]
    assert cells[: len(first)] == [f"{m:.1f}".replace(".", ",") for m in first["mean"]]
    helsinki = published[(published["region"] == "Helsinki") & published["mean"].isna()]
    assert len(helsinki) >= 1
    rows = re.findall(r"<tr><th scope=\"row\">Helsinki</th>(.*?)</tr>", section, re.S)
    assert any('<td class="num">–</td>' in r for r in rows)
    # one key a published item: the second table goes on from K10
    assert ">K10</th>" in section and ">K16</th>" in section
    assert section.count(">K1</th>") == 1 and section.count("<dt>K1</dt>") == 1


def test_each_code_sits_beside_its_linked_items_published_overall_mean(written, published) -> None:
    tagged, html, _ = written
    links = _section(html, "linkit")
    total = published[(published["item_id"] == ITEM) & published["region_code"].isna()].iloc[0]
    row = re.search(r"<tr><th scope=\"row\">Säännölliset tapaamiset .*?</tr>", links, re.S)
    assert row
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", row.group(0))
    meets = sum("tapaamiset" in m for m in tagged["mechanisms"])
    share = f"{100 * meets / len(tagged):.1f}".replace(".", ",")
    assert cells[0] == f"{share} % ({meets}/{len(tagged)})"
    assert cells[2].startswith("K1 Säännölliset tapaamiset")
    assert cells[3] == f"{total['mean']:.1f}".replace(".", ",")
    assert cells[4] == str(int(total["n"]))


def test_the_correlation_across_counties_is_spearmans_rho(written, published) -> None:
    tagged, html, _ = written
    by_region = tagged.groupby("region")["mechanisms"].apply(
        lambda ms: np.mean(["tapaamiset" in m for m in ms])
    )
    means = published[published["item_id"] == ITEM].set_index("region_code")["mean"]
    rho, rho_p = stats.spearmanr(by_region.to_numpy(), means.loc[by_region.index].to_numpy())
    part = _section(html, "linkit").split("<h3>")[1]
    # the p-value beside r is rho's, and its header says so (QA, 2026-12-07: it said "p (r)")
    assert '<th class="num">p (ρ)</th>' in part
    assert part.startswith("Yhteys ryhmien välillä (hyvinvointialueittain)")
    row = re.search(r"<tr><th scope=\"row\">Säännölliset tapaamiset .*?</tr>", part, re.S)
    assert row
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", row.group(0))
    assert cells[1] == str(len(by_region))  # 12 counties: not flagged
    assert cells[2] == f"{rho:.2f}".replace(".", ",")
    assert cells[-2] == f"{rho_p:.3f}".replace(".", ",")
    assert cells[-1] == ""


def test_the_workbook_has_the_heatmap_filled_by_value(written) -> None:
    *_, out = written
    wb = load_workbook(out / "report.xlsx")
    ws = wb["lampokartta"]
    fills = {}
    header: list[object] = []
    for row in ws.iter_rows():
        if row[0].value == "Alue":
            header = [c.value for c in row]
        elif row[0].value in {"Etelä-Karjala", "Etelä-Pohjanmaa"}:
            for cell, key in zip(row, header, strict=False):
                if str(key).startswith("K") and isinstance(cell.value, float | int):
                    fills[(row[0].value, key)] = (cell.value, cell.fill.fgColor.rgb)
    assert len(fills) == 2 * 16
    assert fills
    for value, rgb in fills.values():
        red, blue = int(rgb[-6:-4], 16), int(rgb[-2:], 16)
        if value > 3:
            assert blue > red, (value, rgb)
        elif value < 3:
            assert red > blue, (value, rgb)
    links = list(wb["linkit"].values)
    header = links[0]
    tapaamiset = [dict(zip(header, r, strict=True)) for r in links[1:] if r[1] == "tapaamiset"]
    assert tapaamiset[0]["Kohdan tunnus"] == ITEM
    assert "korrelaatiot" in wb.sheetnames


def test_cluster_links_use_the_overall_and_the_statements_regions_means(published) -> None:
    regions = _regions(published, 3)
    clusters = pd.DataFrame(
        {
            "cluster": [0, 1, -1],
            "label": ["tapaaminen", "tieto", ""],
            "size": [5, 4, 1],
            "code_counts": [
                {"mech:tapaamiset": 4, "area:perhekeskus": 5, "mech:tietopohja": 1},
                {"mech:tietopohja": 4},
                {},
            ],
        }
    )
    groups = pd.DataFrame(
        {
            "cluster": [0, 0, 0, 0, 0, 1, 1, 1, 1, -1],
            "region": [regions[0]] * 3 + [regions[1]] * 2 + [regions[2]] * 5,
        }
    )
    found = cluster_links(
        clusters, published, Names(None), {}, 5, statement_groups=groups, by="region"
    )
    first = [c for c in found if c.cluster == 0]
    assert [c.code for c in first] == ["tapaamiset", "tietopohja"]  # by count; areas left out
    assert {c.number for c in found} == {1, 2}
    assert all(c.cluster >= 0 for c in found)
    means = published[published["item_id"] == ITEM].set_index("region_code")["mean"]
    overall = published[(published["item_id"] == ITEM) & published["region_code"].isna()]
    meet = first[0]
    assert meet.mean == pytest.approx(float(overall["mean"].iloc[0]))
    expected = (3 * means[regions[0]] + 2 * means[regions[1]]) / 5
    assert meet.local_mean == pytest.approx(expected)
    assert meet.groups == 2 and meet.statements == 4 and meet.by == "region"


def test_changes_between_waves_are_shown_with_their_interval(tmp_path: Path) -> None:
    rows = []
    for wave, hits in (("2024", 10), ("2026", 20)):
        for j in range(30):
            rows.append(
                {
                    "respondent_id": f"{wave}-{j}",
                    "wave": wave,
                    "text": f"Vastaus {wave}/{j}",
                    "mechanisms": ["tapaamiset"] if j < hits else ["tietopohja"],
                    "areas": ["hyte"] if j < 3 else [],
                    "polarity": "works",
                }
            )
    tagged = pd.DataFrame(rows)
    write_report(tmp_path, tagged=tagged, formats=("html", "md"), mask=False)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    section = _section(html, "kierrokset")
    expected = compare_waves(tagged, wave="wave").set_index("code").loc["tapaamiset"]
    row = re.search(r"<tr><th scope=\"row\">Säännölliset tapaamiset .*?</tr>", section, re.S)
    assert row
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", row.group(0))
    assert cells[0] == "2024 → 2026"
    assert cells[1:4] == ["33,3 %", "66,7 %", "33,3"]
    low, high = 100 * expected["ci_low"], 100 * expected["ci_high"]
    assert cells[4] == f"{low:.1f}…{high:.1f}".replace(".", ",")
    assert cells[5] == f"{expected['p_value']:.3f}".replace(".", ",")
    assert "## Muutokset kyselykierrosten välillä" in (tmp_path / "report.md").read_text("utf-8")


def test_no_wave_section_with_one_wave(tmp_path: Path) -> None:
    tagged = pd.DataFrame(
        {"text": ["a", "b"], "wave": ["2026", "2026"], "mechanisms": [["tapaamiset"], []]}
    )
    write_report(tmp_path, tagged=tagged, formats="html", mask=False)
    assert 'id="kierrokset"' not in (tmp_path / "report.html").read_text(encoding="utf-8")


def _published_rows(md: str, region: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip("|").split("|")]
        for line in md.splitlines()
        if line.startswith(f"| {region} |")
    ]


def test_published_means_of_small_groups_are_hidden_unless_min_cell_is_1(
    published: pd.DataFrame, tmp_path: Path
) -> None:
    """The published tables give Helsinki (n 1) and Kymenlaakso (n 4): hidden like any group
    under min_cell, in the tables and the workbook's heat map; min_cell=1 shows them as given."""
    small = published[published["n"] < 5]
    assert set(small["region"]) == {"Helsinki", "Kymenlaakso"}
    tagged = _tagged(_regions(published, 6))
    write_report(tmp_path / "a", tagged=tagged, published_scores=published, mask=False)
    md = (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    for region in ("Helsinki", "Kymenlaakso"):
        rows = _published_rows(md, region)
        assert len(rows) == 2  # both tables
        for row in rows:  # every mean and the N hidden; a mean missing from the table stays "–"
            assert set(row[1:]) <= {"–*", "–"} and row[-1] == "–*", row
    assert "alle 5 vastaajan keskiarvot ja niiden N on piilotettu" in md
    assert _published_rows(md, "Itä-Uusimaa")[0][-1] == "6"  # 6 respondents: shown
    sheet = list(load_workbook(tmp_path / "a" / "report.xlsx")["lampokartta"].values)
    helsinki = [r for r in sheet if r[0] == "Helsinki"]
    assert helsinki and all(v in {"piilotettu", None} for r in helsinki for v in r[1:])
    assert not any(isinstance(v, float) for r in helsinki for v in r[1:])
    # one small region alone: the next smallest of each item is hidden too
    alone = published[published["region"] != "Kymenlaakso"]
    write_report(tmp_path / "b", tagged=tagged, published_scores=alone, mask=False, formats="md")
    md = (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    assert all(row[1] == "–*" for row in _published_rows(md, "Itä-Uusimaa"))
    # the explicit opt-out, as for every other table: min_cell=1
    write_report(tmp_path / "c", tagged=tagged, published_scores=published, mask=False, min_cell=1)
    md = (tmp_path / "c" / "report.md").read_text(encoding="utf-8")
    first = small[(small["region"] == "Helsinki") & (small["table"] == "yhteistyo")]
    assert _published_rows(md, "Helsinki")[0][1] == f"{first['mean'].iloc[0]:.1f}".replace(".", ",")
    assert _published_rows(md, "Kymenlaakso")[0][-1] == "4"
    assert "sellaisinaan kuin ne annettiin; N = vastaajamäärä" in md
