"""mask_pii: the rules added after session eleven's blind sets dev_aj and dev_ak (2026-12-08).
Team-written sentences (not the sets' sentences): each rule with sentences it masks and
ordinary look-alikes it keeps.

* a word of an e-mail address joins no name before it ("MATTI VIRTANEN
  MATTI.VIRTANEN@…": all capitals);
* a surname that is also a word, in a local case (``nlp.pii.local_cases``): an elative before
  "tuli" and a title, an ablative before "ei … kuulunut", an inessive before "olla" with "hän"
  later, a title in the essive right after;
* a plural "ovat ainoat, jotka …" and an adverb before the verb of the "joka" clause;
* after dev_al and dev_am: an abbreviation with a case ending joins no name and is a unit the
  person is from ("Matti IT:ltä korjasi …"), initials with a verb and "hän" later, an elative
  after "pitää" (liking) or "kertoa" with "hän" later, short first names Voikko reads as places
  ("Saku"), an institute and a villa named after a person;
* after dev_ao (elected officials): a party's abbreviation after a name and "X:stä kerrotaan,
  että hän" (a town's name too), a turn to speak, a hall named after a person;
* after dev_an (the issue's kinds, built systematically): the comitative, a first name addressed,
  lower-case coordination of a first name rarely a word, "meidän" + a first name + a verb said of
  people, "ainoa" with an adverbial before "joka", a role in a "joka" clause after any case,
  "Anna" + genitive + infinitive;
* after dev_ap (a realistic mix, measured after all of the above): a short unknown given name
  has no case ending ("Nguyen Thi Lan"), a person's case and lessons ("Mattilan tapaus", "Karhun
  tunneilla"), a colloquial role after a hyphen ("Minna-open").
"""

from __future__ import annotations

import pytest

from masking import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words of an all-capital e-mail address are masked with it, not joined to the name
        (
            "YHTEYSHENKILÖ PEKKA LAITINEN PEKKA.LAITINEN@KUNTA.EXAMPLE",
            "YHTEYSHENKILÖ [NIMI] [EMAIL]",
        ),
        ("MARJA KOSKI MARJA.KOSKI@EXAMPLE.ORG 040 555 1234", "[NIMI] [EMAIL] [PUHELIN]"),
        # an elative before "tuli" / "on tullut" and a title or a person's noun
        ("Mäestä tuli keväällä uusi rehtori.", "[NIMI] tuli keväällä uusi rehtori."),
        (
            "Laineesta on tullut meidän koulun luottohenkilö.",
            "[NIMI] on tullut meidän koulun luottohenkilö.",
        ),
        ("Kivestä tuli ma. sivistysjohtaja.", "[NIMI] tuli ma. sivistysjohtaja."),
        # not a thing coming from a place, nor someone coming from a town
        ("Koskesta tuli sähköä koko kylälle.", "Koskesta tuli sähköä koko kylälle."),
        ("Salosta tulee viikoittain lääkäri.", "Salosta tulee viikoittain lääkäri."),
        # said of someone, with "hän" later (a town's name too); not news of a town
        (
            "Lahdesta kerrotaan, että hän on tiukka puheenjohtaja.",
            "[NIMI] kerrotaan, että hän on tiukka puheenjohtaja.",
        ),
        (
            "Salosta kerrottiin, että kaupunki rakentaa koulun.",
            "Salosta kerrottiin, että kaupunki rakentaa koulun.",
        ),
        # a party's abbreviation after a name, a town's name too
        ("Salo (kok.) muistutti talousarviosta.", "[NIMI] (kok.) muistutti talousarviosta."),
        ("Lahti, sd., kannatti esitystä.", "[NIMI], sd., kannatti esitystä."),
        ("Salo (Varsinais-Suomi) on kaupunki.", "Salo (Varsinais-Suomi) on kaupunki."),
        # a turn to speak is a person's; a hall named after a person is no person
        ("Tuulin puheenvuoro oli illan paras.", "[NIMI] puheenvuoro oli illan paras."),
        ("Kahvit juotiin Snellmanin salissa.", "Kahvit juotiin Snellmanin salissa."),
        (
            "Virrasta tuli tulvavesi, ja rehtori soitti.",
            "Virrasta tuli tulvavesi, ja rehtori soitti.",
        ),
        # an ablative before "ei … kuulunut": nothing heard from someone
        ("Vuorelta ei ole kuulunut vastausta.", "[NIMI] ei ole kuulunut vastausta."),
        ("Aholtakaan ei kuulunut mitään.", "[NIMI] ei kuulunut mitään."),
        # not a sound from a place, nor a town (the town's office may be meant)
        ("Rannalta kuului ääniä koko yön.", "Rannalta kuului ääniä koko yön."),
        ("Lahdelta ei ole kuulunut mitään.", "Lahdelta ei ole kuulunut mitään."),
        # an inessive before "olla" with "hän" later in the sentence: a person's qualities
        (
            "Laineessa on se hieno piirre, että hän jaksaa kuunnella.",
            "[NIMI] on se hieno piirre, että hän jaksaa kuunnella.",
        ),
        # not without "hän", nor a town's
        ("Mäessä on jyrkkä rinne.", "Mäessä on jyrkkä rinne."),
        ("Salossa on koulu, jossa hän opettaa.", "Salossa on koulu, jossa hän opettaa."),
        # a title in the essive right after a surname in an inner local case
        ("Tykkäsin Koskesta rehtorina.", "Tykkäsin [NIMI] rehtorina."),
        ("Pidin Koskesta kovasti.", "Pidin Koskesta kovasti."),
        # "ovat ainoat, jotka …" of people, and an adverb before the verb
        (
            "Aho ja Laine ovat ainoat, jotka oikeasti kuuntelevat perheitä.",
            "[NIMI] ja [NIMI] ovat ainoat, jotka oikeasti kuuntelevat perheitä.",
        ),
        (
            "Karhu on ainoa, joka todella ymmärtää kotihoitoa.",
            "[NIMI] on ainoa, joka todella ymmärtää kotihoitoa.",
        ),
        # not of towns doing what towns do
        (
            "Kuopio ja Lahti ovat ainoat, jotka ovat hakeneet avustusta.",
            "Kuopio ja Lahti ovat ainoat, jotka ovat hakeneet avustusta.",
        ),
        # an abbreviation with a case ending is the unit someone is from, not their surname
        ("Matti IT:ltä korjasi tulostimen.", "[NIMI] IT:ltä korjasi tulostimen."),
        ("Kaisa HR:stä lupasi selvittää asian.", "[NIMI] HR:stä lupasi selvittää asian."),
        ("Usko IT:hen on koetuksella.", "Usko IT:hen on koetuksella."),
        ("Tietoa saatiin THL:stä ja Kelasta.", "Tietoa saatiin THL:stä ja Kelasta."),
        # initials acting, with "hän" later in the sentence (not a unit: "heille")
        (
            "MK on hoitanut asian hienosti, kiitos hänelle.",
            "[NIMI] on hoitanut asian hienosti, kiitos hänelle.",
        ),
        ("HR on hoitanut asian, kiitos heille.", "HR on hoitanut asian, kiitos heille."),
        # liking someone, or telling of them, with "hän" later (not a place "jossa hän …")
        ("En pidä Laineesta, hän ei kuuntele.", "En pidä [NIMI], hän ei kuuntele."),
        ("Pidän Mäestä, jossa hän asuu.", "Pidän Mäestä, jossa hän asuu."),
        (
            "Kerroin esimiehelle Vuoresta ja hänen tavoistaan.",
            "Kerroin esimiehelle [NIMI] ja hänen tavoistaan.",
        ),
        # a short first name Voikko reads as a place
        ("Kiitos Sakulle avusta!", "Kiitos [NIMI] avusta!"),
        # an institute and a villa named after a person are not masked; a family's villa is
        ("Testit tehtiin Niilo Mäki Instituutissa.", "Testit tehtiin Niilo Mäki Instituutissa."),
        ("Aino Acktén huvilassa pidettiin juhlat.", "Aino Acktén huvilassa pidettiin juhlat."),
        ("Virtasen huvilalla juhlittiin.", "[NIMI] huvilalla juhlittiin."),
        # dev_an: a name in the comitative (a place has no company); a lower-case word does not
        ("Juhlaan tuli Rantaloineen koko suku.", "Juhlaan tuli [NIMI] koko suku."),
        ("Talo myytiin kivineen päivineen.", "Talo myytiin kivineen päivineen."),
        # a first name addressed after a greeting, before "ja muut"
        ("Hyvä Aura ja muut ohjaajat, kiitos!", "Hyvä [NIMI] ja muut ohjaajat, kiitos!"),
        # a lower-case first name rarely a word, coordinated with a masked name
        ("matti ja Liisa kotihoidosta on parhaita", "[NIMI] ja [NIMI] kotihoidosta on parhaita"),
        # "meidän" before a first name doing what people do; not "meidän onni oli, että …"
        ("meidän lumi tykkää eskarista", "meidän [NIMI] tykkää eskarista"),
        ("meidän onni oli, että apu tuli.", "meidän onni oli, että apu tuli."),
        # "ainoa" with an adverbial before the "joka" clause
        (
            "Aho oli ainoa toimistossa, joka vastasi puhelimeen.",
            "[NIMI] oli ainoa toimistossa, joka vastasi puhelimeen.",
        ),
        # a role in a "joka" clause right after a name in any case, a town's name too
        (
            "Tapasin kerhossa Heinolan, joka on siellä ohjaaja.",
            "Tapasin kerhossa [NIMI], joka on siellä ohjaaja.",
        ),
        # "Anna" with a genitive and an infinitive is the verb
        ("Anna ihmisten valita itse.", "Anna ihmisten valita itse."),
        # dev_ap: a short foreign given name is no stem with a case ending ("Lan" is no "La-n")
        (
            "Nguyen Thi Lan kirjastosta auttoi minua.",
            "[NIMI] kirjastosta auttoi minua.",
        ),
        # a person's case and lessons (not a town's, nor hours)
        ("Mattilan tapaus toistui.", "[NIMI] tapaus toistui."),
        ("Karhun tunneilla on rauhatonta.", "[NIMI] tunneilla on rauhatonta."),
        ("Kuopion tapaus on tuttu.", "Kuopion tapaus on tuttu."),
        ("Kahden tunnin kokous venyi.", "Kahden tunnin kokous venyi."),
        # a colloquial role after a hyphen that Voikko does not know
        ("Kiitos Sari-opelle!", "Kiitos [NIMI]-opelle!"),
        ("Helsinki-opas on hyvä.", "Helsinki-opas on hyvä."),
    ],
)
def test_session11_rules(text: str, expected: str | None) -> None:
    check(text, expected)
