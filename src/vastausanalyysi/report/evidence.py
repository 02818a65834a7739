"""Evidence of the codes: the words (lemmas) or model scores that gave each answer its codes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from vastausanalyysi.report.formatting import as_list, cell_text, format_number
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.schema import AREAS, EVIDENCE, MECHANISMS, POLARITIES, strip_prefix
from vastausanalyysi.text import is_missing

LAYER_ORDER = {"area": 0, "mechanism": 1, "polarity": 2}
"""The order of code layers in the report's tables (other layers last)."""


def evidence_entries(value: Any) -> dict[str, list[Any]]:
    """An answer's evidence cell as code -> list of entries ({} when it is no mapping)."""
    if isinstance(value, Mapping):
        return {str(code): as_list(entries) for code, entries in value.items()}
    return {}


def evidence_term(entry: Any) -> str:
    """The lemma (else surface, else model score) of one evidence entry."""
    if isinstance(entry, Mapping):
        for key in ("lemma", "surface", "term", "token"):
            text = cell_text(entry.get(key)).strip()
            if text:
                return text
        source = cell_text(entry.get("source") or entry.get("rule"))
        score = entry.get("score", entry.get("probability"))
        if source == "model" or not is_missing(score):
            return f"malli {format_number(score, 2)}" if not is_missing(score) else "malli"
        return source
    return cell_text(entry).strip()


def evidence_summary(value: Any, masker: Masker, names: Names | None = None) -> str:
    """Evidence as "name: lemma, lemma; name: lemma" (code ids without ``names``)."""
    parts = []
    for code, entries in evidence_entries(value).items():
        terms = list(dict.fromkeys(t for t in (evidence_term(e) for e in entries) if t))
        terms = masker.many(terms)
        shown = names.code(code) if names is not None else code
        parts.append(f"{shown}: {', '.join(terms)}" if terms else shown)
    return "; ".join(parts)


def top_evidence(
    tagged: pd.DataFrame,
    n: int = 5,
    *,
    codebook_names: Mapping[str, str] | None = None,
    mask: bool = False,
) -> pd.DataFrame:
    """For each code, the evidence lemmas that gave it most often.

    Returns one row per code with ``layer``, ``code``, ``name``, ``answers`` (answers with evidence
    for the code) and ``lemmas`` (list of (lemma, answers) pairs, most frequent first, up to ``n``).
    """
    return evidence_table(tagged, n, Names(codebook_names), Masker(mask))


def evidence_table(
    tagged: pd.DataFrame,
    n: int,
    names: Names,
    masker: Masker,
    shown: Sequence[bool] | None = None,
) -> pd.DataFrame:
    """:func:`top_evidence` with the report's names and masker. With ``shown`` (per row), the
    words come only from the answers whose text the report shows, a code none of them has is
    left out, and where hidden answers have the code too its counts (answers and words) are
    None: a count of the shown ones alone, beside the tables' totals, would give the hidden
    ones' count."""
    columns = ["layer", "code", "name", "answers", "lemmas"]
    if EVIDENCE not in tagged.columns:
        return pd.DataFrame(columns=columns)
    layer_of: dict[str, str] = {}
    for column, layer in ((AREAS, "area"), (MECHANISMS, "mechanism")):
        if column in tagged.columns:
            for cell in tagged[column].tolist():
                for code in as_list(cell):
                    layer_of.setdefault(strip_prefix(str(code)), layer)
    answers: Counter[str] = Counter()
    open_answers: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = {}
    cells = tagged[EVIDENCE].tolist()
    for cell, open_ in zip(cells, [True] * len(cells) if shown is None else shown, strict=True):
        for code, entries in evidence_entries(cell).items():
            answers[code] += 1
            if open_:
                open_answers[code] += 1
                terms = {t for t in (evidence_term(e) for e in entries) if t}
                lemmas.setdefault(code, Counter()).update(terms)
    rows = []
    for code, count in open_answers.items():
        bare = strip_prefix(code)
        if code.startswith("area:"):
            layer = "area"
        elif code.startswith(("mech:", "mechanism:")):
            layer = "mechanism"
        else:
            layer = layer_of.get(bare, "polarity" if bare in POLARITIES else "muu")
        exact = count == answers[code]
        ranked = sorted(lemmas[code].items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        masked = masker.many([term for term, _ in ranked])
        rows.append(
            {
                "layer": layer,
                "code": code,
                "name": names.code(code),
                "answers": count if exact else None,
                "lemmas": [
                    (m, c if exact else None) for m, (_, c) in zip(masked, ranked, strict=True)
                ],
                "_rank": count,
            }
        )
    rows.sort(key=lambda r: (LAYER_ORDER.get(r["layer"], 3), -r["_rank"], r["code"]))
    table = pd.DataFrame(rows, columns=columns)
    table["answers"] = table["answers"].astype("Int64")  # whole numbers, <NA> where withheld
    return table


def lemma_text(lemmas: Sequence[tuple[str, int | None]]) -> str:
    """An evidence row's words as text: "hyte (6), perhekeskus (4)" (a withheld count: no
    brackets)."""
    return ", ".join(term if n is None else f"{term} ({n})" for term, n in lemmas)


__all__ = [
    "LAYER_ORDER",
    "evidence_entries",
    "evidence_summary",
    "evidence_table",
    "evidence_term",
    "lemma_text",
    "top_evidence",
]
