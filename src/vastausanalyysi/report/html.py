"""The report as one self-contained HTML page: inline CSS (``data/report.css``) and inline SVG.

Nothing is loaded from anywhere (a Content-Security-Policy forbids it) and every value is
HTML-escaped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from vastausanalyysi._resources import read_text
from vastausanalyysi.report.charts import MAX_CHART_GROUPS, Bar, bar_chart_svg
from vastausanalyysi.report.formatting import DASH, escape_html, format_number, format_share
from vastausanalyysi.report.labels import COLUMN_TITLES, LAYER_TITLES
from vastausanalyysi.report.model import ReportModel
from vastausanalyysi.report.narrative import (
    code_legend,
    interval_name,
    method_items,
    scores_heading,
    summary_text,
    suppression_note,
)
from vastausanalyysi.report.sections import ALL_RESPONDENTS
from vastausanalyysi.text import is_missing

CSS_FILE = "report.css"


@lru_cache(maxsize=1)
def _css() -> str:
    """The page's style sheet, inlined into ``<style>``."""
    return read_text(CSS_FILE)


def _shade(share: float | None, colour: tuple[int, int, int] = (0, 114, 178)) -> str:
    if share is None or is_missing(share):
        return ""
    alpha = max(0.0, min(1.0, float(share))) * 0.55
    return f' style="background:rgba({colour[0]},{colour[1]},{colour[2]},{alpha:.2f})"'


def _score_shade(value: Any) -> str:
    if is_missing(value):
        return ""
    v = float(value)
    if v >= 3:
        return f' style="background:rgba(0,114,178,{min(1.0, (v - 3) / 2) * 0.5:.2f})"'
    return f' style="background:rgba(213,94,0,{min(1.0, (3 - v) / 2) * 0.5:.2f})"'


def _html_freqs(rep: ReportModel) -> str:
    f = rep.freqs
    assert f is not None
    out = [f'<section id="frekvenssit"><h2>{escape_html(f.heading)}</h2>']
    out.append(
        '<p class="small">Osuus vastanneista, jotka mainitsivat teeman; suluissa mainintojen '
        f"määrä. Kaavioiden viikset: {escape_html(interval_name(f.method, f.confidence))}.</p>"
    )
    for lay in f.layers:
        out.append(f"<h3>{escape_html(lay.title)}</h3>")
        code_labels = [rep.names.code(c) for c in lay.codes]
        if len(lay.groups) <= MAX_CHART_GROUPS:
            values = [
                [
                    Bar(
                        cell.share,
                        cell.low,
                        cell.high,
                        cell.suppressed,
                        cell.reason or ("n = " + f"{cell.n}/{cell.base}" if cell.n else ""),
                    )
                    if (cell := lay.cells.get((code, g)))
                    else Bar(None)
                    for g in lay.groups
                ]
                for code in lay.codes
            ]
            out.append(
                bar_chart_svg(
                    code_labels,
                    lay.group_labels if f.by else [],
                    values,
                    title=f"{f.heading}: {lay.title}",
                )
            )
        else:
            out.append(
                f'<p class="small">Ryhmiä on yli {MAX_CHART_GROUPS}, joten kaavio on jätetty '
                "pois; taulukon solujen väri kertoo osuuden.</p>"
            )
        head = "".join(
            f'<th class="num">{escape_html(label)}<br><span class="small">n = '
            f"{escape_html(lay.bases.get(g) if lay.bases.get(g) is not None else DASH)}</span></th>"
            for g, label in zip(lay.groups, lay.group_labels, strict=True)
        )
        rows = []
        for code, label in zip(lay.codes, code_labels, strict=True):
            cells = []
            for g in lay.groups:
                cell = lay.cells.get((code, g))
                if cell is None:
                    cells.append('<td class="sup">·</td>')
                elif cell.suppressed or cell.share is None:
                    tip = cell.reason or "piilotettu"
                    cells.append(
                        f'<td class="sup" title="{escape_html(tip)}">{DASH}<sup>*</sup></td>'
                    )
                else:
                    n = (
                        f' <span class="small">({escape_html(cell.n)})</span>'
                        if cell.n is not None
                        else ""
                    )
                    tip = ""
                    if cell.low is not None and cell.high is not None:
                        tip = (
                            f' title="95 %:n luottamusväli {escape_html(format_share(cell.low))}–'
                            f'{escape_html(format_share(cell.high))}"'
                        )
                    cells.append(
                        f'<td class="num"{_shade(cell.share)}{tip}>'
                        f"{escape_html(format_share(cell.share))}{n}</td>"
                    )
            rows.append(
                f'<tr><th title="{escape_html(code)}">{escape_html(label)}</th>'
                f"{''.join(cells)}</tr>"
            )
        out.append(
            '<div class="scroll"><table><thead><tr><th>Teema</th>'
            f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        if any(c.suppressed for c in lay.cells.values()):
            out.append(f'<p class="foot"><sup>*</sup> {escape_html(suppression_note(f))}</p>')
    out.append("</section>")
    return "".join(out)


def _html_clusters(rep: ReportModel) -> str:
    c = rep.clusters
    assert c is not None
    t = c.table
    out = [
        '<section id="klusterit"><h2>Toimivaa yhteistyötä: ryhmitellyt vastaukset</h2>',
        '<p class="small">Vastaukset ryhmiteltiin sisällön mukaan. Ryhmän nimi on sen '
        "tyypillisimmät perusmuodot; edustavat vastaukset ovat lähimpänä ryhmän keskipistettä."
        "</p>",
    ]
    real = t[~t["no_cluster"]] if len(t) else t
    if len(real):
        labels = [f"{i + 1}. {lab}" for i, lab in enumerate(real["label"].tolist())]
        values = [
            [Bar(float(s), note=f"{n} vastausta")]
            for s, n in zip(real["share"].tolist(), real["size"].tolist(), strict=True)
        ]
        out.append(bar_chart_svg(labels, [], values, title="Ryhmien koot (osuus vastauksista)"))
    score_head = "".join(f'<th class="num">{escape_html(h)}</th>' for _, h in c.score_columns)
    if "n_scored" in t.columns and c.score_columns:
        score_head += '<th class="num">Pisteytettyjä</th>'
    rows = []
    number = 0
    for _, row in t.iterrows():
        if row["no_cluster"]:
            num = DASH
        else:
            number += 1
            num = str(number)
        reps = "".join(f"<li>{escape_html(r)}</li>" for r in row["representatives"])
        codes = ", ".join(row["codes"])
        scores = "".join(
            f'<td class="num"{_score_shade(row[col])}>{escape_html(format_number(row[col]))}</td>'
            for col, _ in c.score_columns
        )
        if "n_scored" in t.columns and c.score_columns:
            scores += f'<td class="num">{escape_html(row["n_scored"])}</td>'
        rows.append(
            f'<tr><td class="num">{num}</td><td>{escape_html(row["label"])}</td>'
            f'<td class="num">{escape_html(row["size"])}</td>'
            f'<td class="num">{escape_html(format_share(row["share"]))}</td>'
            f"<td>{escape_html(codes)}</td>"
            f'<td><ul class="reps">{reps}</ul></td>{scores}</tr>'
        )
    out.append(
        '<div class="scroll"><table><thead><tr><th class="num">#</th><th>Ryhmä</th>'
        '<th class="num">Vastauksia</th><th class="num">Osuus</th><th>Koodit</th>'
        f"<th>Edustavia vastauksia</th>{score_head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    if c.score_columns:
        out.append(
            '<p class="foot">Keskiarvot (1–5) ovat ryhmän vastaajien arvioita kyselyn '
            "asteikollisiin kysymyksiin.</p>"
        )
    out.append("</section>")
    return "".join(out)


def _html_highlights(rep: ReportModel) -> str:
    column = rep.highlight_column or ""
    out = [
        '<section id="nostot"><h2>Toimivaa yhteistyötä: nostoja vastaajaryhmittäin</h2>',
        '<p class="small">Enintään kolme toimivaa yhteistyötä kuvaavaa vastausta ryhmää kohti '
        f"({escape_html(COLUMN_TITLES.get(column, column))}); etusijalla vastaukset, joissa on "
        "eniten "
        "teemoja.</p>",
    ]
    for label, picks, note in rep.highlights:
        out.append(f"<h3>{escape_html(label)}</h3>")
        if note:
            out.append(f'<p class="small">{escape_html(note)}</p>')
        for pick in picks:
            codes = ", ".join(pick["codes"])
            tail = f'<br><span class="small">{escape_html(codes)}</span>' if codes else ""
            out.append(f"<blockquote>{escape_html(pick['text'])}{tail}</blockquote>")
    out.append("</section>")
    return "".join(out)


def _html_scores(rep: ReportModel) -> str:
    s = rep.scores
    assert s is not None
    out = [f'<section id="pisteet"><h2>{escape_html(scores_heading(s.region_column))}</h2>']
    for question, wide, headers in s.tables:
        if question:
            out.append(f"<h3>{escape_html(question)}</h3>")
        items = [c for c in wide.columns if c not in {"_region", "_n"}]
        head = "".join(
            f'<th class="num" title="{escape_html(i)}">{escape_html(h)}</th>'
            for i, h in zip(items, headers, strict=True)
        )
        rows = []
        for _, row in wide.iterrows():
            region = row["_region"]
            total = region is not None and str(region).lower() in ALL_RESPONDENTS
            cells = "".join(
                f'<td class="num"{_score_shade(row[i])}>{escape_html(format_number(row[i]))}</td>'
                for i in items
            )
            n = row["_n"]
            rows.append(
                ("<tr class='total'>" if total else "<tr>")
                + f"<th>{escape_html(rep.names.value(s.region_column, region))}</th>{cells}"
                f'<td class="num">{escape_html(DASH if is_missing(n) else n)}</td></tr>'
            )
        out.append(
            '<div class="scroll"><table><thead><tr><th>Alue</th>'
            f'{head}<th class="num">N</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>"
        )
    out.append(
        '<p class="foot">Keskiarvot asteikolla 1–5; mitä suurempi arvo, sitä paremmin asia on '
        f"toteutunut. Sininen = yli 3, oranssi = alle 3. {DASH} = ei arvoa.</p></section>"
    )
    return "".join(out)


def _html_evidence(rep: ReportModel) -> str:
    ev = rep.evidence
    rows = []
    for _, row in ev.iterrows():
        lemmas = ", ".join(f"{term} ({count})" for term, count in row["lemmas"])
        rows.append(
            f"<tr><td>{escape_html(LAYER_TITLES.get(row['layer'], row['layer']))}</td>"
            f'<th title="{escape_html(row["code"])}">{escape_html(row["name"])}</th>'
            f'<td class="num">{escape_html(row["answers"])}</td><td>{escape_html(lemmas)}</td></tr>'
        )
    return (
        '<section id="perusteet"><h2>Koodien yleisimmät perusteet</h2>'
        '<p class="small">Sanat (perusmuodot), joiden perusteella koodi annettiin useimmin; '
        "suluissa vastausten määrä.</p>"
        '<div class="scroll"><table><thead><tr><th>Kerros</th><th>Koodi</th>'
        '<th class="num">Vastauksia</th><th>Yleisimmät perusteet</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _html_method(rep: ReportModel) -> str:
    items = "".join(
        f"<dt>{escape_html(k)}</dt><dd>{escape_html(v)}</dd>" for k, v in method_items(rep)
    )
    legend = code_legend(rep)
    legend_rows = "".join(
        f"<tr><td>{escape_html(LAYER_TITLES.get(lay, lay))}</td><td>{escape_html(code)}</td>"
        f"<td>{escape_html(name)}</td></tr>"
        for lay, code, name in legend
    )
    legend_html = (
        '<h3>Koodit</h3><div class="scroll"><table><thead><tr><th>Kerros</th><th>Tunnus</th>'
        f"<th>Nimi</th></tr></thead><tbody>{legend_rows}</tbody></table></div>"
        if legend
        else ""
    )
    return (
        '<section id="menetelma"><h2>Menetelmä ja aineisto</h2>'
        f'<dl class="method">{items}</dl>{legend_html}</section>'
    )


def render_html(rep: ReportModel) -> str:
    """The whole page: title, lead, table of contents, notes and the sections present."""
    sections: list[tuple[str, str, str]] = []  # (id, heading, html)
    if rep.freqs is not None:
        sections.append(("frekvenssit", rep.freqs.heading, _html_freqs(rep)))
    if rep.clusters is not None:
        sections.append(
            ("klusterit", "Toimivaa yhteistyötä: ryhmitellyt vastaukset", _html_clusters(rep))
        )
    if rep.highlights:
        sections.append(
            ("nostot", "Toimivaa yhteistyötä: nostoja vastaajaryhmittäin", _html_highlights(rep))
        )
    if rep.scores is not None:
        sections.append(("pisteet", scores_heading(rep.scores.region_column), _html_scores(rep)))
    if len(rep.evidence):
        sections.append(("perusteet", "Koodien yleisimmät perusteet", _html_evidence(rep)))
    sections.append(("menetelma", "Menetelmä ja aineisto", _html_method(rep)))
    toc = "".join(f'<li><a href="#{sid}">{escape_html(head)}</a></li>' for sid, head, _ in sections)
    notes = (
        '<div class="note"><strong>Huom.</strong> '
        + " ".join(escape_html(n) for n in rep.notes)
        + "</div>"
        if rep.notes
        else ""
    )
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(rep.title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape_html(rep.title)}</h1>"
        f'<p class="lead">{escape_html(summary_text(rep))}</p>'
        "</header>\n"
        f"<nav><strong>Sisällys</strong><ol>{toc}</ol></nav>\n{notes}\n"
        + "\n".join(body for _, _, body in sections)
        + "\n</body>\n</html>\n"
    )


__all__ = ["render_html"]
