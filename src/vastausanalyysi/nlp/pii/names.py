"""What the name masker knows: the team-written name lists and the words of person context.

The lists are ``data/names_fi.txt`` (first names and surnames, team-written from general
knowledge; see ``data/README.md``) and ``data/name_context_words.txt`` (the context words below,
team-written; :func:`context_words` reads one of its sections, the constants here hold them).
Context words are matched on Voikko base forms:

* ``TITLES``: a capitalised, lower-case or all-capital word right after one of these, or after a
  compound ending in one of ``TITLE_ENDINGS`` ("rehtori Salo", "kuraattori salo",
  "Talouspäällikkö Usko Hämäläinen"), is a person's name; so is a name before a role in the
  essive or as the predicate ("… aloittivat koulukuraattoreina", "… ovat uudet ohjaajat");
* ``PERSON_AFTER``: postpositions after a genitive that speak of a person ("Salon mukaan",
  "Kallion kanssa");
* ``PERSON_AFTER`` also holds the spoken "kans", "kaa"; ``PERSON_NOUNS`` are nouns of a
  person's doings and contacts after a genitive ("Aallon esitys", "Kosken lähtö", "Kallion
  työnumero");
* ``PERSON_VERBS``: verbs of speaking and acting that make a nominative a person ("Koivisto
  kertoi", "Mäkinen vastasi"); ``WEAK_VERBS`` among them (coming, going, staying) are said of
  things too ("Lumi tuli aikaisin") and do not decide a name that is also an ordinary word;
* ``ASK_VERBS``: verbs whose allative right after is a person ("Annoin Rauhalle"), and
  ``ASK_FROM_VERBS`` whose ablative is ("kysy Sulolta", "Pyysimme Järveltä");
* ``UNIT_HEADS``: a nominative name followed by the elative of a unit is a person ("Onni
  kuraattoritiimistä", "Terho hyvinvointialueen tilapalveluista");
* ``KIN_NOUNS``: "Pekka-sedästä", "Liisa-tädin": the first part is a person's name;
* ``PLACE_HEADS``: head nouns that make a preceding name part of the name of a street, building,
  school, organisation, day or place ("Aleksis Kiven katu", "Paavo Nurmen stadion",
  "Runebergin päivä", "Mannerheimin Lastensuojeluliitto"; also as a compound's head: "Paavo
  Nurmen urheilutalon", "Runebergin talolla"): such a name is not masked;
  ``PLURAL_ORGANISATIONS``: organisations known by a first name's plural ("Martat");
  ``FOUNDATION_HEADS`` take the first names coordinated before too ("Ella ja Georg Ehrnroothin
  säätiö");
* ``PERSON_ONLY_VERBS`` and ``PERSON_PREDICATES``: predicates said of people only ("Lahti
  sairastui", "Koivu on paras tyyppi"); ``GREETINGS`` ("terveisiä Anskulle"); ``INFO_NOUNS``
  ("Rinteen kautta saimme tiedon"); ``NAME_PARTICLES`` ("von Essen"), ``MIDDLE_NAMES``
  ("Nguyen Van Minh");
* ``TITLE_ABBREVIATIONS`` and ``ENGLISH_TITLES`` ("PJ", "Mr."), ``TRUST_VERBS`` ("Mattiin voi
  luottaa"), ``NAMED_AFTER`` ("X:n mukaan nimetty" is a namesake), ``INSTITUTION_HEADS``
  ("Yliopistokeskus Chydenius"), ``FOREIGN_BEFORE_NAME`` and ``SWEDISH_PLACE_PREPOSITIONS``
  (Swedish and English contexts);
* ``TELL_VERBS`` ("Lehdolle soitettiin heti"), ``KNOW_NOUNS`` ("Lehdolla on tieto …") and
  ``SELF_WORDS`` ("JR, AK ja allekirjoittanut");
* ``COORDINATING_CONJUNCTIONS`` ("ja", "sekä", "tai", "eli"): no verb of speaking after one is
  said by the name before it; one between two runs of name words coordinates them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import lru_cache
from importlib import import_module

from vastausanalyysi._resources import read_sections, read_sections_in_order, read_text

NAMES_FILE = "names_fi.txt"

#: The masker's context words, one ``[section]`` per list (team-written; the comment above each
#: section says what the list is for). Lists read as tuples keep the file's order.
CONTEXT_WORDS_FILE = "name_context_words.txt"
_CONTEXT_WORDS = read_sections_in_order(CONTEXT_WORDS_FILE)


def context_words(section: str) -> tuple[str, ...]:
    """The words of ``[section]`` of :data:`CONTEXT_WORDS_FILE` in the file's order (the file is
    read once, when this module is imported). An unknown section is a KeyError naming the file."""
    words = _CONTEXT_WORDS.get(section)
    if words is None:
        raise KeyError(f"{CONTEXT_WORDS_FILE} has no section [{section}]")
    return words


# data/name_context_words.txt: the comment above each section says what the list is for
TITLES = frozenset(context_words("titles"))
ADVERB_FORMS = frozenset(context_words("adverb_forms"))
TITLE_ENDINGS = context_words("title_endings")
PERSON_AFTER = frozenset(context_words("person_after"))
PERSON_VERBS = frozenset(context_words("person_verbs"))
PERSON_ONLY_VERBS = frozenset(context_words("person_only_verbs"))
PERSON_PREDICATES = frozenset(context_words("person_predicates"))
SUPERLATIVE_PREDICATES = frozenset(context_words("superlative_predicates"))
GREETINGS = frozenset(context_words("greetings"))
TRUST_VERBS = frozenset(context_words("trust_verbs"))
TITLE_ABBREVIATIONS = frozenset(context_words("title_abbreviations"))
PARTY_ABBREVIATIONS = context_words("party_abbreviations")
ENGLISH_TITLES = frozenset(context_words("english_titles"))
FOREIGN_BEFORE_NAME = frozenset(context_words("foreign_before_name"))
SWEDISH_PLACE_PREPOSITIONS = frozenset(context_words("swedish_place_prepositions"))
SWEDISH_NOUNS = frozenset(context_words("swedish_nouns"))
INSTITUTION_HEADS = context_words("institution_heads")
MIDDLE_NAMES = frozenset(context_words("middle_names"))
NAMED_AFTER = frozenset(context_words("named_after"))
INFO_NOUNS = context_words("info_nouns")
NAME_PARTICLES = frozenset(context_words("name_particles"))
SPEECH_VERBS = frozenset(context_words("speech_verbs"))
CREW_NOUNS = frozenset(context_words("crew_nouns"))
MEET_VERBS = frozenset(context_words("meet_verbs"))
GATHERING_NOUNS = context_words("gathering_nouns")
HEAR_VERBS = frozenset(context_words("hear_verbs"))
WEAK_VERBS = frozenset(context_words("weak_verbs"))
ASK_VERBS = frozenset(context_words("ask_verbs"))
TELL_VERBS = frozenset(context_words("tell_verbs"))
KNOW_NOUNS = context_words("know_nouns")
SEND_VERBS = frozenset(context_words("send_verbs"))
THINK_VERBS = frozenset(context_words("think_verbs"))
HELP_NOUNS = frozenset(context_words("help_nouns"))
CARE_NOUNS = context_words("care_nouns")
TALK_VERBS = frozenset(context_words("talk_verbs"))
DOCUMENT_NOUNS = context_words("document_nouns")
BOOK_VERBS = frozenset(context_words("book_verbs"))
SELF_WORDS = frozenset(context_words("self_words"))
ASK_FROM_VERBS = frozenset(context_words("ask_from_verbs"))
PERSON_NOUNS = context_words("person_nouns")
FAMILY_NOUNS = frozenset(context_words("family_nouns"))
OPINION_NOUNS = context_words("opinion_nouns")
LEAVE_NOUNS = context_words("leave_nouns")
UNIT_HEADS = context_words("unit_heads")
KIN_NOUNS = frozenset(context_words("kin_nouns"))
LED_HEADS = context_words("led_heads")
SPOKEN_KIN = frozenset(context_words("spoken_kin"))
PLACE_HEADS = context_words("place_heads")
BRAND_HEADS = frozenset(context_words("brand_heads"))
BRAND_FIRST_NAMES = frozenset(context_words("brand_first_names"))
BRAND_SERVICES = tuple(context_words("brand_services"))
AREA_HEADS = frozenset(context_words("area_heads"))
PROJECT_HEADS = context_words("project_heads")
AWAY_STATES = frozenset(context_words("away_states"))
PLURAL_ORGANISATIONS = frozenset(context_words("plural_organisations"))
FOUNDATION_HEADS = context_words("foundation_heads")
CASE_ENDINGS = context_words("case_endings")
# school, health and meeting systems read as names ("Wilman kautta"): never masked
SYSTEM_NAMES = frozenset(context_words("system_names"))
#: "ja", "sekä", "tai", "eli" (read by context and runs)
COORDINATING_CONJUNCTIONS = frozenset(context_words("coordinating_conjunctions"))


# the Sami letters, for the same names written without them ("Máret" -> "Maret")
_SAMI_FOLD = str.maketrans("áčđŋšŧžÁČĐŊŠŦŽ", "acdnstzACDNSTZ")


@lru_cache(maxsize=1)
def name_lists() -> dict[str, frozenset[str]]:
    """``{"first": …, "surname": …}``: the shipped name lists (capitalised forms; a name with
    Sami letters also without them)."""
    return {
        section: names | {name.translate(_SAMI_FOLD) for name in names}
        for section, names in read_sections(NAMES_FILE).items()
    }


#: Faker's person-name locales (MIT licence, https://github.com/joke2k/faker; the installed
#: package is read at run time, nothing is copied): Nordic and Baltic neighbours, the languages
#: of Finland's larger groups of foreign background that are written in Latin script, English.
FOREIGN_NAME_LOCALES = (
    "sv_SE", "no_NO", "da_DK", "et_EE", "lt_LT", "lv_LV", "pl_PL", "de_DE", "fr_FR", "es_ES",
    "it_IT", "pt_PT", "nl_NL", "ro_RO", "hu_HU", "cs_CZ", "hr_HR", "tr_TR", "ar_AA", "fa_IR",
    "vi_VN", "id_ID", "hi_IN", "en_US", "en_GB", "en_IE", "sw", "ha_NG", "yo_NG", "ig_NG",
    "en_TH",
)  # fmt: skip
# a name in Latin letters, with any diacritics ("Phạm", "Siobhán", "Łukasz")
_LATIN_NAME = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*(?:-[^\W\d_]+)?")


def _latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        len(letters) >= 3
        and name[0].isupper()
        and _LATIN_NAME.fullmatch(name) is not None
        and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    )


def fold(word: str) -> str:
    """``word`` without diacritics but å, ä, ö ("Phạm" -> "Pham", "Siobhán" -> "Siobhan")."""
    if word.isascii():
        return word
    return "".join(
        c
        if c in "åäöÅÄÖ"
        else "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
        for c in word
    )


@lru_cache(maxsize=1)
def foreign_names() -> dict[str, frozenset[str]]:
    """``{"first": …, "surname": …}``: Faker's Latin-script names of the
    :data:`FOREIGN_NAME_LOCALES` (only words Voikko does not know are looked up in them)."""
    found: dict[str, set[str]] = {"first": set(), "surname": set()}
    for locale in FOREIGN_NAME_LOCALES:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for attr in dir(provider):
            kind = "first" if attr.startswith("first_names") else None
            kind = "surname" if attr.startswith("last_names") else kind
            values = getattr(provider, attr)
            if kind is None or not isinstance(values, dict | list | tuple | set | frozenset):
                continue
            found[kind].update(n for n in values if isinstance(n, str) and _latin(n))
    return {kind: frozenset(names) for kind, names in found.items()}


@lru_cache(maxsize=1)
def municipalities() -> frozenset[str]:
    """The Finnish names of Finland's municipalities (``data/municipalities.csv``)."""
    rows = csv.DictReader(io.StringIO(read_text("municipalities.csv")))
    return frozenset(row["kunta"] for row in rows if row.get("kunta"))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """The places the region resolver knows (``respondents.resolve_region``), lower-cased: the
    municipalities' Finnish and Swedish names (``data/municipalities.csv``), the former ones
    and other aliases (``data/place_aliases.csv``) and the counties' names (``counties.csv``);
    a word that is one of them ("Lovisa", Loviisa in Swedish) is a place, not only a name."""
    names: set[str] = set()
    for row in csv.DictReader(io.StringIO(read_text("municipalities.csv"))):
        for key in ("kunta", "kunta_sv"):
            names.update(p.strip() for p in (row.get(key) or "").split(" - "))
    for row in csv.DictReader(io.StringIO(read_text("place_aliases.csv"))):
        names.add((row.get("alias") or "").strip())
    for row in csv.DictReader(io.StringIO(read_text("counties.csv"))):
        names.update((row.get("name_fi") or "", row.get("name_sv") or ""))
        names.update((row.get("aliases") or "").split("|"))
    return frozenset(n.lower() for n in names if n and " " not in n)


def is_title(lemma: str) -> bool:
    """True for a title or role ("rehtori", "talouspäällikkö", "varautumispäällikkö")."""
    return lemma.lower() in TITLES or ends_with(lemma, TITLE_ENDINGS)


def is_place_head(lemma: str) -> bool:
    """True for a head noun of a street, building, organisation, day or place name (not a
    title that happens to end like one: "kuraattori", "rehtori")."""
    return ends_with(lemma, PLACE_HEADS) and not is_title(lemma)


def ends_with(lemma: str, endings: tuple[str, ...]) -> bool:
    """True when ``lemma`` (lower case, hyphens ignored) is or ends in one of ``endings``."""
    return lemma.lower().replace("-", "").endswith(endings)


__all__ = [
    "ADVERB_FORMS",
    "AREA_HEADS",
    "ASK_FROM_VERBS",
    "ASK_VERBS",
    "AWAY_STATES",
    "BOOK_VERBS",
    "BRAND_FIRST_NAMES",
    "BRAND_HEADS",
    "BRAND_SERVICES",
    "CARE_NOUNS",
    "CASE_ENDINGS",
    "CONTEXT_WORDS_FILE",
    "CREW_NOUNS",
    "DOCUMENT_NOUNS",
    "ENGLISH_TITLES",
    "FAMILY_NOUNS",
    "FOREIGN_BEFORE_NAME",
    "FOREIGN_NAME_LOCALES",
    "FOUNDATION_HEADS",
    "GATHERING_NOUNS",
    "GREETINGS",
    "HEAR_VERBS",
    "HELP_NOUNS",
    "INFO_NOUNS",
    "INSTITUTION_HEADS",
    "KIN_NOUNS",
    "KNOW_NOUNS",
    "LEAVE_NOUNS",
    "LED_HEADS",
    "MEET_VERBS",
    "MIDDLE_NAMES",
    "NAMED_AFTER",
    "NAMES_FILE",
    "NAME_PARTICLES",
    "OPINION_NOUNS",
    "PARTY_ABBREVIATIONS",
    "PERSON_AFTER",
    "PERSON_NOUNS",
    "PERSON_ONLY_VERBS",
    "PERSON_PREDICATES",
    "PERSON_VERBS",
    "PLACE_HEADS",
    "PLURAL_ORGANISATIONS",
    "SELF_WORDS",
    "SEND_VERBS",
    "SPEECH_VERBS",
    "SPOKEN_KIN",
    "SUPERLATIVE_PREDICATES",
    "SWEDISH_NOUNS",
    "SWEDISH_PLACE_PREPOSITIONS",
    "SYSTEM_NAMES",
    "TALK_VERBS",
    "TELL_VERBS",
    "THINK_VERBS",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "TITLE_ENDINGS",
    "TRUST_VERBS",
    "UNIT_HEADS",
    "WEAK_VERBS",
    "context_words",
    "ends_with",
    "fold",
    "foreign_names",
    "is_place_head",
    "is_title",
    "known_places",
    "municipalities",
    "name_lists",
]
