"""``summary --mention-scores``: each code's mentioners' mean score beside the other respondents'.

The table of :func:`~vastausanalyysi.summary.scores_by_mention`, from a survey export (its own
Likert answers) or a tagged file with ``--scores``, a long table of respondents' scores
(``respondent_id``, ``item``, ``value``: the ``scores.csv`` that ``survey -o`` writes). It holds
group labels, code ids, item names and numbers, no answer text; group labels are masked like
``summary``'s.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import RESPONDENT_ID
from vastausanalyysi.text import is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

log = logging.getLogger("vastausanalyysi.cli")


def add_mention_options(parser: Any) -> None:
    """The options of ``summary`` that ask for this table instead of frequencies."""
    group = parser.add_argument_group("scores by mention")
    group.add_argument(
        "--mention-scores",
        action="store_true",
        help="instead of frequencies: per code and survey item, the mean score of those who "
        "mention the code beside the others', with the difference's Welch interval",
    )
    group.add_argument(
        "--item",
        action="append",
        help="only this survey item: its name, codebook item id or a unique part (repeatable; "
        "default every item)",
    )
    group.add_argument(
        "--code",
        action="append",
        help="only this code, e.g. perhekeskus or area:perhekeskus (repeatable; default every "
        "code mentioned)",
    )
    group.add_argument(
        "--scores",
        metavar="FILE",
        help="respondents' scores (respondent_id, item, value), for a tagged or plain input "
        "(default: a survey export's own Likert answers)",
    )


def wants_mention_table(args: Any) -> bool:
    """Whether ``args`` ask for this table; its options without ``--mention-scores`` are an
    error (before any reading or tagging)."""
    if args.mention_scores:
        return True
    given = [f"--{name}" for name in ("item", "code", "scores") if getattr(args, name)]
    if given:
        raise SurveyError(f"{', '.join(given)}: only with --mention-scores")
    return False


def mention_table(tagged: pd.DataFrame, answers: Any, args: Any) -> pd.DataFrame:
    """The ``--mention-scores`` table of ``tagged`` (read from ``answers``) with ``args``; ids
    compared as text, so that a tagged JSONL's numbers meet a CSV's."""
    from vastausanalyysi.summary.mentions import scores_by_mention

    if args.scores:
        scores = _read_scores(args.scores)
    elif answers.scores is not None:
        scores = answers.scores
    else:
        raise SurveyError(
            f"--mention-scores needs the respondents' scores: {answers.source!r} is no survey "
            "export with Likert items; give --scores FILE (respondent_id, item, value, as "
            "'survey -o' writes scores.csv)"
        )
    id_column = answers.id_column or RESPONDENT_ID
    text = answers.text_column if answers.text_column in tagged.columns else None
    if id_column in tagged.columns and RESPONDENT_ID in scores.columns:
        _check_pseudonyms(tagged[id_column], scores[RESPONDENT_ID], answers.source, args.scores)
        # ids read from different files as numbers and as text still meet: 7, 7.0 and "7"
        tagged = tagged.assign(**{id_column: tagged[id_column].map(_id_text)})
        scores = scores.assign(**{RESPONDENT_ID: scores[RESPONDENT_ID].map(_id_text)})
    table = scores_by_mention(
        tagged,
        scores,
        items=args.item,
        code_ids=args.code,
        by=args.by or None,
        min_cell=args.min_cell,
        id_column=id_column,
        text_column=text,
    )
    if len(table) and bool(table["suppressed"].all()):
        log.warning(
            "every row of the --mention-scores table has a side of fewer than --min-cell %d "
            "respondents (or hides one): all %d rows are suppressed",
            args.min_cell,
            len(table),
        )
    return table


def _read_scores(path: str) -> pd.DataFrame:
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


def _check_pseudonyms(answer_ids: Any, score_ids: Any, answers: str, scores: Any) -> None:
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


def _id_text(value: Any) -> Any:
    """A respondent id as text (a whole number without '.0'); a missing id stays missing."""
    if is_missing(value):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


__all__ = ["add_mention_options", "mention_table", "wants_mention_table"]
