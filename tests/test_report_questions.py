"""Tests of the report's sections per open question, its quotes, the small-cell rule (respondents,
not answers), the survey's own Likert means with secondary suppression and the Finnish labels.

The answers are team-written; clustering is the real ``cluster_statements``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from vastausanalyysi.report import write_report
from vastausanalyysi.report.labels import PART_TITLES
from vastausanalyysi.report.quotes import clean_quote, quote_key
from vastausanalyysi.report.scores import secondary_suppression
from vastausanalyysi.summary import theme_frequencies

Q1 = "Missä yhteistyö toimii?"
Q2 = "Mitä pitäisi kehittää?"
SAME = "Säännölliset tapaamiset toimivat hyvin."
SECRET = "salainen vastaus"  # in every answer of the 3-respondent group


def _answers() -> pd.DataFrame:
    rows = []
    works = [
        SAME,
        SAME,
        SAME.upper().replace(".", "!"),  # the same wording, other case and punctuation
        "- Perhekeskus toimii\n- hyte-yhteistyö sujuu",
        "Perhekeskus toimii, mutta tiedonkulku takkuaa.",
        "Varautumisen yhteistyö on parantunut.",
        "Oppilashuollon yhteistyö sujuu hyvin.",
        "Kiinteistöasiat hoituvat hyvin yhdessä.",
    ]
    polarity = ["works"] * 4 + ["mixed"] + ["works"] * 3
    problems = [
        "Tiedonkulku ei toimi lainkaan.",
        "Työnjako on epäselvä.",
        "Päätöksenteko on hidasta ja kuntia ei kuulla.",
        "Tiedonkulku ei toimi lainkaan.",
        "Kiinteistöjen neuvottelut ovat vaikeita.",
        "Vastuuhenkilöt vaihtuvat liian usein.",
        "Yhteiset tavoitteet puuttuvat.",
        "Työnjako on epäselvä.",
    ]
    for i in range(8):
        rows.append((f"P{i}", Q1, "puheenjohtajat", "08", works[i], polarity[i]))
        rows.append((f"P{i}", Q2, "puheenjohtajat", "08", problems[i], "problem"))
    for i in range(6):
        rows.append((f"T{i}", Q1, "toimialajohto", "08", works[(i + 3) % 8], "works"))
        rows.append((f"T{i}", Q2, "toimialajohto", "08", problems[(i + 2) % 8], "problem"))
    for i in range(3):  # 3 respondents × 2 questions = 6 answers: still under min_cell 5
        rows.append((f"M{i}", Q1, "muut", "08", f"Perhekeskus toimii, {SECRET} {i}.", "works"))
        rows.append((f"M{i}", Q2, "muut", "08", f"Tiedonkulku ei toimi, {SECRET} {i}.", "problem"))
    frame = pd.DataFrame(
        rows,
        columns=["respondent_id", "question", "coarse_group", "region", "text", "polarity"],
    )
    frame["areas"] = [[] for _ in range(len(frame))]
    frame["mechanisms"] = [[] for _ in range(len(frame))]
    return frame


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, list[Path]]:
    tagged = _answers()
    out = tmp_path_factory.mktemp("report")
    return tagged, write_report(out, tagged=tagged, mask=False)


def _blockquotes(html: str) -> list[str]:
    """The quotes, but those shown again, marked so, when a cluster had nothing else left."""
    found = re.findall(r"<blockquote><p>(.*?)</p>(?:<footer>(.*?)</footer>)?</blockquote>", html)
    return [text for text, footer in found if "lainattu myös edellä" not in footer]


def test_one_section_per_question_and_toimii_holds_no_problem(written) -> None:
    tagged, paths = written
    html = paths[0].read_text(encoding="utf-8")
    titles = re.findall(r'<section id="kysymys-\d" class="question"><h2>(.*?)</h2>', html)
    assert titles == [Q1, Q2]
    problems = {quote_key(t) for t in tagged.loc[tagged["polarity"] == "problem", "text"]}
    works = {quote_key(t) for t in tagged.loc[tagged["polarity"] == "works", "text"]}
    for anchor in ("kysymys-1", "kysymys-2"):
        toimii = html[html.index(f'id="{anchor}-toimii"') : html.index(f'id="{anchor}-kehit')]
        end = html.find("<section", html.index(f'id="{anchor}-kehit'))
        kehit = html[html.index(f'id="{anchor}-kehit') : end]
        assert not {quote_key(q) for q in _blockquotes(toimii)} & problems
        assert not {quote_key(q) for q in _blockquotes(kehit)} & works
    q1 = html[html.index('id="kysymys-1"') : html.index('id="kysymys-2"')]
    assert _blockquotes(q1)  # something is quoted
    q2_toimii = html[html.index('id="kysymys-2-toimii"') : html.index('id="kysymys-2-kehit')]
    assert "Ei vastauksia" in q2_toimii  # no works statement in Q2


def test_quotes_are_distinct_cleaned_and_counted(written) -> None:
    tagged, paths = written
    html = paths[0].read_text(encoding="utf-8")
    quotes = _blockquotes(html)
    keys = [quote_key(q) for q in quotes]
    assert len(keys) == len(set(keys))  # no quote repeats anywhere in the report
    assert all(not q.lstrip().startswith(("-", "•", "*")) and "\n" not in q for q in quotes)
    # respondents who wrote the same (case and punctuation aside) are counted
    n_same = tagged.loc[tagged["text"].map(quote_key) == quote_key(SAME), "respondent_id"]
    assert n_same.nunique() == 4  # P0, P1, P2 (in capitals) and T5
    same = html.index(SAME)
    assert "4 vastaajaa kirjoitti saman" in html[same : same + 200]
    md = paths[2].read_text(encoding="utf-8")
    assert f"”{SAME}” (4 vastaajaa)" in md


def test_small_groups_are_counted_in_respondents_in_every_format(written) -> None:
    tagged, paths = written
    html, md = (paths[0].read_text(encoding="utf-8"), paths[2].read_text(encoding="utf-8"))
    assert SECRET not in html and SECRET not in md
    wb = load_workbook(paths[1])
    cells = [c for ws in wb for row in ws.iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and SECRET in c for c in cells)
    ws = wb["vastaukset"]
    assert ws.max_row == len(tagged) + 1  # the rows stay
    headers = [c.value for c in ws[1]]
    texts = [r[headers.index("Vastaus")] for r in ws.iter_rows(min_row=2, values_only=True)]
    hidden = [t for t, g in zip(texts, tagged["coarse_group"], strict=True) if g == "muut"]
    assert hidden == ["(piilotettu: vastaajan ryhmässä tai alueella alle 5 vastaajaa)"] * 6
    # the same group reaches min_cell with a lower limit: its quotes may show then
    assert "vähintään 5 vastannutta vastaajaa" in html


def test_group_by_county_cells_hide_a_small_county(tmp_path: Path) -> None:
    tagged = _answers()
    moved = tagged["respondent_id"].isin(["P5", "P6", "P7"])
    tagged.loc[moved, "region"] = "13"
    tagged.loc[moved, "text"] = [f"Pieni alue {i}: tapaamiset toimivat." for i in range(6)]

    def hidden_rows(by: list[str], out: Path) -> list[bool]:
        freqs = theme_frequencies(tagged, by, min_cell=5)
        paths = write_report(out, tagged=tagged, frequencies=freqs, mask=False)
        ws = load_workbook(paths[1])["vastaukset"]
        h = [c.value for c in ws[1]]
        texts = [r[h.index("Vastaus")] for r in ws.iter_rows(min_row=2, values_only=True)]
        return [str(t).startswith("(piilotettu") for t in texts]

    by_county = hidden_rows(["coarse_group", "region"], tmp_path / "a")
    assert [h for h, m in zip(by_county, moved, strict=True) if m] == [True] * 6
    by_group = hidden_rows(["coarse_group"], tmp_path / "b")  # 8 chairs: shown at group level
    assert [h for h, m in zip(by_group, moved, strict=True) if m] == [False] * 6
    html = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert "Pieni alue" not in html
    assert "vastaajaryhmä × hyvinvointialue" in html


def _survey_scores(tagged: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    ids = list(dict.fromkeys(tagged["respondent_id"]))
    items = ["Säännölliset tapaamiset hyvinvointialueen kanssa", "Selkeä työnjako"]
    return pd.DataFrame(
        [(rid, item, float(rng.integers(1, 6))) for rid in ids for item in items],
        columns=["respondent_id", "item", "value"],
    )


def test_survey_likert_means_by_group_with_secondary_suppression(tmp_path: Path) -> None:
    tagged = _answers()
    scores = _survey_scores(tagged)
    paths = write_report(
        tmp_path, tagged=tagged, respondent_scores=scores, mask=False, questions=False
    )
    html = paths[0].read_text(encoding="utf-8")
    assert "Kyselyn asteikolliset kysymykset: keskiarvot vastaajaryhmittäin" in html
    assert "Kyselyn omien asteikollisten kysymysten keskiarvot" in html  # says which
    assert "<dt>K1</dt><dd>Säännölliset tapaamiset hyvinvointialueen kanssa</dd>" in html
    ws = load_workbook(paths[1])["pisteet"]
    h = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    by = {(r[h.index("Ryhmä tai alue")], r[h.index("Tunnus")]): r for r in rows}
    for key in ("K1", "K2"):
        muut = by[("Muut kunta-alan organisaatiot", key)]
        assert muut[h.index("Keskiarvo")] is None and muut[h.index("n")] is None  # 3: hidden
        assert muut[h.index("Piilotuksen syy")] == "alle 5 vastaajaa"
        second = by[("Toimialajohto", key)]  # the next smallest (6) hides too
        assert second[h.index("Keskiarvo")] is None
        assert second[h.index("Piilotuksen syy")] == "toissijainen piilotus"
        chair = by[("Kuntapuheenjohtajat", key)]
        item = chair[h.index("Kohdan tunnus")]
        expected = scores[scores["respondent_id"].str.startswith("P") & (scores["item"] == item)][
            "value"
        ].mean()
        assert chair[h.index("Keskiarvo")] == pytest.approx(expected)
        total = by[("Kaikki vastaajat", key)]
        assert total[h.index("n")] == 17
        assert total[h.index("Lähde")] == "kyselyn omat vastaukset"


def test_secondary_suppression_rule() -> None:
    assert secondary_suppression([3, 6, 8, 40], 5) == ["primary", "secondary", "", ""]
    assert secondary_suppression([3, 2, 8], 5) == ["primary", "primary", ""]
    assert secondary_suppression([9, 6, 8], 5) == ["", "", ""]
    assert secondary_suppression([0, 6, 8], 5) == ["", "", ""]  # no one to protect


def test_a_secondary_flag_of_the_frequencies_is_honoured(tmp_path: Path) -> None:
    tagged = _answers()
    freqs = theme_frequencies(tagged, "coarse_group", min_cell=5)
    secondary = freqs["coarse_group"] == "toimialajohto"
    freqs.loc[secondary, "suppressed"] = True
    freqs.loc[secondary, "suppression_reason"] = "secondary"
    freqs.loc[secondary, ["share", "ci_low", "ci_high"]] = np.nan
    freqs["n"] = freqs["n"].astype("Int64")
    freqs.loc[secondary, "n"] = pd.NA
    paths = write_report(tmp_path, tagged=tagged, frequencies=freqs, mask=False)
    html = paths[0].read_text(encoding="utf-8")
    assert "piilotettu toissijaisesti" in html
    ws = load_workbook(paths[1])["frekvenssit"]
    h = [c.value for c in ws[1]]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    hidden = [r for r in rows if r[h.index("Vastaajaryhmä (koodi)")] == "toimialajohto"]
    assert hidden and all(r[h.index("Osuus")] is None for r in hidden)
    assert all(r[h.index("Piilotettu")] == "kyllä" for r in hidden)


def test_one_small_group_hides_two_in_the_frequency_tables(tmp_path: Path) -> None:
    tagged = _answers()
    freqs = theme_frequencies(tagged, "coarse_group", min_cell=5)
    paths = write_report(tmp_path, tagged=tagged, frequencies=freqs, mask=False, formats="xlsx")
    ws = load_workbook(paths[0])["frekvenssit"]
    h = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    for code in {r[h.index("Koodi")] for r in rows}:
        of_code = [r for r in rows if r[h.index("Koodi")] == code]
        hidden = {r[h.index("Vastaajaryhmä (koodi)")] for r in of_code if r[h.index("Piilotettu")]}
        assert hidden == {"muut", "toimialajohto"}, code  # 3 respondents, and the next smallest
        assert all(r[h.index("n")] is None for r in of_code if r[h.index("Piilotettu")])


def test_no_total_minus_the_answer_sheet_gives_a_hidden_groups_codes(tmp_path: Path) -> None:
    """The answer sheet lists every answer's codes; the answers under the small-cell rule and
    those of the cells the tables hide (here "muut" and "toimialajohto") lose their group and
    text, so the totals minus the listed rows leave nothing to attribute to the 3-respondent
    group."""
    tagged = _answers()
    tagged["areas"] = [["perhekeskus"] if "Perhekeskus" in t else [] for t in tagged["text"]]
    freqs = theme_frequencies(tagged, "coarse_group", min_cell=5)
    paths = write_report(tmp_path, tagged=tagged, frequencies=freqs, mask=False, formats="xlsx")
    ws = load_workbook(paths[0])["vastaukset"]
    h = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    groups = [r[h.index("Vastaajaryhmä (koodi)")] for r in rows]
    assert groups == [
        "(piilotettu)" if g in ("muut", "toimialajohto") else g for g in tagged["coarse_group"]
    ]
    listed = [r[h.index("Alueet (koodit)")] or "" for r in rows]
    assert listed == [", ".join(a) for a in tagged["areas"]]  # every row keeps its codes
    assert (
        sum(a == "perhekeskus" for a, g in zip(listed, groups, strict=True) if g == "(piilotettu)")
        > 3
    )
    texts = [r[h.index("Vastaus")] for r in rows]
    assert not any(SECRET in str(t) for t in texts)
    # and their texts: the partner group's with text beside the small group's without would
    # tell the two apart and give each its codes (QA 5, 2026-12-07)
    assert [str(t).startswith("(piilotettu") for t in texts] == (
        tagged["coarse_group"].isin(["muut", "toimialajohto"])
    ).tolist()


def test_the_answers_file_beside_the_report_follows_the_answer_sheet(tmp_path: Path) -> None:
    from vastausanalyysi.report.model import publishable_answers

    tagged = _answers()
    tagged["region"] = "08"
    tagged["lemmas"] = [t.lower().split() for t in tagged["text"]]
    tagged["areas"] = [["perhekeskus"] if "Perhekeskus" in t else [] for t in tagged["text"]]
    freqs = theme_frequencies(tagged, "coarse_group", min_cell=5)
    safe = publishable_answers(tagged, freqs, 5)
    assert len(safe) == len(tagged)
    # 17 respondents: the region is kept, but not on the answers listed without their group
    # (the tables hide "muut" and, secondarily, "toimialajohto"): no grouping is shown there
    anonymous = tagged["coarse_group"].isin(["muut", "toimialajohto"]).to_numpy()
    assert set(safe.loc[~anonymous, "region"]) == {"08"}
    assert set(safe.loc[anonymous, "region"]) == {"(piilotettu)"}
    small = (tagged["coarse_group"] == "muut").to_numpy()
    assert not any(SECRET in t for t in safe["text"]) and all(
        lemmas == [] for lemmas in safe.loc[small, "lemmas"]
    )
    assert safe["areas"].tolist() == tagged["areas"].tolist()
    assert set(safe.loc[small, "coarse_group"]) == {"(piilotettu)"}
    assert set(safe.loc[tagged["coarse_group"] == "puheenjohtajat", "coarse_group"]) == {
        "puheenjohtajat"
    }


def test_the_workbook_shows_finnish_values_and_codes_apart(written) -> None:
    _, paths = written
    wb = load_workbook(paths[1])
    english = {"works", "problem", "mixed", "neutral", "area", "mechanism", "polarity"}
    for ws in wb:
        headers = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            for header, value in zip(headers, row, strict=False):
                if value in english:
                    assert "koodi" in str(header).lower(), (ws.title, header, value)


def test_clean_quote_removes_bullets_and_joins_lines() -> None:
    assert clean_quote("- Perhekeskus toimii\n- hyte sujuu") == "Perhekeskus toimii; hyte sujuu"
    assert clean_quote("• yksi.\n2) kaksi") == "yksi. kaksi"
    assert clean_quote("  Tavallinen   vastaus. ") == "Tavallinen vastaus."
    assert quote_key("Sama, sana!") == quote_key("sama sana")


def test_the_report_says_whether_personal_data_was_masked(tmp_path: Path) -> None:
    tagged = _answers().head(4)
    masked = write_report(tmp_path / "a", tagged=tagged, formats="md")[0].read_text("utf-8")
    raw = write_report(tmp_path / "b", tagged=tagged, formats="md", mask=False)[0]
    assert "on peitetty" in masked and "EI peitetty" not in masked
    assert "EI peitetty" in raw.read_text("utf-8")


def test_survey_and_published_scores_are_both_shown_and_named(tmp_path: Path) -> None:
    tagged = _answers()
    survey = _survey_scores(tagged)
    survey.loc[0, "value"] = 9.0  # a 0–10 item: the scale is read from the data
    published = pd.DataFrame(
        {
            "county": ["Pirkanmaa", "Kaikki vastaajat"],
            "item_id": ["tapaamiset", "tapaamiset"],
            "item": ["Säännölliset tapaamiset"] * 2,
            "mean": ["3,4", "3,0"],  # decimal commas are read
            "n": [49, 486],
        }
    )
    paths = write_report(
        tmp_path,
        tagged=tagged,
        published_scores=published,
        respondent_scores=survey,
        mask=False,
        questions=False,
        formats=("html", "md"),
    )
    html = paths[0].read_text(encoding="utf-8")
    own = html.index("Kyselyn asteikolliset kysymykset: keskiarvot")
    given = html.index("Julkaistut keskiarvot hyvinvointialueittain")
    assert own < given  # the survey's own items first
    assert "Kyselyn omien asteikollisten kysymysten keskiarvot (1–10)" in html
    assert "Julkaistut keskiarvotaulukot (1–5) sellaisinaan" in html
    md = paths[1].read_text(encoding="utf-8")
    assert "| Pirkanmaa | 3,4 | 49 |" in md and "| Kaikki vastaajat | 3,0 | 486 |" in md


MIXED = "Perhekeskus toimii hyvin. Kiinteistöjen vuokrat ovat jatkuva riita."


def _mixed_answers() -> pd.DataFrame:
    """Two-sentence answers about two things, tagged "mixed" as a whole (team-written)."""
    others = [
        ("Neuvolayhteistyö sujuu mainiosti. Tiedonkulku on heikkoa eikä kukaan vastaa.", "mixed"),
        ("Hyte-koordinaattorin kanssa tehdään hyvää työtä.", "works"),
        ("Kouluterveydenhuollon resurssit eivät riitä.", "problem"),
        ("Varautumisen yhteistyö on parantunut. Työnjako on silti epäselvä.", "mixed"),
        ("Säännölliset tapaamiset toimivat hyvin.", "works"),
    ]
    rows = [(f"P{i}", "puheenjohtajat", "08", MIXED, "mixed") for i in range(5)]
    rows += [(f"T{i}", "puheenjohtajat", "08", t, p) for i, (t, p) in enumerate(others)]
    # 3 respondents in another county: their cell (group × county) is under min_cell
    rows += [
        (f"S{i}", "puheenjohtajat", "13", f"Pieni alue toimii. {SECRET} {i} on ongelma.", "mixed")
        for i in range(3)
    ]
    frame = pd.DataFrame(
        rows, columns=["respondent_id", "coarse_group", "region", "text", "polarity"]
    )
    frame["question"] = Q1
    frame["areas"] = [[] for _ in range(len(frame))]
    frame["mechanisms"] = [[] for _ in range(len(frame))]
    return frame


def test_a_two_sentence_answer_gives_one_statement_to_each_part(tmp_path: Path) -> None:
    from vastausanalyysi.themes.tagger import tag

    tagged = _mixed_answers()
    freqs = theme_frequencies(tagged, ["coarse_group", "region"], min_cell=5)
    paths = write_report(tmp_path, tagged=tagged, frequencies=freqs, mask=False)
    html = paths[0].read_text(encoding="utf-8")
    toimii = html[html.index('id="kysymys-1-toimii"') : html.index('id="kysymys-1-kehit')]
    kehit = html[html.index('id="kysymys-1-kehit') :]
    kehit = kehit[: kehit.index("</section>")]
    works_quotes, problem_quotes = _blockquotes(toimii), _blockquotes(kehit)
    first, second = MIXED.split(". ", 1)
    assert f"{first}." in works_quotes and second in problem_quotes
    assert MIXED not in html  # the whole answer is never quoted
    # the statement's respondents are counted; split from longer answers, they mentioned it
    assert "5 vastaajaa mainitsi saman" in toimii
    # no statement quoted under Toimii is a problem by its own polarity
    assert works_quotes and problem_quotes
    own = tag(pd.DataFrame({"text": works_quotes}))["polarity"].tolist()
    assert "problem" not in own, list(zip(works_quotes, own, strict=True))
    own = tag(pd.DataFrame({"text": problem_quotes}))["polarity"].tolist()
    assert "works" not in own, list(zip(problem_quotes, own, strict=True))
    # statements, not answers, are counted; the small county is never quoted
    counts = re.search(r"(\d+) lausumaa (\d+) vastauksesta (\d+) vastaajalta", toimii)
    assert counts and int(counts[1]) >= int(counts[2]) >= int(counts[3])
    ks = load_workbook(paths[1])["klusterit"]
    kh = [c.value for c in ks[1]]
    in_toimii = [
        r[kh.index("Lausumia")]
        for r in ks.iter_rows(min_row=2, values_only=True)
        if r[kh.index("Osa")] == PART_TITLES["toimii"]
    ]
    # the part's count and the lines' counts agree; the small groups' line shows none and
    # counts in neither, so that no count follows for it
    known = [n for n in in_toimii if n is not None]
    assert sum(known) == int(counts[1])
    assert SECRET not in html and "Pieni alue" not in html
    # the workbook keeps one row per answer, with the themes of both parts
    ws = load_workbook(paths[1])["vastaukset"]
    headers = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(tagged)
    # the tables hide the small county and, as its partner, the other: every answer is listed
    # without group, county and text (QA 5), still with the themes of both parts
    row = rows[0]
    assert str(row[headers.index("Vastaus")]).startswith("(piilotettu")
    for key in ("toimii", "kehitettavaa"):
        assert row[headers.index(f"{PART_TITLES[key]}: ryhmä")], key


def test_quoted_statements_are_masked(tmp_path: Path) -> None:
    tagged = _mixed_answers()
    contact = "Perhekeskus toimii hyvin, kiitos Liisa Virtaselle (liisa.virtanen@example.fi)."
    tagged.loc[tagged["text"] == MIXED, "text"] = f"{contact} Kiinteistöjen vuokrat ovat riita."
    paths = write_report(tmp_path, tagged=tagged, formats=("html", "md"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "liisa.virtanen@example.fi" not in text and "Virtaselle" not in text, path.name
    html = paths[0].read_text(encoding="utf-8")
    toimii = html[html.index('id="kysymys-1-toimii"') : html.index('id="kysymys-1-kehit')]
    assert any("[EMAIL]" in q for q in _blockquotes(toimii))  # the masked statement is quoted
    assert not any("vuokrat" in q for q in _blockquotes(toimii))


def test_the_job_writes_tagged_jsonl_without_small_groups_answers(tmp_path: Path) -> None:
    """``analyse`` (what ``report --out`` runs) writes tagged.jsonl by the answer sheet's rules."""
    import json

    from vastausanalyysi.workflow import analyse

    answers = _answers()[["respondent_id", "question", "coarse_group", "region", "text"]]
    paths = analyse(answers, tmp_path, by="coarse_group")
    written = tmp_path / "tagged.jsonl"
    assert written in paths
    rows = [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(answers)
    assert not any(SECRET in json.dumps(r, ensure_ascii=False) for r in rows)
    small = [r for r, g in zip(rows, answers["coarse_group"], strict=True) if g == "muut"]
    assert {r["coarse_group"] for r in small} == {"(piilotettu)"}
    assert all(r["text"].startswith("(piilotettu") and r["lemmas"] == [] for r in small)


def test_a_clustering_of_statements_goes_into_the_report(tmp_path: Path) -> None:
    """``cluster_statements(tagged, split=True)`` has several rows per answer; the report reads
    it by statement (QA: it was an error "cannot be aligned")."""
    from vastausanalyysi.clusters import cluster_statements

    tagged = _answers()
    tagged["text"] = [f"{t} Kiinteistöjen vuokrat nousevat." for t in tagged["text"]]
    clustering = cluster_statements(tagged, split=True)
    assert len(clustering.assignments) > len(tagged)
    paths = write_report(tmp_path, tagged=tagged, clustering=clustering, mask=False, formats="md")
    md = paths[0].read_text(encoding="utf-8")
    assert "Kaikkien vastausten ryhmittely" in md
    assert SECRET not in md


def test_codes_beside_the_scores_of_those_who_mention_them(tmp_path: Path) -> None:
    """The section "Maininnat ja arviot" and the sheet "maininnat": per code and scale item,
    the mentioners' mean minus the others' (va.scores_by_mention), hidden under min_cell."""
    import vastausanalyysi as va
    from vastausanalyysi.summary import scores_by_mention

    tagged = va.tag(_answers().drop(columns=["polarity"]))
    scores = _survey_scores(tagged)
    expected = scores_by_mention(tagged, scores)
    assert expected["suppressed"].any() and not expected["suppressed"].all()
    paths = write_report(
        tmp_path, tagged=tagged, respondent_scores=scores, mask=False, questions=False
    )
    md = paths[2].read_text(encoding="utf-8")
    assert "## Maininnat ja arviot" in md
    section = md[md.index("## Maininnat ja arviot") :]
    row = expected[(expected["code"] == "perhekeskus") & ~expected["suppressed"]].iloc[0]
    line = next(x for x in section.splitlines() if x.startswith("| Perhekeskus (perhekeskus)"))
    shown = f"{row['difference']:+.1f}".replace(".", ",").replace("+0,0", "0,0")
    assert shown.lstrip("+-") in line
    hidden = expected[expected["suppressed"]]
    ws = load_workbook(paths[1])["maininnat"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(expected)  # every code and item, hidden ones flagged
    headers = [c.value for c in ws[1]]
    mean_col, flag_col = headers.index("Keskiarvo (maininneet)"), headers.index("Piilotettu")
    flagged = [r for r in rows if r[flag_col] == "kyllä"]
    assert len(flagged) == len(hidden)
    assert all(r[mean_col] is None for r in flagged)  # no number of a hidden side
    if len(hidden):
        code = hidden.iloc[0]["code"]
        hidden_line = next(x for x in section.splitlines() if f"({code})" in x)
        assert "–*" in hidden_line


def test_the_method_text_of_a_report_by_exact_group_names_no_region(tmp_path: Path) -> None:
    """A report by the exact job-title group with the coarse group as the quotes' label: the
    small-group rule's text called the exact group a "region" (QA 6 #10); it also lists every
    kind of personal data masked."""
    from vastausanalyysi.summary import theme_frequencies

    tagged = _answers().rename(columns={"coarse_group": "group"})
    tagged["coarse_group"] = tagged["group"].map(
        {"puheenjohtajat": "luottamushenkilöt", "toimialajohto": "johto", "muut": "muut"}
    )
    freqs = theme_frequencies(tagged, "group")
    (md,) = write_report(tmp_path, tagged=tagged, frequencies=freqs, formats="md")
    text = md.read_text(encoding="utf-8")
    assert "ja alueella (vastaajaryhmä" not in text
    assert "ja ryhmittelyssä (vastaajaryhmä (tarkka))" in text
    assert "IP-osoitteet ja tilinumerot" in text
