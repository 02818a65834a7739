"""The report as a compact Markdown summary with the same tables as the HTML page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from vastausanalyysi.report.formatting import DASH, escape_md, format_number, format_share
from vastausanalyysi.report.model import ReportModel
from vastausanalyysi.report.narrative import (
    method_items,
    scores_heading,
    summary_text,
    suppression_note,
)
from vastausanalyysi.text import is_missing


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


def render_markdown(rep: ReportModel) -> str:
    """The report as compact Markdown with the same tables as the HTML page."""
    out = [f"# {escape_md(rep.title)}", "", escape_md(summary_text(rep)), ""]
    if rep.notes:
        out += ["> **Huom.** " + " ".join(escape_md(n) for n in rep.notes), ""]
    if rep.freqs is not None:
        f = rep.freqs
        out += [f"## {escape_md(f.heading)}", ""]
        for lay in f.layers:
            out += [f"### {escape_md(lay.title)}", ""]
            headers = ["Teema"] + [
                f"{label} (n = {lay.bases.get(g) if lay.bases.get(g) is not None else DASH})"
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
    if rep.clusters is not None:
        c = rep.clusters
        out += ["## Toimivaa yhteistyötä: ryhmitellyt vastaukset", ""]
        headers = ["#", "Ryhmä", "Vastauksia", "Osuus", "Koodit", "Esimerkki"]
        headers += [h for _, h in c.score_columns]
        rows = []
        number = 0
        for _, row in c.table.iterrows():
            if row["no_cluster"]:
                num = DASH
            else:
                number += 1
                num = str(number)
            example = row["representatives"][0] if row["representatives"] else ""
            values = [
                num,
                row["label"],
                row["size"],
                format_share(row["share"]),
                ", ".join(row["codes"]),
                f"”{example}”" if example else "",
            ]
            values += [format_number(row[col]) for col, _ in c.score_columns]
            rows.append(values)
        right = [0, 2, 3, *range(6, 6 + len(c.score_columns))]
        out += [_md_table(headers, rows, right=right), ""]
    if rep.highlights:
        out += ["## Toimivaa yhteistyötä: nostoja vastaajaryhmittäin", ""]
        for label, picks, note in rep.highlights:
            out += [f"### {escape_md(label)}", ""]
            if note:
                out += [f"_{escape_md(note)}_", ""]
            out += [f"- ”{escape_md(p['text'])}”" for p in picks]
            out += [""] if picks else []
    if rep.scores is not None:
        s = rep.scores
        out += [f"## {scores_heading(s.region_column)}", ""]
        for question, wide, headers in s.tables:
            if question:
                out += [f"### {escape_md(question)}", ""]
            items = [col for col in wide.columns if col not in {"_region", "_n"}]
            rows = [
                [rep.names.value(s.region_column, row["_region"])]
                + [format_number(row[i]) for i in items]
                + [DASH if is_missing(row["_n"]) else row["_n"]]
                for _, row in wide.iterrows()
            ]
            out += [
                _md_table(["Alue", *items, "N"], rows, right=range(1, len(items) + 2)),
                "",
            ]
            out += [
                f"- {escape_md(i)}: {escape_md(h)}"
                for i, h in zip(items, headers, strict=True)
                if h != i
            ]
            out += [""]
        out += ["Keskiarvot asteikolla 1–5; mitä suurempi, sitä paremmin toteutunut.", ""]
    if len(rep.evidence):
        out += ["## Koodien yleisimmät perusteet", ""]
        rows = [
            [row["name"], row["answers"], ", ".join(f"{t} ({n})" for t, n in row["lemmas"])]
            for _, row in rep.evidence.iterrows()
        ]
        out += [_md_table(["Koodi", "Vastauksia", "Yleisimmät perusteet"], rows, right=[1]), ""]
    out += ["## Menetelmä ja aineisto", ""]
    out += [f"- **{escape_md(k)}:** {escape_md(v)}" for k, v in method_items(rep)]
    return "\n".join(out).rstrip() + "\n"


__all__ = ["render_markdown"]
