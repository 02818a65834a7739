"""Likert cells -> numbers: default verbal scales, "no opinion" markers, :class:`LikertScale`."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.nlp.normalise import normalise
from vastausanalyysi.survey.tables import cell_text

LIKERT_FAMILIES: dict[str, dict[str, float]] = {
    # Miten hyvin … (erittäin huonosti – erittäin hyvin), hyvä/huono; the five-step scales
    # with a bare middle of each side ("Hyvin", "Huonosti", "Hyvä", "Huono")
    "quality": {
        "erittäin huonosti": 1,
        "melko huonosti": 2,
        "ei hyvin eikä huonosti": 3,
        "ei huonosti eikä hyvin": 3,
        "kohtalaisesti": 3,
        "melko hyvin": 4,
        "erittäin hyvin": 5,
        "erittäin huono": 1,
        "melko huono": 2,
        "ei hyvä eikä huono": 3,
        "melko hyvä": 4,
        "erittäin hyvä": 5,
        "erittäin heikosti": 1,
        "melko heikosti": 2,
        "hyvin": 4,
        "huonosti": 2,
        "hyvä": 4,
        "kohtalainen": 3,
        "huono": 2,
    },
    # määrä (ei lainkaan – erittäin paljon): one-sided, its four-step form is 1–4 as it is
    "amount": {
        "ei lainkaan": 1,
        "erittäin vähän": 1,
        "vähän": 2,
        "melko vähän": 2,
        "jonkin verran": 3,
        "melko paljon": 4,
        "paljon": 4,
        "erittäin paljon": 5,
    },
    # tyytyväisyys (erittäin tyytymätön – erittäin tyytyväinen)
    "satisfaction": {
        "erittäin tyytymätön": 1,
        "melko tyytymätön": 2,
        "tyytymätön": 2,
        "ei tyytyväinen eikä tyytymätön": 3,
        "melko tyytyväinen": 4,
        "tyytyväinen": 4,
        "erittäin tyytyväinen": 5,
    },
    # samaa / eri mieltä
    "agreement": {
        "täysin eri mieltä": 1,
        "jokseenkin eri mieltä": 2,
        "osittain eri mieltä": 2,
        "ei samaa eikä eri mieltä": 3,
        "jokseenkin samaa mieltä": 4,
        "osittain samaa mieltä": 4,
        "täysin samaa mieltä": 5,
        "eri mieltä": 2,
        "samaa mieltä": 4,
        "ei samaa mieltä eikä eri mieltä": 3,
        "en samaa enkä eri mieltä": 3,
        "neutraali": 3,
    },
    # selkeys (ei lainkaan selkeä – erittäin selkeä)
    "clarity": {
        "ei lainkaan selkeä": 1,
        "ei lainkaan selkeästi": 1,
        "erittäin epäselvä": 1,
        "melko epäselvä": 2,
        "ei kovin selkeä": 2,
        "ei selkeä eikä epäselvä": 3,
        "jonkin verran selkeä": 3,
        "kohtalaisen selkeä": 3,
        "melko selkeä": 4,
        "erittäin selkeä": 5,
        "täysin selkeä": 5,
    },
    # svenska
    "quality_sv": {
        "mycket dåligt": 1,
        "ganska dåligt": 2,
        "varken bra eller dåligt": 3,
        "ganska bra": 4,
        "mycket bra": 5,
    },
    "agreement_sv": {
        "helt av annan åsikt": 1,
        "delvis av annan åsikt": 2,
        "varken av samma eller annan åsikt": 3,
        "delvis av samma åsikt": 4,
        "helt av samma åsikt": 5,
    },
}
"""The default verbal scales by family, each on 1–5 with its middle at 3."""

BIPOLAR_FAMILIES: frozenset[str] = frozenset(LIKERT_FAMILIES) - {"amount"}
"""Families whose four-step form has no middle: "Täysin eri mieltä", "Jokseenkin eri mieltä",
"Jokseenkin samaa mieltä", "Täysin samaa mieltä" are 1, 2, 3, 4 there (1, 2, 4, 5 on five)."""

FOUR_POINT_VALUES: dict[float, float] = {1.0: 1.0, 2.0: 2.0, 4.0: 3.0, 5.0: 4.0}
"""A bipolar family's five-step values → its four-step values."""

MIN_FOUR_POINT_ANSWERS = 20
"""Fewer verbal answers than this without a middle answer cannot tell four points from five."""

DEFAULT_LIKERT_SCALE: dict[str, float] = {
    label: value for family in LIKERT_FAMILIES.values() for label, value in family.items()
}
"""Verbal Likert values → numbers (1–5). Keys are compared lower-cased without punctuation."""

DEFAULT_MISSING_VALUES: tuple[str, ...] = (
    "en osaa sanoa",
    "eos",
    "e o s",
    "ei koske",
    "ei koske minua",
    "ei koske meitä",
    "ei koske kuntaani",
    "ei koske organisaatiotani",
    "ei koske meidän kuntaa",
    "ei koske tätä kuntaa",
    "en tiedä",
    "ei tietoa",
    "ei kokemusta",
    "ei sovellu",
    "ei relevantti",
    "kan inte säga",
    "vet inte",
    "ej tillämplig",
    "berör inte",
)
"""Values that mean "no opinion / not applicable": NaN with status "eos", never an issue."""

_EMPTY_MARKERS = frozenset({"", "-", "–", "—", "."})
NUMBER_PATTERN = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
"""A plain number cell: "4", "-2", "3,5" (decimal comma) or "3.5"."""
_LEADING_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:[=:.)\-–]\s*|\s+)(?=\D)")
_TRAILING_NUMBER = re.compile(r"^(?=\D)(?=.*[^\W\d_]).+?\s*\((\d+(?:[.,]\d+)?)\)$")
"""A label with its number after it in parentheses: "Erittäin hyvin (5)"."""


def label_key(text: str, *, header: bool = False) -> str:
    """``text`` lower-cased (NFKC, with zero-width characters and soft hyphens removed:
    "Erit\u200btäin hyvin" is "erittäin hyvin"), punctuation as spaces, whitespace collapsed.

    ``header=True`` gives the key of a column header: "_" is a space too and "#" stays
    ("Vastaajan_tunnus" is "vastaajan tunnus", "#" is "#")."""
    text = unicodedata.normalize("NFKC", normalise(text)).lower()
    if header:
        text = text.replace("_", " ")
    text = re.sub(r"[^\w\s#]" if header else r"[^\w\s]", " ", text)
    return " ".join(text.split())


class LikertScale:
    """Parses Likert cells: numbers ("4", "3,5"), verbal values, "5 = Erittäin hyvin",
    "Erittäin hyvin (5)", eos."""

    def __init__(
        self,
        scale: Mapping[str, float] | None = None,
        value_range: tuple[float, float] = (1, 5),
        missing_values: Iterable[Any] = (),
    ) -> None:
        self.labels = {label_key(k): float(v) for k, v in DEFAULT_LIKERT_SCALE.items()}
        self.families = {
            label_key(k): name for name, family in LIKERT_FAMILIES.items() for k in family
        }
        """Label key → its default family (a label the caller's ``scale`` gives has none)."""
        for label, value in (scale or {}).items():
            try:
                self.labels[label_key(str(label))] = float(value)
                self.families.pop(label_key(str(label)), None)
            except (TypeError, ValueError) as exc:
                raise SurveyError(
                    f"likert_scale value for {label!r} must be a number, not {value!r}"
                ) from exc
        low, high = (float(v) for v in value_range)
        if low >= high:
            raise SurveyError(
                f"likert_range must be (low, high) with low < high, not {value_range!r}"
            )
        self.low, self.high = low, high
        self.whole = low.is_integer() and high.is_integer()
        """Whether the scale's points are whole numbers (a value between them is an issue)."""
        self.missing = {label_key(m) for m in DEFAULT_MISSING_VALUES}
        self.missing |= {label_key(cell_text(m)) for m in missing_values}

    def parse(self, text: str) -> tuple[float, str, str | None]:
        """(value, status, problem) of one cell; status ok | empty | eos | invalid."""
        stripped = text.strip()
        if stripped in _EMPTY_MARKERS:
            return math.nan, "empty", None
        key = label_key(stripped)
        if key in self.missing or stripped in self.missing:
            return math.nan, "eos", None
        if NUMBER_PATTERN.match(stripped):
            number = float(stripped.replace(",", "."))
        elif key in self.labels:
            number = self.labels[key]
        elif (lead := _LEADING_NUMBER.match(stripped)) is not None:
            number = float(lead.group(1).replace(",", "."))
        elif (trail := _TRAILING_NUMBER.match(stripped)) is not None:
            number = float(trail.group(1).replace(",", "."))
        else:
            return math.nan, "invalid", f"unknown Likert value {stripped!r}"
        if not self.low <= number <= self.high:
            return (
                math.nan,
                "invalid",
                f"value {stripped!r} is outside the Likert range {self.low:g}–{self.high:g}",
            )
        return number, "ok", None

    def family(self, text: str) -> str | None:
        """The default family of a verbal cell ("Jokseenkin samaa mieltä" → "agreement");
        None for numbers, "5 = …" forms, the caller's own labels and other cells."""
        return self.families.get(label_key(text))


def four_point_columns(
    answers: Mapping[str, tuple[str, frozenset[float], int]],
) -> tuple[list[str], dict[str, int]]:
    """Which verbal columns are on a four-step scale without a middle.

    ``answers`` maps each column whose answers are all labels of one bipolar family to (family,
    the values read, number of answers). A column is four-step when no column of its family has
    a middle answer and the family's columns have at least :data:`MIN_FOUR_POINT_ANSWERS`
    answers together (a battery's items share their scale). Returns (the four-step columns,
    the undecided ones with the family's number of answers: too few to tell)."""
    pooled: dict[str, int] = {}
    middle: set[str] = set()
    for family, values, n in answers.values():
        pooled[family] = pooled.get(family, 0) + n
        if 3.0 in values:
            middle.add(family)
    four: list[str] = []
    undecided: dict[str, int] = {}
    for column, (family, _, _) in answers.items():
        if family in middle:
            continue
        if pooled[family] >= MIN_FOUR_POINT_ANSWERS:
            four.append(column)
        else:
            undecided[column] = pooled[family]
    return four, undecided


__all__ = [
    "BIPOLAR_FAMILIES",
    "DEFAULT_LIKERT_SCALE",
    "DEFAULT_MISSING_VALUES",
    "FOUR_POINT_VALUES",
    "LIKERT_FAMILIES",
    "MIN_FOUR_POINT_ANSWERS",
    "NUMBER_PATTERN",
    "LikertScale",
    "four_point_columns",
    "label_key",
]
