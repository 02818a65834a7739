"""Normalisation at the door: NFC, zero-width characters, soft hyphens, control characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vastausanalyysi.nlp.normalise import REMOVED, is_normal, normalise, normalise_with_offsets


def test_nfd_zero_width_soft_hyphen_and_controls() -> None:
    nfd = unicodedata.normalize("NFD", "Hyvinvointialueen yhteistyö toimii")
    assert nfd != "Hyvinvointialueen yhteistyö toimii"
    assert normalise(nfd) == "Hyvinvointialueen yhteistyö toimii"
    assert normalise("perhe\u200bkeskus perhe\u00adkeskus \ufeffkoulu\u2060") == (
        "perhekeskus perhekeskus koulu"
    )
    assert normalise("a\x00b\x07c\td\ne\r\nf\x85g") == "a b c\td\ne\r\nf g"


def test_normal_text_is_returned_as_it_is() -> None:
    text = "Yhteistyö toimii.\n\tHyvin – ”lainaus” 😀"
    assert is_normal(text) and normalise(text) is text
    out, to_original = normalise_with_offsets(text)
    assert out is text and to_original.is_identity and to_original.span(3, 8) == (3, 8)


def test_spans_point_into_the_original() -> None:
    original = "Per\u00adhe\u200bkes\u0301kus ja Ma\u0308kinen"
    out, to_original = normalise_with_offsets(original)
    assert out == "Perhekeśkus ja Mäkinen"
    start = out.index("Mäkinen")
    a, b = to_original.span(start, start + len("Mäkinen"))
    assert original[a:b] == "Ma\u0308kinen"
    a, b = to_original.span(0, out.index(" "))
    assert original[a:b] == "Per\u00adhe\u200bkes\u0301kus"
    assert to_original[len(out)] == len(original) and len(to_original) == len(out) + 1


def test_composition_across_cluster_bounds_still_maps_inside_the_word() -> None:
    original = "\u1100\u1161\u11a8 x"  # Hangul jamo compose into one syllable
    out, to_original = normalise_with_offsets(original)
    assert out == unicodedata.normalize("NFC", original)
    assert to_original.span(0, 1) == (0, 3)


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from([*REMOVED, "\u0308", "\u0301", "\x00", "\x1f", "\x85", " ", "\n", "a"]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offsets_always_map_into_the_original(text: str) -> None:
    out, to_original = normalise_with_offsets(text)
    assert out == normalise(text) == unicodedata.normalize("NFC", out)
    assert not any(c in out for c in REMOVED)
    assert len(to_original) == len(out) + 1
    previous = 0
    for i in range(len(out)):
        a, b = to_original.span(i, i + 1)
        assert 0 <= a < b <= len(text) and a >= previous
        previous = a
        # the original piece normalises to something that contains the character
        assert out[i] in normalise(text[a:b])
    assert to_original.span(0, len(out))[1] <= len(text)
    assert normalise(normalise(text)) == normalise(text)
