"""Lemmas where two Voikko readings collide (QA3 note 3): possessive suffixes, "kohtaa",
"palaveri"."""

from __future__ import annotations

import pytest

import vastausanalyysi as va
from vastausanalyysi.nlp.decision_table import load_table
from vastausanalyysi.nlp.lemmatizer import Lemmatizer
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Henkilötunnukseni on salainen.", "Henkilötunnukseni", "henkilötunnus"),
        ("Annoin henkilötunnukseni hänelle.", "henkilötunnukseni", "henkilötunnus"),
        ("Käyttäjätunnuksensa unohtui.", "Käyttäjätunnuksensa", "käyttäjätunnus"),
        # the translative with a suffix where the lemma frequencies know the head: idioms
        ("Aluksensa hän kertoi asiasta.", "Aluksensa", "alku"),
        ("Se on eduksesi.", "eduksesi", "etu"),
    ],
)
def test_possessive_suffix_of_an_s_noun(text: str, word: str, lemma: str) -> None:
    doc = va.load_pipeline()(text)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Perhekeskus kohtaa perheet.", "kohdata"),
        ("Työntekijä kohtaa asiakkaan.", "kohdata"),
        ("missä arjen tekeminen kohtaa", "kohdata"),
        ("Hän kohtaa ihmisiä joka päivä.", "kohdata"),
        ("Tässä kohtaa yhteistyö toimii.", "kohta"),
        ("siinä kohtaa kun päätös tehtiin", "kohta"),
        ("Missä kohtaa prosessia?", "kohta"),
        ("Kyselyssä oli kaksi kohtaa.", "kohta"),
        ("Luin sitä kohtaa uudelleen.", "kohta"),
    ],
)
def test_kohtaa_after_a_subject_is_the_verb(text: str, lemma: str) -> None:
    doc = va.load_pipeline()(text)
    assert next(t for t in doc if t.text.lower() == "kohtaa").lemma_ == lemma
    assert va.lemmatize([text])[0][[t.text.lower() for t in doc].index("kohtaa")] == lemma


def test_kohtaa_is_decided_in_context_with_or_without_the_table() -> None:
    """The decision table stores no context-free row for "kohtaa"; both paths agree."""
    assert "kohtaa" not in load_table()
    with_table = Lemmatizer(analyzer=VoikkoAnalyzer())
    plain = Lemmatizer(analyzer=VoikkoAnalyzer(), table=False)
    for lem in (with_table, plain):
        assert lem.lemmatize_words(["Perhekeskus", "kohtaa", "perheet"])[1].lemma == "kohdata"
        assert lem.lemmatize_words(["tässä", "kohtaa", "perheet"])[1].lemma == "kohta"
        # the same form, cached, still follows its neighbours
        assert lem.lemmatize_words(["Perhekeskus", "kohtaa", "perheet"])[1].lemma == "kohdata"


@pytest.mark.parametrize("text", ["Palaveri oli hyvä.", "Viikon palaveri toimii.", "palaverin"])
def test_palaveri_is_no_compound(text: str) -> None:
    doc = va.load_pipeline()(text)
    token = next(t for t in doc if t.text.lower().startswith("palaveri"))
    assert token.lemma_ == "palaveri"
    assert token._.compound_parts == []


def test_compounds_of_palaveri_end_in_it() -> None:
    doc = va.load_pipeline()("Kvartaalipalaverissa sovittiin asiat.")
    assert doc[0].lemma_ == "kvartaalipalaveri"
    assert doc[0]._.compound_parts == ["kvartaali", "palaveri"]


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Soita minulle huomenna.", "Soita", "soittaa"),
        ("Lähetä viesti rehtorille.", "Lähetä", "lähettää"),
        ("Tule käymään ja soita ensin.", "soita", "soittaa"),
        ("Soita on Lapissa paljon.", "Soita", "suo"),  # a verb follows: the noun
        ("Kävelin soita pitkin.", "soita", "suo"),  # inside a clause: the noun
    ],
)
def test_an_imperative_starting_a_clause(text: str, form: str, lemma: str) -> None:
    # QA 5: a contact line's "Soita" was lemmatised as "suo"

    (doc,) = va.load_pipeline().pipe([text])
    assert next(t.lemma_ for t in doc if t.text == form) == lemma


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Koulu jäi ilman tukea muutoksessa.", "tuki"),
        ("Saimme tukea alueelta.", "tuki"),
        ("Tarvitaan lisää tukea kouluihin.", "tuki"),
        ("Alue ei antanut mitään tukea kunnille.", "tuki"),
        ("Haluamme tukea kuntia.", "tukea"),  # a modal verb: the verb's infinitive
        ("Pyrimme tukea perheitä.", "tukea"),
        # a verb of promising or hoping with a plural partitive object: the verb's infinitive
        ("Alue lupaa tukea kuntia muutoksessa.", "tukea"),
        ("Järjestöt toivovat voivansa tukea perheitä.", "tukea"),
        ("Ministeriö lupasi tukea kunnille.", "tuki"),  # a recipient, not an object: the noun
        # first in a sentence before a finite verb: the subject or a fronted object
        ("Tukea ei saatu riittävästi.", "tuki"),
        ("Tukea tarvitaan enemmän.", "tuki"),
        ("Tukea on saatu hyvin.", "tuki"),
        ("Tukea perheitä arjessa.", "tukea"),  # an infinitive heading a list item
    ],
)
def test_tukea_after_ilman_a_quantity_or_a_verb_of_getting_is_the_noun(
    text: str, lemma: str
) -> None:
    # the ranker read "ilman tukea muutoksessa" as the verb, and the rules then missed
    # "jäädä ilman tuki"
    (doc,) = va.load_pipeline().pipe([text])
    assert next(t.lemma_ for t in doc if t.text.lower() == "tukea") == lemma
    words = [t.text.lower() for t in doc if not t.is_punct]
    assert va.lemmatize([text])[0][words.index("tukea")] == lemma


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        # after the negation verb, or an adverb that stands only in a negated clause
        ("Hyvinvointialue ei jaa tietoa kunnille.", "jaa", "jakaa"),
        ("Emme jaa tätä näkemystä.", "jaa", "jakaa"),
        ("Alue ei enää jaa tietoa.", "jaa", "jakaa"),
        ("Kukaan ei kokoa toimijoita yhteen.", "kokoa", "koota"),
        ("Emme koe yhteistyötä hyödylliseksi.", "koe", "kokea"),
        ("Sopimus ei turvaa palveluja.", "turvaa", "turvata"),
        ("Johto ei lupaa mitään uutta.", "lupaa", "luvata"),
        ("Alue ei kohtaa kuntalaisia.", "kohtaa", "kohdata"),
        ("Kunta ei päätä terveysasemista.", "päätä", "päättää"),
        ("Kunta ei omista tiloja.", "omista", "omistaa"),
        ("Emme muista sellaista sopimusta.", "muista", "muistaa"),
        ("Kunnat eivät luota alueeseen.", "luota", "luottaa"),
        # after a nominative subject
        ("Sopimus turvaa palvelut kuntalaisille.", "turvaa", "turvata"),
        ("Uusi laki suojaa lapsia.", "suojaa", "suojata"),
        ("Johto lupaa parannusta.", "lupaa", "luvata"),
        # elsewhere the noun or the interjection
        ("Jaa, en tiedä.", "Jaa", "jaa"),
        ("Koe oli vaikea.", "Koe", "koe"),
        ("Kuntalaisille tarvitaan turvaa ja tukea.", "turvaa", "turva"),
        ("Kunnalla ei ole lupaa siihen.", "lupaa", "lupa"),
        ("Osa lupaa on jo käytetty.", "lupaa", "lupa"),
        ("Kaikki ei ole kokoa vaan laatua.", "kokoa", "koko"),
        ("Päätä ei kannata menettää.", "Päätä", "pää"),
        ("Muista asioista sovitaan erikseen.", "Muista", "muu"),
        ("Omista tiloista luovutaan.", "Omista", "oma"),
    ],
)
def test_connegative_and_subject_verbs(text: str, form: str, lemma: str) -> None:
    (doc,) = va.load_pipeline().pipe([text])
    assert next(t.lemma_ for t in doc if t.text == form) == lemma
    words = [t.text for t in doc if not t.is_punct]
    assert va.lemmatize([text])[0][words.index(form)] == lemma


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        # a participle's comparative or superlative is the adjective's degree, as in UD Finnish
        ("Suomalaiset ovat yhä tyytyväisempiä palveluihin.", "tyytyväisempiä", "tyytyväinen"),
        ("Yhteistyö on nyt sujuvampaa kuin ennen.", "sujuvampaa", "sujuva"),
        ("Kehittyneempi malli otettiin käyttöön.", "Kehittyneempi", "kehittynyt"),
        ("Kestävämpi ratkaisu löytyi yhdessä.", "Kestävämpi", "kestävä"),
        # the participle itself still gives its verb where the ranker takes it
        ("Tilanne on parantunut selvästi.", "parantunut", "parantua"),
    ],
)
def test_comparative_of_a_participle_is_the_adjective(text: str, form: str, lemma: str) -> None:
    (doc,) = va.load_pipeline().pipe([text])
    assert next(t.lemma_ for t in doc if t.text == form) == lemma


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        # a possessive suffix marks a noun: not the ablative of the adjective "toimiva"
        ("Hyvinvointialue ylitti toimivaltansa päätöksessä.", "toimivaltansa", "toimivalta"),
        ("Kunta käytti toimivaltaansa.", "toimivaltaansa", "toimivalta"),
        ("Malli vaikuttaa toimivalta.", "toimivalta", "toimiva"),  # no suffix: the adjective
        # the lexicon's override: not the rare "tuskaisa"
        ("Neuvottelut ovat olleet tuskaisia.", "tuskaisia", "tuskainen"),
    ],
)
def test_possessive_noun_and_tuskainen(text: str, form: str, lemma: str) -> None:
    (doc,) = va.load_pipeline().pipe([text])
    assert next(t.lemma_ for t in doc if t.text == form) == lemma
