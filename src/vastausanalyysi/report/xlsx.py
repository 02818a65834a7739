"""The report as an Excel workbook: sheets ``vastaukset`` (one row per answer, never a lost row),
``frekvenssit``, ``klusterit``, ``pisteet``, ``perusteet`` and ``menetelma``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from vastausanalyysi.report.labels import (
    COLUMN_TITLES,
    LAYER_TITLES,
    POLARITY_NAMES,
    SCORE_COLUMN_TITLES,
)
from vastausanalyysi.report.model import ANSWER_COLUMNS, ReportModel
from vastausanalyysi.report.narrative import code_legend, method_items
from vastausanalyysi.text import is_missing

MAX_CELL_CHARS = 32_000
"""Longer texts are cut (Excel's limit is 32,767 characters a cell)."""
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_value(value: Any) -> Any:
    """A value openpyxl can store: None for missing, plain numbers, text without control
    characters, cut at :data:`MAX_CELL_CHARS`."""
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool | int | float):
        return value
    text = _ILLEGAL_XML.sub("", str(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS] + " […katkaistu]"
    return text


def _write_sheet(
    wb: Any,
    name: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    formats: Mapping[int, str] | None = None,
    wrap: Iterable[int] = (),
    max_width: int = 60,
) -> Any:
    """A sheet with a bold, frozen header row, an auto-filter and column widths."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(name)
    ws.append(list(headers))
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    widths = [len(str(h)) for h in headers]
    formats = dict(formats or {})
    wrap_set = set(wrap)
    wrap_style = Alignment(wrap_text=True, vertical="top")
    r = 1
    for row in rows:
        r += 1
        for c, raw in enumerate(row, start=1):
            value = _xlsx_value(raw)
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if c in formats and isinstance(value, int | float):
                cell.number_format = formats[c]
            if c in wrap_set:
                cell.alignment = wrap_style
            if value is not None:
                longest = max((len(line) for line in str(value).splitlines()), default=0)
                widths[c - 1] = max(widths[c - 1], min(longest, max_width))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(8, min(width, max_width) + 2)
    ws.freeze_panes = "A2"
    if r > 1:
        ws.auto_filter.ref = ws.dimensions
    return ws


def render_xlsx(rep: ReportModel, path: Path) -> None:
    """Write the workbook to ``path``."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    a = rep.answers
    id_cols = [c for c in ANSWER_COLUMNS if c in a.columns]
    headers = [COLUMN_TITLES.get(c, c) for c in id_cols]
    headers += ["Vastaus", "Alueet", "Yhteistyön tavat", "Sävy", "Perusteet"]
    cluster_cols = rep.clusters is not None and rep.clusters.assignment is not None
    if cluster_cols:
        headers += ["Ryhmä (klusteri)", "Ryhmän nimi"]
    polarity = a["polarity"].tolist() if "polarity" in a.columns else [""] * len(a)
    assignment = rep.clusters.assignment if cluster_cols and rep.clusters else None

    def answer_rows() -> Iterable[list[Any]]:
        columns = [a[c].tolist() for c in id_cols]
        for i in range(len(a)):
            row = [col[i] for col in columns]
            row += [
                a["_text"].iat[i],
                ", ".join(a["_areas"].iat[i]),
                ", ".join(a["_mechanisms"].iat[i]),
                polarity[i],
                a["_evidence"].iat[i],
            ]
            if assignment is not None:
                row += list(assignment[i])
            yield row

    text_col = len(id_cols) + 1
    _write_sheet(wb, "vastaukset", headers, answer_rows(), wrap=[text_col], max_width=80)

    if rep.freqs is not None:
        f = rep.freqs
        headers = [COLUMN_TITLES.get(c, c) for c in f.by] + [
            "Kerros",
            "Koodi",
            "Nimi",
            "n",
            "Perusjoukko",
            "Osuus",
            "LV alaraja",
            "LV yläraja",
            "Piilotettu",
            "Piilotuksen syy",
        ]
        k = len(f.by)
        rows = []
        for lay in f.layers:
            for g, _label in zip(lay.groups, lay.group_labels, strict=True):
                for code in lay.codes:
                    cell = lay.cells.get((code, g))
                    if cell is None:
                        continue
                    rows.append(
                        [
                            *g,
                            lay.layer,
                            code,
                            rep.names.code(code),
                            cell.n,
                            cell.base,
                            cell.share,
                            cell.low,
                            cell.high,
                            "kyllä" if cell.suppressed else "",
                            cell.reason,
                        ]
                    )
        pct = "0.0%"
        _write_sheet(wb, "frekvenssit", headers, rows, formats={k + 6: pct, k + 7: pct, k + 8: pct})

    if rep.clusters is not None:
        c = rep.clusters
        t = c.table
        headers = ["Ryhmä", "Nimi", "Vastauksia", "Osuus", "Yleisimmät sanat", "Koodit"]
        headers += ["Edustavia vastauksia"] + [h for _, h in c.score_columns]
        has_n = "n_scored" in t.columns
        if has_n:
            headers.append("Pisteytettyjä")
        rows = []
        for _, row in t.iterrows():
            values = [
                row["cluster"],
                row["label"],
                row["size"],
                row["share"],
                ", ".join(row["top_lemmas"]),
                ", ".join(row["codes"]),
                "\n".join(f"• {r}" for r in row["representatives"]),
            ]
            values += [row[col] for col, _ in c.score_columns]
            if has_n:
                values.append(row["n_scored"])
            rows.append(values)
        fmt = {4: "0.0%", **{8 + i: "0.0" for i in range(len(c.score_columns))}}
        _write_sheet(wb, "klusterit", headers, rows, formats=fmt, wrap=[7], max_width=70)

    if rep.scores is not None:
        long = rep.scores.long
        cols = [str(col) for col in long.columns]
        rows = [list(r) for r in long.itertuples(index=False, name=None)]
        fmt = {cols.index("mean") + 1: "0.0"}
        headers = [SCORE_COLUMN_TITLES.get(col, col) for col in cols]
        _write_sheet(wb, "pisteet", headers, rows, formats=fmt)

    ev_rows = [
        [
            row["layer"],
            row["code"],
            row["name"],
            row["answers"],
            ", ".join(f"{t} ({n})" for t, n in row["lemmas"]),
        ]
        for _, row in rep.evidence.iterrows()
    ]
    _write_sheet(
        wb, "perusteet", ["Kerros", "Koodi", "Nimi", "Vastauksia", "Yleisimmät perusteet"], ev_rows
    )

    method_rows: list[list[Any]] = [[k, v] for k, v in method_items(rep)]
    method_rows.append(["", ""])
    method_rows += [
        ["Koodi", f"{code} = {name} ({LAYER_TITLES.get(lay, lay)})"]
        for lay, code, name in code_legend(rep)
    ]
    method_rows += [["Sävy", f"{code} = {name}"] for code, name in POLARITY_NAMES.items()]
    _write_sheet(wb, "menetelma", ["Aihe", "Kuvaus"], method_rows, wrap=[2], max_width=100)
    wb.save(path)


__all__ = ["MAX_CELL_CHARS", "render_xlsx"]
