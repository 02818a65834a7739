"""The report: one self-contained HTML file, an Excel workbook and a Markdown summary.

:func:`write_report` takes the tagged answers and, optionally, the theme frequencies
(:func:`vastausanalyysi.theme_frequencies`), the clustering
(:func:`vastausanalyysi.cluster_statements`) and the survey's mean scores (long form: ``county`` or
``region``, ``item_id``, ``item``, ``mean``, ``n``), and writes

* ``report.html`` — one file with inline CSS and inline SVG bar charts; nothing is loaded from
  anywhere (a Content-Security-Policy forbids it), every value is HTML-escaped;
* ``report.xlsx`` — sheets ``vastaukset`` (one row per answer, never a lost row), ``frekvenssit``,
  ``klusterit``, ``pisteet``, ``perusteet`` and ``menetelma``;
* ``report.md`` — a compact Markdown summary with the same tables.

A section whose input is ``None`` is left out and the report says so. With ``mask=True`` (the
default) every free text that is written out (answers, representative statements, cluster labels,
evidence words) goes through :func:`vastausanalyysi.nlp.pii.mask_pii` first.

The user interface text is Finnish; numbers use Finnish decimals ("12,5 %").
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ReportError

__all__ = [
    "FORMATS",
    "Bar",
    "ReportError",
    "bar_chart_svg",
    "format_number",
    "format_share",
    "top_evidence",
    "write_report",
]

#: the output formats :func:`write_report` knows, with their file names
FORMATS: dict[str, str] = {"html": "report.html", "xlsx": "report.xlsx", "md": "report.md"}
DEFAULT_TITLE = "Avovastausten analyysi"
DASH = "–"  # shown for suppressed and missing values

POLARITY_NAMES: dict[str, str] = {
    "works": "Toimii",
    "problem": "Ongelma",
    "mixed": "Sekä toimivaa että ongelmia",
    "neutral": "Neutraali",
}
LAYER_TITLES: dict[str, str] = {
    "area": "Yhdyspinta-alueet",
    "mechanism": "Yhteistyön tavat",
    "polarity": "Vastausten sävy",
}
GROUP_NAMES: dict[str, str] = {
    "puheenjohtajat": "Kuntapuheenjohtajat",
    "yleisjohto": "Kuntajohtajat ja muu yleisjohto",
    "toimialajohto": "Toimialajohto",
    "muut": "Muut kunta-alan organisaatiot",
    "tuntematon": "Tuntematon",
    "puheenjohtaja": "Kuntapuheenjohtajat",
    "kuntajohtaja": "Kuntajohtajat",
    "muu_yleisjohto": "Muu yleisjohto",
    "sivistysjohto": "Sivistystoimen viranhaltijajohto",
    "muu_toimialajohto": "Muu toimialajohto",
    "muu_organisaatio": "Muut kunta-alan organisaatiot",
}
#: wellbeing services county codes -> the short names the 2026 report uses
COUNTY_NAMES: dict[str, str] = {
    "01": "Itä-Uusimaa",
    "02": "Keski-Uusimaa",
    "03": "Länsi-Uusimaa",
    "04": "Vantaa-Kerava",
    "05": "Varsinais-Suomi",
    "06": "Satakunta",
    "07": "Kanta-Häme",
    "08": "Pirkanmaa",
    "09": "Päijät-Häme",
    "10": "Kymenlaakso",
    "11": "Etelä-Karjala",
    "12": "Etelä-Savo",
    "13": "Pohjois-Savo",
    "14": "Pohjois-Karjala",
    "15": "Keski-Suomi",
    "16": "Etelä-Pohjanmaa",
    "17": "Pohjanmaa",
    "18": "Keski-Pohjanmaa",
    "19": "Pohjois-Pohjanmaa",
    "20": "Kainuu",
    "21": "Lappi",
    "90": "Helsinki",
    "91": "Ahvenanmaa",
}
COLUMN_TITLES: dict[str, str] = {
    "respondent_id": "Vastaaja",
    "question": "Kysymys",
    "group": "Vastaajaryhmä (tarkka)",
    "coarse_group": "Vastaajaryhmä",
    "region": "Hyvinvointialue",
    "county": "Hyvinvointialue",
}
_BY_ADVERBS: dict[str, str] = {
    "group": "vastaajaryhmittäin",
    "coarse_group": "vastaajaryhmittäin",
    "region": "hyvinvointialueittain",
    "county": "hyvinvointialueittain",
    "question": "kysymyksittäin",
}
_GROUP_ORDER = ("puheenjohtajat", "yleisjohto", "toimialajohto", "muut", "tuntematon")
_REGION_COLUMNS = ("county", "region", "hyvinvointialue", "alue")
_ALL_RESPONDENTS = {"kaikki vastaajat", "kaikki", "yhteensä"}
_CODE_PREFIXES = ("area:", "mech:", "mechanism:", "polarity:")
_ANSWER_COLUMNS = ("respondent_id", "question", "group", "coarse_group", "region")
_SCORE_PREFIXES = ("score:", "mean:", "score_", "mean_")
_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#7F7F7F",
    "#332288",
)
MAX_CHART_GROUPS = 8  # more groups than this: the table (shaded) only, no grouped bar chart
MAX_HIGHLIGHTS = 3
_XLSX_MAX_CELL = 32_000
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# ============================================================================ formatting


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(float(value))
    return False


def format_number(x: Any, digits: int = 1) -> str:
    """A number with a Finnish decimal comma ("3,5"); "–" when missing."""
    if _missing(x):
        return DASH
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    text = f"{value:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")
    return "-" + text[1:] if text.startswith("-") and value != 0 else text.lstrip("-")


def format_share(x: Any, digits: int = 1) -> str:
    """A share (0–1) as a Finnish percentage: ``format_share(0.125) == "12,5 %"``; "–" if none."""
    if _missing(x):
        return DASH
    return f"{format_number(float(x) * 100.0, digits)} %"


def _e(value: Any) -> str:
    """HTML-escape anything (quotes included)."""
    return html.escape("" if _missing(value) else str(value), quote=True)


def _md(value: Any) -> str:
    """A value safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML."""
    text = "" if _missing(value) else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\s*[\r\n]+\s*", " ", text).replace("|", "\\|")


def _strip_prefix(code: str) -> str:
    for prefix in _CODE_PREFIXES:
        if code.startswith(prefix):
            return code[len(prefix) :]
    return code


def _as_list(value: Any) -> list[Any]:
    if _missing(value):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list | tuple | set | frozenset | np.ndarray | pd.Series):
        return [v for v in value if not _missing(v)]
    return [value]


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


# ============================================================================ masking


class _Masker:
    """Masks personal data in batches with ``mask_pii``, each distinct string once."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._cache: dict[str, str] = {}
        self._fn: Callable[[Iterable[str]], list[str]] | None = None
        if enabled:
            try:
                from vastausanalyysi.nlp.pii import mask_pii
            except ImportError as exc:
                raise ReportError(
                    "mask=True needs vastausanalyysi.nlp.pii.mask_pii to mask personal data, but "
                    f"it cannot be imported ({exc}); update the package, or pass mask=False to "
                    "write the texts unmasked"
                ) from exc
            self._fn = mask_pii

    def many(self, texts: Sequence[str]) -> list[str]:
        """``texts`` masked, in order (identity when masking is off)."""
        if not self.enabled or self._fn is None:
            return list(texts)
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._cache))
        if todo:
            masked = list(self._fn(todo))
            if len(masked) != len(todo):
                raise ReportError(
                    f"mask_pii returned {len(masked)} texts for {len(todo)}; cannot mask safely"
                )
            self._cache.update(zip(todo, (str(m) for m in masked), strict=True))
        return [self._cache.get(t, t) if t else t for t in texts]

    def one(self, text: str) -> str:
        return self.many([text])[0]


# ============================================================================ names


def _default_code_names() -> dict[str, str]:
    """Code id -> Finnish name from the default codebook ({} if it cannot be loaded)."""
    try:
        from vastausanalyysi.themes.codebook import load_codebook

        codebook = load_codebook()
        return {cid: code.name for cid, code in codebook.codes.items() if code.name}
    except Exception:  # the names are a convenience; ids are shown instead
        return {}


class _Names:
    """Display names of codes, groups and regions."""

    def __init__(self, codebook_names: Mapping[str, str] | None) -> None:
        self.codes = _default_code_names()
        for code, name in (codebook_names or {}).items():
            self.codes[_strip_prefix(str(code))] = str(name)
            self.codes[str(code)] = str(name)

    def code(self, code: Any) -> str:
        text = _text(code)
        if text in POLARITY_NAMES:
            return POLARITY_NAMES[text]
        return self.codes.get(text) or self.codes.get(_strip_prefix(text)) or text

    @staticmethod
    def value(column: str, value: Any) -> str:
        if _missing(value):
            return "(puuttuu)"
        text = str(value)
        if column in {"region", "county"}:
            return COUNTY_NAMES.get(text.zfill(2) if text.isdigit() else text, text)
        if column in {"group", "coarse_group"}:
            return GROUP_NAMES.get(text, text)
        return text


# ============================================================================ evidence


def _evidence_entries(value: Any) -> dict[str, list[Any]]:
    if isinstance(value, Mapping):
        return {str(code): _as_list(entries) for code, entries in value.items()}
    return {}


def _evidence_term(entry: Any) -> str:
    """The lemma (else surface, else model score) of one evidence entry."""
    if isinstance(entry, Mapping):
        for key in ("lemma", "surface", "term", "token"):
            text = _text(entry.get(key)).strip()
            if text:
                return text
        source = _text(entry.get("source") or entry.get("rule"))
        score = entry.get("score", entry.get("probability"))
        if source == "model" or not _missing(score):
            return f"malli {format_number(score, 2)}" if not _missing(score) else "malli"
        return source
    return _text(entry).strip()


def _evidence_summary(value: Any, masker: _Masker) -> str:
    """Evidence as "code: lemma, lemma; code: lemma"."""
    parts = []
    for code, entries in _evidence_entries(value).items():
        terms = list(dict.fromkeys(t for t in (_evidence_term(e) for e in entries) if t))
        terms = masker.many(terms)
        parts.append(f"{code}: {', '.join(terms)}" if terms else code)
    return "; ".join(parts)


def top_evidence(
    tagged: pd.DataFrame,
    n: int = 5,
    *,
    codebook_names: Mapping[str, str] | None = None,
    mask: bool = False,
) -> pd.DataFrame:
    """For each code, the evidence lemmas that gave it most often.

    Returns one row per code with ``layer``, ``code``, ``name``, ``answers`` (answers with evidence
    for the code) and ``lemmas`` (list of (lemma, answers) pairs, most frequent first, up to ``n``).
    """
    return _top_evidence(tagged, n, _Names(codebook_names), _Masker(mask))


def _top_evidence(tagged: pd.DataFrame, n: int, names: _Names, masker: _Masker) -> pd.DataFrame:
    columns = ["layer", "code", "name", "answers", "lemmas"]
    if "evidence" not in tagged.columns:
        return pd.DataFrame(columns=columns)
    layer_of: dict[str, str] = {}
    for column, layer in (("areas", "area"), ("mechanisms", "mechanism")):
        if column in tagged.columns:
            for cell in tagged[column].tolist():
                for code in _as_list(cell):
                    layer_of.setdefault(_strip_prefix(str(code)), layer)
    answers: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = {}
    for cell in tagged["evidence"].tolist():
        for code, entries in _evidence_entries(cell).items():
            answers[code] += 1
            terms = {t for t in (_evidence_term(e) for e in entries) if t}
            lemmas.setdefault(code, Counter()).update(terms)
    order = {"area": 0, "mechanism": 1, "polarity": 2}
    rows = []
    for code, count in answers.items():
        bare = _strip_prefix(code)
        if code.startswith("area:"):
            layer = "area"
        elif code.startswith(("mech:", "mechanism:")):
            layer = "mechanism"
        else:
            layer = layer_of.get(bare, "polarity" if bare in POLARITY_NAMES else "muu")
        ranked = sorted(lemmas[code].items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        masked = masker.many([term for term, _ in ranked])
        rows.append(
            {
                "layer": layer,
                "code": code,
                "name": names.code(code),
                "answers": count,
                "lemmas": [(m, c) for m, (_, c) in zip(masked, ranked, strict=True)],
            }
        )
    rows.sort(key=lambda r: (order.get(r["layer"], 3), -r["answers"], r["code"]))
    return pd.DataFrame(rows, columns=columns)


# ============================================================================ SVG charts


class Bar(NamedTuple):
    """One bar of :func:`bar_chart_svg`: a share (0–1) with an optional interval."""

    share: float | None
    low: float | None = None
    high: float | None = None
    suppressed: bool = False
    note: str = ""


_BAR_H = 14
_BAR_GAP = 2
_CAT_GAP = 12
_CHAR_W = 6.6


def _nice_max(values: Iterable[float]) -> float:
    top = max((v for v in values if v is not None and math.isfinite(v)), default=1.0)
    return min(1.0, max(0.1, math.ceil(top * 10.0 - 1e-9) / 10.0))


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart_svg(
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[Bar]],
    *,
    title: str,
    width: int = 720,
) -> str:
    """An inline SVG horizontal bar chart of shares, with 95 % interval whiskers.

    ``values[i][j]`` is the bar of category ``i`` (a row of bars) and series ``j`` (a colour, shown
    in a legend when there are several). A suppressed bar is drawn as "–". Everything is escaped;
    the SVG loads nothing and needs no script.
    """
    n_series = max(1, len(series))
    longest = max((len(c) for c in categories), default=10)
    label_w = int(min(300, max(90, longest * _CHAR_W + 16)))
    max_chars = max(8, int((label_w - 12) / _CHAR_W))
    value_w = 62
    plot_w = width - label_w - value_w - 8
    parts: list[str] = []
    y = 6
    if len(series) > 1:
        x = float(label_w)
        for j, name in enumerate(series):
            item_w = 16 + len(name) * _CHAR_W + 18
            if x + item_w > width and x > label_w:
                x, y = float(label_w), y + 18
            colour = _PALETTE[j % len(_PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="11" height="11" fill="{colour}"/>'
                f'<text x="{x + 15:.1f}" y="{y + 10}" class="lg">{_e(name)}</text>'
            )
            x += item_w
        y += 24
    top = y
    block = n_series * (_BAR_H + _BAR_GAP) - _BAR_GAP + _CAT_GAP
    axis_y = top + len(categories) * block
    height = axis_y + 22
    highs = [
        (b.high if b.high is not None and not _missing(b.high) else b.share)
        for row in values
        for b in row
        if not b.suppressed and b.share is not None and not _missing(b.share)
    ]
    xmax = _nice_max(highs)
    step = 0.05 if xmax <= 0.2 else (0.1 if xmax <= 0.5 else 0.2)

    def sx(v: float) -> float:
        return label_w + max(0.0, min(v, xmax)) / xmax * plot_w

    ticks = np.arange(0.0, xmax + 1e-9, step)
    for t in ticks:
        tx = sx(float(t))
        parts.append(
            f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" class="grid"/>'
            f'<text x="{tx:.1f}" y="{axis_y + 15}" class="tick">'
            f"{_e(format_share(float(t), 0))}</text>"
        )
    for i, category in enumerate(categories):
        y0 = top + i * block
        mid = y0 + (n_series * (_BAR_H + _BAR_GAP) - _BAR_GAP) / 2
        parts.append(
            f'<text x="{label_w - 8}" y="{mid + 4:.1f}" class="cat">'
            f"<title>{_e(category)}</title>{_e(_short(category, max_chars))}</text>"
        )
        for j, bar in enumerate(values[i] if i < len(values) else ()):
            by = y0 + j * (_BAR_H + _BAR_GAP)
            cy = by + _BAR_H / 2
            colour = _PALETTE[j % len(_PALETTE)]
            name = series[j] if j < len(series) else ""
            tip = ": ".join(p for p in (category, name) if p)
            if bar.suppressed or bar.share is None or _missing(bar.share):
                mark = DASH
                tip_text = f"{tip}: {bar.note or 'piilotettu'}" if bar.suppressed else f"{tip}: –"
                parts.append(
                    f'<text x="{label_w + 4}" y="{cy + 4:.1f}" class="sup">'
                    f"<title>{_e(tip_text)}</title>{mark}</text>"
                )
                continue
            share = float(bar.share)
            bw = max(0.0, sx(share) - label_w)
            tip_text = f"{tip}: {format_share(share)}"
            end = sx(share)
            whisker = ""
            if not (_missing(bar.low) or _missing(bar.high)):
                lo, hi = sx(float(bar.low)), sx(float(bar.high))
                tip_text += (
                    f" (95 %:n luottamusväli {format_share(bar.low)}–{format_share(bar.high)})"
                )
                whisker = (
                    f'<line x1="{lo:.1f}" y1="{cy:.1f}" x2="{hi:.1f}" y2="{cy:.1f}" '
                    'class="ci"/>'
                    f'<line x1="{lo:.1f}" y1="{cy - 4:.1f}" x2="{lo:.1f}" y2="{cy + 4:.1f}" '
                    'class="ci"/>'
                    f'<line x1="{hi:.1f}" y1="{cy - 4:.1f}" x2="{hi:.1f}" y2="{cy + 4:.1f}" '
                    'class="ci"/>'
                )
                end = max(end, hi)
            if bar.note:
                tip_text += f", {bar.note}"
            parts.append(
                f"<g><title>{_e(tip_text)}</title>"
                f'<rect x="{label_w}" y="{by}" width="{bw:.1f}" height="{_BAR_H}" '
                f'fill="{colour}"/>{whisker}'
                f'<text x="{end + 4:.1f}" y="{cy + 4:.1f}" class="val">'
                f"{_e(format_share(share))}</text></g>"
            )
    parts.append(f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{axis_y}" class="axis"/>')
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{_e(title)}"><title>{_e(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )


# ============================================================================ preparation


class _Cell(NamedTuple):
    n: int | None
    base: int | None
    share: float | None
    low: float | None
    high: float | None
    suppressed: bool
    reason: str


@dataclass
class _FreqLayer:
    layer: str
    title: str
    groups: list[tuple[Any, ...]]
    group_labels: list[str]
    bases: dict[tuple[Any, ...], int | None]
    codes: list[str]
    cells: dict[tuple[str, tuple[Any, ...]], _Cell]


@dataclass
class _Freqs:
    by: list[str]
    layers: list[_FreqLayer]
    table: pd.DataFrame
    min_cell: int | None
    method: str
    confidence: float
    any_suppressed: bool
    heading: str


@dataclass
class _Clusters:
    table: pd.DataFrame  # cluster, label, size, share, top_lemmas, codes, representatives
    score_columns: list[tuple[str, str]]  # (column in table, header)
    method: str | None
    n_clusters: int | None
    silhouette: float | None
    assignment: list[tuple[Any, str]] | None  # per answer (cluster, label), or None


@dataclass
class _Scores:
    region_column: str
    tables: list[tuple[str | None, pd.DataFrame, list[str]]]  # (question, wide, item headers)
    long: pd.DataFrame


@dataclass
class _Report:
    title: str
    answers: pd.DataFrame
    names: _Names
    masker: _Masker
    freqs: _Freqs | None
    clusters: _Clusters | None
    scores: _Scores | None
    evidence: pd.DataFrame
    highlights: list[tuple[str, list[dict[str, Any]], str]]  # (group, answers, note)
    highlight_column: str | None
    notes: list[str] = field(default_factory=list)
    min_cell: int = 5
    sources: Counter[str] = field(default_factory=Counter)


def _int_or_none(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _float_or_none(value: Any) -> float | None:
    return None if _missing(value) else float(value)


def _key(value: Any) -> Any:
    return None if _missing(value) else value


def _by_heading(by: list[str]) -> str:
    if not by:
        return "Teemojen esiintyvyys"
    adverbs = list(dict.fromkeys(_BY_ADVERBS.get(c, f"ryhmittäin ({c})") for c in by))
    return "Teemojen esiintyvyys " + " ja ".join(adverbs)


def _reason_fi(reason: str, suppressed: bool) -> str:
    """The summary's suppression reason in Finnish."""
    if match := re.fullmatch(r"base (\d+) < min_cell (\d+)", reason):
        return f"piilotettu: ryhmässä {match[1]} vastaajaa, raja {match[2]}"
    if match := re.fullmatch(r"n < min_cell (\d+)", reason):
        return f"piilotettu: alle {match[1]} mainintaa"
    return reason or ("piilotettu" if suppressed else "")


def _prepare_freqs(frequencies: Any, names: _Names) -> _Freqs:
    if not isinstance(frequencies, pd.DataFrame):
        raise ReportError(
            f"frequencies must be the DataFrame of theme_frequencies, got "
            f"{type(frequencies).__name__}"
        )
    required = ["layer", "code", "share"]
    if missing := [c for c in required if c not in frequencies.columns]:
        raise ReportError(
            f"frequencies lack column(s) {missing!r}; columns are: "
            + ", ".join(repr(str(c)) for c in frequencies.columns)
        )
    columns = [str(c) for c in frequencies.columns]
    attrs_by = frequencies.attrs.get("by")
    if attrs_by is not None and all(c in frequencies.columns for c in attrs_by):
        by = [str(c) for c in attrs_by]
    else:
        by = columns[: columns.index("layer")]
    min_cell = frequencies.attrs.get("min_cell")
    method = str(frequencies.attrs.get("method", "wilson"))
    confidence = float(frequencies.attrs.get("confidence", 0.95))

    def col(name: str) -> list[Any]:
        return (
            frequencies[name].tolist() if name in frequencies.columns else [None] * len(frequencies)
        )

    group_values = list(zip(*(col(c) for c in by), strict=True)) if by else []
    layers: dict[str, _FreqLayer] = {}
    rows = zip(
        col("layer"),
        col("code"),
        col("n"),
        col("base"),
        col("share"),
        col("ci_low"),
        col("ci_high"),
        col("suppressed"),
        col("suppression_reason"),
        strict=True,
    )
    any_suppressed = False
    for i, (layer, code, n, base, share, low, high, sup, reason) in enumerate(rows):
        layer = _text(layer) or "muu"
        key = tuple(_key(v) for v in group_values[i]) if by else ()
        entry = layers.get(layer)
        if entry is None:
            entry = layers[layer] = _FreqLayer(
                layer, LAYER_TITLES.get(layer, layer), [], [], {}, [], {}
            )
        if key not in entry.bases:
            entry.groups.append(key)
            label = " / ".join(names.value(c, v) for c, v in zip(by, key, strict=True))
            entry.group_labels.append(label or "Kaikki vastaajat")
            entry.bases[key] = _int_or_none(base)
        code = _text(code)
        if code not in entry.codes:
            entry.codes.append(code)
        suppressed = bool(sup) if not _missing(sup) else False
        any_suppressed |= suppressed
        entry.cells[(code, key)] = _Cell(
            None if suppressed else _int_or_none(n),
            _int_or_none(base),
            None if suppressed else _float_or_none(share),
            None if suppressed else _float_or_none(low),
            None if suppressed else _float_or_none(high),
            suppressed,
            _reason_fi(_text(reason), suppressed),
        )
    rank = {g: i for i, g in enumerate(_GROUP_ORDER)}

    def position(values: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(
            rank.get(v, len(rank)) if c == "coarse_group" else 0
            for c, v in zip(by, values, strict=True)
        )

    for entry in layers.values():  # coarse groups in the report's order, other values as given
        order = sorted(range(len(entry.groups)), key=lambda i, e=entry: (position(e.groups[i]), i))
        entry.groups = [entry.groups[i] for i in order]
        entry.group_labels = [entry.group_labels[i] for i in order]
    return _Freqs(
        by,
        list(layers.values()),
        frequencies,
        _int_or_none(min_cell),
        method,
        confidence,
        any_suppressed,
        _by_heading(by),
    )


def _item_texts(scores: pd.DataFrame | None) -> dict[str, str]:
    if scores is None or "item_id" not in scores.columns or "item" not in scores.columns:
        return {}
    pairs = scores[["item_id", "item"]].dropna().drop_duplicates("item_id")
    return {str(a): str(b) for a, b in zip(pairs["item_id"], pairs["item"], strict=True)}


def _align(assignments: pd.DataFrame, tagged: pd.DataFrame) -> pd.DataFrame | None:
    if assignments.index.equals(tagged.index) or len(assignments) == len(tagged):
        return assignments.reset_index(drop=True)
    if assignments.index.is_unique and tagged.index.is_unique:
        return assignments.reindex(tagged.index).reset_index(drop=True)
    raise ReportError(
        f"clustering.assignments has {len(assignments)} rows that cannot be aligned with the "
        f"{len(tagged)} tagged answers"
    )


def _prepare_clusters(
    clustering: Any, tagged: pd.DataFrame, names: _Names, masker: _Masker, items: dict[str, str]
) -> _Clusters:
    table = getattr(clustering, "clusters", None)
    if not isinstance(table, pd.DataFrame):
        raise ReportError(
            "clustering must have a .clusters DataFrame (the result of cluster_statements), got "
            f"{type(clustering).__name__}"
        )
    if "cluster" not in table.columns:
        raise ReportError("clustering.clusters lacks the column 'cluster'")
    sizes = [(_int_or_none(s) or 0) for s in table.get("size", pd.Series([0] * len(table)))]
    total = sum(sizes) or 1
    rows = []
    for pos, (_, row) in enumerate(table.iterrows()):
        cluster = row["cluster"]
        reps = [_text(r) for r in _as_list(row.get("representatives"))]
        top = [_text(t) for t in _as_list(row.get("top_lemmas"))]
        label = _text(row.get("label")) or ", ".join(top[:3])
        no_cluster = not _missing(cluster) and str(cluster) == "-1"
        rows.append(
            {
                "cluster": cluster,
                "label": label,
                "size": sizes[pos],
                "share": sizes[pos] / total,
                "top_lemmas": masker.many(top),
                "codes": [names.code(c) for c in _as_list(row.get("codes"))],
                "representatives": masker.many(reps),
                "no_cluster": no_cluster,
            }
        )
    labels = masker.many([r["label"] for r in rows])
    for r, label in zip(rows, labels, strict=True):
        r["label"] = (
            "Ei ryhmiteltävissä (tyhjä tai sisällötön vastaus)"
            if r["no_cluster"]
            else (label or f"Ryhmä {r['cluster']}")
        )
    out = pd.DataFrame(rows)
    score_columns: list[tuple[str, str]] = []
    for column in table.columns:
        name = str(column)
        prefix = next((p for p in _SCORE_PREFIXES if name.startswith(p)), None)
        if prefix is None:
            continue
        item = name[len(prefix) :]
        out[name] = pd.to_numeric(table[column], errors="coerce").to_numpy()
        score_columns.append((name, items.get(item, item)))
    if "n_scored" in table.columns:
        out["n_scored"] = table["n_scored"].to_numpy()
    assignment = None
    assignments = getattr(clustering, "assignments", None)
    if isinstance(assignments, pd.DataFrame) and "cluster" in assignments.columns:
        aligned = _align(assignments, tagged)
        if aligned is not None:
            label_of = {str(r["cluster"]): r["label"] for r in rows}
            assignment = [
                (_key(c), label_of.get(str(c), "") if not _missing(c) else "")
                for c in aligned["cluster"].tolist()
            ]
    silhouette = getattr(clustering, "silhouette", None)
    n_clusters = getattr(clustering, "n_clusters", None)
    return _Clusters(
        out,
        score_columns,
        getattr(clustering, "method", None),
        _int_or_none(n_clusters) if isinstance(n_clusters, int | float | np.integer) else None,
        _float_or_none(silhouette) if isinstance(silhouette, int | float | np.floating) else None,
        assignment,
    )


def _prepare_scores(scores: Any) -> _Scores:
    if not isinstance(scores, pd.DataFrame):
        raise ReportError(f"scores must be a DataFrame, got {type(scores).__name__}")
    region = next((c for c in _REGION_COLUMNS if c in scores.columns), None)
    item_col = "item_id" if "item_id" in scores.columns else "item"
    if region is None or item_col not in scores.columns or "mean" not in scores.columns:
        raise ReportError(
            "scores must be in long form with columns county (or region), item_id or item, mean "
            "and n; columns are: " + ", ".join(repr(str(c)) for c in scores.columns)
        )
    long = scores.copy()
    raw = long["mean"]
    as_text = raw.astype("string").str.replace(",", ".", regex=False).str.strip()
    means = pd.to_numeric(as_text.replace({"-": None, DASH: None, "": None}), errors="coerce")
    bad = means.isna() & as_text.notna() & ~as_text.isin(["-", DASH, ""])
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ReportError(f"scores row {long.index[pos]!r}: mean {raw.iloc[pos]!r} is not a number")
    long["mean"] = means.astype(float).to_numpy()
    if "n" in long.columns:
        long["n"] = pd.to_numeric(long["n"], errors="coerce").astype("Int64")
    questions: list[Any] = (
        list(dict.fromkeys(long["question"].tolist())) if "question" in long.columns else [None]
    )
    tables = []
    for question in questions:
        part = long if question is None else long[long["question"] == question]
        item_ids = list(dict.fromkeys(_text(v) for v in part[item_col].tolist()))
        texts = {}
        if "item" in part.columns:
            for iid, text in zip(part[item_col].tolist(), part["item"].tolist(), strict=True):
                texts.setdefault(_text(iid), _text(text) or _text(iid))
        regions = list(dict.fromkeys(_key(v) for v in part[region].tolist()))
        overall = [r for r in regions if r is not None and str(r).lower() in _ALL_RESPONDENTS]
        regions = [r for r in regions if r not in overall] + overall
        wide = pd.DataFrame(index=range(len(regions)))
        wide["_region"] = regions
        cell: dict[tuple[Any, str], float] = {}
        ns: dict[Any, int] = {}
        for reg, iid, mean, n in zip(
            part[region].tolist(),
            part[item_col].tolist(),
            part["mean"].tolist(),
            part["n"].tolist() if "n" in part.columns else [None] * len(part),
            strict=True,
        ):
            cell[(_key(reg), _text(iid))] = mean
            if not _missing(n):
                ns[_key(reg)] = max(ns.get(_key(reg), 0), int(n))
        for iid in item_ids:
            wide[iid] = [cell.get((r, iid), np.nan) for r in regions]
        wide["_n"] = pd.array([ns.get(r) for r in regions], dtype="Int64")
        tables.append(
            (
                None if question is None else _text(question),
                wide,
                [texts.get(i, i) for i in item_ids],
            )
        )
    return _Scores(region, tables, long)


def _highlights(
    answers: pd.DataFrame, column: str | None, min_cell: int, names: _Names
) -> list[tuple[str, list[dict[str, Any]], str]]:
    """Up to three "what works" answers per respondent group (groups below min_cell skipped)."""
    if column is None or "polarity" not in answers.columns:
        return []
    out = []
    values = list(dict.fromkeys(_key(v) for v in answers[column].tolist()))
    order = {g: i for i, g in enumerate(_GROUP_ORDER)}
    values.sort(key=lambda v: (order.get(v, len(order)), "" if v is None else str(v)))
    for value in values:
        mask = np.array([_key(v) == value for v in answers[column].tolist()], dtype=bool)
        part = answers[mask]
        label = names.value(column, value)
        answered = part[part["_has_text"]]
        if len(answered) < min_cell:
            out.append((label, [], f"alle {min_cell} vastausta: nostoja ei näytetä"))
            continue
        works = answered[answered["polarity"] == "works"]
        if works.empty:
            out.append((label, [], "ei toimivaa yhteistyötä kuvaavia vastauksia"))
            continue
        scored = [
            (-(len(a) + len(m)), abs(len(t) - 120), pos, t, [*a, *m])
            for pos, (t, a, m) in enumerate(
                zip(works["_text"], works["_areas"], works["_mechanisms"], strict=True)
            )
        ]
        scored.sort(key=lambda s: s[:3])
        picks = [{"text": s[3], "codes": [names.code(c) for c in s[4]]} for s in scored]
        out.append((label, picks[:MAX_HIGHLIGHTS], ""))
    return out


def _prepare(
    tagged: Any,
    frequencies: Any,
    clustering: Any,
    scores: Any,
    title: str,
    codebook_names: Mapping[str, str] | None,
    mask: bool,
) -> _Report:
    if isinstance(tagged, pd.Series):
        tagged = tagged.to_frame("text")
    if not isinstance(tagged, pd.DataFrame):
        raise ReportError(
            f"tagged must be the DataFrame of va.tag (with a 'text' column), got "
            f"{type(tagged).__name__}"
        )
    if "text" not in tagged.columns:
        raise ReportError(
            "tagged answers lack the column 'text'; columns are: "
            + ", ".join(repr(str(c)) for c in tagged.columns)
        )
    masker = _Masker(mask)
    names = _Names(codebook_names)
    texts = [_text(t) for t in tagged["text"].tolist()]
    answers = pd.DataFrame(index=range(len(tagged)))
    for column in _ANSWER_COLUMNS:
        if column in tagged.columns:
            answers[column] = tagged[column].tolist()
    answers["_text"] = masker.many(texts)
    answers["_has_text"] = [bool(t.strip()) for t in texts]
    for column in ("areas", "mechanisms"):
        values = tagged[column].tolist() if column in tagged.columns else [None] * len(tagged)
        answers[f"_{column}"] = [[_text(c) for c in _as_list(v)] for v in values]
    if "polarity" in tagged.columns:
        answers["polarity"] = [_text(p) for p in tagged["polarity"].tolist()]
    evidence = tagged["evidence"].tolist() if "evidence" in tagged.columns else [None] * len(tagged)
    answers["_evidence"] = [_evidence_summary(ev, masker) for ev in evidence]
    sources: Counter[str] = Counter(
        _text(e.get("source")) or "rule"
        for ev in evidence
        for entries in _evidence_entries(ev).values()
        for e in entries
        if isinstance(e, Mapping)
    )

    notes = []
    freqs = _prepare_freqs(frequencies, names) if frequencies is not None else None
    if freqs is None:
        notes.append("Teemojen esiintyvyys puuttuu: frekvenssitaulukkoa ei annettu.")
    items = _item_texts(scores if isinstance(scores, pd.DataFrame) else None)
    clusters = (
        _prepare_clusters(clustering, tagged, names, masker, items)
        if clustering is not None
        else None
    )
    if clusters is None:
        notes.append("Vastausten ryhmittely puuttuu: ryhmittelyä ei annettu.")
    score_data = _prepare_scores(scores) if scores is not None else None
    if score_data is None:
        notes.append("Kyselyn keskiarvot puuttuvat: pistetaulukkoa ei annettu.")
    min_cell = freqs.min_cell if freqs is not None and freqs.min_cell else 5
    column = next((c for c in ("coarse_group", "group") if c in answers.columns), None)
    return _Report(
        title=title,
        answers=answers,
        names=names,
        masker=masker,
        freqs=freqs,
        clusters=clusters,
        scores=score_data,
        evidence=_top_evidence(tagged, 5, names, masker),
        highlights=_highlights(answers, column, min_cell, names),
        highlight_column=column,
        notes=notes,
        min_cell=min_cell,
        sources=sources,
    )


# ============================================================================ method text


def _interval_name(method: str, confidence: float) -> str:
    level = format_number(confidence * 100, 0)
    if method in {"clopper-pearson", "exact"}:
        return f"Clopper–Pearsonin tarkka {level} %:n luottamusväli"
    if method == "wilson":
        return f"Wilsonin {level} %:n luottamusväli"
    return f"{level} %:n luottamusväli ({method})"


def _method_items(rep: _Report) -> list[tuple[str, str]]:
    """(topic, Finnish description) pairs of the method note."""
    a = rep.answers
    n_rows = len(a)
    n_text = int(a["_has_text"].sum())
    items: list[tuple[str, str]] = []
    data = f"{n_rows} riviä, joista {n_text} sisältää vastauksen"
    if "respondent_id" in a.columns:
        data += f"; {a['respondent_id'].nunique(dropna=True)} vastaajaa"
    if "question" in a.columns:
        questions = [q for q in dict.fromkeys(a["question"].tolist()) if not _missing(q)]
        if questions:
            data += "; kysymykset: " + ", ".join(str(q) for q in questions)
    items.append(("Aineisto", data + "."))
    coding = (
        "Teemat (yhdyspinta-alueet ja yhteistyön tavat) ja vastauksen sävy annettiin "
        "koodikirjan sääntöjen perusteella: säännöt vertaavat Voikon antamia perusmuotoja ja "
        "yhdyssanojen osia koodikirjan sanastoon. Jos koulutettu luokittelumalli oli käytössä, "
        "se täydentää sääntöjä. Jokaisella koodilla on perusteena vastauksen sanat (pintamuoto ja "
        "perusmuoto) sekä sääntö tai mallin pistemäärä; perusteet ovat Excel-tiedoston "
        "välilehdellä ”vastaukset”."
    )
    if rep.sources:
        names = {"rule": "sääntö", "model": "malli"}
        coding += (
            " Perusteita lähteittäin: "
            + ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(rep.sources.items()))
            + "."
        )
    items.append(("Koodaus", coding))
    items.append(
        (
            "Sävy",
            "Toimii = vastaus kertoo jonkin toimivan tai parantuneen; ongelma = jokin ei toimi, "
            "puuttuu tai on vaikeaa; sekä toimivaa että ongelmia = molempia eri asioista; "
            "neutraali = ei kumpaakaan.",
        )
    )
    if rep.freqs is not None:
        f = rep.freqs
        min_cell = f"{f.min_cell}" if f.min_cell else "annettu raja"
        items.append(
            (
                "Osuudet",
                "Osuus = koodin maininneiden vastaajien osuus ryhmän vastanneista (perusjoukko, "
                "n). Vastaaja lasketaan kerran, vaikka hänellä olisi useita vastauksia.",
            )
        )
        items.append(
            (
                "Pienten ryhmien suojaus",
                f"Jos ryhmässä on alle {min_cell} vastaajaa (min_cell = {min_cell}), sen luvut "
                f"piilotetaan ja niiden paikalla on ”{DASH}”. Rivejä ei poisteta.",
            )
        )
        items.append(
            (
                "Luottamusvälit",
                f"{_interval_name(f.method, f.confidence)} osuudelle; kaavioissa viiksinä.",
            )
        )
    if rep.clusters is not None:
        c = rep.clusters
        how = {
            "kmeans": "k-means-ryhmittely (ryhmien määrä siluettikertoimen mukaan)",
            "agglomerative": "hierarkkinen ryhmittely (pieni aineisto)",
        }.get(_text(c.method), _text(c.method) or "ryhmittely")
        text = (
            "Vastaukset ryhmiteltiin sisällön mukaan: perusmuodot ja yhdyssanojen osat "
            f"(TF-IDF) sekä koodit; {how}. Ryhmän nimi on sen tyypillisimmät perusmuodot "
            "(c-TF-IDF), ja edustavat vastaukset ovat lähimpänä ryhmän keskipistettä."
        )
        if c.n_clusters is not None:
            text += f" Ryhmiä: {c.n_clusters}."
        if c.silhouette is not None:
            text += f" Siluettikerroin: {format_number(c.silhouette, 2)}."
        items.append(("Ryhmittely", text))
    if rep.scores is not None:
        items.append(
            (
                "Keskiarvot",
                "Kyselyn asteikollisten kysymysten keskiarvot (1–5; mitä suurempi, sitä paremmin "
                "toteutunut) alueittain sellaisinaan kuin ne annettiin; N = vastaajamäärä.",
            )
        )
    items.append(
        (
            "Tietosuoja",
            "Henkilötiedot (nimet, sähköpostiosoitteet, puhelinnumerot, henkilötunnukset) on "
            "korvattu merkinnöillä kuten [NIMI] ennen kirjoittamista."
            if rep.masker.enabled
            else "Henkilötietoja ei peitetty (mask=False); tarkista tekstit ennen jakamista.",
        )
    )
    from vastausanalyysi import __version__

    items.append(("Ohjelmisto", f"vastausanalyysi {__version__}."))
    items.extend(("Huomautus", note) for note in rep.notes)
    return items


def _polarity_counts(rep: _Report) -> list[tuple[str, int, float]]:
    a = rep.answers
    if "polarity" not in a.columns:
        return []
    answered = a[a["_has_text"]]
    total = len(answered) or 1
    counts = Counter(answered["polarity"].tolist())
    order = [*POLARITY_NAMES, *sorted(k for k in counts if k not in POLARITY_NAMES)]
    return [(k, counts[k], counts[k] / total) for k in order if counts.get(k)]


# ============================================================================ HTML

_CSS = """
:root{--fg:#1d1d1b;--muted:#5a5a5a;--line:#d9d9d9;--accent:#0072B2;--bg2:#f5f7fa}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);margin:0 auto;max-width:1100px;padding:1.5rem 1.25rem 3rem;line-height:1.45}
h1{font-size:1.8rem;margin:.2rem 0 .6rem}
h2{font-size:1.35rem;margin-top:2.4rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.6rem}
p.lead{font-size:1.05rem}
nav ol{margin:.3rem 0 0 1.2rem;padding:0}
a{color:var(--accent)}
.note{background:#fff8e5;border-left:4px solid #E69F00;padding:.5rem .8rem;margin:1rem 0}
.scroll{overflow-x:auto;margin:.6rem 0}
table{border-collapse:collapse;font-size:.9rem;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--bg2);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td.sup{color:var(--muted);text-align:center}
tr.total td,tr.total th{font-weight:700;border-top:2px solid #999}
.small{font-size:.8rem;color:var(--muted)}
.foot{font-size:.85rem;color:var(--muted);margin:.2rem 0 1rem}
ul.reps{margin:0;padding-left:1.1rem}
blockquote{margin:.4rem 0 .8rem;padding:.3rem .8rem;border-left:3px solid var(--accent);
background:var(--bg2)}
svg.chart{max-width:100%;height:auto;font-size:12px;display:block;margin:.4rem 0}
svg .cat{text-anchor:end;fill:#1d1d1b}
svg .val,svg .sup,svg .lg{fill:#1d1d1b}
svg .tick{text-anchor:middle;fill:#5a5a5a;font-size:11px}
svg .grid{stroke:#e6e6e6}
svg .axis{stroke:#888}
svg .ci{stroke:#1d1d1b;stroke-width:1.2}
dl.method dt{font-weight:600;margin-top:.6rem}
dl.method dd{margin:.1rem 0 0 0}
@media print{nav{display:none}h2{break-after:avoid}svg,table{break-inside:avoid}}
"""


def _shade(share: float | None, colour: tuple[int, int, int] = (0, 114, 178)) -> str:
    if share is None or _missing(share):
        return ""
    alpha = max(0.0, min(1.0, float(share))) * 0.55
    return f' style="background:rgba({colour[0]},{colour[1]},{colour[2]},{alpha:.2f})"'


def _score_shade(value: Any) -> str:
    if _missing(value):
        return ""
    v = float(value)
    if v >= 3:
        return f' style="background:rgba(0,114,178,{min(1.0, (v - 3) / 2) * 0.5:.2f})"'
    return f' style="background:rgba(213,94,0,{min(1.0, (3 - v) / 2) * 0.5:.2f})"'


def _suppression_note(freqs: _Freqs) -> str:
    limit = f"alle {freqs.min_cell}" if freqs.min_cell else "liian vähän"
    return (
        f"{DASH} = luku piilotettu, koska ryhmässä tai solussa on {limit} vastaajaa "
        "(pienten ryhmien suojaus)."
    )


def _html_freqs(rep: _Report) -> str:
    f = rep.freqs
    assert f is not None
    out = [f'<section id="frekvenssit"><h2>{_e(f.heading)}</h2>']
    out.append(
        '<p class="small">Osuus vastanneista, jotka mainitsivat teeman; suluissa mainintojen '
        f"määrä. Kaavioiden viikset: {_e(_interval_name(f.method, f.confidence))}.</p>"
    )
    for lay in f.layers:
        out.append(f"<h3>{_e(lay.title)}</h3>")
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
            f'<th class="num">{_e(label)}<br><span class="small">n = '
            f"{_e(lay.bases.get(g) if lay.bases.get(g) is not None else DASH)}</span></th>"
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
                    cells.append(f'<td class="sup" title="{_e(tip)}">{DASH}<sup>*</sup></td>')
                else:
                    n = f' <span class="small">({_e(cell.n)})</span>' if cell.n is not None else ""
                    tip = ""
                    if cell.low is not None and cell.high is not None:
                        tip = (
                            f' title="95 %:n luottamusväli {_e(format_share(cell.low))}–'
                            f'{_e(format_share(cell.high))}"'
                        )
                    cells.append(
                        f'<td class="num"{_shade(cell.share)}{tip}>'
                        f"{_e(format_share(cell.share))}{n}</td>"
                    )
            rows.append(f'<tr><th title="{_e(code)}">{_e(label)}</th>{"".join(cells)}</tr>')
        out.append(
            '<div class="scroll"><table><thead><tr><th>Teema</th>'
            f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        if any(c.suppressed for c in lay.cells.values()):
            out.append(f'<p class="foot"><sup>*</sup> {_e(_suppression_note(f))}</p>')
    out.append("</section>")
    return "".join(out)


def _html_clusters(rep: _Report) -> str:
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
    score_head = "".join(f'<th class="num">{_e(h)}</th>' for _, h in c.score_columns)
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
        reps = "".join(f"<li>{_e(r)}</li>" for r in row["representatives"])
        codes = ", ".join(row["codes"])
        scores = "".join(
            f'<td class="num"{_score_shade(row[col])}>{_e(format_number(row[col]))}</td>'
            for col, _ in c.score_columns
        )
        if "n_scored" in t.columns and c.score_columns:
            scores += f'<td class="num">{_e(row["n_scored"])}</td>'
        rows.append(
            f'<tr><td class="num">{num}</td><td>{_e(row["label"])}</td>'
            f'<td class="num">{_e(row["size"])}</td>'
            f'<td class="num">{_e(format_share(row["share"]))}</td><td>{_e(codes)}</td>'
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


def _html_highlights(rep: _Report) -> str:
    column = rep.highlight_column or ""
    out = [
        '<section id="nostot"><h2>Toimivaa yhteistyötä: nostoja vastaajaryhmittäin</h2>',
        '<p class="small">Enintään kolme toimivaa yhteistyötä kuvaavaa vastausta ryhmää kohti '
        f"({_e(COLUMN_TITLES.get(column, column))}); etusijalla vastaukset, joissa on eniten "
        "teemoja.</p>",
    ]
    for label, picks, note in rep.highlights:
        out.append(f"<h3>{_e(label)}</h3>")
        if note:
            out.append(f'<p class="small">{_e(note)}</p>')
        for pick in picks:
            codes = ", ".join(pick["codes"])
            tail = f'<br><span class="small">{_e(codes)}</span>' if codes else ""
            out.append(f"<blockquote>{_e(pick['text'])}{tail}</blockquote>")
    out.append("</section>")
    return "".join(out)


def _scores_heading(region_column: str) -> str:
    return (
        "Keskiarvot hyvinvointialueittain"
        if region_column in {"county", "region", "hyvinvointialue"}
        else "Keskiarvot alueittain"
    )


def _region_label(rep: _Report, scores: _Scores, value: Any) -> str:
    return rep.names.value(scores.region_column, value)


def _html_scores(rep: _Report) -> str:
    s = rep.scores
    assert s is not None
    out = [f'<section id="pisteet"><h2>{_e(_scores_heading(s.region_column))}</h2>']
    for question, wide, headers in s.tables:
        if question:
            out.append(f"<h3>{_e(question)}</h3>")
        items = [c for c in wide.columns if c not in {"_region", "_n"}]
        head = "".join(
            f'<th class="num" title="{_e(i)}">{_e(h)}</th>'
            for i, h in zip(items, headers, strict=True)
        )
        rows = []
        for _, row in wide.iterrows():
            region = row["_region"]
            total = region is not None and str(region).lower() in _ALL_RESPONDENTS
            cells = "".join(
                f'<td class="num"{_score_shade(row[i])}>{_e(format_number(row[i]))}</td>'
                for i in items
            )
            n = row["_n"]
            rows.append(
                ("<tr class='total'>" if total else "<tr>")
                + f"<th>{_e(_region_label(rep, s, region))}</th>{cells}"
                f'<td class="num">{_e(DASH if _missing(n) else n)}</td></tr>'
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


def _html_evidence(rep: _Report) -> str:
    ev = rep.evidence
    rows = []
    for _, row in ev.iterrows():
        lemmas = ", ".join(f"{term} ({count})" for term, count in row["lemmas"])
        rows.append(
            f"<tr><td>{_e(LAYER_TITLES.get(row['layer'], row['layer']))}</td>"
            f'<th title="{_e(row["code"])}">{_e(row["name"])}</th>'
            f'<td class="num">{_e(row["answers"])}</td><td>{_e(lemmas)}</td></tr>'
        )
    return (
        '<section id="perusteet"><h2>Koodien yleisimmät perusteet</h2>'
        '<p class="small">Sanat (perusmuodot), joiden perusteella koodi annettiin useimmin; '
        "suluissa vastausten määrä.</p>"
        '<div class="scroll"><table><thead><tr><th>Kerros</th><th>Koodi</th>'
        '<th class="num">Vastauksia</th><th>Yleisimmät perusteet</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _html_method(rep: _Report) -> str:
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _method_items(rep))
    legend = _code_legend(rep)
    legend_rows = "".join(
        f"<tr><td>{_e(LAYER_TITLES.get(lay, lay))}</td><td>{_e(code)}</td><td>{_e(name)}</td></tr>"
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


def _code_legend(rep: _Report) -> list[tuple[str, str, str]]:
    """(layer, code, name) of every code that appears in the report."""
    seen: dict[str, str] = {}
    for column, layer in (("_areas", "area"), ("_mechanisms", "mechanism")):
        for codes in rep.answers[column].tolist():
            for code in codes:
                seen.setdefault(code, layer)
    if rep.freqs is not None:
        for lay in rep.freqs.layers:
            for code in lay.codes:
                seen.setdefault(code, lay.layer)
    order = {"area": 0, "mechanism": 1, "polarity": 2}
    rows = [(layer, code, rep.names.code(code)) for code, layer in seen.items()]
    return sorted(rows, key=lambda r: (order.get(r[0], 3), r[1]))


def _summary_text(rep: _Report) -> str:
    a = rep.answers
    text = f"Aineistossa on {len(a)} vastausta"
    if "respondent_id" in a.columns:
        text += f" {a['respondent_id'].nunique(dropna=True)} vastaajalta"
    text += "."
    pol = _polarity_counts(rep)
    if pol:
        text += " Vastausten sävy: " + ", ".join(
            f"{POLARITY_NAMES.get(k, k).lower()} {n} ({format_share(s)})" for k, n, s in pol
        )
        text += "."
    return text


def _render_html(rep: _Report) -> str:
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
        sections.append(("pisteet", _scores_heading(rep.scores.region_column), _html_scores(rep)))
    if len(rep.evidence):
        sections.append(("perusteet", "Koodien yleisimmät perusteet", _html_evidence(rep)))
    sections.append(("menetelma", "Menetelmä ja aineisto", _html_method(rep)))
    toc = "".join(f'<li><a href="#{sid}">{_e(head)}</a></li>' for sid, head, _ in sections)
    notes = (
        '<div class="note"><strong>Huom.</strong> ' + " ".join(_e(n) for n in rep.notes) + "</div>"
        if rep.notes
        else ""
    )
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(rep.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(rep.title)}</h1><p class="lead">{_e(_summary_text(rep))}</p>'
        "</header>\n"
        f"<nav><strong>Sisällys</strong><ol>{toc}</ol></nav>\n{notes}\n"
        + "\n".join(body for _, _, body in sections)
        + "\n</body>\n</html>\n"
    )


# ============================================================================ XLSX


def _xlsx_value(value: Any) -> Any:
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool | int | float):
        return value
    text = _ILLEGAL_XML.sub("", str(value))
    if len(text) > _XLSX_MAX_CELL:
        text = text[:_XLSX_MAX_CELL] + " […katkaistu]"
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


def _render_xlsx(rep: _Report, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    a = rep.answers
    id_cols = [c for c in _ANSWER_COLUMNS if c in a.columns]
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
        titles = {
            "county": "Hyvinvointialue",
            "region": "Hyvinvointialue",
            "item_id": "Kohdan tunnus",
            "item": "Kohta",
            "mean": "Keskiarvo",
            "n": "N",
            "question": "Kysymys",
        }
        cols = [str(col) for col in long.columns]
        rows = [list(r) for r in long.itertuples(index=False, name=None)]
        fmt = {cols.index("mean") + 1: "0.0"}
        _write_sheet(wb, "pisteet", [titles.get(col, col) for col in cols], rows, formats=fmt)

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

    method_rows: list[list[Any]] = [[k, v] for k, v in _method_items(rep)]
    method_rows.append(["", ""])
    method_rows += [
        ["Koodi", f"{code} = {name} ({LAYER_TITLES.get(lay, lay)})"]
        for lay, code, name in _code_legend(rep)
    ]
    method_rows += [["Sävy", f"{code} = {name}"] for code, name in POLARITY_NAMES.items()]
    _write_sheet(wb, "menetelma", ["Aihe", "Kuvaus"], method_rows, wrap=[2], max_width=100)
    wb.save(path)


# ============================================================================ Markdown


def _md_table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], right: Iterable[int] = ()
) -> str:
    right_set = set(right)
    lines = ["| " + " | ".join(_md(h) for h in headers) + " |"]
    lines.append(
        "|" + "|".join("---:" if i in right_set else "---" for i in range(len(headers))) + "|"
    )
    lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _render_md(rep: _Report) -> str:
    out = [f"# {_md(rep.title)}", "", _md(_summary_text(rep)), ""]
    if rep.notes:
        out += ["> **Huom.** " + " ".join(_md(n) for n in rep.notes), ""]
    if rep.freqs is not None:
        f = rep.freqs
        out += [f"## {_md(f.heading)}", ""]
        for lay in f.layers:
            out += [f"### {_md(lay.title)}", ""]
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
                out += [f"\\* {_md(_suppression_note(f))}", ""]
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
            out += [f"### {_md(label)}", ""]
            if note:
                out += [f"_{_md(note)}_", ""]
            out += [f"- ”{_md(p['text'])}”" for p in picks]
            out += [""] if picks else []
    if rep.scores is not None:
        s = rep.scores
        out += [f"## {_scores_heading(s.region_column)}", ""]
        for question, wide, headers in s.tables:
            if question:
                out += [f"### {_md(question)}", ""]
            items = [col for col in wide.columns if col not in {"_region", "_n"}]
            rows = [
                [_region_label(rep, s, row["_region"])]
                + [format_number(row[i]) for i in items]
                + [DASH if _missing(row["_n"]) else row["_n"]]
                for _, row in wide.iterrows()
            ]
            out += [
                _md_table(["Alue", *items, "N"], rows, right=range(1, len(items) + 2)),
                "",
            ]
            out += [f"- {_md(i)}: {_md(h)}" for i, h in zip(items, headers, strict=True) if h != i]
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
    out += [f"- **{_md(k)}:** {_md(v)}" for k, v in _method_items(rep)]
    return "\n".join(out).rstrip() + "\n"


# ============================================================================ entry point


def write_report(
    out_dir: str | Path,
    *,
    tagged: pd.DataFrame,
    frequencies: pd.DataFrame | None = None,
    clustering: Any = None,
    scores: pd.DataFrame | None = None,
    title: str = DEFAULT_TITLE,
    formats: Sequence[str] | str = ("html", "xlsx", "md"),
    codebook_names: Mapping[str, str] | None = None,
    mask: bool = True,
) -> list[Path]:
    """Write the report as ``report.html``, ``report.xlsx`` and/or ``report.md`` into ``out_dir``.

    Parameters
    ----------
    tagged:
        Output of ``va.tag``: ``text``, ``areas``, ``mechanisms``, ``polarity``, ``evidence`` and,
        optionally, ``respondent_id``, ``group``, ``coarse_group``, ``region``, ``question``.
        Every row appears in the workbook's ``vastaukset`` sheet, in order.
    frequencies:
        Output of ``va.theme_frequencies`` (its ``by`` columns, ``layer``, ``code``, ``n``,
        ``base``, ``share``, ``ci_low``, ``ci_high``, ``suppressed``); ``None`` leaves it out.
    clustering:
        Output of ``va.cluster_statements`` (``.clusters``, ``.assignments``); ``None`` leaves
        it out.
    scores:
        Mean scores in long form (``county`` or ``region``, ``item_id``, ``item``, ``mean``,
        ``n``), e.g. ``corpus/report_2026/cooperation_scores.csv``; ``None`` leaves it out.
    title:
        The report's title.
    formats:
        Any of ``"html"``, ``"xlsx"``, ``"md"``.
    codebook_names:
        Code id -> display name; default: the names in the default codebook, else the ids.
    mask:
        Mask personal data in every text written out with ``vastausanalyysi.nlp.pii.mask_pii``
        (a :class:`ReportError` if it cannot be imported).

    Returns
    -------
    The paths written, in the order of ``formats``.
    """
    wanted = [formats] if isinstance(formats, str) else list(formats)
    if unknown := [f for f in wanted if f not in FORMATS]:
        raise ReportError(f"unknown report format(s) {unknown!r}; use any of {list(FORMATS)}")
    if not wanted:
        raise ReportError("formats is empty; use any of " + ", ".join(FORMATS))
    rep = _prepare(tagged, frequencies, clustering, scores, title, codebook_names, mask)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in dict.fromkeys(wanted):
        path = out / FORMATS[fmt]
        if fmt == "html":
            path.write_text(_render_html(rep), encoding="utf-8")
        elif fmt == "xlsx":
            _render_xlsx(rep, path)
        else:
            path.write_text(_render_md(rep), encoding="utf-8")
        written.append(path)
    return written
