"""mask_pii: the rules added after the blind set dev_p. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after a label of people in notes or an e-mail header
        (
            "Läsnä: Tamm, Kask ja Saar; poissa: Koivu.",
            "Läsnä: [NIMI], [NIMI] ja [NIMI]; poissa: [NIMI].",
        ),
        # a surname and an initial after it
        ("Jakelu: Harju K., Kallio M.", "Jakelu: [NIMI]., [NIMI]."),
        # "saada kiinni" (reach someone) with a partitive
        ("Kalliota ei saatu kiinni koko viikolla.", "[NIMI] ei saatu kiinni koko viikolla."),
        # the abessive of a name
        (
            "Ilman muuta: Koivutta koko projekti olisi myöhässä.",
            "Ilman muuta: [NIMI] koko projekti olisi myöhässä.",
        ),
        # a person's car or pet, and fixing something
        ("Rinteen auto seisoo taas pelastustiellä.", "[NIMI] auto seisoo taas pelastustiellä."),
        ("Harju korjasi ovikellon heti.", "[NIMI] korjasi ovikellon heti."),
        # the same first name as a person's, also beside the system's field
        ("Hilma kysyi, miksi hankinta viivästyi.", "[NIMI] kysyi, miksi hankinta viivästyi."),
    ],
)
def test_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Poissa: kaikki pääsivät paikalle.",
        "Ovi saatiin kiinni vasta illalla.",  # no person
        "Lumetta talvi tuntuu oudolta.",  # an abessive of a word
        "Kunta korjasi tien keväällä.",
        "Pelastuslaitoksen auto oli paikalla nopeasti.",
        # a first name that is also a public system's, in its field
        "Hankintailmoitus julkaistaan Hilmassa ensi viikolla.",
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
