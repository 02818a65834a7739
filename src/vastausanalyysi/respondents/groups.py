"""Respondent groups: job titles -> the survey's detailed and coarse groups.

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
   other deputies keep their group ("varapuheenjohtaja", "apulaisrehtori"). Support staff
   (``support_words``: "assistentti", "avustaja") fit no group, also a leader's
   ("kunnanjohtajan assistentti", "pormestarin erityisavustaja"), as a secretary without a
   domain ("kunnanjohtajan sihteeri") does.
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
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastausanalyysi.errors import RegionError
from vastausanalyysi.respondents.matching import (
    lemma_candidates,
    match_key,
    normalise,
    weaker_grades,
)
from vastausanalyysi.respondents.tables import (
    check_group_config,
    default_group_config,
    merge_group_config,
    read_group_file,
)
from vastausanalyysi.respondents.titles import prepose, title_parts, title_tokens
from vastausanalyysi.text import edits1, is_missing

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


@dataclass(frozen=True)
class _Role:
    """A role word found in a title: its lemma and what it is."""

    surface: str
    lemma: str
    kind: str  # "title" | "head" | "deputy" | "support"
    word: str  # the title or head it ends with
    prefix: str  # the compound's part before ``word``

    @property
    def genitive(self) -> bool:
        return self.surface != self.lemma and self.surface.endswith("n")


def _domain_keys(word: str) -> set[str]:
    """Stems under which a domain word is recognised inside a title's modifiers."""
    word = match_key(word)
    keys = {word}
    if word.endswith("nen") and len(word) > 5:
        keys.add(word[:-3])  # tekninen -> tekni(sen)
    elif word.endswith("s") and len(word) > 4:
        keys.add(word[:-1])  # sivistys -> sivisty(ksen), talous -> talou(den)
    for weak in weaker_grades(word):
        if len(weak) >= 4:
            keys.add(weak)  # hallinto -> hallinno(n)
    return keys


class GroupClassifier:
    """Maps job titles to respondent groups with a group table (see the module docstring).

    Build one with :func:`load_groups`; :func:`respondent_group` uses the default table.
    """

    def __init__(self, config: Mapping[str, Any], source: str = "<config>") -> None:
        check_group_config(config, source)
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
        self.deputy_prefixes = tuple(match_key(w) for w in config.get("deputy_prefixes", []))
        self.deputy_words = frozenset(match_key(w) for w in config.get("deputy_words", []))
        self.deputy_heads = frozenset(match_key(w) for w in config.get("deputy_heads", []))
        self.support_words = tuple(match_key(w) for w in config.get("support_words", []))
        self.ignore = frozenset(match_key(str(w)) for w in config.get("ignore", []))
        self.abbreviations = {
            match_key(k): normalise(str(v)) for k, v in config.get("abbreviations", {}).items()
        }
        self.phrases: dict[str, str] = {}
        for phrase, group in config.get("phrases", {}).items():
            self.phrases[match_key(str(phrase))] = self._checked_group(group, f"phrases.{phrase}")
        self.titles: dict[str, str] = {}
        for group, words in config.get("titles", {}).items():
            group = self._checked_group(group, "titles")
            for word in words:
                self.titles[match_key(str(word))] = group
        self._titles_by_length = sorted(self.titles, key=lambda t: (-len(t), t))
        self.open_titles = frozenset(match_key(str(w)) for w in config.get("open_titles", []))
        self.heads = sorted(
            {match_key(str(h)) for h in config.get("heads", [])}, key=len, reverse=True
        )
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
                self.context.setdefault(match_key(str(word)), group)
        self.employers = frozenset(match_key(str(w)) for w in config.get("employers", []))
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
                stem = match_key(str(word))
                for head in finnish_heads:
                    words.add(stem + head)
                    words.add(stem + "toimen" + head)
        return {w: w for w in words if len(w) >= 7}

    # -- public API ---------------------------------------------------------------------------

    def group(self, title: Any) -> str:
        """The detailed group of ``title`` (a free-text title or coded role), or "tuntematon"."""
        if is_missing(title, blank=True):
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
        if is_missing(group, blank=True):
            return UNKNOWN
        group = str(group).strip()
        if group in self.coarse:
            return self.coarse[group]
        if group in self.coarse_names or group in set(self.coarse.values()):
            return group
        return UNKNOWN

    def explain(self, title: Any) -> list[tuple[str, str]]:
        """The parts of ``title`` the classifier saw and the group of each (for debugging)."""
        if is_missing(title, blank=True):
            return []
        return [(" ".join(words), group) for words, group in self._part_groups(str(title))]

    # -- classification -----------------------------------------------------------------------

    def _classify(self, text: str) -> str:
        phrase = self.phrases.get(match_key(text))
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
        for words, joined_by_conjunction in title_parts(self._tokens(text), self.ignore):
            words = prepose(pending + words)
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
        forms = [c for c, cost in lemma_candidates(words[-1]) if cost <= 1]
        return any(
            form == key or (len(key) >= 5 and form.endswith(key))
            for form in forms
            for key in self.employers
        )

    def _tokens(self, text: str) -> list[str]:
        """Normalised words and separator marks of ``text`` (see :func:`.titles.title_tokens`)."""
        return title_tokens(
            text,
            abbreviations=self.abbreviations,
            titles=self.titles,
            is_role=self._splits_as_role,
        )

    def _splits_as_role(self, word: str) -> bool:
        """Whether a hyphenated word splits here: a role of some group (no support word)."""
        role = self._role(word)
        return role is not None and role.kind != "support"

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
            candidates = lemma_candidates(word)
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
        for word in self.support_words:
            if lemma.endswith(word):
                return _Role(surface, lemma, "support", word, lemma[: -len(word)])
        return None

    def _fuzzy_role(self, word: str, candidates: list[str]) -> _Role | None:
        """A role for a word one edit away from long title words that agree on the group."""
        hits: set[str] = set()
        for cand in candidates:
            if len(cand) >= 6:
                hits |= {e for e in edits1(cand) if e in self._vocabulary}
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
        forms = [c for c, cost in lemma_candidates(word) if cost <= 2]
        found: set[str] = set()
        for key, group in self.context.items():
            if len(key) >= 5:
                if any(key in form for form in forms):
                    found.add(group)
            elif any(key == form for form, cost in lemma_candidates(word) if cost <= 1):
                found.add(group)
        result = UNKNOWN if UNKNOWN in found else (min(found) if found else None)
        self._context_cache[word] = result
        return result

    def _subpart_group(self, modifiers: list[str], role: _Role) -> str:
        """The group of one role word given the words before it."""
        if role.kind == "support":  # "kunnanjohtajan assistentti": not the manager
            return UNKNOWN
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


@functools.lru_cache(maxsize=1)
def default_groups() -> GroupClassifier:
    """The classifier of the shipped group table ``data/respondent_groups.yaml``."""
    return GroupClassifier(default_group_config(), "respondent_groups.yaml (default)")


def load_groups(path: str | Path, *, extend: bool = True) -> GroupClassifier:
    """A classifier from a user's group file, merged over the default table unless ``extend=False``.

    In the merge, lists are extended, mappings updated (the user's entries win) and
    ``precedence`` / ``deputy_groups`` replaced. Raises :class:`RegionError` naming the file
    when it is missing, not YAML, or has an unknown key or group.
    """
    extra = read_group_file(path)
    check_group_config(extra, str(path))
    config = merge_group_config(default_group_config(), extra) if extend else extra
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


__all__ = [
    "COARSE_GROUPS",
    "GROUPS",
    "UNKNOWN",
    "GroupClassifier",
    "coarse_group",
    "default_groups",
    "group_name",
    "load_groups",
    "respondent_group",
]
