"""The entry point: :func:`write_report` prepares the view model once and writes each format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.html import render_html
from vastausanalyysi.report.markdown import render_markdown
from vastausanalyysi.report.masking import LABEL_COLUMNS, Masker
from vastausanalyysi.report.model import build_model
from vastausanalyysi.report.xlsx import render_xlsx
from vastausanalyysi.schema import AREAS, MECHANISMS

FORMATS: dict[str, str] = {"html": "report.html", "xlsx": "report.xlsx", "md": "report.md"}
"""The output formats :func:`write_report` knows, with their file names."""
DEFAULT_TITLE = "Avovastausten analyysi"


@renamed_arguments(scores="respondent_scores")
def write_report(
    out_dir: str | Path,
    *,
    tagged: pd.DataFrame,
    frequencies: pd.DataFrame | None = None,
    clustering: Any = None,
    published_scores: pd.DataFrame | None = None,
    title: str = DEFAULT_TITLE,
    formats: Sequence[str] | str = ("html", "xlsx", "md"),
    codebook_names: Mapping[str, str] | None = None,
    mask: bool = True,
    respondent_scores: pd.DataFrame | None = None,
    min_cell: int | None = None,
    questions: bool = True,
) -> list[Path]:
    """Write the report as ``report.html``, ``report.xlsx`` and/or ``report.md`` into ``out_dir``.

    Parameters
    ----------
    tagged:
        Output of ``va.tag``: ``text``, ``areas``, ``mechanisms``, ``polarity``, ``evidence`` and,
        optionally, ``respondent_id``, ``group``, ``coarse_group``, ``region``, ``question``.
        Every row appears in the workbook's ``vastaukset`` sheet, in order; the text of an answer
        whose group has fewer than ``min_cell`` respondents is replaced by a note there.
    frequencies:
        Output of ``va.theme_frequencies`` (its ``by`` columns, ``layer``, ``code``, ``n``,
        ``base``, ``share``, ``ci_low``, ``ci_high``, ``suppressed``); ``None`` leaves it out.
    clustering:
        Output of ``va.cluster_statements`` over all answers (``.clusters``, ``.assignments``),
        shown as "Kaikkien vastausten ryhmittely"; ``None`` leaves it out. The sections per
        question are clustered by the report itself (see ``questions``).
    published_scores:
        Aggregated means in long form (``county`` or ``region``, ``item_id``, ``item``, ``mean``,
        ``n``), e.g. ``va.load_published_scores()``, shown as given except that a mean of
        fewer than ``min_cell`` respondents is hidden with its row's N (``min_cell=1`` shows
        them all); ``None`` leaves them out.
    title:
        The report's title.
    formats:
        Any of ``"html"``, ``"xlsx"``, ``"md"``.
    codebook_names:
        Code id -> display name; default: the names in the default codebook, else the ids.
    mask:
        Mask personal data in every text written out with ``vastausanalyysi.nlp.pii.mask_pii``
        (a :class:`ReportError` if it cannot be imported). The report says whether it did.
        Respondent ids that are personal data (an e-mail address as the id) are written as
        pseudonyms ("[EMAIL]-1" …, :class:`~vastausanalyysi.nlp.pii.IdPseudonyms`), the same
        in ``tagged`` and the scores.
    respondent_scores:
        The survey's own Likert answers (``Survey.scores``: ``respondent_id``, ``item``,
        ``value``), whose means the report computes by its groups. With ``published_scores`` too,
        both are shown, the survey's own first. (``scores=``, deprecated, takes either kind.)
    min_cell:
        The smallest group (respondents) whose quotes, answer rows and means (the survey's own
        and the published ones) are shown; default:
        the frequency table's ``min_cell``, else :data:`~vastausanalyysi.schema.MIN_CELL`.
    questions:
        One section per open question (the ``question`` column), each with "Toimii" (works or
        mixed statements) and "Kehitettävää" (problem or mixed statements) clustered separately.

    Returns
    -------
    The paths written, in the order of ``formats``.
    """
    wanted = [formats] if isinstance(formats, str) else list(formats)
    if unknown := [f for f in wanted if f not in FORMATS]:
        raise ReportError(f"unknown report format(s) {unknown!r}; use any of {list(FORMATS)}")
    if not wanted:
        raise ReportError("formats is empty; use any of " + ", ".join(FORMATS))
    if not any(c in tagged.columns for c in (AREAS, MECHANISMS)):
        raise ReportError(
            f"the answers are not tagged: no column {AREAS!r} or {MECHANISMS!r}; give "
            "write_report the output of va.tag"
        )
    if published_scores is None and respondent_scores is not None and "mean" in respondent_scores:
        published_scores, respondent_scores = respondent_scores, None  # old scores= of means
    if mask:
        tagged, respondent_scores, published_scores = _pseudonymised(
            tagged, respondent_scores, published_scores
        )
        masker = Masker(True)  # the labels from a file's headers (questions, items) too
        tagged = masker.label_columns(tagged, LABEL_COLUMNS)
        respondent_scores = masker.label_columns(respondent_scores, LABEL_COLUMNS)
    rep = build_model(
        tagged,
        frequencies,
        clustering,
        published_scores if published_scores is not None else respondent_scores,
        title,
        codebook_names,
        mask,
        respondent_scores=respondent_scores if published_scores is not None else None,
        min_cell=min_cell,
        questions=questions,
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in dict.fromkeys(wanted):
        path = out / FORMATS[fmt]
        if fmt == "html":
            path.write_text(render_html(rep), encoding="utf-8")
        elif fmt == "xlsx":
            render_xlsx(rep, path)
        else:
            path.write_text(render_markdown(rep), encoding="utf-8")
        written.append(path)
    return written


def _pseudonymised(*frames: Any) -> tuple[Any, ...]:
    """``frames`` with the respondent ids that are personal data as pseudonyms, one mapping
    for all (ids already pseudonymised stay as they are)."""
    try:
        from vastausanalyysi.nlp.pii import IdPseudonyms
    except ImportError:  # the Masker of build_model says what is missing
        return frames
    ids = IdPseudonyms()
    return tuple(ids.apply(frame) for frame in frames)


__all__ = ["DEFAULT_TITLE", "FORMATS", "write_report"]
