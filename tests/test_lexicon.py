"""The domain lexicon: entries, inflected and compound forms, user files, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import vastausanalyysi as va
from vastausanalyysi.errors import LexiconError
from vastausanalyysi.nlp.lexicon import Lexicon, LexiconEntry, load_lexicon, parse_lexicon
from vastausanalyysi.nlp.voikko import get_analyzer


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("hyte", "hyte"),
        ("hyten", "hyte"),
        ("hytessä", "hyte"),
        ("hyteä", "hyte"),
        ("hyteen", "hyte"),
        ("hyteissä", "hyte"),
        ("Hyte", "hyte"),
        ("sotessa", "sote"),
        ("soten", "sote"),
        ("Hyvil", "Hyvil"),
        ("Hyvilin", "Hyvil"),
        ("Hyvilissä", "Hyvil"),
        ("STM:n", "STM"),
        ("THL:ltä", "THL"),
        ("TE24:n", "TE24"),
        ("hvan", "hva"),
        ("HVA:n", "hva"),
        ("Kelassa", "Kela"),
    ],
)
def test_inflected_forms_find_their_entry(lexicon: Lexicon, form: str, lemma: str) -> None:
    match = lexicon.lookup(form)
    assert match is not None, form
    assert match.lemma == lemma


@pytest.mark.parametrize(
    ("form", "lemma", "parts"),
    [
        ("hyte-työssä", "hyte-työ", ("hyte", "työ")),
        ("hyte-kertoimen", "hyte-kerroin", ("hyte", "kerroin")),
        ("hyte-yhteistyötä", "hyte-yhteistyö", ("hyte", "yhteistyö")),
        ("TE-palveluihin", "TE-palvelu", ("te", "palvelu")),
        ("TE-toimistossa", "TE-toimisto", ("te", "toimisto")),
        ("LAPE-työ", "LAPE-työ", ("lape", "työ")),
        ("hytetyö", "hytetyö", ("hyte", "työ")),
        ("soteuudistus", "soteuudistus", ("sote", "uudistus")),
        ("kuntahyte", "kuntahyte", ("kunta", "hyte")),
    ],
)
def test_compounds_with_a_lexicon_word(
    lexicon: Lexicon, form: str, lemma: str, parts: tuple[str, ...]
) -> None:
    match = lexicon.lookup(form)
    assert match is not None, form
    assert (match.lemma, match.parts) == (lemma, parts)
    assert "#" in match.marked


@pytest.mark.parametrize(
    "form", ["stm", "kelan", "hus", "hytte", "Jurmu", "meeting", "asdfgh", "hy", "x" * 500, ""]
)
def test_other_words_are_not_in_the_lexicon(lexicon: Lexicon, form: str) -> None:
    assert lexicon.lookup(form) is None


def test_acronyms_take_endings_after_a_colon_only(lexicon: Lexicon) -> None:
    assert lexicon.lookup("STM:ssä") is not None
    assert lexicon.lookup("STMssä") is None


def test_overrides_choose_voikkos_right_reading(lexicon: Lexicon) -> None:
    analyzer = get_analyzer()
    entry, analysis = lexicon.override(
        "palaverirakenteessa", analyzer.analyze("palaverirakenteessa")
    )
    assert entry.lemma == "palaverirakenne"
    assert analysis is not None and analysis.compound_parts() == ["palaveri", "rakenne"]
    entry, _ = lexicon.override("yhdyspinnoista", analyzer.analyze("yhdyspinnoista"))
    assert entry.lemma == "yhdyspinta"
    # case-sensitive entries: "Kuntaliitosta" is the union, "kuntaliitosta" may be a merger
    assert lexicon.override("Kuntaliitosta", analyzer.analyze("Kuntaliitosta"))[0].lemma == (
        "Kuntaliitto"
    )
    assert lexicon.override("kuntaliitosta", analyzer.analyze("kuntaliitosta")) is None
    assert lexicon.override("yhteistyö", analyzer.analyze("yhteistyö")) is None


def test_an_override_holds_for_compounds_with_its_head(lexicon: Lexicon) -> None:
    """ "valtuutettu" is an override (a councillor, not the participle of "valtuuttaa"): its
    compounds get Voikko's noun reading too, alone and in a sentence."""
    analyzer = get_analyzer()
    head = lexicon.override_head(analyzer.analyze("aluevaltuutettu"))
    assert head is not None and head.compound_parts() == ["alue", "valtuutettu"]
    assert lexicon.override_head(analyzer.analyze("yhteistyö")) is None
    assert lexicon.override_head(analyzer.analyze("valtuutettu")) is None  # no compound
    words = ["aluevaltuutettu", "kunnanvaltuutetulle", "Kaupunginvaltuutetut", "varavaltuutettu"]
    assert [w[0] for w in va.lemmatize(words)] == [
        "aluevaltuutettu",
        "kunnanvaltuutettu",
        "kaupunginvaltuutettu",
        "varavaltuutettu",
    ]
    assert (
        va.lemmatize(["Aluevaltuutetut eivät tunne kunnan tilannetta."])[0][0] == "aluevaltuutettu"
    )
    # a verb stays a verb: the override is about the noun's compounds only
    assert va.lemmatize(["Hallitus valtuutti johtajan."])[0][1] == "valtuuttaa"


def test_every_default_entry_is_needed() -> None:
    """Each entry is unknown to Voikko, or flagged as an override of a wrong Voikko reading.

    Two exceptions: Voikko knows "sote" but not its inflected forms, and reads "TE" as the
    pronoun "te"; the entries serve inflection ("soten") and compounds ("TE-palvelut").
    """
    analyzer = get_analyzer()
    for entry in load_lexicon():
        needed = entry.override or not analyzer.analyze(entry.lemma)
        assert needed or entry.lemma in {"sote", "TE"}, entry
    assert not analyzer.analyze("soten") and not analyzer.analyze("TE-palvelut")


def test_user_file_extends_the_default(tmp_path: Path) -> None:
    path = tmp_path / "oma.tsv"
    path.write_text("# oma sanasto\nkotouttamo\tnimisana\t-\t-\tuusi sana\nHyvil\tnimi\n", "utf-8")
    extended = load_lexicon(path)
    assert extended.lookup("kotouttamossa").lemma == "kotouttamo"
    assert extended.lookup("hytessä") is not None
    replaced = load_lexicon(path, extend=False)
    assert len(replaced) == 2
    assert replaced.lookup("hytessä") is None


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("yksisarake", "columns"),
        ("a\tb\tc\td\te\tf", "columns"),
        ("kaksi sanaa\tnimisana", "bad lemma"),
        ("sana\tNimisana", "part of speech"),
        ("sana\tnimisana\tyksi", "2 or more"),
        ("sana\tnimisana\t-\tohita", "unknown flag"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, needle: str) -> None:
    path = tmp_path / "rikki.tsv"
    path.write_text("# otsikko\nhyvä\tnimisana\n" + line + "\n", "utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert f"{path}:3" in str(info.value)
    assert needle in str(info.value)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "ei-ole.tsv")


def test_entry_helpers() -> None:
    (entry,) = parse_lexicon(["palaverirakenne\tnimisana\tpalaveri rakenne\toverride"])
    assert entry.override and entry.marked() == "palaveri#rakenne"
    assert LexiconEntry("STM", "lyhenne").acronym
    assert not LexiconEntry("Hyvil", "nimi").acronym


def test_lexicon_in_the_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hyte-työssä ja hytessä, TE-palveluihin ja soten kanssa Hyvilin tiloissa.")
    by_text = {t.text: t for t in doc}
    assert by_text["Hyte-työssä"].lemma_ == "hyte-työ"
    assert by_text["Hyte-työssä"]._.compound_parts == ["hyte", "työ"]
    assert by_text["hytessä"].lemma_ == "hyte" and by_text["hytessä"]._.is_known
    assert by_text["TE-palveluihin"].lemma_ == "TE-palvelu"
    assert by_text["soten"].lemma_ == "sote"
    assert by_text["Hyvilin"].lemma_ == "Hyvil"
    palaveri = nlp("Palaverirakenteet toimivat")[0]
    assert palaveri._.compound_parts == ["palaveri", "rakenne"]


def test_pipeline_with_a_user_lexicon(tmp_path: Path) -> None:
    import vastausanalyysi as va

    path = tmp_path / "oma.tsv"
    path.write_text("kotouttamo\tnimisana\n", "utf-8")
    nlp = va.load_pipeline(lexicon_path=str(path))
    assert [t.lemma_ for t in nlp("kotouttamossa hytessä")] == ["kotouttamo", "hyte"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("kotouttamo\n", "utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv:1"):
        va.load_pipeline(lexicon_path=str(bad))


def test_lemmatizer_records_the_lexicon_as_source() -> None:
    from vastausanalyysi.nlp.lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    assert lemmatizer.lemmatize_word("hytessä").source == "lexicon"
    assert lemmatizer.lemmatize_word("HUS").lemma == "HUS"  # Voikko: interjection "hus"
    assert lemmatizer.lemmatize_word("talossa").source != "lexicon"
    without = Lemmatizer(lexicon=Lexicon(), fix_typos=False)
    assert not without.lemmatize_word("hytessä").is_known


def test_prefix_precheck_keeps_short_entries() -> None:
    """The first-letters pre-check must not hide entries shorter than three letters."""
    lexicon = Lexicon(parse_lexicon(["Xy\tlyhenne\t-\t-", "abcde\tnimisana\t-\t-"]))
    assert lexicon.match_inflected("Xy:n").lemma == "Xy"
    assert lexicon.match_inflected("XY").lemma == "Xy"
    assert lexicon.match_inflected("abcdessa").lemma == "abcde"
    assert lexicon.match_inflected("kissa") is None


def test_etukateen_is_an_adverb_not_a_hand() -> None:
    """Voikko reads "etukäteen" (in advance) only as the illative of "etukäsi"."""
    lemmas = va.lemmatize(["Muutoksista ei ole keskusteltu etukäteen.", "Etukäteen sovittiin."])
    assert lemmas == [["muutos", "ei", "olla", "keskustella", "etukäteen"], ["etukäteen", "sopia"]]


def test_erikseen_is_an_adverb_not_a_batch() -> None:
    """Voikko reads "erikseen" (separately) as the translative plural of "erä" or a form of
    "erillään"; UD Finnish lemmatises it as itself."""
    lemmas = va.lemmatize(["Kiinteistöt käsitellään erikseen.", "Erikseen sovitaan tiloista."])
    assert lemmas == [["kiinteistö", "käsitellä", "erikseen"], ["erikseen", "sopia", "tila"]]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # nominative "viestintä", not the partitive of "viestin" (a device)
        ("Viestintä toimii hyvin.", "viestintä"),
        ("Kriisiviestintä pelasi.", "kriisiviestintä"),
        # the adjective's partitive, not the rare verb "yksipuolistaa" / the noun "ylimieli"
        ("Tiedottaminen on ollut yksipuolista.", "yksipuolinen"),
        ("Suhtautuminen on ylimielistä.", "ylimielinen"),
        ("Kunnat eivät saa ajantasaista tietoa.", "ajantasainen"),
        # nouns and an adjective, not the rare "huolia", "tiekarsi", "toimintamallinen",
        # "pitkäjänne" (the ranker took those)
        ("Keskustelussa nousi esiin huoli nuorista.", "huoli"),
        ("Yhteinen tiekartta hyväksyttiin.", "tiekartta"),
        ("Toimintamallista puuttuu osa.", "toimintamalli"),
        ("Työ on pitkäjänteistä.", "pitkäjänteinen"),
        ("Päivystyksen siirrosta uutisoitiin.", "siirto"),  # not the rare "siirros"
        ("Sähkökatkoissa toimitaan yhdessä.", "sähkökatko"),  # not "-katka"
    ],
)
def test_override_entries_pick_the_common_reading(text: str, lemma: str) -> None:
    assert lemma in va.lemmatize([text])[0]


def test_override_entries_leave_other_words_alone() -> None:
    # the genitive of "viesti" and the verb "yksipuolistaa" keep their lemmas
    assert va.lemmatize(["Viestin sisältö oli selvä."])[0][0] == "viesti"
    assert va.lemmatize(["Palvelut yksipuolistaa."])[0][-1] == "yksipuolistaa"
