"""End to end: a survey export with two open questions and Likert items through ``vastausanalyysi
report`` (``cli.main``), checked as an analyst would read the HTML (issue 13's "Done means" of the
report, issue 9's links between codes and scores).

The export is team-written for this test (no third-party text): 40 respondents, a title, a
municipality, three Likert items answered in words, a "what works" question and a "what should be
developed" question, each with both praise and complaints in it.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.report.quotes import quote_key

Q_WORKS = "Mikä yhteistyössä toimii hyvin?"
Q_DEVELOP = "Mikä ei toimi tai mitä pitäisi kehittää?"
ITEMS = [  # the codebook's linked items' texts, so that the codes link to them
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden /vastuuhenkilöiden kanssa",
    "Selkeästi määritellyt vastuuhenkilöt hyvinvointialueella",
    "Valmistelu yhteiseen tietopohjaan ja tilannekuvaan perustuen",
]
VALUES = {"Erittäin hyvin": 5, "Melko hyvin": 4, "Ei hyvin eikä huonosti": 3, "Melko huonosti": 2}
# each item's answer by the respondent's municipality (i % 5), so that the regions differ
PATTERNS = [
    ["Erittäin hyvin", "Melko hyvin", "Melko hyvin", "Ei hyvin eikä huonosti", "En osaa sanoa"],
    ["Melko huonosti", "Ei hyvin eikä huonosti", "Melko hyvin", "Melko huonosti", "Erittäin hyvin"],
    ["Melko huonosti", "Melko huonosti", "Ei hyvin eikä huonosti", "En osaa sanoa", "Melko hyvin"],
]
TITLES = [
    "sivistysjohtaja",
    "kunnanjohtaja",
    "kunnanhallituksen puheenjohtaja",
    "hyte-koordinaattori",
]
PLACES = ["Kuopio", "Oulu", "Tampere", "Joensuu", "Lahti"]
# what works: mostly praise, some complaints (team-written)
WORKS_ANSWERS = [
    "Säännölliset tapaamiset hyvinvointialueen kanssa toimivat hyvin.",
    "Perhekeskuksen yhteistyö sujuu ja tieto kulkee.",
    "Hyte-koordinaattorien yhteistyö on toimivaa ja säännöllistä.",
    "Varautumisen yhteistyö pelastuslaitoksen kanssa toimii erinomaisesti.",
    "Oppilashuollon yhteistyö on parantunut selvästi.",
    "Yhteiset työryhmät ja vuosikello toimivat hyvin.",
    "Vastuuhenkilöt ovat tiedossa ja heihin saa helposti yhteyden.",
    "Tiedonkulku ei toimi lainkaan eikä kuntaa kuulla.",
    "Mikään ei oikeastaan toimi, päätökset tulevat ylhäältä.",
    "Kiinteistöasioiden neuvottelut ovat hitaita ja vaikeita.",
]
# what should be developed: mostly complaints, some praise (team-written)
DEVELOP_ANSWERS = [
    "Tiedonkulku hyvinvointialueelta kuntaan on heikkoa.",
    "Työnjako ja vastuut ovat edelleen epäselviä.",
    "Päätöksenteko ei ole avointa eikä kuntia kuulla ennen päätöksiä.",
    "Yhteinen tietopohja puuttuu, tilannekuvaa ei jaeta.",
    "Vastuuhenkilöt vaihtuvat liian usein.",
    "Luottamushenkilöiden yhteistyö on vähäistä.",
    "Kiinteistöjen vuokrasopimukset ovat epäselviä.",
    "Tapaamiset ovat toimineet hyvin, niitä kannattaa jatkaa.",
    "Perhekeskusyhteistyö sujuu hyvin, ei kehitettävää.",
    "Hyvä yhteistyö varautumisessa, jatketaan samaan malliin.",
]
N_RESPONDENTS = 40


def _export(path: Path) -> None:
    header = ["Vastaajan tunnus", "Tehtävänimike", "Kunta", *ITEMS, Q_WORKS, Q_DEVELOP]
    lines = [";".join(header)]
    for i in range(N_RESPONDENTS):
        likert = [PATTERNS[j][i % len(PLACES)] for j in range(len(ITEMS))]
        works = WORKS_ANSWERS[i % len(WORKS_ANSWERS)]
        develop = DEVELOP_ANSWERS[(i * 3) % len(DEVELOP_ANSWERS)]
        row = [
            str(i + 1),
            TITLES[i % len(TITLES)],
            PLACES[i % len(PLACES)],
            *likert,
            works,
            develop,
        ]
        lines.append(";".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, pd.DataFrame, Path]:
    folder = tmp_path_factory.mktemp("e2e")
    csv = folder / "kysely.csv"
    _export(csv)
    out = folder / "raportti"
    code = main(["report", str(csv), "--out", str(out)])
    html = (out / "report.html").read_text(encoding="utf-8")
    tagged = pd.read_json(out / "tagged.jsonl", lines=True)
    return code, html, tagged, out


def _text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))


def _section(html: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}".*?</section>', html, re.S)
    assert match, f"no section {anchor!r}"
    return match.group(0)


def _quotes(fragment: str) -> list[str]:
    """Every quoted answer: blockquotes and the cluster table's quotes, but those shown again
    (marked "lainattu myös edellä") when a cluster had nothing else left to quote."""
    again = "lainattu myös edellä"
    found = [
        text
        for text, footer in re.findall(
            r"<blockquote><p>(.*?)</p>(?:<footer>(.*?)</footer>)?</blockquote>", fragment, re.S
        )
        if again not in footer
    ]
    found += [
        q.strip("”")
        for q, rest in re.findall(r'<p class="q">(.*?)((?:<span.*?)?)</p>', fragment, re.S)
        if again not in rest
    ]
    return [html_lib.unescape(q).strip().strip("”").strip() for q in found]


def test_the_command_succeeds_and_writes_every_file(report) -> None:
    code, _, tagged, out = report
    assert code == 0
    assert {p.name for p in out.iterdir()} >= {"report.html", "report.xlsx", "report.md"}
    assert len(tagged) == 2 * N_RESPONDENTS  # one row per respondent and open question
    assert set(tagged["question"]) == {Q_WORKS, Q_DEVELOP}


def test_a_section_per_question(report) -> None:
    _, html, _, _ = report
    titles = [_text(_section(html, f"kysymys-{i}")).split("Toimii")[0] for i in (1, 2)]
    assert any(Q_WORKS in t for t in titles) and any(Q_DEVELOP in t for t in titles)
    for i in (1, 2):
        section = _section(html, f"kysymys-{i}")
        assert re.search(r"<h3[^>]*>Toimii</h3>", section)
        assert re.search(r"<h3[^>]*>Kehitettävää</h3>", section)


def test_no_problem_statement_is_quoted_under_toimii(report) -> None:
    _, html, tagged, _ = report
    polarity: dict[str, set[str]] = {}
    for text, pol in zip(tagged["text"], tagged["polarity"], strict=True):
        polarity.setdefault(quote_key(text), set()).add(pol)
    assert {"problem", "works"} <= set(tagged.loc[tagged["question"] == Q_WORKS, "polarity"])
    assert {"problem", "works"} <= set(tagged.loc[tagged["question"] == Q_DEVELOP, "polarity"])
    checked = 0
    for i in (1, 2):
        section = _section(html, f"kysymys-{i}")
        parts = re.split(r"(<h3[^>]*>[^<]*</h3>)", section)
        for head, body in zip(parts[1::2], parts[2::2], strict=True):
            quotes = _quotes(body)
            assert all(quote_key(q) in polarity for q in quotes), quotes
            if ">Toimii<" in head:
                for q in quotes:
                    assert "problem" not in polarity[quote_key(q)], q
                    checked += 1
            else:
                assert all("works" not in polarity[quote_key(q)] for q in quotes), quotes
    assert checked >= 4  # both questions' "Toimii" quote something


def test_scores_come_from_the_survey_items(report) -> None:
    _, html, _, _ = report
    assert "Kyselyn keskiarvot puuttuvat" not in html
    scores = _text(_section(html, "pisteet"))
    assert "Kyselyn asteikolliset kysymykset" in scores
    for item in ITEMS:
        assert item in scores
    # the overall means, computed here from the verbal answers ("En osaa sanoa" is no value)
    total = re.search(r"<tr class='total'>(.*?)</tr>", _section(html, "pisteet"), re.S)
    assert total
    shown = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', total.group(1))
    expected = []
    for j in range(len(ITEMS)):
        numbers = [
            VALUES[a] for i in range(N_RESPONDENTS) if (a := PATTERNS[j][i % len(PLACES)]) in VALUES
        ]
        expected.append(f"{sum(numbers) / len(numbers):.1f}".replace(".", ","))
    assert shown[: len(ITEMS)] == expected
    assert len(set(expected)) == len(ITEMS)  # the items differ, so a mix-up would show
    # the N column counts respondents with any item; each item's own n is in its legend (QA 5 #6)
    ns = [
        sum(PATTERNS[j][i % len(PLACES)] in VALUES for i in range(N_RESPONDENTS)) for j in range(3)
    ]
    assert len(set(ns)) > 1
    for item, n in zip(ITEMS, ns, strict=True):
        assert f"{item} (n = {n})" in scores
    links = _section(html, "linkit")
    assert "kyselyn omien asteikollisten kysymysten keskiarvot" in _text(links)
    assert "K1" in links and "Säännölliset tapaamiset" in _text(links)


def test_no_quote_repeats_anywhere(report) -> None:
    _, html, _, _ = report
    quotes = _quotes(html)
    assert len(quotes) >= 6
    keys = [quote_key(q) for q in quotes]
    repeated = sorted({q for q, k in zip(quotes, keys, strict=True) if keys.count(k) > 1})
    assert not repeated, repeated


def test_the_workbook_has_the_links_and_the_heatmap(report) -> None:
    from openpyxl import load_workbook

    *_, out = report
    wb = load_workbook(out / "report.xlsx", read_only=True)
    assert {"pisteet", "lampokartta", "linkit"} <= set(wb.sheetnames)
    rows = list(wb["linkit"].values)
    header = rows[0]
    linked = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    tapaamiset = [r for r in linked if r["Koodi"] == "tapaamiset"]
    assert tapaamiset and tapaamiset[0]["Keskiarvo"] is not None
    assert json.dumps(tapaamiset[0]["Kohta"], ensure_ascii=False).strip('"') == ITEMS[0]


def test_a_code_share_and_its_item_mean_correlate_across_regions_as_by_hand(report) -> None:
    from scipy import stats

    from vastausanalyysi.survey import read_survey

    _, html, tagged, out = report
    tagged = tagged.assign(respondent_id=tagged["respondent_id"].astype(str))
    # the file beside the report leaves out the region of small group × region combinations:
    # each respondent's region comes from the export itself
    respondents = read_survey(out.parent / "kysely.csv").respondents
    ids = respondents["respondent_id"].astype(str)
    region_of = dict(zip(ids, respondents["region"], strict=True))
    tagged["region"] = tagged["respondent_id"].map(region_of)
    has = tagged.assign(hit=[("tapaamiset" in m) for m in tagged["mechanisms"]])
    per = has.groupby(["region", "respondent_id"])["hit"].any().groupby("region")
    shares = per.mean()
    place = {str(i + 1): i % len(PLACES) for i in range(N_RESPONDENTS)}
    region_place = tagged.groupby("region")["respondent_id"].first().map(place)
    means = region_place.map(lambda p: VALUES.get(PATTERNS[0][p]))
    ok = means.notna()
    # a region that none scored is hidden, and with it the mean of the smallest other region
    # (its empty mean would tell that all of them answered "En osaa sanoa": QA 6 #7)
    if not ok.all():
        sizes = respondents.groupby("region")["respondent_id"].nunique()
        ok[sizes.reindex(ok.index)[ok].idxmin()] = False
    rho = stats.spearmanr(shares[ok].to_numpy(), means[ok].astype(float).to_numpy())[0]
    links = _section(html, "linkit")
    assert "Yhteys ryhmien välillä (hyvinvointialueittain)" in _text(links)
    row = re.search(r"<tr><th[^>]*>Säännölliset tapaamiset .*?</tr>", links.split("<h3>")[1], re.S)
    assert row, "no correlation row for tapaamiset"
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(0))
    assert cells[0] == str(int(ok.sum()))  # regions with both values
    assert cells[1] == f"{rho:.2f}".replace(".", ",")
    assert "alle 10 ryhmää" in row.group(0)


def test_each_item_key_means_one_item_with_a_published_table_too(tmp_path: Path) -> None:
    """With ``--scores`` a published table beside the survey's own items, a key ("K2") names
    one item in the whole workbook, and each code's key in ``linkit`` is that of the item whose
    mean it shows (QA 5: K6 named two items in one table)."""
    from openpyxl import load_workbook

    csv, out = tmp_path / "kysely.csv", tmp_path / "raportti"
    _export(csv)
    published = Path(__file__).parents[1] / "corpus" / "report_2026" / "cooperation_scores.csv"
    assert main(["-q", "report", str(csv), "--scores", str(published), "--out", str(out)]) == 0
    wb = load_workbook(out / "report.xlsx")
    rows = list(wb["pisteet"].iter_rows(values_only=True))
    h = rows[0]
    item_of: dict[str, set[str]] = {}
    source_of: dict[str, set[str]] = {}
    for r in rows[1:]:
        item_of.setdefault(r[h.index("Tunnus")], set()).add(r[h.index("Kohta")])
        source_of.setdefault(r[h.index("Tunnus")], set()).add(r[h.index("Lähde")])
    assert all(len(items) == 1 for items in item_of.values()), item_of
    assert {"K1", "K2", "K3"} <= set(item_of) and len(item_of) > len(ITEMS)  # both sources
    assert all(len(s) == 1 for s in source_of.values())
    links = list(wb["linkit"].iter_rows(values_only=True))
    lh = links[0]
    shown = [r for r in links[1:] if r[lh.index("Tunnus")]]
    assert shown
    for r in shown:
        assert item_of[r[lh.index("Tunnus")]] == {r[lh.index("Kohta")]}, r
