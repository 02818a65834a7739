"""Column roles: which column of a survey holds ids, titles, groups, places, Likert items, answers.

A role is taken from the options when given (a name, matched case- and space-insensitively, or a
0-based position), else found from the header ("Vastaajan tunnus", "Tehtävänimike", "Kunta",
"Hyvinvointialue", …) and the content (Likert values, long free text, known titles, place names).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.respondents import UNKNOWN, GroupClassifier, RegionResolver
from vastausanalyysi.survey.likert import NUMBER_PATTERN, LikertScale, label_key
from vastausanalyysi.survey.model import SurveyColumns, SurveyIssue
from vastausanalyysi.survey.tables import RawTable

logger = logging.getLogger("vastausanalyysi.survey")

_ID_HEADERS = frozenset(
    {
        "vastaajan tunnus",
        "vastaajatunnus",
        "vastaajan id",
        "vastaaja id",
        "vastaajaid",
        "vastaajan numero",
        "vastaajanumero",
        "vastaaja nro",
        "vastaajan nro",
        "vastaaja",
        "vastaustunnus",
        "vastauksen tunnus",
        "vastauksen id",
        "vastaus id",
        "vastausid",
        "vastauksen numero",
        "vastausnumero",
        "tunnus",
        "id",
        "nro",
        "numero",
        "respondent id",
        "respondentid",
        "respondent",
        "response id",
        "responseid",
        "svarsid",
        "svar id",
        "respondent_id",
    }
)
#: Columns that survey tools add about the response itself (LimeSurvey's page reached, language
#: and seed; start and end times): never a Likert item, a scale or an open question.
_SYSTEM_HEADERS = frozenset(
    {
        "lastpage",
        "startlanguage",
        "seed",
        "submitdate",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "token",
        "interviewtime",
        "aloitusaika",
        "valmistumisaika",
        "aikaleima",
        "vastausaika",
        "viimeksi muokattu",
    }
)
#: Columns about the respondent rather than answers (contact details, organisation): kept with
#: the respondents, never a Likert item, a scale or an open question to tag.
_RESPONDENT_INFO_HEADERS = frozenset(
    {
        "organisaatio",
        "organisaation nimi",
        "organisaatio nimi",
        "taustaorganisaatio",
        "yhteyshenkilö",
        "yhteyshenkilön nimi",
        "yhteystiedot",
        "lisätietoja antaa",
        "lisätietoja antavat",
        "lisätietojen antaja",
        "sähköposti",
        "sähköpostiosoite",
        "email",
        "e mail",
        "puhelin",
        "puhelinnumero",
        "nimi",
        "vastaajan nimi",
        "etunimi",
        "sukunimi",
        "osoite",
        "postiosoite",
        "organisation",
        "kontaktperson",
        "e post",
        "tilinumero",
        "iban",
        "pankkitili",
        "kontonummer",
    }
)
_NOT_ANSWERS = _SYSTEM_HEADERS | _RESPONDENT_INFO_HEADERS
#: Survey tools' answer codes in place of the answers (LimeSurvey "A1", "AO01", "SQ001").
_ANSWER_CODE = re.compile(r"^(?:A|AO|SQ)\d{1,3}$", re.IGNORECASE)
_TITLE_WORDS = ("nimike", "nimik", "titteli", "befattning", "job title", "tjänstebeteckning")
_TITLE_HEADERS = frozenset(
    {"asema", "asemasi", "tehtävä", "tehtäväsi", "rooli", "roolisi", "title", "titel", "virka"}
)
_GROUP_HEADERS = frozenset(
    {
        "vastaajaryhmä",
        "taustaryhmä",
        "kohderyhmä",
        "ryhmä",
        "vastaajatyyppi",
        "edustan",
        "edustamani taho",
        "respondentgrupp",
        "group",
    }
)
_MUNICIPALITY_WORDS = ("kunta", "kunnan", "kommun", "kotikunta", "municipality", "kuntanumero")
_REGION_WORDS = (
    "hyvinvointialue",
    "hva",
    "maakunta",
    "välfärdsområde",
    "region",
    "alue",
    "county",
    "sotealue",
)
_PLACE_HEADERS = frozenset(
    {
        "kunta",
        "kunnan nimi",
        "kuntanimi",
        "kotikunta",
        "kuntanumero",
        "kuntakoodi",
        "kommun",
        "hyvinvointialue",
        "hyvinvointialueen nimi",
        "maakunta",
        "välfärdsområde",
    }
)
_OPEN_HINTS = (
    "avoin",
    "kommentt",
    "perustel",
    "vapaa sana",
    "kerro",
    "kuvaile",
    "kuvaa",
    "toimii",
    "mitä",
    "miten",
    "millä",
    "miksi",
    "missä",
    "millaisia",
    "muuta",
    "ehdotuk",
    "terveis",
)


def _short(header: str, words: int = 5) -> bool:
    return len(header.split()) <= words and len(header) <= 45


def _find_column(table: RawTable, name: Any, option: str) -> str:
    """The header matching ``name`` (exactly, else case/space-insensitively, else by index)."""
    if isinstance(name, int) and not isinstance(name, bool) and 0 <= name < len(table.header):
        return table.header[name]
    text = str(name)
    if text in table.header:
        return text
    wanted = label_key(text, header=True)
    matches = [h for h in table.header if label_key(h, header=True) == wanted]
    if len(matches) == 1:
        return matches[0]
    raise SurveyError(
        f"{option}={name!r}: no such column in {table.source!r}; columns are: "
        + ", ".join(repr(h) for h in table.header)
    )


def _as_list(value: Any, option: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    raise SurveyError(f"{option} must be a column name or a list of them, not {value!r}")


class _RoleFinder:
    """Decides the role of each column: given explicitly, else from header and content."""

    def __init__(
        self,
        table: RawTable,
        options: Mapping[str, Any],
        scale: LikertScale,
        groups: GroupClassifier,
        resolver: RegionResolver,
    ) -> None:
        self.table = table
        self.options = options
        self.scale = scale
        self.groups = groups
        self.resolver = resolver
        self.index = {h: i for i, h in enumerate(table.header)}
        self.taken: dict[str, str] = {}  # column -> role
        self.scales: dict[str, tuple[float, float]] = {}  # numeric column -> (low, high)
        self.notes: list[SurveyIssue] = []  # columns left with the respondents, and why

    def _take(self, column: str, role: str) -> str:
        if column in self.taken and self.taken[column] != role:
            raise SurveyError(
                f"column {column!r} cannot be both {self.taken[column]} and {role} in "
                f"{self.table.source!r}"
            )
        self.taken[column] = role
        return column

    def _free(self) -> list[str]:
        return [h for h in self.table.header if h not in self.taken]

    def _content(self) -> list[str]:
        """The free columns that may hold answers: not a survey tool's own (``lastpage``), nor
        the respondent's contact details or organisation ("Organisaatio", "Lisätietoja
        antaa")."""
        return [c for c in self._free() if label_key(c, header=True) not in _NOT_ANSWERS]

    def find(self) -> SurveyColumns:
        opts = self.options
        detect = bool(opts.get("detect", True))
        explicit: dict[str, str | None] = {}
        for role, option in (
            ("id", "id_column"),
            ("title", "title_column"),
            ("group", "group_column"),
            ("municipality", "municipality_column"),
            ("region", "region_column"),
        ):
            name = opts.get(option)
            explicit[role] = (
                self._take(_find_column(self.table, name, option), role)
                if name is not None
                else None
            )
        likert = [
            self._take(_find_column(self.table, n, "likert_columns"), "likert")
            for n in _as_list(opts.get("likert_columns"), "likert_columns")
        ]
        open_ = [
            self._take(_find_column(self.table, n, "open_columns"), "open")
            for n in _as_list(opts.get("open_columns"), "open_columns")
        ]
        if detect:
            explicit["id"] = explicit["id"] or self._detect_id()
            explicit["title"] = explicit["title"] or self._detect_title()
            explicit["group"] = explicit["group"] or self._detect_group()
            if explicit["title"] is None and explicit["group"] is None:
                explicit["title"] = self._titles_by_content()
            if explicit["municipality"] is None and explicit["region"] is None:
                explicit["municipality"], explicit["region"] = self._detect_places()
            if opts.get("likert_columns") is None:
                for column in self._content():
                    found = self._numeric_scale(column)
                    if found is not None:
                        self.scales[self._take(column, "numeric")] = found
                likert = [self._take(c, "likert") for c in self._content() if self._is_likert(c)]
            if opts.get("open_columns") is None:
                open_ = [self._take(c, "open") for c in self._content() if self._is_open(c)]
            self._note_unread()
        other = tuple(self._free())
        columns = SurveyColumns(
            id=explicit["id"],
            title=explicit["title"],
            group=explicit["group"],
            municipality=explicit["municipality"],
            region=explicit["region"],
            likert=tuple(likert),
            open=tuple(open_),
            other=other,
            numeric=tuple(self.scales),
        )
        self._log(columns)
        return columns

    def _log(self, c: SurveyColumns) -> None:
        src = self.table.source
        logger.info("%s: respondent id column %r", src, c.id)
        logger.info("%s: title column %r, group column %r", src, c.title, c.group)
        logger.info("%s: municipality column %r, region column %r", src, c.municipality, c.region)
        logger.info("%s: %d Likert columns %r", src, len(c.likert), list(c.likert))
        logger.info("%s: %d open-answer columns %r", src, len(c.open), list(c.open))
        for column, (low, high) in self.scales.items():
            logger.info("%s: numeric column %r on the scale %g–%g", src, column, low, high)
        if c.other:
            logger.info("%s: other columns kept in respondents: %r", src, list(c.other))

    def _note_unread(self) -> None:
        """An issue for each column left with the respondents that holds a survey tool's answer
        codes, or whose header asks a question while its answers are a few short values."""
        for column in self._content():
            values = [v for v in self.table.column_values(self.index[column]) if v]
            if not values:
                continue
            if sum(bool(_ANSWER_CODE.match(v)) for v in values) >= 0.8 * len(values):
                message = (
                    f"holds a survey tool's answer codes ({values[0]!r} …), not the answers: kept "
                    "with the respondents; export the answer texts, or give likert_scale "
                    "(code → number) and likert_columns in a mapping file"
                )
                self.notes.append(SurveyIssue(None, column, values[0], message, "answer_codes"))
            elif (
                _asks(column)
                and not _is_numeric_column(values)
                and not {label_key(v) for v in values} <= _YES_NO
            ):
                message = (
                    f"reads as a question, but its {len(values)} answers are a few short values "
                    f"({values[0]!r} …): kept with the respondents, not tagged; name it in "
                    "open_columns to tag it"
                )
                self.notes.append(SurveyIssue(None, column, None, message, "question_not_open"))

    # -- header-based ----------------------------------------------------------------------

    def _first(self, predicate: Any, role: str) -> str | None:
        for column in self._free():
            if predicate(label_key(column, header=True)):
                return self._take(column, role)
        return None

    def _detect_id(self) -> str | None:
        return self._first(lambda h: h in _ID_HEADERS or h == "#", "id")

    def _detect_title(self) -> str | None:
        return self._first(_title_header, "title")

    def _titles_by_content(self) -> str | None:
        """A column of short values that are mostly known titles."""
        for column in self._free():
            values = [v for v in self.table.column_values(self.index[column]) if v]
            if not values or _is_numeric_column(values):
                continue
            distinct = list(dict.fromkeys(values))
            if sum(len(v.split()) for v in distinct) / len(distinct) > 6:
                continue
            known = sum(self.groups.group(v) != UNKNOWN for v in distinct)
            if known >= 2 and known / len(distinct) >= 0.6:
                return self._take(column, "title")
        return None

    def _detect_group(self) -> str | None:
        return self._first(lambda h: h in _GROUP_HEADERS, "group")

    def _detect_places(self) -> tuple[str | None, str | None]:
        municipality = region = None
        for column in self._free():
            h = label_key(column, header=True)
            if not _short(h):
                continue
            role = _place_role(h)
            is_municipality, is_region = role == "municipality", role == "region"
            if (
                municipality is None
                and is_municipality
                and self._holds_places(column, "municipality")
            ):
                municipality = self._take(column, "municipality")
            elif region is None and is_region and self._holds_places(column, "county"):
                region = self._take(column, "region")
        if municipality is None and region is None:
            municipality, region = self._places_by_content()
        return municipality, region

    def _holds_places(self, column: str, code_kind: str) -> bool:
        """A place column found by its header must not look like a Likert item; unless its
        header is a plain place header ("Kunta"), most of its values must resolve."""
        values = [v for v in self.table.column_values(self.index[column]) if v]
        if not values:
            return True
        numbers = [float(v.replace(",", ".")) for v in values if NUMBER_PATTERN.match(v)]
        if self._is_likert(column) and not any(n > self.scale.high for n in numbers):
            return False
        if label_key(column, header=True) in _PLACE_HEADERS:
            return True
        distinct = list(dict.fromkeys(values))
        resolved = sum(not self.resolver.match(v, code_kind=code_kind).unresolved for v in distinct)
        return resolved >= 0.5 * len(distinct)

    def _places_by_content(self) -> tuple[str | None, str | None]:
        for column in self._free():
            values = [v for v in self.table.column_values(self.index[column]) if v]
            if not values or _is_numeric_column(values):
                continue
            distinct = list(dict.fromkeys(values))
            matches = [self.resolver.match(v) for v in distinct]
            resolved = [m for m in matches if not m.unresolved]
            if len(resolved) >= 2 and len(resolved) / len(distinct) >= 0.8:
                municipal = sum(m.kind.startswith("municipality") for m in resolved)
                role = "municipality" if municipal * 2 >= len(resolved) else "region"
                self._take(column, role)
                return (column, None) if role == "municipality" else (None, column)
        return None, None

    # -- content-based ---------------------------------------------------------------------

    def _numeric_scale(self, column: str) -> tuple[float, float] | None:
        """The range of a column of numbers on a scale other than the Likert one, or None.

        Every value must be a number (or empty, or "en osaa sanoa"), at least two of them.
        A range in the header ("asteikolla 0–10", "(4-10)") that holds every number wins;
        else numbers within 0–10 of which at least two and a fifth lie outside the Likert
        range are on the scale 0–10.
        """
        numbers = []
        for value in self.table.column_values(self.index[column]):
            status = self.scale.parse(value)[1] if value else "empty"
            if status in ("empty", "eos"):
                continue
            if not NUMBER_PATTERN.match(value):
                return None
            numbers.append(float(value.replace(",", ".")))
        if len(numbers) < 2:
            return None
        for match in _SCALE_IN_HEADER.finditer(column):
            low, high = float(match.group(1)), float(match.group(2))
            if high - low >= 2 and all(low <= n <= high for n in numbers):
                if (low, high) == (self.scale.low, self.scale.high):
                    return None
                return low, high
        outside = sum(not self.scale.low <= n <= self.scale.high for n in numbers)
        if all(0 <= n <= 10 for n in numbers) and outside >= max(2, 0.2 * len(numbers)):
            return 0.0, 10.0
        return None

    def _is_likert(self, column: str) -> bool:
        values = [v for v in self.table.column_values(self.index[column]) if v]
        if not values:
            return False
        statuses = [self.scale.parse(v)[1] for v in values]
        ok, eos = statuses.count("ok"), statuses.count("eos")
        nonempty = len(values) - statuses.count("empty")
        if nonempty == 0 or ok + eos < 0.6 * nonempty:
            return False
        if ok == 0:
            return label_key(column, header=True) not in _ID_HEADERS and eos == nonempty
        return True

    def _is_open(self, column: str) -> bool:
        values = [v for v in self.table.column_values(self.index[column]) if v]
        if values and _is_numeric_column(values):
            return False
        question = _asks(column)
        if not values:
            return question
        long_values = sum(len(v.split()) >= 4 for v in values)
        mean_length = sum(len(v) for v in values) / len(values)
        if long_values >= max(1, 0.2 * len(values)) or mean_length >= 30:
            return True
        if question and len({v for v in values if len(v.split()) >= 6}) >= 2:
            return True  # a few comments among many "Ei" or "-": free text all the same
        return question and not _is_categorical(values)


def _asks(column: str) -> bool:
    """Whether a header reads as an open question ("Mikä toimii?", "Vapaa sana")."""
    header = label_key(column, header=True)
    return column.strip().endswith("?") or (
        len(header.split()) >= 2 and any(h in header for h in _OPEN_HINTS)
    )


_YES_NO = frozenset({"kyllä", "ei", "en tiedä", "ja", "nej", "vet inte", "yes", "no"})


def _is_categorical(values: Sequence[str]) -> bool:
    """Short values from a small set (yes/no, a list of options): not free text."""
    distinct = {label_key(v) for v in values}
    if distinct <= _YES_NO:
        return True
    short = all(len(v.split()) <= 3 for v in values)
    return short and len(values) >= 6 and len(distinct) <= 0.5 * len(values)


_SCALE_IN_HEADER = re.compile(r"(?<![\d,.])(\d{1,3})\s*[-–—]\s*(\d{1,3})(?![\d,.])")


def _is_word(word: str, stems: Sequence[str]) -> bool:
    """``word`` is one of ``stems``, or starts with one of six letters or more ("kunnan")."""
    return any(
        word == s or (len(s) >= 5 and word.startswith(s) and "yhtym" not in word) for s in stems
    )


def _title_header(h: str) -> bool:
    """A (normalised) header that names a job title column ("Tehtävänimike", "Asemasi")."""
    return (
        h in _TITLE_HEADERS
        or (_short(h, 8) and any(w in h for w in _TITLE_WORDS))
        or (_short(h, 6) and h.split()[-1:] in (["asema"], ["asemasi"], ["tehtäväsi"]))
    )


def _place_role(h: str) -> str | None:
    """ "municipality" or "region" for a (normalised) header that names such a column."""
    words = h.split()
    if any(_is_word(w, _MUNICIPALITY_WORDS) for w in words):
        return "municipality"
    return "region" if any(_is_word(w, _REGION_WORDS) for w in words) else None


def header_roles(names: Sequence[str]) -> dict[str, str]:
    """The columns that ``names`` (headers) give a title, municipality or region role by their
    header alone, the first of each ("Tehtävänimike" -> title, "Kunta" -> municipality): how a
    plain table of answers is placed in groups and counties (see ``add_respondent_columns``)."""
    roles: dict[str, str] = {}
    for name in names:
        h = label_key(str(name), header=True)
        if not _short(h):
            continue
        role = "title" if _title_header(h) else _place_role(h)
        if role is not None:
            roles.setdefault(role, str(name))
    return roles


#: The columns :func:`add_respondent_columns` adds; a table with any of them is left as it is.
RESPONDENT_COLUMNS = ("group", "coarse_group", "region")


def add_respondent_columns(frame: Any) -> Any:
    """A plain table of answers (one row per answer, a long export) with the respondent's
    ``group``, ``coarse_group`` and ``region`` (county code) added after its columns, from a
    column that its header names a job title ("Tehtävänimike") and one that it names a
    municipality or county ("Kunta"), as a survey export's are (:func:`header_roles`; by the
    header alone, so each chunk of a streamed file gets the same). A table that has any of
    those columns already, or neither kind of column, is returned as it is."""
    from vastausanalyysi.respondents import coarse_group, resolve_region, respondent_group

    if any(c in frame.columns for c in RESPONDENT_COLUMNS):
        return frame
    roles = header_roles(list(frame.columns))
    place = roles.get("municipality") or roles.get("region")
    if "title" not in roles and place is None:
        return frame
    out = frame.copy()
    if "title" in roles:
        titles = [v if isinstance(v, str) and v.strip() else None for v in out[roles["title"]]]
        out["group"] = [respondent_group(t) for t in titles]
        out["coarse_group"] = [coarse_group(g) for g in out["group"]]
    if place is not None:
        out["region"] = [resolve_region(v) if isinstance(v, str) else None for v in out[place]]
    return out


def _is_numeric_column(values: Sequence[str]) -> bool:
    return sum(bool(NUMBER_PATTERN.match(v)) for v in values) >= 0.8 * len(values)


def find_columns(
    table: RawTable,
    options: Mapping[str, Any],
    scale: LikertScale,
    groups: GroupClassifier,
    resolver: RegionResolver,
) -> tuple[SurveyColumns, dict[str, tuple[float, float]], list[SurveyIssue]]:
    """The role of each column of ``table``, from the ``read_survey`` options and detection,
    the range of each numeric scale column (``SurveyColumns.numeric``), and an issue for each
    detected column left with the respondents although it may hold answers.

    ``options`` holds the role options of :func:`~vastausanalyysi.survey.read_survey`
    (``id_column`` … ``open_columns``, ``detect``); each role is logged. Numeric scale columns
    are detected when the Likert columns are (``likert_columns`` not given).
    """
    finder = _RoleFinder(table, options, scale, groups, resolver)
    columns = finder.find()
    return columns, dict(finder.scales), finder.notes


__all__ = ["RESPONDENT_COLUMNS", "add_respondent_columns", "find_columns", "header_roles"]
