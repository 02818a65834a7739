"""Codebook entries added from real published prose (issue 11, real-text development set).

The development set (public pages about municipality–county cooperation) is kept outside the
repository; no sentence of it is here. Each entry is tested on sentences its author did not write
for it: rows of ``corpus/answers.csv`` written earlier by other team members (by id), and
team-written sentences in another register (survey answers, minutes), each with a counterpart
that the entry must not catch.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.rules import RuleTagger

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "answers.csv"

# (text, code, expected): team-written for these tests, not taken from any source page
SENTENCES = [
    # "varautua (…) muutokseen" is getting ready for a change, not preparedness (codebook §1)
    ("Kouluissa on varauduttava isoon muutokseen syksyllä.", "varautuminen", False),
    ("Kunta varautuu sähkökatkoihin yhdessä pelastuslaitoksen kanssa.", "varautuminen", True),
    # "tahtotila" is a will, not premises (CODING.md A1); a shared one is a joint goal (M4)
    ("Kunnan ja alueen tahtotila on sama.", "kiinteistot", False),
    ("Kunnan tahtotila on selvä.", "suunnitelmallisuus", False),
    ("Yhteinen tahtotila löytyi nopeasti.", "suunnitelmallisuus", True),
    ("Yhteiset tilat kirjastossa ovat olleet kovassa käytössä.", "kiinteistot", True),
    # a cooperation group that meets (M1)
    ("Opiskeluhuollon yhteistyöryhmässä käydään läpi koulujen tilanteet.", "tapaamiset", True),
    # the strategic level of the cooperation (M4); procedures agreed together
    ("Strategiatason työ on jäänyt kunnissa sivuun.", "suunnitelmallisuus", True),
    ("Noudatamme yhteisesti sovittuja pelisääntöjä.", "suunnitelmallisuus", True),
    ("Yhteisesti käytetyt tilat ovat ahtaita.", "suunnitelmallisuus", False),
    # a topic raised in public debate is not the parties' dialogue (M10)
    ("Kuraattorien siirto nousi taas keskusteluun valtuustossa.", "vuorovaikutus", False),
    ("Tapaus nosti opiskeluhuollon keskusteluun.", "vuorovaikutus", False),
    ("Keskustelu hyvinvointialueen kanssa on avointa.", "vuorovaikutus", True),
    # impacts taken into account (impact assessment, M6)
    ("Päätöksessä huomioitiin vaikutukset pieniin kuntiin.", "tietopohja", True),
    # roles of the parties, administratively fragmented fields (M11, §3 convention 2)
    ("Osapuolten roolit ovat meille vielä hämärät.", "tyonjako", True),
    ("Kunnilla on eri käsitys hyvinvointialueen roolista.", "tyonjako", True),
    ("Hyvinvointialueen ja kunnan rooleja ei ole kirjattu mihinkään.", "tyonjako", True),
    ("Asunnottomien palvelut ovat hallinnollisesti pirstaleisia.", "tyonjako", True),
    ("Ikäihmisten palvelut ovat hallinnollisesti pirstaleista kenttää.", "tyonjako", True),
    # premises passing into the county's ownership are premises, not a task moving (A1, M5)
    ("Terveysaseman rakennus siirtyy kunnan omistukseen ensi vuonna.", "tyonjako", False),
    ("Kuntouttava työtoiminta siirtyy kunnalle ensi vuonna.", "tyonjako", True),
    # "sote- ja pelastustoimen tilat" are the reform's premises, not preparedness
    ("Sote- ja pelastustoimen tilat ovat nyt vuokralla.", "varautuminen", False),
    ("Pelastustoimen ja kuntien valmiusharjoitus pidettiin keväällä.", "varautuminen", True),
    # who carries a task's costs or running, in either order (M11); answering is not it
    ("Kuljetusten kustannuksista vastaa jatkossa hyvinvointialue.", "tyonjako", True),
    ("Hyvinvointialue vastaa nyt tilojen ylläpidosta.", "tyonjako", True),
    ("Kyselyyn vastasi 150 kuntaa.", "tyonjako", False),
    # falling between the parties, own tasks, whose service something is (codebook rule 7)
    ("Asiakkaat putoavat helposti palvelujen väliin.", "tyonjako", True),
    ("Osapuolille on kirjattu sopimukseen omat tehtävänsä.", "tyonjako", True),
    ("Koulupsykologit ovat hyvinvointialueen palveluita.", "tyonjako", True),
    ("Hyvinvointialueen palvelut ovat kaukana kirkonkylästä.", "tyonjako", False),
    # a goal pursued together (codebook rule 7)
    ("Kunnat ja alue kirjasivat, mitä ne yhdessä tavoittelevat.", "suunnitelmallisuus", True),
    ("Kunta tavoittelee uusia asukkaita.", "suunnitelmallisuus", False),
]

# (corpus id, code, expected): rows written earlier by other team members
CORPUS_ROWS = [
    ("D0153", "tapaamiset", True),  # "Kokonaisturvallisuuden yhteistyöryhmä on nimennyt …"
    ("E0020", "tapaamiset", True),  # "… varautumisen yhteistyöryhmään"
    ("C0185", "tapaamiset", True),
    ("P016", "tapaamiset", False),  # the ministry's group (CODING.md G3)
    ("D0202", "tyonjako", False),  # "muutti kunnan roolia": a role, not a division of labour
    ("X033", "tyonjako", False),
]


def _codes(tagger: RuleTagger, texts: list[str]) -> list[set[str]]:
    out = []
    for doc in as_docs(texts):
        result = tagger.tag_doc(doc)
        codes = set(result.areas) | set(result.mechanisms)
        for code in codes:
            assert result.evidence[code], (doc.text, code)  # every code carries its evidence
        out.append(codes)
    return out


def test_team_written_sentences(tagger: RuleTagger) -> None:
    got = _codes(tagger, [t for t, _, _ in SENTENCES])
    wrong = [(t, c, e) for (t, c, e), g in zip(SENTENCES, got, strict=True) if (c in g) != e]
    assert not wrong, wrong


def test_corpus_rows_of_other_writers(tagger: RuleTagger) -> None:
    corpus = pd.read_csv(CORPUS, dtype=str, keep_default_na=False).set_index("id")
    texts = [corpus.loc[i, "text"] for i, _, _ in CORPUS_ROWS]
    got = _codes(tagger, texts)
    wrong = [(i, c, e) for (i, c, e), g in zip(CORPUS_ROWS, got, strict=True) if (c in g) != e]
    assert not wrong, wrong
    # the expectations agree with the rows' own gold labels
    for i, code, expected in CORPUS_ROWS:
        gold = corpus.loc[i, "areas"].split(";") + corpus.loc[i, "mechanisms"].split(";")
        assert (code in gold) == expected, i


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lexicalised "-matta" adverb is no unfinished task (team-written)
        ("Roolijaosta ei ole välttämättä keskusteltu kunnan kanssa lainkaan.", "problem"),
        ("Kaikkia kuntia ei ole vielä välttämättä kuultu.", "problem"),
        ("Sopimus on yhä allekirjoittamatta.", "problem"),
        # a required manner is a plan, not a finding
        ("Palvelut järjestetään siten, että niistä muodostuu toimiva kokonaisuus.", "neutral"),
        ("Palvelut on järjestetty hyvin ja kokonaisuus on toimiva.", "works"),
    ],
)
def test_abessive_adverbs_and_required_manner(text: str, expected: str) -> None:
    assert va.tag([text])["polarity"].iloc[0] == expected
