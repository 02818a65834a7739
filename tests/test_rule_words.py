"""data/rule_words.txt, the theme rules' Finnish word lists: it parses, every section is read by
some module (no dead section, no missing one), and each section says who reads it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vastausanalyysi._resources import read_sections, read_text, section_words
from vastausanalyysi.themes import clauses, cues, mechanism_context
from vastausanalyysi.themes.tokens import RULE_WORDS_FILE, rule_words

PACKAGE = Path(clauses.__file__).resolve().parents[1]
HEADER = re.compile(r"^\[(\w+)\]\s*$")


def _sections_read_in_code() -> dict[str, list[str]]:
    """Section name -> the modules that call ``rule_words("name")``; a call with any other
    argument fails (the scan must see every section that is read)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "rule_words"
            ):
                continue
            (arg,) = node.args
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (path, node)
            found.setdefault(arg.value, []).append(path.stem)
    return found


def test_the_file_parses_into_non_empty_sections() -> None:
    sections = read_sections(RULE_WORDS_FILE)
    assert len(sections) >= 60
    assert all(words for words in sections.values()), [k for k, v in sections.items() if not v]


def test_every_section_is_read_by_some_module_and_every_read_section_exists() -> None:
    read = _sections_read_in_code()
    sections = set(read_sections(RULE_WORDS_FILE))
    assert sorted(sections - set(read)) == [], "dead sections"
    assert sorted(set(read) - sections) == [], "sections read but not in the file"
    # one list, one definition: no section is read twice
    assert {k: v for k, v in read.items() if len(v) > 1} == {}


def test_each_section_once_with_a_comment_naming_its_reader() -> None:
    lines = read_text(RULE_WORDS_FILE).splitlines()
    read = _sections_read_in_code()
    headers = []
    for i, line in enumerate(lines):
        match = HEADER.match(line)
        if not match:
            continue
        name = match.group(1)
        headers.append(name)
        comment = lines[i - 1]
        assert comment.startswith("# "), f"[{name}] needs a comment line above it"
        assert comment[2:].startswith(f"{read[name][0]}."), (name, comment)
    assert len(headers) == len(set(headers)), "a section header repeated"


def test_words_are_lower_case_and_listed_once() -> None:
    """The rules compare lower-case forms and lemmas; a word twice in a section is a slip."""
    for name, words in section_words(RULE_WORDS_FILE).items():
        assert all(w == w.lower() for w in words), name
        assert len(words) == len(set(words)), name


def test_the_modules_hold_the_file_s_lists() -> None:
    required = clauses.REQUIRE_VERBS
    assert required == {"vaatia", "edellyttää"}
    assert cues.REQUIRE_VERBS is required  # one definition, imported
    parties = mechanism_context.PARTIES
    assert parties == mechanism_context.ORGANISATIONS | rule_words("other_parties")
    assert "kuntalainen" in parties


def test_an_unknown_section_is_an_error_naming_the_file() -> None:
    with pytest.raises(KeyError, match=r"rule_words\.txt has no section \[no_such_list\]"):
        rule_words("no_such_list")
