"""Normalisation at the door: NFC, zero-width characters, soft hyphens, control characters."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vastausanalyysi as va
from vastausanalyysi.nlp.normalise import REMOVED, is_normal, normalise, normalise_with_offsets
from vastausanalyysi.nlp.pii.evaluation import read_pii_set


def test_nfd_zero_width_soft_hyphen_and_controls() -> None:
    nfd = unicodedata.normalize("NFD", "Hyvinvointialueen yhteistyö toimii")
    assert nfd != "Hyvinvointialueen yhteistyö toimii"
    assert normalise(nfd) == "Hyvinvointialueen yhteistyö toimii"
    assert normalise("perhe\u200bkeskus perhe\u00adkeskus \ufeffkoulu\u2060") == (
        "perhekeskus perhekeskus koulu"
    )
    assert normalise("a\x00b\x07c\td\ne\r\nf\x85g") == "a b c\td\ne\r\nf g"


def test_mathematical_and_fullwidth_letters_are_folded_one_for_one() -> None:
    text = "𝐌𝐚𝐭𝐭𝐢 𝗽𝗲𝗿𝗵𝗲𝗸𝗲𝘀𝗸𝘂𝘀 Ｋｕｏｐｉｏ ０４０ 𝟭𝟮𝟯"
    out, to_original = normalise_with_offsets(text)
    assert out == "Matti perhekeskus Kuopio 040 123"
    assert len(out) == len(text) and text[slice(*to_original.span(0, 5))] == "𝐌𝐚𝐭𝐭𝐢"
    assert normalise("ｘ＠ｅｓｉｍｅｒｋｋｉ．ｆｉ") == "x@esimerkki.fi"


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


def _in_blanked_tag(text: str, a: int, char: str) -> bool:
    """Whether position ``a`` lies in a "<…>" that normalises to spaces only, and ``char`` is
    one of them."""
    lt, gt = text.rfind("<", 0, a + 1), text.find(">", a)
    return char == " " and lt >= 0 and gt >= 0 and not normalise(text[lt : gt + 1]).strip()


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("<B>")  # found by hypothesis: a tag is blanked to spaces as a whole
@example("x <b>yhteistyö</b> <!-- c --> z")
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
        # the original piece normalises to something that contains the character, or it is
        # part of a tag that the normaliser blanks as a whole ("<b>": three spaces)
        assert out[i] in normalise(text[a:b]) or _in_blanked_tag(text, a, out[i])
    assert to_original.span(0, len(out))[1] <= len(text)
    assert normalise(normalise(text)) == normalise(text)


# -- the same codes and masking for every variant of a text ---------------------------------------

ROOT = Path(__file__).resolve().parents[1]
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")


def _insert(text: str, char: str) -> str:
    """``char`` inside every word of six or more letters."""
    return _LONG_WORD.sub(lambda m: m[0][:3] + char + m[0][3:], text)


def _dressed(text: str, upper: int, lower: int, digit: int) -> str:
    """``text`` with its ASCII letters and digits in another Unicode dress (mathematical bold,
    fullwidth …): ``upper``, ``lower`` and ``digit`` are the code points of "A", "a", "0"."""
    out = []
    for c in text:
        if "A" <= c <= "Z":
            c = chr(upper + ord(c) - ord("A"))
        elif "a" <= c <= "z":
            c = chr(lower + ord(c) - ord("a"))
        elif "0" <= c <= "9":
            c = chr(digit + ord(c) - ord("0"))
        out.append(c)
    return "".join(out)


VARIANTS = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    # styled text pasted from social media, and East Asian input methods (QA 3)
    "math-bold": lambda t: _dressed(t, 0x1D400, 0x1D41A, 0x1D7CE),
    "fullwidth": lambda t: _dressed(t, 0xFF21, 0xFF41, 0xFF10),
    "zero-width": lambda t: "\ufeff" + _insert(t, "\u200b").replace(" ", " \u2060", 1),
    "soft-hyphen": lambda t: _insert(t, "\u00ad"),
}


@pytest.fixture(scope="module")
def answers() -> list[str]:
    frame = pd.read_csv(ROOT / "corpus" / "answers.csv")
    texts = frame["text"].sample(300, random_state=8).tolist()
    dev = read_pii_set(ROOT / "corpus" / "pii" / "dev.txt")
    return [unicodedata.normalize("NFC", t) for t in texts] + [s.text for s in dev]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variants_mask_like_nfc(answers: list[str], variant: str) -> None:
    changed = [VARIANTS[variant](t) for t in answers]
    assert sum(a != b for a, b in zip(answers, changed, strict=True)) > 250
    expected = va.mask_pii(answers)
    got = va.mask_pii(changed)
    assert [normalise(g) for g in got] == expected
    assert sum("[NIMI]" in e for e in expected) >= 40  # the dev sentences carry names


def test_variants_tag_like_nfc(answers: list[str]) -> None:
    texts = answers[:300]
    columns = ["areas", "mechanisms", "polarity"]
    expected = va.tag(texts, model="rules")[columns]
    assert expected["areas"].map(len).sum() > 200
    for name, make in VARIANTS.items():
        got = va.tag([make(t) for t in texts], model="rules")[columns]
        assert got.equals(expected), name


# -- the door of the pipeline: normalised Docs, offsets back, long texts in pieces ----------------


def test_docs_are_normalised_and_map_back_to_the_original() -> None:
    from vastausanalyysi.nlp.pipeline import load_pipeline, offset_map, original_text

    nlp = load_pipeline(max_length=1000)  # pieces of at most 1,000 characters
    sentence = "Perhe\u00adkeskuksen yhteis\u200btyö hyvinvointialueen kanssa toimii. "
    text = unicodedata.normalize("NFD", sentence) * 60  # about 3,500 characters
    for doc in (nlp(text), va.nlp.make_docs([text], nlp)[0]):
        assert doc.text == normalise(text) and original_text(doc) == text
        assert [t.lemma_ for t in doc][:3] == ["perhekeskus", "yhteistyö", "hyvinvointialue"]
        to_original = offset_map(doc)
        for token in doc:
            a, b = to_original.span(token.idx, token.idx + len(token.text))
            assert normalise(text[a:b]) == token.text
    plain = va.nlp.make_docs(["Yhteistyö toimii."], nlp)[0]
    assert original_text(plain) == plain.text and offset_map(plain).is_identity


def test_an_answer_over_a_million_characters_is_processed_whole() -> None:
    text = "Yhteistyö hyvinvointialueen kanssa toimii hyvin, mutta tilat ovat ahtaat. " * 16_000
    assert len(text) > 1_000_000  # spaCy's own max_length (E088)
    doc = va.nlp.default_pipeline()(text)
    assert doc.text == text and len(doc) == 11 * 16_000
    (lemmas,) = va.lemmatize([text])
    assert len(lemmas) == 9 * 16_000 and lemmas[:2] == ["yhteistyö", "hyvinvointialue"]


def test_long_texts_are_cut_at_sentence_ends() -> None:
    from vastausanalyysi.nlp.pipeline import split_long_text

    text = "Lyhyt lause tässä. " * 100
    pieces = split_long_text(text, 300)
    assert "".join(pieces) == text and all(len(p) <= 300 for p in pieces)
    assert all(p.endswith(". ") for p in pieces)
    assert "".join(split_long_text("a" * 2500, 1000)) == "a" * 2500


def test_the_door_passes_settings_and_pickles() -> None:
    import pickle

    from vastausanalyysi.nlp.pipeline import DoorTokenizer, load_pipeline

    nlp = load_pipeline(max_length=500)
    door = nlp.tokenizer
    assert isinstance(door, DoorTokenizer) and door.chunk_chars == 500
    nlp.tokenizer.url_match = None  # a spaCy setting reaches the wrapped tokenizer
    assert door.tokenizer.url_match is None
    copy = pickle.loads(pickle.dumps(nlp))
    text = "Ma\u0308kinen ja perhe\u200bkeskus"
    assert copy(text).text == nlp(text).text == "Mäkinen ja perhekeskus"
    assert copy.tokenizer.chunk_chars == 500


def test_markup_is_blanked_and_the_offsets_stay() -> None:
    # QA 6: "<p>Yhteistyö on <b>hyvää</b></p>" was neutral: "<b>hyvää</b>" was no word
    from vastausanalyysi.nlp.normalise import normalise, normalise_with_offsets

    text = "<p>Yhteistyö on <b>hyvää</b></p><!-- x -->"
    out, mapping = normalise_with_offsets(text)
    assert out == normalise(text) and len(out) == len(text)
    assert out.split() == ["Yhteistyö", "on", "hyvää"]
    start = out.index("hyvää")
    assert text[slice(*mapping.span(start, start + 5))] == "hyvää"
    assert normalise("n < 5 ja m > 3") == "n < 5 ja m > 3"  # no tag
    # an e-mail address written with "<at>" or "<a>" is no markup: the masker still finds it
    assert normalise("x.y<at>kunta.fi ja x<a>kunta.fi") == "x.y<at>kunta.fi ja x<a>kunta.fi"


def test_a_tagged_answer_in_markup_gets_its_polarity_and_evidence_in_the_text() -> None:
    import vastausanalyysi as va

    row = va.tag(["<p>Perhekeskus toimii <b>hyvin</b>.</p>"]).iloc[0]
    assert row["polarity"] == "works" and row["areas"] == ["perhekeskus"]
    ev = row["evidence"]["perhekeskus"][0]
    assert row["text"][ev["start"] : ev["end"]] == ev["surface"] == "Perhekeskus"


@pytest.mark.parametrize("hidden", list(REMOVED))
def test_a_likert_column_with_hidden_characters_is_read_as_the_plain_one(
    tmp_path: Path, hidden: str
) -> None:
    """QA 7: "Erit\\u200btäin hyvin" in the scale cells (and in the item's header) made the
    column an open question, its scores lost and its values tagged as answers."""
    labels = ["Erittäin huonosti", "Huonosti", "Hyvin", "Erittäin hyvin"]
    frames = {}
    for name, mark in (("plain", ""), ("hidden", hidden)):
        rows = ["Vastaajan tunnus;Tehtävänimike;Kunta;Yhteis" + mark + "työ toimii;Mikä toimii?"]
        for i in range(12):
            value = labels[i % 4][:3] + mark + labels[i % 4][3:]
            rows.append(f"R{i};sivistysjohtaja;Tampere;{value};Perhekeskus toimii {i}.")
        path = tmp_path / f"{name}.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        frames[name] = va.read_survey(path)
    plain, hidden_ = frames["plain"], frames["hidden"]
    assert len(hidden_.columns.likert) == len(plain.columns.likert) == 1
    assert hidden_.scores["value"].tolist() == plain.scores["value"].tolist()
    assert len(hidden_.answers) == len(plain.answers) == 12
