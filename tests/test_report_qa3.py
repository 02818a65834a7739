"""The report's fixes from the third QA round (a county analyst's survey of 350 respondents).

The answers are team-written; clustering is the real ``cluster_statements`` and the report the
real ``build_model``/``write_report``.
"""

from __future__ import annotations

import pandas as pd

from vastausanalyysi.report.model import build_model

DEVELOP = "Mitä yhteistyössä pitäisi erityisesti kehittää?"
OTHER = "Muita kommentteja yhteistyöstä"
WISH = "Vastakkainasettelua pitäisi vähentää."
LIST = "1) työnjako\n2) tiedonkulku\n3) yhteiset tavoitteet"
PLAN = "Ikääntyneiden asumisen ratkaisut pitää suunnitella yhdessä."
PROBLEM = "Tiedonkulku hyvinvointialueelta kuntaan on heikkoa."
NON_ANSWER = "Ei kommentteja."
ENGLISH = "Communication from the wellbeing services county should be faster."


def _frame(rows: list[tuple[str, str, str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(
        rows,
        columns=["respondent_id", "question", "coarse_group", "region", "text", "polarity"],
    )
    frame["areas"] = [[] for _ in range(len(frame))]
    frame["mechanisms"] = [[] for _ in range(len(frame))]
    return frame


def _development_survey() -> pd.DataFrame:
    rows = []
    texts = [WISH, LIST, PLAN, PROBLEM, NON_ANSWER, ENGLISH]
    polarity = ["neutral", "neutral", "neutral", "problem", "neutral", "neutral"]
    for k, (text, pol) in enumerate(zip(texts, polarity, strict=True)):
        for i in range(6):
            who = f"R{k}{i}"
            rows.append((who, DEVELOP, "toimialajohto", "08", text, pol))
            rows.append((who, OTHER, "toimialajohto", "08", PLAN, "neutral"))
    frame = _frame(rows)
    frame["language"] = ["en" if t == ENGLISH else "fi" for t in frame["text"]]
    return frame


def test_development_question_takes_wishes_but_not_non_answers_or_other_languages() -> None:
    tagged = _development_survey()
    model = build_model(tagged, None, None, None, "t", None, False)
    sections = {s.title: s for s in model.questions}
    develop = next(p for p in sections[DEVELOP].parts if p.key == "kehitettavaa")
    answered = {i for i, t in enumerate(tagged["text"]) if t in (WISH, LIST, PLAN, PROBLEM)}
    answered &= set(tagged.index[tagged["question"] == DEVELOP])
    assert set(develop.positions) == answered  # 24 answers: the wishes, the list and the problem
    assert develop.respondents == 24
    quoted = {q.text for t in develop.themes for q in t.quotes}
    assert WISH in quoted
    # a neutral comment under another question is not something to develop
    other = next(p for p in sections[OTHER].parts if p.key == "kehitettavaa")
    assert other.statements == 0
