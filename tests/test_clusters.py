"""Tests of vastausanalyysi.clusters (real Voikko lemmas through the project's pipeline)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.clusters import NO_CLUSTER, NO_CLUSTER_LABEL, Clustering, cluster_statements
from vastausanalyysi.clusters import compound_terms as _compound_terms
from vastausanalyysi.errors import ClusteringError, VastausanalyysiError

PERHE = [
    "Perhekeskusyhteistyö toimii hyvin neuvolan kanssa.",
    "Perhekeskusmalli on selkeä ja neuvola palvelee perheitä.",
    "Neuvolan ja perhekeskuksen verkosto kokoontuu säännöllisesti.",
    "Perhekeskuksen kohtaamispaikka on perheiden suosiossa.",
    "Perhetyö ja neuvola tekevät tiivistä työtä lapsiperheiden kanssa.",
    "Perheneuvola ja perhekeskus tukevat vanhemmuutta.",
    "Perhekeskuksessa neuvolan palvelut ovat lähellä perheitä.",
    "Perhekeskusverkosto kokoaa lapsiperheiden palvelut yhteen.",
    "Neuvolapalvelut ja perhekeskus toimivat sujuvasti.",
    "Vanhemmuuden tuki perhekeskuksessa on vahvistunut.",
    "Perhekeskuksen toiminta on kehittynyt ja neuvolat ovat lähellä.",
    "Lapsiperheiden palvelut perhekeskuksessa ja neuvolassa sujuvat.",
]
VARAUTUMINEN = [
    "Varautuminen ja valmiussuunnittelu tehdään yhdessä pelastuslaitoksen kanssa.",
    "Pelastuslaitoksen kanssa harjoitellaan häiriötilanteita.",
    "Valmiusharjoitukset pelastuslaitoksen kanssa ovat onnistuneet.",
    "Varautumisessa ja valmiussuunnittelussa on yhteinen tilannekuva kriiseistä.",
    "Pelastustoimi ja valmiussuunnittelu ovat hyvässä vauhdissa.",
    "Poikkeusoloihin varautuminen on yhteistä pelastuslaitoksen kanssa.",
    "Valmiussuunnitelmat päivitetään pelastuslaitoksen kanssa.",
    "Kriiseihin varautuminen ja väestönsuojelu sujuvat.",
    "Kokonaisturvallisuus ja valmiusharjoitukset ovat vahvoja.",
    "Häiriötilanteiden valmiussuunnittelu etenee pelastuslaitoksen tuella.",
    "Pelastuslaitos osallistuu valmiusharjoituksiin aktiivisesti.",
    "Varautumisen valmiusryhmä kokoontuu pelastuslaitoksella.",
]
KIINTEISTO = [
    "Kiinteistöasiat ja vuokrasopimukset on sovittu.",
    "Vuokrakeskustelut kiinteistöistä ovat edenneet.",
    "Toimitilojen vuokrat on neuvoteltu kiinteistöjen osalta.",
    "Kiinteistöjen vuokrasopimukset ovat selkeitä.",
    "Tilaratkaisut ja kiinteistöjen vuokraus sujuvat.",
    "Terveysaseman kiinteistön vuokrasopimus uusittiin.",
    "Kiinteistöjen ylläpito ja vuokrat on sovittu selkeästi.",
    "Vuokrasopimusten neuvottelut kiinteistöistä onnistuivat.",
    "Tilaratkaisuista ja toimitiloista on sovittu vuokralaisen kanssa.",
    "Kiinteistöasioissa vuokranmaksu on selkeää.",
    "Rakennusten vuokrat ja kiinteistöasiat hoidetaan yhdessä.",
    "Kiinteistöjen vuokrakeskustelut ovat rakentavia.",
]
TOPICS = ["perhekeskus"] * 12 + ["varautuminen"] * 12 + ["kiinteistot"] * 12


def make_tagged(with_codes: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "respondent_id": [f"v{i:02d}" for i in range(36)],
            "text": PERHE + VARAUTUMINEN + KIINTEISTO,
        },
        index=pd.Index([f"s{i}" for i in range(36)], name="rivi"),
    )
    if with_codes:
        frame["areas"] = [[t] for t in TOPICS]
        frame["mechanisms"] = [["tapaamiset"] if i % 4 == 0 else [] for i in range(36)]
    return frame


@pytest.fixture(scope="module")
def text_only() -> Clustering:
    return cluster_statements(make_tagged(with_codes=False))


def topic_clusters(result: Clustering, topics: list[str] = TOPICS) -> dict[str, int]:
    """The majority cluster of each topic; checks that each topic has its own."""
    majority = {}
    for topic in ("perhekeskus", "varautuminen", "kiinteistot"):
        ids = result.assignments["cluster"].to_numpy()[np.array(topics) == topic]
        cluster, count = Counter(ids.tolist()).most_common(1)[0]
        assert count >= 11, (topic, ids)
        majority[topic] = cluster
    assert len(set(majority.values())) == 3
    return majority


def label_terms(result: Clustering, cluster: int) -> list[str]:
    label = result.clusters.set_index("cluster").loc[cluster, "label"]
    return label.split(", ")


def test_separable_statements_give_three_labelled_clusters(text_only: Clustering) -> None:
    assert text_only.n_clusters == 3
    assert text_only.method == "ward+kmeans"  # was "kmeans": a Ward cut refined by k-means
    majority = topic_clusters(text_only)
    varautuminen = label_terms(text_only, majority["varautuminen"])
    assert {"varautuminen", "varautua", "valmius", "pelastuslaitos"} & set(varautuminen)
    perhe = label_terms(text_only, majority["perhekeskus"])
    assert {"perhekeskus", "neuvola"} & set(perhe)
    kiinteisto = label_terms(text_only, majority["kiinteistot"])
    assert {"kiinteistö", "vuokra", "vuokrasopimus"} & set(kiinteisto)  # umlaut intact
    # labels are base forms: lemmas of the statements or of their compound parts
    lemmas = {x.lower() for doc in va.lemmatize(make_tagged()["text"]) for x in doc}
    derived = {t for ts in _compound_terms(lemmas).values() for t in ts}
    for terms in (varautuminen, perhe, kiinteisto):
        assert len(terms) == 3
        assert set(terms) <= lemmas | derived, terms
    assert "pelastuslaitoksen" not in varautuminen and "kiinteistöjen" not in kiinteisto


def test_clusters_table(text_only: Clustering) -> None:
    clusters = text_only.clusters
    assert clusters["cluster"].tolist() == [0, 1, 2]  # numbered by size, no -1 row needed
    assert clusters["size"].sum() == 36
    assert clusters["size"].is_monotonic_decreasing
    assert clusters["respondents"].tolist() == clusters["size"].tolist()  # one statement each
    assert clusters["share"].sum() == pytest.approx(1.0)
    assignments = text_only.assignments
    for _, row in clusters.iterrows():
        assert len(row["representatives"]) == 3
        assert len(set(row["representatives"])) == 3
        members = assignments[assignments["cluster"] == row["cluster"]]
        assert set(row["representatives"]) <= set(members["text"])
        for text, ids in zip(row["representatives"], row["representative_ids"], strict=True):
            assert ids == members.loc[members["text"] == text, "respondent_id"].tolist()
        assert row["representative_counts"] == [1, 1, 1]
        assert row["label"] == ", ".join(row["label"].split(", "))
        assert 3 <= len(row["top_lemmas"]) <= 10
    # representatives are the statements nearest the centroid
    first = clusters.iloc[0]
    members = assignments[assignments["cluster"] == first["cluster"]]
    best = members.sort_values("similarity", ascending=False, kind="stable")["text"][:3]
    assert first["representatives"] == best.tolist()


def test_codes_as_features_and_cluster_codes() -> None:
    result = cluster_statements(make_tagged())
    majority = topic_clusters(result)
    by_id = result.clusters.set_index("cluster")
    for topic, cluster in majority.items():
        assert by_id.loc[cluster, "codes"][0] == f"area:{topic}"
        assert by_id.loc[cluster, "code_counts"][f"area:{topic}"] >= 11
    assert "mech:tapaamiset" in by_id.loc[majority["perhekeskus"], "codes"]


def test_deterministic() -> None:
    first = cluster_statements(make_tagged(), random_state=7)
    second = cluster_statements(make_tagged(), random_state=7)
    pd.testing.assert_frame_equal(first.assignments, second.assignments)
    pd.testing.assert_frame_equal(first.clusters, second.clusters)
    assert first.silhouettes == second.silhouettes


def test_every_row_is_kept_and_empty_texts_get_minus_one() -> None:
    frame = make_tagged()
    extra = pd.DataFrame(
        {
            "respondent_id": ["t1", "t2", "t3"],
            "text": [None, "", "Hyvin."],  # "hyvin" is a stop word: nothing to cluster on
            "areas": [[], [], []],
            "mechanisms": [[], [], []],
        },
        index=pd.Index(["e1", "e2", "e3"], name="rivi"),
    )
    frame = pd.concat([frame.iloc[:6], extra, frame.iloc[6:]])
    result = cluster_statements(frame)
    assignments = result.assignments
    # one statement per row: every input row is there, in order, with its respondent
    assert assignments.index.equals(frame.index)
    assert assignments["source_index"].tolist() == frame.index.tolist()
    assert assignments["respondent_id"].tolist() == frame["respondent_id"].tolist()
    assert list(assignments.columns[:4]) == ["source_index", "respondent_id", "position", "text"]
    blank = assignments.set_index("source_index").loc[["e1", "e2", "e3"]]
    assert blank["cluster"].tolist() == [NO_CLUSTER] * 3
    assert blank["cluster_label"].tolist() == [NO_CLUSTER_LABEL] * 3
    assert blank["similarity"].isna().all()
    rest = assignments[~assignments["source_index"].isin(["e1", "e2", "e3"])]
    assert (rest["cluster"] >= 0).all()
    last = result.clusters.iloc[-1]
    assert (last["cluster"], last["size"], last["label"]) == (NO_CLUSTER, 3, NO_CLUSTER_LABEL)
    assert result.clusters["size"].sum() == len(frame)
    # one row per answer, same index as the input
    assert result.answers is not None and result.answers.index.equals(frame.index)
    assert result.answers.loc["e1", "cluster"] == NO_CLUSTER
    assert result.answers.loc["s0", "cluster"] == assignments["cluster"].iloc[0]


def test_small_sets_are_not_one_outlier_topic() -> None:
    texts = [PERHE[0], VARAUTUMINEN[0], PERHE[5], VARAUTUMINEN[2]]
    result = cluster_statements(texts)
    assert result.method == "agglomerative"
    clusters = result.assignments["cluster"].tolist()
    assert NO_CLUSTER not in clusters
    assert clusters[0] == clusters[2] != clusters[1] == clusters[3]
    assert "pelastuslaitos" in result.clusters.loc[clusters[1], "label"]
    one = cluster_statements([KIINTEISTO[0]])
    assert one.assignments["cluster"].tolist() == [0]
    assert "vuokrasopimus" in one.clusters.loc[0, "label"]
    none = cluster_statements([])
    assert none.n_clusters == 0 and none.assignments.empty


def test_names_of_places_are_not_split_into_parts() -> None:
    """ "Jyväskylä" is no "jyvänen" + "kylä"; a name of an organisation keeps its parts."""
    terms = _compound_terms(["jyväskylä", "seinäjoki", "perhekeskus", "kaupunginhallitus"])
    assert "jyväskylä" not in terms and "seinäjoki" not in terms
    assert {"perhe", "keskus"} <= set(terms["perhekeskus"])
    assert "hallitus" in terms["kaupunginhallitus"]


def test_compound_parts_join_statements() -> None:
    terms = _compound_terms(["perhekeskusyhteistyö", "valmiusharjoitus"])
    assert {"perhe", "keskus", "perhekeskus"} <= set(terms["perhekeskusyhteistyö"])
    assert "valmius" in terms["valmiusharjoitus"]
    # only the compound part "perhekeskus" links the first two
    texts = ["Perhekeskusyhteistyö on tiivistä.", "Perhekeskusmalli", "Pelastuslaitos harjoittelee"]
    joined = cluster_statements(texts)
    assert joined.assignments["cluster"].tolist()[:2] == [0, 0]
    assert joined.assignments["cluster"].iloc[2] != 0
    apart = cluster_statements(texts, compound_terms=False)
    assert len(set(apart.assignments["cluster"])) == 3


def test_lemmas_column_is_used_when_present() -> None:
    frame = pd.DataFrame(
        {
            "text": ["a", "b", "c", "d"],
            "lemmas": [["valmius", "kriisi"], ["valmius", "kriisi"], ["vuokra"], ["vuokra"]],
        }
    )
    result = cluster_statements(frame, compound_terms=False)
    assert result.assignments["cluster"].tolist() == [0, 0, 1, 1]
    assert set(result.clusters.loc[0, "label"].split(", ")) == {"valmius", "kriisi"}


def test_fixed_number_of_clusters() -> None:
    result = cluster_statements(make_tagged(), n_clusters=2)
    assert result.n_clusters == 2
    assert set(result.assignments["cluster"]) == {0, 1}


def test_scores_beside_clusters() -> None:
    frame = make_tagged()
    # the first respondent answers twice: counted once in the cluster's mean
    frame = pd.concat([frame, frame.iloc[[0]].set_axis(["dup"])])
    topics = [*TOPICS, "perhekeskus"]
    rows = []
    for i, rid in enumerate(frame["respondent_id"].unique()):
        rows.append((rid, "Säännölliset tapaamiset", {0: 5, 1: 1, 2: 3}[i // 12]))
        rows.append((rid, "Avoimuus", 2 + (i == 0) * 2))
    rows.append(("muu", "Avoimuus", 1))
    scores = pd.DataFrame(rows, columns=["respondent_id", "item", "value"])
    mapping = {"tapaamiset": "Säännölliset tapaamiset", "perhekeskus": "Avoimuus"}
    result = cluster_statements(frame, respondent_scores=scores, code_items=mapping)
    majority = topic_clusters(result, topics)
    by_id = result.clusters.set_index("cluster")
    perhe = by_id.loc[majority["perhekeskus"]]
    assert perhe["n_scored"] == 12
    assert perhe["score:Säännölliset tapaamiset"] == pytest.approx(5.0)
    assert perhe["score:Avoimuus"] == pytest.approx((4 + 11 * 2) / 12)
    assert perhe["linked_items"] == ["Avoimuus", "Säännölliset tapaamiset"]
    assert by_id.loc[majority["varautuminen"], "score:Säännölliset tapaamiset"] == 1.0
    assert result.overall_scores is not None
    assert result.overall_scores["Avoimuus"] == pytest.approx((4 + 35 * 2 + 1) / 37)
    # an item that fewer than min_cell respondents answered has no overall mean either
    few = pd.concat([scores, pd.DataFrame([("muu", "Harvinainen", 4)], columns=scores.columns)])
    rare = cluster_statements(frame, respondent_scores=few, items=["Avoimuus", "Harvinainen"])
    assert rare.overall_scores is not None and np.isnan(rare.overall_scores["Harvinainen"])
    assert rare.clusters["score:Harvinainen"].isna().all()
    with pytest.raises(ClusteringError, match="respondent id column 'respondent_id'"):
        cluster_statements(
            frame.drop(columns="respondent_id"), respondent_scores=scores, code_items=mapping
        )


def test_errors_name_the_bad_value() -> None:
    with pytest.raises(ClusteringError, match=r"n_clusters=50 is impossible for 36") as info:
        cluster_statements(make_tagged(), n_clusters=50)
    assert isinstance(info.value, VastausanalyysiError) and isinstance(info.value, ValueError)
    with pytest.raises(
        ClusteringError, match="n_clusters must be 'auto' or an integer, got 'many'"
    ):
        cluster_statements(make_tagged(), n_clusters="many")  # type: ignore[arg-type]
    with pytest.raises(ClusteringError, match=r"text column 'vastaus'.*'text'"):
        cluster_statements(make_tagged(), text_column="vastaus")
    bad = make_tagged()
    bad.at["s3", "areas"] = "hyte"
    with pytest.raises(ClusteringError, match=r"column 'areas', row 's3'"):
        cluster_statements(bad)
    with pytest.raises(ClusteringError, match="min_cluster_size must be a positive integer, got 0"):
        cluster_statements(make_tagged(), min_cluster_size=0)


def test_one_hidden_cluster_mean_hides_a_second() -> None:
    """QA 6 #2: the clusters of one-answer respondents add up to the item's respondents (shown
    elsewhere), so one hidden cluster mean beside shown ones would be their difference."""
    frame = make_tagged()
    ids = frame["respondent_id"].tolist()
    perhe = [rid for rid, topic in zip(ids, TOPICS, strict=True) if topic == "perhekeskus"]
    # only 4 of perhekeskus's 12 respondents scored the item; everyone else did
    rows = [(rid, "Avoimuus", 1 + k % 5) for k, rid in enumerate(ids) if rid not in perhe[4:]]
    scores = pd.DataFrame(rows, columns=["respondent_id", "item", "value"])
    result = cluster_statements(frame, respondent_scores=scores, items=["Avoimuus"])
    majority = topic_clusters(result)
    table = result.clusters.set_index("cluster")
    hidden = table["score:Avoimuus"].isna()
    assert hidden[majority["perhekeskus"]]
    assert hidden.sum() >= 2
    assert table.loc[hidden, "n:Avoimuus"].isna().all()
    shown = table[~hidden]
    left = len(scores) - int(shown["n:Avoimuus"].sum())
    assert left > 4  # more than the small cluster's respondents are left
    # with min_cell 1 nothing is hidden: the rule hides only because of the small cluster
    everything = cluster_statements(
        frame, respondent_scores=scores, items=["Avoimuus"], min_cell=1
    ).clusters
    assert everything["score:Avoimuus"].notna().all()


NEUTRAL = [  # team-written: sixteen sentences that share no content word
    "Tilanne on parantunut viime vuodesta.",
    "Olemme tyytyväisiä nykyiseen malliin.",
    "Uusi käytäntö otettiin käyttöön keväällä.",
    "Kokemukset ovat olleet myönteisiä.",
    "Syksyllä arvioimme tuloksia tarkemmin.",
    "Henkilöstö on sitoutunut muutokseen.",
    "Aikataulu piti lähes täysin.",
    "Rahoitus riitti suunniteltuihin toimiin.",
    "Palautetta kerättiin asukkailta kyselyllä.",
    "Seuraava vaihe alkaa ensi vuonna.",
    "Sopimus allekirjoitettiin joulukuussa.",
    "Raportti valmistui määräajassa.",
    "Johtoryhmä käsitteli esityksen.",
    "Kustannukset pysyivät arviossa.",
    "Ohjeistus päivitettiin intranetiin.",
    "Mittarit näyttävät vakaata kehitystä.",
]


def test_areas_lead_mechanisms_follow() -> None:
    """A statement's area weighs more than its mechanism: with two clusters, statements split by
    what they are about, not by how; a larger mechanism weight splits them by mechanism."""
    areas = ["perhekeskus", "kiinteistot"] * 8
    mechanisms = ["tapaamiset"] * 4 + ["tietopohja"] * 4 + ["tapaamiset"] * 4 + ["tietopohja"] * 4
    frame = pd.DataFrame(
        {
            "respondent_id": [f"n{i}" for i in range(16)],
            "text": NEUTRAL,
            "areas": [[a] for a in areas],
            "mechanisms": [[m] for m in mechanisms],
        }
    )

    def split_by(values: list[str], **options: float) -> bool:
        clusters = cluster_statements(frame, n_clusters=2, **options).assignments["cluster"]
        pairs = set(zip(values, clusters.tolist(), strict=True))
        return len(pairs) == 2 and len({c for _, c in pairs}) == 2

    assert split_by(areas)
    assert not split_by(mechanisms)
    assert split_by(mechanisms, mechanism_weight=2.0)


def test_score_means_of_few_respondents_are_hidden() -> None:
    """README: mean scores of fewer than min_cell respondents are hidden like counts (QA 3: a
    cluster of 4 respondents showed its mean 3.25)."""
    frame = make_tagged()
    ids = list(frame["respondent_id"].unique())
    # 4 respondents rated "Avoimuus", everyone rated "Säännölliset tapaamiset"
    rows = [(rid, "Säännölliset tapaamiset", 3 + (k % 2)) for k, rid in enumerate(ids)]
    rows += [(rid, "Avoimuus", 4) for rid in ids[:4]]
    scores = pd.DataFrame(rows, columns=["respondent_id", "item", "value"])
    mapping = {"tapaamiset": "Säännölliset tapaamiset", "perhekeskus": "Avoimuus"}
    result = cluster_statements(frame, respondent_scores=scores, code_items=mapping)
    table = result.clusters
    assert table["score:Avoimuus"].isna().all()  # never 4 respondents' mean
    assert table["score:Säännölliset tapaamiset"].notna().any()
    # with min_cell 1 the same means are shown
    shown = cluster_statements(frame, respondent_scores=scores, code_items=mapping, min_cell=1)
    assert shown.clusters["score:Avoimuus"].notna().any()
    assert (shown.clusters["score:Avoimuus"].dropna() == 4).all()
    # a cluster of fewer than min_cell scored respondents hides its n_scored too
    small = cluster_statements(frame, respondent_scores=scores, code_items=mapping, min_cell=50)
    assert small.clusters["n_scored"].isna().all()
    assert small.clusters["score:Säännölliset tapaamiset"].isna().all()
