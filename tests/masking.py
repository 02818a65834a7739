"""One text through the default masker, and the check of what it masks to, for the tests of
``mask_pii``'s rules."""

from __future__ import annotations

import vastausanalyysi as va


def mask(text: str) -> str:
    """``text`` as :func:`vastausanalyysi.mask_pii` masks it."""
    return va.mask_pii([text])[0]


def check(text: str, expected: str | None) -> None:
    """``text`` masks to ``expected``; None: it masks to something starting with a name."""
    masked = mask(text)
    if expected is None:
        assert masked.startswith("[NIMI]"), masked
    else:
        assert masked == expected
