"""What the name masker knows: the team-written name lists and the words of person context.

The lists are ``data/names_fi.txt`` (first names and surnames, team-written from general
knowledge; see ``data/README.md``). Context words are matched on Voikko base forms:

* ``TITLES``: a capitalised, lower-case or all-capital word right after one of these
  ("rehtori Salo", "kuraattori salo", "Perheohjaaja Siobhan O'Brien") is a person's name;
* ``PERSON_AFTER``: postpositions after a genitive that speak of a person ("Salon mukaan",
  "Kallion kanssa");
* ``PERSON_VERBS``: verbs of speaking and acting that make a nominative a person ("Koivisto
  kertoi", "Mäkinen vastasi");
* ``PLACE_HEADS``: head nouns that make a preceding name part of the name of a street, building,
  school, organisation, day or place ("Aleksis Kiven katu", "Paavo Nurmen stadion",
  "Runebergin päivä", "Mannerheimin Lastensuojeluliitto"): such a name is not masked.
"""

from __future__ import annotations

from functools import lru_cache

from vastausanalyysi._resources import read_sections

NAMES_FILE = "names_fi.txt"

TITLES = frozenset(
    [
        "rehtori",
        "apulaisrehtori",
        "johtaja",
        "toimialajohtaja",
        "palvelujohtaja",
        "sivistysjohtaja",
        "kunnanjohtaja",
        "kaupunginjohtaja",
        "hyvinvointialuejohtaja",
        "esihenkilö",
        "esimies",
        "päällikkö",
        "osastopäällikkö",
        "opettaja",
        "luokanopettaja",
        "erityisopettaja",
        "kuraattori",
        "koulukuraattori",
        "psykologi",
        "koulupsykologi",
        "lääkäri",
        "koululääkäri",
        "terveydenhoitaja",
        "kouluterveydenhoitaja",
        "sairaanhoitaja",
        "hoitaja",
        "lähihoitaja",
        "sosiaalityöntekijä",
        "sosiaaliohjaaja",
        "perheohjaaja",
        "perhetyöntekijä",
        "ohjaaja",
        "nuoriso-ohjaaja",
        "nuorisotyöntekijä",
        "koordinaattori",
        "suunnittelija",
        "asiantuntija",
        "sihteeri",
        "puheenjohtaja",
        "varapuheenjohtaja",
        "jäsen",
        "valtuutettu",
        "kansanedustaja",
        "yhteyshenkilö",
        "tulkki",
        "neuvoja",
        "palveluohjaaja",
        "vastaava",
        "projektipäällikkö",
        "hankepäällikkö",
        "hanketyöntekijä",
        "kehittämispäällikkö",
        "kirjastonhoitaja",
        "lastentarhanopettaja",
        "varhaiskasvatuksenopettaja",
        "opinto-ohjaaja",
        "työntekijä",
        "kollega",
        "herra",
        "rouva",
        "neiti",
        "tohtori",
        "dosentti",
        "professori",
        "pastori",
        "kirkkoherra",
        "konstaapeli",
        "komisario",
    ]
)

PERSON_AFTER = frozenset(
    [
        "kanssa",
        "mukaan",
        "luona",
        "luokse",
        "luota",
        "ansiosta",
        "puolesta",
        "toimesta",
        "kera",
        "avulla",
        "vuoksi",
        "takia",
        "sijaan",
        "tilalle",
        "tilalla",
        "kanssani",
        "kanssamme",
        "mielestä",
    ]
)

PERSON_VERBS = frozenset(
    [
        "kertoa",
        "sanoa",
        "luvata",
        "vastata",
        "hoitaa",
        "soittaa",
        "ilmoittaa",
        "todeta",
        "kysyä",
        "pyytää",
        "auttaa",
        "järjestää",
        "lähettää",
        "tehdä",
        "tulkata",
        "huomata",
        "koordinoida",
        "vetää",
        "muistuttaa",
        "painottaa",
        "korostaa",
        "arvioida",
        "kommentoida",
        "tietää",
        "selvittää",
        "esitellä",
        "esittää",
        "ehdottaa",
        "toivoa",
        "kiittää",
        "tavata",
        "käydä",
        "tulla",
        "lähteä",
        "jäädä",
        "siirtyä",
        "päättää",
        "hyväksyä",
        "allekirjoittaa",
        "kirjoittaa",
        "vaatia",
        "kieltäytyä",
    ]
)

PLACE_HEADS = (
    "katu", "tie", "kuja", "polku", "aukio", "tori", "puisto", "bulevardi", "silta", "raitti",
    "väylä", "koulu", "lukio", "opisto", "yliopisto", "korkeakoulu", "akatemia", "sairaala",
    "kirkko", "museo", "halli", "stadion", "kenttä", "kirjasto", "teatteri", "instituutti",
    "säätiö", "seura", "liitto", "keskus", "päivä", "patsas", "muistomerkki", "palkinto", "nimi",
    "kansallispuisto", "kaupunki", "kunta", "seutu", "alue", "kylä", "kartano", "hotelli",
    "ravintola", "rahasto", "mitali",
)  # fmt: skip

# Finnish case endings tried on words Voikko does not know ("Husseinille" -> "Hussein")
CASE_ENDINGS = (
    "ille", "ilta", "iltä", "illa", "illä", "ista", "istä", "issa", "issä", "in", "ia", "iä",
    "lle", "lta", "ltä", "lla", "llä", "sta", "stä", "ssa", "ssä", "ksi", "na", "nä", "n", "a",
    "ä", "'n", "'lle", "'lta", "'ltä", "'lla", "'llä",
)  # fmt: skip


@lru_cache(maxsize=1)
def name_lists() -> dict[str, frozenset[str]]:
    """``{"first": …, "surname": …}``: the shipped name lists (capitalised forms)."""
    return read_sections(NAMES_FILE)


def is_place_head(lemma: str) -> bool:
    """True for a head noun of a street, building, organisation, day or place name."""
    lemma = lemma.lower().replace("-", "")
    return any(lemma.endswith(head) for head in PLACE_HEADS)


__all__ = [
    "CASE_ENDINGS",
    "NAMES_FILE",
    "PERSON_AFTER",
    "PERSON_VERBS",
    "PLACE_HEADS",
    "TITLES",
    "is_place_head",
    "name_lists",
]
