"""The report's tagged.jsonl publishes a label column that is not one of the report's own (a
municipality, a job title: ``-b municipality``) only where the combination of every label shown
with a text has min_cell respondents (QA 5: 162 such combinations of 1–4 respondents leaked)."""

from __future__ import annotations

import pandas as pd

from vastausanalyysi.report.model import CONTENT_COLUMNS, HIDDEN_GROUP, publishable_answers

# municipality -> (respondents, their titles in turn); team-written
PLACES = {
    "Tampere": (12, ["sivistysjohtaja", "kunnanjohtaja", "hyte-koordinaattori"]),
    "Nokia": (4, ["sivistysjohtaja", "kunnanjohtaja"]),
    "Pirkkala": (3, ["tekninen johtaja", "sivistysjohtaja", "sivistysjohtaja"]),
    "Orivesi": (7, ["sivistysjohtaja"]),
}


def tagged() -> pd.DataFrame:
    rows = []
    for place, (n, titles) in PLACES.items():
        for k in range(n):
            rows.append(
                {
                    "respondent_id": f"{place}-{k}",
                    "question": "Mikä toimii?",
                    "text": f"Perhekeskus toimii hyvin ({place} {k}).",
                    "group": "sivistysjohto" if "sivistys" in titles[k % len(titles)] else "muu",
                    "coarse_group": "toimialajohto",
                    "region": "08",
                    "municipality": place,
                    "title": titles[k % len(titles)],
                    "areas": ["perhekeskus"],
                    "mechanisms": [],
                    "polarity": "works",
                }
            )
    return pd.DataFrame(rows)


def test_every_published_label_combination_has_min_cell_respondents() -> None:
    frame = tagged()
    out = publishable_answers(frame, None, 5)
    labels = [c for c in out.columns if c not in CONTENT_COLUMNS]
    assert {"municipality", "title"} <= set(labels)
    visible = out[~out["text"].str.startswith("(piilotettu")]
    assert len(visible)  # the rule hides labels, not every text
    for _, row in visible.iterrows():
        shown = {c: row[c] for c in labels if row[c] != HIDDEN_GROUP}
        same = pd.Series(True, index=frame.index)
        for column, value in shown.items():
            same &= frame[column] == value
        assert same.sum() >= 5, shown
    # the small municipalities are never named beside a text; the large ones are
    named = set(visible["municipality"]) - {HIDDEN_GROUP}
    assert not named & {"Nokia", "Pirkkala"} and named & {"Tampere", "Orivesi"}
