"""Links between codes and survey items: which item's score sits beside which code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from vastausanalyysi.schema import strip_prefix
from vastausanalyysi.text import is_missing, matrix_row

Alternatives = tuple[str, ...]  # names of one survey item (id, text), any of which may be used


@lru_cache(maxsize=1)
def _codebook_entries() -> tuple[tuple[str, str, tuple[Alternatives, ...]], ...]:
    """(layer, code id, linked items) of the default codebook, or () if it cannot be loaded."""
    from vastausanalyysi.errors import VastausanalyysiError
    from vastausanalyysi.themes.codebook import load_codebook

    try:
        return tuple(load_codebook().linked_items())
    except (VastausanalyysiError, OSError):  # the codebook is optional here
        return ()


def as_items(value: Any) -> tuple[Alternatives, ...]:
    """Linked items as tuples of alternative names.

    ``"x"`` -> ``(("x",),)``; a mapping with ``id`` and ``text`` -> ``((id, text),)``; a list of
    either -> one tuple each.
    """
    if is_missing(value):
        return ()
    if isinstance(value, str):
        name = value.strip()
        return ((name,),) if name and name not in {"—", "-"} else ()
    if isinstance(value, Mapping):
        names = value.get("id"), value.get("text")
        return (tuple(dict.fromkeys(str(n) for n in names if isinstance(n, str) and n)),)
    return tuple(alt for v in value for alt in as_items(v))


def codebook_codes(layer: str) -> list[str]:
    """The default codebook's ids of ``layer`` ("area"/"mechanism") in order; [] if unavailable."""
    return [code for lay, code, _ in _codebook_entries() if lay == layer]


def codebook_links() -> dict[str, list[Alternatives]]:
    """Code id -> its linked survey items (each as (id, text)), from the default codebook."""
    return {code: list(items) for _, code, items in _codebook_entries() if items}


def find_item(alternatives: Sequence[str], available: Iterable[Any]) -> str | None:
    """The name in ``available`` of the item with these alternative names: one of them as it
    is, else the one header whose matrix row (:func:`matrix_row`) is one of them, in any case
    ("Työnjako: Hyvinvoinnin ja terveyden edistämisessä" for the codebook's item "Hyvinvoinnin
    ja terveyden edistämisessä"); None when there is none (or several such headers)."""
    present = [str(a) for a in available if a is not None]
    found = next((a for a in alternatives if a in present), None)
    if found is not None:
        return found
    wanted = {_folded(a) for a in alternatives}
    rows = [p for p in present if _folded(matrix_row(p)) in wanted]
    return rows[0] if len(rows) == 1 else None


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def resolve_links(
    mapping: Mapping[str, str | Sequence[str]] | None, available: Iterable[Any] = ()
) -> dict[str, list[str]]:
    """Code id -> item names; of an item's alternatives (id, text) the one in ``available``."""
    if mapping is None:
        raw = codebook_links()
    else:
        raw = {}
        for code, items in mapping.items():
            raw.setdefault(strip_prefix(str(code)), []).extend(as_items(items))
    present = [str(a) for a in available if a is not None]
    return {
        code: list(dict.fromkeys(find_item(alts, present) or alts[0] for alts in items))
        for code, items in raw.items()
    }


def resolve_link_pairs(
    mapping: Mapping[str, str | Sequence[str]] | None, available: Iterable[Any] = ()
) -> dict[str, list[tuple[str, str]]]:
    """Code id -> (item id, item name) pairs: the id is an item's first name (the codebook's id,
    or the name given in ``mapping``), the name the one found in ``available``, as in
    :func:`resolve_links`."""
    names = resolve_links(mapping, available)
    ids = resolve_links(mapping, ())  # nothing available: each item's first name, its id
    pairs = {}
    for code, found in names.items():
        first = ids.get(code, [])
        pairs[code] = (
            list(zip(first, found, strict=True))
            if len(first) == len(found)
            else [(name, name) for name in found]
        )
    return pairs
