"""Respondents' scores for the CLI: a survey export's own Likert answers or a ``--scores`` file.

``summary --mention-scores`` and ``cluster`` put the answers' codes and clusters beside the
respondents' scores. Both take them from a survey export (its Likert items, read with the
answers) or from ``--scores FILE``, a long table of ``respondent_id``, ``item`` and ``value``
(the ``scores.csv`` that ``survey -o`` writes), and both match answers to scores by respondent
id, compared as text so that a tagged JSONL's numbers meet a CSV's. Team-written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import RESPONDENT_ID
from vastausanalyysi.text import is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


#: Help of ``--scores`` (the same file for every verb that takes it).
SCORES_HELP = (
    "respondents' scores (respondent_id, item, value), for a tagged or plain input "
    "(default: a survey export's own Likert answers)"
)
#: Help of ``--item``.
ITEM_HELP = (
    "only this survey item: its name, codebook item id or a unique part (repeatable; default "
    "every item)"
)


def respondent_scores(
    tagged: pd.DataFrame, answers: Any, path: str | None
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``tagged`` and the respondents' scores, their ids as text (None: no scores given and
    ``answers`` is no survey export with Likert items).

    ``path`` (``--scores``) wins over the export's own scores. A SurveyError when only one side's
    ids are pseudonyms (they would not meet).
    """
    if path:
        scores = read_scores(path)
    elif answers.scores is not None:
        scores = answers.scores
    else:
        return tagged, None
    id_column = answers.id_column or RESPONDENT_ID
    if id_column in tagged.columns and RESPONDENT_ID in scores.columns:
        tagged = _as_survey_wrote(tagged, id_column, scores[RESPONDENT_ID], answers)
        check_pseudonyms(tagged[id_column], scores[RESPONDENT_ID], answers.source, path)
        # ids read from different files as numbers and as text still meet: 7, 7.0 and "7"
        tagged = tagged.assign(**{id_column: tagged[id_column].map(id_text)})
        scores = scores.assign(**{RESPONDENT_ID: scores[RESPONDENT_ID].map(id_text)})
    return tagged, scores


def _as_survey_wrote(tagged: pd.DataFrame, id_column: str, score_ids: Any, answers: Any) -> Any:
    """``tagged`` with its ids pseudonymised as ``survey -o`` writes them (numbered by the
    export's respondents) when the scores' ids are such pseudonyms and the export's are not:
    the scores.csv of the same export then meets it (QA 6 #6)."""
    from vastausanalyysi.nlp.pii import IdPseudonyms
    from vastausanalyysi.nlp.pii.pseudonyms import is_pseudonym

    respondents = getattr(answers, "respondents", None)
    if respondents is None or not any(map(is_pseudonym, score_ids)):
        return tagged
    if any(map(is_pseudonym, tagged[id_column])):
        return tagged
    ids = IdPseudonyms(respondents)
    return tagged.assign(**{id_column: ids.pseudonyms(tagged[id_column].tolist(), id_column)})


def missing_scores(option: str, source: str) -> SurveyError:
    """The error of ``option`` given for an input without scores and no ``--scores``."""
    return SurveyError(
        f"{option} needs the respondents' scores: {source!r} is no survey export with Likert "
        "items; give --scores FILE (respondent_id, item, value, as 'survey -o' writes "
        "scores.csv)"
    )


def read_scores(path: str) -> pd.DataFrame:
    """The ``--scores`` file, its index the file's row numbers; an empty value is a missing
    answer (``survey -o`` writes "En osaa sanoa" and no answer so), another value that is not
    a number a :class:`SurveyError` naming the file, row and column."""
    import pandas as pd

    from vastausanalyysi.cli.files import InputOptions, read_plain_table

    scores = read_plain_table(path, InputOptions(), required=[RESPONDENT_ID, "item", "value"])
    rows = list(scores.attrs.get("rows") or range(2, len(scores) + 2))
    scores.index = pd.Index(rows[: len(scores)])
    raw = scores["value"]
    blank = raw.map(lambda v: is_missing(v, blank=True)).astype(bool)
    numbers = pd.to_numeric(raw.where(~blank), errors="coerce")
    bad = numbers.isna() & ~blank
    if bad.any():
        row = bad.index[bad.to_numpy().nonzero()[0][0]]
        raise SurveyError(f"{path!r} row {row}, column 'value': {raw[row]!r} is not a number")
    return scores.assign(value=numbers)


def check_pseudonyms(answer_ids: Any, score_ids: Any, answers: str, scores: Any) -> None:
    """A SurveyError when the ids of only one of the answers and the scores are pseudonyms
    (written with personal data masked): they would not meet, and the means would be wrong."""
    from vastausanalyysi.nlp.pii.pseudonyms import is_pseudonym

    sides = {answers: answer_ids, scores or "the scores": score_ids}
    masked = [name for name, ids in sides.items() if any(map(is_pseudonym, ids))]
    if len(masked) == 1:
        other = next(name for name in sides if name not in masked)
        raise SurveyError(
            f'the respondent ids of {masked[0]!r} are pseudonyms ("[EMAIL]-1" …, written with '
            f"personal data masked) and those of {other!r} are not: they cannot be matched; "
            "use the scores.csv that 'survey -o' writes from the same export, or write both "
            "with --keep-personal-data"
        )


def id_text(value: Any) -> Any:
    """A respondent id as text (a whole number without '.0'); a missing id stays missing."""
    if is_missing(value):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def add_cluster_score_options(parser: Any) -> None:
    """``cluster``'s options for the scores beside the clusters."""
    group = parser.add_argument_group(
        "scores beside the clusters (each cluster's respondents' mean; a survey export's own "
        "Likert answers by default)"
    )
    group.add_argument("--scores", metavar="FILE", help=SCORES_HELP)
    group.add_argument("--item", action="append", help=ITEM_HELP)


def cluster_scores(
    tagged: pd.DataFrame, answers: Any, args: Any
) -> tuple[pd.DataFrame, pd.DataFrame | None, list[Any] | None]:
    """``tagged``, the scores and the chosen items for ``cluster`` (scores None: none given
    and the input is no survey export with Likert items; ``--item`` then is an error)."""
    from vastausanalyysi.summary.mentions import resolve_items

    tagged, scores = respondent_scores(tagged, answers, args.scores)
    if scores is None:
        if args.item:
            raise missing_scores("--item", answers.source)
        return tagged, None, None
    items = resolve_items(args.item, list(scores["item"].dropna().unique())) if args.item else None
    return tagged, scores, items


def clusters_table(clustering: Any) -> pd.DataFrame:
    """``cluster``'s output: one row per cluster, with the mean of all scored respondents as
    ``overall:<item>`` after each ``score:<item>`` (the same on every row, for comparison)."""
    import pandas as pd

    table = clustering.clusters
    overall = clustering.overall_scores
    if overall is None:
        return table
    columns: dict[str, Any] = {}
    for column in table.columns:
        columns[column] = table[column]
        item = column[len("score:") :] if column.startswith("score:") else None
        if item is not None and item in overall.index:
            columns[f"overall:{item}"] = [overall[item]] * len(table)
    return pd.DataFrame(columns, index=table.index)


__all__ = [
    "ITEM_HELP",
    "SCORES_HELP",
    "add_cluster_score_options",
    "check_pseudonyms",
    "cluster_scores",
    "clusters_table",
    "id_text",
    "missing_scores",
    "read_scores",
    "respondent_scores",
]
