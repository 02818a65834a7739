"""QA3 note 4: a hyphenated title is kept before a masked name, a place the region resolver
knows is no name, and evidence offsets point into the masked text that is written.
Team-written texts; names and numbers are made up."""

from __future__ import annotations

import json

from vastausanalyysi.nlp.pii import mask_pii
from vastausanalyysi.respondents import resolve_region
from vastausanalyysi.themes.tagger import tag
from vastausanalyysi.workflow import mask_personal_data, masked_offsets


def test_hyphenated_title_is_kept_and_known_places_are_no_names() -> None:
    assert resolve_region("Lovisa") == "01"  # the resolver knows the Swedish name of Loviisa
    masked = mask_pii(
        [
            "Hyte-koordinaattori Leena Korhonen on tehnyt hyvää työtä.",
            "Sivistysjohtaja Leena Korhonen on tehnyt hyvää työtä.",
            "Familjecentret i Lovisa fungerar bra tack vare Birgitta Lindholm.",
            "Lovisa Virtanen kertoi asiasta.",
            "Yhteistyö Hyte-koordinaattorin Leena Korhosen kanssa sujuu.",
        ]
    )
    assert masked == [
        "Hyte-koordinaattori [NIMI] on tehnyt hyvää työtä.",
        "Sivistysjohtaja [NIMI] on tehnyt hyvää työtä.",
        "Familjecentret i Lovisa fungerar bra tack vare [NIMI].",
        "[NIMI] kertoi asiasta.",
        "Yhteistyö Hyte-koordinaattorin [NIMI] kanssa sujuu.",
    ]


def test_masked_offsets() -> None:
    text = "Soita Pekka Virtaselle tai neuvolaan."
    changed = [(6, 22, "[NIMI]")]  # "Pekka Virtaselle"
    masked = "Soita [NIMI] tai neuvolaan."
    start = text.index("neuvolaan")
    s, e = masked_offsets(start, start + 9, changed)
    assert masked[s:e] == "neuvolaan"
    assert masked_offsets(0, 5, changed) == (0, 5)  # before the masked part
    s, e = masked_offsets(12, 22, changed)  # inside it: the placeholder
    assert masked[s:e] == "[NIMI]"


def test_evidence_offsets_point_into_the_masked_text() -> None:
    texts = [
        "Yhteyshenkilö Pekka Virtanen vastaa nopeasti, perhekeskus ja oppilashuolto toimivat.",
        "Soitin numeroon 040 765 4321 ja neuvola vastasi, tiedonkulku toimii.",
        "Perhekeskus toimii hyvin ja neuvola on lähellä.",
    ]
    masked = mask_personal_data(tag(texts))
    checked = 0
    for text, evidence in zip(masked["text"], masked["evidence"], strict=True):
        for entries in evidence.values():
            for entry in entries:
                assert text[entry["start"] : entry["end"]] == entry["surface"], (text, entry)
                checked += 1
    assert checked >= 6
    assert "[NIMI]" in masked["text"][0] and "[PUHELIN]" in masked["text"][1]
    assert json.dumps(masked["evidence"].tolist(), ensure_ascii=False).count("Virtanen") == 0


def test_swedish_place_names_in_a_finnish_case_are_no_names() -> None:
    """QA3's "Lovisassa": the Swedish name of a municipality with a Finnish case ending is the
    place (Lovisa is also a first name); a person context still masks it."""
    places = [
        "Lovisassa ja Loviisassa yhteistyö sujuu hyvin.",
        "Kyrkslättissä ja Ekenäsin koululla asukkaat osallistuivat kyselyyn.",
        "Jakobstadista tuli viesti Pedersören kunnalle.",
    ]
    assert mask_pii(places) == places
    assert mask_pii(["Soitin Lovisalle eilen ja hän lupasi hoitaa asian."]) == [
        "Soitin [NIMI] eilen ja hän lupasi hoitaa asian."
    ]


def test_firms_named_with_names_are_no_names() -> None:
    """Two names joined by "&" and a name before a brand head ("Arena", "Media", "Oy") name a
    firm or a venue; first names joined by "&" stay people."""
    firms = [
        "Lassila & Tikanoja hoitaa koulujen siivouksen.",
        "Hartwall Arenalla järjestettiin valmiusharjoitus.",
        "Sanoma ja Alma Media uutisoivat palveluverkosta.",
        "Lindström Oy:n kanssa sovittiin tekstiilihuollosta.",
    ]
    assert mask_pii(firms) == firms
    assert mask_pii(["Liisa & Pekka tulivat paikalle."]) == ["[NIMI] & [NIMI] tulivat paikalle."]
    assert mask_pii(["Kiitos Anna Lindström, Oy:n edustaja."]) == ["Kiitos [NIMI], Oy:n edustaja."]
