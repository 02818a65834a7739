"""Non-answers ("Ei kommenttia", "-", "en osaa sanoa") are out of the frequency tables' bases,
counted beside them (``non_answers``) and hidden with a hidden group; the report shows them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.schema import NON_ANSWER_RULE
from vastausanalyysi.text import is_non_answer

SUBSTANTIVE = [
    "Perhekeskus toimii hyvin.",
    "Säännölliset tapaamiset hyvinvointialueen kanssa.",
    "Hyte-yhteistyö sujuu.",
    "Kiinteistöasiat hoituvat yhdessä.",
    "Varautuminen on hyvällä tasolla.",
    "Tiedonkulku on heikkoa.",
]
NON_ANSWERS = ["Ei kommenttia", "-", "en osaa sanoa", "eos"]


def _answers(sizes: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """Per group: (substantive answers, non-answers), one respondent each."""
    rows = []
    for group, (real, empty) in sizes.items():
        texts = [SUBSTANTIVE[i % len(SUBSTANTIVE)] for i in range(real)]
        texts += [NON_ANSWERS[i % len(NON_ANSWERS)] for i in range(empty)]
        for i, text in enumerate(texts):
            rows.append({"respondent_id": f"{group}{i}", "text": text, "coarse_group": group})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    sizes = {
        "kuntajohto": (8, 2),
        "luottamushenkilot": (7, 1),
        "toimialajohto": (6, 0),
        # 3 substantive answers: small, though 6 respondents answered
        "muu": (3, 3),
    }
    return va.tag(_answers(sizes), model="rules")


def _row(freqs: pd.DataFrame, group: str, code: str = "perhekeskus") -> pd.Series:
    return freqs[(freqs["coarse_group"] == group) & (freqs["code"] == code)].iloc[0]


def test_tagging_marks_the_non_answers(tagged: pd.DataFrame) -> None:
    marked = [
        any(item["rule"] == NON_ANSWER_RULE for item in cues)
        for cues in tagged["polarity_evidence"]
    ]
    assert marked == [is_non_answer(t) for t in tagged["text"]]
    assert sum(marked) == 6


def test_the_base_is_the_substantive_answers(tagged: pd.DataFrame) -> None:
    freqs = va.theme_frequencies(tagged, "coarse_group", secondary=False)
    columns = list(freqs.columns)
    assert columns[columns.index("base") + 1] == "non_answers"
    johto = _row(freqs, "kuntajohto")
    assert (johto["base"], johto["non_answers"]) == (8, 2)
    assert johto["share"] == pytest.approx(johto["n"] / 8)
    luottamus = _row(freqs, "luottamushenkilot")
    assert (luottamus["base"], luottamus["non_answers"]) == (7, 1)
    assert (_row(freqs, "toimialajohto")["base"], _row(freqs, "toimialajohto")["non_answers"]) == (
        6,
        0,
    )
    # base + non_answers + not_finnish is every respondent who wrote something
    shown = freqs[~freqs["suppressed"]]
    answered = tagged.groupby("coarse_group")["respondent_id"].nunique()
    assert (shown["base"] + shown["non_answers"] + shown["not_finnish"]).tolist() == shown[
        "coarse_group"
    ].map(answered).tolist()


def test_a_non_answer_is_not_a_neutral_answer(tagged: pd.DataFrame) -> None:
    polarity = va.polarity_by(tagged, "coarse_group", secondary=False)
    johto = polarity[polarity["coarse_group"] == "kuntajohto"].set_index("code")
    assert johto.loc["neutral", "base"] == 8
    mine = tagged[tagged["coarse_group"] == "kuntajohto"]
    substantive = mine[mine["text"].isin(SUBSTANTIVE)]
    assert johto.loc["neutral", "n"] == (substantive["polarity"] == "neutral").sum()


def test_the_mark_decides_and_the_text_is_read_only_without_it(tagged: pd.DataFrame) -> None:
    plain = va.theme_frequencies(tagged, "coarse_group", secondary=False)
    # a frame tagged with evidence=False has no marks: the same function reads the text
    unmarked = va.theme_frequencies(
        tagged.drop(columns="polarity_evidence"), "coarse_group", secondary=False
    )
    pd.testing.assert_frame_equal(plain, unmarked)
    # where the mark is present it decides: "en osaa sanoa" without it is an answer
    changed = tagged.copy()
    eos = changed.index[changed["text"] == "en osaa sanoa"][0]
    changed.at[eos, "polarity_evidence"] = []
    group = changed.at[eos, "coarse_group"]
    row = _row(va.theme_frequencies(changed, "coarse_group", min_cell=1), group)
    before = _row(va.theme_frequencies(tagged, "coarse_group", min_cell=1), group)
    assert (row["base"], row["non_answers"]) == (before["base"] + 1, before["non_answers"] - 1)


def test_a_group_small_in_substantive_answers_is_hidden_with_its_non_answers(
    tagged: pd.DataFrame,
) -> None:
    freqs = va.theme_frequencies(tagged, "coarse_group")
    small = _row(freqs, "muu")
    assert small["suppressed"] and small["suppression_reason"] == "base < min_cell 5"
    hidden = freqs[freqs["suppressed"]]
    assert set(hidden["coarse_group"]) == {"muu", "toimialajohto"}  # and the next smallest
    assert hidden["base"].isna().all() and hidden["non_answers"].isna().all()
    assert hidden["not_finnish"].isna().all()
    # the total minus the shown groups gives only sums over the two hidden groups
    total = va.theme_frequencies(tagged, None)
    shown = freqs[~freqs["suppressed"]].drop_duplicates("coarse_group")
    assert total["non_answers"].iloc[0] - shown["non_answers"].sum() == 3 + 0
    assert total["base"].iloc[0] - shown["base"].sum() == 3 + 6


def test_the_report_gives_the_non_answers_beside_the_bases(
    tmp_path: Path, tagged: pd.DataFrame
) -> None:
    freqs = va.theme_frequencies(tagged, "coarse_group")
    va.write_report(
        tmp_path,
        tagged=tagged,
        frequencies=freqs,
        published_scores=va.load_published_scores(),
        formats=("md", "html", "xlsx"),
        questions=False,
    )
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "(n = 8, ei sisältöä 2)" in md
    assert "(n = 7, ei sisältöä 1)" in md
    assert "ei sisältöä 3" not in md  # the hidden group's count is hidden with its size
    assert "Perusjoukkoon eivät kuulu 6 vastaajaa" in md  # the links table's base (overall)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "n = 8, ei sisältöä 2" in html and "Perusjoukkoon eivät kuulu 6 vastaajaa" in html
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "report.xlsx")["frekvenssit"]
    rows = list(sheet.values)
    col = rows[0].index("Ei sisältöä")
    base = rows[0].index("Perusjoukko")
    by_base = {(r[base], r[col]) for r in rows[1:]}
    assert by_base == {(8, 2), (7, 1), (None, None)}


def test_a_table_without_non_answers_shows_no_count(tmp_path: Path) -> None:
    tagged = va.tag(_answers({"kuntajohto": (6, 0), "toimialajohto": (5, 0)}), model="rules")
    freqs = va.theme_frequencies(tagged, "coarse_group")
    assert freqs["non_answers"].eq(0).all()
    va.write_report(tmp_path, tagged=tagged, frequencies=freqs, formats="md", questions=False)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "(n = 6)" in md and "ei sisältöä" not in md.split("## Menetelm")[0]
