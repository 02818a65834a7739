"""The report's answer sheet and the ``tagged.jsonl`` written beside it show the same texts (QA,
2026-12-07: a respondent of a county of three had the text hidden in ``tagged.jsonl``, which
the report does not group by, and shown on the sheet ``vastaukset``; together they told whose
text it was and that the county was too small to publish). The answers are team-written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from vastausanalyysi.cli import main

TEXTS = [
    "Tiedonkulku perhekeskuksen kanssa toimii hyvin.",
    "Tapaamiset ovat säännöllisiä ja hyödyllisiä.",
    "Tilojen vuokrista on jatkuvaa kiistaa.",
    "Oppilashuollon työnjako on epäselvä.",
]


def test_the_sheet_and_tagged_jsonl_hide_the_same_texts(tmp_path: Path) -> None:
    titles = ["kunnanjohtaja", "sivistysjohtaja", "rehtori"]
    rows = [
        {
            "Vastaajan tunnus": f"V{i:02d}",
            # two respondents of a title of their own (a small group the report shows)
            "Tehtävänimike": "hyvinvointikoordinaattori" if i >= 28 else titles[i % 3],
            # two respondents of a county of their own (the report does not group by county)
            "Kunta": "Rovaniemi" if i < 2 else "Jyväskylä",
            "Mikä toimii hyvin yhteistyössä?": TEXTS[i % 4],
        }
        for i in range(30)
    ]
    src = tmp_path / "kysely.csv"
    pd.DataFrame(rows).to_csv(src, index=False, sep=";")
    out = tmp_path / "raportti"
    assert main(["report", str(src), "-b", "group", "--out", str(out)]) == 0
    tagged = pd.read_json(out / "tagged.jsonl", lines=True, dtype={"respondent_id": str})
    sheet = pd.read_excel(out / "report.xlsx", sheet_name="vastaukset", dtype=str)
    hidden_jsonl = set(tagged.loc[~tagged["text"].isin(TEXTS), "respondent_id"])
    hidden_sheet = set(sheet.loc[~sheet["Vastaus"].isin(TEXTS), "Vastaaja"])
    # the small title group and the group the tables hide as its partner: listed without group
    # and text (their rows with text beside the small group's without would tell them apart)
    assert hidden_jsonl == hidden_sheet and {"V28", "V29"} <= hidden_jsonl
    anonymous = set(tagged.loc[tagged["group"] == "(piilotettu)", "respondent_id"])
    assert hidden_jsonl == anonymous and len(anonymous) < len(tagged) - 5
    # the small county's label is left out instead
    assert set(tagged.loc[tagged["respondent_id"].isin(["V00", "V01"]), "region"]) == {
        "(piilotettu)"
    }


def test_a_respondent_level_scores_file_beside_the_export_gives_one_section(
    tmp_path: Path,
) -> None:
    """``report --scores`` with ``survey -o``'s scores.csv of the same export repeated the
    section of the survey's own means (QA, 2026-12-07): the file given replaces them."""
    rows = [
        {
            "Vastaajan tunnus": f"V{i:02d}",
            "Tehtävänimike": ["kunnanjohtaja", "sivistysjohtaja", "rehtori"][i % 3],
            "Kunta": "Jyväskylä",
            "Yhteistyö toimii kokonaisuutena hyvin": str(1 + i % 5),
            "Mikä toimii hyvin yhteistyössä?": TEXTS[i % 4],
        }
        for i in range(30)
    ]
    src = tmp_path / "kysely.csv"
    pd.DataFrame(rows).to_csv(src, index=False, sep=";")
    assert main(["survey", str(src), "-o", str(tmp_path / "taulut")]) == 0
    scores = tmp_path / "taulut" / "scores.csv"
    out = tmp_path / "raportti"
    assert main(["report", str(src), "--scores", str(scores), "--out", str(out)]) == 0
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert markdown.count("## Kyselyn asteikolliset kysymykset: keskiarvot vastaajaryhmittäin") == 1
