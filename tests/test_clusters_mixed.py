"""A cluster whose label names only a minority of its statements is called a mixed group
(``label_share``, ``clusters.labels.is_mixed``), in the clusters table and the report (real
Voikko, spaCy and the shipped tagger; statements written by the team)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

import vastausanalyysi as va
from vastausanalyysi.clusters import cluster_statements
from vastausanalyysi.clusters.labels import (
    MIXED_LABEL_SHARE,
    MIXED_MIN_SIZE,
    is_mixed,
    label_share,
    normalise_term,
)
from vastausanalyysi.report.questions import Theme

PERHEKESKUS = [
    "Perhekeskuksen yhteistyö neuvolan kanssa toimii hyvin.",
    "Perhekeskuksen kohtaamispaikka kirjastossa on ollut menestys.",
    "Neuvola ja varhaiskasvatus löytävät toisensa perhekeskuksessa.",
    "Perhekeskustoiminta on lähtenyt hyvin käyntiin.",
    "Perhekeskuksen verkostotapaamiset kerran kuussa toimivat.",
    "Perhekeskuksen ohjausryhmässä on kunnan edustaja.",
    "Perhekeskus on hyvä esimerkki yhteisestä työstä.",
    "Perhekeskuksen palveluohjaus toimii.",
    "Perhekeskuksessa kunta ja alue tekevät yhdessä.",
    "Perhekeskuksen tilat ovat kunnan koululla.",
    "Perhekeskuksen avoin kohtaamispaikka on suosittu.",
    "Perhekeskuksen työntekijät tuntevat toisensa.",
]
# one statement each on a different matter: no word is shared by many of them
SCATTERED = [
    "Talousarvion aikataulu oli tiukka.",
    "Vanhusneuvosto kokoontui kahdesti.",
    "Liikuntapaikkojen vuorot jaettiin nopeasti.",
    "Kirjaston aukioloajat pidennettiin.",
    "Joukkoliikenteen reitit muuttuivat keväällä.",
    "Ympäristövalvonnan tarkastukset tehtiin ajallaan.",
    "Kotoutumisohjelma hyväksyttiin.",
    "Nuorisovaltuusto antoi lausunnon.",
    "Työllisyyspalvelujen asiakasmäärä kasvoi.",
    "Rakennuslupien käsittely nopeutui.",
    "Vesihuollon investoinnit siirtyivät.",
    "Kulttuuriavustukset myönnettiin.",
]


def test_label_share_counts_statements_with_a_label_term() -> None:
    # rows: distinct statements (weights: how many each stands for); columns: terms
    binary = sparse.csr_matrix(np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]], dtype=float))
    weights = np.array([2.0, 1.0, 3.0, 1.0])
    assert label_share(binary, weights, [0]) == 3 / 7
    assert label_share(binary, weights, [0, 1]) == 4 / 7
    assert label_share(binary, weights, []) == 0.0


def test_is_mixed_needs_a_low_share_and_enough_statements() -> None:
    assert is_mixed(MIXED_LABEL_SHARE - 0.01, MIXED_MIN_SIZE)
    assert not is_mixed(MIXED_LABEL_SHARE, MIXED_MIN_SIZE)
    assert not is_mixed(0.0, MIXED_MIN_SIZE - 1)  # three words cover a small cluster well
    assert not is_mixed(float("nan"), 100)  # a code's name as label: not measured


def test_a_catch_all_cluster_is_marked_and_its_share_is_true() -> None:
    tagged = va.tag(pd.DataFrame({"text": PERHEKESKUS + SCATTERED}))
    clustering = cluster_statements(tagged, n_clusters=2)
    clusters = clustering.clusters.set_index("cluster")
    shares = clusters["label_share"]
    focused = shares.idxmax()
    assert "perhekeskus" in clusters.at[focused, "label"]
    assert shares[focused] >= 0.9
    scattered = shares.idxmin()
    assert is_mixed(shares[scattered], int(clusters.at[scattered, "size"]))
    # recomputed from the statements' own lemmas and compound parts
    assigned = clustering.assignments
    words = {normalise_term(w) for w in clusters.at[scattered, "label"].split(", ")}
    members = assigned[assigned["cluster"] == scattered]
    lemmas = dict(zip(tagged.index, tagged["lemmas"], strict=True))
    with_word = [
        any(w in normalise_term(lemma) for lemma in lemmas[i] for w in words)
        for i in members["source_index"]
    ]
    assert shares[scattered] == round(sum(with_word) / len(members), 4)


def test_the_report_says_a_mixed_group_is_mixed() -> None:
    theme = Theme(1, "talous, vuoro", 40, 38, 0.2, [], [], label_share=0.14)
    assert theme.mixed_note == "sekalainen ryhmä: otsikon sanoja vain 14 %:ssa lausumista"
    assert Theme(1, "perhekeskus", 40, 38, 0.2, [], [], label_share=0.9).mixed_note == ""
    assert Theme(None, "Ei ryhmiteltävissä", 40, 38, 0.2, [], [], label_share=0.0).mixed_note == ""


def test_the_report_lists_a_mixed_group_after_the_others() -> None:
    from vastausanalyysi.report.model import build_model

    extra = [
        "Jätehuollon sopimus uusittiin.",
        "Katuvalaistus korjattiin syksyllä.",
        "Torimyynti alkoi toukokuussa.",
        "Uimahallin remontti valmistui.",
    ]
    frame = pd.DataFrame({"text": PERHEKESKUS + SCATTERED + extra})
    frame["respondent_id"] = [f"R{i}" for i in range(len(frame))]
    tagged = va.tag(frame)
    clustering = cluster_statements(tagged, n_clusters=2)
    table = clustering.clusters
    first = table.iloc[0]
    assert is_mixed(first["label_share"], int(first["size"]))  # the largest: cluster 0
    model = build_model(tagged, None, clustering, None, "t", None, False, questions=False)
    themes = [t for t in model.overall.themes if t.number is not None]
    assert "perhekeskus" in themes[0].label and not themes[0].mixed_note
    assert themes[-1].mixed_note.startswith("sekalainen ryhmä")
    assert [t.number for t in themes] == [1, 2]
