"""IP addresses are personal data: masked as ``[IP]`` in texts, and a column of them is contact
data (written as ``[IP]``, refused as a grouping column). Team-written examples (QA 5)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from vastausanalyysi.cli import main
from vastausanalyysi.nlp.pii import IP, mask_pii

MASKED = [
    ("Kirjautuminen osoitteesta 192.168.10.12 epäonnistui.", "192.168.10.12"),
    ("IP 10.0.0.1, palvelin kaatui.", "10.0.0.1"),
    ("Osoite fe80::1ff:fe23:4567:890a näkyi lokissa.", "fe80::1ff:fe23:4567:890a"),
    ("2001:db8:85a3:0:0:8a2e:370:7334", "2001:db8:85a3:0:0:8a2e:370:7334"),
    ("Palvelin 192.168.001.010 ei vastaa.", "192.168.001.010"),  # zero-padded (QA 6 #4)
]
KEPT = [
    "Pykälä 3.2.1.4 koskee tätä.",
    "Versio 1.2.3 on käytössä.",
    "Päivämäärä 1.2.2026 sopii.",
    "Tavataan klo 12:30.",
    "Summa 1.250.000.000 euroa.",
    "Kohta 01.02.03.04 on muutettu.",  # zero-padded section numbers
    "Puhelin 040 123 4567 on päivystyksessä.",  # a phone number stays a phone number
]


@pytest.mark.parametrize(("text", "address"), MASKED)
def test_an_ip_address_is_masked(text: str, address: str) -> None:
    (out,) = mask_pii([text])
    assert address not in out and IP in out


@pytest.mark.parametrize("text", KEPT)
def test_dotted_and_colon_numbers_that_are_no_address_stay(text: str) -> None:
    (out,) = mask_pii([text])
    assert IP not in out


def test_an_ip_column_is_written_masked_and_refused_as_a_group(tmp_path, capsys) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Vastaajan tunnus", "Kunta", "IP-osoite", "Mikä toimii hyvin?"])
    answers = [
        "Perhekeskuksen yhteistyö sujuu hyvin ja tapaamiset ovat säännöllisiä.",
        "Tiedonkulku hyvinvointialueelta on parantunut viime vuodesta.",
        "Oppilashuollon kuraattorit ovat tavoitettavissa kouluilla.",
        "Varautumisen harjoitukset pelastuslaitoksen kanssa onnistuivat.",
    ]
    for i in range(8):
        ws.append([f"R{i}", "Oulu", f"172.16.{i}.{10 + i}", answers[i % 4]])
    wb.save(tmp_path / "kysely.xlsx")
    out = tmp_path / "tulos"
    assert main(["-q", "survey", str(tmp_path / "kysely.xlsx"), "-o", str(out)]) == 0
    written = (out / "respondents.csv").read_text(encoding="utf-8")
    assert "172.16." not in written and IP in written
    code = main(["-q", "summary", str(tmp_path / "kysely.xlsx"), "-b", "IP-osoite"])
    assert code == 2 and "IP addresses" in capsys.readouterr().err
