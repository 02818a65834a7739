"""read_survey: a survey export -> a :class:`~vastausanalyysi.survey.model.Survey` of tidy frames.

Reads the raw table (:mod:`.tables`), finds the column roles (:mod:`.columns`), then builds the
``answers``, ``scores`` and ``respondents`` frames and collects the issues (see the package doc).
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.respondents import (
    UNKNOWN,
    GroupClassifier,
    RegionResolver,
    default_groups,
    default_resolver,
    load_groups,
)
from vastausanalyysi.survey.columns import find_columns
from vastausanalyysi.survey.likert import (
    BIPOLAR_FAMILIES,
    FOUR_POINT_VALUES,
    NUMBER_PATTERN,
    LikertScale,
    four_point_columns,
)
from vastausanalyysi.survey.model import Survey, SurveyColumns, SurveyIssue
from vastausanalyysi.survey.tables import RawTable, read_raw_table
from vastausanalyysi.survey.totals import drop_summary_rows

logger = logging.getLogger("vastausanalyysi.survey")

_OPTION_KEYS = frozenset(
    {
        "id_column",
        "title_column",
        "group_column",
        "region_column",
        "municipality_column",
        "likert_columns",
        "open_columns",
        "sheet",
        "header_row",
        "encoding",
        "delimiter",
        "likert_scale",
        "likert_range",
        "likert_points",
        "missing_values",
        "strict",
        "groups",
        "detect",
    }
)


def _load_mapping(path: str | Path) -> dict[str, Any]:
    file = Path(path)
    if not file.exists():
        raise SurveyError(f"mapping file not found: {str(file)!r}")
    if not file.is_file():
        raise SurveyError(f"mapping file {str(file)!r} is not a file (give a YAML or JSON file)")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SurveyError(
            f"mapping file {str(file)!r} is not UTF-8 (byte {exc.start}); save it as UTF-8"
        ) from None
    try:
        if file.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        raise SurveyError(f"mapping file {str(file)!r} cannot be parsed: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SurveyError(f"mapping file {str(file)!r} must hold a mapping of option: value")
    unknown = sorted(set(data) - _OPTION_KEYS)
    if unknown:
        raise SurveyError(
            f"unknown key(s) {unknown!r} in mapping file {str(file)!r}; "
            f"known keys: {', '.join(sorted(_OPTION_KEYS))}"
        )
    return data


def _ids(table: RawTable, column: str | None, issues: list[SurveyIssue]) -> list[str]:
    """Respondent ids: the id column's values, or the data row's ordinal; duplicates raise."""
    if column is None:
        logger.info(
            "%s: no respondent id column; ids are the row ordinals 1..%d",
            table.source,
            len(table.rows),
        )
        return [str(i) for i in range(1, len(table.rows) + 1)]
    index = table.header.index(column)
    ids: list[str] = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        value = row[index]
        if not value:
            value = f"rivi-{number}"
            issues.append(
                SurveyIssue(
                    number,
                    column,
                    "",
                    f"empty respondent id; generated {value!r}",
                    "empty_id",
                    "error",
                )
            )
        ids.append(value)
    rows_by_id: dict[str, list[Any]] = {}
    for value, number in zip(ids, table.row_numbers, strict=True):
        rows_by_id.setdefault(value, []).append(number)
    duplicates = {k: v for k, v in rows_by_id.items() if len(v) > 1}
    if duplicates:
        listed = "; ".join(
            f"{k!r} (rows {', '.join(map(str, v))})" for k, v in list(duplicates.items())[:20]
        )
        more = f" and {len(duplicates) - 20} more" if len(duplicates) > 20 else ""
        raise SurveyError(
            f"duplicate respondent ids in column {column!r} of {table.source!r}: {listed}{more}"
        )
    return ids


def _answers(table: RawTable, ids: list[str], columns: Sequence[str]) -> pd.DataFrame:
    indexes = [table.header.index(c) for c in columns]
    records = [
        (rid, column, row[i], number)
        for rid, row, number in zip(ids, table.rows, table.row_numbers, strict=True)
        for column, i in zip(columns, indexes, strict=True)
    ]
    frame = pd.DataFrame(records, columns=["respondent_id", "question", "text", "row"])
    return _string_columns(frame, ["respondent_id", "question", "text"])


def _scores(
    table: RawTable,
    ids: list[str],
    columns: Sequence[str],
    scale: LikertScale,
    issues: list[SurveyIssue],
    points: Mapping[str, int] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """The Likert answers, one row per respondent and item, and the items read on four steps."""
    indexes = [table.header.index(c) for c in columns]
    records = []
    for rid, row, number in zip(ids, table.rows, table.row_numbers, strict=True):
        for column, i in zip(columns, indexes, strict=True):
            value, status, problem = scale.parse(row[i])
            family = scale.family(row[i]) if status == "ok" else None
            if status == "ok" and scale.whole and not float(value).is_integer():
                issues.append(
                    SurveyIssue(
                        number,
                        column,
                        row[i],
                        f"value {row[i]!r} is not a whole number on the Likert scale "
                        f"{scale.low:g}–{scale.high:g} (a respondent picks one of its points); "
                        f"kept as {value:g}",
                        "non_integer_likert",
                        "warning",
                    )
                )
            if problem is not None:
                issues.append(
                    SurveyIssue(
                        number,
                        column,
                        row[i],
                        f"{problem}; set to missing",
                        "invalid_likert",
                        "error",
                    )
                )
            records.append([rid, column, value, status, number, row[i], family])
    four = _four_point_items(_bipolar_items(records), points, issues)
    if four:
        _rescore_four_points(records, set(four), issues)
    frame = pd.DataFrame(
        [r[:5] for r in records], columns=["respondent_id", "item", "value", "status", "row"]
    )
    frame["value"] = frame["value"].astype("float64")
    return _string_columns(frame, ["respondent_id", "item", "status"]), four


def _bipolar_items(records: list[list[Any]]) -> dict[str, tuple[str, frozenset[float], int]]:
    """The items whose answers are all labels of one two-sided family → (family, values, n)."""
    families: dict[str, set[str | None]] = {}
    values: dict[str, set[float]] = {}
    for _, item, value, status, _, _, family in records:
        if status == "ok":
            families.setdefault(item, set()).add(family)
            values.setdefault(item, set()).add(value)
    counts = Counter(r[1] for r in records if r[3] == "ok")
    return {
        item: (next(iter(found)), frozenset(values[item]), counts[item])
        for item, found in families.items()
        if len(found) == 1 and found <= BIPOLAR_FAMILIES
    }


def _four_point_items(
    bipolar: dict[str, tuple[str, frozenset[float], int]],
    points: Mapping[str, int] | None,
    issues: list[SurveyIssue],
) -> list[str]:
    """The items read on four steps: those given ``likert_points`` 4, else (for those not
    given) the verbal bipolar items without a middle answer (:func:`four_point_columns`)."""
    given = points or {}
    four = [c for c, p in given.items() if p == 4]
    detect = {c: v for c, v in bipolar.items() if given.get(c) is None}
    found, undecided = four_point_columns(detect)
    for column in found:
        family, _, _ = bipolar[column]
        issues.append(
            SurveyIssue(
                None,
                column,
                None,
                f"read as a four-step scale without a middle, scored 1–4: no answer among the "
                f"{sum(n for f, _, n in detect.values() if f == family)} {family} answers is in "
                "the middle; give likert_points 5 (--likert-points 5) if the question had a "
                "middle step",
                "four_point_scale",
            )
        )
    for column, n in undecided.items():
        issues.append(
            SurveyIssue(
                None,
                column,
                None,
                f"scored on five steps (1, 2, 4, 5 without a middle answer), but {n} answers "
                "cannot tell a four-step scale from a five-step one; give likert_points 4 "
                "(--likert-points 4) if the question had no middle step",
                "ambiguous_scale",
            )
        )
    return four + found


def _rescore_four_points(
    records: list[list[Any]], four: set[str], issues: list[SurveyIssue]
) -> None:
    """A four-step item's bipolar labels → 1–4 (a middle label is an error); its numbers stay,
    above 4 an error."""
    for record in records:
        _, item, value, status, number, text, family = record
        if item not in four or status != "ok":
            continue
        if family in BIPOLAR_FAMILIES and value != 3.0:
            record[2] = FOUR_POINT_VALUES[value]
        elif value > 4.0 or family in BIPOLAR_FAMILIES:
            record[2], record[3] = math.nan, "invalid"
            issues.append(
                SurveyIssue(
                    number,
                    item,
                    text,
                    f"{text!r} is not one of the four steps of this item; set to missing",
                    "invalid_likert",
                    "error",
                )
            )


_STR_DTYPE = pd.Series(["x"]).dtype  # "str" on pandas 3, object on pandas 2


def _string_columns(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """The pandas default string dtype for ``names`` (``str`` on pandas 3, object before)."""
    for name in names:
        frame[name] = pd.Series(list(frame[name]), index=frame.index, dtype=_STR_DTYPE)
    return frame


def _region_values(
    table: RawTable,
    columns: SurveyColumns,
    resolver: RegionResolver,
    issues: list[SurveyIssue],
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """(municipality text, region input text, county code) per respondent."""
    n = len(table.rows)
    municipality = (
        [None] * n
        if columns.municipality is None
        else list(table.column_values(table.header.index(columns.municipality)))
    )
    region_input = (
        [None] * n
        if columns.region is None
        else list(table.column_values(table.header.index(columns.region)))
    )
    codes: list[str | None] = []
    for i, number in enumerate(table.row_numbers):
        code = None
        region_match = municipal_match = None
        if columns.municipality is not None and not municipality[i]:
            issues.append(
                SurveyIssue(
                    number, columns.municipality, "", "empty municipality", "empty_municipality"
                )
            )
        if columns.region is not None and not region_input[i] and not municipality[i]:
            issues.append(
                SurveyIssue(
                    number, columns.region, "", "empty wellbeing services county", "empty_region"
                )
            )
        if region_input[i]:
            region_match = resolver.match(region_input[i], code_kind="county")
            code = region_match.code
            _region_issue(region_match, number, columns.region, issues)
        if municipality[i]:
            municipal_match = resolver.match(municipality[i], code_kind="municipality")
            _region_issue(municipal_match, number, columns.municipality, issues)
            if code is None and (region_match is None or region_match.unresolved):
                code = municipal_match.code
            elif municipal_match.code is not None and municipal_match.code != code:
                issues.append(
                    SurveyIssue(
                        number,
                        columns.municipality,
                        municipality[i],
                        f"municipality {municipality[i]!r} lies in county "
                        f"{municipal_match.code}, but column {columns.region!r} says {code}; "
                        f"kept {code}",
                        "region_conflict",
                        "warning",
                    )
                )
        codes.append(code)
    municipality = [m or None for m in municipality]
    region_input = [r or None for r in region_input]
    return municipality, region_input, codes


def _region_issue(match: Any, number: Any, column: str | None, issues: list[SurveyIssue]) -> None:
    if match.kind == "aland":
        issues.append(
            SurveyIssue(
                number,
                column,
                str(match.value),
                f"place {match.value!r} is in Åland ({match.name}), which belongs to no "
                "wellbeing services county; region left empty",
                "outside_counties",
            )
        )
        return
    if not match.unresolved:
        return
    if match.kind == "ambiguous":
        message = (
            f"place {match.value!r} is ambiguous (counties {', '.join(match.candidates)}); "
            "region left empty"
        )
    else:
        message = f"place {match.value!r} could not be resolved to a wellbeing services county"
    issues.append(SurveyIssue(number, column, str(match.value), message, "unresolved_region"))


def _numbers(values: list[str]) -> list[float]:
    """The cells of a numeric scale column as numbers (NaN for empty and "en osaa sanoa")."""
    return [float(v.replace(",", ".")) if NUMBER_PATTERN.match(v) else math.nan for v in values]


def _respondents(
    table: RawTable,
    ids: list[str],
    columns: SurveyColumns,
    groups: GroupClassifier,
    resolver: RegionResolver,
    issues: list[SurveyIssue],
) -> pd.DataFrame:
    n = len(table.rows)
    titles = (
        [None] * n
        if columns.title is None
        else [v or None for v in table.column_values(table.header.index(columns.title))]
    )
    group_inputs = (
        [None] * n
        if columns.group is None
        else [v or None for v in table.column_values(table.header.index(columns.group))]
    )
    detailed = []
    for title, group_input, number in zip(titles, group_inputs, table.row_numbers, strict=True):
        group = groups.group(group_input) if group_input else UNKNOWN
        if group == UNKNOWN:
            group = groups.group(title)
        if group == UNKNOWN and (title or group_input):
            column = columns.title if title else columns.group
            value = title or group_input
            issues.append(
                SurveyIssue(
                    number,
                    column,
                    value,
                    f"title {value!r} fits no respondent group; group 'tuntematon'",
                    "unknown_title",
                )
            )
        if columns.title is not None and title is None:
            known = group != UNKNOWN and columns.group is not None
            issues.append(
                SurveyIssue(
                    number,
                    columns.title,
                    "",
                    "empty title; "
                    + (f"group from column {columns.group!r}" if known else "group 'tuntematon'"),
                    "empty_title",
                )
            )
        detailed.append(group)
    municipality, region_input, codes = _region_values(table, columns, resolver, issues)
    data: dict[str, list[Any]] = {
        "respondent_id": ids,
        "row": list(table.row_numbers),
        "title": titles,
        "group": detailed,
        "coarse_group": [groups.coarse_group(g) for g in detailed],
        "municipality": municipality,
        "region": codes,
        "region_name": [resolver.region_name(c) if c else None for c in codes],
    }
    if columns.group is not None:
        data["group_input"] = group_inputs
    if columns.region is not None:
        data["region_input"] = region_input
    kept = set(columns.other) | set(columns.numeric)
    for column in (c for c in table.header if c in kept):
        name = column if column not in data else f"{column} (input)"
        values = table.column_values(table.header.index(column))
        data[name] = _numbers(values) if column in columns.numeric else values
    frame = pd.DataFrame(data)
    frame["row"] = pd.Series(list(table.row_numbers), index=frame.index)
    return frame


@renamed_arguments(mapping="column_map")
def read_survey(
    source: str | Path | pd.DataFrame,
    *,
    id_column: str | None = None,
    title_column: str | None = None,
    group_column: str | None = None,
    region_column: str | None = None,
    municipality_column: str | None = None,
    likert_columns: Sequence[str] | str | None = None,
    open_columns: Sequence[str] | str | None = None,
    column_map: str | Path | None = None,
    sheet: str | int | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    likert_scale: Mapping[str, float] | None = None,
    likert_range: tuple[float, float] = (1, 5),
    likert_points: int | Mapping[str, int] | None = None,
    missing_values: Iterable[Any] = (),
    groups: GroupClassifier | str | Path | None = None,
    strict: bool = False,
    detect: bool = True,
) -> Survey:
    """Read a survey export into tidy, validated frames (see the package docstring).

    Parameters
    ----------
    source
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``/``.xlsm``, ``.jsonl``/``.ndjson`` or ``.json``
        file, or a DataFrame with one row per respondent.
    id_column, title_column, group_column, region_column, municipality_column
        Column names (or 0-based positions) of these roles; found automatically when not given.
        ``group_column`` holds a coded role ("Kuntajohtaja", "Muu yleisjohto"); it wins over the
        title when recognised. ``region_column`` holds counties, ``municipality_column``
        municipalities (numbers there are municipality codes).
    likert_columns, open_columns
        The Likert items and the open questions; detected from content when not given.
    column_map
        A YAML or JSON file with any of these options (which column is what); explicit arguments
        win over it. (``mapping=`` is its deprecated name.)
    sheet, encoding, delimiter
        XLSX sheet (name or 0-based index); text encoding (default: UTF-8 with or without BOM,
        else Windows-1252); CSV delimiter (default: sniffed among ';', ',', tab and '|').
    header_row
        The header's row number in a CSV or XLSX file (1 is the first row). By default the first
        row is the header unless it covers few columns (a title row above the header): then the
        first row among the first ten that covers at least half of them; a second header row
        naming a merged matrix question's items is combined ("question: item"). Either is a
        ``header_row`` issue; more than half of the column names empty raises.
    likert_scale, likert_range, missing_values
        Extra verbal values (label → number, merged over :data:`DEFAULT_LIKERT_SCALE`); the valid
        range (default 1–5); extra "no opinion" markers (e.g. ``[6]`` when 6 codes EOS).
    likert_points
        4 or 5 (or item → 4 or 5): the number of steps of the verbal scales. By default an item
        whose answers are all labels of one two-sided scale (agreement, how well, satisfaction,
        clarity) with no middle answer in any item of that scale, among at least 20 answers, is
        read on four steps, 1–4 (a ``four_point_scale`` issue); with fewer it stays 1, 2, 4, 5
        on five (an ``ambiguous_scale`` issue). Numbers in cells are never rescored.
    groups
        A :class:`~vastausanalyysi.respondents.GroupClassifier` or a group file extending the
        default title table.
    strict
        Raise :class:`SurveyError` listing every error-level issue instead of recording it.
    detect
        Detect the roles of columns not given explicitly (default); with False every column not
        named is kept in ``respondents`` only.
    """
    options: dict[str, Any] = {}
    if column_map is not None:
        options.update(_load_mapping(column_map))
    explicit = {
        "id_column": id_column,
        "title_column": title_column,
        "group_column": group_column,
        "region_column": region_column,
        "municipality_column": municipality_column,
        "likert_columns": likert_columns,
        "open_columns": open_columns,
        "sheet": sheet,
        "header_row": header_row,
        "encoding": encoding,
        "delimiter": delimiter,
        "likert_scale": likert_scale,
        "likert_points": likert_points,
        "missing_values": list(missing_values) or None,
        "groups": groups,
    }
    options.update({k: v for k, v in explicit.items() if v is not None})
    if likert_range != (1, 5) or "likert_range" not in options:
        options["likert_range"] = likert_range
    options["strict"] = bool(options.get("strict", False)) or strict
    options["detect"] = bool(options.get("detect", True)) and detect

    table = read_raw_table(
        source,
        sheet=options.get("sheet"),
        encoding=options.get("encoding"),
        delimiter=options.get("delimiter"),
        header_row=options.get("header_row"),
    )
    drop_summary_rows(table)
    scale = LikertScale(
        options.get("likert_scale"),
        tuple(options["likert_range"]),
        options.get("missing_values") or (),
    )
    group_table = options.get("groups")
    classifier = (
        group_table
        if isinstance(group_table, GroupClassifier)
        else load_groups(group_table)
        if group_table is not None
        else default_groups()
    )
    resolver = default_resolver()
    columns, numeric_scales, notes = find_columns(table, options, scale, classifier, resolver)

    issues = list(table.issues) + notes
    ids = _ids(table, columns.id, issues)
    answers = _answers(table, ids, columns.open)
    points = _likert_points(options.get("likert_points"), columns.likert)
    scores, four = _scores(table, ids, columns.likert, scale, issues, points)
    respondents = _respondents(table, ids, columns, classifier, resolver, issues)
    text_columns = (
        "respondent_id",
        "title",
        "group",
        "coarse_group",
        "municipality",
        "region",
        "region_name",
        "group_input",
        "region_input",
    )
    respondents = _string_columns(respondents, [c for c in text_columns if c in respondents])
    _report(issues, table.source, options["strict"])
    scales = {item: (scale.low, 4.0 if item in four else scale.high) for item in columns.likert}
    if len(set(scales.values())) == 1:  # the report's score sections show it
        scores.attrs["scale"] = next(iter(scales.values()))
    scales.update(numeric_scales)
    return Survey(answers, scores, respondents, columns, issues, table.source, table.meta, scales)


def _likert_points(given: Any, items: Sequence[str]) -> dict[str, int]:
    """``likert_points`` (None, 4 or 5, or the survey's items → 4 or 5) checked, per item."""
    if given is None:
        return {}
    pairs = given.items() if isinstance(given, Mapping) else [(None, given)]
    for item, value in pairs:
        if value not in (4, 5) or isinstance(value, bool):
            raise SurveyError(f"likert_points must be 4 or 5, not {value!r}")
        if item is not None and item not in items:
            raise SurveyError(
                f"likert_points names {item!r}, which is not a Likert item of the survey "
                f"({', '.join(map(repr, items)) or 'none'})"
            )
    return dict(given) if isinstance(given, Mapping) else dict.fromkeys(items, int(given))


def _report(issues: list[SurveyIssue], source: str, strict: bool) -> None:
    """Log the issues; with ``strict`` raise one SurveyError listing the error-level ones."""
    errors = [i for i in issues if i.severity == "error"]
    if strict and errors:
        listed = "; ".join(str(i) for i in errors[:20])
        more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise SurveyError(f"{len(errors)} problem(s) in {source!r}: {listed}{more}")
    if not issues:
        return
    for issue in issues[:200]:
        logger.info("%s: %s", source, issue)
    for issue in issues:  # rows read or skipped although they may not be respondents
        if issue.kind in ("summary_row", "possible_summary_row"):
            logger.warning("%s: %s", source, issue)
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.kind] = counts.get(issue.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    logger.warning("%s: %d issue(s) (%s); see Survey.issues", source, len(issues), summary)


__all__ = ["read_survey"]
