"""A negation corrected by "vaan" is no judgment when "vaan" replaces a part of the clause
(codebook §3 convention 6).

Finnish "ei A vaan B" replaces A with B. When "vaan" is followed by no finite verb of its own, it
corrects the negated verb's object or adverbial ("ei aja oman kunnan vaan koko alueen etua") or,
after "olla" with a predicate nominal, what something is ("ei ole rakennus vaan tapa"): nothing
is said to fail. A "vaan" that goes on with a finite verb ("… vaan päätös tehtiin ylhäältä",
"… eivät olisi säästö vaan jättäisivät …"), a perfect tense ("ei ole jalkautunut vaan …") and an
absence ("yhteyshenkilöä ei ole vaan …", "ei ole tietoa vaan arvailua") still judge. A problem
word as the subject of a corrected "ei ole" is put elsewhere, not denied ("ongelma ei ole rahassa
vaan asenteissa": a problem; cases added by the lead, 2026-12-06).

Every sentence is team-written for these tests (helper realpol, 2026-12-06), in the register of
news, statements and opinion pieces; none is taken from a source.
"""

from __future__ import annotations

from collections.abc import Callable

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    # a problem put elsewhere, not denied; a bare absence of problems is still praise
    ("Pulma ei ole rahassa vaan asenteissa.", "problem"),
    ("Suurin haaste ei ole yhteistyössä vaan lainsäädännössä.", "problem"),
    ("Ongelmia ei ole ollut lainkaan.", "works"),
    # "vaan" corrects the object or an adverbial: no finite verb after it
    ("Valtuutetut eivät aja vain oman kotikuntansa vaan koko maakunnan asiaa.", "neutral"),
    ("Päätöksiä ei tehdä kunnissa vaan aluehallituksessa.", "neutral"),
    ("Hän toivoo, etteivät kunnat kilpaile keskenään vaan yhdessä alueen kanssa.", "neutral"),
    # "olla" with a predicate nominal: what something is, corrected
    ("Neuvola ei ole pelkkä rakennus vaan palvelu, joka kulkee perheen mukana.", "neutral"),
    ("Hyvinvointikertomus ei ole hallinnollinen velvoite vaan johtamisen väline.", "neutral"),
    ("Ei alueen koko ole ratkaisevaa vaan se, miten palvelut järjestetään.", "neutral"),
    # ... but a finite verb after "vaan", a perfect and an absence still judge
    ("Kaupunkia ei kuultu vaan päätös kerrottiin lehdessä.", "problem"),
    ("Säästöt eivät olisi pieniä vaan ne näkyisivät heti kouluissa.", "problem"),
    ("Linjaukset eivät ole jalkautuneet, vaan rehtorit tekevät omat ratkaisunsa.", "problem"),
    ("Yhdyshenkilöä ei ole vaan soitot ohjautuvat vaihteeseen.", "problem"),
    ("Kunnalla ei ole ajantasaista tietoa vaan pelkkiä arvioita.", "problem"),
]


def test_corrective_vaan_gets_its_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)


def test_a_corrected_predicate_leaves_no_negation_cue() -> None:
    lexicon = load_codebook().polarity
    (doc,) = as_docs(["Perhekeskus ei ole yksi talo vaan tapa toimia yhdessä."])
    assert not [c for c in rule_polarity(doc, lexicon).cues if c["rule"] == "negation"]
