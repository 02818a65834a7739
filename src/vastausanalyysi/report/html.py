"""The report as one self-contained HTML page: inline CSS (``data/report.css``) and inline SVG.

Nothing is loaded from anywhere (a Content-Security-Policy forbids it) and every value is
HTML-escaped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from vastausanalyysi._resources import read_text
from vastausanalyysi.report.charts import MAX_CHART_GROUPS, Bar, bar_chart_svg
from vastausanalyysi.report.evidence import lemma_text
from vastausanalyysi.report.formatting import (
    DASH,
    count_text,
    escape_html,
    format_number,
    format_share,
)
from vastausanalyysi.report.html_links import (
    LINKS_HEADING,
    WAVES_HEADING,
    heatmap_legend,
    html_cluster_links,
    html_links,
    html_mentions,
    html_waves,
    score_shade,
)
from vastausanalyysi.report.labels import COLUMN_TITLES, LAYER_TITLES, POLARITY_NAMES
from vastausanalyysi.report.mentions import MENTIONS_HEADING
from vastausanalyysi.report.model import ReportModel
from vastausanalyysi.report.narrative import (
    code_legend,
    interval_name,
    method_items,
    privacy_text,
    score_source_text,
    small_cell_text,
    summary_text,
    suppression_note,
)
from vastausanalyysi.report.questions import (
    DEVELOPMENT_POLARITIES,
    QuestionSection,
    Theme,
    part_counts,
    statements_phrase,
)
from vastausanalyysi.report.quotes import REPEATED, Quote, respondents_phrase, same_phrase
from vastausanalyysi.report.scores import ScoreSection, ScoreTable
from vastausanalyysi.report.sections import group_size
from vastausanalyysi.text import is_missing

CSS_FILE = "report.css"
OVERALL_HEADING = "Kaikkien vastausten ryhmittely"
HIGHLIGHTS_HEADING = "Toimivaa yhteistyötä: nostoja vastaajaryhmittäin"
KEY_PREFIX = {"area": "A", "mechanism": "T", "polarity": "S"}
"""Prefix of the short column keys of a wide frequency table (A1 = first area, …)."""


@lru_cache(maxsize=1)
def _css() -> str:
    """The page's style sheet, inlined into ``<style>``."""
    return read_text(CSS_FILE)


def _shade(share: float | None, colour: tuple[int, int, int] = (0, 114, 178)) -> str:
    if share is None or is_missing(share):
        return ""
    alpha = max(0.0, min(1.0, float(share))) * 0.55
    return f' style="background:rgba({colour[0]},{colour[1]},{colour[2]},{alpha:.2f})"'


def _key_list(pairs: list[tuple[str, str]], title: str = "Selite") -> str:
    """A key (legend) of short headers: "K1 = full text"."""
    if not pairs:
        return ""
    items = "".join(
        f"<div><dt>{escape_html(k)}</dt><dd>{escape_html(v)}</dd></div>" for k, v in pairs
    )
    return f'<dl class="key" aria-label="{escape_html(title)}">{items}</dl>'


def _freq_cell(cell: Any) -> str:
    if cell is None:
        return '<td class="sup">·</td>'
    if cell.suppressed or cell.share is None:
        tip = cell.reason or "piilotettu"
        return f'<td class="sup" title="{escape_html(tip)}">{DASH}<sup>*</sup></td>'
    n = f' <span class="small">({escape_html(cell.n)})</span>' if cell.n is not None else ""
    tip = ""
    if cell.low is not None and cell.high is not None:
        tip = (
            f' title="95 %:n luottamusväli {escape_html(format_share(cell.low))}–'
            f'{escape_html(format_share(cell.high))}"'
        )
    return (
        f'<td class="num"{_shade(cell.share)}{tip}>{escape_html(format_share(cell.share))}{n}</td>'
    )


def _size_cell(layer: Any, group: tuple[Any, ...], min_cell: int | None) -> str:
    """A group's size in the n column: "25", "< 5" or "piilotettu"."""
    return group_size(layer, group, min_cell).removeprefix("n = ").removeprefix("n ")


def _html_freqs(rep: ReportModel) -> str:
    f = rep.freqs
    assert f is not None
    out = [f'<section id="frekvenssit"><h2>{escape_html(f.heading)}</h2>']
    out.append(
        '<p class="small">Osuus vastanneista, jotka mainitsivat teeman (vastaukset ilman '
        "sisältöä, kuten ”eos”, eivät kuulu perusjoukkoon); suluissa mainintojen "
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
            head = "".join(
                f'<th class="num">{escape_html(label)}<br><span class="small">'
                f"{escape_html(group_size(lay, g, f.min_cell))}</span></th>"
                for g, label in zip(lay.groups, lay.group_labels, strict=True)
            )
            rows = [
                f'<tr><th title="{escape_html(code)}">{escape_html(label)}</th>'
                + "".join(_freq_cell(lay.cells.get((code, g))) for g in lay.groups)
                + "</tr>"
                for code, label in zip(lay.codes, code_labels, strict=True)
            ]
            out.append(
                '<div class="scroll"><table class="freq"><thead><tr><th>Teema</th>'
                f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            )
        else:  # many groups: groups as rows, themes as short keys with a key below
            out.append(
                f'<p class="small">Ryhmiä on yli {MAX_CHART_GROUPS}, joten kaavio on jätetty '
                "pois; taulukon solujen väri kertoo osuuden. Sarakkeiden tunnukset on selitetty "
                "taulukon alla.</p>"
            )
            prefix = KEY_PREFIX.get(lay.layer, "T")
            keys = [f"{prefix}{i}" for i in range(1, len(lay.codes) + 1)]
            head = "".join(
                f'<th class="num" title="{escape_html(label)}">{escape_html(k)}</th>'
                for k, label in zip(keys, code_labels, strict=True)
            )
            rows = [
                f"<tr><th>{escape_html(label)}</th>"
                f'<td class="num">{escape_html(_size_cell(lay, g, f.min_cell))}</td>'
                + "".join(_freq_cell(lay.cells.get((code, g))) for code in lay.codes)
                + "</tr>"
                for g, label in zip(lay.groups, lay.group_labels, strict=True)
            ]
            out.append(
                '<div class="scroll"><table class="freq wide"><thead><tr><th>Ryhmä</th>'
                f'<th class="num">n</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
                "</table></div>"
            )
            out.append(_key_list(list(zip(keys, code_labels, strict=True))))
        if any(c.suppressed for c in lay.cells.values()):
            out.append(f'<p class="foot"><sup>*</sup> {escape_html(suppression_note(f))}</p>')
    out.append("</section>")
    return "".join(out)


def _quote_html(quote: Quote) -> str:
    said = same_phrase(quote)
    count = f"<footer>{escape_html(said)}</footer>" if said else ""
    return f"<blockquote><p>{escape_html(quote.text)}</p>{count}</blockquote>"


def _theme_html(theme: Theme, rep: ReportModel) -> str:
    number = f"{theme.number}. " if theme.number is not None else ""
    size = (
        f"{respondents_phrase(theme.respondents)} ({format_share(theme.share)}), "
        f"{statements_phrase(theme.statements)}"
    )
    note = f" ({theme.mixed_note})" if theme.mixed_note else ""
    out = [
        f'<div class="theme"><h4>{escape_html(number + theme.label)} '
        f'<span class="small">{escape_html(note)} – {escape_html(size)}</span></h4>'
    ]
    if theme.codes:
        out.append(f'<p class="small">Koodit: {escape_html(", ".join(theme.codes))}</p>')
    out += [_quote_html(q) for q in theme.quotes]
    if why := theme.no_quotes(rep.min_cell):
        out.append(f'<p class="small">Lainauksia ei näytetä: {escape_html(why)}.</p>')
    out.append("</div>")
    return "".join(out)


def _html_question(section: QuestionSection, rep: ReportModel) -> str:
    out = [f'<section id="{section.anchor}" class="question"><h2>{escape_html(section.title)}</h2>']
    for part in section.parts:
        out.append(f'<h3 id="{section.anchor}-{part.key}">{escape_html(part.title)}</h3>')
        names = " tai ".join(POLARITY_NAMES.get(p, p).lower() for p in part.polarities)
        scope = f"sävy {names}"
        if part.polarities == DEVELOPMENT_POLARITIES:
            scope = "kysymyksen kaikki lausumat toimivaa kuvaavia lukuun ottamatta, myös toiveet"
        if not part.statements:
            empty = f"({scope})" if scope != f"sävy {names}" else f", joiden sävy on {names}"
            out.append(f'<p class="small">Ei vastauksia{escape_html(empty)}.</p>')
            continue
        out.append(
            f'<p class="small">{escape_html(part_counts(part))}'
            f"; {escape_html(scope)}. Ryhmät suurimmasta alkaen.</p>"
        )
        real = [t for t in part.themes if t.number is not None]
        if len(real) > 1:
            out.append(
                bar_chart_svg(
                    [f"{t.number}. {t.label}" for t in real],
                    [],
                    [[Bar(t.share, note=respondents_phrase(t.respondents))] for t in real],
                    title=f"{section.title}: {part.title} – ryhmien koot",
                )
            )
        out += [_theme_html(t, rep) for t in part.themes if t.number is not None]
    out.append("</section>")
    return "".join(out)


def _html_overall(rep: ReportModel) -> str:
    c = rep.overall
    assert c is not None
    keys = _score_keys(rep, c.score_items)
    out = [
        f'<section id="klusterit"><h2>{escape_html(OVERALL_HEADING)}</h2>',
        '<p class="small">Kaikki vastaukset sävystä riippumatta ryhmiteltiin sisällön mukaan. '
        "Ryhmän nimi on sen tyypillisimmät perusmuodot; lainaukset ovat lähimpänä ryhmän "
        "keskipistettä.</p>",
    ]
    real = [t for t in c.themes if t.number is not None]
    if len(real) > 1:
        out.append(
            bar_chart_svg(
                [f"{t.number}. {t.label}" for t in real],
                [],
                [[Bar(t.share, note=respondents_phrase(t.respondents))] for t in real],
                title="Ryhmien koot (osuus vastaajista)",
            )
        )
    score_head = "".join(
        f'<th class="num" title="{escape_html(i)}">{escape_html(k)}</th>'
        for i, k in zip(c.score_items, keys, strict=True)
    )
    rows = []
    for t in c.themes:
        why = t.no_quotes(rep.min_cell)
        quotes = "".join(
            f'<p class="q">”{escape_html(q.text)}”'
            + (
                f' <span class="small">({escape_html(respondents_phrase(q.respondents))})</span>'
                if q.respondents > 1
                else ""
            )
            + (f' <span class="small">({REPEATED})</span>' if q.repeated else "")
            + "</p>"
            for q in t.quotes
        ) or (f'<p class="small">({escape_html(why)})</p>' if why else "")
        # a missing mean is one of fewer than min_cell respondents (cluster_statements hides
        # it): marked hidden, never told apart from a mean that nobody answered
        scores = "".join(
            f'<td class="sup">{DASH}<sup>*</sup></td>'
            if is_missing(t.scores.get(i))
            else f'<td class="num"{score_shade(t.scores.get(i))}>'
            f"{escape_html(format_number(t.scores.get(i)))}</td>"
            for i in c.score_items
        )
        rows.append(
            f'<tr><td class="num">{DASH if t.number is None else t.number}</td>'
            f"<td>{escape_html(t.label)}</td>"
            f'<td class="num">{count_text(t.statements)}</td>'
            f'<td class="num">{count_text(t.respondents)}</td>'
            f'<td class="num">{escape_html(format_share(t.share))}</td>'
            f"<td>{escape_html(', '.join(t.codes))}</td><td>{quotes}</td>{scores}</tr>"
        )
    out.append(
        '<div class="scroll"><table class="clusters"><thead><tr><th class="num">#</th>'
        '<th>Ryhmä</th><th class="num">Vastauksia</th><th class="num">Vastaajia</th>'
        '<th class="num">Osuus</th><th>Koodit</th>'
        f"<th>Lainauksia</th>{score_head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    if c.score_items:
        out.append(_key_list(list(zip(keys, c.score_items, strict=True))))
        out.append(
            '<p class="foot">Keskiarvot ovat ryhmän vastaajien arvioita kyselyn asteikollisiin '
            f"kysymyksiin; <sup>*</sup> alle {rep.min_cell} arvion keskiarvo on piilotettu.</p>"
        )
    if rep.cluster_links:
        out.append(html_cluster_links(rep.cluster_links, _links_scale(rep), rep.min_cell))
    out.append("</section>")
    return "".join(out)


def _links_scale(rep: ReportModel) -> tuple[float, float]:
    """The scale of the scores the links come from."""
    source = rep.links.source if rep.links is not None else None
    for section in rep.scores:
        if section.source == source:
            return section.scale
    return rep.scores[0].scale if rep.scores else (1.0, 5.0)


def _score_keys(rep: ReportModel, items: list[str]) -> list[str]:
    """Short headers of survey items: the score table's keys when it has the item."""
    known = {}
    for section in rep.scores:
        for table in section.tables:
            for item, text, key in zip(table.items, table.texts, table.keys, strict=True):
                known.setdefault(item, key)
                known.setdefault(text, key)
    return [known.get(i, f"K{n}") for n, i in enumerate(items, start=1)]


def _html_highlights(rep: ReportModel) -> str:
    column = rep.highlight_column or ""
    out = [
        f'<section id="nostot"><h2>{escape_html(HIGHLIGHTS_HEADING)}</h2>',
        '<p class="small">Enintään kolme toimivaa yhteistyötä kuvaavaa vastausta ryhmää kohti '
        f"({escape_html(COLUMN_TITLES.get(column, column).lower())}); etusijalla vastaukset, "
        "joissa on eniten teemoja. Edellä jo lainattuja sanamuotoja ei toisteta, ellei ryhmällä "
        "ole muuta näytettävää (merkintä ”lainattu myös edellä”).</p>",
    ]
    for label, picks, note in rep.highlights:
        out.append(f"<h3>{escape_html(label)}</h3>")
        if note:
            out.append(f'<p class="small">{escape_html(note)}</p>')
        for pick in picks:
            codes = ", ".join(pick["codes"])
            count = (
                f"{respondents_phrase(pick['respondents'])} kirjoitti saman"
                if pick["respondents"] > 1
                else ""
            )
            again = REPEATED if pick.get("repeated") else ""
            tail = " · ".join(x for x in (codes, count, again) if x)
            tail_html = f"<footer>{escape_html(tail)}</footer>" if tail else ""
            out.append(f"<blockquote><p>{escape_html(pick['text'])}</p>{tail_html}</blockquote>")
    out.append("</section>")
    return "".join(out)


def _score_table(table: ScoreTable, section: ScoreSection) -> str:
    head = "".join(
        f'<th class="num" title="{escape_html(text)}">{escape_html(key)}</th>'
        for key, text in zip(table.keys, table.texts, strict=True)
    )
    rows = []
    for r, label in enumerate(table.rows):
        cells = []
        for j in range(len(table.items)):
            flag = table.flags[r][j]
            if flag:
                tip = (
                    f"piilotettu: alle {section.min_cell} vastaajaa"
                    if flag == "primary"
                    else "piilotettu toissijaisesti, jotta piilotettua keskiarvoa ei voi päätellä"
                )
                cells.append(f'<td class="sup" title="{escape_html(tip)}">{DASH}<sup>*</sup></td>')
            else:
                mean = table.means[r][j]
                cells.append(
                    f'<td class="num"{score_shade(mean, section.scale)}>'
                    f"{escape_html(format_number(mean))}</td>"
                )
        n = table.row_n[r]
        if table.n_hidden[r]:
            n_cell = f'<td class="sup" title="piilotettu">{DASH}<sup>*</sup></td>'
        else:
            n_cell = f'<td class="num">{escape_html(DASH if n is None else n)}</td>'
        rows.append(
            ("<tr class='total'>" if table.total[r] else "<tr>")
            + f'<th scope="row">{escape_html(label)}</th>{"".join(cells)}{n_cell}</tr>'
        )
    return (
        '<div class="scroll"><table class="scores heatmap">'
        f'<caption class="small" style="caption-side:bottom;text-align:left">'
        f"Lämpökartta: {escape_html(section.row_title.lower())} × kysymys; keskiarvo solussa, "
        "väri sen mukaan.</caption>"
        f'<thead><tr><th scope="col">{escape_html(section.row_title)}'
        f'</th>{head}<th class="num">N</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div>" + heatmap_legend(section.scale) + _key_list(table.legend())
    )


def _html_scores(section: ScoreSection, anchor: str) -> str:
    out = [
        f'<section id="{anchor}"><h2>{escape_html(section.heading)}</h2>',
        f'<p class="small"><strong>Lähde:</strong> {escape_html(score_source_text(section))}</p>',
    ]
    for table in section.tables:
        if table.question:
            out.append(f"<h3>{escape_html(table.question)}</h3>")
        out.append(_score_table(table, section))
    low, high = (format_number(v, 0) for v in section.scale)
    foot = (
        f"Keskiarvot asteikolla {low}–{high}; mitä suurempi arvo, sitä paremmin asia on "
        f"toteutunut. Sininen = yli asteikon keskikohdan, oranssi = alle. {DASH} = ei arvoa."
    )
    if section.any_suppressed:
        foot += (
            f" <sup>*</sup> = piilotettu: alle {section.min_cell} vastaajaa, tai toissijaisesti, "
            "jotta piilotettua keskiarvoa ei voi päätellä muista luvuista."
        )
    out.append(f'<p class="foot">{foot}</p></section>')
    return "".join(out)


def _html_evidence(rep: ReportModel) -> str:
    ev = rep.evidence
    rows = []
    for _, row in ev.iterrows():
        lemmas = lemma_text(row["lemmas"])
        rows.append(
            f"<tr><td>{escape_html(LAYER_TITLES.get(row['layer'], row['layer']))}</td>"
            f'<th title="{escape_html(row["code"])}">{escape_html(row["name"])}</th>'
            f'<td class="num">{escape_html(count_text(row["answers"]))}</td>'
            f"<td>{escape_html(lemmas)}</td></tr>"
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
    for q in rep.questions:
        sections.append((q.anchor, q.title, _html_question(q, rep)))
    if rep.overall is not None:
        sections.append(("klusterit", OVERALL_HEADING, _html_overall(rep)))
    if rep.highlights:
        sections.append(("nostot", HIGHLIGHTS_HEADING, _html_highlights(rep)))
    for i, score in enumerate(rep.scores, start=1):
        anchor = "pisteet" if i == 1 else f"pisteet-{i}"
        sections.append((anchor, score.heading, _html_scores(score, anchor)))
    if rep.links is not None and rep.links.rows:
        body = html_links(rep.links, _links_scale(rep), rep.min_cell)
        sections.append(("linkit", LINKS_HEADING, body))
    if rep.mentions:
        body = html_mentions(rep.mentions, rep.min_cell)
        sections.append(("maininnat", MENTIONS_HEADING, body))
    if rep.waves:
        sections.append(("kierrokset", WAVES_HEADING, html_waves(rep.waves, rep.min_cell)))
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
    privacy_class = "privacy" if rep.masker.enabled else "privacy warn"
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(rep.title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape_html(rep.title)}</h1>"
        f'<p class="lead">{escape_html(summary_text(rep))}</p>'
        f'<p class="{privacy_class}"><strong>Tietosuoja:</strong> '
        f"{escape_html(privacy_text(rep))} {escape_html(small_cell_text(rep))}</p>"
        "</header>\n"
        f"<nav><strong>Sisällys</strong><ol>{toc}</ol></nav>\n{notes}\n"
        + "\n".join(body for _, _, body in sections)
        + "\n</body>\n</html>\n"
    )


__all__ = ["HIGHLIGHTS_HEADING", "OVERALL_HEADING", "render_html"]
