"""mask_pii: common English words in an English sentence are ordinary words, names only where
the context says person ("This" read as the genitive of a listed "Thi", "Good" a listed surname,
"Job" a first name to Voikko). Team-written sentences."""

from __future__ import annotations

import pytest

import vastausanalyysi as va
from masking import mask
from vastausanalyysi.nlp.pii.english import english_words


@pytest.mark.parametrize(
    "text",
    [
        "This is fine.",
        "Good job.",
        "Good.",
        "Good job, thanks!",
        "Great job by the whole team.",
        "Even so, the service works.",
        "Make the forms simpler.",
        "Long waiting times at the health centre.",
        "Little support from the county.",
        "Best service we have had.",
        "Day care works well.",
        "Yhteistyö toimii. This is fine.",  # an English sentence after a Finnish one
    ],
)
def test_short_english_answers_keep_their_words(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Good did a great job.", "Mr. [NIMI] did a great job."),
        ("Please contact Good about the forms.", "Please contact [NIMI] about the forms."),
        ("Thanks to Good for the help.", "Thanks to [NIMI] for the help."),
        ("Good job Sarah!", "Good job [NIMI]!"),
        ("Rahman's team did a good job.", "[NIMI]'s team did a good job."),
        ("This is Matti Virtanen's team.", "This is [NIMI]'s team."),
        ("The work of Sarah Long is great.", "The work of [NIMI] is great."),
        # first names that are English words stay names (review)
        ("May helped us a lot with the plan.", "[NIMI] helped us a lot with the plan."),
        ("Will did a great job with the survey.", "[NIMI] did a great job with the survey."),
    ],
)
def test_english_names_in_context_are_still_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a Finnish sentence the words stay names
        ("Kiitos Good!", "Kiitos [NIMI]!"),
        ("Good kertoi asiasta palaverissa.", "[NIMI] kertoi asiasta palaverissa."),
        ("Job Korhonen hoitaa asiat.", "[NIMI] hoitaa asiat."),
        # a one-word signature after an abbreviation is no English sentence
        (
            "Soittakaa jos haluutte kysyy lisää, t. Make",
            "Soittakaa jos haluutte kysyy lisää, t. [NIMI]",
        ),
    ],
)
def test_the_same_words_in_finnish_sentences_stay_names(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_the_word_list_leaves_out_first_names() -> None:
    words = english_words()
    assert {"this", "good", "job", "fine", "is"} <= words
    assert not {"mark", "grace", "hope", "frank", "per", "brown", "smith"} & words
    # every first name the file lists stays a name, also one of the other list ("will")
    from vastausanalyysi._resources import read_sections

    names = {w.lower() for w in read_sections("english_words.txt")["names"]}
    assert {"may", "will", "rose", "bill", "joy"} <= names and not names & words


# after the blind set dev_ac (Swedish and English answers)
@pytest.mark.parametrize(
    "text",
    [
        "We hope the county will share its figures before May.",  # a month, a verb
        "The new family centre opened in August 2025.",
        "May I suggest that the county appoint one liaison officer?",
        "Student welfare services in Pargas will be cut next year.",
        "The will to cooperate is there; the money is not.",
        "Det gamla huset är byggt på berg och källaren är fuktig.",  # Swedish nouns
        "Vi gick längs stranden till en ek vid sten muren.",
        "Matkustimme Viking Linella Tukholmaan.",  # a firm
    ],
)
def test_english_and_swedish_words_that_are_first_names_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May helped us in May.", "[NIMI] helped us in May."),
        ("Tyvärr har dahl slutat på enheten.", "Tyvärr har [NIMI] slutat på enheten."),
        ("Enligt viking lindqvist ska taket repareras.", "Enligt [NIMI] ska taket repareras."),
        ("Berg sa på mötet att huset säljs.", "[NIMI] sa på mötet att huset säljs."),
        ("Vi träffade Lindqvist och Koski.", "Vi träffade [NIMI] och [NIMI]."),
        ("We met Lindqvist and Koski.", "We met [NIMI] and [NIMI]."),
    ],
)
def test_names_in_swedish_and_english_answers_are_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_counties_named_in_english_or_swedish_are_no_names() -> None:
    """Every name and alias of a county (data/counties.csv: "North Savo", "West Uusimaa",
    "Östra Nyland") comes out of the masker as written, alone and in a sentence; a compass
    word before a surname is still a name."""
    import csv

    from vastausanalyysi._resources import data_path

    with open(data_path("counties.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = sorted(
        {a for r in rows for a in r["aliases"].split("|") if a}
        | {r[k] for r in rows for k in ("name_fi", "name_sv")}
    )
    assert va.mask_pii(names) == names
    assert mask("We work closely with North Savo.") == "We work closely with North Savo."
    assert mask("Thanks to Oliver North for the help.") == "Thanks to [NIMI] for the help."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation: title-case words right after "the"
        ("Folkhälsan and the Red Cross run the volunteer work.", None),
        ("The Red Cross helped us during the storm.", None),
        # a family or a person's name still masked
        ("We met the Smith family yesterday.", "We met the [NIMI] family yesterday."),
        ("Ask the Virtanens about it, they know.", "Ask the [NIMI] about it, they know."),
        ("We thank the Anna Smith team.", "We thank the [NIMI] team."),
        ("We met Lindqvist and the Red Cross.", "We met [NIMI] and the Red Cross."),
    ],
)
def test_the_organisation_after_the_is_no_person(text: str, expected: str | None) -> None:
    assert mask(text) == (text if expected is None else expected)
