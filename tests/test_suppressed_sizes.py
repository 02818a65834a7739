"""A suppressed group shows no size anywhere: with the total shown, a hidden group's base (and
then its counts) could be worked out from it. Primary (base under ``min_cell``) and secondary
(hidden beside it) groups alike: the summary (library and command line), the report's tables and
headers (Markdown, HTML) and the score tables' N column.

QA found ``summary -b coarse_group`` giving a 3-person group ``base 3`` and the reason
``"base 3 < min_cell 5"``, and report.md printing "Kuntapuheenjohtajat … N 3" and
"Kainuu (n = 3)".
"""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.report import write_report
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.scores import hidden_sizes
from vastausanalyysi.report.sections import prepare_freqs
from vastausanalyysi.summary import theme_frequencies

ORDER = {"areas": ["hyte", "varautuminen"], "mechanisms": ["tapaamiset"]}
# puheenjohtajat (3) is under min_cell 5; muut (8), the next smallest, is hidden beside it
SIZES = {"toimialajohto": 30, "yleisjohto": 12, "puheenjohtajat": 3, "muut": 8}


def tagged_of(sizes: dict[str, int] = SIZES) -> pd.DataFrame:
    rows = []
    for group, size in sizes.items():
        for i in range(size):
            rows.append(
                {
                    "respondent_id": f"{group}-{i}",
                    "coarse_group": group,
                    "text": f"Tapaamiset toimivat, vastaus {i}.",
                    "areas": ["hyte"] if i % 3 == 0 else [],
                    "mechanisms": ["tapaamiset"] if i % 2 == 0 else [],
                    "polarity": "works",
                }
            )
    return pd.DataFrame(rows)


def by_group(freqs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {g: rows for g, rows in freqs.groupby("coarse_group")}


# ------------------------------------------------------------------------------- summary


def test_summary_hides_the_base_of_a_small_and_a_secondary_group() -> None:
    freqs = theme_frequencies(tagged_of(), "coarse_group", codes_order=ORDER)
    groups = by_group(freqs)
    small, second = groups["puheenjohtajat"], groups["muut"]
    assert small["suppressed"].all() and second["suppressed"].all()
    for rows in (small, second):
        assert rows["base"].isna().all()
        assert rows[["n", "share", "ci_low", "ci_high"]].isna().all().all()
    assert (small["suppression_reason"] == "base < min_cell 5").all()  # no "base 3"
    assert second["suppression_reason"].str.startswith("secondary").all()
    assert not freqs["suppression_reason"].dropna().str.contains(r"\d+ <").any()
    # the groups shown keep their bases, the total too
    assert (groups["toimialajohto"]["base"] == 30).all()
    assert (groups["yleisjohto"]["base"] == 12).all()
    total = theme_frequencies(tagged_of(), None, codes_order=ORDER)
    assert (total["base"] == sum(SIZES.values())).all()
    # the total minus the visible bases gives only the sum of the hidden ones
    visible = freqs.loc[~freqs["suppressed"]].drop_duplicates("coarse_group")["base"].sum()
    assert total["base"].iloc[0] - visible == 3 + 8


def test_a_single_hidden_group_hides_its_size_too() -> None:
    alone = theme_frequencies(tagged_of({"puheenjohtajat": 3}), "coarse_group", codes_order=ORDER)
    assert alone["base"].isna().all() and alone["suppressed"].all()
    everyone = theme_frequencies(tagged_of({"a": 4}), None, codes_order=ORDER)
    assert everyone["base"].isna().all()  # a total under min_cell is a small group too


def test_not_finnish_of_a_hidden_group_is_hidden() -> None:
    tagged = tagged_of()
    tagged["language"] = "fi"
    tagged.loc[tagged["respondent_id"] == "puheenjohtajat-0", "language"] = "sv"
    freqs = theme_frequencies(tagged, "coarse_group", codes_order=ORDER)
    hidden = freqs[freqs["suppressed"]]
    assert hidden["not_finnish"].isna().all() and hidden["base"].isna().all()
    assert (freqs.loc[~freqs["suppressed"], "not_finnish"] == 0).all()


def test_hidden_bases_cannot_be_derived_from_another_code() -> None:
    """With small counts suppressed too (``suppress="base_and_n"``), a line may already have two
    hidden cells without the small group's usual partner. The base of the small group d must
    still be hidden beside the same other group in every code: if b were shown in hyte's line (d
    and c hidden for c's 2 mentions) and c in tapaamiset's (d and b hidden), the total minus a
    and b gives c + d, and c is known: d would be derived."""
    sizes = {"a": 40, "b": 10, "c": 20, "d": 3}
    mentions = {  # per group: respondents mentioning hyte, tapaamiset
        "a": (10, 20),
        "b": (6, 6),
        "c": (2, 10),
        "d": (1, 1),
    }
    rows = []
    for group, size in sizes.items():
        hyte, tap = mentions[group]
        for i in range(size):
            rows.append(
                {
                    "respondent_id": f"{group}-{i}",
                    "coarse_group": group,
                    "text": "vastaus",
                    "areas": ["hyte"] if i < hyte else [],
                    "mechanisms": ["tapaamiset"] if i < tap else [],
                }
            )
    tagged = pd.DataFrame(rows)
    freqs = theme_frequencies(tagged, "coarse_group", codes_order=ORDER, suppress="base_and_n")
    shown_somewhere = set(freqs.loc[freqs["base"].notna(), "coarse_group"])
    never_shown = set(sizes) - shown_somewhere
    assert never_shown == {"b", "d"}  # b, the next smallest, beside d in every code
    cells = freqs.set_index(["coarse_group", "code"])
    assert cells.loc[("c", "hyte"), "suppressed"]  # 2 mentions: hidden, and c not
    assert cells.loc[("c", "hyte"), "suppression_reason"] == "n < min_cell 5"
    assert not cells.loc[("c", "tapaamiset"), "suppressed"]
    assert cells.loc[("c", "tapaamiset"), "base"] == 20
    for _, line in freqs.groupby("code"):
        assert line["suppressed"].sum() != 1
        assert line["base"].isna().sum() != 1


def test_cli_summary_writes_no_base_of_a_hidden_group(tmp_path: Path) -> None:
    tagged = tmp_path / "tagged.jsonl"
    with tagged.open("w", encoding="utf-8") as handle:
        for row in tagged_of().to_dict(orient="records"):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    csv, js, xlsx = tmp_path / "f.csv", tmp_path / "f.json", tmp_path / "f.xlsx"
    for out in (csv, js, xlsx):
        assert main(["summary", str(tagged), "-b", "coarse_group", "-o", str(out)]) == 0
    text = csv.read_text(encoding="utf-8")
    frame = pd.read_csv(csv)
    rows = frame[frame["coarse_group"].isin(["puheenjohtajat", "muut"])]
    assert rows["base"].isna().all() and rows["n"].isna().all()
    assert set(rows["suppression_reason"].str[:12]) == {"base < min_c", "secondary: h"}
    assert "base 3" not in text
    records = json.loads(js.read_text(encoding="utf-8"))
    records = records if isinstance(records, list) else records["data"]
    for record in records:
        if record["coarse_group"] in ("puheenjohtajat", "muut"):
            assert record["base"] is None and record["n"] is None
    book = pd.read_excel(xlsx)
    rows = book[book["coarse_group"].isin(["puheenjohtajat", "muut"])]
    assert len(rows) == len(rows.dropna(subset=["suppressed"])) and rows["base"].isna().all()
    assert (book.loc[book["coarse_group"] == "toimialajohto", "base"] == 30).all()


# -------------------------------------------------------------------------------- report


def _report(tmp_path: Path, frequencies: pd.DataFrame | None = None) -> tuple[str, str]:
    tagged = tagged_of()
    tagged["question"] = "Missä yhteistyö toimii?"
    if frequencies is None:
        frequencies = theme_frequencies(tagged, "coarse_group", codes_order=ORDER)
    rng = np.random.default_rng(0)
    scores = pd.DataFrame(
        [
            (rid, item, float(rng.integers(1, 6)))
            for rid in tagged["respondent_id"]
            for item in ("K-a", "K-b")
        ],
        columns=["respondent_id", "item", "value"],
    )
    write_report(
        tmp_path,
        tagged=tagged,
        frequencies=frequencies,
        respondent_scores=scores,
        formats=("md", "html"),
        mask=False,
        questions=False,
    )
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    return md, html


def _md_rows(md: str, first: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip("|").split("|")]
        for line in md.splitlines()
        if line.startswith(f"| {first}")
    ]


def _check_md(md: str) -> None:
    headers = _md_rows(md, "Teema")
    assert headers
    for header in headers:
        assert "Kuntapuheenjohtajat (n \\< 5)" in header
        assert "Muut kunta-alan organisaatiot (piilotettu)" in header
        assert "Toimialajohto (n = 30)" in header
    assert "(n = 3)" not in md and "(n = 8)" not in md
    # the score table: the small group's and the secondary group's N are hidden
    chairs = _md_rows(md, "Kuntapuheenjohtajat")
    others = _md_rows(md, "Muut kunta-alan organisaatiot")
    assert chairs and others
    assert chairs[-1][-1] == "–*" and others[-1][-1] == "–*"
    assert _md_rows(md, "Toimialajohto")[-1][-1] == "30"
    assert _md_rows(md, "Kaikki vastaajat")[-1][-1] == str(sum(SIZES.values()))


def _check_html(html: str) -> None:
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html))
    assert "Kuntapuheenjohtajat n < 5" in re.sub(r"\s+", " ", text)
    assert "Muut kunta-alan organisaatiot piilotettu" in re.sub(r"\s+", " ", text)
    assert not re.search(r"n = (3|8)\b", text)
    assert "ryhmässä 3 vastaajaa" not in text
    for label in ("Kuntapuheenjohtajat", "Muut kunta-alan organisaatiot"):
        row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', html)
        assert row, label
        last = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))[-1]
        assert last == "–<sup>*</sup>", (label, last)
    row = re.search(r'<th scope="row">Toimialajohto</th>(.*?)</tr>', html)
    assert row and re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))[-1] == "30"


def test_report_shows_no_size_of_a_hidden_group(tmp_path: Path) -> None:
    md, html = _report(tmp_path)
    _check_md(md)
    _check_html(html)


def test_report_hides_sizes_of_an_older_frequency_table_too(tmp_path: Path) -> None:
    """A frequency table that still has the bases (and "base 3 < min_cell 5") and no secondary
    suppression: the report hides the sizes itself."""
    tagged = tagged_of()
    freqs = theme_frequencies(tagged, "coarse_group", codes_order=ORDER, secondary=False)
    small = freqs["coarse_group"] == "puheenjohtajat"
    freqs["base"] = freqs["coarse_group"].map(SIZES).astype("Int64")
    freqs.loc[small, "suppression_reason"] = "base 3 < min_cell 5"
    md, html = _report(tmp_path, freqs)
    _check_md(md)
    _check_html(html)
    section = prepare_freqs(freqs, Names(None))
    for layer in section.layers:
        assert layer.hidden == {("puheenjohtajat",): "small", ("muut",): "secondary"}
        assert layer.bases[("puheenjohtajat",)] is None and layer.bases[("muut",)] is None
        for (_, group), cell in layer.cells.items():
            if group in (("puheenjohtajat",), ("muut",)):
                assert cell.suppressed and cell.base is None and cell.n is None
                assert "3" not in cell.reason


@pytest.mark.parametrize(
    ("row_n", "flags", "total", "expected"),
    [
        # a group under min_cell and the next smallest hide their N; the total shows its own
        ([3, 8, 30, 41], [["primary"], ["secondary"], [""], [""]], [0, 0, 0, 1], [1, 1, 0, 0]),
        # one hidden mean only (no partner for it): the smallest other N is hidden beside it
        ([3, 8, 30, 41], [["primary"], [""], [""], [""]], [0, 0, 0, 1], [1, 1, 0, 0]),
        ([9, 8, 30, 47], [[""], [""], [""], [""]], [0, 0, 0, 1], [0, 0, 0, 0]),
        ([4], [["primary"]], [0], [1]),
    ],
)
def test_score_row_sizes(
    row_n: list[int], flags: list[list[str]], total: list[int], expected: list[int]
) -> None:
    got = hidden_sizes(row_n, flags, [bool(t) for t in total], 5)
    assert got == [bool(e) for e in expected]
