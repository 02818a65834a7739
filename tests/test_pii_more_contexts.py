"""mask_pii: the person contexts and formats added after the blind set dev_d (team-written
sentences; each rule with a sentence it masks and an ordinary look-alike it keeps)."""

from __future__ import annotations

import pytest

import vastausanalyysi as va


def mask(text: str) -> str:
    return va.mask_pii([text])[0]


@pytest.mark.parametrize("phone", ["041.709.3346", "050.412.88.77", "040/8871 334", "044/123 4567"])
def test_phones_with_dots_and_slashes(phone: str) -> None:
    assert mask(f"Soita {phone} aamulla.") == "Soita [PUHELIN] aamulla."


@pytest.mark.parametrize(
    "text",
    ["Kokous 01.12.2026 klo 9.", "Jakso 03/2025-12/2025.", "Versio 1.20.3 ja 0.125.333 kpl."],
)
def test_dates_and_versions_are_no_phones(text: str) -> None:
    assert mask(text) == text
