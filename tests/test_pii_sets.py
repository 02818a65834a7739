"""mask_pii on the team-written PII sets (corpus/pii/) and on arbitrary Unicode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vastausanalyysi as va
from documents import README
from vastausanalyysi.errors import InputTextError
from vastausanalyysi.nlp.normalise import REMOVED
from vastausanalyysi.nlp.pii.evaluation import (
    PiiItem,
    evaluate_masker,
    evaluate_pii_file,
    identifying_parts,
    read_pii_set,
)

PII = Path(__file__).resolve().parents[1] / "corpus" / "pii"


@pytest.mark.parametrize(
    ("name", "items", "ordinary", "changed"),
    [
        # written in one pass before the masker was changed
        ("heldout.txt", 113, 40, 0),
        ("dev.txt", 65, 25, 0),
        # written blind by other writers (measured once blind), then used for development
        ("dev_b.txt", 156, 45, 0),
        ("dev_c.txt", 148, 40, 0),
        ("dev_d.txt", 202, 40, 0),
        ("dev_e.txt", 196, 40, 0),
        ("dev_f.txt", 209, 40, 0),
        # one ordinary sentence is masked on purpose: "Alvar Aallon suunnittelema kunnantalo"
        # names the architect as the maker, as "Niemisen laatima" does a colleague; the masker
        # cannot tell a famous name from a private one, and masking it is the safe side
        ("dev_h.txt", 265, 45, 1),
        # the same on purpose: "Alvar Aallon suunnittelema kirjasto"
        ("dev_i.txt", 173, 40, 1),
        ("dev_j.txt", 192, 45, 0),
        ("dev_k.txt", 205, 45, 0),
        # written blind as a typical sample, measured once, never tuned on
        ("dev_g.txt", 128, 40, 0),
        ("dev_s.txt", 136, 40, 0),
        # written blind as the tester of issue 8 would (its kinds in realistic proportions),
        # measured once on 88c0753: 0 of 119 visible, 0 of 40 changed; never tuned on
        ("dev_aw.txt", 119, 40, 0),
    ],
)
def test_every_set_meets_the_targets(name: str, items: int, ordinary: int, changed: int) -> None:
    """Issue 8: at most 3 % of items visible, at most 2 of the ~40 ordinary sentences changed;
    and, as the READMEs say, every set now gives 0 visible and the listed ordinary sentences
    changed (0, but one deliberate mask in dev_h and in dev_i)."""
    score = evaluate_pii_file(PII / name)
    assert (score.items, score.ordinary) == (items, ordinary)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert score.visible == 0, score.leaks
    assert score.changed == changed, score.false_masks


def test_the_second_typical_blind_set_is_within_the_targets() -> None:
    """dev_l: measured once blind, never tuned on and its leaks not read; the figures are pinned
    (2 of 142 items visible, 1 of 40 ordinary sentences changed) so that a change shows. Since
    a mistyped identity code next to a word naming it (or in a list with one) is masked, one of
    the two (an identity code; its text not read) is masked: 1 of 142."""
    score = evaluate_pii_file(PII / "dev_l.txt")
    assert (score.items, score.ordinary) == (142, 40)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 1)


def test_the_twelfth_blind_set_after_its_fixes() -> None:
    """dev_m: measured once blind (15 of 200 items visible, 1 of 45 ordinary sentences
    changed), then fixed by cause; one leak is left: two capitals before ":n kanssa" that
    Voikko knows as an abbreviation, which the masker cannot tell from a person's initials."""
    score = evaluate_pii_file(PII / "dev_m.txt")
    assert (score.items, score.ordinary) == (200, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)
    assert [item for _, item, _ in score.leaks] == ["PK:n"]


def test_the_thirteenth_blind_set_after_its_fixes() -> None:
    """dev_n: measured once blind (24 of 210 items visible, 4 of 45 ordinary sentences
    changed), then fixed by cause: 7 of 210 (3.3 %, still above the target of 3 %) and 1 of 45.
    The leaks left are names in contexts no rule reads (a genitive before a contract, a
    nickname after "meidän", an elative with "apua", a genitive with a clitic before "pitäisi",
    a place-name surname with "mielestä" and as a recipient, a spoken lower-case sentence), and
    one false mask (a firm named after its founder; "Hilmassa", the procurement system, is left
    alone in a sentence about procurement). One more since a town's name in an outer local case
    needs "hän" later to be a person's ("Kotkalta kannattaa kysyä": the dev_y review; towns in
    ordinary sentences were masked). Pinned so that a change shows."""
    score = evaluate_pii_file(PII / "dev_n.txt")
    assert (score.items, score.ordinary) == (210, 45)
    assert score.changed <= 2
    assert (score.visible, score.changed) == (8, 1), (score.leaks, score.false_masks)


def test_the_set_of_the_issues_kinds_is_within_the_targets() -> None:
    """dev_o: written blind with the kinds of leak that issue 8 names (names at the start of a
    sentence, in lower case and in capitals, surnames that are places, apostrophes, "(at)"),
    measured once (3 of 114 visible, 0 of 40 changed); one leak fixed by cause since ("Lahtista":
    Lahtinen's, read as "Lahti" with an ending), one by the dev_x fixes ("Heikkilän
    vastaanotolle": a doctor's practice). The one left is ambiguous with a word: "Annan
    luokassa" (annan = I give)."""
    score = evaluate_pii_file(PII / "dev_o.txt")
    assert (score.items, score.ordinary) == (114, 40)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_the_fifteenth_blind_set_after_its_fixes() -> None:
    """dev_p: measured once blind (15 of 195 items visible, 3 of 45 ordinary sentences
    changed), then fixed by cause: 7 of 195 (3.6 %, above the target of 3 %; one by the dev_q
    fixes) and 2 of 45. Left: two genitives before "välinen riita", an inessive with
    "on jotain", an ablative with "-kö" before "ohje tuli", two initials with roles in
    brackets, a first name that is a word before an elative and a verb ("Lahja keittiöstä teki
    …"); false masks: a ship "M/S J. L. Runeberg" and a shop chain ("Hilmassa julkaistu
    hankintailmoitus" is the procurement system's now)."""
    score = evaluate_pii_file(PII / "dev_p.txt")
    assert (score.items, score.ordinary) == (195, 45)
    assert (score.visible, score.changed) == (7, 2), (score.leaks, score.false_masks)


def test_the_sixteenth_blind_set_after_its_fixes() -> None:
    """dev_q: measured once blind (10 of 172 items visible, 1 of 45 ordinary sentences
    changed), then fixed by cause to 3 of 172 (1.7 %; one by the dev_t fixes) and 1 of 45.
    Left: a genitive before "jälkeen", a comparison with a "joka" clause, a Swedish surname
    after a mistyped title; false mask: a shop chain beside "Stockmannin"."""
    score = evaluate_pii_file(PII / "dev_q.txt")
    assert (score.items, score.ordinary) == (172, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (3, 1), (score.leaks, score.false_masks)


def test_the_seventeenth_blind_set_after_its_fixes() -> None:
    """dev_r: measured once blind (9 of 169 items visible, 2 of 45 ordinary sentences changed),
    then fixed by cause to 5 of 169 (3.0 %; "Onnin opettaja" by the dev_t fixes) and 2 of 45,
    and to 4 when a first name with a possessive suffix of ours acts ("Mattimme", session twelve).
    Left: an unknown first name after a participle ("Keittiössä työskentelevä Siriporn"),
    "Helmen" after "tapasimme" (not read as a name), a town's name as a surname's object with
    "hän" after it, an adessive with "oli aikaa"; false masks: two firms named after people
    (Paulig, Anttila)."""
    score = evaluate_pii_file(PII / "dev_r.txt")
    assert (score.items, score.ordinary) == (169, 45)
    assert (score.visible, score.changed) == (4, 2), (score.leaks, score.false_masks)


def test_the_eighteenth_blind_set_after_its_fixes() -> None:
    """dev_t: parents' and relatives' answers about children whose first names are words
    (Onni, Lumi, Sisu, Arvo …), measured once blind (20 of 150 items visible, 0 of 45 ordinary
    sentences changed), then fixed by cause to 15 of 150 and later to 12 (8 %, far above the
    target): such names as subjects and objects of ordinary verbs ("Ilo kävi kerhossa", "Arvoa
    ei otettu mukaan", "Helmiä kiusataan") have no context the masker reads as a person's."""
    score = evaluate_pii_file(PII / "dev_t.txt")
    assert (score.items, score.ordinary) == (150, 45)
    assert (score.visible, score.changed) == (12, 0), (score.leaks, score.false_masks)


def test_the_fourth_typical_blind_set_is_within_the_targets() -> None:
    """dev_u: a typical sample of the personal data in the open answers of the 2026 survey of
    municipal leaders, written blind, measured once and never tuned on (its leak not read): 1
    of 122 items visible, 0 of 40 ordinary sentences changed. Pinned so that a change shows."""
    score = evaluate_pii_file(PII / "dev_u.txt")
    assert (score.items, score.ordinary) == (122, 40)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 0)


def test_the_nineteenth_blind_set_after_its_fixes() -> None:
    """dev_v: the kinds of issue 8 with the commonest Finnish names (surnames that are places or
    words at a sentence start and in lower case), measured once blind (15 of 206 items visible,
    0 of 45 ordinary sentences changed), then fixed by cause to 2 of 206 (1.0 %); 3 (1.5 %)
    since a town's name in an outer local case needs "hän" later to be a person's ("Salolle
    lähti viesti"). Left besides: a lower-case town's name as the one asked ("tiedustelin asiaa
    salolta"), a first name that is also a town at the head of a list of substitutes."""
    score = evaluate_pii_file(PII / "dev_v.txt")
    assert (score.items, score.ordinary) == (206, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (3, 0), (score.leaks, score.false_masks)


def test_the_twentieth_blind_set_after_its_fixes() -> None:
    """dev_w: the kinds of issue 8 with mid-frequency names in minutes, notes and e-mails,
    measured once blind after the dev_v fixes (8 of 197 items visible, 0 of 45 ordinary
    sentences changed), then fixed by cause to 1 of 197 (0.5 %). Left: an elliptic second clause
    ("…, Mikkola ei.") whose surname Voikko reads only as a place."""
    score = evaluate_pii_file(PII / "dev_w.txt")
    assert (score.items, score.ordinary) == (197, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_the_twenty_first_blind_set_after_its_fixes() -> None:
    """dev_x: residents' and staff's feedback answers naming doctors, nurses, relatives and
    neighbours with the commonest names, measured once blind after the dev_w fixes (9 of 181
    items visible, 0 of 45 ordinary sentences changed), then fixed by cause to 2 of 181 (1.1 %).
    Left: a genitive before an activity ("Vuoren jumpat"), a lower-case first name that is also
    a verb, coordinated after "kiitos" ("kiitos anna ja …")."""
    score = evaluate_pii_file(PII / "dev_x.txt")
    assert (score.items, score.ordinary) == (181, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (2, 0), (score.leaks, score.false_masks)


def test_the_twenty_second_blind_set_after_its_fixes() -> None:
    """dev_y: an employee survey naming colleagues, managers, substitutes (names of every
    frequency, Finland-Swedish and immigrant names, nicknames), measured once blind after the
    dev_x fixes (9 of 198 items visible, 0 of 45 ordinary sentences changed), then fixed by cause
    to 3 of 198 (1.5 %). Left: a short Swedish surname in capitals after a first name ("MIKAEL
    EK"), initials before a unit's elative ("JP teknisestä toimesta"), a town's name as a
    surname before "lisäksi"."""
    score = evaluate_pii_file(PII / "dev_y.txt")
    assert (score.items, score.ordinary) == (198, 45)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (3, 0), (score.leaks, score.false_masks)


def test_the_ordinary_sentences_blind_set_after_its_fixes() -> None:
    """dev_z: mostly ordinary sentences a careless masker would change (towns and villages that
    are surnames in every case, places and foundations named after people, firms, words that
    are names, numbers that are no phones), measured once blind after the dev_y fixes (0 of 58
    items visible, 4 of 116 ordinary sentences changed), then fixed by cause to 1 of 116, and to
    0 once a firm named like a first name before a thing of its trade is the firm ("Elisan
    kuituverkko"; tests/test_pii_session13_rules.py)."""
    score = evaluate_pii_file(PII / "dev_z.txt")
    assert (score.items, score.ordinary) == (58, 116)
    assert score.visible_rate <= 0.03
    assert (score.visible, score.changed) == (0, 0), (score.leaks, score.false_masks)


def test_the_case_forms_blind_set_after_its_fixes() -> None:
    """dev_aa: names in every case and position (essive, translative, abessive, comitative,
    possessive suffixes, clitics, plural surnames for a family), measured once blind after the
    dev_z fixes (14 of 141 items visible, 9.9 %; 0 of 42 ordinary sentences changed), then fixed
    by cause to 10 of 141 (7.1 %, above the target): a family's plural name with "molemmat" and
    an outer case with "hän" later are read now; towns as surnames ("Salon", "Lahdelle"),
    clitics with no person context ("Niemipä tuli"), an essive of a former name are not. 9 since
    session eleven ("Mäeltäkään ei ole kuulunut mitään": nothing heard from someone)."""
    score = evaluate_pii_file(PII / "dev_aa.txt")
    assert (score.items, score.ordinary) == (141, 42)
    assert score.changed <= 2
    assert (score.visible, score.changed) == (9, 0), (score.leaks, score.false_masks)


def test_the_longer_answers_blind_set_after_its_fixes() -> None:
    """dev_ab: longer answers (2–5 sentences) naming officials in every case, titles before and
    after, lists, Finland-Swedish and foreign-origin names, measured once blind after the dev_aa
    fixes (3 of 171 items visible, 1.8 %; 0 of 46 ordinary sentences changed), then fixed by
    cause: a title between "yhteydessä" and the illative, an adverb that Voikko reads as a noun
    between "on" and the participle, a surname subject whose next sentence begins with "hän"."""
    score = evaluate_pii_file(PII / "dev_ab.txt")
    assert (score.items, score.ordinary) == (171, 46)
    assert score.visible_rate <= 0.03
    assert (score.visible, score.changed) == (0, 0), (score.leaks, score.false_masks)


def test_the_swedish_and_english_blind_set_after_its_fixes() -> None:
    """dev_ac: answers in Swedish, English and Finnish mixed with Swedish (Finland-Swedish names
    that are words: Berg, Strand, Ek; English first names that are words: May, Will, Hope),
    measured once blind after the dev_ab fixes (5 of 144 items visible, 3.5 %; 7 of 47 ordinary
    sentences changed), then fixed by cause: English first names that are words in lower case,
    as months and as modal verbs; Swedish nouns that are surnames in lower case; Finland-Swedish
    names Voikko does not know; "och"/"and" coordination; later "the Red Cross", an
    organisation after "the". "Ek" stays unlisted (its Finnish forms are words)."""
    score = evaluate_pii_file(PII / "dev_ac.txt")
    assert (score.items, score.ordinary) == (144, 47)
    assert score.visible_rate <= 0.03
    assert (score.visible, score.changed) == (2, 0), (score.leaks, score.false_masks)


def test_the_twenty_seventh_blind_set_after_its_fixes() -> None:
    """dev_ad: survey-style answers with hard names (sentence starts, lower case, surnames that
    are words, nicknames, spaced e-mails), measured once blind on 8d228fd (14 of 166 items
    visible, 8.4 %; 1 of 47 ordinary sentences changed), then fixed by cause
    (tests/test_pii_session10_rules.py). Four leaks stay, each a single idiom: a contrast in the
    elative ("Vaarasta en voi sanoa samaa"), "known as" and "signs as" in the essive, and "in
    Vaara's position" ("asemassa" is also a town's station)."""
    score = evaluate_pii_file(PII / "dev_ad.txt")
    assert (score.items, score.ordinary) == (166, 47)
    assert score.visible_rate <= 0.03
    assert (score.visible, score.changed) == (4, 0), (score.leaks, score.false_masks)


def test_the_twenty_eighth_blind_set_after_its_fixes() -> None:
    """dev_ae: names in passing in every case, with clitics, possessive suffixes and hyphens, in
    minutes and lists, measured once blind after the dev_ad fixes (10 of 187 items visible,
    5.3 %; 1 of 45 ordinary sentences changed), then fixed by cause
    (tests/test_pii_session10_rules.py). Five leaks stay: towns that are surnames listed as people
    present ("Palaverissa olivat Salo, Lahti ja Laitila", which a town's representatives could
    be too), a lower-case first name that is a town, and an allative before "pitäisi antaa"."""
    score = evaluate_pii_file(PII / "dev_ae.txt")
    assert (score.items, score.ordinary) == (187, 45)
    assert (score.visible, score.changed) == (5, 0), (score.leaks, score.false_masks)


def test_the_twenty_ninth_blind_set_after_its_fixes() -> None:
    """dev_af: phone-typed feedback (no punctuation, lower case or capitals, dialect, children's
    names that are words), measured once blind after the dev_ae fixes (16 of 152 items visible,
    10.5 %; 0 of 48 ordinary sentences changed), then fixed by cause
    (tests/test_pii_session10_rules.py). Eight leaks stay: children's first names that are words,
    coordinated as twins or in the genitive ("meiän onnin ope", "lasten aamun ja voiton"), and
    towns as names in all-capital sentences."""
    score = evaluate_pii_file(PII / "dev_af.txt")
    assert (score.items, score.ordinary) == (152, 48)
    assert (score.visible, score.changed) == (8, 0), (score.leaks, score.false_masks)


def test_the_fifth_typical_blind_set() -> None:
    """dev_ag: a typical sample of the survey's answers (most name no one), measured once blind
    after the dev_af fixes: 1 of 125 items visible (0.8 %), 1 of 64 ordinary sentences changed
    (a care unit named like a person, "asumispalveluyksikkö Kotiranta", since kept as the unit's
    name); the one leak, a first name that is also the imperative "anna" at a sentence start
    before an elative unit and a coordinated name, stays."""
    score = evaluate_pii_file(PII / "dev_ag.txt")
    assert (score.items, score.ordinary) == (125, 64)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_the_issue_kinds_blind_set_is_within_the_targets() -> None:
    """dev_ah: the kinds of leak issue 8 lists, in its proportions, measured once blind after all
    of session ten's fixes and never tuned on: 2 of 99 items visible (2.0 %), 0 of 40 ordinary
    sentences changed. The figures are pinned so that a change shows."""
    score = evaluate_pii_file(PII / "dev_ah.txt")
    assert (score.items, score.ordinary) == (99, 40)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (2, 0), (score.leaks, score.false_masks)


def test_the_second_issue_kinds_blind_set() -> None:
    """dev_ai: the kinds of leak issue 8 lists, by a second writer with mid-frequency names,
    measured once blind on fdbe1e4: 4 of 94 items visible (4.3 %, above the target), 0 of 40
    ordinary sentences changed; one cause fixed since ("Salo oli lomalla": on leave is said of a
    person only), and a second in session eleven (a person's lessons, "Vainion tunnit"). Two
    leaks stay, each readable as a town's: "Sanoin Kemille", "Forssan mielestä"."""
    score = evaluate_pii_file(PII / "dev_ai.txt")
    assert (score.items, score.ordinary) == (94, 40)
    assert (score.visible, score.changed) == (2, 0), (score.leaks, score.false_masks)


def test_the_third_and_fourth_issue_kinds_blind_sets() -> None:
    """dev_aj (residents' answers) and dev_ak (municipal leaders' and staff's answers): the kinds
    of leak issue 8 lists, by two more writers, measured once blind on 669929c: 6 of 135 (4.4 %)
    and 8 of 139 (5.8 %) items visible, 0 of 40 ordinary sentences changed in each; above the
    target, mostly surnames that are words in a local case. After fixes by cause (an e-mail's
    words joined to an all-capital name, and tests/test_pii_session11_rules.py) 1 and 4 stay:
    "oli Mäkelällä" (the application was with someone), and towns as people ("Kemi oli
    yhteyshenkilönä", "Soitin Kemille", "Salon esitys"), each readable as a town's or a place's."""
    aj = evaluate_pii_file(PII / "dev_aj.txt")
    ak = evaluate_pii_file(PII / "dev_ak.txt")
    assert (aj.items, aj.ordinary, ak.items, ak.ordinary) == (135, 40, 139, 40)
    assert (aj.visible, aj.changed) == (1, 0), (aj.leaks, aj.false_masks)
    assert (ak.visible, ak.changed) == (4, 0), (ak.leaks, ak.false_masks)


def test_the_staff_and_residents_blind_sets() -> None:
    """dev_al (a staff survey: colleagues, supervisors, nicknames, initials) and dev_am (a
    residents' survey of social and health services: staff, relatives, one's own details), each
    asked for names of everyday frequency in every case and position, measured once blind on
    9254c3d: 6 of 134 (4.5 %) and 3 of 128 (2.3 %) items visible, 2 of 40 ordinary sentences
    changed in each. After fixes by cause 3 and 1 stay (spoken "tumppi lupas", "Sinihän … keksi",
    a lower-case "hämäläinen" after its verb; "Onnin koulussa", which also reads as a school's
    name), and 1 changed in each: a switchboard's number, which the writers left unmarked and the
    masker masks as every Finnish phone number (the rule of corpus/pii/README.md; earlier sets
    mark such numbers as personal data)."""
    al = evaluate_pii_file(PII / "dev_al.txt")
    am = evaluate_pii_file(PII / "dev_am.txt")
    assert (al.items, al.ordinary, am.items, am.ordinary) == (134, 40, 128, 40)
    assert (al.visible, al.changed) == (3, 1), (al.leaks, al.false_masks)
    assert (am.visible, am.changed) == (1, 1), (am.leaks, am.false_masks)


def test_the_officials_and_systematic_blind_sets() -> None:
    """dev_ao (elected officials and meeting reports) measured once blind on ef357d9: 10 of 132
    items visible (7.6 %), 1 of 40 ordinary sentences changed; dev_an (the issue's kinds built
    systematically: every case, position and form) on 6b236d1: 7 of 121 (5.8 %), 2 of 40. After
    fixes by cause (tests/test_pii_session11_rules.py) 7 and 1 stay visible, 0 and 1 changed:
    towns as councillors ("Koski ja Lahti jäivät vähemmistöön", "Lahti puolusti esitystä",
    "Salosta tuli valtuuston puheenjohtaja", "Lahdella oli selvä näkemys"), clitics with the verb
    far after ("Heikkilähän … teki", "Ei edes Mattilakaan tiennyt"); and "Kivistön uusi koulu" (a
    district that is also a surname) is masked. A family's plural ("Naapurin Mäkelät
    muuttivat") is masked since the next session (tests/test_pii_session12_rules.py): 0 of 121."""
    an = evaluate_pii_file(PII / "dev_an.txt")
    ao = evaluate_pii_file(PII / "dev_ao.txt")
    assert (an.items, an.ordinary, ao.items, ao.ordinary) == (121, 40, 132, 40)
    assert (an.visible, an.changed) == (0, 1), (an.leaks, an.false_masks)
    assert (ao.visible, ao.changed) == (7, 0), (ao.leaks, ao.false_masks)


def test_the_last_blind_set_after_all_fixes() -> None:
    """dev_ap: a realistic mix of the issue's kinds (mostly everyday names, a fair share of
    tricky ones), measured once blind on 2c62f1b after all of session eleven's other fixes: 5 of
    139 items visible (3.6 %), 0 of 40 changed. After fixes by cause one stays: a lower-case
    "karjalaisen kanssa" (also "with a Karelian")."""
    score = evaluate_pii_file(PII / "dev_ap.txt")
    assert (score.items, score.ordinary) == (139, 40)
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_session_twelves_blind_sets() -> None:
    """dev_aq (municipal leaders' answers naming their counterparts) and dev_ar (residents'
    phone-typed feedback: lower case, spoken forms, children's names that are words), written
    blind and measured once on ffd1673 (the masker as at 8f6ac89): 4 of 131 (3.1 %) and 7 of 129
    (5.4 %) items visible, 1 and 0 of 40 ordinary sentences changed. After fixes by cause
    (tests/test_pii_session12_rules.py) 1 and 2 stay visible, 0 changed: a rare surname that
    Voikko reads as an adjective ("Laiselle"), and children's first names that are words at a
    sentence's start with no person's context ("Lumi tarvis …" with a spoken verb, "Aamun
    koulukuraattori"); "Kaste sai rokotteen" since a name given care is a person."""
    aq = evaluate_pii_file(PII / "dev_aq.txt")
    ar = evaluate_pii_file(PII / "dev_ar.txt")
    assert (aq.items, aq.ordinary, ar.items, ar.ordinary) == (131, 40, 129, 40)
    assert (aq.visible, aq.changed) == (1, 0), (aq.leaks, aq.false_masks)
    assert (ar.visible, ar.changed) == (2, 0), (ar.leaks, ar.false_masks)


def test_session_twelves_later_blind_sets() -> None:
    """dev_as (a realistic mix of the issue's kinds with the commonest names) and dev_at (the
    education and premises sectors, with notes from memos and e-mails), written blind and
    measured once on the masker as at 25276b1 (after dev_aq and dev_ar's fixes): 6 of 131 (4.6 %)
    and 5 of 133 (3.8 %) items visible, 0 of 40 ordinary sentences changed in each. After fixes
    by cause (tests/test_pii_session12_rules.py) 2 and 1 stay: "Mäkikin myönsi …, ettei …" (a
    clitic with a verb said of towns too), a town's ablative before "joka lupasi soittaa", and
    initials after "kirjasi" (also "your book")."""
    as_ = evaluate_pii_file(PII / "dev_as.txt")
    at = evaluate_pii_file(PII / "dev_at.txt")
    assert (as_.items, as_.ordinary, at.items, at.ordinary) == (131, 40, 133, 40)
    assert (as_.visible, as_.changed) == (2, 0), (as_.leaks, as_.false_masks)
    assert (at.visible, at.changed) == (1, 0), (at.leaks, at.false_masks)


def test_the_clients_feedback_blind_set() -> None:
    """dev_au (clients' and relatives' feedback in a county's customer survey, names that are
    words), written blind and measured once on 597e5b3: 5 of 130 items visible (3.8 %), 2 of 40
    ordinary sentences changed. After fixes by cause (tests/test_pii_session12_rules.py) 2 stay:
    a surname that is a word as the whole answer ("Saari") and an all-capital first name that
    is a word with a predicate said of things too ("SATU ON IHANA!"); 0 changed."""
    score = evaluate_pii_file(PII / "dev_au.txt")
    assert (score.items, score.ordinary) == (130, 40)
    assert (score.visible, score.changed) == (2, 0), (score.leaks, score.false_masks)


def test_the_young_peoples_blind_set() -> None:
    """dev_av (young people's and youth workers' answers: slang, nicknames, teachers by surname,
    names that are words), written blind and measured once on 9b24f6d (the masker as at
    5b2b95b): 14 of 127 items visible (11.0 %), 1 of 40 changed — the hardest set of the kinds
    so far. After fixes by cause (tests/test_pii_session12_rules.py, and a clitic after a
    foreign name's case in test_pii_session13_rules.py) 5 stay: nicknames no list knows with a
    clitic or case ("Jontunkin mielestä", a lower-case "tiitu"), word
    surnames in local cases with no person's verb near ("Ketulle voi mennä juttelemaan",
    "Vuorelle pitäis antaa palkinto"), "Koivisto ei anna …"; "Elisan liittymä" (a telecom
    brand that is also a first name) was masked until 2026-12-08 (a firm's service)."""
    score = evaluate_pii_file(PII / "dev_av.txt")
    assert (score.items, score.ordinary) == (127, 40)
    assert (score.visible, score.changed) == (5, 0), (score.leaks, score.false_masks)


def test_the_staff_survey_blind_set() -> None:
    """dev_ax (a municipality's staff wellbeing survey naming supervisors and colleagues),
    written blind and measured once on 082e937: 4 of 124 items visible (3.2 %), 1 of 40
    changed. After fixes by cause (tests/test_pii_session12_rules.py) 1 stays: a lower-case
    surname before a negated verb ("miksi mäkelä ei koskaan kysy"); 0 changed."""
    score = evaluate_pii_file(PII / "dev_ax.txt")
    assert (score.items, score.ordinary) == (124, 40)
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_the_officials_and_parents_blind_set() -> None:
    """dev_ay (elected officials naming the county's directors and colleagues, parents naming
    children and school staff), written blind and measured once on eabac15: 5 of 125 items
    visible (4.0 %), 0 of 40 changed. After fixes by cause (tests/test_pii_session12_rules.py)
    4 stay: "Into sai lopulta ajan koulupsykologille", an all-capital allative with a clitic
    ("ONNILLEKIN"), and two towns' names coordinated as the subject of a person's predicate
    ("Kallio ja Salo ovat molemmat esteellisiä")."""
    score = evaluate_pii_file(PII / "dev_ay.txt")
    assert (score.items, score.ordinary) == (125, 40)
    assert (score.visible, score.changed) == (4, 0), (score.leaks, score.false_masks)


def test_the_names_of_many_origins_blind_set() -> None:
    """dev_az (a county's customer and staff feedback with Finnish, Finland-Swedish, Russian,
    Estonian, Somali, Arabic, Kurdish, Vietnamese and other names), written blind and measured
    once on 6209d03: 12 of 128 items visible (9.4 %), 2 of 40 changed. After fixes by cause
    (tests/test_pii_session13_rules.py) 5 stay: "Hawrekaan ei tiennyt" (a name no list knows,
    with a predicate said of things too), "Rebwar ja Karwan … olivat molemmat asiallisia", "Tammin
    kanssa sovittiin" (an Estonian surname that is a Finnish word's genitive) and "Satu
    ajanvarauksesta järjesti" (a first name that is a word); "Pizzeria Ali Baba" is masked (a
    restaurant named after a tale's hero)."""
    score = evaluate_pii_file(PII / "dev_az.txt")
    assert (score.items, score.ordinary) == (128, 40)
    assert (score.visible, score.changed) == (5, 1), (score.leaks, score.false_masks)


def test_the_municipal_leaders_counterparts_blind_set() -> None:
    """dev_ba (the open answers of the survey of municipal leaders naming counterparts and
    colleagues: surnames and first names that are words or places, used as people), written
    blind and measured once on 7dfed98: 6 of 130 items visible (4.6 %), 1 of 40 changed. After
    fixes by cause (tests/test_pii_session13_rules.py; two lower-case first names coordinated
    past their unit: "onni ja satu nuorisopalveluista kävivät") 1 stays: "Lahtea lukuun
    ottamatta" (a town's name as a person with no person's context); 0 changed."""
    score = evaluate_pii_file(PII / "dev_ba.txt")
    assert (score.items, score.ordinary) == (130, 40)
    assert (score.visible, score.changed) == (1, 0), (score.leaks, score.false_masks)


def test_the_last_blind_set_of_the_issues_kinds_is_not_tuned_on() -> None:
    """dev_bb (the issue's kinds in a held-out tester's proportions, names of everyday
    frequency), written blind and measured once on 31cfb0c after all of this session's fixes:
    4 of 124 items visible (3.2 %), 3 of 40 ordinary sentences changed — above both targets.
    Evaluation only: neither its leaks nor its changed sentences were read (the writer flagged
    two ordinary lines as open to dispute: "Wilma" the school system, "Anttila" the store).
    Pinned so that a change shows."""
    score = evaluate_pii_file(PII / "dev_bb.txt")
    assert (score.items, score.ordinary) == (124, 40)
    assert (score.visible, score.changed) == (4, 3)


def test_the_survey_blind_set_of_the_issues_kinds_is_within_the_targets() -> None:
    """dev_bc (open answers of a municipal survey with the issue's kinds in realistic
    proportions), written blind and measured once on c05dac9 after all of the fixes of
    2026-12-08: 2 of 133 items visible (1.5 %), 1 of 40 changed — within the targets.
    Evaluation only, not read; pinned so that a change shows."""
    score = evaluate_pii_file(PII / "dev_bc.txt")
    assert (score.items, score.ordinary) == (133, 40)
    assert score.visible_rate <= 0.03 and score.changed <= 2
    assert (score.visible, score.changed) == (2, 1)


def test_a_famous_makers_name_is_masked_like_a_colleagues() -> None:
    """The one ordinary sentence of dev_h that changes: the architect's name is masked."""
    ordinary = [s for s in read_pii_set(PII / "dev_h.txt") if s.ordinary]
    score = evaluate_masker(ordinary, va.mask_pii)
    assert [text for _, text, _ in score.false_masks] == [
        "Alvar Aallon suunnittelema kunnantalo vaatii pikaista peruskorjausta."
    ]
    assert score.false_masks[0][2].startswith("[NIMI] suunnittelema")


def test_dev_i_changes_only_the_architects_name() -> None:
    """The one ordinary sentence of dev_i that changes is the same construction."""
    ordinary = [s for s in read_pii_set(PII / "dev_i.txt") if s.ordinary]
    score = evaluate_masker(ordinary, va.mask_pii)
    assert [masked for _, _, masked in score.false_masks] == [
        "[NIMI] suunnittelema kirjasto toimii myös hyvinvointipisteenä."
    ]


def test_the_scorer_counts_leaks_and_false_masks() -> None:
    sentences = read_pii_set(PII / "dev.txt")
    identity = evaluate_masker(sentences, list)
    assert identity.visible == identity.items and identity.changed == 0
    blank = evaluate_masker(sentences, lambda texts: ["" for _ in texts])
    assert blank.visible == 0 and blank.changed == blank.ordinary
    assert identifying_parts(PiiItem("E", 0, 20, "sari.hakala(at)kunta.fi")) == ["sari", "hakala"]
    assert identifying_parts(PiiItem("P", 0, 12, "040 123 4567")) == ["040", "123", "4567"]


def test_a_malformed_set_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("P\tno items here\n", encoding="utf-8")
    with pytest.raises(InputTextError, match=r"bad\.txt:1"):
        read_pii_set(bad)


_PIECES = [*REMOVED, "\u0308", "@", "(at)", " ", "-", "'", "Liisa", "Virtanen", "040 123 4567"]
_ANY = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=6), st.sampled_from(_PIECES)),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_ANY, st.none(), st.integers(), st.floats()), max_size=6))
def test_one_output_per_input_for_arbitrary_unicode(values: list[object]) -> None:
    out = va.mask_pii(values)
    assert len(out) == len(values) and all(isinstance(o, str) for o in out)
    for value, masked in zip(values, out, strict=True):
        if value is None or (isinstance(value, float) and value != value):
            assert masked == ""
        elif not isinstance(value, str):
            assert masked == str(value)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=20), st.sampled_from(sorted(REMOVED)))
def test_a_name_stays_masked_whatever_surrounds_it(prefix: str, invisible: str) -> None:
    text = f"{prefix}. Kiitos Vir{invisible}taselle ja Ma\u0308kiselle!"
    (masked,) = va.mask_pii([text])
    assert masked.endswith("Kiitos [NIMI] ja [NIMI]!")


def test_bytes_are_still_an_error() -> None:
    with pytest.raises(InputTextError, match="position 0"):
        va.mask_pii([b"Liisa"])


def test_the_readme_counts_the_sets() -> None:
    """The README's "on N team-written sets of answers" is the number of sets in corpus/pii/."""
    found = re.search(r"on (\d+) team-written sets of answers", " ".join(README.split()))
    assert found, "the README's count of PII sets is gone"
    assert int(found.group(1)) == len(list(PII.glob("*.txt")))


def test_the_readme_names_the_sets_outside_the_targets() -> None:
    """The README's "on every set but N, whose figures it pins: …" names exactly the sets above
    3 % visible or with more than 2 ordinary sentences changed."""
    text = " ".join(README.split())
    found = re.search(r"on every set but (\w+), whose figures it pins: (.*?)\. All sets", text)
    assert found, "the README's list of sets outside the targets is gone"
    named = set(re.findall(r"\bdev_\w+", found[2]))
    outside = set()
    for path in PII.glob("*.txt"):
        score = evaluate_pii_file(path)
        if score.visible_rate > 0.03 or score.changed > 2:
            outside.add(path.stem)
    assert named == outside
    numbers = {"ten": 10, "eleven": 11, "twelve": 12}
    assert numbers[found[1]] == len(outside)
