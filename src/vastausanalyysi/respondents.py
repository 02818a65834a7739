"""Respondent groups (job titles → groups) and regions (places → wellbeing services counties).

Groups
------
:func:`respondent_group` maps a free-text job title ("tehtävänimike") or a coded role to one of
the six detailed groups of the 2026 survey, or ``"tuntematon"`` when nothing in the title fits;
:func:`coarse_group` maps a detailed group to the report's four coarse groups. The mapping is the
data file ``data/respondent_groups.yaml``; a user's file of the same shape extends it
(:func:`load_groups`). How a title is read:

1. Normalised: Unicode NFKC, lower case, dashes, shared heads ("kasvatus- ja opetusjohtaja"),
   abbreviations ("kv:n pj", "sivistystoimen joht.", "sivistysj.", "apul."), ignored words
   ("vs.", "vt.").
2. Split into parts at "/", ",", ";", brackets, "&", "+", "ja", "sekä", "tai". A part without a
   role word that is joined by "ja"/"sekä"/"tai" lends its words to the next part
   ("sivistyksen ja hallinnon johtaja"). Words after English "of" / "for" or Swedish "för" are
   read first, as Finnish puts them ("Director of Education" -> "education director").
3. Role words are found also when inflected ("sivistysjohtajana", "päällikön", by suffix
   stripping with consonant-gradation reversal) and with one typo (one edit) on a long title word
   ("sivistysjohtja"). A role word is a whole title (``titles``: "kunnanjohtaja", "rehtori") or a
   head (``heads``: "johtaja", "päällikkö", "sihteeri", "koordinaattori", …) whose modifiers
   name a domain ("sivistys", "tekninen", "hallinto", …). A head without a domain ("johtaja",
   "toimialajohtaja", "projektipäällikkö") is unknown; so are roles that are no heads
   ("opettaja", "asiantuntija", "valtuutettu").
4. Context words in a part decide it: a wellbeing services county, a committee ("lautakunta",
   "jaosto", "nämnd"), a council group or an association makes it ``tuntematon``; a joint
   municipal authority, company or foundation makes it ``muu_organisaatio``. An employer outside
   the groups (``employers``: "hyvinvointialue", "HUS", "seurakunta") in a part of its own
   ("sosiaalijohtaja, Pohjois-Savon hyvinvointialue") makes the title's other roles ``tuntematon``
   too, except a council or board chair and the municipal manager. Bodies of a parish, a student
   union or a regional council ("kirkkovaltuusto", "maakuntahallitus") are no municipal councils.
5. Deputies: "apulaiskaupunginjohtaja" and "kunnanjohtajan sijainen" are ``muu_yleisjohto``;
   other deputies keep their group ("varapuheenjohtaja", "apulaisrehtori").
6. Several groups in one title: the first in the file's ``precedence`` wins — puheenjohtaja,
   kuntajohtaja, muu_organisaatio, sivistysjohto, muu_toimialajohto, muu_yleisjohto. So
   "talousjohtaja, vt. kunnanjohtaja" is kuntajohtaja, "hallinto- ja sivistysjohtaja" sivistysjohto.

Decisions: "rehtori" alone is ``sivistysjohto`` (a municipal school or adult-education leader);
with a joint authority, a vocational institution or a university of applied sciences it is
``muu_organisaatio``. Youth services ("nuorisotoimenjohtaja") are sivistys, as the survey's own
question counts them; culture, sport, leisure and libraries are ``muu_toimialajohto``. The
``puheenjohtaja`` group is the chairs and vice chairs of the council (valtuusto) and the board
(hallitus) only, as ``respondents.md`` and the report define it ("valtuuston ja hallitusten
puheenjohtajat"): chairs of committees ("sivistyslautakunnan puheenjohtaja", "jaoston
puheenjohtaja"), of a wellbeing services county, a council group or an association are
``tuntematon``. A bare "puheenjohtaja" / "pj" is ``puheenjohtaja``.

Regions
-------
:func:`resolve_region` maps a place to a wellbeing services county code "01".."21", or "90" for
Helsinki. It knows the counties' short, official and Swedish names (``data/counties.csv``), the
2026 municipalities in Finnish and Swedish (``data/municipalities.csv``: Statistics Finland,
via geofi, CC BY 4.0), former municipalities and a few irregular forms (``data/place_aliases.csv``),
inflected forms ("Pirkanmaalla", "Helsingissä", "Lahdessa", "Seinäjoella", "Haukiputaalla",
"Uudessakaarlepyyssä", "Isossakyrössä"), Swedish forms ("i Borgå", "Vasa stads", "Jakobstads"),
English county names ("North Karelia", "Wellbeing services county of Pirkanmaa", "City of
Helsinki"), the Sami names of the Sami homeland municipalities ("Ohcejohka"), names of two
words inflected in the first ("Kosken Tl"), and codes, also next to a name ("837 Tampere").

Codes: one or two digits are a county code ("6", "06", "90"; "91" is Åland); three digits are a
municipality code ("091" is Helsinki, "090" Heinävesi); "KU091", "kunta 091" and "hva 06" say which
they are. Pass ``code_kind="municipality"`` when a column holds municipality codes that lost their
leading zeros (91 → "091"). Åland and its municipalities are no wellbeing services county: they
resolve to ``None`` but count as resolved. "Uusimaa" (four counties and Helsinki), "HUS",
"pääkaupunkiseutu", "Häme", "Savo" and "Karjala" are ambiguous: ``None``, listed as unresolved.
A value naming several places ("Espoo/Kauniainen", "Kuopio (Pohjois-Savo)", "Vaasa - Vasa")
resolves when they all lie in one county; parts joined by a spaced dash must all be places.
Without an exact match the resolver also tries the name without Finnish letters (or Sami ones)
when the input has none ("Hameenlinna"), and one typo against official names: one edit
against names of seven letters or more, from an input of six or more ("Jyväskyä") or from its form
without a case ending of seven or more ("Jyväkylässä"); against names of five or six letters only
a doubled or undoubled letter ("Porvo", "Kuopiio"). ``RegionMatch.fuzzy`` flags these.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from vastausanalyysi.errors import RegionError

UNKNOWN = "tuntematon"
"""The group of a title that fits no group (and the coarse group of an unknown group)."""

GROUPS: tuple[str, ...] = (
    "puheenjohtaja",
    "kuntajohtaja",
    "muu_yleisjohto",
    "sivistysjohto",
    "muu_toimialajohto",
    "muu_organisaatio",
)
"""The detailed groups of the default table, in the report's order."""

COARSE_GROUPS: tuple[str, ...] = ("puheenjohtajat", "yleisjohto", "toimialajohto", "muut")
"""The coarse groups of the default table, in the report's order."""

COUNTY_CODES: tuple[str, ...] = (*(f"{i:02d}" for i in range(1, 22)), "90")
"""Codes of the 21 wellbeing services counties and of Helsinki (90)."""

ALAND_CODE = "91"
"""The code of Åland in the municipality table: a region, but no wellbeing services county."""

# --------------------------------------------------------------------------------------------
# Finnish word forms: suffix stripping with consonant-gradation reversal
# --------------------------------------------------------------------------------------------

_VOWELS = frozenset("aeiouyäöå")
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")

_CASE_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            *("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä"),
            *("ksi", "n", "t", "a", "ä", "ta", "tä", "tta", "ttä", "seen", "siin"),
            *("an", "en", "in", "on", "un", "yn", "än", "ön"),
            *("han", "hen", "hin", "hon", "hun", "hyn", "hän", "hön"),
            *("issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille"),
            *("ina", "inä", "iksi", "ien", "iden", "itten", "jen", "ten", "ihin", "ja", "jä"),
            *("ita", "itä", "it", "ineen"),
        },
        key=lambda e: (-len(e), e),
    )
)

# weak grade -> strong grade, for the consonants before a stem's final vowel(s)
_STRENGTHEN: dict[str, tuple[str, ...]] = {
    "k": ("kk",),
    "p": ("pp",),
    "t": ("tt",),
    "d": ("t",),
    "v": ("p",),
    "ng": ("nk",),
    "mm": ("mp",),
    "nn": ("nt",),
    "ll": ("lt",),
    "rr": ("rt",),
    "hd": ("ht",),
    "lj": ("lk",),
    "rj": ("rk",),
    "l": ("lk",),
    "r": ("rk",),
    "h": ("hk",),
    "rk": ("rkk",),  # Pomarku(n) -> Pomarkku
    "lk": ("lkk",),
    "rp": ("rpp",),
    "lp": ("lpp",),
}
# strong grade -> weak grade (to derive genitive stems of domain words)
_WEAKEN: dict[str, tuple[str, ...]] = {
    "kk": ("k",),
    "pp": ("p",),
    "tt": ("t",),
    "nk": ("ng",),
    "mp": ("mm",),
    "nt": ("nn",),
    "lt": ("ll",),
    "rt": ("rr",),
    "ht": ("hd",),
    "t": ("d",),
    "p": ("v",),
    "k": ("",),
}


def _normalise(text: str) -> str:
    """NFKC, lower case, one kind of dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).lower()
    return " ".join(text.split())


def _key(text: str) -> str:
    """A comparison key: normalised letters and digits only ("Pohjois-Savo" -> "pohjoissavo")."""
    return "".join(ch for ch in _normalise(text) if ch.isalnum())


_FOLD = str.maketrans("äöåéüáčđŋšŧž", "aoaeuacdnstz")  # Finnish, Swedish and Sami letters


def _fold(text: str) -> str:
    """The key without Finnish and Swedish letters ("hämeenlinna" -> "hameenlinna")."""
    return text.translate(_FOLD)


def _last_syllable(stem: str) -> tuple[str, str, str] | None:
    """(head, consonant cluster, final vowels) of a stem ending in a vowel, else None."""
    i = len(stem)
    while i > 0 and stem[i - 1] in _VOWELS:
        i -= 1
    j = i
    while j > 0 and stem[j - 1] not in _VOWELS:
        j -= 1
    if i == len(stem):
        return None
    return stem[:j], stem[j:i], stem[i:]


def _grade_variants(stem: str, table: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The stem with its last consonant cluster changed by ``table`` (gradation either way)."""
    parts = _last_syllable(stem)
    if parts is None:
        return []
    head, cluster, vowels = parts
    out = [head + new + vowels for new in table.get(cluster, ())]
    if len(vowels) >= 2 and vowels[-1] != vowels[-2] and table is _STRENGTHEN:
        out.append(head + cluster + vowels[:-1] + "k" + vowels[-1])  # mäe -> mäke, Juua -> Juuka
    return out


def _restore_once(stem: str) -> list[str]:
    """Candidate base forms one step from a stripped stem (e-stems, -nen, -s, gradation)."""
    out: list[str] = []
    if stem.endswith("ee"):
        out.append(stem[:-1])  # Tamperee(n) -> Tampere
    if stem.endswith("e"):
        out.append(stem[:-1] + "i")  # Iisalme(ssa) -> Iisalmi
        if len(stem) >= 3 and stem[-2] in _VOWELS:
            out.append(stem[:-1] + "ki")  # Seinäjoe(lla) -> Seinäjoki
    if stem.endswith("kse"):
        out.append(stem[:-3] + "s")  # hallitukse(n) -> hallitus
    if stem.endswith("de"):
        out += [stem[:-2] + "s", stem[:-2] + "si", stem[:-2] + "ti"]  # Varkaus, Orivesi, Lahti
    if stem.endswith("ehe"):
        out.append(stem[:-2] + "s")  # esimiehe(nä) -> esimies
    if stem.endswith(("aa", "ää")) and len(stem) >= 5:
        # -as/-äs words: Haukiputaa(lla) -> Haukipudas, Pihtiputaa(n) -> Pihtipudas
        out.append(stem[:-1] + "s")
        out += [weak[:-1] + "s" for weak in _grade_variants(stem, _WEAKEN)]
    if stem.endswith("se") and len(stem) > 3:
        out.append(stem[:-2] + "nen")  # teknise(n) -> tekninen
    if stem.endswith("s") and len(stem) > 3 and stem[-2] in _VOWELS:
        out.append(stem[:-1] + "nen")  # Kauniais(issa) -> Kauniainen
    out += _grade_variants(stem, _STRENGTHEN)
    return out


@functools.lru_cache(maxsize=65536)
def _lemma_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """Possible base forms of an inflected Finnish word with their cost, cheapest first.

    Cost 0 is the word itself, 1 a stripped case ending, each restoration step one more. The
    candidates overgenerate on purpose: callers keep those found in a closed vocabulary.
    """
    costs: dict[str, int] = {word: 0}
    frontier: list[tuple[str, int]] = []
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            if costs.get(stem, 99) > 1:
                costs[stem] = 1
                frontier.append((stem, 1))
    for _ in range(2):  # two restoration steps: Lope(n) -> Lopi -> Loppi
        nxt: list[tuple[str, int]] = []
        for stem, cost in frontier:
            for cand in _restore_once(stem):
                if len(cand) >= 2 and costs.get(cand, 99) > cost + 1:
                    costs[cand] = cost + 1
                    nxt.append((cand, cost + 1))
        frontier = nxt
    return tuple(sorted(costs.items(), key=lambda item: (item[1], item[0])))


_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"


def _edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return out


def _is_missing(value: Any) -> bool:
    """None, NaN, pandas NA and empty or blank strings."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if type(value).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(value, str) and not value.strip()


def _data_path(name: str) -> Any:
    return resources.files("vastausanalyysi").joinpath("data", name)


# --------------------------------------------------------------------------------------------
# Respondent groups
# --------------------------------------------------------------------------------------------

_LIST_KEYS = (
    "ignore",
    "heads",
    "open_titles",
    "deputy_prefixes",
    "deputy_words",
    "deputy_heads",
    "employers",
)
_MAP_OF_LISTS_KEYS = ("titles", "domains", "context", "examples")
_MAP_KEYS = ("groups", "coarse_groups", "abbreviations", "phrases")
_REPLACE_KEYS = ("precedence", "deputy_groups", "version")
_KNOWN_KEYS = frozenset(_LIST_KEYS + _MAP_OF_LISTS_KEYS + _MAP_KEYS + _REPLACE_KEYS)

_SEPARATORS = frozenset("/,;&+()[]|")
_CONJUNCTIONS = frozenset({"ja", "sekä", "tai", "och", "eller", "and", "eli"})
# English and Swedish put the domain after the head: "Director of Education", "chef för bildning"
_POSTPOSED = frozenset({"of", "for", "för"})
_SHARED_HEAD = re.compile(r"(\w)-\s*(?:,\s*|\s+(?:ja|sekä|tai|och)\s+)(?=\w)")
_LEADING_HYPHEN = re.compile(r"\s(?:ja|sekä|tai|och)\s+-(\w)")
_TOKEN = re.compile(r"[/,;&+()\[\]|]|[^\s/,;&+()\[\]|]+")


@dataclass(frozen=True)
class _Role:
    """A role word found in a title: its lemma and what it is."""

    surface: str
    lemma: str
    kind: str  # "title" | "head" | "deputy"
    word: str  # the title or head it ends with
    prefix: str  # the compound's part before ``word``

    @property
    def genitive(self) -> bool:
        return self.surface != self.lemma and self.surface.endswith("n")


def _read_yaml(path: str | Path) -> dict[str, Any]:
    """A group file as a mapping; RegionError names the file when it is missing or malformed."""
    file = Path(path)
    if not file.is_file():
        raise RegionError(f"respondent group file not found: {str(file)!r}")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RegionError(f"respondent group file {str(file)!r} is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RegionError(f"respondent group file {str(file)!r} must hold a mapping at the top")
    return data


def _check_config(data: Mapping[str, Any], source: str) -> None:
    """RegionError naming the file and key when a group file has an unknown or ill-typed key."""
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            raise RegionError(
                f"unknown key {key!r} in respondent group file {source!r}; "
                f"known keys: {', '.join(sorted(_KNOWN_KEYS))}"
            )
        if key in (*_LIST_KEYS, "precedence") and not isinstance(value, list):
            raise RegionError(f"{key!r} in {source!r} must be a list, not {type(value).__name__}")
        if key in (*_MAP_OF_LISTS_KEYS, *_MAP_KEYS, "deputy_groups") and not isinstance(
            value, dict
        ):
            raise RegionError(
                f"{key!r} in {source!r} must be a mapping, not {type(value).__name__}"
            )
        if key in _MAP_OF_LISTS_KEYS:
            for group, words in value.items():
                if not isinstance(words, list):
                    raise RegionError(f"{key}.{group} in {source!r} must be a list of words")


def _merge_config(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` over ``base``: lists extended, mappings updated, precedence replaced."""
    out = {
        k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
        for k, v in base.items()
    }
    for key, value in extra.items():
        if key in _LIST_KEYS:
            out[key] = [*out.get(key, []), *value]
        elif key in _MAP_OF_LISTS_KEYS:
            # a word the user lists moves to the user's group
            moved = {_key(str(w)) for words in value.values() for w in words}
            merged = {
                g: [w for w in ws if _key(str(w)) not in moved]
                for g, ws in out.get(key, {}).items()
            }
            for group, words in value.items():
                merged[group] = [*merged.get(group, []), *words]
            out[key] = merged
        elif key in _MAP_KEYS:
            out[key] = {**out.get(key, {}), **value}
        else:
            out[key] = value
    return out


def _domain_keys(word: str) -> set[str]:
    """Stems under which a domain word is recognised inside a title's modifiers."""
    word = _key(word)
    keys = {word}
    if word.endswith("nen") and len(word) > 5:
        keys.add(word[:-3])  # tekninen -> tekni(sen)
    elif word.endswith("s") and len(word) > 4:
        keys.add(word[:-1])  # sivistys -> sivisty(ksen), talous -> talou(den)
    for weak in _grade_variants(word, _WEAKEN):
        if len(weak) >= 4:
            keys.add(weak)  # hallinto -> hallinno(n)
    return keys


class GroupClassifier:
    """Maps job titles to respondent groups with a group table (see the module docstring).

    Build one with :func:`load_groups`; :func:`respondent_group` uses the default table.
    """

    def __init__(self, config: Mapping[str, Any], source: str = "<config>") -> None:
        _check_config(config, source)
        self.source = source
        self.config = dict(config)
        groups = config.get("groups", {})
        self.coarse: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for group, spec in groups.items():
            if not isinstance(spec, dict) or "coarse" not in spec:
                raise RegionError(f"group {group!r} in {source!r} needs a 'coarse' group")
            self.coarse[str(group)] = str(spec["coarse"])
            self.names[str(group)] = str(spec.get("name", group))
        self.coarse_names: dict[str, str] = {
            str(k): str(v) for k, v in config.get("coarse_groups", {}).items()
        }
        self.precedence: list[str] = [str(g) for g in config.get("precedence", list(self.coarse))]
        for group in [*self.precedence, *config.get("deputy_groups", {}).values()]:
            if group not in self.coarse:
                raise RegionError(f"unknown group {group!r} in {source!r}; define it under groups")
        self._rank = {g: i for i, g in enumerate(self.precedence)}
        self.deputy_groups: dict[str, str] = dict(config.get("deputy_groups", {}))
        self.deputy_prefixes = tuple(_key(w) for w in config.get("deputy_prefixes", []))
        self.deputy_words = frozenset(_key(w) for w in config.get("deputy_words", []))
        self.deputy_heads = frozenset(_key(w) for w in config.get("deputy_heads", []))
        self.ignore = frozenset(_key(str(w)) for w in config.get("ignore", []))
        self.abbreviations = {
            _key(k): _normalise(str(v)) for k, v in config.get("abbreviations", {}).items()
        }
        self.phrases: dict[str, str] = {}
        for phrase, group in config.get("phrases", {}).items():
            self.phrases[_key(str(phrase))] = self._checked_group(group, f"phrases.{phrase}")
        self.titles: dict[str, str] = {}
        for group, words in config.get("titles", {}).items():
            group = self._checked_group(group, "titles")
            for word in words:
                self.titles[_key(str(word))] = group
        self._titles_by_length = sorted(self.titles, key=lambda t: (-len(t), t))
        self.open_titles = frozenset(_key(str(w)) for w in config.get("open_titles", []))
        self.heads = sorted({_key(str(h)) for h in config.get("heads", [])}, key=len, reverse=True)
        self.domains: dict[str, str] = {}
        for group, words in config.get("domains", {}).items():
            group = self._checked_group(group, "domains")
            for word in words:
                for key in _domain_keys(str(word)):
                    self.domains.setdefault(key, group)
        self.context: dict[str, str] = {}
        for group, words in config.get("context", {}).items():
            group = self._checked_group(group, "context", allow_unknown=True)
            for word in words:
                self.context.setdefault(_key(str(word)), group)
        self.employers = frozenset(_key(str(w)) for w in config.get("employers", []))
        self._vocabulary = self._fuzzy_vocabulary(config)
        self._role_cache: dict[str, _Role | None] = {}
        self._context_cache: dict[str, str | None] = {}
        self._cache: dict[str, str] = {}

    # -- construction helpers ---------------------------------------------------------------

    def _checked_group(self, group: Any, where: str, allow_unknown: bool = False) -> str:
        group = str(group)
        if group in self.coarse or (allow_unknown and group == UNKNOWN):
            return group
        raise RegionError(f"unknown group {group!r} under {where} in {self.source!r}")

    def _fuzzy_vocabulary(self, config: Mapping[str, Any]) -> dict[str, str]:
        """Title words for one-edit typo correction: whole titles and domain + head compounds
        of nine letters or more, and head words of seven or more ("johtaja", "päällikkö")."""
        words: set[str] = {t for t in self.titles if len(t) >= 9}
        words |= {h for h in self.heads if len(h) >= 7}
        finnish_heads = [
            h for h in self.heads if not h.endswith(("ör", "or", "chef", "are", "er", "ad"))
        ]
        for group_words in config.get("domains", {}).values():
            for word in group_words:
                stem = _key(str(word))
                for head in finnish_heads:
                    words.add(stem + head)
                    words.add(stem + "toimen" + head)
        return {w: w for w in words if len(w) >= 7}

    # -- public API ---------------------------------------------------------------------------

    def group(self, title: Any) -> str:
        """The detailed group of ``title`` (a free-text title or coded role), or "tuntematon"."""
        if _is_missing(title):
            return UNKNOWN
        text = str(title)
        cached = self._cache.get(text)
        if cached is None:
            cached = self._classify(text)
            if len(self._cache) < 100_000:
                self._cache[text] = cached
        return cached

    def coarse_group(self, group: Any) -> str:
        """The coarse group of a detailed group (a coarse id is returned as is)."""
        if _is_missing(group):
            return UNKNOWN
        group = str(group).strip()
        if group in self.coarse:
            return self.coarse[group]
        if group in self.coarse_names or group in set(self.coarse.values()):
            return group
        return UNKNOWN

    def explain(self, title: Any) -> list[tuple[str, str]]:
        """The parts of ``title`` the classifier saw and the group of each (for debugging)."""
        if _is_missing(title):
            return []
        return [(" ".join(words), group) for words, group in self._part_groups(str(title))]

    # -- classification -----------------------------------------------------------------------

    def _classify(self, text: str) -> str:
        phrase = self.phrases.get(_key(text))
        if phrase is not None:
            return phrase
        groups = [g for _, g in self._part_groups(text) if g != UNKNOWN]
        if not groups:
            return UNKNOWN
        return min(groups, key=lambda g: self._rank.get(g, len(self._rank)))

    def _part_groups(self, text: str) -> list[tuple[list[str], str]]:
        """(words, group) for each role found in ``text``; headless parts with a context too."""
        out: list[tuple[list[str], str]] = []
        pending: list[str] = []
        employer: str | None = None
        own_context: list[bool] = []
        for words, joined_by_conjunction in self._parts(self._tokens(text)):
            words = _prepose(pending + words)
            pending = []
            subparts = self._subparts(words)
            context = self._context(words)
            if not subparts:
                if joined_by_conjunction:
                    pending = words
                elif context is not None:
                    out.append((words, context))
                    own_context.append(True)
                    if context == UNKNOWN and self._names_employer(words):
                        employer = context
                continue
            for modifiers, role in subparts:
                group = context if context is not None else self._subpart_group(modifiers, role)
                out.append(([*modifiers, role.surface], group))
                own_context.append(context is not None)
        if pending and (context := self._context(pending)) is not None:
            out.append((pending, context))
            own_context.append(True)
        if employer is not None:
            # "sosiaalijohtaja, Pohjois-Savon hyvinvointialue": an employer outside the survey's
            # groups in a part of its own decides the roles ranked after muu_organisaatio (a
            # council chair or municipal manager stays what the title says)
            limit = self._rank.get("muu_organisaatio", len(self._rank))
            out = [
                (words, employer if not own and self._rank.get(group, -1) > limit else group)
                for (words, group), own in zip(out, own_context, strict=True)
            ]
        return out

    def _names_employer(self, words: list[str]) -> bool:
        """True when a part ends in an employer word ("Pirkanmaan hyvinvointialue", "HUS")."""
        if not words or not self.employers:
            return False
        forms = [c for c, cost in _lemma_candidates(words[-1]) if cost <= 1]
        return any(
            form == key or (len(key) >= 5 and form.endswith(key))
            for form in forms
            for key in self.employers
        )

    def _tokens(self, text: str) -> list[str]:
        """Normalised words and separator marks, with abbreviations expanded."""
        text = _normalise(text)
        text = _SHARED_HEAD.sub(r"\1", text)  # kasvatus- ja opetusjohtaja -> kasvatusopetus...
        text = _LEADING_HYPHEN.sub(r" \1", text)  # valtuuston ja -hallituksen -> ... hallituksen
        pieces: list[str] = []
        for raw in _TOKEN.findall(text):
            if raw in _SEPARATORS:
                pieces.append(raw)
                continue
            for sub in raw.split("."):
                word = sub.split(":")[0]
                for piece in self._split_roles(word):
                    if piece == "/":
                        pieces.append(piece)
                        continue
                    piece = "".join(ch for ch in piece if ch.isalnum())
                    if piece:
                        pieces.extend(self._expand(piece))
        return self._glue(pieces)

    def _split_roles(self, word: str) -> list[str]:
        """'kunnanjohtaja-kunnansihteeri' -> two roles; 'vapaa-aikajohtaja' stays one word.

        A hyphenated word is split only where both sides are role words and the whole is not
        a title of its own ("johtaja-rehtori" is johtajarehtori).
        """
        pieces = [p for p in word.split("-") if p]
        if len(pieces) < 2 or "".join(pieces) in self.titles:
            return ["".join(pieces)]
        cleaned = ["".join(ch for ch in p if ch.isalnum()) for p in pieces]
        if all(self._role(p) is not None for p in cleaned if p):
            out: list[str] = []
            for piece in cleaned:
                out += [piece, "/"]
            return out[:-1]
        return ["".join(pieces)]

    def _expand(self, word: str) -> list[str]:
        if word in self.abbreviations:
            return self.abbreviations[word].split()
        for cut, stem in (("joht", 1), ("joh", 3), ("j", 4)):  # "sivistysj.", "opetusjoh."
            if word.endswith(cut) and len(word) >= len(cut) + stem:
                return [word[: -len(cut)] + "johtaja"]
        if word.endswith("pääll") and len(word) > 5:
            return [word[:-5] + "päällikkö"]
        return [word]

    @staticmethod
    def _glue(pieces: list[str]) -> list[str]:
        """Join expansions ending in '+' ("apulais+") to the following word."""
        out: list[str] = []
        carry = ""
        for piece in pieces:
            if piece.endswith("+"):
                carry += piece[:-1]
                continue
            if carry and piece not in _SEPARATORS:
                piece = carry + piece
            elif carry:
                out.append(carry)
            carry = ""
            out.append(piece)
        if carry:
            out.append(carry)
        return out

    def _parts(self, tokens: list[str]) -> list[tuple[list[str], bool]]:
        """Words of each part, and whether a conjunction ("ja") ended the part."""
        parts: list[tuple[list[str], bool]] = []
        current: list[str] = []
        for token in tokens:
            if token in _SEPARATORS or token in _CONJUNCTIONS:
                if current:
                    parts.append((current, token in _CONJUNCTIONS or token in "&+"))
                current = []
            elif token not in self.ignore and not token.isdigit():
                current.append(token)
        if current:
            parts.append((current, False))
        return parts

    def _subparts(self, words: list[str]) -> list[tuple[list[str], _Role]]:
        """Split a part at its role words: (modifiers before it, role) for each role."""
        roles = [self._role(w) for w in words]
        out: list[tuple[list[str], _Role]] = []
        modifiers: list[str] = []
        for i, (word, role) in enumerate(zip(words, roles, strict=True)):
            followed_by_role = i + 1 < len(words) and roles[i + 1] is not None
            if role is None or (role.genitive and followed_by_role):
                modifiers.append(word)
                continue
            out.append((modifiers, role))
            modifiers = []
        return out

    def _role(self, word: str) -> _Role | None:
        """The role a word names (title, head or deputy head), also inflected or misspelt."""
        if word in self._role_cache:
            return self._role_cache[word]
        role = None
        if word not in self.ignore:
            candidates = _lemma_candidates(word)
            for lemma, _cost in candidates:
                role = self._role_of_lemma(word, lemma)
                if role is not None:
                    break
            near = [c for c, cost in candidates if cost <= 1]
            if role is None and len(word) >= 6:
                role = self._fuzzy_role(word, near)
            elif (
                role is not None
                and role.kind == "head"
                and role.prefix
                and len(word) >= 9
                and not self._domain_groups([role.prefix])
            ):
                # "kunnajohtaja": a head whose prefix names no domain may be a misspelt title
                role = self._fuzzy_role(word, near) or role
        self._role_cache[word] = role
        return role

    def _role_of_lemma(self, surface: str, lemma: str) -> _Role | None:
        if lemma in self.deputy_heads:
            return _Role(surface, lemma, "deputy", lemma, "")
        for title in self._titles_by_length:
            if lemma.endswith(title):
                prefix = lemma[: -len(title)]
                if not prefix or title in self.open_titles or prefix in self.deputy_prefixes:
                    return _Role(surface, lemma, "title", title, prefix)
        for head in self.heads:
            if lemma.endswith(head) and len(lemma) >= len(head):
                return _Role(surface, lemma, "head", head, lemma[: -len(head)])
        return None

    def _fuzzy_role(self, word: str, candidates: list[str]) -> _Role | None:
        """A role for a word one edit away from long title words that agree on the group."""
        hits: set[str] = set()
        for cand in candidates:
            if len(cand) >= 6:
                hits |= {e for e in _edits1(cand) if e in self._vocabulary}
        roles = [r for hit in sorted(hits) if (r := self._role_of_lemma(word, hit)) is not None]
        if not roles:
            return None
        if len(roles) > 1:
            groups = {self._subpart_group([], r) for r in roles}
            if len(groups) != 1 or UNKNOWN in groups:
                return None
        return roles[0]

    def _context(self, words: list[str]) -> str | None:
        """The group a context word forces on a part ("kuntayhtymä", "hyvinvointialue")."""
        found = {g for word in words if (g := self._word_context(word)) is not None}
        if UNKNOWN in found:
            return UNKNOWN
        return min(found) if found else None

    def _word_context(self, word: str) -> str | None:
        """Long context words match inside the word or its base form; short ones whole."""
        cached = self._context_cache.get(word)
        if cached is not None or word in self._context_cache:
            return cached
        forms = [c for c, cost in _lemma_candidates(word) if cost <= 2]
        found: set[str] = set()
        for key, group in self.context.items():
            if len(key) >= 5:
                if any(key in form for form in forms):
                    found.add(group)
            elif any(key == form for form, cost in _lemma_candidates(word) if cost <= 1):
                found.add(group)
        result = UNKNOWN if UNKNOWN in found else (min(found) if found else None)
        self._context_cache[word] = result
        return result

    def _subpart_group(self, modifiers: list[str], role: _Role) -> str:
        """The group of one role word given the words before it."""
        for n in (2, 1):  # "kunnan johtaja" -> kunnanjohtaja
            if len(modifiers) >= n:
                joined = "".join(modifiers[-n:]) + role.lemma
                if joined in self.titles:
                    return self.titles[joined]
        deputy = any(w in self.deputy_words for w in modifiers)
        if role.kind == "deputy":
            return self._deputy_group(modifiers)
        if role.kind == "title":
            group = self.titles[role.word]
            if deputy or (role.prefix and role.prefix in self.deputy_prefixes):
                group = self.deputy_groups.get(group, group)
            return group
        plain = [w for w in modifiers if self._role(w) is None]
        groups = self._domain_groups([*plain, role.prefix])
        if not groups:
            return UNKNOWN
        return min(groups, key=lambda g: self._rank.get(g, len(self._rank)))

    def _deputy_group(self, modifiers: list[str]) -> str:
        """'kunnanjohtajan sijainen': the group of the deputised role, mapped for deputies."""
        for i in range(len(modifiers) - 1, -1, -1):
            role = self._role(modifiers[i])
            if role is not None and role.kind != "deputy":
                group = self._subpart_group(modifiers[:i], role)
                return self.deputy_groups.get(group, group)
        return UNKNOWN

    def _domain_groups(self, words: list[str]) -> set[str]:
        """Groups of the domain words inside ``words`` (longest overlapping match wins)."""
        groups: set[str] = set()
        for word in words:
            if not word:
                continue
            matches = []
            for key, group in self.domains.items():
                if len(key) < 5:
                    if word.startswith(key):
                        matches.append((0, len(key), group))
                    continue
                start = word.find(key)
                while start >= 0:
                    matches.append((start, start + len(key), group))
                    start = word.find(key, start + 1)
            for s, e, group in matches:
                if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in matches):
                    groups.add(group)
        return groups


def _prepose(words: list[str]) -> list[str]:
    """'director of education' -> 'education director': words after "of" / "för" go first."""
    for i, word in enumerate(words):
        if word in _POSTPOSED:
            return [*_prepose(words[i + 1 :]), *words[:i]]
    return words


@functools.lru_cache(maxsize=1)
def _default_config() -> dict[str, Any]:
    text = _data_path("respondent_groups.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1)
def default_groups() -> GroupClassifier:
    """The classifier of the shipped group table ``data/respondent_groups.yaml``."""
    return GroupClassifier(_default_config(), "respondent_groups.yaml (default)")


def load_groups(path: str | Path, *, extend: bool = True) -> GroupClassifier:
    """A classifier from a user's group file, merged over the default table unless ``extend=False``.

    In the merge, lists are extended, mappings updated (the user's entries win) and
    ``precedence`` / ``deputy_groups`` replaced. Raises :class:`RegionError` naming the file
    when it is missing, not YAML, or has an unknown key or group.
    """
    extra = _read_yaml(path)
    _check_config(extra, str(path))
    config = _merge_config(_default_config(), extra) if extend else extra
    return GroupClassifier(config, str(path))


def _classifier(groups: GroupClassifier | str | Path | None) -> GroupClassifier:
    if groups is None:
        return default_groups()
    if isinstance(groups, GroupClassifier):
        return groups
    return load_groups(groups)


def respondent_group(
    title: str | None, *, groups: GroupClassifier | str | Path | None = None
) -> str:
    """The detailed respondent group of a job title, or ``"tuntematon"``.

    Groups: puheenjohtaja, kuntajohtaja, muu_yleisjohto, sivistysjohto, muu_toimialajohto,
    muu_organisaatio. Abbreviations, inflection, case, one-letter typos on long title words and
    combined titles are handled; a title that fits no group is never guessed. ``groups`` is a
    classifier from :func:`load_groups` or the path of a group file that extends the default.
    """
    return _classifier(groups).group(title)


def coarse_group(group: str | None, *, groups: GroupClassifier | str | Path | None = None) -> str:
    """The coarse group of a detailed group: puheenjohtajat, yleisjohto, toimialajohto, muut.

    A coarse id is returned unchanged; anything else (None, "tuntematon", an unknown id) is
    ``"tuntematon"``.
    """
    return _classifier(groups).coarse_group(group)


def group_name(group: str, *, coarse: bool = False) -> str:
    """The report's Finnish name of a detailed (or, with ``coarse=True``, coarse) group id."""
    table = default_groups()
    names = table.coarse_names if coarse else table.names
    if group == UNKNOWN:
        return "Tuntematon"
    if group not in names:
        raise RegionError(f"unknown {'coarse ' if coarse else ''}group id {group!r}")
    return names[group]


# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------

_GENERIC_PLACE_WORDS = frozenset(
    {
        "hyvinvointialue",
        "hva",
        "maakunta",
        "kunta",
        "kaupunki",
        "seutu",
        "seutukunta",
        "alue",
        "kommun",
        "stad",
        "välfärdsområde",
        "välfärdsområdet",
        "landskap",
        "landskapet",
        "region",
        "regionen",
        "sote",
        # Swedish genitive and definite forms: "Vasa stads", "Korsholms kommun"
        "stads",
        "staden",
        "stadens",
        "kommuns",
        "kommunen",
        "kommunens",
        # English: "Wellbeing services county of Pirkanmaa", "City of Helsinki"
        "wellbeing",
        "services",
        "county",
        "city",
        "town",
        "municipality",
        "of",
        "the",
    }
)
# Prepositions before a place: Swedish "i Borgå", "från Vasa"; English "in Espoo"
_PLACE_PREPOSITIONS = frozenset({"i", "från", "till", "in", "from", "at"})
# Names whose first part is an adjective that inflects with the last: "Uudessakaupungissa",
# "Isossakyrössä", "Vähänkyrön". The inflected adjective is replaced by its base form.
_INFLECTED_ADJECTIVE = re.compile(
    r"(^|[\s-])(?:(uude(?:ssa|sta|lla|lta|lle|ksi|n)|uuteen|uutena)"
    r"|(iso(?:ssa|sta|lla|lta|lle|ksi|on|na|n))"
    r"|(vähä(?:ssä|stä|llä|ltä|lle|ksi|än|nä|n)))(?=\w{3})"
)
_MUNICIPALITY_CODE = re.compile(r"^(?:ku|kunta|kuntakoodi|kommun)\s*[-:.]?\s*(\d{1,3})$")
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
            self._folded.setdefault(_fold(key), set()).update(places)
        self._fuzzy_keys = {k for k in self._fuzzy_targets if len(k) >= 7}
        self._short_fuzzy_keys = {k for k in self._fuzzy_targets if 5 <= len(k) <= 6}
        self._cache: dict[tuple[str, str], RegionMatch] = {}

    # -- loading ------------------------------------------------------------------------------

    @staticmethod
    def _rows(
        path: str | Path | None, default: str, columns: Iterable[str]
    ) -> list[dict[str, str]]:
        source = Path(path) if path is not None else _data_path(default)
        name = str(path) if path is not None else f"{default} (default)"
        try:
            text = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise RegionError(f"cannot read region table {name!r}: {exc}") from exc
        reader = csv.DictReader(text.splitlines())
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise RegionError(f"region table {name!r} lacks the column(s) {missing!r}")
        rows = []
        for line, row in enumerate(reader, start=2):
            clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
            if not any(clean.values()):
                continue
            clean["_line"] = str(line)
            clean["_file"] = name
            rows.append(clean)
        return rows

    def _add(self, name: str, place: _Place) -> None:
        key = _key(name)
        if key:
            self._index.setdefault(key, set()).add(place)

    def _load_counties(self, path: str | Path | None) -> None:
        cols = ("code", "name_fi", "official_fi", "name_sv", "official_sv", "aliases")
        for row in self._rows(path, "counties.csv", cols):
            code = row["code"].zfill(2)
            county = County(
                code, row["name_fi"], row["official_fi"], row["name_sv"], row["official_sv"]
            )
            self.counties[code] = county
            place = _Place(code, row["name_fi"], "county")
            for name in (*(row[c] for c in cols[1:5]), *row["aliases"].split("|")):
                self._add(name.strip(), place)
            self._fuzzy_targets.update(_key(row[c]) for c in cols[1:5])

    def _load_municipalities(self, path: str | Path | None) -> None:
        cols = ("kunta_koodi", "kunta", "kunta_sv", "hyvinvointialue_koodi")
        for row in self._rows(path, "municipalities.csv", cols):
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
            self._fuzzy_targets.update({_key(row["kunta"]), _key(row["kunta_sv"])})

    def _load_aliases(self, path: str | Path | None, required: bool) -> None:
        for row in self._rows(path, "place_aliases.csv", ("alias", "code", "kind")):
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
        """County codes for ``values`` in order, and the distinct unresolved inputs in order."""
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
        "municipality" (any number is a municipality code) or "county".
        """
        if code_kind not in ("auto", "municipality", "county"):
            raise RegionError(
                f"code_kind must be 'auto', 'municipality' or 'county', not {code_kind!r}"
            )
        if _is_missing(value):
            return RegionMatch(value, None, "empty")
        text = _value_text(value)
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
        norm = _normalise(text)
        match = self._match_code(text, norm, code_kind)
        if match is None:
            match = self._match_name(text, norm)
        if match is None:
            match = self._match_parts(text, norm)
        return match or RegionMatch(text, None, "unknown")

    def _match_code(self, text: str, norm: str, code_kind: str) -> RegionMatch | None:
        compact = norm.replace(" ", "")
        municipal = _MUNICIPALITY_CODE.match(norm)
        county = _COUNTY_CODE.match(norm)
        if municipal:
            return self._municipality_code(text, municipal.group(1))
        if county:
            return self._county_code(text, county.group(1))
        if not compact.isdigit() or len(compact) > 3:
            return None
        if code_kind == "municipality" or (code_kind == "auto" and len(compact) == 3):
            return self._municipality_code(text, compact)
        return self._county_code(text, compact)

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
        keys = [_key(norm)]
        stripped = _strip_generic(words)
        if stripped != words and stripped:
            keys.append(_key(" ".join(stripped)))
        for key_text in (norm, " ".join(stripped)):
            base = _uninflect_adjective(key_text)
            if base is not None and _key(base) not in keys:
                keys.append(_key(base))
        indexes: list[tuple[Mapping[str, set[_Place]], bool]] = [(self._index, False)]
        if not any(ch in "åäöéüáčđŋšŧž" for ch in norm):  # written without Finnish letters
            indexes.append((self._folded, True))
        for index, fold in indexes:
            for key in keys:
                key = _fold(key) if fold else key
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
                key = _fold(key) if fold else key
                if len(key) >= 5 and key.endswith("s") and key[:-1] in index:
                    return self._result(text, index[key[:-1]])
        for key in keys:
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
        rest = _key(" ".join(words[1:]))
        for cand, cost in _lemma_candidates(_key(words[0])):
            key = cand + rest
            key = _fold(key) if fold else key
            if cost >= 1 and key in index and (cost <= 1 or len(cand) >= 4):
                return index[key]
        return set()

    def _lookup(self, key: str, index: Mapping[str, set[_Place]]) -> set[_Place]:
        """Places under the cheapest base form of ``key`` found in ``index``.

        A base form restored beyond stripping an ending must have four letters or more.
        """
        best: set[_Place] = set()
        best_cost = None
        for cand, cost in _lemma_candidates(key):
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
        forms = [(c, cost) for c, cost in _lemma_candidates(key) if cost <= 1 and len(c) >= 5]
        found: set[_Place] = set()
        for form, cost in forms:
            if len(form) >= 6 + cost:  # a form without its ending needs seven letters
                for edit in _edits1(form):
                    if edit in self._fuzzy_keys:
                        found |= self._index[edit]
            for edit in _quantity_edits(form):
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
        """'Espoo/Kauniainen', 'Kuopio (Pohjois-Savo)': all parts in one county."""
        parts = [p for p in _PLACE_SPLIT.split(norm) if p.strip()]
        if len(parts) < 2:
            return None
        matches = [self._match_name(p, p) or self._match_code(p, p, "auto") for p in parts]
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
        if _is_missing(code):
            return None
        key = _value_text(code).strip().zfill(2)
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


def _value_text(value: Any) -> str:
    """Text of an input value; integral floats lose their '.0' (91.0 -> '91')."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        try:
            return _value_text(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def _quantity_edits(word: str) -> set[str]:
    """The word with one letter doubled or one doubled letter made single."""
    out = {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]}
    out.discard(word)
    return out


def _uninflect_adjective(text: str) -> str | None:
    """'uudessakaarlepyyssä' -> 'uusikaarlepyyssä'; None when no adjective prefix is inflected."""

    def base(match: re.Match[str]) -> str:
        word = "uusi" if match.group(2) else "iso" if match.group(3) else "vähä"
        return match.group(1) + word

    new = _INFLECTED_ADJECTIVE.sub(base, text)
    return new if new != text else None


def _strip_generic(words: list[str]) -> list[str]:
    """Drop generic words ("kunta", "hyvinvointialueella") at the end or start of a place, and
    a preposition at the start ("i Borgå")."""
    words = list(words)
    if len(words) > 1 and words[0] in _PLACE_PREPOSITIONS:
        words.pop(0)

    def generic(word: str) -> bool:
        return any(c in _GENERIC_PLACE_WORDS for c, _ in _lemma_candidates(_key(word)))

    while len(words) > 1 and generic(words[-1]):
        words.pop()
    while len(words) > 1 and generic(words[0]):
        words.pop(0)
    return words


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
    "COARSE_GROUPS",
    "COUNTY_CODES",
    "GROUPS",
    "UNKNOWN",
    "County",
    "GroupClassifier",
    "RegionMatch",
    "RegionResolver",
    "coarse_group",
    "default_groups",
    "default_resolver",
    "group_name",
    "load_groups",
    "match_region",
    "region_name",
    "resolve_region",
    "resolve_regions",
    "respondent_group",
]
