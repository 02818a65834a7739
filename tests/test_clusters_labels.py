"""Cluster labels that a reader accepts: never empty, never a name, a placeholder or a fragment
(real Voikko, spaCy, the shipped tagger, codebook and PII masker; answers written by the team,
in the style of a "what works" question of a municipality survey)."""

from __future__ import annotations

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.clusters import NO_CLUSTER, Clustering, cluster_statements
from vastausanalyysi.clusters.labels import (
    NAMED_PEOPLE_LABEL,
    NO_CLUSTER_LABEL,
    OTHER_LABEL,
    capitalised_forms,
    display_forms,
    fallback_label,
    person_names,
    typo_terms,
)
from vastausanalyysi.themes.codebook import load_codebook

PERHEKESKUS = [
    "Perhekeskuksen yhteistyö neuvolan kanssa toimii hyvin.",
    "Perhekeskuksen kohtaamispaikka kirjastossa on ollut menestys",
    "Neuvola ja varhaiskasvatus löytävät toisensa perhekeskuksessa.",
    "perhekeskus",
    "Perhekeskustoiminta on lähtenyt hyvin käyntiin!",
    "Perhekeskuksen verkostotapaamiset kerran kuussa",
]
VARAUTUMINEN = [
    "Valmiussuunnittelu ja varautumisharjoitukset yhdessä pelastuslaitoksen kanssa.",
    "Häiriötilanteiden harjoitus pelastuslaitoksen kanssa onnistui syksyllä.",
    "varautuminen ja valmiussuunnittelu",
    "Evakuointisuunnitelmat on tehty pelastuslaitoksen kanssa",
    "Pelastuslaitos osallistuu valmiusharjoituksiin.",
    "Valmiussuunnitelmat päivitetään yhdessä.",
]
TILAT = [
    "Tilojen vuokrasopimukset saatiin sovittua.",
    "Kiinteistöasiat on sovittu selkeästi",
    "Sote-kiinteistöjen vuokrat ja ylläpito on hoidettu.",
    "Vuokrasopimukset ovat selkeitä",
    "Kiinteistöjen vuokrat on neuvoteltu.",
    "Tilakysymykset ratkesivat neuvottelemalla vuokrista",
]
# how often they meet: every word a stop word, the tagger codes each as meetings
HOW_OFTEN = [
    "Kaksi kertaa vuodessa",
    "Kolme kertaa vuodessa.",
    "Neljä kertaa vuodessa",
    "Kerran vuodessa",
    "kaksi kertaa vuodessa",
]
# contact persons named and nothing else (invented names)
CONTACTS = [
    "Matti Virtanen",
    "Maija Mäkinen",
    "Liisa Korhonen.",
    "Pekka Virtanen",
    "Matti Korhonen ja Maija Virtanen",
]
# a surname that Voikko knows only as a place: grouped on, but the masker masks it
NIEMINEN = ["Tuula Nieminen", "Nieminen!", "Kari Nieminen.", "T. Nieminen", "Niemiselle kiitos"]
NOTHING = ["Yhteistyö toimii hyvin.", "Kaikki toimii", "-", "eos"]


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    texts = PERHEKESKUS + VARAUTUMINEN + TILAT + HOW_OFTEN + CONTACTS + NOTHING + NIEMINEN
    frame = pd.DataFrame({"respondent_id": [f"r{i:02d}" for i in range(len(texts))], "text": texts})
    return va.tag(frame)


@pytest.fixture(scope="module")
def clustered(survey: pd.DataFrame) -> Clustering:
    return cluster_statements(survey)


def cluster_of(result: Clustering, texts: list[str]) -> pd.Series:
    """The cluster row that holds every one of ``texts``."""
    found = result.assignments.loc[result.assignments["text"].isin(texts), "cluster"]
    assert len(found) == len(texts) and found.nunique() == 1, found
    return result.clusters.set_index("cluster").loc[found.iloc[0]]


def test_no_label_is_empty(clustered: Clustering) -> None:
    assert clustered.n_clusters >= 5
    labels = clustered.clusters["label"]
    assert labels.str.strip().ne("").all(), clustered.clusters[["cluster", "label", "size"]]
    assert clustered.assignments["cluster_label"].str.strip().ne("").all()


def test_a_cluster_of_stop_words_and_codes_is_named_by_its_code(clustered: Clustering) -> None:
    """ "Kaksi kertaa vuodessa" has only stop words; its code (meetings) says what it is about."""
    row = cluster_of(clustered, HOW_OFTEN)
    assert row["top_lemmas"] == []  # no word of these statements may head a cluster
    code = row["codes"][0]
    assert code.startswith("mech:")
    assert row["label"] == load_codebook().codes[code.split(":")[1]].name


def test_a_cluster_of_names_is_labelled_without_them(clustered: Clustering) -> None:
    row = cluster_of(clustered, NIEMINEN)
    assert row["label"] == NAMED_PEOPLE_LABEL
    words = {w.lower().strip(".!") for t in NIEMINEN for w in t.split()} | {"nieminen"}
    assert not words & set(row["label"].split())
    assert not words & set(row["top_lemmas"])


def test_statements_with_nothing_to_cluster_on_have_a_label(clustered: Clustering) -> None:
    """Nothing to cluster on: stop words only, a non-answer, or names of people only (no
    statement is grouped by a person's name: "Matti Virtanen" says nothing about cooperation)."""
    row = clustered.clusters.set_index("cluster").loc[NO_CLUSTER]
    assert row["size"] == len(NOTHING) + len(CONTACTS)
    assert row["label"] == NO_CLUSTER_LABEL
    outside = clustered.assignments[clustered.assignments["cluster"] == NO_CLUSTER]
    assert sorted(outside["text"]) == sorted(NOTHING + CONTACTS)
    assert set(outside["cluster_label"]) == {NO_CLUSTER_LABEL}


def test_clusters_with_words_keep_their_lemma_labels(clustered: Clustering) -> None:
    for texts, word in ((PERHEKESKUS, "perhekeskus"), (TILAT, "vuokra")):
        row = cluster_of(clustered, texts)
        assert word in row["label"].split(", "), row["label"]


def test_fallback_takes_the_first_code_with_a_name() -> None:
    names = {c: code.name for c, code in load_codebook().codes.items()}
    assert (
        fallback_label(["area:tuntematon", "mech:tapaamiset"], True, names) == (names["tapaamiset"])
    )
    assert fallback_label([], True, names) == NAMED_PEOPLE_LABEL
    assert fallback_label(["area:tuntematon"], False, names) == OTHER_LABEL


def test_a_codebook_of_ones_own_names_the_code_clusters(survey: pd.DataFrame) -> None:
    book = {"mechanisms": {"tapaamiset": {"name": "Tapaamisten tiheys"}}}
    row = cluster_of(cluster_statements(survey, codebook=book), HOW_OFTEN)
    assert row["label"] == "Tapaamisten tiheys"


def test_labels_leave_out_names_and_placeholders_and_capitalise_places() -> None:
    """Voikko knows "Nieminen" only as a place, "Annelle" alone lemmatises to "annella", and an
    answer masked before it came has "[NIMI]" (lemma "nimi"): none of them may head a cluster.
    Names of places and organisations keep their capitals; ordinary words stay lower case."""
    texts = []
    for i in range(6):
        texts.append(f"Kiitos Annelle, neuvolan palvelu on {i + 2}. vuotta ollut hyvää.")
        texts.append(f"Yhteyshenkilö Tuula Nieminen vastaa aina nopeasti, {i + 1}. kerta.")
        texts.append(f"[NIMI] hoitaa kiinteistöjen vuokrasopimukset jo {i + 3}. vuotta.")
        texts.append(f"THL:n ja Kelan tilastot ovat Jyväskylässä käytössä, {i + 1}. raportti.")
    result = cluster_statements(va.tag(pd.DataFrame({"text": texts})), n_clusters=4)
    words = shown_words(result)
    lower = {w.lower() for w in words}
    assert not lower & {"anne", "annella", "tuula", "nieminen", "nimi"}, words
    assert {"Jyväskylä", "THL", "neuvola", "vuokrasopimus", "yhteyshenkilö"} <= words
    assert all(w == w.lower() or w in {"Jyväskylä", "THL"} for w in words), words
    assert "nimi" in lower_words(cluster_statements(["Nimi ja osoite puuttuvat"] * 3))


def shown_words(result: Clustering) -> set[str]:
    """The words of every label and top lemma list, as shown."""
    words = {w for label in result.clusters["label"] for w in label.split(", ")}
    return words | {w for top in result.clusters["top_lemmas"] for w in top}


def lower_words(result: Clustering) -> set[str]:
    return {w.lower() for top in result.clusters["top_lemmas"] for w in top}


def test_a_proper_noun_keeps_its_capital_whatever_case_its_lemmas_have() -> None:
    # "lahti", a town or a bay, as the writers write it inside their sentences, whatever case
    # the lemmatiser gave it; "Tila" only began a sentence
    town = ["Tila on Lahdessa.", "Lahdessa neuvola on Lahden keskustassa."]
    bay = ["Veneet ovat lahdessa.", "Lahdessa ui joutsenia ja lahdella kalastetaan."]
    lists = [{"tila", "lahti"}, {"lahti", "neuvola", "keskusta"}]
    for lemmas in ([["Lahti", "tila"], ["lahti"], ["lahti"]], [["Tila", "lahti"]] * 3):
        written = capitalised_forms(lemmas)
        assert display_forms(["lahti", "tila"], written, town, lists) == {"lahti": "Lahti"}
        assert display_forms(["lahti", "tila"], written, bay, lists) == {}
    # Voikko knows "Helsinki" only with a capital; "maa" (also the Earth) is a common noun here
    texts = ["Helsingissä ja koko maassa."]
    found = display_forms(["helsinki", "maa"], {}, texts, [{"helsinki", "maa"}])
    assert found == {"helsinki": "Helsinki"}
    # an acronym that Voikko does not know, as the data writes it; "kela" Voikko knows only as a
    # common noun, "laine" as a common noun or a surname: lower case
    written = capitalised_forms([["THL", "Kela", "Laine"]])
    texts = ["Tietoa THL:ltä, Kelalta ja Laineelta."]
    found = display_forms(["thl", "kela", "laine"], written, texts, [{"thl", "kela", "laine"}])
    assert found == {"thl": "THL"}
    # a first name or surname written with its capital: not grouped on
    assert person_names(capitalised_forms([["Matti", "Virtanen", "Jyväskylä", "kivi"]])) == {
        "matti",
        "virtanen",
    }
    # lemmas that the caller gives in lower case are shown as the lemmatiser's would be
    result = cluster_statements(
        pd.DataFrame(
            {"text": ["Pirkanmaa ja ELY-keskus"] * 3, "lemmas": [["pirkanmaa", "ely-keskus"]] * 3}
        )
    )
    assert set(result.clusters.loc[0, "label"].split(", ")) == {"Pirkanmaa", "ELY-keskus"}
    # a word the lemmatiser does not know keeps the capital it began a sentence with: not shown
    typo = capitalised_forms([["Opiiskeluhuollo", "yhteistyö"]] * 3)
    texts = ["Opiiskeluhuollo ja yhteistyö."] * 3
    found = display_forms(["opiiskeluhuollo", "yhteistyö"], typo, texts, [{"yhteistyö"}] * 3)
    assert found == {}


def test_places_are_capitalised_alike_in_labels() -> None:
    """QA: "turku" stood beside "Ruotsi" in labels: the lemmatiser reads "Turussa" as the old
    common noun "turku" (a market place) but "Ruotsissa" as the country. A place keeps its
    capital in every label and top lemma, whichever reading the lemmatiser chose."""
    texts = []
    for i in range(4):
        texts.append(f"Turussa neuvolat ja koulut tekevät yhteistyötä, {i + 1}. vuotta.")
        texts.append(f"Turun neuvolat ovat esimerkki koko maalle {i + 2}. kertaa.")
        texts.append(f"Ruotsissa ikääntyneiden palvelut on järjestetty toisin, {i + 1}. malli.")
        texts.append(f"Ruotsin mallista opittiin ikääntyneiden palveluihin {i + 3}. kertaa.")
    result = cluster_statements(va.tag(pd.DataFrame({"text": texts})), n_clusters=2)
    words = shown_words(result)
    assert {"Turku", "Ruotsi"} <= words, words
    assert not {"turku", "ruotsi"} & words, words


def test_typos_head_no_cluster() -> None:
    """A label is made of lemmas: "yhtistyö" and "kaikik" are typos of words the data has more
    often (here stop words), so the cluster is named by what else its statements share."""
    texts = [
        "Yhtistyö pelastuslaitoksen kanssa toimii.",
        "Kaikik harjoitukset pelastuslaitoksen kanssa onnistuivat.",
        "Yhtistyö ja valmiussuunnittelu pelastuslaitoksen kanssa.",
        "Kaikik toimii pelastuslaitoksen kanssa!",
        "Yhteistyö toimii kaikki hyvin.",
        "Kaikki yhteistyö sujuu.",
        "Kaikki on hyvin ja yhteistyö toimii.",
    ]
    result = cluster_statements(va.tag(pd.DataFrame({"text": texts})), n_clusters=1)
    words = result.clusters.loc[0, "label"].split(", ") + result.clusters.loc[0, "top_lemmas"]
    assert "pelastuslaitos" in words
    assert not {"yhtistyö", "kaikik"} & set(words), words
    assert typo_terms(["yhtistyö", "kaikik", "pelastuslaitos", "hyte"], {"yhteistyö": 3}) == {
        "yhtistyö"
    }


def test_no_label_names_a_place_of_a_county_under_min_cell() -> None:
    """QA 3: a label "perhekeskus, koordinaattori, Kouvola" named a town of a county with two
    respondents, a county every table hides; its places stay out of labels and top lemmas."""
    from vastausanalyysi.clusters.labels import small_county_places
    from vastausanalyysi.respondents import resolve_region

    kymenlaakso = resolve_region("Kouvola")
    assert small_county_places({"kouvola", "perhekeskus"}, {"kouvola": "Kouvola"}, {kymenlaakso})
    assert not small_county_places({"kouvola"}, {"kouvola": "Kouvola"}, {resolve_region("Oulu")})
    texts = [f"Kouvolan perhekeskuksen koordinaattori auttaa {w}." for w in
             ("hyvin", "aina", "nopeasti", "usein", "joustavasti", "mielellään")]  # fmt: skip
    texts += [f"Oppilashuollon työnjako on {w}." for w in
              ("selkeä", "sovittu", "kirjattu", "tuttu", "toimiva", "hyvä")]  # fmt: skip
    counties = ["Kymenlaakso"] * 2 + ["Pirkanmaa"] * 10
    frame = pd.DataFrame(
        {
            "text": texts,
            "respondent_id": [f"r{i}" for i in range(12)],
            "county": counties,
            "areas": [["perhekeskus"]] * 6 + [["oppilashuolto"]] * 6,
            "mechanisms": [[]] * 6 + [["tyonjako"]] * 6,
        }
    )
    small = cluster_statements(frame, n_clusters=2)
    words = " ".join(small.clusters["label"]) + str(list(small.clusters["top_lemmas"]))
    assert "kouvola" not in words.lower()
    big = cluster_statements(frame.assign(county="Pirkanmaa"), n_clusters=2)
    assert "kouvola" in str(list(big.clusters["top_lemmas"])).lower()  # only the small county's


def test_spoken_function_words_are_no_label_words() -> None:
    # QA 5: "perhekeskus, kyl, loistavasti"
    texts = [
        "no kyl se perhekeskus pelaa iha hyvin",
        "kyl perhekeskus toimii, sit neuvola kans",
        "perhekeskus on just hyvä, kyl",
        "kyl meil perhekeskus pelittää",
        "perhekeskus toimii ny hyvin, kyl",
    ]
    clustering = cluster_statements(va.tag(pd.DataFrame({"text": texts})), n_clusters=1)
    words = {w.strip() for label in clustering.clusters["label"] for w in label.split(",")}
    assert "perhekeskus" in words
    assert not words & {"kyl", "iha", "sit", "kans", "just", "meil", "ny"}
