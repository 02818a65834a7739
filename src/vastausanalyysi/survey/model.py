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
    issues: list[SurveyIssue] = field(default_factory=list)
    source: str = "<data>"
    meta: dict[str, Any] = field(default_factory=dict)
    scales: dict[str, tuple[float, float]] = field(default_factory=dict)

    def issues_frame(self) -> pd.DataFrame:
        """The issues as a frame: row, column, value, kind, severity, message."""
        return pd.DataFrame(
            [
                {
                    "row": i.row,
                    "column": i.column,
                    "value": i.value,
                    "kind": i.kind,
                    "severity": i.severity,
                    "message": i.message,
                }
                for i in self.issues
            ],
            columns=["row", "column", "value", "kind", "severity", "message"],
        )

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


__all__ = ["Survey", "SurveyColumns", "SurveyIssue"]
