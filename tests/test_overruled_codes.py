"""README ("The rules' codes stay unless your coding overrules them"): a model trained on
one's own coding overrules a rule code the coders do not give (QA 4: the rules' tietopohja for
"tiedonkulku" stayed whatever the coding said). Team-written texts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import vastausanalyysi as va
from vastausanalyysi.themes.model import OVERRULE_MIN_HITS, ThemeClassifier

FLOW = [
    "Tiedonkulku hyvinvointialueelta kuntaan on heikkoa.",
    "Tiedonkulku on hidasta ja asiat kuulee lehdestä.",
    "Tiedonkulku alueen ja kunnan välillä takkuaa.",
    "Tiedonkulku ei toimi, vaikka yrityksiä on ollut.",
    "Tiedonkulku paranee hitaasti.",
    "Tiedonkulku perhekeskuksen asioissa on katkonaista.",
]
OTHER = [
    ("Säännölliset tapaamiset rehtorien kanssa toimivat.", "", "tapaamiset"),
    ("Kiinteistöjen vuokrista on kiistaa.", "kiinteistot", ""),
    ("Oppilashuollon kuraattorit ovat kouluilla.", "oppilashuolto", ""),
    ("Perhekeskus toimii hyvin.", "perhekeskus", ""),
]


def _coding() -> pd.DataFrame:
    rows = [(t, "", "vuorovaikutus") for t in FLOW] + OTHER
    frame = pd.DataFrame(rows * 2, columns=["text", "areas", "mechanisms"])
    frame["polarity"] = ["problem"] * len(frame)
    return frame


def test_a_rule_code_the_coders_never_give_is_overruled_and_saved(tmp_path: Path) -> None:
    assert len(FLOW) * 2 >= OVERRULE_MIN_HITS
    rules = va.tag(FLOW, model="rules")
    assert all("tietopohja" in m for m in rules["mechanisms"])  # the rules give it
    model = va.train(_coding())
    assert model.overruled_ == ["tietopohja"]
    tagged = va.tag(["Tiedonkulku kunnan ja alueen välillä on heikkoa."], model=model)
    assert "tietopohja" not in tagged["mechanisms"][0]
    assert "tietopohja" not in tagged["evidence"][0]
    model.save(tmp_path / "malli")
    loaded = ThemeClassifier.load(tmp_path / "malli")
    assert loaded.overruled_ == ["tietopohja"]
    again = va.tag(["Tiedonkulku kunnan ja alueen välillä on heikkoa."], model=loaded)
    assert again["mechanisms"][0] == tagged["mechanisms"][0]


def test_a_coding_of_areas_only_leaves_the_rules_mechanisms() -> None:
    frame = _coding()
    frame["mechanisms"] = ""
    frame.loc[frame["areas"] == "", "areas"] = "perhekeskus"
    model = va.train(frame)
    assert model.overruled_ == []  # no mechanism was coded at all: the rules' ones stay
    tagged = va.tag(["Tiedonkulku kunnan ja alueen välillä on heikkoa."], model=model)
    assert "tietopohja" in tagged["mechanisms"][0]


def test_the_shipped_model_overrules_nothing() -> None:
    from vastausanalyysi.themes.shipped import resolve_model

    assert resolve_model(None).overruled_ == []


def test_an_overruled_code_stays_where_the_coding_gives_it() -> None:
    """The coders give the rules' tietopohja to two of the six "tiedonkulku" answers: the code
    is overruled, and the model keeps it where it agrees by its own threshold (QA 6 #5: the
    threshold of adding a code, above 1 when the model adds nothing, removed it everywhere)."""
    rows = [
        (t, "", "tietopohja;vuorovaikutus" if i < 2 else "vuorovaikutus")
        for i, t in enumerate(FLOW)
    ]
    frame = pd.DataFrame((rows + OTHER) * 2, columns=["text", "areas", "mechanisms"])
    frame["polarity"] = "problem"
    model = va.train(frame)
    assert model.overruled_ == ["tietopohja"]
    tagged = va.tag(FLOW, model=model)
    assert ["tietopohja" in m for m in tagged["mechanisms"]] == [True, True] + [False] * 4
