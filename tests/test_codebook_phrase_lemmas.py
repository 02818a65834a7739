"""Every word of a codebook phrase can be matched: phrases are matched on lemmas.

The rule tagger matches a code's phrases on the lemma keys of the words (``TokenRow.match``), so
an element written only as an inflected form ("nimetty", "kenen", "puolin") or a plural lemma
entry ("terveyserot") never matches anything: the lemmatizer gives "nimetä", "ken", "puoli",
"terveysero". Each element needs at least one alternative that the pipeline gives as a lemma
(checked here on the word alone), or an entry in ``IN_CONTEXT`` that says why it is matched in
running text all the same.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import ANY_WORD
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.tokens import doc_table

#: Elements whose words get another lemma alone but their own in running text, or that are
#: kept on purpose although nothing matches them (then the phrase is inert): element -> why.
IN_CONTEXT = {
    frozenset({"asumisen"}): "inert: 'asuminen' itself is a word of the code",
    frozenset({"tuettu", "tukea"}): "'tuettua asumista' is read 'tuettu' in context",
    frozenset({"ikääntyneiden"}): "inert: 'ikääntynyt' itself is a word of the code",
    frozenset({"hyväksi"}): "'käyttää tilaisuutta hyväksi' is blocked by 'käyttää tilaisuus'",
    frozenset({"tiedolla"}): "inert: in 'tiedolla johtaminen' the word 'tieto' gives the code",
    frozenset({"jälkikäteen"}): "inert on purpose: 'ei vasta jälkikäteen' after a hearing is no "
    "information flow (a team label; adding the lemma cost it)",
    frozenset({"rakentava"}): "'rakentavaa yhteistyötä' is read 'rakentava' in context",
    frozenset({"koskea", "koskeva"}): "'palveluverkkoa koskeva' is read 'koskeva' in context",
    frozenset({"mikäkin", "mitäkin"}): "inert: the clitic form; 'kuka tekee mitä' is no phrase",
    frozenset({"mikäkin", "mistäkin"}): "inert: the clitic form",
    frozenset({"osallistava", "osallistuva"}): "'osallistava/osallistuva budjetointi' is read "
    "so in context",
    frozenset({"järjestettävä", "järjestämä", "vastuulle"}): "inert: the participles alone "
    "would make every 'kunta järjestää' a division of labour",
}


def _elements() -> list[tuple[str, frozenset[str]]]:
    codebook = load_codebook()
    found = []
    for cid, code in codebook.codes.items():
        for phrase in (*code.phrases, *code.exclude_phrases):
            found += [(cid, el) for el in phrase if el != ANY_WORD]
    return found


@pytest.fixture(scope="module")
def own_lemma() -> dict[str, bool]:
    """Whether the pipeline gives each phrase word (alone) itself as a lemma key."""
    words = sorted({o for _, el in _elements() for o in el if not o.startswith("=")})
    out = {}
    for word, doc in zip(words, as_docs(words), strict=True):
        rows = [r for r in doc_table(doc).rows if r.word]
        out[word] = len(rows) == 1 and word in rows[0].match
    return out


def test_every_phrase_element_has_a_lemma(own_lemma: dict[str, bool]) -> None:
    dead = sorted(
        {
            (cid, "|".join(sorted(el)))
            for cid, el in _elements()
            if el not in IN_CONTEXT and not any(o.startswith("=") or own_lemma[o] for o in el)
        }
    )
    assert not dead, f"phrase elements that no lemma matches (add the lemma): {dead}"


def test_the_exceptions_are_still_needed(own_lemma: dict[str, bool]) -> None:
    elements = {el for _, el in _elements()}
    stale = [
        "|".join(sorted(el))
        for el in IN_CONTEXT
        if el not in elements or any(own_lemma.get(o, False) for o in el)
    ]
    assert not stale, f"IN_CONTEXT entries that no longer apply: {stale}"


#: Lemma entries that the pipeline reads otherwise alone but as themselves in running text:
#: entry -> why (each checked in a sentence when it was listed).
WORDS_IN_CONTEXT = {
    "ehkäisevä": "'ehkäisevä päihdetyö' is read 'ehkäisevä' in context",
    "ennaltaehkäisevä": "'ennaltaehkäisevä työ' is read 'ennaltaehkäisevä' in context",
    "ennakoitava": "an adjective in context ('ennakoitava päätöksenteko')",
    "kuulematta": "matched as the surface form (an abessive)",
    "lastenpsykiatria": "its part 'lapsi' gives the code",
    "toimivalta": "'toimivaltaa' is read 'toimivalta' in context",
    "viestiä": "the verb in context ('viestiä kunnille')",
    "välit": "'välit ovat' is read 'välit' in context",
}


def test_every_lemma_entry_is_a_lemma() -> None:
    """A code's single-word entries: the pipeline gives each as a lemma (alone), or gives a lemma
    that is an entry of the same code too ("vastuut" -> "vastuu"), or ``WORDS_IN_CONTEXT`` says
    why it matches in running text ("hyvinvointierot" alone was dead: "hyvinvointiero")."""
    codebook = load_codebook()
    entries = {
        (cid, w)
        for cid, code in codebook.codes.items()
        for field in ("lemmas", "words", "heads")
        for w in getattr(code, field)
    }
    words = sorted({w for _, w in entries})
    read = {}
    for word, doc in zip(words, as_docs(words), strict=True):
        rows = [r for r in doc_table(doc).rows if r.word]
        read[word] = rows[0] if len(rows) == 1 else None
    dead = []
    for cid, word in sorted(entries):
        row = read[word]
        if row is None or word in WORDS_IN_CONTEXT:
            continue
        code = codebook.codes[cid]
        own = {*code.lemmas, *code.words, *code.heads}
        if word != row.norm and word not in row.inner and row.norm not in own:
            dead.append((cid, word, row.norm))
    assert not dead, f"entries that no lemma matches (add the lemma): {dead}"
