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

from vastausanalyysi.cli.scores import ITEM_HELP, SCORES_HELP, missing_scores, respondent_scores
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import RESPONDENT_ID

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
    group.add_argument("--item", action="append", help=ITEM_HELP)
    group.add_argument(
        "--code",
        action="append",
        help="only this code, e.g. perhekeskus or area:perhekeskus (repeatable; default every "
        "code mentioned)",
    )
    group.add_argument("--scores", metavar="FILE", help=SCORES_HELP)


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

    tagged, scores = respondent_scores(tagged, answers, args.scores)
    if scores is None:
        raise missing_scores("--mention-scores", answers.source)
    id_column = answers.id_column or RESPONDENT_ID
    text = answers.text_column if answers.text_column in tagged.columns else None
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


__all__ = ["add_mention_options", "mention_table", "wants_mention_table"]
