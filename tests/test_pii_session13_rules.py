"""mask_pii: the rules added after the blind set dev_az (a county's feedback with names of many
origins), 2026-12-08. Team-written sentences (not the set's sentences): each rule with sentences
it masks and ordinary look-alikes it keeps.

* a name of another language typed in lower case in the allative, the case of thanks ("kiitos
  amirille"); a lower-case word of the foreign lists in other cases stays a word ("mie", "simin");
* a clitic after the case ending of a name no dictionary knows ("Layallekin kiitos",
  "Bashirhan sen hoiti");
* a text typed all in capitals: a capital word no dictionary knows may be a name by its
  context ("NAWID ON PARAS TULKKI"), an abbreviation stays ("THL ON PARAS LAITOS");
* a demonym that Voikko reads only as an adjective is no surname in lower case or the plural
  ("virolaisia", "savolainen kollega"); a capitalised one in the singular stays a surname;
* eating places named by a name ("Grilli Sami");
* a visit booked for a child or a client after a genitive ("Sisun lääkärikäynti peruttiin");
* after dev_ba (municipal leaders' answers): an administration is a unit one is from ("Kivi
  aluehallinnosta kävi"), a document came from someone past an adverb ("Laineelta tuli
  lopulta vastaus"), and a city's district is a place ("Helsingin Kallion kaupunginosassa");
  two lower-case first names coordinated past the unit they are from, before a verb of people
  in the plural ("lumi ja tuuli tilapalveluista kävivät");
* a firm named like a person before one of its services is the firm ("Elisan liittymä");
* a title no dictionary knows starts no name ("Kiitos Ope Sannalle": the name alone).
"""

from __future__ import annotations

import pytest

from masking import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case foreign names thanked
        ("kiitos amirille ja koko tiimille", "kiitos [NIMI] ja koko tiimille"),
        ("iso kiitos ingridille", "iso kiitos [NIMI]"),
        ("mie en tiennyt mitään", "mie en tiennyt mitään"),
        ("ja sit mie menin kotiin", "ja sit mie menin kotiin"),
        # clitics
        ("Layallekin kiitos, vaikka jono oli pitkä.", "[NIMI] kiitos, vaikka jono oli pitkä."),
        ("Kiitos Fatimallekin!", "Kiitos [NIMI]!"),
        # all capitals
        (
            "NAWID ON PARAS TULKKI JOTA MEILLÄ ON OLLUT",
            "[NIMI] ON PARAS TULKKI JOTA MEILLÄ ON OLLUT",
        ),
        ("THL ON PARAS LAITOS", "THL ON PARAS LAITOS"),
        ("HVA EI VASTAA PUHELIMEEN", "HVA EI VASTAA PUHELIMEEN"),
        # demonyms
        (
            "Meillä on töissä paljon virolaisia ja ukrainalaisia.",
            "Meillä on töissä paljon virolaisia ja ukrainalaisia.",
        ),
        (
            "Uusi savolainen kollega aloitti maanantaina.",
            "Uusi savolainen kollega aloitti maanantaina.",
        ),
        ("Virolainen kertoi asiasta heti.", "[NIMI] kertoi asiasta heti."),
        ("Soitin Savolaiselle eilen.", "Soitin [NIMI] eilen."),
        # eating places
        ("Grilli Sami on auki yöhön asti.", "Grilli Sami on auki yöhön asti."),
        # a visit booked for someone
        ("Sisun lääkärikäynti peruttiin taas.", "[NIMI] lääkärikäynti peruttiin taas."),
        ("Lahden kotikäynnit lisääntyivät.", "Lahden kotikäynnit lisääntyivät."),
        # dev_ba
        ("Mäki kiinteistöhallinnosta soitti eilen.", "[NIMI] kiinteistöhallinnosta soitti eilen."),
        ("Saarelta tuli viimein kirjallinen vastaus.", "[NIMI] tuli viimein kirjallinen vastaus."),
        ("Vuorelta tuli lopulta kivivyöry.", "Vuorelta tuli lopulta kivivyöry."),
        (
            "Turun Martin kaupunginosassa on uusi neuvola.",
            "Turun Martin kaupunginosassa on uusi neuvola.",
        ),
        (
            "lumi ja tuuli tilapalveluista kävivät katsomassa",
            "[NIMI] ja [NIMI] tilapalveluista kävivät katsomassa",
        ),
        ("lumi ja jää tilapalveluista tulivat", "lumi ja jää tilapalveluista tulivat"),
        ("onni ja ilo kävivät koululla", "onni ja ilo kävivät koululla"),
        # a firm's service
        ("Elisan liittymä ei toimi koulun tiloissa.", "Elisan liittymä ei toimi koulun tiloissa."),
        ("Elisan äiti soitti eilen.", "[NIMI] äiti soitti eilen."),
        # a title no dictionary knows before a name
        ("Kiitos Ope Sannalle!", "Kiitos Ope [NIMI]!"),
        ("Ope Virtanen kertoi asiasta.", "Ope [NIMI] kertoi asiasta."),
    ],
)
def test_session13_rules(text: str, expected: str) -> None:
    check(text, expected)


def test_whether_a_text_is_typed_in_capitals_is_asked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shape of the whole text is read once per text, not once per run of unknown words (a
    long answer with many of them stays linear; it had been asked per run)."""
    from vastausanalyysi.nlp.pii import masker

    calls = []
    real = masker.typed_in_capitals

    def counted(infos: list) -> bool:
        calls.append(len(infos))
        return real(infos)

    monkeypatch.setattr(masker, "typed_in_capitals", counted)
    text = "NAWID ON PARAS TULKKI. " + "HVA EI VASTAA, QWERTY KERTOI. " * 50
    masked = masker.PiiMasker().mask(text)
    assert masked.startswith("[NIMI] ON PARAS TULKKI.")
    assert len(calls) == 1
