"""Statements, the polarity and question filters, quotes, labels and representatives of clusters
(real Voikko, spaCy, the shipped tagger and the PII masker; texts written by the team)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.clusters import (
    NO_CLUSTER,
    SMALL_GROUPS_LABEL,
    cluster_statements,
    compound_terms,
    finnish_stop_words,
    split_statements,
    split_text,
)
from vastausanalyysi.errors import ClusteringError

TWO_THINGS = "Perhekeskus toimii hyvin. Kiinteistöjen vuokrat ovat jatkuva riita."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TWO_THINGS, ["Perhekeskus toimii hyvin.", "Kiinteistöjen vuokrat ovat jatkuva riita."]),
        (
            "• Säännölliset tapaamiset • Yhteinen tilannekuva",
            ["Säännölliset tapaamiset", "Yhteinen tilannekuva"],
        ),
        ("1. Tapaamiset\n2. Tiedonkulku\n3) Vuokrat", ["Tapaamiset", "Tiedonkulku", "Vuokrat"]),
        ("- neuvola\n- koulukuraattori", ["neuvola", "koulukuraattori"]),
        ("tiedonkulku; vuokrat; varautuminen", ["tiedonkulku", "vuokrat", "varautuminen"]),
        (
            "elintarvikevalvonta, eläinlääkäripalvelut",
            ["elintarvikevalvonta", "eläinlääkäripalvelut"],
        ),
        ("Perhekeskus, neuvola ja koulu.", ["Perhekeskus", "neuvola", "koulu"]),
        ("koulut, sosiaali- ja terveyspalvelut", ["koulut", "sosiaali- ja terveyspalvelut"]),
        # a sentence that starts with a formula sign or a mention (QA, 2026-12-07)
        (
            "Kiitos kyselystä! @kaikki: asiakasohjaus on sekavaa.",
            ["Kiitos kyselystä!", "@kaikki: asiakasohjaus on sekavaa."],
        ),
    ],
)
def test_answers_split_into_sentences_and_list_items(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tapaamiset ovat säännöllisiä, avoimia ja hyviä.",  # a finite verb: a sentence, not a list
        "Mm. neuvola ja esim. koulu toimivat hyvin yhdessä.",  # abbreviations end no sentence
        "Yhteistyötä on tehty 2. asteen koulutuksessa.",
        "Palaverit, joissa käydään asiat läpi, ovat hyödyllisiä.",
        # a lead-in says what the answer holds of every item: one statement
        "Eri yhdyspinnoilla onnistumisia: perhekeskukset, opiskeluhuolto, hyte, varautuminen",
    ],
)
def test_sentences_with_commas_and_abbreviations_stay_whole(text: str) -> None:
    assert split_text(text) == [text]


def test_empty_and_contentless_answers_stay_one_statement() -> None:
    assert split_text(None) == [""]
    assert split_text("   ") == [""]
    assert split_text("-") == ["-"]
    table = split_statements(["A on hyvä. B on huono.", None, "C"])
    assert table["source_index"].tolist() == [0, 0, 1, 2]
    assert table["position"].tolist() == [0, 1, 0, 0]


def test_two_sentences_about_two_things_are_two_statements_with_their_own_tags() -> None:
    tagged = va.tag(pd.DataFrame({"respondent_id": ["v1", "v2"], "text": [TWO_THINGS, "Neuvola."]}))
    assert tagged.loc[0, "polarity"] == "mixed"  # the whole answer is mixed
    result = cluster_statements(tagged, split=True)
    rows = result.assignments[result.assignments["source_index"] == 0]
    assert rows["position"].tolist() == [0, 1]
    assert rows["respondent_id"].tolist() == ["v1", "v1"]
    assert rows["polarity"].tolist() == ["works", "problem"]
    assert result.answers is not None
    assert result.answers.loc[0, "n_statements"] == 2
    assert result.answers.loc[0, "clusters"] == list(dict.fromkeys(rows["cluster"]))


def test_what_works_keeps_no_problem_statement() -> None:
    texts = [
        TWO_THINGS,
        "Oppilashuollon resurssit eivät riitä.",
        "Tiedonkulku on heikkoa.",
        "Säännölliset tapaamiset toimivat hyvin.",
        "Neuvolan ja perhekeskuksen yhteistyö sujuu hyvin.",
        "Valmiusharjoitukset pelastuslaitoksen kanssa ovat onnistuneet.",
        "Kiinteistöjen vuokrista on jatkuvaa riitaa.",
    ]
    tagged = va.tag(pd.DataFrame({"respondent_id": [f"v{i}" for i in range(7)], "text": texts}))
    works = cluster_statements(tagged, polarity=("works", "mixed"), split=True)
    assert set(works.assignments["polarity"]) <= {"works", "mixed"}
    assert not works.assignments["text"].str.contains("riita|resurssit|Tiedonkulku").any()
    assert "Perhekeskus toimii hyvin." in works.assignments["text"].tolist()
    assert works.excluded is not None
    assert set(works.excluded["polarity"]) == {"problem"}
    assert set(works.excluded["reason"]) == {"polarity"}
    total = len(split_statements(texts))
    assert len(works.assignments) + len(works.excluded) == total  # nothing silently dropped
    needs = cluster_statements(tagged, polarity=("problem", "mixed"), split=True)
    assert "Tiedonkulku on heikkoa." in needs.assignments["text"].tolist()
    assert "works" not in set(needs.assignments["polarity"])
    # untagged texts are tagged when a polarity is asked for
    plain = cluster_statements(texts, polarity="works", split=True)
    assert set(plain.assignments["polarity"]) == {"works"}


def test_question_filter_and_its_errors() -> None:
    frame = pd.DataFrame(
        {
            "text": ["Tapaamiset toimivat.", "Vuokrat riitelyttävät.", "Neuvola toimii."],
            "question": ["toimii", "haasteet", "toimii"],
        }
    )
    result = cluster_statements(frame, question="toimii")
    assert result.assignments["source_index"].tolist() == [0, 2]
    assert result.assignments.index.tolist() == [0, 2]  # indexed by the input rows
    assert result.excluded is not None and result.excluded["reason"].tolist() == ["question"]
    with pytest.raises(ClusteringError, match="needs the column 'kysymys'"):
        cluster_statements(frame, question="toimii", question_column="kysymys")
    with pytest.raises(ClusteringError, match="polarity must be one or more of"):
        cluster_statements(frame, polarity="good")
    with pytest.raises(ClusteringError, match=r"column 'text', row 1: expected text, got int"):
        cluster_statements(pd.DataFrame({"text": ["Neuvola.", 5]}))


def test_identical_statements_are_one_quote_with_every_respondent() -> None:
    same = [
        "Säännölliset tapaamiset toimivat.",
        "säännölliset tapaamiset toimivat",
        "Toimivat säännölliset tapaamiset!",
    ]
    other = [
        "Perhekeskuksen neuvola palvelee perheitä.",
        "Neuvola ja perhekeskus tekevät yhteistyötä.",
        "Pelastuslaitoksen kanssa harjoitellaan.",
        "Valmiusharjoitukset pelastuslaitoksen kanssa.",
        "Kiinteistöjen vuokrat on sovittu.",
        "Vuokrasopimukset kiinteistöistä ovat selkeitä.",
    ]
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c", *"defghi"], "text": same + other})
    result = cluster_statements(frame)
    quotes = result.assignments["quote"].tolist()
    assert quotes[0] == quotes[1] == quotes[2] and len(set(quotes)) == 7
    row = result.clusters.set_index("cluster").loc[result.assignments["cluster"].iloc[0]]
    position = [i for i, t in enumerate(row["representatives"]) if "apaamiset" in t]
    assert len(position) == 1  # shown once ...
    assert row["representative_counts"][position[0]] == 3  # ... as "3 vastaajaa"
    assert row["representative_ids"][position[0]] == ["a", "b", "c"]
    for reps in result.clusters["representatives"]:
        assert len(reps) == len(set(reps))


def test_labels_are_lemmas_without_punctuation_or_markup() -> None:
    texts = [
        "Mm. neuvola ja esim. perhekeskus toimivat, mm. kohtaamispaikka.",
        "Esim. neuvola palvelee perheitä hyvin.",
        "Perhekeskusyhteistyö neuvolan kanssa toimii mm. tapaamisin.",
        "<script>alert(1)</script> Pelastuslaitoksen kanssa harjoitellaan.",
        "Valmiusharjoitukset <b>pelastuslaitoksen</b> kanssa.",
        "Pelastuslaitos ja valmiussuunnittelu, esim. harjoitukset.",
    ]
    result = cluster_statements(texts, split=True)
    stop = finnish_stop_words()
    assert {"mm", "esim"} <= stop
    for label in result.clusters["label"]:
        words = label.split(", ")
        assert 2 <= len(words) <= 3, label
        for word in words:
            assert re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word), word
            assert word not in stop and word == word.lower()
    assert not any("script" in t or "alert" in t for t in result.clusters["top_lemmas"].sum())


def test_compound_parts_are_words_never_fragments() -> None:
    terms = compound_terms(["perhekeskusyhteistyö", "oppilashuoltoryhmä"])
    assert {"perhe", "keskus", "yhteistyö", "perhekeskus"} <= set(terms["perhekeskusyhteistyö"])
    assert "keskusyhteistyö" not in terms["perhekeskusyhteistyö"]
    assert "oppilashuolto" in terms["oppilashuoltoryhmä"]
    assert "huoltoryhmä" not in terms["oppilashuoltoryhmä"]
    # a sequence the data itself uses as a word counts as a word
    attested = compound_terms(["perhekeskusyhteistyö"], attested=["keskusyhteistyö"])
    assert "keskusyhteistyö" in attested["perhekeskusyhteistyö"]


def test_representatives_are_masked_and_small_groups_give_none() -> None:
    big = [f"Neuvolan ja perhekeskuksen yhteistyö toimii hyvin {i}. kerralla." for i in range(6)]
    texts = [*big, "Soita Matti Meikäläiselle neuvolan asioista, matti.meikalainen@example.fi."]
    frame = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(7)],
            "text": texts,
            "group": ["Kunnanjohtajat"] * 6 + ["Muut"],
            "county": ["Pirkanmaa"] * 3 + ["Satakunta"] * 4,
        }
    )
    result = cluster_statements(frame, group_column="group", n_clusters=1, n_representatives=7)
    row = result.clusters.iloc[0]
    assert not any("Meikäläiselle" in r or "example.fi" in r for r in row["representatives"])
    assert all(i != ["r6"] for i in row["representative_ids"])  # the one-person group is hidden
    # a cell of 1 is suppressed, and the only other one with it: 7 respondents minus a shown 6
    # would give the hidden 1 (secondary suppression)
    assert row["by_group"] == {"Kunnanjohtajat": None, "Muut": None}
    assert row["by_county"] == {"Satakunta": None, "Pirkanmaa": None}  # 4 and 3 < MIN_CELL
    unruled = cluster_statements(
        frame.drop(columns="group"), county_column=None, n_clusters=1, n_representatives=7
    )
    masked = [r for r in unruled.clusters.iloc[0]["representatives"] if "neuvolan asioista" in r]
    assert masked and "Meikäläiselle" not in masked[0] and "example.fi" not in masked[0]


def test_quotes_follow_the_small_group_rule_by_group_and_by_county_by_default() -> None:
    """Without options, a survey frame's coarse group and county decide: no quote from a
    respondent whose group or whose county has fewer than MIN_CELL respondents (a county of
    unknown respondents counts like any other)."""
    n = 14
    frame = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(n)],
            "text": [
                f"Neuvolan ja perhekeskuksen yhteistyö toimii hyvin {i}. kerralla."
                for i in range(n)
            ],
            "coarse_group": ["Kunnanjohtajat"] * 10
            + ["Puheenjohtajat"] * 2
            + ["Kunnanjohtajat"] * 2,
            "region": ["Pirkanmaa"] * 6 + [None] * 5 + ["Pirkanmaa"] + ["Kainuu"] * 2,
        }
    )
    result = cluster_statements(frame, n_clusters=1, n_representatives=n)
    shown = {i for ids in result.clusters.iloc[0]["representative_ids"] for i in ids}
    # r10, r11: Puheenjohtajat (2); r12, r13: Kainuu (2); r6–r10 have no county (5: shown)
    assert shown == {f"r{i}" for i in range(10)}
    row = result.clusters.iloc[0]
    # the small group hidden, and the other too (its 12 and the total would give the small one)
    assert row["by_group"] == {"Kunnanjohtajat": None, "Puheenjohtajat": None}
    off = cluster_statements(
        frame, group_column=None, county_column=None, n_clusters=1, n_representatives=n
    )
    assert len(off.clusters.iloc[0]["representatives"]) == n
    # a wording that a small group shares with others is quoted, without their ids
    frame["text"] = "Perhekeskuksen yhteistyö toimii hyvin."
    shared = cluster_statements(frame, n_clusters=1).clusters.iloc[0]
    assert shared["representatives"] == ["Perhekeskuksen yhteistyö toimii hyvin."]
    assert shared["representative_ids"] == [sorted(f"r{i}" for i in range(10))]
    assert shared["representative_counts"] == [n]


def test_a_small_groups_cluster_publishes_nothing_of_theirs() -> None:
    """QA 4 (2026-12-07): a cluster whose respondents all came from one group of four showed
    its label, codes and size 4 beside a make-up of that group alone — the count the tables
    hide. Such a cluster stays (no statement is lost) with nothing of theirs; and a word that
    only small groups' statements give is no label or top lemma of a mixed cluster either."""
    frame = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(22)],
            "text": ["Perhekeskuksen yhteistyö toimii hyvin."] * 6
            + ["Tiedonkulku ei toimi lainkaan."] * 6
            + ["Hyten koordinaattori tekee hyvää työtä."] * 6
            + ["Varautumisen harjoitukset sirkusteltassa olivat hyödyllisiä."] * 4,
            "group": ["A"] * 6 + ["B"] * 6 + ["C"] * 6 + ["D"] * 4,
        }
    )
    result = cluster_statements(frame, group_column="group", county_column=None)
    table = result.clusters
    closed = table[table["label"] == SMALL_GROUPS_LABEL]
    assert len(closed) == 1
    row = closed.iloc[0]
    assert pd.isna(row["size"]) and pd.isna(row["respondents"]) and pd.isna(row["share"])
    assert row["codes"] == [] and row["code_counts"] == {} and row["top_lemmas"] == []
    assert row["representatives"] == [] and row["by_group"] == {"D": None}
    # its statements keep their rows, in that cluster
    assert (result.assignments["cluster"] == row["cluster"]).sum() == 4
    words = " ".join(str(v) for v in table[["label", "top_lemmas"]].to_numpy().ravel())
    assert "sirku" not in words and "varautu" not in words, words
    # the other clusters keep whole-number counts; their shares leave it out (else 18 / 22
    # would give its 4), and its id is the last (an id by size would bound its size)
    open_ = table[table["label"] != SMALL_GROUPS_LABEL]
    assert open_["size"].tolist() == [6, 6, 6]
    assert abs(open_["share"].sum() - 1.0) < 1e-9
    assert row["cluster"] == table["cluster"].max()
    # in one cluster with others, the small group's words are not the heading
    mixed = cluster_statements(frame, group_column="group", county_column=None, n_clusters=1)
    first = mixed.clusters.iloc[0]
    assert "sirkusteltta" not in first["top_lemmas"] and "harjoitus" not in first["top_lemmas"]
    assert first["respondents"] == 22


def test_the_small_group_rule_counts_all_input_statements_not_the_selected() -> None:
    """README: the small groups are those of all the input's statements, before ``polarity``
    selects some (QA 5: a report's parts were all "pienten ryhmien vastauksia" when each
    group had fewer than five respondents among one part's statements)."""
    works = "Perhekeskuksen yhteistyö toimii hyvin."
    problem = "Tiedonkulku ei toimi lainkaan."
    frame = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(12)],
            "text": [works, works, problem, problem, problem, problem] * 2,
            "polarity": ["works", "works", "problem", "problem", "problem", "problem"] * 2,
            "group": ["A"] * 6 + ["B"] * 6,
        }
    )
    picked = cluster_statements(frame, group_column="group", county_column=None, polarity=["works"])
    table = picked.clusters
    assert SMALL_GROUPS_LABEL not in table["label"].tolist()  # 6 respondents each, 2 selected
    assert table["representatives"].iloc[0] == [works]


def test_labels_and_top_lemmas_leave_out_names_of_people() -> None:
    """A name that many statements of a cluster share would be its best label word; lemmas are
    lower case and out of context, so the masker decides on the statements themselves."""
    texts = []
    for i in range(8):
        texts.append(f"Perhekeskuksen yhteyshenkilö Matti Virtanen vastaa nopeasti {i}. kerralla.")
        texts.append(
            f"Vuokrista on kiistaa, ja neuvottelut ovat jumissa, kertoo Liisa Korhonen {i}."
        )
        texts.append(f"Jyväskylän koulujen kuraattorit eivät riitä {i}. vuonna peräkkäin.")
        texts.append(f"Laine hoitaa asian, ja kivi jäi kääntämättä {i}. kerran.")
    frame = va.tag(pd.DataFrame({"text": texts}))
    result = cluster_statements(frame, n_clusters=4)
    words = {w for label in result.clusters["label"] for w in label.split(", ")}
    words |= {w for top in result.clusters["top_lemmas"] for w in top}
    assert not {w.lower() for w in words} & {"matti", "virtanen", "liisa", "korhonen", "laine"}
    # place names and ordinary words stay: "Jyväskylä" is no person, nor is a stone ("kivi");
    # a place keeps the capital of its name
    assert {"Jyväskylä", "kuraattori", "perhekeskus", "kivi"} <= words, words


def test_without_an_id_column_quotes_name_their_rows_not_respondents() -> None:
    result = cluster_statements(
        pd.Series(["Neuvola toimii. Koulu toimii.", "Tilat ovat hyvät."]), split=True, n_clusters=2
    )
    assert result.assignments["source_index"].tolist() == [0, 0, 1]
    assert result.assignments["respondent_id"].isna().all()
    for ids, sources in zip(
        result.clusters["representative_ids"],
        result.clusters["representative_sources"],
        strict=True,
    ):
        assert all(i == [] for i in ids) and all(s in ([0], [1]) for s in sources)
    for _, row in result.clusters.iterrows():  # the rows stand for the respondents
        members = result.assignments[result.assignments["cluster"] == row["cluster"]]
        assert row["respondents"] == members["source_index"].nunique()


def test_nothing_to_cluster_is_flagged_not_dropped() -> None:
    result = cluster_statements(["", "Mm.", "Neuvola palvelee."], split=True)
    assert result.assignments["cluster"].tolist() == [NO_CLUSTER, NO_CLUSTER, 0]
    assert result.clusters.iloc[-1]["cluster"] == NO_CLUSTER
    assert result.clusters.iloc[-1]["size"] == 2


def test_clusters_by_group_clusters_each_group_apart() -> None:
    from vastausanalyysi.clusters import clusters_by_group

    frame = pd.DataFrame(
        {
            "text": ["Neuvola palvelee.", "Perhekeskus toimii.", "Vuokrat sovittu.", "Tilat."],
            "group": ["a", "a", "b", "b"],
        }
    )
    result = clusters_by_group(frame, "group")
    assert sorted(result) == ["a", "b"]
    assert result["b"].assignments["text"].tolist() == ["Vuokrat sovittu.", "Tilat."]
    with pytest.raises(ClusteringError, match="by column 'ryhmä'"):
        clusters_by_group(frame, "ryhmä")


def test_labels_name_things_before_what_happened_to_them() -> None:
    """A heading is made of nouns first: "tiedonkulku" heads the cluster although the verb
    "vahvistua" is in more of its statements (team-written)."""
    from vastausanalyysi.clusters.labels import is_noun

    assert is_noun("tiedonkulku") and is_noun("varautuminen") and is_noun("toimivuus")
    assert not is_noun("vahvistua") and not is_noun("selkeä")
    texts = [
        "Tiedonkulku on vahvistunut selvästi.",
        "Tiedonkulku koulujen kanssa vahvistui.",
        "Tiedonkulku vahvistui viime syksynä.",
        "Tiedonkulku sosiaalitoimen kanssa on vahvistunut.",
        "Yhteydenpito vahvistui uuden kanavan myötä.",
        "Kokousten ansiosta luottamus vahvistui.",
        "Vuokrasopimukset ovat selkeitä.",
        "Vuokrasopimus terveysasemasta uusittiin.",
        "Vuokrasopimusten ehdot neuvoteltiin.",
        "Vuokrasopimuksista sovittiin kiinteistöittäin.",
        "Vuokrasopimus koulun tiloista on voimassa.",
        "Vuokrasopimukset käytiin läpi kevään aikana.",
    ]
    result = cluster_statements(texts, n_clusters=2)
    cluster = result.assignments["cluster"].iloc[0]
    assert (result.assignments["cluster"].iloc[:6] == cluster).all()
    row = result.clusters.set_index("cluster").loc[cluster]
    assert "vahvistua" in row["top_lemmas"]
    words = row["label"].split(", ")
    assert words[0] == "tiedonkulku", row["label"]


def test_non_answers_form_no_cluster() -> None:
    """ "eos", "Ei kommentteja." and thanks for the survey have nothing to cluster on."""
    texts = ["Eos", "Ei kommentteja.", "Kiitos kyselystä!", "x", "En osaa sanoa."] * 3
    texts += [f"Perhekeskuksen yhteistyö toimii hyvin {i}. vuotta." for i in range(6)]
    result = cluster_statements(pd.DataFrame({"text": texts}), n_clusters=1)
    got = result.assignments.set_index("source_index")["cluster"]
    assert (got.iloc[:15] == -1).all() and (got.iloc[15:] == 0).all()


def test_a_question_is_named_by_a_unique_part_or_is_an_error() -> None:
    """question="toimii" names "Mikä toimii hyvin?" as the CLI's --question does; a name that
    matches no question is an error listing the questions, not an empty result."""
    frame = pd.DataFrame(
        {
            "text": ["Perhekeskus toimii hyvin.", "Tiedonkulku on heikkoa."] * 3,
            "question": ["Mikä toimii hyvin?", "Mitä pitäisi kehittää?"] * 3,
        }
    )
    result = cluster_statements(frame, question="toimii", n_clusters=1)
    assert set(result.assignments["text"]) == {"Perhekeskus toimii hyvin."}
    assert set(result.excluded["reason"]) == {"question"}
    with pytest.raises(ClusteringError, match="matches no question; the questions are"):
        cluster_statements(frame, question="tilat")
    with pytest.raises(ClusteringError, match="matches several questions"):
        cluster_statements(frame, question="mi")


def test_statements_in_another_language_are_left_out_with_a_reason() -> None:
    """QA 3: Swedish and English answers (no Finnish lemmas) formed one catch-all cluster of 38 %
    ("bra, fungerar, kring"); tag() marks their language, and clustering leaves them out."""
    import vastausanalyysi as va

    finnish = [
        "Perhekeskuksen yhteistyö toimii hyvin.",
        "Perhekeskus toimii hyvin yhdessä neuvolan kanssa.",
        "Oppilashuollon työnjako on selkeä.",
        "Oppilashuolto toimii kouluilla hyvin.",
        "Kiinteistöasioista sovitaan yhdessä.",
        "Kiinteistöjen vuokrista on sovittu hyvin.",
    ]
    other = ["Samarbetet kring familjecentret fungerar bra.", "Cooperation works well."]
    tagged = va.tag(finnish + other)
    assert list(tagged["language"][-2:]) != ["fi", "fi"]
    result = cluster_statements(tagged)
    kept = set(result.assignments["text"])
    assert kept == set(finnish)
    assert set(result.excluded["reason"]) == {"language"}
    assert set(result.excluded["text"]) == set(other)
    # with a polarity filter too, their reason is the language (QA 6: it was "polarity")
    works = cluster_statements(tagged, polarity=("works", "mixed"))
    reasons = dict(zip(works.excluded["text"], works.excluded["reason"], strict=True))
    assert {reasons[t] for t in other} == {"language"}


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # a lone genitive belongs to the next item (QA 5: "Lasten" was a quote of its own)
        (
            "Lasten, nuorten ja perheiden palvelut, ikäihmisten palvelut, hyte",
            ["Lasten, nuorten ja perheiden palvelut", "ikäihmisten palvelut", "hyte"],
        ),
        ("Lasten, nuorten ja perheiden palvelut", ["Lasten, nuorten ja perheiden palvelut"]),
        # a lead-in before list items is said of each item, not a statement of its own
        (
            "Kehitettävää on: 1) työnjako 2) tiedonkulku",
            ["Kehitettävää on: työnjako", "Kehitettävää on: tiedonkulku"],
        ),
        (
            "Ei toimi:\n- tiedonkulku\n- tilat\nMuuten hyvä.",
            ["Ei toimi: tiedonkulku", "Ei toimi: tilat", "Muuten hyvä."],
        ),
        ("Toimii:", ["Toimii:"]),  # nothing follows: the text itself
    ],
)
def test_list_items_keep_what_belongs_to_them(text: str, statements: list[str]) -> None:
    assert split_text(text) == statements
