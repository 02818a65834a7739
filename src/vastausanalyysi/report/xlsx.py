"""The report as an Excel workbook: sheets ``vastaukset`` (one row per answer, never a lost row),
``frekvenssit``, ``klusterit``, ``pisteet``, ``lampokartta`` (the score tables wide, each mean's
cell filled by its value), ``linkit``, ``korrelaatiot``, ``klusterilinkit`` and ``kierrokset``
(when there is something to show), ``perusteet`` and ``menetelma``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from vastausanalyysi.report.evidence import lemma_text
from vastausanalyysi.report.html_links import score_colour
from vastausanalyysi.report.labels import (
    COLUMN_TITLES,
    LAYER_TITLES,
    POLARITY_NAMES,
    REGION_COLUMNS,
    region_code,
)
from vastausanalyysi.report.model import (
    GROUPING_COLUMNS,
    HIDDEN_GROUP,
    ReportModel,
    hidden_note,
    not_finnish,
)
from vastausanalyysi.report.narrative import LANGUAGE_NAMES, code_legend, method_items
from vastausanalyysi.report.questions import Theme
from vastausanalyysi.report.quotes import REPEATED, respondents_phrase
from vastausanalyysi.report.scores import SURVEY
from vastausanalyysi.report.tables_links import (
    CLUSTER_HEADERS,
    CORRELATION_HEADERS,
    LINK_HEADERS,
    MENTION_HEADERS,
    WAVE_HEADERS,
    cluster_rows,
    correlation_rows,
    link_rows,
    mention_rows,
    wave_rows,
)
from vastausanalyysi.schema import POLARITY
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
    """A sheet with a bold, frozen header row, an auto-filter and column widths.

    The workbook is write-only (streamed): rows are prepared first, to size the columns.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    values = [[_xlsx_value(v) for v in row] for row in rows]
    n_cols = max([len(headers), *(len(row) for row in values)])
    widths = [len(str(h)) for h in headers] + [0] * (n_cols - len(headers))
    for row in values:
        for c, value in enumerate(row):
            if value is not None:
                longest = max((len(line) for line in str(value).splitlines()), default=0)
                widths[c] = max(widths[c], min(longest, max_width))
    ws = wb.create_sheet(name)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(8, min(width, max_width) + 2)
    ws.freeze_panes = "A2"
    if values:
        ws.auto_filter.ref = f"A1:{get_column_letter(n_cols)}{len(values) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=_xlsx_value(h))
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    formats = dict(formats or {})
    wrap_set = set(wrap)
    wrap_style = Alignment(wrap_text=True, vertical="top")
    for row in values:
        out: list[Any] = []
        for c, value in enumerate(row, start=1):
            formula_like = isinstance(value, str) and value.startswith("=")
            number_format = formats.get(c) if isinstance(value, int | float) else None
            if not (formula_like or number_format or c in wrap_set):
                out.append(value)
                continue
            cell = WriteOnlyCell(ws, value=value)
            if formula_like:
                cell.data_type = "s"  # text, never a formula
            if number_format:
                cell.number_format = number_format
            if c in wrap_set:
                cell.alignment = wrap_style
            out.append(cell)
        ws.append(out)
    return ws


def _answer_sheet(wb: Any, rep: ReportModel) -> None:
    """One row per answer, in order. An answer under the small-cell rule keeps its row and
    codes but not its text, evidence, group or county; the others show the group and county
    that the rule lets be published with them (``_labels``: both, the group only, or none for
    the answers of the cells the frequency tables hide)."""
    a = rep.answers
    id_cols = [c for c in rep.shown_columns if c not in GROUPING_COLUMNS]
    group_cols = [c for c in rep.shown_columns if c in GROUPING_COLUMNS]
    headers = [COLUMN_TITLES.get(c, c) for c in id_cols]
    for c in group_cols:
        headers += [COLUMN_TITLES.get(c, c), f"{COLUMN_TITLES.get(c, c)} (koodi)"]
    headers += [
        "Vastaus",
        "Alueet",
        "Alueet (koodit)",
        "Yhteistyön tavat",
        "Yhteistyön tavat (koodit)",
        "Sävy",
        "Sävy (koodi)",
        "Perusteet",
    ]
    parts = [(q, part) for q in rep.questions for part in q.parts]
    headers += [f"{title}: ryhmä" for title in dict.fromkeys(p.title for _, p in parts)]
    if rep.overall is not None:
        headers += ["Ryhmä (kaikki vastaukset)", "Ryhmän nimi"]
    polarity = a[POLARITY].tolist() if POLARITY in a.columns else [""] * len(a)
    hidden = hidden_note(rep.min_cell)
    other, languages = not_finnish(a), a["_language"].tolist()  # not coded: said so
    titles = list(dict.fromkeys(p.title for _, p in parts))

    def answer_rows() -> Iterable[list[Any]]:
        columns = [a[c].tolist() for c in id_cols]
        groups = [a[c].tolist() for c in group_cols]
        own = ("_labels", "_areas", "_mechanisms", "_text", "_evidence", "_has_text", "_hidden")
        v = {c: a[c].tolist() for c in own}  # each column read once, not a cell at a time
        for i in range(len(a)):
            row = [col[i] for col in columns]
            published = v["_labels"][i]
            for c, col in zip(group_cols, groups, strict=True):
                if c not in published:  # its codes stay, so no total minus the rows gives them
                    row += [HIDDEN_GROUP, HIDDEN_GROUP]
                else:
                    code = region_code(col[i]) if c in REGION_COLUMNS else col[i]
                    row += [rep.names.value(c, col[i]) if not is_missing(col[i]) else None, code]
            areas, mechs = v["_areas"][i], v["_mechanisms"][i]
            under_rule = v["_hidden"][i]
            row += [
                hidden if under_rule else v["_text"][i],
                ", ".join(rep.names.code(c) for c in areas),
                ", ".join(areas),
                ", ".join(rep.names.code(c) for c in mechs),
                ", ".join(mechs),
                (
                    f"ei koodattu ({LANGUAGE_NAMES.get(languages[i], 'muulla kielellä')})"
                    if other[i]
                    else POLARITY_NAMES.get(polarity[i], polarity[i])
                ),
                polarity[i],
                "" if under_rule else v["_evidence"][i],
            ]
            labels = {title: "" for title in titles}
            for _, part in parts:
                if i in part.labels:
                    labels[part.title] = part.labels[i]
            row += [labels[t] for t in titles]
            if rep.overall is not None:
                row += [rep.overall.numbers.get(i), rep.overall.labels.get(i, "")]
            yield row

    text_col = len(id_cols) + 2 * len(group_cols) + 1
    _write_sheet(wb, "vastaukset", headers, answer_rows(), wrap=[text_col], max_width=80)


def _quotes_cell(theme: Theme, min_cell: int) -> str:
    if why := theme.no_quotes(min_cell):
        return f"({why})"
    return "\n".join(
        f"”{q.text}”"
        + (f" ({respondents_phrase(q.respondents)})" if q.respondents > 1 else "")
        + (f" ({REPEATED})" if q.repeated else "")
        for q in theme.quotes
    )


def _cluster_sheet(wb: Any, rep: ReportModel) -> None:
    def row(question: str, part: str, t: Any) -> list[Any]:
        codes = ", ".join(t.codes)
        return [question, part, t.number, t.label, t.mixed_note, t.statements, t.respondents,
                t.share, codes, _quotes_cell(t, rep.min_cell)]  # fmt: skip

    rows = [row(q.title, p.title, t) for q in rep.questions for p in q.parts for t in p.themes]
    if rep.overall is not None:
        rows += [row("(kaikki kysymykset)", "Kaikki vastaukset", t) for t in rep.overall.themes]
    if not rows:
        return
    headers = [
        "Kysymys",
        "Osa",
        "Ryhmä",
        "Nimi",
        "Huomio",
        "Lausumia",
        "Vastaajia",
        "Osuus",
        "Koodit",
        "Lainauksia",
    ]
    _write_sheet(wb, "klusterit", headers, rows, formats={8: "0.0%"}, wrap=[10], max_width=70)


def _score_sheet(wb: Any, rep: ReportModel) -> None:
    rows: list[list[Any]] = []
    for section in rep.scores:
        source = "kyselyn omat vastaukset" if section.source == SURVEY else "julkaistu taulukko"
        for table in section.tables:
            for r, label in enumerate(table.rows):
                for j, item in enumerate(table.items):
                    flag = table.flags[r][j]
                    rows.append(
                        [
                            source,
                            table.question,
                            label,
                            table.codes[r] or None,
                            table.keys[j],
                            item,
                            table.texts[j],
                            None if flag else table.means[r][j],
                            table.ns[r][j],
                            "kyllä" if flag else "",
                            {
                                "primary": f"alle {section.min_cell} vastaajaa",
                                "secondary": ("toissijainen piilotus"),
                            }.get(flag, ""),
                        ]
                    )
    headers = [
        "Lähde",
        "Kysymys",
        "Ryhmä tai alue",
        "Koodi",
        "Tunnus",
        "Kohdan tunnus",
        "Kohta",
        "Keskiarvo",
        "n",
        "Piilotettu",
        "Piilotuksen syy",
    ]
    _write_sheet(wb, "pisteet", headers, rows, formats={8: "0.0"})


def _heatmap_sheet(wb: Any, rep: ReportModel) -> None:
    """The score tables wide (rows by item keys), each mean's cell filled by its value as in
    the HTML heatmap; hidden means say so, missing ones are empty."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    ws = wb.create_sheet("lampokartta")
    bold = Font(bold=True)
    ws.column_dimensions["A"].width = 28
    for section in rep.scores:
        ws.append([WriteOnlyCell(ws, value=_xlsx_value(section.heading))])
        for table in section.tables:
            if table.question:
                ws.append([_xlsx_value(table.question)])
            header = [section.row_title, *table.keys, "N"]
            cells = []
            for h in header:
                cell = WriteOnlyCell(ws, value=h)
                cell.font = bold
                cells.append(cell)
            ws.append(cells)
            for r, label in enumerate(table.rows):
                row: list[Any] = [label]
                for j in range(len(table.items)):
                    if table.flags[r][j]:
                        row.append("piilotettu")
                        continue
                    mean = table.means[r][j]
                    cell = WriteOnlyCell(ws, value=_xlsx_value(mean))
                    cell.number_format = "0.0"
                    colour = score_colour(mean, section.scale)
                    if colour:
                        cell.fill = PatternFill("solid", fgColor=_hex(colour))
                    row.append(cell)
                row.append("piilotettu" if table.n_hidden[r] else table.row_n[r])
                ws.append(row)
            for key, text in table.legend():
                ws.append([key, text])
            ws.append([])
    ws.append(["Värit: sininen = yli asteikon keskikohdan, oranssi = alle; tyhjä = ei arvoa."])


def _hex(rgba: str) -> str:
    """``rgba(r,g,b,a)`` blended on white as an ``RRGGBB`` fill colour."""
    r, g, b, a = (float(v) for v in rgba[5:-1].split(","))
    return "".join(f"{round(255 - (255 - c) * a):02X}" for c in (r, g, b))


def _link_sheets(wb: Any, rep: ReportModel) -> None:
    """The codes beside their linked items' means, correlations, clusters' links and waves."""
    pct = "0.0%"
    if rep.links is not None and rep.links.rows:
        _write_sheet(
            wb,
            "linkit",
            LINK_HEADERS,
            link_rows(rep.links),
            formats={4: pct, 5: pct, 6: pct, 13: "0.0"},
        )
        if rep.links.correlations:
            _write_sheet(
                wb,
                "korrelaatiot",
                CORRELATION_HEADERS,
                correlation_rows(rep.links),
                formats={7: "0.00", 8: "0.00", 9: "0.00", 10: "0.000", 11: "0.00"},
            )
    if rep.cluster_links:
        _write_sheet(
            wb,
            "klusterilinkit",
            CLUSTER_HEADERS,
            cluster_rows(rep.cluster_links),
            formats={9: "0.0", 10: "0.0", 12: "0.0"},
        )
    if rep.mentions:
        _write_sheet(
            wb,
            "maininnat",
            MENTION_HEADERS,
            mention_rows(rep.mentions),
            formats={7: "0.00", 9: "0.00", 10: "0.00", 11: "0.00", 12: "0.00", 13: "0.000"},
        )
    if rep.waves:
        _write_sheet(
            wb,
            "kierrokset",
            WAVE_HEADERS,
            wave_rows(rep.waves),
            formats={6: pct, 8: pct, 10: pct, 11: pct, 12: pct, 13: "0.000"},
        )


def render_xlsx(rep: ReportModel, path: Path) -> None:
    """Write the workbook to ``path``."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _answer_sheet(wb, rep)

    if rep.freqs is not None:
        f = rep.freqs
        headers = []
        for c in f.by:
            headers += [COLUMN_TITLES.get(c, c), f"{COLUMN_TITLES.get(c, c)} (koodi)"]
        headers += [
            "Kerros",
            "Koodi",
            "Nimi",
            "n",
            "Perusjoukko",
            "Ei sisältöä",
            "Osuus",
            "LV alaraja",
            "LV yläraja",
            "Piilotettu",
            "Piilotuksen syy",
        ]
        k = 2 * len(f.by)
        rows = []
        for lay in f.layers:
            for g in lay.groups:
                named: list[Any] = []
                for c, v in zip(f.by, g, strict=True):
                    named += [rep.names.value(c, v), v]
                for code in lay.codes:
                    cell = lay.cells.get((code, g))
                    if cell is None:
                        continue
                    rows.append(
                        [
                            *named,
                            LAYER_TITLES.get(lay.layer, lay.layer),
                            code,
                            rep.names.code(code),
                            cell.n,
                            cell.base,
                            None if cell.suppressed else lay.non_answers.get(g),
                            cell.share,
                            cell.low,
                            cell.high,
                            "kyllä" if cell.suppressed else "",
                            cell.reason,
                        ]
                    )
        pct = "0.0%"
        _write_sheet(wb, "frekvenssit", headers, rows, formats={k + 7: pct, k + 8: pct, k + 9: pct})

    _cluster_sheet(wb, rep)
    if rep.scores:
        _score_sheet(wb, rep)
        _heatmap_sheet(wb, rep)
    _link_sheets(wb, rep)

    ev_rows = [
        [
            LAYER_TITLES.get(row["layer"], row["layer"]),
            row["code"],
            row["name"],
            row["answers"],
            lemma_text(row["lemmas"]),
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
    for section in rep.scores:
        for table in section.tables:
            method_rows += [
                ["Kohta", f"{key} = {text}"]
                for key, text in zip(table.keys, table.texts, strict=True)
            ]
    _write_sheet(wb, "menetelma", ["Aihe", "Kuvaus"], method_rows, wrap=[2], max_width=100)
    save_workbook(wb, path)


#: The time stamped in a written workbook (its properties and its zip entries): none of the
#: time of writing, so that the same data give the same bytes.
WORKBOOK_TIME = (1980, 1, 1, 0, 0, 0)


def save_workbook(workbook: Any, path: Any) -> None:
    """``workbook.save(path)`` with no time of writing in the file (:data:`WORKBOOK_TIME` as
    its created and modified time and on every zip entry): the same data, the same bytes."""
    import datetime
    import zipfile

    stamp = datetime.datetime(*WORKBOOK_TIME)
    workbook.properties.created = stamp
    workbook.save(path)  # openpyxl sets the modified time to now here
    with zipfile.ZipFile(path) as saved:
        entries = [(info, saved.read(info)) for info in saved.infolist()]
    modified = f">{stamp.isoformat(timespec='seconds')}Z</dcterms:modified>".encode()
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb">[^<]*</dcterms:modified>", modified, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=WORKBOOK_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            out.writestr(fixed, data)


__all__ = ["MAX_CELL_CHARS", "WORKBOOK_TIME", "render_xlsx", "save_workbook"]
