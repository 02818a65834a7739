"""The theme codebook: codes, their survey items and the patterns of the rule tagger.

The default codebook ships as package data (``vastausanalyysi/data/codebook.yaml``) and implements
``codebook.md``. A user's YAML file with the same structure can extend it (add codes, words,
phrases and exclusions) or replace codes or the whole codebook. The types it builds
(:class:`Codebook`, :class:`Code`, :class:`PolarityLexicon` …) live in
:mod:`vastausanalyysi.themes.codes` and are re-exported here.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from vastausanalyysi._resources import data_path, read_yaml_mapping
from vastausanalyysi.errors import CodebookError
from vastausanalyysi.schema import POLARITIES
from vastausanalyysi.themes.codes import (
    SECTIONS,
    TERM_FIELDS,
    Code,
    Codebook,
    Kind,
    LinkedItems,
    Phrase,
    PolarityLexicon,
    SurveyItem,
    expand_phrase,
    norm_term,
)

#: Area ids that must exist in every codebook built on the default one.
REQUIRED_AREAS: tuple[str, ...] = (
    "perhekeskus",
    "oppilashuolto",
    "hyte",
    "varautuminen",
    "kiinteistot",
)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LIST_FIELDS = (
    "lemmas",
    "words",
    "heads",
    "modifiers",
    "phrases",
    "prefixes",
    "exclude",
    "exclude_surface",
    "exclude_phrases",
    "defer_to",
)
_CODE_FIELDS = {"name", "description", "items", "replace", "remove", *_LIST_FIELDS}
_TOP_FIELDS = {"version", "name", "role_heads", "areas", "mechanisms", "polarity", "remove"}
_POLARITY_FIELDS = {
    "labels",
    "works",
    "problem",
    "irrealis",
    "improve",
    "negation",
    "contrast",
    "goal",
    "topic",
    "decrease",
}


# ----------------------------------------------------------------------------------------------
# loading


def default_codebook_path() -> Path:
    """Path of the default codebook shipped with the package."""
    return data_path("codebook.yaml")


def _read_yaml(path: str | Path) -> dict[str, Any]:
    return read_yaml_mapping(path, "codebook file", CodebookError)


_DEFAULT_RAW: dict[str, Any] | None = None


def _default_raw() -> dict[str, Any]:
    global _DEFAULT_RAW
    if _DEFAULT_RAW is None:
        _DEFAULT_RAW = _read_yaml(default_codebook_path())
    return copy.deepcopy(_DEFAULT_RAW)


def load_codebook(
    path: str | Path | Mapping[str, Any] | Codebook | None = None, *, extend: bool = True
) -> Codebook:
    """Load a codebook.

    ``path=None`` gives the default codebook. A file (or a mapping with the same structure) is
    merged into the default when ``extend`` is true: new codes are added, list fields of existing
    codes (lemmas, phrases, exclusions …) are extended, scalar fields replaced; a code with
    ``replace: true`` replaces the default one, ``remove: [ids]`` drops codes. With
    ``extend=False`` the file is the whole codebook. Errors name the file, code and field.
    """
    if isinstance(path, Codebook):
        return path
    if path is None:
        return _build(_default_raw(), "default codebook")
    if isinstance(path, Mapping):
        user, where = copy.deepcopy(dict(path)), "codebook mapping"
    else:
        user, where = _read_yaml(path), str(path)
    _check_structure(user, where)
    raw = _merge(_default_raw(), user, where) if extend else user
    return _build(raw, where)


def _check_structure(data: Mapping[str, Any], where: str) -> None:
    unknown = set(data) - _TOP_FIELDS
    if unknown:
        raise CodebookError(
            f"{where}: unknown top-level field(s) {sorted(unknown)}; allowed: {sorted(_TOP_FIELDS)}"
        )
    for section in SECTIONS:
        codes = data.get(section)
        if codes is None:
            continue
        if not isinstance(codes, Mapping):
            raise CodebookError(f"{where}: {section!r} must be a mapping of code id -> fields")
        for code_id, spec in codes.items():
            if not isinstance(code_id, str) or not _ID.match(code_id):
                raise CodebookError(
                    f"{where}: bad code id {code_id!r} in {section!r}: use lower-case letters, "
                    "digits and '_'"
                )
            if spec is None:
                continue
            if not isinstance(spec, Mapping):
                raise CodebookError(f"{where}: code {code_id!r} must be a mapping of fields")
            bad = set(spec) - _CODE_FIELDS
            if bad:
                raise CodebookError(
                    f"{where}: code {code_id!r} has unknown field(s) {sorted(bad)}; "
                    f"allowed: {sorted(_CODE_FIELDS)}"
                )
            for name in _LIST_FIELDS:
                value = spec.get(name)
                if value is None:
                    continue
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise CodebookError(
                        f"{where}: code {code_id!r} field {name!r} must be a list of strings"
                    )
                if any(not v.strip() for v in value):
                    raise CodebookError(
                        f"{where}: code {code_id!r} field {name!r} contains an empty term"
                    )
    pol = data.get("polarity")
    if pol is not None:
        if not isinstance(pol, Mapping):
            raise CodebookError(f"{where}: 'polarity' must be a mapping")
        bad = set(pol) - _POLARITY_FIELDS
        if bad:
            raise CodebookError(f"{where}: polarity has unknown field(s) {sorted(bad)}")
        for name, value in pol.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise CodebookError(f"{where}: polarity field {name!r} must be a list of strings")


def _merge(base: dict[str, Any], user: Mapping[str, Any], where: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key in ("version", "name"):
        if key in user:
            out[key] = user[key]
    if "role_heads" in user:
        out["role_heads"] = _union(out.get("role_heads"), user["role_heads"])
    for code_id in user.get("remove") or []:
        found = False
        for section in SECTIONS:
            if code_id in (out.get(section) or {}):
                del out[section][code_id]
                found = True
        if not found:
            raise CodebookError(f"{where}: cannot remove unknown code {code_id!r}")
    for section in SECTIONS:
        other = "mechanisms" if section == "areas" else "areas"
        for code_id, spec in (user.get(section) or {}).items():
            spec = dict(spec or {})
            if code_id in (out.get(other) or {}):
                raise CodebookError(
                    f"{where}: code {code_id!r} is already a {other[:-1]} in the default codebook"
                )
            target = out.setdefault(section, {})
            if spec.pop("remove", False):
                target.pop(code_id, None)
                continue
            if spec.pop("replace", False) or code_id not in target:
                target[code_id] = spec
                continue
            merged = dict(target[code_id])
            for name, value in spec.items():
                if name in _LIST_FIELDS:
                    merged[name] = _union(merged.get(name), value)
                elif name == "items":
                    merged[name] = value
                else:
                    merged[name] = value
            target[code_id] = merged
    if "polarity" in user:
        pol = out.setdefault("polarity", {})
        for name, value in user["polarity"].items():
            pol[name] = value if name == "labels" else _union(pol.get(name), value)
    # a code the user removed is no longer one to defer to (an unknown name is still an error)
    removed = set(user.get("remove") or []) | {
        cid
        for section in SECTIONS
        for cid, spec in (user.get(section) or {}).items()
        if (spec or {}).get("remove")
    }
    for section in SECTIONS:
        for spec in (out.get(section) or {}).values():
            if spec and removed.intersection(spec.get("defer_to") or ()):
                spec["defer_to"] = [t for t in spec["defer_to"] if t not in removed]
    return out


def _union(a: Iterable[str] | None, b: Iterable[str] | None) -> list[str]:
    seen: dict[str, None] = {}
    for v in [*(a or []), *(b or [])]:
        seen.setdefault(v, None)
    return list(seen)


def _phrases(text: str, code_id: str, field_name: str, where: str) -> list[Phrase]:
    """The phrases of an entry ("…": none to three words between, see ``expand_phrase``)."""
    try:
        return expand_phrase(text)
    except ValueError as e:
        raise CodebookError(f"{where}: code {code_id!r} field {field_name!r}: {e}") from None


def _build_code(code_id: str, kind: Kind, spec: Mapping[str, Any], where: str) -> Code:
    _check_structure({f"{kind}s" if kind == "area" else "mechanisms": {code_id: spec}}, where)
    name = spec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CodebookError(f"{where}: code {code_id!r} needs a non-empty 'name'")
    description = spec.get("description") or ""
    if not isinstance(description, str):
        raise CodebookError(f"{where}: code {code_id!r} field 'description' must be text")
    items = []
    for i, item in enumerate(spec.get("items") or []):
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("text", ""), str)
        ):
            raise CodebookError(
                f"{where}: code {code_id!r} field 'items'[{i}] must have a text 'id' and 'text'"
            )
        items.append(SurveyItem(item["id"], " ".join(str(item.get("text", "")).split())))

    def terms(field_name: str) -> list[str]:
        return [t for t in (spec.get(field_name) or []) if isinstance(t, str)]

    lemmas, phrases = set(), []
    for t in terms("lemmas"):
        if len(t.split()) > 1:  # a multi-word "lemma" is a phrase
            phrases.extend(_phrases(t, code_id, "lemmas", where))
        else:
            lemmas.add(norm_term(t))
    for t in terms("phrases"):
        phrases.extend(_phrases(t, code_id, "phrases", where))
    single = {f: frozenset(norm_term(t) for t in terms(f)) for f in ("words", "heads", "modifiers")}
    exclude, exclude_phrases = set(), []
    for t in terms("exclude"):
        if len(t.split()) > 1:
            exclude_phrases.extend(_phrases(t, code_id, "exclude", where))
        else:
            exclude.add(norm_term(t))
    for t in terms("exclude_phrases"):
        exclude_phrases.extend(_phrases(t, code_id, "exclude_phrases", where))
    code = Code(
        id=code_id,
        kind=kind,
        name=name.strip(),
        description=" ".join(description.split()),
        items=tuple(items),
        lemmas=frozenset(lemmas),
        words=single["words"],
        heads=single["heads"],
        modifiers=single["modifiers"],
        phrases=tuple(dict.fromkeys(phrases)),
        prefixes=tuple(dict.fromkeys(t.strip().lower() for t in terms("prefixes"))),
        exclude=frozenset(exclude),
        exclude_surface=tuple(dict.fromkeys(t.strip().lower() for t in terms("exclude_surface"))),
        exclude_phrases=tuple(dict.fromkeys(exclude_phrases)),
        defer_to=tuple(dict.fromkeys(t.strip() for t in terms("defer_to"))),
    )
    patterns = (code.lemmas, code.words, code.heads, code.modifiers, code.phrases, code.prefixes)
    if not any(patterns):
        raise CodebookError(
            f"{where}: code {code_id!r} has no patterns (lemmas, words, heads, modifiers, "
            "phrases or prefixes)"
        )
    return code


def _build(raw: dict[str, Any], where: str) -> Codebook:
    _check_structure(raw, where)
    sections: dict[str, dict[str, Code]] = {}
    for section, kind in SECTIONS.items():
        sections[section] = {
            cid: _build_code(cid, kind, spec or {}, where)
            for cid, spec in (raw.get(section) or {}).items()
        }
    dup = set(sections["areas"]) & set(sections["mechanisms"])
    if dup:
        raise CodebookError(f"{where}: code(s) {sorted(dup)} are both an area and a mechanism")
    if not sections["areas"] and not sections["mechanisms"]:
        raise CodebookError(f"{where}: the codebook has no codes")
    known = {**sections["areas"], **sections["mechanisms"]}
    for cid, code in known.items():
        unknown = [t for t in code.defer_to if t not in known or t == cid]
        if unknown:
            raise CodebookError(
                f"{where}: code {cid!r} field 'defer_to' names no other code: {unknown}"
            )
    pol = raw.get("polarity") or {}
    labels = tuple(pol.get("labels") or POLARITIES)
    if set(labels) != set(POLARITIES):
        raise CodebookError(f"{where}: polarity labels must be {list(POLARITIES)}, got {labels}")

    def words(name: str) -> frozenset[str]:
        return frozenset(norm_term(w) for w in pol.get(name) or [] if len(w.split()) == 1)

    def phrases(name: str) -> tuple[Phrase, ...]:
        multi = [w for w in pol.get(name) or [] if len(w.split()) > 1]
        return tuple(dict.fromkeys(p for w in multi for p in _phrases(w, "polarity", name, where)))

    lexicon = PolarityLexicon(
        works=words("works"),
        problem=words("problem"),
        irrealis=frozenset(norm_term(w) for w in pol.get("irrealis") or []),
        improve=frozenset(norm_term(w) for w in pol.get("improve") or []),
        negation=frozenset(norm_term(w) for w in pol.get("negation") or []),
        contrast=tuple(tuple(w.lower().split()) for w in pol.get("contrast") or []),
        labels=POLARITIES,
        goal=words("goal"),
        topic=words("topic"),
        decrease=words("decrease"),
        works_phrases=phrases("works"),
        problem_phrases=phrases("problem"),
    )
    version = raw.get("version", 1)
    if not isinstance(version, int):
        raise CodebookError(f"{where}: 'version' must be an integer, got {version!r}")
    return Codebook(
        areas=sections["areas"],
        mechanisms=sections["mechanisms"],
        polarity=lexicon,
        role_heads=frozenset(norm_term(w) for w in raw.get("role_heads") or []),
        name=str(raw.get("name") or ""),
        version=version,
        raw=raw,
    )


__all__ = [
    "POLARITIES",
    "REQUIRED_AREAS",
    "TERM_FIELDS",
    "Code",
    "Codebook",
    "LinkedItems",
    "PolarityLexicon",
    "SurveyItem",
    "default_codebook_path",
    "load_codebook",
    "norm_term",
]
