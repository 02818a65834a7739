"""Near-identical statements as one quote, the quotes nearest a cluster's centre weighted by how
many wrote them, and sentences typed without a space after the period (QA 7).

The texts are team-written for these tests.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.clusters import cluster_statements
from vastausanalyysi.clusters.labels import label_of
from vastausanalyysi.clusters.statements import (
    commonest_wording,
    near_identical_keys,
    quote_key,
    split_text,
)

DECISIONS = "Päätöksenteko on etäällä eikä pienen kunnan ääni kuulu."
VARIANTS = [
    "Päätöksenteko on etäälä eikä pienen kunnan ääni kuulu.",  # a letter left out
    "päätöksenteko on eäällä eikä pienen kunnan ääni kuulu",  # another one, lower case
    "Päätöksenteko on etäällä eikä pienen kunnan aani kuulu.",  # ä typed as a
    "Päätöksentkeo on etäällä eikä pienen kunnan ääni kuulu.",  # two letters swapped
]


def _keys(texts: list[str], kinds: list[str] | None = None) -> list[str]:
    return near_identical_keys([quote_key(None, t) for t in texts], texts, kinds)


def test_typo_variants_share_the_key_of_their_statement() -> None:
    keys = _keys([DECISIONS, *VARIANTS])
    assert len(set(keys)) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tieto kulkee hyvin kuntaan.", "Tieto ei kulje hyvin kuntaan."),  # a negation
        ("Hyvinvointialueet ovat valmiita.", "Hyvinvointialueet eivät ole valmiita."),
        ("Tapaamisia on 2 kertaa vuodessa.", "Tapaamisia on 4 kertaa vuodessa."),  # numbers
        ("Yhteistyö toimii hyvin.", "Yhteistyö toimii huonosti."),  # two different words
        ("Kunta maksaa vuokraa.", "Kunta maksaa veroja."),
    ],
)
def test_different_statements_keep_their_own_keys(one: str, other: str) -> None:
    assert len(set(_keys([one, other]))) == 2


def test_statements_of_different_kinds_are_not_merged() -> None:
    keys = _keys([DECISIONS, VARIANTS[0]], ["problem", "works"])
    assert len(set(keys)) == 2


def test_merging_does_not_depend_on_the_order() -> None:
    texts = [DECISIONS, *VARIANTS, "Tiedonkulku on heikkoa.", "Tiedonkulku on hekkoa."] * 2
    expected = dict(zip(texts, _keys(texts), strict=True))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = texts[:]
        rng.shuffle(shuffled)
        assert dict(zip(shuffled, _keys(shuffled), strict=True)) == expected


def test_a_cluster_quotes_the_commonest_wording_once_with_every_respondent() -> None:
    texts = (
        [DECISIONS] * 8
        + VARIANTS
        + ["Kiinteistöjen vuokrat ovat jatkuva riita."] * 6
        + ["Oppilashuollon resurssit eivät riitä."] * 6
    )
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    result = cluster_statements(va.tag(frame), split=True)
    quotes = result.assignments["quote"]
    assert quotes.iloc[: 8 + len(VARIANTS)].nunique() == 1
    assert quotes.nunique() == 3
    row = result.clusters.set_index("cluster").loc[result.assignments["cluster"].iloc[0]]
    shown = [t for t in row["representatives"] if "ksenteko" in t]
    assert shown == [DECISIONS]  # the wording 8 wrote, not a typo of one respondent
    position = row["representatives"].index(DECISIONS)
    assert row["representative_counts"][position] == 8 + len(VARIANTS)


def test_the_statement_most_wrote_is_quoted_before_its_rarer_neighbours() -> None:
    """The centre of a cluster is weighted by the respondents of each statement: a statement of
    twenty respondents comes before four written once each that resemble one another."""
    common = "Tiedonkulku on heikkoa."
    rare = [
        "Tiedonkulku kunnan ja alueen välillä on hidasta ja heikkoa.",
        "Tiedonkulku alueen ja kunnan välillä on hidasta.",
        "Tiedonkulku kunnan ja alueen välillä takkuaa.",
        "Alueen ja kunnan välinen tiedonkulku on hidasta.",
    ]
    texts = [common] * 20 + rare
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    result = cluster_statements(va.tag(frame), n_clusters=1)
    row = result.clusters.iloc[0]
    assert row["representatives"][0] == common
    assert row["representative_counts"][0] == 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yhteyshenkilöt ovat selkeät.Nuorten palveluihin pääsee liian hitaasti.",
            ["Yhteyshenkilöt ovat selkeät.", "Nuorten palveluihin pääsee liian hitaasti."],
        ),
        ("Hyvin toimii!Tieto kulkee.", ["Hyvin toimii!", "Tieto kulkee."]),
        ("Katso www.Kunta.fi ja esim.Perhekeskus.", ["Katso www.Kunta.fi ja esim.Perhekeskus."]),
        ("Yhteyshenkilö K.Virtanen on hyvä.", ["Yhteyshenkilö K.Virtanen on hyvä."]),
        ("Kirjoita matti.Virtanen@kunta.fi.", ["Kirjoita matti.Virtanen@kunta.fi."]),
        (  # a phone number after "puh." is no sentence of its own
            "Yhteyshenkilömme on tehnyt loistavaa työtä, puh. 040 123 4567.",
            ["Yhteyshenkilömme on tehnyt loistavaa työtä, puh. 040 123 4567."],
        ),
    ],
)
def test_sentences_typed_without_a_space_after_the_period_are_split(
    text: str, expected: list[str]
) -> None:
    assert split_text(text) == expected


def test_what_works_keeps_no_problem_sentence_typed_without_a_space() -> None:
    texts = ["Perhekeskusyhteistyö toimii hyvin.Kiinteistöjen vuokrat ovat jatkuva riita."] * 3
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c"], "text": texts})
    result = cluster_statements(va.tag(frame), polarity=("works", "mixed"), split=True)
    assert result.assignments["text"].tolist() == ["Perhekeskusyhteistyö toimii hyvin."] * 3
    assert result.excluded["text"].tolist() == ["Kiinteistöjen vuokrat ovat jatkuva riita."] * 3


def test_a_tie_between_wordings_is_won_by_the_correctly_spelt_one() -> None:
    right = "Omassa kunnassamme hyvinvointikertomus valmisteltiin yhdessä."
    typo = "Omassa kunnasasmme hyvinvointikertomus valmisteltiin yhdessä."
    assert commonest_wording([typo, right]) == right
    assert commonest_wording([right, typo]) == right
    assert commonest_wording([typo, typo, right]) == typo  # what most wrote, spelt as they did


def test_a_label_leaves_out_a_word_of_one_statement_when_others_are_shared() -> None:
    top = [("hyvinvointikertomus", 22.0), ("valmistella", 21.0), ("kunnasasmme", 1.0)]
    assert label_of(top, 3, size=22) == "hyvinvointikertomus, valmistella"
    assert label_of(top, 3, size=3) == "hyvinvointikertomus, valmistella, kunnasasmme"
    alone = [("neuvola", 1.0), ("koulu", 1.0)]  # nothing shared: the best there is
    assert label_of(alone, 3, size=5) == "neuvola, koulu"
