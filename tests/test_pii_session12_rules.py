"""mask_pii: the rules added after session twelve's blind sets dev_aq (municipal leaders'
answers) and dev_ar (residents' phone-typed feedback), 2026-12-08. Team-written sentences (not
the sets' sentences): each rule with sentences it masks and ordinary look-alikes it keeps.

* a child's age as the predicate after a first name ("ilo on 3v");
* a first name as written whose only place reading is another place's oblique case ("maria":
  also the partitive of the place "Mari") is no place, so it acts as a first name rarely a word;
* a spoken past tense that drops its final "i" ("vastas", "lupas") is the verb;
* a child's or a client's own card, referral, diagnosis, medication and carers after a genitive
  ("Sisun neuvolakortti");
* "nothing heard" from a surname's elative that is no place ("Niemestä ei ole kuulunut");
* a hyphenated name of listed names that Voikko reads as a surname and a place is no place
  ("Aho-Kuuselan jälkeen");
* initials after a verb said of people ("Lausunnon kirjoitti AH"; not "Päätöksen teki KH", the
  municipal board);
* a genitive coordinated with another before the head of a place's name names a place ("Kurjen ja
  Haapalan kylien asukkaat"), and so does one before "asukkaat";
* a family's plural of a listed surname that is no ordinary word ("naapurin Mäkelät", which
  Voikko reads as a place's plural; a note of session eleven);
* towns thanked together in an outer local case are towns ("Kiitos Lahdelle ja Hollolalle"; a
  note of session eleven), a town thanked with a surname is still a person;
* after dev_as and dev_at: an allative before a modal and a verb of telling ("Kalliolle pitäisi
  kertoa"), a first name and "hänen" + a family noun ("Lumi ja hänen isänsä"), an ablative and
  "tuli" with a document past an adjective ("Kalliolta tuli hyvä ehdotus"), an illative before a
  finite verb and "yhteyttä"/"yhteydessä" (not a town's), a first name with a possessive suffix
  of ours acting ("Marjamme siivoaa"), a lower-case first name rarely a word past the unit it is
  from ("matti kiinteistöpalveluista lupasi"), a family's plural genitive ("Karimien kanssa");
* a name before a finite verb with care, a place or aid as its object ("Tuuli sai lähetteen";
  not "Lumi sai aikaan tulvan", nor a town's "Lahti sai rokotteet");
* after dev_au: the same with "olla" and a participle ("Lumi on saanut puheterapiaa"), being
  busy ("Laaksolla on aina kiire"), a genitive before "jälkeen" or "tilalle" and a stand-in
  ("Niemen jälkeen tuli sijainen"); care units and a pastry named after a place or a poet are
  no person ("Toivolan asumisyksikkö", "Runebergin torttu");
* after dev_av (young people's answers): colloquial teachers' titles ("liikunnanope Salo"; a title
  no dictionary knows is no name: "Ope sanoi"), a verb after a negation is no name ("Koivisto ei
  anna lupaa"), teaching and supervising as a person's verbs, a writer introducing themselves
  ("Lumi tässä, …"), a spoken modal before a verb of telling ("Mäelle pitäis kertoa");
* a town contacted is the town ("Otin yhteyttä Lahteen"), unless "hän" follows;
* after dev_ax (a staff survey): compounds of "valtuutettu" are titles ("työsuojeluvaltuutettu
  Koski"), a person's way of leading ("Salon johtamistyyli"), an office named after its place
  ("Koskelan toimipiste");
* after dev_ay (officials and parents): disqualified ("esteellinen") is said of people, and a
  first name booked for care also when negated ("Valolle ei ole vieläkään järjestetty …").
"""

from __future__ import annotations

import pytest

from masking import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child's age as the predicate; not a span of years
        ("ilo on 3v ja odottaa vieläkin paikkaa", "[NIMI] on 3v ja odottaa vieläkin paikkaa"),
        ("Toivo on 30 vuotta vanha ajatus.", "Toivo on 30 vuotta vanha ajatus."),
        # a first name with a spurious place reading, in lower case before a verb of acting
        ("eilen maria neuvoi mua lomakkeen kanssa", "eilen [NIMI] neuvoi mua lomakkeen kanssa"),
        # spoken past tenses; "vaan" is no verb
        ("Salo vastas heti viestiin.", "[NIMI] vastas heti viestiin."),
        ("niemi vastas heti viestiin", "[NIMI] vastas heti viestiin"),
        ("Lahti vaan kasvaa koko ajan", "Lahti vaan kasvaa koko ajan"),
        # a person's own card; not a town's clinics
        ("Sisun neuvolakortti jäi päiväkotiin.", "[NIMI] neuvolakortti jäi päiväkotiin."),
        ("Lahden neuvolat ovat hyviä.", "Lahden neuvolat ovat hyviä."),
        # nothing heard from a person (a surname's elative); a city's is no person
        (
            "Niemestä ei ole kuulunut mitään kevään jälkeen.",
            "[NIMI] ei ole kuulunut mitään kevään jälkeen.",
        ),
        (
            "Helsingistä ei ole kuulunut mitään kevään jälkeen.",
            "Helsingistä ei ole kuulunut mitään kevään jälkeen.",
        ),
        # a double surname of listed names at a sentence's start
        (
            "Aho-Kuuselan jälkeen kukaan ei ole vastannut.",
            "[NIMI] jälkeen kukaan ei ole vastannut.",
        ),
        # initials after a verb said of people; a board's abbreviation is no person
        ("Lausunnon kirjoitti AH, ja se oli hyvä.", "Lausunnon kirjoitti [NIMI], ja se oli hyvä."),
        ("Päätöksen teki KH.", "Päätöksen teki KH."),
        # genitives coordinated before a place's head, and a place's residents; names thanked
        # are still names
        (
            "Kurjen ja Haapalan kylien asukkaat saavat uuden tien.",
            "Kurjen ja Haapalan kylien asukkaat saavat uuden tien.",
        ),
        ("Jokelan asukkaat ovat valittaneet.", "Jokelan asukkaat ovat valittaneet."),
        ("Kiitos Virtaselle ja Laineelle.", "Kiitos [NIMI] ja [NIMI]."),
        # a family's plural; not the plural of an ordinary word
        ("Serkun Mattilat muuttivat Ouluun.", "Serkun [NIMI] muuttivat Ouluun."),
        ("Kalliot ovat jyrkkiä.", "Kalliot ovat jyrkkiä."),
        # towns thanked together; a town's name beside a surname is a person's
        (
            "Kiitos Lahdelle ja Hollolalle yhteisestä valmiusharjoituksesta.",
            "Kiitos Lahdelle ja Hollolalle yhteisestä valmiusharjoituksesta.",
        ),
        ("Kiitos Salolle ja Virtaselle.", "Kiitos [NIMI] ja [NIMI]."),
        # after dev_as and dev_at
        (
            "Kalliolle pitäisi kertoa, että huone on varattu.",
            "[NIMI] pitäisi kertoa, että huone on varattu.",
        ),
        ("Rannalle pitäisi soittaa ambulanssi.", "Rannalle pitäisi soittaa ambulanssi."),
        (
            "Lumi ja hänen isänsä tulivat vasta illalla.",
            "[NIMI] ja hänen isänsä tulivat vasta illalla.",
        ),
        (
            "Kalliolta tuli hyvä ehdotus aikataulusta.",
            "[NIMI] tuli hyvä ehdotus aikataulusta.",
        ),
        ("Vuorelta tuli iso kivivyöry.", "Vuorelta tuli iso kivivyöry."),
        (
            "Hämäläiseen olemme olleet yhteydessä monesti.",
            "[NIMI] olemme olleet yhteydessä monesti.",
        ),
        ("Lahteen otin yhteyttä jo toukokuussa.", "Lahteen otin yhteyttä jo toukokuussa."),
        ("Kouluun otin yhteyttä jo toukokuussa.", "Kouluun otin yhteyttä jo toukokuussa."),
        ("Marjamme siivoaa keittiön aina.", "[NIMI] siivoaa keittiön aina."),
        ("Ilomme on suuri.", "Ilomme on suuri."),
        (
            "matti kiinteistöpalveluista lupasi tulla katsomaan",
            "[NIMI] kiinteistöpalveluista lupasi tulla katsomaan",
        ),
        ("onni päiväkodista auttoi", "onni päiväkodista auttoi"),
        ("Keskustelin Karimien kanssa pitkään.", "Keskustelin [NIMI] kanssa pitkään."),
        # given care
        (
            "Tuuli sai lähetteen fysioterapiaan.",
            "[NIMI] sai lähetteen fysioterapiaan.",
        ),
        ("Lumi sai aikaan tulvan.", "Lumi sai aikaan tulvan."),
        ("Lahti sai rokotteet ensimmäisenä.", "Lahti sai rokotteet ensimmäisenä."),
        # after dev_au
        ("Tuuli on saanut toimintaterapiaa.", "[NIMI] on saanut toimintaterapiaa."),
        ("Lumi on sulanut.", "Lumi on sulanut."),
        ("Kalliolla on aina kiire.", "[NIMI] on aina kiire."),
        ("Lahdella on kiire rakentaa.", "Lahdella on kiire rakentaa."),
        ("Kiven tilalle palkattiin seuraaja.", "[NIMI] tilalle palkattiin seuraaja."),
        ("Joulun jälkeen tuli sijainen.", "Joulun jälkeen tuli sijainen."),
        ("Aholan hoivayksikön katto vuotaa.", "Aholan hoivayksikön katto vuotaa."),
        ("Runebergin tortut loppuivat kesken.", "Runebergin tortut loppuivat kesken."),
        # after dev_av
        ("liikunnanope Salo pakottaa juoksemaan", "liikunnanope [NIMI] pakottaa juoksemaan"),
        ("Ope sanoi että huomenna on koe.", "Ope sanoi että huomenna on koe."),
        ("Koivisto ei anna lupaa.", "Koivisto ei anna lupaa."),
        ("Laakso opettaa matikkaa ja on kiva", "[NIMI] opettaa matikkaa ja on kiva"),
        ("Kokemus opettaa.", "Kokemus opettaa."),
        ("Lumi tässä, kysy lisää", "[NIMI] tässä, kysy lisää"),
        ("Kaikki tässä, kiitos.", "Kaikki tässä, kiitos."),
        ("Mäelle pitäis kertoa tästä", "[NIMI] pitäis kertoa tästä"),
        # after dev_ax
        (
            "Työsuojeluvaltuutettu Koski on ottanut asian hoitaakseen.",
            "Työsuojeluvaltuutettu [NIMI] on ottanut asian hoitaakseen.",
        ),
        ("Salon johtamistyyli perustuu pelkoon.", "[NIMI] johtamistyyli perustuu pelkoon."),
        ("Koskelan toimipisteen siirto sujui hyvin.", "Koskelan toimipisteen siirto sujui hyvin."),
        # after dev_ay
        ("Laine on esteellinen tässä asiassa.", "[NIMI] on esteellinen tässä asiassa."),
        (
            "Valolle ei ole vieläkään järjestetty tukiopetusta.",
            "[NIMI] ei ole vieläkään järjestetty tukiopetusta.",
        ),
        # a town contacted
        ("Otin yhteyttä Lahteen jo toukokuussa.", "Otin yhteyttä Lahteen jo toukokuussa."),
        (
            "Olin yhteydessä Saloon, ja hän lupasi selvittää.",
            "Olin yhteydessä [NIMI], ja hän lupasi selvittää.",
        ),
    ],
)
def test_session12_rules(text: str, expected: str) -> None:
    check(text, expected)
