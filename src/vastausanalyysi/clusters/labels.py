"""Stop words, class-based TF-IDF and the two-or-three-lemma labels of clusters."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain

import numpy as np
from scipy import sparse

__all__ = [
    "DOMAIN_STOP_WORDS",
    "MIXED_LABEL_SHARE",
    "MIXED_MIN_SIZE",
    "NAMED_PEOPLE_LABEL",
    "NO_CLUSTER_LABEL",
    "OTHER_LABEL",
    "PERSONAL_CHECKS",
    "SMALL_GROUPS_LABEL",
    "capitalised_forms",
    "code_names",
    "ctfidf",
    "display_forms",
    "fallback_label",
    "finnish_stop_words",
    "in_label_form",
    "is_label_word",
    "is_mixed",
    "is_noun",
    "label_of",
    "label_share",
    "may_be_name",
    "normalise_term",
    "person_names",
    "personal_terms",
    "proper_form",
    "small_county_places",
    "top_terms",
    "typo_terms",
]

#: words that nearly every answer about municipality–county cooperation uses (lemmas)
DOMAIN_STOP_WORDS: frozenset[str] = frozenset(
    {
        "yhteistyö",
        "hyvinvointialue",
        "kunta",
        "toimia",
        "toimiva",
        "toimivuus",
        "esim",
        "esimerkiksi",
        "ks",
        "kts",
        "vrt",
        "krt",
        "ok",
        "okei",
        "puh",
        "tel",
        "mm",
        "muun muassa",
        "jne",
        "ym",
        "yms",
        "tms",
        "ns",
        "osa",
        "lisäksi",
        "sujua",
        "sujuva",
        "sujuvasti",
        "yhdessä",
        "yhteinen",
        "onnistua",
        "tehdä",
        "hyvä",
        "hyvin",
        "asia",
        "tulla",
        "saada",
        "pitää",
        # the parts of a web address ("https", "www"; QA 6)
        *("http", "https", "www"),
        # spoken forms of function words ("no kyl se perhekeskus pelaa iha hyvin"; QA 5)
        *("kyl", "niinku", "tota", "iha", "ny", "mut", "sit", "oo", "tää", "toi", "meil"),
        *("teil", "just", "sillee", "silleen", "nii", "kans", "vähä", "mun", "sun"),
    }
)
#: label of the statements with nothing to cluster on (empty, a non-answer, or stop words only
#: without codes: "Yhteistyö toimii hyvin.")
NO_CLUSTER_LABEL = "ei ryhmiteltävää sisältöä"
#: label of a cluster of small groups' statements only (no word, code or count of it is shown)
SMALL_GROUPS_LABEL = "pienten ryhmien vastauksia"
#: label of a cluster without a label word or code whose words were names of people
NAMED_PEOPLE_LABEL = "nimetyt henkilöt"
#: label of a cluster with neither a label word, a code nor a name (one-letter words only)
OTHER_LABEL = "muut lyhyet vastaukset"
#: a cluster whose label words appear in fewer than this share of its statements is a mixed
#: group (the catch-all cluster of short answers on many topics): the label then names only a
#: minority of it, and the report says so (see :func:`is_mixed`)
MIXED_LABEL_SHARE = 0.3
#: clusters under this many statements are never called mixed (three words cover a few well)
MIXED_MIN_SIZE = 10
_PUNCTUATION = string.punctuation + "–—…«»“”‘’•·"
_WORD_PATTERN = r"[^\W\d_]{2,}(?:-[^\W\d_]+)*"
_LABEL_WORD = re.compile(f"^{_WORD_PATTERN}$")
_WORD = re.compile(_WORD_PATTERN)
_REPLACE_RATIO = 0.75
#: word classes (Voikko) of the words a heading is made of; other words count this much less
_NOUN_CLASSES = frozenset(
    {"nimisana", "nimisana_laatusana", "nimi", "etunimi", "sukunimi", "paikannimi", "lyhenne"}
)
_NOT_NOUN = 0.5


def normalise_term(word: str) -> str:
    """Lower case without surrounding punctuation: ``"Mm."`` -> ``"mm"``."""
    return word.strip().strip(_PUNCTUATION).lower()


def finnish_stop_words(extra: Iterable[str] = DOMAIN_STOP_WORDS) -> frozenset[str]:
    """spaCy's Finnish stop words plus ``extra``, lower case, punctuation stripped."""
    from spacy.lang.fi.stop_words import STOP_WORDS

    words = {normalise_term(w) for w in STOP_WORDS} | {normalise_term(w) for w in extra}
    return frozenset(w for w in words if w)


def is_label_word(term: str) -> bool:
    """A word that may stand in a label: letters (and inner hyphens) only, two or more."""
    return bool(_LABEL_WORD.match(term))


def ctfidf(
    counts: sparse.csr_matrix, labels: np.ndarray, k: int, weights: np.ndarray
) -> np.ndarray:
    """Class-based TF-IDF (BERTopic): tf within the cluster × log(1 + A / term frequency).

    ``counts`` has one row per distinct statement, ``weights`` how many statements it stands for.
    """
    member = sparse.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    per_class = np.asarray((member @ counts).todense(), dtype=float)
    totals = per_class.sum(axis=1, keepdims=True)
    tf = np.divide(per_class, totals, out=np.zeros_like(per_class), where=totals > 0)
    freq = per_class.sum(axis=0)
    avg = per_class.sum() / max(k, 1)
    idf = np.log1p(np.divide(avg, freq, out=np.zeros_like(freq), where=freq > 0))
    return tf * idf


def top_terms(
    scores: np.ndarray, doc_freq: np.ndarray, vocabulary: list[str], n: int, size: float
) -> list[tuple[str, float]]:
    """The ``n`` best label words by c-TF-IDF as (term, statements of the cluster with it).

    Words that only one statement of a cluster of four or more has come after the others: a
    heading should name what several statements share. A heading is made of nouns first:
    among the ``4 n`` best, a verb, adjective or adverb counts half its score ("tiedonkulku,
    toimintamalli" rather than "jättää, tarjolla, päästä").
    """
    shared = 2 if size >= 4 else 1
    candidates = np.flatnonzero(np.asarray(scores) > 0).tolist()  # the cluster's terms only
    best = sorted(
        (i for i in candidates if is_label_word(vocabulary[i])),
        key=lambda i: (doc_freq[i] < shared, -round(float(scores[i]), 12), vocabulary[i]),
    )[: 4 * n]  # the word class is looked up for these only
    order = sorted(
        best,
        key=lambda i: (
            doc_freq[i] < shared,
            -round(float(scores[i]) * (1.0 if is_noun(vocabulary[i]) else _NOT_NOUN), 12),
            -doc_freq[i],
            vocabulary[i],
        ),
    )
    return [(vocabulary[i], float(doc_freq[i])) for i in order[:n]]


@lru_cache(maxsize=100_000)
def is_noun(term: str) -> bool:
    """A noun or name by Voikko (a -minen/-us noun read as a verb form counts; unknown: yes)."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    analyses = get_analyzer().analyze(term)
    own = [a for a in analyses if a.baseform.lower() == term]
    if not own:  # unknown, or read as an inflected form: "varautuminen" (varautua)
        return not analyses or term.endswith(("minen", "us", "ys", "os", "ös"))
    return any(a.word_class in _NOUN_CLASSES for a in own)


#: Voikko's word classes of first names and surnames
_PERSON_NAME_CLASSES = frozenset({"etunimi", "sukunimi"})
#: Voikko's word classes of names of people (a place name alone is no personal data)
_PERSON_CLASSES = _PERSON_NAME_CLASSES | {"nimi"}
#: How many statements with a term are masked to decide whether the term is personal data.
PERSONAL_CHECKS = 200


@lru_cache(maxsize=100_000)
def may_be_name(term: str) -> bool:
    """Whether a lemma may name a person: Voikko reads it as a first name or surname (among
    other readings: "laine"), or does not know it ("shirin")."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    analyses = get_analyzer().analyze(term)
    return not analyses or any(a.word_class in _PERSON_CLASSES for a in analyses)


def personal_terms(
    terms: Iterable[str],
    texts: Sequence[str],
    term_lists: Sequence[Collection[str]],
    proper: Collection[str] = (),
    spans_of: dict[int, list[tuple[int, int, str]]] | None = None,
) -> frozenset[str]:
    """The ``terms`` that are personal data in the statements that have them.

    A term that :func:`may_be_name`, that is in ``proper`` (the proper nouns and acronyms of
    :func:`display_forms`) or that Voikko writes only with a capital ("Nieminen", which it knows
    only as a place), and that the PII masker masks in one of the first
    :data:`PERSONAL_CHECKS` statements with it (``texts[i]`` has the terms ``term_lists[i]``):
    it is the lemma of a masked part, or the masked statement no longer has it ("Kiitos
    Annelle!": the part alone reads "annella").
    Labels and top lemmas are made of lemmas, which the masker cannot judge without their
    sentence ("matti, perhekeskus" from "yhteyshenkilö Matti Virtanen"). ``spans_of``: the
    masker's spans of statements already masked, by position (filled in; for repeated calls on
    the same statements).
    """
    from vastausanalyysi.nlp.pii import default_masker, masked_lemmas
    from vastausanalyysi.nlp.pipeline import lemmatize

    names = sorted({t for t in terms if t in proper or may_be_name(t) or proper_form(t) != t})
    if not names:
        return frozenset()
    wanted = set(names)
    where = _first_statements(wanted, term_lists)
    masker = default_masker()
    checked = sorted({i for rows in where.values() for i in rows})
    spans = {} if spans_of is None else spans_of
    for i in checked:
        if i not in spans:
            spans[i] = masker.original_spans(texts[i])
    hit = [i for i in checked if spans[i]]
    found = [texts[i] for i in hit]
    lemmas = masked_lemmas(found, [spans[i] for i in hit])
    after = lemmatize([_replaced(texts[i], spans[i]) for i in hit])
    masked = {i: {normalise_term(x) for x in got} for i, got in zip(hit, lemmas, strict=True)}
    for i, got in zip(hit, after, strict=True):
        kept = {normalise_term(x) for x in got}  # a name's lemma gone with the masking
        masked[i] |= {t for t in wanted.intersection(term_lists[i]) if not _inside(t, kept)}
    return frozenset(t for t in names if any(t in masked.get(i, ()) for i in where[t]))


def _first_statements(
    terms: Collection[str], term_lists: Sequence[Collection[str]]
) -> dict[str, list[int]]:
    """Term -> the positions of the first :data:`PERSONAL_CHECKS` statements that have it
    (statement ``i`` has the terms ``term_lists[i]``), for each of ``terms``."""
    where: dict[str, list[int]] = {t: [] for t in terms}
    for i, found in enumerate(term_lists):
        for t in where.keys() & found:
            if len(where[t]) < PERSONAL_CHECKS:
                where[t].append(i)
    return where


def _inside(term: str, lemmas: Collection[str]) -> bool:
    return term in lemmas or any(term in x for x in lemmas)


def _replaced(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, placeholder in spans:
        out.extend((text[last:start], placeholder))
        last = end
    out.append(text[last:])
    return "".join(out)


def capitalised_forms(lemma_lists: Iterable[Iterable[str]]) -> dict[str, str]:
    """Term -> the form with a capital that the lemmatiser gives it more often than not
    ("jyväskylä" -> "Jyväskylä", "matti" -> "Matti"); terms mostly in lower case are not in it."""
    total: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for lemma, n in Counter(chain.from_iterable(lemma_lists)).items():  # distinct lemmas once
        form = str(lemma).strip().strip(_PUNCTUATION)
        term = form.lower()
        total[term] += n
        if form[:1].isupper():
            forms.setdefault(term, Counter())[form] += n
    out = {}
    for term, counted in forms.items():
        form, n = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))
        if 2 * n > total[term]:
            out[term] = form
    return out


def display_forms(
    terms: Iterable[str],
    capitalised: Mapping[str, str],
    texts: Sequence[str],
    term_lists: Sequence[Collection[str]],
) -> dict[str, str]:
    """Term -> its form in a label, for the ``terms`` (lower-case lemmas) that keep a capital.

    A label word is its lemma in lower case; a proper noun (the name of a place or an
    organisation) keeps its capital, the same way whichever reading the lemmatiser chose and
    whoever wrote the lemmas. A proper noun is a word that Voikko writes with a capital in a
    reading that is no person's name: always, when it has no reading in lower case ("Helsinki",
    "Pirkanmaa", "ELY-keskus"); if it is also a common noun ("turku", "lahti", "ruotsi",
    "maa", "perhekeskus"), when the writers mostly write it with a capital inside their
    sentences in the first :data:`PERSONAL_CHECKS` statements with it (``texts[i]`` has the
    terms ``term_lists[i]``: "… Turun neuvolat", "… Lahdessa", but "… ruotsiksi", "… koko
    maalle"), or, where they only begin sentences with it, when it names a place ("Turussa
    …"; not "Perhekeskuksen …"). Of two such forms, the one of :func:`capitalised_forms`, else
    Voikko's first. An acronym keeps its capitals as the lemmas mostly write it
    (``capitalised``: "THL"). Other words stay lower case ("kela", which Voikko knows only as a
    common noun; "laine", a wave or a surname; a typo that began a sentence)."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    out: dict[str, str] = {}
    places: dict[str, bool] = {}  # term, also a common noun -> whether it names a place
    for term in terms:
        written = capitalised.get(term, "")
        if len(written) >= 2 and written.isupper():
            out[term] = written
            continue
        readings = get_analyzer().analyze(term)
        proper = [
            a
            for a in readings
            if a.word_class not in _PERSON_NAME_CLASSES
            and a.baseform != term
            and a.baseform.lower() == term
        ]
        if proper:
            forms = [a.baseform for a in proper]
            out[term] = written if written in forms else forms[0]
            if any(a.baseform == term for a in readings):
                places[term] = any(a.word_class == "paikannimi" for a in proper)
    kept = _capitalised_inside(places, texts, term_lists) if places else set()
    return {t: f for t, f in out.items() if t not in places or t in kept}


def _capitalised_inside(
    places: Mapping[str, bool], texts: Sequence[str], term_lists: Sequence[Collection[str]]
) -> set[str]:
    """The terms of ``places`` (term -> whether it names a place) whose words the writers mostly
    begin with a capital inside their sentences in the first :data:`PERSONAL_CHECKS` statements
    with them; where they write none there, the places (a sentence's first word tells nothing)."""
    from vastausanalyysi.nlp.pii.grouping import sentence_initial
    from vastausanalyysi.nlp.voikko import get_analyzer

    rows = _first_statements(places, term_lists)
    analyzer = get_analyzer()
    counts: Counter[tuple[str, bool]] = Counter()  # (term, capital) -> words inside sentences
    for term, where in rows.items():
        for text in (texts[i] for i in where):
            for word in _WORD.finditer(text):
                if not sentence_initial(text, word.start()) and any(
                    a.baseform.lower() == term for a in analyzer.analyze(word[0].lower())
                ):
                    counts[term, word[0][0].isupper()] += 1
    return {
        t
        for t, place in places.items()
        if (counts[t, True] > counts[t, False] if counts[t, True] or counts[t, False] else place)
    }


def small_county_places(
    terms: Iterable[str], display: Mapping[str, str], counties: Collection[str]
) -> frozenset[str]:
    """The ``terms`` that name a place (a proper noun of :func:`display_forms` that the place
    resolver knows) in one of ``counties`` (county codes, "08"): the counties of fewer than
    ``min_cell`` respondents, which every table hides, so no label names their places either."""
    if not counties:
        return frozenset()
    from vastausanalyysi.respondents import resolve_region

    return frozenset(t for t in terms if t in display and resolve_region(display[t]) in counties)


def person_names(capitalised: Mapping[str, str]) -> frozenset[str]:
    """The :func:`capitalised_forms` that Voikko reads as a first name or surname and that are
    no frequent common word ("Matti", "Virtanen"; not "Päivä" or "Laine", in the shipped
    frequency list): names of people, which no statement is grouped by (a cluster of answers
    about one person would single them out). Cheap, so it runs on every term; the labels check
    more with the masker (:func:`personal_terms`)."""
    return frozenset(t for t, f in capitalised.items() if _person_name(f))


@lru_cache(maxsize=100_000)
def _person_name(form: str) -> bool:
    from vastausanalyysi.nlp.voikko import get_analyzer

    term = form.lower()
    readings = get_analyzer().analyze(term)
    if any(a.baseform == term for a in readings) and term in _frequent_lemmas():
        return False  # a common word first: "Päivä", "Valta" at the start of a sentence
    return any(a.word_class in _PERSON_NAME_CLASSES and a.baseform == form for a in readings)


@lru_cache(maxsize=1)
def _frequent_lemmas() -> frozenset[str]:
    """The lemmas of the shipped general frequency list (``wordfreq.tsv``)."""
    from vastausanalyysi._resources import read_text

    lines = read_text("wordfreq.tsv").splitlines()
    return frozenset(x.split("\t")[0].strip() for x in lines if x.strip() and x[0] != "#")


def in_label_form(terms: Iterable[str], display: Mapping[str, str]) -> list[str]:
    """``terms`` in their label form: as ``display`` (see :func:`display_forms`) writes them,
    else as they are (lower case)."""
    return [display.get(t, t) for t in terms]


@lru_cache(maxsize=100_000)
def proper_form(term: str) -> str:
    """``term`` as Voikko writes every reading of it, if that differs only in capitals
    ("nieminen" -> "Nieminen", "pirkanmaa" -> "Pirkanmaa"): a name to check with the masker."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    if not term or not is_label_word(term):
        return term
    forms = {a.baseform for a in get_analyzer().analyze(term)}
    if len(forms) == 1:
        (form,) = forms
        if form != term and form.lower() == term:
            return form
    return term


def typo_terms(terms: Iterable[str], counts: Mapping[str, int]) -> frozenset[str]:
    """The ``terms`` that look like typos: unknown to Voikko and one edit away from a lemma of
    the data (``counts``: lemma -> occurrences, stop words included) that Voikko knows or that
    the data has more often ("yhtistyö", "kaikik", "keskusteluyhetys"). A label is made of
    lemmas; a typo is none."""
    from vastausanalyysi.nlp.voikko import get_analyzer
    from vastausanalyysi.text import edits1

    analyzer = get_analyzer()
    out = set()
    for term in terms:
        if not is_label_word(term) or analyzer.analyze(term):
            continue
        own = counts.get(term, 0)
        near = [e for e in edits1(term) if counts.get(e, 0)]
        if any(counts[e] > own or analyzer.analyze(e) for e in near):
            out.add(term)
    return frozenset(out)


def label_of(top: list[tuple[str, float]], n: int, size: float = 0.0) -> str:
    """The first ``n`` top terms without overlap, joined by ", ".

    A term inside one already taken is skipped, and a compound that contains a taken term
    replaces it when nearly as many statements have it (perhe -> perhekeskus). In a cluster of
    ``size`` four or more statements, a word of only one of them is no part of a label that has
    a word several share ("hyvinvointikertomus, valmistella", not "…, kunnasasmme": one
    respondent's typo or aside).
    """
    if size >= 4 and any(freq >= 2 for _, freq in top):
        top = [(term, freq) for term, freq in top if freq >= 2]
    chosen: list[tuple[str, float]] = []
    for term, freq in top:
        if any(term in c for c, _ in chosen):
            continue
        inside = [i for i, (c, _) in enumerate(chosen) if c in term]
        if inside:
            if freq >= _REPLACE_RATIO * max(chosen[i][1] for i in inside):
                chosen[inside[0]] = (term, freq)
                chosen = [c for i, c in enumerate(chosen) if i not in inside[1:]]
            continue
        if len(chosen) < n:
            chosen.append((term, freq))
    return ", ".join(c for c, _ in chosen)


def label_share(binary: sparse.csr_matrix, weights: np.ndarray, columns: list[int]) -> float:
    """The share of statements (rows of ``binary``, each standing for ``weights`` statements)
    that have at least one of the label's terms (``columns``)."""
    total = float(weights.sum())
    if not columns or total <= 0:
        return 0.0
    has = binary[:, columns].getnnz(axis=1) > 0
    return float(weights[has].sum()) / total


def is_mixed(share: float, size: int) -> bool:
    """Whether a cluster of ``size`` statements, ``share`` of which have a label word, is a mixed
    group (:data:`MIXED_LABEL_SHARE`, :data:`MIXED_MIN_SIZE`)."""
    return size >= MIXED_MIN_SIZE and share < MIXED_LABEL_SHARE


def fallback_label(codes: Sequence[str], named: bool, code_names: Mapping[str, str]) -> str:
    """The label of a cluster that has no label word: never empty, never a name or fragment.

    ``codes``: the cluster's codes, commonest first ("area:perhekeskus"); the first one with a
    name in ``code_names`` (code id -> name, see :func:`code_names`) gives the label, as the
    codebook writes it ("Säännölliset tapaamiset": statements with only stop words besides their
    codes, "Kaksi kertaa vuodessa"). Without one: :data:`NAMED_PEOPLE_LABEL` if the cluster's
    words were left out as names of people (``named``), else :data:`OTHER_LABEL`.
    """
    for code in codes:
        name = code_names.get(code.split(":", 1)[-1], "").strip()
        if name:
            return name
    return NAMED_PEOPLE_LABEL if named else OTHER_LABEL


def code_names(codebook: object = None) -> dict[str, str]:
    """Code id -> Finnish name of the codebook (``None``: the default codebook; else anything
    :func:`~vastausanalyysi.themes.codebook.load_codebook` takes)."""
    from vastausanalyysi.themes.codebook import load_codebook

    book = load_codebook(codebook)  # type: ignore[arg-type]
    return {code_id: code.name for code_id, code in book.codes.items()}
