"""Tests of the report's display labels: the labels file, group and county names."""

from __future__ import annotations

import numpy as np

from vastausanalyysi._resources import read_yaml
from vastausanalyysi.report import COLUMN_TITLES, LAYER_TITLES, POLARITY_NAMES
from vastausanalyysi.report.labels import PART_TITLES, Names, group_label, region_label
from vastausanalyysi.report.questions import PARTS
from vastausanalyysi.respondents import COARSE_GROUPS, group_name, region_name
from vastausanalyysi.schema import POLARITIES


def test_labels_come_from_the_labels_file() -> None:
    data = read_yaml("report_labels.yaml")
    assert data["polarities"] == POLARITY_NAMES
    assert tuple(POLARITY_NAMES) == POLARITIES  # the report's order is the schema's
    assert POLARITY_NAMES["mixed"] == "Sekä toimivaa että ongelmia"
    assert LAYER_TITLES == {
        "area": "Yhdyspinta-alueet",
        "mechanism": "Yhteistyön tavat",
        "polarity": "Vastausten sävy",
    }
    assert PART_TITLES == {"toimii": "Toimii", "kehitettavaa": "Kehitettävää"}
    assert [title for _, title, _ in PARTS] == list(PART_TITLES.values())
    assert COLUMN_TITLES["coarse_group"] == "Vastaajaryhmä"
    assert COLUMN_TITLES["region"] == COLUMN_TITLES["county"] == "Hyvinvointialue"


def test_group_labels_are_the_group_table_names() -> None:
    for coarse in COARSE_GROUPS:
        assert group_label(coarse) == group_name(coarse, coarse=True)
    assert group_label("toimialajohto") == "Toimialajohto"
    assert group_label("kuntajohtaja") == "Kuntajohtajat"
    assert group_label("sivistysjohto") == group_name("sivistysjohto")
    assert group_label("tuntematon") == "Tuntematon"
    assert group_label("Kuntapuheenjohtajat") == "Kuntapuheenjohtajat"  # a name stays as it is
    assert group_label("xyz") == "xyz"


def test_region_labels_are_the_county_names() -> None:
    assert region_label("8") == region_label("08") == "Pirkanmaa" == region_name("08")
    assert region_label("90") == "Helsinki" and region_label("91") == "Ahvenanmaa"
    assert region_label("99") == "99" and region_label("008") == "008"
    assert region_label("Pirkanmaa") == "Pirkanmaa" and region_label("8.0") == "8.0"


def test_names_of_values_and_codes() -> None:
    names = Names({"area:hyte": "Hyte"})
    assert names.value("region", 13) == "Pohjois-Savo"
    assert names.value("county", None) == names.value("group", np.nan) == "(puuttuu)"
    assert names.value("coarse_group", "muut") == "Muut kunta-alan organisaatiot"
    assert names.value("question", "08") == "08"
    assert names.code("hyte") == names.code("area:hyte") == "Hyte"
    assert names.code("works") == "Toimii"
    assert names.code("tuntematon_koodi") == "tuntematon_koodi"


def test_the_answer_sheet_gives_a_county_code_beside_a_county_name(tmp_path) -> None:
    # QA 6: "Hyvinvointialue (koodi)" repeated the name when the data held names
    import openpyxl
    import pandas as pd

    import vastausanalyysi as va

    rows = [
        {"respondent_id": f"R{i}", "region": "Pirkanmaa" if i < 6 else "Keski-Suomi",
         "text": "Perhekeskus toimii hyvin."}
        for i in range(12)
    ]  # fmt: skip
    tagged = va.tag(pd.DataFrame(rows))
    va.write_report(tmp_path, tagged=tagged, frequencies=va.theme_frequencies(tagged, by="region"))
    sheet = list(openpyxl.load_workbook(tmp_path / "report.xlsx")["vastaukset"].values)
    head = sheet[0]
    pairs = {(r[head.index("Hyvinvointialue")], r[head.index("Hyvinvointialue (koodi)")])
             for r in sheet[1:]}  # fmt: skip
    assert pairs == {("Pirkanmaa", "08"), ("Keski-Suomi", "15")}
