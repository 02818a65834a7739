"""The report: one self-contained HTML file, an Excel workbook and a Markdown summary.

:func:`write_report` takes the tagged answers and, optionally, the theme frequencies
(:func:`vastausanalyysi.theme_frequencies`), a clustering of all answers
(:func:`vastausanalyysi.cluster_statements`) and scores (the survey's own Likert answers,
``Survey.scores``, or a published table of means), and writes

* ``report.html`` — one file with inline CSS and inline SVG bar charts; nothing is loaded from
  anywhere (a Content-Security-Policy forbids it), every value is HTML-escaped; it prints on A4
  landscape pages, one section a page, with short column keys and a key under wide tables;
* ``report.xlsx`` — sheets ``vastaukset`` (one row per answer, never a lost row), ``frekvenssit``,
  ``klusterit``, ``pisteet``, ``lampokartta`` (the score tables wide, cells filled by value),
  ``linkit``, ``korrelaatiot``, ``klusterilinkit``, ``kierrokset`` (when present), ``perusteet`` and
  ``menetelma``; Finnish names, codes in their own columns;
* ``report.md`` — a compact Markdown summary with the same tables.

Each open question (the ``question`` column) gets a section with "Toimii" (statements whose
polarity is works or mixed) and "Kehitettävää" (problem or mixed; under a question asking what to
develop, every Finnish statement that is not works, wishes included), each clustered separately and
shown as clusters with up to three distinct quotes and the number of respondents who wrote each.

With scores, each theme's and mechanism's share sits beside its linked survey item's mean
(:func:`vastausanalyysi.join_scores`; over all respondents, with Spearman's and Pearson's
correlations across regions or groups where there are enough), the clusters show their dominant
mechanisms' linked means, and a ``wave`` column adds the changes between waves
(:func:`vastausanalyysi.compare_waves`).

Safe by default: with ``mask=True`` (the default) every free text that is written out goes
through :func:`vastausanalyysi.nlp.pii.mask_pii` first, and the report says whether it did. A
quote, an example answer or a workbook answer's text is shown only when its respondent's group
and county (those the report shows) each have at least ``min_cell`` respondents, and no
combination of labels shared by fewer is published with it (see
:func:`.model.published_labels`); means
of fewer respondents are hidden, with secondary suppression so that no hidden mean can be derived
from the total. A section whose input is ``None`` is left out and the report says so.

The user interface text is Finnish; numbers use Finnish decimals ("12,5 %").

Modules, in the order they import each other:

* ``formatting`` — Finnish numbers and shares, missing values, HTML and Markdown escaping;
* ``labels`` — display labels (``data/report_labels.yaml``), code, group and county names;
* ``masking`` — the batch masker around ``mask_pii``;
* ``evidence`` — the words that gave each code (:func:`top_evidence`);
* ``charts`` — inline SVG bar charts (:func:`bar_chart_svg`);
* ``sections`` — the frequency tables prepared from ``theme_frequencies``;
* ``quotes`` — cleaned, distinct quotes and the small-cell rule;
* ``questions`` — the sections per open question and the themes of a clustering;
* ``scores`` — the score tables (survey Likert means or published tables), shown as heatmaps;
* ``links`` — each code's share beside its linked item's mean, correlations across groups, and
  the clusters' dominant mechanisms with their linked items' means;
* ``waves`` — changes between survey waves (a ``wave`` column with two or more values);
* ``model`` — the view model: everything the report shows (:func:`~.model.build_model`);
* ``narrative`` — the Finnish prose shared by the formats (lead, method note, code legend);
* ``html_links`` and ``tables_links`` — the link, heatmap-legend and wave tables for the renderers;
* ``html`` (with ``data/report.css``), ``xlsx``, ``markdown`` — the three renderers;
* ``writer`` — :func:`write_report`.
"""

from __future__ import annotations

from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.charts import MAX_CHART_GROUPS, Bar, bar_chart_svg
from vastausanalyysi.report.evidence import top_evidence
from vastausanalyysi.report.formatting import DASH, format_number, format_share
from vastausanalyysi.report.labels import COLUMN_TITLES, LAYER_TITLES, POLARITY_NAMES
from vastausanalyysi.report.model import MAX_HIGHLIGHTS
from vastausanalyysi.report.writer import DEFAULT_TITLE, FORMATS, write_report

__all__ = [
    "COLUMN_TITLES",
    "DASH",
    "DEFAULT_TITLE",
    "FORMATS",
    "LAYER_TITLES",
    "MAX_CHART_GROUPS",
    "MAX_HIGHLIGHTS",
    "POLARITY_NAMES",
    "Bar",
    "ReportError",
    "bar_chart_svg",
    "format_number",
    "format_share",
    "top_evidence",
    "write_report",
]
