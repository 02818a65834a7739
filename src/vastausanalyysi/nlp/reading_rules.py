"""Rules that overrule the lemma ranker where two of Voikko's readings of a form collide.

The ranker (:mod:`vastausanalyysi.nlp.disambiguation`) scores candidates by form, memory and
frequency; for a few systematic collisions of Finnish inflection, where it has seen too little to
know, a rule here takes the other reading (:func:`prefer_reading`):

* an elative of a vowel head read as the partitive of an "-s" head ("perhepalvelusta":
  -palvelu, not -palvelus; :func:`_vowel_head`);
* a translative with a possessive suffix read where the nominative or genitive of an "-s" noun
  with the same suffix is the usual word ("henkilötunnukseni": henkilötunnus, not the
  translative of *henkilötuntu*; :func:`_possessive_s_head`);
* an adjective with a possessive suffix where a noun with the same suffix is a reading
  ("toimivaltansa": toimivalta, not *toimiva*; :func:`_possessive_noun`).

:func:`subject_verb` reads "kohtaa" after a nominative subject as the verb *kohdata*
("Perhekeskus kohtaa perheet"), which the ranker, without context, takes as the partitive of
*kohta* ("tässä kohtaa"); :func:`initial_imperative` reads "Soita" and "Lähetä" at the start of a
sentence or after "ja" as imperatives ("Soita minulle", "Lähetä viesti"), not as *suo* or the
rare *lähetä*; :func:`partitive_noun` reads "tukea" after "ilman", a quantity or a verb whose
object it is as the noun *tuki* ("jäi ilman tukea muutoksessa", "saimme tukea"), which the
ranker, looking at the next word, often took as the verb; :func:`connegative` reads "jaa",
"kokoa", "koe" … after the negation verb as the verb's connegative ("ei jaa tietoa": *jakaa*,
not the interjection *jaa*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from vastausanalyysi.nlp.voikko import FINITE_MOODS, Analysis

if TYPE_CHECKING:
    from vastausanalyysi.nlp.candidates import Candidate
    from vastausanalyysi.nlp.voikko import VoikkoAnalyzer


def prefer_reading(
    best: int,
    lemmas: Sequence[str],
    readings: Sequence[Analysis | None],
    sources: Sequence[str],
    freq: Mapping[str, int],
) -> int:
    """The candidate to take instead of the ranker's ``best`` (parallel lists; an index)."""
    best = _vowel_head(best, lemmas, readings, sources, freq)
    best = _possessive_s_head(best, lemmas, readings, sources, freq)
    return _possessive_noun(best, readings, sources)


def _vowel_head(
    best: int,
    lemmas: Sequence[str],
    readings: Sequence[Analysis | None],
    sources: Sequence[str],
    freq: Mapping[str, int],
) -> int:
    """The candidate to take instead of ``best`` for a compound noun in "-sta" read as the
    partitive of a head in "-s" when the same form is also the elative of that head without
    the "s": "perhepalvelusta", "lastensuojelusta", "nuorisotilasta" are the elatives of
    *-palvelu*, *-suojelu*, *-tila*, not the partitives of *-palvelus*, *-suojelus*,
    *nuori#sotilas*, which Voikko lists first and the ranker, with no memory of the compound,
    follows. The elative wins only where the lemma frequencies make its head the commoner one
    (*tulo* is rarer than *tulos*: "lopputulosta" stays) and do not know the "s" compound
    better ("jumalanpalvelus" stays). Parallel lists of candidates; returns an index."""
    lemma, reading = lemmas[best], readings[best]
    if sources[best] != "v" or reading is None or not _noun_in(reading, "osanto"):
        return best
    marked = reading.marked_lemma()
    if not lemma.endswith("s") or "#" not in marked:
        return best  # a simple word: the ranker's memory and frequencies decide
    stem = lemma[:-1]
    if freq.get(lemma, 0) > freq.get(stem, 0):
        return best
    head = marked.rsplit("#", 1)[1].lower()
    for i, (other, rival) in enumerate(zip(lemmas, readings, strict=True)):
        if other != stem or sources[i] != "v" or rival is None:
            continue
        rival_marked = rival.marked_lemma()
        if "#" not in rival_marked or not _noun_in(rival, "sisaeronto"):
            continue
        if freq.get(rival_marked.rsplit("#", 1)[1].lower(), 0) > freq.get(head, 0):
            return i
    return best


def _noun_in(reading: Analysis, case: str) -> bool:
    """Whether Voikko's reading is a noun in ``case`` (Voikko's SIJAMUOTO value)."""
    return reading.word_class == "nimisana" and reading.fields.get("SIJAMUOTO") == case


def preferred_candidate(best: int, cands: Sequence[Candidate], freq: Mapping[str, int]) -> int:
    """:func:`prefer_reading` over candidate objects."""
    if cands[best].source != "v":
        return best
    return prefer_reading(
        best,
        [c.lemma for c in cands],
        [c.analysis for c in cands],
        [c.source for c in cands],
        freq,
    )


def _possessive_s_head(
    best: int,
    lemmas: Sequence[str],
    readings: Sequence[Analysis | None],
    sources: Sequence[str],
    freq: Mapping[str, int],
) -> int:
    """The nominative or genitive of an "-s" noun with a possessive suffix instead of the
    translative of a vowel-stem noun with the same suffix: "tunnukseni" is *tunnus* + -ni far
    more often than *tuntu* + translative + -ni (the translative with a suffix is rare), unless
    the lemma frequencies know the vowel-stem head better: "aluksensa" (*alku*, not *alus*),
    "eduksesi" (*etu*) are idioms."""
    reading = readings[best]
    if sources[best] != "v" or reading is None or not _noun_in(reading, "tulento"):
        return best
    suffix = reading.fields.get("POSSESSIVE")
    if not suffix:
        return best
    head = _head(reading)
    for i, (lemma, rival) in enumerate(zip(lemmas, readings, strict=True)):
        if (
            i != best
            and sources[i] == "v"
            and rival is not None
            and lemma.endswith("s")
            and rival.fields.get("POSSESSIVE") == suffix
            and (_noun_in(rival, "nimento") or _noun_in(rival, "omanto"))
            and freq.get(_head(rival), 0) >= freq.get(head, 0)
        ):
            return i
    return best


def _possessive_noun(best: int, readings: Sequence[Analysis | None], sources: Sequence[str]) -> int:
    """A noun with a possessive suffix instead of an adjective with the same suffix: a possessive
    suffix marks a noun, so "toimivaltansa" is *toimivalta* + -nsa, not the ablative of the
    adjective *toimiva* + -nsa (an adjective takes one only as a noun). Parallel lists of
    candidates; returns an index."""
    reading = readings[best]
    if sources[best] != "v" or reading is None or reading.word_class != "laatusana":
        return best
    suffix = reading.fields.get("POSSESSIVE")
    if not suffix:
        return best
    for i, (rival, source) in enumerate(zip(readings, sources, strict=True)):
        if (
            source == "v"
            and rival is not None
            and rival.word_class == "nimisana"
            and rival.fields.get("POSSESSIVE") == suffix
        ):
            return i
    return best


def _head(reading: Analysis) -> str:
    """The last compound part of a reading's lemma, lower-cased (the lemma of a simple word)."""
    return reading.marked_lemma().rsplit("#", 1)[-1].lower()


#: Forms that are a noun's partitive or a verb's 3rd person singular, with the verb's lemma: the
#: verb after a nominative subject.
SUBJECT_VERBS = {"kohtaa": "kohdata", "turvaa": "turvata", "suojaa": "suojata", "lupaa": "luvata"}
#: Voikko's classes of a word that can be a subject in the nominative.
_SUBJECT_CLASSES = frozenset(
    {"nimisana", "etunimi", "sukunimi", "paikannimi", "nimi", "asemosana", "lyhenne"}
)


def subject_verb(form: str, left: str | None, analyzer: VoikkoAnalyzer) -> Analysis | None:
    """The verb reading of a :data:`SUBJECT_VERBS` form when the word before it is a subject.

    The left word must have a nominative reading of a noun, name, pronoun or "-minen" noun and
    no reading in a locative case or as a numeral: "Perhekeskus kohtaa perheet", "missä arjen
    tekeminen kohtaa" take the verb *kohdata*; "tässä kohtaa", "siinä kohtaa", "kaksi kohtaa",
    "osa lupaa" and a sentence-initial "Kohtaa" keep the ranker's choice. None when the rule
    does not apply.
    """
    verb = SUBJECT_VERBS.get(form.lower())
    if verb is None or left is None:
        return None
    readings = analyzer.analyze(left)
    if not any(
        a.fields.get("SIJAMUOTO") == "nimento"
        and (a.word_class in _SUBJECT_CLASSES or a.fields.get("MOOD") == "MINEN-infinitive")
        for a in readings
    ):
        return None
    if any(a.word_class == "lukusana" or a.fields.get("SIJAMUOTO") in _LOCATIVES for a in readings):
        return None
    if left.lower().endswith(_QUANTITY_NOUNS):  # "osa lupaa", "valtaosa kuvaa": a partitive
        return None
    return next(
        (a for a in analyzer.analyze(form) if a.word_class == "teonsana" and a.baseform == verb),
        None,
    )


#: Nouns of quantity, whose partitive complement looks like a verb after a subject.
_QUANTITY_NOUNS = ("osa", "määrä", "pari", "puolet", "loput", "enemmistö", "vähemmistö")
_LOCATIVES = frozenset({"sisaolento", "sisaeronto", "ulkoolento", "ulkoeronto", "olento"})

#: Forms whose imperative, first in a sentence or after a conjunction, the ranker reads as
#: something else: the verb of the imperative.
IMPERATIVE_FORMS = {"soita": "soittaa", "lähetä": "lähettää"}
#: Forms that are a noun's partitive or a verb's A-infinitive, with the noun's lemma: the noun
#: after a word that takes a partitive of amount or an object ("ilman tukea", "saimme tukea").
PARTITIVE_NOUNS = {"tukea": "tuki"}
#: Lemmas (and forms) before which such a form is the noun: "ilman", quantities, and verbs whose
#: object it is ("saada", "antaa", "tarvita"; not "haluta tukea", "voida tukea").
_PARTITIVE_GOVERNORS = frozenset(
    {
        "ilman", "vailla", "vähän", "paljon", "riittävästi", "lisää", "enemmän", "vähemmän",
        "mikään", "minkäänlainen", "kaikki", "saada", "antaa", "tarjota", "tarvita", "pyytää",
        "kaivata", "hakea", "löytää", "toivoa", "odottaa", "luvata",
    }
)  # fmt: skip
#: Forms that are a verb's connegative and a noun's or an interjection's form, which the ranker
#: takes even after a negation verb ("ei jaa tietoa", "emme koe"): the verb of the connegative.
CONNEGATIVE_VERBS = {
    **SUBJECT_VERBS, "jaa": "jakaa", "kokoa": "koota", "koe": "kokea",
    # "ei päätä" is not "pää", "ei omista" not "oma", "ei muista" not "muu" (2026-12-07)
    "päätä": "päättää", "omista": "omistaa", "muista": "muistaa", "luota": "luottaa",
}  # fmt: skip
#: Forms that Voikko also reads as a verb form the verb does not have: "voida" has no third
#: infinitive, so "tuli voimaan", "on voimassa", "voimasta" are always the noun "voima"
#: (the table had given "voida"; QA 3, 2026-12-07).
DEFECTIVE_VERB_FORMS = {"voimaan": "voima", "voimassa": "voima", "voimasta": "voima"}
#: Forms of the negation verb ("et" is left out: in speech it is also "että"), and adverbs that
#: stand only in a negated clause, between the negation verb and the verb ("ei enää jaa").
_NEGATIONS = frozenset(
    {
        "ei", "en", "emme", "ette", "eivät", "eikä", "enkä", "emmekä", "ettekä", "eivätkä",
        "ettei", "jottei", "ellei", "eihän", "eikö", "emmekö", "eivätkö", "älä", "älkää",
        "enää", "edes", "kuitenkaan", "myöskään", "koskaan", "juurikaan", "lainkaan",
        "mitenkään", "yhtään", "välttämättä",
    }
)  # fmt: skip
#: Forms whose lemma the words around them decide (:func:`subject_verb`,
#: :func:`initial_imperative`, :func:`partitive_noun`, :func:`connegative`): never taken from
#: a per-form table or cache.
CONTEXT_FORMS = frozenset(
    {*CONNEGATIVE_VERBS, *IMPERATIVE_FORMS, *PARTITIVE_NOUNS, *DEFECTIVE_VERB_FORMS}
)
#: Words after which an imperative starts a new clause.
_CLAUSE_STARTS = frozenset({"ja", "tai", "niin", "sitten", "tarvittaessa", "vaikka"})


def initial_imperative(
    form: str, left: str | None, right: str | None, analyzer: VoikkoAnalyzer
) -> Analysis | None:
    """The imperative reading of an :data:`IMPERATIVE_FORMS` form at the start of a sentence
    (no ``left`` word) or after a conjunction, unless a word that can only be a verb follows
    ("Soita minulle", "ja lähetä viesti"; "Soita on Lapissa paljon" keeps *suo*). None when the
    rule does not apply."""
    verb = IMPERATIVE_FORMS.get(form.lower())
    if verb is None or (left is not None and left.lower() not in _CLAUSE_STARTS):
        return None
    following = analyzer.analyze(right) if right is not None else ()
    if following and all(a.word_class in {"teonsana", "kieltosana"} for a in following):
        return None
    return next(
        (
            a
            for a in analyzer.analyze(form)
            if a.baseform == verb and a.fields.get("MOOD") == "imperative"
        ),
        None,
    )


def partitive_noun(
    form: str, left: str | None, right: str | None, analyzer: VoikkoAnalyzer
) -> Analysis | None:
    """The noun reading of a :data:`PARTITIVE_NOUNS` form after a word that governs a partitive
    of amount or an object ("jäi ilman tukea muutoksessa", "saimme tukea alueelta"), or first in
    a sentence before a finite verb, the subject or fronted object of its clause ("Tukea ei
    saatu", "Tukea tarvitaan"); "haluamme tukea kuntia" and "Tukea perheitä arjessa" keep the
    ranker's choice. None when the rule does not apply."""
    noun = PARTITIVE_NOUNS.get(form.lower())
    if noun is None or (left is None and right is None):
        return None
    if left is None:
        following = analyzer.analyze(right) if right is not None else ()
        if not following or not all(_finite(a) for a in following):
            return None
    elif left.lower() not in _PARTITIVE_GOVERNORS and not any(
        a.baseform.lower() in _PARTITIVE_GOVERNORS for a in analyzer.analyze(left)
    ):
        return None
    elif right is not None and _partitive_object(analyzer.analyze(right)):
        return None  # the verb with its object: "lupaa tukea kuntia", "toivoo tukea perheitä"
    return next(
        (a for a in analyzer.analyze(form) if a.baseform == noun and a.word_class == "nimisana"),
        None,
    )


def _partitive_object(readings: Sequence[Analysis]) -> bool:
    """Whether a word can only be a noun or pronoun in the partitive plural (an object of the
    verb before it: "kuntia", "perheitä", "heitä"), not an adverb or a singular amount."""
    return bool(readings) and all(
        a.word_class in {"nimisana", "asemosana", "nimi"}
        and a.fields.get("SIJAMUOTO") == "osanto"
        and a.fields.get("NUMBER") == "plural"
        for a in readings
    )


def defective_verb_form(form: str, analyzer: VoikkoAnalyzer) -> Analysis | None:
    """The noun reading of a :data:`DEFECTIVE_VERB_FORMS` form ("voimaan": "voima"), whatever
    the words around it. None for any other form."""
    noun = DEFECTIVE_VERB_FORMS.get(form.lower())
    if noun is None:
        return None
    return next((a for a in analyzer.analyze(form) if a.baseform == noun), None)


def connegative(form: str, left: str | None, analyzer: VoikkoAnalyzer) -> Analysis | None:
    """The verb reading of a :data:`CONNEGATIVE_VERBS` form after a form of the negation verb or
    an adverb of a negated clause ("Alue ei jaa tietoa", "emme koe", "ei enää kokoa"); "jaa"
    and "koe" elsewhere keep the ranker's choice. None when the rule does not apply."""
    verb = CONNEGATIVE_VERBS.get(form.lower())
    if verb is None or left is None or left.lower() not in _NEGATIONS:
        return None
    return next(
        (
            a
            for a in analyzer.analyze(form)
            if a.baseform == verb and a.word_class == "teonsana"
            and a.fields.get("NEGATIVE") in ("both", "true")
        ),
        None,
    )  # fmt: skip


def _finite(reading: Analysis) -> bool:
    """Whether a reading is a finite verb or the negation verb ("tarvitaan", "ei", "on")."""
    if reading.word_class == "kieltosana":
        return True
    return reading.word_class == "teonsana" and reading.fields.get("MOOD") in FINITE_MOODS


__all__ = [
    "CONNEGATIVE_VERBS",
    "CONTEXT_FORMS",
    "DEFECTIVE_VERB_FORMS",
    "IMPERATIVE_FORMS",
    "PARTITIVE_NOUNS",
    "SUBJECT_VERBS",
    "connegative",
    "defective_verb_form",
    "initial_imperative",
    "partitive_noun",
    "prefer_reading",
    "preferred_candidate",
    "subject_verb",
]
