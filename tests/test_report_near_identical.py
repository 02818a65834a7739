"""The report quotes near-identical statements (typos, "a" typed for "ä") once, in their
commonest wording, with every respondent who wrote them (QA 7).

The answers are team-written; clustering is the real ``cluster_statements``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from vastausanalyysi.report import write_report

Q = "Missä yhteistyö toimii?"
MEETINGS = "Säännölliset tapaamiset johdon kesken toimivat."
TYPOS = [
    "Säännölliset tapaamsiet johdon kesken toimivat.",
    "Saannolliset tapaamiset johdon kesken toimivat.",
]
OTHERS = [
    "Perhekeskuksen verkostotyö sujuu hyvin.",
    "Varautumisen yhteistyö pelastuslaitoksen kanssa toimii.",
    "Oppilashuollon kuraattorit ovat tuttuja kouluilla.",
]


def _tagged() -> pd.DataFrame:
    texts = [MEETINGS] * 8 + TYPOS + [t for t in OTHERS for _ in range(6)]
    frame = pd.DataFrame(
        {
            "respondent_id": [f"R{i}" for i in range(len(texts))],
            "question": Q,
            "coarse_group": "toimialajohto",
            "region": "08",
            "text": texts,
            "polarity": "works",
        }
    )
    frame["areas"] = [[] for _ in range(len(frame))]
    frame["mechanisms"] = [[] for _ in range(len(frame))]
    return frame


def test_typo_variants_are_quoted_once_with_every_respondent(tmp_path: Path) -> None:
    paths = write_report(tmp_path, tagged=_tagged(), mask=False, formats="md")
    md = paths[0].read_text(encoding="utf-8")
    assert f"”{MEETINGS}” (10 vastaajaa)" in md
    for typo in TYPOS:
        assert typo not in md
