"""The result of reading a survey: the tidy frames, the role of each column, the issues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from vastausanalyysi.errors import SurveyError


@dataclass(frozen=True)
class SurveyIssue:
    """One problem in a survey file, with where it is."""

    row: Any
    column: str | None
    value: str | None
    message: str
    kind: str
    severity: str = "warning"  # "error" (strict=True raises) or "warning"

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


ISSUE_COLUMNS: tuple[str, ...] = ("row", "column", "value", "kind", "severity", "message")
"""The columns of :meth:`SurveyIssues.to_frame`: the fields of a :class:`SurveyIssue`."""
_REPR_LINES = 10


class SurveyIssues(list[SurveyIssue]):
    """``Survey.issues``: a list of :class:`SurveyIssue` (index, loop and ``len`` it as before)
    with :meth:`to_frame` for a DataFrame and a readable repr."""

    def to_frame(self) -> pd.DataFrame:
        """The issues as a DataFrame, one row each: row, column, value, kind, severity,
        message."""
        return pd.DataFrame(
            [[getattr(issue, c) for c in ISSUE_COLUMNS] for issue in self],
            columns=list(ISSUE_COLUMNS),
        )

    def __repr__(self) -> str:
        if not self:
            return "SurveyIssues: none"
        kinds: dict[str, int] = {}
        for issue in self:
            kinds[issue.kind] = kinds.get(issue.kind, 0) + 1
        counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
        lines = [f"SurveyIssues: {len(self)} ({counted})"]
        lines += [
            f"  [{i}] {issue.severity} {issue.kind}: {issue}"
            for i, issue in enumerate(self[:_REPR_LINES])
        ]
        if len(self) > _REPR_LINES:
            lines.append(f"  … {len(self) - _REPR_LINES} more; .to_frame() gives them all")
        return "\n".join(lines)

    def __getattr__(self, name: str) -> Any:
        if hasattr(pd.DataFrame, name):  # survey.issues.head(): say where the frame is
            raise AttributeError(
                f"Survey.issues is a list of SurveyIssue and has no {name!r}; "
                f"survey.issues.to_frame().{name} is the DataFrame's"
            )
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


@dataclass(frozen=True)
class SurveyColumns:
    """Which column of the file got which role.

    ``numeric`` holds the columns of numbers on a scale other than the Likert one (e.g. 0–10):
    they are kept in ``Survey.respondents`` as numbers, and ``Survey.scales`` gives their range.
    """

    id: str | None = None
    title: str | None = None
    group: str | None = None
    municipality: str | None = None
    region: str | None = None
    likert: tuple[str, ...] = ()
    open: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    numeric: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The mapping as a plain dict (the keys of a mapping file)."""
        return {
            "id_column": self.id,
            "title_column": self.title,
            "group_column": self.group,
            "municipality_column": self.municipality,
            "region_column": self.region,
            "likert_columns": list(self.likert),
            "open_columns": list(self.open),
            "other_columns": list(self.other),
            "numeric_columns": list(self.numeric),
        }


@dataclass
class Survey:
    """A read survey: tidy ``answers``, ``scores`` and ``respondents`` (see the package doc).

    ``scales`` maps each Likert item and each numeric scale column (``columns.numeric``) to its
    range ``(low, high)``: ``(1.0, 5.0)`` for the default Likert items, ``(0.0, 10.0)`` for a
    0–10 column.
    """

    answers: pd.DataFrame
    scores: pd.DataFrame
    respondents: pd.DataFrame
    columns: SurveyColumns
    issues: SurveyIssues = field(default_factory=SurveyIssues)
    source: str = "<data>"
    meta: dict[str, Any] = field(default_factory=dict)
    scales: dict[str, tuple[float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.issues, SurveyIssues):
            self.issues = SurveyIssues(self.issues)

    def issues_frame(self) -> pd.DataFrame:
        """The issues as a frame: row, column, value, kind, severity, message (the same as
        ``issues.to_frame()``)."""
        return SurveyIssues(self.issues).to_frame()

    def answers_with_respondents(
        self, columns: Sequence[str] = ("group", "coarse_group", "region")
    ) -> pd.DataFrame:
        """``answers`` with respondent columns (group, coarse group, region…) joined on the id.

        Same rows in the same order as ``answers``; SurveyError names an unknown column.
        """
        missing = [c for c in columns if c not in self.respondents.columns]
        if missing:
            raise SurveyError(
                f"no column(s) {missing!r} in Survey.respondents; columns are "
                + ", ".join(map(repr, self.respondents.columns))
            )
        lookup = self.respondents[["respondent_id", *columns]]
        joined = self.answers.merge(lookup, on="respondent_id", how="left", sort=False)
        joined.index = self.answers.index
        return joined

    @property
    def unresolved_regions(self) -> list[str]:
        """Distinct municipality/region values that resolved to no county (unknown, ambiguous)."""
        seen: dict[str, None] = {}
        for issue in self.issues:
            if issue.kind == "unresolved_region" and issue.value is not None:
                seen.setdefault(issue.value, None)
        return list(seen)

    def __repr__(self) -> str:
        return (
            f"Survey({self.source!r}: {len(self.respondents)} respondents, "
            f"{len(self.columns.open)} open questions, {len(self.columns.likert)} Likert items, "
            f"{len(self.issues)} issues)"
        )


__all__ = ["ISSUE_COLUMNS", "Survey", "SurveyColumns", "SurveyIssue", "SurveyIssues"]
