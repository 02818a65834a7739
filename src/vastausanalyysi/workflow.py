"""The main job: tag, summarise and cluster a corpus of answers and write the report.

``analyse_corpus`` runs it on the corpus bundled with the repository (the 2026 report's real
"what works" highlights and its published score tables); ``analyse`` runs it on any tagged-ready
frame of answers.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.clusters import cluster_statements
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.report import write_report
from vastausanalyysi.schema import MIN_CELL
from vastausanalyysi.summary import theme_frequencies
from vastausanalyysi.themes.tagger import tag

log = logging.getLogger(__name__)

HIGHLIGHTS = Path("labelled") / "report_highlights.csv"
SCORE_TABLES = {
    "Yhteistyön toteutuminen": Path("report_2026") / "cooperation_scores.csv",
    "Työnjaon selkeys": Path("report_2026") / "division_of_labour_scores.csv",
}


def analyse(
    answers: pd.DataFrame,
    out_dir: Path,
    *,
    by: str | list[str] | None = None,
    scores: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    title: str = "Avovastausten analyysi",
    model: Any = None,
) -> list[Path]:
    """Tag ``answers`` (a frame with a ``text`` column), summarise, cluster and write the report.

    ``model`` is passed to :func:`~vastausanalyysi.tag` (None: the shipped model).
    """
    tagged = tag(answers, model=model)
    frequencies = theme_frequencies(tagged, by, min_cell=min_cell)
    clustering = cluster_statements(tagged)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_report(
        out_dir,
        tagged=tagged,
        frequencies=frequencies,
        clustering=clustering,
        scores=scores,
        title=title,
    )
    tagged_path = out_dir / "tagged.jsonl"
    tagged.to_json(tagged_path, orient="records", lines=True, force_ascii=False)
    return [*written, tagged_path]


def read_csv_checked(path: Path) -> pd.DataFrame:
    """A bundled CSV, or a :class:`SurveyError` naming the missing file."""
    if not path.is_file():
        raise SurveyError(f"the corpus file {str(path)!r} is missing; run from the repository root")
    return pd.read_csv(path, dtype={"n": "Int64"}, keep_default_na=False, na_values=[""])


def analyse_corpus(corpus_dir: Path, out_dir: Path) -> list[Path]:
    """Analyse the bundled corpus: the 2026 report's highlights by respondent group, with scores."""
    highlights = read_csv_checked(corpus_dir / HIGHLIGHTS)
    answers = highlights[["id", "text", "group"]].rename(columns={"id": "respondent_id"})
    scores = pd.concat(
        [read_csv_checked(corpus_dir / p).assign(question=q) for q, p in SCORE_TABLES.items()],
        ignore_index=True,
    )
    log.info("analysing %d highlights and %d published scores", len(answers), len(scores))
    return analyse(
        answers,
        out_dir,
        by="group",
        scores=scores,
        min_cell=MIN_CELL,
        title="Yhdyspintakysely 2026: toimivan yhteistyön nostot",
    )
