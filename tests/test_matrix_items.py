"""README ("A codebook item is found in a matrix question's column too"): a Webropol matrix
header "Työnjako: <row>" is the codebook's item <row> (QA 4 item 8). Team-written data."""

from __future__ import annotations

import pandas as pd

from vastausanalyysi.summary.links import find_item, matrix_row, resolve_links
from vastausanalyysi.summary.mentions import resolve_items

ROW = "Hyvinvoinnin ja terveyden edistämisessä"
HEADER = f"Työnjako: {ROW}"


def test_matrix_headers_name_the_codebook_items() -> None:
    assert matrix_row(HEADER) == ROW
    assert matrix_row("Kuinka hyvin yhteistyö toimii?") == "Kuinka hyvin yhteistyö toimii?"
    assert find_item(["tyonjako_hyte", ROW], [HEADER, "Muu kohta"]) == HEADER
    assert find_item([ROW], [f"Työnjako: {ROW.upper()}"]) == f"Työnjako: {ROW.upper()}"
    # the exact name wins; two matrix headers with the row are no match
    assert find_item([ROW], [HEADER, ROW]) == ROW
    assert find_item([ROW], [HEADER, f"Vastuut: {ROW}"]) is None
    assert resolve_items("tyonjako_hyte", [HEADER, "Muu kohta"]) == [HEADER]
    assert HEADER in resolve_links(None, [HEADER])["hyte"]


def test_mention_scores_by_a_matrix_header() -> None:
    import vastausanalyysi as va

    texts = ["Hyte-yhteistyö toimii hyvin.", "Tilat ovat huonossa kunnossa."] * 6
    tagged = va.tag(pd.DataFrame({"respondent_id": [f"R{i}" for i in range(12)], "text": texts}))
    scores = pd.DataFrame(
        {"respondent_id": [f"R{i}" for i in range(12)], "item": HEADER, "value": [4, 2] * 6}
    )
    table = va.scores_by_mention(tagged, scores, items="tyonjako_hyte")
    assert set(table["item"]) == {HEADER}
    hyte = table[table["code"] == "hyte"].iloc[0]
    assert hyte["mean_mention"] == 4 and hyte["mean_no_mention"] == 2
