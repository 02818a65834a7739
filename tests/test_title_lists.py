"""A list of job titles names people, not topics (codebook rule 4; issue 11, real minutes).

"Ohjausryhmään kuuluvat hallintojohtaja, kiinteistöpäällikkö ja kehittämispäällikkö": the
"kiinteistö-" of a listed title gives no ``kiinteistot`` and "vastuualue-" no ``tyonjako``. The
title itself still counts where it is the code's word: "kunnanvaltuutetut ja aluevaltuutetut"
are elected officials (``luottamushenkilot``). A topic word elsewhere in the sentence counts as
always.

Every sentence is team-written for these tests (lead, 2026-12-06); none is taken from a source.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger

CASES = [
    (
        "Työryhmään kuuluvat sivistysjohtaja, perhekeskuskoordinaattori ja hyte-koordinaattori.",
        set(),
    ),
    (
        "Ohjausryhmässä ovat mukana hallintojohtaja, kiinteistöpäällikkö sekä vastuualue- ja "
        "palvelujohtajat.",
        set(),
    ),
    (
        "Kunnanvaltuutetut ja aluevaltuutetut tapasivat syksyllä.",
        {"tapaamiset", "luottamushenkilot"},
    ),
    (
        "Kiinteistöpäällikkö ja tilapalvelujohtaja selvittävät koulun tilojen kunnon.",
        {"kiinteistot"},
    ),
]


@pytest.mark.parametrize(("text", "codes"), CASES)
def test_listed_titles_name_people(
    nlp: Language, tagger: RuleTagger, text: str, codes: set[str]
) -> None:
    assert set(tagger.tag_doc(nlp(text)).codes) == codes
