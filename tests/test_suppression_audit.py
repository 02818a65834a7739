"""No hidden cell of a crosstab follows from the published tables together (QA 6 #1): the tables
by coarse group, by region, by both and the total are published side by side, and a block of
hidden cells could be solved from several lines at once (the line rule protects each line on
its own). Random team-written frames; the audit here is an independent rank test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.summary import theme_frequencies

GROUPS = ["yleisjohto", "toimialajohto", "puheenjohtajat", "muut"]
REGIONS = ["02", "08", "13", "18", "21"]
CODES = ["hyte", "tapaamiset"]


def _frame(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for g in GROUPS:
        for r in REGIONS:
            size = int(rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 14]))
            for i in range(size):
                rows.append(
                    {
                        "respondent_id": f"{g}-{r}-{i}",
                        "coarse_group": g,
                        "region": r,
                        "text": "eos" if rng.random() < 0.1 else "vastaus",
                        "areas": ["hyte"] if rng.random() < 0.5 else [],
                        "mechanisms": ["tapaamiset"] if rng.random() < 0.4 else [],
                    }
                )
    return pd.DataFrame(rows)


def _derivable(tables: dict[str, pd.DataFrame], code: str, value: str) -> list[tuple]:
    """The hidden cells of the crosstab that the shown cells of all the tables give back."""
    cross = tables["both"][tables["both"]["code"] == code]
    cells = list(zip(cross["coarse_group"], cross["region"], strict=True))
    index = {c: i for i, c in enumerate(cells)}
    rows = []

    def equation(members: list[tuple]) -> None:
        row = np.zeros(len(cells))
        for m in members:
            row[index[m]] = 1
        rows.append(row)

    for cell, hidden in zip(cells, cross["suppressed"], strict=True):
        if not hidden:
            equation([cell])
    for name, match in (
        ("group", lambda x, c: c[0] == x["coarse_group"]),
        ("region", lambda x, c: c[1] == x["region"]),
        ("all", lambda x, c: True),
    ):
        table = tables[name][tables[name]["code"] == code]
        for _, x in table.iterrows():
            if not x["suppressed"]:
                equation([c for c in cells if match(x, c)])
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    out = []
    for cell, hidden in zip(cells, cross["suppressed"], strict=True):
        if hidden:
            unit = np.zeros(len(cells))
            unit[index[cell]] = 1
            if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
                out.append(cell)
    assert value in cross.columns
    return out


@pytest.mark.parametrize("seed", range(30))
def test_no_hidden_cell_of_a_crosstab_follows_from_the_published_tables(seed: int) -> None:
    tagged = _frame(seed)
    tables = {
        "group": theme_frequencies(tagged, "coarse_group", codes=("areas", "mechanisms")),
        "region": theme_frequencies(tagged, "region", codes=("areas", "mechanisms")),
        "both": theme_frequencies(
            tagged, ["coarse_group", "region"], codes=("areas", "mechanisms")
        ),
        "all": theme_frequencies(tagged, None, codes=("areas", "mechanisms")),
    }
    assert tables["both"]["suppressed"].any()  # the frames have small cells to protect
    for code in CODES:
        for value in ("base", "n"):
            assert _derivable(tables, code, value) == [], (seed, code, value)
