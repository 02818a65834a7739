"""The domain lexicon: survey words and abbreviations that Voikko lacks or gets wrong.

Entries live in a TSV file (``data/lexicon.tsv``; its header documents the columns). A user file
with the same columns extends the default lexicon (``load_lexicon(path)``) or replaces it
(``extend=False``). :meth:`Lexicon.lookup` finds an entry in an inflected form ("hytessä", "STM:n",
"Hyvilin"), in a hyphenated compound ("hyte-työssä", "TE-palveluihin") and in a closed compound
("hytetyö", "soteuudistus"), where the other part is analysed by a *resolver* (by default Voikko).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vastausanalyysi._resources import read_text
from vastausanalyysi.errors import LexiconError
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer, get_analyzer

DEFAULT_LEXICON = "lexicon.tsv"
FLAGS = frozenset({"override"})

#: A resolver maps a word form to ``(lemma, parts, marked_lemma)`` or None when it is unknown.
Resolver = Callable[[str], "tuple[str, tuple[str, ...], str] | None"]

_VOWELS = "aeiouyäöå"
# Case endings after a vowel-final stem (singular and plural); the illative (stem vowel + n) and
# the clitics are added in code. Both vowel-harmony variants are accepted.
_SG = ("n", "t", "a", "ä", "ta", "tä", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
       "lle", "ksi", "na", "nä", "tta", "ttä", "hin", "seen", "ineen", "ne")  # fmt: skip
_PL = ("ja", "jä", "jen", "iden", "itten", "ita", "itä", "ihin", "issa", "issä", "ista", "istä",
       "illa", "illä", "ilta", "iltä", "ille", "iksi", "ina", "inä", "ine", "in")  # fmt: skip
# After a consonant-final stem a connecting i comes first: Hyvil-in, Hyvil-issä, Hyvil-iin.
_CONS = (*("i" + e for e in ("", *_SG, "in")), "eja", "ejä", "ejen")
_CLITICS = ("", "kin", "kaan", "kään", "han", "hän", "ko", "kö", "pa", "pä")
_COLON_ENDING = re.compile(r"[a-zåäö]{1,8}")
_MAX_FORM = 80  # longer "words" are junk: never looked up


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon word: lemma, Voikko-style class, compound parts and flags."""

    lemma: str
    pos: str
    parts: tuple[str, ...] = ()
    override: bool = False
    note: str = ""
    origin: str = ""  # "file:line" it was read from

    @property
    def case_sensitive(self) -> bool:
        """An entry with a capital letter matches only its own spelling (or all capitals)."""
        return self.lemma != self.lemma.lower()

    @property
    def consonant_final(self) -> bool:
        return self.lemma[-1:].lower() not in _VOWELS

    @property
    def acronym(self) -> bool:
        """All-capital abbreviations (STM, TE24) take their endings after a colon only."""
        letters = [ch for ch in self.lemma if ch.isalpha()]
        return len(letters) > 1 and all(ch.isupper() for ch in letters)

    def part_lemmas(self) -> tuple[str, ...]:
        """The entry's compound parts, lower-cased, or its lemma as a single part."""
        return tuple(p.lower() for p in self.parts) or (self.lemma.lower(),)

    def marked(self) -> str:
        """The lemma with '#' between its parts (UD convention; a hyphen becomes '#')."""
        if self.parts:
            flat = self.lemma.replace("-", "")
            if "".join(self.parts).lower() == flat.lower():
                out, pos = [], 0
                for part in self.parts:
                    out.append(flat[pos : pos + len(part)])
                    pos += len(part)
                return "#".join(out)
        return self.lemma.strip("-").replace("-", "#")


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """A form found through the lexicon: its lemma, parts, marked lemma and the entry used.

    ``how`` is ``"exact"``, ``"inflected"``, ``"hyphen"`` or ``"compound"``.
    """

    lemma: str
    parts: tuple[str, ...]
    marked: str
    entry: LexiconEntry
    how: str


class Lexicon:
    """A set of :class:`LexiconEntry` with lookup of inflected and compound forms."""

    def __init__(
        self, entries: Iterable[LexiconEntry] = (), analyzer: VoikkoAnalyzer | None = None
    ):
        self.entries: dict[str, LexiconEntry] = {}
        self._analyzer = analyzer
        self._cache: dict[str, LexiconMatch | None] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: LexiconEntry) -> None:
        """Add or replace (by lemma) an entry."""
        self.entries[entry.lemma] = entry
        self._cache.clear()
        self._index()

    def _index(self) -> None:
        self._exact: dict[str, LexiconEntry] = {}
        self._folded: dict[str, LexiconEntry] = {}
        self._by_base: dict[str, LexiconEntry] = {}
        for entry in self.entries.values():
            if entry.case_sensitive:
                self._exact[entry.lemma] = entry
                self._exact.setdefault(entry.lemma.upper(), entry)
            else:
                self._folded[entry.lemma] = entry
            if entry.override:
                self._by_base[entry.lemma.lower()] = entry
        self._by_start: dict[str, list[tuple[str, LexiconEntry]]] = {}
        for entry in sorted(self.entries.values(), key=lambda e: -len(e.lemma)):
            key = entry.lemma.lower()
            self._by_start.setdefault(key[:2], []).append((key, entry))
        # first letters (up to 3, lower-cased) of every entry: most forms fail this one look-up
        lemmas = [e.lemma.lower() for e in self.entries.values()]
        self._starts = {lemma[:3] for lemma in lemmas if len(lemma) >= 3}
        self._short = {lemma for lemma in lemmas if len(lemma) < 3}
        self._prefixes = sorted(
            (e for e in self._folded.values() if "-" not in e.lemma and len(e.lemma) >= 3),
            key=lambda e: -len(e.lemma),
        )

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, lemma: object) -> bool:
        return lemma in self.entries

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries.values())

    def __getstate__(self) -> dict:
        return {"entries": list(self.entries.values())}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["entries"])  # type: ignore[misc]

    # -- surface matching ------------------------------------------------------------------

    def get(self, word: str) -> LexiconEntry | None:
        """The entry whose lemma is ``word`` itself (respecting the entry's case rule)."""
        entry = self._exact.get(word)
        if entry is None and word:
            entry = self._folded.get(word.lower())
        return entry

    def match_inflected(self, form: str) -> LexiconEntry | None:
        """The entry that ``form`` is an inflected form of ("hytessä", "STM:n", "Hyvilin")."""
        lower = form.lower()
        if lower[:3] not in self._starts and (
            not self._short or (lower[:2] not in self._short and lower[:1] not in self._short)
        ):
            return None  # no entry starts like this: most forms end here
        entry = self.get(form)
        if entry is not None:
            return entry
        for lemma, candidate in self._by_start.get(lower[:2], ()):
            if len(lower) <= len(lemma) or not lower.startswith(lemma):
                continue
            if self.get(form[: len(lemma)]) is not candidate:  # the entry's case rule
                continue
            rest = lower[len(lemma) :]
            if rest[0] == ":":
                if _COLON_ENDING.fullmatch(rest[1:]):
                    return candidate
            elif _ending_ok(candidate, rest):
                return candidate
        return None

    # -- lookup ----------------------------------------------------------------------------

    def lookup(self, form: str, resolve: Resolver | None = None) -> LexiconMatch | None:
        """The lexicon's reading of ``form``, or None if no entry is in it.

        ``resolve`` analyses the parts of a compound that are not lexicon words (default: Voikko's
        first common-noun reading). Results with the default resolver are cached by form.
        """
        if not form or len(form) > _MAX_FORM:
            return None
        if resolve is None:
            if form in self._cache:
                return self._cache[form]
            result = self._lookup(form, self._default_resolve)
            if len(self._cache) < 200_000:
                self._cache[form] = result
            return result
        return self._lookup(form, resolve)

    def _lookup(self, form: str, resolve: Resolver) -> LexiconMatch | None:
        entry = self.match_inflected(form)
        if entry is not None:
            how = "exact" if self.get(form) is entry else "inflected"
            return LexiconMatch(
                entry.lemma, tuple(p.lower() for p in entry.parts), entry.marked(), entry, how
            )
        core = form.strip("-")
        if "-" in core:
            return self._hyphenated(core, resolve)
        return self._closed_compound(form, resolve)

    def _hyphenated(self, form: str, resolve: Resolver) -> LexiconMatch | None:
        *mods, head = form.split("-")
        if not head or not all(mods):
            return None
        found: LexiconEntry | None = None
        lemmas, parts, marks = [], [], []
        for mod in mods:
            entry = self.get(mod)
            if entry is not None:
                found = found or entry
                lemmas.append(entry.lemma if entry.case_sensitive else mod.lower())
                parts.extend(entry.part_lemmas())
                marks.append(entry.marked())
                continue
            res = resolve(mod)
            if res is None:
                return None
            keep_case = mod[:1].isupper() and not res[0][:1].islower()
            lemmas.append(mod if keep_case else mod.lower())
            parts.extend(res[1] or (mod.lower(),))
            marks.append(res[2] if keep_case else res[2].lower())
        head_entry = self.match_inflected(head)
        if head_entry is not None:
            found = head_entry
            head_lemma = head_entry.lemma
            head_parts, head_marked = head_entry.part_lemmas(), head_entry.marked()
        else:
            res = resolve(head)
            if res is None:
                return None
            head_lemma, head_parts, head_marked = res
            head_parts = head_parts or (head_lemma.lower(),)
        if found is None:
            return None
        lemma = "-".join([*lemmas, head_lemma])
        entry = self.get(lemma) or found
        all_parts = tuple(p.lower() for p in (*parts, *head_parts))
        return LexiconMatch(lemma, all_parts, "#".join([*marks, head_marked]), entry, "hyphen")

    def _closed_compound(self, form: str, resolve: Resolver) -> LexiconMatch | None:
        lower = form.lower()
        if not lower.isalpha() or len(lower) < 6:
            return None
        # a lexicon word as modifier: hyte+työ, sote+uudistus
        for entry in self._prefixes:
            if lower.startswith(entry.lemma) and len(lower) - len(entry.lemma) >= 3:
                rest = form[len(entry.lemma) :]
                res = resolve(rest)
                if res is not None:
                    lemma = entry.lemma + res[0].lower()
                    parts = (*entry.part_lemmas(), *(res[1] or (res[0].lower(),)))
                    return LexiconMatch(
                        lemma, parts, f"{entry.marked()}#{res[2].lower()}", entry, "compound"
                    )
        # a lexicon word as head: kunta+hyte
        for cut in range(3, len(lower) - 2):
            head_entry = self.match_inflected(lower[cut:])
            if head_entry is None or head_entry.case_sensitive:
                continue
            mod = lower[:cut]
            res = resolve(mod)
            if res is not None and res[0].lower() == mod:
                parts = (*(res[1] or (mod,)), *head_entry.part_lemmas())
                marked = f"{res[2].lower()}#{head_entry.marked()}"
                return LexiconMatch(mod + head_entry.lemma, parts, marked, head_entry, "compound")
        return None

    # -- overrides of Voikko ---------------------------------------------------------------

    def override(
        self, form: str, analyses: tuple[Analysis, ...]
    ) -> tuple[LexiconEntry, Analysis | None] | None:
        """An override entry for ``form``, and the Voikko reading that agrees with it if any.

        An override entry wins when ``form`` is (an inflected form of) the entry, or when one of
        Voikko's readings has the entry's base form (then the reading with the entry's parts).
        """
        if not self._by_base or not form or len(form) > _MAX_FORM:
            return None
        entry = self.match_inflected(form)
        if entry is not None and entry.override:
            return entry, _agreeing(entry, analyses)
        for analysis in analyses:
            if analysis.case == "kerrontosti":
                continue  # an adjective's "-sti" adverb keeps its own lemma ("yksipuolisesti")
            entry = self._by_base.get(analysis.baseform.lower())
            if entry is None or (entry.case_sensitive and not form[:1].isupper()):
                continue
            return entry, _agreeing(entry, analyses)
        return None

    def override_head(self, analyses: tuple[Analysis, ...]) -> Analysis | None:
        """The reading of a compound whose head is an override entry, read as that entry.

        "aluevaltuutettu" (a regional councillor) has Voikko's noun reading, whose last part is
        the entry "valtuutettu", and a participle reading of "valtuuttaa": the entry's choice
        holds for its compounds too, so the reading whose last part is the entry and whose
        word class is the entry's is returned (None if no reading is such a compound).
        """
        if not self._by_base:
            return None
        for analysis in analyses:
            parts = analysis.compound_parts()
            if len(parts) < 2:
                continue
            entry = self._by_base.get(parts[-1].lower())
            if entry is not None and not entry.case_sensitive and analysis.word_class == entry.pos:
                return analysis
        return None

    def _default_resolve(self, word: str) -> tuple[str, tuple[str, ...], str] | None:
        analyzer = self._analyzer or get_analyzer()
        analyses = analyzer.analyze(word)
        if not analyses:
            return None
        best = min(analyses, key=lambda a: (a.is_proper, len(a.segments)))
        lemma = best.baseform if best.is_proper else best.baseform.lower()
        return lemma, tuple(best.compound_parts()), best.marked_lemma()


def _agreeing(entry: LexiconEntry, analyses: tuple[Analysis, ...]) -> Analysis | None:
    same = [a for a in analyses if a.baseform.lower() == entry.lemma.lower()]
    for analysis in same:
        if tuple(analysis.compound_parts()) == entry.part_lemmas() or (
            not entry.parts and not analysis.compound_parts()
        ):
            return analysis
    return same[0] if same else None


def _ending_ok(entry: LexiconEntry, rest: str) -> bool:
    """Whether ``rest`` (after the entry's lemma) is a case ending with an optional clitic."""
    for clitic in _CLITICS:
        if rest.endswith(clitic) and _ending_fits(entry, rest[: len(rest) - len(clitic)]):
            return True
    return False


def _ending_fits(entry: LexiconEntry, ending: str) -> bool:
    if entry.acronym:  # STM:n, not STMn
        return ending == ""
    if entry.consonant_final:
        return ending in _CONS or ending == ""
    last = entry.lemma[-1].lower()
    return ending in _SG or ending in _PL or ending == last + "n" or ending == ""


# -- reading files -------------------------------------------------------------------------


def parse_lexicon(lines: Iterable[str], origin: str = "<lexicon>") -> list[LexiconEntry]:
    """Entries from TSV lines; a malformed line raises :class:`LexiconError` naming its place."""
    entries: list[LexiconEntry] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{origin}:{number}"
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or len(cols) > 5:
            raise LexiconError(
                f"{where}: expected 2-5 TAB-separated columns (lemma, pos, parts, flags, note), "
                f"got {len(cols)}: {line!r:.120}"
            )
        lemma, pos, *rest = cols
        parts_col = rest[0] if rest else "-"
        flags_col = rest[1] if len(rest) > 1 else "-"
        note = rest[2] if len(rest) > 2 else ""
        if not lemma or any(ch.isspace() for ch in lemma) or lemma.strip("-") != lemma:
            raise LexiconError(f"{where}: bad lemma {lemma!r} (one word, no spaces)")
        if not re.fullmatch(r"[a-zäö_]+", pos):
            raise LexiconError(f"{where}: bad part of speech {pos!r} for {lemma!r}")
        parts = () if parts_col in {"", "-"} else tuple(parts_col.split())
        if len(parts) == 1:
            raise LexiconError(f"{where}: parts of {lemma!r} must be 2 or more words, or '-'")
        flags = set() if flags_col in {"", "-"} else {f.strip() for f in flags_col.split(",")}
        unknown = flags - FLAGS
        if unknown:
            raise LexiconError(
                f"{where}: unknown flag(s) {sorted(unknown)} for {lemma!r}; known: {sorted(FLAGS)}"
            )
        entries.append(LexiconEntry(lemma, pos, parts, "override" in flags, note, where))
    return entries


def read_lexicon_file(path: str | Path) -> list[LexiconEntry]:
    """Entries of one lexicon file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon file not found: {str(path)!r}") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text ({exc})") from exc
    return parse_lexicon(text.splitlines(), str(path))


def default_entries() -> list[LexiconEntry]:
    """The entries of the lexicon shipped with the package."""
    return parse_lexicon(read_text(DEFAULT_LEXICON).splitlines(), f"<package>/{DEFAULT_LEXICON}")


def load_lexicon(path: str | Path | None = None, extend: bool = True) -> Lexicon:
    """The default lexicon, extended by (or, with ``extend=False``, replaced by) ``path``."""
    entries: list[LexiconEntry] = []
    if path is None or extend:
        entries.extend(default_entries())
    if path is not None:
        entries.extend(read_lexicon_file(path))
    return Lexicon(entries)


__all__ = [
    "Lexicon",
    "LexiconEntry",
    "LexiconMatch",
    "load_lexicon",
    "parse_lexicon",
    "read_lexicon_file",
]
