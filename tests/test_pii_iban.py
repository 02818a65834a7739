"""Bank account numbers (IBAN) are personal data: masked as ``[TILINUMERO]`` in texts when their
check digits are right, and a column of them is contact data (written as ``[TILINUMERO]``,
refused as a grouping column). Team-written examples; the account numbers are made up with
valid check digits."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from vastausanalyysi.cli import main
from vastausanalyysi.nlp.pii import IBAN, PLACEHOLDERS, mask_pii
from vastausanalyysi.nlp.pii.patterns import valid_iban

MASKED = [
    ("Maksu tilille FI21 1234 5600 0007 85 perjantaihin mennessä.", "FI21 1234 5600 0007 85"),
    ("IBAN: FI2112345600000785", "FI2112345600000785"),
    ("Tilinumero FI49 5000 9420 0287 30, saaja Matti Virtanen.", "FI49 5000 9420 0287 30"),
    ("Konto SE45 5000 0000 0583 9825 7466.", "SE45 5000 0000 0583 9825 7466"),
    # any case, dashes between the groups (QA 6)
    ("Tilinumero fi2112345600000785.", "fi2112345600000785"),
    ("Tili Fi21 1234 5600 0007 85.", "Fi21 1234 5600 0007 85"),
    ("Maksu: FI21-1234-5600-0007-85", "FI21-1234-5600-0007-85"),
]
KEPT = [
    "Koodi AB12 CDEF GHIJ KLMN on tunnus.",  # no valid check digits
    "Diaarinumero VA12 3456 7890 / 2026 käsittelyssä.",
    "Y-tunnus 1234567-8 on yhdistyksen.",
    "Summa FI 2026 oli 1 200 000 euroa.",
]


@pytest.mark.parametrize(("text", "account"), MASKED)
def test_an_account_number_is_masked(text: str, account: str) -> None:
    (out,) = mask_pii([text])
    assert account not in out and IBAN in out
    assert not any(ch.isdigit() for ch in out.split(IBAN)[0][-3:])  # nothing of it left before


@pytest.mark.parametrize("text", KEPT)
def test_codes_that_are_no_account_number_stay(text: str) -> None:
    (out,) = mask_pii([text])
    assert IBAN not in out


def test_the_check_digits_decide() -> None:
    assert valid_iban("FI21 1234 5600 0007 85")
    assert not valid_iban("FI21 1234 5600 0007 86")  # one digit off
    assert not valid_iban("FI22 1234 5600 0007 85")
    assert IBAN in PLACEHOLDERS


def test_an_account_column_is_written_masked_and_refused_as_a_group(tmp_path, capsys) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Vastaajan tunnus", "Kunta", "Tilinumero", "Mikä toimii hyvin?"])
    accounts = ["FI21 1234 5600 0007 85", "FI49 5000 9420 0287 30"]
    answers = [
        "Perhekeskuksen yhteistyö sujuu hyvin ja tapaamiset ovat säännöllisiä.",
        "Tiedonkulku hyvinvointialueelta on parantunut viime vuodesta.",
    ]
    for i in range(8):
        ws.append([f"R{i}", "Oulu", accounts[i % 2], answers[i % 2]])
    wb.save(tmp_path / "kysely.xlsx")
    out = tmp_path / "tulos"
    assert main(["-q", "survey", str(tmp_path / "kysely.xlsx"), "-o", str(out)]) == 0
    written = (out / "respondents.csv").read_text(encoding="utf-8")
    assert "5600 0007" not in written and IBAN in written
    code = main(["-q", "summary", str(tmp_path / "kysely.xlsx"), "-b", "Tilinumero"])
    assert code == 2 and "bank account numbers" in capsys.readouterr().err
