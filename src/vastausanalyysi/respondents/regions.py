"""Regions: place names and codes -> wellbeing services county codes.

:func:`resolve_region` maps a place to a wellbeing services county code "01".."21", or "90" for
Helsinki. It knows the counties' short, official and Swedish names (``data/counties.csv``), the
2026 municipalities in Finnish and Swedish (``data/municipalities.csv``: Statistics Finland,
via geofi, CC BY 4.0), former municipalities and a few irregular forms (``data/place_aliases.csv``;
a former rural municipality, "Jyväskylän mlk" or "Kuopion maalaiskunta", is its town's county),
inflected forms ("Pirkanmaalla", "Helsingissä", "Lahdessa", "Seinäjoella", "Haukiputaalla",
"Uudessakaarlepyyssä", "Isossakyrössä"), Swedish forms ("i Borgå", "Vasa stads", "Jakobstads"),
English county names ("North Karelia", "Wellbeing services county of Pirkanmaa", "City of
Helsinki"), the Sami names of the Sami homeland municipalities ("Ohcejohka"), names of two
words inflected in the first ("Kosken Tl"), and codes, also next to a name ("837 Tampere").

Codes: a cell that is only one or two digits is a county code ("6", "06", "90"; "91" is Åland);
only three digits a municipality code ("091" is Helsinki, "090" Heinävesi); "KU091", "kunta 091"
and "hva 06" say which they are. Pass ``code_kind="municipality"`` when a column holds
municipality codes that lost their leading zeros (91 → "091"). A number among other words is a
code only beside a place name that it agrees with ("837 Tampere"); "Vastaaja 10", "2 kuntaa",
"Toimipiste 2", "kunta 5" or "SUM(1)" are unknown. Åland and its municipalities are no wellbeing
services county: they resolve to ``None`` but count as resolved. "Uusimaa" (four counties and
Helsinki), "HUS", "pääkaupunkiseutu", "Häme", "Savo" and "Karjala" are ambiguous: ``None``,
listed as unresolved.
A value naming several places ("Espoo/Kauniainen", "Kuopio (Pohjois-Savo)", "Vaasa - Vasa", or
only three-digit municipality codes: "049/235") resolves when they all lie in one county; parts
joined by a spaced dash must all be places.
Without an exact match the resolver also tries the name without Finnish letters (or Sami ones)
when the input has none ("Hameenlinna"), and one typo against official names: one edit
against names of seven letters or more, from an input of six or more ("Jyväskyä") or from its form
without a case ending of seven or more ("Jyväkylässä"); against names of five or six letters only
a doubled or undoubled letter ("Porvo", "Kuopiio"). ``RegionMatch.fuzzy`` flags these.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastausanalyysi.errors import RegionError, reject_single_text
from vastausanalyysi.respondents.matching import (
    FOLDABLE_LETTERS,
    fold_letters,
    lemma_candidates,
    match_key,
    normalise,
    quantity_edits,
)
from vastausanalyysi.respondents.placenames import strip_generic, uninflect_adjective, value_text
from vastausanalyysi.respondents.tables import read_region_table
from vastausanalyysi.text import edits1, is_missing

COUNTY_CODES: tuple[str, ...] = (*(f"{i:02d}" for i in range(1, 22)), "90")
"""Codes of the 21 wellbeing services counties and of Helsinki (90)."""

ALAND_CODE = "91"
"""The code of Åland in the municipality table: a region, but no wellbeing services county."""
_MUNICIPALITY_CODE = re.compile(r"^(?:ku|kunta|kuntakoodi|kommun)\s*[-:.]?\s*(\d{3})$")
_BARE_CODE = re.compile(r"\d{1,3}", re.ASCII)
_COUNTY_CODE = re.compile(r"^(?:hva|hyvinvointialue|välfärdsområde|va)\s*[-:.]?\s*(\d{1,2})$")
_SPACED_DASH = re.compile(r"\s-\s")
_PLACE_SPLIT = re.compile(
    r"\s*(?:[/,;()&+\[\]]|\s(?:ja|och|and|tai|sekä)\s)\s*"
    r"|(?<=\d)\s*[-:]?\s+(?=[^\W\d])|(?<=[^\W\d])\s+(?=\d)"  # "837 Tampere", "Oulu 564"
    r"|\s+-\s+"  # "Vaasa - Vasa" (a spaced dash; "Mänttä - Vilppula" matches as a whole first)
)


@dataclass(frozen=True)
class RegionMatch:
    """How one input was resolved.

    ``kind`` is "county", "municipality", "county_code", "municipality_code", "aland" (Åland:
    ``code`` None, resolved), "ambiguous" (``candidates`` holds the counties), "unknown" or
    "empty". ``fuzzy`` is True when the match needed a typo correction.
    """

    value: Any
    code: str | None
    kind: str
    name: str | None = None
    candidates: tuple[str, ...] = ()
    fuzzy: bool = False

    @property
    def unresolved(self) -> bool:
        """True for an ambiguous or unknown input (not for empty input or Åland)."""
        return self.kind in ("ambiguous", "unknown")


@dataclass(frozen=True)
class _Place:
    code: str  # county code, "91" for Åland
    name: str  # canonical name of what matched
    kind: str  # "county" | "municipality"


@dataclass(frozen=True)
class County:
    """A wellbeing services county (or Helsinki, or Åland) with its names."""

    code: str
    name_fi: str
    official_fi: str
    name_sv: str
    official_sv: str


class RegionResolver:
    """Resolves place names and codes to wellbeing services county codes.

    ``municipalities``, ``counties`` and ``aliases`` are CSV paths with the columns of the
    shipped files (default: the package's). ``extra_aliases`` adds a user's alias file
    (columns ``alias,code,kind``; kind "municipality" with a 3-digit municipality code, "county"
    with a county code, or "ambiguous" with county codes separated by "|").
    """

    def __init__(
        self,
        municipalities: str | Path | None = None,
        counties: str | Path | None = None,
        aliases: str | Path | None = None,
        extra_aliases: str | Path | None = None,
    ) -> None:
        self.counties: dict[str, County] = {}
        self.municipalities: dict[str, tuple[str, str, str]] = {}  # code -> (fi, sv, county)
        self._index: dict[str, set[_Place]] = {}
        self._fuzzy_targets: set[str] = set()  # official names only, no aliases
        self._load_counties(counties)
        self._load_municipalities(municipalities)
        self._load_aliases(aliases, required=True)
        if extra_aliases is not None:
            self._load_aliases(extra_aliases, required=True)
        self._folded: dict[str, set[_Place]] = {}
        for key, places in self._index.items():
            self._folded.setdefault(fold_letters(key), set()).update(places)
        self._fuzzy_keys = {k for k in self._fuzzy_targets if len(k) >= 7}
        self._short_fuzzy_keys = {k for k in self._fuzzy_targets if 5 <= len(k) <= 6}
        self._cache: dict[tuple[str, str], RegionMatch] = {}

    # -- loading ------------------------------------------------------------------------------

    def _add(self, name: str, place: _Place) -> None:
        key = match_key(name)
        if key:
            self._index.setdefault(key, set()).add(place)

    def _load_counties(self, path: str | Path | None) -> None:
        cols = ("code", "name_fi", "official_fi", "name_sv", "official_sv", "aliases")
        for row in read_region_table(path, "counties.csv", cols):
            code = row["code"].zfill(2)
            county = County(
                code, row["name_fi"], row["official_fi"], row["name_sv"], row["official_sv"]
            )
            self.counties[code] = county
            place = _Place(code, row["name_fi"], "county")
            for name in (*(row[c] for c in cols[1:5]), *row["aliases"].split("|")):
                self._add(name.strip(), place)
            self._fuzzy_targets.update(match_key(row[c]) for c in cols[1:5])

    def _load_municipalities(self, path: str | Path | None) -> None:
        cols = ("kunta_koodi", "kunta", "kunta_sv", "hyvinvointialue_koodi")
        for row in read_region_table(path, "municipalities.csv", cols):
            code, county = row["kunta_koodi"].zfill(3), row["hyvinvointialue_koodi"].zfill(2)
            if county not in self.counties:
                raise RegionError(
                    f"municipality {row['kunta']!r} in {row['_file']!r} line {row['_line']} has "
                    f"the unknown county code {county!r}"
                )
            self.municipalities[code] = (row["kunta"], row["kunta_sv"], county)
            place = _Place(county, row["kunta"], "municipality")
            self._add(row["kunta"], place)
            self._add(row["kunta_sv"], place)
            self._fuzzy_targets.update({match_key(row["kunta"]), match_key(row["kunta_sv"])})

    def _load_aliases(self, path: str | Path | None, required: bool) -> None:
        for row in read_region_table(path, "place_aliases.csv", ("alias", "code", "kind")):
            kind, code = row["kind"], row["code"]
            where = f"{row['_file']!r} line {row['_line']}"
            if kind == "municipality":
                municipality = self.municipalities.get(code.zfill(3))
                if municipality is None:
                    raise RegionError(f"unknown municipality code {code!r} in {where}")
                self._add(row["alias"], _Place(municipality[2], municipality[0], "municipality"))
            elif kind in ("county", "ambiguous"):
                for part in code.split("|"):
                    if part.zfill(2) not in self.counties:
                        raise RegionError(f"unknown county code {part!r} in {where}")
                    county = self.counties[part.zfill(2)]
                    self._add(row["alias"], _Place(county.code, county.name_fi, "county"))
            else:
                raise RegionError(
                    f"unknown alias kind {kind!r} in {where}; use municipality, county or ambiguous"
                )

    # -- resolving ----------------------------------------------------------------------------

    def resolve(self, value: Any, *, code_kind: str = "auto") -> str | None:
        """The county code of ``value``, or None (unknown, ambiguous, empty or Åland)."""
        return self.match(value, code_kind=code_kind).code

    def resolve_many(
        self, values: Iterable[Any], *, code_kind: str = "auto"
    ) -> tuple[list[str | None], list[Any]]:
        """County codes for ``values`` in order, and the distinct unresolved inputs in order
        (a single string is an :class:`~vastausanalyysi.errors.InputTextError`: use
        :meth:`match` or wrap it in a list)."""
        reject_single_text(values, "resolve_regions")
        codes: list[str | None] = []
        unresolved: list[Any] = []
        seen: set[str] = set()
        for value in values:
            match = self.match(value, code_kind=code_kind)
            codes.append(match.code)
            if match.unresolved and str(value) not in seen:
                seen.add(str(value))
                unresolved.append(value)
        return codes, unresolved

    def match(self, value: Any, *, code_kind: str = "auto") -> RegionMatch:
        """How ``value`` resolves (see :class:`RegionMatch`).

        ``code_kind``: "auto" (1–2 digits a county code, 3 digits a municipality code),
        "municipality" (any number is a municipality code) or "county". Only a cell that is
        just the number (or a prefixed code such as "KU091" or "hva 06") is read as a code.
        """
        if code_kind not in ("auto", "municipality", "county"):
            raise RegionError(
                f"code_kind must be 'auto', 'municipality' or 'county', not {code_kind!r}"
            )
        if is_missing(value, blank=True):
            return RegionMatch(value, None, "empty")
        text = value_text(value)
        cache_key = (text, code_kind)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._match_text(text, code_kind)
            if len(self._cache) < 100_000:
                self._cache[cache_key] = cached
        return RegionMatch(
            value, cached.code, cached.kind, cached.name, cached.candidates, cached.fuzzy
        )

    def _match_text(self, text: str, code_kind: str) -> RegionMatch:
        norm = normalise(text)
        match = self._match_code(text, norm, code_kind)
        if match is None:
            match = self._match_name(text, norm)
        if match is None:
            match = self._match_parts(text, norm)
        return match or RegionMatch(text, None, "unknown")

    def _match_code(self, text: str, norm: str, code_kind: str) -> RegionMatch | None:
        """A code alone ("06", "091") or with its kind ("KU091", "hva 06"), else None."""
        municipal = _MUNICIPALITY_CODE.match(norm)
        county = _COUNTY_CODE.match(norm)
        if municipal:
            return self._municipality_code(text, municipal.group(1))
        if county:
            return self._county_code(text, county.group(1))
        if not _BARE_CODE.fullmatch(norm):  # "1 2" or "Vastaaja 10" is no code
            return None
        if code_kind == "municipality" or (code_kind == "auto" and len(norm) == 3):
            return self._municipality_code(text, norm)
        return self._county_code(text, norm)

    def _municipality_code(self, text: str, digits: str) -> RegionMatch:
        municipality = self.municipalities.get(digits.zfill(3))
        if municipality is None:
            return RegionMatch(text, None, "unknown")
        name, _sv, county = municipality
        if county == ALAND_CODE:
            return RegionMatch(text, None, "aland", name)
        return RegionMatch(text, county, "municipality_code", name)

    def _county_code(self, text: str, digits: str) -> RegionMatch:
        code = digits.zfill(2)
        if code == ALAND_CODE:
            return RegionMatch(text, None, "aland", self.counties[code].name_fi)
        if code not in self.counties:
            return RegionMatch(text, None, "unknown")
        return RegionMatch(text, code, "county_code", self.counties[code].name_fi)

    def _match_name(self, text: str, norm: str) -> RegionMatch | None:
        words = norm.split()
        keys = [match_key(norm)]
        stripped = strip_generic(words)
        if stripped != words and stripped:
            keys.append(match_key(" ".join(stripped)))
        for key_text in (norm, " ".join(stripped)):
            base = uninflect_adjective(key_text)
            if base is not None and match_key(base) not in keys:
                keys.append(match_key(base))
        indexes: list[tuple[Mapping[str, set[_Place]], bool]] = [(self._index, False)]
        if not any(ch in FOLDABLE_LETTERS for ch in norm):  # written without Finnish letters
            indexes.append((self._folded, True))
        for index, fold in indexes:
            for key in keys:
                key = fold_letters(key) if fold else key
                if not key:
                    continue
                places = self._lookup(key, index)
                if places:
                    return self._result(text, places)
            places = self._lookup_first_inflected(stripped, index, fold)
            if places:
                return self._result(text, places)
        for index, fold in indexes:
            for key in keys:  # Swedish genitive: "Vasas", "Borgås", "Jakobstads"
                key = fold_letters(key) if fold else key
                if len(key) >= 5 and key.endswith("s") and key[:-1] in index:
                    return self._result(text, index[key[:-1]])
        for key in keys:
            if any(ch.isdigit() for ch in key):  # a number is no typo: "Tampere 5"
                continue
            places = self._fuzzy(key)
            if places:
                return self._result(text, places, fuzzy=True)
        return None

    def _lookup_first_inflected(
        self, words: list[str], index: Mapping[str, set[_Place]], fold: bool
    ) -> set[_Place]:
        """Names of several words that inflect in the first: "Kosken Tl", "Koskella Tl"."""
        if len(words) < 2:
            return set()
        rest = match_key(" ".join(words[1:]))
        for cand, cost in lemma_candidates(match_key(words[0])):
            key = cand + rest
            key = fold_letters(key) if fold else key
            if cost >= 1 and key in index and (cost <= 1 or len(cand) >= 4):
                return index[key]
        return set()

    def _lookup(self, key: str, index: Mapping[str, set[_Place]]) -> set[_Place]:
        """Places under the cheapest base form of ``key`` found in ``index``.

        A base form restored beyond stripping an ending must have four letters or more.
        """
        best: set[_Place] = set()
        best_cost = None
        for cand, cost in lemma_candidates(key):
            if best_cost is not None and cost > best_cost:
                break
            if cand in index and (cost <= 1 or len(cand) >= 4):
                best |= index[cand]
                best_cost = cost
        return best

    def _fuzzy(self, key: str) -> set[_Place]:
        """Places one typo away from ``key`` or from its form without a case ending.

        Names of seven letters or more take any one edit from an input of six letters or more
        ("Jyväkylä") or from an input's form without its case ending of seven or more
        ("Jyväkylässä"); names of five or six letters only a doubled or undoubled letter, the
        commonest Finnish typo ("Porvo", "Kuopiio", "Porvossa").
        """
        forms = [(c, cost) for c, cost in lemma_candidates(key) if cost <= 1 and len(c) >= 5]
        found: set[_Place] = set()
        for form, cost in forms:
            if len(form) >= 6 + cost:  # a form without its ending needs seven letters
                for edit in edits1(form):
                    if edit in self._fuzzy_keys:
                        found |= self._index[edit]
            for edit in quantity_edits(form):
                if edit in self._short_fuzzy_keys:
                    found |= self._index[edit]
            if found:
                return found
        return found

    def _result(self, text: str, places: set[_Place], fuzzy: bool = False) -> RegionMatch:
        codes = sorted({p.code for p in places})
        if len(codes) > 1:
            return RegionMatch(text, None, "ambiguous", None, tuple(codes), fuzzy)
        place = sorted(places, key=lambda p: (p.kind != "county", p.name))[0]
        if codes[0] == ALAND_CODE:
            return RegionMatch(text, None, "aland", place.name, (), fuzzy)
        return RegionMatch(text, codes[0], place.kind, place.name, (), fuzzy)

    def _match_parts(self, text: str, norm: str) -> RegionMatch | None:
        """'Espoo/Kauniainen', 'Kuopio (Pohjois-Savo)': all parts in one county.

        At least one part must be a place name: a code only confirms a name ("837 Tampere"), so
        "Vastaaja 10", "2 kuntaa" and "SUM(1)" are no county codes; or every part is a
        three-digit municipality code ("049/235": Espoo and Kauniainen; not "1/2" nor "10, 12").
        """
        parts = [p for p in _PLACE_SPLIT.split(norm) if p.strip()]
        if len(parts) < 2:
            return None
        names = [self._match_name(p, p) for p in parts]
        if all(m is None for m in names) and not all(
            len(p.strip()) == 3 and p.strip().isdigit() for p in parts
        ):
            return None
        matches = [m or self._match_code(p, p, "auto") for m, p in zip(names, parts, strict=True)]
        known = [m for m in matches if m is not None and m.kind not in ("unknown", "empty")]
        if not known or (_SPACED_DASH.search(norm) and len(known) < len(parts)):
            return None  # a dash joins names ("Vaasa - Vasa"); every part must be one
        sets = [set(m.candidates or (m.code or ALAND_CODE,)) for m in known]
        common = set.intersection(*sets)
        if len(common) != 1:
            return RegionMatch(text, None, "ambiguous", None, tuple(sorted(set.union(*sets))))
        code = common.pop()
        first = next((m for m in known if not m.candidates), known[0])
        if code == ALAND_CODE:
            return RegionMatch(text, None, "aland", first.name, (), first.fuzzy)
        return RegionMatch(text, code, first.kind, first.name, (), first.fuzzy)

    # -- names --------------------------------------------------------------------------------

    def region_name(self, code: Any, *, lang: str = "fi", official: bool = False) -> str | None:
        """The county's short Finnish name ("Pohjois-Savo"); Swedish with ``lang="sv"``;
        the official name with ``official=True``. None for a missing code."""
        if is_missing(code, blank=True):
            return None
        key = value_text(code).strip().zfill(2)
        county = self.counties.get(key)
        if county is None:
            raise RegionError(
                f"unknown wellbeing services county code {code!r}; codes are 01–21, 90 and 91"
            )
        if lang not in ("fi", "sv"):
            raise RegionError(f"lang must be 'fi' or 'sv', not {lang!r}")
        if lang == "fi":
            return county.official_fi if official else county.name_fi
        return county.official_sv if official else county.name_sv


@functools.lru_cache(maxsize=1)
def default_resolver() -> RegionResolver:
    """The resolver of the shipped tables (2026 municipalities, counties, aliases)."""
    return RegionResolver()


def resolve_region(name_or_code: Any, *, code_kind: str = "auto") -> str | None:
    """The wellbeing services county code ("01".."21", "90" Helsinki) of a place, or None.

    Accepts a county's short, official, Swedish or inflected name, a municipality's Finnish or
    Swedish name (also inflected), a municipality code ("091") or a county code ("06"). None for
    Åland, ambiguous names ("Uusimaa"), unknown input and empty input; use
    :func:`match_region` or :func:`resolve_regions` to tell these apart.
    """
    return default_resolver().resolve(name_or_code, code_kind=code_kind)


def match_region(name_or_code: Any, *, code_kind: str = "auto") -> RegionMatch:
    """How a place resolves: code, kind (county, municipality, aland, ambiguous, …), name."""
    return default_resolver().match(name_or_code, code_kind=code_kind)


def resolve_regions(
    values: Iterable[Any], *, code_kind: str = "auto"
) -> tuple[list[str | None], list[Any]]:
    """County codes for many values, in order, and the distinct inputs that did not resolve.

    Unresolved means unknown or ambiguous; empty values and Åland are not listed.
    """
    return default_resolver().resolve_many(values, code_kind=code_kind)


def region_name(code: Any, *, lang: str = "fi", official: bool = False) -> str | None:
    """The short Finnish name of a county code ("13" -> "Pohjois-Savo"); see RegionResolver."""
    return default_resolver().region_name(code, lang=lang, official=official)


__all__ = [
    "ALAND_CODE",
    "COUNTY_CODES",
    "County",
    "RegionMatch",
    "RegionResolver",
    "default_resolver",
    "match_region",
    "region_name",
    "resolve_region",
    "resolve_regions",
]
