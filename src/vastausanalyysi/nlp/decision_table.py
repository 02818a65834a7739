"""The decision table: precomputed lemmatizer results for the word forms of the training data.

A form lexicon, like a lookup lemmatizer's: for the forms of the treebanks the lemma model was
trained on (UD Finnish-TDT dev, FTB dev/test; never TDT test) whose choice the ranker makes
without the neighbouring words (context-free margin ≥ ``context_margin``), the training script
runs the lemmatizer itself once and stores the result: lemma, marked lemma, compound parts,
``is_known`` and the result's source. At run time a form found here skips Voikko and the ranker;
every other form goes through them as before. The stored results are exactly what the normal path
gives with the shipped model, the default lexicon and the Voikko versions recorded in the file's
header (a test checks a sample), so the table is used only under those conditions: see
:meth:`DecisionTable.usable`.

File format (``data/lemma_table.tsv``, UTF-8): ``#``-comment lines, then ``@key<TAB>value`` header
lines (``model_id``, ``context_margin``, ``voikko``), then one row per form (a form that starts
with ``#``, ``@`` or a backslash gets a backslash in front)::

    form  lemma  marked  parts  flags  class

``lemma`` empty = the form lower-cased; ``marked`` empty = the lemma; ``parts`` empty = the
marked lemma's '#' pieces lower-cased (none without a '#'), ``-`` = none, else space-separated;
``flags``: the result's source (``v`` voikko, ``u`` unknown, ``m`` mem, ``c`` colloquial, ``o``
colon, ``h`` hyphen, ``s`` strip, ``p`` part2verb, ``a`` agent2verb, ``n`` minen, ``r``
pron_sg), then ``k`` when the word is not known
(``is_known`` False), ``i`` when the result differs at the start of a sentence (then the row is not
used there), ``t`` when the typo fixer must still look at the form (an eligible form whose
readings are all compounds); ``class``: the form's first Voikko reading's ``class|case`` as the
ranker's neighbour feature sees it, as an index into the ``@classes`` header line.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from vastausanalyysi._resources import data_file

logger = logging.getLogger(__name__)

TABLE_RESOURCE = "lemma_table.tsv"
FORMAT = "vastausanalyysi-lemma-table/1"

_SOURCE_CODES = {
    "voikko": "v",
    "unknown": "u",
    "mem": "m",
    "colloquial": "c",
    "colon": "o",
    "hyphen": "h",
    "strip": "s",
    "part2verb": "p",
    "agent2verb": "a",
    "minen": "n",
    "pron_sg": "r",
}
_SOURCE_NAMES = {v: k for k, v in _SOURCE_CODES.items()}

#: A row: lemma, marked lemma, parts, is_known, source, usable at sentence start, typo check,
#: the form's class as a neighbour (its first Voikko reading's ``class|case``, or ``unk``).
Row = tuple[str, str, tuple[str, ...], bool, str, bool, bool, str]


@dataclass(slots=True)
class DecisionTable:
    """Form → precomputed result, with the conditions under which the results hold.

    The rows are kept as the file's text (form → the rest of its line) and parsed when a form is
    looked up: loading is one split per line, and the table adds no objects for the garbage
    collector to walk.
    """

    lines: dict[str, str] = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)
    class_names: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.lines)

    def __contains__(self, form: object) -> bool:
        return form in self.lines

    def row(self, form: str) -> Row | None:
        """The stored result for ``form`` (None if it is not in the table)."""
        rest = self.lines.get(form)
        return None if rest is None else parse_rest(form, rest, self.class_names)

    def needs_typo_check(self, form: str) -> bool:
        """Whether the typo fixer must look at ``form`` (flag ``t``)."""
        rest = self.lines.get(form)
        return rest is not None and "t" in rest.split("\t", 4)[3]

    def neighbour_class(self, form: str) -> str | None:
        """``form``'s class as a neighbour word (None if it is not in the table)."""
        rest = self.lines.get(form)
        return None if rest is None else self.class_names[int(rest.rpartition("\t")[2])]

    def usable(self, model: Mapping[str, Any], versions: str) -> bool:
        """Whether the rows hold for ``model`` and the running Voikko (``versions``)."""
        if not self.lines:
            return False
        if model.get("model_id") != self.header.get("model_id"):
            return False
        if _fmt(model.get("context_margin")) != self.header.get("context_margin"):
            return False
        if versions != self.header.get("voikko"):
            _warn_versions(self.header.get("voikko", "?"), versions)
            return False
        return True


class NeighbourClasses(Mapping[str, str]):
    """The table's neighbour classes as a read-only mapping (for the ranker)."""

    def __init__(self, table: DecisionTable):
        self._table = table

    def get(self, key: Any, default: Any = None) -> Any:
        if not isinstance(key, str):
            return default
        found = self._table.neighbour_class(key)
        return default if found is None else found

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._table.lines)

    def __len__(self) -> int:
        return len(self._table)


@lru_cache(maxsize=4)
def _warn_versions(stored: str, running: str) -> None:
    logger.warning(
        "the lemma decision table was built with Voikko %s but %s is running: the table is "
        "ignored (every form goes through Voikko and the ranker; slower, same results as "
        "without a table). Retrain with scripts/train_lemma_model.py to use it again.",
        stored,
        running,
    )


def _fmt(value: Any) -> str:
    return "" if value is None else repr(float(value))


def parse_rest(form: str, rest: str, classes: list[str]) -> Row:
    """A row from the text after the form (``lemma<TAB>marked<TAB>parts<TAB>flags<TAB>class``)."""
    lemma, marked, parts_col, flags, cls = rest.split("\t")
    lemma = lemma or form.lower()
    marked = marked or lemma
    if parts_col == "-":
        parts: tuple[str, ...] = ()
    elif parts_col:
        parts = tuple(parts_col.split(" "))
    else:
        parts = tuple(p.lower() for p in marked.split("#") if p) if "#" in marked else ()
    if len(flags) == 1:
        return (lemma, marked, parts, True, _SOURCE_NAMES[flags], True, False, classes[int(cls)])
    tail = flags[1:]
    known, initial_ok, typo = "k" not in tail, "i" not in tail, "t" in tail
    return (lemma, marked, parts, known, _SOURCE_NAMES[flags[0]], initial_ok, typo,
            classes[int(cls)])  # fmt: skip


def format_row(form: str, row: Row, classes: dict[str, int]) -> str:
    """A row as its file line (``classes``: class name → its index in the ``@classes`` line)."""
    lemma, marked, parts, known, source, initial_ok, typo, cls = row
    default_parts = tuple(p.lower() for p in marked.split("#") if p) if "#" in marked else ()
    parts_col = "" if parts == default_parts else (" ".join(parts) if parts else "-")
    flags = _SOURCE_CODES[source]
    flags += ("" if known else "k") + ("" if initial_ok else "i") + ("t" if typo else "")
    cols = [
        "\\" + form if form[0] in "#@\\" else form,
        "" if lemma == form.lower() else lemma,
        "" if marked == lemma else marked,
        parts_col,
        flags,
        str(classes[cls]),
    ]
    return "\t".join(cols)


def table_text(table: DecisionTable) -> str:
    """``table`` in the file format (header and rows; ``parse_table`` reads it back as it was)."""
    lines = [f"@{key}\t{value}" for key, value in table.header.items()]
    lines.append("\t".join(["@classes", *table.class_names]))
    lines += [
        ("\\" + form if form[:1] in ("#", "@", "\\") else form) + "\t" + rest
        for form, rest in table.lines.items()
    ]
    return "\n".join(lines) + "\n"


def parse_table(lines: Iterable[str]) -> DecisionTable:
    """A table from the lines of its file (see the module docstring)."""
    rows: dict[str, str] = {}
    header: dict[str, str] = {}
    classes: list[str] = []
    for line in lines:
        if not line or line[0] == "#":
            continue
        if line[0] == "@":
            cols = line.split("\t")
            if cols[0] == "@classes":
                classes = cols[1:]
            else:
                header[cols[0][1:]] = cols[1] if len(cols) > 1 else ""
            continue
        if line[0] == "\\":  # an escaped form starting with '#', '@' or a backslash
            line = line[1:]
        form, _, rest = line.partition("\t")
        rows[form] = rest
    return DecisionTable(rows, header, classes)


def write_table(
    path: str | Path,
    rows: Mapping[str, Row],
    header: Mapping[str, str],
    comments: Iterable[str] = (),
) -> None:
    """Write a table file: ``comments``, the ``header`` lines, the classes, then the rows."""
    lines = [f"# {c}" for c in comments]
    lines.append(f"@format\t{FORMAT}")
    lines += [f"@{k}\t{v}" for k, v in header.items()]
    counts = Counter(row[7] for row in rows.values())
    names = sorted(counts, key=lambda c: (-counts[c], c))
    lines.append("\t".join(["@classes", *names]))
    index = {name: i for i, name in enumerate(names)}
    lines += [format_row(form, rows[form], index) for form in sorted(rows)]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_table(path: str | Path | None = None) -> DecisionTable:
    """The table at ``path``, or the one shipped with the package (read once; empty if absent)."""
    if path is not None:
        return parse_table(Path(path).read_text(encoding="utf-8").splitlines())
    return _shipped_table()


@lru_cache(maxsize=1)
def _shipped_table() -> DecisionTable:
    resource = data_file(TABLE_RESOURCE)
    if not resource.is_file():
        return DecisionTable()
    return parse_table(resource.read_text(encoding="utf-8").splitlines())


# -- the running Voikko's versions -------------------------------------------------------------

_DICT_DIRS = (
    "~/.voikko",
    "/etc/voikko",
    "/usr/local/lib/voikko",
    "/usr/local/share/voikko",
    "/opt/homebrew/lib/voikko",
    "/usr/lib/voikko",
    "/usr/share/voikko",
)


@lru_cache(maxsize=8)
def voikko_versions(path: str | None = None) -> str:
    """``"libvoikko X; <description> <SM-Version>"`` of the native library and the dictionary
    that a handle opened with ``path`` uses (``?`` for what cannot be found)."""
    try:
        import libvoikko

        lib = libvoikko.Voikko.getVersion()
    except Exception:  # pragma: no cover - no native library: no table either
        lib = "?"
    return f"libvoikko {lib}; {_dictionary_version(path)}"


def _dictionary_version(path: str | None) -> str:
    dirs = [d for d in (path, os.environ.get("VOIKKO_DICTIONARY_PATH")) if d]
    dirs += [os.path.expanduser(d) for d in _DICT_DIRS]
    for base in dirs:
        for sub in ("5/mor-standard", "mor-standard"):
            index = Path(base, sub, "index.txt")
            if index.is_file():
                info = {}
                for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
                    key, _, value = line.partition(":")
                    info[key.strip()] = value.strip()
                return f"{info.get('Description', '?')} {info.get('SM-Version', '?')}"
    return "?"


# -- building (used by scripts/train_lemma_model.py) ------------------------------------------

_EXCLUDED_SOURCES = frozenset({"lexicon", "literal", "typo"})


def build_rows(lemmatizer: Any, forms: Iterable[str]) -> dict[str, Row]:
    """The table rows for ``forms``: each form's result from ``lemmatizer`` (a ``Lemmatizer``
    without a table, with the default lexicon) where the neighbouring words play no part.

    Left out: forms with whitespace, punctuation and numbers (cheap anyway), forms the lexicon
    decides, and forms whose choice depends on the neighbours.
    """
    from vastausanalyysi.nlp.candidates import is_wordlike
    from vastausanalyysi.nlp.typos import eligible, maybe_suspect

    rows: dict[str, Row] = {}
    for form in dict.fromkeys(forms):
        if not form or any(ch.isspace() for ch in form) or not is_wordlike(form):
            continue
        mid, free = lemmatizer.first_result(form, "ja", "ja")
        if not free or mid.source in _EXCLUDED_SOURCES:
            continue
        start, start_free = lemmatizer.first_result(form, None, "ja")
        initial_ok = start_free and _same(start, mid)
        analyses = lemmatizer.analyzer.analyze(form)
        typo = mid.source == "voikko" and eligible(form) and maybe_suspect(form, analyses)
        cls = f"{analyses[0].word_class}|{analyses[0].case or '-'}" if analyses else "unk"
        rows[form] = (mid.lemma, mid.marked_lemma, tuple(mid.parts), mid.is_known, mid.source,
                      initial_ok, bool(typo), cls)  # fmt: skip
    return rows


def _same(a: Any, b: Any) -> bool:
    return (a.lemma, a.marked_lemma, tuple(a.parts), a.is_known, a.source) == (
        b.lemma,
        b.marked_lemma,
        tuple(b.parts),
        b.is_known,
        b.source,
    )
