"""data/name_context_words.txt, the name masker's context words: it parses, every section is
read by some module (no dead section, no missing one), each section's comment names who reads
it, and the modules hold the file's lists (tuples in the file's order)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vastausanalyysi._resources import read_sections_in_order, read_text, section_words
from vastausanalyysi.nlp.pii import context, lower_case, names, runs
from vastausanalyysi.nlp.pii.names import CONTEXT_WORDS_FILE, context_words

PII = Path(names.__file__).resolve().parent
HEADER = re.compile(r"^\[(\w+)\]\s*$")
#: Sections of names and words as written (capitalised: "Mr", "Van"); the rest are lower case.
CASED = {"english_titles", "middle_names"}


def _sections_read_in_code() -> dict[str, list[str]]:
    """Section name -> ``module.NAME`` of each assignment ``NAME = …context_words("name")…`` in
    the package ``nlp.pii``; a call with any other argument or outside such an assignment fails
    (the scan must see every section that is read)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PII.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[int, str] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                for inner in ast.walk(node.value):
                    assigned[id(inner)] = node.targets[0].id
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "context_words"
            ):
                continue
            (arg,) = node.args
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (path, node)
            assert id(node) in assigned, f"{path.name}: context_words() outside a constant"
            found.setdefault(arg.value, []).append(f"{path.stem}.{assigned[id(node)]}")
    return found


def test_the_file_parses_into_non_empty_sections() -> None:
    sections = read_sections_in_order(CONTEXT_WORDS_FILE)
    assert len(sections) >= 50
    assert all(words for words in sections.values()), [k for k, v in sections.items() if not v]


def test_every_section_is_read_by_one_constant_and_every_read_section_exists() -> None:
    read = _sections_read_in_code()
    sections = set(read_sections_in_order(CONTEXT_WORDS_FILE))
    assert sorted(sections - set(read)) == [], "dead sections"
    assert sorted(set(read) - sections) == [], "sections read but not in the file"
    assert {k: v for k, v in read.items() if len(v) > 1} == {}, "a section read twice"


def test_each_section_once_with_a_comment_naming_its_reader() -> None:
    """The comment right above a ``[section]`` starts with the module and constant that read it
    ("# names.TITLES: …") and says more than that."""
    lines = read_text(CONTEXT_WORDS_FILE).splitlines()
    read = _sections_read_in_code()
    headers = []
    for i, line in enumerate(lines):
        match = HEADER.match(line)
        if not match:
            continue
        name = match.group(1)
        headers.append(name)
        start = i
        while start > 0 and lines[start - 1].startswith("# "):
            start -= 1
        assert start < i, f"[{name}] needs a comment above it"
        assert lines[start].startswith(f"# {read[name][0]}: "), (name, lines[start])
        assert len(" ".join(lines[start:i])) > len(read[name][0]) + 20, name
    assert len(headers) == len(set(headers)), "a section header repeated"


def test_words_are_listed_once_and_lower_case_but_in_the_cased_sections() -> None:
    seen = section_words(CONTEXT_WORDS_FILE)
    for name, words in seen.items():
        assert len(words) == len(set(words)), name
        if name not in CASED:
            assert all(w == w.lower() for w in words), name
    assert all(w[:1].isupper() for name in CASED for w in seen[name])


def test_the_modules_hold_the_file_s_lists() -> None:
    assert frozenset(context_words("titles")) == names.TITLES
    assert "rehtori" in names.TITLES and "naapuri" in names.TITLES
    assert isinstance(names.PLACE_HEADS, tuple)
    # the first six gathering nouns are the meetings (words.WordInfo.meeting reads them so)
    assert names.GATHERING_NOUNS[:6] == (
        "palaveri", "kokous", "tapaaminen", "tilaisuus", "tapahtuma", "koulutus",
    )  # fmt: skip
    assert names.CASE_ENDINGS[:3] == ("iin", "ille", "ilta") and "'llä" in names.CASE_ENDINGS
    assert {"Van", "Văn", "Thi", "Thị"} == names.MIDDLE_NAMES
    assert {"Mr", "Mrs", "Ms", "Mx", "Dr"} == names.ENGLISH_TITLES
    assert context.spoken("mä oon puhunu sadun kaa") and not context.spoken("Puhuin Sadun kanssa.")
    assert lower_case._SPOKEN_KANSSA <= names.PERSON_AFTER
    # one list of Finnish conjunctions, which the coordination of name runs extends
    assert {"ja", "sekä", "tai", "eli"} == names.COORDINATING_CONJUNCTIONS
    assert names.COORDINATING_CONJUNCTIONS < runs._COORD and {"och", "and", ",", "&"} < runs._COORD


def test_an_unknown_section_is_an_error_naming_the_file() -> None:
    with pytest.raises(KeyError, match=r"name_context_words\.txt has no section \[no_such_list\]"):
        context_words("no_such_list")
