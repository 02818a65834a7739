"""Tests of the report writer: HTML, XLSX and Markdown from small hand-built frames.

The formatting, chart and label modules have their own files (``test_report_*.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from vastausanalyysi._resources import read_text
from vastausanalyysi.report import ReportError, top_evidence, write_report

NAMES = {
    "perhekeskus": "Perhekeskus",
    "hyte": "Hyvinvoinnin ja terveyden edistäminen",
    "tapaamiset": "Säännölliset tapaamiset",
    "tietopohja": "Yhteinen tietopohja ja tilannekuva",
}
SCRIPT = "Vastinparit löytyvät <script>alert('x')</script> & toimii"
EMAIL = "matti.meikalainen@example.fi"


def _ev(code: str, surface: str, lemma: str) -> dict[str, list[dict[str, str]]]:
    return {
        code: [{"surface": surface, "lemma": lemma, "rule": f"lemmas:{lemma}", "source": "rule"}]
    }


@pytest.fixture
def tagged() -> pd.DataFrame:
    rows = [
        (
            "r1",
            "puheenjohtajat",
            "08",
            "Säännölliset tapaamiset toimivat hyvin.",
            [],
            ["tapaamiset"],
            "works",
            _ev("tapaamiset", "tapaamiset", "tapaaminen"),
        ),
        (
            "r2",
            "puheenjohtajat",
            "08",
            "Perhekeskusyhteistyö sujuu loistavasti.",
            ["perhekeskus"],
            [],
            "works",
            _ev("perhekeskus", "Perhekeskusyhteistyö", "perhekeskusyhteistyö"),
        ),
        (
            "r3",
            "puheenjohtajat",
            "13",
            "Hyte-työ ja palaverit toimivat.",
            ["hyte"],
            ["tapaamiset"],
            "works",
            {**_ev("hyte", "Hyte-työ", "hytetyö"), **_ev("tapaamiset", "palaverit", "palaveri")},
        ),
        (
            "r4",
            "puheenjohtajat",
            "13",
            "Tiedonkulku ei toimi.",
            [],
            ["tietopohja"],
            "problem",
            _ev("tietopohja", "Tiedonkulku", "tiedonkulku"),
        ),
        (
            "r5",
            "puheenjohtajat",
            "13",
            f"Ota yhteyttä {EMAIL}, perhekeskus toimii.",
            ["perhekeskus"],
            [],
            "works",
            _ev("perhekeskus", "perhekeskus", "perhekeskus"),
        ),
        (
            "r6",
            "toimialajohto",
            "08",
            SCRIPT,
            [],
            ["tapaamiset"],
            "works",
            _ev("tapaamiset", "Vastinparit", "vastinpari"),
        ),
        ("r7", "toimialajohto", "08", "", [], [], "neutral", {}),
        ("r8", "toimialajohto", None, None, [], [], "neutral", {}),
        (
            "r9",
            "muut",
            "90",
            "=SUM(A1:A2) perhekeskus",
            ["perhekeskus"],
            [],
            "neutral",
            _ev("perhekeskus", "perhekeskus", "perhekeskus"),
        ),
    ]
    columns = [
        "respondent_id",
        "coarse_group",
        "region",
        "text",
        "areas",
        "mechanisms",
        "polarity",
        "evidence",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame.index = [10, 11, 12, 13, 14, 15, 15, 16, 17]  # a duplicate label must not lose a row
    return frame


@pytest.fixture
def freqs() -> pd.DataFrame:
    rows = []
    groups = {"puheenjohtajat": 5, "toimialajohto": 6, "muut": 1}
    counts = {
        ("area", "perhekeskus"): (2, 0, 1),
        ("area", "hyte"): (1, 0, 0),
        ("mechanism", "tapaamiset"): (2, 1, 0),
        ("polarity", "works"): (4, 1, 0),
    }
    for (group, base), i in zip(groups.items(), range(3), strict=True):
        for (layer, code), ns in counts.items():
            n = ns[i]
            suppressed = base < 5
            rows.append(
                {
                    "coarse_group": group,
                    "layer": layer,
                    "code": code,
                    "n": pd.NA if suppressed else n,
                    "base": base,
                    "share": np.nan if suppressed else n / base,
                    "ci_low": np.nan if suppressed else max(0.0, n / base - 0.2),
                    "ci_high": np.nan if suppressed else min(1.0, n / base + 0.2),
                    "suppressed": suppressed,
                    "suppression_reason": f"base {base} < min_cell 5" if suppressed else None,
                }
            )
    frame = pd.DataFrame(rows)
    frame["n"] = frame["n"].astype("Int64")
    frame.attrs.update(
        {"min_cell": 5, "confidence": 0.95, "method": "wilson", "by": ["coarse_group"]}
    )
    return frame


@pytest.fixture
def clustering(tagged: pd.DataFrame) -> SimpleNamespace:
    clusters = pd.DataFrame(
        {
            "cluster": [0, 1, -1],
            "label": ["tapaaminen, palaveri", "perhekeskus", ""],
            "size": [4, 3, 2],
            "top_lemmas": [["tapaaminen", "palaveri"], ["perhekeskus"], []],
            "representatives": [
                [SCRIPT, "Säännölliset tapaamiset toimivat hyvin."],
                [f"Ota yhteyttä {EMAIL}, perhekeskus toimii."],
                [],
            ],
            "codes": [["mech:tapaamiset"], ["area:perhekeskus"], []],
            "score:tapaamiset": [3.4, 2.9, np.nan],
        }
    )
    assignments = pd.DataFrame(
        {
            "cluster": [0, 1, 0, 0, 1, 0, -1, -1, 1],
            "cluster_label": ["tapaaminen, palaveri"] * 9,
        },
        index=tagged.index,
    )
    return SimpleNamespace(
        clusters=clusters, assignments=assignments, method="kmeans", n_clusters=2, silhouette=0.4
    )


@pytest.fixture
def scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "county": ["Kaikki vastaajat", "Pirkanmaa", "Pirkanmaa", "Pohjois-Savo"],
            "item_id": ["tapaamiset", "tapaamiset", "tietopohja", "tapaamiset"],
            "item": [
                "Säännölliset tapaamiset",
                "Säännölliset tapaamiset",
                "Valmistelu yhteiseen tietopohjaan",
                "Säännölliset tapaamiset",
            ],
            "mean": [3.0, 3.4, 2.9, np.nan],
            "n": [486, 49, 49, 31],
        }
    )


def _write(tmp_path: Path, tagged, freqs=None, clustering=None, scores=None, **kw) -> list[Path]:
    kw.setdefault("mask", False)
    return write_report(
        tmp_path / "out",
        tagged=tagged,
        frequencies=freqs,
        clustering=clustering,
        published_scores=scores,
        codebook_names=NAMES,
        title="Yhdyspintakysely 2026 – avovastaukset",
        **kw,
    )


# ---------------------------------------------------------------------------- HTML


def test_html_is_self_contained_escaped_and_complete(
    tmp_path: Path, tagged, freqs, clustering, scores
) -> None:
    paths = _write(tmp_path, tagged, freqs, clustering, scores)
    assert [p.name for p in paths] == ["report.html", "report.xlsx", "report.md"]
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")

    assert html.startswith("<!DOCTYPE html>") and '<html lang="fi">' in html
    for heading in (
        "Teemojen esiintyvyys vastaajaryhmittäin",
        "Avovastaukset",  # the one question section (no question column)
        ">Toimii</h3>",
        ">Kehitettävää</h3>",
        "Kaikkien vastausten ryhmittely",
        "Julkaistut keskiarvot hyvinvointialueittain",
        "Koodien yleisimmät perusteet",
        "Menetelmä ja aineisto",
    ):
        assert heading in html
    for group in ("Kuntapuheenjohtajat", "Toimialajohto", "Muut kunta-alan organisaatiot"):
        assert group in html
    assert "<svg" in html
    # never live markup; the answer with a script tag is from a group of 1 respondent: not shown
    assert "<script" not in html.lower()
    assert "Vastinparit löytyvät" not in html
    # nothing is loaded from outside the file
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', html))
    assert f"<style>\n{read_text('report.css')}</style>" in html  # the shipped style sheet
    # the suppressed group is shown as a dash with a footnote
    assert "–<sup>*</sup>" in html
    assert "alle 5 vastaajaa" in html
    assert "myös seuraavaksi pienin piilotetaan" in html  # the secondary suppression is said
    # shares, intervals, names and scores in Finnish
    assert "16,7 %" in html and "Wilsonin 95 %:n luottamusväli" in html
    assert "Säännölliset tapaamiset" in html and "Perhekeskus" in html
    assert "Pirkanmaa" in html and "3,4" in html
    assert html.index(">Pohjois-Savo<") < html.index(">Kaikki vastaajat<")  # the total last
    assert "<dt>K1</dt><dd>Säännölliset tapaamiset</dd>" in html  # short item names, a key
    assert "tapaaminen, palaveri" in html and "Ei ryhmiteltävissä" in html
    # top evidence: words of shown answers; hidden answers have the code too, so no count
    perusteet = html.split('id="perusteet"', 1)[1]
    assert "perhekeskusyhteistyö" in perusteet and "perhekeskusyhteistyö (" not in perusteet
    assert "Henkilötietoja EI peitetty" in html  # mask=False is said


def test_html_escapes_every_value(tmp_path: Path, tagged, clustering) -> None:
    _write(tmp_path, tagged, None, clustering, min_cell=1, formats="html")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; toimii" in html


def test_html_highlights_skip_small_groups(tmp_path: Path, tagged, freqs) -> None:
    _write(tmp_path, tagged, freqs, formats=("html",), questions=False)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Toimivaa yhteistyötä: nostoja vastaajaryhmittäin" in html
    # the tables hide the chairs (5) secondarily, beside "muut" (1): their answers are listed
    # without their group, so none is quoted under the group's name either
    assert "<blockquote><p>Hyte-työ ja palaverit toimivat." not in html
    assert "ryhmä on piilotettu taulukoissa: nostoja ei näytetä" in html
    assert "alle 5 vastaajaa: nostoja ei näytetä" in html  # muut: 1 respondent


# ---------------------------------------------------------------------------- XLSX


def test_xlsx_has_every_answer_and_formats(
    tmp_path: Path, tagged, freqs, clustering, scores
) -> None:
    _write(tmp_path, tagged, freqs, clustering, scores, formats=["xlsx"])
    wb = load_workbook(tmp_path / "out" / "report.xlsx")
    assert wb.sheetnames == [
        "vastaukset",
        "frekvenssit",
        "klusterit",
        "pisteet",
        "lampokartta",
        "perusteet",
        "menetelma",
    ]
    ws = wb["vastaukset"]
    assert ws.max_row == len(tagged) + 1  # one row per answer, none lost (empty, None, dup index)
    headers = [c.value for c in ws[1]]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width > 0
    col = {h: i for i, h in enumerate(headers)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[col["Vastaaja"]] for r in rows] == tagged["respondent_id"].tolist()
    third = rows[2]
    # Finnish names, codes in their own columns
    # the tables hide "muut" (1) and, as its partner, the next smallest "puheenjohtajat" (5):
    # the sheet lists their answers without the group, so no total minus the rows gives them,
    # and without their text, so that the rows with text do not tell the partner's codes from
    # the small group's (QA 5, 2026-12-07); their codes stay, pooled
    hidden = "(piilotettu: vastaajan ryhmässä tai alueella alle 5 vastaajaa)"
    assert third[col["Vastaus"]] == hidden and not third[col["Perusteet"]]
    assert third[col["Vastaajaryhmä"]] == "(piilotettu)"
    assert third[col["Vastaajaryhmä (koodi)"]] == "(piilotettu)"
    assert third[col["Alueet"]] == "Hyvinvoinnin ja terveyden edistäminen"
    assert third[col["Alueet (koodit)"]] == "hyte"
    assert third[col["Yhteistyön tavat"]] == "Säännölliset tapaamiset"
    assert third[col["Sävy"]] == "Toimii" and third[col["Sävy (koodi)"]] == "works"
    # answers of groups under min_cell respondents keep their row, not their text or codes
    assert rows[5][col["Vastaus"]] == hidden and rows[5][col["Alueet"]] is None
    assert rows[8][col["Vastaus"]] == hidden
    assert rows[6][col["Vastaus"]] is None  # an empty answer is not hidden, just empty
    assert rows[6][col["Ryhmä (kaikki vastaukset)"]] is None  # nothing to cluster on
    assert rows[0][col["Ryhmä (kaikki vastaukset)"]] == 1
    assert "Hyvinvointialue" not in headers  # not a level of this report: not shown

    fs = wb["frekvenssit"]
    fh = [c.value for c in fs[1]]
    assert len(list(fs.iter_rows(min_row=2))) == len(freqs)
    share_col = fh.index("Osuus") + 1
    shown = next(r for r in range(2, fs.max_row + 1) if fs.cell(row=r, column=share_col).value)
    assert fs.cell(row=shown, column=share_col).number_format == "0.0%"
    n, base = (fs.cell(row=shown, column=fh.index(h) + 1).value for h in ("n", "Perusjoukko"))
    assert fs.cell(row=shown, column=share_col).value == pytest.approx(n / base)
    flagged = [
        r for r in fs.iter_rows(min_row=2, values_only=True) if r[fh.index("Piilotettu")] == "kyllä"
    ]
    assert len(flagged) == 8  # muut (base 1) and, secondarily, the next smallest (base 5)
    assert all(r[fh.index("Osuus")] is None and r[fh.index("n")] is None for r in flagged)
    assert all(r[fh.index("Perusjoukko")] is None for r in flagged)  # no size of a hidden group

    ks = wb["klusterit"]
    kh = [c.value for c in ks[1]]
    krows = list(ks.iter_rows(min_row=2, values_only=True))
    assert sum(r[kh.index("Osa")] == "Kaikki vastaukset" for r in krows) == 3
    assert {r[kh.index("Osa")] for r in krows} >= {"Toimii", "Kaikki vastaukset"}
    assert ks.cell(row=2, column=kh.index("Osuus") + 1).number_format == "0.0%"
    quotes = "\n".join(r[kh.index("Lainauksia")] or "" for r in krows)
    assert "•" not in quotes and SCRIPT not in quotes  # no bullets; no small group quoted
    ps = wb["pisteet"]
    ph = [c.value for c in ps[1]]
    prow = [
        r
        for r in ps.iter_rows(min_row=2, values_only=True)
        if r[ph.index("Ryhmä tai alue")] == "Pirkanmaa"
        and r[ph.index("Kohdan tunnus")] == "tapaamiset"
    ]
    assert len(prow) == 1 and prow[0][ph.index("Keskiarvo")] == pytest.approx(3.4)
    assert prow[0][ph.index("Lähde")] == "julkaistu taulukko"


def test_xlsx_text_cells_are_never_formulas(tmp_path: Path, tagged) -> None:
    _write(tmp_path, tagged, formats=["xlsx"], min_cell=1)
    ws = load_workbook(tmp_path / "out" / "report.xlsx")["vastaukset"]
    headers = [c.value for c in ws[1]]
    column = headers.index("Vastaus") + 1
    assert ws.cell(row=10, column=column).value == "=SUM(A1:A2) perhekeskus"
    assert ws.cell(row=10, column=column).data_type == "s"  # text, not a formula
    assert ws.cell(row=7, column=column).value == SCRIPT


# ---------------------------------------------------------------------------- Markdown


def test_markdown_has_the_tables(tmp_path: Path, tagged, freqs, clustering, scores) -> None:
    _write(tmp_path, tagged, freqs, clustering, scores, formats="md", min_cell=1)
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert md.startswith("# Yhdyspintakysely 2026 – avovastaukset")
    assert "## Teemojen esiintyvyys vastaajaryhmittäin" in md
    # neither hidden group shows its size (muut: 1, the chairs: 5)
    assert (
        "| Teema | Kuntapuheenjohtajat (piilotettu) | Toimialajohto (n = 6) "
        "| Muut kunta-alan organisaatiot (n \\< 5) |"
    ) in md
    # muut (1 respondent) is hidden, and the chairs (5, the next smallest) too: secondary
    assert "| Perhekeskus | –* | 0,0 % (0) | –* |" in md
    assert "## Avovastaukset" in md and "### Toimii" in md and "### Kehitettävää" in md
    assert "## Kaikkien vastausten ryhmittely" in md
    assert "| Alue | K1 | K2 | N |" in md
    assert "- K2: Valmistelu yhteiseen tietopohjaan" in md
    assert "| Pirkanmaa | 3,4 | 2,9 | 49 |" in md
    assert "## Menetelmä ja aineisto" in md
    assert "<script>" not in md and "\\<script\\>" in md


# ---------------------------------------------------------------------------- None sections


def test_missing_sections_are_left_out_with_a_note(tmp_path: Path, tagged) -> None:
    paths = _write(tmp_path, tagged)
    assert len(paths) == 3
    html = paths[0].read_text(encoding="utf-8")
    assert "Teemojen esiintyvyys vastaajaryhmittäin" not in html
    assert 'id="klusterit"' not in html and 'id="pisteet"' not in html
    assert "frekvenssitaulukkoa ei annettu" in html and "pistetaulukkoa ei annettu" in html
    assert "Menetelmä ja aineisto" in html
    wb = load_workbook(paths[1])
    assert wb.sheetnames == ["vastaukset", "klusterit", "perusteet", "menetelma"]
    assert wb["vastaukset"].max_row == len(tagged) + 1
    md = paths[2].read_text(encoding="utf-8")
    assert "**Huom.**" in md and "## Teemojen" not in md


def test_bad_input_gives_clear_errors(tmp_path: Path, tagged) -> None:
    with pytest.raises(ReportError, match="unknown report format"):
        _write(tmp_path, tagged, formats=("pdf",))
    with pytest.raises(ReportError, match="'text'"):
        _write(tmp_path, tagged.drop(columns="text"))
    with pytest.raises(ReportError, match="county"):
        _write(tmp_path, tagged, scores=pd.DataFrame({"x": [1]}))


def test_top_evidence_counts_lemmas(tagged) -> None:
    table = top_evidence(tagged, codebook_names=NAMES)
    first = table.set_index("code").loc["perhekeskus"]
    assert first["answers"] == 3 and first["layer"] == "area"
    assert first["lemmas"][0] == ("perhekeskus", 2)
    assert table["layer"].tolist()[0] == "area"


# ---------------------------------------------------------------------------- masking


def test_mask_without_mask_pii_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tagged
) -> None:
    monkeypatch.setitem(sys.modules, "vastausanalyysi.nlp.pii", None)  # import fails
    with pytest.raises(ReportError, match="mask_pii"):
        _write(tmp_path, tagged, mask=True)
    assert not (tmp_path / "out").exists()  # nothing unmasked was written


def test_mask_with_the_real_mask_pii_covers_every_format(
    tmp_path: Path, tagged, freqs, clustering
) -> None:
    paths = _write(tmp_path, tagged, freqs, clustering, mask=True)
    for path in (paths[0], paths[2]):
        text = path.read_text(encoding="utf-8")
        assert EMAIL not in text and "[EMAIL]" in text
        assert "Henkilötiedot (nimet, sähköpostiosoitteet" in text and "EI peitetty" not in text
    wb = load_workbook(paths[1])
    cells = [c for ws in wb for row in ws.iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and EMAIL in c for c in cells)
    assert any(isinstance(c, str) and "[EMAIL]" in c for c in cells)
