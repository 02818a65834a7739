"""What the name masker knows: the team-written name lists and the words of person context.

The lists are ``data/names_fi.txt`` (first names and surnames, team-written from general
knowledge; see ``data/README.md``). Context words are matched on Voikko base forms:

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
  ``SELF_WORDS`` ("JR, AK ja allekirjoittanut").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import lru_cache
from importlib import import_module

from vastausanalyysi._resources import read_sections, read_text

NAMES_FILE = "names_fi.txt"

TITLES = frozenset(
    [
        # a neighbour, in apposition or before the name (dev_q: "Ahti (naapuri) auttaa")
        "naapuri",
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

# compounds ending in these are titles too ("talouspäällikkö", "palvelualuejohtaja")
TITLE_ENDINGS = (
    "johtaja", "päällikkö", "opettaja", "kuraattori", "psykologi", "lääkäri", "hoitaja",
    "ohjaaja", "työntekijä", "koordinaattori", "suunnittelija", "asiantuntija", "sihteeri",
    "neuvoja", "tulkki", "rehtori", "esihenkilö", "esimies", "insinööri", "tarkastaja",
    "terapeutti", "kätilö", "valvoja", "vastaava", "edustaja", "yhteyshenkilö", "isännöitsijä",
    "talonmies", "kanslisti", "notaari", "lakimies", "juristi", "kamreeri", "avustaja",
    "kehittäjä", "puhuja", "vetäjä", "tiedottaja", "vastuuhenkilö", "tukihenkilö",
    "yhdyshenkilö", "luottamushenkilö",
)  # fmt: skip

PERSON_AFTER = frozenset(
    [
        "kans",
        "kaa",
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
        "aloittaa",
        "päästä",
        # fixing something (dev_p: "Niemi korjasi hanan"); claiming (dev_q: "… väittää toista")
        "korjata",
        "väittää",
        # acknowledging, preparing (dev_w: "… kuittasi viestin", "… oli valmistautunut")
        "kuitata",
        "valmistautua",
    ]
)

# verbs said of people only (falling ill, understanding, remembering): a nominative name that is
# also an ordinary word or a place is a person when one is its predicate ("Lahti sairastui",
# "Karhu on ainoa, joka ymmärtää …"); not "haluta", "päättää", said of towns as well
PERSON_ONLY_VERBS = frozenset(
    [
        "sairastua", "ymmärtää", "osata", "jaksaa", "muistaa", "unohtaa", "ajatella", "väsyä",
        "uupua", "suuttua", "loukkaantua", "innostua", "lomailla", "opiskella", "kuunnella",
        "keskustella", "kehua", "valittaa", "ehtiä", "lupautua", "suostua", "erehtyä",
        "huomata",
        # living somewhere (dev_q: "Rauha on asunut palvelutalossa")
        "asua",
        # crying (dev_t; not eating or sleeping, said of animals too: "Orava söi …")
        "itkeä",
    ]
)  # fmt: skip

# nouns and adjectives that, as the predicate of "olla", make the subject a person ("Koivu on
# paras tyyppi", "… ja on aina avulias"; an adjective not before a noun: "ystävällinen kaupunki")
PERSON_PREDICATES = frozenset(
    ["ihminen", "henkilö", "tyyppi", "kaveri", "persoona", "työkaveri", "mies", "nainen",
     "iloinen", "ystävällinen", "avulias", "kärsivällinen", "kiltti", "reipas", "ahkera",
     # a child in the family ("Valo on esikoisemme", "Sisu on meidän nuorimmainen"; dev_t)
     "esikoinen", "nuorimmainen", "kuopus", "keskimmäinen", "lapsenlapsi"]
)  # fmt: skip

# adjectives whose superlative, as the predicate of "olla" with no noun after it, makes the
# subject a person ("Onni on meidän tiimin nuorin"; not "Lahti on Suomen nuorin kaupunki")
SUPERLATIVE_PREDICATES = frozenset(["nuori", "kokenut"])

# greetings and thanks: an allative or ablative near one is a person ("terveisiä Anskulle",
# "olen kiitollinen Oksanalle")
GREETINGS = frozenset(
    ["kiitos", "kiitokset", "terveinen", "terveiset", "terkku", "terkut", "terkkuja",
     "onnittelu", "onnittelut", "kiitollinen", "tunnustus", "kehu"]
)  # fmt: skip

# verbs whose illative is a person ("Mattiin voi luottaa", "tutustuimme Ilmaan")
TRUST_VERBS = frozenset(
    ["luottaa", "tutustua", "turvautua", "tukeutua", "ihastua", "pettyä", "tykästyä",
     "rakastua"]
)  # fmt: skip

# abbreviated titles, before a name with or without a dot ("Pj. Virtanen", "PJ MATTI
# HEIKKILÄ", "tri Salo"); the English ones only capitalised ("Mr. Rahman", "Dr Lee")
TITLE_ABBREVIATIONS = frozenset(["pj", "vpj", "varapj", "siht", "tri", "prof"])
ENGLISH_TITLES = frozenset(["Mr", "Mrs", "Ms", "Mx", "Dr"])

# Swedish and English words that stand right before a person's name ("enligt Karlsson",
# "kontakta Strand", "tack vare Ek", "thanks to Rose", "contact Park")
FOREIGN_BEFORE_NAME = frozenset(
    ["enligt", "kontakta", "ring", "fråga", "vare", "hälsar", "kontakt", "contact", "reach",
     "ask", "thanks", "thank", "call", "email", "colleague"]
)  # fmt: skip


# Swedish prepositions before a place: "från Ekenäs till Karis" is no genitive of "Kari"
SWEDISH_PLACE_PREPOSITIONS = frozenset(
    ["till", "från", "i", "på", "vid", "mot", "genom", "över", "ur", "kring", "runt", "nära"]
)

# heads of the names of institutions and buildings that stand before a name in apposition
# ("Yliopistokeskus Chydenius", "palvelutalo Villa Helmi", "Hotelli Arthurissa")
INSTITUTION_HEADS = (
    "keskus", "talo", "villa", "koti", "koulu", "lukio", "opisto", "yliopisto", "hotelli",
    "kartano", "sairaala", "museo", "kirjasto", "teatteri", "instituutti", "ravintola", "kylpylä",
    # vessels: "Yhteysalus Armas", "lautta Elina"
    "alus", "laiva", "lautta", "lossi", "vene", "murtaja", "hinaaja",
    # businesses named by their owner: "Rakennusliike Nieminen", "Taksi Lehtonen", "Apteekki
    # Lindroos", "Siivouspalvelu Korhonen", "Tilitoimisto Laine"
    "liike", "taksi", "kauppa", "apteekki", "pesula", "kahvila", "leipomo", "toimisto",
    "palvelu", "yhtiö", "paja", "kuljetus",
)  # fmt: skip

# Vietnamese middle names between a surname and a given name ("Nguyen Van Minh", "Tran Thi
# Lan"): like a surname particle, they join the name
MIDDLE_NAMES = frozenset(["Van", "Văn", "Thi", "Thị"])

# a name in the genitive before "mukaan" and one of these is a thing's namesake ("Arvo Ylpön
# mukaan nimetty palkinto"), not a person spoken of
NAMED_AFTER = frozenset(["nimetty", "nimetä"])

# information that comes "via" someone: "Rinteen kautta saimme tiedon" (a genitive before
# "kautta" with one of these in the clause; a place's "Lahden kautta" stays)
INFO_NOUNS = ("tieto", "viesti", "tiedote", "info", "kutsu", "vinkki", "sana")

# particles of surnames ("Carl-Gustaf von Essen", "Vincent van Gogh"): between a name and a
# capitalised word they join the name
NAME_PARTICLES = frozenset(
    ["von", "van", "af", "de", "der", "den", "du", "da", "di", "del", "ter", "dela", "delos",
     "della", "dos", "das", "zu"]
)  # fmt: skip

# verbs of speaking: the only ones that make a lower-case ordinary word a name ("niemi sano")
SPEECH_VERBS = frozenset(
    [
        "kertoa", "sanoa", "luvata", "vastata", "ilmoittaa", "todeta", "kysyä", "pyytää",
        "soittaa", "ehdottaa", "kommentoida", "muistuttaa", "painottaa", "korostaa", "kiittää",
    ]
)  # fmt: skip

# a person's group after a genitive ("LAINEEN tiimi", "Kosken porukka"): see ``masker``
CREW_NOUNS = frozenset(["tiimi", "porukka", "väki", "jengi", "poppoo", "tiimiläinen"])

# verbs of seeing and meeting whose partitive object is a person ("Heikkilää ei ole nähty",
# "emme ole tavanneet Saarta"), or of being seen ("Järveä ei ole näkynyt palavereissa"); and of
# blaming or thanking someone ("Kiveä ei pidä syyttää", "kiitän Koskea"; dev_n; not praise,
# said of things too: "Rantaa kehuttiin kauniiksi")
MEET_VERBS = frozenset(
    ["nähdä", "tavata", "tavoittaa", "haastatella", "näkyä",
     "syyttää", "syyllistää", "kiittää"]
)  # fmt: skip

# places of meetings and work where someone absent "has not been seen" ("Järveä ei ole näkynyt
# palavereissa", "… töissä", "… paikalla"; not "… kartalla"); the first six are meetings, where
# one takes part or is ("… osallistui koulutukseen", "… oli kokouksessa")
GATHERING_NOUNS = (
    "palaveri", "kokous", "tapaaminen", "tilaisuus", "tapahtuma", "koulutus", "työ", "toimisto",
    "paikka", "vastaanotto", "kahvihuone",
)  # fmt: skip

# verbs of hearing of and knowing about someone, with an elative ("En ole kuullut Saaresta
# mitään, kun hän …"): with "hän" after the name, a person
HEAR_VERBS = frozenset(["kuulla", "kuulua", "tietää", "puhua", "kysellä"])

# verbs said of weather, light and things as readily as of people
WEAK_VERBS = frozenset(["tulla", "lähteä", "jäädä", "käydä", "siirtyä", "mennä", "päästä"])

ASK_VERBS = frozenset(
    [
        "kysyä", "pyytää", "tiedustella", "soittaa", "ilmoittaa", "kertoa", "sanoa", "antaa",
        "lähettää", "toimittaa", "välittää", "kiittää", "puhua", "viestiä", "tekstata",
        "siirtää", "ohjata", "laittaa", "kirjoittaa", "mailata", "meilata", "vinkata",
    ]
)  # fmt: skip

# verbs of telling and calling: a capitalised allative right before one is the person told or
# called ("Lehdolle soitettiin heti", "Kärjelle ilmoitettiin"); not verbs of sending or
# giving, whose allative may be a place ("Rannalle lähetettiin vene")
TELL_VERBS = frozenset(
    ["soittaa", "ilmoittaa", "kertoa", "sanoa", "puhua", "selittää", "vastata", "viestiä",
     "tekstata", "mailata", "meilata", "vinkata"]
)  # fmt: skip

# nouns of knowledge and responsibility that a person has ("Lehdolla on tieto …", "Mäellä on
# vastuu …"): a capitalised adessive before "olla" and one of these is the person who has it
KNOW_NOUNS = (
    "tieto", "vastuu", "kokemus", "osaaminen", "asiantuntemus", "ymmärrys", "käsitys",
    "näkemys", "mielipide", "muistiinpano",
    # an illness or a need for care only a person has ("Toivolla on diabetes"; dev_t)
    "diabetes", "allergia", "astma", "epilepsia", "diagnoosi",
)  # fmt: skip

# verbs of sending and documents sent: a capitalised allative of a surname right before one,
# with a document after, is the person sent it ("Vuorelle lähetettiin pöytäkirja"; not "Rannalle
# lähetettiin vene"); the same document after an ablative and "tulla" came from a person
# ("Lehdolta tuli ehdotus")
SEND_VERBS = frozenset(["lähettää", "toimittaa", "välittää", "postittaa", "mailata", "meilata"])
# verbs of holding or admitting a view, before an "että" clause: said of people ("Niemikin
# myönsi, että …"; dev_y), and of towns ("Lahti uskoo, että …": not for a town's name)
THINK_VERBS = frozenset(["myöntää", "väittää", "arvella", "epäillä", "uskoa", "muistaa"])
# help and instructions one gets from someone ("Mäeltä sain apua", "Saarelta saimme ohjeet")
HELP_NOUNS = frozenset(["apu", "ohje", "neuvo", "tuki", "vastaus", "vinkki", "opastus"])
# verbs of talking something over with someone: a lower-case genitive before "kanssa" with one
# in its clause is a person ("puhuin nurmen kanssa", "kävin heikkilän kanssa läpi"; dev_v)
TALK_VERBS = frozenset(
    ["puhua", "jutella", "keskustella", "neuvotella", "sopia", "palaveerata", "käydä", "tavata"]
)
DOCUMENT_NOUNS = (
    "kirja", "muistio", "kutsu", "viesti", "kirje", "posti", "liite", "lista", "lasku",
    "lausunto", "tiedote", "raportti", "ehdotus", "esitys", "vastaus", "kysely", "luonnos",
    "hakemus", "palaute", "kommentti", "selvitys", "asiakirja", "päätös", "muistutus", "pyyntö",
    "tieto",
)  # fmt: skip

# verbs of booking and granting: an allative of a first name before "olla" and their past passive
# participle is the person booked for ("Kaikulle on varattu aika")
BOOK_VERBS = frozenset(["varata", "myöntää", "järjestää", "luvata", "tarjota"])

# the writer in a list of people ("JR, AK ja allekirjoittanut", "minä, JR ja AK"): initials
# coordinated with one of these are people (base forms)
SELF_WORDS = frozenset(["allekirjoittanut", "minä"])

# verbs whose ablative right after is a person asked ("kysy Sulolta", "Pyysimme Järveltä"); an
# ablative after the other ASK_VERBS is a place ("soita rannalta")
ASK_FROM_VERBS = frozenset(["kysyä", "pyytää", "tiedustella", "anoa", "kysellä"])

# after a genitive: a person's contacts, stand-ins and absences ("Kosken lähtö", "Kallion
# työnumero"), which a town or a firm has not
PERSON_NOUNS = (
    "lähtö", "numero", "puhelin", "sähköposti", "sijainen", "seuraaja", "edeltäjä", "poissaolo",
    "sairausloma", "äitiysloma", "vanhempainvapaa", "puoliso", "esihenkilö", "esimies",
    "työhuone", "yhteystieto",
    # a person's car or pet (dev_p: "Mattilan auto on taas ajettu esteelle"); a doctor's
    # practice (dev_x: "Mäen vastaanotolla odotin …")
    "auto", "koira", "kissa", "vastaanotto",
)  # fmt: skip

# after the genitive of a first name (or of a surname that is no place): a person's family
# ("Saanan perhe odotti apua", "Kosken äiti"; not "Lahden perheet", "Onnen lapsi")
FAMILY_NOUNS = frozenset(
    ["perhe", "äiti", "isä", "lapsi", "vanhempi", "huoltaja", "puoliso", "vaimo", "aviomies",
     "veli", "sisko", "sisar", "tytär", "poika", "mummo", "mummi", "isoäiti", "isoisä", "ukki",
     "omainen", "perheenjäsen",
     # a child's teachers and carers ("Onnin opettaja", "Aamun luokanvalvoja"; dev_t)
     "opettaja", "luokanvalvoja", "avustaja", "omahoitaja", "terapeutti", "puheterapeutti",
     "lääkäri", "kummi"]
)  # fmt: skip

# after a genitive: a person's doings, which a town may have too ("Aallon esitys", "Lahden
# esitys"): these count for names that are not also places
OPINION_NOUNS = (
    "esitys", "ehdotus", "mielipide", "näkemys", "kommentti", "vastaus", "viesti", "puhelu",
    "työpanos", "allekirjoitus", "selvitys", "raportti",
    # a person's decision (dev_q: "Suomisen päätös"; not a town's: "Lahden päätös")
    "päätös",
)  # fmt: skip

# a person's leave, in "-lla"/"-lle"/"-lta" ("jäi eläkkeelle", "on sairauslomalla"); a plain
# "loma" counts in "-lle" only ("lähti lomalle"; "lomalla" may be a time: "Valo oli sammunut
# lomalla")
LEAVE_NOUNS = (
    "eläke", "sairausloma", "äitiysloma", "isyysloma", "vanhempainloma", "virkavapaa",
    "vanhempainvapaa", "opintovapaa", "vuorotteluvapaa", "hoitovapaa", "isyysvapaa",
)  # fmt: skip

UNIT_HEADS = (
    "tiimi", "toimi", "palvelu", "yksikkö", "osasto", "toimisto", "ryhmä", "virasto", "puoli",
    "neuvola", "toimiala", "keskus", "vastaanotto", "huolto", "asema", "hoito",
)  # fmt: skip

KIN_NOUNS = frozenset(
    [
        "setä", "täti", "eno", "enä", "vaari", "mummo", "mummi", "ukki", "pappa", "isä", "äiti",
        "poika", "tyttö", "ukko", "muori", "serkku", "kummi", "vauva",
    ]
)  # fmt: skip

# spoken words for family and friends that Voikko does not know ("Iskä ehti jo lähteä"): not
# names, though capitalised at a sentence's start and said to do what people do
SPOKEN_KIN = frozenset(
    ["iskä", "äiskä", "isi", "faija", "fatsi", "äippä", "skidi", "frendi", "broidi"]
)

PLACE_HEADS = (
    "katu", "tie", "kuja", "polku", "aukio", "tori", "puisto", "bulevardi", "silta", "raitti",
    "väylä", "koulu", "lukio", "opisto", "yliopisto", "korkeakoulu", "akatemia", "sairaala",
    "kirkko", "museo", "halli", "stadion", "kenttä", "kirjasto", "teatteri", "instituutti",
    "säätiö", "seura", "liitto", "keskus", "päivä", "patsas", "muistomerkki", "palkinto", "nimi",
    "kansallispuisto", "kaupunki", "kunta", "seutu", "alue", "kylä", "kartano", "hotelli",
    "ravintola", "rahasto", "mitali", "päiväkoti", "hoitokoti", "palvelukoti", "vanhainkoti",
    "lastenkoti", "taidekoti", "talo", "terveysasema", "paloasema", "villa",
)  # fmt: skip

# heads of brand-style names: an uninflected name before them in any case is a firm's or a
# venue's, not a person's ("Hartwall Arenalla", "Alma Median", "Lindström Oy:n")
BRAND_HEADS = frozenset(
    ["areena", "arena", "media", "group", "oy", "oyj", "ab", "ry", "yhtymä", "konserni"]
)

# heads of administrative areas: named after a place, never after a person's full name ("Salon
# kaupunki"; in "Valitsimme Eeva Kokon kunnan edustajaksi" Eeva Kokko is a person)
AREA_HEADS = frozenset(["kunta", "kaupunki", "maakunta", "seutu", "alue", "kylä", "pitäjä"])

# organisations known by a plural name that is also a first name's plural ("Martat ovat olleet
# mukana", "Marttojen kanssa"): the plural of these base forms is the organisation
PLURAL_ORGANISATIONS = frozenset(["martta"])

# heads of foundations, funds and prizes: the names coordinated before such a name belong to it
# ("Ella ja Georg Ehrnroothin säätiö", "Jenny ja Antti Wihurin rahasto")
FOUNDATION_HEADS = ("säätiö", "rahasto", "palkinto", "stipendi", "apuraha")

# Finnish case endings tried on words Voikko does not know ("Husseinille" -> "Hussein")
CASE_ENDINGS = (
    "iin", "ille", "ilta", "iltä", "illa", "illä", "ista", "istä", "issa", "issä", "in", "ia", "iä",
    "lle", "lta", "ltä", "lla", "llä", "sta", "stä", "ssa", "ssä", "ksi", "na", "nä", "n", "a",
    "ä", "'n", "'lle", "'lta", "'ltä", "'lla", "'llä",
)  # fmt: skip


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


#: School, health and meeting systems that Voikko or the name lists read as names ("Wilman
#: kautta", "Daisyssa"): never masked.
SYSTEM_NAMES = frozenset(
    {"wilma", "daisy", "teams", "kanta", "omaolo", "apotti", "pedanet", "hellewi", "edlevo",
     "lifecare", "effica", "pegasos", "primus", "moodle", "zoom", "whatsapp", "yammer",
     "titania"}
)  # fmt: skip


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
    "AREA_HEADS",
    "ASK_FROM_VERBS",
    "ASK_VERBS",
    "BOOK_VERBS",
    "BRAND_HEADS",
    "CASE_ENDINGS",
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
    "MEET_VERBS",
    "MIDDLE_NAMES",
    "NAMED_AFTER",
    "NAMES_FILE",
    "NAME_PARTICLES",
    "OPINION_NOUNS",
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
    "ends_with",
    "fold",
    "foreign_names",
    "is_place_head",
    "is_title",
    "known_places",
    "municipalities",
    "name_lists",
]
