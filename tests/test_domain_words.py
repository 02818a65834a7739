"""The typo fixer's domain words hold every single-word term of the shipped theme codebook."""

from __future__ import annotations

from vastausanalyysi._resources import read_text, read_yaml
from vastausanalyysi.nlp.typos import default_domain_words

TERM_FIELDS = ("lemmas", "words", "heads", "modifiers")


def codebook_single_word_terms() -> set[str]:
    """Single-word terms of ``data/codebook.yaml``, lower-cased (as the typo fixer compares)."""
    book = read_yaml("codebook.yaml")
    terms: set[str] = set()
    for section in ("areas", "mechanisms"):
        for code in (book.get(section) or {}).values():
            for field in TERM_FIELDS:
                for term in code.get(field) or ():
                    if " " not in term.strip():
                        terms.add(term.strip().lower())
    return terms


def domain_file_words() -> set[str]:
    lines = read_text("domain_words.txt").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def test_codebook_terms_are_in_domain_words() -> None:
    terms = codebook_single_word_terms()
    assert len(terms) > 500  # the codebook's structure is still read right
    missing = sorted(terms - domain_file_words())
    assert not missing, f"add these codebook terms to data/domain_words.txt: {missing}"


def test_domain_words_are_the_file_and_the_lexicon() -> None:
    from vastausanalyysi.nlp.lexicon import default_entries

    lexicon = {e.lemma.lower() for e in default_entries()}
    assert default_domain_words() == frozenset(domain_file_words() | lexicon)
