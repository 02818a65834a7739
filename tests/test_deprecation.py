"""Old argument names keep working for one release, with a DeprecationWarning."""

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.deprecation import renamed_arguments


def test_renamed_argument_warns_and_passes_the_value_on():
    @renamed_arguments(old="new")
    def f(*, new=None):
        return new

    with pytest.warns(DeprecationWarning, match="'old' is deprecated.*use 'new'"):
        assert f(old=3) == 3
    assert f(new=4) == 4
    with pytest.raises(TypeError, match="both 'old'"):
        f(old=1, new=2)


def _tagged_with_scores():
    tagged = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(6)],
            "group": ["a"] * 6,
            "text": ["Säännölliset tapaamiset toimivat hyvin."] * 6,
            "areas": [[] for _ in range(6)],
            "mechanisms": [["tapaamiset"] for _ in range(6)],
            "polarity": ["works"] * 6,
        }
    )
    scores = pd.DataFrame(
        {"respondent_id": [f"r{i}" for i in range(6)], "item": ["x"] * 6, "value": [4.0] * 6}
    )
    return tagged, scores


def test_join_scores_old_mapping_name_gives_the_same_table():
    tagged, scores = _tagged_with_scores()
    new = va.join_scores(tagged, scores, by="group", code_items={"tapaamiset": "x"})
    with pytest.warns(DeprecationWarning, match="mapping"):
        old = va.join_scores(tagged, scores, by="group", mapping={"tapaamiset": "x"})
    pd.testing.assert_frame_equal(new, old)
    assert new.loc[new["code"] == "tapaamiset", "score_mean"].iloc[0] == 4.0


def test_cluster_statements_old_score_names_give_the_same_clusters():
    tagged, scores = _tagged_with_scores()
    new = va.cluster_statements(tagged, respondent_scores=scores, code_items={"tapaamiset": "x"})
    with pytest.warns(DeprecationWarning):
        old = va.cluster_statements(tagged, scores=scores, mapping={"tapaamiset": "x"})
    pd.testing.assert_frame_equal(new.clusters, old.clusters)
    assert "score:x" in new.clusters.columns


def test_write_report_old_scores_name_takes_either_kind(tmp_path):
    tagged, scores = _tagged_with_scores()
    published = pd.DataFrame(
        {"region": ["Pirkanmaa"], "item_id": ["x"], "item": ["X"], "mean": [3.5], "n": [40]}
    )
    for kind in (scores, published):
        new_name = "respondent_scores" if "value" in kind else "published_scores"
        new = va.write_report(tmp_path / "new", tagged=tagged, formats="md", **{new_name: kind})
        with pytest.warns(DeprecationWarning, match="'scores' is deprecated"):
            old = va.write_report(tmp_path / "old", tagged=tagged, formats="md", scores=kind)
        assert old[0].read_text("utf-8") == new[0].read_text("utf-8")


def test_read_survey_old_mapping_name(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Tunnus;Vastaus\n1;Perhekeskus toimii.\n2;Tilat ovat huonot.\n", "utf-8")
    column_map = tmp_path / "m.yaml"
    column_map.write_text("id_column: Tunnus\nopen_columns: [Vastaus]\n", "utf-8")
    new = va.read_survey(path, column_map=column_map)
    with pytest.warns(DeprecationWarning, match="'mapping' is deprecated"):
        old = va.read_survey(path, mapping=column_map)
    pd.testing.assert_frame_equal(new.answers, old.answers)
    assert new.answers["respondent_id"].tolist() == ["1", "2"]
