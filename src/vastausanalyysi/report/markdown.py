"""The report as a compact Markdown summary with the same tables as the HTML page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from vastausanalyysi.report.evidence import lemma_text
from vastausanalyysi.report.formatting import (
    DASH,
    count_text,
    escape_md,
    format_number,
    format_share,
)
from vastausanalyysi.report.links import OWN_MEAN_NOTE, non_answer_note
from vastausanalyysi.report.mentions import (
    MENTIONS_HEADING,
    MENTIONS_NOTE,
    mention_cell,
    mention_matrix,
    mentioners,
)
from vastausanalyysi.report.model import ReportModel
from vastausanalyysi.report.narrative import (
    method_items,
    privacy_text,
    score_source_text,
    summary_text,
    suppression_note,
)
from vastausanalyysi.report.questions import part_counts
from vastausanalyysi.report.quotes import REPEATED, Quote, respondents_phrase
from vastausanalyysi.report.sections import group_size
from vastausanalyysi.report.tables_links import SMALL_N_NOTE


def _md_links(rep: ReportModel) -> list[str]:
    """The codes beside their linked items' means, correlations, clusters' links and waves."""
    out: list[str] = []
    links = rep.links
    if links is not None and links.rows:
        out += ["## Teemat ja mekanismit kyselyn keskiarvojen rinnalla", ""]
        rows = [
            [
                f"{r.name} ({r.code})",
                f"{DASH}*" if r.suppressed else f"{format_share(r.share)} ({r.n}/{r.base})",
                ""
                if r.suppressed or r.low is None or r.high is None
                else f"{format_share(r.low)}–{format_share(r.high)}",
                f"{r.key} {r.item}".strip(),
                f"{DASH}*" if r.score_suppressed else format_number(r.mean),
                r.score_n or DASH,
            ]
            for r in links.rows
        ]
        headers = ["Koodi", "Osuus (n/perusjoukko)", "95 %:n LV", "Kohta", "Keskiarvo", "n"]
        out += [_md_table(headers, rows, right=[1, 2, 4, 5]), ""]
        if note := non_answer_note(links):
            out += [escape_md(note), ""]
        if links.absent:
            out += [
                "Koodit, joihin linkitettyä kohtaa ei ole pistetaulukossa: "
                + escape_md(", ".join(links.absent))
                + ".",
                "",
            ]
        if links.correlations:
            out += [f"### Yhteys ryhmien välillä ({links.corr_by})", ""]
            rows = [
                [
                    f"{c.name} ({c.code})",
                    f"{c.key} {c.item}".strip(),
                    c.n,
                    format_number(c.rho, 2),
                    format_number(c.r, 2),
                    format_number(c.p, 3),
                    SMALL_N_NOTE if c.small_n else "",
                ]
                for c in links.correlations
            ]
            headers = ["Koodi", "Kohta", "Ryhmiä", "ρ", "r", "p (ρ)", "Huom."]
            out += [_md_table(headers, rows, right=[2, 3, 4, 5]), ""]
    if rep.cluster_links:
        local = any(c.local_mean is not None for c in rep.cluster_links)
        own = any(c.own_mean is not None for c in rep.cluster_links)
        out += ["## Ryhmien mekanismit ja niihin linkitettyjen kohtien keskiarvot", ""]
        rows = [
            [
                c.number,
                c.label,
                c.name,
                f"{c.statements}/{c.size}",
                f"{c.key} {c.item}".strip(),
                *([format_number(c.own_mean), c.own_n or ""] if own else []),
                format_number(c.mean),
                *([format_number(c.local_mean)] if local else []),
            ]
            for c in rep.cluster_links
        ]
        headers = ["#", "Ryhmä", "Mekanismi", "Vastauksia", "Kohta"]
        headers += ["Ryhmän vastaajat", "n"] if own else []
        headers += ["Kaikki vastaajat"]
        headers += ["Vastausten ryhmissä"] if local else []
        numeric = [0, 3, *range(5, len(headers))]
        out += [_md_table(headers, rows, right=numeric), ""]
        if own:
            out += [OWN_MEAN_NOTE.format(min_cell=rep.min_cell), ""]
    if rep.mentions:
        keys, codes = mention_matrix(rep.mentions)
        items = {r.key: r.item for r in rep.mentions}
        rows = []
        for first, cells in codes:
            n = mentioners(cells)
            rows.append(
                [
                    f"{first.name} ({first.code})",
                    f"{DASH}*" if n is None else n,
                    *(
                        f"**{mention_cell(c)}**" if c is not None and c.clear else mention_cell(c)
                        for c in cells
                    ),
                ]
            )
        out += [f"## {MENTIONS_HEADING}", "", MENTIONS_NOTE, ""]
        out += [_md_table(["Koodi", "Maininneita", *keys], rows, right=range(1, len(keys) + 2))]
        out += ["", *(f"- {k}: {escape_md(items[k])}" for k in keys), ""]
    if rep.waves:
        out += ["## Muutokset kyselykierrosten välillä", ""]
        rows = [
            [
                f"{w.name} ({w.code})",
                f"{w.wave_from} → {w.wave_to}",
                *(
                    [f"{DASH}* alle {rep.min_cell} vastaajaa", "", "", "", ""]
                    if w.suppressed
                    else [
                        format_share(w.share_from),
                        format_share(w.share_to),
                        format_number(None if w.change is None else 100 * w.change),
                        ""
                        if w.low is None or w.high is None
                        else f"{format_number(100 * w.low)}…{format_number(100 * w.high)}",
                        format_number(w.p, 3),
                    ]
                ),
            ]
            for w in rep.waves
        ]
        headers = ["Koodi", "Kierrokset", "Ennen", "Jälkeen", "Muutos (%-yks.)", "95 %:n LV", "p"]
        out += [_md_table(headers, rows, right=[2, 3, 4, 5, 6]), ""]
    return out


def _md_table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], right: Iterable[int] = ()
) -> str:
    """A Markdown table; the columns ``right`` are right-aligned."""
    right_set = set(right)
    lines = ["| " + " | ".join(escape_md(h) for h in headers) + " |"]
    lines.append(
        "|" + "|".join("---:" if i in right_set else "---" for i in range(len(headers))) + "|"
    )
    lines += ["| " + " | ".join(escape_md(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _count(n: int) -> str:
    return f" ({respondents_phrase(n)})" if n > 1 else ""


def _quote_count(quote: Quote) -> str:
    said = [respondents_phrase(quote.respondents)] if quote.respondents > 1 else []
    said += [REPEATED] if quote.repeated else []
    return f" ({'; '.join(said)})" if said else ""


def render_markdown(rep: ReportModel) -> str:
    """The report as compact Markdown with the same tables as the HTML page."""
    out = [f"# {escape_md(rep.title)}", "", escape_md(summary_text(rep)), ""]
    out += [f"**Tietosuoja:** {escape_md(privacy_text(rep))}", ""]
    if rep.notes:
        out += ["> **Huom.** " + " ".join(escape_md(n) for n in rep.notes), ""]
    if rep.freqs is not None:
        f = rep.freqs
        out += [f"## {escape_md(f.heading)}", ""]
        for lay in f.layers:
            out += [f"### {escape_md(lay.title)}", ""]
            headers = ["Teema"] + [
                f"{label} ({group_size(lay, g, f.min_cell)})"
                for g, label in zip(lay.groups, lay.group_labels, strict=True)
            ]
            rows = []
            for code in lay.codes:
                row = [rep.names.code(code)]
                for g in lay.groups:
                    cell = lay.cells.get((code, g))
                    if cell is None:
                        row.append("")
                    elif cell.suppressed or cell.share is None:
                        row.append(f"{DASH}*")
                    else:
                        row.append(f"{format_share(cell.share)} ({cell.n})")
                rows.append(row)
            out += [_md_table(headers, rows, right=range(1, len(headers))), ""]
            if any(c.suppressed for c in lay.cells.values()):
                out += [f"\\* {escape_md(suppression_note(f))}", ""]
    for q in rep.questions:
        out += [f"## {escape_md(q.title)}", ""]
        for part in q.parts:
            out += [f"### {escape_md(part.title)}", ""]
            if not part.statements:
                out += ["_Ei vastauksia._", ""]
                continue
            out += [f"{part_counts(part)}.", ""]
            for t in part.themes:
                if t.number is None:
                    continue
                note = f" ({escape_md(t.mixed_note)})" if t.mixed_note else ""
                out += [
                    f"**{t.number}. {escape_md(t.label)}**{note} – "
                    f"{respondents_phrase(t.respondents)} ({format_share(t.share)})",
                    "",
                ]
                for qt in t.quotes:  # one blockquote each (adjacent ">" lines would merge)
                    out += [f"> ”{escape_md(qt.text)}”{_quote_count(qt)}", ""]
                if why := t.no_quotes(rep.min_cell):
                    out += [f"_Lainauksia ei näytetä: {why}._", ""]
    if rep.overall is not None:
        c = rep.overall
        out += ["## Kaikkien vastausten ryhmittely", ""]
        headers = ["#", "Ryhmä", "Vastauksia", "Vastaajia", "Osuus", "Koodit", "Esimerkki"]
        rows = []
        for t in c.themes:
            example = t.quotes[0] if t.quotes else None
            why = t.no_quotes(rep.min_cell)
            rows.append(
                [
                    DASH if t.number is None else t.number,
                    t.label,
                    count_text(t.statements),
                    count_text(t.respondents),
                    format_share(t.share),
                    ", ".join(t.codes),
                    f"”{example.text}”{_count(example.respondents)}"
                    if example
                    else (f"({why})" if why else ""),
                ]
            )
        out += [_md_table(headers, rows, right=[0, 2, 3, 4]), ""]
    if rep.highlights:
        out += ["## Toimivaa yhteistyötä: nostoja vastaajaryhmittäin", ""]
        for label, picks, note in rep.highlights:
            out += [f"### {escape_md(label)}", ""]
            if note:
                out += [f"_{escape_md(note)}_", ""]
            out += [
                f"- ”{escape_md(p['text'])}”"
                + _quote_count(
                    Quote(p["text"], p["respondents"], [], repeated=p.get("repeated", False))
                )
                for p in picks
            ]
            out += [""] if picks else []
    for section in rep.scores:
        out += [f"## {escape_md(section.heading)}", "", f"Lähde: {score_source_text(section)}", ""]
        for table in section.tables:
            if table.question:
                out += [f"### {escape_md(table.question)}", ""]
            rows = []
            for r, label in enumerate(table.rows):
                cells = [
                    f"{DASH}*" if table.flags[r][j] else format_number(table.means[r][j])
                    for j in range(len(table.items))
                ]
                n = table.row_n[r]
                shown_n = f"{DASH}*" if table.n_hidden[r] else DASH if n is None else n
                rows.append([label, *cells, shown_n])
            out += [
                _md_table(
                    [section.row_title, *table.keys, "N"],
                    rows,
                    right=range(1, len(table.keys) + 2),
                ),
                "",
            ]
            out += [f"- {escape_md(k)}: {escape_md(t)}" for k, t in table.legend()]
            out += [""]
        if section.any_suppressed:
            out += [
                f"\\* piilotettu: alle {section.min_cell} vastaajaa, tai toissijaisesti, jotta "
                "piilotettua keskiarvoa ei voi päätellä muista luvuista.",
                "",
            ]
    out += _md_links(rep)
    if len(rep.evidence):
        out += ["## Koodien yleisimmät perusteet", ""]
        rows = [
            [row["name"], count_text(row["answers"]), lemma_text(row["lemmas"])]
            for _, row in rep.evidence.iterrows()
        ]
        out += [_md_table(["Koodi", "Vastauksia", "Yleisimmät perusteet"], rows, right=[1]), ""]
    out += ["## Menetelmä ja aineisto", ""]
    out += [f"- **{escape_md(k)}:** {escape_md(v)}" for k, v in method_items(rep)]
    return "\n".join(out).rstrip() + "\n"


__all__ = ["render_markdown"]
